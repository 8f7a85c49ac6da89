"""The copies of the fact-drift benchmark (bench/drift.py): AEB article bodies copied unedited,
reworded without changing a fact, or with one or two facts planted changed, made vaguer or
dropped, each planted edit recorded with where it is in both texts.

This is the ground-truth side. It shares no code with the detector (newsflow.tasks.drift) and
imports nothing from newsflow, so that the benchmark does not grade the detector against its own
reading of a text: its sentence splitter and fact finders are its own, deliberately simple, and
an edit is only planted where they are sure of what they found (otherwise the edit is skipped).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

KINDS = ("number", "date", "name", "quote")
EDIT_TYPES = ("number_changed", "number_vaguer", "date_shifted", "date_vaguer", "name_swapped",
              "quote_reworded", "quote_reattributed", "sentence_dropped")
EDITED_COPIES_PER_ARTICLE = 4
REWORDED_COPIES_PER_ARTICLE = 2
MIN_WORDS = 80

# ---------------------------------------------------------------------------------------------
# What the benchmark is made of


@dataclass(frozen=True)
class Sentence:
    """A sentence of a body and where it is (end excluded)."""

    text: str
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Mention:
    """A fact found in a sentence: offsets within the sentence; sort says which form it has (money,
    percent, count; month_day, day_month, month_year, weekday, month, year; person, organisation,
    place:<state|country|city>, other)."""

    kind: str
    start: int
    end: int
    text: str
    sort: str = ""


@dataclass(frozen=True)
class PlantedEdit:
    """One row the detector should report. start/end are the copy's sentence (None when the
    sentence was dropped); origin_start/origin_end the origin's. An optional row (required=False)
    is credited when reported and not missed when not; also_kinds are kinds credited as well."""

    edit: str
    kind: str
    change: str
    origin_value: str
    value: str
    origin_start: int
    origin_end: int
    start: int | None = None
    end: int | None = None
    required: bool = True
    also_kinds: tuple[str, ...] = ()

    @property
    def kinds(self) -> tuple[str, ...]:
        return (self.kind, *self.also_kinds)


@dataclass(frozen=True)
class Pair:
    """An origin body and one copy of it; variant is unedited, reworded or edited (an edited copy
    may be reworded as well, around its edits)."""

    pair_id: str
    article_id: str
    variant: str
    origin: str
    copy: str
    edits: tuple[PlantedEdit, ...]
    reworded: bool = False


# ---------------------------------------------------------------------------------------------
# Sentences

# Words whose trailing period does not end a sentence.
ABBREVIATIONS = frozenset("""mr mrs ms dr jr sr st rep reps sen gov gen lt col sgt capt prof rev inc corp co ltd no vs
    jan feb mar apr jun jul aug sep sept oct nov dec ft mt u.s u.k u.n d.c a.m p.m e.g i.e d-minn r-texas""".split())
SENTENCE_END = re.compile(r"[.!?]+[”»\"’)\]]*(?=\s+[“«\"‘]?[A-Z0-9])")  # not 'COLUMBIA, S.C. (AP) —'
PARAGRAPH = re.compile(r"[^\n]+")


def english(body: str) -> bool:
    """A body in English: a fifth of its words or more are the commonest English words."""
    words = re.findall(r"[a-z]+", body.lower())
    common = {"the", "and", "of", "to", "a", "in", "is", "that", "for", "on", "with", "was", "as", "it", "by",
              "at", "from", "he", "she", "his", "her", "they", "said", "has", "have", "be", "are", "an", "this",
              "which", "were", "will", "not", "but", "their", "its", "who", "had", "been", "we", "or", "more"}
    return bool(words) and sum(w in common for w in words) >= 0.2 * len(words)


def usable_bodies(articles: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (article_id, body) pairs the benchmark copies: English bodies of MIN_WORDS words or more."""
    return [(article_id, body) for article_id, body in articles
            if len(body.split()) >= MIN_WORDS and english(body)]


def _inside_quote(paragraph: str, position: int, balanced: bool) -> bool:
    if not balanced:
        return False
    before = paragraph[:position]
    curly = sum(before.count(c) for c in "“«") - sum(before.count(c) for c in "”»")
    return curly > 0 or before.count('"') % 2 == 1


def _quotes_balanced(paragraph: str) -> bool:
    opened = sum(paragraph.count(c) for c in "“«")
    return opened == sum(paragraph.count(c) for c in "”»") and paragraph.count('"') % 2 == 0


def split_sentences(body: str) -> list[Sentence]:
    """Sentences by paragraph (one paragraph a line), never splitting inside a balanced quotation
    (a quote of several sentences stays one sentence, with its attribution)."""
    sentences: list[Sentence] = []
    paragraphs = [m for m in PARAGRAPH.finditer(body) if m.group().strip()]
    for number, match in enumerate(paragraphs):
        text, offset = match.group(), match.start()
        balanced = _quotes_balanced(text)
        cuts = [0]
        for end in SENTENCE_END.finditer(text):
            word = re.search(r"(\S+)$", text[: end.start()])
            last = word.group(1).lstrip("(“\"‘").lower() if word else ""
            if last in ABBREVIATIONS or re.fullmatch(r"[a-z]", last) or _inside_quote(text, end.end(), balanced):
                continue
            cuts.append(end.end())
        cuts.append(len(text))
        for a, b in zip(cuts, cuts[1:]):
            piece = text[a:b]
            stripped = piece.strip()
            if stripped:
                start = offset + a + (len(piece) - len(piece.lstrip()))
                sentences.append(Sentence(stripped, start, start + len(stripped), number))
    return sentences


# ---------------------------------------------------------------------------------------------
# Quotes


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Where a sentence quotes someone (marks included): never reworded, and no other fact is
    edited inside. An unclosed quote runs to the end (or from the start, for a closing mark)."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for i, char in enumerate(text):
        if char in "“«" and opened is None:
            opened = i
        elif char in "”»":
            spans.append((0 if opened is None else opened, i + 1))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    straight = [i for i, char in enumerate(text) if char == '"']
    if len(straight) % 2:
        spans.append((0, len(text)))
    else:
        spans.extend((a, b + 1) for a, b in zip(straight[::2], straight[1::2]))
    spans.extend(m.span() for m in re.finditer(r"‘[^‘’]*’(?![A-Za-z])", text))
    return spans


def _protected(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < b and a < end for a, b in spans)


def quote_mentions(text: str) -> list[Mention]:
    """Double-quoted passages closed within the sentence; text is the words between the marks."""
    found = [Mention("quote", m.start(1), m.end(1), m.group(1))
             for m in re.finditer(r"[“«]([^“”«»]+)[”»]", text)]
    straight = [i for i, char in enumerate(text) if char == '"']
    if len(straight) % 2 == 0:
        found.extend(Mention("quote", a + 1, b, text[a + 1 : b]) for a, b in zip(straight[::2], straight[1::2]))
    return sorted(found, key=lambda m: m.start)


# ---------------------------------------------------------------------------------------------
# Dates

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH = r"(?:" + "|".join(MONTHS) + r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)"
YEAR = r"(?:19[5-9]\d|20[0-3]\d)"
DATE_PATTERNS = (
    ("month_day", re.compile(rf"\b{MONTH} \d{{1,2}}(?:st|nd|rd|th)?\b(?:, {YEAR}\b)?")),
    ("day_month", re.compile(r"\b\d{1,2} (?:" + "|".join(MONTHS) + rf")\b(?: {YEAR}\b)?")),
    ("month_year", re.compile(rf"\b{MONTH} {YEAR}\b")),
    ("weekday", re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")s?\b(?![’']s)")),
    ("month", re.compile(r"(?<=\b[Ii]n )(?:" + "|".join(MONTHS) + r")\b(?! \d)")),
    ("ago", re.compile(r"\b\d+ (?:years?|months?|weeks?|days?|decades?) ago\b")),
    # 'until 2047', 'by 2050': the digits, as a year
    ("year", re.compile(r"\b(?:by|until|in|before|after|from|through) (20[4-9]\d)\b(?![\d%-])")),
    ("year", re.compile(rf"(?<![\d$€£.,/-]){YEAR}\b(?![\d%-]|,\d| (?:percent|people|[a-z]+s)\b)")),
)
SEASONS = {1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring", 6: "summer", 7: "summer", 8: "summer",
           9: "autumn", 10: "autumn", 11: "autumn", 12: "winter"}


def date_mentions(text: str) -> list[Mention]:
    """Calendar dates: 'March 3(, 2019)', '3 March', 'March 2019', 'Monday', 'in April', '10 years
    ago', a year; not a weekday in a name ('Black Friday')."""
    found: list[Mention] = []
    for sort, pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            named = sort == "weekday" and re.search(r"\b([A-Z][a-z]+) $", text[: m.start()])
            if named and named.group(1) not in NOISE_WORDS:
                continue
            group = 1 if pattern.groups else 0
            if not any(m.start(group) < f.end and f.start < m.end(group) for f in found):
                found.append(Mention("date", m.start(group), m.end(group), m.group(group), sort))
    return sorted(found, key=lambda m: m.start)


def month_number(word: str) -> int:
    return next(i for i, month in enumerate(MONTHS, 1) if month.startswith(word.rstrip(".")[:3]))


# ---------------------------------------------------------------------------------------------
# Numbers

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE = r"(?: (?:million|billion|trillion|thousand))"
NOT_UNITS = frozenset("""am pm and or to a an the in on at for from with by as is was are were will has have had that
    this but so if than when after before over under into out up down per of percent million billion trillion
    thousand pointer pointers""".split())
NUMBER_PATTERNS = (
    ("money", re.compile(rf"[$€£](?:{NUM})(?:{SCALE}|bn\b|m\b)?")),
    ("percent", re.compile(rf"(?<![\w.,$-])(?:{NUM})(?:%| percent\b| per cent\b)")),
    ("count", re.compile(rf"(?<![\w.,/:$€£-])(?:{NUM}){SCALE}?(?:-[a-z]+(?:-[a-z]+)*| [a-z]{{2,}})\b(?![-’'])")),
)


def number_mentions(text: str) -> list[Mention]:
    """Amounts with their unit: money ('$5 million'), percentages ('12%'), counts of something
    ('32 people', '16-inch'), not a date's digits and not a model number ('iPhone 11 models')."""
    dates = date_mentions(text)
    found: list[Mention] = []
    for sort, pattern in NUMBER_PATTERNS:
        for m in pattern.finditer(text):
            overlaps = any(m.start() < f.end and f.start < m.end() for f in [*found, *dates])
            before = text[: m.start()].split()
            named = bool(before) and (any(c.isupper() for c in before[-1]) or before[-1] in ("No.", "no."))
            unit = m.group().split()[-1] if sort == "count" and " " in m.group() else ""
            if overlaps or (sort == "count" and (named or unit in NOT_UNITS or re.fullmatch(YEAR, m.group()[:4]))):
                continue
            found.append(Mention("number", m.start(), m.end(), m.group(), sort))
    return sorted(found, key=lambda m: m.start)


def digit_runs(text: str) -> list[str]:
    return re.findall(r"\d[\d,.]*\d|\d", text)


# ---------------------------------------------------------------------------------------------
# Names: capitalised sequences, typed by cues in the text

CAPITALISED = r"(?:Jr\.|Sr\.|Inc\.|Corp\.|Co\.|Ltd\.|[A-Z]\.(?:[A-Z]\.)+|[A-Z][\w’'\-]*\w|[A-Z]\.?)"
NAME_RUN = re.compile(rf"(?<![\w’'\-]){CAPITALISED}(?: (?:(?:of|de|del|da|van|von|bin|al) )?{CAPITALISED})*")
TITLES = frozenset("""Mr Mrs Ms Dr Rep Sen Gov Gen Lt Col Sgt Capt Prof Rev President Vice Senator Representative
    Governor Mayor Judge Justice Secretary Minister Prime Chancellor King Queen Prince Princess Pope Attorney General
    Officer Detective Chief Coach Director Chairman Chairwoman CEO Sheriff Deputy Speaker Leader Commissioner
    Ambassador Pastor Sir Lady Lord Dame Agent Trooper Sergeant Lieutenant Captain Professor Dean Analyst""".split())
COMMON = frozenset("""The A An In On At As But And Or If So He She It We They I You His Her Its Our Their This That
    These Those There Here What When Where Why How Who Whom Whose Which While After Before During Following According
    Despite Since Under With Without For From To Of By Also However Nevertheless Now Then Still Yet Even Just Only
    Some Many Most All Both Each Every Other Another Such No Not Yes Last Next Earlier Later Meanwhile Instead
    Although Though Because Unlike Like Over About More Less Until Through Throughout Among Between Into Onto Upon
    Once Twice Today Tonight Yesterday Tomorrow Please Photo Image Video Advertisement Read Click Share Sign Skip
    Summary Update Updated Note Editor Related See Watch Listen Subscribe Follow Getty Images""".split())
ORG_WORDS = frozenset("""Inc Inc. Corp Corp. Company Co. Records Productions University College School Department Office
    Police Party Council Association Institute Bank Group Agency Commission Committee Ministry Court Foundation Club
    Airlines Motors Times Post News Network Service Administration Authority Board Bureau Center Centre Church
    Corporation Federation Fund Hospital League Museum Organization Organisation Press Society Studios Systems
    Technologies Union Journal Magazine Entertainment Media Labs Partners Holdings Capital Games Pictures""".split())
ORG_HEADS = frozenset("University Department Bank Ministry Office Board Bureau Museum Church College School".split())
# Places by sort, so that a state is swapped for a state and a city for a city.
PLACES = {
    **dict.fromkeys("""Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho
        Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi
        Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Wisconsin
        Wyoming""".split() + ["New Jersey", "New Mexico", "New Hampshire", "North Carolina", "South Carolina",
                             "North Dakota", "South Dakota", "West Virginia", "Rhode Island"], "state"),
    **dict.fromkeys("""Canada Mexico Brazil Argentina Chile Britain England Scotland Wales Ireland France Germany Italy
        Spain Portugal Netherlands Belgium Switzerland Austria Poland Sweden Norway Denmark Finland Russia Ukraine
        Turkey Greece Israel Iran Iraq Syria Egypt Nigeria Kenya Ethiopia India Pakistan China Japan Taiwan Vietnam
        Thailand Indonesia Philippines Malaysia Singapore Australia Lebanon Afghanistan""".split()
                    + ["South Africa", "South Korea", "North Korea", "Saudi Arabia", "New Zealand"], "country"),
    **dict.fromkeys("""London Paris Berlin Madrid Rome Moscow Beijing Shanghai Tokyo Seoul Delhi Mumbai Sydney Toronto
        Chicago Boston Houston Dallas Atlanta Miami Seattle Denver Phoenix Detroit Philadelphia Baltimore Brooklyn
        Manhattan Wichita Topeka Salina Nashville Memphis Portland Cleveland Pittsburgh Minneapolis Orlando Tampa
        Sacramento Oakland Dubai Istanbul Cairo Lagos Nairobi Johannesburg Kyiv Warsaw Vienna Amsterdam Brussels
        Dublin Edinburgh Milan Hayward Anaheim Melbourne Abuja""".split()
                    + ["New York City", "Los Angeles", "San Francisco", "San Diego", "Las Vegas", "New Orleans",
                       "Kansas City", "Salt Lake City", "St. Louis", "Hong Kong"], "city"),
}
# Common first names: a two- or three-word name starting with one is a person's.
FIRST_NAMES = frozenset("""Aaron Adam Alan Albert Alex Alexander Alexandria Alice Amanda Amy Andrew Angela Ann Anna Anne
    Anthony Ariana Barack Barbara Ben Benjamin Beth Betty Bill Bob Brad Brandon Brian Britney Bruce Carl Carol Caroline
    Catherine Charles Charlie Chris Christian Christina Christopher Cindy Claire Craig Dan Daniel Dave David Deborah
    Dennis Diana Donald Donna Doug Douglas Ed Edward Elizabeth Ellen Emily Emma Eric Erik Frank Gary George Grace Greg
    Gregory Hannah Harry Heather Helen Henry Ian Jack Jacob James Jamie Jane Janet Jason Jeff Jeffrey Jennifer Jeremy
    Jessica Jim Joe Joel John Jon Jonathan Joseph Josh Joshua Julia Julie Justin Karen Kate Katherine Kathy Keith
    Kelly Ken Kenneth Kevin Kim Kyle Larry Laura Lauren Lee Linda Lisa Lori Mark Martha Martin Mary Matt Matthew
    Megan Melissa Michael Michelle Mike Nancy Nathan Nick Nicholas Nicole Pamela Pat Patricia Patrick Paul Peter
    Phil Philip Rachel Ralph Randy Rebecca Richard Rick Rob Robert Roger Ron Ronald Rose Russell Ruth Ryan Sam Samuel
    Sandra Sarah Scott Sean Sharon Stephanie Stephen Steve Steven Susan Taylor Terry Thomas Tim Timothy Todd Tom Tony
    Tyler Victoria Vincent Walter Wayne William Zach""".split())
# Words that make a capitalised sequence something other than a person's name.
NOT_PERSON = frozenset("""Pro Max Plus Mini Edition Series Cup Awards Award Festival Day Week Street Avenue Road
    Park Stadium Arena Hall House Senate Congress Court Tower Bridge Island River Lake Mountain Valley Beach County
    State City National International Global American Airport Station Conference Championship Games Store App
    Watch Phone Studio Show Movie Film Project Program Act Law Prize League Division Team""".split())
SPEECH = r"(?:said|says|told|added|wrote|explained|noted|stated|tweeted|continued)"
MONTH_ABBREVIATIONS = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
NOISE_WORDS = TITLES | COMMON | set(MONTHS) | set(WEEKDAYS) | MONTH_ABBREVIATIONS
CONNECTORS = frozenset({"of", "de", "del", "da", "van", "von", "bin", "al"})
TRAILING_NOISE = TITLES | set(MONTHS) | set(WEEKDAYS) | MONTH_ABBREVIATIONS | CONNECTORS
NAME_WORD = re.compile(r"(?:(?![A-Z][a-z]*[’']s$)[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*"  # not a possessive
                       r"|Mc[A-Z][a-z]+|O[’'][A-Z][a-z]+|[A-Z]\.|Jr\.|Sr\.)")


def _clean_run(text: str, start: int, end: int) -> tuple[int, int]:
    """The run without its leading titles and common words, and without a possessive ending."""
    run = text[start:end]
    while True:
        first = re.match(r"\S+", run)
        if not first or (first.group().rstrip(".") not in NOISE_WORDS
                         and not re.fullmatch(r"(?:[A-Z]\.)+", first.group())):
            break
        skip = len(first.group()) + (1 if len(run) > len(first.group()) else 0)
        start, run = start + skip, run[skip:]
    while run and run.split()[-1].rstrip(".") in TRAILING_NOISE:
        run = run[: run.rstrip().rfind(" ")] if " " in run else ""
    for ending in ("’s", "'s", "’", "'"):
        if run.endswith(ending):
            run = run[: -len(ending)]
    return start, start + len(run)


def name_runs(text: str) -> list[Mention]:
    """Capitalised sequences that are not titles, common words, months or weekdays (untyped)."""
    found = []
    for m in NAME_RUN.finditer(text):
        suffix = re.search(r"\b(?:Inc|Corp|Co|Ltd)\.", m.group())
        start, end = _clean_run(text, m.start(), m.start() + suffix.end() if suffix else m.end())  # a name ends there
        opening = re.match(r"(\S+) (?:of|de|del|da|van|von|bin|al) ", text[start:end])
        if start == 0 and opening and opening.group(1) not in ORG_HEADS:
            start += opening.end()  # 'Shares of Northwind Corp.': the sentence's first word is no name's
        if end - start >= 2 and text[start].isupper():
            found.append(Mention("name", start, end, text[start:end]))
    return found


def family_name(name: str) -> str:
    words = name.split()
    return words[-2] if words[-1] in ("Jr.", "Sr.") and len(words) > 1 else words[-1]


def _looks_like_person(name: str, before: str, body: str) -> bool:
    """Two to four name-like words, none a place or organisation word, and a cue: a common first
    name, a title before it, or (for two words not opening a sentence, where 'Whatever Apple' would)
    its family name alone beside a speech verb elsewhere in the body."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(NAME_WORD.fullmatch(w) for w in words) or \
            set(words) & (ORG_WORDS | NOT_PERSON | NOISE_WORDS | set(PLACES)):
        return False
    family = re.escape(family_name(name))
    titled = re.search(r"\b(?:" + "|".join(TITLES) + r")\.? $", before) is not None
    alone_speaking = re.search(rf"\b{SPEECH},? {family}\b", body) is not None or any(
        not re.search(r"[A-Z][\w’'.-]* $", body[: m.start()]) for m in re.finditer(rf"\b{family},? {SPEECH}\b", body))
    quoted = len(words) == 2 and before.strip() != "" and "-" not in family and alone_speaking
    return words[0] in FIRST_NAMES or titled or quoted


@lru_cache(maxsize=512)
def body_people(body: str) -> frozenset[str]:
    """The full names of the persons a body names."""
    people = set()
    for sentence in split_sentences(body):
        for m in name_runs(sentence.text):
            if _looks_like_person(m.text, sentence.text[: m.start], body):
                people.add(m.text)
    return frozenset(people)


def name_type(name: str, body: str) -> str:
    """person, organisation or place:<state|country|city> when a cue says so, other when none does."""
    words = name.split()
    if name in PLACES:
        return f"place:{PLACES[name]}"
    if len(words) > 1 and (words[-1] in ORG_WORDS or (words[0] in ORG_HEADS and "of" in words)):
        plain = all(NAME_WORD.fullmatch(w) or w in CONNECTORS or w in ORG_WORDS for w in words)
        return "organisation" if plain else "other"
    people = body_people(body)
    if name in people or (len(words) == 1 and any(family_name(p) == name for p in people)):
        return "person"
    return "other"


def name_mentions(text: str, body: str = "") -> list[Mention]:
    """The names of a sentence, typed against the body it comes from."""
    return [replace(m, sort=name_type(m.text, body or text)) for m in name_runs(text)]


def facts(text: str) -> Counter:
    """Every number, date, name and quote of a text, as (kind, value) counts: what a copy that
    changes no fact keeps."""
    found: Counter = Counter()
    for sentence in split_sentences(text):
        found.update(("number", run) for run in digit_runs(sentence.text))
        found.update(("date", m.text) for m in date_mentions(sentence.text))
        found.update(("name", m.text) for m in name_mentions(sentence.text))
        found.update(("quote", m.text) for m in quote_mentions(sentence.text))
    return found


def article_names(body: str) -> dict[str, set[str]]:
    """The person, organisation and place names of a body, by type."""
    names: dict[str, set[str]] = {}
    for sentence in split_sentences(body):
        spans = protected_spans(sentence.text)
        for m in name_mentions(sentence.text, body):
            if m.sort != "other" and not _protected(spans, m.start, m.end):
                names.setdefault(m.sort, set()).add(m.text)
    return names


# ---------------------------------------------------------------------------------------------
# A copy being made: the origin's sentences, each with the whitespace that followed it


@dataclass
class Slot:
    text: str
    separator: str
    origin_index: int
    paragraph: int


@dataclass
class Draft:
    origin: str
    sentences: list[Sentence]
    prefix: str
    slots: list[Slot]
    touched: set[int] = field(default_factory=set)
    planted: list[tuple[int, PlantedEdit]] = field(default_factory=list)

    @classmethod
    def of(cls, body: str) -> Draft:
        sentences = split_sentences(body)
        slots = [Slot(s.text, body[s.end : nxt.start if nxt else len(body)], i, s.paragraph)
                 for i, (s, nxt) in enumerate(zip(sentences, [*sentences[1:], None]))]
        return cls(body, sentences, body[: sentences[0].start] if sentences else body, slots)

    def slot(self, origin_index: int) -> Slot:
        return next(s for s in self.slots if s.origin_index == origin_index)

    def render(self) -> tuple[str, dict[int, tuple[int, int]]]:
        """The copy, and where each origin sentence's copy is in it."""
        parts, spans, at = [self.prefix], {}, len(self.prefix)
        for slot in self.slots:
            spans[slot.origin_index] = (at, at + len(slot.text))
            parts.append(slot.text + slot.separator)
            at += len(slot.text) + len(slot.separator)
        return "".join(parts), spans

    def free(self) -> list[int]:
        """Origin sentences still as they were: one edit per sentence."""
        return [s.origin_index for s in self.slots if s.origin_index not in self.touched]

    def replace(self, origin_index: int, start: int, end: int, new: str) -> None:
        slot = self.slot(origin_index)
        slot.text = slot.text[:start] + new + slot.text[end:]
        self.touched.add(origin_index)

    def drop(self, origin_index: int) -> None:
        position = next(i for i, s in enumerate(self.slots) if s.origin_index == origin_index)
        dropped = self.slots.pop(position)
        previous = self.slots[position - 1] if position else None
        if previous and previous.paragraph == dropped.paragraph and "\n" in dropped.separator:
            previous.separator = dropped.separator  # the paragraph break stays after the sentence before
        elif previous and position == len(self.slots):
            previous.separator = dropped.separator
        self.touched.add(origin_index)

    def plant(self, origin_index: int, edit: PlantedEdit) -> None:
        sentence = self.sentences[origin_index]
        self.planted.append((origin_index, replace(edit, origin_start=sentence.start, origin_end=sentence.end)))


# ---------------------------------------------------------------------------------------------
# Planted edits: each returns False when the body has no suitable place for it


def _candidates(draft: Draft, finder: Callable[[Sentence], list[Mention]]) -> list[tuple[int, Mention]]:
    """(origin index, mention) for mentions outside quotes in sentences not yet edited."""
    found = []
    for index in draft.free():
        sentence = draft.sentences[index]
        spans = protected_spans(sentence.text)
        found.extend((index, m) for m in finder(sentence) if not _protected(spans, m.start, m.end))
    return found


def _format_like(template: str, value: float) -> str:
    decimals = len(template.split(".")[1]) if "." in template else 0
    return f"{value:,.{decimals}f}" if "," in template else f"{value:.{decimals}f}"


def changed_number(digits: str, rng: random.Random) -> str:
    """Another plausible value written like digits: 32 -> 41, 5 -> 8, 250,000 -> 310,000, 3.5 -> 3.8."""
    value = float(digits.replace(",", ""))
    if "." in digits:
        step = 10 ** -len(digits.split(".")[1])
        new = value + rng.choice([-1, 1]) * rng.randint(1, 9) * step
        new = new if new > 0 else value + rng.randint(1, 9) * step
    elif value < 10:
        new = rng.choice([v for v in range(2, 13) if v != value])
    else:
        zeros = len(digits.replace(",", "")) - len(digits.replace(",", "").rstrip("0"))
        grain = 10 ** min(zeros, len(digits.replace(",", "")) - 1)
        new = value
        while new == value or new <= 0:
            new = round(value * rng.choice([0.6, 0.7, 0.8, 1.25, 1.3, 1.5]) / grain) * grain or grain
    return _format_like(digits, new)


def takes_an(digits: str) -> bool:
    """Whether a number is said with 'an' before it: 8, 11, 18, 80-89, 800, 11,000 ..."""
    whole = digits.split(".")[0].replace(",", "")
    return whole.startswith("8") or (len(whole) % 3 == 2 and whole[:2] in ("11", "18"))


def plant_number_changed(draft: Draft, rng: random.Random, pools: NamePools) -> bool:
    candidates = [(i, m) for i, m in _candidates(draft, lambda s: number_mentions(s.text))
                  if not (m.sort == "count" and float(re.match(NUM, m.text).group().replace(",", "")) < 2)]
    if not candidates:
        return False
    index, mention = rng.choice(candidates)
    digits = re.search(NUM, mention.text)
    article = re.search(r"\b(an?) $", draft.sentences[index].text[: mention.start])

    def reads(new: str) -> bool:  # 'an 11-game streak' -> 'an 18-game', not 'an 16-game'; no '150%' for '99%'
        percent_ok = mention.sort != "percent" or float(new.replace(",", "")) <= 100 or float(digits.group()) > 100
        year_like = re.fullmatch(r"(?:19|20)\d\d", new) is not None  # '1000 feet' -> '2000 feet' would read as a year
        return percent_ok and not year_like and (not article or takes_an(new) == (article.group(1) == "an"))

    new_digits = next((n for n in (changed_number(digits.group(), rng) for _ in range(20)) if reads(n)), None)
    if new_digits is None:
        return False
    new_text = mention.text[: digits.start()] + new_digits + mention.text[digits.end():]
    draft.replace(index, mention.start, mention.end, new_text)
    draft.plant(index, PlantedEdit("number_changed", "number", "changed", mention.text, new_text, 0, 0))
    return True


CURRENCIES = {"$": "dollars", "€": "euros", "£": "pounds"}
HEDGES = frozenset("""a an the about nearly almost roughly around approximately some over under than to just only
    least most top first last all another every""".split())


def vaguer_number(mention: Mention) -> str | None:
    """The amount said approximately: '32 people' -> 'dozens of people', '$5 million' -> 'millions
    of dollars', '12%' -> 'roughly 10%'; None when no approximate wording reads naturally."""
    digits = re.search(NUM, mention.text)
    value = float(digits.group().replace(",", ""))
    if mention.sort == "percent":
        rounded = round(value / 5) * 5 if value >= 10 else round(value)
        return f"roughly {rounded:g}%" if rounded else None
    if mention.sort == "money":
        scale = re.search(r"million|billion|trillion", mention.text)
        currency = CURRENCIES[mention.text[0]]
        if scale:
            return f"{scale.group()}s of {currency}" if value >= 2 else None
        for floor, words in ((100_000, "hundreds of thousands of"), (1000, "thousands of"), (100, "hundreds of")):
            if value >= floor:
                return f"{words} {currency}"
        return None
    if "-" in mention.text[digits.end():digits.end() + 1] or value != int(value):
        return None  # '16-inch', '2.5 points': no approximate form reads naturally
    rest = mention.text[digits.end():].strip()
    scale = re.match(r"(million|billion|thousand) ", rest)
    if scale:
        return f"{scale.group(1)}s of {rest[scale.end():]}" if value >= 2 else None
    for floor, words in ((1000, "thousands of"), (100, "hundreds of"), (24, "dozens of"), (13, "more than a dozen"),
                         (10, "about a dozen"), (3, "several"), (2, "a couple of")):
        if value >= floor:
            return f"{words} {rest}"
    return None


def plant_number_vaguer(draft: Draft, rng: random.Random, pools: NamePools) -> bool:
    candidates = []
    for index, mention in _candidates(draft, lambda s: number_mentions(s.text)):
        before = draft.sentences[index].text[: mention.start].split()
        if before and before[-1].lower() in HEDGES:
            continue  # 'a 12% rise', 'more than 30 people': an approximate form would not read
        vaguer = vaguer_number(mention)
        if vaguer:
            candidates.append((index, mention, vaguer))
    if not candidates:
        return False
    index, mention, vaguer = rng.choice(candidates)
    draft.replace(index, mention.start, mention.end, vaguer)
    draft.plant(index, PlantedEdit("number_vaguer", "number", "vaguer", mention.text, vaguer, 0, 0))
    return True


def _moved_day(text: str, day: re.Match, rng: random.Random) -> str:
    number = int(day.group(1))
    moved = number + rng.choice([1, 2, 3, 4, 5]) if number <= 23 else number - rng.choice([1, 2, 3, 4, 5])
    suffix = ""
    if day.group(2):
        suffix = "th" if 10 <= moved % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(moved % 10, "th")
    return text[: day.start(1)] + str(moved) + suffix + text[day.end():]


def shifted_date(mention: Mention, rng: random.Random) -> str:
    """The same kind of date, moved: 2019 -> 2017, Monday -> Wednesday, March 3 -> March 5."""
    text = mention.text
    if mention.sort == "weekday":
        day = WEEKDAYS.index(text.rstrip("s"))
        return WEEKDAYS[(day + rng.choice([1, 2, 3, -1, -2])) % 7] + ("s" if text.endswith("s") else "")
    if mention.sort == "month":
        return MONTHS[(MONTHS.index(text) + rng.choice([1, 2, -1, -2])) % 12]
    if mention.sort == "year":
        return str(int(text) + rng.choice([1, 2, 3, -1, -2, -3]))
    if mention.sort == "month_year":
        year = re.search(YEAR + r"$", text)
        return text[: year.start()] + str(int(year.group()) + rng.choice([1, -1, 2, -2]))
    if mention.sort == "day_month":
        return _moved_day(text, re.match(r"(\d{1,2})()", text), rng)
    return _moved_day(text, re.search(r" (\d{1,2})(st|nd|rd|th)?", text), rng)


YEAR_PREPOSITION = re.compile(r"\b(?:[Ii]n|since|by|until|from|during|before|after|of|to|through|early|late) $")


def plantable_dates(sentence: Sentence) -> list[Mention]:
    """The dates of a sentence an edit may change: not part of a range ('18-24 November'), not
    'N years ago', and a year only where a preposition says it is one ('in 2014', not 'the 2020
    election' or 'The Force Unleashed 2019')."""
    text = sentence.text
    return [m for m in date_mentions(text) if m.sort != "ago"
            and not re.search(r"\d ?[-–] ?$", text[: m.start]) and not re.match(r" ?[-–] ?\d", text[m.end:])
            and (m.sort != "year" or YEAR_PREPOSITION.search(text[: m.start]))]


def plant_date_shifted(draft: Draft, rng: random.Random, pools: NamePools) -> bool:
    candidates = _candidates(draft, plantable_dates)
    if not candidates:
        return False
    index, mention = rng.choice(candidates)
    new = shifted_date(mention, rng)
    draft.replace(index, mention.start, mention.end, new)
    draft.plant(index, PlantedEdit("date_shifted", "date", "changed", mention.text, new, 0, 0))
    return True


PAST_VERBS = (r"(?:said|told|was|were|had|did|wrote|fell|rose|won|lost|met|made|took|gave|came|went|began|left|held"
              r"|saw|found|got|paid|sent|spent|[a-z]+ed)")
PAST = re.compile(rf"\b{PAST_VERBS}$")
# Words after a weekday that leave it an adverb of time ('said Monday the victim was'), unlike
# 'Monday night' or 'Monday announcement'.
WEEKDAY_FOLLOWERS = frozenset("""the a an to and after before at in on that as when while with for from by of but or
    amid following during""".split())
FUTURE = re.compile(r"\b(?:will|is set to|are set to|scheduled|plans? to|is expected to|are expected to)\b")


def _weekday_relative(sentence: str, mention: Mention) -> str | None:
    """'recently' for a weekday of the past ('police said on Monday'), 'in the coming days' for one
    of the future ('the vote will take place on Monday'), None when the tense is unclear or the
    weekday is part of a longer phrase ('this Monday', 'Monday night', 'Mondays')."""
    following = re.match(r" ([a-z]+)", sentence[mention.end:])
    if mention.text.endswith("s") or re.match(r"[’']", sentence[mention.end:]) \
            or (following and following.group(1) not in WEEKDAY_FOLLOWERS) \
            or re.search(r"(?:\b(?:this|next|that|every|[A-Z][a-z]+day,?|and|or)|[’']s) $",
                         sentence[: mention.start]):
        return None  # not 'Monday night', 'NASA’s Monday announcement', 'spent Monday trying'
    plain = sentence
    for start, end in protected_spans(sentence):
        plain = plain[:start] + " " * (end - start) + plain[end:]
    verb = re.sub(r"\s*\b(?:on|last)\s*$", "", plain[: mention.start]).rstrip(" ,")
    if PAST.search(verb):
        return "recently"  # 'officials said on Monday' (even of what will happen)
    future = FUTURE.search(plain) is not None
    past = re.search(rf"\b{PAST_VERBS}\b", plain) is not None
    if future == past:
        return None  # 'On Monday, she said crews will start': which does Monday belong to?
    return "in the coming days" if future else "recently"


def vaguer_date(sentence: str, mention: Mention) -> tuple[int, int, str] | None:
    """(start, end, new) replacing the date, and its preposition, by a vaguer or relative
    expression: 'in 2016' -> 'in the mid-2010s', 'on March 21, 2019' -> 'in March 2019', 'in April'
    -> 'in the spring', 'said on Monday' -> 'said recently' (a weekday only where the tense is
    clear: 'this week' would be false of last Friday)."""
    start, end, text = mention.start, mention.end, mention.text
    preposition = re.search(r"\b([Oo]n|[Ii]n|[Ll]ast) $", sentence[:start])
    said = preposition.group(1).lower() if preposition else ""
    capital = bool(preposition) and preposition.group(1)[0].isupper()
    if mention.sort == "weekday":
        relative = _weekday_relative(sentence, mention)
        if relative is None or (said == "last" and relative != "recently"):
            return None
        if said in ("last", "on"):
            return preposition.start(), end, relative.capitalize() if capital else relative
        return start, end, relative
    if mention.sort == "year" and said == "in":
        year = int(text)
        part = "early " if year % 10 <= 3 else "mid-" if year % 10 <= 6 else "late "
        return start, end, f"the {part}{year // 10 * 10}s"
    if mention.sort == "month":
        return start, end, f"the {SEASONS[MONTHS.index(text) + 1]}"
    if mention.sort in ("month_day", "day_month"):
        if re.search(r"(?:\(|day, ) ?$", sentence[:start]):
            return None  # 'today (Nov. 18)', 'Friday, Dec. 6': the month alone would not read
        month = re.search(MONTH, text).group()
        year = re.search(YEAR + r"$", text)
        new = MONTHS[month_number(month) - 1] + (f" {year.group()}" if year else "")
        if said == "on":
            return preposition.start(), end, f"{'In' if capital else 'in'} {new}"
        return start, end, new
    return None


def plant_date_vaguer(draft: Draft, rng: random.Random, pools: NamePools) -> bool:
    candidates = []
    for index, mention in _candidates(draft, plantable_dates):
        vaguer = vaguer_date(draft.sentences[index].text, mention)
        if vaguer:
            candidates.append((index, vaguer))
    if not candidates:
        return False
    index, (start, end, new) = rng.choice(candidates)
    old = draft.sentences[index].text[start:end]
    draft.replace(index, start, end, new)
    draft.plant(index, PlantedEdit("date_vaguer", "date", "vaguer", old, new, 0, 0))
    return True


@dataclass(frozen=True)
class NamePools:
    """Person, organisation and place names of every article, to swap one article's for another's."""

    by_type: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, bodies: Iterable[str]) -> NamePools:
        merged: dict[str, set[str]] = {}
        for body in bodies:
            for sort, names in article_names(body).items():
                merged.setdefault(sort, set()).update(names)
        return cls({sort: tuple(sorted(names)) for sort, names in sorted(merged.items())})

    def other(self, sort: str, like: str, body: str, rng: random.Random) -> str | None:
        """A name of that type from another article, absent from body and sharing no word with like;
        for a person named by family name alone, another person's family name."""
        alone = sort == "person" and len(like.split()) == 1
        names = {family_name(n) if alone else n for n in self.by_type.get(sort, ())}
        choices = sorted(n for n in names if n not in body and not set(n.split()) & set(like.split())
                         and (alone or len(n.split()) == len(like.split()) or sort != "person"))
        return rng.choice(choices) if choices else None


def _speakers(sentence: str, body: str) -> list[Mention]:
    """The persons named next to a speech verb ('Omar said', 'said John Smith') in a sentence that
    quotes three words or more."""
    if not any(len(q.text.split()) >= 3 for q in quote_mentions(sentence)):
        return []
    spans = protected_spans(sentence)
    found = []
    for m in name_mentions(sentence, body):
        after, before = sentence[m.end:], sentence[: m.start]
        beside_verb = re.match(rf" {SPEECH}\b", after) or \
            re.search(rf"\b{SPEECH},? (?:(?:{'|'.join(TITLES)})\.? )?$", before)
        if beside_verb and m.sort == "person" and not _protected(spans, m.start, m.end):
            found.append(m)
    return found


def _swappable(sentence: str, mention: Mention) -> bool:
    """A typed name that a replacement fits: not a possessive written with a bare apostrophe ('News’'),
    which another name would need written differently, and not part of a longer name ('The Dutta
    Corp. Fair Hill International')."""
    return mention.sort != "other" and not re.match(r"[’'](?!s)| [A-Z]", sentence[mention.end:])


def plant_name_swapped(draft: Draft, rng: random.Random, pools: NamePools) -> bool:
    """A person, organisation or place replaced by one of the same type from another article, in a
    sentence that quotes no one (whose names a detector may well report as the quote's speaker:
    that is plant_quote_reattributed's edit)."""
    candidates = []
    for index, mention in _candidates(draft, lambda s: name_mentions(s.text, draft.origin)):
        text = draft.sentences[index].text
        if _swappable(text, mention) and not quote_mentions(text):
            candidates.append((index, mention))
    rng.shuffle(candidates)
    for index, mention in candidates:
        new = pools.other(mention.sort, mention.text, draft.origin, rng)
        if new and new not in text:
            draft.replace(index, mention.start, mention.end, new)
            draft.plant(index, PlantedEdit("name_swapped", "name", "changed", mention.text, new, 0, 0))
            return True
    return False


def plant_quote_reattributed(draft: Draft, rng: random.Random, pools: NamePools) -> bool:
    """The speaker of a quote swapped for another person of the article (or of another article).
    Recorded as a name change (who said it); a report of it as a changed quote is credited too."""
    people = sorted(body_people(draft.origin))
    candidates = [(i, m) for i in draft.free() for m in _speakers(draft.sentences[i].text, draft.origin)
                  if _swappable(draft.sentences[i].text, m)]
    rng.shuffle(candidates)
    for index, speaker in candidates:
        words = set(speaker.text.split())
        others = [p for p in people if not set(p.split()) & words and family_name(p) not in draft.sentences[index].text]
        shaped = sorted({family_name(p) if len(words) == 1 else p for p in others
                         if len(words) == 1 or len(p.split()) == len(words)})
        new = rng.choice(shaped) if shaped else pools.other("person", speaker.text, draft.origin, rng)
        if new:
            draft.replace(index, speaker.start, speaker.end, new)
            draft.plant(index, PlantedEdit("quote_reattributed", "name", "changed", speaker.text, new, 0, 0,
                                           also_kinds=("quote",)))
            return True
    return False


# Words changed inside a quote: each changes what the person is reported to have said.
QUOTE_REWORDINGS = {"is": "was", "are": "were", "was": "is", "will": "would", "would": "will", "can": "could",
                    "could": "can", "must": "should", "should": "must", "we": "they", "our": "their", "my": "our",
                    "never": "rarely", "always": "usually", "very": "quite", "really": "truly", "good": "fine",
                    "great": "good", "think": "believe", "believe": "think", "want": "hope", "this": "that",
                    "these": "those", "important": "essential", "people": "folks"}


def plant_quote_reworded(draft: Draft, rng: random.Random, pools: NamePools) -> bool:
    candidates = []
    for index in draft.free():
        for quote in quote_mentions(draft.sentences[index].text):
            words = [m for m in re.finditer(r"(?<![\w’'-])[A-Za-z]+(?![\w’'-])", quote.text)
                     if m.group() in QUOTE_REWORDINGS]
            if len(quote.text.split()) >= 5 and words:
                candidates.append((index, quote, words))
    if not candidates:
        return False
    index, quote, words = rng.choice(candidates)
    chosen = sorted(rng.sample(words, min(len(words), rng.choice([1, 2]))), key=lambda m: m.start())
    new = quote.text
    for word in reversed(chosen):
        new = new[: word.start()] + QUOTE_REWORDINGS[word.group()] + new[word.end():]
    draft.replace(index, quote.start, quote.end, new)
    draft.plant(index, PlantedEdit("quote_reworded", "quote", "changed", quote.text, new, 0, 0))
    return True


def sentence_facts(text: str, body: str) -> dict[str, list[str]]:
    """What a sentence states for sure, by kind, as the dropped-sentence convention counts it:
    amounts and other numbers outside dates; dates (a year with its preposition); person,
    organisation and place names other than a quote's speaker; all three outside quotes (they are
    the quote's); and quotes of four words or more attributed to someone (a speech verb, or a colon
    before the quote), or of eight or more ('“Takin’ It to the Streets”' is a song's title)."""
    spans = protected_spans(text)
    dates = date_mentions(text)
    numbers = list(number_mentions(text))
    numbers += [Mention("number", m.start(), m.end(), m.group())
                for m in re.finditer(r"(?<![\w.,])\d[\d,.]*\d(?![\w])|(?<![\w.,])\d(?![\w.,])", text)
                if not any(m.start() < d.end and d.start < m.end() for d in dates)
                and not any(n.start <= m.start() < n.end for n in numbers) and not _after_name(text, m.start())]
    sure_dates = plantable_dates(Sentence(text, 0, len(text), 0)) + [d for d in dates if d.sort == "ago"]
    speakers = _speakers(text, body)  # a quote's speaker is the quote's: reported with it
    attributed = re.search(rf"\b{SPEECH}\b|:\s*[“\"]", text) is not None
    return {
        "number": [m.text for m in numbers if not _protected(spans, m.start, m.end)],
        "date": [m.text for m in sure_dates if not _protected(spans, m.start, m.end)],
        "name": [m.text for m in name_mentions(text, body)
                 if m.sort != "other" and m not in speakers and not _protected(spans, m.start, m.end)],
        "quote": [m.text for m in quote_mentions(text)
                  if len(m.text.split()) >= 8 or (len(m.text.split()) >= 4 and attributed)],
    }


def _after_name(text: str, start: int) -> bool:
    before = text[:start].split()
    return bool(before) and any(c.isupper() for c in before[-1])


def plant_sentence_dropped(draft: Draft, rng: random.Random, pools: NamePools) -> bool:
    """A sentence that states a number, a date or a quote the rest of the body does not, dropped
    (its rows are made in finish)."""
    candidates = []
    for index in draft.free():
        sentence = draft.sentences[index]
        rest = draft.origin[: sentence.start] + draft.origin[sentence.end :]
        found = sentence_facts(sentence.text, draft.origin)
        if len(draft.slots) > 3 and len(sentence.text.split()) >= 8 and \
                any(value not in rest for kind in ("number", "date", "quote") for value in found[kind]):
            candidates.append(index)
    if not candidates:
        return False
    index = rng.choice(candidates)
    draft.drop(index)
    draft.plant(index, PlantedEdit("sentence_dropped", "", "dropped", draft.sentences[index].text, "", 0, 0))
    return True


PLANTERS: dict[str, Callable[[Draft, random.Random, NamePools], bool]] = {
    "number_changed": plant_number_changed, "number_vaguer": plant_number_vaguer,
    "date_shifted": plant_date_shifted, "date_vaguer": plant_date_vaguer, "name_swapped": plant_name_swapped,
    "quote_reworded": plant_quote_reworded, "quote_reattributed": plant_quote_reattributed,
    "sentence_dropped": plant_sentence_dropped,
}


# ---------------------------------------------------------------------------------------------
# Rewording that changes no fact

# Common words that carry no number, date, name or quote, and a word meaning the same.
SYNONYMS = {"said": "stated", "says": "states", "big": "large", "also": "additionally", "however": "nevertheless",
            "began": "started", "begin": "start", "bought": "purchased", "buy": "purchase", "helped": "assisted",
            "tried": "attempted", "quickly": "rapidly", "currently": "presently", "often": "frequently",
            "main": "principal", "difficult": "hard", "huge": "enormous", "allowed": "permitted",
            "announced": "revealed", "expected": "anticipated", "claimed": "asserted", "although": "though",
            "despite": "in spite of", "major": "key", "issue": "matter", "firm": "company", "told": "informed",
            "important": "significant", "happy": "glad", "shortly": "soon", "whether": "if", "nearby": "close by"}
CLAUSE = re.compile(r"^(?P<clause>(?:In|On|At|After|Before|During|Following|According to|Despite|Since|Under|"
                    r"Earlier|Later|Last|Over|Throughout|Until|Amid|Along with)\b[^,“”\"‘’]{2,80}), "
                    r"(?P<rest>[^“\"].*[^.]\.)$")


def swap_synonyms(draft: Draft, rng: random.Random, count: int) -> int:
    """Up to count words swapped for a synonym, outside quotes and never a number's unit."""
    places = []
    for index in draft.free():
        text = draft.slot(index).text
        spans = protected_spans(text)
        for m in re.finditer(r"\b[a-z]+\b", text):
            before = text[: m.start()].split()
            article_changes = bool(before) and before[-1].lower() in ("a", "an") and \
                (m.group()[0] in "aeiou") != (SYNONYMS.get(m.group(), "?")[0] in "aeiou")  # 'a huge' / 'an enormous'
            if m.group() in SYNONYMS and not _protected(spans, m.start(), m.end()) and not article_changes and \
                    not (before and re.search(r"\d", before[-1])):
                places.append((index, m.start(), m.end(), SYNONYMS[m.group()]))
    chosen = rng.sample(places, min(count, len(places)))
    for index, start, end, word in sorted(chosen, key=lambda p: (p[0], -p[1])):
        slot = draft.slot(index)
        slot.text = slot.text[:start] + word + slot.text[end:]
    return len(chosen)


def move_leading_clause(draft: Draft, rng: random.Random, count: int) -> int:
    """Up to count sentences whose opening phrase ('On Monday, ...') moves to their end."""
    places = []
    for index in draft.free():
        text = draft.slot(index).text
        match = CLAUSE.match(text)
        if not match or not 2 <= len(match.group("clause").split()) <= 12 or \
                any(m.start < match.end("clause") < m.end for m in date_mentions(text)):
            continue  # no clause, or its comma is a date's ('On April 26, 2016, ...')
        first = match.group("rest").split()[0]
        if first[0].islower() and first.capitalize() not in COMMON:
            continue  # capitalised at the start it would read as a name
        places.append((index, match))
    for index, match in rng.sample(places, min(count, len(places))):
        rest, clause = match.group("rest"), match.group("clause")
        draft.slot(index).text = f"{rest[0].upper()}{rest[1:-1]} {clause[0].lower()}{clause[1:]}."
    return min(count, len(places))


# A sentence opening with one of these leans on the one before it: it is not moved in front of it.
LEANING = frozenset("And But So Also However Still Yet Then That This These Those It He She They His Her Their Its"
                    .split())


def swap_sentences(draft: Draft, rng: random.Random, count: int) -> int:
    """Up to count pairs of neighbouring sentences of a paragraph swapped: sentences of five words
    or more that end as sentences do, never the lede (with its dateline), never putting a sentence
    that leans on the one before it ('And the band ...') first."""
    def movable(slot: Slot) -> bool:
        return len(slot.text.split()) >= 5 and re.search(r"[.!?][”\"’)]*$", slot.text) is not None

    slots = draft.slots
    places = [i for i in range(1, len(slots) - 1) if slots[i].paragraph == slots[i + 1].paragraph
              and movable(slots[i]) and movable(slots[i + 1]) and slots[i + 1].text.split()[0] not in LEANING]
    chosen = sorted(rng.sample(places, min(count, len(places))))
    done: set[int] = set()
    for i in chosen:
        if i in done or i + 1 in done:
            continue
        a, b = slots[i], slots[i + 1]
        a.text, b.text, a.origin_index, b.origin_index = b.text, a.text, b.origin_index, a.origin_index
        done |= {i, i + 1}
    return len(done) // 2


def reword(draft: Draft, rng: random.Random) -> int:
    """Paraphrase-like rewording of the sentences not edited: how many changes were made."""
    return (swap_synonyms(draft, rng, rng.randint(2, 5)) + move_leading_clause(draft, rng, rng.randint(1, 2))
            + swap_sentences(draft, rng, rng.randint(1, 2)))


def whitespace_copy(body: str, rng: random.Random) -> str:
    """The body with only its whitespace changed: paragraph breaks doubled or halved, sentence
    gaps widened, trailing spaces."""
    draft = Draft.of(body)
    for slot in draft.slots:
        if "\n" in slot.separator:
            slot.separator = rng.choice(["\n", "\n\n", " \n\n", "\n\n\n"])
        elif slot.separator == " " and rng.random() < 0.3:
            slot.separator = "  "
    return draft.render()[0]


# ---------------------------------------------------------------------------------------------
# Ground truth of a finished copy


def finish(draft: Draft) -> tuple[str, tuple[PlantedEdit, ...]]:
    """The copy text and its planted edits with the copy's sentence offsets; a dropped sentence
    becomes one row per kind (see dropped_rows)."""
    copy, spans = draft.render()
    edits: list[PlantedEdit] = []
    for index, edit in draft.planted:
        if edit.change == "dropped":
            edits.extend(dropped_rows(draft.sentences[index], draft.origin, copy))
        else:
            start, end = spans[index]
            edits.append(replace(edit, start=start, end=end))
    return copy, tuple(edits)


def dropped_rows(sentence: Sentence, origin: str, copy: str) -> list[PlantedEdit]:
    """The rows of a dropped sentence, one per kind: required when the sentence states a fact of
    that kind that the copy no longer states anywhere; optional otherwise (any fact of a dropped
    sentence reported dropped is true, but one still stated elsewhere need not be reported)."""
    found = sentence_facts(sentence.text, origin)
    rows = []
    for kind in KINDS:
        values = found[kind]
        gone = [v for v in values if v not in copy]
        rows.append(PlantedEdit("sentence_dropped", kind, "dropped", "; ".join(gone or values), "",
                                sentence.start, sentence.end, required=bool(gone)))
    return rows


# ---------------------------------------------------------------------------------------------
# The benchmark's pairs


def edited_copy(body: str, order: list[str], wanted: int, rng: random.Random, pools: NamePools, reworded: bool,
                ) -> tuple[str, tuple[PlantedEdit, ...]] | None:
    """A copy with wanted edits, of the first types in order that have a place in the body, maybe
    reworded around them; None when no edit could be planted."""
    draft = Draft.of(body)
    planted = 0
    for edit in order:
        planted += PLANTERS[edit](draft, rng, pools)
        if planted == wanted:
            break
    if not planted:
        return None
    if reworded:
        reword(draft, rng)
    return finish(draft)


def reworded_copy(body: str, rng: random.Random) -> str | None:
    draft = Draft.of(body)
    return draft.render()[0] if reword(draft, rng) else None


def article_pairs(article_id: str, body: str, pools: NamePools, seed: int) -> list[Pair]:
    """Two unedited copies (identical, whitespace only), REWORDED_COPIES_PER_ARTICLE reworded
    ones, EDITED_COPIES_PER_ARTICLE edited ones with one or two edits each, the edit types taken
    in turn from a shuffled cycle so that every type is planted about as often."""
    rng = random.Random(f"{seed}:{article_id}")
    short = article_id[:12]
    pairs = [Pair(f"{short}-same", article_id, "unedited", body, body, ()),
             Pair(f"{short}-space", article_id, "unedited", body, whitespace_copy(body, rng), ())]
    for n in range(REWORDED_COPIES_PER_ARTICLE):
        copy = reworded_copy(body, rng)
        if copy is not None and copy != body:
            pairs.append(Pair(f"{short}-reworded{n}", article_id, "reworded", body, copy, (), reworded=True))
    cycle = list(EDIT_TYPES)
    rng.shuffle(cycle)
    for n in range(EDITED_COPIES_PER_ARTICLE):
        wanted = rng.choice([1, 2])
        order = list(cycle)
        reworded = rng.random() < 0.5
        made = edited_copy(body, order, wanted, rng, pools, reworded)
        cycle = cycle[wanted:] + cycle[:wanted]  # the next copy starts with the next types
        if made is not None:
            copy, edits = made
            pairs.append(Pair(f"{short}-edited{n}", article_id, "edited", body, copy, edits, reworded=reworded))
    return pairs


def make_pairs(articles: list[tuple[str, str]], seed: int = 21, limit: int | None = None) -> list[Pair]:
    """The benchmark's pairs for (article_id, body) articles, of the first limit usable ones when
    given. The names swapped in come from every usable article, so that an article's pairs depend
    on it, the seed and the articles given only, not on limit: the same seed gives the same pairs."""
    usable = usable_bodies(articles)
    pools = NamePools.of(body for _, body in usable)
    return [pair for article_id, body in usable[:limit] for pair in article_pairs(article_id, body, pools, seed)]
