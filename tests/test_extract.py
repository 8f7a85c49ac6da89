"""HTML extraction: newsflow's lean metadata gives trafilatura's answers for the fields it keeps."""

from pathlib import Path

import pytest
from trafilatura.metadata import extract_metadata
from trafilatura.utils import load_html

from newsflow.tasks.extract.page import extract_html, page_metadata, says_article
from newsflow.tasks.extract.parse import parse_page

EXAMPLE_PAGE = Path(__file__).resolve().parents[1] / "examples" / "inbox" / "05-news-page.html"
FORUM_PAGE = Path(__file__).resolve().parents[1] / "bench" / "pages_web" / "en-forum-derailleur-skipping.html"

# Metadata only in the body: a byline element, no meta author, a JSON-LD publisher, a handle as site name.
BYLINE_PAGE = """<html><head><title>Port strike ends after nine days - Harbour Times</title>
<meta name="twitter:site" content="@harbourtimes">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Port strike ends after nine days",
 "datePublished": "2024-03-05T10:00:00Z", "publisher": {"@type": "Organization", "name": "Harbour Times"}}</script>
</head><body><article><h1>Port strike ends after nine days</h1>
<div class="author">By <a href="/staff/ana">Ana Lindqvist</a></div>
<p>Dock workers in the northern port voted on Tuesday to accept a pay offer, ending a strike that had
left more than forty ships waiting at anchor and shops short of fresh fruit for a week.</p>
<p>The union said the deal raised wages by six percent this year and four percent next year.</p>
</article></body></html>"""

NO_METADATA_PAGE = """<html><body><div><p>Residents of the valley were told on Monday that the road over the
pass would stay closed until the snow melts, which engineers expect in late April at the earliest.</p>
</div></body></html>"""


@pytest.mark.parametrize("html", [EXAMPLE_PAGE.read_text(encoding="utf-8"), BYLINE_PAGE, NO_METADATA_PAGE],
                         ids=["example-inbox", "byline-and-json-ld", "no-metadata"])
def test_lean_metadata_equals_trafilaturas(html):
    url = "https://news.example/2024/03/05/story"
    ours = page_metadata(load_html(html), url)
    theirs = extract_metadata(load_html(html), url)
    fields = ("title", "author", "date", "sitename", "url")
    assert {f: getattr(ours, f) for f in fields} == {f: getattr(theirs, f) for f in fields}


def test_the_example_page_keeps_text_and_metadata():
    page = extract_html(EXAMPLE_PAGE.read_text(encoding="utf-8"))
    assert page.title == "City council approves night bus network"
    assert page.authors == ("Priya Natarajan",) and page.site_name == "Riverside Gazette"
    assert page.date == "2025-10-02T08:30:00+00:00"
    assert "night bus routes" in page.text and "Tram extension delayed" not in page.text


def test_a_page_without_text_gives_empty_text():
    assert extract_html("<html><body></body></html>").text == ""
    assert extract_html("").text == ""


@pytest.mark.parametrize(("head", "article"), [
    ('<meta property="og:type" content="article">', True),
    ('<script type="application/ld+json">{"@type": ["WebPage", "NewsArticle"], "headline": "x"}</script>', True),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@type":"BlogPosting"}</script>', True),
    ('<meta property="og:type" content="website">', False),
    ('</head><body itemscope itemtype="https://schema.org/NewsArticle"><head>', True),
    ('</head><body itemscope itemtype="http://schema.org/Product"><head>', False),
    ('<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle"}]}</script>', True),
    ('<script type="application/ld+json">{"@type": "Product", "name": "Report", "review": {"@type": "Review"}}</script>', False),
    ('<script type="application/ld+json">{"@type": "DiscussionForumPosting", "headline": "Article 5?"}</script>', False),
    ("", False),
])
def test_a_page_says_it_is_an_article_in_open_graph_or_json_ld(head, article):
    assert says_article(parse_page(f"<html><head>{head}</head><body><p>Text of the page.</p></body></html>")) is article


def test_a_forum_thread_keeps_its_replies():
    """A page that does not say it is an article is extracted with trafilatura's balanced setting:
    the precision setting, chosen for articles, kept 3 of this thread's 16 lines, the question only."""
    page = extract_html(FORUM_PAGE.read_text(encoding="utf-8"))
    title, *lines = FORUM_PAGE.with_suffix(".txt").read_text(encoding="utf-8").splitlines()
    posts = [line for line in lines if len(line.split()) >= 8]
    assert page.title == title
    assert len(posts) >= 10 and [line for line in posts if line not in page.text] == []
