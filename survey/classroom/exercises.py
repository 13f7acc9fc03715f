"""Exercise cards: the numeric textbook cases of domain.md §10, drawn from a seed and checked against metrics/.

Each `Card` in `CARDS` holds one case: `card.data(seed)` gives a `Case` (seed
0 is the book's own numbers; any other seed draws new numbers from
`numpy.random.default_rng(seed)`, so a teacher can hand each student a seed
and reproduce it), `card.questions` what the student answers, and
`card.check(case, answers)` one `Verdict` per question. The right values
always come from `metrics/`; the card only knows the case, the formula text
with the case's numbers filled in, and the common wrong answers.

Texts are ids of the translation table (`survey/i18n/exercises.py`); a
`Label` among a text's params is itself a text id, which the page translates
before filling it in. Pure logic: metrics, numpy, pandas and the standard
library only.

    >>> case = CARDS["word_of_mouth"].data(0)
    >>> [(v.question, v.ok, v.expected) for v in CARDS["word_of_mouth"].check(case, {"reached": 50})][:2]
    [('reached', True, 50), ('interested', False, 8)]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

import metrics
from metrics.value import COST_PARTS, VALUE_PARTS

TOLERANCE = 0.05  # an answer within ±0.05 of the exact value is right: one decimal is enough


@dataclass(frozen=True)
class Label:
    """A text id used as a value in another text's params (a touchpoint, a product); the page translates it."""

    key: str


@dataclass(frozen=True)
class Question:
    """One answer the student gives.

    text: text id of the question; `{item}` in it is the translated `item`.
    item: text id of the row the question is about (a touchpoint, a product), or None.
    unit: text id of the unit shown beside the answer, or None.
    tolerance: how far a number may be from the exact value and still be right.
    options: for a choice question, the option ids (translated by `option_labels`); empty for a number.
    step: the step of the number input (1 for whole numbers).
    """

    id: str
    text: str
    item: str | None = None
    unit: str | None = None
    tolerance: float = TOLERANCE
    options: tuple[str, ...] = ()
    step: float = 1.0

    @property
    def is_choice(self) -> bool:
        return bool(self.options)


@dataclass(frozen=True)
class Case:
    """One drawn variant of a card's case.

    numbers: what the answers are computed from (a DataFrame or a dict).
    story: text id of the case as the student reads it, with `story_params`.
    table: the case's numbers to show, or None; its index and columns are text ids.
    """

    card: str
    seed: int
    numbers: object
    story: str
    story_params: dict = field(default_factory=dict)
    table: pd.DataFrame | None = None


@dataclass(frozen=True)
class Solution:
    """The right answer to one question, how to get it, and the wrong answers a common mistake gives."""

    expected: float | str
    explanation: str
    params: dict
    mistakes: tuple[tuple[float | str, str], ...] = ()


@dataclass(frozen=True)
class Verdict:
    """The check of one answer.

    question: the question id. ok: right within the question's tolerance.
    expected, given: the right value and the student's (None when not answered).
    explanation: text id of the formula with the case's numbers (`params`; `value` is the right value).
    mistake: text id of the likely mistake when a wrong answer is what a common one gives
        ("exercises.mistake.unanswered" when there is no answer), else None; it uses the same params.
    """

    question: str
    ok: bool
    expected: float | str
    given: float | str | None
    explanation: str
    params: dict
    mistake: str | None = None


@dataclass(frozen=True)
class Card:
    """One exercise card: its texts, how to draw its case, its questions and how to solve them.

    title, intro, source: text ids. option_labels: option id → text id for the choice questions.
    textbook(): the book's numbers (seed 0). draw(rng): new numbers. present(numbers): (story id,
    story params, table or None) as the student reads them. solve(numbers): question id → `Solution`,
    computed with metrics/. Use `data`, `solution` and `check`.
    """

    id: str
    title: str
    intro: str
    source: str
    questions: tuple[Question, ...]
    option_labels: Mapping[str, str]
    draw: Callable[[np.random.Generator], object]
    textbook: Callable[[], object]
    present: Callable[[object], tuple[str, dict, pd.DataFrame | None]]
    solve: Callable[[object], dict[str, Solution]]

    def data(self, seed: int) -> Case:
        """The case for `seed`: 0 is the textbook's numbers, any other seed a reproducible new variant."""
        if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
            raise ValueError(f"The seed must be a whole number ≥ 0; got {seed!r}.")
        numbers = self.textbook() if seed == 0 else self._draw_clear(np.random.default_rng(int(seed)))
        story, params, table = self.present(numbers)
        return Case(self.id, int(seed), numbers, story, params, table)

    def _draw_clear(self, rng: np.random.Generator) -> object:
        """New numbers in which no two common mistakes give the same wrong number (so the one made can be named)."""
        for _ in range(200):
            numbers = self.draw(rng)
            if _unambiguous(self.solve(numbers), {q.id: q for q in self.questions}):
                return numbers
        return numbers

    def solution(self, case: Case) -> dict[str, float | str]:
        """The right answer to every question (question id → value)."""
        return {k: s.expected for k, s in self.solve(case.numbers).items()}

    def check(self, case: Case, answers: Mapping[str, float | str | None]) -> list[Verdict]:
        """One verdict per question, in the card's order; a missing answer is wrong ("not answered")."""
        solved = self.solve(case.numbers)
        out = []
        for q in self.questions:
            s = solved[q.id]
            given = answers.get(q.id)
            given = _as_number(given) if not q.is_choice else given
            ok = given is not None and _matches(given, s.expected, q)
            mistake = None
            if given is None:
                mistake = "exercises.mistake.unanswered"
            elif not ok:
                mistake = next((key for value, key in s.mistakes if _matches(given, value, q)), None)
            out.append(Verdict(q.id, ok, s.expected, given, s.explanation, s.params, mistake))
        return out


def _unambiguous(solved: dict[str, Solution], questions: dict[str, Question]) -> bool:
    for question_id, s in solved.items():
        q = questions[question_id]
        if q.is_choice:
            continue
        wrong = [(float(v), key) for v, key in s.mistakes if not _matches(v, s.expected, q)]
        for i, (v1, k1) in enumerate(wrong):
            if any(k1 != k2 and abs(v1 - v2) <= 2 * q.tolerance for v2, k2 in wrong[i + 1 :]):
                return False
    return True


def _as_number(value) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def _matches(given, value, q: Question) -> bool:
    if q.is_choice:
        return given == value
    return abs(float(given) - float(value)) <= q.tolerance + 1e-9


def number(x: float | str | None) -> str:
    """A number as the card shows it: at most 2 decimals, no trailing zeros, a true minus sign."""
    if x is None:
        return "—"
    if isinstance(x, str):
        return x
    r = round(float(x), 2)
    text = f"{r:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text.replace("-", "−")


def _factor(x: float) -> str:
    """A number inside a formula: negatives in brackets, (−2) × 9."""
    return f"({number(x)})" if round(float(x), 2) < 0 else number(x)


def _whole(x) -> float | int:
    x = float(x)
    return int(x) if x.is_integer() else x


# --- 1. the customer experience table (textbook Fig. 3-1) -------------------------------------------------

TOUCHPOINTS = ("product", "price", "convenience", "brand", "service", "relationship")
EXPERIENCE_COLUMNS = ("actual", "expectation", "importance", "ideal")
# Customer-service textbook, Fig. 3-1, as quoted in domain.md §3 (columns 2a, 2b, 2d, 4a).
EXPERIENCE_TEXTBOOK = {
    "actual": [6, 7, 5, 7, 6, 4],
    "expectation": [7, 7, 7, 7, 6, 4],
    "importance": [6, 7, 9, 7, 5, 3],
    "ideal": [7, 7, 10, 7, 6, 4],
}


def _experience_textbook() -> pd.DataFrame:
    return pd.DataFrame(EXPERIENCE_TEXTBOOK, index=pd.Index(TOUCHPOINTS, name="touchpoint"))


def _experience_draw(rng: np.random.Generator) -> pd.DataFrame:
    """Six touchpoints on 1–10 with expectation and actual ≤ ideal, and one clear key experience."""
    while True:
        ideal = rng.integers(6, 11, size=6)
        actual = np.array([rng.integers(2, i + 1) for i in ideal])
        expectation = np.array([rng.integers(max(1, a - 1), min(i, a + 3) + 1) for a, i in zip(actual, ideal)])
        importance = rng.integers(1, 11, size=6)
        weighted = (actual - expectation) * importance
        if weighted.min() < 0 and (weighted == weighted.min()).sum() == 1:
            frame = {"actual": actual, "expectation": expectation, "importance": importance, "ideal": ideal}
            return pd.DataFrame(frame, index=pd.Index(TOUCHPOINTS, name="touchpoint")).astype(int)


def _experience_present(numbers: pd.DataFrame):
    table = numbers[list(EXPERIENCE_COLUMNS)].copy()
    table.index = [f"exercises.touchpoint.{t}" for t in numbers.index]
    table.columns = [f"exercises.cx.col.{c}" for c in EXPERIENCE_COLUMNS]
    return "exercises.cx.story", {}, table


def _experience_solve(numbers: pd.DataFrame) -> dict[str, Solution]:
    r = metrics.experience_table(numbers)
    out: dict[str, Solution] = {}
    for t in TOUCHPOINTS:
        row = r.loc[t]
        a, e, imp, ideal = (_whole(row[c]) for c in EXPERIENCE_COLUMNS)
        sat, weighted, gap = (_whole(row[c]) for c in ("satisfaction", "weighted_satisfaction", "experience_gap"))
        params = {
            "touchpoint": Label(f"exercises.touchpoint.{t}"),
            "actual": number(a),
            "expectation": number(e),
            "importance": number(imp),
            "ideal": number(ideal),
            "satisfaction": _factor(sat),
        }
        out[f"{t}.satisfaction"] = Solution(
            sat,
            "exercises.cx.explain.satisfaction",
            params | {"value": number(sat)},
            ((-sat, "exercises.mistake.cx_reversed"),),
        )
        out[f"{t}.weighted"] = Solution(
            weighted,
            "exercises.cx.explain.weighted",
            params | {"value": number(weighted)},
            (
                (-weighted, "exercises.mistake.cx_reversed"),
                (_whole(row["experience_gap"] * row["importance"]), "exercises.mistake.cx_weighted_gap"),
                (_whole(row["actual"] * row["importance"]), "exercises.mistake.cx_weighted_actual"),
            ),
        )
        out[f"{t}.gap"] = Solution(
            gap,
            "exercises.cx.explain.gap",
            params | {"value": number(gap)},
            (
                (-gap, "exercises.mistake.cx_gap_reversed"),
                (_whole(row["satisfaction"] - row["ideal"]), "exercises.mistake.cx_gap_header"),
            ),
        )
    key = r.index[r["key_experience"]][0]
    params = {"touchpoint": Label(f"exercises.touchpoint.{key}"), "value": number(r.loc[key, "weighted_satisfaction"])}
    mistakes = [(t, "exercises.mistake.cx_key_unweighted") for t in _lowest(r["satisfaction"])]
    mistakes += [(t, "exercises.mistake.cx_key_gap") for t in _lowest(r["experience_gap"])]
    mistakes += [(t, "exercises.mistake.cx_key_importance") for t in _lowest(-r["importance"])]
    out["key"] = Solution(key, "exercises.cx.explain.key", params, tuple(mistakes))
    return out


def _lowest(values: pd.Series) -> list[str]:
    return list(values.index[values == values.min()])


EXPERIENCE_QUESTIONS = tuple(
    Question(f"{t}.{part}", f"exercises.cx.q.{part}", item=f"exercises.touchpoint.{t}")
    for t in TOUCHPOINTS
    for part in ("satisfaction", "weighted", "gap")
) + (Question("key", "exercises.cx.q.key", options=TOUCHPOINTS),)


# --- 2. word of mouth, 1:25:8:1 (Little Swan case) ------------------------------------------------------


def _wom_textbook() -> dict:
    # domain.md §8: one buyer, 25 people reached; good experience: 8 want to buy, 1 buys; bad: all 25 put off.
    return {"satisfied": 1, "dissatisfied": 1, "reach": 25, "interested": 8, "buyers": 1}


def _wom_draw(rng: np.random.Generator) -> dict:
    return {
        "satisfied": int(rng.integers(2, 41)) * 5,
        "dissatisfied": int(rng.integers(1, 21)) * 2,
        "reach": 25,
        "interested": 8,
        "buyers": 1,
    }


def _wom_present(numbers: dict):
    return "exercises.wom.story", {k: number(v) for k, v in numbers.items()}, None


def _wom_solve(numbers: dict) -> dict[str, Solution]:
    s, d = numbers["satisfied"], numbers["dissatisfied"]
    reach, interested, buyers = numbers["reach"], numbers["interested"], numbers["buyers"]
    r = metrics.word_of_mouth(s, d, reach=reach, interested=interested, buyers=buyers)
    params = {k: number(v) for k, v in numbers.items()}
    return {
        "reached": Solution(
            r.reached,
            "exercises.wom.explain.reached",
            params | {"value": number(r.reached)},
            ((s * reach, "exercises.mistake.wom_one_side"), (d * reach, "exercises.mistake.wom_one_side")),
        ),
        "interested": Solution(
            r.interested,
            "exercises.wom.explain.interested",
            params | {"value": number(r.interested)},
            (
                (s * reach * interested, "exercises.mistake.wom_chain"),
                ((s + d) * interested, "exercises.mistake.wom_dissatisfied_help"),
            ),
        ),
        "new_buyers": Solution(
            r.new_buyers,
            "exercises.wom.explain.new_buyers",
            params | {"value": number(r.new_buyers)},
            (
                (s * interested, "exercises.mistake.wom_want_is_buy"),
                (s * reach * buyers, "exercises.mistake.wom_chain"),
                ((s + d) * buyers, "exercises.mistake.wom_dissatisfied_help"),
            ),
        ),
        "put_off": Solution(
            r.put_off,
            "exercises.wom.explain.put_off",
            params | {"value": number(r.put_off)},
            ((d * interested, "exercises.mistake.wom_put_off_all"), (d * buyers, "exercises.mistake.wom_put_off_all")),
        ),
    }


WOM_QUESTIONS = tuple(
    Question(q, f"exercises.wom.q.{q}", unit="exercises.unit.people")
    for q in ("reached", "interested", "new_buyers", "put_off")
)


# --- 3. customer delivered value of two products (Kotler) ---------------------------------------------------

PRODUCTS = ("a", "b")
# domain.md §10 asks for "a delivered-value comparison of two products" without printed figures; these are
# ours: B gives more value at a lower price, yet its time, mental and physical costs make A the better offer.
DELIVERED_TEXTBOOK = {
    "a": (
        {"product": 40, "service": 20, "personnel": 10, "image": 10},
        {"monetary": 50, "time": 10, "mental": 5, "physical": 5},
    ),
    "b": (
        {"product": 50, "service": 15, "personnel": 10, "image": 15},
        {"monetary": 45, "time": 25, "mental": 15, "physical": 10},
    ),
}
VALUE_RANGES = {"product": (20, 61), "service": (5, 26), "personnel": (5, 21), "image": (5, 21)}
COST_RANGES = {"monetary": (20, 71), "time": (2, 26), "mental": (2, 16), "physical": (2, 16)}


def _dv_textbook() -> dict:
    return {p: (dict(v), dict(c)) for p, (v, c) in DELIVERED_TEXTBOOK.items()}


def _dv_draw(rng: np.random.Generator) -> dict:
    while True:
        case = {
            p: (
                {k: int(rng.integers(*VALUE_RANGES[k])) for k in VALUE_PARTS},
                {k: int(rng.integers(*COST_RANGES[k])) for k in COST_PARTS},
            )
            for p in PRODUCTS
        }
        a, b = (metrics.delivered_value(*case[p]).delivered for p in PRODUCTS)
        if a != b:
            return case


def _dv_present(numbers: dict):
    rows = [(f"exercises.dv.value.{k}", [numbers[p][0][k] for p in PRODUCTS]) for k in VALUE_PARTS]
    rows += [(f"exercises.dv.cost.{k}", [numbers[p][1][k] for p in PRODUCTS]) for k in COST_PARTS]
    table = pd.DataFrame(
        [v for _, v in rows], index=[k for k, _ in rows], columns=[f"exercises.product.{p}" for p in PRODUCTS]
    )
    return "exercises.dv.story", {}, table


def _dv_solve(numbers: dict) -> dict[str, Solution]:
    results = {p: metrics.delivered_value(*numbers[p]) for p in PRODUCTS}
    out: dict[str, Solution] = {}
    for p in PRODUCTS:
        values, costs = numbers[p]
        r = results[p]
        total_v, total_c, delivered = _whole(r.total_value), _whole(r.total_cost), _whole(r.delivered)
        params = {
            "product": Label(f"exercises.product.{p}"),
            "total_value": number(total_v),
            "total_cost": number(total_c),
            "monetary": number(costs["monetary"]),
        }
        params |= {f"v_{k}": number(values[k]) for k in VALUE_PARTS} | {f"c_{k}": number(costs[k]) for k in COST_PARTS}
        out[f"{p}.total_value"] = Solution(
            total_v, "exercises.dv.explain.total_value", params | {"value": number(total_v)}
        )
        out[f"{p}.total_cost"] = Solution(
            total_c,
            "exercises.dv.explain.total_cost",
            params | {"value": number(total_c)},
            ((costs["monetary"], "exercises.mistake.dv_money_only"),),
        )
        out[f"{p}.delivered"] = Solution(
            delivered,
            "exercises.dv.explain.delivered",
            params | {"value": number(delivered)},
            (
                (-delivered, "exercises.mistake.dv_reversed"),
                (total_v - costs["monetary"], "exercises.mistake.dv_money_only"),
                (round(total_v / total_c, 2) if total_c else math.nan, "exercises.mistake.dv_ratio"),
            ),
        )
    best = max(PRODUCTS, key=lambda p: results[p].delivered)
    other = next(p for p in PRODUCTS if p != best)
    mistakes = []
    if results[other].total_value > results[best].total_value:
        mistakes.append((other, "exercises.mistake.dv_choice_value"))
    if numbers[other][1]["monetary"] < numbers[best][1]["monetary"]:
        mistakes.append((other, "exercises.mistake.dv_choice_price"))
    params = {
        "product": Label(f"exercises.product.{best}"),
        "other": Label(f"exercises.product.{other}"),
        "value": number(results[best].delivered),
        "other_value": number(results[other].delivered),
    }
    out["choice"] = Solution(best, "exercises.dv.explain.choice", params, tuple(mistakes))
    return out


DV_QUESTIONS = tuple(
    Question(f"{p}.{part}", f"exercises.dv.q.{part}", item=f"exercises.product.{p}", unit="exercises.unit.points")
    for p in PRODUCTS
    for part in ("total_value", "total_cost", "delivered")
) + (Question("choice", "exercises.dv.q.choice", options=PRODUCTS),)


# --- 4. NPS from a list of answers --------------------------------------------------------------------------

# The worked example of this product's metrics library (README): NPS 20. domain.md §5 gives the rule, no list.
NPS_TEXTBOOK = (10, 9, 9, 8, 7, 6, 3, 10, 9, 5)


def _nps_textbook() -> list[int]:
    return list(NPS_TEXTBOOK)


def _nps_draw(rng: np.random.Generator) -> list[int]:
    """12–40 answers with at least one 6 and one 8 (so the category edges matter) and NPS ≠ 0."""
    # within a category: detractors mostly 4–6, passives and promoters evenly
    within = (np.array([1, 1, 1, 2, 3, 5, 7]), np.array([1, 1]), np.array([1, 1]))
    first = (0, 7, 9)
    while True:
        n = int(rng.integers(12, 41))
        shares = rng.dirichlet([2, 2, 2])  # detractor, passive, promoter
        categories = rng.choice(3, size=n, p=shares)
        answers = [first[c] + int(rng.choice(within[c].size, p=within[c] / within[c].sum())) for c in categories]
        r = metrics.nps(answers)
        if 6 in answers and 8 in answers and r.promoters != r.detractors and r.promoters:
            return [int(a) for a in answers]


def _nps_present(numbers: list[int]):
    return "exercises.nps.story", {"n": len(numbers), "answers": ", ".join(map(str, numbers))}, None


def _nps_solve(numbers: list[int]) -> dict[str, Solution]:
    r = metrics.nps(numbers)
    promoters, detractors = 100 * r.promoter_share, 100 * r.detractor_share
    edges = (
        metrics.nps([9 if a == 8 else a for a in numbers]),  # 8 taken for a promoter
        metrics.nps([7 if a == 6 else a for a in numbers]),  # 6 taken for a passive
    )
    params = {
        "n": r.n,
        "promoters": r.promoters,
        "passives": r.passives,
        "detractors": r.detractors,
        "promoters_pct": number(promoters),
        "detractors_pct": number(detractors),
    }
    return {
        "promoters_pct": Solution(
            promoters,
            "exercises.nps.explain.promoters",
            params | {"value": number(promoters)},
            (
                (100 * edges[0].promoter_share, "exercises.mistake.nps_edges"),
                (promoters / 100, "exercises.mistake.fraction"),
                (r.promoters, "exercises.mistake.count"),
            ),
        ),
        "detractors_pct": Solution(
            detractors,
            "exercises.nps.explain.detractors",
            params | {"value": number(detractors)},
            (
                (100 * edges[1].detractor_share, "exercises.mistake.nps_edges"),
                (detractors / 100, "exercises.mistake.fraction"),
                (r.detractors, "exercises.mistake.count"),
            ),
        ),
        "nps": Solution(
            r.score,
            "exercises.nps.explain.nps",
            params | {"value": number(r.score)},
            (
                (promoters, "exercises.mistake.nps_promoters_only"),
                (100 * (r.promoters - r.passives - r.detractors) / r.n, "exercises.mistake.nps_passives"),
                (r.score / 100, "exercises.mistake.nps_fraction"),
                (-r.score, "exercises.mistake.nps_reversed"),
                (edges[0].score, "exercises.mistake.nps_edges"),
                (edges[1].score, "exercises.mistake.nps_edges"),
                (r.promoters - r.detractors, "exercises.mistake.nps_counts"),
            ),
        ),
    }


NPS_QUESTIONS = (
    Question("promoters_pct", "exercises.nps.q.promoters_pct", unit="exercises.unit.percent", step=0.1),
    Question("detractors_pct", "exercises.nps.q.detractors_pct", unit="exercises.unit.percent", step=0.1),
    Question("nps", "exercises.nps.q.nps", unit="exercises.unit.nps_points", step=0.1),
)


# --- 5. raising satisfaction: actual against target by course dimension ----------------------------------

COURSE_DIMENSIONS = ("content", "method", "teacher", "assessment", "resources")
# domain.md §10 ("methods to raise satisfaction": compare the class's actual satisfaction with the planned
# target, work on the largest gaps) has no printed figures; these class means on 1–5 are ours. The lowest
# actual score (resources) is not the largest gap (method), and one dimension is above its target.
COURSE_TEXTBOOK = {"actual": [3.9, 3.5, 4.4, 3.7, 3.2], "target": [4.3, 4.4, 4.3, 4.1, 3.5]}


def _course_textbook() -> pd.DataFrame:
    return pd.DataFrame(COURSE_TEXTBOOK, index=pd.Index(COURSE_DIMENSIONS, name="dimension"))


def _course_draw(rng: np.random.Generator) -> pd.DataFrame:
    while True:
        target = rng.integers(35, 49, size=5)
        actual = np.clip(target + rng.integers(-12, 4, size=5), 10, 50)
        gap = actual - target
        if gap.min() < 0 and (gap == gap.min()).sum() == 1:
            frame = {"actual": actual / 10, "target": target / 10}
            return pd.DataFrame(frame, index=pd.Index(COURSE_DIMENSIONS, name="dimension"))


def _course_present(numbers: pd.DataFrame):
    table = numbers[["actual", "target"]].copy()
    table.index = [f"exercises.dimension.{d}" for d in numbers.index]
    table.columns = ["exercises.gap.col.actual", "exercises.gap.col.target"]
    return "exercises.gap.story", {}, table


def _course_solve(numbers: pd.DataFrame) -> dict[str, Solution]:
    # one row: the class means; perception = actual, expectation = target
    wide = pd.DataFrame({f"{d}_{c}": [numbers.loc[d, c]] for d in numbers.index for c in ("actual", "target")})
    gaps = metrics.item_gaps(wide, {d: (f"{d}_actual", f"{d}_target") for d in numbers.index})["gap"].round(10)
    out: dict[str, Solution] = {}
    for d in numbers.index:
        a, t, g = numbers.loc[d, "actual"], numbers.loc[d, "target"], float(gaps[d])
        params = {"dimension": Label(f"exercises.dimension.{d}"), "actual": number(a), "target": number(t)}
        out[f"{d}.gap"] = Solution(
            g, "exercises.gap.explain.gap", params | {"value": number(g)}, ((-g, "exercises.mistake.gap_reversed"),)
        )
    worst = gaps.idxmin()
    mistakes = [(d, "exercises.mistake.gap_lowest_actual") for d in _lowest(numbers["actual"]) if d != worst]
    mistakes += [(d, "exercises.mistake.gap_highest") for d in _lowest(-gaps)]
    params = {"dimension": Label(f"exercises.dimension.{worst}"), "value": number(gaps[worst])}
    out["largest"] = Solution(worst, "exercises.gap.explain.largest", params, tuple(mistakes))
    return out


GAP_QUESTIONS = tuple(
    Question(f"{d}.gap", "exercises.gap.q.gap", item=f"exercises.dimension.{d}", step=0.1) for d in COURSE_DIMENSIONS
) + (Question("largest", "exercises.gap.q.largest", options=COURSE_DIMENSIONS),)


# --- the registry -------------------------------------------------------------------------------------------

CARDS: dict[str, Card] = {
    card.id: card
    for card in (
        Card(
            "experience_table",
            "exercises.cx.title",
            "exercises.cx.intro",
            "exercises.cx.source",
            EXPERIENCE_QUESTIONS,
            {t: f"exercises.touchpoint.{t}" for t in TOUCHPOINTS},
            _experience_draw,
            _experience_textbook,
            _experience_present,
            _experience_solve,
        ),
        Card(
            "word_of_mouth",
            "exercises.wom.title",
            "exercises.wom.intro",
            "exercises.wom.source",
            WOM_QUESTIONS,
            {},
            _wom_draw,
            _wom_textbook,
            _wom_present,
            _wom_solve,
        ),
        Card(
            "delivered_value",
            "exercises.dv.title",
            "exercises.dv.intro",
            "exercises.dv.source",
            DV_QUESTIONS,
            {p: f"exercises.product.{p}" for p in PRODUCTS},
            _dv_draw,
            _dv_textbook,
            _dv_present,
            _dv_solve,
        ),
        Card(
            "nps",
            "exercises.nps.title",
            "exercises.nps.intro",
            "exercises.nps.source",
            NPS_QUESTIONS,
            {},
            _nps_draw,
            _nps_textbook,
            _nps_present,
            _nps_solve,
        ),
        Card(
            "course_gaps",
            "exercises.gap.title",
            "exercises.gap.intro",
            "exercises.gap.source",
            GAP_QUESTIONS,
            {d: f"exercises.dimension.{d}" for d in COURSE_DIMENSIONS},
            _course_draw,
            _course_textbook,
            _course_present,
            _course_solve,
        ),
    )
}
