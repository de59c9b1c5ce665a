"""import-jekyll: a Jekyll workshop site becomes a MkDocs site, and nothing is lost."""

# ruff: noqa: RUF001  (full-width brackets and tildes are the text the tests read)
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
import yaml

from mkdocs_workshop.commands import main
from mkdocs_workshop.core.problems import Refused
from mkdocs_workshop.importers.common.freedates import parse_date_line, parse_free_date
from mkdocs_workshop.importers.common.newsite import REQUIREMENTS
from mkdocs_workshop.importers.jekyll.importer import import_site

from sitekit import ROOT, build_config, photo

SEEDS = ROOT / "tests" / "data" / "seeds"


@pytest.mark.parametrize(("text", "first", "last"), [
    ("April 8, 2024", date(2024, 4, 8), date(2024, 4, 8)),
    ("Aug 22, 2026", date(2026, 8, 22), date(2026, 8, 22)),
    ("Oct 16-18, 2024", date(2024, 10, 16), date(2024, 10, 18)),
    ("Aug 25-27, 2026", date(2026, 8, 25), date(2026, 8, 27)),
    ("May 26-27, 2022", date(2022, 5, 26), date(2022, 5, 27)),
    ("May 30 \u2013 June 2, 2024", date(2024, 5, 30), date(2024, 6, 2)),
    ("Monday, April 8, 2024", date(2024, 4, 8), date(2024, 4, 8)),
    ("8 April 2024", date(2024, 4, 8), date(2024, 4, 8)),
    ("Sept 3rd, 2024 (AoE)", date(2024, 9, 3), date(2024, 9, 3)),
    ("2024-04-08", date(2024, 4, 8), date(2024, 4, 8)),
    ("May 8th and 9th 2023", date(2023, 5, 8), date(2023, 5, 9)),
    ("8th and 9th of May 2023", date(2023, 5, 8), date(2023, 5, 9)),
    ("Dec 6 & 7, 2025", date(2025, 12, 6), date(2025, 12, 7)),
    ("11. October 2021", date(2021, 10, 11), date(2021, 10, 11)),
    ("Monday, 11. October 2021 (Monday)", date(2021, 10, 11), date(2021, 10, 11)),
    ("2025年9月9日（火）", date(2025, 9, 9), date(2025, 9, 9)),
    ("2025年9月9日(火)", date(2025, 9, 9), date(2025, 9, 9)),
    ("2025년 9월 9일 (화)", date(2025, 9, 9), date(2025, 9, 9)),
    ("2025年9月30日〜10月1日", date(2025, 9, 30), date(2025, 10, 1)),
    ("June 13th 2022 to June 17th 2022", date(2022, 6, 13), date(2022, 6, 17)),
    ("Dec 30, 2025 - Jan 2, 2026", date(2025, 12, 30), date(2026, 1, 2)),
])
def test_free_text_dates(text: str, first: date, last: date) -> None:
    found = parse_free_date(text)
    assert found is not None and (found.first, found.last) == (first, last)


@pytest.mark.parametrize("text", ["TBD", "April 31, 2024", "Oct 18-16, 2024", "Spring 2024",
                                  "May 16", "May 8 and 10, 2023", "December 11/12, 2026",
                                  "Dec 30, 2026 - Jan 2, 2026"])
def test_what_is_not_a_date(text: str) -> None:
    assert parse_free_date(text) is None


def test_date_lines_label_first_or_date_first() -> None:
    line = parse_date_line("- February 28, 2022: Submission Date")
    assert line is not None and line.label == "Submission Date"
    assert line.date.first == date(2022, 2, 28)
    line = parse_date_line("* **Paper Submission Deadline**: May 16, 2024, 11:59 PM AoE")
    assert line is not None and line.label == "Paper Submission Deadline"
    assert line.date.time is not None and line.date.zone == "AoE"
    # A struck date followed by the new one: the first date, extended to the second.
    line = parse_date_line("- Deadline: ~~May 1~~ May 8, 2024")
    assert line is not None and line.date.first == date(2024, 5, 1)
    assert line.extended is not None and line.extended.first == date(2024, 5, 8)


@pytest.mark.parametrize(("line", "label", "first", "extended"), [
    ("Submission Open 10 July 2025 (AoE)", "Submission Open", date(2025, 7, 10), None),
    ("September 6, 2024 Papers Submission", "Papers Submission", date(2024, 9, 6), None),
    ("Oct 16-18, 2024 Workshop days", "Workshop days", date(2024, 10, 16), None),
    ("Deadline <s>May 1, 2024</s> May 8, 2024", "Deadline", date(2024, 5, 1), date(2024, 5, 8)),
])
def test_date_lines_with_nothing_between_label_and_date(
        line: str, label: str, first: date, extended: date | None) -> None:
    found = parse_date_line(line)
    assert found is not None and (found.label, found.date.first) == (label, first)
    assert (found.extended.first if found.extended else None) == extended


@pytest.mark.parametrize("line", ["In 2024 we met on May 5, 2024 and talked", "May 5, 2024",
                                  "Just text"])
def test_prose_with_a_date_is_no_date_line(line: str) -> None:
    assert parse_date_line(line) is None


def jekyll_site(root: Path) -> Path:
    """A two-edition Jekyll series in the seeds' format, with a few more of its habits."""
    site = root / "jekyll"
    (site / "_layouts").mkdir(parents=True)
    (site / "_layouts" / "icml24.html").write_text("<html>{{ content }}</html>")
    (site / "_config.yml").write_text("title: AI for Science\nurl: https://example.org\n"
                                      "baseurl: /ai4science\n")
    shutil.copy(SEEDS / "icml24.md", site / "icml24.md")
    shutil.copy(SEEDS / "iclr24.md", site / "index.md")
    images = site / "assets" / "images"
    images.mkdir(parents=True)
    (images / "max.png").write_bytes(photo(color=(200, 30, 30)))
    (images / "bing.jpeg").write_bytes(photo(color=(30, 200, 30), fmt="JPEG"))
    (images / "marinka.png").write_bytes(photo(color=(30, 30, 200)))
    (site / "2023").mkdir()
    (site / "2023" / "neurips.md").write_text(textwrap.dedent("""\
        ---
        layout: neurips23
        title: AI for Science 2023
        permalink: /neurips23/
        team:
          - name: Marinka Zitnik (Moderator)
            image: /assets/images/marinka.png
          - name: Max Welling
            image: ../assets/images/max.png
        ---

        # Panel

        {% include team.html %}

        ![group photo]({{ site.baseurl }}/assets/images/max.png)

        {% comment %} remember to update the panel {% endcomment %}

        ## Important Dates (Anywhere on Earth)

        - February 28, 2022: Submission Date
        - Notification: Aug 25-27, 2026
        - Camera ready: to be announced
        - Workshop: May 26-27, 2022

        {% if site.show_sponsors %}
        Sponsors: {{ site.sponsors | join: ", " }}
        {% endif %}

        ```cpp
        std::cout << "hello";
        ```
        """))
    (site / "assets" / "style.css").write_text("body {}")
    return site


@pytest.fixture
def imported(tmp_path: Path) -> tuple[Path, Path, str]:
    source = jekyll_site(tmp_path)
    dest = tmp_path / "site"
    report = import_site(source, dest)
    return source, dest, report.render()


def front(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def test_pages_go_where_their_permalink_says(imported: tuple[Path, Path, str]) -> None:
    _source, dest, report = imported
    docs = dest / "docs"
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) == [
        "icml24.md", "index.md", "neurips23.md"]
    assert "layout" not in front(docs / "icml24.md")
    assert front(docs / "icml24.md")["title"] == (
        "AI for Science: Scaling in AI for Scientific Discovery")
    assert "Pages: 3 (2 with rosters or dates)" in report
    assert (dest / ".gitignore").read_text() == "# Made again by every build.\nsite/\n.cache/\n"
    assert (dest / "requirements.txt").read_text() == REQUIREMENTS  # what the workflow installs


def test_every_roster_entry_is_kept_and_comments_survive(
        imported: tuple[Path, Path, str]) -> None:
    _source, dest, report = imported
    icml = front(dest / "docs" / "icml24.md")
    assert [len(icml[k]) for k in ("speakers", "Panelist", "Organizers")] == [5, 2, 11]  # type: ignore[arg-type]
    text = (dest / "docs" / "icml24.md").read_text(encoding="utf-8")
    assert "#   - name: Sara Beery" in text  # commented out: still a comment, still out
    assert "People: 20 in rosters; 6 commented out in the source, left out as in Jekyll" \
        in report
    neurips = front(dest / "docs" / "neurips23.md")
    assert neurips["team"][0] == {"name": "Marinka Zitnik", "role": "Moderator",  # type: ignore[index]
                                  "image": "assets/images/marinka.png"}
    assert "role split from the name: Marinka Zitnik (Moderator)" in report


def test_includes_become_team_macros(imported: tuple[Path, Path, str]) -> None:
    _source, dest, _report = imported
    icml = (dest / "docs" / "icml24.md").read_text(encoding="utf-8")
    for roster in ("speakers", "Panelist", "Organizers"):
        assert f'\n\n<< team("{roster}") >>\n\n' in icml
    assert "include team.html" not in icml
    assert '<< team("team") >>' in (dest / "docs" / "neurips23.md").read_text()


def test_every_date_line_is_converted_or_kept(imported: tuple[Path, Path, str]) -> None:
    _source, dest, report = imported
    icml = front(dest / "docs" / "icml24.md")
    assert icml["dates"] == [
        {"Abstract Submission Deadline": date(2024, 4, 8)},
        {"Paper Submission Deadline": date(2024, 5, 16)},
        {"what": "Review Bidding Period", "start": date(2024, 10, 16),
         "end": date(2024, 10, 18)},
        {"Reviewer Deadline": date(2024, 6, 11)},
        {"Acceptance Notification Date": date(2024, 6, 14)},
        {"Workshop Date": date(2024, 7, 16)},
    ]
    # The venue and year from the page's address (icml24), the day from its dates.
    assert icml["workshop"] == {"venue": "ICML 2024", "date": date(2024, 7, 16)}
    body = (dest / "docs" / "icml24.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    assert "# Tentative Important Dates (Anywhere on Earth)\n\n<< dates() >>\n" in body
    assert "April 8, 2024" not in body
    neurips = front(dest / "docs" / "neurips23.md")
    assert neurips["dates"] == [  # date first, ranges across days; a day not known yet
        {"Submission Date": date(2022, 2, 28)},
        {"what": "Notification", "start": date(2026, 8, 25), "end": date(2026, 8, 27)},
        {"what": "Camera ready", "when_text": "to be announced"},  # where the source has it
        {"what": "Workshop", "start": date(2022, 5, 26), "end": date(2022, 5, 27)}]
    text = (dest / "docs" / "neurips23.md").read_text()
    assert "to be announced" not in text.split("---\n", 2)[2]  # in the list, not beside it
    assert "date: Camera ready: to be announced (no day yet: when_text)" in report
    assert "Dates converted: 10; lines kept as written: 0" in report


def test_liquid_renders_as_in_jekyll(imported: tuple[Path, Path, str]) -> None:
    """What Jekyll hides (a Liquid comment, an ``if`` on a setting the site lacks) is not
    shown; a loop inside an HTML comment shows nothing; text that only looks like a macro is
    kept as text."""
    _source, dest, _report = imported
    text = (dest / "docs" / "neurips23.md").read_text()
    assert "remember to update the panel" not in text
    assert "Sponsors" not in text and "site.sponsors" not in text
    assert '{% raw %}std::cout << "hello";{% endraw %}' in text
    assert "![group photo](assets/images/max.png)" in text
    icml = (dest / "docs" / "icml24.md").read_text()
    assert "{%" not in icml.replace("{% raw %}", "").replace("{% endraw %}", "")
    assert "StudentOrganizers" not in icml.split("---\n", 2)[2]


def test_images_are_copied_once_and_missing_ones_reported(
        imported: tuple[Path, Path, str]) -> None:
    _source, dest, report = imported
    images = sorted(p.name for p in (dest / "docs" / "assets" / "images").iterdir())
    assert images == ["bing.jpeg", "marinka.png", "max.png"]
    neurips = (dest / "docs" / "neurips23.md").read_text()
    assert "![group photo](assets/images/max.png)" in neurips
    assert "image: assets/images/max.png" in neurips
    assert "Images: 3 copied, 3 reused (same file), 15 missing" in report
    assert "icml24.md: assets/images/kevin.jpeg" in report


def test_mkdocs_yml(imported: tuple[Path, Path, str]) -> None:
    _source, dest, _report = imported
    config = yaml.safe_load((dest / "mkdocs.yml").read_text())
    assert config["site_name"] == "AI for Science"
    assert config["site_url"] == "https://example.org/ai4science/"
    # as good as a site init makes: no web fonts, light and dark palettes
    assert config["theme"]["name"] == "material" and config["theme"]["font"] is False
    assert [p["scheme"] for p in config["theme"]["palette"]] == ["default", "slate"]
    assert config["plugins"][1] == {"macros": {"j2_variable_start_string": "<<",
                                               "j2_variable_end_string": ">>"}}
    # Each edition by its venue and year (from its address), which tells them apart.
    assert config["nav"] == [
        {"Home": "index.md"},
        {"Editions": [{"ICML 2024": "icml24.md"}, {"NeurIPS 2023": "neurips23.md"}]}]


def test_the_result_builds_and_strict_fails_only_on_the_inputs_mistakes(
        imported: tuple[Path, Path, str]) -> None:
    _source, dest, report = imported
    built = build_config(dest / "mkdocs.yml")
    assert built.ok, built.messages()
    html = built.html("icml24.md")
    assert html.count('class="workshop-person"') == 18
    assert "Juan Felipe Carrasquilla Álvarez" in html and "ETH Zürich" in html
    dates = html[html.index('<div class="workshop-dates"'):]
    dates = dates[:dates.index('<p class="workshop-dates__zone"')]
    assert len(re.findall(r"<time datetime=", dates)) == 7  # six dates, one a period
    warnings = built.workshop()
    assert warnings, "the seed's own mistakes deserve warnings"
    for warning in warnings:
        text = warning.removeprefix("workshop: ")
        if "field 'image'" in text:
            ref = re.search(r"field 'image': '([^']+)'", text).group(1)  # type: ignore[union-attr]
            assert f": {ref}" in report  # listed under "Missing images"
        else:
            assert text in report, text
    assert any("Review Bidding Period" in w and "after the workshop" in w for w in warnings)
    strict = build_config(dest / "mkdocs.yml", strict=True)
    assert not strict.ok


def test_same_input_same_output(tmp_path: Path) -> None:
    source = jekyll_site(tmp_path)
    first, second = tmp_path / "a", tmp_path / "b"
    report_a = import_site(source, first).render().replace(str(first), "DEST")
    report_b = import_site(source, second).render().replace(str(second), "DEST")
    assert report_a == report_b
    files_a = {p.relative_to(first): p.read_bytes() for p in first.rglob("*") if p.is_file()}
    files_b = {p.relative_to(second): p.read_bytes() for p in second.rglob("*") if p.is_file()}
    assert files_a == files_b


def test_source_untouched_dest_protected_and_dry_run(tmp_path: Path) -> None:
    source = jekyll_site(tmp_path)
    before = {p: p.read_bytes() for p in source.rglob("*") if p.is_file()}
    with pytest.raises(Refused, match="never writes into its source"):
        import_site(source, source / "out")
    dest = tmp_path / "dest"
    dest.mkdir()
    (dest / "keep.txt").write_text("mine")
    with pytest.raises(Refused, match="is not empty"):
        import_site(source, dest)
    dry = import_site(source, tmp_path / "dry", dry_run=True)
    assert "dry run: nothing written" in dry.render()
    assert not (tmp_path / "dry").exists()
    import_site(source, dest, force=True)
    assert (dest / "keep.txt").read_text() == "mine" and (dest / "mkdocs.yml").is_file()
    assert before == {p: p.read_bytes() for p in source.rglob("*") if p.is_file()}


def test_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = jekyll_site(tmp_path)
    assert main(["import-jekyll", str(source), str(tmp_path / "out")]) == 0
    assert "Dates converted: 10" in capsys.readouterr().out
    assert main(["import-jekyll", str(source), str(tmp_path / "out")]) == 2
    assert "is not empty" in capsys.readouterr().err
    assert main(["import-jekyll", str(tmp_path / "nope"), str(tmp_path / "x")]) == 2
    run = subprocess.run([sys.executable, "-m", "mkdocs_workshop", "import-jekyll", "--dry-run",
                          str(source), str(tmp_path / "y")], capture_output=True, text=True,
                         check=False)
    assert run.returncode == 0 and "dry run" in run.stdout and not run.stderr


def test_broken_front_matter_is_carried_over_and_reported(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "bad.md").write_text("---\nspeakers:\n  - name: A\n\taff: B\n---\n\nHi\n")
    report = import_site(source, tmp_path / "out").render()
    assert "front matter is not valid YAML" in report
    assert "It is kept as text at the top of the page" in report
    text = (tmp_path / "out/docs/bad.md").read_text()
    # Not front matter any more (MkDocs would show it as text, and read its Liquid as Jinja),
    # but a code block that shows it as written.
    assert not text.startswith("---")
    assert "```yaml\nspeakers:\n  - name: A\n\taff: B\n```\n\nHi\n" in text


def test_pages_with_empty_front_matter_are_pages(tmp_path: Path) -> None:
    """Jekyll's rule: a first line '---' starts front matter, which may be empty."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "index.md").write_text("---\n---\n# Home\n\nWelcome\n")
    (source / "about.html").write_text("---\n---\n<h1>About us</h1>\n")
    (source / "blank.md").write_text("--- \n\n...\nBlank lines between.\n")
    (source / "dates.md").write_text("---\n---\n## Important Dates\n\n- Deadline: May 1, 2024\n")
    (source / "short.md").write_text("---\ntitle: Short\n---")  # no line break at the end
    (source / "open.md").write_text("---\ntitle: never closed\n\nText.\n")
    # GitHub Pages publishes Markdown without front matter (its optional-front-matter
    # plugin), but for a repository's own files; other files are copied as they are.
    (source / "plain.md").write_text("No front matter.\n")
    (source / "LICENSE.md").write_text("MIT\n")
    (source / "plain.txt").write_text("Text.\n")
    dest = tmp_path / "out"
    report = import_site(source, dest)
    assert sorted(p.dest for p in report.pages) == [
        "about.md", "blank.md", "dates.md", "index.md", "open.md", "plain.md", "short.md"]
    assert report.skipped_files == 1  # LICENSE.md; a .txt is a file, not a page
    assert "no home page" not in report.render()
    docs = dest / "docs"
    # An empty block is not written: MkDocs would show its two '---' lines as text.
    assert (docs / "index.md").read_text() == "# Home\n\nWelcome\n"
    assert (docs / "about.md").read_text() == "<h1>About us</h1>\n"
    assert (docs / "blank.md").read_text() == "Blank lines between.\n"
    assert (docs / "dates.md").read_text().startswith("---\ndates:\n- Deadline: 2024-05-01\n---\n")
    assert yaml.safe_load((docs / "short.md").read_text().split("---\n")[1]) == {"title": "Short"}
    # Jekyll publishes a page whose front matter never ends, all of it as text.
    assert (docs / "open.md").read_text() == "---\ntitle: never closed\n\nText.\n"
    assert "no line ends the front matter: as in Jekyll, the whole file" in report.render()
    assert build_config(dest / "mkdocs.yml").ok
    home = (dest / "site" / "index.html").read_text()
    assert "Welcome" in home and "---" not in home.split('class="md-content"')[1]


def test_posts_and_collections(tmp_path: Path) -> None:
    """Jekyll publishes posts and the documents of collections with output: true; the
    import makes pages of the second, and names every folder it leaves out."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "_config.yml").write_text(yaml.safe_dump({
        "title": "Series",
        "collections": {"speakers": {"output": True, "permalink": "/:collection/:name/"},
                        "members": {"output": False}, "posts": {"output": True}}}))
    (source / "index.md").write_text("---\ntitle: Home\n---\n\nHome\n")
    for n in range(12):
        (source / "_posts" / f"2024-01-{n + 1:02}-news.md").parent.mkdir(exist_ok=True)
        (source / "_posts" / f"2024-01-{n + 1:02}-news.md").write_text("---\ntitle: N\n---\nN\n")
    (source / "blog" / "_posts").mkdir(parents=True)
    (source / "blog" / "_posts" / "2024-02-01-x.md").write_text("---\n---\nX\n")
    (source / "_speakers" / "2024").mkdir(parents=True)
    (source / "_speakers" / "ada.md").write_text(
        "---\ntitle: Ada Lovelace\ntemplate: redirect.html\n---\n\nAbout Ada << x >>\n")
    (source / "_speakers" / "2024" / "grace.md").write_text(
        "---\ntitle: Grace\npermalink: /people/grace/\n---\n\nGrace\n")
    (source / "_speakers" / "notes.txt").write_text("not a page")
    (source / "_members").mkdir()
    (source / "_members" / "bob.md").write_text("---\ntitle: Bob\n---\n")
    (source / "_data").mkdir()
    (source / "_data" / "people.yml").write_text("- name: A\n")
    (source / "_misc").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "secret.md").write_text("---\ntitle: S\n---\n")
    (source / "_linked").symlink_to(tmp_path / "elsewhere")
    dest = tmp_path / "out"
    report = import_site(source, dest)
    text = report.render()
    pages = {p.source: (p.dest, p.collection) for p in report.pages}
    assert pages == {"index.md": ("index.md", None),
                     "_speakers/ada.md": ("speakers/ada.md", "speakers"),
                     "_speakers/2024/grace.md": ("people/grace.md", "speakers")}
    assert "not imported: _posts/ (12 files): Jekyll posts are not workshop pages; copy " \
        "them by hand if you want them" in text
    assert "not imported: blog/_posts/ (1 file): Jekyll posts" in text
    assert "not imported: _members/ (1 file): a collection Jekyll does not publish as " \
        "pages (its output is not true)." in text
    assert "not imported: _data/ (1 file): Jekyll data files" in text
    assert "not imported: _misc/ (0 files): Jekyll does not publish folders" in text
    assert "not imported: _linked/ (a link to a folder): Jekyll does not publish" in text
    assert "dropped: template 'redirect.html'" in text  # the same rules as any page
    ada = (dest / "docs" / "speakers" / "ada.md").read_text()
    assert "template:" not in ada and "{% raw %}About Ada << x >>{% endraw %}" in ada
    nav = yaml.safe_load((dest / "mkdocs.yml").read_text())["nav"]
    assert nav == [{"Home": "index.md"},
                   {"speakers": [{"Ada Lovelace": "speakers/ada.md"},
                                 {"Grace": "people/grace.md"}]}]
    assert build_config(dest / "mkdocs.yml").ok
