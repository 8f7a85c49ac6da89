"""Names of a sentence: people, places and organisations as runs of capitalised words, without
the offices and nationality words around them ("Russian President Vladimir Putin" -> "Vladimir
Putin"). A capitalised word opening a sentence counts only if the texts capitalise it elsewhere.

Names compare by their words, folded (case, possessives, particles such as al-, plural s, U.S. =
United States, a company's legal form, a web address's ending), and a mention by surname alone
carries the full name ("Putin"). One thing said another way is the same entity (`same_entity`):
written together or apart, one name's words within the other's, a country as itself, its people
or its capital. A surname the copy
swapped at the head of a sentence is read in `name_drift.py` (`surname_swaps`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from newsflow.tasks.drift import lexicon as lx
from newsflow.tasks.drift import patterns as p

# A lower-case particle glued to a capitalised name: al-Assad, bin Salman's ibn-, d'Alembert.
PARTICLE_NAME = re.compile(r"(?:al|el|ad|as|ash|at|bin|ibn|abu|d|o)[-'’][^\W\d_]")
# Punctuation after which a word opens a clause, like a sentence's first word.
OPENING_PUNCTUATION = frozenset("“\"‘'(:—–-[«„")
NATIONALITY_SHAPE = re.compile(r"[^\W\d_]+(?:ian|ese|ish)$")
CAPITALISED = re.compile(r"\b[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.&-]*")
PERIOD_CODE = re.compile(r"[QH][1-4]$")  # a quarter or half of a year ("Q3 2024"), no name
MIN_PREFIX = 4  # "Iran" carries "Iranian", "Israel" "Israeli": folded words sharing this much


@dataclass(frozen=True, slots=True)
class NameFact:
    surface: str  # the name as written, without offices and nationality words
    start: int  # offsets in the body
    end: int
    key: tuple[str, ...]  # its words, folded
    # A nationality or party word ("Iranian", "Republican"): no name of a person, place or body
    # (spaCy's NORP), so never dropped or added, but a name put in its place is a change.
    weak: bool = False

    def display(self) -> str:
        return p.POSSESSIVE.sub("", self.surface)


class Token(NamedTuple):
    text: str
    start: int  # offsets in the body
    end: int


@dataclass(frozen=True, slots=True)
class NameIndex:
    """What a text says, keyed like names: to ask whether it carries a given name."""

    words: frozenset[str]
    names: tuple[NameFact, ...]
    acronyms: frozenset[str]


def tokens(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in p.WORD.finditer(text)]


def opens_clause(text: str, position: int) -> bool:
    """Whether the word at `position` opens the text, a sentence or a clause (its case says nothing)."""
    i = position - 1
    while i >= 0 and text[i].isspace():
        if text[i] == "\n":
            return True  # a line opens a paragraph, a heading, a list item
        i -= 1
    return i < 0 or text[i] in OPENING_PUNCTUATION or text[i] in ".!?"


def capitalised_words(text: str) -> set[str]:
    """The words `text` capitalises where case says nothing of position: evidence of names."""
    return {m.group().lower() for m in CAPITALISED.finditer(text) if not opens_clause(text, m.start())}


def name_facts(text: str, offset: int, known: frozenset[str], stops: frozenset[str],
               words: list[Token] | None = None) -> list[NameFact]:
    """The names of `text` (which starts at `offset` in its body); `known` are the words the
    compared texts capitalise mid-sentence; `words` its tokens when already at hand."""
    if words is None:
        words = tokens(text, offset)
    found = []
    for run, after in name_runs(words, text, offset, known, stops):
        found.extend(run_names(run, after, stops))
    return found


def name_runs(words: list[Token], text: str, offset: int, known: frozenset[str],
              stops: frozenset[str]) -> list[tuple[list[Token], str]]:
    """Runs of name-like words joined by single spaces (or a name particle), with the word after."""
    runs: list[tuple[list[Token], str]] = []
    current: list[Token] = []
    name_like = [is_name_word(token) for token in words] + [False]
    for i, token in enumerate(words):
        follows = name_like[i + 1] and joined(text, offset, token, words[i + 1])
        if name_like[i] and (not opens_clause(text, token.start - offset) or opens_name(token, follows, known, stops)):
            if current and not (joined(text, offset, current[-1], token) and not is_possessive(current[-1])):
                runs.append((current, token.text))
                current = []
            current.append(token)
        elif current and token.text in lx.NAME_CONNECTORS and follows and joined(text, offset, current[-1], token):
            current.append(token)
        elif current:
            runs.append((current, token.text))
            current = []
    if current:
        runs.append((current, ""))
    return runs


def is_name_word(token: Token) -> bool:
    word = token.text
    if word[:1].isupper():
        bare = without_possessive(word)
        return bare not in lx.MONTHS and bare not in lx.WEEKDAYS and word != "I" and not PERIOD_CODE.match(word)
    return ("-" in word or "'" in word or "’" in word) and bool(PARTICLE_NAME.match(word))


def opens_name(token: Token, follows: bool, known: frozenset[str], stops: frozenset[str]) -> bool:
    """Whether a capitalised word opening a sentence or clause is a name rather than capitalised by position."""
    lower = p.POSSESSIVE.sub("", token.text.lower())
    if lower in stops or lower in lx.SENTENCE_OPENERS:
        return False
    is_acronym = token.text.isupper() and len(token.text) > 1
    return is_acronym or lower in known or token.text.lower() in known or follows


def joined(text: str, offset: int, left: Token, right: Token) -> bool:
    return text[left.end - offset:right.start - offset] == " "


def is_possessive(token: Token) -> bool:
    return bool(p.POSSESSIVE.search(token.text)) and not token.text.isupper()


def run_names(run: list[Token], after: str, stops: frozenset[str]) -> list[NameFact]:
    """The names in one run: the name after a block of offices, and a place before them
    ("US President Donald Trump" -> "US", "Donald Trump"), nationality words left out."""
    lowered = [folded_word(t.text) for t in run]
    while len(run) > 1 and lowered[-1] in lx.TITLES:
        run, lowered = run[:-1], lowered[:-1]  # "South Dakota Gov. Kristi Noem": the office ends a run
    block = title_block(lowered)
    if block is None:
        parts = [run]
    else:
        first, last = block
        core = run[last:]
        if all(w in lx.GENERIC_NAME_WORDS or w in lx.TITLES for w in lowered[last:]):
            core = run[first:]  # "Foreign Ministry": the office is the name
        parts = [run[:first], core]
    found = []
    for part in parts:
        nationality, name = split_nationality(part, after if part is parts[-1] else "", stops)
        if nationality:
            found.append(make_name(nationality, weak=True))
        if name and not all(folded_word(t.text) in lx.TITLES for t in name):
            found.append(make_name(name))
    return found


def title_block(words: list[str]) -> tuple[int, int] | None:
    """(first, end) of the leading block of office words when a name follows it, else None."""
    first = next((i for i, w in enumerate(words) if w in lx.TITLES), None)
    if first is None:
        return None
    end = first
    while end < len(words) and (words[end] in lx.TITLES or words[end] in ("of", "the") and end > first):
        end += 1
    return (first, end) if end < len(words) else None


def split_nationality(part: list[Token], after: str, stops: frozenset[str]) -> tuple[list[Token], list[Token]]:
    """A run's leading nationality words ("Iranian" of "Iranian Revolutionary Guards") and the rest."""
    start = 0
    while start < len(part) and folded_word(part[start].text) in lx.NATIONALITY_WORDS:
        start += 1
    if 0 < start < len(part) and folded_word(part[start - 1].text) in lx.DIRECTIONS:
        return [], part  # "Eastern Europe", "Western District": a direction names the place
    if start and all(folded_word(t.text) in lx.GENERIC_NAME_WORDS for t in part[start:]) and start < len(part):
        return [], part  # "European Union", "Democratic Party": the adjective names the body
    if start == len(part) - 1 and NATIONALITY_SHAPE.match(part[-1].text) and after[:1].islower():
        if after not in stops and after not in lx.SPEECH_VERBS:
            start += 1  # "Lebanese militants": an adjective, not a name
    return part[:start], part[start:]


def make_name(part: list[Token], weak: bool = False) -> NameFact:
    surface = " ".join(t.text for t in part)
    return NameFact(surface, part[0].start, part[-1].end, name_key(t.text for t in part), weak)


def folded_word(word: str) -> str:
    lower = without_possessive(word.lower())
    return lower.replace(".", "") if "." in lower else lower


def without_possessive(word: str) -> str:
    """The word without 's, ’s or a bare apostrophe at its end (the regex only when one may be there)."""
    return p.POSSESSIVE.sub("", word) if word[-1:] in "s'’" else word


def name_key(words: Iterable[str]) -> tuple[str, ...]:
    """A name's words folded for comparison; a known alias as one word ("United States" -> "us");
    without a company's legal form ("Corp") or a web address's ending (".com")."""
    folded = [folded_word(without_web_ending(w)) for w in words]
    alias = lx.NAME_ALIASES.get(" ".join(folded))
    if alias:
        return (alias,)
    return tuple(key_word(w) for w in folded if w not in lx.NAME_PARTICLES and w not in lx.CORPORATE_FORMS)


def without_web_ending(word: str) -> str:
    lower = word.lower()
    for ending in lx.WEB_ENDINGS:
        if lower.endswith(ending) and len(word) > len(ending) + 1:
            return word[:-len(ending)]
    return word


def country_of(key: tuple[str, ...]) -> str | None:
    """The country a one-word name (or a known two-word one) means: itself, its people or its capital."""
    return lx.COUNTRY_OF.get(" ".join(key)) if 0 < len(key) <= 2 else None


def same_entity(left: tuple[str, ...], right: tuple[str, ...]) -> bool:
    """Two keys that name one thing: written together or apart ("Orbit Beyond", "OrbitBeyond"), one
    the other's words in full plus more ("Sierra Nevada", "Sierra Nevada Corporation"), or a country
    said as itself, its people or its capital ("Norwegian", "Norway")."""
    if not left or not right:
        return True
    if "".join(left) == "".join(right):
        return True
    short, long = sorted((left, right), key=len)
    if len(short) > 1 and all(w in long for w in short):
        return True
    country = country_of(left)
    return country is not None and country == country_of(right)


def key_word(word: str) -> str:
    head, _, rest = word.partition("-")
    if rest and head in lx.NAME_PARTICLES:
        word = rest
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def word_keys(words: Iterable[str]) -> set[str]:
    """Words folded like names' words (with the parts of hyphenated ones, and aliases), for `name_index`."""
    keys: set[str] = set()
    for raw in words:
        word = folded_word(raw)
        keys.add(key_word(word))
        if "-" in word:
            keys.update(key_word(part) for part in word.split("-") if part)
        alias = lx.NAME_ALIASES.get(word)
        if alias:
            keys.add(alias)
        country = lx.COUNTRY_OF.get(word) if word not in lx.CAPITALS else None
        if country:
            keys.add(country)
    return keys


def name_index(keys: Iterable[str], names: Iterable[NameFact]) -> NameIndex:
    """A text's folded words (`word_keys`) and its names, ready for `carries`."""
    words = set(keys)
    names = tuple(names)
    for name in names:
        words.update(name.key)
        if len(name.key) > 1:
            words.add("".join(name.key))  # "Orbit Beyond" carries "OrbitBeyond"
        alias = lx.NAME_ALIASES.get(" ".join(folded_word(w) for w in name.surface.split()))
        if alias:
            words.add(alias)
    acronyms = frozenset("".join(k[0] for k in n.key) for n in names if len(n.key) > 1)
    return NameIndex(frozenset(words), names, acronyms)


def carries(index: NameIndex, name: NameFact) -> bool:
    """Whether a text says this name: all its words, a shorter or longer form of it ending in the
    same word ("Putin", "Ali Khamenei"), its acronym, or a word it begins ("Iran" in "Iranian")."""
    key = name.key
    if not key:
        return True
    if all(word in index.words for word in key) or "".join(key) in index.words:
        return True
    country = country_of(key) if key[0] not in lx.CAPITALS else None  # "Swedish" carried by "Sweden"
    if country is not None and country in index.words:
        return True
    if len(key) == 1 and (key[0] in index.acronyms or any(shares_prefix(key[0], w) for w in index.words)):
        return True
    if len(key) > 1 and "".join(k[0] for k in key) in index.words:
        return True
    # Its last words by their initials: "Fort Worth P.D." carries "Fort Worth Police Department".
    for cut in range(1, len(key) - 1):
        if all(w in index.words for w in key[:cut]) and "".join(k[0] for k in key[cut:]) in index.words:
            return True
    if key[-1] not in index.words:
        return False
    # The surname alone, or the full name where this is the surname: "Putin", "Ali Khamenei".
    return any(n.key and n.key[-1] == key[-1] and (set(n.key) <= set(key) or set(key) <= set(n.key))
               for n in index.names)


def says_word(index: NameIndex, word: str) -> bool:
    """Whether a text has this folded name word, or one it begins or that begins it ("Iran", "Iranian")."""
    return word in index.words or len(word) >= MIN_PREFIX and any(shares_prefix(word, w) for w in index.words)


def shares_prefix(word: str, other: str) -> bool:
    if len(word) < MIN_PREFIX or len(other) < MIN_PREFIX:
        return False
    short, long = sorted((word, other), key=len)
    return long.startswith(short) and len(long) - len(short) <= 3
