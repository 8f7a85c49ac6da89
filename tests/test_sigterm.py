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


@pytest.mark.slow
def test_sigterm_stops_a_run_stuck_on_a_dripping_server_within_ten_seconds(tmp_path):
    urls = tmp_path / "urls.txt"
    with fake_site() as site:
        urls.write_text(f"{site.base}/drip\n")
        command = [sys.executable, "-m", "newsflow.flows.cli", "ingest", "--urls", str(urls), "--data", str(tmp_path / "data"),
                   "--allow-private-hosts", "--fetch-deadline", "600", "--fetch-timeout", "600"]
        run = subprocess.Popen(command, cwd=REPO, env=child_env(tmp_path / "home"), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            assert site.dripping.wait(180), "the run never reached the dripping page"
            run.send_signal(signal.SIGTERM)
            sent = time.monotonic()
            run.wait(timeout=30)
            assert time.monotonic() - sent < 10
        finally:
            if run.poll() is None:
                os.killpg(run.pid, signal.SIGKILL)
                run.wait()
