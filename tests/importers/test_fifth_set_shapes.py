"""Shapes found on a fifth round of real workshop sites (each set measured unseen first), each
a fixture written here: a program file drawn by a theme the site does not hold (a conference
theme's ``days: - rooms: - talks:``), people whose entries list their own links, and a
deadline extended twice."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from mkdocs_workshop.importers.common.freedates import parse_date_line
from mkdocs_workshop.importers.common.recognize import Recognized, recognize

from sitekit import build_config, import_files, imported_page


def read(text: str, year: int | None = 2024) -> Recognized:
    return recognize(text, lambda call: call, year=year)


def labels(found: Recognized) -> list[tuple[str, date]]:
    return [(line.what, line.date.first) for _text, line in found.dates]

# A conference theme's program file: days, each with its rooms, each with its talks.
PROGRAM_YML = """\
days:
- name: Saturday
  abbr: Sa
  date: 2024-08-03
  rooms:
  - name: Main Room
    talks:
      - name: Opening Remarks
        time_start: '09:00'
        time_end: '09:15'
      - name: Owls at Night
        time_start: '09:15'
        time_end: '09:50'
      - name: Coffee Break
        time_start: '09:50'
        time_end: '10:20'
"""

# The theme's layout, of which the site holds a copy, drawing each talk with the theme's
# includes that it does not hold (a remote theme's).
PROGRAM_LAYOUT = """\
{% include partials/header.html %}
<h1>Program</h1>
{{ content }}
{%- for d in site.data.program.days -%}
  <table><thead><tr>{%- for r in d.rooms -%}<th>{{ r.name }}</th>{%- endfor -%}</tr></thead>
  <tbody>
  {%- include partials/get_day_time.html -%}
  {%- for i in (1..nbr_steps) -%}<tr><td>{% include partials/show_talk.html %}</td></tr>
  {%- endfor -%}
  </tbody></table>
{%- endfor -%}
{% include partials/footer.html %}
"""


def test_a_program_drawn_by_a_theme_the_site_lacks_is_read_from_its_file(
        tmp_path: Path) -> None:
    """The loop over the program's days renders none of its talks (the theme's includes
    that would draw them are missing): what the source showed is not known, so the file's
    talks are the page's program, each day with its date and room."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "_data/program.yml": PROGRAM_YML,
        "_layouts/program.html": PROGRAM_LAYOUT,
        "program/index.md": "---\nlayout: program\n---\n\nThe program may still change.\n",
    })
    meta, rest = imported_page(dest, "program/index.md")
    assert "<< schedule() >>" in rest, report
    slots = [(str(s.get("day", "")), s["start"], s["end"], s["title"]) for s in meta["schedule"]]
    assert slots == [("2024-08-03", "09:00", "09:15", "Opening Remarks"),
                     ("", "09:15", "09:50", "Owls at Night"),
                     ("", "09:50", "10:20", "Coffee Break")], report
    assert {s.get("room") for s in meta["schedule"]} == {"Main Room"}
    assert "shows few of its slots' titles" not in report
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


def test_a_loop_that_shows_no_titles_without_missing_includes_stays_as_rendered(
        tmp_path: Path) -> None:
    """The same file, looped over by a page that draws only each day's rooms with the site's
    own template (nothing missing): it does not list the talks, and is kept as rendered."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "_data/program.yml": PROGRAM_YML,
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "rooms.md": ("---\nlayout: page\ntitle: Rooms\n---\n"
                     "{% for d in site.data.program.days %}{% for r in d.rooms %}"
                     "<p>{{ r.name }}</p>{% endfor %}{% endfor %}\n"),
    })
    meta, rest = imported_page(dest, "rooms.md")
    assert "schedule" not in meta, report
    assert "Main Room" in rest


SPEAKER = """\
---
name: {name}
first_name: {first}
last_name: {last}
links:
  - name: Profile
    absolute_url: https://example.org/{first}
---

{first} studies owls.
"""


def test_people_whose_entries_list_their_own_links_are_people(tmp_path: Path) -> None:
    """A collection of speakers, each with ``links: [{name: Profile, ...}]``, looped over by
    an overview page: each entry is a person (their links are no group of persons)."""
    dest, report = import_files(tmp_path, {
        "_config.yml": ("title: Owl Workshop\ncollections:\n  speakers:\n    output: true\n"),
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "_speakers/ada.md": SPEAKER.format(name="Ada Quill", first="Ada", last="Quill"),
        "_speakers/bo.md": SPEAKER.format(name="Bo Fern", first="Bo", last="Fern"),
        "speakers.md": ("---\nlayout: page\ntitle: Speakers\n---\n<ul>\n"
                        "{% assign people = site.speakers | sort_natural: 'last_name' %}"
                        "{% for s in people %}<li><a href=\"{{ s.url }}\">{{ s.first_name }} "
                        "{{ s.last_name }}</a></li>{% endfor %}\n</ul>\n"),
    })
    meta, rest = imported_page(dest, "speakers.md")
    names = sorted(p["name"] for p in meta.get("speakers", []))
    assert names == ["Ada Quill", "Bo Fern"], report
    assert "Profile" not in {p["name"] for p in meta["speakers"]}
    assert '<< team("speakers"' in rest


@pytest.mark.parametrize(("line", "old", "new", "note"), [
    ("Submission deadline: ~~May 6, 2024~~ **~~extended to May 10, 2024~~** "
     "**extended to May 16, 2024**", date(2024, 5, 6), date(2024, 5, 16),
     "first extended to May 10, 2024"),
    ("Submission deadline: ~~May 6~~ ~~May 10~~ May 16, 2024", date(2024, 5, 6),
     date(2024, 5, 16), "first extended to May 10"),
    ("Submission deadline: <s>May 6, 2024</s> <s>May 10, 2024</s> <s>May 13, 2024</s> "
     "May 16, 2024", date(2024, 5, 6), date(2024, 5, 16),
     "first extended to May 10, 2024, then May 13, 2024"),
])
def test_a_deadline_extended_twice_keeps_the_day_between_with_its_label(
        line: str, old: date, new: date, note: str) -> None:
    found = parse_date_line(line)
    assert found is not None
    assert (found.date.first, found.extended and found.extended.first) == (old, new)
    assert found.label == "Submission deadline"
    assert found.note == note


def test_struck_days_with_nothing_after_them_are_no_extension() -> None:
    found = parse_date_line("Submission deadline: ~~May 6, 2024~~ ~~May 10, 2024~~")
    assert found is None or found.extended is None


def test_a_deadline_extended_twice_on_a_page_of_paragraphs(tmp_path: Path) -> None:
    """Date lines as paragraphs under "Important Dates", one extended twice: both dates,
    the day in between kept in the first's label, nothing left as text."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "cfp.md": ("---\nlayout: page\ntitle: Call for papers\n---\n\n### Important Dates\n\n"
                   "Submission deadline: ~~May 6, 2024~~ **~~extended to May 10, 2024~~** "
                   "**extended to May 16, 2024**\n\nPaper notification: June 4, 2024\n"),
    })
    meta, rest = imported_page(dest, "cfp.md")
    assert meta["dates"] == [
        {"what": "Submission deadline (first extended to May 10, 2024)",
         "when": date(2024, 5, 6), "extended": date(2024, 5, 16)},
        {"Paper notification": date(2024, 6, 4)}], report
    assert "<< dates() >>" in rest
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


def test_a_missing_image_shows_its_text_and_the_report_says_why(tmp_path: Path) -> None:
    """``![Old town](../assets/b.jpg)`` on a page of ``_pages/`` names assets/b.jpg, which
    the source lacks (a broken image there): the page shows its text, the report lists it
    as missing (not as outside the site), and the build passes ``--strict``."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owl Workshop\ninclude: [_pages]\n",
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "assets/a.jpg": b"\xff\xd8\xff\xe0 not a real jpeg but an image by name",
        "_pages/local.md": ("---\nlayout: page\ntitle: Local info\npermalink: local\n---\n\n"
                            "![Harbour](../assets/a.jpg){: width=\"100%\" }\n\n"
                            "![Old town](../assets/b.jpg){: width=\"100%\" }\n\n"
                            "![](missing.png)\n\nHotels are near.\n"),
    })
    _meta, rest = imported_page(dest, "local.md")
    assert "![Harbour](assets/images/a.jpg){: width=\"100%\" }" in rest
    assert "Old town" in rest and "b.jpg" not in rest and "missing.png" not in rest
    assert "{: width" not in rest.split("Old town", 1)[1].split("\n", 1)[0]
    missing = report.split("Missing images", 1)[1]
    assert "../assets/b.jpg" in missing and "missing.png" in missing
    assert "outside the site" not in report
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


TABS = """\
<ul class="nav nav-pills">
  <li><a class="nav-link active" href="#jun16" data-toggle="pill">Day-01
      <span>June 16, 2025</span></a></li>
  <li><a class="nav-link" href="#jun17" data-toggle="pill">Day-02
      <span>June 17, 2025</span></a></li>
</ul>
"""


def test_loops_in_the_panes_of_day_tabs_are_one_program_of_those_days(tmp_path: Path) -> None:
    """Each day's loop (``site.data.program.day1``, ``day2``) inside a pane whose tab names
    the day: one program, each day's slots on their day, not on the last day the tabs name;
    a type written for the template ("type: workshops") does not lead the title."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "_data/program.yml": ("day1:\n- title: Workshops (in parallel)\n  type: workshops\n"
                              "  from: '09:00'\n  to: '10:30'\n- title: Coffee Break\n"
                              "  type: break\n  from: '10:30'\n  to: '11:00'\n"
                              "day2:\n- title: Opening\n  type: special\n  from: '09:00'\n"
                              "  to: '09:30'\n- title: Paper Session 1\n  type: session\n"
                              "  from: '09:30'\n  to: '11:00'\n"),
        "program.html": ("---\nlayout: page\ntitle: Program\n---\n" + TABS +
                         "<div class=\"tab-content\">\n<div class=\"tab-pane\" id=\"jun16\">\n"
                         "<ul>{% for e in site.data.program.day1 %}<li>{{ e.from }} - "
                         "{{ e.to }} {{ e.title }}</li>{% endfor %}</ul>\n</div>\n"
                         "<div class=\"tab-pane\" id=\"jun17\">\n"
                         "<ul>{% for e in site.data.program.day2 %}<li>{{ e.from }} - "
                         "{{ e.to }} {{ e.title }}</li>{% endfor %}</ul>\n</div>\n</div>\n"),
    })
    meta, _rest = imported_page(dest, "program.md")
    slots = [(str(s.get("day", "")), s["start"], s["title"]) for s in meta["schedule"]]
    assert slots == [("2025-06-16", "09:00", "Workshops (in parallel)"),
                     ("", "10:30", "Coffee Break"), ("2025-06-17", "09:00", "Opening"),
                     ("", "09:30", "Paper Session 1")], report
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


def test_a_written_program_in_the_panes_of_day_tabs(tmp_path: Path) -> None:
    """The same shape written out in HTML: each pane's slots on the day its tab names."""
    panes = "".join(
        f"<div class=\"tab-pane\" id=\"{pane}\">\n<ul>\n<li>{first} Opening of the day</li>\n"
        f"<li>10:00 - 11:00 Talks of the day</li>\n<li>11:00 - 12:00 Posters</li>\n</ul>\n"
        "</div>\n" for pane, first in (("jun16", "09:00 - 10:00"), ("jun17", "09:00 - 10:00")))
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owl Workshop\n",
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "index.html": ("---\nlayout: page\ntitle: Owl Workshop\n---\n<h2>Event Schedule</h2>\n"
                       + TABS + "<div class=\"tab-content\">\n" + panes + "</div>\n"),
    })
    meta, _rest = imported_page(dest, "index.md")
    days = [str(s.get("day")) for s in meta["schedule"]]
    assert days == ["2025-06-16"] * 3 + ["2025-06-17"] * 3, report
    assert len(meta["schedule"]) == 6
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


PEOPLE_YML = """\
ada_quill:
  name: Ada Quill
  website: https://example.org/ada
bo_fern:
  name: Bo Fern
cy_moss:
  name: Cy Moss
"""

TALKS_YML = """\
keynotes:
  name: Keynotes
  quill_owls:
    authors: [ada_quill]
    title: Owls at Night
talks:
  fern_radios:
    authors: [bo_fern, cy_moss]
    title: Radios that Listen
  moss_nests:
    authors: [cy_moss]
    title: Nests in the Snow
"""

PROGRAM_DAYS = """\
- day: tuesday
  date: Tuesday, May 20
  events:
  - type: break
    name: Business meeting
    time: "8:30-9:00"
  - type: break
    name: Breakfast
    time: "8:30-9:00"
  - type: keynote
    time: "9:00-10:00"
    chairid: bo_fern
    talkid: quill_owls
  - type: talk_session
    name: Session 1
    chairid: ada_quill
    subevents:
    - time: "10:00-10:40"
      talkid: fern_radios
    - time: "10:40-11:20"
      talkid: moss_nests
"""

PROGRAM_PAGE = """\
---
layout: page
title: Program
---
{% for day in site.data.program %}
<h2>{{ day.date }}</h2>
<table>
{% for event in day.events %}
{% if event.type == "talk_session" %}
<tr><td colspan="2">{{ event.name }} // chair: {{ site.data.people[event.chairid].name }}</td></tr>
{% for talk in event.subevents %}{% assign info = site.data.talks.talks[talk.talkid] %}
<tr><td>{{ talk.time }}</td><td>{{ info.title }}</td></tr>
{% endfor %}
{% elsif event.type == "keynote" %}{% assign info = site.data.talks.keynotes[event.talkid] %}
<tr><td>{{ event.time }}</td><td>{{ info.title }}</td></tr>
{% else %}
<tr><td>{{ event.time }}</td><td>{{ event.name }}</td></tr>
{% endif %}
{% endfor %}
{% for poster in site.data.talks.talks %}{% if event.type == "poster" %}{% endif %}{% endfor %}
</table>
<p>Posters shown this day: Counting Snow Owls by Sound and Sight</p>
{% endfor %}
"""


def test_a_program_that_names_talks_chairs_and_people_by_their_keys(tmp_path: Path) -> None:
    """Events naming their talk (``talkid:``) and chair (``chairid:``) by keys of other
    files, a session timed only by its talks (``subevents:``), two slots listed with the
    same times, days written without a year (the home page's sentence says the year): each
    slot titled, timed and on its day, the chair with it, the session's talks under it,
    what the loop showed that no slot holds kept as text."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: OWLS 35\n",
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "_data/people.yml": PEOPLE_YML,
        "_data/talks.yml": TALKS_YML,
        "_data/program.yml": PROGRAM_DAYS,
        "index.md": ("---\nlayout: page\ntitle: Home\n---\n\nThe 35th meeting of the Owl "
                     "Society (OWLS 35) will be hosted by the Department of Birds at North "
                     "University, Northtown, on May 20 \u2013 22, 2025. Talks are given in "
                     "person. In taking part, you agree to the code of conduct of the society, "
                     "which the organizers enforce.\n"),
        "program.md": PROGRAM_PAGE,
    })
    meta, rest = imported_page(dest, "program.md")
    slots = {s["title"]: s for s in meta["schedule"]}
    assert str(meta["schedule"][0]["day"]) == "2025-05-20", report
    assert slots["Business meeting"]["parallel"] and slots["Breakfast"]["parallel"]
    assert slots["Owls at Night"]["speakers"] == ["Ada Quill"]
    assert slots["Owls at Night"]["abstract"] == "Chair: Bo Fern"
    session = slots["Session 1"]
    assert (session["start"], session["end"]) == ("10:00", "11:20")
    assert session["talks"] == ["10:00-10:40 Radios that Listen — Bo Fern, Cy Moss",
                                "10:40-11:20 Nests in the Snow — Cy Moss"]
    assert session["abstract"] == "Chair: Ada Quill"
    assert "Counting Snow Owls by Sound and Sight" in rest
    assert "do not hold" in report
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


def test_a_dates_file_of_text_and_days_without_a_year(tmp_path: Path) -> None:
    """``- date: "Nov 8"`` with ``text: <s>"Submissions open"</s>``, for a workshop in May
    2025 (its key facts say so): each line a date, those after the workshop's month read in
    the year before."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: OWLS 35\n",
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "_data/important_dates.yml": (
            "- date: \"Nov 8\"\n  text: <span class=\"alert\"></span> <s>\"Submissions "
            "open\"</s>\n- date: \"Dec 18\"\n  text: <s>\"Abstract deadline\" </s>\n"
            "- date: \"Feb 20\"\n  text: \"Decision notification\"\n"),
        "index.md": ("---\nlayout: page\ntitle: Home\n---\n\n**When:** May 20, 2025\n\n"
                     "## Important dates\n\n<table>\n{% for m in site.data.important_dates %}"
                     "<tr><td>[{{ m.date }}]</td><td>{{ m.text }}</td></tr>{% endfor %}\n"
                     "</table>\n"),
    })
    meta, _rest = imported_page(dest, "index.md")
    assert meta["dates"] == [{"Submissions open": date(2024, 11, 8)},
                             {"Abstract deadline": date(2024, 12, 18)},
                             {"Decision notification": date(2025, 2, 20)}], report
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


def test_a_loop_over_a_mapping_of_no_persons_is_kept_as_rendered(tmp_path: Path) -> None:
    """A loop over a mapping's pairs that looks each person up elsewhere (``p[1].authors``):
    no person with a name in its entries, so what it showed stays, never an empty team."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: OWLS 35\n",
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "_data/people.yml": PEOPLE_YML,
        "_data/talks.yml": TALKS_YML,
        "index.md": ("---\nlayout: page\ntitle: Home\n---\n\n## Invited speakers\n\n<ul>\n"
                     "{% for p in site.data.talks.keynotes %}{% if p[0] != \"name\" %}"
                     "{% assign who = site.data.people[p[1].authors[0]] %}"
                     "<li>{{ who.name }}</li>{% endif %}{% endfor %}"
                     # a second loop beside it, over the same file
                     "{% for p in site.data.talks.talks %}{% assign who = "
                     "site.data.people[p[1].authors[0]] %}<li>{{ who.name }}</li>"
                     "{% endfor %}\n</ul>\n"),
    })
    meta, rest = imported_page(dest, "index.md")
    assert "Ada Quill" in rest or any(
        p.get("name") == "Ada Quill" for v in meta.values() if isinstance(v, list)
        for p in v if isinstance(p, dict)), report
    assert not any(v == [] for v in meta.values()), meta
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()


@pytest.mark.parametrize(("line", "old", "new", "note"), [
    ("Acceptance notification: <del>Oct 09, 2024</del> Oct 10, 2024 (anytime before 11:59 "
     "AoE)", date(2024, 10, 9), date(2024, 10, 10), ""),
    ("Paper submission: <del>July 25<sup>th</sup> 2025</del> <strong> August 15<sup>th</sup> "
     "2025 (Firm) </strong>", date(2025, 7, 25), date(2025, 8, 15), "Firm"),
    ("Paper registration: <del>July 18th 2025</del> **August 15th 2025 (Firm)**",
     date(2025, 7, 18), date(2025, 8, 15), "Firm"),
])
def test_an_extension_with_a_note_or_markup_around_its_days(
        line: str, old: date, new: date, note: str) -> None:
    found = parse_date_line(line)
    assert found is not None
    assert (found.date.first, found.extended and found.extended.first) == (old, new)
    assert found.note == note


@pytest.mark.parametrize("lead", ["<p><b>IMPORTANT DATES:</b><br/>\n",
                                  "<strong>Important dates</strong><br>\n"])
def test_a_paragraph_led_by_a_bold_important_dates(lead: str) -> None:
    text = ("Intro.\n\n" + lead + "Paper submission: May 1, 2024<br/>\n"
            "Notification: June 1, 2024" + ("</p>\n" if lead.startswith("<p>") else "\n"))
    found = read(text)
    assert labels(found) == [("Paper submission", date(2024, 5, 1)),
                             ("Notification", date(2024, 6, 1))], (found.read, found.kept)
    assert found.text.count("<p") == found.text.count("</p>")


def test_a_bold_session_name_over_its_talks_is_no_heading_of_dates() -> None:
    """"<b>Session 1: Papers</b><br/>" over a timed list: the list is the program's."""
    found = read("<h3>Morning block (11:00-13:20)</h3>\n\n<b>Session 1: Vision papers</b><br/>\n"
                 "<ul>\n<li>11:00-11:15 Welcome</li>\n<li>11:15-11:35 Owls at night</li>\n"
                 "<li>11:35-11:55 Radios</li>\n</ul>\n")
    assert [s["start"] for s in found.slots] == ["11:00", "11:15", "11:35"], found.read


def test_rows_of_a_session_continued_without_a_time() -> None:
    """A table whose session row names its chair, then rows with no time: the session's
    name in bold (its title), each paper's title and, in italics, its authors (one talk)."""
    text = ("# Program\n\n## Tuesday, April 20, 2021\n\n| 14:00 - 14:05 | Welcome |\n"
            "| 14:50 - 15:50 | *Session Chair: Ada Quill* |\n| | **Session: Owls** |\n| | |\n"
            "| | Owls at Night |\n| | *Bo Fern and Cy Moss* |\n| | |\n"
            "| | Radios that Listen |\n| | *Di Lark* |\n| 15:50 - 16:00 | **Closing** |\n")
    found = read(text, 2021)
    session = found.slots[1]
    assert session["title"] == "Session: Owls", found.slots
    assert session["abstract"] == "Session Chair: Ada Quill"
    assert session["talks"] == ["Owls at Night — Bo Fern and Cy Moss",
                                "Radios that Listen — Di Lark"]


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script> Owls and radios",
                                     "<< secret() >> Owls and radios for all",
                                     "{{ config.extra }} {% raw %} Owls and radios",
                                     "&lt;img src=x onerror=alert(1)&gt; Owls and radios"])
def test_rows_a_program_loop_showed_stay_text_whatever_they_hold(
        tmp_path: Path, hostile: str) -> None:
    """What a program's loop looked up in another list, kept as text under the program:
    markup and template syntax in it stay text."""
    yaml_text = "posters:\n  p1:\n    title: " + json.dumps(hostile) + "\n"
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: OWLS 35\n",
        "_layouts/page.html": "<html><body>{{ content }}</body></html>",
        "_data/posters.yml": yaml_text,
        "_data/program.yml": PROGRAM_DAYS,
        "index.md": "---\nlayout: page\ntitle: Home\n---\n\n**When:** May 20, 2025\n",
        "program.md": ("---\nlayout: page\ntitle: Program\n---\n"
                       "{% for day in site.data.program %}<h2>{{ day.date }}</h2><table>"
                       "{% for event in day.events %}<tr><td>{{ event.time }}</td>"
                       "<td>{{ event.name }}</td></tr>{% endfor %}"
                       "{% for p in site.data.posters.posters %}<tr><td>{{ p[1].title }}</td>"
                       "</tr>{% endfor %}</table>{% endfor %}\n"),
    })
    meta, rest = imported_page(dest, "program.md")
    assert "schedule" in meta, report
    assert "Owls and radios" in rest
    assert "<script" not in rest and "<< secret" not in rest and "{{ config" not in rest
    assert "<img" not in rest
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()
    built = (dest / "site" / "program" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in built and "onerror=alert" not in built.replace(
        "&lt;img src=x onerror=alert(1)&gt;", "")


@pytest.mark.parametrize("alt", ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>",
                                 "<<x>> {{ y }} {% z %}"])
def test_a_missing_images_text_stays_text(tmp_path: Path, alt: str) -> None:
    """The text of a missing image was an attribute's in the source: on the page it is text,
    whatever it holds."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owl\n",
        "local.md": f"---\ntitle: Local\n---\n\n![{alt}](missing.png)\n\nHotels are near.\n",
    })
    result = build_config(dest / "mkdocs.yml", strict=True)
    assert result.ok, result.messages()
    built = (dest / "site" / "local" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in built and "onerror=alert" not in built.replace(
        "&lt;img src=x onerror=alert(2)&gt;", "") and "<x>" not in built, report


@pytest.mark.parametrize("line", [
    "<b>Important dates</b>{} x",  # spaces after a bold heading, then words
    "{}",  # a line of spaces between paragraphs
    "<p><b>Important dates</b>:{}<br/>",
    "<a href=\"#d1\">Day 1 owls {}</a><div id=\"d1\">",  # a tab's link, read once
])
@pytest.mark.timeout(60)
def test_long_runs_of_spaces_around_bold_lines_and_tabs(line: str) -> None:
    """A bold line read as a heading or leading a paragraph, and a tab's link, on a line of
    a megabyte of spaces, before a program of 2,000 blocks: read within the time limit (a
    pattern that tried every split of the spaces took minutes on 3,200 of them)."""
    program = "".join(f"## Schedule {k}\n\n- 09:00 - 10:00 Opening\n- 10:00 - 11:00 Talks\n\n"
                      for k in range(2_000))
    read("Intro.\n\n" + line.format(" " * 1_000_000) + "\n\n" + program)


def test_chairs_given_as_mappings_are_named() -> None:
    """``chairid: [{name: Bo Fern}]``: the chair's name, as with a key or a name."""
    from mkdocs_workshop.importers.jekyll.datafiles import _chairs

    assert _chairs({"chairid": [{"name": "Bo Fern"}, "ada_quill"]},
                   {"ada_quill": "Ada Quill"}) == "Bo Fern, Ada Quill"
