"""The fixtures the tests share; the helpers they are built on are in sitekit.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from sitekit import Built, Run, build_config, run_mkdocs, write_site


@pytest.fixture
def site(tmp_path: Path) -> Callable[..., Built]:
    """``site({"index.md": page(...)}, strict=True, plugins=[...])`` builds and returns a Built."""

    def make(pages: dict[str, str], *, strict: bool = False, **kwargs: Any) -> Built:
        return build_config(write_site(tmp_path, pages, **kwargs), strict=strict)

    return make


@pytest.fixture
def cli_site(tmp_path: Path) -> Iterator[Callable[..., Run]]:
    def make(pages: dict[str, str], *args: str, **kwargs: Any) -> Run:
        write_site(tmp_path, pages, **kwargs)
        return run_mkdocs(tmp_path, "build", *args)

    yield make


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, driven by Playwright, one for the whole run: the browser tests and
    the tests that check what a browser reads of a value (Playwright's synchronous API runs
    one browser per process)."""
    from browser.browserkit import ARGS, CHROMIUM, missing

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright's Python package is not installed")
    if not Path(CHROMIUM).exists():
        missing(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()

