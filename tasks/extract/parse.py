"""A decoded page parsed as trafilatura parses it, with the Python objects of its elements made in C.

lxml makes an element's Python object when code first reaches it, and lxml.html's parser (the
one trafilatura's `load_html` uses) asks a lookup written in Python (`HtmlElementClassLookup`)
which class to make: on the 181 AEB pages, newsflow's extraction (trafilatura's, htmldate's and
newsflow's own walks of each page) called it 726,000 times, 0.48 s of 9.1 under cProfile.
PAGE_PARSER has the same options with lxml's lookup in C: every element an HtmlElement, as
before, except that form controls (<input>, <select>, <textarea>, <form>, <label>) lose the
subclasses that give them a `.value` or `.fields`, which trafilatura, htmldate and newsflow do
not use. The texts and metadata extracted are the same (tests/test_parse.py, and every one of
1,000 distinct pages of bench/corpus.py), in about 5% less time: 0.86-0.96 of the time on the AEB
pages in three rounds, 0.95 on the 1,000 pages (each page extracted both ways in turn,
bench/throughput_notes.md).
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction, fromstring
from trafilatura.utils import is_dubious_html, repair_faulty_html

PAGE_PARSER = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                         remove_pis=True)  # trafilatura.utils.HTML_PARSER's options
PAGE_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))


def parse_page(html: str) -> HtmlElement | None:
    """The tree of a decoded page as trafilatura's `load_html` makes it (the same repairs, the
    same second try with bytes, the same refusal of what is not HTML), or None."""
    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    html = repair_faulty_html(html, beginning)
    tree = _parsed(html)  # None for a string declaring an encoding, which lxml takes only as bytes
    if tree is None or len(tree) < 1:
        tree = _parsed(html.encode("utf8", "surrogatepass"))
    if tree is not None and dubious and len(tree) < 2:
        return None  # as load_html: "wrong data type or not valid HTML"
    return tree


def _parsed(html: str | bytes) -> HtmlElement | None:
    try:
        return fromstring(html, parser=PAGE_PARSER)
    except Exception:  # as load_html, which logs lxml's error and tries again or returns None
        return None
