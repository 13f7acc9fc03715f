"""Ready-made surveys: standard answer scales and five survey templates.

`build(template_id, **options)` returns a checked, normalised
`SurveyDefinition` (sibling weights sum to 1, `template` set to the id).
`TEMPLATES` lists the templates in the order the app offers them, each as
`Template(title_zh, title_en, description_zh, description_en, builder)`.

Item codes are short ASCII words that stay stable across versions, because
imported files and stored answers refer to them:

- an indicator's items are the indicator code plus a role suffix:
  `_p` perception (actual experience), `_e` expectation, `_i` importance,
  `_ideal` ideal experience (e.g. `product_p`, `sq07_e`);
- `overall` is overall satisfaction, `nps` the 0–10 recommend question,
  `loy_*` loyalty behaviours, attributes are plain words (`wave`, `class`);
- the ECSI template keeps the item codes of the published ECSI data set
  (`imag1`–`imag5`, `expe1`–`expe5`, `qual1`–`qual5`, `val1`–`val4`,
  `sat1`–`sat4`, `loy1`–`loy4`, and `comp1` for complaints).

Scale codes are a label set plus the range: `sat5`, `sat7`, `sat10`,
`likely0_10`, `agree5`, `agree7`, `imp10`, `rate10`, `level0_10`, ...
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import NamedTuple

from survey.design.definition import Node, Scale, ScalePoint, SurveyDefinition, WeightRule, checked

# --- scales -----------------------------------------------------------------

# kind -> (minimum, maximum); the kind names the range.
SCALE_RANGES = {"5": (1, 5), "7": (1, 7), "10": (1, 10), "0-10": (0, 10)}

# label set -> (code prefix, name zh, name en)
LABEL_SETS = {
    "satisfaction": ("sat", "满意度", "satisfaction"),
    "likelihood": ("likely", "可能性", "likelihood"),
    "agreement": ("agree", "同意程度", "agreement"),
    "importance": ("imp", "重要性", "importance"),
    "rating": ("rate", "评价", "rating"),
    "level": ("level", "高低", "level"),
}

# Every point labelled where a scale has a conventional label for it
# (domain.md §2); the longer scales label their two ends.
_FULL_LABELS: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("satisfaction", "5"): (
        ("很不满意", "Very dissatisfied"),
        ("不满意", "Dissatisfied"),
        ("一般", "Neutral"),
        ("满意", "Satisfied"),
        ("很满意", "Very satisfied"),
    ),
    ("satisfaction", "7"): (
        ("很不满意", "Very dissatisfied"),
        ("不满意", "Dissatisfied"),
        ("不太满意", "Somewhat dissatisfied"),
        ("一般", "Neutral"),
        ("较满意", "Somewhat satisfied"),
        ("满意", "Satisfied"),
        ("很满意", "Very satisfied"),
    ),
    ("agreement", "5"): (
        ("非常不同意", "Strongly disagree"),
        ("不同意", "Disagree"),
        ("一般", "Neither agree nor disagree"),
        ("同意", "Agree"),
        ("非常同意", "Strongly agree"),
    ),
    ("agreement", "7"): (
        ("非常不同意", "Strongly disagree"),
        ("不同意", "Disagree"),
        ("有点不同意", "Somewhat disagree"),
        ("一般", "Neither agree nor disagree"),
        ("有点同意", "Somewhat agree"),
        ("同意", "Agree"),
        ("非常同意", "Strongly agree"),
    ),
    ("importance", "5"): (
        ("很不重要", "Not at all important"),
        ("不重要", "Not important"),
        ("一般", "Moderately important"),
        ("重要", "Important"),
        ("很重要", "Very important"),
    ),
    ("rating", "5"): (
        ("很差", "Very poor"),
        ("差", "Poor"),
        ("一般", "Fair"),
        ("好", "Good"),
        ("很好", "Very good"),
    ),
    ("level", "5"): (
        ("很低", "Very low"),
        ("低", "Low"),
        ("一般", "Moderate"),
        ("高", "High"),
        ("很高", "Very high"),
    ),
    ("likelihood", "5"): (
        ("完全不可能", "Not at all likely"),
        ("不太可能", "Unlikely"),
        ("不确定", "Not sure"),
        ("比较可能", "Likely"),
        ("极有可能", "Extremely likely"),
    ),
}

_END_LABELS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "satisfaction": (("很不满意", "Very dissatisfied"), ("很满意", "Very satisfied")),
    "likelihood": (("完全不可能", "Not at all likely"), ("极有可能", "Extremely likely")),
    "agreement": (("非常不同意", "Strongly disagree"), ("非常同意", "Strongly agree")),
    "importance": (("一点也不重要", "Not at all important"), ("极其重要", "Extremely important")),
    "rating": (("很差", "Very poor"), ("极好", "Excellent")),
    "level": (("很低", "Very low"), ("很高", "Very high")),
}


def standard_scale(kind: str, code: str | None = None, *, labels: str | None = None) -> Scale:
    """A standard answer scale with labels in Chinese and English.

    kind: "5" (1–5), "7" (1–7), "10" (1–10) or "0-10" (0–10).
    labels: the label set — "satisfaction" (default, 很不满意 … 很满意),
    "likelihood" (default for "0-10": 完全不可能 / Not at all likely … 极有可能 /
    Extremely likely), "agreement" (非常不同意 … 非常同意), "importance",
    "rating" (很差 / Very poor … 很好) or "level" (很低 … 很高). 5-point scales
    label every point, the 7-point satisfaction and agreement scales too
    (domain.md §2); longer scales label their two ends.
    code: defaults to the label set's prefix plus the range, e.g. "sat5",
    "agree7", "likely0_10". "Don't know / not applicable" is offered
    (`allow_na=True`) and stored as missing.

    >>> standard_scale("5").label(1, "en")
    'Very dissatisfied'
    """
    if kind not in SCALE_RANGES:
        raise ValueError(f"unknown scale kind {kind!r}: use one of {', '.join(SCALE_RANGES)}")
    labels = labels or ("likelihood" if kind == "0-10" else "satisfaction")
    if labels not in LABEL_SETS:
        raise ValueError(f"unknown label set {labels!r}: use one of {', '.join(LABEL_SETS)}")
    low, high = SCALE_RANGES[kind]
    full = _FULL_LABELS.get((labels, kind))
    if full is not None:
        points = tuple(ScalePoint(v, zh, en) for v, (zh, en) in zip(range(low, high + 1), full, strict=True))
    else:
        (low_zh, low_en), (high_zh, high_en) = _END_LABELS[labels]
        points = (ScalePoint(low, low_zh, low_en), ScalePoint(high, high_zh, high_en))
    prefix, name_zh, name_en = LABEL_SETS[labels]
    span = kind.replace("-", "_")
    span_zh = "0–10 " if kind == "0-10" else f"{kind}级"
    span_en = "0–10" if kind == "0-10" else f"{kind}-point"
    return Scale(
        code=code or f"{prefix}{span}",
        kind=kind,
        minimum=low,
        maximum=high,
        points=points,
        name_zh=f"{span_zh}{name_zh}量表",
        name_en=f"{span_en} {name_en} scale",
        allow_na=True,
    )


# --- building blocks ------------------------------------------------------------


def _dimension(code: str, zh: str, en: str) -> Node:
    return Node(code=code, kind="dimension", label_zh=zh, label_en=en)


def _indicator(code: str, parent: str, zh: str, en: str) -> Node:
    return Node(code=code, kind="indicator", label_zh=zh, label_en=en, parent=parent)


def _item(code: str, role: str, scale: str, zh: str, en: str, parent: str | None = None) -> Node:
    return Node(code=code, kind="item", label_zh=zh, label_en=en, parent=parent, role=role, scale=scale)


def _attribute(code: str, zh: str, en: str) -> Node:
    return Node(code=code, kind="item", label_zh=zh, label_en=en, role="attribute")


# --- customer experience table --------------------------------------------------

# The six touchpoints of the textbook's customer experience table (domain.md §3).
TOUCHPOINTS = (
    ("product", "产品", "Product"),
    ("price", "价格", "Price"),
    ("convenience", "便利性", "Convenience"),
    ("brand", "品牌形象", "Brand image"),
    ("service", "服务", "Service"),
    ("relationship", "关系", "Relationship"),
)


def experience_table() -> SurveyDefinition:
    """The customer experience table (客户体验表, domain.md §3).

    One dimension `experience` with the six touchpoints as indicators
    (`product`, `price`, `convenience`, `brand`, `service`, `relationship`);
    each has four items on 1–10 scales: `<touchpoint>_p` actual experience
    (perception, 2a), `_e` expectation (2b), `_i` importance (2d, its own
    importance scale) and `_ideal` ideal experience (4a). Actual, expected and
    ideal share one rating scale, so their differences are the table's gaps.
    """
    rate = standard_scale("10", labels="rating")
    imp = standard_scale("10", labels="importance")
    nodes = [_dimension("experience", "客户体验", "Customer experience")]
    for code, zh, en in TOUCHPOINTS:
        nodes += [
            _indicator(code, "experience", zh, en),
            _item(
                f"{code}_p",
                "perception",
                rate.code,
                f"{zh}：您的实际体验如何？",
                f"{en}: how do you rate your actual experience?",
                code,
            ),
            _item(
                f"{code}_e",
                "expectation",
                rate.code,
                f"{zh}：您期望达到什么水平？",
                f"{en}: what level do you expect?",
                code,
            ),
            _item(
                f"{code}_i", "importance", imp.code, f"{zh}：对您有多重要？", f"{en}: how important is it to you?", code
            ),
            _item(
                f"{code}_ideal",
                "ideal",
                rate.code,
                f"{zh}：理想的体验应达到什么水平？",
                f"{en}: what level would an ideal experience reach?",
                code,
            ),
        ]
    return SurveyDefinition(
        title_zh="客户体验表",
        title_en="Customer experience table",
        description_zh="六个接触点的实际体验、期望、重要性与理想体验（1–10 分）。",
        description_en="Actual experience, expectation, importance and ideal experience at six touchpoints (1–10).",
        scales=(rate, imp),
        nodes=tuple(nodes),
    )


# --- SERVQUAL ---------------------------------------------------------------------

SERVQUAL_DIMENSIONS = (
    ("tangibles", "有形性", "Tangibles", 4),
    ("reliability", "可靠性", "Reliability", 5),
    ("responsiveness", "响应性", "Responsiveness", 4),
    ("assurance", "保证性", "Assurance", 4),
    ("empathy", "移情性", "Empathy", 5),
)

# (short label zh, short label en, expectation zh, expectation en, perception zh, perception en)
SERVQUAL_STATEMENTS = (
    # tangibles
    (
        "现代化的设备",
        "Modern equipment",
        "卓越的企业应当拥有现代化的设备。",
        "Excellent companies will have modern-looking equipment.",
        "该企业拥有现代化的设备。",
        "This company has modern-looking equipment.",
    ),
    (
        "设施美观",
        "Appealing facilities",
        "卓越企业的有形设施应当美观吸引人。",
        "The physical facilities at excellent companies will be visually appealing.",
        "该企业的有形设施美观吸引人。",
        "This company's physical facilities are visually appealing.",
    ),
    (
        "员工仪表整洁",
        "Neat employees",
        "卓越企业的员工应当衣着整洁、仪表得体。",
        "Employees at excellent companies will be neat in appearance.",
        "该企业的员工衣着整洁、仪表得体。",
        "This company's employees are neat in appearance.",
    ),
    (
        "服务资料美观",
        "Appealing materials",
        "卓越企业与服务相关的资料（如宣传册、对账单）应当美观吸引人。",
        "At excellent companies, materials associated with the service (such as pamphlets or statements) "
        "will be visually appealing.",
        "该企业与服务相关的资料（如宣传册、对账单）美观吸引人。",
        "This company's materials associated with the service (such as pamphlets or statements) "
        "are visually appealing.",
    ),
    # reliability
    (
        "按时兑现承诺",
        "Keeps promises on time",
        "卓越的企业承诺在某一时间做某事时，会按时做到。",
        "When excellent companies promise to do something by a certain time, they will do so.",
        "该企业承诺在某一时间做某事时，会按时做到。",
        "When this company promises to do something by a certain time, it does so.",
    ),
    (
        "真诚解决问题",
        "Sincere interest in solving problems",
        "顾客遇到问题时，卓越的企业会真诚地帮助解决。",
        "When customers have a problem, excellent companies will show a sincere interest in solving it.",
        "您遇到问题时，该企业会真诚地帮助解决。",
        "When you have a problem, this company shows a sincere interest in solving it.",
    ),
    (
        "一次做对",
        "Right the first time",
        "卓越的企业第一次就能把服务做好。",
        "Excellent companies will perform the service right the first time.",
        "该企业第一次就能把服务做好。",
        "This company performs the service right the first time.",
    ),
    (
        "按承诺时间提供服务",
        "Service at the promised time",
        "卓越的企业会在承诺的时间提供服务。",
        "Excellent companies will provide their services at the time they promise to do so.",
        "该企业在承诺的时间提供服务。",
        "This company provides its services at the time it promises to do so.",
    ),
    (
        "记录准确无误",
        "Error-free records",
        "卓越的企业坚持记录准确无误。",
        "Excellent companies will insist on error-free records.",
        "该企业坚持记录准确无误。",
        "This company insists on error-free records.",
    ),
    # responsiveness
    (
        "告知服务时间",
        "Tells when service will be performed",
        "卓越企业的员工会确切告知顾客服务何时提供。",
        "Employees of excellent companies will tell customers exactly when services will be performed.",
        "该企业的员工会确切告知您服务何时提供。",
        "Employees of this company tell you exactly when services will be performed.",
    ),
    (
        "服务迅速",
        "Prompt service",
        "卓越企业的员工会为顾客提供迅速的服务。",
        "Employees of excellent companies will give prompt service to customers.",
        "该企业的员工为您提供迅速的服务。",
        "Employees of this company give you prompt service.",
    ),
    (
        "乐于助人",
        "Willing to help",
        "卓越企业的员工总是愿意帮助顾客。",
        "Employees of excellent companies will always be willing to help customers.",
        "该企业的员工总是愿意帮助您。",
        "Employees of this company are always willing to help you.",
    ),
    (
        "及时回应请求",
        "Never too busy to respond",
        "卓越企业的员工不会因太忙而无法回应顾客的请求。",
        "Employees of excellent companies will never be too busy to respond to customers' requests.",
        "该企业的员工从不因太忙而无法回应您的请求。",
        "Employees of this company are never too busy to respond to your requests.",
    ),
    # assurance
    (
        "员工值得信赖",
        "Employees instil confidence",
        "卓越企业员工的行为会让顾客产生信任感。",
        "The behaviour of employees of excellent companies will instil confidence in customers.",
        "该企业员工的行为让您产生信任感。",
        "The behaviour of this company's employees instils confidence in you.",
    ),
    (
        "交易放心",
        "Safe transactions",
        "卓越企业的顾客在交易中会感到放心。",
        "Customers of excellent companies will feel safe in their transactions.",
        "您在与该企业的交易中感到放心。",
        "You feel safe in your transactions with this company.",
    ),
    (
        "礼貌待客",
        "Courteous employees",
        "卓越企业的员工始终对顾客以礼相待。",
        "Employees of excellent companies will be consistently courteous with customers.",
        "该企业的员工始终对您以礼相待。",
        "Employees of this company are consistently courteous with you.",
    ),
    (
        "专业知识",
        "Knowledge to answer questions",
        "卓越企业的员工具备回答顾客问题的专业知识。",
        "Employees of excellent companies will have the knowledge to answer customers' questions.",
        "该企业的员工具备回答您问题的专业知识。",
        "Employees of this company have the knowledge to answer your questions.",
    ),
    # empathy
    (
        "个别关注",
        "Individual attention",
        "卓越的企业会给予顾客个别的关注。",
        "Excellent companies will give customers individual attention.",
        "该企业给予您个别的关注。",
        "This company gives you individual attention.",
    ),
    (
        "营业时间方便",
        "Convenient operating hours",
        "卓越企业的营业时间会方便所有顾客。",
        "Excellent companies will have operating hours convenient to all their customers.",
        "该企业的营业时间方便所有顾客。",
        "This company has operating hours convenient to all its customers.",
    ),
    (
        "个性化关心",
        "Personal attention",
        "卓越企业的员工会给予顾客个性化的关心。",
        "Excellent companies will have employees who give customers personal attention.",
        "该企业的员工给予您个性化的关心。",
        "This company has employees who give you personal attention.",
    ),
    (
        "以顾客利益为重",
        "Customer's best interests at heart",
        "卓越的企业会把顾客的利益放在心上。",
        "Excellent companies will have their customers' best interests at heart.",
        "该企业把您的利益放在心上。",
        "This company has your best interests at heart.",
    ),
    (
        "了解具体需求",
        "Understands specific needs",
        "卓越企业的员工了解顾客的具体需求。",
        "The employees of excellent companies will understand the specific needs of their customers.",
        "该企业的员工了解您的具体需求。",
        "The employees of this company understand your specific needs.",
    ),
)


def servqual(*, dimension_weights: Mapping[str, float] | None = None) -> SurveyDefinition:
    """SERVQUAL: 22 statements in five dimensions, each asked as expectation and perception.

    Parasuraman, Zeithaml & Berry (1988), "SERVQUAL: a multiple-item scale for
    measuring consumer perceptions of service quality", Journal of Retailing
    64(1): 12–40 — tangibles 4, reliability 5, responsiveness 4, assurance 4,
    empathy 5 (statements 1–22 in that order). The wording is the positively
    worded form of the authors' refinement (Parasuraman, Berry & Zeithaml 1991,
    Journal of Retailing 67(4)), because this model has no reverse-scored
    items; the 1988 version words nine statements negatively.

    Dimensions `tangibles`, `reliability`, `responsiveness`, `assurance`,
    `empathy`; indicators `sq01`–`sq22`, each with `sqNN_e` (expectation) and
    `sqNN_p` (perception) on a 7-point agreement scale (`agree7`).
    dimension_weights: e.g. a 100-point allocation {"reliability": 32, ...}
    (normalised; missing dimensions get 0); equal weights by default.
    """
    agree = standard_scale("7", labels="agreement")
    known = {d[0] for d in SERVQUAL_DIMENSIONS}
    if dimension_weights is not None:
        unknown = sorted(set(dimension_weights) - known)
        if unknown:
            raise ValueError(f"unknown SERVQUAL dimension(s) {unknown}: use {sorted(known)}")
    nodes: list[Node] = []
    statements = iter(enumerate(SERVQUAL_STATEMENTS, start=1))
    for code, zh, en, count in SERVQUAL_DIMENSIONS:
        weight = 1.0 if dimension_weights is None else float(dimension_weights.get(code, 0.0))
        nodes.append(replace(_dimension(code, zh, en), weight=weight))
        for _ in range(count):
            number, (short_zh, short_en, e_zh, e_en, p_zh, p_en) = next(statements)
            ind = f"sq{number:02d}"
            nodes += [
                _indicator(ind, code, f"{number}. {short_zh}", f"{number}. {short_en}"),
                _item(f"{ind}_e", "expectation", agree.code, e_zh, e_en, ind),
                _item(f"{ind}_p", "perception", agree.code, p_zh, p_en, ind),
            ]
    rules = () if dimension_weights is None else (WeightRule(group="", method="direct"),)
    return SurveyDefinition(
        title_zh="SERVQUAL 服务质量调查",
        title_en="SERVQUAL service quality survey",
        description_zh="22 个陈述、五个维度，分别测量期望与感知（7 级同意量表），差距 = 感知 − 期望。",
        description_en="22 statements in five dimensions, each rated for expectation and perception "
        "(7-point agreement scale); gap = perception − expectation.",
        scales=(agree,),
        nodes=tuple(nodes),
        weight_rules=rules,
    )


# --- ECSI ------------------------------------------------------------------------------

# (dimension code, zh, en, role, scale label set, items as (code, zh, en))
ECSI_BLOCKS = (
    (
        "image",
        "企业形象",
        "Image",
        "perception",
        "agreement",
        (
            ("imag1", "它言行一致，值得信赖。", "It can be trusted in what it says and does."),
            ("imag2", "它经营稳健，根基牢固。", "It is stable and firmly established."),
            ("imag3", "它对社会有所贡献。", "It makes a contribution to society."),
            ("imag4", "它关心自己的客户。", "It is concerned with its customers."),
            ("imag5", "它富有创新精神、着眼未来。", "It is innovative and forward-looking."),
        ),
    ),
    (
        "expectation",
        "客户期望",
        "Expectations",
        "expectation",
        "level",
        (
            (
                "expe1",
                "成为它的客户时，您对它整体质量的期望",
                "Your expectations of its overall quality when you became a customer",
            ),
            (
                "expe2",
                "您期望它提供满足您个人需求的产品和服务",
                "Your expectations that it would meet your personal needs",
            ),
            (
                "expe3",
                "您对它的产品和服务可靠性的期望",
                "Your expectations of how reliable its products and services would be",
            ),
            ("expe4", "您对它的客户服务的期望", "Your expectations of its customer service"),
            ("expe5", "您对它性价比的期望", "Your expectations of the value for money it would offer"),
        ),
    ),
    (
        "quality",
        "感知质量",
        "Perceived quality",
        "perception",
        "rating",
        (
            ("qual1", "它的整体质量", "Its overall quality"),
            ("qual2", "网络的技术质量", "Technical quality of the network"),
            ("qual3", "客户服务与个人咨询建议", "Customer service and personal advice"),
            ("qual4", "您所使用服务的质量", "Quality of the services you use"),
            ("qual5", "所提供服务和产品的种类", "Range of services and products offered"),
        ),
    ),
    (
        "value",
        "感知价值",
        "Perceived value",
        "perception",
        "rating",
        (
            (
                "val1",
                "就质量而言，您如何评价它的资费和价格？",
                "Given the quality, how do you rate its fees and prices?",
            ),
            (
                "val2",
                "就资费和价格而言，您如何评价它的产品和服务质量？",
                "Given the fees and prices, how do you rate the quality of its products and services?",
            ),
            ("val3", "与其他运营商相比，它的性价比", "Value for money compared with other providers"),
            ("val4", "您付出的费用所换来的总体价值", "Overall value you get for what you pay"),
        ),
    ),
    (
        "satisfaction",
        "客户满意",
        "Satisfaction",
        "overall",
        "agreement",
        (
            ("sat1", "总体而言，我对这家运营商感到满意。", "Overall, I am satisfied with this provider."),
            ("sat2", "它满足了我的期望。", "It fulfils my expectations."),
            ("sat3", "它接近我心目中理想的运营商。", "It comes close to my ideal provider."),
            ("sat4", "我对选择这家运营商的决定感到满意。", "I am pleased with my decision to choose this provider."),
        ),
    ),
    (
        "complaints",
        "客户抱怨",
        "Complaints",
        "complaint",
        "rating",
        (
            (
                "comp1",
                "您最近一次投诉处理得如何（若从未投诉，您认为投诉会被处理得如何）？",
                "How well was your most recent complaint handled (or, if you never complained, how well would it be)?",
            ),
        ),
    ),
    (
        "loyalty",
        "客户忠诚",
        "Loyalty",
        "loyalty",
        "likelihood",
        (
            (
                "loy1",
                "如果现在重新选择运营商，您再次选择它的可能性有多大？",
                "If you chose a provider now, how likely is it that you would choose this one again?",
            ),
            (
                "loy2",
                "如果朋友或同事征求意见，您推荐它的可能性有多大？",
                "If a friend or colleague asked your advice, how likely is it that you would recommend it?",
            ),
            (
                "loy3",
                "如果其他运营商降价而它不降，您继续留下的可能性有多大？",
                "If other providers lowered their prices and this one did not, how likely is it that you would stay?",
            ),
            (
                "loy4",
                "两年后您仍是它的客户的可能性有多大？",
                "How likely is it that you will still be its customer in two years?",
            ),
        ),
    ),
)


def ecsi(*, include_complaints: bool = True) -> SurveyDefinition:
    """The ACSI / ECSI model blocks (domain.md §4) as dimensions, items on 0–10.

    Dimensions and item roles: `image` (imag1–5, perception), `expectation`
    (expe1–5, expectation), `quality` (qual1–5, perception), `value`
    (val1–4, perception: perceived value is judged, not a delivered-value
    part), `satisfaction` (sat1–4, overall), `complaints` (comp1, complaint;
    left out with include_complaints=False, as in the ECSI mobile data) and
    `loyalty` (loy1–4, loyalty). The codes are those of the ECSI mobile-phone
    data distributed with R plspm (Sanchez 2013), which ships without item
    wording; the questions here follow the ECSI questionnaire. All scales run
    0–10 (agreement, level, rating, likelihood anchors by block). Dimension
    weights are equal; the model's own weights come from PLS.
    """
    scales: dict[str, Scale] = {}
    nodes: list[Node] = []
    for code, zh, en, role, labels, items in ECSI_BLOCKS:
        if code == "complaints" and not include_complaints:
            continue
        scale = scales.setdefault(labels, standard_scale("0-10", labels=labels))
        nodes.append(_dimension(code, zh, en))
        nodes += [_item(c, role, scale.code, q_zh, q_en, code) for c, q_zh, q_en in items]
    return SurveyDefinition(
        title_zh="ECSI 客户满意度指数调查",
        title_en="ECSI customer satisfaction index survey",
        description_zh="欧洲客户满意度指数模型：形象、期望、感知质量、感知价值、满意、抱怨、忠诚（0–10 分）。",
        description_en="European Customer Satisfaction Index model: image, expectations, perceived quality, "
        "perceived value, satisfaction, complaints, loyalty (0–10).",
        scales=tuple(scales.values()),
        nodes=tuple(nodes),
    )


# --- course satisfaction (class exercise) ---------------------------------------------

COURSE_DIMENSIONS = (
    (
        "content",
        "教学内容",
        "Teaching content",
        (
            ("useful", "内容的实用性", "Usefulness of the content"),
            ("current", "内容的新颖性与实践性", "How current and practical the content is"),
            ("structure", "内容的条理性", "Structure of the content"),
        ),
    ),
    (
        "method",
        "教学方法",
        "Teaching method",
        (
            ("cases", "案例与实训", "Cases and practical exercises"),
            ("interact", "课堂互动与讨论", "Class interaction and discussion"),
            ("pace", "教学进度与节奏", "Pace of teaching"),
        ),
    ),
    (
        "teacher",
        "教师",
        "Teacher",
        (
            ("prepared", "教师的备课", "Teacher's preparation"),
            ("explain", "讲解的清晰度", "Clarity of explanations"),
            ("care", "对学生的关心与答疑", "Care for students and answers to questions"),
        ),
    ),
    (
        "assessment",
        "考核评价",
        "Assessment",
        (
            ("fair", "考核的公平性", "Fairness of assessment"),
            ("feedback", "作业反馈的及时性", "Timeliness of feedback on assignments"),
        ),
    ),
    (
        "resources",
        "教学资源",
        "Learning resources",
        (
            ("materials", "教材与课件", "Textbook and slides"),
            ("online", "在线学习平台", "Online learning platform"),
        ),
    ),
)


def course() -> SurveyDefinition:
    """Course satisfaction for the class exercise of domain.md §10.

    Five dimensions (`content`, `method`, `teacher`, `assessment`,
    `resources`) with 13 indicators; each indicator has `<code>_p` (actual
    satisfaction, perception) and `<code>_e` (the planned / target
    satisfaction, expectation) on the 5-point satisfaction scale. Then
    `overall` (overall satisfaction), `nps` (recommend to other students,
    0–10), loyalty items `loy_teacher`, `loy_related`, `loy_speak` (5-point
    agreement) and the attributes `wave`, `class`, `group`.
    """
    sat = standard_scale("5")
    likely = standard_scale("0-10")
    agree = standard_scale("5", labels="agreement")
    nodes: list[Node] = []
    for dim, dim_zh, dim_en, indicators in COURSE_DIMENSIONS:
        nodes.append(_dimension(dim, dim_zh, dim_en))
        for code, zh, en in indicators:
            nodes += [
                _indicator(code, dim, zh, en),
                _item(
                    f"{code}_p",
                    "perception",
                    sat.code,
                    f"{zh}：您的实际满意程度",
                    f"{en}: how satisfied are you?",
                    code,
                ),
                _item(
                    f"{code}_e",
                    "expectation",
                    sat.code,
                    f"{zh}：您期望（目标）的满意程度",
                    f"{en}: what level of satisfaction do you expect (your target)?",
                    code,
                ),
            ]
    nodes += [
        _item(
            "overall",
            "overall",
            sat.code,
            "总体而言，您对这门课程的满意程度",
            "Overall, how satisfied are you with this course?",
        ),
        _item(
            "nps",
            "recommend",
            likely.code,
            "您向其他同学推荐这门课程的可能性有多大？",
            "How likely are you to recommend this course to other students?",
        ),
        _item(
            "loy_teacher",
            "loyalty",
            agree.code,
            "我愿意再选这位老师的其他课程。",
            "I would take another course by this teacher.",
        ),
        _item(
            "loy_related",
            "loyalty",
            agree.code,
            "我愿意选修本课程的后续或相关课程。",
            "I would take a follow-up or related course.",
        ),
        _item("loy_speak", "loyalty", agree.code, "我会向别人称赞这门课程。", "I speak well of this course to others."),
        _attribute("wave", "调查批次", "Wave"),
        _attribute("class", "班级", "Class"),
        _attribute("group", "小组", "Group"),
    ]
    return SurveyDefinition(
        title_zh="课程满意度调查",
        title_en="Course satisfaction survey",
        description_zh="实训：测量全班对课程的实际满意度，并与期望（目标）满意度比较，找出最大的差距。",
        description_en="Class exercise: measure the class's actual satisfaction with a course, compare it with "
        "the expected (target) satisfaction and find the largest gaps.",
        scales=(sat, likely, agree),
        nodes=tuple(nodes),
    )


# --- canteen loyalty (class exercise) --------------------------------------------------

CANTEEN_DIMENSIONS = (
    (
        "food",
        "菜品",
        "Food",
        (
            ("food_taste", "口味", "Taste"),
            ("food_variety", "品种", "Variety"),
            ("food_portion", "分量", "Portion size"),
            ("food_fresh", "食材新鲜", "Fresh ingredients"),
        ),
    ),
    (
        "price",
        "价格",
        "Price",
        (
            ("price_level", "价格水平", "Price level"),
            ("price_value", "性价比", "Value for money"),
        ),
    ),
    (
        "hygiene",
        "卫生",
        "Hygiene",
        (
            ("hyg_food", "食品卫生", "Food hygiene"),
            ("hyg_tableware", "餐具清洁", "Clean tableware"),
            ("hyg_hall", "餐厅整洁", "Clean dining hall"),
        ),
    ),
    (
        "service",
        "服务",
        "Service",
        (
            ("serv_attitude", "服务态度", "Staff attitude"),
            ("serv_speed", "打饭速度", "Serving speed"),
            ("serv_feedback", "意见与投诉的处理", "Handling of suggestions and complaints"),
        ),
    ),
    (
        "environment",
        "就餐环境",
        "Dining environment",
        (
            ("env_seating", "座位充足", "Enough seats"),
            ("env_comfort", "环境舒适（光线、空气、噪声）", "Comfort (light, air, noise)"),
        ),
    ),
)


def canteen() -> SurveyDefinition:
    """Canteen loyalty for the class exercise of domain.md §10.

    Five dimensions (`food`, `price`, `hygiene`, `service`, `environment`)
    with perception items directly under them (`food_taste`, ...) on the
    5-point satisfaction scale; `overall`; `nps` (0–10); the loyalty
    behaviours of domain.md §6 on a 5-point agreement scale — `loy_repeat`
    (regular repeat visits), `loy_range` (buys several kinds of meals),
    `loy_recommend` (recommends actively), `loy_ignore` (ignores competitors'
    offers), `loy_tolerate` (forgives an occasional failure); attributes
    `grade` and `frequency`.
    """
    sat = standard_scale("5")
    likely = standard_scale("0-10")
    agree = standard_scale("5", labels="agreement")
    nodes: list[Node] = []
    for dim, dim_zh, dim_en, items in CANTEEN_DIMENSIONS:
        nodes.append(_dimension(dim, dim_zh, dim_en))
        nodes += [
            _item(code, "perception", sat.code, f"{zh}：您的满意程度", f"{en}: how satisfied are you?", dim)
            for code, zh, en in items
        ]
    nodes += [
        _item(
            "overall",
            "overall",
            sat.code,
            "总体而言，您对食堂的满意程度",
            "Overall, how satisfied are you with the canteen?",
        ),
        _item(
            "nps",
            "recommend",
            likely.code,
            "您向同学推荐这个食堂的可能性有多大？",
            "How likely are you to recommend this canteen to a fellow student?",
        ),
        _item("loy_repeat", "loyalty", agree.code, "我经常固定在这个食堂就餐。", "I eat at this canteen regularly."),
        _item(
            "loy_range",
            "loyalty",
            agree.code,
            "我在这里买多种餐食（早餐、正餐、小吃等）。",
            "I buy several kinds of meals here (breakfast, main meals, snacks).",
        ),
        _item(
            "loy_recommend",
            "loyalty",
            agree.code,
            "我会主动向同学推荐这个食堂。",
            "I actively recommend this canteen to fellow students.",
        ),
        _item(
            "loy_ignore",
            "loyalty",
            agree.code,
            "其他食堂或外卖有优惠时，我仍会来这里就餐。",
            "I still eat here when other canteens or take-aways offer discounts.",
        ),
        _item(
            "loy_tolerate",
            "loyalty",
            agree.code,
            "偶尔有一顿不满意，我仍会继续来这里就餐。",
            "If a meal is occasionally disappointing, I still keep coming.",
        ),
        _attribute("grade", "年级", "Year of study"),
        _attribute("frequency", "每周在此就餐次数", "Meals here per week"),
    ]
    return SurveyDefinition(
        title_zh="食堂顾客忠诚度调查",
        title_en="Canteen customer loyalty survey",
        description_zh="实训：调查学校食堂顾客的满意度与忠诚行为（重复就餐、推荐、不受竞争者优惠影响、容忍偶尔失误）。",
        description_en="Class exercise: the school canteen's customer satisfaction and loyalty behaviours "
        "(repeat visits, recommending, ignoring competitors' offers, tolerating an occasional failure).",
        scales=(sat, likely, agree),
        nodes=tuple(nodes),
    )


# --- Kano ---------------------------------------------------------------------------------

KANO_POINTS = (
    ("我喜欢这样", "I like it"),
    ("理应如此", "I expect it"),
    ("无所谓", "I am neutral"),
    ("能忍受", "I can live with it"),
    ("我不喜欢这样", "I dislike it"),
)
# feature code, Chinese and English name (a campus canteen's possible features)
KANO_FEATURES = (
    ("app_order", "手机点餐", "ordering by phone app"),
    ("clean_tables", "餐桌随时清洁", "tables cleaned at all times"),
    ("late_hours", "晚间营业到 22 点", "opening until 22:00"),
    ("nutrition", "菜品标注营养信息", "nutrition facts on every dish"),
)


def kano_scale() -> Scale:
    """The 1–5 Kano answer scale (like it · expect it · neutral · live with it · dislike it)."""
    points = tuple(ScalePoint(v, zh, en) for v, (zh, en) in enumerate(KANO_POINTS, start=1))
    return Scale(
        code="kano5",
        kind="5",
        minimum=1,
        maximum=5,
        points=points,
        name_zh="Kano 5级量表",
        name_en="Kano 5-point scale",
        allow_na=True,
    )


def kano_survey() -> SurveyDefinition:
    """A Kano feature survey (Berger et al. 1993): for each feature in `KANO_FEATURES` a functional item
    `<feature>_f` ("if the canteen offers …") and a dysfunctional one `<feature>_d` ("if it does not …") on
    the Kano scale; then a CSAT item (`csat`, 5-point satisfaction) and a CES item (`ces`, 7-point agreement
    "it was easy …"); attribute `grade`."""
    scale, sat, agree = kano_scale(), standard_scale("5"), standard_scale("7", labels="agreement")
    nodes: list[Node] = []
    for code, zh, en in KANO_FEATURES:
        nodes.append(
            _item(
                f"{code}_f",
                "kano_functional",
                scale.code,
                f"如果食堂提供{zh}，您觉得如何？",
                f"If the canteen offers {en}, how do you feel?",
            )
        )
        nodes.append(
            _item(
                f"{code}_d",
                "kano_dysfunctional",
                scale.code,
                f"如果食堂不提供{zh}，您觉得如何？",
                f"If the canteen does not offer {en}, how do you feel?",
            )
        )
    nodes += [
        _item(
            "csat",
            "csat",
            sat.code,
            "总体而言，您对食堂的服务满意吗？",
            "Overall, how satisfied are you with the canteen's service?",
        ),
        _item(
            "ces",
            "ces",
            agree.code,
            "在食堂办事（充值、点餐、退换）很容易。",
            "Getting things done at the canteen (top-ups, orders, returns) is easy.",
        ),
        _attribute("grade", "年级", "Year of study"),
    ]
    return SurveyDefinition(
        title_zh="Kano 功能需求调查",
        title_en="Kano feature survey",
        description_zh="每个功能问两道题：具备时与不具备时的感受，按 Kano 评价表归类（魅力、期望、必备、无差异）；"
        "另含 CSAT 与 CES。",
        description_en="Two questions per feature, how one feels with it and without it, classified with the Kano "
        "evaluation table (attractive, one-dimensional, must-be, indifferent); with a CSAT and a CES item.",
        scales=(scale, sat, agree),
        nodes=tuple(nodes),
    )


# --- the NPS + loyalty block -----------------------------------------------------------


def _free_code(base: str, taken: set[str]) -> str:
    code, n = base, 1
    while code in taken:
        n += 1
        code = f"{base}_{n}"
    taken.add(code)
    return code


def _with_scale(scales: list[Scale], scale: Scale) -> str:
    """The code under which `scale` is in `scales`, adding it (renamed if its code is taken)."""
    for s in scales:
        if s.code == scale.code and s == scale:
            return s.code
    code = _free_code(scale.code, {s.code for s in scales})
    scales.append(replace(scale, code=code))
    return code


def add_nps_loyalty_block(defn: SurveyDefinition) -> SurveyDefinition:
    """The definition with a recommend item, loyalty behaviours and overall satisfaction appended.

    Adds, at the top level: `nps` (recommend, 0–10) unless the survey already
    has a recommend item; the loyalty behaviours of domain.md §6 on a 5-point
    agreement scale — `loy_repurchase`, `loy_recommend`, `loy_ignore`,
    `loy_trust` (trusts and tolerates an occasional failure); and `overall`
    satisfaction when the survey has none, on a satisfaction scale as long as
    its perception items' most common scale (5, 7 or 10 points). A code or
    scale code already in use gets a suffix (`nps_2`). Returns the definition
    normalised but not checked, so a draft (say, still without a title) can
    take the block before the designer or the store checks it.
    """
    scales = list(defn.scales)
    taken = {n.code for n in defn.nodes}
    added: list[Node] = []
    if not defn.items_with_role("recommend"):
        likely = _with_scale(scales, standard_scale("0-10"))
        added.append(
            _item(
                _free_code("nps", taken),
                "recommend",
                likely,
                "您向朋友或同事推荐该企业的可能性有多大？",
                "How likely are you to recommend this company to a friend or colleague?",
            )
        )
    agree = _with_scale(scales, standard_scale("5", labels="agreement"))
    for code, zh, en in (
        (
            "loy_repurchase",
            "我会定期再次购买该企业的产品或服务。",
            "I will buy this company's products or services again regularly.",
        ),
        ("loy_recommend", "我会主动向别人推荐该企业。", "I actively recommend this company to others."),
        (
            "loy_ignore",
            "竞争对手提供优惠时，我也不会轻易转向它们。",
            "I am not easily tempted away by competitors' offers.",
        ),
        (
            "loy_trust",
            "我信任该企业，偶尔出一次差错我也能谅解。",
            "I trust this company and forgive an occasional failure.",
        ),
    ):
        added.append(_item(_free_code(code, taken), "loyalty", agree, zh, en))
    if not defn.items_with_role("overall"):
        kind = _overall_kind(defn)
        sat = _with_scale(scales, standard_scale(kind))
        added.append(
            _item(
                _free_code("overall", taken),
                "overall",
                sat,
                "总体而言，您对该企业的满意程度",
                "Overall, how satisfied are you with this company?",
            )
        )
    return replace(defn, scales=tuple(scales), nodes=(*defn.nodes, *added)).normalised()


def _overall_kind(defn: SurveyDefinition) -> str:
    spans: dict[int, int] = {}
    for item in defn.items_with_role("perception"):
        s = defn.scale(item.scale)
        if s is not None:
            spans[s.maximum - s.minimum + 1] = spans.get(s.maximum - s.minimum + 1, 0) + 1
    common = max(spans, key=spans.__getitem__) if spans else 5
    return {7: "7", 10: "10"}.get(common, "5")


# --- the catalogue -----------------------------------------------------------------------


class Template(NamedTuple):
    title_zh: str
    title_en: str
    description_zh: str
    description_en: str
    builder: Callable[..., SurveyDefinition]


def _entry(builder: Callable[..., SurveyDefinition]) -> Template:
    d = builder()
    return Template(d.title_zh, d.title_en, d.description_zh, d.description_en, builder)


TEMPLATES: dict[str, Template] = {
    "experience_table": _entry(experience_table),
    "servqual": _entry(servqual),
    "ecsi": _entry(ecsi),
    "course": _entry(course),
    "canteen": _entry(canteen),
    "kano": _entry(kano_survey),
}


def build(template_id: str, **options: object) -> SurveyDefinition:
    """The template's survey, checked and normalised, with `template=template_id`.

    Options go to the template's builder, e.g. `build("ecsi",
    include_complaints=False)` or `build("servqual", dimension_weights={...})`.
    """
    entry = TEMPLATES.get(template_id)
    if entry is None:
        raise ValueError(f"unknown template {template_id!r}: use one of {', '.join(TEMPLATES)}")
    return checked(replace(entry.builder(**options), template=template_id))
