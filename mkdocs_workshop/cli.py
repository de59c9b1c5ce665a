"""The ``mkdocs-workshop`` command."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .jekyll.importer import ImportRefused, import_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="mkdocs-workshop",
        description="Tools for workshop sites built with MkDocs and mkdocs-workshop.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    jekyll = commands.add_parser(
        "import-jekyll", help="turn a Jekyll workshop site into a MkDocs site",
        description="Read the Jekyll site in SOURCE (never written to) and write a MkDocs site "
        "using mkdocs-workshop to DEST, then print a report of everything converted or kept.")
    jekyll.add_argument("source", type=Path, metavar="SOURCE", help="the Jekyll site's folder")
    jekyll.add_argument("dest", type=Path, metavar="DEST", help="an empty folder for the result")
    jekyll.add_argument("--force", action="store_true",
                        help="write into DEST even if it is not empty")
    jekyll.add_argument("--dry-run", action="store_true",
                        help="print the report without writing anything")
    schema = commands.add_parser(
        "schemas", help="write the JSON Schema files for editors into a folder",
        description="Write page.schema.json and people.schema.json into DIR, for a "
        "'# yaml-language-server: $schema=...' line in your YAML files to point at.")
    schema.add_argument("dir", type=Path, nargs="?", default=Path("schemas"), metavar="DIR",
                        help="where to write them (default: schemas)")
    assets = commands.add_parser(
        "assets", help="copy the stylesheet and script into a docs folder",
        description="Copy assets/stylesheets/workshop.css and assets/javascripts/workshop.js "
        "into DIR, for engines that do not run the plugin (Zensical): list them under "
        "extra_css and extra_javascript.")
    assets.add_argument("dir", type=Path, metavar="DIR", help="the docs folder")
    program = commands.add_parser(
        "import-schedule", help="write a pretalx, frab or Sessionize program into a page",
        description="Read the program in FILE (pretalx's or frab's schedule.json or "
        "schedule.xml, or Sessionize's view/All JSON) and write it as the 'schedule:' of the "
        "edition page PAGE, changing nothing else in the page. Running it again replaces the "
        "schedule it wrote.")
    program.add_argument("file", type=Path, metavar="FILE", help="the exported program")
    program.add_argument("page", type=Path, metavar="PAGE", help="the edition's Markdown page")
    program.add_argument("--people", type=Path, metavar="PEOPLE_YML",
                         help="the people directory (default: the nearest people.yml above "
                         "the page)")
    program.add_argument("--replace", action="store_true",
                         help="replace a 'schedule:' the command did not write")
    program.add_argument("--dry-run", action="store_true",
                         help="print what would be written, and write nothing")
    args = parser.parse_args(argv)
    if args.command == "import-schedule":
        from .programs.importer import command

        return command(args.file, args.page, people=args.people, replace=args.replace,
                       dry_run=args.dry_run)
    if args.command == "assets":
        import shutil

        from .render import SCRIPT, STYLESHEET, TEMPLATES_DIR

        for name in (STYLESHEET, SCRIPT):
            target = args.dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(TEMPLATES_DIR) / name, target)
            print(target)
        return 0
    if args.command == "schemas":
        from .schema import write

        for path in write(args.dir):
            print(path)
        return 0
    if args.command != "import-jekyll":
        parser.print_help()
        return 2
    try:
        report = import_site(args.source, args.dest, force=args.force, dry_run=args.dry_run)
    except ImportRefused as exc:
        print(f"mkdocs-workshop: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"mkdocs-workshop: {exc.strerror or exc}: {exc.filename or ''}", file=sys.stderr)
        return 1
    print(report.render(), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
