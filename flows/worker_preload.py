"""Imported by the fork server of the default runner's workers (flows/runners.py
`ForkedWorkersTaskRunner`), and meant for no other process: importing it loads the stages once
(Prefect's task engine, trafilatura, spaCy and its model, the language model, and a first page
through them, tasks/pipeline/warmup.py), and every worker forked after starts with them loaded.

A spawned worker loads them itself, about 4 CPU seconds each (prefect.task_engine 1.3, the stages'
imports 1.1, the models 1.0, the warm-up page 0.5), two workers beside Prefect's temporary server
on a 2-core machine; forked, the run pays them once, and the workers share the loaded pages of
memory until they write to them (bench/throughput_notes.md).
"""

from __future__ import annotations

import gc
import os

LOADED_IN_PID = os.getpid()  # a forked worker sees its fork server's pid here, not its own

import prefect.task_engine  # noqa: E402,F401  (what a worker's first task imports)

from newsflow.tasks.pipeline.warmup import load_stages  # noqa: E402

load_stages(None)  # never raises: a failure is left for the first batch to report
# Out of the collections of the workers, which would otherwise write to every object's header
# and so copy the pages they share with the fork server.
gc.freeze()
