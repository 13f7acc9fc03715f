"""The survey-definition file: a SurveyDefinition as UTF-8 JSON, for export and import.

    {
      "format": "satisfaction-survey",
      "version": 1,
      "title_zh": "…", "title_en": "…", "description_zh": "…", "description_en": "…",
      "template": "course" | null,
      "scales": [{"code", "kind", "minimum", "maximum", "name_zh", "name_en", "allow_na",
                  "points": [{"value", "label_zh", "label_en"}]}],
      "nodes": [{"code", "kind", "label_zh", "label_en", "parent", "role", "scale", "weight", "required",
                 "choices": [{"value", "label_zh", "label_en"}]}],   (choices: an attribute's, only when it has some)
      "weight_rules": [{"group", "method", "members": [...], "matrix": [[...]]}]
    }

`dump` writes every field. `load` requires `format`, `version`, the titles,
`scales`, `nodes`, and per object the fields that have no sensible default
(scale code/kind/minimum/maximum, point value, node code/kind, rule
group/method); the rest default as in `survey.design.definition`. Unknown fields are
refused, so a typo is never silently ignored.

`load` treats its input as hostile: anything wrong — not UTF-8, not JSON,
too large or too deeply nested, the wrong format marker, missing, unknown or
mistyped fields (bool is not a number), NaN / Infinity, control characters
and non-characters (`survey.characters`),
absurd sizes, or any of `survey.design.definition.problems()` — raises
`DefinitionError` naming each problem (message ids "file.*" and "def.*",
`where` a path such as "nodes[3].weight"). It never raises anything else.
The definition comes back as written (weights not re-normalised), so
`load(dump(d)) == d`.
"""

from __future__ import annotations

import json
from typing import Any

from survey.characters import bad_character
from survey.design.definition import (
    CHOICES_MAX,
    Choice,
    DefinitionError,
    Node,
    Problem,
    Scale,
    ScalePoint,
    SurveyDefinition,
    WeightRule,
    problems,
)
from survey.i18n import Term

FORMAT = "satisfaction-survey"
VERSION = 1

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 16  # the format itself needs 5 levels
MAX_NODES = 5000
MAX_SCALES = 200
MAX_POINTS = 101
MAX_RULES = 5000
MAX_MEMBERS = 100  # AHP members, matrix rows and columns
MAX_TEXT = 10_000  # characters in any one text (labels are limited further by problems())
MAX_PROBLEMS = 200  # reported before "and n more"

# Every message id this module reports (besides the "def.*" ids of problems()).
MESSAGE_IDS = (
    "file.unreadable",
    "file.empty",
    "file.too_large",
    "file.not_utf8",
    "file.not_json",
    "file.too_deep",
    "file.number_bad",
    "file.key_duplicate",
    "file.not_object",
    "file.format_bad",
    "file.version_bad",
    "file.field_missing",
    "file.field_unknown",
    "file.expected_object",
    "file.expected_list",
    "file.expected_text",
    "file.expected_text_or_null",
    "file.expected_integer",
    "file.expected_number",
    "file.expected_bool",
    "file.text_too_long",
    "file.char_bad",
    "text.bad_character",
    "file.too_many",
    "file.more_problems",
)

# Field specs: name -> (type, required). Types: "text", "text?" (text or
# null), "int" (whole number, not bool), "number" (int or float, not bool),
# "bool", "list".
_TOP = {
    "format": ("text", True),
    "version": ("int", True),
    "title_zh": ("text", True),
    "title_en": ("text", True),
    "description_zh": ("text", False),
    "description_en": ("text", False),
    "template": ("text?", False),
    "scales": ("list", True),
    "nodes": ("list", True),
    "weight_rules": ("list", False),
}
_SCALE = {
    "code": ("text", True),
    "kind": ("text", True),
    "minimum": ("int", True),
    "maximum": ("int", True),
    "name_zh": ("text", False),
    "name_en": ("text", False),
    "allow_na": ("bool", False),
    "points": ("list", False),
}
_POINT = {"value": ("int", True), "label_zh": ("text", False), "label_en": ("text", False)}
_NODE = {
    "code": ("text", True),
    "kind": ("text", True),
    "label_zh": ("text", False),
    "label_en": ("text", False),
    "parent": ("text?", False),
    "role": ("text?", False),
    "scale": ("text?", False),
    "weight": ("number", False),
    "required": ("bool", False),
    "choices": ("list", False),
}
_CHOICE = {"value": ("text", True), "label_zh": ("text", False), "label_en": ("text", False)}
_RULE = {"group": ("text", True), "method": ("text", True), "members": ("list", False), "matrix": ("list", False)}

_EXPECTED = {
    "text": "file.expected_text",
    "text?": "file.expected_text_or_null",
    "int": "file.expected_integer",
    "number": "file.expected_number",
    "bool": "file.expected_bool",
    "list": "file.expected_list",
}


# --- writing -----------------------------------------------------------------------------


def _document(defn: SurveyDefinition) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "title_zh": defn.title_zh,
        "title_en": defn.title_en,
        "description_zh": defn.description_zh,
        "description_en": defn.description_en,
        "template": defn.template,
        "scales": [
            {
                "code": s.code,
                "kind": s.kind,
                "minimum": s.minimum,
                "maximum": s.maximum,
                "name_zh": s.name_zh,
                "name_en": s.name_en,
                "allow_na": s.allow_na,
                "points": [{"value": p.value, "label_zh": p.label_zh, "label_en": p.label_en} for p in s.points],
            }
            for s in defn.scales
        ],
        "nodes": [
            {
                "code": n.code,
                "kind": n.kind,
                "label_zh": n.label_zh,
                "label_en": n.label_en,
                "parent": n.parent,
                "role": n.role,
                "scale": n.scale,
                "weight": n.weight,
                "required": n.required,
                **(
                    {"choices": [{"value": c.value, "label_zh": c.label_zh, "label_en": c.label_en} for c in n.choices]}
                    if n.choices
                    else {}
                ),
            }
            for n in defn.nodes
        ],
        "weight_rules": [
            {
                "group": r.group,
                "method": r.method,
                "members": list(r.members),
                "matrix": [list(row) for row in r.matrix],
            }
            for r in defn.weight_rules
        ],
    }


def dump(defn: SurveyDefinition) -> bytes:
    """The definition as a pretty-printed UTF-8 JSON file (Chinese kept readable).

    Only a definition that `load` accepts is written: one with problems()
    (or a NaN, an unpaired surrogate, more than MAX_NODES nodes, ...) raises
    DefinitionError instead, so every exported file can be imported again.
    """
    found = problems(defn)
    if found:
        raise DefinitionError(found)
    try:
        data = (json.dumps(_document(defn), ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        raise DefinitionError([Problem("file", "file.char_bad", {"where": "file"})]) from None
    except (TypeError, ValueError):
        raise DefinitionError([Problem("file", "file.number_bad", {"value": "NaN"})]) from None
    load(data)  # raises DefinitionError naming what a reader would refuse
    return data


# --- reading -----------------------------------------------------------------------------


class _Refused(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def _clean(text: str, limit: int = 60) -> str:
    """Text safe to show: control characters and unpaired surrogates replaced, shortened."""
    shown = "".join(ch if ch.isprintable() and not ("\ud800" <= ch <= "\udfff") else "\ufffd" for ch in text[:limit])
    return shown + ("…" if len(text) > limit else "")


def _preview(value: object) -> str:
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    if isinstance(value, str):
        return _clean(json.dumps(value[:60], ensure_ascii=False), 40)
    return _clean(json.dumps(value), 40)


def _refuse_constant(name: str) -> None:
    raise _Refused(Problem("file", "file.number_bad", {"value": name}))


def _parse_float(text: str) -> float:
    value = float(text) if len(text) <= 64 else float("inf")
    if value in (float("inf"), float("-inf")):
        raise _Refused(Problem("file", "file.number_bad", {"value": _clean(text, 40)}))
    return value


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > 30:
        raise _Refused(Problem("file", "file.number_bad", {"value": _clean(text, 40)}))
    return int(text)


def _object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise _Refused(Problem("file", "file.key_duplicate", {"key": _clean(key)}))
        obj[key] = value
    return obj


def _depth_exceeds(value: object, limit: int) -> bool:
    stack = [(value, 1)]
    while stack:
        current, depth = stack.pop()
        if isinstance(current, dict | list):
            if depth > limit:
                return True
            children = current.values() if isinstance(current, dict) else current
            stack.extend((child, depth + 1) for child in children)
    return False


def _parse(data: object) -> Any:
    """The JSON value in `data`, or _Refused naming the first thing that keeps it from being read."""
    if isinstance(data, bytearray | memoryview):
        data = bytes(data)
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if not isinstance(data, bytes):
        raise _Refused(Problem("file", "file.unreadable"))
    if len(data) > MAX_BYTES:
        size = f"{len(data) / (1024 * 1024):.1f}"
        raise _Refused(Problem("file", "file.too_large", {"size_mb": size, "limit_mb": MAX_BYTES // (1024 * 1024)}))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise _Refused(Problem("file", "file.not_utf8", {"position": err.start})) from None
    if not text.strip():
        raise _Refused(Problem("file", "file.empty"))
    try:
        value = json.loads(
            text,
            parse_constant=_refuse_constant,
            parse_float=_parse_float,
            parse_int=_parse_int,
            object_pairs_hook=_object_pairs,
        )
    except json.JSONDecodeError as err:
        raise _Refused(Problem("file", "file.not_json", {"line": err.lineno, "column": err.colno})) from None
    except RecursionError:
        raise _Refused(Problem("file", "file.too_deep", {"limit": MAX_DEPTH})) from None
    if _depth_exceeds(value, MAX_DEPTH):
        raise _Refused(Problem("file", "file.too_deep", {"limit": MAX_DEPTH}))
    return value


class _Reader:
    """Checks the parsed JSON against the format, collecting every problem."""

    def __init__(self) -> None:
        self.found: list[Problem] = []
        self.more = 0

    def problem(self, where: str, message: str, **params: object) -> None:
        if len(self.found) < MAX_PROBLEMS:
            self.found.append(Problem(where, message, {"where": where, **params}))
        else:
            self.more += 1

    def all_problems(self) -> list[Problem]:
        more = [Problem("file", "file.more_problems", {"count": self.more})] if self.more else []
        return self.found + more

    # --- values
    def value(self, value: object, kind: str, where: str) -> tuple[bool, Any]:
        ok = {
            "text": isinstance(value, str),
            "text?": value is None or isinstance(value, str),
            "int": isinstance(value, int) and not isinstance(value, bool),
            "number": isinstance(value, int | float) and not isinstance(value, bool),
            "bool": isinstance(value, bool),
            "list": isinstance(value, list),
        }[kind]
        if not ok:
            self.problem(where, _EXPECTED[kind], found=_preview(value))
            return False, None
        if isinstance(value, str) and not self.text_ok(value, where):
            return False, None
        if kind == "number":
            value = float(value)
        return True, value

    def text_ok(self, value: str, where: str) -> bool:
        if len(value) > MAX_TEXT:
            self.problem(where, "file.text_too_long", length=len(value), limit=MAX_TEXT)
            return False
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            self.problem(where, "file.char_bad")
            return False
        bad = bad_character(value)
        if bad is not None:
            self.problem(where, "text.bad_character", field=Term("field.file_path", {"where": where}), **bad.params)
            return False
        return True

    def fields(self, obj: object, where: str, spec: dict[str, tuple[str, bool]]) -> dict[str, Any] | None:
        """The object's fields that are present and well typed, or None when it is not an object."""
        if not isinstance(obj, dict):
            self.problem(where, "file.expected_object", found=_preview(obj))
            return None
        path = (lambda name: name) if where == "file" else (lambda name: f"{where}.{name}")
        for key in obj:
            if key not in spec:
                self.problem(where, "file.field_unknown", field=_clean(key))
        out: dict[str, Any] = {}
        for name, (kind, required) in spec.items():
            if name not in obj:
                if required:
                    self.problem(where, "file.field_missing", field=name)
                continue
            ok, value = self.value(obj[name], kind, path(name))
            if ok:
                out[name] = value
        return out

    def items(self, values: list, where: str, limit: int) -> list:
        if len(values) > limit:
            self.problem(where, "file.too_many", count=len(values), limit=limit)
            return []
        return values

    def listed(self, fields: dict[str, Any], name: str, limit: int) -> list[tuple[int, Any]]:
        return list(enumerate(self.items(fields.get(name, []), name, limit)))

    # --- objects
    def definition(self, doc: dict[str, Any]) -> SurveyDefinition | None:
        top = self.fields(doc, "file", _TOP)
        if top is None:
            return None
        scales = [self.scale(s, f"scales[{i}]") for i, s in self.listed(top, "scales", MAX_SCALES)]
        nodes = [self.node(n, f"nodes[{i}]") for i, n in self.listed(top, "nodes", MAX_NODES)]
        rules = [self.rule(r, f"weight_rules[{i}]") for i, r in self.listed(top, "weight_rules", MAX_RULES)]
        if self.found or self.more or None in scales or None in nodes or None in rules:
            return None
        top.pop("format"), top.pop("version")
        return SurveyDefinition(**{**top, "scales": tuple(scales), "nodes": tuple(nodes), "weight_rules": tuple(rules)})

    def scale(self, obj: object, where: str) -> Scale | None:
        f = self.fields(obj, where, _SCALE)
        if f is None:
            return None
        points = []
        for i, p in enumerate(self.items(f.pop("points", []), f"{where}.points", MAX_POINTS)):
            pf = self.fields(p, f"{where}.points[{i}]", _POINT)
            if pf is not None and "value" in pf:
                points.append(ScalePoint(**pf))
        if not {"code", "kind", "minimum", "maximum"} <= f.keys():
            return None
        return Scale(**f, points=tuple(points))

    def node(self, obj: object, where: str) -> Node | None:
        f = self.fields(obj, where, _NODE)
        if f is None:
            return None
        found = []
        for i, c in enumerate(self.items(f.pop("choices", []), f"{where}.choices", CHOICES_MAX)):
            cf = self.fields(c, f"{where}.choices[{i}]", _CHOICE)
            if cf is not None and "value" in cf:
                found.append(Choice(**cf))
        if not {"code", "kind"} <= f.keys():
            return None
        return Node(**f, choices=tuple(found))

    def rule(self, obj: object, where: str) -> WeightRule | None:
        f = self.fields(obj, where, _RULE)
        if f is None:
            return None
        members = []
        for i, m in enumerate(self.items(f.pop("members", []), f"{where}.members", MAX_MEMBERS)):
            ok, value = self.value(m, "text", f"{where}.members[{i}]")
            members.append(value if ok else None)
        matrix = []
        for i, row in enumerate(self.items(f.pop("matrix", []), f"{where}.matrix", MAX_MEMBERS)):
            ok, row = self.value(row, "list", f"{where}.matrix[{i}]")
            if ok:
                cells = [self.value(v, "number", f"{where}.matrix[{i}][{j}]") for j, v in enumerate(row)]
                matrix.append(tuple(v for _, v in cells) if len(row) <= MAX_MEMBERS else ())
                if len(row) > MAX_MEMBERS:
                    self.problem(f"{where}.matrix[{i}]", "file.too_many", count=len(row), limit=MAX_MEMBERS)
        if not {"group", "method"} <= f.keys():
            return None
        return WeightRule(**f, members=tuple(members), matrix=tuple(matrix))


def _read(data: object) -> SurveyDefinition:
    doc = _parse(data)
    if not isinstance(doc, dict):
        raise _Refused(Problem("file", "file.not_object", {"found": _preview(doc)}))
    marker = doc.get("format")
    if marker != FORMAT:
        raise _Refused(Problem("file", "file.format_bad", {"found": _preview(marker), "expected": FORMAT}))
    version = doc.get("version")
    if type(version) is not int or version != VERSION:
        raise _Refused(Problem("file", "file.version_bad", {"version": _preview(version), "supported": VERSION}))
    reader = _Reader()
    defn = reader.definition(doc)
    if defn is None:
        raise DefinitionError(reader.all_problems())
    found = problems(defn)
    if found:
        raise DefinitionError(found)
    return defn


def load(data: bytes) -> SurveyDefinition:
    """The survey definition in a file's bytes, or DefinitionError naming every problem.

    Accepts UTF-8 (with or without a byte-order mark) up to MAX_BYTES. Never
    raises anything but DefinitionError; an unexpected failure inside the
    reader is reported as "file.unreadable".
    """
    try:
        return _read(data)
    except DefinitionError:
        raise
    except _Refused as refused:
        raise DefinitionError([refused.problem]) from None
    except Exception:  # a hostile file must never crash the app; tests check this path stays unused
        raise DefinitionError([Problem("file", "file.unreadable")]) from None
