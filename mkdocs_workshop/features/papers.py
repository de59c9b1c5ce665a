"""Accepted papers from a data file: YAML, JSON, CSV, or the JSON of OpenReview's API.

Every format becomes a list of :class:`Paper`. Fields: ``title`` (required), ``authors`` (a list,
or one text separated by ``;``, ``,`` or ``and``), ``abstract``, ``forum`` (an OpenReview id or
a link), ``pdf``, ``decision`` (Oral, Spotlight, Poster, ...), ``award``, and any other column,
which ``group_by`` can name. OpenReview notes (API 1 or 2, a list or ``{"notes": [...]}``) give
title, authors, abstract, forum and PDF, and their decision from ``decision`` or ``venue``.
"""

from __future__ import annotations

import csv
import io
import os
import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any

from markupsafe import Markup, escape
from pydantic import BeforeValidator, Field

from ..core.anchors import AnchorAllocator, slug
from ..core.entries import label_of, read_text, report_yaml, validate
from ..core.fields import FieldIssue, Link, Model, RequiredText, Text, field_names, to_link, to_text
from ..core.mathml import with_math
from ..core.problems import Problems, as_called, brief, did_you_mean, excerpt, kind_of
from ..core.safeload import load, load_json
from .base import Feature, Macro, Part, Reading, Rendering, Waiting
from .team import rosters

OPENREVIEW = "https://openreview.net"
FORMATS = (".yml", ".yaml", ".json", ".csv")
REJECTED = re.compile(r"\b(reject|rejected|withdrawn|withdraw|desk)\b", re.I)

# ---------------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------------


def to_authors(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        text = value.strip()
        parts = text.split(";") if ";" in text else re.split(r",\s*(?:and\s+)?|\s+and\s+", text)
        return [p.strip() for p in parts if p.strip()]
    if isinstance(value, list):
        names = []
        for item in value:
            name = to_text(item)
            if name:
                names.append(name)
        return names
    raise FieldIssue("should be a list of names, or names separated by commas.",
                     "write 'authors: [Ada Lovelace, Alan Turing]'.")


def to_forum(value: object) -> str | None:
    """An OpenReview forum id (``abc123XYZ``) or a link to the paper's page."""
    text = to_text(value)
    if text is None:
        return None
    if re.fullmatch(r"[A-Za-z0-9_-]{5,}", text):
        return f"{OPENREVIEW}/forum?id={text}"
    return to_link(text)


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def to_pdf(value: object) -> str | None:
    """A web address, or a file of the site (``papers/12.pdf``: from the papers file's
    folder, else from the docs folder; the page links to it where the build puts it)."""
    text = to_text(value)
    if text is None:
        return None
    if text.startswith("/pdf"):  # OpenReview gives its own path
        return OPENREVIEW + text
    if not _SCHEME.match(text) and not text.startswith(("//", "\\")):
        parts = text.replace("\\", "/").split("/")
        named = re.search(r"\.[A-Za-z0-9]{1,5}(?:#[^#]*)?$", text)  # a file's name: "12.pdf"
        if ".." in parts or any(not c.isprintable() for c in text) or not named:
            raise FieldIssue(f"'{text}' is not a file of the site.",
                             "write the file's path inside the docs folder, or a full web "
                             "address (https://...).")
        return text
    return to_link(text)


def site_file(pdf: str | None) -> bool:
    """Whether a paper's ``pdf`` names a file of the site (not a web address)."""
    return pdf is not None and not _SCHEME.match(pdf)


Authors = Annotated[list[str], BeforeValidator(to_authors)]
Forum = Annotated[str | None, BeforeValidator(to_forum)]
Pdf = Annotated[str | None, BeforeValidator(to_pdf)]


class Paper(Model):
    title: RequiredText
    authors: Authors = Field(default_factory=list)
    abstract: Text = None
    forum: Forum = None
    pdf: Pdf = None
    url: Link = None
    decision: Text = None
    award: Text = None


PAPER_FIELDS = field_names(Paper)


@dataclass(frozen=True)
class PaperEntry:
    index: int  # 1-based entry, or the CSV line
    paper: Paper
    extra: Mapping[str, str]  # other columns, for group_by
    title_html: Markup | None = None  # the title with its $...$ as MathML (None: as written)
    abstract_html: tuple[Markup, ...] | None = None  # the abstract's paragraphs, likewise


@dataclass
class PaperFile:
    path: str  # relative to docs_dir, for messages
    entries: list[PaperEntry] = field(default_factory=list)
    left_out: int = 0  # rejected or withdrawn entries of an export
    problems: Problems | None = None


# ---------------------------------------------------------------------------------------------
# Reading the formats
# ---------------------------------------------------------------------------------------------


def _openreview_note(note: Mapping[str, Any]) -> dict[str, Any]:
    """A note of OpenReview's API (1: plain values; 2: {"value": ...}) as a paper's fields."""
    content = note.get("content") or {}

    def value(key: str) -> Any:
        item = content.get(key)
        return item.get("value") if isinstance(item, dict) else item

    fields: dict[str, Any] = {
        "title": value("title"),
        "authors": value("authors"),
        "abstract": value("abstract"),
        "forum": note.get("forum") or note.get("id"),
        "pdf": value("pdf") or (f"{OPENREVIEW}/pdf?id={note.get('forum') or note.get('id')}"
                                if note.get("forum") or note.get("id") else None),
    }
    decision = value("decision") or value("venue")
    if decision:
        fields["decision"] = decision
    if value("award"):
        fields["award"] = value("award")
    return {k: v for k, v in fields.items() if v is not None}


def _items(data: Any) -> tuple[list[Any], bool] | None:
    """The list of papers in a YAML/JSON document, and whether they are OpenReview notes."""
    if isinstance(data, dict):
        for key in ("notes", "papers", "submissions"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            return None
    if not isinstance(data, list):
        return None
    notes = bool(data) and all(isinstance(i, dict) and isinstance(i.get("content"), dict)
                               for i in data)
    return data, notes


def parse(text: str, suffix: str, problems: Problems) -> list[tuple[int, Any]] | None:
    """(entry number or CSV line, fields) of each paper in the file's text."""
    if suffix == ".csv":
        return _parse_csv(text, problems)
    loaded = load_json(text) if suffix == ".json" else load(text)
    report_yaml(loaded, problems)
    if not loaded.ok:
        return None
    data = loaded.data
    found = _items(data)
    if found is None:
        problems.error(
            f"should hold a list of papers, but it is {kind_of(data)}.",
            fix="write a list of papers (each with 'title:' and 'authors:'), a 'papers:' list, "
            "or OpenReview's JSON with its 'notes' list.",
        )
        return None
    items, notes = found
    return [(i, _openreview_note(item) if notes else item) for i, item in enumerate(items, 1)]


def _parse_csv(text: str, problems: Problems) -> list[tuple[int, Any]] | None:
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, Any]] = []
    start = 1  # where the row being read starts (the header: line 1)
    try:
        header = reader.fieldnames
        if not header:
            problems.error("is empty.", fix="add a header line (title,authors,...) and rows.")
            return None
        names = [h.strip().lower() for h in header]
        unique, first = _unique(names)
        for position, name in enumerate(names):
            if first[name] != position:
                problems.warn(
                    f"has the column '{name}' twice (columns {first[name] + 1} and "
                    f"{position + 1}): the first is read.", line=1,
                    fix="rename or remove one of the two columns.")
        reader.fieldnames = unique
        if "title" not in names:
            close = next((n for n in names if did_you_mean(n, ["title"], cutoff=0.8)), None)
            problems.error(
                "has no 'title' column (columns: " + ", ".join(header) + ").",
                fix=f"rename the column '{close}' to 'title'." if close else
                "add a 'title' column; the first line of the file names the columns.",
            )
            return None
        start = reader.line_num + 1  # where the row being read starts
        for row in reader:
            start = reader.line_num + 1
            cleaned = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()
                       if k is not None}
            extra = row.get(None)
            if extra:
                problems.warn(
                    f"has {len(extra)} more value(s) than the header has columns: "
                    + ", ".join(brief(v) for v in extra[:5]) + ".", line=reader.line_num,
                    fix="quote values that contain commas, or add the missing column names.")
            if any(cleaned.values()):
                rows.append((reader.line_num, {k: v for k, v in cleaned.items() if v}))
    except csv.Error as exc:
        line = start
        if str(exc).startswith("field larger than field limit"):
            problems.error(
                f"has a value longer than {csv.field_size_limit():,} characters, in the row "
                f"that starts at line {line}: more than any field of a paper holds.",
                fix="look for a double quote that opens a value and is never closed (all that "
                "follows it is read as one value); a quote inside a value is doubled (\"\"). "
                "Or shorten the value.")
        else:
            problems.error(f"is not valid CSV in the row that starts at line {line} "
                           f"({excerpt(str(exc), 120)}).",
                           fix="look for a stray double quote there; a value with a quote "
                           "inside must be quoted itself, with the quote doubled (\"\").")
        return None
    return rows


def _unique(names: list[str]) -> tuple[list[str], dict[str, int]]:
    """Column names made unique (a repeated one as "authors (2)"), and where each first is."""
    first: dict[str, int] = {}
    unique = []
    for position, name in enumerate(names):
        if name in first:
            unique.append(f"{name} ({position + 1})")
        else:
            first[name] = position
            unique.append(name)
    return unique, first


def read_paper_file(path: str, name: str) -> PaperFile:
    """Read and check one papers file; ``name`` is how messages name it."""
    problems = Problems(name)
    result = PaperFile(name, problems=problems)
    suffix = os.path.splitext(path)[1].lower()
    text = read_text(path, problems,
                     fix="save or export the file as UTF-8 (in Excel: 'CSV UTF-8').")
    if text is None:
        return result
    if not text.strip():
        problems.error("is empty.", fix="add the accepted papers, or remove the papers() call.")
        return result
    parsed = parse(text, suffix, problems)
    if parsed is None:
        return result
    is_csv = suffix == ".csv"
    for number, item in parsed:
        where: dict[str, Any] = {"line": number} if is_csv else {"entry": number}
        if not isinstance(item, dict):
            problems.error(f"is {brief(item)}, not a paper.", **where,
                           fix="give each paper a 'title' and its 'authors'.")
            continue
        fields = {str(k).lower() if is_csv else str(k): v for k, v in item.items()}
        label = label_of(fields, "title")
        for key in fields:
            if key not in PAPER_FIELDS:
                # Exports carry many other columns: only a near miss is worth a word.
                close = did_you_mean(key, PAPER_FIELDS, cutoff=0.8)
                if close and close != key:
                    problems.warn(
                        f"'{key}' is not a field of a paper; it is kept only for group_by.",
                        **where, label=label, fix=f"did you mean '{close}'?")
        decision = to_text(fields.get("decision")) if not isinstance(
            fields.get("decision"), (dict, list)) else None
        if decision and REJECTED.search(decision):
            result.left_out += 1
            continue
        paper = validate(Paper, fields, problems, key=None, label=label,
                         entry=where.get("entry"), line=where.get("line"))
        if paper is None:
            continue
        extra = {k: str(v) for k, v in fields.items()
                 if k not in PAPER_FIELDS and isinstance(v, (str, int, float))}
        title_html, abstract_html = _with_math(paper, problems, where, label)
        result.entries.append(PaperEntry(number, paper, extra, title_html, abstract_html))
    return result


def paragraphs(text: str | None) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]


def _shown(formula: str) -> str:
    """A formula as a message shows it: on one line, at most 80 characters."""
    text = " ".join(formula.split())
    return text if len(text) <= 80 else text[:79] + "…"


def _with_math(paper: Paper, problems: Problems, where: Mapping[str, Any],
               label: str | None) -> tuple[Markup, tuple[Markup, ...]]:
    """The title and the abstract's paragraphs as HTML, LaTeX between dollars as MathML; a
    formula that cannot be converted stays as written, with a warning naming the paper."""
    title, issues = with_math(paper.title)
    abstract = []
    for paragraph in paragraphs(paper.abstract):
        html, more = with_math(paragraph)
        abstract.append(html)
        issues += more
    for issue in issues:
        problems.warn(
            f"the formula '{_shown(issue.formula)}' is shown as written: {issue.reason}.",
            **where, label=label or paper.title,
            fix="write it with the LaTeX commands of latex2mathml (\\frac, ^, _, \\textit, "
            "Greek letters...), or write \\$ for a dollar that is not math.")
    return title, tuple(abstract)


class PaperFiles:
    """Papers files of one build, each read once however many pages show it."""

    def __init__(self, docs_dir: str) -> None:
        self.docs_dir = docs_dir
        self._read: dict[str, PaperFile] = {}

    def locate(self, source: str, page_src: str) -> tuple[str | None, list[str]]:
        """The file for ``source`` (relative to the page, then to docs), and where it looked.

        Only files inside the docs folder are ever read: an absolute path, a path that climbs
        out (``../``), or a link (symlink) to a file outside is not looked at, and nothing is
        tried (an empty list)."""
        text = source.replace("\\", "/")
        if text.startswith(("/", "~")) or re.match(r"^[A-Za-z]:", text) or "\x00" in text:
            return None, []
        page_dir = posixpath.dirname(page_src)
        candidates = []
        for base in (page_dir, ""):
            relative = posixpath.normpath(posixpath.join(base, text))
            if relative not in candidates:
                candidates.append(relative)
        inside = [c for c in candidates if not (c == ".." or c.startswith("../"))]
        root = os.path.realpath(self.docs_dir)
        for candidate in inside:
            path = os.path.join(self.docs_dir, candidate)
            if os.path.isfile(path):
                real = os.path.realpath(path)
                if os.path.commonpath([root, real]) != root:
                    return None, []  # a link out of the docs folder
                return candidate, inside
        return None, inside

    def get(self, relative: str) -> tuple[PaperFile, bool]:
        """The file's papers, and whether this is the first time it was asked for."""
        if relative in self._read:
            return self._read[relative], False
        result = read_paper_file(os.path.join(self.docs_dir, relative), relative)
        self._read[relative] = result
        return result, True


# ---------------------------------------------------------------------------------------------
# Views
# ---------------------------------------------------------------------------------------------

ORDER = ("Orals", "Spotlights", "Posters", "Accepted papers")
HEADING_LEVEL = 3  # groups are "###" headings: papers() is usually under a "##" section


def decision_group(decision: str | None) -> str:
    text = (decision or "").lower()
    for word, group in (("oral", "Orals"), ("spotlight", "Spotlights"), ("poster", "Posters")):
        if word in text:
            return group
    if not text or "accept" in text:
        return "Accepted papers"
    return decision or "Accepted papers"


@dataclass(frozen=True)
class PaperView:
    anchor: str
    title: Markup  # HTML: escaped text, formulas as MathML
    authors: tuple[str, ...]
    abstract: tuple[Markup, ...]  # paragraphs, HTML likewise
    forum: str | None
    pdf: str | None
    url: str | None
    award: str | None

    @property
    def link(self) -> str | None:
        """Where the title links: the paper's url, else its forum (OpenReview)."""
        return self.url or self.forum


def _view(entry: PaperEntry, anchors: AnchorAllocator,
          pdf_links: Mapping[str, str] | None = None) -> PaperView:
    paper = entry.paper
    pdf = paper.pdf
    if site_file(pdf):  # a file of the site: where the page finds it, if it is there
        pdf = (pdf_links or {}).get(str(pdf))
    anchor = anchors.unique("paper-" + (slug(paper.title)[:60] or str(entry.index)))
    title = entry.title_html if entry.title_html is not None else escape(paper.title)
    abstract = entry.abstract_html if entry.abstract_html is not None else tuple(
        escape(p) for p in paragraphs(paper.abstract))
    return PaperView(anchor, title, tuple(paper.authors), abstract, paper.forum,
                     pdf, paper.url, paper.award)


def group_papers(entries: Sequence[PaperEntry], group_by: str | None,
                 anchors: AnchorAllocator | None = None,
                 pdf_links: Mapping[str, str] | None = None
                 ) -> list[tuple[str, list[PaperView]]]:
    """The papers in groups; ``anchors``: the page's, so that a paper shown by two calls
    (papers() and awards()) has a different id in each; ``pdf_links``: where the page finds
    the PDFs the file keeps in the site."""
    groups: dict[str, list[PaperView]] = {}
    anchors = anchors if anchors is not None else AnchorAllocator()
    for entry in entries:
        if group_by in (None, "decision"):
            label = decision_group(entry.paper.decision)
        else:
            assert group_by is not None
            value = getattr(entry.paper, group_by, None) if group_by in PAPER_FIELDS else (
                entry.extra.get(group_by.lower()) or entry.extra.get(group_by))
            label = str(value) if value else "Other"
        groups.setdefault(label, []).append(_view(entry, anchors, pdf_links))
    if group_by in (None, "decision"):
        rank = {name: i for i, name in enumerate(ORDER)}
        return sorted(groups.items(), key=lambda item: rank.get(item[0], len(ORDER)))
    return list(groups.items())


def count_line(groups: Sequence[tuple[str, Sequence[PaperView]]], by_decision: bool) -> str:
    total = sum(len(papers) for _label, papers in groups)
    noun = "accepted paper" if total == 1 else "accepted papers"
    if not by_decision or len(groups) < 2:
        return f"{total} {noun}."
    parts = [f"{len(papers)} {_singular(label, len(papers))}" for label, papers in groups]
    return f"{total} {noun}: " + ", ".join(parts[:-1]) + f" and {parts[-1]}."


def _singular(label: str, n: int) -> str:
    lowered = label.lower()
    return lowered[:-1] if n == 1 and lowered.endswith("s") else lowered


def awarded(entries: Iterable[PaperEntry]) -> list[PaperEntry]:
    return [e for e in entries if e.paper.award]


def known_group_fields(entries: Iterable[PaperEntry]) -> set[str]:
    found = set(PAPER_FIELDS)
    for entry in entries:
        found.update(entry.extra)
    return found


# ---------------------------------------------------------------------------------------------
# A page's calls
# ---------------------------------------------------------------------------------------------


def load_papers(source: str, files: PaperFiles, page_src: str, call: str, problems: Problems,
                loaded: dict[str, PaperFile]) -> PaperFile | None:
    """The papers file a call names, read once per build (``loaded``: the page's, by the source
    its calls name). Its problems, the first time it is read, are reported with the page's."""
    if source in loaded:
        return loaded[source]
    suffix = source.rsplit(".", 1)[-1].lower() if "." in source else ""
    if f".{suffix}" not in FORMATS:
        problems.error(
            f"'{source}' is not a file type papers() reads.", call=call,
            fix="use a .yml, .yaml, .json (also OpenReview's) or .csv file.")
        return None
    found, tried = files.locate(source, page_src)
    if found is None:
        if not tried:
            problems.error(f"'{source}' points outside the docs folder.", call=call,
                           fix="keep the papers file inside the docs folder.")
        else:
            problems.error(
                f"the file '{source}' was not found (looked for "
                + " and ".join(f"'{t}'" for t in tried) + " in the docs folder).", call=call,
                fix="put the file next to the page or in the docs folder, or correct its name.")
        return None
    paper_file, first = files.get(found)
    if first and paper_file.problems is not None:
        problems.items.extend(paper_file.problems.items)
        if paper_file.left_out:
            problems.note(
                f"{paper_file.left_out} rejected or withdrawn entr"
                f"{'y is' if paper_file.left_out == 1 else 'ies are'} left out of the page.",
                call=f"{found}",
            )
    loaded[source] = paper_file
    return paper_file


def _read(reading: Reading) -> dict[str, Any]:
    """The papers files the page's calls name (where the name is written out), and where the
    page finds the PDFs they keep in the site."""
    loaded: dict[str, PaperFile] = {}
    failed: set[tuple[str, str]] = set()
    for call in reading.calls:
        if call.name in ("papers", "awards") and isinstance(call.arg, str) and \
                load_papers(call.arg, reading.papers, reading.src, call.where, reading.problems,
                            loaded) is None:
            failed.add((call.name, call.arg))
    return {PAPERS.name: loaded, FAILED.name: frozenset(failed),
            PDF_LINKS.name: _pdf_links(reading, loaded.values())}


def _pdf_links(reading: Reading, files: Iterable[PaperFile]) -> dict[tuple[str, str], str]:
    """(papers file, pdf as written) -> its address from the page, for each PDF the files
    keep in the site; one that is not there is reported, and shows no link."""
    links: dict[tuple[str, str], str] = {}
    for paper_file in files:
        folder = posixpath.dirname(paper_file.path)
        for entry in paper_file.entries:
            pdf = entry.paper.pdf
            if not site_file(pdf) or (paper_file.path, str(pdf)) in links:
                continue
            assert pdf is not None
            path = pdf.split("#", 1)[0]
            candidates = [posixpath.normpath(path.lstrip("/"))] if path.startswith("/") else [
                posixpath.normpath(posixpath.join(folder, path)), posixpath.normpath(path)]
            url = next((u for u in (reading.url_for(c) for c in dict.fromkeys(candidates))
                        if u is not None), None)
            if url is None:
                reading.problems.warn(
                    f"the PDF '{excerpt(pdf, 80)}' is not in the docs folder; the paper shows "
                    "no PDF link.", key=paper_file.path, entry=entry.index,
                    label=entry.paper.title, field="pdf",
                    fix="add the file, correct its path (from the papers file's folder or the "
                    "docs folder), or write its web address.")
                continue
            links[(paper_file.path, pdf)] = url + (f"#{pdf.split('#', 1)[1]}" if "#" in pdf
                                                   else "")
    return links


# What the feature reads of a page: the papers files its calls name, and the calls whose file
# could not be read (reported once, when the page was read).
PAPERS: Part[dict[str, PaperFile]] = Part("papers", {})
FAILED: Part[frozenset[tuple[str, str]]] = Part("papers_failed", frozenset())
PDF_LINKS: Part[dict[tuple[str, str], str]] = Part("papers_pdf_links", {})


def _paper_file(r: Rendering, name: str, source: str) -> PaperFile | str:
    """The file a papers()/awards() call names, or the error box to show instead."""
    call = f'{name}("{source}")'
    failed = f"{name}:{source}"
    if (name, source) in r.read.get(FAILED) or failed in r.state.reported:
        return r.box(f"{r.read.src}: {call}: see the build log.")
    loaded: dict[str, PaperFile] = r.state.late.setdefault("papers", {**r.read.get(PAPERS)})
    problems = Problems(r.read.src)
    found = load_papers(source, r.papers_files(), r.read.src, call, problems, loaded)
    r.report(problems)  # read here for the first time
    if found is None:
        r.state.reported.add(failed)
        return r.box(f"{r.read.src}: {call}: see the build log.")
    return found


def _links_of(r: Rendering, found: PaperFile) -> dict[str, str]:
    """The page's addresses of the PDFs ``found`` keeps in the site, by pdf as written."""
    return {pdf: url for (path, pdf), url in r.read.get(PDF_LINKS).items() if path == found.path}


def _level_issue(level: object) -> tuple[str, str] | None:
    if isinstance(level, int) and not isinstance(level, bool) and 2 <= level <= 6:
        return None
    return (f"asks for heading level {as_called(level)}.",
            "write level=3 (### headings, the default) or another number from 2 to 6, one more "
            "than the heading the call is under.")


def papers(r: Rendering, source: str, group_by: str | None = None,
           level: int = HEADING_LEVEL) -> str:
    """Accepted papers from a data file, grouped by decision or by ``group_by``; each group
    under a heading of ``level`` (3: ###)."""
    found = _paper_file(r, "papers", str(source))
    if isinstance(found, str):
        return found
    call = f'papers("{source}", group_by="{group_by}")' if group_by else f'papers("{source}")'
    if group_by is not None and not isinstance(group_by, str):
        return r.fail(call, [_not_a_field(group_by)])
    if (issue := _level_issue(level)) is not None:
        return r.fail(call, [issue])
    if group_by is not None and group_by not in known_group_fields(found.entries):
        if call not in r.state.reported:
            r.state.reported.add(call)
            close = did_you_mean(str(group_by), known_group_fields(found.entries))
            problems = Problems(r.read.src)
            problems.error(f"groups by '{group_by}', which no paper in {found.path} has.",
                           call=call, fix=(f"did you mean '{close}'? " if close else "")
                           + "Name a field or column of the file, or leave group_by out.")
            r.report(problems)
        return r.box(f"{r.read.src}: {call}: unknown field '{group_by}'.")
    groups = group_papers(found.entries, group_by, page_anchors(r), _links_of(r, found))
    by_decision = group_by in (None, "decision")
    return _place_groups(r, call, groups, count_line(groups, by_decision), awards=False,
                         level=level)


def page_anchors(r: Rendering) -> AnchorAllocator:
    """The ids of the page's macro output so far: its people's, then each papers()/awards()
    call's, so that no id repeats on the page."""
    anchors: AnchorAllocator | None = r.state.late.get("anchors")
    if anchors is None:
        anchors = AnchorAllocator()
        for cards in rosters(r.read.parts).values():
            for card in cards:
                anchors.reserve(card.anchor)
        r.state.late["anchors"] = anchors
    return anchors


_NOT_WORD = re.compile(r"[^\w\s]")


def heading(label: str, level: int = HEADING_LEVEL) -> str:
    """A group's label as a Markdown heading, so that the table of contents lists it. Every
    character other than letters, digits and spaces is written as a numeric character
    reference, so that nothing in a label becomes Markdown or HTML."""
    text = " ".join(label.split()) or "Papers"
    return "#" * level + " " + _NOT_WORD.sub(lambda m: f"&#{ord(m.group())};", text)


def _place_groups(r: Rendering, call: str, groups: Sequence[tuple[str, list[PaperView]]],
                  count: str | None, *, awards: bool, level: int = HEADING_LEVEL) -> str:
    """The count line, then each group under a Markdown heading of its own (so that it is in
    the table of contents and screen readers' list of headings) with its papers below."""
    if not groups:
        return r.place(call, "papers", groups=[], count=count, awards=awards, headings=True,
                       count_only=False)
    parts = []
    if count:
        parts.append(r.place(call, "papers", groups=[], count=count, awards=awards,
                             headings=True, count_only=True))
    for label, papers in groups:
        parts.append(f"\n\n{heading(label, level)}\n\n")
        parts.append(r.place(call, "papers", groups=[(label, papers)], count=None,
                             awards=awards, headings=True, count_only=False))
    return "".join(parts)


def _not_a_field(group_by: object) -> tuple[str, str]:
    return (f"groups by {as_called(group_by)}, which is not the name of a field.",
            "write group_by=\"decision\" or the name of another field or column.")


def awards(r: Rendering, source: str, level: int = HEADING_LEVEL) -> str:
    """The papers of a data file that have an ``award``: paper, authors, award."""
    found = _paper_file(r, "awards", str(source))
    if isinstance(found, str):
        return found
    if (issue := _level_issue(level)) is not None:
        return r.fail(f'awards("{source}", level={level!r})', [issue])
    groups = group_papers(awarded(found.entries), "award", page_anchors(r), _links_of(r, found))
    return _place_groups(r, f'awards("{source}")', groups, None, awards=True, level=level)


FEATURE = Feature(
    "papers", keys=("papers", "awards"), read=_read,
    macros=(Macro("papers", papers), Macro("awards", awards)),
    waiting=(Waiting(50, "Accepted papers", '<< papers("papers.csv") >>',
                     "docs/papers.csv (title, authors, decision, ...; or .yml, .json)"),))

__all__ = ["FEATURE", "PaperFile", "PaperFiles", "awarded", "count_line", "group_papers",
           "known_group_fields", "load_papers", "read_paper_file"]
