"""Sessionize's ``view/All`` JSON (API endpoint ``https://sessionize.com/api/v2/ID/view/All``)::

    {"sessions": [{"id": "1", "title": "...", "description": "...",
                   "startsAt": "2024-05-11T09:00:00", "endsAt": "2024-05-11T09:45:00",
                   "isServiceSession": false, "speakers": ["speaker id"],
                   "categoryItems": [11], "roomId": 7, "liveUrl": null, "recordingUrl": null}],
     "speakers": [{"id": "speaker id", "firstName": "Ada", "lastName": "Lovelace",
                   "fullName": "Ada Lovelace"}],
     "categories": [{"id": 1, "title": "Session format",
                     "items": [{"id": 11, "name": "Keynote"}]}],
     "rooms": [{"id": 7, "name": "Hall A", "sort": 1}]}

Its times carry no UTC offset: they are the event's wall-clock times, and the page's
``workshop.timezone`` says where that wall is. A session's kind is its item of the category
whose title says it is the session's format or type ("Session format"); a service session
(a break) without one takes its kind from its title. Sessions not yet scheduled
(``startsAt: null``) are left out, and counted in the report.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...core.problems import Refused, brief, excerpt
from .model import Format, Program, Session, label, listing, mapping, moment, text

FORMAT = "Sessionize view/All JSON"
_EXPORT = "export the event again from Sessionize's API as view/All (JSON)."
# Category titles that hold the session's format: "Session format", "Session type".
_FORMAT_WORDS = ("format", "type")


def read(data: Any) -> Program:
    """The program of a Sessionize ``view/All`` export (already parsed)."""
    root = mapping(data, "the file", None, _EXPORT)
    sessions = listing(root.get("sessions"), "'sessions'", None, _EXPORT)
    program = Program(FORMAT, None)
    rooms, order = _rooms(root.get("rooms", []), program.notes)
    speakers = _speakers(root.get("speakers", []), program.notes)
    formats = _formats(root.get("categories", []))
    unscheduled = 0
    for number, value in enumerate(sessions, 1):
        try:
            found = _session(value, number, rooms, order, speakers, formats)
        except Refused as refused:
            program.skip(refused)
            continue
        if found is None:
            unscheduled += 1
        else:
            program.sessions.append(found)
    if unscheduled:
        program.notes.append(f"{unscheduled} session(s) have no time yet (startsAt: null) and "
                             "are not written; schedule them in Sessionize and run the import "
                             "again.")
    return program


def _session(value: object, number: int, rooms: dict[str, str], order: dict[str, int],
             speakers: dict[str, str], formats: dict[str, str]) -> Session | None:
    """One session, or None when it has no time yet."""
    where = f"session {number}"
    session = mapping(value, "the session", where, _EXPORT)
    title = text(session.get("title"), "title", where)
    where += label(title)
    if title is None:
        raise Refused("has no 'title'.", "give the session a title in Sessionize, "
                      "then export again.", where)
    if session.get("startsAt") is None:
        return None
    start = moment(session["startsAt"], "startsAt", where)
    end = moment(session["endsAt"], "endsAt", where) \
        if session.get("endsAt") is not None else None
    if end is not None and (end.tzinfo is None) != (start.tzinfo is None):
        raise Refused("has a UTC offset on one of 'startsAt' and 'endsAt' only.",
                      _EXPORT, where)
    room = _room(session.get("roomId"), rooms, where)
    return Session(
        title=title, start=start, end=end if end is not None and end > start else None,
        room=room, room_order=order.get(room or "", len(order)),
        kind=_kind(session.get("categoryItems"), formats, where),
        speakers=_names(session.get("speakers"), speakers, where),
        abstract=text(session.get("description"), "description", where),
        url=text(session.get("recordingUrl"), "recordingUrl", where)
        or text(session.get("liveUrl"), "liveUrl", where),
        where=where)


def _key(value: object) -> str:
    """Ids as the file writes them: 7 and "7" are the same room."""
    return str(value).strip()


def _listed(kind: str, key: str, name: str, named: dict[str, str], notes: list[str]) -> bool:
    """Whether the id ``key`` is new; an id listed twice for two names is said, and the
    first name kept."""
    if key not in named:
        return True
    if named[key] != name:
        notes.append(f"the {kind} id {excerpt(key, 40)} is listed twice "
                     f"('{excerpt(named[key], 60)}' and '{excerpt(name, 60)}'); sessions that "
                     "name it are given the first.")
    return False


def _rooms(value: object, notes: list[str]) -> tuple[dict[str, str], dict[str, int]]:
    """Room id -> name, and each name's place in the file's order; a room that cannot be read
    is said and left out (its sessions are then skipped, each with its place)."""
    listed = listing(value, "'rooms'", None, _EXPORT)
    found: list[tuple[int, int, str, str]] = []  # (sort, position, id, name)
    names: dict[str, str] = {}
    for number, item in enumerate(listed, 1):
        where = f"room {number}"
        try:
            room = mapping(item, "the room", where, _EXPORT)
            name = text(room.get("name"), "name", where)
            if name is None or room.get("id") is None:
                raise Refused("has no 'id' or no 'name'.", _EXPORT, where)
        except Refused as refused:
            notes.append(f"{refused.line('').removeprefix(': ')} (not read)")
            continue
        if not _listed("room", _key(room["id"]), name, names, notes):
            continue
        names[_key(room["id"])] = name
        sort = room.get("sort")
        found.append((sort if isinstance(sort, int) and not isinstance(sort, bool) else number,
                      number, _key(room["id"]), name))
    found.sort(key=lambda r: (r[0], r[1]))
    return names, {name: i for i, (_s, _n, _k, name) in enumerate(found)}


def _room(value: object, rooms: Mapping[str, str], where: str) -> str | None:
    if value is None:
        return None
    name = rooms.get(_key(value))
    if name is None:
        raise Refused(f"is in the room {brief(value)}, which 'rooms' does not list.",
                      _EXPORT, where)
    return name


def _speakers(value: object, notes: list[str]) -> dict[str, str]:
    """Speaker id -> name; a speaker that cannot be read is said and left out."""
    names: dict[str, str] = {}
    for number, item in enumerate(listing(value, "'speakers'", None, _EXPORT), 1):
        where = f"speaker {number}"
        try:
            speaker = mapping(item, "the speaker", where, _EXPORT)
            name = text(speaker.get("fullName"), "fullName", where) or " ".join(
                part for part in (text(speaker.get("firstName"), "firstName", where),
                                  text(speaker.get("lastName"), "lastName", where)) if part)
            if speaker.get("id") is None or not name:
                raise Refused("has no 'id' or no name ('fullName').", _EXPORT, where)
        except Refused as refused:
            notes.append(f"{refused.line('').removeprefix(': ')} (not read)")
            continue
        name = " ".join(name.split())
        if _listed("speaker", _key(speaker["id"]), name, names, notes):
            names[_key(speaker["id"])] = name
    return names


def _names(value: object, speakers: Mapping[str, str], where: str) -> tuple[str, ...]:
    """A session's speakers: ids of 'speakers' (view/All), or {id, name} objects."""
    if value is None:
        return ()
    names = []
    for item in listing(value, "'speakers'", where, _EXPORT):
        if isinstance(item, dict):
            name = speakers.get(_key(item.get("id"))) or text(item.get("name"), "name", where)
        else:
            name = speakers.get(_key(item))
        if name is None:
            raise Refused(f"names the speaker {brief(item)}, whom 'speakers' does not "
                          "list.", _EXPORT, where)
        names.append(name)
    return tuple(names)


def _formats(value: object) -> dict[str, str]:
    """Category item id -> its name, for the categories that are the session's format."""
    items: dict[str, str] = {}
    for number, item in enumerate(listing(value, "'categories'", None, _EXPORT), 1):
        where = f"category {number}"
        category = mapping(item, "the category", where, _EXPORT)
        title = (text(category.get("title"), "title", where) or "").lower()
        if not any(word in title for word in _FORMAT_WORDS):
            continue
        for entry in listing(category.get("items", []), "'items'", where, _EXPORT):
            fields = mapping(entry, "the category item", where, _EXPORT)
            name = text(fields.get("name"), "name", where)
            if name and fields.get("id") is not None:
                items[_key(fields["id"])] = name
    return items


def _kind(value: object, formats: Mapping[str, str], where: str) -> str | None:
    if value is None:
        return None
    for item in listing(value, "'categoryItems'", where, _EXPORT):
        key = _key(item.get("id") if isinstance(item, dict) else item)
        if key in formats:
            return formats[key]
    return None



READER = Format(FORMAT, "json", "a Sessionize view/All export (an object with 'sessions')",
                "Sessionize's API view 'All' as JSON",
                lambda data: isinstance(data, dict) and "sessions" in data, read)
