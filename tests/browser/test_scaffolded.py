"""The site init writes, and the demo's next edition by new-edition, in Chromium at phone and
desktop widths: laid out, no script errors, no serious accessibility findings."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from mkdocs_workshop.commands import main

from .browserkit import LocalServer, serious_findings
from sitekit import build_config, copy_demo


def _build(root: Path, url: str, epoch: str) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if re.search(r"(?m)^site_url:", text):
        text = re.sub(r"(?m)^site_url:.*$", f"site_url: {url}", text)
    else:
        text = f"site_url: {url}\n" + text
    config.write_text(text, encoding="utf-8")
    built = build_config(config, strict=True, epoch=epoch)  # "now" for the build
    assert built.ok, built.failure


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Both sites under one local server: /init/ (made by init) and /next/ (the demo after
    new-edition docs/icml24.md docs/icml27.md --date 2027-07-16)."""
    root = tmp_path_factory.mktemp("scaffolded")
    served = root / "served"
    served.mkdir()
    server = LocalServer(served)
    url = server.url
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["init", str(root / "init"), "--title", "AI for Science",
                     "--venue", "ICML 2025", "--date", "2025-07-18",
                     "--location", "Vancouver, Canada", "--timezone", "America/Vancouver"]) == 0
    demo = copy_demo(root / "next")
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(io.StringIO()):
        patch.chdir(demo)
        assert main(["new-edition", "docs/icml24.md", "docs/icml27.md",
                     "--date", "2027-07-16"]) == 0
    # Built on June 1 of the workshop's year, as the pages are then looked at.
    for name, year in (("init", 2025), ("next", 2027)):
        epoch = str(int(datetime(year, 6, 1, 12, tzinfo=timezone.utc).timestamp()))
        _build(root / name, f"{url}{name}/", epoch)
        shutil.copytree(root / name / "site", served / name)
    with server.running():
        yield url


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize(("path", "clock", "shows"), [
    ("init/", "2025-06-01T12:00:00Z", "ICML 2025"),
    ("init/icml-2025/", "2025-06-01T12:00:00Z", "Workshop Date"),
    ("next/icml27/", "2027-06-01T12:00:00Z", "Abstract Submission Deadline"),
    ("next/", "2027-06-01T12:00:00Z", "ICML 2027"),
])
def test_laid_out_without_errors(open_page: Any, artifacts: Path, path: str, clock: str,
                                 shows: str, width: int) -> None:
    page = open_page(path, width=width, clock=clock)
    assert shows in page.inner_text("article")
    # Nothing wider than the window: no sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    name = path.strip("/").replace("/", "-")
    page.screenshot(path=str(artifacts / f"scaffold-{name}-{width}.png"), full_page=True)
    assert page.problems == []
    assert serious_findings(page) == []


def test_the_tentative_dates_read_as_such(open_page: Any) -> None:
    page = open_page("next/icml27/", width=375, clock="2027-06-01T12:00:00Z")
    items = page.locator(".workshop-date")
    texts = [items.nth(i).inner_text() for i in range(items.count())]
    assert ["(tentative)" in t for t in texts] == [True, True, True, True, True, False]
    # The visitor's clock (June 1, 2027) makes the reviewer deadline the next one.
    assert "next" in texts[3].lower() and "Reviewer Deadline" in texts[3]


def test_the_next_edition_leads_the_home_page(open_page: Any) -> None:
    page = open_page("next/", width=375, clock="2027-06-01T12:00:00Z")
    first = page.locator(".workshop-edition--next")
    assert first.count() == 1
    assert "ICML 2027" in first.inner_text() and "(tentative)" in first.inner_text()
