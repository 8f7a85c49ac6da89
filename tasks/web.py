"""Inputs from the web: URL lists and RSS/Atom feeds, fetched politely.

Politeness and safety: a user agent that says who we are, robots.txt obeyed, at most
`per_host` requests at once to one host, timeouts, retries with exponential backoff on
timeouts, connection errors, 429 and 5xx (never on other 4xx), a body size cap, redirects
followed. Conditional GET (ETag / Last-Modified, kept in `<data>/_state/http_cache.json`) makes
a fetch of an unchanged page or feed cost one 304 and yield nothing; the caller saves the
cache only after the fetched documents are committed, so a run that dies refetches rather
than loses them. Every URL ends as a RawDocument, a Quarantine row with a reason, or an
"unchanged" count; none raises.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
import urllib.robotparser
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import httpx

from tasks.schema import Quarantine, RawDocument

USER_AGENT = "newsflow/0.1 (+https://github.com/newsflow/newsflow)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True, slots=True)
class FetchOptions:
    timeout: float = 10.0
    retries: int = 3
    backoff: float = 0.5  # seconds before the first retry; doubles each time
    max_bytes: int = 5_000_000
    per_host: int = 2
    workers: int = 8
    user_agent: str = USER_AGENT


@dataclass(slots=True)
class FetchResult:
    documents: list[RawDocument] = field(default_factory=list)
    quarantined: list[Quarantine] = field(default_factory=list)
    unchanged: int = 0

    def add(self, other: FetchResult) -> None:
        self.documents += other.documents
        self.quarantined += other.quarantined
        self.unchanged += other.unchanged


@dataclass(frozen=True, slots=True)
class Response:
    url: str
    status: int
    content_type: str
    body: bytes
    etag: str | None
    last_modified: str | None


class HttpCache:
    """ETag and Last-Modified per URL, in a JSON file written atomically."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.entries: dict[str, dict[str, str]] = json.loads(self.path.read_text()) if self.path.exists() else {}
        self.lock = threading.Lock()

    def headers_for(self, url: str) -> dict[str, str]:
        entry = self.entries.get(url, {})
        headers = {}
        if entry.get("etag"):
            headers["If-None-Match"] = entry["etag"]
        if entry.get("last_modified"):
            headers["If-Modified-Since"] = entry["last_modified"]
        return headers

    def remember(self, url: str, response: Response) -> None:
        with self.lock:
            self.entries[url] = {k: v for k, v in (("etag", response.etag), ("last_modified", response.last_modified)) if v}

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(self.entries, indent=1, sort_keys=True))
        os.replace(temporary, self.path)


class TooLarge(Exception):
    """The body went past the size cap."""


class Fetcher:
    """One run's HTTP client: a connection pool, per-host limits and robots.txt answers."""

    def __init__(self, options: FetchOptions, cache: HttpCache) -> None:
        self.options = options
        self.cache = cache
        self.client = httpx.Client(timeout=options.timeout, follow_redirects=True, headers={"User-Agent": options.user_agent})
        self.hosts: dict[str, threading.Semaphore] = defaultdict(lambda: threading.Semaphore(options.per_host))
        self.robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self.lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def allowed(self, url: str) -> bool:
        """What the site's robots.txt says of `url` for our user agent (allowed when it has none)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self.lock:  # one robots.txt request per host, however many threads ask at once
            if origin not in self.robots:
                self.robots[origin] = self._robots(origin)
        return self.robots[origin].can_fetch(self.options.user_agent, url)

    def _robots(self, origin: str) -> urllib.robotparser.RobotFileParser:
        parser = urllib.robotparser.RobotFileParser()
        try:
            answer = self.client.get(f"{origin}/robots.txt")
            parser.parse(answer.text.splitlines() if answer.status_code == 200 else [])
        except httpx.HTTPError:
            parser.parse([])
        return parser

    def get(self, url: str, conditional: bool = True) -> Response:
        """GET with retries and backoff on transient failures; raises the last error."""
        headers = self.cache.headers_for(url) if conditional else {}
        for attempt in range(self.options.retries + 1):
            try:
                with self.hosts[urlsplit(url).netloc]:
                    response = self._get_once(url, headers)
                if response.status not in RETRY_STATUSES or attempt == self.options.retries:
                    return response
            except (httpx.TimeoutException, httpx.TransportError):
                if attempt == self.options.retries:
                    raise
            time.sleep(self.options.backoff * 2**attempt)
        raise AssertionError("unreachable")  # the loop returns or raises on its last attempt

    def _get_once(self, url: str, headers: dict[str, str]) -> Response:
        with self.client.stream("GET", url, headers=headers) as answer:
            body = bytearray()
            for chunk in answer.iter_bytes():
                body += chunk
                if len(body) > self.options.max_bytes:
                    raise TooLarge(f"over {self.options.max_bytes} bytes")
            return Response(str(answer.url), answer.status_code, answer.headers.get("content-type", ""), bytes(body),
                            answer.headers.get("etag"), answer.headers.get("last-modified"))


def read_url_list(path: Path) -> list[str]:
    """The URLs of a list file: one a line; blank lines and # comments ignored."""
    lines = (line.split("#", 1)[0].strip() for line in Path(path).read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def fetch_page(fetcher: Fetcher, url: str, title: str | None = None, published: str | None = None,
               kind: str = "url") -> FetchResult:
    """One page as a document, a quarantine row, or unchanged."""
    result = FetchResult()

    def quarantine(reason: str, detail: str, body: bytes = b"") -> FetchResult:
        digest = hashlib.sha256(body).hexdigest() if body else None
        result.quarantined.append(Quarantine(url, reason, detail, len(body), digest))
        return result

    if not urlsplit(url).scheme.startswith("http"):
        return quarantine("bad_url", "not an http(s) URL")
    try:
        if not fetcher.allowed(url):
            return quarantine("robots_disallowed", f"robots.txt disallows {USER_AGENT.split()[0]} here")
        response = fetcher.get(url)
    except TooLarge as error:
        return quarantine("too_large", str(error))
    except httpx.TimeoutException:
        return quarantine("timeout", f"no answer within {fetcher.options.timeout} s, {fetcher.options.retries + 1} tries")
    except httpx.HTTPError as error:
        return quarantine("http_error", f"{type(error).__name__}: {error}")
    if response.status == 304:
        result.unchanged += 1
        return result
    if response.status != 200:
        return quarantine(f"http_{response.status}", f"the server answered {response.status}", response.body)
    if not response.content_type.lower().startswith(HTML_TYPES + ("text/plain",)):
        return quarantine("unsupported_media_type", f"{response.content_type or 'no content type'}", response.body)
    media_type = "text/plain" if response.content_type.lower().startswith("text/plain") else "text/html"
    result.documents.append(RawDocument(url, kind, media_type, response.body, url=response.url, title=title,
                                        published_at=published))
    fetcher.cache.remember(url, response)
    return result


def fetch_urls(urls: list[str], options: FetchOptions, cache: HttpCache) -> FetchResult:
    """Every URL fetched (concurrently, at most `per_host` a host), as documents or quarantine rows."""
    return _fetch_all([(url, None, None, "url") for url in dict.fromkeys(urls)], options, cache)


def fetch_feeds(feed_urls: list[str], options: FetchOptions, cache: HttpCache) -> FetchResult:
    """The entries of RSS/Atom feeds, each entry's page fetched; unchanged feeds cost one 304."""
    fetcher = Fetcher(options, cache)
    result, pages = FetchResult(), []
    try:
        for feed_url in dict.fromkeys(feed_urls):
            entries = _feed_entries(fetcher, feed_url, result)
            pages += [(link, title, published, "rss") for link, title, published in entries]
    finally:
        fetcher.close()
    result.add(_fetch_all(pages, options, cache))
    return result


def _feed_entries(fetcher: Fetcher, feed_url: str, result: FetchResult) -> list[tuple[str, str | None, str | None]]:
    try:
        response = fetcher.get(feed_url)
    except (httpx.HTTPError, TooLarge) as error:
        result.quarantined.append(Quarantine(feed_url, "feed_unreachable", f"{type(error).__name__}: {error}", 0, None))
        return []
    if response.status == 304:
        result.unchanged += 1
        return []
    parsed = feedparser.parse(response.body)
    if response.status != 200 or (parsed.bozo and not parsed.entries):
        detail = f"status {response.status}, {getattr(parsed, 'bozo_exception', 'no entries')}"
        result.quarantined.append(Quarantine(feed_url, "bad_feed", detail, len(response.body), None))
        return []
    fetcher.cache.remember(feed_url, response)
    return [(e.get("link"), e.get("title"), e.get("published") or e.get("updated")) for e in parsed.entries if e.get("link")]


def _fetch_all(pages: list[tuple], options: FetchOptions, cache: HttpCache) -> FetchResult:
    fetcher = Fetcher(options, cache)
    result = FetchResult()
    try:
        with ThreadPoolExecutor(max_workers=options.workers) as pool:
            for part in pool.map(lambda page: fetch_page(fetcher, *page), pages):
                result.add(part)
    finally:
        fetcher.close()
    return result
