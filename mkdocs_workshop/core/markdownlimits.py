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

Two other shapes cost Markdown the same, and are found and placed the same way:

- **Emphasis marks**: its emphasis patterns try each ``*`` and ``_`` against the rest of the
  paragraph (120,000 marks: six seconds; 400,000: a minute). A paragraph may hold
  :data:`MAX_EMPHASIS` of them.
- **Nesting**: lists and quotes nested hundreds of levels deep make Markdown recurse until
  Python stops it (a traceback that ends the build) or take seconds per line. A line may be
  :data:`MAX_DEPTH` levels deep (each ``>`` and each two columns of indentation is a level).

HTML blocks with a ``markdown`` attribute (``md_in_html``) recurse too: beyond
:data:`MAX_DEPTH` such blocks inside each other, the attribute is taken off (the inner HTML is
shown as HTML, its Markdown as written), see :func:`tame_html_depth`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

# Steps of Markdown's bracket scans a paragraph may cost: about a second of Markdown's time.
# A real paragraph with a hundred links costs a few thousand.
BUDGET = 10_000_000
MAX_EMPHASIS = 50_000  # '*' and '_' in one paragraph: about half a second of Markdown's time
MAX_DEPTH = 100  # levels of lists, quotes and markdown-HTML blocks inside each other

_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")
_BRACKETS = re.compile(r"\\.|[\[\]()]", re.DOTALL)


@lru_cache(maxsize=4)
def _deep_line(limit: int) -> re.Pattern[str]:
    """A line's leading run of indentation and quote marks, when it may be long enough to
    reach ``limit`` levels (a tab is two)."""
    return re.compile(rf"^[ \t>]{{{max(1, limit // 2)},}}", re.MULTILINE)


@dataclass(frozen=True)
class Heavy:
    """A paragraph Markdown would take too long to read."""

    line: int  # its first line, counted in the text given
    start: int  # where it starts in the text given
    brackets: int  # the brackets it holds
    cost: int  # the steps Markdown's scans would take
    why: str = "brackets"  # or "emphasis" (marks over MAX_EMPHASIS), "depth" (MAX_DEPTH)
    count: int = 0  # the marks it holds ("emphasis"), the levels it reaches ("depth")


def depth(paragraph: str) -> int:
    """How many levels deep the deepest line of ``paragraph`` stands: each ``>`` of its
    prefix and each two columns of indentation (a tab is four) is one."""
    deepest = 0
    for found in _deep_line(MAX_DEPTH).finditer(paragraph):
        prefix = found.group(0)
        columns = prefix.count(" ") + 4 * prefix.count("\t")
        deepest = max(deepest, prefix.count(">") + columns // 2)
    return deepest


def _weight(paragraph: str) -> Heavy | None:
    """Why Markdown would take too long over ``paragraph``, or None (the place is filled in
    by the caller)."""
    cost = bracket_cost(paragraph)
    if cost > BUDGET:
        return Heavy(0, 0, sum(paragraph.count(c) for c in "[]()"), cost)
    if len(paragraph) > MAX_EMPHASIS:
        marks = paragraph.count("*") + paragraph.count("_")
        if marks > MAX_EMPHASIS:
            return Heavy(0, 0, 0, 0, "emphasis", marks)
    if len(paragraph) > MAX_DEPTH // 2:
        levels = depth(paragraph)
        if levels > MAX_DEPTH:
            return Heavy(0, 0, 0, 0, "depth", levels)
    return None


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
    if ((markdown.count("[") + markdown.count("(")) * len(markdown) <= BUDGET
            and markdown.count("*") + markdown.count("_") <= MAX_EMPHASIS
            and not _deep_line(MAX_DEPTH).search(markdown)):
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
        weight = _weight(paragraph)
        if weight is not None:
            heavy.append(replace(weight, line=line, start=start))
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


# An HTML tag, opening or closing, of the elements md_in_html builds into a tree: block
# elements (inline ones and those never closed cost it nothing).
_TAG = re.compile(r"<(/?)([A-Za-z][\w-]*)\b([^<>]*)>")
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "details", "dialog", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "li", "main",
    "nav", "ol", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "ul"})
_MARKDOWN_ATTR = re.compile(r"""\bmarkdown(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""")


def tame_html_depth(markdown: str) -> tuple[str, list[Heavy]]:
    """``markdown`` with the ``markdown`` attribute taken off each HTML block whose content
    (md_in_html reads it as a tree) nests block elements more than :data:`MAX_DEPTH` deep, so
    that it is HTML as written; those blocks (``why`` "html"); the text unchanged (the same
    object) when there are none."""
    if "markdown" not in markdown or markdown.count("<") <= MAX_DEPTH:
        return markdown, []
    stack: list[tuple[str, tuple[int, int] | None]] = []  # open blocks: name, attribute span
    read_at: int | None = None  # where in the stack the outermost block Markdown reads is
    raw_at: int | None = None  # where the block made HTML as written is, while it is open
    cut: list[tuple[int, int]] = []
    for found in _TAG.finditer(markdown):
        name = found.group(2).lower()
        if name not in _BLOCKS:
            continue
        if found.group(1):  # a closing tag: closes the innermost block, if it is its own
            if stack and stack[-1][0] == name:
                stack.pop()
                read_at = None if read_at is not None and len(stack) <= read_at else read_at
                raw_at = None if raw_at is not None and len(stack) <= raw_at else raw_at
            continue
        attr = _MARKDOWN_ATTR.search(found.group(3)) if "markdown" in found.group(3) else None
        span = (found.start(3) + attr.start(), found.start(3) + attr.end()) if attr else None
        if span and read_at is None and raw_at is None:
            read_at = len(stack)
        stack.append((name, span))
        if read_at is not None and len(stack) > MAX_DEPTH:
            outer = stack[read_at][1]
            assert outer is not None
            cut.append(outer)
            raw_at, read_at = read_at, None
    if not cut:
        return markdown, []
    parts: list[str] = []
    last = 0
    blocks: list[Heavy] = []
    for begin, end in cut:
        parts.append(markdown[last:begin])
        start = markdown.rfind("<", 0, begin)
        blocks.append(Heavy(markdown.count("\n", 0, begin) + 1, start, 0, 0, "html",
                            MAX_DEPTH + 1))
        last = end
    parts.append(markdown[last:])
    return "".join(parts), blocks
