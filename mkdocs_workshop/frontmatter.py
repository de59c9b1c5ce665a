"""Read a page's workshop data from its front matter, once, before any macro renders it.

:func:`read_page` validates the ``workshop:`` block, the ``dates:`` list and every roster the
page has or its macros name, and returns a :class:`PageData` with what can be shown and a list
of located problems. Nothing here needs a MkDocs build: the caller passes the front matter, the
Markdown source, and a function that finds a site file's URL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import yaml
from markupsafe import Markup
from mkdocs.utils.meta import YAML_RE
from pydantic import BaseModel, ValidationError

from . import dates as date_rules
from .markup import render_markdown
from .models import (
    DATE_FIELDS,
    PERSON_FIELDS,
    WORKSHOP_FIELDS,
    DateEntry,
    FieldIssue,
    Person,
    WorkshopInfo,
    to_when,
    to_zone,
)
from .people import AnchorAllocator, find_image, hue, initials
from .problems import Problems, did_you_mean
from .scan import MacroCall
from .timezones import Zone

# Front-matter keys that hold lists but are not rosters.
NOT_ROSTERS = frozenset({"dates", "schedule", "sponsors", "papers", "awards", "tags", "workshop"})

LAYOUTS = ("grid", "list")


@dataclass(frozen=True)
class Card:
    """A person as a card shows them."""

    index: int  # 1-based position in the roster
    person: Person
    anchor: str
    image_url: str | None
    initials: str
    hue: int
    bio_html: Markup | None


@dataclass
class PageData:
    """What a page's macros render, and what was wrong with it."""

    src: str
    problems: Problems
    workshop: WorkshopInfo | None = None
    rosters: dict[str, list[Card]] = field(default_factory=dict)
    dates: list[date_rules.DateItem] | None = None
    dates_zone: Zone | None = None
    keys: frozenset[str] = frozenset()  # the front matter's keys, as read
    roster_candidates: tuple[str, ...] = ()
    # Calls (name, roster, layout) whose problems were already reported when the page was read.
    reported_calls: set[tuple[str, str | None, str | None]] = field(default_factory=set)


def looks_like_roster(key: str, value: object) -> bool:
    """A list with at least one mapping that has a ``name`` is a roster (``speakers``, ...)."""
    return (
        key not in NOT_ROSTERS
        and isinstance(value, list)
        and any(isinstance(item, dict) and "name" in item for item in value)
    )


def front_matter_error(markdown: str, meta: Mapping[str, Any]) -> tuple[str, str] | None:
    """Why MkDocs ignored this page's front matter, if it did, and the fix.

    MkDocs drops front matter that is not valid YAML without a word and shows it as page text.
    """
    if meta:
        return None
    match = YAML_RE.match(markdown)
    if not match:
        return None
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        text = match.group(1)
        fix = "check the indentation and the quotes on that line."
        if "\t" in text:
            fix = "replace the tabs with spaces; YAML does not allow tabs for indentation."
        return f"the front matter is not valid YAML ({problem}{where}).", fix
    if data is None:
        return None
    return (
        f"the front matter is {type(data).__name__}, not a set of 'key: value' lines.",
        "write the front matter as 'key: value' lines between the two '---' lines.",
    )


# ---------------------------------------------------------------------------------------------
# Reporting pydantic errors in the organizer's words
# ---------------------------------------------------------------------------------------------


def _report(exc: ValidationError, problems: Problems, *, key: str, entry: int | None,
            label: str | None) -> None:
    for err in exc.errors():
        loc = [str(part) for part in err["loc"]]
        field_name = loc[0] if loc else None
        cause = (err.get("ctx") or {}).get("error")
        if isinstance(cause, FieldIssue):
            message, fix = cause.message, cause.fix
        elif err["type"] == "missing":
            message = "is missing."
            fix = f"add '{field_name}:' to the entry."
        else:
            message, fix = err["msg"] + ".", None
        problems.error(message, key=key, entry=entry, label=label, field=field_name, fix=fix)


def _unknown_fields(item: Mapping[Any, Any], known: Iterable[str], problems: Problems, *,
                    key: str, entry: int | None, label: str | None, kind: str) -> None:
    known = tuple(known)
    for name in item:
        if str(name) in known:
            continue
        close = did_you_mean(str(name), known)
        fix = f"did you mean '{close}'? " if close else ""
        problems.warn(
            f"is not a field of {kind}, so it is not shown.", key=key, entry=entry, label=label,
            field=str(name), fix=fix + "Known fields: " + ", ".join(known) + ".",
        )


def _validate(model: type[BaseModel], item: Mapping[Any, Any], problems: Problems, *,
              key: str, entry: int | None, label: str | None) -> Any:
    try:
        return model.model_validate({str(k): v for k, v in item.items()})
    except ValidationError as exc:
        _report(exc, problems, key=key, entry=entry, label=label)
        return None


def _label(item: Mapping[Any, Any], field_name: str) -> str | None:
    value = item.get(field_name)
    return value.strip() or None if isinstance(value, str) else None


# ---------------------------------------------------------------------------------------------
# The parts of a page
# ---------------------------------------------------------------------------------------------


def read_workshop(meta: Mapping[str, Any], problems: Problems) -> WorkshopInfo | None:
    value = meta.get("workshop")
    if value is None:
        return None
    if not isinstance(value, dict):
        problems.error(
            "should be a block of 'key: value' lines (venue, date, location, timezone).",
            key="workshop", fix="indent the lines under 'workshop:' by two spaces.",
        )
        return None
    _unknown_fields(value, WORKSHOP_FIELDS, problems, key="workshop", entry=None, label=None,
                    kind="the workshop block")
    info: WorkshopInfo | None = _validate(WorkshopInfo, value, problems, key="workshop",
                                          entry=None, label=None)
    return info


def read_roster(key: str, value: object, problems: Problems, anchors: AnchorAllocator, *,
                page_src: str, url_for: Callable[[str], str | None]) -> list[Card]:
    if value is None:
        return []
    if isinstance(value, dict):
        problems.error(
            "is a mapping, but a roster is a list of people.", key=key,
            fix="start each person with '- name: ...' under the roster's key.",
        )
        return []
    if not isinstance(value, list):
        problems.error(
            f"should be a list of people, not {type(value).__name__} '{value}'.", key=key,
            fix="write each person as '- name: ...' on its own line under the key.",
        )
        return []
    cards: list[Card] = []
    for index, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            shown = f"the text '{item}'" if isinstance(item, str) else f"a {type(item).__name__}"
            fix = f"write it as '- name: {item}'." if isinstance(item, str) else (
                "write the entry as '- name: ...' with its fields indented below it.")
            problems.error(f"is {shown}, not a person.", key=key, entry=index, fix=fix)
            continue
        label = _label(item, "name")
        _unknown_fields(item, PERSON_FIELDS, problems, key=key, entry=index, label=label,
                        kind="a person")
        if "aff" in item and "affiliation" in item:
            problems.warn(
                "has both 'aff' and 'affiliation'; only 'aff' is shown.", key=key, entry=index,
                label=label, field="affiliation", fix="keep one of the two.",
            )
        person: Person | None = _validate(Person, item, problems, key=key, entry=index,
                                          label=label)
        if person is None:
            continue
        cards.append(_card(index, person, key, problems, anchors, page_src, url_for))
    return cards


def _card(index: int, person: Person, key: str, problems: Problems, anchors: AnchorAllocator,
          page_src: str, url_for: Callable[[str], str | None]) -> Card:
    image_url = None
    if person.image:
        found = find_image(person.image, page_src, url_for)
        image_url = found.url
        if found.outside_docs:
            problems.error(
                f"'{person.image}' points outside the docs folder.", key=key, entry=index,
                label=person.name, field="image",
                fix="keep images inside the docs folder (for example docs/assets/images/).",
            )
        elif image_url is None:
            problems.warn(
                f"'{person.image}' was not found (looked for "
                + " and ".join(f"'{t}'" for t in found.tried)
                + " in the docs folder); the card shows initials instead.",
                key=key, entry=index, label=person.name, field="image",
                fix="add the file to the docs folder, correct the path, or remove 'image'.",
            )
    bio_html = None
    if person.bio:
        bio_html, issues = render_markdown(person.bio)
        for issue in issues:
            problems.error(issue.message, key=key, entry=index, label=person.name,
                           field="bio", fix=issue.fix)
    return Card(index, person, anchors.allocate(person.name), image_url, initials(person.name),
                hue(person.name), bio_html)


def read_dates(meta: Mapping[str, Any], problems: Problems, zone: Zone,
               workshop: WorkshopInfo | None) -> list[date_rules.DateItem] | None:
    value = meta.get("dates")
    if value is None:
        return None
    if not isinstance(value, list):
        problems.error(
            "should be a list of dates.", key="dates",
            fix="write each date as '- Paper Submission Deadline: 2024-05-16' on its own line.",
        )
        return None
    items: list[date_rules.DateItem] = []
    for index, item in enumerate(value, start=1):
        entry = _date_mapping(item)
        if entry is None:
            problems.error(
                f"is {'the text ' + repr(item) if isinstance(item, str) else repr(item)}, "
                "not a date.", key="dates", entry=index,
                fix="write '- Label: YYYY-MM-DD', or 'what:' with 'when:' (or 'start:'/'end:').",
            )
            continue
        label = _label(entry, "what")
        if _date_first(entry):
            problems.error(
                f"is written date first ('{entry['what']}: {entry['when']}').", key="dates",
                entry=index, fix=f"write the label first: '- {entry['when']}: {entry['what']}'.",
            )
            continue
        _unknown_fields(entry, DATE_FIELDS, problems, key="dates", entry=index, label=label,
                        kind="a date")
        parsed: DateEntry | None = _validate(DateEntry, entry, problems, key="dates",
                                             entry=index, label=label)
        if parsed is not None:
            items.append(date_rules.place(index, parsed, zone))
    date_rules.check(items, workshop, problems)
    return items


def _date_mapping(item: object) -> dict[str, Any] | None:
    """``{Label: 2024-04-08}`` and ``{Label: {start:.., end:..}}`` as ``{what: Label, ...}``."""
    if not isinstance(item, dict) or not item:
        return None
    if "what" in item or any(str(k) in DATE_FIELDS for k in item):
        return {str(k): v for k, v in item.items()}
    if len(item) != 1:
        return None
    ((label, value),) = item.items()
    if isinstance(value, dict):
        return {"what": label, **{str(k): v for k, v in value.items()}}
    return {"what": label, "when": value}


def _date_first(entry: Mapping[str, Any]) -> bool:
    """``- 2022-02-28: Submission Date``: YAML reads the date as the label."""
    if set(entry) != {"what", "when"} or not isinstance(entry["when"], str):
        return False
    what = entry["what"]
    if isinstance(what, (date, datetime)):
        return True
    try:
        return isinstance(what, str) and to_when(what) is not None
    except FieldIssue:
        return False


def read_zone(meta: Mapping[str, Any], problems: Problems, default: Zone) -> Zone:
    if meta.get("dates_timezone") is None:
        return default
    try:
        zone = to_zone(meta["dates_timezone"])
    except FieldIssue as issue:
        problems.error(issue.message, key="dates_timezone", fix=issue.fix)
        return default
    return zone or default


# ---------------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------------


def read_page(src: str, meta: Mapping[str, Any], calls: Iterable[MacroCall], *,
              default_zone: Zone, url_for: Callable[[str], str | None],
              markdown: str = "") -> PageData:
    """Validate everything on the page that the plugin's macros can show."""
    problems = Problems(src)
    data = PageData(src, problems, keys=frozenset(str(k) for k in meta))
    broken = front_matter_error(markdown, meta)
    if broken:
        problems.error(broken[0], fix=broken[1])
    data.workshop = read_workshop(meta, problems)
    data.dates_zone = read_zone(meta, problems, default_zone)
    data.dates = read_dates(meta, problems, data.dates_zone, data.workshop)

    calls = list(calls)
    wanted = [c.roster for c in calls if c.name == "team" and c.roster is not None]
    keys = [str(k) for k in meta]
    data.roster_candidates = tuple(
        k for k in keys if isinstance(meta[k], list) and k not in NOT_ROSTERS
    )
    anchors = AnchorAllocator()
    for key in keys:
        if key in wanted or looks_like_roster(key, meta[key]):
            data.rosters[key] = read_roster(key, meta[key], problems, anchors, page_src=src,
                                            url_for=url_for)
    for call in calls:
        check_call(call, data)
    return data


def call_problems(name: str, roster: str | None, layout: str | None,
                  data: PageData) -> list[tuple[str, str]]:
    """What is wrong with a macro call on this page, as (message, fix) pairs."""
    found: list[tuple[str, str]] = []
    if name == "team":
        if roster is not None and roster not in data.rosters and roster not in data.keys:
            close = did_you_mean(roster, data.roster_candidates)
            found.append((
                f"names the roster '{roster}', which this page does not have.",
                f"did you mean team(\"{close}\")? Roster names are case-sensitive."
                if close else "add the roster to the page's front matter, or correct its name.",
            ))
        if layout is not None and layout not in LAYOUTS:
            close = did_you_mean(layout, LAYOUTS)
            found.append((
                f"asks for layout '{layout}'.",
                (f"did you mean '{close}'? " if close else "")
                + "The layouts are " + " and ".join(f"'{x}'" for x in LAYOUTS) + ".",
            ))
    elif name == "dates" and "dates" not in data.keys:
        found.append(("is used, but the page has no 'dates:' list.",
                      "add a 'dates:' list to the front matter (see the front-matter reference), "
                      "or remove the call."))
    return found


def check_call(call: MacroCall, data: PageData) -> None:
    """Report what is wrong with a call found in the page body before it renders."""
    issues = call_problems(call.name, call.roster, call.layout, data)
    for message, fix in issues:
        data.problems.error(message, call=call.where, fix=fix)
    if issues:
        data.reported_calls.add((call.name, call.roster, call.layout))
    if not call.standalone:
        data.problems.warn(
            "shares its line with other text or is indented, so its HTML would come out "
            "mis-nested.", call=call.where,
            fix="put the call on a line of its own, at the start of the line, "
            "with a blank line before and after it.",
        )
