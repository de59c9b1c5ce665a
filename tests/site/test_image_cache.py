"""The image cache: damaged entries are made again, an unwritable cache is one warning, and
builds that share a cache at the same time all publish whole images."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from mkdocs_workshop.site import images as images_module
from mkdocs_workshop.site.images import ImageProcessor

from sitekit import BUILD_EPOCH, MACROS, Built, build_config, page, photo, write_site

AVATAR = re.compile(r'(?:srcset|src)="(assets/workshop/images/[0-9a-f]+\.(?:avif|webp))"')


def roster_site(root: Path, count: int = 3, *, options: dict[str, Any] | None = None,
                strict: bool = False) -> Path:
    """A page of ``count`` people with photos (p0.png ...), and the plugin's options."""
    people = [{"name": f"Person {i}", "image": f"assets/images/p{i}.png"} for i in range(count)]
    files: dict[str, str | bytes] = {
        f"docs/assets/images/p{i}.png": photo((300, 240), (40 * i, 120, 200 - 30 * i))
        for i in range(count)
    }
    plugins = [MACROS, {"workshop": options or {}}]
    return write_site(root, {"index.md": page({"speakers": people}, '<< team("speakers") >>')},
                      plugins=plugins, files=files)


def published(root: Path, html: str) -> list[Path]:
    """The avatar files a page shows, each checked to be whole: non-empty and decodable."""
    names = sorted(set(AVATAR.findall(html)))
    assert names, html
    for name in names:
        path = root / "site" / name
        assert path.stat().st_size > 0, name
        with Image.open(path) as image:
            image.load()
            assert image.width == image.height > 0, name
    return [root / "site" / name for name in names]


def counts(built: Built) -> tuple[int, int]:
    (line,) = [m for m in built.messages(0) if m.startswith("workshop: images: ")]
    found = re.search(r"images: (\d+) processed, (\d+) from the cache", line)
    assert found, line
    return int(found.group(1)), int(found.group(2))


def markers(cache: Path) -> list[tuple[Path, dict[str, Any]]]:
    found = []
    for marker in sorted(cache.glob("*.size")):
        found.append((marker, json.loads(marker.read_text())))
    return found


def assert_sound(cache: Path) -> None:
    """Every marker names files of the lengths it records, and no temporary file is left."""
    for _marker, data in markers(cache):
        for name, length in data["files"].items():
            assert (cache / name).stat().st_size == length > 0
            assert hashlib.sha256((cache / name).read_bytes()).hexdigest() == \
                data["sha256"][name]
    assert not [p.name for p in cache.iterdir() if p.name.endswith(".tmp")]


# -- damaged entries ------------------------------------------------------------------------


def _variant(cache: Path) -> Path:
    _marker, data = markers(cache)[0]
    (webp,) = [name for name in data["files"] if name.endswith(".webp")]
    return cache / webp


DAMAGE: dict[str, Callable[[Path], None]] = {
    "variant missing": lambda cache: _variant(cache).unlink(),
    "variant empty": lambda cache: _variant(cache).write_bytes(b""),
    "variant truncated": lambda cache: _variant(cache).write_bytes(
        _variant(cache).read_bytes()[:100]),
    "variant longer": lambda cache: _variant(cache).write_bytes(
        _variant(cache).read_bytes() + b"x"),
    "marker missing": lambda cache: markers(cache)[0][0].unlink(),
    "marker empty": lambda cache: markers(cache)[0][0].write_bytes(b""),
    "marker garbled": lambda cache: markers(cache)[0][0].write_bytes(b"\x00\xff256x2"),
    "marker of the old kind": lambda cache: markers(cache)[0][0].write_text("256x240"),
    "marker of another shape": lambda cache: markers(cache)[0][0].write_text(
        '{"width": "256", "height": 240, "files": []}'),
    "marker with a wrong length": lambda cache: markers(cache)[0][0].write_text(json.dumps(
        {**markers(cache)[0][1], "files": {k: v + 1 for k, v in
                                           markers(cache)[0][1]["files"].items()}})),
    "marker with a zero length": lambda cache: markers(cache)[0][0].write_text(json.dumps(
        {**markers(cache)[0][1], "files": dict.fromkeys(markers(cache)[0][1]["files"], 0)})),
    "marker without a variant": lambda cache: markers(cache)[0][0].write_text(json.dumps(
        {**markers(cache)[0][1], "files": dict(sorted(markers(cache)[0][1]["files"].items())
                                               [:1])})),
    # Damage that keeps the length: only the bytes' digest tells.
    "variant zeroed": lambda cache: _variant(cache).write_bytes(
        bytes(_variant(cache).stat().st_size)),
    "variant with one byte changed": lambda cache: _variant(cache).write_bytes(
        _flip(_variant(cache).read_bytes())),
    "variant a link to another file of its length": lambda cache: _link_to_secret(cache),
    "marker without digests": lambda cache: markers(cache)[0][0].write_text(json.dumps(
        {k: v for k, v in markers(cache)[0][1].items() if k != "sha256"})),
    "marker with a wrong digest": lambda cache: markers(cache)[0][0].write_text(json.dumps(
        {**markers(cache)[0][1], "sha256": dict.fromkeys(markers(cache)[0][1]["files"],
                                                         "0" * 64)})),
}


def _flip(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1:]


def _link_to_secret(cache: Path) -> None:
    """A link in the cache to a file of the variant's length (anything the build's user can
    read): its bytes must never be published."""
    variant = _variant(cache)
    secret = cache.parent / "secret.txt"
    secret.write_bytes(b"TOP-SECRET" * (variant.stat().st_size // 10 + 1))
    secret.write_bytes(secret.read_bytes()[:variant.stat().st_size])
    variant.unlink()
    variant.symlink_to(secret)


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_entry_is_made_again(tmp_path: Path, damage: str) -> None:
    config = roster_site(tmp_path)
    cache = tmp_path / ".cache/mkdocs-workshop"
    first = build_config(config, strict=True)
    assert first.ok, first.messages()
    assert counts(first) == (3, 0)
    assert len(markers(cache)) == 3
    DAMAGE[damage](cache)
    second = build_config(config, strict=True)
    assert second.ok, second.messages()
    assert counts(second) == (1, 2)  # the damaged entry only
    assert second.html() == first.html()
    published(tmp_path, second.html())
    assert_sound(cache)
    assert not [p for p in cache.iterdir() if p.is_symlink()]
    assert not [p for p in (tmp_path / "site").rglob("*")
                if p.is_file() and b"TOP-SECRET" in p.read_bytes()]
    assert counts(build_config(config, strict=True)) == (0, 3)  # and it is whole again


@pytest.mark.parametrize("index", [
    b"", b"{", b"\xff\xfe not json", b"[1, 2, 3]", b'"a string"', b"[" * 100_000,
    b'{"/no/such/photo.png": [1, 2, "abc"], "x": 5, "y": [1, 2, 3, 4]}',
])
def test_a_damaged_index_is_ignored_and_written_again(tmp_path: Path, index: bytes) -> None:
    config = roster_site(tmp_path)
    cache = tmp_path / ".cache/mkdocs-workshop"
    first = build_config(config, strict=True)
    assert counts(first) == (3, 0)
    (cache / "index.json").write_bytes(index)
    second = build_config(config, strict=True)
    assert second.ok, second.messages()
    assert counts(second) == (0, 3)  # the index only saves reading the photos
    published(tmp_path, second.html())
    written = json.loads((cache / "index.json").read_text())
    assert sorted(Path(k).name for k in written if k.startswith(str(tmp_path))) == [
        "p0.png", "p1.png", "p2.png"]
    assert all(len(v) == 3 and len(v[2]) == 64 for v in written.values())


def test_a_marker_alone_is_not_an_entry(tmp_path: Path) -> None:
    """A build stopped between its variants and its marker leaves variants without a marker;
    a marker left alone (its variants deleted) is not an entry either."""
    config = roster_site(tmp_path, 1)
    cache = tmp_path / ".cache/mkdocs-workshop"
    build_config(config)
    for name in markers(cache)[0][1]["files"]:
        (cache / name).unlink()
    second = build_config(config, strict=True)
    assert counts(second) == (1, 0)
    published(tmp_path, second.html())
    assert_sound(cache)


# -- a cache that cannot be written ---------------------------------------------------------


def _cache_warnings(built: Built) -> list[str]:
    return [m for m in built.workshop() if "the image cache" in m]


@pytest.mark.parametrize("where", ["below a file", "a file"])
def test_a_cache_folder_that_cannot_be_made(tmp_path: Path, where: str) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    cache = blocker / "cache" if where == "below a file" else blocker
    config = roster_site(tmp_path, options={"cache_dir": str(cache)})
    built = build_config(config)
    assert built.ok, built.failure
    (warning,) = built.workshop()
    assert warning.startswith(f"workshop: the image cache {cache} cannot be written (")
    assert "set cache_dir to a folder the build can write to" in warning
    assert counts(built) == (3, 0)
    assert len(published(tmp_path, built.html())) == 6  # AVIF and WebP of each
    assert blocker.read_text() == "not a folder"
    strict = build_config(config, strict=True)  # a warning: --strict stops
    assert not strict.ok


def test_cache_entries_that_are_folders(tmp_path: Path) -> None:
    config = roster_site(tmp_path)
    cache = tmp_path / ".cache/mkdocs-workshop"
    first = build_config(config)
    for marker, data in markers(cache):
        for name in [*data["files"], marker.name]:
            (cache / name).unlink()
            (cache / name).mkdir()
    (cache / "index.json").unlink()
    (cache / "index.json").mkdir()
    second = build_config(config)
    assert second.ok, second.failure
    assert len(_cache_warnings(second)) == 1, second.workshop()
    assert second.workshop() == _cache_warnings(second)
    assert counts(second) == (3, 0)
    assert second.html() == first.html()
    published(tmp_path, second.html())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_marker_or_index_that_is_a_pipe_is_not_read(tmp_path: Path) -> None:
    config = roster_site(tmp_path, 1)
    cache = tmp_path / ".cache/mkdocs-workshop"
    build_config(config)
    for path in (markers(cache)[0][0], cache / "index.json"):
        path.unlink()
        os.mkfifo(path)  # opening it to read would wait for a writer for ever
    second = build_config(config, strict=True)
    assert second.ok, second.failure
    assert counts(second) == (1, 0)
    published(tmp_path, second.html())
    # Renamed over the pipes (the folders are the calendars' and the compiled partials').
    assert all(p.is_file() for p in cache.iterdir() if p.name not in ("calendars", "templates"))
    assert_sound(cache)


def test_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Writing fails (no space left): one warning, and the images come from memory."""
    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(images_module.os, "replace", full)
    source = tmp_path / "p.png"
    source.write_bytes(photo((300, 300)))
    said: list[str] = []
    processor = ImageProcessor(tmp_path / "cache", 64, 28, ["webp", "png"], 80, warn=said.append)
    avatar = processor.avatar(source)
    logo = processor.logo(source)
    assert logo is not None
    processor.write(str(tmp_path / "site"))
    assert len(said) == 1 and str(tmp_path / "cache") in said[0]
    assert "No space left on device" in said[0]
    assert processor.cache_problem == said[0]
    for variant in (*avatar.variants, *logo.variants):
        with Image.open(tmp_path / "site" / variant.path) as made:
            made.load()
    assert [p.name for p in (tmp_path / "cache").iterdir()] == []  # no temporary file left


def test_an_unwritable_cache_is_still_read(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache restored read-only (say, on CI) still saves the work it holds."""
    source = tmp_path / "p.png"
    source.write_bytes(photo((300, 300)))
    first = ImageProcessor(tmp_path / "cache", 64, 28, ["webp"], 80)
    first.avatar(source)
    first.write(str(tmp_path / "first"))

    def refused(*args: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(images_module.os, "replace", refused)
    said: list[str] = []
    processor = ImageProcessor(tmp_path / "cache", 64, 28, ["webp"], 80, warn=said.append)
    made = processor.avatar(source)
    assert (processor.processed, processor.from_cache) == (0, 1)
    processor.write(str(tmp_path / "site"))
    assert said == []  # nothing needed writing
    assert (tmp_path / "site" / made.variants[0].path).stat().st_size > 0


# -- between the check and the publishing ---------------------------------------------------


@pytest.mark.parametrize("change", ["emptied", "removed", "replaced", "folder"])
def test_a_cache_file_changed_before_publishing_is_made_again(tmp_path: Path,
                                                              change: str) -> None:
    source = tmp_path / "p.png"
    source.write_bytes(photo((300, 300), (10, 200, 30)))
    processor = ImageProcessor(tmp_path / "cache", 64, 28, ["avif", "webp"], 80,
                               warn=pytest.fail)
    made = processor.avatar(source)
    processor.finish()  # made (in the background) and in the cache
    cached = tmp_path / "cache" / made.variants[1].path.rsplit("/", 1)[1]
    if change == "emptied":
        with cached.open("r+b") as handle:  # in place: a link would see it too
            handle.truncate(0)
    elif change == "removed":
        cached.unlink()
    elif change == "replaced":
        cached.write_bytes(photo((20, 20)))
    else:
        cached.unlink()
        cached.mkdir()
    processor.write(str(tmp_path / "site"))
    for variant in made.variants:
        target = tmp_path / "site" / variant.path
        with Image.open(target) as image:
            image.load()
            assert image.size == (128, 128)
            assert image.convert("RGB").getpixel((64, 64)) == pytest.approx((10, 200, 30),
                                                                           abs=12)
    if change == "emptied":
        assert cached.stat().st_size == 0  # the site's file was written apart from the cache


def test_a_cache_file_and_its_photo_both_gone(tmp_path: Path) -> None:
    source = tmp_path / "p.png"
    source.write_bytes(photo((300, 300)))
    said: list[str] = []
    processor = ImageProcessor(tmp_path / "cache", 64, 28, ["webp"], 80, warn=said.append)
    made = processor.avatar(source)
    processor.finish()  # made (in the background) and in the cache
    (tmp_path / "cache" / made.variants[0].path.rsplit("/", 1)[1]).unlink()
    source.unlink()
    processor.write(str(tmp_path / "site"))
    (message,) = said
    assert f"the image made from {source} left the cache during the build" in message
    assert message.endswith("It is missing from the site. Fix: export it again as JPEG or PNG.")
    assert not (tmp_path / "site" / made.variants[0].path).exists()


def test_published_files_are_readable_by_all(tmp_path: Path) -> None:
    """Cache files are linked into the site: they must not keep mkstemp's private mode."""
    source = tmp_path / "p.png"
    source.write_bytes(photo((300, 300)))
    processor = ImageProcessor(tmp_path / "cache", 64, 28, ["webp"], 80)
    made = processor.avatar(source)
    processor.write(str(tmp_path / "site"))
    mode = (tmp_path / "site" / made.variants[0].path).stat().st_mode
    assert mode & 0o444 == 0o444


def test_writers_of_one_entry_both_succeed(tmp_path: Path) -> None:
    """Two processors (two builds) make the same entry; both publish it whole."""
    source = tmp_path / "p.png"
    source.write_bytes(photo((300, 300)))
    one = ImageProcessor(tmp_path / "cache", 64, 28, ["webp"], 80, warn=pytest.fail)
    two = ImageProcessor(tmp_path / "cache", 64, 28, ["webp"], 80, warn=pytest.fail)
    first = one.avatar(source)
    one.finish()  # made (in the background) and in the cache
    shutil.rmtree(tmp_path / "cache")  # another build cleans the cache meanwhile
    second = two.avatar(source)
    assert (one.processed, two.processed) == (1, 1)
    assert first == second
    one.write(str(tmp_path / "one"))
    two.write(str(tmp_path / "two"))
    for site in ("one", "two"):
        path = tmp_path / site / first.variants[0].path
        with Image.open(io.BytesIO(path.read_bytes())) as image:
            image.load()
    assert_sound(tmp_path / "cache")


# -- two builds at once ---------------------------------------------------------------------


def _shared_site(root: Path, cache: Path, own: str) -> None:
    """Six photos every site has (the same files), and two of its own."""
    people = [{"name": f"Shared {i}", "image": f"assets/images/s{i}.png"} for i in range(6)]
    people += [{"name": f"{own} {i}", "image": f"assets/images/{own}{i}.png"} for i in range(2)]
    files: dict[str, str | bytes] = {
        f"docs/assets/images/s{i}.png": photo((300, 240), (40 * i, 90, 200)) for i in range(6)
    }
    tint = 100 if own == "a" else 200
    files.update({f"docs/assets/images/{own}{i}.png": photo((240, 300), (tint, 30 * i, 20))
                  for i in range(2)})
    plugins = [MACROS, {"workshop": {"cache_dir": str(cache), "image_formats": ["webp"]}}]
    write_site(root, {"index.md": page({"speakers": people}, '<< team("speakers") >>')},
               plugins=plugins, files=files)


def test_two_builds_sharing_one_cache_twenty_times(tmp_path: Path) -> None:
    cache = tmp_path / "shared-cache"
    roots = [tmp_path / "a", tmp_path / "b"]
    for root, own in zip(roots, "ab", strict=True):
        _shared_site(root, cache, own)
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    for round_ in range(20):
        if round_ % 4 == 0:
            shutil.rmtree(cache, ignore_errors=True)  # from an empty cache
        elif round_ % 4 == 2:
            (cache / "index.json").unlink(missing_ok=True)  # every photo hashed again
        runs = [subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict"],
                                 cwd=root, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True) for root in roots]
        outputs = [run.communicate(timeout=300)[0] for run in runs]
        for root, run, output in zip(roots, runs, outputs, strict=True):
            assert run.returncode == 0, f"round {round_}, {root.name}:\n{output}"
            html = (root / "site/index.html").read_text(encoding="utf-8")
            assert len(published(root, html)) == 8, f"round {round_}, {root.name}"
        json.loads((cache / "index.json").read_text())  # whole, whoever wrote it last
        assert_sound(cache)
