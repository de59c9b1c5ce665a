"""Moving dates to the next edition: the calendar distance between the two workshop days."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from mkdocs_workshop.commands.datemove import Move, add_months, move_between, weekday_changed

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))


def is_last(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def test_the_demo_edition_three_years_on() -> None:
    move = move_between(date(2024, 7, 16), date(2027, 7, 16))
    assert move == Move(36, 0)
    assert move.describe() == "+36 months (3 years)"
    assert move.apply(date(2024, 4, 8)) == date(2027, 4, 8)  # the abstract deadline
    assert move.apply(date(2024, 4, 12)) == date(2027, 4, 12)  # and its extension
    # A Monday deadline falls on a Thursday three years on.
    assert weekday_changed(date(2024, 4, 8), date(2027, 4, 8)) == (
        "a Monday now falls on a Thursday")
    assert weekday_changed(date(2024, 7, 16), date(2024, 7, 23)) is None


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2024, 2, 29), 12, date(2025, 2, 28)),  # Feb 29 in a common year: its last day
    (date(2023, 2, 28), 12, date(2024, 2, 29)),  # a last-of-month stays last-of-month
    (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2024, 3, 31), 1, date(2024, 4, 30)),
    (date(2024, 4, 30), 1, date(2024, 5, 31)),
    (date(2024, 3, 30), 1, date(2024, 4, 30)),  # the 30th of a 31-day month is not its last
    (date(2024, 5, 30), -3, date(2024, 2, 29)),
    (date(2024, 12, 15), 1, date(2025, 1, 15)),
])
def test_month_ends(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_a_workshop_on_another_day_of_the_month() -> None:
    move = move_between(date(2024, 7, 16), date(2027, 7, 14))  # two days earlier in the month
    assert move == Move(36, -2)
    assert move.describe() == "+36 months (3 years) and -2 days"
    assert move.apply(date(2024, 4, 8)) == date(2027, 4, 6)
    assert move_between(date(2024, 7, 16), date(2024, 7, 20)).describe() == "+4 days"
    assert move_between(date(2024, 7, 16), date(2023, 6, 16)).describe() == "-13 months"


def test_the_last_of_february_of_a_common_year_to_the_same_day_of_a_leap_year() -> None:
    """Found by hypothesis 6.100 (the lowest declared): the month-end rule made this move
    "12 months and -1 day", and every other date lost a day."""
    move = move_between(date(1999, 2, 28), date(2000, 2, 28))
    assert move == Move(12, 0)
    assert move.apply(date(1999, 1, 31)) == date(2000, 1, 31)
    assert move.apply(date(1999, 1, 15)) == date(2000, 1, 15)
    assert move.apply(date(1999, 2, 28)) == date(2000, 2, 28)  # the workshop day itself


@given(days, days)
def test_the_old_workshop_day_lands_on_the_new_one(old: date, new: date) -> None:
    assert move_between(old, new).apply(old) == new


@given(days, days, days, days)
def test_dates_keep_their_order(old: date, new: date, a: date, b: date) -> None:
    move = move_between(old, new)
    first, second = sorted((a, b))
    assert move.apply(first) <= move.apply(second)


@given(days, st.integers(-240, 240))
def test_whole_months_keep_the_day_or_the_month_end(day: date, months: int) -> None:
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    if is_last(day):
        assert is_last(moved)
    elif day.day <= 28:
        assert moved.day == day.day
    else:
        assert moved.day == day.day or is_last(moved)


@given(days, st.integers(-30, 30), days)
def test_a_same_day_of_the_month_moves_each_date_by_whole_months(
        old: date, years: int, day: date) -> None:
    new_year = old.year + years
    assume(not (old.month == 2 and old.day == 29 and not calendar.isleap(new_year)))
    new = old.replace(year=new_year)
    move = move_between(old, new)
    assert move == Move(12 * years, 0)
    # Every date by whole months; the workshop day itself lands on the new one.
    assert move.apply(day) == (new if day == old else add_months(day, 12 * years))


@given(days, days, days)
def test_the_distance_is_whole_months_then_the_remaining_days(
        old: date, new: date, day: date) -> None:
    move = move_between(old, new)
    assume(day != old)  # the workshop day lands on the new one (the test above)
    assert move.apply(day) == add_months(day, move.months) + timedelta(days=move.days)
    # The remaining days are less than a month either way.
    assert abs(move.days) < 31
