"""The plugin renders a page's own macro calls itself when they are all Jinja would read in it
(see ``plugin._in_place``): mkdocs-macros then does not compile the page as a template. The
result must be what mkdocs-macros would have made; every other page goes through Jinja."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import jinja2
import pytest

from sitekit import MACROS, Built, page

FRONT = {
    "title": "Test workshop 2024",
    "workshop": {"venue": "ICML 2024", "date": "2024-07-26", "location": "Vienna, Austria",
                 "timezone": "Europe/Vienna"},
    "speakers": [{"name": "Ada Lovelace", "aff": "Analytical Engines", "url": "https://example.org/ada"},
                 {"name": "Alan Turing", "aff": "Bletchley Park"}],
    "organizers": [{"name": "Grace Hopper", "aff": "Navy"}],
    "dates": [{"Paper Submission Deadline": "2024-05-16"}, {"Workshop Date": "2024-07-26"}],
    "schedule": [{"time": "09:00", "title": "Opening remarks"},
                 {"time": "09:10", "title": "Invited talk", "speakers": "Ada Lovelace"}],
}

BODY = """\
Some prose with **bold** text and a [link](https://example.org).

## Speakers

<< team("speakers") >>

## Organizers

<< team("organizers", layout="names") >>

## Dates

<< dates() >>

## Schedule

<< schedule() >>
"""


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The texts mkdocs-macros compiled as templates (it is the only caller of from_string)."""
    texts: list[str] = []
    original = jinja2.Environment.from_string

    def spy(self: jinja2.Environment, source: str, *args: object, **kwargs: object) -> object:
        texts.append(str(source))
        return original(self, source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "from_string", spy)
    yield texts


def article(built: Built, name: str = "index.md") -> str:
    html = built.html(name)
    match = re.search(r"<article class=\"md-content__inner[^>]*>(.*)</article>", html, re.S)
    assert match is not None
    return match.group(1)


def test_calls_rendered_in_place_give_what_jinja_gives(
        site: Callable[..., Built], compiled: list[str]) -> None:
    # The same calls twice: alone (rendered in place), and beside an expression that renders
    # to nothing but makes the page a template for mkdocs-macros.
    built = site({"index.md": page(FRONT, BODY),
                  "jinja.md": page(FRONT, BODY + FOR_JINJA)}, strict=True)
    assert built.ok, built.failure
    assert [text for text in compiled if "for Jinja" in text]  # the second page went to Jinja
    assert not [text for text in compiled if "Some prose" in text and "for Jinja" not in text]
    in_place, through_jinja = article(built), article(built, "jinja.md")
    assert "Ada Lovelace" in in_place and "Opening remarks" in in_place
    assert "workshop-error" not in in_place
    # The pages differ only by their address (ids of the calendar links are the same).
    assert in_place.replace("index-", "jinja-") == through_jinja.replace("index-", "jinja-")


FOR_JINJA = '\n<< "for Jinja" | replace("for Jinja", "") >>\n'


@pytest.mark.parametrize(("body", "why"), [
    ('<<- team("speakers") ->>\n', "a call that trims whitespace"),
    ('{% raw %}<< team("speakers") >>{% endraw %}\n\n<< team("speakers") >>\n', "a raw block"),
    ('<< team("speak\\x65rs") >>\n', "an escape in a string"),
    ('{# a section that waits #}\n<< team(\'speakers\', layout = "list") >>\n', "a comment"),
    ('<< team("speakers", layout=none) >>\n', "Jinja's none"),
])
def test_what_jinja_reads_as_calls_alone_is_rendered_in_place_as_jinja_would(
        site: Callable[..., Built], compiled: list[str], body: str, why: str) -> None:
    """Jinja's own parser decides (calls.py): whitespace control, raw blocks, escapes in
    strings and comments are read as Jinja reads them, and the page comes out the same."""
    front = {key: FRONT[key] for key in ("title", "workshop", "speakers")}
    built = site({"index.md": page(front, body), "jinja.md": page(front, body + FOR_JINJA)})
    assert not [text for text in compiled if "team(" in text and "for Jinja" not in text], why
    assert [text for text in compiled if "for Jinja" in text], why
    assert article(built).replace("index-", "jinja-") == \
        article(built, "jinja.md").replace("index-", "jinja-"), why


@pytest.mark.parametrize(("body", "why"), [
    ('{% set roster = "speakers" %}\n\n<< team(roster) >>\n', "an argument that is a variable"),
    ('<< team("speakers") >>\n\n<< config.site_name >>\n', "another expression"),
    ('{% if true %}\n<< team("speakers") >>\n{% endif %}\n', "a block"),
])
def test_pages_with_more_for_jinja_go_through_mkdocs_macros(
        site: Callable[..., Built], compiled: list[str], body: str, why: str) -> None:
    front = {key: FRONT[key] for key in ("title", "workshop", "speakers")}
    built = site({"index.md": page(front, body)}, strict=True)
    assert built.ok, (why, built.failure)
    assert [text for text in compiled if "team(" in text], why
    assert "Ada Lovelace" in article(built), why


def test_a_macros_module_that_reads_pages_first_keeps_them_templates(
        tmp_path: Path, site: Callable[..., Built], compiled: list[str]) -> None:
    module = ("def define_env(env):\n    pass\n\n"
              "def on_pre_page_macros(env):\n"
              "    env.markdown = env.markdown.replace('PLACEHOLDER', 'replaced by the module')\n")
    macros = {"macros": {**MACROS["macros"], "module_name": "site_module"}}
    built = site({"index.md": page(FRONT, "PLACEHOLDER\n\n" + BODY)}, strict=True,
                 plugins=[macros, "workshop"], files={"site_module.py": module})
    assert built.ok, built.failure
    assert [text for text in compiled if "team(" in text]
    assert "replaced by the module" in article(built) and "Ada Lovelace" in article(built)


def test_a_title_for_jinja_keeps_the_page_a_template(
        site: Callable[..., Built], compiled: list[str]) -> None:
    front = {**FRONT, "title": "<< config.site_name >> 2024"}
    built = site({"index.md": page(front, BODY)})
    assert built.ok, built.failure
    assert [text for text in compiled if "team(" in text]


def test_problems_of_calls_rendered_in_place_are_located(
        site: Callable[..., Built], compiled: list[str]) -> None:
    built = site({"index.md": page(FRONT, '<< team("speakrs") >>\n\n<< team("speakers", '
                                   'layout="grid", columns=3) >>\n')}, strict=True)
    assert not built.ok
    assert not [text for text in compiled if "team(" in text]
    messages = "\n".join(built.errors)
    assert "index.md" in messages and "speakrs" in messages
    assert "columns" in messages


@pytest.mark.parametrize(("body", "why"), [
    ('<<< team("speakers") >>\n', "a third '<', which Jinja reads as an operator"),
    ('<< team(u"speakers") >>\n', "a Python string prefix, which Jinja does not read"),
    ('<< team("speakers" >>\n', "an unclosed call"),
])
def test_a_page_jinja_cannot_read_means_the_same_on_both_paths(
        site: Callable[..., Built], compiled: list[str], body: str, why: str) -> None:
    """The in-place path used to render these itself where Jinja gives mkdocs-macros' error
    page: now Jinja's own parser decides, so such a page goes to mkdocs-macros."""
    front = {key: FRONT[key] for key in ("title", "workshop", "speakers")}
    built = site({"index.md": page(front, body)})
    assert [text for text in compiled if "team(" in text], why
    assert 'class="workshop-team' not in article(built), why
