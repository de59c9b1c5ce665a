"""``mkdocs-workshop new-edition FROM.md TO.md --date YYYY-MM-DD``: next year's page from this
year's, run in the site's folder.

What TO gets, from FROM (which is never written to):

- the text after the front matter, byte for byte, but for the file a ``papers()`` or
  ``awards()`` call reads (a new, empty papers file in the same format; ``--keep papers``
  keeps the old one);
- the front matter as written, with these keys rewritten, and only these:

  - ``workshop:``: ``date`` (or ``start``/``end``, the length kept) is the new date; the venue
    and the title get the new year where they name the old one (``--venue``, ``--title`` and
    ``--location`` set them);
  - ``dates:``: every date moved by the calendar distance between the two workshop days
    (:mod:`mkdocs_workshop.commands.datemove`), times and zones unchanged, each marked
    ``tentative: true`` but the workshop's own entry;
  - the speaker and panel rosters (a roster whose name says speaker, keynote, invited, talk,
    panel, moderator or tutorial), ``schedule:`` and ``sponsors:`` are left empty (``[]``),
    each with a commented template of the fields the old entries used; ``--keep`` carries
    them. Every other roster (organizers, committees) is carried; ``--clear`` empties one;

- a line in mkdocs.yml's nav, among FROM's siblings where its date puts it when those
  edition pages are listed by date (newest or oldest first), else right after FROM's entry
  (edited as text, never re-dumped).

Then a report: what moved, what was emptied, and the lines of TO that still name the old
edition (its year, venue, title) or give a date in words, for the organizer to review.
Bad input (FROM missing or without ``workshop.date``, TO existing, a bad date, a nav that
cannot be read) is one line and nothing is written.
"""

from __future__ import annotations

import argparse
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..core.fields import FieldIssue, to_day
from ..core.meta import YAML_RE
from ..core.problems import Refused
from ..core.safeload import load
from ..features import FEATURES, is_roster
from ..features.dates import DATE_FIELDS, is_workshop_label
from ..features.page import find_calls
from ..importers.common import yamltext
from ..importers.common.escape import html_text, html_value, neutral_title
from .base import Subcommand
from .datemove import Move, move_between, weekday_changed
from .init import option_text, parse_day

# Rosters of the people who speak: left empty for the new edition (organizers are carried).
SPEAKER_ROSTER = re.compile(r"speak|keynote|invited|talk|panel|moderat|tutorial|presenter", re.I)
# Lists that belong to one edition, emptied like speaker rosters (from the registry).
BLOCKS = tuple(key for feature in FEATURES for key in feature.per_edition)
_DAY_IN_TEXT = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAYS = r"\d{1,2}(?:st|nd|rd|th)?(?:\s*[-\u2013]\s*\d{1,2}(?:st|nd|rd|th)?)?"
# Dates written in words in the text ("Oct 16-18, 2024", "16 July 2024"), and ISO dates.
_DATE_WORDS = re.compile(
    rf"\b(?:{_MONTHS}\s+{_DAYS}(?:,?\s+\d{{4}})?|{_DAYS}\s+{_MONTHS}(?:,?\s+\d{{4}})?"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})(?![\w-])")


@dataclass
class Options:
    day: date
    venue: str | None = None
    location: str | None = None
    title: str | None = None
    keep: frozenset[str] = frozenset()  # rosters, schedule, sponsors, papers: carried as they are
    clear: frozenset[str] = frozenset()  # carried rosters to empty instead
    force: bool = False
    dry_run: bool = False


@dataclass
class MovedDate:
    what: str
    field: str
    old: date
    new: date

    def line(self) -> str:
        note = weekday_changed(self.old, self.new)
        label = self.what if self.field in ("when", "") else f"{self.what} ({self.field})"
        return f"{label}: {self.old.isoformat()} -> {self.new.isoformat()}" + (
            f"; {note}" if note else "")


@dataclass
class Report:
    source: str
    target: str
    old_day: date
    new_day: date
    move: Move
    dry_run: bool = False
    written: list[str] = field(default_factory=list)
    workshop: list[str] = field(default_factory=list)
    dates: list[MovedDate] = field(default_factory=list)
    tentative: list[str] = field(default_factory=list)
    extensions: list[str] = field(default_factory=list)  # dropped: last edition's extensions
    not_moved: list[str] = field(default_factory=list)
    lists: list[str] = field(default_factory=list)  # rosters, schedule, sponsors
    papers: list[str] = field(default_factory=list)
    nav: str | None = None
    review: list[str] = field(default_factory=list)  # lines naming the old edition
    dates_in_text: list[str] = field(default_factory=list)

    def render(self) -> str:
        out = [f"new-edition: {self.source} -> {self.target}: the workshop on "
               f"{self.old_day.isoformat()} -> {self.new_day.isoformat()}"]
        verb = "Would write" if self.dry_run else "Written"
        out += ["", f"{verb}: " + ", ".join(self.written) + "." + (
            " (--dry-run: nothing was written.)" if self.dry_run else ""), f"{self.source} is "
            "not changed."]
        if self.nav:
            out.append(self.nav)
        out += ["", "The workshop block:", *(f"  {line}" for line in self.workshop)]
        if self.dates or self.not_moved:
            out += ["", f"Dates, moved by {self.move.describe()} (a day the month lacks goes "
                    "to its last day, a month's last day stays its last day; times and zones "
                    "unchanged; the weekday is not kept):"]
            out += [f"  {moved.line()}" for moved in self.dates]
            out += [f"  not moved: {line}" for line in self.not_moved]
            if self.tentative:
                out.append("  Marked tentative: true (shown as tentative until you remove it): "
                           + ", ".join(self.tentative) + ".")
            if self.extensions:
                out.append("  Extensions dropped (the new date is the original one, moved; add "
                           "'extended:' again if this edition extends it): "
                           + "; ".join(self.extensions) + ".")
        out += ["", "Rosters and lists:", *(f"  {line}" for line in self.lists)]
        if self.papers:
            out += ["", "Papers:", *(f"  {line}" for line in self.papers)]
        out += ["", f"For review: lines of {self.target} that name the old edition (its year, "
                "venue or title), kept as written:"]
        out += [f"  {line}" for line in self.review] or ["  none."]
        out += ["", "Dates written in the text (not moved; check them):"]
        out += [f"  {line}" for line in self.dates_in_text] or ["  none."]
        return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# The site: mkdocs.yml, its docs folder and its nav
# ---------------------------------------------------------------------------------------------


@dataclass
class Site:
    config: Path
    text: str
    docs: Path
    nav: yaml.Node | None  # the nav's sequence node, if the config has one


def read_site(config: Path) -> Site:
    if not config.is_file():
        raise Refused(f"{config} was not found: run new-edition in the site's folder "
                      "(where mkdocs.yml is), or name it with --config-file.")
    text = _read(config)
    loaded = load(text)  # its limits; its data is not used (tags like !!python/name)
    if not loaded.ok and loaded.over_limit:
        raise Refused(f"{config} {loaded.error[0] if loaded.error else 'is too large.'}")
    try:
        root = yamltext.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise Refused(f"{config} is not valid YAML{where}, so its nav cannot be read; "
                      "fix it, then run new-edition again.") from None
    if root is not None and not isinstance(root, yaml.MappingNode):
        raise Refused(f"{config} is not a set of 'key: value' lines.")
    docs_dir = "docs"
    nav = None
    if root is not None:
        found = yamltext.get(root, "docs_dir")
        if found is not None and isinstance(found[1], yaml.ScalarNode) and found[1].value:
            docs_dir = str(found[1].value)
        nav_pair = yamltext.get(root, "nav")
        if nav_pair is not None:
            nav = nav_pair[1]
            if isinstance(nav, yaml.ScalarNode) and nav.value in ("", "~", "null"):
                nav = None
            elif not isinstance(nav, yaml.SequenceNode):
                raise Refused(f"{config}: 'nav' (line {nav.start_mark.line + 1}) is not "
                              "a list of pages, so the new page cannot be added to it.")
    return Site(config, text, (config.parent / docs_dir), nav)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise Refused(f"{path} is not UTF-8 text; save it as UTF-8.") from None
    except OSError as exc:
        raise Refused(f"{path} cannot be read ({exc.strerror or exc}).") from None


def _in_docs(path: Path, docs: Path, what: str) -> str:
    """``path`` relative to the docs folder, as MkDocs names the page."""
    try:
        rel = path.resolve().relative_to(docs.resolve())
    except ValueError:
        raise Refused(f"{what} {path} is not in the docs folder ({docs}).") from None
    if path.suffix.lower() not in (".md", ".markdown"):
        raise Refused(f"{what} {path} is not a Markdown page (.md).")
    return rel.as_posix()


def nav_line(site: Site, source_rel: str, target_rel: str, label: str,
             old_year: int, new_year: int, new_day: date) -> tuple[int, str, str] | None:
    """(where, the text to insert, a line for the report): TO's entry among FROM's siblings,
    where its date puts it when the dated siblings are in order of their dates (newest first or
    oldest first), else right after FROM's; None when the nav does not list FROM."""
    if site.nav is None:
        return None
    found = _find_page(site.nav, source_rel)
    if found is None:
        return None
    siblings, item, value = found
    text = site.text
    if getattr(item, "flow_style", False) or getattr(site.nav, "flow_style", False) or \
            item.start_mark.line != value.end_mark.line:
        raise Refused(f"{site.config}: the nav entry of {source_rel} (line "
                      f"{item.start_mark.line + 1}) is not one 'Label: page.md' line, so "
                      "the new page's line cannot be put after it; write the nav as "
                      "'- Label: page.md' lines, or add the page yourself.")
    start = yamltext.line_start(text, item.start_mark.index)
    prefix = text[start:item.start_mark.index]
    if prefix.strip() != "-":
        raise Refused(f"{site.config}: the nav entry of {source_rel} (line "
                      f"{item.start_mark.line + 1}) does not start its line with '- '; "
                      "add the new page to the nav yourself.")
    if isinstance(item, yaml.MappingNode):
        key = item.value[0][0]
        old_label = text[key.start_mark.index:key.end_mark.index]
        year = re.compile(rf"(?<!\d){old_year}(?!\d)")
        new_label = (year.sub(str(new_year), old_label) if year.search(old_label)
                     else yamltext.scalar(html_text(label)))
        entry = f"{new_label}: {yamltext.scalar(target_rel)}"
    else:
        entry = yamltext.scalar(target_rel)
    newline = "\r\n" if "\r\n" in text else "\n"
    line = prefix + entry
    place = _dated_place(site, siblings, item, new_day)
    if place is not None and place[0] is not None and text[yamltext.line_start(
            text, place[0].start_mark.index):place[0].start_mark.index] != prefix:
        place = None  # a sibling not written as '- ' at FROM's indentation: after FROM's line
    if place is not None:
        before, order = place
        if before is None:  # the last of the dated ones: after the last sibling's lines
            last = siblings.value[-1]
            end = yamltext.line_end(text, yamltext.end_of(last))
            return end, newline + line, (f"mkdocs.yml: the nav gains '{line.strip()}' at the "
                                         f"end of its list (line {_line_of(text, end) + 1}), "
                                         f"where its date puts it among the editions, {order}.")
        at = yamltext.line_start(text, before.start_mark.index)
        return at, line + newline, (f"mkdocs.yml: the nav gains '{line.strip()}' before "
                                    f"'{text[at:yamltext.line_end(text, at)].strip()}' (line "
                                    f"{before.start_mark.line + 1}), where its date puts it "
                                    f"among the editions, {order}.")
    end = yamltext.line_end(text, value.end_mark.index)
    return end, newline + line, (f"mkdocs.yml: the nav gains '{line.strip()}' after "
                                 f"'{text[start:yamltext.line_end(text, start)].strip()}' "
                                 f"(line {item.start_mark.line + 2}).")


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index)


def _dated_place(site: Site, siblings: yaml.SequenceNode, item: yaml.Node,
                 new_day: date) -> tuple[yaml.Node | None, str] | None:
    """Where a new edition of ``new_day`` goes among FROM's siblings: (the sibling it goes
    before, or None for after the last; "newest first" or "oldest first"), when at least two
    siblings are edition pages (their ``workshop:`` has a date) and those are in order of
    their dates; None otherwise (then it goes right after FROM). A sibling that is a section
    counts by its first page."""
    dated = [(node, day) for node in siblings.value
             if (day := _edition_day(site, _first_page(node))) is not None]
    if len(dated) < 2 or not any(node is item for node, _ in dated):
        return None
    days = [day for _, day in dated]
    if days == sorted(days, reverse=True) and days[0] > days[-1]:
        newest_first = True
    elif days == sorted(days) and days[0] < days[-1]:
        newest_first = False
    else:
        return None
    order = "newest first" if newest_first else "oldest first"
    for node, day in dated:
        if (day < new_day) if newest_first else (day > new_day):
            return node, order
    following = siblings.value[siblings.value.index(dated[-1][0]) + 1:]
    return (following[0] if following else None), order


def _first_page(node: yaml.Node) -> str | None:
    """The page a nav item names, or the first page of a section."""
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    if isinstance(node, yaml.MappingNode) and len(node.value) == 1:
        return _first_page(node.value[0][1])
    if isinstance(node, yaml.SequenceNode) and node.value:
        return _first_page(node.value[0])
    return None


def _edition_day(site: Site, page: str | None) -> date | None:
    """The ``workshop:`` date (or start) of a page of the docs folder; None for a page that is
    not an edition, a link, or one that cannot be read."""
    if not page or "://" in page or not page.strip().lower().endswith((".md", ".markdown")):
        return None
    path = site.docs / posixpath.normpath(page.strip().lstrip("./"))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    match = YAML_RE.match(text)
    if not match:
        return None
    loaded = load(match.group(1))
    workshop = loaded.data.get("workshop") if loaded.ok and isinstance(loaded.data, dict) \
        else None
    if not isinstance(workshop, dict):
        return None
    return _day(workshop.get("date") if workshop.get("date") is not None
                else workshop.get("start"))


def _find_page(node: yaml.Node, page: str
               ) -> tuple[yaml.SequenceNode, yaml.Node, yaml.Node] | None:
    """The list that holds the nav item naming ``page``, the item (the entry), and its scalar
    that names ``page``."""
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            if isinstance(item, yaml.ScalarNode) and _same_page(item.value, page):
                return node, item, item
            if isinstance(item, yaml.MappingNode) and len(item.value) == 1:
                value = item.value[0][1]
                if isinstance(value, yaml.ScalarNode) and _same_page(value.value, page):
                    return node, item, value
                found = _find_page(value, page)
                if found is not None:
                    return found
    return None


def _same_page(written: object, page: str) -> bool:
    return isinstance(written, str) and posixpath.normpath(written.strip().lstrip("./")) == page


# ---------------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------------


def new_edition(source: Path, target: Path, options: Options, *,
                config: Path = Path("mkdocs.yml")) -> Report:
    """Make TO from FROM (see the module's docstring); nothing is written with ``dry_run``,
    and nothing at all when the input is refused (:class:`Refused`)."""
    site = read_site(config)
    if not source.is_file():
        raise Refused(f"{source} was not found.")
    source_rel = _in_docs(source, site.docs, "FROM")
    target_rel = _in_docs(target, site.docs, "TO")
    if source_rel == target_rel:
        raise Refused("FROM and TO are the same page.")
    if target.exists() and not options.force:
        raise Refused(f"{target} already exists; choose another name, or add --force to "
                      "write over it.")
    text = _read(source)
    match = YAML_RE.match(text)
    if not match:
        raise Refused(f"{source} has no front matter, so no workshop.date to count the "
                      "new dates from.")
    front_start, front_end = match.span(1)
    front = text[front_start:front_end]
    loaded = load(front, first_line=2)
    if not loaded.ok or not isinstance(loaded.data, dict):
        why = loaded.error[0] if loaded.error else "is not a set of 'key: value' lines."
        raise Refused(f"{source}: the front matter {why} Fix it, then run new-edition "
                      "again.")
    meta: dict[str, Any] = {str(k): v for k, v in loaded.data.items()}
    root = yamltext.compose(front)
    assert isinstance(root, yaml.MappingNode)  # load read a mapping: the same text
    workshop = meta.get("workshop")
    old_day = _old_day(workshop, source)
    assert isinstance(workshop, dict)
    _check_names(options, meta)

    move = move_between(old_day, options.day)
    old_last = _day(workshop.get("end")) if workshop.get("end") is not None else None
    fixed = {old_day: options.day}
    if old_last is not None:
        fixed[old_last] = options.day + (old_last - old_day)
    report = Report(source.as_posix(), target.as_posix(), old_day, options.day, move,
                    dry_run=options.dry_run)
    edits = yamltext.Edits(front)
    old_title = meta.get("title") if isinstance(meta.get("title"), str) else None
    old_venue = workshop.get("venue") if isinstance(workshop.get("venue"), str) else None
    _edit_workshop(edits, root, options, report, fixed)
    _edit_title(edits, root, options, report, old_day.year)
    _edit_dates(edits, root, move, fixed, report)
    _edit_lists(edits, root, meta, options, report, source_rel)
    new_front = edits.apply()
    body_line = text[:front_start].count("\n") + new_front.count("\n")  # lines before the body

    body = text[front_end:]
    papers: dict[Path, str] = {}
    if "papers" not in options.keep:
        body = _edit_papers(body, body_line, source, target, site, papers, report)
    else:
        report.papers.append("kept as they are (--keep papers): the calls read the same files.")
    new_text = text[:front_start] + new_front + body

    label = (options.venue or _with_year(old_venue, old_day.year, options.day.year)
             or options.title or target.stem)
    nav = nav_line(site, source_rel, target_rel, label, old_day.year, options.day.year,
                   options.day)
    report.written = [target.as_posix(), *(p.as_posix() for p in papers)]
    if nav is not None:
        report.nav = nav[2]
        report.written.append(f"{site.config.as_posix()} (one nav line)")
    elif site.nav is not None:
        report.nav = (f"mkdocs.yml's nav does not list {source_rel}: add {target_rel} to it "
                      "yourself.")
    else:
        report.nav = "mkdocs.yml has no nav: MkDocs lists the new page by itself."
    _review(new_text, report, old_day.year, old_venue, old_title, body_line + 1)

    if not options.dry_run:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(new_text, encoding="utf-8")
        for path, content in papers.items():
            path.write_text(content, encoding="utf-8")
        if nav is not None:
            edited = yamltext.Edits(site.text)
            edited.insert(nav[0], nav[1])
            site.config.write_text(edited.apply(), encoding="utf-8")
    return report


def _day(value: object) -> date | None:
    try:
        return to_day(value)
    except FieldIssue:
        return None


def _old_day(workshop: object, source: Path) -> date:
    if not isinstance(workshop, dict):
        raise Refused(f"{source} has no 'workshop:' block with its date, so there is "
                      "nothing to count the new dates from; add 'workshop:' with "
                      "'date: YYYY-MM-DD' to it.")
    written = workshop.get("date", workshop.get("start"))
    if written is None:
        raise Refused(f"{source} has no workshop.date, so there is nothing to count the "
                      "new dates from; add 'date: YYYY-MM-DD' under 'workshop:'.")
    day = _day(written)
    if day is None:
        raise Refused(f"{source}: workshop.date '{written}' is not a date (YYYY-MM-DD).")
    return day


def _check_names(options: Options, meta: dict[str, Any]) -> None:
    rosters = [k for k, v in meta.items() if is_roster(k, v)]
    known = [*rosters, *BLOCKS, "papers"]
    for option, names, allowed in (("--keep", options.keep, known), ("--clear", options.clear,
                                                                    rosters)):
        for name in sorted(names):
            if name not in allowed:
                raise Refused(f"{option} {name}: the page has no such roster or list; "
                              f"it has: {', '.join(allowed) or 'none'}.")


def _with_year(text: str | None, old: int, new: int) -> str | None:
    if text is None:
        return None
    return re.sub(rf"(?<!\d){old}(?!\d)", str(new), text)


def _set_scalar(edits: yamltext.Edits, node: yaml.Node, new: str) -> None:
    edits.replace(node.start_mark.index, yamltext.end_of(node), new)


def _edit_workshop(edits: yamltext.Edits, root: yaml.Node, options: Options, report: Report,
                   fixed: dict[date, date]) -> None:
    found = yamltext.get(root, "workshop")
    assert found is not None
    block = found[1]
    text = edits.text
    given = {"venue": options.venue, "location": options.location}
    flow = bool(getattr(block, "flow_style", False))  # {venue: ..., date: ...}
    missing = []
    for key, _key_node, value in yamltext.pairs(block):
        if not isinstance(value, yaml.ScalarNode):
            continue
        written = yamltext.source(text, value)
        if key in ("date", "start", "end"):
            day = _day(value.value)
            if day is not None and day in fixed:
                _set_scalar(edits, value, _DAY_IN_TEXT.sub(fixed[day].isoformat(), written, 1))
                report.workshop.append(f"{key}: {day.isoformat()} -> "
                                       f"{fixed[day].isoformat()}")
        elif key in given and given[key] is not None:
            new = str(given[key])
            _set_scalar(edits, value, yamltext.scalar(new, flow=flow))
            report.workshop.append(f"{key}: {value.value} -> {new} (--{key})")
        elif key == "venue":
            changed = _with_year(written, report.old_day.year, report.new_day.year)
            if changed != written:
                _set_scalar(edits, value, str(changed))
                shown = _with_year(str(value.value), report.old_day.year, report.new_day.year)
                report.workshop.append(f"venue: {value.value} -> {shown} (the new year; "
                                       "--venue sets it)")
            else:
                report.workshop.append(f"venue: {value.value} (kept; --venue sets it)")
        elif key == "location":
            report.workshop.append(f"location: {value.value} (kept; --location sets it)")
        elif key == "description" and re.search(rf"(?<!\d){report.old_day.year}(?!\d)",
                                                 str(value.value)):
            report.workshop.append(f"description: kept, and it names {report.old_day.year}: "
                                   f"{value.value}")
    present = {key for key, _k, _v in yamltext.pairs(block)}
    for key, wanted in given.items():
        if wanted is not None and key not in present:
            missing.append(f"{key}: {yamltext.scalar(wanted, flow=flow)}")
            report.workshop.append(f"{key}: {wanted} (added, --{key})")
    if not missing or not isinstance(block, yaml.MappingNode):
        return
    if block.flow_style:  # workshop: {venue: ICML 2024, date: 2024-07-16}
        edits.insert(block.end_mark.index - 1, "".join(
            f"{', ' if block.value or i else ''}{line}" for i, line in enumerate(missing)))
    elif block.value:
        first = block.value[0][0]
        indent = " " * first.start_mark.column
        at = yamltext.line_end(text, yamltext.end_of(block))
        edits.insert(at, "".join(f"\n{indent}{line}" for line in missing))


def _edit_title(edits: yamltext.Edits, root: yaml.Node, options: Options, report: Report,
                old_year: int) -> None:
    found = yamltext.get(root, "title")
    new_title = (yamltext.scalar(neutral_title(html_value(options.title)))
                 if options.title is not None else None)
    if found is None:
        if new_title is not None:
            edits.insert(0, f"title: {new_title}\n")
            report.workshop.append(f"title: {options.title} (added, --title)")
        return
    value = found[1]
    if not isinstance(value, yaml.ScalarNode):
        return
    if new_title is not None:
        _set_scalar(edits, value, new_title)
        report.workshop.append(f"title: {value.value} -> {options.title} (--title)")
        return
    written = yamltext.source(edits.text, value)
    changed = _with_year(written, old_year, report.new_day.year)
    if changed != written:
        _set_scalar(edits, value, str(changed))
        report.workshop.append(f"title: {value.value} -> the new year ({report.new_day.year}); "
                               "--title sets it")
    else:
        report.workshop.append(f"title: {value.value} (kept; --title sets it)")


# Fields of a dates entry that hold a date moved to the new edition ("extended" is dropped).
_DATE_VALUE_FIELDS = ("when", "start", "end")


def _edit_dates(edits: yamltext.Edits, root: yaml.Node, move: Move, fixed: dict[date, date],
                report: Report) -> None:
    found = yamltext.get(root, "dates")
    if found is None or not isinstance(found[1], yaml.SequenceNode):
        if found is not None:
            report.not_moved.append("'dates' is not a list; it is kept as written.")
        return
    text = edits.text

    def moved(node: yaml.Node, what: str, field_name: str) -> bool:
        if not isinstance(node, yaml.ScalarNode):
            return False
        written = yamltext.source(text, node)
        hit = _DAY_IN_TEXT.search(written)
        old = _day(hit.group(0)) if hit else None
        if hit is None or old is None:
            report.not_moved.append(f"{what} ({field_name}): '{node.value}' is not a date.")
            return False
        new = fixed.get(old) if is_workshop_label(what) else None
        new = new or move.apply(old)
        _set_scalar(edits, node, written[:hit.start()] + new.isoformat() + written[hit.end():])
        report.dates.append(MovedDate(what, field_name, old, new))
        return True

    def move_fields(entry: yaml.MappingNode, what: str) -> None:
        """Each date field of an entry (when, start, end) moved and the entry marked tentative
        when one was; an extension (``extended:``) is this year's, so it is dropped: the new
        deadline is the original one, moved."""
        results = [moved(value, what, key) for key, _key_node, value in yamltext.pairs(entry)
                   if key in _DATE_VALUE_FIELDS]
        found = yamltext.get(entry, "extended")
        if found is not None:
            _drop_pair(edits, entry, found[0])
            report.extensions.append(f"{what}: extended to {yamltext.source(text, found[1])}")
        if any(results):
            _mark_tentative(edits, entry, what, report)

    for index, item in enumerate(found[1].value, start=1):
        if not isinstance(item, yaml.MappingNode) or not item.value:
            report.not_moved.append(f"entry {index} is not a date entry; kept as written.")
            continue
        keys = [key for key, _k, _v in yamltext.pairs(item)]
        if "what" in keys or any(k in DATE_FIELDS for k in keys):  # what: / when: ...
            what_pair = yamltext.get(item, "what")
            what = str(what_pair[1].value) if what_pair and isinstance(
                what_pair[1], yaml.ScalarNode) else f"entry {index}"
            move_fields(item, what)
            continue
        key_node, value = item.value[0]
        what = str(key_node.value)
        if isinstance(value, yaml.ScalarNode) and len(item.value) == 1:  # - Label: 2024-05-16
            if moved(value, what, "when") and not is_workshop_label(what):
                # The short form has no room for a field: written out in full.
                indent = " " * item.start_mark.column
                label = text[key_node.start_mark.index:key_node.end_mark.index]
                edits.replace(item.start_mark.index, key_node.end_mark.index,
                              f"what: {label}")
                edits.replace(key_node.end_mark.index, value.start_mark.index,
                              f"\n{indent}when: ")
                at = yamltext.line_end(text, yamltext.end_of(value))
                edits.insert(at, f"\n{indent}tentative: true")
                report.tentative.append(what)
        elif isinstance(value, yaml.MappingNode) and len(item.value) == 1:  # - Label: {start:..}
            move_fields(value, what)
        else:
            report.not_moved.append(f"entry {index} is not a date entry; kept as written.")


def _drop_pair(edits: yamltext.Edits, entry: yaml.MappingNode, key: yaml.Node) -> None:
    """Remove one ``key: value`` of a mapping, with its line (and comment) in block style."""
    text = edits.text
    keys = [k for k, _v in entry.value]
    at = keys.index(key)
    value = entry.value[at][1]
    if at == 0:  # '- extended: ...' or '{extended: ..., when: ...}': up to the next key
        if len(keys) > 1:
            edits.replace(key.start_mark.index, keys[1].start_mark.index, "")
        return
    previous = yamltext.end_of(entry.value[at - 1][1])
    if entry.flow_style:  # ', extended: 2024-05-23'
        edits.replace(previous, yamltext.end_of(value), "")
    else:  # the line of the key, from the end of the line before it
        edits.replace(yamltext.line_end(text, previous),
                      yamltext.line_end(text, yamltext.end_of(value)), "")


def _mark_tentative(edits: yamltext.Edits, entry: yaml.MappingNode, what: str,
                    report: Report) -> None:
    if is_workshop_label(what):
        return
    found = yamltext.get(entry, "tentative")
    if found is not None:
        _set_scalar(edits, found[1], "true")
    elif entry.flow_style:
        edits.insert(entry.end_mark.index - 1, ", tentative: true")
    else:
        indent = " " * entry.value[0][0].start_mark.column
        edits.insert(yamltext.line_end(edits.text, yamltext.end_of(entry)),
                     f"\n{indent}tentative: true")
    report.tentative.append(what)


def _edit_lists(edits: yamltext.Edits, root: yaml.Node, meta: dict[str, Any],
                options: Options, report: Report, source_rel: str) -> None:
    """Speaker rosters, schedule and sponsors emptied (with a template); the rest carried."""
    for key, key_node, value in yamltext.pairs(root):
        data = meta.get(key)
        if not isinstance(data, list) or not data:
            continue
        roster = is_roster(key, data)
        if not roster and key not in BLOCKS:
            continue
        count = f"{len(data)} entr{'y' if len(data) == 1 else 'ies'}"
        speakers = key in BLOCKS or bool(SPEAKER_ROSTER.search(key))
        empty = (speakers and key not in options.keep) or key in options.clear
        if not empty:
            why = ("--keep" if speakers else "organizers and committees are carried; --clear "
                   f"{key} empties it")
            report.lists.append(f"{key}: carried, {count} ({why}).")
            continue
        fields = _fields(data)
        column = value.start_mark.column if isinstance(value, yaml.SequenceNode) else 2
        lead = "#" + " " * max(column - 1, 1)
        template = "".join(f"\n{lead}{'- ' if i == 0 else '  '}{yamltext.comment(name)}:"
                           for i, name in enumerate(fields))
        end = yamltext.line_end(edits.text, yamltext.end_of(value))
        edits.replace(key_node.end_mark.index, end,
                      f": []  # none yet; the entries of {source_rel} had these fields:"
                      + template)
        why = "--clear" if key in options.clear else f"--keep {key} carries them"
        report.lists.append(f"{key}: left empty, with a commented template of its fields "
                            f"({count} stay in {source_rel}; {why}).")
    for key in BLOCKS:
        if key not in meta:
            report.lists.append(f"{key}: none in {source_rel}.")


def _fields(entries: Iterable[Any]) -> list[str]:
    names: list[str] = []
    for entry in entries:
        if isinstance(entry, dict):
            names += [str(k) for k in entry if str(k) not in names]
    return names[:12]


def _edit_papers(body: str, body_line: int, source: Path, target: Path, site: Site,
                 papers: dict[Path, str], report: Report) -> str:
    """papers()/awards() calls read a new, empty file of the same format."""
    lines = body.split("\n")
    renamed: dict[str, str] = {}
    for call in find_calls(body):
        if call.name not in ("papers", "awards") or not call.arg or not call.line:
            continue
        old_file = _locate(call.arg, source, site.docs)
        if old_file is None:
            report.papers.append(f"line {body_line + call.line}: {call.text} names no file "
                                 "of the docs folder; kept as written.")
            continue
        if call.arg not in renamed:
            new_file = old_file.with_name(_new_name(old_file.name, source.stem, target.stem))
            if new_file.is_symlink() and not (new_file.exists() and new_file.resolve()
                                              .is_relative_to(site.docs.resolve())):
                # Writing the new file would write where the link leads: outside the docs
                # folder, or a file that is not there yet, anywhere.
                report.papers.append(f"line {body_line + call.line}: {call.text} kept as "
                                     f"written: {new_file.as_posix()} is a link that leads "
                                     "outside the docs folder or to no file, and new-edition "
                                     "writes through no link.")
                continue
            renamed[call.arg] = posixpath.relpath(
                (new_file.parent.resolve() / new_file.name).as_posix(),
                target.parent.resolve().as_posix())
            if new_file.exists():
                report.papers.append(f"{new_file.as_posix()} exists: the calls read it as it "
                                     "is.")
            else:
                papers[new_file] = _empty_papers(old_file)
                report.papers.append(f"{new_file.as_posix()}: no papers yet, in the format of "
                                     f"{old_file.name}" + (" (its header row)"
                                                           if old_file.suffix == ".csv" else "")
                                     + ".")
        index = call.line - 1
        new_text = call.text.replace(call.arg, renamed[call.arg], 1)
        lines[index] = lines[index].replace(call.text, new_text, 1)
        report.papers.append(f"line {body_line + call.line}: {call.text} -> {new_text} "
                             "(--keep papers keeps the old file)")
    return "\n".join(lines)


def _locate(arg: str, source: Path, docs: Path) -> Path | None:
    """The papers file a call names, as papers() finds it (beside the page, then in the docs
    folder); only a file inside the docs folder, where the new one is written beside it."""
    root = docs.resolve()
    for base in (source.parent, docs):
        candidate = base / arg
        if candidate.is_file():
            return candidate if candidate.resolve().is_relative_to(root) else None
    return None


def _new_name(name: str, old_stem: str, new_stem: str) -> str:
    if old_stem and old_stem in name:
        return name.replace(old_stem, new_stem, 1)
    return f"{new_stem}-{name}"


def _empty_papers(old: Path) -> str:
    if old.suffix.lower() == ".csv":
        try:
            with old.open(encoding="utf-8", newline="") as handle:
                header = handle.readline()
        except (OSError, UnicodeDecodeError):
            header = ""
        return header if header.strip() else "title,authors,decision\n"
    return "[]\n"


# ---------------------------------------------------------------------------------------------
# What to review
# ---------------------------------------------------------------------------------------------


def _review(text: str, report: Report, old_year: int, venue: str | None, title: str | None,
            body_line: int) -> None:
    """Lines that name the old edition, and dates written in words, by line of TO: the text
    after the front matter, and the comments of the front matter."""
    words = [str(old_year)]
    if venue:
        words += [w for w in re.findall(r"[^\W\d_][\w&+-]*", venue) if len(w) > 1]
    terms = [re.compile(rf"(?<![\w-]){re.escape(w)}(?![\w-])") for w in dict.fromkeys(words)]
    whole_title = title.strip() if title and len(title.strip()) > 3 else None
    for number, line in enumerate(text.split("\n"), start=1):
        shown = line
        if number < body_line:  # the front matter: its comments (its values were reported)
            at = 0 if line.lstrip().startswith("#") else line.find(" #")
            if at < 0:
                continue
            shown = line[at:]
        hits = [(w, term.search(shown)) for w, term in zip(dict.fromkeys(words), terms,
                                                           strict=True)]
        found = [(w, hit.start()) for w, hit in hits if hit]
        if whole_title and whole_title in shown:
            found += [("the title", shown.index(whole_title))]
        if found:
            first = min(at for _w, at in found) + len(line) - len(shown)
            report.review.append(f"line {number}: {', '.join(w for w, _at in found)}: "
                                 f"{_excerpt(line, first)}")
        for hit in _DATE_WORDS.finditer(shown):
            report.dates_in_text.append(f"line {number}: '{hit.group(0)}'")


def _excerpt(line: str, at: int, limit: int = 90) -> str:
    """The line around ``at``, within ``limit`` characters."""
    if len(line.strip()) <= limit:
        return line.strip()
    start = max(0, min(at - 30, len(line) - limit))
    text = line[start:start + limit].strip()
    return ("..." if start > 0 else "") + text + ("..." if start + limit < len(line) else "")



def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", type=Path, metavar="FROM", help="this edition's page")
    parser.add_argument("target", type=Path, metavar="TO", help="the new page")
    parser.add_argument("--date", required=True, help="the new workshop's day, YYYY-MM-DD")
    parser.add_argument("--venue", help="the new venue (default: the old one, new year)")
    parser.add_argument("--location", help="the new city (default: the old one)")
    parser.add_argument("--title", help="the new title (default: the old one, new year)")
    parser.add_argument("--keep", action="append", default=[], metavar="NAME",
                        help="carry a speaker roster, schedule, sponsors or papers as they "
                        "are (repeat, or separate with commas)")
    parser.add_argument("--clear", action="append", default=[], metavar="ROSTER",
                        help="leave a carried roster (organizers, committee) empty")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="the site's mkdocs.yml (default: mkdocs.yml here)")
    parser.add_argument("--force", action="store_true", help="write over TO if it exists")
    parser.add_argument("--dry-run", action="store_true",
                        help="print the report without writing anything")


def _names(values: list[str]) -> frozenset[str]:
    return frozenset(n.strip() for v in values for n in v.split(",") if n.strip())


def _run(args: argparse.Namespace) -> str:
    options = Options(parse_day(args.date), option_text(args.venue, "--venue"),
                      option_text(args.location, "--location"),
                      option_text(args.title, "--title"), _names(args.keep),
                      _names(args.clear), args.force, args.dry_run)
    return new_edition(args.source, args.target, options, config=args.config_file).render()


COMMAND = Subcommand(
    "new-edition", "next edition's page from this one, dates moved",
    "Write TO from FROM (never changed), in the site's folder: the workshop block for --date, "
    "every date moved by the distance between the two workshop days and marked tentative, "
    "organizer rosters carried, speakers, panel, program, papers and sponsors left empty, the "
    "text kept; mkdocs.yml's nav gains TO among the editions by date (after FROM when they are "
    "in no order). Prints what it did and the lines of TO that still name the old edition.",
    _arguments, _run)
