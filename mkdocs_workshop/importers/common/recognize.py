"""People, papers, schedule slots and date lines written by hand, wherever a page writes them.

A workshop page writes its rosters, accepted papers, program and important dates in the page
itself: Markdown lists and tables, HTML lists and tables, lines separated by ``<br>``. Each
section of a page has a kind, which its heading says ("Invited Speakers", "Program Committee":
people; "Accepted Papers", "Posters": papers; "Schedule", "Program": slots; "Important Dates":
dates; a heading of no kind, "Chairs" under "Organizers", takes its parent's). In a section of a
kind, each *block* (one list, one table, one run of ``<br>`` lines) is read record by record
(an item, a row, a line); when every record of a block reads as that kind, the block becomes
the macro that shows it, and what it read goes into the page's data. A block of which one
record does not read is kept as written, and the report says which and why: a recognizer that
guesses wrong would show a reader something the source did not.

- **people**: a name (two to six words, each capitalized or a particle: "Ada de la Quill",
  "Prof. Bo Fern", "J. Smith"), then an affiliation after a comma, a dash, a bar or in
  brackets, or in the next cell; a link and a picture the record holds are the person's;
- **papers**: a title (bold, a link's text, in quotes, or the first sentence) and its authors
  (the rest, or another cell); a link is the paper's;
- **slots**: a start time or a range first (``09:30 AM``, ``8:50``, ``09:20 - 09:30``,
  ``11:10am-12:00pm``), then the title (and a speaker after "by", a dash or in another cell);
  the day from the section's heading ("Friday, December 11, 2020"; a year the page gives when
  the heading has none), else the workshop's date; a page's one program of no day ("July 10
  or 11") is read without one, and shown under "Day to be announced";
- **dates**: a label and a date in either order (``**Submission:** February 26, 2021 (AoE)``,
  a row ``| Submission | Feb 26, 2021 |``); a struck-out date before a new one is an
  extension.

Everything is linear in the page's size: blocks are found with bounded patterns, each record
is read once.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import groupby, pairwise
from typing import Any

from pydantic import BaseModel

from ...core.anchors import slug as anchor_slug
from ...core.markup import MAX_CHARS
from ...features.papers import Paper
from ...features.schedule import UNDATED, Slot, kind_of
from ...features.team import LAYOUT_OMITS, Person
from .escape import html_text, markdown_paragraph
from .fit import fit_entry
from .freedates import DateLine, cjk_day_in, parse_date_line, parse_free_date, pending_line
from .tables import SEPARATOR, join_program, line_starts, mark_overlaps
from .zones import says_zone

KINDS = ("people", "papers", "slots", "dates")

# Heading words, tried in this order: the first kind whose word a heading holds is its kind.
_NONE_WORDS = ("call for", "submission", "topics", "instructions", "guideline", "format",
               "registration", "venue", "contact", "sponsor", "faq", "travel", "award",
               "reference", "related", "logistic", "requirement", "polic", "template")
_KIND_WORDS = (
    ("people", ("speaker", "keynote", "invited", "organiz", "organis", "committee", "chair",
                "panel", "reviewer", "team", "advis", "steering", "people", "host",
                "volunteer", "moderator", "mentor")),
    ("dates", ("important date", "key date", "dates", "deadline", "timeline")),
    ("slots", ("schedule", "program", "programme", "agenda", "timetable", "itinerary")),
    ("papers", ("accepted", "papers", "paper", "posters", "poster", "oral", "spotlight",
                "contributions", "proceedings", "publications", "presentations")),
)


_ACCEPTED = re.compile(r"(?<![a-z])accepted\s+(?:submission|paper|contribution|abstract|poster"
                       r"|work|extended abstract)")


def _has_word(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``words`` at the start of a word ("organiz" in
    "Organizers"; not "dates" in "Updates")."""
    return any(re.search(rf"(?<![a-z]){re.escape(word)}", text) for word in words)


def heading_kind(text: str) -> str | None:
    lowered = " ".join(text.lower().split())
    if lowered.endswith("?"):  # "What if a paper has several experiments?": a question
        return None
    if _ACCEPTED.search(lowered):  # "Accepted submissions": a list of papers, not a call
        return "papers"
    if _has_word(lowered, _NONE_WORDS):
        return None
    for kind, words in _KIND_WORDS:
        if _has_word(lowered, words):
            return kind
    return None


_TOPIC_WORDS = 6  # a description longer than this is a sentence, not a page's topic


def page_topic(title: str | None, description: str | None, address: str) -> str | None:
    """The heading of what a page's text holds under no heading of its own: its title, or,
    when the title names no kind ("PC", a nav label), a short description ("Program
    Committee") or the last part of its address ("/program_committee/", "speakers.md").
    A title naming what holds no records ("Call for Papers") stays the topic."""
    lowered = " ".join((title or "").lower().split())
    if title and (heading_kind(title) or _has_word(lowered, _NONE_WORDS)):
        return title
    last = re.sub(r"\.\w{1,5}$", "", address.rstrip("/").rsplit("/", 1)[-1])
    words = re.sub(r"^\d+[-_]|[-_]+", " ", last).strip()
    for other in (description if description and len(description.split()) <= _TOPIC_WORDS
                  else None, words):
        if other and heading_kind(other):
            return other
    return title


# ---------------------------------------------------------------------------------------------
# Text of a record
# ---------------------------------------------------------------------------------------------

_TAG = re.compile(r"<[^<>]{0,2000}>")
# Tags inside a line of text: taken out without a space ("<b>1</b>." reads "1.").
_INLINE_TAG = re.compile(r"</?(?:a|b|i|em|strong|span|code|sub|sup|u|s|del|ins|mark|small|"
                         r"abbr|cite|q|time|font)\b[^<>]{0,2000}>", re.I)
_BREAK = re.compile(r"<br\s*/?>|</br\s*>", re.I)  # "</br>": a browser reads it as <br>
# Where a slot's text breaks into pieces: a line break, the end of a block (a <div> or <p>
# of a row drawn as boxes).
_PIECES = re.compile(r"<br\s*/?>|</(?:div|p|h[1-6]|li)\s*>", re.I)


_LAST_BREAK = re.compile(r"(?:<br\s{0,20}/?>|</br\s{0,20}>)\Z", re.I)


def _without_trailing_breaks(text: str) -> str:
    """``text`` without the line breaks and spaces it ends with (read from its end: linear
    on any run of spaces)."""
    text = text.rstrip()
    while (found := _LAST_BREAK.search(text[-30:])) is not None:
        text = text[:len(text) - (min(len(text), 30) - found.start())].rstrip()
    return text


_HREF = re.compile(r"""<a\b[^<>]{0,2000}?\bhref\s*=\s*["']([^"'<>]{1,2000})["'][^<>]{0,2000}>"""
                   r"(.{0,2000}?)</a>", re.I | re.S)
_MD_LINK = re.compile(r"(?<!!)\[([^\[\]]{1,2000})\]\(([^()\s]{0,2000})\)")  # "[Ada]()" too
_IMG = re.compile(r"""<img\b[^<>]{0,2000}?\bsrc\s*=\s*["']([^"'<>]{1,2000})["']""", re.I)
_MD_IMG = re.compile(r"!\[[^\[\]]{0,1000}\]\(([^()\s]{1,2000})\)")
_STRUCK = re.compile(r"<(s|del|strike)\b[^<>]{0,200}>(.{0,500}?)</\1\s*>", re.I | re.S)
_EMPHASIS = re.compile(r"(\*\*|__)(.{1,2000}?)\1|<(b|strong)\b[^<>]{0,200}>(.{0,2000}?)</\3\s*>",
                       re.I | re.S)


_HIDDEN_ELEMENTS = ("script", "style", "template")


def visible_html(text: str) -> str:
    """``text`` without what a browser does not show: the content of ``<script>``,
    ``<style>`` and ``<template>`` elements (one never closed hides the rest). Linear: each
    element's end is looked for once, after its start."""
    lowered = text.lower()
    if "<script" not in lowered and "<style" not in lowered and "<template" not in lowered:
        return text
    shown: list[str] = []
    position = 0
    while True:
        starts = [(at, name) for name in _HIDDEN_ELEMENTS
                  if (at := lowered.find(f"<{name}", position)) >= 0]
        if not starts:
            shown.append(text[position:])
            break
        at, name = min(starts)
        shown.append(text[position:at])
        close = lowered.find(f"</{name}", at)
        if close < 0:
            break
        end = lowered.find(">", close)
        position = len(text) if end < 0 else end + 1
    return " ".join(shown)


def plain(fragment: str) -> str:
    """A record's text as a reader sees it: scripts and styles out, tags, Markdown links and
    emphasis and code marks out, character references read, spaces collapsed."""
    text = _MD_IMG.sub(" ", visible_html(fragment))
    text = _MD_LINK.sub(r"\1", text)
    text = _BREAK.sub(" ", text)
    text = _TAG.sub(" ", _INLINE_TAG.sub("", text))
    # Markdown's backslash escapes ("Ada Quill\*", an equal contribution) are their
    # characters, not emphasis: set aside while the marks of emphasis go
    text = _ESCAPED.sub(lambda m: chr(_ASIDE + ord(m.group(1))), text)
    text = re.sub(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|~~|`)", "", text)
    text = _SET_ASIDE.sub(lambda m: chr(ord(m.group(0)) - _ASIDE), text)
    return " ".join(html.unescape(text).split())


_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")
_ASIDE = 0xE000  # escaped characters, as private-use characters while emphasis is read
_SET_ASIDE = re.compile("[\ue000-\ue07f]")


def _link(fragment: str) -> tuple[str, str] | None:
    """The first link of a record: its text and its address."""
    links = _links(fragment)
    return links[0] if links else None

_IMG_TAG = re.compile(r"<img\b[^<>]{0,2000}>", re.I)
_SIZE = re.compile(r"""\b(?:width|height)\s*=\s*["']?\s*(\d{1,5})(?:px)?\b""", re.I)
_ICON_NAME = re.compile(r"""\bsrc\s*=\s*["'][^"'<>]*(?:icon|flag|emoji|badge|logo-?small)""",
                        re.I)
_ICON_SIZE = 32  # pixels: an image drawn no larger is an icon beside text, no one's photo


def without_icons(text: str) -> str:
    """``text`` with each icon (an ``<img>`` drawn 32 pixels or smaller, or named
    as an icon or a flag: "icon_person.svg", "flagcdn.com/16x12/hu.png") blanked out, as long
    as it was: the places of everything else stay."""
    def blank(found: re.Match[str]) -> str:
        tag = found.group(0)
        sizes = [int(size) for size in _SIZE.findall(tag)]
        icon = (sizes and max(sizes) <= _ICON_SIZE) or _ICON_NAME.search(tag) is not None
        return " " * len(tag) if icon else tag
    return _IMG_TAG.sub(blank, text) if "<img" in text.lower() else text


def _picture(fragment: str) -> str | None:
    found = _IMG.search(fragment) or _MD_IMG.search(fragment)
    return html.unescape(found.group(1)).strip() if found else None


# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------

_PARTICLES = frozenset({"de", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le",
                        "du", "dos", "das", "bin", "binti", "al", "el", "y", "e", "ten", "ter",
                        "zu", "af", "st."})
_HONORIFICS = ("prof.", "dr.", "prof", "dr", "professor", "mr.", "ms.", "mrs.", "sir")
_WORD = re.compile(r"^(?:[^\W\d_][\w'\u2019.\-]*|[^\W\d_]\.)$")
_SEPARATORS = re.compile(r"\s*(?:,|\(|\s[-\u2013\u2014|]\s|:|;|\s@\s|\bat\s(?=[A-Z]))\s*")


# Words of the names of institutions, not of people ("Johns Hopkins University").
_SURNAME_WORDS = frozenset({"hall"})  # words of a venue that are surnames too
_INSTITUTION_WORDS = frozenset({
    "university", "universität", "université", "universidad", "università", "institute",
    "univ", "univ.", "inst.",
    "institut", "instituto", "college", "school", "laboratory", "laboratories", "lab", "labs",
    "research", "center", "centre", "department", "faculty", "academy", "inc", "inc.", "ltd",
    "llc", "corporation", "corp", "company", "group", "foundation", "hospital", "google",
    "microsoft", "meta", "deepmind", "amazon", "apple", "nvidia", "ibm", "openai", "council",
    "society", "association", "agency", "ministry", "national", "technology", "sciences",
    "science", "polytechnic", "politecnico", "eth", "epfl", "mit", "cnrs", "inria", "team",
    "committee", "chair", "chairs", "speaker", "speakers", "keynote", "tba", "tbd", "workshop",
    "session", "panel", "break", "lunch", "coffee", "opening", "closing", "remarks", "talk",
    "hall", "room", "auditorium", "building", "floor", "zoom", "online", "virtual",
})


# Academic degrees after a name: "Ada Quill, Ph.D.", "Bo Reed, M.Sc.", "Cy Lam PhD, MD"
_DEGREE = (r"(?:Ph\.?\s?D|M\.?\s?(?:A|Sc|S|Eng|Phil|D)|B\.?\s?(?:A|Sc|S|Eng)|MD|MBA|MPH|"
           r"Dr\.\s?rer\.\s?nat|D\.?\s?Phil|Habil)\.?")
_DEGREES = re.compile(rf"(?:,?\s+{_DEGREE})+\s*$")


_NAME_CHARS = 120  # characters: a longer text is no name (and reading it stays linear)


def without_degrees(name: str) -> str:
    """A name without the academic degrees written after it ("Ada Quill, Ph.D."); a text
    longer than a name as it is."""
    return _DEGREES.sub("", name).strip() if len(name) <= _NAME_CHARS else name


_NICKNAME = re.compile(r"(?<=\w)\s+\([^()]{1,20}\)(?=\s+\w)")


def person_name(text: str, lenient: bool = False) -> bool:
    """Whether ``text`` reads as a person's name: two to six words (particles and an
    honorific aside), each a capitalized word or an initial, none a word of an institution's
    name; ``lenient``: only the first word capitalized ("Li cheng", in a list of names)."""
    text = without_degrees(text)  # "Ada Quill, Ph.D.": the name
    # a nickname between the names: Ram "Ram" Lee, Zheqing (Bill) Zhu
    words = _NICKNAME.sub(" ", re.sub(r"[\"\u201c][^\"\u201d]{1,20}[\"\u201d]", " ", text)).split()
    # "Hall" ends a name of three words or more ("Siobhan Mackenzie Hall"), not "Hall C"
    if any(w.lower().strip(",.()") in _INSTITUTION_WORDS and not (
            n == len(words) - 1 >= 2 and w.lower() in _SURNAME_WORDS)
           for n, w in enumerate(words)):
        return False
    while words and words[0].lower() in _HONORIFICS:
        words = words[1:]
    # a particle first or last is a name ("Di Lark", "Simon Du"), not a particle
    core = [w for n, w in enumerate(words)
            if n in (0, len(words) - 1) or w.lower() not in _PARTICLES]
    if not 2 <= len(core) <= 6 or len(text) > 80:
        return False
    return all(_WORD.match(w) and (w[0].isupper() or not w[0].isalpha() or (lenient and n))
               for n, w in enumerate(core))


def _institution(text: str) -> bool:
    """Whether ``text`` is short and names an institution ("University of Bath", "Acme Labs")."""
    return len(text) <= 100 and any(w.lower().strip(",.()") in _INSTITUTION_WORDS
                                    for w in text.split())


_EMAIL_LIKE = re.compile(r"\S@\S|\[at\]|\(at\)|\bat\b\s*\]", re.I)


def read_person(cells: list[str], lenient: bool = False) -> dict[str, Any] | None:
    """A person of a record (its cells; one cell for a list item or a line); ``lenient``:
    its name may have a word in lower case (see :func:`person_name`)."""
    whole = " ".join(cells)
    link = _link(whole)
    picture = _picture(whole)
    if len(cells) == 1 and _BREAK.search(cells[0]):  # "<b>Ada Quill</b><br>Univ A"
        cells = _BREAK.split(cells[0])
    texts = [plain(cell) for cell in cells]
    # an e-mail address ("ada [at] univ.edu") is not who they are: left out of the record
    texts = [t for n, t in enumerate(texts) if t and not (n and _EMAIL_LIKE.search(t))]
    if not texts:
        return None
    emphasis = _EMPHASIS.match(cells[0].strip())
    if len(texts) == 1 and emphasis and person_name(plain(emphasis.group(2) or
                                                          emphasis.group(4))):
        named = plain(emphasis.group(2) or emphasis.group(4))  # "**Ada Quill** (Univ A)"
        texts = [named, texts[0].replace(named, "", 1).strip(" ,;:|-\u2013\u2014()")]
        texts = [t for t in texts if t]
    if len(texts) >= 2 and person_name(texts[0]):
        name, rest = texts[0], ", ".join(texts[1:3])
    else:
        first = texts[0]
        # a nickname in brackets between the names ("Zheqing (Bill) Zhu, Meta") parts nothing
        masked = _NICKNAME.sub(lambda m: m.group(0).replace("(", "\ue000").replace(")", "\ue001"),
                               first)
        parts = [first[:len(part)] if n == 0 else part
                 for n, part in enumerate(_SEPARATORS.split(masked, maxsplit=1))]
        if not person_name(parts[0].strip()):
            parts = _SEPARATORS.split(first, maxsplit=1)
        name = parts[0].strip()
        rest = first[len(parts[0]):].strip(" ,;:|-\u2013\u2014()") if len(parts) > 1 else ""
        if len(texts) >= 2:
            rest = ", ".join(t for t in [rest, *texts[1:3]] if t)
        if not person_name(name) and link and person_name(link[0]):
            name = link[0]
            rest = first.replace(name, "", 1).strip(" ,;:|-\u2013\u2014()")
    if not person_name(name, lenient):
        return None
    person: dict[str, Any] = {"name": name}
    rest = re.sub(r"^(?:at|@)\s+", "", rest.rstrip(")").strip())  # "Ada at Univ A"
    # "**Ada Quill** is a Lecturer at Univ A.": who she is, without the sentence's start
    rest = re.sub(r"^(?:is|was)\s+(?:an?\s+|the\s+)?", "", rest)
    if rest and not _EMAIL_LIKE.search(rest):
        person["affiliation"] = rest[:200]
    if link and link[1].startswith(("http://", "https://")):
        person["url"] = link[1]
    if picture:
        person["image"] = picture
    return person


def _classed(fragment: str, words: str) -> str | None:
    """The text of the first element of ``fragment`` whose class holds one of ``words``."""
    found = re.search(rf"<([a-z][a-z0-9]{{0,10}})\b[^<>]{{0,500}}?\bclass\s*=\s*[\"'][^\"'<>]"
                      rf"{{0,200}}?(?:{words})[^\"'<>]{{0,200}}[\"'][^<>]{{0,500}}>", fragment,
                      re.I)
    if found is None:
        return None
    end = _element_end(fragment, found.start(), found.group(1))
    return plain(fragment[found.end():end]) or None


_CARD_HEADING = re.compile(r"<(h[2-6]|strong|b)\b[^<>]{0,500}>(.{0,1000}?)</\1\s*>", re.I | re.S)
_IMG_ALT = re.compile(r"<img\b[^<>]{0,1000}?\balt\s*=\s*[\"']([^\"'<>]{1,100})[\"']", re.I)


# What a card's links say of where they lead, not of the person.
_PROFILE_LABELS = re.compile(r"(?:personal |home ?)?(?:page|homepage|website|web|site)|twitter|x|"
                             r"linkedin|(?:google )?scholar|e-?mail|mail|cv|github|bluesky|"
                             r"mastodon|orcid|dblp|profile", re.I)


def read_card(fragment: str) -> dict[str, Any] | None:
    """A person of an HTML card: the name (an element classed as a name, else its first
    heading or bold text, its picture's ``alt``, a link's words or its first line), the
    affiliation and the bio (elements classed so), the picture and the first web link."""
    name = _classed(fragment, "name")
    if name is None or not person_name(name):
        heading = _CARD_HEADING.search(fragment)
        alt = _IMG_ALT.search(fragment)
        # else the words of a link, or its first line ("<p><a>Ada Quill</a><br>Univ A</p>")
        lines = (plain(piece) for piece in _PIECES.split(visible_html(fragment)))
        # a link around the picture and the lines ("<a><img><p>Ada Quill<br>Univ A</p></a>"):
        # its first line
        linked = (next((line for line in (plain(piece) for piece in _PIECES.split(
            visible_html(m.group(2)))) if line), "") for m in _HREF.finditer(fragment))
        name = next((n for n in (plain(heading.group(2)) if heading else None,
                                 plain(alt.group(1)) if alt else None,
                                 *linked, *(plain(text) for text, _url in _links(fragment)),
                                 next((line for line in lines if line), None))
                     if n and person_name(n)), None)
    if name is None:
        return None
    name = without_degrees(name)
    person: dict[str, Any] = {"name": name}
    affiliation = _classed(fragment, r"affil|institution|organi[sz]ation|\borg\b|company|"
                                     r"univ|position|role|job|dept|title")
    if affiliation and affiliation != name and len(affiliation) <= 200:
        person["affiliation"] = affiliation
    bio = _classed(fragment, "bio|desc|about|summary")
    if bio and bio != affiliation:
        person["bio"] = markdown_paragraph(bio)  # the source's text, never markup
    # the card's other lines, unclassed ("<p>Professor at Univ A</p>" under the name): the
    # first its affiliation, the others its bio, where the classes gave none
    said = {name, affiliation, bio}
    labels = {text for text, _url in _links(fragment)
              if _LINK_LABELS.fullmatch(text.strip()) or _PROFILE_LABELS.fullmatch(text.strip())}
    rest = [t for t in (plain(piece) for piece in _PIECES.split(visible_html(fragment)))
            if t and t not in said and t not in labels and t.lower() != name.lower()]
    if rest and "affiliation" not in person and len(rest[0]) <= 200 and \
            not rest[0].lower().startswith(name.lower()):  # "Ada Quill is ...": the bio
        person["affiliation"] = rest.pop(0)
    if rest and "bio" not in person:
        person["bio"] = markdown_paragraph(" ".join(rest))
    link = next((url for _text, url in _links(fragment)
                 if url.startswith(("http://", "https://"))), None)
    if link:
        person["url"] = link
    picture = _picture(fragment)
    if picture:
        person["image"] = picture
    return person


# ---------------------------------------------------------------------------------------------
# Papers
# ---------------------------------------------------------------------------------------------

# A badge: a short <span> styled as a label (its class, or a background colour of its own).
_BADGE = re.compile(r"<span\b[^<>]{0,300}?(?:\bclass\s*=\s*[\"'][^\"'<>]{0,100}\b(?:badge|tag|"
                    r"label|chip|pill)\b|\bbackground(?:-color)?\s*:)[^<>]{0,300}>([^<>]{1,40})"
                    r"</span\s*>", re.I)
_BRACKETED = re.compile(r"\(([^()]{3,600})\)")
_QUOTED = re.compile(r"[\"\u201c](.{6,400}?)[\"\u201d]")


_LINK_LABELS = re.compile(r"\[?\b(?:pdf|paper|open ?review|arxiv|code|slides|video|poster|"
                          r"link|project|website|abstract|bibtex|github|supplementary|"
                          r"recording|talk)\b\]?", re.I)


def _links(fragment: str) -> list[tuple[str, str]]:
    """Every link of a record, in order: its text and its address."""
    found = [(m.start(), plain(m.group(2)), html.unescape(m.group(1)).strip())
             for m in _HREF.finditer(fragment)]
    found += [(m.start(), plain(m.group(1)), html.unescape(m.group(2)).strip())
              for m in _MD_LINK.finditer(fragment)]
    return [(text, url) for _start, text, url in sorted(found)]


_TITLE_WORDS = (2, 40)  # a title has more than one word, and is no paragraph


_NUMBER_CELL = re.compile(r"#?\d{1,4}[a-z]?\.?", re.I)


def _titles(block: Block) -> list[dict[str, Any] | None] | None:
    """The papers of a list under a papers heading that gives their titles only (no authors,
    no link): each record one line of a title's length; None when a record is not."""
    titles: list[dict[str, Any] | None] = []
    sentences = sum(1 for record in block.records if plain(" ".join(record)).endswith("."))
    if sentences * 2 > len(block.records):
        return None  # "Your poster may be in any format you wish.": advice, not titles
    for record in block.records:
        cells = [t for t in (plain(c) for c in record) if t]
        # "| 12 | A Title |": a cell of the paper's number, kept in the papers file
        numbers = [c for c in cells if _NUMBER_CELL.fullmatch(c)] if len(cells) == 2 else []
        cells = [c for c in cells if c not in numbers]
        # a break inside is two lines (a title and its authors); one at the end, nothing
        if len(cells) != 1 or _BREAK.search(_without_trailing_breaks(" ".join(record))):
            return None
        words = len(cells[0].split())
        if not _TITLE_WORDS[0] <= words <= _TITLE_WORDS[1] or len(cells[0]) > 400:
            return None
        titles.append(_fits(Paper, {"title": cells[0].strip(" .,;:")} |
                            ({"number": numbers[0].strip("#")} if numbers else {})))
    return titles if len(titles) >= 3 and all(titles) else None


# A paper's number before it: "(Poster #01):", "[12]", "P3:", "#7", "12."
_NUMBERING = re.compile(r"^\s*(?:[(\[]?(?:poster|paper|demo|id|no\.?|p)\s*\\?#?\s*\d{1,4}[a-z]?"
                        r"[)\]]?|[(\[]\\?#?\d{1,4}[)\]]|\\?#\d{1,4}|\d{1,4}[.)])\s*[:.\-\u2013\u2014]?\s+",
                        re.I)


def authors_column(records: list[list[str]]) -> int | None:
    """The cell that holds the authors in most records of a list of papers written in cells
    (a table, a definition list): a title that reads as names ("Larks and Their Songs") is
    still a title where the other records have their authors in another cell."""
    counts: dict[int, int] = {}
    multi = 0
    for record in records:
        texts = [t for t in (plain(cell) for cell in record) if t]
        if len(texts) < 2:
            continue
        multi += 1
        for n, text in enumerate(texts[:4]):
            if _authors(text) and len(text.split()) >= 2:
                counts[n] = counts.get(n, 0) + 1
    best = max(counts, key=lambda n: (counts[n], -n), default=None)
    return best if best is not None and counts[best] * 2 > multi else None


_BY_TRIES = 3  # the last " by "s of a line tried as the start of its authors


def _before_by(text: str) -> str | None:
    """The title of "A Title by Ada Quill, Bo Fern": what is before the last " by " after
    which all is two names or more (a title may say "by" itself: "Learning by Doing by Ada
    Quill and Bo Fern"; "Learning by Back Propagation" is a title alone)."""
    if re.search(r"(?<=[a-z0-9?!)])\.\s+", text):
        return None  # "Sorting Leaves by Color. Cy Moss": the first sentence is the title
    for found in list(re.finditer(r"\s+by\s+", text[:MAX_CHARS]))[-_BY_TRIES:][::-1]:
        rest = text[found.end():].strip(" .")
        names = [n for n in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", rest) if n]
        # two names or more, each a person's: "by Back Propagation" is a title's words
        if len(text[:found.start()].split()) >= 2 and len(names) >= 2 and \
                all(person_name(n.strip()) for n in names):
            return text[:found.start()]
    return None


def read_paper(cells: list[str], file_link: Callable[[str], str | None] | None = None,
               missing: list[str] | None = None, authors_at: int | None = None
               ) -> dict[str, Any] | None:
    """A paper of a record: a title and its authors (or a link). ``file_link``: the path in
    the new site's docs folder of a file of the site a link names (its PDF), once copied;
    ``missing``: where a link to a PDF the site does not have is noted (the paper is read
    without it: the source's link led nowhere); ``authors_at``: the cell that holds the
    authors in the list's other records (``authors_column``). A badge before the title (a
    coloured ``<span>`` naming its track: "GenBench", "Findings") is kept as its ``track``."""
    if len(cells) == 1 and _BREAK.search(_without_trailing_breaks(cells[0])):
        cells = _BREAK.split(cells[0])  # "A Title<br>Ada Quill, Bo Fern": its two lines
    badges = [m.group(1).strip() for cell in cells for m in _BADGE.finditer(cell)]
    cells = [_BADGE.sub(" ", cell) for cell in cells]
    whole = " ".join(cells)
    links = [(t, u) for t, u in _links(whole) if u and not u.startswith(("#", "mailto:"))]
    link = links[0] if links else None
    texts = [t for t in (plain(cell) for cell in cells) if t]
    if not texts:
        return None
    title = authors = number = given = ""
    if len(texts) >= 2:
        # the authors' cell is the one that reads as names; the title the longest other one
        authors = next((t for t in texts[:4] if _authors(t) and len(t.split()) >= 2), "")
        if authors_at is not None and authors_at < len(texts) and _authors(texts[authors_at]):
            authors = texts[authors_at]
        others = [t for t in texts[:4] if t != authors] or texts[:1]
        # the cell that is a link's words (the paper's page), else the longest (its tags
        # may be longer than its title, but are not linked)
        labels = {" ".join(plain(label).split()) for label, _url in links}
        linked = [t for t in others if t in labels and len(t.split()) >= 2]
        title = linked[0] if linked else sorted(others, key=lambda t: -len(t.split()))[0]
    else:
        numbered = _NUMBERING.match(texts[0])
        number = numbered.group(0).replace("\\#", "#").strip(" ()[]:.-\u2013\u2014") \
            if numbered else ""
        text = texts[0][numbered.end():] if numbered else texts[0]
        emphasis = _EMPHASIS.search(whole)
        quoted = _QUOTED.search(text)
        # "A Title (Ada Quill and Bo Fern) (Paper PDF)": the authors in brackets after it
        bracketed = next((m for m in _BRACKETED.finditer(text) if len(text[:m.start()].split())
                          >= 2 and _authors(m.group(1)) and len(m.group(1).split()) >= 2
                          and not _LINK_LABELS.fullmatch(m.group(1).strip())), None)
        if bracketed and not emphasis:
            title = text[:bracketed.start()]
            given = bracketed.group(1)
        elif emphasis:
            title = plain(emphasis.group(2) or emphasis.group(4))
        elif link and (len(link[0].split()) >= 3 or (
                len(link[0].split()) == 2 and not _LINK_LABELS.fullmatch(link[0].strip())
                and _authors(text.replace(link[0], " ", 1).strip(" .,;:-\u2013\u2014")))):
            title = link[0]  # "Ada Quill. [Shape Defense](url)": a short title, after authors
        elif quoted:
            title = quoted.group(1).strip(" ,.")
        elif (before := _before_by(text)) is not None:
            title = before  # "A Title by Ada Quill, Bo Fern"
        else:
            first = re.split(r"(?<=[a-z0-9?!)])\.\s+|\s[-\u2013\u2014]\s", text, maxsplit=1)
            title = first[0]
        rest = text.replace(title, " ", 1)
        for label, _url in links:  # "[PDF] | [OpenReview]": the links' labels
            if _LINK_LABELS.fullmatch(label.strip()):
                rest = rest.replace(label, " ", 1)
        authors = re.sub(r"[|\[\]]", " ", rest).strip(" .,;:-\u2013\u2014\"\u201c\u201d(")
        if authors.count(")") > authors.count("("):  # a bracket closed around them
            authors = authors.rstrip(" )")
        authors = re.sub(r"^(?:by|authors?:)\s+", "", authors, flags=re.I)
        authors = given or authors
    title = title.strip(" .,;:\"\u201c\u201d")
    # "A Title (Oral)", "A Title (Spotlight Session #1, ID #3)": how it was accepted, after it
    decided = _DECISION.search(title)
    if decided is not None and len(title[:decided.start()].split()) >= 2:
        title = title[:decided.start()].strip(" .,;:")
    if len(title.split()) < 2 or len(title) > 400:
        return None
    if not authors and not links:
        return None
    if authors and not _authors(authors):
        return None
    paper: dict[str, Any] = {"title": title}
    if authors:
        authors = authors[:1000]
        # "Ada Quill (Univ A, Lab B), Bo Fern": a name per comma outside the brackets
        paper["authors"] = _bracketed_names(authors) if "(" in authors else authors
    if decided is not None and len(title.split()) >= 2:
        paper["decision"] = decided.group(1).strip()
    if number:  # kept in the papers file (its group_by can use it), not shown
        paper["number"] = number
    if len(badges) == 1 and badges[0]:  # likewise
        paper["track"] = plain(badges[0])
    for label, url in links:
        if not url.startswith(("http://", "https://")):
            copied = file_link(url) if file_link is not None else None
            if copied is None and missing is not None and file_link is not None and \
                    url.lower().split("#")[0].split("?")[0].endswith(".pdf"):
                missing.append(url)  # a PDF of the site it does not have: a dead link
                continue
            if copied is None or not copied.lower().split("#")[0].endswith(".pdf"):
                return None  # the text keeps the link; a papers file names PDFs and addresses
            if "pdf" not in paper:
                paper["pdf"] = copied
            continue
        if "openreview.net/forum" in url and "forum" not in paper:
            paper["forum"] = url
        elif (url.lower().split("?")[0].endswith(".pdf") or label.strip().lower() == "pdf"
              or "openreview.net/pdf" in url) and "pdf" not in paper:
            paper["pdf"] = url
        elif "url" not in paper and "forum" not in paper:
            paper["url"] = url
    return paper


# A note in brackets after a paper's title that says how it was accepted
_DECISION = re.compile(r"\s*[(\[]((?:[^()\[\]]{0,40}\b)?(?:oral|spotlight|poster|award|best paper|"
                       r"highlight|contributed talk|session)\b[^()\[\]]{0,40})[)\]]\s*$", re.I)
_AFFILIATION = re.compile(r"\s*\([^()]{1,200}\)")


def _bracketed_names(text: str) -> list[str]:
    """Names separated by commas, semicolons or "and" outside brackets ("Ada Quill (Univ A,
    Lab B), Bo Fern"), each with its brackets."""
    names, depth, start = [], 0, 0
    for found in re.finditer(r"[()]|,|;|&|\band\b", text):
        mark = found.group(0)
        if mark in "()":
            depth = max(0, depth + (1 if mark == "(" else -1))
        elif depth == 0:
            names.append(text[start:found.start()])
            start = found.end()
    names.append(text[start:])
    return [name.strip(" .") for name in names if name.strip(" .")]


def _authors(text: str) -> bool:
    """Whether ``text`` reads as a list of authors: names separated by commas or "and", each
    perhaps with an affiliation in brackets ("Ada Quill (Univ A), Bo Fern (Lab B & Univ C)")."""
    text = _AFFILIATION.sub("", text)
    names = [n.strip(" *\u2020\u2021\u00a7.") for n in re.split(r",|;|\band\b|&", text)]
    names = [re.sub(r"\s*[\d*\u2020\u2021]+$", "", n) for n in names if n]
    names = [n for n in names if n]
    if not names:
        return False
    good = sum(1 for n in names if person_name(n) or (len(n.split()) == 1 and n[:1].isupper()))
    return good >= max(1, (len(names) + 1) // 2)


# ---------------------------------------------------------------------------------------------
# Slots
# ---------------------------------------------------------------------------------------------

_HALF = r"(\d{1,2})(?:[:.h](\d{2}))?\s*([ap]\.?\s?m\.?)?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIMES = re.compile(rf"^\s*{_WEEKDAY}{_HALF}(?:\s*(?:-{{1,2}}|\u2013|\u2014|to|~|\u301c|\uff5e)\s*"
                    rf"{_HALF})?"
                    # not the start of a longer number or time ("10:30:15"); "9:00:" and
                    # "5:15PM:" are times
                    r"(?:\s*\(?(?-i:[A-Z]{2,4})\)?(?![A-Za-z]))?(?!(?<=\d)(?:\d|:\d))", re.I)


_MILITARY = re.compile(r"^\s*([01]\d|2[0-3])([0-5]\d)\s*(?:-{1,2}|\u2013|\u2014)\s*"
                       r"([01]\d|2[0-3])([0-5]\d)(?![\d:])")


def _clock(hour: str, minute: str | None, half: str | None) -> str | None:
    h, m = int(hour), int(minute or 0)
    if half and 1 <= h <= 12:
        h = h % 12 + (12 if half.lower().startswith("p") else 0)
    elif (half and h == 0) or (not half and minute is None):
        return None  # "0 pm"; a lone number is not a time
    # "13:30 PM": a 24-hour time with a needless suffix reads as written
    if h > 23 or m > 59:
        return None
    return f"{h:02d}:{m:02d}"


def read_times(text: str) -> tuple[str, str | None, int] | None:
    """The time or the range ``text`` starts with (``09:30 AM``, ``8:50``, ``9.15``,
    ``09:20 - 09:30``, ``11:10am-12:00pm``, ``12.00 PM - 13:30 PM``, ``0850-0900``,
    ``Sat 8:30 a.m. - 8:40 a.m.``: a weekday before it is the slot's day's) as 24-hour clock times,
    and where it ends in ``text``; None when it starts with none."""
    military = _MILITARY.match(text)
    if military:  # "0850-0900": a 24-hour range written without colons
        a, b, c, d = military.group(1, 2, 3, 4)
        years = a == c and a in ("19", "20") and int(d) - int(b) == 1  # "2023-2024"
        if f"{c}:{d}" <= f"{a}:{b}" or years:
            return None
        return f"{a}:{b}", f"{c}:{d}", military.end()
    match = _TIMES.match(text)
    if not match:
        return None
    ranged = match.group(4) is not None
    half_end = match.group(6)
    half_start = match.group(3) or half_end  # "9:00 - 9:30 am": both in the morning
    start = _clock(match.group(1), match.group(2), half_start)
    end = _clock(match.group(4), match.group(5), half_end) if ranged else None
    if start is None or (ranged and end is None):
        return None
    if end is not None and end < start and match.group(3) is None and half_end:
        start = _clock(match.group(1), match.group(2), None)  # "11:30 - 1:00 pm"
        if start is None:
            return None
    elif end is not None and end < start and not half_start and end < "12:00" and \
            0 < _minutes(end) + 12 * 60 - _minutes(start) <= _AFTER:
        end = f"{int(end[:2]) + 12:02d}{end[2:]}"  # "12:00 - 1:30", on a 12-hour clock
    # "12 AM" written for noon, as it is said: "11:30am - 12:00am" ends at noon,
    # "12:00am - 12:20pm" starts at it
    if end is not None and end.startswith("00:") and "06:00" <= start < "12:00":
        end = f"12:{end[3:]}"
    elif end is not None and start.startswith("00:") and "12:00" <= end < "13:00" and \
            start[3:] <= end[3:]:
        start = f"12:{start[3:]}"
    return start, end, match.end()


# Kinds a program names a session by, before its title ("Invited Talk | The making of...");
# a break, a lunch or a poster session is its own title ("Coffee break | Hall B").
_TYPES = frozenset({"talk", "invited talk", "keynote", "contributed talk", "spotlight", "oral",
                    "panel", "tutorial", "discussion", "award"})


# A time or a range at the end of a line ("Opening Remarks 7:50-8:00", "Lunch (12:30 pm)")
_LAST_TIME = re.compile(r"[\s|,(\[]+(\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?(?:\s*(?:-{1,2}|\u2013|"
                        r"\u2014|to)\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?)?)[)\]]?\s*$", re.I)


_SET_APART = re.compile(r":\s*(?:\*|_|<(?:i|em|b|strong)>|[\"\u201c])|(?:\]\([^()\s]*\)|</a>)\s*:",
                        re.I)  # or the name a link


def _time_first(texts: list[str]) -> list[str] | None:
    """``texts`` of a record that gives its time last (a cell, or the end of its one line),
    with the time first; None when no piece but the first is a time alone."""
    for n, text in enumerate(texts[1:], 1):
        times = read_times(text)
        if times is not None and not text[times[2]:].strip(" |()[]"):
            return [text, *texts[:n], *texts[n + 1:]]
    last = _LAST_TIME.search(texts[0]) if len(texts) == 1 else None
    if last is None or not texts[0][:last.start()].strip():
        return None
    return [last.group(1), texts[0][:last.start()].strip()]


def read_slot(cells: list[str], day: date | None) -> dict[str, Any] | None:
    """A slot of a record: a time first, then what it says, cell by cell and line by line
    (lines of a cell separated by ``<br>``): its kind ("Invited Talk", when the first piece
    is a kind the program knows and more follows), its title, its speaker (the first piece
    that reads as a name), a paragraph as its abstract; other pieces join the title."""
    texts = [t for cell in cells for t in (plain(line) for line in _PIECES.split(cell)) if t]
    if not texts:
        return None
    times = read_times(texts[0])
    if times is None:  # "Opening Remarks | 7:50-8:00": the time last
        texts = _time_first(texts) or []
        times = read_times(texts[0]) if texts else None
        if times is None:
            return None
    first = texts[0]
    start, end, length = times
    rest = first[length:].strip(" :|-\u2013\u2014,")
    others = [t for t in texts[1:] if not _TIMES.fullmatch(t)]
    pieces = _names_continued([p for p in [rest, *others] if p])
    # "Panelists: Ada Quill, Bo Fern", "Moderator: Cy Moss": the slot's speakers
    named = [_labelled_names(p) for p in pieces]
    if any(named) and not all(named):
        pieces = [p for p, names in zip(pieces, named, strict=True) if not names]
    listed = [name for names in named for name in names or []]
    if not pieces:
        return None
    # "Invited Talks | Ada Quill (Univ A) / Title: Owls / Bo Fern (Lab B) / Title: Larks":
    # a session of talks, each a line under its title, their speakers the slot's
    talks: list[str] = []
    session = _talks_of(pieces)
    if session is not None:
        talk_names, talks, pieces = session
        listed = list(dict.fromkeys(talk_names + listed))
    pieces = [_TITLE_LABEL.sub(r"\1", p) for p in pieces]  # "Title: Counting owls"
    kind = None
    # "Plenary Talk | The making of ... | Felix Otto": a kind, then the title; but
    # "Opening | Ada Quill" is a title and its speaker
    if len(pieces) >= 2 and len(pieces[0]) <= 40 and kind_of(pieces[0], "")[0] in _TYPES \
            and not person_name(pieces[1].split("(")[0].strip()):
        kind, pieces = pieces[0], pieces[1:]
    speaker = ""
    first = pieces[0].split("(")[0].strip()
    # "Ada Quill | University of Bath | Counting owls": the speaker first, with their
    # affiliation (kept after the title), then the title (a title in capitals reads as a
    # name too: only a name followed by an institution is taken for the speaker)
    if kind is None and len(pieces) >= 3 and person_name(first) and _institution(pieces[1]) \
            and not _session_name(first):  # "Invited Talks | Ada Quill (Univ A)"
        speaker, pieces = first, [*pieces[2:], pieces[1]]
    title = pieces[0]
    joined: list[str] = []
    abstract: list[str] = []
    for piece in pieces[1:]:
        name = piece.split("(")[0].strip()
        if not speaker and person_name(name):
            speaker = name
        elif len(piece) > _TALK:
            abstract.append(piece)
        else:
            joined.append(piece)
    if not speaker:
        by = re.search(r"\b(?:by|speaker:)\s+(.{3,80})$", title, re.I)
        # "Ada Quill: *Counting owls*": a name, then the title set apart (emphasis, quotes)
        said = re.match(r"([^:]{3,80}):\s+(\S.{4,})$", title) if _SET_APART.search(
            " ".join(cells)) else None
        if by and person_name(by.group(1).split("(")[0].strip()):
            speaker = by.group(1).split("(")[0].strip()
        elif said and person_name(said.group(1).split("(")[0].strip()):
            speaker, title = said.group(1).split("(")[0].strip(), said.group(2)
    title = " \u2014 ".join([title, *joined])
    if len(title) > _TALK:  # prose, not a title: all of it the abstract, its start the title
        abstract.insert(0, title)
        title = title[:120].rsplit(" ", 1)[0] + "\u2026"
    slot: dict[str, Any] = {}
    if day is not None:
        slot["day"] = day.isoformat()
    slot["start"] = start
    if end is not None and end > start:
        slot["end"] = end
    slot["title"] = title
    if kind:
        slot["kind"] = kind
    speakers = list(dict.fromkeys(([speaker] if speaker else []) + listed))
    if speakers:
        slot["speakers"] = speakers
    if abstract:
        slot["abstract"] = "\n\n".join(markdown_paragraph(a) for a in abstract)
    if talks:
        slot["talks"] = talks
    url = session_link(cells)
    if url:
        slot["url"] = url
    return slot


# What separates the names of a list of them: "Ada Quill, Bo Fern; Cy Moss, and Di Reed & Ed"
_NAME_SEPARATORS = re.compile(r",\s*(?:and\s+)?|;\s*|\s+and\s+|\s+&\s+")
# A label before the names of a session's people: "Panelists:", "Speakers:", "Moderator:"
_NAMES_LABEL = re.compile(r"^(?:panel(?:ists?)?|speakers?|presenters?|(?:panel\s+)?moderators?"
                          r"|discussants?)\s*:\s*(\S.*)$", re.I)


_TITLE_LABEL = re.compile(r"^(?:talk\s+)?title\s*:\s*(\S.*)$", re.I)


def _names_continued(pieces: list[str]) -> list[str]:
    """``pieces`` with a labelled list of names that a line break cut after a comma or an
    "and" ("Panelists: Ada Quill, Bo Fern," then "Cy Moss and Di Reed") made one piece."""
    joined: list[str] = []
    listing = False  # the last piece joined starts with a label of names
    last = ""  # and the piece it ends with, whose end says whether more names follow
    for piece in pieces:
        if joined and listing and re.search(r"(?:,|\band|&)\s*$", last[-40:], re.I):
            joined[-1] = f"{joined[-1]} {piece}"
        else:
            joined.append(piece)
            listing = _NAMES_LABEL.match(piece) is not None
        last = piece
    return joined


def _talks_of(pieces: list[str]) -> tuple[list[str], list[str], list[str]] | None:
    """A session of two talks or more, each a speaker (a name, maybe an affiliation) and
    its title ("Title: ..."), after the session's name: the speakers, the talks as lines
    ("Counting owls \u2014 Ada Quill (Univ A)") and the other pieces; None when it is not."""
    talks: list[list[str]] = []  # [name, title, as written]
    rest = [pieces[0]]
    for piece in pieces[1:]:
        title = _TITLE_LABEL.match(piece)
        if title and talks and not talks[-1][1]:
            talks[-1][1] = title.group(1)
            continue
        name = piece.split("(")[0].strip()
        if person_name(name) and not _session_name(name) and len(piece) <= 160:
            talks.append([name, "", piece])
        else:
            rest.append(piece)
    if len(talks) < 2 or not all(title for _name, title, _written in talks):
        return None
    return ([name for name, _t, _w in talks],
            [f"{title} \u2014 {written}" for _name, title, written in talks], rest)


def _labelled_names(piece: str) -> list[str] | None:
    """The names a piece of a slot lists after a label ("Panelists: Ada Quill, Bo Fern and
    Cy Moss (Univ A)", an affiliation after a name left out), or None."""
    found = _NAMES_LABEL.match(piece)
    if found is None:
        return None
    parts = [re.sub(r"\s*\([^()]*\)\s*$", "", p).strip(" .")
             for p in _NAME_SEPARATORS.split(found.group(1))]
    parts = [p for p in parts if p]
    return parts if parts and all(person_name(p, lenient=True) for p in parts) else None


def _session_name(text: str) -> bool:
    """Whether ``text`` names a kind of session ("Invited Talks", "Keynote #1", "Session
    II"), which reads as a name of two capitalized words but is none."""
    if len(text) > 60:  # a kind of session is a few words (and the pattern stays short)
        return False
    words = re.sub(r"\s*(?:#\s*\d+|\d+|[IVX]+)$", "", text.strip())
    for candidate in (words, words[:-1] if words.lower().endswith("s") else ""):
        kind, known = kind_of(candidate, "")
        if candidate and known and kind not in (None, "other"):
            return True
    return False


def session_link(cells: list[str]) -> str | None:
    """The web address a program row links its session to (its video, its page): the first
    link whose words are not a person's name (a speaker's home page is theirs)."""
    return next((url for label, url in _links(" ".join(cells))
                 if url.startswith(("http://", "https://")) and not person_name(plain(label))),
                None)


# ---------------------------------------------------------------------------------------------
# Blocks and records
# ---------------------------------------------------------------------------------------------

_MD_ITEM = re.compile(r"^( {0,3})(?:[-*+]|\d{1,3}[.)])\s+\S")
_DEFINITION = re.compile(r"^( {2,}|\t)?:(?:\s+(.*)|\s*)$")  # kramdown's ": a definition"
_MD_ROW = re.compile(r"^\s*\|.*\S")  # kramdown's rows may leave out the closing pipe
_HTML_ITEM = re.compile(r"<li\b[^<>]{0,500}>(.*?)(?=<li\b|\Z)", re.I | re.S)
_HTML_ROW = re.compile(r"<tr\b[^<>]{0,500}>(.*?)(?=<tr\b|</tbody|</thead|</tfoot|\Z)",
                       re.I | re.S)
_HTML_CELL = re.compile(r"<t([dh])\b[^<>]{0,500}>(.*?)(?=<t[dh]\b|</tr|\Z)", re.I | re.S)
_CLOSE = re.compile(r"</(?:li|td|th|tr|ul|ol|p)\s*>", re.I)


@dataclass
class Block:
    start: int
    end: int
    records: list[list[str]]  # each record's cells (one cell for an item or a line)
    shape: str  # "a list", "a table", "lines separated by <br>", "cards", "items", "paragraphs"
    header: tuple[str, ...] = ()  # a table's row of column names, when it has one


# A line that starts a block of its own, not the lazy continuation of a list item above it
_NOT_LAZY = re.compile(r"\s{0,3}(?:#|\||```|~~~|(?:[-*_]\s*){3,}$|>|<!--|.*-->)")


def _markdown_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    lines = text.split("\n")
    offsets = line_starts(lines)
    i = 0
    while i < len(lines):
        if _MD_ITEM.match(lines[i]):
            records: list[list[str]] = []
            j = i
            while j < len(lines):
                if not lines[j].strip():  # a loose list: its items apart by blank lines
                    k = j
                    while k < len(lines) and not lines[k].strip():
                        k += 1
                    if k == len(lines) or not (_MD_ITEM.match(lines[k]) or
                                               lines[k].startswith(("    ", "\t"))):
                        break
                    j = k
                lazy = records and lines[j].strip() and lines[j - 1].strip() and \
                    not _NOT_LAZY.match(lines[j])  # "- [Title](x)  \n*Authors*": one item
                if not (_MD_ITEM.match(lines[j]) or lazy or (
                        lines[j].startswith(("  ", "\t")) and lines[j].strip() and records)):
                    break
                if _MD_ITEM.match(lines[j]) and not lines[j].startswith("    "):
                    records.append([re.sub(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+", "", lines[j])])
                else:
                    records[-1][0] += " " + lines[j].strip()
                j += 1
            blocks.append(Block(offsets[i], offsets[j - 1] + len(lines[j - 1]), records,
                                "a list"))
            i = j
        elif (run := _term_run(lines, i)) is not None:
            records, last = run
            blocks.append(Block(offsets[i], offsets[last] + len(lines[last]), records,
                                "a definition list"))
            i = last + 1
        elif (term := _DEFINITION.match(lines[i])) is not None and not term.group(1):
            # kramdown's definition list (": 9:00 AM - 10:00 AM" then "   : Ada Quill"): a
            # record per definition, what is indented under it its cells
            records = []
            j = i
            while j < len(lines) and (found := _DEFINITION.match(lines[j])):
                if found.group(1) and records:
                    records[-1].append((found.group(2) or "").strip())
                elif not found.group(1):
                    records.append([(found.group(2) or "").strip()])
                j += 1
            records = [[c for c in r if c] or r[:1] for r in records]
            blocks.append(Block(offsets[i], offsets[j - 1] + len(lines[j - 1]), records,
                                "a definition list"))
            i = j
        elif _MD_ROW.match(lines[i]):
            j = i
            # kramdown goes on with a row whose line has a pipe but does not start with one
            while j < len(lines) and (_MD_ROW.match(lines[j]) or (
                    j > i and "|" in lines[j] and not _NOT_LAZY.match(lines[j])
                    and not _MD_ITEM.match(lines[j]))):
                j += 1
            rows = [line for line in lines[i:j] if not SEPARATOR.match(line)]
            # one pipe off each end: "|| Morning session |" has an empty first cell
            records = [[c.strip() for c in re.sub(r"^\||\|$", "", row.strip()).split("|")]
                       for row in rows]
            header = any(SEPARATOR.match(line) for line in lines[i:i + 3])
            names: tuple[str, ...] = ()
            if header and len(records) > 1 and SEPARATOR.match(lines[i + 1] if
                                                                 i + 1 < j else "") \
                    and not _data_header(records[0]):
                names, records = tuple(records[0]), records[1:]  # the header row
            elif (not header or not any(names)) and len(records) > 1 and \
                    _bold_header(records[0]):
                names, records = tuple(records[0]), records[1:]  # a header kramdown reads
                # as a row: bold cells
            # a row of empty cells ("| | | |") is a space between rows, no record
            records = [r for r in records if any(r)] or records
            blocks.append(Block(offsets[i], offsets[j - 1] + len(lines[j - 1]), records,
                                "a table", names))
            i = j
        elif (run := _paragraph_run(lines, i)) is not None:
            records, last = run
            blocks.append(Block(offsets[i], offsets[last] + len(lines[last]), records,
                                "paragraphs"))
            i = last + 1
        elif (named := _names_paragraph(lines, i)) is not None:
            # a paragraph of names ("Ada Quill, Bo Fern, Cy Moss, Di Lark, ..."), on one line
            # or several, after a line that leads to them ("... the following members:"),
            # which stays as text above them
            first, last = named
            text = " ".join(line.strip() for line in lines[first:last + 1])
            blocks.append(Block(offsets[first], offsets[last] + len(lines[last]), [[text]],
                                "a line of names"))
            i = last + 1
        else:
            breaks = len(_BREAK.findall(lines[i])) + bool(_HARD_BREAK.search(lines[i]))
            if breaks >= 1 and lines[i].strip():
                j = i
                while j < len(lines) and lines[j].strip() and (
                        _broken(lines[j]) or j == i or _broken(lines[j - 1])):
                    j += 1
                # a line ending in two spaces (Markdown's hard break) ends a line as <br> does
                chunk = "\n".join(_HARD_BREAK.sub("<br>", line) for line in lines[i:j])
                records = [[piece] for piece in _BREAK.split(chunk) if plain(piece)]
                if len(records) >= 2 and not re.search(r"<(?:ul|ol|table|li|tr)\b", chunk,
                                                       re.I):
                    blocks.append(Block(offsets[i], offsets[j - 1] + len(lines[j - 1]),
                                        records, "lines separated by <br>"))
                i = max(j, i + 1)
            else:
                i += 1
    return blocks


_HARD_BREAK = re.compile(r"(?<=\S)(?: {2,}|\\)$")


def _broken(line: str) -> bool:
    """Whether a line ends in a break: ``<br>`` or Markdown's hard break."""
    return bool(_BREAK.search(line) or _HARD_BREAK.search(line))


_TERM_DEFINITION = re.compile(r"^( {0,3}):[ \t]+(\S.*)$")


_BOLD_CELL = re.compile(r"\s*(?:\*\*[^*]{1,80}\*\*|__[^_]{1,80}__|"
                        r"<(b|strong)\b[^<>]{0,200}>[^<>]{1,80}</\1\s*>)\s*", re.I)


def _picture_grid(records: list[list[str]]) -> list[list[str]] | None:
    """A table of people drawn as a grid, a person per cell: rows of pictures, each over a
    row of the names (and affiliations) under them, or cells that each hold a picture and a
    name. A record per person, in reading order (row by row); None for any other table."""
    if not records:
        return None
    groups = _picture_groups(records)
    if groups is not None:  # each column of a group: its picture, then its words, a line each
        return [["<br>".join(cell for cell in column if cell.strip())]
                for group in groups
                for column in zip(*[[*row, *[""] * len(group[0])][:len(group[0])]
                                    for row in group], strict=True)
                if any(plain(cell) for cell in column[1:]) or column[0].strip()]
    cells = [c for row in records for c in row if c.strip()]
    if max(len(r) for r in records) >= 2 and cells and all(_PICTURED.search(c) and plain(c)
                                                            for c in cells):
        return [[c] for c in cells]
    return None


def _pictures_alone(row: list[str]) -> bool:
    said = [c for c in row if c.strip()]
    return bool(said) and all(_PICTURED.search(c) and not plain(c) for c in said)


def _picture_groups(records: list[list[str]]) -> list[list[list[str]]] | None:
    """A table's rows as groups of a row of pictures alone over one to three rows of words
    (names, then affiliations), each group as many rows; None when the rows are not so."""
    groups: list[list[list[str]]] = []
    for record in records:
        if _pictures_alone(record):
            groups.append([record])
        elif not groups:
            return None
        else:
            groups[-1].append(record)
    sizes = {len(group) for group in groups}
    return groups if len(sizes) == 1 and 2 <= sizes.pop() <= 4 else None


def _alternating_pictures(records: list[list[str]]) -> bool:
    """Whether a table's rows are rows of pictures alone, each over rows of words."""
    return bool(records) and _picture_groups(records) is not None


def _data_header(cells: list[str]) -> bool:
    """Whether a Markdown table's header row is a row of its data, as in tables written
    without a header: a time in its first cell with words beside it ("| 8:50 | Opening |"),
    or a label and a day ("| Paper submission deadline | April 1st, 2025 (AoE) |"). Names of
    columns hold neither; a row of days, one a column ("| | Monday, June 13 |"), is names."""
    said = [plain(c) for c in cells if plain(c)]
    if len(said) < 2 or column_name(said[0]) in _HEADER_WORDS | _DATE_HEADER_WORDS:
        return False  # "| Time | Monday, June 16, 2025 |": names, a day's among them
    if read_times(said[0]) is not None:
        return True
    return len(said) == 2 and parse_free_date(said[0]) is None and \
        parse_date_line(f"{said[0]}: {said[1]}") is not None


def _bold_header(cells: list[str]) -> bool:
    """Whether a table's first row is its header written as a row: two cells or more that
    say something, each in bold and without a number ("| **Time (EST)** | **Event** |")."""
    said = [c for c in cells if c.strip()]
    return len(said) >= 2 and all(_BOLD_CELL.fullmatch(c) and read_times(plain(c)) is None
                                  and not _DIGIT.search(c) for c in said)


def _term_run(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """kramdown's definition list of terms ("A Paper Title" then "  : Ada Quill, Bo Fern"):
    a record per term, its definitions the record's other cells; blank lines may stand
    between one term's definitions and the next term. Definitions indented apart (": 9:00"
    then "   : Ada Quill") are records of their own under one heading, not a term's: the
    ``_DEFINITION`` reading. The records and the list's last line; None when line ``i`` is
    no term with a definition under it."""
    records: list[list[str]] = []
    indents: set[str] = set()
    last = -1
    j = i
    while j + 1 < len(lines) and _paragraph_line(lines, j) and \
            not _TERM_DEFINITION.match(lines[j]) and _TERM_DEFINITION.match(lines[j + 1]):
        record = [lines[j].strip()]
        j += 1
        while j < len(lines) and (found := _TERM_DEFINITION.match(lines[j])):
            record.append(found.group(2).strip())
            indents.add(found.group(1))
            last = j
            j += 1
        if j < len(lines) and _DEFINITION.match(lines[j]):
            return None  # an empty definition ("   :"): the other reading's
        records.append(record)
        while j < len(lines) and not lines[j].strip():
            j += 1
    return (records, last) if records and len(indents) == 1 else None


def _paragraph_run(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """Two or more paragraphs of one line of text from line ``i`` ("**Ada Quill** is a
    Professor at Univ A."), blank lines between (a heading may be just above the first),
    each a record; a list right under a paragraph ("3:15 PM: Contributed talks" and its
    talks) gives a record per item. The records and the run's last line; None when there
    is no run here."""
    records: list[list[str]] = []
    last = -1
    j = i
    while j < len(lines) and _paragraph_line(lines, j) and (
            j + 1 == len(lines) or not lines[j + 1].strip() or _MD_ITEM.match(lines[j + 1])):
        records.append([lines[j].strip()])
        last = j
        j += 1
        while j < len(lines) and _MD_ITEM.match(lines[j]):
            records.append([re.sub(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+", "", lines[j])])
            last = j
            j += 1
        if j < len(lines) and lines[j].strip():
            break  # text right under the list: the run ends with it
        j += 1
    paragraphs = sum(1 for k in range(i, last + 1) if _paragraph_line(lines, k))
    return (records, last) if paragraphs >= 2 else None


def _paragraph_line(lines: list[str], i: int) -> bool:
    """Whether line ``i`` starts a paragraph of text (not a heading, a list, a table or
    HTML), a blank line or a heading above it."""
    return (bool(lines[i].strip())
            and not re.match(r"\s*(?:[<#|>{!]|[-*+]\s|\d{1,3}[.)]\s|```|~~~|([-*_])\s*\1\s*\1)",
                             lines[i])  # nor a rule ("---")
            and (i == 0 or not lines[i - 1].strip() or lines[i - 1].lstrip().startswith("#")))


_OPEN_OR_CLOSE = {
    "table": re.compile(r"<(/?)table\b[^<>]{0,500}>", re.I),
    "list": re.compile(r"<(/?)(?:ul|ol)\b[^<>]{0,500}>", re.I),
    "definitions": re.compile(r"<(/?)dl\b[^<>]{0,500}>", re.I),
}


def _elements(text: str, kind: str) -> list[tuple[int, int, int, int, bool]]:
    """Each table (or list) of ``text``, its opening and closing tags paired in one pass:
    (start, inner start, inner end, end, whether it holds another)."""
    found = []
    stack: list[tuple[int, int, bool]] = []  # (start, inner start, holds another)
    for tag in _OPEN_OR_CLOSE[kind].finditer(text):
        if not tag.group(1):
            if stack:
                stack[-1] = (stack[-1][0], stack[-1][1], True)
            stack.append((tag.start(), tag.end(), False))
        elif stack:
            start, inner, nested = stack.pop()
            found.append((start, inner, tag.start(), tag.end(), nested))
    # one never closed ends with the text, as a browser ends it
    found += [(start, inner, len(text), len(text), nested) for start, inner, nested in stack]
    return sorted(found)


# An element whose class names a card of a person ("speaker-card", "team-member").
_CARD_WORDS = re.compile(r"card|person|people|speaker|member|organi[sz]er|profile|team|author|"
                         r"committee|panelist|bio", re.I)
# Parts of a card: wrappers of the image or of the text ("speaker-image-container") are not.
_CARD_PART_WORDS = re.compile(r"image|img|photo|picture|avatar|info|content|body|text|name|"
                              r"affil|bio|desc|container|wrapper|details|links?|social|title|"
                              r"role|position|header|heading|footer|overlay|inner|col\b|"
                              r"cell|time\b", re.I)


def _element_end(text: str, start: int, tag: str) -> int:
    """Where the element opened at ``start`` (a ``tag``) ends, its own tags counted; the end
    of ``text`` if it is never closed."""
    pattern = re.compile(rf"<(/?){tag}\b[^<>]{{0,500}}>", re.I)
    depth = 0
    for found in pattern.finditer(text, start):
        depth += -1 if found.group(1) else 1
        if depth == 0:
            return found.end()
    return len(text)


_CARD_TAGS = re.compile(r"<(/?)(div|li|article|section|figure)\b[^<>]{0,1000}>", re.I)
_CLASS = re.compile(r"\bclass\s*=\s*[\"']([^\"'<>]{1,200})[\"']", re.I)


# An element whose class names one item of a list: a date, a paper, a talk.
_ITEM_WORDS = re.compile(r"item|entry|event|timeline|date|deadline|milestone|paper|publication|"
                         r"talk|slot|session|agenda|schedule|program", re.I)
# Rows styled in turn ("schedule-row-even", "schedule-row-odd", "float-left", "float-right")
_ALTERNATE = re.compile(r"[-_](?:even|odd|alt|alternate|[12]|left|right)$", re.I)
_MAX_RUNS = 500  # runs of one class looked at on a page (the first ones): it stays linear


_PICTURED = re.compile(r"<img\b", re.I)
_NAMED = re.compile(r"<(?:h[1-6]|strong|b)\b|\*\*\S", re.I)  # Markdown's bold in markdown=1


def _lists(token: str) -> bool:
    """Whether a class names a card or an item of a list ("speaker-card", "timeline-item",
    "ed-grid-container-program-item": by its last word) and not a part of one
    ("speaker-image", "program-item-time")."""
    if not (_CARD_WORDS.search(token) or _ITEM_WORDS.search(token)):
        return False
    last = re.split(r"[-_]+", token.strip("-_"))[-1]
    return not _CARD_PART_WORDS.search(token) or (
        not _CARD_PART_WORDS.search(last) and bool(_CARD_WORDS.search(last) or
                                                   _ITEM_WORDS.search(last)))


def _with_named_sibling(text: str, cards: list[tuple[int, int]], ends: dict[int, int]
                        ) -> list[tuple[int, int]]:
    """Cards of a picture only, each followed by the element that names the person ("<div
    class="profile"><img></div><div class="clearfix"><b>Ada Quill</b> is ...</div>", as
    al-folio draws profiles): each card with that element, when every card is so."""
    joined = []
    for start, end in cards:
        if _NAMED.search(text, start, end):
            return cards
        after = end + len(text[end:end + 200]) - len(text[end:end + 200].lstrip())
        following = ends.get(after)
        if following is None or not _NAMED.search(text, after, following) or \
                _PICTURED.search(text, after, following):
            return cards
        joined.append((start, following))
    return joined


_FIRST_LINE = re.compile(r"<br\s*/?>|</(?:p|div|h[1-6]|a|span)>|\n\s*\n", re.I)


def _pictured_card(text: str, item: tuple[int, int]) -> bool:
    """Whether an element is a person's card: a picture, and a heading or bold text, or a
    first line of text after the picture that is a person's name."""
    start, end = item
    picture = _PICTURED.search(text, start, end)
    if picture is None:
        return False
    if _NAMED.search(text, start, end):
        return True
    after = text[picture.end():end]
    first = plain(_FIRST_LINE.split(after[after.find(">") + 1:], 1)[0])
    return 0 < len(first) <= 60 and person_name(first)


_DIGIT = re.compile(r"\d")
_ROW_CHARS = 2000  # the longest element read as a row of a list of dates or a program
_DAY_OR_TIME = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,7}\.?\s+\d{1,2}\b|"
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
    r"dec)[a-z]{0,7}\b|\b\d{4}-\d{2}-\d{2}\b|^\d{1,2}[:.]\d{2}\b|^\d{1,2}\s*[ap]\.?m\b", re.I)


def _dated_row(text: str, item: tuple[int, int]) -> bool:
    """Whether an element is a short record holding a day of a month or starting with a
    time: a row of a list of dates or of a program."""
    start, end = item
    return end - start <= _ROW_CHARS and _DIGIT.search(text, start, end) is not None and \
        _DAY_OR_TIME.search(plain(text[start:end])) is not None and \
        _HOLDS_ROWS.search(text, start, end) is None  # a tab's pane with its list: no row


_HOLDS_ROWS = re.compile(r"<(?:li|tr|dt)\b", re.I)


def _siblings(run: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The elements of a run in order, each not inside another of the run."""
    items: list[tuple[int, int]] = []
    for start, end in sorted(run):
        if not items or start >= items[-1][1]:
            items.append((start, end))
    return items


def _card_blocks(text: str) -> list[Block]:
    """Runs of two or more sibling elements of one class that names a person's card
    ("speaker-card": shape "cards") or an item of a list ("timeline-item": "items"), each
    element a record, one block per run. A run whose elements each hold several of another
    run's is a layout (rows of cards): the inner run is the list. Every element's end is
    found in one pass over the tags (a stack per tag)."""
    stacks: dict[str, list[tuple[int, str | None, bool]]] = {}
    runs: dict[tuple[str, str], list[tuple[int, int]]] = {}
    others: dict[tuple[str, str], list[tuple[int, int]]] = {}  # classes that name no card
    ends: dict[int, int] = {}  # every element's end, by its start
    for tag in _CARD_TAGS.finditer(text):
        name = tag.group(2).lower()
        stack = stacks.setdefault(name, [])
        if not tag.group(1):
            found = _CLASS.search(tag.group(0))
            classes = found.group(1) if found else None
            listed = classes is not None and any(_lists(c) for c in classes.split())
            if listed and classes is not None:
                classes = " ".join(_ALTERNATE.sub("", c) for c in classes.split())
            stack.append((tag.start(), classes, listed))
        elif stack:
            start, classes, listed = stack.pop()
            ends[start] = tag.end()
            if classes is not None:
                (runs if listed else others).setdefault((name, classes), []).append(
                    (start, tag.end()))
    blocks = []
    for (_name, classes), run in runs.items():
        # a heading or any words between two cards part their runs: "Panel" after "Speakers"
        groups: list[list[tuple[int, int]]] = []
        for card in _with_named_sibling(text, _siblings(run), ends):
            if groups and not plain(text[groups[-1][-1][1]:card[0]]):
                groups[-1].append(card)
            else:
                groups.append([card])
        for items in groups:
            if len(items) < 2:
                continue
            shape = "cards" if any(_CARD_WORDS.search(c) for c in classes.split()) else "items"
            blocks.append((Block(items[0][0], items[-1][1],
                                 [[text[start:end]] for start, end in items], shape), items))
        if len(blocks) >= _MAX_RUNS:
            break
    # Elements of a class that names nothing ("col-sm-2"), side by side with only space
    # between them, each with a picture and a heading, bold text or a first line that is a
    # person's name ("<img><p>Ada Quill<br><em>Univ A</em></p>"): a row of cards.
    for run in others.values():
        if len(blocks) >= _MAX_RUNS:
            break
        group: list[tuple[int, int]] = []
        for item in [*_siblings(run), None]:
            if item is not None and _pictured_card(text, item) and \
                    (not group or not text[group[-1][1]:item[0]].strip()):
                group.append(item)
                continue
            if len(group) >= 2:
                blocks.append((Block(group[0][0], group[-1][1],
                                     [[text[start:end]] for start, end in group], "cards"),
                               group))
            group = [item] if item is not None and _pictured_card(text, item) else []
    # Elements of such a class side by side, each a short record that holds a day of a month
    # or starts with a time ("<div class="row"><div>Submission</div><div>May 1, 2024</div>
    # </div>"): rows of a list of dates or a program drawn with a grid's boxes.
    for run in others.values():
        if len(blocks) >= _MAX_RUNS:
            break
        group = []
        for item in [*_siblings(run), None]:
            if item is not None and _dated_row(text, item) and \
                    (not group or not text[group[-1][1]:item[0]].strip()):
                group.append(item)
                continue
            if len(group) >= 2:
                blocks.append((Block(group[0][0], group[-1][1],
                                     [[text[start:end]] for start, end in group], "items"),
                               group))
            group = [item] if item is not None and _dated_row(text, item) else []
    blocks.sort(key=lambda b: (b[0].start, -b[0].end))
    kept = []
    for block, items in blocks:
        inner = [b for b, _i in blocks if b is not block and block.start <= b.start
                 and b.end <= block.end and len(b.records) >= 2 * len(items)]
        if not inner:
            kept.append(block)
    return kept


_PARAGRAPH_TAGS = re.compile(r"<(/?)p\b[^<>]{0,500}>", re.I)


def _paragraph_blocks(text: str) -> list[Block]:
    """Runs of two or more ``<p>`` elements with nothing but space between them (a paper or a
    person per paragraph), each paragraph a record; one pass over the tags."""
    blocks: list[Block] = []
    run: list[tuple[int, int, int]] = []  # (start, inner start, end) of each paragraph
    opened: tuple[int, int] | None = None

    def close_run() -> None:
        if len(run) >= 2:
            blocks.append(Block(run[0][0], run[-1][2],
                                [[text[inner:end].rsplit("<", 1)[0]] for _s, inner, end in run],
                                "paragraphs"))
        run.clear()

    for tag in _PARAGRAPH_TAGS.finditer(text):
        if not tag.group(1):
            if run and text[run[-1][2]:tag.start()].strip():
                close_run()
            opened = (tag.start(), tag.end())
        elif opened is not None:
            run.append((opened[0], opened[1], tag.end()))
            opened = None
    close_run()
    return blocks


_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


def _html_blocks(text: str) -> list[Block]:
    blocks: list[Block] = _card_blocks(text) + _paragraph_blocks(text)
    for start, inner_start, inner_end, end, nested in _elements(text, "table"):
        if nested:
            continue  # a table holding a table: a layout, not a list
        inner = _HTML_COMMENT.sub(" ", text[inner_start:inner_end])
        records: list[list[str]] = []
        names: tuple[str, ...] = ()
        for row in _HTML_ROW.finditer(inner):
            found = list(_HTML_CELL.finditer(row.group(1)))
            # a row of <th> only is the header; a <th> beside <td> heads its row ("<th>
            # Submission</th><td>May 1</td>") and is one of its cells
            if not any(c.group(1).lower() == "d" for c in found):
                row_cells = [_CLOSE.sub("", c.group(2)) for c in found]
                if found and not records and not names and _data_header(row_cells):
                    records.append(row_cells)  # "<th>8:30am</th><th>Opening</th>": data
                elif found and not records and not names:
                    names = tuple(row_cells)
                continue
            cells = [_CLOSE.sub("", c.group(2)) for c in found]
            if (any(plain(c) for c in cells) or _PICTURED.search(" ".join(cells))) and (
                    records or not _bold_header(cells)):
                records.append(cells)
        if not _alternating_pictures(records):  # rows of pictures alone are no records,
            records = [r for r in records if any(plain(c) for c in r)]  # unless over names
        if records:
            blocks.append(Block(start, end, records, "a table", names))
    for start, inner_start, inner_end, end, nested in _elements(text, "list"):
        if nested:
            continue  # nested lists: groups, not records
        inner = _HTML_COMMENT.sub(" ", text[inner_start:inner_end])
        records = [[_CLOSE.sub("", m.group(1))] for m in _HTML_ITEM.finditer(inner)
                   if plain(m.group(1))]
        if records:
            blocks.append(Block(start, end, records, "a list"))
    for start, inner_start, inner_end, end, nested in _elements(text, "definitions"):
        if nested:
            continue
        inner = _HTML_COMMENT.sub(" ", text[inner_start:inner_end])
        records = []  # a term, then its definitions: one record
        for part in _HTML_TERM.finditer(inner):
            cell = _TERM_CLOSE.sub("", part.group(2))
            if part.group(1).lower() == "t" or not records:
                records.append([cell])
            else:
                records[-1].append(cell)
        records = [r for r in records if any(plain(c) for c in r)]
        if records:
            blocks.append(Block(start, end, records, "a definition list"))
    return blocks


_HTML_TERM = re.compile(r"<d([td])\b[^<>]{0,500}>(.*?)(?=<d[td]\b|\Z)", re.I | re.S)
_TERM_CLOSE = re.compile(r"</(?:dt|dd|dl)\s*>", re.I)


# ---------------------------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------------------------

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.{1,300}?)\s*#*\s*$", re.M)
_HTML_HEADING = re.compile(r"<h([1-6])\b[^<>]{0,500}>(.{0,1000}?)</h\1\s*>", re.I | re.S)
# "**Important Dates**", "<p><b>IMPORTANT DATES:</b></p>": a bold line of its own
_BOLD_HEADING = re.compile(r"^[ \t]*(?:<p\b[^<>\n]{0,200}>[ \t]*)?(?:\*\*|<(?:b|strong)>)"
                           r"([^*<>\n]{2,80})(?:\*\*|</(?:b|strong)>)[ \t]*(?::[ \t]*)?"
                           r"(?:</p>[ \t]*)?$", re.M | re.I)


_LEAD_IN = re.compile(r"^([ \t]*(?:(<p\b[^<>\n]{0,200}>)[ \t]*)?<(b|strong)>([^*<>\n]{2,80})"
                      r"</\3>[ \t]*(?::[ \t]*)?)<br[ \t]*/?>[ \t]*\n(?=[^\n]*\S)", re.M | re.I)


def _lead_in(match: re.Match[str]) -> str:
    """A bold line naming the important dates ("Important Dates:") that leads the lines of a
    paragraph, made a line of its own (a person's bold name over their affiliation, a
    session's over its talks, stay as they are)."""
    if heading_kind(plain(match.group(4))) != "dates":  # "Session 1: Papers" leads its talks
        return match.group(0)
    return match.group(1) + ("</p>\n<p>" if match.group(2) else "\n\n")


@dataclass
class Heading:
    position: int
    end: int
    level: int
    text: str
    kind: str | None


# attr_list's "{ #id .class }" after a heading's words: not words of the heading
_HEADING_ATTRIBUTES = re.compile(r"\s*\{:?\s*[#.][^{}\n]{0,200}\}\s*$")


def headings(text: str, title: str | None = None) -> list[Heading]:
    """The headings of ``text``, each with the kind of what is under it (its own, or its
    parent's); ``title``: the page's, the heading of everything on it (a page titled
    "Speakers" whose list has no heading of its own)."""
    found = [Heading(0, 0, 0, plain(title), None)] if title and plain(title) else []
    found += [Heading(m.start(), m.end(), len(m.group(1)),
                      plain(_HEADING_ATTRIBUTES.sub("", m.group(2))), None)
              for m in _MD_HEADING.finditer(text)]
    found += [Heading(m.start(), m.end(), int(m.group(1)), plain(m.group(2)), None)
              for m in _HTML_HEADING.finditer(text)]
    found += [Heading(m.start(), m.end(), 7, plain(m.group(1)), None)
              for m in _BOLD_HEADING.finditer(text)]
    found.sort(key=lambda h: h.position)
    stack: list[Heading] = []
    for heading in found:
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        own = heading_kind(heading.text)
        inherited = next((h.kind for h in reversed(stack) if h.kind), None)
        lowered = heading.text.lower()
        if own is None and not _has_word(lowered, _NONE_WORDS):
            own = inherited
        heading.kind = own
        stack.append(heading)
    return found


# ---------------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------------


@dataclass
class Recognized:
    text: str
    rosters: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    slots: list[dict[str, Any]] = field(default_factory=list)
    dates: list[tuple[str, DateLine]] = field(default_factory=list)
    # Date lines whose day is not known yet: (how many of ``dates`` come before, label, words)
    pending: list[tuple[int, str, str]] = field(default_factory=list)
    papers: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    read: list[str] = field(default_factory=list)  # report lines: what was read, where
    counters: dict[str, int] = field(default_factory=dict)  # the next number of a name
    paper_names: set[str] = field(default_factory=set)  # the papers files' names given
    last_roster: str = ""  # the roster the block just read made, if any
    kept: list[str] = field(default_factory=list)  # report lines: blocks kept, and why
    undated: bool = False  # its program names no day (its slots have no 'day:')


_HEADING_SLOTS = 3  # time headings that make a program
_NO_DAY = ("no day: shown under 'Day to be announced' until the workshop block has its "
           "'date:'")


def _heading_program(text: str, marks: list[Heading], result: Recognized, year: int | None,
                     day: date | None, replacements: list[tuple[int, int, str]],
                     nested: list[_BlockProgram]) -> list[tuple[int, int, str]]:
    """A program written as headings, each starting with its time ("### 09:15-10:00 AM —
    Keynote 1, by Ada Quill", its details under it), each day's under a heading naming the
    day ("### Monday - July 19th"): its slots, the page's program, shown before the first of
    them (``replacements`` with that call added); the headings and what is under them stay
    as written, the details of each slot. ``nested``: the programs read from blocks of the
    page; when they are all within the headings' and fewer slots (a session's own timed
    list under its heading), the headings are the program and those blocks stay as written,
    a slot's details."""
    # the time makes a heading a slot, whatever its words ("Keynote 1", "Oral papers")
    timed = [(h, slot) for h in marks if h.level
             and (slot := _fits(Slot, read_slot([h.text], None))) is not None]
    if len(timed) < _HEADING_SLOTS:
        return replacements
    first = timed[0][0]
    if any(start < first.position < end for start, end, _call in replacements
           if all(block.start != start for block in nested)):
        return replacements  # inside a block read as something else
    if nested and (any(block.start < first.position for block in nested)
                   or sum(block.slots for block in nested) >= len(timed)):
        return replacements  # the blocks are the program; the headings its sessions
    where = f"headings with times from '{first.text[:60]}'"
    if not any(h.kind == "slots" for h in marks if h.position <= first.position):
        return replacements  # no program's heading (or page) above them
    fallback = day_before(text, first.position, year) or day
    made: list[dict[str, Any]] = []
    days: list[date | None] = []
    place = first.position  # where the program is shown: before its first day's heading
    for heading, slot in timed:
        # the day a heading above it names ("### Monday - July 19th" over "#### 9:00 am")
        above = next((h for h in reversed(marks) if h.position < heading.position
                      and h.level and h.level < heading.level), None)
        named = _day_of(above.text, year) if above is not None else None
        if not days and named is not None and above is not None:
            place = above.position
        days.append(named or (days[-1] if days else fallback))
        if len(days) == 1 or days[-1] != days[-2]:
            if days[-1] is None or (len(days) > 1 and days[-2] is not None
                                    and days[-1] < days[-2]):
                result.kept.append(f"{where}: kept as written; their days are not in order")
                return replacements
            slot = {"day": days[-1].isoformat(), **slot}
        made.append(slot)
    # a session's rooms under its heading ("#### Room 308 -- Panel 1: Big data"): its slots
    timed_at = {h.position for h, _slot in timed}
    expanded = [(day_of, one) for heading, slot, day_of in zip(
        (h for h, _s in timed), made, days, strict=True)
        for one in _rooms_of(heading, slot, marks, timed_at)]
    days, made = [d for d, _s in expanded], [one for _d, one in expanded]
    afternoon: list[str] = []
    for at, (one_day, group) in enumerate(groupby(zip(days, made, strict=True),
                                                  key=lambda pair: pair[0])):
        slots = [slot for _d, slot in group]
        afternoon += read_afternoon(slots)
        if [s["start"] for s in slots] != sorted(s["start"] for s in slots):
            result.kept.append(f"{where}: kept as written; the times of day {at + 1} "
                               f"({one_day or 'no date'}) are not in order")
            return replacements
        mark_overlaps(slots)
    for block in nested:  # a session's own list: the details of its heading's slot
        replacements = [r for r in replacements if r[0] != block.start]
        result.read[block.read] = (f"{result.read[block.read].split(' -> ')[0]}: kept as "
                                   "written under its heading, a slot of the program its "
                                   "headings give")
    result.slots[:] = made
    result.undated = days[0] is None
    when = sorted({d.isoformat() for d in days if d is not None})
    result.read.append(f"{where} -> << schedule() >> before them ({len(made)} slots, "
                       + (_NO_DAY if not when else ", ".join(when))
                       + "; the headings and their details stay below it"
                       + (f"; read as afternoon times: {', '.join(afternoon)}"
                          if afternoon else "") + ")")
    return sorted([*replacements, (place, place, "<< schedule() >>")])


# A sub-heading that names the room of the slot above it ("Room: Hall 50")
_ROOM_HEADING = re.compile(r"(?:room|location|venue|where|place)\s*:\s*(\S.{0,80})", re.I)
# A room before a session's title in a sub-heading: "Room 308 -- Panel 1", "Hall B — Talks"
_ROOM_FIRST = re.compile(r"(.{1,40}?)\s+(?:-{2,3}|\u2014|\u2013|\|)\s+(\S.*)")


def _rooms_of(heading: Heading, slot: dict[str, Any], marks: list[Heading],
              timed_at: set[int]) -> list[dict[str, Any]]:
    """The slots a timed heading stands for: itself, in the room a sub-heading names ("Room:
    Hall 50"); or, when two sub-headings or more without a time name the session's rooms or
    parts ("Room 308 -- Panel 1: Big data"), one slot each at its time, run at once."""
    under: list[Heading] = []
    for other in marks:
        if other.position <= heading.position:
            continue
        if other.level <= heading.level or other.position in timed_at:
            break
        under.append(other)
    rooms = [m.group(1).strip() for h in under if (m := _ROOM_HEADING.fullmatch(h.text))]
    parts = [h for h in under if not _ROOM_HEADING.fullmatch(h.text)
             and h.level == min(x.level for x in under)]
    if len(parts) < 2:
        return [{**slot, "room": rooms[0]} if len(rooms) == 1 else slot]
    made = []
    for n, part in enumerate(parts):
        split = _ROOM_FIRST.fullmatch(part.text)
        title, room = (split.group(2), split.group(1)) if split else (part.text, None)
        one = {k: v for k, v in slot.items() if k in ("start", "end") or (n == 0 and k == "day")}
        session = str(slot.get("title", "")).rstrip(" :,.-\u2013\u2014")  # "Session 1:"
        if session and len(session) <= 40 and session.casefold() not in title.casefold():
            title = f"{session} \u2014 {title}"
        made.append(one | {"title": title} | ({"room": room} if room else {})
                    | {"parallel": True})
    return made


@dataclass(frozen=True)
class _BlockProgram:
    """A block of the page read as program: where it starts, its slots, its report line."""

    start: int
    slots: int
    read: int


def each_once(people: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """A roster with each person once (the first time the source showed them: a person
    named twice in one list, in two groups of a data file, or in two loops side by side),
    and the names left out again. One person is one name (or id), whatever its case,
    accents or punctuation."""
    seen: set[str] = set()
    kept: list[dict[str, Any]] = []
    again: list[str] = []
    for one in people:
        identity = anchor_slug(str(one.get("name") or one.get("id") or ""))
        if identity and identity in seen:
            again.append(str(one.get("name") or one.get("id"))[:60])
            continue
        seen.add(identity)
        kept.append(one)
    return kept, again


def _slug(text: str) -> str:
    slug = re.sub(r"[^\w]+", "_", text.lower(), flags=re.UNICODE).strip("_")[:40]
    return slug or "people"


def recognize(text: str, macro: Callable[[str], str], *, taken: Collection[str] = (),
              title: str | None = None, year: int | None = None, day: date | None = None,
              kinds: Collection[str] = KINDS, hidden: list[tuple[int, int]] | None = None,
              papers_path: Callable[[str], str] = lambda name: f"data/{name}.yml",
              file_link: Callable[[str], str | None] | None = None) -> Recognized:
    """Read the hand-written blocks of ``text`` (a page's Markdown and HTML): each becomes
    ``macro(call)`` in the text when every record reads. ``taken``: front-matter keys the
    page has; ``title``: the page's, the heading of what has none; ``year``/``day``: the
    page's, for slots and dates written without them; ``hidden``: spans (HTML comments)
    whose blocks are left alone; ``papers_path``: the papers file (docs-relative) of a
    block of papers, by a name made of its heading;
    ``file_link``: a file of the site a paper links to (its PDF), copied, by docs path."""
    # "<p><b>Important Dates:</b><br/>" over the paragraph's lines: a heading of its own
    text = _LEAD_IN.sub(_lead_in, text)
    result = Recognized(text)
    written = text  # the page's text as written, which the output keeps around the calls
    text = without_icons(text)  # what is read: icons and flags are no one's picture
    if year is None:  # a page that names one year ("January 2023") is of that year
        named = set(re.findall(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/.-])", visible_html(text)))
        year = int(named.pop()) if len(named) == 1 else None
    marks = headings(text, title)
    # at one place, the element (cards) before the lines it holds, the longer block first
    blocks = sorted([part for block in _markdown_blocks(text) + _html_blocks(text)
                     for part in (_dates_apart(text, block, year) if "dates" in kinds
                                  else [block])],
                    key=lambda b: (b.start, b.shape.startswith("lines"), -b.end))
    hidden = sorted(hidden or [])
    hidden_starts = [start for start, _end in hidden]
    reached = 0  # the end of the last block read
    marks_by_end = sorted(marks, key=lambda h: h.end)
    ends = [h.end for h in marks_by_end]
    replacements: list[tuple[int, int, str]] = []
    cut_ends: set[int] = set()  # where a list read in part goes on: its items after the call
    programs: list[_BlockProgram] = []  # the blocks read as program
    keys = set(taken)
    previous: tuple[Heading, str, int] | None = None  # the last people block: its roster
    for block in blocks:
        inside = bisect.bisect_right(hidden_starts, block.start) - 1
        if block.start < reached or (inside >= 0 and block.start < hidden[inside][1]):
            continue  # inside a block read before (blocks come in order), or a comment
        at = bisect.bisect_right(ends, block.start)
        if not at:
            continue  # above every heading of a page without a title: what it is, unknown
        heading = marks_by_end[at - 1]
        if heading.kind is None and "dates" in kinds and block.shape == "a list" and \
                len(parts := _dates_apart(text, block, year, ("a list",))) == 2:
            # a call's list under no heading of dates, its dates first or last: those are
            # read; the rest stays the list it was
            block = next((p for p in parts if _mostly_dates(p, heading.text, year)), block)
            cut_ends.add(block.end)
        if heading.kind is None and "dates" in kinds and \
                _mostly_dates(block, heading.text, year):
            # "**Submission deadline:** June 8, 2023" lines under "Call for Papers"
            heading = replace(heading, kind="dates")
        if "slots" in kinds and (_time_ranges(block) or (
                heading.kind is None and _timed_starts(block))) and (
                heading.kind in (None, "people") or (heading.kind == "papers"
                                                     and _TIME_IN.search(heading.text))):
            # "08:15 - 09:00 Keynote ..." item after item: a program under a heading of no
            # kind or of people ("Session Chair - Ada Quill" inside a program a layout draws),
            # or under a heading that is a slot itself ("Morning block: Presentations
            # (11:00-13:20)"); under "Accepted Papers", timed papers stay papers
            heading = replace(heading, kind="slots")
        if heading.kind is None or heading.kind not in kinds:
            continue
        line = text.count("\n", 0, block.start) + 1
        where = f"{block.shape} under '{heading.text[:60]}' (text line {line})"
        result.last_roster = ""
        slots_before, read_before = len(result.slots), len(result.read)
        call = _read_block(block, heading, where, result, keys, year, day, papers_path, file_link,
                           (_day_in_header(text, block, year) or
                            tab_day(text, block.start, year) or
                            day_before(text, block.start, year, heading.end) or
                            _day_above(marks, heading, year))
                           if heading.kind == "slots"
                           else None)
        if call is not None:
            reached = block.end
            if len(result.slots) > slots_before and len(result.read) > read_before:
                programs.append(_BlockProgram(block.start, len(result.slots) - slots_before,
                                              read_before))
            new = [result.last_roster] if result.last_roster else []
            if new and previous is not None and previous[0] is heading \
                    and not plain(_MD_IMG.sub("", text[previous[2]:block.start])):
                # a card beside the card before: one roster, one call
                result.rosters[previous[1]] += result.rosters.pop(new[0])
                keys.discard(new[0])
                result.read[-1] = (f"{where}: beside the block before, its people join "
                                   f"'{previous[1]}'")
                call = ""
            replacements.append((block.start, block.end, call))
            previous = (heading, new[0] if new and call else previous[1] if previous and
                        not call else "", block.end) if new else None
    if "slots" in kinds and len(result.slots) == sum(p.slots for p in programs):
        replacements = _heading_program(text, marks, result, year, day, replacements,
                                        programs)
    out = []
    position = 0
    for start, end, call in replacements:
        out.append(written[position:start])
        out.append(macro(call) if call else "")
        if call and end in cut_ends and _RIGHT_UNDER.match(written, end):
            out.append("\n")  # the list's next item ("- Submission link:") is no part of
            # what the call writes
        position = end
    out.append(written[position:])
    result.text = "".join(out)
    return result


_NEWS = re.compile(r"news|update|announce|blog|post|history|archive", re.I)
# A range of times in a heading's words ("Presentations (11:00-13:20)")
_TIME_IN = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:-{1,2}|\u2013|\u2014|to)\s*"
                      r"\d{1,2}[:.]\d{2}", re.I)
_TIME_RANGES = 3  # records of a block, each starting with a range of times, that are a program


def _time_ranges(block: Block) -> bool:
    """Whether a block is a program wherever it is: it starts with a range of times
    ("08:15 - 09:00"), and three records or more and at least half of them do (the others
    the talks of a session: "- Counting owls, Ada Quill"); a record of tags only aside."""
    lines = [line for line in (plain(" ".join(record)) for record in block.records[:200])
             if line]
    timed = [(read := read_times(line)) is not None and read[1] is not None for line in lines]
    return bool(timed) and timed[0] and sum(timed) >= _TIME_RANGES and 2 * sum(timed) >= len(
        timed)


_WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_CELL = re.compile(r"\s*(mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?\b", re.I)
_GRID_ROWS = 400  # the rows of a week at a glance read at most


def _week_grid(block: Block, when: date | None, year: int | None
               ) -> tuple[list[list[str]], list[str]] | None:
    """A program drawn as a week at a glance: a header naming a day per column ("| |
    Monday | Tuesday |", "Monday, June 13th"), a time in the first cell of each row, each
    other cell that day's slot at that time. Rows naming a week ("**Week 1 (September
    18-22)**") say which days the weekdays are; without them and without dates in the
    header, the week of the section's day. A row of one cell without a time between two
    times ("*Coffee break*") is on every day, from the end of the row above to the start of
    the row below. Its records as a program reads them, day by day (a row naming the day,
    then that day's times), and the cells that name no time ("From 8:30: Registration"),
    kept as text under it; None for any other block."""
    names = [plain(c) for c in block.header[1:]]
    if block.shape != "a table" or len(names) < 2 or len(block.records) > _GRID_ROWS:
        return None
    days = [_WEEKDAY_CELL.match(n) for n in names]
    if not all(days) and not all(not n for n in names[len([d for d in days if d]):]):
        return None
    columns = [(n, _WEEKDAY_NAMES.index(d.group(1).lower()))
               for n, d in enumerate(days) if d is not None]
    if len(columns) < 2:
        return None
    weeks: list[tuple[date, list[list[str]]]] = []  # each week's first day, its rows
    start = when
    for record in block.records:
        line = plain(" ".join(record))
        cells = [c for c in record if plain(c)]
        if len(cells) == 1 and read_times(line) is None and \
                (period := _week_period(line, year or (when.year if when else None))):
            start = period
            weeks.append((start, []))
            continue
        if not weeks:
            if start is None:
                return None  # no day to place the week on
            weeks.append((start, []))
        weeks[-1][1].append(record)
    records: list[list[str]] = []
    beside: list[str] = []
    for first, rows in weeks:
        times = [read_times(plain(r[0])) if r else None for r in rows]
        for column, weekday in columns:
            day = first + timedelta(days=(weekday - first.weekday()) % 7)
            records.append([f"{day:%A, %B} {day.day}, {day.year}"])
            for n, (row, read) in enumerate(zip(rows, times, strict=True)):
                cell = row[column + 1] if column + 1 < len(row) else ""
                said = [c for c in row if plain(c)]
                if read is not None:
                    if plain(cell):
                        records.append([row[0], cell])
                elif len(said) == 1 and plain(row[0]) and column == columns[0][0]:
                    pass  # a break: below
                elif plain(cell):
                    beside.append(f"{day:%A}: {plain(cell)}")
                if read is None and len(said) == 1 and plain(row[0]):
                    above = next((t for t in reversed(times[:n]) if t is not None), None)
                    below = next((t for t in times[n + 1:] if t is not None), None)
                    if above is not None and above[1] is not None and below is not None:
                        records.append([f"{above[1]} - {below[0]}", row[0]])
                    elif column == columns[0][0]:
                        beside.append(plain(row[0]))
    return records, beside


def _week_period(line: str, year: int | None) -> date | None:
    """The first day of the week a row names ("Week 1 (September 18-22)", "Week of June 13,
    2022"), or None."""
    inner = re.search(r"\(([^()]{4,60})\)", line)
    for text in ([inner.group(1)] if inner else []) + [re.sub(r"^\W*week\s*\d*\W*(?:of\s+)?",
                                                               "", line, flags=re.I)]:
        found = parse_free_date(text.strip(" *_:,."), year)
        if found is not None:
            return found.first
    return None


def _day_row(line: str, year: int | None) -> tuple[date, str] | None:
    """The day a row of a program names, and the place it names after it, if any ("Monday,
    May 5", "Day 2 - Tuesday, May 6, 2024", "Friday March 27th (Building B, Theater 8)"), in
    ``year`` when it writes none; None for any other row."""
    if len(line) > 120 or read_times(line) is not None:
        return None
    text = re.sub(r"^\s*day\s*\d{1,2}\s*[-:,\u2013\u2014]?\s*", "", line.strip(" *:"), flags=re.I)
    place = ""
    bracket = re.search(r"\s*\(([^()]{1,80})\)\s*$", text)
    if bracket is not None:  # "(Hall B)" a place; "(all times EDT)" the times' zone
        text = text[:bracket.start()]
        place = "" if says_zone(plain(bracket.group(1))) else bracket.group(1).strip()
    found = parse_free_date(text.strip(" ,.:"), year)
    if found is not None and found.first == found.last and len(text) <= 60:
        return found.first, place
    placed = None if place else _day_then_place(text, year)  # "Friday, May 6, Hall B"
    return placed


def _timed_starts(block: Block) -> bool:
    """Whether a block is a program under a heading of no kind ("Day 1", "Overview"): three
    records or more, each a time and then words ("| 9:00 | Opening |"), in the order of
    their times."""
    lines = [plain(" ".join(record)) for record in block.records[:200]]
    times = [read_times(line) for line in lines]
    if len(lines) < _TIME_RANGES or any(t is None or not lines[n][t[2]:].strip(" |:-")
                                        for n, t in enumerate(times)):
        return False
    starts = [t[0] for t in times if t is not None]
    return starts == sorted(starts)


# The next item of a list right after the end of a block: the rest of a list whose first
# items were read (its dates)
_RIGHT_UNDER = re.compile(r"\n(?=(?:[-*+]|\d{1,3}[.)])\s)")


def _dates_apart(text: str, block: Block, year: int | None,
                 shapes: tuple[str, ...] = ("paragraphs",)) -> list[Block]:
    """A run of paragraphs, or a list, that starts or ends with two or more date lines as
    two blocks, the dates and the rest: "... in person at the event.", then "**Submission
    deadline: 6 March 2023**", "**Notification: 8 March 2023**"; or a call's list whose
    first items are its dates ("- Paper submission: May 1, 2024", "- Camera-ready: to be
    announced"), then "- Submission link: ...". Any other block as it is."""
    if block.shape not in shapes or len(block.records) < 3:
        return [block]

    records = block.records
    # each record read once: a date, or a day not set yet ("to be announced")
    dated = [parse_date_line(plain_keep_struck(" ".join(r)), year) is not None for r in records]
    said = [d or pending_line(plain(" ".join(r))) is not None
            for d, r in zip(dated, records, strict=True)]
    head = 0
    while head < len(records) and said[head]:
        head += 1
    tail = 0
    while tail < len(records) and len(records[-1 - tail]) == 1 and said[-1 - tail]:
        tail += 1
    if 0 < head < len(records) and sum(dated[:head]) >= 2 and not any(dated[head:]):
        split = head  # the dates first, then the rest
    elif 0 < tail < len(records) and sum(dated[-tail:]) >= 2 and not any(said[:-tail]):
        split = len(records) - tail  # the rest, then the dates
    else:
        return [block]  # dates all through, or none: one block, read as one
    at = text.find(records[split][0][:80], block.start, block.end)
    if at < 0:
        return [block]
    before = text.rfind("\n", block.start, at)
    cut = before if before > block.start else at
    return [Block(block.start, cut, records[:split], block.shape),
            Block(cut, block.end, records[split:], block.shape)]


def _mostly_dates(block: Block, heading: str, year: int | None) -> bool:
    """Whether a block under a heading of no kind is a list of dates all the same: three
    lines or more that are a label and a date, more than half of its lines (not a list of
    news, each a day and what happened), or two that each name a step of a call ("Submission
    deadline", "Acceptance notification")."""
    records = block.records
    if len(records) < 2 or len(records) > 60 or _NEWS.search(heading):
        return False
    dated = [parse_date_line(plain_keep_struck(": ".join(c for c in r if plain(c))), year)
             for r in records]
    steps = sum(d is not None and _STEP_WORDS.search(d.label) is not None for d in dated)
    if len(records) == 2:  # "Submission deadline: 6 March 2023", "Notification: 8 March"
        return steps == 2
    if steps >= 2 and all(d is not None or pending_line(plain(" ".join(r))) is not None
                          for d, r in zip(dated, records, strict=True)):
        return True  # the steps of a call, one not set yet ("Camera-ready: to be announced")
    count = sum(d is not None for d in dated)
    return count >= 3 and count * 2 > len(records)


# Words of a step of a call for papers, which two date lines in a row each name
_STEP_WORDS = re.compile(r"\b(?:submi\w*|deadline|notif\w*|camera|acceptance|decision|"
                         r"registration|abstracts?|papers?|workshop)\b", re.I)


def _read_block(block: Block, heading: Heading, where: str, result: Recognized,
                keys: set[str], year: int | None, day: date | None,
                papers_path: Callable[[str], str],
                file_link: Callable[[str], str | None] | None = None,
                before: date | None = None) -> str | None:
    """The call for ``block`` if it reads as its heading's kind; ``before``: the last day the
    page names before it, for slots whose heading and page give none."""
    kind = heading.kind
    if kind != "people" and block.shape == "a table" and \
            any(_pictures_alone(r) for r in block.records):  # a row of logos: no record
        block = replace(block, records=[r for r in block.records if not _pictures_alone(r)])
    if block.shape == "a line of names" and kind != "people":
        return None  # names in a paragraph are people, or what the paragraph says
    # one record is no list (a line of names is many), but one timed line ("* 10:30am -
    # 10:50am, Morning Break") between parts of a program read above goes on it
    if len(block.records) < 2 and kind != "dates" and block.shape != "a line of names" and not (
            kind == "slots" and result.slots and block.records
            and read_times(plain(block.records[0][0])) is not None):
        return None
    if kind == "people":
        # "Ada Quill, Bo Fern, Cy Moss, ...": a paragraph of names, a record per name
        if block.shape == "a table" and (grid := _picture_grid(block.records)) is not None:
            block = replace(block, records=grid)  # a grid of pictures over names
        else:
            block = replace(block, records=[[name] for record in block.records
                                            for name in (_name_list(record) or [record[0]])]
                            if any(_name_list(r) for r in block.records) else block.records)
        block, roles = _named_columns(block)
        people, bad = _people_of(block)
        for person, role in zip(people, (r for n, r in enumerate(roles, 1) if n not in bad),
                                strict=False):
            if role and "role" not in person:
                person["role"] = role
        # lines before the first name ("(In alphabetical order)") stay, as text above
        above = [plain(" ".join(block.records[n - 1])) for n in bad] \
            if bad and bad == list(range(1, len(bad) + 1)) and \
            len(people) >= max(3, 2 * len(bad)) else []
        if bad and not above:
            _keep(result, where, block, bad, "is not a name (and an affiliation)")
            return None
        key = _unique(_slug(heading.text), keys, result.counters)
        found, repeated = each_once(people)  # the source named someone twice in one list
        if repeated:
            result.kept.append(f"{where}: named twice, shown once: {', '.join(repeated)[:200]}")
        result.rosters[key] = found
        result.last_roster = key
        pictures = any("image" in p for p in found)
        # the list of names, unless it would leave out what was read ("Exceptional", a role)
        layout = "compact" if any(field in p for p in found for field in LAYOUT_OMITS["names"]
                                  if field != "image") else "names"
        call = f'<< team("{key}") >>' if pictures else f'<< team("{key}", "{layout}") >>'
        result.read.append(f"{where} -> {call} ({len(found)} people"
                           + (f"; kept as text above it: {'; '.join(above)[:200]}"
                              if above else "") + ")")
        # a line of names right under the line that leads to it: a blank line between, so
        # that the call is a block of its own
        lead = "\n" if block.shape == "a line of names" else ""
        return lead + "\n\n".join(part for part in (_text_list(above), call) if part)
    if kind == "papers":
        missing: list[str] = []
        column = authors_column(block.records)
        papers = [_fits(Paper, read_paper(r, file_link, missing, column))
                  for r in block.records]
        bad = [n for n, p in enumerate(papers, 1) if p is None]
        # lines before the first paper ("* The numbers are the poster spots") stay, as text
        # above the list
        leading = len(bad) if bad and bad == list(range(1, len(bad) + 1)) and \
            len(papers) - len(bad) >= max(3, 2 * len(bad)) else 0
        above = [plain(" ".join(r)) for r in block.records[:leading]]
        papers, bad = papers[leading:], [n - leading for n in bad[leading:]]
        # lines after the last paper ("* Equal contribution") stay, as text under the list
        trailing = len(bad) if bad and bad == list(range(bad[0], len(papers) + 1)) else 0
        titles_only = False
        if bad and (not trailing or (len(papers) - trailing) < max(2, 2 * trailing)):
            titles = _titles(block)
            if titles is None:
                _keep(result, where, block, bad, "is not a title and its authors (with a "
                      "link, if any, to a web address: a papers file names no file of the "
                      "site)")
                return None
            papers, titles_only, trailing = titles, True, 0
        read = [p for p in papers if p is not None]
        after = [plain(" ".join(r)) for r in block.records[leading + len(read):]]
        name = _unique(_slug(heading.text), result.paper_names, result.counters)
        path = papers_path(name)
        result.papers[path] = read
        call = f'<< papers("{path}") >>'
        result.read.append(
            f"{where} -> {call} ({len(read)} papers"
            + (f"; links to PDFs the source does not have, left out: {', '.join(missing)[:300]}"
               if missing else "")
            + ("; titles only: the source names no authors" if titles_only else "")
            + (f"; kept as text above it: {'; '.join(above)[:200]}" if above else "")
            + (f"; kept as text under it: {'; '.join(after)[:200]}" if after else "") + ")")
        return "\n\n".join(part for part in (_text_list(above), call, _text_list(after))
                             if part)
    if kind == "slots":
        # the day the section names, or a line of it above the block ("Day 2: Friday,
        # December 11"), or its number ("Day 2": the workshop's second), before the
        # workshop's first day
        when = _day_of(heading.text, year) or before or nth_day(heading.text, day) or day
        # a page's one program of no day yet ("July 10 or 11"): its times, the day to come
        undated = when is None and not result.slots
        if (when is None and result.slots) or (when is not None and result.undated):
            unplaced = _program_of(block, UNDATED)  # would it be a program?
            if not isinstance(unplaced, _NoProgram):
                result.kept.append(
                    f"{where}: {len(unplaced[0])} slots kept as written: "
                    + ("the program above names no day" if result.undated else
                       "no day, after a program above that has one")
                    + " (write the day in the heading)")
            return None
        # a week at a glance: a column per day, a row per time
        week = _week_grid(block, when, year)
        beside: list[str] = []
        if week is not None:
            block, beside = replace(block, records=week[0]), week[1]
            undated = False
        program = _program_of(block, when or UNDATED, least=1 if result.slots else 2, year=year)
        if isinstance(program, _NoProgram):
            if len(block.records) > 1:  # one line that is no slot is text, and no list
                _keep(result, where, block, program.bad, program.why)
            return None
        made, talks, unread = program
        unread = [*unread, *beside]
        if undated and all(slot.get("day") == UNDATED.isoformat() for slot in made):
            for slot in made:
                slot.pop("day", None)
        elif undated:  # its rows name its days ("| **Monday, May 5** | |"): they are its days
            undated = False
            made = [slot for slot in made if slot.get("day") != UNDATED.isoformat()] or made
        last = result.slots[-1] if result.slots and result.slots[-1].get("day") == \
            made[0].get("day") else None  # the program above, when this block goes on its day
        slips: list[str] = []
        afternoon: list[str] = []
        for _day, of_day in groupby(made, key=lambda slot: slot.get("day")):
            slots_of_day = list(of_day)  # each day's times read apart
            slips += read_slips(slots_of_day, last if slots_of_day[0] is made[0] else None)
            afternoon += read_afternoon(slots_of_day)
        starts = [(str(s.get("day", "")), s["start"]) for s in made]
        if starts != sorted(starts):
            # a row that starts a few minutes before the one above it (a session written
            # to start with its second part): put in order; more is a misreading
            slips_back = [(a, b) for a, b in pairwise(made)
                          if (str(a.get("day", "")), a["start"]) > (str(b.get("day", "")),
                                                                   b["start"])]
            if not all(a.get("day") == b.get("day") and 0 < (clock_minutes(a["start"]) or 0)
                       - (clock_minutes(b["start"]) or 0) <= _OUT_OF_ORDER
                       for a, b in slips_back):
                _keep(result, where, block, [], "its times are not in order")
                return None
            made.sort(key=lambda s: (str(s.get("day", "")), s["start"]))
            result.kept.append(f"{where}: rows a few minutes out of order, put in the order "
                               "of their times: " + "; ".join(
                                   f"'{b['title']}' ({b['start']}) was under '{a['title']}' "
                                   f"({a['start']})" for a, b in slips_back)[:300])
        mark_overlaps(made)  # once its times are read as the day runs, and in order
        place = _place_of(heading.text, year)
        if place:  # "Oct 10, Room B": the room of each of its slots
            for slot in made:
                slot.setdefault("room", place)
        joins = bool(result.slots)  # the page's program is shown once, where it starts
        join_program(result.slots, made)
        result.undated = undated
        result.read.append(
            f"{where} -> " + ("its slots join the program above" if joins else
                              "<< schedule() >>")
            + f" ({len(made)} slot{'' if len(made) == 1 else 's'}, "
            # the days its slots are on: the heading's, or those its rows name
            + (", ".join(days) if (days := sorted({
                str(s["day"]) for s in made if s.get("day")
                and s["day"] != UNDATED.isoformat()})) else _NO_DAY)
            + (f"; {talks} lines without a time listed as talks (or abstracts) of the slot "
               "above them"
               if talks else "")
            + (f"; kept as text under it: {'; '.join(unread)[:200]}" if unread else "")
            + (f"; read as afternoon times, in the order the program lists them: "
               f"{', '.join(afternoon)}" if afternoon else "")
            + (f"; read as morning times (an evening time in a day's morning): "
               f"{', '.join(slips)}" if slips else "") + ")")
        return "\n\n".join(part for part in ("" if joins else "<< schedule() >>",
                                             _text_list(unread)) if part)
    if kind == "dates":
        if block.shape == "a table" and len(block.records) > 1 and \
                _dates_header(block.records[0]):  # "| Event | Date |" as a row: names
            block = replace(block, header=tuple(block.records[0]), records=block.records[1:])
        lines = []
        turned = []  # a row of two cells, the date first: its label first
        parsed: list[DateLine | None] = []
        for record in block.records:
            cells = [c for c in record if plain(c)] or record[:1]  # an empty cell says nothing
            joined = ": ".join(_struck(c) for c in cells) if len(cells) > 1 else \
                _struck(cells[0])
            lines.append(joined)
            turned.append(f"{_struck(cells[1])}: {_struck(cells[0])}" if len(cells) == 2
                          else joined)
            read_line = parse_date_line(plain_keep_struck(joined), year)
            if read_line is None and len(cells) > 2:  # "| Submission | May 1, 2024 | 23:59 AoE |":
                # the label, then a date written over cells
                read_line = parse_date_line(plain_keep_struck(
                    f"{_struck(cells[0])}: " + " ".join(_struck(c) for c in cells[1:])), year)
            parsed.append(read_line)
        # a line whose day is not known yet ("Notification: TBA", "| April 26 or 27, 2026 |
        # Workshop |") is an entry of its own
        pending = {n: said for n, p in enumerate(parsed, 1)
                   if p is None and (said := pending_line(plain(lines[n - 1])) or
                                     pending_line(plain(turned[n - 1]))) is not None}
        bad = [n for n, p in enumerate(parsed, 1) if p is None and n not in pending]
        # A line that is no date ("Workshop: 23 September @INLG, Tokyo") stays under the
        # dates, as text, when most lines are dates; a block of few dates is not a list of them.
        # a table's first row that is no date, over two dates or more ("| **Deadlines
        # (AoE)** | |"): its caption, kept as text above them
        caption = bad == [1] and block.shape == "a table" and len(parsed) - len(pending) >= 3
        if len(bad) * 2 > len(parsed) or (bad and block.shape == "a table" and not caption) or \
                len(bad) + len(pending) == len(parsed):
            _keep(result, where, block, sorted([*bad, *pending]), "is not a label and a date")
            return None
        for n, (line, p) in enumerate(zip(lines, parsed, strict=True), 1):
            if p is not None:
                result.dates.append((plain(line), p))
            elif n in pending:
                result.pending.append((len(result.dates), *pending[n]))
        above = [plain(lines[0])] if caption else []
        kept = [plain(lines[n - 1]) for n in bad if not caption]
        waiting = [f"{label}: {words}" for label, words in pending.values()]
        result.read.append(f"{where} -> << dates() >> ({len(parsed) - len(bad)} dates"
                           + (f"; with no day yet: {'; '.join(waiting)[:200]}" if waiting
                              else "")
                           + (f"; kept as text above it: {above[0][:200]}" if above else "")
                           + (f"; kept as text under it: {'; '.join(kept)[:200]}" if kept
                              else "") + ")")
        return "\n\n".join(part for part in (
            "\n\n".join(markdown_paragraph(line) for line in above), "<< dates() >>",
            _text_list(kept))
            if part)
    return None


def _text_list(lines: list[str]) -> str:
    """Lines of the source kept as text beside a call the import wrote, as a Markdown list:
    markup and template delimiters escaped."""
    return "\n".join(f"- {html_text(line)}" for line in lines)


# A line of a program with a time not yet set or not readable: not a talk of the slot above.
_UNTIMED = re.compile(r"^\W*(?:\d{1,2}\s*[:.h]\s*\d{2}|\d{1,2}\s*[ap]\.?m\b|TB[AD]\b|"
                      r"HH\b|XX\b|\?)", re.I)


@dataclass
class _NoProgram:
    bad: list[int]  # the records that do not read
    why: str


_TALK = 300  # characters: a longer line under a slot is its abstract, not a talk
_TALK_ROW = 1_000  # characters: a row of a session's paper (its title, its many authors)
# A slot that is a session of talks or papers, whose rows under it are its talks
_SESSION = re.compile(r"\b(?:sessions?|talks|papers|orals?|spotlights?|posters?|"
                      r"presentations|lightning)\b", re.I)


def _talk_line(record: list[str]) -> str:
    """A row of a session's talk as one line, its lines (cells, and lines of a cell split by
    ``<br>``) joined by dashes: "Counting owls — Ada Quill (North University)"."""
    parts = [plain(piece) for cell in record for piece in _BREAK.split(cell)]
    return " — ".join(part for part in parts if part)


def _end_column(block: Block) -> Block:
    """A table whose second column is its rows' ends ("| 8:40am | 9:40am | Keynote |"), its
    two times made one range; each row's end at or before the next row's start, but for one
    slip (a second column of the same times in another zone runs hours ahead of the rows
    under it: it stays what it was)."""
    def alone(cell: str) -> str | None:
        text = plain(cell)
        times = read_times(text) if _TIMES.fullmatch(text) else None
        return times[0] if times is not None and times[1] is None else None
    pairs = [(n, start, end) for n, record in enumerate(block.records) if len(record) >= 3
             and (start := alone(record[0])) is not None and (end := alone(record[1]))]
    if len(pairs) < 2:
        return block
    slips = sum(1 for (_n, _s, end), (_m, later, _e) in pairwise(pairs) if end > later)
    backwards = sum(1 for _n, start, end in pairs if end <= start)
    if slips + backwards > (1 if len(pairs) >= 3 else 0):
        return block
    records = list(block.records)
    for n, record in enumerate(records):
        if len(record) >= 3 and alone(record[0]) is not None and (
                alone(record[1]) is not None or not plain(record[1])):
            both = f"{plain(record[0])} - {plain(record[1])}" if plain(record[1]) \
                else record[0]
            records[n] = [both, *record[2:]]
    return replace(block, records=records)


def _program_of(block: Block, when: date, least: int = 2, year: int | None = None
                ) -> tuple[list[dict[str, Any]], int, list[str]] | _NoProgram:
    """The slots of a block on day ``when``, how many lines without a time became talks (or
    the abstract) of the slot above them ("- Title, Authors" under a session), and the lines
    kept as text (a time not set yet: "TBD", "HH:MM"); a row of its own saying "PM" puts
    the times under it after noon; or, when the block is no program (fewer than ``least``
    slots, more lines unread than read, or a line before its first time), the records that
    do not read and why."""
    block = _end_column(block)
    made: list[dict[str, Any]] = []
    unread: list[str] = []
    untimed: list[int] = []  # the records that are no slot: talks, and lines kept as text
    talks = 0
    headings: list[tuple[int, dict[str, Any]]] = []  # (the slot after it, its slot)
    afternoon = False  # under a row "PM": times before noon are the afternoon's
    columns: list[str] = []  # the names of a table's columns, from a row of them
    room = ""  # the place a row naming the day gives its slots
    ahead: list[str] = []  # rows of what to do before the first slot ("Before")
    # rows whose time cell is empty, since the last slot: the headings of the sessions after
    # them ("| | Morning session |") or the talks of the session above them
    waiting: list[dict[str, Any]] = []

    def settle() -> None:
        nonlocal talks
        if made and waiting and _CHAIR_LINE.match(made[-1]["title"]) and waiting[0]["bold"]:
            # "| 14:50 - 15:50 | *Session Chair: Ada Quill* |" over "| | **Session: Owls** |":
            # the session's name is its title, its chair with it
            chair = made[-1]["title"]
            made[-1]["title"] = waiting.pop(0)["heading"]["title"]
            before = made[-1].get("abstract")
            made[-1]["abstract"] = f"{chair}\n\n{before}" if before else chair
        if made and (len(waiting) >= 2 or (waiting and _SESSION.search(made[-1]["title"]))) \
                and all(len(row["talk"]) <= _TALK_ROW for row in waiting):
            # a session's papers, row after row ("Session 1: Sensing", then its papers), a
            # row in italics the authors of the paper above it
            lines: list[str] = []
            authorless = False  # the last line is a title, which may take the row under it
            for row in waiting:
                if row["italic"] and authorless:
                    lines[-1] += f" \u2014 {row['talk']}"
                    authorless = False
                else:
                    lines.append(row["talk"])
                    authorless = not row["italic"]
            made[-1].setdefault("talks", []).extend(lines)
            talks += len(waiting)
        else:
            for row in waiting:
                if len(row["heading"]["title"]) <= _TALK:
                    headings.append((len(made), row["heading"]))
                    continue
                untimed.append(row["row"])  # a paragraph: the slot's abstract (Markdown)
                paragraph = markdown_paragraph(row["heading"]["title"])
                before = made[-1].get("abstract")
                made[-1]["abstract"] = f"{before}\n\n{paragraph}" if before else paragraph
                talks += 1
        waiting.clear()

    for n, record in enumerate(block.records, 1):
        slot = _fits(Slot, _by_columns(record, columns, when) if len(record) == len(columns)
                     else read_slot(record, when))
        if slot is not None:
            settle()
            if afternoon:
                _after_noon(slot)
            if room:
                slot.setdefault("room", room)
            made.append(slot)
            continue
        line = plain(" ".join(record))
        if line and _header_row(record):  # "| **Time** | **Speaker** | **Title** |"
            columns = [column_name(cell) for cell in record]
            continue
        if not line:
            continue
        if (named := _day_row(line, year if when == UNDATED else when.year)) is not None:
            # "| **Monday, May 5** | |": the day of the rows under it, and their place
            settle()
            when, room = named
            continue
        if not made and len(record) >= 2 and _AHEAD.fullmatch(plain(record[0])):
            # "| Before | Pre-workshop survey |": what to do before the first slot, kept as
            # text under the program
            ahead.append(line)
            continue
        if _HALF_DAY.fullmatch(line):  # "| PM |" over the afternoon's rows
            afternoon = line.lower().startswith(("p", "after"))
            continue
        if len(record) >= 2 and not plain(record[0]) and (len(line) <= _TALK or made) and \
                (not _CONTINUED.match(record[1]) or waiting):
            # "| | Morning session |": a row of sessions' headings, its time cell empty: it
            # starts with the slot after it; or a session's talk (see settle); a row in
            # italics among them, the authors of the talk above
            heading = {"title": line} | ({"url": url} if (url := session_link(record)) else {})
            waiting.append({"heading": heading, "talk": _talk_line(record), "row": n,
                            "italic": bool(_CONTINUED.match(record[1])),
                            "bold": bool(_BOLD_START.match(record[1]))})
            continue
        if not made and len(line) <= _TITLE_LINE and not _UNTIMED.match(line) and \
                not untimed and block.shape == "a definition list":
            # the definition before the first time (": Educational tutorials (Chair: Yi
            # Ma)"): the session's name, at the time of the slot after it
            headings.append((0, {"title": line}))
            continue
        untimed.append(n)
        if made and not _UNTIMED.match(line) and len(line) <= _TALK:
            made[-1].setdefault("talks", []).append(line)
            talks += 1
        elif made and not _UNTIMED.match(line):  # a paragraph: the slot's abstract (Markdown)
            before = made[-1].get("abstract")
            made[-1]["abstract"] = f"{before}\n\n{markdown_paragraph(line)}" if before else \
                markdown_paragraph(line)
            talks += 1
        else:
            unread.append(line)
    settle()
    if len(made) < least or len(unread) > len(made) or (untimed and untimed[0] == 1):
        return _NoProgram(untimed, "does not start with a time")
    unread = [*ahead, *unread]
    for at, heading in reversed(headings):
        if at < len(made):
            made.insert(at, {k: v for k, v in made[at].items() if k in ("day", "start")} |
                        heading)
        else:  # after the last slot: a line of it
            made[-1].setdefault("talks", []).append(heading["title"])
            talks += 1
    for slot in made:  # an abstract longer than a page reads as Markdown stays text
        if len(slot.get("abstract", "")) > MAX_CHARS:
            unread.append(plain(slot.pop("abstract")))
    refused = [n for n, slot in enumerate(made, 1) if _fits(Slot, slot) is None]
    if refused:  # talks the model refuses (too many, too long)
        return _NoProgram([], f"slot {refused[0]} with its talks is not a slot the page can show")
    return made, talks, unread


# A row's first cell saying it comes before the program ("Before", "Pre-workshop")
_AHEAD = re.compile(r"(?:before(?:hand)?|prior|ahead|in advance|pre[- ]?(?:workshop|event|"
                    r"course)|preparation)(?:\s+the\s+(?:workshop|event|course))?", re.I)
# A row that names the half of the day the rows under it are in ("AM", "Afternoon")
_HALF_DAY = re.compile(r"(?:[ap]\.?m\.?|morning|afternoon)(?:\s+(?:session|program|part))?",
                       re.I)
# A row that goes on the slot above it: indented, or all in italics ("| | *A talk's title*")
_BOLD_START = re.compile(r"\s*(?:\*\*|__|<(?:b|strong)>)", re.I)
_CHAIR_LINE = re.compile(r"\s*(?:session\s+)?chairs?\s*:", re.I)
_CONTINUED = re.compile(r"\s*(?:&nbsp;|\u00a0|<(?:i|em)>|\*(?!\*)|_(?!_))", re.I)


_TITLE_LINE = 120  # characters: a longer line before a program's first time is no title

_HEADER_WORDS = frozenset({"time", "times", "when", "hour", "hours", "speaker", "speakers",
                           "title", "event", "session", "topic", "talk", "organization",
                           "affiliation", "room", "location", "presenter", "presenters",
                           "program", "programme", "activity", "agenda", "description",
                           "details", "type", "chair", "who", "what", "where", ""})


_SPEAKER_COLUMNS = ("speaker", "speakers", "presenter", "presenters", "who")
_TITLE_COLUMNS = ("title", "talk", "topic", "event", "session", "what", "activity")


def _by_columns(record: list[str], columns: list[str], day: date | None) -> dict[str, Any] | None:
    """A slot of a table row read by its columns' names: the time's, the title's first,
    then the others; the speaker's column its speakers (names apart at "&", "and", ",")."""
    time = next((i for i, name in enumerate(columns) if name in ("time", "times", "when",
                                                                 "hour", "hours")), None)
    title = next((i for i, name in enumerate(columns) if name in _TITLE_COLUMNS), None)
    speaker = next((i for i, name in enumerate(columns) if name in _SPEAKER_COLUMNS), None)
    if time is None or title is None or speaker is None:
        return read_slot(record, day)
    names = [n.strip() for n in re.split(r"\s*(?:&|,|;|\band\b)\s*", plain(record[speaker]))]
    if not all(person_name(n) for n in names if n):
        return read_slot(record, day)
    others = [cell for i, cell in enumerate(record) if i not in (time, title, speaker)]
    slot = read_slot([record[time], record[title] or record[speaker], *others], day)
    if slot is not None and record[title] and any(names):
        # what the other columns said that read as a name (an institution's) stays in the title
        extra = [n for n in slot.get("speakers", []) if n not in names]
        if extra:
            slot["title"] = " \u2014 ".join([slot["title"], *extra])
        slot["speakers"] = [n for n in names if n]
    return slot


def column_name(cell: str) -> str:
    """A column's name as a program's header writes it, without what says more of it: "Start
    Time (CST/GMT-06:00, New Orleans)" is "time", "Speaker(s)" is "speaker"."""
    name = re.sub(r"\([^()]{0,80}\)", "", plain(cell)).lower().strip(" :*")
    return re.sub(r"^(?:start|starting|local)\s+(?=time)", "", name).strip()


def _header_row(record: list[str]) -> bool:
    """Whether a program's record is a row of column names ("Time | Speaker | Title")."""
    words = [column_name(cell) for cell in record]
    return len(words) >= 2 and all(w in _HEADER_WORDS for w in words) and \
        any(w in ("time", "times", "when", "hour", "hours") for w in words)


_DATE_HEADER_WORDS = frozenset({"event", "events", "date", "dates", "deadline", "deadlines",
                                "milestone", "milestones", "what", "when", "description",
                                "item", "task", "activity", "day", "time", "important dates",
                                "key dates", "due", "due date", "step", ""})


def _dates_header(record: list[str]) -> bool:
    """Whether a table of dates' first record is a row of its column names ("| Event |
    Date |", "| What | When (AoE) |")."""
    # each cell a name and nothing more: "| Deadlines (AoE) |" says more, a caption's
    words = [plain(cell).lower().strip(" :*") for cell in record]
    return len(words) >= 2 and all(w in _DATE_HEADER_WORDS for w in words) and \
        any(w in ("date", "dates", "when", "deadline", "deadlines", "day", "due", "due date")
            for w in words)


def _after_noon(slot: dict[str, Any]) -> None:
    """``slot``'s times on a 12-hour clock after noon, where they read as morning."""
    for key in ("start", "end"):
        clock = slot.get(key)
        if clock is not None and "01:00" <= clock < "12:00":
            slot[key] = f"{int(clock[:2]) + 12:02d}{clock[2:]}"


_AFTER = 4 * 60  # how far after the slot above a time read as afternoon may start, minutes
_OUT_OF_ORDER = 15  # minutes a row may start before the one above it and still be put in order


def clock_minutes(clock: object) -> int | None:
    """A time as slots are written (``"09:30"``, ``"9:30"``) in minutes after midnight, or
    None when ``clock`` is not one."""
    found = re.fullmatch(r"(\d{1,2}):(\d\d)", clock) if isinstance(clock, str) else None
    return int(found.group(1)) * 60 + int(found.group(2)) if found else None


def _minutes(clock: str) -> int:
    """:func:`clock_minutes` of a time this module wrote itself (always a time)."""
    found = clock_minutes(clock)
    assert found is not None, clock
    return found


def read_slips(made: list[dict[str, Any]], above: dict[str, Any] | None = None) -> list[str]:
    """A slot that starts twelve hours or more after the one before it, and would start at
    most four hours after it twelve hours earlier ("10:15--10:45PM" after "9:45--10:15AM"):
    the source's slip of AM for PM, read twelve hours earlier. ``above``: the slot before
    the first (the program this block goes on). Changes ``made``; returns each changed
    time as "22:15 -> 10:15"."""
    changed: list[str] = []
    before = above
    for slot in made:
        if before is not None:
            start, previous = _minutes(slot["start"]), _minutes(before["start"])
            if start - previous >= 12 * 60 and 0 <= start - 12 * 60 - previous <= _AFTER:
                for key in ("start", "end"):
                    clock = slot.get(key)
                    if clock is not None and _minutes(clock) >= 12 * 60:
                        moved = f"{_minutes(clock) // 60 - 12:02d}:{clock[3:]}"
                    elif key == "end" and clock is not None and clock.startswith("00:"):
                        moved = f"12:{clock[3:]}"  # "11:15 PM - 12:30 AM": 11:15 to 12:30
                    else:
                        continue
                    changed.append(f"{clock} -> {moved}")
                    slot[key] = moved
        before = slot
    return changed


def read_afternoon(made: list[dict[str, Any]]) -> list[str]:
    """Times a program writes on a 12-hour clock without saying afternoon ("12:30 | Lunch",
    then "1:30 | Keynote"; "12:30AM" after "11:30 AM"), read as afternoon where that keeps
    the slots in the order listed and a slot starts at most four hours after the one above:
    a time further back (a second track starting over), or a range whose end already reads
    as afternoon ("11:30 - 13:00"), stays as written. One time between two others that
    is twelve hours off ("11:15--11:30PM" between 10:45 and 11:30) is read twelve hours
    earlier. Changes ``made``; returns each changed time as "01:30 -> 13:30"."""
    changed: list[str] = []
    noon = 12 * 60

    def shift(slot: dict[str, Any], hours: int) -> None:
        for key in ("start", "end"):
            clock = slot.get(key)
            if clock is not None and (_minutes(clock) < noon) == (hours > 0):
                moved = f"{_minutes(clock) // 60 + hours:02d}:{clock[3:]}"
                changed.append(f"{clock} -> {moved}")
                slot[key] = moved

    for n in range(1, len(made) - 1):  # one slot twelve hours after both its neighbours
        first, middle, last = (_minutes(made[i]["start"]) for i in (n - 1, n, n + 1))
        if middle >= noon and first <= middle - noon <= last < middle:
            shift(made[n], -12)
            end = made[n].get("end")
            if end is not None and end.startswith("00:"):  # "11:15 PM - 12:30 AM": its end too
                changed.append(f"{end} -> 12:{end[3:]}")
                made[n]["end"] = f"12:{end[3:]}"
    for above, here in pairwise(made):
        start, previous = _minutes(here["start"]), _minutes(above["start"])
        end = here.get("end")
        if start >= previous or start >= noon or not (
                0 <= start + noon - previous <= _AFTER) or (
                end is not None and _minutes(end) >= noon):
            continue
        shift(here, 12)
    return changed


def _unique(base: str, taken: set[str], counters: dict[str, int]) -> str:
    """``base``, or ``base_2``, ``base_3``... the first not ``taken`` (which gains it);
    counted on from the last number given for ``base``, so a page of many "Speakers"
    sections stays linear."""
    key, n = base, counters.get(base, 2)
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    counters[base] = n
    taken.add(key)
    return key


_LIST, _MOSTLY = 5, 0.8  # records of a list; the share of them read as names by the strict rule


def _people_of(block: Block) -> tuple[list[dict[str, Any]], list[int]]:
    """The people of a block, and the records that are none. Lines separated by ``<br>`` are
    cards: a name, then up to two lines of who they are ("Univ A", "Professor of X"), read
    as the affiliation."""
    people: list[dict[str, Any]] = []
    bad: list[int] = []
    attached = 0
    read = read_card if block.shape in ("cards", "items") else None
    strict = [_fits(Person, read(record[0]) if read else read_person(record))
              for record in block.records]
    # In a long list of names, one written in lower case ("Li cheng") is a name too.
    lenient = read is None and len(strict) >= _LIST and \
        sum(p is not None for p in strict) >= _MOSTLY * len(strict)
    for n, record in enumerate(block.records, 1):
        person = strict[n - 1] or (_fits(Person, read_person(record, lenient=True))
                                   if lenient else None)
        if person is not None:
            people.append(person)
            attached = 0
            continue
        line = plain(" ".join(record))
        if block.shape.startswith("lines") and people and attached < 2 and 0 < len(line) <= 150 \
                and not _TIMES.match(line):
            last = people[-1]
            last["affiliation"] = f"{last['affiliation']}, {line}" if "affiliation" in last \
                else line
            attached += 1
            continue
        bad.append(n)
    return people, bad


# Columns of a table of people by their names: the first and last names, and a column of
# marks ("| First Name | Last Name | Organization | Exceptional |", "✅" or empty)
_FIRST_NAME = re.compile(r"\s*(?:first|given|fore)\s*name\s*", re.I)
_LAST_NAME = re.compile(r"\s*(?:last|family|sur)\s*name\s*", re.I)
_MARK = re.compile(r"\s*(?:[\u2713\u2714\u2705\u2611\u2605x]|yes|:(?:white_check_mark|"
                   r"heavy_check_mark|ballot_box_with_check|star):)\s*", re.I)


def _named_columns(block: Block) -> tuple[Block, list[str]]:
    """A table of people whose header names its columns: the first and last names joined
    into one cell ("Ada", "Quill" as "Ada Quill"), and a column of marks, each mark the
    column's name as the person's role ("Exceptional"); the block and each record's role.
    Any other block as it is, with no roles."""
    header = [plain(cell) for cell in block.header]
    none: list[str] = [""] * len(block.records)
    if block.shape != "a table" or len(header) < 2 or \
            any(len(r) > len(header) for r in block.records):
        return block, none
    # a row may end before its last cells (no pipe after an empty one): they are empty
    padded = [[*r, *[""] * (len(header) - len(r))] for r in block.records]
    first = next((n for n, h in enumerate(header) if _FIRST_NAME.fullmatch(h)), None)
    last = next((n for n, h in enumerate(header) if _LAST_NAME.fullmatch(h)), None)
    marks = [n for n, h in enumerate(header) if h and n not in (first, last) and
             any(plain(r[n]) for r in padded) and
             all(not plain(r[n]) or _MARK.fullmatch(plain(r[n])) for r in padded)]
    if (first is None or last is None) and not marks:
        return block, none
    joined = (first, last) if first is not None and last is not None else ()
    records = []
    for record in padded:
        cells = [f"{record[joined[0]].strip()} {record[joined[1]].strip()}"] if joined else []
        cells += [c for n, c in enumerate(record) if n not in joined and n not in marks]
        records.append(cells)
    roles = [", ".join(header[n] for n in marks if plain(r[n])) for r in padded]
    return replace(block, records=records), roles


_NAME_LIST = 5  # names in one line that make it a list of names


def _names_paragraph(lines: list[str], i: int) -> tuple[int, int] | None:
    """The lines of a paragraph from line ``i`` that are a list of names (its first line
    may lead to them, ending in ":"), or None."""
    if not (_paragraph_line(lines, i) or (re.match(r"\s*<a\b", lines[i], re.I) and (
            i == 0 or not lines[i - 1].strip() or lines[i - 1].lstrip().startswith("#")))):
        return None
    j = i
    while j < len(lines) and lines[j].strip() and j - i < _NAMES_LINES and (
            j == i or not re.match(r"\s*(?:#|[-*+]\s|\d{1,3}[.)]\s|\|)", lines[j])):
        j += 1
    if j < len(lines) and lines[j].strip():
        return None  # the paragraph goes on past what a list of names holds, or into a list
    first = i + 1 if j - i >= 2 and lines[i].rstrip().endswith(":") else i
    if _name_list([" ".join(line.strip() for line in lines[first:j])]) is None:
        return None
    return first, j - 1


_NAMES_LINES = 200  # lines of one paragraph read as a list of names


def _name_list(record: list[str]) -> list[str] | None:
    """The names of a record that is a line of names separated by commas ("Ada Quill, Bo
    Fern, Cy Moss, Di Lark and Ed Stone"), each as written (a link around a name kept), or
    None."""
    if len(record) != 1:
        return None
    # split outside tags: "<a href=...>Ada Quill</a>, <a ...>Bo Fern</a>, and ..." (runs
    # of spaces made one first: the separators' patterns are linear on single spaces)
    pieces = re.split(r"(<[^<>]{0,2000}>)", re.sub(r"\s+", " ", record[0]))
    parts = [""]
    for n, piece in enumerate(pieces):
        if n % 2:
            parts[-1] += piece
            continue
        split = _NAME_SEPARATORS.split(piece)
        parts[-1] += split[0]
        parts += split[1:]
    parts = [p.strip(" .\n") for p in parts if plain(p).strip(" .")]
    if len(parts) < _NAME_LIST:
        return None
    named = sum(1 for p in parts if person_name(plain(p).strip(" ."), lenient=True))
    return parts if named == len(parts) else None


def _fits(model: type[BaseModel], entry: dict[str, Any] | None) -> dict[str, Any] | None:
    """``entry`` when the plugin's model of its kind takes it whole (what the page is built
    with checks the same), else None: a record the site would refuse stays text."""
    if entry is None:
        return None
    fitted, dropped = fit_entry(model, entry)
    return fitted if fitted is not None and not dropped else None


def _keep(result: Recognized, where: str, block: Block, bad: list[int], why: str) -> None:
    """Report a block kept as written: which records did not read, and why (paragraphs
    most of which do not read are prose, not a list: nothing to report)."""
    if block.shape in ("paragraphs", "items") and len(bad) * 2 > len(block.records):
        return
    if bad:
        shown = ", ".join(str(n) for n in bad[:5]) + (" ..." if len(bad) > 5 else "")
        first = plain(" ".join(block.records[bad[0] - 1]))[:80]
        result.kept.append(f"{where}: kept as written; entry {shown} of "
                           f"{len(block.records)} {why} ('{first}')")
    else:
        result.kept.append(f"{where}: kept as written; {why}")


def _struck(cell: str) -> str:
    """Struck-out text as ``~~...~~``, which the date reader takes for an old date."""
    return _STRUCK.sub(lambda m: f"~~{m.group(2)}~~", cell)


def plain_keep_struck(text: str) -> str:
    """``plain``, the ``~~`` of struck text kept."""
    kept = text.replace("~~", "\x01")
    return plain(kept).replace("\x01", "~~")


def _day_in_header(text: str, block: Block, year: int | None) -> date | None:
    """The day a table's first line names in a cell of its own ("| **May 17th, 2024** |
    **Room 418** |"): the day of the program under it."""
    if block.shape != "a table":
        return None
    end = text.find("\n", block.start)
    first = text[block.start:end if end >= 0 else len(text)]
    if len(first) > 500:
        return None
    for cell in re.split(r"\||</?t[hd]\b[^<>]{0,200}>", first):
        found = _day_of(plain(cell).strip(), year) if 0 < len(plain(cell)) <= 80 else None
        if found is not None:
            return found
    return None


def _day_above(marks: list[Heading], heading: Heading, year: int | None) -> date | None:
    """The day the nearest heading over ``heading`` names ("### Wednesday - July 21th" over
    "#### 9:00 am - 12:45 pm - Workshop" and its list of times)."""
    level = heading.level
    for above in reversed([h for h in marks if h.position < heading.position]):
        if 0 < above.level < level:
            found = _day_of(above.text, year)
            if found is not None:
                return found
            level = above.level
    return None


def day_before(text: str, position: int, year: int | None, floor: int = 0) -> date | None:
    """The last single day the page writes (with its year, or in ``year``) on a line of its
    own, a heading or a short line, in the 2,000 characters before ``position`` (and after
    ``floor``: the section's heading)."""
    window = text[max(floor, position - 2000):position]
    for line in reversed(window.split("\n")):
        words = plain(line).lstrip("#").strip()
        if 0 < len(words) <= 80:
            found = _day_of(words, year)
            if found is not None:
                return found
    return None


def tab_day(text: str, position: int, year: int | None) -> date | None:
    """The day a tab names whose pane holds ``position``: of the elements with an id opened
    in the 20,000 characters before it, the nearest that a link of the page leads to
    (``<a href="#jun16">Day 1 <span>June 16, 2025</span></a>``) with a day in its text."""
    days = _tab_days(text, year)
    if not days:
        return None
    ids = [m.group(2) for m in _ELEMENT_ID.finditer(text, max(0, position - 20_000), position)]
    return next((days[name] for name in reversed(ids[-50:]) if name in days), None)


@lru_cache(maxsize=4)
def _tab_days(text: str, year: int | None) -> dict[str, date]:
    """The day each place of the page is named for by a link to it ("#jun16": the day its
    link's text names), read once per page: of each place's first five links."""
    days: dict[str, date] = {}
    read: dict[str, int] = {}
    for link in _TAB_LINK.finditer(text):
        name = link.group(1)
        if name in days or read.get(name, 0) >= 5:
            continue
        read[name] = read.get(name, 0) + 1
        words = plain(link.group(2)).strip()[:200]
        found = _day_of(words, year) or _day_of(_TAB_NUMBER.sub("", words), year)
        if found is not None:
            days[name] = found
    return days


_TAB_LINK = re.compile(r"<a\b[^<>]{0,500}?\bhref\s*=\s*[\"']#([A-Za-z][\w:.-]{0,80})[\"']"
                       r"[^<>]{0,500}>(.{0,500}?)</a\s*>", re.I | re.S)
_TAB_NUMBER = re.compile(r"^\s*day\s*[-#.]?\s*\d{1,2}\b\s*[-:\u2013\u2014,]?\s*", re.I)
_ELEMENT_ID = re.compile(r"<[a-z][a-z0-9]{0,10}\b[^<>]{0,500}?\bid\s*=\s*([\"'])"
                         r"([A-Za-z][\w:.-]{0,80})\1", re.I)


NTH_DAY = re.compile(r"\bday\s*(\d{1,2})\b", re.I)


def nth_day(text: str, first: date | None) -> date | None:
    """The day a heading numbers ("Day 2 - Theory") from the workshop's ``first``."""
    found = NTH_DAY.search(text)
    if first is None or found is None or not 1 <= int(found.group(1)) <= 14:
        return None
    return first + timedelta(days=int(found.group(1)) - 1)


def _place_of(text: str, year: int | None) -> str | None:
    """The place a program's heading names after its day ("Room B" of "Oct 10, Room B", of
    "Friday March 27th (Room B)")."""
    placed = _day_then_place(text, year)
    rest = placed[1] if placed else ""
    if not rest and (row := _day_row(text, year)) is not None:
        rest = row[1]
    return rest if rest and len(rest) <= 100 and not _YEAR_ONLY.fullmatch(rest) else None


_YEAR_ONLY = re.compile(r"\d{4}")


def _day_of(text: str, year: int | None) -> date | None:
    """The day a heading names ("Friday, December 11, 2020", "May 19th"), if it names one."""
    found = parse_free_date(text, year)
    if found is not None and found.first == found.last:
        return found.first
    # "Day 2 - Friday, May 3", "Schedule: May 3", "Schedule, May 3, 2024"
    for part in re.split(r"\s[-\u2013\u2014|:(]\s?|:\s|,\s(?=[A-Z][a-z]+day)|,\s(?=(?:jan|feb|mar|"
                         r"apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)", text,
                         flags=re.I):
        found = parse_free_date(part.strip(" ()"), year)
        if found is not None and found.first == found.last:
            return found.first
    placed = _day_then_place(text, year)
    if placed is None and (cjk := cjk_day_in(text, year)) is not None:
        return cjk.first  # "2日目: 2025年9月10日 (水)"
    return placed[0] if placed else None


def _day_then_place(text: str, year: int | None) -> tuple[date, str] | None:
    """A heading that names a day, then its place ("Oct 10, Miller Town Hall", "Oct 10, 2023,
    Room 5"): the day (the longest part before a comma that is one) and the rest."""
    for comma in reversed([m for m in re.finditer(r",\s", text)]):
        found = parse_free_date(text[:comma.start()].strip(" ()"), year)
        if found is not None and found.first == found.last:
            return found.first, text[comma.end():].strip(" .,()")
    return None
