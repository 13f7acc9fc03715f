import doctest
import math
import re
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from survey.analysis import analysis_inputs
from survey.design import templates
from survey.design.definition import ROLES, SurveyDefinition, problems

TEMPLATE_IDS = list(templates.TEMPLATES)
ECSI_CSV = Path(__file__).resolve().parents[2] / "data" / "ecsi_mobile_satisfaction.csv"


def roles_under(defn: SurveyDefinition, code: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for n in defn.children(code):
        if n.kind == "item":
            found.setdefault(n.role, []).append(n.code)
    return found


def test_the_six_templates_are_offered_in_order():
    assert TEMPLATE_IDS == ["experience_table", "servqual", "ecsi", "course", "canteen", "kano"]
    for entry in templates.TEMPLATES.values():
        title_zh, title_en, description_zh, description_en, builder = entry
        assert title_zh.strip() and title_en.strip() and description_zh.strip() and description_en.strip()
        assert callable(builder)


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_every_template_builds_a_valid_normalised_definition(template_id):
    defn = templates.build(template_id)
    assert problems(defn) == []
    assert defn.template == template_id
    assert defn.title_zh == templates.TEMPLATES[template_id].title_zh
    for (parent, group), members in defn.sibling_groups().items():
        assert math.isclose(sum(m.weight for m in members), 1.0), (parent, group)


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_every_label_is_given_in_both_languages(template_id):
    defn = templates.build(template_id)
    for text in (defn.title_zh, defn.title_en, defn.description_zh, defn.description_en):
        assert text.strip()
    for n in defn.nodes:
        assert n.label_zh.strip() and n.label_en.strip(), n.code
        assert not re.search(r"[\u4e00-\u9fff]", n.label_en), n.code  # English text holds no Chinese
        assert re.search(r"[\u4e00-\u9fff]", n.label_zh), n.code
    for s in defn.scales:
        assert s.name_zh.strip() and s.name_en.strip()
        assert s.points, s.code
        for p in s.points:
            assert p.label_zh.strip() and p.label_en.strip(), (s.code, p.value)


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_codes_are_short_ascii_and_items_are_complete(template_id):
    defn = templates.build(template_id)
    codes = [n.code for n in defn.nodes]
    assert len(codes) == len(set(codes))
    for code in codes + [s.code for s in defn.scales]:
        assert re.fullmatch(r"[a-z][a-z0-9_]{0,19}", code), code
    for item in defn.items:
        assert item.role in ROLES
        if item.role == "attribute":
            assert item.scale is None and item.parent is None
        else:
            assert defn.scale(item.scale) is not None, item.code


def test_build_refuses_an_unknown_template():
    with pytest.raises(ValueError, match="unknown template"):
        templates.build("nope")


# --- scales -------------------------------------------------------------------------------


def test_standard_scales_have_the_conventional_labels():
    five = templates.standard_scale("5")
    assert (five.minimum, five.maximum, five.allow_na) == (1, 5, True)
    assert [p.label_zh for p in five.points] == ["很不满意", "不满意", "一般", "满意", "很满意"]
    assert five.label(1, "en") == "Very dissatisfied" and five.label(3, "en") == "Neutral"
    # domain.md §2: 很不满意, 不满意, 不太满意, 一般, 较满意, 满意, 很满意
    seven = templates.standard_scale("7")
    assert [p.label_zh for p in seven.points] == ["很不满意", "不满意", "不太满意", "一般", "较满意", "满意", "很满意"]
    ten = templates.standard_scale("10")
    assert (ten.minimum, ten.maximum) == (1, 10)
    assert [p.value for p in ten.points] == [1, 10]
    nps = templates.standard_scale("0-10")
    assert (nps.minimum, nps.maximum) == (0, 10)
    assert (nps.label(0, "zh"), nps.label(0, "en")) == ("完全不可能", "Not at all likely")
    assert (nps.label(10, "zh"), nps.label(10, "en")) == ("极有可能", "Extremely likely")
    agree = templates.standard_scale("5", labels="agreement")
    assert agree.label(1, "zh") == "非常不同意" and agree.label(5, "zh") == "非常同意"
    assert templates.standard_scale("5", code="q").code == "q"
    with pytest.raises(ValueError):
        templates.standard_scale("9")
    with pytest.raises(ValueError):
        templates.standard_scale("5", labels="colour")


# --- the templates' contents ------------------------------------------------------------


def test_experience_table_has_six_touchpoints_with_four_roles_on_1_to_10():
    defn = templates.build("experience_table")
    indicators = [n for n in defn.nodes if n.kind == "indicator"]
    # domain.md §3: product, price, convenience, brand image, service, relationship
    assert [n.label_zh for n in indicators] == ["产品", "价格", "便利性", "品牌形象", "服务", "关系"]
    for ind in indicators:
        roles = roles_under(defn, ind.code)
        assert sorted(roles) == ["expectation", "ideal", "importance", "perception"]
        assert all(len(codes) == 1 for codes in roles.values())
    for item in defn.items:
        assert (defn.scale(item.scale).minimum, defn.scale(item.scale).maximum) == (1, 10)


def test_servqual_has_22_statements_asked_as_expectation_and_perception():
    defn = templates.build("servqual")
    dimensions = [n for n in defn.nodes if n.kind == "dimension"]
    # Parasuraman, Zeithaml & Berry (1988): tangibles 4, reliability 5, responsiveness 4, assurance 4, empathy 5
    assert [(d.label_zh, len(defn.children(d.code))) for d in dimensions] == [
        ("有形性", 4),
        ("可靠性", 5),
        ("响应性", 4),
        ("保证性", 4),
        ("移情性", 5),
    ]
    indicators = [n for n in defn.nodes if n.kind == "indicator"]
    assert len(indicators) == 22 and len(defn.items) == 44
    for ind in indicators:
        roles = roles_under(defn, ind.code)
        assert sorted(roles) == ["expectation", "perception"] and all(len(v) == 1 for v in roles.values())
    for item in defn.items:
        assert (defn.scale(item.scale).minimum, defn.scale(item.scale).maximum) == (1, 7)
    assert [d.weight for d in dimensions] == pytest.approx([0.2] * 5)


def test_servqual_takes_a_100_point_weight_allocation():
    points = {"tangibles": 10, "reliability": 32, "responsiveness": 22, "assurance": 19, "empathy": 17}
    defn = templates.build("servqual", dimension_weights=points)
    weights = {n.code: n.weight for n in defn.nodes if n.kind == "dimension"}
    assert weights == pytest.approx({k: v / 100 for k, v in points.items()})
    with pytest.raises(ValueError, match="unknown SERVQUAL dimension"):
        templates.build("servqual", dimension_weights={"price": 1})


def test_ecsi_items_match_the_ecsi_data_columns():
    defn = templates.build("ecsi", include_complaints=False)
    columns = [c for c in pd.read_csv(ECSI_CSV, nrows=1).columns if c not in ("Unnamed: 0", "gender")]
    assert [n.code for n in defn.items] == columns
    for item in defn.items:
        assert (defn.scale(item.scale).minimum, defn.scale(item.scale).maximum) == (0, 10)
    assert {n.code for n in defn.items_with_role("overall")} == {"sat1", "sat2", "sat3", "sat4"}
    assert {n.code for n in defn.items_with_role("loyalty")} == {"loy1", "loy2", "loy3", "loy4"}
    assert {n.code for n in defn.items_with_role("expectation")} == {f"expe{i}" for i in range(1, 6)}
    assert defn.node("qual1").role == "perception" and defn.node("qual1").parent == "quality"


def test_ecsi_has_a_complaints_block_unless_left_out():
    full = templates.build("ecsi")
    assert [n.code for n in full.items_with_role("complaint")] == ["comp1"]
    assert [n.code for n in full.nodes if n.kind == "dimension"] == [
        "image",
        "expectation",
        "quality",
        "value",
        "satisfaction",
        "complaints",
        "loyalty",
    ]
    assert templates.build("ecsi", include_complaints=False).node("complaints") is None


def test_course_template_has_actual_and_target_satisfaction_nps_loyalty_and_class_attributes():
    defn = templates.build("course")
    dimensions = [n.code for n in defn.nodes if n.kind == "dimension"]
    assert dimensions == ["content", "method", "teacher", "assessment", "resources"]
    for ind in (n for n in defn.nodes if n.kind == "indicator"):
        assert roles_under(defn, ind.code) == {"perception": [f"{ind.code}_p"], "expectation": [f"{ind.code}_e"]}
    assert [n.code for n in defn.items_with_role("attribute")] == ["wave", "class", "group"]
    (nps,) = defn.items_with_role("recommend")
    assert (defn.scale(nps.scale).minimum, defn.scale(nps.scale).maximum) == (0, 10)
    assert defn.node("loy_teacher").role == "loyalty"
    assert [n.code for n in defn.items_with_role("overall")] == ["overall"]


def test_canteen_template_asks_the_loyalty_behaviours():
    defn = templates.build("canteen")
    assert [n.code for n in defn.nodes if n.kind == "dimension"] == [
        "food",
        "price",
        "hygiene",
        "service",
        "environment",
    ]
    # domain.md §6: repeat purchase, several products, recommend actively, ignore competitors, tolerate a failure
    assert [n.code for n in defn.items_with_role("loyalty")] == [
        "loy_repeat",
        "loy_range",
        "loy_recommend",
        "loy_ignore",
        "loy_tolerate",
    ]
    assert [n.code for n in defn.items_with_role("attribute")] == ["grade", "frequency"]
    assert len(defn.items_with_role("recommend")) == 1
    assert all(
        n.parent in {"food", "price", "hygiene", "service", "environment"} for n in defn.items_with_role("perception")
    )


# --- the NPS + loyalty block ------------------------------------------------------------


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_nps_loyalty_block_adds_to_every_template_without_clashes(template_id):
    before = templates.build(template_id)
    after = templates.add_nps_loyalty_block(before)
    assert problems(after) == []
    assert len({n.code for n in after.nodes}) == len(after.nodes)
    assert [n.code for n in after.nodes[: len(before.nodes)]] == [n.code for n in before.nodes]
    assert len(after.items_with_role("recommend")) == 1
    (nps,) = after.items_with_role("recommend")
    assert (after.scale(nps.scale).minimum, after.scale(nps.scale).maximum) == (0, 10)
    assert len(after.items_with_role("loyalty")) == len(before.items_with_role("loyalty")) + 4
    assert after.items_with_role("overall")
    twice = templates.add_nps_loyalty_block(after)
    assert problems(twice) == []
    assert len({n.code for n in twice.nodes}) == len(twice.nodes)
    assert "loy_trust_2" in {n.code for n in twice.nodes}


def test_nps_loyalty_block_on_a_blank_survey():
    blank = SurveyDefinition(title_zh="新问卷", title_en="New survey", scales=(templates.standard_scale("5"),))
    added = templates.add_nps_loyalty_block(blank)
    assert problems(added) == []
    assert [n.code for n in added.items] == [
        "nps",
        "loy_repurchase",
        "loy_recommend",
        "loy_ignore",
        "loy_trust",
        "overall",
    ]
    assert added.node("overall").scale == "sat5"  # the blank's own scale is reused, not duplicated
    assert [s.code for s in added.scales] == ["sat5", "likely0_10", "agree5"]
    assert all(n.parent is None for n in added.items)
    # an untitled draft takes the block too; saving it is what reports the missing title
    untitled = templates.add_nps_loyalty_block(replace(blank, title_zh="", title_en=""))
    assert [p.message for p in problems(untitled)] == ["def.title_missing"]


def test_nps_loyalty_block_renames_a_scale_whose_code_is_taken():
    other = replace(templates.standard_scale("5", labels="importance"), code="likely0_10")
    defn = SurveyDefinition(title_zh="问卷", title_en="Survey", scales=(other,))
    added = templates.add_nps_loyalty_block(defn)
    assert problems(added) == []
    assert added.scale(added.node("nps").scale).maximum == 10
    assert added.node("nps").scale == "likely0_10_2"


def test_docstring_examples():
    result = doctest.testmod(templates)
    assert result.attempted > 0 and result.failed == 0


def test_the_kano_template_pairs_each_feature_and_a_lone_or_misnamed_kano_item_is_refused():
    defn = templates.build("kano")
    pairs = analysis_inputs(defn).kano
    assert list(pairs) == [code for code, *_ in templates.KANO_FEATURES]
    assert pairs["app_order"] == ("app_order_f", "app_order_d")
    assert [n.code for n in defn.items_with_role("csat")] == ["csat"]
    assert [n.code for n in defn.items_with_role("ces")] == ["ces"]
    lone = replace(defn, nodes=tuple(n for n in defn.nodes if n.code != "app_order_d"))
    assert [(p.message, p.params["partner"]) for p in problems(lone)] == [("def.kano_partner", "app_order_d")]
    renamed = replace(
        defn, nodes=tuple(replace(n, code="apporder") if n.code == "app_order_f" else n for n in defn.nodes)
    )
    assert "def.kano_code" in [p.message for p in problems(renamed)]


def test_a_kano_results_file_imports_its_codes_and_its_answer_labels(tmp_path):
    from survey.importing import importer
    from survey.storage import store
    from survey.storage.db import open_database

    db = open_database(f"sqlite:///{tmp_path}/kano.db")
    with db.session() as s:
        ws = store.default_workspace(s).id
        survey_id = store.create_survey(s, ws, templates.build("kano")).id
        s.commit()
    content = (
        "respondent_id,app_order_f,app_order_d,clean_tables_f,clean_tables_d,csat,ces,grade\n"
        "r1,1,5,I like it,我不喜欢这样,5,7,Y1\nr2,2,3,3,4,4,2,Y2\n"
    )
    result = importer.import_file(db, ws, survey_id, content.encode("utf-8"), "kano.csv")
    assert not result.errors and result.rows_imported == 2
    with db.session() as s:
        frame = store.responses_frame(s, ws, survey_id)
    db.dispose()
    assert frame["clean_tables_f"].tolist() == [1.0, 3.0]  # "I like it" is code 1
    assert frame["clean_tables_d"].tolist() == [5.0, 4.0]  # "我不喜欢这样" (I dislike it) is code 5
    assert frame["app_order_d"].tolist() == [5.0, 3.0] and frame["ces"].tolist() == [7.0, 2.0]
