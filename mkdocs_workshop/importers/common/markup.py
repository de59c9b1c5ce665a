"""Markup a source's data holds, and whether the new site may show it as markup.

A Jekyll site prints its data with Liquid (``{{ p.affiliation }}``) without escaping: an
affiliation written ``MIT <br> <i>(chair)</i>`` shows as markup, and so would a ``<script>``
in a ``_config.yml`` title. The importer shows a value as Jekyll did when its markup is the
kind text is formatted with (emphasis, line breaks, links and pictures to http(s) or relative
addresses, lists, tables); any other value is shown as text, its markup escaped, so that no
script, frame, style, form or event handler of a source reaches a visitor of the new site.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# Elements text is formatted with; any other (script, style, iframe, object, form, input,
# link, meta, base, svg, math, template...) makes the value text.
FORMATTING = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col",
    "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "picture", "pre", "q", "s", "samp", "section", "small", "source", "span", "strike",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
    "tr", "u", "ul", "var", "wbr", "center", "font", "article", "header", "footer", "nav",
    "main", "aside",
})
ATTRIBUTES = frozenset({"href", "src", "srcset", "alt", "title", "class", "id", "width",
                        "height", "target", "rel", "lang", "dir", "colspan", "rowspan",
                        "datetime", "loading", "align", "valign", "color", "size", "name",
                        "type", "media", "sizes"})
_ADDRESS = frozenset({"href", "src", "srcset"})
_SCHEME = re.compile(r"^\s*([a-z][a-z0-9+.-]*):", re.I)
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


class _Check(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.safe = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag not in FORMATTING:
            self.safe = False

    def handle_pi(self, data: str) -> None:
        self.safe = False

    def handle_decl(self, decl: str) -> None:
        self.safe = False

    def unknown_decl(self, data: str) -> None:
        self.safe = False

    def _element(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in FORMATTING:
            self.safe = False
            return
        for name, value in attrs:
            if name not in ATTRIBUTES and not name.startswith(("aria-", "data-")):
                self.safe = False
            elif name in _ADDRESS and value is not None:
                for part in (value.split(",") if name == "srcset" else [value]):
                    # Browsers drop control characters and spaces inside a scheme.
                    cleaned = re.sub(r"[\x00-\x20]+", "", html.unescape(part))
                    scheme = _SCHEME.match(cleaned)
                    if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
                        self.safe = False


# The pieces of a value, read left to right as a browser reads them: a comment (ended at
# the same "-->" by browsers and Python's parser), a whole tag (quoted values read as quoted,
# no "<" in them), text, or a "<" that starts no tag ("a < b"). A value made of anything else
# (a tag left open, a "<!" or "<?" that is no plain comment, a NUL) is not formatting.
_PIECE = re.compile(
    r"<!--(?!>|->)(?:(?!-->|--!>)[^\x00]){0,100000}-->"
    r"|</?[A-Za-z][A-Za-z0-9]{0,50}"
    r"(?:\s+[^\s\"'<>/=\x00]{1,200}(?:\s*=\s*(?:\"[^\"<\x00]{0,5000}\"|'[^'<\x00]{0,5000}'"
    r"|[^\s\"'<>`\x00]{1,5000}))?){0,100}\s*/?>"
    r"|[^<\x00]+"
    r"|<(?![A-Za-z/!?])")


def formatting_only(text: str) -> bool:
    """Whether ``text``'s markup (if any) is only the kind text is formatted with. Where a
    browser and Python's parser could read markup differently (a comment inside a tag, a
    tag left open, a declaration, a NUL), the value is not formatting: it is shown as text."""
    if "<" not in text:
        return True
    position = 0
    while position < len(text):
        piece = _PIECE.match(text, position)
        if piece is None:
            return False
        position = piece.end()
    check = _Check()
    try:
        check.feed(text)
        check.close()
    except (AssertionError, ValueError):  # HTMLParser's own errors on broken declarations
        return False
    return check.safe


def shown_value(text: str) -> str:
    """``text`` as the new site may show it: as written when its markup only formats it,
    else as text (every ``<``, ``>``, ``&`` and quote escaped)."""
    return text if formatting_only(text) else html.escape(text, quote=True)


_ADDRESS_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
_SAFE_DATA = re.compile(r"^data:image/(?:png|jpe?g|gif|webp|avif);", re.I)


def attribute_value(text: str) -> str:
    """``text`` as the value of an attribute a template writes it into (``alt="{{ x }}"``,
    ``href="{{ url }}"``): every quote and markup character escaped, and an address of a
    scheme that runs code (``javascript:``, ``data:`` but for a picture) made inert."""
    cleaned = re.sub(r"[\x00-\x20]+", "", html.unescape(text))
    scheme = _ADDRESS_SCHEME.match(cleaned)
    if scheme and scheme.group(1).lower() not in SAFE_SCHEMES and not _SAFE_DATA.match(cleaned):
        text = "#" + text  # a fragment: the browser stays on the page
    return html.escape(text, quote=True)
