"""What a dashboard page shows besides its widgets and explanations: charts and tables, ready to show.

A `Chart` is an Altair chart in the view's language with the name its files and buttons take
(`nps-distribution.png`) and the figures it draws; a `Table` is a frame with the headers shown, its name
(`nps-by-segment.csv`) and how Streamlit formats its columns. The page shows them (`show()`: with their
downloads, `ui.downloads`); the Report takes the same charts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import altair as alt
import pandas as pd

from ui.downloads import show_chart, show_table


@dataclass(frozen=True, eq=False)
class Chart:
    """A chart of a page: `name` names its files, `chart` is the Altair chart, `data` the figures it draws."""

    name: str
    chart: alt.TopLevelMixin
    data: pd.DataFrame

    @property
    def title(self) -> str:
        """The chart's title text (Vega-Lite `title.text`; a title of several lines joined by spaces)."""
        return chart_title(self.chart.to_dict())

    def show(self, *, width: str = "stretch") -> None:
        """On the page, with its PNG and SVG downloads."""
        show_chart(self.chart, self.name, width=width)


@dataclass(frozen=True, eq=False)
class Table:
    """A table of a page: `frame` with the headers shown, `name` names its CSV / Excel files, `column_config`
    (st.dataframe's) how its numbers are written."""

    name: str
    frame: pd.DataFrame
    column_config: Mapping = field(default_factory=dict)

    def show(self) -> None:
        """On the page, with its CSV and Excel downloads."""
        show_table(self.frame, self.name, column_config=self.column_config)


def chart_title(spec: Mapping) -> str:
    """The title text of a Vega-Lite spec (its top-level `title`)."""
    title = spec.get("title", "")
    if isinstance(title, Mapping):
        title = title.get("text", "")
    return title if isinstance(title, str) else " ".join(title)
