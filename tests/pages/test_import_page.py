"""The Import responses page in AppTest: a GBK file with Chinese headers, a fixed mapping, import, undo."""

from survey import importer, store
from survey.db import open_database
from survey.i18n import text
from tests.pages.conftest import open_page


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
