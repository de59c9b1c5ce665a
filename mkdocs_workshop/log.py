"""The plugin's logger: MkDocs' plugin logger, so that ``mkdocs build --strict`` counts its
warnings, and its messages read ``workshop: ...``."""

from __future__ import annotations

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("workshop")
