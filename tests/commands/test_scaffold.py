"""mkdocs-workshop init: a new site that builds with --strict at once, and serves."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

from mkdocs_workshop.commands import main
from mkdocs_workshop.features.page import find_calls
from mkdocs_workshop.importers.common.deploy import WORKFLOW_PATH, workflow_text
from mkdocs_workshop.importers.common.newsite import GITIGNORE
from mkdocs_workshop.site.schemas import SCHEMA_DIR

from sitekit import build_config, fetch, free_port, run_mkdocs, wait_for

OPTIONS = ["--title", "AI for Science", "--venue", "ICML 2025", "--date", "2025-07-18",
           "--location", "Vancouver, Canada", "--timezone", "America/Vancouver"]


@pytest.fixture
def made(tmp_path: Path) -> Path:
    dest = tmp_path / "site"
    assert main(["init", str(dest), *OPTIONS]) == 0
    return dest


def test_init_writes_a_site_that_builds_with_strict(made: Path) -> None:
    assert sorted(p.relative_to(made).as_posix() for p in made.rglob("*") if p.is_file()) == [
        ".github/workflows/deploy.yml", ".gitignore", "docs/icml-2025.md", "docs/index.md",
        "docs/people.yml", "docs/stylesheets/extra.css", "mkdocs.yml", "requirements.txt",
        "schemas/page.schema.json", "schemas/people.schema.json"]
    config = yaml.safe_load((made / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "AI for Science"
    assert config["theme"]["font"] is False  # nothing from Google
    assert [p["scheme"] for p in config["theme"]["palette"]] == ["default", "slate"]
    assert [p["media"] for p in config["theme"]["palette"]] == [
        "(prefers-color-scheme: light)", "(prefers-color-scheme: dark)"]
    assert config["plugins"] == ["search", {"macros": {"j2_variable_start_string": "<<",
                                                       "j2_variable_end_string": ">>"}},
                                 "workshop"]
    assert config["nav"] == [{"Home": "index.md"}, {"Editions": [{"ICML 2025": "icml-2025.md"}]}]
    # The same workflow and .gitignore as import-jekyll's, and the shipped schemas.
    assert (made / WORKFLOW_PATH).read_text(encoding="utf-8") == workflow_text()
    assert (made / ".gitignore").read_text(encoding="utf-8") == GITIGNORE
    # mkdocs-workshop is not on PyPI yet: the site installs it from its repository.
    needed = [line for line in (made / "requirements.txt").read_text(encoding="utf-8")
              .splitlines() if line and not line.startswith("#")]
    assert [Requirement(line).url for line in needed] == [
        "git+https://github.com/mkdocs-workshop/mkdocs-workshop"]
    assert "pip install -r requirements.txt" in workflow_text()
    assert (made / "schemas/people.schema.json").read_text(encoding="utf-8") == (
        SCHEMA_DIR / "people.schema.json").read_text(encoding="utf-8")
    people = (made / "docs/people.yml").read_text(encoding="utf-8")
    assert people.startswith("# yaml-language-server: $schema=../schemas/people.schema.json\n")
    assert yaml.safe_load(people) is None  # empty: every line a comment

    run = run_mkdocs(made, "build", "--strict")
    assert run.returncode == 0, run.output
    assert "WARNING" not in run.output and "ERROR" not in run.output
    home = (made / "site/index.html").read_text(encoding="utf-8")
    # The home page lists the edition, upcoming (built on 2024-05-01), with its next date.
    assert re.search(r'<h3 class="workshop-editions__group">Upcoming</h3>', home)
    assert re.search(r'class="workshop-edition__title" href="icml-2025/">AI for Science</a>',
                     home)
    edition = (made / "site/icml-2025/index.html").read_text(encoding="utf-8")
    assert '<span class="workshop-header__venue">ICML 2025</span>' in edition
    assert '<time datetime="2025-07-18">Friday, July 18, 2025</time>' in edition
    assert '<span class="workshop-header__where">Vancouver, Canada</span>' in edition
    assert '<span class="workshop-date__what">Workshop Date</span>' in edition
    # The sections that wait for data are not on the page, nor their comments.
    for absent in ("Invited speakers", "To be announced", "workshop-team", "Waiting for",
                   "Sponsors", "{#", "#}"):
        assert absent not in edition, absent


def test_the_sections_waiting_in_comments_build_once_filled_in(made: Path) -> None:
    """Uncommenting every key of the front matter and every section of the text, as the page
    says to, gives a page that builds with --strict and shows each part."""
    path = made / "docs/icml-2025.md"
    text = path.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    front = re.sub(r"^(\s*)# ((?:[a-z_]+:|  - |    \w+:|- |  \w+:)[^\n]*)", r"\1\2", front,
                   flags=re.M)
    front = front.replace("YYYY-MM-DD", "2025-05-16")
    body = re.sub(r"\{# Waiting for [^\n]*\n[^\n]*\n(.*?)#\}\n", r"\1", body, flags=re.S)
    path.write_text(front + "\n---\n" + body, encoding="utf-8")
    people = made / "docs/people.yml"  # its example person, whom the organizers name by id
    people.write_text(re.sub(r"^# ((?:ada-example:|  \w+:).*)$", r"\1",
                             people.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    logo = made / "docs/assets/sponsors/example-foundation.svg"
    logo.parent.mkdir(parents=True)
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
                    '<rect width="120" height="40" fill="#3a5"/></svg>', encoding="utf-8")
    (made / "docs/papers.csv").write_text(
        "title,authors,decision\nA first paper (example),Ada Example,Poster\n", encoding="utf-8")
    assert not re.search(r"^\s*#\s*[a-z_]+:", front, re.M)  # every commented key is back
    assert "\nspeakers:" in front and "\n  - name: Ada Example" in front

    built = build_config(made / "mkdocs.yml", strict=True)
    assert built.ok, built.failure
    html = built.html("icml-2025.md")
    for shown in ("Invited speakers", "Ada Example", "Alan Example", "Grace Example",
                  "Opening remarks", "A first paper (example)", "Example Foundation",
                  "Paper Submission Deadline", "Submit a paper"):
        assert shown in html, shown


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err == (f"mkdocs-workshop: {tmp_path} is not empty; init writes a new site into an "
                   "empty or new folder only.\n")
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


@pytest.mark.parametrize(("args", "message"), [
    (["--date", "2025-02-30"], "--date: '2025-02-30' is not a date; write it as YYYY-MM-DD "
                               "(2027-07-16)."),
    (["--date", "July 18"], "--date: 'July 18' is not a date; write it as YYYY-MM-DD "
                            "(2027-07-16)."),
    (["--timezone", "Europe/Viena"], "--timezone: 'Europe/Viena' is not a time zone. Did you "
                                     "mean 'Europe/Vienna'? Use AoE, UTC, or an IANA name such "
                                     "as Europe/Vienna."),
    (["--title", "  "], "--title is empty; give it some text, or leave the option out."),
])
def test_bad_options_are_one_line_and_write_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
        message: str) -> None:
    dest = tmp_path / "new"
    assert main(["init", str(dest), *args]) == 2
    assert capsys.readouterr().err == f"mkdocs-workshop: {message}\n"
    assert not dest.exists()


def test_without_options_the_site_builds_and_the_edition_waits_for_its_date(
        tmp_path: Path) -> None:
    dest = tmp_path / "bare"
    assert main(["init", str(dest)]) == 0
    assert (dest / "docs/edition.md").is_file()
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.failure
    assert "Date to be announced" in built.html()


def test_option_text_never_becomes_markup_or_a_template(tmp_path: Path) -> None:
    dest = tmp_path / "hostile"
    title = "<script>alert(1)</script> {{ 7*7 }} {% raw %} << x >> {# c #} R&D"
    assert main(["init", str(dest), "--title", title, "--venue", "<b>V</b> 2025",
                 "--location", "{% include 'x' %}", "--date", "2025-07-18"]) == 0
    built = build_config(dest / "mkdocs.yml", strict=True)
    assert built.ok, built.failure
    for page in ("index.md", "b-v-b-2025.md"):
        html = built.html(page)
        assert "<script>alert(1)" not in html and "<b>V</b>" not in html
        assert "49" not in re.sub(r"<[^>]+>", "", html.split('<div class="md-content"')[1])
    assert "&lt;b&gt;V&lt;/b&gt; 2025" in built.html("b-v-b-2025.md")
    shown = ("&lt;script&gt;alert(1)&lt;/script&gt; &#123;&#123; 7*7 &#125;&#125; &#123;% raw "
             "%&#125; &lt;&lt; x &gt;&gt; &#123;# c #&#125; R&amp;D")
    for page in ("index.md", "b-v-b-2025.md"):  # each page's heading shows the title as typed
        assert re.findall(r'<h1[^>]*>(.*?)(?:<a class="headerlink"|</h1>)',
                          built.html(page)) == [shown]
    assert "{% include &#39;x&#39; %}" in built.html("b-v-b-2025.md")


def test_a_call_in_a_jinja_comment_is_not_a_call() -> None:
    body = 'Text\n\n{# waiting:\n<< team("speakers") >>\n#}\n\n<< dates() >>\n'
    assert [(c.name, c.line) for c in find_calls(body)] == [("dates", 7)]
    assert [c.name for c in find_calls(body, comment_start="{##", comment_end="##}")] == [
        "team", "dates"]


def test_the_new_site_serves(made: Path) -> None:
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=made, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_for(lambda: "workshop-editions" in fetch(url), "the home page")
        assert "ICML 2025" in fetch(url + "icml-2025/")
    finally:
        server.terminate()
        server.wait(timeout=30)
