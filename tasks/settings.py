"""Thresholds and sizes, one place. Each says how it was chosen; don't tune one in isolation."""

# trafilatura has no in-process timeout and can run for minutes on pathological pages
# (trafilatura #704); real article pages stay far below this (the 181 AEB pages: all < 1 MB).
MAX_INPUT_BYTES = 8 * 1024 * 1024

# Documents per batch task: Prefect costs 3-6 ms per task run (STACK.md), so batches of a
# few hundred keep orchestration under 1% while bounding the memory a batch holds.
BATCH_SIZE = 250

# Batches submitted but not yet written: enough to keep every worker busy while the flow
# writes, few enough that memory stays bounded however large the corpus.
MAX_BATCHES_IN_FLIGHT = 4
