"""Entities with the real spaCy pipeline (loaded once per session)."""

import pytest

from newsflow.tasks.core.recent import RecentItems
from newsflow.tasks.core.schema import Entity
from newsflow.tasks.enrich import entities
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


STORY = [
    "OSLO (Reuters) - Norway and Sweden signed an agreement on Tuesday to build a railway from Kiruna to Narvik.",
    "Norwegian Transport Minister Jon-Ivar Nygard said the line would carry iron ore from LKAB's mines.",
    "Swedish Prime Minister Ulf Kristersson called the deal a milestone for the Nordic region.",
]


def _reading(nlp, monkeypatch) -> list[str]:
    """An empty paragraph cache for `nlp`, and the list of texts its model is given from now on."""
    monkeypatch.setitem(entities._SEEN, nlp, RecentItems(100))
    read: list[str] = []
    pipe = nlp.pipe

    def recording_pipe(texts, **kwargs):
        texts = list(texts)
        read.extend(texts)
        return pipe(texts, **kwargs)

    monkeypatch.setattr(nlp, "pipe", recording_pipe)
    return read


def test_a_trimmed_copy_reads_only_its_new_paragraph_and_finds_the_same_entities(nlp, monkeypatch):
    copy = "\n".join([STORY[0], "Finnish officials welcomed the plan in Helsinki.", STORY[2]])
    read = _reading(nlp, monkeypatch)
    extract_entities(nlp, [("original-0", "\n".join(STORY))])
    read.clear()
    warm = extract_entities(nlp, [("copy-0", copy)])
    assert read == ["Finnish officials welcomed the plan in Helsinki."]
    monkeypatch.setitem(entities._SEEN, nlp, RecentItems(100))
    cold = extract_entities(nlp, [("copy-0", copy)])
    assert warm == cold and ("Helsinki", "PLACE") in {(e.text, e.label) for e in warm}


def test_a_mention_does_not_run_across_a_paragraph_break(nlp, monkeypatch):
    _reading(nlp, monkeypatch)
    found = {e.text for e in extract_entities(nlp, [("a-0", "Shares of Amazon\nSonos said on Monday it would cut jobs.")])}
    assert not any("\n" in name or ("Amazon" in name and "Sonos" in name) for name in found)


def test_the_paragraph_cache_forgets_the_least_recent_past_its_capacity():
    cache: RecentItems[str, tuple] = RecentItems(2)
    cache.put("a", (("A", "ORG"),))
    cache.put("b", ())
    assert cache.get("a") == (("A", "ORG"),)  # "a" is now the most recent
    cache.put("c", ())
    assert cache.get("b") is None and cache.get("a") is not None and cache.get("c") == ()


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
