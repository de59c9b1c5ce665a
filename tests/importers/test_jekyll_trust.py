"""import-jekyll treats its source as untrusted: nothing in it runs when the new site is built,
nothing is read from outside it, nothing is written outside DEST, and no input ends in a
traceback or a hang."""

from __future__ import annotations

import dataclasses
import os
import re
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jinja2 import nodes

from mkdocs_workshop.commands import main
from mkdocs_workshop.core.problems import Refused
from mkdocs_workshop.importers.common.escape import (
    DELIMITERS,
    escape_runs,
    has_delimiter,
    html_text,
    html_value,
    markdown_text,
    neutral_title,
)
from mkdocs_workshop.importers.common.paths import safe_segments
from mkdocs_workshop.importers.common.sitefiles import MAX_LINE
from mkdocs_workshop.importers.jekyll.body import convert_body, drop_call_wrappers
from mkdocs_workshop.importers.jekyll.frontmatter import CONTROL_KEYS, HTML_KEYS, unwritable
from mkdocs_workshop.importers.jekyll.importer import PageReport, Report, import_site

from sitekit import photo, run_mkdocs

SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def payload(markers: Path, name: str) -> str:
    """Python that makes the folder markers/name, reached from a Jinja global."""
    return f"cycler.__init__.__globals__.os.makedirs('{markers / name}')"


def hostile_site(root: Path, markers: Path) -> Path:
    """A Jekyll site written to break out: every way in that the importer had, and more."""
    site = root / "jekyll"
    outside = root / "outside"
    outside.mkdir(parents=True)
    (outside / "secret.md").write_text("---\ntitle: Secret\n---\n\nTOP-SECRET page\n")
    (outside / "secret.png").write_bytes(photo(color=(1, 2, 3)) + b"TOP-SECRET")
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "logo (1).png").write_bytes(photo(color=(200, 30, 30)))
    os.symlink(outside / "secret.png", site / "assets" / "leak.png")
    os.symlink(outside / "secret.md", site / "leak.md")
    os.symlink(outside, site / "linked-folder")
    (site / "_config.yml").write_text(yaml.safe_dump({
        "title": f"Evil << {payload(markers, 'site-name')} >> </title><script>alert(1)</script>",
        "description": 'x" onload="alert(2)',
        "url": "javascript:alert(3)",
    }))

    def p(name: str) -> str:
        return payload(markers, name)

    (site / "talks.md").write_text(textwrap.dedent(f"""\
        ---
        layout: default
        title: "<< {p('title')} >> and {{% set x = {p('title-set')} %}}"
        speakers:
          - name: Ada Lovelace
        ---

        # Talks

        {{% include team.html id="speakers" %}}

        {{% include team.html id='speakers") >> << {p('include-quote')} >> << team("speakers' %}}

        {{% include team.html id="nobody" %}}

        {{% endraw %}}<< {p('endraw')} >>

        {{%+ endraw %}}<< {p('endraw-plus')} >>

        {{%- endraw -%}}<< {p('endraw-minus')} >>

        {{{{ site.title }}}} {{%+ endraw %}} << {p('line-with-endraw')} >>

        {{% raw %}}<< {p('in-raw')} >> {{%+ endraw %}}<< {p('after-plus')} >>{{% endraw %}}

        {{% raw %}}{{{{ shown }}}}{{% endraw %}}<< {p('after-raw')} >>

        {{% set x = {p('set')} %}}

        {{# a comment #}} <<< {p('triple')} >>>

        <!-- {{% endraw %}} << {p('html-comment')} >> -->

        {{% comment %}} --> <script>alert("comment")</script> {{% endcomment %}}

        {{% if site.x %}}
        {{% include team.html id="speakers" %}}
        << {p('block-with-include')} >>
        {{% endif %}}

        ```cpp
        std::cout << "hello" << std::endl; // {{{{ not liquid }}}}
        ```

        \x00MACRO0\x00 and \x00RAW0\x00

        <img src="/assets/logo (1).png">
        ![escape](/assets/../../outside/secret.png)
        ![linked](/assets/leak.png)
        ![folder](/linked-folder/secret.png)
        ![config](/_config.yml)
        """))
    (site / "climb.md").write_text("---\ntitle: Climb\npermalink: /../../sentinel/pwned/\n---\n\n"
                                   "Up.\n")
    (site / "back.md").write_text("---\ntitle: Back\npermalink: '\\..\\..\\sentinel\\back'\n"
                                  "---\n\nBack.\n")
    (site / "js.md").write_text("---\ntitle: 'x](javascript:alert(4)) [y'\n---\n\nJS.\n")
    (site / "dates.md").write_text(textwrap.dedent("""\
        ---
        title: Dates
        updated: 2024-02-30
        ---

        ## Important Dates

        - Paper Submission Deadline: May 16, 2024
        - Workshop: July 16, 2024
        """))
    (site / "deep.md").write_text("---\ndeep: " + "[" * 100_000 + "]" * 100_000
                                  + f"\n# << {p('deep')} >>\n---\n\nDeep.\n")
    bomb = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for n, name in enumerate("bcdefghi"):
        previous = "abcdefghi"[n]
        bomb.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    (site / "bomb.md").write_text("---\n" + "\n".join(bomb) + "\n---\n\nBomb.\n")
    (site / "comment-only.md").write_text(f"---\n# << {p('comment-only')} >>\n---\n\nC.\n")
    (site / "list.md").write_text(f"---\n- << {p('list')} >>\n---\n\nList.\n")
    (site / "invalid.md").write_text(f"---\ntitle: << {p('invalid')} >>\n\tbad: [\n---\n\nI.\n")
    (site / "big-number.md").write_text("---\ntitle: Big\nbig: 1" + "0" * 5000
                                        + f"\n# << {p('big-number')} >>\n---\n\nBig.\n")
    (site / "<<evil>>.md").write_text("---\nlayout: x\n---\n\nNo title.\n")
    (site / "latin1.md").write_bytes(b"---\ntitle: Caf\xe9\n---\n\nx\n")
    return site


def snapshot(root: Path, *, leave_out: Path) -> dict[str, tuple[bool, int, int]]:
    """Every name under ``root`` but ``leave_out``, with its kind, size and mtime."""
    found = {}
    for path in root.rglob("*"):
        if path == leave_out or leave_out in path.parents:
            continue
        info = path.lstat()
        found[path.relative_to(root).as_posix()] = (path.is_symlink(), info.st_size,
                                                     info.st_mtime_ns)
    return found


def test_a_hostile_site_imports_and_builds_and_nothing_runs_or_leaks(tmp_path: Path) -> None:
    markers = tmp_path / "markers"
    source = hostile_site(tmp_path, markers)
    sentinel = tmp_path / "sentinel"
    sentinel.mkdir()
    (sentinel / "keep.txt").write_text("mine")
    dest = tmp_path / "work" / "site"
    dest.mkdir(parents=True)  # empty, as the import asks; its parent's mtime stays as it is
    before = snapshot(tmp_path, leave_out=dest)

    report = import_site(source, dest).render()
    built = run_mkdocs(dest, "build")

    assert built.returncode == 0, built.output
    assert not markers.exists(), sorted(p.name for p in markers.iterdir())
    assert snapshot(tmp_path, leave_out=dest) == before  # SOURCE and the sentinel untouched
    for path in dest.rglob("*"):
        assert not path.is_symlink()
        if path.is_file():
            assert b"TOP-SECRET" not in path.read_bytes(), path
    docs = dest / "docs"
    assert {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")} >= {
        "sentinel/pwned.md", "sentinel/back.md", "talks.md", "evil.md", "index.md"}
    assert sorted(p.name for p in (docs / "assets" / "images").iterdir()) == ["logo-1.png"]

    # The report says what was refused, kept or changed.
    assert "leak.md was not imported: it is a link to a file outside the site." in report
    assert "talks.md: /assets/../../outside/secret.png (outside the site)" in report
    assert "talks.md: /assets/leak.png (outside the site)" in report
    assert "talks.md: /linked-folder/secret.png (outside the site)" in report
    assert "linked-folder/ was not imported: it is a link to a folder" in report
    assert "talks.md: /_config.yml (not an image file)" in report
    assert "permalink '/../../sentinel/pwned/' made a safe path inside docs/: " \
        "docs/sentinel/pwned.md" in report
    # Liquid renders as Jekyll's (the site has no team.html: the list its parameter names is
    # shown by a macro); what is not Liquid is left out with its line; nothing of it runs.
    assert ("include 'team.html' is not in the site (a theme's): the list its parameters name "
            "(speakers) is shown in its place") in report
    assert "include 'team.html' is not in the site's _includes: it shows nothing" in report
    # {%+ endraw %}: python-liquid 2.3.6 refuses it while parsing (left out, "Jekyll stops on
    # it"); 2.3.2, the lowest pyproject.toml allows, passes over it while rendering (an error
    # of the source's Liquid, which Jekyll warns of or stops on): either way named, on its line
    assert re.search(r"Liquid: line 12: .*(?:\(Jekyll stops on it|\(an error in the source's "
                     r"Liquid: Jekyll warns of it or stops on it)", report)
    assert "the tag {% set %} (a plugin's) is not run: it shows nothing" in report
    assert report.count("a loop over the page's 'speakers' -> << team(\"speakers\") >>") == 1
    assert "the title holds template delimiters" in report
    assert "'2024-02-30' is not a date that exists; it is kept as text." in report
    assert "nests lists and mappings more than 64 levels deep" in report
    assert "expands to more than 500,000 values through its aliases" in report
    assert "'2024-02-30' written in quotes: MkDocs' YAML reader fails on it" in report
    assert "'10000000000" in report and "written in quotes" in report
    assert "latin1.md was not imported: it could not be read (not UTF-8 text: byte 14)" \
        in report
    assert "4 NUL character(s) in the text shown as \ufffd" in report
    assert "\x00" not in report

    site = dest / "site"
    talks = (site / "talks" / "index.html").read_text(encoding="utf-8")
    # What the source shows after Liquid shows as text, payloads included.
    assert "&lt;&lt; cycler.__init__.__globals__.os.makedirs(" in talks
    assert "{{ shown }}&lt;&lt; cycler" in talks  # inside {% raw %}: as written
    assert "std::cout &lt;&lt; &quot;hello&quot; &lt;&lt; std::endl; //" in talks
    assert 'alert("comment")' not in talks  # a Liquid comment shows nothing
    assert talks.count('class="workshop-person"') == 1  # the include naming the roster
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in talks  # {{ site.title }}: as text
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "x](javascript:alert(4)) [y" in index  # the title, shown as text
    everything = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert not re.search(r"(href|src)=[\"']?\s*javascript:", everything, re.I)
    assert "<script>alert(1)</script>" not in everything and "&lt;/title&gt;" in everything
    assert 'onload="alert(2)' not in everything


def test_the_payloads_do_run_when_live(tmp_path: Path) -> None:
    """The payloads above are not duds: written live into a page, the build runs them."""
    markers = tmp_path / "markers"
    site = tmp_path / "site"
    (site / "docs").mkdir(parents=True)
    (site / "mkdocs.yml").write_text(yaml.safe_dump({
        "site_name": "x", "plugins": [{"macros": {"j2_variable_start_string": "<<",
                                                   "j2_variable_end_string": ">>"}}]}))
    (site / "docs" / "index.md").write_text(
        f"---\ntitle: \"<< {payload(markers, 'title')} >>\"\n---\n\n"
        f"<< {payload(markers, 'body')} >>\n\n{{% set x = {payload(markers, 'set')} %}}\n")
    assert run_mkdocs(site, "build").returncode == 0
    assert sorted(p.name for p in markers.iterdir()) == ["body", "set", "title"]


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("dry_run", [False, True])
def test_source_and_dest_may_not_overlap(tmp_path: Path, force: bool, dry_run: bool,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    outer = tmp_path / "outer"
    source = outer / "docs"  # the GitHub Pages layout: the Jekyll site in docs/
    source.mkdir(parents=True)
    (source / "index.md").write_text("---\ntitle: Home\n---\n\nHi\n")
    link = tmp_path / "link"
    os.symlink(outer, link)  # the same folder by another name
    before = snapshot(tmp_path, leave_out=tmp_path / "none")
    with pytest.raises(Refused, match="is inside"):
        import_site(source, outer, force=force, dry_run=dry_run)
    with pytest.raises(Refused, match="never writes into its source"):
        import_site(source, source / "new", force=force, dry_run=dry_run)
    with pytest.raises(Refused, match="never writes into its source"):
        import_site(source, source, force=force, dry_run=dry_run)
    with pytest.raises(Refused, match="would write over its own source"):
        import_site(link / "docs", link, force=force, dry_run=dry_run)
    flags = ["--force"] * force + ["--dry-run"] * dry_run
    assert main(["import-jekyll", *flags, str(source), str(outer)]) == 2
    assert "would write over its own source" in capsys.readouterr().err
    assert snapshot(tmp_path, leave_out=tmp_path / "none") == before


def test_writing_never_follows_a_link_out_of_dest(tmp_path: Path) -> None:
    source = tmp_path / "src"
    (source / "assets").mkdir(parents=True)
    (source / "assets" / "a.png").write_bytes(photo())
    (source / "index.md").write_text("---\ntitle: Home\n---\n\n![a](assets/a.png)\n")
    (source / "talks.md").write_text("---\ntitle: Talks\n---\n\nTalks\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "victim.md").write_text("mine")
    dest = tmp_path / "dest"
    (dest / "docs").mkdir(parents=True)
    os.symlink(elsewhere / "victim.md", dest / "docs" / "index.md")  # a link where a page goes
    os.symlink(elsewhere, dest / "docs" / "assets")  # a folder link out of DEST
    os.symlink(elsewhere / "gone", dest / ".gitignore")  # a dangling link
    report = import_site(source, dest, force=True).render()
    assert (elsewhere / "victim.md").read_text() == "mine"
    assert sorted(p.name for p in elsewhere.iterdir()) == ["victim.md"]
    assert not (dest / "docs" / "index.md").is_symlink()
    assert (dest / "docs" / "index.md").read_text().startswith("---\ntitle: Home")
    assert "docs/assets/images/a.png was not written:" in report
    assert "is a link that leads out of" in report
    assert (dest / ".gitignore").is_symlink()  # the organizer's, kept, and not written through


def test_unreadable_files_are_reported_and_skipped(tmp_path: Path) -> None:
    source = tmp_path / "src"
    (source / "x.md").mkdir(parents=True)  # a folder with a page's name: walked, not read
    (source / "x.md" / "inner.md").write_text("---\ntitle: Inner\n---\n\nIn.\n")
    (source / "_config.yml").mkdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(source / "pipe.md")  # reading it would wait forever
    os.symlink(source / "gone.md", source / "broken.md")
    (source / "latin1.md").write_bytes(b"---\ntitle: Caf\xe9\n---\n")
    (source / "huge.md").write_bytes(b"---\ntitle: Huge\n---\n" + b"x" * 10_000_001)
    (source / "_draft.md").write_text("---\ntitle: Draft\n---\n")
    (source / "locked.md").write_text("---\ntitle: Locked\n---\n")
    (source / "locked.md").chmod(0)
    report = import_site(source, tmp_path / "out").render()
    root = getattr(os, "geteuid", lambda: -1)() == 0  # root reads any file
    assert {p.source for p in import_site(source, tmp_path / "o2").pages} == {
        "x.md/inner.md", *(["locked.md"] if root else [])}
    assert "_config.yml was not read: it is not a regular file" in report
    # A pipe is made where the system has them (every system the tests run on but Windows).
    assert ("pipe.md was not imported: it is not a regular file" in report) == hasattr(
        os, "mkfifo")
    assert "broken.md was not imported: it is not a regular file" in report
    assert "latin1.md was not imported: it could not be read (not UTF-8 text: byte 14)" \
        in report
    assert "huge.md was not imported: it is larger than 10,000,000 bytes" in report
    assert "_draft.md was not imported: Jekyll does not publish files" in report
    if not root:
        assert "locked.md was not imported: it could not be read (Permission denied)" in report


def test_titles_and_names_are_written_safely(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "_config.yml").write_text(yaml.safe_dump({
        "title": "A & B <i>{{x}}</i>", "url": "https://example.org", "baseurl": "/a b/../c"}))
    (source / "talks.md").write_text(
        "---\n# the title, kept with this comment\ntitle: 'Talks << x >> {% y %}'\n---\n\nT\n")
    (source / "js.md").write_text("---\ntitle: 'x](javascript:alert(1)) [y'\n---\n\nJS\n")
    import_site(source, tmp_path / "out")
    docs = tmp_path / "out" / "docs"
    talks = (docs / "talks.md").read_text()
    assert talks.startswith("---\n# the title, kept with this comment\n")
    title = yaml.safe_load(talks.split("---\n")[1])["title"]
    assert title == "Talks &lt;&lt; x &gt;&gt; &#123;% y &#37;}"
    config = yaml.safe_load((tmp_path / "out" / "mkdocs.yml").read_text())
    assert config["site_name"] == "A & B &lt;i&gt;&#123;&#123;x&#125;&#125;&lt;/i&gt;"
    assert config["site_url"] == "https://example.org/c/"
    assert config["nav"][1:] == [{"x](javascript:alert(1)) [y": "js.md"},
                                 {"Talks &lt;&lt; x &gt;&gt; &#123;% y %&#125;": "talks.md"}]
    index = (docs / "index.md").read_text()
    assert index.startswith("# A &amp; B &lt;i&gt;&#123;&#123;x&#125;&#125;&lt;/i&gt;\n")
    assert "- [x\\]\\(javascript:alert\\(1\\)\\) \\[y](js.md)\n" in index


@pytest.mark.parametrize(("permalink", "dest"), [
    ("/../../x", "x.md"),
    ("/a/../../b/", "b.md"),
    ("\\..\\..\\w", "w.md"),
    ("/a\x00b/c d/", "a-b/c-d.md"),
    ("/.hidden/x.html", "hidden/x.md"),
    ("/2024/index.html", "2024.md"),
    ("///", "index.md"),
    ("/caf\u00e9/", "caf\u00e9.md"),
    ("/<>/\U0001f600/", "page.md"),  # nothing to make a path of: not the home page
    ("/" + "\u5b57" * 99, "\u5b57" * 66 + ".md"),  # 200 bytes at most
])
def test_permalinks_become_safe_paths_inside_docs(tmp_path: Path, permalink: str,
                                                  dest: str) -> None:
    source = tmp_path / "src"
    source.mkdir()
    front = yaml.safe_dump({"title": "T", "permalink": permalink})
    (source / "page.md").write_text(f"---\n{front}---\n\nx\n")
    report = import_site(source, tmp_path / "out")
    assert [p.dest for p in report.pages] == [dest]
    assert (tmp_path / "out" / "docs" / dest).is_file()


def test_safe_segments() -> None:
    assert safe_segments("/../a/./b/../c\\..\\d") == ["a", "d"]
    assert safe_segments("a/<script>/x y") == ["a", "script", "x-y"]
    assert safe_segments("..") == []


def test_pages_whose_name_is_taken_in_another_case_or_as_a_folder(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    for name, permalink in [("a.md", "/x.md/y/"), ("b.md", "/x"), ("c.md", "/X/"),
                            ("d.md", "/x/")]:
        (source / name).write_text(f"---\ntitle: {name}\npermalink: {permalink}\n---\n\nx\n")
    report = import_site(source, tmp_path / "out")
    # x.md is the folder of the first page; x-2.md is taken by the second page, in any case.
    assert [p.dest for p in report.pages] == ["x.md/y.md", "x-2.md", "X-3.md", "x-4.md"]
    files = [p for p in (tmp_path / "out" / "docs").rglob("*.md") if p.is_file()]
    assert len(files) == 4 + 1  # and the index


# ---------------------------------------------------------------------------------------------
# convert_body, rendered as mkdocs-macros renders it


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []

    def macro(self, name: str) -> Callable[..., str]:
        def call(*args: Any, **kwargs: Any) -> str:
            assert not kwargs
            self.calls.append((name, args))
            return f"[{name}]"

        return call


def render_like_macros(text: str) -> tuple[str, list[tuple[str, tuple[Any, ...]]]]:
    """Render ``text`` as mkdocs-macros would, here: only team and dates known, nothing else
    allowed; every node of the template must be text or one of our two calls."""
    env = jinja2.Environment(variable_start_string="<<", variable_end_string=">>",
                             undefined=jinja2.StrictUndefined)
    tree = env.parse(text)
    for node in tree.body:
        assert isinstance(node, nodes.Output), node
        for child in node.nodes:
            if isinstance(child, nodes.TemplateData):
                continue
            assert isinstance(child, nodes.Call) and isinstance(child.node, nodes.Name), child
            assert child.node.name in ("team", "dates"), child
            assert all(isinstance(a, nodes.Const) and isinstance(a.value, str)
                       for a in child.args) and not child.kwargs, child
    recorder = Recorder()
    env.globals.clear()
    rendered = env.from_string(text).render(team=recorder.macro("team"),
                                            dates=recorder.macro("dates"))
    return rendered, recorder.calls


def no_images(ref: str) -> str | None:
    return None


delimiter_soup = st.text(alphabet="{}<>%#-+ \n\"'ae", max_size=60)
fragments = st.sampled_from([
    "{% endraw %}", "{%+ endraw %}", "{%- endraw -%}", "{% endraw -%}", "{%endraw%}",
    "{% ENDRAW %}", "<<", ">>", "{{", "}}", "{%", "%}", "{#", "#}", "<< team('x') >>",
    "<< config >>", "{% set x = 1 %}", "{# c #}", "{{ site.title }}", "{% if x %}",
    "{% endif %}", "\n", " ", "a", "endraw", "```\n", "<!--", "-->", "'", '"', "\\",
])
liquid_text = st.lists(st.one_of(fragments, delimiter_soup), max_size=12).map("".join)
roster_names = st.one_of(st.sampled_from(["speakers", "Panelist", "Student_Helpers", "a b-c"]),
                         st.text(alphabet="ab\"')>< %}{-_", max_size=12))
quotes = st.sampled_from(['"', "'", ""])


@st.composite
def include_tags(draw: st.DrawFn) -> tuple[str, str | None]:
    """An include tag, and the roster it names when that is certain (None: any outcome is
    fine, as long as nothing but a plain roster name of the page is called)."""
    name = draw(roster_names)
    quote = draw(quotes)
    tag = draw(st.sampled_from(["{% include team.html id=QNQ %}", "{%- include team.html "
                                "id=QNQ -%}", "{% include team.html id = QNQ layout=\"x\" %}"]))
    # Unquoted, Jekyll reads the name as a variable (id=speakers: nil): any outcome is fine.
    plain = quote and re.fullmatch(r"[\w \-]+", name) and quote not in name
    return tag.replace("QNQ", f"{quote}{name}{quote}"), name if plain else None


KEYS = {"speakers", "Panelist", "Student_Helpers", "a b-c", 'a"b', "a')"}


@SETTINGS
@given(liquid_text)
def test_delimiters_in_the_source_show_as_written_and_run_nothing(source: str) -> None:
    result = convert_body(source, no_images)
    rendered, calls = render_like_macros(result.text)
    assert calls == []
    if not re.search(r"raw|comment|include|baseurl|important|!\[|<img|\x00", source, re.I):
        assert rendered.strip("\n") == source.strip("\n")


@SETTINGS
@given(liquid_text, liquid_text)
def test_jekyll_raw_blocks_show_their_content_whatever_it_holds(before: str,
                                                                 content: str) -> None:
    source = f"{before}{{% raw %}}{content}{{% endraw %}}"
    result = convert_body(source, no_images)
    rendered, calls = render_like_macros(result.text)
    assert calls == []
    if not re.search(r"raw|comment|include|\{\{\s*site\.baseurl", before + content, re.I):
        assert rendered.strip("\n") == (before + content).strip("\n")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(include_tags(), liquid_text.map(lambda t: (t, "-"))), max_size=6))
def test_includes_call_team_only_with_plain_roster_names_of_the_page(
        parts: list[tuple[str, str | None]]) -> None:
    """A theme's team.html the site lacks, named with any roster name in any quoting, beside
    any Liquid: the page calls team() only with a plain key of its own front matter, and with
    each such name the source certainly gave."""
    import tempfile

    front = "".join(f"{yaml.safe_dump(key)[:-1].removesuffix(chr(10) + '...')}:\n"
                    "  - name: Ada\n" for key in sorted(KEYS))
    body = "\n\n".join(text for text, _name in parts)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "src"
        source.mkdir()
        (source / "index.md").write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")
        import_site(source, Path(folder) / "out")
        text = (Path(folder) / "out" / "docs" / "index.md").read_text(encoding="utf-8")
    _rendered, calls = render_like_macros(text.split("---\n", 2)[2])
    for name, args in calls:
        assert name == "team" and args[0] in KEYS and re.fullmatch(r"[\w \-]+", args[0])
    if all(name is not None for _text, name in parts) and not any(
            # a name after an unclosed "<!--" is in a comment: the source does not show it
            re.search(r"\{[{%]|<<|<!--|-->", text) for text, name in parts if name == "-"):
        expected = [name for _text, name in parts if name != "-" and name in KEYS]
        assert [args[0] for _name, args in calls] == expected


@SETTINGS
@given(st.text(max_size=40), liquid_text)
def test_titles_are_neutral_and_read_the_same(plain: str, soup: str) -> None:
    import html

    for title in (plain, soup, plain + soup):
        neutral = neutral_title(title)
        assert not has_delimiter(neutral)
        assert html.unescape(neutral) == html.unescape(title)
        for text in (html_text(title), markdown_text(title)):
            assert not has_delimiter(text) and "<" not in text and "\n" not in text


@SETTINGS
@given(st.text(max_size=40), liquid_text)
def test_values_the_theme_prints_are_text(plain: str, soup: str) -> None:
    import html

    for value in (plain, soup, plain + "&amp;" + soup):
        written = html_value(value)
        assert not re.search(r"[<>\"]", written)
        # Every & is a whole reference, or not followed by what could start one.
        whole = r"(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);"
        assert not re.search(rf"&(?!{whole}|[^#A-Za-z0-9])", written + " ")
        if "&" not in value:
            assert html.unescape(written) == value
        title = neutral_title(written)
        assert not has_delimiter(title) and html.unescape(title) == html.unescape(written)


def test_runs_are_escaped_whole() -> None:
    assert escape_runs("a {{{% b %}} c") == "a {% raw %}{{{%{% endraw %} b {% raw %}%}}" \
        "{% endraw %} c"
    assert escape_runs("100% <b> ## x") == "100% <b> ## x"
    assert all(d in escape_runs(d) for d in DELIMITERS)


def test_a_dates_list_still_becomes_the_dates_macro() -> None:
    source = "## Important Dates\n\n- Deadline: May 16, 2024\n- Other: {{ x }}\n"
    result = convert_body(source, no_images)
    rendered, calls = render_like_macros(result.text)
    assert calls == [("dates", ())]
    assert "- Other: {{ x }}" in rendered


yaml_lines = st.lists(st.one_of(
    st.sampled_from(["title: x", "title: << x >>", "title: '{% x %}'", "title: |\n  a\n  {{ b }}",
                     "layout: post", "permalink: /../x/", "permalink: ''", "speakers:",
                     "  - name: A (B)", "    image: /assets/../../x.png", "- a", "# << c >>",
                     "d: 2024-02-30", "e: 1" + "0" * 5000, "f: &a [1, 2]", "g: *a", "h: [[[",
                     "\tbad: x", "title: x", "dates:", "  - Deadline: 2024-05-16", "{}",
                     "...", "k: 'unclosed", "? complex\n: key", "1: one", "page: x",
                     "template: redirect.html", "location: '\"];x//'", "hide: 1",
                     "hide:\n- toc", "search: true", "icon: nope", "status: '<b>'",
                     "description: '\"><script>'", "author: [a]", "subtitle: <i>",
                     "title: [1]", "title:", "r: &r [*r]", "<<: {template: x}",
                     '"template": x', "x: 0x" + "f" * 5000, "---"]),
    st.text(max_size=20)), max_size=8).map("\n".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_lines, liquid_text)
def test_no_page_ends_in_a_traceback_or_live_delimiters(front: str, body: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "src"
        source.mkdir()
        (source / "page.md").write_text(f"---\n{front}\n---\n\n{body}\n", encoding="utf-8")
        import_site(source, Path(folder) / "out").render()
        for path in (Path(folder) / "out" / "docs").rglob("*.md"):
            text = path.read_text(encoding="utf-8")
            match = re.match(r"---\n(.*?\n)---\n", text, re.S)
            if match:  # front matter: MkDocs reads a mapping; the title says nothing to Jinja
                data = yaml.load(match.group(1), Loader=yaml.CSafeLoader)
                assert isinstance(data, dict)
                assert not isinstance(data.get("title"), str) or not has_delimiter(data["title"])
                assert not set(data) & set(CONTROL_KEYS)  # nothing steers the theme
                for key in HTML_KEYS:  # text, or nothing
                    assert not isinstance(data.get(key), (list, dict)), key
                    assert not re.search(r"[<>\"]", str(data.get(key, ""))), key
                assert unwritable(data) == ""
            render_like_macros(text[match.end():] if match else text)


DATA_NAMES = st.sampled_from(["speakers", "organizers", "schedule", "accepted_papers",
                              "sponsors", "navigation", "description", "page", "template",
                              "workshop", "title", "1st"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(DATA_NAMES, liquid_text, liquid_text), min_size=1, max_size=4),
       liquid_text)
def test_data_files_never_become_template_syntax_or_steer_the_page(
        files: list[tuple[str, str, str]], body: str) -> None:
    """_data files of any name, holding any text, shown by loops and includes: the pages hold
    only the importer's own macro calls, and their front matter no key the theme, MkDocs or
    mkdocs-macros acts on."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "src"
        (source / "_data").mkdir(parents=True)
        (source / "_includes").mkdir()
        loops = []
        for name, first, second in files:
            entries = [{"name": first, "title": second, "time": "09:00 - 10:00",
                        "affiliation": second, "authors": first, "url": first}, {"name": "N"}]
            (source / "_data" / f"{name}.yml").write_text(yaml.safe_dump(entries),
                                                          encoding="utf-8")
            (source / "_includes" / f"{name}.html").write_text(
                f"{{% for x in site.data.{name} %}}{{{{ x.name }}}}{{% endfor %}}")
            loops.append(f"{{% include {name}.html %}}\n\n{{% for y in site.data.{name} %}}"
                         "{{ y.title }}{% endfor %}")
        (source / "index.md").write_text("---\ntitle: T\nworkshop: {date: 2024-07-16}\n---\n\n"
                                         + "\n\n".join(loops) + "\n\n" + body + "\n",
                                         encoding="utf-8")
        import_site(source, Path(folder) / "out").render()
        for path in (Path(folder) / "out" / "docs").rglob("*.md"):
            text = path.read_text(encoding="utf-8")
            match = re.match(r"---\n(.*?\n)---\n", text, re.S)
            env = jinja2.Environment(variable_start_string="<<", variable_end_string=">>")
            for node in env.parse(text[match.end():] if match else text).body:
                assert isinstance(node, nodes.Output), node
                for child in node.nodes:
                    if isinstance(child, nodes.TemplateData):
                        continue
                    assert isinstance(child, nodes.Call) and isinstance(child.node, nodes.Name)
                    assert child.node.name in ("team", "dates", "schedule", "sponsors",
                                               "papers"), child
                    assert all(isinstance(a, nodes.Const) for a in child.args), child
            if match:
                data = yaml.load(match.group(1), Loader=yaml.CSafeLoader)
                assert not set(data) & (set(CONTROL_KEYS) | {"page", "description", "author",
                                                              "subtitle"}), sorted(data)
                assert isinstance(data.get("title", ""), str)
                assert isinstance(data.get("workshop", {}), dict)


# ---------------------------------------------------------------------------------------------
# Size: the importer is linear in the size of a page (timings: benchmarks/bench_import.py)


def test_a_page_of_50000_liquid_lines(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    lines = [f"{{% if x{n} %}}{{{{ page.v{n} }}}} << {n} >> {{% endif %}}" for n in range(50_000)]
    lines += ["{% if unclosed %}", "{% comment %}", "<!--", "{% raw %}"] * 5_000
    (source / "index.md").write_text("---\ntitle: Big\n---\n\n" + "\n".join(lines) + "\n")
    report = import_site(source, tmp_path / "out")
    notes = report.pages[0].notes
    assert "Liquid: line 50003: comment tag was never closed (an error in the source's Liquid: " \
        "Jekyll warns of it or stops on it, by its kind; the rest is rendered as lax Liquid " \
        "does)" in notes
    rendered, calls = render_like_macros(
        (tmp_path / "out" / "docs" / "index.md").read_text().split("---\n", 2)[2])
    assert calls == [] and "49999" not in rendered  # each {% if %} is false, as in Jekyll


def test_a_line_of_50000_raw_blocks() -> None:
    """Their contents, put back side by side, make one long run of '>' to keep whole."""
    source = "{% raw %}>{% endraw %}>" * 50_000
    result = convert_body(source, no_images)
    rendered, calls = render_like_macros(result.text)
    assert calls == [] and rendered == ">" * 100_000


def test_a_page_of_50000_includes(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    includes = ['{% include team.html id="speakers" %}'] * 50_000
    includes += ["{% include team.html id='x\" %}"] * 10_000
    includes += ["![a](b.png) <img src='c.png'>"] * 10_000
    (source / "index.md").write_text("---\nspeakers:\n  - name: A\n---\n\n"
                                     + "\n\n".join(includes) + "\n\n" + "\n" * 50_000)
    report = import_site(source, tmp_path / "out", dry_run=True)
    # the site has no team.html: each include naming the page's list shows it by a macro
    assert report.pages[0].data_used == ["a loop over the page's 'speakers' -> "
                                         '<< team("speakers") >>'] * 50_000
    assert len(report.images_missing) == 20_000


@pytest.mark.parametrize("body", [
    "{% if a %}" * 990_000,  # unclosed tags on one line: each used to search to its end
    "<img" * 2_490_000,  # each used to be read 1,000 characters on
    "![](" * 2_490_000,  # each used to be read 2,000 characters on
    "![" * 4_990_000,
], ids=["unclosed-ifs", "img", "markdown-images", "markdown-labels"])
def test_a_page_of_10_mb_on_one_line(tmp_path: Path, body: str) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "index.md").write_text("---\ntitle: A\n---\n" + body)
    report = import_site(source, tmp_path / "out")
    assert [p.dest for p in report.pages] == ["index.md"]
    text = (tmp_path / "out" / "docs" / "index.md").read_text()
    rendered, calls = render_like_macros(text.split("---\n", 2)[2])
    if body.startswith("{% if"):  # Liquid that Jekyll stops on: nothing shown, and said
        assert calls == [] and rendered.strip("\n") == ""
        assert "Liquid: line 1: block nesting limit reached (an error in the source's Liquid: " \
            "Jekyll warns of it or stops on it, by its kind; the rest is rendered as lax " \
            "Liquid does)" in report.pages[0].notes
    else:
        assert calls == [] and rendered.strip("\n") == body


def test_the_report_shows_each_value_from_the_source_on_one_line(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    forged = "\nPages: 999 (forged)\n"
    (source / "index.md").write_text(
        f'---\ntitle: "Home\\nPages: 999 (forged)"\n"sp\\neakers":\n  - name: A\n'
        f"speakers:\n  - name: B\n---\n\n"
        f'{{% include team.html id="x{forged}" %}}\n\n'
        f'<img src="a{forged}.png">\n\n'
        f"## Important Dates\n\n- Deadline: May 1, 2024\n- Other: {'x' * 3000}\n"
        f"  Dates converted: 99 (forged)\n\n\x1b[2Jcleared\n", newline="")
    (source / f"we{forged}ird.md").write_text("---\ntitle: W\n---\nx\n")
    (source / f"_we{forged}ird.md").write_text("---\ntitle: W\n---\nx\n")
    report = import_site(source, tmp_path / "out").render()
    lines = report.split("\n")
    assert not [line for line in lines
                if line.lstrip().startswith(("Pages: 999", "Dates converted: 99"))]
    assert "\x1b" not in report
    assert max(len(line) for line in lines) <= 1_000
    # No include shows that roster (nor 'speakers'): the report says so, on the same line.
    assert ("  roster sp\\neakers: 1 people, kept in the front matter; no call shows it, as "
            "in the source") in lines
    assert "index.md: a\\nPages: 999 (forged)\\n.png" in report
    assert "we\\nPages: 999 (forged)\\nird.md -> docs/we-Pages-999-forged-ird.md  (W)" in lines
    kept = next(line for line in lines if "kept as written (not a date" in line)
    assert kept.endswith("x\u2026") and len(kept) < 300
    assert report.count("shown on one line, with control characters escaped") == 1


def test_the_report_lists_at_most_1000_lines_of_a_kind_per_page(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "index.md").write_text("---\ntitle: A\n---\n\n" + "<< x >>\n\n" * 3_000)
    report = import_site(source, tmp_path / "out", dry_run=True)
    assert len(report.pages[0].liquid_kept) == 3_000
    text = report.render()
    assert text.count("kept as text (it reads as template syntax): << x >>") == 1_000
    assert "  ... and 2,000 more like these" in text


def test_a_page_without_front_matter_gives_mkdocs_none(tmp_path: Path) -> None:
    """MkDocs reads 'key: value' lines at the top of a page (MultiMarkdown), or a '---' block,
    as front matter: a page written without a block must not start with either."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "mmd.md").write_text("---\n---\ntemplate: redirect.html\n"
                                   "location: '\"];alert(1);//'\n\nText.\n")
    (source / "block.md").write_text("---\n...\n---\ntemplate: redirect.html\n---\nText.\n")
    (source / "fine.md").write_text("---\n---\n# Fine: a heading\n")
    dest = tmp_path / "out"
    import_site(source, dest)
    docs = dest / "docs"
    assert (docs / "mmd.md").read_text().startswith("---\n{}\n---\n\ntemplate: redirect.html\n")
    assert (docs / "block.md").read_text().startswith("---\n{}\n---\n\n---\ntemplate:")
    assert (docs / "fine.md").read_text() == "# Fine: a heading\n"
    assert run_mkdocs(dest, "build").returncode == 0
    for name in ("mmd", "block"):
        page = (dest / "site" / name / "index.html").read_text()
        assert "window.location.replace" not in page and "template: redirect.html" in page


def test_front_matter_the_theme_reads_is_text_or_is_dropped(tmp_path: Path) -> None:
    """Material prints title, description, author and subtitle as HTML, and chooses a
    template, a script's address, an icon file, what to hide from other keys."""
    source = tmp_path / "src"
    source.mkdir()
    pages = {
        "index.md": {"title": "<img src=x onerror=alert(1)>",
                     "description": '"><script>alert(2)</script>',
                     "author": '"><script>alert(3)</script>',
                     "subtitle": "<script>alert(4)</script>", "status": "<script>5</script>",
                     "tags": ["kept"]},
        "redirect.md": {"title": "Q&amp;A & R&D", "template": "redirect.html",
                        "location": '"];alert(6);//', "redirect_to": "https://example.org"},
        "types.md": {"title": 2024, "search": True, "hide": 1, "icon": "nope",
                     "description": {"a": "<b>"}, "subtitle": ["x"], "author": 5},
        "list-title.md": {"title": [1], "template": [1], "ignore_macros": True},
        "null-title.md": {"title": None, "render_macros": False, "hide": ["toc"]},
    }
    for name, front in pages.items():
        (source / name).write_text(f"---\n{yaml.safe_dump(front)}---\n\nText of {name}\n")
    (source / "merged.md").write_text(  # the key comes from a merge: the lines cannot go
        "---\n# a comment\nbase: &b {template: redirect.html}\n<<: *b\ntitle: M\n---\n\nM\n")
    (source / "quoted.md").write_text('---\n"template": redirect.html\ntitle: Q\n---\n\nQ\n')
    dest = tmp_path / "out"
    report = import_site(source, dest).render()
    docs = dest / "docs"

    def front(name: str) -> dict[str, Any]:
        data = yaml.safe_load((docs / name).read_text().split("---\n")[1])
        assert isinstance(data, dict)
        return data

    assert front("index.md") == {
        "title": "&lt;img src=x onerror=alert(1)&gt;",
        "description": "&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;",
        "author": "&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;",
        "subtitle": "&lt;script&gt;alert(4)&lt;/script&gt;", "tags": ["kept"]}
    assert front("redirect.md") == {"title": "Q&amp;A & R&amp;D"}  # reads as in Jekyll
    assert front("types.md") == {"title": "2024", "author": 5}
    assert front("list-title.md") == {}
    assert front("null-title.md") == {}
    assert front("merged.md") == {"base": {"template": "redirect.html"}, "title": "M"}
    assert front("quoted.md") == {"title": "Q"}
    assert "dropped: template 'redirect.html' (chooses a template of the theme; an " \
        "imported page must not)" in report
    assert "dropped: location '\"];alert(6);//' (the address Material's redirect" in report
    assert "dropped: redirect_to 'https://example.org' (Jekyll's redirect plugin" in report
    assert "dropped: description (it is a set of 'key: value' lines, not text" in report
    assert "dropped: title (it is a list, not text" in report
    assert "title 2024 written as text (in quotes)" in report
    assert "description: its markup (<, >, \", &) is written as character references" in report
    for key in ("search", "hide", "icon", "status", "ignore_macros", "render_macros"):
        assert f"dropped: {key} " in report, key

    built = run_mkdocs(dest, "build")
    assert built.returncode == 0, built.output
    everything = "".join(p.read_text(encoding="utf-8")
                         for p in (dest / "site").rglob("*.html"))
    assert "<script>alert" not in everything and "<img src=x" not in everything
    assert "window.location.replace" not in everything and "alert(6)" not in everything
    index = (dest / "site" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="&#34;&gt;&lt;script&gt;alert(2)' in index
    assert "<title>&lt;img src=x onerror=alert(1)&gt; - src</title>" in index


def test_front_matter_mkdocs_or_macros_cannot_take_is_never_front_matter(tmp_path: Path) -> None:
    """A self-referential alias makes every reader loop (mkdocs-macros ends in a
    RecursionError); an integer of thousands of digits fails wherever it is printed."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "_config.yml").write_text("title: 0x" + "f" * 5000 + "\n")
    pages = {"list.md": "speakers: &a [*a]", "map.md": "x: &b {k: *b}\ntitle: M",
             "hex.md": "title: H\nx: 0x" + "f" * 5000, "bin.md": "title: B\nx: 0b" + "1" * 20000}
    for name, front in pages.items():
        (source / name).write_text(f"---\n{front}\n---\n\nText of {name}\n")
    dest = tmp_path / "out"
    report = import_site(source, dest).render()
    # The number as text: safeload keeps an integer too long to write in decimal as written.
    assert report.startswith("Wrote a MkDocs site for '0x" + "f" * 80)
    assert report.count("the front matter refers to itself") == 2
    docs = dest / "docs"
    for name in pages:
        text = (docs / name).read_text()
        match = re.match(r"---\n(.*?\n)---\n", text, re.S)
        if name in ("list.md", "map.md"):
            assert match is None and "```yaml\n" in text, name
        elif match:  # the number in quotes, as text
            data = yaml.load(match.group(1), Loader=yaml.CSafeLoader)
            assert isinstance(data["x"], str) and data["x"].startswith("0"), name
        else:  # or the block as a code block, if safeload reads the number
            assert "```yaml\n" in text, name
    built = run_mkdocs(dest, "build")
    assert built.returncode == 0 and "Traceback" not in built.output, built.output


def test_images_and_config_larger_than_the_limits_are_not_read(tmp_path: Path) -> None:
    source = tmp_path / "src"
    (source / "assets").mkdir(parents=True)
    with open(source / "assets" / "big.png", "wb") as big:  # sparse: no disk space used
        big.truncate(4_000_000_000)
    (source / "assets" / "limit.png").write_bytes(b"\x89PNG" + b"\0" * (50_000_000 - 4))
    (source / "assets" / "over.png").write_bytes(b"\x89PNG" + b"\0" * 50_000_000)
    with open(source / "_config.yml", "wb") as config:
        config.write(b"title: Big\n")
        config.truncate(6_000_000_000)
    (source / "index.md").write_text("---\ntitle: Home\n---\n\n![a](assets/big.png)\n"
                                     "![b](assets/limit.png) ![c](assets/over.png)\n")
    dest = tmp_path / "out"
    report = import_site(source, dest).render()
    assert "index.md: assets/big.png (larger than 50,000,000 bytes" in report
    assert "index.md: assets/over.png (larger than 50,000,000 bytes" in report
    assert "2 not copied (outside the site, not an image, or too large)" in report
    assert "_config.yml was not read: it is larger than 2,000,000 bytes" in report
    assert "site for 'src'" in report  # the defaults
    images = dest / "docs" / "assets" / "images"
    assert sorted(p.name for p in images.iterdir()) == ["limit.png"]
    assert (images / "limit.png").stat().st_size == 50_000_000
    page = (dest / "docs" / "index.md").read_text()
    assert "](assets/big.png)" in page and "](assets/images/limit.png)" in page


def test_long_permalinks_in_any_script_make_names_a_file_system_takes(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    pages = {"han.md": "/" + "\u5b57" * 99, "again.md": "/" + "\u5b57" * 120,  # 3 bytes each
             "mixed.md": "/x/" + "\u00e9a" * 90 + "/", "emoji.md": "/" + "\U0001f600" * 80}
    for name, permalink in pages.items():
        (source / name).write_text(f"---\ntitle: {name}\npermalink: {permalink}\n---\n\nx\n")
    long_name = "\u5b57" * 80 + ".png"  # 244 bytes: the source can hold it
    (source / long_name).write_bytes(photo())
    (source / "index.md").write_text(f"---\ntitle: Home\n---\n\n![a]({long_name})\n")
    dest = tmp_path / "out"
    report = import_site(source, dest)
    dests = {p.source: p.dest for p in report.pages}
    # 198 bytes: the 67th character would pass 200; the second page of that name gets -2.
    assert dests["again.md"] == "\u5b57" * 66 + ".md"
    assert dests["han.md"] == "\u5b57" * 66 + "-2.md"
    assert dests["mixed.md"] == "x/" + "\u00e9a" * 50 + ".md"  # 100 characters, 150 bytes
    assert dests["emoji.md"] == "emoji.md"  # not a letter: the file's own name
    for rel in dests.values():
        assert all(len(part.encode()) <= 205 for part in rel.split("/"))
        assert (dest / "docs" / rel).is_file()
    images = list((dest / "docs" / "assets" / "images").iterdir())
    assert [p.name for p in images] == ["\u5b57" * 66 + ".png"]
    nav = yaml.safe_load((dest / "mkdocs.yml").read_text())["nav"]
    assert {"han.md": dests["han.md"]} in nav and {"again.md": dests["again.md"]} in nav
    assert run_mkdocs(dest, "build").returncode == 0


def test_many_loops_over_one_data_file_with_a_large_include(tmp_path: Path) -> None:
    # What a page renders to is bounded, loops item by item included.
    src = tmp_path / "src"
    (src / "_data").mkdir(parents=True)
    (src / "_includes").mkdir()
    (src / "_data" / "speakers.yml").write_text("- name: Ada Quill\n  photo: a.png\n")
    (src / "_includes" / "big.html").write_text('<img src="/x/{{ s.photo }}">' + "x" * 190_000)
    loop = "{% for s in site.data.speakers %}" + "{% include big.html %}" * 20 + "{% endfor %}\n"
    (src / "index.md").write_text("---\ntitle: T\n---\n" + loop * 300)
    report = import_site(src, tmp_path / "out").render()
    page = (tmp_path / "out" / "docs" / "index.md").read_text(encoding="utf-8")
    # 1.1 GB of output: past the limit of a page, whose Liquid then shows nothing
    assert "its Liquid could not be rendered (output stream limit reached)" in report
    assert "{%" not in page and "xxxx" not in page


def test_a_tag_that_holds_kept_liquid_is_never_copied_around_a_call() -> None:
    # papers() inside HTML containers closes them before the call and opens them again after
    # it; an opening tag with anything a template reads in it is not copied, so nothing from
    # the source is written twice or comes apart from its raw block.
    call = '<< papers("data/x.yml") >>'
    plain = f'<div class="page" id="top">\n<p>Before.</p>\n\n{call}\n\n</div>\n'
    assert drop_call_wrappers(plain) == (
        f'<div class="page" id="top">\n<p>Before.</p>\n\n</div>\n\n{call}\n\n'
        '<div class="page">\n\n</div>\n')
    for kept in ('{% raw %}<< x >>{% endraw %}', "{{ site.title }}", "{# a #}"):
        text = f'<div class="page" title="{kept}">\n<p>Before.</p>\n\n{call}\n\n</div>\n'
        assert drop_call_wrappers(text) == text


def test_an_escaped_half_character_is_replaced_and_said(tmp_path: Path) -> None:
    """MkDocs' reader refuses "\\ud800" in front matter, and no file can be written with it: the
    page is imported with U+FFFD in its place, and the report says where."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "index.md").write_text('---\nlayout: default\ntitle: "Work\\ud800shop"\n'
                                     'speakers:\n  - name: "A\\udc00"\n---\n\n# Hi\n')
    report = import_site(source, tmp_path / "out").render()
    assert "front matter line 3: the text 'Work\ufffdshop' holds an escape of half a " \
        "character" in report
    assert "front matter line 5: the text 'A\ufffd'" in report
    written = (tmp_path / "out" / "docs" / "index.md").read_text(encoding="utf-8")
    front = yaml.load(written.split("---\n")[1], Loader=yaml.CSafeLoader)  # MkDocs' reader
    assert front == {"title": "Work\ufffdshop"}  # no call shows the speakers: a comment
    assert "# speakers:\n# - name: A\ufffd\n" in written


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(liquid_text, liquid_text)
def test_html_documents_without_front_matter_stay_text(title: str, body: str) -> None:
    """A whole HTML document without front matter (Jekyll publishes it as it is, no Liquid
    run) becomes a page whose title and text, whatever they hold, call nothing and steer
    nothing."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "src"
        (source / "old").mkdir(parents=True)
        (source / "old" / "index.html").write_text(
            f"<html><head><title>{title}</title></head><body><main><h1>Old workshop page</h1>\n"
            f"<p>{body}</p>\n</main></body></html>\n", encoding="utf-8")
        report = import_site(source, Path(folder) / "out").render()
        written = Path(folder) / "out" / "docs" / "old.md"
        if not written.exists():  # "<!--": a comment to the end; "{% if": a layout's text
            assert ("<!--" in body and "old/index.html (no text a visitor reads)" in report) \
                or "old/index.html (its text holds Liquid" in report
            return
        text = written.read_text(encoding="utf-8")
        match = re.match(r"---\n(.*?\n)---\n", text, re.S)
        assert match is not None
        data = yaml.load(match.group(1), Loader=yaml.CSafeLoader)
        assert not set(data) & set(CONTROL_KEYS)
        assert not isinstance(data.get("title"), str) or not has_delimiter(data["title"])
        _rendered, calls = render_like_macros(text[match.end():])
        assert calls == []


# Text a source can put in any line of the report: line breaks of every kind, terminal
# escapes, bidi overrides, NUL, very long runs.
report_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=80) | st.sampled_from(
    ["\nPages: 999 (forged)", "\x1b[2J", "\u202ereversed", "\r\n\x85\u2028x", "y" * 5_000])


def _fields(kind: type, draw: Callable[[Any], Any]) -> dict[str, Any]:
    """Every text field, list of text and mapping of a report dataclass, filled by ``draw``
    (fields added later are filled too)."""
    values: dict[str, Any] = {}
    for item in dataclasses.fields(kind):
        annotation = str(item.type)
        if annotation.startswith("list[str]"):
            values[item.name] = draw(st.lists(report_text, min_size=1, max_size=3))
        elif annotation.startswith("dict[str, int]"):
            values[item.name] = {draw(report_text): 1}
        elif annotation.startswith("dict[str, str]"):
            values[item.name] = {draw(report_text): draw(report_text)}
        elif annotation.startswith("str") and item.name not in ("source", "dest"):
            values[item.name] = draw(report_text)
    return values


def _tame(value: Any, words: dict[str, str]) -> Any:
    """The same shape with a plain word for each text: equal texts get the same word, others
    another, an empty one stays empty (the report leaves out what is empty and matches a
    roster to its notes by name)."""
    if isinstance(value, str):
        return words.setdefault(value, f"word{len(words)}") if value else ""
    if isinstance(value, list):
        return [_tame(v, words) for v in value]
    if isinstance(value, dict):
        return {_tame(k, words): _tame(v, words) for k, v in value.items()}
    return value


@given(st.data())
@SETTINGS
def test_every_line_of_the_report_holds_source_text_on_that_line(data: st.DataObject) -> None:
    """Whatever text fills any line of the report, the report has the lines its structure
    gives (none forged), each printable and at most MAX_LINE long."""
    page_fields, report_fields = _fields(PageReport, data.draw), _fields(Report, data.draw)

    def render(page: dict[str, Any], whole: dict[str, Any]) -> str:
        report = Report(Path("src"), Path("out"), dry_run=False, **whole)
        report.pages = [PageReport(source="a.md", dest="a.md", **page)]
        return report.render()

    text = render(page_fields, report_fields)
    words: dict[str, str] = {}
    tame = render({k: _tame(v, words) for k, v in page_fields.items()},
                  {k: _tame(v, words) for k, v in report_fields.items()})
    lines = text.split("\n")
    assert all(char.isprintable() or char in " \n" for char in text)
    assert max(map(len, lines)) <= MAX_LINE
    assert len(lines) == len(tame.split("\n"))
    assert not any(line.startswith("Pages: 999") for line in lines)
