"""HTML to text with trafilatura, keeping its metadata; plain text passes through unchanged."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import trafilatura
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura import metadata as tm
from trafilatura.settings import Document as PageMetadata
from trafilatura.settings import set_date_params
from trafilatura.utils import load_html

from tasks.decode import decode_bytes
from tasks.schema import Document, Quarantine, RawDocument
from tasks.sources import document_id
from tasks.settings import MAX_INPUT_BYTES


@dataclass(frozen=True, slots=True)
class Extracted:
    """What trafilatura made of a page: the main text (paragraphs on their own lines) and metadata."""

    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    site_name: str | None = None
    url: str | None = None


def extract_html(html: str, url: str | None = None) -> Extracted:
    """The main text and metadata of an HTML page; empty text when trafilatura finds none."""
    tree = load_html(html)  # parsed once, for the metadata and (copied by trafilatura) the text
    if tree is None:
        return Extracted(text="", url=url)
    meta = page_metadata(tree, url)
    return Extracted(
        text=page_text(tree, url),
        title=_clean(meta.title),
        authors=split_authors(meta.author),
        date=_clean(meta.date),
        site_name=_clean(meta.sitename),
        url=_clean(meta.url) or url,
    )


def page_text(tree: HtmlElement, url: str | None) -> str:
    """trafilatura's main text of a parsed page, paragraphs on their own lines."""
    # Comments leak into the text with trafilatura's default include_comments=True (STACK.md).
    # favor_precision: on the 181 AEB pages, with newsflow's rules after it, F1 0.970 against
    # 0.964 with trafilatura's default balance (bench/QUALITY.md).
    result = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, with_metadata=False, deduplicate=False, favor_precision=True
    )
    return (result.text if result is not None else None) or ""


def page_metadata(tree: HtmlElement, url: str | None) -> PageMetadata:
    """trafilatura's `extract_metadata` without the categories, tags and licence newsflow does not
    keep: those three cost a fifth of the extraction time on the AEB pages (bench/RESULTS.md).
    Same steps, same order, same answers (tests/test_extract.py holds it to the original)."""
    meta = tm.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # as trafilatura: a one-word meta author is a handle, not a name
    try:
        meta = tm.extract_meta_json(tree, meta)
    except Exception:  # trafilatura guards its JSON-LD parser the same way ("bugs in json_metadata.py")
        pass
    meta.title = meta.title or tm.extract_title(tree)
    meta.author = meta.author or tm.extract_author(tree)
    meta.url = meta.url or tm.extract_url(tree, url)
    meta.date = find_date(tree, **{**set_date_params(True), "url": meta.url})
    meta.sitename = _site_name(meta.sitename or tm.extract_sitename(tree), meta.url)
    meta.clean_and_trim()
    return meta


def _site_name(name: str | None, url: str | None) -> str | None:
    """trafilatura's finishing of a site name: no @ of a handle, capitalised, else the URL's host."""
    if name:
        name = name.lstrip("@")
        return name.title() if name and "." not in name and not name[0].isupper() else name
    host = tm.META_URL.match(url) if url else None
    return host[1] if host else None


def split_authors(author: str | None) -> tuple[str, ...]:
    """trafilatura joins several authors with '; '."""
    if not author:
        return ()
    return tuple(name.strip() for name in author.split(";") if name.strip())


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def prepare_document(raw: RawDocument) -> Document | Quarantine:
    """Decode an input and, for HTML, extract its main text and metadata."""
    digest = hashlib.sha256(raw.data).hexdigest()

    def quarantine(reason: str, detail: str) -> Quarantine:
        return Quarantine(raw.source_uri, reason, detail, len(raw.data), digest)

    if len(raw.data) > MAX_INPUT_BYTES:
        return quarantine("too_large", f"{len(raw.data)} bytes, over the {MAX_INPUT_BYTES} byte cap")
    decoded = decode_bytes(raw.data, raw.media_type)
    if decoded.text is None:
        return quarantine(decoded.problem or "undecodable", decoded.detail)
    base = dict(
        doc_id=document_id(raw.source_uri, digest),
        source_uri=raw.source_uri,
        source_kind=raw.source_kind,
        media_type=raw.media_type,
        content_sha256=digest,
        encoding=decoded.encoding,
        url=raw.url,
        title=raw.title,
        published_at=raw.published_at,
        published_at_source="jsonl" if raw.published_at else None,
    )
    if raw.media_type != "text/html":
        return Document(raw_text=decoded.text, **base)
    page = extract_html(decoded.text, url=raw.url)
    if not page.text.strip():
        return quarantine("no_text_extracted", "trafilatura found no main text in the HTML")
    return Document(**{
        **base,
        "raw_text": page.text,
        "raw_html": decoded.text,
        "url": raw.url or page.url,
        "site_name": page.site_name,
        "title": raw.title or page.title,
        "authors": page.authors,
        "published_at": raw.published_at or page.date,
        "published_at_source": base["published_at_source"] or ("html_meta" if page.date else None),
    })
