"""sponsors(): logos by tier, names where there is no logo."""

from __future__ import annotations

import re
from collections.abc import Callable

from sitekit import Built, page

SiteFn = Callable[..., Built]
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"></svg>'


def test_sponsors_by_tier_in_the_order_written(site: SiteFn) -> None:
    built = site({"2024/icml.md": page({"sponsors": [
        {"name": "Example Foundation", "tier": "Gold", "logo": "logos/example.svg",
         "url": "https://example.org", "blurb": "Supports *open* science."},
        {"name": "Sample Labs (example)", "tier": "Silver", "url": "https://example.com"},
        {"name": "Placeholder Inc. (example)", "tier": "Gold",
         "logo": "https://example.net/logo.png"},
    ]}, "<< sponsors() >>")}, files={"docs/2024/logos/example.svg": SVG}, strict=True)
    assert built.ok, built.messages()
    html = built.html("2024/icml.md")
    assert re.findall(r'data-tier="([^"]+)"', html) == ["Gold", "Silver"]
    gold = html.split('data-tier="Gold"')[1].split('data-tier="Silver"')[0]
    assert ('<a class="workshop-sponsor__link" href="https://example.org"><img '
            'class="workshop-sponsor__logo workshop-sponsor__logo--only" '
            'src="../logos/example.svg" alt="Example Foundation"' in gold)
    assert "<em>open</em>" in gold
    assert 'src="https://example.net/logo.png" alt="Placeholder Inc. (example)"' in gold
    assert ('<a class="workshop-sponsor__link" href="https://example.com"><span '
            'class="workshop-sponsor__name">Sample Labs (example)</span></a>') in html


PNG_WIDE = (400, 100)
PNG_SQUARE = (200, 200)


def _png(size: tuple[int, int]) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(out, "PNG")
    return out.getvalue()


def test_tiers_are_ranked_by_logo_area_and_logos_of_a_tier_weigh_the_same(
        site: SiteFn) -> None:
    built = site({"index.md": page({"sponsors": [
        {"name": "Wide Gold (example)", "tier": "Gold", "logo": "wide.png"},
        {"name": "Square Gold (example)", "tier": "Gold", "logo": "square.png"},
        {"name": "Square Silver (example)", "tier": "Silver", "logo": "square.png"},
        {"name": "Named Bronze (example)", "tier": "Bronze"},
    ]}, "<< sponsors() >>")}, files={"docs/wide.png": _png(PNG_WIDE),
                                     "docs/square.png": _png(PNG_SQUARE)}, strict=True)
    assert built.ok, built.messages()
    html = built.html()
    assert re.findall(r'workshop-sponsors__tier--rank-(\d)" data-tier="([^"]+)"', html) == [
        ("0", "Gold"), ("1", "Silver"), ("2", "Bronze")]
    sizes = re.findall(r'alt="([^"]+)"[^>]*style="--workshop-logo-side: ([\d.]+)rem; '
                       r'width: ([\d.]+)rem"', html)
    found = {name: (float(side), float(width)) for name, side, width in sizes}
    side, wide = found["Wide Gold (example)"]
    _, square = found["Square Gold (example)"]
    silver_side, silver = found["Square Silver (example)"]
    # Same area in one tier: width x height (= width / ratio) equal for wide and square.
    assert abs(wide * wide / 4 - square * square) < 0.05 and square == side
    assert silver_side < side and silver < square  # the second tier is smaller
    assert '<span class="workshop-sponsor__name">Named Bronze (example)</span>' in html


def test_logo_dark_is_shown_in_dark_mode_and_others_get_a_light_tile(site: SiteFn) -> None:
    built = site({"index.md": page({"sponsors": [
        {"name": "Both (example)", "logo": "l.svg", "logo_dark": "d.svg"},
        {"name": "Light only (example)", "logo": "l.svg"},
        {"name": "Dark only (example)", "logo_dark": "d.svg"},
    ]}, "<< sponsors() >>")}, files={"docs/l.svg": SVG, "docs/d.svg": SVG})
    assert built.ok, built.messages()
    html = built.html()
    both, light, dark = html.split('<li class="workshop-sponsor')[1:4]
    assert 'workshop-sponsor__logo--light" src="l.svg"' in both
    assert 'workshop-sponsor__logo--dark" src="d.svg"' in both
    assert "--tile" not in both.split(">")[0]
    assert light.startswith(" workshop-sponsor--tile")  # a light tile in dark mode
    assert 'workshop-sponsor__logo--only" src="l.svg"' in light  # never hidden
    assert "workshop-sponsor__name" in dark and "d.svg" not in dark
    assert built.workshop() == [
        "workshop: index.md: 'sponsors', entry 3 (Dark only (example)), field 'logo_dark': has a "
        "'logo_dark' but no 'logo': light mode shows its name. Fix: add the 'logo' for light "
        "mode too."]
    css = (built.root / "site/assets/stylesheets/workshop.css").read_text(encoding="utf-8")
    assert '[data-md-color-scheme="slate"] .md-typeset .workshop-sponsor__logo--light' in css


def test_a_missing_logo_falls_back_to_the_name_with_a_warning(site: SiteFn) -> None:
    built = site({"index.md": page({"sponsors": [{"name": "Example Foundation",
                                                  "logo": "logos/none.png"}]},
                                   "<< sponsors() >>")})
    assert built.ok
    assert built.workshop() == [
        "workshop: index.md: 'sponsors', entry 1 (Example Foundation), field 'logo': "
        "'logos/none.png' was not found (looked for 'logos/none.png' in the docs folder); the "
        "page shows the sponsor's name instead. Fix: add the file to the docs folder, correct "
        "the path, or remove 'logo'."]
    assert '<span class="workshop-sponsor__name">Example Foundation</span>' in built.html()
    # One tier without a name: no tier heading.
    assert "workshop-sponsors__tier-name" not in built.html()


def test_bad_sponsors(site: SiteFn) -> None:
    built = site({"index.md": page({"sponsors": [
        "Example Foundation", {"tier": "Gold"}, {"name": "X", "url": "javascript:alert(1)"},
        {"name": "Y", "logo": "../../etc/passwd"}, {"name": "Z", "teir": "Gold"},
    ]}, "<< sponsors() >>")})
    assert not built.ok
    messages = built.workshop()
    expected = [
        "'sponsors', entry 1: is the text 'Example Foundation', not a sponsor. Fix: write it as "
        "'- name: Example Foundation'.",
        "'sponsors', entry 2, field 'name': is missing.",
        "'sponsors', entry 3 (X), field 'url': 'javascript:alert(1)' uses the 'javascript:'",
        "'sponsors', entry 4 (Y), field 'logo': '../../etc/passwd' points outside the docs",
        "'sponsors', entry 5 (Z), field 'teir': is not a field of a sponsor, so it is not shown. "
        "Fix: did you mean 'tier'?",
    ]
    for text in expected:
        assert any(text in m for m in messages), (text, messages)
