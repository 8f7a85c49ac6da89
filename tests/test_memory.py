"""Memory a run is done with is freed: written batches at once, and freed heap memory goes back
to the system (glibc only; elsewhere those functions do nothing)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import weakref

import pytest

from newsflow.tasks.pipeline.memory import _glibc

# Fragments the heap the way a batch does: blocks of 100 kB (below any mmap threshold, so on the
# heap), every tenth kept alive so that the freed ones are holes, not the heap's top, which
# free() alone never returns. Prints the resident MB freed by the call under test.
FRAGMENT_AND_FREE = """
import psutil
from newsflow.tasks.pipeline.memory import keep_large_blocks_off_the_heap, return_freed_memory
keep_large_blocks_off_the_heap()
process = psutil.Process()
blocks = [bytes([i % 251]) * 100_000 for i in range(1500)]
kept = blocks[::10]
del blocks
before = process.memory_info().rss
{call}
print((before - process.memory_info().rss) / 2**20)
"""


def run_mb(script: str) -> float:
    """What `script` prints, run with glibc's default malloc settings: Dask sets
    MALLOC_TRIM_THRESHOLD_ in the environment, which also fixes the mmap threshold."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("MALLOC_")}
    return float(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                                env=env).stdout)


def freed_mb(call: str) -> float:
    return run_mb(FRAGMENT_AND_FREE.format(call=call))


@pytest.mark.skipif(_glibc() is None, reason="malloc_trim and mallopt are glibc's")
def test_freed_heap_holes_go_back_to_the_system():
    assert freed_mb("pass") < 20  # free() keeps the holes ...
    assert freed_mb("return_freed_memory()") > 80  # ... of 1350 freed blocks of 100 kB (129 MB)


# Blocks of 2 MB between small kept ones. glibc's default mmap threshold rises to the size of a
# mapped block once one is freed, so that later blocks of that size come from the heap and
# stay there when freed; with the threshold fixed at 1 MB each is mapped and unmapped.
LARGE_BLOCKS = """
import psutil
from newsflow.tasks.pipeline.memory import keep_large_blocks_off_the_heap
{setup}
process = psutil.Process()
bytearray(4_000_000)  # mapped, and once freed, the threshold rises past 2 MB (unless fixed)
large, kept = [], []
for i in range(60):
    large.append(bytearray(b"x") * 2_000_000)
    kept.append(bytes([i % 251]) * 100_000)
before = process.memory_info().rss
del large
print((before - process.memory_info().rss) / 2**20)
"""


@pytest.mark.skipif(_glibc() is None, reason="malloc_trim and mallopt are glibc's")
def test_large_blocks_are_unmapped_when_freed():
    def freed(setup: str) -> float:
        return run_mb(LARGE_BLOCKS.format(setup=setup))

    assert freed("pass") < 20  # the default: 60 freed blocks of 2 MB stay in the heap ...
    assert freed("keep_large_blocks_off_the_heap()") > 100  # ... or go back (114 MB)


def test_arrow_allocates_from_malloc_once_large_blocks_are_kept_off_the_heap():
    script = ("import pyarrow as pa\n"
              "from newsflow.tasks.pipeline.memory import keep_large_blocks_off_the_heap\n"
              "keep_large_blocks_off_the_heap()\n"
              "print(pa.default_memory_pool().backend_name)")
    backend = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert backend.strip() == "system"  # glibc's malloc, which return_freed_memory trims


@pytest.mark.slow
def test_a_written_batch_is_freed_before_the_next_is_written(prefect_server, tmp_path, monkeypatch):
    """Prefect's futures around a batch's result are reference cycles: freed only by a full
    collection, which comes rarer as a run's long-lived objects grow. Automatic collection is
    off here, so only the flow's own collection after each write can free a written batch."""
    from newsflow.flows import ingest
    from newsflow.tasks.pipeline import run

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for number in range(3):
        (inbox / f"story-{number}.txt").write_text(f"Story {number}\n\n" + f"Paragraph of story {number}. " * 40)
    alive_at_write, tables = [], []
    real_write = run.write_batch

    def recording_write(batch_tables, *args, **kwargs):
        alive_at_write.append(sum(table() is not None for table in tables))
        tables.append(weakref.ref(batch_tables["documents"]))
        return real_write(batch_tables, *args, **kwargs)

    monkeypatch.setattr(run, "write_batch", recording_write)
    gc.disable()
    try:
        ingest.ingest_flow(sources=[str(inbox)], data_dir=str(tmp_path / "data"), batch_size=1, link=False,
                           compact=False, batches_in_flight=1)
    finally:
        gc.enable()
    assert alive_at_write == [0, 0, 0]
