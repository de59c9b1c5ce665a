"""The ``workshop:`` block: the edition itself (venue, day or days, place, time zone,
attendance), which the dates, the program, the series index and the search engines' data use.

```yaml
workshop:
  venue: ICML 2024
  date: 2024-07-16          # or start: and end: for several days
  location: Vienna, Austria
  timezone: Europe/Vienna   # the program's zone
  attendance: in-person     # online, hybrid
```
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

from pydantic import model_validator

from ..entries import unknown_fields, validate
from ..fields import Day, FieldIssue, Link, Model, Text, ZoneName
from ..problems import Problems
from .base import Feature, Reading


class WorkshopInfo(Model):
    """The ``workshop:`` block: the edition itself."""

    venue: Text = None
    date: Day = None
    start: Day = None
    end: Day = None
    location: Text = None
    timezone: ZoneName = None
    attendance: Text = None  # in-person, online or hybrid
    online_url: Link = None  # where to attend online

    @model_validator(mode="after")
    def _days(self) -> WorkshopInfo:
        if self.attendance and self.attendance.lower() not in ATTENDANCE_MODES:
            raise FieldIssue(
                f"attendance '{self.attendance}' is not one I know.",
                "write in-person, online or hybrid.",
            )
        if self.date is not None and (self.start is not None or self.end is not None):
            raise FieldIssue(
                "has both 'date' and 'start'/'end'.",
                "use 'date' for a one-day workshop, or 'start' and 'end' for several days.",
            )
        if (self.start is None) != (self.end is None):
            given, missing = ("start", "end") if self.start is not None else ("end", "start")
            raise FieldIssue(f"has '{given}' but no '{missing}'.", f"add '{missing}:'.")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise FieldIssue(
                f"ends ({self.end.isoformat()}) before it starts ({self.start.isoformat()}).",
                "swap 'start' and 'end', or correct the month.",
            )
        return self

    @property
    def first_day(self) -> _dt.date | None:
        return self.date or self.start

    @property
    def last_day(self) -> _dt.date | None:
        return self.date or self.end


WORKSHOP_FIELDS = ("venue", "date", "start", "end", "location", "timezone", "attendance",
                   "online_url")
ATTENDANCE_MODES = ("in-person", "offline", "online", "virtual", "hybrid", "mixed")


def read_workshop(meta: Mapping[str, Any], problems: Problems) -> WorkshopInfo | None:
    value = meta.get("workshop")
    if value is None:
        return None
    if not isinstance(value, dict):
        problems.error(
            "should be a block of 'key: value' lines (venue, date, location, timezone).",
            key="workshop", fix="indent the lines under 'workshop:' by two spaces.",
        )
        return None
    unknown_fields(value, WORKSHOP_FIELDS, problems, key="workshop", entry=None, label=None,
                    kind="the workshop block")
    return validate(WorkshopInfo, value, problems, key="workshop", entry=None, label=None)


def of(parts: Mapping[str, Any]) -> WorkshopInfo | None:
    """The page's workshop block, from what a page read (PageRead.parts or Reading.parts)."""
    info = parts.get("workshop")
    return info if isinstance(info, WorkshopInfo) else None


def _read(reading: Reading) -> dict[str, Any]:
    return {"workshop": read_workshop(reading.meta, reading.problems)}


def _schema() -> tuple[dict[str, Any], dict[str, Any]]:
    from ..schema import closed

    return ({"workshop": {"$ref": "#/$defs/Workshop"}}, {"Workshop": closed(WorkshopInfo)})


FEATURE = Feature("workshop", keys=("workshop",), read=_read, schema=_schema)
