"""HTML to text with trafilatura, keeping its metadata; plain text passes through unchanged."""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from typing import Any

import trafilatura
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura import metadata as tm
from trafilatura.settings import Document as PageMetadata
from trafilatura.settings import set_date_params

from newsflow.tasks.core.ids import document_id, sha256_hex
from newsflow.tasks.core.schema import Document, Quarantine, RawDocument, writable_text
from newsflow.tasks.core.settings import MAX_HTML_TAGS, MAX_INPUT_BYTES, MAX_TAG_ATTRIBUTES
from newsflow.tasks.extract.decode import decode_bytes
from newsflow.tasks.extract.layout import PageText, lay_out
from newsflow.tasks.extract.parse import parse_page
from newsflow.tasks.extract.visible import visible_page


@dataclass(frozen=True, slots=True)
class Extracted:
    """What trafilatura made of a page: the main text (paragraphs on their own lines) and metadata."""

    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    site_name: str | None = None
    url: str | None = None
    page: PageText | None = None  # the whole visible text with `text` in its place


@dataclass(frozen=True, slots=True)
class ExtractionSettings:
    """trafilatura's options that decide what the main text is (bench/quality.py compares them)."""

    favor_precision: bool = True
    favor_recall: bool = False
    include_tables: bool = True
    # trafilatura's `fast`: no comparison with its fallback extractors (readability, jusText). Measured,
    # not chosen: 37% less CPU in trafilatura on the 181 AEB pages (0.85 of 2.2 s), but F1 0.938
    # against 0.967 on the reported half of AEB (bench/QUALITY.md).
    fast: bool = False
    # favor_precision only on pages that say they are an article (`says_article`); every other page
    # with trafilatura's balanced setting, which keeps a forum's replies, a programme's listings and a
    # product's specifications that the precision setting drops (bench/QUALITY.md: bench/pages_web).
    precision_on_articles_only: bool = True

    def for_page(self, tree: HtmlElement) -> ExtractionSettings:
        """The settings a page is extracted with."""
        if self.favor_precision and self.precision_on_articles_only and not says_article(tree):
            return dataclasses.replace(self, favor_precision=False)
        return self


# Chosen on the tuning half of AEB (bench/QUALITY.md, "Settings chosen on half of AEB"): favor_precision
# with tables has the best F1 there, and on the reported half and the general-web pages too.
EXTRACTION = ExtractionSettings()
# When the cleaner finds no article text at all in what EXTRACTION kept (a page whose precise
# extraction is a reprint notice and a link, AEB's barrons.com page), trafilatura's default balance
# is asked again (tasks/pipeline/batches.py): the article is elsewhere on the page.
FALLBACK_EXTRACTION = ExtractionSettings(favor_precision=False)


def extract_html(html: str, url: str | None = None, settings: ExtractionSettings = EXTRACTION) -> Extracted:
    """The main text and metadata of an HTML page; empty text when trafilatura finds none."""
    tree = parse_page(html)  # parsed once, for the metadata, the visible text and (copied by trafilatura) the text
    if tree is None:
        return Extracted(text="", url=url)
    meta = page_metadata(tree, url)
    text = page_text(tree, url, settings.for_page(tree))
    return Extracted(
        text=text,
        page=lay_out(visible_page(tree), text),
        title=_clean(meta.title),
        authors=split_authors(meta.author),
        date=published_time(tree, meta.date) or _clean(meta.date),
        site_name=_clean(meta.sitename),
        url=_clean(meta.url) or url,
    )


# Where pages write their publication time with the time of day and, often, the UTC offset: Open
# Graph, schema.org microdata, Dublin Core, Parse.ly and Sailthru meta tags, <time datetime>, and
# JSON-LD. htmldate (which picks the date) returns only the day, whatever format it is asked for
# (htmldate 1.11: "2025-10-02T08:30:00+00:00" comes back as 2025-10-02, or 00:00 with a time format).
PUBLISHED_META_NAMES = frozenset({
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.created",
    "dcterms.issued", "sailthru.date", "parsely-pub-date", "date",
})
JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"')
CLOCK_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}")


def published_time(tree: HtmlElement, day: str | None) -> str | None:
    """The page's own publication timestamp with its time of day (and offset, if written), when it
    falls on `day`, the date htmldate chose; None when the page gives no time for that day."""
    if not day:
        return None
    for value in _published_values(tree):
        value = value.strip()
        if CLOCK_TIME.match(value) and value[:10] == day[:10]:
            return value
    return None


def _published_values(tree: HtmlElement) -> list[str]:
    """Publication timestamps as the page writes them: meta tags, <time> marked as the publication's,
    JSON-LD, then any <time>."""
    values = [meta.get("content") or "" for meta in tree.iter("meta")
              if (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower() in PUBLISHED_META_NAMES]
    values += [time.get("datetime") or "" for time in tree.iter("time")
               if (time.get("itemprop") or "").lower() == "datepublished" or time.get("pubdate") is not None]
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            values += JSON_LD_PUBLISHED.findall(script.text)
    # Last, any <time datetime>: many pages mark the byline's time with no itemprop; it counts only
    # on the day htmldate chose (published_time).
    values += [time.get("datetime") or "" for time in tree.iter("time")]
    return values


# What a page says it is: Open Graph's type, or a JSON-LD type of schema.org's Article family.
ARTICLE_OG_TYPE = "article"
ARTICLE_TYPE = r'"(?:\w*Article|\w*BlogPosting|Report)"'
MICRODATA_ARTICLE_TYPE = re.compile(r"schema\.org/(?:\w*Article|\w*BlogPosting|Report)\b")
JSON_LD_ARTICLE_TYPE = re.compile(rf'"@type"\s*:\s*(?:{ARTICLE_TYPE}|\[(?:\s*"[^"]*"\s*,)*\s*{ARTICLE_TYPE})')


def says_article(tree: HtmlElement) -> bool:
    """Whether the page declares itself an article: og:type "article", or a microdata or JSON-LD Article,
    NewsArticle (and the other *Article types), BlogPosting or Report. 170 of AEB's 181 news pages
    do; forums, shops, recipes, listings and service pages declare other types or none."""
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:type":
            if (meta.get("content") or "").strip().lower() == ARTICLE_OG_TYPE:
                return True
    if any(MICRODATA_ARTICLE_TYPE.search(itemtype) for itemtype in tree.xpath("//@itemtype")):
        return True
    return any((script.get("type") or "").lower() == "application/ld+json" and script.text
               and JSON_LD_ARTICLE_TYPE.search(script.text) is not None for script in tree.iter("script"))


def page_text(tree: HtmlElement, url: str | None, settings: ExtractionSettings = EXTRACTION) -> str:
    """trafilatura's main text of a parsed page, paragraphs on their own lines."""
    # Comments leak into the text with trafilatura's default include_comments=True (docs/STACK.md).
    # favor_precision: on the 181 AEB pages, with newsflow's rules after it, F1 0.970 (bench/QUALITY.md's
    # newsflow row) against 0.966 with trafilatura's default balance (bench/quality.py's newsflow_body
    # and metric with favor_precision=False: precision 0.959 instead of 0.975).
    result = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, with_metadata=False, deduplicate=False,
        favor_precision=settings.favor_precision, favor_recall=settings.favor_recall,
        include_tables=settings.include_tables, fast=settings.fast,
    )
    # A Document, never a dict: as_dict is left False (trafilatura's return type allows both).
    return (result.text if isinstance(result, PageMetadata) else None) or ""


def page_metadata(tree: HtmlElement, url: str | None) -> PageMetadata:
    """trafilatura's `extract_metadata` without the categories, tags and licence newsflow does not
    keep: on the 181 AEB pages this takes 0.72-0.96 s against extract_metadata's 0.94-1.40 s
    (the sum of each page's best of five, two runs on a 2-core x86-64 VM), 8-9% of the whole
    extraction. Same steps, same order, same answers (tests/test_extract.py holds it to the original)."""
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
    meta.date = written_date(tree, meta.url)
    meta.sitename = _site_name(meta.sitename or tm.extract_sitename(tree), meta.url)
    meta.clean_and_trim()
    return meta


def written_date(tree: HtmlElement, url: str | None) -> str | None:
    """htmldate's publication day, unless htmldate made the day up. Its extensive search ends, when
    no full date is found, with the first of a month it found written as month and year, or the
    1st of January of the page's copyright year ("© 2024" gives 2024-01-01): a date newsflow never
    invents (tasks/enrich/dates.py). Such a first of the month is kept only when htmldate's search
    of the page's markup and URL alone, which uses no such fallback, finds it too; otherwise the
    page's publication stamp, URL or text decide."""
    day = find_date(tree, **{**set_date_params(True), "url": url})
    if day and day.endswith("-01") and find_date(tree, **{**set_date_params(False), "url": url}) != day:
        return None
    return day


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


# Pages that make lxml's C code itself slow, where the time limit (tasks/core/timelimit.py) cannot
# interrupt it, are refused before they are parsed. Measured with cProfile and by sampling the
# extracting thread's stack (trafilatura 2.3.1, lxml 6.1.3, a 2-core x86-64 VM with 24 GB of RAM,
# running other jobs):
# - trafilatura #704's shape, a 540 KB page whose <div> has 50,000 attributes: extract_html
#   4.7-8.4 s, of which lxml's parse 1.8-3.3 s (one C call: libxml2's HTML parser checks each
#   attribute of a tag against those before it) and 2.6-4.8 s one `attrib.items()` that htmldate
#   calls on the <div> (one C call: lxml looks each value up by name through the list);
#   trafilatura's and htmldate's Python code under 0.1 s. Both calls grow with the square of
#   the attributes: 100,000 of them (1 MB) take 85 s, a 17 s parse among them.
# - many nodes: trafilatura's `xpath("//p//text()")` (libxml2 merges node sets checking each new
#   node against those already in) takes 0.4 s for 25,000 paragraphs, 8 s for 100,000, 33 s for
#   200,000 (a 2 MB page of `<p>word</p>`; 4.4 MB of them ran 6 minutes past a 30 s limit),
#   and 9 s for one paragraph of 30,000 inline tags. Under MAX_HTML_TAGS, the longest C call
#   measured is 5 s (one paragraph of 20,000 inline tags, a page done in 6 s), under 0.2 s for
#   20,000 paragraphs, list items, links, cells, divs or line breaks; 7 MB of text in 1 to
#   15,000 paragraphs is extracted in 2-3 s.
# The check costs 0.11 ms on an AEB page (0.6% of its extraction), 20-25 ms on the 540 KB page.
_START_TAG = re.compile(r"<[A-Za-z]")
_TAG = re.compile(r"""<[A-Za-z](?:[^<>"']++|"[^"]*+"|'[^']*+')*+""")
_VALUE = re.compile(r"""\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*)""")
_RAW_TEXT_EDGE = re.compile(r"<(/?)(?:script|style)\b", re.IGNORECASE)  # no tags within these


def pathological_html(html: str) -> str | None:
    """Why lxml would take minutes on this page (too many tags, or a tag of too many
    attributes), or None."""
    if html.count("<") > MAX_HTML_TAGS and (tags := len(_START_TAG.findall(html))) > MAX_HTML_TAGS:
        return (f"{tags:,} tags (at most {MAX_HTML_TAGS:,}): the XPath queries of trafilatura take time in the "
                "square of a page's nodes, in C code that a time limit cannot interrupt")
    return _many_attributes(html)


def _many_attributes(html: str) -> str | None:
    """Why a tag of this page has too many attributes for lxml, or None.

    A tag of more than MAX_TAG_ATTRIBUTES attributes spans over twice as many characters, and
    (unless its values are full of them: this is for accidents, not adversaries) holds a whole
    window of MAX_TAG_ATTRIBUTES characters with no < or >: only such windows are looked into
    (on a normal page, in a long text, script or attribute value), each stretch of them once."""
    step = MAX_TAG_ATTRIBUTES
    edges: tuple[list[int], list[bool]] | None = None  # where <script> and <style> open and close
    checked = 0  # everything before this was looked into already
    for window in range(0, len(html), step):
        if window < checked or html.find(">", window, window + step) >= 0 or html.find("<", window, window + step) >= 0:
            continue
        start = html.rfind("<", 0, window)
        tag = _TAG.match(html, start) if start >= 0 else None  # reads quoted values whole, as libxml2
        if tag is None or tag.end() < window + step:
            after = html.find("<", window + step)
            checked = len(html) if after < 0 else after
            continue  # text between tags, not inside one
        checked = tag.end()
        if edges is None:
            found = list(_RAW_TEXT_EDGE.finditer(html))
            edges = [m.start() for m in found], [not m[1] for m in found]
        before = bisect.bisect_left(edges[0], start) - 1
        if before >= 0 and edges[1][before]:
            continue  # inside a script or a style: text, not a tag
        words = _VALUE.sub(" ", tag.group()).split()
        if len(words) - 1 > MAX_TAG_ATTRIBUTES:
            return (f"a <{words[0][1:80]}> tag with {len(words) - 1:,} attributes (at most {MAX_TAG_ATTRIBUTES:,}): "
                    "lxml's time grows with the square of a tag's attributes (trafilatura #704), in C code "
                    "that a time limit cannot interrupt")
    return None


def extracted_again(doc: Document, settings: ExtractionSettings) -> Document | None:
    """An HTML document extracted again from its page with other settings; None when that finds no text."""
    if doc.raw_html is None:
        return None
    page = extract_html(doc.raw_html, url=doc.url, settings=settings)
    if not page.text.strip() or page.page is None:
        return None
    return dataclasses.replace(doc, raw_text=page.page.text, main_text=page.page.main_text, layout=page.page.layout)


def writable_raw(raw: RawDocument) -> RawDocument:
    """`raw` with lone surrogates (JSON escapes such as "\\ud800", file names that are not
    UTF-8) in its text fields replaced by U+FFFD: UTF-8 cannot encode them, and a row holding
    one would fail the writing of its whole batch."""
    changes: dict[str, Any] = {}  # field name -> its value with lone surrogates replaced
    for item in dataclasses.fields(raw):
        value = getattr(raw, item.name)
        if isinstance(value, str) and writable_text(value) != value:
            changes[item.name] = writable_text(value)
        elif isinstance(value, tuple) and any(isinstance(v, str) and writable_text(v) != v for v in value):
            changes[item.name] = tuple(writable_text(v) if isinstance(v, str) else v for v in value)
    return dataclasses.replace(raw, **changes) if changes else raw


def prepare_document(raw: RawDocument) -> Document | Quarantine:
    """Decode an input and, for HTML, extract its main text and metadata."""
    raw = writable_raw(raw)
    digest = sha256_hex(raw.data)

    def quarantine(reason: str, detail: str) -> Quarantine:
        return Quarantine(raw.source_uri, reason, detail, len(raw.data), digest)

    if len(raw.data) > MAX_INPUT_BYTES:
        return quarantine("too_large", f"{len(raw.data)} bytes, over the {MAX_INPUT_BYTES} byte cap")
    decoded = decode_bytes(raw.data, raw.media_type)
    if decoded.text is None:
        return quarantine(decoded.problem or "undecodable", decoded.detail)
    document = Document(
        doc_id=document_id(raw.source_uri, digest),
        source_uri=raw.source_uri,
        source_kind=raw.source_kind,
        media_type=raw.media_type,
        content_sha256=digest,
        raw_text=decoded.text,
        encoding=decoded.encoding,
        url=raw.url,
        title=raw.title,
        published_at=raw.published_at,
        published_at_source="jsonl" if raw.published_at else None,
        problems=raw.problems,
    )
    if raw.media_type != "text/html":
        return document
    hazard = pathological_html(decoded.text)
    if hazard:
        return quarantine("pathological_html", hazard)
    page = extract_html(decoded.text, url=raw.url)
    if not page.text.strip() or page.page is None:
        return quarantine("no_text_extracted", "trafilatura found no main text in the HTML")
    return dataclasses.replace(
        document,
        raw_text=page.page.text,
        main_text=page.page.main_text,
        layout=page.page.layout,
        raw_html=decoded.text,
        url=raw.url or page.url,
        site_name=page.site_name,
        title=raw.title or page.title,
        authors=page.authors,
        published_at=raw.published_at or page.date,
        published_at_source=document.published_at_source or ("html_meta" if page.date else None),
    )
