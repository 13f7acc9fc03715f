"""Readers for the exports of survey tools, in front of the one import path.

Each tool is a small module with the same two functions:

- ``detect(sheet) -> float``: how surely the file is this tool's export
  (0 = not at all, 1 = certain), from its header rows alone;
- ``layout(sheet) -> Layout``: what each column is (respondent id, respondent
  field, personal data, question / matrix row / option, derived), see
  `survey.importing.sources.layout`.

`survey.importing.sources.build` then turns any layout into a `NormalizedExport`
(one row per respondent, one column per item, numbers for closed answers),
and `NormalizedExport.to_plain_csv()` is a one-header CSV that the importer
(`survey.importing.importer`: mapping, validation, one transaction) reads unchanged;
`survey.importing.sources.importing` hands the same table to the importer without
writing it out. A tool is a reader here, never a branch in the importer.
`survey.importing.sources.draft` drafts a survey from an export.

    >>> export = normalize(data, "results.csv")          # doctest: +SKIP
    >>> export.tool, [i.label for i in export.items]      # doctest: +SKIP

Tools (`TOOLS`): wjx (问卷星), tencent (腾讯问卷), qualtrics, surveymonkey,
google-forms, ms-forms, limesurvey, and csv (a plain one-header file, the
fallback).
"""

from __future__ import annotations

from types import ModuleType

from survey.errors import UserError
from survey.importing.sources import (
    google_forms,
    limesurvey,
    ms_forms,
    plain,
    qualtrics,
    surveymonkey,
    tencent,
    wjx,
)
from survey.importing.sources.build import Codebook, build
from survey.importing.sources.model import Dropped, Field, Item, NormalizedExport, Unresolved
from survey.importing.sources.sheet import Sheet, open_sheet

READERS: dict[str, ModuleType] = {
    m.TOOL: m for m in (wjx, tencent, qualtrics, surveymonkey, google_forms, ms_forms, limesurvey, plain)
}
TOOLS = tuple(READERS)
AUTO = "auto"
SURE = 0.5  # below this, a file is read as a plain CSV


class SourceError(UserError):
    """A file that cannot be read as the tool asked for; `message` is a translation id, `params` fill it."""


def scores(sheet: Sheet) -> dict[str, float]:
    """Every tool's `detect` score for an opened export."""
    return {tool: reader.detect(sheet) for tool, reader in READERS.items()}


def recognise(sheet: Sheet) -> tuple[str, float]:
    """(tool, confidence) of an opened export: the best score, or ("csv", its score) when none reaches `SURE`."""
    found = scores(sheet)
    tool = max(found, key=lambda t: (found[t], -TOOLS.index(t)))
    if found[tool] < SURE:
        return plain.TOOL, found[plain.TOOL]
    return tool, found[tool]


def detect_tool(data: bytes, file_name: str = "") -> tuple[str, float]:
    """Which tool exported this file, and how sure that is (0–1). Raises survey.importing.reading.ReadError."""
    return recognise(open_sheet(data, file_name))


def normalize(
    data: bytes,
    file_name: str = "",
    *,
    tool: str = AUTO,
    keep_personal: bool = False,
    codebook: Codebook | None = None,
    limit: int | None = None,
) -> NormalizedExport:
    """Read a survey tool's export as one row per respondent (see `NormalizedExport`).

    tool: "auto" (recognise it) or one of `TOOLS` (the user's choice, which
    must fit the file: SourceError "src.not_this_tool" otherwise).
    keep_personal: keep IP addresses, e-mail, names, nicknames, user ids and
    locations as respondent fields (left out and not even read by default).
    codebook: {column, question, group or "*": {answer: number or None}},
    what answers mean that the file does not say (a code off the scale).
    Raises survey.importing.reading.ReadError for a file that cannot be read.
    """
    sheet = open_sheet(data, file_name, limit=limit)
    if tool == AUTO:
        tool, confidence = recognise(sheet)
    elif tool in READERS:
        confidence = 1.0
        if READERS[tool].detect(sheet) <= 0 and tool != plain.TOOL:
            raise SourceError("src.not_this_tool", tool=tool)
    else:
        raise SourceError("src.unknown_tool", tool=str(tool)[:40], tools=", ".join((AUTO, *TOOLS)))
    layout = READERS[tool].layout(sheet)
    return build(sheet, layout, tool=tool, confidence=confidence, keep_personal=keep_personal, codebook=codebook)


__all__ = [
    "AUTO",
    "READERS",
    "TOOLS",
    "Codebook",
    "Dropped",
    "Field",
    "Item",
    "NormalizedExport",
    "SourceError",
    "Unresolved",
    "detect_tool",
    "normalize",
    "recognise",
]
