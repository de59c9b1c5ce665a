"""Shapes found on a fifth round of real workshop sites (each set measured unseen first), each
a fixture written here: a program file drawn by a theme the site does not hold (a conference
theme's ``days: - rooms: - talks:``), people whose entries list their own links, and a
deadline extended twice."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mkdocs_workshop.importers.common.freedates import parse_date_line

from sitekit import build_config, import_files, imported_page

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
