"""A survey's definition: scales, the indicator tree and its items, and weights.

This is the in-memory form of one survey version, free of any database. The
designer edits it, templates build it, the JSON file format mirrors it, and
`survey.storage.store` saves it as rows.

Tree: dimensions (一级指标) → indicators (二级指标) → items (测评项). Items are
leaves; an item may also hang directly under a dimension, or under nothing
(NPS, loyalty, overall satisfaction and respondent attributes usually do).

Items are scored (answered on a scale; the metrics use them) or text
(`TEXT_ROLES`: answered in words, no scale, never scored): a respondent
attribute (class, region …: a segment field, at most a short text) or a
comment (an open-text answer such as "Any other comments?", kept in full, at
most `COMMENT_MAX` characters; never a segment). Both are stored in a
response's ``attributes``, keyed by item code; `Node.is_text` and
`SurveyDefinition.scored_items` / `text_items` say which is which.

Weights: every node has a weight among its siblings. Siblings are the
dimensions/indicators under one parent, or the items of one role under one
parent (the perception items of an indicator share its weight among them).
`normalised()` makes every sibling group sum to 1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace

import pandas as pd

import metrics
from survey.characters import bad_character, normal_text
from survey.i18n import Term

NODE_KINDS = ("dimension", "indicator", "item")

# Item roles that measure an indicator: in a survey with dimensions they hang under an indicator or a
# dimension, never at the top level (an item there would be filed under "other questions"). A flat survey
# (items only, as a group's blank survey starts) has nothing to hang them under and keeps them at the top.
INDICATOR_ROLES = ("perception", "expectation", "importance", "ideal")

# Item roles, in the order the designer offers them (domain.md §2).
ROLES = (
    "perception",  # 感知 / actual experience
    "expectation",  # 期望
    "importance",  # 重要性
    "ideal",  # 理想体验
    "overall",  # overall satisfaction
    "recommend",  # 0–10 likelihood to recommend (NPS)
    "loyalty",  # loyalty behaviour
    "complaint",  # 抱怨
    "value_part",  # delivered-value part
    "attribute",  # respondent attribute (segment field), free text
    "comment",  # open-text answer (comments, suggestions), kept in full; not a segment
    "csat",  # customer satisfaction (CSAT: top-2-box share)
    "ces",  # customer effort (CES: higher = easier)
    "kano_functional",  # Kano: "if the product has <feature>, how do you feel?" (1–5), code <feature>_f
    "kano_dysfunctional",  # Kano: "if it does not have <feature> …" (1–5), code <feature>_d
)

# A Kano pair: the functional and dysfunctional items of one feature share its code, with these endings
# (e.g. "wifi_f" and "wifi_d"); both are answered on a 1–5 scale (like it · expect it · neutral · live with
# it · dislike it).
KANO_SUFFIX = {"kano_functional": "_f", "kano_dysfunctional": "_d"}

# Roles answered in words: no scale, never scored, stored as text in a response's `attributes`.
TEXT_ROLES = ("attribute", "comment")

COMMENT_MAX = 10_000  # characters of a comment; a longer one is refused, never cut

SCALE_KINDS = ("5", "7", "10", "0-10", "custom")

WEIGHT_METHODS = ("direct", "importance", "ahp")

CODE_MAX = 64
LABEL_MAX = 500
USER_TEXT_FIELDS = ("title_", "description_", "name_", "label_")  # the texts people read, by field name


@dataclass(frozen=True)
class ScalePoint:
    value: int
    label_zh: str = ""
    label_en: str = ""


@dataclass(frozen=True)
class Scale:
    """An answer scale: whole numbers from `minimum` to `maximum`.

    `allow_na` offers "not applicable / don't know", which is stored as a
    missing value, never as a number.
    """

    code: str
    kind: str
    minimum: int
    maximum: int
    points: tuple[ScalePoint, ...] = ()
    name_zh: str = ""
    name_en: str = ""
    allow_na: bool = True

    def label(self, value: int, lang: str) -> str:
        for point in self.points:
            if point.value == value:
                text = point.label_zh if lang == "zh" else point.label_en
                return text or str(value)
        return str(value)

    @property
    def values(self) -> list[int]:
        return list(range(self.minimum, self.maximum + 1))


CHOICE_MAX = 200  # characters of a choice's value (a respondent attribute keeps as many)
CHOICES_MAX = 100  # choices of one attribute


@dataclass(frozen=True)
class Choice:
    """One answer offered for a respondent attribute (class, group, wave …): the `value` stored with the
    response, and the label a respondent reads in each language (the value itself when empty)."""

    value: str
    label_zh: str = ""
    label_en: str = ""

    def label(self, lang: str) -> str:
        return (self.label_zh if lang == "zh" else self.label_en) or self.label_zh or self.label_en or self.value


@dataclass(frozen=True)
class Node:
    """A dimension, an indicator or an item of the indicator tree.

    `choices`: for a respondent attribute, the answers offered (a list to choose from instead of a box to
    type in, so that "Class 1", "class1" and "一班" do not become three segments); empty for free text.
    """

    code: str
    kind: str
    label_zh: str = ""
    label_en: str = ""
    parent: str | None = None
    role: str | None = None  # items only
    scale: str | None = None  # items only: a scale code; None for text items (attributes, comments)
    weight: float = 1.0
    required: bool = False
    choices: tuple[Choice, ...] = ()

    def label(self, lang: str) -> str:
        return (self.label_zh if lang == "zh" else self.label_en) or self.label_zh or self.label_en or self.code

    def choice(self, value: str) -> Choice | None:
        """The offered choice stored as `value`, or None."""
        return next((c for c in self.choices if c.value == value), None)

    @property
    def is_text(self) -> bool:
        """An item answered in words (a `TEXT_ROLES` role: attribute or comment), never scored."""
        return self.kind == "item" and self.role in TEXT_ROLES


@dataclass(frozen=True)
class WeightRule:
    """How the weights of one sibling group were set.

    `group` is the parent code ("" for the dimensions at the top). For AHP,
    `matrix` holds the pairwise judgements in the order of `members`.
    """

    group: str
    method: str = "direct"
    members: tuple[str, ...] = ()
    matrix: tuple[tuple[float, ...], ...] = ()


@dataclass(frozen=True)
class SurveyDefinition:
    title_zh: str
    title_en: str
    scales: tuple[Scale, ...] = ()
    nodes: tuple[Node, ...] = ()
    weight_rules: tuple[WeightRule, ...] = ()
    description_zh: str = ""
    description_en: str = ""
    template: str | None = None
    # the path model drawn on the Model page: (from dimension, to dimension) pairs, kept with the survey for
    # every version (store.set_model_paths); empty = the ECSI / ACSI model its dimension codes give, if any
    model_paths: tuple[tuple[str, str], ...] = ()

    # --- look-ups -----------------------------------------------------
    def title(self, lang: str) -> str:
        return (self.title_zh if lang == "zh" else self.title_en) or self.title_zh or self.title_en

    def scale(self, code: str | None) -> Scale | None:
        return next((s for s in self.scales if s.code == code), None)

    def node(self, code: str) -> Node | None:
        return next((n for n in self.nodes if n.code == code), None)

    @property
    def items(self) -> list[Node]:
        return [n for n in self.nodes if n.kind == "item"]

    def items_with_role(self, role: str) -> list[Node]:
        return [n for n in self.items if n.role == role]

    @property
    def scored_items(self) -> list[Node]:
        """The items answered on a scale (every role but the `TEXT_ROLES`)."""
        return [n for n in self.items if not n.is_text]

    @property
    def text_items(self) -> list[Node]:
        """The items answered in words: respondent attributes and comments."""
        return [n for n in self.items if n.is_text]

    def children(self, code: str | None) -> list[Node]:
        return [n for n in self.nodes if n.parent == code]

    def weight_rule(self, group: str) -> WeightRule | None:
        return next((r for r in self.weight_rules if r.group == group), None)

    def descendants(self, code: str) -> list[Node]:
        found: list[Node] = []
        for child in self.children(code):
            found.append(child)
            found.extend(self.descendants(child.code))
        return found

    # --- weights --------------------------------------------------------
    def sibling_groups(self) -> dict[tuple[str, str], list[Node]]:
        """Nodes grouped so that each group's weights sum to 1.

        Key: (parent code or "", "node") for dimensions/indicators, or
        (parent code or "", role) for items.
        """
        groups: dict[tuple[str, str], list[Node]] = {}
        for n in self.nodes:
            key = (n.parent or "", "node" if n.kind != "item" else (n.role or ""))
            groups.setdefault(key, []).append(n)
        return groups

    def normalised(self) -> SurveyDefinition:
        """The same definition with every sibling group's weights summing to 1.

        Negative or non-finite weights count as 0; a group whose weights are
        all 0 gets equal weights (`metrics.sibling_weights`, all_zero="equal").
        """
        groups = self.sibling_groups()
        codes = [m.code for members in groups.values() for m in members]
        raw = [_usable_weight(m.weight) for members in groups.values() for m in members]
        keys = [key for key, members in groups.items() for _ in members]
        weight = metrics.sibling_weights(
            pd.Series(raw, index=codes, dtype=float), pd.Series(keys, index=codes, dtype=object), all_zero="equal"
        )
        return replace(self, nodes=tuple(replace(n, weight=float(weight[n.code])) for n in self.nodes))

    def global_weights(self) -> dict[str, float]:
        """Each node's weight in the whole tree: the product of its normalised weights along its path
        (`metrics.tree_weights`; items of different roles under one node are weighed apart)."""
        tree = pd.DataFrame(
            {
                "code": [n.code for n in self.nodes],
                "parent": pd.Series([n.parent or None for n in self.nodes], dtype=object),
                "weight": [_usable_weight(n.weight) for n in self.nodes],
                "group": ["node" if n.kind != "item" else (n.role or "") for n in self.nodes],
            }
        )
        weighed = metrics.tree_weights(tree, all_zero="equal")
        return {n.code: float(weighed.at[n.code, "global_weight"]) for n in self.nodes}

    def depth(self, code: str) -> int:
        by_code = {n.code: n for n in self.nodes}
        d, cur = 0, by_code.get(code)
        while cur is not None and cur.parent and d <= len(by_code):
            d += 1
            cur = by_code.get(cur.parent)
        return d


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a definition, named so a user can find it.

    `where` is a path such as "nodes[3].scale" or a node code; `message` is a
    translation id; `params` fill its placeholders.
    """

    where: str
    message: str
    params: dict = field(default_factory=dict)


def _usable_weight(weight: object) -> float:
    """A node's weight as the normalisation reads it: a negative or non-finite weight counts as 0."""
    return float(weight) if isinstance(weight, int | float) and math.isfinite(weight) and weight > 0 else 0.0


def _text_problems(
    where: str, field_id: str, value: object, limit: int = LABEL_MAX, names: dict | None = None
) -> list[Problem]:
    """What is wrong with one text of the definition: not text, too long, or holding a bad character
    (`survey.characters`), each naming the field (`field_id`, a translation id filled with `names`)."""
    term = Term(field_id, names or {})
    if not isinstance(value, str):
        return [Problem(where, "def.text_bad", {"field": term})]
    if len(value) > limit:
        return [Problem(where, "def.text_long", {"field": term, "limit": limit, "length": len(value)})]
    bad = bad_character(value)
    if bad is not None:
        return [Problem(where, "text.bad_character", {"field": term, **bad.params})]
    return []


def _code_ok(value: object) -> bool:
    return (
        isinstance(value, str)
        and 0 < len(value) <= CODE_MAX
        and value.strip() == value
        and all(ch.isalnum() or ch in "_-." for ch in value)
    )


def title_problems(title_zh: object, title_en: object) -> list[Problem]:
    """What keeps a survey's two titles from being saved: none given, too long, a bad character."""
    found: list[Problem] = []
    if not all(isinstance(x, str) for x in (title_zh, title_en)) or not (title_zh or title_en).strip():
        found.append(Problem("title", "def.title_missing"))
    for name, value in (("title_zh", title_zh), ("title_en", title_en)):
        found += _text_problems("title", f"field.{name}", value, 5 * LABEL_MAX)
    return found


def problems(defn: SurveyDefinition) -> list[Problem]:
    """Everything that keeps a definition from being saved (empty when fine)."""
    found = title_problems(defn.title_zh, defn.title_en)
    for name in ("description_zh", "description_en"):
        found += _text_problems("title", f"field.{name}", getattr(defn, name), 5 * LABEL_MAX)
    found += _scale_problems(defn)
    found += _node_problems(defn)
    found += _rule_problems(defn)
    return found


def _scale_problems(defn: SurveyDefinition) -> list[Problem]:
    found: list[Problem] = []
    seen: set[str] = set()
    for i, s in enumerate(defn.scales):
        where = f"scales[{i}]"
        if not _code_ok(s.code):
            found.append(Problem(where, "def.code_bad", {"code": str(s.code)[:80]}))
        elif s.code in seen:
            found.append(Problem(where, "def.scale_duplicate", {"code": s.code}))
        seen.add(s.code)
        if s.kind not in SCALE_KINDS:
            found.append(Problem(where, "def.scale_kind_bad", {"kind": str(s.kind)[:40]}))
        for lang in ("zh", "en"):
            name = getattr(s, f"name_{lang}")
            found += _text_problems(where, f"field.scale_name_{lang}", name, names={"scale": s.code})
        if not (isinstance(s.minimum, int) and isinstance(s.maximum, int)) or not (
            -1000 <= s.minimum < s.maximum <= 1000
        ):
            found.append(Problem(where, "def.scale_range_bad", {"code": s.code}))
        elif s.maximum - s.minimum > 100:
            found.append(Problem(where, "def.scale_range_bad", {"code": s.code}))
        for p in s.points:
            if (
                not (isinstance(p.value, int) and s.minimum <= p.value <= s.maximum)
                if isinstance(s.minimum, int) and isinstance(s.maximum, int)
                else True
            ):
                found.append(Problem(where, "def.scale_point_bad", {"code": s.code, "value": p.value}))
            for lang in ("zh", "en"):
                label = getattr(p, f"label_{lang}")
                names = {"scale": s.code, "value": p.value}
                found += _text_problems(where, f"field.point_label_{lang}", label, names=names)
    return found


def _node_problems(defn: SurveyDefinition) -> list[Problem]:
    found: list[Problem] = []
    codes: dict[str, Node] = {}
    for i, n in enumerate(defn.nodes):
        where = f"nodes[{i}]"
        if not _code_ok(n.code):
            found.append(Problem(where, "def.code_bad", {"code": str(n.code)[:80]}))
            continue
        if n.code in codes:
            found.append(Problem(n.code, "def.node_duplicate", {"code": n.code}))
        codes[n.code] = n
        for lang in ("zh", "en"):
            label = getattr(n, f"label_{lang}")
            found += _text_problems(n.code, f"field.node_label_{lang}", label, names={"code": n.code})
        if not (n.label_zh or n.label_en):
            found.append(Problem(n.code, "def.label_missing", {"code": n.code}))
        if n.kind not in NODE_KINDS:
            found.append(Problem(n.code, "def.kind_bad", {"code": n.code, "kind": _shown(n.kind)}))
        if not isinstance(n.weight, int | float) or not math.isfinite(n.weight) or n.weight < 0:
            found.append(Problem(n.code, "def.weight_bad", {"code": n.code}))
    scale_codes = {s.code for s in defn.scales}
    has_groups = any(n.kind in ("dimension", "indicator") for n in defn.nodes)
    for n in defn.nodes:
        if n.code not in codes or n.kind not in NODE_KINDS:
            continue
        parent = codes.get(n.parent) if n.parent else None
        if n.parent and parent is None:
            found.append(Problem(n.code, "def.parent_missing", {"code": n.code, "parent": _shown(n.parent)}))
        elif parent is not None and parent.kind == "item":
            found.append(Problem(n.code, "def.parent_is_item", {"code": n.code, "parent": parent.code}))
        elif n.kind == "dimension" and parent is not None:
            found.append(Problem(n.code, "def.dimension_nested", {"code": n.code}))
        elif n.kind == "indicator" and (parent is None or parent.kind != "dimension"):
            found.append(Problem(n.code, "def.indicator_parent", {"code": n.code}))
        if n.kind == "item":
            if _blank(n.role):
                found.append(Problem(n.code, "def.role_missing", {"code": n.code}))
            elif n.role not in ROLES:
                found.append(Problem(n.code, "def.role_bad", {"code": n.code, "role": _shown(n.role)}))
            elif n.role == "comment":
                if n.scale is not None:
                    found.append(Problem(n.code, "def.comment_scale", {"code": n.code}))
            elif n.role == "attribute":
                if n.scale is not None and n.scale not in scale_codes:
                    found.append(Problem(n.code, "def.scale_missing", {"code": n.code, "scale": _shown(n.scale)}))
            elif n.scale not in scale_codes and _blank(n.scale):
                found.append(Problem(n.code, "def.scale_not_chosen", {"code": n.code}))
            elif n.scale not in scale_codes:
                found.append(Problem(n.code, "def.scale_missing", {"code": n.code, "scale": _shown(n.scale)}))
            elif n.role == "recommend":
                s = defn.scale(n.scale)
                if s is not None and (s.minimum, s.maximum) != (0, 10):
                    found.append(Problem(n.code, "def.recommend_scale", {"code": n.code}))
            elif n.role in KANO_SUFFIX:
                found += _kano_problems(defn, n, codes)
        elif n.role is not None or n.scale is not None:
            found.append(Problem(n.code, "def.group_has_role", {"code": n.code}))
        if n.kind == "item" and n.role in INDICATOR_ROLES and not n.parent and has_groups:
            role = Term(f"role.{n.role}")
            found.append(Problem(n.code, "def.item_needs_parent", {"code": n.code, "role": role}))
        found += _choice_problems(n)
    return found


def _blank(value: object) -> bool:
    """Nothing chosen: None, empty, or what a table cell holds for nothing ("None", "nan", "<NA>")."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return isinstance(value, str) and value.strip() in ("", "None", "nan", "NaN", "<NA>")


def _shown(value: object) -> str | Term:
    """A value as a message shows it: the text (shortened), or "(not chosen)" in the reader's language."""
    return Term("def.not_chosen") if _blank(value) else str(value)[:80]


def _choice_problems(n: Node) -> list[Problem]:
    """What is wrong with a node's choices: only an attribute has them; each a distinct, non-empty value of at
    most `CHOICE_MAX` characters, with labels that are text; at most `CHOICES_MAX` of them."""
    if not n.choices:
        return []
    if n.kind != "item" or n.role != "attribute":
        return [Problem(n.code, "def.choices_not_attribute", {"code": n.code})]
    found: list[Problem] = []
    if len(n.choices) > CHOICES_MAX:
        found.append(Problem(n.code, "def.choices_many", {"code": n.code, "limit": CHOICES_MAX}))
    seen: set[str] = set()
    for c in n.choices[:CHOICES_MAX]:
        if not isinstance(c.value, str) or not c.value.strip():
            found.append(Problem(n.code, "def.choice_empty", {"code": n.code}))
            continue
        found += _text_problems(n.code, "field.choice_value", c.value, CHOICE_MAX, names={"code": n.code})
        if c.value in seen:
            found.append(Problem(n.code, "def.choice_duplicate", {"code": n.code, "value": c.value[:80]}))
        seen.add(c.value)
        for lang in ("zh", "en"):
            label = getattr(c, f"label_{lang}")
            found += _text_problems(n.code, f"field.choice_label_{lang}", label, CHOICE_MAX, names={"code": n.code})
    return found


def kano_feature(node: Node) -> str | None:
    """The Kano feature code of a Kano item (its code without the role's ending), else None."""
    suffix = KANO_SUFFIX.get(node.role or "")
    if node.kind != "item" or suffix is None or not node.code.endswith(suffix) or len(node.code) == len(suffix):
        return None
    return node.code[: -len(suffix)]


def kano_pairs(defn: SurveyDefinition) -> dict[str, tuple[str, str]]:
    """feature code → (functional item, dysfunctional item) of every complete Kano pair, in the survey's order."""
    functional = {kano_feature(n): n.code for n in defn.nodes if n.role == "kano_functional" and kano_feature(n)}
    dysfunctional = {kano_feature(n): n.code for n in defn.nodes if n.role == "kano_dysfunctional" and kano_feature(n)}
    return {f: (code, dysfunctional[f]) for f, code in functional.items() if f in dysfunctional}


def _kano_problems(defn: SurveyDefinition, n: Node, codes: dict) -> list[Problem]:
    suffix = KANO_SUFFIX[n.role]
    feature = kano_feature(n)
    if feature is None:
        return [Problem(n.code, "def.kano_code", {"code": n.code, "suffix": suffix})]
    other_role = next(r for r in KANO_SUFFIX if r != n.role)
    partner = codes.get(feature + KANO_SUFFIX[other_role])
    if partner is None or partner.role != other_role:
        return [Problem(n.code, "def.kano_partner", {"code": n.code, "partner": feature + KANO_SUFFIX[other_role]})]
    s = defn.scale(n.scale)
    if s is not None and (s.minimum, s.maximum) != (1, 5):
        return [Problem(n.code, "def.kano_scale", {"code": n.code})]
    return []


def _rule_problems(defn: SurveyDefinition) -> list[Problem]:
    found: list[Problem] = []
    codes = {n.code for n in defn.nodes}
    for i, r in enumerate(defn.weight_rules):
        where = f"weight_rules[{i}]"
        if r.method not in WEIGHT_METHODS:
            found.append(Problem(where, "def.method_bad", {"method": str(r.method)[:40]}))
        if r.group and r.group not in codes:
            found.append(Problem(where, "def.parent_missing", {"code": where, "parent": str(r.group)[:80]}))
        if r.method == "ahp":
            n = len(r.members)
            if any(m not in codes for m in r.members):
                found.append(Problem(where, "def.ahp_members_bad"))
            if len(r.matrix) != n or any(len(row) != n for row in r.matrix):
                found.append(Problem(where, "def.ahp_shape_bad"))
            elif any(not isinstance(v, int | float) or not math.isfinite(v) or v <= 0 for row in r.matrix for v in row):
                found.append(Problem(where, "def.ahp_value_bad"))
    return found


class DefinitionError(ValueError):
    """A definition (or a definition file) that cannot be saved, with every problem named."""

    def __init__(self, found: list[Problem]):
        self.problems = list(found)
        super().__init__("; ".join(f"{p.where}: {p.message} {p.params}" for p in self.problems[:10]))


def checked(defn: SurveyDefinition) -> SurveyDefinition:
    """The definition, normalised (weights summing to 1, every text in Unicode NFC), or DefinitionError
    naming what is wrong."""
    found = problems(defn)
    if found:
        raise DefinitionError(found)
    return normal_texts(defn).normalised()


def normal_texts(defn: SurveyDefinition) -> SurveyDefinition:
    """The definition with every title, description, name and label in Unicode normal form C
    (`survey.characters.normal_text`), so that the same text typed two ways is one text. Codes stay as
    they are: stored answers are keyed by them."""

    def texts(obj):
        return {
            f.name: normal_text(v)
            for f in fields(obj)
            if f.name.startswith(USER_TEXT_FIELDS) and isinstance(v := getattr(obj, f.name), str)
        }

    scales = tuple(
        replace(sc, **texts(sc), points=tuple(replace(p, **texts(p)) for p in sc.points)) for sc in defn.scales
    )
    nodes = tuple(replace(n, **texts(n), choices=tuple(replace(c, **texts(c)) for c in n.choices)) for n in defn.nodes)
    return replace(defn, **texts(defn), scales=scales, nodes=nodes)
