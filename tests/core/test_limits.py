"""The plugin's own limits decide, whatever the libraries under it accept or refuse: YAML nesting
(libyaml's own limit changed in PyYAML 6.0.4), and page text that Python-Markdown would take
minutes to read. Every such input ends in a located message, and the other pages are built."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_workshop.core import markdownlimits, safeload
from mkdocs_workshop.core.markdownlimits import bracket_cost, fenced_code, tame_brackets

from sitekit import MACROS, Built, page

SiteFn = Callable[..., Built]
DEEP = "nests lists and mappings more than 64 levels deep"
NEIGHBOUR = page({"workshop": {"venue": "ICML 2024", "date": "2024-07-16"}},
                 "<< editions() >>")


def nested(form: str, depth: int) -> str:
    """A front-matter value nested ``depth`` levels, written the way ``form`` says."""
    if form == "flow list":
        return "speakers: " + "[" * depth + "]" * depth
    if form == "flow mapping":
        return "speakers: " + "{a: " * depth + "x" + "}" * depth
    if form == "compact list":
        return "speakers:\n  " + "- " * depth + "x"
    assert form == "block mapping"  # a line per level: the text grows as depth squared
    return "speakers:\n" + "".join("  " * i + "a:\n" for i in range(1, depth + 1)) + \
        "  " * (depth + 1) + "x"


@pytest.mark.parametrize("form", ["flow list", "flow mapping", "compact list",
                                  "block mapping"])
@pytest.mark.parametrize("depth", [65, 999, 1000, 1001, 5000, 100_000])
def test_nesting_gets_the_plugins_message_whatever_libyaml_refuses(form: str,
                                                                   depth: int) -> None:
    """libyaml in PyYAML 6.0.4 refuses 1,000 levels itself, reading ahead of the events it
    gives; older ones do not. Either way the message is the plugin's, with its line."""
    if form == "block mapping":
        depth = min(depth, 1500)  # deeper is over the size limit first
    loaded = safeload.load(nested(form, depth) + "\n", first_line=2)
    assert not loaded.ok and loaded.over_limit
    assert loaded.error is not None
    assert loaded.error[0].startswith(DEEP), loaded.error


class _Refusing(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """A libyaml that refuses every text: what a future release with limits of its own, lower
    than ours, could do."""

    def __init__(self, stream: Any) -> None:
        raise yaml.YAMLError("refused by this libyaml")


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["flow list", "flow mapping", "compact list", "block mapping"]),
       st.integers(1, 200))
def test_what_libyaml_refuses_is_read_by_the_plugins_rules(form: str, depth: int) -> None:
    """Within the limits, a text libyaml refuses is still read (by PyYAML's own parser); over
    them, the message is the plugin's."""
    text = nested(form, depth) + "\ntitle: T\n"
    expected = safeload.load(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(safeload, "_Loader", _Refusing)
        refused = safeload.load(text)
    assert refused.ok == expected.ok == (depth <= safeload.LIMITS.max_depth - 1)
    assert refused.data == expected.data
    assert refused.error == expected.error


def test_front_matter_nested_100000_deep_ends_with_its_page_named(site: SiteFn) -> None:
    built = site({"index.md": f"---\ntitle: T\n{nested('flow list', 100_000)}\n---\n\nHi\n",
                  "other.md": NEIGHBOUR})
    assert not built.ok
    assert built.errors[0].startswith(f"workshop: index.md: the front matter {DEEP} (line 3).")
    assert built.errors[-1] == (
        "workshop: 1 problem(s) in the workshop data of index.md (listed above, and at the top "
        "of each page); the other 1 page(s) were built: other.md. The build fails until the "
        "problems are fixed.")
    assert "ICML 2024" in built.html("other.md")  # the neighbour is built
    assert "[[[" not in built.html()  # the block never reached Markdown as text


def test_front_matter_that_is_not_yaml_never_reaches_markdown_as_text(site: SiteFn) -> None:
    """MkDocs shows a block it cannot read as page text, which mkdocs-macros would render:
    the plugin gives it an empty block instead; the error says why."""
    built = site({"index.md": "---\ntitle: T\nnote: \"<< 6 * 7 >>\"\nbad: [unclosed\n---\n\n"
                              "Body text.\n"})
    assert not built.ok
    assert any("the front matter is not valid YAML" in e for e in built.errors)
    html = built.html()
    assert "Body text." in html and "unclosed" not in html and ">42<" not in html
    assert "6 * 7" not in html


@pytest.mark.parametrize(("name", "text"), [
    ("nested", "[" * 100_000 + "]" * 100_000),
    ("never closed", "[" * 100_000),
    ("links never closed", "[a](" * 30_000),
    ("in a list item", "- " + "[" * 50_000 + "x" + "]" * 50_000),
    ("in a quote", "> " + "(" * 60_000),
])
def test_a_page_markdown_would_read_for_minutes_is_reported_and_shown_as_written(
        site: SiteFn, name: str, text: str) -> None:
    built = site({"index.md": f"---\ntitle: T\n---\n\nFirst.\n\n{text}\n\nLast.\n",
                  "other.md": NEIGHBOUR})
    assert not built.ok
    assert built.errors[0].startswith("workshop: index.md: line 7: the paragraph holds "), \
        built.errors[0]
    assert "Fix: close each '[' with its ']'" in built.errors[0]
    html = built.html()
    assert "First." in html and "Last." in html
    assert 'class="workshop-as-written"' in html
    assert "ICML 2024" in built.html("other.md")


def test_as_a_plain_macros_module_too(site: SiteFn) -> None:
    """Without the plugin (mkdocs_workshop.macros as a macros module) the same limit holds."""
    plugins: list[Any] = [{"macros": {**MACROS["macros"],
                                      "modules": ["mkdocs_workshop.macros"]}}]
    built = site({"index.md": "---\ntitle: T\n---\n\nFirst.\n\n" + "[" * 100_000 + "\n"},
                 plugins=plugins)
    assert not built.ok
    assert any(e.startswith("workshop: index.md: line 7: the paragraph holds 100,000 brackets")
               for e in built.errors), built.errors
    assert 'class="workshop-as-written"' in built.html()


def test_brackets_in_fenced_code_cost_nothing(site: SiteFn) -> None:
    code = "```text\n" + "[" * 100_000 + "\n```"
    built = site({"index.md": f"---\ntitle: T\n---\n\n{code}\n\nAfter.\n"}, strict=True)
    assert built.ok, built.messages()
    assert "[" * 1000 in built.html()


def test_a_page_of_many_ordinary_links_is_left_alone(site: SiteFn) -> None:
    links = " ".join(f"[paper {i}](https://example.org/{i})" for i in range(3000))
    built = site({"index.md": f"---\ntitle: T\n---\n\n{links}\n"}, strict=True)
    assert built.ok, built.messages()
    assert 'href="https://example.org/2999"' in built.html()


brackety = st.text(alphabet="[]()a\n\\`~", max_size=300)


@settings(max_examples=300, deadline=None)
@given(brackety, st.integers(0, 400))
def test_no_paragraph_left_over_the_budget(text: str, budget: int) -> None:
    """Whatever the text and the budget: after taming, no paragraph outside fenced code costs
    more, code is never replaced, and each replacement is reported."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markdownlimits, "BUDGET", budget)
        tamed, heavy = tame_brackets(text, lambda paragraph: "SHOWN")
        code = fenced_code(tamed)
        last = 0
        for begin, end in [*code, (len(tamed), len(tamed))]:
            for paragraph in markdownlimits._PARAGRAPHS.split(tamed[last:begin]):
                assert bracket_cost(paragraph) <= budget
            last = end
    assert [tamed[b:e] for b, e in code] == [text[b:e] for b, e in fenced_code(text)]
    assert (tamed is text) == (not heavy)
    assert len(heavy) == tamed.count("SHOWN") - text.count("SHOWN")


@settings(max_examples=300, deadline=None)
@given(brackety)
def test_the_cost_is_what_markdowns_scans_add_up_to(paragraph: str) -> None:
    """The distance from each opening bracket to the one that closes it, or to the end; a
    bracket after a backslash is not one."""
    expected = 0
    for opening, closing in ("[]", "()"):
        stack: list[int] = []
        for i, char in enumerate(paragraph):
            if _escaped(paragraph, i):
                continue
            if char == opening:
                stack.append(i)
            elif char == closing and stack:
                expected += i - stack.pop()
        expected += sum(len(paragraph) - i for i in stack)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markdownlimits, "BUDGET", -1)  # no shortcut: count every paragraph
        assert bracket_cost(paragraph) == expected


def _escaped(text: str, i: int) -> bool:
    """Whether the character at ``i`` follows an odd run of backslashes."""
    run = 0
    while i - run - 1 >= 0 and text[i - run - 1] == "\\":
        run += 1
    return run % 2 == 1


@pytest.mark.parametrize(("name", "text", "said"), [
    ("lists 400 levels deep", "".join("    " * i + "- x\n" for i in range(400)),
     "the paragraph nests lists or quotes 798 levels deep (more than 100)"),
    ("quotes 300 levels deep", "".join(">" * i + " x\n" for i in range(1, 300)),
     "the paragraph nests lists or quotes 299 levels deep"),
    ("emphasis marks", "*_" * 60_000, "the paragraph holds 120,000 '*' and '_' marks"),
])
def test_other_shapes_markdown_cannot_read_are_shown_as_written(
        site: SiteFn, name: str, text: str, said: str) -> None:
    """Nesting Markdown recurses on until Python stops the build, and emphasis marks it
    reads for minutes: each paragraph is reported with its line and shown as written."""
    built = site({"index.md": f"---\ntitle: T\n---\n\nFirst.\n\n{text}\n\nLast.\n",
                  "other.md": NEIGHBOUR})
    assert not built.ok
    assert built.errors[0].startswith(f"workshop: index.md: line 7: {said}"), built.errors[0]
    html = built.html()
    assert "First." in html and "Last." in html and 'class="workshop-as-written"' in html


def test_markdown_html_blocks_nested_too_deep_lose_their_attribute(site: SiteFn) -> None:
    deep = "<div markdown>\n\n" * 1000 + "*inner*\n\n" + "</div>\n\n" * 1000
    built = site({"index.md": f"---\ntitle: T\n---\n\nFirst.\n\n{deep}Last.\n"},
                 extra_config={"markdown_extensions": ["md_in_html"]})
    assert not built.ok
    assert built.errors[0].startswith(
        "workshop: index.md: line 7: the HTML block with a 'markdown' attribute nests blocks "
        "more than 100 deep"), built.errors[0]
    assert "Last." in built.html()


def test_deep_but_readable_nesting_is_left_alone(site: SiteFn) -> None:
    lists = "".join("  " * i + "- level\n" for i in range(40))
    built = site({"index.md": f"---\ntitle: T\n---\n\n{lists}\n*a* _b_ " * 2}, strict=True)
    assert built.ok, built.messages()
    assert "workshop-as-written" not in built.html()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=" \t>-*_x\n", max_size=400), st.integers(1, 30))
def test_no_paragraph_left_too_deep_or_too_marked(text: str, limit: int) -> None:
    """Whatever the text and the limits: after taming, no paragraph outside fenced code nests
    deeper or holds more marks, and each replacement is reported."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markdownlimits, "MAX_DEPTH", limit)
        patch.setattr(markdownlimits, "MAX_EMPHASIS", limit)
        tamed, heavy = tame_brackets(text, lambda paragraph: "SHOWN")
        for paragraph in markdownlimits._PARAGRAPHS.split(tamed):
            if paragraph == "SHOWN":
                continue
            in_code = any(b <= tamed.find(paragraph) < e for b, e in fenced_code(tamed))
            assert in_code or markdownlimits.depth(paragraph) <= limit
            assert in_code or paragraph.count("*") + paragraph.count("_") <= limit
    assert (tamed is text) == (not heavy)


_TAGS = st.lists(st.sampled_from(["<div markdown>\n\n", "<div>\n\n", "</div>\n\n",
                                  "<section markdown=\"1\">\n\n", "</section>\n\n", "x\n\n",
                                  "<span>", "</span>"]), max_size=60)


@settings(max_examples=60, deadline=None)
@given(_TAGS, st.integers(1, 40))
def test_markdown_reads_any_nest_of_html_blocks_once_tamed(pieces: list[str],
                                                            repeat: int) -> None:
    """Whatever blocks nest in whatever order: once tamed, md_in_html reads the text."""
    import markdown
    text = "".join(piece * repeat for piece in pieces) + "".join(pieces) * 3
    tamed, blocks = markdownlimits.tame_html_depth(text)
    markdown.markdown(tamed, extensions=["md_in_html"])  # no RecursionError
    assert (tamed is text) == (not blocks)
