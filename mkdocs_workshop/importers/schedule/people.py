"""Speakers of an imported program matched to the people the page already has.

A speaker whose name is that of an entry of one of the page's rosters is written as the
roster spells the name; one who is in the people directory (``people.yml``) and in no roster is
written as their id there. Names are compared ignoring case, accents and punctuation
(``Jose Garcia`` is ``José García``), as the schedule's reader compares them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ...core.anchors import slug
from ...features.directory import Directory
from ...features.team import Card


@dataclass
class People:
    """Who a speaker's name may be, and how many were matched each way."""

    by_roster: dict[str, str] = field(default_factory=dict)  # compared form -> roster name
    by_directory: dict[str, str] = field(default_factory=dict)  # compared form -> id
    linked_roster: set[str] = field(default_factory=set)
    linked_directory: set[str] = field(default_factory=set)
    unmatched: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, rosters: Mapping[str, Sequence[Card]], directory: Directory) -> People:
        people = cls()
        for cards in rosters.values():
            for card in cards:
                for key in _forms(card.person.name):
                    people.by_roster.setdefault(key, card.person.name)
        for person_id, fields in directory.people.items():
            name = fields.get("name")
            for key in (*(_forms(name) if isinstance(name, str) else ()), person_id.lower()):
                people.by_directory.setdefault(key, person_id)
        return people

    def written(self, name: str) -> str:
        """What the slot's ``speakers:`` says for ``name``."""
        for key in _forms(name):
            if key in self.by_roster:
                self.linked_roster.add(self.by_roster[key])
                return self.by_roster[key]
        for key in _forms(name):
            if key in self.by_directory:
                self.linked_directory.add(self.by_directory[key])
                return self.by_directory[key]
        self.unmatched.add(name)
        return name


def _forms(name: str) -> tuple[str, ...]:
    lowered = " ".join(name.lower().split())
    if not lowered:
        return ()
    folded = slug(name)  # "person" when nothing of the name is a letter or digit
    return (lowered, folded) if folded != "person" or lowered == "person" else (lowered,)
