"""``mkdocs-workshop import-schedule FILE PAGE``: another tool's program as the page's
``schedule:``.

1. The page is read (:mod:`.write`) and its front matter read as the plugin reads it
   (:func:`~mkdocs_workshop.features.page.read_page`): its time zone, its first day, its rosters.
2. The file is read by the reader of its format (:mod:`.frab`, :mod:`.sessionize`), told apart
   by what it holds.
3. The sessions become slots (:mod:`.slots`), the block replaces the page's ``schedule:``
   (:mod:`.write`), and the new page is read back twice: as text (nothing but the block
   changed) and by the plugin (the problems a build would report about the program are
   reported now). Only then is the page written.

Anything that stops the import raises :class:`~mkdocs_workshop.core.problems.Refused`;
nothing is written then.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ...core.frontmatter import parse_front_matter
from ...core.problems import Problem, Refused, Severity, excerpt
from ...core.safeload import load_json
from ...core.timezones import AOE, UnknownTimezone, Zone, resolve_zone
from ...features import team
from ...features import workshop as workshop_block
from ...features.directory import Directory, load_directory
from ...features.page import find_calls, read_page
from ..common.yamltext import PageText, write_page
from .formats import FORMATS, unknown
from .model import Program, Session, read_text_file
from .people import People
from .slots import Converted, check_zone, convert, drop_skipped_times
from .write import (
    Span,
    check_written,
    page_meta,
    read_page_text,
    render_block,
    schedule_span,
    with_block,
)


@dataclass
class Report:
    """What the import did (or, with --dry-run, would do)."""

    page: str
    block: str
    lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what the build will say of the program

    def render(self) -> str:
        return "".join(f"{line}\n" for line in (*self.lines, *self.warnings))


def import_schedule(file: Path, page: Path, *, people: Path | None = None,
                    replace: bool = False, dry_run: bool = False) -> Report:
    """Write ``file``'s program into ``page``'s ``schedule:`` (unless ``dry_run``)."""
    with _blamed(page):
        text = read_page_text(page)
        meta = page_meta(text)
        span = schedule_span(text)
        if span is not None and not span.imported and not replace:
            raise Refused(
                f"already has a 'schedule:' (line {span.line}) that this command did not write.",
                "add --replace to replace it with the imported program, or delete it first.")
        directory = _directory(page, people)
        before = read_page(str(page), meta, (), default_zone=AOE, url_for=lambda _target: None,
                           directory=directory)
        info = workshop_block.of(before.parts)
        if meta.get("workshop") is not None and info is None:
            first = next((p for p in before.problems if p.key == "workshop"
                          and p.severity is Severity.ERROR), None)
            raise Refused(
                "its workshop block cannot be read"
                + (f": {excerpt(first.message, 200)}" if first else "."),
                (first.fix if first and first.fix else "fix the workshop block")
                + " Then run the import again.")
    with _blamed(file):
        program = read_file(file)
        if not program.sessions and program.first is not None:
            bad = program.first
            raise Refused(
                f"has no session that can be read ({len(program.skipped)} not imported); the "
                f"first: {excerpt(bad.where or '', 200)}: {excerpt(bad.message, 400)}",
                bad.fix or "correct the sessions in the tool, then export again.")
        if not program.sessions:
            raise Refused("has no scheduled session.",
                          "schedule the sessions in the tool first, then export again.")
    page_zone = info.timezone if info else None
    with _blamed(page):
        check_zone(program, page_zone, file.name)
        zone = page_zone or _file_zone(program)
        drop_skipped_times(program, zone)
        if not program.sessions:
            raise Refused("has no session at a time that exists in the page's zone.",
                          "correct the times in the tool, then export again.", source=file)
    people_index = People.of(team.rosters(before.parts), directory)
    first_day = info.first_day if info else None
    with _blamed(page):
        converted, block, new_text, warnings = _buildable(
            program, zone, first_day, people_index, text, span, file.name, page, directory)
    report = Report(str(page), block)
    report.lines = _summary(file, page, program, converted, zone, page_zone, people_index,
                            span is not None, dry_run)
    report.warnings = warnings
    if not dry_run:
        with _blamed(page):
            try:
                write_page(text, new_text)
            except OSError as exc:
                raise Refused(f"cannot be written ({exc.strerror}).",
                              "check its permissions.") from None
    return report


@contextmanager
def _blamed(source: Path) -> Iterator[None]:
    """Refusals raised inside name ``source`` (the page or the file) unless they name one."""
    try:
        yield
    except Refused as exc:
        if exc.source is None:
            exc.source = source
        raise


def read_file(file: Path) -> Program:
    """The program of a file of one of the :data:`~.formats.FORMATS`: XML or JSON by its first
    character, then the first format of that syntax that says the file is its own."""
    source = read_text_file(
        file, larger=", more than a program needs",
        what="the exported schedule (schedule.json, schedule.xml or Sessionize's JSON)",
        not_utf8="export it again; pretalx, frab and Sessionize write UTF-8.",
    ).removeprefix("\ufeff")
    syntax = "xml" if source.lstrip().startswith("<") else "json"
    loaded = load_json(source) if syntax == "json" else None
    if loaded is not None and not loaded.ok:
        assert loaded.error is not None
        raise Refused(loaded.error[0], loaded.error[1])
    data = loaded.data if loaded is not None else source
    found = next((f for f in FORMATS if f.syntax == syntax and f.detect(data)), None)
    if found is None:
        raise Refused(*unknown(FORMATS, syntax))
    program = found.read(data)
    if loaded is not None:
        program.notes += [message for message, _fix in loaded.half_notes()]
        for key in dict.fromkeys(loaded.repeated):
            program.notes.append(
                f"the name '{excerpt(key, 60)}' is written twice in one object of the file "
                f"({loaded.repeated.count(key)} time(s) more): JSON keeps only the last; where "
                "it names a room, the sessions under both are imported, else the last is read.")
    return program


def _file_zone(program: Program) -> Zone:
    if program.zone is None:
        raise Refused(
            "has no 'timezone:' in its workshop block, and the file names no time zone "
            "('time_zone_name').",
            "add 'timezone:' to the page's workshop block, with the event's zone "
            "(timezone: Europe/Vienna), then run the import again.")
    try:
        return resolve_zone(program.zone)
    except UnknownTimezone:  # the readers resolved it once already
        raise Refused(f"names the time zone '{excerpt(program.zone)}', which this "
                      "machine does not know.", "install the tzdata package.") from None


def _directory(page: Path, given: Path | None) -> Directory:
    """The people directory: the file given, or the nearest people.yml above the page (up to
    the folder of mkdocs.yml)."""
    if given is not None:
        if not given.is_file():
            raise Refused("does not exist (--people).", "give the path of people.yml "
                          "with --people, or leave --people out.", source=given)
        return load_directory(str(given.parent), given.name)[0]
    for folder in (page.parent, *page.parent.parents):
        if (folder / "people.yml").is_file():
            return load_directory(str(folder), "people.yml")[0]
        if (folder / "mkdocs.yml").is_file():
            break
    return Directory("people.yml")


# Fields of a slot the build may refuse on their own (a link it does not take, an abstract
# whose Markdown it will not show): the import leaves the field out, and keeps the session.
_OPTIONAL = {"abstract": "abstract", "url": "url", "room": "room", "speakers": "speakers",
             "kind": "kind"}


def _buildable(program: Program, zone: Zone, first_day: date | None, people: People,
               text: PageText, span: Span | None, source: str, page: Path,
               directory: Directory) -> tuple[Converted, str, str, list[str]]:
    """The slots as the build will take them: the block is read back as a build reads it;
    a field the build refuses is left out of its slot, a slot it refuses is not imported,
    each with a line of the report naming the session's place in the file. What is left
    must build: if it does not, the fault is the import's (an internal error)."""
    dropped: set[int] = set()  # positions in program.sessions
    while True:
        kept = Program(program.format, program.zone,
                       [s for i, s in enumerate(program.sessions) if i not in dropped],
                       program.notes, program.skipped)
        positions = [i for i in range(len(program.sessions)) if i not in dropped]
        converted = convert(kept, zone, first_day, people)
        block = render_block(converted.slots, source, text.newline)
        new_text = with_block(text, block, span)
        check_written(text, new_text, converted.slots)
        problems = _read_back(page, new_text, directory)
        errors = [p for p in problems if p.severity is Severity.ERROR]
        if not errors:
            return converted, block, new_text, [
                f"  the build will say: {problem}" for problem in problems
                if problem.severity is Severity.WARNING]
        changed = False
        for problem in errors:
            if problem.entry is None or not 1 <= problem.entry <= len(converted.slots):
                continue
            position = positions[converted.positions[problem.entry - 1]]
            session = program.sessions[position]
            reason = f"{excerpt(problem.message, 300)}" + (
                f" ({excerpt(problem.fix, 200)})" if problem.fix else "")
            field_name = _OPTIONAL.get(problem.field or "")
            if field_name and getattr(session, field_name):
                program.sessions[position] = _without(session, field_name)
                program.notes.append(f"{session.where}: its {problem.field} is left out: "
                                     f"{reason}")
            elif position not in dropped:
                dropped.add(position)
                program.skipped.append(f"{session.where}: not imported: {reason}")
            else:
                continue
            changed = True
        if not changed:
            raise Refused(
                f"the written program would not build ({excerpt(errors[0].message, 300)}); "
                "this is a fault of the import, not of the file: nothing is written.",
                "please report this, with the file, to mkdocs-workshop.")


def _without(session: Session, name: str) -> Session:
    """The session without one of its optional fields."""
    if name == "speakers":
        return replace(session, speakers=())
    if name == "room":
        return replace(session, room=None)
    if name == "kind":
        return replace(session, kind=None)
    if name == "url":
        return replace(session, url=None)
    return replace(session, abstract=None)


def _read_back(page: Path, new_text: str, directory: Directory) -> list[Problem]:
    """What the plugin will say of the written program, as a build would."""
    front = parse_front_matter(str(page), new_text)
    calls = find_calls(new_text[front.body_start:])
    read = read_page(str(page), front.meta, calls, default_zone=AOE, url_for=lambda _t: None,
                     directory=directory, front_problems=front.problems)
    return [p for p in read.problems if p.key == "schedule"]


def _summary(file: Path, page: Path, program: Program, converted: Converted, zone: Zone,
             page_zone: Zone | None, people: People, replaced: bool, dry_run: bool) -> list[str]:
    verb = "would write" if dry_run else ("replaced" if replaced else "added")
    days = converted.days
    span = days[0].isoformat() + (f" to {days[-1].isoformat()}" if len(days) > 1 else "")
    lines = [
        f"{page}: {verb} 'schedule:' from {excerpt(file.name, 80)} ({program.format}): "
        f"{len(converted.slots)} slot(s) on {len(days)} day(s) ({span}), "
        f"{len(converted.rooms)} room(s), {converted.parallel} slot(s) in parallel; times in "
        f"{zone.label}."]
    if page_zone is None:
        lines.append(f"  the page's workshop block has no 'timezone:': the times are the "
                     f"file's, in {zone.key}; add 'timezone: {zone.key}' to the workshop "
                     "block so that the page says so.")
    elif program.zone and program.zone != page_zone.key:
        lines.append(f"  the file's times ({excerpt(program.zone)}) are written as the page's "
                     f"zone shows them ({page_zone.key}).")
    speakers = (f"  speakers: {len(people.linked_roster)} linked to the page's rosters, "
                f"{len(people.linked_directory)} to the people directory (by id), "
                f"{len(people.unmatched)} written as names.")
    lines.append(speakers)
    for (written, kind), count in sorted(converted.kinds.items()):
        lines.append(f"  kind: '{excerpt(written, 60)}' written as '{kind}' ({count}).")
    for written, count in sorted(converted.unknown_kinds.items()):
        lines.append(f"  kind: '{excerpt(written, 60)}' is not a kind of slot; written as "
                     f"'other' ({count}).")
    lines += [f"  {excerpt(note, 400)}" for note in converted.notes]
    if program.skipped:
        lines.append(f"  not imported ({len(program.skipped)}; the rest is):")
        lines += [f"    {excerpt(line, 500)}" for line in program.skipped]
    return lines
