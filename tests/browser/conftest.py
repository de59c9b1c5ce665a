"""Serve the built demo on localhost and drive Debian's Chromium with Playwright."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, build_config, copy_demo

CHROMIUM = os.environ.get("WORKSHOP_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
# The flags this machine's closed network needs (no background connections).
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def axe_script() -> Path | None:
    for candidate in (os.environ.get("AXE_CORE_JS"),
                      ROOT / ".ci" / "node_modules" / "axe-core" / "axe.min.js",
                      ROOT / "node_modules" / "axe-core" / "axe.min.js"):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def _missing(what: str) -> None:
    """Skip on a developer's machine; fail in CI, which must have everything."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} (.ci/run installs it)")
    pytest.skip(what)


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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class LocalServer:
    """A folder served at a localhost address, known before the site in it is built (its
    site_url: Material's instant navigation follows only links under it)."""

    def __init__(self, folder: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    @contextlib.contextmanager
    def running(self) -> Iterator[str]:
        thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self.url
        finally:
            self.server.shutdown()
            self.server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright's Python package is not installed")
    if not Path(CHROMIUM).exists():
        _missing(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


Page = Any  # playwright.sync_api.Page


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


def boxes(page: Page, selector: str) -> list[dict[str, float]]:
    return [page.locator(selector).nth(i).bounding_box()
            for i in range(page.locator(selector).count())]


def serious_findings(page: Page) -> list[dict[str, Any]]:
    """axe-core's serious and critical findings on the page. Material's search dialog has no
    accessible name: theme markup, outside this project (every Material site has it); the rest
    of the page, theme included, is checked."""
    script = axe_script()
    if script is None:
        _missing("axe-core is not installed (npm install axe-core)")
    page.add_script_tag(path=str(script))
    result: list[dict[str, Any]] = page.evaluate("""async () => {
        const r = await axe.run({exclude: [['.md-search']]}, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return [v for v in result if v["impact"] in ("serious", "critical")]
