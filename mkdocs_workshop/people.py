"""People on a page: stable anchors, initials avatars, and where an image really is."""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from .problems import Problems

_NOT_WORD = re.compile(r"[^\w]+", re.UNICODE)
_PARENTHESES = re.compile(r"\([^)]*\)")


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


def initials(name: str) -> str:
    """Up to two initials: first and last word, titles in parentheses left out."""
    words = [w for w in _PARENTHESES.sub(" ", name).split() if any(ch.isalnum() for ch in w)]
    if not words:
        return "?"
    letters = [next(ch for ch in w if ch.isalnum()) for w in (words[0], words[-1])]
    return (letters[0] + letters[1] if len(words) > 1 else letters[0]).upper()


def hue(name: str) -> int:
    """A stable hue (0-359) for a name, so each initials avatar keeps its colour."""
    return int.from_bytes(hashlib.sha1(name.encode("utf-8")).digest()[:2], "big") % 360


# ---------------------------------------------------------------------------------------------
# Images
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImageLookup:
    """Where a roster's image is: its URL for the page, or why there is none."""

    url: str | None
    tried: tuple[str, ...] = ()
    outside_docs: bool = False
    src: str | None = None  # the site file it was found as (None for web addresses)


@dataclass(frozen=True)
class PageImage:
    """An image as the page shows it: <img src>, <source>s before it, its size in CSS px."""

    src: str
    sources: tuple[tuple[str, str], ...] = ()  # (MIME type, URL), best first
    width: int | None = None
    height: int | None = None


# Makes a site file into the image the page shows: (src_uri, "avatar" or "logo", focus).
# None means "use the file as it is"; ImageProblem means it cannot be used.
ImageMaker = Callable[[str, str, "tuple[float, float] | None"], "PageImage | None"]


def find_image(ref: str, page_src: str, url_for: Callable[[str], str | None]) -> ImageLookup:
    """Resolve ``ref`` (already checked by the model) for the page ``page_src``.

    ``url_for(src_uri)`` returns the URL of a file of the site relative to the page, or None if
    the site has no such file. A path is tried relative to the page first, then to the docs
    root (where Jekyll sites keep ``assets/images``); http(s) addresses are used as they are.
    """
    if re.match(r"^https?://", ref, re.I):
        return ImageLookup(ref)
    path = ref.replace("\\", "/").split("#", 1)[0].split("?", 1)[0]
    candidates: list[str] = []
    if path.startswith("/"):
        candidates.append(posixpath.normpath(path.lstrip("/")))
    else:
        page_dir = posixpath.dirname(page_src)
        candidates.append(posixpath.normpath(posixpath.join(page_dir, path)))
        candidates.append(posixpath.normpath(path))
    inside = [c for c in dict.fromkeys(candidates) if c != ".." and not c.startswith("../")]
    if not inside:
        return ImageLookup(None, tuple(dict.fromkeys(candidates)), outside_docs=True)
    for candidate in inside:
        url = url_for(candidate)
        if url is not None:
            return ImageLookup(url, src=candidate)
    return ImageLookup(None, tuple(inside))


def locate_image(ref: str, page_src: str, url_for: Callable[[str], str | None],
                 problems: Problems, *, key: str, entry: int, label: str, field: str,
                 instead: str, maker: ImageMaker | None = None, kind: str = "avatar",
                 focus: tuple[float, float] | None = None) -> PageImage | None:
    """The image for the page, reporting one that is missing, outside docs or unusable.

    ``instead`` says what the page shows without it ("initials", "the sponsor's name").
    """
    found = find_image(ref, page_src, url_for)
    if found.outside_docs:
        problems.error(
            f"'{ref}' points outside the docs folder.", key=key, entry=entry, label=label,
            field=field, fix="keep images inside the docs folder (for example docs/assets/).",
        )
        return None
    if found.url is None:
        problems.warn(
            f"'{ref}' was not found (looked for " + " and ".join(f"'{t}'" for t in found.tried)
            + f" in the docs folder); the page shows {instead} instead.",
            key=key, entry=entry, label=label, field=field,
            fix=f"add the file to the docs folder, correct the path, or remove '{field}'.",
        )
        return None
    if found.src is None or maker is None:
        return PageImage(found.url)
    from .images import ImageProblem  # Pillow is only imported where images are made

    try:
        return maker(found.src, kind, focus) or PageImage(found.url)
    except ImageProblem as problem:
        problems.warn(f"'{ref}' {problem.message} The page shows {instead} instead.", key=key,
                      entry=entry, label=label, field=field, fix=problem.fix)
        return None
