"""The in-app questionnaire: links that open a survey for answers, and the answers they bring.

Staff side (every function takes the workspace, like `survey.storage.store`, and the
caller commits): a survey's current version is opened for answers under an
unguessable link token (`new_token`), closed, reopened under the
same token, and may be limited to one answer per respondent token. Personal
respondent tokens (one per student of a class, say) are kept as `Respondent`
rows whose external id is ``"link:" + token``, so that an id from an imported
file can never pass for one. What a user does on the Questionnaire links page
is one function each (`open_link`, `close_link`, `require_one_answer_per_token`,
`make_personal_links`): it takes the `Database` and the signed-in account,
checks that their role may design surveys in the workspace, writes, writes the
audit entry and commits; a refused action writes nothing.

Respondent side (no workspace: the link token is the key):
`questionnaire_for_link` finds what a link opens and `submit_answer` (`send_answer`
with the `Database`) stores one response in its own transaction. With one answer per token the response keeps
the respondent token, and the unique constraint on (survey, token) is the
final guard against a second answer, also against two at the same moment.

The link a respondent opens is ``<base>/answer?s=<link token>[&t=<respondent
token>][&lang=en]`` (`answer_url`).

Refusals raise `AnswerRefused`, whose problems carry translation ids
(``answer.*``) and, for a question, its item code in `where`.
"""

from __future__ import annotations

import ipaddress
import math
import re
import secrets
import time
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from survey import fixed_links
from survey.access import accounts, audit
from survey.access.accounts import SignedIn
from survey.characters import has_bad_character, normal_text, without_bad_characters
from survey.design.definition import COMMENT_MAX, Problem, SurveyDefinition
from survey.i18n import text
from survey.spreadsheet import SafeCsv
from survey.storage import choices, store
from survey.storage import tables as t
from survey.storage.db import Database

ANSWER_PATH = "answer"  # the respondent page's url_path in app.py
TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"  # no - _ = + @: nothing a
# spreadsheet opening the links CSV reads as a formula (tokens made before were URL-safe base64, and still work)
LINK_TOKEN_CHARS = 22  # 131 random bits
PERSONAL_TOKEN_CHARS = 13  # 77 random bits, short enough to type from paper
PERSONAL_PREFIX = "link:"  # Respondent.external_id of a personal link
TOKEN_MAX = 64  # longer tokens in a URL are refused before any look-up
ATTRIBUTE_MAX = 200  # characters kept of a text answer (the form allows as many)
PERSONAL_LINKS_AT_ONCE = 1000
# pauses (s) before each new try of a submission the database was too busy to take (SQLite: another
# writer held the lock past the connection's busy timeout); after the last, "answer.busy" and nothing stored
BUSY_PAUSES = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2)

_TOKEN_CHARS = re.compile(r"^[A-Za-z0-9_-]+$")


class LinkNotFound(store.NotFound):
    """No survey version is reached by this link token."""


class AnswerRefused(ValueError):
    """The answer was not stored; `problems` say why (translation ids, item code in `where`)."""

    def __init__(self, problems: list[Problem]):
        super().__init__(", ".join(p.message for p in problems))
        self.problems = problems

    @property
    def ids(self) -> list[str]:
        return [p.message for p in self.problems]


@dataclass(frozen=True)
class LinkState:
    """What the staff page shows about a survey's questionnaire link.

    `link_version` is the number of the version the link opens (None before the
    first opening); it is older than `current_version` when the survey got a new
    version after the link was opened. `answers` counts the responses to the
    link's version (or to the current version while there is no link).
    """

    survey_id: int
    current_version: int
    link_version: int | None
    link_token: str | None
    accepting: bool
    one_answer_per_token: bool
    answers: int
    personal_links: int
    personal_answered: int

    @property
    def is_open(self) -> bool:
        return self.link_token is not None and self.accepting


@dataclass(frozen=True)
class LinkedQuestionnaire:
    """The survey version a link opens, as the respondent page needs it."""

    workspace_id: int
    survey_id: int
    version_id: int
    definition: SurveyDefinition
    is_open: bool
    one_answer_per_token: bool


@dataclass(frozen=True)
class PersonalLink:
    number: int  # 1, 2, … in the order the links were made
    token: str
    answered: bool


# --- staff: opening and closing ---------------------------------------------


def _link_version(s: Session, survey_id: int) -> t.SurveyVersion | None:
    return s.scalars(
        select(t.SurveyVersion)
        .where(t.SurveyVersion.survey_id == survey_id, t.SurveyVersion.link_token.is_not(None))
        .order_by(t.SurveyVersion.number.desc())
    ).first()


def _audit_link(s: Session, actor: audit.Actor | None, action: str, workspace_id: int, survey_id: int, **detail):
    """The audit entry of a user's change to a survey's link (`actor` None: part of another, audited action)."""
    if actor is not None:
        survey = store.get_survey(s, workspace_id, survey_id)
        target = survey.title_zh or survey.title_en
        audit.record(s, actor, action, workspace_id=workspace_id, target=target, **detail)


def open_for_answers(s: Session, workspace_id: int, survey_id: int, *, actor: audit.Actor | None = None) -> LinkState:
    """Open the survey's current version for answers (audited as `actor`'s "link_open").

    The first opening makes the link token; reopening keeps it. When an older
    version holds the link, the link (with its one-answer-per-token setting)
    moves to the current version, so a printed QR code keeps working.
    """
    current = store.current_version(s, workspace_id, survey_id)
    holder = _link_version(s, survey_id)
    if holder is not None and holder.id != current.id:
        token, per_token = holder.link_token, holder.one_answer_per_token
        holder.link_token, holder.accepting_answers = None, False
        s.flush()  # free the unique token before the current version takes it
        current.link_token, current.one_answer_per_token = token, per_token
    elif current.link_token is None:
        current.link_token = new_token(LINK_TOKEN_CHARS)
    current.accepting_answers = True
    s.flush()
    _audit_link(s, actor, "link_open", workspace_id, survey_id, version=current.number)
    return link_state(s, workspace_id, survey_id)


def close_for_answers(s: Session, workspace_id: int, survey_id: int, *, actor: audit.Actor | None = None) -> LinkState:
    """Stop taking answers through the survey's link; the token is kept for reopening (audited as
    `actor`'s "link_close")."""
    store.get_survey(s, workspace_id, survey_id)
    for version in s.scalars(select(t.SurveyVersion).where(t.SurveyVersion.survey_id == survey_id)):
        version.accepting_answers = False
    s.flush()
    _audit_link(s, actor, "link_close", workspace_id, survey_id)
    return link_state(s, workspace_id, survey_id)


def set_one_answer_per_token(
    s: Session, workspace_id: int, survey_id: int, on: bool, *, actor: audit.Actor | None = None
) -> LinkState:
    """Require (or stop requiring) a personal respondent token, good for one answer each (audited as
    `actor`'s "link_setting")."""
    current = store.current_version(s, workspace_id, survey_id)  # also checks the workspace
    version = _link_version(s, survey_id) or current
    version.one_answer_per_token = bool(on)
    s.flush()
    _audit_link(s, actor, "link_setting", workspace_id, survey_id, one_answer_per_token=bool(on))
    return link_state(s, workspace_id, survey_id)


def link_state(s: Session, workspace_id: int, survey_id: int) -> LinkState:
    current = store.current_version(s, workspace_id, survey_id)
    holder = _link_version(s, survey_id)
    shown = holder or current
    issued, answered = _personal_counts(s, survey_id)
    return LinkState(
        survey_id=survey_id,
        current_version=current.number,
        link_version=holder.number if holder else None,
        link_token=holder.link_token if holder else None,
        accepting=bool(holder and holder.accepting_answers),
        one_answer_per_token=shown.one_answer_per_token,
        answers=store.response_count(s, workspace_id, survey_id, shown.id),
        personal_links=issued,
        personal_answered=answered,
    )


# --- staff: the user actions of the Questionnaire links page -----------------


def open_link(db: Database, who: SignedIn, workspace_id: int, survey_id: int) -> LinkState:
    """`who` opens the survey's link for answers (`open_for_answers`), audited as "link_open"."""
    with db.session() as s:
        accounts.check_permission(s, who, "surveys.design", workspace_id)
        state = open_for_answers(s, workspace_id, survey_id, actor=who.actor)
        s.commit()
        return state


def close_link(db: Database, who: SignedIn, workspace_id: int, survey_id: int) -> LinkState:
    """`who` stops the survey's link taking answers (`close_for_answers`), audited as "link_close"."""
    with db.session() as s:
        accounts.check_permission(s, who, "surveys.design", workspace_id)
        state = close_for_answers(s, workspace_id, survey_id, actor=who.actor)
        s.commit()
        return state


def require_one_answer_per_token(db: Database, who: SignedIn, workspace_id: int, survey_id: int, on: bool) -> LinkState:
    """`who` turns the one-answer-per-personal-link rule on or off (`set_one_answer_per_token`), audited as
    "link_setting"."""
    with db.session() as s:
        accounts.check_permission(s, who, "surveys.design", workspace_id)
        state = set_one_answer_per_token(s, workspace_id, survey_id, on, actor=who.actor)
        s.commit()
        return state


def make_personal_links(db: Database, who: SignedIn, workspace_id: int, survey_id: int, count: int) -> list[str]:
    """`who` makes `count` personal links (`create_personal_links`), audited as "personal_links".
    ValueError "links.count_bad" for a count outside 1 – `PERSONAL_LINKS_AT_ONCE`."""
    with db.session() as s:
        accounts.check_permission(s, who, "surveys.design", workspace_id)
        tokens = create_personal_links(s, workspace_id, survey_id, count, actor=who.actor)
        s.commit()
        return tokens


# --- staff: personal links --------------------------------------------------


def new_token(length: int) -> str:
    """A random token of `length` letters and digits (`TOKEN_ALPHABET`, from `secrets`)."""
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(length))


def create_personal_links(
    s: Session, workspace_id: int, survey_id: int, count: int, *, actor: audit.Actor | None = None
) -> list[str]:
    """Make `count` new personal respondent tokens for the survey; returns them (audited as `actor`'s
    "personal_links", with the count; the tokens stay out of the log)."""
    store.get_survey(s, workspace_id, survey_id)
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= PERSONAL_LINKS_AT_ONCE:
        raise ValueError("links.count_bad")
    tokens = [new_token(PERSONAL_TOKEN_CHARS) for _ in range(count)]
    s.add_all(
        t.Respondent(workspace_id=workspace_id, survey_id=survey_id, external_id=PERSONAL_PREFIX + token)
        for token in tokens
    )
    s.flush()
    _audit_link(s, actor, "personal_links", workspace_id, survey_id, count=count)
    return tokens


def personal_links(s: Session, workspace_id: int, survey_id: int) -> list[PersonalLink]:
    """Every personal link made for the survey, oldest first, with whether it has been answered."""
    store.get_survey(s, workspace_id, survey_id)
    answered = select(t.Response.id).where(t.Response.respondent_id == t.Respondent.id).exists()
    rows = s.execute(
        select(t.Respondent.external_id, answered)
        .where(t.Respondent.survey_id == survey_id, t.Respondent.external_id.startswith(PERSONAL_PREFIX))
        .order_by(t.Respondent.id)
    ).all()
    return [
        PersonalLink(number, external_id.removeprefix(PERSONAL_PREFIX), bool(done))
        for number, (external_id, done) in enumerate(rows, start=1)
    ]


def _personal_counts(s: Session, survey_id: int) -> tuple[int, int]:
    personal = (t.Respondent.survey_id == survey_id, t.Respondent.external_id.startswith(PERSONAL_PREFIX))
    issued = s.scalar(select(func.count()).select_from(t.Respondent).where(*personal)) or 0
    answered = (
        s.scalar(
            select(func.count(func.distinct(t.Response.respondent_id)))
            .join(t.Respondent, t.Respondent.id == t.Response.respondent_id)
            .where(*personal)
        )
        or 0
    )
    return issued, answered


def personal_links_csv(links: list[PersonalLink], base_url: str, link_token: str, lang: str) -> bytes:
    """The personal links as a CSV file (UTF-8 with BOM, so that Excel shows Chinese): number, token, link,
    answered; every cell through `survey.spreadsheet` (a token made before `TOKEN_ALPHABET`, "-x…", opens as
    text, never as a formula)."""
    out = SafeCsv()
    out.writerow([text(lang, f"links.csv.{c}") for c in ("number", "token", "link", "answered")])
    for link in links:
        out.writerow(
            [
                link.number,
                link.token,
                answer_url(base_url, link_token, respondent_token=link.token),
                text(lang, "common.yes") if link.answered else text(lang, "common.no"),
            ]
        )
    return out.data()


# --- links as URLs ----------------------------------------------------------


def answer_url(
    base_url: str,
    link_token: str,
    *,
    respondent_token: str | None = None,
    lang: str | None = None,
    fixed_token: str | None = None,
) -> str:
    """``<base>/answer?s=<link token>[&t=<respondent token>][&f=<fixed values token>][&lang=<lang>]``."""
    params = {"s": link_token}
    if respondent_token:
        params["t"] = respondent_token
    if fixed_token:
        params["f"] = fixed_token
    if lang:
        params["lang"] = lang
    return f"{base_url.rstrip('/')}/{ANSWER_PATH}?{urlencode(params)}"


def base_url_of(page_url: str | None, page_path: str) -> str | None:
    """The app's base URL from the URL of one of its pages (query and fragment dropped).

    ``base_url_of("https://x.org/survey/links", "links") == "https://x.org/survey"``;
    None when `page_url` is not an http(s) URL (or holds a space, a control character or a non-character).
    """
    if not page_url or has_bad_character(page_url) or any(ch.isspace() for ch in page_url.strip()):
        return None
    parts = urlsplit(page_url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    path = parts.path.rstrip("/")
    if page_path and path.endswith("/" + page_path):
        path = path.removesuffix("/" + page_path)
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def only_this_computer(url: str) -> bool:
    """Whether a link's address reaches only the computer it was made on (localhost, 127.x, ::1, 0.0.0.0):
    a phone scanning its QR code reaches nothing.

    >>> only_this_computer("http://127.0.0.1:8501/answer?s=x"), only_this_computer("https://survey.example.cn/")
    (True, False)
    """
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return False
    if host in ("localhost", "0.0.0.0", "::1", "::") or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# --- respondents: finding a link and answering ------------------------------


def _token_ok(token: object) -> bool:
    return isinstance(token, str) and 0 < len(token) <= TOKEN_MAX and bool(_TOKEN_CHARS.match(token))


def questionnaire_for_link(s: Session, link_token: str | None) -> LinkedQuestionnaire:
    """What a link opens, open or closed; `LinkNotFound` for a link that opens nothing."""
    if not _token_ok(link_token):
        raise LinkNotFound(link_token)
    version = s.scalars(select(t.SurveyVersion).where(t.SurveyVersion.link_token == link_token)).first()
    if version is None:
        raise LinkNotFound(link_token)
    survey = s.get(t.Survey, version.survey_id)
    return LinkedQuestionnaire(
        workspace_id=version.workspace_id,
        survey_id=version.survey_id,
        version_id=version.id,
        definition=choices.load_definition(s, version.workspace_id, version.id),
        is_open=bool(version.accepting_answers) and not survey.archived,
        one_answer_per_token=bool(version.one_answer_per_token),
    )


def check_respondent(s: Session, linked: LinkedQuestionnaire, respondent_token: str | None) -> int | None:
    """The respondent id of a personal token (None without one), or `AnswerRefused` when the link cannot take it.

    With one answer per token the token is needed, must be one made for this
    survey, and must not have been answered with yet. Without that rule a
    personal token is optional and an unknown one is ignored.
    """
    if not respondent_token:
        if linked.one_answer_per_token:
            raise AnswerRefused([Problem("", "answer.token_needed")])
        return None
    respondent_id = None
    if _token_ok(respondent_token):
        respondent_id = s.scalar(
            select(t.Respondent.id).where(
                t.Respondent.survey_id == linked.survey_id,
                t.Respondent.external_id == PERSONAL_PREFIX + respondent_token,
            )
        )
    if not linked.one_answer_per_token:
        return respondent_id
    if respondent_id is None:
        raise AnswerRefused([Problem("", "answer.token_unknown")])
    if _token_used(s, linked.survey_id, respondent_token, respondent_id):
        raise AnswerRefused([Problem("", "answer.token_used")])
    return respondent_id


def _token_used(s: Session, survey_id: int, token: str, respondent_id: int | None) -> bool:
    used = s.scalar(select(t.Response.id).where(t.Response.survey_id == survey_id, t.Response.token == token))
    if used is None and respondent_id is not None:
        used = s.scalar(select(t.Response.id).where(t.Response.respondent_id == respondent_id))
    return used is not None


def checked_answer(
    defn: SurveyDefinition, answers: dict, attributes: dict
) -> tuple[dict[str, float | None], dict[str, str]]:
    """The answers as they will be stored, or `AnswerRefused` naming every problem.

    Scored items: a whole number within the item's scale, or None (unanswered,
    or "not applicable" where the scale offers it). A required item must be
    given: a number, or None on a scale that offers "not applicable" (the form
    sends None for that choice, and leaves out no item). Attributes: text, trimmed, control characters
    and non-characters removed (`survey.characters`; the form says so to the respondent), in Unicode NFC,
    cut to `ATTRIBUTE_MAX` characters; a required one must not be empty; one with choices must be one of
    their values (``answer.choice_bad``). Comments: text kept as written
    (line breaks too), trimmed, control characters and non-characters removed, NFC; one longer than
    `COMMENT_MAX` characters is refused (``answer.too_long``), never cut. Both come back in the
    second dict, stored as the response's attributes. Codes that are not items of the survey are refused.
    """
    scored = defn.scored_items
    texts = defn.text_items
    found: list[Problem] = []
    known = {n.code for n in scored}
    found += [Problem(str(code)[:64], "answer.unknown_item") for code in answers if code not in known]
    known_texts = {n.code for n in texts}
    found += [Problem(str(code)[:64], "answer.unknown_item") for code in attributes if code not in known_texts]

    clean: dict[str, float | None] = {}
    for item in scored:
        value = answers.get(item.code)
        scale = defn.scale(item.scale)
        if value is None:
            not_applicable = item.code in answers and scale is not None and scale.allow_na
            if item.required and not not_applicable:
                found.append(Problem(item.code, "answer.required_missing"))
            clean[item.code] = None
            continue
        number = whole_number(value)
        if scale is None or number is None or not scale.minimum <= number <= scale.maximum:
            low, high = (scale.minimum, scale.maximum) if scale else ("", "")
            found.append(Problem(item.code, "answer.value_bad", {"low": low, "high": high}))
            continue
        clean[item.code] = float(number)

    kept: dict[str, str] = {}
    for item in texts:
        value = attributes.get(item.code)
        if value is not None and not isinstance(value, str):
            found.append(Problem(item.code, "answer.text_bad"))
            continue
        cleaned = normal_text(without_bad_characters(value or "")[0]).strip()
        if item.role == "comment" and len(cleaned) > COMMENT_MAX:
            found.append(Problem(item.code, "answer.too_long", {"limit": COMMENT_MAX}))
            continue
        cleaned = cleaned[:ATTRIBUTE_MAX].strip() if item.role == "attribute" else cleaned
        if cleaned and item.role == "attribute" and item.choices and item.choice(cleaned) is None:
            found.append(Problem(item.code, "answer.choice_bad"))
            continue
        if cleaned:
            kept[item.code] = cleaned
        elif item.required:
            found.append(Problem(item.code, "answer.required_missing"))
    if found:
        raise AnswerRefused(found)
    return clean, kept


def whole_number(value: object) -> int | None:
    """`value` as an int when it is a whole number (an int, or a finite float with no fraction; never a
    bool), else None: what a form or a file sends for a point on a scale or a score."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
        return None
    return int(value)


def submit_answer(
    s: Session,
    link_token: str,
    answers: dict,
    attributes: dict,
    *,
    respondent_token: str | None = None,
    fixed_token: str | None = None,
) -> int:
    """Store one response through a link, in one transaction of its own; returns the response id.

    A link with fixed values (`fixed_token`, `survey.fixed_links`) writes its stored values into the
    response's attributes, over anything sent for them (``answer.fixed_unknown`` for a token of no such
    link of this survey).

    Unlike the rest of the store this commits (or rolls back): whether a
    respondent token was already used is only certain at commit, where the
    unique constraint on (survey, token) refuses the second of two answers.
    Raises `LinkNotFound`, or `AnswerRefused` with ``answer.closed``,
    ``answer.token_*`` or the problems of `checked_answer`.
    """
    linked = questionnaire_for_link(s, link_token)
    if not linked.is_open:
        raise AnswerRefused([Problem("", "answer.closed")])
    respondent_id = check_respondent(s, linked, respondent_token)
    fixed = fixed_links.fixed_values(s, linked.survey_id, fixed_token)
    if fixed is None:
        raise AnswerRefused([Problem("", "answer.fixed_unknown")])
    clean, kept = checked_answer(linked.definition, answers, {**attributes, **fixed})
    response = t.Response(
        workspace_id=linked.workspace_id,
        survey_id=linked.survey_id,
        version_id=linked.version_id,
        respondent_id=respondent_id,
        token=respondent_token if linked.one_answer_per_token else None,
        wave=kept.get("wave", "")[:100] or None,
        answers=clean,
        attributes=kept,
        meta={"source": "link", **({"fixed": fixed_token} if fixed else {})},
    )
    s.add(response)
    try:
        s.flush()
        response_id = response.id
        s.commit()
    except IntegrityError:
        s.rollback()
        if linked.one_answer_per_token and _token_used(s, linked.survey_id, respondent_token, None):
            raise AnswerRefused([Problem("", "answer.token_used")]) from None
        raise
    return response_id


def send_answer(
    db: Database,
    link_token: str,
    answers: dict,
    attributes: dict,
    *,
    respondent_token: str | None = None,
    fixed_token: str | None = None,
) -> int:
    """The respondent's action: `submit_answer` in a session of its own; returns the response id once the
    response is committed.

    A database too busy to take it (SQLite's lock held by another writer beyond the busy timeout) is tried
    again after each of `BUSY_PAUSES`; when it is still busy, `AnswerRefused` ``answer.busy``: nothing was
    stored and the page keeps the answers for the respondent to send again. Never reported as saved
    before the commit.
    """
    with db.turns.urgent():  # an import running in this process lets it pass between two of its writes
        for pause in (*BUSY_PAUSES, None):
            try:
                with db.session() as s:
                    return submit_answer(
                        s, link_token, answers, attributes, respondent_token=respondent_token, fixed_token=fixed_token
                    )
            except OperationalError as err:
                if not _busy(err):
                    raise
                if pause is None:
                    raise AnswerRefused([Problem("", "answer.busy")]) from err
                time.sleep(pause)
    raise AssertionError("unreachable")  # pragma: no cover


def _busy(err: OperationalError) -> bool:
    """Whether the database refused for being busy (a lock held elsewhere), so that trying again may work."""
    message = str(err.orig).lower()
    return "locked" in message or "busy" in message or "deadlock" in message or "could not serialize" in message
