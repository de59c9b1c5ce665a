"""What kramdown, Jekyll's Markdown, reads that Python-Markdown does not.

- Inline attribute lists, ``{: #id .class key="value"}``: after a heading or on the last line
  of a block, Python-Markdown's ``attr_list`` (which the new site enables) reads them as they
  are; after a span (``**Time**{: .h5}``) or on a line after a table, kramdown gives them
  to the span or table, which Python-Markdown cannot: a list of classes only (styling of the
  old theme) is left out there, and so is any on a line after a table or a blank line.
- A table whose first line is its separator (``|---|---|``, no header row): kramdown draws it,
  Python-Markdown shows its pipes; it gains an empty header row.
- ``~~struck~~``: the new site's ``pymdownx.tilde`` reads it.
- A heading's id written kramdown's way, ``## Schedule {#schedule}``: written
  ``## Schedule { #schedule }``, which ``attr_list`` reads the same and in which mkdocs-macros'
  Jinja sees no comment (``{#`` starts one).

Fenced code is left alone. Linear: each line is read once.
"""

from __future__ import annotations

import re

from ..common.tables import SEPARATOR

_IAL = r"\{:\s*[^{}\n]{0,500}\}"
_IAL_LINE = re.compile(rf"^\s*(?:{_IAL}\s*)+$")
_CLASSES_ONLY = re.compile(r"\{:\s*(?:\.[\w-]+\s*)+\}")
_SPAN_IAL = re.compile(rf"(?<=[*_`\])>])({_IAL})")
_ROW = re.compile(r"^\s*\|")
_HEADING_ID = re.compile(r"^(\s{0,3}#{1,6}\s.*?)\s*\{#([A-Za-z][\w:.-]{0,100})\}\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def kramdown_to_markdown(text: str) -> tuple[str, int]:
    """``text`` with kramdown's own syntax made Python-Markdown's, and how many attribute
    lists of classes were left out."""
    out: list[str] = []
    dropped = 0
    fence = ""
    previous = ""
    for line in text.split("\n"):
        opened = _FENCE.match(line)
        if fence:
            out.append(line)
            if opened and opened.group(1) == fence:
                fence = ""
                previous = ""
            continue
        if opened:
            fence = opened.group(1)
            out.append(line)
            previous = ""  # an attribute list after code has nothing attr_list can take
            continue
        if _IAL_LINE.match(line):
            if _CLASSES_ONLY.fullmatch(line.strip()) or not previous.strip() or \
                    _ROW.match(previous):
                dropped += 1
                continue  # styling of the old theme, or nothing to attach to
            out.append(line)  # the last line of the block before: attr_list reads it
            continue
        line = _HEADING_ID.sub(r"\1 { #\2 }", line)
        spans = [m.group(1) for m in _SPAN_IAL.finditer(line)]
        dropped += sum(1 for span in spans if _CLASSES_ONLY.fullmatch(span))
        line = _SPAN_IAL.sub(
            lambda m: "" if _CLASSES_ONLY.fullmatch(m.group(1)) else m.group(1), line)
        if SEPARATOR.match(line) and _ROW.match(line) and not _ROW.match(previous):
            cells = max(1, line.strip().strip("|").count("|") + 1)
            out.append("|" + " |" * cells)
        out.append(line)
        previous = line
    return "\n".join(out), dropped
