"""What the browser tests share: Debian's Chromium and its flags, a local server, axe-core
(the fixtures built on them are in conftest.py)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitekit import ROOT

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


def missing(what: str) -> None:
    """Skip on a developer's machine; fail in CI, which must have everything."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} (.ci/run installs it)")
    pytest.skip(what)


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


Page = Any  # playwright.sync_api.Page


def boxes(page: Page, selector: str) -> list[dict[str, float]]:
    return [page.locator(selector).nth(i).bounding_box()
            for i in range(page.locator(selector).count())]


def serious_findings(page: Page) -> list[dict[str, Any]]:
    """axe-core's serious and critical findings on the page. Material's search dialog has no
    accessible name: theme markup, outside this project (every Material site has it); the rest
    of the page, theme included, is checked."""
    script = axe_script()
    if script is None:
        missing("axe-core is not installed (npm install axe-core)")
    page.add_script_tag(path=str(script))
    result: list[dict[str, Any]] = page.evaluate("""async () => {
        const r = await axe.run({exclude: [['.md-search']]}, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return [v for v in result if v["impact"] in ("serious", "critical")]
