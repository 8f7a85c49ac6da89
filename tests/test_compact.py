"""`newsflow compact` merges part files and changes no query's result, even if it dies midway."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from dataset_checks import row_counts

from newsflow.flows.cli import main
from newsflow.tasks.core.schema import PARTITIONED_TABLES, TABLE_SCHEMAS
from newsflow.tasks.store.compact import merge_part_files
from newsflow.tasks.store.dataset import COMMIT_MARKER, STAGING, connect, part_files, recover

REPO = Path(__file__).resolve().parents[1]
QUERIES = sorted((REPO / "sql" / "queries").glob("*.sql"))


def answers(data: Path) -> dict[str, list]:
    db = connect(data)
    found = {table: db.execute(f'SELECT * EXCLUDE (ingest_date) FROM "{table}" ORDER BY ALL').fetchall()
             for table in PARTITIONED_TABLES}
    found.update({q.stem: db.execute(q.read_text()).fetchall() for q in QUERIES})
    return found


@pytest.fixture()
def fragmented(fragmented_example_dataset_once, tmp_path) -> Path:
    """The example inbox ingested two inputs a batch, its part files not merged (tests/conftest.py)."""
    return fragmented_example_dataset_once.copy_to(tmp_path / "data")


def test_compact_changes_no_answer_and_leaves_one_file_per_partition(fragmented):
    before, files = answers(fragmented), len(part_files(fragmented, "articles"))
    assert files > 2
    assert main(["compact", "--data", str(fragmented)]) == 0
    assert answers(fragmented) == before
    assert len(part_files(fragmented, "articles")) == 1
    assert merge_part_files(fragmented) == []


def test_partitions_merged_side_by_side_in_several_runs_change_no_answer(fragmented):
    """With a small target, a partition's files merge in several runs (one after the other, each
    file named by its time) while the other tables' partitions merge beside it."""
    before = answers(fragmented)
    sizes = sorted(path.stat().st_size for path in part_files(fragmented, "spans"))
    merged = merge_part_files(fragmented, target_bytes=sizes[-1] * 2)
    spans_runs = [done for done in merged if done.table == "spans"]
    assert len(spans_runs) >= 2 and len({done.table for done in merged}) > 1
    assert answers(fragmented) == before
    assert not list((fragmented / STAGING).iterdir())  # every staged merge committed and cleared


def test_a_compaction_killed_after_its_marker_is_finished_by_recover(fragmented):
    before, counts = answers(fragmented), row_counts(fragmented)
    folder = part_files(fragmented, "spans")[0].parent
    files = part_files(fragmented, "spans")
    staging = fragmented / STAGING / "compact-spans-killed"
    staging.mkdir(parents=True)
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.concat_tables([pq.read_table(f, schema=TABLE_SCHEMAS["spans"]) for f in files]), staging / "merged.parquet")
    plan = {"place": {"merged": (folder / "compact-x.parquet").relative_to(fragmented).as_posix()},
            "remove": [f.relative_to(fragmented).as_posix() for f in files]}
    (staging / COMMIT_MARKER).write_text(json.dumps(plan))
    files[0].unlink()  # died halfway through removing the old files
    (folder / "compact-x.parquet").parent.mkdir(exist_ok=True)
    recover(fragmented)
    assert row_counts(fragmented) == counts and answers(fragmented) == before
    assert [p.name for p in part_files(fragmented, "spans")] == ["compact-x.parquet"]


def test_files_merge_in_runs_up_to_the_target_size(tmp_path):
    from newsflow.tasks.store.compact import runs_to_merge

    sizes = {"a": 40, "b": 40, "c": 300, "d": 40, "e": 40, "f": 40}
    for name, size in sizes.items():
        (tmp_path / name).write_bytes(b"x" * size)
    runs = runs_to_merge([tmp_path / name for name in sizes], target_bytes=100)
    assert [[p.name for p in run] for run in runs] == [["a", "b"], ["d", "e"], ["f"]]


def test_an_ingest_leaves_one_file_a_table_and_day(example_dataset):
    data = example_dataset  # ingested three inputs a batch: five batches, merged at the end of the run
    assert all(len(part_files(data, table)) <= 1 for table in PARTITIONED_TABLES)
    assert row_counts(data)["documents"] == 9
