"""The dashboards' charts: one function per chart, each returning an Altair chart.

Every builder takes the figures as a DataFrame (or a metrics result), the
labels to show for codes, and `lang` ("zh" / "en"), so the same chart serves
the page and the exports. Every chart has a title and axis titles in that
language and a tooltip with n; colours are the Okabe–Ito palette (safe for
the common colour-vision deficiencies), with shape or fill as a second cue
where a colour carries meaning.

One module per family, all importable from here (``from ui import charts``):

- `ui.charts.style`: palette, font, titles, heights: what every chart shares;
- `ui.charts.gaps`: expectation and perception (Gaps page);
- `ui.charts.priorities`: the importance–performance matrix (Priorities page);
- `ui.charts.nps`: the Net Promoter Score charts (NPS page);
- `ui.charts.indices`: the 0–100 indices per wave and per item (Overview, Loyalty);
- `ui.charts.loyalty`: the satisfaction–loyalty matrix, segment shares, the customer pyramid (Loyalty page);
- `ui.charts.model`: the path diagram, the outer loadings, the quality grids and the IPMA (Model page);
- `ui.charts.analysis`: crosstabs, Likert distributions, drivers (the Analysis section; imported as
  `from ui.charts import analysis`).
"""

from ui.charts.gaps import dimension_gap_chart, experience_chart, gap_dumbbell, profile_chart
from ui.charts.indices import index_items_chart, index_trend_chart
from ui.charts.loyalty import loyalty_matrix_chart, pyramid_chart, segment_share_chart
from ui.charts.model import (
    MODEL_LAYOUT,
    QUALITY_COLOURS,
    htmt_chart,
    ipma_chart,
    loadings_chart,
    path_diagram,
    quality_chart,
)
from ui.charts.nps import nps_distribution_chart, nps_segment_chart, nps_trend_chart
from ui.charts.priorities import ipa_matrix
from ui.charts.style import (
    CATEGORICAL,
    FONT,
    NPS_COLOURS,
    OKABE_ITO,
    QUADRANT_COLOURS,
    SEGMENT_COLOURS,
    SEGMENT_SHAPES,
)

__all__ = [
    "CATEGORICAL",
    "FONT",
    "MODEL_LAYOUT",
    "NPS_COLOURS",
    "OKABE_ITO",
    "QUADRANT_COLOURS",
    "QUALITY_COLOURS",
    "SEGMENT_COLOURS",
    "SEGMENT_SHAPES",
    "dimension_gap_chart",
    "experience_chart",
    "gap_dumbbell",
    "index_items_chart",
    "index_trend_chart",
    "htmt_chart",
    "ipma_chart",
    "ipa_matrix",
    "loadings_chart",
    "loyalty_matrix_chart",
    "nps_distribution_chart",
    "nps_segment_chart",
    "nps_trend_chart",
    "path_diagram",
    "profile_chart",
    "pyramid_chart",
    "quality_chart",
    "segment_share_chart",
]
