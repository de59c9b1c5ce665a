"""``mkdocs-workshop assets DIR``: the plugin's stylesheet and script, for engines that do not
run the plugin (Zensical)."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from ..site.render import SCRIPT, STYLESHEET, TEMPLATES_DIR
from .base import Subcommand


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", type=Path, metavar="DIR", help="the docs folder")


def _run(args: argparse.Namespace) -> str:
    written = []
    for name in (STYLESHEET, SCRIPT):
        target = args.dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(TEMPLATES_DIR) / name, target)
        written.append(f"{target}\n")
    return "".join(written)


COMMAND = Subcommand(
    "assets", "copy the stylesheet and script into a docs folder",
    "Copy assets/stylesheets/workshop.css and assets/javascripts/workshop.js into DIR, for "
    "engines that do not run the plugin (Zensical): list them under extra_css and "
    "extra_javascript.", _arguments, _run)
