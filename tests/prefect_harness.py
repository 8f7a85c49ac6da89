"""Prefect's test server for the session, started in the background as soon as the tests are
collected, when one of them needs it: its start (~8 s, mostly a process of its own importing and
migrating) overlaps the tests that need no Prefect, which conftest.py runs first.

It is Prefect's own `prefect_test_harness`, entered in a thread of its own. The harness makes
its settings (the API URL) the process-wide default, which this process's main thread, where
the tests run flows, sees; `wait` checks that it does.
"""

from __future__ import annotations

import threading

STARTUP_SECONDS = 120  # a loaded two-core machine; Prefect's own default, 20 s, was seen to run out
# pytest sets and removes PYTEST_CURRENT_TEST around every test in the main thread, while this thread
# reads the whole environment (Prefect's settings, imported and built here, and the server's own
# environment): a read that meets the change fails with KeyError('PYTEST_CURRENT_TEST') or a
# dictionary changed during iteration. CI saw it once (Prefect's import failed, the server never
# started, two tests failed at setup); such a start is made again.
ENVIRONMENT_RACE_ATTEMPTS = 5


def _environment_race(error: BaseException) -> bool:
    """The error of a read of os.environ that met pytest changing it."""
    if isinstance(error, KeyError):
        return error.args == ("PYTEST_CURRENT_TEST",)
    return "changed size during iteration" in str(error) or "keys changed during iteration" in str(error)


class BackgroundHarness:
    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._stop = threading.Event()
        self._error: BaseException | None = None
        self.api_url: str | None = None

    def start(self) -> None:
        """Start the server, once; returns at once."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._serve, name="prefect-test-harness", daemon=True)
            self._thread.start()

    def _serve(self) -> None:
        try:
            for attempt in range(ENVIRONMENT_RACE_ATTEMPTS):
                try:
                    self._run_harness()
                    return
                except (KeyError, RuntimeError) as error:
                    if not _environment_race(error) or attempt == ENVIRONMENT_RACE_ATTEMPTS - 1:
                        raise
        except BaseException as error:  # handed to the main thread by wait() or stop()
            self._error = error
        finally:
            self._ready.set()

    def _run_harness(self) -> None:
        from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
        from prefect.testing.utilities import prefect_test_harness

        # No flow run heartbeats: the end of every run waited up to a second for the heartbeat
        # thread's sleep (Prefect 3.8: half of a small run's second), and nothing on the test
        # server reads them. Entered first, so the harness makes it process-wide too.
        with (temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}),
              prefect_test_harness(server_startup_timeout=STARTUP_SECONDS)):
            self.api_url = PREFECT_API_URL.value()
            self._ready.set()
            self._stop.wait()

    def wait(self) -> str:
        """Start the server if it is not started, and return its API URL once it answers."""
        from prefect.settings import PREFECT_API_URL

        self.start()
        if not self._ready.wait(STARTUP_SECONDS + 30):
            raise TimeoutError(f"Prefect's test server did not start in {STARTUP_SECONDS + 30} s")
        if self._error is not None or self.api_url is None:
            raise RuntimeError("Prefect's test server did not start") from self._error
        seen = PREFECT_API_URL.value()
        if seen != self.api_url:
            raise RuntimeError(f"the tests' thread sees the Prefect API at {seen!r}, not the test server's "
                               f"{self.api_url!r}: prefect_test_harness no longer sets the process-wide settings")
        return self.api_url

    def stop(self) -> None:
        """Drain Prefect's log and event workers and stop the server (the harness's own exit)."""
        if self._thread is None:
            return
        self._stop.set()
        self._thread.join(60)
        self._thread = None
        if self._error is not None:
            raise RuntimeError("Prefect's test server failed") from self._error
