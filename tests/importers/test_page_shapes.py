"""Shapes of hand-written pages met on unseen workshop sites (fixtures written here, after
what those sites do): a page whose topic is in its description or address, a long list of
names with one in lower case, a README beside a page that is the home, papers numbered before
their authors, loose Markdown lists, a titles table with a number column left unclosed, a
deadline "at 23:59", and a layout that holds one page's speakers."""

from __future__ import annotations

import io
from datetime import date
from html import unescape
from pathlib import Path
from typing import Any

import pytest
import yaml
from PIL import Image

from mkdocs_workshop.importers.common.freedates import parse_date_line
from mkdocs_workshop.importers.common.recognize import (
    page_topic,
    plain_keep_struck,
    read_times,
    recognize,
)
from mkdocs_workshop.importers.jekyll.body import drop_stray_closings
from mkdocs_workshop.importers.jekyll.defaults import Excluded
from mkdocs_workshop.importers.jekyll.frontmatter import comment_out

from sitekit import build_config, import_files, imported_page

pytestmark = pytest.mark.timeout(120)

NAMES = ["Ada Quill", "Bo Fern", "Cy Moss", "Di Lark", "Ed Stone", "Fay Holt"]


imported = import_files
page = imported_page


def built(dest: Path, name: str) -> str:
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()
    return result.html(name)


def read(text: str, **options: Any) -> tuple[Any, list[str]]:
    calls: list[str] = []

    def macro(call: str) -> str:
        calls.append(call)
        return call

    return recognize(text, macro, **options), calls


@pytest.mark.parametrize(("title", "description", "address", "topic"), [
    ("PC", "Program Committee", "/program_committee/", "Program Committee"),
    ("PC", None, "_pages/07_program_committee.md", "program committee"),
    ("Team", "Program Committee", "/pc/", "Team"),  # the title names a kind
    ("Call for Papers", None, "/speakers/", "Call for Papers"),  # a kind of none
    ("Home", "A workshop on owls, bats and the papers people write about them at night",
     "/", "Home"),  # a sentence is no topic
    (None, None, "speakers.html", "speakers"),
    ("About", None, "/", "About"),
])
def test_a_pages_topic(title: str | None, description: str | None, address: str,
                       topic: str) -> None:
    assert page_topic(title, description, address) == topic


def test_a_committee_page_titled_by_its_initials_reads_as_people(tmp_path: Path) -> None:
    items = "".join(f"* {name}, Univ {n}\n" for n, name in enumerate(NAMES))
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\ninclude: [_pages]\n",
        "index.md": "---\ntitle: Owl Workshop\n---\nWelcome.\n",
        "_pages/07_program_committee.md": "---\ntitle: PC\ndescription: Program Committee\n"
                                          "permalink: /program_committee/\n---\n"
                                          "We thank all reviewers.\n\n" + items})
    meta, rest = page(dest, "program_committee.md")
    assert [p["name"] for p in meta["program_committee"]] == NAMES, report
    assert '<< team("program_committee", "names") >>' in rest
    assert "Fay Holt" in built(dest, "program_committee.md")


def test_one_name_in_lower_case_in_a_long_list_is_a_name() -> None:
    names = [*NAMES[:5], "Li cheng", NAMES[5]]
    text = "## Program Committee\n\n" + "".join(f"- {n}, Univ {i}\n" for i, n in enumerate(names))
    result, calls = read(text)
    assert [p["name"] for p in result.rosters["program_committee"]] == names
    assert calls == ['<< team("program_committee", "names") >>']
    # in a short list it is not: the list stays as written, and the report says why
    short = "## Program Committee\n\n- Ada Quill, Univ A\n- Li cheng, Univ B\n"
    result, calls = read(short)
    assert calls == [] and result.text == short
    assert "entry 2 of 2 is not a name" in result.kept[0]


def test_a_readme_yields_the_home_to_a_page_whose_address_is_the_home(tmp_path: Path) -> None:
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\ninclude: [_pages]\n",
        "README.md": "# How to build this site\n\nRun jekyll.\n",
        "_pages/about.md": "---\ntitle: Owl Workshop\npermalink: /\n---\nWelcome to owls.\n"})
    _meta, rest = page(dest, "index.md")
    assert "Welcome to owls." in rest and "How to build" not in rest
    assert "README.md was not imported: _pages/about.md has the same address" in report
    assert "GitHub Pages makes a README without front matter the home page" in report


def test_a_readme_is_the_home_of_a_site_without_one(tmp_path: Path) -> None:
    dest, _report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "README.md": "# Owl Workshop\n\nWelcome to owls.\n",
        "cfp.md": "---\ntitle: Call\n---\nSend papers.\n"})
    assert "Welcome to owls." in page(dest, "index.md")[1]


POSTERS = [("Ada Quill", "Shape Defense"), ("Bo Fern, Cy Moss", "How Owls Count"),
           ("Di Lark", "Counting Bats at Night with Sound")]


def test_numbered_papers_of_a_loose_list_each_authors_then_a_linked_title() -> None:
    text = "Posters follow the numbering below.\n\n" + "\n".join(
        f"* (Poster \\#{n:02d}): {authors}. [{title}](https://openreview.net/forum?id=p{n})\n"
        for n, (authors, title) in enumerate(POSTERS, 1))
    result, calls = read(text, title="Accepted")
    papers = result.papers["data/accepted.yml"]
    assert [(p["title"], p["authors"], p["number"], p["forum"]) for p in papers] == [
        (title, authors, f"Poster #{n:02d}", f"https://openreview.net/forum?id=p{n}")
        for n, (authors, title) in enumerate(POSTERS, 1)]
    assert calls == ['<< papers("data/accepted.yml") >>']
    assert result.text.startswith("Posters follow the numbering below.\n\n<< papers(")


def test_a_titles_table_with_a_number_column_never_closed() -> None:
    rows = "".join(f"<tr><td>{n}</td><td>{title}</td></tr>\n"
                   for n, (_a, title) in enumerate(POSTERS, 1))
    text = ("<table>\n<tr><th>Number</th><th>Title</th></tr>\n"
            "<!-- <tr><td>0</td><td>A Withdrawn Paper Title</td></tr> -->\n" + rows)
    result, calls = read(text, title="Accepted Papers")
    assert [(p["number"], p["title"]) for p in result.papers["data/accepted_papers.yml"]] == [
        (str(n), title) for n, (_a, title) in enumerate(POSTERS, 1)]
    assert len(calls) == 1


@pytest.mark.parametrize("line", [
    "Submission Deadline: `May 29, 2023 at 23:59 AoE`",
    "Submission Deadline: May 29, 2023 at 23:59 AoE",
    "Submission Deadline: May 29, 2023 by 11:59 pm AoE",
    "Submission Deadline: May 29, 2023 @ 11:59pm (AoE)",
])
def test_a_deadline_at_a_time(line: str) -> None:
    result, _calls = read(f"## Important Dates\n\n- {line}\n- Notification: June 19, 2023\n")
    label, found = result.dates[0]
    assert label.startswith("Submission Deadline")
    assert (found.date.first, found.date.time.strftime("%H:%M") if found.date.time else None,
            found.date.zone) == (date(2023, 5, 29), "23:59", "AoE")
    assert parse_date_line("Deadline: May 29, 2023 at 23:59 AoE") is not None


SPEAKER_CARDS = "".join(
    f'<div class="card"><img src="/assets/img/{n}.jpg"><div class="card-body">'
    f'<h2 class="card-title">{name}</h2><h6 class="card-text">Univ {n}</h6></div></div>\n'
    for n, name in enumerate(NAMES[:3]))


def test_a_layout_of_one_page_shows_that_pages_speakers(tmp_path: Path) -> None:
    """A layout only the home page uses, holding the page's description and its speakers'
    cards (with no {{ content }}): what Jekyll shows on that page is the page's."""
    layout = ("---\nlayout: default\n---\n<div class=\"post\"><header><h1>{{ site.title }}"
              "</h1></header><article>\n    <p>Owls and the people who count them.</p>\n"
              "    <div class=\"speakers\">\n      <h2>Confirmed Speakers</h2>\n"
              "      <div class=\"grid\">\n" + SPEAKER_CARDS + "</div></div></article></div>\n")
    files: dict[str, str | bytes] = {
             "_config.yml": "title: Owl Workshop\ninclude: [_pages]\n",
             "_layouts/default.html": "<html><body><nav>menu</nav><main>{{ content }}</main>"
                                      "<footer>(c) us</footer></body></html>\n",
             "_layouts/workshop.html": layout,
             "_pages/about.md": "---\nlayout: workshop\ntitle: About\npermalink: /\n---\n",
             "cfp.md": "---\nlayout: default\ntitle: Call\n---\nSend papers.\n"}
    for n in range(3):
        picture = io.BytesIO()
        Image.new("RGB", (8, 8), (40 * n, 90, 120)).save(picture, "JPEG")
        files[f"assets/img/{n}.jpg"] = picture.getvalue()
    dest, report = imported(tmp_path, files)
    meta, rest = page(dest, "index.md")
    assert [(p["name"], p["affiliation"]) for p in meta["confirmed_speakers"]] == [
        (name, f"Univ {n}") for n, name in enumerate(NAMES[:3])], report
    assert "Owls and the people who count them." in rest
    assert '<< team("confirmed_speakers") >>' in rest
    assert "menu" not in rest and "(c) us" not in rest and "<html" not in rest
    assert "the layout is its alone" in report
    assert "Send papers." in page(dest, "cfp.md")[1]
    assert "Cy Moss" in built(dest, "index.md")


def test_a_layout_many_pages_use_keeps_to_its_dates(tmp_path: Path) -> None:
    files = {"_config.yml": "title: Owl Workshop\n",
             "_layouts/default.html": "<main>{{ content }}</main><div class=\"box\">"
                                      "<h2>Speakers</h2><p>Ada Quill, Univ A</p></div>\n",
             "index.md": "---\nlayout: default\ntitle: Owl Workshop\n---\nWelcome.\n",
             "cfp.md": "---\nlayout: default\ntitle: Call\n---\nSend papers.\n"}
    dest, report = imported(tmp_path, files)
    assert "Ada Quill" not in page(dest, "index.md")[1]
    assert "the layout is its alone" not in report


def test_a_program_table_with_rows_of_session_headings() -> None:
    """Rows whose time cell is empty head the sessions (with their video): each starts with
    the slot after it; a "Speaker: *Title*" row names its speaker."""
    text = ("## Schedule\n\n| Time | Event |\n| --- | --- |\n"
            "||[Video: Morning session](https://video.example/1)|\n"
            "| 8:45 - 9:00 | Opening Remarks |\n"
            "| 9:00 - 9:30 | Ada Quill: *Counting owls at night* |\n"
            "| 12:00 - 1:30 | Lunch |\n"
            "||[Video: Afternoon session](https://video.example/2)|\n"
            "| 1:30 - 2:00 | [Owl census results](https://owls.example/census) |\n"
            "||Closing words by the chairs|\n")
    result, calls = read(text, day=date(2019, 6, 15))
    assert calls == ["<< schedule() >>"]
    assert [(s["start"], s.get("end"), s["title"], s.get("speakers"), s.get("url"))
            for s in result.slots] == [
        ("08:45", None, "Video: Morning session", None, "https://video.example/1"),
        ("08:45", "09:00", "Opening Remarks", None, None),
        ("09:00", "09:30", "Counting owls at night", ["Ada Quill"], None),
        ("12:00", "13:30", "Lunch", None, None),
        ("13:30", None, "Video: Afternoon session", None, "https://video.example/2"),
        ("13:30", "14:00", "Owl census results", None, "https://owls.example/census")]
    assert result.slots[-1]["talks"] == ["Closing words by the chairs"]


def test_a_speakers_home_page_is_not_the_sessions_link() -> None:
    result, _calls = read("## Program\n\n- 9:00 [Ada Quill](https://ada.example): Counting owls\n"
                          "- 9:30 Coffee\n", day=date(2019, 6, 15))
    assert result.slots[0]["speakers"] == ["Ada Quill"] and "url" not in result.slots[0]


def test_papers_whose_authors_are_on_the_line_below_the_title() -> None:
    """"- [Title](url)  " and its authors on the next line, not indented (Markdown's lazy
    continuation: one item); a name linked to nowhere ("[Bo Fern]()") is a name."""
    text = "# Accepted Papers\n\n" + "".join(
        f"- [{title}](https://openreview.net/forum?id=p{n})  \n*{authors}*\n"
        for n, (authors, title) in enumerate(POSTERS)) + "\n# Organizers\n\n" \
        "- [Ada Quill](https://ada.example) (Univ A)\n- [Bo Fern]() (Univ B)\n"
    result, _calls = read(text)
    assert [(p["title"], p["authors"]) for p in result.papers["data/accepted_papers.yml"]] == \
        [(title, authors) for authors, title in POSTERS]
    assert result.rosters["organizers"] == [
        {"name": "Ada Quill", "affiliation": "Univ A", "url": "https://ada.example"},
        {"name": "Bo Fern", "affiliation": "Univ B"}]


@pytest.mark.parametrize(("text", "expected"), [
    ("12:00 - 1:30", ("12:00", "13:30")),  # a 12-hour clock past noon
    ("11:30 - 1:00", ("11:30", "13:00")),
    ("10:00 - 9:00", ("10:00", "09:00")),  # no four-hour slot makes it read: as written
    ("9:00 - 10:00", ("09:00", "10:00")),
])
def test_a_range_across_noon_on_a_12_hour_clock(text: str, expected: tuple[str, str]) -> None:
    times = read_times(text)
    assert times is not None and times[:2] == expected


def member(name: str, affiliation: str, alt: str) -> str:
    home = name.split()[0].lower()
    return (f'<div class="team-member"><img src="{home}.jpg" alt="{alt}">'
            f'<p><a href="https://{home}.example/">{name}</a><br>{affiliation}</p></div>\n')


def test_cards_of_one_class_under_two_headings_are_two_rosters_around_a_program() -> None:
    """Cards of one class under "Keynote Speakers" and, after a program, under "Organizers":
    two runs, two rosters, and the program between them read on its own; a card's name from
    its link when its picture's alt is a placeholder ("Name 4"); a nickname in brackets."""
    text = ("## Keynote Speakers\n\n<div class=\"team-container\">\n"
            + member("Ada Quill", "Univ A", "Name 4") + member("Zheqing (Bill) Zhu", "Meta", "b")
            + "</div>\n\n## Schedule\n\n|---|:---|\n|__AM__ ||\n"
            "| 08:55 - 09:00 | Opening remarks |\n| 09:00 - 09:40 | Keynote: <b>Ada Quill</b> |\n"
            "| | &nbsp;&nbsp;<i>Counting owls at night</i>\n\n"
            "|---|:---|\n|__PM__ ||\n| 12:00 - 01:00 | Lunch break (on your own)\n"
            "| 01:00 - 02:00 | Panel |\n\n## Organizers\n\n<div class=\"team-container\">\n"
            + member("Cy Moss", "Univ C", "c") + member("Di Lark", "Univ D", "d") + "</div>\n")
    result, calls = read(text, day=date(2024, 8, 9))
    assert [p["name"] for p in result.rosters["keynote_speakers"]] == ["Ada Quill",
                                                                        "Zheqing (Bill) Zhu"]
    assert result.rosters["keynote_speakers"][0] == {
        "name": "Ada Quill", "affiliation": "Univ A", "url": "https://ada.example/",
        "image": "ada.jpg"}
    assert [p["name"] for p in result.rosters["organizers"]] == ["Cy Moss", "Di Lark"]
    assert [(s["start"], s.get("end"), s["title"], s.get("talks")) for s in result.slots] == [
        ("08:55", "09:00", "Opening remarks", None),
        ("09:00", "09:40", "Keynote: Ada Quill", ["Counting owls at night"]),
        ("12:00", "13:00", "Lunch break (on your own)", None),
        ("13:00", "14:00", "Panel", None)]
    # the second table's slots join the first's program: one call
    assert calls == ['<< team("keynote_speakers") >>', "<< schedule() >>",
                     '<< team("organizers") >>']


def test_a_data_schedule_that_names_speakers_by_id_and_sessions_without_a_time(
        tmp_path: Path) -> None:
    """``event: adaq`` beside ``title:``: the id of a person of speakers.yml (keyed by id),
    the talk's speaker; "Session 1" without a time starts with the slot after it; a type
    that says nothing ("General") is not put before the title."""
    schedule = ("opening:\n  event: Opening\n  start: '09:00'\n  type: General\n"
                "sess1:\n  event: Session 1\n  start: ''\n  type: Session\n"
                "adaq:\n  event: adaq\n  title: Counting owls at night\n  start: '09:05'\n"
                "  type: Invited\n"
                "nobody:\n  event: zzx\n  title: A talk of no one listed\n  start: '09:35'\n"
                "  type: Invited\n")
    page_text = ("---\ntitle: Schedule\n---\n# Schedule\n\nFriday, December 11, 2020\n\n"
                 "<table>{% for s in site.data.schedule %}<tr><td>{{ s[1].start }}</td>"
                 "{% if s[1].type == 'Invited' %}{% assign sp = site.data.speakers[s[1].event] %}"
                 "<td><i>{{ s[1].title }}</i><br>{{ sp.name }}</td>{% else %}"
                 "<td>{{ s[1].event }}</td>{% endif %}</tr>{% endfor %}</table>\n")
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "_data/schedule.yml": schedule,
        "_data/speakers.yml": "adaq:\n  name: Ada Quill\n  affiliation: Univ A\n",
        "index.md": "---\ntitle: Owl Workshop\n---\nWelcome.\n",
        "schedule.md": page_text})
    meta, _rest = page(dest, "schedule.md")
    assert [(s["start"], s["title"], s.get("speakers")) for s in meta["schedule"]] == [
        ("09:00", "Opening", None), ("09:05", "Session 1", None),
        ("09:05", "Counting owls at night", ["Ada Quill"]),
        ("09:35", "A talk of no one listed", None)], report
    assert "'zzx' names no one of the people files; not carried over" in report
    assert "Counting owls at night" in built(dest, "schedule.md")


def test_a_data_program_on_the_one_day_the_pages_top_names(tmp_path: Path) -> None:
    """A program from _data without a day, on a page whose top says "Proposed to RSS '25:
    June 21, 2025." (the one day near the top: the workshop's); a slot typed twelve hours
    off ("11:15 PM" to "12:30 AM" between morning slots) read as the file's order says."""
    schedule = ('- name: Opening Remarks\n  start_time: "9:00 AM"\n  end_time: "9:15 AM"\n'
                '- name: Keynote\n  start_time: "10:30 AM"\n  end_time: "11:15 AM"\n'
                '- name: Posters\n  start_time: "11:15 PM"\n  end_time: "12:30 AM"\n'
                '- name: Lunch\n  start_time: "12:30 PM"\n  end_time: "2:00 PM"\n')
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "_data/schedule.yml": schedule,
        "index.md": "---\ntitle: Owl Workshop\n---\n# Owl Workshop\n\n<p>Proposed to RSS '25: "
                    "June 21, 2025. Hybrid.</p>\n\n## Schedule\n\n<table>{% for s in "
                    "site.data.schedule %}<tr><td>{{ s.start_time }} - {{ s.end_time }}</td>"
                    "<td>{{ s.name }}</td></tr>{% endfor %}</table>\n"})
    meta, _rest = page(dest, "index.md")
    # the first slot says the day; the others are on it
    assert [(s.get("day"), s["start"], s["end"], s["title"]) for s in meta["schedule"]] == [
        ("2025-06-21", "09:00", "09:15", "Opening Remarks"), (None, "10:30", "11:15", "Keynote"),
        (None, "11:15", "12:30", "Posters"), (None, "12:30", "14:00", "Lunch")], report
    assert "23:15 -> 11:15, 00:30 -> 12:30" in report
    built(dest, "index.md")


def test_of_two_loops_over_a_program_the_one_that_shows_it_all_is_the_program(
        tmp_path: Path) -> None:
    """An include loops over schedule.yml twice: pop-ups for the talks with an abstract,
    then the table of every slot. The table is the page's program; the pop-ups stay as the
    source rendered them (their words kept)."""
    schedule = ("- Title: Opening\n  Time: 8:30-8:45\n"
                "- Title: Counting owls at night\n  Time: 8:45-9:25\n"
                "  Abstract: Owls are counted by ear.\n"
                "- Title: Poster and break\n  Time: 9:25-10:00\n")
    include = ("{% for e in site.data.schedule %}{% if e.Abstract %}<div class=\"modal\">"
               "<b>Title:</b> {{ e.Title }}<br><b>Abstract</b><p>{{ e.Abstract }}</p></div>"
               "{% endif %}{% endfor %}\n<table>{% for e in site.data.schedule %}<tr><td>"
               "{{ e.Time }}</td><td>{{ e.Title }}</td></tr>{% endfor %}</table>\n")
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "_data/schedule.yml": schedule,
        "_includes/schedule.html": include,
        "index.md": "---\ntitle: Owl Workshop\n---\n# Owl Workshop\n\nJune 21, 2025\n\n"
                    "## Schedule\n\n{% include schedule.html %}\n"})
    meta, rest = page(dest, "index.md")
    assert [s["title"] for s in meta["schedule"]] == [
        "Opening", "Counting owls at night", "Poster and break"], report
    assert "Owls are counted by ear." in rest
    assert "showing 1 of its entries kept as the source rendered it: another loop over it " \
        "shows 3, the page's schedule" in report


def test_a_speaker_the_program_spells_otherwise_than_the_roster(tmp_path: Path) -> None:
    """"Marc Quill" in the program, "Mark Quill" among the speakers: the source's two
    spellings stay as written, the slot not linked to the card (no build warning)."""
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "index.md": "---\ntitle: Owl Workshop\n---\n# Owl Workshop\n\nJune 21, 2025\n\n"
                    "## Speakers\n\n- Mark Quill, Univ A\n- Bo Fern, Univ B\n\n## Schedule\n\n"
                    "- 9:00 Marc Quill: *Counting owls at night*\n"
                    "- 9:30 Bo Fern: *Bats and their songs*\n"})
    meta, _rest = page(dest, "index.md")
    assert [(s["title"], s.get("speakers")) for s in meta["schedule"]] == [
        ("Counting owls at night \u2014 Marc Quill", None),
        ("Bats and their songs", ["Bo Fern"])], report
    assert "the program names 'Marc Quill', a roster 'Mark Quill'" in report
    built(dest, "index.md")


@pytest.mark.parametrize(("text", "expected", "dropped"), [
    ("<div>a</div></div>\n\nb", "<div>a</div>\n\nb", 1),
    ("</section><div><div>x</div>", "<div><div>x</div>", 1),
    ("<div>\n```\n</div>\n```\n</div>", "<div>\n```\n</div>\n```\n</div>", 0),  # code is text
    ("<!-- </div> -->", "<!-- </div> -->", 0),
    ("<div><p>a</div></p>", "<div><p>a</div></p>", 0),  # not a container: a browser's job
])
def test_closing_tags_that_close_nothing_the_page_opened(text: str, expected: str,
                                                         dropped: int) -> None:
    assert drop_stray_closings(text) == (expected, dropped)


def test_a_page_that_closes_a_box_it_never_opened_stays_in_its_column(tmp_path: Path) -> None:
    """The source closes one box too many before its committee (a browser on the Jekyll
    site ignored it): on the new site that tag would close the theme's column and put the
    committee outside it. It is left out, and the report says so."""
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "index.md": "---\ntitle: Owl Workshop\n---\n# Owl Workshop\n\n<div class=\"intro\">\n"
                    "<p>Owls at night.</p>\n</div>\n</div>\n\n## Program Committee\n\n"
                    "<div class=\"pc-column\">\n<ul>\n" + "".join(
                        f"<li>{name} (<b>TR</b>)</li>\n" for name in NAMES) + "</ul>\n</div>\n"})
    _meta, rest = page(dest, "index.md")
    assert drop_stray_closings(rest)[1] == 0
    assert "1 closing tag(s) (</div>) that closed nothing the page opened left out" in report
    html = built(dest, "index.md")
    article = html[html.index('<article class="md-content__inner'):html.index("</article>")]
    assert "Fay Holt" in article and "Owls at night." in article


@pytest.mark.parametrize("line", [
    "~~June 22, 2026~~ (**Extended**) July 1, 2026: Paper submission deadline",
    "~~June 22, 2026~~ July 1, 2026: Paper submission deadline",
    "Paper submission deadline: ~~June 22, 2026~~ (**Extended**) July 1, 2026",
    "Paper submission deadline: ~~June 22, 2026~~ extended to July 1, 2026",
])
def test_an_extension_with_the_struck_day_first_or_a_word_between(line: str) -> None:
    found = parse_date_line(plain_keep_struck(line))
    assert found is not None and found.label == "Paper submission deadline"
    assert found.extended is not None
    assert (found.date.first, found.extended.first) == (date(2026, 6, 22), date(2026, 7, 1))


def test_a_program_grouped_by_session_with_speakers_by_key_on_the_day_a_data_file_says(
        tmp_path: Path) -> None:
    """_data/schedule.yml grouped by session (the first group's name left empty), talks
    titled by "topic" naming their speaker by a key of speakers.yml (whose name field is
    "speaker_name"); the day in _data/about.yml ("date: December 8, 2022")."""
    schedule = ("- session: ''\n  schedules:\n    - topic: welcome\n      start_time: '08:50'\n"
                "      end_time: '09:00'\n"
                "- session: Stories behind research\n  schedules:\n"
                "    - topic: Counting owls at night\n      speaker_key: adaq\n"
                "      start_time: '09:00'\n      end_time: '09:20'\n"
                "    - topic: Bats and their songs\n      speaker_key: nobody\n"
                "      start_time: '09:20'\n      end_time: '09:40'\n")
    include = ("<p>Hosted on {{ site.data.about.date }}.</p>{% for s in site.data.schedule %}"
               "<div class=\"session\">{{ s.session }}{% for t in s.schedules %}<div>"
               "{{ t.start_time }} -- {{ t.end_time }} {{ t.topic }}</div>{% endfor %}</div>"
               "{% endfor %}\n")
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "_data/about.yml": "date: December 8, 2022\nlocation: Abu Dhabi\n",
        "_data/schedule.yml": schedule,
        "_data/speakers.yml": "adaq:\n  speaker_name: Ada Quill\n  affiliation: Univ A\n",
        "_includes/schedule_list.html": include,
        "index.md": "---\ntitle: Owl Workshop\n---\nWelcome.\n",
        "schedule.html": "---\ntitle: Schedule\n---\n{% include schedule_list.html %}\n"})
    meta, _rest = page(dest, "schedule.md")
    assert [(s.get("day"), s["start"], s["title"], s.get("speakers")) for s in
            meta["schedule"]] == [
        ("2022-12-08", "08:50", "welcome", None),
        (None, "09:00", "Stories behind research", None),
        (None, "09:00", "Counting owls at night", ["Ada Quill"]),
        (None, "09:20", "Bats and their songs", ["nobody"])], report
    built(dest, "schedule.md")


def test_a_program_table_read_by_its_columns_names() -> None:
    """A two-row head ("May 17th, 2024 | Room 418", then "Time | Speaker | Organization |
    Title"): the day from the first, the columns from the second; two speakers in one cell;
    a title with a colon is no speaker's name."""
    text = ("## Schedule\n\n| **May 17th, 2024** | **Room 418** |\n| :---: |\n"
            "| **Time** | **Speaker** | **Organization** | **Title** |\n| :---: |\n"
            "| 08:30 - 09:00 | [Ada Quill](/ada/) & [Bo Fern](/bo/) | Univ A | Owl Counts |\n"
            "| 09:00 - 09:30 | Cy Moss | Univ C | Anticipatory Control: Owls in Motion |\n"
            "| **10:00 - 10:30** | | **Coffee Break** | |\n")
    result, _calls = read(text)
    assert [(s["day"], s["start"], s["title"], s.get("speakers")) for s in result.slots] == [
        ("2024-05-17", "08:30", "Owl Counts \u2014 Univ A", ["Ada Quill", "Bo Fern"]),
        ("2024-05-17", "09:00", "Anticipatory Control: Owls in Motion \u2014 Univ C",
         ["Cy Moss"]),
        ("2024-05-17", "10:00", "Coffee Break", None)]


def test_a_program_written_as_headings_on_the_day_of_its_edition(tmp_path: Path) -> None:
    """Headings that start with their times ("### 09:15-10:00 AM — Keynote 1, by Ada
    Quill"), details under each: the slots are the page's program, shown before the first
    heading; the headings and their details stay. Two editions state two days: the page of
    2023 (its file name says) takes 2023's, the other the latest."""
    program = ("---\ntitle: Workshop programme\n---\n# Programme\n\n"
               "### <span style=\"color:grey\">09:00-09:15 AM —</span> Opening remarks\n"
               "### <span style=\"color:grey\">09:15-10:00 AM —</span> Keynote 1, by Ada Quill\n\n"
               "<b>Title:</b> Counting owls at night\n\n"
               "### <span style=\"color:grey\">10:00-11:15 AM —</span> Poster session\n\n"
               "- Owl Counts, Bo Fern\n- Bat Songs, Cy Moss\n\n"
               "### <span style=\"color:grey\">10:30-11:00 AM —</span> Coffee break\n")
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\ninclude: [_pages]\n",
        "_pages/workshop.md": "---\ntitle: Owl Workshop 2024\npermalink: /\n---\n"
                              "The workshop will be held at EMNLP 2024 on November 16.\n",
        "_pages/workshop2023.md": "---\ntitle: Owl Workshop\npermalink: /2023/\n---\n"
                                  "The workshop will be held on December 6, 2023.\n",
        "_pages/workshop_programme.md": program.replace("title: Workshop programme",
                                                        "title: Workshop programme\n"
                                                        "permalink: /programme/"),
        "_pages/workshop_programme2023.md": program.replace(
            "title: Workshop programme", "title: Workshop programme\npermalink: /programme/2023/")})
    for name, day in (("programme.md", "2024-11-16"), ("programme/2023.md", "2023-12-06")):
        meta, rest = page(dest, name)
        assert [(s.get("day"), s["start"], s["title"], s.get("speakers"), s.get("parallel"))
                for s in meta["schedule"]] == [
            (day, "09:00", "Opening remarks", None, None),
            (None, "09:15", "Keynote 1, by Ada Quill", ["Ada Quill"], None),
            (None, "10:00", "Poster session", None, True),
            (None, "10:30", "Coffee break", None, True)], report
        assert rest.index("<< schedule() >>") < rest.index("Opening remarks")
        assert "Counting owls at night" in rest
    built(dest, "programme.md")


def test_a_program_in_a_collections_document_written_as_a_definition_list(
        tmp_path: Path) -> None:
    """A page prints the documents of a collection ({{ module }}): each shows its text, its
    Liquid rendered; the text is a kramdown definition list per half day ("Tuesday, Jan 3"
    then ": 9:00 AM - 10:00 AM" and "   : Ada Quill (Univ A)"), the year the one the page
    names; a line before the first time is the session's name."""
    module = ("---\ntitle: Sessions\n---\n\nTuesday, Jan 3 (Morning)\n"
              ": [Tutorials]({{ site.baseurl }}/tutorials) (Chair: Bo Fern)\n   : \n"
              ": 9:00 AM - 10:00 AM\n   : [Ada Quill]({{ site.baseurl }}/speakers/#ada) (Univ A)\n"
              ": 10:00 AM - 10:15 AM\n   : *Coffee break*\n"
              ": 10:15 AM - 11:15 AM\n   : Cy Moss (Univ C)\n")
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\ncollections:\n  modules:\n    output: false\n",
        "_modules/schedule.md": module,
        "index.md": "---\ntitle: Owl Workshop\n---\nWelcome.\n",
        "tutorials.md": "---\ntitle: Tutorials\n---\nHow to count owls.\n",
        "schedule.md": "---\ntitle: Schedule\n---\n<p>January 2023, Abu Dhabi</p>\n\n"
                       "# Workshop Schedule\n\n{% for module in site.modules %}\n{{ module }}\n"
                       "{% endfor %}\n"})
    meta, rest = page(dest, "schedule.md")
    assert [(s.get("day"), s["start"], s["title"]) for s in meta["schedule"]] == [
        ("2023-01-03", "09:00", "Tutorials (Chair: Bo Fern)"),
        ("2023-01-03", "09:00", "Ada Quill (Univ A)"),
        ("2023-01-03", "10:00", "Coffee break"),
        ("2023-01-03", "10:15", "Cy Moss (Univ C)")], report
    assert "{{" not in rest and "{{" not in str(meta)
    built(dest, "schedule.md")


def test_documents_of_fields_only_printed_by_a_loop_are_its_people(tmp_path: Path) -> None:
    """Organizers as documents of fields only, each shown through a layout ({{ organizer }}):
    the loop shows them all (their names), and they are the page's organizers; no private
    field (e-mail) is printed."""
    files: dict[str, str | bytes] = {
        "_config.yml": "title: Owl Workshop\ncollections:\n  organizers:\n",
        "index.md": "---\ntitle: Owl Workshop\n---\nWelcome.\n",
        "organizers.md": "---\ntitle: Organizers\n---\n# Organizers\n\n<div>{% for organizer "
                         "in site.organizers %}\n{{ organizer }}\n{% endfor %}</div>\n"}
    for n, name in enumerate(NAMES[:3]):
        files[f"_organizers/{n}.md"] = (f"---\nname: {name}\nrole: Chair\nemail: x{n}@univ.example"
                                        f"\naffiliation: Univ {n}\n---\n")
    dest, report = imported(tmp_path, files)
    meta, rest = page(dest, "organizers.md")
    assert [p["name"] for p in meta["organizers"]] == NAMES[:3], report
    assert "@univ.example" not in rest


def test_a_program_whose_talks_name_their_slot_in_another_file(tmp_path: Path) -> None:
    """schedule.yml by day ("December 18", the year the site's "held on 18-19 December
    2023"), slots titled by their type with an id; talks.yml names each talk's slot
    ("slot: 1a"): the slot shows the talk's title and author."""
    schedule = ('- day: "December 18"\n  slots:\n  - type: "opening"\n    time: "9:00 - 9:20"\n'
                '  - type: "talk"\n    id: "1a"\n    time: "9:20 - 9:50"\n'
                '  - type: "talk"\n    id: "1b"\n    time: "9:50 - 10:20"\n')
    talks = ("accepted:\n  - author: Ada Quill\n    title: Counting owls at night\n"
             "    slot: \"1a\"\n  - author: Bo Fern\n    title: Bats and their songs\n"
             "    slot: \"1b\"\n")
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "_data/schedule.yml": schedule, "_data/talks.yml": talks,
        "index.md": "---\ntitle: Owl Workshop\n---\nThe workshop will take place in Turin on "
                    "18-19 December 2023.\n",
        "programme.md": "---\ntitle: Programme\n---\n<table>{% for d in site.data.schedule %}"
                        "{% for slot in d.slots %}<tr><td>{{ slot.time }}</td><td>"
                        "{% assign t = site.data.talks.accepted | where: 'slot', slot.id %}"
                        "{% if t.size > 0 %}{{ t[0].author }}{% else %}{{ slot.type }}{% endif %}"
                        "</td></tr>{% endfor %}{% endfor %}</table>\n"})
    meta, _rest = page(dest, "programme.md")
    assert [(s.get("day"), s["start"], s["title"], s.get("speakers")) for s in
            meta["schedule"]] == [
        ("2023-12-18", "09:00", "opening", None),
        (None, "09:20", "Counting owls at night", ["Ada Quill"]),
        (None, "09:50", "Bats and their songs", ["Bo Fern"])], report
    built(dest, "programme.md")


def test_slots_that_name_their_presentation_by_id_in_each_editions_file(tmp_path: Path) -> None:
    """_data/program/2022.yml and 2023.yml each hold people and presentations keyed by id
    and a schedule whose talks name a presentation ("presentation: adaq"); the same id in
    both years: each program shows its own year's talk, by its presenter's name."""
    def program(year: int, title: str) -> str:
        return (f"people:\n  adaq:\n    name: Ada Quill\n    university: Univ A\n"
                f"presentations:\n  adaq:\n    presenter: adaq\n    title: {title}\n"
                f"schedule:\n  - time: 10:00-10:15\n    category: Break\n    title: Breakfast\n"
                f"  - time: 10:15-10:45\n    category: Talk\n    presentation: adaq\n")
    page_text = ("---\ntitle: Program {0}\n---\n# Program, April 1, {0}\n\n<table>{{% for s in "
                 "site.data.program['{0}'].schedule %}}<tr><td>{{{{ s.time }}}}</td><td>"
                 "{{{{ s.title }}}}{{{{ site.data.program['{0}'].presentations[s.presentation]"
                 ".title }}}}</td></tr>{{% endfor %}}</table>\n")
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "_data/program/2022.yml": program(2022, "Counting owls"),
        "_data/program/2023.yml": program(2023, "Counting bats"),
        "index.md": "---\ntitle: Owl Workshop\n---\nWelcome.\n",
        "program/2022.md": page_text.format(2022), "program/2023.md": page_text.format(2023)})
    for year, title in ((2022, "Counting owls"), (2023, "Counting bats")):
        meta, _rest = page(dest, f"program/{year}.md")
        assert [(s["start"], s["title"], s.get("speakers")) for s in meta["schedule"]] == [
            ("10:00", "Breakfast", None), ("10:15", title, ["Ada Quill"])], report


@pytest.mark.parametrize(("shown", "names"), [
    ("{{ p.name }} {{ p.surname }} ({{ p.affiliation }})", [n for n in NAMES[:3]]),
    ("{{ p.surname }} {{ p.name }}", [" ".join(reversed(n.split())) for n in NAMES[:3]]),
    ("{{ p.name }}", [n.split()[0] for n in NAMES[:3]]),  # the family name never shown
])
def test_participants_whose_given_and_family_names_are_fields_apart(
        tmp_path: Path, shown: str, names: list[str]) -> None:
    """participants.yml keeps the given name in ``name:`` and the family name in ``surname:``;
    the roster holds each name as the loop printed it."""
    people = "".join(f"- name: {n.split()[0]}\n  surname: {n.split()[1]}\n  affiliation: U{i}\n"
                     for i, n in enumerate(NAMES[:3]))
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "index.md": "---\ntitle: Owl Workshop\n---\nWelcome.\n",
        "_data/participants.yml": people,
        "participants.md": "---\ntitle: Participants\n---\n{% for p in site.data.participants %}"
                           f"\n* {shown}\n{{% endfor %}}\n"})
    meta, _ = page(dest, "participants.md")
    rosters = [v for k, v in meta.items() if isinstance(v, list)]
    assert [p["name"] for p in rosters[0]] == names, report


def test_important_dates_the_source_lists_out_of_order(tmp_path: Path) -> None:
    """A hotel's dates listed start, end, last day to book (which comes first), a line with
    no day yet after the end: the dates are written in the order they happen, the line with
    no day still after the one it followed, the report says what moved, the site builds."""
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "index.md": "---\ntitle: Owl Workshop\n---\n## Important dates\n\n"
                    "- **Reservation start**: Tuesday, January 3, 2023\n"
                    "- **Reservation end**: Saturday, January 7, 2023\n"
                    "- **Shuttle times**: TBA\n"
                    "- **Last day to book**: Friday, December 23, 2022\n"})
    meta, _ = page(dest, "index.md")
    labels = [next(iter(d)) if "what" not in d else d["what"] for d in meta["dates"]]
    assert labels == ["Last day to book", "Reservation start", "Reservation end",
                      "Shuttle times"], meta["dates"]
    assert "the source listed 'Last day to book' after 'Reservation start'" in report
    assert "Last day to book" in built(dest, "index.md")


def test_papers_written_as_a_kramdown_definition_list(tmp_path: Path) -> None:
    """Each paper a term (its title) with its authors as the definition ("  : Ada Quill,
    Bo Fern"), grouped by day under subheadings; a list of advice for poster presenters
    (sentences under "Poster logistics") is no list of papers."""
    titles = ["Owls in the Dark: A Survey", "Sparse Bats at Night", "Moss Growth on Old Stones",
              "Larks and Their Songs Revisited"]
    terms = "\n\n".join(f"{t}\n  : {NAMES[n]}, {NAMES[n + 1]}" for n, t in enumerate(titles))
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "index.md": "---\ntitle: Owl Workshop\n---\nWelcome.\n",
        "posters.md": "---\ntitle: Accepted Papers\n---\n# Poster logistics\n\n"
                      "- The space per poster is 40 inches wide, so please ensure it fits.\n"
                      "- Your poster may be in any visual format you wish.\n"
                      "- Please print and bring your poster with you as you travel.\n\n"
                      "# Accepted papers\n\n## Wednesday\n\n" + terms + "\n"})
    _, rest = page(dest, "posters.md")
    assert "- Your poster may be in any visual format you wish." in rest
    files = sorted((dest / "docs" / "data").glob("posters-*.yml"))
    assert [f.name for f in files] == ["posters-wednesday.yml"], report
    papers = yaml.safe_load(files[0].read_text(encoding="utf-8"))
    assert [p["title"] for p in papers] == titles
    assert papers[0]["authors"] == f"{NAMES[0]}, {NAMES[1]}"
    assert "Moss Growth on Old Stones" in built(dest, "posters.md")


def _document(title: str, content: str) -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <title>{title}</title>\n"
            "  <script>var x = '{{ site.title }}';</script>\n</head>\n<body>\n"
            "  <header class=\"site-header\"><nav><a href=\"/\">Home</a> <a href=\"/cfp/\">CfP"
            "</a></nav></header>\n  <main class=\"page-content\">\n    <div class=\"wrapper\">"
            f"\n{content}\n    </div>\n  </main>\n  <footer>Old theme footer</footer>\n</body>"
            "\n</html>\n")


def test_whole_html_documents_without_front_matter_are_pages(tmp_path: Path) -> None:
    """Jekyll publishes an HTML file without front matter as it is: a whole document (a page
    saved from an older build) is a page visitors see. It becomes a page of its main content
    (the old theme's header, navigation, footer and scripts out), titled by its <title>; a
    Markdown page at its address is shadowed (Jekyll writes the file last); its text is not
    Liquid, so template syntax in it stays text; a redirect stub and a fragment are no
    pages. Its papers table (title, authors, tags longer than the title) is read."""
    rows = "".join(
        f"<tr>\n          <td><a href=\"https://openreview.net/forum?id=p{n}\">{t}</a></td>\n"
        f"          <td>{NAMES[n]}, {NAMES[n + 1]}</td>\n"
        f"          <td>Meta-learning, Few-shot Learning, Graphical Models, Bayesian</td>\n"
        "        </tr>\n" for n, t in enumerate(["Owls in the Dark", "Sparse Bats at Night",
                                                  "Moss on Old Stones"]))
    papers = ("<h1>Accepted Papers</h1>\n<p>Costs {{ 7 | plus: 1 }} and {% raw %}x{% endraw %}"
              " here.</p>\n<table>\n<thead><tr><th>Paper</th><th>Authors</th><th>Tags</th></tr>"
              f"</thead>\n<tbody>\n{rows}</tbody>\n</table>")
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "index.md": "---\ntitle: Owl Workshop\n---\nWelcome.\n",
        "accepted_papers.md": "---\ntitle: Papers\npermalink: /accepted_papers/\n---\nSoon.\n",
        "accepted_papers/index.html": _document("Accepted Papers | Owls", papers),
        "old.html": "<html><head><meta http-equiv=\"refresh\" content=\"0; url=/\"></head>"
                    "</html>\n",
        "google123.html": "google-site-verification: google123.html\n",
        "default.html": "<html><body><h1>{{ page.title }}</h1>{{ content }} and more words"
                        "</body></html>\n"})
    meta, rest = page(dest, "accepted_papers.md")
    assert meta["title"] == "Accepted Papers | Owls"
    assert "render_with_liquid" not in meta
    assert "Old theme footer" not in rest and "<nav" not in rest and "<script" not in rest
    assert "Soon." not in rest
    papers_file = next((dest / "docs" / "data").glob("accepted_papers*.yml"))
    read = yaml.safe_load(papers_file.read_text(encoding="utf-8"))
    assert [p["title"] for p in read] == ["Owls in the Dark", "Sparse Bats at Night",
                                          "Moss on Old Stones"], report
    assert "accepted_papers.md was not imported: accepted_papers/index.html" in report
    assert "old.html (a redirect to another address)" in report
    assert "google123.html (not a whole HTML document" in report
    assert "default.html (its text holds Liquid" in report  # a layout out of its folder
    html = built(dest, "accepted_papers.md")
    shown = unescape(html)  # as a browser reads the character references
    assert "Costs {{ 7 | plus: 1 }} and {% raw %}x{% endraw %} here." in shown
    assert "Sparse Bats at Night" in html


def test_slots_that_name_their_speaker_by_key_beside_the_talks_title(tmp_path: Path) -> None:
    """schedule.yml keyed by slot (``Quill: {event: Quill, title: ..., type: Invited}``), the
    page looking the speaker up by the event (``site.data.speakers[s[1].event]``): each
    invited slot is titled by its talk, its speaker the person of that key."""
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "index.md": "---\ntitle: Owl Workshop\n---\nWelcome.\n",
        "_data/speakers.yml": "Quill:\n  name: Ada Quill\n  affiliation: Univ A\n"
                              "Fern:\n  name: Bo Fern\n  affiliation: Univ B\n",
        "_data/schedule.yml": "open:\n  event: Opening Remarks\n  start: 09:00 AM - 09:10 AM\n"
                              "  type: General\n"
                              "Quill:\n  event: Quill\n  title: Owls in the Dark\n"
                              "  start: 09:10 AM - 09:40 AM\n  type: Invited\n"
                              "Fern:\n  event: Fern\n  title: Bats at Night\n"
                              "  start: 09:40 AM - 10:10 AM\n  type: Invited\n",
        "schedule.md": "---\ntitle: Schedule\n---\n# Schedule: June 1, 2024\n\n<table>\n"
                       "{% for s in site.data.schedule %}<tr><td>{{ s[1].start }}</td>\n"
                       "{% if s[1].type == 'Invited' %}{% assign sp = site.data.speakers["
                       "s[1].event] %}<td><i>{{ s[1].title }}</i><br>{{ sp.name }}</td>\n"
                       "{% else %}<td>{{ s[1].event }}</td>{% endif %}</tr>\n{% endfor %}"
                       "</table>\n"})
    meta, _ = page(dest, "schedule.md")
    assert [(s["title"], s.get("speakers")) for s in meta["schedule"]] == [
        ("Opening Remarks", None), ("Owls in the Dark", ["Ada Quill"]),
        ("Bats at Night", ["Bo Fern"])], report


@pytest.mark.parametrize(("line", "day", "time"), [
    ("Submission system opened: Friday, April 29th, 2022 (UTC-12 timezone)", date(2022, 4, 29),
     None),
    ("Submission deadline: August 3, 2020 (GMT -12:00)", date(2020, 8, 3), None),
    ("Camera ready: May 3, 2022 (11:59 PM UTC\u221212)", date(2022, 5, 3), "23:59"),
])
def test_a_deadline_in_utc_minus_12_is_anywhere_on_earth(line: str, day: date,
                                                          time: str | None) -> None:
    parsed = parse_date_line(line)
    assert parsed is not None
    found = parsed.date
    assert (found.first, found.zone) == (day, "AoE")
    assert (found.time.strftime("%H:%M") if found.time else None) == time


@pytest.mark.parametrize("line", ["Submission deadline: April 21, 2021 (PASSED)",
                                  "Submission deadline: April 21, 2021. [closed]",
                                  "Submission deadline: April 21, 2021 \u2713"])
def test_a_date_marked_passed_is_read_without_the_mark(line: str) -> None:
    parsed = parse_date_line(line)
    assert parsed is not None and (parsed.label, parsed.date.first, parsed.note) == (
        "Submission deadline", date(2021, 4, 21), "")


def test_accepted_submissions_numbered_with_their_authors_in_brackets(tmp_path: Path) -> None:
    """Under "Accepted submissions: papers and poster #" (a call's word, "submission", in an
    accepted list's heading), "#2: A Title (Ada Quill and Bo Fern) ([Paper PDF](x.pdf))":
    the title, its authors from the brackets, its number, its PDF."""
    titles = ["Owls in the Dark: A Survey (Revisited)", "Sparse Bats at Night",
              "Moss Growth on Old Stones"]
    items = "".join(f"* #{n + 1}: {t} ({NAMES[n]} and {NAMES[n + 1]}) ([Paper PDF](papers/p{n}"
                    f".pdf)) ([Poster PDF](posters/p{n}.pdf))\n" for n, t in enumerate(titles))
    files: dict[str, str | bytes] = {
        "_config.yml": "title: Owl Workshop\n",
        "index.md": "---\ntitle: Owl Workshop\n---\n## Accepted submissions: papers and poster "
                    "#\n\n* The numbers are the spots in the poster session.\n\n" + items}
    for n in range(3):
        files[f"papers/p{n}.pdf"] = b"%PDF-1.4\n%paper " + bytes([48 + n])
        files[f"posters/p{n}.pdf"] = b"%PDF-1.4\n%poster " + bytes([48 + n])
    dest, report = imported(tmp_path, files)
    papers_file = next((dest / "docs" / "data").glob("*accepted_submissions*.yml"))
    read = yaml.safe_load(papers_file.read_text(encoding="utf-8"))
    assert [(p["title"], p["authors"], p["number"]) for p in read] == [
        (t, f"{NAMES[n]} and {NAMES[n + 1]}", f"#{n + 1}") for n, t in enumerate(titles)], report
    assert [p["pdf"] for p in read] == [f"assets/files/p{n}.pdf" for n in range(3)], read
    built(dest, "index.md")


@pytest.mark.parametrize(("heading", "year", "day"), [
    ("Oct 10, Miller Town Hall", 2022, date(2022, 10, 10)),
    ("Oct 10, 2023, Room 5", 2022, date(2023, 10, 10)),  # its own year, not the page's
    ("Friday, December 11, 2020", None, date(2020, 12, 11)),
])
def test_a_programs_heading_names_its_day_then_its_place(heading: str, year: int | None,
                                                         day: date) -> None:
    text = (f"<h2>Workshop Program</h2>\n<h3>{heading}</h3>\n<table>\n<thead><th>Time</th>"
            "<th>Event</th></thead>\n<tr><td>1:30pm-1:40pm</td><td>Welcome</td></tr>\n"
            "<tr><td>1:40pm-2:40pm</td><td>Keynote: Ada Quill</td></tr>\n"
            "<tr><td>2:40pm-3:00pm</td><td>Coffee break</td></tr>\n</table>\n")
    result, calls = read(text, year=year)
    assert calls == ["<< schedule() >>"], result.kept
    assert result.slots[0]["day"] == day.isoformat()
    assert [s["start"] for s in result.slots] == ["13:30", "13:40", "14:40"]


def test_posters_of_a_program_session_with_a_badge_naming_their_track(tmp_path: Path) -> None:
    """A program written as headings ("### 10:00-11:15 AM — Poster session 1") with the
    session's posters as HTML items, each a coloured badge naming its track, the title in
    bold, the authors after a <br>: a papers file per session, the badge its track (not an
    author); an FAQ's question that names papers is no list of papers."""
    titles = ["Owls in the Dark", "Sparse Bats at Night", "Moss Growth on Old Stones"]
    items = "".join(f"  <li>\n    <span style=\"color:#fff; background-color:#ab438a\">"
                    f"{'CBT' if n == 1 else 'Owls'}</span> <b>{t}</b> <br>\n"
                    f"    {NAMES[n]} and {NAMES[n + 1]}\n  </li>\n"
                    for n, t in enumerate(titles))
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "index.md": "---\ntitle: Owl Workshop\n---\nWelcome.\n",
        "faq.md": "---\ntitle: FAQ\n---\n## What if a paper has several experiments?\n\n"
                  "Describe each one.\n\nGive each its own card.\n",
        "programme.md": "---\ntitle: Programme\n---\n# Programme, June 1, 2024\n\n"
                        "### 09:00-10:00 AM — Keynote\n\nAda Quill on owls.\n\n"
                        "### 10:00-11:15 AM — Poster session 1\n\n<ul>\n" + items + "</ul>\n"})
    files = sorted((dest / "docs" / "data").glob("*.yml"))
    assert [f.name for f in files] == ["programme-10_00_11_15_am_poster_session_1.yml"], report
    papers = yaml.safe_load(files[0].read_text(encoding="utf-8"))
    assert [(p["title"], p["authors"], p["track"]) for p in papers] == [
        (t, f"{NAMES[n]} and {NAMES[n + 1]}", "CBT" if n == 1 else "Owls")
        for n, t in enumerate(titles)]
    assert "Sparse Bats at Night" in built(dest, "programme.md")


@pytest.mark.parametrize(("front", "keys", "left"), [
    ("title: T\nsponsors:\n- name: A\n  url: https://a.example\n- name: B\nteam:\n- name: C\n",
     {"sponsors"}, {"title", "team"}),
    ("'sponsors':\n  - name: A\nbio: |\n  sponsors: not a key\n", {"sponsors"}, {"bio"}),
    ("sponsors: [{name: A}]\n# a comment\ntitle: T\n", {"sponsors"}, {"title"}),
    ("title: T\n", {"sponsors"}, {"title"}),  # nothing to do
])
def test_lists_shown_nowhere_are_commented_out_and_the_rest_reads_the_same(
        front: str, keys: set[str], left: set[str]) -> None:
    edited, done = comment_out(front, keys)
    data = yaml.safe_load(edited)
    assert set(data) == left
    assert set(done) == keys & set(yaml.safe_load(front))
    assert all(data[k] == yaml.safe_load(front)[k] for k in left)


def test_defaults_and_exclude_of_the_settings_are_read_as_jekyll_reads_them(
        tmp_path: Path) -> None:
    """_config.yml gives every document of the 'editions' collection its layout (defaults:),
    and excludes a folder of notes (exclude:). An edition's own text is empty: what its
    layout draws from its front matter (speakers, deadline) is the page; the notes are no
    page; a sponsor the layout never shows is commented out, its link given its scheme."""
    layout = ("<html><body><nav>Home</nav><main>\n<h1>{{ page.venue }}</h1>\n"
              "<h2>Speakers</h2>\n<ul>{% for p in page.speakers %}<li>{{ p.name }}</li>"
              "{% endfor %}</ul>\n<h2>Important dates</h2>\n<ul>\n<li>Submission deadline: "
              "{{ page.deadline | date: '%B %-d, %Y' }}</li>\n<li>Workshop: {{ page.day | date:"
              " '%B %-d, %Y' }}</li>\n</ul>\n{{ content }}\n</main><footer>(c) Owls</footer>"
              "</body></html>\n")
    files: dict[str, str | bytes] = {
        "_config.yml": "title: Owl Workshop\ncollections:\n  editions:\n    output: true\n"
                       "exclude: [notes]\ndefaults:\n  - scope:\n      path: ''\n"
                       "      type: editions\n    values:\n      layout: edition\n",
        "_layouts/edition.html": layout,
        "index.md": "---\ntitle: Owl Workshop\n---\nWelcome.\n",
        "notes/todo.md": "---\ntitle: Todo\n---\nBook the room.\n"}
    for year in (2024, 2025):
        files[f"_editions/owls-{year}.html"] = (
            f"---\ntitle: Owls {year}\nvenue: Owls {year}\ndeadline: {year}-03-01\n"
            f"day: {year}-06-01\nspeakers:\n- name: {NAMES[year - 2024]}\n"
            f"- name: {NAMES[year - 2022]}\nsponsors:\n- name: Acme\n  url: acme.example\n"
            "---\n<!-- everything is in the layout -->\n")
    dest, report = imported(tmp_path, files)
    assert not (dest / "docs" / "notes").exists() and "exclude: notes" in report
    meta, rest = page(dest, "editions/owls-2025.md")
    assert [p["name"] for p in meta["speakers"]] == [NAMES[1], NAMES[3]], report
    assert '<< team("speakers"' in rest and "<< dates() >>" in rest
    assert [next(iter(d)) if "what" not in d else d["what"] for d in meta["dates"]] == [
        "Submission deadline", "Workshop"]
    assert "sponsors" not in meta and "#   url: https://acme.example" in (
        dest / "docs" / "editions" / "owls-2025.md").read_text(encoding="utf-8")
    assert "(c) Owls" not in rest and "<nav>" not in rest
    assert NAMES[3] in built(dest, "editions/owls-2025.md")


def test_kramdown_heading_ids_are_ids_not_template_syntax(tmp_path: Path) -> None:
    """"## Invited Speakers {#speakers}" (kramdown's id; "{#" starts a Jinja comment): the
    heading keeps its id and its kind, its list is read, nothing is kept as template text."""
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "index.md": "---\ntitle: Owl Workshop\n---\n## Invited Speakers {#speakers}\n\n"
                    + "".join(f"- **{n}** (Univ {i})\n" for i, n in enumerate(NAMES[:3]))})
    meta, rest = page(dest, "index.md")
    assert "## Invited Speakers { #speakers }" in rest
    assert [p["name"] for p in meta["invited_speakers"]] == NAMES[:3], report
    assert "Text that reads as template syntax, kept as text: 0" in report
    assert 'id="speakers"' in built(dest, "index.md")


def test_a_program_committee_written_as_one_line_of_names(tmp_path: Path) -> None:
    """"(In alphabetical order)" then one paragraph "Ada Quill, Bo Fern, ... and Fay Holt": a
    roster of each name, the note kept above it; a line of topics is no list of names."""
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "index.md": "---\ntitle: Owl Workshop\n---\n## Program Committee\n\n(In alphabetical "
                    f"order)\n\n{', '.join(NAMES[:5])} and {NAMES[5]}\n\n## Topics\n\n"
                    "Owls, bats, moss, larks, stones and night skies\n"})
    meta, rest = page(dest, "index.md")
    assert [p["name"] for p in meta["program_committee"]] == NAMES, report
    assert rest.index("(In alphabetical order)") < rest.index('<< team("program_committee"')
    assert "Owls, bats, moss" in rest


def test_speaker_rows_with_a_picture_and_a_markdown_bio(tmp_path: Path) -> None:
    """Each speaker a <div class="row"> of a linked picture (its alt the name) and a
    markdown=1 bio that starts with the bold, linked name: a roster with pictures and bios."""
    rows = "\n\n".join(
        f'<div class="row">\n  <a href="https://u{i}.example"><img class="headshot" '
        f'src="headshots/p{i}.png" alt="{n}"></a>\n  <div class="bio" markdown=1>\n'
        f"  **[{n}](https://u{i}.example)** is a professor of owls at Univ {i}.\n  </div>\n"
        "</div>" for i, n in enumerate(NAMES[:3]))
    files: dict[str, str | bytes] = {
        "_config.yml": "title: Owl Workshop\n",
        "index.md": "---\ntitle: Owl Workshop\n---\n## Invited Speakers {#speakers}\n\n"
                    + rows + "\n"}
    for i in range(3):
        image = io.BytesIO()
        Image.new("RGB", (40, 40), (i * 60, 90, 60)).save(image, "PNG")
        files[f"headshots/p{i}.png"] = image.getvalue()
    dest, report = imported(tmp_path, files)
    meta, _ = page(dest, "index.md")
    people = meta["invited_speakers"]
    assert [p["name"] for p in people] == NAMES[:3], report
    assert all("professor of owls" in p["bio"] and p["image"] for p in people)
    built(dest, "index.md")


@pytest.mark.parametrize("markdown", [False, True])
def test_two_rooms_on_one_day_are_one_program_in_the_order_of_its_times(
        tmp_path: Path, markdown: bool) -> None:
    """A table per room ("Oct 10, 2023, Room A", "Oct 10, 2023, Room B"), then one for the
    next day: one program, each day's slots in the order of their times, the room of each
    slot from its heading, slots that run at once marked so; the site builds."""
    def table(track: str) -> str:
        if markdown:
            return "| Time | Event |\n|---|---|\n" + "".join(
                f"| {h}:00-{h}:45 | {track} talk {h} |\n" for h in (9, 10, 11))
        return ("<table>\n<thead><th>Time</th><th>Event</th></thead>\n" + "".join(
            f"<tr><td>{h}:00-{h}:45</td><td>{track} talk {h}</td></tr>\n"
            for h in (9, 10, 11)) + "</table>\n")
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "index.md": "---\ntitle: Owl Workshop\n---\n## Program\n\n### Oct 10, 2023, Room A\n\n"
                    + table("Alpha") + "\n### Oct 10, 2023, Room B\n\n" + table("Beta")
                    + "\n### Oct 11, 2023, Hall C\n\n" + table("Gamma")})
    meta, _ = page(dest, "index.md")
    slots = meta["schedule"]
    assert [s["title"] for s in slots] == [
        "Alpha talk 9", "Beta talk 9", "Alpha talk 10", "Beta talk 10", "Alpha talk 11",
        "Beta talk 11", "Gamma talk 9", "Gamma talk 10", "Gamma talk 11"], report
    assert [str(s.get("day", "")) for s in slots].count("2023-10-10") == 1
    assert all(s.get("parallel") for s in slots[:6])
    if not markdown:
        assert [s.get("room") for s in slots[:3]] == ["Room A", "Room B", "Room A"]
    assert "Beta talk 11" in built(dest, "index.md")


def test_exclude_matches_paths_from_the_top_as_jekyll_does() -> None:
    excluded = Excluded.read({"exclude": ["notes", "*.txt", "docs/old.md", "./drafts/"],
                              "include": ["notes/keep.md"]})
    assert excluded("notes/todo.md") == "notes"
    assert excluded("notes/keep.md") is None  # include: names it again
    assert excluded("a/notes/todo.md") is None  # "notes" is the top folder's, not any
    assert excluded("readme.txt") == "*.txt"
    assert excluded("docs/old.md") == "docs/old.md" and excluded("old.md") is None
    assert excluded("drafts/x.md") == "drafts"


def test_linked_picture_cards_whose_first_line_is_the_name(tmp_path: Path) -> None:
    """Columns of no telling class, each a link around a picture and a paragraph of the
    name, a line break and the affiliation in italics (one affiliation one word, so the
    link's words "Bo Fern Owlcorp" read as a name too): a roster, each card's first line its
    name."""
    card = ('<div class="col-7 col-md-4 m-1">\n<a class="text-dark" href="https://x.example/'
            '{slug}">\n<img class="rounded-circle" alt="Speaker" src="/assets/{slug}.png">\n'
            '<p>\n{name}\n<br>\n<em>{aff}</em>\n</p>\n</a>\n</div>\n')
    people = [("Ada Quill", "Univ A"), ("Bo Fern", "Owlcorp"), ("Cy Moss", "Lab C")]
    cards = "".join(card.format(slug=name.split()[0].lower(), name=name, aff=aff)
                    for name, aff in people)
    files: dict[str, str | bytes] = {
        "_config.yml": "title: Owls\n",
        "index.md": "---\ntitle: Owls\n---\n<h1 class=\"h2\">Invited Speakers</h1>\n\n"
                    f'<div class="row">\n{cards}</div>\n'}
    for n, (name, _aff) in enumerate(people):
        picture = io.BytesIO()
        Image.new("RGB", (40, 40), (n * 60, 90, 60)).save(picture, "PNG")
        files[f"assets/{name.split()[0].lower()}.png"] = picture.getvalue()
    dest, report = imported(tmp_path, files)
    meta, rest = page(dest, "index.md")
    assert [(p["name"], p.get("affiliation")) for p in meta["invited_speakers"]] == \
        people, report
    assert '<< team("invited_speakers") >>' in rest
    built(dest, "index.md")
