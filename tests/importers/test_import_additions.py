"""import-jekyll's recent additions, each read on its own and then in an import that is built:
the program's time zone (importers/common/zones.py), kramdown's own syntax
(importers/jekyll/kramdown.py), entries fitted to the plugin's models (importers/common/fit.py),
the files pages link to, 404 pages, data-file schedules keyed by id, year-less dates, and a
small site whose hand-written blocks all become the plugin's macros."""

from __future__ import annotations

import io
import os
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from textwrap import dedent
from typing import Any

import pytest
import yaml
from PIL import Image

from mkdocs_workshop.features.papers import Paper
from mkdocs_workshop.features.schedule import Slot
from mkdocs_workshop.features.team import Person
from mkdocs_workshop.importers.common.fit import fit_entry
from mkdocs_workshop.importers.common.freedates import (
    day_and_year,
    parse_date_line,
    parse_free_date,
)
from mkdocs_workshop.importers.common.zones import zone_of
from mkdocs_workshop.importers.jekyll.importer import import_site
from mkdocs_workshop.importers.jekyll.kramdown import kramdown_to_markdown

from sitekit import build_config, run_mkdocs

pytestmark = pytest.mark.timeout(120)


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def undated(meta: dict[str, Any]) -> bool:
    """Whether a page's program was read with no day (none taken from a wrong place)."""
    return bool(meta.get("schedule")) and not any("day" in s for s in meta["schedule"])


def jekyll(root: Path, files: dict[str, str | bytes]) -> Path:
    """A Jekyll site written into ``root`` (text dedented), for import_site to read."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(dedent(content), encoding="utf-8")
    return root


def imported(tmp_path: Path, files: dict[str, str | bytes]) -> tuple[Path, str]:
    """The site imported into tmp_path/out, and the report's text."""
    source = jekyll(tmp_path / "src", files)
    dest = tmp_path / "out"
    return dest, import_site(source, dest).render()


def front(dest: Path, page: str = "index.md") -> dict[str, Any]:
    text = (dest / "docs" / page).read_text(encoding="utf-8")
    assert text.startswith("---\n"), text[:200]
    data = yaml.safe_load(text.split("---\n", 2)[1])
    assert isinstance(data, dict)
    return data


def body(dest: Path, page: str = "index.md") -> str:
    text = (dest / "docs" / page).read_text(encoding="utf-8")
    return text.split("---\n", 2)[2] if text.startswith("---\n") else text


def strict_html(dest: Path, page: str = "index.md") -> str:
    """The imported site built with --strict (which must pass), and a page's HTML."""
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()
    return built.html(page)


def page_lines(report: str, source: str) -> list[str]:
    """The report's lines about one page: its heading line and the indented lines below."""
    lines = report.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith(f"{source} -> "))
    found = []
    for line in lines[start + 1:]:
        if not line.startswith("  "):
            break
        found.append(line)
    return found


def content(html: str) -> str:
    """The page's own content: its <article>, without the nav and the table of contents."""
    return html[html.index("<article"):html.index("</article>")]


_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})


class _Tree(HTMLParser):
    """Each run of text with the classes of the elements around it, and, for each element,
    the tags of the elements it is inside."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, frozenset[str]]] = []
        self.runs: list[tuple[str, frozenset[str]]] = []
        self.opened: list[tuple[frozenset[str], tuple[str, ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = frozenset((dict(attrs).get("class") or "").split())
        self.opened.append((classes, tuple(t for t, _ in self.stack)))
        if tag not in _VOID:
            self.stack.append((tag, classes))

    def handle_endtag(self, tag: str) -> None:
        for n in range(len(self.stack) - 1, -1, -1):
            if self.stack[n][0] == tag:
                del self.stack[n:]
                return

    def handle_data(self, data: str) -> None:
        self.runs.append((data, frozenset(c for _, cs in self.stack for c in cs)))


def tree(html: str) -> _Tree:
    parser = _Tree()
    parser.feed(html)
    parser.close()
    return parser


def text_in(html: str, *classes: str) -> str:
    """The text inside elements of any of ``classes``, spaces collapsed."""
    runs = [data for data, around in tree(html).runs if around & set(classes)]
    return " ".join(" ".join(runs).split())


def ancestors(html: str, cls: str) -> list[tuple[str, ...]]:
    """The tags around each element of class ``cls``."""
    return [around for classes, around in tree(html).opened if cls in classes]


def test_the_html_helpers_see_classes_and_ancestors() -> None:
    html = ('<div class="a"><p>One <b>two</b></p></div><span>three</span>'
            '<table><tr><td><div class="b x">four<br>five</div></td></tr></table>')
    assert text_in(html, "a") == "One two"
    assert text_in(html, "b") == "four five"
    assert "three" not in text_in(html, "a", "b")
    assert ancestors(html, "x") == [("table", "tr", "td")]
    assert ancestors(html, "a") == [()]


# ---------------------------------------------------------------------------------------------
# 1. zones.zone_of
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("texts", "expected"), [
    (["Welcome! All times are in ET."], ("America/New_York", "times are in ET")),
    (["09:00 (CEST) Opening remarks"], ("Europe/Paris", "(CEST)")),
    (["The workshop meets in Vienna, Austria."], ("Europe/Vienna", "Vienna")),
    (["San Diego Convention Center, Hall B"], ("America/Los_Angeles", "San Diego")),
    (["Location: Kigali, Rwanda"], ("Africa/Kigali", "Kigali")),
    (["All times are PST. We meet in Vienna."], ("America/Los_Angeles", "times are PST")),
    # the first text that names one counts
    (["", "Held in Vienna"], ("Europe/Vienna", "Vienna")),
])
def test_zone_of_reads_abbreviations_and_cities(texts: list[str],
                                                expected: tuple[str, str]) -> None:
    assert zone_of(texts) == expected


@pytest.mark.parametrize("texts", [
    ["The workshop meets in Vienna, Austria, then in Tokyo, Japan."],
    ["Part one in Vienna.", "Part two in Vancouver."],
    [],
    ["Nothing here names a place."],
    ["Talk by ET Quill at 9:00"],  # an abbreviation neither beside "times" nor in brackets
    ["Coffee with the PST team"],
    ["We start at 9:00 EST sharp."],
    ["All times are in AoE."],  # a deadline's zone, not a program's
])
def test_zone_of_names_no_zone(texts: list[str]) -> None:
    assert zone_of(texts) is None


def test_zone_of_venue_only_reads_a_city_only_beside_a_venue() -> None:
    bio = "Ada Quill is a professor in Vienna, where she counts owls."
    venue = "The workshop is held at the Hilton, Baltimore."
    assert zone_of([bio]) == ("Europe/Vienna", "Vienna")
    assert zone_of([bio], venue_only=True) is None
    assert zone_of([f"{bio}\n{venue}"], venue_only=True) == ("America/New_York", "Baltimore")
    # without venue_only, the bio's city and the venue's are two zones: none is sure
    assert zone_of([f"{bio}\n{venue}"]) is None
    # an abbreviation beside "times" counts on any line
    assert zone_of([f"{bio}\nAll times are in CEST."], venue_only=True) == (
        "Europe/Paris", "times are in CEST")


def test_zone_of_reads_times_with_a_capital() -> None:
    assert zone_of(["Times are in ET."]) == ("America/New_York", "Times are in ET")


def test_zone_of_reads_utc() -> None:
    assert zone_of(["All times are in UTC."]) is not None


# ---------------------------------------------------------------------------------------------
# 2. The program's time zone in an import
# ---------------------------------------------------------------------------------------------

PROGRAM = """\
    ## Schedule (Friday, July 22, 2022)

    | Time | Event |
    |---|---|
    | 09:00-09:15 | Opening remarks |
    | 09:15-10:00 | Keynote by Ada Quill |
    """


def program_page(front_matter: str, text: str = "") -> str:
    return f"---\n{front_matter}---\n{text}\n" + dedent(PROGRAM)


def test_a_program_whose_page_names_its_city_gets_the_zone(tmp_path: Path) -> None:
    dest, report = imported(tmp_path, {"index.md": program_page(
        "title: Toy Workshop\ndescription: Toy talks, held in Vienna, Austria\n")})
    meta = front(dest)
    assert meta["workshop"] == {"timezone": "Europe/Vienna"}
    assert [(s["start"], s["end"], s["title"]) for s in meta["schedule"]] == [
        ("09:00", "09:15", "Opening remarks"), ("09:15", "10:00", "Keynote by Ada Quill")]
    lines = page_lines(report, "index.md")
    assert "  note: time zone of the program: Europe/Vienna, from 'Vienna' on the page: " \
           "check it" in lines
    assert not [line for line in lines if "nothing on the page says" in line]
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()
    html = built.html()
    assert 'data-zone="Europe/Vienna"' in html
    assert '<time datetime="2022-07-22T09:00+02:00">09:00</time>' in html


@pytest.mark.parametrize(("files", "zone", "words"), [
    # the page's text: an abbreviation beside "times"
    ({"index.md": program_page("title: Toy\n", "All times are in CEST.\n")},
     "Europe/Paris", "times are in CEST"),
    # the page's text: a city on a line of the venue, not one in a speaker's bio
    ({"index.md": program_page(
        "title: Toy\n", "Ada Quill is a professor in Vienna.\n\n"
        "The workshop is held at the Hilton, Baltimore.\n")}, "America/New_York", "Baltimore"),
    # the site's settings
    ({"_config.yml": "title: Toy\nlocation: Kigali, Rwanda\n",
      "index.md": program_page("title: Toy\n")}, "Africa/Kigali", "Kigali"),
])
def test_the_zone_from_the_text_or_the_site(tmp_path: Path, files: dict[str, str], zone: str,
                                            words: str) -> None:
    dest, report = imported(tmp_path, files)
    assert front(dest)["workshop"] == {"timezone": zone}
    assert (f"  note: time zone of the program: {zone}, from '{words}' on the page: check it"
            in page_lines(report, "index.md"))


def test_a_program_without_a_zone_is_reported(tmp_path: Path) -> None:
    dest, report = imported(tmp_path, {"index.md": program_page("title: Toy Workshop\n")})
    meta = front(dest)
    assert len(meta["schedule"]) == 2
    # The source shows its times as they are, in no zone: so does the page, and says so.
    assert meta["workshop"] == {"timezone": "local"}
    lines = page_lines(report, "index.md")
    assert ("  note: the program has times but nothing on the page says in which time zone: "
            "written as 'timezone: local' (times shown as written); name the zone (timezone: "
            "Europe/Vienna) to offer visitors their own time and the Now/Next marks") in lines
    assert not [line for line in lines if "time zone of the program" in line]
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()
    html = built.html()
    assert '<span class="workshop-schedule__zone">Times are local to the venue.</span>' in html
    assert "data-zone=" not in html  # no visitor's own time, no Now/Next: the zone is unknown


def test_a_banner_line_gives_the_programs_day_and_its_city_the_zone(tmp_path: Path) -> None:
    dest, _report = imported(tmp_path, {
        "index.md": """\
            ---
            title: Toy Workshop
            ---
            <p class="banner">May 19th, 2025 | Atlanta, Georgia, USA | ICRA 2025</p>

            ## Schedule

            | 09:00 | Opening remarks |
            | 09:15 | Keynote |
            """})
    meta = front(dest)
    assert [s["day"] for s in meta["schedule"]] == ["2025-05-19", "2025-05-19"]
    assert meta["workshop"] == {"timezone": "America/New_York"}
    assert '<time datetime="2025-05-19T09:00-04:00">09:00</time>' in strict_html(dest)


def test_a_description_naming_the_day_gives_the_programs_day(tmp_path: Path) -> None:
    dest, _report = imported(tmp_path, {"index.md": program_page(
        "title: Toy Workshop\ndescription: Held in person on December 16th 2023, in Room 2.\n"
        ).replace("## Schedule (Friday, July 22, 2022)", "## Schedule")})
    assert [s["day"] for s in front(dest)["schedule"]] == ["2023-12-16", "2023-12-16"]


def test_news_lines_give_no_day(tmp_path: Path) -> None:
    dest, _report = imported(tmp_path, {
        "index.md": """\
            ---
            title: Toy Workshop
            ---
            May 1, 2025 | Submission opens

            ## Schedule

            | 09:00 | Opening remarks |
            | 09:15 | Keynote |
            """})
    assert undated(front(dest))


def test_numbered_days_follow_the_sites_first_day(tmp_path: Path) -> None:
    dest, _report = imported(tmp_path, {
        "_config.yml": "title: Toy\ndescription: May 8th and 9th 2023, Kigali, Rwanda\n",
        "program.md": """\
            ---
            title: Program
            ---
            ## Program

            ### Day 1

            | 09:00 | Arrival |
            | 09:30 | Keynote |

            ### Day 2

            | 09:00 | Posters |
            | 10:00 | Panel |
            """})
    meta = front(dest, "program.md")
    assert [(s["day"], s["title"]) for s in meta["schedule"]] == [
        ("2023-05-08", "Arrival"), ("2023-05-08", "Keynote"), ("2023-05-09", "Posters"),
        ("2023-05-09", "Panel")]
    assert meta["workshop"] == {"timezone": "Africa/Kigali"}
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()


def test_a_data_program_grouped_by_numbered_days(tmp_path: Path) -> None:
    dest, _report = imported(tmp_path, {
        "_config.yml": "title: Toy\ndescription: May 8th and 9th 2023, Kigali, Rwanda\n",
        "_data/schedule.yml": """\
            - day: Day 1
              events:
                - {time: "09:00 - 09:30", title: Arrival}
                - {time: "09:30 - 10:30", title: Keynote}
            - day: Day 2
              events:
                - {time: "09:00 - 10:00", title: Posters}
            """,
        "program.md": """\
            ---
            title: Program
            ---
            {% for day in site.data.schedule %}
            <h3>{{ day.day }}</h3>
            {% for row in day.events %}<p>{{ row.time }} {{ row.title }}</p>{% endfor %}
            {% endfor %}
            """})
    meta = front(dest, "program.md")
    assert [(s.get("day"), s["title"]) for s in meta["schedule"]] == [
        ("2023-05-08", "Arrival"), (None, "Keynote"), ("2023-05-09", "Posters")]
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()


def test_a_table_inside_an_html_comment_is_not_read(tmp_path: Path) -> None:
    dest, _report = imported(tmp_path, {
        "_includes/dates.md": "| **Submission** | May 1, 2021 |\n| **Workshop** | May 8, 2021 |\n",
        "index.md": """\
            ---
            title: Toy Workshop
            ---
            ### Important Dates

            <!--{% include dates.md %} old. -->
            **Submission Deadline:** May 31, 2022 (Anywhere on Earth) <br>
            **Workshop Day:** July 22, 2022
            """})
    meta = front(dest)
    assert meta["dates"] == [{"Submission Deadline": date(2022, 5, 31)},
                             {"Workshop Day": date(2022, 7, 22)}]
    assert meta["workshop"] == {"date": date(2022, 7, 22)}
    assert "<!--| **Submission** | May 1, 2021 |" in body(dest)  # kept, still a comment


def test_a_data_slots_html_description_gives_its_talks(tmp_path: Path) -> None:
    dest, report = imported(tmp_path, {
        "_data/program.yml": """\
            - time: 09:00 - 10:00
              title: Spotlight talks
              room: Hall A
              video: https://example.org/v
              description: |
                <a href="/c" onclick="x()">Details</a>
                <style>#tab { display: none; }</style>
                <div id="tab"><ul>
                  <li><span>Ada Quill:</span> Engines of <b>thought</b></li>
                  <li>Ben Ink: {{ site.title }} as data</li>
                </ul></div>
            - time: 10:00 - 10:30
              title: Break
            """,
        "index.md": """\
            ---
            title: Toy Workshop
            workshop:
              date: 2022-07-22
              timezone: Europe/Vienna
            ---
            ## Program

            {% for s in site.data.program %}
            <p>{{ s.time }} {{ s.title }} {{ s.description }}</p>
            {% endfor %}
            """})
    first = front(dest)["schedule"][0]
    assert first["talks"] == ["Ada Quill: Engines of thought", "Ben Ink: {{ site.title }} as data"]
    assert first["abstract"] == "Details"
    assert "entry 1 (Spotlight talks): fields not carried over: video" in report
    assert "<li>Ben Ink: {{ site.title }} as data</li>" in strict_html(dest)


def test_a_page_with_a_workshop_block_gets_only_the_suggestion(tmp_path: Path) -> None:
    dest, report = imported(tmp_path, {"index.md": program_page(
        "title: Toy Workshop\ndescription: Toy talks, held in Vienna, Austria\n"
        "workshop:\n  date: 2022-07-22\n")})
    assert front(dest)["workshop"] == {"date": date(2022, 7, 22)}
    lines = page_lines(report, "index.md")
    assert ("  note: the program's time zone is likely Europe/Vienna (the page says 'Vienna'): "
            "add 'timezone: Europe/Vienna' to its workshop block") in lines
    assert not [line for line in lines if "time zone of the program:" in line]


def test_a_city_inside_an_html_comment_is_not_read(tmp_path: Path) -> None:
    dest, _report = imported(tmp_path, {"index.md": program_page(
        "title: Toy\n", "The workshop is held at the Hilton, Baltimore.\n"
        "<!-- Last year the workshop was held at the Westin, Vienna. -->\n")})
    assert front(dest).get("workshop") == {"timezone": "America/New_York"}


def test_a_program_table_is_written_without_yaml_aliases(tmp_path: Path) -> None:
    dest, _report = imported(tmp_path, {"index.md": program_page("title: Toy\n")})
    text = (dest / "docs" / "index.md").read_text(encoding="utf-8")
    assert "&id" not in text and "*id" not in text


# ---------------------------------------------------------------------------------------------
# 3. kramdown's own syntax
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected", "dropped"), [
    # class-only lists after a span: left out, counted
    ("**When**{: .h5} every Friday", "**When** every Friday", 1),
    ("[Register](https://example.org){: .btn .btn-primary} and `x`{: .c}",
     "[Register](https://example.org) and `x`", 2),
    # after a span, a list with an id: kept, attr_list reads it
    ("**When**{: #when .h5}", "**When**{: #when .h5}", 0),
    # on the line after a paragraph: an id kept, classes only left out
    ("A paragraph.\n{: #intro}", "A paragraph.\n{: #intro}", 0),
    ("A paragraph.\n{: .lead}", "A paragraph.", 1),
    # on the line after a table: left out, whatever it holds
    ("| a | b |\n|---|---|\n| 1 | 2 |\n{: .table .table-striped}",
     "| a | b |\n|---|---|\n| 1 | 2 |", 1),
    ("| a | b |\n|---|---|\n| 1 | 2 |\n{: #scores}", "| a | b |\n|---|---|\n| 1 | 2 |", 1),
    # after a blank line: nothing to attach to
    ("Text.\n\n{: #lost}", "Text.\n", 1),
    # a headless table gains an empty header row; a table with one keeps its own
    ("|---|---|\n| Ada | 1 |", "| | |\n|---|---|\n| Ada | 1 |", 0),
    ("Intro.\n\n|:---|---:|\n| Ada | 1 |", "Intro.\n\n| | |\n|:---|---:|\n| Ada | 1 |", 0),
    ("| a |\n|---|\n| 1 |", "| a |\n|---|\n| 1 |", 0),
    # a second separator inside a table is not a new table
    ("| a | b |\n|---|---|\n| 1 | 2 |\n|---|---|\n| 3 | 4 |",
     "| a | b |\n|---|---|\n| 1 | 2 |\n|---|---|\n| 3 | 4 |", 0),
    # ~~struck~~ is left for pymdownx.tilde
    ("the ~~old~~ new room", "the ~~old~~ new room", 0),
])
def test_kramdown_to_markdown(text: str, expected: str, dropped: int) -> None:
    assert kramdown_to_markdown(text) == (expected, dropped)


@pytest.mark.parametrize("fence", ["```", "~~~"])
def test_kramdown_fenced_code_is_untouched(fence: str) -> None:
    code = (f"{fence}text\n**When**{{: .h5}}\n|---|---|\n| a | b |\n{{: .x}}\n{fence}\n"
            "After **it**{: .h5}.")
    assert kramdown_to_markdown(code) == (
        f"{fence}text\n**When**{{: .h5}}\n|---|---|\n| a | b |\n{{: .x}}\n{fence}\n"
        "After **it**.", 1)


KRAMDOWN_PAGE = """\
    ---
    title: Toy Kramdown
    ---
    # Toy Kramdown

    Welcome to the toy page.
    {: #intro}

    **When**{: .h5} every Friday, in the ~~old~~ new room.

    | Room | Seats |
    |------|-------|
    | Ada Hall | 40 |
    {: .table .table-striped}

    Below, a table without a header row.

    |---|---|
    | Bo Fern | Lab B |
    | Cy Dove | Lab C |
    """


def test_kramdown_in_an_import_builds_clean(tmp_path: Path) -> None:
    dest, report = imported(tmp_path, {"index.md": KRAMDOWN_PAGE})
    assert ("  note: 2 kramdown attribute list(s) of classes only ({: .class}: the old theme's "
            "styling) left out") in page_lines(report, "index.md")
    assert "| | |\n|---|---|\n| Bo Fern | Lab B |" in body(dest)
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()
    html = content(built.html())
    assert "{:" not in html
    assert '<p id="intro">Welcome to the toy page.</p>' in html
    assert "<strong>When</strong> every Friday" in html
    assert "<del>old</del> new room" in html and "~~" not in html
    tables = re.findall(r"<table>.*?</table>", html, re.S)
    assert len(tables) == 2
    assert "<td>Bo Fern</td>" in tables[1] and "<td>Lab C</td>" in tables[1]
    assert "|---|" not in html and "| Bo Fern" not in html


def test_kramdown_attribute_list_after_a_code_fence(tmp_path: Path) -> None:
    dest, _report = imported(tmp_path, {"index.md": """\
        ---
        title: Toy Listing
        ---
        # Toy Listing

        ```python
        print("owl")
        ```
        {: #listing}
        """})
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()
    assert "{:" not in content(built.html())


# ---------------------------------------------------------------------------------------------
# 4. fit.fit_entry
# ---------------------------------------------------------------------------------------------


def test_fit_a_paper_drops_a_pdf_that_is_no_address() -> None:
    entry = {"title": "Counting Toy Owls", "authors": "Ada Quill", "pdf": "available"}
    fitted, dropped = fit_entry(Paper, entry)
    assert fitted == {"title": "Counting Toy Owls", "authors": "Ada Quill"}
    assert dropped == ["pdf ('available' is not a file of the site.)"]
    assert entry["pdf"] == "available"  # the entry given is not changed


def test_fit_a_slot_drops_a_kind_the_plugin_does_not_know() -> None:
    fitted, dropped = fit_entry(Slot, {"title": "Opening", "start": "09:00", "kind": "General"})
    assert fitted == {"title": "Opening", "start": "09:00"}
    assert dropped == ["kind ('General' is not a kind of slot the plugin knows)"]
    # a kind it knows, in any case, stays
    assert fit_entry(Slot, {"title": "Keynote", "start": "09:00", "kind": "Keynote"}) == (
        {"title": "Keynote", "start": "09:00", "kind": "Keynote"}, [])


def test_fit_a_person_drops_links_it_refuses_one_at_a_time() -> None:
    fitted, dropped = fit_entry(Person, {"name": "Ada Quill", "aff": "Univ A",
                                         "url": "javascript:alert(1)"})
    assert fitted == {"name": "Ada Quill", "aff": "Univ A"}
    assert len(dropped) == 1 and dropped[0].startswith("url (") and "javascript" in dropped[0]
    fitted, dropped = fit_entry(Person, {"name": "Bo Fern", "url": "www.example.org"})
    assert fitted == {"name": "Bo Fern"}
    assert dropped == ["url ('www.example.org' is not a full web address.)"]


@pytest.mark.parametrize(("model", "entry"), [
    (Paper, {"title": ["Counting", "Owls"], "authors": "Ada Quill"}),
    (Paper, {"title": {"text": "Counting Owls"}}),
    (Slot, {"title": ["Opening"], "start": "09:00"}),
    (Person, {"name": ["Ada", "Quill"]}),
    (Paper, {"authors": "Ada Quill"}),  # no title at all
])
def test_fit_an_entry_whose_required_field_is_refused_is_none(model: Any,
                                                               entry: dict[str, Any]) -> None:
    fitted, _dropped = fit_entry(model, entry)
    assert fitted is None


def test_fit_a_good_entry_is_kept_whole() -> None:
    entry = {"title": "Opening", "start": "09:00", "end": "09:15", "speakers": ["Ada Quill"]}
    assert fit_entry(Slot, entry) == (entry, [])


# ---------------------------------------------------------------------------------------------
# 5. Files pages link to
# ---------------------------------------------------------------------------------------------

PDF = b"%PDF-1.4\n% toy paper seven by Ada Quill\n"
SECRET = b"%PDF-1.4\n% a file outside the site\n"


def test_a_linked_pdf_is_copied_and_the_site_builds_strict(tmp_path: Path) -> None:
    dest, report = imported(tmp_path, {
        "_config.yml": "title: Toy Files\nbaseurl: /toy\n",
        "index.md": """\
            ---
            title: Home
            ---
            # Home

            Read [paper seven](assets/papers/7.pdf).
            <a href="/assets/papers/7.pdf">seven, in HTML</a>
            """,
        "talks/index.md": """\
            ---
            title: Talks
            ---
            # Talks

            [Paper seven]({{ site.baseurl }}/assets/papers/7.pdf) and
            [again](../assets/papers/7.pdf).

            <a href="{{ site.baseurl }}/assets/papers/7.pdf">seven, in HTML</a>
            """,
        "assets/papers/7.pdf": PDF,
    })
    assert (dest / "docs" / "assets" / "files" / "7.pdf").read_bytes() == PDF
    assert not (dest / "docs" / "assets" / "papers").exists()
    assert "Files pages link to: 1 copied, 0 missing" in report
    assert "Files pages link to that are not in the new site" not in report
    assert "[paper seven](assets/files/7.pdf)" in body(dest)
    assert '<a href="assets/files/7.pdf">' in body(dest)
    talks = body(dest, "talks/index.md")
    assert "[Paper seven](../assets/files/7.pdf)" in talks
    assert "[again](../assets/files/7.pdf)" in talks
    assert '<a href="../assets/files/7.pdf">' in talks
    run = run_mkdocs(dest, "build", "--strict")
    assert run.returncode == 0, run.output
    site = dest / "site"
    for page in (site / "index.html", site / "talks" / "index.html"):
        hrefs = re.findall(r'href="([^"]*7\.pdf)"', content(page.read_text(encoding="utf-8")))
        assert hrefs, page
        for href in hrefs:
            assert (page.parent / href).resolve().read_bytes() == PDF, (page, href)


def test_a_linked_pdf_keeps_its_fragment(tmp_path: Path) -> None:
    dest, _report = imported(tmp_path, {
        "index.md": "---\ntitle: Home\n---\nSee [page two](assets/papers/7.pdf#page=2).\n",
        "assets/papers/7.pdf": PDF,
    })
    assert "[page two](assets/files/7.pdf#page=2)" in body(dest)


def test_missing_and_outside_files_are_reported_not_copied(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.pdf").write_bytes(SECRET)
    source = jekyll(tmp_path / "src", {
        "index.md": """\
            ---
            title: Home
            ---
            # Home

            [Seven](assets/papers/7.pdf), [eight](assets/papers/8.pdf),
            [linked](assets/papers/link.pdf) and [escape](../outside/secret.pdf).

            Write to [Ada](ada@univ.example) or <a href="bo@lab.example">Bo</a>.
            """,
        "assets/papers/7.pdf": PDF,
    })
    os.symlink(outside / "secret.pdf", source / "assets" / "papers" / "link.pdf")
    dest = tmp_path / "out"
    report = import_site(source, dest).render()
    assert "Files pages link to: 1 copied, 1 missing, 2 not copied" in report
    lines = report.splitlines()
    at = lines.index("Files pages link to that are not in the new site (missing from the "
                     "source, outside it, or too large):")
    assert lines[at + 1:at + 4] == ["  index.md: assets/papers/8.pdf",
                                    "  index.md: assets/papers/link.pdf (outside the site)",
                                    "  index.md: ../outside/secret.pdf (outside the site)"]
    copied = sorted(p.relative_to(dest / "docs").as_posix()
                    for p in (dest / "docs").rglob("*") if p.is_file())
    assert copied == ["assets/files/7.pdf", "index.md"]
    assert not any(p.is_file() and p.read_bytes() == SECRET for p in dest.rglob("*"))
    text = body(dest)
    assert "[Seven](assets/files/7.pdf)" in text
    # what is not in the new site keeps its link as written, and the report names it
    assert "[eight](assets/papers/8.pdf)" in text
    assert "[linked](assets/papers/link.pdf)" in text
    assert "[escape](../outside/secret.pdf)" in text
    # an e-mail address written as a link is mail
    assert "[Ada](mailto:ada@univ.example)" in text
    assert '<a href="mailto:bo@lab.example">Bo</a>' in text


# ---------------------------------------------------------------------------------------------
# 6. 404 pages
# ---------------------------------------------------------------------------------------------


def test_404_pages_at_the_root_are_left_to_the_theme(tmp_path: Path) -> None:
    dest, report = imported(tmp_path, {
        "index.md": "---\ntitle: Home\n---\nHello.\n",
        "404.html": "---\nlayout: default\npermalink: /404.html\n---\n<h1>Not found</h1>\n",
        "404.md": "---\ntitle: Gone\n---\nNothing here.\n",
        "codes/404.md": "---\ntitle: Error codes\n---\n# Code 404\n\nWhat the code means.\n",
    })
    for name in ("404.html", "404.md"):
        assert (f"{name} was not imported: the new site's theme makes its own page for an "
                "address that is not there (404).") in report.splitlines()
    assert "Pages: 2 " in report
    assert "codes/404.md -> docs/codes/404.md  (Error codes)" in report.splitlines()
    assert not (dest / "docs" / "404.md").exists()
    assert "404" not in (dest / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "codes/404.md", "")
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()
    assert "What the code means." in built.html("codes/404.md")
    assert "Nothing here." not in (dest / "site" / "404.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# 7. A data-file schedule keyed by id
# ---------------------------------------------------------------------------------------------

SCHEDULE_BY_ID = """\
    opening:
      start: "09:00 AM - 09:15 AM"
      title: Opening remarks
    owls:
      start: "09:15 AM - 10:00 AM"
      title: Counting toy owls
      speaker: Ada Quill
    lunch:
      start: "12.00 PM - 13:30 PM"
      title: Lunch
    """


def schedule_page(wrapper: str = "") -> str:
    loop = ("{% for s in site.data.schedule %}<p>{{ s[1].start }} {{ s[1].title }}</p>\n"
            "{% endfor %}\n")
    if wrapper == "table":
        loop = ("<table>\n{% for s in site.data.schedule %}<tr><td>{{ s[1].start }}</td>"
                "<td>{{ s[1].title }}</td></tr>\n{% endfor %}\n</table>\n")
    return ("---\ntitle: Toy Data Day\n---\n## Program: Friday, July 22, 2022\n\n"
            "All times are in CEST.\n\n" + loop)


def test_a_schedule_keyed_by_id_takes_its_day_from_the_heading(tmp_path: Path) -> None:
    dest, report = imported(tmp_path, {"_data/schedule.yml": SCHEDULE_BY_ID,
                                       "index.md": schedule_page()})
    text = body(dest)
    assert "\n\n<< schedule() >>\n" in text and "{%" not in text and "<p>" not in text
    meta = front(dest)
    assert meta["schedule"] == [
        {"day": "2022-07-22", "start": "09:00", "end": "09:15", "title": "Opening remarks"},
        {"start": "09:15", "end": "10:00", "title": "Counting toy owls",
         "speakers": ["Ada Quill"]},
        {"start": "12:00", "end": "13:30", "title": "Lunch"}]
    assert meta["workshop"] == {"timezone": "Europe/Paris"}
    assert "  _data/schedule.yml: 3 slots, shown on docs/index.md" in report.splitlines()
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()
    html = content(built.html())
    assert ('<time datetime="2022-07-22T12:00+02:00">12:00</time>&ndash;'
            '<time datetime="2022-07-22T13:30+02:00">13:30</time>') in html
    slots = text_in(html, "workshop-slot")
    for title in ("Opening remarks", "Counting toy owls", "Ada Quill", "Lunch"):
        assert title in slots


def test_a_schedule_loop_inside_a_table_is_not_left_in_the_table(tmp_path: Path) -> None:
    dest, _report = imported(tmp_path, {"_data/schedule.yml": SCHEDULE_BY_ID,
                                        "index.md": schedule_page("table")})
    assert len(front(dest)["schedule"]) == 3  # the loop was read
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()
    around = ancestors(content(built.html()), "workshop-schedule")
    assert around and all("table" not in tags for tags in around), around


# ---------------------------------------------------------------------------------------------
# 8. Important dates without a year
# ---------------------------------------------------------------------------------------------

DATES_PAGE = """\
    ---
    title: Home
    ---
    ## Important Dates

    - Submission: May 20th (AOE)
    - Notification: June 14th (AOE)
    - Workshop: July 26th
    """


def test_year_less_dates_take_the_sites_year(tmp_path: Path) -> None:
    dest, report = imported(tmp_path, {"_config.yml": "title: Toy Workshop 2024\n",
                                       "index.md": DATES_PAGE})
    meta = front(dest)
    assert meta["dates"] == [{"Submission": date(2024, 5, 20)},
                             {"Notification": date(2024, 6, 14)},
                             {"Workshop": date(2024, 7, 26)}]
    assert meta["workshop"] == {"date": date(2024, 7, 26)}
    assert "\n\n<< dates() >>\n" in body(dest)
    assert "  date: Submission: May 20th (AOE)" in page_lines(report, "index.md")
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()
    html = content(built.html())
    submission = re.search(r'<li class="workshop-date[^"]*"[^>]*>\s*<span class="workshop-date'
                           r'__what">Submission</span>.*?</li>', html, re.S)
    assert submission, html
    # the end of May 20, 2024 Anywhere on Earth
    assert 'data-closes="2024-05-20T23:59:59-12:00"' in submission.group(0)
    assert "data-aoe" in submission.group(0)


def test_year_less_dates_without_a_year_anywhere_stay_as_written(tmp_path: Path) -> None:
    dest, report = imported(tmp_path, {"_config.yml": "title: Toy Workshop\n",
                                       "index.md": DATES_PAGE})
    assert "dates" not in front(dest)
    assert "- Submission: May 20th (AOE)" in body(dest)
    assert "<< dates() >>" not in body(dest)
    assert any("kept as written" in line for line in page_lines(report, "index.md"))


# ---------------------------------------------------------------------------------------------
# 9. A small site, end to end
# ---------------------------------------------------------------------------------------------

TOY_SITE = {
    "_config.yml": "title: Toy Owl Workshop 2025\nlocation: Vienna, Austria\n",
    "index.md": """\
        ---
        title: Toy Owl Workshop
        ---
        # Toy Owl Workshop

        A small workshop about toy owls.

        ## Important Dates

        | What | When |
        |---|---|
        | Paper submission | May 20, 2025 |
        | Notification | June 10, 2025 |
        | Workshop | July 18, 2025 |

        ## Invited Speakers

        <b>Cy Dove</b><br>
        Owl University<br>
        Professor of Owls<br>
        <b>Dee Rowe</b><br>
        Lab D<br>
        <b>Eli Marsh</b><br>
        Leaf Institute

        ## Schedule (Friday, July 18, 2025)

        | Time | Event |
        |---|---|
        | 09:00 | Opening remarks |
        | 09:15 | Keynote: Counting at night |
        | 10:00 | Poster session |

        ## Accepted Papers

        - **Counting Owls In The Dark**. Ada Quill, Bo Fern [OpenReview](https://openreview.net/forum?id=ToyOwl123)
        - **Gull Flight Paths Revisited**. Cy Dove, Dee Rowe [OpenReview](https://openreview.net/forum?id=ToyGull456)

        ## Organizers

        <table>
        <tr><th>Name</th><th>Affiliation</th><th>E-mail</th></tr>
        <tr><td>Ada Quill</td><td>Univ A</td><td>ada [at] univ.example</td></tr>
        <tr><td>Bo Fern</td><td>Lab B</td><td>bo [at] lab.example</td></tr>
        </table>
        """,
}
PEOPLE = ("Ada Quill", "Bo Fern", "Cy Dove", "Dee Rowe", "Eli Marsh")
PAPERS = ("Counting Owls In The Dark", "Gull Flight Paths Revisited")
SLOTS = ("Opening remarks", "Keynote: Counting at night", "Poster session")
DATES = ("Paper submission", "Notification", "Workshop")


@pytest.fixture
def toy(tmp_path: Path) -> tuple[Path, str]:
    return imported(tmp_path, TOY_SITE)


def test_the_toy_site_becomes_macros_and_data(toy: tuple[Path, str]) -> None:
    dest, report = toy
    text = body(dest)
    for call in ("<< dates() >>", '<< team("invited_speakers", "names") >>',
                 "<< schedule() >>", '<< papers("data/index-accepted_papers.yml") >>',
                 '<< team("organizers", "names") >>'):
        assert f"\n\n{call}\n" in text, call
    assert "<table>" not in text and "<br>" not in text and "| 09:00 |" not in text
    meta = front(dest)
    assert meta["invited_speakers"] == [
        {"name": "Cy Dove", "affiliation": "Owl University, Professor of Owls"},
        {"name": "Dee Rowe", "affiliation": "Lab D"},
        {"name": "Eli Marsh", "affiliation": "Leaf Institute"}]
    # the e-mail addresses are left out: never an affiliation
    assert meta["organizers"] == [{"name": "Ada Quill", "affiliation": "Univ A"},
                                  {"name": "Bo Fern", "affiliation": "Lab B"}]
    assert meta["dates"] == [{"Paper submission": date(2025, 5, 20)},
                             {"Notification": date(2025, 6, 10)},
                             {"Workshop": date(2025, 7, 18)}]
    assert meta["schedule"] == [
        {"day": "2025-07-18", "start": "09:00", "title": "Opening remarks"},
        {"day": "2025-07-18", "start": "09:15", "title": "Keynote: Counting at night"},
        {"day": "2025-07-18", "start": "10:00", "title": "Poster session"}]
    assert meta["workshop"] == {"date": date(2025, 7, 18), "timezone": "Europe/Vienna"}
    papers = yaml.safe_load((dest / "docs" / "data" / "index-accepted_papers.yml")
                            .read_text(encoding="utf-8"))
    assert papers == [
        {"title": "Counting Owls In The Dark", "authors": "Ada Quill, Bo Fern",
         "forum": "https://openreview.net/forum?id=ToyOwl123"},
        {"title": "Gull Flight Paths Revisited", "authors": "Cy Dove, Dee Rowe",
         "forum": "https://openreview.net/forum?id=ToyGull456"}]
    lines = page_lines(report, "index.md")
    for line in (
            "  a table under 'Important Dates' (text line 7) -> << dates() >> (3 dates)",
            "  lines separated by <br> under 'Invited Speakers' (text line 15) -> "
            '<< team("invited_speakers", "names") >> (3 people)',
            "  a table under 'Schedule (Friday, July 18, 2025)' (text line 25) -> "
            "<< schedule() >> (3 slots, 2025-07-18)",
            "  a list under 'Accepted Papers' (text line 33) -> "
            '<< papers("data/index-accepted_papers.yml") >> (2 papers)',
            "  a table under 'Organizers' (text line 38) -> "
            '<< team("organizers", "names") >> (2 people)'):
        assert line in lines, (line, lines)


def test_the_toy_site_builds_with_everything_in_its_place(toy: tuple[Path, str]) -> None:
    dest, _report = toy
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()
    assert built.workshop() == []
    html = content(built.html())
    people = text_in(html, "workshop-person", "workshop-name")
    papers = text_in(html, "workshop-paper")
    slots = text_in(html, "workshop-slot")
    dates = text_in(html, "workshop-date")
    for name in PEOPLE:
        assert name in people, name
    for title in PAPERS:
        assert title in papers, title
    for title in SLOTS:
        assert title in slots, title
    for label in DATES:
        assert label in dates, label
    for words in ("Owl University, Professor of Owls", "Lab D", "Leaf Institute", "Univ A",
                  "Lab B"):
        assert words in people, words
    assert "Ada Quill, Bo Fern" in papers and "Cy Dove, Dee Rowe" in papers
    # nothing of the source is lost, nor shown twice as a person
    for text in (*PEOPLE, *PAPERS, *SLOTS, *DATES, "A small workshop about toy owls."):
        assert text in html, text
    assert html.count('class="workshop-name"') == 5
    assert html.count('class="workshop-paper"') == 2
    assert len(re.findall(r'<tr class="workshop-slot\b', html)) == 3
    assert len(re.findall(r'<li class="workshop-date\b', html)) == 3
    assert '<time datetime="2025-07-18T09:15+02:00">09:15</time>' in html
    assert 'href="https://openreview.net/forum?id=ToyOwl123"' in html
    assert "[at]" not in html and "univ.example" not in html


def test_the_toy_sites_report_says_no_block_was_kept(toy: tuple[Path, str]) -> None:
    _dest, report = toy
    lines = page_lines(report, "index.md")
    assert not [line for line in lines if "kept as written" in line], lines


# ---------------------------------------------------------------------------------------------
# The day of an edition, from its other pages; papers whose PDFs are the site's own
# ---------------------------------------------------------------------------------------------


def test_a_program_takes_the_day_another_page_of_its_edition_states(tmp_path: Path) -> None:
    dest, report = imported(tmp_path, {
        "2022/index.md": """\
            ---
            title: Toy 2022
            ---
            ## Important Dates

            - Submission: May 1, 2022
            - Workshop date: July 22, 2022
            """,
        "2022/program.md": """\
            ---
            title: Program
            ---
            ## Schedule

            | Time | Event |
            |---|---|
            | 09:00 | Opening |
            | 09:15 | Invited talk |
            """,
        "2023/program.md": """\
            ---
            title: Program 2023
            ---
            ## Schedule

            | Time | Event |
            |---|---|
            | 09:00 | Opening |
            | 09:15 | Invited talk |
            """,
    })
    slots = front(dest, "2022/program.md")["schedule"]
    assert [(str(s.get("day", "")), s["start"], s["title"]) for s in slots] == [
        ("2022-07-22", "09:00", "Opening"), ("2022-07-22", "09:15", "Invited talk")]
    # another edition's folder does not lend its day
    assert undated(front(dest, "2023/program.md"))
    assert "no day: shown under 'Day to be announced'" in report.split("2023/program.md ->")[1]


def test_hand_written_papers_whose_pdfs_are_the_sites_own(tmp_path: Path) -> None:
    dest, report = imported(tmp_path, {
        "papers.md": """\
            ---
            title: Accepted Papers
            ---
            ## Accepted Papers

            - [**Counting Owls at Night**](/papers/1.pdf). *Ada Quill and Bo Fern*
            - [**Bees by Day and Night**](papers/2.pdf). *Cy Dove*
            """,
        "papers/1.pdf": b"%PDF-1.4 owls",
        "papers/2.pdf": b"%PDF-1.4 bees",
    })
    data = yaml.safe_load((dest / "docs" / "data" / "papers-accepted_papers.yml")
                          .read_text(encoding="utf-8"))
    assert data == [
        {"title": "Counting Owls at Night", "authors": "Ada Quill and Bo Fern",
         "pdf": "assets/files/1.pdf"},
        {"title": "Bees by Day and Night", "authors": "Cy Dove", "pdf": "assets/files/2.pdf"}]
    assert (dest / "docs" / "assets" / "files" / "1.pdf").read_bytes() == b"%PDF-1.4 owls"
    assert '<< papers("data/papers-accepted_papers.yml") >>' in report
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()
    html = built.html("papers.md")
    assert 'href="../assets/files/1.pdf"' in html and 'href="../assets/files/2.pdf"' in html


def test_the_report_counts_the_people_read_from_the_text(tmp_path: Path) -> None:
    _dest, report = imported(tmp_path, {
        "index.md": "---\ntitle: Toy 2024\n---\n## Speakers\n\n- Ada Quill, Univ A\n"
                    "- Bo Fern, Univ B\n"})
    assert "People: 0 in rosters, 2 read from the pages' text" in report


def test_fit_reads_a_slot_kind_with_the_programs_vocabulary() -> None:
    fitted, dropped = fit_entry(Slot, {"title": "T", "start": "09:00", "kind": "Keynote talk"})
    assert fitted == {"title": "T", "start": "09:00", "kind": "keynote"} and dropped == []


@pytest.mark.parametrize(("line", "why"), [
    ("    August 26<sup>th</sup>, 2024<br>", "a line that is only the day, under the title"),
    ("- **When**: this workshop will be held on August 26th, 2024 from 9 am.",
     "a line saying it is held on the day"),
])
def test_a_program_page_without_a_day_takes_the_one_another_page_states(
        tmp_path: Path, line: str, why: str) -> None:
    dest, _report = imported(tmp_path, {
        "index.md": f"---\ntitle: Toy Workshop\n---\n# Toy Workshop\n\n{line}\n\n"
                    "Deadline: June 14th, 2024\n",
        "schedule.md": "---\ntitle: Schedule\n---\n## Schedule\n\n"
                       "| 9:00 AM - 9:10 AM | Opening remarks |\n"
                       "| 9:10 AM - 9:50 AM | Keynote |\n"})
    meta = front(dest, "schedule.md")
    assert [s["day"] for s in meta["schedule"]] == ["2024-08-26", "2024-08-26"], why


def test_dates_of_a_dates_table_are_not_the_workshops_day(tmp_path: Path) -> None:
    """Lines that are only a day, in a table of deadlines, name no one day: the program
    stays text, as before, rather than take a deadline for its day."""
    dest, report = imported(tmp_path, {
        "index.md": "---\ntitle: Toy Workshop\n---\n<table>\n<tr><td>Submission</td>\n<td>\n"
                    "June 1st, 2024\n</td></tr>\n<tr><td>Notification</td>\n<td>\n"
                    "July 1st, 2024\n</td></tr>\n</table>\n",
        "schedule.md": "---\ntitle: Schedule\n---\n## Schedule\n\n"
                       "| 9:00 | Opening remarks |\n| 9:10 | Keynote |\n"})
    assert undated(front(dest, "schedule.md"))
    assert any("(2 slots, no day: shown under 'Day to be announced'" in line
               for line in page_lines(report, "schedule.md"))


def test_roster_and_sponsor_fields_named_otherwise_are_moved(tmp_path: Path) -> None:
    """Front matter rosters and sponsors whose fields the plugin names otherwise: the
    fields moved by meaning, a sponsor without a name named by its link, and the site
    builds --strict with the pictures and logos shown."""
    def png(color: str) -> bytes:  # distinct files: equal ones are copied once
        out = io.BytesIO()
        Image.new("RGB", (8, 8), color).save(out, "PNG")
        return out.getvalue()

    dest, report = imported(tmp_path, {
        "index.md": dedent("""\
            ---
            title: Toy Workshop
            speakers:
              - name: Ada Quill
                affiliation: Univ A
                image_path: /assets/ada.png
                personal_website: https://ada.example.org
            sponsors:
              - url: https://www.acme.example.com/
                image_path: /assets/acme.png
              - alt: Owl Fund
                image_path: /assets/owl.png
              - note: nothing to name it by
            ---
            {% for p in page.speakers %}<b>{{ p.name }}</b>{% endfor %}

            {% for s in page.sponsors %}<img src="{{ s.image_path }}" alt="{{ s.alt }}">{% endfor %}
            """),
        "assets/ada.png": png("red"), "assets/acme.png": png("green"),
        "assets/owl.png": png("blue")})
    meta = front(dest)
    assert meta["speakers"] == [{"name": "Ada Quill", "affiliation": "Univ A",
                                 "image": "assets/images/ada.png", "url": "https://ada.example.org"}]
    assert meta["sponsors"] == [
        {"name": "acme.example.com", "url": "https://www.acme.example.com/",
         "logo": "assets/images/acme.png"},
        {"name": "Owl Fund", "logo": "assets/images/owl.png"}]
    lines = page_lines(report, "index.md")
    assert any("'image_path' written as 'image'" in line for line in lines)
    assert any("entry 3: left out: it has no name, link or logo" in line for line in lines)
    html = strict_html(dest)
    assert 'alt="Owl Fund"' in html and "Ada Quill" in html


def test_a_workshop_date_line_with_more_after_the_day(tmp_path: Path) -> None:
    dest, _report = imported(tmp_path, {
        "index.md": "---\ntitle: Toy Workshop\n---\n## Dates\n\n- Submission: May 1, 2023\n"
                    "- Workshop date: **August 20th, 2023: Workshop W26 @ Room 6006**\n",
        "program.md": "---\ntitle: Program\n---\n## Schedule\n\n| 8:50 | Opening |\n"
                      "| 9:00 | Keynote |\n"})
    assert [s["day"] for s in front(dest, "program.md")["schedule"]] == ["2023-08-20"] * 2


def test_an_older_editions_folder_does_not_take_the_sites_day(tmp_path: Path) -> None:
    dest, _report = imported(tmp_path, {
        "index.md": "---\ntitle: Toy Workshop\n---\n# Toy Workshop\n\nDecember 6, 2025\n",
        "neurips2019/schedule.md": "---\ntitle: Schedule\n---\n## Schedule\n\n"
                                   "| 9:00 | Opening |\n| 9:10 | Keynote |\n",
        "neurips2025/schedule.md": "---\ntitle: Schedule\n---\n## Schedule\n\n"
                                   "| 9:00 | Opening |\n| 9:10 | Keynote |\n"})
    assert undated(front(dest, "neurips2019/schedule.md"))
    assert [s["day"] for s in front(dest, "neurips2025/schedule.md")["schedule"]] == [
        "2025-12-06"] * 2


def test_dates_not_known_to_the_day_are_imported_and_shown(tmp_path: Path) -> None:
    dest, report = imported(tmp_path, {
        "index.md": dedent("""\
            ---
            title: Toy Workshop
            ---
            ## Important Dates

            - **Paper submission:** May 1, 2026
            - **Notification:** TBA
            - **Camera-ready:** Late <b>June</b> 2026
            """)})
    assert front(dest)["dates"] == [
        {"Paper submission": date(2026, 5, 1)},
        {"what": "Notification", "when_text": "TBA"},
        {"what": "Camera-ready", "when_text": "Late June 2026"}]
    assert "  date: Notification: TBA (no day yet: when_text)" in page_lines(report, "index.md")
    html = strict_html(dest)
    assert re.findall(r'<li class="workshop-date workshop-date--pending">\s*<span class='
                      r'"workshop-date__what">([^<]+)</span>\s*<span class="workshop-date__'
                      r'when">([^<]+)</span>', html) == [
        ("Notification", "TBA"), ("Camera-ready", "Late June 2026")]


def test_a_loop_over_a_collection_shows_its_documents(tmp_path: Path) -> None:
    """site.<collection> holds the collection's documents (the folder was once taken for a
    file and the loop showed nobody): a loop of cards over it becomes the roster, each
    card's unclassed line its affiliation."""
    dest, _report = imported(tmp_path, {
        "_config.yml": "title: T\ncollections:\n  panelists:\n    output: true\n",
        "_panelists/ada.md": "---\ntitle: Ada Quill\ndescription: Professor at Univ A\n---\n"
                             "Bio of Ada.\n",
        "_panelists/bo.md": "---\ntitle: Bo Fern\ndescription: Researcher at Lab B\n---\n",
        "_includes/card.html": "{% assign p = include.project %}\n<div class=\"card\"><h4>"
                               "{{ p.title }}</h4><p>{{ p.description }}</p></div>\n",
        "index.md": "---\ntitle: Home\n---\n## Panelists\n\n<div class=\"row\">\n"
                    "{% assign sorted = site.panelists | sort: \"title\" %}\n"
                    "{% for p in sorted %}\n<div class=\"col\">{% include card.html project=p %}"
                    "</div>\n{% endfor %}\n</div>\n"})
    assert front(dest)["panelists"] == [
        {"name": "Ada Quill", "affiliation": "Professor at Univ A"},
        {"name": "Bo Fern", "affiliation": "Researcher at Lab B"}]
    assert "<< team(\"panelists\", \"names\") >>" in body(dest)
    assert "Ada Quill" in strict_html(dest)


@pytest.mark.parametrize(("text", "day"), [
    ("25.07.2025", date(2025, 7, 25)), ("Submission opens 25.07.2025", None),
])
def test_dotted_dates(text: str, day: date | None) -> None:
    found = parse_free_date(text)
    assert (found.first if found else None) == day
    line = parse_date_line("Submission opens 25.07.2025")
    assert line is not None and (line.label, line.date.first) == ("Submission opens",
                                                                  date(2025, 7, 25))


@pytest.mark.parametrize(("line", "day"), [
    ("The workshop will take place on April 29th during ICLR 2022.", date(2022, 4, 29)),
    ("held on 8 May at NeurIPS 2023", date(2023, 5, 8)),
    ("May 1 and May 2 of 2023", None), ("ICLR 2022 and ICLR 2023 on May 1", None),
])
def test_a_day_and_its_year_written_apart(line: str, day: date | None) -> None:
    assert day_and_year(line) == day


def test_the_banner_day_wins_over_the_days_of_a_dates_table(tmp_path: Path) -> None:
    dest, _report = imported(tmp_path, {
        "index.html": "---\ntitle: Toy Workshop\n---\n<p>September 27, 2025</p>\n<table>\n"
                      "<tr>\n<td>Submission opens</td>\n<td>25.07.2025</td>\n</tr>\n<tr>\n"
                      "<td>Notification</td>\n<td>05.09.2025</td>\n</tr>\n</table>\n",
        "schedule.md": "---\ntitle: Schedule\n---\n## Schedule\n\n| 9:00 | Opening |\n"
                       "| 9:10 | Keynote |\n"})
    assert [s["day"] for s in front(dest, "schedule.md")["schedule"]] == ["2025-09-27"] * 2


def test_a_loops_picture_the_site_does_not_have_is_left_out(tmp_path: Path) -> None:
    """The source draws '../img/missing.jpg', a file it does not have: the card shows
    initials (the report lists the missing image), and the site builds --strict."""
    dest, _report = imported(tmp_path, {
        "_data/speakers.yml": "- name: Ada Quill\n  photo: img/missing.jpg\n"
                              "- name: Bo Fern\n  photo: img/missing2.jpg\n",
        "index.md": "---\ntitle: Toy Workshop\n---\n## Speakers\n\n{% for s in site.data.speakers "
                    "%}<div><img src=\"../{{ s.photo }}\"><b>{{ s.name }}</b></div>\n"
                    "{% endfor %}\n"})
    people = front(dest)["speakers"]
    assert [p["name"] for p in people] == ["Ada Quill", "Bo Fern"]
    assert not any("image" in p for p in people)
    assert "Ada Quill" in strict_html(dest)


def _png(color: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), color).save(out, "PNG")
    return out.getvalue()


PROFILES_LAYOUT = """\
---
layout: page
---
<div class="post"><article>
{% for profile in page.profiles %}
<hr>
<div class="profile float-{% if profile.align == 'left' %}left{% else %}right{% endif %}">
<figure><img src="{{ profile.image | prepend: '/assets/img/' }}" class="img-fluid"></figure>
</div>
<div class="clearfix">
{% capture bio %}{% include_relative {{ profile.content }} %}{% endcapture %}{{ bio | markdownify }}
</div>
{% else %}{{ content }}{% endfor %}
</article></div>
"""
PAGE_LAYOUT = """\
---
layout: default
---
<h1>{{ page.title }}</h1>
{% if page.toc.sidebar == "left" %}<div class="col-3">{% include toc.html %}</div>
<div class="col-9">{{ content }}</div>{% else %}<div class="col-12">{{ content }}</div>{% endif %}
"""


def test_profiles_drawn_by_a_liquid_layout_from_the_pages_list(tmp_path: Path) -> None:
    """al-folio's profiles: layouts written as ``.liquid``; the page's text shown in one of
    two branches of its layout (``{{ content }}`` in each); the page's own layout drawing a
    profile of each of ``page.profiles`` (a picture, then the bio that starts with the
    person's name in bold) instead of the page's text. Each profile is one person's card."""
    people = [("ada", "Ada Quill", "right"), ("bo", "Bo Fern", "left"), ("cy", "Cy Moss", "right")]
    files: dict[str, str | bytes] = {
        "_config.yml": "title: T\ninclude: [_pages]\n",
        "_layouts/default.liquid": "<html><body>{{ content }}</body></html>\n",
        "_layouts/page.liquid": PAGE_LAYOUT,
        "_layouts/profiles.liquid": PROFILES_LAYOUT,
        "_pages/speakers.md": "---\nlayout: profiles\npermalink: /speakers/\ntitle: Speakers\n"
                              "profiles:\n" + "".join(
                                  f"  - align: {side}\n    image: {key}.png\n"
                                  f"    content: speakers/{key}.md\n"
                                  for key, _name, side in people) + "---\n",
        **{f"_pages/speakers/{key}.md": f"**[{name}](https://example.org/{key})** is a "
           f"Professor at Univ {key.upper()}, working on owls and tides.\n"
           for key, name, _side in people},
        **{f"assets/img/{key}.png": _png(color) for (key, _name, _side), color in
           zip(people, ("red", "green", "blue"), strict=True)}}
    dest, report = imported(tmp_path, files)
    roster = front(dest, "speakers.md")["speakers"]
    assert [(p["name"], p.get("url"), "affiliation" in p) for p in roster] == [
        (name, f"https://example.org/{key}", False) for key, name, _side in people]
    assert roster[0]["bio"] == "Ada Quill is a Professor at Univ ADA, working on owls and tides."
    html = strict_html(dest, "speakers.md")
    assert html.count("class=\"workshop-person\"") == 3
    assert "the page's layout shows what the page lists instead of its text" in report


def test_a_collection_of_papers_drawn_by_a_layout_without_the_pages_text(
        tmp_path: Path) -> None:
    """One document per paper in a collection, drawn by the page's layout (which shows no
    {{ content }}): the papers list, from the layout's loop."""
    papers = {f"_papers/p{n}.md": f"---\ntitle: {title}\nauthors: {authors}\n---\n"
              for n, (title, authors) in enumerate([
                  ("Counting owls at night", "Ada Quill, Bo Fern"),
                  ("Neural operators for tides", "Cy Moss")])}
    dest, _report = imported(tmp_path, {
        "_config.yml": "title: T\ncollections:\n  papers:\n    output: true\n",
        "_layouts/papers.html": "<table>{% for paper in site.papers %}<tr><td><b>"
                                "{{ paper.title }}</b></td><td>{{ paper.authors }}</td></tr>"
                                "{% endfor %}</table>\n",
        "papers.md": "---\nlayout: papers\ntitle: Papers\n---\n", **papers})
    text = body(dest, "papers.md")
    assert "<< papers(\"data/papers.yml\") >>" in text
    listed = yaml.safe_load((dest / "docs" / "data" / "papers.yml").read_text())
    assert [(p["title"], p["authors"]) for p in listed] == [
        ("Counting owls at night", "Ada Quill, Bo Fern"),  # papers() splits at commas
        ("Neural operators for tides", "Cy Moss")]
    assert "Counting owls at night" in strict_html(dest, "papers.md")


def test_a_program_takes_the_pages_event_date(tmp_path: Path) -> None:
    """``event_date: 2025-03-02`` in a page's front matter (YAML reads a day) is the day of
    its program; a post's own ``date:`` is not."""
    program = "## Schedule\n\n| 9:00 | Opening |\n| 9:10 | Keynote |\n"
    dest, _report = imported(tmp_path, {
        "hpca.md": f"---\ntitle: HPCA\nevent_date: 2025-03-02\n---\n{program}",
        "news.md": f"---\ntitle: News\ndate: 2024-01-05\n---\n{program}"})
    assert str(front(dest, "hpca.md")["schedule"][0]["day"]) == "2025-03-02"
    assert undated(front(dest, "news.md"))


COMPRESS = """\
{% if site.compress_html.ignore.envs == "all" %}{{ content }}{% else %}{% capture _content %}\
{{ content }}{% endcapture %}{% assign _content = _content | remove: "</li>" | split: " " \
| join: " " %}{{ _content }}{% endif %}
"""


def test_a_layout_that_reworks_the_page_is_the_page(tmp_path: Path) -> None:
    """compress.html (al-folio's minifier) shows the page in one branch and, in the other,
    captures it and collapses its spaces: what it shows is the page, whose Markdown lists
    are read as Jekyll's kramdown read them before."""
    dest, _report = imported(tmp_path, {
        "_layouts/compress.html": COMPRESS,
        "_layouts/default.html": "---\nlayout: compress\n---\n<html><body>{{ content }}"
                                 "</body></html>\n",
        "papers.md": "---\nlayout: default\ntitle: Papers\n---\n## Accepted Papers\n\n"
                     "- **Counting owls at night**, Ada Quill, Bo Fern\n"
                     "- **Neural operators for tides**, Cy Moss\n"})
    listed = yaml.safe_load((dest / "docs" / "data" / "papers-accepted_papers.yml").read_text())
    assert [p["title"] for p in listed] == ["Counting owls at night",
                                           "Neural operators for tides"]


def test_papers_of_a_data_file_grouped_by_theme_with_their_pdfs(tmp_path: Path) -> None:
    """``- theme: X`` groups with a nested ``papers:`` list, looped in a table: the papers,
    grouped by theme; each ``pdf:`` a file of the site, copied; one the site lacks, left out
    (the source's link led nowhere), so that the site builds with --strict."""
    dest, report = imported(tmp_path, {
        "_data/papers.yml": "- theme: Health\n  papers:\n"
                            "    - {title: Counting owls at night, authors: Ada Quill, "
                            "pdf: pdfs/owls.pdf}\n"
                            "- theme: Ethics\n  papers:\n"
                            "    - {title: Tides of the north, authors: Bo Fern, "
                            "pdf: pdfs/tides.pdf}\n",
        "pdfs/owls.pdf": b"%PDF-1.4 owls\n",
        "papers.md": "---\ntitle: Papers\n---\n<table>{% for entry in site.data.papers %}"
                     "<tr><td>{{ entry.theme }}</td></tr>{% for paper in entry.papers %}<tr>"
                     "<td>{{ paper.authors }}</td><td><a href=\"{{ paper.pdf | absolute_url }}"
                     "\">{{ paper.title }}</a></td></tr>{% endfor %}{% endfor %}</table>\n"})
    assert '<< papers("data/papers.yml", group_by="theme") >>' in body(dest, "papers.md")
    listed = yaml.safe_load((dest / "docs" / "data" / "papers.yml").read_text())
    assert [(p["title"], p["theme"], p.get("pdf")) for p in listed] == [
        ("Counting owls at night", "Health", "assets/files/owls.pdf"),
        ("Tides of the north", "Ethics", None)]
    assert (dest / "docs" / "assets" / "files" / "owls.pdf").read_bytes() == b"%PDF-1.4 owls\n"
    assert "papers.md: pdfs/tides.pdf" in report
    html = strict_html(dest, "papers.md")
    assert "Counting owls at night" in html and "Tides of the north" in html


def test_a_loop_inside_a_script_is_not_the_program(tmp_path: Path) -> None:
    """A page's script loops over the program (to scroll to today's slot) before the page
    shows it: the program's call goes where a visitor sees the program, never inside the
    script, which a browser does not show."""
    dest, _report = imported(tmp_path, {
        "_data/schedule.yml": "- {day: 2024-07-26, time: '09:00', title: Opening}\n"
                              "- {day: 2024-07-26, time: '09:30', title: Keynote}\n",
        "schedule.html": "---\ntitle: Schedule\n---\n<script>\nwindow.addEventListener('load', "
                         "function () {\n{% for s in site.data.schedule %}  if ('{{ s.day }}' == "
                         "today) { go('{{ s.time }}'); }\n{% endfor %}\n});\n</script>\n"
                         "<h1>Schedule</h1>\n<table>{% for s in site.data.schedule %}<tr><td>"
                         "{{ s.time }}</td><td>{{ s.title }}</td></tr>{% endfor %}</table>\n"})
    text = body(dest, "schedule.md")
    script = re.search(r"<script>.*?</script>", text, re.S)
    assert script is not None and "<<" not in script.group(0)
    assert text.count("<< schedule() >>") == 1 and text.index("<< schedule() >>") > script.end()
    html = strict_html(dest, "schedule.md")
    before = html[:html.index('class="workshop-schedule"')]
    assert len(re.findall(r"<script\b", before)) == before.count("</script>")  # not inside one


def test_a_data_slot_that_ends_before_it_starts_loses_its_end(tmp_path: Path) -> None:
    """``from: 14:30pm, to: 14:00pm`` (the source's slip): the slot keeps its start and
    lasts until the next one; the report says which, and the site builds with --strict."""
    dest, report = imported(tmp_path, {
        "_data/program.yml": "- {day: 2024-07-26, from: '14:00', to: '14:30', title: Opening}\n"
                             "- {day: 2024-07-26, from: 14:30pm, to: 14:00pm, title: Keynote}\n"
                             "- {day: 2024-07-26, from: '15:00', to: '15:30', title: Posters}\n",
        "program.md": "---\ntitle: Program\nworkshop:\n  timezone: Europe/Vienna\n---\n"
                      "<table>{% for s in site.data.program %}<tr><td>{{ s.from }}</td><td>"
                      "{{ s.title }}</td></tr>{% endfor %}</table>\n"})
    slots = front(dest, "program.md")["schedule"]
    assert [(str(s["start"]), s.get("end") and str(s["end"])) for s in slots] == [
        ("14:00", "14:30"), ("14:30", None), ("15:00", "15:30")]
    assert "1 slot(s) end before they start in the source; their end is left out" in report
    html = strict_html(dest, "program.md")  # builds with --strict: no warning
    assert re.search(r'>14:30</time>&ndash;<time datetime="[^"]+">15:00</time>', html)


def test_what_says_published_false_is_not_shown(tmp_path: Path) -> None:
    """A collection's document and a page whose front matter says ``published: false``:
    Jekyll leaves them out (of site.<collection>, of the site), and so does the import."""
    dest, report = imported(tmp_path, {
        "_config.yml": "title: T\ncollections:\n  papers:\n    output: true\n",
        "_layouts/papers.html": "<table>{% for paper in site.papers %}<tr><td><b>"
                                "{{ paper.title }}</b></td><td>{{ paper.authors }}</td></tr>"
                                "{% endfor %}</table>\n",
        "papers.md": "---\nlayout: papers\ntitle: Papers\n---\n",
        "_papers/a.md": "---\ntitle: Counting owls at night\nauthors: Ada Quill\n---\n",
        "_papers/b.md": "---\ntitle: Neural operators for tides\nauthors: Cy Moss\n"
                        "published: false\n---\n",
        "_papers/c.md": "---\ntitle: Tides of the north\nauthors: Bo Fern\n---\n",
        "draft.md": "---\ntitle: Draft\npublished: false\n---\nNot yet.\n"})
    html = strict_html(dest, "papers.md")
    assert "Counting owls at night" in html and "Tides of the north" in html
    assert "Neural operators" not in html
    assert not (dest / "docs" / "draft.md").exists()
    assert "draft.md was not imported: its front matter says 'published: false'" in report


def test_a_zone_written_between_the_day_and_its_year() -> None:
    line = parse_date_line("Author notification: **October 27 (AOE), 2023**")
    assert line is not None
    assert (line.label, line.date.first, line.date.zone) == (
        "Author notification", date(2023, 10, 27), "AoE")


def test_a_dates_list_without_years_takes_the_workshops_year(tmp_path: Path) -> None:
    """Struck lines of a list without a year, on a page of a site whose workshop day another
    page states: the year is the workshop's."""
    dest, _report = imported(tmp_path, {
        "index.md": "---\ntitle: Toy Workshop\n---\n# Toy Workshop\n\nJuly 10, 2023\n",
        "cfp.md": "---\ntitle: Call\n---\n## Important Dates\n\n"
                  "- ~~Submission open: May 1~~\n- ~~Submission deadline: May 24~~\n"})
    assert front(dest, "cfp.md")["dates"] == [{"Submission open": date(2023, 5, 1)},
                                              {"Submission deadline": date(2023, 5, 24)}]


@pytest.mark.parametrize("sidebar", [
    "<h3>Key dates</h3>\n<p><strong>Submissions due</strong><br>\nFebruary 24th, 2022</p>\n"
    "<p><strong>Notifications sent</strong><br>\nMarch 15th, 2022</p>\n",
    "<div class=\"box\"><p>No heading at all, only words.</p></div>\n",
])
def test_a_layouts_sidebar_of_dates_is_kept_after_the_page(tmp_path: Path,
                                                           sidebar: str) -> None:
    """A layout that shows "Key dates" beside every page's text: the dates are the page's
    (the rest of the layout, header and navigation, the new theme draws)."""
    dest, report = imported(tmp_path, {
        "_layouts/default.html": "<html><head><title>x</title></head><body><header><nav>"
                                 "<h3>Speakers menu</h3></nav></header><main><div class=\"row\">"
                                 "{{ content }}</div><div class=\"sidebar\">" + sidebar +
                                 "</div></main><footer>(c) us</footer></body></html>\n",
        "index.md": "---\nlayout: default\ntitle: Toy Workshop\n---\nWelcome to the workshop.\n"})
    text = body(dest)
    assert "Welcome to the workshop." in text and "Speakers menu" not in text
    assert "</div>" not in text and "(c) us" not in text
    if "Key dates" in sidebar:
        assert front(dest)["dates"] == [{"Submissions due": date(2022, 2, 24)},
                                        {"Notifications sent": date(2022, 3, 15)}]
        assert "the layout shows 'Key dates' beside the page's text: kept after it" in report
    else:
        assert "dates" not in front(dest) and "No heading at all" not in text
    strict_html(dest)


def test_a_page_with_its_own_dates_does_not_repeat_the_layouts(tmp_path: Path) -> None:
    dest, _report = imported(tmp_path, {
        "_layouts/default.html": "<main>{{ content }}<div class=\"sidebar\"><h3>Key dates</h3>\n"
                                 "<p><strong>Submissions due</strong><br>\nFebruary 24th, 2022"
                                 "</p>\n<p><strong>Notifications sent</strong><br>\nMarch 15th,"
                                 " 2022</p>\n</div></main>\n",
        "index.md": "---\nlayout: default\ntitle: Call\n---\n## Important Dates\n\n"
                    "- Submission: February 24, 2022\n- Notification: March 15, 2022\n"})
    assert front(dest)["dates"] == [{"Submission": date(2022, 2, 24)},
                                    {"Notification": date(2022, 3, 15)}]
    assert body(dest).count("<< dates() >>") == 1
    strict_html(dest)


def test_a_day_in_a_comment_or_an_address_names_no_workshop_day(tmp_path: Path) -> None:
    """A commented-out line of last year ("held ... on May 7th", its year only in a link)
    gives the program no day: it is read with none, shown under "Day to be announced"."""
    dest, report = imported(tmp_path, {
        "index.md": "---\ntitle: Toy Workshop\n---\n<!-- The workshop will be held at "
                    "[https://example.org/2021/ws](https://example.org/2021/ws), on May 7th. -->\n"
                    "Held at [the venue](https://example.org/2021/), on May 8th.\n",
        "schedule.md": "---\ntitle: Schedule\n---\n## Schedule\n\n| 9:00 | Opening |\n"
                       "| 9:10 | Keynote |\n"})
    assert undated(front(dest, "schedule.md"))
    assert any("no day" in line for line in page_lines(report, "schedule.md"))
