"""``mkdocs-workshop import-<kind> SOURCE DEST``: one command for each kind of site the
importers read (:data:`~mkdocs_workshop.importers.sources.SOURCES`), all with the same
arguments."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..importers.common.source import Source
from ..importers.sources import SOURCES
from .base import Subcommand


def _command(source: Source) -> Subcommand:
    def arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("source", type=Path, metavar="SOURCE", help=source.source_help)
        parser.add_argument("dest", type=Path, metavar="DEST",
                            help="an empty folder for the result")
        parser.add_argument("--force", action="store_true",
                            help="write into DEST even if it is not empty")
        parser.add_argument("--dry-run", action="store_true",
                            help="print the report without writing anything")

    def run(args: argparse.Namespace) -> str:
        return source.run(args.source, args.dest, args.force, args.dry_run).render()

    return Subcommand(f"import-{source.name}", source.help, source.description, arguments, run)


COMMANDS: tuple[Subcommand, ...] = tuple(_command(source) for source in SOURCES)
