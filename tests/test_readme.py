"""The README's examples work as written."""

import re
from pathlib import Path

from survey import definition_file
from survey.definition import problems

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
