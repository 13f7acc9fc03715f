"""Point labels that do not overlap: a place for each label beside its point, found in pixels before drawing.

`place_labels(xs, ys, texts, width=, height=, x_domain=, y_domain=)` returns one `Label` per point: its box
in the plot's pixels (left, top, right, bottom; y grows downwards as on the screen) and where its text is
anchored (left-middle, in data units), or the point's number when no place is free for the whole text (the
chart lists those numbers under it). Greedy: the most crowded points choose first, each takes the first
of its candidate places (right, left, above, below, the diagonals, then farther out with a leader line) that
touches no label placed before and no point; no two boxes overlap, whatever the data.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

FONT_SIZE = 11
LINE_HEIGHT = 14  # px of a label's box
POINT_RADIUS = 6  # px kept clear around each point (a size-120 point is ~12 px across)
_NEAR = 8  # px from the point to its label's box
_FAR = (24, 44)  # px of the places farther out, joined to the point by a leader line


@dataclass(frozen=True)
class Label:
    text: str  # the label drawn: the indicator's name, or its number
    numbered: bool  # the name did not fit: the number is drawn, the name listed under the chart
    box: tuple[float, float, float, float]  # left, top, right, bottom in px of the plot
    x: float  # the text's anchor (its left end, middle of its line), in data units
    y: float
    leader: bool  # drawn away from its point: a thin line joins them


def text_width(value: str) -> float:
    """The width in px of a label at `FONT_SIZE` (wide characters, e.g. Chinese, take a full em)."""
    return sum(FONT_SIZE if unicodedata.east_asian_width(ch) in "WF" else FONT_SIZE * 0.6 for ch in value) + 2


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _candidates(px: float, py: float, w: float, h: float):
    """(box, leader) of the places for a w×h label around the point at (px, py), nearest first."""
    half = h / 2
    for distance, leader in ((_NEAR, False), *((d, True) for d in _FAR)):
        yield (px + distance, py - half, px + distance + w, py + half), leader  # right
        yield (px - distance - w, py - half, px - distance, py + half), leader  # left
        yield (px - w / 2, py - distance - h, px + w / 2, py - distance), leader  # above
        yield (px - w / 2, py + distance, px + w / 2, py + distance + h), leader  # below
        for sx, sy in ((1, -1), (-1, -1), (1, 1), (-1, 1)):  # the diagonals
            left = px + distance * 0.7 if sx > 0 else px - distance * 0.7 - w
            top = py - distance * 0.7 - h if sy < 0 else py + distance * 0.7
            yield (left, top, left + w, top + h), leader


def place_labels(
    xs,
    ys,
    texts,
    *,
    width: float,
    height: float,
    x_domain: tuple[float, float],
    y_domain: tuple[float, float],
    avoid: tuple[tuple[float, float, float, float], ...] = (),
) -> list[Label]:
    """A non-overlapping place for each point's label in a `width`×`height` px plot over the domains, clear
    of the boxes in `avoid` too (e.g. the quadrants' names in the corners)."""
    (x0, x1), (y0, y1) = x_domain, y_domain
    px = [(float(x) - x0) / (x1 - x0) * width for x in xs]
    py = [(y1 - float(y)) / (y1 - y0) * height for y in ys]
    points = [(a - POINT_RADIUS, b - POINT_RADIUS, a + POINT_RADIUS, b + POINT_RADIUS) for a, b in zip(px, py)]
    crowd = [sum(abs(a - c) < 80 and abs(b - d) < 30 for c, d in zip(px, py)) for a, b in zip(px, py)]
    placed: list[tuple[float, float, float, float]] = list(avoid)
    found: dict[int, Label] = {}
    for i in sorted(range(len(px)), key=lambda k: -crowd[k]):
        shown, numbered = str(texts[i]), False
        choice = _free_place(px[i], py[i], text_width(shown), placed, points, i, width, height)
        if choice is None:
            shown, numbered = str(i + 1), True
            choice = _free_place(px[i], py[i], text_width(shown), placed, points, i, width, height)
        if choice is None:  # nowhere free, not even for the number: on the point's right, over the plot's edge
            shown, numbered = str(i + 1), True
            w = text_width(shown)
            right = max([width, *(b[2] for b in placed)]) + 4  # past the plot and every label placed
            choice = ((right, py[i] - LINE_HEIGHT / 2, right + w, py[i] + LINE_HEIGHT / 2), True)
        box, leader = choice
        placed.append(box)
        found[i] = Label(
            shown,
            numbered,
            box,
            x0 + box[0] / width * (x1 - x0),
            y1 - (box[1] + box[3]) / 2 / height * (y1 - y0),
            leader,
        )
    return [found[i] for i in range(len(px))]


def _free_place(px, py, w, placed, points, own, width, height):
    for box, leader in _candidates(px, py, w, LINE_HEIGHT):
        if box[0] < 0 or box[1] < 0 or box[2] > width or box[3] > height:
            continue
        if any(_overlaps(box, other) for other in placed):
            continue
        if any(_overlaps(box, p) for k, p in enumerate(points) if k != own):
            continue
        return box, leader
    return None


def corner_boxes(names: tuple[str, str, str, str], width: float, height: float, inset: float = 6):
    """The boxes of four bold names in the plot's corners (top left, top right, bottom left, bottom right)."""
    w = [text_width(name) * 1.1 for name in names]
    h = LINE_HEIGHT
    return (
        (inset, inset, inset + w[0], inset + h),
        (width - inset - w[1], inset, width - inset, inset + h),
        (inset, height - inset - h, inset + w[2], height - inset),
        (width - inset - w[3], height - inset - h, width - inset, height - inset),
    )
