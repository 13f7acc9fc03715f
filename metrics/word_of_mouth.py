"""Word of mouth: the 1:25:8:1 arithmetic of the Little Swan case (小天鹅 1:25:8:1)."""

from __future__ import annotations

from dataclasses import dataclass

# One buyer tells 25 people; after a good experience 8 of them want to buy and 1 buys (domain.md §8).
TEXTBOOK_RATIO = (25, 8, 1)


@dataclass(frozen=True)
class WordOfMouthResult:
    """Result of `word_of_mouth`.

    reached: people told by all the buyers, (satisfied + dissatisfied) × reach.
    interested: people who want to buy after hearing a satisfied buyer, satisfied × interested.
    new_buyers: people who buy after hearing a satisfied buyer, satisfied × buyers.
    put_off: people a dissatisfied buyer puts off buying, dissatisfied × reach.
    """

    reached: int
    interested: int
    new_buyers: int
    put_off: int


def word_of_mouth(
    satisfied: int, dissatisfied: int = 0, *, reach: int = 25, interested: int = 8, buyers: int = 1
) -> WordOfMouthResult:
    """What buyers' word of mouth does, by the 1:25:8:1 rule.

    Rule (the Little Swan case of the customer-service textbook, domain.md
    §8): one buyer influences `reach` (25) people. A buyer with a good
    experience makes `interested` (8) of them want to buy and `buyers` (1)
    of them actually buy; a buyer with a bad experience puts all `reach`
    people off. So, per satisfied buyer, 1 : 25 : 8 : 1.

    Conventions: all arguments are whole numbers ≥ 0 with
    buyers ≤ interested ≤ reach; anything else raises ValueError. The
    people reached by different buyers are counted separately (no overlap).

    Reference: the customer-service textbook's Little Swan (小天鹅) case on
    customer satisfaction and word of mouth.

    Example
    -------
    >>> word_of_mouth(1, 1)
    WordOfMouthResult(reached=50, interested=8, new_buyers=1, put_off=25)
    """
    counts = {
        "satisfied": satisfied,
        "dissatisfied": dissatisfied,
        "reach": reach,
        "interested": interested,
        "buyers": buyers,
    }
    for name, value in counts.items():
        if not _whole(value):
            raise ValueError(f"{name} must be a whole number of people ≥ 0; got {value!r}.")
    if not buyers <= interested <= reach:
        raise ValueError(f"Need buyers ≤ interested ≤ reach (e.g. 1 ≤ 8 ≤ 25); got {buyers}, {interested}, {reach}.")
    s, d = int(satisfied), int(dissatisfied)
    return WordOfMouthResult((s + d) * int(reach), s * int(interested), s * int(buyers), d * int(reach))


def _whole(value) -> bool:
    if isinstance(value, bool):
        return False
    try:
        x = float(value)
    except (TypeError, ValueError):
        return False
    return x.is_integer() and x >= 0
