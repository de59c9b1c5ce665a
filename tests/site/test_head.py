"""The page's <head>: whatever a title, a description, an author, an edition's description, a
page's first paragraph or its first heading hold, nothing in the head is live, and its
structure is the same as with plain text (head.py escapes what the theme writes there)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import head_of, hostile_text, marked, structure
from hypothesis import HealthCheck, given, settings

from sitekit import build_config, page, write_site

PAGES = ("edition.md", "own.md", "heading.md")


def _site(root: Path, title: str, description: str, author: str, edition: str,
          paragraph: str, heading: str) -> Path:
    when = {"venue": "ICML 2024", "date": "2024-07-16"}
    return write_site(root, {
        "index.md": "# Home\n\nThe series.\n",
        "edition.md": page({"title": title, "description": description, "author": author,
                            "workshop": {**when, "description": edition}}, "Text."),
        "own.md": page({"title": "Own", "workshop": when}, paragraph + "\n\nMore."),
        "heading.md": f"# {heading}\n\nText.\n",
    }, extra_config={"site_url": "https://example.org/"})


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("plain")
    built = build_config(_site(root, "x", "x", "x", "x", "x", "x"))
    assert built.ok, built.messages()
    return {name: head_of(built.html(name)) for name in PAGES}


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(title=hostile_text(min_size=1, one_line=True, templates=False),
       description=hostile_text(min_size=1, one_line=True),
       author=hostile_text(min_size=1, one_line=True),
       edition=hostile_text(min_size=1, one_line=True),
       # a page's own text is Jinja to mkdocs-macros, by design (docs/trust.md)
       paragraph=hostile_text(min_size=1, one_line=True, templates=False),
       heading=hostile_text(min_size=1, one_line=True, templates=False))
def test_nothing_in_the_head_is_live(tmp_path_factory: pytest.TempPathFactory,
                                     plain: dict[str, str], title: str, description: str,
                                     author: str, edition: str, paragraph: str,
                                     heading: str) -> None:
    root = tmp_path_factory.mktemp("hostile")
    marker = root / "ran"
    values = [marked(v, marker) for v in (title, description, author, edition, paragraph,
                                          heading)]
    built = build_config(_site(root, *values))
    assert not marker.exists(), "a value ran as a template"
    if not built.ok:  # a value the plugin refuses (a date that does not exist, ...)
        assert built.errors, built.failure
        return
    for name in PAGES:
        head = head_of(built.html(name))
        tags, live, inline = structure(head)
        expected, _, inline_expected = structure(plain[name])
        assert live == [], (name, live)
        assert inline == inline_expected, name
        assert tags == expected, (name, head[:3000])


def test_the_classes_named_in_the_issue(tmp_path: Path) -> None:
    """A bio, a paper abstract, an edition's description: none of them reaches the head as
    markup; the page's own first paragraph describes it, not a macro's."""
    evil = '"><img src=x onerror=alert(1)>'
    write_site(tmp_path, {
        "index.md": page({"title": "Home", "workshop": {"venue": "V", "date": "2024-07-16",
                                                        "description": evil},
                          "speakers": [{"name": "Ada", "bio": evil}]},
                         '<< team("speakers") >>\n\nOur own words.'),
        "bio.md": page({"workshop": {"venue": "V", "date": "2024-07-16"},
                        "speakers": [{"name": "Ada", "bio": "A bio. " + evil}]},
                       '<< team("speakers") >>\n\nThe edition, in its own words.'),
    }, files={"docs/papers.yml": f"- title: P\n  authors: [A]\n  abstract: '{evil}'\n"},
        extra_config={"site_url": "https://example.org/"})
    built = build_config(tmp_path / "mkdocs.yml")
    assert built.ok, built.messages()
    home = head_of(built.html())
    assert '<meta name="description" content="&#34;&gt;&lt;img src=x onerror=alert(1)&gt;">' \
        in home
    assert structure(home)[1] == []
    bio = head_of(built.html("bio.md"))
    assert '<meta name="description" content="The edition, in its own words.">' in bio
