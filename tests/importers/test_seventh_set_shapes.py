"""Shapes found on a seventh round of real workshop sites (each measured unseen first), each a
fixture written here: a program table of two time columns (its start and its end) whose first
row is written in ``<th>`` cells, a panel's people after a label, a session of several talks in
one row, and a list of paper titles each ending in a line break."""

from __future__ import annotations

from datetime import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_workshop.importers.common.recognize import Recognized, recognize

from sitekit import build_config, import_files, imported_page

pytestmark = pytest.mark.timeout(120)


def read(text: str, year: int | None = 2025, title: str | None = None) -> Recognized:
    return recognize(text, lambda call: call, year=year, title=title)


def row(cells: list[str], cell: str = "td") -> str:
    return "  <tr>\n" + "".join(f"    <{cell}>{c}</{cell}>\n" for c in cells) + "  </tr>\n"


PROGRAM = ("## Program\n\n<table>\n<tbody>\n"
           + row(["8:30am", "8:40am", "Opening Remarks", ""], "th")
           + row(["8:40am", "9:40am", "Keynote #1",
                  '<a href="https://example.org/ada">Ada Quill</a> (University of Bath)'
                  "<br>&nbsp;&nbsp;<em>Title: Counting Owls by Ear</em>"
                  "<br><br><i>Session Chair: Bo Fern (UCL)</i>"])
           + row(["9:40am", "10:00am", "Coffee Break", ""])
           + row(["10:00am", "11:00am", "Invited Talks",
                  "Cy Moss (Acme Labs)<br><em>Title: Larks at Dawn</em>"
                  "<br>Di Reed (University of Leeds)<br><em>Title: Radios that Listen</em>"])
           + row(["11:00am", "12:00pm", "Panel Discussion",
                  "Panelists: Ada Quill, Cy Moss,<br>Di Reed and Ed Stone<br><br>"
                  "<i>Panel Moderator: Bo Fern (UCL)</i>"])
           + row(["12:00pm", "", "Closing Remarks", ""])
           + "</tbody>\n</table>\n")


def test_a_program_of_start_and_end_columns_its_first_row_in_th_cells() -> None:
    found = read(PROGRAM)
    assert [(s["start"], s.get("end"), s["title"]) for s in found.slots] == [
        ("08:30", "08:40", "Opening Remarks"),
        ("08:40", "09:40", "Keynote #1 \u2014 Counting Owls by Ear \u2014 Session Chair: Bo Fern "
                           "(UCL)"),
        ("09:40", "10:00", "Coffee Break"),
        ("10:00", "11:00", "Invited Talks"),
        ("11:00", "12:00", "Panel Discussion"),
        ("12:00", None, "Closing Remarks")], found.read


def test_a_session_of_talks_and_a_panel_name_their_people() -> None:
    slots = {s["title"].split(" \u2014 ")[0]: s for s in read(PROGRAM).slots}
    assert slots["Keynote #1"]["speakers"] == ["Ada Quill"]
    assert slots["Invited Talks"]["speakers"] == ["Cy Moss", "Di Reed"]
    assert slots["Invited Talks"]["talks"] == [
        "Larks at Dawn \u2014 Cy Moss (Acme Labs)",
        "Radios that Listen \u2014 Di Reed (University of Leeds)"]
    # the names a line break cut after a comma are one list; the moderator is one of them
    assert slots["Panel Discussion"]["speakers"] == ["Ada Quill", "Cy Moss", "Di Reed",
                                                     "Ed Stone", "Bo Fern"]


@pytest.mark.parametrize("session", ["Invited Talks", "Contributed Talks", "Keynote #2",
                                     "Poster Session II"])
def test_a_session_name_is_no_speaker(session: str) -> None:
    found = read("## Program\n\n<table>\n" + row(["1:00pm", "2:00pm", session,
                                                  "Ada Quill (University of Bath)<br>"
                                                  "Title: Counting Owls by Ear"])
                 + row(["2:00pm", "2:30pm", "Coffee Break", ""])
                 + row(["2:30pm", "3:00pm", "Closing Remarks", ""]) + "</table>\n")
    assert found.slots[0]["speakers"] == ["Ada Quill"], found.slots
    assert found.slots[0]["title"].startswith(session)


def test_a_th_row_of_column_names_stays_the_header() -> None:
    found = read("## Program\n\n<table>\n" + row(["Start", "End", "Session"], "th")
                 + row(["9:00", "9:30", "Opening"]) + row(["9:30", "10:30", "Owls at night"])
                 + row(["10:30", "11:00", "Coffee break"]) + "</table>\n")
    assert [(s["start"], s.get("end"), s["title"]) for s in found.slots] == [
        ("09:00", "09:30", "Opening"), ("09:30", "10:30", "Owls at night"),
        ("10:30", "11:00", "Coffee break")], found.read


@settings(max_examples=60, deadline=None)
@given(st.integers(7 * 60, 10 * 60),
       st.lists(st.tuples(st.integers(0, 30), st.integers(5, 90),
                          st.sampled_from(["Opening", "Owls at night", "Coffee break",
                                           "Lightning talks", "Lunch", "Closing remarks"])),
                min_size=3, max_size=8),
       st.sampled_from(["th", "td"]), st.booleans())
def test_every_row_of_a_start_and_end_program_keeps_its_times(
        first_start: int, steps: list[tuple[int, int, str]], first: str, twelve: bool) -> None:
    rows = []
    at = first_start
    for gap, length, title in steps:  # one after the other, as a day's program runs
        rows.append((at + gap, length, title))
        at += gap + length

    def clock(minutes: int) -> str:
        shown = time(minutes // 60 % 24, minutes % 60)
        return shown.strftime("%I:%M%p").lstrip("0").lower() if twelve else \
            shown.strftime("%H:%M")
    table = "## Program\n\n<table>\n" + "".join(
        row([clock(start), clock(start + length), title], first if n == 0 else "td")
        for n, (start, length, title) in enumerate(rows)) + "</table>\n"
    found = read(table)
    assert [(s["start"], s.get("end"), s["title"]) for s in found.slots] == [
        (f"{start // 60:02d}:{start % 60:02d}",
         f"{(start + length) // 60:02d}:{(start + length) % 60:02d}", title)
        for start, length, title in rows], (table, found.read, found.kept)


TITLES = """<h1>Poster Session 1</h1>

- Is Counting Owls Really the Main Bottleneck? <br>
- Larks at Dawn: A Study of Song <br>
- Radios that Listen to Birds <br/>

<h1>Poster Session 2</h1>

- Owls Again and Again <br>
- Quiet Nights for Loud Owls <br>
- A Census of Larks <br>
"""


def test_lists_of_titles_that_end_in_a_line_break_are_papers() -> None:
    found = read(TITLES, title="Poster Sessions")
    assert [[p["title"] for p in papers] for papers in found.papers.values()] == [
        ["Is Counting Owls Really the Main Bottleneck?", "Larks at Dawn: A Study of Song",
         "Radios that Listen to Birds"],
        ["Owls Again and Again", "Quiet Nights for Loud Owls", "A Census of Larks"]], found.kept


def test_a_break_inside_an_item_is_still_a_title_and_its_authors() -> None:
    found = read("## Accepted Papers\n\n- Counting Owls by Ear<br>Ada Quill, Bo Fern\n"
                 "- A Radio for Larks<br>Cy Moss\n- Radios that Listen<br>Di Reed, Ed Stone\n")
    papers = next(iter(found.papers.values()))
    assert [(p["title"], p.get("authors")) for p in papers] == [
        ("Counting Owls by Ear", "Ada Quill, Bo Fern"), ("A Radio for Larks", "Cy Moss"),
        ("Radios that Listen", "Di Reed, Ed Stone")]


def test_the_program_builds_with_its_talks(tmp_path: object) -> None:
    from pathlib import Path
    assert isinstance(tmp_path, Path)
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owls Day\n",
        "program.md": "---\ntitle: Program\n---\nOwls Day takes place on **August 15, "
                      "2025**.\n\n" + PROGRAM})
    meta, _rest = imported_page(dest, "program.md")
    assert [s["title"] for s in meta["schedule"]][:2] == [
        "Opening Remarks", "Keynote #1 \u2014 Counting Owls by Ear \u2014 Session Chair: Bo "
                           "Fern (UCL)"], report
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()
    html = (dest / "site" / "program" / "index.html").read_text("utf-8")
    assert "Radios that Listen" in html and "Ed Stone" in html


SESSIONS = ("## Workshop Program\n\n<table>\n"
            '<tr><td colspan=2><h4>14 Jul 2025 (all times <a href="https://example.org/edt">'
            "EDT</a>)</h4></td></tr>\n"
            + row(["<b>08:55\u201309:00</b>", "<b>Opening Remarks</b>"])
            + row(["<b>09:45\u201310:30</b>", "<b>Oral Session I</b>"])
            + row(["09:45\u201310:00", '<a href="https://example.org/1"><em>Counting Owls by '
                   "Ear</em></a><br />Ada Quill, Bo Fern"])
            + row(["10:00\u201310:15", '<a href="https://example.org/2"><em>Radios that Listen'
                   "</em></a><br />Cy Moss"])
            + row(["10:15\u201310:30", '<a href="https://example.org/3"><em>A Census of Larks'
                   "</em></a><br />Di Reed"])
            + row(["<b>10:30\u201311:00</b>", "<b>Break</b>"])
            + row(["<b>11:00\u201312:00</b>", "<b>Poster Session</b>"])
            + row(["11:15\u201311:30", "Coffee served in the hall"])
            + "</table>\n")


def test_a_session_over_its_timed_talks_is_their_heading() -> None:
    """A session row whose rows under it are its talks, the last ending when it ends: the
    session keeps its start, its talks their times and links, and nothing reads as parallel;
    a row inside a session that does not fill it (coffee during the posters) runs at once."""
    found = read(SESSIONS)
    assert [(s["start"], s.get("end"), s["title"].split(" \u2014 ")[0], s.get("parallel"))
            for s in found.slots] == [
        ("08:55", "09:00", "Opening Remarks", None),
        ("09:45", None, "Oral Session I", None),
        ("09:45", "10:00", "Counting Owls by Ear", None),
        ("10:00", "10:15", "Radios that Listen", None),
        ("10:15", "10:30", "A Census of Larks", None),
        ("10:30", "11:00", "Break", None),
        ("11:00", "12:00", "Poster Session", True),
        ("11:15", "11:30", "Coffee served in the hall", True)], found.read
    assert found.slots[2]["url"] == "https://example.org/1"


def test_the_zone_after_a_programs_day_is_no_room() -> None:
    found = read(SESSIONS)
    assert {s.get("day") for s in found.slots} == {"2025-07-14"}
    assert not any("room" in s for s in found.slots), found.slots


def test_a_row_a_few_minutes_before_the_one_above_is_put_in_order() -> None:
    """A session written to start with its second part (09:10, its opening remarks at 09:00):
    the rows are put in the order of their times, and the report says which; a row an hour
    before the one above stays a reason to keep the table as written."""
    def program(first: str) -> str:
        return ("## Program\n\n<table>\n<tr><td colspan=2><h4>21 Jun 2025 (all times CST)"
                "</h4></td></tr>\n" + row([f"<b>{first}\u201310:00</b>", "<b>Opening Session</b>"])
                + row(["09:00\u201309:10", "<em>Opening Remarks</em><!-- <br> a note -->"])
                + row(["09:10\u201309:50", "<em>Keynote: Ada Quill</em>"])
                + row(["09:50\u201310:00", "<em>Questions</em>"])
                + row(["10:00\u201310:30", "<b>Break</b>"]) + "</table>\n")
    found = read(program("09:10"), year=None)
    assert [(s["start"], s.get("end"), s["title"], s.get("parallel")) for s in found.slots] == [
        ("09:00", "09:10", "Opening Remarks", None), ("09:10", None, "Opening Session", None),
        ("09:10", "09:50", "Keynote: Ada Quill", None), ("09:50", "10:00", "Questions", None),
        ("10:00", "10:30", "Break", None)], (found.read, found.kept)
    assert any("'Opening Remarks' (09:00) was under 'Opening Session' (09:10)" in k
               for k in found.kept), found.kept
    assert "2025-06-21" in found.read[-1], found.read
    late = read(program("10:05"), year=None)
    assert not late.slots and any("not in order" in k for k in late.kept), late.kept


def test_a_second_column_of_the_same_times_in_another_zone_is_no_end() -> None:
    """"| 9:00 | 18:00 | Opening |" (Pacific, then Central European time): the second time
    runs hours ahead of the next row's start, so it is not the row's end."""
    found = read("## Program\n\n<table>\n"
                 + row(["9:00", "18:00", "Opening"]) + row(["9:15", "18:15", "Owls at night"])
                 + row(["10:00", "19:00", "Coffee break"]) + row(["10:30", "19:30", "Larks"])
                 + "</table>\n")
    assert [(s["start"], s.get("end")) for s in found.slots] == [
        ("09:00", None), ("09:15", None), ("10:00", None), ("10:30", None)], found.read


REVIEWERS = """# Reviewers

In addition to the organizers, our reviewer committee includes the following members:
<a target="blank" href="https://example.org/ada">Ada Quill</a>,
<a target="blank" href="https://example.org/bo">Bo Fern</a>,
<a href="https://example.org/cy">Cy Moss</a>, and
<a href="https://example.org/di">Di Reed</a>, Ed Stone.

More about the committee.
"""


def test_a_paragraph_of_linked_names_after_a_line_that_leads_to_them() -> None:
    found = read(REVIEWERS, title="Organizers")
    assert found.rosters == {"reviewers": [
        {"name": "Ada Quill", "url": "https://example.org/ada"},
        {"name": "Bo Fern", "url": "https://example.org/bo"},
        {"name": "Cy Moss", "url": "https://example.org/cy"},
        {"name": "Di Reed", "url": "https://example.org/di"}, {"name": "Ed Stone"}]}
    # the leading line stays, a blank line under it: the call is a block of its own
    assert "following members:\n\n<< team(\"reviewers\", \"names\") >>\n\nMore about" \
        in found.text, found.text


def test_a_paragraph_of_prose_under_a_people_heading_stays_text() -> None:
    found = read("# Reviewers\n\nWe thank our reviewers:\nthey read, wrote, checked and "
                 "argued with care,\nand made the workshop what it is.\n", title="Organizers")
    assert not found.rosters and "argued with care" in found.text


@pytest.mark.parametrize("title", ["Keynote: Ada Quill", "Keynote: Counting Owls",
                                   "Keynote 3: **Ada Quill** (Univ A) - *Towards Owls*"])
def test_a_kind_of_session_and_two_capitalized_words_stay_its_title(title: str) -> None:
    """"Keynote: Ada Quill" and "Keynote: Counting Owls" read the same: who gives it or what
    it is about is not known from the words, and the title stays as written."""
    found = read("## Program\n\n| 09:00 | " + title + " |\n|---|---|\n| 10:00 | Coffee break |\n"
                 "| 10:30 | Closing |\n")
    slot = found.slots[0]
    assert slot["title"] == title.replace("**", "").replace("*", "") and "speakers" not in slot


@pytest.mark.parametrize("shape", [
    "# Reviewers\n\nOur reviewers:\nAda Quill,{} Bo Fern, Cy Moss, Di Reed and Ed Stone.\n",
    "## Accepted Papers\n\n- Counting Owls by Ear{}<br>\n- Larks at Dawn <br>\n- Radios <br>\n",
    "## Accepted Papers\n\n- Counting Owls by Ear<br>Ada{} Quill\n- A Radio<br>Bo Fern\n",
    "## Program\n\n<table>\n<tr><th>9:00</th><th>9:30</th><th>Opening{}</th></tr>\n"
    "<tr><td>9:30</td><td>10:00</td><td>Panel</td><td>Panelists: Ada Quill,{} Bo Fern</td>"
    "</tr>\n</table>\n",
])
@pytest.mark.timeout(60)
def test_a_megabyte_of_spaces_in_the_new_shapes_is_read_in_time(shape: str) -> None:
    """Each new reading on a run of a megabyte of spaces (and of tabs and line breaks in a
    cell) ends within the time limit: its patterns are linear."""
    for run in (" " * 1_000_000, "\t \n" * 100_000):
        read(shape.replace("{}", run))
