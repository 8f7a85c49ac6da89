"""Story clusters from links, and each article's provenance in its story."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from newsflow.tasks.core.ids import story_id
from newsflow.tasks.core.schema import (
    EXACT_DUPLICATE,
    NEAR_DUPLICATE,
    ORIGINAL,
    REWRITE,
    SYNDICATED_COPY,
    Link,
    StoryRole,
)

COPY_RELATIONS = {EXACT_DUPLICATE, NEAR_DUPLICATE}


@dataclass(frozen=True, slots=True)
class StoryMember:
    article_id: str
    agency: str | None
    published_at: datetime | None
    word_count: int


class Components:
    """Connected components of articles joined pair by pair (union-find): memory a member, not a link."""

    def __init__(self, article_ids: Iterable[str]) -> None:
        self.parent = {a: a for a in article_ids}

    def root(self, a: str) -> str:
        parent = self.parent
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def join(self, a: str, b: str) -> None:
        if a in self.parent and b in self.parent:
            left, right = self.root(a), self.root(b)
            self.parent[max(left, right)] = min(left, right)

    def groups(self) -> list[list[str]]:
        """Each component sorted, in a stable order."""
        groups: dict[str, list[str]] = defaultdict(list)
        for a in self.parent:
            groups[self.root(a)].append(a)
        return sorted(sorted(group) for group in groups.values())


def origin_key(member: StoryMember) -> tuple:
    """Order of precedence for the original of a story.

    Wire text first: an agency dateline (`MOSCOW (AP) —`) marks the text others copy and
    rewrite. Then the earliest publication, since copies follow their source; articles of
    unknown date come after dated ones. Then the most complete text (more words: copies trim,
    they rarely add). The article id breaks the last ties so the choice is deterministic.
    """
    return (
        member.agency is None,
        member.published_at is None,
        member.published_at or datetime.max,
        -member.word_count,
        member.article_id,
    )


def story_roles(members: dict[str, StoryMember], links: Iterable[Link]) -> list[StoryRole]:
    """One row per article: its story, its role and the original it derives from.

    One pass over the links (millions, for a text copied hundreds of times): stories are the
    components of all links, and an article is a syndicated copy when copy links alone join
    it to its story's original, directly or not."""
    stories, copies = Components(sorted(members)), Components(members)
    for link in links:
        stories.join(link.article_id, link.other_article_id)
        if link.relation in COPY_RELATIONS:
            copies.join(link.article_id, link.other_article_id)
    roles = []
    for group in stories.groups():
        story = story_id(group[0])
        origin = min((members[a] for a in group), key=origin_key).article_id
        origin_copies = copies.root(origin)
        for article_id in group:
            if article_id == origin:
                roles.append(StoryRole(article_id, story, ORIGINAL, None))
            else:
                role = SYNDICATED_COPY if copies.root(article_id) == origin_copies else REWRITE
                roles.append(StoryRole(article_id, story, role, origin))
    return roles
