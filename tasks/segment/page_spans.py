"""Clean and split an HTML page: the cleaner classifies its main text, and the spans are laid back
onto the page's whole visible text (tasks/extract/layout.py), where what extraction left out is
accounted for by spans of its own."""

from __future__ import annotations

import bisect
from dataclasses import replace

from newsflow.tasks.core.schema import DROPPED, Span, StoryDraft, TextLayout
from newsflow.tasks.segment import rules
from newsflow.tasks.segment.clean import segment_document


def segment_page(raw_text: str, main_text: str, layout: TextLayout,
                 title_hint: str | None = None) -> tuple[list[StoryDraft], list[Span]]:
    """The page's stories, their spans pointing into `raw_text`, and the spans of the text the
    extraction left out (in no story)."""
    drafts = segment_document(main_text, title_hint, caption_lines=layout.caption_lines, link_lines=layout.link_lines)
    return placed_on_page(drafts, raw_text, layout)


def placed_on_page(drafts: list[StoryDraft], raw_text: str,
                   layout: TextLayout) -> tuple[list[StoryDraft], list[Span]]:
    """The drafts of a page's main text as drafts of its `raw_text` (new ones: those given are
    left as they are), and the spans of the text the extraction left out."""
    placed = [replace(draft, spans=[_relocated(span, layout) for span in draft.spans]) for draft in drafts]
    left_out = [Span(start, end, DROPPED, rules.OUTSIDE_MAIN_TEXT, raw_text[start:end]) for start, end in layout.outside]
    return placed, left_out


def _relocated(span: Span, layout: TextLayout) -> Span:
    """The span moved from main_text to raw_text: spans never cross a line, and each line of main
    text is in raw_text verbatim."""
    line = bisect.bisect_right(layout.main_starts, span.start) - 1
    shift = layout.raw_starts[line] - layout.main_starts[line]
    return Span(span.start + shift, span.end + shift, span.kind, span.rule, span.text)
