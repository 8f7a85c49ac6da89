"""Signature lines no rule was written on: is each kept out of the body (bylines) or kept in it
(phrases of the same shape)? Writes bench/BYLINES.md.

The lines below were written after the byline rules, as a check of them, and no rule was changed
to take one of them: outlets, desks and agencies of en, de, fr, es, it and pt news sites as they
sign under a headline, and two-word phrases of the same shape (a byline word and a capitalised
word). Each goes between a headline and a lede (tests/test_credits.py STORY), once with a lede of
one sentence and once with a second paragraph. Run: `.venv/bin/python -m bench.bylines`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bench.reports import write_report
from newsflow.tasks.core.schema import AUTHOR, CREDIT
from newsflow.tasks.segment.clean import segment_document

REPO = Path(__file__).resolve().parents[1]
REPORT = REPO / "bench" / "BYLINES.md"

STORY = {
    "en": "Council approves new harbour ferry\n\n{line}\n\nThe county council approved on Thursday a new ferry "
          "service between the harbour and the island, ending two years without a crossing, officials said.\n",
    "de": "Stadtrat beschließt neue Radwege\n\n{line}\n\nDer Stadtrat hat am Mittwoch beschlossen, bis 2030 "
          "weitere Radwege zu bauen, und rechnet mit Kosten von 40 Millionen Euro für das gesamte Netz.\n",
    "fr": "La métropole étend la gratuité des transports\n\n{line}\n\nLa métropole a annoncé jeudi que les "
          "transports en commun seront gratuits pour les moins de 18 ans à partir de la rentrée prochaine.\n",
    "es": "El Gobierno aprueba un plan de vivienda\n\n{line}\n\nEl Gobierno aprobó el martes un plan de vivienda "
          "para jóvenes que incluye ayudas al alquiler de hasta 250 euros al mes durante dos años.\n",
    "it": "Il comune approva il nuovo piano traffico\n\n{line}\n\nIl consiglio comunale ha approvato martedì il "
          "nuovo piano del traffico, che prevede una zona a basse emissioni in tutto il centro storico.\n",
    "pt": "Governo aprova novo plano de habitação\n\n{line}\n\nO Governo aprovou esta terça-feira um plano de "
          "habitação para jovens com apoios à renda de até 250 euros por mês durante dois anos.\n",
}
SECOND_PARAGRAPH = "\nThe measure takes effect next month, and the opposition said it would appeal against it.\n"

BYLINES = {
    "en": ["By Newsweek Staff", "By Fox News", "By Euronews", "By Gulf News Report", "By Arab News", "By ANI", "By Bernama",
           "By Yonhap", "By Dawn.com", "By NDTV", "HT Correspondent", "By HT Correspondent", "By Mint", "Staff Correspondent",
           "By Our Staff Reporter", "By Sportstar Desk", "By ESPN News Services", "By Associated Press Writer"],
    "de": ["Von n-tv.de", "Von BR24 Redaktion", "Von RND/dpa", "Von t-online", "Von Süddeutsche Zeitung", "Von WELT",
           "Von Handelsblatt", "Von unserer Korrespondentin", "Redaktion Politik"],
    "fr": ["Par Libération", "Par BFMTV", "Par Europe 1", "Par RTL", "Par Le Point avec AFP", "Par La Dépêche", "Par Sud Ouest",
           "Par Franceinfo", "Par La Croix", "Par RFI"],
    "es": ["Por Europa Press | Madrid", "Por El Mundo", "Por La Nación", "Por RTVE.es", "Por 20minutos.es", "Por EL PAÍS",
           "Por Agencia AFP", "Por Milenio Digital", "Redacción Sociedad", "Por Reforma"],
    "it": ["di Repubblica.it", "Di Sky TG24", "Redazione Tgcom24", "di Il Post", "Di TGCOM24", "di Corriere.it",
           "A cura della redazione Esteri", "di Rainews.it", "Di Open"],
    "pt": ["Por Público", "Por Expresso", "Por Observador", "Por SIC Notícias", "Por UOL", "Por Folha de S.Paulo",
           "Por CNN Brasil", "Por RTP", "Por Jornal de Notícias", "Redação Exame"],
}
PHRASES = {
    "en": ["By Monday", "By Then", "From Paris With Love", "By Invitation Only", "From The Editor", "Analysis", "Explainer",
           "UPDATED"],
    "de": ["Von Hand", "Von Innen", "Eine Analyse", "Kommentar"],
    "fr": ["Par Avion", "Éditorial", "Décryptage"],
    "es": ["Por Amor", "Por Favor", "Por Dentro", "Opinión"],
    "it": ["Di Nuovo", "Da Capo", "Editoriale"],
    "pt": ["Por Dentro", "Opinião", "Análise"],
}


def kept_in_body(language: str, line: str) -> list[bool]:
    """Whether the line stays in the story's body (or is its title), with each of the two ledes."""
    kept = []
    for text in (STORY[language].format(line=line), STORY[language].format(line=line) + SECOND_PARAGRAPH):
        drafts = segment_document(text)
        kept.append(any(line in draft.body or line == draft.title for draft in drafts))
    return kept


def not_a_signature(language: str, line: str) -> list[bool]:
    """Whether the line escapes the byline rules (not moved to the story's authors or credits), with
    each of the two ledes. A phrase may still leave the body by another rule: the learned furniture
    model takes a genre's label under a headline ("Kommentar") for the page's, which is no byline."""
    kept = []
    for text in (STORY[language].format(line=line), STORY[language].format(line=line) + SECOND_PARAGRAPH):
        kinds = {span.kind for draft in segment_document(text) for span in draft.spans if span.text == line}
        kept.append(not kinds & {AUTHOR, CREDIT})
    return kept


def score(lines: dict[str, list[str]], want_kept: bool) -> tuple[int, int, list[str]]:
    """Bylines (want_kept False) are right out of the body; phrases (want_kept True) are right when
    no byline rule takes them."""
    right, total, wrong = 0, 0, []
    for language, items in lines.items():
        for line in items:
            for kept in (not_a_signature if want_kept else kept_in_body)(language, line):
                total += 1
                right += kept == want_kept
                if kept != want_kept and f"{language} {line}" not in wrong:
                    wrong.append(f"{language} {line}")
    return right, total, wrong


def render() -> str:
    started = time.perf_counter()
    bylines, phrases = score(BYLINES, want_kept=False), score(PHRASES, want_kept=True)
    seconds = time.perf_counter() - started
    rows = [f"| bylines out of the body | {bylines[0]} of {bylines[1]} | {', '.join(bylines[2]) or '-'} |",
            f"| phrases not taken for a byline | {phrases[0]} of {phrases[1]} | {', '.join(phrases[2]) or '-'} |"]
    return "\n".join([
        "# Signature lines no rule was written on",
        "",
        f"Produced by `bench/bylines.py` in {seconds:.1f} s. Each line between a headline and a lede, twice "
        "(a one-sentence lede, and with a second paragraph); see the script's docstring for how the lines were chosen.",
        "",
        "| lines | right | wrong |",
        "|---|---|---|",
        *rows,
        "",
    ])


def main() -> int:
    return write_report(REPORT, render())


if __name__ == "__main__":
    sys.exit(main())
