"""Avatars and logos sized for the page, made once, cached across builds."""

from __future__ import annotations

import io
import re
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from mkdocs_workshop.site.images import ImageProblem, ImageProcessor

from sitekit import MACROS, Built, build_config, page, photo, write_site

SiteFn = Callable[..., Built]


def header_only_png(width: int, height: int) -> bytes:
    """A PNG that claims a size: enough for Pillow to open it, not to decode it."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                            0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))


def people(n: int, image: str = "assets/images/p{}.jpg") -> list[dict[str, Any]]:
    return [{"name": f"Person {i}", "image": image.format(i)} for i in range(n)]


def image_files(n: int) -> dict[str, bytes]:
    return {f"docs/assets/images/p{i}.jpg": photo((1600, 1200), (20 * i, 90, 60), "JPEG")
            for i in range(n)}


def test_avatars_are_square_webp_and_avif_at_twice_the_card_size(site: SiteFn) -> None:
    built = site({"index.md": page({"speakers": people(6)}, '<< team("speakers") >>')},
                 files=image_files(6), strict=True)
    assert built.ok, built.messages()
    html = built.html()
    pictures = re.findall(r'<picture class="workshop-avatar__picture"><source type="image/avif" '
                          r'srcset="([^"]+)"><img class="workshop-avatar" src="([^"]+)" alt="" '
                          r'width="128" height="128"( loading="lazy")? decoding="async">'
                          r"</picture>", html)
    assert len(pictures) == 6
    # The first row (four cards) loads at once; the rest lazily.
    assert [bool(lazy) for _avif, _webp, lazy in pictures] == [False] * 4 + [True] * 2
    for avif, webp, _lazy in pictures:
        assert avif.startswith("assets/workshop/images/") and avif.endswith(".avif")
        assert webp.endswith(".webp")
        for name in (avif, webp):
            with Image.open(built.root / "site" / name) as image:
                assert image.size == (256, 256)
    # The page references processed avatars only, and the originals are not published.
    assert "assets/images/p" not in html
    assert not list((built.root / "site/assets/images").glob("p*.jpg"))


def test_an_original_a_page_links_to_is_still_published(site: SiteFn) -> None:
    body = '<< team("speakers") >>\n\n[Group photo](assets/images/p1.jpg)'
    built = site({"index.md": page({"speakers": people(2)}, body)}, files=image_files(2),
                 strict=True)
    assert built.ok, built.messages()
    assert (built.root / "site/assets/images/p1.jpg").is_file()
    assert not (built.root / "site/assets/images/p0.jpg").exists()
    kept = site({"index.md": page({"speakers": people(1)}, '<< team("speakers") >>')},
                files=image_files(1),
                plugins=[MACROS, {"workshop": {"publish_originals": True}}], strict=True)
    assert (kept.root / "site/assets/images/p0.jpg").is_file()


def test_one_photo_in_many_editions_is_made_and_published_once(site: SiteFn) -> None:
    shared = [{"name": "Max Welling", "image": "assets/images/p0.jpg"}]
    built = site({f"{year}.md": page({"Organizers": shared}, '<< team("Organizers") >>')
                  for year in (2021, 2022, 2023)}, files=image_files(1), strict=True)
    assert built.ok, built.messages()
    made = sorted(p.name for p in (built.root / "site/assets/workshop/images").iterdir())
    assert len(made) == 2  # one AVIF, one WebP
    assert any("images: 1 processed, 0 from the cache" in m for m in built.messages(10))


def test_a_second_build_decodes_no_image(tmp_path: Path) -> None:
    config = write_site(tmp_path, {"index.md": page({"speakers": people(3)},
                                                    '<< team("speakers") >>')},
                        files=image_files(3))
    first = build_config(config)
    assert any("images: 3 processed, 0 from the cache" in m for m in first.messages(10))
    second = build_config(config)
    assert any("images: 0 processed, 3 from the cache" in m for m in second.messages(10))
    assert first.html() == second.html()
    # A changed photo is made again; the others still come from the cache.
    (tmp_path / "docs/assets/images/p1.jpg").write_bytes(photo((800, 800), (1, 2, 3), "JPEG"))
    third = build_config(config)
    assert any("images: 1 processed, 2 from the cache" in m for m in third.messages(10))


def test_the_focal_point_decides_the_crop(tmp_path: Path) -> None:
    image = Image.new("RGB", (400, 1200), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, 400, 400))  # a red head at the top of a tall photo
    source = tmp_path / "tall.png"
    image.save(source)
    processor = ImageProcessor(tmp_path / "cache", 64, 56, ["png"], 80)
    centre = processor.avatar(source)
    top = processor.avatar(source, (0.5, 0.0))
    with Image.open(io.BytesIO(processor.content(centre.variants[0].path))) as made:
        assert made.getpixel((64, 64)) == (0, 0, 255)
    with Image.open(io.BytesIO(processor.content(top.variants[0].path))) as made:
        assert made.getpixel((64, 64)) == (255, 0, 0)
        assert made.size == (128, 128)


def test_a_small_photo_is_not_enlarged(tmp_path: Path) -> None:
    source = tmp_path / "small.png"
    source.write_bytes(photo((90, 120)))
    processor = ImageProcessor(tmp_path / "cache", 128, 56, ["webp"], 80)
    made = processor.avatar(source)
    assert (made.width, made.height) == (45, 45)


@pytest.mark.parametrize(("content", "words"), [
    (b"not an image at all", "is not an image Pillow can read"),
    (header_only_png(20000, 20000), "too large to decode safely"),
    (header_only_png(12000, 8000), "too large to decode safely"),
    (header_only_png(8000, 6000), "too large to resize safely"),
])
def test_bad_and_enormous_images_fall_back_to_initials(site: SiteFn, content: bytes,
                                                       words: str) -> None:
    built = site({"index.md": page({"speakers": [{"name": "Yian Yin",
                                                  "image": "assets/images/yian.png"}]},
                                   '<< team("speakers") >>')},
                 files={"docs/assets/images/yian.png": content})
    assert built.ok
    (message,) = built.workshop()
    assert message.startswith("workshop: index.md: 'speakers', entry 1 (Yian Yin), field "
                              "'image': 'assets/images/yian.png' ")
    assert words in message and "The page shows initials instead." in message
    assert 'aria-hidden="true">YY</span>' in built.html()


def test_a_focus_that_is_not_one(site: SiteFn) -> None:
    built = site({"index.md": page({"speakers": [{"name": "A", "focus": "upper"}]},
                                   '<< team("speakers") >>')})
    assert not built.ok
    assert any("field 'focus': 'upper' is not a focal point." in m for m in built.workshop())


def test_logos_keep_their_shape_and_svg_is_used_as_it_is(site: SiteFn) -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"></svg>'
    built = site({"index.md": page({"sponsors": [
        {"name": "Wide Logo (example)", "logo": "logos/wide.png"},
        {"name": "Vector (example)", "logo": "logos/vector.svg"},
    ]}, "<< sponsors() >>")}, files={"docs/logos/wide.png": photo((2000, 500)),
                                    "docs/logos/vector.svg": svg}, strict=True)
    assert built.ok, built.messages()
    html = built.html()
    webp = re.search(r'<img class="workshop-sponsor__logo workshop-sponsor__logo--only" '
                     r'src="(assets/workshop/images/[0-9a-f]+\.webp)" alt="Wide Logo '
                     r'\(example\)" width="224" height="56"', html)
    assert webp, html
    with Image.open(built.root / "site" / webp.group(1)) as image:
        assert image.size == (448, 112)
    assert 'src="logos/vector.svg" alt="Vector (example)"' in html


def test_images_false_links_the_originals(site: SiteFn) -> None:
    built = site({"index.md": page({"speakers": people(1)}, '<< team("speakers") >>')},
                 files=image_files(1), plugins=[MACROS, {"workshop": {"images": False}}],
                 strict=True)
    assert built.ok, built.messages()
    # The first card of the page loads at once: no loading="lazy".
    assert '<img class="workshop-avatar" src="assets/images/p0.jpg" alt="" decoding="async">' \
        in built.html()
    assert not (built.root / "site/assets/workshop").exists()


def test_image_options_are_checked(site: SiteFn) -> None:
    built = site({"index.md": "# Hi\n"},
                 plugins=[MACROS, {"workshop": {"avatar_size": 5000}}])
    assert not built.ok
    assert "the option avatar_size is 5000; it must be between 16 and 1024" in (
        built.failure or "")


def test_corrupt_image_in_the_processor(tmp_path: Path) -> None:
    source = tmp_path / "broken.jpg"
    source.write_bytes(photo(fmt="JPEG")[:200])  # cut short
    processor = ImageProcessor(tmp_path / "cache", 128, 56, ["webp"], 80)
    with pytest.raises(ImageProblem):
        processor.avatar(source)


def test_a_build_prints_no_info_line_of_ours(site: SiteFn) -> None:
    """Quiet builds: the image count is a debug line (mkdocs build --verbose)."""
    built = site({"index.md": page({"title": "T"}, "Hello")})
    assert built.ok
    ours = [m for m in built.messages(20) if m.startswith("workshop:")]
    assert ours == [], ours
