"""The ``_data`` family of Jekyll workshop sites: ``_data/*.yml`` read and made page data.

Most ML workshop sites keep their people and programme in ``_data/speakers.yml``,
``_data/organizers.yml``, ``_data/schedule.yml``, ... and show them through includes that loop
over ``site.data.X``. This module reads those files (with the ``safeload`` limits), turns the
ones it understands into what the plugin reads, and says what it kept and why:

- people files, flat (a list of persons) or in rows (``- num_row: 1`` with a nested list),
  with the common field names and their synonyms, become rosters (``team()``);
- ``schedule.yml`` becomes ``schedule:`` slots (``time: "09:15 - 09:35"`` split into start and
  end; titles with HTML made plain text); a slot that cannot be read is kept as a data file
  and reported.

Anything else under ``_data`` is reported as kept (the importer does not write it into the
page). Nothing here becomes live Jinja or HTML: values are plain strings in front matter,
which the plugin escapes when it renders them.
"""

from __future__ import annotations

import html
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..safeload import load
from .escape import markdown_text, one_line
from .freedates import parse_free_date
from .paths import within

MAX_DATA_BYTES = 2_000_000
MAX_INCLUDE_BYTES = 200_000
# _data files that are lists of named things but not people.
NOT_PEOPLE = ("sponsor", "navigation", "nav", "paper", "poster", "spotlight", "oral", "menu",
              "link", "date", "news", "social", "plan")

# Field synonyms seen on real sites -> the roster's field.
PERSON_FIELDS: dict[str, str] = {
    "name": "name", "fullname": "name", "full_name": "name",
    "affiliation": "aff", "affiliations": "aff",
    "institution": "aff", "aff": "aff", "organization": "aff",
    "affil": "aff", "university": "aff",
    "photo": "image", "image": "image", "img": "image", "pic": "image", "picture": "image",
    "url": "url", "link": "url", "homepage": "url", "website": "url", "web": "url",
    "title": "topic", "talk": "topic", "talk_title": "topic", "topic": "topic",
    "bio": "bio", "abstract": "bio", "role": "role", "position": "role",
}
# Fields of a slot -> the schedule's field.
SLOT_FIELDS: dict[str, str] = {
    "title": "title", "event": "title", "session": "title", "name": "title",
    "time": "time", "presenter": "speakers", "presenters": "speakers", "speaker": "speakers",
    "speakers": "speakers", "authors": "speakers", "author": "speakers",
    "abstract": "abstract", "link": "url", "url": "url", "location": "location",
    "room": "location", "type": "kind", "kind": "kind", "category": "kind",
    "time_start": "start", "start": "start", "start_time": "start",
    "time_end": "end", "end": "end", "end_time": "end",
}
_TIME_RANGE = re.compile(
    r"^\s*(?P<h1>\d{1,2})[:.](?P<m1>\d{2})\s*(?P<p1>[ap]\.?m\.?)?\s*"
    r"(?:[-–—]+|to)\s*(?P<h2>\d{1,2})[:.](?P<m2>\d{2})\s*(?P<p2>[ap]\.?m\.?)?\s*$", re.I)
_ONE_TIME = re.compile(r"^\s*(?P<h1>\d{1,2})[:.](?P<m1>\d{2})\s*(?P<p1>[ap]\.?m\.?)?\s*$", re.I)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FOR_TAG = re.compile(r"\{%-?\s*(?:(?P<end>endfor)|for\s+\w{1,100}\s+in\s+"
                      r"(?P<what>[A-Za-z0-9_.\[\]'\"-]{1,200}))[^%]{0,1000}?-?%\}")
_TAG = re.compile(r"<[^>]{0,1000}>")
_DATA_LOOP = re.compile(r"site\.data\.(?P<name>[A-Za-z0-9_-]{1,100})")
_INCLUDE = re.compile(r"\{%-?\s*include\s+(?P<file>[A-Za-z0-9_./-]{1,200}\.html)"
                      r"(?P<args>[^%]{0,1000}?)-?%\}")


@dataclass
class DataFile:
    """One ``_data`` file and what became of it."""
    name: str  # "speakers" for _data/speakers.yml
    kind: str  # "people", "schedule" or "kept"
    people: list[dict[str, Any]] = field(default_factory=list)
    slots: list[dict[str, Any]] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # entries not understood: "entry N: why"
    unread_slots: list[tuple[str, str]] = field(default_factory=list)  # (time, title)
    why_kept: str = ""  # for kind "kept": why the whole file is


@dataclass
class SiteData:
    """The ``_data`` files of a site, and the includes that loop over them."""
    files: dict[str, DataFile] = field(default_factory=dict)
    includes: dict[str, str] = field(default_factory=dict)  # "speakers.html" -> "speakers"
    notes: list[str] = field(default_factory=list)

    def report_lines(self, shown_by: dict[str, list[str]]) -> list[str]:
        """What the report says of the _data files: every person, slot and kept entry."""
        if not self.files and not self.notes:
            return []
        lines = ["", f"_data files: {len(self.files)}"]
        for name, data in self.files.items():
            pages = ", ".join(shown_by.get(name, [])) or "no page (no include shows it)"
            if data.kind == "people":
                lines.append(f"  _data/{name}.yml: {len(data.people)} people, shown on {pages}")
            elif data.kind == "schedule":
                lines.append(f"  _data/{name}.yml: {len(data.slots)} slots, shown on {pages}")
            else:
                lines.append(f"  _data/{name}.yml: kept in the Jekyll source, not imported: "
                             f"{data.why_kept or 'not a people or schedule file'}")
            lines += [f"    kept: {kept}" for kept in data.kept]
        lines += [f"  {note}" for note in self.notes]
        return lines

    def for_include(self, name: str) -> DataFile | None:
        data = self.includes.get(name)
        found = self.files.get(data) if data else None
        return found if found is not None and found.kind in ("people", "schedule") else None


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = one_line(html.unescape(_TAG.sub(" ", str(value))))
    return text or None


def person(entry: Any) -> tuple[dict[str, Any] | None, list[str]]:
    """A roster entry from one person of a people file, and the fields it could not place."""
    if not isinstance(entry, dict):
        return None, []
    out: dict[str, Any] = {}
    unknown: list[str] = []
    for key, value in entry.items():
        target = PERSON_FIELDS.get(str(key).lower())
        text = _text(value)
        if target is None or text is None:
            if value not in (None, ""):
                unknown.append(str(key))
            continue
        if target == "bio":
            text = str(value).strip()  # Markdown the plugin renders (escaped)
        out.setdefault(target, text)
    if "name" not in out:
        return None, unknown
    return out, unknown


def _rows(data: list[Any]) -> list[Any] | None:
    """The persons of a file in rows (``- num_row: 1`` with a nested list), or None when the
    file is flat."""
    if not data or not all(isinstance(row, dict) for row in data):
        return None
    flat: list[Any] = []
    for row in data:
        nested = [v for v in row.values() if isinstance(v, list)]
        if len(nested) != 1 or any(PERSON_FIELDS.get(str(k).lower()) == "name" for k in row):
            return None
        flat += nested[0]
    return flat


def _clock(hour: str, minute: str, pm: str | None) -> str | None:
    h, m = int(hour), int(minute)
    if pm:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if pm.lower().startswith("p") else 0)
    if h > 23 or m > 59:
        return None
    return f"{h:02d}:{m:02d}"


def times(text: str) -> tuple[str, str | None] | None:
    """``"09:15 - 09:35"`` as ``("09:15", "09:35")``; ``"9:10am"`` as ``("09:10", None)``."""
    match = _TIME_RANGE.match(text)
    if match:
        p1, p2 = match["p1"], match["p2"]
        start = _clock(match["h1"], match["m1"], p1 or p2 if int(match["h1"]) <= 12 else None)
        end = _clock(match["h2"], match["m2"], p2)
        return (start, end) if start and end else None
    match = _ONE_TIME.match(text)
    if match:
        start = _clock(match["h1"], match["m1"], match["p1"])
        return (start, None) if start else None
    return None


def slot(entry: Any) -> tuple[dict[str, Any] | None, str]:
    """A schedule slot from one entry of ``schedule.yml``, or None and why not."""
    if not isinstance(entry, dict):
        return None, "is not a set of 'key: value' lines"
    out: dict[str, Any] = {}
    for key, value in entry.items():
        target = SLOT_FIELDS.get(str(key).lower())
        if target is None or value in (None, ""):
            continue
        if target == "speakers":
            names = value if isinstance(value, list) else re.split(r"\s*(?:,|;| and )\s*",
                                                                 _text(value) or "")
            out.setdefault("speakers", [n for n in (_text(x) for x in names) if n])
        elif target == "abstract":
            out.setdefault("abstract", str(value).strip())
        else:
            text = _text(value)
            if text:
                out.setdefault(target, text)
    when = out.pop("time", None)
    start, end = out.pop("start", None), out.pop("end", None)
    if when is None and start is not None:
        when = f"{start} - {end}" if end else start
    if "title" not in out:
        return None, "has no title"
    if when is None:
        return None, "has no time"
    parsed = times(when)
    if parsed is None:
        return None, f"time '{when}' is not a time I can read (write it as 09:15 - 09:35)"
    day = entry.get("day")
    day = day if isinstance(day, str) and _ISO_DAY.match(day) else None
    out = {**({"day": day} if day else {}), "start": parsed[0],
           **({"end": parsed[1]} if parsed[1] else {}), **out}
    return out, ""


def _by_day(data: list[Any]) -> list[Any]:
    """Slots of a schedule grouped by day (``- date: ...`` with a nested ``slots:`` list), one
    list, the first slot of each day given the day when its date can be read."""
    if not data or not all(isinstance(d, dict) and isinstance(d.get("slots"), list)
                           for d in data):
        return data
    flat: list[Any] = []
    for group in data:
        day = parse_free_date(str(group.get("date", "")))
        for n, entry in enumerate(group["slots"]):
            if n == 0 and day is not None and isinstance(entry, dict):
                entry = {**entry, "day": day.first.isoformat()}
            flat.append(entry)
    return flat


def read_file(name: str, data: Any) -> DataFile:
    """What one ``_data`` file is, from its name and content."""
    if isinstance(data, dict) and data and all(isinstance(v, dict) for v in data.values()):
        data = list(data.values())  # people keyed by an id: "ada_quill: {name: ...}"
    if not isinstance(data, list):
        return DataFile(name, "kept", why_kept="is not a list")
    if "schedule" in name.lower() or "program" in name.lower():
        result = DataFile(name, "schedule")
        for n, entry in enumerate(_by_day(data), 1):
            made, why = slot(entry)
            if made is None:
                result.kept.append(f"entry {n}: {why}; listed as text under the schedule")
                if isinstance(entry, dict):
                    result.unread_slots.append((
                        _text(entry.get("time") or entry.get("Time")) or "",
                        _text(entry.get("title") or entry.get("Title")) or f"entry {n}"))
            else:
                result.slots.append(made)
        if not result.slots:
            return DataFile(name, "kept", kept=result.kept, why_kept="no slot could be read")
        return result
    if any(word in name.lower() for word in NOT_PEOPLE):
        return DataFile(name, "kept", why_kept="the import reads people and schedule files "
                        "only; this one is kept in the Jekyll source")
    persons = _rows(data) or data
    result = DataFile(name, "people")
    for n, entry in enumerate(persons, 1):
        made, unknown = person(entry)
        if made is None:
            result.kept.append(f"entry {n}: has no name")
            continue
        if unknown:
            result.kept.append(f"entry {n} ({made['name']}): fields not carried over: "
                               + ", ".join(unknown))
        result.people.append(made)
    if not result.people:
        return DataFile(name, "kept", why_kept="has no entry with a name (not a people file)")
    return result


def read_site_data(source: Path) -> SiteData:
    """The ``_data`` files and ``_includes`` of a Jekyll site at ``source``."""
    site = SiteData()
    folder = source / "_data"
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix not in (".yml", ".yaml") or not path.is_file():
                continue
            rel = f"_data/{path.name}"
            if within(path, source) is None:
                site.notes.append(f"{rel} was not read: it leads outside the site.")
                continue
            if path.stat().st_size > MAX_DATA_BYTES:
                site.notes.append(f"{rel} was not read: it is larger than "
                                  f"{MAX_DATA_BYTES:,} bytes.")
                continue
            loaded = load(path.read_text(encoding="utf-8", errors="replace"))
            if not loaded.ok:
                message, fix = loaded.error or ("could not be read.", "")
                site.notes.append(f"{rel} {message} {fix}".strip())
                continue
            site.files[path.stem] = read_file(path.stem, loaded.data)
    includes = source / "_includes"
    if includes.is_dir():
        for path in sorted(includes.rglob("*.html")):
            if not path.is_file() or within(path, source) is None:
                continue
            if path.stat().st_size > MAX_INCLUDE_BYTES:
                continue
            found = {m["name"] for m in
                     _DATA_LOOP.finditer(path.read_text(encoding="utf-8", errors="replace"))}
            known = [n for n in sorted(found) if n in site.files]
            if len(known) == 1:
                site.includes[path.relative_to(includes).as_posix()] = known[0]
    return site


def roster_key(name: str) -> str:
    """The front-matter key for a data file's roster (``program_committee`` stays)."""
    key = re.sub(r"[^A-Za-z0-9_]", "_", name)
    return key if key and not key[0].isdigit() else f"data_{key}"


def replace_includes(body: str, site: SiteData
                     ) -> tuple[str, str, list[tuple[str, DataFile]]]:
    """Each include that loops over a data file the module understands, found in ``body``.

    Returns the body with each such include tag replaced by a marker (letters and digits
    with a random part, so no source can write one and nothing changes it), the marker's
    prefix, and the list of (tag, data file) the markers stand for, in order."""
    found: list[tuple[str, DataFile]] = []
    prefix = f"IMPORTJEKYLLDATA{secrets.token_hex(8)}X"

    def swap(match: re.Match[str]) -> str:
        data = site.for_include(match["file"])
        if data is None:
            return match.group(0)
        found.append((match.group(0), data))
        return f"{prefix}{len(found) - 1}X"

    body = _INCLUDE.sub(swap, body)
    # Loops written in the page itself: {% for x in site.data.X %} ... {% endfor %}, outermost
    # ones only, in one pass over the for/endfor tags.
    pieces: list[str] = []
    done = 0
    depth = 0
    opened: tuple[int, DataFile | None] | None = None
    for match in _FOR_TAG.finditer(body):
        if match["end"] is None:
            if depth == 0:
                what = match["what"] or ""
                name = what[len("site.data."):] if what.startswith("site.data.") else ""
                data = site.files.get(name)
                usable = data if data is not None and data.kind != "kept" else None
                opened = (match.start(), usable)
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0 and opened is not None and opened[1] is not None:
                pieces.append(body[done:opened[0]])
                found.append((body[opened[0]:match.end()], opened[1]))
                pieces.append(f"{prefix}{len(found) - 1}X")
                done = match.end()
    pieces.append(body[done:])
    return "".join(pieces), prefix, found


def use_site_data(body: str, meta: dict[Any, Any], site: SiteData, used: list[str],
                  names: list[str], rewrite_image: Callable[[str], str | None]
                  ) -> tuple[str, dict[str, Any], Callable[[str], str]]:
    """The page's text with its data-file includes marked, the front-matter keys they add,
    and the function that turns the marks into macro calls once the text is converted.

    ``used`` gets a line for the report per include; ``names`` the data files shown. A key
    the page already has is not written over: the include is kept and the report says so."""
    marked, prefix, found = replace_includes(body, site)
    additions: dict[str, Any] = {}
    calls: list[str] = []
    for tag, data in found:
        if data.kind == "schedule":
            key, call = "schedule", "<< schedule() >>" + _unread(data)
            value: list[dict[str, Any]] = data.slots
            workshop = meta.get("workshop")
            dated = isinstance(workshop, dict) and "date" in workshop
            if not dated and not (value and "day" in value[0]):
                # No day to put the slots on: the plugin could not place them. Kept as a
                # list of text, and said.
                calls.append("\n\n" + _as_text(value) + _unread(data))
                names.append(data.name)
                used.append(f"{one_line(tag)} -> a list of {len(value)} slots as text: "
                            f"_data/{data.name}.yml gives no day with a year; add "
                            "'workshop: {date: YYYY-MM-DD}' and 'schedule:' to use << "
                            "schedule() >>")
                continue
        else:
            key = roster_key(data.name)
            call, value = f'<< team("{key}") >>', [_with_image(p, rewrite_image)
                                                     for p in data.people]
        if key in meta or key in additions:
            calls.append(tag)
            used.append(f"{one_line(tag)} kept as written: the page already has '{key}:'")
            continue
        additions[key] = value
        calls.append(f"\n\n{call}\n\n")
        names.append(data.name)
        used.append(f"{one_line(tag)} -> {call.splitlines()[0]} ({len(value)} from "
                    f"_data/{data.name}.yml)")

    def finish(text: str) -> str:
        return re.sub(re.escape(prefix) + r"(\d+)X", lambda m: calls[int(m.group(1))], text)

    return marked, additions, finish


def _with_image(entry: dict[str, Any], rewrite: Callable[[str], str | None]) -> dict[str, Any]:
    """The person with the image copied into the new site (a missing one stays as written:
    the importer reports it and the card shows initials)."""
    if "image" not in entry:
        return entry
    copied = rewrite(str(entry["image"]))
    return {**entry, "image": copied} if copied else entry


def _unread(data: DataFile) -> str:
    """The slots whose time could not be read, as text under the schedule: kept, not lost."""
    if not data.unread_slots:
        return ""
    items = "".join(f"- {markdown_text(when) or '(no time)'}: {markdown_text(title)}\n"
                    for when, title in data.unread_slots)
    return ("\n\nAlso on the programme (times as the source wrote them):\n\n" + items)


def _as_text(slots: list[dict[str, Any]]) -> str:
    """Slots as a Markdown list of text (time, title, speakers)."""
    items = []
    for entry in slots:
        when = entry["start"] + (f" - {entry['end']}" if "end" in entry else "")
        who = ", ".join(entry.get("speakers", []))
        items.append(f"- {markdown_text(when)}: {markdown_text(entry['title'])}"
                     + (f" ({markdown_text(who)})" if who else "") + "\n")
    return "".join(items)
