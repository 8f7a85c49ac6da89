"""Pages beyond AEB for bench/quality.py: a general-web set and newsflow's own pages in de/fr/es/it/pt.

- **newspaper4k's test pages**: the sdist of newspaper4k 0.9.6 (PyPI, MIT licence) ships real pages
  (`tests/data/html`) with the article text expected of them (`tests/data/txt`): news from several
  outlets and languages. `fetch_newspaper_pages` gets the sdist with pip into bench/_work/ once.
  Pages whose expected text has fewer than MIN_TRUTH_WORDS words are left out: the metric's 4-word
  shingles need text (and in Chinese or Japanese a run of characters is one `\\w+` word).
- **bench/pages/**: pages written for newsflow in German, French, Spanish, Italian and Portuguese,
  each with navigation, a figure, lists, a table, promos and a sidebar, and its expected body text
  (`<name>.txt`). None of newsflow's settings or rules was chosen on them.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORK = REPO / "bench" / "_work" / "general_web"
OWN_PAGES = REPO / "bench" / "pages"
WEB_PAGES = REPO / "bench" / "pages_web"  # pages that are not news: forums, shops, recipes, listings, ...
NEWSPAPER = "newspaper4k==0.9.6"
MIN_TRUTH_WORDS = 50


def fetch_newspaper_pages() -> Path | None:
    """The folder of newspaper4k's test data, fetched with pip once; None when pip cannot get it."""
    data = WORK / "newspaper4k-0.9.6" / "tests" / "data"
    if data.is_dir():
        return data
    WORK.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([sys.executable, "-m", "pip", "download", "--no-binary", ":all:", "--no-deps", NEWSPAPER,
                           "-d", str(WORK)], capture_output=True, text=True)
    archives = sorted(WORK.glob("newspaper4k-*.tar.gz"))
    if done.returncode != 0 or not archives:
        return None
    with tarfile.open(archives[0]) as archive:
        archive.extractall(WORK, members=[m for m in archive.getmembers() if "/tests/data/" in m.name],
                           filter="data")
    return data if data.is_dir() else None


def newspaper_pages() -> list[tuple[str, str, str, str, str]]:
    """(id, url, html, expected text, language) of newspaper4k's annotated pages."""
    from bench.aeb_metric import tokens

    data = fetch_newspaper_pages()
    if data is None:
        return []
    pages = []
    for truth_file in sorted((data / "txt").glob("*.txt")):
        html_file = data / "html" / f"{truth_file.stem}.html"
        truth = truth_file.read_text(encoding="utf-8", errors="replace")
        if not html_file.exists() or len(tokens(truth)) < MIN_TRUTH_WORDS:
            continue
        meta_file = data / "metadata" / f"{truth_file.stem}.json"
        meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
        html = html_file.read_bytes()
        pages.append((truth_file.stem, meta.get("url") or "", html.decode("utf-8", "replace"), truth,
                      meta.get("language") or ""))
    return pages


def own_pages(folder: Path = OWN_PAGES) -> list[tuple[str, str, str, str, str]]:
    """(id, url, html, expected text, language) of bench/pages/ (or `folder`): the language is the name's prefix."""
    return [(html.stem, "", html.read_text(encoding="utf-8"), html.with_suffix(".txt").read_text(encoding="utf-8"),
             html.stem.split("-")[0]) for html in sorted(folder.glob("*.html"))]
