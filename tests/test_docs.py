"""The repository stands on its own: every file a comment, a doc or the README names is in it."""

import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# A path into the repository's own folders, as comments and docs write them: `tasks/core/ids.py`.
REFERENCE = re.compile(r"(?<![\w./-])((?:docs|bench|tasks|flows|sql|tests|examples|automations)/[\w./-]*\w\."
                       r"(?:md|py|sql|json|txt|yaml|toml)(?:\.gz)?)")
TEXT = (".py", ".md", ".sql", ".toml", ".yaml")


def named_paths(text: str) -> set[str]:
    return set(REFERENCE.findall(text))


def tracked_text_files() -> list[Path]:
    """The code, docs and benchmarks; not the tests, which name missing files on purpose."""
    listed = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    return [REPO / name for name in listed if name.endswith(TEXT) and not name.startswith("tests/")]


def test_every_file_named_in_the_repository_exists():
    files = tracked_text_files()
    assert len(files) > 40  # a checkout, not an empty listing
    missing = sorted(f"{path.relative_to(REPO)} names {name}" for path in files
                     for name in named_paths(path.read_text(errors="replace"))
                     if not (REPO / name).exists() and not written_by_a_run(name))
    assert missing == []


def written_by_a_run(name: str) -> bool:
    """A file a benchmark or a run writes where git ignores it (bench/_work/...): named, not kept."""
    return subprocess.run(["git", "check-ignore", "-q", "--no-index", name], cwd=REPO).returncode == 0


def test_references_are_recognised_as_written():
    text = "see tasks/core/ids.py, (docs/STACK.md) and `sql/queries/fact.sql`; not mytasks/x.py or tasks/ alone"
    assert named_paths(text) == {"tasks/core/ids.py", "docs/STACK.md", "sql/queries/fact.sql"}


def test_ci_runs_the_readmes_test_command():
    """.ci/run may install what the suite's servers need first, and then runs the README's command."""
    readme = (REPO / "README.md").read_text()
    command = re.search(r"Set up and run the whole test suite:\n\n```sh\n(.+)\n```", readme).group(1)
    assert (REPO / ".ci" / "run").read_text().rstrip().splitlines()[-1] == command
