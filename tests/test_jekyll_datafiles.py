"""The `_data` family of Jekyll workshop sites: people and schedule files made page data."""

from __future__ import annotations

import re
from pathlib import Path
from textwrap import dedent

import pytest

from mkdocs_workshop.jekyll.datafiles import person, read_file, slot, times
from mkdocs_workshop.jekyll.importer import import_site

from conftest import build_config

FILES = {
    "_config.yml": "title: Toy Data Workshop\n",
    "_data/speakers.yml": """\
        - num_row: 1
          speakers:
            - name: Ada Quill
              institution: Univ A
              homepage: https://example.org/ada
              talk: "On <b>toy</b> models"
            - name: Bo Fern
              aff: Lab B
        - num_row: 2
          speakers:
            - name: Cy Dove
              website: https://example.org/cy
              twitter: cydove
        """,
    "_data/organizers.yml": """\
        - name: Dee Rowe
          affiliation: Univ D
          link: https://example.org/dee
        - name: Eli Marsh
          image: /assets/none.png
        """,
    "_data/schedule.yml": """\
        - time: "09:00 - 09:15"
          title: Opening <i>remarks</i>
        - time: "9:15am - 9:45am"
          title: "{{ invited }} talk"
          presenter: Ada Quill, Bo Fern
          abstract: About toys.
          link: https://example.org/talk
        - time: TBD
          title: Poster session
        """,
    "_data/sponsors.yml": "- name: Acme\n  logo: /assets/acme.png\n",
    "_includes/speakers.html": "{% for r in site.data.speakers %}{{ r }}{% endfor %}\n",
    "_includes/organizers.html": "{% for o in site.data.organizers %}{{ o.name }}{% endfor %}\n",
    "_includes/schedule.html": "{% for s in site.data.schedule %}{{ s.time }}{% endfor %}\n",
    "index.md": """\
        ---
        title: Toy Data Workshop
        workshop:
          date: 2026-07-01
        ---
        ## Speakers
        {% include speakers.html %}
        ## Schedule
        {% include schedule.html %}
        ## Organizers
        {% include organizers.html %}
        """,
}


def toy_site(root: Path) -> Path:
    for rel, text in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text), encoding="utf-8")
    return root


@pytest.mark.parametrize(("text", "expected"), [
    ("09:15 - 09:35", ("09:15", "09:35")),
    ("9:10am-9:40am", ("09:10", "09:40")),
    ("1:30 - 2:00 pm", ("13:30", "14:00")),
    ("16:00", ("16:00", None)),
    ("TBD", None),
    ("25:00 - 26:00", None),
])
def test_times(text: str, expected: tuple[str, str | None] | None) -> None:
    assert times(text) == expected


def test_person_synonyms_and_unknown_fields() -> None:
    made, unknown = person({"name": "A B", "institution": "U", "pic": "x.png",
                            "website": "https://e.org", "talk": "<em>T</em>", "github": "ab"})
    assert made == {"name": "A B", "aff": "U", "image": "x.png", "url": "https://e.org",
                    "topic": "T"}
    assert unknown == ["github"]
    assert person({"affiliation": "U"}) == (None, [])


def test_rows_and_flat_files() -> None:
    rows = read_file("speakers", [{"num_row": 1, "speakers": [{"name": "A"}, {"name": "B"}]},
                                  {"num_row": 2, "speakers": [{"name": "C"}]}])
    assert [p["name"] for p in rows.people] == ["A", "B", "C"]
    assert read_file("sponsors", [{"name": "Acme"}]).kind == "kept"
    assert read_file("speakers", {"a": 1}).kind == "kept"


def test_slot_reasons() -> None:
    assert slot({"title": "x"}) == (None, "has no time")
    assert slot({"time": "09:00"}) == (None, "has no title")
    made, _ = slot({"Time": "09:00 - 10:00", "Title": "<b>Talk</b>", "Presenter": "A and B"})
    assert made == {"start": "09:00", "end": "10:00", "title": "Talk", "speakers": ["A", "B"]}


def test_data_site_imports_builds_and_shows_everyone(tmp_path: Path) -> None:
    source = toy_site(tmp_path / "src")
    dest = tmp_path / "out"
    report = import_site(source, dest).render()
    page = (dest / "docs" / "index.md").read_text(encoding="utf-8")
    for call in ('<< team("speakers") >>', "<< schedule() >>", '<< team("organizers") >>'):
        assert f"\n\n{call}\n\n" in page
    assert "include speakers.html" not in page
    assert "{{ invited }}" in page.split("---", 2)[1]  # front matter: data, never rendered
    # the report accounts for every person, slot and kept entry
    assert "_data/speakers.yml: 3 people, shown on docs/index.md" in report
    assert "_data/organizers.yml: 2 people" in report
    assert "_data/schedule.yml: 2 slots" in report
    assert "entry 3: time 'TBD' is not a time I can read" in report
    assert "fields not carried over: twitter" in report
    assert "_data/sponsors.yml: kept in the Jekyll source" in report
    built = build_config(dest / "mkdocs.yml", strict=False)
    assert built.ok, built.messages()
    html = built.html("index.md")
    for name in ("Ada Quill", "Bo Fern", "Cy Dove", "Dee Rowe", "Eli Marsh"):
        assert name in html
    assert html.count('class="workshop-person"') == 5
    assert "Opening remarks" in html and "<i>remarks" not in html
    assert "{{ invited }} talk" in html or "&#123;&#123; invited" in html
    assert "Poster session" in html  # the slot whose time could not be read, as text
    assert len(re.findall(r"<time datetime=\"2026-07-01T09:", html)) >= 2
    # the only warnings are the source's own: a missing photo, a day without a time zone
    warnings = built.workshop()
    assert any("/assets/none.png" in w for w in warnings)
    assert all("/assets/none.png" in w or "time zone" in w for w in warnings), warnings


def test_shapes_seen_on_real_sites() -> None:
    # people keyed by an id
    keyed = read_file("speakers", {"ada": {"name": "Ada", "img": "a.png"},
                                   "bo": {"name": "Bo"}})
    assert [p["name"] for p in keyed.people] == ["Ada", "Bo"]
    # slots with time_start / time_end, "name" as the title
    made, _ = slot({"name": "Welcome", "time_start": "09:00", "time_end": "09:10"})
    assert made == {"start": "09:00", "end": "09:10", "title": "Welcome"}
    # a schedule grouped by day; the day is read when it has a year
    days = read_file("schedule", [
        {"date": "July 1, 2026", "slots": [{"time": "09:00", "title": "A"},
                                           {"time": "10:00", "title": "B"}]},
        {"date": "Friday", "slots": [{"time": "09:00", "title": "C"}]}])
    assert [s["title"] for s in days.slots] == ["A", "B", "C"]
    assert days.slots[0]["day"] == "2026-07-01" and "day" not in days.slots[2]


def test_inline_loops_over_site_data(tmp_path: Path) -> None:
    source = toy_site(tmp_path / "src")
    (source / "team.md").write_text(dedent("""\
        ---
        title: Team
        ---
        {% for row in site.data.speakers %}{% for s in row.speakers %}
        <p>{{ s.name }}</p>{% endfor %}{% endfor %}
        {% for x in site.data.sponsors %}{{ x.name }}{% endfor %}
        """), encoding="utf-8")
    report = import_site(source, tmp_path / "out").render()
    page = (tmp_path / "out" / "docs" / "team.md").read_text(encoding="utf-8")
    assert '\n\n<< team("speakers") >>\n\n' in page
    assert "site.data.speakers" not in page
    assert "{% raw %}" in page and "site.data.sponsors" in page  # not understood: kept
    assert "shown on docs/index.md, docs/team.md" in report
