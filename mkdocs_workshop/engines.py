"""What the macros need from a site when MkDocs is not the engine (Zensical).

Under MkDocs the macros use MkDocs' own file list and pages. Zensical runs the macros module
with a plain configuration dictionary and its own page objects (``path``, ``url``, ``meta``),
and has no file list a module can see; :class:`DocsFolder` stands in for one.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PAGE_SUFFIXES = (".md", ".markdown")


class _Included:
    @staticmethod
    def is_excluded() -> bool:
        return False


_INCLUDED = _Included()


@dataclass
class DocsFile:
    """A file of the docs folder, with the parts of MkDocs' File the macros use."""

    src_uri: str
    abs_src_path: str

    @property
    def inclusion(self) -> _Included:
        return _INCLUDED

    @property
    def name(self) -> str:
        return posixpath.splitext(posixpath.basename(self.src_uri))[0]

    def is_documentation_page(self) -> bool:
        return self.src_uri.lower().endswith(PAGE_SUFFIXES)

    @property
    def content_string(self) -> str:
        return Path(self.abs_src_path).read_text(encoding="utf-8-sig")

    def url_relative_to(self, other: DocsFile) -> str:
        """The link from ``other``'s page to this file, relative to ``other``'s source file:
        Zensical resolves links in a page's HTML as it does Markdown links (``icml24.md``
        becomes the page's address), where MkDocs leaves HTML links as they are."""
        return posixpath.relpath(self.src_uri, posixpath.dirname(other.src_uri) or ".")


class DocsFolder:
    """Every file under the docs folder, as a file list the macros can query."""

    def __init__(self, docs_dir: str) -> None:
        self.docs_dir = docs_dir
        self._files: dict[str, DocsFile] = {}
        for root, dirs, names in os.walk(docs_dir):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                full = os.path.join(root, name)
                src = os.path.relpath(full, docs_dir).replace(os.sep, "/")
                self._files[src] = DocsFile(src, full)

    def get_file_from_path(self, path: str) -> DocsFile | None:
        return self._files.get(path)

    def __iter__(self) -> Iterator[DocsFile]:
        return iter(self._files.values())


@dataclass(frozen=True)
class PlainSite:
    """A site configured by a plain dictionary (Zensical's view of mkdocs.yml)."""

    project_dir: str
    docs_dir: str
    theme_dirs: tuple[str, ...]


def plain_site(conf: Mapping[str, Any], project_dir: str) -> PlainSite:
    docs_dir = os.path.join(project_dir, str(conf.get("docs_dir") or "docs"))
    theme = conf.get("theme")
    dirs: list[str] = []
    if isinstance(theme, Mapping) and theme.get("custom_dir"):
        dirs.append(os.path.join(project_dir, str(theme["custom_dir"])))
    return PlainSite(project_dir, docs_dir, tuple(dirs))
