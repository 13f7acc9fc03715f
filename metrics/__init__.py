"""Pure computation for the satisfaction and loyalty dashboard (numpy, pandas, scipy only).

One public function per method, grouped by family:

- nps: `nps`, `nps_difference` (exact permutation / adjusted Wald)
- gaps: `experience_table`, `servqual`, `item_gaps`, `weighted_gaps`
- indices: `satisfaction_index`, `respondent_scores`, `tree_weights`, `sibling_weights`
- loyalty: `loyalty_index`, `satisfaction_loyalty_segments`
- ahp: `ahp_weights`
- reliability: `cronbach_alpha`, `alpha_by_dimension`
- pls: `pls_path_model` (with its quality: HTMT, reliability, VIF, f², total effects)
- ipma: `ipma` (importance–performance map of a path model)
- priorities: `ipa`, `ipa_stability` (bootstrap intervals, quadrant stability), `stated_importance`,
  `derived_importance`
- compare: `welch_t_test` (permutation fallback at small n), `index_difference_test` (an index
  difference itself: linearised Welch, permutation at small n), `mann_whitney_test`, `chi_square_test`,
  `fisher_exact_test`
- multiple: `holm`, `benjamini_hochberg`, `adjust_p_values`, `multiplicity_method`
- value: `customer_pyramid`, `delivered_value`
- word_of_mouth: `word_of_mouth` (the 1:25:8:1 rule)
- weighting: `rake`, `kish_effective_n`, `kish_design_effect`
- drivers: `relative_importance` (LMG / Shapley, Johnson's relative weights)
- csat: `csat`, `ces`, `wilson_interval`
- kano: `kano`
- crosstab: `crosstab` (banner table with chi-square and column-proportion letters)

Weighted figures: `nps` and `satisfaction_index` take `weights=` (one survey
weight per respondent, e.g. `rake(...).weights`), `loyalty_index` takes
`respondent_weights=` (its `weights=` are the item weights); without them
the figures are the unweighted ones.

Every function validates its input and raises ValueError with a message a
user can act on; missing values (NaN / None) are never counted as zeros.
"""

from metrics.ahp import ACCEPTABLE_CR, RANDOM_INDEX, AHPResult, Judgement, ahp_weights
from metrics.compare import (
    GroupComparison,
    chi_square_test,
    fisher_exact_test,
    index_difference_test,
    index_interval,
    mann_whitney_test,
    welch_t_test,
)
from metrics.crosstab import CrosstabResult, crosstab
from metrics.csat import CESResult, CSATResult, ces, csat, wilson_interval
from metrics.drivers import RelativeImportance, relative_importance
from metrics.gaps import ServqualResult, experience_table, item_gaps, servqual, weighted_gaps
from metrics.indices import IndexResult, respondent_scores, satisfaction_index, sibling_weights, tree_weights
from metrics.ipma import IPMAResult, ipma
from metrics.kano import KanoResult, kano
from metrics.loyalty import ON_CUT, SEGMENTS, SegmentResult, loyalty_index, satisfaction_loyalty_segments
from metrics.multiple import HANDFUL, adjust_p_values, benjamini_hochberg, holm, multiplicity_method
from metrics.nps import NPSDifference, NPSResult, nps, nps_difference
from metrics.pls import PLSDataError, PLSResult, pls_path_model
from metrics.priorities import (
    QUADRANTS,
    IPAResult,
    IPAStability,
    derived_importance,
    ipa,
    ipa_stability,
    stated_importance,
)
from metrics.reliability import alpha_by_dimension, cronbach_alpha
from metrics.value import TIERS, DeliveredValue, PyramidResult, customer_pyramid, delivered_value
from metrics.weighting import RakeResult, kish_design_effect, kish_effective_n, rake
from metrics.word_of_mouth import WordOfMouthResult, word_of_mouth

__all__ = [
    "ACCEPTABLE_CR",
    "ON_CUT",
    "QUADRANTS",
    "RANDOM_INDEX",
    "SEGMENTS",
    "TIERS",
    "AHPResult",
    "CESResult",
    "CSATResult",
    "CrosstabResult",
    "DeliveredValue",
    "GroupComparison",
    "IPAResult",
    "IPAStability",
    "IPMAResult",
    "IndexResult",
    "Judgement",
    "KanoResult",
    "NPSDifference",
    "NPSResult",
    "PLSDataError",
    "PLSResult",
    "PyramidResult",
    "RakeResult",
    "RelativeImportance",
    "SegmentResult",
    "ServqualResult",
    "WordOfMouthResult",
    "ahp_weights",
    "alpha_by_dimension",
    "ces",
    "chi_square_test",
    "cronbach_alpha",
    "crosstab",
    "csat",
    "customer_pyramid",
    "delivered_value",
    "derived_importance",
    "experience_table",
    "index_difference_test",
    "index_interval",
    "ipa",
    "ipa_stability",
    "ipma",
    "item_gaps",
    "kano",
    "kish_design_effect",
    "kish_effective_n",
    "loyalty_index",
    "mann_whitney_test",
    "nps",
    "nps_difference",
    "pls_path_model",
    "rake",
    "relative_importance",
    "respondent_scores",
    "satisfaction_index",
    "sibling_weights",
    "stated_importance",
    "tree_weights",
    "satisfaction_loyalty_segments",
    "servqual",
    "weighted_gaps",
    "welch_t_test",
    "wilson_interval",
    "word_of_mouth",
    "HANDFUL",
    "adjust_p_values",
    "benjamini_hochberg",
    "fisher_exact_test",
    "holm",
    "multiplicity_method",
]
