"""Texts of the in-app questionnaire and its links (zh, en)."""

MESSAGES: dict[str, tuple[str, str]] = {}
