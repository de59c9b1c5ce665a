"""Moved: the ``mkdocs-workshop`` command is :mod:`mkdocs_workshop.commands`. Importing
``main`` from here still works, with a warning."""

from __future__ import annotations

import warnings

from .commands import main

warnings.warn("mkdocs_workshop.cli moved to mkdocs_workshop.commands; import main from there.",
              DeprecationWarning, stacklevel=2)

__all__ = ["main"]
