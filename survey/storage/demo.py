"""Demo responses for the templates: the textbook case, a generated course survey, the ECSI data.

Pure functions returning pandas DataFrames with one column per item code
(attribute items as text); a missing answer is NaN, never 0.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from survey.design import templates

# Customer-service textbook, Fig. 3-1, customer experience table (domain.md §3):
# touchpoint -> (actual 2a, expectation 2b, importance 2d, ideal 4a).
TEXTBOOK_EXPERIENCE_TABLE = {
    "product": (6, 7, 6, 7),
    "price": (7, 7, 7, 7),
    "convenience": (5, 7, 9, 10),
    "brand": (7, 7, 7, 7),
    "service": (6, 6, 5, 6),
    "relationship": (4, 4, 3, 4),
}

_EXPERIENCE_SUFFIXES = ("_p", "_e", "_i", "_ideal")

ECSI_CSV = Path(__file__).resolve().parents[2] / "data" / "ecsi_mobile_satisfaction.csv"


def _around(value: int, low: int, high: int, n: int, rng: np.random.Generator) -> np.ndarray:
    """n whole numbers within [low, high] whose mean is exactly `value`.

    Pairs of offsets +k / −k (k = 2, 1 or 0, never beyond the scale) in a
    shuffled order, so the sum of the offsets is exactly 0.
    """
    reach = min(2, value - low, high - value)
    half = [min(k, reach) for k in (2, 2, 1, 1, 1, 1)] + [0] * max(0, n // 2 - 6)
    half = half[: n // 2]
    offsets = np.array([*half, *(-k for k in half)] + [0] * (n % 2))
    return value + rng.permutation(offsets)


def experience_table_responses(n: int = 20) -> pd.DataFrame:
    """`n` responses to the experience_table template with the textbook's means.

    Every item's mean equals the figure of the textbook's customer experience
    table exactly (TEXTBOOK_EXPERIENCE_TABLE: actual 6 7 5 7 6 4, expectation
    7 7 7 7 6 4, importance 6 7 9 7 5 3, ideal 7 7 10 7 6 4): answers are the
    figure ± 0, 1 or 2 in symmetric pairs, within the 1–10 scale (an ideal of
    10 is answered 10 by everyone). Columns are the item codes (int64).
    """
    if n < 2:
        raise ValueError("n must be at least 2")
    defn = templates.build("experience_table")
    rng = np.random.default_rng(2024)
    columns: dict[str, np.ndarray] = {}
    for touchpoint, figures in TEXTBOOK_EXPERIENCE_TABLE.items():
        for suffix, value in zip(_EXPERIENCE_SUFFIXES, figures, strict=True):
            code = touchpoint + suffix
            scale = defn.scale(defn.node(code).scale)
            columns[code] = _around(value, scale.minimum, scale.maximum, n, rng)
    order = [item.code for item in defn.items]
    return pd.DataFrame(columns)[order].astype("int64")


# --- course satisfaction over three waves ------------------------------------------------

WAVES = ("2026-03", "2026-06", "2026-09")

# class -> (number of students, group labels); groups of 4–5 students.
_CLASSES = {
    "Class 1": (46, tuple(f"G{i:02d}" for i in range(1, 11))),
    "Class 2": (42, tuple(f"G{i:02d}" for i in range(11, 20))),
}

# Indicator -> (mean perception, mean expectation) on 1–5 at an average
# latent satisfaction. Feedback and the online platform fall clearly short
# of what students expect; the teacher's preparation nearly meets it.
_COURSE_ITEMS = {
    "useful": (3.9, 4.3),
    "current": (3.6, 4.1),
    "structure": (3.9, 4.1),
    "cases": (3.7, 4.3),
    "interact": (3.4, 4.0),
    "pace": (3.5, 3.9),
    "prepared": (4.2, 4.3),
    "explain": (3.9, 4.4),
    "care": (3.9, 4.2),
    "fair": (3.7, 4.2),
    "feedback": (2.8, 4.2),
    "materials": (3.5, 3.9),
    "online": (2.9, 4.0),
}
_LOYALTY_ITEMS = {"loy_teacher": 3.8, "loy_related": 3.4, "loy_speak": 3.6}
_WAVE_SHIFT = (0.0, 0.25, 0.5)  # latent satisfaction improves slowly
_CLASS_SHIFT = {"Class 1": 0.0, "Class 2": -0.2}
_MISSING_SHARE = 0.015  # answers left blank / "not applicable"
_RESPONSE_RATE = 0.9


def _score(raw: np.ndarray, low: int, high: int) -> np.ndarray:
    return np.clip(np.rint(raw), low, high)


def course_responses(seed: int = 7) -> pd.DataFrame:
    """A few hundred generated responses to the course template, three waves.

    Two classes (46 and 42 students in groups of 4–5, `G01`–`G19`) answer in
    waves 2026-03, 2026-06, 2026-09 (about 90% each time). Each answer is a
    student's latent satisfaction (a personal level + group + class effect +
    a wave shift of +0.25 per wave + noise) times a loading plus the item's
    own level, rounded and clipped to the scale, so items of a dimension
    correlate (Cronbach's alpha around 0.8). Expectations (`*_e`) are high
    and only weakly tied to the latent level; `feedback` and `online` fall
    short of them by a point or more. `overall` follows the latent level;
    `nps` (0–10) is about 6.8 + 1.9 × latent. About 1.5% of the item answers
    are missing (NaN). Columns: `respondent_id` (wave-student), the item
    codes in template order (float with NaN; `wave`, `class`, `group` text).
    """
    rng = np.random.default_rng(seed)
    defn = templates.build("course")
    records: list[dict] = []
    for cls, (size, groups) in _CLASSES.items():
        trait = rng.normal(0.0, 0.8, size)
        membership = [groups[i * len(groups) // size] for i in range(size)]
        group_effect = {g: rng.normal(0.0, 0.35) for g in groups}
        for w, wave in enumerate(WAVES):
            for student in range(size):
                if rng.random() > _RESPONSE_RATE:
                    continue
                group = membership[student]
                z = trait[student] + group_effect[group] + _CLASS_SHIFT[cls] + _WAVE_SHIFT[w] + rng.normal(0, 0.5)
                rec: dict[str, object] = {
                    "respondent_id": f"{wave}-C{cls[-1]}S{student + 1:02d}",
                    "wave": wave,
                    "class": cls,
                    "group": group,
                }
                for code, (perceived, expected) in _COURSE_ITEMS.items():
                    rec[f"{code}_p"] = perceived + 0.8 * z + rng.normal(0, 0.5)
                    rec[f"{code}_e"] = expected + 0.25 * trait[student] + rng.normal(0, 0.5)
                rec["overall"] = 3.6 + 0.85 * z + rng.normal(0, 0.45)
                rec["nps"] = 6.8 + 1.9 * z + rng.normal(0, 1.0)
                for code, level in _LOYALTY_ITEMS.items():
                    rec[code] = level + 0.8 * z + rng.normal(0, 0.6)
                records.append(rec)
    frame = pd.DataFrame.from_records(records)
    numeric = [n.code for n in defn.scored_items]
    for code in numeric:
        scale = defn.scale(defn.node(code).scale)
        values = _score(frame[code].to_numpy(dtype=float), scale.minimum, scale.maximum)
        values[rng.random(len(values)) < _MISSING_SHARE] = np.nan
        frame[code] = values
    for code in ("respondent_id", "wave", "class", "group"):
        frame[code] = frame[code].astype("str")
    return frame[["respondent_id", *(n.code for n in defn.items)]]


# --- ECSI --------------------------------------------------------------------------------


def ecsi_responses(path: str | Path = ECSI_CSV) -> pd.DataFrame:
    """The ECSI mobile-phone responses (250 rows, items 0–10, `gender` as text).

    Reads the CSV distributed with R plspm (data/README in the shared data):
    the first, unnamed column (a row number) is dropped; item columns keep
    their codes `imag1` … `loy4`, matching the ecsi template.
    """
    frame = pd.read_csv(path)
    first = frame.columns[0]
    if first == "" or str(first).startswith("Unnamed"):
        frame = frame.drop(columns=first)
    if "gender" in frame.columns:
        frame["gender"] = frame["gender"].astype("str")
    return frame
