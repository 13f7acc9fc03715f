"""The UI layer only asks: pages and ui/ never write the database themselves. A user action is one
function of survey/ that checks, writes, audits and commits (ruff's banned-api keeps sqlalchemy and
survey.storage.tables out of pages/ and ui/; this keeps the writing calls out)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WRITES = {"commit", "rollback", "flush", "add", "add_all", "delete", "execute", "merge"}


def ui_files() -> list[Path]:
    return [ROOT / "app.py", *sorted((ROOT / "pages").rglob("*.py")), *sorted((ROOT / "ui").rglob("*.py"))]


def writing_calls(path: Path, root: Path = ROOT) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value
        if node.func.attr in WRITES and isinstance(owner, ast.Name) and owner.id in {"s", "session", "db"}:
            found.append(f"{path.relative_to(root)}:{node.lineno} {owner.id}.{node.func.attr}()")
        if node.func.attr == "record" and isinstance(owner, ast.Name) and owner.id == "audit":
            found.append(f"{path.relative_to(root)}:{node.lineno} audit.record()")
    return found


def test_pages_and_ui_helpers_never_write_or_audit_themselves():
    assert [call for path in ui_files() for call in writing_calls(path)] == []


def test_the_check_finds_a_page_that_commits(tmp_path):
    page = tmp_path / "page.py"
    page.write_text("with database().session() as s:\n    s.add(row)\n    audit.record(s, who, 'x')\n    s.commit()\n")
    assert [call.split(" ", 1)[1] for call in writing_calls(page, tmp_path)] == [
        "s.add()",
        "audit.record()",
        "s.commit()",
    ]
