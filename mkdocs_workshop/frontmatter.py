"""Read a page's workshop data from its front matter, once, before any macro renders it.

:func:`read_page` validates the ``workshop:`` block, the ``dates:`` list and every roster the
page has or its macros name, and returns a :class:`PageData` with what can be shown and a list
of located problems. Nothing here needs a MkDocs build: the caller passes the front matter, the
Markdown source, and a function that finds a site file's URL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from mkdocs.utils.meta import YAML_RE

from . import dates as date_rules
from .checks import label_of, unknown_fields, validate
from .directory import Directory
from .models import (
    DATE_FIELDS,
    WORKSHOP_FIELDS,
    DateEntry,
    FieldIssue,
    WorkshopInfo,
    to_text,
    to_when,
    to_zone,
)
from .papers import FORMATS, PaperFile, PaperFiles
from .people import AnchorAllocator, ImageMaker
from .problems import Problem, Problems, brief, did_you_mean
from .rosters import NOT_ROSTERS, Card, RosterReader, looks_like_roster
from .safeload import load
from .scan import MacroCall
from .schedule import Schedule, read_schedule
from .sponsors import Tier, read_sponsors
from .timezones import Zone

LAYOUTS = ("grid", "list")
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!]")

# Macros that show a front-matter list, and the key of that list.
DATA_KEYS = {"dates": "dates", "schedule": "schedule", "sponsors": "sponsors"}


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
    reader: RosterReader | None = None  # for rosters a macro names that the scan did not see
    schedule: Schedule | None = None
    sponsors: list[Tier] | None = None
    papers: dict[str, PaperFile] = field(default_factory=dict)  # by the source a call names
    team_rendered: bool = False  # a team() of this page has been rendered
    calendar_files: dict[str, str] = field(default_factory=dict)  # "dates" -> site path (.ics)
    # Calls (name, roster, layout) whose problems were already reported when the page was read.
    reported_calls: set[tuple[str, str | None, str | None]] = field(default_factory=set)


# The empty front matter MkDocs is given in place of a block it cannot read safely.
EMPTY_FRONT_MATTER = "---\n{}\n---\n"


@dataclass
class FrontMatter:
    """A page's front matter as the plugin reads it (see :mod:`mkdocs_workshop.safeload`)."""

    meta: dict[str, Any]  # string keys only; {} when there is none or it cannot be read
    problems: list[Problem]
    hidden: tuple[Any, ...] = ()  # keys to keep from mkdocs-macros while it renders the page
    # MkDocs reads front matter with libyaml and no limits: a block it would fail on (a date
    # that does not exist), lose, or crash on (nesting 100,000 deep) is replaced, for MkDocs,
    # by an empty one, and the page's meta is set to ``mkdocs_meta`` instead.
    replace: bool = False
    mkdocs_meta: dict[Any, Any] = field(default_factory=dict)
    body_start: int = 0  # where the page's Markdown starts in its file
    # Values set in MkDocs' meta before other plugins see the page: a title that is not text
    # (title: 2024) would make mkdocs-macros and the theme fail on it.
    patch: dict[str, Any] = field(default_factory=dict)


def parse_front_matter(src: str, source: str) -> FrontMatter:
    """Read the front matter of the page ``src`` from its file's text, once."""
    problems = Problems(src)
    match = YAML_RE.match(source)
    if not match:
        return FrontMatter({}, [])
    loaded = load(match.group(1), first_line=2)
    front = FrontMatter({}, problems.items, body_start=match.end())
    if not loaded.ok:
        assert loaded.error is not None
        problems.error(f"the front matter {loaded.error[0]}", fix=loaded.error[1])
        front.replace = loaded.over_limit
        return front
    for key, first, second in loaded.duplicates:
        problems.warn(
            f"line {second}: '{key}' is written again (first at line {first}); YAML keeps "
            "only the last one, so what is under the first is lost.",
            fix=f"merge the two '{key}' into one, or rename one of them.",
        )
    data = loaded.data
    if data is None:
        return front
    if not isinstance(data, dict):
        problems.error(
            f"the front matter is {type(data).__name__}, not a set of 'key: value' lines.",
            fix="write the front matter as 'key: value' lines between the two '---' lines.",
        )
        return front
    hidden: list[Any] = []
    for key in data:
        if not isinstance(key, str):
            hidden.append(key)
            word = _yaml_word(key)
            problems.error(
                f"the front-matter key {word} is {_key_kind(key)}, not a name: mkdocs-macros "
                "makes every key a variable of the page, and cannot render it.",
                fix=f"put the key in quotes (\"{word}\":) or give it a name.",
            )
        elif key == "page":
            hidden.append(key)
            problems.error("mkdocs-macros gives each page the variable 'page' (the page "
                           "itself); a 'page:' key would replace it, and the page's macros "
                           "could not run.", key=key, fix="rename the key 'page'.")
        elif key == "ignore_macros":
            hidden.append(key)
            problems.error("mkdocs-macros refuses this key and stops the build with a "
                           "traceback.", key=key, fix="rename the key; to show the page "
                           "without rendering its macros, write 'render_macros: false'.")
    render = data.get("render_macros")
    if render is not None and not isinstance(render, bool):
        problems.warn("should be true or false; mkdocs-macros renders the page unless it is "
                      "false.", key="render_macros", fix="write render_macros: false "
                      "(without quotes) to show the page without rendering its macros.")
    title = data.get("title")
    if title is not None and not isinstance(title, str):
        front.patch["title"] = _title_text(title, problems)
    front.meta = {k: v for k, v in data.items() if isinstance(k, str)}
    front.hidden = tuple(hidden)
    if loaded.not_dates or loaded.not_numbers:  # MkDocs would drop the block, show it as text
        front.replace = True
        front.mkdocs_meta = dict(data)
    return front


def _title_text(title: object, problems: Problems) -> str:
    """A ``title:`` that YAML did not read as text, as the text the page shows."""
    if isinstance(title, (int, float, date)) and not isinstance(title, bool):
        text = title.isoformat() if isinstance(title, date) else str(title)
        if not isinstance(title, date):
            problems.warn(f"was read as the number {text}, so it may not show as written.",
                          key="title", fix=f'put the title in quotes: title: "{text}".')
        return text
    try:
        to_text(title)
    except FieldIssue as issue:
        problems.error(issue.message, key="title", fix=issue.fix)
    return brief(title)


def _key_kind(key: object) -> str:
    if key is None:
        return "empty"
    if isinstance(key, bool):
        return "a true/false value"
    if isinstance(key, (int, float)):
        return "a number"
    return f"a {type(key).__name__}"


def _yaml_word(key: object) -> str:
    """A key as YAML wrote it: true, null, 2024-05-16, 1.5."""
    if key is None:
        return "null"
    if isinstance(key, bool):
        return str(key).lower()
    if isinstance(key, date):
        return key.isoformat()
    return brief(key)


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
    unknown_fields(value, WORKSHOP_FIELDS, problems, key="workshop", entry=None, label=None,
                    kind="the workshop block")
    return validate(WorkshopInfo, value, problems, key="workshop", entry=None, label=None)


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
                f"is {'the text ' if isinstance(item, str) else ''}{brief(item)}, "
                "not a date.", key="dates", entry=index,
                fix="write '- Label: YYYY-MM-DD', or 'what:' with 'when:' (or 'start:'/'end:').",
            )
            continue
        label = label_of(entry, "what")
        if _date_first(entry):
            problems.error(
                f"is written date first ('{entry['what']}: {entry['when']}').", key="dates",
                entry=index, fix=f"write the label first: '- {entry['when']}: {entry['what']}'.",
            )
            continue
        unknown_fields(entry, DATE_FIELDS, problems, key="dates", entry=index, label=label,
                        kind="a date")
        parsed = validate(DateEntry, entry, problems, key="dates", entry=index, label=label)
        if parsed is not None:
            items.append(date_rules.place(index, parsed, zone, problems))
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
              directory: Directory | None = None, papers: PaperFiles | None = None,
              images: ImageMaker | None = None,
              front_problems: Iterable[Problem] = ()) -> PageData:
    """Validate everything on the page that the plugin's macros can show.

    ``meta`` is the front matter as :func:`parse_front_matter` read it, and
    ``front_problems`` what it found wrong with the block itself.
    """
    problems = Problems(src, list(front_problems))
    meta = {k: v for k, v in meta.items() if isinstance(k, str)}
    data = PageData(src, problems, keys=frozenset(meta))
    title = meta.get("title")
    if isinstance(title, str) and _MARKUP.search(title):
        problems.warn(
            "contains HTML markup, and MkDocs and Material show a page title as HTML: it "
            "would become part of the page.", key="title",
            fix="remove the tags, or write &lt; for a '<' that should show.",
        )
    data.workshop = read_workshop(meta, problems)
    data.dates_zone = read_zone(meta, problems, default_zone)
    data.dates = read_dates(meta, problems, data.dates_zone, data.workshop)

    calls = list(calls)
    wanted = [c.arg for c in calls if c.name == "team" and c.arg is not None]
    keys = list(meta)
    data.roster_candidates = tuple(
        k for k in keys if isinstance(meta[k], list) and k not in NOT_ROSTERS
    )
    reader = RosterReader(src, problems, url_for, directory or Directory("people.yml"),
                          AnchorAllocator(), images)
    for key in keys:
        if key in wanted or looks_like_roster(key, meta[key]):
            data.rosters[key] = reader.read(key, meta[key])
    data.reader = reader
    data.schedule = read_schedule(meta, problems, data.workshop, data.rosters, wanted,
                                  reader.directory)
    data.sponsors = read_sponsors(meta, problems, src, url_for, images)
    for call in calls:
        if call.name in ("papers", "awards") and call.arg is not None and papers is not None \
                and load_papers(data, call.arg, papers, call.where) is None:
            data.reported_calls.add((call.name, call.arg, None))
        check_call(call, data)
    return data


def load_papers(data: PageData, source: str, files: PaperFiles, call: str) -> PaperFile | None:
    """The papers file a call names, read once per build; its problems are the page's too."""
    if source in data.papers:
        return data.papers[source]
    suffix = source.rsplit(".", 1)[-1].lower() if "." in source else ""
    if f".{suffix}" not in FORMATS:
        data.problems.error(
            f"'{source}' is not a file type papers() reads.", call=call,
            fix="use a .yml, .yaml, .json (also OpenReview's) or .csv file.")
        return None
    found, tried = files.locate(source, data.src)
    if found is None:
        if not tried:
            data.problems.error(f"'{source}' points outside the docs folder.", call=call,
                                fix="keep the papers file inside the docs folder.")
        else:
            data.problems.error(
                f"the file '{source}' was not found (looked for "
                + " and ".join(f"'{t}'" for t in tried) + " in the docs folder).", call=call,
                fix="put the file next to the page or in the docs folder, or correct its name.")
        return None
    paper_file, first = files.get(found)
    if first and paper_file.problems is not None:
        data.problems.items.extend(paper_file.problems.items)
        if paper_file.left_out:
            data.problems.note(
                f"{paper_file.left_out} rejected or withdrawn entr"
                f"{'y is' if paper_file.left_out == 1 else 'ies are'} left out of the page.",
                call=f"{found}",
            )
    data.papers[source] = paper_file
    return paper_file


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
    elif name in DATA_KEYS and DATA_KEYS[name] not in data.keys:
        key = DATA_KEYS[name]
        found.append((f"is used, but the page has no '{key}:' list.",
                      f"add a '{key}:' list to the front matter (see the reference of "
                      f"{name}()), or remove the call."))
    return found


def check_call(call: MacroCall, data: PageData) -> None:
    """Report what is wrong with a call found in the page body before it renders."""
    issues = call_problems(call.name, call.arg, call.layout, data)
    for message, fix in issues:
        data.problems.error(message, call=call.where, fix=fix)
    if issues:
        data.reported_calls.add((call.name, call.arg, call.layout))
    if not call.standalone:
        data.problems.warn(
            "shares its line with other text or is indented, so its HTML would come out "
            "mis-nested.", call=call.where,
            fix="put the call on a line of its own, at the start of the line, "
            "with a blank line before and after it.",
        )
