"""From a survey definition and its responses to the inputs `metrics/` needs, and the dashboards' figures.

Pure pandas / numpy, no Streamlit: the dashboards cache these functions, the
reports and exports can call them as they are.

`analysis_inputs(defn)` reads a `SurveyDefinition` once and says what the
survey offers (`AnalysisInputs`): the indicator tree of its perception items
for `metrics.satisfaction_index`, the scales, the expectation/perception pairs
for `metrics.item_gaps`, the customer-experience rows, the loyalty items, the
recommend item, the overall-satisfaction items, the segment fields and, for an
ACSI / ECSI survey, the PLS blocks and paths.

The other functions take those inputs and a responses frame as
`survey.storage.store.responses_frame` returns it (one row per response; scored item
columns float with NaN = missing; attribute and comment columns text; `wave`,
`version`) and return figures: metrics' own results, or DataFrames with documented columns.
Every figure comes from `metrics`; this package only arranges data for it,
except a few plain aggregations named where they are (item means, the
per-respondent 0–100 scores that group tests and the satisfaction–loyalty
matrix need).

Missing values are never zeros: an unanswered item is left out of a mean, a
respondent who answered none of a score's items has no score.

One module per dashboard page (`overview`, `gaps`, `priorities`, `nps`, `loyalty`,
`model`; in the Analysis section `crosstabs`, `distributions`,
`drivers`), over `inputs` (what the
survey offers, the filters) and `scores`
(per-respondent scores, headline figures). This package names what pages,
reports and exports use; the functions live in those modules.
"""

from survey.analysis.crosstabs import (
    MEAN_COLUMNS,
    Banner,
    banner,
    column_fields,
    row_fields,
)
from survey.analysis.distributions import (
    DISTRIBUTION_COLUMNS,
    LIKERT_POINTS,
    SORTS,
    likert_distribution,
    likert_scales,
)
from survey.analysis.drivers import (
    BOOTSTRAP,
    DRIVER_COLUMNS,
    Drivers,
    driver_frame,
    driver_targets,
    drivers,
    resamples_for,
)
from survey.analysis.gaps import (
    GAP_COLUMNS,
    experience,
    gap_table,
    item_means,
    profile,
    servqual_gaps,
)
from survey.analysis.inputs import (
    ACSI_PATHS,
    BASE_COLUMNS,
    ECSI_PATHS,
    EXPERIENCE_ROLES,
    OPTIONAL_CONSTRUCTS,
    VALUE_FIELD,
    AnalysisInputs,
    analysis_inputs,
    filter_responses,
    segment_values,
    waves_in,
)
from survey.analysis.kano import KANO_COLUMNS, kano_table
from survey.analysis.loyalty import (
    LoyaltyMatrix,
    loyalty_by_tier,
    loyalty_matrix,
)
from survey.analysis.model import (
    QUALITY_FAMILIES,
    QUALITY_STATUSES,
    QUALITY_THRESHOLDS,
    ModelError,
    check_model_paths,
    dimension_items,
    drawn_paths,
    ipma_priorities,
    ipma_target,
    model_dimensions,
    model_fit,
    model_ipma,
    quality_by_construct,
    quality_checks,
    quality_findings,
    quality_status,
    reliability,
    template_paths,
    total_effects,
)
from survey.analysis.nps import (
    NPS_CATEGORY,
    SEGMENT_NPS_COLUMNS,
    nps_by,
    nps_distribution,
    nps_family,
    nps_trend,
)
from survey.analysis.overview import (
    ALERT_COLUMNS,
    FIGURE_COLUMNS,
    Change,
    Overview,
    SegmentTests,
    changes,
    experience_scores,
    figures_by,
    overview,
    segment_alerts,
    segment_tests,
    target_gap,
    test_key,
)
from survey.analysis.priorities import (
    concentrate_here,
    importance_options,
    priorities,
    unit_scores,
)
from survey.analysis.scores import (
    WEIGHT_COLUMN,
    frame_weights,
    index_test,
    is_weighted,
    loyalty,
    loyalty_scores,
    overall_scores,
    recommend,
    respondent_scores,
    satisfaction,
    satisfaction_scores,
)
from survey.analysis.trends import MEASURES, TREND_COLUMNS, combine_waves, csat_item, trends

__all__ = [
    "KANO_COLUMNS",
    "kano_table",
    "MEASURES",
    "TREND_COLUMNS",
    "combine_waves",
    "csat_item",
    "trends",
    "experience_scores",
    "WEIGHT_COLUMN",
    "frame_weights",
    "is_weighted",
    "BASE_COLUMNS",
    "EXPERIENCE_ROLES",
    "ECSI_PATHS",
    "ACSI_PATHS",
    "OPTIONAL_CONSTRUCTS",
    "VALUE_FIELD",
    "AnalysisInputs",
    "analysis_inputs",
    "filter_responses",
    "waves_in",
    "segment_values",
    "respondent_scores",
    "satisfaction_scores",
    "index_test",
    "loyalty_scores",
    "overall_scores",
    "satisfaction",
    "loyalty",
    "recommend",
    "FIGURE_COLUMNS",
    "figures_by",
    "Change",
    "changes",
    "ALERT_COLUMNS",
    "segment_alerts",
    "SegmentTests",
    "segment_tests",
    "test_key",
    "Overview",
    "overview",
    "target_gap",
    "GAP_COLUMNS",
    "gap_table",
    "profile",
    "servqual_gaps",
    "item_means",
    "experience",
    "unit_scores",
    "importance_options",
    "priorities",
    "concentrate_here",
    "NPS_CATEGORY",
    "nps_distribution",
    "SEGMENT_NPS_COLUMNS",
    "nps_by",
    "nps_family",
    "nps_trend",
    "LoyaltyMatrix",
    "loyalty_matrix",
    "loyalty_by_tier",
    "model_fit",
    "ModelError",
    "check_model_paths",
    "drawn_paths",
    "model_dimensions",
    "template_paths",
    "dimension_items",
    "reliability",
    "QUALITY_THRESHOLDS",
    "QUALITY_STATUSES",
    "QUALITY_FAMILIES",
    "quality_status",
    "quality_checks",
    "quality_by_construct",
    "quality_findings",
    "ipma_target",
    "model_ipma",
    "ipma_priorities",
    "total_effects",
    "Banner",
    "MEAN_COLUMNS",
    "banner",
    "column_fields",
    "row_fields",
    "DISTRIBUTION_COLUMNS",
    "LIKERT_POINTS",
    "SORTS",
    "likert_distribution",
    "likert_scales",
    "BOOTSTRAP",
    "DRIVER_COLUMNS",
    "Drivers",
    "driver_frame",
    "driver_targets",
    "drivers",
    "resamples_for",
]
