"""The dashboard shows the work: a run against a real server, looked at in headless Chromium, and
the deployments of prefect.yaml with their schedules.

Chromium is Debian's package (no browser download); when it is missing the test installs it
with apt-get where it can, and skips with the reason where it cannot.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from prefect_server import PREFECT, REPO, client_env, prefect_server

CHROMIUM = "/usr/bin/chromium"
# Flags the machine's closed network needs: without them Chromium keeps calling out (env docs).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# The README's screenshots are refreshed only when asked: a test run leaves the clone as it was.
REFRESH_DOCS = "NEWSFLOW_REFRESH_SCREENSHOTS"


def chromium() -> str:
    """Debian's chromium, installed on the spot when this user may; else skip with the reason."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("Chromium is not installed and this user cannot apt-get install chromium")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        if subprocess.run(command, env=env, capture_output=True, timeout=600).returncode != 0:
            pytest.skip("apt-get could not install chromium here")
    return CHROMIUM


@pytest.mark.slow
@pytest.mark.browser
def test_run_and_summary_artifact_are_visible_in_the_dashboard(tmp_path):
    browser_path = chromium()
    playwright = pytest.importorskip("playwright.sync_api")
    with prefect_server(tmp_path / "server-home") as api_url:
        env = client_env(tmp_path / "client-home", api_url)
        run = subprocess.run([sys.executable, "-m", "newsflow.flows.cli", "ingest", str(REPO / "examples" / "inbox"),
                              "--data", str(tmp_path / "data")], cwd=REPO, env=env, capture_output=True, text=True,
                             timeout=300)
        assert run.returncode == 0, run.stderr[-2000:]
        ui = api_url.removesuffix("/api")
        with playwright.sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=browser_path, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{ui}/runs")
            page.get_by_text("ingest inbox").first.wait_for(timeout=60_000)
            shots = REPO / "docs" if os.environ.get(REFRESH_DOCS) else tmp_path
            page.screenshot(path=str(shots / "dashboard.png"))
            page.goto(f"{ui}/artifacts/key/ingest-summary")
            page.get_by_text("ingest inbox").first.wait_for(timeout=60_000)
            latest = page.locator("a[href*='/artifacts/artifact/']").first.get_attribute("href")
            page.goto(ui + latest)
            page.get_by_text("quarantined: empty").first.wait_for(timeout=60_000)
            assert page.get_by_text("dropped by rule: newsletter_promo").count() >= 1
            page.screenshot(path=str(shots / "summary-artifact.png"), full_page=True)
            register_deployments(env, tmp_path / "project")
            page.goto(f"{ui}/deployments")
            page.get_by_text("3 Deployments").first.wait_for(timeout=60_000)
            for name, schedule in SCHEDULES.items():  # the list shortens long schedules: each one's own page
                page.goto(f"{ui}/deployments")
                page.get_by_text(name, exact=True).first.click()
                page.get_by_text(schedule, exact=True).first.wait_for(timeout=30_000)
            browser.close()


# The deployments of prefect.yaml, and how the dashboard writes their cron schedules.
SCHEDULES = {"ingest-inbox": "Every 15 minutes every day", "ingest-feeds": "Every hour every day", "relink": "At 02:30 AM every day"}


def register_deployments(env: dict[str, str], project: Path) -> None:
    """The checkout's prefect.yaml deployed, as the README's "Scheduled runs" does it."""
    project.mkdir()
    shutil.copy(REPO / "prefect.yaml", project / "prefect.yaml")
    (project / "flows").symlink_to(REPO / "flows")
    for command in (["work-pool", "create", "newsflow-process", "--type", "process"], ["deploy", "--all"]):
        done = subprocess.run([PREFECT, *command], cwd=project, env=env, capture_output=True, text=True, timeout=300,
                              stdin=subprocess.DEVNULL)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
