"""The edition header and the home cards in a real browser: on a phone's first screen, in
both colour schemes, with the countdown by the visitor's clock, and accessible (axe-core)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .browserkit import serious_findings

SCHEMES = ["light", "dark"]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", [375, 1280])
def test_the_first_screen_says_what_when_where_and_what_to_do(
        open_page: Any, artifacts: Path, width: int, scheme: str) -> None:
    height = 667 if width == 375 else 800
    page = open_page("iclr27/", width=width, height=height, color_scheme=scheme,
                     clock="2027-01-20T12:00:00Z")
    page.screenshot(path=str(artifacts / f"header-iclr27-{width}-{scheme}.png"))
    for selector in ("h1", ".workshop-header__venue", ".workshop-header__when",
                     ".workshop-header__where", ".workshop-header__deadline",
                     ".workshop-header__buttons .md-button--primary"):
        box = page.locator(selector).first.bounding_box()
        assert box is not None, selector
        assert box["y"] + box["height"] <= height, f"{selector} is below the first screen"
    assert page.locator(".workshop-header__when").inner_text() == "Friday, April 30, 2027"
    # 16 days and some hours before the end of February 5 AoE.
    assert page.locator(".workshop-header__countdown").inner_text() == "in 16 days"
    assert page.locator(".workshop-sections a[aria-current=page]").inner_text() == "About"
    assert page.problems == []


def test_far_deadlines_are_dates_and_passed_ones_go(open_page: Any) -> None:
    far = open_page("iclr27/", clock="2026-11-21T12:00:00Z")
    assert far.locator(".workshop-header__countdown").is_hidden()
    assert "February 5, 2027" in far.locator(".workshop-header__deadline").inner_text()
    gone = open_page("iclr27/", clock="2027-05-02T12:00:00Z")
    assert gone.locator(".workshop-header__deadline").is_hidden()


def test_the_bar_leads_to_the_editions_pages(open_page: Any) -> None:
    page = open_page("iclr27/")
    page.locator(".workshop-sections a", has_text="Call for papers").click()
    page.wait_for_url("**/iclr27/call/")
    current = page.locator(".workshop-sections a[aria-current=page]")
    current.filter(has_text="Call for papers").wait_for()  # after instant navigation's swap
    assert current.inner_text() == "Call for papers"


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", [375, 1280])
def test_a_sub_page_names_its_edition_on_the_first_screen(
        open_page: Any, artifacts: Path, width: int, scheme: str) -> None:
    height = 667 if width == 375 else 800
    page = open_page("iclr27/call/", width=width, height=height, color_scheme=scheme)
    page.screenshot(path=str(artifacts / f"header-iclr27-call-{width}-{scheme}.png"))
    line = page.locator(".workshop-sections__edition")
    assert line.inner_text() == "ICLR 2027 \u00b7 Friday, April 30, 2027"  # no "To be announced"
    box = line.bounding_box()
    assert box is not None and box["y"] + box["height"] <= height
    line.locator("a").click()  # back to the edition's page
    page.wait_for_url("**/iclr27/")
    page.locator(".workshop-header").wait_for()
    assert serious_findings(page) == []
    assert page.problems == []


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", [375, 1280])
def test_home_cards_put_the_next_edition_first(open_page: Any, artifacts: Path, width: int,
                                               scheme: str) -> None:
    page = open_page("", width=width, color_scheme=scheme, clock="2026-11-21T12:00:00Z")
    page.locator(".workshop-editions").scroll_into_view_if_needed()
    page.locator(".workshop-editions").screenshot(
        path=str(artifacts / f"home-editions-{width}-{scheme}.png"))
    # The demo is built "on" 2024-05-01: ICLR 2024 is the next edition then (its page lists no
    # dates: no deadline line); the others follow, side by side on a wide screen.
    first = page.locator(".workshop-edition").first
    assert "ICLR 2024" in first.inner_text()
    assert "workshop-edition--next" in (first.get_attribute("class") or "")
    cards = [page.locator(".workshop-edition").nth(i).bounding_box()
             for i in range(page.locator(".workshop-edition").count())]
    assert len(cards) == 3 and all(c is not None for c in cards)
    if width == 1280:
        assert cards[0]["width"] > cards[1]["width"]  # type: ignore[index]
        assert cards[1]["y"] == cards[2]["y"]  # type: ignore[index]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", ["iclr27/", "iclr27/call/", ""])
def test_no_serious_accessibility_violations(open_page: Any, path: str, scheme: str) -> None:
    serious = serious_findings(open_page(path, color_scheme=scheme))
    assert serious == [], serious
