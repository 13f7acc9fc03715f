"""Every text a user can see exists in both languages, with the same placeholders."""

import re
import string
from pathlib import Path

from survey.design import definition_file
from survey.design.definition import NODE_KINDS, ROLES, SCALE_KINDS, WEIGHT_METHODS
from survey.i18n import MESSAGES, text

ROOT = Path(__file__).resolve().parents[2]
USED = re.compile(r"""\b(?:t|text|show_problems|Problem)\((?:[^()"']*?,\s*)?["']([a-z_]+\.[a-z0-9_.\-]+)["']""")


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_have_every_message_with_the_same_placeholders():
    for key, (zh, en) in MESSAGES.items():
        assert zh.strip() and en.strip(), key
        assert placeholders(zh) == placeholders(en), key


def test_every_message_id_in_the_code_is_translated():
    used = set(definition_file.MESSAGE_IDS)
    for folder in ("app.py", "pages", "ui", "survey"):
        for path in [ROOT / folder] if folder.endswith(".py") else (ROOT / folder).rglob("*.py"):
            used |= set(USED.findall(path.read_text(encoding="utf-8")))
    used |= {f"role.{r}" for r in ROLES} | {f"kind.{k}" for k in NODE_KINDS}
    used |= {f"scalekind.{k}" for k in SCALE_KINDS} | {f"method.{m}" for m in WEIGHT_METHODS}
    missing = sorted(k for k in used if k not in MESSAGES)
    assert missing == []
    assert len(used) > 100  # the scan found the calls


def test_text_fills_placeholders_and_shows_an_unknown_id_as_itself():
    assert text("en", "surveys.created", title="X") == "Created the survey “X”."
    assert text("zh", "surveys.created", title="X") == "已创建问卷“X”。"
    assert text("en", "no.such.key") == "no.such.key"
