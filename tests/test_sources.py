import json

from newsflow.tasks.core.schema import Quarantine, RawDocument
from newsflow.tasks.sources.files import read_sources


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.html").write_text("<p>two</p>")
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / ".hidden.txt").write_text("skip me")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    items = list(read_sources([tmp_path]))
    assert [(type(i).__name__, i.source_uri.rsplit("/", 1)[-1]) for i in items] == [
        ("Skipped", ".hidden.txt"), ("RawDocument", "a.txt"), ("RawDocument", "2.html"), ("Quarantine", "notes.docx")
    ]
    assert items[2].media_type == "text/html" and items[1].media_type == "text/plain"
    assert items[3].reason == "unsupported_file_type" and items[0].why == "hidden"


def test_markdown_files_are_read_as_text(tmp_path):
    (tmp_path / "story.md").write_text("## Port reopens\n\nThe port reopened on Monday.\n")
    (tmp_path / "notes.markdown").write_text("**Port reopens**\n")
    items = list(read_sources([tmp_path]))
    assert [(type(i).__name__, i.media_type) for i in items] == [("RawDocument", "text/plain")] * 2


def test_jsonl_records_and_bad_lines(tmp_path):
    path = tmp_path / "export.jsonl"
    lines = [
        json.dumps({"text": "Plain story.", "url": "https://x.example/a", "title": "A", "published_at": "2030-01-02"}),
        json.dumps({"html": "<p>Page</p>", "url": "https://x.example/b"}),
        "",
        json.dumps({"title": "no body"}),
        "{not json",
        json.dumps(["a", "list"]),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_sources([path]))
    assert [getattr(i, "reason", i.media_type if isinstance(i, RawDocument) else None) for i in items] == [
        "text/plain", "text/html", "missing_text", "bad_json", "bad_json"
    ]
    first = items[0]
    assert (first.url, first.title, first.published_at, first.data) == (
        "https://x.example/a", "A", "2030-01-02", b"Plain story."
    )
    assert isinstance(items[4], Quarantine) and items[4].detail == "a JSON list, not an object"
    # A record is known by its bytes, not its line number: a line added above changes no record's id.
    path.write_text("\n".join([json.dumps({"text": "A story added on top."})] + lines), encoding="utf-8")
    again = list(read_sources([path]))
    assert [i.source_uri for i in again[1:]] == [i.source_uri for i in items]
    assert len({i.source_uri for i in again}) == 6 and all(i.source_uri.startswith(f"{path}#") for i in again)
