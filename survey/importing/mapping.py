"""Which file column is which survey item, and which scale point an answer text means.

Column mapping: `{column: target}` where the column is the file's header
text (see `column_keys`) and the target is an item code, `RESPONDENT` (the
respondent's id), `WAVE` (the wave / period, when the survey has no `wave`
attribute item) or None (ignored). `propose_columns` guesses it:

1. the item code, case-insensitively (``useful_p``, ``NPS``);
2. an item's label in either language, after `normalise` (full-width to
   half-width, case, spaces and punctuation ignored), also with a question
   number in front (``Q3. 教学内容实用``, ``3、``, ``第3题``) or a bracketed
   note behind (``（1-5分）``) taken off;
3. the question part of a label before ``：`` / ``:`` / ``？``, or the
   label of the item's indicator, perception items first;
4. the respondent id, the wave and the usual segment fields (region,
   channel, class, group, customer tier, spend) by their common names in
   both languages (`RESPONDENT_NAMES`, `WAVE_NAMES`, `ATTRIBUTE_NAMES`);
   a segment name maps only to an attribute item the survey has; a
   comments column (备注, 意见和建议, Comments …: `COMMENT_NAMES`) to the
   survey's comment item when it has exactly one;
5. a close spelling of a label (difflib ratio ≥ 0.8).

Each column gets at most one target and each target at most one column, the
best-scoring pairs first.

Answer texts: `scale_labels(scale)` maps the scale's own point labels (both
languages) plus the common label sets of the same length (`COMMON_LABELS`:
很满意 / 非常满意 / Very satisfied → top point, ...) to points;
`interpret(text, scale, labels)` turns one cell into a number, a missing value
or a reason it is neither. Numbers may carry a label or a unit: ``9 - very
likely``, ``5分``, ``(4) 满意``, ``很满意(5)``, full-width ``５``, ``五分``.
"Not applicable / don't know / skipped" and their Chinese forms (`NA_WORDS`,
`is_not_applicable`) are missing values, never 0. The user's own `labels` map
is consulted first, so it can also turn a code such as ``99`` into a missing
value.

`SCALE_LABEL_SETS` (`label_set_points`) are the same labels one family and
length at a time (satisfaction, agreement, likelihood, importance, quality,
frequency; 5 and 7 points), for `survey.importing.sources` to infer a text column's
scale from its labels alone.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from survey.characters import bad_character, trim
from survey.design.definition import Node, Scale, SurveyDefinition
from survey.i18n.importing import MESSAGES as IMPORT_MESSAGES

RESPONDENT = ":respondent"
WAVE = ":wave"
SPECIAL_TARGETS = (RESPONDENT, WAVE)
# ":meta:<field>": a respondent field kept with the response (`Response.meta`: start and end time, duration,
# channel, language, and personal data only when the user asked to keep it); never an item, never on a
# dashboard or in an export.
META_PREFIX = ":meta:"

# The extra column of a rejected-rows file; ignored without a notice when it comes back.
PROBLEM_COLUMN_NAMES = IMPORT_MESSAGES["imp.problem_column"]


def normalise(text: str) -> str:
    """Text for matching: NFKC (full-width → half-width), case-folded, without spaces or punctuation."""
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


_NUMBER_PREFIX = re.compile(r"^\s*(?:q|no\.?|第)?\s*\d+(?:[.\-_]\d+)*\s*(?:题)?\s*(?:[.、:：)）\]】\-_]\s*|\s+)")
_BRACKETED = re.compile(r"[(（\[【][^()（）\[\]【】]*[)）\]】]")


def _variants(header: str) -> list[str]:
    """A header as matched: whole, without a bracketed note, without a question number, without both."""
    text = unicodedata.normalize("NFKC", header).casefold().strip().lstrip("'")
    no_brackets = _BRACKETED.sub("", text)
    found = []
    for candidate in (text, no_brackets, _NUMBER_PREFIX.sub("", text), _NUMBER_PREFIX.sub("", no_brackets)):
        key = normalise(candidate)
        if key and key not in found:
            found.append(key)
    return found


RESPONDENT_NAMES = (
    "respondent_id",
    "respondent",
    "respondent id",
    "id",
    "编号",
    "序号",
    "答卷编号",
    "问卷编号",
    "答卷序号",
    "样本编号",
    "受访者编号",
    "受访者",
    "学号",
    "工号",
    "客户编号",
    "客户id",
    "用户id",
    "会员号",
    "user_id",
    "customer_id",
    "response_id",
    "record id",
    "no",
    "编码",
    "答卷id",
    "问卷id",
    "样本id",
)
WAVE_NAMES = (
    "wave",
    "期次",
    "批次",
    "period",
    "调查批次",
    "调查期次",
    "轮次",
    "期数",
    "调查期",
    "round",
    "survey wave",
    "survey period",
    "调查时间段",
)
ATTRIBUTE_NAMES: dict[str, tuple[str, ...]] = {
    "region": ("region", "地区", "区域", "地域", "省份", "城市", "所在地区", "area", "city", "province"),
    "channel": ("channel", "渠道", "购买渠道", "销售渠道", "来源渠道", "source channel"),
    "class": ("class", "班级", "班", "class name"),
    "group": ("group", "小组", "组别", "分组", "组", "team"),
    "tier": ("tier", "customer tier", "客户等级", "会员等级", "客户级别", "客户类型", "segment", "客户分层"),
    "spend": ("spend", "消费金额", "消费额", "年消费", "spending", "customer value", "客户价值", "amount", "金额"),
}
COMMENT_NAMES = (
    "comment",
    "comments",
    "备注",
    "意见",
    "建议",
    "意见和建议",
    "意见建议",
    "其他意见",
    "其他意见和建议",
    "留言",
    "评论",
    "反馈",
    "remarks",
    "feedback",
    "suggestions",
    "other comments",
    "any other comments",
    "open comments",
)


@dataclass(frozen=True)
class Target:
    """A choice for a column: `value` goes into the column mapping."""

    value: str
    label_zh: str
    label_en: str

    def label(self, lang: str) -> str:
        return self.label_zh if lang == "zh" else self.label_en


def targets(defn: SurveyDefinition) -> list[Target]:
    """What a column can be mapped to, for the page's select boxes (None = ignore is not listed)."""
    found = [Target(RESPONDENT, "答卷人编号", "Respondent id")]
    if not _wave_item(defn):
        found.append(Target(WAVE, "调查批次（期次）", "Wave (period)"))
    for item in defn.items:
        found.append(Target(item.code, f"{item.code} · {item.label('zh')}", f"{item.code} · {item.label('en')}"))
    return found


def _wave_item(defn: SurveyDefinition) -> Node | None:
    return next((n for n in defn.items_with_role("attribute") if n.code.casefold() in ("wave", "period")), None)


def wave_source(defn: SurveyDefinition) -> str:
    """The target whose values also become the response's wave: the `wave` attribute item, else WAVE."""
    item = _wave_item(defn)
    return item.code if item else WAVE


def _label_keys(text: str) -> list[str]:
    keys = [normalise(text)]
    head = re.split(r"[：:？?]", unicodedata.normalize("NFKC", text), maxsplit=1)[0]
    if head != text:
        keys.append(normalise(head))
    return [k for k in keys if k]


def _item_keys(defn: SurveyDefinition, item: Node) -> list[tuple[str, int]]:
    """(normalised key, score) pairs that point at this item."""
    perception_bonus = 1 if item.role == "perception" else 0
    keys = [(normalise(item.code), 100)]
    for label in (item.label_zh, item.label_en):
        for i, key in enumerate(_label_keys(label)):
            keys.append((key, 95 if i == 0 else 85 + perception_bonus))
    parent = defn.node(item.parent) if item.parent else None
    if parent is not None and item.role == "perception":
        keys += [(normalise(parent.label_zh), 80), (normalise(parent.label_en), 80)]
    if item.role == "attribute":
        words = {normalise(item.code), *(normalise(x) for x in (item.label_zh, item.label_en))}
        for names in ATTRIBUTE_NAMES.values():
            normalised = {normalise(n) for n in names}
            if words & normalised:
                keys += [(n, 70) for n in normalised]
        if item is _wave_item(defn):
            keys += [(normalise(n), 70) for n in WAVE_NAMES]
    if item.role == "comment" and defn.items_with_role("comment") == [item]:
        keys += [(normalise(n), 70) for n in COMMENT_NAMES]
    return [(k, s) for k, s in keys if k]


def propose_columns(
    defn: SurveyDefinition,
    header: Iterable[str],
    remembered: Mapping[str, str | None] | None = None,
) -> dict[str, str | None]:
    """A target for every column key (None = ignore), see the module docstring.

    `remembered` (the mapping last used for this survey) wins for the columns
    it names, as long as its target still exists.
    """
    header = list(header)
    valid = {t.value for t in targets(defn)}
    result: dict[str, str | None] = {}
    taken: set[str] = set()
    for column in header:
        if remembered and column in remembered and (remembered[column] is None or remembered[column] in valid):
            result[column] = remembered[column]
            if remembered[column]:
                taken.add(remembered[column])
    open_columns = [c for c in header if c not in result]
    candidates: list[tuple[float, int, str, str]] = []
    keyed: list[tuple[str, str, float]] = [(k, item.code, s) for item in defn.items for k, s in _item_keys(defn, item)]
    keyed += [(normalise(n), RESPONDENT, 70 - i * 0.01) for i, n in enumerate(RESPONDENT_NAMES)]
    if not _wave_item(defn):
        keyed += [(normalise(n), WAVE, 70 - i * 0.01) for i, n in enumerate(WAVE_NAMES)]
    by_key: dict[str, list[tuple[str, float]]] = {}
    for key, target, score in keyed:
        by_key.setdefault(key, []).append((target, score))
    for position, column in enumerate(open_columns):
        variants = _variants(column)
        if any(v in {normalise(n) for n in PROBLEM_COLUMN_NAMES} for v in variants):
            continue
        found: list[tuple[float, int, str, str]] = []
        for rank, variant in enumerate(variants):
            for target, score in by_key.get(variant, ()):
                found.append((score - rank * 0.5, -position, column, target))
        if variants and not found:
            for key, pairs in by_key.items():
                if len(key) < 2:
                    continue
                ratio = difflib.SequenceMatcher(None, variants[-1], key).ratio()
                if ratio >= 0.8:
                    found += [(50 + ratio * 10, -position, column, t) for t, s in pairs if s >= 85]
        if found:  # only the column's best matches: a clearly weaker one is a guess, not a fallback
            best = max(f[0] for f in found)
            candidates += [f for f in found if f[0] >= best - 5]
    for _score, _pos, column, target in sorted(candidates, reverse=True):
        if column in result or target in taken:
            continue
        result[column] = target
        taken.add(target)
    return {column: result.get(column) for column in header}


def column_keys(header: Iterable[str]) -> list[str]:
    """Unique names for the file's columns, as used in the column mapping.

    A column's key is its header text; a blank header becomes ``#n`` (its
    position, from 1) and a repeated one gets ``#n`` appended.
    """
    keys: list[str] = []
    seen: set[str] = set()
    for n, text in enumerate(header, start=1):
        key = text.strip() or f"#{n}"
        if key in seen:
            key = f"{key}#{n}"
        seen.add(key)
        keys.append(key)
    return keys


# --- answer texts ---------------------------------------------------------------------

# Common label sets by scale length, lowest point first; each inner tuple holds the
# ways one point is written (zh and en). Compiled from the templates' label sets and
# the usual questionnaire tools' wording.
COMMON_LABELS: dict[int, tuple[tuple[str, ...], ...]] = {
    5: (
        (
            "很不满意",
            "非常不满意",
            "十分不满意",
            "极不满意",
            "very dissatisfied",
            "extremely dissatisfied",
            "非常不同意",
            "完全不同意",
            "strongly disagree",
            "很不重要",
            "非常不重要",
            "一点也不重要",
            "not at all important",
            "很差",
            "非常差",
            "very poor",
            "very bad",
            "很低",
            "very low",
            "完全不可能",
            "not at all likely",
            "very unlikely",
            "非常不可能",
            "极不可能",
            "肯定不会",
            "extremely unlikely",
            "definitely will not",
            "definitely not",
            "从不",
            "never",
        ),
        (
            "不满意",
            "比较不满意",
            "较不满意",
            "不太满意",
            "dissatisfied",
            "somewhat dissatisfied",
            "不同意",
            "比较不同意",
            "disagree",
            "不重要",
            "不太重要",
            "not important",
            "slightly important",
            "差",
            "较差",
            "poor",
            "bad",
            "低",
            "较低",
            "low",
            "不太可能",
            "unlikely",
            "可能不会",
            "somewhat unlikely",
            "probably will not",
            "probably not",
            "很少",
            "rarely",
        ),
        (
            "一般",
            "中立",
            "中等",
            "说不上满意不满意",
            "neutral",
            "neither satisfied nor dissatisfied",
            "neither agree nor disagree",
            "moderately important",
            "fair",
            "average",
            "moderate",
            "不确定",
            "not sure",
            "不一定",
            "neither likely nor unlikely",
            "might or might not",
            "有时",
            "sometimes",
        ),
        (
            "满意",
            "比较满意",
            "较满意",
            "satisfied",
            "somewhat satisfied",
            "同意",
            "比较同意",
            "agree",
            "重要",
            "比较重要",
            "important",
            "好",
            "较好",
            "good",
            "高",
            "较高",
            "high",
            "比较可能",
            "可能",
            "likely",
            "可能会",
            "somewhat likely",
            "probably will",
            "经常",
            "often",
        ),
        (
            "很满意",
            "非常满意",
            "十分满意",
            "极其满意",
            "very satisfied",
            "extremely satisfied",
            "completely satisfied",
            "非常同意",
            "完全同意",
            "strongly agree",
            "很重要",
            "非常重要",
            "极其重要",
            "very important",
            "extremely important",
            "很好",
            "非常好",
            "very good",
            "excellent",
            "很高",
            "very high",
            "极有可能",
            "非常可能",
            "extremely likely",
            "very likely",
            "肯定会",
            "definitely will",
            "总是",
            "always",
        ),
    ),
    7: (
        (
            "很不满意",
            "非常不满意",
            "十分不满意",
            "very dissatisfied",
            "extremely dissatisfied",
            "非常不同意",
            "完全不同意",
            "strongly disagree",
        ),
        ("不满意", "dissatisfied", "不同意", "disagree"),
        (
            "不太满意",
            "有点不满意",
            "比较不满意",
            "somewhat dissatisfied",
            "slightly dissatisfied",
            "有点不同意",
            "比较不同意",
            "somewhat disagree",
        ),
        ("一般", "中立", "neutral", "neither satisfied nor dissatisfied", "neither agree nor disagree"),
        (
            "较满意",
            "比较满意",
            "有点满意",
            "somewhat satisfied",
            "slightly satisfied",
            "有点同意",
            "比较同意",
            "somewhat agree",
        ),
        ("满意", "satisfied", "同意", "agree"),
        (
            "很满意",
            "非常满意",
            "十分满意",
            "very satisfied",
            "extremely satisfied",
            "非常同意",
            "完全同意",
            "strongly agree",
        ),
    ),
}

# The label sets of the usual questionnaire tools, one per family and length, lowest
# point first; each inner tuple holds the ways one point is written (zh and en). Unlike
# `COMMON_LABELS`, a set never mixes families, and within one set a text names one point,
# so "Very good" is 5 in "quality5" (很差 … 很好) and 4 in "quality5_excellent" (Poor …
# Excellent). `survey.importing.sources` gives a text column the first set, in this order, that
# names all its labels with distinct labels on distinct points (`label_set_points`).
SCALE_LABEL_SETS: dict[str, tuple[tuple[str, ...], ...]] = {
    "satisfaction5": (
        (
            "非常不满意",
            "很不满意",
            "十分不满意",
            "极不满意",
            "very dissatisfied",
            "extremely dissatisfied",
            "completely dissatisfied",
        ),
        ("不满意", "比较不满意", "较不满意", "不太满意", "dissatisfied", "somewhat dissatisfied"),
        ("一般", "中立", "说不上满意不满意", "neutral", "neither satisfied nor dissatisfied"),
        ("满意", "比较满意", "较满意", "satisfied", "somewhat satisfied"),
        ("非常满意", "很满意", "十分满意", "极其满意", "very satisfied", "extremely satisfied", "completely satisfied"),
    ),
    "agreement5": (
        ("非常不同意", "完全不同意", "很不同意", "strongly disagree", "completely disagree"),
        ("不同意", "比较不同意", "不太同意", "disagree", "somewhat disagree"),
        ("一般", "中立", "不确定", "neutral", "neither agree nor disagree", "undecided"),
        ("同意", "比较同意", "agree", "somewhat agree"),
        ("非常同意", "完全同意", "很同意", "strongly agree", "completely agree"),
    ),
    "likelihood5": (
        (
            "非常不可能",
            "完全不可能",
            "极不可能",
            "肯定不会",
            "一定不会",
            "extremely unlikely",
            "very unlikely",
            "not at all likely",
            "definitely will not",
            "definitely not",
            "definitely would not",
        ),
        (
            "不太可能",
            "不可能",
            "可能不会",
            "unlikely",
            "somewhat unlikely",
            "probably will not",
            "probably not",
            "probably would not",
        ),
        (
            "不确定",
            "不一定",
            "说不准",
            "也许",
            "neither likely nor unlikely",
            "not sure",
            "might or might not",
            "maybe",
            "neutral",
        ),
        ("比较可能", "可能", "可能会", "likely", "somewhat likely", "probably will", "probably", "probably would"),
        (
            "极有可能",
            "非常可能",
            "很可能",
            "肯定会",
            "一定会",
            "extremely likely",
            "very likely",
            "definitely will",
            "definitely",
            "definitely would",
        ),
    ),
    "importance5": (
        ("很不重要", "非常不重要", "完全不重要", "not at all important", "very unimportant"),
        ("不重要", "不太重要", "比较不重要", "not important", "unimportant"),
        ("一般", "一般重要", "中等重要", "moderately important", "neutral"),
        ("重要", "比较重要", "important"),
        ("很重要", "非常重要", "very important"),
    ),
    "importance5_extremely": (
        ("一点也不重要", "not at all important"),
        ("有点重要", "稍微重要", "slightly important"),
        ("一般重要", "中等重要", "moderately important"),
        ("很重要", "非常重要", "very important"),
        ("极其重要", "极为重要", "extremely important"),
    ),
    "quality5": (
        ("很差", "非常差", "极差", "very poor", "very bad"),
        ("差", "较差", "比较差", "poor", "bad"),
        ("一般", "中等", "fair", "average"),
        ("好", "较好", "比较好", "良好", "good"),
        ("很好", "非常好", "优秀", "very good"),
    ),
    "quality5_excellent": (
        ("poor",),
        ("fair",),
        ("good",),
        ("very good",),
        ("excellent",),
    ),
    "quality5_terrible": (
        ("terrible",),
        ("poor",),
        ("average",),
        ("good",),
        ("excellent",),
    ),
    "frequency5": (
        ("从不", "从来不", "从没有", "never"),
        ("很少", "极少", "偶尔", "rarely", "seldom"),
        ("有时", "有时候", "sometimes", "occasionally"),
        ("经常", "常常", "often", "frequently", "usually"),
        ("总是", "一直", "每次都", "always", "every time"),
    ),
    "satisfaction7": (
        (
            "非常不满意",
            "很不满意",
            "十分不满意",
            "极不满意",
            "very dissatisfied",
            "extremely dissatisfied",
            "completely dissatisfied",
        ),
        ("不满意", "dissatisfied", "moderately dissatisfied"),
        ("不太满意", "有点不满意", "比较不满意", "较不满意", "somewhat dissatisfied", "slightly dissatisfied"),
        ("一般", "中立", "neutral", "neither satisfied nor dissatisfied"),
        ("较满意", "比较满意", "有点满意", "somewhat satisfied", "slightly satisfied"),
        ("满意", "satisfied", "moderately satisfied"),
        ("非常满意", "很满意", "十分满意", "极其满意", "very satisfied", "extremely satisfied", "completely satisfied"),
    ),
    "satisfaction7_extremely": (
        ("extremely dissatisfied",),
        ("very dissatisfied",),
        ("dissatisfied",),
        ("neutral", "neither satisfied nor dissatisfied"),
        ("satisfied",),
        ("very satisfied",),
        ("extremely satisfied",),
    ),
    "agreement7": (
        ("非常不同意", "完全不同意", "很不同意", "strongly disagree", "completely disagree"),
        ("不同意", "disagree", "moderately disagree"),
        ("有点不同意", "比较不同意", "不太同意", "somewhat disagree", "slightly disagree"),
        ("一般", "中立", "不确定", "neutral", "neither agree nor disagree", "undecided"),
        ("有点同意", "比较同意", "somewhat agree", "slightly agree"),
        ("同意", "agree", "moderately agree"),
        ("非常同意", "完全同意", "很同意", "strongly agree", "completely agree"),
    ),
    "likelihood7": (
        ("非常不可能", "完全不可能", "极不可能", "extremely unlikely", "very unlikely"),
        ("不可能", "unlikely", "moderately unlikely"),
        ("不太可能", "有点不可能", "somewhat unlikely", "slightly unlikely"),
        ("不确定", "一般", "neither likely nor unlikely", "neutral", "not sure"),
        ("有点可能", "比较可能", "somewhat likely", "slightly likely"),
        ("可能", "likely", "moderately likely"),
        ("非常可能", "极有可能", "很可能", "extremely likely", "very likely"),
    ),
    "importance7": (
        ("完全不重要", "一点也不重要", "not at all important"),
        ("不重要", "low importance", "not important"),
        ("不太重要", "slightly important"),
        ("一般", "一般重要", "neutral"),
        ("比较重要", "moderately important"),
        ("很重要", "非常重要", "very important"),
        ("极其重要", "极为重要", "extremely important"),
    ),
    "quality7": (
        ("极差", "extremely poor"),
        ("很差", "below average", "very poor"),
        ("较差", "slightly below average", "poor"),
        ("一般", "average", "fair"),
        ("较好", "slightly above average", "good"),
        ("很好", "above average", "very good"),
        ("极好", "excellent"),
    ),
    "frequency7": (
        ("从不", "从来不", "never"),
        ("很少", "极少", "rarely"),
        ("偶尔", "occasionally"),
        ("有时", "有时候", "sometimes"),
        ("经常", "常常", "frequently", "often"),
        ("通常", "usually"),
        ("总是", "一直", "每次都", "always", "every time"),
    ),
}


@lru_cache(maxsize=64)
def label_set_points(name: str) -> dict[str, int]:
    """One of `SCALE_LABEL_SETS` as {normalised text: point}, points counted from 1."""
    return {normalise(text): point for point, texts in enumerate(SCALE_LABEL_SETS[name], start=1) for text in texts}


NA_WORDS = (
    "不适用",
    "不知道",
    "不清楚",
    "说不清",
    "无法回答",
    "无法判断",
    "无法评价",
    "不了解",
    "拒答",
    "拒绝回答",
    "未回答",
    "未答",
    "无",
    "空",
    "缺失",
    "n/a",
    "na",
    "#n/a",
    "nan",
    "null",
    "none",
    "not applicable",
    "don't know",
    "dont know",
    "do not know",
    "unknown",
    "no answer",
    "refused",
    "missing",
    "dk",
    "跳过",
    "skipped",
    "prefer not to say",
    "prefer not to answer",
    "不想回答",
)
_NA = frozenset(normalise(w) for w in NA_WORDS)


def is_not_applicable(text: str) -> bool:
    """Whether a cell says "not applicable / don't know / skipped" (`NA_WORDS`): a missing value, never 0."""
    key = normalise(text)
    return bool(key) and key in _NA


_CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_NUM = r"[+-]?(?:\d+(?:\.\d+)?|\.\d+)"
_UNIT = r"(?:分|points?|pts?|pt)"
_PLAIN = re.compile(rf"^({_NUM})\s*{_UNIT}?$")
_NUMBER_THEN_LABEL = re.compile(rf"^(\d+(?:\.\d+)?)\s*{_UNIT}?\s*(?:[-–—:：=.、,，)）\]]|\s)\s*[^\d\s.].*$")
_BRACKET_THEN_LABEL = re.compile(r"^[(（\[【]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）\]】]\s*\S.*$")
_LABEL_THEN_NUMBER = re.compile(
    r"^[^\d\s].*?(?:[(（\[【]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）\]】]|[-–—:：=]\s*(\d+(?:\.\d+)?)\s*分?)$"
)
_CHINESE_NUMBER = re.compile(r"^([零〇一二两三四五六七八九十])\s*分$")


def parse_number(text: str) -> float | None:
    """The number a cell states, with or without a label or unit; None when it states none.

    Only plain decimals count (no exponents, no thousands separators, no
    ``inf`` / ``nan``). Full-width digits are read as digits. A cell holding a
    control character or non-character states none.
    """
    if bad_character(text) is not None:
        return None  # a control character or non-character: text to be refused or made visible, not a number
    text = unicodedata.normalize("NFKC", text).strip().casefold()
    for pattern in (_PLAIN, _NUMBER_THEN_LABEL, _BRACKET_THEN_LABEL, _LABEL_THEN_NUMBER):
        match = pattern.match(text)
        if match:
            number = next(g for g in match.groups() if g is not None)
            return float(number)
    match = _CHINESE_NUMBER.match(text)
    if match:
        return float(_CHINESE_DIGITS[match.group(1)])
    return None


@lru_cache(maxsize=256)
def scale_labels(scale: Scale) -> dict[str, int]:
    """Normalised answer text → scale point, from the scale's own labels and the common sets.

    The scale's own labels win; a common set of the scale's length is used
    only if none of its texts names a different point than the scale's own
    labels do.
    """
    found: dict[str, int] = {}
    for point in scale.points:
        for label in (point.label_zh, point.label_en):
            key = normalise(label)
            if key and not key.isdigit():
                found.setdefault(key, point.value)
    length = scale.maximum - scale.minimum + 1
    common = COMMON_LABELS.get(length)
    if common:
        offered = {normalise(text): scale.minimum + i for i, texts in enumerate(common) for text in texts}
        if all(found.get(key, value) == value for key, value in offered.items()):
            for key, value in offered.items():
                found.setdefault(key, value)
    return found


@dataclass(frozen=True)
class Answer:
    """What one cell of an item column means.

    `value` is the number (None = missing); `problem` is a translation id
    when the cell cannot be used, with `params` to fill it.
    """

    value: float | None
    problem: str | None = None
    params: tuple[tuple[str, object], ...] = ()

    @property
    def missing(self) -> bool:
        return self.problem is None and self.value is None


MISSING = Answer(None)


def user_label(labels: Mapping[str, object] | None, text: str, scale: Scale) -> tuple[bool, object]:
    """(found, value) of `text` in the user's label map (exact text first, then normalised).

    A label's value is a number, None (missing), or {scale code: number or None}.
    """
    if not labels:
        return False, None
    for key in (text, text.strip()):
        if key in labels:
            return _for_scale(labels[key], scale)
    index = _normalised_labels(json.dumps(labels, sort_keys=True, ensure_ascii=False, default=str))
    key = normalise(text)
    if key and key in index:
        return _for_scale(labels[index[key]], scale)
    return False, None


@lru_cache(maxsize=64)
def _normalised_labels(labels_json: str) -> dict[str, str]:
    return {normalise(k): k for k in json.loads(labels_json) if normalise(k)}


def _for_scale(value: object, scale: Scale) -> tuple[bool, object]:
    if isinstance(value, Mapping):
        if scale.code in value:
            return True, value[scale.code]
        return False, None
    return True, value


def interpret(text: str, scale: Scale, labels: Mapping[str, object] | None = None) -> Answer:
    """The meaning of one cell of an item on `scale` (see the module docstring).

    Order: empty → missing; the user's `labels`; a formula (``=…``) → refused,
    never evaluated; a number (with label or unit); "not applicable / don't
    know" → missing; a label of the scale → its point; anything else →
    refused as text in a number column. A number must be a whole number
    between the scale's minimum and maximum: 4.5 on a 1–5 scale is refused,
    because the scale has no point 4.5 (an average or a typo, which the user
    should fix), not rounded.
    """
    raw = text
    text = trim(text)
    if text.startswith("'") and text[1:2] in ("=", "+", "-", "@"):
        text = text[1:]  # our own spreadsheet-safety mark, from a rejected-rows file
    if not text:
        return MISSING
    bad = bad_character(text)
    if bad is not None:
        return Answer(None, "imp.bad_character", tuple(bad.params.items()))
    found, value = user_label(labels, text, scale)
    if found:
        if value is None:
            return MISSING
        if isinstance(value, bool) or not isinstance(value, int | float):
            return Answer(None, "imp.label_value_bad", (("text", _short(text)),))
        return _on_scale(float(value), scale, raw)
    if text.startswith("="):
        return Answer(None, "imp.formula")
    number = parse_number(text)
    if number is not None:
        return _on_scale(number, scale, raw)
    key = normalise(text)
    if not key or key in _NA:
        return MISSING
    point = scale_labels(scale).get(key)
    if point is not None:
        return _on_scale(float(point), scale, raw)
    return Answer(None, "imp.not_a_number", (("min", scale.minimum), ("max", scale.maximum)))


def _on_scale(number: float, scale: Scale, raw: str) -> Answer:
    if number != number or number in (float("inf"), float("-inf")):
        return Answer(None, "imp.not_a_number", (("min", scale.minimum), ("max", scale.maximum)))
    if not number.is_integer():
        return Answer(None, "imp.not_whole", (("min", scale.minimum), ("max", scale.maximum)))
    if not scale.minimum <= number <= scale.maximum:
        return Answer(None, "imp.off_scale", (("min", scale.minimum), ("max", scale.maximum)))
    return Answer(float(number))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


@dataclass(frozen=True)
class AnswerText:
    """A distinct non-numeric answer in an item column, with the value proposed for it.

    `proposed` is the scale point (None = missing); `known` is False when
    nothing was recognised, so the import would refuse the cells unless the
    user gives the text a value in the label map.
    """

    column: str
    item: str
    scale: str
    text: str
    count: int
    proposed: float | None
    known: bool


def answer_texts(
    column: str, item: str, scale: Scale, counts: Mapping[str, int], labels: Mapping[str, object] | None = None
) -> list[AnswerText]:
    """The texts of one column that are not plain numbers, each with its proposed value, most frequent first."""
    found = []
    for text, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        answer = interpret(text, scale, labels)
        found.append(AnswerText(column, item, scale.code, text, count, answer.value, answer.problem is None))
    return found


def is_plain_number(text: str) -> bool:
    """A cell that is only a decimal number (what needs no label mapping)."""
    return _PLAIN_ONLY.match(text.strip()) is not None


_PLAIN_ONLY = re.compile(rf"^{_NUM}$")
