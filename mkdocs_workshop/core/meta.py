"""How MkDocs splits a page into its meta and its text: YAML front matter between ``---``
lines, or MultiMarkdown's ``Key: value`` lines. The plugin must know exactly what MkDocs will
make of a page (a block it would drop, show as text or crash on), so it uses MkDocs' own
reading, from this one module: the only place below the hosts that imports MkDocs."""

from __future__ import annotations

from mkdocs.utils.meta import META_RE, YAML_RE, get_data

__all__ = ["META_RE", "YAML_RE", "get_data"]
