"""Questionnaire links with fixed values: a link for one class or group that fills those respondent
attributes itself, hidden from the respondent (Qualtrics' embedded data, 问卷星's custom parameters).

The values are kept on the server under a token of the link's own (`tables.FixedLink`), and the link
carries only that token (``&f=<token>``, `answering.answer_url`), so a respondent cannot alter them; the
QR code of the link carries the same URL. On submit the stored values are written into the response's
attributes over anything the form sent (`answering.submit_answer`).

Staff side: `make_fixed_link` is the coordinator's action (permission "surveys.design", audited as
"fixed_link", one transaction); `fixed_links` lists what was made. Respondent side: `fixed_values`.
Refusals are `FixedLinkError` (a `UserError`, ids ``links.fixed_*``).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.access import accounts, audit
from survey.access.accounts import SignedIn
from survey.characters import normal_text, without_bad_characters
from survey.design.definition import SurveyDefinition
from survey.errors import UserError
from survey.storage import choices, store
from survey.storage import tables as t
from survey.storage.db import Database

TOKEN_BYTES = 9  # 72 random bits → 12 URL-safe characters
VALUE_MAX = 200  # as a typed attribute (answering.ATTRIBUTE_MAX)


class FixedLinkError(UserError):
    """Fixed values that cannot be kept: none given, or a value an attribute cannot take."""


@dataclass(frozen=True)
class FixedLink:
    token: str
    values: dict[str, str]  # attribute item code → value


def checked_values(defn: SurveyDefinition, values: dict[str, str], *, lang: str = "zh") -> dict[str, str]:
    """The values as they will be stored: only attributes of `defn`, each trimmed, cleaned of control
    characters, in NFC, at most `VALUE_MAX` characters, one of the attribute's choices where it has them;
    empty ones dropped. `FixedLinkError` names the first that cannot be kept, by its label in `lang` (or
    "links.fixed_nothing")."""
    kept: dict[str, str] = {}
    for code, value in values.items():
        item = defn.node(code)
        if item is None or item.role != "attribute":
            raise FixedLinkError("links.fixed_bad", item=str(code)[:64], value=str(value)[:80])
        cleaned = normal_text(without_bad_characters(str(value or ""))[0]).strip()
        if not cleaned:
            continue
        if len(cleaned) > VALUE_MAX:
            raise FixedLinkError("links.fixed_long", item=item.label(lang), limit=VALUE_MAX)
        if item.choices and item.choice(cleaned) is None:
            raise FixedLinkError("links.fixed_bad", item=item.label(lang), value=cleaned[:80])
        kept[code] = cleaned
    if not kept:
        raise FixedLinkError("links.fixed_nothing")
    return kept


def make_fixed_link(
    db: Database, who: SignedIn, workspace_id: int, survey_id: int, values: dict[str, str], *, lang: str
) -> str:
    """`who` makes a link that fills these attributes (`checked_values` against the survey's current
    version); returns its token. Audited as "fixed_link" with the values."""
    with db.session() as s:
        accounts.check_permission(s, who, "surveys.design", workspace_id)
        survey = store.get_survey(s, workspace_id, survey_id)
        defn = choices.load_definition(s, workspace_id, store.current_version(s, workspace_id, survey_id).id)
        kept = checked_values(defn, values, lang=lang)
        token = secrets.token_urlsafe(TOKEN_BYTES)
        s.add(t.FixedLink(workspace_id=workspace_id, survey_id=survey_id, token=token, values=kept))
        audit.record(
            s,
            who.actor,
            "fixed_link",
            workspace_id=workspace_id,
            target=(survey.title_zh if lang == "zh" else survey.title_en) or survey.title_zh or survey.title_en,
            values=kept,
        )
        s.commit()
        return token


def fixed_links(s: Session, workspace_id: int, survey_id: int) -> list[FixedLink]:
    """The links with fixed values made for the survey, newest first."""
    store.get_survey(s, workspace_id, survey_id)
    rows = s.scalars(
        select(t.FixedLink)
        .where(t.FixedLink.survey_id == survey_id, t.FixedLink.workspace_id == workspace_id)
        .order_by(t.FixedLink.id.desc())
    ).all()
    return [FixedLink(row.token, dict(row.values or {})) for row in rows]


def fixed_values(s: Session, survey_id: int, token: str | None) -> dict[str, str] | None:
    """The values a respondent's link fills (an empty dict for a link without them), or None when the
    token names no fixed link of this survey."""
    if not token:
        return {}
    if not isinstance(token, str) or len(token) > 64:
        return None
    row = s.scalars(select(t.FixedLink).where(t.FixedLink.token == token, t.FixedLink.survey_id == survey_id)).first()
    return None if row is None else dict(row.values or {})


def without_fixed(defn: SurveyDefinition, values: dict[str, str]) -> SurveyDefinition:
    """The questionnaire a respondent sees: the definition without the attributes the link fills."""
    return replace(defn, nodes=tuple(n for n in defn.nodes if n.code not in values))


def describe(defn: SurveyDefinition, values: dict[str, str], lang: str) -> str:
    """ "班级=一班, 小组=1": the fixed values with each attribute's label and the choice's label."""
    parts = []
    for code, value in values.items():
        item = defn.node(code)
        if item is None:
            parts.append(f"{code}={value}")
            continue
        choice = item.choice(value)
        parts.append(f"{item.label(lang)}={choice.label(lang) if choice else value}")
    return ", ".join(parts)
