"""Hand-typed Markdown schedule tables, as ``schedule:`` slots.

```text
| Event | | Time |
| :--- | --- | :--- |
| Opening Remarks | Organizing Team | 8:00-8:15am |
| Contributed Talk | A Paper Title<br>Ann Author, Bo Author | 10:00-10:10 am |
```

A table is a schedule when one of its columns is headed "Time" (or every cell of a column is a
time range) and another holds the event. It becomes ``schedule:`` slots only when every row
reads: a time range (``8:00-8:15am``, ``11:10am-12:00pm``, ``08:00–08:05``, ``16:15-17:00pm``),
and an event. The day comes from the page (the first date in its text before the table, as
``Dec 13, 2021`` or ``Friday 26 July, 2024``): a table without one, or with a row that does not
read, is kept as written, and the report says why. So the plugin's checks (a slot that ends
before it starts, slots out of order or overlapping) run on what was a table.

The event cell is the slot's title; the other cell is its speaker when it is a short name
("Organizing Team", "Ann Author"), else it goes into the title after a dash. ``<br>`` becomes
" — ". Linear: each table's lines are read once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any

from ...features.schedule import written_slot

_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
# The line under a Markdown table's header: | --- | :---: |
# A table's separator row: "| --- | :-: |"; of one dash a cell ("|:-:|--|", as kramdown and
# GitHub read it) when a pipe shows it is a row, not a rule or an empty list item
SEPARATOR = re.compile(r"^\s*(?:\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?"
                       r"|\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?|\|\s*:?-+:?\s*\|)\s*$")
_HALF = r"(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m\.?)?"
_RANGE = re.compile(rf"^{_HALF}\s*(?:-{{1,2}}|\u2013|\u2014|to)\s*{_HALF}$", re.I)
_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.I)
_EVENT_HEADERS = ("event", "session", "agenda", "title", "program", "activity", "")
_NAME = re.compile(r"^[^\d,;:()<>\"“”]{2,60}$")  # a short name: no digits, commas or quotes


@dataclass
class TableResult:
    text: str
    slots: list[dict[str, Any]] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # "table at line N: why"


def line_starts(lines: list[str]) -> list[int]:
    """Where each of ``lines`` (a text split at its newlines) starts in the text."""
    starts, position = [], 0
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    return starts


def _cells(line: str) -> list[str] | None:
    match = _ROW.match(line)
    if not match:
        return None
    return [cell.strip() for cell in match.group(1).split("|")]


def _clock(hour: int, minute: int, half: str | None) -> tuple[int, int] | None:
    if minute > 59:
        return None
    if half and hour <= 12:
        if hour == 0:
            return None
        hour = hour % 12 + (12 if half.lower().startswith("p") else 0)
    if hour > 23:
        return None
    return hour, minute


def time_range(text: str) -> tuple[str, str] | None:
    """``8:00-8:15am`` as ("08:00", "08:15"); an am/pm written once holds for both ends,
    unless that puts the start after the end (``11:30-12:30pm``: 11:30 AM); a 24-hour time with
    "pm" (``16:15-17:00pm``) is read as written."""
    match = _RANGE.match(text.strip().strip("*_").strip().replace("\u00a0", " "))
    if not match:
        return None
    h1, m1, half1, h2, m2, half2 = match.groups()
    end = _clock(int(h2), int(m2 or 0), half2)
    if end is None:
        return None
    start = _clock(int(h1), int(m1 or 0), half1 or half2)
    if start is None:
        return None
    if half1 is None and half2 and start > end:
        other = "am" if half2.lower().startswith("p") else "pm"
        start = _clock(int(h1), int(m1 or 0), other) or start
    return f"{start[0]:02d}:{start[1]:02d}", f"{end[0]:02d}:{end[1]:02d}"


def _slot(event: str, other: str, times: tuple[str, str], day: date) -> dict[str, Any]:
    event = _BREAK.sub(" \u2014 ", event).strip()
    other = _BREAK.sub(" \u2014 ", other).strip()
    speakers: list[str] = []
    if other in ("", "-", "\u2013", "TBA", "TBD"):
        title = event or other
    elif _NAME.match(other) and event:
        title, speakers = event, [other]
    else:
        title = f"{event} \u2014 {other}" if event else other
    # a day of its own: one object shared by the slots would be written as YAML aliases
    return written_slot(day=date.fromordinal(day.toordinal()) if isinstance(day, date) else day,
                        start=times[0], end=times[1], title=title, speakers=speakers)


def _read_table(rows: list[list[str]], day: date | None) -> list[dict[str, Any]] | str:
    """The slots of a table (header first, separator left out), or why it stays a table."""
    header = [cell.lower().strip("*_ ") for cell in rows[0]]
    body = rows[1:]
    if not body:
        return "it has no rows"
    width = len(header)
    time_column = next((i for i, cell in enumerate(header) if cell in ("time", "when")), None)
    if time_column is None:
        time_column = next((i for i in range(width)
                            if all(i < len(r) and time_range(r[i]) for r in body)), None)
    if time_column is None:
        return ""  # not a schedule
    if day is None:
        return "no date in the page's text before it gives the day"
    event_column = next((i for i, cell in enumerate(header)
                         if i != time_column and cell in _EVENT_HEADERS), None)
    if event_column is None:
        return "no column holds the event"
    others = [i for i in range(width) if i not in (time_column, event_column)]
    slots = []
    for number, row in enumerate(body, start=1):
        if len(row) != width:
            return f"row {number} has {len(row)} cells, not {width}"
        times = time_range(row[time_column])
        if times is None:
            return f"row {number}: '{row[time_column][:60]}' is not a time range"
        other = " \u2014 ".join(row[i] for i in others if row[i])
        if not row[event_column] and not other:
            return f"row {number} has no event"
        slots.append(_slot(row[event_column], other, times, day))
    return slots


_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")


def convert_tables(body: str, find_day: Callable[[str], tuple[int, date] | None],
                   macro: Callable[[str], str], hidden: list[tuple[int, int]]) -> TableResult:
    """``body`` with each schedule table that reads (outside the ``hidden`` spans, sorted:
    HTML comments) replaced by ``<< schedule() >>`` (once: later tables join the same
    slots); ``find_day`` gives the first date of a text and where it is. A table's day is
    the one the heading above it names ("### Oct 11, 2023, Hall C"), else the page's first."""
    result = TableResult(body)
    first_date = find_day(body)
    lines = body.split("\n")
    out: list[str] = []
    offsets = line_starts(lines)
    hidden_index = 0
    i = 0
    placed = False
    heading_day: date | None = None  # the day the last heading names, if it names one
    while i < len(lines):
        start = offsets[i]
        while hidden_index < len(hidden) and hidden[hidden_index][1] <= start:
            hidden_index += 1
        in_comment = hidden_index < len(hidden) and hidden[hidden_index][0] <= start
        if not in_comment and _HEADING.match(lines[i]):  # "### Oct 11, 2023, Hall C"
            named = find_day(lines[i])
            heading_day = named[1] if named else None
        header = _cells(lines[i])
        if (in_comment or header is None or i + 1 >= len(lines)
                or not SEPARATOR.match(lines[i + 1])):
            out.append(lines[i])
            i += 1
            continue
        j = i + 2
        rows = [header]
        while j < len(lines) and (cells := _cells(lines[j])) is not None:
            rows.append(cells)
            j += 1
        day = heading_day or (first_date[1] if first_date and first_date[0] < start else None)
        read = _read_table(rows, day)
        if isinstance(read, str):
            if read:
                result.kept.append(f"table at text line {i + 1}: {read}")
            out.extend(lines[i:j])
        else:
            join_program(result.slots, read)
            if not placed:
                out.append(macro("<< schedule() >>"))
                placed = True
        i = j
    result.text = "\n".join(out)
    return result


def join_program(program: list[dict[str, Any]], made: list[dict[str, Any]]) -> None:
    """``made`` (the slots of one block of the page, its first with its day) added to the
    page's ``program``. A block on the day the program's last slots are on that starts before
    them (a second room's table: "Oct 10, Room B") is merged into that day in the order of
    the times, and slots that overlap the one before them marked as running at once: the
    plugin reads a program in the order of its times."""
    if not made:
        return
    last_day, first = None, 0
    for n, slot in enumerate(program):
        if "day" in slot and slot["day"] != last_day:
            last_day, first = slot["day"], n
    if not program or made[0].get("day") != last_day or \
            str(made[0]["start"]) >= str(program[-1]["start"]):
        program.extend(made)
        return
    merged = sorted(({k: v for k, v in s.items() if k != "day"}
                     for s in [*program[first:], *made]), key=lambda s: str(s["start"]))
    merged[0] = {"day": last_day, **merged[0]}
    mark_overlaps(merged)
    program[first:] = merged


def mark_overlaps(slots: list[dict[str, Any]]) -> None:
    """The slots that overlap the one before them on its day run at once: marked parallel.
    But a session whose rows under it are its parts ("09:45-10:30 Oral Session I", then its
    talks at 09:45, 10:00 and 10:15, the last ending at 10:30; two or more, each shorter than
    it, in its room) is their heading: it keeps its start, and its end, which its talks
    give, is left out, so that nothing reads as running at once."""
    days: list[object] = []  # each slot's day: a slot names it when it changes
    for slot in slots:
        days.append(slot.get("day", days[-1] if days else None))
    n = 0
    while n < len(slots):
        session = slots[n]
        end = str(session.get("end", ""))
        span = (str(session["start"]), end)
        parts = 0
        while end and n + parts + 1 < len(slots):
            at = n + parts + 1
            part = slots[at]
            if not (days[at] == days[n] and span[0] <= str(part["start"]) < end
                    and "end" in part and str(part["end"]) <= end
                    and (str(part["start"]), str(part["end"])) != span
                    and part.get("room", session.get("room")) == session.get("room")):
                break
            parts += 1
        if parts >= 2 and str(slots[n + parts].get("end")) == end and not any(
                "end" in a and str(b["start"]) < str(a["end"])
                for a, b in pairwise(slots[n + 1:n + parts + 1])):
            del session["end"]
            n += parts + 1
            continue
        n += 1
    for (before, after), (day, next_day) in zip(pairwise(slots), pairwise(days), strict=True):
        if day == next_day and "end" in before and str(after["start"]) < str(before["end"]):
            before["parallel"] = after["parallel"] = True
