"""A dataset built once by `newsflow ingest` and handed to each test as its own copy.

The build is checked when it is made (exit code 0) and each time it is copied: a test that
wrote into the shared build instead of its copy fails the next test that asks for one, naming
the files it changed.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from dataclasses import dataclass
from pathlib import Path

# Files a read may create: DuckDB's spill folder (newsflow.tasks.store.dataset.SPILL).
_SCRATCH = ("_state/duckdb_spill",)


def fingerprint(data: Path) -> dict[str, tuple[int, int]]:
    """Every file of a dataset folder, with its size and modification time."""
    return {path.relative_to(data).as_posix(): (path.stat().st_size, path.stat().st_mtime_ns)
            for path in sorted(data.rglob("*")) if path.is_file()
            and not path.relative_to(data).as_posix().startswith(_SCRATCH)}


@dataclass(frozen=True)
class BuiltDataset:
    path: Path
    output: str  # what `newsflow ingest` printed: the run's summary
    files: dict[str, tuple[int, int]]

    def copy_to(self, destination: Path) -> Path:
        """A copy of the dataset at `destination`, after checking nothing changed the original."""
        now = fingerprint(self.path)
        changed = sorted(name for name in self.files.keys() | now.keys() if self.files.get(name) != now.get(name))
        assert not changed, f"a test changed the shared dataset {self.path} instead of its copy: {changed}"
        shutil.copytree(self.path, destination, symlinks=True, ignore=shutil.ignore_patterns("duckdb_spill"))
        return destination


def build_dataset(data: Path, sources: list[Path], *options: str) -> BuiltDataset:
    """Run `newsflow ingest SOURCES --data DATA OPTIONS` in this process (Prefect's API must be
    up: the `prefect_server` fixture)."""
    from newsflow.flows.cli import main

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = main(["ingest", *map(str, sources), "--data", str(data), *options])
    assert code == 0, f"newsflow ingest exited {code}: {printed.getvalue()[-2000:]}"
    return BuiltDataset(data, printed.getvalue(), fingerprint(data))
