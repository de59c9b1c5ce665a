"""Calendar files and schema.org data, read back the way calendars and search engines do."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any

import icalendar

from sitekit import MACROS, Built, page

SiteFn = Callable[..., Built]
UTC = timezone.utc

EDITION: dict[str, Any] = {
    "title": "AI for Science: Scaling in AI for Scientific Discovery",
    "workshop": {"venue": "ICML 2024", "date": "2024-07-16", "location": "Vienna, Austria",
                 "timezone": "Europe/Vienna", "attendance": "hybrid",
                 "online_url": "https://example.org/stream"},
    "speakers": [{"name": "Bing W. Brunton", "url": "https://example.org/bing",
                  "aff": "University of Washington"}],
    "Organizers": [{"name": "Max Welling", "aff": "UvA"}],
    "dates": [
        {"Abstract Submission Deadline": "2024-04-08"},
        {"what": "Review Bidding Period", "start": "2024-05-16", "end": "2024-05-18"},
        {"what": "Camera-ready", "when": "2024-06-30 17:00", "timezone": "Europe/Vienna"},
        {"Workshop Date": "2024-07-16"},
    ],
    "schedule": [
        {"start": "08:50", "end": "09:00", "title": "Opening remarks", "kind": "remarks",
         "speakers": ["Max Welling"]},
        {"start": "09:00", "duration": 45, "title": "Invited talk",
         "speakers": ["Bing W. Brunton"]},
    ],
}
BODY = '<< dates() >>\n\n<< schedule() >>\n\n<< team("speakers") >>\n\n<< team("Organizers") >>'


def events(built: Built, name: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical((built.root / "site" / name).read_bytes())
    return list(calendar.walk("VEVENT"))


def test_the_dates_calendar_has_every_deadline_at_the_right_moment(site: SiteFn) -> None:
    built = site({"icml24.md": page(EDITION, BODY)}, strict=True)
    assert built.ok, built.messages()
    html = built.html("icml24.md")
    assert '<a class="workshop-calendar" href="icml24-dates.ics" download>' in html
    found = events(built, "icml24/icml24-dates.ics")
    assert [str(e["summary"]) for e in found] == [
        f"{what} (AI for Science: Scaling in AI for Scientific Discovery)" for what in (
            "Abstract Submission Deadline", "Review Bidding Period", "Camera-ready",
            "Workshop Date")]
    aoe = timezone(timedelta(hours=-12))
    moments = [(e.decoded("dtstart"), e.decoded("dtend")) for e in found]
    # The end of April 8 Anywhere on Earth, written as the UTC instant it is.
    assert moments[0] == (datetime(2024, 4, 8, 23, 59, 59, tzinfo=aoe),) * 2
    assert moments[0][0].utcoffset() == timedelta(0)  # a UTC time ("Z"), not a floating one
    assert moments[1] == (datetime(2024, 5, 16, tzinfo=aoe),
                          datetime(2024, 5, 18, 23, 59, 59, tzinfo=aoe))
    vienna = moments[2][0]
    assert vienna == datetime(2024, 6, 30, 15, 0, tzinfo=UTC)  # 17:00 CEST
    assert str(vienna.tzinfo) == "Europe/Vienna"
    raw = (built.root / "site/icml24/icml24-dates.ics").read_text()
    assert "DTSTART:20240409T115959Z" in raw
    assert "BEGIN:VTIMEZONE\nTZID:Europe/Vienna" in raw
    # Deadlines remind the day before; the workshop is its own day, all day, with no reminder
    # (issue 13: it was a zero-length deadline at the end of July 16 AoE, "tomorrow" alarm).
    assert all(e.walk("VALARM") for e in found[:3])
    workshop = found[3]
    assert workshop.decoded("dtstart") == date(2024, 7, 16)
    assert workshop.decoded("dtend") == date(2024, 7, 17)
    assert not workshop.walk("VALARM")
    assert str(workshop["location"]) == "Vienna, Austria"
    assert "DTSTART;VALUE=DATE:20240716" in raw and "DTEND;VALUE=DATE:20240717" in raw


def test_the_program_calendar_keeps_the_event_zone(site: SiteFn) -> None:
    built = site({"icml24.md": page(EDITION, BODY)}, strict=True)
    assert '<a class="workshop-calendar" href="icml24-program.ics" download>' in (
        built.html("icml24.md"))
    found = events(built, "icml24/icml24-program.ics")
    assert [(str(e["summary"]), e.decoded("dtstart").isoformat(), e.decoded("dtend").isoformat())
            for e in found] == [
        ("Opening remarks", "2024-07-16T08:50:00+02:00", "2024-07-16T09:00:00+02:00"),
        ("Invited talk", "2024-07-16T09:00:00+02:00", "2024-07-16T09:45:00+02:00")]
    assert str(found[0]["location"]) == "Vienna, Austria"
    assert str(found[1]["description"]) == "With Bing W. Brunton"
    raw = (built.root / "site/icml24/icml24-program.ics").read_text()
    assert "DTSTART;TZID=Europe/Vienna:20240716T085000" in raw


def test_calendars_can_be_turned_off(site: SiteFn) -> None:
    built = site({"icml24.md": page(EDITION, BODY)},
                 plugins=[MACROS, {"workshop": {"calendars": False}}], strict=True)
    assert built.ok, built.messages()
    assert "workshop-calendar" not in built.html("icml24.md")
    assert not list((built.root / "site").rglob("*.ics"))


def jsonld(html: str) -> dict[str, Any]:
    (text,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data: dict[str, Any] = json.loads(text)
    return data


def test_an_edition_page_carries_a_schema_org_event(site: SiteFn) -> None:
    built = site({"icml24.md": page(EDITION, BODY)},
                 extra_config={"site_url": "https://workshop.example.org/"}, strict=True)
    data = jsonld(built.html("icml24.md"))
    assert data == {
        "@context": "https://schema.org", "@type": "Event",
        "name": "AI for Science: Scaling in AI for Scientific Discovery",
        "startDate": "2024-07-16", "endDate": "2024-07-16",
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/MixedEventAttendanceMode",
        "location": [{"@type": "Place", "name": "Vienna, Austria", "address": "Vienna, Austria"},
                     {"@type": "VirtualLocation", "url": "https://example.org/stream"}],
        "superEvent": {"@type": "Event", "name": "ICML 2024"},
        "url": "https://workshop.example.org/icml24/",
        "performer": [{"@type": "Person", "name": "Bing W. Brunton",
                       "url": "https://example.org/bing",
                       "affiliation": {"@type": "Organization",
                                       "name": "University of Washington"}}],
        "organizer": [{"@type": "Person", "name": "Max Welling",
                       "affiliation": {"@type": "Organization", "name": "UvA"}}],
    }


def test_no_value_can_close_the_script(site: SiteFn) -> None:
    evil = "</script><script>alert(1)</script> & <!--"
    edition = {**EDITION, "title": evil, "speakers": [{"name": evil, "aff": evil}],
               "workshop": {**EDITION["workshop"], "location": evil}}
    built = site({"icml24.md": page(edition, BODY)}, strict=True)
    html = built.html("icml24.md")
    script = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in script and ">" not in script and "&" not in script
    data = jsonld(html)
    # The title is HTML to MkDocs and Material: the event's name is its text, as <title> has
    # it; a person's name and the place are text as written.
    assert data["name"] == "alert(1) & <!--" and data["performer"][0]["name"] == evil
    assert data["location"][0]["name"] == evil


def test_pages_without_a_workshop_block_have_no_event(site: SiteFn) -> None:
    built = site({"index.md": page({"speakers": [{"name": "A"}]}, '<< team("speakers") >>')},
                 strict=True)
    assert "application/ld+json" not in built.html()


def test_an_unknown_attendance_mode(site: SiteFn) -> None:
    built = site({"index.md": page({"workshop": {"date": "2024-07-16",
                                                 "attendance": "in person-ish"}}, "Hi")})
    assert not built.ok
    assert any("'workshop': attendance 'in person-ish' is not one I know. Fix: write in-person, "
               "online or hybrid." in m for m in built.workshop())


def test_an_extended_deadline_counts_everywhere_and_updates_its_event(site: SiteFn) -> None:
    dates = [{"what": "Paper Submission Deadline", "when": "2024-05-16",
              "extended": "2024-05-23"},
             {"Workshop Date": "2024-07-16"}]
    as_first_written = [{"Paper Submission Deadline": "2024-05-16"}, dates[1]]
    first = site({"icml24.md": page({**EDITION, "dates": as_first_written}, BODY)}, strict=True)
    before = events(first, "icml24/icml24-dates.ics")[0]  # read before the next build
    built = site({"icml24.md": page({**EDITION, "dates": dates}, BODY)}, strict=True)
    assert built.ok, built.messages()
    html = built.html("icml24.md")
    # Built on 2024-05-01 (SOURCE_DATE_EPOCH): the extended deadline is next.
    item = html.split('<li class="workshop-date workshop-date--next workshop-date--extended"')[1]
    item = item.split("</li>")[0]
    assert ('<del class="workshop-date__was"><time datetime="2024-05-16T23:59:59-12:00">'
            'May 16, 2024</time></del> <span class="workshop-date__extended">extended to</span> '
            '<time datetime="2024-05-23T23:59:59-12:00">May 23, 2024</time>') in item
    assert 'data-closes="2024-05-23T23:59:59-12:00" data-day="May 23, 2024" data-aoe' in html
    after = events(built, "icml24/icml24-dates.ics")[0]
    assert str(before["uid"]) == str(after["uid"])  # the same event, moved
    assert int(before.get("sequence", 0)) == 0 and int(after["sequence"]) == 1
    assert after.decoded("dtstart") == datetime(2024, 5, 24, 11, 59, 59, tzinfo=UTC)
    assert "Extended from May 16, 2024." in str(after["description"])


def test_an_extension_before_its_deadline_is_an_error(site: SiteFn) -> None:
    dates = [{"what": "Paper Submission Deadline", "when": "2024-05-16",
              "extended": "2024-05-12"},
             {"what": "Review period", "start": "2024-05-20", "end": "2024-05-22",
              "extended": "2024-05-25"}]
    built = site({"icml24.md": page({**EDITION, "dates": dates}, BODY)})
    messages = built.workshop()
    assert not built.ok
    assert any("'dates', entry 1 (Paper Submission Deadline): is extended to 2024-05-12, which "
               "is not after 2024-05-16. Fix: write the original deadline in 'when:' and the "
               "later, new one in 'extended:'." in m for m in messages), messages
    assert any("'dates', entry 2 (Review period): has 'extended' but no 'when'" in m
               for m in messages), messages


def test_once_every_date_has_passed_one_line_says_when_and_where(site: SiteFn) -> None:
    dates = [{"Paper Submission Deadline": "2024-03-16"}, {"Workshop Date": "2024-04-16"}]
    edition = {**EDITION, "workshop": {**EDITION["workshop"], "date": "2024-04-16"},
               "dates": dates, "schedule": []}
    built = site({"icml24.md": page(edition, '<< dates() >>\n\n<< team("speakers") >>\n\n'
                                             '<< team("Organizers") >>')},
                 strict=True)
    assert built.ok, built.messages()
    html = built.html("icml24.md")
    assert '<div class="workshop-dates" data-all-past>' in html
    assert '<p class="workshop-dates__held">Held on April 16, 2024 in Vienna, Austria.</p>' \
        in html
    assert '<details class="workshop-dates__all">' in html  # closed: the list behind it
    assert html.count("workshop-date--past") == 2
    still = site({"icml24.md": page(EDITION, BODY)}, strict=True).html("icml24.md")
    assert '<details class="workshop-dates__all" open>' in still
    assert '<p class="workshop-dates__held" hidden>Held on July 16, 2024 in Vienna, Austria.' \
        in still


def test_a_place_to_be_announced_is_not_spliced_into_the_held_line(site: SiteFn) -> None:
    dates = [{"Paper Submission Deadline": "2024-03-16"}, {"Workshop Date": "2024-04-16"}]
    edition = {**EDITION, "workshop": {**EDITION["workshop"], "date": "2024-04-16",
                                       "location": "To be announced"},
               "dates": dates, "schedule": []}
    built = site({"icml24.md": page(edition, '<< dates() >>\n\n<< team("speakers") >>\n\n'
                                             '<< team("Organizers") >>')}, strict=True)
    assert built.ok, built.messages()
    html = built.html("icml24.md")
    assert '<p class="workshop-dates__held">Held on April 16, 2024.</p>' in html
    assert "in To be announced" not in html
    # The header still says it, where it stands alone.
    assert '<span class="workshop-header__where">To be announced</span>' in html


def test_a_program_without_a_zone_has_the_same_calendar_on_every_machine(
        site: SiteFn, monkeypatch: Any) -> None:
    """Its times are iCalendar's floating times (the clock time wherever the calendar is);
    they were read in the build machine's zone (TZ)."""
    import time

    edition = {**EDITION, "workshop": {k: v for k, v in EDITION["workshop"].items()
                                       if k != "timezone"}}
    made = []
    for zone in ("America/Los_Angeles", "Asia/Tokyo"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        built = site({"icml24.md": page(edition, BODY)})
        made.append((built.root / "site/icml24/icml24-program.ics").read_text())
    monkeypatch.delenv("TZ")
    time.tzset()
    assert made[0] == made[1]
    assert "DTSTART:20240716T085000\n" in made[0]  # floating: no Z, no TZID


def test_a_description_yaml_reads_as_a_date_is_text_in_the_event(site: SiteFn) -> None:
    """It made the JSON-LD writer raise a traceback."""
    built = site({"icml24.md": page({**EDITION, "description": date(2024, 5, 1)}, BODY)})
    assert built.ok, built.messages()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>',
                                built.html("icml24.md")).group(1))
    assert data["description"] == "2024-05-01"
