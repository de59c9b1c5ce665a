"""Where a page shows a ``_data`` file, and the macro call that shows it instead.

A Jekyll page shows a data file through an include that loops over it
(``{% include speakers.html %}``), a loop in the page (``{% for p in site.data.speakers %}``),
or a loop over a variable assigned from it (``{% assign abstracts = site.data.orals | sample
%}`` then ``{% for a in abstracts %}``). Each becomes the macro of what the file holds:
``team()`` for people, ``schedule()``, ``papers()`` (the file written into the new site),
``sponsors()``; the rest of the page is untouched. Images named in the data by file name
only are found where the loop's ``<img src="assets/img/speakers/{{ s.photo }}">`` put them.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from ...features import NOT_ROSTERS
from ..common.escape import html_text, one_line
from .datafiles import DataFile, SiteData, data_name
from .frontmatter import CONTROL_KEYS, HTML_KEYS

_FOR_TAG = re.compile(r"\{%-?\s*(?:(?P<end>endfor)|for\s+\w{1,100}\s+in\s+"
                      r"(?P<what>[A-Za-z0-9_.\[\]'\"-]{1,200}))[^%]{0,1000}?-?%\}")
_ASSIGN = re.compile(r"\{%-?\s*assign\s+(?P<var>\w{1,100})\s*=\s*site\.data\."
                     r"(?P<name>[A-Za-z0-9_.-]{1,200})(?P<filters>[^%]{0,1000}?)-?%\}")
_INCLUDE = re.compile(r"\{%-?\s*include\s+(?P<file>[A-Za-z0-9_./-]{1,200}\.html)"
                      r"(?P<args>[^%]{0,1000}?)-?%\}")
_IMG_SRC = re.compile(r"""src\s*=\s*["'](?P<before>[^"'<>]{0,300}?)\{\{-?\s*"""
                      r"""(?P<expr>[\w.\[\]-]{1,200}?)\s*-?\}\}["']""")
_SITE_URL = re.compile(r"\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\}")
IMAGE_FIELDS = ("photo", "image", "img", "pic", "picture", "logo", "src", "avatar", "headshot")
PAPERS_FOLDER = "data"  # docs/data/<name>.yml: the papers files the import writes


@dataclass
class Shown:
    """One place a page shows a data file."""
    tag: str  # the Liquid it replaces, as written
    data: DataFile
    image_prefix: str = ""  # "/assets/img/speakers/": where the loop's <img> looks
    filters: str = ""  # "where: 'session', 'dec3'": a subset the source showed
    skipped_by: tuple[str, ...] = ()  # fields whose truth made the loop skip an entry
    span: tuple[int, int] = (0, 0)  # where it is in the page's text
    assign: tuple[int, int] | None = None  # the assign the loop read, which goes with it


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


def image_prefix(text: str) -> str:
    """The folder the ``<img src>`` of a loop puts before an image field's value:
    ``assets/img/speakers/{{ s.photo }}`` gives ``/assets/img/speakers/``; "" when there is
    none, or it is built with more Liquid than the site's address."""
    for match in _IMG_SRC.finditer(text):
        field_name = re.sub(r"\[\d+\]", "", match["expr"]).rsplit(".", 1)[-1].lower()
        if field_name not in IMAGE_FIELDS:
            continue
        before = _SITE_URL.sub("", match["before"]).strip()
        if "{" in before or "%" in before or re.match(r"^[a-z]+:|^//", before, re.I):
            continue
        if not before or before == "/":
            return ""
        return "/" + before.lstrip("/")
    return ""


def find_shown(body: str, site: SiteData) -> list[Shown]:
    """Each place ``body`` shows a data file the import understands, in order: an include
    that loops over one, or an outermost loop over one (directly, or through the variable an
    ``assign`` before it made)."""
    found: list[Shown] = []
    for match in _INCLUDE.finditer(body):
        data = site.for_include(match["file"])
        if data is not None:
            text = site.include_texts.get(match["file"], "")
            text += _included(text, site)
            found.append(Shown(match.group(0), data, image_prefix(text), "", _skipped(text),
                               (match.start(), match.end())))
    assigns = list(_ASSIGN.finditer(body))
    # One pass over the for/endfor tags.
    depth = 0
    opened: tuple[int, DataFile | None, re.Match[str] | None] | None = None
    for match in _FOR_TAG.finditer(body):
        if match["end"] is None:
            if depth == 0:
                what = match["what"] or ""
                # the assign in effect where the loop starts: the last one before it
                assign = next((a for a in reversed(assigns)
                               if a["var"] == what and a.end() <= match.start()), None)
                if what.startswith("site.data."):
                    name = data_name(what[len("site.data."):], site)
                elif assign is not None:
                    name = data_name(assign["name"], site)
                else:
                    name = None
                opened = (match.start(), site.shown(name) if name else None, assign)
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0 and opened is not None and opened[1] is not None:
                start, data, assign = opened[0], opened[1], opened[2]
                loop = body[start:match.end()]
                text = loop + _included(loop, site)
                found.append(Shown(
                    loop, data, image_prefix(text),
                    _subset(assign["filters"]) if assign is not None else "", _skipped(text),
                    (start, match.end()),
                    (assign.start(), assign.end()) if assign is not None else None))
    found.sort(key=lambda shown: shown.span)
    return found


_SKIP = re.compile(r"\{%-?\s*if\s+\w{1,100}\.(?P<field>\w{1,100})\s*-?%\}\s*"
                   r"\{%-?\s*continue\s*-?%\}")


_CONDITION = re.compile(r"\{%-?\s*(?P<tag>if|unless)\s+(?P<test>[^%]{1,200}?)\s*-?%\}")


def _conditions(loop: str) -> list[str]:
    """The tests a loop shows its entries under (``{% if group.short == "fhooe" %}``), other
    than the skip the import applies, and those on its own counters (``forloop``, a
    variable it assigned)."""
    own = set(re.findall(r"\{%-?\s*assign\s+(\w+)", loop)) | {"forloop"}
    found = []
    for match in _CONDITION.finditer(loop):
        rest = loop[match.end():match.end() + 40]
        if re.match(r"\s*\{%-?\s*continue", rest):
            continue
        subject = re.match(r"\w+", match["test"])
        if subject is not None and subject.group(0) in own:
            continue
        test = one_line(match["test"])
        found.append(f"'{test}'" if match["tag"] == "if" else f"not '{test}'")
    return list(dict.fromkeys(found))


def _skipped(text: str) -> tuple[str, ...]:
    """The fields whose truth makes the loop skip an entry:
    ``{% if speaker.skip %}{% continue %}{% endif %}``."""
    return tuple(sorted({m["field"] for m in _SKIP.finditer(text)}))


INCLUDED_CHARS = 100_000  # of a loop's includes read for its <img> and skips: enough for any


def _included(text: str, site: SiteData) -> str:
    """The text of the includes ``text`` names (one level, each once, at most
    ``INCLUDED_CHARS`` in all), where its <img> and its skips may be."""
    names = dict.fromkeys(m["file"] for m in _INCLUDE.finditer(text))
    return "".join(site.include_texts.get(name, "") for name in names)[:INCLUDED_CHARS]


def _subset(filters: str) -> str:
    """The filters of an assign that show part of a file (``where``, ``limit``...); those
    that only order it (``sort``, ``sample``, ``reverse``) say nothing."""
    kept = [f.strip() for f in filters.split("|")
            if f.strip() and not re.match(r"^(sort|sample|reverse|shuffle)\b", f.strip())]
    return " | ".join(kept)


@dataclass
class PageData:
    """What the page's data-file loops became: its new front-matter keys, and the report."""
    additions: dict[str, Any] = field(default_factory=dict)
    used: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


def use_site_data(body: str, meta: dict[Any, Any], site: SiteData, used: list[str],
                  names: list[str], rewrite_image: Callable[[str], str | None],
                  image_exists: Callable[[str], bool], written: Written
                  ) -> tuple[str, dict[str, Any], Callable[[str], str]]:
    """The page's text with each data-file loop that becomes a macro replaced by a marker
    (letters and digits with a random part, so no source can write one and nothing changes
    it), the front-matter keys they add, and the function that turns the markers into the
    macro calls once the text is converted. A loop that does not become a macro stays in the
    text, and is converted as the rest of the page's Liquid is.

    ``used`` gets a line for the report per loop; ``names`` the data files shown;
    ``written`` the papers files to write."""
    prefix = f"IMPORTJEKYLLDATA{secrets.token_hex(8)}X"
    page = PageData()
    calls: list[str] = []
    cuts: list[tuple[int, int, str]] = []  # (start, end, what replaces it)
    done = 0
    for shown in find_shown(body, site):
        if shown.span[0] < done:
            continue  # inside a loop already replaced (an include in it)
        call = _use(shown, site, meta, page, rewrite_image, image_exists, written)
        if call is None:
            continue
        cuts.append((*shown.span, f"{prefix}{len(calls)}X"))
        calls.append(call)
        if shown.assign is not None:
            cuts.append((*shown.assign, ""))
        done = shown.span[1]
    pieces: list[str] = []
    done = 0
    for start, end, replacement in sorted(cuts):
        if start < done:
            continue  # an assign inside a loop already replaced
        pieces += [body[done:start], replacement]
        done = end
    pieces.append(body[done:])
    used += page.used
    names += page.names

    def finish(text: str) -> str:
        return re.sub(re.escape(prefix) + r"(\d+)X", lambda m: calls[int(m.group(1))], text)

    return "".join(pieces), page.additions, finish


def _use(shown: Shown, site: SiteData, meta: dict[Any, Any], page: PageData,
         rewrite_image: Callable[[str], str | None], image_exists: Callable[[str], bool],
         written: Written) -> str | None:
    """What the place becomes (its macro call, or a list as text), with its data added to
    ``page``; None when it stays as written (the page already has the key it would fill)."""
    data, tag = shown.data, one_line(shown.tag)
    if data.kind == "papers":
        # group_by: a word of datafiles.GROUP_LABELS, never text from the source
        grouping = f', group_by="{data.group_by}"' if data.group_by else ""
        key, call = "", f'<< papers("{PAPERS_FOLDER}/{_file_name(data.name)}.yml"{grouping}) >>'
    elif data.kind == "schedule":
        key, call = "schedule", "<< schedule() >>"
    elif data.kind == "sponsors":
        key, call = "sponsors", "<< sponsors() >>"
    else:
        key = roster_key(data.name)
        call = f'<< team("{key}") >>'
    second_tier = data.kind == "sponsors" and key in page.additions and key not in meta
    if key and (key in meta or key in page.additions) and not second_tier:
        page.used.append(f"{tag} kept as written: the page already has '{key}:'")
        return None
    visible = [i for i, raw in enumerate(data.raw)
               if not any(_true(raw.get(name)) for name in shown.skipped_by)]
    subset = _subset_note(shown, len(data.raw) - len(visible))
    page.names.append(data.name)

    def image(ref: str) -> str | None:
        return rewrite_image(_with_prefix(ref, shown.image_prefix, image_exists))

    if data.kind == "papers":
        path = f"{PAPERS_FOLDER}/{_file_name(data.name)}.yml"
        written.files.setdefault(path, papers_yaml(data, [data.entries[i] for i in visible]))
        page.used.append(f"{tag} -> {call} ({len(visible)} from {data.source}, written to "
                         f"docs/{path}){subset}")
        return f"\n\n{call}\n\n"
    if data.kind == "schedule":
        workshop = meta.get("workshop")
        dated = isinstance(workshop, dict) and "date" in workshop
        if not dated and not (data.entries and "day" in data.entries[0]):
            # No day to put the slots on: the plugin could not place them. Kept as a list
            # of text, and said.
            page.used.append(f"{tag} -> a list of {len(data.entries)} slots as text: "
                             f"{data.source} gives no day with a year; add 'workshop: {{date: "
                             "YYYY-MM-DD}' and 'schedule:' to use << schedule() >>")
            return "\n\n" + _as_text(data) + _unread(data)
        value = data.entries
        call += _unread(data)
    elif data.kind == "sponsors":
        value = [_with_image(data.entries[i], "logo", image) for i in visible]
        if second_tier:
            # A second sponsors file on the page (partners beside sponsors): one more tier
            # of the same sponsors() call.
            tier = data.name.split(".")[-1].replace("_", " ").replace("-", " ").title()
            page.additions[key] += [{**s, "tier": s.get("tier", tier)} for s in value]
            page.used.append(f"{tag} -> the tier '{tier}' of the page's << sponsors() >> "
                             f"({len(value)} from {data.source})")
            return ""
    else:
        value = [site.in_directory(_with_image(data.entries[i], "image", image))
                 for i in visible]
    page.additions[key] = value
    page.used.append(f"{tag} -> {call.splitlines()[0]} ({len(value)} from {data.source})"
                     + subset)
    return f"\n\n{call}\n\n"


def _file_name(name: str) -> str:
    """A data file's name as a file name of the new site (``people.team`` -> people-team)."""
    return re.sub(r"[^A-Za-z0-9_-]", "-", name)


def _subset_note(shown: Shown, hidden: int) -> str:
    """What the report adds when the source showed part of the file."""
    note = (f"; the source showed only '{shown.filters}', all are shown: delete those that do "
            "not belong here" if shown.filters else "")
    conditions = _conditions(shown.tag)
    if conditions:
        note += (f"; the source showed an entry only when {' and '.join(conditions)}: all are "
                 "shown, delete those that do not belong here")
    if hidden:
        note += (f"; {hidden} left out as the source left them out ('{{% if x."
                 f"{'/'.join(shown.skipped_by)} %}}{{% continue %}}')")
    return note


def _with_prefix(ref: str, prefix: str, exists: Callable[[str], bool]) -> str:
    """The image a loop shows for ``ref``: under the loop's folder when it is there."""
    if not prefix or re.match(r"^[a-z][a-z0-9+.-]*:|^/", ref, re.I):
        return ref
    candidate = prefix + ref
    return candidate if exists(candidate) else ref


def _with_image(entry: dict[str, Any], key: str,
                rewrite: Callable[[str], str | None]) -> dict[str, Any]:
    """The entry with its image copied into the new site (a missing one stays as written:
    the importer reports it, and a card shows initials)."""
    if key not in entry:
        return entry
    copied = rewrite(str(entry[key]))
    return {**entry, key: copied} if copied else entry


def _true(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() in (
        "true", "yes", "1")) or (isinstance(value, int) and not isinstance(value, bool)
                                 and value != 0)


def papers_yaml(data: DataFile, papers: list[dict[str, Any]]) -> str:
    """A papers file of the new site: the source's papers in the fields papers() reads."""
    head = (f"# The papers of {data.source}, written by mkdocs-workshop import-jekyll.\n"
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
