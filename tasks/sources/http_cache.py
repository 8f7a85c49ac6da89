"""What the web sources remember between runs for conditional GET: each URL's ETag and
Last-Modified, kept in `<data>/_state/http_cache.json`, so an unchanged page or feed costs one 304.

The caller saves the cache only after the documents are committed, so a run that dies refetches
rather than loses them; a URL whose processing failed for a passing cause is forgotten, so the
next run fetches it whole.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path


class HttpCache:
    """ETag and Last-Modified per URL, in a JSON file written atomically."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.entries: dict[str, dict[str, str]] = _read_cache(self.path)
        self.lock = threading.Lock()

    def headers_for(self, url: str) -> dict[str, str]:
        entry = self.entries.get(url, {})
        headers = {}
        if entry.get("etag"):
            headers["If-None-Match"] = entry["etag"]
        if entry.get("last_modified"):
            headers["If-Modified-Since"] = entry["last_modified"]
        return headers

    def remember(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self.lock:
            self.entries[url] = {k: v for k, v in (("etag", etag), ("last_modified", last_modified)) if v}

    def forget(self, urls: set[str]) -> None:
        """Drop what is known of `urls`: the next run fetches them whole, not answered 304 (a page
        whose processing failed for a passing cause must come again)."""
        with self.lock:
            for url in urls:
                self.entries.pop(url, None)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with self.lock:
            temporary.write_text(json.dumps(self.entries, indent=1, sort_keys=True))
        os.replace(temporary, self.path)


def _read_cache(path: Path) -> dict[str, dict[str, str]]:
    """A damaged cache file costs full fetches, not the run."""
    try:
        entries = json.loads(path.read_text()) if path.exists() else {}
    except (OSError, ValueError):
        return {}
    return entries if isinstance(entries, dict) else {}
