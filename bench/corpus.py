"""A seeded corpus of n news documents made from the 181 AEB pages and the four seeds.

    .venv/bin/python bench/corpus.py 10000        # writes bench/_work/corpus/corpus-10000/

The mix is the same at every size (the corpus of n documents is the first n of any larger
one): half HTML pages, three in ten plain-text files, two in ten JSONL feed records (fifty
to a file). Every document is a variation of its source, the way copies differ across sites
and editions: paragraphs dropped or swapped, a boilerplate paragraph inserted, a new title;
text documents carry a byline and portal chrome, and one in ten glues two stories. So no two
documents have the same body, and no stage's work is skipped as a duplicate.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SHARED = REPO.parent / "shared"
AEB = SHARED / "eval" / "aeb"
TITLES = REPO / "bench" / "aeb_titles.json"
WORK = REPO / "bench" / "_work" / "corpus"
RECORDS_PER_JSONL = 50
KINDS = ("html",) * 5 + ("txt",) * 3 + ("jsonl",) * 2  # the mix, by document number
PARAGRAPH = re.compile(r"<p\b[^>]*>(?:(?!</?p\b).){200,}?</p>", re.S | re.I)
HTML_BOILERPLATE = (
    "<p>Sign up for our newsletter, delivered straight to your inbox every morning.</p>",
    "<p>Read more: Markets close higher as oil prices fall</p>",
    "<p>Share this article: Facebook Twitter Email</p>",
    "<p>Advertisement</p>",
)
TEXT_CHROME = ("Skip to content", "Share this story", "Read more: Council approves new budget",
               "Sign up for our daily newsletter and get the top stories straight to your inbox.", "Advertisement")


@dataclass(frozen=True, slots=True)
class Sources:
    pages: list[str]  # AEB HTML, decoded
    stories: list[tuple[str, list[str]]]  # (title, paragraphs): AEB bodies with a headline title
    seeds: list[str]


@lru_cache(maxsize=1)
def load_sources() -> Sources:
    from newsflow.tasks.extract.decode import decode_bytes

    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    titles = json.loads(TITLES.read_text(encoding="utf-8"))
    pages, stories = [], []
    for page_id in sorted(truth):
        pages.append(decode_bytes(gzip.decompress((AEB / "html" / f"{page_id}.html.gz").read_bytes()), "text/html").text or "")
        paragraphs = [p.strip() for p in truth[page_id]["articleBody"].split("\n") if p.strip()]
        if titles.get(page_id) and len(paragraphs) >= 3:
            stories.append((titles[page_id], paragraphs))
    seeds = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    return Sources(pages, stories, seeds)


def vary_paragraphs(items: list[str], rng: random.Random) -> list[str]:
    """A copy as another site runs it: maybe a paragraph dropped, maybe two swapped."""
    items = list(items)
    if len(items) > 3 and rng.random() < 0.5:
        del items[rng.randrange(1, len(items))]
    if len(items) > 3 and rng.random() < 0.5:
        a, b = rng.sample(range(1, len(items)), 2)
        items[a], items[b] = items[b], items[a]
    return items


def html_document(i: int, sources: Sources, rng: random.Random) -> str:
    page = rng.choice(sources.pages)
    spans = [m.span() for m in PARAGRAPH.finditer(page)]
    if len(spans) >= 3:
        start, end = spans[0][0], spans[-1][1]
        blocks = [page[a:b] for a, b in spans]
        blocks = vary_paragraphs(blocks, rng)
        blocks.insert(rng.randrange(1, len(blocks)), rng.choice(HTML_BOILERPLATE))
        page = page[:start] + "\n".join(blocks) + page[end:]
    return re.sub(r"<title>", f"<title>Edition {i}: ", page, count=1, flags=re.I)


def text_story(i: int, sources: Sources, rng: random.Random) -> tuple[str, str]:
    """(title, body) of a story from an AEB body, its paragraphs varied."""
    title, paragraphs = rng.choice(sources.stories)
    return f"{title} ({i})", "\n\n".join(vary_paragraphs(paragraphs, rng))


def text_document(i: int, sources: Sources, rng: random.Random) -> str:
    if rng.random() < 0.1:
        seed = rng.choice(sources.seeds)
        return f"{rng.choice(TEXT_CHROME)}\n\n{seed}\n\nUpdate {i}: this story has been updated.\n"
    parts = []
    for _ in range(2 if rng.random() < 0.1 else 1):  # one in ten: two stories glued
        title, body = text_story(i, sources, rng)
        parts.append(f"{title}\n\nBy Staff Writer {i % 53}\n\n{rng.choice(TEXT_CHROME)}\n\n{body}\n\n{rng.choice(TEXT_CHROME)}")
    return "\n\n\n".join(parts) + "\n"


def jsonl_record(i: int, sources: Sources, rng: random.Random) -> str:
    title, body = text_story(i, sources, rng)
    record = {"url": f"https://outlet{i % 41}.example/news/{i}", "title": title,
              "published_at": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T06:00:00Z", "text": body}
    return json.dumps(record, ensure_ascii=False)


COMPLETE = ".complete"  # written last: a folder without it was left by a killed run


def reusable(folder: Path) -> bool:
    """Whether `folder` holds a complete corpus; if not, it is emptied for a new one."""
    if (folder / COMPLETE).exists():
        return True
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return False


def make_corpus(n: int, seed: int = 5) -> Path:
    """The folder of the corpus of `n` documents (written once, reused while complete)."""
    folder = WORK / f"corpus-{n}"
    if reusable(folder):
        return folder
    sources, records = load_sources(), []
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        kind = KINDS[i % len(KINDS)]
        if kind == "html":
            (folder / f"doc-{i:07d}.html").write_text(html_document(i, sources, rng), encoding="utf-8")
        elif kind == "txt":
            (folder / f"doc-{i:07d}.txt").write_text(text_document(i, sources, rng), encoding="utf-8")
        else:
            records.append(jsonl_record(i, sources, rng))
            if len(records) == RECORDS_PER_JSONL or i == n - 1:
                (folder / f"feed-{i:07d}.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
                records = []
    (folder / COMPLETE).write_text(str(n))
    return folder


def distinct_pages(n: int) -> Path:
    """A folder of `n` HTML pages, no two with the same article body: the 181 AEB pages, then
    copies of them each missing another paragraph (page by page in turn: copy k of a page drops
    its paragraph k + 1), as another edition runs a story cut to fit. A page whose body, as
    newsflow extracts and cleans it, is that of a page already kept (the paragraph cut was not
    part of the article) is left out."""
    folder = WORK / f"distinct-{n}"
    if reusable(folder):
        return folder
    pages = load_sources().pages
    seen: set[str] = set()
    for name, page in candidate_pages(pages):
        body = article_body(page)
        if body and body not in seen:
            seen.add(body)
            (folder / name).write_text(page, encoding="utf-8")
            if len(seen) == n:
                (folder / COMPLETE).write_text(str(n))
                return folder
    raise ValueError(f"the AEB pages make {len(seen)} pages of distinct bodies, fewer than {n}")


def candidate_pages(pages: list[str]):
    """(file name, HTML): the pages, then their copies cut by one paragraph, a paragraph further each round."""
    yield from ((f"aeb-{number:03d}.html", page) for number, page in enumerate(pages))
    paragraphs = [[m.span() for m in PARAGRAPH.finditer(page)] for page in pages]
    for cut in range(1, max(len(spans) for spans in paragraphs)):
        for number, (page, spans) in enumerate(zip(pages, paragraphs)):
            if cut < len(spans):
                start, end = spans[cut]
                yield f"cut{cut:02d}-{number:03d}.html", page[:start] + page[end:]


def article_body(page: str) -> str:
    """The page's article bodies as newsflow extracts, cleans and splits them, with their hashes' folding."""
    from newsflow.tasks.core.ids import body_sha256
    from newsflow.tasks.extract.page import extract_html
    from newsflow.tasks.segment.clean import segment_document

    extracted = extract_html(page)
    drafts = segment_document(extracted.text, title_hint=extracted.title) if extracted.text else []
    return " ".join(body_sha256(draft.body) for draft in drafts if draft.body.strip())


if __name__ == "__main__":
    print(make_corpus(int(sys.argv[1])))
