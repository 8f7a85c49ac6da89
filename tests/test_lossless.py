"""Property: whatever the mix of paragraphs and boilerplate, the spans account for every character."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsflow.tasks.segment.clean import segment_document

PARAGRAPHS = [
    "The council voted on Tuesday to launch six night bus routes from January, officials said.",
    "MOSCOW (AP) — Russian President Vladimir Putin will host his Iranian counterpart this week.",
    "Officials said the line would open in 2031 ([source](https://www.example.com/a)) after years of delay.",
    "The minister told [the broadcaster](https://nrk.example/b) that work would start in spring.",
    "Der Stadtrat hat am Mittwoch beschlossen, bis 2030 weitere 50 Kilometer Velowege zu bauen.",
]
BOILERPLATE = [
    "Skip to content", "Advertisement", "__", "TT", "Share this article", "Read more: Other news",
    "Sign up for our newsletter, delivered straight to your inbox",
    "Firefighters battle flames near the village on Sunday. (Reuters/Miguel Pereira)",
    "Reporting by Anna Meier; Editing by Tom Ellis", "Author:", "Nova Reed",
    "An AI reporter covering transport.", "- A key point of the story.", "Night buses approved",
    "By Priya Natarajan", "Published 3:45 PM, Jan 13, 2025", "   ", "\t",
]
separators = st.sampled_from(["\n", "\n\n", "\n\n\n\n", " \n", "\r\n"])
documents = st.lists(st.tuples(st.sampled_from(PARAGRAPHS + BOILERPLATE), separators), max_size=30).map(
    lambda parts: "".join(text + sep for text, sep in parts)
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.one_of(st.none(), st.sampled_from(["Night buses approved", "Other title"])))
def test_spans_cover_every_character_in_order(text, title_hint):
    spans = [span for draft in segment_document(text, title_hint) for span in draft.spans]
    covered = [False] * len(text)
    last_end = 0
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert span.start >= last_end, "spans overlap or are out of order"
        assert span.kind == "body" or span.rule, f"{span.kind} span without a rule"
        covered[span.start : span.end] = [True] * (span.end - span.start)
        last_end = span.end
    assert all(covered[i] for i, ch in enumerate(text) if not ch.isspace())


@settings(max_examples=200, deadline=None)
@given(documents)
def test_bodies_are_made_only_of_body_spans(text):
    for draft in segment_document(text):
        body_text = "".join(s.text for s in draft.spans if s.kind == "body")
        assert "".join(draft.body.split()) == "".join(body_text.split())
