"""Image references of rosters and sponsors: where an image a page names is, and how the page
shows it. Making the image (Pillow, the cache) is :mod:`mkdocs_workshop.site.images`' work; this
module only resolves references and reports the ones that cannot be used, so that pages are read
without importing Pillow.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass

from .problems import Problems


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


class ImageProblem(Exception):
    """An image that cannot be used, with the fix to tell the organizer."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix


# Makes a site file into the image the page shows: (src_uri, "avatar" or "logo", focus).
# None means "use the file as it is"; ImageProblem means it cannot be used.
ImageMaker = Callable[[str, str, "tuple[float, float] | None"], "PageImage | None"]


def is_web_address(ref: str) -> bool:
    """Whether an image reference is an http(s) address, used as it is (not a file of the
    site)."""
    return re.match(r"^https?://", ref, re.I) is not None


def find_image(ref: str, page_src: str, url_for: Callable[[str], str | None]) -> ImageLookup:
    """Resolve ``ref`` (already checked by the model) for the page ``page_src``.

    ``url_for(src_uri)`` returns the URL of a file of the site relative to the page, or None if
    the site has no such file. A path is tried relative to the page first, then to the docs
    root (where Jekyll sites keep ``assets/images``); http(s) addresses are used as they are.
    """
    if is_web_address(ref):
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
                 focus: tuple[float, float] | None = None,
                 docs_root: bool = False) -> PageImage | None:
    """The image for the page, reporting one that is missing, outside docs or unusable.

    ``instead`` says what the page shows without it ("initials", "the sponsor's name");
    ``docs_root``: ``ref`` is relative to the docs folder (people.yml's), not to the page.
    """
    written = ref
    if docs_root and not ref.startswith("/") and not is_web_address(ref):
        ref = "/" + ref  # "../x.png" stays a path out of the docs folder: refused
    found = find_image(ref, page_src, url_for)
    if found.outside_docs:
        problems.error(
            f"'{written}' points outside the docs folder.", key=key, entry=entry, label=label,
            field=field, fix="keep images inside the docs folder (for example docs/assets/).",
        )
        return None
    if found.url is None:
        problems.warn(
            f"'{written}' was not found (looked for " + " and ".join(f"'{t}'" for t in found.tried)
            + f" in the docs folder); the page shows {instead} instead.",
            key=key, entry=entry, label=label, field=field,
            fix=f"add the file to the docs folder, correct the path, or remove '{field}'.",
        )
        return None
    if found.src is None or maker is None:
        return PageImage(found.url)
    try:
        return maker(found.src, kind, focus) or PageImage(found.url)
    except ImageProblem as problem:
        problems.warn(f"'{written}' {problem.message} The page shows {instead} instead.", key=key,
                      entry=entry, label=label, field=field, fix=problem.fix)
        return None
