"""Shapes found on a sixth round of real workshop sites (each set measured unseen first),
each a fixture written here: a Markdown table whose first row, above the ``|---`` line, is
a row of its data (a date, a time), and a deadline extension that names the new day before
the struck days it replaced."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_workshop.importers.common.freedates import parse_date_line
from mkdocs_workshop.importers.common.recognize import Recognized, recognize

from sitekit import build_config, import_files, imported_page

pytestmark = pytest.mark.timeout(120)


def read(text: str, year: int | None = 2025, title: str | None = None) -> Recognized:
    return recognize(text, lambda call: call, year=year, title=title)


def labels(found: Recognized) -> list[tuple[str, date]]:
    return [(line.label, line.date.first) for _text, line in found.dates]


def test_a_dates_table_whose_first_row_is_a_date() -> None:
    """kramdown reads the row above ``|---`` as the table's header; a site that writes no
    header puts its first deadline there. It is a date like the others, not column names."""
    found = read("## Important dates\n\n"
                 "| Paper submission deadline | April 1st, 2025 (11:59pm AoE) |\n"
                 "|:-------------|:------------------|\n"
                 "| Notification of acceptance | Apr 15th, 2025 (rolling basis) |\n"
                 "| Workshop | May 19th, 2025 |\n")
    assert labels(found) == [("Paper submission deadline", date(2025, 4, 1)),
                             ("Notification of acceptance", date(2025, 4, 15)),
                             ("Workshop", date(2025, 5, 19))], (found.read, found.kept)
    assert "Paper submission" not in found.text


def test_a_program_table_whose_first_row_is_a_slot() -> None:
    found = read("## Schedule (May 19, 2025)\n\n| 8:50 | Opening | Ada Quill |\n"
                 "|---|---|---|\n| 9:00 | Owls at night | Bo Fern |\n| 9:30 | Larks | Cy Moss |\n")
    assert [(s["start"], s["title"]) for s in found.slots] == [
        ("08:50", "Opening"), ("09:00", "Owls at night"), ("09:30", "Larks")], found.read


@pytest.mark.parametrize("header", ["| Date | Event |", "| **What** | **When (AoE)** |",
                                    "| Deadline | 2025 |"])
def test_a_header_of_column_names_is_no_date(header: str) -> None:
    found = read(f"## Important dates\n\n{header}\n|---|---|\n"
                 "| Submission | May 1, 2025 |\n| Notification | June 1, 2025 |\n")
    assert labels(found) == [("Submission", date(2025, 5, 1)),
                             ("Notification", date(2025, 6, 1))], (found.read, found.kept)


def test_a_header_of_days_stays_the_columns_of_a_week() -> None:
    """"| | Monday, June 16, 2025 | Tuesday, June 17, 2025 |": days as column names."""
    found = read("## Program\n\n| | Monday, June 16, 2025 | Tuesday, June 17, 2025 |\n"
                 "|---|---|---|\n| 9:00 | Owls | Larks |\n| 10:00 | Radios | Closing |\n")
    assert sorted((str(s.get("day")), s["start"], s["title"]) for s in found.slots) == [
        ("2025-06-16", "09:00", "Owls"), ("2025-06-16", "10:00", "Radios"),
        ("2025-06-17", "09:00", "Larks"), ("2025-06-17", "10:00", "Closing")], found.read


_LABELS = ["Abstract submission", "Paper submission deadline", "Notification to authors",
           "Camera-ready due", "Workshop day", "Registration closes"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_LABELS),
                          st.dates(date(2020, 1, 1), date(2030, 12, 31))),
                min_size=2, max_size=6),
       st.sampled_from(["%B %d, %Y", "%d %B %Y", "%b %d, %Y"]))
def test_no_row_of_a_headerless_dates_table_is_lost(
        rows: list[tuple[str, date]], style: str) -> None:
    """Whatever the dates and labels, a table written without a header gives every row."""
    lines = [f"| {label} | {day.strftime(style)} |" for label, day in rows]
    text = "## Important dates\n\n" + lines[0] + "\n|---|---|\n" + "\n".join(lines[1:]) + "\n"
    found = read(text)
    assert labels(found) == rows, (found.read, found.kept)


@pytest.mark.parametrize(("line", "old", "new", "note"), [
    ("Submission deadline: Extended to *June 14th* <s>(14 May 2021, 7 May 2021)</s>, "
     "23:59 Anywhere on Earth (AoE)", date(2021, 5, 7), date(2021, 6, 14),
     "first extended to 14 May 2021, AoE"),
    ("Deadline: extended to Jan 4 ~~Dec 20, 2021~~", date(2021, 12, 20), date(2022, 1, 4), ""),
    ("Deadline: (Extended to: June 14) ~~(May 7, 2021)~~", date(2021, 5, 7),
     date(2021, 6, 14), ""),
])
def test_an_extension_that_names_the_new_day_first(
        line: str, old: date, new: date, note: str) -> None:
    found = parse_date_line(line)
    assert found is not None
    assert (found.date.first, found.extended and found.extended.first) == (old, new)
    assert found.note == note


@settings(max_examples=60, deadline=None)
@given(st.dates(date(2020, 1, 1), date(2030, 12, 31)),
       st.lists(st.integers(1, 40), min_size=1, max_size=3, unique=True),
       st.permutations([0, 1, 2]), st.booleans())
def test_the_struck_days_before_a_new_one_in_any_order(
        new: date, back: list[int], order: list[int], tilde: bool) -> None:
    """The earliest struck day is the first deadline, the one named first the new one."""
    olds = [new - timedelta(days=b) for b in back]
    shown = [olds[i] for i in order if i < len(olds)]
    said = ", ".join(f"{d.day} {d:%B %Y}" for d in shown)
    struck = f"~~({said})~~" if tilde else f"<s>({said})</s>"
    found = parse_date_line(f"Paper deadline: Extended to {new:%B} {new.day} {struck}")
    assert found is not None
    assert found.date.first == min(olds)
    assert found.extended is not None and found.extended.first == new


LOOP = """---
---

{% for talk in site.data.talks %}
{{ talk.start }} {% if talk.pdf %}[{{ talk.title }}]({{ talk.pdf }}){% else -%}
{{ talk.title }}{% endif %}{% if talk.speaker %}, {{ talk.speaker }}{% endif %}

{% endfor %}
"""


@pytest.mark.parametrize(("name", "rows"), [
    ("talks.csv", "start,title,pdf,speaker\n9:00,Opening,,\n9:30,Owls,owls.pdf,Ada Quill\n"),
    ("talks.tsv", "start\ttitle\tpdf\tspeaker\n9:00\tOpening\t\t\n"
                  "9:30\tOwls\towls.pdf\tAda Quill\n"),
])
def test_an_empty_field_of_a_csv_file_is_nil_as_jekyll_reads_it(
        tmp_path: Path, name: str, rows: str) -> None:
    """Jekyll reads an empty CSV (or TSV) field as nil: ``{% if talk.pdf %}`` is false, so
    no empty link and no dangling comma are shown."""
    dest, report = import_files(tmp_path, {"_config.yml": "title: Owls\n",
                                           f"_data/{name}": rows, "index.md": LOOP,
                                           "owls.pdf": b"%PDF-1.4\n"})
    _meta, rest = imported_page(dest, "index.md")
    assert "9:00 Opening\n" in rest, (rest, report)
    assert "]()" not in rest and "Opening," not in rest
    assert "[Owls](assets/files/owls.pdf), Ada Quill" in rest


CALL = """We invite work on owls.

- Paper submission deadline: ~~September 29, 2023~~ **October 6 (AOE), 2023**{gap}
- Author notification: **October 27, 2023**{gap}
- Camera-ready submission: to be announced{gap}
- Submission link: [OpenReview](https://openreview.net/x) (double-blind){gap}
- Submissions are non-archival

Topics:
"""


@pytest.mark.parametrize("gap", ["", "\n"])
def test_a_calls_list_that_starts_with_its_dates(gap: str) -> None:
    """A call's list under no heading of dates, its dates first and then what else it says:
    the dates are read, the rest stays the list it was, apart from the call."""
    found = read(CALL.format(gap=gap), year=None, title="Call for Papers")
    assert labels(found) == [("Paper submission deadline", date(2023, 9, 29)),
                             ("Author notification", date(2023, 10, 27))], found.read
    assert [p[1:] for p in found.pending] == [("Camera-ready submission", "to be announced")]
    assert "<< dates() >>\n\n- Submission link: [OpenReview](https://openreview.net/x)" \
        in found.text
    assert "- Submissions are non-archival" in found.text


def test_a_list_of_dates_between_other_lines_stays_as_written() -> None:
    """Dates not together (a line of something else between them) are no list of dates."""
    text = ("Intro.\n\n- Paper submission: May 1, 2024\n- Submission link: [here](https://x.org)\n"
            "- Notification: June 1, 2024\n- Papers are non-archival\n")
    found = read(text, title="Call for Papers")
    assert found.dates == [] and found.text == text


_INFO = ["Submission link: [OpenReview](https://openreview.net/x)",
         "Papers are non-archival", "Format: up to 4 pages, plus references",
         "Reviews are double-blind"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_LABELS), st.dates(date(2020, 1, 1),
                                                              date(2030, 12, 31))),
                min_size=2, max_size=5),
       st.lists(st.sampled_from(_INFO), min_size=1, max_size=4), st.booleans())
def test_dates_then_other_lines_nothing_dropped(
        rows: list[tuple[str, date]], info: list[str], dates_first: bool) -> None:
    """Whatever the dates and the lines beside them: each date read, each other line kept."""
    dated = [f"- {label}: {day:%B} {day.day}, {day.year}" for label, day in rows]
    other = [f"- {line}" for line in info]
    items = dated + other if dates_first else other + dated
    found = read("A call.\n\n" + "\n".join(items) + "\n", year=None, title="Call for Papers")
    assert labels(found) == rows, found.read
    for line in other:
        assert line in found.text


def test_a_table_of_people_by_first_and_last_name_with_a_column_of_marks() -> None:
    """"| First Name | Last Name | Organization | Exceptional |": the names joined, the
    organization the affiliation, a mark the column's name as the role; a row may end
    before its empty last cell."""
    found = read("## Reviewers\n\n| First Name | Last Name | Organization | Exceptional\n"
                 "| --- | --- | --- | --- |\n| Ada | Quill | Univ A | \n"
                 "| Bo | Fern | Lab B | :white_check_mark:\n| Cy Di | Moss | Univ C |\n")
    assert found.rosters["reviewers"] == [
        {"name": "Ada Quill", "affiliation": "Univ A"},
        {"name": "Bo Fern", "affiliation": "Lab B", "role": "Exceptional"},
        {"name": "Cy Di Moss", "affiliation": "Univ C"}], (found.read, found.kept)


def test_a_column_of_words_is_no_column_of_marks() -> None:
    found = read("## Reviewers\n\n| Name | Organization | Track |\n| --- | --- | --- |\n"
                 "| Ada Quill | Univ A | x |\n| Bo Fern | Lab B | Vision |\n")
    assert all("role" not in p for p in found.rosters.get("reviewers", [])), found.rosters


_FIRST = ["Ada", "Bo", "Cy", "Di", "Ed", "Flo", "Gus"]
_LAST = ["Quill", "Fern", "Moss", "Lark", "Stone", "Reed", "Vale"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_FIRST), st.sampled_from(_LAST), st.booleans()),
                min_size=2, max_size=8, unique_by=lambda r: r[:2]))
def test_every_row_of_a_first_and_last_name_table_is_a_person(
        rows: list[tuple[str, str, bool]]) -> None:
    lines = [f"| {first} | {last} | Univ A | {'✅' if mark else ''} |"
             for first, last, mark in rows]
    found = read("## Program Committee\n\n| Given name | Surname | Affiliation | Chair |\n"
                 "|---|---|---|---|\n" + "\n".join(lines) + "\n")
    people = found.rosters["program_committee"]
    assert [(p["name"], p.get("role") == "Chair") for p in people] == [
        (f"{first} {last}", mark) for first, last, mark in rows], found.read


def test_a_paragraph_of_names_under_a_heading_of_people() -> None:
    found = read("## Workshop Organizers\n\nAda Quill, Bo Fern, Cy T. Moss, Di F Lark, "
                 "Ed Stone\n\n## Contact\n\nWrite to us.\n")
    assert [p["name"] for p in found.rosters["workshop_organizers"]] == [
        "Ada Quill", "Bo Fern", "Cy T. Moss", "Di F Lark", "Ed Stone"], found.read
    assert found.text.endswith("## Contact\n\nWrite to us.\n")


def test_a_paragraph_of_names_elsewhere_stays_text() -> None:
    text = ("## Accepted papers\n\nAda Quill, Bo Fern, Cy Moss, Di Lark, Ed Stone\n\n"
            "## Topics\n\nOwls, Larks, Radios, Rivers, Stones\n")
    found = read(text)
    assert found.text == text and not found.rosters and not found.kept


def test_rows_of_empty_cells_between_a_tables_rows_are_spaces() -> None:
    found = read("## Accepted papers\n\n| **Paper Title** | **Authors** |\n|:---|:---|\n"
                 "| *Owls at Night* | Ada Quill (Univ A); Bo Fern (Lab B) |\n| | |\n"
                 "| *Radios that Listen* | Cy Moss (Univ C) |\n| | |\n"
                 "| *Larks and Their Songs* | Di Lark |\n\n## Important dates\n\n"
                 "| Submission | May 1, 2024 |\n|---|---|\n| | |\n"
                 "| Notification | June 1, 2024 |\n")
    assert [p["title"] for p in found.papers["data/accepted_papers.yml"]] == [
        "Owls at Night", "Radios that Listen", "Larks and Their Songs"], found.kept
    assert labels(found) == [("Submission", date(2024, 5, 1)),
                             ("Notification", date(2024, 6, 1))], found.kept


@pytest.mark.parametrize(("item", "title", "authors"), [
    ("On Owls at Night\n\t by Ada Quill, Bo Fern", "On Owls at Night", "Ada Quill, Bo Fern"),
    ("Learning by Doing by Ada Quill and Bo Fern", "Learning by Doing", "Ada Quill and Bo Fern"),
])
def test_a_paper_without_a_link_by_its_authors(item: str, title: str, authors: str) -> None:
    found = read(f"## Posters\n\n* {item}\n\n* Radios that Listen\n\t by Cy Moss, Di Lark\n\n"
                 "* Larks and Their Songs by Ed Stone & Flo Reed\n")
    first = found.papers["data/posters.yml"][0]
    assert (first["title"], first["authors"]) == (title, authors), found.kept
    assert len(found.papers["data/posters.yml"]) == 3


def test_a_title_that_says_by_and_names_no_one_stays_text() -> None:
    text = "## Posters\n\n* Learning by Doing Things\n* Owls by Night and Day\n"
    found = read(text)
    assert found.text == text and not found.papers


def test_a_table_whose_header_row_is_empty_keeps_its_first_row() -> None:
    """A table written without a header ("|:-:|" first) gets an empty header row: the
    rows under it are the records, a row of pictures first, or a date first."""
    found = read("### Organizers\n\n| | | |\n|:-:|:-:|:-:|\n"
                 '|<img src="a.jpg">|<img src="b.jpg">|<img src="c.jpg">|\n|:-:|:-:|:-:|\n'
                 "| Ada Quill | Bo Fern | Cy Moss |\n|:-:|:-:|:-:|\n| Univ A | Lab B | Univ C |\n"
                 "\n### Important dates\n\n| | |\n|:---|:---:|\n"
                 "| Paper submission | ~~May 15~~ (extended) May 26, 2026, 11:59 p.m. AoE. |\n"
                 "| Workshop | August 24, 2026 |\n")
    assert [(p["name"], p["affiliation"], p["image"]) for p in found.rosters["organizers"]] == [
        ("Ada Quill", "Univ A", "a.jpg"), ("Bo Fern", "Lab B", "b.jpg"),
        ("Cy Moss", "Univ C", "c.jpg")], (found.read, found.kept)
    assert labels(found) == [("Paper submission", date(2026, 5, 15)),
                             ("Workshop", date(2026, 8, 24))], found.kept


@pytest.mark.parametrize("names", ["| **Event** | **Date** |", "| Event | Date (AoE) |",
                                   "| What | When |"])
@pytest.mark.parametrize("above", ["", "| | |\n|:---|:---|\n"])
def test_a_row_of_column_names_first_in_a_table_of_dates(names: str, above: str) -> None:
    """A table without a header (or with an empty one) whose first row names its columns:
    the names are no date and the dates under them are read."""
    found = read(f"## Important dates\n\n{above}{names}\n| Submission | May 1, 2025 |\n"
                 "| Notification | June 1, 2025 |\n")
    assert labels(found) == [("Submission", date(2025, 5, 1)),
                             ("Notification", date(2025, 6, 1))], (found.read, found.kept)


def test_a_caption_row_over_a_table_of_dates_stays_as_text_above_them() -> None:
    found = read("## Important dates\n\n| | |\n|---|---|\n| **All deadlines {{ AoE }}** | |\n"
                 "| Submission | May 1, 2025 |\n| Notification | June 1, 2025 |\n"
                 "| Workshop | July 1, 2025 |\n")
    assert [label for label, _day in labels(found)] == ["Submission", "Notification",
                                                        "Workshop"], found.kept
    assert "All deadlines &#123;&#123; AoE &#125;&#125;\n\n<< dates() >>" in found.text


def test_one_row_of_no_date_between_dates_keeps_the_table() -> None:
    text = ("## Important dates\n\n| Submission | May 1, 2025 |\n|---|---|\n"
            "| Ask us | anything |\n| Notification | June 1, 2025 |\n| Workshop | July 1, 2025 |\n")
    found = read(text)
    assert found.dates == [] and found.text == text


TALKS_PAGE = """---
title: Contributed talks
---

{% for talk in site.data.contributed %}
<h2>{{ forloop.index }}. {{ talk.title }}</h2>
<em>{{ talk.name }} ({{ talk.institution }})</em>

{{ talk.abstract }}
{% endfor %}
"""


def test_a_loop_that_shows_each_persons_talk_keeps_it_shown(tmp_path: Path) -> None:
    """A loop without pictures over people with their talk's title and abstract: the team
    is drawn in a layout that shows both (the compact one would hide them)."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owls\n",
        "_data/contributed.csv": "tag,name,institution,title,abstract\n"
                                 "ada,Ada Quill,Univ A,Owls at Night,We count owls by ear.\n"
                                 "bo,Bo Fern,Lab B,Radios that Listen,A radio for larks.\n",
        "contributed/index.md": TALKS_PAGE})
    meta, rest = imported_page(dest, "contributed/index.md")
    assert '<< team("contributed", "list") >>' in rest, report
    assert [(p["name"], p["topic"]) for p in meta["contributed"]] == [
        ("Ada Quill", "Owls at Night"), ("Bo Fern", "Radios that Listen")]
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()
    html = (dest / "site" / "contributed" / "index.html").read_text(encoding="utf-8")
    assert "Owls at Night" in html and "We count owls by ear." in html


def test_a_news_list_at_the_top_of_a_page_without_a_title_stays_as_written() -> None:
    text = ("- May 1, 2025: Paper submission opened\n- June 1, 2025: Website is live\n"
            "- July 1, 2025: Workshop registration opened\n\n## About\n\nWe study owls.\n")
    found = read(text)
    assert found.dates == [] and found.text == text


def test_a_program_table_whose_header_names_its_day() -> None:
    """"| Time | Monday, June 16, 2025 |": column names, the day among them."""
    found = read("## Program\n\n| Time | Monday, June 16, 2025 |\n|---|---|\n"
                 "| 9:00 | Opening |\n| 9:30 | Owls at Night |\n| 10:00 | Closing |\n")
    assert [s["start"] for s in found.slots] == ["09:00", "09:30", "10:00"], found.kept


@pytest.mark.parametrize("caption", ["**Deadlines (AoE)**", "Date (all deadlines 23:59 AoE)",
                                     "# Deadlines", "- all AoE", "!!! note"])
def test_a_caption_is_kept_as_text_and_never_markup(caption: str) -> None:
    found = read(f"## Important dates\n\n| | |\n|---|---|\n| {caption} | |\n"
                 "| Submission | May 1, 2025 |\n| Notification | June 1, 2025 |\n"
                 "| Workshop | July 1, 2025 |\n")
    assert len(found.dates) == 3, found.kept
    above = found.text.split("<< dates() >>")[0].split("## Important dates\n\n")[1].strip()
    assert above and not above.startswith(("#", "-", "!!!")), above
    words = [w for w in re.findall(r"[A-Za-z0-9]+", caption)]
    assert re.findall(r"[A-Za-z0-9]+", above.replace("&#35;", "")) == words


@pytest.mark.parametrize("title", ["Learning Representations by Back Propagation",
                                   "Learning Graphs by Random Walks and Trees"])
def test_a_title_that_says_by_is_no_title_and_authors(title: str) -> None:
    from mkdocs_workshop.importers.common.recognize import read_paper
    assert read_paper([title]) is None


def test_two_struck_days_after_the_new_one() -> None:
    found = parse_date_line("Deadline: extended to June 14 ~~May 1, 2025~~ ~~May 8, 2025~~")
    assert found is not None and found.extended is not None
    assert (found.date.first, found.extended.first, found.note) == (
        date(2025, 5, 1), date(2025, 6, 14), "first extended to May 8, 2025")


def test_marked_roles_are_shown_by_the_cards_that_show_roles() -> None:
    found = read("## Reviewers\n\n| First Name | Last Name | Exceptional |\n|---|---|---|\n"
                 "| Ada | Quill | \u2705 |\n| Bo | Fern | |\n")
    assert '<< team("reviewers", "compact") >>' in found.text, found.read


DATED_LOOP = """---
title: Talks
---

{% for talk in site.data.talks %}
- {{ talk.name }}, {{ talk.day | date: "%b %d" }}: {{ talk.title }}
{% endfor %}
"""


def test_a_date_filter_on_an_empty_csv_field_shows_nothing(tmp_path: Path) -> None:
    """Jekyll's ``date`` filter on nil shows nothing; the loop shows all else."""
    dest, report = import_files(tmp_path, {
        "_config.yml": "title: Owls\n",
        "_data/talks.csv": "name,day,title\nAda Quill,2025-05-01,Owls at Night\n"
                           "Bo Fern,,Radios that Listen\n",
        "talks.md": DATED_LOOP})
    built = (dest / "docs" / "talks.md").read_text(encoding="utf-8")
    assert "Radios that Listen" in built and "Owls at Night" in built, report


@pytest.mark.parametrize("text", [
    "## Organizers\n\n| Ada Quill |\n| Ada Quill |\n- ## Organizers\n\n| Ada Quill, Univ A |\n"
    "| Ada Quill, Univ A |\n",
    "## Organizers\n\n| Ada Quill, Univ A |\n| Ada Quill, Univ A |\n- "])
def test_what_follows_a_read_block_right_under_it_stays_as_written(text: str) -> None:
    """Only the rest of a list whose first items were read is set apart from the call by a
    blank line; a list item right under a table read as people stays where it was."""
    found = recognize(text, lambda call: f"[{call}]")
    after = text.split("|\n")[-1]
    assert found.text.endswith("]\n" + after), found.text
