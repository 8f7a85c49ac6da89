"""A real PostgreSQL server on loopback for the tests, started and stopped here.

PostgreSQL refuses to run as root: run by root (a CI container), the server runs as `nobody`,
in a folder of its own that `nobody` owns. The binaries are Debian's `postgresql` package's;
when they are missing, root installs the package with apt-get, and anyone else skips.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from prefect_server import free_port

UNPRIVILEGED = "nobody"


def binaries() -> Path | None:
    """The folder of initdb and postgres: Debian's newest, else the ones on the PATH."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"), key=lambda p: int(p.parts[-3]))
    if found:
        return found[-1].parent
    on_path = shutil.which("postgres")
    return Path(on_path).parent if on_path and shutil.which("initdb") else None


def postgres_binaries() -> Path:
    """The binaries, installed on the spot when this user may; else skip with the reason."""
    found = binaries()
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("PostgreSQL is not installed (Debian: apt-get install postgresql) and this user cannot install it")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"],
                    ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "postgresql"]):
        if subprocess.run(command, env=env, capture_output=True, timeout=900).returncode != 0:
            pytest.skip("apt-get could not install postgresql here")
    found = binaries()
    if found is None:
        pytest.skip("apt-get installed postgresql, but no postgres binary was found")
    return found


def as_server_user() -> dict:
    """Popen arguments that run a command as the user the server runs as (root's: nobody)."""
    if os.geteuid() != 0:
        return {}
    user = pwd.getpwnam(UNPRIVILEGED)
    return {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}


@contextmanager
def postgres_server(database: str = "prefect") -> Iterator[str]:
    """A fresh cluster on a free loopback port holding one empty `database`; yields the URL Prefect
    connects to it with (asyncpg). Its folder is removed when it stops."""
    bin_dir = postgres_binaries()
    folder = Path(tempfile.mkdtemp(prefix="newsflow-postgres-"))  # not under root's private pytest folder
    if os.geteuid() == 0:
        user = pwd.getpwnam(UNPRIVILEGED)
        os.chown(folder, user.pw_uid, user.pw_gid)
    run_as = as_server_user()
    data, port = folder / "cluster", free_port()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "HOME": str(folder)}
    try:
        subprocess.run([str(bin_dir / "initdb"), "-D", str(data), "-U", "prefect", "--auth=trust", "-E", "UTF8",
                        "--locale=C", "--no-sync"], cwd=folder, env=env, capture_output=True, check=True, timeout=300,
                       **run_as)
        log = folder / "postgres.log"
        with log.open("w") as output:
            server = subprocess.Popen([str(bin_dir / "postgres"), "-D", str(data), "-h", "127.0.0.1", "-p", str(port),
                                       "-k", str(folder), "-c", "fsync=off"], cwd=folder, env=env, stdout=output,
                                      stderr=subprocess.STDOUT, start_new_session=True, **run_as)
        try:
            wait_until_ready(bin_dir, port, server, log)
            subprocess.run([str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "prefect", database],
                           env=env, capture_output=True, check=True, timeout=60)
            yield f"postgresql+asyncpg://prefect@127.0.0.1:{port}/{database}"
        finally:
            server.send_signal(signal.SIGINT)  # PostgreSQL's "fast" shutdown
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def wait_until_ready(bin_dir: Path, port: int, server: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"postgres exited with {server.returncode}: {log.read_text()[-2000:]}")
        ready = subprocess.run([str(bin_dir / "pg_isready"), "-h", "127.0.0.1", "-p", str(port), "-q"])
        if ready.returncode == 0:
            return
        time.sleep(0.5)
    raise TimeoutError(f"postgres did not accept connections in {seconds} s: {log.read_text()[-2000:]}")
