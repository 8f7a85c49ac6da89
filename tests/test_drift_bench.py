"""The fact-drift benchmark's generator (bench/drift_edits.py): each planted edit is where its
ground truth says, reworded copies keep every fact, unedited copies are the origin, the same seed
gives the same pairs, and the generator shares no code with the detector. Short news articles
written for the test; ../shared is not needed."""

from __future__ import annotations

import ast
import random
from pathlib import Path

import pytest

from bench.drift_edits import (
    EDIT_TYPES,
    KINDS,
    PLANTERS,
    Draft,
    NamePools,
    facts,
    finish,
    make_pairs,
    move_leading_clause,
    split_sentences,
    swap_sentences,
    swap_synonyms,
    usable_bodies,
)

REPO = Path(__file__).resolve().parents[1]

WATER = "\n\n".join([
    'WICHITA, Kan. — The Riverside Water Authority will spend $12 million to replace 40 miles of aging pipe, '
    'officials said on Monday.',
    'The project, approved by the board in 2018, should cut water losses by 15% over five years. Work begins '
    'on March 3 and will close parts of Main Street in Wichita.',
    '"We have waited a long time for this, and residents will notice the difference," said Sarah Collins, the'
    " authority's general manager.",
    'Board member Mark Delgado voted against the plan. "The cost is too high for a city this size," Delgado '
    'said. He said 32 residents had written to the board to oppose it.',
    'On Monday, Collins said the first crews will also start in the north of the city.',
])

FIRE = "\n\n".join([
    'Chicago firefighters rescued 14 people from a burning apartment building on Tuesday night, the fire '
    'department said.',
    'The blaze started shortly after 9 p.m. on the third floor of the building in the Uptown neighborhood. '
    'Two residents were taken to hospital with minor injuries.',
    '“Our crews went floor by floor and got everyone out,” Fire Commissioner Annette Holt said at the scene. '
    '“It could have been much worse.”',
    'According to city records, the building, which was built in 1962, had passed an inspection in June. '
    'Investigators are still working to find the cause, and the big question is whether the alarms worked.',
    'Residents said the alarms went off quickly. “I grabbed my cat and ran,” said tenant James Porter, who '
    'has lived there for 11 years.',
])

SHARES = "\n\n".join([
    'Shares of Northwind Corp. fell 8% on Thursday after the company cut its sales forecast for the year.',
    'The Seattle-based maker of home appliances now expects revenue of $4.2 billion, down from $4.6 billion. '
    'Chief executive Linda Park blamed higher shipping costs and weak demand in Europe.',
    '"This has been a difficult quarter, but we are confident in our plan," Park told analysts on a call. The'
    ' company also said it would close two factories in Ohio by December 2020 and cut 1,200 jobs.',
    'After the call, David Moore, an analyst at Harbor Securities, said the cuts were expected. "Investors '
    'wanted a clear plan, and they got one," Moore said. Northwind was founded in 1987 and employs 9,000 '
    'people worldwide.',
])

ARTICLES = [("water", WATER), ("fire", FIRE), ("shares", SHARES)]
POOLS = NamePools.of(body for _, body in ARTICLES)


def planted(edit: str) -> list[tuple[str, str, tuple]]:
    """(origin, copy, rows) for every article and seed (of the first ten) where the edit has a place."""
    made = []
    for _, body in ARTICLES:
        for seed in range(10):
            draft = Draft.of(body)
            if PLANTERS[edit](draft, random.Random(seed), POOLS):
                copy, rows = finish(draft)
                made.append((body, copy, rows))
    return made


def with_one_replacement(sentence: str, old: str, new: str) -> set[str]:
    """The sentence with one occurrence of old replaced by new, for each occurrence."""
    found, at = set(), sentence.find(old)
    while at >= 0:
        found.add(sentence[:at] + new + sentence[at + len(old):])
        at = sentence.find(old, at + 1)
    return found


def test_the_test_articles_are_usable():
    assert [article_id for article_id, _ in usable_bodies(ARTICLES)] == ["water", "fire", "shares"]
    assert usable_bodies([("short", "Too short to copy.")]) == []


@pytest.mark.parametrize("edit", [e for e in EDIT_TYPES if e != "sentence_dropped"])
def test_a_planted_edit_is_where_its_ground_truth_says(edit):
    made = planted(edit)
    assert made, f"{edit} found no place in any test article"
    for origin, copy, rows in made:
        (row,) = rows
        assert row.edit == edit and row.required and row.value != row.origin_value
        origin_sentence, copy_sentence = origin[row.origin_start : row.origin_end], copy[row.start : row.end]
        assert (row.origin_start, row.origin_end) in {(s.start, s.end) for s in split_sentences(origin)}
        # The copy's sentence is the origin's with exactly that value replaced, and nothing else changed.
        assert copy_sentence in with_one_replacement(origin_sentence, row.origin_value, row.value)
        assert copy.replace(copy_sentence, origin_sentence, 1) == origin


def test_planted_edits_have_their_kind_and_change():
    expected = {"number_changed": ("number", "changed"), "number_vaguer": ("number", "vaguer"),
                "date_shifted": ("date", "changed"), "date_vaguer": ("date", "vaguer"),
                "name_swapped": ("name", "changed"), "quote_reworded": ("quote", "changed"),
                "quote_reattributed": ("name", "changed")}
    for edit, (kind, change) in expected.items():
        assert {(row.kind, row.change) for _, _, rows in planted(edit) for row in rows} == {(kind, change)}


def test_examples_of_each_edit():
    values = {edit: {(row.origin_value, row.value) for _, _, rows in planted(edit) for row in rows}
              for edit in EDIT_TYPES}
    assert ("$4.2 billion", "billions of dollars") in values["number_vaguer"]
    assert ("on March 3", "in March") in values["date_vaguer"]
    assert ("on Monday", "recently") in values["date_vaguer"]  # 'officials said on Monday'
    assert not any(old.endswith("Monday") and new != "recently" for old, new in values["date_vaguer"])
    assert any(old == "Delgado" and new in ("Collins", "Sarah Collins") for old, new in values["quote_reattributed"])
    assert all(old.split()[-1] not in ("said", "told") for old, _ in values["name_swapped"])
    # A swapped name is one of the same type from another article: a person for a person.
    persons = {"Sarah Collins", "Mark Delgado", "Annette Holt", "James Porter", "Linda Park", "David Moore"}
    assert all(new in persons for old, new in values["name_swapped"] if old in persons)


def test_a_dropped_sentence_is_gone_and_its_facts_are_expected_dropped():
    made = planted("sentence_dropped")
    assert made
    for origin, copy, rows in made:
        assert [row.kind for row in rows] == list(KINDS)
        assert {(row.change, row.start, row.end, row.origin_start) for row in rows} == \
            {("dropped", None, None, rows[0].origin_start)}
        sentence = origin[rows[0].origin_start : rows[0].origin_end]
        assert sentence not in copy
        assert copy.split() == origin.replace(sentence, "", 1).split()
        assert any(row.required for row in rows if row.kind in ("number", "date", "quote"))
        for row in rows:  # required: a fact the copy no longer states anywhere
            if row.required:
                assert any(value not in copy for value in row.origin_value.split("; "))


def test_a_fact_still_stated_elsewhere_is_an_optional_row():
    body = WATER.replace("He said 32 residents had written to the board to oppose it.",
                         "He said 32 residents had written to the board to oppose it, in 2018.")
    for seed in range(30):
        draft = Draft.of(body)
        if PLANTERS["sentence_dropped"](draft, random.Random(seed), POOLS):
            copy, rows = finish(draft)
            by_kind = {row.kind: row for row in rows}
            if "32 residents" in by_kind["number"].origin_value:
                assert by_kind["number"].required and not by_kind["date"].required  # 2018 is in another sentence
                return
    pytest.fail("the sentence with 32 residents was never dropped")


def test_no_edit_is_planted_inside_a_quote():
    for edit in ("number_changed", "number_vaguer", "date_shifted", "date_vaguer", "name_swapped"):
        for origin, _, rows in planted(edit):
            (row,) = rows
            sentence = origin[row.origin_start : row.origin_end]
            at = sentence.find(row.origin_value)
            assert sentence[:at].count('"') % 2 == 0 and sentence[:at].count("“") == sentence[:at].count("”")


def test_a_reworded_copy_keeps_every_number_date_name_and_quote():
    pairs = [pair for pair in make_pairs(ARTICLES, seed=3) if pair.variant == "reworded"]
    assert pairs
    for pair in pairs:
        assert pair.copy != pair.origin and pair.edits == ()
        assert facts(pair.copy) == facts(pair.origin)
        assert sorted(pair.copy.replace("\n", " ").split()) != sorted(pair.origin.replace("\n", " ").split()) or \
            pair.copy.split() != pair.origin.split()


def test_each_rewording_changes_no_fact():
    for body in (WATER, FIRE, SHARES):
        for reword in (swap_synonyms, move_leading_clause, swap_sentences):
            draft = Draft.of(body)
            assert reword(draft, random.Random(1), 3) >= 1, reword.__name__
            copy = draft.render()[0]
            assert copy != body and facts(copy) == facts(body)


def test_rewordings_read_as_expected():
    draft = Draft.of(WATER)
    move_leading_clause(draft, random.Random(0), 1)
    assert "Collins said the first crews will also start in the north of the city on Monday." in draft.render()[0]
    draft = Draft.of(WATER)
    swap_synonyms(draft, random.Random(0), 10)
    copy = draft.render()[0]
    assert "officials stated on Monday" in copy and "will additionally start" in copy
    assert '"The cost is too high for a city this size," Delgado stated.' in copy  # the quote untouched


def test_an_unedited_copy_is_the_origin():
    pairs = [pair for pair in make_pairs(ARTICLES, seed=3) if pair.variant == "unedited"]
    assert len(pairs) == 2 * len(ARTICLES)
    for pair in pairs:
        assert pair.edits == ()
        if pair.pair_id.endswith("-same"):
            assert pair.copy == pair.origin
        else:
            assert pair.copy.split() == pair.origin.split()  # its whitespace only


def test_the_same_seed_gives_the_same_pairs():
    first, again, other = make_pairs(ARTICLES, seed=7), make_pairs(ARTICLES, seed=7), make_pairs(ARTICLES, seed=8)
    assert first == again
    assert [pair.copy for pair in first] != [pair.copy for pair in other]
    # limit keeps the pairs of the first articles as they are in the full set
    assert make_pairs(ARTICLES, seed=7, limit=1) == [pair for pair in first if pair.article_id == "water"]


def test_edited_copies_carry_one_or_two_edits():
    for seed in range(5):
        for pair in make_pairs(ARTICLES, seed=seed):
            if pair.variant == "edited":
                planted_at = {(row.edit, row.origin_start) for row in pair.edits}
                assert 1 <= len(planted_at) <= 2
                assert len({start for _, start in planted_at}) == len(planted_at)  # never two in one sentence


def test_the_generator_imports_nothing_from_newsflow():
    """The ground-truth side shares no code with the detector."""
    tree = ast.parse((REPO / "bench" / "drift_edits.py").read_text())
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not {name for name in imported if name.split(".")[0] in ("newsflow", "tasks", "bench")}
