"""``mkdocs-workshop schemas DIR``: the JSON Schema files for editors (see site/schemas.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..site.schemas import write
from .base import Subcommand


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", type=Path, nargs="?", default=Path("schemas"), metavar="DIR",
                        help="where to write them (default: schemas)")


def _run(args: argparse.Namespace) -> str:
    return "".join(f"{path}\n" for path in write(args.dir))


COMMAND = Subcommand(
    "schemas", "write the JSON Schema files for editors into a folder",
    "Write page.schema.json and people.schema.json into DIR, for a "
    "'# yaml-language-server: $schema=...' line in your YAML files to point at.",
    _arguments, _run)
