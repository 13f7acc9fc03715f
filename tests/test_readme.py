"""The README's examples work as written."""

import re
from pathlib import Path

from survey.design import definition_file
from survey.design.definition import problems

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def test_the_quick_start_is_the_two_commands_and_ci_runs_the_second():
    first = blocks("bash")[0].split()
    assert first == ["./dev.sh", "app", "./dev.sh", "test"]
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text()
    assert "./dev.sh test" in ci


def test_the_python_examples_run():
    for code in blocks("python"):
        exec(compile(code, "README.md", "exec"), {})


def test_the_definition_file_example_loads():
    (example,) = blocks("json")
    defn = definition_file.load(example.encode("utf-8"))
    assert problems(defn) == []
    assert [n.code for n in defn.nodes] == ["food", "food_taste"]


def test_the_response_file_example_imports_into_the_course_survey(tmp_path):
    from survey.design import templates
    from survey.importing import importer
    from survey.storage import store
    from survey.storage.db import open_database

    (example,) = blocks("text")
    db = open_database(f"sqlite:///{tmp_path}/readme.db")
    with db.session() as s:
        ws = store.default_workspace(s).id
        survey_id = store.create_survey(s, ws, templates.build("course")).id
        s.commit()
    result = importer.import_file(db, ws, survey_id, example.encode("utf-8"), "example.csv")
    assert not result.errors, [p.text("en") for p in result.problems]
    assert result.rows_imported == 2
    with db.session() as s:
        frame = store.responses_frame(s, ws, survey_id)
    assert frame["useful_p"].tolist()[0] == 4.0 and frame["useful_p"].isna().tolist()[1]
    assert frame["useful_e"].tolist() == [5.0, 5.0]  # 很满意 is the top of the 5-point scale
    assert frame["wave"].tolist() == ["2026-03", "2026-03"] and frame["nps"].tolist() == [9.0, 6.0]
    db.dispose()
