"""The Crosstabs page's figures: any item or attribute by any attribute, as a banner table.

`banner(inputs, frame, row=..., column=...)` is `metrics.crosstab` of the two
fields (counts, column percentages, the chi-square test and the
column-proportion letters, Holm-corrected) and, when the row field is a
numeric item, its mean per column. A numeric item's answers are whole
numbers, so they are its categories (1, 2, …, 5); an attribute's text values
are. Respondents missing either field are left out, as in `metrics.crosstab`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

import metrics
from metrics.compare import SMALL_GROUP
from survey.analysis.inputs import AnalysisInputs
from survey.analysis.scores import frame_weights, weighted_mean

# A numeric item is offered as a row when its scale has at most this many points (0–10 has 11).
MAX_ROW_POINTS = 11
MEAN_COLUMNS = ["column", "letter", "mean", "sd", "n", "small", "higher"]
MEANS_ALPHA = 0.05


@dataclass(frozen=True)
class Banner:
    """A crosstab of `row` by `column`: `result` is `metrics.crosstab`'s; `means` (None unless the row field is
    a numeric item) holds, per column category in the table's order, its letter, the item's mean, its
    standard deviation (n − 1), the answers n, whether n < 30, and `higher`: the letters of the columns whose
    mean this column's is significantly above (`mean_letters`) (columns `MEAN_COLUMNS`)."""

    row: str
    column: str
    result: metrics.CrosstabResult
    means: pd.DataFrame | None


def column_fields(inputs: AnalysisInputs, frame: pd.DataFrame) -> list[str]:
    """The attributes a table can break down by: the wave (when the responses have waves), then the segment
    fields."""
    waves = "wave" in frame.columns and frame["wave"].notna().any()
    return (["wave"] if waves else []) + list(inputs.segment_fields)


def row_fields(inputs: AnalysisInputs, frame: pd.DataFrame) -> list[str]:
    """The fields a table can show as rows: the attributes of `column_fields`, then every numeric item whose
    scale has at most `MAX_ROW_POINTS` points, in questionnaire order."""
    items = [code for code, (low, high) in inputs.scales.items() if high - low + 1 <= MAX_ROW_POINTS]
    return column_fields(inputs, frame) + items


def banner(inputs: AnalysisInputs, frame: pd.DataFrame, *, row: str, column: str) -> Banner:
    """`row` by `column` (`metrics.crosstab`, Holm correction, α = 0.05), with the row item's mean per column.

    A numeric row item is crossed as whole numbers (its answers); the means are plain means of its answers
    among the respondents of each column category who answered both.

    Example
    -------
    >>> from survey.analysis.inputs import analysis_inputs
    >>> from survey.design import templates
    >>> inputs = analysis_inputs(templates.build("course"))
    >>> d = pd.DataFrame({"overall": [5.0, 4.0, 4.0, 2.0], "class": ["A", "A", "B", "B"]})
    >>> b = banner(inputs, d, row="overall", column="class")
    >>> b.result.counts.loc[4].tolist(), b.means["mean"].tolist()
    ([1, 1], [4.5, 3.0])
    """
    for field in (row, column):
        if field not in frame.columns:
            raise ValueError(f"The responses have no field {field!r}.")
    numeric = row in inputs.scales
    data = pd.DataFrame({"row": _categories(frame[row], numeric), "column": frame[column]}, index=frame.index)
    weights = frame_weights(frame)  # weighted counts; the tests on Kish's effective n (metrics.crosstab)
    result = metrics.crosstab(data, "row", "column", weights=weights, correction="holm")
    result = _named(result, row, column)
    means = _means(frame[row], frame[column], result, weights) if numeric else None
    return Banner(row, column, result, means)


def _categories(values: pd.Series, numeric: bool) -> pd.Series:
    if not numeric:
        return values.astype(object).where(values.notna(), None)
    return pd.to_numeric(values, errors="coerce").round().astype("Int64")


def _named(result: metrics.CrosstabResult, row: str, column: str) -> metrics.CrosstabResult:
    """The result with its index and columns named after the survey's fields (not the frame's helpers)."""

    def rename(table: pd.DataFrame) -> pd.DataFrame:
        return table.rename_axis(index=row, columns=column)

    return replace(
        result,
        counts=rename(result.counts),
        column_percent=rename(result.column_percent),
        significance=rename(result.significance),
    )


def _means(values: pd.Series, groups: pd.Series, result: metrics.CrosstabResult, weights=None) -> pd.DataFrame:
    x = pd.to_numeric(values, errors="coerce")
    rows = []
    for value in result.counts.columns:
        mask = (groups == value).to_numpy(dtype=bool, na_value=False)
        answers = x[mask].dropna().to_numpy(dtype=float)
        n = int(answers.size)
        rows.append(
            {
                "column": value,
                "letter": result.letters[value],
                "mean": weighted_mean(x[mask], weights[mask] if weights is not None else None) if n else np.nan,
                "sd": float(answers.std(ddof=1)) if n > 1 else np.nan,
                "n": n,
                "small": n < SMALL_GROUP,
                "higher": "",
            }
        )
    table = pd.DataFrame(rows, columns=MEAN_COLUMNS)
    if weights is None:  # weighted means are not tested (the tests count every answer once)
        answers = [x[(groups == v).to_numpy(dtype=bool, na_value=False)].dropna() for v in result.counts.columns]
        table["higher"] = mean_letters(answers, list(table["letter"]))
    return table


def mean_letters(answers: list[pd.Series], letters: list[str], *, alpha: float = MEANS_ALPHA) -> list[str]:
    """For each column, the letters of the columns whose mean it is significantly above.

    Every pair of columns with at least SMALL_GROUP (30) answers each is compared with Welch's t-test
    (`metrics.welch_t_test`, method "welch"); the pairs of one item form one family, Holm-adjusted
    (`metrics.holm`), so that the chance of any false letter in the table stays at most `alpha`. A column
    with fewer answers gets no letter and is never lettered (it is marked small instead).
    """
    pairs, p_values = [], []
    for i in range(len(answers)):
        for j in range(i + 1, len(answers)):
            if min(len(answers[i]), len(answers[j])) < SMALL_GROUP:
                continue
            r = metrics.welch_t_test(answers[i], answers[j], method="welch")
            if r.p_value == r.p_value:  # not NaN
                pairs.append((i, j, r.difference))
                p_values.append(r.p_value)
    higher = [[] for _ in answers]
    if p_values:
        for (i, j, difference), p in zip(pairs, metrics.holm(p_values)):
            if p < alpha:
                higher[i if difference > 0 else j].append(letters[j if difference > 0 else i])
    return ["".join(sorted(h)) for h in higher]
