"""Calendar files (.ics) of a page: the important dates, the program.

A feature describes its calendar as plain data (:class:`Calendar`, :class:`Event`); this module
writes it as iCalendar. Deadlines in Anywhere on Earth are written as UTC instants
(``20240409T115959Z`` for the end of April 8 at UTC-12): a calendar shows each visitor the
deadline in their own time. A fixed offset has no time zone definition that calendars agree on,
so UTC is the faithful form. Times in a named zone (the program in ``Europe/Vienna``) keep the
zone, with its VTIMEZONE. A whole day (the workshop's own) is a date: an all-day event, the
same day wherever the calendar is. An event that changed (a deadline extended) keeps its UID
with a higher SEQUENCE.

A calendar's text depends only on its description, so each is made once and kept by its digest
(:class:`CalendarCache`): a build whose dates did not change neither imports icalendar nor makes
a calendar again.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ..core.calendar import Calendar, one_line

PRODID = "-//mkdocs-workshop//calendar//EN"


def _moment(value: datetime | date) -> datetime | date:
    """Keep IANA zones (written with TZID), whole days, and times of a program that names no
    zone (iCalendar's "floating" times: the same clock time wherever the calendar is; turning
    them into UTC would read them in the build machine's zone); turn fixed offsets (AoE) into
    UTC."""
    if not isinstance(value, datetime) or value.tzinfo is None or isinstance(
            value.tzinfo, ZoneInfo):
        return value
    return value.astimezone(timezone.utc)


def to_ics(calendar: Calendar) -> bytes:
    """The calendar as an .ics file."""
    import icalendar  # only when a calendar is made: importing it costs tens of milliseconds

    stamp = (calendar.stamp or datetime.now(timezone.utc)).astimezone(timezone.utc)
    made = icalendar.Calendar()
    made.add("prodid", PRODID)
    made.add("version", "2.0")
    made.add("calscale", "GREGORIAN")
    made.add("x-wr-calname", one_line(calendar.name))
    for item in calendar.events:
        event = icalendar.Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("summary", one_line(item.summary))
        event.add("dtstart", _moment(item.start))
        event.add("dtend", _moment(item.end))
        if item.sequence:
            event.add("sequence", item.sequence)
        if item.tentative:
            event.add("status", "TENTATIVE")
        if item.location:
            event.add("location", one_line(item.location))
        if item.description:
            event.add("description", item.description)
        if item.categories:
            event.add("categories", list(item.categories))
        if item.alarm:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", item.alarm)
            alarm.add("trigger", timedelta(days=-1))
            event.add_component(alarm)
        made.add_component(event)
    made.add_missing_timezones()
    return bytes(made.to_ical())


class CalendarCache:
    """Calendars made before, by digest: in memory for ``mkdocs serve``'s rebuilds, and in a
    folder (``calendars/`` of the image cache) across builds, if it can be written."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._memory: dict[str, bytes] = {}
        self.made = 0  # calendars made by icalendar in this build

    def get(self, calendar: Calendar) -> bytes:
        digest = calendar.digest()
        if digest in self._memory:
            return self._memory[digest]
        content = self._read(digest)
        if content is None:
            content = to_ics(calendar)
            self.made += 1
            self._write(digest, content)
        self._memory[digest] = content
        return content

    def _read(self, digest: str) -> bytes | None:
        if self.folder is None:
            return None
        try:
            content = (self.folder / f"{digest}.ics").read_bytes()
        except OSError:
            return None
        # A file cut short by a crash is made again: every calendar ends with this line.
        return content if content.endswith(b"END:VCALENDAR\r\n") else None

    def _write(self, digest: str, content: bytes) -> None:
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(content)
                os.replace(temporary, self.folder / f"{digest}.ics")
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
        except OSError:
            self.folder = None  # not writable: made in memory only, as before the cache


def write_calendars(wanted: Iterable[Any], cache: CalendarCache, site_dir: str,
                    stamp: datetime | None, title_of: Callable[[str], str]) -> int:
    """Write each calendar file a page's macros asked for (``Build.calendar_files``) into
    ``site_dir``, named after its page's title (``title_of(src)``); how many were written."""
    count = 0
    for item in wanted:
        content = cache.get(item.make(title_of(item.src), stamp))
        target = Path(site_dir) / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        count += 1
    return count
