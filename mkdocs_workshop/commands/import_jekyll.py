"""``mkdocs-workshop import-jekyll SOURCE DEST``: a Jekyll workshop site as a MkDocs site (see
importers/jekyll)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..importers.jekyll.importer import import_site
from .base import Subcommand


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", type=Path, metavar="SOURCE", help="the Jekyll site's folder")
    parser.add_argument("dest", type=Path, metavar="DEST", help="an empty folder for the result")
    parser.add_argument("--force", action="store_true",
                        help="write into DEST even if it is not empty")
    parser.add_argument("--dry-run", action="store_true",
                        help="print the report without writing anything")


def _run(args: argparse.Namespace) -> str:
    return import_site(args.source, args.dest, force=args.force, dry_run=args.dry_run).render()


COMMAND = Subcommand(
    "import-jekyll", "turn a Jekyll workshop site into a MkDocs site",
    "Read the Jekyll site in SOURCE (never written to) and write a MkDocs site using "
    "mkdocs-workshop to DEST, then print a report of everything converted or kept.",
    _arguments, _run)
