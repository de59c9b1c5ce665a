"""papers() and awards(): accepted papers from YAML, JSON, CSV and OpenReview's JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mkdocs_workshop.features.papers import read_paper_file

from sitekit import Built, page

SiteFn = Callable[..., Built]

# The shape of OpenReview's API 2 answer for a venue's notes (values under "value").
OPENREVIEW_V2 = {"notes": [
    {"id": "abcDEF123", "forum": "abcDEF123", "content": {
        "title": {"value": r"$\textit{Ab Initio}$ Neural Operators (example)"},
        "authors": {"value": ["Gábor Example", "Zoë Sample"]},
        "abstract": {"value": "We learn operators.\n\nSecond paragraph with $x^2$."},
        "venue": {"value": "ICLR 2024 Workshop AI4DiffEqtnsInSci Oral"},
        "pdf": {"value": "/pdf/0123456789abcdef.pdf"}}},
    {"id": "ghiJKL456", "forum": "ghiJKL456", "content": {
        "title": {"value": "A Poster About PDEs (example)"},
        "authors": {"value": ["Ada Example"]},
        "venue": {"value": "ICLR 2024 Workshop AI4DiffEqtnsInSci Poster"}}},
    {"id": "mnoPQR789", "forum": "mnoPQR789", "content": {
        "title": {"value": "Spotlit Solvers (example)"}, "authors": {"value": ["Alan Sample"]},
        "venue": {"value": "ICLR 2024 Workshop AI4DiffEqtnsInSci Spotlight"}}},
    {"id": "stuVWX000", "forum": "stuVWX000", "content": {
        "title": {"value": "Not This One (example)"}, "authors": {"value": ["Nobody"]},
        "venue": {"value": "Submitted to ICLR 2024 Workshop AI4DiffEqtnsInSci"},
        "decision": {"value": "Reject"}}},
]}
# API 1: plain values, a bare list of notes.
OPENREVIEW_V1 = [{"id": "xyz98765", "forum": "xyz98765", "content": {
    "title": "An Older Export (example)", "authors": ["Grace Placeholder"],
    "decision": "Accept (Poster)"}}]


def show(site: SiteFn, files: dict[str, str], call: str, **kwargs: Any) -> Built:
    return site({"2024/iclr.md": page({"title": "Papers"}, call)},
                files={f"docs/{k}": v for k, v in files.items()}, **kwargs)


def test_openreview_json_grouped_by_decision_with_working_links(site: SiteFn) -> None:
    built = show(site, {"2024/accepted.json": json.dumps(OPENREVIEW_V2, ensure_ascii=False)},
                 '<< papers("accepted.json") >>')
    assert built.ok, built.messages()
    html = built.html("2024/iclr.md")
    assert '<p class="workshop-papers__count">3 accepted papers: 1 oral, 1 spotlight and 1 ' \
        "poster.</p>" in html
    assert re.findall(r'<h3 id="[^"]+">([^<]+)</h3>', html) == [
        "Orals", "Spotlights", "Posters"]
    # LaTeX between dollars is MathML, made at build time: no script, no request.
    assert '<mtext mathvariant="italic">Ab\u00a0Initio</mtext></mrow></math> Neural Operators ' \
        "(example)" in html
    assert r"$\textit" not in html
    assert "Gábor Example, Zoë Sample" in html
    assert '<a href="https://openreview.net/forum?id=abcDEF123">OpenReview</a> &middot; ' \
        '<a href="https://openreview.net/pdf/0123456789abcdef.pdf">PDF</a>' in html
    assert '<a href="https://openreview.net/pdf?id=ghiJKL456">PDF</a>' in html
    assert "<p>We learn operators.</p>\n<p>Second paragraph with <math " in html
    assert "<msup><mi>x</mi><mn>2</mn></msup>" in html
    assert "Not This One" not in html
    # Left out, and said so (at INFO level, which --strict does not count).
    assert any("1 rejected or withdrawn entry is left out of the page." in r.getMessage()
               for r in built.records)
    strict = show(site, {"2024/accepted.json": json.dumps(OPENREVIEW_V2)},
                  '<< papers("accepted.json") >>', strict=True)
    assert strict.ok, strict.messages()


def test_openreview_api_1_and_a_file_at_the_docs_root(site: SiteFn) -> None:
    built = show(site, {"older.json": json.dumps(OPENREVIEW_V1)}, '<< papers("older.json") >>',
                 strict=True)
    assert built.ok, built.messages()
    html = built.html("2024/iclr.md")
    assert "1 accepted paper." in html
    assert '<a href="https://openreview.net/forum?id=xyz98765">OpenReview</a>' in html


PAPERS_YAML = """\
papers:
  - title: Scaling Laws for Molecules (example)
    authors: [Ada Example, Alan Sample]
    decision: Oral
    award: Best Paper Award
    forum: https://openreview.net/forum?id=example1
  - title: Climate Emulators (example)
    authors: Grace Placeholder and Kevin Example
    decision: Poster
    award: Outstanding Student Paper
  - title: Plain Poster (example)
    authors: "Juan Felipe Carrasquilla Álvarez; Zoë Sample"
    decision: Poster
"""


def test_yaml_papers_and_awards(site: SiteFn) -> None:
    built = show(site, {"2024/papers.yml": PAPERS_YAML},
                 '<< papers("papers.yml") >>\n\n## Awards\n\n<< awards("papers.yml") >>',
                 strict=True)
    assert built.ok, built.messages()
    html = built.html("2024/iclr.md")
    assert "Grace Placeholder, Kevin Example" in html
    assert "Juan Felipe Carrasquilla Álvarez, Zoë Sample" in html
    assert '<span class="workshop-paper__award">Best Paper Award</span>' in html
    awards = html.split('<h2 id="awards">')[1]
    assert re.findall(r'<h3 id="[^"]+">([^<]+)</h3>', awards) == [
        "Best Paper Award", "Outstanding Student Paper"]
    assert "Plain Poster" not in awards


CSV = (
    "Title,Authors,Decision,Track,PDF\n"
    '"Fluids, Fast (example)",Ada Example; Zoë Sample,Poster,Climate,https://example.org/a.pdf\n'
    "Molecules Again (example),Alan Sample,Spotlight,Chemistry,\n"
    "Ice Sheets (example),Grace Placeholder,Poster,Climate,\n"
)


def test_csv_with_a_byte_order_mark_grouped_by_a_column(site: SiteFn) -> None:
    built = show(site, {"2024/papers.csv": "\ufeff" + CSV},
                 '<< papers("papers.csv", group_by="track") >>', strict=True)
    assert built.ok, built.messages()
    html = built.html("2024/iclr.md")
    assert re.findall(r'<h3 id="[^"]+">([^<]+)</h3>', html) == [
        "Climate", "Chemistry"]
    assert "Fluids, Fast (example)" in html and "Ada Example, Zoë Sample" in html
    assert "<p class=\"workshop-papers__count\">3 accepted papers.</p>" in html


BAD: list[tuple[str, dict[str, str | bytes], str, str]] = [
    ("missing file", {}, '<< papers("accepted.json") >>',
     "2024/iclr.md: line 5: << papers(\"accepted.json\") >>: the file 'accepted.json' was not "
     "found (looked for '2024/accepted.json' and 'accepted.json' in the docs folder)."),
    ("unsupported type", {}, '<< papers("papers.xlsx") >>',
     "'papers.xlsx' is not a file type papers() reads. Fix: use a .yml, .yaml, .json"),
    ("outside docs", {}, '<< papers("../../../secret.csv") >>',
     "'../../../secret.csv' points outside the docs folder."),
    ("stray quote", {"2024/p.csv": 'title,authors\n"Broken,Ada\nOk,Alan\n'},
     '<< papers("p.csv") >>', "2024/p.csv: is not valid CSV in the row that starts at line"),
    ("no title column", {"2024/p.csv": "Titel,Authors\nA,B\n"}, '<< papers("p.csv") >>',
     "2024/p.csv: has no 'title' column (columns: Titel, Authors). Fix: rename the column "
     "'titel' to 'title'."),
    ("not utf-8", {"2024/p.csv": "title,authors\nA,Gábor\n".encode("cp1252")},
     '<< papers("p.csv") >>', "2024/p.csv: is not UTF-8 text"),
    ("empty", {"2024/p.yml": "\n"}, '<< papers("p.yml") >>', "2024/p.yml: is empty."),
    ("wrong shape", {"2024/p.json": '{"title": "x"}'}, '<< papers("p.json") >>',
     "2024/p.json: should hold a list of papers, but it is a set of 'key: value' lines."),
    ("bad json", {"2024/p.json": '[{"title": "x",}]'}, '<< papers("p.json") >>',
     # The plugin's words and the place; Python's own wording of the error changes
     # between versions (3.13 says "Illegal trailing comma before end of object").
     "2024/p.json: is not valid JSON ("),
    ("paper without title", {"2024/p.yml": "- authors: [A]\n"}, '<< papers("p.yml") >>',
     "2024/p.yml: entry 1, field 'title': is missing."),
    ("csv row without title", {"2024/p.csv": "title,authors\n,Ada\n"}, '<< papers("p.csv") >>',
     "2024/p.csv: line 2, field 'title': is missing."),
    ("bad pdf link", {"2024/p.yml": "- title: T\n  pdf: javascript:alert(1)\n"},
     '<< papers("p.yml") >>', "2024/p.yml: entry 1 (T), field 'pdf': 'javascript:alert(1)'"),
    ("unknown group", {"2024/p.yml": PAPERS_YAML}, '<< papers("p.yml", group_by="trak") >>',
     "groups by 'trak', which no paper in 2024/p.yml has."),
]


@pytest.mark.parametrize(("files", "call", "expected"), [b[1:] for b in BAD],
                         ids=[b[0] for b in BAD])
def test_bad_paper_files_stop_the_build(site: SiteFn, files: dict[str, str | bytes], call: str,
                                        expected: str) -> None:
    built = site({"2024/iclr.md": page({"title": "Papers"}, call)},
                 files={f"docs/{k}": v for k, v in files.items()})
    assert not built.ok
    assert any(expected in m for m in built.workshop()), built.workshop()
    assert not any("Traceback" in m for m in built.messages())


def test_a_typo_in_a_field_of_a_paper_warns(site: SiteFn) -> None:
    built = show(site, {"2024/p.yml": "- title: T\n  author: Ada Example\n"},
                 '<< papers("p.yml") >>')
    assert built.ok
    assert built.workshop() == [
        "workshop: 2024/p.yml: entry 1 (T): 'author' is not a field of a paper; it is kept only "
        "for group_by. Fix: did you mean 'authors'?"]


def test_one_file_on_two_pages_is_read_and_reported_once(site: SiteFn) -> None:
    built = site({"a.md": page({"title": "A"}, '<< papers("p.yml") >>'),
                  "b.md": page({"title": "B"}, '<< awards("p.yml") >>')},
                 files={"docs/p.yml": "- title: T\n  author: Ada\n  award: Best\n"})
    assert built.ok
    assert len(built.workshop()) == 1


MATH_YAML = r"""
papers:
  - title: 'Cost $O(n^2)$ and $\textit{Ab Initio}$ (example)'
    authors: [Ada Example]
    abstract: 'We pay $5 and $10, and $\frac{a}{$ breaks.'
    decision: Oral
    forum: abcDEF123
    award: Best Paper (example)
  - title: 'Sneaky $\text{<img src=x onerror=alert(1)>}$ (example)'
    authors: [Alan Sample]
    decision: Poster
"""


def test_latex_becomes_mathml_and_what_cannot_stays_text_with_a_warning(site: SiteFn) -> None:
    built = show(site, {"2024/papers.yml": MATH_YAML},
                 '## Papers\n\n<< papers("papers.yml") >>\n\n## Awards\n\n'
                 '<< awards("papers.yml") >>')
    assert built.ok, built.messages()
    html = built.html("2024/iclr.md")
    assert "<msup><mi>n</mi><mn>2</mn></msup>" in html
    assert '<mtext mathvariant="italic">Ab\u00a0Initio</mtext>' in html
    # Dollars that are not math stay; a formula that cannot be read stays as written.
    assert "We pay $5 and $10, and $\\frac{a}{$ breaks." in html
    # Markup inside \text{} is never markup on the page.
    assert "<img src=x" not in html
    assert "$\\text{&lt;img src=x onerror=alert(1)&gt;}$" in html
    warnings = built.workshop()
    assert any("2024/papers.yml: entry 1 (Cost $O(n^2)$ and $\\textit{Ab Initio}$ (example))"
               in w and "the formula '$\\frac{a}{$' is shown as written: latex2mathml cannot "
               "read it" in w for w in warnings), warnings
    assert any("entry 2" in w and "is shown as written" in w for w in warnings), warnings
    # The title links to its forum when there is no url.
    assert '<a href="https://openreview.net/forum?id=abcDEF123">Cost <math' in html
    # The paper is in papers() and awards(): two ids, none repeated on the page.
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), ids
    assert ids.count("paper-cost-o-n-2-and-textit-ab-initio-example") == 1
    assert "paper-cost-o-n-2-and-textit-ab-initio-example-2" in ids


def test_group_labels_are_headings_of_the_toc_and_never_markup(site: SiteFn) -> None:
    papers = ("papers:\n  - title: A (example)\n    award: '<b>Gold</b> [x](y) # *z*'\n"
              "  - title: B (example)\n    award: Silver\n")
    built = show(site, {"2024/papers.yml": papers},
                 '## Awards\n\n<< awards("papers.yml", level=3) >>')
    assert built.ok, built.messages()
    html = built.html("2024/iclr.md")
    assert re.findall(r"<h3 id=\"([^\"]+)\">(.*?)</h3>", html) == [
        ("bgoldb-xy-z", "&#60;b&#62;Gold&#60;&#47;b&#62; &#91;x&#93;&#40;y&#41; &#35; "
         "&#42;z&#42;"), ("silver", "Silver")]
    assert "<b>Gold" not in html
    # Material's table of contents (the secondary nav) lists them under "Awards".
    toc = html.split('<nav class="md-nav md-nav--secondary"')[1].split("</nav>")[0]
    assert '<a href="#silver" class="md-nav__link">' in toc
    assert '<a href="#bgoldb-xy-z" class="md-nav__link">' in toc
    wrong = show(site, {"2024/papers.yml": papers}, '<< papers("papers.yml", level=7) >>')
    assert not wrong.ok
    assert any("asks for heading level 7. Fix: write level=3" in m for m in wrong.workshop()), \
        wrong.workshop()


def test_a_very_long_csv_value_is_a_readable_message_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "long.csv").write_text('title,authors\nA,B\n"' + "x" * 200_000 + '",A\n',
                                       encoding="utf-8")
    found = read_paper_file(str(tmp_path / "long.csv"), "long.csv")
    assert found.problems is not None
    assert [str(p) for p in found.problems.items] == [
        "long.csv: has a value longer than 131,072 characters, in the row that starts at line "
        "3: more than any field of a paper holds. Fix: look for a double quote that opens a "
        "value and is never closed (all that follows it is read as one value); a quote inside "
        "a value is doubled (\"\"). Or shorten the value."]


def test_a_pdf_kept_in_the_site_is_linked_from_the_page(site: SiteFn) -> None:
    """``pdf:`` may name a file of the site, from the papers file's folder or the docs folder:
    the page links to it where the build puts it; one that is not there is a warning and no
    link; a path that climbs out of the docs folder is refused."""
    papers = ("- title: Owls at Night (example)\n  authors: Ada Quill\n  pdf: pdfs/owls.pdf\n"
              "- title: Bees by Day (example)\n  authors: Bo Fern\n"
              "  pdf: assets/files/bees.pdf#page=2\n"
              "- title: Gone Paper (example)\n  authors: Cy Dove\n  pdf: pdfs/gone.pdf\n")
    built = show(site, {"2024/papers.yml": papers, "2024/pdfs/owls.pdf": "%PDF-1.4 owls",
                        "assets/files/bees.pdf": "%PDF-1.4 bees"}, '<< papers("papers.yml") >>')
    assert built.ok, built.messages()
    html = built.html("2024/iclr.md")
    assert 'href="../pdfs/owls.pdf"' in html
    assert 'href="../../assets/files/bees.pdf#page=2"' in html
    gone = html.split("Gone Paper (example)")[1].split("workshop-paper")[0]
    assert ".pdf" not in gone
    warnings = built.workshop()
    assert any("2024/papers.yml" in w and "Gone Paper" in w and "the PDF 'pdfs/gone.pdf' is "
               "not in the docs folder" in w for w in warnings), warnings
    refused = show(site, {"2024/papers.yml": "- title: T (example)\n  pdf: ../../x.pdf\n"},
                   '<< papers("papers.yml") >>')
    assert not refused.ok
    assert any("field 'pdf': '../../x.pdf' is not a file of the site" in message
               for message in refused.messages())
