"""Render the partials under ``partials/workshop/`` into HTML blocks for a Markdown page.

The environment loads templates from the theme's directories (a site's ``custom_dir`` first,
then the theme, then this package's ``templates``), so a site overrides a partial by putting
its own copy at ``<custom_dir>/partials/workshop/<name>.html``. Unlike the theme's own
environment it escapes every value, so nothing from front matter can add markup to the page.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import dates as date_rules
from .rosters import Card
from .schedule import Schedule, Speaker
from .timezones import Zone

TEMPLATES_DIR = str(Path(__file__).parent / "templates")
STYLESHEET = "assets/stylesheets/workshop.css"
SCRIPT = "assets/javascripts/workshop.js"


class PartialError(Exception):
    """A partial (often a site's own override) could not be rendered."""


class Renderer:
    def __init__(self, dirs: Sequence[str | os.PathLike[str]]) -> None:
        search = [str(d) for d in dirs]
        if TEMPLATES_DIR not in search:
            search.append(TEMPLATES_DIR)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(search),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
            auto_reload=False,
        )

    def render(self, name: str, **context: Any) -> str:
        """The partial ``partials/workshop/<name>.html``, as compact HTML."""
        path = f"partials/workshop/{name}.html"
        try:
            html = self.env.get_template(path).render(**context)
        except jinja2.TemplateError as exc:
            template = getattr(exc, "filename", None) or path
            line = getattr(exc, "lineno", None)
            where = f"{template}, line {line}" if line else template
            raise PartialError(f"the partial {where} failed: {exc}") from None
        return compact(html)


def compact(html: str) -> str:
    """Without blank lines, which would end an HTML block in Markdown."""
    return "\n".join(line.rstrip() for line in html.splitlines() if line.strip())


def as_block(html: str) -> str:
    """HTML set apart by blank lines, so Markdown sees a block of its own."""
    return "\n\n" + compact(html) + "\n\n"


# ---------------------------------------------------------------------------------------------
# What the partials receive
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DateView:
    what: str
    start_iso: str | None  # a period's first moment
    start_text: str | None
    separator: str  # between a period's first and last day
    closes_iso: str
    closes_text: str
    zone_label: str | None  # set when the entry's zone differs from the page's
    past: bool
    next: bool


def date_views(items: Sequence[date_rules.DateItem], zone: Zone, now: datetime) -> list[DateView]:
    upcoming = date_rules.next_index(items, now)
    views: list[DateView] = []
    for item in items:
        start_text: str | None = None
        separator = ""
        end_text = date_rules.format_day(item.last_day)
        if item.is_period and item.first_day != item.last_day:
            start_text, separator, end_text = date_rules.range_parts(item.first_day,
                                                                     item.last_day)
        elif item.is_period and item.has_time:  # one day, from a time to a time
            start_text, separator = date_rules.format_day(item.first_day), " \u2013 "
        if item.has_time:
            if item.start is not None and start_text is not None:
                start_text += f", {date_rules.format_time(item.start)}"
            if start_text is not None and item.first_day == item.last_day:
                end_text = date_rules.format_time(item.closes)
            else:
                end_text += f", {date_rules.format_time(item.closes)}"
        views.append(DateView(
            what=item.what,
            start_iso=date_rules.iso(item.start) if item.start is not None else None,
            start_text=start_text,
            separator=separator,
            closes_iso=date_rules.iso(item.closes),
            closes_text=end_text,
            zone_label=item.zone.label if item.zone.key != zone.key else None,
            past=item.closes <= now,
            next=item.index == upcoming,
        ))
    return views


@dataclass(frozen=True)
class SlotView:
    start_iso: str
    start_text: str
    end_iso: str | None
    end_text: str | None
    title: str
    kind: str | None  # as normalized: "contributed talk"
    kind_class: str  # for CSS: "contributed-talk"
    speakers: tuple[Speaker, ...]
    location: str | None
    url: str | None
    abstract_html: Markup | None
    parallel: bool


@dataclass(frozen=True)
class DayView:
    iso: str
    text: str  # "Saturday, May 11, 2024"
    slots: tuple[SlotView, ...]


def schedule_views(schedule: Schedule, clock: str) -> tuple[list[DayView], str | None]:
    """The program by day, and the sentence that names its time zone."""
    days: dict[str, list[SlotView]] = {}
    for placed in schedule.slots:
        slot = placed.slot
        days.setdefault(placed.day.isoformat(), []).append(SlotView(
            start_iso=date_rules.iso(placed.start) if schedule.zone else placed.start.strftime(
                "%Y-%m-%dT%H:%M"),
            start_text=date_rules.format_time(placed.start, clock),
            end_iso=(date_rules.iso(placed.end) if schedule.zone else
                     placed.end.strftime("%Y-%m-%dT%H:%M")) if placed.end else None,
            end_text=date_rules.format_time(placed.end, clock) if placed.end else None,
            title=slot.title,
            kind=placed.kind or (slot.kind.lower() if slot.kind else None),
            kind_class=(placed.kind or "other").replace(" ", "-"),
            speakers=placed.speakers,
            location=slot.location,
            url=slot.url,
            abstract_html=placed.abstract_html,
            parallel=slot.parallel,
        ))
    views = [DayView(iso, date_rules.format_weekday(date.fromisoformat(iso)), tuple(slots))
             for iso, slots in days.items()]
    zone = None
    if schedule.zone is not None and schedule.slots:
        zone = f"Times are in {schedule.zone.label}"
        if schedule.zone.key not in ("AoE", "UTC"):
            zone += f" ({date_rules.format_offset(schedule.slots[0].start)})"
        zone += "."
    return views, zone


def team_context(roster: str, cards: Sequence[Card], layout: str,
                 eager_count: int = 0) -> dict[str, Any]:
    return {"roster": roster, "cards": list(cards), "layout": layout,
            "eager_count": eager_count}


def error_summary(errors: Sequence[Any], src: str) -> str:
    """While serving: the page's errors at its top, since the build goes on without it."""
    mine = [str(e) for e in errors if e.page == src]
    if not mine:
        return ""
    items = Markup("").join(Markup("<li>{}</li>").format(text) for text in mine)
    return str(Markup(
        '<div class="admonition failure workshop-error"><p class="admonition-title">'
        "This page has {} problem(s) in its workshop data (mkdocs serve shows the page "
        "anyway; mkdocs build stops)</p><ul>{}</ul></div>\n").format(len(mine), items))


def error_block(message: str) -> str:
    """Shown in place of a macro's output while the build reports the problem."""
    return as_block(
        Markup('<div class="admonition failure workshop-error">'
               '<p class="admonition-title">Workshop data error</p><p>{}</p></div>').format(message)
    )
