"""Shapes of multi-day meetings (a "week" of workshops on one site), each a fixture written
here: a program of headings under day headings, a session's own timed list under its
heading, papers whose authors are mappings, session rows followed by their papers in an
HTML table."""

# ruff: noqa: RUF001  (full-width brackets, colons and tildes are the text the tests read)
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mkdocs_workshop.importers.common.recognize import Recognized, recognize

from sitekit import build_config, import_files, imported_page


def read(text: str, year: int | None = 2021) -> tuple[Recognized, list[str]]:
    calls: list[str] = []

    def macro(call: str) -> str:
        calls.append(call)
        return call

    return recognize(text, macro, year=year), calls


WEEK = """\
## Detailed Schedule

All times are in central time.

### Monday - July 19th

#### 8:45 am - 9:00 am - Introduction by the Chairs
#### 9:00 am - 10:00 am - Keynote: Ada Quill - "Owls at night"

**Bio**: Ada Quill studies owls.

#### 10:15 am - 11:50 am - Session 1 - Representation
**Session chair**: Bo Reed

- **Counting owls in the dark** (*Cy Lam, Di Moss*)
- **Radios that listen** (*Ed Fox*)

#### 1:25 pm - 2:45 pm - Lunch break

### Tuesday - July 20th

#### 9:15 am - 10:15 am - Session 2 - Scale
- **Twin networks for all** (*Fay Gill*)

#### 10:15 am - 11:30 am - Keynote: Gus Hale - "Finding connections"
"""


def test_a_program_of_headings_under_day_headings() -> None:
    """Each timed heading a slot, on the day the heading over it names; the program shown
    before the first day's heading; the headings and their details stay as written."""
    result, calls = read(WEEK)
    assert calls == ["<< schedule() >>"]
    assert [(s.get("day"), s["start"], s["end"], s["title"]) for s in result.slots] == [
        ("2021-07-19", "08:45", "09:00", "Introduction by the Chairs"),
        (None, "09:00", "10:00", 'Keynote: Ada Quill - "Owls at night"'),
        (None, "10:15", "11:50", "Session 1 - Representation"),
        (None, "13:25", "14:45", "Lunch break"),
        ("2021-07-20", "09:15", "10:15", "Session 2 - Scale"),
        (None, "10:15", "11:30", 'Keynote: Gus Hale - "Finding connections"')]
    assert result.text.index("<< schedule() >>") < result.text.index("### Monday")
    assert "**Bio**: Ada Quill studies owls." in result.text
    assert "- **Radios that listen** (*Ed Fox*)" in result.text
    assert any("2021-07-19, 2021-07-20" in line for line in result.read), result.read


def test_days_of_headings_out_of_order_stay_text() -> None:
    text = WEEK.replace("Tuesday - July 20th", "Sunday - July 18th")
    result, calls = read(text)
    assert calls == [] and result.slots == []
    assert any("their days are not in order" in line for line in result.kept), result.kept


NESTED = """\
## Schedule

### Wednesday - July 21th

#### 9:00 am - 12:45 pm - Owl Workshop

- 9:00 Opening introduction
- 9:15 Keynote: Ada Quill
- 10:15 Discussion

#### 12:45 pm - 2:45 pm - Poster Session
#### 2:45 pm - 4:00 pm - Session 5 - Applications
#### 4:00 pm - 4:30 pm - Closing

### Thursday - July 22nd

#### 9:00 am - 12:45 pm - Bat Workshop
"""


def test_a_sessions_own_timed_list_under_its_heading_is_a_slots_details() -> None:
    """The headings (five slots over two days) are the program; the three times under one
    of them are that slot's details, kept as written, and said so."""
    result, calls = read(NESTED)
    assert calls == ["<< schedule() >>"]
    assert [(s.get("day"), s["start"], s["title"]) for s in result.slots] == [
        ("2021-07-21", "09:00", "Owl Workshop"), (None, "12:45", "Poster Session"),
        (None, "14:45", "Session 5 - Applications"), (None, "16:00", "Closing"),
        ("2021-07-22", "09:00", "Bat Workshop")]
    assert "- 9:15 Keynote: Ada Quill" in result.text
    assert any("kept as written under its heading" in line for line in result.read)


def test_a_timed_list_with_more_slots_than_the_headings_is_the_program() -> None:
    """Fewer headings than the list's times: the list is the program, its day the one the
    heading over its own heading names."""
    text = NESTED.split("#### 12:45")[0] + "- 11:00 Break\n- 11:30 Talks\n"
    text += "\n#### 12:45 pm - 2:45 pm - Posters\n#### 2:45 pm - 4:00 pm - Talks\n"
    result, calls = read(text)
    assert calls == ["<< schedule() >>"]
    assert [s["start"] for s in result.slots] == ["09:00", "09:15", "10:15", "11:00", "11:30"]
    assert result.slots[0]["day"] == "2021-07-21"


@pytest.mark.parametrize("heading", ["### Wednesday - July 21th", "### July 21, 2021",
                                     "### Day 3: Wednesday, July 21"])
def test_a_timed_list_takes_its_day_from_the_heading_over_its_heading(heading: str) -> None:
    text = (f"## Program\n\n{heading}\n\n#### Morning: the owl workshop\n\n"
            "- 9:00 Opening\n- 9:15 Keynote: Ada Quill\n- 10:15 Discussion\n")
    result, _calls = read(text)
    assert result.slots and result.slots[0]["day"] == date(2021, 7, 21).isoformat()


AUTHORED = """\
accepted_papers:
  - title: "Counting owls in the dark"
    authors:
      - name: Ada Quill
      - name: Bo Reed
    session: 1
  - title: "Radios that listen"
    authors:
      - {first: Cy, last: Lam}
    session: 1
  - title: "Twin networks for all"
    authors:
      - name: Di Moss
    session: 2
"""


def test_papers_whose_authors_are_mappings_are_papers_not_groups(tmp_path: Path) -> None:
    """A paper's "authors:" list of "- name: ..." mappings is the paper's authors: the file
    is three papers (not five papers titled by their authors), each with its authors."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owl Week\n",
        "_data/track.yml": AUTHORED,
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "papers.md": ("---\nlayout: page\ntitle: Papers\n---\n## Accepted papers\n\n"
                      "{% for p in site.data.track.accepted_papers %}"
                      "{% assign a = p.authors | map: 'name' %}\n"
                      "- **{{ p.title }}** (*{{ a | join: ', ' }}*)\n{% endfor %}\n"),
    })
    _meta, rest = imported_page(dest, "papers.md")
    assert "<< papers(" in rest, report
    written: list[dict[str, Any]] = _papers_file(dest)
    assert [(p["title"], p.get("authors")) for p in written] == [
        ("Counting owls in the dark", ["Ada Quill", "Bo Reed"]),
        ("Radios that listen", ["Cy Lam"]),
        ("Twin networks for all", ["Di Moss"])], report
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()
    assert len(re.findall(r'class="workshop-paper[" ]', result.html("papers.md"))) == 3


def _papers_file(dest: Path) -> list[dict[str, Any]]:
    import yaml

    [found] = (dest / "docs" / "data").glob("*.yml")
    loaded = yaml.safe_load(found.read_text(encoding="utf-8"))
    assert isinstance(loaded, list)
    return loaded


def _session_table(rows_after: str) -> str:
    return ("# Program\n\nOctober 30, 2026\n\n<table>\n"
            "<tr><td>9:05 AM - 10:25 AM</td><td><h3>Session 1: Sensing and Sharing<br>"
            "<font size=\"3\">Session chair: Ada Quill, North University</font></h3></td></tr>\n"
            + rows_after +
            "<tr><td>10:25 AM - 11:00 AM</td><td><h3>Coffee Break</h3></td></tr>\n</table>\n")


def _paper_row(title: str) -> str:
    return (f"<tr><td style=\"vertical-align:text-top;\"></td><td><b>{title}</b><br>"
            "<font size=\"2\">Bo Reed (East College), Cy Lam (West Lab)</font><br></td></tr>\n"
            "<tr><td>&nbsp;</td></tr>\n")


def test_rows_without_a_time_after_a_session_are_its_papers() -> None:
    """An HTML table: a session's row with its time, then a row per paper with its time cell
    empty: the papers are the session's talks (not slots of their own at the next time),
    each "Title — Authors"."""
    rows = "".join(_paper_row(t) for t in ("Counting owls", "Radios that listen", "Twins"))
    result, calls = read(_session_table(rows), year=None)
    assert calls == ["<< schedule() >>"]
    assert [(s["start"], s["title"].split(" \u2014 ")[0], s.get("talks", []))
            for s in result.slots] == [
        ("09:05", "Session 1: Sensing and Sharing", [
            f"{t} \u2014 Bo Reed (East College), Cy Lam (West Lab)"
            for t in ("Counting owls", "Radios that listen", "Twins")]),
        ("10:25", "Coffee Break", [])]


def test_one_row_without_a_time_under_a_session_is_its_talk() -> None:
    result, _calls = read(_session_table(_paper_row("Counting owls")), year=None)
    assert [len(s.get("talks", [])) for s in result.slots] == [1, 0]


def test_one_row_without_a_time_before_a_slot_heads_the_slots_after_it() -> None:
    """"| | Keynotes and panel |" over a plain slot (not a session's talks): the heading of the
    slots after it, at their time, as before."""
    text = ("# Program\n\nOctober 30, 2026\n\n| Time | Event |\n|---|---|\n"
            "| 9:00 - 9:30 | Opening |\n| | Keynotes and panel |\n| 9:30 - 10:00 | Keynote |\n"
            "| 10:00 - 10:30 | Break |\n")
    result, _calls = read(text, year=None)
    assert [(s["start"], s["title"]) for s in result.slots] == [
        ("09:00", "Opening"), ("09:30", "Keynotes and panel"), ("09:30", "Keynote"),
        ("10:00", "Break")]


DOCUMENT = """\
---
# an empty front matter: Jekyll renders its Liquid, with no layout
---
<html lang="en">
<head><title>{{ site.title }} | Accepted</title>
<link rel="stylesheet" href="css/main.css"></head>
<body>
    {% include header.html %}
    <header class="site-header"><h1>{{ site.title }}</h1><h2>Austin, October 30, 2026</h2>
    </header>
    <section id="accepted">
        <h3>ACCEPTED PAPERS</h3>
        <ul>
            <li><b>Counting owls in the dark</b><br><i>Ada Quill, Bo Reed</i></li>
            <li><b>Radios that listen</b><br><i>Cy Lam</i></li>
            <li><b>Twin networks for all</b><br><i>Di Moss</i></li>
        </ul>
    </section>
    <footer>Copyright owls</footer>
    <script src="js/site.js"></script>
</body>
</html>
"""


def test_a_page_that_writes_its_whole_html_document_keeps_its_content(
        tmp_path: Path) -> None:
    """A page with front matter and no layout whose text is a whole HTML document: its
    Liquid rendered, its content read (the papers list), its head, navigation, header,
    footer and scripts left out, and said so."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owl Week\n",
        "_includes/header.html": "<nav><a href='index.html'>Home</a></nav>",
        "accepted.html": DOCUMENT,
        "index.md": "---\ntitle: Owl Week\n---\nOctober 30, 2026, Austin.\n",
    })
    _meta, rest = imported_page(dest, "accepted.md")
    assert "<html" not in rest and "<head" not in rest and "<nav" not in rest, rest
    assert "Copyright owls" not in rest and "site.js" not in rest
    assert "<< papers(" in rest, report
    assert "writes a whole HTML document of its own" in report
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()
    assert len(re.findall(r'class="workshop-paper[" ]', result.html("accepted.md"))) == 3


def test_a_static_page_titled_by_liquid_jekyll_never_ran_has_no_such_title(
        tmp_path: Path) -> None:
    """An HTML file without front matter is published as it is: a <title> of Liquid is not
    the page's name in the new site."""
    dest, _report = import_files(tmp_path, {
        "_config.yml": "title: Owl Week\n",
        "demo.html": ("<html><head><title>{{ site.data.conf.title }} | Demo</title></head>"
                      "<body><main><h1>Demo day</h1><p>Bring a working owl radio.</p></main>"
                      "</body></html>\n"),
        "index.md": "---\ntitle: Owl Week\n---\nHello owls.\n",
    })
    meta, rest = imported_page(dest, "demo.md")
    assert "title" not in meta and "Bring a working owl radio." in rest


# ---------------------------------------------------------------------------------------------
# A program file of days keyed by name, sessions with their presentations, in Japanese
# ---------------------------------------------------------------------------------------------

DAYS_FILE = """\
day1:
  date: "2025年9月9日（火）"
  sessions:
    - time: "9:15 - 9:50"
      title: "受付"
    - time: "10:00 - 11:00"
      title: "口頭発表セッション1"
      type: "oral"
      presentations:
        - time: "10:00"
          speaker: "山田花子"
          affiliation: "北大学"
          title: "ふくろうの夜の数え方"
          abstract: "夜にふくろうを数える。"
        - time: "10:20"
          speaker: "鈴木一郎"
          title: "耳をすますラジオ"
    - time: "16:30 -"
      title: "懇親会"
day2:
  date: "2025年9月10日（水）"
  sessions:
    - time: "9:30～10:30"
      title: "ポスターセッション"
    - time: "10:30 - 11:00"
      title: "閉会式"
"""

DAYS_PAGE = """\
---
layout: page
title: プログラム
---
{% for d in site.data.restaurants_near.places %}<p>{{ d.name }}</p>{% endfor %}
<div class="card-title">1日目：{{ site.data.schedule.day1.date }}</div>
<table>{% for s in site.data.schedule.day1.sessions %}
<tr><td>{{ s.time }}</td><td>{{ s.title }}
{% for p in s.presentations %}<br>{{ p.time }} {{ p.title }} {{ p.speaker }}{% endfor %}
</td></tr>{% endfor %}</table>
<div class="card-title">2日目：{{ site.data.schedule.day2.date }}</div>
<table>{% for s in site.data.schedule.day2.sessions %}
<tr><td>{{ s.time }}</td><td>{{ s.title }}</td></tr>{% endfor %}</table>
"""


def test_a_program_of_named_days_in_japanese_with_sessions_presentations(
        tmp_path: Path) -> None:
    """Days keyed by name ("day1:", "day2:"), each with its date in Japanese and its
    sessions, a loop over each on one page: one program over both days; a session's
    presentations its talks ("time title — speaker (affiliation)"), their abstracts
    reported; an open end ("16:30 -") read; a list of restaurants is no roster."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owl Week\n",
        "_data/schedule.yml": DAYS_FILE,
        "_data/restaurants_near.yml": ("places:\n- name: Cafe Owl\n  url: https://x.example\n"
                                       "- name: Bat Bistro\n  url: https://y.example\n"),
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "program.html": DAYS_PAGE,
    })
    meta, rest = imported_page(dest, "program.html".replace(".html", ".md"))
    assert rest.count("<< schedule() >>") == 1, report
    slots = meta["schedule"]
    assert [(s.get("day"), s["start"], s["title"]) for s in slots] == [
        ("2025-09-09", "09:15", "受付"), (None, "10:00", "口頭発表セッション1"),
        (None, "16:30", "懇親会"), ("2025-09-10", "09:30", "ポスターセッション"),
        (None, "10:30", "閉会式")], report
    assert slots[1]["talks"] == ["10:00 ふくろうの夜の数え方 \u2014 山田花子 (北大学)",
                                 "10:20 耳をすますラジオ \u2014 鈴木一郎"]
    assert "presentations: abstract" in report
    assert "the page's program, after the days before it" in report
    assert "team(" not in rest and "Cafe Owl" in rest
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


@pytest.mark.parametrize(("text", "last"), [
    ("9月9日", date(2025, 9, 9)), ("9月9日～10日", date(2025, 9, 10)),
    ("9月30日〜10月1日", date(2025, 10, 1))])
def test_days_written_in_japanese_without_a_year(text: str, last: date) -> None:
    """A day or a period written without its year is in the page's (the written ones are
    with the other free dates, tests/importers/test_jekyll.py)."""
    from mkdocs_workshop.importers.common.freedates import parse_free_date

    found = parse_free_date(text, 2025)
    assert found is not None and found.first.year == 2025 and found.last == last


@pytest.mark.parametrize("text", ["2025年2月30日", "9日", "9月", "2025年13月1日",
                                  "9月10日～9月9日"])
def test_what_is_no_day_in_japanese(text: str) -> None:
    from mkdocs_workshop.importers.common.freedates import parse_free_date

    assert parse_free_date(text, 2025) is None


def test_a_papers_file_by_name_with_talk_times_is_papers_and_activity_titles_slots(
        tmp_path: Path) -> None:
    """accepted.yml, its papers grouped by session each with its talk's time: papers
    grouped by session (the program is another file); a program whose slots name their
    title "activity:" is the page's program."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owl Symposium\n",
        "_data/accepted.yml": (
            "- session: Owls\n  chair: Ada Quill\n  papers:\n"
            "  - title: Counting owls\n    authors: Bo Reed (North U)\n    time: 13:10 - 13:20\n"
            "  - title: Owl radios\n    authors: Cy Lam\n    time: 13:20 - 13:30\n"
            "- session: Bats\n  chair: Di Moss\n  papers:\n"
            "  - title: Bat songs\n    authors: Ed Fox\n    time: 13:10 - 13:20\n"),
        "_data/program.yml": ("- time: 13:00 - 13:10\n  activity: Opening\n"
                              "- time: 13:10 - 14:00\n  activity: Parallel sessions\n"
                              "- time: 14:00 - 14:30\n  activity: Closing\n"),
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "program.md": ("---\nlayout: page\ntitle: Program\n---\nMay 19, 2026\n\n"
                       "<ul>{% for s in site.data.program %}<li>{{ s.time }} {{ s.activity }}"
                       "</li>{% endfor %}</ul>\n\n## Accepted papers\n\n"
                       "{% for g in site.data.accepted %}<h3>{{ g.session }}</h3><ul>"
                       "{% for p in g.papers %}<li>{{ p.time }} {{ p.title }}, {{ p.authors }}"
                       "</li>{% endfor %}</ul>{% endfor %}\n"),
    })
    meta, rest = imported_page(dest, "program.md")
    assert [s["title"] for s in meta["schedule"]] == ["Opening", "Parallel sessions",
                                                      "Closing"], report
    assert '<< papers("data/accepted.yml", group_by="session") >>' in rest, report
    assert [p["title"] for p in _papers_file(dest)] == ["Counting owls", "Owl radios",
                                                        "Bat songs"]
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


# ---------------------------------------------------------------------------------------------
# Dates written date first, with struck-out ones, figure dashes and notes in brackets
# ---------------------------------------------------------------------------------------------

DATE_FIRST = """\
<h1>Important dates</h1>

<ul>
    <li><b>October 11, 2021</b> - Workshop.</li>
    <br/>
    <li>October 1, 2021 - Final program announced.</li>
    <li>September 8\u201230, 2021 [Case papers only] - Final case descriptions.</li>
    <li><del>September 6\u201210</del> September 20\u201224, 2021 - Technical preparations.</li>
    <li><del>August 28, 2021</del> September 3, 2021 - Final papers due.</li>
    <li><del>July 23</del> August 1, 2021 - Paper submission deadline.</li>
</ul>
"""


def test_date_first_lines_with_struck_dates_figure_dashes_and_notes() -> None:
    from mkdocs_workshop.importers.common.freedates import FreeDate

    result, calls = read(DATE_FIRST, year=None)
    assert calls == ["<< dates() >>"], result.kept
    got = {line.label: (line.date, line.extended) for _text, line in result.dates}
    day = date(2021, 1, 1).replace
    assert got["Final case descriptions (Case papers only)"] == (
        FreeDate(day(month=9, day=8), day(month=9, day=30)), None)
    assert got["Technical preparations"] == (
        FreeDate(day(month=9, day=6), day(month=9, day=10)),
        FreeDate(day(month=9, day=20), day(month=9, day=24)))
    assert got["Final papers due"][1] == FreeDate(day(month=9, day=3), day(month=9, day=3))
    assert got["Paper submission deadline"] == (
        FreeDate(day(month=7, day=23), day(month=7, day=23)),
        FreeDate(day(month=8, day=1), day(month=8, day=1)))
    assert len(result.dates) == 6


def test_a_timed_list_under_a_heading_that_is_a_slot_is_the_program() -> None:
    """"Morning block: Presentations (11:00-13:20)" names papers and a time: the timed list
    under it is the program, not a list of papers."""
    text = ("# Program\n\n## Monday, 11. October 2021\n\n"
            "### Morning block: Presentations (11:00-13:20)\n\n"
            "- 11:00-11:15 Welcome and opening\n- 11:15-11:35 *Owls at night.* A Quill\n"
            "- 11:35-11:55 *Radios that listen.* B Reed\n")
    result, calls = read(text, year=None)
    assert calls == ["<< schedule() >>"], (result.read, result.kept)
    assert [s["start"] for s in result.slots] == ["11:00", "11:15", "11:35"]
    assert result.slots[0]["day"] == "2021-10-11"


PANELS = """\
<h2>Friday, June 16th, 2023</h2>
<div>
  <h3>8:30-9:00: Breakfast</h3>
  <h4>Room: Hall 50</h4>
  <h3>Session 1: 10:45-12:15</h3>
  <h4>Room 308 -- Panel 1: "Reading owls"</h4>
  <ul><li>"Counting owls" \u2014 Ada Quill</li><li>Chair: Bo Reed</li></ul>
  <h4>Room 208 -- Panel 2: "Bats and radios"</h4>
  <ul><li>"Bat songs" \u2014 Cy Lam</li></ul>
  <h3>12:15-1:15: Lunch</h3>
</div>
"""


def test_a_sessions_rooms_under_its_timed_heading_are_slots_at_once() -> None:
    """Sub-headings without a time under a timed heading: "Room: Hall 50" is the slot's
    room; two or more others ("Room 308 -- Panel 1: ...") are the session's slots at its
    time, run at once, each in its room, named with the session."""
    result, calls = read("# Schedule\n\n" + PANELS, year=None)
    assert calls == ["<< schedule() >>"], (result.read, result.kept)
    assert [(s["start"], s["title"], s.get("room"), s.get("parallel", False))
            for s in result.slots] == [
        ("08:30", "Breakfast", "Hall 50", False),
        ("10:45", 'Session 1 \u2014 Panel 1: "Reading owls"', "Room 308", True),
        ("10:45", 'Session 1 \u2014 Panel 2: "Bats and radios"', "Room 208", True),
        ("12:15", "Lunch", None, False)]
    assert result.slots[0]["day"] == "2023-06-16"


CARDS = """\
## Organizing Committee

<div class="three-column">
    <img class="selfy" alt="ada" src="assets/ada.jpg"/>
    <a class="name" href="https://ada.example">Ada Quill, Ph.D.</a><br/>
    <span class="emph"><img src="assets/images/icon_person.svg" width="13" height="13">
    Assistant Professor<br/>
    <img src="assets/images/icon_location.svg" width="13" height="13"> North University<br/>
    <img src="https://flagcdn.com/16x12/hu.png" width="16" height="12"> Hungary</span>
</div>
<div class="three-column">
    <img class="selfy" alt="bo" src="assets/bo.png"/>
    <a class="name" href="https://bo.example">Bo Reed, M.Sc.</a><br/>
    <span class="emph"><img src="assets/images/icon_person.svg" width="13" height="13">
    Ph.D. Student<br/>
    <img src="assets/images/icon_location.svg" width="13" height="13"> East College<br/>
    <img src="https://flagcdn.com/16x12/us.png" width="16" height="12"> USA</span>
</div>
"""


def test_cards_with_icons_and_names_with_degrees() -> None:
    """Icons beside a card's lines (a person icon, a flag) are no one's picture and start no
    card; "Ada Quill, Ph.D." is Ada Quill."""
    result, calls = read(CARDS, year=None)
    assert len(calls) == 1 and calls[0].startswith("<< team("), (result.read, result.kept)
    [people] = result.rosters.values()
    assert [(p["name"], p.get("image"), p.get("url")) for p in people] == [
        ("Ada Quill", "assets/ada.jpg", "https://ada.example"),
        ("Bo Reed", "assets/bo.png", "https://bo.example")]


@pytest.mark.parametrize(("name", "bare"), [
    ("Ada Quill, Ph.D.", "Ada Quill"), ("Ada Quill PhD", "Ada Quill"),
    ("Bo Reed, M.Sc.", "Bo Reed"), ("Cy Lam, PhD, MD", "Cy Lam"), ("Di Moss", "Di Moss"),
    ("Ed Madison", "Ed Madison")])
def test_a_name_without_its_degrees(name: str, bare: str) -> None:
    from mkdocs_workshop.importers.common.recognize import without_degrees

    assert without_degrees(name) == bare


@pytest.mark.parametrize("text", [", MD" * 20_000 + "x", "Ada" + " Ph.D" * 5_000 + "!",
                                  "<img width='1' " * 20_000])
def test_names_and_icons_of_hostile_length_are_read_at_once(text: str) -> None:
    """Degrees after a name and icons are looked for in linear time: a page of 100,000
    characters of them reads in well under the test's time limit."""
    from mkdocs_workshop.importers.common.recognize import (
        person_name,
        without_degrees,
        without_icons,
    )

    assert without_degrees(text) == text
    assert not person_name(text)
    assert len(without_icons(text)) == len(text)


def test_a_dates_table_with_a_zone_column_and_an_extension_note() -> None:
    text = ("## Important Dates\n\n| Event | Date | Timezone |\n|---|---|---|\n"
            "| **Submission** | ~~December 16, 2022~~, December 18, 2022 (extension) | "
            "[AoE](https://example.org/aoe) |\n"
            "| **Notification** | January 6, 2023 | [AoE](https://example.org/aoe) |\n"
            "| **Camera-Ready** | January 13, 2023 | AoE |\n")
    result, calls = read(text, year=None)
    assert calls == ["<< dates() >>"], result.kept
    lines = {line.label: line for _t, line in result.dates}
    assert lines["Submission"].extended is not None
    assert lines["Submission"].extended.first == date(2022, 12, 18)
    assert lines["Submission"].extended.zone == "AoE"
    assert lines["Notification"].date.zone == "AoE"


def test_an_end_written_pm_for_am_is_read_in_the_starts_half_of_the_day(
        tmp_path: Path) -> None:
    """"11:42AM - 11:48PM" between two morning talks: a six-minute talk, its PM a slip;
    the program builds without overlaps, and the report says so."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "_data/schedule.yml": ("- Title: Owls\n  Time: 11:36AM - 11:42AM\n"
                               "- Title: Radios\n  Time: 11:42AM - 11:48PM\n"
                               "- Title: Lunch\n  Time: 12:00PM - 1:00PM\n"),
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "index.md": ("---\nlayout: page\ntitle: Owl Workshop\n---\nDecember 16, 2023\n\n"
                     "## Schedule\n\n<table>{% for s in site.data.schedule %}<tr><td>"
                     "{{ s.Time }}</td><td>{{ s.Title }}</td></tr>{% endfor %}</table>\n"),
    })
    meta, _rest = imported_page(dest, "index.md")
    assert [(s["start"], s.get("end")) for s in meta["schedule"]] == [
        ("11:36", "11:42"), ("11:42", "11:48"), ("12:00", "13:00")], report
    assert "end twelve hours after the minutes they seem to last" in report
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


def test_an_extension_note_is_read_only_beside_a_struck_date() -> None:
    """"(extension)" after a struck date and the new one is what they say; "(postponed)"
    beside a date with no struck one is not dropped: it is the line's note, shown with it."""
    from mkdocs_workshop.importers.common.freedates import parse_date_line

    read_line = parse_date_line("Submission: ~~May 1, 2024~~, May 8, 2024 (extension)")
    assert read_line is not None and read_line.extended is not None
    assert read_line.extended.first == date(2024, 5, 8)
    postponed = parse_date_line("Camera-ready: May 1, 2024 (postponed)")
    assert postponed is not None and postponed.what == "Camera-ready (postponed)"


def test_a_later_days_loop_mends_its_slips_as_the_first_days_does(tmp_path: Path) -> None:
    days = DAYS_FILE.replace('    - time: "10:30 - 11:00"\n      title: "閉会式"',
                             '    - time: "10:30AM - 10:50PM"\n      title: "閉会式"')
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owl Week\n",
        "_data/schedule.yml": days,
        "_data/restaurants_near.yml": "places:\n- name: Cafe Owl\n",
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "program.html": DAYS_PAGE,
    })
    meta, _rest = imported_page(dest, "program.md")
    assert (meta["schedule"][-1]["start"], meta["schedule"][-1]["end"]) == ("10:30", "10:50")
    assert "end twelve hours after the minutes they seem to last" in report
