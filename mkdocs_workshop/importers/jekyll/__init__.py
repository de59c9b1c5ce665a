"""A Jekyll workshop site as a MkDocs site: ``mkdocs-workshop import-jekyll SOURCE DEST`` (see
docs/import-jekyll.md and :mod:`.importer`)."""

from __future__ import annotations

from pathlib import Path

from ..common.source import ImportReport, Source
from .importer import import_site


def _run(source: Path, dest: Path, force: bool, dry_run: bool) -> ImportReport:
    return import_site(source, dest, force=force, dry_run=dry_run)


SOURCE = Source(
    "jekyll", "turn a Jekyll workshop site into a MkDocs site",
    "Read the Jekyll site in SOURCE (never written to) and write a MkDocs site using "
    "mkdocs-workshop to DEST, then print a report of everything converted or kept.",
    "the Jekyll site's folder", _run)
