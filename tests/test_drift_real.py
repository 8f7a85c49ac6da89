"""Fact drift (issue 21) on real copy pairs, labelled by hand: the seeds, `examples/inbox` and
same-story pairs among the AEB pages (tests/drift_pairs/*.json, one pair a file).

Each pair names its two texts (an AEB page by its key in ../shared/eval/aeb/ground-truth.json, a
seed or an example file with the story to take from `segment_document`) and lists every drift
found by reading both bodies sentence by sentence: kind, change, the two values as written and a
fragment of the origin and of the copy sentence. `acceptable` lists rows that are defensible but
not required (a value the copy states elsewhere, a judgement call); `note` says how the pair was
read, and says which side is taken as the origin (the earlier, the wire, or the fuller text) and
why. Every label comes from reading the two bodies; the detector's rows were only used as pointers
to places worth a second look, each judged on the text, so a label never depends on what the
detector says. Pages from two outlets written independently align in a few sentences only: only
facts of aligned sentences (and of a sentence left out between two followed ones, or inserted
between two followed ones) are drift, as the issue says; runs left out are not.

A detected row matches an expected one when the kind agrees, the change agrees (`changed` and
`vaguer` are interchangeable where the row says `"either": true`), and its origin sentence holds
the expected origin fragment or its copy sentence holds the expected copy fragment.

Every expected drift is its own test case (so a run lists each one; a miss is an xfail that shows
the rows the detector gave); every pair is checked for rows of confidence >= 0.5 that match
nothing (xfail listing them); the whole set's precision and recall are printed, by kind and by
source, and held above floors that the detector meets today (the gap to 1.0 is what is left to
do). The print also gives them with the values checked (`value_agrees`): a row about another
fact of the right sentence counts there as false. The issue's own expectations on the seeds are
plain asserts at the end.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest

from newsflow.tasks.drift.detect import CHANGED, VAGUER, Drift, DriftText, find_drift

PAIRS_DIR = Path(__file__).resolve().parent / "drift_pairs"
REPO = Path(__file__).resolve().parents[1]  # ../shared beside it: the `shared_dir` fixture (conftest.py)
CONFIDENT = 0.5
# Floors under what the detector scores on this set (2026-11-30, 27 pairs: recall 0.494, 85 of 172
# labelled drifts found, most misses facts a copy adds in sentences it words its own way; precision
# 0.722, 109 of 151 rows of confidence >= 0.5 true, most false rows from pages of two outlets that
# align on a few words): raise them as it improves. The goal (on its benchmark) is 0.9 and 0.95.
PRECISION_FLOOR, RECALL_FLOOR = 0.65, 0.45


def pair_files() -> list[Path]:
    return sorted(PAIRS_DIR.glob("*.json"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def aeb_truth(shared: Path) -> dict:
    return json.loads((shared / "eval" / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))


def body_of(side: dict, shared: Path) -> str:
    """The body a pair's side names: an AEB hand-checked body, or a story of a seed/example file."""
    if side["source"] == "aeb":
        return aeb_truth(shared)[side["key"]]["articleBody"]
    from newsflow.tasks.segment.clean import segment_document

    root = {"seed": shared / "seeds", "example": REPO / "examples" / "inbox"}[side["source"]]
    text = (root / side["file"]).read_text(encoding="utf-8")
    return segment_document(text)[side.get("story", 0)].body


def text_of(side: dict, shared: Path) -> DriftText:
    published = side.get("published_at")
    when = datetime.fromisoformat(published).replace(tzinfo=UTC) if published else None
    return DriftText(body_of(side, shared), when, side.get("language", "en"))


@cache
def detected(name: str, shared: Path) -> tuple[Drift, ...]:
    pair = load(PAIRS_DIR / f"{name}.json")
    return tuple(find_drift(text_of(pair["origin"], shared), text_of(pair["copy"], shared)))


def matches(row: Drift, want: dict) -> bool:
    """A detected row against an expected or acceptable one (kind, change, sentence fragment)."""
    if row.kind != want["kind"]:
        return False
    if "change" in want and row.change != want["change"]:
        if not (want.get("either") and {row.change, want["change"]} <= {CHANGED, VAGUER}):
            return False
    origin_fragment, copy_fragment = want.get("origin_sentence"), want.get("sentence")
    return bool((origin_fragment and origin_fragment in (row.origin_sentence or ""))
                or (copy_fragment and copy_fragment in (row.sentence or "")))


MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
NUMBER_WORDS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
                "nine": "9", "ten": "10"}
FILLER = frozenset({"a", "an", "the", "on", "in", "at", "by", "of", "for", "as", "to", "and", "or", "about",
                    "around", "from", "through", "nearly", "almost", "just", "more", "than", "less", "up"})


def value_agrees(row: Drift, want: dict) -> bool:
    """Stricter than `matches`: the detected row's value also names the labelled fact (the origin
    value for dropped/changed/vaguer rows, the copy value for added ones), so that a row about
    another fact of the same sentence does not count. Loose on purpose about how the detector
    writes values: a date by its words, its year or its month number, a number by its digits, a
    name by any of its words, a quotation by its first words."""
    expected = want["value"] if want["change"] == "added" else want["origin_value"]
    found = (row.value if want["change"] == "added" else row.origin_value) or ""
    if not expected:
        return True
    found_l = found.lower()
    if want["kind"] == "quote":
        words = [w for w in expected.lower().replace("...", " ").split() if w.isalpha()][:3]
        return all(w in found_l for w in words)
    if want["kind"] == "number":
        numbers = [n.replace(",", "").replace(".", "") for n in re.findall(r"\d[\d,.]*", expected)]
        if numbers:
            return any(n in "".join(c for c in found if c.isdigit()) for n in numbers)
    tokens = [t.strip(".,;:’'\"()").lower() for t in expected.split()]
    for t in tokens:
        if not t or t in FILLER:
            continue
        t = NUMBER_WORDS.get(t, t)
        if t in found_l or (t in MONTHS and f"-{MONTHS.index(t) + 1:02d}" in found_l):
            return True
        if want["kind"] == "date" and t.rstrip("sthndr").isdigit() and t.rstrip("sthndr") in found_l:
            return True
    return False


def describe(row: Drift) -> str:
    return (f"{row.kind}/{row.change} {row.origin_value!r} -> {row.value!r} ({row.confidence:.2f})\n"
            f"    origin: {row.origin_sentence!r}\n    copy:   {row.sentence!r}")


@dataclass(frozen=True)
class Expected:
    pair: str
    index: int
    row: dict

    def __str__(self) -> str:
        r = self.row
        return f"{self.pair}#{self.index}-{r['kind']}-{r['change']}"


EXPECTED = [Expected(p.stem, i, row) for p in pair_files() for i, row in enumerate(load(p)["expected"])]


def test_the_pairs_are_well_formed(shared_dir: Path):
    assert len(pair_files()) >= 25
    sources = [load(p)["origin"]["source"] for p in pair_files()]
    assert sources.count("aeb") >= 20
    for path in pair_files():
        pair = load(path)
        assert {"origin", "copy", "expected", "acceptable", "note"} <= set(pair), path.name
        body_o, body_c = body_of(pair["origin"], shared_dir), body_of(pair["copy"], shared_dir)
        assert body_o and body_c and body_o != body_c, path.name
        for row in pair["expected"] + pair["acceptable"]:
            assert row["kind"] in ("number", "date", "name", "quote"), (path.name, row)
            assert row.get("change", "changed") in ("changed", "dropped", "added", "vaguer"), (path.name, row)
            assert row.get("origin_sentence") or row.get("sentence"), (path.name, row)
            # A fragment that is not in its text would never match (a typo in a label).
            assert not row.get("origin_sentence") or row["origin_sentence"] in body_o, (path.name, row)
            assert not row.get("sentence") or row["sentence"] in body_c, (path.name, row)


@pytest.mark.parametrize("want", EXPECTED, ids=str)
def test_each_labelled_drift_is_found(want: Expected, shared_dir: Path):
    rows = detected(want.pair, shared_dir)
    found = [r for r in rows if matches(r, want.row)]
    if not found:
        pytest.xfail(f"missed: {want.row}\n" + "\n".join(describe(r) for r in rows))


@pytest.mark.parametrize("path", pair_files(), ids=lambda p: p.stem)
def test_confident_rows_are_real_differences(path: Path, shared_dir: Path):
    pair = load(path)
    labels = pair["expected"] + pair["acceptable"]
    false = [r for r in detected(path.stem, shared_dir)
             if r.confidence >= CONFIDENT and not any(matches(r, w) for w in labels)]
    if false:
        pytest.xfail("rows that are no drift:\n" + "\n".join(describe(r) for r in false))


FIELDS = ("expected", "found", "found_value", "rows", "true", "true_value")


def scores(shared: Path) -> dict[str, dict[str, int]]:
    """Recall over expected rows and precision over rows of confidence >= 0.5, by kind and by
    where the pairs come from (AEB pages, seeds and examples)."""
    out: dict[str, dict[str, int]] = {}

    def count(keys: tuple[str, ...], field: str, n: int = 1) -> None:
        for key in keys:
            out.setdefault(key, dict.fromkeys(FIELDS, 0))[field] += n

    for path in pair_files():
        pair = load(path)
        rows = detected(path.stem, shared)
        labels = pair["expected"] + pair["acceptable"]
        source = "pairs from " + pair["origin"]["source"]
        for want in pair["expected"]:
            keys = ("all", want["kind"], source)
            count(keys, "expected")
            count(keys, "found", any(matches(r, want) for r in rows))
            count(keys, "found_value", any(matches(r, want) and value_agrees(r, want) for r in rows))
        for row in rows:
            if row.confidence >= CONFIDENT:
                keys = ("all", row.kind, source)
                count(keys, "rows")
                count(keys, "true", any(matches(row, w) for w in labels))
                count(keys, "true_value", any(matches(row, w) and value_agrees(row, w) for w in pair["expected"])
                      or any(matches(row, w) for w in pair["acceptable"]))
    return out


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def test_precision_and_recall_over_the_set(shared_dir: Path, capsys):
    table = scores(shared_dir)
    with capsys.disabled():
        print(f"\nfact drift on {len(pair_files())} real pairs (precision over rows of confidence >= {CONFIDENT};"
              " 'values agree': the row's value is the labelled fact's too, see value_agrees):")
        for key, k in sorted(table.items(), key=lambda kv: (kv[0] == "all", kv[0])):
            print(f"  {key:18} recall {ratio(k['found'], k['expected']):.3f} ({k['found']:3}/{k['expected']:3})"
                  f"  precision {ratio(k['true'], k['rows']):.3f} ({k['true']:3}/{k['rows']:3})"
                  f"  | values agree: recall {ratio(k['found_value'], k['expected']):.3f}"
                  f"  precision {ratio(k['true_value'], k['rows']):.3f}")
    total = table["all"]
    assert ratio(total["found"], total["expected"]) >= RECALL_FLOOR
    assert ratio(total["true"], total["rows"]) >= PRECISION_FLOOR


# --- the issue's own expectations on the seeds ---------------------------------------------------
def seed_rows(name: str, shared_dir: Path) -> tuple[Drift, ...]:
    return detected(name, shared_dir)


def test_the_paraphrase_made_the_yak_130_date_vaguer(shared_dir: Path):
    yak = [r for r in seed_rows("seed-000-003-paraphrase", shared_dir)
           if r.kind == "date" and "Yak-130" in (r.origin_sentence or "")]
    assert [(r.change, r.origin_value) for r in yak] == [(VAGUER, "2023")]
    assert "earlier this year" in yak[0].sentence


def test_the_ai_rewrite_keeps_the_yak_130_date(shared_dir: Path):
    rows = seed_rows("seed-000-001-ai-rewrite", shared_dir)
    assert not [r for r in rows if r.kind == "date" and "Yak-130" in (r.origin_sentence or "")]


def test_every_row_of_the_syndicated_copy_points_at_a_real_difference(shared_dir: Path):
    pair = load(PAIRS_DIR / "seed-000-004-syndicated.json")
    labels = pair["expected"] + pair["acceptable"]
    rows = seed_rows("seed-000-004-syndicated", shared_dir)
    assert all(any(matches(r, w) for w in labels) for r in rows), [describe(r) for r in rows]
