"""Responses coming in: reading files, mapping columns, validating answers, importing them, other tools' exports."""
