"""The Analysis section in AppTest on the demo surveys, in both languages: the figures shown are those of
metrics/ called directly."""

import pytest

import metrics
from survey.design import templates
from survey.i18n import text
from tests.pages.conftest import make_app
from tests.pages.test_dashboards import chart_titled, on, table_with

LANGS = ("en", "zh")
COURSE = templates.build("course")


def _label(lang: str, code: str) -> str:
    return COURSE.node(code).label(lang)


# --- Crosstabs ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_crosstabs_show_metrics_crosstab_of_the_first_item_by_wave(app_database, lang):
    at, frame = on(make_app(lang), app_database, "Course", "crosstabs")
    direct = metrics.crosstab(frame.assign(useful_p=frame["useful_p"].round().astype("Int64")), "useful_p", "wave")
    percent = table_with(at, text(lang, "xt.col.percent", column="2026-03 (A)"))
    assert percent[text(lang, "xt.col.percent", column="2026-03 (A)")].tolist() == pytest.approx(
        direct.column_percent["2026-03"].tolist()
    )
    for letter, wave in zip("ABC", ("2026-03", "2026-06", "2026-09")):
        higher = percent[text(lang, "xt.col.higher", column=f"{wave} ({letter})")]
        assert higher.tolist() == direct.significance[wave].tolist()
    counts = table_with(at, text(lang, "xt.col.total"))
    assert counts["2026-09 (C)"].tolist() == [*direct.counts["2026-09"].tolist(), int(direct.n["2026-09"])]
    columns = table_with(at, text(lang, "xt.col.mean"))
    means = [frame.loc[frame["wave"] == w, "useful_p"].mean() for w in ("2026-03", "2026-06", "2026-09")]
    assert columns[text(lang, "xt.col.mean")].tolist() == pytest.approx(means)
    assert columns[text(lang, "chart.n")].tolist() == direct.n.tolist()
    _, data = chart_titled(at, lang, "chart.xt.title", row=_label(lang, "useful_p"), column=_label(lang, "wave"))
    assert data[0]["percent"].sum() == pytest.approx(300)
    shown = " ".join(c.value for c in at.caption)
    assert f"{direct.chi2:.2f}" in shown


@pytest.mark.parametrize("lang", LANGS)
def test_crosstabs_of_an_attribute_by_another_and_a_survey_without_attributes(app_database, lang):
    at, frame = on(make_app(lang), app_database, "Course", "crosstabs")
    at.selectbox(key="_xt_row").set_value("class").run()
    at.selectbox(key="_xt_column").set_value("group").run()
    assert not at.exception
    direct = metrics.crosstab(frame, "class", "group")
    counts = table_with(at, text(lang, "xt.col.total"))
    assert counts[text(lang, "xt.col.total")].tolist()[:-1] == direct.counts.sum(axis=1).tolist()
    assert all(f"{g} (" in " ".join(counts.columns) for g in direct.counts.columns)
    small = [c for c in counts.columns if "n<30" in c]  # every group has fewer than 30 answers: marked
    assert len(small) == len(direct.counts.columns) and direct.small.all()
    assert not any(text(lang, "xt.col.mean") == c for c in table_with(at, text(lang, "xt.col.letter")).columns)
    # the same field twice: another row is chosen and the page says why
    at.selectbox(key="_xt_row").set_value("group").run()
    assert [w.value for w in at.warning] == [text(lang, "xt.same")]
    at, _ = on(make_app(lang), app_database, "Customer experience", "crosstabs")
    assert [i.value for i in at.info] == [text(lang, "xt.none")]
