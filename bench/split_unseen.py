"""Seven more glued layouts, written after bench/split_bench.py's weights and rules, as a check of
them on layouts they were not chosen on. Writes bench/SPLIT_UNSEEN.md.

Each layout glues two to four AEB article bodies of the half the splitting's weights were not
fitted on (bench/split_bench.py `halves`), in one of six languages: a share block between
stories; a section label (a kicker), the headline, a deck, a byline and a stamp; a credit line
("(Reporting by ...; Editing by ...)") or a copyright line ending each story; a person's byline
and a stamp under the headline; a most-read list between stories; a wire dateline under the
headline. Scored with the settings' weights, as the pipeline splits. The kicker layout was the one
that changed a rule (tasks/segment/split.py `_headline_over_deck`, clean.py `mark_kickers`):
bench/split_notes.md has its figures before and after. Run: `.venv/bin/python -m bench.split_unseen`.
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

from bench.reports import write_report
from bench.split_bench import LayoutScore, halves, load_articles, score_doc
from bench.split_layouts import CITIES, LANGUAGES, PHOTOGRAPHERS, Article, _Writer
from newsflow.tasks.segment.split import FITTED_WEIGHTS

REPO = Path(__file__).resolve().parents[1]
REPORT = REPO / "bench" / "SPLIT_UNSEEN.md"
SEED = 7
DOCS = 40

PEOPLE = ("Jane Doe", "Jonas Weber", "Claire Martin", "Lucía Ortiz", "Marco Bianchi", "Ana Sousa")
SHARE = {"en": ["Share this article", "Facebook", "Twitter", "Email"], "de": ["Artikel teilen", "Facebook", "X", "E-Mail"],
         "fr": ["Partager cet article", "Facebook", "X", "E-mail"], "es": ["Compartir", "Facebook", "X", "Correo"],
         "it": ["Condividi", "Facebook", "X", "Email"], "pt": ["Partilhar", "Facebook", "X", "E-mail"]}
KICKERS = {"en": ["POLITICS", "WORLD", "BUSINESS", "Analysis"], "de": ["POLITIK", "Wirtschaft", "AUSLAND"],
           "fr": ["POLITIQUE", "Monde", "ÉCONOMIE"], "es": ["POLÍTICA", "Internacional", "ECONOMÍA"],
           "it": ["POLITICA", "Esteri", "ECONOMIA"], "pt": ["POLÍTICA", "Mundo", "ECONOMIA"]}
BY = {"en": "By {}", "de": "Von {}", "fr": "Par {}", "es": "Por {}", "it": "Di {}", "pt": "Por {}"}
STAMP = {"en": "March 14, 2024 at 8:30 a.m.", "de": "14.03.2024, 08:30 Uhr", "fr": "Publié le 14 mars 2024 à 08h30",
         "es": "14 de marzo de 2024 - 08:30", "it": "14 marzo 2024, 08:30", "pt": "14 de março de 2024, 08h30"}
END_CREDIT = {"en": "(Reporting by {}; Editing by {})", "de": "Mitarbeit: {}; Redaktion: {}", "fr": "(Avec {} ; édité par {})",
              "es": "(Información de {}; Edición de {})", "it": "(Servizio di {}; a cura di {})",
              "pt": "(Reportagem de {}; Edição de {})"}
COPYRIGHT = {"en": "© 2024 The Associated Press. All rights reserved.", "de": "© dpa-infocom, dpa:240314-99-123456/2",
             "fr": "© 2024 AFP", "es": "© EFE 2024. Está expresamente prohibida la redistribución.",
             "it": "© Riproduzione riservata", "pt": "© 2024 Lusa. Todos os direitos reservados."}
MOST_READ = {"en": "Most read", "de": "Meistgelesen", "fr": "Les plus lus", "es": "Lo más leído", "it": "I più letti",
             "pt": "Mais lidas"}
AGENCIES = ("AP", "Reuters", "AFP", "dpa", "EFE", "ANSA")


def _headline(w: _Writer, article: Article) -> None:
    w.start_story()
    w.add(article.title)
    w.headlines.append(article.title)


def share_block(w: _Writer, article: Article, k: int, lang: str, rng: random.Random, pool: list[Article]) -> None:
    if k:
        w.add("", *SHARE[lang], "")
    _headline(w, article)
    w.add("")
    w.paragraphs(article, blank=True)


def kicker_deck(w: _Writer, article: Article, k: int, lang: str, rng: random.Random, pool: list[Article]) -> None:
    if k:
        w.add("")
    w.start_story()
    w.add(rng.choice(KICKERS[lang]), article.title)
    w.headlines.append(article.title)
    deck = " ".join(re.split(r"(?<=[.!?])\s", article.paragraphs[0])[0].split()[:16]).rstrip(".,;:")
    w.add(deck, BY[lang].format(rng.choice(PEOPLE)), STAMP[lang], "")
    w.paragraphs(article, blank=True)


def end_credit(w: _Writer, article: Article, k: int, lang: str, rng: random.Random, pool: list[Article]) -> None:
    _headline(w, article)
    w.paragraphs(article, blank=False)
    w.add(END_CREDIT[lang].format(rng.choice(PEOPLE), rng.choice(PEOPLE)))


def copyright_end(w: _Writer, article: Article, k: int, lang: str, rng: random.Random, pool: list[Article]) -> None:
    _headline(w, article)
    w.paragraphs(article, blank=False)
    w.add(COPYRIGHT[lang])


def person_byline_stamp(w: _Writer, article: Article, k: int, lang: str, rng: random.Random, pool: list[Article]) -> None:
    _headline(w, article)
    w.add(BY[lang].format(rng.choice(PHOTOGRAPHERS)), STAMP[lang])
    w.paragraphs(article, blank=False)


def most_read(w: _Writer, article: Article, k: int, lang: str, rng: random.Random, pool: list[Article]) -> None:
    if k:
        w.add(MOST_READ[lang], *[f"{i}. {other.title}" for i, other in enumerate(rng.sample(pool, 4), 1)])
    _headline(w, article)
    w.paragraphs(article, blank=False)


def dateline_under_headline(w: _Writer, article: Article, k: int, lang: str, rng: random.Random,
                            pool: list[Article]) -> None:
    _headline(w, article)
    dateline = f"{rng.choice(CITIES).upper()} ({rng.choice(AGENCIES)}) — "
    w.add(dateline + article.paragraphs[0], *article.paragraphs[1:])


LAYOUTS = {"share_block": share_block, "kicker_deck": kicker_deck, "end_credit": end_credit,
           "copyright_end": copyright_end, "person_byline_stamp": person_byline_stamp, "most_read": most_read,
           "dateline_under_headline": dateline_under_headline}


def score_layouts(docs: int = DOCS, seed: int = SEED) -> dict[str, LayoutScore]:
    _, held_out = halves(load_articles())
    rng = random.Random(seed)
    scores = {}
    for name, write in LAYOUTS.items():
        score = LayoutScore()
        for _ in range(docs):
            lang, articles = rng.choice(LANGUAGES), rng.sample(held_out, rng.randint(2, 4))
            w = _Writer()
            for k, article in enumerate(articles):
                write(w, article, k, lang, rng, held_out)
            score_doc(w.doc(name, lang), FITTED_WEIGHTS, score)
        scores[name] = score
    return scores


def render() -> str:
    started = time.perf_counter()
    scores = score_layouts()
    seconds = time.perf_counter() - started
    right, total = sum(s.count_right for s in scores.values()), sum(s.docs for s in scores.values())
    rows = [f"| {name} | {s.docs} | {s.count_accuracy:.3f} | {s.near_found}/{s.found_boundaries} | {s.byline_opens_story} "
            f"| {s.headline_trails} |" for name, s in scores.items()]
    return "\n".join([
        "# Story splitting on seven layouts it was not built on",
        "",
        f"Produced by `bench/split_unseen.py` in {seconds:.0f} s: {DOCS} documents a layout, 2-4 held-out AEB bodies "
        "each, the settings' weights (see the script's docstring).",
        "",
        "| layout | documents | count right | boundaries found within a line of a true one | story opens at its byline "
        "| body ends with the next headline |",
        "|---|---|---|---|---|---|",
        *rows,
        "",
        f"Story count right on all: {right / total:.4f} ({right} of {total}).",
        "",
    ])


def main() -> int:
    return write_report(REPORT, render())


if __name__ == "__main__":
    sys.exit(main())
