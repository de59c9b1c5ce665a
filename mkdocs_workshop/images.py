"""Avatars and sponsor logos sized for the page, and cached across builds.

A roster's photo is cropped to a square (around its centre, or a focal point the entry gives),
resized to twice its display size (sharp on 2x screens, no more) and encoded as AVIF and WebP.
Each result is stored under a name made from the source's content and the options, so the
same photo used by ten editions is processed and published once. Results are kept in a cache
folder between builds; a build whose images did not change decodes none of them.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError, features

from .people import PageImage

OUTPUT_DIR = "assets/workshop/images"
# Raising this makes every cached image be made again (a change in how images are made).
PIPELINE_VERSION = "1"
# Photos larger than this (other than JPEG, which decodes at a reduced scale) are refused
# rather than decoded: 40 megapixels of RGBA is 160 MB.
PIXEL_LIMIT = 40_000_000
MIME = {"avif": "image/avif", "webp": "image/webp", "png": "image/png", "jpeg": "image/jpeg"}


class ImageProblem(Exception):
    """An image that cannot be used, with the fix to tell the organizer."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix


@dataclass(frozen=True)
class Variant:
    format: str
    path: str  # under the site folder: assets/workshop/images/<hash>.webp

    @property
    def mime(self) -> str:
        return MIME[self.format]


@dataclass(frozen=True)
class Processed:
    """One source image made ready for the page: variants best first, the last for <img>."""

    variants: tuple[Variant, ...]
    width: int  # CSS pixels
    height: int


def available_formats(wanted: list[str]) -> tuple[list[str], list[str]]:
    """The formats this Pillow can write, in the order wanted, and those it cannot."""
    usable: list[str] = []
    missing: list[str] = []
    for name in wanted:
        (usable if features.check(name) else missing).append(name)
    return usable, missing


@dataclass
class ImageProcessor:
    cache_dir: Path
    avatar_px: int  # CSS pixels of an avatar
    logo_px: int  # CSS pixels of a logo's height
    formats: list[str]  # e.g. ["avif", "webp"]; the last is what <img> shows
    quality: int
    processed: int = 0  # source images decoded and encoded in this build
    from_cache: int = 0  # source images found ready in the cache
    used: dict[str, Path] = field(default_factory=dict)  # site path -> cache file
    sources: set[str] = field(default_factory=set)  # site files replaced by what was made
    _index: dict[str, list[object]] = field(default_factory=dict)
    _memo: dict[str, Processed] = field(default_factory=dict)
    _digests: dict[str, str] = field(default_factory=dict)  # this build: path -> digest

    def __post_init__(self) -> None:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        try:
            self._index = json.loads((self.cache_dir / "index.json").read_text("utf-8"))
        except (OSError, ValueError):
            self._index = {}

    # -- public ---------------------------------------------------------------------------

    def avatar(self, source: Path, focus: tuple[float, float] | None = None) -> Processed:
        fx, fy = focus or (0.5, 0.5)
        side = 2 * self.avatar_px
        key = f"avatar:{side}:{fx:.3f},{fy:.3f}"
        return self._make(source, key, lambda im: _square(im, side, fx, fy), square=True)

    def logo(self, source: Path) -> Processed | None:
        """A raster logo at twice its display height; None for SVG (used as it is)."""
        if source.suffix.lower() == ".svg":
            return None
        height = 2 * self.logo_px
        return self._make(source, f"logo:{height}", lambda im: _bounded(im, height, 4 * height),
                          square=False)

    def write(self, site_dir: str) -> None:
        """Copy this build's images into the site, and keep the cache's index."""
        for path, cached in self.used.items():
            target = Path(site_dir) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(FileNotFoundError):
                target.unlink()
            try:
                os.link(cached, target)  # same disk: no copy at all
            except OSError:
                shutil.copyfile(cached, target)
        with contextlib.suppress(OSError):  # a read-only cache still worked for this build
            (self.cache_dir / "index.json").write_text(json.dumps(self._index), "utf-8")

    # -- internals ------------------------------------------------------------------------

    def _digest(self, source: Path) -> str:
        """The source's content hash: once per build, and from the index when its size and
        time are unchanged since the last build."""
        key = str(source)
        if key in self._digests:
            return self._digests[key]
        stat = source.stat()
        known = self._index.get(key)
        if known and known[:2] == [stat.st_mtime_ns, stat.st_size]:
            digest = str(known[2])
        else:
            digest = hashlib.sha256(source.read_bytes()).hexdigest()
            self._index[key] = [stat.st_mtime_ns, stat.st_size, digest]
        self._digests[key] = digest
        return digest

    def _make(self, source: Path, purpose: str, shape: object, *, square: bool) -> Processed:
        try:
            digest = self._digest(source)
        except OSError as exc:
            raise ImageProblem(f"could not be read ({exc.strerror}).",
                               "check that the file exists and can be read.") from None
        memo_key = f"{digest}:{purpose}"
        if memo_key in self._memo:
            return self._memo[memo_key]
        names = {
            fmt: hashlib.sha256(
                f"{PIPELINE_VERSION}:{digest}:{purpose}:{fmt}:{self.quality}".encode()
            ).hexdigest()[:20] + f".{fmt}"
            for fmt in self.formats
        }
        meta_file = self.cache_dir / (names[self.formats[-1]] + ".size")
        cached = all((self.cache_dir / n).is_file() for n in names.values()) and meta_file.is_file()
        if cached:
            width, height = (int(v) for v in meta_file.read_text().split("x"))
            self.from_cache += 1
        else:
            image = self._open(source)
            with image:
                result = shape(image)  # type: ignore[operator]
                width, height = result.size
                for fmt, name in names.items():
                    (self.cache_dir / name).write_bytes(_encode(result, fmt, self.quality))
            meta_file.write_text(f"{width}x{height}")
            self.processed += 1
        variants = []
        for fmt, name in names.items():
            path = f"{OUTPUT_DIR}/{name}"
            self.used[path] = self.cache_dir / name
            variants.append(Variant(fmt, path))
        # Shown at half the pixel size: two image pixels per CSS pixel.
        done = Processed(tuple(variants), max(1, width // 2), max(1, height // 2))
        self._memo[memo_key] = done
        return done

    @staticmethod
    def _open(source: Path) -> Image.Image:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                image = Image.open(source)
                if image.format == "JPEG":
                    # Decode at 1/2, 1/4 or 1/8 scale when the photo is much larger than needed.
                    image.draft("RGB", (1024, 1024))
                elif image.width * image.height > PIXEL_LIMIT:
                    image.close()
                    raise ImageProblem(
                        f"is {image.width} x {image.height} pixels, too large to resize safely.",
                        "resize it to a few megapixels (an avatar needs a few hundred pixels).",
                    )
                image.load()
                return image
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ImageProblem(
                "is too large to decode safely (a decompression bomb, or an enormous photo).",
                "resize it to a few megapixels (an avatar needs a few hundred pixels).",
            ) from None
        except UnidentifiedImageError:
            raise ImageProblem("is not an image Pillow can read (or the file is damaged).",
                               "export it again as JPEG or PNG.") from None
        except (OSError, SyntaxError, ValueError) as exc:
            raise ImageProblem(f"could not be decoded ({exc}).",
                               "export it again as JPEG or PNG.") from None


def _rgb(image: Image.Image) -> Image.Image:
    image = ImageOps.exif_transpose(image)
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    return image.convert("RGBA" if has_alpha else "RGB")


def _square(image: Image.Image, side: int, fx: float, fy: float) -> Image.Image:
    image = _rgb(image)
    width, height = image.size
    crop = min(width, height)
    left = min(max(round(fx * width - crop / 2), 0), width - crop)
    top = min(max(round(fy * height - crop / 2), 0), height - crop)
    image = image.crop((left, top, left + crop, top + crop))
    target = min(side, crop)  # never enlarge a small photo
    return image.resize((target, target), Image.Resampling.LANCZOS)


def _bounded(image: Image.Image, height: int, max_width: int) -> Image.Image:
    image = _rgb(image)
    image.thumbnail((max_width, height), Image.Resampling.LANCZOS)
    return image


def _encode(image: Image.Image, fmt: str, quality: int) -> bytes:
    buffer = io.BytesIO()
    if fmt == "webp":
        image.save(buffer, "WEBP", quality=quality, method=6)
    elif fmt == "avif":
        image.save(buffer, "AVIF", quality=max(quality - 20, 30), speed=6)
    elif fmt == "png":
        image.save(buffer, "PNG", optimize=True)
    else:
        image.convert("RGB").save(buffer, "JPEG", quality=quality, optimize=True,
                                  progressive=True)
    return buffer.getvalue()


def page_image(processed: Processed, page_url: str) -> PageImage:
    """What the page shows: the best variants as <source>s, the last as <img src>."""
    from mkdocs.utils import get_relative_url

    urls = [(v.mime, get_relative_url(v.path, page_url)) for v in processed.variants]
    return PageImage(urls[-1][1], tuple(urls[:-1]), processed.width, processed.height)


def default_cache_dir(config_file_path: str | None) -> str:
    base = os.path.dirname(config_file_path) if config_file_path else os.getcwd()
    return os.path.join(base, ".cache", "mkdocs-workshop")
