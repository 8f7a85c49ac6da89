"""Clean and split: classify every line of a document's text with named rules, then group
the lines into stories.

Each line starts as body. Rules that need no context run first (chrome, promos, share and
read-more lines, rule lines, site marks, timestamps, credits, author boxes); then the
document is split into stories (tasks/segment/split.py); then, per story, the rules that need the
story: its title and repeated titles, captions kept once, key-point highlights. Inside body
lines, citation markup is cut out. Every span keeps its rule's name, so what the body lost is
always accounted for (the `spans` table); the names, kinds and limits of all the rules are in
one table, tasks/segment/rules.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from newsflow.tasks.core.schema import (
    ADDITIONAL_REPORTING,
    AUTHOR,
    BODY,
    CAPTION,
    CREDIT,
    HIGHLIGHT,
    PHOTO,
    TITLE,
    Caption,
    Credit,
    Span,
    StoryDraft,
)
from newsflow.tasks.core.settings import (
    CAPTION_REPEAT_DISTANCE,
    MAX_CAPTION_WORDS,
    MAX_HEADLINE_WORDS,
    REPEATED_PARAGRAPH_MIN_WORDS,
)
from newsflow.tasks.segment import patterns as p
from newsflow.tasks.segment import rules
from newsflow.tasks.segment.credits import (
    author_credits,
    author_names,
    byline_desks,
    desk_signers,
    has_photo_credit,
    people_named,
    photo_credits,
    role_credits,
    slot_signers,
    split_caption,
)
from newsflow.tasks.segment.furniture_model import MAX_WORDS as LEARNED_MAX_WORDS
from newsflow.tasks.segment.furniture_model import furniture_model
from newsflow.tasks.segment.lines import Line, fold, split_lines, unemphasised
from newsflow.tasks.segment.split import FITTED_WEIGHTS, LABEL_NOT_ENDING, BreakWeights, is_headline, story_starts


def segment_document(text: str, title_hint: str | None = None, caption_lines: Iterable[str] = (),
                     link_lines: Iterable[str] = (), weights: BreakWeights = FITTED_WEIGHTS) -> list[StoryDraft]:
    """Classify every span of `text` and group the spans into stories, in input order.

    `caption_lines` are texts of lines the page's HTML shows as figure captions, `link_lines` of
    lines that are all a link's text there (an HTML page's TextLayout): captions are marked before
    any other rule looks at the lines, link lines after the line rules. `weights`: the splitting's,
    which bench/split_fit.py fits."""
    lines = split_lines(text)
    if not lines:
        return []
    for line in lines:
        classify_line(line)
    mark_related_links(lines)
    mark_author_boxes(lines)
    mark_figure_captions(lines, caption_lines)
    mark_link_lines(lines, link_lines)
    mark_kickers(lines, title_hint)
    counts = Counter(line.key for line in lines)
    starts = story_starts(lines, counts, title_hint, weights)
    drafts = []
    for begin, end in zip(starts, starts[1:] + [len(lines)]):
        story = lines[begin:end]
        mark_key_points(story)
        mark_title(story, counts, title_hint)
        mark_outlet_byline(story)
        mark_captions(story, counts)
        mark_box_heading(story)
        mark_company_profile(story)
        mark_learned_furniture(story)
        drafts.append(build_draft(text, story))
    return drafts


def classify_line(line: Line) -> None:
    """Name a line by its own shape and phrases alone (chrome, promos, widgets, credits ...)."""
    text = unemphasised(line.text)
    rule = rules.line_rule(text, line.words)
    if rule is not None:
        line.mark(rule.name)
        line.ai = rule.name == rules.AI_DISCLOSURE
        return
    if line.words > rules.BYLINE_MAX_WORDS:
        return
    byline = p.BYLINE.match(text)
    authors = author_names(byline.group("names")) if byline else []
    if byline and authors:
        line.mark(rules.BYLINE)
        line.authors = authors
        line.credits = author_credits(authors, byline_desks(f"{byline.group('names')}, {byline.group('outlet') or ''}"))
    elif desks := desk_signers(text):
        line.mark(rules.DESK_BYLINE)
        line.credits = author_credits([], desks)


def mark_learned_furniture(lines: list[Line]) -> None:
    """Short body lines no rule named that the furniture model takes for page furniture (furniture_model.py).
    Asked last, story by story: the stories are split as the rules left them, and a line a story's
    rules name (its title, its byline in the byline's place) keeps their name."""
    model = furniture_model()
    for line in lines:
        if line.is_body and line.rule is None and line.words <= LEARNED_MAX_WORDS and model.is_furniture(
                unemphasised(line.text)):
            line.mark(rules.LEARNED_FURNITURE)


def mark_related_links(lines: list[Line]) -> None:
    """The titles listed under a bare teaser label ("Related", "Lire aussi"): bullets or
    headline-shaped lines. An unbulleted title right above prose is the headline of what follows
    (an article after the block, or the same article going on), not a link; so is an unbulleted
    line under bulleted titles, with what follows it: a list's items share its marks, and the next
    story's headline, with its own first short lines, went into the list."""
    for i, label in enumerate(lines):
        if label.rule != rules.READ_MORE or label.words > rules.RELATED_LABEL_MAX_WORDS:
            continue
        items: list[Line] = []
        for line in lines[i + 1 : i + 1 + rules.RELATED_MAX_ITEMS]:
            bulleted = bool(p.BULLET.match(line.text))
            if not (line.is_body and line.words <= rules.TEASER_MAX_WORDS and (bulleted or is_headline(line))):
                break
            if items and not bulleted and p.BULLET.match(items[0].text):
                break
            items.append(line)
        after = i + 1 + len(items)
        if items and not p.BULLET.match(items[-1].text) and after < len(lines) and _is_prose(lines[after]):
            items.pop()
        for line in items:
            line.mark(rules.RELATED_LINKS)


def mark_kickers(lines: list[Line], title_hint: str | None = None) -> None:
    """A section's or a genre's label over the document's first headline ("POLITICS", "Analysis",
    "Economía"): a first line of a few words with no punctuation at its end, then a longer
    headline-shaped line with at most one blank line between, then the story's text within a few
    lines. It labels the page, not the story, and left in place it hides the headline from the
    title. Further down the same shape is as often the article's own ("BOYS SOCCER" over a
    roundup's results on an AEB page, a meal plan's "Meal 1", a name over a quote), and stays; so
    does the page's own title (its <title>, `title_hint`) over an exclaiming first paragraph."""
    body = [line for line in lines if line.is_body][: rules.KICKER_TEXT_WITHIN + 2]
    if len(body) < 3:
        return
    kicker, headline = body[0], body[1]
    if title_hint is not None and kicker.key == fold(title_hint):
        return
    if not (kicker.words <= rules.KICKER_MAX_WORDS and len(kicker.text) <= rules.KICKER_MAX_CHARACTERS
            and kicker.text[0].isupper() and not kicker.text.endswith(LABEL_NOT_ENDING)
            and headline.gap <= 1 and headline.words > kicker.words + 1 and is_headline(headline)):
        return
    if any(_is_prose(line) for line in body[2:]):
        kicker.mark(rules.KICKER)



def _is_prose(line: Line) -> bool:
    return line.is_body and not is_headline(line)


def mark_author_boxes(lines: list[Line]) -> None:
    """'Author:' / 'About the author' + a name + a short bio, or 'Written by NAME': moved to authors."""
    for i, line in enumerate(lines):
        if not line.is_body:
            continue
        written = p.WRITTEN_BY.match(line.text) if line.words <= rules.WRITTEN_BY_MAX_WORDS else None
        if written and author_names(written.group("names")):
            line.mark(rules.AUTHOR_BOX)
            line.authors = author_names(written.group("names"))
            line.credits = author_credits(line.authors, [])
        elif p.AUTHOR_LABEL.match(line.text) and i + 1 < len(lines) and p.NAME.match(lines[i + 1].text):
            _mark_box(lines, i)


def _mark_box(lines: list[Line], label: int) -> None:
    name = lines[label + 1]
    lines[label].mark(rules.AUTHOR_BOX)
    name.mark(rules.AUTHOR_BOX)
    name.authors = [name.text]
    name.credits = author_credits(name.authors, [])
    # The bio: a few short lines right after the name, with no more than a blank line above each.
    for bio in lines[label + 2 : label + 2 + rules.AUTHOR_BIO_MAX_LINES]:
        if (bio.gap > rules.AUTHOR_BIO_MAX_BLANK_LINES or bio.words > rules.AUTHOR_BIO_MAX_WORDS
                or not (bio.is_body or bio.rule == rules.AI_DISCLOSURE)):
            break
        bio.mark(rules.AUTHOR_BOX)
        name.ai = name.ai or bool(p.AI_DISCLOSURE.search(bio.text))


def mark_figure_captions(lines: list[Line], caption_lines: Iterable[str]) -> None:
    """Lines the page marks as figure captions: the first copy a caption, later copies dropped."""
    keys = {fold(text) for text in caption_lines}
    seen: set[str] = set()
    for line in lines if keys else ():
        if line.key in keys:
            line.mark(rules.REPEATED_CAPTION if line.key in seen else rules.FIGURE_CAPTION)
            seen.add(line.key)


def mark_link_lines(lines: list[Line], link_lines: Iterable[str]) -> None:
    """Body lines that are a link's whole text on the page, in a run of LINK_LIST_MIN_LINES or more
    (blank lines and other dropped lines between allowed): a list of links to other pages."""
    keys = {fold(text) for text in link_lines}
    run: list[Line] = []
    for line in [*lines, None] if keys else ():
        if line is not None and line.is_body and line.key in keys:
            run.append(line)
        elif line is None or line.is_body:
            if len(run) >= rules.LINK_LIST_MIN_LINES:
                for linked in run:
                    linked.mark(rules.LINK_LIST)
            run = []


# Story-level rules.
def mark_title(story: list[Line], counts: Counter, title_hint: str | None) -> None:
    """The story's headline becomes its title once; later copies of it are dropped."""
    hint = fold(title_hint) if title_hint else None
    title = None
    for line in story:
        if not line.is_body or p.KEY_POINTS_HEADING.match(line.text):
            continue
        if hint is not None:
            if line.key == hint or (line.words >= rules.TITLE_HINT_MIN_WORDS and (line.key in hint or hint in line.key)
                                    and is_headline(line)):
                title = line
                break
            continue
        if is_headline(line) and _followed_by_text(story, line):
            title = line
        break
    if title is None:
        return
    title.mark(rules.TITLE)
    for line in story:
        if line is not title and line.is_body and line.key == title.key:
            line.mark(rules.REPEATED_TITLE)


def _followed_by_text(story: list[Line], title: Line) -> bool:
    later = [line for line in story if line.start > title.start and line.is_body]
    return bool(later) and sum(line.words for line in later) > MAX_HEADLINE_WORDS


def mark_outlet_byline(story: list[Line]) -> None:
    """The line in the byline's place, right above the first paragraph of prose and among the
    first three body lines under the title (or of a story without one; the first may be a
    headline the title rule left), when an outlet or a desk signs it in a form the context-free
    DESK_BYLINE does not take ("Por Clarín", "Von tagesschau.de", "Staff Writer")."""
    title = next((line for line in story if line.rule == rules.TITLE), None)
    below_title = [line for line in story if line.is_body and (title is None or line.start > title.start)]
    lede = next((i for i, line in enumerate(below_title[:3])
                 if _is_prose(line) and line.words > rules.OUTLET_BYLINE_MAX_WORDS), None)
    if not lede:  # no paragraph among the first lines, or the first line is one: no byline's place
        return
    slot = below_title[lede - 1]
    if slot.words > rules.OUTLET_BYLINE_MAX_WORDS or slot.text.endswith(("!", "?", ":", ";")):
        return
    if signers := slot_signers(slot.text):
        slot.mark(rules.OUTLET_BYLINE)
        slot.credits = author_credits([], signers)


def mark_captions(story: list[Line], counts: Counter) -> None:
    """Captions kept once with their credit; any later copy of a line is dropped.

    A caption is a line ending in a photo credit, or a line ending in a credit in parentheses
    that comes again right below (scrapers save a photo's caption several times). A prose
    paragraph saved twice in a row is kept once; lines that repeat further apart (a list's
    labels, a meal plan's days) are the article's own and stay.
    """
    first: dict[str, Line] = {}
    for i, line in enumerate(story):
        if not line.is_body:
            continue
        original = first.get(line.key)
        if original is None:
            first[line.key] = line
            credited = p.TRAILING_CREDIT.search(line.text) and _repeated_nearby(story, i, counts)
            if line.words <= MAX_CAPTION_WORDS and (has_photo_credit(line.text) or credited):
                line.mark(rules.CAPTION)
        elif original.kind == CAPTION:
            line.mark(rules.REPEATED_CAPTION)
        elif line.words >= REPEATED_PARAGRAPH_MIN_WORDS and _previous_body(story, i) is original:
            line.mark(rules.REPEATED_PARAGRAPH)


def _previous_body(story: list[Line], i: int) -> Line | None:
    return next((line for line in reversed(story[:i]) if line.is_body or line.kind == CAPTION), None)


def _repeated_nearby(story: list[Line], i: int, counts: Counter) -> bool:
    """The line comes again within a few lines, with no paragraph of its own in between."""
    for line in story[i + 1 : i + 1 + CAPTION_REPEAT_DISTANCE]:
        if line.key == story[i].key:
            return True
        if line.is_body and counts[line.key] == 1:
            return False
    return False


def mark_box_heading(story: list[Line]) -> None:
    """A headline-shaped last body line right above a box the rules dropped (a promotion, teaser,
    share or link box), under a paragraph: the box's heading, not the article's last paragraph.
    Under another headline-shaped line it is the last item of the article's list (tour dates,
    results), which the box follows."""
    last = max((i for i, line in enumerate(story) if line.is_body), default=None)
    if last is None or last + 1 >= len(story) or story[last + 1].rule not in rules.BOX_RULES:
        return
    above = next((line for line in reversed(story[:last]) if line.is_body), None)
    if is_headline(story[last]) and above is not None and not is_headline(above):
        story[last].mark(rules.BOX_HEADING)


def mark_company_profile(story: list[Line]) -> None:
    """A press release's closing profile of its issuer, from its "About <Name>" heading or its
    opening "<Name> is a ..." to the story's end (rules.COMPANY_PROFILE)."""
    body = [line for line in story if line.is_body]
    start = _profile_start(body)
    for line in body[start:] if start is not None else ():
        line.mark(rules.COMPANY_PROFILE)


def _profile_start(body: list[Line]) -> int | None:
    first = max(1, len(body) - rules.PROFILE_MAX_LINES)  # the story's own text comes first
    for i in range(first, len(body) - 1):
        heading, opening = p.ABOUT_COMPANY.match(body[i].text), p.COMPANY_IS.match(body[i + 1].text)
        if heading and opening and _same_name(heading["name"], opening["name"]) and _company_facts(body[i + 1:]):
            return i
    for i in range(first, len(body)):
        opening = p.COMPANY_IS.match(body[i].text)
        if (opening and any(opening["name"] in line.text for line in body[:i])
                and _company_facts(body[i:]) >= rules.PROFILE_MIN_FACTS):
            return i
    return None


def _same_name(one: str, other: str) -> bool:
    return one.split()[0].casefold() == other.split()[0].casefold()


def _company_facts(lines: list[Line]) -> int:
    """How many kinds of COMPANY_FACTS the lines give."""
    text = " ".join(line.text for line in lines)
    return sum(1 for fact in p.COMPANY_FACTS if fact.search(text))


def mark_key_points(story: list[Line]) -> None:
    """Bullets that open a story, before its first prose paragraph, are its highlights."""
    body = [line for line in story if line.is_body]
    index = 1 if body and p.KEY_POINTS_HEADING.match(body[0].text) else 0
    bullets = []
    while index < len(body) and p.BULLET.match(body[index].text):
        bullets.append(body[index])
        index += 1
    if len(bullets) < rules.KEY_POINTS_MIN_BULLETS or index >= len(body):
        return
    if index - len(bullets) == 1:
        body[0].mark(rules.KEY_POINTS_HEADING)
    for line in bullets:
        line.mark(rules.KEY_POINTS)


def build_draft(text: str, story: list[Line]) -> StoryDraft:
    """The story's spans (citation markup cut out of body lines) and what moved to metadata."""
    draft = StoryDraft(spans=[], body="")
    paragraphs = []
    for line in story:
        draft.spans.extend(_markdown_marks(text, line, before=True))
        if line.is_body:
            pieces = body_pieces(text, line, draft.cited_urls)
            draft.spans.extend(pieces)
            paragraphs.append("".join(piece.text for piece in pieces if piece.kind == BODY))
        else:
            draft.spans.append(Span(line.start, line.end, line.kind, line.rule, line.text))
            collect_metadata(draft, line)
        draft.spans.extend(_markdown_marks(text, line, before=False))
    draft.body = "\n\n".join(paragraph for paragraph in paragraphs if paragraph.strip())
    return draft


def _markdown_marks(text: str, line: Line, before: bool) -> list[Span]:
    """Spans of the line's Markdown marks on one side of it (lines.markdown_marks)."""
    return [span for start, end in line.marks if (end <= line.start) == before
            for span in _trimmed(text, start, end, rules.kind_of(rules.MARKDOWN_MARK), rules.MARKDOWN_MARK)]


def collect_metadata(draft: StoryDraft, line: Line) -> None:
    """Move what a classified line says into the story's metadata fields."""
    if line.rule == rules.TIMESTAMP:
        draft.stamps.append(line.text)
    if line.kind == TITLE and draft.title is None:
        draft.title = line.text
    elif line.kind == CAPTION:
        caption, credit = split_caption(line.text, require_photo_words=False)
        draft.captions.append(Caption(caption, credit))
        _add_credits(draft, photo_credits(credit) if credit else [])
    elif line.kind == HIGHLIGHT:
        draft.highlights.append(p.BULLET.sub("", line.text).strip())
    elif line.kind == CREDIT:
        credits = line_credits(line)
        _add_credits(draft, credits)
        names = [credit.name for credit in credits] if credits else people_named(line.text)
        draft.credits.extend(name for name in names if name not in draft.credits)
    elif line.kind == AUTHOR:
        draft.authors.extend(name for name in line.authors if name not in draft.authors)
        draft.ai_disclosed = draft.ai_disclosed or line.ai
        _add_credits(draft, line.credits)


def line_credits(line: Line) -> list[Credit]:
    """Who a credit line names, and as what: the roles its labels give, a photo credit's
    photographer, a desk byline's desks; a source line names no one's part in the story."""
    if line.rule == rules.PHOTO_CREDIT:
        return role_credits(line.text, PHOTO)
    if line.rule == rules.CONTRIBUTOR_CREDIT:
        return role_credits(line.text, ADDITIONAL_REPORTING)
    return line.credits


def _add_credits(draft: StoryDraft, credits: list[Credit]) -> None:
    draft.credit_roles.extend(credit for credit in credits if credit not in draft.credit_roles)


def body_pieces(text: str, line: Line, cited_urls: list[str]) -> list[Span]:
    """A body line as spans: its prose, and its citation markup dropped (URLs kept in `cited_urls`)."""
    cuts = []  # (start, end) of markup, relative to the line, with the URL it cites
    for match in p.CITATION_PARENTHESISED.finditer(line.text):
        cuts.append((match.start(), match.end(), match.group("url")))
    for match in p.MARKDOWN_LINK.finditer(line.text):
        if any(start <= match.start() < end for start, end, _ in cuts):
            continue
        if p.SOURCE_ANCHOR.match(match.group("anchor").strip()):
            cuts.append((match.start(), match.end(), match.group("url")))
        else:  # keep the anchor text, drop the brackets and the URL
            cuts.append((match.start(), match.start("anchor"), match.group("url")))
            cuts.append((match.end("anchor"), match.end(), None))
    cuts.sort()
    cited_urls.extend(url for _, _, url in cuts if url and url not in cited_urls)
    return _spans_between(text, line, [(s, e) for s, e, _ in cuts])


def _spans_between(text: str, line: Line, cuts: list[tuple[int, int]]) -> list[Span]:
    spans, cursor = [], line.start
    for start, end in cuts:
        start, end = line.start + start, line.start + end
        spans += _trimmed(text, cursor, start, BODY, None)
        spans += _trimmed(text, start, end, rules.kind_of(rules.INLINE_CITATION), rules.INLINE_CITATION)
        cursor = end
    spans += _trimmed(text, cursor, line.end, BODY, None)
    return spans


def _trimmed(text: str, start: int, end: int, kind: str, rule: str | None) -> list[Span]:
    """A span of text[start:end] without its outer whitespace; none when only whitespace.

    Body pieces keep their inner spacing so that pieces of one line join back into prose.
    """
    if kind == BODY:
        return [Span(start, end, kind, rule, text[start:end])] if text[start:end].strip() else []
    piece = text[start:end]
    left = len(piece) - len(piece.lstrip())
    right = len(piece.rstrip())
    if right <= left:
        return []
    return [Span(start + left, start + right, kind, rule, piece[left:right])]
