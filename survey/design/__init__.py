"""The survey's design: the indicator system (definition), its JSON file, edits of it, and the templates."""
