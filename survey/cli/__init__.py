"""The command lines: imports of survey-tool exports (python -m survey), accounts (admin), first set-up (setup)."""
