"""Editing YAML as text, the one front-matter editor of the commands and importers: where a
value is written, so that a few values change and every other byte (comments, quotes, order,
blank lines) stays as the organizer wrote it; a page's front matter found in its file
(:class:`PageText`), a top-level key's lines (:func:`key_spans`), replaced or dropped
(:func:`replace_key`, :func:`drop_key`), and the page written back in one step
(:func:`write_page`). Every value goes in through :func:`scalar`.

PyYAML's composer gives each node its start and end in the text; an :class:`Edits` collects
replacements of spans and applies them at once. Composing builds no Python objects, so tags
PyYAML could not construct (mkdocs.yml's ``!!python/name:``) are no obstacle. Callers check
the text's size and nesting first (:func:`mkdocs_workshop.core.safeload.load`).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

Node = yaml.Node


# Characters written as escapes, never as themselves: line breaks and other controls, and the
# bidirectional controls that make a line read otherwise than it parses ("Trojan Source").
_ESCAPED = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
                      "\u2066-\u2069\ufeff]")


def scalar(text: str, *, flow: bool = False) -> str:
    """``text`` as one YAML value on one line, which every YAML reader reads back as that
    text: plain where YAML reads it so (``ICML 2025``), else double-quoted with every control
    character escaped. Values are written into YAML only through here: a name holding
    ``!!python/object``, `` #``, ``: `` or a line break stays the text it is. ``flow``: the value
    stands inside ``{...}`` or ``[...]``, where a comma or a bracket would end a plain one."""
    if not _ESCAPED.search(text) and not (flow and any(c in text for c in ",[]{}")):
        plain = yaml.safe_dump(text, allow_unicode=True, width=2**30)
        plain = plain.removesuffix("\n...\n").rstrip("\n")
        if "\n" not in plain and _reads_back(plain, text, flow):
            return plain
    quoted = yaml.safe_dump(text, default_style='"', allow_unicode=True, width=2**30)
    quoted = quoted.removesuffix("\n...\n").rstrip("\n")
    return _escape_raw(quoted)


def _reads_back(plain: str, text: str, flow: bool) -> bool:
    """Whether ``plain`` reads back as ``text`` where it stands: alone, or inside a flow
    sequence (where ``?x`` or ``:x`` read otherwise than alone)."""
    try:
        if flow:
            return bool(yaml.safe_load(f"[{plain}]") == [text])
        return bool(yaml.safe_load(plain) == text)
    except yaml.YAMLError:
        return False


def _escape_raw(quoted: str) -> str:
    """Escape the characters of ``_ESCAPED`` that PyYAML wrote as themselves in a
    double-quoted scalar, leaving its own escapes (``\\n``, ``\\x7F``) as they are."""
    out: list[str] = []
    i = 0
    while i < len(quoted):
        char = quoted[i]
        if char == "\\":
            out.append(quoted[i:i + 2])
            i += 2
            continue
        out.append(f"\\u{ord(char):04X}" if _ESCAPED.match(char) else char)
        i += 1
    return "".join(out)


def comment(text: str) -> str:
    """``text`` as it may stand in a YAML comment: one line, controls escaped as Python
    writes them, so a key named with a line break cannot end the comment."""
    return _ESCAPED.sub(lambda m: repr(m.group(0))[1:-1], text)


def compose(text: str) -> Node | None:
    """The text's node tree (None for an empty document); raises yaml.YAMLError."""
    loader = yaml.SafeLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def pairs(node: Node) -> Iterator[tuple[str, Node, Node]]:
    """A mapping's (key text, key node, value node)."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                yield str(key.value), key, value


def get(node: Node, name: str) -> tuple[Node, Node] | None:
    """The (key node, value node) of ``name`` in a mapping."""
    for key, key_node, value in pairs(node):
        if key == name:
            return key_node, value
    return None


def end_of(node: Node) -> int:
    """Where the node's text ends: a block collection's last value, not the lines after it."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        return int(node.end_mark.index)
    if isinstance(node, yaml.SequenceNode) and node.value:
        return end_of(node.value[-1])
    if isinstance(node, yaml.MappingNode) and node.value:
        key, value = node.value[-1]
        end = end_of(value)
        return max(end, int(key.end_mark.index))
    return int(node.end_mark.index)


def line_end(text: str, index: int) -> int:
    """The end of the line ``index`` is on (before its newline)."""
    found = text.find("\n", index)
    return len(text) if found == -1 else found


def line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def source(text: str, node: Node) -> str:
    return text[node.start_mark.index:end_of(node)]


@dataclass
class Edits:
    """Replacements of spans of one text, applied together (spans must not overlap)."""

    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)

    def replace(self, start: int, end: int, new: str) -> None:
        self.spans.append((start, end, new))

    def insert(self, at: int, new: str) -> None:
        self.spans.append((at, at, new))

    def apply(self) -> str:
        out, last = [], 0
        for start, end, new in sorted(self.spans, key=lambda s: (s[0], s[1])):
            if start < last:
                raise ValueError("overlapping edits")
            out += [self.text[last:start], new]
            last = end
        out.append(self.text[last:])
        return "".join(out)


# ---------------------------------------------------------------------------------------------
# A top-level key of a YAML text, as lines
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeySpan:
    """Where a top-level key and its value are written: from the start of the key's line to
    the end of the last line that holds something of its value."""

    start: int
    end: int
    line: int  # of the key, counted from 1 in the text


def key_spans(text: str, key: str) -> list[KeySpan]:
    """Every top-level ``key:`` of ``text`` (a key written twice is there twice), or [] when
    there is none. Raises ``yaml.YAMLError`` for a text YAML cannot read, and ValueError for a
    mapping not written one key per line (``{...}``), whose key cannot be edited alone."""
    root = compose(text)
    if not isinstance(root, yaml.MappingNode):
        return []
    spans = []
    for key_node, value in root.value:
        if not (isinstance(key_node, yaml.ScalarNode) and key_node.value == key):
            continue
        if root.flow_style or key_node.start_mark.column != 0:
            raise ValueError("not written one key per line")
        start = line_start(text, key_node.start_mark.index)
        spans.append(KeySpan(start, _value_end(text, key_node, value),
                             text.count("\n", 0, start) + 1))
    return spans


def _value_end(text: str, key: Node, value: Node) -> int:
    """The end of the last line that holds something of ``value`` (blank lines after it, and
    comments on lines of their own, stay where they are), after its newline."""
    end = int(key.end_mark.index)
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
            end = max(end, int(node.end_mark.index))  # a block list ends at the next key
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for pair in node.value:
                stack.extend(pair)
    # A block scalar's end is after the blank lines that follow it: back up to its text.
    while end > 0 and text[end - 1] in " \t\r\n":
        end -= 1
    newline = text.find("\n", end)
    return len(text) if newline < 0 else newline + 1


def replace_key(text: str, key: str, block: str) -> str:
    """``text`` with its top-level ``key`` written as ``block`` (whole lines, ending in a
    newline); a key written twice (YAML keeps the last) becomes one; a missing key is added
    at the end."""
    spans = key_spans(text, key)
    if not spans:
        return text.rstrip("\n") + "\n" + block if text.strip() else block
    out, last = [], 0
    for number, span in enumerate(spans):
        out += [text[last:span.start], block if number == len(spans) - 1 else ""]
        last = span.end
    out.append(text[last:])
    return "".join(out)


def drop_key(text: str, key: str) -> str:
    """``text`` without its top-level ``key`` and the lines of its value."""
    out, last = [], 0
    for span in key_spans(text, key):
        out.append(text[last:span.start])
        last = span.end
    out.append(text[last:])
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# A page's file: its front matter, and the page written back
# ---------------------------------------------------------------------------------------------

FRONT = re.compile(r"\A-{3}[ \t]*\r?\n(.*?\r?\n)(?:\.{3}|-{3})[ \t]*\r?\n", re.S)


@dataclass(frozen=True)
class PageText:
    """A page's file: its text as on disk and where its front matter's YAML is."""

    path: Path
    bom: str  # "\ufeff" or ""
    text: str  # after the byte order mark, line endings as written
    start: int  # where the YAML starts in ``text`` (after the first ---)
    end: int  # where it ends (the start of the closing --- line)
    newline: str

    @property
    def yaml(self) -> str:
        return self.text[self.start:self.end]

    @property
    def body(self) -> str:
        """The page after its front matter's closing line."""
        match = FRONT.match(self.text)
        assert match is not None
        return self.text[match.end():]

    @classmethod
    def of(cls, path: Path, text: str) -> PageText | None:
        """The page whose file holds ``text``; None when it has no front matter."""
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        text = text[len(bom):]
        match = FRONT.match(text)
        if match is None:
            return None
        newline = "\r\n" if match.group(0).endswith("\r\n") else "\n"
        return cls(path, bom, text, match.start(1), match.end(1), newline)


def write_page(page: PageText, new_text: str) -> None:
    """Replace the page's file with ``new_text`` (after its byte order mark) in one step: a
    reader sees the old page or the new one, never half of it."""
    descriptor, name = tempfile.mkstemp(prefix=f".{page.path.name}.", suffix=".tmp",
                                        dir=page.path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(page.bom + new_text)
        os.chmod(name, page.path.stat().st_mode & 0o7777)
        os.replace(name, page.path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
