"""Names and credits out of the lines the rules moved: caption credits, contributors, authors."""

from __future__ import annotations

import re

from newsflow.tasks.core.agencies import canonical_agency
from newsflow.tasks.core.schema import ADDITIONAL_REPORTING, AUTHOR_ROLE, PHOTO, Credit
from newsflow.tasks.core.terms import stop_words
from newsflow.tasks.segment.patterns import (
    ACRONYM,
    AGENCY_NAME,
    BYLINE_JOINER,
    BYLINE_WORD,
    CONTRIBUTED,
    CREDIT_LABEL_LINE,
    CREDIT_ROLE_LABEL,
    DESK_NOUN,
    DESK_PHRASE,
    LEADING_CREDIT,
    NEWSROOM_LINE,
    OUTLET_NAME,
    PHOTO_CREDIT_INSIDE,
    TRAILING_CREDIT,
    TRAILING_SLASHED_CREDIT,
)

# A person's name: two to four capitalised words, particles allowed inside.
# Hyphenated first names keep both capitals ("Jean-Pierre").
PERSON_NAME = re.compile(
    r"[A-ZÀ-Þ][a-zß-ÿ'’.]+(?:-[A-ZÀ-Þ]?[a-zß-ÿ'’.]+)*(?:\s+(?:[A-ZÀ-Þ][a-zß-ÿ'’.-]+|de|da|van|von|der|del|al|bin|la|le)){0,2}"
    r"\s+[A-ZÀ-Þ][a-zß-ÿ'’-]+"
)
# "in Dubai, United Arab Emirates": where a contributor was, not who.
PLACE_PHRASE = re.compile(r"\b(?:in|from|aus|à|en)\s+[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*)*(?:,\s*[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*)*)*")
# Words that make a capitalised run an organisation or a role, not a person.
NOT_A_PERSON = re.compile(
    r"\b(?:press|associated|reuters|news|agency|agence|times|post|journal|media|staff|desk|service|editor|"
    r"editors|writer|writers|reporter|reporters|correspondent|correspondents|contributed|additional|reporting|"
    r"editing|writing|photo|photos|images|getty|international|bureau|team|report|reports|the|this|agencia|agência|agenzia"
    r"|reportagem|reportaje|redaktion|rédaction|redacción|redazione|redação)\b",
    re.I,
)
NAME_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*")


def split_caption(text: str, require_photo_words: bool) -> tuple[str, str | None]:
    """A caption's text and its credit: "(Iranian Presidency/dpa)", "Photo: Jane Doe" or "Foto
    ANSA/Ciro Fusco" at the end.

    A caption seen only once needs photo words or a slash in its parentheses to count as
    credited; a repeated caption line is a caption already, so any trailing parentheses do.
    """
    match = TRAILING_CREDIT.search(text)
    if match and (not require_photo_words or PHOTO_CREDIT_INSIDE.search(match.group("credit"))):
        credit = LEADING_CREDIT.sub("", match.group("credit").strip())
        return text[: match.start()].rstrip(), credit or None
    photo = re.search(r"\s*(?:photo|foto|credit|bild|image)\s*:\s*(?P<credit>[^:]{2,80})$", text, re.I)
    photo = photo or TRAILING_SLASHED_CREDIT.search(text)
    if photo:
        return text[: photo.start()].rstrip(), photo.group("credit").strip()
    return text, None


def has_photo_credit(text: str) -> bool:
    """True when a line ends with a photo credit: the mark of a caption even when seen once."""
    return split_caption(text, require_photo_words=True)[1] is not None


def people_named(line: str) -> list[str]:
    """People a credit line names: "Reporting by A in Oslo and B; Editing by C" -> [A, B, C]."""
    text = PLACE_PHRASE.sub(" ", line)
    names = []
    for match in PERSON_NAME.finditer(text):
        name = match.group(0).strip()
        if not NOT_A_PERSON.search(name) and name not in names:
            names.append(name)
    return names


def author_names(text: str) -> list[str]:
    """Names in a byline or author line: "Jane Doe and John Roe, Reuters" -> [Jane Doe, John Roe]."""
    names = []
    for part in NAME_SEPARATORS.split(text.strip().rstrip(".")):
        part = part.strip()
        if part and PERSON_NAME.fullmatch(part) and not NOT_A_PERSON.search(part) and not AGENCY_NAME.fullmatch(part):
            names.append(part)
    return names


OUTLET = re.compile(OUTLET_NAME)
# The last word of a credit label that takes a name without a colon: "Reporting by", "Traduit par".
NAME_PREPOSITIONS = frozenset("by von par de di da do dos das por from d della del collaborato colaborou contribuito".split())


def agency_or_name(signer: str) -> str:
    """An agency's canonical name ("The Associated Press" -> "AP"), else the signer as written."""
    words = signer.split()
    return canonical_agency(signer) or (canonical_agency(words[-1]) if len(words) > 1 else None) or signer


def desk_signers(text: str) -> list[str]:
    """The desks and agencies of a byline that names no person ("By Staff Reporter", "Von dpa",
    "Par Le Monde avec AFP" -> ["Le Monde", "AFP"]); [] when `text` is no such byline."""
    opener = BYLINE_WORD.match(text)
    if opener is None:
        return [text.strip()] if NEWSROOM_LINE.match(text.strip()) else _signers(text, outlets_allowed=False)
    return _signers(text[opener.end():], outlets_allowed=True)


def _signers(text: str, outlets_allowed: bool) -> list[str]:
    """Each joined part a desk, an agency or (after a byline word) an outlet; at least one desk or agency."""
    signers, desks = [], 0
    for unit in BYLINE_JOINER.split(text.strip().rstrip(".")):
        unit = unit.strip(" ()")
        if not unit:
            continue
        if AGENCY_NAME.fullmatch(unit):
            unit = agency_or_name(unit)
            desks += 1
        elif outlets_allowed and (DESK_PHRASE.match(unit) or ACRONYM.fullmatch(unit)):
            desks += 1
        elif not (outlets_allowed and OUTLET.fullmatch(unit)):
            return []
        signers.append(unit)
    return signers if desks else []


# Outlets as they sign in the byline's place, where no desk word or agency says so:
# a web address ("tagesschau.de", "TIMESOFINDIA.COM"), a name with a number ("France 24",
# "20 Minutes", "g1 SP"), a compound of an agency or a desk ("dpa-AFX", "SPIEGEL-Redaktion"),
# or one capitalised word that is no function word ("Clarín", "Ouest-France"). A lowercase word
# is left: "Par franceinfo" and "Par exemple" have the same shape.
WEB_ADDRESS = re.compile(r"(?:[\w-]+\.)+(?:[a-z]{2,6}|[A-Z]{2,6})")
NUMBERED_NAME = re.compile(r"(?=\S*\d)[\w'’.&-]+(?:\s+[\w'’.&-]+){0,2}|[A-ZÀ-Þ][\w'’.&-]*(?:\s+[\w'’.&-]+){0,2}")
ONE_WORD = re.compile(r"[A-ZÀ-Þ][\w'’.&-]{2,}")
DESK_WORD = re.compile(rf"(?i:{DESK_NOUN})")
# Byline words that are also particles of surnames and words for "from" a place ("Di Maio",
# "Da Vinci", "De Madrid", "From Paris"): after them a lone capitalised word is a name or a place,
# not an outlet.
STRONG_BYLINE_WORD = re.compile(r"^(?:by|von|par|por)\s+", re.I)
# What a byline may add after a bar or a dash: a place or a section ("Por EFE | Madrid").
BYLINE_TAIL = re.compile(r"\s+[|–—]\s+.*$")
SIX_LANGUAGES = ("en", "de", "fr", "es", "it", "pt")


def slot_signers(text: str) -> list[str]:
    """The signers of a short line in the byline's place (under the headline, above the text)
    that DESK_BYLINE's context-free test does not take: outlets alone after a byline word ("Por
    Clarín", "Von tagesschau.de", "Par franceinfo avec AFP"), and desks without one ("Staff
    Writer", "Redazione ANSA"); [] for any other line."""
    head = BYLINE_TAIL.sub("", text.strip())
    opener = BYLINE_WORD.match(head)
    if opener is None:
        return _unsigned_desk(head)
    units = [unit.strip(" ()") for unit in BYLINE_JOINER.split(head[opener.end():].rstrip("."))]
    strong = STRONG_BYLINE_WORD.match(head) is not None
    if not units or not all(unit and _slot_signer(unit, strong) for unit in units):
        return []
    if len(units) > 1 and not any(AGENCY_NAME.fullmatch(unit) or DESK_PHRASE.match(unit) for unit in units):
        return []  # outlets joined with no agency or desk among them: "Por Lisboa e Porto" names places
    return [agency_or_name(unit) if AGENCY_NAME.fullmatch(unit) else unit for unit in units]


# Section labels that also name a desk: without a byline word, "World News" or "Team" heads a page.
SECTION_DESK = re.compile(r"(?:^|\s)(?:news|team)$", re.I)


def _unsigned_desk(text: str) -> list[str]:
    """Desks, agencies and outlets with no byline word ("Staff Writer", "Redação, O Globo"): at
    least two words and one desk or agency; initials ("LIVE", "VIDEO") and section labels are
    kickers there, not signers."""
    units = [unit.strip(" ()") for unit in BYLINE_JOINER.split(text.rstrip("."))]
    if len(text.split()) < 2 or not all(units):
        return []
    desks = [unit for unit in units if AGENCY_NAME.fullmatch(unit) or (DESK_PHRASE.match(unit) and not SECTION_DESK.search(unit))]
    if not desks or not all(unit in desks or OUTLET.fullmatch(unit) for unit in units):
        return []
    return [agency_or_name(unit) if AGENCY_NAME.fullmatch(unit) else unit for unit in units]


def _slot_signer(unit: str, strong: bool) -> bool:
    """An agency, a desk, initials or an outlet; a lone word or name only after a strong byline word."""
    if AGENCY_NAME.fullmatch(unit) or DESK_PHRASE.match(unit) or ACRONYM.fullmatch(unit):
        return True
    if WEB_ADDRESS.fullmatch(unit) or (NUMBERED_NAME.fullmatch(unit) and any(c.isdigit() for c in unit)):
        return True
    if "-" in unit and any(AGENCY_NAME.fullmatch(part) or DESK_WORD.fullmatch(part) for part in unit.split("-")):
        return True
    if not strong:
        return False
    if ONE_WORD.fullmatch(unit):
        return not any(unit.casefold() in stop_words(language) for language in SIX_LANGUAGES)
    return OUTLET.fullmatch(unit) is not None


def unwrapped(text: str) -> str:
    """A credit line without the parentheses wire copies close with: "(Reporting by A; Editing by B)"."""
    text = text.strip()
    return text[1:-1].strip() if text.startswith("(") and text.endswith(")") else text


def is_credit_label_line(text: str) -> bool:
    """A line that opens with a credit label and names only people or agencies after each label:
    "Traduit par Claire Martin", "Fotos: Ana Lima/Folhapress"; a bare label word ("Text",
    "Recherche") needs its colon, and "Recherche: Die Polizei fand ..." is prose."""
    text = unwrapped(text)
    match = CREDIT_LABEL_LINE.match(text)
    if match is None:
        return False
    label = text[: match.end() - 1].rstrip()
    if not label.endswith(":") and label.split()[-1].lower() not in NAME_PREPOSITIONS:
        return False
    pieces = credit_pieces(text, "")[1:]  # the first piece is what stands before the first label: nothing
    return bool(pieces) and all(names_only(piece) for piece, _ in pieces)


# The rest of a credit after a slash or a comma: "Ana Lima/Folhapress", "Jane Doe, Reuters".
_AFFILIATION = re.compile(r"\s*[/,(].*$")


def names_only(text: str) -> bool:
    """`text` is one or more people or agencies, maybe with places and affiliations, and nothing else."""
    parts = [part.strip(" .") for part in NAME_SEPARATORS.split(PLACE_PHRASE.sub(" ", text)) if part.strip(" .")]
    return bool(parts) and all(
        PERSON_NAME.fullmatch(_AFFILIATION.sub("", part)) or AGENCY_NAME.fullmatch(_AFFILIATION.sub("", part))
        for part in parts
    )


def credit_pieces(line: str, role: str) -> list[tuple[str, str]]:
    """A credit line cut at its role labels: (text, role) for what stands before the first label
    (`role`, or additional reporting before "contributed ...") and after each label."""
    line = unwrapped(line)
    labels = list(CREDIT_ROLE_LABEL.finditer(line))
    head = line[: labels[0].start()] if labels else line
    contributed = CONTRIBUTED.search(head)
    pieces = [(head[: contributed.start()], ADDITIONAL_REPORTING) if contributed else (head, role)]
    for label, after in zip(labels, labels[1:] + [None]):
        pieces.append((line[label.end() : after.start() if after else len(line)], label.lastgroup or role))
    return pieces


def role_credits(line: str, role: str) -> list[Credit]:
    """The people a credit line names, each with the role its label gives ("Reporting by A and B;
    Editing by C"); "X contributed to this report" is additional reporting; names under no label
    take `role`. An agency counts only where no person is named."""
    credits: list[Credit] = []
    for text, piece_role in credit_pieces(line, role):
        names = people_named(text) or [agency_or_name(m.group(0)) for m in AGENCY_NAME.finditer(text)]
        credits.extend(Credit(name, piece_role) for name in names if Credit(name, piece_role) not in credits)
    return credits


def photo_credits(credit: str) -> list[Credit]:
    """The photographer of a caption's credit: of "Person/Organisation" or "Agency/Person" ("Tom
    Ellis/Riverside Gazette", "AP Photo/Evan Vucci"), the first part that is no agency and has no
    photo word; the agency when that is all the credit names."""
    parts = [part.strip() for part in LEADING_CREDIT.sub("", credit.strip()).split("/") if part.strip()]
    person = next((part for part in parts if not AGENCY_NAME.search(part) and not PHOTO_CREDIT_INSIDE.search(part)), None)
    names = people_named(person) if person else []
    return [Credit(name, PHOTO) for name in names[:1]] or role_credits(credit, PHOTO)


def author_credits(authors: list[str], desks: list[str]) -> list[Credit]:
    """The signers of a byline as credits of the author role."""
    return [Credit(name, AUTHOR_ROLE) for name in [*authors, *desks]]


def byline_desks(text: str) -> list[str]:
    """The desks and agencies beside the people of a byline ("Jane Doe and Reuters Staff, AP" -> [Reuters Staff, AP])."""
    desks = []
    for unit in BYLINE_JOINER.split(text):
        unit = unit.strip(" ()")
        if AGENCY_NAME.fullmatch(unit):
            desks.append(agency_or_name(unit))
        elif DESK_PHRASE.match(unit) and not author_names(unit):
            desks.append(unit)
    return desks
