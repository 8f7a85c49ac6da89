"""A time limit on a call, in whatever thread runs it: a Prefect worker process (perhaps not in
its main thread), a Dask worker thread, or a thread of the flow's own process.

SIGALRM reaches only a process's main thread, so a watchdog thread (one a process, started on
first use) raises `TimeLimitExceeded` in the late thread with CPython's
PyThreadState_SetAsyncExc. That interrupts Python bytecode only: a single long C call (an lxml
parse) finishes first, and the exception is raised when it returns. tasks/extract/page.py therefore
refuses, before parsing, the pages that make lxml's C code itself slow.

Why a watchdog and not a child process to kill, measured on the 181 AEB pages (bare
`prepare_document`: 18-20 ms a page on a 2-core x86-64 VM with 24 GB of RAM, running other
jobs) in a process holding spaCy:
- this watchdog: 1.2 us a page (registering and clearing a deadline; the watchdog thread
  wakes at most once a limit, not once a page), 0.007%;
- a fork a page, the result pickled back through a pipe: 62-76 ms a page (+220-285%): the
  fork of a 390 MB process, then its pages copied on write;
- a helper process a worker fed through a pipe: no cost above the noise (+-4%) a page, but a
  process of 190 MB more a worker (trafilatura, lxml, htmldate, charset_normalizer), to
  restart after each kill.
The watchdog cannot stop a long C call, so the pages known to make one are refused before
parsing (tasks/extract/page.py, 0.1 ms a page); under those caps the longest C call measured is 5 s.
The exception is raised once: after it, nothing more is raised in the thread, and a call
that is still running STUCK_REPORT_SECONDS later is logged.
"""

from __future__ import annotations

import ctypes
import logging
import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)

# A call still running this long after its exception was raised is reported: it is stuck in one
# C call, or it caught the exception and went on (no library newsflow calls does that).
STUCK_REPORT_SECONDS = 5.0


class TimeLimitExceeded(BaseException):  # noqa: N818 (named like KeyboardInterrupt, its kin)
    """Raised inside a call that outran its time limit. A BaseException, as KeyboardInterrupt is:
    library code that catches Exception to carry on (trafilatura guards its JSON-LD parser so)
    must not swallow it."""


@dataclass(slots=True)
class _Limit:
    deadline: float
    fired: bool = False
    reported: bool = False


_cond = threading.Condition(threading.Lock())
_limits: dict[int, _Limit] = {}  # thread id -> the limit of the call it runs
_wake_at = math.inf  # when the watchdog next looks, as it last decided
_watchdog_pid: int | None = None


def call_with_time_limit(seconds: float | None, fn: Callable[..., T], *args: object) -> T:
    """`fn(*args)`, or TimeLimitExceeded raised inside it once it has run `seconds` (no limit
    for None, 0 or less, or infinity). A call inside a limited call runs under the outer limit."""
    tid = threading.get_ident()
    if seconds is None or not 0 < seconds < math.inf or tid in _limits:
        return fn(*args)
    limit = _Limit(time.monotonic() + seconds)
    _start(tid, limit)
    try:
        return fn(*args)
    finally:
        try:
            _stop(tid, limit)
        except TimeLimitExceeded:  # raised as the call ended: the limit fires once, so nothing
            _stop(tid, limit)  # more can come, and this second stop cannot be interrupted


def _start(tid: int, limit: _Limit) -> None:
    global _wake_at
    with _cond:
        if _watchdog_pid != os.getpid():
            _start_watchdog()
        _limits[tid] = limit
        if limit.deadline < _wake_at:  # rarely: deadlines of one limit come in increasing order
            _wake_at = limit.deadline
            _cond.notify()


def _stop(tid: int, limit: _Limit) -> None:
    with _cond:
        if _limits.get(tid) is limit:
            del _limits[tid]
        if limit.fired:
            _raise_in(tid, None)  # withdraws an exception raised but not yet delivered


def _start_watchdog() -> None:
    global _watchdog_pid
    _watchdog_pid = os.getpid()
    threading.Thread(target=_watch, name="newsflow-time-limits", daemon=True).start()


def _watch() -> None:
    global _wake_at
    with _cond:
        while True:
            now = time.monotonic()
            wake_at = math.inf
            for tid, limit in _limits.items():
                if not limit.fired:
                    if limit.deadline <= now:
                        limit.fired = True
                        _raise_in(tid, TimeLimitExceeded)
                    else:
                        wake_at = min(wake_at, limit.deadline)
                if limit.fired and not limit.reported:
                    if now >= limit.deadline + STUCK_REPORT_SECONDS:
                        limit.reported = True
                        log.warning("thread %s is still running %.0f s past its time limit (in one long C call?)",
                                    tid, now - limit.deadline)
                    else:
                        wake_at = min(wake_at, limit.deadline + STUCK_REPORT_SECONDS)
            _wake_at = wake_at
            _cond.wait(None if wake_at == math.inf else wake_at - now)


def _raise_in(tid: int, exception: type[BaseException] | None) -> None:
    """Raise `exception` in thread `tid` at its next bytecode boundary (None: withdraw one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(tid), None if exception is None else ctypes.py_object(exception)
    )


def _after_fork_in_child() -> None:
    """A forked child has none of its parent's threads: a fresh lock, no limits, no watchdog yet."""
    global _cond, _wake_at, _watchdog_pid
    _cond = threading.Condition(threading.Lock())
    _limits.clear()
    _wake_at = math.inf
    _watchdog_pid = None


os.register_at_fork(after_in_child=_after_fork_in_child)
