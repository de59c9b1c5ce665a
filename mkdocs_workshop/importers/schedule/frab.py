"""pretalx's and frab's ``schedule.json``, and its XML form (``schedule.xml``).

The JSON (c3voc's schema, which pretalx and frab export)::

    {"schedule": {"version": "...", "conference": {
        "title": "...", "time_zone_name": "Europe/Berlin",
        "rooms": [{"name": "Hall A", ...}],
        "days": [{"index": 1, "date": "2024-05-11", "rooms": {
            "Hall A": [{"title": "...", "date": "2024-05-11T09:00:00+02:00", "start": "09:00",
                        "duration": "00:30", "room": "Hall A", "type": "Talk",
                        "persons": [{"public_name": "Ada Lovelace"}], "abstract": "...",
                        "description": "...", "url": "https://..."}]}}]}}}

The XML has the same days, rooms and events as elements: ``<schedule><conference>...
<time_zone_name>`` then ``<day date="..."><room name="..."><event id="..."><date>``,
``<start>``, ``<duration>``, ``<title>``, ``<type>``, ``<abstract>``,
``<persons><person>Name</person></persons>``, ``<url>``. It is read into the JSON's shape,
then read as the JSON is. An XML file that declares a DOCTYPE or an ENTITY is refused before
it is parsed: nothing in a schedule needs one, and entities are how XML files are made to expand
without end ("billion laughs") or to read other files.

An event's instant is its ``date`` (with its UTC offset); without one, the day's ``date`` and
the event's ``start`` in the file's ``time_zone_name``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from ...core.problems import Refused, brief, excerpt
from ...core.times import skipped
from ...core.timezones import UnknownTimezone, Zone, resolve_zone
from .model import (
    Format,
    Program,
    Session,
    duration,
    label,
    listing,
    mapping,
    moment,
    pairs,
    text,
)

FORMAT_JSON = "pretalx/frab schedule.json"
FORMAT_XML = "pretalx/frab schedule.xml"
_EXPORT = "export the schedule from pretalx or frab again (schedule.json)."


def read_json(data: Any, *, form: str = FORMAT_JSON) -> Program:
    """The program of a ``schedule.json`` (already parsed)."""
    root = mapping(data, "the file", None, "use pretalx's or frab's schedule.json export.")
    schedule = mapping(root.get("schedule"), "'schedule'", None, _EXPORT)
    conference = mapping(schedule.get("conference"), "'schedule.conference'", None, _EXPORT)
    zone_name = text(conference.get("time_zone_name"), "time_zone_name", "'conference'")
    zone = _zone(zone_name) if zone_name else None
    days = listing(conference.get("days"), "'conference.days'", None, _EXPORT)
    order = _room_order(conference.get("rooms"))
    program = Program(form, zone.key if zone else None)
    for day_number, day_value in enumerate(days, 1):
        day_where = f"day {day_number}"
        try:  # a day that cannot be read is skipped, and said; the other days are read
            day = mapping(day_value, "the day", day_where, _EXPORT)
            day_date = _day(day.get("date"), day_where)
            day_where += f" ({day_date.isoformat()})" if day_date else ""
            rooms = mapping(day.get("rooms", {}), "'rooms'", day_where,
                            "write the day's rooms as {\"Room name\": [events]}.")
        except Refused as refused:
            program.skip(refused, whole="the day")
            continue
        for room_key, events in pairs(rooms):
            room_where = f"{day_where}, room '{excerpt(str(room_key), 60)}'"
            try:
                listed = listing(events, "the room's events", room_where,
                                 "write each room's events as a list.")
            except Refused as refused:
                program.skip(refused, whole="the room")
                continue
            for number, event in enumerate(listed, 1):
                try:
                    program.sessions.append(_session(
                        event, number, str(room_key), day_date, zone, order, room_where))
                except Refused as refused:
                    program.skip(refused)
    return program


def _session(value: object, number: int, room_key: str, day: date | None, zone: Zone | None,
             order: dict[str, int], room_where: str) -> Session:
    where = f"{room_where}, event {number}"
    event = mapping(value, "the event", where, _EXPORT)
    title = text(event.get("title"), "title", where)
    where += label(title)
    if title is None:
        raise Refused("has no 'title'.", "give the session a title in pretalx or frab, "
                      "then export again.", where)
    start = _start(event, day, zone, where)
    length = event.get("duration")
    if length is None:
        raise Refused("has no 'duration'.", "schedule the session with its length "
                      "(HH:MM), then export again.", where)
    end = start + duration(length, "duration", where)
    room = text(event.get("room"), "room", where) or text(room_key, "room", where)
    return Session(
        title=title, start=start, end=end if end > start else None, room=room,
        room_order=order.setdefault(room or "", len(order)),
        kind=text(event.get("type"), "type", where),
        speakers=_persons(event.get("persons"), where),
        abstract=text(event.get("abstract"), "abstract", where)
        or text(event.get("description"), "description", where),
        url=text(event.get("url"), "url", where), where=where)


def _start(event: Mapping[str, Any], day: date | None, zone: Zone | None,
           where: str) -> datetime:
    """The event's instant: its ``date`` (with offset), else its day and ``start`` in the
    file's zone."""
    if event.get("date") is not None:
        found = moment(event["date"], "date", where)
        if found.tzinfo is not None:
            return found
        if zone is None:
            raise Refused(
                f"'date' is {excerpt(str(event['date']))}, without a UTC offset, and the file "
                "has no 'time_zone_name'.",
                "export the file again from pretalx or frab (their dates carry an offset), or "
                "add \"time_zone_name\": \"Europe/Berlin\" (the event's zone) to 'conference'.",
                where)
        return _in_zone(found, zone, "date", where)
    clock = _clock(event.get("start"), where)
    if day is None:
        raise Refused("has no 'date', and its day has none either.",
                      "export the file again from pretalx or frab.", where)
    if zone is None:
        raise Refused("has only a 'start' time, and the file has no 'time_zone_name' to "
                      "place it in.", "export the file again from pretalx or frab, or add "
                      "\"time_zone_name\" to 'conference'.", where)
    return _in_zone(datetime.combine(day, clock), zone, "start", where)


def _in_zone(wall: datetime, zone: Zone, key: str, where: str) -> datetime:
    """The wall time ``wall`` of the file's zone; one its clocks skip is refused."""
    if skipped(wall, zone):
        raise Refused(f"'{key}' is {wall:%H:%M} on {wall.date().isoformat()}, a time that does "
                      f"not exist in {zone.label}: the clocks skip that hour.",
                      "correct the time in pretalx or frab, then export again.", where)
    return wall.replace(tzinfo=zone.tz, fold=0)


_CLOCK = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?")


def _clock(value: object, where: str) -> time:
    match = _CLOCK.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise Refused(f"'start' should be a time of day (09:30), not {brief(value)}.",
                      "write it as HH:MM, or export the file again.", where)
    return time(int(match.group(1)), int(match.group(2)))


def _day(value: object, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise Refused(f"'date' is {brief(value)}, which is not a day (YYYY-MM-DD).",
                      "export the file again.", where) from None


def _zone(name: str) -> Zone:
    try:
        return resolve_zone(name)
    except UnknownTimezone as exc:
        raise Refused(f"'time_zone_name' is '{excerpt(name)}', which is not a time zone.",
                      (exc.fix + " " if exc.fix else "") + "Write an IANA zone name "
                      "such as Europe/Berlin.", "'conference'") from None


def _room_order(rooms: object) -> dict[str, int]:
    """Rooms in the order the conference lists them (the order of tracks side by side)."""
    order: dict[str, int] = {}
    for room in rooms if isinstance(rooms, list) else []:
        name = room.get("name") if isinstance(room, dict) else None
        if isinstance(name, str) and name.strip():
            order.setdefault(name.strip(), len(order))
    return order


def _persons(value: object, where: str) -> tuple[str, ...]:
    """Speakers' names: frab's ``public_name``, pretalx's ``name`` (or ``public_name``)."""
    if value is None:
        return ()
    names = []
    for number, person in enumerate(listing(value, "'persons'", where, _EXPORT), 1):
        person_where = f"{where}, person {number}"
        if isinstance(person, str):
            found = text(person, "person", person_where)
        else:
            fields = mapping(person, "the person", person_where, _EXPORT)
            found = text(fields.get("public_name"), "public_name", person_where) \
                or text(fields.get("name"), "name", person_where) \
                or text(fields.get("full_public_name"), "full_public_name", person_where)
            if found is None:
                raise Refused("has no 'public_name' or 'name'.",
                              "give the speaker a public name, then export again.",
                              person_where)
        if found:
            names.append(" ".join(found.split()))
    return tuple(names)


# ---------------------------------------------------------------------------------------------
# schedule.xml
# ---------------------------------------------------------------------------------------------

_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.I)


def read_xml(source: str) -> Program:
    """The program of a ``schedule.xml`` (its text)."""
    declared = _DECLARATION.search(source)
    if declared:
        line = source.count("\n", 0, declared.start()) + 1
        raise Refused(
            f"declares a {declared.group(1).upper()} (line {line}), which a schedule never "
            "needs; it is not read, since entities can make an XML file expand without end or "
            "read other files.", "remove the <!DOCTYPE ...> or <!ENTITY ...> declaration, or "
            "export the schedule again.")
    try:
        root = ET.fromstring(source)
    except ET.ParseError as exc:
        line, column = exc.position
        raise Refused(f"is not well-formed XML (line {line}, column {column + 1}).",
                      "export the schedule again; if you edited it, check the tags "
                      "there.") from None
    if root.tag != "schedule":
        raise Refused(f"is XML whose root element is <{excerpt(root.tag)}>, not "
                      "<schedule>.", "use pretalx's or frab's schedule.xml export.")
    conference = root.find("conference")
    if conference is None:
        raise Refused("has no <conference> element.", _EXPORT)
    days = []
    for day in root.iter("day"):
        rooms: dict[str, list[dict[str, Any]]] = {}
        for number, room in enumerate(day.findall("room"), 1):
            name = (room.get("name") or "").strip() or f"room {number}"
            rooms.setdefault(name, []).extend(_event(event) for event in room.findall("event"))
        days.append({"date": day.get("date"), "rooms": rooms})
    zone = conference.findtext("time_zone_name")
    data = {"schedule": {"conference": {"time_zone_name": zone, "days": days}}}
    return read_json(data, form=FORMAT_XML)


_EVENT_FIELDS = ("date", "start", "duration", "room", "title", "type", "abstract",
                 "description", "url")


def _event(element: ET.Element) -> dict[str, Any]:
    event: dict[str, Any] = {}
    for name in _EVENT_FIELDS:
        child = element.find(name)
        if child is not None:
            event[name] = "".join(child.itertext())
    persons = element.find("persons")
    if persons is not None:
        event["persons"] = ["".join(p.itertext()) for p in persons.findall("person")]
    return event


def _is_json_schedule(data: Any) -> bool:
    return isinstance(data, dict) and "schedule" in data


READER_JSON = Format(FORMAT_JSON, "json",
                     "a pretalx or frab schedule (an object with 'schedule')",
                     "pretalx's or frab's schedule.json or schedule.xml", _is_json_schedule,
                     read_json)
READER_XML = Format(FORMAT_XML, "xml", "a pretalx or frab schedule.xml",
                    "pretalx's or frab's schedule.xml", lambda text: True, read_xml)
