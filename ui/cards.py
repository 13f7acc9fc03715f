"""Figure cards (st.metric) with the change since the previous wave, its test, and the target."""

from __future__ import annotations

import math

import streamlit as st

from survey import analysis
from survey.analysis import Change
from ui.i18n import t

DASH = "—"


def number(value, spec: str = ".1f") -> str:
    """A figure as text; missing figures show as a dash."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    return format(value, spec)


def test_name(test: str) -> str:
    return {"welch_t": t("test.welch_t"), "nps_z": t("test.nps_z")}.get(test, test)


def change_text(change: Change, previous_wave: str | None, spec: str) -> str:
    """ "+4.9 since 2026-06 (Welch t-test, p = 0.067, not significant)"."""
    if not change.test or math.isnan(change.p_value):
        return t("card.change_plain", difference=number(change.difference, "+" + spec), wave=previous_wave or "")
    verdict = t("card.significant") if change.significant else t("card.not_significant")
    return t(
        "card.change",
        difference=number(change.difference, "+" + spec),
        wave=previous_wave or "",
        test=test_name(change.test),
        p=number(change.p_value, ".3f"),
        verdict=verdict,
    )


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
    """One figure: the value, its change (delta) since the previous wave, then the test, target and note."""
    with column:
        delta = number(change.difference, "+" + spec) if change is not None else None
        st.metric(
            title,
            number(value, spec),
            delta=delta if delta != DASH else None,
            delta_color=delta_color,
            help=help_text,
            border=True,
        )
        lines = []
        if note:
            lines.append(note)
        if change is not None:
            lines.append(change_text(change, previous_wave, spec))
        if target is not None:
            gap = analysis.target_gap(value, target)
            lines.append(t("card.target", target=number(target, spec), gap=number(gap, "+" + spec)))
        if lines:
            st.caption("  \n".join(lines))
