"""Build real MkDocs sites in temporary folders and look at what they produce."""

from __future__ import annotations

import io
import logging
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
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


def build_config(config_file: Path, *, strict: bool = False) -> Built:
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.DEBUG)
    old_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = BUILD_EPOCH
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
        if old_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old_epoch


@pytest.fixture
def site(tmp_path: Path) -> Callable[..., Built]:
    """``site({"index.md": page(...)}, strict=True, plugins=[...])`` builds and returns a Built."""

    def make(pages: dict[str, str], *, strict: bool = False, **kwargs: Any) -> Built:
        return build_config(write_site(tmp_path, pages, **kwargs), strict=strict)

    return make


@dataclass
class Run:
    returncode: int
    output: str


def run_mkdocs(root: Path, *args: str) -> Run:
    """Run the mkdocs command as a user would, in ``root``."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)
    return Run(proc.returncode, proc.stdout + proc.stderr)


@pytest.fixture
def cli_site(tmp_path: Path) -> Iterator[Callable[..., Run]]:
    def make(pages: dict[str, str], *args: str, **kwargs: Any) -> Run:
        write_site(tmp_path, pages, **kwargs)
        return run_mkdocs(tmp_path, "build", *args)

    yield make
