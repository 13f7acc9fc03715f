"""Screenshots of the pages for the README, in zh-CN and en.

Run by hand after changing a page:  .venv/bin/python docs/make_screenshots.py
It starts the app on a fresh demo database and saves PNGs in docs/screenshots/.
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
        "surveys",
        "designer",
        "preview",
        "links",
        "import",
    )
}
EXTRA = [p.strip() for p in os.environ.get("SCREENSHOT_PAGES", "").split(",") if p.strip()]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    port = free_port()
    tmp = Path(tempfile.mkdtemp())
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/app.db"}
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
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                page.goto(base)
                page.wait_for_selector('[data-testid="stMain"]')
                page.wait_for_timeout(2500)
                if lang == "en":
                    page.locator('[data-testid="stSidebar"]').get_by_text("English").click()
                    page.wait_for_timeout(2000)
                for name, path in list(PAGES.items()) + [(e, e) for e in EXTRA]:
                    links = page.locator('[data-testid="stSidebarNav"] a')
                    target = page.locator(f'[data-testid="stSidebarNav"] a[href$="/{path}"]')
                    (target if target.count() else links.first).click()
                    page.wait_for_timeout(3000)
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
