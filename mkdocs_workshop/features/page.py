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

from ..core import scan
from ..core.calls import Call
from ..core.imagerefs import ImageMaker
from ..core.problems import Problem, Problems
from ..core.scan import MacroCall
from ..core.timezones import Zone
from . import FEATURES, MACROS, NOT_ROSTERS
from .base import Directory, Issues, Macro, PageRead, Part, Reading, frozen
from .directory import Directory as EmptyDirectory
from .papers import PaperFiles
from .team import rosters

_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!]")


# The calls whose problems were reported when the page was read (a macro does not report
# them again when it renders).
REPORTED: Part[frozenset[str]] = Part("reported_calls", frozenset())


def find_calls(markdown: str, *, start: str = "<<", end: str = ">>", block_start: str = "{%",
               block_end: str = "%}", comment_start: str = "{#", comment_end: str = "#}",
               first_line: int = 0) -> list[MacroCall]:
    """Every call of the registry's macros in ``markdown`` (see core/scan.py)."""
    return scan.find_calls(markdown, start=start, end=end, block_start=block_start,
                           block_end=block_end, comment_start=comment_start,
                           comment_end=comment_end, first_line=first_line, names=MACROS)


def read_page(src: str, meta: Mapping[str, Any], calls: Iterable[MacroCall] | None, *,
              default_zone: Zone, url_for: Callable[[str], str | None],
              directory: Directory | None = None, papers: PaperFiles | None = None,
              images: ImageMaker | None = None,
              front_problems: Iterable[Problem] = ()) -> PageRead:
    """Validate everything on the page that the plugin's macros can show.

    ``meta`` is the front matter as :func:`~mkdocs_workshop.core.frontmatter.parse_front_matter`
    read it, and ``front_problems`` what it found wrong with the block itself. ``calls`` are
    the macro calls found in the page's text; None when the text was not looked at (then a
    list that no call shows is not reported).
    """
    problems = Problems(src, list(front_problems))
    meta = {k: v for k, v in meta.items() if isinstance(k, str)}
    title = meta.get("title")
    if isinstance(title, str) and _MARKUP.search(title):
        problems.warn(
            "contains HTML markup, and MkDocs and Material show a page title as HTML: it "
            "would become part of the page.", key="title",
            fix="remove the tags, or write &lt; for a '<' that should show.",
        )
    scanned = calls is not None
    calls = list(calls or ())
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
    reading.parts[REPORTED.name] = frozenset(reported)
    if scanned:
        report_unshown(meta, partial, calls, problems)
    return PageRead(src, tuple(problems.items), frozenset(meta), frozen(meta),
                    frozen(reading.parts), tuple(calls))


def call_issues(macro: Macro, call: Call, read: PageRead) -> Issues:
    """What is wrong with a call of ``macro`` on this page: the list it shows is missing, or
    the macro's own check."""
    issues: Issues = []
    if macro.key is not None and macro.key not in read.keys:
        issues.append((f"is used, but the page has no '{macro.key}:' {macro.shows}.",
                       f"add a '{macro.key}:' {macro.shows} to the front matter (see the "
                       f"reference of {macro.name}()), or remove the call."))
    if macro.check is not None:
        issues += macro.check(call, read)
    return issues


def report_unshown(meta: Mapping[str, Any], read: PageRead, calls: Iterable[MacroCall],
                   problems: Problems) -> None:
    """Warn of a list the page fills that no macro call on the page shows: a roster no
    ``team()`` names, ``schedule:`` without ``schedule()``, and so on (not ``dates:``, which the
    edition header and the series index show too). A call inside a Jinja comment shows nothing;
    a ``team()`` whose roster is computed could show any roster."""
    calls = list(calls)
    called = {call.name for call in calls}
    for macro in MACROS.values():
        value = meta.get(macro.key) if macro.key is not None else None
        if (macro.key is None or not macro.only_shown_by_call or macro.name in called
                or not isinstance(value, list) or not value):
            continue
        problems.warn(
            f"has {len(value)} entr{'y' if len(value) == 1 else 'ies'}, but no "
            f"<< {macro.name}() >> on the page shows them.", key=macro.key,
            fix=f"add << {macro.name}() >> on a line of its own where they should show; or, "
            f"to keep them unpublished, comment out the '{macro.key}:' lines with '#'.",
        )
    team = [call for call in calls if call.name == "team"]
    if any(call.arg is None for call in team):
        return
    named = {call.arg for call in team}
    for key, cards in rosters(read.parts).items():
        if key not in named and cards:
            problems.warn(
                f"has {len(cards)} {'person' if len(cards) == 1 else 'people'}, but no "
                f"<< team(\"{key}\") >> on the page shows them.", key=key,
                fix=f"add << team(\"{key}\") >> on a line of its own where they should show; "
                f"or, to keep them unpublished, comment out the '{key}:' lines with '#'.",
            )


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
