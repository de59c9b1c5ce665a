"""Shapes found on a fourth set of real workshop sites (measured unseen first), each a fixture
written here: dates in the containers pages put them in (an HTML table with row headers, a
definition list, rows of boxes, a run of prose ending in two date lines, a key-facts row
naming the day), date lines with notes and other ways of writing a day, papers with their
decision and their authors' affiliations in brackets, tables whose header is a bold row,
grids of pictures over names, "12:00am" meaning noon, and a committee file's "program:"."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_workshop.importers.common.freedates import parse_date_line
from mkdocs_workshop.importers.common.recognize import (
    Recognized,
    read_paper,
    read_person,
    read_times,
    recognize,
)

from sitekit import build_config, import_files, imported_page


def read(text: str, year: int | None = 2024) -> Recognized:
    return recognize(text, lambda call: call, year=year)


def labels(found: Recognized) -> list[tuple[str, date]]:
    return [(line.what, line.date.first) for _text, line in found.dates]


TWO = [("Submission deadline", date(2024, 5, 1)), ("Notification", date(2024, 6, 1))]


@pytest.mark.parametrize("text", [
    # a table whose rows are headed by a <th>
    "<h2>Important Dates</h2>\n<table><thead><tr><th>What</th><th>When</th></tr></thead>\n"
    "<tbody><tr><th>Submission deadline</th><td>May 1, 2024</td></tr>\n"
    "<tr><th>Notification</th><td>June 1, 2024</td></tr></tbody></table>\n",
    # an HTML definition list
    "<h2>Important Dates</h2>\n<dl>\n<dt>Submission deadline</dt><dd>May 1, 2024</dd>\n"
    "<dt>Notification</dt>\n<dd>June 1, 2024</dd>\n</dl>\n",
    # rows of boxes of a grid, of a class that names nothing
    "<h2>Important Dates</h2>\n<div class=\"row\"><div class=\"col-6\">Submission deadline"
    "</div><div class=\"col-6\">May 1, 2024</div></div>\n<div class=\"row\"><div "
    "class=\"col-6\">Notification</div><div class=\"col-6\">June 1, 2024</div></div>\n",
    # the date first, without its year (the page's)
    "<h2>Important Dates</h2>\n<table>\n<tr><td>May 1</td><td>Submission deadline</td></tr>\n"
    "<tr><td>June 1</td><td>Notification</td></tr>\n</table>\n",
    # the date and its time in cells of their own
    "## Important Dates\n\n| Event | Date | Time |\n| --- | --- | --- |\n"
    "| Submission deadline | May 1, 2024 | 23:59 AoE |\n| Notification | June 1, 2024 | |\n",
    # a header written as a bold row, with no line of dashes under it
    "## Important Dates\n\n| **Event** | **Date** |\n| Submission deadline | May 1, 2024 |\n"
    "| Notification | June 1, 2024 |\n",
])
def test_dates_in_the_containers_pages_put_them_in(text: str) -> None:
    found = read(text)
    assert labels(found) == TWO, (found.kept, found.read)
    assert "<< dates() >>" in found.text


def test_a_run_of_prose_that_ends_in_two_date_lines_gives_them_as_dates() -> None:
    """Under "Abstract Submission" (a heading of no kind), prose paragraphs and then two
    bold date lines: the prose stays, the two lines become the dates."""
    text = ("## Abstract Submission\n\nWe invite short abstracts on owls.\n\n"
            "Write to the chairs with questions.\n\n"
            "**Submission deadline: 6 March 2023**\n\n**Acceptance notification: 8 March 2023**\n\n"
            "## Sponsors\n\nNone yet.\n")
    found = read(text, 2023)
    assert labels(found) == [("Submission deadline", date(2023, 3, 6)),
                             ("Acceptance notification", date(2023, 3, 8))]
    assert "We invite short abstracts on owls." in found.text
    assert "Write to the chairs with questions." in found.text
    assert found.text.index("Write to the chairs") < found.text.index("<< dates() >>")


def test_two_lines_that_are_no_steps_of_a_call_stay_text() -> None:
    text = ("## Our history\n\nFirst meeting: May 1, 2019\n\nSecond meeting: May 1, 2021\n")
    assert read(text).dates == []


@pytest.mark.parametrize(("line", "first", "last", "note"), [
    ("Workshop dates: **3rd - 7th January, 2023**; in person at Hall C",
     date(2023, 1, 3), date(2023, 1, 7), "in person at Hall C"),
    ("Submission deadline: May 1, 2024 (via OpenReview)",
     date(2024, 5, 1), date(2024, 5, 1), "via OpenReview"),
    ("Workshop: July 27, 2024 (Vienna, Austria)", date(2024, 7, 27), date(2024, 7, 27),
     "Vienna, Austria"),
    ("Workshop: 30 January - 2 February 2023", date(2023, 1, 30), date(2023, 2, 2), ""),
    ("Workshop: Monday 30 January - Thursday 2 February 2023", date(2023, 1, 30),
     date(2023, 2, 2), ""),
    ("Deadline: 2024/05/01", date(2024, 5, 1), date(2024, 5, 1), ""),
    ("Deadline: 13/05/2024", date(2024, 5, 13), date(2024, 5, 13), ""),
    ("Deadline: 05/13/2024", date(2024, 5, 13), date(2024, 5, 13), ""),
    ("Camera-ready: May 1, 2024 (postponed)", date(2024, 5, 1), date(2024, 5, 1), "postponed"),
])
def test_date_lines_with_notes_and_other_ways_of_writing_a_day(
        line: str, first: date, last: date, note: str) -> None:
    found = parse_date_line(line, 2024)
    assert found is not None
    assert (found.date.first, found.date.last, found.note) == (first, last, note)


@pytest.mark.parametrize("line", ["Deadline: 05/01/2024", "Deadline: 2024/13/01",
                                  "Deadline: 31/02/2024"])
def test_a_day_written_with_slashes_that_could_be_two_days_stays_text(line: str) -> None:
    """05/01/2024 is May 1 in one country and 5 January in another: kept as written."""
    assert parse_date_line(line) is None


@pytest.mark.parametrize(("line", "zone"), [
    ("Deadline: May 1, 2024 (11:59 PM Pacific Time)", "America/Los_Angeles"),
    ("Deadline: May 1, 2024, 11:59 p.m. Eastern Daylight Time", "America/New_York"),
    ("Deadline: May 1, 2024 23:59 Central European Time", "Europe/Paris"),
])
def test_zones_written_as_words(line: str, zone: str) -> None:
    found = parse_date_line(line)
    assert found is not None and found.date.time == time(23, 59) and found.date.zone == zone
    assert found.note == ""


def test_the_weekday_of_a_struck_day_and_the_new_days_time() -> None:
    found = parse_date_line("Submission deadline: Monday, ~~June 5, 2023 (23:59 GMT)~~ "
                            "June 8, 2023 (23:59 GMT)")
    assert found is not None and found.extended is not None
    assert (found.date.first, found.extended.first, found.extended.time, found.note) == (
        date(2023, 6, 5), date(2023, 6, 8), time(23, 59), "")


def test_a_papers_decision_and_its_authors_affiliations() -> None:
    paper = read_paper(["<b>[Owls at Night](https://openreview.net/pdf?id=abc123) (Spotlight "
                        "Session #1, ID #2)</b> <br /> Ada Quill (North University, Lab A), "
                        "Bo Fern (East College & West Lab) and Cy Moss (Acme)"])
    assert paper == {"title": "Owls at Night", "decision": "Spotlight Session #1, ID #2",
                     "pdf": "https://openreview.net/pdf?id=abc123",
                     "authors": ["Ada Quill (North University, Lab A)",
                                 "Bo Fern (East College & West Lab)", "Cy Moss (Acme)"]}


def test_a_title_that_ends_in_brackets_keeps_them() -> None:
    paper = read_paper(["**Sharpness-Aware Minimization (SAM) for Owls** Ada Quill, Bo Fern"])
    assert paper is not None and paper["title"] == "Sharpness-Aware Minimization (SAM) for Owls"
    assert "decision" not in paper


def test_a_nickname_in_brackets_is_part_of_the_name() -> None:
    assert read_person(["Laxmikant (Sanjay) V. Kale, North University, USA"]) == {
        "name": "Laxmikant (Sanjay) V. Kale", "affiliation": "North University, USA"}
    assert read_person(["Ada Quill (North University)"]) == {
        "name": "Ada Quill", "affiliation": "North University"}


@pytest.mark.parametrize(("text", "start", "end"), [
    ("11:30am - 12:00am", "11:30", "12:00"),
    ("12:00am - 12:20pm", "12:00", "12:20"),
    ("11:15 PM - 12:30 AM", "23:15", "00:30"),
    ("12:30am - 12:45am", "00:30", "00:45"),
])
def test_twelve_am_said_for_noon(text: str, start: str, end: str) -> None:
    found = read_times(text)
    assert found is not None and found[:2] == (start, end)


GRID = "# Speakers\n\n" + "".join(line + "\n" for line in (
    '|<img src="a.png" alt="Ada Quill"/>|<img src="b.png" alt="Bo Fern"/>|'
    '<img src="c.png" alt="Cy Moss"/>|',
    "|[Ada Quill](https://a.example)<br />North University|[Bo Fern](https://b.example)<br />"
    "East College|[Cy Moss](https://c.example)<br />Acme|",
    '|<img src="d.png" alt="Di Lark"/>|<img src="e.png" alt="Ed Fox"/>|',
    "[Di Lark](https://d.example)<br />West Lab|[Ed Fox](https://e.example)<br />South "
    "Institute|"))


def test_a_grid_of_pictures_over_names_is_a_person_per_cell() -> None:
    """Rows of pictures, each over a row of names (one row written without its first pipe,
    which kramdown reads as a row all the same): five people, each with a picture."""
    found = read(GRID)
    [people] = found.rosters.values()
    assert [(p["name"], p.get("affiliation"), p.get("image")) for p in people] == [
        ("Ada Quill", "North University", "a.png"), ("Bo Fern", "East College", "b.png"),
        ("Cy Moss", "Acme", "c.png"), ("Di Lark", "West Lab", "d.png"),
        ("Ed Fox", "South Institute", "e.png")], found.kept


def test_a_grid_of_cells_each_a_picture_and_a_name() -> None:
    text = ("# Organizers\n\n<table><tr><td><img src=\"a.png\"><br>Ada Quill<br>North University"
            "</td><td><img src=\"b.png\"><br>Bo Fern<br>East College</td></tr>\n<tr><td><img "
            "src=\"c.png\"><br>Cy Moss<br>Acme</td><td></td></tr></table>\n")
    found = read(text)
    [people] = found.rosters.values()
    assert [p["name"] for p in people] == ["Ada Quill", "Bo Fern", "Cy Moss"], found.kept


PROGRAM = """\
---
layout: page
title: Program
---
# Program schedule

Date: Monday August 30, 2021

Chair: Ada Quill

* 9:00am - 9:05 am, Opening Remarks
* 9:05am - 10:00 am, Keynote (Bo Fern, North University)

---

* 10:30am - 10:50am, Morning Break

---

* 10:50am - 11:30am, Paper 12: Owls at night
* 11:30am - 12:00am, Paper 13: Radios that listen
* 12:00am - 12:20pm, Paper 14: Twin networks

---

* 12:30pm - 1:30pm, Lunch Break
"""


def test_one_timed_line_between_parts_of_a_program_goes_on_it(tmp_path: Path) -> None:
    """Lists of one line between rules ("* 10:30am - 10:50am, Morning Break") are slots of
    the program above; "12:00am" after a morning slot is noon; the page's "Date:" line is
    the day of its program."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owl Workshop 2021\n",
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "program.md": PROGRAM,
    })
    meta, _rest = imported_page(dest, "program.md")
    slots = [(s["start"], s.get("end"), s["title"]) for s in meta["schedule"]]
    assert slots == [
        ("09:00", "09:05", "Opening Remarks"), ("09:05", "10:00",
                                                 "Keynote (Bo Fern, North University)"),
        ("10:30", "10:50", "Morning Break"), ("10:50", "11:30", "Paper 12: Owls at night"),
        ("11:30", "12:00", "Paper 13: Radios that listen"),
        ("12:00", "12:20", "Paper 14: Twin networks"), ("12:30", "13:30", "Lunch Break")], report
    assert {str(s["day"]) for s in meta["schedule"]} == {"2021-08-30"}
    assert "1 slot," in report
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


def test_one_line_that_is_no_slot_after_a_program_stays_text_without_a_note(
        tmp_path: Path) -> None:
    found = read("# Program\n\n* 9:00 - 9:30 Opening\n* 9:30 - 10:00 Keynote\n\n---\n\n"
                 "* Lunch is served in the garden\n")
    assert len(found.slots) == 2
    assert "Lunch is served in the garden" in found.text
    assert not found.kept


def test_a_committee_files_program_list_is_people(tmp_path: Path) -> None:
    """``_data/committee.yml`` with ``program:`` (the program committee: names and
    affiliations, no time) is people, not a schedule."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "_data/committee.yml": ("organizing:\n  - name: Ada Quill\n    affiliation: North U\n"
                                "program:\n  - name: Bo Fern\n    affiliation: East College\n"
                                "  - name: Cy Moss\n    affiliation: Acme\n"),
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "committee.md": ("---\nlayout: page\ntitle: Committee\n---\n# Program Committee\n\n"
                         "{% for m in site.data.committee.program -%}\n"
                         "* {{ m.name }}, {{ m.affiliation }}\n{% endfor %}\n"),
    })
    meta, rest = imported_page(dest, "committee.md")
    assert "no slot could be read" not in report
    assert "<< team(" in rest, report
    everyone = [p["name"] for roster in _rosters(dest, meta) for p in roster]
    assert everyone == ["Bo Fern", "Cy Moss"], report


def _rosters(dest: Path, meta: dict[str, Any]) -> list[list[dict[str, Any]]]:
    found = [v for k, v in meta.items() if isinstance(v, list) and k not in ("schedule",)]
    for path in (dest / "docs" / "data").glob("*.yml") if (dest / "docs" / "data").exists() \
            else []:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(loaded, list) and loaded and isinstance(loaded[0], dict) and \
                "name" in loaded[0]:
            found.append(loaded)
    return found


def test_a_key_facts_row_names_the_workshops_day_and_a_posts_date_does_not(
        tmp_path: Path) -> None:
    """"| **Date** | May 5, 2023 (9 am - 6 pm) |" on the home page is the workshop's day,
    the day of a program that names none; a deadline extended in a table cell
    ("~~January 25~~ February 3, 2023") and a news post's front-matter ``date:`` are not."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "_posts/2023-01-02-news.md": "---\nlayout: page\ntitle: News\ndate: 2023-01-02\n---\n"
                                     "Hello.\n",
        "index.md": ("---\nlayout: page\ntitle: Owls\n---\n| | |\n| --- | --- |\n"
                     "| **Date** | May 5, 2023 (9 am - 6 pm Eastern Time) |\n"
                     "| **Where** | Hall C |\n"),
        "cfp.md": ("---\nlayout: page\ntitle: Call\n---\n<table>\n<tr><td>Deadline</td>\n"
                   "<td><strike>January 25</strike> <b>February 3</b>, 2023 (AoE) Extended!</td>"
                   "</tr>\n</table>\n"),
        "schedule.md": ("---\nlayout: page\ntitle: Schedule\n---\n# Schedule\n\n"
                        "| **Time** | **Event** |\n| 09:00 - 09:10 | Opening |\n"
                        "| 09:10 - 09:55 | Keynote |\n"),
    })
    meta, _rest = imported_page(dest, "schedule.md")
    assert [str(s["day"]) for s in meta["schedule"]] == ["2023-05-05"] * 2, report
    assert re.search(r"2 slots, 2023-05-05", report)


@pytest.mark.parametrize("text", [
    "## Timetable\n\n- 9:00 Opening\n- 9:30 Keynote: Ada Quill\n- 10:15 Coffee break\n",
    "## Itinerary\n\n- 9:00 Opening\n- 9:30 Keynote: Ada Quill\n- 10:15 Coffee break\n",
    # times that only start, under a heading of no kind
    "## Day 1\n\n| 9:00 | Opening |\n| 9:30 | Keynote: Ada Quill |\n| 10:15 | Coffee break |\n",
    # lines ending in Markdown's hard break (two spaces)
    "## Schedule\n\n**9:00** Opening  \n**9:30** Keynote: Ada Quill  \n**10:15** Coffee break\n",
])
def test_programs_under_other_words_and_in_other_lines(text: str) -> None:
    found = read(text)
    assert [(s["start"], s["title"]) for s in found.slots] == [
        ("09:00", "Opening"), ("09:30", "Keynote: Ada Quill"), ("10:15", "Coffee break")], (
        found.kept, found.read)


def test_times_out_of_order_under_a_heading_of_no_kind_stay_text() -> None:
    found = read("## Our history\n\n- 9:00 First\n- 8:00 Second\n- 7:00 Third\n")
    assert found.slots == []


@pytest.mark.parametrize("day", [date(2024, 5, 6), None])
def test_rows_naming_days_in_a_program_table(day: date | None) -> None:
    """"| **Monday, May 6** | |" rows: the day of the rows under them, each day's times read
    apart (9:00 on the second day is no slip of the afternoon), with or without a day the
    page names."""
    text = ("## Schedule\n\n| Time | Event |\n|---|---|\n| **Monday, May 6** | |\n"
            "| 9:00 | Opening |\n| 4:30 PM | Keynote |\n| **Tuesday, May 7** | |\n"
            "| 9:00 | Talks |\n| 9:30 | Panel |\n")
    found = recognize(text, lambda call: call, year=2024, day=day)
    assert [(s["day"], s["start"], s["title"]) for s in found.slots] == [
        ("2024-05-06", "09:00", "Opening"), ("2024-05-06", "16:30", "Keynote"),
        ("2024-05-07", "09:00", "Talks"), ("2024-05-07", "09:30", "Panel")], found.kept
    assert not found.undated


def test_a_row_naming_a_day_that_is_not_that_weekday_is_no_day() -> None:
    """May 5, 2024 is a Sunday: "Monday, May 5" names no day of that year; the table stays
    as written, and the report says which rows did not read."""
    text = ("## Schedule\n\n| **Monday, May 5** | |\n| 9:00 | Opening |\n| 9:30 | Keynote |\n")
    found = read(text)
    assert found.slots == [] and "entry 1 of 3" in found.kept[0]


def test_an_html_grid_of_pictures_over_names() -> None:
    """An HTML table: a row of pictures alone over a row of linked names with their
    affiliation after a <br>: a person per column, each with the picture above."""
    pictures = "".join(f'<td><img src="{c}.png" height="170"></td>' for c in "abc")
    names = ('<td><a href="https://a.example">Ada Quill</a> <br>Professor, North University</td>'
             '<td><a href="https://b.example">Bo Fern</a> <br> Lecturer, East College</td>'
             '<td><a href="https://c.example">Cy Moss</a> <br> Acme</td>')
    found = read(f"### Panelists\n\n<table>\n<tr>{pictures}</tr>\n<tr>{names}</tr>\n</table>\n")
    [people] = found.rosters.values()
    assert [(p["name"], p.get("image"), p.get("url")) for p in people] == [
        ("Ada Quill", "a.png", "https://a.example"), ("Bo Fern", "b.png", "https://b.example"),
        ("Cy Moss", "c.png", "https://c.example")], found.kept


def test_a_row_of_pictures_alone_that_is_no_grid_is_no_record() -> None:
    """A sponsors' row of logos above a table of dates is passed over, as before."""
    found = read("## Important Dates\n\n<table>\n<tr><td><img src=\"logo.png\"></td></tr>\n"
                 "<tr><td>Submission deadline</td><td>May 1, 2024</td></tr>\n"
                 "<tr><td>Notification</td><td>June 1, 2024</td></tr>\n</table>\n")
    assert labels(found) == TWO


def test_a_program_header_with_a_zone_and_plural_marks_in_brackets() -> None:
    text = ("### Schedule\n\n| | | |\n|---|---|---|\n"
            "| Start Time (CST/GMT-06:00, New Orleans) | Session | Speaker(s) |\n"
            "| 08:55 am | Opening Remarks | Organizers |\n"
            "| 09:00 am | **Invited Talk 1:** Owls at night | Ada Quill |\n"
            "| 09:30 am | Coffee Break | |\n")
    found = read(text)
    assert [(s["start"], s["title"], s.get("speakers")) for s in found.slots] == [
        ("08:55", "Opening Remarks \u2014 Organizers", None),
        ("09:00", "Invited Talk 1: Owls at night", ["Ada Quill"]),
        ("09:30", "Coffee Break", None)], found.kept


def test_a_dates_files_entry_with_no_day_yet_is_an_entry_of_its_own(tmp_path: Path) -> None:
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "_data/important_dates.yml": ('- name: "Paper submission"\n  date: "April 1, 2024 (AOE)"\n'
                                      '- name: "Notifications"\n  date: "April 26, 2024"\n'
                                      '- name: "Workshop date"\n  date: "TBC, 2024"\n'),
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "dates.md": ("---\nlayout: page\ntitle: Important Dates\n---\n"
                     "{% for d in site.data.important_dates %}\n"
                     "- {{ d.name }}: {{ d.date }}\n{% endfor %}\n"),
    })
    meta, rest = imported_page(dest, "dates.md")
    assert meta["dates"][-1] == {"what": "Workshop date", "when_text": "TBC, 2024"}, report
    assert "TBC" not in rest
    assert "with no day yet: Workshop date: TBC, 2024" in report
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()
    assert "TBC, 2024" in result.html("dates.md")


# Pages of a megabyte in each new shape, and lines made to make a reader go back and forth:
# each read in one pass (the test's time limit fails a reader that is quadratic in them).
HOSTILE = {
    "rows of boxes": "## Important Dates\n\n" + '<div class="row"><div class="c">Deadline</div>'
                     '<div class="c">May 1, 2024</div></div>\n' * 12_000,
    "nested boxes": "## Schedule\n\n" + '<div class="a">9:00 ' * 5_000 + "</div>" * 5_000,
    "definitions": "## Important Dates\n\n<dl>" + "<dt>Deadline</dt><dd>May 1, 2024</dd>"
                   * 25_000 + "</dl>\n",
    "picture grid": "## Speakers\n\n<table>" + ('<tr><td><img src="a.png"></td></tr><tr><td>'
                                                "Ada Quill<br>Univ A</td></tr>") * 12_000
                    + "</table>\n",
    "hard breaks": "## Schedule\n\n" + "**9:00** Opening  \n" * 50_000,
    "prose then dates": "## Call\n\n" + "Words of a call.\n\n" * 40_000
                        + "**Submission deadline: 6 March 2023**\n\n" * 2,
    "day rows": "## Schedule\n\n" + "| **Monday, May 6** | |\n| 9:00 | Opening |\n" * 20_000,
    "brackets": "## Accepted Papers\n\n- **A Title** " + "(" * 100_000 + "\n",
    "authors": "## Accepted Papers\n\n- **A Title** Ada Quill (" + "Univ, " * 30_000 + ")\n",
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_pages_in_the_new_shapes_are_read_in_one_pass(name: str) -> None:
    found = read(HOSTILE[name])
    assert isinstance(found.text, str)


@pytest.mark.timeout(30)
@pytest.mark.parametrize("text", [
    "Deadline: " + "May 1, 2024; " * 40, "Deadline: May 1, 2024 " + "(" * 400,
    "Deadline: 30 January - " * 20 + "2 February 2023", "Deadline: " + "1/" * 200 + "2024",
    "Deadline: " + " " * 480 + "May 1, 2024 (x)",
])
def test_date_lines_made_to_go_back_and_forth(text: str) -> None:
    for n in range(200):
        parse_date_line(text[: len(text) - n % 7], 2024)


@pytest.mark.timeout(30)
def test_paper_readers_on_hostile_brackets() -> None:
    for text in ["(" * 50_000, "Ada (" * 10_000, "A Title [oral " * 5_000 + ")", "(,)" * 20_000]:
        assert read_paper([f"**{text[:2000]}** {text}"]) is None or True
        read_person([text])


@pytest.mark.timeout(60)
def test_a_site_of_lines_made_like_key_facts_is_read_in_one_pass(tmp_path: Path) -> None:
    """Lines that start as a key fact does ("Date: ..."), made to make the date reader go
    back and forth, on many pages: the import ends, and finds no day in them."""
    hostile = "".join(f"Date: {'a: May 1 ' * 20}{n}\n\n" for n in range(3_000))
    files: dict[str, str | bytes] = {"_config.yml": "title: Owl Workshop\n"}
    for n in range(5):
        files[f"p{n}.md"] = f"---\ntitle: P{n}\n---\n{hostile}"
    dest, report = import_files(tmp_path, files)
    assert (dest / "mkdocs.yml").exists(), report


WEEK_GRID = """\
# Program of the School

All times are CEST.

|                              | Monday              | Tuesday             | Wednesday |
|------------------------------|---------------------|---------------------|-----------|
| **Week 1 (September 18-20)** |
|                              | *From 8:30: Registration* |
| 9:00 - 10:30                 | Ada Quill: Owls I   | Bo Fern: Radios I   | Ada Quill: Owls II |
| *Coffee break*
| 11:15 - 12:00                | *Introductions*     |                     | Cy Moss: Twins |
| **Week 2 (September 25-27)** |
| 9:00 - 10:30                 | Di Lark: Tides      | Ed Fox: Maps        | Closing |
"""


def test_a_week_at_a_glance_is_a_program_day_by_day(tmp_path: Path) -> None:
    """A column per weekday, a row per time, rows naming the weeks: each filled cell a slot
    on its day; a break row between two times on every day; an empty cell no slot; a cell
    that names no time kept as text under the program."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owl School 2023\n",
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "program.md": "---\nlayout: page\ntitle: Program\n---\n" + WEEK_GRID,
    })
    meta, rest = imported_page(dest, "program.md")
    slots = [(str(s["day"]), s["start"], s.get("end"), s["title"]) for s in meta["schedule"]]
    assert slots == [
        ("2023-09-18", "09:00", "10:30", "Ada Quill: Owls I"),
        ("2023-09-18", "10:30", "11:15", "Coffee break"),
        ("2023-09-18", "11:15", "12:00", "Introductions"),
        ("2023-09-19", "09:00", "10:30", "Bo Fern: Radios I"),
        ("2023-09-19", "10:30", "11:15", "Coffee break"),
        ("2023-09-20", "09:00", "10:30", "Ada Quill: Owls II"),
        ("2023-09-20", "10:30", "11:15", "Coffee break"),
        ("2023-09-20", "11:15", "12:00", "Cy Moss: Twins"),
        ("2023-09-25", "09:00", "10:30", "Di Lark: Tides"),
        ("2023-09-26", "09:00", "10:30", "Ed Fox: Maps"),
        ("2023-09-27", "09:00", "10:30", "Closing")], report
    assert "Monday: From 8:30: Registration" in rest
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


def test_a_week_at_a_glance_without_week_rows_takes_the_sections_day() -> None:
    text = ("## Schedule\n\n| Time | Monday | Tuesday |\n|---|---|---|\n"
            "| 9:00 | Opening | Talks |\n| 9:30 | Keynote | Panel |\n")
    found = recognize(text, lambda call: call, year=2024, day=date(2024, 5, 6))
    assert [(s["day"], s["start"], s["title"]) for s in found.slots] == [
        ("2024-05-06", "09:00", "Opening"), ("2024-05-06", "09:30", "Keynote"),
        ("2024-05-07", "09:00", "Talks"), ("2024-05-07", "09:30", "Panel")], found.kept


def test_a_table_whose_columns_are_no_days_is_no_week() -> None:
    text = ("## Schedule\n\n| Time | Room A | Room B |\n|---|---|---|\n"
            "| 9:00 | Opening | Talks |\n| 9:30 | Keynote | Panel |\n")
    found = read(text)
    assert {s.get("day") for s in found.slots} <= {None, "2024-05-06"}
    assert len(found.slots) in (2, 4)  # read as before: the rooms' rule, not days


def test_a_grid_of_pictures_names_and_affiliations_rows() -> None:
    """A row of pictures, a row of linked names, a row of affiliations, per group of
    columns (a line of dashes between the rows, as kramdown allows); a surname "Hall"."""
    text = ("### Organizers\n\n|:-:|:-:|\n|<img src=\"a.jpg\">|<img src=\"b.jpg\">|\n|:-:|:-:|\n"
            "| [Ada Quill](https://a.example) | [Siobhan Mackenzie Hall](https://b.example) |\n"
            "|:-:|:-:|\n| North University | East College |\n")
    found = read(text)
    [people] = found.rosters.values()
    assert [(p["name"], p.get("affiliation"), p.get("image")) for p in people] == [
        ("Ada Quill", "North University", "a.jpg"),
        ("Siobhan Mackenzie Hall", "East College", "b.jpg")], found.kept


def test_a_closing_br_tag_is_a_break() -> None:
    found = read("<h3>Technical Program Committee</h3>\n\nAda Quill, North University</br>\n"
                 "Bo Fern, East College</br>\nCy Moss, Acme</br>\n")
    [people] = found.rosters.values()
    assert [p["name"] for p in people] == ["Ada Quill", "Bo Fern", "Cy Moss"]


def test_an_old_themes_setting_named_as_a_plugins_key_is_dropped_with_a_note(
        tmp_path: Path) -> None:
    """``schedule: "https://..."`` (a theme's link) is no program: dropped with a note that
    shows it, and the page's program table becomes the page's ``schedule:``."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "index.md": ("---\nlayout: page\ntitle: Owls\nschedule: https://talks.example/s/\n"
                     "dates: \"\"\n---\n## Schedule - Monday, May 6, 2024\n\n| 9:00 | Opening |\n"
                     "| 9:30 | Keynote |\n"),
    })
    meta, _rest = imported_page(dest, "index.md")
    assert [s["title"] for s in meta["schedule"]] == ["Opening", "Keynote"], report
    assert "dates" not in meta
    assert "dropped: schedule 'https://talks.example/s/'" in report
    assert "dropped: dates ''" in report
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


DAYS_WITH_PLACES = """\
days:
  - name: Thursday March 26th (North Building, Theater 8)
    slots:
      - time: "10:00 - 10:20"
        title: Walk-in and coffee
      - time: "10:20 - 11:00"
        title: Owls at night
  - name: Friday March 27th (North Building, Theater 8)
    slots:
      - time: "10:00 - 10:25"
        title: Walk-in and coffee
      - time: "10:25 - 11:00"
        title: Radios that listen
"""


def test_a_program_files_days_named_with_a_weekday_and_a_place(tmp_path: Path) -> None:
    """Groups named "Friday March 27th (North Building, Theater 8)" are days (any year tells a
    day, without the weekday it would contradict), in the site's year, and their place is
    their slots' room."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owl Days 2026\n",
        "_data/program.yml": DAYS_WITH_PLACES,
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "program.md": ("---\nlayout: page\ntitle: Program\n---\n# Program\n\n"
                       "{% for day in site.data.program.days %}\n## {{ day.name }}\n"
                       "{% for s in day.slots %}\n- {{ s.time }}: {{ s.title }}\n{% endfor %}"
                       "{% endfor %}\n"),
    })
    meta, _rest = imported_page(dest, "program.md")
    day, seen = "", []
    for slot in meta["schedule"]:  # a slot without 'day:' is on the day of the one above
        day = str(slot.get("day", day))
        seen.append((day, slot["start"], slot.get("room")))
    assert seen == [
        ("2026-03-26", "10:00", "North Building, Theater 8"),
        ("2026-03-26", "10:20", "North Building, Theater 8"),
        ("2026-03-27", "10:00", "North Building, Theater 8"),
        ("2026-03-27", "10:25", "North Building, Theater 8")], report
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


def test_a_row_naming_a_day_and_its_place() -> None:
    text = ("## Schedule\n\n| **Monday, May 6 (Hall B)** | |\n| 9:00 | Opening |\n"
            "| 9:30 | Keynote |\n| **Tuesday, May 7** | |\n| 9:00 | Talks |\n")
    found = read(text)
    assert [(s["day"], s["start"], s.get("room")) for s in found.slots] == [
        ("2024-05-06", "09:00", "Hall B"), ("2024-05-06", "09:30", "Hall B"),
        ("2024-05-07", "09:00", None)], found.kept
