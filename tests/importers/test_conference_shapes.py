"""Shapes of conference sites met on unseen sites (fixtures written here, after what those
sites do; names and titles made up): a program of days, each of rooms, each of talks; a talks
collection listed by category; a loop that goes through the program only to find one talk's
time; a room's page that shows its own talks; a slot whose shown title is another field;
loops that show nothing on a page; a web address written without https://; a teaching
workshop's page (its start date, instructors, day tables with rows "Before", linked scripts)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from mkdocs_workshop.importers.common.freedates import parse_date_line, parse_free_date

from sitekit import build_config, import_files, imported_page

pytestmark = pytest.mark.timeout(120)

PROGRAM = """\
days:
- name: Tuesday
  date: 2026-05-19
  rooms:
  - name: Main Hall
    talks:
    - name: Opening
      time_start: '8:30'
      time_end: '9:00'
    - name: Owls at night
      time_start: '9:00'
      time_end: '9:30'
    - name: Coffee break
      time_start: '9:30'
      time_end: '10:00'
  - name: Room B
    talks:
    - name: Bats and their songs
      time_start: '9:00'
      time_end: '9:30'
    - name: Coffee break
      time_start: '9:30'
      time_end: '10:00'
    - name: A talk no page of the site has
      time_start: '10:00'
      time_end: '10:30'
- name: Wednesday
  date: 2026-05-20
  rooms:
  - name: Main Hall
    talks:
    - name: Moths and moons
      time_start: '9:00'
      time_end: '10:00'
"""

TALKS = {
    "owls.md": "---\nname: Owls at night\nspeakers:\n- Ada Quill\ncategories:\n- Plenaries\n---\n"
               "How owls hunt.\n",
    "bats.md": "---\nname: Bats and their songs\nspeakers:\n- Bo Fern\n- Cy Moss\ncategories:\n"
               "- Contributed talks\n---\nWhat bats sing.\n",
    "moths.md": "---\nname: Moths and moons\nspeakers:\n- Di Lark\ncategories:\n"
                "- Contributed talks\n---\nMoths by night.\n",
}

# The program's grid: a tab per day (its name only), then each day's rooms and their talks,
# only those the talks collection has (the source's lookup: the others show nothing).
PROGRAM_LAYOUT = """\
<html><body>
<ul>{% for d in site.data.program.days %}
<li><a href="#d{{ forloop.index }}">{{ d.name }}</a></li>{% endfor %}</ul>
{{ content }}
{% for d in site.data.program.days %}<div id="d{{ forloop.index }}"><h2>{{ d.name }}</h2>
{% for r in d.rooms %}<h3>{{ r.name }}</h3><table>{% for t in r.talks %}
{% assign talk = site.talks | where: 'name', t.name | first %}
{% if talk or t.name contains 'break' or t.name == 'Opening' %}
<tr><td>{{ t.time_start }}</td><td>{{ t.name }}</td></tr>{% endif %}
{% endfor %}</table>{% endfor %}</div>{% endfor %}
</body></html>
"""

# The talks list: a section per category, each going through every talk; in each talk, a
# loop over the program finds its time for a badge (it lists nothing).
TALKS_LAYOUT = """\
<html><body>{{ content }}
{% for main in site.conference.main_categories %}<h3>{{ main.name }}</h3><ul>
{% for talk in site.talks %}{% for cat in talk.categories %}{% if cat == main.name %}
<li><a href="{{ talk.url }}">{{ talk.name }}</a> <span>{{ talk.speakers | join: ', ' }}</span>
{% for d in site.data.program.days %}{% for r in d.rooms %}{% for t in r.talks %}
{% if t.name == talk.name %}<span class="badge" data-start="{{ t.time_start }}">Live</span>
{% endif %}{% endfor %}{% endfor %}{% endfor %}
</li>{% endif %}{% endfor %}{% endfor %}</ul>{% endfor %}
</body></html>
"""

# A room's page: the whole program gone through, its own room's talks shown.
ROOM_LAYOUT = """\
<html><body>{{ content }}
{% for d in site.data.program.days %}{% for r in d.rooms %}{% if r.name == page.name %}
<h2>{{ d.name }}</h2><ul>{% for t in r.talks %}<li>{{ t.time_start }} {{ t.name }}</li>
{% endfor %}</ul>
{% endif %}{% endfor %}{% endfor %}
</body></html>
"""

CONFIG = """\
title: Owl Conference
collections:
  talks:
    output: true
    permalink: /:collection/:title/
conference:
  main_categories:
  - name: Plenaries
  - name: Contributed talks
defaults:
- scope: {path: "", type: talks}
  values: {layout: page}
"""


imported = import_files
page = imported_page


def conference(tmp_path: Path) -> tuple[Path, str]:
    return imported(tmp_path, {
        "_config.yml": CONFIG,
        "_data/program.yml": PROGRAM,
        **{f"_talks/{name}": text for name, text in TALKS.items()},
        "_layouts/page.html": "<html><body><h1>{{ page.name }}</h1>{{ content }}</body></html>",
        "_layouts/program.html": PROGRAM_LAYOUT,
        "_layouts/talk-overview.html": TALKS_LAYOUT,
        "_layouts/room.html": ROOM_LAYOUT,
        "index.md": "---\ntitle: Owl Conference\n---\nMay 19-20, 2026, in Vienna.\n",
        "program.md": "---\nlayout: program\ntitle: Program\n---\nThe program.\n",
        "talks.md": "---\nlayout: talk-overview\ntitle: Talks\n---\nAll talks.\n",
        "room-b.md": "---\nlayout: room\ntitle: Room B\nname: Room B\n---\nUpstairs.\n",
    })


def test_a_program_of_days_of_rooms_of_talks(tmp_path: Path) -> None:
    """Each day's rooms side by side: the day's talks in the order of their times, each
    with its room, the talks at once in two rooms parallel, the break both rooms list one
    slot; a talk the grid does not show (no page of the site has it) left out."""
    dest, report = conference(tmp_path)
    meta, rest = page(dest, "program.md")
    assert [(s.get("day"), s["start"], s["title"], s.get("room"), s.get("parallel", False))
            for s in meta["schedule"]] == [
        ("2026-05-19", "08:30", "Opening", "Main Hall", False),
        (None, "09:00", "Owls at night", "Main Hall", True),
        (None, "09:00", "Bats and their songs", "Room B", True),
        (None, "09:30", "Coffee break", None, False),
        ("2026-05-20", "09:00", "Moths and moons", "Main Hall", False)], report
    assert rest.count("<< schedule() >>") == 1
    assert "1 of its slots are not shown there in the source" in report
    # the tabs of the days (links to the grid's days, which the program replaces) go
    assert 'href="#d1"' not in rest and "drawing links to the days of its program" in report
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()
    assert result.html("program.md").count('class="workshop-slot') >= 5


def test_a_loop_that_looks_talks_up_in_the_program_is_not_the_program(
        tmp_path: Path) -> None:
    """The talks list goes through the program once per talk to find its time (a badge):
    that is no program; each category's section lists only its talks, as papers."""
    dest, report = conference(tmp_path)
    meta, rest = page(dest, "talks.md")
    assert "schedule" not in meta and "<< schedule() >>" not in rest, report
    assert "not carried: url" not in report  # a document's own address is not a paper's
    calls = [line for line in rest.splitlines() if line.startswith("<< papers(")]
    assert len(calls) == 2, rest
    lists = [yaml.safe_load((dest / "docs" / call.split('"')[1]).read_text(encoding="utf-8"))
             for call in calls]
    assert [[(p["title"], p["authors"]) for p in papers] for papers in lists] == [
        [("Owls at night", ["Ada Quill"])],
        [("Bats and their songs", ["Bo Fern", "Cy Moss"]), ("Moths and moons", ["Di Lark"])]]
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


def test_a_rooms_page_shows_its_own_talks(tmp_path: Path) -> None:
    """A room's page goes through every day's rooms and shows its own: its slots only."""
    dest, report = conference(tmp_path)
    meta, _rest = page(dest, "room-b.md")
    assert [s["title"] for s in meta["schedule"]] == [
        "Bats and their songs", "Coffee break", "A talk no page of the site has"], report
    assert meta["schedule"][0]["day"] == "2026-05-19"


def test_a_slot_shows_the_field_the_source_shows(tmp_path: Path) -> None:
    """"title: Highlight talk 1" beside "name: Orals 1: ...", the page showing the name: the
    slot's title is the name; a slot whose title the page shows in other words (the panel)
    keeps its own."""
    schedule = ("a:\n  title: Highlight talk 1\n  name: 'Orals 1: Owls at night'\n"
                "  start: '15:00'\n  end: '15:15'\n  type: Contributed\n"
                "b:\n  title: Discussion Panel\n  start: '15:15'\n  end: '16:00'\n"
                "  type: Panel\n")
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "_data/schedule.yml": schedule,
        "schedule.md": "---\ntitle: Schedule\nworkshop_date: 2026-05-19\n---\n<table>"
                       "{% for s in site.data.schedule %}<tr><td>{{ s[1].start }}</td>"
                       "{% if s[1].type == 'Contributed' %}<td>{{ s[1].name }}</td>"
                       "{% else %}<td>Panel Discussion</td>{% endif %}</tr>{% endfor %}"
                       "</table>\n"})
    meta, _rest = page(dest, "schedule.md")
    assert [s["title"] for s in meta["schedule"]] == ["Orals 1: Owls at night",
                                                      "Discussion Panel"], report


def test_people_shown_twice_in_loops_side_by_side_are_one_card(tmp_path: Path) -> None:
    """Two loops side by side over one people file (a minisymposium's talks, then its
    organizers) show a person twice: one card, and the report says so."""
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "_data/participants.yml": "- name: Ada Quill\n  role: a\n- name: Bo Fern\n  role: b\n",
        "index.md": "---\ntitle: Owl Workshop\n---\n"
                    "{% for p in site.data.participants %}{% if p.role == 'a' %}<p>{{ p.name }}"
                    "</p>{% endif %}{% endfor %}"
                    "{% for p in site.data.participants %}<p>{{ p.name }}</p>{% endfor %}\n"})
    meta, _rest = page(dest, "index.md")
    assert [p["name"] for p in meta["participants"]] == ["Ada Quill", "Bo Fern"], report
    assert "once in the roster: Ada Quill" in report
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


def test_a_loop_that_shows_nothing_on_a_page_calls_nothing(tmp_path: Path) -> None:
    """A speaker's page goes through every talk and shows none (none is theirs): no
    papers() call, no empty list."""
    dest, report = imported(tmp_path, {
        "_config.yml": CONFIG,
        **{f"_talks/{name}": text for name, text in TALKS.items()},
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "speaker.md": "---\ntitle: Eve Rook\n---\nBio.\n\n{% for talk in site.talks %}"
                      "{% if talk.speakers contains 'Eve Rook' %}<p>{{ talk.name }}</p>"
                      "{% endif %}{% endfor %}\n"})
    _meta, rest = page(dest, "speaker.md")
    assert "<< papers(" not in rest and "Bio." in rest
    assert "shows none of its entries here" in report


def test_a_web_address_without_https_gains_it(tmp_path: Path) -> None:
    """"[Inn](www.inn.example.com)": the source's browser read it as a page of the site,
    which was not there; the import gives it https:// and says so."""
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "travel.md": "---\ntitle: Travel\n---\nStay at the [Inn](www.inn.example.com/rooms) "
                     "or [home](index.md).\n",
        "index.md": "---\ntitle: Owl Workshop\n---\nHi.\n"})
    _meta, rest = page(dest, "travel.md")
    assert "[Inn](https://www.inn.example.com/rooms)" in rest
    assert "given https://: www.inn.example.com/rooms" in report
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


def test_a_talks_page_that_finds_its_time_in_the_program_shows_no_program(
        tmp_path: Path) -> None:
    """A talk's page goes through the whole program to show its own time: kept as the
    source rendered it (its time), no schedule of the whole program."""
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Conference\n",
        "_data/program.yml": PROGRAM,
        "owls.md": "---\ntitle: Owls at night\n---\nHow owls hunt.\n\n"
                   "{% for d in site.data.program.days %}{% for r in d.rooms %}"
                   "{% for t in r.talks %}{% if t.name == page.title %}<p>{{ d.name }}, "
                   "{{ t.time_start }}, {{ r.name }}</p>{% endif %}{% endfor %}{% endfor %}"
                   "{% endfor %}\n"})
    meta, rest = page(dest, "owls.md")
    assert "schedule" not in meta and "<< schedule() >>" not in rest, report
    assert "Tuesday, 9:00, Main Hall" in rest
    assert "it shows few of its slots' titles" in report


def test_a_conference_themes_layouts_the_site_does_not_hold(tmp_path: Path) -> None:
    """'remote_theme: owner/jekyll-theme-conference': the program, talks and speakers
    layouts are the theme's, not in the source; the import shows what they show (its own
    stand-ins), says so, and builds."""
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Conference\nremote_theme: someone/jekyll-theme-conference"
                       "@3.6.3\ncollections:\n  talks:\n    output: true\n  speakers:\n"
                       "    output: true\n",
        "_data/program.yml": PROGRAM,
        **{f"_talks/{name}": text for name, text in TALKS.items()},
        "_speakers/ada.md": "---\nname: Ada Quill\nfirst_name: Ada\nlast_name: Quill\n---\n",
        "_speakers/bo.md": "---\nname: Bo Fern\nfirst_name: Bo\nlast_name: Fern\n---\n",
        "index.md": "---\ntitle: Owl Conference\n---\nMay 19-20, 2026, in Vienna.\n",
        "program.md": "---\nlayout: program\ntitle: Program\n---\n",
        "talks.md": "---\nlayout: talk-overview\ntitle: Talks\n---\n",
        "speakers.md": "---\nlayout: speaker-overview\ntitle: Speakers\n---\n"})
    meta, _rest = page(dest, "program.md")
    assert [s["title"] for s in meta["schedule"]][:3] == ["Opening", "Owls at night",
                                                          "Bats and their songs"], report
    assert "its layout 'program' is the theme's (jekyll-theme-conference)" in report
    _meta, rest = page(dest, "talks.md")
    assert "<< papers(" in rest, report
    meta, _rest = page(dest, "speakers.md")
    assert sorted(p["name"] for p in next(v for k, v in meta.items() if k.startswith(
        "speakers"))) == ["Ada Quill", "Bo Fern"], report
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


def test_a_layout_the_site_holds_is_used_over_the_stand_in(tmp_path: Path) -> None:
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Conference\ntheme: jekyll-theme-conference\n",
        "_data/program.yml": PROGRAM,
        "_layouts/program.html": "<main>{{ content }}</main>",
        "program.md": "---\nlayout: program\ntitle: Program\n---\nSoon.\n"})
    meta, rest = page(dest, "program.md")
    assert "schedule" not in meta and "Soon." in rest
    assert "is the theme's" not in report


def test_a_program_of_days_named_by_their_date_and_talks_under_speakers(
        tmp_path: Path) -> None:
    """jekyll-nagymaros (remote): participants in groups (a given name and a surname), a
    program of days named "Day 1 - January 22" (the year from the home page's description),
    each event titled by its speaker with the talk's title as its subtitle, or titled by
    the talk with the speaker below."""
    program = ("days:\n- name: Day 1 - January 22\n  events:\n  - time: 14:00 to 15:00\n"
               "    title: Ada Quill\n    subtitle: Owls at night\n"
               "  - time: 15:00 to 15:30\n    title: 'Keynote: Bats and their songs'\n"
               "    subtitle: Dr. Bo Fern\n"
               "- name: Day 2 - January 23\n  events:\n  - time: 9:00 to 10:00\n"
               "    title: Cy Moss\n    subtitle: Moths and moons\n")
    participants = ("groups:\n- title: Speakers\n  members:\n  - name: Ada\n    surname: Quill\n"
                    "    affil: Univ A\n  - name: Cy\n    surname: Moss\n    affil: Univ C\n")
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Days\nremote_theme: someone/jekyll-nagymaros@v3.3.1\n",
        "_data/program.yml": program, "_data/participants.yml": participants,
        "index.md": "---\nlayout: index\ndescription: January 22-23, 2025\n---\nHello.\n",
        "program.md": "---\nlayout: program\ntitle: Program\n---\n",
        "participants.md": "---\nlayout: participants\ntitle: Speakers\n---\n"})
    meta, _rest = page(dest, "program.md")
    assert [(s.get("day"), s["start"], s["title"], s.get("speakers"))
            for s in meta["schedule"]] == [
        ("2025-01-22", "14:00", "Owls at night", ["Ada Quill"]),
        (None, "15:00", "Keynote: Bats and their songs", ["Dr. Bo Fern"]),
        ("2025-01-23", "09:00", "Moths and moons", ["Cy Moss"])], report
    meta, _rest = page(dest, "participants.md")
    roster = next(v for k, v in meta.items() if k.startswith("participants"))
    assert [(p["name"], p.get("aff")) for p in roster] == [("Ada Quill", "Univ A"),
                                                          ("Cy Moss", "Univ C")], report
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


@pytest.mark.parametrize(("text", "day"), [
    ("Aug 4 (Fri), 2023", date(2023, 8, 4)),
    ("Oct 15 (Sun.), 2023", date(2023, 10, 15)),
    ("May 19 (Monday)", date(2025, 5, 19)),
    ("September 1 ( Fri ), 2023, 11:59 pm AoE", date(2023, 9, 1)),
])
def test_a_day_with_its_weekday_in_brackets(text: str, day: date) -> None:
    """The weekday a sidebar of dates writes in brackets after the day is read past."""
    found = parse_free_date(text, 2025)
    assert found is not None and found.first == day
    line = parse_date_line(f"Submission deadline: {text}", 2025)
    assert line is not None and line.label == "Submission deadline" and line.date.first == day


def test_a_layouts_dates_table_with_weekdays_in_brackets(tmp_path: Path) -> None:
    """An Important Dates table in the layout beside every page, each date written "Aug 4
    (Fri), 2023": the dates macro."""
    rows = "".join(f"<tr><td>{label}</td><td>{when}</td></tr>" for label, when in [
        ("Submission deadline", "Sep 1 (Fri), 2023"), ("Notification", "Oct 2 (Mon), 2023"),
        ("Workshop", "Nov 1 (Wed), 2023")])
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "_layouts/default.html": "<html><body><aside><h4>Important Dates</h4><table>"
                                 f"<tbody>{rows}</tbody></table></aside>{{{{ content }}}}"
                                 "</body></html>",
        "index.md": "---\nlayout: default\ntitle: Owl Workshop\n---\nHello.\n"})
    meta, rest = page(dest, "index.md")
    assert meta["dates"] == [{"Submission deadline": date(2023, 9, 1)},
                             {"Notification": date(2023, 10, 2)},
                             {"Workshop": date(2023, 11, 1)}], report
    assert "<< dates() >>" in rest


def test_a_person_in_two_groups_of_a_people_file_is_one_card(tmp_path: Path) -> None:
    """_data/participants.yml groups people ("Organizers", "Program committee"), one person
    in both: the roster holds them once, the report names them, the build is strict-clean."""
    participants = ("groups:\n- title: Organizers\n  members:\n  - name: Ada Quill\n"
                    "  - name: Bo Fern\n- title: Program committee\n  members:\n"
                    "  - name: Bo Fern\n  - name: Cy Moss\n")
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "_data/participants.yml": participants,
        "index.md": "---\ntitle: Owl Workshop\n---\n{% for g in site.data.participants.groups %}"
                    "<h3>{{ g.title }}</h3><ul>{% for m in g.members %}<li>{{ m.name }}</li>"
                    "{% endfor %}</ul>{% endfor %}\n"})
    meta, _rest = page(dest, "index.md")
    roster = next(v for k, v in meta.items() if k.startswith("participants"))
    assert [p["name"] for p in roster] == ["Ada Quill", "Bo Fern", "Cy Moss"], report
    assert "once in the roster: Bo Fern" in report
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


def test_a_carpentries_style_workshop_page(tmp_path: Path) -> None:
    """A page of the common teaching-workshop template: 'startdate:' in its front matter,
    the instructors printed by an include whose output tag ends in '%}}', each day's table
    under a heading of its day and hours ("June 14 13:30 - 16:00 EDT") whose first rows say
    what to do before ("Before"), and a script the setup page links to."""
    table = ('<h3>{day} 13:30 - 16:00 EDT</h3>\n<table>\n'
             '<tr><td>Before</td><td><a href="#setup">Install the shell</a></td></tr>\n'
             '<tr><td>13:30</td><td>Introducing the Shell</td></tr>\n'
             '<tr><td>14:30</td><td>Short break</td></tr>\n'
             '<tr><td>14:40</td><td>Pipes and Filters</td></tr>\n</table>\n')
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Shell Workshop\n",
        "_includes/ad.html": "<p>Instructors: {{page.instructor | join: ', ' %}}</p>\n",
        "index.md": "---\ntitle: Shell Workshop\nstartdate: 2021-06-14\nenddate: 2021-06-16\n"
                    "instructor: [\"Ada Quill\", \"Bo Fern\"]\n---\n{% include ad.html %}"
                    "\n\n<h2 id=\"schedule\">Schedule</h2>\n\n"
                    + table.format(day="June 14") + "\n" + table.format(day="June 16"),
        "setup.md": "---\ntitle: Setup\n---\nDownload [the check](check-1.py).\n",
        "check-1.py": "print('ok')\n"})
    meta, rest = page(dest, "index.md")
    assert "Instructors: Ada Quill, Bo Fern" in rest, report
    assert [(s.get("day"), s["start"], s["title"]) for s in meta["schedule"]] == [
        (day, start, title) for day in ("2021-06-14", "2021-06-16") for start, title in (
            ("13:30", "Introducing the Shell"), ("14:30", "Short break"),
            ("14:40", "Pipes and Filters"))], report
    assert "kept as text under it: Before Install the shell" in report
    assert "Before Install the shell" in rest
    _meta, setup = page(dest, "setup.md")
    assert "check-1.py" in setup and (dest / "docs" / "assets" / "files").is_dir()
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


def test_a_page_of_no_title_is_named_in_the_nav_by_the_heading_its_layout_draws(
        tmp_path: Path) -> None:
    dest, _report = imported(tmp_path, {
        "_config.yml": "title: Owl Conference\n",
        "_layouts/program.html": '<h1 class="display-5">\n  Program\n</h1>\n{{ content }}',
        "index.md": "---\ntitle: Owl Conference\n---\nHello.\n",
        "program/index.md": "---\nlayout: program\n---\nSoon.\n"})
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    assert "- Program: program/index.md" in config, config


@pytest.mark.parametrize(("starts", "read"), [
    (["09:45", "22:15", "10:45"], ["09:45", "10:15", "10:45"]),  # "10:15--10:45PM"
    (["09:00", "21:00"], ["09:00", "09:00"]),  # twelve hours later exactly: the same hour
    (["09:00", "19:00"], ["09:00", "19:00"]),  # ten hours later: an evening's dinner
    (["17:00", "19:00"], ["17:00", "19:00"]),
    (["07:00", "23:30"], ["07:00", "23:30"]),  # 11:30 would be more than four hours on
])
def test_an_evening_time_in_a_mornings_program_is_a_slip(starts: list[str],
                                                          read: list[str]) -> None:
    from mkdocs_workshop.importers.common.recognize import read_slips
    made = [{"start": start, "title": f"Slot {n}"} for n, start in enumerate(starts)]
    read_slips(made)
    assert [slot["start"] for slot in made] == read


def test_a_program_cut_by_details_blocks_with_pm_slips(tmp_path: Path) -> None:
    """A program of "9:45--10:15AM: **Talk**" paragraphs, an abstract in <details> after one
    (which parts the paragraphs into two blocks), and two evening times among the morning's
    ("10:15--10:45PM", the last of the first block; "11:15--11:30PM", the first of the
    next): one program, in the order of the day."""
    details = "\n<details>\n  <summary>Abstract</summary>\n\n  Words.\n</details>\n\n\n"
    body = ("8:45--9:00AM: **Opening remarks**\n\n"
            "9:00--9:45AM: **Invited talk 1:** Ada Quill\n\n"
            "9:45--10:15AM: **Invited talk 2:** Bo Fern\n\n"
            "10:15--10:45PM: **Contributed talks 1**\n\n"
            "10:45--11:15AM: **Invited talk 3:** Cy Moss\n" + details
            + "11:15--11:30PM: **Coffee Break**\n\n11:30AM--1:00PM: **Poster Session**\n")
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "schedule.md": "---\ntitle: Schedule\n---\nThe workshop is held on Saturday, July 29,"
                       " 2023.\n\n## Schedule\n\n" + body})
    meta, _rest = page(dest, "schedule.md")
    assert [s["start"] for s in meta["schedule"]] == [
        "08:45", "09:00", "09:45", "10:15", "10:45", "11:15", "11:30"], report
    assert "read as morning times" in report
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


@pytest.mark.xfail(strict=True, reason=(
    "a program's paragraph followed on the next line by an HTML block ('<details>' with no "
    "blank line between, which Markdown allows) is not a record of the paragraphs' block: "
    "the slot stays text"))
def test_a_slot_followed_at_once_by_its_details_joins_the_program(tmp_path: Path) -> None:
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "schedule.md": "---\ntitle: Schedule\n---\nHeld on July 29, 2023.\n\n## Schedule\n\n"
                       "9:00--9:45AM: **Talk 1**\n\n9:45--10:15AM: **Talk 2**\n<details>\n"
                       "  <summary>Abstract</summary>\n\n  Words.\n</details>\n\n"
                       "10:15--10:45AM: **Talk 3**\n\n10:45--11:00AM: **Talk 4**\n"})
    meta, _rest = page(dest, "schedule.md")
    assert [s["start"] for s in meta["schedule"]] == ["09:00", "09:45", "10:15", "10:45"], \
        report
