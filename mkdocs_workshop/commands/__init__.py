"""The ``mkdocs-workshop`` command: a table of subcommands, one module each in this folder
(:class:`~.base.Subcommand`). A subcommand returns its report, or refuses with
:class:`~mkdocs_workshop.core.problems.Refused`; both are printed here, every control
character escaped. The exit code: 0, 2 refused, 1 when the system would not let it read or
write."""

from __future__ import annotations

import argparse
import sys

from .. import __version__
from ..core.problems import Refused, printable
from . import assets, import_schedule, import_site, init, new_edition, schemas
from .base import Subcommand

SUBCOMMANDS: tuple[Subcommand, ...] = (
    *import_site.COMMANDS, schemas.COMMAND, assets.COMMAND, import_schedule.COMMAND,
    init.COMMAND, new_edition.COMMAND)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="mkdocs-workshop",
        description="Tools for workshop sites built with MkDocs and mkdocs-workshop.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in SUBCOMMANDS:
        command.arguments(commands.add_parser(command.name, help=command.help,
                                              description=command.description))
    args = parser.parse_args(argv)
    chosen = next((c for c in SUBCOMMANDS if c.name == args.command), None)
    if chosen is None:
        parser.print_help()
        return 2
    try:
        printed = chosen.run(args)
    except Refused as refused:
        print(_terminal(f"mkdocs-workshop: {refused.line()}"), file=sys.stderr)
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
