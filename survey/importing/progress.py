"""How a preview or an import tells the page how far it is: `progress(fraction 0–1, message)` in the user's language."""

from __future__ import annotations

from collections.abc import Callable

from survey.i18n import text

Progress = Callable[[float, str], None]


def report_progress(progress: Progress | None, fraction: float, lang: str, rows: int, *, done: bool = False) -> None:
    """Call `progress` (if any) with the fraction clipped to 0–1 and the rows read so far, or that it is done."""
    if progress is not None:
        key = "imp.progress_done" if done else "imp.progress"
        progress(min(max(fraction, 0.0), 1.0), text(lang, key, rows=f"{rows:,}"))
