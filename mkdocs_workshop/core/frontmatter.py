"""A page's front matter, read once per build from the page's file, with the limits and
checks of :mod:`mkdocs_workshop.core.safeload`.

The plugin reads front matter itself rather than use MkDocs' reading (``page.meta``): MkDocs
reads it with libyaml and no limits, drops a block PyYAML fails on (a date that does not exist)
and shows it as page text, which mkdocs-macros then renders, and reads ``1:30:00`` as 5400.
:class:`FrontMatter` says what the plugin read, what was wrong with the block itself, and what
MkDocs must be given instead of a block it would lose or crash on.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .fields import FieldIssue, to_text
from .meta import YAML_RE, get_data
from .problems import Problem, Problems, brief, kind_of
from .safeload import load

# The empty front matter MkDocs is given in place of a block it cannot read safely.
EMPTY_FRONT_MATTER = "---\n{}\n---\n"


@dataclass
class FrontMatter:
    """A page's front matter as the plugin reads it (see :mod:`mkdocs_workshop.core.safeload`)."""

    meta: dict[str, Any]  # string keys only; {} when there is none or it cannot be read
    problems: list[Problem]
    hidden: tuple[Any, ...] = ()  # keys to keep from mkdocs-macros while it renders the page
    # MkDocs is given an empty block instead of the page's, and the page's meta is set to
    # ``mkdocs_meta``: when the plugin read the block as a mapping (MkDocs need not read it a
    # second time), and when the plugin could not read it (MkDocs, which reads front matter
    # with libyaml and no limits, would lose it as page text, or crash on it).
    replace: bool = False
    mkdocs_meta: dict[Any, Any] = field(default_factory=dict)
    body_start: int = 0  # where the page's Markdown starts in its file
    # Values set in MkDocs' meta before other plugins see the page: a title that is not text
    # (title: 2024) would make mkdocs-macros and the theme fail on it.
    patch: dict[str, Any] = field(default_factory=dict)
    # Keys taken out of MkDocs' meta: values MkDocs or the theme would fail on (a template
    # that does not exist, hide: 1), each reported.
    drop: tuple[str, ...] = ()


def parse_front_matter(src: str, source: str,
                       theme_dirs: Sequence[str] = ()) -> FrontMatter:
    """Read the front matter of the page ``src`` from its file's text, once. ``theme_dirs``:
    where the theme's templates are, to check the keys that name one (``template``, ``icon``).
    """
    problems = Problems(src)
    match = YAML_RE.match(source)
    if not match:
        return _multimarkdown(source, problems, theme_dirs)
    loaded = load(match.group(1), first_line=2)
    front = FrontMatter({}, problems.items, body_start=match.end())
    if not loaded.ok:
        assert loaded.error is not None
        problems.error(f"the front matter {loaded.error[0]}", fix=loaded.error[1])
        # MkDocs would read the block again and, failing too, give it to Markdown as page
        # text: a flood of brackets is quadratic for Markdown's link parser, and a value would
        # reach mkdocs-macros as template text. It gets an empty block; the error stands.
        front.replace = True
        return front
    for key, first, second in loaded.duplicates:
        problems.warn(
            f"line {second}: '{key}' is written again (first at line {first}); YAML keeps "
            "only the last one, so what is under the first is lost.",
            fix=f"merge the two '{key}' into one, or rename one of them.",
        )
    for message, fix in loaded.half_notes():
        problems.warn(f"the front matter, {message}", fix=fix)
    data = loaded.data
    if data is None:
        return front
    if not isinstance(data, dict):
        problems.error(
            f"the front matter is {kind_of(data)}, not a set of 'key: value' lines.",
            fix="write the front matter as 'key: value' lines between the two '---' lines.",
        )
        return front
    _check_keys(front, data, problems, theme_dirs)
    front.replace = True
    front.mkdocs_meta = {k: v for k, v in data.items() if k not in front.drop}
    return front


def _multimarkdown(source: str, problems: Problems, theme_dirs: Sequence[str]) -> FrontMatter:
    """A page without YAML front matter may start with MultiMarkdown's ``Key: value`` lines,
    which MkDocs reads as its meta: the same checks apply (an ``ignore_macros:`` line would make
    mkdocs-macros stop the build)."""
    body, data = get_data(source)
    if not data:
        return FrontMatter({}, [])
    front = FrontMatter({}, problems.items, body_start=len(source) - len(body))
    _check_keys(front, dict(data), problems, theme_dirs)
    return front


def _check_keys(front: FrontMatter, data: dict[Any, Any], problems: Problems,
                theme_dirs: Sequence[str]) -> None:
    """Keys mkdocs-macros cannot take, and values MkDocs or the theme fail on."""
    front.drop = tuple(_theme_keys(data, problems, theme_dirs))
    hidden: list[Any] = []
    for key in data:
        if not isinstance(key, str):
            hidden.append(key)
            word = _yaml_word(key)
            problems.error(
                f"the front-matter key {word} is {_key_kind(key)}, not a name: mkdocs-macros "
                "makes every key a variable of the page, and cannot render it.",
                fix=f"put the key in quotes (\"{word}\":) or give it a name.",
            )
        elif key == "page":
            hidden.append(key)
            problems.error("mkdocs-macros gives each page the variable 'page' (the page "
                           "itself); a 'page:' key would replace it, and the page's macros "
                           "could not run.", key=key, fix="rename the key 'page'.")
        elif key == "ignore_macros":
            hidden.append(key)
            problems.error("mkdocs-macros refuses this key and stops the build with a "
                           "traceback.", key=key, fix="rename the key; to show the page "
                           "without rendering its macros, write 'render_macros: false'.")
    render = data.get("render_macros")
    if render is not None and not isinstance(render, bool):
        problems.warn("should be true or false; mkdocs-macros renders the page unless it is "
                      "false.", key="render_macros", fix="write render_macros: false "
                      "(without quotes) to show the page without rendering its macros.")
    title = data.get("title")
    if "title" in data and title is None:
        # 'title:' with nothing after it: MkDocs would give the page the title None, which
        # mkdocs-macros fails on; without the key, the page's first heading is its title.
        front.drop += ("title",)
    elif title is not None and not isinstance(title, str):
        front.patch["title"] = _title_text(title, problems)
    front.meta = {k: v for k, v in data.items() if isinstance(k, str)}
    front.hidden = tuple(hidden)


def _theme_keys(data: Mapping[Any, Any], problems: Problems,
                theme_dirs: Sequence[str]) -> list[str]:
    """Keys MkDocs and Material read from front matter: those whose value would make them fail
    (reported as errors, and given to neither), and text they write into the page as HTML."""
    drop = []
    for key in ("template", "icon"):
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            problems.error(f"should name one of the theme's {key}s, not {brief(value)}.",
                           key=key, fix=f"write {key}: and the name, or remove the key.")
            drop.append(key)
            continue
        path = value if key == "template" else f".icons/{value}.svg"
        if theme_dirs and not _in_theme(path, theme_dirs):
            what = "a template" if key == "template" else "an icon"
            problems.error(f"'{value}' is not {what} of the theme or of custom_dir.", key=key,
                           fix=f"correct the name, or add the {key} to custom_dir.")
            drop.append(key)
    hide = data.get("hide")
    if hide is not None and not (isinstance(hide, list)
                                 and all(isinstance(item, str) for item in hide)):
        problems.error(f"should be a list of what to hide (navigation, toc, footer, ...), not "
                       f"{brief(hide)}.", key="hide", fix="write hide: [toc] or hide: "
                       "[navigation, toc].")
        drop.append("hide")
    search = data.get("search")
    if search is not None and not isinstance(search, dict):
        problems.error(f"should be a set of 'key: value' lines (exclude: true, boost: 2), not "
                       f"{brief(search)}.", key="search", fix="write search: {exclude: true}.")
        drop.append("search")
    for key in ("description", "author", "subtitle", "status"):
        value = data.get(key)
        if isinstance(value, (list, dict)):
            # Material prints Python's view of it, unescaped: every name in a roster under
            # this key would be HTML in the page.
            kind = "a list" if isinstance(value, list) else "a mapping"
            problems.error(f"is {kind}, but Material writes this key into the page as text, "
                           "without escaping: what it holds would be HTML in the page.",
                           key=key, fix=f"rename the key (a roster: '{key}_team'), or write "
                           "one line of text.")
            drop.append(key)
    for key in ("subtitle", "status"):
        value = data.get(key)
        if isinstance(value, str) and _MARKUP.search(value):
            problems.warn("contains HTML markup, which Material shows as HTML in the navigation "
                          "of every page.", key=key,
                          fix="remove the tags, or write &lt; for a '<' that should show.")
    return drop


def _in_theme(path: str, theme_dirs: Sequence[str]) -> bool:
    parts = [p for p in path.replace("\\", "/").split("/") if p]
    if not parts or any(p == ".." for p in parts) or "\x00" in path:
        return False
    return any(os.path.isfile(os.path.join(d, *parts)) for d in theme_dirs)


_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!]")


def _title_text(title: object, problems: Problems) -> str:
    """A ``title:`` that YAML did not read as text, as the text the page shows."""
    if isinstance(title, (int, float, date)) and not isinstance(title, bool):
        text = title.isoformat() if isinstance(title, date) else str(title)
        if not isinstance(title, date):
            problems.warn(f"was read as the number {text}, so it may not show as written.",
                          key="title", fix=f'put the title in quotes: title: "{text}".')
        return text
    try:
        to_text(title)
    except FieldIssue as issue:
        problems.error(issue.message, key="title", fix=issue.fix)
    return brief(title)


def _key_kind(key: object) -> str:
    if key is None:
        return "empty"
    if isinstance(key, bool):
        return "a true/false value"
    if isinstance(key, (int, float)):
        return "a number"
    return f"a {type(key).__name__}"


def _yaml_word(key: object) -> str:
    """A key as YAML wrote it: true, null, 2024-05-16, 1.5."""
    if key is None:
        return "null"
    if isinstance(key, bool):
        return str(key).lower()
    if isinstance(key, date):
        return key.isoformat()
    return brief(key)
