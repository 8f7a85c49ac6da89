"""A fake news site with RSS feeds on 127.0.0.1 (or another loopback address), for the web-source
tests: well-behaved pages, and servers that misbehave in every way a fetcher must survive."""

from __future__ import annotations

import base64
import gzip
import random
import ssl
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.utils import formatdate
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

ARTICLE = ("<html><head><title>{title}</title></head><body><nav>Home | World | Sign in</nav><article><h1>{title}</h1>"
           "<p>{title}: officials said on Monday that the plan would go ahead after months of talks between the city "
           "and the regional government, and that work would start in the spring.</p><p>The project will cost about "
           "40 million euros, most of it paid by the region, a spokesperson for the transport department said.</p>"
           "</article></body></html>")
LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)
DRIP_SECONDS = 30  # how long /drip would go on: far past every deadline the tests set


class Site:
    """What the fake site serves, and what it was asked for."""

    def __init__(self) -> None:
        self.hits: Counter = Counter()
        self.requests: list[tuple[str, float, str]] = []  # path, time.monotonic(), Host header
        self.base = ""
        self.robots: tuple[int, bytes] = (200, b"User-agent: *\nDisallow: /private/\n")
        self.robots_gate: threading.Event | None = None  # robots.txt answers only once it is set
        self.feeds: dict[str, list[tuple[str | None, str | None]]] = {}  # /feeds/<name>.xml: (title, link) entries
        self.feed_body: bytes = b""  # what /raw-feed.xml answers
        self.dripping = threading.Event()  # set when /drip starts answering
        self.closing = threading.Event()  # set at teardown: ends every drip and gate
        self.server_names: list[str | None] = []  # the SNI of each TLS handshake

    def feed(self) -> bytes:
        return rss([(t, f"{self.base}{p}") for t, p in [
            ("Tram line approved", "/news/tram"), ("Ferry strike called", "/news/ferry"),
            ("Gone story", "/news/gone"), ("Private story", "/private/secret")]])


def rss(entries: list[tuple[str | None, str | None]]) -> bytes:
    """An RSS document of (title, link) entries; None leaves the element out."""
    items = "".join("<item>" + (f"<title>{t}</title>" if t is not None else "")
                    + (f"<link>{link}</link>" if link is not None else "")
                    + "<pubDate>Mon, 13 Jan 2025 08:00:00 GMT</pubDate></item>" for t, link in entries)
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Fake</title>{items}</channel></rss>".encode()


@cache
def gzip_bomb() -> bytes:
    """20 MB of zeros in about 20 KB."""
    return gzip.compress(bytes(20_000_000), compresslevel=9)


@cache
def gzip_big() -> bytes:
    """300 KB of text that compresses only to about 230 KB: over a 250 KB cap only once decoded."""
    text = base64.b64encode(random.Random(7).randbytes(225_000))
    return gzip.compress(b"<p>" + text + b"</p>")


def handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep test output clean
            pass

        def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", **headers) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            if "Content_Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            path = urlsplit(self.path).path
            site.hits[self.path] += 1
            site.requests.append((self.path, time.monotonic(), self.headers.get("Host", "")))
            try:
                route = ROUTES.get(path) or next((r for prefix, r in PREFIXES if path.startswith(prefix)), None)
                (route or (lambda h: h.send(404, b"no such page")))(self)
            except OSError:  # the client hung up (a cap or a deadline it keeps): nothing to answer
                pass

        def article(self) -> None:
            cached = self.headers.get("If-None-Match") == '"v1"'
            if self.path == "/news/gone":
                self.send(404, b"not found")
            elif self.path == "/news/tram":
                self.send(304, b"") if cached else self.send(200, ARTICLE.format(title="Tram line approved").encode(),
                                                             ETag='"v1"')
            else:
                title = "Ferry strike called" if self.path == "/news/ferry" else f"Story {self.path}"
                self.send(200, ARTICLE.format(title=title).encode())

        def robots(self) -> None:
            if site.robots_gate is not None:
                site.robots_gate.wait(20)  # the test releases it; 20 s only so a failing test ends
            self.send(site.robots[0], site.robots[1], "text/plain")

        def feed(self) -> None:
            cached = self.headers.get("If-None-Match") == '"v1"'
            self.send(304, b"") if cached else self.send(200, site.feed(), "application/rss+xml", ETag='"v1"',
                                                         Last_Modified=LAST_MODIFIED)

        def named_feed(self) -> None:
            name = self.path.removeprefix("/feeds/").removesuffix(".xml")
            self.send(200, rss(site.feeds.get(name, [])), "application/rss+xml")

        def drip(self) -> None:
            """Headers at once, then a byte every 2 s: never idle long, never done."""
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(DRIP_SECONDS))
            self.end_headers()
            self.wfile.flush()
            site.dripping.set()
            for _ in range(DRIP_SECONDS // 2):
                if site.closing.wait(2):
                    return
                self.wfile.write(b"x")
                self.wfile.flush()

        def declared_huge(self) -> None:
            """Says a gigabyte follows, then sends nothing: only a fetcher that reads would wait."""
            self.send(200, b"", Content_Length="1000000000")
            self.wfile.flush()
            site.closing.wait(DRIP_SECONDS)

        def redirect(self) -> None:
            self.send(302, b"", Location=parse_qs(urlsplit(self.path).query)["to"][0])

        def busy(self) -> None:
            """429 asking for a second's rest, then the page."""
            if site.hits[self.path] == 1:
                self.send(429, b"slow down", Retry_After="1")
            else:
                self.send(200, ARTICLE.format(title="Busy page").encode())

    ROUTES: dict[str, Callable] = {
        "/robots.txt": Handler.robots,
        "/feed.xml": Handler.feed,
        "/raw-feed.xml": lambda h: h.send(200, site.feed_body, "application/rss+xml"),
        "/private/secret": lambda h: h.send(200, b"secret"),
        "/flaky": lambda h: h.send(500, b"oops") if site.hits["/flaky"] == 1 else h.send(
            200, ARTICLE.format(title="Flaky page recovered").encode()),
        "/broken": lambda h: h.send(503, b"down"),
        "/hang-up": lambda h: None,  # the connection closes without an answer
        # Answers only at teardown: later than any timeout a test sets, however loaded the machine.
        "/slow": lambda h: (site.closing.wait(DRIP_SECONDS), h.send(200, b"<p>late</p>")),
        "/moved": lambda h: h.send(301, b"", Location="/news/ferry"),
        "/loop": lambda h: h.send(302, b"", Location="/loop"),
        "/to-ftp": lambda h: h.send(302, b"", Location="ftp://127.0.0.1/file"),
        "/to-private": lambda h: h.send(302, b"", Location="/private/secret"),
        "/redirect": Handler.redirect,
        "/report.pdf": lambda h: h.send(200, b"%PDF-1.7", "application/pdf"),
        "/huge": lambda h: h.send(200, b"<p>" + b"x" * 300_000 + b"</p>"),
        "/declared-huge": Handler.declared_huge,
        "/drip": Handler.drip,
        "/gzip-small": lambda h: h.send(200, gzip.compress(ARTICLE.format(title="Zipped").encode()),
                                        Content_Encoding="gzip"),
        "/gzip-big": lambda h: h.send(200, gzip_big(), Content_Encoding="gzip"),
        "/gzip-bomb": lambda h: h.send(200, gzip_bomb(), Content_Encoding="gzip"),
        "/brotli": lambda h: h.send(200, b"\x1b\x03\x00\xf8", Content_Encoding="br"),
        "/busy": Handler.busy,
        "/busy-long": lambda h: h.send(503, b"maintenance", Retry_After="3600"),
        "/busy-date": lambda h: h.send(429, b"slow down", Retry_After=formatdate(time.time() + 3600, usegmt=True)),
    }
    PREFIXES = [("/news/", Handler.article), ("/late/", Handler.article), ("/feeds/", Handler.named_feed)]
    return Handler


def self_signed_tls(name: str) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A server context with a fresh certificate for `name`, and a client context trusting only it."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
                   .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
                   .not_valid_after(now + datetime.timedelta(days=1))
                   .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
                   .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                   .sign(key, hashes.SHA256()))
    certificate_pem = certificate.public_bytes(serialization.Encoding.PEM)
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with tempfile.TemporaryDirectory() as folder:  # load_cert_chain reads files only
        (Path(folder) / "cert.pem").write_bytes(certificate_pem)
        (Path(folder) / "key.pem").write_bytes(key_pem)
        server.load_cert_chain(Path(folder) / "cert.pem", Path(folder) / "key.pem")
    return server, ssl.create_default_context(cadata=certificate_pem.decode())


@contextmanager
def fake_site(host: str = "127.0.0.1", tls: ssl.SSLContext | None = None) -> Iterator[Site]:
    """The site on `host` (any loopback address), on a free port; over TLS with `tls`."""
    site = Site()
    server = ThreadingHTTPServer((host, 0), handler_for(site))
    site.base = f"{'https' if tls else 'http'}://{host}:{server.server_address[1]}"
    if tls is not None:
        tls.sni_callback = lambda connection, name, context: site.server_names.append(name)
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.closing.set()
        if site.robots_gate is not None:
            site.robots_gate.set()
        server.shutdown()
        server.server_close()
