"""The text of a Jekyll page, converted for mkdocs-workshop.

- ``{% include team.html id="X" %}`` becomes ``<< team("X") >>`` on a line of its own;
- an "Important Dates" list becomes ``<< dates() >>``; its lines that are not dates stay as
  written, under the macro;
- ``{% comment %}`` blocks become HTML comments;
- ``{{ site.baseurl }}`` is dropped from links (MkDocs links are relative);
- any other Liquid, and anything else Jinja would read (``{{``, ``{%``, ``{#``, ``<<``), is kept
  verbatim inside ``{% raw %}`` ... ``{% endraw %}``, so the page shows it as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .freedates import DateLine, parse_date_line

_INCLUDE = re.compile(r"\{%-?\s*include\s+team\.html(?P<args>[^%]*?)-?%\}")
_INCLUDE_ID = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([\w-]+))""")
_DATES_HEADING = re.compile(r"^(?:#{1,6}\s+.*important\s+dates.*|<h[1-6][^>]*>.*important\s+"
                            r"dates.*</h[1-6]>)\s*$", re.I)
_ITEM = re.compile(r"^(?:[-*+]|\d+\.)\s+\S")
_LIQUID_COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}(.*?)\{%-?\s*endcomment\s*-?%\}", re.S)
_LIQUID_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BLOCK_OPEN = re.compile(r"\{%-?\s*(for|if|unless|case|capture|tablerow)\b[^%]*%\}")
_SIGNIFICANT = re.compile(r"\{\{|\{%|\{#|<<")
_BASEURL = re.compile(r"\{\{\s*site\.baseurl\s*\}\}")
_MD_IMAGE = re.compile(r"(!\[[^\]]*\]\()([^)\s]+)((?:\s+\"[^\"]*\")?\))")
_HTML_IMAGE = re.compile(r"""(<img\b[^>]*?\bsrc=)(["'])([^"']+)\2""", re.I)


@dataclass
class BodyResult:
    text: str
    teams: list[str] = field(default_factory=list)  # rosters of the converted includes
    dates: list[tuple[str, DateLine]] = field(default_factory=list)  # (line as written, parsed)
    kept_date_lines: list[str] = field(default_factory=list)
    liquid_kept: list[str] = field(default_factory=list)  # first line of each raw region
    comments_converted: int = 0
    baseurls_dropped: int = 0


def _placeholder(n: int) -> str:
    return f"\x00MACRO{n}\x00"


def convert_body(text: str, rewrite_image: Callable[[str], str | None], *,
                 dates: bool = True) -> BodyResult:
    """Convert a page's text; ``dates=False`` leaves "Important Dates" lists as written."""
    result = BodyResult(text)
    macros: list[str] = []

    def macro(call: str) -> str:
        macros.append(call)
        return f"\n\n{_placeholder(len(macros) - 1)}\n\n"

    # Jekyll's own raw blocks mean the same in Jinja: set them aside untouched.
    kept_raw: list[str] = []

    def set_aside(match: re.Match[str]) -> str:
        kept_raw.append(match.group(0))
        return f"\x00RAW{len(kept_raw) - 1}\x00"

    body = _LIQUID_RAW.sub(set_aside, text)

    def include(match: re.Match[str]) -> str:
        found = _INCLUDE_ID.search(match.group("args"))
        roster = next((g for g in found.groups() if g is not None), "team") if found else "team"
        result.teams.append(roster)
        return macro(f'<< team("{roster}") >>')

    body = _INCLUDE.sub(include, body)
    if dates:
        body = _convert_dates(body, result, macro)

    def comment(match: re.Match[str]) -> str:
        result.comments_converted += 1
        return f"<!--{match.group(1)}-->"

    body = _LIQUID_COMMENT.sub(comment, body)
    body, result.baseurls_dropped = _BASEURL.subn("", body)
    body = _rewrite_images(body, rewrite_image)
    body = _protect(body, result)
    for n, raw in enumerate(kept_raw):
        body = body.replace(f"\x00RAW{n}\x00", raw)
    # Blank lines around the inserted calls, and only there: code blocks keep theirs.
    body = re.sub(r"\n{3,}(?=\x00MACRO)", "\n\n", body)
    body = re.sub(r"(?<=\x00)\n{3,}", "\n\n", body)
    for n, call in enumerate(macros):
        body = body.replace(_placeholder(n), call)
    result.text = body.strip("\n") + "\n"
    return result


def _convert_dates(body: str, result: BodyResult, macro: Callable[[str], str]) -> str:
    lines = body.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        out.append(lines[i])
        if not _DATES_HEADING.match(lines[i].strip()):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        items: list[str] = []
        while j < len(lines) and (_ITEM.match(lines[j].lstrip())
                                  or (items and lines[j].startswith(("  ", "\t"))
                                      and lines[j].strip())):
            if _ITEM.match(lines[j].lstrip()):
                items.append(lines[j])
            else:
                items[-1] += "\n" + lines[j]
            j += 1
        converted = []
        kept = []
        for item in items:
            parsed = parse_date_line(item) if "\n" not in item else None
            if parsed is None:
                kept.append(item)
            else:
                converted.append((item.strip(), parsed))
        if not converted:  # nothing here is a date: leave the list alone
            i += 1
            continue
        result.dates.extend(converted)
        result.kept_date_lines.extend(k.strip() for k in kept)
        out.append(macro("<< dates() >>"))
        if kept:
            out.extend(kept)
        out.append("")
        i = j
    return "\n".join(out)


def _rewrite_images(body: str, rewrite: Callable[[str], str | None]) -> str:
    def markdown(match: re.Match[str]) -> str:
        new = rewrite(match.group(2))
        return match.group(0) if new is None else match.group(1) + new + match.group(3)

    def html(match: re.Match[str]) -> str:
        new = rewrite(match.group(3))
        quote = match.group(2)
        return match.group(0) if new is None else f"{match.group(1)}{quote}{new}{quote}"

    return _HTML_IMAGE.sub(html, _MD_IMAGE.sub(markdown, body))


def _protect(body: str, result: BodyResult) -> str:
    """Wrap every region Jinja would read in a raw block, keeping lines where they were."""
    spans: list[tuple[int, int]] = []
    for match in _HTML_COMMENT.finditer(body):
        if _SIGNIFICANT.search(match.group(0)):
            spans.append(match.span())
    for match in _BLOCK_OPEN.finditer(body):
        if _inside(match.start(), spans):
            continue
        end = _block_end(body, match.end(), match.group(1))
        spans.append((match.start(), end))
    for match in _SIGNIFICANT.finditer(body):
        if _inside(match.start(), spans) or "\x00" in body[match.start():match.start() + 2]:
            continue
        start = body.rfind("\n", 0, match.start()) + 1
        end = body.find("\n", match.start())
        spans.append((start, len(body) if end == -1 else end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    pieces = []
    last = 0
    for start, end in merged:
        region = body[start:end]
        if "\x00MACRO" in region:  # never wrap the converted macro calls
            pieces.append(body[last:end])
            last = end
            continue
        first_line = region.strip().split("\n", 1)[0]
        result.liquid_kept.append(first_line[:120])
        pieces.append(body[last:start] + "{% raw %}" + region + "{% endraw %}")
        last = end
    pieces.append(body[last:])
    return "".join(pieces)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _block_end(body: str, position: int, tag: str) -> int:
    """The end of the Liquid block opened just before ``position`` (its end tag included)."""
    pattern = re.compile(rf"\{{%-?\s*(?:({tag})\b|(end{tag}))[^%]*%\}}")
    depth = 1
    for match in pattern.finditer(body, position):
        depth += 1 if match.group(1) else -1
        if depth == 0:
            return match.end()
    line_end = body.find("\n", position)  # unclosed: the opening line alone
    return len(body) if line_end == -1 else line_end
