from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timezone

import pytest

from mkdocs_workshop.core import times
from mkdocs_workshop.core.problems import Problems
from mkdocs_workshop.core.timezones import AOE, resolve_zone
from mkdocs_workshop.features import dates as rules
from mkdocs_workshop.features.dates import DateEntry, date_views
from mkdocs_workshop.features.workshop import WorkshopInfo

from sitekit import Built, page

SiteFn = Callable[..., Built]


def items(*entries: dict[str, object]) -> list[rules.DateItem]:
    return [rules.place(i, DateEntry.model_validate(e), AOE) for i, e in enumerate(entries, 1)]


# Seed 000's list as written: the bidding period says October for a July workshop.
SEED = [
    {"what": "Abstract Submission Deadline", "when": "2024-04-08"},
    {"what": "Paper Submission Deadline", "when": "2024-05-16"},
    {"what": "Review Bidding Period", "start": "2024-10-16", "end": "2024-10-18"},
    {"what": "Reviewer Deadline", "when": "2024-06-11"},
    {"what": "Acceptance Notification Date", "when": "2024-06-14"},
    {"what": "Workshop Date", "when": "2024-07-16"},
]


def test_a_deadline_passes_at_the_end_of_its_day_anywhere_on_earth() -> None:
    (item,) = items({"what": "Deadline", "when": "2024-04-08"})
    assert times.iso(item.closes) == "2024-04-08T23:59:59-12:00"
    # 2024-04-09 11:59:59 UTC is still April 8 in UTC-12.
    assert item.closes == datetime(2024, 4, 9, 11, 59, 59, tzinfo=timezone.utc)


def test_a_period_opens_at_the_start_of_its_first_day_and_closes_with_its_last() -> None:
    (item,) = items({"what": "Bidding", "start": "2024-05-16", "end": "2024-05-18"})
    assert item.start is not None
    assert times.iso(item.start) == "2024-05-16T00:00-12:00"
    assert times.iso(item.closes) == "2024-05-18T23:59:59-12:00"


def test_entry_zone_and_explicit_times() -> None:
    (item,) = items({"what": "Talk", "when": "2024-05-11 09:30", "timezone": "Europe/Vienna"})
    assert times.iso(item.closes) == "2024-05-11T09:30+02:00"
    assert item.has_time


def test_seed_slips_are_both_warned() -> None:
    problems = Problems("icml24.md")
    rules.check(items(*SEED), None, problems)
    texts = [str(p) for p in problems.warnings]
    assert len(texts) == 2, texts
    assert texts[0].startswith("icml24.md: 'dates', entry 3 (Review Bidding Period): "
                               "2024-10-16 to 2024-10-18 is after the workshop (2024-07-16")
    assert "entry 4 (Reviewer Deadline): 2024-06-11 is listed after 'Review Bidding Period'" \
        in texts[1]


def test_the_workshop_block_wins_over_a_workshop_entry() -> None:
    problems = Problems("p.md")
    workshop = WorkshopInfo.model_validate({"date": "2024-07-27"})
    rules.check(items({"what": "Camera ready", "when": "2024-07-20"},
                      {"what": "Workshop Date", "when": "2024-07-16"}), workshop, problems)
    # 07-20 is before the block's 07-27; only the order is wrong.
    assert [p.message.split(" is ")[1][:6] for p in problems.warnings] == ["listed"]


def test_corrected_seed_has_no_warning() -> None:
    fixed = [dict(e) for e in SEED]
    fixed[2] = {"what": "Review Bidding Period", "start": "2024-05-16", "end": "2024-05-18"}
    problems = Problems("icml24.md")
    rules.check(items(*fixed), None, problems)
    assert not problems.items


def test_past_and_next_at_build_time() -> None:
    now = datetime(2024, 5, 17, 12, tzinfo=timezone.utc)
    views = date_views(items(*SEED), AOE, now)
    assert [v.past for v in views] == [True, True, False, False, False, False]
    # The next to come is the one that passes soonest: June 11, not the October slip.
    assert [v.next for v in views] == [False, False, False, True, False, False]


def test_nothing_next_after_everything() -> None:
    now = datetime(2025, 1, 1, tzinfo=timezone.utc)
    views = date_views(items(*SEED), AOE, now)
    assert all(v.past for v in views) and not any(v.next for v in views)


def test_display() -> None:
    assert times.format_day(date(2024, 4, 8)) == "April 8, 2024"
    assert times.format_range(date(2024, 10, 16), date(2024, 10, 18)) == "October 16\u201318, 2024"
    assert times.format_range(date(2024, 5, 30), date(2024, 6, 2)) == "May 30 \u2013 June 2, 2024"
    assert times.format_range(date(2024, 12, 30), date(2025, 1, 2)) == (
        "December 30, 2024 \u2013 January 2, 2025")


def test_views_name_a_zone_only_where_it_differs() -> None:
    now = datetime(2024, 1, 1, tzinfo=timezone.utc)
    views = date_views(items({"what": "A", "when": "2024-04-08"},
                             {"what": "B", "when": "2024-04-09 12:00", "timezone": "UTC"}),
                       AOE, now)
    assert views[0].zone_label is None
    assert views[1].zone_label == "UTC"
    assert views[1].closes_text == "April 9, 2024, 12:00"
    vienna = resolve_zone("Europe/Vienna")
    (view,) = date_views([rules.place(1, DateEntry.model_validate(
        {"what": "Day", "start": "2024-05-11 09:00", "end": "2024-05-11 17:30"}), vienna)],
        vienna, now)
    assert (view.start_text, view.separator, view.closes_text) == (
        "May 11, 2024, 09:00", " \u2013 ", "17:30")


def test_an_extension_moves_the_deadline_and_keeps_the_first_date() -> None:
    (item,) = items({"what": "Paper", "when": "2024-05-16", "extended": "2024-05-23 12:00"})
    assert item.extended and item.has_time and not item.was_has_time
    assert times.iso(item.closes) == "2024-05-23T12:00-12:00"
    assert item.was_closes is not None and times.iso(item.was_closes) == \
        "2024-05-16T23:59:59-12:00"
    # The new date is the one that counts: next, past, the order checks.
    assert rules.next_index([item], datetime(2024, 5, 20, tzinfo=timezone.utc)) == 1
    (view,) = date_views([item], AOE, datetime(2024, 5, 20, tzinfo=timezone.utc))
    assert (view.was_text, view.closes_text, view.next, view.past) == (
        "May 16, 2024", "May 23, 2024, 12:00", True, False)


def test_a_same_day_extension_with_a_later_time_is_an_extension() -> None:
    (item,) = items({"what": "Paper", "when": "2024-05-16 12:00",
                     "extended": "2024-05-16 18:00"})
    assert times.iso(item.closes) == "2024-05-16T18:00-12:00"


def test_the_held_line() -> None:
    assert rules.held_line(WorkshopInfo(date=date(2024, 7, 16), location="Vienna")) == (
        "Held on July 16, 2024 in Vienna.")
    assert rules.held_line(WorkshopInfo(start=date(2024, 7, 26), end=date(2024, 7, 27))) == (
        "Held July 26\u201327, 2024.")
    assert rules.held_line(None) is None


@pytest.mark.parametrize("unknown", ["To be announced", "TBA", "tbd.", "To be confirmed", "?"])
def test_the_held_line_leaves_out_a_place_not_known_yet(unknown: str) -> None:
    info = WorkshopInfo(date=date(2027, 4, 30), location=unknown)
    assert rules.held_line(info) == "Held on April 30, 2027."
    assert info.location == unknown  # kept as written, for the header
    assert WorkshopInfo(location="Tbilisi, Georgia").place == "Tbilisi, Georgia"


def test_a_tentative_date_is_marked_in_the_list_the_header_and_the_calendar(site: SiteFn) -> None:
    built = site({"index.md": page({
        "workshop": {"venue": "ICML 2024", "date": "2024-07-16"},
        "dates": [{"what": "Paper Submission Deadline", "when": "2024-05-16", "tentative": True},
                  {"what": "Camera-ready", "when": "2024-06-30"},
                  {"Workshop Date": "2024-07-16"}]}, "<< dates() >>")}, strict=True)
    assert built.ok, built.messages()
    html = built.html()
    listed = re.findall(r'<li class="workshop-date[^"]*"[^>]*>\s*<span class="workshop-date__what">'
                        r'([^<]+)</span>\s*<span class="workshop-date__when">(.*?)</span>\n',
                        html, re.S)
    assert [(what, "(tentative)" in when) for what, when in listed] == [
        ("Paper Submission Deadline", True), ("Camera-ready", False), ("Workshop Date", False)]
    # Built on 2024-05-01: the tentative deadline is the header's next one.
    assert re.search(r'Next: <strong>Paper Submission Deadline</strong>, <time [^>]+>May 16, '
                     r'2024 \(AoE\)</time> <span class="workshop-header__tentative">'
                     r'\(tentative\)</span>', html)
    calendar = (built.root / "site" / "index-dates.ics").read_text(encoding="utf-8")
    events = calendar.split("BEGIN:VEVENT")[1:]
    assert ["STATUS:TENTATIVE" in event for event in events] == [True, False, False]


def test_tentative_must_be_true_or_false(site: SiteFn) -> None:
    built = site({"index.md": page({"dates": [
        {"what": "Paper", "when": "2024-05-16", "tentative": "perhaps"}]}, "<< dates() >>")})
    assert not built.ok
    assert built.workshop() == [
        "workshop: index.md: 'dates', entry 1 (Paper), field 'tentative': should be true or "
        "false, not 'perhaps'. Fix: write true or false, without quotes."]


def test_a_date_not_known_yet_is_listed_as_written_and_timed_nowhere(site: SiteFn) -> None:
    built = site({"index.md": page({
        "workshop": {"venue": "ICML 2024", "date": "2024-07-16"},
        "dates": [{"what": "Paper Submission Deadline", "when": "2024-05-16"},
                  {"what": "Notification", "when_text": "Late June <b>2024</b>",
                   "tentative": True},
                  {"what": "Camera-ready", "when": "2024-06-30"}]}, "<< dates() >>")},
        strict=True)
    assert built.ok, built.messages()
    html = built.html()
    listed = re.findall(r'<li class="workshop-date([^"]*)"([^>]*)>\s*<span class="workshop-date__'
                        r'what">([^<]+)</span>\s*<span class="workshop-date__when">(.*?)</span>\n',
                        html, re.S)
    assert [(what, cls.strip()) for cls, _attrs, what, _when in listed] == [
        ("Paper Submission Deadline", "workshop-date--next"),
        ("Notification", "workshop-date--pending"), ("Camera-ready", "")]
    pending = listed[1]
    assert "data-closes" not in pending[1] and "<time" not in pending[3]
    assert pending[3].startswith("Late June &lt;b&gt;2024&lt;/b&gt;")  # its words, as text
    assert '(tentative)' in pending[3]
    calendar = (built.root / "site" / "index-dates.ics").read_text(encoding="utf-8")
    assert calendar.count("BEGIN:VEVENT") == 2 and "Notification" not in calendar


def test_a_date_not_known_yet_keeps_the_list_open_after_the_others_pass(
        site: SiteFn) -> None:
    built = site({"index.md": page({"dates": [
        {"what": "Paper", "when": "2024-01-16"},
        {"what": "Notification", "when_text": "TBA"}]}, "<< dates() >>")}, strict=True)
    assert built.ok, built.messages()
    html = built.html()
    assert "data-all-past" not in html and "<details class=\"workshop-dates__all\" open>" in html


@pytest.mark.parametrize(("entry", "message"), [
    ({"what": "Notification", "when_text": "TBA", "when": "2024-06-01"},
     "has both 'when_text' and 'when'. Fix: keep 'when' once the day is known, and drop "
     "'when_text'."),
    ({"what": "Notification", "when_text": "TBA", "extended": "2024-06-01"},
     "has both 'when_text' and 'extended'."),
    ({"what": "Notification"}, "has no date. Fix: add 'when: YYYY-MM-DD', or 'start:' and "
     "'end:' for a period ('when_text: TBA' while the day is not known)."),
])
def test_when_text_is_the_whole_date_or_nothing(site: SiteFn, entry: dict[str, object],
                                                message: str) -> None:
    built = site({"index.md": page({"dates": [entry]}, "<< dates() >>")})
    assert not built.ok
    assert message in " ".join(built.workshop())


@pytest.mark.parametrize(("what", "when", "warned"), [
    ("Camera-Ready Submission", "2024-08-16", False),  # post-proceedings, a month after
    ("Final version for the proceedings", "2024-09-30", False),
    ("Journal special issue submission", "2025-01-15", False),
    ("Camera-ready", "2025-08-16", True),  # more than a year after: a slip of the year
    ("Paper submission", "2024-08-16", True),  # a step before the workshop, written after
])
def test_a_step_after_the_workshop_by_its_nature_is_no_slip(
        what: str, when: str, warned: bool) -> None:
    problems = Problems("p.md")
    workshop = WorkshopInfo.model_validate({"date": "2024-07-16"})
    rules.check(items({"what": what, "when": when}), workshop, problems)
    assert bool(problems.warnings) is warned, [str(p) for p in problems.warnings]
