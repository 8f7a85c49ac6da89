"""Quality gate: extraction and splitting may not fall below the floors in bench/quality_baseline.json.

All 181 AEB pages run (about 15 s on two processes), as do newsflow's own de/fr/es/it/pt pages
(bench/pages/), the pages that are not news (bench/pages_web/) and the story-splitting benchmark.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

# One worker of a parallel run (pytest-xdist) runs both modules that read the session's split benchmark.
pytestmark = pytest.mark.xdist_group("split_benchmark")

REPO = Path(__file__).resolve().parents[1]
BASELINE = REPO / "bench" / "quality_baseline.json"


@pytest.fixture(scope="module")
def measured(shared_dir, split_benchmark) -> dict[str, float]:
    from bench.aeb_metric import aggregate, score_page
    from bench.general_web import WEB_PAGES, own_pages
    from bench.quality import CHOSEN, SETTINGS, is_tuning_page, load_pages, run_all, run_newsflow, score_settings

    results = run_all(load_pages(), run=run_newsflow)
    scores = aggregate([score_page(r.bodies["newsflow"], r.truth) for r in results])
    reported = aggregate([score_page(r.bodies["newsflow"], r.truth) for i, r in enumerate(results) if not is_tuning_page(i)])
    own = [score_settings((html, url, truth), {CHOSEN: SETTINGS[CHOSEN]}) for _, url, html, truth, _ in own_pages()]
    own_newsflow = aggregate([page[CHOSEN] for page in own])
    own_trafilatura = aggregate([page["trafilatura.extract"] for page in own])
    web = [score_settings((html, url, truth), {CHOSEN: SETTINGS[CHOSEN]}) for _, url, html, truth, _ in own_pages(WEB_PAGES)]
    web_newsflow, web_trafilatura = aggregate([p[CHOSEN] for p in web]), aggregate([p["trafilatura.extract"] for p in web])
    split = split_benchmark
    return {
        "aeb_f1": scores.f1,
        "aeb_precision": scores.precision,
        "aeb_reported_half_f1": reported.f1,
        "own_pages_f1": own_newsflow.f1,
        "own_pages_f1_over_trafilatura": own_newsflow.f1 - own_trafilatura.f1,
        "own_pages_recall_over_trafilatura": own_newsflow.recall - own_trafilatura.recall,
        "web_pages_f1": web_newsflow.f1,
        "web_pages_f1_over_trafilatura": web_newsflow.f1 - web_trafilatura.f1,
        "split_count_accuracy": split.count_accuracy,
        "split_boundary_f1": split.boundary_f1,
        "split_single_wrongly_split": split.wrongly_split,
    }


@pytest.mark.slow
def test_measures_stay_above_their_floors(measured):
    baseline = json.loads(BASELINE.read_text())
    below = {k: (round(measured[k], 4), floor) for k, floor in baseline["floors"].items() if measured[k] < floor}
    above = {k: (round(measured[k], 4), ceiling) for k, ceiling in baseline["ceilings"].items() if measured[k] > ceiling}
    assert below == {} and above == {}


def committed_baselines() -> list[dict]:
    """The baseline file as each commit that changed it left it, newest first."""
    try:
        log = subprocess.run(["git", "log", "--format=%H", "--", str(BASELINE.relative_to(REPO))],
                             cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
        return [json.loads(subprocess.run(["git", "show", f"{commit}:bench/quality_baseline.json"], cwd=REPO,
                                          capture_output=True, text=True, check=True).stdout) for commit in log]
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("no git history to compare the floors with")


def loosened(old: dict, new: dict) -> set[str]:
    """Keys whose floor went down or whose ceiling went up from `old` to `new`."""
    down = {k for k, v in new["floors"].items() if v < old["floors"].get(k, v)}
    up = {k for k, v in new["ceilings"].items() if v > old["ceilings"].get(k, v)}
    return down | up


def test_a_floor_is_lowered_only_with_a_reason():
    current = json.loads(BASELINE.read_text())
    history = [b for b in committed_baselines() if (b["floors"], b["ceilings"]) != (current["floors"], current["ceilings"])]
    if not history:
        pytest.skip("the committed floors have never changed: nothing was lowered")
    unexplained = {k for k in loosened(history[0], current) if not current["lowered"].get(k, "").strip()}
    assert unexplained == set(), "lowering a floor needs its key and a reason under 'lowered'"


def test_the_lowering_check_catches_a_silent_change():
    old = {"floors": {"aeb_f1": 0.97}, "ceilings": {"split_single_wrongly_split": 0.01}}
    new = {"floors": {"aeb_f1": 0.96}, "ceilings": {"split_single_wrongly_split": 0.02}}
    assert loosened(old, new) == {"aeb_f1", "split_single_wrongly_split"}
    assert loosened(new, old) == set()
