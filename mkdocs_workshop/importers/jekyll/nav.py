"""The new site's nav, grouped by edition, and each edition's header buttons.

Each edition of the seeds' family has a layout of its own whose header holds buttons (About,
Schedule, Call for Papers, Awards, Back), each a link to one of the edition's pages. They say
what each sub-page is, which its title does not (every page of an edition has the edition's
title). So:

- an edition is a page with rosters (or, on a site without any, with dates);
- its sub-pages are the pages its layout's buttons lead to, and the pages under its folder
  (``neurips25.md`` -> ``neurips25/*.md``);
- in the nav, under "Editions", each edition is a section labelled with its venue and year
  ("NeurIPS 2025", the ``workshop.venue`` the import found), else its title: the edition
  page first (labelled by its own button, else "About"), then its sub-pages, each labelled
  by what it is: its button (else a commented-out one, else its first heading, else its
  title when it is not the edition's, else its file's name); an edition without sub-pages is
  one entry;
- editions newest first (by the workshop's day, else the page's last date), the other pages
  after them.

:func:`header_buttons` reads the buttons of a layout (``<a href=... class="btn">Label</a>``,
commented-out ones left out); linear, with bounded patterns.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..common.escape import html_text, one_line

_BUTTON = re.compile(
    r"""<a\b(?P<attrs>[^<>]{0,2000})>(?P<label>[^<>]{1,200})</a>""", re.I)
_HREF = re.compile(r"""\bhref=(["'])([^"'<>]{1,2000})\1""", re.I)
_CLASS = re.compile(r"""\bclass=(["'])([^"'<>]{0,500})\1""", re.I)
_HEADING = re.compile(r"^(?:#\s+(?P<md>[^\n]{1,200})|<h1[^<>]{0,500}>(?P<html>[^<>]{1,200})</h1>)",
                      re.M | re.I)


@dataclass(frozen=True)
class Button:
    label: str
    href: str


def header_buttons(layout: str) -> list[Button]:
    """The buttons of a layout's header: links whose class has ``btn``, in order."""
    return _buttons(_without_comments(layout))


def commented_buttons(layout: str) -> list[Button]:
    """The buttons the layout's HTML comments hold: hidden from visitors, they still say what
    the page they lead to is (``<!-- <a href="accepted.html" class="btn">Accepted Papers</a>
    -->``)."""
    return _buttons(_only_comments(layout))


def _buttons(visible: str) -> list[Button]:
    found = []
    for match in _BUTTON.finditer(visible):
        attrs = match.group("attrs")
        classes = _CLASS.search(attrs)
        href = _HREF.search(attrs)
        if not classes or not href or "btn" not in classes.group(2).split():
            continue
        label = one_line(html.unescape(match.group("label")))
        if label:
            found.append(Button(label, href.group(2).strip()))
    return found


def _without_comments(text: str) -> str:
    """``text`` without its HTML comments (an unclosed one runs to the end), in one pass."""
    pieces = []
    position = 0
    while True:
        start = text.find("<!--", position)
        if start == -1:
            pieces.append(text[position:])
            return "".join(pieces)
        pieces.append(text[position:start])
        end = text.find("-->", start + 4)
        if end == -1:
            return "".join(pieces)
        position = end + 3


def _only_comments(text: str) -> str:
    """The content of ``text``'s HTML comments, one after another, in one pass."""
    pieces = []
    position = 0
    while (start := text.find("<!--", position)) != -1:
        end = text.find("-->", start + 4)
        pieces.append(text[start + 4:] if end == -1 else text[start + 4:end])
        if end == -1:
            break
        position = end + 3
    return "\n".join(pieces)


def first_heading(text: str) -> str | None:
    """The text of a page's first level-one heading (Markdown or ``<h1>``), if it has one."""
    match = _HEADING.search(text)
    if not match:
        return None
    heading = one_line(html.unescape(match.group("md") or match.group("html") or ""))
    heading = re.sub(r"\s*\{[:#.][^{}]{0,200}\}$", "", heading).strip(" #")  # {: #id }
    return heading or None


@dataclass
class NavPage:
    dest: str
    title: str
    is_edition: bool
    collection: str | None = None
    layout: str | None = None
    heading: str | None = None
    day: date | None = None
    venue: str | None = None  # "NeurIPS 2025", from the workshop block


@dataclass
class Edition:
    page: NavPage
    buttons: list[tuple[str, str]] = field(default_factory=list)  # (label, dest)
    pages: list[str] = field(default_factory=list)  # sub-pages' dests
    hidden: list[tuple[str, str]] = field(default_factory=list)  # commented-out buttons


def group(pages: list[NavPage], buttons: dict[str, list[Button]],
          find: Callable[[str, str], str | None],
          hidden: dict[str, list[Button]] | None = None
          ) -> tuple[list[Edition], list[NavPage]]:
    """The editions with their sub-pages, newest first, and the pages of none.
    ``buttons`` are each layout's (``hidden``: its commented-out ones, for labels only);
    ``find(href, dest)`` gives the page (dest) a button's link leads to from the edition
    page ``dest``."""
    by_dest = {p.dest: p for p in pages}
    editions: dict[str, Edition] = {}
    for page in pages:
        if page.is_edition and page.collection is None and page.dest != "index.md":
            editions[page.dest] = Edition(page)
    claimed: dict[str, str] = {}  # sub-page -> edition
    for edition in editions.values():
        for button in buttons.get(edition.page.layout or "", []):
            target = find(button.href, edition.page.dest)
            if target is None or target == "index.md" or target not in by_dest:
                continue
            edition.buttons.append((button.label, target))
            if target != edition.page.dest and target not in editions:
                claimed.setdefault(target, edition.page.dest)
        for button in (hidden or {}).get(edition.page.layout or "", []):
            target = find(button.href, edition.page.dest)
            if target is not None:
                edition.hidden.append((button.label, target))
    for page in pages:
        if page.dest in editions or page.dest in claimed or page.collection is not None:
            continue
        for dest in editions:
            if page.dest.startswith(dest[:-3] + "/"):
                claimed[page.dest] = dest
                break
    for page in pages:  # in the site's order
        if page.dest in claimed:
            editions[claimed[page.dest]].pages.append(page.dest)
    for edition in editions.values():  # in the header's order, then the others
        order = {dest: i for i, (_label, dest) in reversed(list(enumerate(edition.buttons)))}
        edition.pages.sort(key=lambda dest: order.get(dest, len(order)))
    ordered = sorted(editions.values(), key=_newest_first)
    rest = [p for p in pages if p.dest not in editions and p.dest not in claimed]
    return ordered, rest


def _newest_first(edition: Edition) -> tuple[int, int, str]:
    day = edition.page.day
    return (0, -day.toordinal(), edition.page.dest) if day else (1, 0, edition.page.dest)


def label_of(page: NavPage, edition: Edition | None) -> str:
    """A sub-page's label, what the page is: its button in the edition's header (else a
    commented-out one), else its first heading, else its title when it is not the edition's
    own (every page of an edition often has that), else its file's name."""
    if edition is not None:
        for label, dest in edition.buttons + edition.hidden:
            if dest == page.dest:
                return label
    if page.heading:
        return page.heading
    if page.title and (edition is None or page.title != edition.page.title):
        return page.title
    name = page.dest[:-3].rsplit("/", 1)[-1].replace("-", " ").replace("_", " ").strip()
    return name[:1].upper() + name[1:] if name else page.dest[:-3]


def _named(page: NavPage) -> str:
    """A page's label in a list of pages: its title, else its first heading ("Program",
    drawn by its layout), else its path."""
    return page.title or page.heading or page.dest[:-3]


def edition_label(edition: Edition, editions: list[Edition]) -> str:
    """What tells an edition apart in the nav: its venue and year ("NeurIPS 2025") when no
    other edition has the same, else its title (with its path when two share it)."""
    page = edition.page
    venues = [e.page.venue for e in editions]
    if page.venue and venues.count(page.venue) == 1:
        return page.venue
    title = page.title or page.dest[:-3]
    if [e.page.title for e in editions].count(page.title) > 1:  # two of one title: say which
        title = f"{title} ({page.dest[:-3]})"
    return title


def nav_entries(editions: list[Edition], by_dest: dict[str, NavPage]) -> list[Any]:
    """The nav's sections for the editions (labels escaped for HTML)."""
    entries: list[Any] = []
    for edition in editions:
        page = edition.page
        title = edition_label(edition, editions)
        if not edition.pages:  # a page alone: no section
            entries.append({html_text(title): page.dest})
            continue
        own = next((label for label, dest in edition.buttons if dest == page.dest), "About")
        items: list[Any] = [{html_text(own): page.dest}]
        items += [{html_text(label_of(by_dest[d], edition)): d} for d in edition.pages]
        entries.append({html_text(title): items})
    return entries


def home_entries(home: NavPage | None, rest: list[NavPage], buttons: list[Button],
                 find: Callable[[str, str], str | None]) -> list[Any]:
    """The pages of no edition. On a one-edition site whose home page is the edition, they
    are its sub-pages: in its header's order and labelled by its buttons (else by their
    first heading); otherwise each is labelled by its title, in the site's order."""
    if home is None or not home.is_edition:
        return [{html_text(_named(p)): p.dest} for p in rest]
    edition = Edition(home)
    for button in buttons:
        target = find(button.href, home.dest)
        if target is not None and target != home.dest:
            edition.buttons.append((button.label, target))
    order = {dest: i for i, (_label, dest) in reversed(list(enumerate(edition.buttons)))}
    ordered = sorted(rest, key=lambda p: order.get(p.dest, len(order)))
    return [{html_text(label_of(p, edition)): p.dest} for p in ordered]


def data_nav(links: list[tuple[str, str, int]], find: Callable[[str], str | None],
             pages: list[NavPage]) -> tuple[list[Any], list[str]]:
    """The nav a ``navigation.yml`` gives: its labels and its order, a dropdown as a section
    (its own link, when it leads to a page, first in it); web links kept (http and https
    only); the pages it does not name after it, by title. Also returns the entries it could
    not place (a link to no page of the site), for the report."""
    entries: list[Any] = []
    placed: set[str] = {"index.md"}
    unplaced: list[str] = []
    stack: list[tuple[int, list[Any]]] = [(-1, entries)]
    for n, (label, url, depth) in enumerate(links):
        while stack[-1][0] >= depth:
            stack.pop()
        container = stack[-1][1]
        target = find(url) if url else None
        if n + 1 < len(links) and links[n + 1][2] > depth:  # a dropdown
            section: list[Any] = []
            if target is not None and target not in placed:
                section.append({html_text(label): target})
                placed.add(target)
            container.append({html_text(label): section})
            stack.append((depth, section))
            continue
        if target is None:
            if re.match(r"^https?://[^\s\"'<>]+$", url):
                container.append({html_text(label): url})
            elif url not in ("", "#", "/#") and not url.startswith("#"):
                unplaced.append(f"{label} ({url})")
            continue
        if target not in placed:
            placed.add(target)
            container.append({html_text(label): target})

    def pruned(items: list[Any]) -> list[Any]:
        kept = []
        for item in items:
            (label, value), = item.items()
            if isinstance(value, list):
                value = pruned(value)
                if not value:
                    continue
            kept.append({label: value})
        return kept

    rest = [{html_text(_named(p)): p.dest} for p in pages if p.dest not in placed]
    return pruned(entries) + rest, unplaced
