"""Thresholds and sizes, one place. Each says how it was chosen; don't tune one in isolation."""

# trafilatura has no in-process timeout and can run for minutes on pathological pages
# (trafilatura #704); real article pages stay far below this (the 181 AEB pages: all < 1 MB).
MAX_INPUT_BYTES = 8 * 1024 * 1024

# Documents per batch task. A task run costs the flow 3-6 ms (docs/STACK.md) and the Prefect server,
# on the same cores as the workers, ~0.25 s of CPU (states, events, logs): 22-26 s for the 100 task
# runs of a 10k-document run, under 2% of its CPU (bench/RESULTS.md). Larger batches pay that less
# often but hold more pages in flight and leave workers idle at the end: at 1k documents, batches
# of 200 took 102 s and peaked at 1.59 GB, batches of 100 took 94 s and 1.44 GB (bench/throughput.py's
# flow run, one run each on a 2-core x86-64 VM: wall time and peak memory of the run's processes).
BATCH_SIZE = 100
# ... and at most this many bytes of inputs: a batch is held by the flow and shipped to a worker
# whole, its rows (which keep each page's HTML) come back, and a run keeps a few in flight. 100
# pages of 4.8 MB (a hostile feed) were 480 MB a batch and took the run's processes past 3 GB. AEB
# pages average 171 KB, so 8 MB is ~47 of them: over 1,000 distinct pages (bench/corpus.py), batches
# of 50 pages peaked at 1,330-1,360 MB against 1,537-1,542 MB for 100, and took 45.6-46.2 s against
# 44.6-45.1 s (two interleaved pairs of `newsflow ingest`; 905 republished pages: 1,344 against
# 1,578 MB). Text and JSONL documents, a few KB each, still come 100 a batch.
BATCH_MAX_BYTES = 8 * 2**20

# A run of files only, at most a batch of them and at most this many bytes in all, processes its
# inputs in the flow's own process: a worker process costs ~4 s of CPU before its first document
# (Python, Prefect, trafilatura, spaCy and its model: the example inbox took 18 s with a worker,
# 9.6 s without, issue 18), and a run of one batch has no second batch to run beside it. 2 MB is
# ~20 AEB pages (~100 KB of HTML each), about 2 s of work.
SMALL_RUN_BYTES = 2 * 2**20

# Part files: each batch commits its own, and a run merges those of its partition into files
# of up to this size (tasks/store/compact.py); DuckDB reads files of 100 MB or more best (docs/STACK.md),
# and a merge rewrites at most this much a table, however often small runs come.
PART_FILE_TARGET_BYTES = 128 * 2**20

# DuckDB's memory for linking and queries; beyond it, joins spill to the data folder's
# _state/duckdb_spill. Its default, 80% of the machine's RAM, bounds nothing a worker shares.
DUCKDB_MEMORY_LIMIT = "512MB"

# Batches submitted but not yet written, at least: one processed while the flow writes the
# last (in this process: threads overlap the writer with the stages). With worker processes,
# this many a worker (flows/runners.py): the flow writes in order, so a worker that finishes
# a later batch before the oldest needs one waiting, or it idles. Memory stays bounded
# however large the corpus: a waiting batch is its pages, a finished one its rows.
MIN_BATCHES_IN_FLIGHT = 2
BATCHES_IN_FLIGHT_PER_WORKER = 2

# Fewer letters than this and langid's guess is noise (a 2-word line scores 'sr' at 0.01).
MIN_LANGUAGE_LETTERS = 20
# Characters of an article the language detector reads: on the 181 AEB bodies the first 2,000
# give the same language as the first 5,000 on every page, in 3 ms instead of 4.5.
LANGUAGE_SAMPLE_CHARS = 2000
# Characters of a document's prose, at each end, the story splitter reads for its languages (whose
# function words are no topic): 400 named the language of all 40 stories of bench/stories/, in
# 0.17 ms a story; 1,000 (0.4 ms) leaves room for lines of another language at an end.
SPLIT_LANGUAGE_SAMPLE_CHARS = 1000
# Letters a topic word is cut to when a document's prose is in a language other than English (see
# tasks/segment/split.py describe). Cut to 5, held-out glued stories in eight languages got fewer
# story counts right than at 6 (0.788 against 0.800 of bench/stories_later/ as first drawn), with the
# same stories alone (226 of 228).
SPLIT_WORD_PREFIX_LETTERS = 6

# Characters from the top of a body searched for an explicit publication date: the dateline,
# a caption or the first paragraph; further down, dates are about events, not publication.
DATE_TEXT_WINDOW = 400

# Keywords: ten terms an article. A two-word term must recur to be one: a pair of words seen
# once is a phrase of one sentence ("Tuesday talks"), a recurring pair a name or a topic.
KEYWORDS_PER_ARTICLE = 10
KEYWORD_MIN_BIGRAM_COUNT = 2

# spaCy nlp.pipe batch, in paragraphs (tasks/enrich/entities.py reads a paragraph at a time). Over
# whole articles the speed was the same from 8 to 64 a batch and the memory was not (the pipe's peak
# 170 MB at 8, 550 MB at 64 on AEB articles, the largest allocation of a worker): 32 paragraphs are
# about as many words as 8 articles. Bodies are cut at 20k characters (a long article is ~5k) so
# one giant page can't stall NER.
NER_BATCH_SIZE = 32
NER_MAX_CHARS = 20_000
# Distinct paragraphs whose mentions a worker keeps for the next copy that has them: ~0.5 KB each
# (the paragraph and its mentions), so ~10 MB a worker.
NER_CACHE_PARAGRAPHS = 20_000

# Distinct bodies whose language, keywords, entities and signature a worker process keeps for
# their next copies (tasks/pipeline/reuse.py), besides those the dataset holds: ~6 KB each
# (128 signature values, ~30 entities, 10 keywords), so ~12 MB a worker at most; copies further
# apart than this in a run are found in the dataset once their batch is committed.
REUSE_CACHE_BODIES = 2000
# Distinct texts whose clean-and-split drafts a worker keeps for their next copies (tasks/pipeline/
# reuse.py), and the longest text kept. A text and its drafts take ~7 times the text's characters
# in bytes (23 KB for the AEB pages' median main text of 3,300 characters, tracemalloc), so a
# worker keeps ~7 MB for news-sized texts and 42 MB at most.
SEGMENT_CACHE_TEXTS = 300
SEGMENT_CACHE_MAX_CHARS = 20_000
# DuckDB's memory for a worker's look-up of a batch's bodies in the dataset: the query keeps only
# the matching articles' rows (a batch's at most), far below DUCKDB_MEMORY_LIMIT, which is sized
# for linking in the flow's process.
REUSE_LOOKUP_MEMORY = "128MB"

# Near-duplicates. 3-word shingles: on the seeds, the syndicated copy of the AP story (edited
# wording, new headline and captions) scores Jaccard 0.39 against the wire text, paraphrases
# and AI rewrites 0.05-0.06, different stories 0.00. LSH with 42 bands of 3 rows has its
# 50% point at Jaccard ~0.29 and finds a 0.39 pair 92% of the time; the entity join of
# tasks/link/update.py proposes the rest, since syndicated copies share their named entities.
SHINGLE_WORDS = 3
MINHASH_PERMUTATIONS = 128
LSH_BANDS = 42
LSH_ROWS = 3
NEAR_DUPLICATE_JACCARD = 0.3
# Bodies shorter than this (a caption-only page, a teaser) carry too few shingles to compare.
MIN_WORDS_TO_LINK = 25

# Same story: the mean of the content-word cosine and the Jaccard overlap of named entities.
# Seeds: the AP story against its paraphrase and AI rewrite 0.58-0.61 (cosine 0.61-0.68,
# names 0.54-0.67); against a different Iran story 0.15-0.22; the example inbox's rewrite
# 0.42. The cosine alone (no names on either side) must reach 0.5: seeds 0.61+ vs <= 0.34.
SAME_STORY_SCORE = 0.35
SAME_STORY_COSINE_ALONE = 0.5
# Reports of one event appear within days; a later article on the same topic is a new story.
SAME_STORY_WINDOW_DAYS = 7
# Entity-join candidates (sql/link_candidates_names.sql), within time buckets of the window above:
# pairs sharing at least this many names ...
MIN_SHARED_ENTITIES = 3
# ... among the new article's rarest names around its bucket, this many: a rewrite keeps the
# story's particular people and places, which are what the rarest names are; common names
# only multiply the pairs. On bench/linking.py's 100k-article stream the caps around it already
# keep the join small: relinking took 21 s with this bound and 19 s with every name, with the
# same links (one run each, on a 2-core x86-64 VM).
NAMES_PER_ARTICLE = 8
# ... where a name in more articles than this around its bucket ("United States") is not one of
# them: it keeps the join near-linear rather than quadratic in a popular name's articles.
MAX_ENTITY_ARTICLES = 100
# ... and each new article is compared with at most this many of them, those sharing the most
# names: a story rarely has more than a few dozen versions in a window, and the bound keeps
# the route linear (bench/LINKING.md: ten times the articles took 10.4x the time).
MAX_ENTITY_PARTNERS = 50

# Copies (same body, shared LSH bands): a new article is compared with at most this many, those
# sharing the most bands. A wire story republished hundreds of times would otherwise cost
# pairs in the square of its copies (bench/RESULTS.md: relinking 10k articles of
# bench/throughput.py's corpus, each page varied ~50 times, found 281k links before this cap and
# 175k with it, one story per page either way); every copy still links to copies, so the story
# and its syndicated copies are the same, and bench/LINKING.md's stream keeps the same links.
MAX_COPY_PARTNERS = 20

# New articles linked at a time. Their candidate pairs are asked of DuckDB and judged one group
# after the other: a first ingest or a relink of 100k articles asked at once joins tens of
# millions of rows, beyond DUCKDB_MEMORY_LIMIT, and would hold millions of pairs.
LINK_GROUP_ARTICLES = 10_000

# Cleaning. Boilerplate lines are short: phrase rules that could hit prose apply only to
# lines of at most this many words (a promo sentence is 8-20 words, a paragraph 40+).
MAX_BOILERPLATE_WORDS = 14
# A caption is one or two sentences; longer repeated lines are duplicated paragraphs.
MAX_CAPTION_WORDS = 70
# A caption's copies sit within a few lines of each other (seed 004: the next line, and again
# three lines below after the site mark and the repeated headline).
CAPTION_REPEAT_DISTANCE = 4
# A copy of a line this long right after itself is a paragraph saved twice and is dropped;
# shorter or distant repeats are legitimate (list labels, table cells, an AEB meal plan's days,
# which lost 0.44 F1 when every repeat was dropped).
REPEATED_PARAGRAPH_MIN_WORDS = 20
# Headlines: 2-25 words in the seeds, the example inbox and the AEB page titles (max 24).
MAX_HEADLINE_WORDS = 25

# Splitting (tasks/segment/split.py). The word limits were calibrated together on the first four
# layouts of bench/split_bench.py (issue 3) with rng seed 7 and the even-indexed AEB articles:
# every true boundary of 150 headline-only concatenations against every subhead of the articles
# alone, each scored on the whole text on either side; then checked on the odd half, on seeds 1
# and 2 (all articles) and last on the benchmark's own seed. Don't tune one value in isolation.
# A story has at least this much body text on each side of a boundary the layout marks ...
MIN_STORY_WORDS = 30
# ... and more when a headline line alone divides them: the shortest AEB article has 64 words,
# and 30 or 40 let the short sections of listicles and Q&As stand as stories (seeds 1 and 2:
# count accuracy 0.94 and 0.94 at 30, 0.96 and 0.955 at 40, 0.97 and 0.96 at 50).
LONE_HEADLINE_MIN_WORDS = 50
# The break score of a boundary, lower for a likelier one: the weighted sum of its features
# (tasks/segment/split.py break_features), one BREAK_WEIGHT_* each, in this order:
#     cosine of the two sides' content words
#     that cosine / the sides' similarity with themselves
#     share of the headline's words among the next LEDE_WORDS words
#     share of the headline's words already in the story before it
#     headline-shaped lines per 100 words around it and within each side (the sparsest, capped)
#     ln(1 + words on the shorter side)
#     blank lines above it beyond the document's usual gap (capped)
#     a read-more or related teaser, a rule line, an advertisement label just above it.
# A boundary stays when its score is below BREAK_SCORE_MAX.
# Fitted by bench/split_fit.py: a coordinate search, from the weights hand-set on the first four
# layouts (issue 3), for the weights that get most story counts right on the training half of
# bench/split_bench.py's documents (built from the even-indexed AEB articles, in the 18 layouts it
# then had). `python bench/split_bench.py --fit` fits them again on today's documents: they have moved
# since (relative 0.6, lede -0.2) and get fewer held-out documents right (bench/split_notes.md), so
# these stay. bench/SPLIT.md scores them on the odd half, and scores each layout with weights fitted
# without it. Don't tune one value in isolation.
BREAK_WEIGHT_SIMILARITY = 1.0
BREAK_WEIGHT_RELATIVE = 0.4
BREAK_WEIGHT_LEDE = -0.1
BREAK_WEIGHT_PAST = 0.3
BREAK_WEIGHT_DENSITY = 0.25
BREAK_WEIGHT_SIZE = -0.1
BREAK_WEIGHT_GAP = -0.45
BREAK_WEIGHT_TEASER = -0.45
BREAK_WEIGHT_RULE_LINE = -0.1
BREAK_WEIGHT_ADVERT = 0.0
BREAK_SCORE_MAX = -0.3
LEDE_WORDS = 100
# A side's similarity with itself (its end or start against the rest) is floored: short texts
# share few words even with themselves, and at 0.1 two glued 100-word wire stories stayed one;
# 0.2 changed no benchmark count by more than one sample. A side too short to halve is taken
# as a typical article (the AEB median is 0.3).
MIN_SELF_SIMILARITY = 0.2
DEFAULT_SELF_SIMILARITY = 0.3
# Roundups (deals, results, Q&As) have 1-20 headline-shaped lines per 100 words, articles 0-0.5.
# Counted in the DENSITY_WINDOW_WORDS before and after the headline, the sparser side, so that
# the count doesn't depend on how far merging has got; beyond the cap a table of such lines says
# no more than a roundup does.
MAX_HEADLINE_DENSITY = 3.0
DENSITY_WINDOW_WORDS = 300
# Blank lines beyond the document's usual gap that count as layout evidence.
MAX_GAP_LINES_COUNTED = 2

# Seconds one page's extraction may take before it is quarantined as `extract_timeout`; real
# pages take milliseconds, a page built to make the parser quadratic takes minutes.
EXTRACT_TIMEOUT_SECONDS = 30.0

# Attributes one HTML tag may carry: lxml's time grows with the square of a tag's attributes
# (trafilatura #704), in C calls a time limit cannot interrupt (tasks/extract/page.py): its parse
# and `attrib.items()` take 6 and 5 ms at 2,000, 0.1 and 0.2 s at 10,000, 17 and 19 s at
# 100,000 (a 1 MB page: 85 s to extract). A page with a tag of more is quarantined as
# `pathological_html` before it is parsed. The 181 AEB pages have at most 64 on a tag.
MAX_TAG_ATTRIBUTES = 2000

# Tags one HTML page may have (start tags, `<` and a letter): trafilatura's XPath queries take
# time in the square of a page's nodes, in C calls a time limit cannot interrupt (tasks/extract/page.py:
# one call of 8 s at 100,000 paragraphs, of 5 s at 20,000 inline tags in one paragraph, the
# worst shape measured). A page with more is quarantined as `pathological_html` before it is
# parsed. The 181 AEB pages have at most 1,737, a median of 771.
MAX_HTML_TAGS = 20_000
