"""``mkdocs-workshop import-jekyll SOURCE DEST``: a Jekyll workshop site as a MkDocs site.

Reads SOURCE and never writes into it. Every page with front matter becomes a Markdown page
under ``DEST/docs`` at the path its ``permalink`` gives; rosters stay in the front matter,
``{% include team.html %}`` and "Important Dates" lists become macros, images are copied once
by content, and ``DEST/mkdocs.yml`` configures Material, the macros plugin and this plugin.
The report accounts for every page, person, date line, image and piece of Liquid.

The source is not trusted (see "What the importer trusts" in docs/import-jekyll.md): nothing
in it reaches mkdocs-macros as a template (:mod:`.escape`), nothing is read from outside
SOURCE or written outside DEST (:mod:`.paths`), and every YAML text is read with the limits
of :mod:`mkdocs_workshop.core.safeload`.
"""

from __future__ import annotations

import os
import posixpath
import re
import secrets
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import yaml

from ...core.frontmatter import parse_front_matter
from ...core.meta import META_RE, YAML_RE
from ...core.problems import did_you_mean, excerpt, printable
from ...core.safeload import Loaded, load
from ...core.times import format_day
from ...core.timezones import AOE
from ...features import is_roster
from ...features.dates import is_workshop_label
from ...features.directory import Directory
from ...features.page import find_calls, read_page
from ...features.papers import PaperFiles
from ...features.sponsors import SPONSORS
from ...features.team import ROSTER_FIELDS
from ...features.workshop import LOCAL_TIME
from ..common.deploy import WORKFLOW_PATH
from ..common.escape import html_text, keep_verbatim, markdown_text, one_line
from ..common.freedates import (
    DateLine,
    day_and_year,
    days_in,
    parse_date_line,
    parse_free_date,
)
from ..common.newsite import mkdocs_yml_text
from ..common.paths import (
    safe_segment,
    safe_segments,
    within,
)
from ..common.recognize import page_topic, plain
from ..common.sitefiles import (
    DOCUMENT_SUFFIXES,
    MAX_IMAGE_BYTES,
    MAX_LINE,
    SHOWN,
    Destinations,
    Documents,
    ImageLog,
    Images,
    listed,
    refuse_folders,
    shown,
    write_site,
)
from ..common.zones import zone_of
from .body import (
    LIQUID_RAW,
    BodyResult,
    PageFacts,
    convert_body,
    drop_call_wrappers,
    drop_stray_closings,
)
from .datafiles import SiteData, in_plugin_fields, read_site_data
from .dataloops import PAPERS_FOLDER, Written, directory_yaml, page_day, page_year, use_loops
from .defaults import Defaults, Excluded
from .frontmatter import KeyEdits, comment_out, edit_front_matter, key_edits, unwritable
from .links import LinkResult, SiteMap, link_to, page_url, resolve_liquid_urls
from .liquid import in_layouts, layout_chain, layout_path
from .nav import (
    Button,
    NavPage,
    commented_buttons,
    data_nav,
    first_heading,
    group,
    header_buttons,
    home_entries,
    nav_entries,
)
from .published import SourcePage, one_per_address, unpublished
from .sitevars import LiquidSite, liquid_site
from .static import as_block, content_of, static_page, whole_document
from .themes import stand_in, theme_name
from .venue import venue_of

PAGE_SUFFIXES = (".md", ".markdown", ".html", ".htm")
SKIPPED_DIRS = {"_site", "_layouts", "_includes", "_sass", "_plugins", "node_modules", "vendor",
                ".git", ".bundle", ".jekyll-cache", ".sass-cache"}
MAX_PAGE_BYTES = 10_000_000  # no workshop page is near this; a bigger file is not read
MAX_CONFIG_BYTES = 2_000_000  # a _config.yml is a few kilobytes; a bigger one is not read
MAX_LAYOUT_BYTES = 1_000_000  # a layout is a few kilobytes; a bigger one is not read


@dataclass
class PageReport:
    source: str
    dest: str
    title: str | None
    collection: str | None = None  # the Jekyll collection (output: true) the page is of
    people: dict[str, int] = field(default_factory=dict)
    read_people: int = 0  # people read from the page's text (lists, tables, cards)
    unshown: dict[str, str] = field(default_factory=dict)  # roster -> why no team() shows it
    commented_people: int = 0
    roles: list[str] = field(default_factory=list)
    links_rewritten: int = 0
    slots: int = 0  # schedule slots made of a table
    layout: str | None = None  # the Jekyll layout the page named
    heading: str | None = None  # its first level-one heading
    day: date | None = None  # the workshop's day, else its last date (editions' order)
    venue: str | None = None  # "NeurIPS 2025": the nav's label of the edition
    buttons: list[str] = field(default_factory=list)  # header buttons made workshop.links
    links_unresolved: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    kept_lines: list[str] = field(default_factory=list)
    liquid_kept: list[str] = field(default_factory=list)
    comments_converted: int = 0
    notes: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)  # what the plugin will say on build
    data_used: list[str] = field(default_factory=list)  # 'include x.html -> << team("x") >>'
    data_names: list[str] = field(default_factory=list)  # the _data files the page shows

    @property
    def is_edition(self) -> bool:
        return bool(self.people or self.dates)


@dataclass
class Report:
    source: Path
    dest: Path
    dry_run: bool
    site_name: str = ""
    pages: list[PageReport] = field(default_factory=list)
    images: ImageLog = field(default_factory=ImageLog)
    files: ImageLog = field(default_factory=ImageLog)  # the files pages link to (PDFs...)
    skipped_files: int = 0
    # HTML files without front matter: Jekyll publishes them as they are; the import does not
    static_pages: list[str] = field(default_factory=list)
    not_published: list[str] = field(default_factory=list)  # pages another one replaces
    notes: list[str] = field(default_factory=list)
    data_files: SiteData | None = None

    @property
    def images_missing(self) -> list[str]:
        return self.images.missing

    def pages_using_data(self) -> dict[str, list[str]]:
        """Each _data file a page shows, and the pages that show it."""
        used: dict[str, list[str]] = {}
        for page in self.pages:
            for name in page.data_names:
                used.setdefault(name, []).append(f"docs/{page.dest}")
        return used

    def render(self) -> str:
        verb = "Would write" if self.dry_run else "Wrote"
        people = sum(sum(p.people.values()) for p in self.pages)
        from_data = sum(len(f.entries) for f in self.data_files.files.values()
                        if f.kind == "people") \
            if self.data_files is not None else 0
        commented = sum(p.commented_people for p in self.pages)
        read = sum(p.read_people for p in self.pages)
        dates = sum(len(p.dates) for p in self.pages)
        kept = sum(len(p.kept_lines) for p in self.pages)
        liquid = sum(len(p.liquid_kept) for p in self.pages)
        links = sum(p.links_rewritten for p in self.pages)
        unresolved = sum(len(p.links_unresolved) for p in self.pages)
        lines = [
            f"{verb} a MkDocs site for '{shown(self.site_name)}' to {printable(str(self.dest))}"
            + (" (dry run: nothing written)" if self.dry_run else ""),
            "",
            f"Text from the Jekyll site is shown on one line, with control characters escaped "
            f"(a line break as \\n), and cut at {SHOWN} characters (…).",
            f"Pages: {len(self.pages)} ({sum(p.is_edition for p in self.pages)} with rosters or "
            f"dates); files without front matter not copied: {self.skipped_files}"
            + (f"; not imported, another page has the same address: {len(self.not_published)}"
               if self.not_published else ""),
            f"People: {people} in rosters"
            + (f", {from_data} in _data files" if from_data else "")
            + (f", {read} read from the pages' text" if read else "")
            + (f"; {commented} commented out in the source, left out as in Jekyll"
               if commented else ""),
            f"Dates converted: {dates}; lines kept as written: {kept}",
            f"Images: {len(self.images.copied)} copied, {self.images.reused} reused (same "
            f"file), {len(self.images.missing)} missing"
            + (f", {len(self.images.refused)} not copied (outside the site, not an image, or "
               "too large)" if self.images.refused else ""),
            f"Files pages link to: {len(self.files.copied)} copied, {len(self.files.missing)}"
            " missing" + (f", {len(self.files.refused)} not copied" if self.files.refused
                          else ""),
            f"Text that reads as template syntax, kept as text: {liquid}",
            f"Links between pages rewritten: {links}; internal links kept as written (no page "
            f"there): {unresolved}",
        ]
        for page in self.pages:
            lines += ["", f"{shown(page.source)} -> docs/{page.dest}"
                      + (f"  ({shown(page.title)})" if page.title else "")]
            for roster, count in page.people.items():
                lines.append(f"  roster {shown(roster)}: {count} people"
                             + (f", {page.unshown[roster]}" if roster in page.unshown else ""))
            lines += [f"  {shown(key)}: {why}" for key, why in page.unshown.items()
                      if key not in page.people]
            if page.commented_people:
                lines.append(f"  commented-out people left out: {page.commented_people}")
            if page.venue:
                lines.append(f"  workshop.venue: {shown(page.venue)} (found in the page's address, "
                             "subtitle, description or title; the nav labels the edition by it)")
            lines += listed([f"  header button -> workshop.links: {shown(button)}"
                              for button in page.buttons])
            if page.buttons:
                lines.append("  (the edition's header shows these buttons; each links to the "
                             "page or address named)")
            if page.slots:
                lines.append(f"  schedule table -> schedule: {page.slots} slots, "
                             "<< schedule() >>")
            if page.links_rewritten:
                lines.append(f"  links to other pages rewritten: {page.links_rewritten}")
            lines += listed([f"  link kept as written (no page of the site is there): "
                              f"{shown(url)}" for url in page.links_unresolved])
            lines += listed([f"  role split from the name: {shown(role)}"
                              for role in page.roles])
            lines += listed([f"  date: {shown(date)}" for date in page.dates])
            lines += listed([f"  kept as written (not a date I can read): {shown(line)}"
                              for line in page.kept_lines])
            lines += listed([f"  kept as text (it reads as template syntax): {shown(kept, 120)}"
                              for kept in page.liquid_kept])
            if page.comments_converted:
                lines.append(f"  Liquid comments turned into HTML comments: "
                             f"{page.comments_converted}")
            lines += listed([f"  note: {note}" for note in page.notes])
            lines += listed([f"  {used}" for used in page.data_used])
            lines += listed([f"  the built site will say: {check}" for check in page.checks])
        if self.static_pages:
            lines += ["", "HTML files without front matter, which Jekyll publishes as they are: "
                      "not imported (their scripts and styles are the old site's; copy what "
                      "matters of them into a page)"]
            lines += listed([f"  {shown(rel)}" for rel in self.static_pages])
        if self.not_published:
            lines += ["", "Pages with the same address as another page (Jekyll publishes one):"]
            lines += listed([f"  {line}" for line in self.not_published])
        if self.images.missing:
            lines += ["", "Missing images (the cards show initials, and a page the image's "
                      "text, until they are added):"]
            lines += listed([f"  {missing}" for missing in self.images.missing])
        if self.images.refused:
            lines += ["", "Images not copied (the import reads only images inside the site, of at "
                      f"most {MAX_IMAGE_BYTES:,} bytes; a page shows the image's text):"]
            lines += listed([f"  {refused}" for refused in self.images.refused])
        if self.files.missing or self.files.refused:
            lines += ["", "Files pages link to that are not in the new site (missing from the "
                      "source, outside it, or too large):"]
            lines += listed([f"  {line}" for line in [*self.files.missing,
                                                      *self.files.refused]])
        if self.data_files is not None:
            lines += self.data_files.report_lines(self.pages_using_data())
        for note in listed(self.notes):
            lines += ["", note]
        # Each line once more: nothing from the source can start a line of its own, or
        # rewrite what the terminal shows.
        return "".join(excerpt(line, MAX_LINE) + "\n" for line in lines)


# ---------------------------------------------------------------------------------------------


def _dest_path(rel: str, meta: dict[Any, Any], taken: Destinations,
               report: PageReport) -> str:
    permalink = meta.get("permalink")
    path = None
    if isinstance(permalink, str) and permalink.strip():
        if ":" in permalink:
            report.notes.append(f"permalink '{shown(permalink)}' has placeholders; "
                                "the file's own path is used")
        else:
            naive = re.sub(r"(/index)?\.html?$", "", permalink.strip().strip("/"))
            joined = "/".join(safe_segments(permalink.strip()))
            cleaned = re.sub(r"(/index)?\.html?$", "", joined)
            lost = not joined and any(part not in ("", ".", "..") for part in
                                      permalink.strip().replace("\\", "/").split("/"))
            if lost:  # "/😀/" is not the home page
                report.notes.append(f"permalink '{shown(permalink)}' has no letter or digit "
                                    "to make a path of; the file's own path is used")
            else:
                path = "index.md" if cleaned in ("", "index") else f"{cleaned}.md"
                if cleaned != naive:
                    report.notes.append(f"permalink '{shown(permalink)}' made a safe path "
                                        f"inside docs/: docs/{path}")
    if path is None:
        stem = os.path.splitext(rel)[0]
        cleaned = "/".join(safe_segments(stem)) or "page"
        path = f"{cleaned}.md"
        if cleaned != stem:
            report.notes.append(f"file name made a safe path: docs/{path}")
    base, path = path, taken.unique(path)
    if path != base:
        report.notes.append(f"another page already goes to docs/{base}; this one goes to "
                            f"docs/{path}")
    return path


def _site_url(url: Any, baseurl: Any, report: Report) -> str | None:
    """``url`` and ``baseurl`` of _config.yml as a site_url: http(s), with a host, and no
    character that could leave an HTML attribute."""
    if not isinstance(url, str) or not url.strip():
        return None
    url = url.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # an IPv6 address without its ]
        host = None
    if (not host or parts.scheme.lower() not in ("http", "https") or not url.isprintable()
            or re.search(r"""[\s"'<>\\{}|^`]""", url)):
        report.notes.append(f"_config.yml: url '{shown(url)}' is not an http(s) "
                            "address with a host; mkdocs.yml has no site_url.")
        return None
    base = "/".join(safe_segments(baseurl)) if isinstance(baseurl, str) else ""
    return f"{url}/{quote(base)}/" if base else f"{url}/"


def _site_config(source: Path, report: Report) -> tuple[dict[str, Any], dict[Any, Any]]:
    """mkdocs.yml's settings from _config.yml, and what _config.yml holds."""
    data: Any = {}
    config_file = source / "_config.yml"
    if os.path.lexists(config_file):
        found = within(config_file, source)
        if found is None:
            report.notes.append(f"_config.yml was not read: {_outside(config_file, source)}; "
                                "defaults are used.")
        else:
            loaded = _read_yaml_file(found, report, "_config.yml")
            data = loaded.data if loaded.ok else {}
            why = unwritable(data)
            if why:
                report.notes.append(f"_config.yml {why} Defaults are used.")
                data = {}
    if not isinstance(data, dict):
        data = {}
    name = one_line(str(data.get("title") or data.get("name") or "")) or source.name
    report.site_name = name
    config: dict[str, Any] = {"site_name": html_text(name)}
    url = _site_url(data.get("url"), data.get("baseurl"), report)
    if url:
        config["site_url"] = url
    description = data.get("description")
    if description and html_text(str(description)):
        config["site_description"] = html_text(str(description))
    return config, data


@dataclass
class Collections:
    """Jekyll's collections, from _config.yml: the folder of each (``_speakers``, or under
    ``collections_dir``), and whether Jekyll publishes its documents as pages."""

    folders: dict[str, tuple[str, bool]] = field(default_factory=dict)  # rel -> (label, out)
    included: set[str] = field(default_factory=set)  # '_pages': named by 'include:'

    @classmethod
    def read(cls, data: dict[Any, Any]) -> Collections:
        found = cls()
        include = data.get("include")
        if isinstance(include, list):  # folders starting with '_' that Jekyll publishes
            found.included = {name.strip("/") for name in include if isinstance(name, str)
                              and name.startswith("_") and safe_segment(name.strip("/"))
                              == name.strip("/") and name.strip("/") not in SKIPPED_DIRS
                              and name.strip("/") != "_data"}
        declared = data.get("collections")
        if isinstance(declared, list):
            declared = {label: None for label in declared if isinstance(label, str)}
        if not isinstance(declared, dict):
            return found
        where = data.get("collections_dir")
        base = "/".join(safe_segments(where)) if isinstance(where, str) else ""
        for label, settings in declared.items():
            if not isinstance(label, str) or safe_segment(label) != label or label == "posts":
                continue
            output = isinstance(settings, dict) and settings.get("output") is True
            found.folders[f"{base}/_{label}" if base else f"_{label}"] = (label, output)
        return found

    def of(self, rel: str) -> tuple[str, str] | None:
        """The collection a file is in and its path as Jekyll publishes it (``speakers/a.md``
        for ``_speakers/a.md``), if that collection is published."""
        for folder, (label, output) in self.folders.items():
            if output and rel.startswith(folder + "/"):
                return label, f"{label}/{rel[len(folder) + 1:]}"
        return None


def _read_yaml_file(path: Path, report: Report, rel: str) -> Loaded:
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            report.notes.append(f"{rel} was not read: it is larger than {MAX_CONFIG_BYTES:,} "
                                "bytes, more than a site's settings need; defaults are used.")
            return Loaded(ok=False)
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        report.notes.append(f"{rel} could not be read ({_why(exc)}); defaults are used.")
        return Loaded(ok=False)
    loaded = load(text)
    if not loaded.ok:
        assert loaded.error is not None
        report.notes.append(f"{rel} {loaded.error[0]} Defaults are used.")
    return loaded


def _why(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 text: byte {exc.start}"
    if isinstance(exc, OSError):
        return shown(exc.strerror or exc)
    return shown(exc)


def _dates_block(dates: list[tuple[str, DateLine]],
                 pending: Sequence[tuple[int, str, str]] = ()) -> list[Any]:
    """The ``dates:`` entries of the lines: ``Label: day`` when that is all there is, else
    ``what`` with ``when`` or ``start``/``end`` (times of day and a zone when the line gives
    them) and ``extended`` (a deadline's new date; a period extended gets its new last day as
    ``end``, the first one named in its label); the lines whose day is not known yet
    (``pending``: how many dated lines come before each) as ``what`` with ``when_text``,
    where the source lists them."""
    block: list[Any] = []
    waiting = sorted(pending, key=lambda entry: entry[0])
    for number, (_line, parsed) in enumerate(dates):
        while waiting and waiting[0][0] <= number:
            _at, what, words = waiting.pop(0)
            block.append({"what": what, "when_text": words})
        found = parsed.date
        entry: dict[str, Any] = {"what": parsed.what}
        if parsed.end_time is not None and found.time is not None:
            entry["start"] = found.when
            entry["end"] = datetime.combine(found.first, parsed.end_time)
        elif found.first != found.last:
            entry["start"], entry["end"] = found.first, found.last
        else:
            entry["when"] = found.when
        if parsed.extended is not None and "end" in entry:
            # Only a deadline has 'extended:': a period's new last day is its end, and the
            # label keeps the one the source gave first.
            entry["what"] = f"{parsed.what} (extended from {format_day(found.last)})"
            entry["end"] = parsed.extended.last
        elif parsed.extended is not None:
            entry["extended"] = parsed.extended.when
        if found.zone not in (None, "AoE") and (found.time is not None or found.zone == "UTC"):
            entry["timezone"] = found.zone
        if list(entry) == ["what", "when"] and not isinstance(found.when, datetime):
            entry = {parsed.what: found.first}
        block.append(entry)
    block += [{"what": what, "when_text": words} for _at, what, words in waiting]
    return block


def in_order(dates: list[tuple[str, DateLine]], pending: list[tuple[int, str, str]]
             ) -> tuple[list[tuple[str, DateLine]], list[tuple[int, str, str]], str]:
    """The date lines in the order their days come (a stable sort: lines of one day keep
    theirs), each line whose day is not known yet still after the line it followed, and what
    moved ("'Last day to book' after 'Reservation end date'"), "" when nothing did. A list
    with a date after the workshop's day is left as the source has it: a slip of the month or
    the year ("Review bidding: Oct 16" before a workshop in July) the plugin's warnings point
    at, which sorting would hide."""
    order = sorted(range(len(dates)), key=lambda n: dates[n][1].date.first)
    workshop = [parsed.date.last for _line, parsed in dates if is_workshop_label(parsed.label)]
    if order == list(range(len(dates))) or (workshop and any(
            parsed.date.first > max(workshop) for _line, parsed in dates
            if not is_workshop_label(parsed.label))):
        return dates, pending, ""
    first = next(n for n, old in enumerate(order) if old != n)
    moved = f"'{dates[order[first]][1].what}' after '{dates[first][1].what}'"
    place = {old: new for new, old in enumerate(order)}
    return ([dates[n] for n in order],
            [(place[at - 1] + 1 if at else 0, what, words) for at, what, words in pending],
            moved)


def _workshop_day(dates: list[tuple[str, DateLine]]) -> Any:
    for _line, parsed in dates:
        if is_workshop_label(parsed.label):
            found = parsed.date
            # New objects: the same ones as in dates: would be written as YAML aliases.
            first, last = (date.fromordinal(d.toordinal()) for d in (found.first, found.last))
            block: dict[str, Any] = ({"date": first} if first == last
                                     else {"start": first, "end": last})
            if found.zone not in (None, "AoE") and found.time is not None:
                block["timezone"] = found.zone  # the hours were given in it
            return block
    return None


def _edition_folder(rel: str) -> str:
    """The folder of a page's edition: its first folder ("2024/program.md"), "" at the top."""
    return rel.split("/", 1)[0] if "/" in rel else ""


def _site_days(pages: list[tuple[str, str]], config: Any,
               data: dict[str, Any] | None = None) -> dict[str, set[date]]:
    """The workshop's (first) day of each edition folder ("" for the pages at the top), where
    its pages agree on one: a date line labelled as the workshop's ("Workshop: July 22,
    2022"), or a page's banner, a short line near its top that starts with the day and
    goes on to the place ("May 19th, 2025 | Atlanta, Georgia | ICRA 2025"), or the site's
    settings ("description: May 8th and 9th 2023, Kigali") or its home page's front matter
    ("description: January 22-24, 2025"); failing those, a line that is
    only a day ("August 26th, 2024") or says the workshop is held on one ("This workshop
    will be held on August 26th, 2024"), or a short line near a page's top that names one
    day. For a program on a page that names no day."""
    found: dict[str, set[date]] = {}
    facts: dict[str, set[date]] = {}  # "| **Date** | May 5, 2023 |", "When: May 5, 2023"
    held: dict[str, set[date]] = {}  # "will be held on", then a line that is only a day
    alone: dict[str, set[date]] = {}
    top: dict[str, set[date]] = {}  # a day on a short line near a page's top: the weakest
    for rel, text in pages:
        # what a visitor does not see names no day: HTML comments kept as blank lines
        text = _HIDDEN.sub(lambda m: "\n" * m.group(0).count("\n"), text)
        lines = text.split("\n")
        # the front matter's lines are settings ("date:" of a post), not what the page says
        matter = next((n for n, line in enumerate(lines[1:], 1) if line.rstrip() == "---"),
                      0) if lines and lines[0].rstrip() == "---" else 0
        for number, line in enumerate(lines):
            if len(line) > 300:  # a paragraph: only a sentence of it that says so
                if len(line) <= 2000 and (said := _held_on(line)) is not None:
                    held.setdefault(_edition_folder(rel), set()).add(said[0])
                continue
            day = None
            if number > matter and (fact := _key_fact_day(line, number)) is not None:
                facts.setdefault(_edition_folder(rel), set()).add(fact)
            if "workshop" in line.lower():
                text = plain(line).strip(" -*")
                parsed = parse_date_line(text)
                if parsed is not None and is_workshop_label(parsed.label):
                    day = parsed.date.first
                elif parsed is None and ":" in text:  # "Workshop date: August 20th, 2023:
                    label, rest = text.split(":", 1)  # Workshop W26 @ Room 6006"
                    days = days_in(rest)
                    if is_workshop_label(label.strip()) and len(days) == 1:
                        day = days.pop()
            if day is None and number < _BANNER_LINES:
                day = _banner_day(plain(line))
            if day is not None:
                found.setdefault(_edition_folder(rel), set()).add(day)
            elif (said := _held_on(line)) is not None:
                (alone if said[1] else held).setdefault(_edition_folder(rel), set()).add(said[0])
            elif number < _BANNER_LINES and (near := _day_near_top(line)) is not None:
                top.setdefault(_edition_folder(rel), set()).add(near)
    if isinstance(config, dict) and "" not in found:
        day = page_day({k: v for k, v in config.items() if k in ("description", "title",
                                                                  "tagline", "subtitle")},
                       periods=True)
        if day is not None:
            found[""] = {day}
    if "" not in found:  # "date: December 8, 2022" in _config.yml or a _data file of settings
        stated = {day for settings in [config, *(data or {}).values()]
                  if isinstance(settings, dict) for key, value in settings.items()
                  if str(key).lower() in _DAY_KEYS and (day := _settings_day(value)) is not None}
        if len(stated) == 1:
            found[""] = stated
    for rel, text in pages:  # an edition's home: "description: January 22-24, 2025"
        folder = _edition_folder(rel)
        if folder not in found and posixpath.splitext(posixpath.basename(rel))[0] == "index":
            meta = _meta_of(text)
            day = page_day({k: v for k, v in meta.items() if k in ("description", "title",
                                                                    "tagline", "subtitle")},
                           periods=True)
            if day is not None:
                found[folder] = {day}
    for weaker in (facts, held, alone, top):
        for folder, days in weaker.items():
            found.setdefault(folder, days)
    return found


_DAY_KEYS = frozenset({"date", "dates", "day", "when", "workshop_date", "event_date",
                       "workshop_day", "event_day"})


def _settings_day(value: Any) -> date | None:
    """The one day a setting names: a YAML date, or text ("December 8, 2022")."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) <= 200:
        found = parse_free_date(value.strip(" ."))
        if found is not None:
            return found.first
        days = days_in(value)
        return days.pop() if len(days) == 1 else None
    return None


def _day_of_folder(days: dict[str, set[date]], folder: str, year: int | None = None
                   ) -> date | None:
    """The workshop's day for the pages of ``folder`` (of ``year``, when the page names one):
    its own, else the site's, unless the folder names another year (the pages of
    "neurips2019/" are not on the 2025 edition's day). Of several days the site names (its
    editions'), the one of the page's year, else the latest year's when it names one."""
    years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", folder)}
    site = {day for day in days.get("", set()) if not years or day.year in years}
    # the folder's own days, else (none, or they disagree) the site's
    for found in ([days[folder], site] if folder in days and folder else [site]):
        if year is not None and any(day.year == year for day in found):
            found = {day for day in found if day.year == year}
        if len(found) == 1:
            return next(iter(found))
        latest = {day for day in found if day.year == max((d.year for d in found), default=0)}
        if len(latest) == 1 and year is None:
            return next(iter(latest))
    return None


def _page_year_of(rel: str, text: str) -> int | None:
    """The year a page is of: its front matter's (title, address), else its file name's
    ("workshop_programme2023.md")."""
    found = page_year(_meta_of(text))
    if found is not None:
        return found
    years = re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", posixpath.basename(rel))
    return int(years[-1]) if years else None


_HELD = re.compile(r"\b(?:held|hosted|takes? place|taking place|will be on|is on|happens)\b",
                   re.I)
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")
_SENTENCES = 6  # of a paragraph, the first sentences


_IN_A_LIST = re.compile(r"^\s*(?:<t[dh]\b|<li\b|\||[-*+]\s|\d{1,3}[.)]\s)", re.I)


def _held_on(line: str) -> tuple[date, bool] | None:
    """The day of a line that says something is held on it ("The workshop will be held on
    August 26th, 2024") or is only a day ("August 26th, 2024", "Monday, Dec 13 2021"; then
    with True), and names no step before the workshop (a deadline, a notification); None
    otherwise."""
    text = plain(line).strip(" -*#,.:")
    if len(text) > 200:  # a paragraph: the sentence that says so ("... will be hosted by
        # the Linguistics Department on May 20 - 22, 2025. Talks are in person.")
        return next((said for sentence in _SENTENCE_END.split(text)[:_SENTENCES]
                     if len(sentence) <= 200 and _HELD.search(sentence)
                     and (said := _held_on(sentence)) is not None), None)
    if not text or _NOT_THE_DAY.search(text):
        return None
    only = parse_free_date(text)
    if only is not None:  # a day alone, but not in a table's cell or a list (a deadline's)
        return None if _IN_A_LIST.match(line) else (only.first, True)
    if not _HELD.search(text):
        return None
    days = days_in(text)
    if not days:  # "will take place on April 29th during ICLR 2022"
        day = day_and_year(text)
        return (day, False) if day is not None else None
    if len(days) > 1 and (max(days) - min(days)).days <= _WORKSHOP_DAYS:
        return min(days), False  # "on 18-19 December 2023": its first day
    return (days.pop(), False) if len(days) == 1 else None


_WORKSHOP_DAYS = 6  # the days a workshop held "on 18-19 December" may span


_BANNER_LINES = 60  # a page's banner is in its first lines
_HIDDEN = re.compile(r"<!--.*?(?:-->|\Z)|"
                     r"\{%-?\s*comment\s*-?%\}.*?(?:\{%-?\s*endcomment\s*-?%\}|\Z)", re.S)
_BANNER = re.compile(r"\s*(?:\||\u00b7|\u2022|\s[-\u2013\u2014]\s)\s*")
# Words of a line that is about a step before the workshop, not the workshop's day.
_NOT_THE_DAY = re.compile(r"\b(?:submi\w*|deadline|due|notif\w*|camera|open\w*|clos\w*|"
                          r"releas\w*|announc\w*|accept\w*|decision|registr\w*|news|posted|"
                          r"updated?|extend\w*|postpon\w*)\b|~~|<(?:s|del|strike)>", re.I)
# A key fact's label that names the workshop's own day ("| **Date** | May 5, 2023 |", "When:
# Friday, July 26, 2024")
_DIGIT = re.compile(r"\d")
_FACT_LINES, _FACT_CHARS = 150, 200
# the start of a line that may be such a fact: a label of _DAY_LABELS, bold or in a cell
_DAY_LABEL_START = re.compile(r"[\s|*_#>-]{0,12}(?:<(?:b|strong|td|th)>\s*)?(?:date|when|day|"
                              r"time\s+and\s+date)", re.I)
_DAY_LABELS = frozenset({"date", "dates", "when", "day", "event date", "date and time",
                         "time and date", "date & time", "date and venue", "when and where"})


def _key_fact_day(line: str, number: int) -> date | None:
    """The day a page's key fact names ("| **Date** | May 5, 2023 (9 am - 6 pm) |", "**When:**
    Friday, May 5, 2023"): a short line near the page's top labelled as the event's day."""
    if number > _FACT_LINES or len(line) > _FACT_CHARS or not _DAY_LABEL_START.match(line):
        return None
    if line.lstrip().startswith("|") and line.count("|") >= 2:  # a key facts' row
        cells = [plain(c) for c in line.strip().strip("|").split("|")]
        fact = parse_date_line(": ".join(c for c in cells if c)) if len(cells) == 2 else None
    elif ":" in line and _DIGIT.search(line):
        fact = parse_date_line(plain(line).strip(" -*"))
    else:
        return None
    return fact.date.first if fact is not None and fact.label.lower() in _DAY_LABELS else None


def _day_near_top(line: str) -> date | None:
    """The one day a short line near a page's top names ("Proposed to RSS '25: June 21,
    2025. Hybrid in-person and virtual."), outside a list and not about a step before the
    workshop; the weakest sign of the workshop's day, taken when the pages agree on it."""
    text = plain(line)
    if len(text) > _SHORT_LINE or _IN_A_LIST.match(line) or _NOT_THE_DAY.search(text):
        return None
    days = days_in(text)
    return days.pop() if len(days) == 1 else None


_SHORT_LINE = 120


def _banner_day(line: str) -> date | None:
    """The day a banner line starts with ("May 19th, 2025 | Atlanta, Georgia, USA"): a day
    with its year, then at least one more part; None for any other line."""
    parts = _BANNER.split(line.strip(" *#"), maxsplit=1)
    if len(parts) < 2 or not parts[1].strip() or _NOT_THE_DAY.search(line):
        return None
    found = parse_free_date(parts[0].strip(" ,."))
    return found.first if found is not None else None


def _site_year(site: Any) -> int | None:
    """The one year the site's settings name (its title "AMTE 2024", its address
    amte2024.github.io), for dates its pages write without one."""
    if not isinstance(site, dict):
        return None
    years = {int(y) for key in ("title", "description", "url", "baseurl", "repository")
             if isinstance(site.get(key), str)
             for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", site[key])}
    return years.pop() if len(years) == 1 else None


_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")


def _linked_file(url: str, documents: Documents | None, rel: str, base: str) -> str | None:
    """The docs-relative path of the file of the site a link names (a PDF, slides), copied
    into the new site; None for anything else."""
    path = url.split("#", 1)[0].split("?", 1)[0]
    if documents is None or not path.lower().endswith(DOCUMENT_SUFFIXES) or re.match(
            r"^[a-z][a-z0-9+.-]*:|^//", url, re.I):
        return None
    if base and path.startswith(f"/{base}/"):
        path = path[len(base) + 1:]
    return documents.copy(path, rel)


def _zone_of_program(page: PageReport, meta: dict[Any, Any], additions: dict[str, Any],
                     text: str, site: Any) -> None:
    """A page with a timed program and no time zone: the zone its text, its front matter or
    the site's settings name (:func:`..common.zones.zone_of`), in its workshop block, and
    said in the report; where none names one, ``timezone: local`` (the times as the source
    shows them, in a zone it does not name). A block the page already has is left as
    written, and the report suggests the zone."""
    slots = additions.get("schedule") or meta.get("schedule")
    block = additions.get("workshop") if "workshop" not in meta else meta.get("workshop")
    if not isinstance(slots, list) or not slots or (
            isinstance(block, dict) and block.get("timezone")):
        return
    # What the page says of itself first, then its text, then the site's settings.
    sources = [[v for v in meta.values() if isinstance(v, str) and len(v) < 500], [text]]
    if isinstance(site, dict):
        sources.append([str(site.get(k)) for k in ("title", "description", "location",
                                                   "venue") if isinstance(site.get(k), str)])
    found = next((z for z in (zone_of(texts, venue_only=texts == [text])
                              for texts in sources) if z is not None), None)
    if found is None and "workshop" in meta:
        page.notes.append("the program has times but nothing on the page says in which time "
                          "zone: add 'timezone:' to its workshop block")
        return
    if found is None:  # the source shows its times as they are: so does the page
        additions["workshop"] = {**(block if isinstance(block, dict) else {}),
                                 "timezone": LOCAL_TIME}
        page.notes.append("the program has times but nothing on the page says in which time "
                          f"zone: written as 'timezone: {LOCAL_TIME}' (times shown as written); "
                          "name the zone (timezone: Europe/Vienna) to offer visitors their own "
                          "time and the Now/Next marks")
        return
    zone, words = found
    if "workshop" in meta:
        page.notes.append(f"the program's time zone is likely {zone} (the page says "
                          f"'{shown(words, 60)}'): add 'timezone: {zone}' to its workshop block")
        return
    additions["workshop"] = {**(block if isinstance(block, dict) else {}), "timezone": zone}
    page.notes.append(f"time zone of the program: {zone}, from '{shown(words, 60)}' on the "
                      "page: check it")


def _person_entry(person: dict[str, Any], images: Images, rel: str) -> dict[str, Any]:
    """A person read from a page's text, as a roster entry: the picture copied (a missing one
    is left out, as the source showed none)."""
    entry = dict(person)
    if "image" in entry:
        copied = images.copy(str(entry["image"]), rel)
        if copied:
            entry["image"] = copied
        else:
            del entry["image"]
    return entry


def _papers_text(rel: str, papers: list[dict[str, Any]]) -> str:
    """A papers file of papers read from a page's text."""
    return (f"# The papers listed in the text of {one_line(rel)}, read by mkdocs-workshop "
            "import-jekyll.\n# Fields: title, authors, pdf, url.\n"
            + str(yaml.safe_dump(papers, allow_unicode=True, sort_keys=False, width=100)))


def _published(name: str) -> bool:
    """Whether Jekyll publishes a file of this name (it leaves out ., _, # and ~ files)."""
    return not name.startswith((".", "_", "#")) and not name.endswith("~")


def _pages(source: Path, report: Report, collections: Collections,
           readme_homes: set[str], static_pages: set[str],
           excluded: Excluded | None = None) -> list[tuple[str, str]]:
    pages = []
    excluded = excluded or Excluded()
    static: list[tuple[str, str]] = []  # whole HTML documents without front matter

    def unreadable(error: OSError) -> None:
        report.notes.append(f"{shown(error.filename)} could not be read ({_why(error)}); what "
                            "is in it was not imported.")

    for root, dirs, files in os.walk(source, onerror=unreadable):
        kept = []
        for folder in sorted(dirs):
            if folder in SKIPPED_DIRS or folder.startswith("."):
                continue  # Jekyll's own machinery, which Material and the plugin replace
            rel_folder = (Path(root) / folder).relative_to(source).as_posix()
            if (pattern := excluded(rel_folder)) is not None:
                report.notes.append(f"not imported: {shown(rel_folder)}/ (exclude: "
                                    f"{shown(pattern)} in _config.yml: Jekyll does not read it)"
                                    ".")
                continue
            if collections.of(rel_folder + "/x") is not None or not folder.startswith("_") \
                    or rel_folder in collections.included:
                if os.path.islink(Path(root) / folder):  # os.walk does not go in: said
                    report.notes.append(f"{shown(rel_folder)}/ was not imported: it is a link "
                                        "to a folder, and the import follows no link to a "
                                        "folder (it could lead outside the site); copy the "
                                        "folder into the site if its pages belong there.")
                    continue
                kept.append(folder)
            else:
                report.notes.append(_folder_left_out(source, rel_folder, folder, collections))
        dirs[:] = kept
        for name in sorted(files):
            if not name.lower().endswith(PAGE_SUFFIXES):
                continue
            full = Path(root) / name
            rel = full.relative_to(source).as_posix()
            if (pattern := excluded(rel)) is not None:
                report.notes.append(f"{shown(rel)} was not imported: exclude: "
                                    f"{shown(pattern)} in _config.yml (Jekyll does not read it).")
                continue
            if not _published(name):
                report.notes.append(f"{shown(rel)} was not imported: Jekyll does not publish files "
                                    "whose name starts with '.', '_' or '#', or ends with '~'.")
                continue
            if rel.lower().rsplit(".", 1)[0] == "404":
                report.notes.append(f"{shown(rel)} was not imported: the new site's theme makes "
                                    "its own page for an address that is not there (404).")
                continue
            text = _read_page(full, rel, source, report)
            if text is None:
                continue
            if (split := split_front_matter(text)) is not None:
                if "published" in (split[0] or "") and unpublished(_meta_of(text)):
                    report.notes.append(f"{shown(rel)} was not imported: its front matter says "
                                        "'published: false' (Jekyll does not publish it).")
                    continue
                pages.append((rel, text))
            elif name.lower().endswith((".md", ".markdown")):
                # GitHub Pages publishes Markdown without front matter too (its default
                # plugins optional-front-matter and readme-index: a README is its folder's
                # home page when the folder has no index).
                folder = posixpath.dirname(rel)
                home = name.lower() == "readme.md" and not any(
                    (Path(root) / f"index{suffix}").exists() for suffix in PAGE_SUFFIXES)
                if not home and name.rsplit(".", 1)[0].upper() in _REPOSITORY_FILES:
                    report.skipped_files += 1  # the plugin leaves them out, too
                    continue
                if home:
                    readme_homes.add(rel)
                pages.append((rel, (f"---\npermalink: /{folder + '/' if folder else ''}\n---\n"
                                    if home else "---\n---\n") + text))
            elif name.lower().endswith((".html", ".htm")):
                made, why = static_page(text, rel)
                if made is None:
                    report.skipped_files += 1
                    report.static_pages.append(f"{rel} ({why})")
                else:
                    static.append((rel, made))
            else:
                report.skipped_files += 1
    static_pages.update(rel for rel, _text in static)
    return [*static, *pages]


_REPOSITORY_FILES = frozenset({"README", "LICENSE", "LICENCE", "CONTRIBUTING", "CHANGELOG",
                               "CODE_OF_CONDUCT", "ISSUE_TEMPLATE", "PULL_REQUEST_TEMPLATE",
                               "SECURITY"})


def _folder_left_out(source: Path, rel: str, name: str, collections: Collections) -> str:
    """What the report says of a folder starting with ``_`` that is not imported."""
    if os.path.islink(source / rel):  # never followed, nor counted
        files = "a link to a folder"
    else:
        count = sum(len(files) for _root, _dirs, files in os.walk(source / rel))
        files = f"{count:,} file{'' if count == 1 else 's'}"
    if name == "_posts":
        why = ("Jekyll posts are not workshop pages; copy them by hand if you want them (a "
               "blog: Material's blog plugin)")
    elif name == "_drafts":
        why = "Jekyll drafts, which it publishes only with --drafts"
    elif name == "_data":
        why = ("Jekyll data files (site.data), not published as they are; what the import "
               "made of each is listed under '_data files'")
    elif rel in collections.folders:
        why = "a collection Jekyll does not publish as pages (its output is not true)"
    else:
        why = "Jekyll does not publish folders whose name starts with '_'"
    return f"not imported: {shown(rel)}/ ({files}): {why}."


_EMPTY_FRONT_MATTER = re.compile(r"-{3}[ \t]*\n(?:-{3}|\.{3})[ \t]*\n")


def split_front_matter(text: str) -> tuple[str | None, str] | None:
    """The front matter and the text of a page, as Jekyll reads them, or None when the file
    is not a page. Jekyll's rule: a file whose first line is ``---`` is a page; a later line
    ``---`` (or ``...``) ends its front matter, which may be empty (``---`` on the next line;
    MkDocs needs a line between) or be at the end of the file. With no such line, the whole
    file is the page's text (front matter None)."""
    if not text.endswith("\n"):
        text += "\n"
    empty = _EMPTY_FRONT_MATTER.match(text)
    if empty:
        return "", text[empty.end():]
    match = YAML_RE.match(text)
    if match:
        return match.group(1), text[match.end():]
    return (None, text) if re.match(r"-{3}[ \t]*\n", text) else None


def _no_front_matter(body: str) -> str:
    """A page without front matter, written so that MkDocs reads none: a text whose first
    lines MkDocs would take for front matter (a block between ``---`` lines, or
    MultiMarkdown's ``key: value`` lines) gets an empty block before it."""
    if YAML_RE.match(body) or META_RE.match(body.split("\n", 1)[0]):
        return f"---\n{{}}\n---\n\n{body}"
    return body


def _outside(path: Path, source: Path) -> str:
    """Why the import does not read ``path``, which is not a regular file inside SOURCE."""
    if not Path(os.path.realpath(path)).is_relative_to(source):
        return "it is a link to a file outside the site"
    return "it is not a regular file (a folder, a pipe, or a broken link)"


def _read_page(full: Path, rel: str, source: Path, report: Report) -> str | None:
    found = within(full, source)
    if found is None:
        report.notes.append(f"{shown(rel)} was not imported: {_outside(full, source)}.")
        return None
    try:
        if found.stat().st_size > MAX_PAGE_BYTES:
            report.notes.append(f"{shown(rel)} was not imported: it is larger than "
                                f"{MAX_PAGE_BYTES:,} bytes, more than a page needs.")
            return None
        return found.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        report.notes.append(f"{shown(rel)} was not imported: it could not be read "
                            f"({_why(exc)}).")
        return None


def import_site(source: Path, dest: Path, *, force: bool = False,
                dry_run: bool = False) -> Report:
    source, dest = source.resolve(), dest.resolve()
    refuse_folders(source, dest, force=force, dry_run=dry_run, kind="Jekyll")
    report = Report(source, dest, dry_run)
    config, data = _site_config(source, report)
    collections = Collections.read(data)
    images = Images(source, report.images)
    documents = Documents(source, report.files)
    taken = Destinations()
    site_data = read_site_data(source)
    report.data_files = site_data
    outputs: dict[str, str] = {}
    written = Written()
    readme_homes: set[str] = set()  # READMEs made their folder's home, by GitHub Pages
    static: set[str] = set()  # whole HTML documents without front matter, made pages
    pages = _one_per_address(_pages(source, report, collections, readme_homes, static,
                                    Excluded.read(data)),
                             collections, report, readme_homes, static)
    for rel, text in pages:
        site_data.note_references(rel, text)
    site = _site_map(pages, collections, data)
    liquid = liquid_site(source, data, site_data,
                         {label: folder for folder, (label, _out) in collections.folders.items()},
                         [(rel, page_url(rel[:-len(posixpath.splitext(rel)[1])] + ".md"),
                           _meta_of(text)) for rel, text in pages])
    layouts = Layouts(source, report)
    defaults = Defaults.read(data)

    def defaults_of(rel: str) -> dict[str, Any]:
        published = collections.of(rel)
        return defaults.values(rel, published[0] if published else "pages")

    def layout_of(rel: str, text: str) -> str:
        return str({**defaults_of(rel), **_meta_of(text)}.get("layout"))

    layout_uses = Counter(layout_of(rel, text) for rel, text in pages)
    days = _site_days(pages, data, site_data.tree)
    for rel, text in pages:
        page = PageReport(rel, "", None)
        published = collections.of(rel)
        if published is not None:
            page.collection = published[0]
        outputs_text = _import_page(rel, text, page, images, taken, defaults=defaults_of(rel),
                                    path=published[1] if published else rel, site=site,
                                    layouts=layouts, site_data=site_data, written=written,
                                    liquid=liquid, documents=documents,
                                    site_day=_day_of_folder(days, _edition_folder(rel),
                                                            _page_year_of(rel, text)),
                                    # a layout of one page of several is that page's
                                    own_layout=len(pages) > 1 and layout_uses[
                                        layout_of(rel, text)] == 1)
        outputs[page.dest] = outputs_text
        report.pages.append(page)
    if site_data.directory:  # people of several _data files, each once
        written.files["people.yml"] = directory_yaml(site_data)
        count = len(site_data.directory)
        report.notes.append(f"docs/people.yml: {count} {'person' if count == 1 else 'people'} "
                            "of several _data files, each once (name, affiliation, link, photo, "
                            "bio); the rosters name them by id.")
    for rel, text in written.files.items():  # papers files from _data, one per file shown
        if rel in outputs:
            report.notes.append(f"docs/{rel} was not written: a page of the site is there.")
        else:
            outputs[rel] = text
    index_needed = "index.md" not in outputs and bool(outputs)
    if index_needed:
        outputs["index.md"] = _index_page(report)
        report.notes.append("The Jekyll site has no home page; docs/index.md lists the pages.")
    _check_pages(report, outputs, {*images.writes, *documents.writes}, written.files,
                 site_data.directory)
    mkdocs_yml = _mkdocs_yml(config, report, index_needed, layouts, site)
    if not dry_run:
        write_site(dest, outputs, {**images.writes, **documents.writes}, mkdocs_yml,
                   report.notes)
    report.notes.append(f"{WORKFLOW_PATH} builds the site with --strict and deploys it to "
                        "GitHub Pages on every push to main (docs/deploy.md), with what "
                        "requirements.txt names.")
    return report


def _spellings_apart(additions: dict[str, Any], meta: dict[Any, Any]) -> list[str]:
    """A speaker the imported program names one way and a roster of the page another
    ("Marc Najork", "Mark Najork"): not linked to the card (the plugin would warn of a
    typo, and --strict stop), the name kept in the slot's title as the source shows it.
    Changes the program in ``additions``; returns the report's lines."""
    schedule = additions.get("schedule")
    if not isinstance(schedule, list):
        return []
    names = sorted({str(person["name"]) for source in (meta, additions)
                    for key, value in source.items() if key != "schedule" and
                    isinstance(value, list) for person in value
                    if isinstance(person, dict) and isinstance(person.get("name"), str)})
    known = {name.casefold() for name in names}
    notes = []
    for slot in schedule:
        if not isinstance(slot, dict) or not isinstance(slot.get("speakers"), list):
            continue
        for name in list(slot["speakers"]):
            if not isinstance(name, str) or name.casefold() in known:
                continue
            other = did_you_mean(name, names, cutoff=0.8)
            if other is None:
                continue
            slot["speakers"].remove(name)
            title = str(slot.get("title", ""))
            if name not in title:
                slot["title"] = f"{title} \u2014 {name}" if title else name
            notes.append(f"the program names '{name}', a roster '{other}': kept as written in "
                         f"the slot's title ('{slot['title'][:60]}'), not linked to the card; "
                         "if they are one person, write one spelling in both")
        if not slot["speakers"]:
            del slot["speakers"]
    return notes


def _text_of(meta: dict[Any, Any], key: str) -> str | None:
    """The front matter's ``key`` when it is text."""
    value = meta.get(key)
    return value if isinstance(value, str) else None


def _meta_of(text: str) -> dict[Any, Any]:
    """A page's front matter as a mapping, or {} when it cannot be one."""
    split = split_front_matter(text)
    loaded = load(split[0] or "", first_line=2) if split else Loaded(ok=False)
    meta = loaded.data if loaded.ok and isinstance(loaded.data, dict) else {}
    return {} if meta and unwritable(meta) else meta


def _one_per_address(pages: list[tuple[str, str]], collections: Collections,
                     report: Report, readme_homes: set[str], static: set[str]
                     ) -> list[tuple[str, str]]:
    """The pages Jekyll publishes: of pages that share an address, the one it writes last
    (:mod:`.published`); the others are reported, not imported."""
    found = []
    for rel, text in pages:
        published = collections.of(rel)
        found.append(SourcePage(rel, published[1] if published else rel,
                                _meta_of(text).get("permalink"), published is not None,
                                readme=rel in readme_homes, static=rel in static))
    kept, left_out = one_per_address(found)
    for page in left_out:
        report.not_published.append(
            f"{shown(page.rel)} was not imported: {shown(page.kept)} has the same address, "
            f"{shown(page.address)}, and Jekyll publishes one page there (it warns \"Conflict: "
            f"The following destination is shared by multiple files\"); {page.why}.")
    names = {p.rel for p in kept}
    return [(rel, text) for rel, text in pages if rel in names]


def _site_map(pages: list[tuple[str, str]], collections: Collections,
              config: dict[Any, Any]) -> SiteMap:
    """Every page's addresses and where it goes under docs/: the same paths the import
    then gives the pages (same rules, same order)."""
    site = SiteMap()
    url = config.get("url")
    if isinstance(url, str):
        try:
            site.host = urlsplit(url.strip()).hostname
        except ValueError:
            site.host = None
    base = config.get("baseurl")
    site.base = "/".join(safe_segments(base)) if isinstance(base, str) else ""
    taken = Destinations()
    for rel, text in pages:
        published = collections.of(rel)
        path = published[1] if published else rel
        meta = _meta_of(text)
        dest = _dest_path(path, meta, taken, PageReport(rel, "", None))
        site.add(path, meta.get("permalink"), dest)
        site.pages.setdefault(rel.rsplit(".", 1)[0], dest)  # {% link %} names the file
        site.sources[dest] = site.source_url(path, meta.get("permalink"))
    return site


def _import_page(rel: str, text: str, page: PageReport, images: Images,
                 taken: Destinations, *, path: str, site: SiteMap | None = None,
                 layouts: Layouts | None = None, site_data: SiteData | None = None,
                 written: Written | None = None, liquid: LiquidSite | None = None,
                 documents: Documents | None = None, site_day: date | None = None,
                 own_layout: bool = False, defaults: dict[str, Any] | None = None) -> str:
    """The page as written into docs/, and what happened to it in ``page``; ``path`` is where
    Jekyll publishes it when its front matter has no permalink (``rel`` but for a
    collection's documents); ``own_layout``: no other page uses the page's layout;
    ``defaults``: the front matter values ``_config.yml`` gives the page where it says none
    (its layout), for rendering it."""
    split = split_front_matter(text)
    assert split is not None
    if split[0] is None:
        page.notes.append("the first line is '---' but no line ends the front matter: as in "
                          "Jekyll, the whole file is the page's text")
    front, body = split[0] or "", split[1]
    loaded = load(front, first_line=2)

    def rewrite_for_page(ref: str) -> str | None:
        """A Markdown image's new path; "" when the source lacks it (a broken image there),
        None when it is not copied for another reason (kept as written)."""
        copied = images.copy(ref, rel)
        if copied is None:
            return "" if images.locate(ref, posixpath.dirname(rel)) == "" else None
        return posixpath.relpath(copied, posixpath.dirname(page.dest) or ".")

    unusable = unwritable(loaded.data) if loaded.ok else ""
    unread = ""  # front matter that cannot be read: Jekyll renders the page without it
    if not loaded.ok or not isinstance(loaded.data, (dict, type(None))) or unusable:
        why = (loaded.error[0] if loaded.error
               else unusable or "is not a set of 'key: value' lines.")
        page.notes.append(f"the front matter {why} It is kept as text at the top of the page; "
                          "its rosters and dates are not imported. Jekyll renders the page "
                          "without it, and so does the import.")
        unread, front = front, ""
    meta: dict[Any, Any] = loaded.data if not unread and isinstance(loaded.data, dict) else {}
    for value in [] if unread else loaded.not_dates:
        page.notes.append(f"'{shown(value, 40)}' is not a date that exists; it is kept as "
                          "text.")
    for key, first, second in [] if unread else loaded.duplicates:
        page.notes.append(f"front matter line {second}: '{shown(key, 40)}' is written again "
                          f"(first at line {first}); YAML keeps only the last one.")
    for message, _fix in [] if unread else loaded.half_notes():
        page.notes.append(f"front matter {message}")
    page.dest = _dest_path(path, meta, taken, page)
    edits = key_edits(meta)
    page.notes += edits.notes
    title = meta.get("title")
    if title is not None and "title" not in edits.drop:
        page.title = one_line(str(title)) or None
    keys = {k for k in meta if isinstance(k, str) and k not in edits.drop}
    rosters = {k for k in keys if is_roster(k, meta[k])}
    _fields_by_meaning(meta, rosters, edits, page, lambda ref: images.copy(ref, rel))
    has_dates = "dates" in meta and "dates" not in edits.drop
    def rewrite_for_html(ref: str) -> str | None:  # raw HTML: from the built page's address
        copied = images.copy(ref, rel)
        if copied is None:
            return None
        return posixpath.relpath(copied, page_url(page.dest).rstrip("/") or ".")

    def find_link(url: str, html: bool) -> str | None:
        if site is None:
            return None
        if _EMAIL.fullmatch(url):  # kramdown left it a broken link; the author meant mail
            return f"mailto:{url}"
        copied = _linked_file(url, documents, rel, site.base)
        if copied is not None:
            fragment = url.split("#", 1)[1] if "#" in url else ""  # "7.pdf#page=2"
            return posixpath.relpath(copied, (page_url(page.dest).rstrip("/") if html
                                              else posixpath.dirname(page.dest)) or ".") + (
                f"#{fragment}" if fragment else "")
        # From the page's address, as a browser resolves it; else from the source file's
        # folder, which is what a link like "schedule.html" in conf25/index.md means when a
        # permalink (/conf25) moved the page's address up a level.
        found = site.find(url, site.sources.get(page.dest, "/")) \
            or site.find(url, "/" + posixpath.dirname(rel))
        return None if found is None else link_to(page.dest, found[0], found[1], html=html)

    liquid = liquid or liquid_site(Path(images.source), {}, site_data or SiteData(), {}, [])
    rendered_with = {**(defaults or {}), **meta}  # the front matter Jekyll renders it with
    theme = theme_name(liquid.site)
    layout = rendered_with.get("layout")
    chain = layout_chain(Path(images.source), layout, lambda name: stand_in(theme, name))
    if isinstance(layout, str) and stand_in(theme, layout) is not None and \
            not layout_path(Path(images.source), layout).exists():
        page.notes.append(f"its layout '{layout}' is the theme's ({theme}), not in the source: "
                          "the import shows what that layout shows of the site's data")
    as_written = meta.get("render_with_liquid") is False  # Jekyll renders no Liquid in it
    token = f"IMPORTJEKYLLTEXT{secrets.token_hex(8)}X"
    rendered = in_layouts(liquid.env, token if as_written else body, chain,
                          {"site": liquid.site,
                           "page": liquid.page(rendered_with, rel, page_url(page.dest))},
                          wants=lambda loop: liquid.lists.wants(loop, meta),
                          page_folder=Path(images.source) / posixpath.dirname(rel), name=rel,
                          # a page of no text of its own is what its layout draws of it
                          own=own_layout or (bool(chain) and not _visible_text(body)))
    if as_written:  # its "{% raw %}" is text, not a block the conversion sets aside
        rendered.text = rendered.text.replace(
            token, LIQUID_RAW.sub(lambda m: "{&#37;" + m.group(0)[2:], body), 1)
    if not chain and whole_document(rendered.text):
        # a page of no layout that writes its whole HTML document (head, navigation, header
        # and footer included): its main content is the page's; the new theme draws the rest
        rendered.text = as_block(content_of(rendered.text))
        page.notes.append("it writes a whole HTML document of its own (no layout): its main "
                          "content kept, its head, navigation, header, footer and scripts "
                          "left out (the new theme draws its own)")
    page.notes += [f"Liquid: {note}" for note in rendered.notes]
    body, loops, finish = use_loops(
        rendered.text, rendered.loops, rendered.marker, meta, liquid.lists,
        lambda ref: images.copy(ref, rel),
        lambda ref: not isinstance(images.locate(ref, posixpath.dirname(rel)), str),
        written if written is not None else Written(), site_day=site_day,
        file_link=lambda url: _linked_file(url, documents, rel, site.base if site else ""))
    page.data_used += loops.used
    page.data_names += loops.names
    data_additions = loops.additions
    known_day = page_day(meta) or site_day
    stem = re.sub(r"[^\w]+", "_", page.dest.rsplit(".", 1)[0]).strip("_") or "index"
    facts = PageFacts(keys={*keys, *data_additions},
                      title=page_topic(_text_of(meta, "title"), _text_of(meta, "description"),
                                       str(meta.get("permalink") or rel)),
                      day=known_day,
                      year=page_year(meta) or _site_year(liquid.site) or (
                          known_day.year if known_day else None),
                      papers_path=lambda name: f"{PAPERS_FOLDER}/{stem}-{name}.yml",
                      file_link=lambda url: _linked_file(url, documents, rel,
                                                        site.base if site else ""))
    converted = convert_body(body, rewrite_for_page, dates=not has_dates,
                             rewrite_html_image=rewrite_for_html,
                             find_link=find_link if site else None,
                             internal=site.internal if site else lambda url: False,
                             schedule=("schedule" not in meta or "schedule" in edits.drop)
                             and "schedule" not in data_additions,
                             page=facts)
    if converted.styles_dropped:
        page.notes.append(f"{converted.styles_dropped} kramdown attribute list(s) of classes "
                          "only ({: .class}: the old theme's styling) left out")
    converted.pending = loops.pending + [(len(loops.dates) + at, what, words)
                                         for at, what, words in converted.pending]
    converted.dates = loops.dates + converted.dates
    found = converted.recognized
    if found is not None:
        page.data_used += found.read
        page.notes += found.kept
        for key, people in found.rosters.items():
            data_additions[key] = [_person_entry(p, images, rel) for p in people]
            page.read_people += len(people)
        for path, papers in found.papers.items():
            (written if written is not None else Written()).files.setdefault(
                path, _papers_text(rel, papers))
    converted.text, stray = drop_stray_closings(drop_call_wrappers(finish(converted.text)))
    if stray:
        page.notes.append(f"{stray} closing tag(s) (</div>) that closed nothing the page "
                          "opened left out: on the new site they would close the theme's "
                          "own boxes")
    page.links_rewritten = converted.links.rewritten
    page.links_unresolved = converted.links.unresolved
    if converted.links.schemeless:
        page.notes.append(f"{len(converted.links.schemeless)} link(s) to a web address written "
                          "without https:// (a browser reads them as pages of the site, which "
                          "are not there) given https://: "
                          + ", ".join(converted.links.schemeless)[:300])
    if has_dates:
        page.notes.append("the page already has a 'dates:' key; an Important Dates list "
                          "in its text is kept as written")
    additions: dict[str, Any] = dict(data_additions)
    page.layout = meta.get("layout") if isinstance(meta.get("layout"), str) else None
    # its own first heading, else the one its layout draws ("<h1>Program</h1>")
    page.heading = first_heading(body) or first_heading(converted.text)
    converted.dates, converted.pending, moved = in_order(converted.dates, converted.pending)
    if moved:
        page.notes.append(f"dates listed in the order they happen (the plugin warns about a "
                          f"list out of order); the source listed {moved}")
    day = _workshop_day(converted.dates) if converted.dates else None
    page.day = _edition_day(meta, day, converted.dates)
    if converted.dates or converted.pending:
        additions["dates"] = _dates_block(converted.dates, converted.pending)
    if converted.slots:
        additions["schedule"] = converted.slots
    page.slots = len(converted.slots)
    read_lines = {m.group(1) for line in (found.read if found else [])
                  for m in [re.search(r"\(text line (\d+)\)", line)] if m}
    page.notes += [f"schedule {kept}; kept as written" for kept in converted.tables_kept
                   if not any(f"text line {n}:" in kept for n in read_lines)]
    if "workshop" not in meta:
        block = dict(day or {})
        if rosters:  # an edition
            page.venue = _venue(rel, page.dest, meta, block)
            if page.venue:
                block = {"venue": page.venue, **block}
        if rosters and layouts is not None and site is not None:
            block.update(_workshop_links(page, layouts, site))
        if block:
            additions["workshop"] = block
    elif isinstance(meta["workshop"], dict) and isinstance(meta["workshop"].get("venue"), str):
        page.venue = one_line(meta["workshop"]["venue"]) or None
    _zone_of_program(page, meta, additions, rendered.text, liquid.site)
    page.notes += _spellings_apart(additions, meta)

    def copy_for_front_matter(ref: str) -> str | None:
        return images.copy(ref, rel)  # docs-relative: the plugin looks there too

    edited = edit_front_matter(front, meta, rosters, copy_for_front_matter, additions,
                               keys=edits)
    page.people = {k: len(meta[k]) for k in meta if k in rosters}
    page.commented_people = edited.commented_people
    page.roles = edited.roles
    page.notes += edited.notes
    page.dates = [line for line, _parsed in converted.dates] + [
        f"{what}: {words} (no day yet: when_text)" for _at, what, words in converted.pending]
    page.kept_lines = converted.kept_date_lines
    calls = find_calls(converted.text)
    shown_rosters = {call.arg for call in calls if call.name == "team"}
    unshown = {k for k in page.people if k not in shown_rosters}
    if isinstance(meta.get(SPONSORS.key), list) and SPONSORS.key not in edits.drop and \
            not any(call.name == "sponsors" for call in calls):
        unshown.add(SPONSORS.key)
    # lists the source shows on no page: kept as comments, as the plugin advises, so the
    # site builds (the plugin warns about a list no call shows)
    edited.text, commented = comment_out(edited.text, unshown)
    page.unshown = {k: ("commented out in the front matter: the source shows it nowhere; "
                        "remove the '#' and add its macro call to show it")
                    if k in commented else "kept in the front matter; no call shows it, "
                    "as in the source" for k in sorted(unshown)}
    _body_notes(page, converted)
    text = _front_matter_as_text(unread) + converted.text if unread else converted.text
    if not edited.text or (not front.strip() and not additions):
        return _no_front_matter(text)
    return f"---\n{edited.text}---\n\n{text}"


def _fields_by_meaning(meta: dict[Any, Any], rosters: set[str], edits: KeyEdits,
                       page: PageReport, copy: Callable[[str], str | None]) -> None:
    """The page's rosters and sponsors written in the fields the plugin reads, where the
    source names them otherwise (``image_path:``, ``website:``, a sponsor's ``alt:``), so
    that the new site shows what the source showed and builds."""
    lists = [(key, False, ROSTER_FIELDS) for key in sorted(rosters)]
    if isinstance(meta.get(SPONSORS.key), list) and SPONSORS.key not in edits.drop:
        lists.append((SPONSORS.key, True, SPONSORS.fields))
    for key, sponsors, known in lists:
        entries, changes = in_plugin_fields(meta[key], sponsors=sponsors, known=known,
                                            copy=copy)
        if changes:
            edits.values[key] = entries
            page.notes.append(f"'{key}': {'; '.join(changes[:6])}"
                              + (f" and {len(changes) - 6} more" if len(changes) > 6 else ""))


def _venue(rel: str, dest: str, meta: dict[Any, Any], block: dict[str, Any]) -> str | None:
    """The edition's venue and year ("NeurIPS 2025"): from its address, else its subtitle,
    description or title (:mod:`.venue`)."""
    texts = [meta[k] for k in ("subtitle", "description", "title") if isinstance(meta.get(k), str)]
    day = block.get("date") or block.get("start")
    return venue_of(f"{rel}/{dest}", texts, day.year if isinstance(day, date) else None)


def _body_notes(page: PageReport, converted: BodyResult) -> None:
    page.liquid_kept = converted.liquid_kept
    page.comments_converted = converted.comments_converted
    if converted.nul_replaced:
        page.notes.append(f"{converted.nul_replaced} NUL character(s) in the text shown as "
                          "\ufffd")


def _visible_text(body: str) -> str:
    """The words of a page's own text a visitor would read (comments and tags out)."""
    return plain(_HIDDEN.sub(" ", body)).strip()


def _front_matter_as_text(front: str) -> str:
    """Front matter that cannot be front matter (MkDocs' reader could crash on it, or would
    show it as text anyway), as a code block that shows it as written."""
    longest = max((len(run) for run in re.findall(r"`+", front)), default=0)
    fence = "`" * max(3, longest + 1)
    return ("<!-- import-jekyll: the front matter of the Jekyll page could not be read; "
            f"here it is as text. -->\n\n{fence}yaml\n{keep_verbatim(front)}{fence}\n\n")


def _index_page(report: Report) -> str:
    lines = [f"# {markdown_text(report.site_name)}", ""]
    for page in report.pages:
        label = markdown_text(page.title or "") or markdown_text(page.dest[:-3])
        lines.append(f"- [{label}]({quote(page.dest)})")
    return "\n".join(lines) + "\n"


def _check_pages(report: Report, outputs: dict[str, str], images: set[str],
                 data: dict[str, str], people: dict[str, dict[str, Any]]) -> None:
    """Run the plugin's own checks on each page, so the report names what the build will;
    the papers files written from ``_data`` (``data``) are read as the build will read them."""
    with tempfile.TemporaryDirectory() as docs:
        for rel, text in data.items():
            Path(docs, rel).parent.mkdir(parents=True, exist_ok=True)
            Path(docs, rel).write_text(text, encoding="utf-8")
        _check_each(report, outputs, images, PaperFiles(docs),
                    Directory("people.yml", exists=bool(people), people=people))


def _check_each(report: Report, outputs: dict[str, str], images: set[str],
                papers: PaperFiles, directory: Directory) -> None:
    for page in report.pages:
        text = outputs[page.dest]
        if not YAML_RE.match(text):
            continue
        front = parse_front_matter(page.dest, text)
        body = text[front.body_start:]

        def url_for(src: str) -> str | None:  # the site's files: images and pages
            return src if src in images or src in outputs else None

        data = read_page(page.dest, front.meta, find_calls(body), default_zone=AOE,
                         url_for=url_for, papers=papers, directory=directory,
                         front_problems=front.problems)
        missing = [p for p in data.problems if p.field == "image" and "not found" in p.message]
        page.checks = [f"{p.severity.value}: {p}" for p in data.problems if p not in missing]
        if missing:
            page.checks.append(f"warning: {len(missing)} image(s) not found (listed under "
                               "'Missing images'); the cards show initials instead.")


def _nav_label(page: PageReport) -> str:
    """A page's label in the nav: its title, else its first heading ("Program", drawn by
    its layout), else its path."""
    return html_text(page.title or page.heading or "") or html_text(page.dest[:-3])


class Layouts:
    """The header buttons of the site's layouts (``_layouts/NAME.html``), each read once;
    a layout outside the site, unreadable or too large gives none, and the report says so."""

    def __init__(self, source: Path, report: Report) -> None:
        self.source = source
        self.report = report
        self.read: dict[str, tuple[list[Button], list[Button]]] = {}  # (shown, commented out)

    def buttons(self, name: str | None) -> list[Button]:
        return self._of(name)[0]

    def hidden(self, name: str | None) -> list[Button]:
        """The buttons the layout has commented out (they still say what a page is)."""
        return self._of(name)[1]

    def _of(self, name: str | None) -> tuple[list[Button], list[Button]]:
        if not name:
            return [], []
        if name not in self.read:
            text = self._read(name)
            self.read[name] = (header_buttons(text), commented_buttons(text))
        return self.read[name]

    def _read(self, name: str) -> str:
        segment = safe_segment(name)
        if segment != name:
            return ""
        full = layout_path(self.source, segment)
        if not os.path.lexists(full):
            return ""
        found = within(full, self.source)
        try:
            if found is None or found.stat().st_size > MAX_LAYOUT_BYTES:
                self.report.notes.append(f"_layouts/{shown(full.name)} was not read (outside "
                                         f"the site, or larger than {MAX_LAYOUT_BYTES:,} bytes); "
                                         "its header buttons are not in the nav.")
                return ""
            text = found.read_text(encoding="utf-8-sig", errors="replace")
        except OSError as exc:
            self.report.notes.append(f"_layouts/{shown(full.name)} could not be read "
                                     f"({_why(exc)}); its header buttons are not in the nav.")
            return ""
        return resolve_liquid_urls(text, LinkResult(""))


def _edition_day(meta: dict[Any, Any], day: dict[str, Any] | None,
                 dates: list[tuple[str, DateLine]]) -> date | None:
    """The day that orders editions: the workshop's, else the page's last date."""
    block = meta.get("workshop")
    if isinstance(block, dict):
        for key in ("date", "start"):
            value = block.get(key)
            if isinstance(value, date):
                return value if not isinstance(value, datetime) else value.date()
    if day:
        first = day.get("date") or day.get("start")
        if isinstance(first, date):
            return first
    last = [parsed.date.last for _line, parsed in dates]
    return max(last) if last else None


def _workshop_links(page: PageReport, layouts: Layouts, site: SiteMap) -> dict[str, Any]:
    """The edition layout's header buttons as ``workshop.links``: a button to one of the
    site's pages as that page's address on the new site (site-relative, directory URLs), any
    other http(s) button as written."""
    links = []
    folder = site.sources.get(page.dest, "/")
    base = f"/{site.base}/" if site.base else "/"
    for button in layouts.buttons(page.layout):
        found = site.find(button.href, folder)
        if found is not None:
            url = base + page_url(found[0]) + (f"#{found[1]}" if found[1] else "")
            where = f"the page docs/{found[0]}"
        elif re.match(r"https?://[^\s\"'<>{}]+$", button.href, re.I):
            url = button.href
            where = "a web address, as written"
        else:
            page.notes.append(f"header button '{shown(button.label, 60)}' ({shown(button.href)}) "
                              "leads to no page of the site; left out of workshop.links")
            continue
        links.append({"label": button.label, "url": url})
        page.buttons.append(f"{button.label} -> {url} ({where})")
    return {"links": links} if links else {}


def _mkdocs_yml(config: dict[str, Any], report: Report, index_needed: bool,
                layouts: Layouts | None = None, site: SiteMap | None = None) -> str:
    nav: list[Any] = []
    if index_needed or any(p.dest == "index.md" for p in report.pages):
        nav.append({"Home": "index.md"})
    anyone = any(q.people for q in report.pages)
    every = [NavPage(p.dest, p.title or "", bool(p.people) or (p.is_edition and not anyone),
                     p.collection, p.layout, p.heading, p.day, p.venue) for p in report.pages]
    home = next((p for p in every if p.dest == "index.md"), None)
    nav_pages = [p for p in every if p.dest != "index.md"]

    def find(href: str, dest: str) -> str | None:
        found = site.find(href, site.sources.get(dest, "/")) if site else None
        return found[0] if found else None

    buttons = {p.layout: layouts.buttons(p.layout) for p in nav_pages
               if p.layout and layouts is not None}
    hidden = {p.layout: layouts.hidden(p.layout) for p in nav_pages
              if p.layout and layouts is not None}
    editions, rest = group(nav_pages, buttons, find, hidden)
    if editions:
        nav.append({"Editions": nav_entries(editions, {p.dest: p for p in nav_pages})})
    by_dest = {p.dest: p for p in report.pages}
    rest = [p for p in rest if p.collection is None]
    menu = report.data_files.nav_links() if report.data_files is not None else []
    if menu and not editions:  # _data/navigation.yml: the site's own labels and order
        entries, unplaced = data_nav(menu, lambda href: find(href, "index.md"), rest)
        nav += entries
        report.notes += [f"nav entry kept out: {shown(entry)}: no page of the site is there."
                         for entry in unplaced]
    elif editions or home is None or not home.is_edition:
        nav += [{_nav_label(by_dest[p.dest]): p.dest} for p in rest]
    else:  # the home page is the edition: the other pages are its sub-pages
        nav += home_entries(home, rest, layouts.buttons(home.layout) if layouts else [], find)
    sections: dict[str, list[Any]] = {}  # a collection's pages under its name
    for page in report.pages:
        if page.collection is not None:
            sections.setdefault(page.collection, []).append({_nav_label(page): page.dest})
    nav += [{html_text(label): entries} for label, entries in sections.items()]
    return mkdocs_yml_text(config, nav, header="Written by mkdocs-workshop import-jekyll.")
