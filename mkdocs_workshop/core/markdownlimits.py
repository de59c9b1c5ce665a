"""Page text that Python-Markdown would take minutes to read, found in one pass and made
harmless before it is given to Markdown.

Python-Markdown's link and image parsers look, from every ``[``, for the ``]`` that closes it,
and from every ``](`` for the ``)`` that closes the address: a paragraph of thousands of nested
or unclosed brackets costs the square of its length (100,000 nested brackets: about twenty
minutes). :func:`tame_brackets` measures that cost exactly as those scans add up (the distance
from each opening bracket to its closing one, or to the end of the paragraph), and a paragraph
over :data:`BUDGET` is given to Markdown as one ready-made block of text instead (the caller
decides how: the plugin places it like a macro's HTML, so Markdown sees one word), and is
reported with its line. (Escaping the brackets is not enough: Markdown's inline pass over
200,000 escapes is itself quadratic.)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# Steps of Markdown's bracket scans a paragraph may cost: about a second of Markdown's time.
# A real paragraph with a hundred links costs a few thousand.
BUDGET = 10_000_000

_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")
_BRACKETS = re.compile(r"\\.|[\[\]()]", re.DOTALL)


@dataclass(frozen=True)
class Heavy:
    """A paragraph Markdown would take too long to read."""

    line: int  # its first line, counted in the text given
    start: int  # where it starts in the text given
    brackets: int  # the brackets it holds
    cost: int  # the steps Markdown's scans would take


def bracket_cost(paragraph: str) -> int:
    """The steps Markdown's bracket scans take over ``paragraph``: for each ``[`` (and each
    ``(``), the distance to the bracket that closes it, or to the end when none does."""
    if (paragraph.count("[") + paragraph.count("(")) * len(paragraph) <= BUDGET:
        return 0  # no paragraph this short can cost more: skip the exact count
    cost = 0
    square: list[int] = []
    round_: list[int] = []
    for match in _BRACKETS.finditer(paragraph):
        char, where = match.group(0), match.start()
        if char == "[":
            square.append(where)
        elif char == "]" and square:
            cost += where - square.pop()
        elif char == "(":
            round_.append(where)
        elif char == ")" and round_:
            cost += where - round_.pop()
    end = len(paragraph)
    cost += sum(end - where for where in square) + sum(end - where for where in round_)
    return cost


def tame_brackets(markdown: str,
                  as_text: Callable[[str], str]) -> tuple[str, list[Heavy]]:
    """``markdown`` with each paragraph over the budget replaced by ``as_text(paragraph)``
    (Markdown that shows it as written, at no cost), and those paragraphs; the text unchanged
    (the same object) when there are none. Fenced code is not read for links: its brackets
    cost nothing, and it is never replaced."""
    if (markdown.count("[") + markdown.count("(")) * len(markdown) <= BUDGET:
        return markdown, []  # no paragraph of it can cost more: not looked at
    heavy: list[Heavy] = []
    parts: list[str] = []
    last = 0
    for begin, end in [*fenced_code(markdown), (len(markdown), len(markdown))]:
        parts += _tame_text(markdown, last, begin, as_text, heavy)
        parts.append(markdown[begin:end])
        last = end
    if not heavy:
        return markdown, []
    return "".join(parts), heavy


def _tame_text(markdown: str, start: int, stop: int, as_text: Callable[[str], str],
               heavy: list[Heavy]) -> list[str]:
    """The paragraphs of ``markdown[start:stop]`` (text outside code fences), each over the
    budget replaced and added to ``heavy``."""
    parts: list[str] = []
    line = markdown.count("\n", 0, start) + 1 if start else 1
    separators = [*_PARAGRAPHS.finditer(markdown, start, stop), None]
    for separator in separators:
        end = separator.start() if separator else stop
        paragraph = markdown[start:end]
        cost = bracket_cost(paragraph)
        if cost > BUDGET:
            heavy.append(Heavy(line, start, sum(paragraph.count(c) for c in "[]()"), cost))
            paragraph = as_text(paragraph)
        parts.append(paragraph)
        if separator is None:
            break
        parts.append(separator.group(0))
        line += markdown.count("\n", start, separator.end())
        start = separator.end()
    return parts


def line_in_file(source: str | None, markdown: str, heavy: Heavy) -> int:
    """The line of the page's file (``source``) where the paragraph starts: the text given
    to Markdown went through the templates, so its lines may not be the file's."""
    head = markdown[heavy.start:heavy.start + 200].strip()
    found = source.find(head) if source and head else -1
    if source is None or found < 0:
        return heavy.line
    return source.count("\n", 0, found) + 1


def fenced_code(markdown: str) -> list[tuple[int, int]]:
    """Where the closed code fences (``` or ~~~) are: from the start of the opening line to
    the end of the closing one. A fence that is never closed is not code to every Markdown
    extension, so its text is read like any other."""
    spans: list[tuple[int, int]] = []
    fence: str | None = None
    opened = position = 0
    for line in markdown.splitlines(keepends=True):
        if fence is None:
            found = _FENCE.match(line)
            if found:
                fence, opened = found.group(1), position
        else:
            stripped = line.strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                spans.append((opened, position + len(line)))
                fence = None
        position += len(line)
    return spans
