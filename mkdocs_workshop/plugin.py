"""Moved: the MkDocs plugin is :mod:`mkdocs_workshop.hosts.mkdocs` (sites name it ``workshop``
in ``mkdocs.yml``, which keeps working). Importing it from here still works, with a warning."""

from __future__ import annotations

import warnings

from .hosts.mkdocs import WorkshopPlugin

warnings.warn("mkdocs_workshop.plugin moved to mkdocs_workshop.hosts.mkdocs; import "
              "WorkshopPlugin from there (mkdocs.yml's '- workshop' is unchanged).",
              DeprecationWarning, stacklevel=2)

__all__ = ["WorkshopPlugin"]
