"""Reading one page: its front matter, feature by feature, and the macro calls in its text.

:func:`read_page` runs before any macro renders the page. It gives every feature (in the
registry's order, see features/__init__.py) a :class:`~mkdocs_workshop.features.base.Reading`
of the page, checks each macro call found in the text, and returns a
:class:`~mkdocs_workshop.features.base.PageRead` with what can be shown and every problem,
located. Nothing here needs a MkDocs build: the caller passes the front matter, the calls, and a
function that finds a site file's URL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .features import FEATURES, MACROS, NOT_ROSTERS
from .features.base import Call, Directory, Issues, Macro, PageRead, Reading, frozen
from .features.papers import PaperFiles
from .imagerefs import ImageMaker
from .problems import Problem, Problems
from .scan import MacroCall
from .timezones import Zone

_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!]")


def read_page(src: str, meta: Mapping[str, Any], calls: Iterable[MacroCall], *,
              default_zone: Zone, url_for: Callable[[str], str | None],
              directory: Directory | None = None, papers: PaperFiles | None = None,
              images: ImageMaker | None = None,
              front_problems: Iterable[Problem] = ()) -> PageRead:
    """Validate everything on the page that the plugin's macros can show.

    ``meta`` is the front matter as :func:`~mkdocs_workshop.frontmatter.parse_front_matter`
    read it, and ``front_problems`` what it found wrong with the block itself.
    """
    from .features.directory import Directory as EmptyDirectory

    problems = Problems(src, list(front_problems))
    meta = {k: v for k, v in meta.items() if isinstance(k, str)}
    title = meta.get("title")
    if isinstance(title, str) and _MARKUP.search(title):
        problems.warn(
            "contains HTML markup, and MkDocs and Material show a page title as HTML: it "
            "would become part of the page.", key="title",
            fix="remove the tags, or write &lt; for a '<' that should show.",
        )
    calls = list(calls)
    reading = Reading(src=src, meta=meta, problems=problems, calls=calls,
                      default_zone=default_zone, url_for=url_for,
                      directory=directory or EmptyDirectory("people.yml"),
                      papers=papers if papers is not None else PaperFiles(""),
                      images=images, not_rosters=NOT_ROSTERS)
    for feature in FEATURES:
        if feature.read is not None:
            reading.parts.update(feature.read(reading))
    partial = PageRead(src, (), frozenset(meta), meta, frozen(reading.parts))
    reported: set[str] = set()
    for call in calls:
        reported |= check_call(call, partial, problems)
    reading.parts["reported_calls"] = frozenset(reported)
    return PageRead(src, tuple(problems.items), frozenset(meta), frozen(meta),
                    frozen(reading.parts), tuple(calls))


def call_issues(macro: Macro, call: Call, read: PageRead) -> Issues:
    """What is wrong with a call of ``macro`` on this page: the list it shows is missing, or
    the macro's own check."""
    issues: Issues = []
    if macro.key is not None and macro.key not in read.keys:
        issues.append((f"is used, but the page has no '{macro.key}:' list.",
                       f"add a '{macro.key}:' list to the front matter (see the reference of "
                       f"{macro.name}()), or remove the call."))
    if macro.check is not None:
        issues += macro.check(call, read)
    return issues


def check_call(found: MacroCall, read: PageRead, problems: Problems) -> set[str]:
    """Report what is wrong with a call found in the page's text before it renders; the calls
    (as messages name them) whose problems were reported."""
    reported: set[str] = set()
    macro = MACROS[found.name]
    call = found.as_call()
    if call is not None:
        issues = call_issues(macro, call, read)
        for message, fix in issues:
            problems.error(message, call=found.where, fix=fix)
        if issues:
            reported.add(macro.name_call(call))
    if not found.standalone:
        problems.warn(
            "shares its line with other text or is indented, so its HTML would come out "
            "mis-nested.", call=found.where,
            fix="put the call on a line of its own, at the start of the line, "
            "with a blank line before and after it.",
        )
    return reported
