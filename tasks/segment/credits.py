"""Names and credits out of the lines the rules moved: caption credits, contributors, authors."""

from __future__ import annotations

import re

from newsflow.tasks.segment.patterns import LEADING_CREDIT, PHOTO_CREDIT_INSIDE, TRAILING_CREDIT

# A person's name: two to four capitalised words, particles allowed inside.
PERSON_NAME = re.compile(
    r"[A-ZÀ-Þ][a-zß-ÿ'’.-]+(?:\s+(?:[A-ZÀ-Þ][a-zß-ÿ'’.-]+|de|da|van|von|der|del|al|bin|la|le)){0,2}\s+[A-ZÀ-Þ][a-zß-ÿ'’-]+"
)
# "in Dubai, United Arab Emirates": where a contributor was, not who.
PLACE_PHRASE = re.compile(r"\b(?:in|from|aus|à|en)\s+[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*)*(?:,\s*[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*)*)*")
# Words that make a capitalised run an organisation or a role, not a person.
NOT_A_PERSON = re.compile(
    r"\b(?:press|associated|reuters|news|agency|agence|times|post|journal|media|staff|desk|service|editor|"
    r"editors|writer|writers|reporter|reporters|correspondent|correspondents|contributed|additional|reporting|"
    r"editing|writing|photo|photos|images|getty|international|bureau|team|report|the|this)\b",
    re.I,
)
NAME_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*")


def split_caption(text: str, require_photo_words: bool) -> tuple[str, str | None]:
    """A caption's text and its credit: "(Iranian Presidency/dpa)" or "Photo: Jane Doe" at the end.

    A caption seen only once needs photo words or a slash in its parentheses to count as
    credited; a repeated caption line is a caption already, so any trailing parentheses do.
    """
    match = TRAILING_CREDIT.search(text)
    if match and (not require_photo_words or PHOTO_CREDIT_INSIDE.search(match.group("credit"))):
        credit = LEADING_CREDIT.sub("", match.group("credit").strip())
        return text[: match.start()].rstrip(), credit or None
    photo = re.search(r"\s*(?:photo|foto|credit|bild|image)\s*:\s*(?P<credit>[^:]{2,80})$", text, re.I)
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
        if part and PERSON_NAME.fullmatch(part) and not NOT_A_PERSON.search(part):
            names.append(part)
    return names
