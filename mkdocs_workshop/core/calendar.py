"""A calendar as a feature describes it: its events, each with an instant, a whole day, or a
time of a named zone (see site/calendars.py, which writes it as iCalendar). Plain data, so a
feature can describe its calendar without the writer, and a calendar's text is known by the
digest of its description."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

FORMAT_VERSION = "3"  # raising it makes every cached calendar be made again


@dataclass(frozen=True)
class Event:
    uid: str
    summary: str
    start: datetime | date  # dates: an all-day event (end: the day after its last day)
    end: datetime | date
    description: str | None = None
    location: str | None = None
    categories: tuple[str, ...] = ()
    alarm: str | None = None  # a reminder the day before, with this text
    sequence: int = 0  # raised when the event changes (a deadline extended)
    tentative: bool = False  # STATUS:TENTATIVE: a date not confirmed yet


@dataclass(frozen=True)
class Calendar:
    name: str
    events: tuple[Event, ...]
    # DTSTAMP of every event: the build's time when SOURCE_DATE_EPOCH fixes it (reproducible
    # builds), else None: the time the calendar was first made, kept while it is unchanged.
    stamp: datetime | None

    def digest(self) -> str:
        """A name for this calendar's text: the same description, the same file."""
        def moment(value: datetime | date) -> list[str]:
            zone = value.tzinfo if isinstance(value, datetime) else None
            return [value.isoformat(), str(getattr(zone, "key", "") or "")]

        data: list[Any] = [FORMAT_VERSION, self.name,
                           moment(self.stamp) if self.stamp else None]
        for e in self.events:
            data.append([e.uid, e.summary, moment(e.start), moment(e.end), e.description,
                         e.location, list(e.categories), e.alarm, e.sequence, e.tentative])
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def uid(scope: str, *parts: object) -> str:
    digest = hashlib.sha256("|".join(str(p) for p in (scope, *parts)).encode()).hexdigest()
    return f"{digest[:24]}@mkdocs-workshop"


def one_line(text: str) -> str:
    """A title written on several lines (``title: |``) as the one line a calendar shows."""
    return " ".join(text.split())
