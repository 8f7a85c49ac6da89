"""Where one story ends and the next begins, in a text that scrapers glued together.

A story starts at a headline-shaped line, one per run of them (a teaser or related links, the
headline, a deck or a byline: the headline is the one the text below is about), or at a wire
dateline opening a paragraph under other prose (a story with no headline). Some page layouts
mark a start by themselves: the headline repeated right below (with captions and a site mark
between, as newspaper pages are saved), a wire dateline, a byline or a dated line (with a year,
not a live blog's clock time) right under the headline, or its photo's captions and a site's
mark between it and its text. Every other candidate is weighed, and
the choice among them is global: the text starts as one segment per candidate, and the
boundary that looks least like one between two stories is merged away, then the next, until
every boundary left has a low break score. Segments too short to be a story go first.

The break score (`break_features`, weighed by `BreakWeights`) judges a boundary by the whole
segments on either side of it, so the subheads of a listicle, a Q&A or a shopping guide, each
over a short section, end up judged by the article around them: the two sides' content words
(absolutely, and against each side's similarity with itself), whether the headline is about
what follows and not about what came before, how dense the text around it and each side
are with headline-shaped lines (roundups), the size of the sides, and layout evidence (a wider blank-line
gap than between the paragraphs around it, a read-more teaser, a rule line or an ad label
above). The weights are fitted by bench/split_fit.py (tasks/core/settings.py says how).
Segments keep their word counts as they merge, so the cost grows with the number of merges
times a segment's vocabulary, not with the pairs of candidates.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass

from newsflow.tasks.core import settings as s
from newsflow.tasks.core.language import detect_language
from newsflow.tasks.core.schema import AUTHOR, BODY
from newsflow.tasks.core.settings import (
    DEFAULT_SELF_SIMILARITY,
    DENSITY_WINDOW_WORDS,
    LEDE_WORDS,
    LONE_HEADLINE_MIN_WORDS,
    MAX_GAP_LINES_COUNTED,
    MAX_HEADLINE_DENSITY,
    MAX_HEADLINE_WORDS,
    MIN_SELF_SIMILARITY,
    MIN_STORY_WORDS,
    SPLIT_LANGUAGE_SAMPLE_CHARS,
    SPLIT_WORD_PREFIX_LETTERS,
)
from newsflow.tasks.core.terms import content_terms, cosine, function_words
from newsflow.tasks.segment import patterns as p
from newsflow.tasks.segment import rules
from newsflow.tasks.segment.credits import has_photo_credit
from newsflow.tasks.segment.lines import Line

# Lines that sit between glued stories (and, less often, between one article's sections), each
# a feature of the break score of the headline below them.
SEPARATOR_RULES = (rules.READ_MORE, rules.RULE_LINE, rules.ADVERTISEMENT)
RUN_BREAKING_RULES = frozenset({rules.READ_MORE, rules.RELATED_LINKS, rules.RULE_LINE})  # see _runs
LINK_RULES = frozenset({rules.READ_MORE, rules.RELATED_LINKS, rules.LINK_LINE})  # lines that link elsewhere
REPEAT_LOOKAHEAD = 8  # lines within which a repeated headline counts as the page layout
RUN_LEDE_SHARE = 0.25  # a headline shares at least this much of its words with its lede (see _one_per_run)
MAX_EXCLAMATION_WORDS = 5  # a short exclamation (see _exclaims)
MAX_MARK_WORDS = 3  # a masthead or agency in capitals (see _capitals_mark)
MIN_DECK_WORDS = 10  # a standfirst under a headline is a sentence (see _headline_over_deck)
# A label ends with none of these: a line that does is (part of) a sentence (see _set_apart, clean.mark_kickers).
LABEL_NOT_ENDING = (".", "!", "?", ":", ";", ",", "…", ")")
MAX_CAPTIONS_UNDER_HEADLINE = 3  # photo caption lines between a headline and a masthead under it
# What the cleaner may have made of a site's or agency's mark under a headline's captions (see
# _text_under_captions_and_mark): nothing, a mark, an agency's byline, a credit, a copyright line.
# Not a timestamp (a live blog's "29 minutes ago"), an advertisement label or a link.
MARK_RULES = frozenset({None, rules.SITE_MARK, rules.DESK_BYLINE, rules.PHOTO_CREDIT, rules.SOURCE_CREDIT,
                        rules.NAV_CHROME})
ORIGIN_NOTICE_MAX_WORDS = 30  # "This article was originally published by ... Read the original article."
BYLINE_MAX_WORDS = 8  # a byline under a headline: "By", "Von", "Par" ... and a name or a desk
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
YEAR_OR_ID = re.compile(r"\d{4}")  # a year, or a wire's dated id ("dpa:240314-99-123456")
# A copyright line's reservation, in the six languages: "All rights reserved", "Alle Rechte
# vorbehalten", "Tous droits réservés", "Todos los derechos reservados", "Riproduzione riservata",
# "Todos os direitos reservados".
RIGHTS_RESERVED = re.compile(r"\brights reserved|\brechte vorbehalten|\bdroits réservés|\bderechos reservados"
                             r"|\b(?:riproduzione|diritti) riservat|\bdireitos reservados", re.I)
# An item number opening a line: a mark before it ("No.", "Nr.", "N.º", "Núm.", "#") or a
# separator after it ("4 – ", "4: ").
NUMBERED_ITEM = re.compile(
    r"^(?P<mark>#|n[or]\.?|n\.?\s?º|n[úu]m\.?|nummer|num[ée]ro|número|numero)?\s*(?P<number>\d{1,3})"
    r"(?:\s*(?P<after>[:–—-]))?\s+(?=\S)",
    re.I,
)
# An item's number opening a line, with what follows it: "1)", "1.", "1:", "1 –", "#1", "No. 1".
LIST_ITEM_NUMBER = re.compile(r"^(?P<mark>#|n[or]\.?\s?|n\.?\s?º\s?)?(?P<number>\d{1,3})(?P<after>[.):]|\s[–—-])?\s+(?=\S)", re.I)
LIST_ITEM_REACH = 6  # lines from one numbered item to the next: an item's name, link, price, short blurb
GAP_NEIGHBOURS = 3  # prose lines on each side whose spacing is a line's usual gap (see usual_gaps)
UNSIZED = 1e6  # merge order: a boundary beside a segment too short to be a story goes first


def is_headline(line: Line) -> bool:
    """Headline-shaped: a short line, capitalised, with no sentence-final punctuation."""
    # A caption's trailing credit "(Iranian parliament)" hides the period that ends its sentence.
    text = p.TRAILING_LABELLED_CREDIT.sub("", p.TRAILING_CREDIT.sub("", line.text)).rstrip("\"'”’»)") or line.text
    first = line.text[0]
    return (
        (line.words >= 2 or len(line.text) >= 12)  # scripts without spaces have one "word"
        and line.words <= MAX_HEADLINE_WORDS
        and len(line.text) <= 200
        and not text.endswith((".", ",", ";", ":", "…", "。", "、"))
        and (first.isalnum() and not first.islower() or first in "\"'“‘«¿¡[")
        and not p.BULLET.match(line.text)
        and not p.INTERVIEW_LABEL.match(line.text)  # "Q: What comes next?" asks; it heads no story
    )


def topic_terms(text: str, stops: frozenset[str] | None = None, prefix: int | None = None) -> Counter:
    """Content words of a text (without `stops`, English's function words when None), cut to their
    first `prefix` letters when given; in unspaced Chinese and Japanese, pairs of kanji or katakana."""
    terms = content_terms(p.KANA_RUN.sub(" ", p.IDEOGRAPH_RUN.sub(" ", text)), stops=stops)
    if prefix:
        cut: Counter[str] = Counter()
        for word, count in terms.items():
            cut[word[:prefix]] += count
        terms = cut
    for run in p.IDEOGRAPH_RUN.findall(text):
        terms.update(run[k : k + 2] for k in range(max(1, len(run) - 1)))
    return terms


FEATURES = ("similarity", "relative", "lede", "past", "density", "size", "gap", "teaser", "divider", "advert")


@dataclass(frozen=True, slots=True)
class BreakWeights:
    """One weight per break feature (FEATURES order), and the score below which a boundary stays."""

    weights: tuple[float, ...]
    score_max: float

    def score(self, features: tuple[float, ...]) -> float:
        return sum(w * x for w, x in zip(self.weights, features))


FITTED_WEIGHTS = BreakWeights(
    (s.BREAK_WEIGHT_SIMILARITY, s.BREAK_WEIGHT_RELATIVE, s.BREAK_WEIGHT_LEDE, s.BREAK_WEIGHT_PAST,
     s.BREAK_WEIGHT_DENSITY, s.BREAK_WEIGHT_SIZE, s.BREAK_WEIGHT_GAP, s.BREAK_WEIGHT_TEASER,
     s.BREAK_WEIGHT_RULE_LINE, s.BREAK_WEIGHT_ADVERT),
    s.BREAK_SCORE_MAX,
)


@dataclass(frozen=True, slots=True)
class LineFacts:
    """What the segmentation needs to know of each line, worked out once."""

    lines: list[Line]
    terms: list[Counter]
    words: list[int]  # body words
    prose_words: list[int]  # body words of lines that are not headline-shaped
    headline: list[bool]  # a body line shaped like a headline
    gaps: list[int]  # blank lines above the line (and the headline-shaped lines just above it), beyond the usual
    above: list[tuple[bool, ...]]  # which SEPARATOR_RULES sit just above the line
    density: list[float]  # headline-shaped lines per 100 words around the line, the sparser side


@dataclass(slots=True)
class Segment:
    """Lines [start, end) taken as one story, with running sums."""

    start: int
    end: int
    terms: Counter
    words: int
    prose_words: int
    headlines: int  # headline-shaped lines


def story_starts(lines: list[Line], counts: Counter, title_hint: str | None,
                 weights: BreakWeights = FITTED_WEIGHTS) -> list[int]:
    """Indices of the lines that open each story; the first story opens at 0."""
    facts = describe(lines)
    candidates, fixed = story_candidates(facts, counts)
    segments = merge_segments(facts, candidates, fixed, weights)
    return [segment.start for segment in segments]


def story_candidates(facts: LineFacts, counts: Counter) -> tuple[list[int], set[int]]:
    """The lines a story may open at, one per run of headline-shaped lines, and among them the
    starts the layout marks by itself (a repeated headline, a wire dateline, a byline or a date
    under the headline, the previous story's credits, copyright or first publisher above it)."""
    lines = facts.lines
    items = _numbered_items(facts) | _inside_numbered_lists(facts)
    shaped = [i for i in range(len(lines)) if facts.headline[i] and not _repeats_above(lines, i) and i not in items]
    headers = {i: end for i in shaped if (end := _text_under_captions_and_mark(facts, i)) is not None}
    datelines = [i for i in range(1, len(lines)) if _opens_with_dateline(facts, i) and i not in headers.values()]
    marked = {i for i in shaped if _repeated_below(lines, i, counts) or _wire_story_follows(lines, i)
              or _byline_follows(facts, i) or _dated(lines, i) or i in headers or _after_story_end(lines, i)}
    # A masthead in capitals opens no story: the headline above it does (_headline_over_captions).
    shaped_lines = set(shaped)
    to_headline = {i: _headline_over_captions(facts, i, shaped_lines) for i in shaped if _capitals_mark(lines[i])}
    marked = {to_headline.get(i, i) for i in marked}
    chosen = {to_headline.get(i, i) for i in _one_per_run(facts, shaped, marked)}
    starts = sorted([i for i in chosen if i > 0 and (i in marked or not _exclaims(lines[i]))] + datelines)
    return starts, _sized(facts, marked.union(datelines) & set(starts))


def _capitals_mark(line: Line) -> bool:
    """A short line all in capitals: a masthead, an agency's or a section's name, not a headline."""
    return line.words <= MAX_MARK_WORDS and line.text.upper() == line.text != line.text.lower()


def _headline_over_captions(facts: LineFacts, i: int, shaped: set[int]) -> int:
    """The headline-shaped line above a masthead in capitals with nothing but photo captions
    between them (lines ending with a photo credit, as the cleaner's captions do: "(AFP/Lena
    Roux)", "Foto: dpa/Boris Roessler"): the story opens at its headline, and the captions are its
    photo's. `i` itself when there is no such line."""
    k = i - 1
    while k >= 0 and i - k <= MAX_CAPTIONS_UNDER_HEADLINE and has_photo_credit(facts.lines[k].text):
        k -= 1
    return k if k >= 0 and k in shaped else i


def _exclaims(line: Line) -> bool:
    """A short exclamation: an aside of the body ("Now get prepping!", "Então é isso!"), which opens
    a story only where the layout marks it as a headline. AEB's hand-checked bodies hold 9 such
    headline-shaped lines on 6 pages, and none of its 181 headlines is one (the two that end in
    "!" are of 9 words and more); tabloids' short ones ("Wir sind Papst!") come with a byline or
    a date under them, or are split by the story's other marks."""
    return line.words <= MAX_EXCLAMATION_WORDS and line.text.rstrip("\"'”’») ").endswith("!")


def _numbered_items(facts: LineFacts) -> set[int]:
    """Headline-shaped lines that number the items of a list ("No. 4: ...", "#4 ...", "4 – ..."),
    where the item before or after it is numbered the same way: the subheads of a listicle, which
    glued stories' headlines are not. ("4. ..." and "4) ..." are bullets, never headlines.)"""
    numbered: dict[tuple[str, str], dict[int, int]] = {}
    for i, shaped in enumerate(facts.headline):
        match = NUMBERED_ITEM.match(facts.lines[i].text) if shaped else None
        if match and (match["mark"] or match["after"]):
            form = ((match["mark"] or "").lower().replace(" ", ""), match["after"] or "")
            numbered.setdefault(form, {})[int(match["number"])] = i
    return {i for items in numbered.values() for n, i in items.items() if n - 1 in items or n + 1 in items}


def _inside_numbered_lists(facts: LineFacts) -> set[int]:
    """Headline-shaped lines between items n and n+1 of one numbered list ("1) Lego ...", a product's
    name, "2) Polistil ..."), each item within LIST_ITEM_REACH lines of the next: a story's list
    goes on across them, and a glued story opens no list of its own at item n+1."""
    numbered = [(i, int(m["number"]), ((m["mark"] or "").lower().replace(" ", ""), (m["after"] or "").strip()))
                for i, line in enumerate(facts.lines)
                if line.kind == BODY and (m := LIST_ITEM_NUMBER.match(line.text)) and (m["mark"] or m["after"])]
    inside: set[int] = set()
    for (above, number, form), (below, next_number, next_form) in zip(numbered, numbered[1:]):
        if next_number == number + 1 and next_form == form and below - above <= LIST_ITEM_REACH:
            inside.update(i for i in range(above + 1, below) if facts.headline[i])
    return inside


def _sized(facts: LineFacts, starts: set[int]) -> set[int]:
    """Starts with a story's worth of text on either side."""
    total = sum(facts.words)
    return {i for i in starts if sum(facts.words[:i]) >= MIN_STORY_WORDS
            and total - sum(facts.words[: i + 1]) >= MIN_STORY_WORDS}


def _one_per_run(facts: LineFacts, shaped: list[int], marked: set[int]) -> list[int]:
    """Of headline-shaped lines with no prose between them (a teaser or related links, the
    headline, a deck or a byline), the one that opens the story: one the layout marks, else the
    first that the text below is about (a RUN_LEDE_SHARE of its words in the lede, or half the
    best share), else the first. A run at the top of the text opens the first story."""
    chosen = []
    for run in _runs(facts, shaped):
        if run[0] == 0:
            continue
        lede = _lede_terms(facts, run[-1] + 1)
        overlap = [_share(facts.terms[i], lede) for i in run]
        best = max(overlap)
        pick = next((i for i in run if i in marked), None)
        least = min(best / 2, RUN_LEDE_SHARE)
        if pick is not None and (above := _headline_over_deck(facts, run, overlap, pick)) is not None:
            marked.add(above)  # the headline carries its deck's mark: the layout opens the story there
            pick = above
        chosen.append(pick if pick is not None else next(i for i, o in zip(run, overlap) if o >= least))
    return chosen


def _headline_over_deck(facts: LineFacts, run: list[int], overlap: list[float], pick: int) -> int | None:
    """The headline right above the marked line of a run when the text below is about it too: the
    byline or the date marks the line over it, which under a headline is its deck (a standfirst
    written without a final period, longer than the headline), and the story opens at the
    headline, which stands apart from the text above it. The deck often repeats the lede, so the headline's share of the lede is not held
    against the deck's: one shared word says the text is about it. None otherwise."""
    j = run.index(pick)
    if not 0 < j <= 2:  # the headline opens its run, maybe under one line (a label); not a list's last item
        return None
    above = run[j - 1]
    adjacent = not any(line.is_body for line in facts.lines[above + 1 : pick]) and facts.lines[pick].gap <= 1
    deck_like = facts.lines[pick].words >= MIN_DECK_WORDS and facts.lines[pick].words > facts.lines[above].words
    return above if adjacent and deck_like and overlap[j - 1] > 0 and _set_apart(facts, above) else None


def _set_apart(facts: LineFacts, i: int) -> bool:
    """A headline stands apart from the text above it: first, after a blank line, under a line
    that is no prose (a stamp, another headline-shaped line), or under a short label that itself
    stands apart (a section's "Monde"); a story's last line runs on from its paragraph."""
    if i == 0 or facts.lines[i].gap > 0 or not facts.prose_words[i - 1]:
        return True
    label = facts.lines[i - 1]
    return label.words <= MAX_MARK_WORDS and not label.text.endswith(LABEL_NOT_ENDING) and (i == 1 or label.gap > 0)


def _runs(facts: LineFacts, shaped: list[int]) -> list[list[int]]:
    """Headline-shaped lines with neither prose nor a teaser block between them ("Read more",
    related links, a rule line): the lines above such a block end the story before it (its last
    list, its own subhead), those below it head the next."""
    runs: list[list[int]] = []
    for i in shaped:
        previous = runs[-1][-1] if runs else None
        if previous is not None and not any(facts.prose_words[previous + 1 : i]) and not any(
                line.rule in RUN_BREAKING_RULES for line in facts.lines[previous + 1 : i]):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _lede_terms(facts: LineFacts, start: int) -> set[str]:
    """Content words of the first LEDE_WORDS prose words from line `start` on."""
    seen: set[str] = set()
    words = 0
    for i in range(start, len(facts.lines)):
        if facts.prose_words[i]:
            seen |= facts.terms[i].keys()
            words += facts.prose_words[i]
        if words >= LEDE_WORDS:
            break
    return seen


def _share(headline: Counter, lede: set[str]) -> float:
    return len(headline.keys() & lede) / len(headline) if headline else 0.0


def _opens_with_dateline(facts: LineFacts, i: int) -> bool:
    """A prose paragraph opening with a wire dateline under prose (captions aside): a story with
    no headline of its own. Under a headline, the headline opens the story (_dateline_follows)."""
    if not facts.prose_words[i] or not p.WIRE_DATELINE.match(facts.lines[i].text):
        return False
    above = (k for k in range(i - 1, -1, -1) if facts.words[k] and not _is_page_furniture(facts.lines[k]))
    previous = next(above, None)
    return previous is not None and not facts.headline[previous]


def _byline_follows(facts: LineFacts, i: int) -> bool:
    """A byline (named or a desk's) right under the headline: subheads have none."""
    following = next((line for line in facts.lines[i + 1 : i + 3] if line.is_body or _is_byline(line)), None)
    return following is not None and following.words <= BYLINE_MAX_WORDS and (
        _is_byline(following) or bool(p.BYLINE_OPENING.match(following.text)))


def _is_byline(line: Line) -> bool:
    """A line the cleaning took as a byline: a person's (to authors) or a desk's or agency's (to credits)."""
    return line.kind == AUTHOR or line.rule == rules.DESK_BYLINE


def _after_story_end(lines: list[Line], i: int) -> bool:
    """Right under the line a story ends with: its credits ("(Reporting by A; Editing by B)",
    "Mitarbeit: C"), its copyright ("© 2024 The Associated Press. All rights reserved."), as
    wire copies end, or where it first ran ("Originally published on Live Science."), as
    syndicated copies end. A headline-shaped line there heads the next story."""
    if i == 0:
        return False
    above = lines[i - 1]
    if above.is_body:
        return above.words <= ORIGIN_NOTICE_MAX_WORDS and bool(p.ORIGIN_NOTICE.match(above.text))
    return above.rule == rules.CONTRIBUTOR_CREDIT or (above.rule == rules.NAV_CHROME and _copyright_notice(above.text))


def _copyright_notice(text: str) -> bool:
    """A story's copyright line, with its year, a wire's id or its reservation ("© 2024 The
    Associated Press. All rights reserved.", "© dpa-infocom, dpa:240314-99-123456/2"): a bare
    "© Name" is a picture's credit, which sits anywhere in a story (a recipe's photo between two
    lines of its ingredients split it there, in bench/split_layouts.py's one-story documents)."""
    return bool(p.REPRINT_NOTICE.search(text) or (p.COPYRIGHT.match(text) and (
        YEAR_OR_ID.search(text) or RIGHTS_RESERVED.search(text))))


def _dated(lines: list[Line], i: int) -> bool:
    """A date line with a year (not a live blog's clock time) right above or below the headline."""
    near = [lines[k] for k in (i - 1, i + 1) if 0 <= k < len(lines)]
    return any(line.rule == rules.TIMESTAMP and YEAR.search(line.text) for line in near)


def describe(lines: list[Line]) -> LineFacts:
    """Each line's topic terms, words, shape and the layout around it."""
    body = [line.kind == BODY for line in lines]
    headline = [is_body and is_headline(line) for is_body, line in zip(body, lines)]
    words = [line.words if is_body else 0 for is_body, line in zip(body, lines)]
    prose = [0 if shaped else count for shaped, count in zip(headline, words)]
    languages = prose_languages(lines, prose)
    # Languages that inflect more than English spread a word over several forms ("Wasser",
    # "Wassers"; "cidade", "cidades"; "woda", "wody"), and the break weights were fitted on English
    # text: cut to a prefix, the forms meet again (bench/SPLIT_LANGUAGES.md).
    prefix = SPLIT_WORD_PREFIX_LETTERS if any(language not in (None, "en") for language in languages) else None
    stops = function_words(languages)
    terms = [topic_terms(line.text, stops, prefix) if is_body else Counter() for is_body, line in zip(body, lines)]
    usual = usual_gaps(lines, prose)
    layout = [_layout_above(lines, headline, i, usual[i]) for i in range(len(lines))]
    density = headline_densities(headline, prose)
    return LineFacts(lines, terms, words, prose, headline, [g for g, _ in layout], [a for _, a in layout], density)


def prose_languages(lines: list[Line], prose: list[int]) -> tuple[str | None, ...]:
    """English and the languages of the document's first and last SPLIT_LANGUAGE_SAMPLE_CHARS of
    prose (None when too little to tell): their function words are no topic. With English's alone,
    "der", "und", "les", "una", "della" were content words shared by any two stories of a German,
    French, Spanish or Italian document, and the splitter got the story count of 195 of 360 such
    documents right (bench/SPLIT_LANGUAGES.md). English stays: glued documents mix languages (a
    Russian story first, English ones after it, in AEB's), and the ends name the others."""
    prose_lines = [line.text for line, count in zip(lines, prose) if count]
    first, read_all = _language(prose_lines)
    last = first if read_all else _language(prose_lines[::-1])[0]  # a short text is read once
    return ("en", first, last)


def _language(texts: list[str]) -> tuple[str | None, bool]:
    """The language of the first SPLIT_LANGUAGE_SAMPLE_CHARS characters of `texts`, joined, and
    whether that sample holds all of them."""
    reach = list(itertools.accumulate(map(len, texts)))  # characters up to and including each text
    count = min(bisect.bisect_left(reach, SPLIT_LANGUAGE_SAMPLE_CHARS) + 1, len(texts))
    return detect_language("\n".join(texts[:count]))[0], count == len(texts)


def usual_gaps(lines: list[Line], prose: list[int]) -> list[int]:
    """For each line, the usual gap between paragraphs around it: the median of the blank lines
    above the GAP_NEIGHBOURS prose lines before it and after it. Glued stories keep their own
    spacing (one with a blank line between paragraphs, the next without): measured over the
    whole document, every paragraph of the spaced story stood apart like a new story's headline."""
    prose_at = [k for k, count in enumerate(prose) if count]
    usual = []
    for i in range(len(lines)):
        at = bisect.bisect_left(prose_at, i)
        after = [k for k in prose_at[at : at + GAP_NEIGHBOURS + 1] if k != i][:GAP_NEIGHBOURS]
        near = sorted(lines[k].gap for k in prose_at[max(0, at - GAP_NEIGHBOURS) : at] + after)
        usual.append(near[len(near) // 2] if near else 0)
    return usual


def _layout_above(lines: list[Line], headline: list[bool], i: int, usual_gap: int) -> tuple[int, tuple[bool, ...]]:
    """Blank lines beyond the usual gap, and the separators, above line `i` and the headline-shaped
    lines right above it (a run: teaser, related links, headline)."""
    gap, rules_above = lines[i].gap, set()
    for k in range(i - 1, max(-1, i - 1 - REPEAT_LOOKAHEAD), -1):
        if lines[k].kind == BODY and not headline[k]:
            break
        rules_above.add(lines[k].rule)
        gap = max(gap, lines[k].gap)
    extra = min(max(gap - usual_gap, 0), MAX_GAP_LINES_COUNTED)
    return extra, tuple(rule in rules_above for rule in SEPARATOR_RULES)


def _repeats_above(lines: list[Line], i: int) -> bool:
    """The second copy of a headline a few lines below the first is page layout, not a new story.
    A copy among links above (a "Related" block, a teaser) links to the story below: that story
    opens at its own headline."""
    return any(line.key == lines[i].key and line.rule not in LINK_RULES
               for line in lines[max(0, i - REPEAT_LOOKAHEAD) : i])


def merge_segments(facts: LineFacts, starts: list[int], fixed: set[int],
                   weights: BreakWeights = FITTED_WEIGHTS) -> list[Segment]:
    """One segment per start, then the least story-like boundary merged away until all are story-like."""
    merger = _Merger(facts, starts, fixed, weights)
    merger.run()
    return [merger.segments[start] for start in sorted(merger.segments)]


class _Merger:
    """Live segments keyed by their first line, and a heap of their boundaries, worst first."""

    def __init__(self, facts: LineFacts, starts: list[int], fixed: set[int], weights: BreakWeights) -> None:
        bounds = [0, *starts, len(facts.lines)]
        self.facts, self.fixed, self.weights = facts, fixed, weights
        self.segments = {a: _segment(facts, a, b) for a, b in zip(bounds, bounds[1:])}
        self.previous = dict(zip(bounds[1:-1], bounds))
        self.next = dict(zip(bounds[:-1], bounds[1:-1]))
        self.scores: dict[int, float] = {}
        self.heap: list[tuple[float, int]] = []
        for start in starts:
            self.rescore(start)

    def rescore(self, start: int) -> None:
        """Score the boundary that opens the segment at `start` (boundaries the layout marks stay)."""
        if start in self.fixed or start not in self.previous:
            return
        score = _merge_priority(self.facts, self.segments[self.previous[start]], self.segments[start], self.weights)
        self.scores[start] = score
        heapq.heappush(self.heap, (-score, start))

    def run(self) -> None:
        """Merge the worst boundary until the worst left scores below the weights' score_max."""
        while self.heap:
            negative, start = heapq.heappop(self.heap)
            if self.scores.get(start) != -negative:
                continue  # merged away, or scored again since
            if -negative < self.weights.score_max:
                return
            self.merge(start)

    def merge(self, start: int) -> None:
        """Append the segment at `start` to the one before it."""
        left = self.previous.pop(start)
        del self.scores[start]
        _absorb(self.segments[left], self.segments.pop(start))
        following = self.next.pop(start, None)
        if following is None:
            del self.next[left]
        else:
            self.next[left], self.previous[following] = following, left
            self.rescore(following)
        self.rescore(left)


def _segment(facts: LineFacts, start: int, end: int) -> Segment:
    terms: Counter[str] = Counter()
    for line_terms in facts.terms[start:end]:
        terms.update(line_terms)
    return Segment(start, end, terms, sum(facts.words[start:end]), sum(facts.prose_words[start:end]),
                   sum(facts.headline[start:end]))


def _absorb(left: Segment, right: Segment) -> None:
    left.terms.update(right.terms)
    left.end = right.end
    left.words += right.words
    left.prose_words += right.prose_words
    left.headlines += right.headlines


def _merge_priority(facts: LineFacts, left: Segment, right: Segment, weights: BreakWeights) -> float:
    """Merge order: segments too short to be a story first, then the highest break score."""
    score = weights.score(break_features(facts, left, right))
    return score if _story_sized(facts, left, right) else UNSIZED + score


def _story_sized(facts: LineFacts, left: Segment, right: Segment) -> bool:
    """Both sides hold a story's worth of body text below their headlines (more when only a
    headline line divides them)."""
    marked = facts.gaps[right.start] or any(facts.above[right.start])
    least = MIN_STORY_WORDS if marked else LONE_HEADLINE_MIN_WORDS
    return _text_words(facts, left) >= least and _text_words(facts, right) >= least


def _text_words(facts: LineFacts, segment: Segment) -> int:
    """The segment's body words, its headline's left out: a headline over one short paragraph is
    as short a story on either side of a boundary."""
    return segment.words - (facts.words[segment.start] if facts.headline[segment.start] else 0)


def break_features(facts: LineFacts, left: Segment, right: Segment) -> tuple[float, ...]:
    """The boundary at `right.start` described by FEATURES; BreakWeights.score weighs them."""
    similarity = cosine(left.terms, right.terms)
    relative = similarity / max(_self_similarity(facts, left, right), MIN_SELF_SIMILARITY)
    headline = set(facts.terms[right.start])
    past = len(headline & left.terms.keys()) / len(headline) if headline else 0.0
    density = min(facts.density[right.start], _density(left), _density(right), MAX_HEADLINE_DENSITY)
    shorter = min(left.words, right.words - facts.words[right.start])
    return (similarity, relative, _lede_overlap(facts, right), past, density, math.log1p(shorter),
            float(facts.gaps[right.start]), *map(float, facts.above[right.start]))


def _density(segment: Segment) -> float:
    """A segment's own headline-shaped lines per 100 prose words, once it holds DENSITY_WINDOW_WORDS
    of them (no bound before). The windows around a boundary (`headline_densities`) may hold another
    story's lines: a story glued under one that ends in a list (a swim meet's results, a tour's
    dates) was merged into it by the roundup weight, though the two share no word. A roundup's
    parts are dense on their own; a short part (one item under its name) says too little, as a
    short window does, and counted as sparse it split AEB's gadget roundups at their items."""
    if segment.prose_words < DENSITY_WINDOW_WORDS:
        return math.inf
    return 100 * segment.headlines / segment.prose_words


def _self_similarity(facts: LineFacts, left: Segment, right: Segment) -> float:
    """How alike each side is to itself: its end (the left's) or start (the right's), as long as
    the other side but at most half of it, against the rest of it; the mean of the two."""
    tail = _piece(facts, left, min(right.prose_words, left.prose_words // 2), from_end=True)
    head = _piece(facts, right, min(left.prose_words, right.prose_words // 2), from_end=False)
    values = [cosine(piece, side.terms - piece) for piece, side in ((tail, left), (head, right)) if piece]
    return sum(values) / len(values) if values else DEFAULT_SELF_SIMILARITY


def _piece(facts: LineFacts, segment: Segment, words: int, from_end: bool) -> Counter | None:
    """Terms of the lines at one end of a segment holding `words` prose words, leaving at least
    one line for the rest; the piece at the start includes the segment's headline."""
    terms: Counter[str]
    if from_end:
        inner, terms = range(segment.end - 1, segment.start, -1), Counter()
    else:
        inner, terms = range(segment.start + 1, segment.end - 1), Counter(facts.terms[segment.start])
    count = 0
    for i in inner:
        terms.update(facts.terms[i])
        count += facts.prose_words[i]
        if count >= words:
            return terms
    return None


def headline_densities(headline: list[bool], prose: list[int]) -> list[float]:
    """For each headline-shaped line, headline-shaped lines per 100 prose words in the
    DENSITY_WINDOW_WORDS before it and after it, the sparser side; a window holding less text
    counts as sparse (0.0 for other lines). A side's window runs from the line next to it up to
    and including the line at which it reaches DENSITY_WINDOW_WORDS prose words, or to the
    document's edge.

    Prefix sums and a binary search per line: a scan per line was quadratic where lines carry
    no prose (1 MB of headline lines took 33 s, and 8 MB would take half an hour)."""
    words = list(itertools.accumulate(prose, initial=0))  # words[k]: prose words of lines < k
    shaped = list(itertools.accumulate(map(int, headline), initial=0))
    last = len(prose)
    densities = []
    for i, is_headline in enumerate(headline):
        if not is_headline:
            densities.append(0.0)
            continue
        # Before: lines start..i-1, start the largest with DENSITY_WINDOW_WORDS words in it, else 0.
        start = max(bisect.bisect_right(words, words[i] - DENSITY_WINDOW_WORDS, 0, i) - 1, 0)
        # After: lines i+1..end-1, end the smallest with DENSITY_WINDOW_WORDS words in it, else the end.
        end = min(bisect.bisect_left(words, words[i + 1] + DENSITY_WINDOW_WORDS, i + 2), last)
        sides = ((shaped[i] - shaped[start], words[i] - words[start]),
                 (shaped[end] - shaped[i + 1], words[end] - words[i + 1]))
        densities.append(min(100 * count / max(total, DENSITY_WINDOW_WORDS) for count, total in sides))
    return densities


def _lede_overlap(facts: LineFacts, segment: Segment) -> float:
    """Share of the headline's words that recur in the first LEDE_WORDS words below it: a
    headline is about what follows."""
    headline, key = set(facts.terms[segment.start]), facts.lines[segment.start].key
    if not headline:
        return 0.0
    seen: set[str] = set()
    words = 0
    for i in range(segment.start + 1, segment.end):
        if facts.lines[i].key != key:
            seen |= facts.terms[i].keys()
            words += facts.words[i]
        if words >= LEDE_WORDS:
            break
    return len(headline & seen) / len(headline)


def _repeated_below(lines: list[Line], i: int, counts: Counter) -> bool:
    """The page layout of seed 004: the headline again a few lines below, and between the two
    only repeated captions and at least one mark or caption. A heading repeated on the very next
    line is not this layout: scraped pages repeat subheads so too (a heading and its image's alt
    text), and such a repeat is weighed as any other candidate."""
    key = lines[i].key
    if counts[key] < 2:
        return False
    between: list[Line] = []
    for line in lines[i + 1 : i + 1 + REPEAT_LOOKAHEAD]:
        if line.key == key:
            return any(_is_page_furniture(other) for other in between)
        if line.kind == BODY and (counts[line.key] == 1 or is_headline(line)):
            return False
        between.append(line)
    return False


def _is_page_furniture(line: Line) -> bool:
    return line.rule == rules.SITE_MARK or bool(p.TRAILING_CREDIT.search(line.text)) or has_photo_credit(line.text)


def _text_under_captions_and_mark(facts: LineFacts, i: int) -> int | None:
    """Where the text begins under the headline at `i` when the headline's photo captions come
    right under it (lines ending with a photo credit), then a short line that is no sentence (a
    site's or agency's mark: "FAZ.NET", "© AFP", "Lusa"), then prose: a page's header, where an
    article's own picture under a subhead is followed by its text. None for any other layout."""
    lines = facts.lines
    k = i + 1
    while k < len(lines) and k - i <= MAX_CAPTIONS_UNDER_HEADLINE and has_photo_credit(lines[k].text):
        k += 1
    if k == i + 1 or k + 1 >= len(lines):
        return None
    mark, text = lines[k], lines[k + 1]
    is_mark = (mark.rule in MARK_RULES and mark.words <= MAX_MARK_WORDS
               and not mark.text.endswith((".", "!", "?", ":")))
    return k + 1 if is_mark and text.kind == BODY and not facts.headline[k + 1] and text.words > mark.words else None


def _wire_story_follows(lines: list[Line], i: int) -> bool:
    """A wire dateline under the headline, which is no live blog's entry heading: under a clock
    time with no date (a live blog's "14:20", "58 minutes ago") an entry opening with the wire
    copy's dateline is the blog's own oldest entry, and split it there in one-story documents of
    bench/split_layouts.py. Such a boundary is still weighed like any other."""
    return _dateline_follows(lines, i) and not (i and lines[i - 1].rule == rules.TIMESTAMP
                                                and not YEAR.search(lines[i - 1].text))


def _dateline_follows(lines: list[Line], i: int) -> bool:
    following = next((line for line in lines[i + 1 : i + 4] if line.kind == BODY and line.key != lines[i].key), None)
    return following is not None and bool(p.WIRE_DATELINE.match(following.text))
