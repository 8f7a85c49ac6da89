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
# Characters of an article the language detector reads: on the 181 AEB bodies the first 2,000
# give the same language as the first 5,000 on every page, in 3 ms instead of 4.5.
LANGUAGE_SAMPLE_CHARS = 2000

# Characters from the top of a body searched for an explicit publication date: the dateline,
# a caption or the first paragraph; further down, dates are about events, not publication.
DATE_TEXT_WINDOW = 400

# Keywords: ten terms an article. A two-word term must recur to be one: a pair of words seen
# once is a phrase of one sentence ("Tuesday talks"), a recurring pair a name or a topic.
KEYWORDS_PER_ARTICLE = 10
KEYWORD_MIN_BIGRAM_COUNT = 2

# spaCy nlp.pipe batch: 64 articles kept both cores' BLAS busy without growing memory;
# texts are cut at 20k characters (a long article is ~5k) so one giant page can't stall NER.
NER_BATCH_SIZE = 64
NER_MAX_CHARS = 20_000

# Near-duplicates. 3-word shingles: on the seeds, the syndicated copy of the AP story (edited
# wording, new headline and captions) scores Jaccard 0.39 against the wire text, paraphrases
# and AI rewrites 0.05-0.06, different stories 0.00. LSH with 42 bands of 3 rows has its
# 50% point at Jaccard ~0.29 and finds a 0.39 pair 92% of the time; the entity join of
# tasks/link.py proposes the rest, since syndicated copies share their named entities.
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
# Entity-join candidates: pairs sharing at least this many distinctive named entities ...
MIN_SHARED_ENTITIES = 3
# ... where an entity in more articles than this ("United States") proposes nothing: it keeps
# the join near-linear in the dataset rather than quadratic in a popular name's articles
# (bench/LINKING.md: 2000 made a 10k-article relink spend most of its time on such names).
MAX_ENTITY_ARTICLES = 300
# ... and each new article is compared with at most this many of them, those sharing the most
# names: a story rarely has more than a few dozen versions in a window, and the bound keeps
# the route linear (bench/LINKING.md).
MAX_ENTITY_PARTNERS = 50

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

# Splitting. A story has at least this much body text on each side of a boundary.
MIN_STORY_WORDS = 30
# Words of body text on each side of a candidate boundary compared for cohesion.
COHESION_WINDOW_WORDS = 150
# Content-word cosine below which the text after a headline is another story; provisional,
# recalibrated on bench/split_bench.py (see bench/QUALITY.md).
SPLIT_COSINE_AFTER_GAP = 0.25
SPLIT_COSINE_AFTER_TEASER = 0.25
SPLIT_COSINE_LONE_HEADLINE = 0.1
# A lone headline line (no gap, teaser or repeat) splits only when all of these hold; fitted
# on lone-headline concatenations of AEB articles against the 181 articles alone (their
# listicle, Q&A and shopping subheads are the false splits to avoid), see bench/QUALITY.md.
LONE_HEADLINE_MIN_WORDS = 80
LONE_HEADLINE_MAX_STORY_COSINE = 0.2
LONE_HEADLINE_MIN_LEDE_OVERLAP = 0.2
LONE_HEADLINE_MAX_PAST_OVERLAP = 0.34
