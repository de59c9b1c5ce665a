"""Jekyll's settings that choose which files are pages and what a page's front matter holds
when it does not say: ``exclude:`` (files and folders Jekyll does not read) and ``defaults:``
(front matter values by folder and kind of page, ``layout: edition-page`` for every document
of the ``editions`` collection). The import reads them as Jekyll does, for what decides how a
page is rendered; the new pages' front matter stays the pages' own."""

from __future__ import annotations

import fnmatch
import posixpath
from dataclasses import dataclass, field
from typing import Any

# What Jekyll excludes whatever the settings say (its default ``exclude:`` list).
ALWAYS_EXCLUDED = ("Gemfile", "Gemfile.lock", "node_modules", "vendor/bundle", "vendor/cache",
                   "vendor/gems", "vendor/ruby", "gemfiles")


def _clean(path: str) -> str:
    """A path of the settings as a path under the source: "" for the source itself."""
    cleaned = posixpath.normpath(path.strip().strip("/") or ".")
    while cleaned.startswith("./"):
        cleaned = cleaned[2:]
    return "" if cleaned in (".", "..") or cleaned.startswith("../") else cleaned


@dataclass
class Excluded:
    """The paths ``exclude:`` names (a file, a folder, or a pattern: ``*.txt``, each from the
    source's top), less those
    ``include:`` names again."""

    patterns: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, config: dict[Any, Any]) -> Excluded:
        def paths(key: str) -> list[str]:
            value = config.get(key)
            return [_clean(v) for v in value if isinstance(v, str) and _clean(v)] \
                if isinstance(value, list) else []
        return cls(paths("exclude"), paths("include"))

    def __call__(self, rel: str) -> str | None:
        """The setting that excludes ``rel`` (a path under the source), or None."""
        if any(self._matches(rel, kept) for kept in self.kept):
            return None
        return next((pattern for pattern in self.patterns if self._matches(rel, pattern)),
                    None)

    @staticmethod
    def _matches(rel: str, pattern: str) -> bool:
        # as Jekyll's EntryFilter: the path under the source, its folders, or a glob of it
        return rel == pattern or rel.startswith(pattern + "/") or \
            fnmatch.fnmatchcase(rel, pattern)


@dataclass(frozen=True)
class _Scope:
    path: str  # "" for every file
    kind: str | None  # "pages", "posts", "drafts", a collection's label; None for any
    values: dict[str, Any]


@dataclass
class Defaults:
    """``defaults:`` of ``_config.yml``: front matter values for the pages of a scope."""

    scopes: list[_Scope] = field(default_factory=list)

    @classmethod
    def read(cls, config: dict[Any, Any]) -> Defaults:
        found = cls()
        entries = config.get("defaults")
        if not isinstance(entries, list):
            return found
        for entry in entries:
            if not isinstance(entry, dict) or not isinstance(entry.get("values"), dict):
                continue
            scope: dict[Any, Any] = entry["scope"] if isinstance(entry.get("scope"), dict) \
                else {}
            path = scope.get("path", "")
            kind = scope.get("type")
            found.scopes.append(_Scope(_clean(path) if isinstance(path, str) else "",
                                       kind if isinstance(kind, str) else None,
                                       {str(k): v for k, v in entry["values"].items()}))
        return found

    def values(self, rel: str, kind: str) -> dict[str, Any]:
        """The values for the page at ``rel`` of ``kind`` ("pages" or its collection's label),
        the more specific scope (a longer path; a kind named) over the less, as in Jekyll."""
        matching = [scope for scope in self.scopes
                    if (scope.kind is None or scope.kind == kind)
                    and (not scope.path or rel == scope.path
                         or rel.startswith(scope.path + "/")
                         or fnmatch.fnmatchcase(rel, scope.path)
                         or fnmatch.fnmatchcase(rel, scope.path + "/*"))]
        merged: dict[str, Any] = {}
        for scope in sorted(matching, key=lambda s: (len(s.path), s.kind is not None)):
            merged.update(scope.values)
        return merged
