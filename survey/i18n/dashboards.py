"""Texts of the dashboards: overview, gaps, priorities, NPS, loyalty, model, exports (zh, en)."""

MESSAGES: dict[str, tuple[str, str]] = {}
