"""SIGTERM stops a fetching run promptly, however slowly a server answers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from fakesite import fake_site
from test_faults import REPO, child_env


def processes_in_group(group: int) -> list[str]:
    """The processes of a process group still alive (zombies aside), as `pid command` lines."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if os.getpgid(int(entry)) != group:
                continue
            with open(f"/proc/{entry}/stat") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                    continue
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                arguments = cmdline.read().replace(b"\0", b" ").decode(errors="replace")
            found.append(f"{entry} {arguments[:200]}")
        except (ProcessLookupError, FileNotFoundError, PermissionError):
            continue
    return found


def processes_left(group: int, grace: float = 10.0) -> list[str]:
    """The group's processes still alive once they had `grace` seconds to exit: a child such as
    multiprocessing's resource tracker exits on its own when it sees its parent gone, which on a
    loaded machine is not at once."""
    deadline = time.monotonic() + grace
    while (left := processes_in_group(group)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


@pytest.mark.slow
def test_sigterm_stops_a_run_stuck_on_a_dripping_server_within_ten_seconds(tmp_path):
    urls = tmp_path / "urls.txt"
    with fake_site() as site:
        urls.write_text(f"{site.base}/drip\n")
        command = [sys.executable, "-m", "newsflow.flows.cli", "ingest", "--urls", str(urls), "--data", str(tmp_path / "data"),
                   "--allow-private-hosts", "--fetch-deadline", "600", "--fetch-timeout", "600"]
        run = subprocess.Popen(command, cwd=REPO, env=child_env(tmp_path / "home"), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
        left: list[str] = []
        try:
            assert site.dripping.wait(180), "the run never reached the dripping page"
            run.send_signal(signal.SIGTERM)
            sent = time.monotonic()
            run.wait(timeout=30)
            assert time.monotonic() - sent < 10
            left = processes_left(run.pid)  # the run's own children: its temporary Prefect server
        finally:
            try:
                os.killpg(run.pid, signal.SIGKILL)  # whatever of the run is left, never beyond the test
            except ProcessLookupError:
                pass
            run.wait()
    assert left == [], "a SIGTERM'd run left processes running (its temporary Prefect server?)"
