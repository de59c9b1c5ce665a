"""sponsors(): logos by tier, names where there is no logo."""

from __future__ import annotations

import re
from collections.abc import Callable

from conftest import Built, page

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
            'class="workshop-sponsor__logo" src="../logos/example.svg" alt="Example Foundation"'
            in gold)
    assert "<em>open</em>" in gold
    assert 'src="https://example.net/logo.png" alt="Placeholder Inc. (example)"' in gold
    assert ('<a class="workshop-sponsor__link" href="https://example.com"><span '
            'class="workshop-sponsor__name">Sample Labs (example)</span></a>') in html


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
