"""schedule(): the program in the edition's zone, with the checks for hand-typed slips."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date, time
from typing import Any

import pytest

from mkdocs_workshop.core.fields import FieldIssue
from mkdocs_workshop.features.schedule import Clock, to_clock, to_minutes

from sitekit import MACROS, Built, page

SiteFn = Callable[..., Built]

WORKSHOP = {"venue": "ICLR 2024", "date": "2024-05-11", "location": "Vienna, Austria",
            "timezone": "Europe/Vienna"}
SPEAKERS = [{"name": "Bing W. Brunton"}, {"name": "Kevin Yang", "aff": "Microsoft Research"}]

# The ICLR seed's program, with its two hand-typed slips (entries 4 and 6).
SLIPS = [
    {"start": "8:50 AM", "end": "9:00 AM", "title": "Opening remarks", "kind": "remarks"},
    {"start": "9:00 AM", "end": "9:45 AM", "title": "Invited talk 1", "kind": "invited talk",
     "speakers": ["Bing W. Brunton"]},
    {"start": "9:45 AM", "end": "11:45 AM", "title": "Poster session", "kind": "poster session"},
    {"start": "11:45 PM", "end": "12:15 PM", "title": "Invited talk 2", "kind": "invited talk",
     "speakers": ["Kevin Yang"]},
    {"start": "12:15 PM", "end": "12:45 PM", "title": "Contributed talks",
     "kind": "contributed talk"},
    {"start": "12:45 AM", "end": "1:45 PM", "title": "Lunch", "kind": "lunch"},
    {"start": "1:45 PM", "end": "2:30 PM", "title": "Panel", "kind": "panel"},
]


def program(schedule: list[dict[str, Any]], **extra: Any) -> str:
    return page({"workshop": WORKSHOP, "speakers": SPEAKERS, "schedule": schedule, **extra},
                '<< schedule() >>\n\n<< team("speakers") >>')


def test_clock_times_as_organizers_write_them() -> None:
    assert to_clock("08:50") == Clock(time(8, 50))
    assert to_clock("8:50 am") == Clock(time(8, 50))
    assert to_clock("12:15 PM") == Clock(time(12, 15))
    assert to_clock("12:45 AM") == Clock(time(0, 45))
    assert to_clock(570) == Clock(time(9, 30))  # YAML 1.1 reads 9:30 as 570
    assert to_clock("2024-05-12 09:00") == Clock(time(9), date(2024, 5, 12))
    for bad in ("25:00", "13:00 PM", "noonish"):
        with pytest.raises(FieldIssue):
            to_clock(bad)


def test_durations() -> None:
    assert [to_minutes(v) for v in (45, "45", "90 min", "1h", "1h30", "1:30", "2 hours")] == [
        45, 45, 90, 60, 90, 90, 120]
    with pytest.raises(FieldIssue, match="not a duration"):
        to_minutes("a while")
    with pytest.raises(FieldIssue, match="not a positive duration"):
        to_minutes(0)


def test_both_slips_of_the_iclr_seed_are_caught(site: SiteFn) -> None:
    built = site({"index.md": program(SLIPS)})
    assert built.ok
    assert built.workshop() == [
        "workshop: index.md: 'schedule', entry 4 (Invited talk 2): ends (12:15) before it "
        "starts (23:45). Fix: check AM and PM, or the end time.",
        "workshop: index.md: 'schedule', entry 5 (Contributed talks): starts at 12:15, before "
        "'Invited talk 2' (23:45) listed above it. Fix: list the slots in the order they happen, "
        "or check AM and PM.",
        "workshop: index.md: 'schedule', entry 6 (Lunch): starts at 00:45, before 'Contributed "
        "talks' (12:15) listed above it. Fix: list the slots in the order they happen, or check "
        "AM and PM.",
        "workshop: index.md: 'schedule', entry 6 (Lunch): (00:45\u201313:45) overlaps 'Opening "
        "remarks' (08:50\u201309:00). Fix: correct the times, or mark slots that run at once "
        "'parallel: true'.",
    ]
    strict = site({"index.md": program(SLIPS)}, strict=True)
    assert not strict.ok


def test_a_clean_program_renders_in_the_edition_zone(site: SiteFn) -> None:
    fixed = [dict(s) for s in SLIPS]
    fixed[3]["start"] = "11:45 AM"
    fixed[5]["start"] = "12:45 PM"
    built = site({"index.md": program(fixed)}, strict=True)
    assert built.ok, built.messages()
    html = built.html()
    assert '<p class="workshop-schedule__day"><time datetime="2024-05-11">Saturday, May 11, ' \
        '2024</time></p>' in html
    assert re.findall(r'<td class="workshop-slot__time"><time datetime="([^"]+)">([^<]+)</time>',
                      html)[:2] == [("2024-05-11T08:50+02:00", "08:50"),
                                    ("2024-05-11T09:00+02:00", "09:00")]
    assert "Times are in Europe/Vienna (UTC+02:00)." in html
    # Speakers on the page link to their cards.
    assert '<span class="workshop-slot__speakers"><a href="#bing-w-brunton">Bing W. Brunton</a>' \
        in html
    assert 'class="workshop-slot workshop-slot--poster-session"' in html
    assert html.count('<tr class="workshop-slot') == 7


def test_a_sessions_talks_are_listed_under_its_title_escaped(site: SiteFn) -> None:
    talks = ["Neural operators, A. Author", "<b>x</b> {{ 7*7 }} & more"]
    schedule = [{"start": "09:00", "end": "10:00", "title": "Oral session", "talks": talks},
                {"start": "10:00", "end": "10:30", "title": "Break", "talks": "One talk"}]
    built = site({"index.md": program(schedule)}, strict=True)
    assert built.ok, built.messages()
    html = built.html()
    assert re.findall(r'<ul class="workshop-slot__talks">(.*?)</ul>', html, re.S) == [
        "<li>Neural operators, A. Author</li><li>&lt;b&gt;x&lt;/b&gt; {{ 7*7 }} &amp; more</li>",
        "<li>One talk</li>"]
    calendar = (built.root / "site" / "index-program.ics").read_text()
    assert "DESCRIPTION:Neural operators\\, A. Author\\n<b>x</b> {{ 7*7 }} & more" in \
        calendar.replace("\r\n ", "")


def test_local_times_in_a_zone_the_page_does_not_name(site: SiteFn) -> None:
    schedule = [{"start": "09:00", "end": "10:00", "title": "Opening"}]
    built = site({"index.md": program(schedule, workshop={"date": "2024-05-11",
                                                          "timezone": "Local"})}, strict=True)
    assert built.ok, built.messages()
    html = built.html()
    assert '<span class="workshop-schedule__zone">Times are local to the venue.</span>' in html
    assert '<time datetime="2024-05-11T09:00">09:00</time>' in html
    assert "data-zone=" not in html
    calendar = (built.root / "site" / "index-program.ics").read_text()
    assert "DTSTART:20240511T090000\n" in calendar  # floating: no zone, no Z
    # Without it, the page is asked for its zone; and "local" is no zone for a date.
    assert site({"index.md": program(schedule, workshop={"date": "2024-05-11"})},
                strict=True).ok is False
    dates = site({"index.md": page({"workshop": {"date": "2024-05-11", "timezone": "local"},
                                    "dates": [{"what": "Deadline", "when": "2024-04-01",
                                               "timezone": "local"}]}, "<< dates() >>")})
    assert any("'dates', entry 1 (Deadline), field 'timezone': 'local' names no time zone: it "
               "is for the program's times only, in the workshop block ('workshop: timezone: "
               "local'). Fix: write AoE, UTC, or a name from the IANA database such as "
               "Europe/Vienna here." in m for m in dates.workshop()), dates.workshop()


def test_durations_open_ends_parallel_slots_and_several_days(site: SiteFn) -> None:
    schedule = [
        {"day": "2024-07-26", "start": "09:00", "duration": 30, "title": "Welcome"},
        {"start": "09:30", "title": "Talk A", "speakers": "Kevin Yang"},
        {"start": "10:00", "end": "11:00", "title": "Posters, hall A", "parallel": True},
        {"start": "10:00", "end": "11:00", "title": "Posters, hall B", "parallel": True},
        {"day": "2024-07-27", "start": "2024-07-27 09:00", "end": "10:00",
         "title": "Day two keynote", "kind": "Keynote"},
    ]
    workshop = {**WORKSHOP, "date": None, "start": "2024-07-26", "end": "2024-07-27"}
    built = site({"index.md": page({"workshop": workshop, "speakers": SPEAKERS,
                                    "schedule": schedule}, "<< schedule() >>")},
                 plugins=[MACROS, {"workshop": {"time_format": "12h"}}])
    assert built.ok, built.messages()
    # The roster is on the page for the program's names only: the build says nothing shows it.
    assert [m.split(" Fix:")[0] for m in built.messages()] == [
        "workshop: index.md: 'speakers': has 2 people, but no << team(\"speakers\") >> on the "
        "page shows them."]
    html = built.html()
    program = html[html.index('<div class="workshop-schedule'):]  # not the edition header
    assert re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)">', program) == ["2024-07-26",
                                                                         "2024-07-27"]
    # 9:30 has no end: it lasts until the next slot, at 10:00.
    assert ('<time datetime="2024-07-26T09:30+02:00">9:30 AM</time>&ndash;'
            '<time datetime="2024-07-26T10:00+02:00">10:00 AM</time>') in html
    assert '<time datetime="2024-07-26T09:00+02:00">9:00 AM</time>&ndash;' \
        '<time datetime="2024-07-26T09:30+02:00">9:30 AM</time>' in html
    # Kevin Yang is in a roster the page does not show: no link to a card that is not there.
    assert '<span class="workshop-slot__speakers">Kevin Yang</span>' in html
    assert '<span class="workshop-slot__kind">keynote</span>' in html


def test_speakers_from_the_directory_and_typos(site: SiteFn) -> None:
    people = "max-welling:\n  name: Max Welling\n  url: https://staff.fnwi.uva.nl/m.welling\n"
    built = site({"index.md": program([
        {"start": "09:00", "end": "10:00", "title": "Talk",
         "speakers": ["max-welling", "Kevin Yangg", "Someone Else"]}])},
        files={"docs/people.yml": people})
    assert built.ok
    html = built.html()
    assert '<a href="https://staff.fnwi.uva.nl/m.welling">Max Welling</a>, Kevin Yangg, ' \
        "Someone Else</span>" in html
    assert built.workshop() == [
        "workshop: index.md: 'schedule', entry 1 (Talk), field 'speakers': 'Kevin Yangg' matches "
        "no one on the page; it is shown as plain text. Fix: did you mean 'Kevin Yang'?"]


BAD: list[tuple[str, Any, str]] = [
    ("no start", [{"title": "Talk"}], "'schedule', entry 1 (Talk): has no start time."),
    ("not a time", [{"start": "25:00", "title": "Talk"}],
     "'schedule', entry 1 (Talk), field 'start': '25:00' is not a time of day."),
    ("no title", [{"start": "09:00"}], "'schedule', entry 1, field 'title': is missing."),
    ("both end and duration", [{"start": "09:00", "end": "10:00", "duration": 60, "title": "T"}],
     "has both 'end' and 'duration'."),
    ("slot is text", ["09:00 Opening"], "'schedule', entry 1: is the text '09:00 Opening', "
     "not a slot."),
    ("schedule is a mapping", {"09:00": "Opening"}, "'schedule': should be a list of slots."),
    ("javascript url", [{"start": "09:00", "title": "T", "url": "javascript:x"}],
     "field 'url': 'javascript:x' uses the 'javascript:' scheme"),
    ("talks as mappings", [{"start": "09:00", "title": "T", "talks": [{"title": "A"}]}],
     "field 'talks': should list lines of text, not a mapping ({title: A}). Fix: write each "
     "talk as one line: '- Title, Speaker'."),
]


@pytest.mark.parametrize(("schedule", "expected"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_slots_stop_the_build(site: SiteFn, schedule: Any, expected: str) -> None:
    built = site({"index.md": program(schedule)})
    assert not built.ok
    assert any(expected in m for m in built.workshop()), built.workshop()


WARN: list[tuple[str, dict[str, Any], list[dict[str, Any]], str]] = [
    ("no zone", {"date": "2024-05-11"}, [{"start": "09:00", "end": "10:00", "title": "T"}],
     "'schedule': has times but the page does not say in which time zone."),
    ("unknown kind", WORKSHOP, [{"start": "09:00", "end": "10:00", "title": "T",
                                 "kind": "keynot"}], "Fix: did you mean 'keynote'?"),
    ("day outside", WORKSHOP, [{"day": "2024-05-12", "start": "09:00", "end": "10:00",
                                "title": "T"}], "is on 2024-05-12, outside the workshop's days."),
    ("typo field", WORKSHOP, [{"start": "09:00", "end": "10:00", "title": "T",
                               "speaker": "Kevin Yang"}], "did you mean 'speakers'?"),
]


@pytest.mark.parametrize(("workshop", "schedule", "expected"), [w[1:] for w in WARN],
                         ids=[w[0] for w in WARN])
def test_suspicious_slots_warn(site: SiteFn, workshop: dict[str, Any],
                               schedule: list[dict[str, Any]], expected: str) -> None:
    built = site({"index.md": page({"workshop": workshop, "schedule": schedule},
                                   "<< schedule() >>")})
    assert built.ok
    assert any(expected in m for m in built.workshop()), built.workshop()


def test_a_slot_needs_a_day_when_others_have_one(site: SiteFn) -> None:
    built = site({"index.md": page({"schedule": [
        {"start": "09:00", "title": "T"}, {"day": "2024-05-11", "start": "10:00", "title": "U"}]},
        "<< schedule() >>")})
    assert not built.ok
    assert any("'schedule', entry 1 (T): has no day. Fix: add 'date:' to the workshop block"
               in m for m in built.workshop())


def test_a_program_of_no_day_yet(site: SiteFn) -> None:
    """Times known, day not (the conference assigns it later): shown under "Day to be
    announced", as wall-clock times, with no calendar, no Now/Next and no offset."""
    built = site({"index.md": page({"workshop": {"timezone": "Europe/Vienna"}, "schedule": [
        {"start": "09:00", "end": "09:10", "title": "Opening"},
        {"start": "09:10", "title": "Keynote"}, {"start": "10:00", "title": "Break"}]},
        "<< schedule() >>")}, strict=True)
    assert built.ok, built.messages()
    html = built.html()
    day = re.search(r'<p class="workshop-schedule__day">(.*?)</p>', html)
    assert day is not None and day.group(1) == "Day to be announced"
    assert '<time datetime="09:00">09:00</time>&ndash;<time datetime="09:10">09:10</time>' in html
    assert '<time datetime="09:10">09:10</time>&ndash;<time datetime="10:00">' in html
    assert "data-start" not in html and "data-zone" not in html
    assert ".ics" not in html
    assert "Times are in Europe/Vienna.<" in html and "UTC+" not in html
    assert not built.workshop()
    assert any("names no day, and the workshop block has no date" in m
               for m in built.workshop(logging.INFO))


def test_schedule_without_a_schedule(site: SiteFn) -> None:
    built = site({"index.md": page({"title": "X"}, "<< schedule() >>")})
    assert not built.ok
    assert any("<< schedule() >>: is used, but the page has no 'schedule:' list." in m
               for m in built.workshop())


def test_rooms_parallel_tracks_and_the_zone_before_the_times(site: SiteFn) -> None:
    schedule = [
        {"start": "09:00", "end": "10:00", "title": "Keynote", "room": "Hall A"},
        {"start": "10:00", "end": "11:00", "title": "Posters A", "parallel": True,
         "room": "Hall A"},
        {"start": "10:00", "end": "10:45", "title": "Posters B", "parallel": True,
         "location": "Hall <B>"},  # the older name of room:
        {"start": "11:00", "end": "11:30", "title": "Closing"},
    ]
    built = site({"index.md": program(schedule)}, strict=True)
    assert built.ok, built.messages()
    html = built.html()
    assert html.index('class="workshop-schedule__zone"') < html.index("workshop-slot__time")
    assert html.count('<tr class="workshop-slot') == 3  # the two posters share a row
    row = html.split('workshop-slot--parallel')[1].split("</tr>")[0]
    assert 'data-start="2024-05-11T10:00+02:00" data-end="2024-05-11T11:00+02:00"' in row
    assert row.count('<div class="workshop-slot__track ') == 2
    assert '<span class="workshop-slot__room">Hall &lt;B&gt;</span>' in row
    # Posters B ends earlier than its row: it shows its own times.
    assert ('<span class="workshop-slot__time workshop-slot__time--own">'
            '<time datetime="2024-05-11T10:00+02:00">10:00</time>&ndash;'
            '<time datetime="2024-05-11T10:45+02:00">10:45</time></span>') in row
    assert 'data-zone="Europe/Vienna" data-zone-words="Vienna time"' in html
    assert 'data-event-label="Show Vienna time"' in html
    program_ics = (built.root / "site" / "index-program.ics").read_text()
    assert "LOCATION:Hall <B>" in program_ics and "LOCATION:Hall A" in program_ics


def test_room_and_location_together_are_an_error(site: SiteFn) -> None:
    schedule = [{"start": "09:00", "end": "10:00", "title": "Keynote", "room": "Hall A",
                 "location": "Hall B"}]
    built = site({"index.md": program(schedule)})
    assert any("'schedule', entry 1 (Keynote): has both 'room' and 'location', which name the "
               "same thing. Fix: keep 'room:' and delete 'location:'." in m
               for m in built.workshop()), built.workshop()
