"""The loops of a page over the site's lists, and the macro calls that show them instead.

Liquid is evaluated (:mod:`.liquid`): each loop over a list the site holds (a ``_data`` file
or a list in one, the page's front matter, a list of ``_config.yml``, a collection) is
rendered item by item, so that what the loop showed is known, whatever its includes,
parameters, filters (``where``, ``sort``), conditions (``{% unless p.is_advisor %}``) and
limits (``limit: 7``, ``forloop.index``) did. A loop over people, a program, papers, dates or
sponsors becomes the macro of what it shows, with exactly the items it showed: ``team()`` (the
layout from what the loop drew: pictures give cards, list items a list of names), ``schedule()``,
``papers()`` (a papers file written into the new site), ``dates()``, ``sponsors()``. A
picture or a link the loop drew for an item (``<img src="{{ site.baseurl }}/img/{{ p.photo
}}">``) is the item's, when its data names none that exists. Loops over anything else are
rendered as Jekyll renders them. Nothing here becomes live Jinja or HTML: values are plain
strings, which the plugin escapes when it renders them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import BaseModel

from ...core.imagerefs import is_web_address
from ...features import NOT_ROSTERS, is_roster
from ...features.papers import Paper
from ...features.schedule import Slot
from ...features.sponsors import Sponsor
from ...features.team import LAYOUT_OMITS, Person
from ..common.escape import html_text, one_line
from ..common.fit import fit_entry
from ..common.freedates import DateLine, days_in, parse_date_line, parse_free_date, pending_line
from ..common.recognize import (
    clock_minutes,
    day_before,
    each_once,
    nth_day,
    plain,
    tab_day,
)
from .datafiles import (
    DOCUMENT_OWN,
    DataFile,
    SiteData,
    date_line,
    name_as_shown,
    person,
    read_as,
    rows,
    slot_titles,
    sponsor,
)
from .frontmatter import CONTROL_KEYS, HTML_KEYS
from .liquid import WORD, Loop, Origin

if TYPE_CHECKING:
    from .scholar import Scholar

PAPERS_FOLDER = "data"  # docs/data/<name>.yml: the papers files the import writes


@dataclass
class Written:
    """The papers files the import writes (docs-relative path -> YAML), once per file."""
    files: dict[str, str] = field(default_factory=dict)


# Front-matter keys a data file's roster must not take: keys the theme, MkDocs or
# mkdocs-macros act on (a people file named _data/description.yml or _data/page.yml), and keys
# a feature of the plugin reads (_data/workshop.yml).
RESERVED_KEYS = frozenset({*CONTROL_KEYS, *HTML_KEYS, *NOT_ROSTERS, "page", "layout",
                           "permalink", "true", "false", "yes", "no", "on", "off", "null"})


def roster_key(name: str) -> str:
    """The front-matter key for a data file's roster (``program_committee`` stays; a name the
    theme or a plugin reads, or one that starts with a digit, gains ``data_``)."""
    key = re.sub(r"[^A-Za-z0-9_]", "_", name)
    if not key or key[0].isdigit() or key.lower() in RESERVED_KEYS:
        return f"data_{key}"
    return key


def _file_name(name: str) -> str:
    """A data file's name as a file name of the new site (``people.team`` -> people-team)."""
    return re.sub(r"[^A-Za-z0-9_-]", "-", name)


def _with_image(entry: dict[str, Any], key: str,
                rewrite: Callable[[str], str | None]) -> dict[str, Any]:
    """The entry with its image copied into the new site (a missing one stays as written:
    the importer reports it, and a card shows initials)."""
    if key not in entry:
        return entry
    copied = rewrite(str(entry[key]))
    return {**entry, key: copied} if copied else entry


def papers_yaml(data: DataFile, papers: list[dict[str, Any]]) -> str:
    """A papers file of the new site: the source's papers in the fields papers() reads."""
    # a comment of one line: a file's name may hold a line break, which would end it
    head = (f"# The papers of {one_line(data.source)[:200]}, written by mkdocs-workshop "
            "import-jekyll.\n"
            "# Fields: title, authors, abstract, forum (OpenReview), pdf, url, decision, award;\n"
            "# other fields are kept for papers(..., group_by=\"field\").\n")
    return head + yaml.safe_dump(papers, allow_unicode=True, sort_keys=False, width=100)


def _unread(data: DataFile) -> str:
    """The slots whose time could not be read, as text under the schedule: kept, not lost.
    HTML, so that it shows as a list inside the HTML block a loop often sat in."""
    if not data.unread_slots:
        return ""
    items = "".join(f"<li>{html_text(when) or '(no time)'}: {html_text(title)}</li>\n"
                    for when, title in data.unread_slots)
    return ("\n\n<p>Also on the programme (times as the source wrote them):</p>\n"
            f"<ul>\n{items}</ul>\n\n")


def _rows_not_held(loop: Loop, slots: list[dict[str, Any]]) -> list[str]:
    """The rows (table rows, list items, paragraphs) a program's loop rendered whose words
    its slots mostly do not hold: what it looked up in other lists (a session's posters,
    picked by a field of theirs), kept as text rather than lost."""
    held = frozenset(WORD.findall(yaml.safe_dump(slots, allow_unicode=True).casefold()))
    out: list[str] = []
    for chunk in loop.chunks:
        for piece in _ROW_START.split(chunk):
            words = WORD.findall(plain(piece).casefold())
            if sum(1 for w in words if not w.isdigit()) < _ROW_WORDS:
                continue
            if 2 * sum(1 for w in words if w in held) < len(words):
                cells = (" ".join(plain(cell).split()) for cell in _CELL_START.split(piece))
                out.append(" \u2014 ".join(cell for cell in cells if cell))
    return out[:_ROWS_KEPT]


_ROW_START = re.compile(r"<(?:tr|li|p|h[1-6]|dt|dd)\b[^<>]{0,500}>", re.I)
_CELL_START = re.compile(r"<t[dh]\b[^<>]{0,500}>", re.I)
_ROW_WORDS = 3  # a row of fewer words (a time, a day) says nothing a slot misses
_ROWS_KEPT = 2000


def _as_lines(rows: list[str]) -> str:
    """Rows as an HTML list of text."""
    if not rows:
        return ""
    items = "".join(f"<li>{html_text(row)}</li>\n" for row in rows)
    return f"\n\n<p>Also shown with the programme:</p>\n<ul>\n{items}</ul>\n\n"


def _as_text(data: DataFile) -> str:
    """Slots as an HTML list of text (time, title, speakers), a heading per day as the source
    wrote it."""
    parts = []
    for n, entry in enumerate(data.entries):
        if n in data.day_labels:
            parts.append(("</ul>\n" if n else "")
                         + f"<p><strong>{html_text(data.day_labels[n])}</strong></p>\n<ul>\n")
        elif n == 0:
            parts.append("<ul>\n")
        when = entry["start"] + (f" - {entry['end']}" if "end" in entry else "")
        who = ", ".join(entry.get("speakers", []))
        parts.append(f"<li>{html_text(when)}: {html_text(entry['title'])}"
                     + (f" ({html_text(who)})" if who else "") + "</li>\n")
    return "".join(parts) + "</ul>\n\n"


def directory_yaml(site: SiteData) -> str:
    """The people directory of the new site: each person of several data files once."""
    head = ("# The people of several _data files, each once, written by mkdocs-workshop "
            "import-jekyll.\n# Rosters name them by id; fields written beside the id replace "
            "these for that page.\n")
    return head + yaml.safe_dump(site.directory, allow_unicode=True, sort_keys=False, width=100)


# ---------------------------------------------------------------------------------------------
# Loops over the site's lists (rendered by .liquid)
# ---------------------------------------------------------------------------------------------

_IMG = re.compile(r"""<img\b[^<>]*?\bsrc\s*=\s*["']([^"'<>]+)["']""", re.I)
_HREF = re.compile(r"""<a\b[^<>]*?\bhref\s*=\s*["'](https?://[^"'<>]+)["']""", re.I)
_ITEM = re.compile(r"<li\b|^\s*[-*+]\s", re.I | re.M)
# A roster key a macro call may name: letters and digits of any script, _, space and -.
PLAIN_NAME = re.compile(r"[\w \-]{1,100}")
# What a visitor does not see: a comment, and a script or a style (a loop there writes code:
# "if ('{{ day.date }}' == s)" to scroll to today's slot)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style)\b[^<>]*>.*?(?:</\1\s*>|\Z)",
                      re.S | re.I)
_BETWEEN = re.compile(r"(?:\s|<[^<>]*>)*")  # only tags and space: two loops side by side
PAGE_MACROS = {"dates": "<< dates() >>", "schedule": "<< schedule() >>",
               "sponsors": "<< sponsors() >>"}


@dataclass
class Lists:
    """The lists of a site a page may loop over, as the importer reads them: its ``_data``
    files, ``_config.yml``'s lists and its collections (each read as a data file would be)."""

    site: SiteData
    config: dict[str, DataFile] = field(default_factory=dict)
    collections: dict[str, DataFile] = field(default_factory=dict)
    scholar: Scholar | None = None  # jekyll-scholar's bibliographies

    def file_of(self, origin: Origin) -> DataFile | None:
        """The file a loop's list is (or is part of), if the import shows its kind."""
        if origin.kind == "config":
            found = self.config.get(origin.name)
        elif origin.kind == "collection":
            found = self.collections.get(origin.name)
        elif origin.kind == "bibliography":
            found = self.scholar.papers_file(origin.name) if self.scholar else None
        elif origin.kind == "data":  # the longest name a file has: "2026.papers.accepted"
            names = [origin.name]
            for part in origin.path:
                if not isinstance(part, str):
                    break
                names.append(f"{names[-1]}.{part}")
            found = next((self.site.files[n] for n in reversed(names)
                          if n in self.site.files), None)
        else:
            return None
        return found if found is not None and found.kind in SHOWN else None

    def wants(self, loop: Loop, meta: dict[Any, Any]) -> bool:
        """Whether the import shows the loop's list with a macro."""
        if loop.origin.kind == "page":
            key = loop.origin.name
            return not loop.origin.path and key in meta and PLAIN_NAME.fullmatch(key) is not None \
                and (key in PAGE_MACROS or is_roster(key, meta[key]))
        return self.file_of(loop.origin) is not None


SHOWN = ("people", "schedule", "papers", "sponsors", "dates")


@dataclass
class PageLoops:
    """What a page's loops became: its new front-matter keys, and the report."""

    additions: dict[str, Any] = field(default_factory=dict)
    used: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # the data files shown
    dates: list[tuple[str, DateLine]] = field(default_factory=list)  # from a dates file
    # its entries whose day is not known yet: (how many of ``dates`` before, label, words)
    pending: list[tuple[int, str, str]] = field(default_factory=list)
    program_source: str = ""  # the data file the page's program came from, when one did


def use_loops(text: str, loops: list[Loop], marker: re.Pattern[str], meta: dict[Any, Any],
              lists: Lists, rewrite_image: Callable[[str], str | None],
              image_exists: Callable[[str], bool], written: Written,
              site_day: date | None = None,
              file_link: Callable[[str], str | None] | None = None
              ) -> tuple[str, PageLoops, Callable[[str], str]]:
    """``text`` (a rendered page) with each loop's marker standing for its macro call, what
    the loops add to the front matter and say in the report, and the function that turns the
    markers into the calls once the text is converted. Two loops over one list side by side
    (the rows of a grid of cards) are one call."""
    page = PageLoops()
    calls: dict[int, str] = {}
    keys: dict[str, list[int]] = {}  # a list's roster key -> the loops that filled it
    previous: tuple[int, str, int] | None = None  # (loop, key, where its marker ends)
    hidden = [m.span() for m in _COMMENT.finditer(text)]
    same: dict[tuple[Any, ...], str] = {}  # (list, items shown, layout) -> its call
    # Of loops over one program or sponsors file (talks' pop-ups, then the table), the one
    # that shows the most of it is the page's program; the others stay as rendered.
    widest: dict[Any, Loop] = {}
    for found in marker.finditer(text):
        loop = loops[int(found.group(1))]
        best = widest.get(loop.origin)
        if any(start < found.start() < end for start, end in hidden):
            continue  # inside an HTML comment or a script: shown by none
        # the most entries; of as many, the one that shows most of them (the day tabs of a
        # program before its grid: the grid)
        if best is None or (len(loop.items), len(loop.seen()[0])) > (len(best.items),
                                                                     len(best.seen()[0])):
            widest[loop.origin] = loop
    for found in marker.finditer(text):
        loop = loops[int(found.group(1))]
        if any(start < found.start() < end for start, end in hidden):
            calls[loop.number] = ""  # in a comment or a script: the source shows none of it
            previous = None
            continue
        if loop.origin.kind == "page":
            calls[loop.number] = _page_call(loop, meta, page)
            previous = None
            continue
        data = lists.file_of(loop.origin)
        if data is None:  # the rendering wanted it: cannot happen
            calls[loop.number] = ""
            continue
        key = roster_key(data.name) if data.kind == "people" else data.kind
        if not loop.items:  # a speaker's page going through every talk: none is theirs
            calls[loop.number] = AsRendered("".join(loop.chunks))
            page.used.append(f"a loop over {data.source} shows none of its entries here (a "
                             "condition leaves each out): nothing to show, as in the source")
            previous = None
            continue
        if data.kind == "schedule" and widest[loop.origin] is not loop and _day_tabs(loop):
            calls[loop.number] = ""  # its targets were the source's grid, which is not kept
            page.used.append(f"a loop over {data.source} drawing links to the days of its "
                             "program (tabs) left out: the program the page shows has its "
                             "days")
            previous = None
            continue
        if data.kind in ("schedule", "sponsors") and widest[loop.origin] is not loop:
            calls[loop.number] = AsRendered("\n\n" + "".join(loop.chunks) + "\n\n")
            page.used.append(f"a loop over {data.source} showing {len(loop.items)} of its "
                             "entries kept as the source rendered it: another loop over it "
                             f"shows {len(widest[loop.origin].items)}, the page's {key}")
            previous = None
            continue
        shown = (loop.origin, tuple(loop.indexes), _layout(loop))
        if data.kind == "people" and shown in same:  # the same people again: the same call
            calls[loop.number] = same[shown]
            page.used.append(f"a loop over {data.source} showing the same people again -> "
                             + same[shown].strip())
            previous = None
            continue
        adjacent = (previous is not None and _BETWEEN.fullmatch(
            text, previous[2], found.start()) is not None)
        if adjacent and previous is not None and previous[1] == key and data.kind == "people":
            before = len(page.additions[key])
            page.additions[key], again = each_once([
                *page.additions[key],
                *_fitted(Person, _people(loop, data, lists, rewrite_image, image_exists),
                         f"a loop over {data.source}", page)])
            page.used.append(f"a loop over {data.source} beside the one before: its "
                             f"{len(page.additions[key]) - before} people join the same "
                             f"team() call{_again(again)}")
            calls[loop.number] = ""
            previous = (loop.number, key, found.end())
            continue
        if data.kind == "people" and (key in page.additions or key in meta):
            number = len(keys.get(key, [])) + 1
            while f"{key}_{number}" in page.additions or f"{key}_{number}" in meta:
                number += 1
            key = f"{key}_{number}"
        keys.setdefault(key, []).append(loop.number)
        # the day a tab names whose pane the loop is in; else "Day 2: May 20" over the loop
        named = (tab_day(text, found.start(), page_year(meta))
                 or day_before(text, found.start(), page_year(meta))) \
            if data.kind == "schedule" else None
        hint = (page_day(meta) or named or site_day if data.kind == "schedule"
                else page_day(meta) or site_day if data.kind == "dates" else None)
        calls[loop.number] = _data_call(loop, data, key, meta, page, lists, rewrite_image,
                                        image_exists, written, hint, file_link, named)
        if data.kind == "people" and len(loop.indexes) == len(loop.items):
            same[shown] = calls[loop.number]
        # a list the next loop beside it may join (not one kept as the source rendered it)
        previous = (loop.number, key, found.end()) if key in page.additions else None

    # What the source rendered goes back into the text before the importer converts it (its
    # template syntax kept as text there); only the macro calls are put in after.
    # A call is on a line of its own: text beside it ({# a #}) is kept as text apart from it.
    text = marker.sub(lambda m: calls[int(m.group(1))]
                      if isinstance(calls.get(int(m.group(1))), AsRendered)
                      else f"\n\n{m.group(0)}\n\n" if calls.get(int(m.group(1))) else "",
                      text)

    def finish(converted: str) -> str:
        return marker.sub(lambda m: calls.get(int(m.group(1)), ""), converted)

    return text, page, finish


class AsRendered(str):
    """A loop's output as the source rendered it (not a macro call): text of the source."""


def _page_call(loop: Loop, meta: dict[Any, Any], page: PageLoops) -> str:
    """The macro of a loop over a list of the page's own front matter."""
    key = loop.origin.name
    value = meta.get(key)
    total = len(value) if isinstance(value, list) else len(loop.items)
    if key in PAGE_MACROS:
        page.used.append(f"a loop over the page's '{key}' -> {PAGE_MACROS[key]}")
        return f"\n\n{PAGE_MACROS[key]}\n\n"
    layout = _layout(loop, [e for e in value if isinstance(e, dict)]
                     if isinstance(value, list) else None)
    call = f'<< team("{key}"{", " + repr(layout).replace(chr(39), chr(34)) if layout else ""}) >>'
    shown = len(loop.items)
    page.used.append(f"a loop over the page's '{key}' -> {call}"
                     + (f"; the source showed {shown} of its {total}: all are shown, delete "
                        "those that do not belong here" if shown < total else ""))
    return f"\n\n{call}\n\n"


_LOOKED_AT = 20  # the people whose fields are looked for in what the loop showed


def _layout(loop: Loop, people: list[dict[str, Any]] | None = None) -> str | None:
    """The team() layout for what the loop drew: None (cards) when it showed pictures, the
    list of names when list items, the compact cards otherwise; the cards when no template
    of the site drew it. A layout that would leave out what the loop showed of ``people``
    (a talk's title, an abstract: "1. Nonlinear Dynamics ..." over each name) gives way to
    the list, which shows all of a person."""
    if not loop.drawn:
        return None
    drawn = "".join(loop.chunks)
    if "<img" in drawn.lower():
        return None
    layout = "names" if _ITEM.search(drawn) else "compact"
    shown = " ".join(plain(drawn).split())
    for entry in (people or [])[:_LOOKED_AT]:  # one template drew them all
        for name in LAYOUT_OMITS[layout]:
            value = " ".join(plain(str(entry.get(name) or "")).split())[:60]
            if value and value in shown:
                return "list"
    return layout


def _data_call(loop: Loop, data: DataFile, key: str, meta: dict[Any, Any], page: PageLoops,
               lists: Lists, rewrite_image: Callable[[str], str | None],
               image_exists: Callable[[str], bool], written: Written,
               day: date | None = None,
               file_link: Callable[[str], str | None] | None = None,
               named: date | None = None) -> str:
    """The macro of a loop over a data file (or a list of _config.yml, a collection), with
    what it adds to the page; ``day``: the workshop's, as the page states it, for a schedule
    whose slots name none; ``file_link``: a file of the site (a paper's PDF) copied into
    the new site, by its docs path; ``named``: the day the page names just before the
    loop ("Day 2: May 20"), of a second loop over a program's file."""
    shown = len(loop.items)
    what = (f"a loop over {data.source}" + (f" (its list '{data.name.split('.', 1)[1]}')"
                                            if "." in data.name else ""))
    subset = (f"; {loop.hidden} of the entries it went through showed nothing in the source "
              "(a condition), and are left out" if loop.hidden else "")
    page.names.append(data.name)
    if data.kind == "papers":
        made = _subset(loop, data)
        made.entries = [_with_file(entry, file_link) for entry in
                        _fitted(Paper, made.entries, what, page)]
        path = f"{PAPERS_FOLDER}/{_file_name(data.name)}"
        path += f"-{loop.number + 1}.yml" if path + ".yml" in written.files and \
            written.files[path + ".yml"] != papers_yaml(made, made.entries) else ".yml"
        written.files.setdefault(path, papers_yaml(made, made.entries))
        grouping = f', group_by="{made.group_by}"' if made.group_by else ""
        call = f'<< papers("{path}"{grouping}) >>'
        count = len(made.entries)
        page.used.append(f"{what} -> {call} ({count} paper{'' if count == 1 else 's'}, written to "
                         f"docs/{path}){subset}")
        return f"\n\n{call}\n\n"
    if data.kind == "dates":
        if "dates" in meta or page.dates:
            page.used.append(f"{what} kept as the source rendered it: the page has its dates")
            return AsRendered("\n\n" + "".join(loop.chunks) + "\n\n")
        year = page_year(meta) or (day.year if day else None)
        lines = [line for line in (date_line(_raw(item)) for item in loop.items) if line]
        parsed = [(line, _before_the_day(line, parse_date_line(line, year), day))
                  for line in lines]
        read = [(line, found) for line, found in parsed if found is not None]
        if not read or len(read) * 2 < len(parsed):
            page.used.append(f"{what} -> its dates as the source rendered them: most are not "
                             "dates I can read")
            return AsRendered("\n\n" + "".join(loop.chunks) + "\n\n")
        waiting: list[str] = []  # this loop's entries with no day yet
        unread: list[str] = []
        for line, found in parsed:
            if found is not None:
                page.dates.append((line, found))
            elif (said := pending_line(line)) is not None:  # "Workshop date: TBC, 2024"
                page.pending.append((len(page.dates), *said))
                waiting.append(f"{said[0]}: {said[1]}")
            else:
                unread.append(line)
        page.used.append(f"{what} -> << dates() >> ({len(read)} dates){subset}"
                         + (f"; with no day yet: {'; '.join(waiting)[:200]}" if waiting
                            else "")
                         + (f"; kept as text under it: {'; '.join(unread)[:200]}" if unread
                            else ""))
        return "\n\n<< dates() >>\n\n" + "".join(f"- {html_text(u)}\n" for u in unread)
    if data.kind == "schedule" and key not in meta and key in page.additions and \
            page.program_source == data.source:
        # "day1.sessions", then "day2.sessions": one program, its second day after its first
        joined = _later_day(loop, data, page, page_year(meta) or (day.year if day else None),
                            named)
        if joined is not None:
            _mend_ends(joined, what, page)
            page.additions["schedule"] += _fitted(Slot, joined.entries, what, page)
            page.used.append(f"{what} -> the page's program, after the days before it "
                             f"({len(joined.entries)} slots from {joined.entries[0]['day']})"
                             f"{subset}")
            return "\n\n" + _unread(joined)
    if data.kind in ("schedule", "sponsors") and (key in meta or key in page.additions):
        page.used.append(f"{what} kept as the source rendered it: the page already has "
                         f"'{key}:'")
        return AsRendered("\n\n" + "".join(loop.chunks) + "\n\n")
    if data.kind == "schedule":
        made = _subset(loop, data, page_year(meta) or (day.year if day else None))
        if not _lists_titles(loop, made, or_times=True) and not loop.in_part:
            page.used.append(f"{what} kept as the source rendered it: it shows few of its "
                             "slots' titles (it looks slots up, as for a talk's time; it does "
                             "not list them)")
            return AsRendered("\n\n" + "".join(loop.chunks) + "\n\n")
        unshown = _shown_only(loop, made) if _lists_titles(loop, made) else 0
        if unshown:  # a room's page going through the whole program for its own talks
            subset += (f"; {unshown} of its slots are not shown there in the source (a "
                       "condition) and are left out")
        workshop = meta.get("workshop")
        dated = isinstance(workshop, dict) and "date" in workshop
        if made.entries and not dated and "day" not in made.entries[0] and day is not None:
            made.entries[0] = {"day": day.isoformat(), **made.entries[0]}
        for index, label in made.day_labels.items():  # "Day 2": the workshop's second day
            numbered = nth_day(label, day) if index and "day" not in made.entries[index] \
                else None
            if numbered is not None:
                made.entries[index] = {"day": numbered.isoformat(), **made.entries[index]}
        # no day anywhere, times in order: one day's program, its day to be announced
        undated = not dated and bool(made.entries) and len(made.day_labels) <= 1 and \
            _one_day(made.entries)
        if not made.entries or (not dated and "day" not in made.entries[0] and not undated):
            page.used.append(f"{what} -> its {shown} slots as the source rendered them: "
                             f"{data.source} gives no day with a year")
            return AsRendered("\n\n" + "".join(loop.chunks) + "\n\n")
        _mend_ends(made, what, page)
        page.additions["schedule"] = _fitted(Slot, made.entries, what, page)
        page.program_source = data.source
        rest = _rows_not_held(loop, page.additions["schedule"])
        page.used.append(f"{what} -> << schedule() >> ({len(made.entries)} slots"
                         f"{_NO_DAY if undated else ''}){subset}"
                         + (f"; {len(rest)} lines it showed that its slots do not hold (other "
                            "lists it looked up) kept as text under it" if rest else ""))
        return "\n\n<< schedule() >>\n\n" + _unread(made) + _as_lines(rest)
    if data.kind == "sponsors":
        value = _fitted(Sponsor, _sponsors(loop, data, rewrite_image, image_exists), what, page)
        page.additions["sponsors"] = value
        page.used.append(f"{what} -> << sponsors() >> ({len(value)} sponsors){subset}")
        return "\n\n<< sponsors() >>\n\n"
    people, again = each_once(_fitted(Person, _people(loop, data, lists, rewrite_image,
                                                  image_exists), what, page))
    if not people:  # its entries are no persons (pairs of a mapping that looks them up)
        page.used.append(f"{what} kept as the source rendered it: none of the {shown} entries "
                         "it shows is a person with a name")
        return AsRendered("\n\n" + "".join(loop.chunks) + "\n\n")
    subset += _again(again)
    page.additions[key] = people
    layout = _layout(loop, people)
    call = f'<< team("{key}"' + (f', "{layout}"' if layout else "") + ") >>"
    unpictured = "" if layout is None else \
        "; the source shows no pictures here, so neither does the import"
    page.used.append(f"{what} -> {call} ({len(people)} people){subset}{unpictured}")
    return f"\n\n{call}\n\n"


def _before_the_day(line: str, found: DateLine | None, day: date | None) -> DateLine | None:
    """A date line without a year ("Abstract deadline: Dec 18") read in the workshop's year
    falling months after the workshop's ``day`` (in May): of the year before."""
    if found is None or day is None or _A_YEAR.search(line) or \
            found.date.first <= day + timedelta(days=_AFTER_DAYS):
        return found
    again = parse_date_line(line, day.year - 1)
    return again if again is not None else found


_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_AFTER_DAYS = 92  # a date this long after the workshop, written without a year, is before it


def _later_day(loop: Loop, data: DataFile, page: PageLoops, year: int | None,
               named: date | None) -> DataFile | None:
    """The slots of a second loop over the file the page's program came from, when they
    are other days' (their first slot gives a day, or the page names one just before the
    loop, after the program's last): they join the program. None when they cannot be told
    apart from it."""
    made = _subset(loop, data, year)
    if not made.entries or not _lists_titles(loop, made, or_times=True):
        return None
    _shown_only(loop, made)
    if made.entries and "day" not in made.entries[0] and named is not None:
        made.entries[0] = {"day": named.isoformat(), **made.entries[0]}
    days = [str(slot["day"]) for slot in page.additions["schedule"] if slot.get("day")]
    first = made.entries[0].get("day") if made.entries else None
    if not days or not isinstance(first, str) or first <= max(days):
        return None
    return made


_NO_DAY = "; no day: shown under 'Day to be announced' until the workshop block has its 'date:'"


_ANCHOR_LINK = re.compile(r"<a\b[^<>]{0,500}?\bhref\s*=\s*[\"']#[^\"'<>]{0,200}[\"'][^<>]{0,500}>"
                          r".{0,500}?</a\s*>", re.I | re.S)


def _day_tabs(loop: Loop) -> bool:
    """Whether the loop draws only links to places of the page ("<a href="#tuesday">
    Tuesday</a>", the tabs of a program's days)."""
    drawn = "".join(loop.chunks)
    return _ANCHOR_LINK.search(drawn) is not None and not plain(_ANCHOR_LINK.sub(" ", drawn))


def _shown_only(loop: Loop, made: DataFile) -> int:
    """``made`` keeping only the slots whose titles the loop rendered (each day's first slot
    kept given its day, each day's label kept at its first slot shown); how many it left out."""
    shown = loop.seen()[1]
    entries: list[dict[str, Any]] = []
    labels: dict[int, str] = {}
    day = last_day = label = None
    raw: list[Any] = made.raw if len(made.raw) == len(made.entries) else made.entries
    kept_raw: list[Any] = []
    for index, (entry, written) in enumerate(zip(made.entries, raw, strict=True)):
        label = made.day_labels.get(index, label)
        day = entry.get("day", day)
        titles = slot_titles(written) or [entry["title"]]
        seen = next((title for title in titles if _shown_in(title, shown)), None)
        if seen is None:
            continue
        kept = {k: v for k, v in entry.items() if k != "day"}
        if seen != titles[0] and seen not in entry.get("speakers", ()):
            kept["title"] = seen  # "title: Highlight talk 1" unshown, "name: Orals 1" shown
        if day is not None and day != last_day:
            kept, last_day = {"day": day, **kept}, day
        if label is not None:
            labels[len(entries)], label = label, None
        entries.append(kept)
        kept_raw.append(written)
    left_out = len(made.entries) - len(entries)
    made.entries, made.day_labels = entries, labels
    made.raw = kept_raw if len(kept_raw) == len(entries) else made.raw
    return left_out


def _lists_titles(loop: Loop, made: DataFile, *, or_times: bool = False) -> bool:
    """Whether what the loop rendered shows at least half of its slots' titles (``or_times``:
    or their start times; a loop that goes through the program to find one talk's time shows
    a badge, not the program)."""
    text, shown = loop.seen()
    raw: list[Any] = made.raw if len(made.raw) == len(made.entries) else made.entries
    found = 0
    for written, entry in zip(raw, made.entries, strict=True):
        hours, minutes = str(entry.get("start", "")).partition(":")[::2]
        found += any(_shown_in(title, shown) for title in slot_titles(written)
                     or [entry["title"]]) or (or_times and hours.isdigit() and re.search(
                         rf"(?<!\d)0?{int(hours) % 12 or 12}[:.h]{minutes}|(?<!\d){hours}"
                         rf"[:.h]?{minutes}(?!\d)", text) is not None)
    return 2 * found >= len(made.entries)


def _shown_in(title: str, shown: frozenset[str]) -> bool:
    """Whether a reader sees the title in text of these words: 80% of its words (a title
    "Discussion Panel" the source shows as "Panel Discussion"; "Session 2: Paper A")."""
    words = WORD.findall(title.casefold())
    return bool(words) and 5 * sum(word in shown for word in words) >= 4 * len(words)


def _one_day(entries: list[dict[str, Any]]) -> bool:
    """Whether slots with no day at all are one day's program: their start times in order
    (two days of a program of no days start over, and are kept as the source shows them, as
    are days the data names but not with a year)."""
    if any("day" in entry for entry in entries):
        return False
    starts = [clock_minutes(entry.get("start")) for entry in entries]
    return None not in starts and starts == sorted(starts)  # type: ignore[type-var]


def _mend_ends(made: DataFile, what: str, page: PageLoops) -> None:
    """The source's slips in its slots' ends mended, each said in the report: an end
    written PM for AM ("11:42AM - 11:48PM" among morning talks) read in the start's half of
    the day; an end before its start left out (the next slot ends it)."""
    slips = [entry.get("title", "?") for entry in made.entries if _end_slip(entry)]
    if slips:
        made.entries = [{**e, "end": _twelve_earlier(e["end"])} if _end_slip(e) else e
                        for e in made.entries]
        slipped = "; ".join(str(t)[:60] for t in slips)[:200]
        page.used.append(f"{what}: {len(slips)} slot(s) end twelve hours after the minutes "
                         "they seem to last in the source (PM for AM); read as the same half "
                         f"of the day: {slipped}")
    ends = [entry.get("title", "?") for entry in made.entries if _ends_before(entry)]
    if ends:  # "from: 14:30pm, to: 14:00pm"
        made.entries = [{k: v for k, v in e.items() if k != "end"} if _ends_before(e)
                        else e for e in made.entries]
        page.used.append(f"{what}: {len(ends)} slot(s) end before they start in the "
                         f"source; their end is left out (each lasts until the next "
                         f"slot): {'; '.join(str(t)[:60] for t in ends)[:200]}")


def _end_slip(entry: dict[str, Any]) -> bool:
    """Whether a slot's end is twelve hours later than it can be meant: more than eleven
    hours after its start, and after its start still when read twelve hours earlier
    ("11:42 - 23:48" for "11:42AM - 11:48PM", a six-minute talk)."""
    start, end = clock_minutes(entry.get("start")), clock_minutes(entry.get("end"))
    return start is not None and end is not None and end - start > 11 * 60 \
        and end - 12 * 60 > start


def _twelve_earlier(clock: str) -> str:
    minutes = clock_minutes(clock)
    assert minutes is not None and minutes >= 12 * 60, clock
    return f"{minutes // 60 - 12:02d}:{minutes % 60:02d}"


def _ends_before(entry: dict[str, Any]) -> bool:
    """Whether a slot's end, as written, is not after its start (the same day's times)."""
    start, end = clock_minutes(entry.get("start")), clock_minutes(entry.get("end"))
    return start is not None and end is not None and end <= start


def _with_file(entry: dict[str, Any], file_link: Callable[[str], str | None] | None
               ) -> dict[str, Any]:
    """A paper whose ``pdf:`` names a file of the site ("pdfs/x.pdf"): that file, copied
    into the new site, named by its docs path; one the site does not have is left out (the
    source's link led nowhere; the report lists it with the missing files)."""
    pdf = entry.get("pdf")
    if file_link is None or not isinstance(pdf, str) or re.match(r"^[a-z][a-z0-9+.-]*:|^//",
                                                                 pdf, re.I):
        return entry
    copied = file_link(pdf)
    if copied:
        return {**entry, "pdf": copied}
    if not pdf.lower().split("#")[0].split("?")[0].endswith(".pdf"):
        return entry  # not a file's name: as written, for the build to check
    return {k: v for k, v in entry.items() if k != "pdf"}


def _fitted(model: type[BaseModel], entries: list[dict[str, Any]], what: str,
            page: PageLoops) -> list[dict[str, Any]]:
    """The entries as the plugin takes them (:func:`..common.fit.fit_entry`); what was left
    out is reported (an entry of the people directory, named by id, is the directory's)."""
    kept = []
    for n, entry in enumerate(entries, 1):
        directory = "id" in entry and "name" not in entry  # named in the people directory
        fitted, dropped = fit_entry(model, {**entry, "name": "-"} if directory else entry)
        if fitted is not None and directory:
            del fitted["name"]
        label = str(entry.get("name") or entry.get("title") or "")[:60]
        if fitted is None:
            page.used.append(f"  {what}: entry {n} ({label}) left out: the plugin cannot show "
                             "it (" + "; ".join(dropped or ["a required field"]) + ")")
            continue
        if dropped:
            page.used.append(f"  {what}: entry {n} ({label}): not carried: "
                             + "; ".join(dropped))
        kept.append(fitted)
    return kept


def _raw(item: Any) -> Any:
    """A loop's item as the file has it (the value of a ``[key, value]`` pair)."""
    if isinstance(item, (list, tuple)) and len(item) == 2 and isinstance(item[1], dict):
        item = item[1]
    return _plain(item)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def _subset(loop: Loop, data: DataFile, year: int | None = None) -> DataFile:
    """The part of ``data`` the loop showed, read as the whole file was (a collection's
    documents without their own address and text)."""
    items = [_raw(item) for item in loop.items]
    if loop.origin.kind == "collection":
        items = [{k: v for k, v in item.items() if k not in DOCUMENT_OWN}
                 if isinstance(item, dict) else item for item in items]
    return read_as(data, items, year)


_EVENT_DAY_KEYS = ("workshop_date", "event_date", "workshop_day", "event_day",
                   "startdate", "start_date")  # the last two: the Carpentries' template


def page_day(meta: dict[Any, Any], *, periods: bool = False) -> date | None:
    """The workshop's day as the page's front matter states it: its workshop block's date,
    or its ``event_date:`` (a day, as YAML reads ``2025-03-02``), else the one day a short
    text of it names ("NeurIPS 2025, December 6, San Diego"), or its description says
    ("held ... on December 16th 2023"); ``periods``: or the first day of the one period it
    names ("May 8th and 9th 2023")."""
    workshop = meta.get("workshop")
    when = workshop.get("date") if isinstance(workshop, dict) else None
    if isinstance(when, date):
        return when
    for key in _EVENT_DAY_KEYS:  # "event_date: 2025-03-02" (not "date:", a post's own)
        when = meta.get(key)
        if isinstance(when, date):
            return when.date() if isinstance(when, datetime) else when
    days = set()
    for value in meta.values():
        if not isinstance(value, str) or len(value) > 300:
            continue
        year = re.search(r"(?<!\d)(20\d\d)(?!\d)", value)
        for part in re.split(r"[,;|\u2022\u00b7]\s*(?=[A-Z0-9])", value):
            found = parse_free_date(part.strip(" ."), int(year.group(1)) if year else None)
            if found is not None and (periods or found.first == found.last):
                days.add(found.first)
    if not days:  # a sentence that names the one day: "held ... on December 16th 2023"
        for key in ("description", "subtitle", "tagline", "excerpt"):
            value = meta.get(key)
            if isinstance(value, str):
                days |= days_in(value)
    return days.pop() if len(days) == 1 else None


def page_year(meta: dict[Any, Any]) -> int | None:
    """The year of the page's workshop: its date's, else the one its title or address
    names (``/2020/``, "Workshop 2020"), for days a schedule writes without one."""
    day = page_day(meta)
    if day is not None:
        return day.year
    for key in ("title", "permalink", "subtitle", "description"):
        found = re.search(r"(?<!\d)(20\d\d)(?!\d)", str(meta.get(key) or ""))
        if found:
            return int(found.group(1))
    return None


def _again(names: list[str]) -> str:
    """What the report says of people the source showed twice in one roster."""
    return (f"; shown twice there in the source (in two groups or two lists), once in the "
            f"roster: {', '.join(names)[:300]}") if names else ""


def _people(loop: Loop, data: DataFile, lists: Lists, rewrite_image: Callable[[str], str | None],
            image_exists: Callable[[str], bool]) -> list[dict[str, Any]]:
    """The roster of the people the loop showed, each with the picture and link it drew when
    the data names none that exists."""
    found: list[dict[str, Any]] = []
    pictured = not loop.drawn or any("<img" in chunk.lower() for chunk in loop.chunks)
    for item, chunk in zip(loop.items, loop.chunks, strict=True):
        raw = _raw(item)
        persons = rows(raw) if isinstance(raw, dict) else None
        group = persons if persons is not None else [raw]
        pictures = _IMG.findall(chunk)
        links = _HREF.findall(chunk)
        for n, one in enumerate(group):
            made, _unknown = person(one)
            if made is None:
                continue
            made["name"] = name_as_shown(one, str(made["name"]), chunk)
            if not pictured:  # the source showed no one's picture: neither does the import
                made.pop("image", None)
            picture = pictures[n] if len(pictures) == len(group) else None
            if picture and ("image" not in made or not image_exists(str(made["image"]))):
                made["image"] = picture
            if "url" not in made and len(links) == len(group) and links:
                made["url"] = links[n]
            _copy_or_drop(made, "image", rewrite_image)
            found.append(lists.site.in_directory(made))
    return found


def _sponsors(loop: Loop, data: DataFile, rewrite_image: Callable[[str], str | None],
              image_exists: Callable[[str], bool]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for item, chunk in zip(loop.items, loop.chunks, strict=True):
        made, _unknown = sponsor(_raw(item))
        if made is None:
            continue
        pictures = _IMG.findall(chunk)
        if pictures and ("logo" not in made or not image_exists(str(made["logo"]))):
            made["logo"] = pictures[0]
        _copy_or_drop(made, "logo", rewrite_image)
        found.append(made)
    return found


def _copy_or_drop(made: dict[str, Any], key: str, copy: Callable[[str], str | None]) -> None:
    """The picture of an entry copied into the new site; one the site does not have (the
    report lists it under the missing images) left out, unless it is a web address: the
    card shows initials, as a picture that does not load would leave nothing."""
    if key not in made:
        return
    copied = copy(str(made[key]))
    if copied:
        made[key] = copied
    elif not is_web_address(str(made[key])):
        del made[key]
