"""Ids in a page's HTML: slugs of names and titles, and anchors unique on the page."""

from __future__ import annotations

import re
import unicodedata

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
    """Gives every card of a page its own id: ``bing-w-brunton``, then ``bing-w-brunton-2``."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def reserve(self, anchor: str) -> None:
        self._used.add(anchor)

    def allocate(self, name: str) -> str:
        base = slug(name)
        anchor, n = base, 1
        while anchor in self._used:
            n += 1
            anchor = f"{base}-{n}"
        self._used.add(anchor)
        return anchor
