"""The program: ``schedule:`` slots, placed in the edition's time zone and checked for slips.

```yaml
schedule:
  - start: "08:50"            # or 8:50 AM; `day:` or `start: 2024-05-11 08:50` for the day
    end: "09:00"              # or duration: 10 (minutes), "1h30"; or nothing: until the next slot
    title: Opening remarks
    kind: remarks
    speakers: [max-welling]   # roster names, directory ids or anyone's name
```

The checks catch what hand-typed programs get wrong: a slot that ends before it starts
("11:45 PM - 12:15 PM"), slots out of order and slots that overlap ("12:45 AM - 1:45 PM" in the
middle of the day), unless a slot is marked ``parallel``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Annotated, Any

from markupsafe import Markup
from pydantic import AliasChoices, BeforeValidator, Field, WithJsonSchema, model_validator

from ..core import calendar as ics
from ..core.anchors import slug
from ..core.entries import EntryKind, markdown_field, read_entries
from ..core.fields import (
    Day,
    FieldIssue,
    Link,
    Model,
    RequiredText,
    Text,
    check_year,
    field_names,
    to_text,
)
from ..core.intervals import first_overlaps
from ..core.jsonschema import closed
from ..core.problems import Budget, Problems, brief, did_you_mean
from ..core.times import format_day, format_offset, format_time, format_weekday, iso, local_time
from ..core.timezones import Zone
from .base import Directory, Feature, Macro, Part, Reading, Rendering, Waiting
from .team import Card, rosters
from .workshop import WorkshopInfo
from .workshop import of as workshop_of

KINDS = ("talk", "invited talk", "keynote", "contributed talk", "spotlight", "oral", "panel",
         "poster session", "break", "coffee break", "lunch", "remarks", "opening remarks",
         "closing remarks", "discussion", "tutorial", "award", "social", "other")

# Words other tools and sites use for a session's type (pretalx, frab, Sessionize, Jekyll
# sites), as the program's kinds. The kinds themselves
# (KINDS) are found as written, in any case, with '-' or '_' for spaces.
KIND_WORDS = {
    "lecture": "talk", "presentation": "talk", "session": "talk", "regular talk": "talk",
    "long talk": "talk", "paper": "talk", "lightning talk": "spotlight",
    "lightning talks": "spotlight", "lightning": "spotlight", "short talk": "spotlight",
    "invited": "invited talk", "invited speaker": "invited talk",
    "contributed": "contributed talk", "contributed paper": "contributed talk",
    "keynote talk": "keynote",
    "keynote speech": "keynote", "plenary": "keynote", "workshop": "tutorial",
    "hands-on": "tutorial", "hands on": "tutorial", "podium": "panel",
    "panel discussion": "panel", "poster": "poster session", "posters": "poster session",
    "meeting": "discussion", "q&a": "discussion", "birds of a feather": "discussion",
    "bof": "discussion", "coffee": "coffee break", "tea break": "coffee break",
    "opening": "opening remarks", "welcome": "opening remarks", "closing": "closing remarks",
    "awards": "award", "award ceremony": "award", "reception": "social",
    "networking": "social", "dinner": "social",
}


def _known(written: str | None) -> str | None:
    if not written:
        return None
    word = " ".join(written.lower().replace("_", " ").split())
    for candidate in (word, word.replace("-", " ")):
        if candidate in KINDS:
            return candidate
        if candidate in KIND_WORDS:
            return KIND_WORDS[candidate]
    return None


def kind_of(session_type: str | None, title: str) -> tuple[str | None, bool]:
    """The program's kind for a session, and whether its type was one the program knows. A
    session without a type, or of type "other", takes its kind from its title when the title
    is one ("Lunch", "Coffee break")."""
    typed = _known(session_type)
    if typed is not None and typed != "other":
        return typed, True
    titled = _known(title)
    if titled is not None:
        return titled, True
    if typed == "other":
        return "other", True
    if session_type:
        return "other", False
    return None, True


def written_slot(*, title: str, start: str, end: str | None = None,
                 duration: int | None = None, day: date | str | None = None,
                 kind: str | None = None, speakers: Sequence[str] = (), room: str | None = None,
                 parallel: bool = False, url: str | None = None,
                 abstract: str | None = None, talks: Sequence[str] = ()) -> dict[str, Any]:
    """A slot as an organizer writes it under ``schedule:``, fields in the one order every
    importer writes them (a program's export, a site's table, a data file): its day, its
    times, its title, kind, speakers, room, whether it runs in parallel, its link, its
    abstract and its talks. Fields without a value are left out."""
    slot: dict[str, Any] = {}
    if day is not None:
        slot["day"] = day
    slot["start"] = start
    if end is not None:
        slot["end"] = end
    elif duration is not None:
        slot["duration"] = duration
    slot["title"] = title
    for name, value in (("kind", kind), ("speakers", speakers or None), ("room", room),
                        ("parallel", parallel or None), ("url", url), ("abstract", abstract),
                        ("talks", list(talks) or None)):
        if value is not None:
            slot[name] = value
    return slot


# ---------------------------------------------------------------------------------------------
# Times as organizers write them
# ---------------------------------------------------------------------------------------------

_CLOCK = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?(?::(\d{2}))?\s*([ap])?\.?\s*m?\.?$", re.I)
# An offset written after a time: 08:50Z, 08:50+02:00, 8:50 AM -0700.
_OFFSET = re.compile(r"^(?P<time>.*?\d.*?)\s*(?P<offset>z|[+\-\u2212]\d{2}:?\d{2})$", re.I)
# The longest a slot can last (a week), and the furthest a time is from UTC (UTC-12 to +14).
MAX_MINUTES = 7 * 24 * 60


@dataclass(frozen=True)
class Clock:
    """A time of day, with the day and the UTC offset when they were written
    (``2024-05-11 08:50``, ``08:50+02:00``)."""

    time: time
    day: date | None = None
    offset: timedelta | None = None


def _clock_text(text: str) -> time:
    match = _CLOCK.match(text.strip().lower().replace(" ", ""))
    if not match:
        raise FieldIssue(f"'{text}' is not a time.", "write a time as HH:MM (14:30) or 2:30 PM.")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    second = int(match.group(3) or 0)
    half = match.group(4)
    if half:
        if not 1 <= hour <= 12:
            raise FieldIssue(f"'{text}' is not a time: with AM or PM the hour is 1 to 12.",
                             "write 12:30 PM for half past noon, or use 24-hour time.")
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise FieldIssue(f"'{text}' is not a time of day.", "write a time as HH:MM, 00:00-23:59.")
    return time(hour, minute, second)


def _offset_text(text: str) -> timedelta:
    if text.lower() == "z":
        return timedelta(0)
    sign = -1 if text[0] in "-\u2212" else 1
    digits = text[1:].replace(":", "")
    offset = sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    if not timedelta(hours=-12) <= offset <= timedelta(hours=14) or int(digits[2:]) > 59:
        raise FieldIssue(f"'{text}' is not a UTC offset.", "offsets go from -12:00 to +14:00.")
    return offset


def _clock_with_offset(text: str, day: date | None) -> Clock:
    written = _OFFSET.match(text)
    if written and written.group("offset"):
        return Clock(_clock_text(written.group("time")), day, _offset_text(written["offset"]))
    return Clock(_clock_text(text), day)


def to_clock(value: object) -> Clock | None:
    if value is None or isinstance(value, Clock):
        return value
    if isinstance(value, bool):
        raise FieldIssue("should be a time, not a true/false value.", "write HH:MM.")
    if isinstance(value, datetime):
        offset = value.utcoffset()
        return Clock(value.time().replace(tzinfo=None), check_year(value.date()), offset)
    if isinstance(value, time):
        return Clock(value.replace(tzinfo=None), None, value.utcoffset())
    if isinstance(value, int):
        if 0 <= value < 24 * 60:  # minutes after midnight (YAML 1.1 read 9:30 as 570)
            return Clock(time(value // 60, value % 60))
        raise FieldIssue(f"'{value}' is not a time.", "write a time as HH:MM, in quotes.")
    if isinstance(value, str) and value.strip():
        text = value.strip()
        stamp = re.match(r"^(\d{4}-\d{2}-\d{2})[T ](.+)$", text)
        if stamp:
            try:
                day = date.fromisoformat(stamp.group(1))
            except ValueError:
                raise FieldIssue(f"'{text}' has a day that does not exist.",
                                 "check the month and the day.") from None
            return _clock_with_offset(stamp.group(2), check_year(day))
        return _clock_with_offset(text, None)
    raise FieldIssue("should be a time such as 14:30.", "write HH:MM.")


_DURATION = re.compile(
    r"(?:(?P<h>\d+)\s*h(?:ours?|rs?)?)?\s*(?:(?P<m>\d+)\s*(?:m|mins?|minutes?)?)?", re.I)


def to_minutes(value: object) -> int | None:
    """A duration: 30 (minutes), "90 min", "1h", "1h30", "1 hour 30 minutes", "1:30",
    "1:30:00" (hours, minutes, seconds)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise FieldIssue("should be a duration in minutes.", "write minutes (30) or 1h30.")
    text = str(value).strip().lower()
    clock = re.fullmatch(r"(\d{1,3}):(\d{2})(?::(\d{2}))?", text)
    match = _DURATION.fullmatch(text) if len(text) < 40 else None
    if clock:
        if int(clock.group(2)) > 59 or int(clock.group(3) or 0) > 59:
            raise FieldIssue(f"'{value}' is not a duration.",
                             "write hours and minutes as H:MM (1:30), or minutes (90).")
        if int(clock.group(3) or 0):
            raise FieldIssue(f"'{value}' has seconds, which a program does not show.",
                             "write whole minutes: 1:30 or 90.")
        minutes = int(clock.group(1)) * 60 + int(clock.group(2))
    elif text and match and (match["h"] or match["m"]):
        minutes = int(match["h"] or 0) * 60 + int(match["m"] or 0)
    else:
        raise FieldIssue(f"'{value}' is not a duration.",
                         "write minutes (30), or hours and minutes (1h30).")
    if minutes <= 0:
        raise FieldIssue(f"'{value}' is not a positive duration.", "write the length in minutes.")
    if minutes > MAX_MINUTES:
        raise FieldIssue(f"'{value}' minutes is longer than a week.",
                         "write the length in minutes (90), or split the slot into days.")
    return minutes


def _texts(value: object, what: str, fix: str) -> list[str]:
    """One text, or a list of texts (``what``: what they are; ``fix``: how to write one)."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    texts = []
    for item in items:
        if isinstance(item, (dict, list)):
            kind = "mapping" if isinstance(item, dict) else "list"
            raise FieldIssue(f"should list {what}, not a {kind} ({brief(item)}).", fix)
        text = to_text(item)
        if text:
            texts.append(text)
    return texts


def to_names(value: object) -> list[str]:
    """Speakers: one name, or a list of names or ids."""
    return _texts(value, "names or ids", "write each speaker as a name or a people-directory id.")


def to_talks(value: object) -> list[str]:
    """The talks of a session: one line of text each."""
    return _texts(value, "lines of text", "write each talk as one line: '- Title, Speaker'.")


ClockTime = Annotated[Clock | None, BeforeValidator(to_clock), WithJsonSchema(
    {"type": ["string", "integer", "null"],
     "description": "HH:MM, H:MM AM/PM, or a date and time"})]
Minutes = Annotated[int | None, BeforeValidator(to_minutes), WithJsonSchema(
    {"type": ["integer", "string", "null"], "description": "Minutes (30), or 1h30"})]
Names = Annotated[list[str], BeforeValidator(to_names), WithJsonSchema(
    {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
     "description": "Names, or ids of the people directory"})]
Talks = Annotated[list[str], BeforeValidator(to_talks), WithJsonSchema(
    {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
     "description": "The talks of a session, one line each, shown under its title"})]


class Slot(Model):
    title: RequiredText
    start: ClockTime = Field(None, validation_alias=AliasChoices("start", "time"))
    end: ClockTime = None
    duration: Minutes = None
    day: Day = None
    kind: Text = None
    speakers: Names = Field(default_factory=list)
    parallel: bool = False
    # Where the slot happens; ``location:`` is the same field under its older name.
    room: Text = Field(None, validation_alias=AliasChoices("room", "location"))
    url: Link = None
    abstract: Text = None
    # A session's talks (papers, lightning talks), one line each, listed under its title.
    talks: Talks = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _one_room(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("room") is not None \
                and data.get("location") is not None and data["room"] != data["location"]:
            raise FieldIssue("has both 'room' and 'location', which name the same thing.",
                             "keep 'room:' and delete 'location:'.")
        return data

    @model_validator(mode="after")
    def _times(self) -> Slot:
        if self.start is None:
            raise FieldIssue("has no start time.", "add 'start: HH:MM'.")
        if self.end is not None and self.duration is not None:
            raise FieldIssue("has both 'end' and 'duration'.", "keep one of the two.")
        return self


SLOT_FIELDS = field_names(Slot)

SLOTS = EntryKind(
    key="schedule", noun="a slot", model=Slot, fields=SLOT_FIELDS, label="title",
    text_fields=("title", "room", "location", "abstract"),
    not_list=lambda value: ("should be a list of slots.",
                            "write each slot as '- start: HH:MM' with 'title:' below it."),
    not_entry=lambda item: (
        f"is {f'the text {brief(item)}' if isinstance(item, str) else brief(item)}, not a slot.",
        "write a slot as 'start:', 'end:' and 'title:' lines."),
)

# ---------------------------------------------------------------------------------------------
# Placing slots in time, and the checks
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Speaker:
    name: str
    href: str | None  # "#anchor" of their card on this page, or their own page


@dataclass(frozen=True)
class PlacedSlot:
    index: int
    slot: Slot
    day: date
    start: datetime
    end: datetime | None
    speakers: tuple[Speaker, ...]
    kind: str | None  # normalized
    abstract_html: Markup | None


@dataclass
class Schedule:
    zone: Zone | None
    slots: list[PlacedSlot] = field(default_factory=list)
    local: bool = False  # ``timezone: local``: local times of a zone the page does not name
    # No slot names its day and the workshop has no date yet (the conference gives the day
    # later): the times are shown under "Day to be announced", with no calendar file and no
    # Now/Next marks; the slots are placed, as wall-clock times, on ``UNDATED``.
    undated: bool = False


UNDATED = date(2001, 1, 1)  # a Monday with no daylight saving change anywhere near it


def _hhmm(moment: datetime | None) -> str:
    return f"{moment:%H:%M}" if moment else "?"


def _people_index(rosters: Mapping[str, Sequence[Card]]) -> dict[str, Card]:
    index: dict[str, Card] = {}
    for cards in rosters.values():
        for card in cards:
            for key in (card.person.name.lower(), card.anchor, slug(card.person.name),
                        card.person.id):
                if key:
                    index.setdefault(key.lower(), card)
    return index


class ScheduleReader:
    def __init__(self, problems: Problems, workshop: WorkshopInfo | None,
                 rosters: Mapping[str, Sequence[Card]], shown: Iterable[str],
                 directory: Directory, budget: Budget | None = None) -> None:
        self.problems = problems
        self.workshop = workshop
        self.budget = budget or Budget()
        self._names: list[str] | None = None  # everyone on the page, for "did you mean"
        shown = set(shown)
        # Cards the page shows can be linked to; other people on the page only by their url.
        self.cards = _people_index({k: v for k, v in rosters.items() if k in shown})
        self.people = _people_index(rosters)
        self.directory = directory

    def read(self, value: object) -> Schedule | None:
        problems = self.problems
        zone = self.workshop.timezone if self.workshop else None
        read = read_entries(value, SLOTS, problems)
        if read is None:
            return None
        entries = list(read)
        schedule = Schedule(zone)
        day = self.workshop.first_day if self.workshop else None
        if day is None and not any(e.value.day or (e.value.start and e.value.start.day)
                                   for e in entries):
            schedule.undated, day = True, UNDATED
            problems.note(
                "names no day, and the workshop block has no date: the times are shown under "
                "'Day to be announced', without a calendar file.", key="schedule",
                fix="add 'date:' to the workshop block when the day is known.")
        for entry in entries:
            slot = entry.value
            if slot.start is None:
                continue
            day = slot.day or slot.start.day or day
            if day is None:
                problems.error(
                    "has no day.", key="schedule", entry=entry.index, label=entry.label,
                    fix="add 'date:' to the workshop block, or 'day: YYYY-MM-DD' to the first "
                    "slot of each day.",
                )
                return None
            # an undated program is wall-clock times: no zone's offsets on a made-up day
            schedule.slots.append(self._place(entry.index, slot, day,
                                              None if schedule.undated else zone))
        self._infer_ends(schedule.slots)
        schedule.local = zone is None and bool(self.workshop and self.workshop.local_time)
        if zone is None and schedule.slots and not schedule.local:
            problems.warn(
                "has times but the page does not say in which time zone.", key="schedule",
                fix="add 'timezone:' to the workshop block, for example 'timezone: Europe/Vienna' "
                "('timezone: local' if it should stay unnamed).",
            )
        self._check(schedule.slots)
        return schedule

    def _place(self, index: int, slot: Slot, day: date, zone: Zone | None) -> PlacedSlot:
        assert slot.start is not None
        start = self._moment(index, slot, "start", day, slot.start, zone)
        end = None
        if slot.end is not None:
            end = self._moment(index, slot, "end", slot.end.day or day, slot.end, zone)
        elif slot.duration is not None:
            end = later(start, slot.duration)
        day = start.date()  # in the page's zone: an offset can move a time across midnight
        kind = None
        if slot.kind:
            kind = slot.kind.lower()
            if kind not in KINDS:
                close = did_you_mean(kind, KINDS)
                self.problems.warn(
                    f"'{slot.kind}' is not a kind of slot I know; it is shown as written.",
                    key="schedule", entry=index, label=slot.title, field="kind",
                    fix=(f"did you mean '{close}'? " if close else "")
                    + "Kinds: " + ", ".join(KINDS) + ".",
                )
        abstract = markdown_field(slot.abstract, self.problems, key="schedule", entry=index,
                                  label=slot.title, field="abstract", budget=self.budget)
        speakers = tuple(self._speaker(index, slot.title, name) for name in slot.speakers)
        return PlacedSlot(index, slot, day, start, end, speakers, kind, abstract)

    def _moment(self, index: int, slot: Slot, field: str, day: date, clock: Clock,
                zone: Zone | None) -> datetime:
        """The instant of a slot's start or end: in the page's zone, honouring an offset
        written with the time; doubtful times (daylight saving changes) reported."""
        wall = datetime.combine(day, clock.time)
        where: dict[str, Any] = {"key": "schedule", "entry": index, "label": slot.title,
                                 "field": field}
        if clock.offset is not None:
            written = wall.replace(tzinfo=timezone(clock.offset))
            shown = f"{clock.time:%H:%M} {format_offset(written)}"
            if zone is None:
                self.problems.warn(
                    f"{shown} has a UTC offset, but the page has no time zone to show it in; "
                    "it is shown as written.", **where,
                    fix="add 'timezone:' to the workshop block (Europe/Vienna, ...).")
                return wall
            moment = written.astimezone(zone.tz)
            if moment.utcoffset() != clock.offset:
                self.problems.warn(
                    f"{shown} is {moment:%H:%M} on {moment.date().isoformat()} in "
                    f"{zone.label}, the page's zone ({format_offset(moment)} then); it is "
                    f"shown as {moment:%H:%M}.", **where,
                    fix="write the time as the page's zone shows it, without an offset, or "
                    "correct the offset.")
            return moment
        if zone is None:
            return wall
        moment, doubt = local_time(wall, zone)
        if doubt:
            self.problems.warn(doubt, **where, fix="write the time with its offset "
                               "(03:30+02:00), or check the day of the change.")
        return moment

    def _speaker(self, index: int, title: str, name: str) -> Speaker:
        card = self.cards.get(name.lower()) or self.cards.get(slug(name))
        if card is not None:
            return Speaker(card.person.name, f"#{card.anchor}")
        card = self.people.get(name.lower()) or self.people.get(slug(name))
        if card is not None:
            return Speaker(card.person.name, card.person.url)
        person = self.directory.get(name)
        if person is not None:
            url = person.get("url")
            return Speaker(str(person.get("name", name)), url if isinstance(url, str) else None)
        if self._names is None:
            self._names = sorted({card.person.name for card in self.people.values()})
        real = did_you_mean(name, self._names, cutoff=0.8, budget=self.budget)
        if real is not None:
            self.problems.warn(
                f"'{name}' matches no one on the page; it is shown as plain text.",
                key="schedule", entry=index, label=title, field="speakers",
                fix=f"did you mean '{real}'?",
            )
        return Speaker(name, None)

    @staticmethod
    def _infer_ends(slots: list[PlacedSlot]) -> None:
        """A slot without end or duration lasts until the next slot of its day."""
        for i, placed in enumerate(slots):
            if placed.end is None and i + 1 < len(slots) and slots[i + 1].day == placed.day:
                following = slots[i + 1].start
                if _at(following) > _at(placed.start):
                    slots[i] = PlacedSlot(placed.index, placed.slot, placed.day, placed.start,
                                          following, placed.speakers, placed.kind,
                                          placed.abstract_html)

    def _check(self, slots: Sequence[PlacedSlot]) -> None:
        problems = self.problems
        workshop = self.workshop
        for placed in slots:
            if placed.end is not None and _at(placed.end) <= _at(placed.start):
                problems.warn(
                    f"ends ({_hhmm(placed.end)}) before it starts ({_hhmm(placed.start)}).",
                    key="schedule", entry=placed.index, label=placed.slot.title,
                    fix="check AM and PM, or the end time.",
                )
            if workshop and workshop.first_day and workshop.last_day and not (
                    workshop.first_day <= placed.day <= workshop.last_day):
                problems.warn(
                    f"is on {placed.day.isoformat()}, outside the workshop's days.",
                    key="schedule", entry=placed.index, label=placed.slot.title,
                    fix="check 'day:', or the workshop block's dates.",
                )
        for previous, placed in itertools.pairwise(slots):
            if _at(placed.start) < _at(previous.start):
                problems.warn(
                    f"starts at {_hhmm(placed.start)}, before '{previous.slot.title}' "
                    f"({_hhmm(previous.start)}) listed above it.",
                    key="schedule", entry=placed.index, label=placed.slot.title,
                    fix="list the slots in the order they happen, or check AM and PM.",
                )
        # One warning per slot that overlaps one listed before it, naming the first listed.
        timed = [(placed, span) for placed in slots
                 if not placed.slot.parallel and (span := _span(placed)) is not None]
        firsts = first_overlaps([span for _placed, span in timed])
        for (placed, _), first in zip(timed, firsts, strict=True):
            other = timed[first][0] if first is not None else None
            if other is not None and other.index < placed.index:
                problems.warn(
                    f"({_hhmm(placed.start)}\u2013{_hhmm(placed.end)}) overlaps "
                    f"'{other.slot.title}' ({_hhmm(other.start)}\u2013{_hhmm(other.end)}).",
                    key="schedule", entry=placed.index, label=placed.slot.title,
                    fix="correct the times, or mark slots that run at once 'parallel: true'.",
                )


def later(start: datetime, minutes: int) -> datetime:
    """``minutes`` after ``start`` as time passes (across a daylight saving change too)."""
    if start.tzinfo is None:
        return start + timedelta(minutes=minutes)
    return (start.astimezone(timezone.utc) + timedelta(minutes=minutes)).astimezone(start.tzinfo)


def _at(moment: datetime) -> datetime:
    """The instant, for comparing: Python compares two times of one zone by their wall clock,
    ignoring which of the two 02:30 of the night the clocks go back each one is."""
    return moment.astimezone(timezone.utc) if moment.tzinfo is not None else moment


def _span(slot: PlacedSlot) -> tuple[datetime, datetime] | None:
    """The slot's instants, or None without an end or when it ends before it starts (which
    is reported on its own)."""
    if slot.end is None:
        return None
    start, end = _at(slot.start), _at(slot.end)
    return (start, end) if start < end else None


def read_schedule(meta: Mapping[str, Any], problems: Problems, workshop: WorkshopInfo | None,
                  rosters: Mapping[str, Sequence[Card]], shown: Iterable[str],
                  directory: Directory, budget: Budget | None = None) -> Schedule | None:
    """The page's schedule; speakers link to cards of the rosters in ``shown``."""
    if meta.get("schedule") is None:
        return None
    return ScheduleReader(problems, workshop, rosters, shown, directory,
                          budget).read(meta["schedule"])


# What the feature reads of a page: its program (None without schedule:, or unreadable).
SCHEDULE: Part[Schedule | None] = Part("schedule", None)


def _read(reading: Reading) -> dict[str, Any]:
    return {SCHEDULE.name: read_schedule(reading.meta, reading.problems,
                                         workshop_of(reading.parts), rosters(reading.parts),
                                         reading.wanted("team"), reading.directory,
                                         reading.budget)}


# ---------------------------------------------------------------------------------------------
# schedule()
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SlotView:
    start_iso: str
    start_text: str
    end_iso: str | None
    end_text: str | None
    title: str
    kind: str | None  # as normalized: "contributed talk"
    kind_class: str  # for CSS: "contributed-talk"
    speakers: tuple[Speaker, ...]
    room: str | None
    url: str | None
    abstract_html: Markup | None
    parallel: bool
    talks: tuple[str, ...] = ()


@dataclass(frozen=True)
class RowView:
    """One row of the program: a slot, or slots that run at once (``parallel``, starting
    together), shown side by side as tracks."""

    slots: tuple[SlotView, ...]

    @property
    def first(self) -> SlotView:
        return self.slots[0]

    @property
    def parallel(self) -> bool:
        return len(self.slots) > 1

    @property
    def end_iso(self) -> str | None:
        """The row's last moment: the latest end of its slots (ISO strings of one zone and
        one form compare as the instants they name)."""
        ends = [s.end_iso for s in self.slots if s.end_iso]
        return max(ends) if ends else None

    def own_time(self, slot: SlotView) -> bool:
        """Whether a track shows its own times (they differ from the row's)."""
        return self.parallel and (slot.start_iso, slot.end_iso) != (
            self.first.start_iso, self.first.end_iso)


@dataclass(frozen=True)
class DayView:
    iso: str | None  # None: the day is not known yet (its rows have no data-start either)
    text: str  # "Saturday, May 11, 2024", or "Day to be announced"
    rows: tuple[RowView, ...]

    @property
    def slots(self) -> tuple[SlotView, ...]:
        return tuple(slot for row in self.rows for slot in row.slots)


def zone_words(key: str) -> str:
    """A zone as a visitor says it: ``Europe/Vienna`` is "Vienna time"; AoE and UTC as they
    are."""
    if key in ("AoE", "UTC") or "/" not in key:
        return key
    return key.rsplit("/", 1)[-1].replace("_", " ") + " time"


def _rows(slots: Sequence[SlotView]) -> tuple[RowView, ...]:
    """Slots marked ``parallel`` that start at the same moment share a row."""
    rows: list[list[SlotView]] = []
    for slot in slots:
        last = rows[-1] if rows else None
        if last is not None and slot.parallel and last[0].parallel \
                and last[0].start_iso == slot.start_iso:
            last.append(slot)
        else:
            rows.append([slot])
    return tuple(RowView(tuple(row)) for row in rows)


def schedule_views(schedule: Schedule, clock: str) -> tuple[list[DayView], str | None]:
    """The program by day, and the sentence that names its time zone."""
    days: dict[str, list[SlotView]] = {}

    def stamp(moment: datetime) -> str:
        """A ``<time datetime>``: the instant, a wall-clock time of a day, or of no day."""
        if schedule.undated:
            return moment.strftime("%H:%M")
        return iso(moment) if schedule.zone else moment.strftime("%Y-%m-%dT%H:%M")

    for placed in schedule.slots:
        slot = placed.slot
        days.setdefault(placed.day.isoformat(), []).append(SlotView(
            start_iso=stamp(placed.start),
            start_text=format_time(placed.start, clock),
            end_iso=stamp(placed.end) if placed.end else None,
            end_text=format_time(placed.end, clock) if placed.end else None,
            title=slot.title,
            kind=placed.kind or (slot.kind.lower() if slot.kind else None),
            # A class names a kind the stylesheet knows; any other is "other" (a kind as
            # written may hold spaces or tabs, which would be classes of its own).
            kind_class=(placed.kind if placed.kind in KINDS else "other").replace(" ", "-"),
            speakers=placed.speakers,
            room=slot.room,
            url=slot.url,
            abstract_html=placed.abstract_html,
            parallel=slot.parallel,
            talks=tuple(slot.talks),
        ))
    views = [DayView(None, "Day to be announced", _rows(slots)) if schedule.undated else
             DayView(day, format_weekday(date.fromisoformat(day)), _rows(slots))
             for day, slots in days.items()]
    zone = None
    if schedule.zone is not None and schedule.slots:
        zone = f"Times are in {schedule.zone.label}"
        # an offset is of a day: a program of no day yet names the zone only
        if schedule.zone.key not in ("AoE", "UTC") and not schedule.undated:
            zone += f" ({_offsets(schedule.slots)})"
        zone += "."
    elif schedule.local and schedule.slots:
        zone = "Times are local to the venue."
    return views, zone


def _offsets(slots: Sequence[PlacedSlot]) -> str:
    """``UTC+02:00``; a program across a daylight saving change names each offset and the
    day it starts: ``UTC+02:00, UTC+01:00 from October 27, 2024``."""
    first = format_offset(slots[0].start)
    words = [first]
    current = first
    for placed in slots[1:]:
        offset = format_offset(placed.start)
        if offset != current:
            words.append(f"{offset} from {format_day(placed.start.date())}")
            current = offset
    return ", ".join(words)


def schedule(r: Rendering) -> str:
    """The page's program, by day, in the edition's time zone."""
    program = r.read.get(SCHEDULE)
    if program is None:  # the key is there but unreadable: reported when the page was read
        return ""
    days, zone = schedule_views(program, r.clock)
    tz = program.zone
    where = workshop_of(r.read.parts)
    location = where.location if where else None
    scope = r.read.src
    calendar_url = r.calendar(
        "program", lambda title, stamp: calendar(title, scope, program, stamp, location)
    ) if program.slots and not program.undated else None
    # the visitor's own time and the Now/Next marks need the day
    live = tz is not None and tz.key != "AoE" and not program.undated
    return r.place("schedule()", "schedule", days=days, zone=zone, clock=r.clock,
                   zone_key=tz.key if live and tz else None,
                   zone_words=zone_words(tz.key) if live and tz else None,
                   calendar_url=calendar_url)


# ---------------------------------------------------------------------------------------------
# The calendar file
# ---------------------------------------------------------------------------------------------


def calendar(title: str, scope: str, program: Schedule, stamp: datetime | None,
             location: str | None) -> ics.Calendar:
    """One event per slot, in the event's time zone."""
    events = []
    for placed in program.slots:
        where = placed.slot.room or location
        events.append(ics.Event(
            uid=ics.uid(scope, "slot", placed.index, placed.slot.title),
            summary=placed.slot.title, start=placed.start, end=placed.end or placed.start,
            location=where or None,
            description="\n".join(
                ([("With " + ", ".join(s.name for s in placed.speakers))]
                 if placed.speakers else []) + list(placed.slot.talks)) or None,
            categories=(placed.kind,) if placed.kind else ()))
    return ics.Calendar(f"{title}: program", tuple(events), stamp)


# ---------------------------------------------------------------------------------------------
# The editor schema
# ---------------------------------------------------------------------------------------------


def _schema() -> tuple[dict[str, Any], dict[str, Any]]:

    slot = closed(Slot, extra={"time": {"type": ["string", "integer"],
                                        "description": "Another name for start"},
                               "location": {"type": ["string", "null"],
                                            "description": "Another name for room"}})
    slot["properties"]["room"]["description"] = "Where the slot happens (a room, a hall)"
    return ({"schedule": {"type": "array", "items": {"$ref": "#/$defs/Slot"}}},
            {"Slot": slot})


FEATURE = Feature(
    "schedule", keys=("schedule",), read=_read, schema=_schema,
    macros=(Macro("schedule", schedule, key="schedule", call_text=lambda call: "schedule()"),),
    per_edition=("schedule",),
    waiting=(Waiting(40, "Program", "<< schedule() >>", "`schedule:` in the front matter",
                     "# schedule:                   # the program, in workshop.timezone\n"
                     "#   - start: \"09:00\"\n#     end: \"09:10\"\n"
                     "#     title: Opening remarks\n#     kind: remarks\n"),))
