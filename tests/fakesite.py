"""A fake news site with an RSS feed on 127.0.0.1, for the web-source tests."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE = ("<html><head><title>{title}</title></head><body><nav>Home | World | Sign in</nav><article><h1>{title}</h1>"
           "<p>{title}: officials said on Monday that the plan would go ahead after months of talks between the city "
           "and the regional government, and that work would start in the spring.</p><p>The project will cost about "
           "40 million euros, most of it paid by the region, a spokesperson for the transport department said.</p>"
           "</article></body></html>")
LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)


class Site:
    """What the fake site serves, and what it was asked for."""

    def __init__(self) -> None:
        self.hits: Counter = Counter()
        self.base = ""

    def feed(self) -> bytes:
        items = "".join(
            f"<item><title>{t}</title><link>{self.base}{p}</link><pubDate>Mon, 13 Jan 2025 08:00:00 GMT</pubDate></item>"
            for t, p in [("Tram line approved", "/news/tram"), ("Ferry strike called", "/news/ferry"),
                         ("Gone story", "/news/gone"), ("Private story", "/private/secret")])
        return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Fake</title>{items}</channel></rss>".encode()


def handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep test output clean
            pass

        def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", **headers) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            site.hits[self.path] += 1
            cached = self.headers.get("If-None-Match") == '"v1"'
            routes = {
                "/robots.txt": lambda: self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain"),
                "/feed.xml": lambda: self.send(304, b"") if cached else self.send(
                    200, site.feed(), "application/rss+xml", ETag='"v1"', Last_Modified=LAST_MODIFIED),
                "/news/tram": lambda: self.send(304, b"") if cached else self.send(
                    200, ARTICLE.format(title="Tram line approved").encode(), ETag='"v1"'),
                "/news/ferry": lambda: self.send(200, ARTICLE.format(title="Ferry strike called").encode()),
                "/news/gone": lambda: self.send(404, b"not found"),
                "/private/secret": lambda: self.send(200, b"secret"),
                "/flaky": lambda: self.send(500, b"oops") if site.hits["/flaky"] == 1 else self.send(
                    200, ARTICLE.format(title="Flaky page recovered").encode()),
                "/broken": lambda: self.send(503, b"down"),
                "/slow": lambda: (time.sleep(1.5), self.send(200, b"<p>late</p>")),
                "/moved": lambda: self.send(301, b"", Location="/news/ferry"),
                "/report.pdf": lambda: self.send(200, b"%PDF-1.7", "application/pdf"),
                "/huge": lambda: self.send(200, b"<p>" + b"x" * 300_000 + b"</p>"),
            }
            routes.get(self.path, lambda: self.send(404, b"no such page"))()

    return Handler


@contextmanager
def fake_site() -> Iterator[Site]:
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
