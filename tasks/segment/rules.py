"""Every cleaning rule in one table: its name, what happens to the text it matches, what it keys
on, its limits, why it exists, and a real-looking example and near miss.

The names here are the only names a span can carry (the `spans` table's `rule`). The context-free
line rules are tried in LINE_RULES order by tasks/segment/clean.py (`classify_line`); the others
are steps of `segment_document` there, and read their limits from the constants below.
`newsflow rules` prints the table (`rules_table`); tests/test_rules.py runs every rule on its
example and its near miss.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newsflow.tasks.core import schema
from newsflow.tasks.core.settings import (
    CAPTION_REPEAT_DISTANCE,
    MAX_BOILERPLATE_WORDS,
    MAX_CAPTION_WORDS,
    MAX_HEADLINE_WORDS,
    REPEATED_PARAGRAPH_MIN_WORDS,
)
from newsflow.tasks.core.terms import ALL_REPORTING_WORDS
from newsflow.tasks.segment import furniture
from newsflow.tasks.segment import patterns as p
from newsflow.tasks.segment.credits import is_credit_label_line
from newsflow.tasks.segment.furniture_model import MAX_WORDS as LEARNED_MAX_WORDS

# Rule names.
RULE_LINE = "rule_line"
SITE_MARK = "site_mark"
NAV_CHROME = "nav_chrome"
ADVERTISEMENT = "advertisement"
SHARE_WIDGET = "share_widget"
READ_MORE = "read_more"
FOLLOW_OR_CONTACT = "follow_or_contact"
LINK_LINE = "link_line"
NEWSLETTER_PROMO = "newsletter_promo"
TIMESTAMP = "timestamp"
SOURCE_CREDIT = "source_credit"
PHOTO_CREDIT = "photo_credit"
CONTRIBUTOR_CREDIT = "contributor_credit"
AI_DISCLOSURE = "ai_disclosure"
BYLINE = "byline"
DESK_BYLINE = "desk_byline"
OUTLET_BYLINE = "outlet_byline"
KICKER = "kicker"
AUTHOR_BOX = "author_box"
TITLE = "title"
REPEATED_TITLE = "repeated_title"
CAPTION = "caption"
REPEATED_CAPTION = "repeated_caption"
REPEATED_PARAGRAPH = "repeated_paragraph"
KEY_POINTS_HEADING = "key_points_heading"
BOX_HEADING = "box_heading"
RELATED_LINKS = "related_links"
KEY_POINTS = "key_points"
INLINE_CITATION = "inline_citation"
MARKDOWN_MARK = "markdown_mark"
FIGURE_CAPTION = "figure_caption"
OUTSIDE_MAIN_TEXT = "outside_main_text"
LINK_LIST = "link_list"
COMPANY_PROFILE = "company_profile"
FURNITURE_LABEL = "furniture_label"
LEARNED_FURNITURE = "learned_furniture"

# Word caps of the line rules: a phrase that can occur in prose names a line only when the line
# is this short (MAX_BOILERPLATE_WORDS for bare labels; notices and promos run to sentences).
ANY_LENGTH = 1_000_000
COOKIE_NOTICE_MAX_WORDS = 60
TEASER_MAX_WORDS = 25
READER_PROMPT_MAX_WORDS = 40
FOLLOW_OR_CONTACT_MAX_WORDS = 45
REPRINT_NOTICE_MAX_WORDS = 60
LINK_LINE_MAX_WORDS = 20
NEWSLETTER_PROMO_MAX_WORDS = 45
MEMBERSHIP_ASK_MAX_WORDS = 90
NEWSLETTER_NAME_MAX_WORDS = 6
CALL_TO_ACTION_MAX_WORDS = 15
CALL_TO_ACTION_MAX_PERIOD_WORDS = 6
PAYWALL_NOTICE_MAX_WORDS = 10
READER_OFFER_MAX_WORDS = 30
BRANDED_CONTENT_MAX_WORDS = 40
CONSENT_NOTICE_MAX_WORDS = 60
COOKIE_MARK_MAX_WORDS = 12
AFFILIATE_DISCLOSURE_MAX_WORDS = 30  # "This article contains affiliate links; we may earn a commission on purchases made through them."
TIMESTAMP_MAX_WORDS = 16
DATE_AND_TIME_MAX_WORDS = 12
SOURCE_LINE_MAX_WORDS = 12
PHOTO_CREDIT_MAX_WORDS = 14
COPYRIGHT_CREDIT_MAX_WORDS = 25
CONTRIBUTOR_CREDIT_MAX_WORDS = 60
CREDIT_LABEL_MAX_WORDS = 20
AI_DISCLOSURE_MAX_WORDS = 40
# Limits of the rules that look at more than the line's own phrases.
BYLINE_MAX_WORDS = 12
OUTLET_BYLINE_MAX_WORDS = 8
KICKER_MAX_WORDS = 3
KICKER_MAX_CHARACTERS = 30
KICKER_TEXT_WITHIN = 4  # the story's text starts within so many body lines under the headline
WRITTEN_BY_MAX_WORDS = 10
AUTHOR_BIO_MAX_LINES = 2
AUTHOR_BIO_MAX_WORDS = 60
AUTHOR_BIO_MAX_BLANK_LINES = 1
TITLE_HINT_MIN_WORDS = 4  # a line that is part of the page's <title>, or holds it and more
KEY_POINTS_MIN_BULLETS = 2
RELATED_LABEL_MAX_WORDS = 4
RELATED_MAX_ITEMS = 8
# A press release's profile of its issuer opens within the story's last PROFILE_MAX_LINES body lines.
# Under an "About <Name>" heading it gives at least one kind of company fact; without one, where an
# article's closing background on a company ("Ascom, based in Baar, ...") gives one or two, at
# least PROFILE_MIN_FACTS (AEB's two press releases of one issuer give four).
PROFILE_MAX_LINES = 6
PROFILE_MIN_FACTS = 3
# Chosen on the tuning half of AEB (bench/quality.py is_tuning_page), with the extraction fallback on:
# F1 0.9811 with 1 line, 0.9807 with 2, 0.9813 with 3 (0.9795 without the rule).
LINK_LIST_MIN_LINES = 3


@dataclass(frozen=True, slots=True)
class LineRule:
    """One test of a context-free rule: a line of at most `max_words` words that `matches` gets
    the rule `name`. `pattern` says which families of tasks/segment/patterns.py it tries, and how."""

    name: str
    pattern: str
    max_words: int
    matches: Callable[[str], object]


def _mostly_links(text: str) -> bool:
    """A line that is only links, addresses or handles (maybe after a label) carries no prose."""
    if p.LINK_LINE.match(text):
        return True
    return len("".join(p.URL.findall(text))) * 2 > len(text)


def _cookie_notice(text: str) -> bool:
    """COOKIE_NOTICE, searched only in lines that name cookies, as each of its phrases does: the
    search over every line of AEB's 181 pages took 0.13 s against 0.06 s before the consent
    phrases were added, most of it on paragraphs of prose. A short line with a cookie's
    pictograph is a banner's ("🍪 OK, entendi"); no story prints one."""
    if "🍪" in text and len(text.split()) <= COOKIE_MARK_MAX_WORDS:
        return True
    return "cookie" in text.lower() and p.COOKIE_NOTICE.search(text) is not None and _unreported(text)


def _unreported(text: str) -> bool:
    """No word of the line attributes speech ("said", "teilte mit", "a annoncé", "informou"): a
    story reports an offer or a consent rule in the same words as the page prints them."""
    return not any(word in ALL_REPORTING_WORDS for word in p.WORD.findall(text.lower()))


def _holds_any(text: str, stems: tuple[str, ...]) -> bool:
    low = text.lower()
    return any(stem in low for stem in stems)


def _consent_notice(text: str) -> bool:
    return (_holds_any(text, p.CONSENT_NOTICE_STEMS) and p.CONSENT_NOTICE.search(text) is not None
            and _unreported(text))


def _unquoted(pattern: re.Pattern[str], text: str) -> bool:
    """`pattern` found outside quotation marks: a story quotes a call with its speaker ("« Abonnez-vous
    », a lancé le maire"), a promo names a title in them ("Abonnez-vous à « La Matinale »")."""
    found = [m.start() for m in pattern.finditer(text)]
    if not found:
        return False
    quoted = [m.span() for m in p.QUOTATION.finditer(text)]
    return any(not any(a <= start < b for a, b in quoted) for start in found)


def _unquoted_promo(text: str) -> bool:
    return _holds_any(text, p.NEWSLETTER_PROMO_STEMS) and _unquoted(p.NEWSLETTER_PROMO, text) and _unreported(text)


def _reader_offer(text: str) -> bool:
    return _holds_any(text, p.READER_OFFER_STEMS) and _unquoted(p.READER_OFFER, text) and _unreported(text)


def _affiliate_disclosure(text: str) -> bool:
    """An affiliate-link disclosure; the commission's phrases only where the line names the links."""
    if p.AFFILIATE_DISCLOSURE.search(text):
        return True
    return p.LINK_WORD.search(text) is not None and p.AFFILIATE_COMMISSION.search(text) is not None


def _unattributed(text: str) -> bool:
    """A call printed on the page, not quoted in a sentence: no comma (but in a number), quote or
    semicolon (a story's quoted call has its attribution), and a final period only in a short line."""
    if any(mark in text for mark in ';"“”«»„') or p.CLAUSE_COMMA.search(text):
        return False
    return not text.rstrip().endswith(".") or len(text.split()) <= CALL_TO_ACTION_MAX_PERIOD_WORDS


def _mostly_social(text: str) -> bool:
    """A line of network names ("Facebook Twitter Email") is a share widget."""
    names = p.SOCIAL_NAMES.findall(text)
    return len(names) >= 2 and len(names) * 2 >= len(text.split())


# Lines that make up the boxes a page puts after or inside an article: a heading right above
# them, and nothing of the article below, is the box's heading (BOX_HEADING).
BOX_RULES = frozenset({NEWSLETTER_PROMO, READ_MORE, SHARE_WIDGET, FOLLOW_OR_CONTACT, LINK_LINE})


# In order of precedence: the first test that matches names the line. The word caps are checked
# first; they also spare a paragraph most regexes, which makes this the cheap half of cleaning.
LINE_RULES = (
    LineRule(RULE_LINE, "RULE_LINE: the whole line", ANY_LENGTH, p.RULE_LINE.match),
    LineRule(SITE_MARK, "SITE_MARK: the whole line", ANY_LENGTH, p.SITE_MARK.match),
    LineRule(NAV_CHROME, "NAV_CHROME, BREADCRUMB or COPYRIGHT: the whole line (COPYRIGHT its start)",
             MAX_BOILERPLATE_WORDS, lambda t: p.NAV_CHROME.match(t) or p.BREADCRUMB.match(t) or p.COPYRIGHT.match(t)),
    LineRule(NAV_CHROME, "COOKIE_NOTICE: anywhere, in a line with no word of terms.ALL_REPORTING_WORDS; or a 🍪 in a "
             f"line of at most {COOKIE_MARK_MAX_WORDS} words",
             COOKIE_NOTICE_MAX_WORDS, _cookie_notice),
    LineRule(NAV_CHROME, "CONSENT_NOTICE: anywhere, in a line with no word of terms.ALL_REPORTING_WORDS",
             CONSENT_NOTICE_MAX_WORDS, _consent_notice),
    LineRule(ADVERTISEMENT, "ADVERTISEMENT: the whole line", ANY_LENGTH, p.ADVERTISEMENT.match),
    LineRule(ADVERTISEMENT, "BRANDED_CONTENT: the start, in a line with no word of terms.ALL_REPORTING_WORDS and no "
             "AI_DISCLOSURE (an article made with AI is the newsroom's)", BRANDED_CONTENT_MAX_WORDS,
             lambda t: p.BRANDED_CONTENT.match(t) and _unreported(t) and not p.AI_DISCLOSURE.search(t)),
    LineRule(ADVERTISEMENT, "AFFILIATE_DISCLOSURE anywhere, or AFFILIATE_COMMISSION with a LINK_WORD, in a line no "
             "longer than a disclosure", AFFILIATE_DISCLOSURE_MAX_WORDS, _affiliate_disclosure),
    LineRule(SHARE_WIDGET, "SHARE_WIDGET: the whole line; or two or more SOCIAL_NAMES, half the words or more",
             MAX_BOILERPLATE_WORDS, lambda t: p.SHARE_WIDGET.match(t) or _mostly_social(t)),
    LineRule(SHARE_WIDGET, "TEXT_SIZE: the whole line", MAX_BOILERPLATE_WORDS, p.TEXT_SIZE.match),
    LineRule(SHARE_WIDGET, "LISTEN_CONTROL: the whole line", MAX_BOILERPLATE_WORDS, p.LISTEN_CONTROL.match),
    LineRule(READ_MORE, "READ_MORE or TEASER_LABEL: the start", TEASER_MAX_WORDS,
             lambda t: p.READ_MORE.match(t) or p.TEASER_LABEL.match(t)),
    LineRule(READ_MORE, "TAGGED_LINK: a [TAG] at the end, or [Related ...]", TEASER_MAX_WORDS, p.TAGGED_LINK.search),
    LineRule(READ_MORE, "ARROW_TEASER: the whole line, an arrow or » before a headline", TEASER_MAX_WORDS,
             p.ARROW_TEASER.match),
    LineRule(SHARE_WIDGET, "READER_PROMPT: the start", READER_PROMPT_MAX_WORDS, p.READER_PROMPT.search),
    LineRule(FOLLOW_OR_CONTACT, "FOLLOW_OR_CONTACT: anywhere", FOLLOW_OR_CONTACT_MAX_WORDS,
             lambda t: _holds_any(t, p.FOLLOW_OR_CONTACT_STEMS) and p.FOLLOW_OR_CONTACT.search(t)),
    LineRule(NAV_CHROME, "REPRINT_NOTICE: anywhere", REPRINT_NOTICE_MAX_WORDS, p.REPRINT_NOTICE.search),
    LineRule(NAV_CHROME, "TAXONOMY: the start", MAX_BOILERPLATE_WORDS, p.TAXONOMY.match),
    LineRule(LINK_LINE, "LINK_LINE: the whole line; or URLs are more than half its characters",
             LINK_LINE_MAX_WORDS, _mostly_links),
    LineRule(NEWSLETTER_PROMO, "NEWSLETTER_PROMO: anywhere but inside a QUOTATION, in a line with no word of "
             "terms.ALL_REPORTING_WORDS", NEWSLETTER_PROMO_MAX_WORDS,
             _unquoted_promo),
    LineRule(NEWSLETTER_PROMO, "NEWSLETTER_NAME: the whole line", NEWSLETTER_NAME_MAX_WORDS, p.NEWSLETTER_NAME.match),
    LineRule(NEWSLETTER_PROMO, "CALL_TO_ACTION: the start, in a line with no comma or quote (a period only up to "
             f"{CALL_TO_ACTION_MAX_PERIOD_WORDS} words)", CALL_TO_ACTION_MAX_WORDS,
             lambda t: p.CALL_TO_ACTION.match(t) and _unattributed(t)),
    LineRule(NEWSLETTER_PROMO, "PAYWALL_NOTICE: anywhere", PAYWALL_NOTICE_MAX_WORDS, p.PAYWALL_NOTICE.search),
    LineRule(NEWSLETTER_PROMO, "READER_OFFER: anywhere but inside a QUOTATION, in a line with no word of "
             "terms.ALL_REPORTING_WORDS", READER_OFFER_MAX_WORDS, _reader_offer),
    LineRule(NEWSLETTER_PROMO, "MEMBERSHIP_ASK: the start, with a MEMBERSHIP_ACTION anywhere", MEMBERSHIP_ASK_MAX_WORDS,
             lambda t: p.MEMBERSHIP_ASK.match(t) and p.MEMBERSHIP_ACTION.search(t)),
    LineRule(TIMESTAMP, "TIMESTAMP_LINE: the whole line", TIMESTAMP_MAX_WORDS, p.TIMESTAMP_LINE.match),
    LineRule(TIMESTAMP, "DATE_AND_TIME: anywhere", DATE_AND_TIME_MAX_WORDS, p.DATE_AND_TIME.search),
    LineRule(SOURCE_CREDIT, "SOURCE_LINE: the whole line", SOURCE_LINE_MAX_WORDS, p.SOURCE_LINE.match),
    LineRule(PHOTO_CREDIT, "PHOTO_CREDIT_LINE: the whole line", PHOTO_CREDIT_MAX_WORDS, p.PHOTO_CREDIT_LINE.match),
    LineRule(PHOTO_CREDIT, "a © anywhere but at the start (there COPYRIGHT: nav_chrome)", COPYRIGHT_CREDIT_MAX_WORDS,
             lambda t: "©" in t and not p.COPYRIGHT.match(t)),
    LineRule(CONTRIBUTOR_CREDIT, "CONTRIBUTOR_CREDIT: anywhere", CONTRIBUTOR_CREDIT_MAX_WORDS,
             p.CONTRIBUTOR_CREDIT.search),
    LineRule(CONTRIBUTOR_CREDIT, "CREDIT_LABEL_LINE: the start, then a person or agency (a bare label word with its colon)",
             CREDIT_LABEL_MAX_WORDS, is_credit_label_line),
    LineRule(AI_DISCLOSURE, "AI_DISCLOSURE: anywhere, in a line that does not open with a DATELINE_START",
             AI_DISCLOSURE_MAX_WORDS, lambda t: p.AI_DISCLOSURE.search(t) and not p.DATELINE_START.match(t)),
    LineRule(FURNITURE_LABEL, "furniture.ANCHOR_WORDS, LONE_LABEL_WORDS and MODIFIER_WORDS: every word but function words "
             "and a provider's name, one an anchor, two of them or a consent word or a provider, no sentence end; or "
             "such a label before a colon or an arrow, a teaser's headline after it", furniture.TEASER_MAX_WORDS,
             furniture.is_furniture_label),
)


# The rules of labels a page prints around an article, which may come with decorations or side by
# side on one line (line_rule). Not the rules of a line's shape (a lone mark, a date, a rule line):
# a list's "- GPS" is no site mark, and a table's "| 7 | Kyle Larson |" no run of labels.
LABEL_RULES = frozenset({NAV_CHROME, ADVERTISEMENT, SHARE_WIDGET, READ_MORE, NEWSLETTER_PROMO, FOLLOW_OR_CONTACT,
                         FURNITURE_LABEL})


def line_rule(text: str, words: int) -> LineRule | None:
    """The first of LINE_RULES the line matches as printed; else a label rule's (LABEL_RULES) when
    the line is a label once the decorations at its ends are left out (patterns.undecorated: "[
    Publicité ]", "Comments (47)", "Continua a leggere →"), or, in a short line of labels printed
    side by side ("ANZEIGE · Artikel wird unten fortgesetzt"), when every one is."""
    rule = _first_rule(text, words)
    if rule is None and (bare := p.undecorated(text)) != text:
        rule = _label_rule(bare)
    if rule is None and words <= MAX_BOILERPLATE_WORDS and len(parts := p.LABEL_SEPARATOR.split(text)) > 1:
        found = [_label_rule(p.undecorated(part)) for part in parts]
        rule = found[0] if all(found) else None
    return rule


def _first_rule(text: str, words: int) -> LineRule | None:
    return next((r for r in LINE_RULES if words <= r.max_words and r.matches(text)), None)


def _label_rule(text: str) -> LineRule | None:
    rule = _first_rule(text, len(text.split()))
    return rule if rule is not None and rule.name in LABEL_RULES else None


# What a rule looks at: the steps of segment_document (tasks/segment/clean.py).
ONE_LINE = "looks at each line alone"
NEIGHBOURS = "looks at a line and the lines around it"
STORY = "looks at each story, after splitting"
INSIDE_LINES = "looks inside body lines"
LINE_MARKS = "looks at the marks around each line, before any other rule"
PAGE = "looks at an HTML page's elements"  # tasks/extract/visible.py and layout.py; its examples are pages


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule as users see it: what a span named `name` is, and a case on each side of it.

    `kind` is the kind of the rule's spans: DROPPED, or the metadata it moves the text to;
    `scope` what the rule looks at. `pattern` is what it keys on (for a line rule, one entry per
    test of LINE_RULES); `limits` its caps (for a line rule, each test's word cap, in the same
    order). `example` is a line or a short document on which it fires; `counterexample` a near
    miss on which it must not.
    """

    name: str
    kind: str
    scope: str
    pattern: tuple[str, ...]
    limits: tuple[str, ...]
    why: str
    example: str
    counterexample: str


def _word_cap(cap: int) -> str:
    return "any length" if cap == ANY_LENGTH else f"at most {cap} words"


def _line_rule(name: str, kind: str, why: str, example: str, counterexample: str) -> Rule:
    """A context-free rule, its pattern and limits read off its tests in LINE_RULES."""
    tests = [test for test in LINE_RULES if test.name == name]
    patterns = tuple(test.pattern for test in tests)
    return Rule(name, kind, ONE_LINE, patterns, tuple(_word_cap(test.max_words) for test in tests), why, example,
                counterexample)


# Prose for the examples that need a story around a line: a story is more than a headline's worth
# of words (MAX_HEADLINE_WORDS) below its title.
_FLOODS = (
    "Heavy rain flooded the lower town of Porto Alegre for a third day on Monday, forcing more than 2,000 "
    "people from their homes as the Guaíba river rose above its 1941 record, the state civil defence said.\n\n"
    "Rescue teams in boats evacuated patients from two hospitals, and the airport will stay closed until at "
    "least the end of the month, the operator said.\n"
)
_HOUSING = (
    "Die Mieten in Leipzig sind im vergangenen Jahr um 7,4 Prozent gestiegen, stärker als in jeder anderen "
    "ostdeutschen Großstadt, wie aus dem neuen Mietspiegel der Stadt hervorgeht.\n\n"
    "Besonders betroffen sind kleine Wohnungen in der Innenstadt, für die Neumieter inzwischen im Schnitt "
    "mehr als zwölf Euro je Quadratmeter zahlen.\n"
)
_TRAFFIC = (
    "Il consiglio comunale di Bergamo ha approvato martedì sera il nuovo piano del traffico, che dal prossimo "
    "gennaio chiuderà alle auto più inquinanti tutto il centro storico dalle 7 alle 19.\n\n"
    "{line}\n\n"
    "I commercianti del centro chiedono una fase di prova di sei mesi, mentre l'assessore alla mobilità ha "
    "promesso nuove linee di autobus e tremila posti in più nei parcheggi di scambio.\n"
)
_LEARNED_EXAMPLE = _TRAFFIC.format(line="Ti è piaciuto questo articolo? Faccelo sapere nei commenti")
_LEARNED_COUNTEREXAMPLE = _TRAFFIC.format(line="Il voto in consiglio")
_HARBOUR = (
    "Le port de Marseille a enregistré un trafic record de passagers cet été, porté par le retour des "
    "croisières et la hausse des liaisons vers la Corse et l'Algérie, a annoncé mardi le Grand port maritime.\n\n"
    "La direction prévoit d'électrifier trois nouveaux quais d'ici 2026 pour réduire la pollution des navires "
    "à quai, une demande ancienne des riverains des quartiers nord.\n"
)
_ELECTION = (
    "Election officials in Nairobi began counting ballots on Wednesday night after polls closed in a "
    "by-election for the city's governor, with turnout estimated at 41 per cent.\n\n"
    "Results are expected by Friday, the electoral commission said, and observers from the African Union "
    "reported long queues but no serious incidents at the polling stations they visited.\n"
)
_SECOND_LOOK = (
    "Opposition candidates said the counting centre had opened late and asked for their agents to be "
    "allowed to watch every table, a request the commission granted on Thursday morning.\n"
)
# A press release and a news story about the same deal: the release ends with its issuer's profile.
_ROBOTS = (
    "ZURICH, March 4, 2026 - Helvetia Robotics today announced a partnership with the University Hospital of "
    "Basel to deploy autonomous delivery robots in its wards from June.\n\n"
    "The robots carry medicines and samples between the pharmacy and the wards, and the hospital expects "
    "them to save nurses about 40 minutes a shift, Helvetia Robotics said.\n\n"
)
_ROBOTS_PROFILE = (
    "About Helvetia Robotics\n"
    "Helvetia Robotics is a Swiss maker of service robots for hospitals and care homes. Founded in 2011, the "
    "company is headquartered in Zurich and employs 240 people.\n"
)
_ROBOTS_BACKGROUND = (
    "Helvetia Robotics is a Swiss maker of service robots, founded in 2011, whose machines already work in "
    "hospitals in Geneva and Lausanne.\n"
)
# A chart's note with its source in parentheses, printed above and below the text: not a caption.
_TURNOUT_CHART = (
    "Registered voters by constituency, with turnout in the 2022 general election and the change since the "
    "2017 vote, in per cent of the register (Independent Electoral and Boundaries Commission)\n"
)
_PRICES = (
    "La inflación interanual bajó al 3,2% en marzo, dos décimas menos que en febrero, por el abaratamiento de "
    "la electricidad y de los carburantes, según el dato adelantado del Instituto Nacional de Estadística.\n\n"
    "Los alimentos, en cambio, siguieron encareciéndose, y la inflación subyacente se mantuvo en el 3,5%, lo que "
    "según los analistas aleja una bajada de tipos antes del verano.\n"
)

# A page of a Portuguese daily: navigation, an article with a figure (caption and credit in elements
# of their own), a newsletter box, and a sidebar whose teaser has a figure too.
_PORTO_PAGE = """<!DOCTYPE html><html lang="pt"><head><meta charset="utf-8">
<title>Metro do Porto abre linha Rosa em 2026 | Jornal do Norte</title></head><body>
<header><nav><a href="/">Início</a> <a href="/local">Local</a> <a href="/economia">Economia</a></nav></header>
<main><article><h1>Metro do Porto abre linha Rosa em 2026</h1>
<p>A Metro do Porto confirmou esta terça-feira que a nova linha Rosa, entre a Casa da Música e São Bento,
começa a transportar passageiros no primeiro trimestre de 2026, com um ano de atraso face ao previsto.</p>
<figure><img src="tuneladora.jpg" alt=""><figcaption>A tuneladora chegou à estação de São Bento em
março.<span class="credit">Foto: Rui Oliveira/Global Imagens</span></figcaption></figure>
<p>A empresa atribui o atraso à descoberta de vestígios arqueológicos junto à Praça da Liberdade, que
obrigaram a alterar o traçado do túnel em cerca de quarenta metros.</p>
<p>O investimento total ronda os 380 milhões de euros, financiados em grande parte pelo Plano de
Recuperação e Resiliência, e a linha deverá servir 40 mil passageiros por dia.</p>
</article>
<aside><h2>Mais lidas</h2><figure><img src="ponte.jpg" alt=""><figcaption>Ponte da Arrábida fechada
ao trânsito no domingo</figcaption></figure></aside></main>
<footer><p>© 2025 Jornal do Norte. Todos os direitos reservados.</p></footer></body></html>"""
# An Italian story whose page ends in a list of links to other stories that the extractor kept, and the
# same story whose last paragraphs hold links inside their prose.
_TRAIN_STRIKE = (
    "<p>Venerdì i treni regionali potrebbero subire cancellazioni per lo sciopero nazionale di 21 ore proclamato "
    "dai sindacati di base, dalle 21 di giovedì alle 18 di venerdì.</p><p>Trenord e Trenitalia garantiscono "
    "comunque i servizi minimi nelle fasce dei pendolari, dalle 6 alle 9 e dalle 18 alle 21, come previsto "
    "dalla legge.</p>"
)
_LINKED_STORIES = ("<html><body><div class='post'>" + _TRAIN_STRIKE + "<p>" + "".join(
    f"<a href='/{n}'><img src='{n}.jpg'><h3>{title}</h3></a>" for n, title in enumerate((
        "Metro di Brescia, orari prolungati per tutta l'estate e nei fine settimana",
        "Autostrada A4, cantieri notturni tra Brescia Est e Desenzano fino a ottobre",
        "Aeroporto di Montichiari, nuovi voli cargo verso la Germania e la Polonia"))) + "</p></div></body></html>")
_LINKS_IN_PROSE = ("<html><body><article>" + _TRAIN_STRIKE + "<p>Gli orari aggiornati sono sul sito di "
                   "<a href='/t'>Trenord</a>, e le regole sui servizi minimi nella <a href='/l'>legge 146 del "
                   "1990</a>.</p></article></body></html>")
# The same story on a page with no figure: nothing is a figure caption.
_PORTO_PLAIN = _PORTO_PAGE.split("<figure>")[0] + "</article></main></body></html>"

RULES = (
    _line_rule(
        RULE_LINE, schema.DROPPED,
        "Divider lines between sections or glued stories carry no text.",
        "* * *\n__\n———",
        "– 30 –",
    ),
    _line_rule(
        SITE_MARK, schema.DROPPED,
        "A lone agency or site mark (AFP, TT) between stories is page furniture, not a sentence.",
        "AFP",
        "NATO-Gipfel",
    ),
    _line_rule(
        NAV_CHROME, schema.DROPPED,
        "Navigation, breadcrumbs, copyright lines, cookie, consent and reprint notices and tag lists are the "
        "portal's, not the article's.",
        "Aller au contenu principal\n"
        "Inicio › Economía › Vivienda\n"
        "© 2024 Giornale di Brescia. Tutti i diritti riservati.\n"
        "This website uses cookies to ensure you get the best experience on our website. Learn more\n"
        "Questo sito utilizza cookie tecnici e di profilazione per migliorare la tua esperienza.\n"
        "Aceitar todos\n"
        "Wir und unsere 214 Partner speichern und/oder greifen auf Informationen auf einem Gerät zu.\n"
        "This copy is for your personal, non-commercial use only. To order presentation-ready copies for "
        "distribution to colleagues or clients, visit our reprints page.\n"
        "Schlagwörter: Mietpreisbremse, Wohnungsmarkt, Leipzig",
        "Search teams found the two missing hikers near the summit of Monte Perdido on Sunday, police said.\n"
        "Home sales in Lisbon fell for a second quarter as mortgage rates stayed near 4 per cent, the "
        "statistics institute said on Thursday.\n"
        "Die Datenschutzbehörde prüft, ob die Cookies der Stadtverwaltung gegen das Gesetz verstoßen.\n"
        "We and our partners will keep the shelter open all winter, the charity's director said.",
    ),
    _line_rule(
        ADVERTISEMENT, schema.DROPPED,
        "Ad slot labels mark where an advertisement was cut out of the page.",
        "Publicité\nArticle continues after this advertisement\nPubblicità\nPublicidade\n"
        "La noticia continúa después de la publicidad\nWeiterlesen nach der Anzeige\nSigue leyendo tras la publicidad\n"
        "Continua a leggere dopo la pubblicità\n"
        "This article contains affiliate links; we may earn a commission on purchases made through them.\n"
        "Dieser Artikel entstand in Zusammenarbeit mit der Sparkasse Oberland.",
        "Advertising revenue at the group fell 12% in the third quarter, hit by weaker spending from car makers.\n"
        "A publicidade de apostas online será proibida nos estádios a partir de janeiro.\n"
        "The regulator said influencers must say when a post contains affiliate links, and fined three of them.\n"
        "Die Studie entstand in Zusammenarbeit mit der Universität Kiel, sagte die Sprecherin.",
    ),
    _line_rule(
        SHARE_WIDGET, schema.DROPPED,
        "Share buttons and comment prompts are widget labels, not text.",
        "Partager sur : Facebook Twitter E-mail\nFacebook WhatsApp LinkedIn\nWas this article helpful?\n"
        "Condividi su: Facebook WhatsApp\nArtikel drucken\n12 comentários\nTaille du texte : A- A+\n"
        "Beitrag vorlesen: 2:48 Min.",
        "Facebook said on Tuesday it would share more data with researchers who study elections in Europe.\n"
        "Los vecinos comparten en WhatsApp las fotos de la calle inundada.",
    ),
    _line_rule(
        READ_MORE, schema.DROPPED,
        "Teasers for other articles interrupt the text, and mark where glued stories meet "
        "(tasks/segment/split.py counts them as layout evidence).",
        "Lesen Sie auch: Bahnstreik legt den Fernverkehr lahm\n"
        "Leia também: Preço dos passes sobe em janeiro\nSaiba mais\n"
        "Video: the moment the Carola bridge collapsed into the Elbe\n"
        "Ferry operator scraps the winter timetable to Hiddensee [PICTURES]\n"
        "» Hafenfähre fährt im Winter nur noch stündlich",
        "More than 300 people attended the vigil in the main square on Saturday evening, organisers said.\n"
        "»Wir fahren weiter, solange das Wetter es zulässt«, sagte die Kapitänin.\n"
        "Saiba mais sobre o plano quem visitar a exposição na câmara municipal até sexta-feira.",
    ),
    _line_rule(
        FOLLOW_OR_CONTACT, schema.DROPPED,
        "Contact and follow lines at an article's end address the reader; they are not the story.",
        "Follow her on Instagram @sofia.moretti.news\nSiga-nos no Instagram\nSuivez-nous sur Facebook\n"
        "Reporter Daniel Okoth can be reached at dokoth@nation.example",
        "Police asked anyone who saw the grey van near the school to contact them on 101.\n"
        "Viele Kunden folgen den Stadtwerken inzwischen auf Instagram, sagte eine Sprecherin.",
    ),
    _line_rule(
        LINK_LINE, schema.DROPPED,
        "A line of bare links, addresses or handles carries no prose.",
        "Podcast: https://podcasts.example.fm/episode/412-housing-crisis\n@ElPaisEconomia\n"
        "www.ville-lyon.example/budget-2025",
        "The full report is published at www.stats.example and runs to 240 pages, with tables for every region.",
    ),
    _line_rule(
        NEWSLETTER_PROMO, schema.DROPPED,
        "Subscription and newsletter promotions are the publisher's ads for itself.",
        "Inscrivez-vous à notre newsletter pour recevoir l'essentiel de l'actualité chaque matin\n"
        "Evening Update Newsletter\nAssine a nossa newsletter e receba as notícias na sua caixa de entrada.\n"
        "Iscriviti alla nostra newsletter per ricevere le notizie ogni mattina.\n"
        "If you enjoyed this article, we have a proposition for you: join our members' club. Members get every "
        "story, the magazine and the archive, with no paywalls or meters, and they keep our reporting independent "
        "of advertisers.\n"
        "Se você gostou desta reportagem, apoie o jornalismo independente: torne-se assinante a partir de 1,90 "
        "euros por mês e leia tudo sem limites.\nHazte socio y lee todas las noticias sin límites\n"
        "Questo contenuto è riservato agli abbonati\n"
        "Sie haben das Ende des frei verfügbaren Textes erreicht.\nEssai gratuit de 30 jours, résiliable à tout moment",
        "Voters can register online until Friday, and campaigns may send them e-mails only after that date.\n"
        "Support for the new ferry grew after the council published its costs, a poll found.\n"
        "Subscribers to the ferry pass will pay half price from May, the operator said.\n"
        "Der Verlag verlor im vergangenen Jahr 8.000 Abonnenten der gedruckten Zeitung.\n"
        "Residents can download the council's app and join its WhatsApp channel, a spokeswoman said.\n"
        "If you enjoyed the first season of the series, the second is darker and slower, critics who saw the "
        "opening episodes said on Tuesday.",
    ),
    _line_rule(
        TIMESTAMP, schema.DROPPED,
        "Publication and update stamps are the page's metadata, not a sentence of the article.",
        "Veröffentlicht am 3. März 2024, 18:20 Uhr\nActualizado: 14/03/2024 09:45 CET\n"
        "Nairobi | 12 March 2024 at 17:30\n14:05 CET\nore 9:40\nHá 12 minutos\nvor 5 Minuten\n3 hours ago",
        "The ceasefire took effect at 06:00 on 19 January 2025 and has largely held since then, officials "
        "said, despite sporadic clashes in the north.",
    ),
    _line_rule(
        SOURCE_CREDIT, schema.CREDIT,
        "A source line credits an agency or institution; the names go to the story's credits.",
        "Fuente: Instituto Nacional de Estadística",
        "Sources close to the negotiations said a deal on the budget could come as early as this week.\n"
        "Fonti vicine al governo dicono che l'accordo è vicino.",
    ),
    _line_rule(
        PHOTO_CREDIT, schema.CREDIT,
        "A photo credit on a line of its own belongs to an image that is not in the text; the "
        "photographer goes to the story's credits, with the role photo.",
        "Foto: Jonas Weber/dpa\n(AFP Photo/Ludovic Marin)\nLe Vieux-Port au lever du jour. © Clément Mahoudeau / AFP\n"
        "Foto di Luca Zennaro/ANSA\nCrédit photo : Jean-Pierre Clatot/AFP",
        "Photographs from the city archive show the square as it looked before the war.\n"
        "Fotos de la época muestran la plaza antes de la guerra.",
    ),
    _line_rule(
        CONTRIBUTOR_CREDIT, schema.CREDIT,
        "Reporting and editing credits name the newsroom's people; they go to the story's credits.",
        "Reporting by Lucía Ortiz in Bogotá; Editing by Daniel Wallis\nMitarbeit: Anna Keller\n"
        "Traduit de l'anglais par Claire Martin\nReportagem de João Silva e Maria Souza\n"
        "Contributing: Kristine Phillips, USA TODAY\nWith Post wires",
        "Farmers contributed to the relief fund, and the ministry's own review of the floods is due in May.\n"
        "Contributing to the fund were 40 local firms and the regional council.\n"
        "Edición de 2024 del festival: más de 80.000 visitantes en cuatro días.\n"
        "Text Messages Reveal How the Deal Was Struck",
    ),
    _line_rule(
        FURNITURE_LABEL, schema.DROPPED,
        "A short label in wording no phrase rule knows, made only of the words pages print on their furniture "
        "(articles, reading, accounts, sharing, advertising, pictures, privacy), is the page's; a heading has a "
        "topic word.",
        "Prossimo articolo\nDrucken | Per Mail senden\nConfigurar privacidad\nAds by Outbrain\nZustimmen & weiter\n"
        "Hier weiterlesen: Die wichtigsten Fragen zum Heizungsgesetz",
        "Privacy fears grow after the leak",
    ),
    _line_rule(
        AI_DISCLOSURE, schema.AUTHOR,
        "A note that AI wrote the text marks the story ai_disclosed; it is not part of the article.",
        "Dieser Artikel wurde mit Hilfe von KI erstellt und von der Redaktion geprüft.",
        "BRUSSELS (Reuters) - EU lawmakers agreed on Friday on labels for AI-generated images in political "
        "adverts, a year before the European elections.",
    ),
    Rule(
        BYLINE, schema.AUTHOR, ONE_LINE,
        ("BYLINE: 'By', 'Von', 'Par', 'Por' or 'Di', then names, maybe an outlet; at least one person's name "
         "(credits.author_names); tried when no line rule above matched",),
        (_word_cap(BYLINE_MAX_WORDS),),
        "The byline names the authors; they go to the story's authors.",
        "Por Lucía Ortiz y Daniel Reyes | El Heraldo\n\n" + _PRICES,
        "By Sunday, the river had fallen two metres.\n\n" + _FLOODS,
    ),
    Rule(
        DESK_BYLINE, schema.CREDIT, ONE_LINE,
        ("BYLINE_WORD (maybe), then only desks (DESK_PHRASE: a DESK_NOUN with its determiner, outlet or "
         "place), wire agencies (AGENCY_NAME), initials (ACRONYM) or outlets, joined by BYLINE_JOINER, at least one desk or "
         "agency or initials; or a NEWSROOM_LINE or agencies alone without the byline word; tried after BYLINE",),
        (_word_cap(BYLINE_MAX_WORDS),),
        "A byline that names a desk, the staff or a wire agency signs the story without a person: "
        "the signers go to the story's credits with the role author, never to its body.",
        "Par Le Monde avec AFP\n\n" + _HARBOUR,
        "Par la suite, la rédaction a publié un rectificatif.\n\n" + _HARBOUR,
    ),
    Rule(
        OUTLET_BYLINE, schema.CREDIT, STORY,
        ("the body line right above the first prose paragraph, among the first three under the story's title (or of a story without one): "
         "BYLINE_WORD, then agencies, desks, initials or outlets (a name, a web address, a name with a number, "
         "a compound of an agency or a desk; a lone word only after by, von, par or por; an agency or a desk among two or more), maybe a place "
         "after a bar or a dash; or desks and outlets without the byline word (credits.slot_signers)",),
        (_word_cap(OUTLET_BYLINE_MAX_WORDS), "not ending with ! ? : or ;"),
        "Where the byline stands, an outlet signs the story with a name no list can hold (\"Por Clarín\", "
        "\"Von tagesschau.de\", \"Par France 24\"): the signers go to the story's credits with the role "
        "author, never to its body. Elsewhere such a line is a sentence or a name of the story.",
        "Governo aprova novo plano de habitação\n\nPor g1 SP\n\nO Governo aprovou esta terça-feira um plano "
        "de habitação para jovens com apoios à renda de até 250 euros por mês durante dois anos.\n",
        "Governo aprova novo plano de habitação\n\nO Governo aprovou esta terça-feira um plano de habitação "
        "para jovens com apoios à renda de até 250 euros por mês durante dois anos.\n\nPor Lisboa\n\n"
        "A oposição criticou o plano e pediu mais casas públicas, disse o deputado.\n",
    ),
    Rule(
        AUTHOR_BOX, schema.AUTHOR, NEIGHBOURS,
        ("WRITTEN_BY with a person's name; or an AUTHOR_LABEL line, a NAME line below it, and the short bio "
         "after that",),
        (f"WRITTEN_BY line {_word_cap(WRITTEN_BY_MAX_WORDS)}",
         f"bio: up to {AUTHOR_BIO_MAX_LINES} lines of {_word_cap(AUTHOR_BIO_MAX_WORDS)}, "
         f"at most {AUTHOR_BIO_MAX_BLANK_LINES} blank line above each"),
        "An author box names the author (and may disclose AI authorship); it is not the article.",
        _HOUSING + "\nÜber den Autor\nJonas Becker\n"
        "Jonas Becker berichtet seit 2015 über Wohnen und Verkehr in Leipzig.\n",
        "Von Montag an gilt der neue Fahrplan der Leipziger Verkehrsbetriebe.\n\n" + _HOUSING,
    ),
    Rule(
        KICKER, schema.DROPPED, NEIGHBOURS,
        ("the document's first body line, when it starts with a capital and ends with no punctuation, right "
         "above a headline-shaped line (split.is_headline) at least two words longer, with at most one blank line "
         "between, and prose follows the headline within a few lines",),
        (f"kicker {_word_cap(KICKER_MAX_WORDS)}, {KICKER_MAX_CHARACTERS} characters",
         f"prose within {KICKER_TEXT_WITHIN} body lines under the headline"),
        "A section's or genre's label over a headline (POLITICS, Analysis, Economía) labels the page, not the "
        "story; left in the text it hides the headline from the title and from the splitting.",
        "ECONOMÍA\nEl Gobierno aprueba un plan de vivienda\n\n" + _PRICES,
        "Record Floods Close Porto Alegre Airport\n\n" + _FLOODS + "BOYS SOCCER\nCentral beats North Valley 3-1 "
        "in the regional final\n\n" + _FLOODS,
    ),
    Rule(
        RELATED_LINKS, schema.DROPPED, NEIGHBOURS,
        ("under a bare READ_MORE label line (Related, Lire aussi, Leggi anche ...), the lines that follow "
         "it that are bullets or headline-shaped; of unbulleted ones, not the last right above prose (the "
         "headline of what follows)",),
        (f"label {_word_cap(RELATED_LABEL_MAX_WORDS)}", f"items {_word_cap(TEASER_MAX_WORDS)}, at most {RELATED_MAX_ITEMS}"),
        "The titles a related-stories block lists are links to other articles, not this one's text.",
        _ELECTION + "Leggi anche\n- Turnout falls in the coastal counties\n- Who are the governor candidates\n"
        "Sur le même sujet\nFloods close Porto Alegre airport\nRecord Floods Close Porto Alegre Airport\n" + _FLOODS,
        _ELECTION + "Read more\nCounting continues on Thursday in all 290 constituencies, and the commission will "
        "publish the results as they come in.\n",
    ),
    Rule(
        TITLE, schema.TITLE, STORY,
        ("a story's first body line when it is headline-shaped (split.is_headline) with text below it; "
         "with a page <title>, the line that is it, or contains it or is contained in it",),
        (f"headline {_word_cap(MAX_HEADLINE_WORDS)}", f"more than {MAX_HEADLINE_WORDS} words of text below it",
         f"a partial <title> match: at least {TITLE_HINT_MIN_WORDS} words"),
        "The headline is the story's title, not its first paragraph.",
        "Record Floods Close Porto Alegre Airport\n\n" + _FLOODS,
        "As rescue boats reached the lower town, the water was still rising.\n\n" + _FLOODS,
    ),
    Rule(
        REPEATED_TITLE, schema.DROPPED, STORY,
        ("a later body line of the story identical to its title (case and spacing folded)",),
        (),
        "Pages often print the headline twice (page header and article header); one copy is the title.",
        "Nairobi Counts Votes in Governor By-Election\n\nNairobi Counts Votes in Governor By-Election\n\n" + _ELECTION,
        "Nairobi Counts Votes in Governor By-Election\n\n"
        "Nairobi counts votes in governor by-election - Daily Nation\n\n" + _ELECTION,
    ),
    Rule(
        CAPTION, schema.CAPTION, STORY,
        ("a line ending in a photo credit (TRAILING_CREDIT with PHOTO_CREDIT_INSIDE, or 'Photo: NAME'); or "
         "ending in any (credit) and repeated a few lines below",),
        (_word_cap(MAX_CAPTION_WORDS), f"the repeat within {CAPTION_REPEAT_DISTANCE} lines"),
        "A caption describes an image, not the story; it goes to the story's captions with its credit.",
        _HARBOUR + "Un paquebot amarré au terminal de la Joliette, le 12 juillet. (Nicolas Tucat/AFP)\n",
        _HARBOUR + "Le trafic a atteint 2,1 millions de passagers (contre 1,8 million en 2023)\n",
    ),
    Rule(
        REPEATED_CAPTION, schema.DROPPED, STORY,
        ("a later copy, in the same story, of a line taken as a caption",),
        (),
        "Scrapers save a photo's caption several times; it is kept once.",
        "Rescue boats in the flooded lower town on Monday. (Diego Vara/Reuters)\n"
        "Rescue boats in the flooded lower town on Monday. (Diego Vara/Reuters)\n\n" + _FLOODS,
        _ELECTION + _TURNOUT_CHART + _SECOND_LOOK + _TURNOUT_CHART,
    ),
    Rule(
        REPEATED_PARAGRAPH, schema.DROPPED, STORY,
        ("a body line right after an identical one (captions between allowed)",),
        (f"at least {REPEATED_PARAGRAPH_MIN_WORDS} words",),
        "A paragraph saved twice in a row is one paragraph; shorter repeats are list labels or table cells.",
        _ELECTION + _SECOND_LOOK + _SECOND_LOOK,
        _ELECTION + "Counting continues on Thursday.\nCounting continues on Thursday.\n",
    ),
    Rule(
        KEY_POINTS_HEADING, schema.DROPPED, STORY,
        ("KEY_POINTS_HEADING as the story's first body line, above its key-point bullets",),
        (f"at least {KEY_POINTS_MIN_BULLETS} bullets, then prose",),
        "The heading only labels the highlights, which move to metadata.",
        "Das Wichtigste in Kürze\n- Mieten in Leipzig plus 7,4 Prozent\n- Kleine Wohnungen besonders teuer\n"
        + _HOUSING,
        "Lo más importante\n- La inflación baja al 3,2% en marzo\n\n" + _PRICES,
    ),
    Rule(
        BOX_HEADING, schema.DROPPED, STORY,
        ("a headline-shaped body line (split.is_headline) that is the story's last body line, under a body "
         "line that is not headline-shaped, right above lines the rules dropped as a promotion, teaser, "
         "share, follow or link box (BOX_RULES)",),
        (),
        "The heading of a promotion box labels the box; with the box dropped, it heads no text of the article.",
        _ELECTION + "Something to Consider\nIf you enjoyed this article, we have a proposition for you: join our "
        "members' club. Members get every story and the magazine, with no paywalls.\n",
        _ELECTION + "What Comes Next\nThe commission will publish the final results on Friday, and the losing "
        "candidates have seven days to file a petition.\n",
    ),
    Rule(
        COMPANY_PROFILE, schema.DROPPED, STORY,
        ("an ABOUT_COMPANY heading whose next body line is a COMPANY_IS paragraph of the same name, giving one "
         "of COMPANY_FACTS or more; or, with no heading, a COMPANY_IS paragraph whose name the story gave "
         "before it, its lines to the story's end giving several kinds of COMPANY_FACTS: from there to the "
         "story's end",),
        (f"opens within the story's last {PROFILE_MAX_LINES} body lines",
         f"without a heading, at least {PROFILE_MIN_FACTS} kinds of company facts"),
        "A press release closes with a profile of the company that issued it, the same in every release: "
        "about the issuer, not the news.",
        _ROBOTS + _ROBOTS_PROFILE,
        _ROBOTS + _ROBOTS_BACKGROUND,
    ),
    Rule(
        KEY_POINTS, schema.HIGHLIGHT, STORY,
        ("BULLET lines opening a story (maybe under a KEY_POINTS_HEADING), before its first prose paragraph",),
        (f"at least {KEY_POINTS_MIN_BULLETS} bullets, then prose",),
        "Summary bullets above the text are the story's highlights, not its body.",
        "• Turnout estimated at 41 per cent\n• Results expected by Friday\n\n" + _ELECTION,
        _ELECTION + "- the counting centre opened late\n- agents may watch every table\n" + _SECOND_LOOK,
    ),
    Rule(
        INLINE_CITATION, schema.DROPPED, INSIDE_LINES,
        ("CITATION_PARENTHESISED, or the brackets and URL of a MARKDOWN_LINK (a bare SOURCE_ANCHOR link "
         "entirely) inside a body line; the URLs go to the story's cited_urls",),
        (),
        "Citation markup breaks the sentence; the anchor text stays, the URL is kept aside.",
        "La inflación bajó al 3,2% en marzo ([fuente](https://www.ine.example/ipc-marzo)), según el instituto, "
        "y el [Banco de España](https://www.bde.example/informe) prevé nuevas bajadas.\n",
        "The minister called the figures \"[sic] encouraging\" and published them at www.gov.example/figures "
        "on Tuesday.\n",
    ),
    Rule(
        LEARNED_FURNITURE, schema.DROPPED, ONE_LINE,
        ("furniture_model.FurnitureModel.is_furniture: a linear model of the line's character n-grams, words "
         "and word pairs, trained on boilerplate and prose lines (bench/furniture_model.py), at its threshold; "
         "asked only about body lines no other rule named",),
        (_word_cap(LEARNED_MAX_WORDS),),
        "Furniture in a wording no phrase rule knows still has the families' shape: a label, a call to act, a "
        "credit, a consent prompt.",
        _LEARNED_EXAMPLE,
        _LEARNED_COUNTEREXAMPLE,
    ),
    Rule(
        MARKDOWN_MARK, schema.DROPPED, LINE_MARKS,
        ("a Markdown heading's '#' marks (ATX_HEADING, ATX_CLOSING) or a block quote's '>', and bold or italic "
         "marks around the whole rest of a line (EMPHASIS); every other rule reads the line without them "
         "(lines.markdown_marks)",),
        ("a line left with no letter or digit keeps its marks ('***' is a rule line); marks inside a line stay",),
        "Text scraped as Markdown marks its headlines, bylines and labels; the marks are markup, not text, "
        "and a headline behind '## ' must still read as a headline.",
        "## Le port de Marseille bat son record de passagers\n\n*Par Ana Ruiz*\n\n" + _HARBOUR,
        "Les dockers ont voté **massivement** la grève, et 3 * 4 grues sont restées à l'arrêt.\n\n" + _HARBOUR,
    ),
    Rule(
        FIGURE_CAPTION, schema.CAPTION, PAGE,
        ("a <figcaption>, or an element whose class or itemprop says caption, inside the main text (between "
         "the first and the last block the extractor kept); its figure's credit element follows in parentheses",),
        ("the caption of a figure outside the main text is outside_main_text",),
        "trafilatura drops <figure>: a photo's caption and its credit go to the story's captions, once.",
        _PORTO_PAGE,
        _PORTO_PLAIN,
    ),
    Rule(
        OUTSIDE_MAIN_TEXT, schema.DROPPED, PAGE,
        ("visible text of the page (not script, style, head or hidden) that no line of the extracted main text "
         "covers, found by aligning the extracted lines' words onto the page's words",),
        (),
        "Navigation, sidebars and footers the extractor left out are still accounted for, span by span.",
        _PORTO_PAGE,
        "<html><body><p>" + _HARBOUR.replace("\n\n", "</p><p>") + "</p></body></html>",
    ),
    Rule(
        LINK_LIST, schema.DROPPED, PAGE,
        ("main-text lines that are each the whole text of a link on the page (LINKED_SHARE of the block's "
         "characters in <a>), in a run of consecutive body lines",),
        (f"at least {LINK_LIST_MIN_LINES} lines in the run",),
        "A list of links the extractor kept (related stories, more from the site) points to other pages.",
        _LINKED_STORIES,
        _LINKS_IN_PROSE,
    ),
)

RULE_NAMES = frozenset(rule.name for rule in RULES)
_KINDS = {rule.name: rule.kind for rule in RULES}


def kind_of(name: str) -> str:
    """The kind of the spans of the rule `name` (a KeyError for a name not in RULES)."""
    return _KINDS[name]


# Where each kind other than DROPPED puts the text (StoryDraft's fields, tasks/core/schema.py).
_MOVED_TO = {schema.TITLE: "title", schema.CAPTION: "captions", schema.CREDIT: "credits",
             schema.AUTHOR: "authors", schema.HIGHLIGHT: "highlights"}


def effect(rule: Rule) -> str:
    """What happens to the text the rule matches: "dropped", or "moved to" a StoryDraft field."""
    return "dropped" if rule.kind == schema.DROPPED else f"moved to {_MOVED_TO[rule.kind]}"


def rules_table(examples: bool = False) -> str:
    """The registry as text for `newsflow rules`: each rule's effect, why, pattern and limits."""
    return "\n\n".join(_rule_text(rule, examples) for rule in RULES) + "\n"


def _rule_text(rule: Rule, examples: bool) -> str:
    lines = [f"{rule.name}: {effect(rule)}; {rule.scope}", f"  why: {rule.why}"]
    if rule.scope == ONE_LINE:  # each test with its word cap
        lines += [f"  {limit:<18} {pattern}" for pattern, limit in zip(rule.pattern, rule.limits)]
    else:
        lines += [f"  keys on: {pattern}" for pattern in rule.pattern]
        lines.append(f"  limits: {'; '.join(rule.limits) or 'none'}")
    if examples:
        lines += _example_lines("fires on:", rule.example) + _example_lines("spares:", rule.counterexample)
    return "\n".join(lines)


def _example_lines(label: str, text: str) -> list[str]:
    shown = [line for line in text.splitlines() if line.strip()]
    return [f"  {label if number == 0 else '':<9} {line}" for number, line in enumerate(shown)]
