"""Linking quality and cost: near-duplicate precision and recall on pairs built from the AEB
bodies, and the time to link 10k and 100k synthetic articles from scratch.

    .venv/bin/python bench/linking.py               # both parts, writes bench/LINKING.md
    .venv/bin/python bench/linking.py --sizes 2000  # a quick look at the timing part
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newsflow.tasks.core.ids import body_sha256  # noqa: E402
from newsflow.tasks.core.schema import ARTICLES, BANDS, ENTITIES, SIGNATURES, Article, to_row, to_table  # noqa: E402
from newsflow.tasks.link.minhash import band_hashes, signature_rows, signatures  # noqa: E402
from newsflow.tasks.link.update import (  # noqa: E402
    LinkedArticle,
    Vocabulary,
    judge_pair,
    linked_article,
    update_links,
    vector_cosine,
)
from newsflow.tasks.store.dataset import commit_batch  # noqa: E402

AEB = REPO.parent / "shared" / "eval" / "aeb"
REPORT = REPO / "bench" / "LINKING.md"
WORK = REPO / "bench" / "_work" / "linking"
BOILERPLATE = ("Advertisement", "Sign up for our newsletter, delivered straight to your inbox",
               "Read more: Markets close higher", "Share this article", "Skip to content")
CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,} [A-Z][a-z]{2,}\b")
# The synthetic stream's pace, a regional monitor's daily intake: the 10k corpus spans 40 days,
# several same-story windows, so that both sizes link as a stream does; a corpus ten times
# larger spans ten times the days, as a growing dataset does.
ARTICLES_PER_DAY = 250


def bodies() -> list[str]:
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    return [truth[k]["articleBody"] for k in sorted(truth) if len(truth[k]["articleBody"].split()) >= 80]


def syndicated_copy(body: str, rng: random.Random) -> str:
    """A copy as a syndicating site makes it: paragraphs dropped, words edited, boilerplate inserted."""
    paragraphs = [p for p in body.split("\n") if p.strip()]
    keep = [p for p in paragraphs if rng.random() > 0.15] or paragraphs[:1]
    edited = []
    for paragraph in keep:
        words = paragraph.split()
        for _ in range(max(1, len(words) // 25)):  # one edit per 25 words
            i = rng.randrange(len(words))
            words[i] = rng.choice(["reportedly", "also", "said", "new", "the", words[i].upper()])
        edited.append(" ".join(words))
    for _ in range(rng.randint(1, 3)):
        edited.insert(rng.randrange(len(edited) + 1), rng.choice(BOILERPLATE))
    return "\n".join(edited)


VOCABULARY = Vocabulary()


def linked(article_id: str, body: str) -> LinkedArticle:
    return linked_article(VOCABULARY, article_id, body, body_sha256=body_sha256(body), word_count=len(body.split()),
                          minhash=signatures([body])[0])


def near_duplicate_quality(seed: int = 7) -> dict:
    """Precision and recall of near-duplicate links, and how often LSH proposes the positives."""
    rng = random.Random(seed)
    texts = bodies()
    originals = [linked(f"o{i}", t) for i, t in enumerate(texts)]
    copies = [linked(f"c{i}", syndicated_copy(t, rng)) for i, t in enumerate(texts)]
    positives = list(zip(originals, copies))
    # Negatives: every pair of different articles, the same-topic ones (highest cosine) included.
    negatives = [(a, b) for i, a in enumerate(originals) for b in originals[i + 1 :]]
    topical = sorted(negatives, key=lambda pair: -vector_cosine(pair[0].terms, pair[1].terms))[:200]
    is_copy = lambda a, b: (link := judge_pair(a, b)) is not None and link.relation in {"near_duplicate", "exact_duplicate"}  # noqa: E731
    tp = sum(is_copy(a, b) for a, b in positives)
    fp = sum(is_copy(a, b) for a, b in negatives)
    proposed = sum(bool(set(band_hashes(a.minhash)) & set(band_hashes(b.minhash))) for a, b in positives)
    return {
        "positives": len(positives), "negatives": len(negatives), "same_topic_negatives": len(topical),
        "precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / len(positives),
        "lsh_candidate_recall": proposed / len(positives),
        "same_topic_false_positives": sum(is_copy(a, b) for a, b in topical),
    }


def synthetic_articles(n: int, seed: int = 11) -> list[Article]:
    """n distinct articles made from AEB paragraphs, one in twenty a syndicated copy of another.

    A third of each paragraph's words are swapped for random corpus words, so that unrelated
    articles share no more than real ones do: reusing the AEB paragraphs as they are would
    make every 100k-corpus paragraph appear in ~100 articles, a duplication no news corpus has.
    """
    rng = random.Random(seed)
    paragraphs = [p.split() for t in bodies() for p in t.split("\n") if len(p.split()) >= 12]
    vocabulary = [w for p in paragraphs for w in p]
    made: list[str] = []
    for _ in range(n):
        if made and rng.random() < 0.05:  # copies run within days of their original
            made.append(syndicated_copy(rng.choice(made[-2 * ARTICLES_PER_DAY :]), rng))
        else:
            chosen = rng.sample(paragraphs, rng.randint(4, 9))
            made.append("\n".join(" ".join(w if rng.random() > 0.33 else rng.choice(vocabulary) for w in p)
                                   for p in chosen))
    stamp = datetime(2025, 1, 1, tzinfo=UTC)
    return [Article(article_id=f"s{i:07d}-0", doc_id=f"s{i:07d}", story_index=0, body=b,
                    word_count=len(b.split()), body_sha256=body_sha256(b), run_id="bench", ingested_at=stamp,
                    published_at=stamp + timedelta(days=i // ARTICLES_PER_DAY))
            for i, b in enumerate(made)]


def fake_entities(article: Article) -> list[dict]:
    """Cheap stand-in for NER at this scale: capitalised words as ORG names (timing only)."""
    names = {m.group(0) for m in CAPITALISED.finditer(article.body)}
    return [
        {"article_id": article.article_id, "text": n, "label": "ORG", "count": 1, "run_id": "bench"} for n in sorted(names)[:30]
    ]


def build_dataset(n: int) -> Path:
    """A dataset folder of n synthetic articles with signatures, bands and entities."""
    data = WORK / f"n{n}"
    shutil.rmtree(data, ignore_errors=True)
    articles = synthetic_articles(n)
    for start in range(0, n, 5000):
        chunk = articles[start : start + 5000]
        sigs, bands = signature_rows(chunk)
        tables = {
            "articles": to_table([to_row(a) for a in chunk], ARTICLES),
            "entities": to_table([row for a in chunk for row in fake_entities(a)], ENTITIES),
        }
        tables["signatures"] = to_table([{**r, "run_id": "bench"} for r in sigs], SIGNATURES)
        tables["bands"] = to_table(bands, BANDS)
        commit_batch(data, f"bench-{start:07d}", date(2025, 1, 1), tables)
    return data


def link_timing(sizes: list[int]) -> list[dict]:
    rows = []
    for n in sizes:
        data = build_dataset(n)
        started = time.perf_counter()
        counts = update_links(data, None)
        rows.append({"articles": n, "seconds": time.perf_counter() - started, "links": dict(counts)})
        print(rows[-1], flush=True)
    return rows


def render(quality: dict, timing: list[dict]) -> str:
    lines = [
        "# Linking: quality and cost", "",
        "Produced by `bench/linking.py` in one run.", "",
        "## Near-duplicates on pairs built from the AEB bodies", "",
        f"Positives: each of the {quality['positives']} AEB bodies (80+ words) against a syndicated copy of",
        "itself (about 15% of paragraphs dropped, one word in 25 edited, one to three boilerplate lines",
        f"inserted). Negatives: all {quality['negatives']} pairs of different articles, among them the",
        f"{quality['same_topic_negatives']} most similar by content words (same-topic pairs).", "",
        "| measure | value |", "|---|---|",
        f"| precision | {quality['precision']:.4f} |",
        f"| recall | {quality['recall']:.4f} |",
        f"| LSH candidate recall (positives sharing a band) | {quality['lsh_candidate_recall']:.4f} |",
        f"| false positives among same-topic pairs | {quality['same_topic_false_positives']} |", "",
        "The seed relations (near-duplicate, one story cluster, original / syndicated copy / rewrites)",
        "are held by `tests/test_seeds.py` on every test run.", "",
        "## Time to link from scratch (`update_links` with every article new)", "",
        "Synthetic articles made from AEB paragraphs with a third of their words swapped (so that",
        "unrelated articles stay unrelated as the corpus grows), one in twenty a syndicated copy of a",
        f"recent one, published as a stream of {ARTICLES_PER_DAY:,} articles a day (so {timing[-1]['articles']:,} "
        f"articles span {timing[-1]['articles'] // ARTICLES_PER_DAY:,} days);",
        "names for the entity join are capitalised word pairs (NER at this scale is the ingest's",
        "cost, not linking's). Those names recur far more than real ones, since every article is made",
        "of the same AEB paragraphs, which is what makes the entity route the costly one. Linking",
        "grows with the articles of a few weeks around each article (the same-story window): a",
        "dataset that grows in time links in linear time; one that grows ten times denser within",
        "the same weeks would cost more, bounded by the caps in tasks/core/settings.py.", "",
        "| articles | seconds | links |", "|---|---|---|",
    ]
    lines += [f"| {r['articles']:,} | {r['seconds']:.1f} | {r['links']} |" for r in timing]
    if len(timing) >= 2:
        growth = timing[-1]["seconds"] / timing[0]["seconds"]
        scale = timing[-1]["articles"] / timing[0]["articles"]
        lines += ["", f"{scale:.0f}x the articles took {growth:.1f}x the time (goal: at most 12x for 10x)."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args(argv)
    quality = near_duplicate_quality()
    print(quality, flush=True)
    timing = link_timing(args.sizes)
    REPORT.write_text(render(quality, timing), encoding="utf-8")
    print(f"wrote {REPORT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
