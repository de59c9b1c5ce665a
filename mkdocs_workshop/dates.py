"""Important dates: when each one passes, the checks organizers need, and past/next marking.

A date without a time is a deadline that lasts the whole day in its zone: in Anywhere on Earth
(UTC-12, the default) ``2024-04-08`` passes at ``2024-04-08T23:59:59-12:00``. A period passes
when its last day does. Ordering and "after the workshop" checks compare calendar days.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timezone

from .models import DateEntry, WorkshopInfo
from .problems import Problems
from .timezones import Zone

END_OF_DAY = time(23, 59, 59)

# A dates entry that is the workshop itself ("Workshop Date", "Workshop day", "Workshop").
_WORKSHOP_LABEL = re.compile(r"^\s*(the\s+)?workshop(\s+(date|dates|day|days))?\s*:?\s*$", re.I)


@dataclass(frozen=True)
class DateItem:
    """One validated entry of ``dates:``, placed in time."""

    index: int  # 1-based position in the list
    what: str
    zone: Zone
    start: datetime | None  # for a period: when it opens
    closes: datetime  # when the entry has passed
    first_day: date
    last_day: date
    has_time: bool  # a time of day was written (not a whole-day deadline)

    @property
    def is_period(self) -> bool:
        return self.start is not None


def _instant(value: date, zone: Zone, *, end_of_day: bool) -> tuple[datetime, bool, str | None]:
    """An aware datetime for a date or datetime (whole days open at 00:00, close at
    23:59:59), whether a time was written, and why that time is doubtful, if it is."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return value, True, None
        moment, doubt = local_time(value, zone)
        return moment, True, doubt
    wall = datetime.combine(value, END_OF_DAY if end_of_day else time(0))
    return local_time(wall, zone)[0], False, None  # a day's edge in a gap: the nearest instant


class TimeDoubt(str):
    """Why a time on the wall is doubtful (see :func:`local_time`): a warning's message."""


def local_time(wall: datetime, zone: Zone) -> tuple[datetime, str | None]:
    """The instant a clock on the wall in ``zone`` shows as ``wall`` (naive), and, when a
    change to or from daylight saving time makes it doubtful, a sentence naming both readings.

    A time in the hour the clocks skip does not exist: it is moved forward by the skipped
    length (02:30 becomes 03:30), as calendars do. A time in the hour the clocks repeat happens
    twice: the first (daylight saving) one is used.
    """
    first = wall.replace(tzinfo=zone.tz, fold=0)
    second = wall.replace(tzinfo=zone.tz, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first, None
    readings = [first.astimezone(timezone.utc), second.astimezone(timezone.utc)]
    shown = f"{wall:%H:%M} on {wall.date().isoformat()}"
    normal = readings[0].astimezone(zone.tz)
    if normal.replace(tzinfo=None) != wall:  # skipped: the clocks jump over it
        other = readings[1].astimezone(zone.tz)
        return normal, TimeDoubt(
            f"{shown} does not exist in {zone.label}: the clocks skip it. It could mean "
            f"{normal:%H:%M} {format_offset(normal)} ({readings[0]:%H:%M} UTC) or "
            f"{other:%H:%M} {format_offset(other)} ({readings[1]:%H:%M} UTC); it is shown as "
            f"{normal:%H:%M}.")
    return first, TimeDoubt(
        f"{shown} happens twice in {zone.label}, when the clocks go back: at "
        f"{format_offset(first)} ({readings[0]:%H:%M} UTC) or at {format_offset(second)} "
        f"({readings[1]:%H:%M} UTC); the first is used.")


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def place(index: int, entry: DateEntry, zone: Zone,
          problems: Problems | None = None) -> DateItem:
    """Place a validated entry in time; ``zone`` is the entry's own or the page default.
    A time that daylight saving time makes doubtful is reported to ``problems``."""
    zone = entry.timezone or zone

    def instant(field: str, value: date, end_of_day: bool) -> tuple[datetime, bool]:
        moment, has_time, doubt = _instant(value, zone, end_of_day=end_of_day)
        if doubt and problems is not None:
            problems.warn(doubt, key="dates", entry=index, label=entry.what, field=field,
                          fix="write the time with its offset (2024-03-31 03:30+02:00), or "
                          "a time outside the change.")
        return moment, has_time

    if entry.when is not None:
        closes, has_time = instant("when", entry.when, True)
        return DateItem(index, entry.what, zone, None, closes, _day(entry.when),
                        _day(entry.when), has_time)
    assert entry.start is not None and entry.end is not None  # DateEntry guarantees the form
    start, start_has_time = instant("start", entry.start, False)
    closes, end_has_time = instant("end", entry.end, True)
    return DateItem(index, entry.what, zone, start, closes, _day(entry.start), _day(entry.end),
                    start_has_time or end_has_time)


def is_workshop_label(what: str) -> bool:
    return bool(_WORKSHOP_LABEL.match(what))


def workshop_last_day(items: Sequence[DateItem], workshop: WorkshopInfo | None) -> date | None:
    """The workshop's last day: from the ``workshop:`` block, else a "Workshop Date" entry."""
    if workshop is not None and workshop.last_day is not None:
        return workshop.last_day
    for item in items:
        if is_workshop_label(item.what):
            return item.last_day
    return None


def check(items: Sequence[DateItem], workshop: WorkshopInfo | None, problems: Problems) -> None:
    """Warn about the slips organizers make: a list out of order, a date after the workshop."""
    last_day = workshop_last_day(items, workshop)
    source = "the 'workshop:' block" if workshop and workshop.last_day else "the workshop entry"
    for item in items:
        if last_day is not None and not is_workshop_label(item.what) and item.first_day > last_day:
            problems.warn(
                f"{_show(item)} is after the workshop ({last_day.isoformat()}, from {source}).",
                key="dates", entry=item.index, label=item.what,
                fix="check the month and the year of this date.",
            )
    for previous, item in itertools.pairwise(items):
        if item.first_day < previous.first_day:
            problems.warn(
                f"{_show(item)} is listed after '{previous.what}' ({_show(previous)}) "
                "but comes before it.",
                key="dates", entry=item.index, label=item.what,
                fix="list the dates in the order they happen, or correct the date.",
            )


def _show(item: DateItem) -> str:
    if item.first_day == item.last_day:
        return item.first_day.isoformat()
    return f"{item.first_day.isoformat()} to {item.last_day.isoformat()}"


def next_index(items: Sequence[DateItem], now: datetime) -> int | None:
    """The index of the entry that passes soonest after ``now``, if any is still to come."""
    upcoming = [item for item in items if item.closes > now]
    if not upcoming:
        return None
    return min(upcoming, key=lambda item: (item.closes, item.index)).index


# ---------------------------------------------------------------------------------------------
# Display
# ---------------------------------------------------------------------------------------------

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def format_weekday(day: date) -> str:
    """``Saturday, May 11, 2024``."""
    return f"{_WEEKDAYS[day.weekday()]}, {format_day(day)}"


def format_offset(moment: datetime) -> str:
    """``UTC+02:00``, ``UTC\u221212:00`` (with a real minus sign)."""
    offset = moment.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "\u2212"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def format_day(day: date) -> str:
    """``April 8, 2024`` (English, independent of the machine's locale)."""
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def range_parts(first: date, last: date) -> tuple[str, str, str]:
    """A period as (first part, separator, last part): ``May 16``, ``–``, ``18, 2024``."""
    if first.year != last.year:
        return format_day(first), " \u2013 ", format_day(last)
    if first.month != last.month:
        return (f"{_MONTHS[first.month - 1]} {first.day}", " \u2013 ",
                f"{_MONTHS[last.month - 1]} {last.day}, {last.year}")
    return f"{_MONTHS[first.month - 1]} {first.day}", "\u2013", f"{last.day}, {last.year}"


def format_range(first: date, last: date) -> str:
    """``May 16–18, 2024``, ``May 30 – June 2, 2024``, ``December 30, 2024 – January 2, 2025``."""
    if first == last:
        return format_day(first)
    return "".join(range_parts(first, last))


def format_time(moment: datetime, clock: str = "24h") -> str:
    """``14:30``, or ``2:30 PM`` with the 12-hour clock."""
    if clock == "12h":
        hour = moment.hour % 12 or 12
        return f"{hour}:{moment:%M} {'AM' if moment.hour < 12 else 'PM'}"
    return f"{moment:%H:%M}"


def iso(moment: datetime) -> str:
    """ISO 8601 with the offset, as a ``<time datetime>`` attribute wants it."""
    return moment.isoformat(timespec="seconds" if moment.second else "minutes")
