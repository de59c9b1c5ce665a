"""Ids in a page's HTML: slugs of names and titles, and anchors unique on the page."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

_NOT_WORD = re.compile(r"[^\w]+", re.UNICODE)


def slug(name: str) -> str:
    """``Juan Felipe Carrasquilla Álvarez`` -> ``juan-felipe-carrasquilla-alvarez``.

    Accents are folded to ASCII where they decompose; letters that do not (CJK, Cyrillic)
    are kept, which HTML ids allow.
    """
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    text = _NOT_WORD.sub("-", folded.lower()).strip("-_")
    return text or "person"


class AnchorAllocator:
    """Gives every card of a page its own id: ``bing-w-brunton``, then ``bing-w-brunton-2``.

    Each base remembers the number it reached, so that twenty thousand people of the same
    name cost twenty thousand steps, not two hundred million."""

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._next: dict[str, int] = {}

    def reserve(self, anchor: str) -> None:
        self._used.add(anchor)

    def allocate(self, name: str) -> str:
        return self.unique(slug(name))

    def unique(self, base: str) -> str:
        """``base``, or ``base-2``, ``base-3``... whichever is free first."""
        anchor, n = base, self._next.get(base, 1)
        if n > 1:
            anchor = f"{base}-{n}"
        while anchor in self._used:
            n += 1
            anchor = f"{base}-{n}"
        self._used.add(anchor)
        self._next[base] = n
        return anchor


_ID = re.compile(r'\bid="([^"]*)"')
_HREF = re.compile(r'\bhref="#([^"]*)"')


class _PageIds(HTMLParser):
    """Every id of an HTML text as a browser reads it: any quotes or none, ``ID=`` in any
    case, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value for name, value in attrs if name == "id" and value]


def page_ids(html: str) -> list[str]:
    """The ids of ``html``, in order."""
    parser = _PageIds()
    parser.feed(html)
    parser.close()
    return parser.ids


def unique_ids(page: str, blocks: list[str]) -> list[str]:
    """The macros' blocks with every id unique on the page: an id the page's own HTML already
    has (a heading "Ada Lovelace" and her card) or an earlier block has (a roster shown twice)
    becomes ``id-2``, ``id-3``... The blocks' links to an id (``href="#ada-lovelace"``, the
    program's speaker links) follow the first element that had it. ``page``: the page's HTML
    without the blocks."""
    ids = AnchorAllocator()
    for found in page_ids(page):
        ids.reserve(found)
    renamed: dict[str, str] = {}  # an id's first element: its new id

    def rename(match: re.Match[str]) -> str:
        old = match.group(1)
        new = ids.unique(old)
        if new != old:
            renamed.setdefault(old, new)
        else:
            renamed.setdefault(old, old)
        return f'id="{new}"'

    unique = [_ID.sub(rename, block) for block in blocks]
    if all(old == new for old, new in renamed.items()):
        return unique
    return [_HREF.sub(lambda m: f'href="#{renamed.get(m.group(1), m.group(1))}"', block)
            for block in unique]
