"""A :class:`~.model.Program` as the ``schedule:`` slots an organizer would write by hand.

- **Times** are the wall-clock times of the page's zone (``workshop.timezone``; without one,
  the file's zone): ``start: "09:00"``, ``end: "09:45"``. A time in the hour the clocks repeat
  when daylight saving time ends is written with its offset (``"02:30+01:00"``), so that it is
  the right one of the two; a session that ends on a later day than it starts has a
  ``duration:`` in minutes instead of an ``end:``.
- **Days**: the first slot of each day has ``day:`` (the first of all only if it is not the
  workshop's first day).
- **Order**: by start, then in the order the file lists its rooms.
- **Parallel**: a session that overlaps one in another room is ``parallel: true`` (those that
  start together share a row of the program).
- **Kinds**: the file's session type as one of the program's kinds (:data:`KIND_WORDS`); a type
  that is none of them is written as ``other``, and the report names it.
- **Speakers**: as :mod:`.people` matches them.
- **Links**: a ``url`` the page would refuse (not https, http or mailto) is left out, and the
  report names it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from ...core.fields import FieldIssue, to_link
from ...core.intervals import in_parallel
from ...core.problems import Refused, excerpt
from ...core.times import local_time, skipped
from ...core.timezones import Zone
from ...features.schedule import kind_of, written_slot
from ..common.escape import one_line
from .model import Program, Session, characters
from .people import People


@dataclass
class Converted:
    """The slots, and what the report says about them."""

    slots: list[dict[str, Any]]
    days: list[date]
    rooms: list[str]
    parallel: int
    positions: list[int] = field(default_factory=list)  # each slot's session in the program
    kinds: Counter[tuple[str, str]] = field(default_factory=Counter)  # (type, kind) written
    unknown_kinds: Counter[str] = field(default_factory=Counter)  # types written as 'other'
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Placed:
    session: Session
    position: int  # in the file
    start: datetime  # in the page's zone
    end: datetime | None
    wall_start: datetime  # as written (naive): the file's own wall time when it had no offset
    wall_end: datetime | None


def convert(program: Program, zone: Zone, first_day: date | None, people: People) -> Converted:
    """The slots of ``program`` in ``zone``; ``first_day`` is the workshop block's."""
    placed = sorted((_place(session, position, zone)
                     for position, session in enumerate(program.sessions)),
                    key=lambda p: (p.start.astimezone(timezone.utc), p.session.room_order,
                                   p.position))
    parallel = _parallel(placed)
    converted = Converted([], [], [], len(parallel), notes=list(program.notes))
    days: dict[date, None] = {}  # in order, each once (a dict: a list's `in` is linear)
    rooms: dict[str, None] = {}
    previous_day = first_day
    for index, item in enumerate(placed):
        session = item.session
        day = item.wall_start.date()
        shown_day = day if day != previous_day else None
        days.setdefault(day, None)
        previous_day = day
        # A time the file wrote without an offset is written as it is (a doubtful one is the
        # build's to report); one it placed exactly keeps its offset where the wall is doubtful.
        exact = session.start.tzinfo is not None
        end: Clock | None = None
        duration: int | None = None
        if item.end is not None and item.wall_end is not None:
            if item.wall_end.date() == day:
                end = _clock(item.wall_end, item.end if exact else None, zone)
            else:
                minutes = int((item.end - item.start).total_seconds() // 60)
                duration = minutes if minutes > 0 else None
        kind, known = kind_of(session.kind, session.title)
        if kind is not None and session.kind and not known:
            converted.unknown_kinds[one_line(session.kind)] += 1
        elif kind is not None and session.kind and kind != session.kind.lower():
            converted.kinds[(one_line(session.kind), kind)] += 1
        names = [one_line(characters(name)) for name in session.speakers]
        room = one_line(characters(session.room or "")) or None
        if room:
            rooms.setdefault(room, None)
        abstract = "\n".join(line.rstrip() for line in
                             characters(session.abstract or "").splitlines()).strip()
        slot = written_slot(
            day=shown_day, start=_clock(item.wall_start, item.start if exact else None, zone),
            end=end, duration=duration, title=one_line(characters(session.title)), kind=kind,
            speakers=Names(people.written(name) for name in names if name), room=room,
            parallel=index in parallel, url=_url(session, converted.notes) or None,
            abstract=abstract or None)
        converted.slots.append(slot)
        converted.positions.append(item.position)
    converted.days, converted.rooms = list(days), list(rooms)
    return converted


class Names(list[str]):
    """A slot's speakers, written on one line: ``speakers: [Ada Lovelace, Alan Turing]``."""


class Clock(str):
    """A time as the page writes it, always in double quotes: ``"09:00"``."""


def _place(session: Session, position: int, zone: Zone) -> _Placed:
    if session.start.tzinfo is None:  # a wall-clock time of the page's zone
        start, _doubt = local_time(session.start, zone)  # a doubt is the build's to report
        end = local_time(session.end, zone)[0] if session.end is not None else None
        return _Placed(session, position, start, end, session.start, session.end)
    start = session.start.astimezone(zone.tz)
    end = session.end.astimezone(zone.tz) if session.end is not None else None
    return _Placed(session, position, start, end, start.replace(tzinfo=None),
                   end.replace(tzinfo=None) if end is not None else None)


def _clock(wall: datetime, instant: datetime | None, zone: Zone) -> Clock:
    """``"09:00"``; with the offset when the wall time alone could be two instants."""
    written = f"{wall:%H:%M}"
    earlier = wall.replace(tzinfo=zone.tz, fold=0)
    later = wall.replace(tzinfo=zone.tz, fold=1)
    if instant is not None and earlier.utcoffset() != later.utcoffset():
        offset = instant.utcoffset()
        assert offset is not None
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        written += f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return Clock(written)


def _parallel(placed: list[_Placed]) -> set[int]:
    """Positions (in ``placed``, sorted by start) of sessions that overlap one in another
    room. Compared in UTC: Python compares two times of one zone by their wall clock, which
    the night the clocks go back shows twice."""
    return in_parallel([(p.session.room, p.start.astimezone(timezone.utc),
                         p.end.astimezone(timezone.utc) if p.end is not None else None)
                        for p in placed])


def _url(session: Session, notes: list[str]) -> str | None:
    if not session.url:
        return None
    try:
        return to_link(session.url)
    except FieldIssue as issue:
        notes.append(f"{session.where}: its url {issue.message} It is not written.")
        return None


def drop_skipped_times(program: Program, zone: Zone) -> None:
    """Skip each session whose wall-clock time (a file without offsets) the clocks of ``zone``
    never show: a time in the hour skipped when daylight saving time begins has no instant."""
    kept = []
    for session in program.sessions:
        walls = [w for w in (session.start, session.end) if w is not None and w.tzinfo is None]
        wall = next((w for w in walls if skipped(w, zone)), None)
        if wall is None:
            kept.append(session)
            continue
        program.skip(Refused(
            f"{'starts' if wall is session.start else 'ends'} at {wall:%H:%M} on "
            f"{wall.date().isoformat()}, a time that does not exist in {zone.label}, the "
            "page's zone: the clocks skip that hour.",
            "correct the time in the tool, then export again; or check the page's "
            "'timezone:'.", session.where))
    program.sessions[:] = kept


def check_zone(program: Program, zone: Zone | None, source: str) -> None:
    """Refuse a program whose wall-clock times (no offset) cannot be placed without the
    page's zone."""
    if zone is not None:
        return
    naive = next((s for s in program.sessions if s.start.tzinfo is None), None)
    if naive is not None:
        raise Refused(
            f"the times of {excerpt(source, 80)} ({program.format}) carry no UTC offset "
            f"('{naive.start:%Y-%m-%dT%H:%M}' for {excerpt(naive.title, 60)}), so the page must "
            "say in which time zone they are, and it has no 'timezone:' in its workshop block.",
            "add 'timezone:' to the page's workshop block, with the event's zone "
            "(timezone: Europe/Vienna), then run the import again.")
