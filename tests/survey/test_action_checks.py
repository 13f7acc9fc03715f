"""The action plan's ★ (a significant change at the check wave) holds its error rate, on simulated surveys.

Null surveys: the canteen survey (tests/db/test_store.small_survey), two waves of 40 respondents whose
taste and price answers are drawn from one distribution, so nothing changed; two actions (taste, price) are
checked at the second wave, one Holm family. Seeded and bounded (a few seconds).
"""

import math
from datetime import datetime

import numpy as np
import pandas as pd

from survey import actions
from tests.db.test_store import small_survey

RUNS = 150
N = 40
SHARES = [0.1, 0.2, 0.3, 0.3, 0.1]  # answers 1–5


def action(code: str, k: int) -> actions.Action:
    now = datetime(2026, 1, 1)
    return actions.Action(
        k, 1, 1, code, "", "s", None, "", None, None, "2026-03", "2026-06", "planned", "", now, now
    )  # fmt: skip


def waves(rng, shift: float = 0.0) -> pd.DataFrame:
    def answers(p):
        return rng.choice(np.arange(1.0, 6.0), size=N, p=p)

    later = np.clip(np.array(SHARES) + np.array([-shift, -shift, 0, shift, shift]), 0, None)
    later = later / later.sum()
    frame = pd.DataFrame(
        {
            "response_id": range(2 * N),
            "wave": ["2026-03"] * N + ["2026-06"] * N,
            "taste_p": np.concatenate([answers(SHARES), answers(later)]),
            "taste_e": 5.0,
            "price_p": np.concatenate([answers(SHARES), answers(SHARES)]),
        }
    )
    frame["wave"] = frame["wave"].astype("string")
    return frame


def test_with_nothing_changed_a_plan_of_two_actions_is_marked_significant_at_most_5_percent_of_the_time():
    rng = np.random.default_rng(14)
    defn, plan = small_survey().normalised(), [action("taste", 1), action("price", 2)]
    marked = 0
    for _ in range(RUNS):
        checks = actions.action_checks(defn, waves(rng), plan)
        assert all(c.test == "index_welch" and not math.isnan(c.p_adjusted) for c in checks)
        marked += any(c.significant for c in checks)
    # family-wise: 5 % + 3 standard errors of a 5 % rate over RUNS runs
    assert marked / RUNS <= 0.05 + 3 * math.sqrt(0.05 * 0.95 / RUNS)


def test_a_real_change_is_found_most_of_the_time():
    rng = np.random.default_rng(15)
    defn, plan = small_survey().normalised(), [action("taste", 1), action("price", 2)]
    found = sum(actions.action_checks(defn, waves(rng, 0.1), plan)[0].significant for _ in range(30))
    assert found / 30 >= 0.4  # taste +0.5 of 5 points (about +12 of 100), 40 a wave, Holm over 2
