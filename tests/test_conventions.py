"""Conventions the code is held to: tasks know nothing of Prefect or the flows, and SQL lives in sql/*.sql."""

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_tasks_do_not_import_prefect():
    offenders = [p.name for p in (REPO / "tasks").glob("*.py") if {"prefect", "prefect_dask"} & imported_modules(p)]
    assert offenders == []


def test_tasks_do_not_import_flows():
    offenders = [p.name for p in (REPO / "tasks").glob("*.py") if "flows" in imported_modules(p)]
    assert offenders == []


def test_every_sql_file_is_used():
    """Views are loaded per table; other top-level files by name; sql/queries/ run in test_ingest."""
    from tasks.schema import TABLE_SCHEMAS

    python = "\n".join(p.read_text() for p in list(REPO.glob("tasks/*.py")) + list(REPO.glob("flows/*.py")))
    unused = [p.name for p in (REPO / "sql").glob("*.sql") if p.stem not in TABLE_SCHEMAS and f'"{p.stem}"' not in python]
    assert unused == []


def test_no_sql_select_in_python_strings():
    offenders = []
    for path in list((REPO / "tasks").glob("*.py")) + list((REPO / "flows").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value.lstrip().upper()
                if text.startswith(("SELECT ", "WITH ", "INSERT ", "CREATE TABLE")):
                    offenders.append(f"{path.name}: {node.value[:40]!r}")
    assert offenders == []
