"""Writing a generated report: the file under bench/, and the same text on standard output."""

from __future__ import annotations

from pathlib import Path


def write_report(path: Path, text: str) -> int:
    """Write `text` to `path` and print it; the exit status of a bench script's main (0)."""
    path.write_text(text, encoding="utf-8")
    print(text)
    return 0
