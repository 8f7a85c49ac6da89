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

# Fewer letters than this and langid's guess is noise (a 2-word line scores 'sr' at 0.01).
MIN_LANGUAGE_LETTERS = 20

# Characters from the top of a body searched for an explicit publication date: the dateline,
# a caption or the first paragraph; further down, dates are about events, not publication.
DATE_TEXT_WINDOW = 400

# YAKE: terms of one or two words; 0.7 drops near-repeats ("Iranian President" vs "President").
KEYWORDS_PER_ARTICLE = 10
KEYWORD_MAX_WORDS = 2
KEYWORD_DEDUP = 0.7

# spaCy nlp.pipe batch: 64 articles kept both cores' BLAS busy without growing memory;
# texts are cut at 20k characters (a long article is ~5k) so one giant page can't stall NER.
NER_BATCH_SIZE = 64
NER_MAX_CHARS = 20_000
