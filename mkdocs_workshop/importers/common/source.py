"""What a kind of site the importers read is (:class:`Source`): its command
``import-<name>``, its help, and the function that reads SOURCE and writes a new site to DEST
(through :mod:`.sitefiles`), returning the report. Each kind is listed in
:data:`mkdocs_workshop.importers.sources.SOURCES`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


class ImportReport(Protocol):
    def render(self) -> str:
        """The report the command prints: every page, image and value accounted for."""
        ...


@dataclass(frozen=True)
class Source:
    name: str  # the command is import-<name>
    help: str  # one line, in the list of commands
    description: str  # the command's --help
    source_help: str  # what SOURCE is: "the Jekyll site's folder"
    # (source, dest, force, dry_run) -> the report; raises Refused (nothing written then)
    run: Callable[[Path, Path, bool, bool], ImportReport]
