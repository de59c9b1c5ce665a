"""Serve the built demo on localhost and drive Debian's Chromium with Playwright: the fixtures
(the helpers are in browserkit.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .browserkit import ARTIFACTS, LocalServer, Page
from sitekit import build_config, copy_demo

HERE = Path(__file__).parent


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test (-m "not browser" leaves them all out)."""
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo, built for and served at a localhost address (Material's instant navigation
    only follows links under the site's own site_url)."""
    root = copy_demo(tmp_path_factory.mktemp("browser-demo"))
    (root / "site").mkdir()
    server = LocalServer(root / "site")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^site_url:.*$", f"site_url: {server.url}", text),
                      encoding="utf-8")
    built = build_config(config, strict=True)
    assert built.ok, built.messages()
    with server.running():
        yield server.url


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def open_page(browser: Any, base_url: str, artifacts: Path) -> Iterator[Any]:
    """A new page; console errors, page errors and requests off this machine are recorded."""
    contexts: list[Any] = []

    def make(path: str, *, width: int = 1280, height: int = 900, clock: str | None = None,
             zone: str = "Europe/Vienna", javascript: bool = True,
             color_scheme: str = "light", locale: str | None = None) -> Page:
        context = browser.new_context(viewport={"width": width, "height": height},
                                      timezone_id=zone, java_script_enabled=javascript,
                                      color_scheme=color_scheme, locale=locale)
        contexts.append(context)
        page = context.new_page()
        page.problems = []
        page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
        page.on("pageerror", lambda e: page.problems.append(str(e)))

        def outside(route: Any) -> None:
            page.problems.append(f"request off this machine: {route.request.url}")
            route.abort()

        page.route(re.compile(r"^(?!http://127\.0\.0\.1)[a-z]+://"), outside)
        if clock:
            page.clock.install(time=clock)
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        return page

    yield make
    for context in contexts:
        context.close()
