"""Text from a Jekyll site, written so that nothing in it is ever read as a template.

The imported site is built with mkdocs-macros, whose Jinja is not sandboxed: a live ``<< ... >>``
or ``{% ... %}`` in a page runs Python when the site is built. The source is untrusted, so every
piece of it the importer writes goes through one of these functions:

- page text: :func:`protect`. Each region the importer keeps verbatim (a line or a Liquid block
  that Jinja would read) becomes one ``{% raw %}`` ... ``{% endraw %}`` block, but only if the
  region cannot end that block itself: it must not contain the word ``endraw`` in any case.
  Everywhere else, and in every region that does contain ``endraw``, each maximal run of the
  characters ``{}<>%#`` that contains a delimiter (:data:`DELIMITERS`) becomes
  ``{% raw %}RUN{% endraw %}``. A run has no letters, so it cannot contain ``endraw``; a run
  is maximal, so no delimiter can form across its edges. Regions are widened to whole runs
  for the same reason. The source's own ``{% raw %}`` blocks are not trusted: their content is
  a region like any other.
- page titles in front matter: :func:`neutral_title` (mkdocs-macros renders a title that
  contains a start string);
- front-matter values Material prints as HTML (``title``, ``description``, ``author``,
  ``subtitle``): :func:`html_value`;
- text the importer writes into Markdown (the generated index page): :func:`markdown_text`;
- text written into ``mkdocs.yml`` that themes insert as HTML (``site_name``,
  ``site_description``, nav labels): :func:`html_text`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# What Jinja, as mkdocs-macros is configured here (<< >>, {% %}, {# #}) or by default, reads.
DELIMITERS = ("<<", ">>", "{%", "%}", "{{", "{#")
RAW_OPEN = "{% raw %}"
RAW_CLOSE = "{% endraw %}"

_RUN_CHARS = "{}<>%#"
_RUN = re.compile(r"[{}<>%#]{2,}")
# The first character of each delimiter, where it starts one.
_DELIMITER_START = re.compile(r"<(?=<)|>(?=>)|\{(?=[{%#])|%(?=\})")
_REFERENCES = {"<": "&lt;", ">": "&gt;", "{": "&#123;", "%": "&#37;"}


def has_delimiter(text: str) -> bool:
    """Whether Jinja could read something in ``text``."""
    return any(d in text for d in DELIMITERS)


def escape_runs(text: str) -> str:
    """``text`` with each run of ``{}<>%#`` that holds a delimiter in its own raw block."""

    def wrap(match: re.Match[str]) -> str:
        run = match.group(0)
        return RAW_OPEN + run + RAW_CLOSE if has_delimiter(run) else run

    return _RUN.sub(wrap, text)


def can_wrap(region: str) -> bool:
    """Whether ``region`` can sit inside one raw block: nothing in it can end the block."""
    return "endraw" not in region.lower() and "\x00" not in region


def keep_verbatim(region: str) -> str:
    """``region`` as Jinja will show it: in one raw block if it is safe there, else by runs."""
    if not has_delimiter(region):
        return region
    return RAW_OPEN + region + RAW_CLOSE if can_wrap(region) else escape_runs(region)


def protect(text: str, regions: Iterable[tuple[int, int]]) -> tuple[str, list[str]]:
    """``text`` with nothing Jinja reads, and the regions as kept (widened, merged, in order).

    ``regions`` are (start, end) spans to keep readable in one raw block each when possible;
    they may overlap and come in any order. Every delimiter outside them is escaped too.
    """
    spans = _merge(sorted(regions))
    widened: list[tuple[int, int]] = []
    for i, (start, end) in enumerate(spans):  # each character looked at once or twice
        floor = widened[-1][1] if widened else 0
        ceiling = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        while start > floor and text[start - 1] in _RUN_CHARS:
            start -= 1
        while end < ceiling and text[end] in _RUN_CHARS:
            end += 1
        widened.append((start, end))
    merged = _merge(widened)
    pieces: list[str] = []
    kept: list[str] = []
    last = 0
    for start, end in merged:
        pieces.append(escape_runs(text[last:start]))
        region = text[start:end]
        pieces.append(keep_verbatim(region))
        kept.append(region)
        last = end
    pieces.append(escape_runs(text[last:]))
    return "".join(pieces), kept


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans, those that overlap or touch made one."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def neutral_title(title: str) -> str:
    """A title mkdocs-macros will not render, reading the same as HTML.

    The first character of each delimiter becomes a character reference (``{%`` becomes
    ``&#123;%``); MkDocs and Material show titles as HTML, so the reader sees ``{%``.
    """
    return _DELIMITER_START.sub(lambda m: _REFERENCES[m.group(0)], title)


def one_line(text: str) -> str:
    """Whitespace (newlines included) as single spaces, control characters dropped."""
    cleaned = "".join(c for c in text if c.isprintable() or c.isspace())
    return " ".join(cleaned.split())


_AMBIGUOUS_AMPERSAND = re.compile(r"&(?=[#A-Za-z0-9])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "{": "&#123;",
         "}": "&#125;"}
_HTML_CHARS = re.compile(r"""[<>"'{}]""")


def html_text(text: str) -> str:
    """Text for a place a theme inserts as HTML (titles, ``site_name``): on one line, markup
    and template delimiters as character references. A lone ``&`` stays as it is."""
    text = _AMBIGUOUS_AMPERSAND.sub("&amp;", one_line(text))
    return _HTML_CHARS.sub(lambda m: _HTML[m.group(0)], text)


_VALUE_CHARS = re.compile(r"""[<>"]""")
# An & a browser could read as the start of a reference, other than a whole one (&amp;).
_LOOSE_AMPERSAND = re.compile(r"&(?=[#A-Za-z0-9])(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+"
                              r"|#[xX][0-9A-Fa-f]+);)")


def html_value(text: str) -> str:
    """A front-matter value a theme prints as HTML without escaping it (``title`` in
    ``<title>``, ``description`` in ``<meta content="...">``): markup and ``"`` as character
    references, so it is text. A Jekyll site writes these values as HTML too: a whole
    character reference (``&amp;``, ``&#233;``) stays and reads as it did; an ``&`` that a
    browser could take for the start of one (``R&D``) becomes ``&amp;``. Whitespace and
    ``'`` stay (Material writes these values in double-quoted attributes)."""
    text = _LOOSE_AMPERSAND.sub("&amp;", text)
    return _VALUE_CHARS.sub(lambda m: _HTML[m.group(0)], text)


# Python-Markdown's backslash escapes (markdown.Markdown.ESCAPED_CHARS, less what is HTML-escaped).
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]()#+\-.!])")


def markdown_text(text: str) -> str:
    """Text for a heading or a link label in Markdown the importer writes: shown as written,
    never a link, markup or a template."""
    text = _MARKDOWN_PUNCTUATION.sub(r"\\\1", one_line(text))
    return re.sub(r"""[&<>"'{}]""", lambda m: _HTML[m.group(0)], text)


# What makes inline Markdown markup (emphasis, links, code, HTML, references) or a template.
_INLINE_MARKUP = re.compile(r"[\\`*_\[\]<>{}]|&(?=[#A-Za-z0-9])")
# What makes a line a heading, a list item, a quote or a table row where it starts, or
# Material's admonition ("!!! note") or collapsible block ("??? note")
_LINE_START = re.compile(r"^(\s*)(?:([#+!-])|(\d{1,9})([.)]))")
_QUESTION_START = re.compile(r"^(\s*)\?")


def markdown_paragraph(text: str) -> str:
    """Text for a Markdown field the page renders (a bio, an abstract), on one line: shown
    as written, never markup, a link or a template, and still readable in the YAML (only
    the characters that would be markup are escaped)."""
    text = _INLINE_MARKUP.sub(lambda m: _HTML.get(m.group(0), "&amp;") if m.group(0)[0] in
                              "<>{}&" else "\\" + m.group(0), one_line(text))
    text = _LINE_START.sub(lambda m: m.group(1) + (
        "\\" + m.group(2) if m.group(2) else m.group(3) + "\\" + m.group(4)), text)
    return _QUESTION_START.sub(r"\1&#63;", text)  # "?" has no backslash escape
