"""Important dates: ``dates:`` in front matter, ``<< dates() >>``, and their calendar file.

```yaml
dates_timezone: AoE                      # the default: Anywhere on Earth
dates:
  - Paper Submission Deadline: 2024-05-16
  - what: Review Bidding Period
    start: 2024-05-20
    end: 2024-05-22
  - what: Camera-ready
    when: 2024-06-30 17:00
    timezone: Europe/Vienna
  - what: Paper Submission Deadline
    when: 2024-05-16
    extended: 2024-05-23                 # the new date counts; the old one is shown struck
  - what: Acceptance Notification
    when: 2024-06-14
    tentative: true                      # not yet confirmed: shown marked "tentative"
  - what: Camera-ready
    when_text: Late June                 # not known to the day: shown as written
```

A date without a time is a deadline that lasts the whole day in its zone: in Anywhere on Earth
(UTC-12, the default) ``2024-04-08`` passes at ``2024-04-08T23:59:59-12:00``. A period passes
when its last day does. Ordering and "after the workshop" checks compare calendar days.

An entry that is the workshop itself ("Workshop Date") is no deadline: in the calendar file it
is the workshop's day(s), all day (or its hours, when times are written), in the workshop's
zone (``workshop.timezone``), which is also the zone its times are read in.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from pydantic import model_validator

from ..core import calendar as ics
from ..core.entries import EntryKind, read_entries
from ..core.fields import (
    WHEN_PATTERN,
    FieldIssue,
    Model,
    RequiredText,
    Text,
    When,
    ZoneName,
    day_of,
    field_names,
    to_when,
    to_zone,
)
from ..core.jsonschema import closed
from ..core.problems import Problems, brief
from ..core.times import format_day, format_range, format_time, iso, local_time, range_parts
from ..core.timezones import Zone
from .base import Feature, Macro, Part, Reading, Rendering
from .workshop import WorkshopInfo
from .workshop import of as workshop_of

END_OF_DAY = time(23, 59, 59)

# A dates entry that is the workshop itself ("Workshop Date", "Workshop day", "Workshop").
_WORKSHOP_LABEL = re.compile(r"^\s*(the\s+)?workshop(\s+(date|dates|day|days))?\s*:?\s*$", re.I)

# ---------------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------------


class DateEntry(Model):
    """One important date: a deadline (``when``) or a period (``start`` and ``end``)."""

    what: RequiredText
    when: When = None
    start: When = None
    end: When = None
    timezone: ZoneName = None
    extended: When = None  # a deadline moved later: the new date or date and time
    tentative: bool = False  # not confirmed yet (a date carried from the last edition)
    when_text: Text = None  # a day not known yet, as words: "TBA", "Late October 2026"

    @model_validator(mode="after")
    def _one_form(self) -> DateEntry:
        if self.when_text is not None:
            dated = [f for f in ("when", "start", "end", "extended")
                     if getattr(self, f) is not None]
            if dated:
                raise FieldIssue(
                    f"has both 'when_text' and '{dated[0]}'.",
                    f"keep '{dated[0]}' once the day is known, and drop 'when_text'.",
                )
            return self
        if self.when is not None and (self.start is not None or self.end is not None):
            raise FieldIssue(
                "has both 'when' and 'start'/'end'.",
                "keep 'when' for a single date, or 'start' and 'end' for a period.",
            )
        if self.when is None and self.start is None and self.end is None:
            raise FieldIssue(
                "has no date.", "add 'when: YYYY-MM-DD', or 'start:' and 'end:' for a period "
                "('when_text: TBA' while the day is not known)."
            )
        if (self.start is None) != (self.end is None):
            given, missing = ("start", "end") if self.start is not None else ("end", "start")
            raise FieldIssue(
                f"has '{given}' but no '{missing}'.",
                f"add '{missing}:', or use 'when:' for a single date.",
            )
        if self.start is not None and self.end is not None and \
                day_of(self.end) < day_of(self.start):
            raise FieldIssue(
                f"ends ({day_of(self.end).isoformat()}) before it starts "
                f"({day_of(self.start).isoformat()}).",
                "swap 'start' and 'end', or correct the month.",
            )
        if self.extended is not None:
            if self.when is None:
                raise FieldIssue(
                    "has 'extended' but no 'when': only a deadline is extended.",
                    "write the original deadline as 'when:', or change the period's 'end:'.",
                )
            if _moment_key(self.extended) <= _moment_key(self.when):
                raise FieldIssue(
                    f"is extended to {_written(self.extended)}, which is not after "
                    f"{_written(self.when)}.",
                    "write the original deadline in 'when:' and the later, new one in "
                    "'extended:'.",
                )
        return self


def _moment_key(value: date) -> tuple[date, time]:
    """Where a date or a date and time falls in its day (a date alone: at its end)."""
    if isinstance(value, datetime):
        return value.date(), value.time().replace(tzinfo=None)
    return value, END_OF_DAY


def _written(value: date) -> str:
    return value.isoformat(sep=" ", timespec="minutes") if isinstance(value, datetime) \
        else value.isoformat()


DATE_FIELDS = field_names(DateEntry)


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
    # An extended deadline: when it passed as first written, its day and whether it had a time.
    # ``closes``, ``first_day``, ``last_day`` and ``has_time`` are the extension's.
    was_closes: datetime | None = None
    was_day: date | None = None
    was_has_time: bool = False
    tentative: bool = False  # not confirmed yet

    @property
    def extended(self) -> bool:
        return self.was_closes is not None

    @property
    def is_period(self) -> bool:
        return self.start is not None


@dataclass(frozen=True)
class PendingDate:
    """An entry of ``dates:`` whose day is not known yet: its words (``when_text``)."""

    index: int  # 1-based position in the list
    what: str
    text: str
    tentative: bool = False


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------


def _date_mapping(item: object) -> dict[str, Any] | None:
    """``{Label: 2024-04-08}`` and ``{Label: {start:.., end:..}}`` as ``{what: Label, ...}``."""
    if not isinstance(item, dict) or not item:
        return None
    if "what" in item or any(str(k) in DATE_FIELDS for k in item):
        return {str(k): v for k, v in item.items()}
    if len(item) != 1:
        return None
    ((label, value),) = item.items()
    if isinstance(value, dict):
        return {"what": label, **{str(k): v for k, v in value.items()}}
    return {"what": label, "when": value}


def _date_first(entry: Mapping[str, Any]) -> bool:
    """``- 2022-02-28: Submission Date``: YAML reads the date as the label."""
    if set(entry) != {"what", "when"} or not isinstance(entry["when"], str):
        return False
    what = entry["what"]
    if isinstance(what, (date, datetime)):
        return True
    try:
        return isinstance(what, str) and to_when(what) is not None
    except FieldIssue:
        return False


DATES = EntryKind(
    key="dates", noun="a date", model=DateEntry, fields=DATE_FIELDS, label="what",
    not_list=lambda value: (
        "should be a list of dates.",
        "write each date as '- Paper Submission Deadline: 2024-05-16' on its own line."),
    not_entry=lambda item: (
        f"is {'the text ' if isinstance(item, str) else ''}{brief(item)}, not a date.",
        "write '- Label: YYYY-MM-DD', or 'what:' with 'when:' (or 'start:'/'end:')."),
    shorthand=_date_mapping,
)


def read_dates(meta: Mapping[str, Any], problems: Problems, zone: Zone,
               workshop: WorkshopInfo | None) -> list[DateItem] | None:
    """The page's dated entries, placed in time (None when ``dates:`` cannot be read)."""
    read = read_all_dates(meta, problems, zone, workshop)
    return None if read is None else read[0]


def read_all_dates(meta: Mapping[str, Any], problems: Problems, zone: Zone,
                   workshop: WorkshopInfo | None
                   ) -> tuple[list[DateItem], list[PendingDate]] | None:
    """The page's dated entries, placed in time, and those whose day is not known yet."""
    value = meta.get("dates")
    if value is None:
        return None

    def written_date_first(index: int, entry: dict[str, Any], label: str | None) -> bool:
        if _date_first(entry):
            problems.error(
                f"is written date first ('{entry['what']}: {entry['when']}').", key="dates",
                entry=index, fix=f"write the label first: '- {entry['when']}: {entry['what']}'.",
            )
            return False
        return True

    read = read_entries(value, DATES, problems, check=written_date_first)
    if read is None:
        return None
    entries = list(read)  # read twice below
    event_zone = workshop.timezone if workshop is not None else None
    pending = [PendingDate(entry.index, entry.value.what, entry.value.when_text,
                           entry.value.tentative)
               for entry in entries if entry.value.when_text is not None]
    items = [place(entry.index, entry.value,
                   event_zone if event_zone and is_workshop_label(entry.value.what) else zone,
                   problems) for entry in entries if entry.value.when_text is None]
    check(items, workshop, problems)
    return items, pending


def read_zone(meta: Mapping[str, Any], problems: Problems, default: Zone) -> Zone:
    if meta.get("dates_timezone") is None:
        return default
    try:
        zone = to_zone(meta["dates_timezone"])
    except FieldIssue as issue:
        problems.error(issue.message, key="dates_timezone", fix=issue.fix)
        return default
    return zone or default


# What the feature reads of a page: its dates (None when dates: cannot be read), and the zone
# of those without their own.
ITEMS: Part[list[DateItem] | None] = Part("dates", None)
PENDING: Part[list[PendingDate]] = Part("dates_pending", [])
ZONE: Part[Zone | None] = Part("dates_zone", None)


def _read(reading: Reading) -> dict[str, Any]:
    zone = read_zone(reading.meta, reading.problems, reading.default_zone)
    read = read_all_dates(reading.meta, reading.problems, zone, workshop_of(reading.parts))
    return {ITEMS.name: None if read is None else read[0],
            PENDING.name: [] if read is None else read[1], ZONE.name: zone}


# ---------------------------------------------------------------------------------------------
# Placing dates in time, and the checks
# ---------------------------------------------------------------------------------------------


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
        if entry.extended is not None:
            new, new_has_time = instant("extended", entry.extended, True)
            return DateItem(index, entry.what, zone, None, new, day_of(entry.extended),
                            day_of(entry.extended), new_has_time, closes, day_of(entry.when),
                            has_time, tentative=entry.tentative)
        return DateItem(index, entry.what, zone, None, closes, day_of(entry.when),
                        day_of(entry.when), has_time, tentative=entry.tentative)
    assert entry.start is not None and entry.end is not None  # DateEntry guarantees the form
    start, start_has_time = instant("start", entry.start, False)
    closes, end_has_time = instant("end", entry.end, True)
    return DateItem(index, entry.what, zone, start, closes, day_of(entry.start),
                    day_of(entry.end), start_has_time or end_has_time,
                    tentative=entry.tentative)


# Steps that come after a workshop by their nature: the camera-ready version of papers
# revised after the discussion there, post-proceedings, a journal's special issue.
_AFTER_THE_WORKSHOP = re.compile(
    r"camera|proceedings|final (?:paper|version|manuscript|submission)|post[- ]?workshop|"
    r"revised|extended version|journal|special issue", re.I)
_AFTER_DAYS = 366  # one more than a year after it is a slip all the same


def _after_by_nature(item: DateItem, last_day: date) -> bool:
    """Whether a date after the workshop names a step that comes after it, within a year."""
    return bool(_AFTER_THE_WORKSHOP.search(item.what)) and \
        (item.first_day - last_day).days <= _AFTER_DAYS


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
        if last_day is not None and not is_workshop_label(item.what) and \
                item.first_day > last_day and not _after_by_nature(item, last_day):
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
# dates()
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DateView:
    what: str
    start_iso: str | None  # a period's first moment
    start_text: str | None
    separator: str  # between a period's first and last day
    closes_iso: str
    closes_text: str
    zone_label: str | None  # set when the entry's zone differs from the page's
    past: bool
    next: bool
    was_iso: str | None = None  # an extended deadline: the date first written
    was_text: str | None = None
    day_text: str = ""  # the day it passes, as a countdown far ahead names it
    aoe: bool = False  # in Anywhere on Earth: the script adds the visitor's own time
    tentative: bool = False  # not confirmed yet: marked "tentative"
    pending: bool = False  # no day yet: closes_text is its words, and nothing is timed


def _pending_view(item: PendingDate) -> DateView:
    return DateView(what=item.what, start_iso=None, start_text=None, separator="",
                    closes_iso="", closes_text=item.text, zone_label=None, past=False,
                    next=False, tentative=item.tentative, pending=True)


def _when_text(day: date, moment: datetime, has_time: bool) -> str:
    return f"{format_day(day)}, {format_time(moment)}" if has_time else format_day(day)


def date_views(items: Sequence[DateItem], zone: Zone, now: datetime) -> list[DateView]:
    upcoming = next_index(items, now)
    views: list[DateView] = []
    for item in items:
        start_text: str | None = None
        separator = ""
        end_text = format_day(item.last_day)
        if item.is_period and item.first_day != item.last_day:
            start_text, separator, end_text = range_parts(item.first_day, item.last_day)
        elif item.is_period and item.has_time:  # one day, from a time to a time
            start_text, separator = format_day(item.first_day), " \u2013 "
        if item.has_time:
            if item.start is not None and start_text is not None:
                start_text += f", {format_time(item.start)}"
            if start_text is not None and item.first_day == item.last_day:
                end_text = format_time(item.closes)
            else:
                end_text += f", {format_time(item.closes)}"
        views.append(DateView(
            what=item.what,
            start_iso=iso(item.start) if item.start is not None else None,
            start_text=start_text,
            separator=separator,
            closes_iso=iso(item.closes),
            closes_text=end_text,
            zone_label=item.zone.label if item.zone.key != zone.key else None,
            past=item.closes <= now,
            next=item.index == upcoming,
            was_iso=iso(item.was_closes) if item.was_closes is not None else None,
            was_text=(_when_text(item.was_day, item.was_closes, item.was_has_time)
                      if item.was_closes is not None and item.was_day is not None else None),
            day_text=format_day(item.last_day),
            aoe=item.zone.is_aoe,
            tentative=item.tentative,
        ))
    return views


def held_line(workshop: WorkshopInfo | None) -> str | None:
    """"Held on July 16, 2024 in Vienna, Austria.": the workshop, once every date has passed."""
    if workshop is None or workshop.first_day is None or workshop.last_day is None:
        return None
    if workshop.first_day == workshop.last_day:
        line = f"Held on {format_day(workshop.first_day)}"
    else:
        line = f"Held {format_range(workshop.first_day, workshop.last_day)}"
    if workshop.place:  # not "in To be announced"
        line += f" in {workshop.place}"
    return line + "."


def dates(r: Rendering) -> str:
    """The page's important dates, with past ones marked and the next one highlighted."""
    items = r.read.get(ITEMS)
    if items is None:  # the key is there but unreadable: reported when the page was read
        return ""
    zone = r.read.get(ZONE) or r.default_zone
    dated = date_views(items, zone, r.now)
    pending = r.read.get(PENDING) or []
    # every entry where it is written: the dated ones and those whose day is not known yet
    order = sorted([(item.index, view) for item, view in zip(items, dated, strict=True)]
                   + [(item.index, _pending_view(item)) for item in pending],
                   key=lambda pair: pair[0])
    views = [view for _index, view in order]
    scope = r.read.src
    workshop = workshop_of(r.read.parts)
    calendar_url = r.calendar(
        "dates", lambda title, stamp: calendar(title, scope, items, stamp, workshop)
    ) if items else None
    return r.place("dates()", "dates", dates=views, zone=zone,
                   mixed=any(v.zone_label for v in views), calendar_url=calendar_url,
                   all_past=bool(views) and all(v.past for v in views),  # pending: not past
                   held=held_line(workshop) or "All these dates have passed.")


# ---------------------------------------------------------------------------------------------
# The calendar file
# ---------------------------------------------------------------------------------------------


def calendar(title: str, scope: str, items: Sequence[DateItem], stamp: datetime | None,
             workshop: WorkshopInfo | None = None) -> ics.Calendar:
    """One event per important date: a deadline at the moment it passes, a period from its
    first day to the end of its last, each with a reminder the day before. The workshop itself
    is its day(s), all day (or its hours), where it is held, with no reminder. An extended
    deadline keeps its event (the same UID) at its new moment, one SEQUENCE higher, so that
    calendars which imported the first file move it. A tentative date's event says so
    (STATUS:TENTATIVE)."""
    events = []
    location = workshop.location if workshop is not None else None
    for item in items:
        zone = "" if item.zone.key in ("UTC",) else f" {item.zone.key}"
        uid = ics.uid(scope, "date", item.index, item.what)
        summary, alarm = f"{item.what} ({title})", f"{item.what} tomorrow"
        if is_workshop_label(item.what):
            event = _workshop_event(uid, summary, item, workshop, location)
        elif item.start is not None:
            event = ics.Event(uid, summary, item.start, item.closes, alarm=alarm)
        else:
            when = "" if item.has_time else f", end of {format_day(item.last_day)}{zone}"
            was = ""
            if item.was_day is not None:
                was = f" Extended from {format_day(item.was_day)}."
            event = ics.Event(uid, summary, item.closes, item.closes,
                              description=f"{item.what}{when}.{was}", alarm=alarm,
                              sequence=1 if item.extended else 0)
        events.append(replace(event, tentative=True) if item.tentative else event)
    return ics.Calendar(f"{title}: important dates", tuple(events), stamp)


def _workshop_event(uid: str, summary: str, item: DateItem, workshop: WorkshopInfo | None,
                    location: str | None) -> ics.Event:
    """The workshop's own entry: its hours when they are written, else its day(s) all day
    (the ``workshop:`` block's days when it has them)."""
    if item.has_time and item.start is not None:
        return ics.Event(uid, summary, item.start, item.closes, location=location)
    first, last = item.first_day, item.last_day
    if workshop is not None and workshop.first_day and workshop.last_day:
        first, last = workshop.first_day, workshop.last_day
    return ics.Event(uid, summary, first, last + timedelta(days=1), location=location)


# ---------------------------------------------------------------------------------------------
# The editor schema
# ---------------------------------------------------------------------------------------------


def _schema() -> tuple[dict[str, Any], dict[str, Any]]:

    shorthand = {
        "type": "object", "minProperties": 1, "maxProperties": 1,
        "description": "- Label: YYYY-MM-DD",
        "additionalProperties": {"type": "string", "pattern": WHEN_PATTERN},
    }
    return ({"dates": {"type": "array", "items": {"anyOf": [
                {"$ref": "#/$defs/DateEntry"}, shorthand]}},
             "dates_timezone": {"type": "string"}},
            {"DateEntry": closed(DateEntry)})


# ---------------------------------------------------------------------------------------------
# The next date, and the days of the workshop in words (the edition header and the series
# index show them)
# ---------------------------------------------------------------------------------------------

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Deadline:
    what: str
    closes_iso: str
    when_text: str  # "May 16, 2024 (AoE)"
    tentative: bool = False  # the date is not confirmed yet



def when_text(first: date, last: date) -> str:
    """``Tuesday, July 16, 2024``; ``Friday–Saturday, May 10–11, 2024``."""
    if first == last:
        return f"{_WEEKDAYS[first.weekday()]}, {format_range(first, last)}"
    days = f"{_WEEKDAYS[first.weekday()]}\u2013{_WEEKDAYS[last.weekday()]}"
    return f"{days}, {format_range(first, last)}"


def next_deadline(parts: Mapping[str, Any], default_zone: Any, now: datetime) -> Deadline | None:
    """The page's next date still to pass, as the dates list shows it."""
    items = ITEMS.of(parts) or []
    if not items:
        return None
    upcoming = next_index(items, now)
    if upcoming is None:
        return None
    zone = ZONE.of(parts) or default_zone
    views = date_views(items, zone, now)
    for item, view in zip(items, views, strict=True):
        if item.index == upcoming:
            text = (f"{view.start_text}{view.separator}" if view.start_text else "") \
                + view.closes_text
            shown = item.zone if view.zone_label else zone
            label = "AoE" if shown.is_aoe else shown.label
            return Deadline(item.what, iso(item.closes), f"{text} ({label})", item.tentative)
    return None


FEATURE = Feature("dates", keys=("dates", "dates_timezone"), read=_read, schema=_schema,
                  macros=(Macro("dates", dates, key="dates", call_text=lambda call: "dates()",
                                only_shown_by_call=False),))
