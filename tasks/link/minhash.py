"""MinHash signatures of article bodies and their LSH band hashes.

Stored per article in the `signatures` and `bands` tables, so that linking a run's new
articles against the whole dataset is a DuckDB join on band hashes, not an all-pairs scan.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

import numpy as np

from newsflow.tasks.core.ids import body_digest
from newsflow.tasks.core.schema import Article
from newsflow.tasks.core.settings import LSH_BANDS, LSH_ROWS, MIN_WORDS_TO_LINK, MINHASH_PERMUTATIONS, SHINGLE_WORDS

# A run of word characters (letters, digits, underscore): the words shingles are made of.
WORD_CHAR_RUN = re.compile(r"\w+")


def shingles(body: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of `size`-word shingles of a body, lower-cased, punctuation ignored."""
    words = WORD_CHAR_RUN.findall(body.lower())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signatures(bodies: list[str]) -> list[np.ndarray]:
    """MinHash signatures (uint32 arrays) of many bodies at once (datasketch's bulk hashing)."""
    # Imported here: datasketch's package imports all its sketches and scipy (60 MB), which the
    # flow's own process, that only compares signatures, does not need.
    from datasketch import MinHash

    sets = [sorted(shingles(body)) for body in bodies]
    return [m.hashvalues.astype(np.uint32) for m in MinHash.bulk(sets, num_perm=MINHASH_PERMUTATIONS)]


def band_hashes(signature: np.ndarray) -> list[int]:
    """One 64-bit hash per LSH band of `LSH_ROWS` signature values."""
    rows = signature[: LSH_BANDS * LSH_ROWS].reshape(LSH_BANDS, LSH_ROWS)
    return [int.from_bytes(hashlib.blake2b(row.tobytes(), digest_size=8).digest(), "little") for row in rows]


def estimated_jaccard(left: np.ndarray, right: np.ndarray) -> float:
    """Share of equal MinHash values: an unbiased estimate of the shingle sets' Jaccard similarity."""
    # count_nonzero, not mean: a tenth of the time, and linking calls this for every candidate pair.
    return np.count_nonzero(np.asarray(left) == np.asarray(right)) / len(left)


def signature_rows(articles: list[Article]) -> tuple[list[dict], list[dict]]:
    """Rows of the `signatures` and `bands` tables for articles long enough to compare."""
    by_id = signed(articles, signatures, lambda a: a.article_id)
    return signature_table_rows(by_id)


# MinHash signatures (the uint32 values as ints) by body digest or by article id.
MinHashes = dict[str, tuple[int, ...]]


def signed(articles: list[Article], sign: Callable[[list[str]], list[np.ndarray]],
           key: Callable[[Article], str] = lambda a: body_digest(a.body)) -> MinHashes:
    """The signatures of the articles long enough to compare, by `key` (by default the body's
    digest: each distinct body signed once), made by `sign` (`signatures`, or a test's stand-in)."""
    bodies = {key(a): a.body for a in articles if a.word_count >= MIN_WORDS_TO_LINK}
    return {k: tuple(s.tolist()) for k, s in zip(bodies, sign(list(bodies.values())))}


def signature_table_rows(minhashes: MinHashes) -> tuple[list[dict], list[dict]]:
    """Rows of the `signatures` and `bands` tables of these articles' signatures."""
    signature_table = [{"article_id": article_id, "minhash": list(m)} for article_id, m in minhashes.items()]
    band_table = [
        {"article_id": article_id, "band": band, "band_hash": value}
        for article_id, m in minhashes.items()
        for band, value in enumerate(band_hashes(np.asarray(m, dtype=np.uint32)))
    ]
    return signature_table, band_table
