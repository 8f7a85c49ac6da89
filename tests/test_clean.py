"""One test per cleaning rule, each on a document written to look like a real scrape."""

from __future__ import annotations

import pytest

from newsflow.tasks.core.schema import Caption
from newsflow.tasks.segment.clean import segment_document

STORY = (
    "The city council voted 31 to 9 on Tuesday evening to launch a network of six night bus routes from "
    "January, ending a decade in which the last bus left the centre shortly after midnight.\n\n"
    "The routes will run every 30 minutes between midnight and 5 a.m. on Fridays and Saturdays and hourly on "
    "other nights, linking the hospital, the university campus and the three largest housing estates.\n\n"
    "Transport committee chair Elena Brooks said hospital staff and hospitality workers had campaigned for the "
    "service for years, and that the levy on late-night venues would cover part of the 3.2 million cost.\n"
)

OTHER_STORY = (
    "Opposition councillors said the levy would hurt bars that were still recovering from a difficult winter, "
    "and asked for the first year to be paid from reserves instead.\n\n"
    "The first buses will leave the central station at ten past midnight on January 9, the transport "
    "department said, with drivers recruited from the daytime routes.\n"
)


def removed(text: str, title_hint: str | None = None) -> list[tuple[str, str, str]]:
    """(kind, rule, text) of every span that is not body."""
    return [(s.kind, s.rule, s.text) for d in segment_document(text, title_hint) for s in d.spans if s.kind != "body"]


def only(text: str, title_hint: str | None = None):
    drafts = segment_document(text, title_hint)
    assert len(drafts) == 1, [d.title for d in drafts]
    return drafts[0]


@pytest.mark.parametrize(
    "line, rule",
    [
        ("Skip to main content", "nav_chrome"),
        ("Zum Inhalt springen", "nav_chrome"),
        ("Home > News > Local", "nav_chrome"),
        ("© 2025 Riverside Gazette. All rights reserved.", "nav_chrome"),
        ("We use cookies to improve your experience on our site. By continuing you accept them.", "nav_chrome"),
        ("Sign up for our Morning Briefing newsletter, delivered straight to your inbox", "newsletter_promo"),
        ("The Daily Ledger is your source for breaking news, markets and weather, every morning.", "newsletter_promo"),
        ("See for yourself: The Gazette is the home for local news you can trust.", "newsletter_promo"),
        ("Jetzt den Newsletter abonnieren und nichts verpassen", "newsletter_promo"),
        ("Share this article", "share_widget"),
        ("Facebook Twitter WhatsApp Email", "share_widget"),
        ("Partager sur Facebook", "share_widget"),
        ("Read more: Tram extension delayed again", "read_more"),
        ("RELATED: Parking fees to rise in April", "read_more"),
        ("Lesen Sie auch: Neue Radwege für Zürich", "read_more"),
        ("À lire aussi : la grève des contrôleurs continue", "read_more"),
        ("Advertisement", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Anzeige", "advertisement"),
        ("__", "rule_line"),
        ("* * *", "rule_line"),
        ("DL", "site_mark"),
        ("Published 3:45 PM, Jan 13, 2025", "timestamp"),
        ("Updated: 14 January 2025 09:12 GMT", "timestamp"),
        ("Photo: Tom Ellis/Riverside Gazette", "photo_credit"),
        ("(AP Photo/Evan Vucci)", "photo_credit"),
        ("Follow Jane Doe on Twitter @janedoe", "follow_or_contact"),
        ("Reporter Sam Hill can be reached at sam.hill@gazette.example", "follow_or_contact"),
        ("Have a news tip? Write to tips@gazette.example", "follow_or_contact"),
        ("https://gazette.example/news/2025/01/13/night-buses-approved", "link_line"),
        ("Source: City of Riverside transport department", "source_credit"),
        ("Quelle: dpa", "source_credit"),
    ],
)
def test_boilerplate_line_is_removed_with_its_rule(line, rule):
    text = f"{STORY}\n{line}\n\n{OTHER_STORY}"
    draft = only(text)
    assert (rule in {r for _, r, t in removed(text) if t == line}), removed(text)
    assert line not in draft.body


@pytest.mark.parametrize("line", [
    "Police said they would follow the march on Saturday and could be reached through the city's hotline.",
    "The source of the leak, a retired engineer, told the inquiry that the report was on the ministry's website.",
    "Campaigners pointed to gazette.example, where the plan had been published a week earlier, and to the "
    "council's own minutes.",
])
def test_near_misses_of_the_contact_link_and_source_rules_stay_body(line):
    text = f"{STORY}\n{line}\n\n{OTHER_STORY}"
    assert removed(text) == [] and line in only(text).body


def test_no_boilerplate_rule_fires_on_plain_prose():
    prose = (
        "Officials said they would share the results of the review with residents next month. Readers of the "
        "report will find that the home ministry had signed up for the programme in 2019.\n\n"
        "\"We are not going to print more money,\" the minister said, adding that advertisement spending by "
        "the government had fallen by a third since the start of the year.\n\n"
        "The bank said it was the source for much of the confusion, and that it would subscribe to the new "
        "rules once parliament passed them.\n"
    )
    assert removed(prose) == []
    assert only(prose).body.split() == prose.split()


def test_repeated_captions_are_kept_once_with_their_credit():
    caption = "Firefighters battle flames near the village of Arcos de Valdevez, northern Portugal, on Sunday. (Reuters/Miguel Pereira)"
    text = f"Wildfire forces evacuation of mountain villages\n\n{caption}\n{caption}\n\n{STORY}"
    draft = only(text)
    assert draft.captions == [Caption(caption.rsplit(" (", 1)[0], "Reuters/Miguel Pereira")]
    assert [r for _, r, _ in removed(text)] == ["title", "caption", "repeated_caption"]
    assert "Arcos" not in draft.body


def test_a_single_line_ending_in_a_photo_credit_is_a_caption():
    text = STORY + "\nMinister Elena Brooks on the N4 route on Friday. (Photo: Tom Ellis/Gazette)\n\n" + OTHER_STORY
    assert only(text).captions == [Caption("Minister Elena Brooks on the N4 route on Friday.", "Tom Ellis/Gazette")]


@pytest.mark.parametrize("credit", ["Foto ANSA/Ciro Fusco", "Photo AP/Jae C. Hong", "Bild Keystone/Laurent Gillieron"])
def test_a_caption_credited_after_its_sentence_without_a_colon_is_a_caption(credit):
    """Italian sites and wire photos print the agency and the photographer joined by a slash after the
    caption's sentence, with no colon: the line is a caption, not the first paragraph of a story."""
    text = STORY + f"\nMinister Elena Brooks on the N4 route on Friday. {credit}\n\n" + OTHER_STORY
    assert only(text).captions == [Caption("Minister Elena Brooks on the N4 route on Friday.", credit.split(" ", 1)[1])]


@pytest.mark.parametrize("line", ["He bought a new camera at the fair. Photo Booth", "Il sindaco ha parlato. Foto ANSA"])
def test_a_sentence_ending_in_a_photo_word_without_a_slashed_credit_stays_body(line):
    text = STORY + f"\n{line}\n\n" + OTHER_STORY
    assert only(text).captions == [] and line in only(text).body


def test_a_paragraph_saved_twice_in_a_row_is_kept_once():
    paragraph = STORY.split("\n\n")[2].strip()
    text = STORY + paragraph + "\n"
    assert only(text).body.count("Elena Brooks") == 1
    assert removed(text) == [("dropped", "repeated_paragraph", paragraph)]


def test_lines_repeated_further_apart_are_the_articles_own():
    day = "Breakfast: 1 cup oats, 1 cup strawberries, 8 oz. unsweetened almond milk and a spoon of nut butter, every day"
    text = f"{STORY}Monday\n{day}\nTuesday\n{day}\n{OTHER_STORY}"
    assert only(text).body.count("Breakfast") == 2 and removed(text) == []


def test_headline_becomes_the_title_and_its_repeat_is_dropped():
    text = "City council approves night bus network\n\nCity council approves night bus network\n\n" + STORY
    draft = only(text)
    assert draft.title == "City council approves night bus network"
    assert [r for _, r, _ in removed(text)] == ["title", "repeated_title"]
    assert draft.body.startswith("The city council voted")


def test_html_title_hint_marks_the_title_line_only():
    text = "City council approves night bus network\n" + STORY
    draft = only(text, title_hint="City council approves night bus network | Riverside Gazette")
    assert draft.title == "City council approves night bus network"
    subhead = "What happens next\n"
    assert only(subhead + STORY, title_hint="Another title entirely").title is None


def test_a_first_paragraph_is_never_a_title():
    assert only(STORY).title is None


def test_contributor_and_editing_credits_move_to_credits():
    text = STORY + "\nReporting by Terje Solsvik in Oslo and Anna Ringstrom in Stockholm; Editing by Mark Potter\n"
    assert only(text).credits == ["Terje Solsvik", "Anna Ringstrom", "Mark Potter"]
    text = STORY + "\nAssociated Press writers Jari Tanner in Helsinki and Jan M. Olsen in Copenhagen contributed to this report.\n"
    draft = only(text)
    assert draft.credits == ["Jari Tanner", "Jan M. Olsen"] and "contributed" not in draft.body


def test_author_box_with_ai_bio_is_moved_and_disclosed():
    text = STORY + "Author:\nNova Reed\nAn AI reporter summarising transport and energy news from around the world.\n"
    draft = only(text)
    assert (draft.authors, draft.ai_disclosed) == (["Nova Reed"], True)
    assert [r for _, r, _ in removed(text)] == ["author_box", "author_box", "author_box"]
    assert "Nova Reed" not in draft.body


def test_author_box_with_a_human_bio_is_not_disclosed():
    text = STORY + "About the author\nPriya Natarajan\nPriya covers transport and city hall for the Gazette.\n"
    draft = only(text)
    assert (draft.authors, draft.ai_disclosed) == (["Priya Natarajan"], False)


def test_a_disclosure_line_marks_ai_authorship():
    text = STORY + "\nThis article was generated with the help of AI and reviewed by an editor.\n"
    draft = only(text)
    assert draft.ai_disclosed and "generated" not in draft.body


def test_bylines_move_to_authors():
    draft = only("By Priya Natarajan and Tom Ellis, Riverside Gazette\n\n" + STORY)
    assert draft.authors == ["Priya Natarajan", "Tom Ellis"]
    assert only("Von Anna Meier\n\n" + STORY).authors == ["Anna Meier"]


def test_key_point_bullets_before_the_body_become_highlights():
    bullets = "Key points\n- Six night bus routes start in January.\n- Buses every 30 minutes at weekends.\n"
    draft = only(bullets + STORY)
    assert draft.highlights == ["Six night bus routes start in January.", "Buses every 30 minutes at weekends."]
    assert [r for _, r, _ in removed(bullets + STORY)] == ["key_points_heading", "key_points", "key_points"]


def test_bullets_inside_the_article_stay_body():
    text = STORY + "- the hospital\n- the university campus\n" + OTHER_STORY
    assert only(text).highlights == []


def test_citation_markup_is_cut_and_urls_kept():
    text = ("Officials said the line would open in 2031 ([source](https://www.example.com/a)). The minister "
            "told [the regional broadcaster](https://nrk.example/b) that work starts in spring.\n" + STORY)
    draft = only(text)
    assert draft.cited_urls == ["https://www.example.com/a", "https://nrk.example/b"]
    assert draft.body.startswith("Officials said the line would open in 2031. The minister told the regional "
                                 "broadcaster that work starts in spring.")
    assert [r for _, r, _ in removed(text)] == ["inline_citation"] * 3


def test_a_story_scraped_as_markdown_is_cleaned_as_its_text():
    """Markdown's marks around a line are dropped spans of their own; marks inside a line stay in
    the text but do not hide a label from the line rules ("**Read more:**", "*Photo:*")."""
    paragraphs = STORY.split("\n\n")
    text = ("## Night buses to run from January\n\n**By Elena Brooks and Tom Hale**\n\n" + paragraphs[0] + "\n\n"
            "**Read more:** [Council approves late-night levy](https://news.example/levy)\n\n"
            "_Advertisement_\n\n" + "\n\n".join(paragraphs[1:]) + "\n*Photo:* City transport department\n")
    draft = only(text)
    assert draft.title == "Night buses to run from January"
    assert draft.authors == ["Elena Brooks", "Tom Hale"]
    assert draft.body.split() == STORY.split()
    assert [(r, t) for _, r, t in removed(text) if r != "markdown_mark"] == [
        ("title", "Night buses to run from January"),
        ("byline", "By Elena Brooks and Tom Hale"),
        ("read_more", "**Read more:** [Council approves late-night levy](https://news.example/levy)"),
        ("advertisement", "Advertisement"),
        ("photo_credit", "*Photo:* City transport department"),
    ]


def test_text_with_nothing_to_strip_keeps_every_character():
    text = STORY + "\n" + OTHER_STORY
    draft = only(text)
    assert draft.body.split() == text.split()
    assert removed(text) == []


def test_blank_text_has_no_story():
    assert segment_document(" \n\t\n") == []
