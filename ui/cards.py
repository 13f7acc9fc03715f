"""Figure cards (st.metric) with the change since the previous wave, its test, and the target."""

from __future__ import annotations

import streamlit as st

from survey.analysis import Change
from survey.reporting import report
from ui.downloads import weighting_note
from ui.i18n import lang, plain

DASH = report.DASH
number = report.number  # a figure as text; missing figures show as a dash


def test_name(test: str) -> str:
    return report.test_name(test, lang())


def change_text(change: Change, previous_wave: str | None, spec: str) -> str:
    """ "+4.9 since 2026-06 (Welch t-test, p = 0.067, not significant)" in the user's language, for a card's
    caption (Markdown: the wave's name, as imported, shown as typed)."""
    return report.change_text(change, None if previous_wave is None else plain(previous_wave), spec, lang())


def card(
    column,
    title: str,
    value: float,
    *,
    spec: str = ".1f",
    change: Change | None = None,
    previous_wave: str | None = None,
    target: float | None = None,
    note: str | None = None,
    help_text: str | None = None,
    delta_color: str = "normal",
) -> None:
    """One figure: the value, its change (delta) since the previous wave, then the test, target and note.
    The change is coloured (green up, red down) only when its test calls it significant; otherwise grey,
    so a card never signals what the test does not support."""
    with column:
        delta = number(change.difference, "+" + spec) if change is not None else None
        st.metric(
            title,
            number(value, spec),
            delta=delta if delta != DASH else None,
            delta_color=delta_color if change is not None and change.significant else "off",
            help=help_text,
            border=True,
        )
        lines = []
        if note:
            lines.append(note)
        if change is not None:
            lines.append(change_text(change, previous_wave, spec))
        target_line = report.target_text(value, target, spec, lang())
        if target_line:
            lines.append(target_line)
        if weighting_note():
            lines.append(weighting_note())
        if lines:
            st.caption("  \n".join(lines))
