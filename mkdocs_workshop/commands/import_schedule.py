"""``mkdocs-workshop import-schedule FILE PAGE``: another tool's program as the page's
``schedule:`` (see importers/schedule)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.problems import Refused
from ..importers.schedule.importer import import_schedule
from .base import Subcommand


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the exported program")
    parser.add_argument("page", type=Path, metavar="PAGE", help="the edition's Markdown page")
    parser.add_argument("--people", type=Path, metavar="PEOPLE_YML",
                        help="the people directory (default: the nearest people.yml above "
                        "the page)")
    parser.add_argument("--replace", action="store_true",
                        help="replace a 'schedule:' the command did not write")
    parser.add_argument("--dry-run", action="store_true",
                        help="print what would be written, and write nothing")


def _run(args: argparse.Namespace) -> str:
    try:
        report = import_schedule(args.file, args.page, people=args.people,
                                 replace=args.replace, dry_run=args.dry_run)
    except Refused as refused:
        if refused.source is None:
            refused.source = args.file
        raise
    return (report.block if args.dry_run else "") + report.render()


COMMAND = Subcommand(
    "import-schedule", "write a pretalx, frab or Sessionize program into a page",
    "Read the program in FILE (pretalx's or frab's schedule.json or schedule.xml, or "
    "Sessionize's view/All JSON) and write it as the 'schedule:' of the edition page PAGE, "
    "changing nothing else in the page. Running it again replaces the schedule it wrote.",
    _arguments, _run)
