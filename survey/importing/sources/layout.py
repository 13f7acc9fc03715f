"""What a reader says about an export's columns, before any answer is looked at.

A reader turns the header rows into a `Layout`: how many header rows there
are and, for every column, a `Column` saying what it is:

- ``id``: the respondent's id in the tool (序号, ResponseId, Respondent ID ...);
- ``field``: a respondent field (`FIELDS`: start and end time, duration,
  channel, language ...) or personal data (`PERSONAL_FIELDS`: IP address,
  e-mail, names, nickname, user id, location), never an item;
- ``item``: a question, or one column of a question asked in several
  columns (`group` names the question, `row` the matrix row or the option);
- ``drop``: something derived or technical (an NPS group, a quiz score, a
  display-order column, a random seed), with the `reason`.

`FIELD_HEADINGS` names the fixed columns of all the tools in one table, so a
reader only says which of them its tool writes. Everything else (which
answers make a scale, which columns of a question are options) is decided
from the answers by `survey.importing.sources.build`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from survey.importing.mapping import normalise

ROLES = ("id", "field", "item", "drop")
HINTS = ("text", "recommend", "other", "multi", "choice")

FIELDS = (
    "start_time",
    "end_time",
    "recorded_time",
    "modified_time",
    "duration_seconds",
    "channel",
    "source_detail",
    "language",
    "status",
    "progress",
    "finished",
    "last_page",
    "region",
    "user_type",
    "custom",
)
PERSONAL_FIELDS = ("ip", "email", "name", "first_name", "last_name", "nickname", "user_id", "location")

# Fixed column headings of the tools (as they write them, any case) → respondent field.
FIELD_HEADINGS: dict[str, str] = {
    # start and end
    "StartDate": "start_time",
    "Start Date": "start_time",
    "Start time": "start_time",
    "开始时间": "start_time",
    "开始答题时间": "start_time",
    "startdate": "start_time",
    "Date started": "start_time",
    "EndDate": "end_time",
    "End Date": "end_time",
    "Completion time": "end_time",
    "完成时间": "end_time",
    "结束答题时间": "end_time",
    "提交答卷时间": "end_time",
    "submitdate": "end_time",
    "Date submitted": "end_time",
    "Timestamp": "end_time",
    "时间戳记": "end_time",
    "时间戳": "end_time",
    "RecordedDate": "recorded_time",
    "Recorded Date": "recorded_time",
    "Last modified time": "modified_time",
    "上次修改时间": "modified_time",
    "datestamp": "modified_time",
    "Date last action": "modified_time",
    "Duration (in seconds)": "duration_seconds",
    "所用时间": "duration_seconds",
    "答题时长(秒)": "duration_seconds",
    "答题时长": "duration_seconds",
    "interviewtime": "duration_seconds",
    "Total time": "duration_seconds",
    # where from, in which language, how far
    "来源": "channel",
    "DistributionChannel": "channel",
    "Distribution Channel": "channel",
    "Collector ID": "channel",
    "来源详情": "source_detail",
    "refurl": "source_detail",
    "Referrer URL": "source_detail",
    "UserLanguage": "language",
    "User Language": "language",
    "startlanguage": "language",
    "Start language": "language",
    "Status": "status",
    "Response Type": "status",
    "Progress": "progress",
    "Finished": "finished",
    "lastpage": "last_page",
    "Last page": "last_page",
    "地理位置国家和地区": "region",
    "地理位置省": "region",
    "地理位置市": "region",
    "用户类型": "user_type",
    "自定义字段": "custom",
    "Custom Data 1": "custom",
    "Custom Data": "custom",
    # personal data
    "IPAddress": "ip",
    "IP Address": "ip",
    "来自IP": "ip",
    "ipaddr": "ip",
    "RecipientEmail": "email",
    "Recipient Email": "email",
    "Email Address": "email",
    "Email": "email",
    "电子邮件": "email",
    "电子邮件地址": "email",
    "email": "email",
    "RecipientFirstName": "first_name",
    "Recipient First Name": "first_name",
    "First Name": "first_name",
    "firstname": "first_name",
    "RecipientLastName": "last_name",
    "Recipient Last Name": "last_name",
    "Last Name": "last_name",
    "lastname": "last_name",
    "Name": "name",
    "名称": "name",
    "姓名": "name",
    "昵称": "nickname",
    "用户标识": "user_id",
    "token": "user_id",
    "ExternalReference": "user_id",
    "External Data Reference": "user_id",
    "LocationLatitude": "location",
    "LocationLongitude": "location",
    "Location Latitude": "location",
    "Location Longitude": "location",
}
_FIELD_KEYS = {normalise(k): v for k, v in FIELD_HEADINGS.items()}


def field_of(heading: str) -> str | None:
    """The respondent field a fixed column heading names (`FIELD_HEADINGS`), or None."""
    return _FIELD_KEYS.get(normalise(heading))


def field_column(index: int, heading: str, name: str) -> Column:
    return Column(index, heading, "field", field=name, personal=name in PERSONAL_FIELDS)


@dataclass
class Column:
    """One column of an export as its reader sees it (see the module docstring).

    question: the question text; group: the question's id when it spans
    several columns; row: the matrix row or option of this column. hint: what
    the reader knows of the answers ("text" open text, "recommend" 0–10,
    "other" the text of an "other" option of `group`, "multi" several choices
    in one cell joined by `separator`, "choice"). codes: the export writes
    codes, not labels, so a number off the scale is asked about, never
    scored. missing: the tool's own words for "no answer" (besides
    `survey.importing.mapping.NA_WORDS`).
    """

    index: int
    heading: str
    role: str
    field: str | None = None
    personal: bool = False
    reason: str | None = None
    question: str = ""
    group: str | None = None
    row: str | None = None
    hint: str | None = None
    codes: bool = False
    separator: str | None = None
    missing: frozenset[str] = frozenset()


@dataclass
class Layout:
    """An export's header rows and columns, and notes (translation ids) for the report."""

    header_rows: int
    columns: list[Column]
    notes: list[str] = field(default_factory=list)
    inline_other: bool = False  # answers may carry their "other" text as 其他〖…〗 (问卷星)
    prefixed_codes: bool = False  # answer codes such as A4 stand for 4 (LimeSurvey)


def fixed_share(header: Sequence[str], fixed: Iterable[str]) -> float:
    """The share of a tool's fixed column headings found in a header (case, spaces and punctuation ignored)."""
    fixed = [normalise(f) for f in fixed]
    present = {normalise(h) for h in header}
    return sum(f in present for f in fixed) / len(fixed) if fixed else 0.0


def share_matching(header: Sequence[str], pattern: re.Pattern) -> float:
    """The share of non-empty headings that match `pattern`."""
    headings = [h for h in header if h]
    return sum(bool(pattern.match(h)) for h in headings) / len(headings) if headings else 0.0


def common_prefix(texts: Sequence[str]) -> str:
    """The longest common start of texts (the question text of a matrix's rows, for instance)."""
    if not texts:
        return ""
    first, last = min(texts), max(texts)
    n = 0
    while n < min(len(first), len(last)) and first[n] == last[n]:
        n += 1
    return first[:n]


_SEPARATORS = "-–—:：[(（_|/"
_TRIM = " -–—:：_|/"


def split_rows(texts: Sequence[str], separator: str | None = None) -> tuple[str, list[str]]:
    """(question, rows) of the headings of one question's columns: the common start and what differs.

    The common start is cut back to its last separator (``-``, ``:``, ``[``,
    ``(`` ...; only `separator` when the tool has one), so rows that begin
    alike keep their whole text. One heading alone is split at its last
    `separator` (default " - ", Qualtrics' "question - row").
    """
    if len(texts) == 1:
        question, _, row = texts[0].rpartition(separator or " - ")
        return (question.strip(), [_bare(row)]) if question.strip() else (texts[0], [""])
    prefix = common_prefix(texts)
    cut = prefix.rfind(separator) if separator else max(prefix.rfind(s) for s in _SEPARATORS)
    if cut <= 0:
        cut = len(prefix)
    question = prefix[:cut].strip(_TRIM + " ")
    rows = [_bare(t[cut:]) for t in texts]
    if not question or any(not r for r in rows):  # nothing in common, or a row that is all question
        return "", list(texts)
    return question, rows


def _bare(text: str) -> str:
    text = text.strip(_TRIM + " ")
    for opening, closing in ("[]", "()", "（）"):
        if text.startswith(opening) and text.endswith(closing):
            text = text[1:-1].strip()
        elif text.endswith(closing) and opening not in text:
            text = text[:-1].strip()
    return text
