"""Markdown from front matter (bios) rendered to HTML that cannot carry markup of its own.

Raw HTML in the text is shown as text, and every link or image address must pass the same
check as a person's ``url``; a bad one is reported and the link is shown as plain text.

Python-Markdown's cost grows with the square of the number of ``[`` (4,000 take seconds) and
its lists and quotes recurse once per level (3,000 ``- `` on a line exhaust Python's stack).
A text beyond the bounds below, which no bio needs, is shown as plain text instead, and said so.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

import markdown
from markdown import util
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .fields import FieldIssue, to_image, to_link
from .problems import Budget

MAX_PAGE = Budget().markdown  # characters of Markdown fields read on one page


class _CheckLinks(Treeprocessor):
    def __init__(self, md: markdown.Markdown, issues: list[FieldIssue]) -> None:
        super().__init__(md)
        self.issues = issues

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                attr = {"a": "href", "img": "src"}.get(child.tag)
                if attr is None:
                    continue
                check = to_link if child.tag == "a" else to_image
                # An e-mail autolink (<ada@example.org>) hides its address from harvesters
                # as character references, with Markdown's stand-in for "&" at this stage.
                value = html.unescape(child.get(attr, "").replace(util.AMP_SUBSTITUTE, "&"))
                try:
                    check(value)
                    if child.tag == "img" and not value.lower().startswith(("http:", "https:")):
                        raise FieldIssue(
                            f"the image '{value}' in the text is not a web address.",
                            "use an https:// address for images inside a bio.",
                        )
                except FieldIssue as issue:
                    self.issues.append(issue)
                    del child.attrib[attr]


class _SafeText(Extension):
    def __init__(self, issues: list[FieldIssue]) -> None:
        super().__init__()
        self.issues = issues

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_CheckLinks(md, self.issues), "workshop_check_links", 0)


MAX_CHARS = 20_000
MAX_LINES = 200  # underlines and rules: the cost grows with the square of the lines
MAX_BRACKETS = 300  # "[": links, images, and text that looks like them
MAX_NESTING = 12  # list or quote markers on one line, or levels of indentation
_MARKERS = re.compile(r"^[ \t]*((?:(?:[-*+>]|\d{1,9}[.)])[ \t]*)+)", re.M)
_INDENT = re.compile(r"^[ \t]+", re.M)


def too_intricate(text: str) -> str | None:
    """Why ``text`` is beyond what Markdown is read for here, or None."""
    if len(text) > MAX_CHARS:
        return f"is {len(text):,} characters long (more than {MAX_CHARS:,})"
    if text.count("\n") >= MAX_LINES:
        return f"has {text.count(chr(10)) + 1:,} lines (more than {MAX_LINES})"
    if text.count("[") > MAX_BRACKETS:
        return f"has {text.count('['):,} '[' (more than {MAX_BRACKETS})"
    markers = max((len(re.findall(r"[-*+>]|\d+[.)]", m)) for m in _MARKERS.findall(text)),
                  default=0)
    indent = max((len(m.expandtabs(4)) // 2 for m in _INDENT.findall(text)), default=0)
    if max(markers, indent) > MAX_NESTING:
        return f"nests lists, quotes or indentation {max(markers, indent)} levels deep " \
               f"(more than {MAX_NESTING})"
    return None


def plain_text(text: str) -> Markup:
    """The text as written, escaped, one paragraph per blank-line-separated block."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return Markup("\n").join(Markup("<p>{}</p>").format(p) for p in paragraphs)


class PlainText(FieldIssue):
    """The text was shown as plain text: a warning, not an error."""


def render_markdown(text: str, budget: Budget | None = None) -> tuple[Markup, list[FieldIssue]]:
    """HTML for ``text`` and the problems found in its links, or a :class:`PlainText` saying
    why it is shown as plain text. ``budget``: what is left of the page's Markdown reading."""
    why = too_intricate(text)
    if why is None and budget is not None and not budget.read(len(text)):
        why = (f"comes after {MAX_PAGE:,} characters of Markdown on this page (bios, abstracts "
               "and blurbs together)")
    if why is not None:
        return plain_text(text), [PlainText(
            f"{why}, too intricate to read as Markdown: it is shown as plain text.",
            "simplify the formatting, or shorten the text.")]
    renderer, issues = _renderer()
    issues.clear()
    try:
        html = renderer.reset().convert(text)
    finally:
        found = list(issues)
        issues.clear()
    return Markup(html), found


_RENDERER: list[tuple[markdown.Markdown, list[FieldIssue]]] = []


def _renderer() -> tuple[markdown.Markdown, list[FieldIssue]]:
    """One Markdown object for every field (making one costs three times a short bio)."""
    if not _RENDERER:
        issues: list[FieldIssue] = []
        _RENDERER.append((markdown.Markdown(extensions=[_SafeText(issues)],
                                            output_format="html"), issues))
    return _RENDERER[0]
