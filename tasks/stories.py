"""Story clusters from links, and each article's provenance in its story."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from tasks.schema import (
    EXACT_DUPLICATE, NEAR_DUPLICATE, ORIGINAL, REWRITE, SYNDICATED_COPY, Link, StoryRole,
)

COPY_RELATIONS = {EXACT_DUPLICATE, NEAR_DUPLICATE}


@dataclass(frozen=True, slots=True)
class StoryMember:
    article_id: str
    agency: str | None
    published_at: datetime | None
    word_count: int


def cluster(article_ids: list[str], links: list[Link]) -> list[list[str]]:
    """Connected components of the link graph (union-find), each sorted, in a stable order."""
    parent = {a: a for a in article_ids}

    def root(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for link in links:
        if link.article_id in parent and link.other_article_id in parent:
            left, right = root(link.article_id), root(link.other_article_id)
            parent[max(left, right)] = min(left, right)
    groups: dict[str, list[str]] = defaultdict(list)
    for a in article_ids:
        groups[root(a)].append(a)
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


def story_roles(members: dict[str, StoryMember], links: list[Link]) -> list[StoryRole]:
    """One row per article: its story, its role and the original it derives from."""
    copy_edges: dict[str, set[str]] = defaultdict(set)
    for link in links:
        if link.relation in COPY_RELATIONS:
            copy_edges[link.article_id].add(link.other_article_id)
            copy_edges[link.other_article_id].add(link.article_id)
    roles = []
    for group in cluster(sorted(members), links):
        story_id = "story-" + hashlib.sha256(group[0].encode()).hexdigest()[:16]
        origin = min((members[a] for a in group), key=origin_key).article_id
        copies = _reachable(origin, copy_edges)
        for article_id in group:
            if article_id == origin:
                roles.append(StoryRole(article_id, story_id, ORIGINAL, None))
            else:
                role = SYNDICATED_COPY if article_id in copies else REWRITE
                roles.append(StoryRole(article_id, story_id, role, origin))
    return roles


def _reachable(start: str, edges: dict[str, set[str]]) -> set[str]:
    """Articles joined to `start` by copy links alone: its syndicated copies, direct or not."""
    seen, frontier = {start}, [start]
    while frontier:
        for other in edges[frontier.pop()] - seen:
            seen.add(other)
            frontier.append(other)
    return seen - {start}
