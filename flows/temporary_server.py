"""The run's temporary Prefect server, started by the `newsflow` command itself at its first moment.

Prefect starts a temporary server (a uvicorn process) when a flow runs with no API configured,
but only once the flow is called: after the command has imported the flow, its tasks and the
server's own modules (FastAPI, SQLAlchemy, docket: 1.5 CPU s in the command's process), all on
one core while the other waits. Started here, as soon as Prefect's settings say no API is
configured, the server's own start runs on the other core beside those imports
(bench/throughput_notes.md has the timelines). It is the same server, run by the same command
with the same environment as Prefect's `SubprocessASGIServer` (tests/test_temporary_server.py
holds the two command lines equal), and it reports to the same database.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# uvicorn's exit status when it cannot bind its port: another process took the free port found
# between our finding it and uvicorn's binding it. Prefect starts again on another port then.
PORT_TAKEN_EXIT = 3
HEALTH_POLL_SECONDS = 0.05
STOP_WAIT_SECONDS = 5.0  # as Prefect's SubprocessASGIServer.stop: then it is killed


class ServerDidNotStart(RuntimeError):
    """The temporary server exited, or did not answer in time."""


@dataclass
class TemporaryServer:
    """A temporary Prefect server process and the address of its API."""

    process: subprocess.Popen[bytes]
    port: int
    on_new_address: Callable[[], None] | None = None  # what to tell when the API URL changes

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def wait_until_healthy(self, timeout: float) -> None:
        """Return once the API answers its health check; ServerDidNotStart if the server exits or
        does not answer within `timeout` seconds."""
        no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # 127.0.0.1 is never proxied
        deadline = time.monotonic() + timeout
        while True:
            exit_status = self.process.poll()
            if exit_status == PORT_TAKEN_EXIT:
                self.restart_on_another_port()
            elif exit_status is not None:
                raise ServerDidNotStart(f"Prefect's temporary server exited with status {exit_status} as it started "
                                        "(its errors are above)")
            with contextlib.suppress(urllib.error.URLError, OSError):
                with no_proxy.open(f"{self.api_url}/health", timeout=2) as response:
                    if response.status == 200:
                        return
            if time.monotonic() > deadline:
                raise ServerDidNotStart(f"Prefect's temporary server did not answer within {timeout:g} s "
                                        "(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS)")
            time.sleep(HEALTH_POLL_SECONDS)

    def restart_on_another_port(self) -> None:
        self.port = free_port()
        self.process = _run_server(self.port)
        self.publish_address()

    def publish_address(self) -> None:
        """Tell `on_new_address` (which makes the URL this process's API) that the URL changed."""
        if self.on_new_address is not None:
            self.on_new_address()

    def stop(self) -> None:
        """Stop the server as Prefect stops its own: SIGTERM, then SIGKILL after STOP_WAIT_SECONDS."""
        self.process.terminate()
        try:
            self.process.wait(timeout=STOP_WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextmanager
def temporary_server_unless_configured() -> Iterator[TemporaryServer | None]:
    """A temporary Prefect server started now, stopped when the block ends, and this process's
    API until then; None when Prefect's settings (environment, profile, prefect.toml ...) name an
    API to report to, or allow no temporary server.

    Importing Prefect's settings imports Prefect (1.1-1.3 s on one core). Unless the environment
    names an API, the server is started before that, with the environment it would be given
    after (`early_environment`), and stopped if the settings then name an API after all (a
    profile's PREFECT_API_URL); it is started again with `server_environment` where the user's
    settings give one of the settings the early environment sets."""
    early = None if os.environ.get("PREFECT_API_URL") else _started(early_environment())
    try:
        from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_ALLOW_EPHEMERAL_MODE

        configured = bool(PREFECT_API_URL.value()) or not PREFECT_SERVER_ALLOW_EPHEMERAL_MODE.value()
        if early is not None and (configured or _overridden_by_the_user()):
            early.stop()
            early = None
    except BaseException:
        if early is not None:
            early.stop()
        raise
    if configured:
        yield None  # Prefect's own behaviour, unchanged
        return
    server = early if early is not None else _started()
    try:
        with _api_of_this_process(server):
            yield server
    finally:
        server.stop()


@contextmanager
def _api_of_this_process(server: TemporaryServer) -> Iterator[None]:
    """`server`'s API URL in this process's environment and Prefect's global settings: every
    thread (Prefect's log and event workers read the settings on threads of their own, where a
    context's temporary settings do not reach, and start a temporary server of their own without
    an API) and every process started from here (the batch workers) report to it. What was
    there before is put back after, as Prefect's own test harness puts back the global settings
    it replaces (prefect.context `_temporary_global_settings_context`)."""
    import prefect.context as prefect_context
    from prefect.settings import PREFECT_API_URL, get_current_settings

    prior_settings = prefect_context.GLOBAL_SETTINGS_CONTEXT
    prior_url = os.environ.get("PREFECT_API_URL")

    def publish() -> None:
        os.environ["PREFECT_API_URL"] = server.api_url
        settings = get_current_settings().copy_with_update(updates={PREFECT_API_URL: server.api_url})
        prefect_context.GLOBAL_SETTINGS_CONTEXT = prefect_context.SettingsContext(profile=prior_settings.profile,
                                                                                  settings=settings)

    server.on_new_address = publish
    try:
        publish()
        yield
    finally:
        server.on_new_address = None
        os.environ.pop("PREFECT_API_URL", None)
        if prior_url is not None:
            os.environ["PREFECT_API_URL"] = prior_url
        prefect_context.GLOBAL_SETTINGS_CONTEXT = prior_settings


def _started(environment: dict[str, str] | None = None) -> TemporaryServer:
    """A server started on a free port, with `environment` (by default `server_environment`)."""
    port = free_port()
    return TemporaryServer(_run_server(port, environment), port)


def _overridden_by_the_user() -> bool:
    """Whether the user's settings (environment, profile, prefect.toml ...) give one of the
    settings `early_environment` sets: only there can the server started early differ from one
    started with `server_environment`, since it reads the rest of the user's settings itself."""
    from prefect.settings import get_current_settings

    given = get_current_settings().to_environment_variables(exclude_unset=True)
    return any(name in given for name in _SETTINGS_FORCED)


def server_command(port: int) -> list[str]:
    """The command line of Prefect's SubprocessASGIServer (Prefect 3.8) for `port`; Prefect's
    folder found without importing it (`prefect.__module_path__` is that of its __init__.py)."""
    spec = importlib.util.find_spec("prefect")
    assert spec is not None and spec.origin is not None, "Prefect is installed with newsflow"
    return [sys.executable, "-m", "uvicorn", "--app-dir", str(Path(spec.origin).parent.parent), "--factory",
            "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
            "--log-level", "error", "--lifespan", "on"]


# What newsflow's temporary server is spared, unless the user's settings say otherwise: Prefect
# registers every installed block type when its server starts, and loads every installed Prefect
# collection (prefect-dask's Dask among them) to find them, before the server answers. No run of
# newsflow uses a block, and a block saved later registers its own type (Prefect's Block.save); a
# server started with `prefect server start` still registers them all. Measured on the example
# inbox's machine: the server answered 2.9-3.0 s after it was started without the registration,
# 3.3-3.6 s with it, and nothing starts a run's batches before it answers.
NO_BLOCK_REGISTRATION = {"PREFECT_SERVER_REGISTER_BLOCKS_ON_START": "false",
                         "PREFECT_SERVER_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false"}


# What Prefect sets for its temporary server (the UI off, the server told it is ephemeral, with no
# background services, and the last app of its process), and NO_BLOCK_REGISTRATION.
_FORCED = {**NO_BLOCK_REGISTRATION, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
           "PREFECT__SERVER_FINAL": "1"}
# The settings among them, by the names Prefect's settings give them (PREFECT_UI_ENABLED is an
# alias; the PREFECT__SERVER_ variables are no settings).
_SETTINGS_FORCED = ("PREFECT_SERVER_UI_ENABLED", *NO_BLOCK_REGISTRATION)


def server_environment() -> dict[str, str]:
    """The environment Prefect gives its temporary server (`_FORCED` over this process's, and
    this process's settings). A setting the user gave, under any of its names, is among this
    process's settings under its own name, and wins."""
    from prefect.settings import get_current_settings

    return {**early_environment(), **get_current_settings().to_environment_variables(exclude_unset=True)}


def early_environment() -> dict[str, str]:
    """`server_environment` as it is before Prefect is imported: without the user's settings,
    which the server reads itself from the same environment, profile and files."""
    return {**os.environ, **_FORCED}


def _run_server(port: int, environment: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(server_command(port), env=environment or server_environment(),
                            preexec_fn=_stop_with_parent())


def _stop_with_parent() -> Callable[[], None] | None:
    """What the server's process runs before the server: asking Linux for a SIGTERM when the
    `newsflow` process dies, even by SIGKILL, so that a killed run leaves no server behind
    (tests/test_temporary_server.py). None elsewhere: the server then stops only with a run that
    ends. The C function is looked up here, not in the forked child, where only it is called."""
    if not sys.platform.startswith("linux"):
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    pr_set_pdeathsig = 1
    return lambda: prctl(pr_set_pdeathsig, signal.SIGTERM)


def free_port() -> int:
    """A TCP port of 127.0.0.1 free now (the kernel's choice)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
