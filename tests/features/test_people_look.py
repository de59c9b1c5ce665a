"""Issue 13, people: initials, the tones of initials avatars (contrast checked numerically for
any theme colour), and the compact and names layouts as the page shows them."""

from __future__ import annotations

import colorsys
import itertools
import re
from collections.abc import Callable

import pytest

from mkdocs_workshop.features.team import (
    AVATAR_TONES,
    AVATAR_TONES_DARK,
    Mix,
    initials,
    mix_css,
    tone,
)

from sitekit import ROOT, Built, page

SiteFn = Callable[..., Built]
CSS = ROOT / "mkdocs_workshop/templates/assets/stylesheets/workshop.css"


@pytest.mark.parametrize(("name", "expected"), [
    ("Juan Felipe Carrasquilla Álvarez", "JA"),  # first and last part, accent folded
    ("Bing W. Brunton", "BB"),
    ("Ludwig van Beethoven", "LB"),  # a particle is not the family name's initial
    ("Maria de la Cruz", "MC"),
    ("Vincent van", "VV"),  # only particles after the first: the last word
    ("Marinka Zitnik (Moderator)", "MZ"),
    ("Lenka", "L"),
    ("杜远琦", "杜"),  # a CJK name without spaces: its first character, the family name
    ("김민수", "김"),
    ("Du Yuanqi", "DY"),
    ("Øystein Ødegård", "ØØ"),  # a letter with no decomposition is kept
    ("!!!", "?"),
])
def test_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


def _mix(mix: Mix, colours: dict[str, tuple[float, float, float]]) -> tuple[float, ...]:
    """CSS color-mix(in srgb, a p%, b): a linear mix of the encoded channels."""
    colour, percent, other = mix
    a, b = colours[colour], colours[other]
    return tuple(percent / 100 * x + (1 - percent / 100) * y for x, y in zip(a, b, strict=True))


def _luminance(rgb: tuple[float, ...]) -> float:
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _ratio(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


THEMES = [(0x3f / 255, 0x51 / 255, 0xb5 / 255), (0x52 / 255, 0x6c / 255, 0xfe / 255),
          (1.0, 0.92, 0.23), (0.8, 0.86, 0.22), (0.0, 0.0, 0.0),
          *itertools.product([0.0, 0.25, 0.5, 0.75, 1.0], repeat=3)]
# The card an avatar sits on: white on Material's light scheme; on slate,
# hsl(var(--md-hue), 15%, 14%), for any hue a site may set (Material's is 225).
WHITE_CARD = [(1.0, 1.0, 1.0)]
SLATE_CARDS = [colorsys.hls_to_rgb(hue / 360, 0.14, 0.15) for hue in range(0, 360, 15)]
SCHEMES = [("light", AVATAR_TONES, WHITE_CARD), ("slate", AVATAR_TONES_DARK, SLATE_CARDS)]


@pytest.mark.parametrize(("scheme", "tones", "cards"), SCHEMES, ids=[s[0] for s in SCHEMES])
def test_every_tone_is_aa_and_stands_out_from_the_card_whatever_the_themes_colours(
        scheme: str, tones: tuple[tuple[Mix, Mix], ...],
        cards: list[tuple[float, float, float]]) -> None:
    # Material's indigo (primary, accent), yellow, lime and black, then a grid of colours.
    worst_text = worst_card = 21.0
    for primary, accent in itertools.product(THEMES[:5], THEMES):
        colours = {"primary": primary, "accent": accent, "black": (0.0, 0.0, 0.0),
                   "white": (1.0, 1.0, 1.0)}
        for background, text in tones:
            disc = _mix(background, colours)
            ratio = _ratio(disc, _mix(text, colours))
            worst_text = min(worst_text, ratio)
            assert ratio >= 4.5, (scheme, primary, accent, background, text, ratio)
            for card in cards:  # WCAG 1.4.11, non-text contrast: the disc against its card
                edge = _ratio(disc, card)
                worst_card = min(worst_card, edge)
                assert edge >= 3, (scheme, primary, accent, background, card, edge)
    # Near its limits somewhere, so the check could fail.
    assert worst_text < 8 and worst_card < 8


def test_the_stylesheet_draws_the_tones_of_the_code() -> None:
    css = CSS.read_text(encoding="utf-8")
    for prefix, tones in (("", AVATAR_TONES),
                          ('[data-md-color-scheme="slate"] ', AVATAR_TONES_DARK)):
        for index, (background, text) in enumerate(tones):
            rule = re.search(rf"(?m)^{re.escape(prefix)}\.md-typeset "
                             rf"\.workshop-avatar--tone-{index} \{{([^}}]*)\}}", css)
            assert rule, (prefix, index)
            assert f"background-color: {mix_css(background)};" in rule.group(1)
            assert f"color: {mix_css(text)};" in rule.group(1)
    assert len(AVATAR_TONES) == len(AVATAR_TONES_DARK)
    assert f".workshop-avatar--tone-{len(AVATAR_TONES)} " not in css


def test_tones_are_stable_and_spread() -> None:
    names = [f"Person {i}" for i in range(60)]
    assert [tone(n) for n in names] == [tone(n) for n in names]
    assert set(tone(n) for n in names) == set(range(len(AVATAR_TONES)))


def test_compact_and_names_layouts(site: SiteFn) -> None:
    people = [{"name": "Ada Example", "aff": "Example University", "interest": "AI",
               "bio": "Long *bio*.", "url": "https://example.org/ada"},
              {"name": "<b>Alan</b> Sample", "aff": "Sample & Co"}]
    built = site({"index.md": page(
        {"speakers": people, "Organizers": people},
        '<< team("speakers", "compact") >>\n\n<< team("Organizers", layout="names") >>')},
        strict=True)
    assert built.ok, built.messages()
    html = built.html()
    compact = html.split('<div class="workshop-team workshop-team--compact" '
                         'data-roster="speakers">')[1].split("</div>\n</article>\n</div>")[0]
    assert '<p class="workshop-person__aff">Example University</p>' in compact
    assert "workshop-person__interest" not in compact and "Long" not in compact
    assert 'class="workshop-avatar workshop-avatar--initials workshop-avatar--tone-' in compact
    names = html.split('<ul class="workshop-team workshop-team--names" '
                       'data-roster="Organizers">')[1].split("</ul>")[0]
    items = re.findall(r'<li class="workshop-name" id="([^"]+)">(.*?)</li>', names)
    assert items == [
        ("ada-example-2", '<a href="https://example.org/ada">Ada Example</a> '
         '<span class="workshop-name__aff">(Example University)</span>'),
        ("b-alan-b-sample-2", "&lt;b&gt;Alan&lt;/b&gt; Sample "
         '<span class="workshop-name__aff">(Sample &amp; Co)</span>'),
    ]
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
