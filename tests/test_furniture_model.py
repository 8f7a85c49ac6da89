"""The learned furniture model (tasks/segment/furniture_model.py): furniture in wordings no phrase
rule knows leaves the body under its own rule name; an article's short lines stay; the model is asked
only about short body lines no rule named."""

from __future__ import annotations

import pytest

from newsflow.tasks.segment.clean import segment_document
from newsflow.tasks.segment.furniture_model import MAX_WORDS, furniture_model

STORIES = {
    "de": ("Der Stadtrat von Kassel hat am Dienstag beschlossen, bis 2030 vierzig Kilometer neue Radwege zu bauen, "
           "und rechnet mit Kosten von 38 Millionen Euro.",
           "Die Opposition kritisierte den Plan als zu teuer und forderte, zuerst die bestehenden Wege zu sanieren."),
    "fr": ("La métropole de Lyon a annoncé jeudi que les bus et tramways seront gratuits pour les moins de 18 ans "
           "à partir de la rentrée, une mesure estimée à 12 millions d'euros par an.",
           "L'opposition dénonce une mesure coûteuse et réclame d'abord la rénovation des lignes existantes."),
    "it": ("Il consiglio comunale di Bergamo ha approvato martedì sera il nuovo piano del traffico, che da gennaio "
           "chiuderà alle auto più inquinanti il centro storico dalle 7 alle 19.",
           "I commercianti chiedono una fase di prova di sei mesi prima dell'entrata in vigore dei divieti."),
    "pt": ("O Governo aprovou esta terça-feira um plano de habitação para jovens com apoios à renda de até 250 euros "
           "por mês durante dois anos.",
           "A oposição considera a medida insuficiente e pede a construção de mais casas públicas nas grandes cidades."),
    "es": ("El Gobierno aprobó el martes un plan de vivienda para jóvenes que incluye ayudas al alquiler de hasta "
           "250 euros al mes durante dos años.",
           "La oposición lo considera insuficiente y reclama más vivienda pública en las grandes ciudades."),
    "en": ("The county council approved on Thursday a new ferry service between the harbour and the island, ending "
           "two years without a crossing, officials said.",
           "The operator expects the first crossings in May and says tickets will cost the same as the bus."),
}


def story_with(language: str, line: str) -> str:
    first, second = STORIES[language]
    return f"{first}\n\n{line}\n\n{second}\n"


def rules_of(text: str) -> dict[str, str | None]:
    return {span.text: span.rule for draft in segment_document(text) for span in draft.spans}


@pytest.mark.parametrize("language, line", [
    ("de", "Zum Weiterlesen bitte einloggen"),
    ("fr", "Cet article vous a plu ? Dites-le-nous en commentaire"),
    ("it", "Salva per leggere più tardi"),
    ("pt", "Publicidade continua após o anúncio"),
    ("pt", "Gostou deste artigo? Deixe o seu comentário"),
])
def test_furniture_no_phrase_rule_knows_leaves_the_body_under_the_models_rule(language, line):
    assert rules_of(story_with(language, line))[line] == "learned_furniture"


@pytest.mark.parametrize("language, line", [
    ("en", "What happens next"), ("en", "Who pays for it?"), ("en", "“Not yet,” she said."),
    ("de", "Die Kosten des Plans"), ("de", "„Noch nicht“, sagte sie."),
    ("fr", "Ce qui change pour les usagers"), ("fr", "Le coût du projet"),
    ("es", "Qué pasará ahora"), ("es", "«Todavía no», respondió."),
    ("it", "Cosa cambia per i pendolari"), ("it", "Il costo del piano"),
    ("pt", "O que muda agora"), ("pt", "«Ainda não», respondeu."),
])
def test_an_articles_short_lines_stay_in_the_body(language, line):
    assert rules_of(story_with(language, line))[line] is None


def test_the_model_is_asked_only_about_short_lines_no_rule_named():
    named = "Lire plus tard"  # a phrase rule's: the model does not rename it
    assert rules_of(story_with("fr", named))[named] == "read_more"
    long_line = " ".join(["Cet article vous a plu ? Dites-le-nous en commentaire"] * 4)
    assert len(long_line.split()) > MAX_WORDS and furniture_model().is_furniture(long_line)
    assert rules_of(story_with("fr", long_line))[long_line] is None
