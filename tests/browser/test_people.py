"""Issue 13 in a browser: people on a phone, dark mode, papers and sponsors, at 375 and 1280 px,
light and dark, with axe-core in both schemes. Screenshots go to test-artifacts/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .browserkit import boxes, serious_findings

SCHEMES = ["light", "dark"]
WIDTHS = [375, 1280]

# WCAG's contrast of two colours as the browser computed them (rgb(), rgba() or
# color(srgb ...)), each over the one below it when it is translucent.
CONTRAST_JS = """
(() => {
  const parse = (text) => {
    let m = text.match(/^rgba?\\(([^)]+)\\)/);
    if (m) {
      const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return [p[0] / 255, p[1] / 255, p[2] / 255, p.length > 3 ? p[3] : 1];
    }
    m = text.match(/^color\\(srgb ([^)]+)\\)/);
    if (m) {
      const p = m[1].split(/[ /]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    }
    throw new Error('colour not understood: ' + text);
  };
  const over = (top, below) => [0, 1, 2].map(i => top[i] * top[3] + below[i] * (1 - top[3]))
    .concat([1]);
  const lum = (c) => {
    const l = c.slice(0, 3).map(v => v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  window.__contrast = {parse, over, ratio};
})();
"""


def _page(open_page: Any, path: str, width: int, scheme: str) -> Any:
    page = open_page(path, width=width, color_scheme=scheme)
    expected = "slate" if scheme == "dark" else "default"
    page.wait_for_function(
        f"document.body.getAttribute('data-md-color-scheme') === '{expected}'")
    page.add_script_tag(content=CONTRAST_JS)
    return page


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["icml24/", "iclr24/"])
def test_edition_pages_pass_axe_in_both_schemes(open_page: Any, artifacts: Path,
                                                path: str, width: int, scheme: str) -> None:
    page = _page(open_page, path, width, scheme)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # lazy logos load
    # Images shown must load (a logo for the other scheme is hidden and, lazy, not loaded).
    page.wait_for_function(
        "() => [...document.images].filter(i => i.offsetParent).every(i => i.complete)")
    page.evaluate("window.scrollTo(0, 0)")
    name = path.strip("/") or "home"
    page.screenshot(path=str(artifacts / f"i13-{name}-{width}-{scheme}.png"), full_page=True)
    assert serious_findings(page) == []
    assert page.problems == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_five_speakers_fit_in_700_px_on_a_phone(open_page: Any, artifacts: Path,
                                                scheme: str) -> None:
    page = _page(open_page, "icml24/", 375, scheme)
    roster = page.locator('[data-roster="speakers"]')
    box = roster.bounding_box()
    cards = boxes(page, '[data-roster="speakers"] .workshop-person')
    assert len(cards) == 5
    print(f"speakers at 375 px ({scheme}): {box['height']:.0f} px")
    assert box["height"] <= 700, box
    # Two columns: the second card beside the first, the third below them.
    assert abs(cards[0]["y"] - cards[1]["y"]) < 1 and cards[1]["x"] > cards[0]["x"]
    assert cards[2]["y"] >= cards[0]["y"] + cards[0]["height"] - 1
    roster.screenshot(path=str(artifacts / f"i13-speakers-375-{scheme}.png"))


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", ["icml24/", "iclr24/"])
def test_initials_are_readable_and_cards_stand_out(open_page: Any, path: str,
                                                   scheme: str) -> None:
    page = _page(open_page, path, 1280, scheme)
    found = page.evaluate("""() => {
        const {parse, over, ratio} = window.__contrast;
        const page = parse(getComputedStyle(document.body).backgroundColor);
        const avatars = [...document.querySelectorAll('.workshop-avatar--initials')].map(a => {
            const s = getComputedStyle(a);
            const holder = a.closest('.workshop-person');
            const card = holder
                ? over(parse(getComputedStyle(holder).backgroundColor), page) : page;
            const bg = over(parse(s.backgroundColor), card);
            return {text: a.textContent, tone: a.className,
                    ratio: ratio(over(parse(s.color), bg), bg), edge: ratio(bg, card)};
        });
        const cards = [...document.querySelectorAll('.workshop-person')].map(c => {
            const s = getComputedStyle(c);
            const bg = over(parse(s.backgroundColor), page);
            return {surface: ratio(bg, page),
                    border: ratio(over(parse(s.borderTopColor), bg), page),
                    width: parseFloat(s.borderTopWidth)};
        });
        return {avatars, cards};
    }""")
    assert found["avatars"], "no initials avatar on the page"
    low = [a for a in found["avatars"] if a["ratio"] < 4.5]
    assert low == [], low
    # The disc itself stands out from its card (WCAG 1.4.11: 3:1), dark navy on slate too.
    faint = [a for a in found["avatars"] if a["edge"] < 3]
    assert faint == [], faint
    for card in found["cards"]:
        assert card["width"] > 0
        if scheme == "dark":  # a border that can be seen on slate
            assert card["border"] > 1.8, card
    tones = {a["tone"] for a in found["avatars"]}
    if path == "icml24/":
        assert len(tones) >= 3, tones  # not all one colour
        juan = [a["text"] for a in found["avatars"]]
        assert "JA" in juan and "JÁ" not in juan


def test_compact_and_names_layouts(open_page: Any, artifacts: Path) -> None:
    page = _page(open_page, "iclr24/", 375, "light")
    compact = boxes(page, '[data-roster="Organizers"] .workshop-person')
    assert compact and all(c["height"] < 100 for c in compact), compact
    page.locator('[data-roster="Organizers"]').screenshot(
        path=str(artifacts / "i13-compact-375.png"))
    page = _page(open_page, "icml24/", 1280, "light")
    names = page.locator('ul[data-roster="ProgramCommittee"] > li')
    assert names.count() == 3
    assert names.nth(1).locator("a").inner_text() == "Alan Sample"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_papers_headings_ids_math_and_abstract_toggle(open_page: Any, artifacts: Path,
                                                      scheme: str) -> None:
    page = _page(open_page, "iclr24/", 1280, scheme)
    toc = page.locator(".md-sidebar--secondary .md-nav").first.inner_text()
    for label in ("Orals", "Spotlights", "Posters"):
        assert label in toc, toc
    ids = page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    # MathML drawn by the browser, and the title links to the forum.
    math = page.locator(".workshop-paper__title math").first
    assert math.bounding_box()["width"] > 20
    assert page.locator(".workshop-paper__title a").first.get_attribute("href").startswith(
        "https://openreview.net/forum?id=")
    # The abstract toggle: a visible control, opened and closed with the keyboard.
    summary = page.locator(".workshop-paper__abstract > summary").first
    style = summary.evaluate("""s => { const c = getComputedStyle(s);
        const b = getComputedStyle(s, '::before');
        return {border: parseFloat(c.borderTopWidth), marker: b.display,
                ratio: window.__contrast.ratio(window.__contrast.parse(c.color),
                    window.__contrast.parse(getComputedStyle(document.body).backgroundColor))}
    }""")
    assert style["border"] > 0 and style["marker"] != "none", style
    assert style["ratio"] >= 4.5, style
    summary.focus()
    page.keyboard.press("Enter")
    details = page.locator(".workshop-paper__abstract").first
    assert details.evaluate("d => d.open")
    details.screenshot(path=str(artifacts / f"i13-abstract-{scheme}.png"))
    page.keyboard.press("Enter")
    assert not details.evaluate("d => d.open")


def test_text_in_a_title_keeps_its_latex_style(open_page: Any, artifacts: Path) -> None:
    """``$\\textit{Ab Initio}$`` in the demo's ICLR title: Chromium (MathML Core) ignores
    mathvariant on text, so the stylesheet gives it: italic, in the title's own font and
    weight, not upright serif beside a bold sans-serif title."""
    page = _page(open_page, "iclr24/", 1280, "light")
    title = page.locator(".workshop-paper__title").first
    text = title.locator('mtext[mathvariant="italic"]')
    assert text.text_content() == "Ab\u00a0Initio"  # latex2mathml keeps the space
    style = text.evaluate("""t => { const c = getComputedStyle(t);
        const a = getComputedStyle(t.closest('a'));
        return {style: c.fontStyle, family: c.fontFamily, linkFamily: a.fontFamily,
                weight: c.fontWeight, linkWeight: a.fontWeight, color: c.color,
                linkColor: a.color}; }""")
    assert style["style"] == "italic", style
    assert style["family"] == style["linkFamily"], style
    assert style["weight"] == style["linkWeight"], style
    assert style["color"] == style["linkColor"], style
    title.screenshot(path=str(artifacts / "i13-title-text-math.png"))


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_sponsors_ranked_balanced_and_centred(open_page: Any, artifacts: Path,
                                              width: int, scheme: str) -> None:
    page = _page(open_page, "icml24/", width, scheme)
    block = page.locator(".workshop-sponsors")
    block.scroll_into_view_if_needed()
    page.wait_for_function("""() => [...document.querySelectorAll('.workshop-sponsor__logo')]
        .filter(i => i.offsetParent).every(i => i.complete && i.naturalWidth > 0)""")
    shown = page.evaluate("""() => [...document.querySelectorAll('.workshop-sponsor')]
        .map(li => {
            const img = [...li.querySelectorAll('img')].find(i => i.offsetParent);
            const name = li.querySelector('.workshop-sponsor__name');
            const box = (img || name).getBoundingClientRect();
            const list = li.parentElement.getBoundingClientRect();
            return {tier: li.closest('section').dataset.tier, src: img ? img.currentSrc : null,
                    w: box.width, h: box.height, left: box.left - list.left,
                    right: list.right - box.right,
                    weight: name ? getComputedStyle(name).fontWeight : null,
                    bg: getComputedStyle(li).backgroundColor};
        })""")
    gold, silver, bronze = shown
    assert (gold["tier"], silver["tier"], bronze["tier"]) == ("Gold", "Silver", "Bronze")
    # Logo area by tier; the Bronze name is smaller than the Silver logo and not bold.
    assert gold["w"] * gold["h"] > silver["w"] * silver["h"] * 1.3, shown
    assert bronze["h"] < silver["h"] and int(bronze["weight"]) <= 400, shown
    # Rows centred.
    for item in shown:
        assert abs(item["left"] - item["right"]) < 2, item
    if scheme == "dark":  # the logo drawn for dark backgrounds; Silver's on a light tile
        assert gold["src"].endswith("example-foundation-dark.svg"), gold
        assert silver["bg"] == "rgb(255, 255, 255)", silver
    else:
        assert gold["src"].endswith("example-foundation.svg"), gold
    block.screenshot(path=str(artifacts / f"i13-sponsors-{width}-{scheme}.png"))
