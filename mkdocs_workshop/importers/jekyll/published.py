"""Which page Jekyll publishes when several pages have the same address.

Two pages with the same ``permalink:`` (a folder copied for the next edition, its pages still
saying ``permalink: /neurips25/award``) are both rendered by Jekyll, and both written to the
same file of ``_site``: it warns "Conflict: The following destination is shared by multiple
files. The written file may end up with unexpected contents." and the page written last is
the one the site shows. Jekyll writes its pages in the order of ``site.pages``, which its reader
sorts by file name (``Reader#sort_files!``: ``site.pages.sort_by!(&:name)``), and the
documents of collections after all pages (``Site#each_site_file``). So:

- the page whose file name sorts last is the one published (``b.md`` over ``a.md``);
- a collection's document is published over a page;
- between pages of the same file name (``neurips25/award.md`` and ``neurips26/award.md``),
  Jekyll's order is not fixed (Ruby's sort is not stable, and the folders are read in the
  file system's order; jekyll/jekyll#3034): the import keeps the one whose own folder is the
  address's (``neurips25/award.md`` for ``/neurips25/award``), else the first by path, and
  says so.

:func:`unpublished` tells a page Jekyll leaves out altogether; :func:`output_file` is the
file Jekyll writes a page to; :func:`one_per_address` picks the page each file shows.
Pure functions, linear in the number of pages.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


def unpublished(meta: Mapping[Any, Any]) -> bool:
    """Whether a page's or a collection document's front matter keeps it out of the site:
    ``published: false`` (Jekyll neither writes the page nor lists it in ``site.pages`` or
    ``site.<collection>``)."""
    return meta.get("published") is False


@dataclass(frozen=True)
class SourcePage:
    rel: str  # the source file, "neurips26/award.md"
    path: str  # where Jekyll publishes it without a permalink (a collection's: its URL path)
    permalink: object  # the front matter's, as read
    document: bool = False  # a collection's document, written after every page
    readme: bool = False  # a README without front matter that readme-index made its folder's home
    static: bool = False  # an HTML file without front matter, written after the pages


@dataclass(frozen=True)
class NotPublished:
    rel: str  # the page left out
    kept: str  # the page Jekyll publishes at that address
    address: str  # "/neurips25/award"
    why: str  # how the kept one was chosen, for the report


def _has_permalink(permalink: object) -> bool:
    return isinstance(permalink, str) and bool(permalink.strip()) and ":" not in permalink


def output_file(path: str, permalink: object) -> str:
    """The file of ``_site`` Jekyll writes the page to: ``/x`` -> ``x.html``, ``/x/`` ->
    ``x/index.html``; without a permalink, the file's own path with ``.html`` for Markdown."""
    if _has_permalink(permalink):
        assert isinstance(permalink, str)
        url = "/" + permalink.strip().lstrip("/")
        if url.endswith("/"):
            url += "index.html"
        elif not url.endswith(".html"):
            url += ".html"
    else:
        url = "/" + re.sub(r"\.(?:md|markdown)$", ".html", path, flags=re.I)
    return posixpath.normpath(url).lstrip("/")


def address(file: str) -> str:
    """The address a visitor types for an output file: ``neurips25/award.html`` ->
    ``/neurips25/award``, ``x/index.html`` -> ``/x/``."""
    if file == "index.html":
        return "/"
    if file.endswith("/index.html"):
        return "/" + file[: -len("index.html")]
    return "/" + re.sub(r"\.html$", "", file)


def one_per_address(pages: list[SourcePage]) -> tuple[list[SourcePage], list[NotPublished]]:
    """The pages Jekyll publishes (in the given order), and those another page with the same
    output file replaces."""
    by_file: dict[str, list[SourcePage]] = {}
    for page in pages:
        by_file.setdefault(output_file(page.path, page.permalink), []).append(page)
    left_out: list[NotPublished] = []
    dropped: set[str] = set()
    for file, sharing in by_file.items():
        if len(sharing) < 2:
            continue
        kept, why = _written_last(file, sharing)
        for page in sharing:
            if page is not kept:
                dropped.add(page.rel)
                left_out.append(NotPublished(page.rel, kept.rel, address(file), why))
    return [p for p in pages if p.rel not in dropped], left_out


def _name(page: SourcePage) -> str:
    return posixpath.basename(page.rel)


def _written_last(file: str, sharing: list[SourcePage]) -> tuple[SourcePage, str]:
    """The page Jekyll writes last to ``file``, and how it was chosen."""
    others = [p for p in sharing if not p.readme]
    if len(others) < len(sharing):
        # readme-index makes a README the home of a folder that has none, only
        kept = _written_last(file, others)[0] if len(others) > 1 else others[0]
        return kept, ("GitHub Pages makes a README without front matter the home page of a "
                      "folder that has no other page there")
    documents = [p for p in sharing if p.document]
    if documents:
        return max(documents, key=lambda p: p.rel), (
            "Jekyll writes the documents of collections after its pages, so the last one "
            "written is the one published")
    static = [p for p in sharing if p.static]
    if static:
        return static[0], (
            "Jekyll copies an HTML file without front matter after it writes its pages, so "
            "that file is what visitors see")
    last = max(_name(p) for p in sharing)
    candidates = [p for p in sharing if _name(p) == last]
    if len(candidates) == 1:
        return candidates[0], (
            "Jekyll writes pages in the order of their file names, so the one whose name "
            f"sorts last ({last}) is the one published")
    folder = posixpath.dirname(file)
    home = [p for p in candidates if posixpath.dirname(p.rel) == folder]
    chosen = home[0] if home else min(candidates, key=lambda p: p.rel)
    return chosen, (
        f"all are named {last}, and Jekyll does not fix which of them it writes last; "
        + ("the import keeps the one in the address's own folder"
           if home else "the import keeps the first by path"))
