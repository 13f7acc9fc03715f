import copy
import json
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from survey.design import definition_file, templates
from survey.design.definition import Choice, DefinitionError, Node, SurveyDefinition, WeightRule, problems

TEMPLATE_IDS = list(templates.TEMPLATES)
VALID_DOCS = {k: json.loads(definition_file.dump(templates.build(k))) for k in TEMPLATE_IDS}


def refused(data) -> list[tuple[str, str]]:
    """(where, message id) of every problem load() reports; fails if it accepts the data."""
    with pytest.raises(DefinitionError) as err:
        definition_file.load(data)
    assert err.value.problems
    return [(p.where, p.message) for p in err.value.problems]


def file_of(doc, ascii: bool = False) -> bytes:
    """The document as a file, NaN and broken characters included (escaped as \\uXXXX when `ascii`)."""
    return json.dumps(doc, ensure_ascii=ascii, allow_nan=True).encode("utf-8", "surrogatepass")


def small_doc() -> dict:
    return copy.deepcopy(VALID_DOCS["course"])


# --- round trip ---------------------------------------------------------------------------


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_every_template_survives_a_round_trip(template_id):
    defn = templates.build(template_id)
    assert definition_file.load(definition_file.dump(defn)) == defn
    with_block = templates.add_nps_loyalty_block(defn)
    assert definition_file.load(definition_file.dump(with_block)) == with_block


def test_round_trip_keeps_weight_rules_and_unnormalised_weights():
    defn = templates.build("servqual", dimension_weights={"reliability": 3, "empathy": 1})
    nodes = tuple(replace(n, weight=2.5) if n.code == "tangibles" else n for n in defn.nodes)
    ahp = WeightRule(group="", method="ahp", members=("tangibles", "empathy"), matrix=((1.0, 1 / 3), (3.0, 1.0)))
    changed = replace(defn, nodes=nodes, weight_rules=(ahp,), template=None)
    assert definition_file.load(definition_file.dump(changed)) == changed


def test_dump_is_pretty_utf8_json_with_a_format_marker():
    data = definition_file.dump(templates.build("course"))
    assert "课程满意度调查".encode() in data  # Chinese kept readable, not \u-escaped
    assert data.startswith(b'{\n  "format": "satisfaction-survey",\n  "version": 1,')
    doc = json.loads(data.decode("utf-8"))
    assert doc["template"] == "course"
    assert {"code": "overall", "kind": "item", "role": "overall", "scale": "sat5"}.items() <= doc["nodes"][-8].items()


def test_dump_refuses_a_definition_that_could_not_be_read_back():
    broken = SurveyDefinition(title_zh="", title_en="", nodes=(Node("a", "dimension", "维度", "Dimension"),))
    with pytest.raises(DefinitionError) as err:
        definition_file.dump(broken)
    assert [p.message for p in err.value.problems] == ["def.title_missing"]
    nan_matrix = replace(templates.build("canteen"), weight_rules=(WeightRule("", "direct", (), ((float("nan"),),)),))
    with pytest.raises(DefinitionError):
        definition_file.dump(nan_matrix)


def test_load_accepts_a_byte_order_mark_and_defaults_for_optional_fields():
    doc = small_doc()
    for node in doc["nodes"]:
        del node["weight"], node["required"], node["label_en"]
    for key in ("description_zh", "description_en", "template", "weight_rules"):
        del doc[key]
    defn = definition_file.load(b"\xef\xbb\xbf" + file_of(doc))
    assert defn.template is None and defn.description_en == "" and defn.weight_rules == ()
    assert all(n.weight == 1.0 and n.label_en == "" for n in defn.nodes)


# --- refusals, one by one -----------------------------------------------------------------


def with_change(change, ascii: bool = False) -> bytes:
    doc = small_doc()
    change(doc)
    return file_of(doc, ascii)


def set_node(field, value):
    return lambda doc: doc["nodes"][2].__setitem__(field, value)


CASES = {
    "not bytes": (None, ("file", "file.unreadable")),
    "empty": (b"  \n", ("file", "file.empty")),
    "not utf-8": ('{"title_zh": "满意"}'.encode("gb18030"), ("file", "file.not_utf8")),
    "not json": (b'{"format": "satisfaction-survey",', ("file", "file.not_json")),
    "too large": (b" " * (5 * 1024 * 1024 + 1), ("file", "file.too_large")),
    "deeply nested": (b"[" * 100_000 + b"]" * 100_000, ("file", "file.too_deep")),
    "nested within the limit of json but not ours": (
        with_change(lambda d: d.__setitem__("title_en", json.loads("[" * 40 + "]" * 40))),
        ("file", "file.too_deep"),
    ),
    "top level is a list": (b"[]", ("file", "file.not_object")),
    "no format marker": (with_change(lambda d: d.pop("format")), ("file", "file.format_bad")),
    "another format": (with_change(lambda d: d.__setitem__("format", "survey")), ("file", "file.format_bad")),
    "newer version": (with_change(lambda d: d.__setitem__("version", 2)), ("file", "file.version_bad")),
    "version as text": (with_change(lambda d: d.__setitem__("version", "1")), ("file", "file.version_bad")),
    "missing field": (with_change(lambda d: d["nodes"][0].pop("code")), ("nodes[0]", "file.field_missing")),
    "missing list": (with_change(lambda d: d.pop("nodes")), ("file", "file.field_missing")),
    "extra field": (
        with_change(lambda d: d["scales"][0].__setitem__("colour", "red")),
        ("scales[0]", "file.field_unknown"),
    ),
    "text where a number belongs": (
        with_change(set_node("weight", "0.5")),
        ("nodes[2].weight", "file.expected_number"),
    ),
    "bool where a number belongs": (with_change(set_node("weight", True)), ("nodes[2].weight", "file.expected_number")),
    "bool where a whole number belongs": (
        with_change(lambda d: d["scales"][0].__setitem__("minimum", False)),
        ("scales[0].minimum", "file.expected_integer"),
    ),
    "float where a whole number belongs": (
        with_change(lambda d: d["scales"][0]["points"][0].__setitem__("value", 1.0)),
        ("scales[0].points[0].value", "file.expected_integer"),
    ),
    "number where text belongs": (with_change(set_node("label_zh", 5)), ("nodes[2].label_zh", "file.expected_text")),
    "list where an object belongs": (
        with_change(lambda d: d["nodes"].__setitem__(1, [])),
        ("nodes[1]", "file.expected_object"),
    ),
    "object where a list belongs": (
        with_change(lambda d: d.__setitem__("scales", {})),
        ("scales", "file.expected_list"),
    ),
    "text where true/false belongs": (
        with_change(set_node("required", "yes")),
        ("nodes[2].required", "file.expected_bool"),
    ),
    "number where text or null belongs": (
        with_change(set_node("parent", 0)),
        ("nodes[2].parent", "file.expected_text_or_null"),
    ),
    "NaN": (with_change(set_node("weight", float("nan"))), ("file", "file.number_bad")),
    "Infinity": (with_change(set_node("weight", float("inf"))), ("file", "file.number_bad")),
    "overflowing number": (b'{"format": "satisfaction-survey", "version": 1e400}', ("file", "file.number_bad")),
    "a thousand digits": (
        b'{"format": "satisfaction-survey", "version": ' + b"7" * 1000 + b"}",
        ("file", "file.number_bad"),
    ),
    "NUL in a label": (with_change(set_node("label_en", "a\x00b")), ("nodes[2].label_en", "text.bad_character")),
    "bell in a label": (with_change(set_node("label_en", "a\x07b")), ("nodes[2].label_en", "text.bad_character")),
    "unit separator in a title": (
        with_change(lambda d: d.__setitem__("title_zh", "x\x1f")),
        ("title_zh", "text.bad_character"),
    ),
    "non-character in a label": (
        with_change(set_node("label_zh", "满意\ufffe")),
        ("nodes[2].label_zh", "text.bad_character"),
    ),
    "unpaired surrogate escaped": (
        with_change(set_node("label_zh", "\ud83d"), ascii=True),
        ("nodes[2].label_zh", "file.char_bad"),
    ),
    "unpaired surrogate raw": (with_change(set_node("label_zh", "\ud83d")), ("file", "file.not_utf8")),
    "huge text": (with_change(set_node("label_zh", "长" * 20_000)), ("nodes[2].label_zh", "file.text_too_long")),
    "duplicate key": (
        b'{"format": "satisfaction-survey", "format": "satisfaction-survey", "version": 1}',
        ("file", "file.key_duplicate"),
    ),
    "too many nodes": (
        with_change(lambda d: d.__setitem__("nodes", [d["nodes"][0]] * 5001)),
        ("nodes", "file.too_many"),
    ),
    "matrix of text": (
        with_change(lambda d: d.__setitem__("weight_rules", [{"group": "", "method": "ahp", "matrix": [["1"]]}])),
        ("weight_rules[0].matrix[0][0]", "file.expected_number"),
    ),
    # well-formed files whose definition has problems: the definition's own messages
    "unknown parent": (with_change(set_node("parent", "nowhere")), ("useful_p", "def.parent_missing")),
    "duplicate code": (with_change(lambda d: d["nodes"].append(d["nodes"][1])), ("useful", "def.node_duplicate")),
    "negative weight": (with_change(set_node("weight", -1)), ("useful_p", "def.weight_bad")),
    "no title": (with_change(lambda d: d.update(title_zh="", title_en="")), ("title", "def.title_missing")),
}


@pytest.mark.parametrize("case", list(CASES))
def test_load_refuses_with_a_named_problem(case):
    data, expected = CASES[case]
    assert expected in refused(data)


def test_every_file_message_is_listed_and_exercised_above():
    produced = {message for data, (_, message) in CASES.values()} | {"file.more_problems"}
    assert set(definition_file.MESSAGE_IDS) == {m for m in produced if m.startswith(("file.", "text."))}


def test_problems_name_their_place_and_carry_their_params():
    data = with_change(lambda d: (d["nodes"][2].__setitem__("weight", "x"), d["nodes"][5].pop("kind")))
    with pytest.raises(DefinitionError) as err:
        definition_file.load(data)
    found = {p.message: p for p in err.value.problems}
    assert found["file.expected_number"].params == {"where": "nodes[2].weight", "found": '"x"'}
    assert found["file.field_missing"].params == {"where": "nodes[5]", "field": "kind"}
    big = refused(b" " * (6 * 1024 * 1024))
    assert big == [("file", "file.too_large")]


def test_a_flood_of_problems_is_capped():
    data = with_change(lambda d: d.__setitem__("nodes", [{"code": 1}] * 3000))
    with pytest.raises(DefinitionError) as err:
        definition_file.load(data)
    assert len(err.value.problems) == definition_file.MAX_PROBLEMS + 1
    assert err.value.problems[-1].message == "file.more_problems"
    assert err.value.problems[-1].params["count"] > 0


def test_a_large_but_allowed_survey_loads():
    nodes = [{"code": "d", "kind": "dimension", "label_zh": "维度"}] + [
        {"code": f"i{k}", "kind": "item", "label_zh": f"题{k}", "parent": "d", "role": "perception", "scale": "s"}
        for k in range(definition_file.MAX_NODES - 1)
    ]
    doc = {
        "format": "satisfaction-survey",
        "version": 1,
        "title_zh": "大问卷",
        "title_en": "Big survey",
        "scales": [{"code": "s", "kind": "5", "minimum": 1, "maximum": 5}],
        "nodes": nodes,
    }
    defn = definition_file.load(file_of(doc))
    assert len(defn.items) == definition_file.MAX_NODES - 1


# --- property: hostile edits are loaded cleanly or refused with DefinitionError -------------


def check_outcome(data) -> None:
    try:
        defn = definition_file.load(data)
    except DefinitionError as err:
        assert err.problems
        for p in err.problems:
            assert p.message.startswith("def.") or p.message in definition_file.MESSAGE_IDS, p
            assert p.message != "file.unreadable", p  # the reader's safety net must never be needed
            assert isinstance(p.where, str) and isinstance(p.params, dict)
        return
    assert problems(defn) == []
    assert definition_file.load(definition_file.dump(defn)) == defn


def slots(value, found=None):
    """Every (container, key) in a parsed JSON document."""
    found = [] if found is None else found
    if isinstance(value, dict):
        for key, child in value.items():
            found.append((value, key))
            slots(child, found)
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found.append((value, i))
            slots(child, found)
    return found


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "\ud800",
            "dimension",
            "indicator",
            "item",
            "perception",
            "recommend",
            "attribute",
            "sat5",
            "likely0_10",
            "content",
            "useful",
            "overall",
            "ahp",
            "direct",
            "0-10",
            "custom",
        ]
    ),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=6,
)


@st.composite
def edited_files(draw) -> bytes:
    doc = copy.deepcopy(VALID_DOCS[draw(st.sampled_from(TEMPLATE_IDS))])
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        container, key = draw(st.sampled_from(slots(doc)))
        action = draw(st.sampled_from(["delete", "replace", "add", "nest", "huge", "copy"]))
        if action == "delete":
            del container[key]
        elif action == "replace":
            container[key] = draw(json_values)
        elif action == "add" and isinstance(container, dict):
            container[draw(st.text(max_size=10))] = draw(json_values)
        elif action == "add":
            container.insert(key, draw(json_values))
        elif action == "nest":
            value = container[key]
            for _ in range(draw(st.integers(min_value=1, max_value=60))):
                value = [value] if draw(st.booleans()) else {"x": value}
            container[key] = value
        elif action == "huge":
            container[key] = draw(st.sampled_from(["x", "满"])) * draw(st.sampled_from([501, 2600, 20_000]))
        else:  # copy another part of the file here: duplicate codes, objects in odd places
            other_container, other_key = draw(st.sampled_from(slots(doc)))
            container[key] = copy.deepcopy(other_container[other_key])
    return file_of(doc, draw(st.booleans()))


@settings(max_examples=250, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(edited_files())
def test_edited_files_load_cleanly_or_are_refused(data):
    check_outcome(data)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(TEMPLATE_IDS),
    st.lists(st.tuples(st.integers(min_value=0), st.binary(max_size=6), st.integers(0, 4)), min_size=1, max_size=4),
    st.integers(min_value=0),
)
def test_damaged_bytes_load_cleanly_or_are_refused(template_id, damage, cut):
    data = bytearray(definition_file.dump(templates.build(template_id)))
    for position, chunk, remove in damage:
        at = position % (len(data) + 1)
        data[at : at + remove] = chunk
    if cut % 3 == 0:
        data = data[: cut % (len(data) + 1)]
    check_outcome(bytes(data))


@settings(max_examples=100)
@given(st.binary(max_size=200) | st.text(max_size=200).map(lambda s: s.encode("utf-8")))
def test_arbitrary_bytes_are_refused(data):
    with pytest.raises(DefinitionError):
        definition_file.load(data)


def test_an_attributes_choices_travel_in_the_file_and_a_bad_one_is_named():
    classes = (Choice("1班", "一班", "Class 1"), Choice("2班"))
    defn = SurveyDefinition(
        "课程", "Course", nodes=(Node("class", "item", "班级", "Class", role="attribute", choices=classes),)
    )
    assert definition_file.load(definition_file.dump(defn)) == defn
    doc = json.loads(definition_file.dump(defn))
    doc["nodes"][0]["choices"].append({"value": "1班"})
    with pytest.raises(DefinitionError) as refused:
        definition_file.load(json.dumps(doc).encode())
    assert [p.message for p in refused.value.problems] == ["def.choice_duplicate"]
    assert (
        "choices"
        not in json.loads(definition_file.dump(replace(defn, nodes=(replace(defn.nodes[0], choices=()),))))["nodes"][0]
    )
