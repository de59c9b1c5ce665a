"""The program and the important dates as a visitor sees them (issue 13, points 4 and 5): on a
phone and a desktop, light and dark, in Los Angeles, at fixed moments of the visitor's clock."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from .browserkit import serious_findings

Page = Any  # playwright.sync_api.Page
LA = "America/Los_Angeles"
SIZES = [(375, 812), (1280, 900)]
SCHEMES = ["light", "dark"]


@pytest.fixture
def visit(open_page: Any) -> Any:
    """open_page in Los Angeles and in English, checking that the scheme asked for is shown."""

    def make(path: str, *, zone: str = LA, color_scheme: str = "light",
             javascript: bool = True, **options: Any) -> Page:
        page = open_page(path, zone=zone, color_scheme=color_scheme, javascript=javascript,
                         locale="en-US", **options)
        if javascript:
            scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            assert scheme == ("slate" if color_scheme == "dark" else "default")
        return page

    return make


def box(page: Page, selector: str, nth: int = 0) -> dict[str, float]:
    found = page.locator(selector).nth(nth).bounding_box()
    assert found is not None, selector
    return dict(found)


def contrast(page: Page, selector: str) -> float:
    """The contrast ratio of an element's text on the background behind it (WCAG 2)."""
    ratio: float = page.locator(selector).first.evaluate("""element => {
        const rgba = text => text.match(/[\\d.]+/g).map(Number);
        const lum = ([r, g, b]) => [r, g, b].map(c => {
            c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; })
            .reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i], 0);
        const over = (top, bottom) => {
            const a = top.length > 3 ? top[3] : 1;
            return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a));
        };
        let background = [255, 255, 255];
        const layers = [];
        for (let e = element; e; e = e.parentElement) {
            const c = rgba(getComputedStyle(e).backgroundColor);
            if (c.length < 4 || c[3] > 0) layers.push(c);
            if (c.length < 4 || c[3] === 1) break;
        }
        for (const layer of layers.reverse()) background = over(layer, background);
        const fg = over(rgba(getComputedStyle(element).color), background);
        const [a, b] = [lum(fg), lum(background)].sort((x, y) => y - x);
        return (a + 0.05) / (b + 0.05);
    }""")
    return ratio


def starts(block: Any) -> list[str]:
    """The rows of the program in the order shown, by the moment each starts."""
    found: list[str] = block.locator("tr.workshop-slot:visible").evaluate_all(
        "rows => rows.map(row => row.dataset.start)")
    return found


# ---------------------------------------------------------------------------------------------
# The program
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_los_angeles_reads_the_program_on_friday_may_10(visit: Any, artifacts: Path, width: int,
                                                        height: int, scheme: str) -> None:
    page = visit("iclr24/", width=width, height=height, color_scheme=scheme)
    block = page.locator(".workshop-schedule")
    button = block.locator(".workshop-schedule__switch")
    day = block.locator(".workshop-schedule__day time").first
    first = block.locator(".workshop-slot__time time").first
    zone = block.locator(".workshop-schedule__zone")
    # As built: Vienna's times, the zone named above them.
    assert day.inner_text() == "Saturday, May 11, 2024"
    assert first.inner_text() == "08:50"
    assert zone.inner_text() == "Times are in Europe/Vienna (UTC+02:00)."
    assert box(page, ".workshop-schedule__zone")["y"] < box(page, ".workshop-slot__time")["y"]
    assert button.inner_text() == "Show your time, Los Angeles"
    # One line on a phone too: no taller than a line of its text and its padding.
    assert box(page, ".workshop-schedule__switch")["height"] < 30
    assert contrast(page, ".workshop-schedule__switch") >= 4.5
    as_built = starts(block)
    button.click()
    assert day.inner_text() == "Friday, May 10, 2024"
    assert first.inner_text() == "23:50"  # 08:50 in Vienna (the demo's clock is 24h)
    assert zone.inner_text() == "Times are in your time, Los Angeles."
    assert button.inner_text() == "Show Vienna time"
    assert button.get_attribute("aria-pressed") == "true"
    # 00:00 in Los Angeles onwards is Saturday there: those slots are under Saturday, May 11.
    days = block.locator(".workshop-schedule__day-block:visible")
    assert days.count() == 2
    assert [days.nth(i).locator(".workshop-schedule__day time").inner_text()
            for i in (0, 1)] == ["Friday, May 10, 2024", "Saturday, May 11, 2024"]
    assert days.nth(1).locator(".workshop-schedule__day time").get_attribute("datetime") == \
        "2024-05-11"
    assert days.nth(0).locator("tr.workshop-slot").count() == 1
    assert days.nth(1).locator("tr.workshop-slot").count() == 8
    assert days.nth(1).locator(".workshop-slot__time time").first.inner_text() == "00:00"
    assert box(page, ".workshop-schedule__switch")["height"] < 30
    page.wait_for_timeout(400)  # Material's colour transition
    assert contrast(page, ".workshop-schedule__switch") >= 4.5  # hovered and focused
    page.mouse.move(0, 0)
    button.blur()
    page.wait_for_timeout(400)
    assert contrast(page, ".workshop-schedule__switch") >= 4.5
    page.locator(".workshop-schedule").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / f"time-schedule-la-{width}-{scheme}.png"))
    assert serious_findings(page) == []
    # Back to Vienna: one day again, its nine rows in their order, in the event's table.
    button.click()
    assert days.count() == 1 and day.inner_text() == "Saturday, May 11, 2024"
    assert block.locator(".workshop-schedule__day-block--local").count() == 0
    assert starts(block) == as_built and len(as_built) == 9
    button.click()  # and to Los Angeles once more: the same split
    assert days.count() == 2 and block.locator("tr.workshop-slot").count() == 9
    assert page.problems == []


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_a_slot_keeps_its_time_beside_its_session_and_parallel_slots_share_a_row(
        visit: Any, width: int, height: int) -> None:
    page = visit("iclr24/", width=width, height=height, zone="Europe/Vienna")
    rows = page.locator(".workshop-schedule tbody tr.workshop-slot")
    assert rows.count() == 9  # ten slots; the two poster sessions share one row
    for i in range(rows.count()):
        row = box(page, ".workshop-schedule tbody tr.workshop-slot", i)
        time = box(page, ".workshop-schedule tbody tr.workshop-slot > td:first-child", i)
        session = box(page, ".workshop-schedule tbody tr.workshop-slot > td:last-child", i)
        for cell in (time, session):  # both cells inside their row's box
            assert row["y"] - 1 <= cell["y"] and cell["y"] + cell["height"] <= \
                row["y"] + row["height"] + 1
        if width == 375:  # the time right above its session, in one card
            assert 0 <= session["y"] - (time["y"] + time["height"]) < 4
        else:
            assert abs(session["y"] - time["y"]) < 2 and session["x"] > time["x"]
    parallel = page.locator("tr.workshop-slot--parallel")
    assert parallel.count() == 1
    assert parallel.locator(".workshop-slot__together").inner_text().lower() == "in parallel"
    tracks = [box(page, "tr.workshop-slot--parallel .workshop-slot__track", i) for i in (0, 1)]
    if width == 1280:  # side by side
        assert abs(tracks[0]["y"] - tracks[1]["y"]) < 1 and tracks[1]["x"] > tracks[0]["x"]
    else:  # stacked, in the same row
        assert tracks[1]["y"] >= tracks[0]["y"] + tracks[0]["height"]
    assert parallel.locator(".workshop-slot__room").all_inner_texts() == [
        "Hall A, Messe Wien", "Virtual poster hall"]
    assert page.problems == []


def test_the_visitors_zone_is_remembered_across_pages_and_instant_navigation(
        visit: Any) -> None:
    page = visit("iclr24/")
    page.locator(".workshop-schedule__switch").click()
    first = page.locator(".workshop-slot__time time").first
    assert re.fullmatch("23:50", first.inner_text())
    page.evaluate("window.__stillTheSamePage = true")
    # Away and back with Material's instant navigation: the choice holds.
    page.locator(".md-nav__link", has_text="Home").first.click()
    page.wait_for_selector(".workshop-editions__list")
    page.locator(".workshop-edition__title", has_text="AI4DifferentialEquations").click()
    page.wait_for_url("**/iclr24/")
    page.wait_for_selector(".workshop-schedule__switch:not([hidden])")
    assert page.evaluate("window.__stillTheSamePage") is True
    assert re.fullmatch("23:50", page.locator(".workshop-slot__time time").first.inner_text())
    assert page.locator(".workshop-schedule__day time").first.inner_text() == (
        "Friday, May 10, 2024")
    # A reload too; and back to the event's zone, which is remembered as well.
    page.reload()
    page.wait_for_selector(".workshop-schedule__switch:not([hidden])")
    assert page.locator(".workshop-schedule__switch").get_attribute("aria-pressed") == "true"
    page.locator(".workshop-schedule__switch").click()
    page.reload()
    page.wait_for_selector(".workshop-schedule__switch:not([hidden])")
    assert page.locator(".workshop-slot__time time").first.inner_text() == "08:50"
    assert page.problems == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_slot_happening_now_and_the_next_are_marked(visit: Any, artifacts: Path,
                                                       scheme: str) -> None:
    # 07:10 UTC on May 11 is 09:10 in Vienna: the first invited talk (09:00-09:45) is on.
    page = visit("iclr24/", clock="2024-05-11T07:10:00Z", width=375, height=812,
                 color_scheme=scheme)
    now = page.locator("tr.workshop-slot--now")
    following = page.locator("tr.workshop-slot--next")
    assert now.count() == 1 and following.count() == 1
    assert "neural operators for weather" in now.inner_text()
    assert now.locator(".workshop-slot__mark").inner_text().lower() == "now"
    assert "Contributed talks" in following.inner_text()
    assert following.locator(".workshop-slot__mark").inner_text().lower() == "next"
    assert contrast(page, "tr.workshop-slot--now .workshop-slot__mark") >= 4.5
    now.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / f"time-schedule-now-375-{scheme}.png"))
    assert serious_findings(page) == []
    # The clock moves on: at 09:50 the contributed talks are on, the coffee break is next.
    page.clock.run_for("40:00")
    page.wait_for_function(
        "document.querySelector('tr.workshop-slot--now')?.textContent.includes('Contributed')")
    assert "Coffee break" in page.locator("tr.workshop-slot--next").inner_text()
    # Another day: nothing is marked.
    other = visit("iclr24/", clock="2024-05-12T07:10:00Z")
    assert other.locator(".workshop-slot--now, .workshop-slot--next").count() == 0
    assert page.problems == [] and other.problems == []


# ---------------------------------------------------------------------------------------------
# The important dates
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_an_extended_deadline_counts_and_each_aoe_deadline_is_in_local_time(
        visit: Any, artifacts: Path, width: int, height: int, scheme: str) -> None:
    # April 10: the abstract deadline, April 8 first, was extended to April 12: still to come.
    page = visit("icml24/", clock="2024-04-10T00:00:00Z", width=width, height=height,
                 color_scheme=scheme)
    first = page.locator("li.workshop-date").first
    assert "workshop-date--next" in (first.get_attribute("class") or "")
    assert "workshop-date--past" not in (first.get_attribute("class") or "")
    was = first.locator(".workshop-date__was")
    assert was.inner_text() == "April 8, 2024"
    assert was.evaluate("e => getComputedStyle(e).textDecorationLine") == "line-through"
    # April 12 23:59:59 AoE is April 13, 11:59:59 UTC: 3 days and almost 12 hours away.
    assert page.locator(".workshop-dates__countdown").inner_text() == (
        "Abstract Submission Deadline: in 3 days, 11 hours.")
    # ... and 04:59 on Saturday April 13 in Los Angeles.
    assert re.fullmatch(r"ends Sat, Apr 13, 4:59\s?AM your time \(Los Angeles\)",
                        first.locator(".workshop-date__local").inner_text())
    # The workshop's own entry is a day in Vienna, not a deadline AoE: no local time for it.
    workshop = page.locator("li.workshop-date").last
    assert workshop.locator(".workshop-date__local").count() == 0
    for selector in (".workshop-date__local", ".workshop-date--next .workshop-date__status",
                     ".workshop-date__was"):
        assert contrast(page, selector) >= 4.5, selector
    page.locator(".workshop-dates").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / f"time-dates-{width}-{scheme}.png"))
    assert serious_findings(page) == []
    assert page.problems == []


def test_a_countdown_far_ahead_names_the_day(visit: Any) -> None:
    page = visit("icml24/", clock="2024-01-01T00:00:00Z")
    assert page.locator(".workshop-dates__countdown").inner_text() == (
        "Next: Abstract Submission Deadline, April 12, 2024.")
    assert page.problems == []


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_once_every_date_has_passed_one_line_says_when_and_where(
        visit: Any, artifacts: Path, width: int, height: int, scheme: str) -> None:
    # The demo was built on 2024-05-01 (dates to come); the visitor's clock says 2025.
    page = visit("icml24/", clock="2025-01-01T00:00:00Z", width=width, height=height,
                 color_scheme=scheme)
    held = page.locator(".workshop-dates__held")
    assert held.is_visible()
    assert held.inner_text() == "Held on July 16, 2024 in Vienna, Austria."
    assert not page.locator(".workshop-dates__countdown").is_visible()
    assert not page.locator("li.workshop-date").first.is_visible()  # behind the toggle
    toggle = page.locator(".workshop-dates__all > summary")
    assert toggle.is_visible()
    page.locator(".workshop-dates").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / f"time-dates-held-{width}-{scheme}.png"))
    toggle.click()
    assert page.locator("li.workshop-date--past").count() == 6
    assert page.locator("li.workshop-date").first.is_visible()
    assert serious_findings(page) == []
    assert page.problems == []


def test_without_javascript_the_dates_and_program_are_complete(visit: Any) -> None:
    page = visit("icml24/", javascript=False)
    assert page.locator("li.workshop-date").first.is_visible()  # dates to come: the list open
    assert not page.locator(".workshop-dates__held").is_visible()
    assert not page.locator(".workshop-dates__all > summary").is_visible()
    assert not page.locator(".workshop-date__local").first.is_visible()
    assert page.locator(".workshop-date__was").inner_text() == "April 8, 2024"
    program = visit("iclr24/", javascript=False)
    assert program.locator(".workshop-schedule__zone").inner_text() == (
        "Times are in Europe/Vienna (UTC+02:00).")
    assert not program.locator(".workshop-schedule__switch").is_visible()
    assert program.locator(".workshop-slot__track").count() == 2
