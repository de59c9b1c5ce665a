"""import-jekyll treats its source as untrusted: nothing in it runs when the new site is built,
and no page makes the import slow."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jinja2 import nodes

from mkdocs_workshop.jekyll.body import convert_body
from mkdocs_workshop.jekyll.escape import (
    DELIMITERS,
    escape_runs,
    has_delimiter,
    html_text,
    markdown_text,
    neutral_title,
)
from mkdocs_workshop.jekyll.importer import import_site

SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


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
    plain = re.fullmatch(r"[\w \-]+" if quote else r"[\w\-]+", name)
    return tag.replace("QNQ", f"{quote}{name}{quote}"), name if plain else None


KEYS = {"speakers", "Panelist", "Student_Helpers", "a b-c", 'a"b', "a')"}


@SETTINGS
@given(liquid_text)
def test_delimiters_in_the_source_show_as_written_and_run_nothing(source: str) -> None:
    result = convert_body(source, no_images, keys=KEYS)
    rendered, calls = render_like_macros(result.text)
    assert calls == []
    if not re.search(r"raw|comment|include|baseurl|important|!\[|<img|\x00", source, re.I):
        assert rendered.strip("\n") == source.strip("\n")


@SETTINGS
@given(liquid_text, liquid_text)
def test_jekyll_raw_blocks_show_their_content_whatever_it_holds(before: str,
                                                                 content: str) -> None:
    source = f"{before}{{% raw %}}{content}{{% endraw %}}"
    result = convert_body(source, no_images, keys=KEYS)
    rendered, calls = render_like_macros(result.text)
    assert calls == []
    if not re.search(r"raw|comment|include|\{\{\s*site\.baseurl", before + content, re.I):
        assert rendered.strip("\n") == (before + content).strip("\n")


@SETTINGS
@given(st.lists(st.one_of(include_tags(), liquid_text.map(lambda t: (t, "-"))), max_size=6))
def test_includes_call_team_only_with_plain_roster_names_of_the_page(
        parts: list[tuple[str, str | None]]) -> None:
    source = "\n\n".join(text for text, _name in parts)
    result = convert_body(source, no_images, keys=KEYS)
    _rendered, calls = render_like_macros(result.text)
    assert calls == [("team", (team,)) for team in result.teams]
    for team in result.teams:
        assert team in KEYS and re.fullmatch(r"[\w \-]+", team)
    if None not in [name for _text, name in parts] and "include" not in "".join(
            text for text, name in parts if name == "-"):
        expected = [name for _text, name in parts if name != "-" and name in KEYS]
        assert result.teams == expected


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


# ---------------------------------------------------------------------------------------------
# Size: the importer is linear in the size of a page (timings: benchmarks/bench_import.py)


def test_a_page_of_50000_liquid_lines(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    lines = [f"{{% if x{n} %}}{{{{ page.v{n} }}}} << {n} >> {{% endif %}}" for n in range(50_000)]
    lines += ["{% if unclosed %}", "{% comment %}", "<!--", "{% raw %}"] * 5_000
    (source / "index.md").write_text("---\ntitle: Big\n---\n\n" + "\n".join(lines) + "\n")
    report = import_site(source, tmp_path / "out")
    assert len(report.pages[0].liquid_kept) == 65_000  # not the 5,000 lines of a lone <!--
    rendered, calls = render_like_macros(
        (tmp_path / "out" / "docs" / "index.md").read_text().split("---\n", 2)[2])
    assert calls == [] and "{{ page.v49999 }} << 49999 >>" in rendered


def test_a_page_of_50000_includes(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    includes = ['{% include team.html id="speakers" %}'] * 50_000
    includes += ["{% include team.html id='x\" %}"] * 10_000
    includes += ["![a](b.png) <img src='c.png'>"] * 10_000
    (source / "index.md").write_text("---\nspeakers:\n  - name: A\n---\n\n"
                                     + "\n\n".join(includes) + "\n\n" + "\n" * 50_000)
    report = import_site(source, tmp_path / "out", dry_run=True)
    assert len(report.pages[0].teams) == 50_000
    assert len(report.images_missing) == 20_000
