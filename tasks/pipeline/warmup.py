"""A small run's stages loaded while Prefect starts. A small run (tasks/sources/files.py
`small_run`) processes its batch in the newsflow process, which would otherwise load trafilatura,
spaCy and its model only once the flow runs, after Prefect's temporary server has started: loaded
on a thread meanwhile, they cost the run no time of its own. (The stages' modules import nothing
of Prefect.)"""

from __future__ import annotations

import threading

from newsflow.tasks.sources.files import small_run, walk


def warm_up_small_run(sources: list[str], from_web: bool, batch_size: int, spacy_model: str | None) -> None:
    """Load the stages' libraries and models on a thread, if these sources make a small run."""
    if from_web or not small_run(list(walk(sources)), batch_size):
        return
    threading.Thread(target=_load_stages, args=(spacy_model,), name="newsflow-warm-up", daemon=True).start()


def _load_stages(spacy_model: str | None) -> None:
    try:
        from newsflow.tasks.pipeline.batches import load_models

        load_models(spacy_model)
    except Exception:  # the batch loads them again, and reports what fails then, on its documents
        pass
