"""Calendar files (.ics) for an edition's important dates and its program.

Deadlines in Anywhere on Earth are written as UTC instants (``20240409T115959Z`` for the end
of April 8 at UTC-12): a calendar shows each visitor the deadline in their own time. A fixed
offset has no time zone definition that calendars agree on, so UTC is the faithful form.
Times in a named zone (the program in ``Europe/Vienna``) keep the zone, with its VTIMEZONE.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import icalendar

from .dates import DateItem, format_day
from .schedule import Schedule

PRODID = "-//mkdocs-workshop//calendar//EN"


def _moment(value: datetime) -> datetime:
    """Keep IANA zones (written with TZID); turn fixed offsets (AoE) into UTC."""
    if isinstance(value.tzinfo, ZoneInfo):
        return value
    return value.astimezone(timezone.utc)


def _calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", one_line(name))
    return calendar


def one_line(text: str) -> str:
    """A title written on several lines (``title: |``) as the one line a calendar shows."""
    return " ".join(text.split())


def _uid(scope: str, *parts: object) -> str:
    digest = hashlib.sha256("|".join(str(p) for p in (scope, *parts)).encode()).hexdigest()
    return f"{digest[:24]}@mkdocs-workshop"


def dates_calendar(title: str, scope: str, items: Sequence[DateItem],
                   stamp: datetime) -> bytes:
    """One event per important date: a deadline at the moment it passes, a period from its
    first day to the end of its last, each with a reminder the day before."""
    calendar = _calendar(f"{title}: important dates")
    for item in items:
        event = icalendar.Event()
        event.add("uid", _uid(scope, "date", item.index, item.what))
        event.add("dtstamp", stamp.astimezone(timezone.utc))
        zone = "" if item.zone.key in ("UTC",) else f" {item.zone.key}"
        if item.start is not None:
            event.add("summary", one_line(f"{item.what} ({title})"))
            event.add("dtstart", _moment(item.start))
            event.add("dtend", _moment(item.closes))
        else:
            when = "" if item.has_time else f", end of {format_day(item.last_day)}{zone}"
            event.add("summary", one_line(f"{item.what} ({title})"))
            event.add("dtstart", _moment(item.closes))
            event.add("dtend", _moment(item.closes))
            event.add("description", f"{item.what}{when}.")
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{item.what} tomorrow")
        alarm.add("trigger", timedelta(days=-1))
        event.add_component(alarm)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def schedule_calendar(title: str, scope: str, schedule: Schedule, stamp: datetime,
                      location: str | None) -> bytes:
    """One event per slot, in the event's time zone."""
    calendar = _calendar(f"{title}: program")
    for placed in schedule.slots:
        event = icalendar.Event()
        event.add("uid", _uid(scope, "slot", placed.index, placed.slot.title))
        event.add("dtstamp", stamp.astimezone(timezone.utc))
        event.add("summary", one_line(placed.slot.title))
        event.add("dtstart", _moment(placed.start))
        event.add("dtend", _moment(placed.end or placed.start))
        where = placed.slot.location or location
        if where:
            event.add("location", one_line(where))
        if placed.speakers:
            event.add("description", "With " + ", ".join(s.name for s in placed.speakers))
        if placed.kind:
            event.add("categories", [placed.kind])
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
