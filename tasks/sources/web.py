"""Inputs from the web: URL lists and RSS/Atom feeds, fetched politely, safely and within bounds.

`iter_web_inputs` yields every listed page (and every entry of every feed) as a RawDocument or a
Quarantine row as soon as it is fetched; an unchanged page or feed (conditional GET, with the
validators tasks/sources/http_cache.py keeps) costs one 304, yields nothing and is counted. Nothing raises
for any input.

- Exactly once: a URL (fragment dropped, scheme and host lowercased) listed twice, in two feeds,
  or in the list and a feed is fetched and yielded once a run.
- Politeness: a user agent that says who we are; robots.txt (RFC 9309, parsed by protego) obeyed
  on every redirect hop, its Crawl-delay kept per host; at most `per_host` requests at once to a
  host; retries with jittered exponential backoff on timeouts, connection errors, 429 and 5xx,
  and the server's Retry-After honoured.
- Safety: http and https only; by default connections only to public addresses, checked on the
  address connected for every hop (tasks/sources/netguard.py); redirects followed by hand, at most
  `max_redirects`. robots.txt answering 5xx or unreachable disallows its host for the run.
- Bounds: a cap on the decoded body (Content-Length checked first, compression bombs refused),
  on robots.txt and on feeds; a deadline for each whole response besides the idle timeout; at
  most 2 x `workers` pages in memory; a `stop` event that ends every fetch within a second or so
  (URLs not fetched are neither yielded nor quarantined: the next run tries them).

A Quarantine's reason tells a passing cause from a lasting one; tasks/core/schema.py `is_passing`
decides which the flow retries next run (among them `TRANSIENT_REASONS`, the network's and the
servers' passing causes).
"""

from __future__ import annotations

import hashlib
import io
import random
import threading
import time
from collections import defaultdict, deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from itertools import chain
from pathlib import Path

import feedparser
import httpx
from protego import Protego

from newsflow.tasks.core.schema import HTML_MEDIA_TYPES, Quarantine, RawDocument, capped
from newsflow.tasks.sources.http_cache import HttpCache
from newsflow.tasks.sources.netguard import (
    MAX_URL_CHARS,
    SLICE,
    BadUrl,
    FetchRefused,
    GuardedTransport,
    Stop,
    Stopped,
    normalise_url,
    origin_of,
    within_deadline,
)
from newsflow.tasks.sources.streams import capped_lines, open_regular

USER_AGENT = "newsflow/0.1 (+https://github.com/newsflow/newsflow)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Reasons worth another try next run: the server or the network may be fine by then.
TRANSIENT_REASONS: frozenset[str] = frozenset(
    {"timeout", "http_error", "robots_unavailable", "http_408", "http_425", "http_429"}
    | {f"http_{status}" for status in range(500, 600)}
)

MAX_COMPRESSION_RATIO = 100  # decoded:received beyond this (past 1 MiB) is a compression bomb, not a page
RATIO_FLOOR = 1024 * 1024
# We can decode these with a bounded ratio (deflate's is ~1,032:1); br and zstd can inflate one
# small read to gigabytes before any cap is checked, so we never ask for them and refuse them.
CONTENT_ENCODINGS = frozenset({"identity", "gzip", "deflate"})


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """Every limit of fetching; the CLI options and flow parameters use these names."""

    timeout: float = 10.0
    """Seconds without progress (resolving, connecting, or between two reads) before an attempt fails."""
    deadline: float = 30.0
    """Seconds for one whole response: connect, headers and body. A server dripping bytes is cut off."""
    retries: int = 3
    """Further attempts after a timeout, a connection error, 429 or 5xx (never after another 4xx)."""
    backoff: float = 0.5
    """Seconds before the first retry, doubling each time, each wait jittered by +-50%."""
    max_retry_after: float = 60.0
    """Longest Retry-After (429/503) waited for; a longer one is given up on until the next run."""
    max_bytes: int = 5_000_000
    """Largest page body, counted decoded (after gzip/deflate); a larger one is quarantined `too_large`."""
    feed_max_bytes: int = 10_000_000
    """Largest feed document, counted decoded."""
    robots_max_bytes: int = 512 * 1024
    """Bytes of a robots.txt read and parsed (RFC 9309 asks for at least 500 KiB); the rest is ignored."""
    max_redirects: int = 5
    """Redirect hops followed; each is checked for scheme, address and robots.txt."""
    max_crawl_delay: float = 30.0
    """Longest robots.txt Crawl-delay kept between two requests to a host (a day-long one would stall the run)."""
    per_host: int = 2
    """Requests at once to one host (scheme, host and port)."""
    workers: int = 8
    """Fetching threads; at most about 2 x workers pages are held in memory at once."""
    user_agent: str = USER_AGENT
    """Sent with every request; its first word (product token) is what robots.txt rules are matched on."""
    allow_private_hosts: bool = False
    """Also connect to loopback, private, link-local and other non-public addresses (tests, intranets)."""

    def __post_init__(self) -> None:
        # Refused at once: a zero here would hang the run (no request slot ever free) or refuse every page.
        for name in ("timeout", "deadline", "max_bytes", "feed_max_bytes", "robots_max_bytes", "per_host", "workers"):
            if not getattr(self, name) > 0:
                raise ValueError(f"FetchOptions.{name} must be positive, not {getattr(self, name)!r}")
        for name in ("retries", "backoff", "max_retry_after", "max_redirects", "max_crawl_delay"):
            if not getattr(self, name) >= 0:
                raise ValueError(f"FetchOptions.{name} must not be negative, not {getattr(self, name)!r}")


@dataclass(slots=True)
class WebCounts:
    """What a run of `iter_web_inputs` did besides yielding."""

    unchanged: int = 0  # pages and feeds that answered 304 Not Modified
    urls_seen: int = 0  # URLs read from the URL list, the feed list and feed entries, duplicates included
    duplicates_skipped: int = 0  # of those, the ones already seen this run


@dataclass(slots=True)
class FetchResult:
    documents: list[RawDocument] = field(default_factory=list)
    quarantined: list[Quarantine] = field(default_factory=list)
    unchanged: int = 0


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # where the answer came from, after redirects
    status: int
    content_type: str
    body: bytes
    etag: str | None
    last_modified: str | None
    retry_after: str | None = None
    location: str | None = None  # set on a redirect, whose body is not read


# Why a URL is given up on, besides tasks/sources/netguard.py's BadUrl and BlockedAddress (the family's
# base, FetchRefused, is there too). Each carries a short detail; the reason is its class's `reason`.
class RobotsDisallowed(FetchRefused):
    reason = "robots_disallowed"


class RobotsUnavailable(FetchRefused):
    reason = "robots_unavailable"


class TooLarge(FetchRefused):
    reason = "too_large"


class TooManyRedirects(FetchRefused):
    reason = "too_many_redirects"


class UnsupportedEncoding(FetchRefused):
    reason = "unsupported_encoding"


# --- robots.txt and hosts -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Robots:
    """What one origin's robots.txt says: rules (None: allow all), or why it could not be read."""

    rules: Protego | None = None
    unavailable: str | None = None  # robots.txt unreachable (5xx, network): disallow all this run


def product_token(user_agent: str) -> str:
    """The name robots.txt rules are matched on: "newsflow" of "newsflow/0.1 (+https://...)"."""
    return (user_agent.split("/", 1)[0].split() or ["newsflow"])[0]


class Host:
    """One origin's request slots; under a Crawl-delay, its requests one at a time, `delay` apart."""

    def __init__(self, per_host: int) -> None:
        self.slots = threading.Semaphore(per_host)
        self.paced = threading.Lock()  # held through a request (of this host only) when it has a Crawl-delay
        self.last_done = -float("inf")  # time.monotonic() when its last paced request ended


# --- Fetching -----------------------------------------------------------------------------------


class Fetcher:
    """One run's HTTP client: a guarded connection pool, hosts' slots and robots.txt answers."""

    def __init__(self, options: FetchOptions, cache: HttpCache, stop: threading.Event | None = None) -> None:
        self.options = options
        self.cache = cache
        self.stop = Stop(stop)
        self.agent = product_token(options.user_agent)
        self.client = httpx.Client(transport=GuardedTransport(options.allow_private_hosts, keepalive=options.workers),
                                   timeout=options.timeout, trust_env=False, follow_redirects=False,
                                   headers={"User-Agent": options.user_agent, "Accept-Encoding": "gzip, deflate"})
        self.hosts: dict[str, Host] = defaultdict(lambda: Host(options.per_host))
        self.robots: dict[str, Future[Robots]] = {}
        self.lock = threading.Lock()  # guards the two dicts above only, never held during I/O

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str, max_bytes: int) -> Response:
        """`url` after redirects, conditional on what the cache knows of it; every hop is checked
        for scheme, address (at connect) and robots.txt."""
        return self._follow(url, self.cache.headers_for(url), max_bytes, obey_robots=True)

    def _follow(self, url: str, headers: dict[str, str], max_bytes: int, obey_robots: bool,
                truncate: bool = False) -> Response:
        for _ in range(self.options.max_redirects + 1):
            crawl_delay = self._obey_robots(url) if obey_robots else 0.0
            response = self._request(url, headers, max_bytes, crawl_delay, truncate)
            if response.location is None:
                return response
            url = _redirect_target(url, response.location)
        raise TooManyRedirects(f"more than {self.options.max_redirects} redirects")

    def _request(self, url: str, headers: dict[str, str], max_bytes: int, crawl_delay: float,
                 truncate: bool) -> Response:
        """One hop, retried with jittered backoff (or the server's Retry-After) on timeouts,
        connection errors, 429 and 5xx; raises the last error."""
        host = self._host(origin_of(url))
        for attempt in range(self.options.retries + 1):
            last = attempt == self.options.retries
            try:
                with self._slot(host, crawl_delay):
                    response = self._exchange(url, headers, max_bytes, truncate)
            except (httpx.TimeoutException, httpx.TransportError):
                if last:
                    raise
                self.stop.sleep(self._backoff(attempt))
                continue
            if response.status not in RETRY_STATUSES or last:
                return response
            pause = self._retry_wait(response, attempt)
            if pause is None:
                return response  # the server asks for longer than we wait: next run
            self.stop.sleep(pause)
        raise AssertionError("unreachable")  # the loop returns or raises on its last attempt

    def _exchange(self, url: str, headers: dict[str, str], max_bytes: int, truncate: bool) -> Response:
        """One request and its answer, all within the deadline."""
        with (within_deadline(self.options.deadline, self.stop),
              self.client.stream("GET", url, headers=headers) as answer):
            location = answer.headers.get("location") if answer.status_code in REDIRECT_STATUSES else None
            if location is not None:
                body = b""  # not read: only where it points matters
            else:
                body = _read_body(answer, max_bytes, truncate=truncate or answer.status_code != 200)
            return Response(url, answer.status_code, answer.headers.get("content-type", ""), body,
                            answer.headers.get("etag"), answer.headers.get("last-modified"),
                            answer.headers.get("retry-after"), location)

    @contextmanager
    def _slot(self, host: Host, crawl_delay: float) -> Iterator[None]:
        """A request slot of `host`. A Crawl-delay is the time between one request's end and the
        next one's start, so with one the host's requests go one at a time."""
        self._acquire(host.slots)
        try:
            if crawl_delay <= 0:
                yield
                return
            self._acquire(host.paced)
            try:
                self.stop.sleep(host.last_done + crawl_delay - time.monotonic())
                yield
            finally:
                host.last_done = time.monotonic()
                host.paced.release()
        finally:
            host.slots.release()

    def _acquire(self, lock: threading.Semaphore | threading.Lock) -> None:
        while not lock.acquire(timeout=SLICE):
            if self.stop.is_set():
                raise Stopped()

    def _host(self, origin: str) -> Host:
        with self.lock:
            return self.hosts[origin]

    def _backoff(self, attempt: int) -> float:
        # Jitter keeps the retries of many URLs of one host from arriving together.
        return self.options.backoff * 2**attempt * random.uniform(0.5, 1.5)

    def _retry_wait(self, response: Response, attempt: int) -> float | None:
        """Seconds before the next attempt, or None to give up for this run."""
        asked = retry_after_seconds(response.retry_after) if response.status in (429, 503) else None
        if asked is None:
            return self._backoff(attempt)
        return asked if asked <= self.options.max_retry_after else None

    def _obey_robots(self, url: str) -> float:
        """The Crawl-delay to keep for `url`'s host; raises if robots.txt forbids it or is unavailable."""
        origin = origin_of(url)
        robots = self._robots(origin)
        if robots.unavailable is not None:
            raise RobotsUnavailable(f"robots.txt of {origin} unavailable ({robots.unavailable}): disallowed this run")
        if robots.rules is None:
            return 0.0
        if not robots.rules.can_fetch(url, self.agent):
            raise RobotsDisallowed(f"robots.txt of {origin} disallows {self.agent} here")
        return max(0.0, min(robots.rules.crawl_delay(self.agent) or 0.0, self.options.max_crawl_delay))

    def _robots(self, origin: str) -> Robots:
        """The origin's robots.txt, read once a run: the first thread to ask reads it, the others
        wait on its future, and threads fetching from other hosts wait for nothing."""
        with self.lock:
            reader = origin not in self.robots
            if reader:
                self.robots[origin] = Future()
            answer = self.robots[origin]
        if reader:
            try:
                answer.set_result(self._read_robots(origin))
            except BaseException as error:  # noqa: B036 (Stopped too: every waiter raises it)
                answer.set_exception(error)
        while not wait([answer], timeout=SLICE).done:
            if self.stop.is_set():
                raise Stopped()
        return answer.result()

    def _read_robots(self, origin: str) -> Robots:
        """RFC 9309: 2xx parsed (its first `robots_max_bytes`), 4xx allow all, 5xx or no answer
        after retries disallow all."""
        cap = self.options.robots_max_bytes
        try:
            response = self._follow(f"{origin}/robots.txt", {}, cap, obey_robots=False, truncate=True)
        except (httpx.TimeoutException, httpx.TransportError) as error:
            return Robots(unavailable=capped(f"{type(error).__name__}: {error}", 200))
        except FetchRefused:
            # Redirected to a bad URL or a blocked address, or in an encoding we refuse: "unavailable"
            # in RFC 9309's words, so allow all. A page of a blocked host is then refused on its own
            # request, as blocked_address.
            return Robots()
        # 429 is a 4xx, but it says "slow down", not "there are no rules": treat it as unreachable.
        if response.status >= 500 or response.status == 429:
            return Robots(unavailable=f"answered {response.status}")
        if not 200 <= response.status < 300:
            return Robots()
        return Robots(rules=Protego.parse(_whole_lines(response.body, cap).decode("utf-8", errors="replace")))


def _whole_lines(body: bytes, cap: int) -> bytes:
    """A body cut at the cap loses its last, partial line: "Disallow: /pri" would forbid too much."""
    return body if len(body) < cap else body[: body.rfind(b"\n") + 1]


def _redirect_target(url: str, location: str) -> str:
    try:
        target = str(httpx.URL(url).join(location))
    except (httpx.InvalidURL, ValueError) as error:
        raise BadUrl(capped(f"redirect to an invalid URL: {error}", 300)) from None
    try:
        return normalise_url(target)
    except BadUrl as error:
        raise BadUrl(capped(f"redirect to {target[:200]}: {error}", 300)) from None


def _read_body(answer: httpx.Response, cap: int, truncate: bool) -> bytes:
    """The decoded body, at most `cap` bytes: beyond it TooLarge, or with `truncate` the first
    `cap` bytes. A declared Content-Length over the cap is refused before reading anything."""
    encodings = [e.strip().lower() for e in answer.headers.get("content-encoding", "").split(",") if e.strip()]
    if any(encoding not in CONTENT_ENCODINGS for encoding in encodings):
        raise UnsupportedEncoding(f"content-encoding {answer.headers['content-encoding'][:100]!r} not accepted")
    declared = answer.headers.get("content-length", "")
    if not truncate and declared.isdigit() and int(declared) > cap:
        raise TooLarge(f"Content-Length {declared} over the {cap}-byte cap", int(declared))
    body = bytearray()
    try:
        for chunk in answer.iter_bytes():
            body += chunk
            if len(body) > cap:
                if truncate:
                    return bytes(body[:cap])
                raise TooLarge(f"over the {cap}-byte cap (decoded)", len(body))
            if len(body) > RATIO_FLOOR and len(body) > MAX_COMPRESSION_RATIO * answer.num_bytes_downloaded:
                raise TooLarge(f"compression over {MAX_COMPRESSION_RATIO}:1 ({len(body)} bytes from "
                               f"{answer.num_bytes_downloaded})", len(body))
    except httpx.DecodingError as error:
        raise UnsupportedEncoding(capped(f"undecodable {answer.headers.get('content-encoding')}: {error}", 300)) from None
    return bytes(body)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """A Retry-After header (seconds, or an HTTP date) as seconds from now; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _quarantine(source_uri: str, reason: str, detail: str, body: bytes = b"", size: int | None = None) -> Quarantine:
    digest = hashlib.sha256(body).hexdigest() if body else None
    # Quarantine caps the detail (a library's message can quote megabytes) and makes it writable.
    return Quarantine(source_uri, reason, detail, len(body) if size is None else size, digest)


def _quarantine_for(source_uri: str, error: Exception) -> Quarantine:
    """Why fetching `source_uri` failed, as a quarantine row with a reason per cause."""
    if isinstance(error, FetchRefused):
        return _quarantine(source_uri, error.reason, str(error), size=error.size)
    detail = f"{type(error).__name__}: {error}"
    if isinstance(error, httpx.TimeoutException):
        return _quarantine(source_uri, "timeout", detail)
    if isinstance(error, httpx.TransportError):  # refused, reset, unresolvable, broken HTTP
        return _quarantine(source_uri, "http_error", detail)
    return _quarantine(source_uri, "fetch_error", detail)


# --- Pages and feeds ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Page:
    """A page (or feed) to fetch: its normalised URL and what the list or feed said of it."""

    url: str
    kind: str  # url, rss or feed
    title: str | None = None
    published: str | None = None


@dataclass(slots=True)
class FeedRead:
    """What reading one feed gave: its entries, quarantine rows, or an unchanged feed.

    The feed's validators (`response`) are remembered only once every entry is fetched or
    skipped: a run stopped half-way must not leave the next run a 304 and the rest unread."""

    url: str
    entries: list[Listed] = field(default_factory=list)
    quarantined: list[Quarantine] = field(default_factory=list)
    unchanged: bool = False
    response: Response | None = None
    pending: int = 0  # entries not yet fetched or skipped


@dataclass(frozen=True, slots=True)
class Listed:
    """A URL as a list or a feed gave it, not yet checked."""

    text: str
    kind: str  # url, rss or feed
    title: str | None = None
    published: str | None = None
    feed: FeedRead | None = None  # the feed whose entry it is


@dataclass(frozen=True, slots=True)
class PageRead:
    """A fetched page: a document or a quarantine row, or None for an unchanged page (304)."""

    item: RawDocument | Quarantine | None
    response: Response | None = None  # a document's validators, remembered when it is yielded


def fetch_page(fetcher: Fetcher, page: Page) -> PageRead | None:
    """One page, read; None when the run was stopped first."""
    try:
        if fetcher.stop.is_set():
            return None
        return _page_outcome(page, fetcher.fetch(page.url, fetcher.options.max_bytes))
    except Stopped:
        return None
    except Exception as error:  # a URL never fails the run: whatever went wrong is its quarantine row
        return PageRead(_quarantine_for(page.url, error))


def _page_outcome(page: Page, response: Response) -> PageRead:
    if response.status == 304:
        return PageRead(None)
    if response.status != 200:
        return PageRead(_quarantine(page.url, f"http_{response.status}", f"the server answered {response.status}",
                                    response.body))
    content_type = response.content_type.lower()
    if not content_type.startswith(HTML_MEDIA_TYPES + ("text/plain",)):
        return PageRead(_quarantine(page.url, "unsupported_media_type", response.content_type[:200] or "no content type",
                                    response.body))
    media_type = "text/plain" if content_type.startswith("text/plain") else "text/html"
    document = RawDocument(page.url, page.kind, media_type, response.body, url=response.url, title=page.title,
                           published_at=page.published)
    return PageRead(document, response)


def read_feed(fetcher: Fetcher, feed: Page) -> FeedRead | None:
    """A feed's entries (links unchecked), or why it gave none; None when the run was stopped first."""
    try:
        if fetcher.stop.is_set():
            return None
        return _feed_outcome(feed.url, fetcher.fetch(feed.url, fetcher.options.feed_max_bytes))
    except Stopped:
        return None
    except Exception as error:  # as for pages: the feed's quarantine row, never the run's failure
        return FeedRead(feed.url, quarantined=[_quarantine_for(feed.url, error)])


def _feed_outcome(feed_url: str, response: Response) -> FeedRead:
    if response.status == 304:
        return FeedRead(feed_url, unchanged=True)
    if response.status != 200:
        return FeedRead(feed_url, quarantined=[_quarantine(feed_url, f"http_{response.status}",
                                                           f"the server answered {response.status}", response.body)])
    # A stream, never the bytes: given bytes, feedparser first tries them as a local file name,
    # so a feed whose body is "/etc/passwd" would be read from our disk.
    parsed = feedparser.parse(io.BytesIO(response.body), response_headers={"content-location": response.url})
    if parsed.bozo and not parsed.entries:
        detail = f"not a feed: {getattr(parsed, 'bozo_exception', 'no entries')}"
        return FeedRead(feed_url, quarantined=[_quarantine(feed_url, "bad_feed", detail, response.body)])
    read = FeedRead(feed_url, response=response)
    for number, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link")
        if link is None:
            detail = f"entry {str(entry.get('title', ''))[:200]!r} has no link"
            read.quarantined.append(_quarantine(f"{feed_url}#entry-{number}", "feed_entry_without_link", detail))
        elif not str(link).strip():  # named by its entry, as an empty source_uri would name nothing
            read.quarantined.append(_quarantine(f"{feed_url}#entry-{number}", "bad_url", "empty link"))
        else:
            read.entries.append(Listed(str(link), "rss", entry.get("title"),
                                       entry.get("published") or entry.get("updated"), feed=read))
    return read


class Admission:
    """Which listed URLs to fetch: each once a run; bad ones quarantined on the spot."""

    def __init__(self, counts: WebCounts) -> None:
        self.counts = counts
        self.seen: set[str] = set()

    def admit(self, listed: Listed) -> Page | Quarantine | None:
        """The page to fetch, a bad_url row, or None for a URL already seen this run."""
        self.counts.urls_seen += 1
        outcome: Page | Quarantine
        try:
            url = normalise_url(listed.text)
        except BadUrl as error:
            key, outcome = listed.text, _quarantine(listed.text.strip()[:MAX_URL_CHARS], "bad_url", str(error))
        else:
            key, outcome = url, Page(url, listed.kind, listed.title, listed.published)
        if key in self.seen:
            self.counts.duplicates_skipped += 1
            return None
        self.seen.add(key)
        return outcome


def iter_web_inputs(urls: list[str], feed_urls: list[str], options: FetchOptions, cache: HttpCache,
                    counts: WebCounts, stop: threading.Event | None = None) -> Iterator[RawDocument | Quarantine]:
    """Every page of `urls` and of the feeds' entries, as a document or a quarantine row, yielded
    as soon as it is fetched; `counts` is kept up to date.

    At most 2 x `workers` fetches are in flight (their pages are all that is held), feeds are read
    alongside pages and their entries fetched as they arrive. When `stop` is set (or the caller
    closes the iterator), fetches in progress end within a second and URLs not started are left
    for the next run: neither yielded nor quarantined."""
    fetcher = Fetcher(options, cache, stop)
    try:
        yield from _run(fetcher, urls, feed_urls, counts)
    finally:
        fetcher.stop.ours.set()
        fetcher.close()


def _run(fetcher: Fetcher, urls: list[str], feed_urls: list[str],
         counts: WebCounts) -> Iterator[RawDocument | Quarantine]:
    pages, feeds = Admission(counts), Admission(counts)
    entries: deque[Listed] = deque()  # links of the feeds read so far, fetched before more of the list
    listed = chain((Listed(url, "feed") for url in feed_urls), (Listed(url, "url") for url in urls))
    window = 2 * fetcher.options.workers
    with ThreadPoolExecutor(max_workers=fetcher.options.workers, thread_name_prefix="fetch") as pool:
        in_flight: dict[Future, Listed] = {}
        try:
            while True:
                while len(in_flight) < window and not fetcher.stop.is_set():
                    item = entries.popleft() if entries else next(listed, None)
                    if item is None:
                        break
                    admitted = (feeds if item.kind == "feed" else pages).admit(item)
                    if isinstance(admitted, Page):
                        in_flight[pool.submit(read_feed if item.kind == "feed" else fetch_page, fetcher, admitted)] = item
                        continue
                    if admitted is not None:
                        yield admitted
                    _entry_done(item.feed, fetcher.cache)  # a duplicate or a bad link: nothing to wait for
                if not in_flight:
                    return
                done, _ = wait(in_flight, timeout=SLICE, return_when=FIRST_COMPLETED)
                for future in done:
                    item = in_flight.pop(future)
                    yield from _outputs(future.result(), item, entries, fetcher.cache, counts)
        finally:
            fetcher.stop.ours.set()  # the caller stopped reading, or we are done: end every fetch
            for future in in_flight:
                future.cancel()


def _outputs(outcome: PageRead | FeedRead | None, item: Listed, entries: deque[Listed], cache: HttpCache,
             counts: WebCounts) -> Iterator[RawDocument | Quarantine]:
    if outcome is None:  # stopped: not yielded, and its feed is not marked read, so the next run tries it
        return
    if isinstance(outcome, FeedRead):
        counts.unchanged += outcome.unchanged
        outcome.pending = len(outcome.entries)
        entries.extend(outcome.entries)
        yield from outcome.quarantined
        if not outcome.entries and outcome.response is not None:
            cache.remember(outcome.url, outcome.response.etag, outcome.response.last_modified)
        return
    if outcome.item is None:
        counts.unchanged += 1
    else:
        if outcome.response is not None:
            cache.remember(outcome.item.source_uri, outcome.response.etag, outcome.response.last_modified)
        yield outcome.item
    _entry_done(item.feed, cache)


def _entry_done(feed: FeedRead | None, cache: HttpCache) -> None:
    """One more entry of `feed` fetched or skipped; with the last, the feed counts as read."""
    if feed is None:
        return
    feed.pending -= 1
    if feed.pending == 0 and feed.response is not None:
        cache.remember(feed.url, feed.response.etag, feed.response.last_modified)


def fetch_urls(urls: list[str], options: FetchOptions, cache: HttpCache) -> FetchResult:
    """Every URL fetched, as documents or quarantine rows (all in memory: iter_web_inputs streams)."""
    return _collect(urls, [], options, cache)


def fetch_feeds(feed_urls: list[str], options: FetchOptions, cache: HttpCache) -> FetchResult:
    """The entries of RSS/Atom feeds, each entry's page fetched; unchanged feeds cost one 304."""
    return _collect([], feed_urls, options, cache)


def _collect(urls: list[str], feed_urls: list[str], options: FetchOptions, cache: HttpCache) -> FetchResult:
    result, counts = FetchResult(), WebCounts()
    for item in iter_web_inputs(urls, feed_urls, options, cache, counts):
        if isinstance(item, RawDocument):
            result.documents.append(item)
        else:
            result.quarantined.append(item)
    result.unchanged = counts.unchanged
    return result


def read_url_list(path: Path) -> list[str]:
    """The URLs of a list file: one a line; blank lines and # comments ignored. Bytes that are not
    UTF-8 become U+FFFD (the URL is then quarantined as bad), never an error. The file is read a
    line at a time, and a line longer than any URL is not held: it stands as a placeholder that
    is quarantined `bad_url`."""
    urls = []
    with open_regular(Path(path)) as stream:
        for number, (line, size, _) in enumerate(capped_lines(stream, MAX_URL_CHARS), start=1):
            if line is None:
                urls.append(f"<line {number} of {path}: {size} bytes, longer than any URL>")
                continue
            text = line.decode("utf-8", errors="replace").lstrip("\ufeff").split("#", 1)[0].strip()
            if text:
                urls.append(text)
    return urls

