"""Find this plugin's macro calls in a page's Markdown before the macros plugin renders them.

The macros plugin swallows every exception raised inside a macro, so the plugin checks the calls
first: which roster a ``team()`` call names, which layout it asks for, and whether the call
stands alone on its line (an HTML block inside a list item or a paragraph comes out mis-nested).
Calls inside ``{% raw %}`` blocks are text, not calls, and calls inside Jinja comments
(``{# ... #}``, where a page keeps a section that waits for its data) are never run: both are
skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .calls import Call, environment, read_call


@dataclass(frozen=True)
class MacroCall:
    name: str
    text: str  # the call as written, with its delimiters
    line: int  # 1-based line in the Markdown the macros plugin sees (0 if unknown)
    standalone: bool
    arg: str | None = None  # the first argument (team's roster), if a literal string
    layout: str | None = None  # team(): the layout, if given as a literal
    # All arguments, when every one is a literal (None otherwise).
    args: tuple[object, ...] | None = None
    kwargs: dict[str, object] | None = None

    @property
    def where(self) -> str:
        return f"line {self.line}: {self.text}" if self.line else self.text

    def as_call(self) -> Call | None:
        """The call with its arguments, when they are all literals."""
        if self.args is None or self.kwargs is None:
            return None
        return Call(self.name, self.args, self.kwargs, self.where)


def _raw_block(block_start: str, block_end: str) -> re.Pattern[str]:
    s, e = re.escape(block_start), re.escape(block_end)
    return re.compile(rf"{s}-?\s*raw\s*-?{e}.*?{s}-?\s*endraw\s*-?{e}", re.S)


def _comment(comment_start: str, comment_end: str) -> re.Pattern[str]:
    """A Jinja comment, up to the first end of comment (as Jinja reads it)."""
    return re.compile(rf"{re.escape(comment_start)}.*?{re.escape(comment_end)}", re.S)


def _blank_out(match: re.Match[str]) -> str:
    # Keep the line count so that reported line numbers stay right.
    return "\n" * match.group(0).count("\n")


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def find_calls(markdown: str, *, start: str = "<<", end: str = ">>", block_start: str = "{%",
               block_end: str = "%}", comment_start: str = "{#", comment_end: str = "#}",
               first_line: int = 0, names: Iterable[str]) -> list[MacroCall]:
    """Every call of this plugin's macros in ``markdown``, outside raw blocks and comments.

    ``first_line`` is the number of lines before ``markdown`` in its file (the front matter),
    so that reported line numbers are those an editor shows.
    """
    names = tuple(names)
    env = environment((start, end), (block_start, block_end), (comment_start, comment_end))
    text = _raw_block(block_start, block_end).sub(_blank_out, markdown)
    text = _comment(comment_start, comment_end).sub(_blank_out, text)
    pattern = re.compile(
        rf"{re.escape(start)}-?\s*(?P<name>{'|'.join(names)})\s*\((?P<args>[^\n]*?)\)\s*-?"
        rf"{re.escape(end)}"
    )
    calls: list[MacroCall] = []
    counted, lines = 0, first_line + 1  # line numbers counted as the matches come: linear
    for match in pattern.finditer(text):
        lines += text.count("\n", counted, match.start())
        counted = match.start()
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line = text[line_start : line_end if line_end != -1 else len(text)]
        standalone = match.start() == line_start and line.strip() == match.group(0)
        arg = layout = None
        args: tuple[object, ...] | None = None
        kwargs: dict[str, object] | None = None
        parsed = read_call(match.group(0), env, names)
        if parsed is not None:
            positional, keywords = parsed
            if ... not in positional and ... not in keywords.values():
                args, kwargs = tuple(positional), keywords
            first = positional[0] if positional else None
            arg = _text(keywords.get("roster", keywords.get("source", first)))
            if match.group("name") == "team":
                given = keywords.get("layout", positional[1] if len(positional) > 1 else "grid")
                layout = _text(given)
        calls.append(MacroCall(
            name=match.group("name"),
            text=match.group(0),
            line=lines,
            standalone=standalone,
            arg=arg,
            layout=layout,
            args=args,
            kwargs=kwargs,
        ))
    return calls
