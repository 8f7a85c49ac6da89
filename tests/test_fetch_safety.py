"""Fetching that stays safe and bounded whatever the input and whatever the server does:
bad URLs, duplicates, size caps, deadlines, stops, private addresses, robots.txt, Retry-After."""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fakesite import fake_site, rss, self_signed_tls

import newsflow.tasks.sources.netguard as netguard
import newsflow.tasks.sources.web as web
from newsflow.tasks.core.schema import Quarantine, RawDocument
from newsflow.tasks.sources.http_cache import HttpCache
from newsflow.tasks.sources.netguard import is_public_address
from newsflow.tasks.sources.web import (
    TRANSIENT_REASONS,
    FetchOptions,
    WebCounts,
    iter_web_inputs,
    read_url_list,
    retry_after_seconds,
)

# Wide margins: a deadline or timeout the tests do not exercise is far longer than the test.
LOCAL = FetchOptions(timeout=5, deadline=10, retries=0, backoff=0.01, max_bytes=100_000, per_host=2, workers=4,
                     allow_private_hosts=True)


@pytest.fixture()
def site():
    with fake_site() as running:
        yield running


def fresh_cache() -> HttpCache:
    return HttpCache(Path("/nonexistent/newsflow-http-cache.json"))  # empty, and never saved


def fetch(urls=(), feeds=(), options=LOCAL, stop=None) -> tuple[list, WebCounts]:
    counts = WebCounts()
    return list(iter_web_inputs(list(urls), list(feeds), options, fresh_cache(), counts, stop)), counts


def by_uri(items) -> dict[str, RawDocument | Quarantine]:
    return {item.source_uri: item for item in items}


def page_hits(site) -> int:
    return sum(n for path, n in site.hits.items() if path.startswith("/news/"))


# --- 1. Nothing raises --------------------------------------------------------------------------


def test_bad_urls_are_quarantined_never_raised():
    bad = ["http://[::1", "http://a.example/\x00x", "http://a.example/a b", "http://a.example/\x07bell",
           "ftp://a.example/file", "javascript:alert(1)", "", "http://", "http://a.example:99999/", "mailto:x@y.example",
           "http://a.example/" + "x" * 10_000]
    items, counts = fetch(bad)
    assert [(q.reason, q.size_bytes, q.content_sha256) for q in items] == [("bad_url", 0, None)] * len(bad)
    assert all(len(q.detail) < 200 for q in items)
    assert by_uri(items)["ftp://a.example/file"].detail.startswith("not an http(s) URL")
    assert counts.urls_seen == len(bad) and counts.duplicates_skipped == 0


def test_read_url_list_never_raises_on_content(tmp_path):
    path = tmp_path / "urls.txt"
    path.write_bytes(b"\xef\xbb\xbfhttp://a.example/1\n\xff\xfe\x00http://b.example/\x00x\r\n\nhttp://c.example/2  # c\n")
    urls = read_url_list(path)
    assert urls[0] == "http://a.example/1" and urls[2] == "http://c.example/2" and "\ufffd" in urls[1]
    items, _ = fetch(urls[1:2])
    assert [q.reason for q in items] == ["bad_url"]


def test_feed_entries_without_or_with_bad_links(site):
    feed = site.base + "/feeds/odd.xml"
    site.feeds["odd"] = [("No link", None), ("Empty link", ""), ("Spaces", "http://a.example/a b"),
                         ("Good", site.base + "/news/good")]
    items, _ = fetch(feeds=[feed])
    found = by_uri(items)
    assert found[f"{feed}#entry-1"].reason == "feed_entry_without_link"
    assert found[f"{feed}#entry-2"].reason == "bad_url"  # a blank link is named by its entry
    assert found["http://a.example/a b"].reason == "bad_url"
    assert isinstance(found[site.base + "/news/good"], RawDocument)
    assert len(items) == 4


def test_an_unexpected_error_is_a_capped_fetch_error(site, monkeypatch):
    def explode(self, url, max_bytes):
        raise RuntimeError("boom " * 1_000)

    monkeypatch.setattr(web.Fetcher, "fetch", explode)
    [row], _ = fetch([site.base + "/news/a"])
    assert row.reason == "fetch_error" and row.detail.startswith("RuntimeError: boom") and len(row.detail) <= 1_000


def test_network_failures_are_transient(site):
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]  # closed again before the fetch: nothing listens there
    items, _ = fetch([f"http://127.0.0.1:{port}/news/a", site.base + "/hang-up"])
    refused, hung_up = items if items[0].source_uri.endswith("/news/a") else items[::-1]
    # RFC 9309: a robots.txt unreachable for network errors disallows the host for this run.
    assert refused.reason == "robots_unavailable" and "ConnectError" in refused.detail
    assert hung_up.reason == "http_error" and "RemoteProtocolError" in hung_up.detail
    assert {refused.reason, hung_up.reason} <= TRANSIENT_REASONS


# --- 2. Exactly once ----------------------------------------------------------------------------


def test_each_url_is_fetched_and_yielded_once(site):
    base = site.base
    site.feeds["x"] = [("A", base + "/news/a"), ("C", base + "/news/c"), ("C again", base + "/news/c#comments")]
    site.feeds["y"] = [("C", base + "/news/c"), ("D", base + "/news/d")]
    urls = [base + "/news/a", base + "/news/a#top", "HTTP://" + base.removeprefix("http://") + "/news/a", base + "/news/b"]
    feeds = [base + "/feeds/x.xml", base + "/feeds/y.xml", base + "/feeds/x.xml"]
    items, counts = fetch(urls, feeds)
    uris = [item.source_uri for item in items]
    assert sorted(uris) == [base + f"/news/{p}" for p in "abcd"]
    assert all(isinstance(item, RawDocument) for item in items)
    assert {p: site.hits[f"/news/{p}"] for p in "abcd"} == dict.fromkeys("abcd", 1)
    assert site.hits["/feeds/x.xml"] == 1
    assert (counts.urls_seen, counts.duplicates_skipped) == (4 + 3 + 5, 2 + 1 + 3)


# --- 3. Caps before memory ----------------------------------------------------------------------


def test_caps_count_declared_and_decoded_bytes(site):
    options = replace(LOCAL, max_bytes=250_000)
    paths = ["/declared-huge", "/gzip-big", "/brotli", "/gzip-small"]
    items, _ = fetch([site.base + p for p in paths], options=options)
    found = {uri.removeprefix(site.base): item for uri, item in by_uri(items).items()}
    # Refused on its header: reading the body would have waited for bytes that never come.
    assert found["/declared-huge"].reason == "too_large" and "Content-Length" in found["/declared-huge"].detail
    assert found["/gzip-big"].reason == "too_large" and "decoded" in found["/gzip-big"].detail
    assert found["/brotli"].reason == "unsupported_encoding"
    assert found["/gzip-small"].data.startswith(b"<html><head><title>Zipped")


def test_a_compression_bomb_is_refused_early(site):
    options = replace(LOCAL, max_bytes=50_000_000)
    [row], _ = fetch([site.base + "/gzip-bomb"], options=options)
    assert row.reason == "too_large" and "compression" in row.detail and row.size_bytes < 20_000_000


def test_robots_txt_is_read_only_to_its_cap(site):
    filler = b"# " + b"x" * 1_000 + b"\n"
    site.robots = (200, b"User-agent: *\nDisallow: /private/\n" + filler * 600 + b"Disallow: /late/\n")
    items, _ = fetch([site.base + "/late/story", site.base + "/private/secret"])
    found = by_uri(items)
    assert isinstance(found[site.base + "/late/story"], RawDocument)  # its rule lies past 512 KiB
    assert found[site.base + "/private/secret"].reason == "robots_disallowed"


def test_feed_documents_are_capped(site):
    site.feeds["long"] = [(f"Story {n}", f"{site.base}/news/{n}") for n in range(100)]
    options = replace(LOCAL, feed_max_bytes=2_000)
    [row], _ = fetch(feeds=[site.base + "/feeds/long.xml"], options=options)
    assert row.reason == "too_large" and page_hits(site) == 0


def test_feeds_are_streamed_a_window_at_a_time(site):
    site.feeds["many"] = [(f"Story {n}", f"{site.base}/news/{n}") for n in range(40)]
    options = replace(LOCAL, workers=2)
    pages = iter_web_inputs([], [site.base + "/feeds/many.xml"], options, fresh_cache(), WebCounts())
    assert sum(site.hits.values()) == 0  # nothing is fetched before the caller asks
    first = next(pages)
    assert isinstance(first, RawDocument) and page_hits(site) <= 2 * options.workers
    assert len([first, *pages]) == 40 and page_hits(site) == 40


def test_a_feed_counts_as_read_only_once_all_its_entries_are(site):
    """Its ETag is kept only then: a run stopped half-way must not make the next one see a 304
    and never fetch the rest."""
    feed = site.base + "/feeds/many.xml"
    site.feeds["many"] = [(f"Story {n}", f"{site.base}/news/{n}") for n in range(20)]
    cache = fresh_cache()
    pages = iter_web_inputs([], [feed], replace(LOCAL, workers=1), cache, WebCounts())
    first = next(pages)
    pages.close()  # the caller stops reading: fetches end, nothing more is fetched
    assert feed not in cache.entries and set(cache.entries) == {first.source_uri}
    assert page_hits(site) <= 2
    list(iter_web_inputs([], [feed], LOCAL, cache, WebCounts()))
    assert feed in cache.entries and len(cache.entries) == 21


def test_options_that_would_hang_the_run_are_refused():
    for bad in ({"per_host": 0}, {"workers": 0}, {"deadline": 0}, {"retries": -1}):
        with pytest.raises(ValueError):
            FetchOptions(**bad)


def test_feedparser_never_reads_a_local_file(site, tmp_path):
    local_feed = tmp_path / "feed.xml"
    local_feed.write_bytes(rss([("Local", site.base + "/news/local")]))
    site.feed_body = str(local_feed).encode()  # a feed whose whole body is a path on our disk
    [row], _ = fetch(feeds=[site.base + "/raw-feed.xml"])
    assert row.reason == "bad_feed" and site.hits["/news/local"] == 0


# --- 4. Time ------------------------------------------------------------------------------------


def test_a_deadline_cuts_off_a_server_that_drips(site):
    options = replace(LOCAL, deadline=1.0, timeout=5.0)
    started = time.monotonic()
    [row], _ = fetch([site.base + "/drip"], options=options)
    assert row.reason == "timeout" and "deadline" in row.detail and row.reason in TRANSIENT_REASONS
    assert time.monotonic() - started < 10  # the server would drip for 30 s; it is a byte every 2 s


def test_stop_ends_fetches_in_progress_and_leaves_the_rest(site):
    stop = threading.Event()
    threading.Thread(target=lambda: (site.dripping.wait(20), stop.set()), daemon=True).start()
    options = replace(LOCAL, workers=1, deadline=30.0, timeout=30.0)
    started = time.monotonic()
    items, _ = fetch([site.base + "/drip", site.base + "/news/a", site.base + "/news/b"], options=options, stop=stop)
    assert items == []  # the drip aborted, the rest never started: nothing quarantined, next run tries all
    assert page_hits(site) == 0 and site.hits["/drip"] == 1
    assert time.monotonic() - started < 10


def test_a_stop_set_beforehand_fetches_nothing(site):
    stop = threading.Event()
    stop.set()
    items, _ = fetch([site.base + "/news/a"], [site.base + "/feed.xml"], stop=stop)
    assert items == [] and sum(site.hits.values()) == 0


# --- 5. Safe addresses --------------------------------------------------------------------------


def test_the_default_refuses_loopback_without_connecting(site):
    options = FetchOptions(retries=0)
    items, _ = fetch([site.base + "/news/a", "http://169.254.169.254/latest/meta-data/",
                      f"http://[::ffff:127.0.0.1]:{site.base.rsplit(':', 1)[1]}/news/b"], [site.base + "/feed.xml"],
                     options=options)
    assert {q.reason for q in items} == {"blocked_address"} and len(items) == 4
    assert sum(site.hits.values()) == 0  # not even robots.txt


def test_a_redirect_to_a_private_address_is_refused(monkeypatch):
    """The origin on 127.0.0.2 stands for a public server (only that address is let through);
    it redirects to the fake site on 127.0.0.1, which must not be contacted."""
    really_public = netguard.is_public_address
    monkeypatch.setattr(netguard, "is_public_address", lambda ip: ip == "127.0.0.2" or really_public(ip))
    with fake_site("127.0.0.2") as public, fake_site("127.0.0.1") as private:
        public.robots = private.robots = (404, b"")
        urls = [f"{public.base}/redirect?to={private.base}/news/a", f"{public.base}/redirect?to=http://169.254.169.254/",
                public.base + "/news/fine"]
        items, _ = fetch(urls, options=FetchOptions(retries=0))
        found = by_uri(items)
        assert [found[u].reason for u in urls[:2]] == ["blocked_address", "blocked_address"]
        assert isinstance(found[urls[2]], RawDocument)
        assert sum(private.hits.values()) == 0


def test_dns_answers_are_vetted_and_the_host_header_kept(site, monkeypatch):
    port = int(site.base.rsplit(":", 1)[1])
    answers = {"inward.example": [(socket.AF_INET, ("127.0.0.1", port))],
               "mixed.example": [(socket.AF_INET, ("93.184.216.34", port)), (socket.AF_INET, ("127.0.0.1", port))]}
    monkeypatch.setattr(netguard, "resolve_host", lambda host, port: answers[host])
    urls = [f"http://inward.example:{port}/news/a", f"http://mixed.example:{port}/news/b"]
    items, _ = fetch(urls, options=FetchOptions(retries=0))
    assert [by_uri(items)[u].reason for u in urls] == ["blocked_address", "blocked_address"]
    assert sum(site.hits.values()) == 0
    [document], _ = fetch(urls[:1])  # allowed: connects to the vetted address, asks for the named host
    assert isinstance(document, RawDocument)
    assert {host for path, _, host in site.requests} == {f"inward.example:{port}"}


def test_https_keeps_the_host_name_for_sni_and_the_certificate(monkeypatch):
    """Connecting to the vetted IP changes nothing above TCP: TLS is done for the URL's host."""
    pytest.importorskip("cryptography")
    server_tls, client_tls = self_signed_tls("news.example")
    monkeypatch.setattr(netguard.httpx, "create_ssl_context", lambda **_: client_tls)
    with fake_site(tls=server_tls) as site:
        port = int(site.base.rsplit(":", 1)[1])
        monkeypatch.setattr(netguard, "resolve_host", lambda host, port: [(socket.AF_INET, ("127.0.0.1", port))])
        [document], _ = fetch([f"https://news.example:{port}/news/a"])
        assert isinstance(document, RawDocument) and document.data.startswith(b"<html>")
        assert set(site.server_names) == {"news.example"}
        assert {host for path, _, host in site.requests} == {f"news.example:{port}"}
        [refused], _ = fetch([f"{site.base}/news/a"])  # by IP the certificate does not match
        assert refused.reason == "robots_unavailable" and "CERTIFICATE_VERIFY_FAILED" in refused.detail


@pytest.mark.parametrize("address, public", [
    ("8.8.8.8", True), ("2606:4700:4700::1111", True), ("127.0.0.1", False), ("10.1.2.3", False),
    ("192.168.1.1", False), ("172.16.0.1", False), ("169.254.169.254", False), ("100.64.0.1", False),
    ("0.0.0.0", False), ("224.0.0.1", False), ("240.0.0.1", False), ("255.255.255.255", False), ("::1", False),
    ("::", False), ("fe80::1%eth0", False), ("fc00::1", False), ("ff02::1", False), ("::ffff:127.0.0.1", False),
    ("::ffff:169.254.169.254", False), ("::ffff:8.8.8.8", True), ("2002:7f00:1::", False), ("64:ff9b::a00:1", False),
])
def test_public_addresses(address, public):
    assert is_public_address(address) is public


def test_redirects_are_checked_hop_by_hop(site):
    paths = ["/loop", "/to-ftp", "/to-private", "/moved"]
    items, _ = fetch([site.base + p for p in paths])
    found = {uri.removeprefix(site.base): item for uri, item in by_uri(items).items()}
    assert found["/loop"].reason == "too_many_redirects" and site.hits["/loop"] == 6
    assert found["/to-ftp"].reason == "bad_url" and "ftp://" in found["/to-ftp"].detail
    assert found["/to-private"].reason == "robots_disallowed" and site.hits["/private/secret"] == 0
    assert found["/moved"].url == site.base + "/news/ferry"


# --- 6. robots.txt and the server's pace --------------------------------------------------------


def test_robots_txt_answering_5xx_disallows_the_host(site):
    site.robots = (503, b"down")
    options = replace(LOCAL, retries=1)
    items, _ = fetch([site.base + "/news/a", site.base + "/news/b"], options=options)
    assert {q.reason for q in items} == {"robots_unavailable"} and len(items) == 2
    assert page_hits(site) == 0 and site.hits["/robots.txt"] == 2  # one read a run, retried once


def test_robots_txt_answering_4xx_allows_all(site):
    site.robots = (404, b"")
    items, _ = fetch([site.base + "/private/secret"])
    assert [type(item) for item in items] == [RawDocument]


def test_crawl_delay_spaces_requests_to_a_host(site):
    site.robots = (200, b"User-agent: *\nCrawl-delay: 0.5\n")
    options = replace(LOCAL, per_host=3)
    items, _ = fetch([site.base + f"/news/{n}" for n in range(3)], options=options)
    assert len(items) == 3
    starts = sorted(t for path, t, _ in site.requests if path.startswith("/news/"))
    assert min(b - a for a, b in zip(starts, starts[1:])) >= 0.5  # one ends, 0.5 s pass, the next starts


def test_retry_after_is_honoured_or_given_up_on(site):
    options = replace(LOCAL, retries=2)
    items, _ = fetch([site.base + p for p in ("/busy", "/busy-long", "/busy-date")], options=options)
    found = {uri.removeprefix(site.base): item for uri, item in by_uri(items).items()}
    assert isinstance(found["/busy"], RawDocument) and site.hits["/busy"] == 2
    first, second = [t for path, t, _ in site.requests if path == "/busy"]
    assert second - first >= 0.9  # it asked for a second
    # An hour is past max_retry_after: given up at once for this run, as a passing cause.
    assert (found["/busy-long"].reason, site.hits["/busy-long"]) == ("http_503", 1)
    assert (found["/busy-date"].reason, site.hits["/busy-date"]) == ("http_429", 1)
    assert {"http_503", "http_429"} <= TRANSIENT_REASONS


def test_retry_after_reads_seconds_and_http_dates():
    now = datetime(2025, 1, 13, 8, 0, tzinfo=UTC)
    assert retry_after_seconds("120", now) == 120.0
    assert retry_after_seconds("Mon, 13 Jan 2025 08:00:30 GMT", now) == 30.0
    assert retry_after_seconds("Mon, 13 Jan 2025 07:00:00 GMT", now) == 0.0  # already past
    assert [retry_after_seconds(v, now) for v in (None, "", "soon", "-5", "1e9x")] == [None] * 5


def test_a_slow_robots_txt_stalls_only_its_own_host():
    with fake_site("127.0.0.1") as slow, fake_site("127.0.0.2") as quick:
        slow.robots_gate = threading.Event()
        urls = [slow.base + "/news/a", slow.base + "/news/b", quick.base + "/news/c"]
        pages = iter_web_inputs(urls, [], LOCAL, fresh_cache(), WebCounts())
        first = next(pages)
        assert first.source_uri == quick.base + "/news/c"  # while the slow host's robots.txt hangs
        slow.robots_gate.set()
        rest = list(pages)
        assert sorted(item.source_uri for item in rest) == urls[:2]
        assert slow.hits["/robots.txt"] == 1  # both pages waited on the one read


# --- 8. Quarantine rows and reasons -------------------------------------------------------------


def test_quarantine_rows_carry_the_body_read(site):
    [row], _ = fetch([site.base + "/news/gone"])
    assert (row.reason, row.size_bytes, row.content_sha256) == ("http_404", 9, hashlib.sha256(b"not found").hexdigest())


def test_transient_reasons_are_the_passing_ones():
    assert {"timeout", "http_error", "http_429", "http_500", "http_503", "robots_unavailable"} <= TRANSIENT_REASONS
    lasting = {"bad_url", "blocked_address", "too_large", "http_404", "robots_disallowed", "unsupported_media_type",
               "too_many_redirects", "feed_entry_without_link", "bad_feed", "fetch_error"}
    assert not lasting & TRANSIENT_REASONS
