"""newsflow as an installable package: every direct import declared, and a wheel that works in a
fresh virtual environment, run from another folder (no checkout on its path)."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(requirements: list[str]) -> set[str]:
    return {normalized(re.split(r"[\s<>=!~;\[@]", requirement, maxsplit=1)[0]) for requirement in requirements}


def third_party_imports(paths: list[Path]) -> set[str]:
    """Top-level modules imported by the files, minus the standard library and newsflow itself."""
    found = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"newsflow", "__future__"}


def undeclared(modules: set[str], requirements: set[str]) -> list[str]:
    distributions = packages_distributions()
    return sorted(module for module in modules
                  if not {normalized(d) for d in distributions.get(module, [module])} & requirements)


def test_every_import_of_the_code_is_a_declared_dependency():
    code = sorted((REPO / "flows").glob("*.py")) + sorted((REPO / "tasks").rglob("*.py"))
    assert undeclared(third_party_imports(code), declared(PYPROJECT["project"]["dependencies"])) == []


def test_every_import_of_the_tests_is_declared_for_the_tests():
    requirements = declared(PYPROJECT["project"]["dependencies"] + PYPROJECT["project"]["optional-dependencies"]["test"])
    local = {path.stem for path in (REPO / "tests").glob("*.py")} | {"bench"}
    tests = sorted((REPO / "tests").glob("*.py"))
    assert undeclared(third_party_imports(tests) - local, requirements) == []


def test_every_package_folder_is_in_the_wheel():
    """setuptools' folder mapping lists the packages by name: a new sub-package must be listed."""
    folders = {"newsflow." + ".".join(init.parent.relative_to(REPO).parts)
               for top in ("flows", "tasks", "sql") for init in (REPO / top).rglob("__init__.py")}
    assert folders == set(PYPROJECT["tool"]["setuptools"]["packages"])


def test_the_dependency_check_sees_a_missing_declaration():
    assert undeclared({"yaml", "numpy"}, {"numpy"}) == ["yaml"]


@pytest.mark.slow
def test_the_wheel_installs_and_ingests_from_another_folder(tmp_path):
    """The wheel holds flows, tasks and sql; installed into a fresh environment it ingests the
    example inbox run from an unrelated folder. Its dependencies come from the test environment
    (a path entry, not the registry: tests use no network), its code only from the wheel."""
    source, wheels = tmp_path / "source", tmp_path / "wheels"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source)
    for folder in ("flows", "tasks", "sql"):  # a copy: setuptools builds in the source folder
        shutil.copytree(REPO / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(wheels),
                    str(source)], check=True, capture_output=True, cwd=tmp_path)
    wheel = next(wheels.glob("newsflow-*.whl"))
    fresh = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "venv", str(fresh)], check=True)
    python = fresh / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True,
                   capture_output=True)
    fresh_site = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                     check=True, capture_output=True, text=True).stdout.strip())
    (fresh_site / "test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    where = subprocess.run([python, "-c", "import newsflow.tasks, newsflow.sql; print(newsflow.tasks.__file__)"],
                           cwd=elsewhere, check=True, capture_output=True, text=True).stdout
    assert where.startswith(str(fresh_site)), where
    ingest = subprocess.run([fresh / "bin" / "newsflow", "ingest", str(REPO / "examples" / "inbox"), "--data", "data"],
                            cwd=elsewhere, capture_output=True, text=True, timeout=600)
    assert ingest.returncode == 0, ingest.stderr[-3000:]
    count = subprocess.run([fresh / "bin" / "newsflow", "sql", "SELECT count(*) AS n FROM articles", "--data", "data",
                            "--format", "csv"], cwd=elsewhere, capture_output=True, text=True, timeout=120)
    assert count.returncode == 0, count.stderr[-2000:]
    assert int(count.stdout.split()[-1]) >= 10
    clusters = subprocess.run([fresh / "bin" / "newsflow", "sql", "sql/queries/story_clusters.sql", "--data", "data",
                               "--format", "csv"], cwd=elsewhere, capture_output=True, text=True, timeout=120)
    assert clusters.returncode == 0 and "Reuters" in clusters.stdout, clusters.stderr[-2000:]  # installed queries
    serve = subprocess.run([fresh / "bin" / "newsflow", "serve", "--data", "data"], cwd=elsewhere, capture_output=True,
                           text=True, timeout=120)
    assert serve.returncode != 0 and "no prefect.yaml" in serve.stderr, serve.stderr[-2000:]
