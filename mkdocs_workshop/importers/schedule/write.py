"""The page's ``schedule:`` block replaced, and nothing else of the page changed.

The page is read as it is on disk (its byte order mark and line endings kept). The front matter
is found as MkDocs finds it; its ``schedule:`` key, from the key's line to the last line of its
value, is replaced by the new block (or, without one, the block is added at the end of the front
matter). The block starts with :data:`MARKER`'s comment line, by which a second run knows the
block is its own and replaces it; a ``schedule:`` written by hand is replaced only when asked.

The values are dumped by PyYAML, which quotes and escapes whatever needs it. Before anything is
written, the new page is read back: the front matter must read as the old one with the new
slots, and the page's Markdown (which mkdocs-macros renders as a template) must be exactly as it
was, as MkDocs itself splits the page. So nothing from the imported file can reach the page's
text, where a ``<<`` or ``{%`` would run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ...core.meta import get_data
from ...core.problems import Refused, excerpt
from ...core.safeload import LIMITS, load
from ..common.escape import one_line
from ..common.yamltext import FRONT, PageText, key_spans
from .model import read_text_file
from .slots import Clock, Names

# MkDocs' front matter (mkdocs.utils.meta.YAML_RE), with the line endings of a Windows editor.
MARKER = ("# schedule: imported from {source} by mkdocs-workshop import-schedule; running it "
          "again replaces this block")
_MARKER = re.compile(r"# schedule: imported from .* by mkdocs-workshop import-schedule")


def read_page_text(path: Path) -> PageText:
    fix_front = ("give the page front matter: a '---' line, then 'workshop:' and its fields, "
                 "then a '---' line (see the Front matter reference).")
    text = read_text_file(path, larger="", what="the edition's Markdown page (docs/icml24.md)",
                          not_utf8="save it as UTF-8 in your editor.")
    page = PageText.of(path, text)
    if page is None:
        raise Refused("has no front matter between '---' lines, where the program "
                      "goes.", fix_front)
    return page


def page_meta(page: PageText) -> dict[str, Any]:
    """The front matter, read as the plugin reads it; refused if it cannot be."""
    loaded = load(page.yaml, first_line=2)
    if not loaded.ok:
        assert loaded.error is not None
        raise Refused(f"its front matter {loaded.error[0]}", loaded.error[1])
    for key, first, second in loaded.duplicates:
        if key == "schedule":
            raise Refused(f"has 'schedule:' twice (lines {first} and {second}).",
                          "merge the two, or delete one, then run the import again.")
    if loaded.data is None:
        return {}
    if not isinstance(loaded.data, dict):
        raise Refused("its front matter is not a set of 'key: value' lines.",
                      "write the front matter as 'key: value' lines between the two "
                      "'---' lines.")
    return loaded.data


@dataclass(frozen=True)
class Span:
    """Where the page's ``schedule:`` block is in its YAML, and whether this command wrote it."""

    start: int
    end: int
    imported: bool
    line: int  # of the 'schedule:' key, in the file


def schedule_span(page: PageText) -> Span | None:
    """The ``schedule:`` key's lines (from its key to the last line of its value, with the
    marker line above it when there is one), or None."""
    source = page.yaml
    try:
        spans = key_spans(source, "schedule")
    except yaml.YAMLError:  # the plugin's reader has read it: only a loader difference
        raise Refused("its front matter cannot be read as YAML.",
                      "check it with mkdocs build first.") from None
    except ValueError:
        raise Refused(
            "its front matter is not written as 'key: value' lines at the start of each "
            "line, so the 'schedule:' block cannot be replaced alone.",
            "write the front matter one key per line, not as {...}.") from None
    if not spans:
        return None
    span = spans[0]
    above = source.rfind("\n", 0, max(span.start - 1, 0)) + 1 if span.start else 0
    imported = bool(span.start) and _MARKER.match(source, above) is not None
    return Span(above if imported else span.start, span.end, imported, span.line + 1)


# ---------------------------------------------------------------------------------------------
# The new block
# ---------------------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as the documentation writes them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value,
                                   style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(Clock, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", str(value), style='"'))
_Dumper.add_representer(Names, lambda dumper, value: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", list(value), flow_style=True))


def render_block(slots: Sequence[dict[str, Any]], source: str, newline: str) -> str:
    """The marker line and the ``schedule:`` key with its slots."""
    dumped = yaml.dump({"schedule": list(slots)}, Dumper=_Dumper, allow_unicode=True,
                       sort_keys=False, default_flow_style=False, width=1_000_000)
    marker = MARKER.format(source=one_line(source).replace("#", "") or "a file")
    lines = [marker, *dumped.rstrip("\n").split("\n")]  # the emitter's lines, and only those
    return "".join(line + newline for line in lines)


def with_block(page: PageText, block: str, span: Span | None) -> str:
    """The page's whole text (after its byte order mark) with ``block`` in place."""
    if span is None:
        at = page.end
        return page.text[:at] + block + page.text[at:]
    return page.text[:page.start + span.start] + block + page.text[page.start + span.end:]


def check_written(page: PageText, new_text: str, slots: Sequence[dict[str, Any]]) -> None:
    """Refuse a result that is larger than a page's front matter may be, or that does not
    read back as intended (it never should)."""
    match = FRONT.match(new_text)
    size = len(match.group(1)) if match else 0
    if size > LIMITS.max_chars:
        raise Refused(f"with the program, its front matter would be {size:,} characters long, "
                      f"more than the {LIMITS.max_chars:,} the build reads; nothing is written.",
                      "move what is not data out of the front matter, then run the import "
                      "again.")
    problem = _difference(page, new_text, slots)
    if problem is not None:
        raise Refused(f"the new front matter would not read back as written ({problem}); "
                      "nothing is written.",
                      "please report this, with the file, to mkdocs-workshop.")


def _difference(page: PageText, new_text: str, slots: Sequence[dict[str, Any]]) -> str | None:
    match = FRONT.match(new_text)
    if match is None:
        return "no front matter"
    if new_text[match.end():] != page.body:
        return "the page's text changed"
    if get_data(_universal(new_text))[0] != get_data(_universal(page.text))[0]:
        return "MkDocs would read the page's text differently"
    loaded = load(match.group(1), first_line=2)
    if not loaded.ok or not isinstance(loaded.data, dict):
        return excerpt(loaded.error[0]) if loaded.error else "not a mapping"
    before = load(page.yaml, first_line=2).data or {}
    expected = {**before, "schedule": list(slots)}
    if loaded.data != expected:
        changed = sorted(k for k in set(expected) | set(loaded.data)
                         if expected.get(k) != loaded.data.get(k))
        return "changed: " + ", ".join(excerpt(str(k)) for k in changed)
    return None


def _universal(text: str) -> str:
    """The text as MkDocs reads the file (Python's universal newlines)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
