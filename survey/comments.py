"""Open-text comments: the comments with the respondent's scores and NPS category, their words, a survey's
codebook of themes and the comments tagged with them, and the follow-up of detractors.

User actions (the Comments and Follow-up pages), each one transaction: it checks the role again in the
database (`accounts.check_permission`: "comments.tag" for the codebook and tagging, "followup.manage" for a
follow-up; AccountError "account.not_permitted"), writes, writes its audit entry and commits. A refused
action (that error, a `CommentError` naming what is wrong, `store.NotFound` for a row of another workspace)
writes nothing.

- codebook: `add_tag`, `rename_tag`, `delete_tag` (its taggings go with it);
- tagging: `tag_comment`, `untag_comment`, `set_comment_tags` (the tags of one comment at once);
- follow-up: `set_follow_up` (status open / contacted / resolved, a note; who handled it is the account).

Readers: `comment_items`, `comments_table` (pure: from a responses frame), `codebook`, `taggings`,
`theme_counts`, `term_tables`, `comments_with_term`, `follow_up_list`, `follow_up_counts`, `kept_with_survey`,
`kept_with_batch`.

Contact details: a respondent's e-mail and name are shown on the follow-up list only when the import kept
their personal data ("keep personal data") and said the respondents consented to be contacted
(`CONSENT_KEY` in the response's meta, set by the import option "respondents agreed to be contacted");
everyone else is "anonymous" (`contact` None).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pandas as pd
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from metrics.text import distinguishing_terms, term_frequencies, tokenize
from survey.access import accounts, audit
from survey.access.accounts import SignedIn
from survey.analysis.inputs import AnalysisInputs
from survey.analysis.nps import FollowUpCounts, detractor_follow_up
from survey.analysis.scores import loyalty_scores, satisfaction_scores
from survey.characters import bad_character, describe, normal_text, trim
from survey.design.definition import SurveyDefinition
from survey.errors import UserError
from survey.importing.actions import CONSENT_KEY  # Response.meta: the respondents agreed to be contacted
from survey.storage import store
from survey.storage import tables as t
from survey.storage.db import Database

TAG_PERMISSION = "comments.tag"
FOLLOW_UP_PERMISSION = "followup.manage"
STATUSES = ("open", "contacted", "resolved")
CATEGORIES = ("promoter", "passive", "detractor")
TAG_MAX = 100  # characters of a theme's name
NOTE_MAX = 2000  # characters of a follow-up note


class CommentError(UserError):
    """A refused codebook, tagging or follow-up action; `message` is a translation id."""


# --- the comments ---------------------------------------------------------------------------------


def comment_items(defn: SurveyDefinition) -> tuple[str, ...]:
    """The codes of the survey's open-text comment items, in questionnaire order."""
    return tuple(n.code for n in defn.items if n.role == "comment")


def nps_category(answers: pd.Series) -> pd.Series:
    """promoter (9–10), passive (7–8), detractor (0–6) per 0–10 answer; "" when missing."""
    values = pd.to_numeric(answers, errors="coerce").to_numpy(dtype=float)
    out = np.full(len(values), "", dtype=object)
    out[values >= 9] = "promoter"
    out[(values >= 7) & (values < 9)] = "passive"
    out[values <= 6] = "detractor"
    return pd.Series(out, index=answers.index, dtype=object)


COMMENT_COLUMNS = ["response_id", "wave", "comment", "recommend", "category", "satisfaction", "loyalty", "tags"]


def comments_table(
    inputs: AnalysisInputs,
    frame: pd.DataFrame,
    item: str,
    *,
    tags: dict[tuple[int, str], list[str]] | None = None,
    categories: tuple[str, ...] = (),
    search: str = "",
) -> pd.DataFrame:
    """The answers to comment item `item` in `frame` (a responses frame, already filtered), one row per
    non-empty comment, with the respondent's scores beside it.

    Columns: response_id, wave, one per segment field, comment (the text exactly as written), recommend
    (the 0–10 answer), category (`nps_category`), satisfaction and loyalty (the respondent's 0–100 scores,
    NaN without those items), tags (theme names, from `taggings`, joined by ", ").
    categories: keep only these NPS categories (empty: all); search: keep comments containing it (case
    ignored, spaces around it trimmed).
    """
    fields = [f for f in inputs.segment_fields if f in frame.columns]
    columns = ["response_id", "wave", *fields, *COMMENT_COLUMNS[2:]]
    if item not in frame.columns or frame.empty:
        return pd.DataFrame(columns=columns)
    text = frame[item]
    keep = text.notna().to_numpy() & (text.astype(str).str.strip() != "").to_numpy(dtype=bool, na_value=False)
    part = frame[keep]
    table = part[["response_id", "wave", *fields]].copy()
    table["comment"] = part[item].astype(object)
    recommend = part[inputs.recommend] if inputs.recommend in part.columns else pd.Series(np.nan, index=part.index)
    table["recommend"] = pd.to_numeric(recommend, errors="coerce")
    table["category"] = nps_category(recommend)
    table["satisfaction"] = satisfaction_scores(inputs, part) if len(inputs.tree) else np.nan
    table["loyalty"] = loyalty_scores(inputs, part) if inputs.loyalty else np.nan
    names = tags or {}
    table["tags"] = [", ".join(names.get((int(r), item), [])) for r in table["response_id"]]
    if categories:
        table = table[table["category"].isin(list(categories))]
    needle = search.strip().casefold()
    if needle:
        table = table[[needle in str(c).casefold() for c in table["comment"]]]
    return table[columns].reset_index(drop=True)


@dataclass(frozen=True)
class TermTables:
    """The words of some comments: frequencies (`metrics.term_frequencies`: term, count, comments) and the
    terms that distinguish detractors from promoters (`metrics.text.distinguishing_terms`, detractors as
    group a: term, count_a, count_b, log_odds, z; empty without both groups)."""

    frequencies: pd.DataFrame
    distinguishing: pd.DataFrame
    detractors: int
    promoters: int


def term_tables(table: pd.DataFrame) -> TermTables:
    """`TermTables` of a `comments_table`."""
    detractors = table.loc[table["category"] == "detractor", "comment"].tolist()
    promoters = table.loc[table["category"] == "promoter", "comment"].tolist()
    if detractors and promoters:
        distinguishing = distinguishing_terms(detractors, promoters)
    else:
        distinguishing = pd.DataFrame(columns=["term", "count_a", "count_b", "log_odds", "z"])
    return TermTables(term_frequencies(table["comment"].tolist()), distinguishing, len(detractors), len(promoters))


def comments_with_term(table: pd.DataFrame, term: str) -> pd.DataFrame:
    """The rows of a `comments_table` whose comment has `term` among its words (`metrics.text.tokenize`)."""
    if not term or table.empty:
        return table.iloc[0:0]
    return table[[term in tokenize(c) for c in table["comment"]]].reset_index(drop=True)


# --- the codebook and tagging: readers ----------------------------------------------------------------


@dataclass(frozen=True)
class Tag:
    id: int
    name: str
    uses: int  # comments tagged with it


def codebook(s: Session, workspace_id: int, survey_id: int) -> list[Tag]:
    """The survey's themes in the order they were added, with the number of comments tagged with each."""
    store.get_survey(s, workspace_id, survey_id)
    uses = dict(
        s.execute(
            select(t.CommentTagging.tag_id, func.count())
            .join(t.CommentTag, t.CommentTag.id == t.CommentTagging.tag_id)
            .where(t.CommentTag.survey_id == survey_id)
            .group_by(t.CommentTagging.tag_id)
        ).all()
    )
    rows = s.execute(
        select(t.CommentTag.id, t.CommentTag.name).where(t.CommentTag.survey_id == survey_id).order_by(t.CommentTag.id)
    ).all()
    return [Tag(i, name, uses.get(i, 0)) for i, name in rows]


def taggings(s: Session, workspace_id: int, survey_id: int) -> dict[tuple[int, str], list[str]]:
    """(response id, comment item code) → the names of its themes, in codebook order."""
    store.get_survey(s, workspace_id, survey_id)
    rows = s.execute(
        select(t.CommentTagging.response_id, t.CommentTagging.item_code, t.CommentTag.name)
        .join(t.CommentTag, t.CommentTag.id == t.CommentTagging.tag_id)
        .where(t.CommentTag.survey_id == survey_id)
        .order_by(t.CommentTag.id)
    ).all()
    found: dict[tuple[int, str], list[str]] = {}
    for response_id, code, name in rows:
        found.setdefault((response_id, code), []).append(name)
    return found


ALL = "__all__"  # theme_counts' column of every comment


def theme_counts(table: pd.DataFrame, themes: list[str], by: str) -> pd.DataFrame:
    """How many comments of a `comments_table` carry each theme, per value of `by` (a segment field or
    "wave"): columns theme, one per value (in text order; a comment without a value is counted only in the
    total), then `ALL` (every comment); a row per theme of `themes`, in their order. Counts, not shares: a
    comment may carry several themes."""
    values = sorted(str(v) for v in table[by].dropna().unique()) if by in table.columns else []
    tagged = [set(filter(None, str(x).split(", "))) for x in table["tags"]]
    rows = []
    for theme in themes:
        has = np.array([theme in x for x in tagged], dtype=bool)
        row = {"theme": theme}
        for value in values:
            row[value] = int((has & (table[by].astype(object) == value).to_numpy(dtype=bool, na_value=False)).sum())
        row[ALL] = int(has.sum())
        rows.append(row)
    return pd.DataFrame(rows, columns=["theme", *values, ALL])


def kept_with_survey(s: Session, workspace_id: int, survey_id: int) -> tuple[int, int]:
    """(themes, follow-ups) kept with a survey: deleting the survey deletes them too."""
    store.get_survey(s, workspace_id, survey_id)
    tags = s.scalar(select(func.count()).select_from(t.CommentTag).where(t.CommentTag.survey_id == survey_id))
    follow = s.scalar(select(func.count()).select_from(t.FollowUp).where(t.FollowUp.survey_id == survey_id))
    return int(tags or 0), int(follow or 0)


def kept_with_batch(s: Session, workspace_id: int, batch_id: int) -> tuple[int, int]:
    """(comments tagged, follow-ups) of an import's responses: undoing the import removes them too."""
    responses = select(t.Response.id).where(t.Response.workspace_id == workspace_id, t.Response.batch_id == batch_id)
    tagged = s.scalar(
        select(func.count(func.distinct(t.CommentTagging.response_id))).where(
            t.CommentTagging.response_id.in_(responses)
        )
    )
    follow = s.scalar(select(func.count()).select_from(t.FollowUp).where(t.FollowUp.response_id.in_(responses)))
    return int(tagged or 0), int(follow or 0)


# --- the codebook and tagging: actions -----------------------------------------------------------------


def _tag_name(name: str) -> str:
    name = normal_text(trim(name))
    if not name:
        raise CommentError("comments.tag_empty")
    if len(name) > TAG_MAX:
        raise CommentError("comments.tag_too_long", limit=TAG_MAX)
    bad = bad_character(name)
    if bad:
        raise CommentError("comments.tag_bad_character", character=describe(bad.char))
    return name


def _survey_title(survey: t.Survey, lang: str) -> str:
    return (survey.title_zh if lang == "zh" else survey.title_en) or survey.title_zh or survey.title_en


def _tag(s: Session, workspace_id: int, tag_id: int) -> t.CommentTag:
    tag = s.get(t.CommentTag, tag_id)
    if tag is None or tag.workspace_id != workspace_id:
        raise store.NotFound(tag_id)
    return tag


def _unique(s: Session, survey_id: int, name: str, tag_id: int | None = None) -> None:
    query = select(t.CommentTag.id).where(t.CommentTag.survey_id == survey_id, t.CommentTag.name == name)
    if tag_id is not None:
        query = query.where(t.CommentTag.id != tag_id)
    if s.scalar(query) is not None:
        raise CommentError("comments.tag_exists", name=name)


def add_tag(db: Database, who: SignedIn, workspace_id: int, survey_id: int, name: str, *, lang: str) -> int:
    """A new theme in the survey's codebook (trimmed, NFC, at most `TAG_MAX` characters, unique in the
    survey); its id. Audited as "comment_tag_add" with the theme's name."""
    with db.session() as s:
        accounts.check_permission(s, who, TAG_PERMISSION, workspace_id)
        survey = store.get_survey(s, workspace_id, survey_id)
        name = _tag_name(name)
        _unique(s, survey_id, name)
        tag = t.CommentTag(workspace_id=workspace_id, survey_id=survey_id, name=name, created_by=who.account_id)
        s.add(tag)
        s.flush()
        audit.record(
            s, who.actor, "comment_tag_add", workspace_id=workspace_id, target=_survey_title(survey, lang), tag=name
        )
        s.commit()
        return tag.id


def rename_tag(db: Database, who: SignedIn, workspace_id: int, tag_id: int, name: str, *, lang: str) -> None:
    """A new name for a theme (its comments keep it), audited as "comment_tag_rename" with both names."""
    with db.session() as s:
        accounts.check_permission(s, who, TAG_PERMISSION, workspace_id)
        tag = _tag(s, workspace_id, tag_id)
        survey = store.get_survey(s, workspace_id, tag.survey_id)
        name = _tag_name(name)
        _unique(s, tag.survey_id, name, tag_id)
        old, tag.name = tag.name, name
        audit.record(
            s,
            who.actor,
            "comment_tag_rename",
            workspace_id=workspace_id,
            target=_survey_title(survey, lang),
            tag=old,
            new=name,
        )
        s.commit()


def delete_tag(db: Database, who: SignedIn, workspace_id: int, tag_id: int, *, lang: str) -> int:
    """Remove a theme from the codebook and from every comment tagged with it (the comments stay); returns
    the comments it was taken from. Audited as "comment_tag_delete" with the name and that number."""
    with db.session() as s:
        accounts.check_permission(s, who, TAG_PERMISSION, workspace_id)
        tag = _tag(s, workspace_id, tag_id)
        survey = store.get_survey(s, workspace_id, tag.survey_id)
        removed = s.execute(delete(t.CommentTagging).where(t.CommentTagging.tag_id == tag_id)).rowcount or 0
        name = tag.name
        s.delete(tag)
        audit.record(
            s,
            who.actor,
            "comment_tag_delete",
            workspace_id=workspace_id,
            target=_survey_title(survey, lang),
            tag=name,
            comments=removed,
        )
        s.commit()
        return removed


def _comment(s: Session, workspace_id: int, response_id: int, item_code: str) -> t.Response:
    response = s.get(t.Response, response_id)
    if response is None or response.workspace_id != workspace_id:
        raise store.NotFound(response_id)
    text = (response.attributes or {}).get(item_code)
    if not isinstance(text, str) or not text.strip():
        raise CommentError("comments.no_comment")
    return response


def set_comment_tags(
    db: Database,
    who: SignedIn,
    workspace_id: int,
    response_id: int,
    item_code: str,
    tag_ids: list[int],
    *,
    lang: str,
) -> tuple[list[str], list[str]]:
    """The themes of one comment (the response's answer to `item_code`), set to exactly `tag_ids` (themes of
    the response's survey); returns (names added, names removed). Audited as "comment_tagged" /
    "comment_untagged" for each theme added or taken off, with the response id."""
    with db.session() as s:
        accounts.check_permission(s, who, TAG_PERMISSION, workspace_id)
        response = _comment(s, workspace_id, response_id, item_code)
        survey = store.get_survey(s, workspace_id, response.survey_id)
        wanted = {}
        for tag_id in tag_ids:
            tag = _tag(s, workspace_id, tag_id)
            if tag.survey_id != response.survey_id:
                raise store.NotFound(tag_id)
            wanted[tag.id] = tag.name
        rows = s.scalars(
            select(t.CommentTagging).where(
                t.CommentTagging.response_id == response_id, t.CommentTagging.item_code == item_code
            )
        ).all()
        have = {r.tag_id: r for r in rows}
        names = dict(s.execute(select(t.CommentTag.id, t.CommentTag.name).where(t.CommentTag.id.in_(have))).all())
        added, removed = [], []
        title = _survey_title(survey, lang)
        for tag_id, row in have.items():
            if tag_id not in wanted:
                s.delete(row)
                removed.append(names[tag_id])
                audit.record(
                    s,
                    who.actor,
                    "comment_untagged",
                    workspace_id=workspace_id,
                    target=title,
                    tag=names[tag_id],
                    response=response_id,
                    item=item_code,
                )
        for tag_id, name in wanted.items():
            if tag_id not in have:
                s.add(
                    t.CommentTagging(
                        workspace_id=workspace_id,
                        response_id=response_id,
                        item_code=item_code,
                        tag_id=tag_id,
                        tagged_by=who.account_id,
                    )
                )
                added.append(name)
                audit.record(
                    s,
                    who.actor,
                    "comment_tagged",
                    workspace_id=workspace_id,
                    target=title,
                    tag=name,
                    response=response_id,
                    item=item_code,
                )
        s.commit()
        return added, removed


def _tags_of(db: Database, workspace_id: int, response_id: int, item_code: str) -> set[int]:
    with db.session() as s:
        return set(
            s.scalars(
                select(t.CommentTagging.tag_id).where(
                    t.CommentTagging.workspace_id == workspace_id,
                    t.CommentTagging.response_id == response_id,
                    t.CommentTagging.item_code == item_code,
                )
            ).all()
        )


def tag_comment(
    db: Database, who: SignedIn, workspace_id: int, response_id: int, item_code: str, tag_id: int, *, lang: str
) -> bool:
    """Tag one comment with one theme (`set_comment_tags`); False when it already had it."""
    have = _tags_of(db, workspace_id, response_id, item_code)
    added, _ = set_comment_tags(db, who, workspace_id, response_id, item_code, [*have, tag_id], lang=lang)
    return bool(added)


def untag_comment(
    db: Database, who: SignedIn, workspace_id: int, response_id: int, item_code: str, tag_id: int, *, lang: str
) -> bool:
    """Take one theme off one comment (`set_comment_tags`); False when it did not have it."""
    have = _tags_of(db, workspace_id, response_id, item_code)
    _, removed = set_comment_tags(db, who, workspace_id, response_id, item_code, sorted(have - {tag_id}), lang=lang)
    return bool(removed)


# --- follow-up -------------------------------------------------------------------------------------


def set_follow_up(
    db: Database,
    who: SignedIn,
    workspace_id: int,
    response_id: int,
    *,
    status: str,
    note: str,
    lang: str,
) -> None:
    """The follow-up of one response: its status (`STATUSES`), a note (at most `NOTE_MAX` characters,
    kept as written) and who handled it (the signed-in account). Audited as "follow_up" with the status and
    the response id (the note stays out of the log)."""
    if status not in STATUSES:
        raise CommentError("followup.bad_status")
    note = normal_text(note or "")
    if len(note) > NOTE_MAX:
        raise CommentError("followup.note_too_long", limit=NOTE_MAX)
    bad = bad_character(note)
    if bad:
        raise CommentError("followup.note_bad_character", character=describe(bad.char))
    with db.session() as s:
        accounts.check_permission(s, who, FOLLOW_UP_PERMISSION, workspace_id)
        response = s.get(t.Response, response_id)
        if response is None or response.workspace_id != workspace_id:
            raise store.NotFound(response_id)
        survey = store.get_survey(s, workspace_id, response.survey_id)
        row = s.scalars(select(t.FollowUp).where(t.FollowUp.response_id == response_id)).first()
        if row is None:
            row = t.FollowUp(workspace_id=workspace_id, survey_id=response.survey_id, response_id=response_id)
            s.add(row)
        row.status, row.note = status, note
        row.handled_by, row.handled_by_name = who.account_id, who.username
        row.updated_at = t.utcnow()
        audit.record(
            s,
            who.actor,
            "follow_up",
            workspace_id=workspace_id,
            target=_survey_title(survey, lang),
            response=response_id,
            status=status,
        )
        s.commit()


@dataclass(frozen=True)
class FollowUpRow:
    status: str
    note: str
    handled_by: str
    updated_at: datetime | None


def _follow_ups(s: Session, survey_id: int) -> dict[int, FollowUpRow]:
    f = t.FollowUp
    rows = s.execute(
        select(f.response_id, f.status, f.note, f.handled_by_name, f.updated_at).where(f.survey_id == survey_id)
    ).all()
    return {r[0]: FollowUpRow(r[1], r[2], r[3], r[4]) for r in rows}


def contact_of(meta: dict | None) -> str | None:
    """A respondent's contact details as the follow-up list shows them ("name <e-mail>"), or None
    (anonymous): only when the import kept their personal data with their consent (`CONSENT_KEY`)."""
    meta = meta or {}
    if meta.get(CONSENT_KEY) is not True:
        return None
    name = str(meta.get("name") or " ".join(str(meta[k]) for k in ("first_name", "last_name") if meta.get(k)))
    name = name.strip() or str(meta.get("nickname") or "").strip()
    email = str(meta.get("email") or "").strip()
    if name and email:
        return f"{name} <{email}>"
    return name or email or None


FOLLOW_UP_COLUMNS = ["response_id", "wave", "score", "comment", "contact", "status", "note", "handled_by", "updated_at"]


def low_scores(inputs: AnalysisInputs, frame: pd.DataFrame, *, item: str | None = None, below: float | None = None):
    """The responses of `frame` to follow up: detractors (0–6 on the recommend item) when `item` is None,
    else those whose answer to `item` is below `below`."""
    if item is None:
        if inputs.recommend is None or inputs.recommend not in frame.columns:
            return frame.iloc[0:0], None
        item, below = inputs.recommend, 7
    if item not in frame.columns or below is None:
        return frame.iloc[0:0], item
    values = pd.to_numeric(frame[item], errors="coerce")
    return frame[(values < below).to_numpy(dtype=bool, na_value=False)], item


def follow_up_list(
    db: Database,
    workspace_id: int,
    survey_id: int,
    inputs: AnalysisInputs,
    frame: pd.DataFrame,
    comment_codes: tuple[str, ...],
    *,
    item: str | None = None,
    below: float | None = None,
    statuses: tuple[str, ...] = (),
) -> pd.DataFrame:
    """The responses to follow up (`low_scores`) with their comments, contact and follow-up.

    Columns `FOLLOW_UP_COLUMNS`: score (the answer to the item chosen, or the 0–10 recommend answer),
    comment (every comment item's answer, one per line), contact (`contact_of`, "" = anonymous), status
    ("open" until set), note, handled_by (the username), updated_at. statuses: keep only these (empty: all).
    Lowest score first, then the oldest response.
    """
    low, code = low_scores(inputs, frame, item=item, below=below)
    with db.session() as s:
        store.get_survey(s, workspace_id, survey_id)
        done = _follow_ups(s, survey_id)
        ids = [int(r) for r in low["response_id"]]
        metas = {}
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            metas.update(
                s.execute(
                    select(t.Response.id, t.Response.meta).where(
                        t.Response.survey_id == survey_id, t.Response.id.in_(part)
                    )
                ).all()
            )
    rows = []
    for _, r in low.iterrows():
        rid = int(r["response_id"])
        texts = [str(r[c]) for c in comment_codes if c in low.columns and isinstance(r[c], str) and r[c].strip()]
        f = done.get(rid)
        rows.append(
            {
                "response_id": rid,
                "wave": r.get("wave"),
                "score": float(r[code]),
                "comment": "\n".join(texts),
                "contact": contact_of(metas.get(rid)) or "",
                "status": f.status if f else "open",
                "note": f.note if f else "",
                "handled_by": f.handled_by if f else "",
                "updated_at": f.updated_at if f else None,
            }
        )
    table = pd.DataFrame(rows, columns=FOLLOW_UP_COLUMNS)
    if statuses:
        table = table[table["status"].isin(list(statuses))]
    return table.sort_values(["score", "response_id"], ignore_index=True)


def follow_up_counts(
    db: Database, workspace_id: int, survey_id: int, inputs: AnalysisInputs, frame: pd.DataFrame
) -> FollowUpCounts:
    """`survey.analysis.nps.FollowUpCounts` of the detractors in `frame` (the NPS page's selection)."""
    with db.session() as s:
        store.get_survey(s, workspace_id, survey_id)
        done = _follow_ups(s, survey_id)
    return detractor_follow_up(inputs, frame, {rid: f.status for rid, f in done.items()})
