"""Conventions the code is held to: imports point one way (core <- stages <- pipeline <- flows
<- CLI), tasks know nothing of Prefect, no import cycles, and SQL lives in sql/*.sql."""

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CODE = sorted(list((REPO / "tasks").rglob("*.py")) + list((REPO / "flows").glob("*.py")))

# What each part of the code may import from newsflow besides itself. The stages read and write
# only core types; linking reads the dataset through the store; the pipeline chains the stages;
# the flows compose the pipeline; the CLI (flows/cli.py) sits on the flows.
ALLOWED = {
    "tasks": set(),  # tasks/__init__.py
    "tasks.core": set(),
    "tasks.sources": {"tasks.core"},
    "tasks.extract": {"tasks.core"},
    "tasks.segment": {"tasks.core"},
    "tasks.enrich": {"tasks.core"},
    "tasks.store": {"tasks.core"},
    "tasks.link": {"tasks.core", "tasks.store"},
    "tasks.drift": {"tasks.core", "tasks.store"},
    "tasks.pipeline": {"tasks.core", "tasks.sources", "tasks.extract", "tasks.segment", "tasks.enrich",
                       "tasks.store", "tasks.link", "tasks.drift"},
    "flows": {"tasks.core", "tasks.sources", "tasks.store", "tasks.link", "tasks.drift", "tasks.pipeline"},
    "flows.cli": {"flows", "tasks.core", "tasks.sources", "tasks.segment", "tasks.store", "tasks.pipeline"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def part_of(module: str) -> str:
    """The layer a module belongs to: flows.cli, flows, or tasks.<sub-package>."""
    if module == "flows.cli":
        return module
    return ".".join(module.split(".")[:2]) if module.startswith("tasks.") else module.split(".")[0]


def newsflow_imports(path: Path) -> set[str]:
    """The newsflow modules a file imports (without the `newsflow.` prefix), wherever the import is."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)  # `from pkg import module`
    known = {module_name(p) for p in CODE}
    return {name.removeprefix("newsflow.") for name in found if name.removeprefix("newsflow.") in known}


def top_level_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("path", CODE, ids=lambda p: str(p.relative_to(REPO)))
def test_imports_point_one_way(path):
    layer = part_of(module_name(path))
    outside = {part_of(name) for name in newsflow_imports(path)} - {layer}
    assert outside <= ALLOWED[layer], f"{layer} may not import {sorted(outside - ALLOWED[layer])}"


def test_code_imports_itself_under_newsflow_only():
    """`import tasks...` would load a second copy of a module under another name."""
    python = CODE + sorted((REPO / "tests").glob("*.py")) + sorted((REPO / "bench").glob("*.py"))
    offenders = [str(p.relative_to(REPO)) for p in python if {"tasks", "flows"} & top_level_imports(p)]
    assert offenders == []


def test_no_import_cycles():
    graph = {module_name(p): newsflow_imports(p) - {module_name(p)} for p in CODE}
    try:
        list(TopologicalSorter(graph).static_order())
    except CycleError as cycle:
        pytest.fail(f"import cycle: {cycle.args[1]}")


def test_import_rules_would_catch_a_violation():
    assert "tasks.pipeline" not in ALLOWED["tasks.segment"]
    assert part_of("tasks.segment.clean") == "tasks.segment" and part_of("flows.cli") == "flows.cli"


def test_tasks_do_not_import_prefect():
    offenders = [p.name for p in (REPO / "tasks").rglob("*.py") if {"prefect", "prefect_dask"} & top_level_imports(p)]
    assert offenders == []


def test_every_sql_file_is_used():
    """Views are loaded per table; other top-level files by name; sql/queries/ run in test_ingest."""
    from newsflow.tasks.core.schema import TABLE_SCHEMAS

    python = "\n".join(p.read_text() for p in CODE)
    unused = [p.name for p in (REPO / "sql").glob("*.sql") if p.stem not in TABLE_SCHEMAS and f'"{p.stem}"' not in python]
    assert unused == []


def test_no_sql_select_in_python_strings():
    offenders = []
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value.lstrip().upper()
                if text.startswith(("SELECT ", "WITH ", "INSERT ", "CREATE TABLE")):
                    offenders.append(f"{path.name}: {node.value[:40]!r}")
    assert offenders == []
