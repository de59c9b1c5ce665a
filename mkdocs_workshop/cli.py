"""The ``mkdocs-workshop`` command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from . import __version__
from .jekyll.importer import ImportRefused, import_site
from .problems import printable


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
    init = commands.add_parser(
        "init", help="start a new workshop site in an empty folder",
        description="Write a new workshop site into DIR (empty or new): mkdocs.yml, a home "
        "page, one edition page whose sections wait in comments for their data, an empty "
        "people.yml, requirements.txt, .gitignore and the deploy workflow. It builds with "
        "--strict at once.")
    init.add_argument("dir", type=Path, metavar="DIR", help="an empty or new folder")
    init.add_argument("--title", help="the workshop's title (also the site's name)")
    init.add_argument("--venue", help="where it is held, as the header shows it: ICML 2025")
    init.add_argument("--date", help="the workshop's day, YYYY-MM-DD")
    init.add_argument("--location", help="the city: Vancouver, Canada")
    init.add_argument("--timezone", help="the program's time zone: America/Vancouver, UTC")
    edition = commands.add_parser(
        "new-edition", help="next edition's page from this one, dates moved",
        description="Write TO from FROM (never changed), in the site's folder: the workshop "
        "block for --date, every date moved by the distance between the two workshop days and "
        "marked tentative, organizer rosters carried, speakers, panel, program, papers and "
        "sponsors left empty, the text kept; mkdocs.yml's nav gains TO among the editions by "
        "date (after FROM when they are in no order). Prints what "
        "it did and the lines of TO that still name the old edition.")
    edition.add_argument("source", type=Path, metavar="FROM", help="this edition's page")
    edition.add_argument("target", type=Path, metavar="TO", help="the new page")
    edition.add_argument("--date", required=True, help="the new workshop's day, YYYY-MM-DD")
    edition.add_argument("--venue", help="the new venue (default: the old one, new year)")
    edition.add_argument("--location", help="the new city (default: the old one)")
    edition.add_argument("--title", help="the new title (default: the old one, new year)")
    edition.add_argument("--keep", action="append", default=[], metavar="NAME",
                         help="carry a speaker roster, schedule, sponsors or papers as they "
                         "are (repeat, or separate with commas)")
    edition.add_argument("--clear", action="append", default=[], metavar="ROSTER",
                         help="leave a carried roster (organizers, committee) empty")
    edition.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"),
                         help="the site's mkdocs.yml (default: mkdocs.yml here)")
    edition.add_argument("--force", action="store_true", help="write over TO if it exists")
    edition.add_argument("--dry-run", action="store_true",
                         help="print the report without writing anything")
    args = parser.parse_args(argv)
    if args.command == "import-schedule":
        from .programs.importer import command

        return command(args.file, args.page, people=args.people, replace=args.replace,
                       dry_run=args.dry_run)
    if args.command == "new-edition":
        from .nextedition import Options, new_edition
        from .scaffold import option_text, parse_day

        def names(values: list[str]) -> frozenset[str]:
            return frozenset(n.strip() for v in values for n in v.split(",") if n.strip())

        def next_edition() -> str:
            options = Options(parse_day(args.date), option_text(args.venue, "--venue"),
                              option_text(args.location, "--location"),
                              option_text(args.title, "--title"), names(args.keep),
                              names(args.clear), args.force, args.dry_run)
            return new_edition(args.source, args.target, options,
                               config=args.config_file).render()

        return _run(next_edition)
    if args.command == "init":
        from .scaffold import NewSite, init_site

        def make_site() -> str:
            site = NewSite.from_options(title=args.title, venue=args.venue, day=args.date,
                                        location=args.location, timezone=args.timezone)
            written = init_site(args.dir, site)
            return "".join(f"{args.dir / rel}\n" for rel in written) + (
                f"\nA new site in {args.dir}. Preview it with: cd {args.dir} && mkdocs serve\n")

        return _run(make_site)
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
    return _run(lambda: import_site(args.source, args.dest, force=args.force,
                                    dry_run=args.dry_run).render())


def _run(work: Callable[[], str]) -> int:
    """Run a command and print what it returns; its refusal, or what the system would not
    let it read or write, as one line on stderr. The exit code: 0, 2 refused, 1 system."""
    from .scaffold import CommandRefused

    try:
        printed = work()
    except (ImportRefused, CommandRefused) as exc:
        print(_terminal(f"mkdocs-workshop: {exc}"), file=sys.stderr)
        return 2
    except OSError as exc:
        print(_terminal(f"mkdocs-workshop: {exc.strerror or exc}: {exc.filename or ''}"),
              file=sys.stderr)
        return 1
    print(_terminal(printed), end="")
    return 0


def _terminal(text: str) -> str:
    """What a command prints, line by line with every control character escaped: a name or a
    value from a file cannot rewrite the terminal or forge a line of the report."""
    return "\n".join(printable(line) for line in text.split("\n"))


if __name__ == "__main__":
    sys.exit(main())
