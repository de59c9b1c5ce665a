"""Build real MkDocs sites in temporary folders and look at what they produce: the helpers
the tests share (imported as ``sitekit``; the fixtures built on them are in conftest.py)."""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

ROOT = Path(__file__).resolve().parent.parent
# 2024-05-01 12:00 UTC: between the seed's paper deadline and its workshop.
BUILD_EPOCH = "1714564800"

MACROS = {
    "macros": {"j2_variable_start_string": "<<", "j2_variable_end_string": ">>"},
}


@dataclass
class Built:
    root: Path
    ok: bool
    failure: str | None = None
    records: list[logging.LogRecord] = field(default_factory=list)
    config: Any = None  # the MkDocs config of the build, with its plugin instances

    def page_data(self, src: str = "index.md") -> Any:
        """What the plugin read of a page, even when an error stopped the build."""
        return self.config.plugins["workshop"].build.reads[src]

    def html(self, page: str = "index.md") -> str:
        name = page.removesuffix(".md")
        path = self.root / "site" / ("index.html" if name == "index" else f"{name}/index.html")
        return path.read_text(encoding="utf-8")

    def messages(self, level: int = logging.WARNING) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= level]

    @property
    def warnings(self) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno == logging.WARNING]

    @property
    def errors(self) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= logging.ERROR]

    def workshop(self, level: int = logging.WARNING) -> list[str]:
        """Messages of this plugin only."""
        return [r.getMessage() for r in self.records
                if r.levelno >= level and r.name.startswith("mkdocs.plugins.workshop")]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def photo(size: tuple[int, int] = (640, 480), color: tuple[int, int, int] = (180, 90, 60),
          fmt: str = "PNG") -> bytes:
    """A real image made for the tests: a gradient with a disc, in PNG or JPEG."""
    from PIL import Image, ImageDraw

    image = Image.linear_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.ellipse((w // 4, h // 4, 3 * w // 4, 3 * h // 4), fill=color)
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


def copy_demo(root: Path, parts: tuple[str, ...] = ("mkdocs.yml", "docs", "overrides")) -> Path:
    """The demo site (this repository's mkdocs.yml, docs and overrides) copied into ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    for name in parts:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    return root


def page(front_matter: dict[str, Any] | str, body: str = "") -> str:
    """A Markdown page with the given front matter (a dict, or YAML text as written)."""
    if isinstance(front_matter, dict):
        front = yaml.safe_dump(front_matter, allow_unicode=True, sort_keys=False)
    else:
        front = textwrap.dedent(front_matter).strip("\n") + "\n"
    return f"---\n{front}---\n\n{textwrap.dedent(body).strip()}\n"


def write_site(root: Path, pages: dict[str, str], *, plugins: list[Any] | None = None,
               theme: dict[str, Any] | None = None, files: dict[str, str | bytes] | None = None,
               extra_config: dict[str, Any] | None = None) -> Path:
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    config: dict[str, Any] = {
        "site_name": "Test workshop",
        "theme": theme or {"name": "material"},
        "plugins": plugins if plugins is not None else [MACROS, "workshop"],
        **(extra_config or {}),
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    for name, text in pages.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, content in (files or {}).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root / "mkdocs.yml"


def build_config(config_file: Path, *, strict: bool = False, epoch: str = BUILD_EPOCH) -> Built:
    """Build the site of ``config_file`` as ``mkdocs build`` would, "now" being ``epoch``
    (SOURCE_DATE_EPOCH), collecting every message."""
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.DEBUG)
    # mkdocs-macros' debug lines dump its whole environment as JSON: kept out of failures.
    macros = logging.getLogger("mkdocs.plugins.mkdocs_macros")
    macros_previous = macros.level
    macros.setLevel(logging.INFO)
    old_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    config = None
    try:
        config = load_config(config_file=str(config_file), strict=strict)
        build(config)
        return Built(config_file.parent, True, records=handler.records, config=config)
    except (Abort, MkDocsException) as exc:
        # What a user sees: the errors logged during the build, then why it stopped.
        logged = [r.getMessage() for r in handler.records if r.levelno >= logging.ERROR]
        return Built(config_file.parent, False, "\n".join([*logged, str(exc)]),
                     records=handler.records, config=config)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
        macros.setLevel(macros_previous)
        if old_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old_epoch


@dataclass
class Run:
    returncode: int
    output: str


def run_mkdocs(root: Path, *args: str, epoch: str = BUILD_EPOCH) -> Run:
    """Run the mkdocs command as a user would, in ``root``."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)
    return Run(proc.returncode, proc.stdout + proc.stderr)




def rosters(html: str) -> dict[str, list[str]]:
    """The card anchors of each roster block on the page, by roster name."""
    found: dict[str, list[str]] = {}
    blocks = html.split('<div class="workshop-team ')[1:]
    for block in blocks:
        roster = re.match(r'[^"]*" data-roster="([^"]*)"', block)
        assert roster
        found[roster.group(1)] = re.findall(r'<article class="workshop-person" id="([^"]+)">',
                                            block)
    return found


def cards(html: str, roster: str) -> list[str]:
    return rosters(html)[roster]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(check: Callable[[], bool], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def import_files(tmp_path: Path, files: dict[str, str | bytes]) -> tuple[Path, str]:
    """A Jekyll site of ``files`` written to tmp_path/src, imported into tmp_path/out: the
    new site's folder and the report's text."""
    from mkdocs_workshop.importers.jekyll.importer import import_site

    source = tmp_path / "src"
    for rel, content in files.items():
        (source / rel).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            (source / rel).write_bytes(content)
        else:
            (source / rel).write_text(content, encoding="utf-8")
    dest = tmp_path / "out"
    return dest, import_site(source, dest).render()


def imported_page(dest: Path, name: str) -> tuple[dict[str, Any], str]:
    """An imported page's front matter and text."""
    text = (dest / "docs" / name).read_text(encoding="utf-8")
    _, meta, rest = text.split("---\n", 2)
    return yaml.safe_load(meta) or {}, rest
