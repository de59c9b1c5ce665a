"""What a build needs from the engine it runs in, whichever it is: the site's files (MkDocs'
``Files``, or a :class:`DocsFolder` under Zensical, which gives a module no file list), and
:class:`Settings`, which each host makes once (see hosts/settings.py). A
:class:`~mkdocs_workshop.site.build.Build` is made from these alone."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from ..core.timezones import AOE, Zone

# ---------------------------------------------------------------------------------------------
# The engine's objects, as the package uses them
# ---------------------------------------------------------------------------------------------


class Inclusion(Protocol):
    def is_excluded(self) -> bool: ...


class FileLike(Protocol):
    """A file of the site (MkDocs' File, or a :class:`DocsFile`)."""

    @property
    def src_uri(self) -> str: ...

    @property
    def inclusion(self) -> Inclusion: ...

    @property
    def content_string(self) -> str: ...

    def url_relative_to(self, other: Any) -> str: ...

    def is_documentation_page(self) -> bool: ...


class FileList(Protocol):
    """The site's files (MkDocs' Files, or a :class:`DocsFolder`)."""

    def get_file_from_path(self, path: str) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...


FilesOf = Callable[[], "FileList | None"]


@dataclass(frozen=True)
class Settings:
    """What a build needs to know of its host."""

    docs_dir: str
    theme_dirs: Sequence[str]  # where partials are looked for: custom_dir first
    now: datetime  # the build's time (SOURCE_DATE_EPOCH when set)
    default_zone: Zone = AOE  # of deadlines without their own
    people_file: str = "people.yml"  # relative to docs_dir
    clock: str = "24h"  # how schedule() writes times
    # The plugin writes calendar files; a macros module alone cannot.
    calendars: bool = False
    # With the plugin, a macro's HTML waits outside the Markdown and is put into the page once
    # it is HTML: Python-Markdown never parses it again, nor can mangle it.
    stash_blocks: bool = False
    # Under an engine that cannot stop a build for us (Zensical), a page with errors makes its
    # macros raise, so that the macros' on_error_fail stops the build.
    raise_on_errors: bool = False
    # DTSTAMP of calendar files when SOURCE_DATE_EPOCH fixes the build's time (else None).
    stamp: datetime | None = None
    # Whether theme_dirs are all of the theme's templates, so that a page's template: and
    # icon: can be looked up there (Zensical gives only custom_dir).
    whole_theme: bool = True
    # The plugin's cache folder (made images, calendars, compiled partials), if it has one.
    cache_dir: Path | None = None


def file_of(page: Any, files: FileList | None) -> Any:
    """The page's file: MkDocs pages have one; a Zensical page has a path into the docs."""
    file = getattr(page, "file", None)
    if file is None and files is not None and getattr(page, "path", None):
        file = files.get_file_from_path(str(page.path))
    return file


def url_finder(files_of: FilesOf) -> Callable[[Any], Callable[[str], str | None]]:
    """Build the page -> (src_uri -> relative URL) function from the build's files."""

    def for_page(page: Any) -> Callable[[str], str | None]:
        def url_for(src_uri: str) -> str | None:
            files = files_of()
            found = files.get_file_from_path(src_uri) if files is not None else None
            here = file_of(page, files)
            if found is None or here is None or found.inclusion.is_excluded():
                return None
            return str(found.url_relative_to(here))

        return url_for

    return for_page


def text_of(file: Any) -> str | None:
    """The text of a site file (MkDocs' File, or a :class:`DocsFile`)."""
    try:
        source = file.content_string
    except (AttributeError, OSError, ValueError):
        return None
    return source if isinstance(source, str) else None


# ---------------------------------------------------------------------------------------------
# Zensical: the docs folder as a file list
# ---------------------------------------------------------------------------------------------

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
