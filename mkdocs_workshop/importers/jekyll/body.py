"""The text of a Jekyll page after Liquid (:mod:`.liquid`), converted for mkdocs-workshop.

- an "Important Dates" list becomes ``<< dates() >>``; its lines that are not dates stay as
  written, under the macro;
- ``{% comment %}`` blocks (which only a value or a raw block can still hold) become HTML
  comments;
- ``{{ site.baseurl }}`` is dropped from links (MkDocs links are relative);
- the content of Jekyll's own ``{% raw %}`` blocks, and anything else Jinja would read
  (``{{``, ``{%``, ``{#``, ``<<``, ...) is kept as written: see
  :mod:`mkdocs_workshop.importers.common.escape`, the one place that decides how.

Every step is linear in the size of the page: patterns are bounded, and blocks are paired in
one pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ...core.problems import excerpt
from ...features.dates import is_workshop_label
from ..common.escape import html_text, protect
from ..common.freedates import DateLine, find_date, parse_date_line, pending_line
from ..common.recognize import Recognized, recognize
from ..common.tables import convert_tables
from .kramdown import kramdown_to_markdown
from .links import LinkResult, resolve_liquid_urls, rewrite_links

_HEADING = re.compile(r"#{1,6}\s")
_HTML_HEADING = re.compile(r"<h[1-6][^>]{0,1000}>")
_HTML_HEADING_END = re.compile(r"</h[1-6]>$")
_IMPORTANT_DATES = re.compile(r"important\s+dates", re.I)
_ITEM = re.compile(r"^(?:[-*+]|\d+\.)\s+\S")
_LIQUID_COMMENT = re.compile(r"\{%-?\s*(end)?comment\s*-?%\}")
LIQUID_RAW = re.compile(r"\{%-?\s*(end)?raw\s*-?%\}")  # Jekyll's raw tags
_BLOCK_TAG = re.compile(r"\{%-?\s*(end)?(for|if|unless|case|capture|tablerow)\b[^%]{0,1000}%\}")
_SIGNIFICANT = re.compile(r"\{\{|\{%|\{#|<<")
_BASEURL = re.compile(r"\{\{\s*site\.baseurl\s*\}\}")
# An attempt to match stops where the next one could start (no '[' in the label or the path,
# no '<' in the tag), so a page of "![](" or "<img" is read in linear time.
_MD_IMAGE = re.compile(r"(!\[[^\[\]]{0,1000}\]\()([^)\s\[\]]{1,2000})((?:\s+\"[^\"]{0,1000}\")?\))")
_HTML_IMAGE = re.compile(r"""(<img\b[^<>]{0,1000}?\bsrc=)(["'])([^"'<>]{1,2000})\2""", re.I)
_MD_IMAGE_ATTRIBUTES = re.compile(_MD_IMAGE.pattern + r"(\{:[^{}\n]{0,500}\})?")
_WEB = re.compile(r"[a-z][a-z0-9+.-]*:|//", re.I)  # a web address, or data: or mailto:
_PLACEHOLDER = re.compile(r"\x00MACRO(\d+)\x00")
# An HTML element that holds nothing but a macro call the import wrote (the Bootstrap row a
# loop filled). A call from the source itself is never bare: it is kept in a raw block.
_ONLY_A_CALL = re.compile(r"<(div|section|article|center|span|p|table|tbody|ul|ol)\b[^<>]{0,500}>"
                          r"\s*(?:<tr\b[^<>]{0,500}>(?:\s*<th\b[^<>]{0,500}>[^<]{0,200}</th>)+"
                          r"\s*</tr>\s*)?"  # a table's row of headings ("Time", "Event")
                          r"(<< [a-z]+\([^\n<>]*\) >>)\s*</\1\s*>", re.I)


@dataclass
class BodyResult:
    text: str
    dates: list[tuple[str, DateLine]] = field(default_factory=list)  # (line as written, parsed)
    # Date lines whose day is not known yet: (how many of ``dates`` come before, label, words)
    pending: list[tuple[int, str, str]] = field(default_factory=list)
    kept_date_lines: list[str] = field(default_factory=list)
    liquid_kept: list[str] = field(default_factory=list)  # first line of each kept region
    comments_converted: int = 0
    baseurls_dropped: int = 0
    nul_replaced: int = 0  # NUL characters, which no text file has, shown as U+FFFD
    links: LinkResult = field(default_factory=lambda: LinkResult(""))
    slots: list[dict[str, Any]] = field(default_factory=list)  # from schedule tables
    tables_kept: list[str] = field(default_factory=list)  # "table at text line N: why"
    recognized: Recognized | None = None  # hand-written people, papers, slots, dates
    styles_dropped: int = 0  # kramdown attribute lists of classes only, left out


@dataclass
class PageFacts:
    """What a page's front matter says that the reading of its text needs."""

    keys: Collection[str]  # its keys: a roster read from the text takes another
    title: str | None = None  # its title: the heading of a block that has none
    day: date | None = None  # the workshop's day
    year: int | None = None  # the year the page is of
    papers_path: Callable[[str], str] = lambda name: f"data/{name}.yml"
    file_link: Callable[[str], str | None] | None = None  # a linked file of the site, copied


def _placeholder(n: int) -> str:
    return f"\x00MACRO{n}\x00"


def convert_body(text: str, rewrite_image: Callable[[str], str | None], *,
                 dates: bool = True,
                 rewrite_html_image: Callable[[str], str | None] | None = None,
                 find_link: Callable[[str, bool], str | None] | None = None,
                 internal: Callable[[str], bool] = lambda url: False,
                 schedule: bool = False, page: PageFacts | None = None) -> BodyResult:
    """Convert a page's text (rendered by Liquid); ``dates=False`` leaves "Important Dates" lists as
    written. ``rewrite_html_image`` gives an ``<img src>`` its new address (by default as
    ``rewrite_image`` does a Markdown image's; "" from ``rewrite_image``: an image the
    source lacks, shown as its text); ``find_link`` gives a link its new target
    (``html``: an ``href``), and ``internal`` says which links it should have found;
    ``schedule`` turns Markdown schedule tables into slots; ``page``: what the page's front
    matter says, for the hand-written blocks :mod:`..common.recognize` reads (none without)."""
    result = BodyResult(text)
    result.nul_replaced = text.count("\x00")
    body = text.replace("\x00", "\ufffd")  # the placeholders below are ours alone
    macros: list[str] = []

    def macro(call: str) -> str:
        macros.append(call)
        return f"\n\n{_placeholder(len(macros) - 1)}\n\n"

    # Jekyll's raw blocks: their content is shown as written, whatever it holds.
    body, raw_contents = _set_aside_raw(body)
    body, result.styles_dropped = kramdown_to_markdown(body)
    if find_link is not None:
        body = resolve_liquid_urls(body, result.links)

    if dates:
        body = _convert_dates(body, result, macro, page.year if page is not None else None)
    body = _convert_comments(body, result)
    if schedule:
        tables = convert_tables(body, find_date, macro, hidden_comments(body))
        body, result.slots, result.tables_kept = tables.text, tables.slots, tables.kept
    if page is not None:
        kinds = {"people", "papers"} | ({"dates"} if dates else set()) | (
            {"slots"} if schedule and not result.slots else set())
        workshop = page.day or next((parsed.date.first for _line, parsed in result.dates
                                     if is_workshop_label(parsed.label)), None)
        found = recognize(body, macro, taken=page.keys, title=page.title, year=page.year or (
            workshop.year if workshop else None), day=workshop, kinds=kinds,
            hidden=hidden_comments(body), papers_path=page.papers_path,
            file_link=page.file_link)
        body, result.recognized = found.text, found
        result.slots += found.slots
        result.pending += [(len(result.dates) + at, what, words)
                           for at, what, words in found.pending]
        result.dates += found.dates
    body, result.baseurls_dropped = _BASEURL.subn("", body)
    body = _rewrite_images(body, rewrite_image, rewrite_html_image or rewrite_image)
    if find_link is not None:
        body = rewrite_links(body, find_link, internal, result.links)
    body, raw_spans = _put_back_raw(body, raw_contents)
    body = _protect(body, raw_spans, result)
    # Blank lines around the inserted calls, and only there: code blocks keep theirs.
    body = re.sub(r"\n{3,}(\x00MACRO)?",
                  lambda m: "\n\n\x00MACRO" if m.group(1) else m.group(0), body)
    body = re.sub(r"(?<=\x00)\n{3,}", "\n\n", body)
    body = _PLACEHOLDER.sub(lambda m: macros[int(m.group(1))], body)
    result.text = body.strip("\n") + "\n"
    return result


def drop_call_wrappers(text: str) -> str:
    """The page's text with the import's macro calls where Markdown reads them.

    Markdown does not read what is inside an HTML block, so the Markdown a macro writes
    (papers()'s group headings) would show there as text. An HTML element that holds nothing
    but the call (a Bootstrap row or column, which only laid out the Jekyll theme's page) is
    dropped, the call taking its place; a papers() or awards() call still inside HTML
    containers closes them before it and opens them again after it (without their ids, which
    a page may not repeat)."""
    while (unwrapped := _ONLY_A_CALL.sub(r"\n\n\2\n\n", text)) != text:
        text = unwrapped  # the next round drops the element around it, if it held only that
    for call in reversed(list(_MARKDOWN_CALL.finditer(text))):
        around = _open_containers(text, call.start())
        if around:
            closing = "".join(f"</{name}>" for name, _ in reversed(around))
            opening = "".join(_ID_ATTR.sub("", tag) for _, tag in around)
            text = (text[:call.start()] + closing + "\n\n" + call.group(0) + "\n\n" + opening
                    + text[call.end():])
    return text


_MARKDOWN_CALL = re.compile(r"^<< (?:papers|awards)\([^\n<>]*\) >>$", re.M)
_CONTAINERS = frozenset({"div", "section", "article", "main", "header", "footer", "aside",
                         "nav", "center", "figure", "details", "blockquote", "form"})
_NOT_CLOSABLE = frozenset({"table", "thead", "tbody", "tr", "td", "th", "ul", "ol", "li", "dl",
                           "dd", "dt", "pre", "p", "span", "a", "textarea", "select", "svg",
                           "script", "style"})
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]{0,30})\b[^<>]{0,2000}?(/?)>")
_SKIPPED = re.compile(r"<!--.*?-->|\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S)
_TEMPLATE = re.compile(r"[{<][%{#<]|[%}#>][}>]")  # what Jinja, or a kept region, might read
_ID_ATTR = re.compile(r"""\s+id\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.I)


_FENCE = re.compile(r"^ {0,3}(```|~~~).*?(?:^ {0,3}\1[^\n]*$|\Z)", re.S | re.M)


def drop_stray_closings(text: str) -> tuple[str, int]:
    """``text`` without the closing tags of containers (``</div>``) that close nothing it
    opened (left by the source, or by a block the import replaced), and how many: on the
    new site the page's text sits inside the theme's own boxes, where such a tag would
    close one of them and move the rest of the page out of its column. Tags in comments,
    raw blocks and fenced code are text, left alone."""
    scan = _FENCE.sub(lambda m: " " * len(m.group(0)), _SKIPPED.sub(
        lambda m: " " * len(m.group(0)), text))
    stack: list[str] = []
    stray: list[tuple[int, int]] = []
    for tag in _TAG.finditer(scan):
        name = tag.group(2).lower()
        if name not in _CONTAINERS or tag.group(3):
            continue
        if not tag.group(1):
            stack.append(name)
        elif name in stack:
            del stack[len(stack) - 1 - stack[::-1].index(name):]
        else:
            stray.append(tag.span())
    for start, end in reversed(stray):
        text = text[:start] + text[end:]
    return text, len(stray)


def _open_containers(text: str, at: int) -> list[tuple[str, str]]:
    """The HTML elements open at ``at`` (name, opening tag), outermost first, when all of them
    are containers that can be closed and opened again; else none."""
    scan = _SKIPPED.sub(lambda m: " " * len(m.group(0)), text[:at])
    stack: list[tuple[str, str]] = []
    for tag in _TAG.finditer(scan):
        name = tag.group(2).lower()
        if name not in _CONTAINERS and name not in _NOT_CLOSABLE:
            continue  # inline and void elements
        if tag.group(1):  # a closing tag: closes the last element of its name still open
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    del stack[i:]
                    break
        elif not tag.group(3):
            stack.append((name, text[tag.start():tag.end()]))
    if any(name in _NOT_CLOSABLE or _TEMPLATE.search(tag) for name, tag in stack):
        return []  # a tag that holds kept Liquid is never copied: it stays where it is
    return stack


def _pairs(text: str, tag: re.Pattern[str]) -> Iterator[tuple[re.Match[str], re.Match[str]]]:
    """Each opening tag with the first closing tag after it (``tag``'s group 1 is "end"), in
    one pass; unclosed openings and stray closings are left out."""
    opening: re.Match[str] | None = None
    for match in tag.finditer(text):
        if match.group(1) is None:
            opening = opening or match
        elif opening is not None:
            yield opening, match
            opening = None


def _set_aside_raw(body: str) -> tuple[str, list[str]]:
    contents: list[str] = []
    pieces: list[str] = []
    last = 0
    for opening, closing in _pairs(body, LIQUID_RAW):
        contents.append(body[opening.end():closing.start()])
        pieces += [body[last:opening.start()], f"\x00RAW{len(contents) - 1}\x00"]
        last = closing.end()
    pieces.append(body[last:])
    return "".join(pieces), contents


def _put_back_raw(body: str, contents: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The raw blocks' content in place of their placeholders, and where each now is."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    size = last = 0
    for match in re.finditer(r"\x00RAW(\d+)\x00", body):
        before = body[last:match.start()]
        content = contents[int(match.group(1))]
        pieces += [before, content]
        size += len(before)
        spans.append((size, size + len(content)))
        size += len(content)
        last = match.end()
    pieces.append(body[last:])
    return "".join(pieces), spans


def _convert_comments(body: str, result: BodyResult) -> str:
    pieces: list[str] = []
    last = 0
    for opening, closing in _pairs(body, _LIQUID_COMMENT):
        content = body[opening.end():closing.start()].replace("--", "- -")  # stays a comment
        pieces += [body[last:opening.start()], f"<!--{content}-->"]
        result.comments_converted += 1
        last = closing.end()
    pieces.append(body[last:])
    return "".join(pieces)


def _is_dates_heading(line: str) -> bool:
    if not _IMPORTANT_DATES.search(line):
        return False
    if _HEADING.match(line):
        return True
    return bool(_HTML_HEADING.match(line) and _HTML_HEADING_END.search(line))


def _list_items(lines: list[str], j: int) -> tuple[list[list[str]], int]:
    """The items of the list that starts at line ``j`` (each item's lines), and the line
    after it."""
    items: list[list[str]] = []
    while j < len(lines) and (_ITEM.match(lines[j].lstrip())
                              or (items and lines[j].startswith(("  ", "\t"))
                                  and lines[j].strip())):
        if _ITEM.match(lines[j].lstrip()):
            items.append([lines[j]])
        else:
            items[-1].append(lines[j])
        j += 1
    return items, j


def _is_dates_list(headed: bool, parsed: int, items: int) -> bool:
    """Under an "Important Dates" heading, a list with a date in it; anywhere else (under
    "Tentative Dates", "Timeline", or no heading), a list of at least two items that are
    mostly dates."""
    if headed:
        return parsed > 0
    return parsed >= 2 and parsed * 2 > items


_MARKS = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+|\*\*|__|<[^<>]{0,200}>")


def _plain_item(line: str) -> str:
    """A list item's line without its marker, bold marks and tags ("- **Notification:** TBA"
    reads "Notification: TBA")."""
    return _MARKS.sub("", line).strip()


def _convert_dates(body: str, result: BodyResult, macro: Callable[[str], str],
                   year: int | None = None) -> str:
    lines = body.split("\n")
    out: list[str] = []
    i = 0
    previous = ""  # the last line with text before the current one
    while i < len(lines):
        line = lines[i]
        if not _ITEM.match(line.lstrip()):
            out.append(line)
            previous = line.strip() or previous
            i += 1
            continue
        headed = _is_dates_heading(previous)
        items, j = _list_items(lines, i)
        converted: list[tuple[str, DateLine]] = []
        kept = []
        pending: list[tuple[int, str, str]] = []
        for item in items:
            single = len(item) == 1 and "\x00" not in item[0]  # not a line with a raw block
            parsed = parse_date_line(item[0], year) if single else None
            waiting = pending_line(_plain_item(item[0])) if single and parsed is None else None
            if waiting is not None:  # "Notification: TBA": an entry with no day yet
                pending.append((len(result.dates) + len(converted), *waiting))
            elif parsed is None:
                kept.append("\n".join(item))
            else:
                converted.append((_plain_item(item[0]), parsed))
        if not _is_dates_list(headed, len(converted), len(items)):
            out.extend(lines[i:j])  # not a dates list: left alone
            previous = lines[j - 1].strip()
            i = j
            continue
        result.dates.extend(converted)
        result.pending.extend(pending)
        result.kept_date_lines.extend(k.strip() for k in kept)
        out.append(macro("<< dates() >>"))
        if kept:
            out.extend(kept)
        out.append("")
        previous = ""
        i = j
    return "\n".join(out)


def _rewrite_images(body: str, rewrite: Callable[[str], str | None],
                    rewrite_html: Callable[[str], str | None]) -> str:
    def markdown(match: re.Match[str]) -> str:
        new = rewrite(match.group(2))
        if new == "" and not _WEB.match(match.group(2)):
            # missing from the source (the report lists it): the page shows what the
            # source showed in its place, the image's text (without the image's
            # attributes, "{: width="100%" }")
            return html_text(match.group(1)[2:-2])  # an attribute's text, now the page's
        return match.group(0) if not new else \
            match.group(1) + new + match.group(3) + (match.group(4) or "")

    def html(match: re.Match[str]) -> str:
        new = rewrite_html(match.group(3))
        quote = match.group(2)
        return match.group(0) if not new else f"{match.group(1)}{quote}{new}{quote}"

    return _HTML_IMAGE.sub(html, _MD_IMAGE_ATTRIBUTES.sub(markdown, body))


def _protect(body: str, raw_spans: list[tuple[int, int]], result: BodyResult) -> str:
    """Keep every region Jinja would read as written (lines stay where they were), and
    report each region of Liquid kept."""
    comments = _html_comments(body)
    blocks = _liquid_blocks(body, comments)
    covered = sorted(comments + blocks)
    lines: list[tuple[int, int]] = []
    index = 0  # into covered: matches come in order, so one pass
    line_end = -1
    for match in _SIGNIFICANT.finditer(body):
        position = match.start()
        while index < len(covered) and covered[index][1] <= position:
            index += 1
        if (index < len(covered) and covered[index][0] <= position) or position < line_end:
            continue
        start = body.rfind("\n", 0, position) + 1
        end = body.find("\n", position)
        line_end = len(body) if end == -1 else end
        lines.append((start, line_end))
    text, kept = protect(body, [*covered, *lines, *raw_spans])
    for region in kept:
        first_line = _PLACEHOLDER.sub("<< ... >>", region.strip().split("\n", 1)[0])
        result.liquid_kept.append(excerpt(first_line, 120))
    return text


def _html_comments(body: str) -> list[tuple[int, int]]:
    """HTML comments that hold something Jinja would read."""
    return [(start, end) for start, end in hidden_comments(body)
            if body.startswith("-->", end - 3) and _SIGNIFICANT.search(body, start, end)]


def hidden_comments(body: str) -> list[tuple[int, int]]:
    """Every HTML comment of ``body``, what a reader does not see; one never closed hides
    the rest of the text, as in a browser."""
    spans = []
    position = body.find("<!--")
    while position != -1:
        end = body.find("-->", position + 4)
        if end == -1:
            spans.append((position, len(body)))
            break
        end += 3
        spans.append((position, end))
        position = body.find("<!--", end)
    return spans


def _liquid_blocks(body: str, comments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each Liquid block (``{% if %}`` to its ``{% endif %}``), from the tags outside HTML
    comments; an unclosed one is its opening line."""
    open_tags: dict[str, list[int]] = {}
    spans = []
    index = 0
    for match in _BLOCK_TAG.finditer(body):
        while index < len(comments) and comments[index][1] <= match.start():
            index += 1
        if index < len(comments) and comments[index][0] <= match.start():
            continue
        stack = open_tags.setdefault(match.group(2), [])
        if match.group(1) is None:
            stack.append(match.start())
        elif stack:
            spans.append((stack.pop(), match.end()))
    line_end = -1  # the end of the line of the last unclosed tag: many may share one line
    for start in sorted(start for starts in open_tags.values() for start in starts):
        if start >= line_end:
            end = body.find("\n", start)
            line_end = len(body) if end == -1 else end
        spans.append((start, line_end))
    return spans
