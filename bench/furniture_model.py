"""Train the learned furniture model (tasks/segment/furniture_model.py) and choose its threshold.

    .venv/bin/pip install -e '.[train]'       # scikit-learn, for training only
    .venv/bin/python -m bench.furniture_model  # writes tasks/segment/furniture_model.json.gz

Training lines: the boilerplate (label 1) and prose (label 0) of bench/boilerplate_forms.py's sets
A to M; the furniture and article lines written for the model (bench/furniture_training_lines.py:
subheads, short quotes, list items and news sentences with the furniture's words among the
article lines); and, as prose, every line of at most PROSE_MAX_WORDS words of the hand-checked bodies of
the AEB tuning half (even positions, as bench/quality.py tunes), with those pages' titles. Sets N
and O and the AEB reported half are never trained on: they are the held-out figures.

The threshold is chosen on lines the model did not see: each of sets G to M (the ones helpers
wrote without reading the rules) is held out in turn, with a seventh of the AEB tuning pages and
of the written lines, and the model trained on the rest scores them. The threshold is the lowest
of THRESHOLDS at which at most PROSE_FLAG_BUDGET of the held-out prose and article lines and
AEB_FLAG_BUDGET of the held-out AEB lines would be taken, counting only lines no rule already
takes (the model is asked about no other line).
"""

from __future__ import annotations

import gzip
import json
import math
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion

from bench.boilerplate_forms import SETS
from bench.furniture_training_lines import ARTICLE_LINES, FURNITURE
from bench.quality import is_tuning_page, load_pages
from newsflow.tasks.segment.clean import classify_line
from newsflow.tasks.segment.furniture_model import MODEL_FILE, from_exported
from newsflow.tasks.segment.lines import split_lines

HELD_OUT_SETS = ("N", "O")
FOLD_SETS = ("G", "H", "I", "J", "K", "L", "M")
THRESHOLDS = [round(0.5 + k / 100, 2) for k in range(50)]
AEB_FLAG_BUDGET = 0.002  # of the held-out AEB lines no rule takes
PROSE_FLAG_BUDGET = 0.005  # of the held-out prose lines of the sets and written article lines
# AEB lines of up to this many words train the model as prose: the exported model was trained so,
# when the pipeline asked it about lines of up to 30 words; it now asks about fewer
# (tasks/segment/furniture_model.py MAX_WORDS), and longer prose still teaches it what prose is.
PROSE_MAX_WORDS = 30
C = 4.0  # inverse regularisation; class weights balance boilerplate against the many prose lines


def set_lines(name: str) -> tuple[list[str], list[str]]:
    boilerplate, prose = SETS[name]
    return ([line for family in boilerplate.values() for lines in family.values() for line in lines],
            [line for lines in prose.values() for line in lines])


def aeb_lines() -> list[tuple[int, str]]:
    """(page index, line) of the AEB tuning half's bodies and titles, short lines only."""
    titles = json.loads((MODEL_FILE.parents[2] / "bench" / "aeb_titles.json").read_text(encoding="utf-8"))
    found = []
    for index, page in enumerate(load_pages()):
        if is_tuning_page(index):
            lines = [line.strip() for line in page.truth.splitlines()] + [titles.get(page.page_id) or ""]
            found += [(index, line) for line in lines if line and len(line.split()) <= PROSE_MAX_WORDS]
    return found


def no_rule_takes(line: str) -> bool:
    lines = split_lines(line)
    for found in lines:
        classify_line(found)
    return all(found.rule is None for found in lines)


def new_model() -> tuple[FeatureUnion, LogisticRegression]:
    features = FeatureUnion([
        ("char_wb", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True)),
        ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
    ])
    return features, LogisticRegression(C=C, max_iter=5000, class_weight="balanced")


def fit(texts: list[str], labels: list[int]) -> tuple[FeatureUnion, LogisticRegression]:
    features, model = new_model()
    model.fit(features.fit_transform(texts), labels)
    return features, model


def written_lines(fold: int | None = None, held_out: bool = False) -> tuple[list[str], list[str]]:
    """bench/furniture_training_lines.py's furniture and article lines: those of one fold (a seventh,
    by position) when `held_out`, else all but that fold's."""
    def chosen(lines: list[str]) -> list[str]:
        return [line for k, line in enumerate(lines) if fold is None or (k % len(FOLD_SETS) == fold) == held_out]
    return ([line for lines in FURNITURE.values() for line in chosen(lines)],
            [line for lines in ARTICLE_LINES.values() for line in chosen(lines)])


def training_data(exclude: str | None = None, fold: int | None = None,
                  aeb: list[tuple[int, str]] = ()) -> tuple[list[str], list[int]]:
    texts: list[str] = []
    labels: list[int] = []
    for name in SETS:
        if name in HELD_OUT_SETS or name == exclude:
            continue
        boilerplate, prose = set_lines(name)
        texts += boilerplate + prose
        labels += [1] * len(boilerplate) + [0] * len(prose)
    furniture, article = written_lines(fold)
    kept = [line for index, line in aeb if fold is None or index % len(FOLD_SETS) != fold]
    return (texts + furniture + article + kept,
            labels + [1] * len(furniture) + [0] * (len(article) + len(kept)))


def choose_threshold(aeb: list[tuple[int, str]]) -> tuple[float, dict]:
    """Out-of-fold probabilities of each held-out set's lines and AEB lines, and the threshold."""
    boilerplate_p, prose_p, aeb_p = [], [], []
    for fold, name in enumerate(FOLD_SETS):
        features, model = fit(*training_data(name, fold, aeb))
        boilerplate, prose = set_lines(name)
        furniture, article = written_lines(fold, held_out=True)
        boilerplate, prose = boilerplate + furniture, prose + article
        held_aeb = [line for index, line in aeb if index % len(FOLD_SETS) == fold]
        for lines, into in ((boilerplate, boilerplate_p), (prose, prose_p), (held_aeb, aeb_p)):
            asked = [line for line in lines if no_rule_takes(line)]
            into += list(model.predict_proba(features.transform(asked))[:, 1]) if asked else []
    for threshold in THRESHOLDS:
        prose_taken = sum(p >= threshold for p in prose_p)
        aeb_taken = sum(p >= threshold for p in aeb_p)
        if prose_taken <= PROSE_FLAG_BUDGET * len(prose_p) and aeb_taken <= AEB_FLAG_BUDGET * len(aeb_p):
            return threshold, {"boilerplate_asked": len(boilerplate_p),
                               "boilerplate_taken": int(sum(p >= threshold for p in boilerplate_p)),
                               "prose_asked": len(prose_p), "prose_taken": int(prose_taken),
                               "aeb_asked": len(aeb_p), "aeb_taken": int(aeb_taken)}
    raise SystemExit("no threshold keeps the held-out prose")


def export(features: FeatureUnion, model: LogisticRegression, threshold: float) -> dict:
    coef = model.coef_[0]
    vectorizers, offset = [], 0
    for name, vectorizer in features.transformer_list:
        size = len(vectorizer.vocabulary_)
        terms = {term: [float(vectorizer.idf_[k]), float(coef[offset + k])] for term, k in vectorizer.vocabulary_.items()}
        vectorizers.append({"analyzer": name, "ngram_range": list(vectorizer.ngram_range), "terms": terms})
        offset += size
    return {"vectorizers": vectorizers, "intercept": float(model.intercept_[0]), "threshold": threshold}


def check_export(data: dict, features: FeatureUnion, model: LogisticRegression, texts: list[str]) -> float:
    """Largest difference between scikit-learn's probabilities and the exported model's."""
    exported = from_exported(data)
    theirs = model.predict_proba(features.transform(texts))[:, 1]
    return max(abs(exported.probability(text) - p) for text, p in zip(texts, theirs))


def main() -> int:
    started = time.perf_counter()
    aeb = aeb_lines()
    threshold, held_out = choose_threshold(aeb)
    texts, labels = training_data(aeb=aeb)
    features, model = fit(texts, labels)
    data = export(features, model, threshold)
    difference = check_export(data, features, model, texts)
    assert difference < 1e-9 and not math.isnan(difference), difference
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    with gzip.GzipFile(MODEL_FILE, "wb", compresslevel=9, mtime=0) as stream:  # the same bytes for the same model
        stream.write(text.encode("utf-8"))
    print(f"threshold {threshold}; held out while choosing it: {held_out}")
    print(f"{len(texts)} training lines ({sum(labels)} boilerplate), "
          f"{sum(len(v['terms']) for v in data['vectorizers'])} terms; export matches to {difference:.1e}; "
          f"wrote {MODEL_FILE} in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
