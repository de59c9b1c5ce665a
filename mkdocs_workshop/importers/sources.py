"""The kinds of site the importers move to MkDocs, each a command ``import-<name>`` (see
:class:`~.common.source.Source`). A new kind is a folder of its own, ``importers/<name>/``,
whose ``SOURCE`` is added here."""

from __future__ import annotations

from . import jekyll
from .common.source import Source

SOURCES: tuple[Source, ...] = (jekyll.SOURCE,)
