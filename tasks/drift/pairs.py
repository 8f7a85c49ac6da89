"""Drift rows of (article, origin) pairs as `sql/drift_pairs.sql` gives them: the work of one
group of pairs, in whichever process compares it. This module imports the detector only, so a
worker process that compares pairs starts in about a second."""

from __future__ import annotations

from datetime import UTC, datetime

from newsflow.tasks.drift.detect import Drift, DriftText, find_drift


def drift_rows(pairs: list[dict]) -> list[dict]:
    """The drift rows of every pair, in order."""
    return [row for pair in pairs for row in pair_rows(pair)]


def pair_rows(pair: dict) -> list[dict]:
    origin = DriftText(pair["origin_body"] or "", aware(pair["origin_published_at"]), pair["origin_language"])
    copy = DriftText(pair["body"] or "", aware(pair["published_at"]), pair["language"])
    drifts = find_drift(origin, copy, fallback_date=aware(pair["story_earliest"]))
    return [drift_row(pair["article_id"], pair["origin_article_id"], drift) for drift in drifts]


def drift_row(article_id: str, origin_article_id: str, drift: Drift) -> dict:
    return {"article_id": article_id, "origin_article_id": origin_article_id, "kind": drift.kind,
            "change": drift.change, "origin_value": drift.origin_value, "value": drift.value,
            "origin_sentence": drift.origin_sentence, "origin_start": drift.origin_start,
            "origin_end": drift.origin_end, "sentence": drift.sentence, "start": drift.start, "end": drift.end,
            "confidence": drift.confidence}


def aware(value: datetime | None) -> datetime | None:
    """DuckDB gives timestamps with time zone in the session's zone, and naive ones as they are."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
