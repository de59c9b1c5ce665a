"""Moving an edition's dates to the next edition: by the calendar distance between the two
workshop days, not by a count of days.

The distance from the old workshop day to the new one is whole months (``12 * years +
months``), then the days that remain. Every date moves by the same months, then the same days:

- with the workshop on the same day of the month (2024-07-16 to 2027-07-16: 36 months, 0
  days), each date keeps its day of the month: 2024-04-08 becomes 2027-04-08;
- a day the target month does not have goes to its last day (2024-02-29 plus a year is
  2025-02-28, 2024-01-31 plus a month is 2024-02-29), and a month's last day stays its last
  day (2023-02-28 plus a year is 2024-02-29, 2024-04-30 plus a month is 2024-05-31);
- the weekday is not kept: a Friday deadline may fall on a Thursday (see :func:`weekday_changed`).

The old workshop day always lands on the new one, and dates keep their order (two dates may
land on the same day when a month is shorter).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def add_months(day: date, months: int) -> date:
    """``day`` so many months later (or earlier): its day of the month, or the target month's
    last day when it has fewer days or ``day`` is the last of its month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if not 1 <= year <= 9999:
        raise ValueError(f"{day.isoformat()} moved by {months} months is out of range.")
    end = last_day(year, month)
    if day.day == last_day(day.year, day.month):
        return date(year, month, end)
    return date(year, month, min(day.day, end))


@dataclass(frozen=True)
class Move:
    """How far the dates move: whole months, then days; the old workshop day (``anchor``'s
    first) lands on the new one exactly."""

    months: int
    days: int
    anchor: tuple[date, date] | None = field(default=None, compare=False)

    def apply(self, day: date) -> date:
        if self.anchor is not None and day == self.anchor[0]:
            return self.anchor[1]
        return add_months(day, self.months) + timedelta(days=self.days)

    def describe(self) -> str:
        """``+36 months (3 years)``, ``+36 months (3 years) and -2 days``, ``+5 days``."""
        parts = []
        if self.months:
            years, rest = divmod(abs(self.months), 12)
            unit = "month" if abs(self.months) == 1 else "months"
            whole = f" ({years} year{'' if years == 1 else 's'})" if years and not rest else ""
            parts.append(f"{self.months:+d} {unit}{whole}")
        if self.days or not parts:
            parts.append(f"{self.days:+d} {'day' if abs(self.days) == 1 else 'days'}")
        return " and ".join(parts)


def move_between(old: date, new: date) -> Move:
    """The move that takes the old workshop day to the new one: the months between their
    months, then the days between their days of the month. (Measured with the month-end rule,
    a workshop on February 28 of a common year moved to February 28 of a leap year would be
    "12 months and -1 day", and every other date would lose a day.)"""
    months = (new.year - old.year) * 12 + (new.month - old.month)
    same_day = date(new.year, new.month, min(old.day, last_day(new.year, new.month)))
    return Move(months, (new - same_day).days, anchor=(old, new))


def weekday_changed(old: date, new: date) -> str | None:
    """``a Friday now falls on a Thursday``, or None when the weekday is the same."""
    if old.weekday() == new.weekday():
        return None
    return f"a {WEEKDAYS[old.weekday()]} now falls on a {WEEKDAYS[new.weekday()]}"
