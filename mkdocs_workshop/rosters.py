"""Rosters: the lists of people in front matter (``speakers``, ``Panelist``, ``Organizers``).

Each entry becomes a :class:`Card`. An entry may name a person of the people directory by
``id``, alone or with the fields that differ in this edition.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .checks import label_of, markdown_field, numbers_in_text, unknown_fields, validate
from .directory import Directory
from .models import ROSTER_FIELDS, TEXT_FIELDS, FieldIssue, Person, to_text
from .people import AnchorAllocator, ImageMaker, PageImage, hue, initials, locate_image, slug
from .problems import Problems, did_you_mean

# Front-matter keys that hold lists but are not rosters.
NOT_ROSTERS = frozenset({"dates", "schedule", "sponsors", "papers", "awards", "tags", "workshop"})

LINK_LABELS = {
    "website": "Website", "homepage": "Website", "scholar": "Google Scholar",
    "github": "GitHub", "gitlab": "GitLab", "x": "X", "twitter": "X", "linkedin": "LinkedIn",
    "bluesky": "Bluesky", "mastodon": "Mastodon", "orcid": "ORCID", "email": "Email",
    "openreview": "OpenReview", "dblp": "DBLP", "semantic_scholar": "Semantic Scholar",
}


@dataclass(frozen=True)
class Card:
    """A person as a card shows them."""

    index: int  # 1-based position in the roster
    person: Person
    anchor: str
    image: PageImage | None  # None: the initials avatar
    initials: str
    hue: int
    bio_html: Markup | None
    links: tuple[tuple[str, str], ...] = ()  # (label, address)


def looks_like_roster(key: str, value: object) -> bool:
    """A list with at least one mapping that has a ``name`` or an ``id`` is a roster."""
    return (
        key not in NOT_ROSTERS
        and isinstance(value, list)
        and any(isinstance(item, dict) and ("name" in item or "id" in item) for item in value)
    )


@dataclass
class RosterReader:
    """Reads the rosters of one page; anchors are unique across the page's rosters."""

    page_src: str
    problems: Problems
    url_for: Callable[[str], str | None]
    directory: Directory
    anchors: AnchorAllocator
    images: ImageMaker | None = None

    def read(self, key: str, value: object) -> list[Card]:
        problems = self.problems
        if value is None:
            return []
        if isinstance(value, dict):
            problems.error(
                "is a mapping, but a roster is a list of people.", key=key,
                fix="start each person with '- name: ...' under the roster's key.",
            )
            return []
        if not isinstance(value, list):
            problems.error(
                f"should be a list of people, not {type(value).__name__} '{value}'.", key=key,
                fix="write each person as '- name: ...' on its own line under the key.",
            )
            return []
        cards: list[Card] = []
        seen: dict[str, tuple[int, str]] = {}  # slug of the name -> (entry, name)
        for index, item in enumerate(value, start=1):
            card = self._entry(key, index, item)
            if card is None:
                continue
            identity = card.person.id or slug(card.person.name)
            if identity in seen:
                first, name = seen[identity]
                problems.warn(
                    f"is the same person as entry {first} ({name}).", key=key, entry=index,
                    label=card.person.name, fix="remove one of the two entries.",
                )
            else:
                seen[identity] = (index, card.person.name)
            cards.append(card)
        return cards

    def _entry(self, key: str, index: int, item: object) -> Card | None:
        problems = self.problems
        if not isinstance(item, dict):
            shown = f"the text '{item}'" if isinstance(item, str) else f"a {type(item).__name__}"
            fix = f"write it as '- name: {item}'." if isinstance(item, str) else (
                "write the entry as '- name: ...' with its fields indented below it.")
            problems.error(f"is {shown}, not a person.", key=key, entry=index, fix=fix)
            return None
        label = label_of(item, "name")
        unknown_fields(item, ROSTER_FIELDS, problems, key=key, entry=index, label=label,
                       kind="a person")
        numbers_in_text(item, TEXT_FIELDS, problems, key=key, entry=index, label=label)
        if "aff" in item and "affiliation" in item:
            problems.warn(
                "has both 'aff' and 'affiliation'; only 'aff' is shown.", key=key, entry=index,
                label=label, field="affiliation", fix="keep one of the two.",
            )
        fields = self._merge(key, index, item)
        if fields is None:
            return None
        label = label or label_of(fields, "name")
        person = validate(Person, fields, problems, key=key, entry=index, label=label)
        if person is None:
            return None
        return self._card(key, index, person, from_directory="image" not in item)

    def _merge(self, key: str, index: int, item: dict[Any, Any]) -> dict[str, Any] | None:
        """The entry's fields over the directory's, for an entry with an ``id``."""
        fields = {str(k): v for k, v in item.items()}
        if "id" not in fields:
            return fields
        try:
            person_id = to_text(fields["id"])
        except FieldIssue as issue:
            self.problems.error(issue.message, key=key, entry=index, field="id", fix=issue.fix)
            return None
        if person_id is None:
            self.problems.error("is empty.", key=key, entry=index, field="id",
                                fix="write the person's id from the people directory.")
            return None
        known = self.directory.get(person_id)
        if known is None and person_id in self.directory.invalid:
            self.problems.error(
                f"'{person_id}' cannot be used: its entry in {self.directory.name} has a "
                f"mistake ({self.directory.invalid[person_id]})", key=key, entry=index,
                field="id", fix=f"correct '{person_id}' in {self.directory.name}.",
            )
            return None
        if known is None:
            self.problems.error(
                f"'{person_id}' is not in the people directory ({self.directory.name}).",
                key=key, entry=index, field="id", fix=self._id_fix(person_id),
            )
            return None
        base = dict(known)
        if "aff" in fields or "affiliation" in fields:  # this edition's affiliation wins
            base.pop("aff", None)
            base.pop("affiliation", None)
        return {**base, **fields, "id": person_id}

    def _id_fix(self, person_id: str) -> str:
        if not self.directory.exists:
            return (f"create {self.directory.name} in the docs folder with '{person_id}:' and "
                    "the person's fields, or write the person's fields here instead of 'id'.")
        close = did_you_mean(person_id, self.directory.people)
        if close is None:  # maybe they wrote the name
            by_name = {slug(str(p.get("name", ""))): pid
                       for pid, p in self.directory.people.items()}
            close = by_name.get(slug(person_id))
        add = f"add '{person_id}:' to {self.directory.name}, or correct the id."
        return f"did you mean '{close}'? Otherwise {add}" if close else add[0].upper() + add[1:]

    def _card(self, key: str, index: int, person: Person, *, from_directory: bool) -> Card:
        problems = self.problems
        image = None
        if person.image:
            # A directory image is written relative to the docs folder, not to this page.
            ref = person.image
            if person.id and from_directory and "://" not in ref:
                ref = "/" + ref.lstrip("./")
            image = locate_image(ref, self.page_src, self.url_for, problems, key=key,
                                 entry=index, label=person.name, field="image",
                                 instead="initials", maker=self.images, focus=person.focus)
        bio_html = markdown_field(person.bio, problems, key=key, entry=index, label=person.name,
                                  field="bio")
        links = tuple(
            (LINK_LABELS.get(name.lower(), name.replace("_", " ").title()), address)
            for name, address in person.links.items() if address
        )
        return Card(index, person, self.anchors.allocate(person.name), image,
                    initials(person.name), hue(person.name), bio_html, links)
