"""Fetching from a fake news site on 127.0.0.1: errors, retries, robots, caps, conditional GET."""

from __future__ import annotations

import pytest
from fakesite import fake_site

from newsflow.tasks.sources.http_cache import HttpCache
from newsflow.tasks.sources.web import FetchOptions, fetch_feeds, fetch_urls, read_url_list

FAST = FetchOptions(timeout=0.5, retries=2, backoff=0.01, max_bytes=100_000, per_host=2, workers=4, allow_private_hosts=True)


@pytest.fixture()
def site():
    with fake_site() as running:
        yield running


def reasons(result) -> dict[str, str]:
    return {q.source_uri.rsplit("/", 1)[-1]: q.reason for q in result.quarantined}


def test_url_list_fetch_outcomes(site, tmp_path):
    paths = ["/news/ferry", "/news/gone", "/flaky", "/broken", "/slow", "/moved", "/report.pdf", "/huge", "/private/secret"]
    result = fetch_urls([site.base + p for p in paths], FAST, HttpCache(tmp_path / "cache.json"))
    fetched = {d.source_uri.rsplit("/", 1)[-1]: d for d in result.documents}
    assert sorted(fetched) == ["ferry", "flaky", "moved"]
    assert fetched["moved"].url == site.base + "/news/ferry" and fetched["moved"].source_kind == "url"
    assert reasons(result) == {"gone": "http_404", "broken": "http_503", "slow": "timeout", "report.pdf":
                               "unsupported_media_type", "huge": "too_large", "secret": "robots_disallowed"}
    assert site.hits["/flaky"] == 2 and site.hits["/broken"] == 3 and site.hits["/news/gone"] == 1
    assert site.hits["/private/secret"] == 0 and site.hits["/robots.txt"] == 1


def test_feeds_and_conditional_get(site, tmp_path):
    cache = HttpCache(tmp_path / "_state" / "http_cache.json")
    first = fetch_feeds([site.base + "/feed.xml"], FAST, cache)
    assert sorted(d.title for d in first.documents) == ["Ferry strike called", "Tram line approved"]
    assert {d.source_kind for d in first.documents} == {"rss"} and first.documents[0].published_at.startswith("Mon")
    assert reasons(first) == {"gone": "http_404", "secret": "robots_disallowed"}
    cache.save()
    again = fetch_feeds([site.base + "/feed.xml"], FAST, HttpCache(tmp_path / "_state" / "http_cache.json"))
    assert (again.documents, again.quarantined, again.unchanged) == ([], [], 1)
    assert site.hits["/feed.xml"] == 2 and site.hits["/news/tram"] == 1


def test_url_list_file(tmp_path):
    path = tmp_path / "urls.txt"
    path.write_text("# morning list\nhttps://a.example/1\n\nhttps://b.example/2  # second\n")
    assert read_url_list(path) == ["https://a.example/1", "https://b.example/2"]


def test_url_list_lines_longer_than_any_url_are_not_held_and_become_bad_urls(tmp_path, site):
    path = tmp_path / "urls.txt"
    path.write_bytes(b"\xef\xbb\xbf" + site.base.encode() + b"/news/ferry\n" + b"x" * 5_000_000 + b"\n\xff\xfe/\n")
    urls = read_url_list(path)
    assert urls[0] == site.base + "/news/ferry" and len(urls) == 3 and len(urls[1]) < 200
    result = fetch_urls(urls, FAST, HttpCache(tmp_path / "cache.json"))
    assert len(result.documents) == 1 and sorted(q.reason for q in result.quarantined) == ["bad_url", "bad_url"]
