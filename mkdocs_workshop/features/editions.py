"""The series index: every page whose front matter has a ``workshop:`` block.

Upcoming editions come first, soonest first; then past ones, newest first; editions without a
date last. The index needs every page's front matter before any page is rendered (the home
page, which shows it, is usually rendered first), so it reads them once per build.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from ..core.frontmatter import FrontMatter
from ..core.imagerefs import find_image
from ..core.problems import Problems
from ..core.times import format_range
from ..core.timezones import Zone
from .base import Feature, Macro, Rendering
from .dates import next_deadline, read_dates, read_zone
from .workshop import Button, WorkshopInfo, target_url

_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


@dataclass(frozen=True)
class Edition:
    src_uri: str
    title: str
    info: WorkshopInfo
    meta: Mapping[str, Any] = field(default_factory=dict)  # its front matter


def read_editions(files: Iterable[Any],
                  front: Callable[[str, str], FrontMatter]) -> list[Edition]:
    """Editions among the site's Markdown pages. Invalid blocks are left to the page's own
    check, which reports them when the page is built. ``front(src, text)`` reads a page's
    front matter (once per build: the page's own reading uses it again)."""
    editions = []
    for file in files:
        if not file.is_documentation_page() or file.inclusion.is_excluded():
            continue
        try:
            text = file.content_string
        except (OSError, ValueError):
            continue
        found = front(file.src_uri, text)
        meta, doc = found.meta, text[found.body_start:]
        block = meta.get("workshop")
        if not isinstance(block, dict):
            continue
        try:
            info = WorkshopInfo.model_validate({str(k): v for k, v in block.items()})
        except ValidationError:
            continue
        title = meta.get("title")
        if not isinstance(title, str) or not title.strip():
            heading = _H1.search(doc)
            title = heading.group(1) if heading else file.name.replace("-", " ").title()
        editions.append(Edition(file.src_uri, title.strip(), info, meta))
    return editions


def order(editions: Iterable[Edition], today: date) -> tuple[list[Edition], list[Edition],
                                                             list[Edition]]:
    """(upcoming, soonest first), (past, newest first), (no date, as found)."""
    upcoming, past, undated = [], [], []
    for edition in editions:
        last = edition.info.last_day
        if last is None:
            undated.append(edition)
        elif last >= today:
            upcoming.append(edition)
        else:
            past.append(edition)
    upcoming.sort(key=lambda e: (e.info.first_day or date.max, e.title))
    past.sort(key=lambda e: (e.info.first_day or date.min, e.title), reverse=True)
    return upcoming, past, undated


@dataclass(frozen=True)
class EditionView:
    title: str
    href: str
    current: bool
    venue: str | None
    year: int | None
    when_iso: str | None
    when_text: str | None
    location: str | None
    logo: str | None  # workshop.image, for the page showing the index
    deadline: Any = None  # the next one (edition.Deadline), for the first upcoming edition
    buttons: tuple[Any, ...] = ()  # its workshop.links (Button), for the same
    featured: bool = False  # the next edition: its card comes first, the whole row wide


def edition_view(edition: Edition, href: str, current: bool, *,
                 url_for: Callable[[str], str | None] | None = None,
                 featured: bool = False, now: datetime | None = None,
                 default_zone: Zone | None = None) -> EditionView:
    """An edition's card; ``featured`` (the next edition) adds its next deadline and its
    buttons. ``url_for`` gives a site file's address for the page that shows the index."""
    info = edition.info
    first, last = info.first_day, info.last_day
    when_text = format_range(first, last) if first and last else None
    logo = None
    if info.image and url_for is not None:
        logo = find_image(info.image, edition.src_uri, url_for).url
    deadline = None
    buttons: tuple[Button, ...] = ()
    if featured and url_for is not None and now is not None and default_zone is not None:

        ignored = Problems(edition.src_uri)  # the edition's page reports its own problems
        zone = read_zone(edition.meta, ignored, default_zone)
        items = read_dates(edition.meta, ignored, zone, info)
        deadline = next_deadline({"dates": items, "dates_zone": zone}, zone, now)
        for link in info.links:
            target = link.url or ""
            address = (href + target if target.startswith("#")  # on the edition's page
                       else target_url(target, edition.src_uri, url_for))
            if address is not None:
                buttons += (Button(link.label, address,
                                   "://" in address or address.startswith("mailto:")),)
    return EditionView(edition.title, href, current, info.venue, first.year if first else None,
                       first.isoformat() if first else None, when_text, info.location, logo,
                       deadline, buttons, featured)


def editions(r: Rendering) -> str:
    """The series index as cards: the next edition first, with its next deadline and its
    buttons; then the other upcoming ones, soonest first; then past ones, newest first."""
    files = r.files()
    if files is None:  # before MkDocs has listed the site's files: nothing to index yet
        return r.place("editions()", "editions", groups=[])
    found: list[Edition] = r.shared("editions", lambda: read_editions(files, r.front))
    upcoming, past, undated = order(found, r.now.date())
    groups = []
    here = r.here()

    def url_for(src_uri: str) -> str | None:
        target = files.get_file_from_path(src_uri)
        if target is None or target.inclusion.is_excluded():
            return None
        return str(target.url_relative_to(here))

    for label, group in (("Upcoming", upcoming), ("Past", past),
                         ("Date to be announced", undated)):
        views: list[EditionView] = []
        for edition in group:
            target = files.get_file_from_path(edition.src_uri)
            href = target.url_relative_to(here)
            views.append(edition_view(edition, href, edition.src_uri == here.src_uri,
                                      url_for=url_for, featured=not views and group is upcoming,
                                      now=r.now, default_zone=r.default_zone))
        if views:
            groups.append((label, views))
    return r.place("editions()", "editions", groups=groups)


FEATURE = Feature("editions", macros=(Macro("editions", editions,
                                            call_text=lambda call: "editions()"),))
