"""The run's temporary Prefect server (flows/temporary_server.py): Prefect's own server, started
by the command at its first moment, the one API of the run, and gone when the run is."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from test_faults import REPO, child_env

from newsflow.flows import cli, temporary_server
from newsflow.flows.temporary_server import TemporaryServer, server_command, server_environment


def test_the_server_is_started_as_prefect_starts_its_own(monkeypatch):
    from prefect.server.api import server as prefect_server

    started = {}

    def record(args, env, **options):
        started.update(args=args, env=env)

    monkeypatch.setattr(prefect_server.subprocess, "Popen", record)
    prefect_server.SubprocessASGIServer(port=8123)._run_uvicorn_command()
    prefect_server.SubprocessASGIServer._instances.pop(8123, None)
    assert server_command(8123) == started["args"]
    ours = server_environment()
    assert {key: ours.get(key) for key in started["env"]} == started["env"]


def test_the_server_registers_no_block_types_unless_the_user_says_so(monkeypatch):
    from prefect.settings import PREFECT_API_BLOCKS_REGISTER_ON_START, temporary_settings

    def read_by_the_server(env: dict[str, str]) -> list[str]:
        """The block settings Prefect's server reads from this environment."""
        code = ("from prefect.settings import get_current_settings as g; s = g().server; "
                "print(s.register_blocks_on_start, s.memoize_block_auto_registration)")
        return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                              check=True).stdout.split()

    for name in ("PREFECT_SERVER_REGISTER_BLOCKS_ON_START", "PREFECT_API_BLOCKS_REGISTER_ON_START",
                 "PREFECT_SERVER_MEMOIZE_BLOCK_AUTO_REGISTRATION", "PREFECT_MEMOIZE_BLOCK_AUTO_REGISTRATION"):
        monkeypatch.delenv(name, raising=False)
    assert read_by_the_server(server_environment()) == ["False", "False"]
    with temporary_settings(updates={PREFECT_API_BLOCKS_REGISTER_ON_START: True}):  # in a profile, say
        assert read_by_the_server(server_environment())[0] == "True"


def test_an_api_in_the_environment_starts_no_server(monkeypatch):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    monkeypatch.setattr(temporary_server.subprocess, "Popen", lambda *a, **k: pytest.fail("a server was started"))
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    # Prefect read its environment when this process imported it: its settings are told too.
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:4200/api"}):
        with temporary_server_unless_configured() as server:
            assert server is None


def servers_started(monkeypatch) -> list[tuple[_Stopped, dict[str, str] | None]]:
    """Stand-ins for the servers started, each with the environment it was given."""
    started: list[tuple[_Stopped, dict[str, str] | None]] = []

    def run_server(port, environment=None):
        started.append((_Stopped(), environment))
        return started[-1][0]

    monkeypatch.setattr(temporary_server, "_run_server", run_server)
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    return started


def test_the_server_starts_before_prefect_is_imported_and_is_the_runs(monkeypatch):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    started = servers_started(monkeypatch)
    expected = temporary_server.early_environment()
    with temporary_settings(restore_defaults={PREFECT_API_URL}), temporary_server_unless_configured() as server:
        ((process, environment),) = started
        assert server is not None and server.process is process
        assert environment == expected  # this process's environment and what it forces, no setting read
    assert process.stopped


def test_a_server_started_early_stops_when_a_profile_names_an_api(monkeypatch):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    started = servers_started(monkeypatch)
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:4200/api"}):  # as a profile gives it
        with temporary_server_unless_configured() as server:
            assert server is None
    ((process, _),) = started
    assert process.stopped


def test_a_server_started_early_starts_again_with_the_users_setting_of_what_it_forces(monkeypatch):
    from prefect.settings import PREFECT_API_BLOCKS_REGISTER_ON_START, PREFECT_API_URL, temporary_settings

    started = servers_started(monkeypatch)
    with temporary_settings(updates={PREFECT_API_BLOCKS_REGISTER_ON_START: True}, restore_defaults={PREFECT_API_URL}):
        with temporary_server_unless_configured() as server:
            (early, _), (again, environment) = started
            assert early.stopped and server is not None and server.process is again
            assert environment is None  # _run_server's default: server_environment(), the user's value in it
            assert server_environment()["PREFECT_SERVER_REGISTER_BLOCKS_ON_START"] == "True"


def temporary_server_unless_configured():
    return temporary_server.temporary_server_unless_configured()


class _Stopped:
    """A stand-in for the server's process: already answering, stopped on request."""

    def __init__(self) -> None:
        self.stopped = False

    def poll(self) -> None:
        return None

    def terminate(self) -> None:
        self.stopped = True

    def wait(self, timeout: float | None = None) -> int:
        return 0


def test_the_servers_address_is_this_processs_api_until_the_block_ends(monkeypatch):
    import prefect.context as prefect_context
    from prefect.settings import PREFECT_API_URL, temporary_settings

    process = _Stopped()
    monkeypatch.setattr(temporary_server, "_run_server", lambda port, environment=None: process)
    monkeypatch.setenv("PREFECT_API_URL", "")
    prior = prefect_context.GLOBAL_SETTINGS_CONTEXT
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        with temporary_server_unless_configured() as server:
            assert server is not None
            # Environment (for the workers started from here) and global settings (for Prefect's threads).
            assert os.environ["PREFECT_API_URL"] == server.api_url == f"http://127.0.0.1:{server.port}/api"
            assert prefect_context.GLOBAL_SETTINGS_CONTEXT.settings.api.url == server.api_url
            server.port += 1
            server.publish_address()  # as after a restart on another port
            assert os.environ["PREFECT_API_URL"] == prefect_context.GLOBAL_SETTINGS_CONTEXT.settings.api.url
            assert prefect_context.GLOBAL_SETTINGS_CONTEXT.settings.api.url == server.api_url
        assert process.stopped and os.environ["PREFECT_API_URL"] == ""
        assert prefect_context.GLOBAL_SETTINGS_CONTEXT is prior  # what was there is put back


def test_heartbeats_are_off_only_for_a_run_on_its_temporary_server(monkeypatch):
    from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    answering = TemporaryServer(_Stopped(), 1)  # type: ignore[arg-type]
    monkeypatch.setattr(answering, "wait_until_healthy", lambda timeout: None)
    monkeypatch.delenv("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", raising=False)
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: 90}):
        with cli.reporting_to(answering):
            assert PREFECT_FLOWS_HEARTBEAT_FREQUENCY.value() is None  # nothing outlives the run to read them
            assert PREFECT_API_URL.value() == answering.api_url
        with cli.reporting_to(None):
            assert PREFECT_FLOWS_HEARTBEAT_FREQUENCY.value() == 90  # a configured, lasting server reads them
        monkeypatch.setenv("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", "90")
        with cli.reporting_to(answering):
            assert PREFECT_FLOWS_HEARTBEAT_FREQUENCY.value() == 90  # the user's setting wins


def test_a_server_that_exits_as_it_starts_is_a_clear_error(monkeypatch):
    from prefect.settings import PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS, temporary_settings

    failed = subprocess.Popen([sys.executable, "-c", "raise SystemExit(1)"])
    failed.wait()
    with temporary_settings(updates={PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS: 5}):
        with pytest.raises(cli.UsageError, match="exited with status 1 as it started.*PREFECT_API_URL"):
            with cli.reporting_to(TemporaryServer(failed, temporary_server.free_port())):
                pytest.fail("the run went on without a server")


def _servers_under(pid: int) -> list[psutil.Process]:
    try:
        children = psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    found = []
    for child in children:
        try:
            if "uvicorn" in child.cmdline():
                found.append(child)
        except psutil.Error:
            continue
    return found


def _newsflow(tmp_path: Path, *arguments: str) -> subprocess.Popen:
    env = {key: value for key, value in child_env(tmp_path / "home").items() if key != "PREFECT_API_URL"}
    return subprocess.Popen([sys.executable, "-m", "newsflow.flows.cli", "ingest", *arguments, "--data",
                             str(tmp_path / "data")], cwd=REPO, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)


@pytest.mark.slow
def test_a_run_on_workers_starts_one_server_and_stops_it(tmp_path):
    # Batches of 2: the example inbox is no small run then, and goes to the worker processes.
    run = _newsflow(tmp_path, str(REPO / "examples" / "inbox"), "--batch-size", "2")
    parents: dict[int, int] = {}  # server pid: its parent's pid
    most_at_once = 0
    try:
        while run.poll() is None:
            servers = _servers_under(run.pid)
            most_at_once = max(most_at_once, len(servers))
            parents.update((server.pid, parent) for server in servers if (parent := _parent_pid(server)))
            time.sleep(0.1)
        output = run.stdout.read() if run.stdout else ""
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(run.pid, signal.SIGKILL)
    assert run.returncode == 0, output[-3000:]
    assert "articles" in output
    assert parents, "the run started no server"
    # None of Prefect's own, in a worker (its parent) or in a thread of the run (a second server
    # running beside the first). A server that exited because another process took its port as it
    # started is followed by one on another port (flows/temporary_server.py): one at a time.
    assert set(parents.values()) == {run.pid}, f"servers started by other processes: {parents}"
    assert most_at_once == 1, f"{most_at_once} servers running at once"
    assert not any(_a_running_server(pid) for pid in parents)


def _parent_pid(process: psutil.Process) -> int | None:
    """The parent's pid; None when the process is gone already."""
    try:
        return process.ppid()
    except psutil.Error:
        return None


def _a_running_server(pid: int) -> bool:
    try:
        process = psutil.Process(pid)
        return process.status() != psutil.STATUS_ZOMBIE and "uvicorn" in process.cmdline()
    except psutil.Error:
        return False


@pytest.mark.slow
def test_a_killed_run_leaves_no_server(tmp_path):
    run = _newsflow(tmp_path, str(REPO / "examples" / "inbox"), "--batch-size", "2")
    try:
        deadline = time.monotonic() + 120
        while not (servers := _servers_under(run.pid)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert servers, "the run started no server"
        run.send_signal(signal.SIGKILL)  # no handler, no atexit: only the kernel can stop the server
        run.wait()
        gone, alive = psutil.wait_procs(servers, timeout=15)
        assert not alive, f"the server outlived its killed run: {alive}"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(run.pid, signal.SIGKILL)
