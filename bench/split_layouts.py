"""Page layouts that glue stories into one text, or hold one story that must not be split.

Each layout writes its markup (bylines, ad slots, teasers, timestamps, question labels ...) in
several wordings and in six languages (en, de, fr, es, it, pt), around real AEB article bodies
(bench/split_bench.py). A rendered document knows where each story starts, the headline of
each story and the desk bylines it wrote, so that the benchmark can tell a split that is off
by a line (a body opening with a byline, or ending with the next story's headline).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

LANGUAGES = ("en", "de", "fr", "es", "it", "pt")

# Desk, staff and wire bylines: no person's name.
DESK_BYLINES = {
    "en": ("By Staff Reporter", "By News Desk", "By Our Correspondent", "By The Associated Press",
           "By Reuters Staff", "From CNN Wire", "By Web Desk", "BY STAFF WRITER"),
    "de": ("Von unserem Korrespondenten", "Von Redaktion", "Von dpa", "Von unserer Redaktion", "Von Agenturen"),
    "fr": ("Par notre correspondant", "Par Le Monde avec AFP", "Par la rédaction", "Par AFP"),
    "es": ("Por EFE", "Por Redacción", "Por nuestro corresponsal", "Por Agencias"),
    "it": ("Di Redazione", "Dalla nostra corrispondente", "Di Redazione Online", "Di ANSA"),
    "pt": ("Por Redação", "Por Agência Lusa", "Da Redação", "Por nosso correspondente"),
}
ADVERTISEMENT_SLOTS = {
    "en": (("Advertisement",), ("ADVERTISEMENT", "Story continues below advertisement"), ("Sponsored",),
           ("Scroll to continue with content",)),
    "de": (("Anzeige",), ("Werbung",), ("ANZEIGE", "Weiterlesen nach der Anzeige")),
    "fr": (("Publicité",), ("PUBLICITÉ", "La suite après cette publicité")),
    "es": (("Publicidad",), ("PUBLICIDAD", "Sigue leyendo tras la publicidad")),
    "it": (("Pubblicità",), ("PUBBLICITÀ", "Continua a leggere dopo la pubblicità")),
    "pt": (("Publicidade",), ("PUBLICIDADE", "Continua depois da publicidade")),
}
TEASERS = {  # read-more teasers in the wordings scrapers keep most
    "en": ("Read more: {}", "RELATED: {}", "Related: {}", "Read more", "See also: {}"),
    "de": ("Lesen Sie auch: {}", "Mehr zum Thema: {}", "Auch interessant: {}"),
    "fr": ("Lire aussi : {}", "À lire aussi : {}", "Voir aussi : {}"),
    "es": ("Leer más: {}", "Lee también: {}", "Te puede interesar: {}"),
    "it": ("Leggi anche: {}", "LEGGI ANCHE: {}"),
    "pt": ("Leia também: {}", "Veja também: {}", "Saiba mais: {}"),
}
OTHER_TEASERS = {  # other wordings: labels, pipes, arrows, trailing tags
    "en": ("MORE: {}", "WATCH: {}", "ALSO READ | {}", "Don't miss: {}", "Recommended: {}", "{} [VIDEO]",
           "» {}", "You might also like: {}", "Trending now: {}"),
    "de": ("MEHR: {}", "Video: {}", "Das könnte Sie auch interessieren: {}", "» {}", "Empfehlung: {}"),
    "fr": ("VIDÉO. {}", "Sur le même sujet : {}", "» {}", "À voir aussi : {}"),
    "es": ("VÍDEO | {}", "Noticias relacionadas: {}", "» {}", "Además: {}"),
    "it": ("VIDEO | {}", "Potrebbe interessarti: {}", "» {}", "Approfondimento: {}"),
    "pt": ("VÍDEO: {}", "Notícias relacionadas: {}", "» {}", "Leia mais: {}"),
}
RELATED_LABELS = {
    "en": ("Related", "Related stories", "More on this", "Related coverage"),
    "de": ("Mehr zum Thema", "Weitere Artikel", "Lesen Sie auch"),
    "fr": ("Sur le même sujet", "À lire aussi", "Lire aussi"),
    "es": ("Noticias relacionadas", "Relacionados", "Lee también"),
    "it": ("Leggi anche", "Articoli correlati"),
    "pt": ("Leia também", "Notícias relacionadas", "Relacionadas"),
}
DATE_TIME_LINES = {
    "en": ("Published 3:45 PM, Jan 13, 2025", "Updated: March 14, 2024 09:45 ET", "November 20, 2019 - 11:28 AM",
           "Mon 4 Mar 2024 18.20 GMT"),
    "de": ("12.03.2024, 18:20 Uhr", "Veröffentlicht am 3. März 2024, 18:20 Uhr", "Aktualisiert am 14.03.2024 um 09:45 Uhr"),
    "fr": ("Publié le 12 mars 2024 à 18h20", "Mis à jour le 14/03/2024 à 09:45", "12/03/2024 18:20"),
    "es": ("Actualizado 14/03/2024 09:45 CET", "Publicado el 12 de marzo de 2024 a las 18:20", "12 mar 2024 - 18:20"),
    "it": ("Aggiornato il 12 marzo 2024 alle 18:20", "12 marzo 2024 | 18:20", "Pubblicato il 14/03/2024 09:45"),
    "pt": ("Atualizado em 12/03/2024 às 09h45", "Publicado em 12 de março de 2024, 18:20", "12/03/2024 - 18h20"),
}
RULE_LINES = ("***", "* * *", "———", "___", "----------", "═══════", "• • •", "~~~")
PHOTO_CREDITS = {
    "en": ("(Photo: {})", "({})", "Photo: {}"),
    "de": ("(Foto: {})", "Foto: {}", "(Bild: {})"),
    "fr": ("(Photo : {})", "({})", "Photo {}"),
    "es": ("(Foto: {})", "(EFE/{})", "Foto: {}"),
    "it": ("(Foto: {})", "(Foto {})", "({})"),
    "pt": ("(Foto: {})", "(Foto {})", "({})"),
}
PHOTOGRAPHERS = ("Miguel Pereira/Reuters", "AP/Evan Vucci", "Anna Meier/dpa", "Getty Images", "AFP/Lena Roux",
                 "EFE/Juan Carlos Hidalgo", "ANSA/Giuseppe Lami", "Lusa/Tiago Petinga", "Keystone/Peter Klaunzer")
# Site and agency marks a saved page leaves between a caption and the text.
SITE_MARKS = ("TT", "DL", "NYT", "EFE", "ANSA", "Lusa", "KEYSTONE", "dpa", "NTB", "Le Monde", "EL PAÍS", "FAZ.NET",
              "Corriere", "Público", "© AFP", "Foto: picture alliance")
DATELINES = {
    "en": ("{CITY} (AP) — ", "{CITY} (Reuters) - ", "{CITY} (AFP) – "),
    "de": ("{City} (dpa) - ", "{City} (AFP) - ", "{City} (Reuters) - "),
    "fr": ("{CITY} (AFP) - ", "{City}, 12 mars 2024 (AFP) - "),
    "es": ("{CITY}, 12 mar (EFE).- ", "{City}, 12 mar (Europa Press) - "),
    "it": ("(ANSA) - {CITY}, 12 MAR - ", "{CITY}, 12 mar (Adnkronos) - "),
    "pt": ("{City}, 12 mar 2024 (Lusa) - ", "{CITY}, 12 mar (Reuters) - "),
}
CITIES = ("Geneva", "Berlin", "Madrid", "Lisboa", "Roma", "Paris", "Washington", "Nairobi", "São Paulo", "Bruxelles")
LIVE_STAMPS = {
    "en": ("{h}:{m} GMT", "{h}:{m} a.m. ET", "Updated {h}:{m}", "{h}:{m}"),
    "de": ("{h}:{m} Uhr", "vor {n} Minuten", "{h}.{m} Uhr"),
    "fr": ("{h}h{m}", "Il y a {n} minutes", "Mis à jour à {h}h{m}"),
    "es": ("{h}:{m} h", "Hace {n} minutos", "{h}:{m} CET"),
    "it": ("ore {h}:{m}", "{h}:{m}", "{n} minuti fa"),
    "pt": ("{h}h{m}", "Há {n} minutos", "{h}:{m}"),
}
QA_LABELS = {
    "en": (("Q:", "A:"), ("Question:", "Answer:"), ("", "")),
    "de": (("Frage:", "Antwort:"), ("SZ:", ""), ("", "")),
    "fr": (("Question :", "Réponse :"), ("Q :", "R :"), ("", "")),
    "es": (("Pregunta:", "Respuesta:"), ("P:", "R:"), ("", "")),
    "it": (("Domanda:", "Risposta:"), ("D:", "R:"), ("", "")),
    "pt": (("Pergunta:", "Resposta:"), ("P:", "R:"), ("", "")),
}
QUESTIONS = {
    "en": ("What happened with {}?", "Why does {} matter?", "How do you see {}?", "What comes next for {}?"),
    "de": ("Was ist mit {} passiert?", "Warum ist {} wichtig?", "Wie sehen Sie {}?"),
    "fr": ("Que s'est-il passé avec {} ?", "Pourquoi {} compte-t-il ?", "Comment voyez-vous {} ?"),
    "es": ("¿Qué pasó con {}?", "¿Por qué importa {}?", "¿Cómo ve {}?"),
    "it": ("Che cosa è successo con {}?", "Perché conta {}?", "Come vede {}?"),
    "pt": ("O que aconteceu com {}?", "Por que {} importa?", "Como vê {}?"),
}
LIST_NUMBERS = ("{n}. {item}", "No. {n}: {item}", "#{n} {item}", "{n} – {item}", "Nr. {n}: {item}", "{n}) {item}",
                "N.º {n}: {item}", "{item}")
PRICES = {
    "en": ("{item} for ${p}", "{item}: ${p} (save ${s})", "{p}% off {item}"),
    "de": ("{item} für {p} Euro", "{item}: {p} € statt {s} €", "{item} für {p},99 €"),
    "fr": ("{item} à {p} €", "{item} : {p} € au lieu de {s} €"),
    "es": ("{item} por {p} €", "{item}: {p} € (antes {s} €)"),
    "it": ("{item} a {p} euro", "{item}: {p} € invece di {s} €"),
    "pt": ("{item} por R$ {p}", "{item} por {p} €"),
}
SHOP_LINKS = {"en": ("- See it now: Amazon", "Buy now", ""), "de": ("Zum Angebot", ""), "fr": ("Voir l'offre", ""),
              "es": ("Ver oferta", ""), "it": ("Vedi offerta", ""), "pt": ("Ver oferta", "")}


@dataclass(frozen=True, slots=True)
class Article:
    title: str
    paragraphs: list[str]


@dataclass(frozen=True, slots=True)
class Doc:
    """A rendered document: its text, the lines (non-blank, in order) each story starts at, the
    headlines it printed, and the desk bylines it wrote."""

    layout: str
    language: str
    text: str
    starts: list[int]
    headlines: list[str]
    bylines: list[str]

    @property
    def stories(self) -> int:
        return len(self.starts)


class _Writer:
    """Lines of a document being written, and where each story starts."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.starts: list[int] = []
        self.headlines: list[str] = []
        self.bylines: list[str] = []

    def start_story(self) -> None:
        self.starts.append(sum(1 for line in self.lines if line.strip()))

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def paragraphs(self, article: Article, blank: bool) -> None:
        for paragraph in article.paragraphs:
            self.add(paragraph, *([""] if blank else []))

    def doc(self, layout: str, language: str) -> Doc:
        return Doc(layout, language, "\n".join(self.lines) + "\n", self.starts, self.headlines, self.bylines)


# Layouts that glue two to four stories: each writes what goes before a story (between stories
# and at the top), and the story itself.
def _headline(w: _Writer, article: Article) -> None:
    w.start_story()
    w.add(article.title)
    w.headlines.append(article.title)


def _newspaper(w: _Writer, article: Article, k: int, lang: str, rng: random.Random, pool: list[Article]) -> None:
    caption = _caption(article, lang, rng)
    copies = rng.randint(1, 2)
    if k:
        w.add("", "")
    _headline(w, article)
    w.add("", *[caption] * copies, rng.choice(SITE_MARKS[:3]), "", article.title, "", *[caption] * copies, "")
    w.paragraphs(article, blank=True)


def _gap(w: _Writer, article: Article, k: int, lang: str, rng: random.Random, pool: list[Article]) -> None:
    if k:
        w.add("", "")
    _headline(w, article)
    w.add("")
    w.paragraphs(article, blank=True)


def _teaser(w: _Writer, article: Article, k: int, lang: str, rng: random.Random, pool: list[Article]) -> None:
    if k:
        w.add(rng.choice(TEASERS[lang]).format(rng.choice(pool).title))
    _headline(w, article)
    w.paragraphs(article, blank=False)


def _other_teaser(w: _Writer, article: Article, k: int, lang: str, rng: random.Random, pool: list[Article]) -> None:
    if k:
        for _ in range(rng.randint(1, 2)):
            w.add(rng.choice(OTHER_TEASERS[lang]).format(rng.choice(pool).title))
    _headline(w, article)
    w.paragraphs(article, blank=False)


def _headline_only(w: _Writer, article: Article, k: int, lang: str, rng: random.Random, pool: list[Article]) -> None:
    _headline(w, article)
    w.paragraphs(article, blank=False)


def _desk_byline(w: _Writer, article: Article, k: int, lang: str, rng: random.Random, pool: list[Article]) -> None:
    blank = rng.random() < 0.5
    _headline(w, article)
    byline = rng.choice(DESK_BYLINES[lang])
    w.bylines.append(byline)
    w.add(*([""] if blank else []), byline, *([""] if blank else []))
    w.paragraphs(article, blank=blank)


def _ad_slot(w: _Writer, article: Article, k: int, lang: str, rng: random.Random, pool: list[Article]) -> None:
    slot = rng.choice(ADVERTISEMENT_SLOTS[lang])
    where = rng.choice(("before", "below", "inside"))
    if k and where == "before":
        w.add(*slot)
    _headline(w, article)
    if where == "below":
        w.add(*slot)
    half = rng.randint(1, max(1, len(article.paragraphs) - 1))
    w.paragraphs(Article(article.title, article.paragraphs[:half]), blank=False)
    if where == "inside" or rng.random() < 0.3:  # ad slots also sit inside a story
        w.add(*rng.choice(ADVERTISEMENT_SLOTS[lang]))
    w.paragraphs(Article(article.title, article.paragraphs[half:]), blank=False)


def _dateline_only(w: _Writer, article: Article, k: int, lang: str, rng: random.Random, pool: list[Article]) -> None:
    city = rng.choice(CITIES)
    first = article.paragraphs[0]
    if not re.match(r"^\S+(?: \S+){0,3} \([^)]{1,30}\) ?[—–-]", first):
        first = rng.choice(DATELINES[lang]).format(CITY=city.upper(), City=city) + first
    if k == 0 and rng.random() < 0.5:
        _headline(w, article)
    else:
        w.start_story()
        w.headlines.append("")
    w.add(first, *article.paragraphs[1:])


def _rule_separator(w: _Writer, article: Article, k: int, lang: str, rng: random.Random, pool: list[Article]) -> None:
    blank = rng.random() < 0.5
    if k:
        w.add(*([""] if blank else []), rng.choice(RULE_LINES), *([""] if blank else []))
    _headline(w, article)
    w.add(*([""] if blank else []))
    w.paragraphs(article, blank=blank)


def _caption_marks(w: _Writer, article: Article, k: int, lang: str, rng: random.Random, pool: list[Article]) -> None:
    caption = _caption(article, lang, rng)
    _headline(w, article)
    w.add(*[caption] * rng.randint(1, 2), rng.choice(SITE_MARKS))
    w.paragraphs(article, blank=False)


def _date_time(w: _Writer, article: Article, k: int, lang: str, rng: random.Random, pool: list[Article]) -> None:
    stamp = rng.choice(DATE_TIME_LINES[lang])
    if rng.random() < 0.5:
        _headline(w, article)
        w.add(stamp)
    else:
        w.add(stamp)
        _headline(w, article)
    w.paragraphs(article, blank=False)


def _related_block(w: _Writer, article: Article, k: int, lang: str, rng: random.Random, pool: list[Article]) -> None:
    if k:
        w.add(rng.choice(RELATED_LABELS[lang]))
        bullet = rng.choice(("", "- ", "• "))
        w.add(*(bullet + other.title for other in rng.sample(pool, rng.randint(2, 4))))
    _headline(w, article)
    w.paragraphs(article, blank=False)


def _markdown(w: _Writer, article: Article, k: int, lang: str, rng: random.Random, pool: list[Article]) -> None:
    """Markdown, as scrapers that write it save pages: the headline a heading or in bold, maybe a desk's
    byline in italics or bold under it, a blank line between paragraphs."""
    if k:
        w.add("")
    w.start_story()
    w.add(rng.choice(("# {}", "## {}", "### {}", "**{}**")).format(article.title), "")
    w.headlines.append(article.title)
    if rng.random() < 0.5:
        byline = rng.choice(DESK_BYLINES[lang])
        w.bylines.append(byline)
        w.add(rng.choice(("*{}*", "**{}**", "_{}_")).format(byline), "")
    w.paragraphs(article, blank=True)


def _caption(article: Article, lang: str, rng: random.Random) -> str:
    sentence = re.split(r"(?<=[.!?])\s", rng.choice(article.paragraphs))[0]
    text = " ".join(sentence.split()[:22]).rstrip(".,;:") + "."
    return f"{text} {rng.choice(PHOTO_CREDITS[lang]).format(rng.choice(PHOTOGRAPHERS))}"


StoryWriter = Callable[[_Writer, Article, int, str, random.Random, list[Article]], None]
MULTI_STORY: dict[str, StoryWriter] = {
    "newspaper": _newspaper,
    "gap": _gap,
    "teaser": _teaser,
    "headline_only": _headline_only,
    "desk_byline": _desk_byline,
    "ad_slot": _ad_slot,
    "dateline_only": _dateline_only,
    "rule_separator": _rule_separator,
    "caption_marks": _caption_marks,
    "date_time": _date_time,
    "related_block": _related_block,
    "other_teasers": _other_teaser,
    "markdown": _markdown,
}


def glued(layout: str, articles: list[Article], lang: str, rng: random.Random, pool: list[Article]) -> Doc:
    """The stories of `articles` one after another in a multi-story layout."""
    w = _Writer()
    for k, article in enumerate(articles):
        MULTI_STORY[layout](w, article, k, lang, rng, pool)
    return w.doc(layout, lang)


# Layouts of one story with many headline-shaped lines: they must come out as one story.
def _phrase(paragraph: str, rng: random.Random, words: tuple[int, int] = (3, 7)) -> str:
    """A few words of a paragraph, as a subhead or an item name is written: capitalised, no period."""
    tokens = [t.strip(".,;:!?\"'“”()") for t in paragraph.split()]
    tokens = [t for t in tokens if t]
    count = min(len(tokens), rng.randint(*words))
    start = rng.randint(0, max(0, min(len(tokens) - count, 12)))
    text = " ".join(tokens[start : start + count]) or "Update"
    return text[0].upper() + text[1:]


def _single(w: _Writer, article: Article, lang: str, rng: random.Random) -> None:
    w.paragraphs(article, blank=rng.random() < 0.5)


def _sections(w: _Writer, article: Article, lang: str, rng: random.Random) -> None:
    for i, paragraph in enumerate(article.paragraphs):
        if i and i % rng.randint(2, 3) == 0:
            mark = rng.random()
            if mark < 0.2:
                w.add(rng.choice(RULE_LINES))
            elif mark < 0.35:
                w.add(*rng.choice(ADVERTISEMENT_SLOTS[lang]))
            w.add(_phrase(rng.choice(article.paragraphs), rng))  # a subhead is about the article, not one paragraph
        w.add(paragraph)


def _live_blog(w: _Writer, article: Article, lang: str, rng: random.Random) -> None:
    hour, minute = rng.randint(6, 22), rng.randint(0, 59)
    for paragraph in reversed(article.paragraphs):  # newest first
        stamp = rng.choice(LIVE_STAMPS[lang]).format(h=f"{hour:02d}", m=f"{minute:02d}", n=rng.randint(2, 59))
        w.add(stamp)
        subhead = _phrase(rng.choice((paragraph, rng.choice(article.paragraphs))), rng)
        if rng.random() < 0.6 and subhead not in article.paragraphs:
            w.add(subhead)
        w.add(paragraph)
        minute -= rng.randint(3, 25)
        if minute < 0:
            hour, minute = max(0, hour - 1), minute + 60


def _listicle(w: _Writer, article: Article, lang: str, rng: random.Random) -> None:
    form = rng.choice(LIST_NUMBERS)
    w.add(article.paragraphs[0])
    for n, paragraph in enumerate(article.paragraphs[1:], 1):
        w.add(form.format(n=n, item=_phrase(paragraph, rng, (2, 5))), paragraph)


def _qa(w: _Writer, article: Article, lang: str, rng: random.Random) -> None:
    ask, answer = rng.choice(QA_LABELS[lang])
    w.add(article.paragraphs[0])
    for paragraph in article.paragraphs[1:]:
        question = rng.choice(QUESTIONS[lang]).format(_phrase(paragraph, rng, (2, 4)).lower())
        w.add(f"{ask} {question}".strip(), f"{answer} {paragraph}".strip())


def _roundup(w: _Writer, article: Article, lang: str, rng: random.Random) -> None:
    form = rng.choice(PRICES[lang])
    link = rng.choice(SHOP_LINKS[lang])
    w.add(article.paragraphs[0])
    for paragraph in article.paragraphs[1:]:
        price = rng.randint(9, 900)
        w.add(form.format(item=_phrase(paragraph, rng, (2, 6)), p=price, s=price + rng.randint(5, 90)))
        if link:
            w.add(link)
        w.add(paragraph)


OneStoryWriter = Callable[[_Writer, Article, str, random.Random], None]
ONE_STORY: dict[str, OneStoryWriter] = {
    "single": _single,
    "sections": _sections,
    "live_blog": _live_blog,
    "listicle": _listicle,
    "qa": _qa,
    "roundup": _roundup,
}


def alone(layout: str, article: Article, lang: str, rng: random.Random) -> Doc:
    """One story under its headline, in a layout that must not be split."""
    w = _Writer()
    _headline(w, article)
    if rng.random() < 0.3:
        byline = rng.choice(DESK_BYLINES[lang])
        w.bylines.append(byline)
        w.add(byline)
    ONE_STORY[layout](w, article, lang, rng)
    return w.doc(layout, lang)


# Layouts added after the benchmark's figures were first compared come last: documents are drawn
# layout by layout from one random stream, so a layout added in between would redraw every layout after it.
ADDED_LATER = ("markdown",)
LAYOUTS = (*(layout for layout in MULTI_STORY if layout not in ADDED_LATER), *ONE_STORY, *ADDED_LATER)
