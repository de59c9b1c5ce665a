"""Inline Liquid loops over a roster, as ``team()`` calls.

The seeds' family lists some rosters with a loop in the page's text instead of the team
include::

    <ul>
    {% for p in page.StudentOrganizers %}
    <li><a{% if p.url %} href="{{ p.url }}"{% endif %}>{{ p.name }}</a></li>
    {% endfor %}
    </ul>

Such a loop (with the ``<ul>``/``<ol>`` around it, when there is one) becomes
``<< team("StudentOrganizers", "names") >>`` when the roster is a plain name and a key of the
page's front matter. The layout follows what the loop drew: list items give ``names`` (a plain
list of linked names; so do Markdown list items, ``- {{ p.name }}``), a loop that shows a photo
gives the cards (``grid``), anything else ``compact``. A ``<div>`` that holds only the loop (a
row of cards) goes with it. A loop inside an HTML comment stays in the comment: Jekyll did not
show it either. Any other loop (over ``site.data``, with ``limit:`` or ``where``, over a nested
key) is left to the rest of the importer, which keeps it as written and reports it.

One pass over the loop tags, each opening paired with the next ``{% endfor %}``: linear.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

_LOOP_TAG = re.compile(
    r"\{%-?\s*(?:(?P<end>endfor)|for\s+(?P<var>\w{1,100})\s+in\s+page\.(?P<key>[\w\-]{1,100}))"
    r"\s*-?%\}")
# The element around a loop, when it holds only the loop: a list, or a row of cards.
_LIST_OPEN = re.compile(r"<(ul|ol|div)\b[^<>]{0,1000}>\s*$", re.I)
_LIST_CLOSE = re.compile(r"\s*</(ul|ol|div)>", re.I)  # matched at the loop's end
_MARKDOWN_ITEM = re.compile(r"^\s*[-*+]\s", re.M)
_PLAIN_NAME = re.compile(r"[\w \-]{1,100}")
MAX_LOOP = 5_000  # characters between the tags: a roster's loop is a few lines


@dataclass
class LoopResult:
    text: str
    teams: list[str] = field(default_factory=list)  # the calls made, as written
    kept: list[str] = field(default_factory=list)  # "roster: why", loops left as written


def layout_of(loop_body: str) -> str:
    """The team() layout that shows what the loop drew."""
    lowered = loop_body.lower()
    if "<img" in lowered or ".image" in lowered or ".photo" in lowered:
        return "grid"
    if "<li" in lowered or _MARKDOWN_ITEM.search(loop_body):
        return "names"
    return "compact"


def convert_loops(body: str, keys: Collection[str], hidden: list[tuple[int, int]],
                  macro: Callable[[str], str]) -> LoopResult:
    """``body`` with each loop over a roster of ``keys`` (outside the ``hidden`` spans,
    sorted: HTML comments) replaced by ``macro(call)``."""
    result = LoopResult(body)
    pieces: list[str] = []
    last = 0
    opening: re.Match[str] | None = None
    index = 0
    for tag in _LOOP_TAG.finditer(body):
        if tag.group("end") is None:
            opening = tag  # the innermost opening: a nested loop is not a roster's
            continue
        if opening is None:
            continue
        start_tag, opening = opening, None
        while index < len(hidden) and hidden[index][1] <= start_tag.start():
            index += 1
        if index < len(hidden) and hidden[index][0] <= start_tag.start():
            continue  # commented out in the source
        if start_tag.start() < last:
            continue
        key = start_tag.group("key")
        inner = body[start_tag.end():tag.start()]
        why = _not_convertible(key, keys, inner)
        if why:
            result.kept.append(f"{key}: {why}")
            continue
        start, end = start_tag.start(), tag.end()
        line_start = body.rfind("\n", max(last, start - 1000), start) + 1
        before = body[max(last, line_start - 1000):start]
        opened = _LIST_OPEN.search(before)
        closed = _LIST_CLOSE.match(body, end, min(len(body), end + 1000))
        if opened and closed and opened.group(1).lower() == closed.group(1).lower():
            start -= len(before) - opened.start()
            end = closed.end()
        call = f'<< team("{key}", "{layout_of(inner)}") >>'  # key: a plain name
        result.teams.append(call)
        pieces += [body[last:start], macro(call)]
        last = end
    pieces.append(body[last:])
    result.text = "".join(pieces)
    return result


def _not_convertible(key: str, keys: Collection[str], inner: str) -> str:
    if not _PLAIN_NAME.fullmatch(key):
        return "the roster name is not plain (letters, digits, spaces, _ and -)"
    if key not in keys:
        return f"the page has no '{key}' list in its front matter"
    if len(inner) > MAX_LOOP:
        return f"the loop is longer than {MAX_LOOP:,} characters"
    return ""
