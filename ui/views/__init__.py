"""One view per dashboard page: what the page shows, built once, shown by the page and put in the Report.

A view is a frozen dataclass built by one function from the sidebar's `Selection`, the language and the
page's own choices (`overview_view(sel, lang)`, `gaps_view(sel, lang, within=...)`, `priorities_view(sel,
lang, importance=...)`, `nps_view(sel, lang, by=...)`, `loyalty_view(sel, lang)`, `model_view(sel, lang,
bootstrap=...)`; in the Analysis section `crosstabs_view(sel, lang, row=..., column=...)`,
`distributions_view(sel, lang, scale=..., sort=..., item=..., by=...)`, `drivers_view(sel, lang, target=...,
method=..., bootstrap=...)`) from the cached figures of
`ui.figures` (`ui.analysis_figures`) and the charts of `ui.charts`. It holds the page's figures, its tables
(`Table`) and its charts (`Chart`); `view.charts` and `view.tables` list them in the page's order. The page
lays them out with its widgets and explanations; `ui.report` puts `page_view(...).charts` into the PDF and
the PowerPoint, so a chart added to a view is in both.
"""

from __future__ import annotations

from collections.abc import Mapping

from ui.selection import Selection
from ui.views.crosstabs import CrosstabsView, crosstab_fields, crosstab_options, crosstabs_view
from ui.views.distributions import DistributionsView, distribution_options, distributions_view
from ui.views.drivers import DriversView, driver_targets, drivers_view
from ui.views.elements import Chart, Table
from ui.views.gaps import GapsView, gap_dimensions, gap_items, gaps_view
from ui.views.loyalty import LoyaltyView, loyalty_view
from ui.views.model import ModelView, model_view
from ui.views.nps import NPSView, nps_view, segment_field
from ui.views.overview import OverviewView, overview_view
from ui.views.priorities import PrioritiesView, priorities_view

PAGES = ("overview", "gaps", "priorities", "nps", "loyalty", "model", "crosstabs", "distributions", "drivers")
# the pages a new report starts with: the dashboards; the Analysis pages are added by choice
REPORT_DEFAULT = PAGES[:6]

# The Analysis pages' choices, by their st.session_state keys (kept by the pages): what `page_view` takes as
# `analysis`, so the Report shows those pages as the user left them.
ANALYSIS_CHOICES = (
    "crosstab_row",
    "crosstab_column",
    "distribution_scale",
    "distribution_sort",
    "distribution_item",
    "distribution_by",
    "drivers_target",
    "drivers_method",
)

PageView = (
    OverviewView
    | GapsView
    | PrioritiesView
    | NPSView
    | LoyaltyView
    | ModelView
    | CrosstabsView
    | DistributionsView
    | DriversView
)


def page_view(
    sel: Selection,
    page: str,
    lang: str,
    *,
    importance: str | None = None,
    nps_field: str | None = None,
    analysis: Mapping | None = None,
) -> PageView:
    """The view of the dashboard page `page` as the page first shows it: every dimension on Gaps, no
    bootstrap on Model, the first fields offered on Crosstabs and
    Distributions, LMG without a bootstrap on Drivers; `importance` on Priorities and the segment
    field `nps_field` on NPS when the survey offers them (the pages' choices, kept in the session); the
    Analysis pages' choices `analysis` (by their keys, `ANALYSIS_CHOICES`; a choice missing or not offered
    falls back to the page's first)."""
    choice = dict(analysis or {})
    if page == "overview":
        return overview_view(sel, lang)
    if page == "gaps":
        return gaps_view(sel, lang)
    if page == "priorities":
        return priorities_view(sel, lang, importance=importance)
    if page == "nps":
        return nps_view(sel, lang, by=nps_field)
    if page == "loyalty":
        return loyalty_view(sel, lang)
    if page == "model":
        return model_view(sel, lang)
    if page == "crosstabs":
        return crosstabs_view(sel, lang, row=choice.get("crosstab_row"), column=choice.get("crosstab_column"))
    if page == "distributions":
        return distributions_view(
            sel,
            lang,
            scale=choice.get("distribution_scale"),
            sort=choice.get("distribution_sort") or "order",
            item=choice.get("distribution_item"),
            by=choice.get("distribution_by"),
        )
    if page == "drivers":
        return drivers_view(
            sel, lang, target=choice.get("drivers_target"), method=choice.get("drivers_method") or "lmg"
        )
    raise ValueError(f"unknown dashboard page {page!r}; one of {', '.join(PAGES)}")


__all__ = [
    "ANALYSIS_CHOICES",
    "REPORT_DEFAULT",
    "PAGES",
    "Chart",
    "CrosstabsView",
    "DistributionsView",
    "DriversView",
    "GapsView",
    "LoyaltyView",
    "ModelView",
    "NPSView",
    "OverviewView",
    "PageView",
    "PrioritiesView",
    "Table",
    "crosstab_fields",
    "crosstab_options",
    "crosstabs_view",
    "distribution_options",
    "distributions_view",
    "driver_targets",
    "drivers_view",
    "gap_dimensions",
    "gap_items",
    "gaps_view",
    "loyalty_view",
    "model_view",
    "nps_view",
    "overview_view",
    "page_view",
    "priorities_view",
    "segment_field",
]
