"""The ingest flow end to end on the example inbox and on bad inputs, through a Prefect test server.

The example inbox is ingested once per session (conftest.py: `example_dataset_once`); each test
here gets its own copy of the result (`example_dataset`). The tests that are about running
(a rerun, bad inputs, a folder copy) run the flow themselves, in this process, on tiny inboxes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from dataset_checks import lossless_violations, row_counts

from newsflow.flows.cli import main
from newsflow.tasks.store.dataset import connect

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "inbox"
QUERIES = sorted((Path(__file__).resolve().parents[1] / "sql" / "queries").glob("*.sql"))
IN_PROCESS = ("--workers", "0")  # the runner is not what these tests are about; test_dask.py compares runners

# What each ready-made query answers on the example inbox: a projection of its rows, and the value
# it must have. A header alone, or any rows at all, is not an answer.
ANSWERS = {
    "ai_disclosed_articles": (lambda rows: [r["authors"] for r in rows], [["Nova Reed"]]),
    "articles_by_agency": (lambda rows: {r["agency"]: (r["articles"], r["with_dateline_place"]) for r in rows},
                           {"Reuters": (2, 2), "AP": (1, 1), "dpa": (1, 1), "(none)": (6, 0)}),
    "boilerplate_rules_by_hits": (
        lambda rows: {r["rule"]: r["kind"] for r in rows if r["rule"] in {
            "title", "newsletter_promo", "repeated_caption", "nav_chrome", "key_points", "author_box", "caption"}},
        {"title": "title", "newsletter_promo": "dropped", "repeated_caption": "dropped", "nav_chrome": "dropped",
         "key_points": "highlight", "author_box": "author", "caption": "caption"}),
    # The AI rewrite changes facts of the wire story; its syndicated copy changes none.
    "fact_drift": (
        lambda rows: (sorted({r["origin"] for r in rows}),
                      "Arctic rail deal: Norway, Sweden to link Kiruna and Narvik" in {r["article"] for r in rows}),
        (["Norway and Sweden agree to build a cross-border Arctic railway by 2031"], False)),
    "quarantine_by_reason": (lambda rows: {r["reason"]: r["inputs"] for r in rows},
                             {"empty": 1, "binary": 1, "bad_json": 1, "missing_text": 1}),
    "story_clusters": (
        lambda rows: [(r["articles"], r["syndicated_copies"], r["rewrites"], r["original_agency"]) for r in rows],
        [(3, 1, 1, "Reuters")]),
}


def by_file(db, sql: str) -> dict[str, object]:
    """{file name: value} for a query of (source_uri, value) rows."""
    return {Path(uri.split("#")[0]).name: value for uri, value in db.execute(sql).fetchall()}


def test_example_inbox_is_ingested(example_dataset, example_dataset_once):
    db = connect(example_dataset)
    reasons = dict(db.execute("SELECT reason, count(*) FROM quarantine GROUP BY 1").fetchall())
    assert reasons == {"empty": 1, "binary": 1, "bad_json": 1, "missing_text": 1}
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 9
    stories = dict(db.execute("SELECT regexp_extract(d.source_uri, '[^/]+$'), count(*) FROM articles a "
                              "JOIN documents d USING (doc_id) GROUP BY 1").fetchall())
    assert stories.pop("04-two-stories-glued.txt") == 2 and set(stories.values()) == {1} and len(stories) == 8
    titles = [t for (t,) in db.execute("SELECT title FROM articles ORDER BY doc_id, story_index").fetchall()]
    assert "Central Bank Holds Rates Steady as Inflation Cools" in titles
    assert "Wildfire Forces Evacuation of Mountain Villages in Northern Portugal" in titles
    languages = by_file(db, "SELECT d.source_uri, a.language FROM articles a JOIN documents d USING (doc_id)")
    assert languages["07-legacy-cp1252-german.txt"] == "de" and languages["08-utf16-french.txt"] == "fr"
    assert "9 new documents" in example_dataset_once.output


def test_example_html_page_keeps_its_caption_and_accounts_for_the_whole_page(example_dataset):
    """05-news-page.html: the figure's caption with its credit, once; what extraction left out of
    the page (navigation, byline, newsletter box, related links, footer) is in spans of its own."""
    db = connect(example_dataset)
    doc_id, raw_text, main_text = db.execute(
        "SELECT doc_id, raw_text, main_text FROM documents WHERE source_uri LIKE '%05-news-page.html'").fetchone()
    captions = db.execute("SELECT captions FROM articles WHERE doc_id = ?", [doc_id]).fetchone()[0]
    assert captions == [{"text": "A test run of the N4 route on Friday.", "credit": "Tom Ellis/Riverside Gazette"}]
    left_out = [t for (t,) in db.execute("SELECT text FROM spans WHERE doc_id = ? AND rule = 'outside_main_text' "
                                          "ORDER BY start", [doc_id]).fetchall()]
    assert left_out[0] == "Home News Sport Sign in" and "Parking fees to rise in April" in left_out
    assert "© 2025 Riverside Gazette. All rights reserved." in left_out
    assert "Privacy policy" not in main_text and "Privacy policy" in raw_text
    body = db.execute("SELECT body FROM articles WHERE doc_id = ?", [doc_id]).fetchone()[0]
    assert "N4 route" not in body and "Privacy" not in body


def test_example_wire_story_copy_and_rewrite_are_linked(example_dataset):
    db = connect(example_dataset)
    ids = by_file(db, "SELECT d.source_uri, a.article_id FROM articles a JOIN documents d USING (doc_id)")
    wire, copy, rewrite = ids["01-portal-wire-story.txt"], ids["02-syndicated-copy.txt"], ids["03-ai-rewrite.txt"]
    links = {(frozenset((a, b)), relation) for a, b, relation in
             db.execute("SELECT article_id, other_article_id, relation FROM links").fetchall()}
    assert (frozenset((wire, copy)), "near_duplicate") in links
    assert (frozenset((wire, rewrite)), "same_story") in links
    roles = dict(db.execute("SELECT article_id, role FROM stories WHERE article_id IN (?, ?, ?)",
                            [wire, copy, rewrite]).fetchall())
    assert roles == {wire: "original", copy: "syndicated_copy", rewrite: "rewrite"}


def test_example_inbox_is_lossless(example_dataset):
    assert lossless_violations(example_dataset) == []


def test_reingest_adds_no_row(example_dataset, capsys):
    before = row_counts(example_dataset)
    assert main(["ingest", str(EXAMPLES), "--data", str(example_dataset), *IN_PROCESS]) == 0
    assert row_counts(example_dataset) == before
    assert "0 new documents" in capsys.readouterr().out


def test_every_query_has_an_expected_answer():
    assert sorted(q.stem for q in QUERIES) == sorted(ANSWERS), "say in ANSWERS what a new query answers"


@pytest.mark.parametrize("query", QUERIES, ids=[q.stem for q in QUERIES])
def test_example_queries_answer(example_dataset, query, capsys):
    assert main(["sql", str(query), "--data", str(example_dataset), "--format", "json"]) == 0
    project, expected = ANSWERS[query.stem]
    assert project(json.loads(capsys.readouterr().out)) == expected


def test_bad_inputs_become_quarantine_rows_or_documents(prefect_server, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (inbox / "latin1.txt").write_bytes("Genève: la cité accueille des négociations très attendues.\n".encode("latin-1"))
    (inbox / "utf16.txt").write_bytes("Zürich: Der Stadtrat beschließt neue Velowege für die Stadt.\n".encode("utf-16"))
    (inbox / "broken.html").write_text("<html><body><p>Unclosed <b>bold <div>Firefighters battled a blaze in "
                                       "the old town on Sunday night, the fire service said, and no one was hurt."
                                       " Residents were allowed back by morning.<p>More details later")
    (inbox / "no-text.html").write_text("<html><head><title>x</title></head><body><script>var a=1;</script></body></html>")
    data = tmp_path / "data"
    assert main(["ingest", str(inbox), "--data", str(data), *IN_PROCESS]) == 0
    db = connect(data)
    quarantined = dict(db.execute("SELECT regexp_extract(source_uri, '[^/]+$'), reason FROM quarantine").fetchall())
    assert quarantined == {"empty.txt": "empty", "binary.txt": "binary", "no-text.html": "no_text_extracted"}
    bodies = dict(db.execute("SELECT regexp_extract(d.source_uri, '[^/]+$'), a.body FROM articles a "
                             "JOIN documents d USING (doc_id)").fetchall())
    assert set(bodies) == {"latin1.txt", "utf16.txt", "broken.html"}
    assert "Genève" in bodies["latin1.txt"] and "beschließt" in bodies["utf16.txt"]
    assert "Firefighters battled a blaze" in bodies["broken.html"]
    assert lossless_violations(data) == []


def test_a_folder_copy_is_new_documents_but_the_same_bodies(prefect_server, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        shutil.copy(EXAMPLES / "01-portal-wire-story.txt", folder)
    data = tmp_path / "data"
    assert main(["ingest", str(first), str(second), "--data", str(data), *IN_PROCESS]) == 0
    hashes = connect(data).execute("SELECT count(*), count(DISTINCT body_sha256) FROM articles").fetchone()
    assert hashes == (2, 1)


def test_example_credits_dates_and_keywords(example_dataset):
    """Issue 17: the reporters of 01's credit line are its authors, each credit has its role, 05 keeps
    the time of day and the offset its page gives, and no article's keywords hold "said"."""
    db = connect(example_dataset)
    authors = by_file(db, "SELECT d.source_uri, a.authors FROM articles a JOIN documents d USING (doc_id)")
    assert authors["01-portal-wire-story.txt"] == ["Terje Solsvik", "Anna Ringstrom"]
    roles = by_file(db, "SELECT d.source_uri, a.credit_roles FROM articles a JOIN documents d USING (doc_id)")
    assert {"name": "Mark Potter", "role": "editing"} in roles["01-portal-wire-story.txt"]
    published = by_file(db, "SELECT d.source_uri, (strftime(a.published_at AT TIME ZONE 'UTC', '%H:%M'), "
                            "a.published_at_utc_offset_minutes) FROM articles a JOIN documents d USING (doc_id)")
    assert published["05-news-page.html"] == ("08:30", 0)
    keywords = db.execute("SELECT count(*) FROM articles WHERE list_contains(keywords, 'said')").fetchone()[0]
    assert keywords == 0
