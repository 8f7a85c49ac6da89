"""One input costs only itself: a page that extraction would spend minutes on is stopped at the
time limit or refused before parsing, and any exception of a per-document step, or a lone
surrogate in any field, quarantines that input alone while the rest of its batch goes on."""

from __future__ import annotations

import inspect
import math
import multiprocessing
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from datetime import UTC, datetime

import pyarrow.parquet as pq
import pytest

import newsflow.tasks.extract.page as extract
import newsflow.tasks.pipeline.batches as batches
from newsflow.flows.batch import process
from newsflow.tasks.core.schema import MAX_DETAIL_CHARS, RawDocument
from newsflow.tasks.core.settings import EXTRACT_TIMEOUT_SECONDS, MAX_HTML_TAGS, MAX_TAG_ATTRIBUTES
from newsflow.tasks.core.timelimit import TimeLimitExceeded, call_with_time_limit
from newsflow.tasks.extract.page import pathological_html, writable_raw
from newsflow.tasks.pipeline.batches import prepared, process_batch

NOW = datetime(2030, 1, 1, tzinfo=UTC)
MARKER = "Zanzibarquux"
LIMIT = 2.0
# Beyond the limit: the batch's other pages (~0.1 s); the slow page spins for a minute.
SLACK = 3.0

STORY = ("Councillors in Riverton voted on Tuesday to approve a budget that raises spending on flood "
         "defences by a fifth, after a winter in which the lower streets were under water three times. "
         "Mayor Laila Haddad said the work on the Severn embankment would start in May. ")


def page(title: str, marker: str = "", body_attributes: str = "", before: str = "") -> str:
    paragraphs = "".join(f"<p>{marker} {STORY * 2} Paragraph {i} of the {title} story.</p>" for i in range(6))
    return (f"<html><head><title>{title}</title></head><body{body_attributes}>{before}<article><h1>{title}</h1>"
            f"{paragraphs}</article></body></html>")


def html_raw(name: str, html: str, **fields) -> RawDocument:
    return RawDocument(f"file:///inbox/{name}.html", "file", "text/html", html.encode("utf-8"), **fields)


def text_raw(name: str, marker: str = "") -> RawDocument:
    text = f"{name.title()} budget approved\n\n{marker} {STORY * 3}\n\n{STORY * 2}"
    return RawDocument(f"file:///inbox/{name}.txt", "file", "text/plain", text.encode("utf-8"))


def many_attributes(count: int) -> str:
    return " " + " ".join(f'data-a{i}="{i}"' for i in range(count))


def many_paragraphs(count: int) -> str:
    """150,000 one-word paragraphs (1.7 MB) take trafilatura ~20 s, 18 s of it in one C call."""
    return page("Paragraphs", before="<p>word</p>" * count)


def tables_of(processed) -> tuple[list[str], dict[str, tuple[str, str]]]:
    documents = processed.tables["documents"].column("source_uri").to_pylist()
    quarantine = {q["source_uri"]: (q["reason"], q["detail"]) for q in processed.tables["quarantine"].to_pylist()}
    return documents, quarantine


def spin(seconds: float) -> str:
    """Python bytecode for `seconds`, as trafilatura's loops are."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass
    return "finished"


def limited_spin(limit: float, seconds: float) -> tuple[str, float]:
    started = time.monotonic()
    try:
        return call_with_time_limit(limit, spin, seconds), time.monotonic() - started
    except TimeLimitExceeded:
        return "stopped", time.monotonic() - started


# --- the time limit ------------------------------------------------------------------------

@pytest.mark.slow
def test_a_slow_page_is_quarantined_at_the_limit_and_the_batch_goes_on(monkeypatch):
    # trafilatura's Python code, looping on the marked page: no page under the checks before
    # parsing was found that takes trafilatura more than a few seconds (tasks/extract/page.py).
    original = extract.page_text
    monkeypatch.setattr(extract, "page_text", lambda tree, url, *settings: (
        spin(60) if MARKER in tree.findtext(".//title") else original(tree, url, *settings)))
    raws = [
        html_raw("first", page("First")),
        html_raw("slow", page(f"Slow {MARKER}")),
        html_raw("attributes", page("Attributes", body_attributes=many_attributes(50_000))),
        html_raw("paragraphs", many_paragraphs(150_000)),
        text_raw("last"),
    ]
    processed = process_batch(raws, "run", NOW, None, extract_timeout=LIMIT)
    documents, quarantine = tables_of(processed)
    assert processed.seconds["extract"] < LIMIT + SLACK
    assert documents == ["file:///inbox/first.html", "file:///inbox/last.txt"]
    assert quarantine["file:///inbox/slow.html"][0] == "extract_timeout"
    assert f"over the {LIMIT:g} s limit" in quarantine["file:///inbox/slow.html"][1]
    reason, detail = quarantine["file:///inbox/attributes.html"]
    assert reason == "pathological_html" and "50,000 attributes" in detail
    reason, detail = quarantine["file:///inbox/paragraphs.html"]
    assert reason == "pathological_html" and detail.startswith("150,0")
    assert set(processed.tables["articles"].column("doc_id").to_pylist()) == set(
        processed.tables["documents"].column("doc_id").to_pylist())


def test_the_limit_is_a_parameter_with_the_setting_as_default():
    for function in (process.fn, process_batch, batches.prepare_batch, prepared):
        assert inspect.signature(function).parameters["extract_timeout"].default == EXTRACT_TIMEOUT_SECONDS


def test_an_ordinary_page_is_untouched_by_the_limit():
    raw = html_raw("ordinary", page("Ordinary"))
    assert prepared(raw, 30.0) == prepared(raw, math.inf) == batches.prepare_document(raw)


def test_a_limited_call_is_stopped_in_any_thread_and_the_others_go_on():
    with ThreadPoolExecutor(3) as pool:
        stopped = pool.submit(limited_spin, 0.5, 60)
        finishing = pool.submit(limited_spin, 30, 1.0)
        unlimited = pool.submit(limited_spin, 0, 1.0)
        assert stopped.result()[0] == "stopped" and stopped.result()[1] < 0.5 + 2.0
        assert finishing.result()[0] == unlimited.result()[0] == "finished"


def test_the_limit_fires_once_and_never_after_the_call():
    assert limited_spin(0.2, 60)[0] == "stopped"
    assert spin(1.0) == "finished"  # no exception left pending for this thread
    assert call_with_time_limit(0.2, lambda: "quick") == "quick"
    assert spin(0.5) == "finished"


def _stopped_in_a_worker_thread() -> tuple[str, float]:
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(limited_spin, 0.5, 60).result()


def test_a_limited_call_is_stopped_in_a_thread_of_a_forked_worker_process():
    limited_spin(0.2, 60)  # this process's watchdog runs: the forked child must start its own
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        outcome, seconds = pool.submit(_stopped_in_a_worker_thread).result(timeout=60)
    assert outcome == "stopped" and seconds < 0.5 + 2.0


# --- the check before parsing --------------------------------------------------------------

def test_a_tag_of_too_many_attributes_is_refused_before_parsing():
    html = page("Attributes", body_attributes=many_attributes(50_000))
    started = time.monotonic()
    detail = pathological_html(html)
    assert time.monotonic() - started < 1.0  # extraction itself: 5-8 s
    assert detail is not None and detail.startswith("a <body> tag with 50,000 attributes")
    valueless = page("Valueless", before="<DIV " + " ".join(f"x{i}" for i in range(MAX_TAG_ATTRIBUTES + 1)) + ">x</DIV>")
    assert "<DIV> tag with 2,001 attributes" in pathological_html(valueless)
    quoted = page("Quoted", before="<span title='a > b' " + many_attributes(5000) + ">x</span>")
    assert pathological_html(quoted) is not None  # after the quoted '>', as libxml2 reads it


def test_a_page_of_too_many_tags_is_refused_before_parsing():
    started = time.monotonic()
    detail = pathological_html(many_paragraphs(MAX_HTML_TAGS + 1))
    assert time.monotonic() - started < 1.0
    assert detail is not None and "tags (at most" in detail
    assert pathological_html(many_paragraphs(MAX_HTML_TAGS - 100)) is None
    assert pathological_html(page("Lines", before="<p>" + "a < b, " * 3 * MAX_HTML_TAGS + "</p>")) is None


@pytest.mark.parametrize("html", [
    page("Ordinary"),
    page("At the cap", before="<div" + " ".join(f" a{i}" for i in range(MAX_TAG_ATTRIBUTES)) + ">x</div>"),
    page("Data URI", before=f'<img alt="chart" src="data:image/png;base64,{"QUJD" * 100_000}">'),
    page("Long prose", before="<p>" + "word " * 100_000 + "</p>"),
    page("Script", before="<script>for (i = 0; i<n.length; i++) {" + " x = y + z;" * 5000 + "}</script>"),
    page("Json attribute", before="<div data-props='" + '{"k": "v v v"}, ' * 5000 + "'>x</div>"),
], ids=["ordinary", "at-the-cap", "data-uri", "long-prose", "script", "json-attribute"])
def test_ordinary_long_tags_and_texts_pass_the_check(html):
    assert pathological_html(html) is None


# --- isolation: any exception of a step costs its document only -----------------------------

def _recurse(depth: int = 0) -> int:
    return _recurse(depth + 1)


class Unprintable(Exception):
    def __str__(self) -> str:
        raise ValueError("no message")


def _raise(kind: str) -> None:
    if kind == "RecursionError":
        _recurse()
    if kind == "MemoryError":
        raise MemoryError()
    if kind == "UnicodeEncodeError":
        "\ud800".encode("utf-8")
    if kind == "ValueError":
        raise ValueError("\ud800 a message quoting its input: " + "x" * 100_000)
    raise Unprintable()


# Each stage's step as newsflow.tasks.pipeline.batches calls it, and how to tell the marked document in its arguments.
STAGES = {
    "extract": ("prepare_document", lambda raw: MARKER.encode() in raw.data),
    "clean_split": ("segmented_once", lambda text, *_: MARKER in text),
    "enrich": ("enrich_story", lambda doc, *_: MARKER in doc.raw_text),
    "entities": ("extract_entities", lambda nlp, articles: any(MARKER in body for _, body in articles)),
    "signatures": ("signatures", lambda bodies: any(MARKER in body for body in bodies)),
}
KINDS = ("RecursionError", "MemoryError", "UnicodeEncodeError", "ValueError", "Unprintable")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("stage", list(STAGES))
def test_an_exception_in_a_stage_quarantines_its_document_only(monkeypatch, stage, kind):
    name, marked = STAGES[stage]
    original = getattr(batches, name)

    def failing(*args, **kwargs):
        if marked(*args, **kwargs):
            _raise(kind)
        return original(*args, **kwargs)

    monkeypatch.setattr(batches, name, failing)
    raws = [html_raw("first", page("First")), text_raw("marked", MARKER), text_raw("last")]
    processed = process_batch(raws, "run", NOW, None)
    documents, quarantine = tables_of(processed)
    assert documents == ["file:///inbox/first.html", "file:///inbox/last.txt"]
    reason, detail = quarantine["file:///inbox/marked.txt"]
    assert reason == f"{stage}_error"
    assert detail.startswith(f"{stage} failed: {kind}")
    assert len(detail) <= MAX_DETAIL_CHARS
    detail.encode("utf-8")
    kept = set(processed.tables["documents"].column("doc_id").to_pylist())
    for table in ("articles", "spans"):
        assert set(processed.tables[table].column("doc_id").to_pylist()) == kept
    assert len(processed.tables["entities"]) > 0 and len(processed.tables["signatures"]) == 2


# --- lone surrogates -----------------------------------------------------------------------

def test_lone_surrogates_become_replacement_characters():
    raw = RawDocument("file:///in/caf\udce9.jsonl#1", "jsonl", "text/plain", b"text", url="https://x.example/\ud800",
                      title="Title \udfff end \U0001f600", published_at="2024-01-0\ud8001",
                      problems=("title: \ud800 cut",))
    clean = writable_raw(raw)
    assert clean.source_uri == "file:///in/caf\ufffd.jsonl#1" and clean.url == "https://x.example/\ufffd"
    assert clean.title == "Title \ufffd end \U0001f600" and clean.published_at == "2024-01-0\ufffd1"
    assert clean.problems == ("title: \ufffd cut",)
    assert clean.data == raw.data and clean.source_kind == "jsonl"
    ordinary = RawDocument("file:///in/a.txt", "file", "text/plain", b"text", title="Caf\xe9 \U0001f600")
    assert writable_raw(ordinary) is ordinary


def test_lone_surrogates_in_any_field_do_not_fail_the_batch(tmp_path):
    raws = [
        RawDocument("file:///inbox/feed.jsonl#\ud800", "jsonl", "text/html", page("Feed").encode(),
                    url="https://news.example/\udfff", title="A title \ud800 cut", published_at="2024-03-05\udc00"),
        RawDocument("file:///inbox/feed.jsonl#2", "jsonl", "text/plain",
                    f"Budget approved\n\nA text \ud800 with one {STORY * 3}".encode("utf-8", "surrogatepass")),
        RawDocument("file:///inbox/bad\udce9.txt", "file", "text/plain", b"", title="\udfff"),
        text_raw("last"),
    ]
    processed = process_batch(raws, "run", NOW, None)
    documents, quarantine = tables_of(processed)
    assert "file:///inbox/feed.jsonl#\ufffd" in documents and "file:///inbox/last.txt" in documents
    assert len(documents) + len(quarantine) == len(raws)
    for name, table in processed.tables.items():
        pq.write_table(table, tmp_path / f"{name}.parquet")  # UTF-8 throughout, or this raises
    titles = processed.tables["articles"].column("title").to_pylist()
    assert "A title \ufffd cut" in titles


def test_the_registry_holds_only_the_calls_running_now():
    from newsflow.tasks.core import timelimit

    me = threading.get_ident()
    assert call_with_time_limit(5, lambda: me in timelimit._limits)  # registered while it runs
    assert me not in timelimit._limits  # and gone once it returned
    limited_spin(0.2, 60)
    assert me not in timelimit._limits  # and once it was stopped


@pytest.mark.parametrize("stage, name", [("clean_split", "segmented_once"), ("enrich", "enrich_story")])
def test_a_document_too_slow_in_a_later_stage_is_quarantined_and_the_others_go_on(monkeypatch, stage, name):
    original = getattr(batches, name)

    def slow_on_marker(*args, **kwargs):
        if any(MARKER in str(arg) or MARKER in str(getattr(arg, "raw_text", "")) for arg in args):
            spin(60)
        return original(*args, **kwargs)

    monkeypatch.setattr(batches, name, slow_on_marker)
    processed = process_batch([text_raw("first"), text_raw("marked", MARKER), text_raw("last")], "run", NOW, None,
                              extract_timeout=LIMIT)
    # The stage's own seconds: the whole batch's would count loading spaCy too (seconds when cold).
    assert processed.seconds[stage] < LIMIT + SLACK
    documents, quarantine = tables_of(processed)
    assert documents == ["file:///inbox/first.txt", "file:///inbox/last.txt"]
    assert quarantine["file:///inbox/marked.txt"][0] == f"{stage}_timeout"
