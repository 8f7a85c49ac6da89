"""HTML pages: figure captions kept with their credit, once; the spans account for the page's whole
visible text (tasks/extract/visible.py, layout.py, tasks/segment/page_spans.py); a page whose
precise extraction holds no article is extracted again."""

from __future__ import annotations

import gzip
import re
from datetime import datetime, timezone
from pathlib import Path

import pytest
from trafilatura.utils import load_html

from newsflow.tasks.core.schema import Caption, Document, RawDocument
from newsflow.tasks.extract.page import prepare_document
from newsflow.tasks.extract.visible import visible_page
from newsflow.tasks.pipeline.batches import prepare_batch, segment_batch
from newsflow.tasks.segment.page_spans import segment_page
from newsflow.tasks.segment.rules import PAGE, RULES

REPO = Path(__file__).resolve().parents[1]
PAGES = sorted((REPO / "bench" / "pages").glob("*.html")) + [REPO / "examples" / "inbox" / "05-news-page.html"]
WORD = re.compile(r"\w+")


def prepared(html: str) -> Document:
    doc = prepare_document(RawDocument("page.html", "file", "text/html", html.encode()))
    assert isinstance(doc, Document)
    return doc


def all_spans(doc: Document):
    drafts, left_out = segment_page(doc.raw_text, doc.main_text, doc.layout, doc.title)
    return drafts, [span for draft in drafts for span in draft.spans] + left_out


PAGE_TEXTS = [path.read_text(encoding="utf-8") for path in PAGES] + [
    text for rule in RULES if rule.scope == PAGE for text in (rule.example, rule.counterexample)]


@pytest.mark.parametrize("html", PAGE_TEXTS, ids=lambda html: WORD.findall(html[html.find("<title>") + 7 :] or "page")[0])
def test_spans_cover_every_character_of_the_laid_out_page(html):
    doc = prepared(html)
    _, spans = all_spans(doc)
    covered = [False] * len(doc.raw_text)
    for span in spans:
        assert doc.raw_text[span.start : span.end] == span.text
        covered[span.start : span.end] = [True] * (span.end - span.start)
    assert [ch for i, ch in enumerate(doc.raw_text) if not ch.isspace() and not covered[i]] == []


@pytest.mark.parametrize("html", PAGE_TEXTS, ids=lambda html: WORD.findall(html[html.find("<title>") + 7 :] or "page")[0])
def test_every_visible_word_of_the_page_is_in_raw_text(html):
    """Visible text the extractor left out is laid out too: the page's words, as many times as they occur."""
    visible = [w for block in visible_page(load_html(html)).blocks for w in WORD.findall(block.text)]
    laid_out = WORD.findall(prepared(html).raw_text)
    missing = [w for w in set(visible) if visible.count(w) > laid_out.count(w)]
    assert missing == []


def test_main_text_is_the_extracted_text_with_the_figure_captions():
    doc = prepared((REPO / "bench" / "pages" / "pt-metro.html").read_text(encoding="utf-8"))
    assert "A tuneladora chegou à estação de São Bento em março. (Foto: Rui Oliveira/Global Imagens)" in doc.main_text
    assert "Ponte da Arrábida" not in doc.main_text and "Ponte da Arrábida" in doc.raw_text  # the sidebar's figure
    assert "Início" not in doc.main_text and doc.raw_text.startswith("Início Local Economia Assinar")


def test_a_figure_caption_goes_to_captions_with_its_credit():
    doc = prepared((REPO / "bench" / "pages" / "pt-metro.html").read_text(encoding="utf-8"))
    drafts, spans = all_spans(doc)
    assert [d.captions for d in drafts] == [[Caption("A tuneladora chegou à estação de São Bento em março.",
                                                     "Rui Oliveira/Global Imagens")]]
    assert all("tuneladora" not in d.body for d in drafts)
    sidebar = [s for s in spans if "Arrábida" in s.text]
    assert [(s.kind, s.rule) for s in sidebar] == [("dropped", "outside_main_text")]


WORDPRESS_CAPTION_TWICE = """<html><head><title>Cheias em Coimbra</title></head><body><article>
<h1>Cheias obrigam a evacuar a Baixa de Coimbra</h1>
<p>As cheias do rio Mondego obrigaram a evacuar na madrugada de domingo cerca de 300 moradores da Baixa de
Coimbra, depois de a água ter galgado o muro de proteção junto ao Parque Verde, disse a Proteção Civil.</p>
<div class="wp-caption"><img src="a.jpg"><p class="wp-caption-text">O Parque Verde inundado no domingo de manhã</p>
<span class="photo-credit">Paulo Novais/Lusa</span></div>
<p>Os bombeiros retiraram de barco duas famílias da Rua da Sofia, e a câmara abriu o pavilhão Multidesportos
para acolher quem não tem onde ficar, disse o presidente da autarquia, que pediu calma à população.</p>
<div class="wp-caption"><img src="a-big.jpg"><p class="wp-caption-text">O Parque Verde inundado no domingo de manhã</p>
<span class="photo-credit">Paulo Novais/Lusa</span></div>
<p>O IPMA mantém o aviso laranja para a região Centro até segunda-feira, com previsão de chuva forte e
persistente, e a circulação ferroviária na Linha da Beira Alta continua interrompida.</p>
</article></body></html>"""


def test_a_caption_printed_twice_is_kept_once():
    drafts, spans = all_spans(prepared(WORDPRESS_CAPTION_TWICE))
    assert [d.captions for d in drafts] == [[Caption("O Parque Verde inundado no domingo de manhã", "Paulo Novais/Lusa")]]
    assert [s.rule for s in spans if "Parque Verde inundado" in s.text] == ["figure_caption", "repeated_caption"]


def test_a_page_whose_precise_extraction_holds_no_article_is_extracted_again(shared_dir):
    """AEB's barrons.com page: favor_precision keeps only a reprint notice and a link, both boilerplate."""
    page = shared_dir / "eval" / "aeb" / "html" / "f8ff621a0b9b7646cc0d57d37416feabba2bf78ef5dd0bfc5b080f9f97bbe584.html.gz"
    raw = RawDocument(page.name, "file", "text/html", gzip.decompress(page.read_bytes()))
    batch = segment_batch(prepare_batch([raw], "run", datetime.now(timezone.utc)))
    assert batch.quarantined == []
    [doc] = batch.documents
    [draft] = batch.drafts[doc.doc_id]
    assert "Shares of construction goods giant Home Depot" in draft.body
    assert "Shares of construction goods giant" in doc.main_text  # the document says which text was classified
