"""The avatars and logos of one build: the processor set up from the plugin's options, each
picture made once however many pages show it, and the originals it replaces.

The host (the MkDocs plugin) gives where a site file is on disk (``locate``); everything else
is here, testable without a build. Pillow is imported only when images are made
(:mod:`.images`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.imagerefs import ImageMaker, ImageProblem, PageImage

if TYPE_CHECKING:
    from .images import ImageProcessor, Processed

# (option, lowest, highest) of the numbers the image options take.
_RANGES = (("avatar_size", 16, 1024), ("logo_height", 8, 512), ("image_quality", 1, 100))


class ImageOptionError(ValueError):
    """An image option the build cannot work with: the message says which and the fix."""


@dataclass(frozen=True)
class ImageOptions:
    cache_dir: Path
    avatar_size: int
    logo_height: int
    image_quality: int
    image_formats: tuple[str, ...]


def make_processor(options: ImageOptions,
                   note: Callable[[str], None]) -> ImageProcessor:
    """The processor for ``options``; raises ImageOptionError for a number out of its range
    or formats none of which the installed Pillow writes (``note`` says which it cannot)."""
    from .images import ImageProcessor, available_formats  # Pillow: only with images

    for name, low, high in _RANGES:
        value = getattr(options, name)
        if not low <= value <= high:
            raise ImageOptionError(f"the option {name} is {value}; it must be between {low} "
                                   f"and {high}.")
    formats, missing = available_formats(list(options.image_formats))
    if missing:
        note(f"this Pillow cannot write {', '.join(missing)}; images are made as "
             f"{', '.join(formats) or 'nothing'}.")
    if not formats:
        raise ImageOptionError("none of image_formats can be written by the installed Pillow; "
                               "add webp to image_formats, or set images: false.")
    return ImageProcessor(options.cache_dir, options.avatar_size, options.logo_height, formats,
                          options.image_quality)


@dataclass
class BuildImages:
    """The pictures of one build. ``locate(src_uri)``: the site file's path on disk, or None
    (not a file of the site, or one without a source, such as a theme's)."""

    processor: ImageProcessor
    docs_dir: str
    locate: Callable[[str], str | None]
    _made: dict[tuple[str, str, tuple[float, float] | None],
                Processed | ImageProblem | None] = field(default_factory=dict)

    def maker(self, page_url: str) -> ImageMaker:
        """What a page's reading calls for each picture it shows, with the page's address."""
        from .images import page_image

        def make(src_uri: str, kind: str, focus: tuple[float, float] | None) -> PageImage | None:
            key = (src_uri, kind, focus)
            if key not in self._made:  # the same photo on every edition: looked at once
                self._made[key] = self._make(src_uri, kind, focus)
            made = self._made[key]
            if isinstance(made, ImageProblem):
                raise made
            return page_image(made, page_url) if made is not None else None

        return make

    def _make(self, src_uri: str, kind: str,
              focus: tuple[float, float] | None) -> Processed | ImageProblem | None:
        """The avatar or logo made of a site file, or why it cannot be used; None: the file is
        used as it is (an SVG logo, a theme's file)."""
        found = self.locate(src_uri)
        if not found:
            return None
        source = Path(found)
        if not inside(source, self.docs_dir, resolve=False):
            return None  # a theme's or another plugin's file: linked as it is
        if not inside(source, self.docs_dir):
            return ImageProblem("is a link to a file outside the docs folder; it is not read.",
                                "put the image itself in the docs folder.")
        try:
            processed = (self.processor.avatar(source, focus) if kind == "avatar"
                         else self.processor.logo(source))
        except ImageProblem as problem:
            return problem
        if processed is not None:
            self.processor.sources.add(src_uri)
        return processed

    @property
    def replaced(self) -> list[str]:
        """The site files an avatar or logo was made of, in order."""
        return sorted(self.processor.sources)


def inside(path: Path, folder: str, *, resolve: bool = True) -> bool:
    """Whether ``path`` (links resolved, unless ``resolve`` is false) is in ``folder``."""
    where = os.path.realpath if resolve else os.path.abspath
    real, root = where(path), where(folder)
    return os.path.commonpath([real, root]) == root
