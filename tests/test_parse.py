"""Pages parsed with the C class lookup (tasks/extract/parse.py) are the trees trafilatura's own
load_html makes, and give the same extraction."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from newsflow.tasks.extract import page
from newsflow.tasks.extract.parse import parse_page

EXAMPLE_PAGE = (Path(__file__).resolve().parents[1] / "examples" / "inbox" / "05-news-page.html").read_text("utf-8")
FORM_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Flood barrier tested - Delta Courier</title></head>
<body><nav><a href="/">Home</a> | <a href="/local">Local</a></nav>
<form action="/search"><label for="q">Search</label><input id="q" name="q" value="barrier">
<select name="section"><option>All</option><option selected>Local</option></select>
<textarea name="note">Tell us more</textarea></form>
<article><h1>Flood barrier tested</h1><p class="byline">By Joost de Vries</p>
<p>Engineers closed the river's new flood barrier for the first time on Saturday, sealing the harbour
from a spring tide that rose to two metres above the usual high-water mark.</p>
<p>The test lasted four hours, and the barrier reopened on schedule, the water board said.</p>
<figure><img src="barrier.jpg" alt=""><figcaption>The barrier closed. <small>Photo: Delta Courier</small></figcaption></figure>
</article><!-- a comment --><?php echo 1; ?></body></html>"""

ODD_INPUTS = {
    "example-page": EXAMPLE_PAGE,
    "form-controls-and-figure": FORM_PAGE,
    "xml-declaration-with-encoding": '<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>Rates rose again.</p>'
                                     "<p>The bank said so.</p></body></html>",
    "self-closing-html-tag": '<!DOCTYPE html>\n<html lang="fr"/>\n<body><p>Le pont est rouvert.</p></body></html>',
    "control-characters": "<html><body><p>Zoll\x0b\x1fgebühren steigen.</p><p>Seit Montag.</p></body></html>",
    "fragment-of-one-paragraph": "<p>Just one paragraph, no document around it.</p>",
    "plain-text": "Not HTML at all, only words on a line.",
    "empty": "",
    "lone-surrogate": "<html><body><p>Broken \ud800 text.</p><p>Second paragraph.</p></body></html>",
}


def serialised(tree: HtmlElement | None) -> bytes | None:
    return None if tree is None else etree.tostring(tree)


@pytest.mark.parametrize("html", ODD_INPUTS.values(), ids=ODD_INPUTS.keys())
def test_the_tree_is_the_one_trafilatura_makes(html):
    ours = parse_page(html)
    assert serialised(ours) == serialised(load_html(html))
    if ours is not None:
        assert all(isinstance(element, HtmlElement) for element in ours.iter(tag=etree.Element))


@pytest.mark.parametrize("html", ODD_INPUTS.values(), ids=ODD_INPUTS.keys())
def test_the_extraction_is_the_one_of_trafilaturas_tree(html, monkeypatch):
    ours = page.extract_html(html, url="https://news.example/2025/10/02/story")
    monkeypatch.setattr(page, "parse_page", load_html)
    assert ours == page.extract_html(html, url="https://news.example/2025/10/02/story")


def test_form_controls_are_plain_html_elements():
    """What the C lookup leaves out: the form controls' own classes (lxml.html's InputElement ...)."""
    tree = parse_page(FORM_PAGE)
    assert tree is not None
    (field,) = tree.iter("input")
    assert type(field) is HtmlElement and field.get("value") == "barrier"
    assert type(next(load_html(FORM_PAGE).iter("input"))) is not HtmlElement  # lxml.html's InputElement
