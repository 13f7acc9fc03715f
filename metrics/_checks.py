"""Input checks shared by the metrics (each raises ValueError with a message a user can act on), and the
one array layout the vectorised reductions use."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd


def require_frame(data, what: str) -> pd.DataFrame:
    if not isinstance(data, pd.DataFrame):
        raise ValueError(f"{what} must be a pandas DataFrame; got {type(data).__name__}.")
    return data


def require_columns(data: pd.DataFrame, columns: Iterable, what: str) -> None:
    missing = [c for c in columns if c not in data.columns]
    if missing:
        shown = ", ".join(map(repr, missing[:10])) + (" …" if len(missing) > 10 else "")
        raise ValueError(f"{what} lacks column(s) {shown}; it has {', '.join(map(repr, data.columns[:20]))}.")


def numeric_columns(data: pd.DataFrame, columns: list, what: str) -> pd.DataFrame:
    """`data[columns]` as float64 (NaN = missing); non-numeric columns are named in the error."""
    frame = data if list(data.columns) == list(columns) else data[columns]
    bad = []
    for c in frame.columns:
        column = frame[c]
        if pd.api.types.is_numeric_dtype(column.dtype):
            continue
        converted = pd.to_numeric(column, errors="coerce")
        if (converted.isna() & column.notna()).any():
            bad.append(c)
    if bad:
        raise ValueError(
            f"{what}: column(s) {', '.join(map(repr, bad))} hold non-numeric values; "
            "map answers to numbers (don't know = empty) first."
        )
    if all(dt == np.float64 for dt in frame.dtypes):
        return frame
    return frame.apply(lambda s: pd.to_numeric(s).astype("float64"))


def scale_of(scales, code) -> tuple[float, float]:
    if isinstance(scales, tuple) and len(scales) == 2 and not isinstance(scales[0], (tuple, list)):
        pair = scales
    elif isinstance(scales, Mapping):
        if code not in scales:
            raise ValueError(f"No scale given for item {code!r}: add scales[{code!r}] = (min, max).")
        pair = scales[code]
    else:
        raise ValueError("scales must map each item code to (min, max), or be one (min, max) pair for all items.")
    try:
        low, high = (float(v) for v in pair)
    except (TypeError, ValueError):
        raise ValueError(f"The scale of item {code!r} must be (min, max) numbers; got {pair!r}.") from None
    if not (np.isfinite(low) and np.isfinite(high) and low < high):
        raise ValueError(f"The scale of item {code!r} must have min < max; got ({low:g}, {high:g}).")
    return low, high


def item_rows(frame: pd.DataFrame) -> np.ndarray:
    """Float array of shape (items, respondents), C-contiguous: one row per item, so per-item reductions
    run over contiguous memory (a copy only when the frame is not stored column by column)."""
    return np.ascontiguousarray(frame.to_numpy(dtype=float).T)


def check_within_scales(x: np.ndarray, columns: list, lows: np.ndarray, highs: np.ndarray, what: str) -> None:
    """Every answered value of `x` (items × respondents, NaN = missing) lies within its item's (min, max)."""
    with np.errstate(invalid="ignore"):
        mins = np.fmin.reduce(x, axis=1)  # fmin/fmax skip NaN
        maxs = np.fmax.reduce(x, axis=1)
    bad = (mins < lows) | (maxs > highs)
    if bad.any():
        k = int(np.flatnonzero(bad)[0])
        value = mins[k] if mins[k] < lows[k] else maxs[k]
        raise ValueError(
            f"{what}: item {columns[k]!r} has the value {value:g}, outside its scale {lows[k]:g}–{highs[k]:g}. "
            "Fix the scale or the data; code 'don't know' as missing, not as a number."
        )


def weights_from(weights, keys: list, what: str) -> np.ndarray:
    """Non-negative weights for `keys`, normalised to sum 1 (None = equal weights)."""
    if weights is None:
        return np.full(len(keys), 1 / len(keys))
    if not isinstance(weights, Mapping):
        weights = pd.Series(weights)
    missing = [k for k in keys if k not in weights]
    if missing:
        raise ValueError(f"{what}: no weight for {', '.join(map(repr, missing))}.")
    w = np.array([float(weights[k]) for k in keys])
    if not np.all(np.isfinite(w)) or (w < 0).any():
        raise ValueError(f"{what}: weights must be finite and non-negative; got {dict(zip(keys, w))}.")
    if w.sum() == 0:
        raise ValueError(f"{what}: the weights are all zero; give at least one a positive weight.")
    return w / w.sum()
