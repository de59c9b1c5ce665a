"""HTML files without front matter, which Jekyll publishes as they are. A whole HTML document
among them (a page saved from an older build, a page written by hand) is a page visitors
see: it becomes a page of the new site, its main content the page's text (the old theme's
header, navigation, footer and scripts left out: the new theme draws its own), its
``<title>`` the page's title. Jekyll renders no Liquid in such a file, so neither does the
import (``render_with_liquid: false``, which Jekyll 4 reads too): text in it that reads as
template syntax stays text."""

from __future__ import annotations

import html
import posixpath
import re

import yaml

from ..common.escape import one_line

_WHOLE = re.compile(r"<(?:html|body)\b", re.I)
_REFRESH = re.compile(r"<meta\b[^<>]{0,500}http-equiv\s*=\s*[\"']?refresh", re.I)
_TITLE = re.compile(r"<title\b[^<>]{0,500}>(.*?)</title\s*>", re.I | re.S)
_BODY = re.compile(r"<body\b[^<>]{0,2000}>", re.I)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_TAG = re.compile(r"<[^<>]*>")
# What is the page's alone: the first of these that the document has.
_CONTENT = ("main", "article")
# What an old theme draws around the content (outside <main>) and what never shows.
_AROUND = ("header", "nav", "footer", "aside")
_NEVER = ("script", "style", "noscript", "template")
_PRE = re.compile(r"<pre\b.*?(?:</pre\s*>|\Z)", re.I | re.S)
_MIN_WORDS = 3
_ANY_LIQUID = re.compile(r"\{\{|\{%")
# What a layout or an include says (its page's content, the site's variables, its tags).
_LIQUID = re.compile(r"\{\{-?\s*(?:content\b|page\.|site\.|include\.|layout\.)"
                     r"|\{%-?\s*(?:include|for|if|unless|assign|capture)\b")


def _element(text: str, start: int, tag: str) -> tuple[int, int, int]:
    """The element opened at ``start``: where its content starts, where it ends, and where
    its closing tag starts (the end of ``text`` when it is never closed)."""
    pattern = re.compile(rf"<(/?){tag}\b[^<>]{{0,2000}}>", re.I)
    depth = 0
    inner = -1
    for found in pattern.finditer(text, start):
        if inner < 0:
            inner = found.end()
        depth += -1 if found.group(1) else 1
        if depth == 0:
            return inner, found.end(), found.start()
    return max(inner, start), len(text), len(text)


def _without(text: str, tags: tuple[str, ...]) -> str:
    """``text`` without the elements of ``tags`` (and what is in them)."""
    for tag in tags:
        opening = re.compile(rf"<{tag}\b[^<>]{{0,2000}}>", re.I)
        parts: list[str] = []
        at = 0
        while (found := opening.search(text, at)) is not None:
            parts.append(text[at:found.start()])
            at = _element(text, found.start(), tag)[1]
        text = "".join(parts) + text[at:]
    return text


def content_of(document: str) -> str:
    """The part of a whole HTML document that is the page's own: its ``<main>`` (or its one
    ``<article>``), else its ``<body>`` without the theme's header, navigation, footer and
    side bar; scripts, styles and comments never."""
    body = _BODY.search(document)
    text = _COMMENT.sub("", document[body.end():] if body else document)
    text = re.split(r"</body\s*>", text, maxsplit=1, flags=re.I)[0]
    for tag in _CONTENT:
        found = list(re.finditer(rf"<{tag}\b[^<>]{{0,2000}}>", text, re.I))
        if len(found) == 1 or (found and tag == "main"):
            inner, _end, closing = _element(text, found[0].start(), tag)
            return _without(text[inner:closing], (*_NEVER, "nav"))
    return _without(text, _NEVER + _AROUND)


def as_block(text: str) -> str:
    """HTML as a Markdown page holds it: each line unindented (an indented line would be
    code to Markdown) and without blank lines (which end Markdown's reading of an HTML
    block), but in ``<pre>``."""
    out: list[str] = []
    at = 0
    for pre in _PRE.finditer(text):
        out.append(_flat(text[at:pre.start()]))
        out.append(pre.group(0))
        at = pre.end()
    out.append(_flat(text[at:]))
    return "".join(out).strip() + "\n"


def _flat(text: str) -> str:
    return "\n".join(line.strip() for line in text.split("\n") if line.strip()) + (
        "\n" if text.endswith("\n") else "")


def address_of(rel: str) -> str:
    """The address Jekyll publishes a file at (``organizers/index.html`` at
    ``/organizers/``)."""
    if posixpath.basename(rel).lower() in ("index.html", "index.htm"):
        folder = posixpath.dirname(rel)
        return f"/{folder}/" if folder else "/"
    return "/" + rel


def whole_document(text: str) -> bool:
    """Whether ``text`` is a whole HTML document (its ``<html>`` or ``<body>``), not a part
    of one."""
    return _WHOLE.search(text) is not None


def static_page(document: str, rel: str) -> tuple[str | None, str]:
    """The page the new site has for an HTML file without front matter (its text, with front
    matter), or None and why it has none: a fragment, a redirect, a document without text."""
    if not whole_document(document):
        return None, "not a whole HTML document (no <html> or <body>)"
    content = content_of(document)
    words = len(html.unescape(_TAG.sub(" ", content)).split())
    if _REFRESH.search(document) and words < 20:
        return None, "a redirect to another address"
    if words < _MIN_WORDS:
        return None, "no text a visitor reads"
    if _LIQUID.search(content):
        return None, ("its text holds Liquid ({{ content }}, {% include %}, ...), which "
                      "Jekyll does not run in a file without front matter: a layout or an "
                      "include outside its folder?")
    found = _TITLE.search(document)
    title = one_line(html.unescape(_TAG.sub(" ", found.group(1)))) if found else ""
    # a title of Liquid Jekyll never ran ("{{ site.title }}"): no title; the page is named
    # by its heading or its file
    front: dict[str, object] = {"title": title} if title and not _ANY_LIQUID.search(
        title) else {}
    front |= {"permalink": address_of(rel), "render_with_liquid": False}
    head = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{head}---\n{as_block(content)}", ""
