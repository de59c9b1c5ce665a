"""jekyll-scholar: papers listed from a BibTeX file, as the ``{% bibliography %}`` tag shows them.

Academic Jekyll themes (al-folio and the workshop sites made from it) list their accepted papers
with jekyll-scholar: a ``.bib`` file in ``_bibliography/`` and ``{% bibliography %}`` on the
page. Its entries are read with bibtexparser (LaTeX decoded, names split into their parts) and
become a papers file of the new site, shown with ``papers()`` as any ``_data`` papers file is
(:mod:`.dataloops`): the tag is a loop over the file's entries that the query
(``--query @inproceedings[abbr=Oral]``), ``--file``, ``--limit`` and the site's ``sort_by``
chose. ``{% bibliography_count %}`` is the number of entries it would show. An entry the
parser cannot read, a query this module cannot read, and the fields a paper has no place for
are reported; nothing becomes live Jinja or HTML (values are plain strings, which the plugin
escapes when it renders them).
"""

from __future__ import annotations

import html
import logging
import os
import re
import shlex
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TextIO

from bibtexparser import middlewares
from bibtexparser.entrypoint import parse_string
from bibtexparser.model import (
    DuplicateBlockKeyBlock,
    Entry,
    MiddlewareErrorBlock,
    ParsingFailedBlock,
)
from liquid.ast import Node
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.token import TOKEN_EXPRESSION, TOKEN_TAG, Token

from ..common.escape import one_line
from ..common.paths import unreadable
from .datafiles import DECISIONS, MAX_DATA_BYTES, DataFile, papers_file
from .liquid import Loop, Origin, Sink, render_text, sourced

MAX_BIB_FILES = 20  # .bib files read from the bibliography folder
MAX_QUERY = 1_000  # characters of a --query read
MAX_BIB_BYTES = 4_000_000  # bytes of .bib files read in all (about 30 s of parsing)
# entries the bibliography tags of one page show, all told (and a fiftieth of those their
# queries look at: a count in a loop over a large file is bounded too)
MAX_SHOWN = 20_000
# Fields of an entry a paper of the new site carries (the others are named in the report).
CARRIED = ("title", "author", "abstract", "url", "html", "pdf", "award", "award_name", "abbr",
           "year", "arxiv", "doi", "openreview")
# Fields that say how the source's layout drew an entry, not what it is.
LAYOUT_ONLY = frozenset({"bibtex_show", "selected", "preview", "google_scholar_id",
                         "altmetric", "dimensions", "inspirehep_id", "annotation"})


@dataclass
class Bibliography:
    """One ``.bib`` file: its entries as BibTeX has them (for queries and sorting) and as
    papers (in the fields ``papers()`` reads)."""

    name: str  # the file's name without .bib: what ``--file`` names
    source: str  # "_bibliography/papers.bib"
    # each entry's fields, as text, with its "key" and its "type" ("inproceedings")
    fields: list[dict[str, str]] = field(default_factory=list)
    papers: list[dict[str, Any]] = field(default_factory=list)  # each entry as a paper
    data: DataFile | None = None  # the papers file, when any entry has a title


@dataclass
class Scholar:
    """The site's bibliographies and jekyll-scholar's settings (``scholar:`` in
    ``_config.yml``)."""

    files: dict[str, Bibliography] = field(default_factory=dict)  # those read, by name
    # the .bib files of the site, by name: each read when a tag first names it
    paths: dict[str, tuple[Path, str]] = field(default_factory=dict)  # name -> (path, rel)
    source: Path | None = None
    budget: int = MAX_BIB_BYTES  # bytes of .bib files the import may still read
    default: str = "references"  # ``bibliography:`` without .bib
    query: str = "@*"
    sort_by: list[str] = field(default_factory=list)
    descending: bool = False
    group_by: str | None = None
    group_descending: bool = False
    notes: list[str] = field(default_factory=list)  # the import report's

    def bibliography(self, name: str) -> Bibliography | None:
        """The bibliography ``name``, read the first time a tag names it (a site's .bib files
        are read only when a page shows them, within :data:`MAX_BIB_BYTES` in all)."""
        if name in self.files or name not in self.paths:
            return self.files.get(name)
        path, rel = self.paths[name]
        size = path.stat().st_size
        if size > self.budget:
            self.notes.append(f"{rel} was not read: the bibliographies the pages show are "
                              f"larger than {MAX_BIB_BYTES:,} bytes in all.")
            self.paths.pop(name)
            return None
        self.budget -= size
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            self.notes.append(f"{rel} was not read: {one_line(str(exc))[:200]}.")
            self.paths.pop(name)
            return None
        bib = read_bib(text, name, rel, self.source, self.notes)
        # grouped by year (the papers() call's group_by), when the years differ
        if bib.data is not None and self.group_by == "year" and \
                len({paper.get("year") for paper in bib.papers}) > 1:
            bib.data.group_by = "year"
        self.files[name] = bib
        return bib

    def papers_file(self, name: str) -> DataFile | None:
        """The papers file a ``{% bibliography %}`` loop over ``name`` shows."""
        bib = self.files.get(name)
        return bib.data if bib is not None else None


def read_scholar(source: Path, config: Mapping[Any, Any], notes: list[str]) -> Scholar:
    """The bibliographies of the site at ``source`` whose ``_config.yml`` is ``config``;
    what they tell (a file not read, an entry that does not parse) goes to ``notes``."""
    settings = config.get("scholar")
    settings = settings if isinstance(settings, Mapping) else {}
    scholar = Scholar(notes=notes)
    default = settings.get("bibliography")
    if isinstance(default, str) and default.strip():
        scholar.default = _bib_name(default)
    if isinstance(settings.get("query"), str):
        scholar.query = settings["query"]
    sort_by = settings.get("sort_by")
    if isinstance(sort_by, str) and sort_by.strip() not in ("", "none"):
        scholar.sort_by = [part.strip().lower() for part in sort_by.split(",") if part.strip()]
    scholar.descending = str(settings.get("order", "")).strip().lower() == "descending"
    group_by = settings.get("group_by")
    if isinstance(group_by, str) and group_by.strip() not in ("", "none"):
        scholar.group_by = group_by.split(",")[0].strip().lower()
    scholar.group_descending = str(settings.get("group_order", "")).strip().lower() == \
        "descending"
    folder_name = settings.get("source")
    folder_name = folder_name.strip().strip("/").removeprefix("./") \
        if isinstance(folder_name, str) and folder_name.strip() else "_bibliography"
    folder = source / folder_name
    scholar.source = source
    if not folder.is_dir():
        return scholar
    if not Path(os.path.realpath(folder)).is_relative_to(os.path.realpath(source)):
        scholar.notes.append(f"{one_line(folder_name)[:100]}/ (the bibliographies' folder) was "
                             "not read: it leads outside the site.")
        return scholar
    paths = sorted(p for p in folder.glob("*.bib") if p.is_file())
    if len(paths) > MAX_BIB_FILES:
        scholar.notes.append(f"{one_line(folder_name)[:100]}/ holds {len(paths)} .bib files: "
                             f"the first {MAX_BIB_FILES} are read.")
    for path in paths[:MAX_BIB_FILES]:
        rel = one_line(path.relative_to(source).as_posix())
        if (why := unreadable(path, source, MAX_DATA_BYTES)) is not None:
            scholar.notes.append(f"{rel} was not read: {why}.")
            continue
        scholar.paths[_bib_name(path.name)] = (path, rel)
    return scholar


class _PercentKept(middlewares.BlockMiddleware):
    """A "%" in a field is text ("5% on ImageNet"), as jekyll-scholar shows it; LaTeX would
    read the rest of the field as a comment, and drop it."""

    def __init__(self) -> None:
        super().__init__(allow_inplace_modification=True)

    def transform_entry(self, entry: Entry, library: Any) -> Entry:
        for found in entry.fields:
            if isinstance(found.value, str):
                found.value = _PERCENT.sub(r"\\%", found.value)
        return entry


_PERCENT = re.compile(r"(?<!\\)%")


def _entries(count: int) -> str:
    return f"{count} entr{'y' if count == 1 else 'ies'}"


def _bib_name(name: str) -> str:
    return name.strip().removesuffix(".bib")


@contextmanager
def _quiet() -> Iterator[None]:
    """bibtexparser logs what it cannot parse; this module reports it with the file's name."""
    logger = logging.getLogger("bibtexparser")  # its modules' loggers take its level
    was = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(was)


def read_bib(text: str, name: str, rel: str, source: Path | None,
             notes: list[str]) -> Bibliography:
    """The entries of one ``.bib`` file (``rel``, for messages); what cannot be read is told
    in ``notes``. ``source``: the site's folder, where a ``pdf={x.pdf}`` is looked for."""
    bib = Bibliography(name, rel)
    with _quiet():
        library = parse_string(text, append_middleware=[
            _PercentKept(), middlewares.LatexDecodingMiddleware(),
            middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()])
    entries: list[Entry] = list(library.entries)
    undecoded: set[int] = set()  # entries whose LaTeX could not be decoded (by id)
    unread = []
    for block in library.failed_blocks:
        line = (block.start_line or 0) + 1
        if isinstance(block, MiddlewareErrorBlock) and isinstance(block.ignore_error_block,
                                                                  Entry):
            entries.append(block.ignore_error_block)  # its LaTeX could not be decoded
            undecoded.add(id(block.ignore_error_block))
            notes.append(f"{rel} line {line}: the LaTeX of this entry could not be decoded; "
                         "its fields are imported as written.")
        elif isinstance(block, DuplicateBlockKeyBlock):
            unread.append(f"line {line} (its key '{one_line(block.key)[:60]}' is an earlier "
                          "entry's)")
        elif isinstance(block, ParsingFailedBlock):
            why = one_line(str(block.error))[:200] or "a brace or a quote not closed"
            unread.append(f"line {line} ({why})")
    if unread:
        notes.append(f"{rel}: {_entries(len(unread))} could not be read and "
                     f"{'is' if len(unread) == 1 else 'are'} not imported: "
                     + "; ".join(unread[:10]) + ("; ..." if len(unread) > 10 else "")
                     + ". Mend the .bib file (close the brace or quote, give each entry a "
                     "key of its own) and import again.")
    elif not entries:
        notes.append(f"{rel} holds no BibTeX entry (\"@misc{{key, title={{...}}}}\"): "
                     "nothing is imported from it.")
    entries.sort(key=lambda e: e.start_line or 0)
    left_out: set[str] = set()
    for entry in entries:
        raw = id(entry) in undecoded  # its BibTeX braces are still in it
        fields = {key.lower(): _field_text(value.value, raw)
                  for key, value in entry.fields_dict.items() if isinstance(key, str)}
        fields = {k: v for k, v in fields.items() if v}
        bib.fields.append({**fields, "key": entry.key, "type": entry.entry_type.lower()})
        bib.papers.append(_paper(entry, fields, source, raw))
        left_out.update(k for k in fields if k not in CARRIED and k not in LAYOUT_ONLY)
    made = papers_file(name, bib.papers)
    if made.kind == "papers":
        made.source = rel
        notes.extend(f"{rel}: {kept}" for kept in made.kept)
        if left_out:
            notes.append(f"{rel}: fields of its entries a paper has no place for, not "
                         "imported: " + ", ".join(sorted(left_out)))
        bib.data = made
    elif bib.papers:
        notes.append(f"{rel}: none of its entries has a title; it is not imported.")
    return bib


def _field_text(value: Any, raw: bool = False) -> str:
    r"""A field as one line of text, names joined; ``raw``: its LaTeX was not decoded, and the
    braces BibTeX groups letters with are dropped here (decoded, a brace is one the field
    wrote as ``\{``, and stays)."""
    if isinstance(value, list):
        return ", ".join(filter(None, (_name(v, raw) for v in value)))
    return _plain(str(value), raw)


def _plain(text: str, raw: bool = False) -> str:
    return one_line(text.replace("{", "").replace("}", "") if raw else text)


def _name(value: Any, raw: bool = False) -> str:
    """An author as a paper lists them: "Ada von Quill, Jr."."""
    parts = getattr(value, "first", None), getattr(value, "von", None), \
        getattr(value, "last", None), getattr(value, "jr", None)
    if not all(isinstance(p, list) for p in parts):
        return _plain(str(value), raw)
    first, von, last, jr = (" ".join(str(x) for x in p) for p in parts)  # type: ignore[union-attr]
    made = " ".join(filter(None, (first, von, last)))
    return _plain(f"{made}, {jr}" if jr else made, raw)


def _paper(entry: Entry, fields: dict[str, str], source: Path | None,
           raw: bool = False) -> dict[str, Any]:
    """An entry as a paper, in the fields a papers file has (see ``datafiles.paper``)."""
    out: dict[str, Any] = {}
    if "title" in fields:
        out["title"] = fields["title"]
    authors = entry.fields_dict.get("author")
    if authors is not None and isinstance(authors.value, list):
        out["authors"] = [n for n in (_name(v, raw) for v in authors.value) if n]
    elif "author" in fields:
        out["authors"] = fields["author"]
    if "abstract" in fields:
        out["abstract"] = fields["abstract"]
    link = fields.get("url") or fields.get("html")
    if link and re.match(r"^https?://openreview\.net/", link):
        out["openreview"] = link
    elif link:
        out["url"] = link
    elif "openreview" in fields:
        out["openreview"] = fields["openreview"]
    elif "arxiv" in fields:
        arxiv = fields["arxiv"]
        out["url"] = arxiv if "://" in arxiv else f"https://arxiv.org/abs/{arxiv}"
    elif "doi" in fields:
        doi = fields["doi"]
        out["url"] = doi if "://" in doi else f"https://doi.org/{doi}"
    pdf = fields.get("pdf")
    if pdf:  # al-folio: a file of assets/pdf/, or a link
        local = source is not None and "/" not in pdf and "://" not in pdf and \
            (source / "assets" / "pdf" / pdf).is_file()
        out["pdf"] = f"/assets/pdf/{pdf}" if local else pdf
    award = fields.get("award_name") or fields.get("award")
    if award:
        out["award"] = award
    abbr = fields.get("abbr")
    if abbr and any(word in abbr.lower() for word, _label in DECISIONS):
        out["decision"] = abbr
    elif abbr:
        out["abbr"] = abbr
    if "year" in fields:
        out["year"] = fields["year"]
    return out


# ---------------------------------------------------------------------------------------------
# The tags
# ---------------------------------------------------------------------------------------------


@dataclass
class Query:
    """A jekyll-scholar query: ``@type[field=value, other~=text]``, alternatives by ``||``."""

    type: str  # "*" for every type
    conditions: list[list[tuple[str, str, str]]]  # alternatives, each all of (field, op, value)

    def matches(self, kind: str, fields: Mapping[str, str]) -> bool:
        if self.type != "*" and kind != self.type:
            return False
        return not self.conditions or any(
            all(_holds(fields.get(key, ""), op, value) for key, op, value in alternative)
            for alternative in self.conditions)


# "@type[conditions]", and a closing "*" (the entries' cross-referenced children too, which
# the import does not follow: the entries themselves are shown)
_QUERY = re.compile(r"@(\*|[A-Za-z]+)\s*(?:\[(.*)\])?\s*\*?", re.S)
_CONDITION = re.compile(r"\s*([A-Za-z_][\w-]*)\s*(<=|>=|!=|~=|\^=|=|<|>)(.*)")


def parse_query(text: str) -> Query | None:
    """A query, or None when it is not one this module reads (nor one longer than a query
    is: its patterns stay linear)."""
    text = " ".join(text.split())
    if len(text) > MAX_QUERY:
        return None
    match = _QUERY.fullmatch(text)
    if match is None:
        return None
    conditions = []
    for alternative in (match.group(2) or "").split("||"):
        parts = []
        for written in re.split(r",|&&", alternative):
            if not written.strip():
                continue
            condition = _CONDITION.fullmatch(written)
            if condition is None:
                return None
            key, op, value = condition.groups()
            parts.append((key.lower(), op, value.strip().strip("\"'{}")))
        if parts:
            conditions.append(parts)
    return Query(match.group(1).lower(), conditions)


def _holds(have: str, op: str, want: str) -> bool:
    if op in ("<", "<=", ">", ">="):
        try:
            a, b = float(have), float(want)
        except ValueError:
            return False
        return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]
    if op == "~=":
        return want.casefold() in have.casefold()
    if op == "^=":
        return have.casefold().startswith(want.casefold())
    same = have.casefold() == want.casefold()
    return not same if op == "!=" else same


@dataclass
class Shown:
    """What one ``{% bibliography %}`` shows: the file, and the indexes of its entries."""

    bib: Bibliography | None
    indexes: list[int]


class _Notes(Protocol):
    def note(self, text: str) -> None: ...


def shown_entries(scholar: Scholar, arguments: str, report: _Notes) -> Shown:
    """The entries ``{% bibliography <arguments> %}`` shows, in their order; ``report`` is
    told what is not read (the page's Liquid environment: its lines of the report)."""
    try:
        words = shlex.split(arguments)
    except ValueError:
        words = arguments.split()
    options: dict[str, str] = {}
    key: str | None = None
    for word in words:
        if word.startswith("--"):
            key = word[2:].lower()
            options[key] = ""
        elif word.startswith("-") and len(word) == 2 and word[1].isalpha():
            key = {"f": "file", "q": "query", "c": "cited", "X": "suppress_author",
                   "l": "locator", "p": "prefix", "T": "template", "s": "style",
                   "g": "group_by"}.get(word[1], word[1])
            options[key] = ""
        elif key is not None:
            options[key] = f"{options[key]} {word}".strip()
    name = _bib_name(options.get("file", "") or scholar.default)
    bib = scholar.bibliography(name)
    if bib is None:
        known = ", ".join(sorted(set(scholar.paths) | set(scholar.files))) or "none"
        report.note(f"{{% bibliography %}} names the bibliography '{one_line(name)[:100]}', "
                    f"which the import has not read (the site's .bib files: {known}): it "
                    "shows nothing")
        return Shown(None, [])
    written = options.get("query") or scholar.query
    query = parse_query(written)
    if query is None:
        report.note(f"{{% bibliography %}}: the query '{one_line(written)[:100]}' is not one "
                    "the import reads: every entry of the file is shown; take out those the "
                    "source did not show")
        query = Query("*", [])
    indexes = [i for i, fields in enumerate(bib.fields) if query.matches(fields["type"], fields)]
    for option in sorted(set(options) - {"file", "query", "limit", "max", "group_by",
                                         "template", "style", "prefix", "locator"})[:5]:
        report.note(f"{{% bibliography --{one_line(option)[:40]} %}} is not read: every entry "
                    "the query matches is shown")
    sort_by = scholar.sort_by
    if sort_by:
        def order(i: int) -> tuple[tuple[int, float, str], ...]:
            return tuple(_sort_key(bib.fields[i].get(k, "")) for k in sort_by)
        indexes.sort(key=order, reverse=scholar.descending)
    group = options.get("group_by") or scholar.group_by
    if group and group != "none":
        group_key = group.split(",")[0].strip().lower()
        indexes.sort(key=lambda i: _sort_key(bib.fields[i].get(group_key, "")),
                     reverse=scholar.group_descending)
    limit = options.get("limit", options.get("max"))
    if limit is not None and re.fullmatch(r"[0-9]{1,7}", limit):
        indexes = indexes[:int(limit)]
    elif limit is not None:
        report.note(f"{{% bibliography --limit {one_line(limit)[:40]} %}}: not a number of "
                    "entries: every entry the query matches is shown")
    return Shown(bib, indexes)


def _sort_key(value: str) -> tuple[int, float, str]:
    try:
        return (0, float(value), "")
    except ValueError:
        return (1, 0.0, value.casefold())


def entry_html(paper: Mapping[str, Any]) -> str:
    """An entry as the source's list shows it, in outline: its title and authors."""
    authors = paper.get("authors")
    names = ", ".join(authors) if isinstance(authors, list) else str(authors or "")
    return (f"<li><span class=\"title\">{html.escape(str(paper.get('title', '')))}</span>"
            + (f" <span class=\"author\">{html.escape(names)}</span>" if names else "")
            + "</li>\n")


class BibliographyNode(Node):
    """``{% bibliography %}``: the entries it shows, a loop the importer shows with
    ``papers()`` (or, when it does not, the list as text)."""

    def __init__(self, token: Token, arguments: str) -> None:
        super().__init__(token)
        self.arguments = arguments
        self.blank = False

    def written(self, context: Any) -> str:
        """The tag's arguments, their Liquid rendered (al-folio's ``-q @*[year={{y}}]*`` in a
        loop over the years), as jekyll-scholar renders them."""
        if "{{" not in self.arguments:
            return self.arguments
        return render_text(context.env, self.arguments, context)

    def chosen(self, context: Any) -> Shown:
        """The entries the tag shows, within the page's bounds: entries looked at by its
        tags' queries, and shown, all told (a tag past them shows nothing, and says so)."""
        scholar: Scholar | None = getattr(context.env, "scholar", None)
        sink: Sink | None = context.env.sink
        if scholar is None:
            return Shown(None, [])
        if sink is not None and sink.shown > MAX_SHOWN:
            return Shown(None, [])
        shown = shown_entries(scholar, self.written(context), context.env)
        if sink is not None and shown.bib is not None:
            sink.shown += max(1, len(shown.bib.fields) // 50) + len(shown.indexes)
            if sink.shown > MAX_SHOWN:
                context.env.note(f"{{% bibliography %}} tags look at or show more than "
                                 f"{MAX_SHOWN:,} entries on this page, all told: those past "
                                 "them show nothing")
                return Shown(None, [])
        return shown

    def render_to_output(self, context: Any, buffer: TextIO) -> int:
        shown = self.chosen(context)
        if shown.bib is None or not shown.indexes:
            return 0
        bib = shown.bib
        # each entry shown knows where it is in the file (only those: a tag in a loop shows
        # a few entries of a large file)
        items = [sourced(bib.papers[i], Origin("bibliography", bib.name, (i,)))
                 for i in shown.indexes if bib.papers[i].get("title")]
        chunks = [entry_html(bib.papers[i]) for i in shown.indexes if bib.papers[i].get("title")]
        sink: Sink | None = context.env.sink
        if sink is not None and items:
            loop = Loop(len(sink.loops), Origin("bibliography", bib.name, ()), items, chunks, 0)
            if sink.wants(loop):
                loop.marker = sink.marker(loop.number)
                sink.loops.append(loop)
                return buffer.write(loop.marker)
        return buffer.write("<ol class=\"bibliography\">\n" + "".join(chunks) + "</ol>\n")


class BibliographyTag(Tag):
    name = "bibliography"
    block = False

    def parse(self, stream: TokenStream) -> Node:
        return BibliographyNode(*_tag_arguments(stream))


class BibliographyCountNode(BibliographyNode):
    """``{% bibliography_count %}``: how many entries ``{% bibliography %}`` would show."""

    def render_to_output(self, context: Any, buffer: TextIO) -> int:
        shown = self.chosen(context)
        return buffer.write(str(len(shown.indexes))) if shown.bib is not None else 0


class BibliographyCountTag(BibliographyTag):
    name = "bibliography_count"

    def parse(self, stream: TokenStream) -> Node:
        return BibliographyCountNode(*_tag_arguments(stream))


def _tag_arguments(stream: TokenStream) -> tuple[Token, str]:
    """The tag's token and the text after its name ("--file papers"), which may be none."""
    token = stream.expect(TOKEN_TAG)
    if stream.peek.kind != TOKEN_EXPRESSION:
        return token, ""
    stream.next_token()
    return token, str(stream.current.value)
