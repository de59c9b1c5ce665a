"""jekyll-scholar's papers: a ``.bib`` file in ``_bibliography/`` listed on a page with
``{% bibliography %}`` (al-folio's sites) becomes a papers file shown with ``papers()``. The
fixtures are written here: entries with LaTeX accents, names written "Last, First", @string
macros, an OpenReview link, an entry the parser cannot read, a query, a hostile title."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_workshop.importers.jekyll.scholar import Query, parse_query, read_bib

from sitekit import build_config, import_files, imported_page

pytestmark = pytest.mark.timeout(120)

CONFIG = """title: Owls Workshop
plugins:
  - jekyll/scholar
scholar:
  source: /_bibliography/
  bibliography: papers.bib
  bibliography_template: bib
  query: "@*"
"""

BIB = r"""---
---
@string{ows = "Workshop on Owls"}

@inproceedings{quill2025owls,
  title={Counting {Owls} by Ear: $O(n)$ Listening},
  author={Quill, Ada and Fern, Bo and M{\"u}ller, J{\"o}rg},
  booktitle=ows,
  year={2025},
  url={https://openreview.net/forum?id=AbCdEf1234},
  abbr={Oral}
}

@inproceedings{moss2025larks,
  title={Larks at Dawn},
  author={Cy Moss and Di Reed},
  booktitle=ows,
  year={2025},
  arxiv={2501.01234},
  abbr={Poster},
  selected={true},
  keywords={birds}
}

@article{broken2025,
  title={An entry whose brace is never closed,
  author={No One}

@misc{reed2025radio,
  title="Radios that Listen",
  author="Di Reed",
  year=2025,
  pdf={radio.pdf},
  award={Best Paper}
}
"""

PAGE = """---
layout: page
title: Accepted Papers
permalink: /papers/
---

We accepted {% bibliography_count %} papers.

## All accepted papers

<div class="publications">
{% bibliography %}
</div>
"""


def scholar_site(tmp_path: Path, page: str = PAGE, bib: str = BIB,
                 config: str = CONFIG) -> tuple[Path, str]:
    return import_files(tmp_path, {"_config.yml": config, "_bibliography/papers.bib": bib,
                                   "papers.md": page, "index.md": "# Owls\n",
                                   "assets/pdf/radio.pdf": b"%PDF-1.4\n"})


def papers_written(dest: Path, name: str = "papers") -> list[dict[str, object]]:
    written = yaml.safe_load((dest / "docs" / "data" / f"{name}.yml").read_text("utf-8"))
    assert isinstance(written, list)
    return written


def test_a_bibliography_becomes_a_papers_file_shown_with_papers(tmp_path: Path) -> None:
    dest, report = scholar_site(tmp_path)
    _meta, rest = imported_page(dest, "papers.md")
    assert '<< papers("data/papers.yml") >>' in rest, (rest, report)
    assert "We accepted 3 papers." in rest
    papers = papers_written(dest)
    assert [p["title"] for p in papers] == [
        "Counting Owls by Ear: $O(n)$ Listening", "Larks at Dawn", "Radios that Listen"]
    first, second, third = papers
    # "Last, First" and LaTeX accents read as a reader sees the names
    assert first["authors"] == ["Ada Quill", "Bo Fern", "Jörg Müller"]
    assert first["forum"] == "AbCdEf1234" and first["decision"] == "Oral"
    assert second["url"] == "https://arxiv.org/abs/2501.01234"
    assert second["decision"] == "Poster" and second["authors"] == ["Cy Moss", "Di Reed"]
    assert third["award"] == "Best Paper" and third["pdf"] == "assets/files/radio.pdf"
    assert (dest / "docs" / "assets" / "files" / "radio.pdf").is_file()
    # the entry the parser cannot read, and the field a paper has no place for, are reported
    assert re.search(r"_bibliography/papers\.bib: 1 entry could not be read .*line 25 \(a brace",
                     report), report
    assert "not imported: booktitle, keywords" in report, report
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()
    page_html = (dest / "site" / "papers" / "index.html").read_text("utf-8")
    for title in ("Larks at Dawn", "Radios that Listen"):
        assert title in page_html
    assert "Jörg Müller" in page_html and "<math" in page_html


@pytest.mark.parametrize(("tag", "titles"), [
    ("{% bibliography --query @inproceedings[abbr=Oral] %}",
     ["Counting Owls by Ear: $O(n)$ Listening"]),
    ("{% bibliography --query @*[year>=2025, abbr!=Oral] %}",
     ["Larks at Dawn", "Radios that Listen"]),
    ("{% bibliography -f papers --query @misc %}", ["Radios that Listen"]),
    ("{% bibliography --query @*[abbr=Oral || award~=best] %}",
     ["Counting Owls by Ear: $O(n)$ Listening", "Radios that Listen"]),
    ("{% bibliography --limit 2 %}",
     ["Counting Owls by Ear: $O(n)$ Listening", "Larks at Dawn"]),
])
def test_the_query_chooses_the_entries_shown(tmp_path: Path, tag: str, titles: list[str]
                                             ) -> None:
    dest, report = scholar_site(tmp_path, PAGE.replace("{% bibliography %}", tag))
    _meta, rest = imported_page(dest, "papers.md")
    call = re.search(r'<< papers\("(data/[^"]+)"\) >>', rest)
    assert call is not None, (rest, report)
    written = yaml.safe_load((dest / "docs" / call.group(1)).read_text("utf-8"))
    assert [p["title"] for p in written] == titles


def test_two_lists_of_one_file_write_each_its_papers(tmp_path: Path) -> None:
    page = PAGE.replace("{% bibliography %}", "## Orals\n\n{% bibliography --query @*[abbr=Oral] %}"
                        "\n\n## Posters\n\n{% bibliography --query @*[abbr=Poster] %}")
    dest, report = scholar_site(tmp_path, page)
    _meta, rest = imported_page(dest, "papers.md")
    paths = re.findall(r'<< papers\("(data/[^"]+)"\) >>', rest)
    assert len(paths) == 2 and paths[0] != paths[1], (rest, report)
    assert [[p["title"] for p in yaml.safe_load((dest / "docs" / path).read_text("utf-8"))]
            for path in paths] == [["Counting Owls by Ear: $O(n)$ Listening"], ["Larks at Dawn"]]


@pytest.mark.parametrize(("tag", "said"), [
    ("{% bibliography --file talks %}", "names the bibliography 'talks', which the import has "
                                        "not read (the site's .bib files: papers)"),
    ("{% bibliography --query year>2020 %}", "the query 'year>2020' is not one the import reads"),
    ("{% bibliography --cited %}", "{% bibliography --cited %} is not read"),
])
def test_what_the_tag_cannot_do_is_reported(tmp_path: Path, tag: str, said: str) -> None:
    _dest, report = scholar_site(tmp_path, PAGE.replace("{% bibliography %}", tag))
    assert said in report, report
    assert "Traceback" not in report


def test_sorted_and_grouped_by_year_as_the_config_says(tmp_path: Path) -> None:
    bib = "".join(f"@misc{{k{year}{n}, title={{Paper {year} {n}}}, author={{Ada Quill}}, "
                  f"year={{{year}}}}}\n" for year in (2023, 2025, 2024) for n in "ab")
    config = CONFIG + "  group_by: year\n  group_order: descending\n"
    dest, report = scholar_site(tmp_path, bib=bib, config=config)
    _meta, rest = imported_page(dest, "papers.md")
    assert '<< papers("data/papers.yml", group_by="year") >>' in rest, (rest, report)
    assert [p["title"] for p in papers_written(dest)] == [
        "Paper 2025 a", "Paper 2025 b", "Paper 2024 a", "Paper 2024 b", "Paper 2023 a",
        "Paper 2023 b"]
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()


YEARS_PAGE = """---
layout: page
title: Papers by year
permalink: /years/
years: [2025, 2024, 2023]
---
<div class="publications">
{%- for y in page.years %}
  <h2 class="year">{{y}}</h2>
  {% bibliography -f papers -q @*[year={{y}}]* %}
{% endfor %}
</div>
"""


def test_a_loop_over_the_years_lists_each_years_papers(tmp_path: Path) -> None:
    """al-folio's publications page: one bibliography per year, the year in its query."""
    bib = "".join(f"@misc{{k{year}{n}, title={{Paper {year} {n}}}, author={{Ada Quill}}, "
                  f"year={{{year}}}}}\n" for year in (2023, 2025, 2024) for n in "ab")
    dest, report = import_files(tmp_path, {"_config.yml": CONFIG, "years.md": YEARS_PAGE,
                                           "_bibliography/papers.bib": bib})
    _meta, rest = imported_page(dest, "years.md")
    paths = re.findall(r'<< papers\("(data/[^"]+)"\) >>', rest)
    assert len(paths) == 3, (rest, report)
    assert [[p["title"] for p in yaml.safe_load((dest / "docs" / path).read_text("utf-8"))]
            for path in paths] == [["Paper 2025 a", "Paper 2025 b"],
                                   ["Paper 2024 a", "Paper 2024 b"],
                                   ["Paper 2023 a", "Paper 2023 b"]]
    assert rest.index("2025") < rest.index(paths[0]) < rest.index("2024") < rest.index(paths[1])
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()


HOSTILE = ("<script>alert(1)</script>", "{{ 7*7 }}", "{% raw %}", "<< team(\"x\") >>",
           "{{ config.__class__ }}", "\"><img src=x onerror=alert(1)>")


def test_hostile_titles_and_names_stay_text(tmp_path: Path) -> None:
    def bibtex(text: str) -> str:  # a brace or a percent sign as BibTeX writes one
        return re.sub(r"([{}%])", r"\\\1", text)
    bib = "".join(f"@misc{{k{n}, title={{Owls {bibtex(text)}}}, "
                  f"author={{Ada {bibtex(text)} Quill}}}}\n" for n, text in enumerate(HOSTILE))
    dest, report = scholar_site(tmp_path, bib=bib)
    titles = [str(p["title"]) for p in papers_written(dest)]
    # markup is read as the source's page showed it (jekyll-scholar prints a field as HTML):
    # its text, no tag; template syntax of any kind is text
    assert titles[1:5] == [f"Owls {t}" for t in HOSTILE[1:5]], report
    assert all("<" not in t for t in titles[:1] + titles[5:]), titles
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()
    page_html = (dest / "site" / "papers" / "index.html").read_text("utf-8")
    assert "<script>alert" not in page_html and "<img src=x" not in page_html
    assert ">49<" not in page_html and "Owls 49" not in page_html
    assert "Owls " + html_lib.escape("{{ 7*7 }}", quote=False) in page_html


def test_a_site_without_bibliography_files_is_told(tmp_path: Path) -> None:
    dest, report = import_files(tmp_path, {"_config.yml": CONFIG, "papers.md": PAGE})
    assert "which the import has not read (the site's .bib files: none)" in report, report
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.messages()


# Text a .bib file may hold in a field: any character but braces and the quote that end
# the field ("\" escapes LaTeX, which the parser decodes).
_FIELD = st.text(st.characters(blacklist_categories=("Cs",),
                               blacklist_characters='{}"\\@%'), min_size=1, max_size=60)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_FIELD, _FIELD), min_size=1, max_size=6))
def test_any_entry_is_read_or_reported(entries: list[tuple[str, str]]) -> None:
    """Every entry with a title either becomes a paper with that title as one line of text,
    or is named in a note; nothing raises."""
    text = "".join(f"@misc{{key{n},\n  title={{{title}}},\n  author={{{author}}}\n}}\n"
                   for n, (title, author) in enumerate(entries))
    notes: list[str] = []
    bib = read_bib(text, "papers", "_bibliography/papers.bib", None, notes)
    titled = [p for p in bib.papers if p.get("title")]
    assert len(titled) == len(entries) or notes, (text, bib.papers)
    for paper in titled:
        title = paper["title"]
        assert isinstance(title, str) and title == title.strip() and "\n" not in title
    if bib.data is not None:  # the papers file holds exactly the titled entries
        assert [p["title"] for p in bib.data.entries] == [p["title"] for p in titled]


@pytest.mark.parametrize("text", [
    "@misc{k, title={" + "{" * 5000 + "x" + "}" * 5000 + "}}",
    "@misc{k, title={" + "{" * 5000,
    "@" * 50_000,
    "@misc{k, title={x}}\n@misc{k, title={y}}",
    "@misc{k, title={\\input{/etc/passwd}\\def\\x{\\x}\\x}}",
    "@misc{k, title={a\x00\x1b[31m b}, author={\x07}}",
])
def test_a_hostile_file_ends_in_notes(text: str) -> None:
    notes: list[str] = []
    bib = read_bib(text, "papers", "_bibliography/papers.bib", None, notes)
    for paper in bib.papers:
        assert all(ord(c) >= 32 for c in str(paper.get("title", ""))), paper
    assert bib.papers or notes


@pytest.mark.parametrize(("written", "kind", "fields", "expected"), [
    ("@*", "misc", {}, True),
    ("@article", "misc", {}, False),
    ("@*[abbr=Oral]", "misc", {"abbr": "oral"}, True),
    ("@*[year<2020]", "misc", {"year": "2021"}, False),
    ("@*[year<2020]", "misc", {"year": "n.d."}, False),
    ("@*[title~=owl]", "misc", {"title": "Counting Owls"}, True),
    ("@*[title^=count]", "misc", {"title": "Counting Owls"}, True),
    ("@*[abbr=Oral || abbr=Spotlight]", "misc", {"abbr": "Spotlight"}, True),
    ("@*[abbr=Oral && year=2024]", "misc", {"abbr": "Oral", "year": "2025"}, False),
])
def test_queries(written: str, kind: str, fields: dict[str, str], expected: bool) -> None:
    query = parse_query(written)
    assert isinstance(query, Query)
    assert query.matches(kind, fields) is expected


@pytest.mark.parametrize("written", ["year>2020", "@*[", "@*[abbr]", "@*[a=b] extra"])
def test_a_query_not_read_is_none(written: str) -> None:
    assert parse_query(written) is None


def test_a_bibliography_that_leads_outside_the_site_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.bib"
    outside.write_text("@misc{k, title={Secret Owls}}\n", encoding="utf-8")
    source = tmp_path / "src"
    (source / "_bibliography").mkdir(parents=True)
    (source / "_bibliography" / "papers.bib").symlink_to(outside)
    (source / "_config.yml").write_text(CONFIG, encoding="utf-8")
    (source / "papers.md").write_text(PAGE, encoding="utf-8")
    from mkdocs_workshop.importers.jekyll.importer import import_site
    report = import_site(source, tmp_path / "out").render()
    assert "_bibliography/papers.bib was not read: it leads outside the site." in report
    assert not (tmp_path / "out" / "docs" / "data" / "papers.yml").exists()
    assert "Secret Owls" not in (tmp_path / "out" / "docs" / "papers.md").read_text("utf-8")


@pytest.mark.parametrize("limit", ["\u00b2", "\u2460", "9" * 5000, "-1", "two", ""])
def test_a_limit_that_is_no_number_is_reported(tmp_path: Path, limit: str) -> None:
    dest, report = scholar_site(tmp_path, PAGE.replace("{% bibliography %}",
                                                       f"{{% bibliography --limit {limit} %}}"))
    assert "Traceback" not in report
    assert "not a number of entries" in report, report
    _meta, rest = imported_page(dest, "papers.md")
    assert '<< papers("data/papers.yml") >>' in rest


@settings(max_examples=40, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40))
def test_any_file_name_stays_in_the_papers_files_comment(name: str) -> None:
    """A .bib file's name (any character a file system allows, a line break too) is one
    line of the papers file's header comment: nothing of it becomes YAML."""
    from mkdocs_workshop.importers.jekyll.datafiles import DataFile
    from mkdocs_workshop.importers.jekyll.dataloops import papers_yaml

    made = DataFile("papers", "papers", source=f"_bibliography/{name}.bib")
    text = papers_yaml(made, [{"title": "Owls"}])
    assert yaml.safe_load(text) == [{"title": "Owls"}], text


def test_a_percent_sign_is_text(tmp_path: Path) -> None:
    notes: list[str] = []
    bib = read_bib("@misc{k, title={Better by 5% on Owls, and 10\\% on Larks},\n"
                   "  abstract={We gain 5% and more.}}\n", "papers", "p.bib", None, notes)
    assert bib.papers[0]["title"] == "Better by 5% on Owls, and 10% on Larks", notes
    assert bib.papers[0]["abstract"] == "We gain 5% and more."


@pytest.mark.timeout(60)
def test_bibliographies_no_page_shows_are_not_read(tmp_path: Path) -> None:
    """Eight .bib files of 70,000 entries each, and no page shows them: none is parsed."""
    big = "".join(f"@misc{{k{n},title={{T{n}}}}}\n" for n in range(70_000))
    files: dict[str, str | bytes] = {"_config.yml": CONFIG, "index.md": "# Owls\n"}
    files.update({f"_bibliography/b{n}.bib": big for n in range(8)})
    _dest, report = import_files(tmp_path, files)
    assert "Traceback" not in report


@pytest.mark.parametrize(("entries", "loop"), [
    (3_000, "{% for i in (1..100) %}{% bibliography --query @*[key!=k{{ i }}] %}{% endfor %}"),
    (20_000, "{% for i in (1..5000) %}{% bibliography_count --query @*[key=k{{ i }}] %} "
             "{% endfor %}"),
])
@pytest.mark.timeout(120)
def test_what_a_pages_tags_look_at_and_show_is_bounded(tmp_path: Path, entries: int,
                                                         loop: str) -> None:
    """A loop of lists, or of counts, over a large file: past what one page's tags look
    at and show, all told, the tags show nothing, and the report says so."""
    bib = "".join(f"@misc{{k{n},title={{Owls {n}}}}}\n" for n in range(entries))
    _dest, report = import_files(tmp_path, {
        "_config.yml": CONFIG, "papers.md": f"---\ntitle: Papers\n---\n{loop}\n",
        "_bibliography/papers.bib": bib})
    assert "look at or show more than 20,000 entries on this page" in report, report


def test_a_query_is_linear_on_long_runs_of_spaces() -> None:
    assert parse_query("@*[a=" + "x" * 2_000 + "]") is None  # longer than a query is
    for space in (" ", "\u00a0", "\t"):
        for run in (900, 1_000_000):
            query = parse_query("@*[a=x" + space * run + "y]")
            assert query is not None and query.conditions == [[("a", "=", "x y")]]
