"""Rosters: the lists of people in front matter (``speakers``, ``Panelist``, ``Organizers``), and
``<< team("speakers") >>``, which shows one of them as cards.

```yaml
speakers:
  - name: Juan Felipe Carrasquilla Álvarez
    url: https://scholar.google.com/citations?user=slkzvvQAAAAJ
    aff: ETH Zürich
    interest: AI, Quantum Physics
    image: assets/images/juan.jpg
  - id: marinka-zitnik          # a person of the people directory (people.yml)
    aff: Harvard Medical School # this edition's affiliation
```

What is a roster is decided here, once: a list with at least one mapping that has a ``name`` or
an ``id``, under a key no feature reads (:func:`looks_like_roster`). The search engines' data
(:mod:`mkdocs_workshop.site.structured`) asks :func:`roles` whether a roster's people perform or
organize.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup
from pydantic import AliasChoices, Field

from ..core.anchors import AnchorAllocator, slug
from ..core.calls import Call
from ..core.entries import EntryKind, label_of, markdown_field, read_entries
from ..core.fields import (
    FieldIssue,
    Focus,
    ImageRef,
    Link,
    Model,
    RequiredText,
    Text,
    field_names,
    text_field_names,
    to_text,
)
from ..core.imagerefs import ImageMaker, PageImage, locate_image
from ..core.jsonschema import closed
from ..core.problems import Budget, Problems, did_you_mean, kind_of
from .base import (
    Directory,
    Feature,
    Issues,
    Macro,
    PageRead,
    Part,
    Reading,
    Rendering,
    UrlFor,
    Waiting,
)

# ---------------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------------


class Person(Model):
    """One entry of a roster (``speakers``, ``Panelist``, ``Organizers``, ...)."""

    name: RequiredText
    url: Link = None
    aff: Text = Field(None, validation_alias=AliasChoices("aff", "affiliation"))
    interest: Text = None
    topic: Text = None
    role: Text = None
    bio: Text = None
    image: ImageRef = None
    focus: Focus = None  # where the square crop of the image is centred
    links: dict[str, Link] = Field(default_factory=dict)
    id: Text = None  # the person's id in the people directory, when the entry names one


PERSON_FIELDS = tuple(n for n in field_names(Person) if n != "id")  # id: the key in people.yml
ROSTER_FIELDS = ("id", *PERSON_FIELDS)
# Fields shown as text, where YAML turning a value into a number would change it.
TEXT_FIELDS = tuple(n for n in text_field_names(Person) if n != "id")

LINK_LABELS = {
    "website": "Website", "homepage": "Website", "scholar": "Google Scholar",
    "github": "GitHub", "gitlab": "GitLab", "x": "X", "twitter": "X", "linkedin": "LinkedIn",
    "bluesky": "Bluesky", "mastodon": "Mastodon", "orcid": "ORCID", "email": "Email",
    "openreview": "OpenReview", "dblp": "DBLP", "semantic_scholar": "Semantic Scholar",
}

# Keys organizers use for rosters. Any other list of people works as well, but only these can be
# checked by an editor, since a schema cannot tell a roster from other front matter.
ROSTER_KEYS = ("speakers", "Speakers", "Panelist", "Panelists", "panelists", "Organizers",
               "organizers", "keynotes", "Keynotes", "team", "Team", "committee", "Committee",
               "chairs", "Chairs", "StudentOrganizers", "ProfessorOrganizers", "reviewers",
               "volunteers")

_PERFORMERS = re.compile(r"speaker|panel|keynote|invited|talk", re.I)
_ORGANIZERS = re.compile(r"organi[sz]|chair|committee", re.I)


def looks_like_roster(key: str, value: object, not_rosters: Collection[str]) -> bool:
    """A list with at least one mapping that has a ``name`` or an ``id`` is a roster, unless a
    feature reads that key (``not_rosters``: the registry's keys)."""
    return (
        key not in not_rosters
        and isinstance(value, list)
        and any(isinstance(item, dict) and ("name" in item or "id" in item) for item in value)
    )


def roles(key: str) -> frozenset[str]:
    """What a roster's people do at the event, from its key: "performer" (speakers,
    panelists, keynotes), "organizer" (organizers, chairs, committees), both, or neither."""
    found = set()
    if _PERFORMERS.search(key):
        found.add("performer")
    if _ORGANIZERS.search(key):
        found.add("organizer")
    return frozenset(found)


# ---------------------------------------------------------------------------------------------
# Cards
# ---------------------------------------------------------------------------------------------

_PARENTHESES = re.compile(r"\([^)]*\)")
# Lower-case words between a first and a last name that are not the family name's initial:
# "Ludwig van Beethoven" is LB. A name of particles only keeps its last word.
PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das",
                       "du", "la", "le", "ten", "ter", "zu", "bin", "ibn", "al", "el", "y", "e"})


def _letter(word: str) -> str:
    """The first letter or digit of a word, an accent taken off ("Á" is "A"); a letter that
    decomposes into letters (a Hangul syllable) is kept whole."""
    first = next(ch for ch in word if ch.isalnum())
    decomposed = unicodedata.normalize("NFKD", first)
    base, marks = decomposed[0], decomposed[1:]
    if marks and base.isalnum() and all(unicodedata.combining(m) for m in marks):
        return base
    return first


def initials(name: str) -> str:
    """Up to two initials, from the first and the last part of the name: "JA" for Juan Felipe
    Carrasquilla Álvarez, "LB" for Ludwig van Beethoven; titles in parentheses are left out.
    A one-word name gives its first letter: for a name written without spaces in Chinese,
    Japanese or Korean, its first character, the family name."""
    words = [w for w in _PARENTHESES.sub(" ", name).split() if any(ch.isalnum() for ch in w)]
    if not words:
        return "?"
    if len(words) == 1:
        return _letter(words[0]).upper()
    rest = [w for w in words[1:] if w.lower() not in PARTICLES] or words[1:]
    return (_letter(words[0]) + _letter(rest[-1])).upper()


def hue(name: str) -> int:
    """A stable hue (0-359) for a name (kept for partials that still use it)."""
    return int.from_bytes(hashlib.sha1(name.encode("utf-8")).digest()[:2], "big") % 360


# The initials avatars' colours, derived from the theme: each tone mixes Material's primary or
# accent colour with black or white (CSS color-mix in sRGB). Whatever the theme's colours, the
# letters pass WCAG AA (4.5:1) on their disc, and the disc stands out from the card it sits on
# (3:1, WCAG's non-text contrast): on the light scheme's white card the discs are dark, on the
# dark (slate) scheme's card they are light tints (tests/test_people_look.py checks both
# numerically). (colour, percent, mixed with).
Mix = tuple[str, int, str]
AVATAR_TONES: tuple[tuple[Mix, Mix], ...] = (  # (background, text), light scheme
    (("primary", 45, "black"), ("white", 100, "white")),
    (("accent", 45, "black"), ("white", 100, "white")),
    (("primary", 35, "black"), ("primary", 15, "white")),
    (("accent", 35, "black"), ("accent", 15, "white")),
    (("accent", 30, "black"), ("accent", 25, "white")),
    (("primary", 30, "black"), ("primary", 25, "white")),
)
AVATAR_TONES_DARK: tuple[tuple[Mix, Mix], ...] = (  # the same tones on the slate scheme
    (("primary", 15, "white"), ("primary", 35, "black")),
    (("accent", 15, "white"), ("accent", 35, "black")),
    (("primary", 28, "white"), ("primary", 25, "black")),
    (("accent", 28, "white"), ("accent", 25, "black")),
    (("accent", 40, "white"), ("black", 100, "black")),
    (("primary", 40, "white"), ("black", 100, "black")),
)
CSS_COLOURS = {"primary": "var(--md-primary-fg-color, #4051b5)",
               "accent": "var(--md-accent-fg-color, #526cfe)", "black": "#000", "white": "#fff"}


def tone(name: str) -> int:
    """Which of :data:`AVATAR_TONES` a person's initials are drawn in: the same on every page
    and build, from the name."""
    digest = hashlib.sha1(name.encode("utf-8")).digest()
    return int.from_bytes(digest[2:4], "big") % len(AVATAR_TONES)


def mix_css(mix: Mix) -> str:
    """A tone's colour as CSS (what workshop.css writes for it)."""
    colour, percent, other = mix
    if percent == 100:
        return CSS_COLOURS[colour]
    return f"color-mix(in srgb, {CSS_COLOURS[colour]} {percent}%, {CSS_COLOURS[other]})"


@dataclass(frozen=True)
class Card:
    """A person as a card shows them."""

    index: int  # 1-based position in the roster
    person: Person
    anchor: str
    image: PageImage | None  # None: the initials avatar
    initials: str
    hue: int
    tone: int  # which of AVATAR_TONES the initials are drawn in
    bio_html: Markup | None
    links: tuple[tuple[str, str], ...] = ()  # (label, address)


# ---------------------------------------------------------------------------------------------
# Reading a roster
# ---------------------------------------------------------------------------------------------


def _not_list(value: object) -> tuple[str, str]:
    if isinstance(value, dict):
        return ("is a mapping, but a roster is a list of people.",
                "start each person with '- name: ...' under the roster's key.")
    shown = f"the text '{value}'" if isinstance(value, str) else kind_of(value)
    return (f"should be a list of people, not {shown}.",
            "write each person as '- name: ...' on its own line under the key.")


def _not_entry(item: object) -> tuple[str, str]:
    shown = f"the text '{item}'" if isinstance(item, str) else kind_of(item)
    fix = f"write it as '- name: {item}'." if isinstance(item, str) else (
        "write the entry as '- name: ...' with its fields indented below it.")
    return f"is {shown}, not a person.", fix


PEOPLE = EntryKind(key="", noun="a person", model=Person, fields=ROSTER_FIELDS, label="name",
                   text_fields=TEXT_FIELDS, not_list=_not_list, not_entry=_not_entry)


@dataclass
class RosterReader:
    """Reads the rosters of one page; anchors are unique across the page's rosters."""

    page_src: str
    problems: Problems
    url_for: UrlFor
    directory: Directory
    anchors: AnchorAllocator
    images: ImageMaker | None = None
    budget: Budget = field(default_factory=Budget)  # "did you mean" comparisons left
    _by_name: dict[str, str] | None = None  # the directory's ids by the slug of the name

    def read(self, key: str, value: object) -> list[Card]:
        problems = self.problems
        if value is None:
            return []

        def prepare(index: int, fields: dict[str, Any],
                    label: str | None) -> tuple[dict[str, Any], str | None] | None:
            if "aff" in fields and "affiliation" in fields:
                problems.warn(
                    "has both 'aff' and 'affiliation'; only 'aff' is shown.", key=key,
                    entry=index, label=label, field="affiliation", fix="keep one of the two.",
                )
            merged = self._merge(key, index, fields)
            if merged is None:
                return None
            return merged, label or label_of(merged, "name")

        cards: list[Card] = []
        seen: dict[str, tuple[int, str]] = {}  # slug of the name -> (entry, name)
        for entry in read_entries(value, PEOPLE, problems, key=key, prepare=prepare) or []:
            card = self._card(key, entry.index, entry.value,
                              from_directory="image" not in entry.fields)
            identity = card.person.id or slug(card.person.name)
            if identity in seen:
                first, name = seen[identity]
                problems.warn(
                    f"is the same person as entry {first} ({name}).", key=key,
                    entry=entry.index, label=card.person.name,
                    fix="remove one of the two entries.",
                )
            else:
                seen[identity] = (entry.index, card.person.name)
            cards.append(card)
        return cards

    def _merge(self, key: str, index: int, fields: dict[str, Any]) -> dict[str, Any] | None:
        """The entry's fields over the directory's, for an entry with an ``id``."""
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
        close = did_you_mean(person_id, self.directory.people, budget=self.budget)
        if close is None:  # maybe they wrote the name
            if self._by_name is None:
                self._by_name = {slug(str(p.get("name", ""))): pid
                                 for pid, p in self.directory.people.items()}
            close = self._by_name.get(slug(person_id))
        add = f"add '{person_id}:' to {self.directory.name}, or correct the id."
        return f"did you mean '{close}'? Otherwise {add}" if close else add[0].upper() + add[1:]

    def _card(self, key: str, index: int, person: Person, *, from_directory: bool) -> Card:
        problems = self.problems
        image = None
        if person.image:
            # A directory image is written relative to the docs folder, not to this page.
            image = locate_image(person.image, self.page_src, self.url_for, problems, key=key,
                                 entry=index, label=person.name, field="image",
                                 instead="initials", maker=self.images, focus=person.focus,
                                 docs_root=bool(person.id and from_directory))
        bio_html = markdown_field(person.bio, problems, key=key, entry=index, label=person.name,
                                  field="bio", budget=self.budget)
        links = tuple(
            (LINK_LABELS.get(name.lower(), name.replace("_", " ").title()), address)
            for name, address in person.links.items() if address
        )
        return Card(index, person, self.anchors.allocate(person.name), image,
                    initials(person.name), hue(person.name), tone(person.name), bio_html,
                    links)


def _read(reading: Reading) -> dict[str, Any]:
    meta = reading.meta
    wanted = reading.wanted("team")
    reader = RosterReader(reading.src, reading.problems, reading.url_for, reading.directory,
                          AnchorAllocator(), reading.images, reading.budget)
    rosters: dict[str, list[Card]] = {}
    for key in meta:
        if key in wanted or looks_like_roster(key, meta[key], reading.not_rosters):
            rosters[key] = reader.read(key, meta[key])
    candidates = tuple(k for k in meta
                       if isinstance(meta[k], list) and k not in reading.not_rosters)
    return {ROSTERS.name: rosters, CANDIDATES.name: candidates, READER.name: reader}


# What the feature reads of a page: its rosters by key, the keys that could be rosters (for
# "did you mean"), and the reader, which reads a roster a call names at render time.
ROSTERS: Part[dict[str, list[Card]]] = Part("rosters", {})
CANDIDATES: Part[tuple[str, ...]] = Part("roster_candidates", ())
READER: Part[RosterReader | None] = Part("roster_reader", None)


def rosters(parts: Mapping[str, Any]) -> dict[str, list[Card]]:
    """The page's rosters, from what a page read (PageRead.parts or Reading.parts)."""
    return ROSTERS.of(parts)


# ---------------------------------------------------------------------------------------------
# team()
# ---------------------------------------------------------------------------------------------

LAYOUTS = ("grid", "list", "compact", "names")
# What a layout leaves out of a person (partials/workshop/team.html and base/person.html):
# the list of names shows name, link and affiliation; the compact cards add role and avatar
LAYOUT_OMITS: dict[str, tuple[str, ...]] = {
    "grid": (), "list": (), "compact": ("topic", "interest", "bio", "links"),
    "names": ("role", "topic", "interest", "bio", "links", "image")}
FIRST_ROW = 4  # cards in the first row of a grid at desktop width


def _call_text(call: Call) -> str:
    roster, layout = call.arg(0, "roster"), call.arg(1, "layout", "grid")
    layout = None if layout is None else str(layout)
    return f'team("{roster}")' if layout in (None, "grid") else f'team("{roster}", "{layout}")'


def _check(call: Call, read: PageRead) -> Issues:
    found: Issues = []
    roster, layout = call.arg(0, "roster"), call.arg(1, "layout", "grid")
    if roster is None and call.args and not call.kwargs.get("roster"):
        found.append(("names no roster (none).",
                      "write the roster's key as text: team(\"speakers\")."))
    roster = None if roster is None else str(roster)
    layout = None if layout is None else str(layout)
    if isinstance(roster, str) and roster not in read.get(ROSTERS) and roster not in read.keys:
        close = did_you_mean(roster, read.get(CANDIDATES))
        found.append((
            f"names the roster '{roster}', which this page does not have.",
            f"did you mean team(\"{close}\")? Roster names are case-sensitive."
            if close else "add the roster to the page's front matter, or correct its name.",
        ))
    if isinstance(layout, str) and layout not in LAYOUTS:
        close = did_you_mean(layout, LAYOUTS)
        found.append((
            f"asks for layout '{layout}'.",
            (f"did you mean '{close}'? " if close else "")
            + "The layouts are " + ", ".join(f"'{x}'" for x in LAYOUTS[:-1])
            + f" and '{LAYOUTS[-1]}'.",
        ))
    return found


def team(r: Rendering, roster: str, layout: str = "grid") -> str:
    """People cards for the front-matter list ``roster``; ``layout`` is grid, list, compact
    (small avatar, name, affiliation) or names (a plain list of linked names)."""
    roster, layout = str(roster), str(layout)
    cards = r.read.get(ROSTERS).get(roster)
    if cards is None and roster not in r.read.meta:  # a name computed in the template
        problems = Problems(r.read.src)
        problems.error(f"team(\"{roster}\"): names the roster '{roster}', which this page "
                       "does not have.",
                       fix="add the roster to the page's front matter, or correct its name.")
        r.report(problems)
        return r.box(f"{r.read.src}: team(\"{roster}\"): this page has no such roster.")
    if cards is None:  # a roster the scan could not see (a name computed in the template)
        late: dict[str, list[Card]] = r.state.late.setdefault("rosters", {})
        if roster not in late:
            problems = Problems(r.read.src)
            reader = r.read.get(READER)
            assert reader is not None  # the page was read
            reader.problems = problems
            late[roster] = reader.read(roster, r.read.meta[roster])
            r.report(problems)
        cards = late[roster]
    # The first row of the first roster on the page is in view at once: load it eagerly.
    eager = FIRST_ROW if r.state.first("team") else 0
    return r.place(_call_text(Call("team", (roster, layout))), "team",
                   **team_context(roster, cards, layout, eager))


def team_context(roster: str, cards: list[Card], layout: str,
                 eager_count: int = 0) -> dict[str, Any]:
    return {"roster": roster, "cards": list(cards), "layout": layout,
            "eager_count": eager_count}


# ---------------------------------------------------------------------------------------------
# The editor schema
# ---------------------------------------------------------------------------------------------


def person_schema(*, in_roster: bool) -> dict[str, Any]:

    schema = closed(Person, extra={"affiliation": {"type": ["string", "null"]}},
                    drop=() if in_roster else ("id",))
    schema["description"] = "A person: name, url, aff, interest, topic, role, image, bio, links."
    if in_roster:  # an entry may be just an id of the people directory
        schema.pop("required", None)
        schema["anyOf"] = [{"required": ["name"]}, {"required": ["id"]}]
    return schema


def _schema() -> tuple[dict[str, Any], dict[str, Any]]:
    roster = {"type": "array", "items": {"$ref": "#/$defs/RosterEntry"}}
    return ({key: roster for key in ROSTER_KEYS},
            {"RosterEntry": person_schema(in_roster=True)})


FEATURE = Feature(
    "team", read=_read, schema=_schema,
    macros=(Macro("team", team, check=_check, call_text=_call_text),),
    waiting=(
        Waiting(20, "Invited speakers", '<< team("speakers") >>',
                "`speakers:` in the front matter",
                "# speakers:                   # the invited speakers, shown by "
                "team(\"speakers\")\n#   - name: Ada Example\n"
                "#     url: https://example.org/ada\n#     aff: Example University\n"
                "#     interest: AI, Physics\n#     topic: The talk's title\n"),
        Waiting(30, "Panel", '<< team("panelists") >>', "`panelists:` in the front matter",
                "# panelists:\n#   - name: Alan Example\n#     aff: Example Institute\n"),
        Waiting(90, "Organizers", '<< team("organizers") >>',
                "`organizers:` in the front matter",
                "# organizers:                 # people of docs/people.yml by id, or written "
                "out\n#   - id: ada-example\n#     aff: Example University\n"
                "#   - name: Grace Example\n#     aff: Example Lab\n")))
