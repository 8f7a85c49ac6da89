"""Story splitting on glued layouts, and no split on an article's own subheads."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newsflow.tasks.segment import split
from newsflow.tasks.segment.clean import classify_line, segment_document
from newsflow.tasks.segment.lines import split_lines
from newsflow.tasks.segment.split import describe, story_candidates, topic_terms

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

# Two short wire stories, one paragraph a line with no blank lines between (as many scrapers save them).
QUAKE_TITLE = "Strong Earthquake Shakes Southern Peru, No Casualties Reported"
QUAKE = (
    "A magnitude 6.1 earthquake struck southern Peru early on Wednesday, shaking buildings in the city of "
    "Arequipa and sending residents into the streets, the national geophysical institute said.\n"
    "The quake was centred 40 kilometres south-west of the town of Chuquibamba at a depth of 90 kilometres, the "
    "institute said, and was felt as far away as Tacna near the Chilean border.\n"
    "Civil defence officials said there were no immediate reports of casualties, though a colonial church in "
    "Arequipa lost part of its bell tower and several roads in the highlands were blocked by landslides.\n"
    "Peru sits on the Pacific Ring of Fire and records hundreds of earthquakes a year, most of them too weak to "
    "be felt.\n"
)
STRIKE_TITLE = "Rail Workers Walk Out Over Pay, Halting Most Trains in Belgium"
STRIKE = (
    "Most trains in Belgium were cancelled on Wednesday as rail workers began a 48-hour strike over pay and "
    "pension reforms, the national operator SNCB said.\n"
    "Only one train in three ran between Brussels and Antwerp, and international services to Paris and Amsterdam "
    "were cut back, leaving commuters crowding onto buses and into cars on congested motorways.\n"
    "Unions said the government's plan to raise the retirement age for train drivers broke a promise made in "
    "2019, and that wages had fallen behind inflation for three years.\n"
    "Transport minister Georges Gilkinet called the strike disproportionate and urged the unions to return to "
    "talks on Friday.\n"
)
LISTICLE_TITLE = "Six Gadgets That Made Our Winter Easier"
LISTICLE = (
    f"{LISTICLE_TITLE}\n"
    "We tested dozens of gadgets over the cold months, from heated gloves to smart thermostats, and kept coming "
    "back to a handful that made dark mornings and long commutes a little easier. Here are the six we would buy "
    "again.\n"
    "Anker PowerCore 10000\n"
    "This slim power bank charges a phone twice over and fits in a coat pocket, which matters when cold weather "
    "drains batteries in half the usual time. It costs about $25 and takes four hours to refill.\n"
    "Kindle Paperwhite\n"
    "The warm light setting makes evening reading gentler on the eyes, and the waterproof body survived a week of "
    "snowy bus stops. Battery life still runs to weeks, not days.\n"
    "Ecobee Smart Thermostat\n"
    "Our heating bill fell by roughly a tenth after the thermostat learned when the flat was empty. The remote "
    "room sensors keep the bedroom warm without overheating the hallway.\n"
    "Sony WH-1000XM5\n"
    "Noise cancelling turns a crowded winter commute into quiet time, and the ear cups stay comfortable under a "
    "hat. The battery lasts about 30 hours between charges.\n"
    "Tile Mate\n"
    "A tracker on the keys ended our morning searches in the dark. The app shows the last place the phone saw "
    "them, and the tracker rings loudly enough to hear from another room.\n"
    "Heated USB Gloves\n"
    "Plugged into the power bank, these gloves kept fingers warm on long walks to the station. They are bulky for "
    "typing, but at $30 they were the cheapest fix for the coldest days.\n"
)
INTERVIEW = (
    "Meet the New Head of the City Orchestra\n"
    "Maria Lindqvist took over as music director of the city orchestra this autumn, after ten years leading "
    "choirs and chamber ensembles in Gothenburg and Oslo. We asked her about her plans for the season and what "
    "brought her here.\n"
    "Q: What drew you to this orchestra?\n"
    "A: The players. I first conducted them as a guest four years ago, and they played a Sibelius symphony as if "
    "they had written it themselves. I knew I wanted to come back.\n"
    "Q: What will change this season?\n"
    "A: We will play more music by living composers, including two premieres, and take smaller groups of "
    "musicians into schools and hospitals across the region.\n"
    "Q: How do you choose a programme?\n"
    "A: I start from one piece I cannot stop thinking about and build the evening around it, so that the other "
    "works answer it or argue with it.\n"
    "Q: What do you do when you are not conducting?\n"
    "A: I swim in the sea all year round, even in winter, and I read crime novels, preferably Scandinavian ones, "
    "on long train journeys between rehearsals.\n"
)


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


# The weights fitted on the issue-17 layouts and the training half of the real pages
# (bench/split_fit.py) weigh a headline's words in its lede less than the hand-set ones did (-0.1
# against -0.2): two 100-word stories with only a headline line between them now stay one (score
# -0.27, threshold -0.3). Strict, so that the suite says when a refit splits them again.
@pytest.mark.xfail(strict=True, reason="fitted weights: two short stories under a lone headline stay one")
def test_two_short_wire_stories_with_only_a_headline_between_them_split():
    found = stories(f"{QUAKE_TITLE}\n{QUAKE}{STRIKE_TITLE}\n{STRIKE}")
    assert [title for title, _ in found] == [QUAKE_TITLE, STRIKE_TITLE]
    assert found[1][1].split() == STRIKE.split()


def test_a_listicle_with_a_subhead_over_each_short_section_is_one_story():
    found = stories(LISTICLE)
    assert len(found) == 1 and "Tile Mate" in found[0][1]


def test_a_question_and_answer_interview_is_one_story():
    found = stories(INTERVIEW)
    assert len(found) == 1 and found[0][1].endswith("between rehearsals.")


def test_a_story_glued_to_a_listicle_splits_at_the_listicle_headline_only():
    found = stories(f"{QUAKE_TITLE}\n{QUAKE}{LISTICLE}")
    assert [title for title, _ in found] == [QUAKE_TITLE, LISTICLE_TITLE]


def test_a_dateline_under_the_second_copy_of_a_headline_opens_one_story_not_two():
    caption = "Firefighters near Arcos de Valdevez on Sunday. (Reuters/Miguel Pereira)"
    second = f"{FIRE_TITLE}\n\n{caption}\nDL\n\n{FIRE_TITLE}\n\n{caption}\n\nLISBON (Reuters) - {FIRE}"
    found = stories(f"{BANK_TITLE}\n\n{BANK}\n\n\n{second}")
    assert [title for title, _ in found] == [BANK_TITLE, FIRE_TITLE]
    assert found[1][1].startswith("LISBON (Reuters)")


def test_unspaced_chinese_and_japanese_compare_by_character_pairs():
    # Kanji and katakana runs carry the topic; hiragana between them is grammar.
    assert set(topic_terms("東京で大きな地震が発生しました")) == {"東京", "大", "地震", "発生"}
    assert set(topic_terms("Kindleのショートカット")) == {"kindle", "ショ", "ョー", "ート", "トカ", "カッ", "ット"}


def _density_by_scanning(headline: list[bool], prose: list[int], i: int) -> float:
    """The definition of headline density, as a plain scan from the line outwards."""
    from newsflow.tasks.core.settings import DENSITY_WINDOW_WORDS

    sides = []
    for lines in (range(i - 1, -1, -1), range(i + 1, len(prose))):
        shaped, words = 0, 0
        for j in lines:
            if words >= DENSITY_WINDOW_WORDS:
                break
            shaped += headline[j]
            words += prose[j]
        sides.append(100 * shaped / max(words, DENSITY_WINDOW_WORDS))
    return min(sides)


def test_headline_densities_equal_the_scan_they_replace():
    import random

    from newsflow.tasks.segment.split import headline_densities

    rng = random.Random(7)
    for _ in range(500):
        headline = [rng.random() < 0.4 for _ in range(rng.randint(0, 40))]
        prose = [0 if shaped else rng.choice([0, 5, 20, 80, 150, 300, 400]) for shaped in headline]
        expected = [_density_by_scanning(headline, prose, i) if shaped else 0.0 for i, shaped in enumerate(headline)]
        assert headline_densities(headline, prose) == pytest.approx(expected)


def test_a_text_of_headline_lines_only_is_segmented_in_linear_time():
    """1 MB of headline-shaped lines took 33 s when each line scanned the whole text for prose."""
    import time

    from newsflow.tasks.segment.clean import segment_document

    started = time.process_time()
    segment_document("Ferry Strike Called Off After Talks\n\n" * 20_000, title_hint=None)
    assert time.process_time() - started < 20  # about 1 s now; the quadratic scan took about 35 s


# Layouts of issue 17 (bench/split_layouts.py writes them in six languages).
@pytest.mark.parametrize("byline", ["By Staff Reporter", "Von unserem Korrespondenten", "Par notre correspondant",
                                    "Di Redazione", "From CNN Wire"])
def test_a_desk_byline_under_the_headline_leaves_the_headline_with_its_story(byline):
    found = stories(f"{FIRE_TITLE}\n{byline}\n{FIRE}{BANK_TITLE}\n{byline}\n{BANK}")
    assert [title for title, _ in found] == [FIRE_TITLE, BANK_TITLE]
    assert not found[0][1].endswith(BANK_TITLE)


@pytest.mark.parametrize("dateline", ["Berlin (dpa) - ", "LISBOA, 12 mar 2024 (Lusa) - ", "MADRID, 12 mar (EFE).- ",
                                      "(ANSA) - ROMA, 12 MAR - "])
def test_a_wire_dateline_after_a_story_opens_a_story_without_a_headline(dateline):
    found = stories(f"{BANK_TITLE}\n{BANK}{dateline}{FIRE}")
    assert len(found) == 2 and found[1][1].startswith(dateline.strip()[:6])


def test_a_teaser_in_a_wording_no_rule_knows_stays_out_of_the_next_story():
    found = stories(f"{FIRE_TITLE}\n{FIRE}Leia também: Seca agrava-se no sul do país\n{BANK_TITLE}\n{BANK}")
    assert [title for title, _ in found] == [FIRE_TITLE, BANK_TITLE]


def test_a_date_line_with_a_year_under_the_headline_marks_a_new_story():
    found = stories(f"{QUAKE_TITLE}\nPublié le 12 mars 2024 à 18h20\n{QUAKE}{STRIKE_TITLE}\n"
                    f"Publié le 12 mars 2024 à 19h05\n{STRIKE}")
    assert [title for title, _ in found] == [QUAKE_TITLE, STRIKE_TITLE]


def test_a_live_blog_of_clock_times_and_entry_headlines_is_one_story():
    entries = [paragraph for paragraph in FIRE.split("\n") if paragraph.strip()]
    heads = ["Winds expected to ease", "Villages evacuated overnight", "Smoke inhalation cases", "Planes from Spain"]
    text = FIRE_TITLE + "\n" + "".join(f"{14 - k}:{10 * k + 5} GMT\n{head}\n{entry}\n"
                                       for k, (head, entry) in enumerate(zip(heads, entries)))
    assert len(stories(text)) == 1


def test_a_caption_with_a_labelled_credit_is_not_a_headline():
    from newsflow.tasks.segment.lines import split_lines
    from newsflow.tasks.segment.split import is_headline

    caption, headline = split_lines("Rescue boats in the lower town on Monday. Foto: EFE/Juan Pérez\nFoto: EFE gana\n")
    assert not is_headline(caption) and is_headline(headline)


@pytest.mark.parametrize("form", ["No. {n}: {item}", "#{n} {item}", "{n} – {item}", "Nr. {n}: {item}", "N.º {n}: {item}"])
def test_a_listicle_whose_items_are_numbered_is_one_story(form):
    """Numbered items ("No. 4: ...") are a list's subheads: the sequence says so, whatever the
    items are about (each of these is about another gadget)."""
    lines = LISTICLE.split("\n")
    numbered = [form.format(n=k // 2, item=line) if k >= 2 and not k % 2 and line else line for k, line in enumerate(lines)]
    found = stories("\n".join(numbered))
    assert len(found) == 1 and form.format(n=5, item="Tile Mate") in found[0][1]


def test_a_subhead_repeated_on_the_next_line_does_not_split_its_article():
    """Scraped pages repeat a subhead as its image's alt text; the repeat is not the newspaper
    layout (headline, captions and a site mark, headline again) that fixes a story's start."""
    lines = LISTICLE.split("\n")
    doubled = [copy for k, line in enumerate(lines) for copy in ([line, line] if k >= 2 and not k % 2 and line else [line])]
    assert len(stories("\n".join(doubled))) == 1


@pytest.mark.parametrize("stamp", ["{n} minutes ago", "vor {n} Minuten", "Il y a {n} minutes", "Hace {n} minutos",
                                   "{n} minuti fa", "Há {n} minutos", "{h}h{n}", "ore {h}:{n}", "{h}.{n} Uhr"])
def test_a_live_blog_stamped_in_relative_or_clock_times_is_one_story(stamp):
    """A stamp alone on its line is a timestamp, never a headline that could open a story."""
    entries = [paragraph for paragraph in FIRE.split("\n") if paragraph.strip()]
    entries += [paragraph for paragraph in BANK.split("\n") if paragraph.strip()][:1]
    text = FIRE_TITLE + "\n" + "".join(f"{stamp.format(n=10 * k + 12, h=14 - k)}\n{entry}\n" for k, entry in enumerate(entries))
    found = [d for d in segment_document(text) if d.body]
    assert len(found) == 1 and not any(line.startswith(("Há", "Hace", "Il y a", "vor")) for line in found[0].body.split("\n"))


def test_an_interview_question_is_not_headline_shaped():
    from newsflow.tasks.segment.lines import split_lines
    from newsflow.tasks.segment.split import is_headline

    labelled, plain, german = split_lines("Q: What comes next for the band?\nWhat Comes Next for the Band?\nFrage: Was kommt jetzt?\n")
    assert not is_headline(labelled) and is_headline(plain) and not is_headline(german)


@pytest.mark.parametrize("label, bullet", [("Related", "- "), ("Lire aussi", "• "), ("Leggi anche", ""), ("Relacionadas", "- ")])
def test_a_related_block_between_stories_leaves_both_bodies_and_splits_them(label, bullet):
    """The titles under the label are links (related_links), whether bulleted or not; the last
    unbulleted title right above prose is the next story's headline."""
    related = [f"{bullet}Rail Workers Walk Out Over Pay in Belgium", f"{bullet}Strong Earthquake Shakes Southern Peru"]
    text = "\n".join([FIRE_TITLE, FIRE.replace("\n\n", "\n").strip(), label, *related, BANK_TITLE, BANK.replace("\n\n", "\n")])
    drafts = [d for d in segment_document(text) if d.body]
    assert [d.title for d in drafts] == [FIRE_TITLE, BANK_TITLE]
    assert drafts[0].body.split() == FIRE.split() and drafts[1].body.split() == BANK.split()
    assert [s.rule for d in drafts for s in d.spans if s.text.strip() in related] == ["related_links"] * 2


# A short exclamation ("Now get prepping!", "Então é isso!", "Thanks Junior!") is an aside of the
# body: 9 such headline-shaped lines in AEB's hand-checked bodies, on 6 pages, and none among
# its 181 headlines (bench/aeb_titles.json). AEB page 5f03fc173e was split at one.
@pytest.mark.parametrize("aside", ["Now get prepping!", "Então é isso!", "Jetzt geht's los!", "¡Manos a la obra!"])
def test_a_short_exclamation_opens_no_story_unless_the_layout_marks_it(aside):
    def starts(text: str) -> list[str]:
        lines = split_lines(text)
        candidates, _ = story_candidates(describe(lines), Counter(line.text for line in lines))
        return [lines[i].text for i in candidates]

    assert aside not in starts(f"{FIRE_TITLE}\n{FIRE}{aside}\n{BANK}")
    assert starts(f"{FIRE_TITLE}\n{FIRE}{aside}\nBy Anna Keller\n{BANK}") == [aside]  # a byline under it
    assert starts(f"{FIRE_TITLE}\n{FIRE}Central bank holds rates\n{BANK}") == ["Central bank holds rates"]


CAPTIONED_MARKS = [  # a photo's caption with its credit, and the masthead or site mark under it
    ("Governor Laila Haddad speaks to reporters. (Photo: AP/Jens Meyer)", "ASSOCIATED PRESS"),
    ("La gobernadora Laila Haddad ante la prensa. (Foto: EFE/Juan Carlos Hidalgo)", "LA NACION"),
    ("Gouverneurin Laila Haddad vor der Presse. (Foto: dpa/Boris Roessler)", "DIE WELT"),
    ("La gouverneure Laila Haddad devant la presse. (Photo : AFP/Ludovic Marin)", "LE FIGARO"),
    ("A governadora Laila Haddad fala à imprensa. Foto: Lusa/Tiago Petinga", "O GLOBO"),
    ("La governatrice Laila Haddad parla ai giornalisti. Foto: ANSA/Ettore Ferrari", "ANSA"),
    ("A governadora Laila Haddad fala à imprensa. Foto: Lusa/Tiago Petinga", "PÚBLICO"),  # accented capitals
    # Site marks in forms no rule knows (split.py _text_under_captions_and_mark).
    ("Gouverneurin Laila Haddad vor der Presse. Foto: dpa/Boris Roessler", "FAZ.NET"),
    ("La gouverneure Laila Haddad devant la presse. (Photo : AFP/Ludovic Marin)", "© AFP"),
    ("A governadora Laila Haddad fala à imprensa. (Foto: Lusa/Tiago Petinga)", "Lusa"),
    ("La governatrice Laila Haddad parla ai giornalisti. (Foto ANSA/Ettore Ferrari)", "Corriere"),
]


@pytest.mark.parametrize("caption, mark", CAPTIONED_MARKS)
@pytest.mark.parametrize("copies", [1, 2])
@pytest.mark.parametrize("dateline", ["", "FRANKFURT (Reuters) - "])
def test_a_headline_over_its_photo_caption_and_a_masthead_or_site_mark_opens_its_story(caption, mark, copies,
                                                                                       dateline):
    # A page's header glued under the previous story: the headline, its photo's caption (twice, as
    # galleries repeat it, or once), a masthead or the site's mark, then the text. The story opens
    # at its headline, not at the mark, and a dateline under the mark opens no second one.
    text = f"{FIRE_TITLE}\n{FIRE}{BANK_TITLE}\n" + f"{caption}\n" * copies + f"{mark}\n{dateline}{BANK}"
    drafts = [draft for draft in segment_document(text) if draft.body.strip()]
    assert [draft.title for draft in drafts] == [FIRE_TITLE, BANK_TITLE]
    assert drafts[0].body.split() == FIRE.split()  # the next headline and its caption are not the fire's
    assert caption.split("(")[0].split("Foto:")[0].strip() in [c.text for c in drafts[1].captions]


def test_a_headline_in_capitals_under_prose_still_opens_its_story():
    # A tabloid's headline in capitals, with the previous story's prose above it: nothing to move to.
    text = f"{FIRE_TITLE}\n{FIRE}RATES ON HOLD\nFRANKFURT (Reuters) - {BANK}"
    drafts = [draft for draft in segment_document(text) if draft.body.strip()]
    assert [draft.title for draft in drafts] == [FIRE_TITLE, "RATES ON HOLD"]
    assert drafts[0].body.split() == FIRE.split()


TOUR_TITLE = "Harbour Lights Announce Their First Tour in a Decade"
TOUR = (
    "The Lisbon band Harbour Lights will play seven cities across Portugal and Spain this winter, their first "
    "tour since 2015, the group said on Monday.\n"
    "Singer Rita Amaral said the new songs were written during two years spent restoring a fishing boat, and "
    "that the shows would open with the whole of the band's first album.\n"
    "Tickets go on sale on Friday. The dates are:\n"
    "November 21 – Braga @ Theatro Circo\n"
    "November 24 – Coimbra @ Convento São Francisco\n"
    "November 28 – Porto @ Super Bock Arena\n"
    "December 2 – Madrid @ WiZink Center\n"
    "December 4 – Lisbon @ Altice Arena\n"
)


@pytest.mark.xfail(strict=True, reason="a short line of a list that shares one word with the next lede is 'about' it; "
                   "asking two shared words fixed this, but lost more stories than it found on documents of AEB "
                   "articles the rule was not written on (bench/split_notes.md)")
def test_a_list_line_sharing_one_word_with_the_next_lede_does_not_open_its_story():
    # "December" is in the bank story's lede too; one shared word makes no line the story's headline.
    found = stories(f"{TOUR_TITLE}\n{TOUR}{BANK_TITLE}\n{BANK}")
    assert [title for title, _ in found] == [TOUR_TITLE, BANK_TITLE]
    assert found[0][1].splitlines()[-1] == "December 4 – Lisbon @ Altice Arena"
    assert found[1][1].split() == BANK.split()


@pytest.mark.parametrize("under_caption", ["", "Advertisement\n", "Há 29 minutos\n"])
def test_a_subhead_over_a_photo_caption_in_an_article_opens_no_story(under_caption):
    # Inside one article: a subhead, the caption of a photo under it, then the text (or an ad label
    # or a time, which are no site's mark): one story.
    subhead = "Water-bombing planes from Spain"
    caption = "A Canadair plane over the Peneda-Geres park. (Photo: Reuters/Miguel Pereira)"
    paragraphs = FIRE.strip().split("\n\n")
    text = (f"{FIRE_TITLE}\n" + "\n".join(paragraphs[:2]) + f"\n{subhead}\n{caption}\n{under_caption}"
            + "\n".join(paragraphs[2:]) + "\nFirefighters expect the winds to drop by Tuesday, the agency said.\n")
    drafts = [draft for draft in segment_document(text) if draft.body.strip()]
    assert [draft.title for draft in drafts] == [FIRE_TITLE]


SHORT_LEDE = ("The central bank left its benchmark interest rate unchanged at 4.25% on Thursday for a third "
              "straight meeting, saying inflation was slowing faster than it had expected in the spring and that "
              "the labour market was cooling, though wages were still rising briskly.")


def test_a_headline_over_one_short_paragraph_is_too_short_a_story_on_either_side_of_a_boundary():
    # Headline, ad label, one paragraph of fewer than LONE_HEADLINE_MIN_WORDS words (with the
    # headline's, more), then a question subhead over the rest of the story. Too short a story to
    # the right of the wildfire's boundary, the piece must be too short to the left of the subhead's
    # too: else it stays apart from the text whose subject it shares, and its headline ends the
    # wildfire story.
    _, *rest = BANK.strip().split("\n\n")
    text = (f"{FIRE_TITLE}\n{FIRE}{BANK_TITLE}\nAdvertisement\n{SHORT_LEDE}\n"
            "Why did the bank wait for more data?\n" + "\n".join(rest) + "\n")
    lines = split_lines(text)
    for line in lines:
        classify_line(line)  # the ad label is dropped, as in segment_document
    facts = describe(lines)
    at = {line.text: i for i, line in enumerate(facts.lines)}
    fire = split._segment(facts, 0, at[BANK_TITLE])
    piece = split._segment(facts, at[BANK_TITLE], at["Why did the bank wait for more data?"])
    after = split._segment(facts, at["Why did the bank wait for more data?"], len(facts.lines))
    assert not split._story_sized(facts, fire, piece)
    assert not split._story_sized(facts, piece, after)
    assert [title for title, _ in stories(text)] == [FIRE_TITLE, BANK_TITLE]


ALTICE_TITLE = "Altice Shares Slide in Lisbon After Profit Warning"
ALTICE = (
    "Shares in telecoms group Altice fell 9% in Lisbon on Monday after the company warned that "
    "full-year profit would miss its own forecast, blaming price cuts by rivals and higher energy costs.\n"
    "The group said operating profit would be about 5% lower than last year, and that it would slow the "
    "roll-out of fibre in rural areas to protect its cash flow.\n"
    "Analysts at two banks cut their price targets, and one said the warning raised questions about the "
    "group's ability to pay down debt taken on for recent acquisitions.\n"
)


@pytest.mark.parametrize("block", [
    "Related\n- Harbour Lights sell out Porto in an hour\n- Rita Amaral on the songs of the boat\n",
    "Leia também\n• Harbour Lights esgotam o Porto numa hora\n",
])
def test_a_teaser_block_ends_the_run_of_the_previous_storys_list(block):
    # The tour's last date names the next story's city and company ("Lisbon", "Altice"): with only
    # headline-shaped lines between them it would open that story. A related-links block between
    # them ends the previous story's lines (and the last date is the list's, not the block's heading).
    found = stories(f"{TOUR_TITLE}\n{TOUR}{block}{ALTICE_TITLE}\n{ALTICE}")
    assert [title for title, _ in found] == [TOUR_TITLE, ALTICE_TITLE]
    assert found[0][1].splitlines()[-1] == "December 4 – Lisbon @ Altice Arena"
    assert found[1][1].split() == ALTICE.split()


HIKE_TITLE = "Our Simple Hiking Kit for a Day in the Mountains"
HIKE = (
    "When you live in a state as beautiful as Colorado it is hard to stay inside, and we hike with the "
    "children almost every weekend from May to October, whatever the weather says.\n"
    "Our hiking kit is really very simple, and it fits in one backpack:\n\n"
    "Bottled water\n"
    "baby carrier\n"
    "healthy snack bars\n"
    "a small camera\n\n"
    "On the trail above Boulder last Sunday the children drank more water than we had planned, so we "
    "now carry an extra litre each, and a paper map for when the phones lose their signal.\n"
    "The views from the top were worth every step, and the children slept the whole drive home.\n"
)


@pytest.mark.xfail(strict=True, reason="the capitalised first item of a list with no bullets is headline-shaped; "
                   "taking a line over short lowercase lines as a list's item fixed this, but lost more stories "
                   "than it found on documents of AEB articles the rule was not written on (bench/split_notes.md)")
def test_the_first_item_of_a_list_without_bullets_opens_no_story():
    # "Bottled water" is capitalised and short, with a blank line above it: headline-shaped, but the
    # lowercase items under it make it the first of a list.
    found = stories(f"{HIKE_TITLE}\n{HIKE}{BANK_TITLE}\n{BANK}")
    assert [title for title, _ in found] == [HIKE_TITLE, BANK_TITLE]
    assert found[0][1].split() == HIKE.split()



# A headline, its deck (a standfirst printed without a final period), a byline and a stamp: the
# story opens at the headline, which no body above ends with. Kicker labels between the stories.
DECKS = {
    "en": ("By Jane Doe", "14 March 2024, 08:30",
           "Firefighters from three countries fight flames fanned by strong winds in the national park"),
    "de": ("Von Jonas Weber", "14.03.2024, 08:30 Uhr",
           "Feuerwehrleute aus drei Ländern kämpfen im Nationalpark gegen die vom Wind angefachten Flammen"),
    "pt": ("Por Ana Sousa", "14 de março de 2024, 08h30",
           "Bombeiros de três países combatem as chamas atiçadas pelo vento no parque nacional do Gerês"),
}


@pytest.mark.parametrize("language", DECKS)
@pytest.mark.parametrize("label", ["", "World\n", "WORLD\n"])
def test_a_headline_over_its_deck_opens_the_story(language, label):
    byline, stamp, deck = DECKS[language]
    text = (f"{BANK_TITLE}\n\n{BANK}\n{label}{FIRE_TITLE}\n{deck}\n{byline}\n{stamp}\n\n{FIRE}")
    bank, fire = segment_document(text)
    assert fire.title == FIRE_TITLE and fire.body.startswith(deck)  # a standfirst is the article's
    assert not bank.body.rstrip().endswith((FIRE_TITLE, deck))


def test_a_list_line_over_a_long_marked_headline_is_no_headline_over_a_deck():
    """The rule takes the headline over a deck only at the head of its run of headline-shaped lines."""
    dates = "\n".join(f"Oct. {day} -- Pavilion {day}, Houston, TX" for day in (3, 9, 10))
    long_title = "Central Bank Holds Rates Steady as Inflation Cools Faster Than Expected in Autumn"
    text = f"{FIRE_TITLE}\n\n{FIRE}\n{dates}\n{long_title}\nBy Jane Doe\n\n{BANK}"
    fire, bank = segment_document(text)
    assert bank.title == long_title and fire.body.rstrip().endswith("Pavilion 10, Houston, TX")


@pytest.mark.parametrize("kicker", ["POLITICS", "Analysis", "Economía", "Welt und Politik"])
def test_a_kicker_over_the_first_headline_is_dropped_and_the_headline_is_the_title(kicker):
    [story] = segment_document(f"{kicker}\n{FIRE_TITLE}\n\n{FIRE}")
    assert story.title == FIRE_TITLE and kicker not in story.body
    assert [span.rule for span in story.spans if span.text == kicker] == ["kicker"]


def test_a_short_label_over_a_headline_inside_the_text_stays():
    text = f"{FIRE_TITLE}\n\n{FIRE}\nBOYS SOCCER\nCentral beats North Valley 3-1 in the regional final\n\n{BANK}"
    assert "BOYS SOCCER" in "\n".join(story.body for story in segment_document(text))


def test_the_pages_own_title_over_an_exclaiming_first_paragraph_is_no_kicker():
    text = (f"Classificação NASCAR\nNesta página você terá sempre a classificação atualizada da NASCAR até a última "
            f"corrida!\n\n{FIRE}")
    [story] = segment_document(text, title_hint="Classificação NASCAR")
    assert story.title == "Classificação NASCAR"


@pytest.mark.parametrize("ending", ["(Reporting by Jane Doe; Editing by Marco Bianchi)", "Mitarbeit: Jonas Weber",
                                    "(Servizio di Marco Bianchi; a cura di Giulia Rossi)",
                                    "© 2024 The Associated Press. All rights reserved.", "© Riproduzione riservata",
                                    "© dpa-infocom, dpa:240314-99-123456/2"])
def test_a_headline_under_a_storys_credits_or_copyright_opens_the_next_story(ending):
    text = f"{QUAKE_TITLE}\n{_no_blank_lines(QUAKE)}\n{ending}\n{FIRE_TITLE}\n{_no_blank_lines(FIRE)}\n"
    quake, fire = segment_document(text)
    assert fire.title == FIRE_TITLE and ending not in quake.body


def _no_blank_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line.strip())


# Stories written for newsflow in five languages (bench/stories/README.md).
STORIES = Path(__file__).resolve().parents[1] / "bench" / "stories"


def _story(language: str, number: int) -> str:
    return (STORIES / language / f"{number:02d}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["de", "fr", "es", "it", "pt"])
def test_glued_stories_in_another_language_split_on_its_function_words(language):
    """Two stories of one language, each under its headline, no blank lines: the language's
    function words ("der", "les", "una", "della", "uma") are shared by any two stories and say
    nothing of the topic; with English's alone, each pair stayed one story."""
    text = "\n".join(line for number in (3, 7) for line in _story(language, number).splitlines() if line.strip())
    drafts = [draft for draft in segment_document(text) if draft.body]
    assert [draft.title for draft in drafts] == [_story(language, n).splitlines()[0] for n in (3, 7)]


def test_prose_languages_keep_english_and_name_both_ends():
    """A glued document may mix languages: English stays, and its first and last prose name the others."""
    german, french = _story("de", 3), _story("fr", 7)
    lines = split_lines(german + "\n\n" + french)
    for line in lines:
        classify_line(line)
    facts = describe(lines)
    assert split.prose_languages(lines, facts.prose_words) == ("en", "de", "fr")



DEALS = ["Lego Star Wars Resistance Bomber", "Polistil Electric Race Track", "Nolan Box Set: Interstellar, Inception, "
         "The Prestige (Blu-ray)", "Blade Runner The Final Cut (4K Ultra HD)", "Ghostbusters Collection 1-2 (Steelbook)",
         "Indiana Jones Collection 1-4 (5 Blu-ray)", "Magnum P.I. Complete Collection (45 DVD)",
         "Portable Electronic Drum Kit with 7 Pads", "DeLorean Time Machine Model, 1:24 Scale",
         "Goonies Never Say Die Doormat", "Roger Waters The Wall (DVD)", "Dark Side of the Moon (Vinyl)"]


@pytest.mark.parametrize("form", ["{n})", "{n}.", "{n}:", "#{n}", "{n} –", "No. {n}"])
def test_a_line_between_two_numbered_items_of_a_list_opens_no_story(form):
    """A shopping list of deals (its items share no words with the lede above them, nor with each
    other) with a headline-shaped line under its first item, a product's name cut short: items 1
    and 2 of one list stand on either side of it, so the list and its story go on across it."""
    lines = ["Black Friday for Nostalgics: The Deals Not to Miss",
             "Black Friday is upon us: the day after Thanksgiving, when American shops cut prices to open the Christmas "
             "shopping season, has become a habit in Europe too.",
             "And who are we to stay out of the rush? Here are the deals on Amazon for fans of the eighties and nineties "
             "not to let slip:"]
    for n, item in enumerate(DEALS, 1):
        lines += [f"{form.format(n=n)} {item}", f"http://amzn.to/2x{n}Qa"] + (["Time Machine DeLorean From"] if n == 1 else [])
    found = stories("\n".join(lines))
    assert len(found) == 1 and "Dark Side of the Moon" in found[0][1]


# A syndicated story's last line names where it first ran: it stays in that story's body (AEB's
# hand-checked bodies keep it), and the headline under it heads the next story, marked by the
# layout (never merged away), whatever the two stories share.
@pytest.mark.parametrize("notice", [
    "This article was originally published by The Conversation. Read the original article.",
    "Originally published on Live Science.",
    "Dieser Artikel erschien zuerst bei Spiegel Online.",
    "Cet article a été initialement publié dans Le Temps.",
    "Este artículo fue publicado originalmente en El País.",
    "Questo articolo è stato pubblicato originariamente su Il Post.",
    "Este artigo foi publicado originalmente no Público.",
])
def test_a_headline_under_where_a_story_first_ran_opens_the_next_story(notice):
    text = f"{QUAKE_TITLE}\n{_no_blank_lines(QUAKE)}\n{notice}\n{FIRE_TITLE}\n{_no_blank_lines(FIRE)}\n"
    assert _marked_starts(text) == [FIRE_TITLE]
    quake, fire = segment_document(text)
    assert quake.body.rstrip().endswith(notice) and fire.title == FIRE_TITLE


@pytest.mark.parametrize("line", ["The company first published its results in 2019, and the figures were audited.",
                                  "Der Text wurde gestern veröffentlicht.", "Originally, the plan was to wait."])
def test_prose_about_publishing_marks_no_story_end(line):
    text = f"{QUAKE_TITLE}\n{_no_blank_lines(QUAKE)}\n{line}\n{FIRE_TITLE}\n{_no_blank_lines(FIRE)}\n"
    assert _marked_starts(text) == []


def _marked_starts(text: str) -> list[str]:
    """The lines the layout marks as story starts (never merged away), as the cleaner sees them."""
    lines = _classified(text)
    _, fixed = story_candidates(describe(lines), Counter(line.key for line in lines))
    return [lines[i].text for i in sorted(fixed)]


def _classified(text: str) -> list:
    lines = split_lines(text)
    for line in lines:
        classify_line(line)
    return lines


@pytest.mark.parametrize("bullet", ["- ", "• ", ""])
def test_a_related_link_to_the_next_story_leaves_its_headline_to_open_it(bullet):
    # The block links to the story printed right under it: the headline repeats a line a few lines
    # above, as a page repeats its own headline, but that line is a link.
    text = "\n".join([FIRE_TITLE, _no_blank_lines(FIRE), "Related", f"{bullet}{BANK_TITLE}",
                      f"{bullet}Rail Workers Walk Out Over Pay in Belgium", BANK_TITLE, _no_blank_lines(BANK)])
    found = stories(text)
    assert [title for title, _ in found] == [FIRE_TITLE, BANK_TITLE]
    assert found[1][1].split() == BANK.split()


def test_each_storys_own_spacing_is_its_usual_gap():
    # Glued stories keep their own spacing: the fire story's paragraphs and its subhead have a
    # blank line above them, the stories around it none. Against the document's usual gap (none),
    # the subhead stood apart as a new story's headline does.
    subhead = "Planes From Spain Join the Effort"
    paragraphs = FIRE.strip().split("\n\n")
    fire = "\n\n".join([*paragraphs[:2], subhead, *paragraphs[2:]])
    text = "\n".join([STRIKE_TITLE, _no_blank_lines(STRIKE), "", "", FIRE_TITLE, "", fire, "", "",
                      QUAKE_TITLE, _no_blank_lines(QUAKE), "", "", BANK_TITLE, _no_blank_lines(BANK)])
    lines = _classified(text)
    facts = describe(lines)
    gap_above = {line.text: gap for line, gap in zip(lines, facts.gaps)}
    assert gap_above[subhead] == 0 and gap_above[FIRE_TITLE] > 0 and gap_above[QUAKE_TITLE] > 0
    found = stories(text)
    assert [title for title, _ in found] == [STRIKE_TITLE, FIRE_TITLE, QUAKE_TITLE, BANK_TITLE]
    assert subhead in found[1][1]


def test_stories_under_markdown_headings_split_and_lose_the_marks():
    """Scrapers that write Markdown mark headlines "## ..." or "**...**" and bylines "*By ...*": the
    marks are dropped spans of their own, and a headline behind them still opens its story."""
    text = (f"# {FIRE_TITLE}\n\n*By Ana Ruiz*\n\n{FIRE}\n## {BANK_TITLE} ##\n\n{BANK}\n"
            f"**{QUAKE_TITLE}**\n\n{QUAKE}").replace("\n#", "\n\n#").replace("\n**", "\n\n**")
    drafts = [draft for draft in segment_document(text) if draft.body]
    assert [draft.title for draft in drafts] == [FIRE_TITLE, BANK_TITLE, QUAKE_TITLE]
    assert drafts[0].authors == ["Ana Ruiz"]
    assert not any(mark in draft.body for draft in drafts for mark in ("#", "*"))
    marks = [span.text for draft in drafts for span in draft.spans if span.rule == "markdown_mark"]
    assert marks == ["#", "*", "*", "##", "##", "**", "**"]


@pytest.mark.parametrize("line, inner", [
    ("### Storm closes the port ###", "Storm closes the port"),
    ("__Advertisement__", "Advertisement"),
    ("***", "***"),  # a rule line keeps its marks
    ("* * *", "* * *"),
    ("#1 priority for the mayor", "#1 priority for the mayor"),  # a heading's "#" is followed by a space
    ("**Q:** Will the port reopen?", "**Q:** Will the port reopen?"),  # marks inside a line stay
    ("> The port reopened on Monday.", "The port reopened on Monday."),  # a block quote's mark
    ("> ## Storm closes the port", "Storm closes the port"),
    ("a > b, the vote said", "a > b, the vote said"),
])
def test_markdown_marks_only_around_a_whole_line(line, inner):
    assert [found.text for found in split_lines(line)] == [inner]


@pytest.mark.parametrize("question", ["Por que a acidez importa?", "De Nederlandse regering wil meer bossen"])
def test_a_line_opening_like_a_byline_without_a_name_under_a_subhead_marks_no_story(question):
    """"Por", "De", "Da" open questions and sentences as well as bylines: only a capitalised name follows a byline's."""
    paragraphs = [paragraph for paragraph in FIRE.split("\n") if paragraph.strip()]
    text = "\n".join([FIRE_TITLE, *paragraphs[:2], "Firefighters From Three Regions", question, *paragraphs[2:]])
    assert len(stories(text)) == 1


def test_a_named_byline_under_the_headline_still_marks_the_story():
    text = f"{QUAKE_TITLE}\n{QUAKE}{STRIKE_TITLE}\nPor Ana María de la Fuente\n{STRIKE}"
    assert [title for title, _ in stories(text)] == [QUAKE_TITLE, STRIKE_TITLE]


def test_a_pictures_copyright_credit_inside_a_story_ends_no_story():
    """A bare "© Name" credits a picture, anywhere in a story; a story's copyright line has its year or reservation."""
    paragraphs = [paragraph for paragraph in FIRE.split("\n") if paragraph.strip()]
    text = "\n".join([FIRE_TITLE, *paragraphs[:2], "© Miguel Riopa", "Firefighters From Three Regions", *paragraphs[2:]])
    assert len(stories(text)) == 1


@pytest.mark.xfail(reason="a date line under a subhead marks a story's start whatever the text around it; weighing such "
                   "a mark when the two sides are as alike as each with itself fixed this, but lost more glued stories "
                   "than it saved one-story documents on documents it was not designed on (bench/split_notes.md)")
def test_a_dated_section_of_one_story_stays_in_it():
    """A date line under a subhead marks a new story only where the text around it is not one text."""
    paragraphs = [paragraph for paragraph in FIRE.split("\n") if paragraph.strip()]
    text = "\n".join([FIRE_TITLE, "12 August 2024", *paragraphs[:2], "Fire Reaches the National Park",
                      "13 August 2024", *paragraphs[2:]])
    assert len(stories(text)) == 1


def test_an_unbulleted_headline_under_bulleted_related_links_opens_the_next_story():
    """A list's items share their marks: the next story's headline, and its own first short lines, are no links."""
    text = (f"{QUAKE_TITLE}\n{_no_blank_lines(QUAKE)}\nRelated\n- Floods Cut Off Villages in the Andes\n"
            f"- Volcano Alert Raised Near Arequipa\n{STRIKE_TITLE}\nWhich Trains Still Run on Wednesday\n"
            f"Strike Timeline\n{_no_blank_lines(STRIKE)}\n")
    assert [title for title, _ in stories(text)] == [QUAKE_TITLE, STRIKE_TITLE]


def test_a_live_blogs_oldest_entry_opening_with_the_wire_dateline_stays_in_the_blog():
    """Under a clock time with no date, an entry heading over the wire copy's dateline is the blog's own entry."""
    first, second, third, fourth = [paragraph for paragraph in FIRE.split("\n") if paragraph.strip()]
    text = (f"{FIRE_TITLE}\n14:05\nGovernment Promises Forest Clearing\n{fourth}\n13:15\nNo Deaths So Far\n{third}\n"
            f"11:35\nFire Forces Evacuations\nLISBON (Reuters) - {first}\n{second}\n")
    assert len(stories(text)) == 1


def test_a_long_sides_own_sparseness_bounds_the_roundup_feature():
    """The headline density of a boundary is the sparsest of the windows around it and of each side long enough
    to tell (DENSITY_WINDOW_WORDS of prose): a story's key-figures box under its headline, next to the results
    list the story above ends with, made both windows dense."""
    results = ("Natation : les résultats du meeting de Chartres\nLe club local a dominé la deuxième journée du meeting, "
               "devant Rennes et Nantes, avec six victoires sur les huit finales disputées samedi.\n"
               "100 m nage libre dames : Léa Martin (Chartres) 55\"81\n200 m papillon messieurs : Hugo Petit (Rennes) 2'01\"45\n"
               "50 m dos dames : Inès Roux (Chartres) 28\"90\n400 m 4 nages messieurs : Tom Girard (Nantes) 4'22\"10\n"
               "100 m brasse dames : Clara Faure (Chartres) 1'08\"33\n200 m nage libre messieurs : Noah Blanc (Chartres) 1'49\"02\n"
               "50 m papillon dames : Jade Morel (Rennes) 26\"77\n100 m dos messieurs : Paul Henry (Nantes) 55\"12\n"
               "200 m brasse dames : Emma Roger (Chartres) 2'29\"40\n4 x 100 m relais mixte : Chartres 3'41\"05\n")
    title, _, body = _story("it", 1).partition("\n")
    key_figures = "I numeri\nBilancio 2025 in aumento\nInvestimenti per 12 milioni\nNuove assunzioni nel 2026\n"
    lines = split_lines(results + title + "\n" + key_figures + body)
    for line in lines:
        classify_line(line)
    facts = describe(lines)
    start = next(i for i, line in enumerate(lines) if line.text == title)
    left, right = split._segment(facts, 0, start), split._segment(facts, start, len(lines))
    feature = split.break_features(facts, left, right)[split.FEATURES.index("density")]
    assert right.prose_words >= split.DENSITY_WINDOW_WORDS
    assert feature == split._density(right) < facts.density[start]
