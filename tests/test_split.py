"""Story splitting on glued layouts, and no split on an article's own subheads."""

from __future__ import annotations

from tasks.clean import segment_document

FIRE = (
    "More than 600 firefighters were battling a wildfire in northern Portugal on Sunday that forced the "
    "evacuation of five mountain villages, the civil protection agency said.\n\n"
    "Strong winds and temperatures above 40 degrees Celsius fanned the flames overnight, pushing the fire "
    "across the Peneda-Geres national park, the country's only national park.\n\n"
    "No deaths have been reported, but 14 people were treated for smoke inhalation, health authorities said, "
    "and water-bombing planes from Spain joined the effort.\n\n"
    "Portugal has suffered some of Europe's deadliest wildfires in recent years, and the government has "
    "promised to clear more forest land around villages before next summer.\n"
)
BANK = (
    "The central bank left its benchmark interest rate unchanged at 4.25% on Thursday, saying inflation was "
    "slowing faster than it had expected in the spring.\n\n"
    "Governor Laila Haddad said the bank would wait for more data on wages before deciding whether to cut "
    "rates at its next meeting in December.\n\n"
    "Annual consumer price inflation eased to 2.9% in October from 3.4% a month earlier, the statistics office "
    "said last week, and economists had expected the bank to hold.\n\n"
    "The currency edged higher after the announcement, while government bond yields were little changed "
    "as investors bet on a first cut early next year.\n"
)
FIRE_TITLE = "Wildfire Forces Evacuation of Mountain Villages in Northern Portugal"
BANK_TITLE = "Central Bank Holds Rates Steady as Inflation Cools"


def stories(text: str) -> list[tuple[str | None, str]]:
    return [(d.title, d.body) for d in segment_document(text) if d.body]


def assert_two_stories(text: str) -> None:
    found = stories(text)
    assert [title for title, _ in found] == [FIRE_TITLE, BANK_TITLE]
    assert found[0][1].split() == FIRE.split()
    assert found[1][1].split() == BANK.split()


def test_newspaper_layout_headline_captions_and_site_mark_twice():
    def block(title, caption, body):
        return f"{title}\n\n{caption}\n{caption}\nDL\n\n{title}\n\n{caption}\n{caption}\n\n{body}"

    text = (block(FIRE_TITLE, "Firefighters near Arcos de Valdevez on Sunday. (Reuters/Miguel Pereira)", FIRE)
            + "\n\n\n" + block(BANK_TITLE, "Governor Laila Haddad speaks to reporters. (Central Bank press office)", BANK))
    assert_two_stories(text)
    drafts = segment_document(text)
    assert [c.credit for d in drafts for c in d.captions] == ["Reuters/Miguel Pereira", "Central Bank press office"]


def test_blank_line_gap_and_a_new_headline():
    assert_two_stories(f"{FIRE_TITLE}\n\n{FIRE}\n\n\n\n{BANK_TITLE}\n\n{BANK}")


def test_read_more_teaser_between_stories():
    assert_two_stories(f"{FIRE_TITLE}\n{FIRE}\nRead more: Drought deepens in the south\n{BANK_TITLE}\n{BANK}")


def test_a_headline_line_and_nothing_else():
    assert_two_stories(f"{FIRE_TITLE}\n{FIRE}{BANK_TITLE}\n{BANK}")


def test_a_new_wire_dateline_after_a_headline_starts_a_story():
    wire = "LISBON (Reuters) - " + FIRE
    found = stories(f"{BANK_TITLE}\n{BANK}Portugal wildfire spreads\n{wire}")
    assert len(found) == 2 and found[1][1].startswith("LISBON (Reuters)")


def test_subheads_of_one_article_do_not_split_it():
    text = (
        f"{FIRE_TITLE}\n\n{FIRE}\n\nWhat happens next\n\n"
        "Firefighters expect the winds to drop on Monday, the civil protection agency said, which would let "
        "crews attack the fire front in the national park from the ground and from the air.\n\n"
        "Evacuated villagers in the mountain villages may return home once the fire is contained, officials "
        "said, while the smoke inhalation cases were treated at the district hospital.\n\n"
        "Why the fires are getting worse\n\n"
        "Scientists say hotter summers and abandoned farmland in northern Portugal have made wildfires in the "
        "mountain villages and the national park larger and harder for firefighters to contain.\n"
    )
    found = stories(text)
    assert len(found) == 1 and "What happens next" in found[0][1]


def test_a_short_tail_is_not_split_off():
    assert len(stories(f"{FIRE_TITLE}\n{FIRE}Central Bank update\nRates unchanged.\n")) == 1
