"""mkdocs-workshop new-edition: next year's page from the demo's ICML 2024 in one command."""

from __future__ import annotations

import contextlib
import io
import re
import textwrap
from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml

from mkdocs_workshop.commands import main
from mkdocs_workshop.core.safeload import load

from sitekit import ROOT, Built, build_config, copy_demo, rosters

# 2027-06-01 12:00 UTC: after the demo's ICLR 2027 (April 30), before ICML 2027 (July 16).
JUNE_2027 = str(int(datetime(2027, 6, 1, 12, tzinfo=timezone.utc).timestamp()))


def body(text: str) -> list[str]:
    """The lines after the front matter."""
    return text.split("\n---\n", 1)[1].split("\n")


class NextYear:
    root: Path
    report: str
    built: Built


@pytest.fixture(scope="module")
def next_year(tmp_path_factory: pytest.TempPathFactory) -> NextYear:
    root = copy_demo(tmp_path_factory.mktemp("demo"))
    found = NextYear()
    found.root = root
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["new-edition", "docs/icml24.md", "docs/icml27.md",
                         "--date", "2027-07-16"]) == 0
        found.report = out.getvalue()
        found.built = build_config(root / "mkdocs.yml", strict=True, epoch=JUNE_2027)
    return found


def test_the_new_page_builds_strict_and_the_old_one_is_untouched(next_year: NextYear) -> None:
    assert next_year.built.ok, next_year.built.failure
    root = next_year.root
    assert (root / "docs/icml24.md").read_bytes() == (ROOT / "docs/icml24.md").read_bytes()
    # mkdocs.yml: one line more. The demo lists its editions newest first (ICLR 2027 of
    # April 30, ICML 2024, ICLR 2024), so July 2027's goes first, before ICLR 2027's section.
    before = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    after = (root / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    at = before.index("      - ICLR 2027:")
    assert before[at - 1] == "  - Editions:"
    assert after == [*before[:at], "      - ICML 2027: icml27.md", *before[at:]]
    assert ("mkdocs.yml: the nav gains '- ICML 2027: icml27.md' before '- ICLR 2027:' (line "
            f"{at + 1}), where its date puts it among the editions, newest first."
            ) in next_year.report.split("\n")


def test_the_text_is_kept_but_for_the_papers_file(next_year: NextYear) -> None:
    old = body((ROOT / "docs/icml24.md").read_text(encoding="utf-8"))
    new = body((next_year.root / "docs/icml27.md").read_text(encoding="utf-8"))
    assert len(old) == len(new)
    changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    assert changed == [
        ('<< papers("icml24-papers.csv") >>', '<< papers("icml27-papers.csv") >>'),
        ('<< awards("icml24-papers.csv", level=4) >>',
         '<< awards("icml27-papers.csv", level=4) >>')]
    header = (ROOT / "docs/icml24-papers.csv").read_text(encoding="utf-8").split("\n")[0]
    assert (next_year.root / "docs/icml27-papers.csv").read_text(encoding="utf-8") == (
        header + "\n")


def test_the_front_matter_rewrites_only_what_it_must(next_year: NextYear) -> None:
    text = (next_year.root / "docs/icml27.md").read_text(encoding="utf-8")
    loaded = load(text.split("---\n")[1])
    assert loaded.ok
    meta = loaded.data
    old = yaml.safe_load((ROOT / "docs/icml24.md").read_text(encoding="utf-8").split("---\n")[1])
    assert meta["workshop"] == {**old["workshop"], "venue": "ICML 2027",
                                "date": datetime(2027, 7, 16).date()}
    assert meta["title"] == old["title"]
    assert meta["Organizers"] == old["Organizers"]  # carried
    assert meta["ProgramCommittee"] == old["ProgramCommittee"]
    assert meta["speakers"] == meta["Panelist"] == meta["sponsors"] == []
    # The emptied lists keep a template of the fields the old entries had.
    assert "speakers: []  # none yet; the entries of icml24.md had these fields:\n" \
           "# - name:\n#   url:\n#   topic:\n#   aff:\n#   interest:\n" in text
    assert [(d.get("what"), d.get("when"), d.get("extended"), d.get("tentative"))
            for d in meta["dates"][:2]] == [
        # Last year's extension is not this year's: the original day, moved.
        ("Abstract Submission Deadline", datetime(2027, 4, 8).date(), None, True),
        ("Paper Submission Deadline", datetime(2027, 5, 16).date(), None, True)]
    assert meta["dates"][-1] == {"Workshop Date": datetime(2027, 7, 16).date()}
    # The comments of the old page are still there.
    assert "# The organizers come from the series' people directory (docs/people.yml)" in text


def test_the_new_page_shows_the_organizers_and_the_moved_dates(next_year: NextYear) -> None:
    html = next_year.built.html("icml27.md")
    found = rosters(html)
    assert {k: len(v) for k, v in found.items()} == {"speakers": 0, "Panelist": 0,
                                                     "Organizers": 11}
    assert html.count('<p class="workshop-team__empty">To be announced.</p>') == 2
    dates = html.split('<div class="workshop-dates"')[1].split("</details>")[0]
    # The abstract deadline: April 8 moved to 2027, without last year's extension.
    assert '<time datetime="2027-04-08T23:59:59-12:00">April 8, 2027</time>' in dates
    assert "workshop-date__was" not in dates and "April 12" not in dates
    assert "extended" not in dates
    assert dates.count('<span class="workshop-date__tentative">(tentative)</span>') == 5
    assert "2024" not in dates
    assert "No accepted papers yet." in html


def test_the_new_edition_is_the_upcoming_one_on_the_home_page(next_year: NextYear) -> None:
    html = next_year.built.html()
    groups = html.split('<h3 class="workshop-editions__group">')[1:]
    assert [g.split("<")[0] for g in groups] == ["Upcoming", "Past"]
    upcoming = re.findall(r'class="workshop-edition__title" href="([^"]+)"', groups[0])
    assert upcoming == ["icml27/"]
    card = groups[0]
    assert '<li class="workshop-edition workshop-edition--next">' in card
    assert '<span class="workshop-edition__venue">ICML 2027</span>' in card
    # Built on 2027-06-01: its next date is the moved, tentative reviewer deadline.
    assert re.search(r"Next: <strong>Reviewer Deadline</strong>, <time [^>]+>June 11, 2027 "
                     r"\(AoE\)</time> <span class=\"workshop-header__tentative\">", card)


def test_the_report(next_year: NextYear) -> None:
    report = next_year.report
    for line in [
        "Written: docs/icml27.md, docs/icml27-papers.csv, mkdocs.yml (one nav line).",
        "  date: 2024-07-16 -> 2027-07-16",
        "  venue: ICML 2024 -> ICML 2027 (the new year; --venue sets it)",
        "  location: Vienna, Austria (kept; --location sets it)",
        "Dates, moved by +36 months (3 years) (a day the month lacks goes to its last day, a "
        "month's last day stays its last day; times and zones unchanged; the weekday is not "
        "kept):",
        "  Abstract Submission Deadline: 2024-04-08 -> 2027-04-08; a Monday now falls on a "
        "Thursday",
        "  Extensions dropped (the new date is the original one, moved; add 'extended:' "
        "again if this edition extends it): Abstract Submission Deadline: extended to "
        "2024-04-12.",
        "  Organizers: carried, 11 entries (organizers and committees are carried; --clear "
        "Organizers empties it).",
        "  speakers: left empty, with a commented template of its fields (5 entries stay in "
        "icml24.md; --keep speakers carries them).",
        "  line 2: 2024, ICML: # The ICML 2024 edition of the \"AI for Science\" series, moved "
        "from its Jekyll page.",
        "  line 103: 'Oct 16-18, 2024'",  # one line less: the extension dropped
    ]:
        assert line in report.split("\n"), line
    # The prose's own mention of ICML, by line of the new page.
    text = (next_year.root / "docs/icml27.md").read_text(encoding="utf-8").split("\n")
    line = next(i for i, t in enumerate(text, 1) if "attend ICML to share" in t)
    assert f"  line {line}: ICML: ...ing more scientists to attend ICML" in report


def test_dry_run_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_demo(tmp_path)
    monkeypatch.chdir(root)
    config = (root / "mkdocs.yml").read_bytes()
    assert main(["new-edition", "docs/icml24.md", "docs/icml27.md", "--date", "2027-07-16",
                 "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Would write: docs/icml27.md" in out and "nothing was written" in out
    assert not (root / "docs/icml27.md").exists()
    assert not (root / "docs/icml27-papers.csv").exists()
    assert (root / "mkdocs.yml").read_bytes() == config


def test_keep_and_clear(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                        capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_demo(tmp_path)
    monkeypatch.chdir(root)
    assert main(["new-edition", "docs/icml24.md", "docs/2025/icml.md", "--date", "2025-07-14",
                 "--keep", "speakers,papers", "--keep", "sponsors", "--clear",
                 "ProgramCommittee", "--venue", "ICML 2025", "--location", "Vancouver, Canada",
                 "--title", "AI for Science 2025"]) == 0
    text = (root / "docs/2025/icml.md").read_text(encoding="utf-8")
    meta = load(text.split("---\n")[1]).data
    old = yaml.safe_load((ROOT / "docs/icml24.md").read_text(encoding="utf-8").split("---\n")[1])
    assert meta["speakers"] == old["speakers"] and meta["sponsors"] == old["sponsors"]
    assert meta["Panelist"] == [] and meta["ProgramCommittee"] == []
    assert meta["workshop"]["venue"] == "ICML 2025"
    assert meta["workshop"]["location"] == "Vancouver, Canada"
    assert meta["title"] == "AI for Science 2025"
    # July 16 to July 14 of the next year: +12 months and -2 days.
    assert meta["dates"][0]["when"] == datetime(2025, 4, 6).date()
    assert '<< papers("icml24-papers.csv") >>' in text  # --keep papers
    out = capsys.readouterr().out
    assert "Dates, moved by +12 months (1 year) and -2 days" in out
    # In a folder of its own: the nav entry after ICML 2024's names its path.
    assert "      - ICML 2025: 2025/icml.md" in (root / "mkdocs.yml").read_text(encoding="utf-8")


SITE = """\
site_name: Test
theme:
  name: material
plugins:
  - search
  - macros:
      j2_variable_start_string: "<<"
      j2_variable_end_string: ">>"
  - workshop
markdown_extensions:
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
nav:
  - Home: index.md
  - Editions:
    - "2024": ws24.md   # the first one
"""

PAGE = """\
---
title: Workshop 2024
workshop:
  venue: WS 2024
  start: 2024-03-30
  end: 2024-03-31
  timezone: Europe/Vienna
dates_timezone: UTC
dates:
  - what: Camera-ready
    when: "2023-11-30 17:00+01:00"
    timezone: Europe/Vienna
  - what: Month end
    when: 2023-12-31
    tentative: false
  - {what: Posters, when: 2024-01-15}
  - Leap day deadline: 2024-02-29       # no Feb 29 in 2025
  - Workshop days: {start: 2024-03-30, end: 2024-03-31}
keynotes:
  - name: Ada Example
---

# Workshop 2024

Held March 30-31, 2024 at WS 2024.

<< dates() >>

<< team("keynotes") >>
"""


def small_site(root: Path) -> None:
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text(SITE, encoding="utf-8")
    (root / "docs/index.md").write_text("# Home\n\n<< editions() >>\n", encoding="utf-8")
    (root / "docs/ws24.md").write_text(PAGE, encoding="utf-8")


def test_every_form_of_date_moves_and_the_page_builds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    small_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["new-edition", "docs/ws24.md", "docs/ws25.md", "--date", "2025-03-30"]) == 0
    text = (tmp_path / "docs/ws25.md").read_text(encoding="utf-8")
    front = text.split("---\n")[1]
    assert front == textwrap.dedent("""\
        title: Workshop 2025
        workshop:
          venue: WS 2025
          start: 2025-03-30
          end: 2025-03-31
          timezone: Europe/Vienna
        dates_timezone: UTC
        dates:
          - what: Camera-ready
            when: "2024-11-30 17:00+01:00"
            timezone: Europe/Vienna
            tentative: true
          - what: Month end
            when: 2024-12-31
            tentative: true
          - {what: Posters, when: 2025-01-15, tentative: true}
          - what: Leap day deadline
            when: 2025-02-28       # no Feb 29 in 2025
            tentative: true
          - Workshop days: {start: 2025-03-30, end: 2025-03-31}
        keynotes: []  # none yet; the entries of ws24.md had these fields:
        # - name:
        """)
    assert text.split("---\n", 2)[2] == PAGE.split("---\n", 2)[2]  # the text, byte for byte
    config = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    assert config == SITE.replace('    - "2024": ws24.md   # the first one\n',
                                  '    - "2024": ws24.md   # the first one\n'
                                  '    - "2025": ws25.md\n')
    out = capsys.readouterr().out
    assert "  Leap day deadline: 2024-02-29 -> 2025-02-28; a Thursday now falls on a Friday" \
        in out
    held = text.split("\n").index("Held March 30-31, 2024 at WS 2024.") + 1
    assert f"  line {held}: 2024, WS: Held March 30-31, 2024 at WS 2024." in out
    assert f"  line {held}: 'March 30-31, 2024'" in out
    assert f"  line {held - 2}: 2024, the title: # Workshop 2024" in out
    built = build_config(tmp_path / "mkdocs.yml", strict=True)
    assert built.ok, built.failure
    assert "2025-02-28T23:59:59+00:00" in built.html("ws25.md")
    assert "2024-11-30T17:00+01:00" in built.html("ws25.md")


def test_last_years_extensions_are_dropped_in_every_form(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """An extension is one year's news: the new page has the original deadline, moved, and
    the report names each extension it dropped."""
    small_site(tmp_path)
    page = tmp_path / "docs/ws24.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "  - {what: Posters, when: 2024-01-15}\n",
        "  - {what: Posters, when: 2024-01-15, extended: 2024-01-16}\n"
        "  - {extended: 2024-01-19, what: Demos, when: 2024-01-18}\n"
        "  - what: Abstracts\n    when: 2024-01-20\n"
        "    extended: 2024-01-21   # one more week\n"
        "  - extended: 2024-01-23\n    what: Reviews\n    when: 2024-01-22\n"
        "  - Talks: {when: 2024-01-25, extended: 2024-01-27, timezone: UTC}\n"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["new-edition", "docs/ws24.md", "docs/ws25.md", "--date", "2025-03-30"]) == 0
    text = (tmp_path / "docs/ws25.md").read_text(encoding="utf-8")
    front = text.split("---\n")[1]
    assert "extended" not in front and "one more week" not in front
    assert "  - {what: Posters, when: 2025-01-15, tentative: true}\n" in front
    assert "  - {what: Demos, when: 2025-01-18, tentative: true}\n" in front
    assert "  - what: Abstracts\n    when: 2025-01-20\n    tentative: true\n" in front
    assert "  - what: Reviews\n    when: 2025-01-22\n    tentative: true\n" in front
    assert "  - Talks: {when: 2025-01-25, timezone: UTC, tentative: true}\n" in front
    out = capsys.readouterr().out
    assert ("  Extensions dropped (the new date is the original one, moved; add 'extended:' "
            "again if this edition extends it): Posters: extended to 2024-01-16; Demos: "
            "extended to 2024-01-19; Abstracts: extended to 2024-01-21; Reviews: extended to "
            "2024-01-23; Talks: extended to 2024-01-27.") in out.split("\n")
    built = build_config(tmp_path / "mkdocs.yml", strict=True)
    assert built.ok, built.failure
    assert "workshop-date__was" not in built.html("ws25.md")


@pytest.mark.parametrize(("args", "setup", "message"), [
    (["docs/nope.md", "docs/ws25.md", "--date", "2025-01-30"], None,
     "docs/nope.md was not found."),
    (["docs/ws24.md", "docs/ws25.md", "--date", "2025-1-30"], None,
     "--date: '2025-1-30' is not a date; write it as YYYY-MM-DD (2027-07-16)."),
    (["docs/ws24.md", "docs/ws25.md", "--date", "2025-02-29"], None,
     "--date: '2025-02-29' is not a date; write it as YYYY-MM-DD (2027-07-16)."),
    (["docs/ws24.md", "docs/index.md", "--date", "2025-01-30"], None,
     "docs/index.md already exists; choose another name, or add --force to write over it."),
    (["docs/index.md", "docs/ws25.md", "--date", "2025-01-30"], None,
     "docs/index.md has no front matter, so no workshop.date to count the new dates from."),
    (["docs/ws24.md", "docs/ws25.md", "--date", "2025-01-30"],
     ("docs/ws24.md", "  start: 2024-03-30\n  end: 2024-03-31\n", ""),
     "docs/ws24.md has no workshop.date, so there is nothing to count the new dates from; "
     "add 'date: YYYY-MM-DD' under 'workshop:'."),
    (["docs/ws24.md", "docs/ws25.md", "--date", "2025-01-30"],
     ("mkdocs.yml", "nav:\n", "nav: [\n"),
     "mkdocs.yml is not valid YAML (line 17), so its nav cannot be read; fix it, then run "
     "new-edition again."),
    (["docs/ws24.md", "docs/ws25.md", "--date", "2025-01-30"],
     ("mkdocs.yml", "nav:\n", "nav: index.md\nnot_nav:\n"),
     "mkdocs.yml: 'nav' (line 16) is not a list of pages, so the new page cannot be added to "
     "it."),
    (["docs/ws24.md", "ws25.md", "--date", "2025-01-30"], None,
     "TO ws25.md is not in the docs folder (docs)."),
    (["docs/ws24.md", "docs/ws25.md", "--date", "2025-01-30", "--keep", "speakers"], None,
     "--keep speakers: the page has no such roster or list; it has: keynotes, schedule, "
     "sponsors, papers."),
])
def test_bad_input_is_one_line_and_nothing_is_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        args: list[str], setup: tuple[str, str, str] | None, message: str) -> None:
    small_site(tmp_path)
    if setup is not None:
        path = tmp_path / setup[0]
        path.write_text(path.read_text(encoding="utf-8").replace(setup[1], setup[2]),
                        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert main(["new-edition", *args]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"mkdocs-workshop: {message}\n"
    assert captured.out == ""
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_force_writes_over_an_existing_page(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    small_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs/ws25.md").write_text("old\n", encoding="utf-8")
    assert main(["new-edition", "docs/ws24.md", "docs/ws25.md", "--date", "2025-01-30",
                 "--force"]) == 0
    assert "venue: WS 2025" in (tmp_path / "docs/ws25.md").read_text(encoding="utf-8")


def test_a_papers_file_outside_the_docs_folder_is_not_followed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    small_site(tmp_path)
    (tmp_path / "outside.csv").write_text("title\n", encoding="utf-8")
    page = tmp_path / "docs/ws24.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<< papers("../outside.csv") >>\n',
                    encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["new-edition", "docs/ws24.md", "docs/ws25.md", "--date", "2025-03-30"]) == 0
    assert sorted(p.name for p in tmp_path.glob("*.csv")) == ["outside.csv"]
    assert '<< papers("../outside.csv") >>' in (tmp_path / "docs/ws25.md").read_text(
        encoding="utf-8")
    assert "names no file of the docs folder; kept as written." in capsys.readouterr().out


def test_a_workshop_block_on_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    small_site(tmp_path)
    page = tmp_path / "docs/ws24.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "workshop:\n  venue: WS 2024\n  start: 2024-03-30\n  end: 2024-03-31\n"
        "  timezone: Europe/Vienna\n",
        'workshop: {venue: WS 2024, date: "2024-03-30", timezone: Europe/Vienna}\n'),
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["new-edition", "docs/ws24.md", "docs/ws25.md", "--date", "2025-03-30",
                 "--location", "Lisbon, Portugal"]) == 0
    text = (tmp_path / "docs/ws25.md").read_text(encoding="utf-8")
    assert ('workshop: {venue: WS 2025, date: "2025-03-30", timezone: Europe/Vienna, '
            'location: "Lisbon, Portugal"}\n') in text
    assert build_config(tmp_path / "mkdocs.yml", strict=True).ok


EDITIONS_NAV = """\
nav:
  - Home: index.md
  - Editions:
{entries}
  - About: about.md
"""


@pytest.mark.parametrize(("entries", "source", "day", "expected"), [
    # Oldest first: the new edition goes after the newest one, not after FROM.
    (["2022: ws22.md", "2023: ws23.md", "2024: ws24.md"], "ws23", "2025-03-30",
     ["2022: ws22.md", "2023: ws23.md", "2024: ws24.md", "2025: ws25.md"]),
    # Newest first: before the newest one.
    (["2024: ws24.md", "2023: ws23.md", "2022: ws22.md"], "ws23", "2025-03-30",
     ["2025: ws25.md", "2024: ws24.md", "2023: ws23.md", "2022: ws22.md"]),
    # Newest first, a gap filled: between the two it falls between.
    (["2024: ws24.md", "2022: ws22.md"], "ws22", "2023-03-30",
     ["2024: ws24.md", "2023: ws23.md", "2022: ws22.md"]),
    # A section counts by its first page.
    (["2024:\n      - About: ws24.md", "2022: ws22.md"], "ws22", "2025-03-30",
     ["2025: ws25.md", "2024:\n      - About: ws24.md", "2022: ws22.md"]),
    # Not in order of their dates: right after FROM, as before.
    (["2023: ws23.md", "2024: ws24.md", "2022: ws22.md"], "ws23", "2025-03-30",
     ["2023: ws23.md", "2025: ws25.md", "2024: ws24.md", "2022: ws22.md"]),
])
def test_the_nav_line_goes_where_its_date_puts_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        entries: list[str], source: str, day: str, expected: list[str]) -> None:
    small_site(tmp_path)
    for year in (2022, 2023):
        if f"ws{year - 2000}.md" not in " ".join(entries):
            continue
        (tmp_path / f"docs/ws{year - 2000}.md").write_text(
            PAGE.replace("2024-03-30", f"{year}-03-30").replace("2024-03-31",
                                                                f"{year}-03-31"),
            encoding="utf-8")
    (tmp_path / "docs/about.md").write_text("# About\n", encoding="utf-8")

    def nav(items: list[str]) -> str:
        return SITE.split("nav:\n")[0] + EDITIONS_NAV.format(
            entries="\n".join(f'    - "{e.split(":")[0]}":{e.split(":", 1)[1]}' for e in items))

    (tmp_path / "mkdocs.yml").write_text(nav(entries), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    target = f"docs/ws{day[2:4]}.md"
    assert main(["new-edition", f"docs/{source}.md", target, "--date", day]) == 0
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == nav(expected)
    assert "mkdocs.yml: the nav gains" in capsys.readouterr().out


def test_the_new_papers_file_is_never_written_through_a_link(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A link where the new papers file goes (ws25-papers.csv -> somewhere) would have been
    written through: a file made outside the docs folder, and the call pointed at it."""
    small_site(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "docs/ws24-papers.csv").write_text("title,authors\nA,B\n", encoding="utf-8")
    (tmp_path / "docs/ws24-posters.csv").write_text("title,authors\nC,D\n", encoding="utf-8")
    (tmp_path / "docs/ws25-papers.csv").symlink_to(outside / "planted.csv")  # leads nowhere
    (tmp_path / "docs/ws25-posters.csv").symlink_to("ws24-papers.csv")  # a file of the docs
    page = tmp_path / "docs/ws24.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<< papers("ws24-papers.csv") >>\n'
                    '\n<< papers("ws24-posters.csv") >>\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["new-edition", "docs/ws24.md", "docs/ws25.md", "--date", "2025-03-30"]) == 0
    assert list(outside.iterdir()) == []
    new = (tmp_path / "docs/ws25.md").read_text(encoding="utf-8")
    assert '<< papers("ws24-papers.csv") >>' in new  # kept, and said
    assert '<< papers("ws25-posters.csv") >>' in new  # a link inside the docs folder: read
    out = capsys.readouterr().out
    assert "docs/ws25-papers.csv is a link that leads outside the docs folder or to no file, " \
        "and new-edition writes through no link." in out
    assert "docs/ws25-posters.csv exists: the calls read it as it is." in out
