"""The visible text of an HTML page as blocks, in page order, and its figure captions with their credits.

The span audit of an HTML page (tasks/extract/layout.py) accounts for this text: what trafilatura
kept, what the page's figures say, and what extraction left out. A block is the text of one
block-level element (a paragraph, a list item, a table cell, a heading ...) with its whitespace
folded; text a reader never sees (scripts, styles, templates, the head, elements marked hidden) is
not part of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

# Elements whose text starts a block of its own: HTML's block-level and table elements, and <br>.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol p pre section summary table tbody "
    "td tfoot th thead tr ul".split()
)
# Elements whose content is not shown as text.
INVISIBLE_TAGS = frozenset(
    "script style noscript template head title meta link svg math iframe object embed canvas audio video "
    "source track map select option datalist".split()
)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# A figure's caption: <figcaption>, or an element its class or itemprop calls a caption (WordPress's
# wp-caption-text, Drupal's field--name-field-caption, schema.org's itemprop=caption ...).
CAPTION_XPATH = (
    "//figcaption | //*[not(self::figcaption) and not(self::caption) and "
    "(contains(@class, 'caption') or contains(@class, 'Caption') or @itemprop='caption')]"
)
# Elements a reader does not see; looked up once per page (cheaper than reading each element's attributes).
HIDDEN_XPATH = "//*[@hidden or @aria-hidden='true' or contains(@style, 'none') or contains(@style, 'hidden')]"
# A credit inside a figure: an element whose class or itemprop names a credit, copyright or photographer,
# or a <cite> or <small> inside the caption.
CREDIT_XPATH = (
    ".//*[contains(translate(@class, 'CREDITOPYHAG', 'creditopyhag'), 'credit') or "
    "contains(translate(@class, 'CREDITOPYHAG', 'creditopyhag'), 'copyright') or "
    "contains(translate(@class, 'CREDITOPYHAG', 'creditopyhag'), 'photographer') or "
    "@itemprop='copyrightHolder' or @itemprop='creator']"
)
CAPTION_INLINE_CREDIT = ("cite", "small")
WHITESPACE = re.compile(r"\s+")
# Share of a block's visible characters inside <a> from which the block is a link, not prose with links.
LINKED_SHARE = 0.9


@dataclass(frozen=True, slots=True)
class Block:
    """A run of visible text: its folded text, and the figure it captions (`figure` is the index in
    `Page.figures`) when it is a figure's caption or credit."""

    text: str
    figure: int | None = None
    linked: bool = False  # the block's text is a link's (LINKED_SHARE of its characters or more)


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure's caption text and its credit (None when the figure gives none)."""

    caption: str
    credit: str | None


@dataclass(frozen=True, slots=True)
class Page:
    """The visible text of a page as blocks, and its figures."""

    blocks: tuple[Block, ...]
    figures: tuple[Figure, ...]


def visible_page(tree: HtmlElement) -> Page:
    """The page's visible text in blocks, in page order, with its figures' captions and credits."""
    roles, figures = _figure_roles(tree)
    hidden = {element for element in tree.xpath(HIDDEN_XPATH) if _hidden(element)}
    blocks: list[Block] = []
    parts: list[str] = []
    owner: list[int | None] = [None]  # the figure whose caption or credit is being read, innermost last
    links = [0, 0]  # <a> elements open around the walk; characters of the current block read inside one

    def add(text: str | None) -> None:
        if text:
            parts.append(text)
            if links[0]:
                links[1] += len(text) - text.count(" ") - text.count("\n")

    def flush() -> None:
        text = " ".join("".join(parts).split())  # whitespace folded: str.split's is re's \s
        parts.clear()
        if text:
            blocks.append(Block(text, owner[-1], links[1] >= LINKED_SHARE * (len(text) - text.count(" "))))
        links[1] = 0

    # Per open element, what its end undoes: (element, whether it closes a block, its figure role,
    # whether it is a link), None for one skipped. Holding the element keeps lxml from building
    # its Python object anew (a Python-level class lookup) for the end event, which then needs no
    # tests of its own: on 400 pages of bench/corpus.py 0.85-0.89 CPU s against 0.96-0.98, the
    # same blocks.
    opened: list[tuple[HtmlElement, bool, int | None, bool] | None] = []
    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, element in walker:
        if event == "start":
            tag = element.tag
            if not isinstance(tag, str) or (tag := tag.lower()) in INVISIBLE_TAGS or element in hidden:
                walker.skip_subtree()
                opened.append(None)
                continue
            role = roles.get(element)
            block = tag in BLOCK_TAGS or role is not None
            if block and parts:
                flush()
            if role is not None:
                owner.append(role)
            link = tag == "a"
            links[0] += link
            opened.append((element, block, role, link))
            add(element.text)
            continue
        if (closing := opened.pop()) is not None:
            _, block, role, link = closing
            if block and parts:
                flush()
            if role is not None:
                owner.pop()
            links[0] -= link
        add(element.tail)
    flush()
    return Page(tuple(blocks), tuple(figures))


def _hidden(element: HtmlElement) -> bool:
    attributes = element.attrib
    return ("hidden" in attributes or attributes.get("aria-hidden") == "true"
            or bool(HIDDEN_STYLE.search(attributes.get("style", ""))))


def _figure_roles(tree: HtmlElement) -> tuple[dict[HtmlElement, int], list[Figure]]:
    """The caption and credit elements of the page's figures, each mapped to its figure's index."""
    captions = [element for element in tree.xpath(CAPTION_XPATH) if not _holds_caption(element)]
    roles: dict[HtmlElement, int] = {}
    figures: list[Figure] = []
    for caption in captions:
        if caption in roles or any(a in roles for a in caption.iterancestors()):
            continue  # inside a figure already read
        holder = next(caption.iterancestors("figure"), None)
        if holder is None:
            holder = caption.getparent() if caption.getparent() is not None else caption
        credits = [c for c in holder.xpath(CREDIT_XPATH) if c is not caption and not _inside_any(c, roles)]
        credits += [c for c in caption.iter(*CAPTION_INLINE_CREDIT) if c not in credits]
        credit_text = " ".join(t for t in (_text(c) for c in credits) if t) or None
        caption_text = _text(caption, without=credits)
        if not caption_text:
            continue
        index = len(figures)
        figures.append(Figure(caption_text, credit_text))
        roles[caption] = index
        roles.update((c, index) for c in credits)
    return roles, figures


def _holds_caption(element: HtmlElement) -> bool:
    """True for a wrapper (WordPress's div.wp-caption) that holds a caption element of its own."""
    return any(True for _ in element.iterdescendants("figcaption")) or bool(
        element.xpath(".//*[contains(@class, 'caption') or contains(@class, 'Caption')]"))


def _inside_any(element: HtmlElement, roles: dict[HtmlElement, int]) -> bool:
    return element in roles or any(a in roles for a in element.iterancestors())


def _text(element: HtmlElement, without: list[HtmlElement] = ()) -> str:  # type: ignore[assignment]
    """The visible text of an element, whitespace folded, leaving out the elements `without`."""
    parts: list[str] = []
    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        skip = not isinstance(node.tag, str) or node.tag.lower() in INVISIBLE_TAGS or node in without
        if event == "start":
            if skip:
                walker.skip_subtree()
            else:
                parts.append(node.text or "")
        elif node is not element:
            parts.append(" " if isinstance(node.tag, str) and node.tag.lower() in BLOCK_TAGS else "")
            parts.append(node.tail or "")
    return WHITESPACE.sub(" ", "".join(parts)).strip()
