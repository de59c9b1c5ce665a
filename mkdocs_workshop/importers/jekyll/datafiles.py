"""The ``_data`` family of Jekyll workshop sites: ``_data/*.yml`` read and made page data.

Most ML workshop sites keep their people and programme in ``_data/speakers.yml``,
``_data/organizers.yml``, ``_data/schedule.yml``, ... and show them through includes that loop
over ``site.data.X``. This module reads those files (with the ``safeload`` limits), turns the
ones it understands into what the plugin reads, and says what it kept and why:

- people files, flat (a list of persons) or in rows (``- num_row: 1`` with a nested list),
  with the common field names and their synonyms, become rosters (``team()``);
- ``schedule.yml`` becomes ``schedule:`` slots (``time: "09:15 - 09:35"`` split into start and
  end; titles with HTML made plain text); a slot that cannot be read is listed as text;
- papers files (``accepted_papers.yml``, orals, posters, spotlights, abstracts: by name, or
  entries with a title and authors) become papers files of the new site, their decision from
  the file's name when the entries give none;
- sponsors and partners files become ``sponsors:`` entries;
- ``navigation.yml`` (or ``nav.yml``, ``menu.yml``) gives the nav its labels and order.

A file may be a list, people keyed by an id, or a mapping whose lists a page loops over
(``site.data.people.team``: the file ``people.team``). Anything else under ``_data`` is
reported as kept. ``jekyll/dataloops.py`` finds where pages show these files. Nothing here
becomes live Jinja or HTML: values are plain strings, which the plugin escapes when it
renders them.
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...core.anchors import slug
from ...core.imagerefs import is_web_address
from ...core.safeload import load, load_json
from ...features.schedule import kind_of, written_slot
from ..common.escape import markdown_paragraph, one_line
from ..common.freedates import FreeDate, parse_free_date
from ..common.paths import unreadable, within
from ..common.recognize import (
    clock_minutes,
    person_name,
    plain,
    read_afternoon,
    read_slips,
    read_times,
    visible_html,
)

MAX_DATA_BYTES = 2_000_000
MAX_INCLUDE_BYTES = 200_000
# _data files that are lists of named things but not people.
NOT_PEOPLE = ("navigation", "nav", "menu", "link", "date", "news", "social", "plan", "gallery",
              "image", "slide", "slider", "faq", "text", "i18n", "setting",
              # the places of a venue page: named, linked, pictured, and no one
              "restaurant", "hotel", "cafe", "venue", "accommodation", "lodging", "dining",
              "transport", "sight")
# Words in a file's name that say what it holds (the first that matches wins).
PAPER_WORDS = ("paper", "poster", "spotlight", "oral", "abstract", "accepted", "publication",
               "submission", "contribution")
SPONSOR_WORDS = ("sponsor", "partner", "supporter", "funder", "donor")
NAV_NAMES = ("navigation", "nav", "menu", "navbar", "header")
# The decision a papers file's name gives its entries, when they carry none.
DECISIONS = (("oral", "Oral"), ("spotlight", "Spotlight"), ("poster", "Poster"),
             ("contributed", "Contributed talk"))

# Field synonyms seen on real sites -> the roster's field.
PERSON_FIELDS: dict[str, str] = {
    "name": "name", "fullname": "name", "full_name": "name",
    "affiliation": "aff", "affiliations": "aff",
    "institution": "aff", "aff": "aff", "organization": "aff",
    "affil": "aff", "university": "aff",
    "photo": "image", "image": "image", "img": "image", "pic": "image", "picture": "image",
    "url": "url", "link": "url", "homepage": "url", "website": "url", "web": "url",
    "webpage": "url",
    "title": "topic", "talk": "topic", "talk_title": "topic", "topic": "topic",
    "bio": "bio", "abstract": "bio", "role": "role", "position": "role",
}
# A name in two fields: the first and the last.
FIRST_NAMES = ("firstname", "first_name", "first", "given_name", "givenname")
LAST_NAMES = ("lastname", "last_name", "last", "family_name", "familyname", "surname")
# Fields of a paper -> the papers file's field (papers.py reads these).
PAPER_FIELDS: dict[str, str] = {
    "title": "title", "paper_title": "title", "name": "title",
    "authors": "authors", "author": "authors", "author(s)": "authors",
    # a talk's (a conference theme's talks collection: "speakers: [Ada Quill]")
    "speakers": "authors", "presenters": "authors",
    "abstract": "abstract", "tldr": "abstract", "summary": "abstract",
    "openreview": "forum", "openreview_id": "forum", "openreview_link": "forum",
    "forum": "forum", "forum_id": "forum",
    "pdf": "pdf", "pdf_link": "pdf", "paper": "pdf", "paper_link": "pdf",
    "link": "url", "url": "url", "arxiv": "url", "paper_url": "url", "website": "url",
    "decision": "decision", "track": "decision", "presentation": "decision",
    "award": "award", "awards": "award",
}
# Fields of a sponsor -> the sponsors entry's field.
SPONSOR_FIELDS: dict[str, str] = {
    "name": "name", "fullname": "name", "title": "name", "alt": "name", "alttext": "name",
    "logo": "logo", "image": "logo", "img": "logo", "photo": "logo", "src": "logo",
    "logo_dark": "logo_dark",
    "url": "url", "link": "url", "website": "url", "homepage": "url", "href": "url",
    "tier": "tier", "level": "tier", "category": "tier", "type": "tier",
    "blurb": "blurb", "description": "blurb",
}
# What a published data file must not carry: Jekyll never published _data, the new site does.
PRIVATE = re.compile(r"e?-?mail|phone|address|password|token|secret", re.I)
# The fields Jekyll gives a collection's document of its own: its page's address and text,
# not a paper's or a person's link.
DOCUMENT_OWN = frozenset({"url", "slug", "content", "layout", "permalink"})
# Fields of a slot -> the schedule's field.
SLOT_FIELDS: dict[str, str] = {
    "title": "title", "event": "title", "session": "title", "name": "title", "topic": "title",
    "activity": "title",
    "time": "time", "presenter": "speakers", "presenters": "speakers", "speaker": "speakers",
    "speakers": "speakers", "authors": "speakers", "author": "speakers",
    "abstract": "abstract", "link": "url", "url": "url", "location": "location",
    "room": "location", "type": "kind", "kind": "kind", "category": "kind",
    "time_start": "start", "start": "start", "start_time": "start", "from": "start",
    "begins": "start", "time_end": "end", "end": "end", "end_time": "end", "to": "end",
    "until": "end", "ends": "end",
    # HTML or text shown with the slot: its text the abstract, the items of a list in it
    # the session's talks
    "description": "details", "details": "details", "summary": "details", "notes": "details",
    "info": "details", "desc": "details",
}
# A slot's second line: its talk's title under the speaker's name, or the speaker's name
# under the talk's title ("title: Keynote: ...", "subtitle: Dr. Ada Quill").
_SUBTITLES = frozenset({"subtitle", "sub_title", "subheading"})
# Fields of a slot's entry that place it, read elsewhere (the day of a group, a position).
_SLOT_PLACES = {"day", "date", "active", "order", "id"}
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# An HTML tag or comment, made text: a '<' followed by a letter, '/' or '!'. Text with a lone
# '<' or '>' ("a < b", "<< x >>") is not markup, and is kept whole.
_TAG = re.compile(r"<(?:/?[A-Za-z][^<>]{0,1000}|!--.{0,1000}?--)>", re.S)
_DATA_LOOP = re.compile(r"site\.data\.(?P<name>[A-Za-z0-9_-]{1,100}(?:\.[A-Za-z0-9_-]{1,100})?)")


@dataclass
class DataFile:
    """One ``_data`` file and what became of it."""
    name: str  # "speakers" for _data/speakers.yml, "people.team" for its list 'team:'
    kind: str  # "people", "schedule", "papers", "sponsors", "dates", "nav" or "kept"
    # The people, slots, papers or sponsors, in the fields the plugin reads.
    entries: list[dict[str, Any]] = field(default_factory=list)
    links: list[tuple[str, str, int]] = field(default_factory=list)  # (label, url, depth)
    raw: list[dict[Any, Any]] = field(default_factory=list)  # each entry as the file has it
    kept: list[str] = field(default_factory=list)  # entries not understood: "entry N: why"
    unread_slots: list[tuple[str, str]] = field(default_factory=list)  # (time, title)
    why_kept: str = ""  # for kind "kept": why the whole file is
    source: str = ""  # "_data/people.yml", for the report
    day_labels: dict[int, str] = field(default_factory=dict)  # slot index -> its day as written
    ids: dict[str, str] = field(default_factory=dict)  # people's ids -> names (schedules)
    talks: dict[str, dict[Any, Any]] = field(default_factory=dict)  # slot id -> its talk
    group_by: str | None = None  # papers grouped in the file (by session): the field naming it

    def count(self) -> str:
        """What the file holds, for the report: '12 people', '3 slots'."""
        if self.kind == "nav":
            return f"{len(self.links)} nav entries"
        word = {"schedule": "slots"}.get(self.kind, self.kind)
        return f"{len(self.entries)} {word}"


@dataclass
class SiteData:
    """The ``_data`` files of a site, and the includes that loop over them."""
    files: dict[str, DataFile] = field(default_factory=dict)
    includes: dict[str, str] = field(default_factory=dict)  # "speakers.html" -> "speakers"
    include_texts: dict[str, str] = field(default_factory=dict)  # "speakers.html" -> its text
    notes: list[str] = field(default_factory=list)
    # People in more than one people file: their id by name, and their fields, gathered as
    # the pages show them (the people directory the import writes).
    shared: dict[str, str] = field(default_factory=dict)  # casefolded name -> id
    directory: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> fields
    # The pages whose text names site.data.X, for the files kept: where the Liquid stays.
    referenced: dict[str, list[str]] = field(default_factory=dict)
    # Every file as Liquid sees it (site.data): a folder is a mapping of its files.
    tree: dict[str, Any] = field(default_factory=dict)

    def find_shared(self) -> None:
        """Who appears in more than one people file, by name (case and spaces aside)."""
        files_of: dict[str, set[str]] = {}
        names: dict[str, str] = {}
        for data in self.files.values():
            for entry in data.entries if data.kind == "people" else []:
                key = " ".join(str(entry["name"]).split()).casefold()
                files_of.setdefault(key, set()).add(data.name)
                names.setdefault(key, entry["name"])
        taken: set[str] = set()
        for key, files in files_of.items():
            if len(files) < 2:
                continue
            base = slug(names[key]) or "person"
            pid, n = base, 2
            while pid in taken:
                pid, n = f"{base}-{n}", n + 1
            taken.add(pid)
            self.shared[key] = pid

    def in_directory(self, entry: dict[str, Any]) -> dict[str, Any]:
        """A roster entry for a shared person: its id, and the fields that differ from what
        the directory holds (the first file's values go into the directory)."""
        pid = self.shared.get(" ".join(str(entry["name"]).split()).casefold())
        if pid is None:
            return entry
        fields = self.directory.setdefault(pid, {})
        for key, value in entry.items():
            if key in IDENTITY:
                fields.setdefault(key, value)
        return {"id": pid, **{k: v for k, v in entry.items()
                              if k != "name" and fields.get(k) != v}}

    def report_lines(self, shown_by: dict[str, list[str]]) -> list[str]:
        """What the report says of the _data files: every person, slot, paper and kept
        entry, and where each file is shown."""
        if not self.files and not self.notes:
            return []
        lines = ["", f"_data files: {len(self.files)}"]
        for name, data in self.files.items():
            where = data.source + (f", its list '{name.split('.', 1)[1]}'" if "." in name else "")
            pages = ", ".join(shown_by.get(name, []))
            if data.kind == "kept":
                used = self.referenced.get(name.split(".", 1)[0], [])
                lines.append(f"  {where}: kept in the Jekyll source, not imported: "
                             f"{data.why_kept or 'not a file the import understands'}"
                             + (f"; used by {', '.join(used)}, whose Liquid over it is kept "
                                "as written" if used else ""))
            elif data.kind == "nav":
                lines.append(f"  {where}: {data.count()}, used for the nav's labels and order")
            else:
                lines.append(f"  {where}: {data.count()}, "
                             + (f"shown on {pages}" if pages else
                                "shown on no page (no page or include of the site loops over "
                                "it; add its macro where it belongs)"))
            lines += [f"    kept: {kept}" for kept in data.kept]
        lines += [f"  {note}" for note in self.notes]
        return lines

    def note_references(self, rel: str, text: str) -> None:
        """The data files the page ``rel`` names (``site.data.plan``), for the report."""
        for name in dict.fromkeys(m["name"].split(".", 1)[0] for m in _DATA_LOOP.finditer(text)):
            pages = self.referenced.setdefault(name, [])
            if rel not in pages:
                pages.append(rel)

    def nav_links(self) -> list[tuple[str, str, int]]:
        """The entries of the site's navigation file (the first, if several)."""
        return next((f.links for f in self.files.values() if f.kind == "nav"), [])

    def shown(self, name: str) -> DataFile | None:
        """The data file of this name, if it is one a page can show through a macro."""
        found = self.files.get(name)
        return found if found is not None and found.kind in SHOWN_KINDS else None

    def for_include(self, name: str) -> DataFile | None:
        data = self.includes.get(name)
        return self.shown(data) if data else None


SHOWN_KINDS = ("people", "schedule", "papers", "sponsors")
# What the people directory holds of a person; a talk's topic or a role stays in the roster.
IDENTITY = ("name", "aff", "url", "image", "bio")


def _text(value: Any) -> str | None:
    """A field's value as one line of plain text; a list of texts joined with commas
    (``affiliations: [Mila, CIFAR]``)."""
    if isinstance(value, list) and value and all(
            isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value):
        value = ", ".join(str(v).strip() for v in value if str(v).strip())
    if value is None or isinstance(value, (dict, list)):
        return None
    text = one_line(html.unescape(_TAG.sub(" ", str(value))))
    return text or None


_IMAGE_WORDS = frozenset({"image", "img", "photo", "pic", "picture", "avatar", "headshot",
                          "portrait", "logo"})
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def meaning(key: object, table: dict[str, str]) -> str | None:
    """The field of ``table`` a source's field name means: itself ("affiliation"), else by
    its words ("image_path", "profilePic", "personal_website", "affil_link"): a word of an
    image makes it the image ("photo_url"), else its last word the table knows."""
    name = str(key)
    if name.lower() in table:
        return table[name.lower()]
    words = [w.lower() for w in _WORD.findall(name)]
    # a plural names the same field ("categories", "speakers")
    words = [w[:-3] + "y" if w.endswith("ies") and w[:-3] + "y" in table
             else w[:-1] if w.endswith("s") and w[:-1] in table else w for w in words]
    image = next((table[w] for w in words if w in _IMAGE_WORDS and w in table), None)
    if image is not None:
        return image
    known = [table[w] for w in words if w in table]
    return known[-1] if known else None


def _field(entry: dict[Any, Any], names: tuple[str, ...]) -> str | None:
    for key, value in entry.items():
        if str(key).lower() in names:
            return _text(value)
    return None


def _author(value: Any) -> str | None:
    """An author as a paper's list names them: a name, or a person's mapping ("- name: Ada
    Quill", "{first: Ada, last: Quill}") read as a roster entry is."""
    if isinstance(value, dict):
        made, _unknown = person(value)
        return None if made is None else str(made["name"])
    return _text(value)


def person(entry: Any) -> tuple[dict[str, Any] | None, list[str]]:
    """A roster entry from one person of a people file, and the fields it could not place."""
    if not isinstance(entry, dict):
        return None, []
    out: dict[str, Any] = {}
    unknown: list[str] = []
    split = (_field(entry, FIRST_NAMES), _field(entry, LAST_NAMES))
    for key, value in entry.items():
        lowered = str(key).lower()
        target = meaning(key, PERSON_FIELDS)
        text = _text(value)
        if lowered in FIRST_NAMES + LAST_NAMES and any(split):
            continue
        if target is None or text is None:
            if value not in (None, "", []):
                unknown.append(str(key))
            continue
        if target == "bio":
            text = str(value).strip()  # Markdown the plugin renders (escaped)
        if target in ("url", "image"):
            text = _address(text, link=target == "url")
            if text is None:
                unknown.append(f"{key} ({value!s:.40})")
                continue
        out.setdefault(target, text)
    if "name" not in out and any(split):
        out = {"name": " ".join(part for part in split if part), **out}
    if "name" not in out:
        return None, unknown
    return out, unknown


def name_as_shown(entry: Any, name: str, shown: str) -> str:
    """The person's name as the source printed it: a site that keeps the given name in
    ``name:`` and the family name in ``surname:`` prints both (``{{ p.name }} {{ p.surname }}``),
    so a part of the name the entry holds apart and ``shown`` (the text the entry rendered to)
    holds is joined to it, in the order it was printed."""
    if not isinstance(entry, dict):
        return name
    text = " ".join(html.unescape(re.sub(r"<[^<>]*>", " ", shown)).split())
    for part in (_field(entry, FIRST_NAMES), _field(entry, LAST_NAMES)):
        if not part or part in name or part not in text:
            continue
        before, after = f"{part} {name}", f"{name} {part}"
        name = before if before in text and after not in text else after
    return name


NO_VALUE = ("none", "n/a", "na", "-", "#", "tbd", "null", "nil", "todo", "false")


# A host name alone ("d-matrix.ai", "lab.example.org/team"), not a file ("speakers.html")
_HOST = re.compile(r"^(?:[A-Za-z0-9-]+\.)+(?!(?:html?|pdf|md|png|jpe?g|gif|svg|webp|php|"
                   r"aspx?|txt|zip)(?:[/?#]|$))[A-Za-z]{2,24}(?:[/?#]\S*)?$")


def _address(text: str, link: bool = False) -> str | None:
    """A link or image as a page can use it: a placeholder (``none``, ``#``) is no value,
    and a web address written without its scheme (``www.example.org``; for a ``link``, a
    host name alone, ``d-matrix.ai``) gains https."""
    if text.lower() in NO_VALUE:
        return None
    if re.match(r"^www\.[A-Za-z0-9-]+\.[A-Za-z0-9.-]+(?:[/?#]\S*)?$", text) or (
            link and _HOST.match(text)):
        return "https://" + text
    return text


def paper(entry: Any, decision: str | None) -> tuple[dict[str, Any] | None, list[str]]:
    """A paper of a papers file, in the fields ``papers()`` reads, and the fields left out
    of the published file (contact details)."""
    if not isinstance(entry, dict):
        return None, []
    out: dict[str, Any] = {}
    private: list[str] = []
    extra: dict[str, Any] = {}
    for key, value in entry.items():
        name = str(key)
        target = PAPER_FIELDS.get(name.lower())
        if value in (None, "", []) or isinstance(value, dict):
            continue
        if PRIVATE.search(name):
            private.append(name)
            continue
        if target == "authors":
            out.setdefault("authors", [a for a in (_author(x) for x in value) if a]
                           if isinstance(value, list) else _text(value))
        elif target == "abstract":
            out.setdefault("abstract", str(value).strip())
        elif target == "decision" and re.search(r"[/\\]|\.[A-Za-z0-9]{2,4}$", str(value)):
            extra[name.lower()] = _text(value)  # a file or a link ('presentation: x.mp4')
        elif target is not None and _text(value):
            out.setdefault(target, _text(value))
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            extra[name.lower()] = _text(value)  # kept for group_by
        elif isinstance(value, bool):
            extra[name.lower()] = "yes" if value else "no"
    if "title" not in out:
        return None, private
    if "forum" in out and _forum(out["forum"]):
        out["forum"] = _forum(out["forum"])
    elif "forum" in out:  # not an OpenReview id or link: a link of its own, or kept as text
        other = str(out.pop("forum"))
        if re.match(r"^https?://", other):
            out.setdefault("url", other)
        else:
            extra.setdefault("reference", other)
    if "id" in extra and "forum" not in out:  # an 'id' column: OpenReview's, a link, or kept
        if _forum(extra["id"]):
            out["forum"] = _forum(extra.pop("id"))
        elif re.match(r"^https?://", str(extra["id"])):
            out.setdefault("url", extra.pop("id"))
    if decision and "decision" not in out:
        out["decision"] = decision
    taken = set(out)
    out.update({k: v for k, v in extra.items() if k not in taken and v})
    return out, private


_OPENREVIEW_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
_OPENREVIEW_LINK = re.compile(r"^https?://openreview\.net/(?:forum|pdf)\?id=([A-Za-z0-9_-]{6,20})")


def _forum(value: Any) -> str | None:
    """An OpenReview id, from an id or a link to the forum or the PDF."""
    text = str(value).strip()
    link = _OPENREVIEW_LINK.match(text)
    if link:
        return link.group(1)
    return text if _OPENREVIEW_ID.match(text) and not text.isdigit() else None


def sponsor(entry: Any) -> tuple[dict[str, Any] | None, list[str]]:
    """A sponsor entry, and the fields it could not place. A sponsor without a name is
    named after its link's host, or its logo's file name."""
    if not isinstance(entry, dict):
        return None, []
    out: dict[str, Any] = {}
    unknown: list[str] = []
    for key, value in entry.items():
        target = meaning(key, SPONSOR_FIELDS)
        text = _text(value)
        if target is None or text is None:
            if value not in (None, "", []):
                unknown.append(str(key))
            continue
        if target in ("url", "logo"):
            text = _address(text, link=target == "url")
            if text is None:
                continue
        out.setdefault(target, text)
    if "name" not in out:
        host = re.match(r"^https?://(?:www\.)?([^/:?#]+)", str(out.get("url", "")))
        logo = Path(str(out.get("logo", ""))).stem.replace("_", " ").replace("-", " ")
        name = host.group(1) if host else logo.strip()
        if not name:
            return None, unknown
        out = {"name": name, **out}
    return out, unknown


def in_plugin_fields(entries: list[Any], *, sponsors: bool, known: tuple[str, ...],
                     copy: Callable[[str], str | None]) -> tuple[list[Any], list[str]]:
    """A roster or a sponsors list of a page's front matter with each field the plugin does
    not read under its name (``image_path``, ``website``, ``alt``) moved to the field it
    means (:func:`meaning`), and a sponsor without a name named after its link's host or its
    logo's file (a sponsor with neither is left out); images copied into the new site with
    ``copy`` (one it cannot find is kept as written). Fields of no known meaning stay as
    written (the build names them). Returns the list and what changed, for the report."""
    table = SPONSOR_FIELDS if sponsors else PERSON_FIELDS
    out: list[Any] = []
    changes: list[str] = []
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            out.append(entry)
            continue
        new: dict[Any, Any] = {}
        for key, value in entry.items():
            target = None if str(key) in known else meaning(key, table)
            if target is None or target in entry or target in new:
                new.setdefault(key, value)
                continue
            text = _text(value)
            if target in ("url", "image", "logo") and text is not None:
                text = _address(text, link=target == "url")
            if text is None:
                new.setdefault(key, value)
                continue
            new[target] = text
            changes.append(f"entry {number}: '{key}' written as '{target}'")
        link = new.get("url")
        if isinstance(link, str) and (full := _address(link.strip(), link=True)) and \
                full != link.strip():
            new["url"] = full
            changes.append(f"entry {number}: url '{one_line(link)[:60]}' written as {full}")
        if sponsors and "name" not in new:
            named, _unknown = sponsor(new)
            if named is None:
                changes.append(f"entry {number}: left out: it has no name, link or logo to "
                               "name it by")
                continue
            new = {"name": named["name"], **new}
            changes.append(f"entry {number}: named '{named['name']}' after its link or logo")
        for key in ("image", "logo", "logo_dark"):
            if isinstance(new.get(key), str) and new[key] != entry.get(key):
                copied = copy(new[key])
                if copied:
                    new[key] = copied
                elif not is_web_address(new[key]):  # not in the site: left out
                    changes.append(f"entry {number}: '{key}' {new[key]} is not in the site: "
                                   "left out")
                    del new[key]
        out.append(new)
    return out, changes


def nav_links(data: list[Any], depth: int = 0) -> list[tuple[str, str, int]]:
    """(label, link, depth) of a navigation file's entries, nested dropdowns one deeper."""
    found: list[tuple[str, str, int]] = []
    for entry in data:
        if not isinstance(entry, dict) or depth > 3:
            continue
        label = _field(entry, ("name", "title", "text", "label", "page"))
        link = _field(entry, ("link", "url", "href", "path", "permalink"))
        if label:
            found.append((label, link or "", depth))
        for value in entry.values():
            if isinstance(value, list):
                found += nav_links(value, depth + 1)
    return found


# Lists of a person's own (``links: [{name: Profile, url: ...}]``): not a group of persons.
_A_PERSONS_OWN = frozenset({"links", "link", "social", "socials", "profiles", "urls",
                            "accounts", "contacts", "websites", "pages", "publications"})


def _rows(data: list[Any]) -> list[Any] | None:
    """The persons of a file in rows or groups (``- num_row: 1`` with a nested list,
    ``- name: Univ A`` with ``members:``), or None when the file is flat."""
    if not data or not all(isinstance(row, dict) for row in data):
        return None
    flat: list[Any] = []
    for row in data:
        nested = [v for k, v in row.items() if isinstance(v, list)
                  and any(isinstance(p, dict) for p in v)
                  and str(k).lower() not in _A_PERSONS_OWN]
        if len(nested) != 1:
            return None
        flat += nested[0]
    named = sum(1 for p in flat if isinstance(p, dict) and person(p)[0] is not None)
    return flat if named * 2 > len(flat) else None


def times(text: str) -> tuple[str, str | None] | None:
    """``"09:15 - 09:35"`` as ``("09:15", "09:35")``; ``"9:10am"`` as ``("09:10", None)``: a
    time or range and nothing else (:func:`..common.recognize.read_times`)."""
    found = read_times(text)
    if found is None:
        return None
    if _OPEN_END.fullmatch(text[found[2]:]) and found[1] is None:
        return found[0], None  # "16:30 -", "16:30 onwards": from then on
    if text[found[2]:].strip():
        return None
    return found[0], found[1]


# What may follow the one time of a slot with no end: "16:30 -", "16:30~", "16:30 onwards"
_OPEN_END = re.compile(r"\s*(?:-{1,2}|\u2013|\u2014|~|\u301c|\uff5e|onwards?|on|\.{3}|\u2026)"
                       r"?\s*", re.I)


def slot(entry: Any) -> tuple[dict[str, Any] | None, str]:
    """A schedule slot from one entry of ``schedule.yml``, or None and why not."""
    if not isinstance(entry, dict):
        return None, "is not a set of 'key: value' lines"
    out: dict[str, Any] = {}
    reference = slot_reference(entry)
    # "name: Ada Quill" beside "title: Deep Owls": the name is the speaker's, not the slot's
    named = {str(k).lower(): v for k, v in entry.items()}
    speaker = "name" if isinstance(named.get("title"), str) and isinstance(
        named.get("name"), str) and person_name(named["name"].strip()) else None
    for key, value in entry.items():
        target = meaning(key, SLOT_FIELDS) if str(key).lower() not in _SLOT_PLACES else None
        if speaker is not None and str(key).lower() == speaker:
            target = "speakers"
        if target is None or value in (None, "") or (target == "title" and value == reference):
            continue
        if target == "details":
            shown, items = html_parts(str(value))
            if shown:
                out.setdefault("abstract", markdown_paragraph(shown))
            if items:
                out.setdefault("talks", items)
        elif target == "speakers":
            names = value if isinstance(value, list) else re.split(r"\s*(?:,|;| and )\s*",
                                                                 _text(value) or "")
            out.setdefault("speakers", [n for n in (_text(x) for x in names) if n])
        elif target == "abstract":
            out.setdefault("abstract", str(value).strip())
        else:
            text = _text(value)
            if text:
                out.setdefault(target, text)
    nested = session_talks(entry)
    if nested:  # "presentations: [{time: '10:00', title: ..., speaker: ...}]"
        out["talks"] = [*out.get("talks", []), *nested]
    subtitle = next((text for k, v in entry.items() if str(k).lower() in _SUBTITLES
                     and (text := _text(v))), None)
    if subtitle is not None:  # of a title and a subtitle, a person's name is the speaker
        title = out.get("title")
        if isinstance(title, str) and person_name(title) and not person_name(subtitle):
            out["title"] = subtitle
            out.setdefault("speakers", [title])
        elif person_name(subtitle) and subtitle not in out.get("speakers", []):
            out["speakers"] = [*out.get("speakers", []), subtitle]
        else:
            out.setdefault("abstract", subtitle)
    when = out.pop("time", None)
    start, end = out.pop("start", None), out.pop("end", None)
    if when is None and start is not None:
        when = f"{start} - {end}" if end else start
    category = out.pop("kind", None)
    if category is not None:
        # a kind the program knows is the slot's kind, shown beside its title; another
        # ("Welcome Note", "1st Poster Session") leads the title, or is it
        # "Keynote:" is the kind Keynote; "Coffee :coffee:" ends in an emoji's short code
        label = category.strip() if re.search(r":[\w+-]+:$", category.strip()) else \
            category.rstrip(" :")
        known, _ = kind_of(label, str(out.get("title", "")))
        if known not in (None, "other"):
            out["kind"] = known
        if "title" not in out:
            out["title"] = label
        elif known in (None, "other") and category.strip().lower() not in _NO_KIND and \
                not _TYPE_CODE.fullmatch(category.strip()) and \
                category.strip().casefold() not in str(out["title"]).casefold():
            out["title"] = f"{category} {out['title']}"
    if "title" not in out:
        return None, "has no title"
    if when is None:
        when = _span_of_parts(entry)  # a session timed by its talks only
    if when is None:
        return None, "has no time"
    parsed = times(when)
    if parsed is None:
        return None, f"time '{when}' is not a time I can read (write it as 09:15 - 09:35)"
    day = entry.get("day")
    day = day if isinstance(day, str) and _ISO_DAY.match(day) else None
    return written_slot(day=day, start=parsed[0], end=parsed[1], title=out["title"],
                        kind=out.get("kind"), speakers=out.get("speakers", ()),
                        room=out.get("location"), url=out.get("url"),
                        abstract=out.get("abstract"), talks=out.get("talks", ())), ""


def _span_of_parts(entry: dict[Any, Any]) -> str | None:
    """The time of a session whose entry gives none, from its parts' times ("subevents:
    [{time: '10:00-10:40'}, {time: '10:40-11:20'}]": "10:00 - 11:20"), or None."""
    for value in entry.values():
        if not isinstance(value, list) or not value or \
                not all(isinstance(item, dict) for item in value):
            continue
        spans = []
        for item in value:
            written = _time_of(item)
            read = times(written) if written else None
            if read is None:
                break
            spans.append(read)
        else:
            last = spans[-1][1] or spans[-1][0]
            return f"{spans[0][0]} - {last}"
    return None


# A slot's type that says nothing about it ("type: General"): not put before its title
_NO_KIND = frozenset({"general", "other", "others", "misc", "none", "default", "normal",
                      "regular", "standard", "event"})
# A type written for the site's template ("type: workshops", "paper_session"), not for readers
_TYPE_CODE = re.compile(r"[a-z][a-z0-9_-]{0,40}")
_ID = re.compile(r"[a-z][a-z0-9_.\-]{1,60}")  # "oetzioni", "jane_doe": a key, not words


def slot_reference(entry: Any) -> str | None:
    """The id a slot's entry names its speaker by in a field that could be its title
    (``event: oetzioni`` beside ``title: Revisiting ...``), or None."""
    if not isinstance(entry, dict):
        return None
    titles = [v for k, v in entry.items() if isinstance(v, str) and v.strip()
              and str(k).lower() not in _SLOT_PLACES and meaning(k, SLOT_FIELDS) == "title"]
    ids = [v for v in titles if _ID.fullmatch(v)]
    return ids[0] if ids and len(ids) < len(titles) else None


def name_speakers(file: DataFile, ids: dict[str, str],
                  talks: dict[str, dict[Any, Any]] | None = None) -> None:
    """The slots of a schedule file that name their speaker by an id of a people file
    (``site.data.speakers[s.event]``): the speaker's name; ``ids`` (id -> name) kept on the
    file for the parts of it a page's loop shows. ``talks``: the entries of other files that
    name a slot of it (``slot: "4b"`` in talks.yml, for the slot ``id: "4b"``), whose title
    and author the slot then shows."""
    file.ids = ids
    file.talks = talks = talks if talks is not None else file.talks
    for made, raw in zip(file.entries, file.raw, strict=False):
        # the talk that names this slot ("slot: 1a"), or that it names ("presentation: ada")
        talk = talks.get(str(raw.get("id"))) if isinstance(raw, dict) and raw.get("id") \
            is not None else None
        if talk is None and isinstance(raw, dict):
            talk = next((talks[f"#{v}"] for k, v in raw.items() if isinstance(v, str)
                         and f"#{v}" in talks and meaning(k, SLOT_FIELDS) != "title"), None)
        if talk is not None and slot_title(raw) is None:  # titled by its type alone
            title = _text(talk.get("title"))
            authors = _talk_authors(talk, ids)
            if title:
                made["title"] = title
                if authors and not made.get("speakers"):
                    made["speakers"] = authors
            elif authors:
                made["title"] = ", ".join(authors)
        if isinstance(raw, dict) and not made.get("talks"):
            lines = _keyed_talks(raw, talks, ids)
            if lines:
                made["talks"] = lines
        chairs = _chairs(raw, ids)
        if chairs:  # "chairid: ada": shown with the slot, as the source shows it
            made["abstract"] = f"Chair: {chairs}" + (f"\n\n{made['abstract']}"
                                                    if made.get("abstract") else "")
        reference = slot_reference(raw)
        if reference is None:
            _title_by_key(made, raw, ids)
        named = [ids.get(str(name), name) for name in made.get("speakers", [])]
        if named != made.get("speakers", []):  # "speaker_key: mpeters": the person's name
            made["speakers"] = named
        if reference is None:
            continue
        if reference in ids and not made.get("speakers"):
            made["speakers"] = [ids[reference]]
        elif reference not in ids:
            file.kept.append(f"slot '{made['title'][:60]}': '{reference}' names no one of the "
                             "people files; not carried over")


# A session's chair, by name or by the key of a people file ("chairid: ada_quill").
_CHAIR_FIELDS = frozenset({"chair", "chairs", "chairid", "chair_id", "session_chair",
                           "session_chairs", "moderator", "moderators", "chaired_by"})


def _chairs(raw: Any, ids: dict[str, str]) -> str:
    """The names of a slot's chairs ("Ada Quill, Bo Fern"), or ""."""
    if not isinstance(raw, dict):
        return ""
    value = next((v for k, v in raw.items() if str(k).lower() in _CHAIR_FIELDS), None)
    names = [_text(_name_field(v) if isinstance(v, dict) else v)  # "- name: Bo Fern"
             for v in (value if isinstance(value, list) else [value])]
    return ", ".join(ids.get(name, name) for name in names if name)


def _keyed_talks(raw: dict[Any, Any], talks: dict[str, dict[Any, Any]],
                 ids: dict[str, str]) -> list[str]:
    """The talks of a session its entry names by their keys in a file of talks: a list of
    keys ("presentations: [ada, bo]") or of entries each naming one, with its time
    ("subevents: [{time: '10:00-10:40', talkid: ada}]"); a line each, "10:00-10:40 Counting
    owls — Ada Quill"."""
    lines = []
    for value in raw.values():
        if not isinstance(value, list):
            continue
        for item in value:
            when = None
            if isinstance(item, dict):
                when = _time_of(item)
                item = next((v for v in item.values() if isinstance(v, str)
                             and f"#{v}" in talks), None)
            talk = talks.get(f"#{item}") if isinstance(item, str) else None
            if talk is None:
                continue
            what = " — ".join(part for part in (_text(talk.get("title")),
                                                 ", ".join(_talk_authors(talk, ids))) if part)
            lines.append(f"{when} {what}" if when else what)
    return lines


def _time_of(item: dict[Any, Any]) -> str | None:
    """The time a talk's or a session part's entry gives ("time: 10:00-10:40", "start:")."""
    return next((text for k, v in item.items() if meaning(k, SLOT_FIELDS) in ("time", "start")
                 and (text := _text(v))), None)


def _talk_authors(talk: dict[Any, Any], ids: dict[str, str]) -> list[str]:
    """The names of a talk's authors (``authors: [ada, bo]`` the keys of a people file)."""
    value = next((talk[k] for k in ("author", "authors", "speaker", "speakers", "presenter",
                                    "presenters", "name") if k in talk), None)
    values = value if isinstance(value, list) else [value]
    names = [_text(v) for v in values]
    return [ids.get(name, name) for name in names if name]


def _title_by_key(made: dict[str, Any], raw: Any, ids: dict[str, str]) -> None:
    """A slot whose first title-like field is the key of a person in a people file
    (``event: Veloso`` beside ``title: Towards Financial Synthetic Data``, the page looking
    the speaker up by it): titled by the other field, the person its speaker."""
    if not isinstance(raw, dict):
        return
    titles = [v.strip() for k, v in raw.items() if isinstance(v, str) and v.strip()
              and str(k).lower() not in _SLOT_PLACES and meaning(k, SLOT_FIELDS) == "title"]
    keyed = [v for v in titles if v in ids]
    others = [v for v in titles if v not in ids]
    title = str(made.get("title", ""))
    if not keyed or not others or not title.endswith(keyed[0]):
        return
    made["title"] = title[:len(title) - len(keyed[0])] + (_text(others[0]) or others[0])
    if not made.get("speakers"):
        made["speakers"] = [ids[keyed[0]]]


def _talks_field(entry: dict[Any, Any]) -> Any:
    """The field of a session's entry that lists its talks as mappings, each with a title
    ("presentations:", "papers:", "talks:"), or None."""
    return next((k for k, v in entry.items() if meaning(k, SLOT_FIELDS) != "speakers"
                 and str(k).lower() not in _PERSONS_OF_ENTRY and isinstance(v, list) and v
                 and all(isinstance(item, dict) and _talk_title(item) for item in v)), None)


def _talk_title(item: dict[Any, Any]) -> str | None:
    return next((text for k, v in item.items() if meaning(k, SLOT_FIELDS) == "title"
                 and (text := _text(v))), None)


def session_talks(entry: Any) -> list[str]:
    """A session's talks its entry lists as mappings, one line each as a reader of the
    program sees them: "10:00 Counting owls — Ada Quill (North University)"; the
    fields a line cannot hold (an abstract) are reported by :func:`unread_talk_fields`."""
    if not isinstance(entry, dict) or (key := _talks_field(entry)) is None:
        return []
    lines = []
    for item in entry[key]:
        made, _why = slot({k: v for k, v in item.items() if not isinstance(v, list)}
                          | {"time": "00:00"})
        when = _time_of(item)
        title = made["title"] if made is not None else _talk_title(item) or ""
        people = ", ".join(made.get("speakers", ())) if made is not None else ""
        place = next((text for k, v in item.items() if str(k).lower() in _AFFILIATIONS
                      and (text := _text(v))), None)
        line = " ".join(part for part in (when, title) if part)
        if people:
            line += f" — {people}" + (f" ({place})" if place else "")
        lines.append(line)
    return lines


_AFFILIATIONS = frozenset({"affiliation", "affiliations", "institution", "organization",
                           "organisation", "university", "lab", "company"})


def unread_talk_fields(entry: Any) -> list[str]:
    """The fields of a session's talks that its talk lines do not show (their abstracts)."""
    if not isinstance(entry, dict) or (key := _talks_field(entry)) is None:
        return []
    shown = {"time", "start", "title", "speakers"}
    return sorted({f"{key}: {k}" for item in entry[key] for k, v in item.items()
                   if meaning(k, SLOT_FIELDS) not in shown and str(k).lower() not in
                   _AFFILIATIONS and v not in (None, "")})


def unread_slot_fields(entry: Any) -> list[str]:
    """The fields of a slot's entry that no field of a slot takes (reported, not dropped
    silently)."""
    if not isinstance(entry, dict):
        return []
    talks = _talks_field(entry)
    return [str(k) for k in entry if meaning(k, SLOT_FIELDS) is None and k != talks
            and str(k).lower() not in _SLOT_PLACES | _SUBTITLES | _CHAIR_FIELDS
            and entry[k] not in (None, "")] + unread_talk_fields(entry)


_LIST_ITEM = re.compile(r"<li\b[^<>]{0,500}>(.*?)(?=<li\b|</[uo]l\s*>|\Z)", re.I | re.S)


def html_parts(value: str) -> tuple[str, list[str]]:
    """A field's HTML as a reader sees it: its text (list items out), and the text of each
    item of its lists; what a browser does not show (``<style>``, ``<script>``) left out."""
    visible = visible_html(value)
    items = [text for text in (plain(m.group(1)) for m in _LIST_ITEM.finditer(visible)) if text]
    return plain(_LIST_ITEM.sub(" ", visible)), items


def _by_day(data: list[Any], year: int | None = None) -> tuple[list[Any], dict[int, str]]:
    """Slots of a schedule grouped by day (``- date: ...`` with a nested ``slots:`` list), one
    list, the first slot of each day given the day when its date can be read; and each day's
    first slot's index with the day as written; ``year``: the year of a day written without
    one (the page's workshop's)."""
    grouped = _grouped(data)
    if grouped is None or not _day_groups(data, grouped[0]):
        return data, {}
    nested_key = grouped[1]
    flat: list[Any] = []
    labels: dict[int, str] = {}
    for group in data:
        written = _text(group.get("date")) or _text(group.get("day")) or \
            _text(_lowered(group).get(grouped[0])) or ""
        day, place = _label_day_place(written, year)
        nested = _ungrouped(next(v for k, v in group.items() if str(k) == nested_key),
                            nested_key)
        for n, entry in enumerate(nested):
            if place and isinstance(entry, dict) and "room" not in _lowered(entry):
                entry = {**entry, "room": place}  # "Friday (Building B)": its slots' place
            if n == 0:
                labels[len(flat)] = written
                if day is not None and isinstance(entry, dict):
                    entry = {**entry, "day": day.first.isoformat()}
            flat.append(entry)
    return flat, labels


# The field of a group that names it: "- session: Session 1" with a nested "papers:" list.
GROUP_LABELS = ("session", "group", "track", "category", "topic", "theme", "area", "subject",
                "section", "heading", "name", "title", "label", "day", "date")


# Fields of an entry listing its people: a paper's authors, a session's chairs; a list of
# mappings under one of them is the entry's, not a group of entries.
_PERSONS_OF_ENTRY = frozenset({*(k for k, v in PAPER_FIELDS.items() if v == "authors"),
                               *(k for k, v in SLOT_FIELDS.items() if v == "speakers"),
                               "chair", "chairs", "moderator", "moderators", "panelists"})


def _grouped(data: list[Any]) -> tuple[str, str, list[Any]] | None:
    """Entries grouped in the file (``- session: S1`` with one nested list of entries):
    the field that names each group, the nested list's key, and the entries, each given its
    group's name under that field (unless it has one). None when the file is not grouped."""
    if not data or not all(isinstance(group, dict) for group in data):
        return None
    label_key = nested_key = None
    flat: list[Any] = []
    for group in data:
        nested = [(str(k), v) for k, v in group.items() if isinstance(v, list)
                  and v and all(isinstance(e, dict) for e in v)]
        if len(nested) != 1 or (nested_key is not None and nested[0][0] != nested_key):
            return None
        nested_key = nested[0][0]
        if nested_key.lower() in _PERSONS_OF_ENTRY:
            return None  # a paper's authors ("authors: [{name: Ada}]"): an entry, no group
        # the first field naming a group; one left empty ("session: ''", the opening's)
        # names none
        here = next((str(k).lower() for k in group if str(k).lower() in GROUP_LABELS
                     and _text(group[k])), None) or next(
            (str(k).lower() for k in group if str(k).lower() in GROUP_LABELS
             and group[k] in (None, "")), None)
        if here is not None and here not in ("day", "date") and _named_by_day(group, here):
            here = next(k for k in ("date", "day") if _text(_lowered(group).get(k)))
        if here is None or (label_key is not None and here != label_key):
            return None
        label_key = here
        label = _text(next(v for k, v in group.items() if str(k).lower() == here))
        flat += [entry if label_key in {str(k).lower() for k in entry} or not label
                 else {**entry, label_key: label} for entry in nested[0][1]]
    assert label_key is not None and nested_key is not None
    return label_key, nested_key, flat


_DAY_NUMBER = re.compile(r"^\s*day\s*\d+\s*(?:[-\u2013\u2014:,|(]\s*)+", re.I)


def _day_groups(data: list[Any], label_key: str) -> bool:
    """Whether groups named under ``label_key`` are days: by a date or day field, or by a
    name that names a day ("Day 1 - January 22")."""
    # any year will do to tell a day (2000), without the weekday it would contradict
    return label_key in ("day", "date") or all(
        _label_day(_WEEKDAY_FIRST.sub("", _text(_lowered(group).get(label_key)) or ""), 2000)
        is not None for group in data)


_WEEKDAY_FIRST = re.compile(r"^\s*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+", re.I)


def _label_day(label: str, year: int | None) -> FreeDate | None:
    """The day a group's label names: "January 22", "Monday, May 19", or after the day's
    number ("Day 1 - January 22", "Day 2 (May 3)"), or before its place in brackets ("Friday
    March 27th (Building B, Theater 8)"); None when it names none."""
    return _label_day_place(label, year)[0]


def _label_day_place(label: str, year: int | None) -> tuple[FreeDate | None, str]:
    """:func:`_label_day`, and the place in brackets after the day, if any."""
    found = parse_free_date(label, year)
    if found is None and _DAY_NUMBER.match(label):
        found = parse_free_date(_DAY_NUMBER.sub("", label).strip(" )"), year)
    if found is None and (place := _PLACE_AFTER.search(label)) is not None:
        before = label[:place.start()]
        # a day even where its year is not known yet: the place is its slots' all the same
        if _label_day(_WEEKDAY_FIRST.sub("", before), 2000) is not None:
            return _label_day(before, year), place.group(1).strip()
    return found, ""


_PLACE_AFTER = re.compile(r"\s*\(([^()]{1,80})\)\s*$")


_DAY_NAME = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|day\s*\d+$", re.I)


def _lowered(entry: dict[Any, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in entry.items()}


def _named_by_day(group: dict[Any, Any], label_key: str) -> bool:
    """Whether a group is a day: named by its weekday or number ("name: Tuesday", "title:
    Day 2") beside a date it gives ("date: 2023-05-23")."""
    fields = _lowered(group)
    label = _text(fields.get(label_key)) or ""
    written = next((t for t in (_text(fields.get(k)) for k in ("date", "day")) if t), None)
    return bool(_DAY_NAME.match(label.strip())) and written is not None and \
        parse_free_date(written, None) is not None


def _ungrouped(entries: Any, key: str) -> Any:
    """A day's entries that are groups themselves (its rooms, each with its talks): their
    entries, each with its group's name (a room's, when the groups are rooms, tracks or
    halls: ``rooms:``, ``- room: A``), in the order of their times; other groups' names
    (sessions) before their entries. Entries that are not groups, as they are."""
    if not isinstance(entries, list) or (inner := _grouped(entries)) is None:
        return entries
    label_key, nested_key, _flat = inner
    places = label_key in _ROOM_GROUPS or key.lower().rstrip("s") in _ROOM_GROUPS
    flat = _with_group_names(entries, "room" if places else label_key, nested_key,
                             named_by=label_key)
    if not places:
        return flat

    def start(entry: Any) -> int:
        made, _why = slot(entry)
        return clock_minutes(made["start"]) or 0 if made is not None else 0
    out: list[Any] = []
    for entry in sorted(flat, key=start):  # rooms side by side: the day in its times' order
        if out and isinstance(entry, dict) and isinstance(out[-1], dict) and \
                _but_room(entry) == _but_room(out[-1]):
            out[-1] = _but_room(out[-1])  # the break every room lists: one slot, no room
            continue
        out.append(entry)
    return out


def _but_room(entry: dict[Any, Any]) -> dict[Any, Any]:
    return {k: v for k, v in entry.items() if k != "room"}


def _with_group_names(data: list[Any], label_key: str, nested_key: str,
                      named_by: str | None = None) -> list[Any]:
    """The entries of a schedule grouped by session, each group's name before its entries
    as an entry without a time (read as the session's heading)."""
    out: list[Any] = []
    for group in data:
        label = _text(next((v for k, v in group.items()
                            if str(k).lower() == (named_by or label_key)), None))
        entries: list[Any] = next((v for k, v in group.items() if str(k) == nested_key), [])
        if label_key in _ROOM_GROUPS:  # "track: Main hall": where its talks are
            out += [{"room": label, **entry} if label and isinstance(entry, dict) else entry
                    for entry in entries]
            continue
        out += ([{"title": label}] if label else []) + [
            {k: v for k, v in entry.items() if str(k).lower() != label_key}
            if isinstance(entry, dict) else entry for entry in entries]
    return out


_ROOM_GROUPS = frozenset({"track", "room", "location", "hall", "venue"})


def _looks_like_slots(data: list[Any]) -> bool:
    """Entries most of which have a time."""
    entries = [e for e in data if isinstance(e, dict)]
    timed = sum(1 for e in entries if {"time", "start", "time_start", "start_time"}
                & {str(k).lower() for k in e})
    return bool(entries) and timed * 2 > len(entries)


def _kind_by_name(name: str) -> str | None:
    lowered = name.lower()
    if re.search(r"(?<![a-z])(?:dates|deadlines|timeline|milestones)", lowered):
        return "dates"
    if "schedule" in lowered or "program" in lowered or "agenda" in lowered:
        return "schedule"
    if lowered.split(".")[-1] in NAV_NAMES:
        return "nav"
    if any(word in lowered for word in SPONSOR_WORDS):
        return "sponsors"
    if any(word in lowered for word in PAPER_WORDS):
        return "papers"
    return None


def _looks_like_people(data: list[Any]) -> bool:
    """Entries each with a name, and none with a time or a title: people, whatever the
    list's name says ("program:" of a committee file)."""
    entries = [_lowered(e) for e in data if isinstance(e, dict)]
    return bool(entries) and len(entries) == len(data) and all(
        isinstance(e.get("name"), str) and not {"time", "start", "time_start", "start_time",
                                                "title", "day", "date"} & set(e)
        for e in entries)


def _looks_like_papers(data: list[Any]) -> bool:
    """Entries with a title and authors, and no person's name."""
    entries = [e for e in data if isinstance(e, dict)]
    if not entries:
        return False
    papers = sum(1 for e in entries
                 if {"title", "paper_title"} & {str(k).lower() for k in e}
                 and {"authors", "author", "author(s)"} & {str(k).lower() for k in e})
    # talks named by their title, their speakers a list ("name: Deep Owls", "speakers:
    # [Ada Quill]"): a conference theme's talks; a person's entry names no speakers
    talks = sum(1 for e in entries if isinstance(_lowered(e).get("name"), str)
                and isinstance(_lowered(e).get("speakers"), list))
    papers = max(papers, talks)
    return papers * 2 > len(entries)


def read_file(name: str, data: Any, source: str = "") -> DataFile:
    """What one ``_data`` file is, from its name and content."""
    made = _read_file(name, data)
    made.source = source or f"_data/{name}.yml"
    return made


def _read_file(name: str, data: Any) -> DataFile:
    if isinstance(data, dict) and data and all(isinstance(v, dict) for v in data.values()):
        data = list(data.values())  # people keyed by an id: "ada_quill: {name: ...}"
    if not isinstance(data, list):
        return DataFile(name, "kept", why_kept="is not a list")
    kind = _kind_by_name(name)
    grouped = _grouped(data) if kind in (None, "papers", "schedule") else None
    if grouped is not None:  # papers or talks grouped by session, track, day...
        label_key, nested_key, flat = grouped
        nested_kind = _kind_by_name(nested_key)
        # named papers ("accepted.yml", "papers:"), papers even with their talks' times;
        # else papers by their fields when they have no times
        if kind != "schedule" and (kind == "papers" or nested_kind == "papers"
                                   or (_looks_like_papers(flat) and not _looks_like_slots(flat))):
            made = papers_file(name, flat, label_key)
            made.group_by = label_key if made.kind == "papers" else None
            return made
        if kind == "schedule" or nested_kind == "schedule" or _looks_like_slots(flat):
            if _day_groups(data, label_key):
                return _schedule_file(name, data)  # grouped by day: _by_day places them
            # each group's name (a session's) before its slots: a slot at the first's time
            return _schedule_file(name, _with_group_names(data, label_key, nested_key))
    if kind is None and _looks_like_papers(data):
        kind = "papers"
    if kind == "schedule" and _looks_like_people(data):
        kind = None  # "committee.program": the program committee, people with no time
    if kind == "schedule":
        return _schedule_file(name, data)
    if kind == "dates":
        return _dates_file(name, data)
    if kind == "nav":
        links = nav_links(data)
        return DataFile(name, "nav", links=links) if links else DataFile(
            name, "kept", why_kept="has no entry with a name and a link")
    if kind == "papers":
        return papers_file(name, data)
    if kind == "sponsors":
        return _named_file(name, "sponsors", data, sponsor,
                           "has no entry with a name, link or logo")
    if _placeholder(data):
        return DataFile(name, "kept", why_kept="its text is placeholder text ('Lorem ipsum'): "
                        "a theme's sample data, not the workshop's")
    if any(word in name.lower() for word in NOT_PEOPLE):
        return DataFile(name, "kept", why_kept="the import reads people, schedule, papers, "
                        "sponsors and navigation files; this one is kept in the Jekyll source")
    return _named_file(name, "people", _rows(data) or data, person,
                       "has no entry with a name (not a people file)")


DATE_LABELS = ("name", "label", "title", "what", "event", "milestone", "description", "item",
               "text")
DATE_VALUES = ("date", "deadline", "when", "due", "time", "day")


def date_line(entry: Any) -> str | None:
    """An entry of a dates file as the line a page would write: "Submission: May 1, 2025"."""
    if not isinstance(entry, dict):
        return None
    fields = {str(k).lower(): v for k, v in entry.items()}
    label = next((_text(fields[k]) for k in DATE_LABELS if _text(fields.get(k))), None)
    label = label.strip(" \"'\u201c\u201d") if label else label  # '"Abstract deadline"'
    when = next((_text(fields[k]) for k in DATE_VALUES if _text(fields.get(k))), None)
    return f"{label}: {when}" if label and when else None


def _dates_file(name: str, data: list[Any]) -> DataFile:
    """Important dates: a label and a date per entry (the dates themselves are read for the
    page that shows them, with its year)."""
    result = DataFile(name, "dates")
    for n, entry in enumerate(data, 1):
        line = date_line(entry)
        if line is None:
            result.kept.append(f"entry {n}: has no label and date")
            continue
        result.entries.append({"line": line})
        result.raw.append(entry)
    if not result.entries:
        return DataFile(name, "kept", kept=result.kept, why_kept="no entry has a label and a date")
    return result


_PLACEHOLDER = re.compile(r"\blorem ipsum\b", re.I)


def _placeholder(data: Any, depth: int = 0) -> bool:
    """Whether the file's text is a theme's sample: some value says 'Lorem ipsum'."""
    if isinstance(data, str):
        return bool(_PLACEHOLDER.search(data))
    if depth > 20:
        return False
    values = data.values() if isinstance(data, dict) else data if isinstance(data, list) else []
    return any(_placeholder(v, depth + 1) for v in values)


def _named_file(name: str, kind: str, data: list[Any],
                read: Callable[[Any], tuple[dict[str, Any] | None, list[str]]],
                none_read: str) -> DataFile:
    """A people or sponsors file: each entry read, those without a name and the fields not
    carried over named in ``kept``; the whole file kept when no entry could be read."""
    result = DataFile(name, kind)
    for n, entry in enumerate(data, 1):
        made, unknown = read(entry)
        if made is None:
            result.kept.append(f"entry {n}: has no name" + (", link or logo"
                                                            if kind == "sponsors" else ""))
            continue
        if unknown:
            result.kept.append(f"entry {n} ({made['name']}): fields not carried over: "
                               + ", ".join(unknown))
        result.entries.append(made)
        result.raw.append(entry)
    if not result.entries:
        return DataFile(name, "kept", kept=result.kept if kind == "sponsors" else [],
                        why_kept=none_read)
    return result


def _schedule_file(name: str, data: list[Any], year: int | None = None) -> DataFile:
    result = DataFile(name, "schedule")
    entries, labels = _by_day(data, year)
    heading: tuple[int, dict[Any, Any], str] | None = None  # a session's, waiting for a time
    for n, entry in enumerate(entries, 1):
        if n - 1 in labels and labels[n - 1]:
            result.day_labels[len(result.entries)] = labels[n - 1]
        made, why = slot(entry)
        unread = unread_slot_fields(entry)
        if unread and made is not None:
            result.kept.append(f"entry {n} ({made['title'][:60]}): fields not carried over: "
                               + ", ".join(unread))
        title = slot_title(entry)
        if made is None and why == "has no time" and title and heading is None:
            heading = (n, entry, title)  # "Session 1" without a time: starts with the next
            continue
        if heading is not None:
            if made is not None:  # the session's heading, at its first slot's time
                result.entries.append(written_slot(day=made.get("day"), start=made["start"],
                                                   title=heading[2]))
                result.raw.append(heading[1])
            else:
                result.kept.append(f"entry {heading[0]}: has no time; listed as text under "
                                   "the schedule")
                result.unread_slots.append(("", heading[2]))
            heading = None
        if made is None:
            result.kept.append(f"entry {n}: {why}; listed as text under the schedule")
            if isinstance(entry, dict):
                result.unread_slots.append((
                    _text(entry.get("time") or entry.get("Time")) or "",
                    title or f"entry {n}"))
        else:
            result.entries.append(made)
            result.raw.append(entry)
    if heading is not None:
        result.kept.append(f"entry {heading[0]}: has no time; listed as text under the schedule")
        result.unread_slots.append(("", heading[2]))
    changed: list[str] = []
    days: list[list[dict[str, Any]]] = []  # each day's slots: a day's program is read alone
    for n, made in enumerate(result.entries):  # a day's first slot names it, the rest none
        if not days or n in result.day_labels or made.get("day"):
            days.append([])
        days[-1].append(made)
    for program in days:
        changed += read_slips(program) + read_afternoon(program)
        _side_by_side(program)
    if changed:
        result.kept.append("times read on a 12-hour clock, in the order the file lists them: "
                           + ", ".join(changed))
    if not result.entries:
        return DataFile(name, "kept", kept=result.kept, why_kept="no slot could be read")
    return result


def _side_by_side(program: list[dict[str, Any]]) -> None:
    """Slots of one day in different rooms at the same time run at once: marked parallel;
    so do slots listed one after the other with the same start and end ("Business meeting
    on Zoom" and "Breakfast", both 8:30-9:00). Other slots that overlap are left for the
    build to question (a typo as often as not)."""
    running: list[dict[str, Any]] = []  # slots that have not ended at the next one's start
    for before, made in zip([None, *program], program, strict=False):
        if before is not None and before.get("end") and \
                (before["start"], before["end"]) == (made["start"], made.get("end")):
            made["parallel"] = before["parallel"] = True
    for made in sorted(program, key=lambda m: m["start"]):
        running = [m for m in running if m["end"] > made["start"]]
        for other in running:
            if made.get("room") and other.get("room") and made["room"] != other["room"]:
                made["parallel"] = other["parallel"] = True
        if made.get("end"):
            running.append(made)


def slot_title(entry: Any) -> str | None:
    """The words a slot's entry gives as its title (its id of a speaker aside)."""
    return next(iter(slot_titles(entry)), None)


def slot_titles(entry: Any) -> list[str]:
    """Each text a slot's entry gives in a field that can be its title ("title: Highlight
    talk 1", "name: Orals 1: ..."), in the file's order."""
    if not isinstance(entry, dict):
        return []
    reference = slot_reference(entry)
    return [text for k, v in entry.items() if meaning(k, SLOT_FIELDS) == "title"
            and str(k).lower() not in _SLOT_PLACES and v != reference and (text := _text(v))]


def papers_file(name: str, data: list[Any], group: str | None = None) -> DataFile:
    """A papers file; ``group``: the field the file grouped its papers by, which the
    ``papers()`` call groups them by."""
    decision = next((label for word, label in DECISIONS if word in name.lower()), None)
    result = DataFile(name, "papers")
    private: set[str] = set()
    for n, entry in enumerate(data, 1):
        made, left_out = paper(entry, decision)
        private.update(left_out)
        if made is None:
            result.kept.append(f"entry {n}: has no title; not in the papers file")
            continue
        result.entries.append(made)
        result.raw.append(entry)
    if private:
        result.kept.append("fields left out of the published papers file (contact details, "
                           "which Jekyll's _data never published): " + ", ".join(sorted(private)))
    shown = set(PAPER_FIELDS.values())
    other = sorted({k for e in result.entries for k in e if k not in shown and k != group})
    if other:
        result.kept.append("fields kept in the papers file, which papers() does not show "
                           "(it can group by them): " + ", ".join(other))
    if not result.entries:
        return DataFile(name, "kept", kept=result.kept, why_kept="has no entry with a title")
    return result


DATA_SUFFIXES = (".yml", ".yaml", ".json", ".csv", ".tsv")


def _load_data(path: Path, rel: str, site: SiteData) -> tuple[bool, Any]:
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix in (".csv", ".tsv"):
        try:
            rows = list(csv.DictReader(io.StringIO(text),
                                       delimiter="\t" if path.suffix == ".tsv" else ","))
        except csv.Error as exc:
            site.notes.append(f"{rel} was not read: it is not a {path.suffix[1:].upper()} "
                              f"file I can read ({exc}).")
            return False, None
        # an empty field is nil, as Jekyll's CSV reader gives it: `{% if row.pdf %}` is false
        return True, [{k: v if v != "" else None for k, v in row.items() if k is not None}
                      for row in rows]
    loaded = load_json(text) if path.suffix == ".json" else load(text)
    if not loaded.ok:
        message, fix = loaded.error or ("could not be read.", "")
        site.notes.append(f"{rel} {message} {fix}".strip())
        return False, None
    return True, loaded.data


MAX_DATA_FILES = 500  # files under _data a site's pages may read; more are not read


def _data_files(source: Path, site: SiteData) -> list[tuple[Path, str, str]]:
    """(path, its folder in _data as dotted names, its name) of every data file, folders
    included (``_data/2026/organizers.yml`` is ``site.data.2026.organizers``)."""
    found: list[tuple[Path, str, str]] = []
    folder = source / "_data"
    stack = [(folder, "")]
    while stack and len(found) < MAX_DATA_FILES:
        here, prefix = stack.pop(0)
        if not here.is_dir() or not Path(os.path.realpath(here)).is_relative_to(
                os.path.realpath(source)):
            continue
        for path in sorted(here.iterdir()):
            if path.is_dir() and not path.is_symlink() and not path.name.startswith("."):
                stack.append((path, f"{prefix}{path.name}."))
            elif path.suffix in DATA_SUFFIXES and path.is_file():
                found.append((path, prefix, f"{prefix}{path.stem}"))
    return found


def read_site_data(source: Path) -> SiteData:
    """The ``_data`` files and ``_includes`` of a Jekyll site at ``source``."""
    site = SiteData()
    ids: dict[str, str] = {}  # people by the id a file keys them by: "oetzioni" -> its name
    talks: dict[str, dict[Any, Any]] = {}  # entries naming a slot: "4b" -> the talk
    own_talks: dict[str, dict[str, dict[Any, Any]]] = {}  # the same, by the file they are in
    for path, prefix, dotted in _data_files(source, site):
        rel = path.relative_to(source).as_posix()
        if (why := unreadable(path, source, MAX_DATA_BYTES)) is not None:
            site.notes.append(f"{rel} was not read: {why}.")
            continue
        ok, data = _load_data(path, rel, site)
        if not ok:
            continue
        branch = site.tree
        for part in prefix.split(".")[:-1]:
            branch = branch.setdefault(part, {}) if isinstance(branch.get(part, {}), dict) \
                else {}
        branch[path.stem] = data
        ids.update(_people_ids(data))
        own_talks[rel] = _slot_talks(data)
        talks.update(own_talks[rel])
        # site.data.people.team, site.data.keynotes[2025]: a key of text, or a year
        lists = {str(k): v for k, v in data.items()
                 if isinstance(k, (str, int)) and not isinstance(k, bool)
                 and isinstance(v, list) and re.fullmatch(r"[A-Za-z0-9_-]{1,100}", str(k))} \
            if isinstance(data, dict) and not all(isinstance(v, dict)
                                                 for v in data.values()) else {}
        if lists:  # site.data.people.team: each list a file of its own
            for key, value in lists.items():
                site.files[f"{dotted}.{key}"] = read_file(f"{dotted}.{key}", value, rel)
            continue
        site.files[dotted] = read_file(dotted, data, rel)
    for made in site.files.values():
        if made.kind == "schedule":
            # a file's own talks first: ids repeat from one edition's file to the next
            name_speakers(made, ids, {**talks, **own_talks.get(made.source, {})})
    site.find_shared()
    includes = source / "_includes"
    if includes.is_dir():
        for path in sorted(includes.rglob("*.html")):
            if not path.is_file() or within(path, source) is None:
                continue
            if path.stat().st_size > MAX_INCLUDE_BYTES:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            name = path.relative_to(includes).as_posix()
            site.include_texts[name] = text
            found = {data_name(m["name"], site) for m in _DATA_LOOP.finditer(text)}
            known = sorted(n for n in found if n is not None and site.shown(n) is not None)
            # An include that loops over one file shows it; one that also reads another (a
            # schedule that looks up its speakers) shows its schedule.
            schedules = [n for n in known if site.files[n].kind == "schedule"]
            if len(known) == 1 or len(schedules) == 1:
                site.includes[name] = known[0] if len(known) == 1 else schedules[0]
    return site


def _people_ids(data: Any) -> dict[str, str]:
    """The people of a file keyed by id (``oetzioni: {name: Oren Etzioni}``), or listed with
    an ``id:``, by that id."""
    pairs: list[tuple[Any, Any]] = list(_keyed(data)) if isinstance(data, dict) else [
        (entry.get("id") or entry.get("key"), entry) for entry in data
        if isinstance(entry, dict)] if isinstance(data, list) else []
    return {str(key): name for key, entry in pairs
            if isinstance(key, (str, int)) and isinstance(entry, dict)
            and isinstance(name := _name_field(entry), str) and name.strip()}


def _slot_talks(data: Any) -> dict[str, dict[Any, Any]]:
    """The entries of a file (its lists, one level down too) that name the slot they are
    given (``slot: "4b"``), by that slot's id; and, under ``#`` and their key, the talks
    a file keys by id (``presentations: {ada: {title: ...}}``), which slots name."""
    lists = [data] if isinstance(data, list) else [v for v in data.values()
                                                     if isinstance(v, list)] \
        if isinstance(data, dict) else []
    found = {str(entry["slot"]): entry for entries in lists for entry in entries
             if isinstance(entry, dict) and isinstance(entry.get("slot"), (str, int))
             and not isinstance(entry.get("slot"), bool)}
    found.update({f"#{key}": entry for key, entry in _keyed(data)
                  if isinstance(entry.get("title"), str)})
    return found


def _keyed(data: Any) -> list[tuple[str, dict[Any, Any]]]:
    """The entries of a mapping of entries by id, at the file's top or one level down
    (``people: {ada: {name: ...}}``)."""
    if not isinstance(data, dict):
        return []
    maps = [data, *(v for v in data.values() if isinstance(v, dict))]
    return [(str(key), entry) for mapping in maps for key, entry in mapping.items()
            if isinstance(entry, dict) and isinstance(key, (str, int))
            and not isinstance(key, bool)]


def _name_field(entry: dict[Any, Any]) -> Any:
    """A person's name in an entry: ``name``, else a field named for it (``speaker_name``,
    ``full_name``)."""
    if "name" in entry:
        return entry["name"]
    return next((v for k, v in entry.items() if str(k).lower().endswith("_name")
                 and str(k).lower() not in ("first_name", "last_name", "user_name")), None)


def data_name(dotted: str, site: SiteData) -> str | None:
    """The data file ``site.data.<dotted>`` names: ``people.team`` when ``people.yml`` is a
    mapping of lists, else its first part."""
    if dotted in site.files:
        return dotted
    first = dotted.split(".", 1)[0]
    return first if first in site.files else None


def rows(entry: dict[str, Any]) -> list[Any] | None:
    """The persons of one row or group of a people file (``- num_row: 1`` with its list), or
    None when ``entry`` is a person."""
    return _rows([entry])


def read_as(like: DataFile, data: list[Any], year: int | None = None) -> DataFile:
    """``data``, the part of a file a loop showed, read as the whole file ``like`` was: the
    same kind, its groups; ``year``: that of the page's workshop, for days written without
    one."""
    if like.kind == "schedule":
        grouped = _grouped(data)
        if grouped is not None and not _day_groups(data, grouped[0]):  # by session
            data = _with_group_names(data, grouped[0], grouped[1])
        made = _schedule_file(like.name, data, year)
        if made.kind == "schedule":
            name_speakers(made, like.ids, like.talks)
    elif like.kind == "papers":
        grouped = _grouped(data)
        if grouped is not None:
            made = papers_file(like.name, grouped[2], grouped[0])
            made.group_by = grouped[0] if made.kind == "papers" else None
        else:
            made = papers_file(like.name, data)
            made.group_by = like.group_by if made.kind == "papers" and all(
                isinstance(e, dict) and like.group_by in e for e in data) else None
    elif like.kind == "sponsors":
        made = _named_file(like.name, "sponsors", data, sponsor,
                           "has no entry with a name, link or logo")
    else:
        made = _named_file(like.name, "people", _rows(data) or data, person,
                           "has no entry with a name (not a people file)")
    made.source = like.source
    return made
