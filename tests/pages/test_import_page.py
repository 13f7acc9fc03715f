"""The Import responses page in AppTest: a GBK file with Chinese headers, a fixed mapping, import, undo;
survey tool exports recognised, overridden, explained column by column, and a survey drafted from one."""

import sqlalchemy as sa

import metrics
from survey import analysis
from survey.access import audit
from survey.i18n import text
from survey.importing import importer
from survey.importing.sources import normalize
from survey.importing.sources.draft import draft_definition
from survey.storage import store
from survey.storage import tables as tb
from survey.storage.db import open_database
from tests.pages.conftest import open_page
from tests.survey.make_source_fixtures import FOLDER, Q_EN, Q_ZH, RESPONDENTS
from ui.i18n import plain


def course(url):
    db = open_database(url)
    with db.session() as s:
        ws = store.default_workspace(s).id
        summary = next(x for x in store.list_surveys(s, ws) if x.template == "course")
        defn = store.load_definition(s, ws, store.current_version(s, ws, summary.id).id)
        count = store.response_count(s, ws, summary.id)
    return db, ws, summary.id, defn, count


def gbk_file(defn, *, bad_row: bool = True, odd_header: bool = False) -> bytes:
    """A CSV as Excel on Chinese Windows writes it: GBK, Chinese headers (item labels)."""
    items = [n for n in defn.items_with_role("perception")][:4]
    headers = ["编号", *[n.label_zh for n in items]]
    if odd_header:
        headers[1] = "第一题（请打分）"  # matches no item: the user maps it by hand
    lines = [",".join(headers)]
    for i in range(1, 6):
        values = ["4", "5", "很满意", "3"]
        if bad_row and i == 3:
            values[1] = "9"  # off the 1–5 scale
        lines.append(",".join([f"imp-{i}", *values]))
    return ("\r\n".join(lines) + "\r\n").encode("gbk")


def test_a_gbk_file_with_a_bad_row_imports_the_valid_rows_and_can_be_undone(app, app_database):
    db, ws, survey_id, defn, before = course(app_database)
    app.session_state["survey_id"] = survey_id
    at = open_page(app, "import_responses")
    at.file_uploader(key=f"upload_{survey_id}_0").upload("结果.csv", gbk_file(defn), "text/csv").run()
    assert not at.exception
    assert any("encoding gb18030" in c.value for c in at.caption)  # read as GBK, not as UTF-8
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[text("en", "impage.rows_read")] == "5" and metrics[text("en", "impage.rows_rejected")] == "1"
    problems = next(d.value for d in at.dataframe if text("en", "imp.report_row") in d.value.columns)
    assert problems[text("en", "imp.report_row")].tolist() == [4]  # header is row 1: the third data row is row 4
    assert problems[text("en", "imp.report_value")].tolist() == ["9"]
    import_button = next(b for b in at.button if b.label == text("en", "impage.import"))
    assert import_button.disabled  # all or nothing while a row has a problem
    next(r for r in at.radio if r.label == text("en", "impage.policy")).set_value("valid_rows").run()
    next(b for b in at.button if b.label == text("en", "impage.import")).click().run()
    assert not at.exception and not at.error
    assert any(text("en", "imp.result_imported", imported=4, rejected=1, read=5) == s.value for s in at.success)
    with db.session() as s:
        assert store.response_count(s, ws, survey_id) == before + 4
        frame = store.responses_frame(s, ws, survey_id)
    first_item = defn.items_with_role("perception")[2].code
    assert frame[first_item].tail(4).tolist() == [5.0] * 4  # "很满意" became 5
    batch = next(b for b in importer.list_batches(db, ws, survey_id) if b.file_name == "结果.csv")
    at.selectbox(key=f"undo_pick_{survey_id}").set_value(batch.id).run()
    at.checkbox(key=f"undo_sure_{survey_id}_{batch.id}").check().run()
    at.button(key=f"undo_{survey_id}").click().run()
    with db.session() as s:
        assert store.response_count(s, ws, survey_id) == before
        [undone] = audit.entries(s, action="undo_import")
    assert undone.target.startswith(f"#{batch.id} · 结果.csv") and undone.detail == {"responses": 4}
    db.dispose()


def test_a_column_the_user_maps_by_hand_is_imported(app, app_database):
    db, ws, survey_id, defn, before = course(app_database)
    app.session_state["survey_id"] = survey_id
    at = open_page(app, "import_responses")
    at.file_uploader(key=f"upload_{survey_id}_0").upload(
        "odd.csv", gbk_file(defn, bad_row=False, odd_header=True), "text/csv"
    ).run()
    mapped = next(b for b in at.selectbox if b.label == "第一题（请打分）")
    assert mapped.value == ""  # nothing proposed for an unknown header
    item = defn.items_with_role("perception")[0].code
    mapped.set_value(item).run()
    next(b for b in at.button if b.label == text("en", "impage.recheck")).click().run()
    next(b for b in at.button if b.label == text("en", "impage.import")).click().run()
    assert not at.exception and not at.error
    with db.session() as s:
        frame = store.responses_frame(s, ws, survey_id)
        assert store.response_count(s, ws, survey_id) == before + 5
    assert frame[item].tail(5).tolist() == [4.0] * 5
    saved = importer.remembered_mapping(db, ws, survey_id)
    assert saved.columns["第一题（请打分）"] == item  # remembered for the next upload
    db.dispose()


# --- survey tool exports ----------------------------------------------------------------------------------


def fixture(name: str) -> bytes:
    return (FOLDER / name).read_bytes()


def upload(at, survey_id, name: str):
    owner = survey_id if survey_id is not None else "new"
    at.file_uploader(key=f"upload_{owner}_0").upload(name, fixture(name), "application/octet-stream").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def drafted_survey(url, name: str) -> int:
    """A survey drafted from the fixture, saved straight into the app's database."""
    export = normalize(fixture(name), name)
    db = open_database(url)
    with db.session() as s:
        survey_id = store.create_survey(s, store.default_workspace(s).id, draft_definition(export, "Drafted", "en")).id
        s.commit()
    db.dispose()
    return survey_id


def page_text(at) -> str:
    """Everything the page shows: element protos (labels, help texts, options) and the tables' cells."""
    parts = [d.value.to_string() for d in at.dataframe]

    def walk(node):
        if getattr(node, "proto", None) is not None:
            parts.append(str(node.proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at.main)
    return "\n".join(parts)


def fates(at) -> dict[str, tuple[str, str]]:
    """{column of the tool's file: (what it became, details)} from the column table."""
    table = next(d.value for d in at.dataframe if text("en", "impage.fate") in d.value.columns)
    return {r[0]: (r[1], r[2]) for r in table.itertuples(index=False)}


def metric(at, key: str) -> str:
    return next(m.value for m in at.metric if m.label == text("en", key))


def test_a_qualtrics_export_is_recognised_and_every_column_accounted_for(app, app_database):
    survey_id = drafted_survey(app_database, "qualtrics_text.csv")
    app.session_state["survey_id"] = survey_id
    at = upload(open_page(app, "import_responses"), survey_id, "qualtrics_text.csv")
    captions = [c.value for c in at.caption]
    assert text("en", "impage.recognised", tool="Qualtrics", confidence="100%") in captions
    assert any("3 header row(s), 6 respondents, 10 item columns" in c for c in captions)
    found = fates(at)
    assert found["ResponseId"][0] == text("en", "impage.fate.id")
    assert found["Q2_2"] == (text("en", "impage.fate.item", item=f"{Q_EN['rate']} - Pace"), "Scale · 1–5")
    assert found["Q3"][1] == "Likelihood to recommend (0–10) · 0–10"
    assert found["Q7"][1] == text("en", "src.kind.text")
    assert found["DistributionChannel"][0] == text("en", "impage.fate.field", field="Channel")
    assert found["IPAddress"] == (text("en", "impage.fate.dropped"), text("en", "src.reason.personal"))
    assert found["Q3_NPS_GROUP"][1] == text("en", "src.reason.derived")
    assert metric(at, "impage.rows_read") == "6" and metric(at, "impage.rows_valid") == "6"


def test_personal_data_is_never_shown_even_when_kept(app, app_database):
    survey_id = drafted_survey(app_database, "qualtrics_text.csv")
    app.session_state["survey_id"] = survey_id
    at = upload(open_page(app, "import_responses"), survey_id, "qualtrics_text.csv")
    next(c for c in at.checkbox if c.label == text("en", "impage.keep_personal")).check().run()
    assert not at.exception
    kept = text("en", "impage.fate.personal_kept", field="IP address")
    assert fates(at)["IPAddress"][0] == kept and fates(at)["RecipientEmail"][0].startswith("Personal data (E-mail)")
    shown = page_text(at)
    assert "R_01TestAbCdEf" in shown and "Campus poster" in shown  # answers and ids do reach the page
    for personal in ("192.0.2.1", "example.org", "First1", "Last1", "52.52"):
        assert personal not in shown
    next(b for b in at.button if b.label == text("en", "impage.import")).click().run()
    db = open_database(app_database)
    with db.session() as s:
        stored = s.execute(
            sa.select(tb.Response.answers, tb.Response.attributes, tb.Response.meta).where(
                tb.Response.survey_id == survey_id
            )
        ).all()
    assert len(stored) == 6
    for answers, attributes, meta in stored:  # kept with the response, outside what any page reads
        assert "192.0.2" not in str(answers) + str(attributes) and "example.org" not in str(answers) + str(attributes)
        assert meta["ip"].startswith("192.0.2.") and meta["email"].endswith("@example.org")
    with db.session() as s:
        frame = store.responses_frame(s, store.default_workspace(s).id, survey_id)
    db.dispose()
    assert not any("192.0.2" in str(v) for v in frame.astype(str).to_numpy().ravel())  # what dashboards read


def test_without_asking_personal_data_never_reaches_the_database_but_timings_do(app, app_database):
    survey_id = drafted_survey(app_database, "qualtrics_text.csv")
    app.session_state["survey_id"] = survey_id
    at = upload(open_page(app, "import_responses"), survey_id, "qualtrics_text.csv")
    next(b for b in at.button if b.label == text("en", "impage.import")).click().run()
    assert not at.exception
    db = open_database(app_database)
    with db.session() as s:
        metas = s.execute(sa.select(tb.Response.meta).where(tb.Response.survey_id == survey_id)).scalars().all()
    db.dispose()
    assert len(metas) == 6
    for meta in metas:
        assert not set(meta) & {"ip", "email", "name", "first_name", "last_name", "user_id", "location"}
        assert {"start_time", "end_time", "duration_seconds"} <= set(meta), meta


def test_the_recognised_tool_can_be_overridden(app, app_database):
    survey_id = drafted_survey(app_database, "qualtrics_text.csv")
    app.session_state["survey_id"] = survey_id
    at = upload(open_page(app, "import_responses"), survey_id, "qualtrics_text.csv")
    tool = next(s for s in at.selectbox if s.label == text("en", "impage.tool"))
    assert tool.value == "auto" and tool.options[0] == "Recognise automatically (Qualtrics)"
    tool.set_value("csv").run()
    assert text("en", "impage.chosen_plain") in [c.value for c in at.caption]
    assert metric(at, "impage.rows_read") == "8"  # as a plain table, the two more header rows are rows
    next(s for s in at.selectbox if s.label == text("en", "impage.tool")).set_value("wjx").run()
    assert [e.value for e in at.error] == [text("en", "src.not_this_tool", tool="Wenjuanxing (问卷星)")]
    next(s for s in at.selectbox if s.label == text("en", "impage.tool")).set_value("qualtrics").run()
    assert text("en", "impage.chosen_tool", tool="Qualtrics") in [c.value for c in at.caption]
    assert metric(at, "impage.rows_read") == "6" and metric(at, "impage.rows_rejected") == "0"


def test_codes_off_the_scale_are_asked_about_and_problems_name_the_tools_rows_and_columns(app, app_database):
    survey_id = drafted_survey(app_database, "qualtrics_numeric_bom.csv")
    app.session_state["survey_id"] = survey_id
    at = upload(open_page(app, "import_responses"), survey_id, "qualtrics_numeric_bom.csv")
    question = next(s for s in at.selectbox if s.label.startswith(f"“{Q_EN['rate']} - Pace” (column Q2_2), answer 6"))
    assert question.value == "" and "2 time(s) (rows 5, 8)" in question.label
    assert question.options == ["— not decided yet —", "Missing (not applicable, don't know)"] + [
        f"Score {p}" for p in range(1, 6)
    ]
    problems = next(d.value for d in at.dataframe if text("en", "imp.report_row") in d.value.columns)
    problems = problems.dropna(subset=[text("en", "imp.report_row")])  # the rows' problems, not the file's notices
    assert problems[text("en", "imp.report_row")].tolist() == [5, 8]  # the rows of the file, three header rows
    assert problems[text("en", "imp.report_column")].tolist() == ["Q2_2", "Q2_2"]
    assert next(b for b in at.button if b.label == text("en", "impage.import")).disabled
    question.set_value("missing").run()
    assert text("en", "impage.all_good", rows=6) in [s.value for s in at.success]
    next(b for b in at.button if b.label == text("en", "impage.import")).click().run()
    assert not at.exception and not at.error
    db = open_database(app_database)
    with db.session() as s:
        frame = store.responses_frame(s, store.default_workspace(s).id, survey_id)
    db.dispose()
    pace = next(
        n.code
        for n in draft_definition(normalize(fixture("qualtrics_numeric_bom.csv")), "x", "en").items
        if n.label_en.endswith(" - Pace")
    )
    assert frame[pace].isna().tolist() == [False, True, False, False, True, False]  # "not applicable" is missing


def test_with_no_survey_yet_a_survey_is_drafted_from_the_export_and_the_file_imported_into_it(app, app_database):
    db = open_database(app_database)
    with db.session() as s:
        ws = store.default_workspace(s).id
        for summary in store.list_surveys(s, ws):
            store.delete_survey(s, ws, summary.id)
        s.commit()
    at = upload(open_page(app, "import_responses"), None, "wjx_text.xlsx")
    recognised = text("en", "impage.recognised", tool="Wenjuanxing (问卷星)", confidence="100%")
    assert recognised in [c.value for c in at.caption]
    draft = next(d.value for d in at.dataframe if text("en", "impage.draft_role") in d.value.columns)
    roles = dict(zip(draft[text("en", "impage.draft_label")], draft[text("en", "impage.draft_role")]))
    assert roles[Q_ZH["nps"]] == "Likelihood to recommend (0–10)"
    assert roles["第2题 - 教学进度"] == "Perception / actual experience"  # a row of the matrix
    assert roles[Q_ZH["overall"]] == "Overall satisfaction" and roles[Q_ZH["comment"]] == "Open-text comment"
    summary = text("en", "impage.draft_summary", perception=4, overall=1, recommend=1, attribute=3, comment=2, scales=3)
    assert summary in [c.value for c in at.caption]
    assert not at.warning  # no question is left out
    next(x for x in at.text_input if x.label == text("en", "impage.draft_title")).input("课程反馈 2026").run()
    next(b for b in at.button if b.label == text("en", "impage.draft_save")).click().run()
    assert not at.exception
    assert [s.value for s in at.success][0].startswith("Saved the survey “课程反馈 2026”")
    assert text("en", "impage.carried", file=plain("wjx_text.xlsx")) in [i.value for i in at.info]
    assert text("en", "impage.all_good", rows=6) in [s.value for s in at.success]
    next(b for b in at.button if b.label == text("en", "impage.import")).click().run()
    assert text("en", "imp.result_imported", imported=6, rejected=0, read=6) in [s.value for s in at.success]
    with db.session() as s:
        [summary] = store.list_surveys(s, ws)
        defn = store.load_definition(s, ws, store.current_version(s, ws, summary.id).id)
        frame = store.responses_frame(s, ws, summary.id)
        [created] = audit.entries(s, action="survey_create")
        [imported] = audit.entries(s, action="import")
        [batch] = importer.list_batches(s, ws, summary.id)
    db.dispose()
    assert (imported.target, imported.detail) == ("wjx_text.xlsx", {"batch": batch.id, "tool": "wjx"})
    assert summary.title_zh == "课程反馈 2026" and len(frame) == 6
    assert (created.username, created.target, created.detail) == (
        "test-administrator",
        "课程反馈 2026",
        {"file": "wjx_text.xlsx"},
    )
    nps = analysis.recommend(analysis.analysis_inputs(defn), frame)
    assert nps.score == metrics.nps([r.nps for r in RESPONDENTS]).score
    comment = next(n for n in defn.items if n.label_zh == Q_ZH["comment"])  # the long one too, in full
    assert sorted(frame[comment.code].dropna()) == sorted(r.comment_zh for r in RESPONDENTS if r.comment_zh)
