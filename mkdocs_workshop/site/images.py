"""Avatars and sponsor logos sized for the page, and cached across builds.

A roster's photo is cropped to a square (around its centre, or a focal point the entry gives),
resized to twice its display size (sharp on 2x screens, no more) and encoded as AVIF and WebP.
Each result is stored under a name made from the source's content and the options, so the
same photo used by ten editions is processed and published once. Results are kept in a cache
folder between builds; a build whose images did not change decodes none of them.

The cache can be shared by builds that run at once (a CI matrix, ``serve`` beside ``build``):
every file is written under a unique temporary name and renamed into place, so a reader sees
a whole file or none, and a file is never changed once it has its name. An entry (the variants
of one image) is complete when its marker, written last, says so: the marker records the
image's size and each variant's byte length, which a build checks before using the
entry. The marker also records each variant's SHA-256: a file of the right length but other
bytes (damaged on disk, or a link put in the cache to some other file) is not used, and is made
again. A cache that cannot be written is one warning, and the build makes its images in memory.

Making an avatar is decoding the photo (a JPEG at the smallest scale that still gives the
avatar's size: 1/8 of a camera photo), cropping, resizing and encoding it. That work runs on
every core of the machine while the pages are built: the avatar's size is known from the
photo's header, so the page does not wait for it, and the files are collected before they are
written into the site. What is made does not depend on the number of cores.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import math
import os
import re
import shutil
import stat
import tempfile
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError, features

from ..core.imagerefs import ImageProblem, PageImage
from ..core.log import log

OUTPUT_DIR = "assets/workshop/images"
# Raising this makes every cached image be made again (a change in how images are made).
# 2: high-bit-depth images scaled to 8 bits; markers that record each variant's length.
# 3: JPEG decoded at the needed scale; WebP method 4 and AVIF speed 8 (chosen by measurement:
#    the same SSIM, a third of the time; see docs/performance.md); crop and resize in one step
#    with a whole-factor reduction first.
PIPELINE_VERSION = "3"
# Photos larger than this (other than JPEG, which decodes at a reduced scale) are refused
# rather than decoded: 40 megapixels of RGBA is 160 MB.
PIXEL_LIMIT = 40_000_000
MIME = {"avif": "image/avif", "webp": "image/webp", "png": "image/png", "jpeg": "image/jpeg"}
INDEX = "index.json"
MARKER_LIMIT = 4096  # bytes: a marker is a line of JSON; anything longer is not one
_DIGEST = re.compile(r"[0-9a-f]{64}")



@dataclass(frozen=True)
class Square:
    """An avatar: the square around the focal point, ``side`` pixels or the photo's own
    shorter side when it is smaller (never enlarged)."""

    side: int
    fx: float = 0.5
    fy: float = 0.5

    def __call__(self, image: Image.Image) -> Image.Image:
        return _square(image, self.side, self.fx, self.fy)

    def need(self) -> tuple[int, int]:
        return self.side, self.side

    def size(self, width: int, height: int) -> tuple[int, int] | None:
        side = min(self.side, width, height)
        return side, side


@dataclass(frozen=True)
class Bounded:
    """A logo: at most ``height`` pixels high and ``max_width`` wide."""

    height: int
    max_width: int

    def __call__(self, image: Image.Image) -> Image.Image:
        return _bounded(image, self.height, self.max_width)

    def need(self) -> tuple[int, int]:
        return self.height, self.height

    def size(self, width: int, height: int) -> tuple[int, int] | None:
        return None  # Pillow's rounding decides: made at once, not in the background


Shape = Square | Bounded
_ORIENTATION = 0x0112  # the EXIF tag that says how a photo is turned


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


@dataclass(frozen=True)
class Recipe:
    """How an entry is made: from which file, in which shape, as which files (format: name)."""

    source: Path
    shape: Shape
    names: dict[str, str]


@dataclass(frozen=True)
class Output:
    """A file this build publishes: its name in the cache, its length, and how it is made."""

    name: str
    length: int
    recipe: Recipe
    sha256: str = ""  # of its bytes, as the marker records it


@dataclass(frozen=True)
class Entry:
    """A made image as its marker describes it."""

    width: int
    height: int
    lengths: dict[str, int]  # file name -> byte length
    hashes: dict[str, str] = field(default_factory=dict)  # file name -> SHA-256 of its bytes

    def marker(self) -> bytes:
        return json.dumps({"width": self.width, "height": self.height,
                           "files": self.lengths, "sha256": self.hashes},
                          sort_keys=True).encode()


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
    warn: Callable[[str], None] = field(default=log.warning, repr=False)
    processed: int = 0  # source images decoded and encoded in this build
    from_cache: int = 0  # source images found ready in the cache
    used: dict[str, Output] = field(default_factory=dict)  # site path -> what is published
    sources: set[str] = field(default_factory=set)  # site files replaced by what was made
    cache_problem: str | None = None  # why the cache is not used in this build (warned once)
    _writable: bool | None = None  # None: not tried yet
    _index: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    _index_changed: bool = False
    _memo: dict[str, Processed] = field(default_factory=dict)
    _digests: dict[str, str] = field(default_factory=dict)  # this build: path -> digest
    _kept: dict[str, bytes] = field(default_factory=dict)  # made files the cache did not take
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    _pool: ThreadPoolExecutor | None = None
    _pending: list[tuple[Recipe, str, Future[tuple[dict[str, bytes], Entry]]]] = field(
        default_factory=list)

    def __post_init__(self) -> None:
        self._index = _read_index(self.cache_dir / INDEX)

    # -- public ---------------------------------------------------------------------------

    def avatar(self, source: Path, focus: tuple[float, float] | None = None) -> Processed:
        fx, fy = focus or (0.5, 0.5)
        side = 2 * self.avatar_px
        key = f"avatar:{side}:{fx:.3f},{fy:.3f}"
        return self._make(source, key, Square(side, fx, fy))

    def logo(self, source: Path) -> Processed | None:
        """A raster logo at twice its display height; None for SVG (used as it is)."""
        if source.suffix.lower() == ".svg":
            return None
        height = 2 * self.logo_px
        return self._make(source, f"logo:{height}", Bounded(height, 4 * height))

    def content(self, path: str) -> bytes:
        """The bytes of a file this build publishes (``path`` as in a Variant)."""
        self.finish()
        output = self.used[path]
        data = self._kept.get(output.name)
        if data is None:
            try:
                data = (self.cache_dir / output.name).read_bytes()
            except OSError:
                data = b""
        return data if _is_output(data, output) else self._remade(output)

    def write(self, site_dir: str) -> None:
        """Put this build's images into the site, and keep the cache's index."""
        self.finish()
        for path, output in self.used.items():
            target = Path(site_dir) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            self._publish(output, target)
        self._save_index()

    # -- the cache ------------------------------------------------------------------------

    def _usable(self) -> bool:
        """Whether this build can write to the cache (the folder is made on first use)."""
        if self._writable is None:
            try:
                self.cache_dir.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                self._cache_failed(exc)
            else:
                self._writable = True
        return bool(self._writable)

    def _cache_failed(self, exc: OSError) -> None:
        """Go on without the cache for the rest of the build, with one warning."""
        if self._writable is False:
            return
        self._writable = False
        reason = exc.strerror or type(exc).__name__
        if exc.filename:
            reason = f"{reason}: {exc.filename}"
        message = (f"the image cache {self.cache_dir} cannot be written ({reason}); this build "
                   "makes its images without it, and the next build makes them again.")
        fix = ("set cache_dir to a folder the build can write to, or check the folder's "
               "permissions and the free disk space (a damaged cache folder can be deleted: "
               "the next build makes it again).")
        self.cache_problem = f"{message} Fix: {fix}"
        self.warn(self.cache_problem)

    def _store(self, files: dict[str, bytes], marker: str, entry: Entry) -> bool:
        """Put an entry into the cache, its marker last; False if the cache took none of it."""
        if not self._usable():
            return False
        try:
            for name, data in files.items():
                _replace(self.cache_dir, name, data)
            _replace(self.cache_dir, marker, entry.marker())
        except OSError as exc:
            self._cache_failed(exc)
            return False
        return True

    def _lookup(self, names: dict[str, str], marker: str) -> Entry | None:
        """The entry if its marker is sound and every variant has the length and the bytes it
        records."""
        entry = _read_marker(self.cache_dir / marker, list(names.values()))
        if entry is None:
            return None
        for name, length in entry.lengths.items():
            if not _holds(self.cache_dir / name, length, entry.hashes[name]):
                return None
        return entry

    def _save_index(self) -> None:
        """Write the index of digests, merged with what other builds wrote meanwhile."""
        if not self._index_changed or not self._usable():
            return
        index = _read_index(self.cache_dir / INDEX)
        index.update(self._index)
        try:
            _replace(self.cache_dir, INDEX, json.dumps(index).encode())
        except OSError as exc:
            self._cache_failed(exc)

    # -- making ---------------------------------------------------------------------------

    def _digest(self, source: Path) -> str:
        """The source's content hash: once per build, and from the index when its size and
        time are unchanged since the last build."""
        key = str(source)
        if key in self._digests:
            return self._digests[key]
        info = source.stat()
        known = self._index.get(key)
        if known and known[:2] == (info.st_mtime_ns, info.st_size):
            digest = known[2]
        else:
            digest = hashlib.sha256(source.read_bytes()).hexdigest()
            self._index[key] = (info.st_mtime_ns, info.st_size, digest)
            self._index_changed = True
        self._digests[key] = digest
        return digest

    def _make(self, source: Path, purpose: str, shape: Shape) -> Processed:
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
        recipe = Recipe(source, shape, names)
        marker = _marker_name(names)
        entry = self._lookup(names, marker)
        if entry is not None:
            self.from_cache += 1
        else:
            entry = self._start(recipe, marker)
            self.processed += 1
        variants = []
        for fmt, name in names.items():
            path = f"{OUTPUT_DIR}/{name}"
            self.used[path] = Output(name, entry.lengths.get(name, 0), recipe,
                                     entry.hashes.get(name, ""))
            variants.append(Variant(fmt, path))
        # Shown at half the pixel size: two image pixels per CSS pixel.
        done = Processed(tuple(variants), max(1, entry.width // 2), max(1, entry.height // 2))
        self._memo[memo_key] = done
        return done

    def _start(self, recipe: Recipe, marker: str) -> Entry:
        """Make an entry: in the background when its size is known from the photo's header
        (its variants' lengths come when it is done, see finish), else now."""
        size = recipe.shape.size(*self._header_size(recipe.source))
        if size is None:
            files, entry = self._render(recipe)
            if not self._store(files, marker, entry):
                self._kept.update(files)
            return entry
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=self.workers,
                                            thread_name_prefix="workshop-images")
        self._pending.append((recipe, marker, self._pool.submit(self._render, recipe)))
        return Entry(size[0], size[1], {})

    def finish(self) -> None:
        """Wait for the images made in the background, and keep them: in the cache, or in
        memory. An image that could not be made after all is left out, with a warning."""
        pending, self._pending = self._pending, []
        for recipe, marker, future in pending:
            try:
                files, entry = future.result()
            except ImageProblem as problem:
                message = (f"the image made from {recipe.source} {problem.message} It is "
                           "missing from the site.")
                self.warn(f"{message} Fix: {problem.fix}")
                for name in recipe.names.values():
                    self.used.pop(f"{OUTPUT_DIR}/{name}", None)
                continue
            if not self._store(files, marker, entry):
                self._kept.update(files)
            for name in recipe.names.values():
                self.used[f"{OUTPUT_DIR}/{name}"] = Output(name, entry.lengths[name], recipe,
                                                           entry.hashes[name])
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def _header_size(self, source: Path) -> tuple[int, int]:
        """The photo's size from its header: a file that is no image, or too large, is
        reported now, before the page shows it."""
        with _decoding(), Image.open(source) as image:
            if image.format != "JPEG" and image.width * image.height > PIXEL_LIMIT:
                raise ImageProblem(
                    f"is {image.width} x {image.height} pixels, too large to resize "
                    "safely.", "resize it to a few megapixels (an avatar needs a few "
                    "hundred pixels).")
            if image.format != "PNG" or "exif" in image.info:
                # Its orientation turns the image: a damaged one fails now. (A PNG's
                # EXIF after its pixels would need them decoded: it waits.)
                image.getexif()
            return image.width, image.height

    def _render(self, recipe: Recipe) -> tuple[dict[str, bytes], Entry]:
        """Decode, shape and encode: the files by name, and the entry they make."""
        with self._open(recipe.source, recipe.shape.need()) as image:
            try:
                result = recipe.shape(image)
            except ImageProblem:
                raise
            except (OSError, SyntaxError, ValueError, TypeError) as exc:  # a damaged EXIF...
                raise ImageProblem(f"could not be decoded ({exc}).",
                                   "export it again as JPEG or PNG.") from None
        files = {name: _encode(result, fmt, self.quality) for fmt, name in recipe.names.items()}
        lengths = {name: len(data) for name, data in files.items()}
        hashes = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
        return files, Entry(result.width, result.height, lengths, hashes)

    def _remade(self, output: Output) -> bytes:
        """A file made again, when its cached copy is gone or changed since it was checked."""
        files, _entry = self._render(output.recipe)
        self._kept.update(files)
        return files[output.name]

    def _publish(self, output: Output, target: Path) -> None:
        """Link (or copy) the cached file into the site, and check that what arrived is whole;
        if not, the file is made again and written from memory. Nothing written into the site
        can change the cache: a link is removed before the site's file is written."""
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        data = self._kept.get(output.name)
        if data is None:
            if _link_or_copy(self.cache_dir / output.name, target) \
                    and _holds(target, output.length, output.sha256):
                return
            with contextlib.suppress(FileNotFoundError):
                target.unlink()
            try:
                data = self._remade(output)
            except ImageProblem as problem:
                message = (f"the image made from {output.recipe.source} left the cache during "
                           f"the build and could not be made again: it {problem.message} It "
                           "is missing from the site.")
                self.warn(f"{message} Fix: {problem.fix}")
                return
        target.write_bytes(data)

    @staticmethod
    def _open(source: Path, need: tuple[int, int]) -> Image.Image:
        with _decoding():
            image = Image.open(source)
            if image.format == "JPEG":
                # Decode at 1/2, 1/4 or 1/8 scale, never below what is needed.
                image.draft("RGB", need)
            elif image.width * image.height > PIXEL_LIMIT:
                image.close()
                raise ImageProblem(
                    f"is {image.width} x {image.height} pixels, too large to resize safely.",
                    "resize it to a few megapixels (an avatar needs a few hundred pixels).",
                )
            image.load()
            return image


# -- cache files --------------------------------------------------------------------------


def _marker_name(names: dict[str, str]) -> str:
    """The marker of an entry: one for each set of variants, so that builds with different
    image_formats sharing a cache do not overwrite each other's markers."""
    joined = " ".join(sorted(names.values()))
    return hashlib.sha256(joined.encode()).hexdigest()[:20] + ".size"


def _replace(folder: Path, name: str, data: bytes) -> None:
    """Write a file whole or not at all: under a name no other build uses, then renamed.
    A folder another build removed meanwhile (cleaning the cache) is made again."""
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
    except FileNotFoundError:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        # mkstemp makes the file private; a site file linked to it must be readable by all.
        os.chmod(temporary, 0o644)
        os.replace(temporary, folder / name)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _has_length(path: Path, length: int) -> bool:
    """Whether ``path`` is a regular file (not a link) of ``length`` bytes (and not empty)."""
    try:
        info = path.lstat()
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size == length > 0


def _holds(path: Path, length: int, digest: str) -> bool:
    """Whether ``path`` is a regular file (not a link) of ``length`` bytes whose SHA-256 is
    ``digest``: whole, and the file the marker describes."""
    if not _has_length(path, length):
        return False
    try:
        with path.open("rb") as handle:
            data = handle.read(length + 1)
    except OSError:
        return False
    return len(data) == length and hashlib.sha256(data).hexdigest() == digest


def _is_output(data: bytes, output: Output) -> bool:
    return len(data) == output.length and hashlib.sha256(data).hexdigest() == output.sha256


def _link_or_copy(cached: Path, target: Path) -> bool:
    try:
        os.link(cached, target, follow_symlinks=False)  # same disk: no copy at all
        return True
    except OSError:
        pass
    try:
        shutil.copyfile(cached, target)
        return True
    except OSError:
        return False


def _count(value: object) -> int | None:
    """A positive int from JSON, or None."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return None


def _read_json(path: Path, limit: int | None = None) -> object:
    """A JSON file's value; None if it cannot be read or is not JSON."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None  # a folder, or a pipe that would never end
        with path.open("rb") as handle:
            raw = handle.read() if limit is None else handle.read(limit + 1)
        if limit is not None and len(raw) > limit:
            return None
        return json.loads(raw)
    except (OSError, ValueError, RecursionError):
        return None


def _read_marker(path: Path, names: list[str]) -> Entry | None:
    """The entry a marker describes, if it is sound and covers ``names``."""
    data = _read_json(path, MARKER_LIMIT)
    if not isinstance(data, dict):
        return None
    width, height, files = _count(data.get("width")), _count(data.get("height")), \
        data.get("files")
    if width is None or height is None or not isinstance(files, dict):
        return None
    hashes = data.get("sha256")
    if not isinstance(hashes, dict):
        return None
    lengths = {name: _count(files.get(name)) for name in names}
    complete = {name: length for name, length in lengths.items() if length is not None}
    digests = {name: value for name in names if isinstance(value := hashes.get(name), str)
               and _DIGEST.fullmatch(value)}
    if len(complete) != len(names) or len(digests) != len(names):
        return None
    return Entry(width, height, complete, digests)


def _read_index(path: Path) -> dict[str, tuple[int, int, str]]:
    """The index of source digests; entries that are not sound are left out."""
    data = _read_json(path)
    if not isinstance(data, dict):
        return {}
    index: dict[str, tuple[int, int, str]] = {}
    for key, value in data.items():
        if isinstance(value, list) and len(value) == 3 and _count(value[1]) is not None \
                and isinstance(value[0], int) and isinstance(value[2], str) \
                and _DIGEST.fullmatch(value[2]):
            index[key] = (value[0], value[1], value[2])
    return index


# -- pixels -------------------------------------------------------------------------------


def _rgb(image: Image.Image) -> Image.Image:
    """The image as 8-bit RGB, or RGBA when it has transparency, whatever its mode (turned as
    its EXIF orientation says; not copied when it already is what is needed)."""
    if image.getexif().get(_ORIENTATION, 1) != 1:
        image = ImageOps.exif_transpose(image)
    if image.mode in ("I", "F") or image.mode.startswith("I;16"):
        return _eight_bits(image).convert("RGB")
    target = "RGBA" if image.has_transparency_data else "RGB"
    if image.mode == target:
        return image
    try:
        return image.convert(target)
    except (ValueError, ImportError, OSError):
        raise ImageProblem(f"uses the colour mode {image.mode}, which cannot be converted to "
                           "RGB.", "export it again as JPEG or PNG.") from None


def _eight_bits(image: Image.Image) -> Image.Image:
    """Greyscale of more than 8 bits as 8-bit greyscale ("L"), scaled rather than clipped.

    16-bit modes (I;16, I;16B, I;16L: PNG and TIFF) hold 0..65535, which is divided by 257 as an
    8-bit export would. 32-bit integer (I) and floating-point (F) images do not say what their
    values mean, so their own values decide: 0..1 in F is the usual unit range; values within
    0..255 are 8-bit data, within 0..65535 16-bit data; anything else (negative values, or
    larger) is stretched from the image's minimum to its maximum. Transparency (a PNG's tRNS)
    of these modes is not kept.
    """
    low, high = (0.0, 65535.0) if image.mode.startswith("I;16") else _value_range(image)
    scale = 255.0 / (high - low) if high > low else 0.0
    offset = 0.5 - low * scale  # F to L truncates: +0.5 rounds
    return image.convert("F").point(lambda v: v * scale + offset).convert("L")


def _value_range(image: Image.Image) -> tuple[float, float]:
    extrema = image.getextrema()
    low, high = extrema[0], extrema[1]
    if not isinstance(low, (int, float)) or not isinstance(high, (int, float)) \
            or not (math.isfinite(low) and math.isfinite(high)):
        return 0.0, 255.0
    for top in ((1.0,) if image.mode == "F" else ()) + (255.0, 65535.0):
        if low >= 0.0 and high <= top:
            return 0.0, top
    return low, high


def _square(image: Image.Image, side: int, fx: float, fy: float) -> Image.Image:
    image = _rgb(image)
    width, height = image.size
    crop = min(width, height)
    left = min(max(round(fx * width - crop / 2), 0), width - crop)
    top = min(max(round(fy * height - crop / 2), 0), height - crop)
    target = min(side, crop)  # never enlarge a small photo
    # Cropped and resized in one step; reduced by a whole factor first where the photo is
    # more than twice the size (reducing_gap): SSIM 0.997 against LANCZOS alone, at a third of
    # its time on a 1200-pixel photo.
    return image.resize((target, target), Image.Resampling.LANCZOS,
                        box=(left, top, left + crop, top + crop), reducing_gap=2.0)


def _bounded(image: Image.Image, height: int, max_width: int) -> Image.Image:
    image = _rgb(image).copy()  # thumbnail works in place: never on the decoded original
    image.thumbnail((max_width, height), Image.Resampling.LANCZOS)
    return image


def _encode(image: Image.Image, fmt: str, quality: int) -> bytes:
    buffer = io.BytesIO()
    if fmt == "webp":
        image.save(buffer, "WEBP", quality=quality, method=4)
    elif fmt == "avif":
        image.save(buffer, "AVIF", quality=max(quality - 20, 30), speed=8)
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


@contextmanager
def _decoding() -> Iterator[None]:
    """Pillow's ways of failing on a file, as the ImageProblem to tell the organizer; a
    decompression-bomb warning is such a failure too."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
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
