"""Every pattern the drift detector matches with, compiled once: sentence ends, words, numbers,
dates, quotations and who says them. Built from the word lists of `lexicon.py`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsflow.tasks.drift import lexicon as lx


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any run of space."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


# --- sentences -------------------------------------------------------------------------------
LINE = re.compile(r"[^\n]+")
SENTENCE_END = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s)")
WORD_BEFORE_PERIOD = re.compile(r"(?:^|(?<=[\s(“\"'‘—–-]))([^\W\d_][\w.]*)$")
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "cmdr",
    "rev", "st", "mt", "ft", "jr", "sr", "inc", "corp", "co", "ltd", "bros", "vs", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ave", "blvd", "rd", "dept", "univ", "est",
    "approx", "pres", "gens", "reps", "sens", "messrs", "mme", "mlle", "hon", "supt", "insp", "det", "cpl", "pvt",
})
NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "vol", "fig", "art", "pp"})
# A wire dateline: a place in capitals, an optional region, an optional agency, a dash.
DATELINE = re.compile(
    r"[A-Z][A-Z.'’\- ]*[A-Z.](?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})?\s*(?:\([^)]{1,40}\)\s*)?[—–-]{1,2}\s+"
)
FOLD_PUNCTUATION = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'",
                                  "—": "-", "–": "-", "\u00a0": " "})


DOUBLE_QUOTE_MARK = re.compile(r'["“”«»„]')


def quote_marks(line: str) -> tuple[str, str]:
    """The opening and closing double quotation marks a line uses (German „…“, French «…», else “…”)."""
    if "„" in line:
        return "„", "“"
    if "«" in line:
        return "«", "»"
    return "“", "”"


# --- words -------------------------------------------------------------------------------------
# A word: a number with thousands separators, dotted initials (U.S.), or letters and digits joined
# by hyphens, apostrophes, dots or ampersands (al-Assad, Su-35, Iran's, 3.5, AT&T).
WORD = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:[^\W\d_]\.){2,}|[^\W_]+(?:[-'’.&][^\W_]+)*")
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
DIGIT = re.compile(r"\d")

# --- numbers -----------------------------------------------------------------------------------
_APPROX = alternation(lx.APPROXIMATORS)
_SIGNS = alternation(lx.CURRENCY_SIGNS)
_CODES = "|".join(lx.CURRENCY_CODES)
_SCALE = r"hundred|thousand|million|billion|trillion|mn|bn"
_UNITS_W = alternation(lx.UNITS_WORDS)
_PERCENT = r"\s?(?P<percent>%|percent\b|per\s?cent\b|percentage\s+points?\b)"
# A number in digits, or a time of day, with what makes it a quantity: a currency, a scale word,
# a percent sign. Digits glued to letters or hyphens (Su-35, G7, COVID-19) are designations and
# rejected by the extractor, which sees the character before.
NUMBER = re.compile(
    r"(?P<time>\d{1,2}:\d{2}(?:\s?[ap]\.m\.)?|\d{1,2}\s?[ap]\.m\.)"
    rf"|(?P<currency>{_SIGNS}|\b(?:{_CODES})\s?)?"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,]\d)"
    rf"(?:\s?(?P<scale>{_SCALE})\b|(?P<letter>[kmb])\b|(?P<ordinal>st|nd|rd|th)\b)?"
    rf"(?:{_PERCENT})?",
    re.I,
)
# An approximator right before a quantity ("about 30", "more than a dozen").
APPROX_BEFORE = re.compile(rf"\b(?:{_APPROX})\s+$", re.I)
PERCENT_AFTER = re.compile(_PERCENT, re.I)
APPROX_REACH = 24  # characters before a quantity searched for an approximator
# Vague quantities as word sequences; the ones needing "of" after them say so ("scores of").
VAGUE_PHRASES = tuple(sorted(
    [tuple(phrase.split()) for phrase in lx.VAGUE_MAGNITUDES if phrase != "scores"]
    + [("scores", "of")]
    + [(*phrase.split(), "of") if phrase in ("a number", "a couple", "a handful", "a slew", "a host")
       else tuple(phrase.split()) for phrase in lx.VAGUE_UNQUANTIFIED],
    key=len, reverse=True,
))
# The noun a quantity counts ("32 people", "dozens of people", "85-year-old").
UNIT_AFTER = re.compile(r"\s*(?:-\s*)?(?:of\s+(?:the\s+)?)?(?P<unit>[^\W\d_][\w'’-]*)")
CURRENCY_AFTER = re.compile(rf"\s*(?P<code>{_CODES})\b")

# --- dates -------------------------------------------------------------------------------------
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_FULL_MONTH = alternation(m for m in lx.MONTHS if len(m) > 4 or m in ("May", "June", "July"))
_YEAR = r"(?:1[6-9]\d{2}|20\d{2})"
_WEEKDAY = alternation(lx.WEEKDAYS)
_PERIOD = r"week|month|year|decade|century|weekend|spring|summer|fall|autumn|winter"
_REL = r"last|next|this\s+past|this\s+coming|this|past|coming|previous"
_COUNT = rf"\d+|an?|one|{_UNITS_W}|several|a\s+few|a\s+couple\s+of|few"
_QUAL = r"(?P<qual>early|mid|late)[-\s]+"
_PART = (r"the\s+(?:first|second|third|fourth|final|last)\s+(?:half|quarter|week)|"
         rf"the\s+(?:first|last|final)\s+(?:\d+|{_UNITS_W})\s+(?:months|weeks|days)|"
         r"the\s+(?:start|beginning|end|middle|close|turn)|(?:the\s+)?(?:early|later?)\s+part")
_MONTH_WORDS = frozenset(m.lower() for m in lx.MONTHS)
_PERIOD_WORDS = frozenset(_PERIOD.split("|"))


@dataclass(frozen=True, slots=True)
class DatePattern:
    """A date pattern and the words a sentence must hold for it to be worth running."""

    kind: str
    pattern: re.Pattern[str]
    needs_digit: bool = False
    needs_word: frozenset[str] | None = None

    def may_match(self, words: frozenset[str], has_digit: bool) -> bool:
        return (has_digit or not self.needs_digit) and (self.needs_word is None or not self.needs_word.isdisjoint(words))


# Patterns by precedence: a longer date claims its words before a shorter one can.
DATE_PATTERNS = (
    DatePattern("iso", re.compile(
        rf"\b(?P<year>{_YEAR})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b"), True),
    DatePattern("month_day", re.compile(
        rf"\b(?P<mon>{_MONTH})\.?\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>{_YEAR})\b)?"),
        True, _MONTH_WORDS),
    DatePattern("day_month", re.compile(
        rf"\b(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})\b\.?(?:,?\s+(?P<year>{_YEAR})\b)?"),
        True, _MONTH_WORDS),
    DatePattern("month_year", re.compile(rf"\b(?:{_QUAL})?(?P<mon>{_MONTH})\.?,?\s+(?P<year>{_YEAR})\b", re.I),
                True, _MONTH_WORDS),
    # A part of a year, month or week: "the first half of 2023", "the end of the year", "the third
    # quarter of next year", "the beginning of March", "the last week of May".
    DatePattern("part", re.compile(
        rf"\b(?P<part>{_PART})\s+of\s+(?:(?P<rel>{_REL}|the)\s+(?P<period>{_PERIOD})\b"
        rf"|(?P<mon>{_FULL_MONTH})\b(?:,?\s+(?P<year>{_YEAR})\b)?|(?P<yearonly>{_YEAR})\b)", re.I),
        False, frozenset({"half", "quarter", "start", "beginning", "end", "middle", "close", "week", "part", "turn",
                   "months", "weeks", "days"})),
    DatePattern("quarter", re.compile(rf"\b(?P<part>Q[1-4])\s+(?:of\s+)?(?P<yearonly>{_YEAR})\b"), True),
    DatePattern("relative_month", re.compile(
        rf"\b(?:(?P<fuzzy>earlier|later)\s+|{_QUAL})?(?P<rel>{_REL})\s+(?P<mon>{_FULL_MONTH})\b"), False, _MONTH_WORDS),
    # A month said with its year relative: "January last year", "in May of next year".
    DatePattern("month_rel_year", re.compile(
        rf"\b(?:{_QUAL})?(?P<mon>{_FULL_MONTH})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b"), False, _MONTH_WORDS),
    # A month alone only after a preposition or a qualifier: "May" is also a verb and a name.
    DatePattern("month", re.compile(
        rf"\b(?:(?P<prep>(?i:in|since|until|till|by|from|through|throughout|during|before|after|of|for|on|to|into|around|between|and|or))\s+)?(?:{_QUAL})?"
        rf"(?P<mon>{_FULL_MONTH})\b"), False, _MONTH_WORDS),
    # A season, after a preposition or with a year ("in the spring", "spring 2023", "the summer of
    # last year", "in early autumn"); in lower case ("Arab Spring" is a name) and not "the fall of Rome".
    DatePattern("season", re.compile(
        rf"(?:\b(?P<prep>(?i:in|during|over|through|throughout|by|until|till|since|before|after|from|for|into|"
        rf"of|at))\s+)?(?:(?i:the)\s+)?(?:{_QUAL})?(?P<season>spring|summer|autumn|fall|winter)\b"
        rf"(?:,?\s+(?:of\s+)?(?:(?P<year>{_YEAR})\b|(?P<yearrel>this|last|next)\s+year\b))?"
        rf"(?!\s+of\s+(?!{_YEAR}|this|last|next))"), False, frozenset({"spring", "summer", "autumn", "fall", "winter"})),
    DatePattern("weekday", re.compile(
        rf"\b(?:(?P<rel>{_REL})\s+)?(?P<weekday>{_WEEKDAY})\b(?!s\b)(?:\s+(?:morning|afternoon|evening|night))?"),
        False, frozenset(w.lower() for w in lx.WEEKDAYS)),
    DatePattern("day_word", re.compile(r"\b(?P<word>yesterday|today|tonight|tomorrow|last\s+night)\b", re.I),
                False, frozenset({"yesterday", "today", "tonight", "tomorrow", "night"})),
    DatePattern("fuzzy_period", re.compile(
        rf"\b(?P<fuzzy>earlier|later|early|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)\s+"
        rf"(?P<rel>this|last|next)\s+(?P<period>{_PERIOD})\b", re.I), False, _PERIOD_WORDS),
    DatePattern("year_end", re.compile(r"\b(?:(?P<rel>this|last|next)\s+)?(?:year[-\s]end|year['’]s\s+end)\b", re.I),
                False, frozenset({"year-end", "year", "end"})),
    DatePattern("period", re.compile(rf"\b(?P<rel>{_REL})\s+(?P<period>{_PERIOD})\b", re.I), False, _PERIOD_WORDS),
    DatePattern("ago", re.compile(
        rf"\b(?P<count>{_COUNT})\s+(?P<period>day|week|month|year|decade)s?\s+ago\b", re.I), False, frozenset({"ago"})),
    DatePattern("weekend", re.compile(r"\b(?:over|during|at|on|through)\s+the\s+weekend\b", re.I), False,
                frozenset({"weekend"})),
    # A number of periods counted from the reference day: "in the past two weeks", "over the next three months".
    DatePattern("span", re.compile(
        rf"\b(?:in|within|over|during|for)\s+the\s+(?P<rel>past|last|next|coming|previous)\s+(?P<count>{_COUNT})\s+"
        rf"(?P<period>day|week|month|year|decade)s?\b", re.I), False, frozenset({"past", "last", "next", "coming",
                                                                                  "previous"})),
    DatePattern("vague", re.compile(
        r"\b(?P<vague>recently|lately|in\s+recent\s+(?:days|weeks|months|years)|the\s+other\s+day|"
        r"(?:earlier|later)\s+(?:today|this\s+(?:morning|afternoon|evening))|this\s+(?:morning|afternoon|evening)|"
        r"(?:days|weeks|months|years)\s+ago|in\s+the\s+(?:coming|next)\s+(?:days|weeks|months|years)|"
        r"in\s+the\s+(?:past|last)\s+(?:few\s+)?(?:days|weeks|months|years)|"
        r"(?:in|over|within|during)\s+the\s+(?:coming|next)\s+(?:few\s+)?(?:days|weeks|months|years)|"
        r"(?:in|over|within|during)\s+the\s+(?:past|last)\s+(?:few\s+)?(?:days|weeks|months|years)|"
        r"overnight|in\s+the\s+near\s+future|(?<!as\s)soon\b(?!\s+(?:after|afterwards|as|thereafter)\b))\b", re.I),
        False, frozenset({"recently", "lately", "recent", "other", "morning", "afternoon", "evening", "ago", "coming",
                          "next", "past", "last", "overnight", "future", "soon"})),
    # A date said against the story's own time rather than the article's day ("that year", "a week
    # later", "at the time"): no days, but an exact date put in its place was made vaguer.
    DatePattern("anaphoric", re.compile(
        r"\b(?P<vague>(?:that|the\s+same|the\s+previous|the\s+following)\s+(?:day|week|month|year)|"
        r"(?:a|one)\s+(?:day|week|month|year)\s+(?:earlier|later|before)|(?:days|weeks|months|years)\s+(?:earlier|later)|"
        r"(?:at|around|by)\s+(?:the|that)\s+time|in\s+the\s+past|previously|(?:a\s+while|some\s+time|not\s+long|long)\s+ago)"
        r"\b(?!\s+(?:of|that|when|in)\b)", re.I),
        False, frozenset({"that", "same", "previous", "following", "earlier", "later", "before", "time", "past",
                          "previously", "ago"})),
    DatePattern("decade", re.compile(
        r"\b(?:the\s+)?(?:(?P<qual>early|mid|late)[-\s]+)?(?P<decade>1[6-9]\d0|20\d0)s\b|(?:'|’)(?P<short>\d0)s\b"),
        True),
    DatePattern("year", re.compile(rf"\b(?:{_QUAL})?(?P<year>{_YEAR})\b(?:[-/](?P<until>\d{{2}})\b)?"), True),
)
# Words that make a weekday the name of an occasion ("Black Friday", "Cyber Monday", "Super Tuesday").
NAMED_DAY_BEFORE = re.compile(r"\b(?:Black|Cyber|Good|Super|Easter|Ash|Bloody|Giving|Holy|Maundy|Shrove|Small Business)\s+$")
# After a four-digit number, what makes it a count rather than a year: "2000 troops", "2024%".
NOT_A_YEAR_AFTER = re.compile(r"(?:\s*(?:%|percent|per\s?cent)|[.,]\d|-year)", re.I)
YEAR_PREPOSITION = re.compile(r"\b(?:in|since|by|until|till|from|of|during|before|after|through|early|late|mid)[-\s]+$",
                              re.I)
# A plural noun right after a four-digit number: what it counts ("2000 troops"), unless a verb.
PLURAL_AFTER = re.compile(r"\s+([a-z]{3,}(?<!ss)(?<!us)(?<!is)s)\b(?!['’])")
FUTURE_TENSE = re.compile(r"\b(?:will|would|shall|is\s+set\s+to|are\s+set\s+to|is\s+scheduled|are\s+scheduled|"
                          r"is\s+expected|are\s+expected|is\s+due|are\s+due|to\s+be\s+held|plans?\s+to|next)\b", re.I)

# --- quotations --------------------------------------------------------------------------------
QUOTATION = re.compile(
    r"“(?P<curly>[^“”]{1,1500})”|\"(?P<straight>[^\"\n]{1,1500})[\"”]|“(?P<mixed>[^“”\"\n]{1,1500})\""
    r"|«\s?(?P<guillemet>[^«»]{1,1500}?)\s?»"
    r"|„(?P<low>[^„“”]{1,1500})[“”]|(?<!\w)‘(?P<single>[^‘\n]{1,400}?)’(?!\w)|(?<![\w'])'(?P<apos>[^'\n]{2,200}?)'(?!\w)"
)
UNCLOSED_QUOTATION = re.compile(r"[“„«]([^“”„«»\"\n]{2,1500})(?=[\"\n]|\Z)")
_SPEECH = alternation(lx.SPEECH_VERBS)
# Who speaks: a capitalised name (with titles), a pronoun, or a short noun phrase ("the ministry").
_NAME_RUN = r"[A-Z][\w'’.&-]*(?:\s+(?:(?:of|de|al|bin|von|van|der|la|le|du|da|di)\s+)?[A-Z][\w'’.&-]*)*"
_NOUN_PHRASE = r"(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?[a-z][\w'’-]*"
_GROUP = rf"(?:[a-z][\w'’-]*\s+)?(?:{alternation(lx.SPEAKER_NOUNS)})"
_WHO = rf"(?P<who>{_NAME_RUN}|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t|{_NOUN_PHRASE}|{_GROUP})"
_ADVERB = r"(?:(?:also|later|then|once|previously|earlier|further|simply|recently|quickly)\s+)?"
SPEAKER_AFTER = (
    re.compile(rf"^[\s,.;:!?—–-]*{_WHO}\s+{_ADVERB}(?:{_SPEECH})\b"),
    re.compile(rf"^[\s,.;:!?—–-]*(?:{_SPEECH})\s+{_WHO}"),
)
SPEAKER_BEFORE = (
    re.compile(rf"{_WHO}(?:,[^,]{{1,80}},)?\s+{_ADVERB}(?:{_SPEECH})\b[^“\"«„]{{0,80}}?[,:]?\s*$"),
    re.compile(rf"\b[Aa]ccording\s+to\s+{_WHO}[,:]?\s*$"),
)
SPEAKER_ANYWHERE = (
    re.compile(rf"{_WHO}\s+{_ADVERB}(?:{_SPEECH})\b"),
    re.compile(rf"\b[Aa]ccording\s+to\s+{_WHO}"),
)
