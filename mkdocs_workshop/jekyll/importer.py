"""``mkdocs-workshop import-jekyll SOURCE DEST``: a Jekyll workshop site as a MkDocs site.

Reads SOURCE and never writes into it. Every page with front matter becomes a Markdown page
under ``DEST/docs`` at the path its ``permalink`` gives; rosters stay in the front matter,
``{% include team.html %}`` and "Important Dates" lists become macros, images are copied once
by content, and ``DEST/mkdocs.yml`` configures Material, the macros plugin and this plugin.
The report accounts for every page, person, date line, image and piece of Liquid.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.meta import YAML_RE

from ..frontmatter import parse_front_matter, read_page
from ..rosters import looks_like_roster
from ..scan import find_calls
from ..timezones import AOE
from .body import convert_body
from .freedates import DateLine
from .frontmatter import edit_front_matter

PAGE_SUFFIXES = (".md", ".markdown", ".html", ".htm")
SKIPPED_DIRS = {"_site", "_layouts", "_includes", "_sass", "_plugins", "node_modules", "vendor",
                ".git", ".bundle", ".jekyll-cache", ".sass-cache"}


class ImportRefused(Exception):
    """The import cannot start (SOURCE missing, DEST not empty, DEST inside SOURCE, ...)."""


@dataclass
class PageReport:
    source: str
    dest: str
    title: str | None
    people: dict[str, int] = field(default_factory=dict)
    commented_people: int = 0
    roles: list[str] = field(default_factory=list)
    teams: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    kept_lines: list[str] = field(default_factory=list)
    liquid_kept: list[str] = field(default_factory=list)
    comments_converted: int = 0
    notes: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)  # what the plugin will say on build

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
    images_copied: list[str] = field(default_factory=list)
    images_reused: int = 0
    images_missing: list[str] = field(default_factory=list)  # "page: path"
    skipped_files: int = 0
    notes: list[str] = field(default_factory=list)

    def render(self) -> str:
        verb = "Would write" if self.dry_run else "Wrote"
        people = sum(sum(p.people.values()) for p in self.pages)
        commented = sum(p.commented_people for p in self.pages)
        dates = sum(len(p.dates) for p in self.pages)
        kept = sum(len(p.kept_lines) for p in self.pages)
        liquid = sum(len(p.liquid_kept) for p in self.pages)
        lines = [
            f"{verb} a MkDocs site for '{self.site_name}' to {self.dest}"
            + (" (dry run: nothing written)" if self.dry_run else ""),
            "",
            f"Pages: {len(self.pages)} ({sum(p.is_edition for p in self.pages)} with rosters or "
            f"dates); files without front matter not copied: {self.skipped_files}",
            f"People: {people} in rosters"
            + (f"; {commented} commented out in the source, left out as in Jekyll"
               if commented else ""),
            f"Dates converted: {dates}; lines kept as written: {kept}",
            f"Images: {len(self.images_copied)} copied, {self.images_reused} reused (same "
            f"file), {len(self.images_missing)} missing",
            f"Liquid kept verbatim in raw blocks: {liquid}",
        ]
        for page in self.pages:
            lines += ["", f"{page.source} -> docs/{page.dest}"
                      + (f"  ({page.title})" if page.title else "")]
            for roster, count in page.people.items():
                lines.append(f"  roster {roster}: {count} people")
            if page.commented_people:
                lines.append(f"  commented-out people left out: {page.commented_people}")
            for team in page.teams:
                lines.append(f'  include team.html -> << team("{team}") >>')
            for role in page.roles:
                lines.append(f"  role split from the name: {role}")
            for date in page.dates:
                lines.append(f"  date: {date}")
            for line in page.kept_lines:
                lines.append(f"  kept as written (not a date I can read): {line}")
            for kept_liquid in page.liquid_kept:
                lines.append(f"  Liquid kept verbatim: {kept_liquid}")
            if page.comments_converted:
                lines.append(f"  Liquid comments turned into HTML comments: "
                             f"{page.comments_converted}")
            for note in page.notes:
                lines.append(f"  note: {note}")
            for check in page.checks:
                lines.append(f"  the built site will say: {check}")
        if self.images_missing:
            lines += ["", "Missing images (the cards show initials until they are added):"]
            lines += [f"  {missing}" for missing in self.images_missing]
        for note in self.notes:
            lines += ["", note]
        return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------


class Images:
    """Copies images into DEST/docs/assets/images once per content."""

    def __init__(self, source: Path, docs: Path, report: Report) -> None:
        self.source = source
        self.docs = docs
        self.report = report
        self.by_hash: dict[str, str] = {}
        self.taken: set[str] = set()
        self.writes: dict[str, Path] = {}  # dest path (docs-relative) -> source file

    def locate(self, ref: str, page_dir: str) -> Path | None:
        path = ref.split("#", 1)[0].split("?", 1)[0]
        candidates = [path.lstrip("/")] if path.startswith("/") else [
            posixpath.normpath(posixpath.join(page_dir, path)), posixpath.normpath(path)]
        for candidate in candidates:
            if candidate.startswith(".."):
                continue
            full = self.source / candidate
            if full.is_file():
                return full
        return None

    def copy(self, ref: str, page: str) -> str | None:
        """The docs-relative path of the copied image, or None (web address, or missing)."""
        if re.match(r"^[a-z][a-z0-9+.-]*:", ref, re.I) or ref.startswith("//"):
            return None
        found = self.locate(ref, posixpath.dirname(page))
        if found is None:
            self.report.images_missing.append(f"{page}: {ref}")
            return None
        digest = hashlib.sha256(found.read_bytes()).hexdigest()
        if digest in self.by_hash:
            self.report.images_reused += 1
            return self.by_hash[digest]
        name = found.name
        target = f"assets/images/{name}"
        if target in self.taken:
            stem, suffix = os.path.splitext(name)
            target = f"assets/images/{stem}-{digest[:8]}{suffix}"
        self.taken.add(target)
        self.by_hash[digest] = target
        self.writes[target] = found
        self.report.images_copied.append(target)
        return target


def _dest_path(rel: str, meta: dict[str, Any], taken: set[str], report: PageReport) -> str:
    permalink = meta.get("permalink")
    path = None
    if isinstance(permalink, str) and permalink.strip():
        if ":" in permalink:
            report.notes.append(f"permalink '{permalink}' has placeholders; the file's own "
                                "path is used")
        else:
            cleaned = re.sub(r"(/index)?\.html?$", "", permalink.strip().strip("/"))
            path = "index.md" if cleaned in ("", "index") else f"{cleaned}.md"
    if path is None:
        stem = os.path.splitext(rel)[0]
        path = f"{stem}.md"
    base, n = path, 1
    while path in taken:
        n += 1
        path = f"{base[:-3]}-{n}.md"
        report.notes.append(f"another page already goes to docs/{base}; this one goes to "
                            f"docs/{path}")
    taken.add(path)
    return path


def _site_config(source: Path, report: Report) -> dict[str, Any]:
    config_file = source / "_config.yml"
    data: Any = {}
    if config_file.is_file():
        try:
            data = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            report.notes.append(f"_config.yml could not be read ({exc}); using defaults.")
            data = {}
    if not isinstance(data, dict):
        data = {}
    name = data.get("title") or data.get("name") or source.resolve().name
    config: dict[str, Any] = {"site_name": str(name)}
    url = str(data.get("url") or "").rstrip("/")
    if url:
        baseurl = str(data.get("baseurl") or "").strip("/")
        config["site_url"] = f"{url}/{baseurl}/" if baseurl else f"{url}/"
    if data.get("description"):
        config["site_description"] = str(data["description"])
    return config


def _dates_block(dates: list[tuple[str, DateLine]]) -> list[Any]:
    block: list[Any] = []
    for _line, parsed in dates:
        found = parsed.date
        if found.first != found.last:
            entry: dict[str, Any] = {"what": parsed.label, "start": found.first,
                                     "end": found.last}
        elif found.time is not None or found.zone == "UTC":
            entry = {"what": parsed.label, "when": found.when}
        else:
            entry = {parsed.label: found.first}
        if found.zone == "UTC":
            entry["timezone"] = "UTC"
        block.append(entry)
    return block


def _workshop_day(dates: list[tuple[str, DateLine]]) -> Any:
    from ..dates import is_workshop_label

    for _line, parsed in dates:
        if is_workshop_label(parsed.label):
            if parsed.date.first == parsed.date.last:
                return {"date": parsed.date.first}
            return {"start": parsed.date.first, "end": parsed.date.last}
    return None


def _pages(source: Path, report: Report) -> list[tuple[str, str]]:
    pages = []
    for root, dirs, files in os.walk(source):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith((".", "_")))
        for name in sorted(files):
            full = Path(root) / name
            rel = full.relative_to(source).as_posix()
            if not name.lower().endswith(PAGE_SUFFIXES):
                continue
            try:
                text = full.read_text(encoding="utf-8-sig")
            except UnicodeDecodeError:
                report.notes.append(f"{rel} is not UTF-8 text and was not imported.")
                continue
            if YAML_RE.match(text):
                pages.append((rel, text))
            else:
                report.skipped_files += 1
    return pages


def import_site(source: Path, dest: Path, *, force: bool = False,
                dry_run: bool = False) -> Report:
    source, dest = source.resolve(), dest.resolve()
    if not source.is_dir():
        raise ImportRefused(f"{source} is not a folder.")
    if dest == source or source in dest.parents:
        raise ImportRefused(f"{dest} is inside the Jekyll site {source}; the import never writes "
                            "into its source. Choose a folder outside it.")
    if dest.exists() and any(dest.iterdir()) and not force and not dry_run:
        raise ImportRefused(f"{dest} is not empty. Choose an empty folder, or add --force to "
                            "write over the files the import makes there.")
    report = Report(source, dest, dry_run)
    config = _site_config(source, report)
    report.site_name = config["site_name"]
    docs = dest / "docs"
    images = Images(source, docs, report)
    taken: set[str] = set()
    outputs: dict[str, str] = {}
    for rel, text in _pages(source, report):
        match = YAML_RE.match(text)
        assert match is not None
        front, body = match.group(1), text[match.end():]
        try:
            meta = yaml.safe_load(front) or {}
        except yaml.YAMLError as exc:
            meta = None
            problem = str(exc).splitlines()[0]
        page = PageReport(rel, "", None)
        if not isinstance(meta, dict):
            page.dest = _dest_path(rel, {}, taken, page)
            why = problem if meta is None else "not a mapping"
            page.notes.append(f"front matter is not valid YAML ({why}); carried over as written")
            outputs[page.dest] = text
            report.pages.append(page)
            continue
        page.dest = _dest_path(rel, meta, taken, page)
        page.title = str(meta["title"]) if meta.get("title") else None
        rosters = {str(k) for k, v in meta.items() if looks_like_roster(str(k), v)}

        def rewrite_for_page(ref: str, page_dest: str = page.dest,
                             page_src: str = rel) -> str | None:
            copied = images.copy(ref, page_src)
            if copied is None:
                return None
            return posixpath.relpath(copied, posixpath.dirname(page_dest) or ".")

        has_dates = "dates" in meta
        keys = {k for k in meta if isinstance(k, str)}
        converted = convert_body(body, rewrite_for_page, dates=not has_dates, keys=keys)
        if has_dates:
            page.notes.append("the page already has a 'dates:' key; an Important Dates list "
                              "in its text is kept as written")
        additions: dict[str, Any] = {}
        if converted.dates:
            additions["dates"] = _dates_block(converted.dates)
            day = _workshop_day(converted.dates)
            if day is not None and "workshop" not in meta:
                additions["workshop"] = day
        def copy_for_front_matter(ref: str, page_src: str = rel) -> str | None:
            return images.copy(ref, page_src)  # docs-relative: the plugin looks there too

        edited = edit_front_matter(front, rosters, copy_for_front_matter, additions)
        page.people = {k: len(meta[k]) for k in sorted(rosters, key=list(meta).index)}
        page.commented_people = edited.commented_people
        page.roles = edited.roles
        page.notes += edited.notes
        page.teams = converted.teams
        page.dates = [line for line, _parsed in converted.dates]
        page.kept_lines = converted.kept_date_lines
        page.liquid_kept = converted.liquid_kept
        page.comments_converted = converted.comments_converted
        for kept in converted.includes_kept:
            page.notes.append(f"include kept as text, not converted: {kept}")
        if converted.nul_replaced:
            page.notes.append(f"{converted.nul_replaced} NUL character(s) in the text shown as "
                              "\ufffd")
        outputs[page.dest] = f"---\n{edited.text}---\n\n{converted.text}"
        report.pages.append(page)
    index_needed = "index.md" not in outputs and bool(outputs)
    if index_needed:
        outputs["index.md"] = _index_page(report)
        report.notes.append("The Jekyll site has no home page; docs/index.md lists the pages.")
    _check_pages(report, outputs, set(images.writes))
    mkdocs_yml = _mkdocs_yml(config, report, index_needed)
    if not dry_run:
        _write(dest, docs, outputs, images.writes, mkdocs_yml)
    return report


def _index_page(report: Report) -> str:
    lines = [f"# {report.site_name}", ""]
    for page in report.pages:
        title = page.title or page.dest[:-3]
        lines.append(f"- [{title}]({page.dest})")
    return "\n".join(lines) + "\n"


def _check_pages(report: Report, outputs: dict[str, str], images: set[str]) -> None:
    """Run the plugin's own checks on each page, so the report names what the build will."""
    for page in report.pages:
        text = outputs[page.dest]
        front = parse_front_matter(page.dest, text)
        if not YAML_RE.match(text):
            continue
        body = text[front.body_start:]

        def url_for(src: str) -> str | None:
            return src if src in images else None

        data = read_page(page.dest, front.meta, find_calls(body), default_zone=AOE,
                         url_for=url_for, front_problems=front.problems)
        missing = [p for p in data.problems if p.field == "image" and "not found" in p.message]
        page.checks = [f"{p.severity.value}: {p}" for p in data.problems if p not in missing]
        if missing:
            page.checks.append(f"warning: {len(missing)} image(s) not found (listed under "
                               "'Missing images'); the cards show initials instead.")


def _mkdocs_yml(config: dict[str, Any], report: Report, index_needed: bool) -> str:
    nav: list[Any] = []
    if index_needed or any(p.dest == "index.md" for p in report.pages):
        nav.append({"Home": "index.md"})
    editions = [p for p in report.pages if p.is_edition and p.dest != "index.md"]
    others = [p for p in report.pages if not p.is_edition and p.dest != "index.md"]
    if editions:
        nav.append({"Editions": [{p.title or p.dest[:-3]: p.dest} for p in editions]})
    nav += [{p.title or p.dest[:-3]: p.dest} for p in others]
    data = {
        **config,
        "theme": {"name": "material"},
        "plugins": [
            "search",
            {"macros": {"j2_variable_start_string": "<<", "j2_variable_end_string": ">>"}},
            "workshop",
        ],
        "markdown_extensions": ["admonition", "attr_list", "md_in_html",
                                {"toc": {"permalink": True}}],
        "nav": nav,
    }
    header = "# Written by mkdocs-workshop import-jekyll.\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


# The built site and the image cache are made again by every build: not for version control.
GITIGNORE = "# Made again by every build.\nsite/\n.cache/\n"


def _write(dest: Path, docs: Path, outputs: dict[str, str], images: dict[str, Path],
           mkdocs_yml: str) -> None:
    docs.mkdir(parents=True, exist_ok=True)
    (dest / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
    gitignore = dest / ".gitignore"
    if not gitignore.exists():  # with --force, an existing one is the organizer's
        gitignore.write_text(GITIGNORE, encoding="utf-8")
    for rel, text in outputs.items():
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for rel, found in images.items():
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(found, target)
