"""The Priorities matrix keeps its point labels readable at 13–30 indicators: no two labels overlap, none
covers a point, and a name that finds no free place is drawn as its number and listed under the plot."""

import itertools

import numpy as np
import pandas as pd
import pytest

from metrics import ipa
from survey.reporting import exports
from ui.charts import ipa_matrix
from ui.charts.labels import POINT_RADIUS, corner_boxes, place_labels
from ui.charts.priorities import PLOT_HEIGHT, PLOT_WIDTH

NAMES_ZH = ["教学内容实用", "内容新颖", "课程结构清晰", "案例丰富", "课堂互动", "节奏合适", "教师准备充分", "讲解清楚"]
NAMES_EN = ["Learning resources online", "Teaching materials", "Fair assessment", "Useful feedback", "Pace"]


def crowded(n: int, seed: int, spread: float = 1.0) -> tuple[pd.Series, pd.Series, list[str]]:
    """`n` indicators bunched as real surveys bunch them: performance 60–80, importance 0.2–0.5, some tied."""
    rng = np.random.default_rng(seed)
    performance = np.round(rng.normal(70, 4 * spread, n), 1)  # several indicators at one place
    importance = np.round(rng.normal(0.35, 0.05 * spread, n), 3)
    names = [f"{(NAMES_ZH + NAMES_EN)[i % 13]} {i + 1}" for i in range(n)]
    index = [f"q{i}" for i in range(n)]
    return pd.Series(performance, index=index), pd.Series(importance, index=index), names


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("n, seed, spread", [(13, 1, 1.0), (30, 2, 1.0), (30, 3, 0.3)])
def test_no_two_labels_overlap_and_none_covers_a_point(n, seed, spread):
    performance, importance, names = crowded(n, seed, spread)
    x_domain = (performance.min() - 3, performance.max() + 3)
    y_domain = (importance.min() - 0.03, importance.max() + 0.03)
    corners = corner_boxes(("重点改进", "继续保持", "次要改进", "可能过度投入"), PLOT_WIDTH, PLOT_HEIGHT)
    labels = place_labels(
        performance,
        importance,
        names,
        width=PLOT_WIDTH,
        height=PLOT_HEIGHT,
        x_domain=x_domain,
        y_domain=y_domain,
        avoid=corners,
    )
    assert len(labels) == n
    for a, b in itertools.combinations([*labels, *corners], 2):
        assert not overlap(getattr(a, "box", a), getattr(b, "box", b)), (a, b)
    px = (performance - x_domain[0]) / (x_domain[1] - x_domain[0]) * PLOT_WIDTH
    py = (y_domain[1] - importance) / (y_domain[1] - y_domain[0]) * PLOT_HEIGHT
    for label, (x, y) in itertools.product(labels, zip(px, py)):
        point = (x - POINT_RADIUS, y - POINT_RADIUS, x + POINT_RADIUS, y + POINT_RADIUS)
        assert not overlap(label.box, point) or label.text in names[list(px).index(x)]  # its own point only
    assert sum(not label.numbered for label in labels) >= n // 3  # most points keep their name beside them
    assert {label.text for label in labels if label.numbered} <= {str(i + 1) for i in range(n)}


def test_the_matrix_at_30_indicators_lists_its_numbered_names_and_draws_in_the_report():
    performance, importance, names = crowded(30, 2)
    names = [f"{name}（{name}，{name}）" for name in names]  # too long for every one to find a place
    result = ipa(performance, importance)
    chart = ipa_matrix(result, dict(zip(performance.index, names)), lang="zh", importance="stated")
    spec = chart.to_dict()
    texts = max((d for d in spec["datasets"].values() if d and "label_x" in d[0]), key=len)  # every point's label
    drawn = {row["text"] for row in texts}
    numbered = {row["label"] for row in texts if row["text"] != row["label"]}
    listed = [d for d in spec["datasets"].values() if d and "line" in d[0]]
    assert numbered and {row["line"].split("  ", 1)[1] for row in listed[0]} == numbered
    assert drawn - {str(i + 1) for i in range(30)} <= {row["label"] for row in texts}
    assert exports.chart_png(chart)[:8] == b"\x89PNG\r\n\x1a\n"  # the PDF's drawing of it (vl-convert)
