"""Days and times as pages show them, and as clocks on the wall read them.

- Formats, in English whatever the machine's locale: ``April 8, 2024``, ``Saturday, May 11,
  2024``, ``May 16–18, 2024``, ``14:30`` or ``2:30 PM``, ``UTC+02:00``; and ISO 8601 for
  ``<time datetime>``.
- :func:`local_time`: the instant a wall-clock time names in a zone, and why it is doubtful
  when the clocks change for daylight saving time.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from .timezones import Zone


class TimeDoubt(str):
    """Why a time on the wall is doubtful (see :func:`local_time`): a warning's message."""


def skipped(wall: datetime, zone: Zone) -> bool:
    """Whether the clocks of ``zone`` never show ``wall`` (naive): it falls in the hour they
    skip when daylight saving time begins."""
    first = wall.replace(tzinfo=zone.tz, fold=0)
    return first.astimezone(timezone.utc).astimezone(zone.tz).replace(tzinfo=None) != wall


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


# ---------------------------------------------------------------------------------------------
# Formats
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
    """ISO 8601 with the offset, as a ``<time datetime>`` attribute wants it. HTML offsets
    are hours and minutes: a zone whose offset has seconds (the local mean time of old zone
    data: Africa/Monrovia until 1972) is written in UTC, which browsers read too."""
    offset = moment.utcoffset()
    if offset is not None and offset % timedelta(minutes=1):
        moment = moment.astimezone(timezone.utc)
    return moment.isoformat(timespec="seconds" if moment.second else "minutes")
