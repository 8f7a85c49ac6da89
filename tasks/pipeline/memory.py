"""Handing freed heap memory back to the system (glibc's malloc; elsewhere these do nothing).

A long run allocates and frees large buffers over and over: each batch's pickled pages and
rows in the flow's process, lxml trees and spaCy arrays in the workers. glibc keeps freed heap
memory for reuse, and its default, dynamic mmap threshold rises after each large free, so that
blocks of megabytes come from the heap and fragment it: in a 10k-document run the flow's
process grew by ~5 MB a batch, 350 MB of which one malloc_trim gave back (as measured).
"""

from __future__ import annotations

import ctypes
from functools import lru_cache

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
    """Serve blocks of a megabyte or more from mmap, so that freeing them returns them."""
    libc = _glibc()
    if libc is not None:
        libc.mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK_BYTES)


def return_freed_memory() -> None:
    """Give the heap's free pages back to the system."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)
