"""The network layer of fetching, below httpx: which URLs we fetch, which addresses we connect
to, and how long an exchange may take. tasks/sources/web.py builds its client on GuardedTransport; nothing
here knows of pages, feeds, robots.txt or redirects.

- URLs: http and https only, fragment dropped, scheme and host lowercased (`normalise_url`).
- Addresses: by default connections only to public addresses, checked on the address connected
  for every hop (GuardedBackend), so no second DNS lookup can steer a request inward.
- Time: besides the idle timeout, a deadline for each whole response (`within_deadline`) and a
  stop that ends every exchange within a second or so, however slowly the server drips; the
  resolver, the connect, the TLS handshake and every read wait in slices of `SLICE` seconds.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import selectors
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, wait
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import httpcore
import httpx

SLICE = 0.25  # longest single blocking wait, so a stop or a deadline is noticed this soon
READ_CHUNK = 16 * 1024  # bytes read from a socket at once: one gzip step inflates at most ~1,000x this
MAX_URL_CHARS = 8_192


# Why a URL is given up on. Each carries a short detail; the reason is its class's `reason`.
# tasks/sources/web.py adds the reasons of robots.txt, redirects and bodies.
class FetchRefused(Exception):
    reason = "fetch_error"

    def __init__(self, detail: str, size: int = 0) -> None:
        super().__init__(detail)
        self.size = size  # bytes of body seen before giving up


class BadUrl(FetchRefused):
    reason = "bad_url"


class BlockedAddress(FetchRefused):
    reason = "blocked_address"


class Stopped(Exception):
    """The run was asked to stop: the URL is neither yielded nor quarantined, so the next run tries it."""


# --- URLs and addresses -------------------------------------------------------------------------


def normalise_url(text: str) -> str:
    """`text` as the URL we fetch and name a document by: fragment dropped, scheme and host
    lowercased. Raises BadUrl for anything we would not fetch."""
    url = text.strip()
    if not url:
        raise BadUrl("empty link")
    if len(url) > MAX_URL_CHARS:
        raise BadUrl(f"longer than {MAX_URL_CHARS} characters")
    if any(ord(character) <= 0x20 or 0x7F <= ord(character) <= 0x9F for character in url):
        raise BadUrl("contains whitespace or control characters")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a port out of range or not a number)
    except ValueError as error:
        raise BadUrl(f"unparsable: {error}") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise BadUrl(f"not an http(s) URL (scheme {parts.scheme[:20]!r})")
    if not parts.hostname:
        raise BadUrl("no host")
    userinfo, at, host_port = parts.netloc.rpartition("@")
    normalised = urlunsplit((parts.scheme.lower(), userinfo + at + host_port.lower(), parts.path, parts.query, ""))
    try:
        httpx.URL(normalised)
    except (httpx.InvalidURL, ValueError) as error:
        raise BadUrl(f"invalid: {error}") from None
    return normalised


def origin_of(url: str) -> str:
    parts = httpx.URL(url)
    return f"{parts.scheme}://{parts.netloc.decode('ascii')}"


def is_public_address(text: str) -> bool:
    """Whether an IP address is on the public internet: not loopback, private, link-local (the
    cloud metadata service at 169.254.169.254), multicast, reserved or unspecified, also when
    written as IPv4 inside IPv6 (::ffff:127.0.0.1, 6to4)."""
    address = ipaddress.ip_address(text.split("%", 1)[0])  # drop an IPv6 zone (fe80::1%eth0)
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return is_public_address(str(address.ipv4_mapped))
        if address.sixtofour is not None and not is_public_address(str(address.sixtofour)):
            return False
    # is_global alone lets multicast through (224.0.0.1 is "global" to the ipaddress module).
    return address.is_global and not (address.is_multicast or address.is_private or address.is_loopback
                                      or address.is_link_local or address.is_reserved or address.is_unspecified)


def resolve_host(host: str, port: int) -> list[tuple[int, tuple]]:
    """The (family, socket address) pairs that `host` resolves to. Tests replace it."""
    answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    return list(dict.fromkeys((family, sockaddr) for family, _, _, _, sockaddr in answers))


# --- The network layer: deadlines, stops and address checks below httpx -------------------------


class Stop:
    """The caller's stop event, or ours (set when the caller stops reading): either ends every fetch."""

    def __init__(self, caller: threading.Event | None = None) -> None:
        self.caller = caller
        self.ours = threading.Event()

    def is_set(self) -> bool:
        return self.ours.is_set() or (self.caller is not None and self.caller.is_set())

    def sleep(self, seconds: float) -> None:
        """Wait `seconds`, or raise Stopped as soon as a stop is asked for."""
        end = time.monotonic() + seconds
        while not self.is_set():
            left = end - time.monotonic()
            if left <= 0:
                return
            self.ours.wait(min(SLICE, left))
        raise Stopped()


@dataclass(frozen=True, slots=True)
class Budget:
    """The limits of the response being exchanged on this thread, read by the network stream."""

    deadline: float  # time.monotonic() by which the whole response must be in
    seconds: float  # the deadline as configured, for the message
    stop: Stop


# httpx and httpcore run a synchronous request on the calling thread, so a context variable set
# around one exchange reaches every socket operation of it, including on a reused connection.
_budget: ContextVar[Budget | None] = ContextVar("newsflow_web_budget", default=None)


@contextmanager
def within_deadline(seconds: float, stop: Stop) -> Iterator[None]:
    """The exchange run inside (one request and its whole answer) must be done within `seconds`,
    and ends with Stopped once `stop` is set."""
    token = _budget.set(Budget(time.monotonic() + seconds, seconds, stop))
    try:
        yield
    finally:
        _budget.reset(token)


def _time_left(started: float, timeout: float | None, error: type[Exception]) -> float | None:
    """Seconds the current socket operation may still block (None: no limit); raises Stopped, or
    `error` once the idle timeout or the response's deadline has passed."""
    budget = _budget.get()
    if budget is not None and budget.stop.is_set():
        raise Stopped()
    now = time.monotonic()
    limits = []
    if timeout is not None:
        if now - started >= timeout:
            raise error(f"no progress for {timeout:g} s")
        limits.append(started + timeout - now)
    if budget is not None:
        if now >= budget.deadline:
            raise error(f"no complete answer within the {budget.seconds:g} s deadline")
        limits.append(budget.deadline - now)
    return min(limits, default=None)


def _slice(started: float, timeout: float | None, error: type[Exception]) -> float:
    left = _time_left(started, timeout, error)
    return SLICE if left is None else min(SLICE, left)


class GuardedStream(httpcore.NetworkStream):
    """A socket whose reads and TLS handshake wait in short slices, so the response's deadline
    and a stop cut in however slowly the server drips."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        # Small reads bound what one step of gzip decoding can inflate (READ_CHUNK).
        return self._patiently(lambda: self.sock.recv(min(max_bytes, READ_CHUNK)), timeout,
                               httpcore.ReadTimeout, httpcore.ReadError)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        # Not sliced: a send that times out part-way cannot be resumed safely. Requests are a few
        # hundred bytes, so one wait bounded by the idle timeout and the deadline is enough.
        self.sock.settimeout(_time_left(time.monotonic(), timeout, httpcore.WriteTimeout))
        try:
            self.sock.sendall(buffer)
        except TimeoutError as error:
            raise httpcore.WriteTimeout(str(error)) from error
        except OSError as error:
            raise httpcore.WriteError(str(error)) from error

    def close(self) -> None:
        self.sock.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> GuardedStream:
        # httpcore passes the URL's host name: SNI and the certificate check are as usual.
        try:
            tls = ssl_context.wrap_socket(self.sock, server_hostname=server_hostname, do_handshake_on_connect=False)
            stream = GuardedStream(tls)
            stream._patiently(tls.do_handshake, timeout, httpcore.ConnectTimeout, httpcore.ConnectError)
        except BaseException:
            self.sock.close()
            raise
        return stream

    def get_extra_info(self, info: str) -> object:
        if info == "ssl_object":
            return self.sock if isinstance(self.sock, ssl.SSLSocket) else None
        if info == "client_addr":
            return self.sock.getsockname()
        if info == "server_addr":
            return self.sock.getpeername()
        if info == "socket":
            return self.sock
        if info == "is_readable":  # an idle pooled connection that is readable was closed by the server
            return _readable(self.sock)
        return None

    def _patiently(self, operation: Callable[[], bytes | None], timeout: float | None,
                   timeout_error: type[Exception], other_error: type[Exception]):
        started = time.monotonic()
        while True:
            self.sock.settimeout(_slice(started, timeout, timeout_error))
            try:
                return operation()
            except TimeoutError:
                continue  # a slice passed without data: check the stop and the deadline, wait again
            except OSError as error:
                raise other_error(str(error)) from error


def _readable(sock: socket.socket) -> bool:
    if sock.fileno() < 0:
        return True
    with selectors.DefaultSelector() as selector:
        selector.register(sock, selectors.EVENT_READ)
        return bool(selector.select(0))


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's TCP layer, connecting only to public addresses unless private ones are allowed.

    Why here and not in a transport that resolves the host and rewrites the URL to the IP: this
    layer resolves the name itself, vets every answer, and connects to the very address it
    vetted (then checks the connected peer again), so no second lookup can be steered
    elsewhere (DNS rebinding); and since only the TCP connection changes, httpcore still does TLS
    with the URL's host name (SNI, certificate check) and the Host header is untouched. Every
    redirect hop opens or reuses a connection through here, so every hop is checked."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable | None = None) -> GuardedStream:
        started = time.monotonic()
        addresses = _resolve(host, port, started, timeout)
        self._refuse_private(host, [sockaddr[0] for _, sockaddr in addresses])
        failures = []
        for family, sockaddr in addresses:
            try:
                sock = _connect(family, sockaddr, started, timeout, socket_options or ())
            except OSError as error:
                failures.append(f"{sockaddr[0]}: {error}")
                continue
            try:
                self._refuse_private(host, [sock.getpeername()[0]])
            except BlockedAddress:
                sock.close()
                raise
            return GuardedStream(sock)
        raise httpcore.ConnectError(f"cannot connect to {host}:{port}: {'; '.join(failures) or 'no address'}")

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable | None = None) -> GuardedStream:
        raise httpcore.ConnectError("unix sockets are not fetched from")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    def _refuse_private(self, host: str, ips: list[str]) -> None:
        # Any non-public answer refuses the host: a name that also points inward is not trusted.
        if self.allow_private:
            return
        for ip in ips:
            if not is_public_address(ip):
                raise BlockedAddress(f"{host[:200]} is at {ip}, not a public address")


def _resolve(host: str, port: int, started: float, timeout: float | None) -> list[tuple[int, tuple]]:
    """`resolve_host` on a thread of its own, since getaddrinfo has no timeout: we stop waiting
    for it at the idle timeout, the deadline or a stop (the thread ends when the resolver does)."""
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        pass
    else:  # no lookup to wait for
        return [(socket.AF_INET6, (host, port, 0, 0)) if literal.version == 6 else (socket.AF_INET, (host, port))]
    answer: Future = Future()

    def look_up() -> None:
        try:
            answer.set_result(resolve_host(host, port))
        except BaseException as error:  # noqa: B036 (handed to the waiting thread, which raises it)
            answer.set_exception(error)

    threading.Thread(target=look_up, name=f"resolve {host[:50]}", daemon=True).start()
    while not wait([answer], timeout=_slice(started, timeout, httpcore.ConnectTimeout)).done:
        pass
    try:
        return answer.result()
    except OSError as error:
        raise httpcore.ConnectError(f"cannot resolve {host[:200]}: {error}") from error


def _connect(family: int, sockaddr: tuple, started: float, timeout: float | None, options: Iterable) -> socket.socket:
    """A TCP connection to exactly `sockaddr`, waited for in slices (a blocking connect cannot be stopped)."""
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        for option in options:
            sock.setsockopt(*option)
        sock.setblocking(False)
        code = sock.connect_ex(sockaddr)
        if code not in (0, errno.EINPROGRESS, errno.EWOULDBLOCK):
            raise OSError(code, os.strerror(code))
        with selectors.DefaultSelector() as selector:
            selector.register(sock, selectors.EVENT_WRITE)
            while not selector.select(_slice(started, timeout, httpcore.ConnectTimeout)):
                pass
        code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if code:
            raise OSError(code, os.strerror(code))
        sock.setblocking(True)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock
    except BaseException:
        sock.close()
        raise


class GuardedTransport(httpx.BaseTransport):
    """httpx's transport over an httpcore pool whose connections GuardedBackend opens (httpx's own
    HTTPTransport takes no network backend)."""

    def __init__(self, allow_private: bool, keepalive: int) -> None:
        self.pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(trust_env=False),
                                            max_connections=None, max_keepalive_connections=keepalive,
                                            keepalive_expiry=5.0, network_backend=GuardedBackend(allow_private))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = httpcore.URL(scheme=request.url.raw_scheme, host=request.url.raw_host, port=request.url.port,
                           target=request.url.raw_path)
        core_request = httpcore.Request(request.method, url, headers=request.headers.raw, content=request.stream,
                                        extensions=request.extensions)
        with _as_httpx_errors():
            answer = self.pool.handle_request(core_request)
        # A synchronous pool answers with an iterable body (its type also allows an async one).
        assert isinstance(answer.stream, Iterable)
        return httpx.Response(answer.status, headers=answer.headers, stream=_Body(answer.stream),
                              extensions=answer.extensions)

    def close(self) -> None:
        self.pool.close()


class _Body(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes]) -> None:
        self.stream = stream

    def __iter__(self) -> Iterator[bytes]:
        with _as_httpx_errors():
            yield from self.stream

    def close(self) -> None:
        close = getattr(self.stream, "close", None)
        if close is not None:
            close()


@contextmanager
def _as_httpx_errors() -> Iterator[None]:
    """httpcore's errors as httpx's of the same name, so callers handle one family."""
    try:
        yield
    except (httpcore.TimeoutException, httpcore.NetworkError, httpcore.ProtocolError,
            httpcore.UnsupportedProtocol) as error:
        raise getattr(httpx, type(error).__name__, httpx.TransportError)(str(error)) from error
