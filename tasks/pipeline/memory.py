"""Handing freed heap memory back to the system (glibc's malloc; elsewhere these do nothing).

A long run allocates and frees large buffers over and over: each batch's pickled pages and
rows in the flow's process, lxml trees and spaCy arrays in the workers. glibc keeps freed heap
memory for reuse, and its default, dynamic mmap threshold rises after each large free, so that
blocks of megabytes come from the heap and fragment it: in a 10k-document run the flow's
process grew by ~5 MB a batch, 350 MB of which one malloc_trim gave back (as measured).

Arrow's own default pool (mimalloc in the pyarrow wheels) keeps what a batch's tables freed in
its own arenas, out of malloc_trim's reach: on 700 of bench/corpus.py's distinct pages, in batches
of 100, a worker held 580-598 MB (PSS) with it and 519-526 MB with the system pool; over 1,000
pages through `newsflow ingest` the run's summed peak fell from 1,791 to 1,538 MB (as measured).
"""

from __future__ import annotations

import ctypes
from functools import lru_cache

import pyarrow as pa

M_MMAP_THRESHOLD = -3  # mallopt's parameter number, from glibc's malloc.h
# Blocks this large are mapped on their own and unmapped when freed; a fixed value also turns
# off glibc's raising of the threshold. Far above what Python objects of a line or a span take.
LARGE_BLOCK_BYTES = 1 << 20


@lru_cache(maxsize=1)
def _glibc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return None
    return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None


def keep_large_blocks_off_the_heap() -> None:
    """Serve blocks of a megabyte or more from mmap, so that freeing them returns them, and
    Arrow's buffers from malloc, so that malloc_trim reaches what they leave."""
    pa.set_memory_pool(pa.system_memory_pool())
    libc = _glibc()
    if libc is not None:
        libc.mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK_BYTES)


def return_freed_memory() -> None:
    """Give the heap's free pages back to the system."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)
