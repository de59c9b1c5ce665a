"""Editing YAML as text: where a value is written, so that a few values change and every other
byte (comments, quotes, order, blank lines) stays as the organizer wrote it.

PyYAML's composer gives each node its start and end in the text; an :class:`Edits` collects
replacements of spans and applies them at once. Composing builds no Python objects, so tags
PyYAML could not construct (mkdocs.yml's ``!!python/name:``) are no obstacle. Callers check
the text's size and nesting first (:func:`mkdocs_workshop.safeload.load`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

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
        if "\n" not in plain and yaml.safe_load(plain) == text:
            return plain
    quoted = yaml.safe_dump(text, default_style='"', allow_unicode=True, width=2**30)
    quoted = quoted.removesuffix("\n...\n").rstrip("\n")
    return _escape_raw(quoted)


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
