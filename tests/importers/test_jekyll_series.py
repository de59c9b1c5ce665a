"""import-jekyll on a whole series of the seeds' family: inline roster loops, dates as
organizers write them, links between pages, header buttons and the nav by edition.

The fixture is made up (names, pages, layouts); it has the shapes found on the real series
(AI4ScienceCommunity.github.io) and its kin, not their text.
"""

from __future__ import annotations

import re
import textwrap
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_workshop.importers.common.freedates import find_date, parse_date_line
from mkdocs_workshop.importers.common.tables import convert_tables, time_range
from mkdocs_workshop.importers.jekyll.importer import import_site
from mkdocs_workshop.importers.jekyll.links import SiteMap, link_to, page_url
from mkdocs_workshop.importers.jekyll.nav import (
    Edition,
    NavPage,
    commented_buttons,
    first_heading,
    header_buttons,
    label_of,
)
from mkdocs_workshop.importers.jekyll.published import SourcePage, one_per_address, output_file
from mkdocs_workshop.importers.jekyll.venue import venue_of

from sitekit import build_config

LAYOUT = """\
<html><body>
<header>
  <h1>{{ page.title }}</h1>
  <a href="https://series.example.org/conf25.html" class="btn">About</a>
  <a href="{{ '/conf25/call' | relative_url }}" class="btn">Call for Papers</a>
  <a href="https://series.example.org/conf25/schedule.html" class="btn">Schedule</a>
  <!-- <a href="sponsor.html" class="btn">Sponsors</a> -->
  <a href="https://series.example.org/" class="btn">Back</a>
</header>
{{ content }}
</body></html>
"""

EDITION = """\
---
layout: conf25
title: "Learning Machines 2025"
permalink: /conf25
speakers:
  - name: Ada Quill
    affiliation: Example University
  - name: Bo Reed
    affiliation: Sample Institute
StudentOrganizers:
  - name: Cy Lark
    url: https://cy.example.org
  - name: Di Moss
ProfessorOrganizers:
  - name: Ed Finch
  - name: Flo Wren
---

# About

Read the [call for papers](/conf25/call.html) and the [schedule](schedule.html).
Last year: [2023 edition](https://series.example.org/conf23/).

## Speakers

{% include team.html id="speakers" %}

# Tentative Dates (Anywhere on Earth)

- <del>Abstract Deadline: Aug 22, 2025</del>
- Paper Deadline: Aug 25, 2025 (extended to Aug 27)
- Review Period: Aug 28 -- Sep 3, 2025
- Poster Deadline: ~~Sep 20~~ Sep 24, 2025
- Workshop Date: 08:00 AM -- 05:00 PM (EST), Dec 12, 2025
- Social Event: December 12 or 13, 2025

## Organizers

<ul>
{% for p in page.StudentOrganizers %}
<li><a{% if p.url %} href="{{ p.url }}"{% endif %}>{{ p.name }}</a></li>
{% endfor %}
</ul>

<!-- <ul>
{% for p in page.ProfessorOrganizers %}
<li>{{ p.name }}</li>
{% endfor %}
</ul> -->

{% for p in page.ProfessorOrganizers %}
<span>{{ p.name }}</span>
{% endfor %}

{% for p in site.data.sponsors %}
{{ p.name }}
{% endfor %}
"""

OLD_EDITION = """\
---
layout: conf23
title: "Learning Machines 2023"
permalink: /conf23/
speakers:
  - name: Gus Hale
---

# About

{% include team.html id="speakers" %}

# Important Dates

- Workshop Date: Jul 28, 2023
"""


def series(root: Path) -> Path:
    site = root / "jekyll"
    (site / "_layouts").mkdir(parents=True)
    (site / "_layouts" / "conf25.html").write_text(LAYOUT)
    (site / "_layouts" / "conf23.html").write_text("<html>{{ content }}</html>")
    (site / "_config.yml").write_text("title: Learning Machines\n"
                                      "url: https://series.example.org\nbaseurl: /\n")
    (site / "index.md").write_text(textwrap.dedent("""\
        ---
        title: Learning Machines
        permalink: /
        ---

        # Editions

        The [2025 edition](conf25.html), the [2023 edition](/conf23/),
        its [call](/conf25/call/#topics), [the call again]({% link conf25/call.md %}),
        and a page that is not there: [gone](/conf19.html).

        <a href="conf23.html">2023</a>
        <img src="{{ '/assets/images/logo.png' | relative_url }}" alt="logo">
        """))
    (site / "conf25").mkdir()
    (site / "conf25" / "index.md").write_text(EDITION)
    (site / "conf25" / "call.md").write_text(
        "---\nlayout: conf25\ntitle: Learning Machines 2025\npermalink: /conf25/call\n---\n\n"
        "# Call for Papers {: #call }\n\n## Topics\n\nBack to [the workshop](/conf25).\n")
    (site / "conf25" / "schedule.md").write_text(
        "---\nlayout: conf25\ntitle: Learning Machines 2025\npermalink: /conf25/schedule\n"
        "---\n\n# Program\n\nTBA\n")
    (site / "conf25" / "travel.md").write_text(
        "---\nlayout: conf25\ntitle: Learning Machines 2025\npermalink: /conf25/travel\n"
        "---\n\n# Travel Grants\n\nApply.\n")
    (site / "conf23").mkdir()
    (site / "conf23" / "index.md").write_text(OLD_EDITION)
    (site / "assets" / "images").mkdir(parents=True)
    (site / "assets" / "images" / "logo.png").write_bytes(
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)  # copied by content, never decoded here
    return site


@pytest.fixture
def imported(tmp_path: Path) -> tuple[Path, str]:
    dest = tmp_path / "site"
    report = import_site(series(tmp_path), dest)
    return dest, report.render()


def front(path: Path) -> dict[str, Any]:
    text = path.read_text()
    data = yaml.safe_load(text.split("---\n")[1])
    assert isinstance(data, dict)
    return data


# ---------------------------------------------------------------------------------------------
# Plain Python


@pytest.mark.parametrize(("line", "what", "first", "last", "extended"), [
    ("- <del>Submission Deadline: Sep 18, 2021</del>", "Submission Deadline",
     date(2021, 9, 18), date(2021, 9, 18), None),
    ("- <del>Travel Award: Nov 1st -- Nov 21st, 2021</del>", "Travel Award",
     date(2021, 11, 1), date(2021, 11, 21), None),
    ("- Conference: Nov 26 -- Dec 4, 2022", "Conference", date(2022, 11, 26), date(2022, 12, 4),
     None),
    ("- Abstract: Aug 22, 2025 (extended to Aug 24)", "Abstract", date(2025, 8, 22),
     date(2025, 8, 22), date(2025, 8, 24)),
    ("- Bidding: Aug 25-27, 2025 (extended to Aug 27-28)", "Bidding", date(2025, 8, 25),
     date(2025, 8, 27), date(2025, 8, 28)),
    ("- Revision: Aug 25, 2025 (extended to Aug 27, you can still update)",
     "Revision (you can still update)", date(2025, 8, 25), date(2025, 8, 25),
     date(2025, 8, 27)),
    ("- Deadline: <del>May 1, 2024</del> May 8, 2024", "Deadline", date(2024, 5, 1),
     date(2024, 5, 1), date(2024, 5, 8)),
    ("- Papers: ~~September 10, 2024~~ October 2, 2024 (Welcome resubmissions!)",
     "Papers (Welcome resubmissions!)", date(2024, 9, 10), date(2024, 9, 10),
     date(2024, 10, 2)),
    ("- Notification: Auguest 24th, 2021", "Notification", date(2021, 8, 24),
     date(2021, 8, 24), None),
])
def test_date_lines_of_the_series(line: str, what: str, first: date, last: date,
                                  extended: date | None) -> None:
    parsed = parse_date_line(line)
    assert parsed is not None
    assert parsed.what == what
    assert (parsed.date.first, parsed.date.last) == (first, last)
    assert (parsed.extended.last if parsed.extended else None) == extended


@pytest.mark.parametrize(("line", "start", "end", "zone", "note"), [
    ("- Workshop Date: 08:00 AM -- 06:00 PM (EST), Dec 13, 2021", datetime(2021, 12, 13, 8),
     datetime(2021, 12, 13, 18), "America/New_York", ""),
    ("- Workshop date: July 15, 2026 (KST 8:00 AM \u2013 5:00 PM)", datetime(2026, 7, 15, 8),
     datetime(2026, 7, 15, 17), "Asia/Seoul", ""),
    ("- Workshop Date: Sat, Jul 11, 2026 \u2022 8:00 AM \u2013 5:00 PM KST, Hall C",
     datetime(2026, 7, 11, 8), datetime(2026, 7, 11, 17), "Asia/Seoul", "Hall C"),
    ("- Workshop Date: 08:00 AM -- 06:00 PM, Dec 2, 2022", datetime(2022, 12, 2, 8),
     datetime(2022, 12, 2, 18), None, ""),
])
def test_dates_with_hours_and_zones(line: str, start: datetime, end: datetime,
                                    zone: str | None, note: str) -> None:
    parsed = parse_date_line(line)
    assert parsed is not None and parsed.end_time is not None
    assert parsed.date.when == start
    assert datetime.combine(parsed.date.first, parsed.end_time) == end
    assert parsed.date.zone == zone and parsed.note == note


def test_a_time_in_brackets_after_a_date_without_a_comma() -> None:
    parsed = parse_date_line("- Submission Due: April 30 2022 (11:59pm AoE)")
    assert parsed is not None and parsed.what == "Submission Due"
    assert parsed.date.when == datetime(2022, 4, 30, 23, 59) and parsed.date.zone == "AoE"


@pytest.mark.parametrize("line", [
    "- Workshop date: December 11 or 12, 2026",  # two possible days: the source did not choose
    "- Camera ready: TBA",
    "- Deadline: Aug 25, 2025 (extended to Aug 20)",  # an "extension" to an earlier day
    "- Talk: 5:00 PM -- 4:00 PM, Dec 2, 2022",  # ends before it starts
])
def test_what_stays_text(line: str) -> None:
    assert parse_date_line(line) is None


def one_page(tmp_path: Path, front: str, body: str) -> tuple[str, str]:
    """A one-page Jekyll site imported: the page as written, and the report."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "index.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    report = import_site(source, tmp_path / "out").render()
    return (tmp_path / "out" / "docs" / "index.md").read_text(encoding="utf-8"), report


PEOPLE = "".join(f"{key}:\n  - name: {key} One\n    image: {key}.png\n  - name: {key} Two\n"
                 for key in ("A", "B", "C"))


def test_loops_become_team_calls_with_the_layout_they_drew(tmp_path: Path) -> None:
    body = ("<ul>\n{% for p in page.A %}\n<li>{{ p.name }}</li>\n{% endfor %}\n</ul>\n"
            "{% for p in page.B %}<img src=\"{{ p.image }}\">{% endfor %}\n"
            "{% for p in page.C %}{{ p.name }}, {% endfor %}\n"
            "{% for p in page.Nope %}{{ p.name }}{% endfor %}\n"
            "<!-- {% for p in page.A %}{{ p.name }}{% endfor %} -->\n"
            "{% for p in site.data.people %}{{ p.name }}{% endfor %}\n")
    page, report = one_page(tmp_path, PEOPLE, body)
    text = page.split("---\n", 2)[2]
    calls = re.findall(r"<< team\([^)]*\) >>", text)
    assert calls == ['<< team("A", "names") >>', '<< team("B") >>',
                     '<< team("C", "compact") >>']
    assert "<!--  -->" in text  # the commented loop: commented, and shows nothing
    assert "Nope" not in text and "site.data" not in text  # no such lists: nothing shown
    assert "a loop over the page's 'C' -> << team(\"C\", \"compact\") >>" in report


def test_a_row_of_cards_and_a_markdown_list(tmp_path: Path) -> None:
    front = ("speakers:\n  - {name: Ada, image: a.png}\n  - {name: Bo, image: b.png}\n"
             "pcs:\n  - {name: Cy, affiliation: U}\n")
    body = ('<div class="row">\n  {% for p in page.speakers %}\n  <div class="col">'
            '<img src="{{ p.image }}"> {{ p.name }}</div>\n  {% endfor %}\n</div>\n\n'
            "{% for p in page.pcs %}\n\n- {{p.name}} ({{p.affiliation}})\n  {% endfor %}\n")
    page, _report = one_page(tmp_path, front, body)
    text = page.split("---\n", 2)[2]
    assert re.findall(r"<< team\([^)]*\) >>", text) == ['<< team("speakers") >>',
                                                         '<< team("pcs", "names") >>']
    assert "<div" not in text  # the row that held only the loop went with it


def test_a_loop_only_some_of_whose_people_show(tmp_path: Path) -> None:
    """A condition, a limit, a break: the call shows the people the loop showed."""
    front = "speakers:\n" + "".join(f"  - {{name: P{n}, advisor: {str(n % 2 == 0).lower()}}}\n"
                                    for n in range(10))
    body = ("{% for p in page.speakers limit: 7 %}{% unless p.advisor %}<p>{{ p.name }}</p>"
            "{% endunless %}{% endfor %}\n")
    page, report = one_page(tmp_path, front, body)
    assert '<< team("speakers", "compact") >>' in page
    assert "the source showed 3 of its 10: all are shown, delete those that do not belong " \
        "here" in report


def test_header_buttons_and_first_headings() -> None:
    buttons = header_buttons(LAYOUT.replace("{{ '/conf25/call' | relative_url }}", "/c"))
    assert [(b.label, b.href) for b in buttons] == [
        ("About", "https://series.example.org/conf25.html"), ("Call for Papers", "/c"),
        ("Schedule", "https://series.example.org/conf25/schedule.html"),
        ("Back", "https://series.example.org/")]
    assert header_buttons("<!--" * 10_000) == []
    assert first_heading("intro\n# Call for Papers {: #call }\n# Later") == "Call for Papers"
    assert first_heading("<h1 class='x'>Program &amp; Talks</h1>") == "Program & Talks"
    assert first_heading("## Only a second level") is None


def test_site_map_finds_pages_by_every_address() -> None:
    site = SiteMap(host="series.example.org")
    site.add("conf25/index.md", "/conf25", "conf25.md")
    site.add("conf25/call.md", "/conf25/call", "conf25/call.md")
    site.add("about.md", None, "about.md")
    for url in ("/conf25", "/conf25/", "conf25.html", "/conf25/index.html",
                "https://series.example.org/conf25.html"):
        assert site.find(url, "/") == ("conf25.md", ""), url
    assert site.find("call.html#topics", "/conf25/") == ("conf25/call.md", "topics")
    assert site.find("/about.html", "/") == ("about.md", "")
    assert site.find("https://elsewhere.example.org/conf25.html", "/") is None
    assert site.find("../../conf25", "/") == ("conf25.md", "")  # a browser stops at the top
    assert site.internal("/gone.html") and not site.internal("https://elsewhere.example.org/")
    assert page_url("conf25/call.md") == "conf25/call/" and page_url("index.md") == ""
    assert link_to("conf25.md", "conf25/call.md", "", html=False) == "conf25/call.md"
    assert link_to("conf25/call.md", "conf25.md", "x", html=True) == "../#x"
    assert link_to("index.md", "conf25.md", "", html=True) == "conf25/"


# ---------------------------------------------------------------------------------------------
# The import


def test_inline_loops_become_team_calls(imported: tuple[Path, str]) -> None:
    dest, report = imported
    text = (dest / "docs" / "conf25.md").read_text()
    assert '<< team("StudentOrganizers", "names") >>' in text
    assert '<< team("ProfessorOrganizers", "compact") >>' in text  # the <span> loop
    # the commented-out loop shows nothing, as in the source: no call inside the comment
    assert text.count('team("ProfessorOrganizers"') == 1 and "<!-- <ul>\n\n</ul> -->" in text
    assert "site.data.sponsors" not in text  # no such file: the loop shows nothing (Jekyll's)
    assert ("a loop over the page's 'StudentOrganizers' -> "
            '<< team("StudentOrganizers", "names") >>') in report


def test_dates_found_by_their_lines(imported: tuple[Path, str]) -> None:
    dest, report = imported
    data = front(dest / "docs" / "conf25.md")
    assert data["dates"] == [
        {"Abstract Deadline": date(2025, 8, 22)},  # struck and passed: a plain entry
        {"what": "Paper Deadline", "when": date(2025, 8, 25), "extended": date(2025, 8, 27)},
        {"what": "Review Period", "start": date(2025, 8, 28), "end": date(2025, 9, 3)},
        {"what": "Poster Deadline", "when": date(2025, 9, 20), "extended": date(2025, 9, 24)},
        {"what": "Workshop Date", "start": datetime(2025, 12, 12, 8),
         "end": datetime(2025, 12, 12, 17), "timezone": "America/New_York"},
        # one of two days, not yet known: its words, in the list
        {"what": "Social Event", "when_text": "December 12 or 13, 2025"},
    ]
    assert data["workshop"]["date"] == date(2025, 12, 12)
    assert data["workshop"]["timezone"] == "America/New_York"
    assert "date: Social Event: December 12 or 13, 2025 (no day yet: when_text)" in report
    assert "<< dates() >>" in (dest / "docs" / "conf25.md").read_text()


def test_header_buttons_become_workshop_links(imported: tuple[Path, str]) -> None:
    dest, report = imported
    links = front(dest / "docs" / "conf25.md")["workshop"]["links"]
    assert links == [{"label": "About", "url": "/conf25/"},
                     {"label": "Call for Papers", "url": "/conf25/call/"},
                     {"label": "Schedule", "url": "/conf25/schedule/"},
                     {"label": "Back", "url": "/"}]
    assert ("header button -> workshop.links: Call for Papers -> /conf25/call/ (the page "
            "docs/conf25/call.md)") in report
    # The plugin's own check, run by the import, finds the pages the buttons lead to.
    assert "which is not a page or file of this site" not in report


def test_nav_by_edition_newest_first(imported: tuple[Path, str]) -> None:
    dest, _report = imported
    nav = yaml.safe_load((dest / "mkdocs.yml").read_text())["nav"]
    assert nav == [
        {"Home": "index.md"},
        {"Editions": [
            {"Learning Machines 2025": [
                {"About": "conf25.md"},
                {"Call for Papers": "conf25/call.md"},  # its header button
                {"Schedule": "conf25/schedule.md"},  # its button, not its heading
                {"Travel Grants": "conf25/travel.md"},  # no button: its first heading
            ]},
            {"Learning Machines 2023": "conf23.md"},
        ]},
    ]


def test_links_between_pages(imported: tuple[Path, str]) -> None:
    dest, report = imported
    home = (dest / "docs" / "index.md").read_text()
    assert "[2025 edition](conf25.md)" in home
    assert "[2023 edition](conf23.md)" in home
    assert "[call](conf25/call.md#topics)" in home
    assert "[the call again](conf25/call.md)" in home  # {% link %}
    assert '<a href="conf23/">2023</a>' in home  # raw HTML: the built page's address
    assert '<img src="assets/images/logo.png"' in home  # relative_url resolved
    assert "[gone](/conf19.html)" in home
    assert "link kept as written (no page of the site is there): /conf19.html" in report
    edition = (dest / "docs" / "conf25.md").read_text()
    assert "[call for papers](conf25/call.md)" in edition
    # From /conf25, "schedule.html" is /schedule.html (no page is there, on Jekyll too); the
    # file's own folder, conf25/, has it: that is what the author meant.
    assert "[schedule](conf25/schedule.md)" in edition
    assert "schedule.html" not in report
    assert "[2023 edition](conf23.md)" in edition  # the site's own full address
    call = (dest / "docs" / "conf25" / "call.md").read_text()
    assert "[the workshop](../conf25.md)" in call


def test_links_resolve_on_the_built_site(tmp_path: Path) -> None:
    """Without the edition pages (whose new fields land with issue 13), the rest builds with
    --strict but for the page that is not there, and every link resolves."""
    source = series(tmp_path)
    (source / "conf25" / "index.md").write_text(
        "---\nlayout: conf25\ntitle: Learning Machines 2025\npermalink: /conf25\n---\n\n"
        "# About\n\n[call](conf25/call.html) [home](/) <a href=\"/conf23/\">old</a>\n")
    (source / "conf23" / "index.md").write_text(
        "---\ntitle: Learning Machines 2023\npermalink: /conf23/\n---\n\n# About\n")
    index = (source / "index.md").read_text().replace("[gone](/conf19.html)", "gone")
    (source / "index.md").write_text(index)
    dest = tmp_path / "site"
    import_site(source, dest)
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()
    site = dest / "site"
    checked = 0
    for page in site.rglob("*.html"):
        html = re.sub(r"<!--.*?-->", "", page.read_text(), flags=re.S)
        for url in re.findall(r'<(?:a|img)\b[^>]*?\b(?:href|src)="([^"]*)"', html):
            if re.match(r"^(?:[a-z]+:|#|//)", url) or not url.split("#")[0]:
                continue
            path = url.split("#")[0]
            target = (site / path.lstrip("/") if path.startswith("/")  # 404.html: from the top
                      else page.parent / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), f"{page.relative_to(site)}: {url}"
            checked += 1
    assert checked > 20


def test_the_series_builds_with_every_person(imported: tuple[Path, str]) -> None:
    dest, _report = imported
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()
    html = built.html("conf25.md")
    for name in ("Ada Quill", "Bo Reed", "Cy Lark", "Di Moss", "Ed Finch", "Flo Wren"):
        assert name in html
    assert 'href="https://cy.example.org"' in html


def test_a_one_edition_site_whose_home_is_the_edition(tmp_path: Path) -> None:
    """The home page holds the rosters; the other pages are its sub-pages, in its header's
    order, labelled by its buttons."""
    site = tmp_path / "jekyll"
    (site / "_layouts").mkdir(parents=True)
    (site / "_layouts" / "default.html").write_text(
        '<a href="index.html" class="btn">About</a><a href="submit.html" class="btn">Submit'
        '</a><a href="talks.html" class="btn">Program</a>{{ content }}')
    (site / "index.md").write_text("---\nlayout: default\ntitle: One Workshop\npermalink: /\n"
                                   "Organizers:\n  - name: Ada Quill\n---\n\n# About\n")
    (site / "talks.md").write_text("---\nlayout: default\ntitle: One Workshop\n---\n\n# Talks\n")
    (site / "submit.md").write_text("---\nlayout: default\ntitle: One Workshop\n---\n\n"
                                    "# Submission\n\n"
                                    "- Submission Due: April 30 2022 (11:59pm AoE)\n"
                                    "- Notification: May 7 2022 (11:59pm AoE)\n")
    import_site(site, tmp_path / "out")
    nav = yaml.safe_load((tmp_path / "out" / "mkdocs.yml").read_text())["nav"]
    assert nav == [{"Home": "index.md"}, {"Submit": "submit.md"}, {"Program": "talks.md"}]
    dates = front(tmp_path / "out" / "docs" / "submit.md")["dates"]
    assert dates[0] == {"what": "Submission Due", "when": datetime(2022, 4, 30, 23, 59)}


@pytest.mark.parametrize(("text", "expected"), [
    ("8:00-8:15am", ("08:00", "08:15")),
    ("11:10am-12:00pm", ("11:10", "12:00")),
    ("11:30-12:30pm", ("11:30", "12:30")),  # am/pm once: not a start after the end
    ("1:00-1:45pm", ("13:00", "13:45")),
    ("16:15-17:00pm", ("16:15", "17:00")),  # a 24-hour time with pm: as written
    ("08:00\u201308:05", ("08:00", "08:05")),
    ("**10:50\u201311:50**", ("10:50", "11:50")),
    ("11:10-12:00am", ("23:10", "00:00")),  # the source's slip, kept for the plugin to catch
    ("TBA", None),
    ("9:75-10:00", None),
])
def test_time_ranges_of_tables(text: str, expected: tuple[str, str] | None) -> None:
    assert time_range(text) == expected


TABLE = """\
# Schedule

08:00 AM \u2013 06:00 PM (EST), Dec 13, 2025

| Event | | Time |
| :--- | --- | :--- |
| Opening Remarks | Organizing Team | 8:00-8:15am |
| Contributed Talk | A Made-up Paper<br>Ann Author, Bo Author | 10:00-10:10 am |
| Poster Session | | 11:10am-12:00pm |
"""


def test_a_schedule_table_becomes_slots() -> None:
    result = convert_tables(TABLE, find_date, lambda call: call, [])
    assert result.slots == [
        {"title": "Opening Remarks", "day": date(2025, 12, 13), "start": "08:00",
         "end": "08:15", "speakers": ["Organizing Team"]},
        {"title": "Contributed Talk \u2014 A Made-up Paper \u2014 Ann Author, Bo Author",
         "day": date(2025, 12, 13), "start": "10:00", "end": "10:10"},
        {"title": "Poster Session", "day": date(2025, 12, 13), "start": "11:10",
         "end": "12:00"},
    ]
    assert "<< schedule() >>" in result.text and "| Event |" not in result.text


@pytest.mark.parametrize(("text", "why"), [
    (TABLE.replace("8:00-8:15am", "TBA"), "row 1: 'TBA' is not a time range"),
    (TABLE.replace("Dec 13, 2025", ""), "no date in the page's text before it gives the day"),
    (TABLE.replace("| Poster Session | | 11:10am-12:00pm |", "| Poster | 11:10am |"),
     "row 3 has 2 cells, not 3"),
])
def test_a_table_that_does_not_read_is_kept(text: str, why: str) -> None:
    result = convert_tables(text, find_date, lambda call: call, [])
    assert result.slots == [] and result.text == text
    assert result.kept == [f"table at text line 5: {why}"]


def test_tables_that_are_not_schedules_or_are_commented_out_stay() -> None:
    text = "| Name | Role |\n| --- | --- |\n| Ann | Chair |\n\n<!--\n" + TABLE + "-->\n"
    start = text.index("<!--")
    result = convert_tables(text, find_date, lambda call: call, [(start, len(text))])
    assert result.text == text and result.slots == [] and result.kept == []


def test_the_schedule_page_is_imported_with_its_slots(tmp_path: Path) -> None:
    source = series(tmp_path)
    (source / "conf25" / "schedule.md").write_text(
        "---\nlayout: conf25\ntitle: Learning Machines 2025\npermalink: /conf25/schedule\n"
        "---\n\n" + TABLE)
    report = import_site(source, tmp_path / "out").render()
    data = front(tmp_path / "out" / "docs" / "conf25" / "schedule.md")
    assert [slot["title"] for slot in data["schedule"]] == [
        "Opening Remarks", "Contributed Talk \u2014 A Made-up Paper \u2014 Ann Author, Bo Author",
        "Poster Session"]
    assert "schedule table -> schedule: 3 slots, << schedule() >>" in report


# ---------------------------------------------------------------------------------------------
# Pages with the same address: Jekyll publishes one


def test_the_page_jekyll_writes_last_is_the_one_published() -> None:
    pages = [SourcePage("a/about.md", "a/about.md", "/info"),
             SourcePage("b/zz.md", "b/zz.md", "/info/")]  # another file: info/index.html
    assert one_per_address(pages) == (pages, [])
    same = [SourcePage("conf/info.md", "conf/info.md", "/conf/info"),
            SourcePage("old/about.md", "old/about.md", "conf/info")]
    kept, left_out = one_per_address(same)
    assert [p.rel for p in kept] == ["conf/info.md"]  # 'info.md' sorts after 'about.md'
    assert left_out[0].rel == "old/about.md" and left_out[0].address == "/conf/info"
    assert "order of their file names" in left_out[0].why
    document = SourcePage("_talks/zz.md", "talks/zz.md", "/conf/info", document=True)
    kept, _ = one_per_address([*same, document])
    assert [p.rel for p in kept] == ["_talks/zz.md"]  # documents are written after pages
    static = SourcePage("conf/info/index.html", "conf/info/index.html", "/conf/info",
                        static=True)
    kept, left_out = one_per_address([*same, static])
    assert [p.rel for p in kept] == ["conf/info/index.html"]  # copied after the pages
    assert "HTML file without front matter" in left_out[0].why
    kept, _ = one_per_address([static, document])
    assert [p.rel for p in kept] == ["_talks/zz.md"]  # and before the documents


def test_same_file_names_keep_the_one_in_the_address_folder() -> None:
    copied = [SourcePage("conf26/award.md", "conf26/award.md", "/conf25/award"),
              SourcePage("conf25/award.md", "conf25/award.md", "/conf25/award")]
    kept, left_out = one_per_address(copied)
    assert [p.rel for p in kept] == ["conf25/award.md"]
    assert "does not fix which" in left_out[0].why
    assert output_file("x/y.md", None) == "x/y.html"
    assert output_file("x/y.md", "/z/") == "z/index.html"
    assert output_file("x/y.md", "/:path/") == "x/y.html"  # placeholders: its own path


def test_a_copied_page_with_the_same_permalink_is_not_imported_twice(tmp_path: Path) -> None:
    """A folder copied for the next edition kept three pages with the old permalinks: the
    nav shows each page once, and the report says which one was left out and why."""
    source = series(tmp_path)
    (source / "conf26").mkdir()
    (source / "conf26" / "schedule.md").write_text(
        "---\nlayout: conf25\ntitle: Learning Machines 2025\npermalink: /conf25/schedule\n"
        "---\n\n# Program of 2025\n")
    dest = tmp_path / "site"
    report = import_site(source, dest).render()
    assert not (dest / "docs" / "conf25" / "schedule-2.md").exists()
    assert "# Program\n" in (dest / "docs" / "conf25" / "schedule.md").read_text()
    nav = yaml.safe_load((dest / "mkdocs.yml").read_text())["nav"]
    section = nav[1]["Editions"][0]["Learning Machines 2025"]
    assert [next(iter(item.values())) for item in section].count("conf25/schedule.md") == 1
    assert len(section) == 4
    assert ("conf26/schedule.md was not imported: conf25/schedule.md has the same address, "
            "/conf25/schedule, and Jekyll publishes one page there") in report
    assert "not imported, another page has the same address: 1" in report


# ---------------------------------------------------------------------------------------------
# Nav labels a visitor understands


@pytest.mark.parametrize(("address", "texts", "year", "venue"), [
    ("neurips25/index.md/neurips25.md", [], None, "NeurIPS 2025"),
    ("icml2024.md", [], None, "ICML 2024"),
    ("iclr-23/index.html", [], None, "ICLR 2023"),
    ("workshop/index.md", ["NeurIPS 2026 Workshop in Sydney"], None, "NeurIPS 2026"),
    ("index.md", ["with NeurIPS at Sydney"], 2026, "NeurIPS 2026"),  # the year of its day
    ("index.md", ["with NeurIPS at Sydney"], None, None),
    ("conf25.md", ["Learning Machines 2025"], 2025, None),  # no venue it knows
    ("index.md", ["a chi 2024 talk"], None, None),  # a venue in text as it spells itself
])
def test_venue_and_year_of_an_edition(address: str, texts: list[str], year: int | None,
                                      venue: str | None) -> None:
    assert venue_of(address, texts, year) == venue


def test_sub_pages_are_labelled_by_what_they_are() -> None:
    layout = ('<a href="/x/call.html" class="btn">Call</a>\n'
              '<!-- <a href="/x/accepted.html" class="btn">Accepted Papers</a> -->')
    assert [b.label for b in header_buttons(layout)] == ["Call"]
    assert [b.label for b in commented_buttons(layout)] == ["Accepted Papers"]
    edition = Edition(NavPage("x.md", "Long Series Title", True),
                      hidden=[("Accepted Papers", "x/accept.md")])
    assert label_of(NavPage("x/accept.md", "Long Series Title", False), edition) == (
        "Accepted Papers")  # its button, commented out
    assert label_of(NavPage("x/travel_grants.md", "Long Series Title", False), edition) == (
        "Travel grants")  # no button, no heading, the edition's title: its file's name
    assert label_of(NavPage("x/faq.md", "Questions", False), edition) == "Questions"


def test_editions_are_labelled_by_venue_and_year(tmp_path: Path) -> None:
    """Two editions of one long title at NeurIPS: the nav says which is which, and a
    sub-page with no heading is labelled by its commented-out button."""
    site = tmp_path / "jekyll"
    (site / "_layouts").mkdir(parents=True)
    for year in ("24", "25"):
        (site / "_layouts" / f"neurips{year}.html").write_text(
            f'<a href="/neurips{year}.html" class="btn">About</a>\n'
            f'<!-- <a href="/neurips{year}/accepted.html" class="btn">Accepted Papers</a> -->\n'
            "{{ content }}")
        (site / f"neurips{year}").mkdir()
        (site / f"neurips{year}" / "index.md").write_text(
            f"---\nlayout: neurips{year}\ntitle: Machines That Learn\n"
            f"permalink: /neurips{year}\nspeakers:\n  - name: Ada Quill\n---\n\n# About\n")
        (site / f"neurips{year}" / "accepted.md").write_text(
            f"---\nlayout: neurips{year}\ntitle: Machines That Learn\n"
            f"permalink: /neurips{year}/accept\n---\n")
    dest = tmp_path / "out"
    report = import_site(site, dest).render()
    nav = yaml.safe_load((dest / "mkdocs.yml").read_text())["nav"]
    # No day to order them by: by path.
    assert [next(iter(e)) for e in nav[1]["Editions"]] == ["NeurIPS 2024", "NeurIPS 2025"]
    section = nav[1]["Editions"][1]["NeurIPS 2025"]
    assert section == [{"About": "neurips25.md"}, {"Accepted Papers": "neurips25/accept.md"}]
    assert front(dest / "docs" / "neurips25.md")["workshop"]["venue"] == "NeurIPS 2025"
    assert "workshop.venue: NeurIPS 2025" in report
    built = build_config(dest / "mkdocs.yml")
    assert built.ok, built.messages()
    assert re.search(r">\s*NeurIPS 2025\s*<", built.html("neurips25.md"))  # in the nav
    assert re.search(r">\s*Accepted Papers\s*<", built.html("neurips25.md"))


def test_a_roster_no_loop_shows_is_named_in_the_report(tmp_path: Path) -> None:
    """Volunteers were never shown by the source (its loop is commented out); the report
    says so for that roster, and not for one a team() call shows."""
    site = tmp_path / "jekyll"
    site.mkdir()
    (site / "index.md").write_text(textwrap.dedent("""\
        ---
        title: One Workshop
        Organizers:
          - name: Ada Quill
        Volunteers:
          - name: Bo Reed
          - name: Cy Lark
        ---

        <ul>{% for p in page.Organizers %}<li>{{ p.name }}</li>{% endfor %}</ul>

        <!-- <ul>{% for p in page.Volunteers %}<li>{{ p.name }}</li>{% endfor %}</ul> -->
        """))
    dest = tmp_path / "out"
    report = import_site(site, dest).render()
    assert ("roster Volunteers: 2 people, commented out in the front matter: the source shows "
            "it nowhere; remove the '#' and add its macro call to show it") in report
    assert "roster Organizers: 1 people\n" in report
    assert "Volunteers" not in front(dest / "docs" / "index.md")  # a comment, as advised
    text = (dest / "docs" / "index.md").read_text(encoding="utf-8")
    assert "# Volunteers:\n#   - name: Bo Reed\n#   - name: Cy Lark\n" in text
