"""The registry of cleaning rules (tasks/segment/rules.py): every rule fires on its example and
spares its near miss, every pattern family of the line rules has an example line of its own, the
code names rules only through the registry, and `newsflow rules` shows every rule."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from newsflow.flows.cli import main
from newsflow.tasks.core.schema import RawDocument
from newsflow.tasks.extract.page import prepare_document
from newsflow.tasks.segment.clean import classify_line, segment_document
from newsflow.tasks.segment.lines import Line, split_lines
from newsflow.tasks.segment.page_spans import segment_page
from newsflow.tasks.segment.rules import LINE_RULES, PAGE, RULE_NAMES, RULES, LineRule, effect

SEGMENT = Path(__file__).resolve().parents[1] / "tasks" / "segment"
LINE_RULE_NAMES = {test.name for test in LINE_RULES}


def spans_of(text: str) -> list[tuple[str, str | None]]:
    """(kind, rule) of every span the real cleaning gives the text (an HTML page: the pipeline's
    extraction first, and the spans of the text it left out too)."""
    if text.lstrip().startswith("<"):
        return [(span.kind, span.rule) for span in page_spans(text)]
    return [(span.kind, span.rule) for draft in segment_document(text) for span in draft.spans]


def page_spans(html: str):
    doc = prepare_document(RawDocument("page.html", "file", "text/html", html.encode()))
    drafts, left_out = segment_page(doc.raw_text, doc.main_text, doc.layout, doc.title)
    return [span for draft in drafts for span in draft.spans] + left_out


def test_page_rules_have_pages_for_examples():
    for rule in RULES:
        if rule.scope == PAGE:
            assert rule.example.lstrip().startswith("<") and rule.counterexample.lstrip().startswith("<")


def first_test(line: Line) -> LineRule | None:
    """The test of LINE_RULES that names the line: the first that matches, as classify_line tries them."""
    return next((test for test in LINE_RULES if line.words <= test.max_words and test.matches(line.text)), None)


def example_of(name: str) -> str:
    return next(rule.example for rule in RULES if rule.name == name)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_rule_fires_on_its_example(rule):
    assert (rule.kind, rule.name) in spans_of(rule.example)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_rule_spares_its_counterexample(rule):
    assert rule.name not in {name for _, name in spans_of(rule.counterexample)}


@pytest.mark.parametrize("rule", [rule for rule in RULES if rule.name in LINE_RULE_NAMES], ids=lambda rule: rule.name)
def test_every_line_of_a_line_rules_example_gets_the_rule(rule):
    for line in split_lines(rule.example):
        classify_line(line)
        assert line.rule == rule.name, line.text


@pytest.mark.parametrize("test", LINE_RULES, ids=lambda test: f"{test.name}: {test.pattern}")
def test_every_pattern_family_names_a_line_of_its_rules_example(test):
    """Each test of LINE_RULES is the first to match a line of the example, so every family is tried."""
    assert any(first_test(line) is test for line in split_lines(example_of(test.name)))


def test_the_registry_has_one_entry_per_name():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names)) and LINE_RULE_NAMES <= set(names)


def test_every_span_of_the_examples_carries_a_registered_name():
    seen = {span for rule in RULES for text in (rule.example, rule.counterexample) for span in spans_of(text)}
    assert {kind for kind, name in seen if name is None} <= {"body"}
    assert {name for _, name in seen if name is not None} == RULE_NAMES


def _string_literals(tree: ast.AST) -> set[str]:
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node)}
    return {node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings}


@pytest.mark.parametrize("path", sorted(set(SEGMENT.glob("*.py")) - {SEGMENT / "rules.py"}), ids=lambda path: path.name)
def test_code_names_rules_through_the_registry_only(path):
    """A rule name written out as a string beside tasks/segment/rules.py would be a second copy of it."""
    assert _string_literals(ast.parse(path.read_text())) & RULE_NAMES == set()


def test_a_name_outside_the_registry_cannot_be_given_to_a_line():
    line = split_lines("Advertisement")[0]
    with pytest.raises(KeyError):
        line.mark("sponsor_box")


def test_newsflow_rules_prints_every_rule(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for rule in RULES:
        assert f"{rule.name}: {effect(rule)}" in out and rule.why in out
        assert all(pattern in out for pattern in rule.pattern)


def test_newsflow_rules_shows_the_examples_on_request(capsys):
    assert main(["rules", "--examples"]) == 0
    out = capsys.readouterr().out
    for rule in RULES:
        for text in (rule.example, rule.counterexample):
            assert all(line.strip() in out for line in text.splitlines())
