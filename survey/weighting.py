"""A survey's weighting schemes: population margins kept with the survey, and the weights they give.

A scheme names the population shares (or totals) of some respondent attributes, e.g. {"region":
{"north": 0.4, "south": 0.6}}; `scheme_weights` rakes the responses to them (`metrics.rake`) and says how much
the weights cost (Kish's design effect, the effective n). The dashboards offer "weighting: none / <scheme>"
once a survey has a scheme.

Saving, renaming and deleting a scheme are user actions: one transaction each, the role read again from the
database (`PERMISSION`: coordinators, managers, administrators), audited ("weighting_save",
"weighting_rename", "weighting_delete"). A refusal is a `WeightingError` (a `UserError`) naming what is wrong,
and writes nothing.

Raking is done over every response of the survey that is given (the dashboards give all of them, before the
filters), so one respondent keeps one weight on every page and under every filter.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

import metrics
from survey.access import accounts, audit
from survey.access.accounts import SignedIn
from survey.errors import UserError
from survey.storage import store
from survey.storage import tables as t
from survey.storage.db import Database

PERMISSION = "weighting.manage"
NAME_MAX = 200
CSV_COLUMNS = ("attribute", "category", "target")
SHARE_TOLERANCE = 1e-6  # as metrics.weighting: margins adding up to 1 are shares


class WeightingError(UserError):
    """A weighting scheme refused (its name, its margins, or margins the responses cannot meet)."""


@dataclass(frozen=True)
class Scheme:
    """A stored weighting scheme: margins maps attribute code → {category: population total or share}."""

    id: int
    survey_id: int
    name: str
    margins: dict
    created_by: str
    updated_at: datetime

    @property
    def attributes(self) -> tuple[str, ...]:
        return tuple(self.margins)


@dataclass(frozen=True)
class SchemeWeights:
    """The weights of a scheme on some responses (`scheme_weights`).

    weights: one per response, aligned to the frame's index, scaled to a mean of 1 (so weighted counts read
        as respondents); design_effect: Kish's n·Σw²/(Σw)²; effective_n: (Σw)²/Σw²; n: responses weighted;
        iterations, converged: of the raking.
    """

    weights: pd.Series
    design_effect: float
    effective_n: float
    n: int
    iterations: int
    converged: bool

    def summary(self) -> dict[str, float]:
        """Smallest, largest, mean weight and their spread (the Weighting page's summary)."""
        w = self.weights
        return {"min": float(w.min()), "max": float(w.max()), "mean": float(w.mean()), "sd": float(w.std(ddof=0))}


def _scheme(row: t.WeightingScheme) -> Scheme:
    return Scheme(row.id, row.survey_id, row.name, dict(row.margins or {}), row.created_by, row.updated_at)


def schemes(db: Database, workspace_id: int, survey_id: int) -> list[Scheme]:
    """The survey's weighting schemes, by name (read by everyone who reads its dashboards)."""
    with db.session() as s:
        return list_schemes(s, workspace_id, survey_id)


def list_schemes(s: Session, workspace_id: int, survey_id: int) -> list[Scheme]:
    store.get_survey(s, workspace_id, survey_id)
    rows = s.scalars(
        select(t.WeightingScheme)
        .where(t.WeightingScheme.workspace_id == workspace_id, t.WeightingScheme.survey_id == survey_id)
        .order_by(t.WeightingScheme.name, t.WeightingScheme.id)
    ).all()
    return [_scheme(r) for r in rows]


def checked_margins(margins: Mapping) -> dict:
    """The margins as stored: {attribute: {category: float}}, every target a positive number, every attribute
    with at least two categories… or a WeightingError naming the first problem."""
    if not isinstance(margins, Mapping) or not margins:
        raise WeightingError("weighting.no_margins")
    out: dict = {}
    for attribute, spec in margins.items():
        name = str(attribute).strip()
        if not name or not isinstance(spec, Mapping) or not spec:
            raise WeightingError("weighting.attribute_empty", attribute=name)
        targets: dict = {}
        for category, value in spec.items():
            label = str(category).strip()
            try:
                number = float(value)
            except (TypeError, ValueError):
                number = math.nan
            if not label:
                raise WeightingError("weighting.category_empty", attribute=name)
            if not (math.isfinite(number) and number > 0):
                raise WeightingError("weighting.target_bad", attribute=name, category=label, target=str(value))
            if label in targets:
                raise WeightingError("weighting.category_twice", attribute=name, category=label)
            targets[label] = number
        out[name] = targets
    totals = {a: sum(v.values()) for a, v in out.items() if abs(sum(v.values()) - 1) > SHARE_TOLERANCE}
    if len({round(v, 6) for v in totals.values()}) > 1:
        (a, x), (b, y) = list(totals.items())[:2]
        raise WeightingError("weighting.totals_disagree", first=a, first_total=f"{x:g}", other=b, other_total=f"{y:g}")
    return out


def margins_from_csv(content: bytes) -> dict:
    """Margins from a CSV file with the columns attribute, category, target (one row per category; UTF-8 or
    GB18030): {attribute: {category: target}}, checked as `checked_margins`; a WeightingError names the row
    that is wrong."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            decoded = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise WeightingError("weighting.csv_encoding")
    rows = list(csv.reader(io.StringIO(decoded)))
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        raise WeightingError("weighting.csv_empty")
    header = [c.strip().lower() for c in rows[0]]
    if any(c not in header for c in CSV_COLUMNS):
        raise WeightingError("weighting.csv_columns")
    where = [header.index(c) for c in CSV_COLUMNS]
    margins: dict = {}
    for line, row in enumerate(rows[1:], start=2):
        cells = [row[k].strip() if k < len(row) else "" for k in where]
        attribute, category, target = cells
        try:
            value = float(target.replace(",", "")) if target.replace(",", "") else math.nan
        except ValueError:
            value = math.nan
        if not attribute or not category or not (math.isfinite(value) and value > 0):
            raise WeightingError("weighting.csv_row", line=line)
        spec = margins.setdefault(attribute, {})
        if category in spec:
            raise WeightingError("weighting.category_twice", attribute=attribute, category=category)
        spec[category] = value
    if not margins:
        raise WeightingError("weighting.csv_empty")
    return checked_margins(margins)


def scheme_weights(frame: pd.DataFrame, scheme: Scheme | Mapping) -> SchemeWeights:
    """The weights that make `frame`'s respondents reproduce the scheme's margins (`metrics.rake`).

    Refused (WeightingError) when an attribute of the scheme is not in the responses, when some responses
    have no value for it, when the responses have a category the margins lack or the margins a category no
    response has (each named), or when the margins are not numbers. Weights are scaled to a mean of 1.
    """
    margins = checked_margins(scheme.margins if isinstance(scheme, Scheme) else scheme)
    if frame.empty:
        raise WeightingError("weighting.no_responses")
    data = {}
    for attribute, spec in margins.items():
        if attribute not in frame.columns:
            raise WeightingError("weighting.attribute_missing", attribute=attribute)
        values = frame[attribute].astype("string").str.strip()
        blank = int((values.isna() | (values == "")).sum())
        if blank:
            raise WeightingError("weighting.attribute_blank", attribute=attribute, count=blank)
        present = set(values.unique())
        extra = sorted(present - set(spec))
        if extra:
            raise WeightingError("weighting.category_not_in_margins", attribute=attribute, category=extra[0])
        absent = [c for c in spec if c not in present]
        if absent:
            raise WeightingError("weighting.category_not_in_data", attribute=attribute, category=absent[0])
        data[attribute] = values.astype(object)
    raked = metrics.rake(pd.DataFrame(data, index=frame.index), margins)
    weights = raked.weights / raked.weights.mean()
    return SchemeWeights(
        weights=weights.rename("weight"),
        design_effect=raked.design_effect,
        effective_n=raked.effective_n,
        n=len(frame),
        iterations=raked.iterations,
        converged=raked.converged,
    )


WEIGHT_TABLE_COLUMNS = [
    "attribute",
    "category",
    "respondents",
    "sample_share",
    "target_share",
    "weighted_share",
    "mean_weight",
]


def weight_table(frame: pd.DataFrame, margins: Mapping, weights: pd.Series) -> pd.DataFrame:
    """Per attribute and category of the margins: responses, their share (%), the population's share (%), the
    weighted share (%, equal to the population's once raking has converged) and the mean weight (columns
    `WEIGHT_TABLE_COLUMNS`)."""
    rows = []
    w = weights.reindex(frame.index)
    for attribute, spec in checked_margins(margins).items():
        values = frame[attribute].astype("string").str.strip()
        total = sum(spec.values())
        for category, target in spec.items():
            mask = (values == category).to_numpy(dtype=bool, na_value=False)
            count = int(mask.sum())
            rows.append(
                {
                    "attribute": attribute,
                    "category": category,
                    "respondents": count,
                    "sample_share": 100 * count / len(frame) if len(frame) else math.nan,
                    "target_share": 100 * target / total,
                    "weighted_share": 100 * float(w[mask].sum()) / float(w.sum()),
                    "mean_weight": float(w[mask].mean()) if count else math.nan,
                }
            )
    return pd.DataFrame(rows, columns=WEIGHT_TABLE_COLUMNS)


def _checked_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise WeightingError("weighting.name_empty")
    if len(name) > NAME_MAX:
        raise WeightingError("weighting.name_long", max=NAME_MAX)
    return name


def _name_taken(s: Session, survey_id: int, name: str, other_than: int | None) -> bool:
    query = select(t.WeightingScheme.id).where(t.WeightingScheme.survey_id == survey_id, t.WeightingScheme.name == name)
    found = s.scalar(query)
    return found is not None and found != other_than


def _row(s: Session, workspace_id: int, scheme_id: int) -> t.WeightingScheme:
    row = s.get(t.WeightingScheme, scheme_id)
    if row is None or row.workspace_id != workspace_id:
        raise WeightingError("weighting.not_found")
    return row


def _title(survey: t.Survey, lang: str) -> str:
    return (survey.title_zh if lang == "zh" else survey.title_en) or survey.title_zh or survey.title_en


def save_scheme(
    db: Database,
    who: SignedIn,
    workspace_id: int,
    survey_id: int,
    name: str,
    margins: Mapping,
    *,
    scheme_id: int | None = None,
    lang: str,
) -> Scheme:
    """Store a scheme (a new one, or `scheme_id`'s margins and name replaced), audited as "weighting_save"
    with the attributes weighted. The name must be unique within the survey."""
    with db.session() as s:
        accounts.check_permission(s, who, PERMISSION, workspace_id)
        survey = store.get_survey(s, workspace_id, survey_id)
        clean = _checked_name(name)
        checked = checked_margins(margins)
        if _name_taken(s, survey_id, clean, scheme_id):
            raise WeightingError("weighting.name_taken", name=clean)
        if scheme_id is None:
            row = t.WeightingScheme(workspace_id=workspace_id, survey_id=survey_id, name=clean)
            s.add(row)
        else:
            row = _row(s, workspace_id, scheme_id)
            if row.survey_id != survey_id:
                raise WeightingError("weighting.not_found")
            row.name = clean
        row.margins = checked
        row.created_by = who.username
        row.updated_at = t.utcnow()
        s.flush()
        audit.record(
            s,
            who.actor,
            "weighting_save",
            workspace_id=workspace_id,
            target=_title(survey, lang),
            scheme=clean,
            attributes=list(checked),
        )
        s.commit()
        return _scheme(row)


def rename_scheme(db: Database, who: SignedIn, workspace_id: int, scheme_id: int, name: str, *, lang: str) -> None:
    """A new name for a scheme (its margins unchanged), audited as "weighting_rename"."""
    with db.session() as s:
        accounts.check_permission(s, who, PERMISSION, workspace_id)
        row = _row(s, workspace_id, scheme_id)
        clean = _checked_name(name)
        if _name_taken(s, row.survey_id, clean, row.id):
            raise WeightingError("weighting.name_taken", name=clean)
        old, row.name = row.name, clean
        survey = store.get_survey(s, workspace_id, row.survey_id)
        audit.record(
            s, who.actor, "weighting_rename", workspace_id=workspace_id, target=_title(survey, lang), old=old, new=clean
        )
        s.commit()


def delete_scheme(db: Database, who: SignedIn, workspace_id: int, scheme_id: int, *, lang: str) -> None:
    """Remove a scheme (the responses are untouched; dashboards using it go back to unweighted), audited as
    "weighting_delete" with its name and margins, so what it said is not lost."""
    with db.session() as s:
        accounts.check_permission(s, who, PERMISSION, workspace_id)
        row = _row(s, workspace_id, scheme_id)
        survey = store.get_survey(s, workspace_id, row.survey_id)
        audit.record(
            s,
            who.actor,
            "weighting_delete",
            workspace_id=workspace_id,
            target=_title(survey, lang),
            scheme=row.name,
            margins=dict(row.margins or {}),
        )
        s.delete(row)
        s.commit()
