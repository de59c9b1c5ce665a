"""The `_data` family of Jekyll workshop sites: people and schedule files made page data."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from textwrap import dedent

import pytest
import yaml

from mkdocs_workshop.importers.jekyll.datafiles import (
    PERSON_FIELDS,
    SPONSOR_FIELDS,
    meaning,
    person,
    read_file,
    slot,
    times,
)
from mkdocs_workshop.importers.jekyll.importer import import_site

from sitekit import build_config

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
    "_data/gallery.yml": "- name: a.png\n",
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


def test_a_slots_name_beside_its_title_is_its_speaker() -> None:
    """``name: Ada Quill`` and ``title: Deep Owls`` (a talk): the talk's title, its speaker;
    a name that is no person's (``name: Keynote 1``) stays the title, as before."""
    made, _ = slot({"time": "10h15-11h00", "type": "talk", "name": "Ada Quill",
                    "title": "Deep learning as optimal control"})
    assert made is not None
    assert (made["title"], made["speakers"]) == ("Deep learning as optimal control",
                                                 ["Ada Quill"])
    made, _ = slot({"time": "10h15-11h00", "name": "keynote 1", "title": "Deep Owls"})
    assert made is not None and made["title"] == "keynote 1"


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
    assert [p["name"] for p in rows.entries] == ["A", "B", "C"]
    assert read_file("sponsors", [{"name": "Acme"}]).kind == "sponsors"
    assert read_file("gallery", [{"name": "a.png"}]).kind == "kept"
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
    # the includes draw no pictures: cards without the pictures the source never showed; the
    # speakers' include shows each row whole, their talks with them: the list shows talks
    for call in ('<< team("speakers", "list") >>', "<< schedule() >>",
                 '<< team("organizers", "compact") >>'):
        assert f"\n\n{call}\n\n" in page
    assert "include speakers.html" not in page
    assert "{{ invited }}" in page.split("---", 2)[1]  # front matter: data, never rendered
    # the report accounts for every person, slot and kept entry
    assert "_data/speakers.yml: 3 people, shown on docs/index.md" in report
    assert "_data/organizers.yml: 2 people" in report
    assert "_data/schedule.yml: 2 slots" in report
    assert "entry 3: time 'TBD' is not a time I can read" in report
    assert "fields not carried over: twitter" in report
    assert "_data/sponsors.yml: 1 sponsors, shown on no page" in report
    built = build_config(dest / "mkdocs.yml", strict=False)
    assert built.ok, built.messages()
    html = built.html("index.md")
    for name in ("Ada Quill", "Bo Fern", "Cy Dove", "Dee Rowe", "Eli Marsh"):
        assert name in html
    assert html.count('class="workshop-person"') == 5
    assert "Opening remarks" in html and "<i>remarks" not in html
    assert "{{ invited }} talk" in html
    assert "Poster session" in html  # the slot whose time could not be read, as text
    assert len(re.findall(r"<time datetime=\"2026-07-01T09:", html)) >= 2
    # the only warning is the source's own: a day without a time zone (Eli's missing photo
    # was never shown by the source, so the import does not name it)
    warnings = built.workshop()
    assert warnings and all("time zone" in w for w in warnings), warnings
    assert "/assets/none.png" not in (dest / "docs" / "index.md").read_text(encoding="utf-8")


def test_shapes_seen_on_real_sites() -> None:
    # people keyed by an id
    keyed = read_file("speakers", {"ada": {"name": "Ada", "img": "a.png"},
                                   "bo": {"name": "Bo"}})
    assert [p["name"] for p in keyed.entries] == ["Ada", "Bo"]
    # slots with time_start / time_end, "name" as the title
    made, _ = slot({"name": "Welcome", "time_start": "09:00", "time_end": "09:10"})
    assert made == {"start": "09:00", "end": "09:10", "title": "Welcome"}
    # a schedule grouped by day; the day is read when it has a year
    days = read_file("schedule", [
        {"date": "July 1, 2026", "slots": [{"time": "09:00", "title": "A"},
                                           {"time": "10:00", "title": "B"}]},
        {"date": "Friday", "slots": [{"time": "09:00", "title": "C"}]}])
    assert [s["title"] for s in days.entries] == ["A", "B", "C"]
    assert days.entries[0]["day"] == "2026-07-01" and "day" not in days.entries[2]


def test_inline_loops_over_site_data(tmp_path: Path) -> None:
    source = toy_site(tmp_path / "src")
    (source / "team.md").write_text(dedent("""\
        ---
        title: Team
        ---
        {% for row in site.data.speakers %}{% for s in row.speakers %}
        <p>{{ s.name }}</p>{% endfor %}{% endfor %}
        {% for x in site.data.gallery %}{{ x.name }}{% endfor %}
        """), encoding="utf-8")
    report = import_site(source, tmp_path / "out").render()
    page = (tmp_path / "out" / "docs" / "team.md").read_text(encoding="utf-8")
    assert '\n\n<< team("speakers", "compact") >>\n\n' in page
    assert "site.data.speakers" not in page
    # a loop over a file the import does not show: rendered as Jekyll renders it
    assert "\na.png\n" in page and "site.data.gallery" not in page
    assert "shown on docs/index.md, docs/team.md" in report


# A second shape, as many real sites are made (written for this test): pages in _pages named by
# 'include:', loops over variables assigned from site.data, images named by file name only
# under the folder the include's <img> gives, entries the source skips, papers and partners
# files, a navigation file with a dropdown, and a mapping of lists (site.data.people.team).
SECOND = {
    "_config.yml": "title: Toy Second Workshop\ninclude:\n  - _pages\n",
    "_data/speakers.yml": """\
        - fullname: Ada Quill
          affiliations: [Univ A, Lab Z]
          photo: ada.png
          website: www.example.org
          skip: false
        - fullname: Bo Fern
          photo: bo.png
          website: none
          skip: true
        """,
    "_data/people.yml": """\
        title: ignored
        team:
          - firstname: Cy
            lastname: Dove
            organization: Univ C
          - firstname: Ada
            lastname: Quill
            position: Chair
        """,
    "_data/accepted-orals.yml": """\
        - title: "Toy oral about $x^2$"
          authors: "Dee Rowe, Eli Marsh"
          email: dee@example.org
          OpenReview: "https://openreview.net/pdf?id=AbCdEf123"
        """,
    "_data/accepted-posters.yml": """\
        - title: Toy poster
          authors: [Fay Lin]
          keywords: toys
        """,
    "_data/partners.yml": "- photo: acme.png\n  link: https://acme.example.org/\n",
    "_data/navigation.yml": """\
        - name: Speakers
          link: /speakers.html
        - name: Papers
          link: /#
          dropdown:
            - name: Accepted
              link: /accepted.html
        - name: Blog
          link: https://blog.example.org/
        """,
    "_includes/speaker-card.html": '<img src="{{ site.baseurl }}/assets/img/people/'
                                   '{{ speaker.photo }}">{{ speaker.fullname }}\n',
    "_pages/speakers.md": """\
        ---
        title: Speakers
        permalink: /speakers
        ---
        {% assign speakers = site.data.speakers | sort: "fullname" %}
        {% for speaker in speakers %}{% if speaker.skip %}{% continue %}{% endif %}
        {% include speaker-card.html %}{% endfor %}

        {% for p in site.data.people.team %}{{ p.firstname }}{% endfor %}

        {% for p in site.data.partners %}<img src="assets/img/logos/{{ p.photo }}">{% endfor %}

        {% for s in site.data.speakers %}{{ s.fullname }}{% endfor %}
        """,
    "_pages/accepted.md": """\
        ---
        title: Accepted
        permalink: /accepted
        ---
        ## Talks
        {% assign papers = site.data.accepted-orals | sample: 3 %}
        {% for paper in papers %}{{ paper.title }}{% endfor %}
        ## Posters
        {% assign papers = site.data.accepted-posters %}
        {% for paper in papers %}{{ paper.title }}{% endfor %}
        """,
    "index.md": "---\ntitle: Home\n---\nWelcome.\n",
}


def test_paper_fields() -> None:
    from mkdocs_workshop.importers.jekyll.datafiles import paper

    made, private = paper({"Title": "T", "Author(s)": "A and B", "id": 7, "Email": "a@b.c",
                           "openreview_link": "https://openreview.net/forum?id=XyZ12345"}, "Poster")
    assert made == {"title": "T", "authors": "A and B", "forum": "XyZ12345",
                    "decision": "Poster", "id": "7"}
    assert private == ["Email"]
    made, _ = paper({"title": "U", "id": "https://arxiv.org/abs/1"}, None)
    assert made == {"title": "U", "url": "https://arxiv.org/abs/1"}
    made, _ = paper({"title": "V", "openreview": "see below"}, None)
    assert made == {"title": "V", "reference": "see below"}
    assert paper({"authors": "A"}, None)[0] is None


def _png(path: Path) -> None:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 40), (20, 120, 200)).save(path)


def test_second_shape_of_data_sites(tmp_path: Path) -> None:
    source = tmp_path / "src"
    for rel, text in SECOND.items():
        path = source / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text), encoding="utf-8")
    for rel in ("assets/img/people/ada.png", "assets/img/people/bo.png",
                "assets/img/logos/acme.png"):
        _png(source / rel)
    dest = tmp_path / "out"
    report = import_site(source, dest).render()
    speakers = (dest / "docs" / "speakers.md").read_text(encoding="utf-8")
    accepted = (dest / "docs" / "accepted.md").read_text(encoding="utf-8")
    # pictures drawn: cards; names only: compact cards without pictures
    assert '<< team("speakers") >>' in speakers
    assert '<< team("people_team", "compact") >>' in speakers
    assert "<< sponsors() >>" in speakers
    assert "assign speakers" not in speakers  # the assign went with its loop
    # a second loop over a file the page already shows: a second roster, with what it showed
    # (Bo, whom the first loop skipped)
    assert '<< team("speakers_2", "compact") >>' in speakers
    assert "{%" not in speakers
    assert '<< papers("data/accepted-orals.yml") >>' in accepted
    assert '<< papers("data/accepted-posters.yml") >>' in accepted
    orals = (dest / "docs" / "data" / "accepted-orals.yml").read_text(encoding="utf-8")
    assert "forum: AbCdEf123" in orals and "decision: Oral" in orals
    assert "dee@example.org" not in orals  # Jekyll never published _data: no e-mail now
    assert "fields left out of the published papers file" in report
    assert ("(1 people); 1 of the entries it went through showed nothing in the source (a "
            "condition), and are left out") in report
    assert "affiliations" not in report.split("_data/speakers.yml")[-1].split("\n")[1]
    assert "People: 0 in rosters, 4 in _data files" in report
    # Ada is in two files: once in the people directory, by id in both rosters
    directory = (dest / "docs" / "people.yml").read_text(encoding="utf-8")
    assert "ada-quill:\n  name: Ada Quill\n  aff: Univ A, Lab Z" in directory
    assert "Chair" not in directory  # a role belongs to the roster
    assert speakers.count("- id: ada-quill") == 3 and "role: Chair" in speakers
    assert "docs/people.yml: 1 person of several _data files, each once" in report
    assert "not in the people directory" not in report
    nav = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    assert nav.index("Speakers: speakers.md") < nav.index("Papers:") < nav.index(
        "Accepted: accepted.md") < nav.index("Blog: https://blog.example.org/")
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()
    html = built.html("speakers.md")
    assert "Ada Quill" in html and "Univ A, Lab Z" in html and "Cy Dove" in html
    assert html.count("Ada Quill") >= 2 and "Chair" in html
    first, second = html.split("Bo Fern", 1)
    assert "Ada Quill" in first and "Cy Dove" in first  # Bo only in the second loop
    assert "Bo Fern" not in second
    assert 'href="https://www.example.org"' in html
    assert html.count("<img") >= 2  # Ada's photo and the partner's logo, both found
    assert "{%" not in html
    papers = built.html("accepted.md")
    assert "Toy poster" in papers and "Fay Lin" in papers and "<math" in papers
    assert "openreview.net/forum?id=AbCdEf123" in papers


def test_a_loop_shown_under_a_condition_is_reported(tmp_path: Path) -> None:
    source = tmp_path / "src"
    (source / "_data").mkdir(parents=True)
    (source / "_data" / "people.yml").write_text(dedent("""\
        groups:
          - short: a
            name: Univ A
            members:
              - {firstname: Ada, lastname: Quill, contact: true}
          - short: b
            name: Univ B
            members:
              - {firstname: Bo, lastname: Fern}
        """), encoding="utf-8")
    (source / "index.md").write_text(dedent("""\
        ---
        title: Home
        ---
        {% for g in site.data.people.groups %}{% if g.short == "a" %}{% for m in g.members %}
        {{ m.firstname }}{% endfor %}{% endif %}{% endfor %}
        """), encoding="utf-8")
    report = import_site(source, tmp_path / "out").render()
    page = (tmp_path / "out" / "docs" / "index.md").read_text(encoding="utf-8")
    assert ('(1 people); 1 of the entries it went through showed nothing in the source (a '
            'condition), and are left out') in report
    assert "Ada Quill" in page and "Bo Fern" not in page


SCHEDULE_BY_DAY = """\
    - date: Thursday, Sept. 5
      slots:
        - {time: "09:00", title: "Opening <b>&</b> {{ welcome }}"}
        - {time: "soon", title: Posters}
    - date: Friday, Sept. 6
      slots:
        - {time: "10:00", title: Closing}
    """
SCHEDULE_PAGE = """\
    ---
    title: {title}
    ---
    <section id="program">
    {{% for day in site.data.schedule %}}<h2>{{{{ day.date }}}}</h2>
    {{% for s in day.slots %}}<p>{{{{ s.time }}}} {{{{ s.title }}}}</p>{{% endfor %}}{{% endfor %}}
    </section>
    """


@pytest.mark.parametrize("title", ["Toy Workshop 2024", "Toy Workshop"])
def test_a_schedule_whose_days_have_no_year(tmp_path: Path, title: str) -> None:
    """Days written without a year take the page's (its title's here); without one, the
    slots are kept as the source rendered them, and the report says why."""
    source = tmp_path / "src"
    (source / "_data").mkdir(parents=True)
    (source / "_data" / "schedule.yml").write_text(dedent(SCHEDULE_BY_DAY), encoding="utf-8")
    (source / "index.md").write_text(dedent(SCHEDULE_PAGE).format(title=title),
                                     encoding="utf-8")
    dest = tmp_path / "out"
    report = import_site(source, dest).render()
    page = (dest / "docs" / "index.md").read_text(encoding="utf-8")
    built = build_config(dest / "mkdocs.yml", strict=False)
    assert built.ok, built.messages()
    html = built.html("index.md")
    if "2024" in title:
        front = yaml.safe_load(page.split("---\n")[1])
        assert [(s["day"], s["title"]) for s in front["schedule"]] == [
            ("2024-09-05", "Opening & {{ welcome }}"), ("2024-09-06", "Closing")]
        assert "<< schedule() >>" in page
        assert "<li>soon: Posters</li>" in html  # the slot whose time could not be read
    else:
        assert "gives no day with a year" in report
        assert "<< schedule() >>" not in page and "IMPORTJEKYLL" not in page
        assert "<h2>Thursday, Sept. 5</h2>" in page and "<p>10:00 Closing</p>" in page
        assert "<p>soon Posters</p>" in html


def test_slots_whose_times_are_from_and_to() -> None:
    """``from: 10:30am`` and ``to: 11:00am`` are a slot's start and end."""
    made = read_file("program", [{"day": "September 16th", "events": [
        {"title": "Registration", "from": "10:30am", "to": "11:00am"},
        {"title": "Opening", "from": "11:00am", "until": "11:10am"}]}], "_data/program.yml")
    assert made.kind == "schedule"
    assert [(e["start"], e["end"], e["title"]) for e in made.entries] == [
        ("10:30", "11:00", "Registration"), ("11:00", "11:10", "Opening")]


def test_grouped_papers_and_talks_are_read_with_their_groups() -> None:
    papers = read_file("sessions", [
        {"session": "Morning: Birds", "id": "s1", "papers": [
            {"title": "Counting owls", "authors": "Ada Quill*", "presentation": "s1_ada.mp4"},
            {"title": "Gull flight", "authors": "Bo Fern"}]},
        {"session": "Afternoon: Bees", "id": "s2", "papers": [
            {"title": "Hive sounds", "authors": "Cy Dove"}]}])
    assert papers.kind == "papers" and papers.group_by == "session"
    assert [p["session"] for p in papers.entries] == ["Morning: Birds", "Morning: Birds",
                                                      "Afternoon: Bees"]
    # A video's file name is not a decision: kept as a field of its own.
    assert papers.entries[0]["presentation"] == "s1_ada.mp4"
    assert "decision" not in papers.entries[0]
    assert any("papers() does not show" in kept and "presentation" in kept
               for kept in papers.kept)
    talks = read_file("talks", [
        {"track": "Main hall", "talks": [{"time": "09:00 - 09:30", "title": "Opening"},
                                         {"time": "09:30 - 10:00", "title": "Keynote"}]}])
    # a track is where its talks are; a session's name is a slot at its first talk's time
    assert talks.kind == "schedule" and [(t["start"], t["title"], t.get("room"))
                                         for t in talks.entries] == [
        ("09:00", "Opening", "Main hall"), ("09:30", "Keynote", "Main hall")]
    sessions = read_file("talks", [
        {"session": "Birds", "talks": [{"time": "09:00 - 09:30", "title": "Owls"}]},
        {"session": "", "talks": [{"time": "09:30 - 10:00", "title": "Break"}]}])
    assert [(t["start"], t["title"]) for t in sessions.entries] == [
        ("09:00", "Birds"), ("09:00", "Owls"), ("09:30", "Break")]
    # Not grouped the same way throughout: not read as groups.
    assert read_file("mixed", [{"session": "A", "papers": [{"title": "x", "authors": "y"}]},
                               {"track": "B", "papers": [{"title": "z", "authors": "w"}]}]
                     ).kind != "papers"
    sample = read_file("plan", [{"date": "1 May", "sessions": [
        {"name": "Session 1", "papers": [{"title": "T", "abstract": "Lorem ipsum dolor."}]}]}])
    assert sample.kind == "kept" and "placeholder text" in sample.why_kept


@pytest.mark.parametrize("wrapped", ["", "a row", "a container"])
def test_papers_grouped_by_session_show_on_the_page(tmp_path: Path, wrapped: str) -> None:
    """A page loops over sessions and, inside, over each session's papers: the loop becomes
    papers() grouped by session, and every paper shows under its session. Inside a Bootstrap
    row that holds nothing else (as real sites have it), the call takes the row's place: in an
    HTML block, Markdown would leave the group headings as text."""
    source = tmp_path / "src"
    (source / "_data").mkdir(parents=True)
    (source / "_data" / "sessions.yml").write_text(dedent("""\
        - session: "Session 1: Birds"
          id: papers1
          papers:
            - {id: 2, title: Counting owls at night, authors: "Ada Quill*, Bo Fern",
               doi: zenodo.1}
            - {id: 5, title: Gull flight paths, authors: Cy Dove, presentation: gull.mp4}
        - session: "Session 2: Bees"
          id: papers2
          papers:
            - {id: 7, title: Hive sounds, authors: Dee Rowe}
        """), encoding="utf-8")
    (source / "_data" / "plan.yml").write_text(dedent("""\
        - date: "1 May"
          sessions:
            - name: Room A
              papers:
                - {title: Sample, abstract: "Lorem ipsum dolor sit amet."}
        """), encoding="utf-8")
    loop = dedent("""\
        {% for session in site.data.sessions %}
        <h5 id="{{ session.id }}">{{ session.session }}</h5>
        <table>{% for paper in session.papers %}
        <tr><td>{{ paper.title }}</td><td>{{ paper.authors }}</td></tr>
        {% endfor %}</table>
        {% endfor %}
        """)
    if wrapped:
        loop = ('<div class="row">\n    <div class="col-md-12">\n        \n' + loop
                + '\n    </div>\n</div>\n')
    if wrapped == "a container":  # with more in it: closed before the call, opened after it
        loop = ('<div class="container" id="main">\n  <p>Before the papers.</p>\n' + loop
                + '  <h4>Further information</h4>\n  <p>After the papers.</p>\n</div>\n')
    (source / "index.md").write_text(
        "---\ntitle: Program\n---\n<h3>Paper Sessions</h3>\n" + loop, encoding="utf-8")
    (source / "room.md").write_text(
        "---\ntitle: Rooms\n---\n{% for p in site.data.plan[0].sessions[0].papers %}"
        "{{ p.title }}{% endfor %}\n", encoding="utf-8")
    dest = tmp_path / "out"
    report = import_site(source, dest).render()
    page = (dest / "docs" / "index.md").read_text(encoding="utf-8")
    assert '<< papers("data/sessions.yml", group_by="session") >>' in page
    assert "site.data.sessions" not in page and "col-md-12" not in page
    assert "_data/sessions.yml: 3 papers, shown on docs/index.md" in report
    assert ("_data/plan.yml: kept in the Jekyll source, not imported: its text is placeholder "
            "text ('Lorem ipsum'): a theme's sample data, not the workshop's; used by room.md, "
            "whose Liquid over it is kept as written") in report
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()
    html = unescape(built.html("index.md"))
    assert re.search(r"<h3[^>]*>Session 1: Birds", html)  # a heading per session
    for text in ("Session 1: Birds", "Session 2: Bees", "Counting owls at night",
                 "Gull flight paths", "Hive sounds", "Dee Rowe"):
        assert text in html
    if wrapped == "a container":
        assert "Before the papers." in html and "After the papers." in html
        assert html.count('id="main"') == 1  # the container opened again has no id
    content = html[html.index("<article"):]  # after the table of contents
    assert content.index("Session 1: Birds") < content.index("Gull flight paths") \
        < content.index("Session 2: Bees") < content.index("Hive sounds")


def test_text_with_a_lone_angle_bracket_is_not_taken_for_a_tag() -> None:
    made, _ = person({"name": "<< Ada >>", "affiliation": "A < B > C", "title": "n<2 and m>1",
                      "role": "<b>Chair</b> <!-- old --> of <i>it</i>"})
    assert made == {"name": "<< Ada >>", "aff": "A < B > C", "topic": "n<2 and m>1",
                    "role": "Chair of it"}


def test_a_people_file_named_like_a_key_the_theme_or_a_plugin_reads(tmp_path: Path) -> None:
    """_data/description.yml, page.yml, template.yml, workshop.yml ... as the roster key would
    steer the theme or mkdocs-macros, or be read by a feature: the key gains 'data_'."""
    source = tmp_path / "src"
    (source / "_data").mkdir(parents=True)
    names = ("description", "author", "subtitle", "status", "page", "ignore_macros",
             "render_macros", "template", "hide", "search", "icon", "title", "workshop",
             "speakers")
    loops = []
    for name in names:
        (source / "_data" / f"{name}.yml").write_text(
            f'- name: "\\"><script>alert(1)</script> {name}"\n- name: Neighbour {name}\n')
        loops.append(f"{{% for p in site.data.{name} %}}{{{{ p.name }}}}{{% endfor %}}")
    (source / "index.md").write_text("---\ntitle: Home\nworkshop: {date: 2024-07-16}\n---\n\n"
                                     + "\n\n".join(loops) + "\n")
    dest = tmp_path / "out"
    report = import_site(source, dest).render()
    text = (dest / "docs" / "index.md").read_text(encoding="utf-8")
    front = text.split("---\n", 2)[1]
    for name in names[:-1]:
        assert f'<< team("data_{name}", "compact") >>' in text, name
        assert f"\ndata_{name}:\n" in front
        assert f"\n{name}:\n" not in front
    assert '<< team("speakers", "compact") >>' in text  # a plain name stays
    assert "the built site will say: error" not in report
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()
    html = built.html("index.md")
    assert html.count('class="workshop-person"') == 2 * len(names)
    assert "<script>alert(1)" not in html
    for name in names:
        assert f"Neighbour {name}" in html


def test_a_data_file_a_layout_loops_over_is_shown_around_the_page(tmp_path: Path) -> None:
    """A layout's loops over lists the import shows become calls before or after the page's
    text, where the layout put them; the rest of the layout (its navigation, its footer, a
    loop it commented out) is the theme's business and is left out."""
    source = tmp_path / "src"
    for rel, text in {
        "_data/keynotes.yml": "- {name: Ada Quill, affiliation: Univ A}\n- {name: Bo Fern}\n",
        "_data/sponsors.yml": "- {name: Acme, link: 'https://acme.example.org/'}\n",
        "_layouts/base.html": "<html><nav>Home | About</nav>{{ content }}<footer>(c) Toy"
                              "</footer></html>\n",
        "_layouts/edition.html": "---\nlayout: base\n---\n<aside>{% for k in site.data.keynotes"
                                 " %}<p>{{ k.name }}</p>{% endfor %}</aside>\n{{ content }}\n"
                                 "<!-- {% for s in site.data.sponsors %}{{ s.name }}"
                                 "{% endfor %} -->\n",
        "index.md": "---\nlayout: edition\ntitle: Toy 2024\n---\n## Welcome\n\nHello.\n",
    }.items():
        (source / rel).parent.mkdir(parents=True, exist_ok=True)
        (source / rel).write_text(text, encoding="utf-8")
    dest = tmp_path / "out"
    report = import_site(source, dest).render()
    page = (dest / "docs" / "index.md").read_text(encoding="utf-8")
    body = page.split("---\n", 2)[2]
    assert body.index('<< team("keynotes", "compact") >>') < body.index("## Welcome")
    assert "Home | About" not in body and "(c) Toy" not in body and "<aside>" not in body
    assert "sponsors()" not in body and "Acme" not in body  # commented out in the layout
    assert "a loop over _data/keynotes.yml -> << team(\"keynotes\", \"compact\") >>" in report
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()
    html = built.html("index.md")
    assert "Ada Quill" in html and "Univ A" in html and "Bo Fern" in html


@pytest.mark.parametrize(("field", "person", "sponsor"), [
    ("affiliation", "aff", None), ("image_path", "image", "logo"), ("profilePic", "image", None),
    ("photo_url", "image", "logo"), ("personal_website", "url", "url"), ("webpage", "url", None),
    ("affil_link", "url", "url"), ("alt", None, "name"), ("favourite_colour", None, None),
])
def test_fields_are_read_by_their_meaning(field: str, person: str | None,
                                          sponsor: str | None) -> None:
    assert meaning(field, PERSON_FIELDS) == person
    assert meaning(field, SPONSOR_FIELDS) == sponsor


@pytest.mark.parametrize(("entry", "title", "kind"), [
    # a category the program knows is the kind, shown beside the title
    ({"start": "12h15", "end": "13h00", "categories": "Invited Talk:", "title": "Ada Quill"},
     "Ada Quill", "invited talk"),
    # another leads the title, or is the title
    ({"start": "12h00", "end": "12h15", "categories": "Welcome Note", "title": ""},
     "Welcome Note", None),
    ({"start": "14h30", "end": "14h50", "category": "Contributed Talks (x2)",
      "title": "Owls"}, "Contributed Talks (x2) Owls", None),
    ({"start": "09h30", "end": "09h40", "type": "Contributed", "event": "Owls at Night"},
     "Owls at Night", "contributed talk"),
    # an emoji's short code ends the label: kept whole
    ({"time": "09h45-10h15", "type": "Welcome Coffee :coffee::cookie:"},
     "Welcome Coffee :coffee::cookie:", None),
])
def test_a_slots_category_is_its_kind_or_leads_its_title(
        entry: dict[str, str], title: str, kind: str | None) -> None:
    made, why = slot({**entry, "desc": "What it is about."})
    assert why == "" and made is not None
    assert (made["title"], made.get("kind")) == (title, kind)
    assert made["abstract"] == "What it is about."  # 'desc' is its details
