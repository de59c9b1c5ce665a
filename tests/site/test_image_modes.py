"""Every kind of image Pillow reads becomes an avatar of the same brightness and colour.

The images are made here: flat colours and gradients in each mode, saved as PNG, TIFF or JPEG
where the format can hold the mode. What the pipeline makes (AVIF and WebP) is decoded again
and its mean colour compared with what the source shows.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import PIL
import pytest
from PIL import Image, ImageStat

from mkdocs_workshop.site.images import ImageProblem, ImageProcessor, _rgb

ORANGE = (200, 100, 50)
TOLERANCE = 8  # lossy encoders and colour conversions move a flat colour by a few levels


def flat(mode: str, value: float | tuple[int, ...] | None = None) -> Image.Image:
    """A 64x48 image of one colour; for colour modes, ORANGE converted by Pillow."""
    if value is None:
        return Image.new("RGB", (64, 48), ORANGE).convert(mode)
    return Image.new(mode, (64, 48), value)


def ramp(mode: str, low: float, high: float) -> Image.Image:
    """A left-to-right gradient from ``low`` to ``high`` in a greyscale mode of many bits."""
    image = Image.new("F", (64, 48))
    image.putdata([low + (high - low) * (x / 63) for _y in range(48) for x in range(64)])
    if mode == "F":
        return image
    return image.convert("I") if mode == "I" else image.convert("I").convert(mode)


def half_transparent(mode: str) -> Image.Image:
    """ORANGE, the right half transparent."""
    if mode == "PA":  # made band by band: Pillow 11.3 loses the alpha converting RGBA to PA
        index = Image.new("P", (64, 48), 0)
        alpha = Image.new("L", (64, 48), 255)
        alpha.paste(0, (32, 0, 64, 48))
        image = Image.merge("PA", (index, alpha))
        image.putpalette([*ORANGE] + [0, 0, 0] * 255)
        return image
    image = Image.new("RGBA", (64, 48), (*ORANGE, 255))
    image.paste((*ORANGE, 0), (32, 0, 64, 48))
    return image.convert(mode) if mode != "RGBA" else image


def palette_with_alpha() -> Image.Image:
    image = Image.new("P", (64, 48), 0)
    image.putpalette([*ORANGE, 255, *ORANGE, 0] + [0, 0, 0, 255] * 254, "RGBA")
    image.paste(1, (32, 0, 64, 48))
    return image


def png_with_transparent_index() -> Image.Image:
    image = Image.new("RGB", (64, 48), ORANGE).convert("P")
    image.paste(1, (32, 0, 64, 48))
    image.info["transparency"] = 1
    return image


def grey(value: float) -> tuple[float, float, float]:
    return (value, value, value)


# name: (make the image, the format it is saved in or None, the mean RGB it shows, mean alpha)
Case = tuple[Callable[[], Image.Image], "str | None", tuple[float, float, float], "float | None"]
CASES: dict[str, Case] = {
    "1": (lambda: Image.new("1", (64, 48), 1), "PNG", grey(255), None),
    "1 half": (lambda: Image.linear_gradient("L").resize((64, 48)).convert("1"), "PNG",
               grey(127.5), None),
    "L": (lambda: flat("L", 90), "PNG", grey(90), None),
    "LA": (lambda: half_transparent("LA"), "PNG", grey(124), 127.5),
    "P": (lambda: flat("P"), "PNG", ORANGE, None),
    "P with a transparent index": (png_with_transparent_index, "PNG", ORANGE, 127.5),
    "P with an alpha palette": (palette_with_alpha, "PNG", ORANGE, 127.5),
    "PA": (lambda: half_transparent("PA"), "TIFF", ORANGE, 127.5),
    "RGB": (lambda: flat("RGB"), "PNG", ORANGE, None),
    "RGBA": (lambda: half_transparent("RGBA"), "PNG", ORANGE, 127.5),
    "RGBX": (lambda: flat("RGBX"), None, ORANGE, None),
    "CMYK": (lambda: flat("CMYK"), "TIFF", ORANGE, None),
    "CMYK JPEG (Adobe, inverted)": (lambda: flat("CMYK"), "JPEG", ORANGE, None),
    "YCbCr": (lambda: flat("YCbCr"), "TIFF", ORANGE, None),
    "LAB": (lambda: flat("LAB"), "TIFF", ORANGE, None),
    "HSV": (lambda: flat("HSV"), None, ORANGE, None),
    "I;16 (16-bit PNG)": (lambda: flat("I;16", 40000), "PNG", grey(40000 / 257), None),
    "I;16 ramp": (lambda: ramp("I;16", 0, 65535), "PNG", grey(127.5), None),
    "I;16 dark": (lambda: flat("I;16", 2570), "PNG", grey(10), None),
    "I;16B": (lambda: flat("I;16B", 40000), "TIFF", grey(40000 / 257), None),
    "I;16L": (lambda: flat("I;16L", 40000), None, grey(40000 / 257), None),
    "I of 8-bit values": (lambda: flat("I", 90), "TIFF", grey(90), None),
    "I of 16-bit values": (lambda: flat("I", 40000), "TIFF", grey(40000 / 257), None),
    "I of its own range": (lambda: ramp("I", -100_000, 100_000), "TIFF", grey(127.5), None),
    "F of 0..1": (lambda: flat("F", 0.6), "TIFF", grey(153), None),
    "F of 0..255": (lambda: flat("F", 90.0), "TIFF", grey(90), None),
    "F of its own range": (lambda: ramp("F", -3.5, 1e6), "TIFF", grey(127.5), None),
}


def mean(image: Image.Image) -> tuple[tuple[float, float, float], float | None]:
    """The mean RGB of the opaque pixels, and the mean alpha (None without alpha)."""
    if image.mode != "RGBA":
        r, g, b = ImageStat.Stat(image.convert("RGB")).mean
        return (r, g, b), None
    alpha = image.getchannel("A")
    opaque = alpha.point(lambda v: 255 if v > 127 else 0)
    r, g, b = ImageStat.Stat(image.convert("RGB"), opaque).mean
    return (r, g, b), ImageStat.Stat(alpha).mean[0]


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_mode_keeps_its_brightness_and_colour(case: str) -> None:
    make, _fmt, colour, alpha = CASES[case]
    made = _rgb(make())
    assert made.mode == ("RGB" if alpha is None else "RGBA")
    shown, shown_alpha = mean(made)
    assert shown == pytest.approx(colour, abs=TOLERANCE), case
    if alpha is not None:
        assert shown_alpha == pytest.approx(alpha, abs=TOLERANCE)


PIL_MAJOR = int(PIL.__version__.split(".")[0])


@pytest.mark.parametrize("case", sorted(c for c in CASES if CASES[c][1] is not None))
def test_each_mode_read_from_a_file_makes_the_same_avatar(tmp_path: Path, case: str) -> None:
    make, fmt, colour, alpha = CASES[case]
    source = tmp_path / f"photo.{str(fmt).lower()}"
    original = make()
    save = {"transparency": original.info["transparency"]} \
        if "transparency" in original.info else {}
    original.save(source, fmt, **save)
    with Image.open(source) as check:  # the file holds the mode the case is about
        if case == "YCbCr" and check.mode == "RGB" and PIL_MAJOR < 13:
            # Pillow before 13 (the newest on Python 3.10) reads a JPEG back as RGB: no
            # YCbCr file to test with; test_each_mode_keeps_its_brightness_and_colour
            # still covers the mode.
            pytest.skip(f"Pillow {PIL.__version__} opens a YCbCr JPEG as RGB")
        assert check.mode == original.mode, (case, check.mode)
        assert fmt != "JPEG" or check.info.get("adobe")  # Adobe's inverted CMYK
    processor = ImageProcessor(tmp_path / "cache", 24, 28, ["avif", "webp"], 90,
                               warn=pytest.fail)
    avatar = processor.avatar(source)
    for variant in avatar.variants:
        with Image.open(io.BytesIO(processor.content(variant.path))) as out:
            assert out.size == (48, 48)
            shown, shown_alpha = mean(out.convert("RGBA") if alpha is not None else out)
        assert shown == pytest.approx(colour, abs=TOLERANCE), (case, variant.format)
        if alpha is not None:
            assert shown_alpha == pytest.approx(alpha, abs=TOLERANCE)


def test_sixteen_bits_are_not_clipped_to_white(tmp_path: Path) -> None:
    """The report: a 16-bit greyscale PNG came out white."""
    source = tmp_path / "grey16.png"
    flat("I;16", 30000).save(source)
    with Image.open(source) as check:
        assert check.mode == "I;16"
    processor = ImageProcessor(tmp_path / "cache", 24, 28, ["webp"], 90)
    (variant,) = processor.avatar(source).variants
    with Image.open(io.BytesIO(processor.content(variant.path))) as out:
        r, g, b = ImageStat.Stat(out.convert("RGB")).mean
    assert 110 < r < 125 and abs(r - g) < 3 and abs(r - b) < 3


def test_a_mode_that_cannot_be_converted() -> None:
    with pytest.raises(ImageProblem, match="uses the colour mode La, which cannot be converted"):
        _rgb(Image.new("La", (4, 4)))
