"""Dates as organizers write them in "Important Dates" lists.

``April 8, 2024``, ``Aug 22, 2026``, ``Oct 16-18, 2024``, ``May 30 - June 2, 2024``,
``8 April 2024``, ``2024-04-08``, optionally with a weekday (``Monday, April 8, 2024``), a time
(``11:59 PM``) and ``AoE``/``UTC``. A list line is ``Label: date`` or ``date: Label``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DASH = r"\s*(?:-|\u2013|\u2014|to|until)\s*"
_TIME = r"(?:,?\s*(?:at\s+)?(?P<time>\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?))?"
_ZONE = r"(?:\s*\(?(?P<zone>aoe|anywhere on earth|utc|gmt)\)?)?"

_PATTERNS = [
    # May 30 - June 2, 2024
    rf"(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?{_DASH}{_WEEKDAY}"
    rf"(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})",
    # Oct 16-18, 2024
    rf"(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?{_DASH}(?P<d2>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})",
    # April 8, 2024
    rf"(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})",
    # 16-18 October 2024
    rf"(?P<d1>\d{{1,2}}){_DASH}(?P<d2>\d{{1,2}})\s+(?P<m1>{_MONTH}),?\s+(?P<y>\d{{4}})",
    # 8 April 2024
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH}),?\s+(?P<y>\d{{4}})",
    # 2024-04-08
    r"(?P<iso>\d{4}-\d{2}-\d{2})",
]
_COMPILED = [re.compile(rf"^{_WEEKDAY}{p}{_TIME}{_ZONE}\.?$", re.I) for p in _PATTERNS]
# No date line is longer: a longer one is kept as written, and reading stays linear.
MAX_LINE = 500


@dataclass(frozen=True)
class FreeDate:
    first: date
    last: date
    time: time | None = None  # a time of day, for a single date
    zone: str | None = None  # "AoE" or "UTC" when written

    @property
    def when(self) -> date | datetime:
        return datetime.combine(self.first, self.time) if self.time else self.first


def _month(text: str) -> int:
    return _MONTHS[text.lower()[:3]]


def _clock(text: str) -> time | None:
    match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?\s*([ap])?\.?m?\.?", text.strip().lower())
    if not match:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def parse_free_date(text: str) -> FreeDate | None:
    """A date or a period written in prose; None if the text is not exactly that."""
    if len(text) > MAX_LINE:
        return None
    cleaned = re.sub(r"\s+", " ", text.strip().strip("*_ ").replace("\u00a0", " "))
    for pattern in _COMPILED:
        match = pattern.match(cleaned)
        if not match:
            continue
        groups = match.groupdict()
        try:
            if groups.get("iso"):
                first = last = date.fromisoformat(groups["iso"])
            else:
                year = int(groups["y"])
                m1 = _month(groups["m1"])
                first = date(year, m1, int(groups["d1"]))
                if groups.get("d2"):
                    m2 = _month(groups["m2"]) if groups.get("m2") else m1
                    last = date(year, m2, int(groups["d2"]))
                else:
                    last = first
        except ValueError:  # April 31
            return None
        if last < first:
            return None
        clock = None
        if groups.get("time"):
            clock = _clock(groups["time"])
            if clock is None or first != last:
                return None
        zone = groups.get("zone")
        zone = ("AoE" if zone.lower().startswith(("aoe", "anywhere")) else "UTC") if zone else None
        return FreeDate(first, last, clock, zone)
    return None


@dataclass(frozen=True)
class DateLine:
    label: str
    date: FreeDate


def parse_date_line(text: str) -> DateLine | None:
    """``Paper Submission Deadline: May 16, 2024`` or ``February 28, 2022: Submission Date``."""
    if len(text) > MAX_LINE:
        return None
    body = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", text).strip()
    if "~~" in body:  # a struck-out date next to the new one: keep the line as written
        return None
    for match in re.finditer(r":\s", body + " "):
        left, right = body[: match.start()].strip(), body[match.end():].strip()
        left_plain = left.strip("*_ ").strip()
        right_plain = right.strip("*_ ").strip()
        if not left_plain or not right_plain:
            continue
        found = parse_free_date(right_plain)
        if found is not None:
            return DateLine(left_plain, found)
        found = parse_free_date(left_plain)
        if found is not None:
            return DateLine(right_plain, found)
    return None
