"""LaTeX between single dollars in titles and abstracts (``$O(n^2)$``) as MathML, made at build
time with latex2mathml: no script, no request off the machine, and every browser of today
draws MathML itself.

latex2mathml writes what a ``\\text{...}`` holds as it is, markup included, and turns an unknown
command into an identifier named ``\\foo``. So its output is parsed again and rebuilt from a list
of MathML elements and attributes; anything outside that list, a command it does not know, or
LaTeX it cannot read leaves the formula as the text it was, and says so (:class:`MathIssue`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from markupsafe import Markup, escape

# $...$ as Pandoc reads it: the opening dollar is followed by a non-space, the closing one
# follows a non-space and is not followed by a digit ("$5 and $10" is not math); \$ is a dollar.
MATH = re.compile(r"(?<![\\$])\$(?=\S)((?:\\.|[^$\\])+?)(?<=\S)(?<!\\)\$(?!\d)")

ELEMENTS = frozenset({
    "math", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "msup", "msub", "msubsup",
    "mfrac", "msqrt", "mroot", "mstyle", "mover", "munder", "munderover", "mtable", "mtr", "mtd",
    "mpadded", "mphantom", "menclose", "mfenced", "semantics", "annotation",
})
ATTRIBUTES = frozenset({
    "display", "mathvariant", "stretchy", "fence", "separator", "lspace", "rspace",
    "linethickness", "columnalign", "rowspacing", "columnspacing", "displaystyle",
    "scriptlevel", "width", "height", "depth", "accent", "accentunder", "movablelimits",
    "notation", "minsize", "maxsize", "symmetric", "form", "largeop", "open", "close",
    "separators", "columnlines", "rowlines", "frame", "encoding",
})
NS = "{http://www.w3.org/1998/Math/MathML}"


@dataclass(frozen=True)
class MathIssue:
    """A formula left as text, and why."""

    formula: str
    reason: str


def _convert(latex: str) -> str:
    from latex2mathml.converter import convert  # imported when a page has math

    return str(convert(latex))


def _clean(element: ET.Element, formula: str) -> ET.Element:
    """A copy of ``element`` with only known elements and attributes, or ValueError."""
    tag = element.tag.removeprefix(NS)
    if tag not in ELEMENTS:
        raise ValueError(f"it holds <{tag}>, which is not MathML")
    copy = ET.Element(tag)
    for name, value in element.attrib.items():
        if name in ATTRIBUTES:
            copy.set(name, value)
    if tag == "math":
        copy.set("xmlns", NS[1:-1])
    text = element.text or ""
    if tag == "mi" and text.startswith("\\"):
        raise ValueError(f"the command {text} is not known")
    copy.text = element.text
    for child in element:
        cleaned = _clean(child, formula)
        cleaned.tail = child.tail
        copy.append(cleaned)
    return copy


def formula_html(latex: str) -> Markup:
    """One formula (what is between the dollars) as MathML; ValueError when it cannot be."""
    try:
        made = _convert(latex)
    except Exception as exc:  # latex2mathml raises many kinds on LaTeX it cannot read
        raise ValueError(f"latex2mathml cannot read it ({type(exc).__name__})") from exc
    try:
        root = ET.fromstring(made)
    except ET.ParseError as exc:
        raise ValueError("its MathML is not well formed") from exc
    return Markup(ET.tostring(_clean(root, latex), encoding="unicode", method="html"))


def with_math(text: str) -> tuple[Markup, list[MathIssue]]:
    """``text`` as safe HTML, each ``$...$`` as MathML; formulas that cannot be converted stay
    as written (and are listed)."""
    issues: list[MathIssue] = []
    parts: list[str] = []
    last = 0
    for match in MATH.finditer(text):
        parts.append(str(escape(text[last:match.start()])))
        try:
            parts.append(str(formula_html(match.group(1))))
        except ValueError as exc:
            issues.append(MathIssue(match.group(0), str(exc)))
            parts.append(str(escape(match.group(0))))
        last = match.end()
    parts.append(str(escape(text[last:])))
    return Markup("".join(parts)), issues
