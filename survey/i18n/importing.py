"""Texts of response import: reading files, mapping, validation, batches (zh, en)."""

MESSAGES: dict[str, tuple[str, str]] = {}
