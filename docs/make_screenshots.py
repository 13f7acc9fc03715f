"""Screenshots of the pages for the README, in zh-CN and en.

Run by hand after changing a page:  .venv/bin/python docs/make_screenshots.py
It starts the app on a fresh demo database with an administrator (who also
teaches a class of two groups) and a student who answered nothing but whose
group has a survey with answers, and saves PNGs in docs/screenshots/.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project, when run as a script

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PAGES = {
    name: name
    for name in (
        "overview",
        "gaps",
        "priorities",
        "nps",
        "loyalty",
        "model",
        "crosstabs",
        "distributions",
        "drivers",
        "trends",
        "weighting",
        "comments",
        "actions",
        "surveys",
        "designer",
        "preview",
        "links",
        "import",
        "classes",
        "exercises",
        "users",
        "audit",
    )
}
STUDENT_PAGES = ("group", "peer-review")
# the demo survey each dashboard page is shown with (a text in its title in both languages), from that page on
SURVEY_FOR = {"model": "ECSI", "crosstabs": "课程|Course", "overview": "课程|Course", "actions": "课程|Course"}
ADMIN = ("admin", "screenshot-admin")
STUDENT = ("xiaoming", "screenshot-student")


def prepare(url: str) -> None:
    """The demo database, the accounts and a class whose first group has a survey with 12 answers."""
    import random

    from survey import classroom
    from survey.access import accounts
    from survey.storage import seed, store
    from survey.storage.db import open_database

    db = open_database(url)
    with db.session() as s:
        seed.ensure_demo(s)
        admin = accounts.create_account(s, ADMIN[0], ADMIN[1], display_name="王老师", is_admin=True)
        made = classroom.create_class(s, admin.id, "市场营销 2026 春 1 班", ["第一组 · 食堂", "第二组 · 课程"])
        ws = made.workspace_id
        groups = [g.id for g in classroom.class_summary(s, ws).groups]
        student = accounts.create_account(s, STUDENT[0], STUDENT[1], display_name="小明")
        classroom.join_class(s, student.id, made.join_code, groups[0])
        survey_id = classroom.start_group_survey(s, ws, groups[0], "canteen")
        defn = classroom.group_definition(s, ws, groups[0])
        codes = classroom.indicator_codes(defn)
        classroom.set_planned(s, ws, groups[0], {c: 80.0 for c in codes})
        rng = random.Random(7)
        version = store.current_version(s, ws, survey_id)
        rows = []
        for _ in range(12):
            answers = {n.code: float(rng.choice([3, 4, 4, 5])) for n in defn.scored_items}
            for n in defn.items:
                if n.role == "recommend":
                    answers[n.code] = float(rng.choice([6, 8, 9, 10]))
            rows.append({"answers": answers})
        store.add_responses(s, ws, version.id, rows)
        s.commit()
    db.dispose()


def choose_survey(page, title: str) -> None:
    """Pick the demo survey whose title matches `title` (a regular expression) in the sidebar's survey picker."""
    import re

    label = page.locator('[data-testid="stWidgetLabel"]', has_text=re.compile(r"^\s*(问卷|Survey)\s*$"))
    picker = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has=label).first
    combobox = picker.get_by_role("combobox")
    for _ in range(5):  # open it again if the first click came mid-animation
        combobox.click()
        try:
            page.get_by_role("option", name=re.compile(title)).first.click(timeout=3000)
            break
        except Exception:
            page.keyboard.press("Escape")
    page.wait_for_timeout(3500)


def sign_in(page, username: str, password: str) -> None:
    form = page.locator('[data-testid="stForm"]')
    form.locator("input").nth(0).fill(username)
    form.locator('input[type="password"]').fill(password)
    form.get_by_test_id("stBaseButton-primaryFormSubmit").click()
    page.wait_for_timeout(3000)


EXTRA = [p.strip() for p in os.environ.get("SCREENSHOT_PAGES", "").split(",") if p.strip()]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    port = free_port()
    tmp = Path(tempfile.mkdtemp())
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/app.db"}
    prepare(env["DATABASE_URL"])
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless=true",
            f"--server.port={port}",
            "--server.address=127.0.0.1",
            "--browser.gatherUsageStats=false",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            for lang in ("zh", "en"):
                for (username, password), pages in (
                    (ADMIN, list(PAGES.items()) + [(e, e) for e in EXTRA]),
                    (STUDENT, [(p, p) for p in STUDENT_PAGES]),
                ):
                    context = browser.new_context(viewport={"width": 1400, "height": 1000})
                    page = context.new_page()
                    page.goto(base)
                    page.wait_for_selector('[data-testid="stMain"]')
                    page.wait_for_timeout(2000)
                    if username == ADMIN[0] and lang == "zh":
                        page.screenshot(path=str(OUT / "sign-in-zh.png"), full_page=False)
                    sign_in(page, username, password)
                    if lang == "en":
                        page.locator('[data-testid="stSidebar"]').get_by_text("English").click()
                        page.wait_for_timeout(2000)
                    for name, path in pages:
                        links = page.locator('[data-testid="stSidebarNav"] a')
                        target = page.locator(f'[data-testid="stSidebarNav"] a[href$="/{path}"]')
                        (target if target.count() else links.first).click()
                        page.wait_for_timeout(3500)
                        if name in SURVEY_FOR:
                            choose_survey(page, SURVEY_FOR[name])
                        page.screenshot(path=str(OUT / f"{name}-{lang}.png"), full_page=False)
                    context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(tmp, ignore_errors=True)
    print("\n".join(sorted(str(p.relative_to(ROOT)) for p in OUT.glob("*.png"))))


if __name__ == "__main__":
    main()
