from datetime import UTC, datetime

import pytest

from newsflow.tasks.core.language import detect_language
from newsflow.tasks.enrich.dates import PublishedAt, resolve_published_at
from newsflow.tasks.enrich.keywords import extract_keywords


@pytest.mark.parametrize(
    "text, code",
    [
        ("Russian President Vladimir Putin will host his Iranian counterpart this week for talks.", "en"),
        ("Der Zürcher Stadtrat hat am Mittwoch beschlossen, bis 2030 weitere Velowege zu bauen.", "de"),
        ("La métropole de Lyon a annoncé jeudi que les transports seront gratuits pour les jeunes.", "fr"),
        ("El gobierno anunció el martes un nuevo plan de vivienda para los jóvenes de la capital.", "es"),
        ("Президент России Владимир Путин примет своего иранского коллегу на этой неделе.", "ru"),
    ],
)
def test_language_is_detected_with_confidence(text, code):
    detected, confidence = detect_language(text)
    assert detected == code and 0.5 < confidence <= 1.0


def test_too_short_to_tell():
    assert detect_language("Share") == (None, 0.0)


D = datetime(2025, 1, 13, tzinfo=UTC)


@pytest.mark.parametrize(
    "declared, source, url, text, expected",
    [
        ("2025-01-13T00:00:00Z", "html_meta", None, "", (D, "html_meta", 0)),
        ("2025-01-13T02:00:00+02:00", "jsonl", "https://x.example/2020/05/01/a", "", (D, "jsonl", 120)),
        ("not a date", "jsonl", "https://x.example/world/2025/01/13/story", "", (D, "url", None)),
        (None, None, "https://www.latimes.com/world/story/2025-01-13/russia", "", (D, "url", None)),
        (None, None, None, "WASHINGTON, Jan. 13, 2025 (AP) — The Senate", (D, "text", None)),
        (None, None, None, "13 January 2025, Iran, Tehran: a caption", (D, "text", None)),
        (None, None, None, "GENEVA, Jan 13 (Reuters) - no year, so no date", (None, None, None)),
        (None, None, "https://x.example/news/12345", "Talks resumed on Monday.", (None, None, None)),
    ],
)
def test_published_at_and_its_source(declared, source, url, text, expected):
    assert resolve_published_at(declared=declared, declared_source=source, url=url, text=text) == PublishedAt(*expected)


@pytest.mark.parametrize(
    "declared, utc, offset",
    [
        ("2025-10-02T08:30:00+00:00", datetime(2025, 10, 2, 8, 30, tzinfo=UTC), 0),
        ("2025-10-02T08:30:00+02:00", datetime(2025, 10, 2, 6, 30, tzinfo=UTC), 120),
        ("2025-10-02T08:30:00-05:30", datetime(2025, 10, 2, 14, 0, tzinfo=UTC), -330),
        ("Thu, 02 Oct 2025 08:30:00 GMT", datetime(2025, 10, 2, 8, 30, tzinfo=UTC), 0),
        ("Oct 2, 2025 8:30 AM EDT", datetime(2025, 10, 2, 12, 30, tzinfo=UTC), -240),
        ("2. Oktober 2025 08:30 MESZ".replace("Oktober", "October"), datetime(2025, 10, 2, 6, 30, tzinfo=UTC), 120),
        ("2025-10-02T08:30:00", datetime(2025, 10, 2, 8, 30, tzinfo=UTC), None),  # no offset written: none kept
        ("2025-10-02", datetime(2025, 10, 2, tzinfo=UTC), None),
    ],
)
def test_the_time_of_day_and_the_written_offset_are_kept(declared, utc, offset):
    published = resolve_published_at(declared=declared, declared_source="html_meta", url=None, text="")
    assert (published.at, published.utc_offset_minutes) == (utc, offset)


def test_a_date_deep_in_the_text_is_not_a_publication_date():
    text = "Officials met on Monday. " * 30 + "The pact was first signed on 13 January 2015."
    assert resolve_published_at(declared=None, declared_source=None, url=None, text=text) == PublishedAt()


def test_keywords_name_what_the_article_is_about():
    text = ("Norway and Sweden signed an agreement to build a railway between Kiruna and Narvik. "
            "The railway will carry iron ore from Kiruna to the port of Narvik. The railway costs 2.4 billion euros.")
    keywords = extract_keywords(text, "en", k=5)
    assert len(keywords) == 5 and {"railway", "Kiruna", "Narvik"} <= set(keywords)
    assert extract_keywords("   ", "en") == []


def test_a_recurring_name_is_one_keyword_and_possessives_fold():
    text = ("The Kremlin said New York lawyers met Moscow officials. New York's attorney general, who "
            "had sued the Kremlin, said the New York case would go on. The Kremlin said it saw no case.")
    keywords = extract_keywords(text, "en", k=6)
    assert keywords[0] in {"New York", "Kremlin"} and "New York" in keywords
    assert "York" not in keywords and "New" not in keywords  # named by the pair already
    assert "Kremlin said" not in keywords  # a name and a verb are not a term
    assert not any(k.endswith(("'s", "’s")) for k in keywords)


def test_keywords_follow_the_articles_language():
    text = ("Der Stadtrat hat am Mittwoch beschlossen, neue Velowege zu bauen. Die Velowege sollen bis "
            "2030 fertig sein. Der Stadtrat rechnet mit Kosten von 40 Millionen Franken für die Velowege.")
    keywords = extract_keywords(text, "de", k=3)
    assert keywords[:2] == ["Velowege", "Stadtrat"] and "der" not in {k.lower() for k in keywords}


@pytest.mark.parametrize("language, stop, fallback", [("fr", "le", False), ("de", "und", False), ("zz", "the", True), (None, "the", True)])
def test_stop_words_per_language_and_english_otherwise(language, stop, fallback):
    from newsflow.tasks.core.terms import stop_words

    assert stop in stop_words(language) and (stop_words(language) == stop_words("en")) == fallback


@pytest.mark.parametrize(
    "stamp, utc, offset",
    [
        ("Published 3:45 PM, Jan 13, 2025", datetime(2025, 1, 13, 15, 45, tzinfo=UTC), None),
        ("Oct 2, 2025 8:30 a.m. EDT", datetime(2025, 10, 2, 12, 30, tzinfo=UTC), -240),
        ("Veröffentlicht am 3. März 2024, 18:20 Uhr", datetime(2024, 3, 3, 18, 20, tzinfo=UTC), None),
        ("13.01.2025, 14:00 Uhr MEZ", datetime(2025, 1, 13, 13, 0, tzinfo=UTC), 60),
        ("Publié le 1er mai 2025 à 08h30", datetime(2025, 5, 1, 8, 30, tzinfo=UTC), None),
        ("Publicado el 14 de marzo de 2024 09:45 CET", datetime(2024, 3, 14, 8, 45, tzinfo=UTC), 60),
        ("Pubblicato il 2 ottobre 2025 alle 08:30", datetime(2025, 10, 2, 8, 30, tzinfo=UTC), None),
        ("Publicado em 2 de outubro de 2025 às 9h15 GMT-3", datetime(2025, 10, 2, 12, 15, tzinfo=UTC), -180),
        ("2 October 2025, 12.50", datetime(2025, 10, 2, tzinfo=UTC), None),  # a dot makes a time only before Uhr or a.m./p.m.
    ],
)
def test_a_publication_stamp_off_the_page_gives_the_time_in_six_languages(stamp, utc, offset):
    published = resolve_published_at(declared=None, declared_source=None, url="https://x.example/2020/01/01/a",
                                     text="", stamps=(stamp,))
    assert published == PublishedAt(utc, "page_stamp", offset)


def test_an_update_stamp_is_not_the_publication_time():
    stamps = ("Aktualisiert am 4. März 2024, 09:10 Uhr",)
    published = resolve_published_at(declared=None, declared_source=None, url=None, text="", stamps=stamps)
    assert published == PublishedAt()
    both = ("Mis à jour le 4 mars 2024 à 09h10", "Publié le 3 mars 2024 à 18h20")
    published = resolve_published_at(declared=None, declared_source=None, url=None, text="", stamps=both)
    assert published.at == datetime(2024, 3, 3, 18, 20, tzinfo=UTC)


def test_the_cleaning_hands_the_stamps_to_the_dates():
    from newsflow.tasks.segment.clean import segment_document

    text = ("Stadtrat beschließt neue Radwege\n\nVeröffentlicht am 3. März 2024, 18:20 Uhr\n\nDer Stadtrat hat am "
            "Mittwoch beschlossen, bis 2030 weitere Radwege zu bauen, und rechnet mit Kosten von 40 Millionen Euro.\n")
    [draft] = segment_document(text)
    assert draft.stamps == ["Veröffentlicht am 3. März 2024, 18:20 Uhr"] and "2024" not in draft.body


def test_a_declared_day_takes_the_time_of_a_stamp_of_that_day_only():
    stamps = ("Publicado em 14 de março de 2024, às 08h30",)
    published = resolve_published_at(declared="2024-03-14", declared_source="html_meta", url=None, text="", stamps=stamps)
    assert published == PublishedAt(datetime(2024, 3, 14, 8, 30, tzinfo=UTC), "page_stamp", None)
    other_day = resolve_published_at(declared="2024-03-15", declared_source="html_meta", url=None, text="", stamps=stamps)
    assert other_day == PublishedAt(datetime(2024, 3, 15, tzinfo=UTC), "html_meta", None)
    timed = resolve_published_at(declared="2024-03-14T09:00:00+01:00", declared_source="html_meta", url=None, text="",
                                 stamps=stamps)
    assert timed == PublishedAt(datetime(2024, 3, 14, 8, 0, tzinfo=UTC), "html_meta", 60)  # the page's own time wins


PARAGRAPHS = ("<p>The county council approved on Thursday a new ferry service between the harbour and the island, ending "
              "two years without a crossing, officials said at a meeting in the town hall.</p><p>The operator expects the "
              "first crossings in May and says tickets will cost the same as the bus, the council's transport chief said.</p>"
              "<p>Opposition councillors said the subsidy of 2 million pounds a year was too high and asked for a review.</p>")


def _published(header: str) -> tuple:
    from newsflow.tasks.core.schema import RawDocument
    from newsflow.tasks.pipeline.batches import run_stages

    html = (f"<html><head><title>Council approves new harbour ferry</title></head><body><article><h1>Council approves new "
            f"harbour ferry</h1>{header}{PARAGRAPHS}</article><footer>© 2024 Harbour Gazette</footer></body></html>")
    raw = RawDocument("p.html", "file", "text/html", html.encode(), url="https://gazette.example/ferry")
    [article] = run_stages([raw], "r", datetime(2025, 1, 1, tzinfo=UTC), None, 30.0).tables["articles"].to_pylist()
    return article["published_at"], article["published_at_source"], article["published_at_utc_offset_minutes"]


@pytest.mark.parametrize("stamp", ["Publicado el 14 de marzo de 2024 a las 08:30", "Pubblicato il 14 marzo 2024 alle 08:30",
                                   "Publicado em 14 de março de 2024, às 08h30", "Published: 14 March 2024, 08:30",
                                   "Veröffentlicht am 14.03.2024 um 08:30 Uhr", "Publié le 14 mars 2024 à 08h30"])
def test_a_pages_stamp_dates_it_never_the_copyright_year(stamp):
    """htmldate falls back to 1 January of the footer's "© 2024" when it reads no date (here in
    Spanish, Italian, Portuguese): a day newsflow never takes (extract/page.py written_date)."""
    assert _published(f"<p class='date'>{stamp}</p>") == (datetime(2024, 3, 14, 8, 30, tzinfo=UTC), "page_stamp", None)


def test_a_page_with_only_a_copyright_year_has_no_publication_date():
    assert _published("") == (None, None, None)


def test_a_time_element_gives_the_time_of_the_day_the_page_is_dated():
    header = "<p>By Nora Berg <time datetime='2024-03-14T08:30:00+01:00'>14 March 2024</time></p>"
    assert _published(header) == (datetime(2024, 3, 14, 7, 30, tzinfo=UTC), "html_meta", 60)
