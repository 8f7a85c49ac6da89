"""Entities with the real spaCy pipeline (loaded once per session)."""

import pytest

from newsflow.tasks.core.schema import Entity
from newsflow.tasks.enrich.entities import clean_mention, extract_entities, fold_mentions, load_pipeline, speaks


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline(None)


def test_only_what_ner_needs_runs(nlp):
    # en_core_web_sm's ner embeds its own tokens; the shared tok2vec feeds only tagger and parser.
    assert nlp.pipe_names == ["ner"]


def test_ner_runs_on_its_own_language_only(nlp):
    assert speaks(nlp, "en") and speaks(nlp, None)
    assert not speaks(nlp, "ru")


def test_the_vocabulary_does_not_grow_with_the_corpus(nlp):
    extract_entities(nlp, [("a-0", "Warm-up text from Oslo.")])
    before = len(nlp.vocab.strings)
    extract_entities(nlp, [(f"a-{i}", f"Zorblat{i} Quixam{i} met Frobnitz{i} in Ulvik{i}.") for i in range(50)])
    assert len(nlp.vocab.strings) == before


def test_entities_are_counted_and_folded_into_full_names(nlp):
    text = ("BRUSSELS (AP) — European Commission President Ursula von der Leyen met Ukrainian President "
            "Volodymyr Zelenskyy in Brussels on Thursday. Von der Leyen said the European Union would keep "
            "supporting Ukraine. Zelenskyy thanked the EU and NATO for their help, and Zelenskyy's aides "
            "said the talks in Brussels went well.")
    found = {(e.text, e.label): e.count for e in extract_entities(nlp, [("a-0", text)])}
    assert found[("Volodymyr Zelenskyy", "PERSON")] == 2  # "Zelenskyy" (tagged ORG) folded in; the small model misses the possessive
    assert found[("Brussels", "PLACE")] == 3  # the dateline's BRUSSELS (tagged ORG) included
    assert ("Ukraine", "PLACE") in found and ("European Union", "ORG") in found
    assert not any(label in {"DATE", "CARDINAL"} for _, label in found)


@pytest.mark.parametrize(
    "mention, label, clean",
    [
        ("Joe Biden’s", "PERSON", "Joe Biden"),
        ("Ayatollah Ali Khamenei", "PERSON", "Ali Khamenei"),
        ("President Vladimir Putin", "PERSON", "Vladimir Putin"),
        ("the Kremlin", "ORG", "Kremlin"),
        ("RIO DE JANEIRO", "PLACE", "Rio de Janeiro"),
        ("NATO", "ORG", "NATO"),
    ],
)
def test_clean_mention(mention, label, clean):
    assert clean_mention(mention, label) == clean


def test_surnames_fold_and_the_majority_labels():
    mentions = [("Kazem Gharibabadi", "ORG"), ("Gharibabadi", "PERSON"), ("Gharibabadi", "PERSON"),
                ("Iranian", "NORP"), ("Iranian Revolutionary Guards", "ORG"), ("MOSCOW", "ORG"),
                ("Moscow", "PLACE"), ("Moscow", "PLACE")]
    assert sorted(fold_mentions("a", mentions), key=lambda e: e.text) == [
        Entity("a", "Iranian", "NORP", 1),
        Entity("a", "Iranian Revolutionary Guards", "ORG", 1),
        Entity("a", "Kazem Gharibabadi", "PERSON", 3),
        Entity("a", "Moscow", "PLACE", 3),
    ]
