"""The Overview's figures: headline figures per segment, changes since the last wave, segment alerts, targets."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import pandas as pd

import metrics
from metrics.compare import SMALL_GROUP
from survey.analysis.gaps import gap_table
from survey.analysis.inputs import AnalysisInputs, segment_values, waves_in
from survey.analysis.model import model_fit
from survey.analysis.scores import (
    index_test,
    is_weighted,
    loyalty,
    loyalty_scores,
    recommend,
    satisfaction,
    satisfaction_scores,
)

FIGURE_COLUMNS = ["group", "n", "satisfaction", "nps", "nps_low", "nps_high", "nps_n", "loyalty"]


def figures_by(inputs: AnalysisInputs, frame: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Satisfaction index, NPS with its interval and loyalty index, overall or per group of `by`.

    Columns: group (the value of `by`, or None for everyone), n (responses),
    satisfaction, nps, nps_low, nps_high, nps_n (answers to the recommend item),
    loyalty; NaN where the survey lacks the items or nobody answered. Groups
    in order (waves in time order).
    """
    if by is None:
        groups = [(None, frame)]
    elif by in frame.columns:
        groups = [(str(k), g) for k, g in frame.groupby(by, sort=True, dropna=True, observed=True)]
    else:
        groups = []
    rows = []
    for key, part in groups:
        s = satisfaction(inputs, part) if len(part) else None
        r = recommend(inputs, part)
        lo = loyalty(inputs, part) if len(part) else None
        rows.append(
            {
                "group": key,
                "n": len(part),
                "satisfaction": s.index if s else math.nan,
                "nps": r.score if r else math.nan,
                "nps_low": r.ci_low if r else math.nan,
                "nps_high": r.ci_high if r else math.nan,
                "nps_n": r.n if r else 0,
                "loyalty": lo.index if lo else math.nan,
            }
        )
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS)


@dataclass(frozen=True)
class Change:
    """A figure in one wave against the wave before (a card's delta).

    current, previous: the figure in each wave; difference = current − previous.
    p_value, test: the test of the difference (`test_key`: "index_welch" or
    "index_permutation" for the satisfaction and loyalty indices, "nps_exact"
    or "nps_adjusted_wald" for NPS); NaN / "" when it cannot be computed.
    n_current, n_previous: the answers behind each figure.

    One estimator for the figure and its test: the card shows the index
    (each item's mean over the respondents who answered it, weighted up the
    tree: the CSI of domain.md §4, the figure of every other page, the trend
    and the report), so the test is of that index difference itself
    (`metrics.index_difference_test`: linearised Welch, respondents relabelled
    below 30), not of the mean per-respondent score, which weighs skipped
    items differently (course demo 2026-09 vs 2026-06: index +4.87, mean
    score +5.00). Missing-data rule, stated on the Overview: a skipped item
    is left out of that item's mean, never counted as zero.
    """

    current: float
    previous: float
    difference: float
    p_value: float
    test: str
    n_current: int
    n_previous: int
    # the cards' tests are one family (up to three at once): Holm-adjusted p, and its count
    p_adjusted: float = math.nan
    family: int = 0

    @property
    def significant(self) -> bool:
        """Below 5 % once adjusted for the cards tested together (the raw p when tested alone)."""
        p = self.p_value if math.isnan(self.p_adjusted) else self.p_adjusted
        return bool(p < 0.05)


def changes(inputs: AnalysisInputs, current: pd.DataFrame, previous: pd.DataFrame) -> dict[str, Change]:
    """Responses, satisfaction index, NPS and loyalty index in `current` against `previous`; the figures are
    tested (responses are a count, not tested). Keys: responses, satisfaction, nps, loyalty (when the
    survey has them)."""
    out: dict[str, Change] = {
        "responses": Change(
            len(current), len(previous), len(current) - len(previous), math.nan, "", len(current), len(previous)
        )
    }
    if is_weighted(current):
        return _weighted_changes(inputs, current, previous, out)
    s_now, s_before = satisfaction(inputs, current), satisfaction(inputs, previous)
    if s_now and s_before:
        test = index_test(inputs, "satisfaction", current, previous)
        out["satisfaction"] = Change(
            s_now.index, s_before.index, s_now.index - s_before.index, test.p_value, test_key(test), s_now.n, s_before.n
        )
    if inputs.recommend is not None:
        a, b = metrics.nps(current[inputs.recommend]), metrics.nps(previous[inputs.recommend])
        d = metrics.nps_difference(a, b)
        out["nps"] = Change(a.score, b.score, d.difference, d.p_value, test_key(d), a.n, b.n)
    l_now, l_before = loyalty(inputs, current), loyalty(inputs, previous)
    if l_now and l_before:
        test = index_test(inputs, "loyalty", current, previous)
        out["loyalty"] = Change(
            l_now.index, l_before.index, l_now.index - l_before.index, test.p_value, test_key(test), l_now.n, l_before.n
        )
    return _cards_as_one_family(out)


def _weighted_changes(inputs: AnalysisInputs, current, previous, out: dict[str, Change]) -> dict[str, Change]:
    """The cards' changes on weighted responses: the weighted figures and their difference, untested (the
    tests assume every response counts once; a weighted change is never called significant)."""
    for key, figure in (("satisfaction", satisfaction), ("nps", recommend), ("loyalty", loyalty)):
        now, before = figure(inputs, current), figure(inputs, previous)
        if now is None or before is None:
            continue
        a, b = (now.score, before.score) if key == "nps" else (now.index, before.index)
        out[key] = Change(a, b, a - b, math.nan, "", now.n, before.n)
    return out


def _cards_as_one_family(found: dict[str, Change]) -> dict[str, Change]:
    """The cards' changes tested together (satisfaction, NPS, loyalty) are one family: Holm's adjustment,
    so that three cards at 5 % each do not make a false "significant" likelier than 5 %."""
    tested = [k for k, c in found.items() if c.test and not math.isnan(c.p_value)]
    if len(tested) < 2:
        return found
    adjusted = metrics.holm([found[k].p_value for k in tested])
    out = dict(found)
    for key, p in zip(tested, adjusted):
        out[key] = replace(found[key], p_adjusted=float(p), family=len(tested))
    return out


ALERT_COLUMNS = [
    "field",
    "value",
    "measure",
    "current",
    "reference",
    "difference",
    "p_value",
    "test",
    "n_current",
    "n_reference",
    "small",
    "ci_low",
    "ci_high",
    "p_adjusted",
    "adjustment",
]


def test_key(result) -> str:
    """The test behind a p-value, as `report.test_name` names it: "nps_exact", "nps_adjusted_wald", "nps_z",
    "index_welch", "index_permutation" (the index difference itself), "welch_t" or "welch_t_permutation"."""
    if isinstance(result, metrics.NPSDifference):
        return f"nps_{result.method}"
    if result.test == "index_difference":
        return f"index_{result.method}"
    return "welch_t_permutation" if result.method == "permutation" else "welch_t"


@dataclass(frozen=True)
class SegmentTests:
    """Every segment test of one comparison, as one family with its multiplicity control.

    table: one row per test run (ALERT_COLUMNS): difference = current − reference
        with its 95 % interval (ci_low, ci_high: the linearised Welch interval
        of the index difference, the adjusted-Wald interval for NPS),
        p_value of the test on its own, p_adjusted within the family.
    segments: segment values tested; tests: rows of `table`.
    method: "holm" (a handful of tests: family-wise error rate) or "bh"
        (Benjamini–Hochberg: false-discovery rate), "" when nothing was tested.
    alpha: the error rate controlled; min_n: the fewest answers a group (and
        what it is compared with) needs to be tested.
    untested: segment values left out because a side had fewer than min_n
        answers (shown elsewhere, marked, never called significant).
    """

    table: pd.DataFrame
    segments: int
    tests: int
    method: str
    alpha: float
    min_n: int
    untested: int

    @property
    def alerts(self) -> pd.DataFrame:
        """The drops: difference < 0 and adjusted p < alpha, by adjusted p."""
        t = self.table
        kept = t[(t["difference"] < 0) & (t["p_adjusted"] < self.alpha)]
        return kept.sort_values(["p_adjusted", "p_value"], kind="stable").reset_index(drop=True)


def segment_tests(
    inputs: AnalysisInputs,
    current: pd.DataFrame,
    reference: pd.DataFrame | None = None,
    *,
    alpha: float = 0.05,
    min_n: int = SMALL_GROUP,
) -> SegmentTests:
    """Test every segment value's satisfaction, NPS and loyalty, as one family (see `segment_alerts`)."""
    if is_weighted(current):  # weighted figures are not tested: no alerts
        return SegmentTests(pd.DataFrame(columns=ALERT_COLUMNS), 0, 0, "", alpha, min_n, 0)
    rows, untested = [], 0
    cur_scores = _scores(inputs, current)
    ref_scores = _scores(inputs, reference) if reference is not None else None
    for name in inputs.segment_fields:
        if name not in current.columns:
            continue
        values = current[name]
        for value in segment_values(current, name):
            mask = (values == value).to_numpy(dtype=bool, na_value=False)
            if reference is not None:
                if name not in reference.columns:
                    continue
                other = (reference[name] == value).to_numpy(dtype=bool, na_value=False)
            else:
                other = ~mask
            if not other.any():
                continue
            if min(mask.sum(), other.sum()) < min_n:  # too few responses for any test: no need to look closer
                untested += 1
                continue
            ref, ref_sc = (reference, ref_scores) if reference is not None else (current, cur_scores)
            found, small = _group_tests(
                inputs, name, value, current[mask], cur_scores[mask], ref[other], ref_sc[other], min_n
            )
            rows += found
            untested += small and not found
    table = pd.DataFrame(rows, columns=ALERT_COLUMNS)
    method = ""
    if len(table):
        adjusted, method = metrics.adjust_p_values(table["p_value"].to_numpy(dtype=float))
        table["p_adjusted"] = adjusted
        table["adjustment"] = method
    segments = len(table[["field", "value"]].drop_duplicates()) if len(table) else 0
    return SegmentTests(table, segments, len(table), method, alpha, min_n, int(untested))


def segment_alerts(
    inputs: AnalysisInputs,
    current: pd.DataFrame,
    reference: pd.DataFrame | None = None,
    *,
    alpha: float = 0.05,
    min_n: int = SMALL_GROUP,
) -> pd.DataFrame:
    """Segments whose satisfaction, NPS or loyalty dropped significantly, with multiplicity control.

    With `reference` (the previous wave): each segment value in `current`
    against the same value in `reference`. Without: each segment value
    against the other respondents of `current` (significantly below the rest).
    Tests: the index difference itself for satisfaction and loyalty
    (`metrics.index_difference_test`, as the cards' `Change`),
    `metrics.nps_difference` for NPS (exact permutation test, or
    adjusted Wald for large groups). A test runs only when both sides have
    at least `min_n` answers (default 30): smaller groups are never called
    significant. Every test of the call is one family: Holm's adjustment for
    a handful, Benjamini–Hochberg's for many (`metrics.adjust_p_values`);
    drops with adjusted p < alpha are kept. Columns: ALERT_COLUMNS, by
    adjusted p (`small` is always False: small groups are not tested).
    """
    return segment_tests(inputs, current, reference, alpha=alpha, min_n=min_n).alerts


def _scores(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"satisfaction": satisfaction_scores(inputs, frame), "loyalty": loyalty_scores(inputs, frame)})


def _group_tests(inputs, name, value, part, part_scores, ref, ref_scores, min_n) -> tuple[list[list], bool]:
    """The tests of one segment value, and whether one was left out for too few answers."""
    rows, small = [], False
    for measure, has in (("satisfaction", not inputs.tree.empty), ("loyalty", bool(inputs.loyalty))):
        if not has:
            continue
        mine, theirs = part_scores[measure].dropna(), ref_scores[measure].dropna()
        if min(len(mine), len(theirs)) < min_n:
            small = True
            continue
        test = index_test(inputs, measure, part, ref)
        if math.isnan(test.p_value):
            continue
        now = satisfaction(inputs, part) if measure == "satisfaction" else loyalty(inputs, part)
        before = satisfaction(inputs, ref) if measure == "satisfaction" else loyalty(inputs, ref)
        rows.append(
            [name, value, measure, now.index, before.index, test.difference, test.p_value, test_key(test)]
            + [test.n[0], test.n[1], False, test.ci_low, test.ci_high, math.nan, ""]
        )
    if inputs.recommend is not None:
        a, b = metrics.nps(part[inputs.recommend]), metrics.nps(ref[inputs.recommend])
        if min(a.n, b.n) < min_n:
            return rows, True
        d = metrics.nps_difference(a, b)
        if not math.isnan(d.p_value):
            rows.append(
                [name, value, "nps", a.score, b.score, d.difference, d.p_value, test_key(d), a.n, b.n, False]
                + [d.ci_low, d.ci_high, math.nan, ""]
            )
    return rows, small


# the construct of a path model whose PLS index is the survey's satisfaction figure (ECSI / ACSI template code)
SATISFACTION_CONSTRUCT = "satisfaction"


def satisfaction_inputs(inputs: AnalysisInputs, frame: pd.DataFrame) -> tuple[AnalysisInputs, str]:
    """The inputs the Overview's satisfaction figure is computed with, and its method.

    A survey with a path model that has a satisfaction construct (ECSI / ACSI, or a drawn model with a
    dimension coded "satisfaction") gets its PLS satisfaction index, as the ACSI reports it ("pls"): the
    construct's items weighted by their outer weights (rescaled to sum 1) from the model fitted on `frame`
    (every wave, the filters applied; centroid scheme, unscaled items, as on the Model page), the same
    weights for every wave and segment, so a change between waves is a change of the answers and is tested
    as any index (`index_test`). On the frame fitted, the figure is the Model page's index exactly.
    Every other survey, or a model that cannot be fitted (too few complete answers) or gives an item a
    weight ≤ 0, keeps the weighted index of the perception tree ("weighted")."""
    if not inputs.blocks or SATISFACTION_CONSTRUCT not in inputs.blocks:
        return inputs, "weighted"
    try:
        fit = model_fit(inputs, frame)
    except ValueError:
        return inputs, "weighted"
    items = list(inputs.blocks[SATISFACTION_CONSTRUCT])
    weights = fit.outer_weights.reindex(items)
    if weights.isna().any() or (weights <= 0).any():
        return inputs, "weighted"
    share = weights / weights.sum()
    tree = pd.DataFrame(
        {
            "code": items,
            "parent": pd.Series([None] * len(items), dtype=object),
            "weight": share.to_numpy(),
            "kind": "item",
            "global_weight": share.to_numpy(),
        }
    )
    return replace(inputs, tree=tree), "pls"


@dataclass(frozen=True)
class Overview:
    """The manager's overview (domain.md §1) for one wave, or for all responses when there are no waves.

    wave, previous_wave: the wave shown (the latest chosen) and the one before it, or None.
    figures: one row of `figures_by` for the wave shown (n, satisfaction, nps, nps_low, nps_high, loyalty).
    changes: `changes` against the previous wave (empty without one).
    worst_gaps: the three worst rows of `gap_table` (indicators, by weighted gap) that fall short.
    alerts: `segment_alerts` — against the previous wave when there is one, else against the rest.
    trend: `figures_by` per wave over every wave (for the trend line).
    segment_tests: the family behind `alerts` (how many tests, which adjustment, groups left out).
    satisfaction_method: "pls" (the PLS index of a model survey) or "weighted" (`satisfaction_inputs`);
    weighted_satisfaction: for "pls", the weighted index of the perception items over the same responses,
    named beside it so that no one meets two unlabelled satisfaction numbers (NaN otherwise).
    """

    wave: str | None
    previous_wave: str | None
    figures: dict
    changes: dict
    worst_gaps: pd.DataFrame
    alerts: pd.DataFrame
    trend: pd.DataFrame
    segment_tests: SegmentTests | None = None
    satisfaction_method: str = "weighted"
    weighted_satisfaction: float = math.nan
    experience_scores: dict = field(default_factory=dict)


def experience_scores(inputs: AnalysisInputs, frame: pd.DataFrame) -> dict:
    """The Overview's CSAT and CES cards: {"csat": metrics.csat of the first CSAT item (top-2-box), "ces":
    metrics.ces of the first CES item}, each only when the survey has such an item (unweighted: a share and
    a mean whose intervals count every response once)."""
    found = {}
    if inputs.csat:
        found["csat"] = metrics.csat(frame[inputs.csat[0]], scale=inputs.scales[inputs.csat[0]], top=2)
    if inputs.ces:
        found["ces"] = metrics.ces(frame[inputs.ces[0]], scale=inputs.scales[inputs.ces[0]])
    return found


def overview(
    inputs: AnalysisInputs, frame: pd.DataFrame, *, waves: Sequence[str] = (), min_n: int = SMALL_GROUP
) -> Overview:
    """Figures of the overview. `frame` holds every wave (other filters applied); `waves` are the waves
    chosen (empty = all): the latest of them is shown and compared with the wave before it. Segments
    with fewer than `min_n` answers are not tested for alerts (`segment_alerts`)."""
    all_waves = waves_in(frame)
    chosen = [w for w in all_waves if not waves or w in waves]
    wave = chosen[-1] if chosen else None
    previous = all_waves[all_waves.index(wave) - 1] if wave and all_waves.index(wave) > 0 else None
    current = frame[(frame["wave"] == wave).to_numpy(dtype=bool, na_value=False)] if wave else frame
    before = frame[(frame["wave"] == previous).to_numpy(dtype=bool, na_value=False)] if previous else None
    gaps = gap_table(inputs, current)
    perception = inputs
    inputs, method = satisfaction_inputs(inputs, frame)
    figures = figures_by(inputs, current).iloc[0].to_dict()
    weighted = math.nan
    if method == "pls" and len(current):
        result = satisfaction(perception, current)
        weighted = result.index if result is not None else math.nan
    worst = gaps[gaps["gap"] < 0].head(3).reset_index(drop=True)
    tests = segment_tests(inputs, current, before if before is not None and len(before) else None, min_n=min_n)
    return Overview(
        wave=wave,
        previous_wave=previous,
        figures=figures,
        changes=changes(inputs, current, before) if before is not None and len(before) else {},
        worst_gaps=worst,
        alerts=tests.alerts,
        trend=figures_by(inputs, frame, "wave") if all_waves else pd.DataFrame(columns=FIGURE_COLUMNS),
        segment_tests=tests,
        satisfaction_method=method,
        weighted_satisfaction=weighted,
        experience_scores=experience_scores(inputs, current),
    )


def target_gap(value: float, target: float | None) -> float:
    """value − target (NaN without a target or a value)."""
    if target is None or value is None or math.isnan(value):
        return math.nan
    return float(value) - float(target)
