"""The edition page's header: what, when, where, the next deadline and the buttons, then the
edition's own pages as a bar of tabs. Pages with a ``workshop:`` block get it; the pages that
share a section of the nav with one get the bar.

Plain Python: the plugin calls :func:`header_view` and :func:`sections_of` with MkDocs' page
and nav objects (any objects with ``title``, ``url``, ``parent``, ``children``, ``file``), the
partial ``partials/workshop/edition.html`` draws it, and :func:`insert_after_title` puts it
under the page's first heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..features import workshop as workshop_feature
from ..features.dates import Deadline, next_deadline, when_text
from ..features.workshop import Button, WorkshopInfo

# How the header names the attendance mode.
MODES = {"in-person": "In person", "offline": "In person", "online": "Virtual",
         "virtual": "Virtual", "hybrid": "Hybrid: in person and online",
         "mixed": "Hybrid: in person and online"}

# Past this, a countdown is a date, not a number of days (the script follows the same rule).
COUNTDOWN_DAYS = 60


@dataclass(frozen=True)
class Section:
    title: str
    href: str
    current: bool


@dataclass(frozen=True)
class HeaderView:
    venue: str | None
    when_iso: str | None
    when_text: str | None  # "Tuesday, July 16, 2024"
    location: str | None
    mode: str | None  # "In person", "Virtual", "Hybrid: ..."
    online_url: str | None
    deadline: Deadline | None
    buttons: tuple[Button, ...]
    sections: tuple[Section, ...]

    @property
    def has_facts(self) -> bool:
        """Something to say on the line of what, when and where."""
        return any((self.venue, self.when_text, self.location, self.mode))

    @property
    def empty(self) -> bool:
        """Nothing to draw (a new site's page whose block waits for its data): no box."""
        return not (self.has_facts or self.deadline or self.buttons)


def header_view(parts: Mapping[str, Any], default_zone: Any, now: datetime,
                sections: Sequence[Section]) -> HeaderView | None:
    info: WorkshopInfo | None = workshop_feature.of(parts)
    if info is None:
        return None
    first, last = info.first_day, info.last_day
    mode = MODES.get((info.attendance or "").lower())
    return HeaderView(
        venue=info.venue,
        when_iso=first.isoformat() if first else None,
        when_text=when_text(first, last) if first and last else None,
        location=info.location,
        mode=mode,
        online_url=info.online_url,
        deadline=next_deadline(parts, default_zone, now),
        buttons=tuple(workshop_feature.buttons_of(parts)),
        sections=tuple(sections),
    )


def shows_header(parts: Mapping[str, Any], enabled: bool) -> bool:
    """The header is drawn unless the plugin's option or the page's block turns it off."""
    info = workshop_feature.of(parts)
    if info is None:
        return False
    return info.header if info.header is not None else enabled


# ---------------------------------------------------------------------------------------------
# The edition's pages, from the nav
# ---------------------------------------------------------------------------------------------


def _edition_section(page: Any, is_edition: Callable[[Any], bool]) -> list[Any]:
    """The pages of the nav section that holds ``page``, when that section is an edition's:
    its first page is an edition page and no other page of it is one. Empty otherwise (a
    section listing several editions, or a page at the top of the nav)."""
    parent = getattr(page, "parent", None)
    if parent is None:
        return []
    pages = [item for item in getattr(parent, "children", None) or ()
             if getattr(item, "is_page", False)]
    if len(pages) < 2:
        return []
    editions = [item for item in pages if is_edition(item)]
    if len(editions) != 1 or editions[0] is not pages[0]:
        return []
    return pages


def sections_of(page: Any, is_edition: Callable[[Any], bool]) -> list[Section]:
    """The edition's pages as the bar shows them, from ``page``: see :func:`_edition_section`."""
    here = getattr(page, "url", None)
    return [Section(str(item.title or item.file.name), str(item.file.url_relative_to(page.file)),
                    item.url == here) for item in _edition_section(page, is_edition)]


def edition_page_of(page: Any, is_edition: Callable[[Any], bool]) -> Any | None:
    """The edition page that ``page``, a page of an edition's section, belongs to; none for
    the edition page itself and for pages outside an edition's section."""
    pages = _edition_section(page, is_edition)
    return pages[0] if pages and pages[0] is not page else None


@dataclass(frozen=True)
class EditionLink:
    """On a sub-page of an edition, the edition it belongs to, above the bar of its pages:
    a visitor on a phone, with the nav hidden, still sees which edition and when."""

    name: str  # "ICLR 2027": the venue, else the edition page's title
    href: str
    when_iso: str | None
    when_text: str | None  # "Friday, April 30, 2027"
    place: str | None  # the location when it is known ("To be announced" is left out)


def edition_link(parts: Mapping[str, Any], title: str, href: str) -> EditionLink | None:
    """How a sub-page names its edition, from the edition page's reading; ``title`` is the
    edition page's title, for an edition with no venue."""
    info: WorkshopInfo | None = workshop_feature.of(parts)
    if info is None:
        return None
    first, last = info.first_day, info.last_day
    return EditionLink(
        name=info.venue or title,
        href=href,
        when_iso=first.isoformat() if first else None,
        when_text=when_text(first, last) if first and last else None,
        place=info.place,
    )


def page_header(parts: Mapping[str, Any], *, sections: Sequence[Section], enabled: bool,
                default_zone: Any, now: datetime, edition: Callable[[], EditionLink | None],
                render: Callable[..., str]) -> str | None:
    """What goes under a page's title: an edition page's header (with its pages' bar), or a
    sub-page's bar under the name of its edition (``edition()``, asked only then); None for
    a page with neither. ``render`` draws the partial with its context."""
    view = header_view(parts, default_zone, now, sections) \
        if shows_header(parts, enabled) else None
    if view is not None and not view.empty:
        return render(header=view, sections=sections, sections_only=False)
    if sections:
        return render(header=None, sections=sections, sections_only=True, edition=edition())
    return None


# ---------------------------------------------------------------------------------------------
# Where the header goes
# ---------------------------------------------------------------------------------------------

_LEADING_H1 = re.compile(r"\A\s*<h1\b[^>]*>.*?</h1>", re.S | re.I)


def insert_after_title(content: str, header: str) -> str:
    """The header under the page's own first heading when the page opens with one (the theme
    writes the title itself otherwise, above the content), else at the top."""
    match = _LEADING_H1.match(content)
    if match is None:
        return header + content
    return content[:match.end()] + "\n" + header + content[match.end():]
