"""Hostile text for the tests of every output's boundary, and how to tell live markup in what a
build wrote: markup, quotes, template delimiters of Jinja (as mkdocs-macros configures it) and
Liquid, YAML tags, control characters, bidirectional overrides, very long and very nested
text. The payloads that would run something create the file ``MARKER`` (a path the test
gives): a test checks it is never made."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import strategies as st

# Pieces an attacker puts in a value; MARKER is replaced by a real path (marked()).
PIECES = [
    '"><img src=x onerror=alert(1)>', "</title><script>alert(2)</script>",
    "</script><script>alert(3)</script>", "' onmouseover='alert(4)", "<svg onload=alert(5)>",
    "javascript:alert(6)", "<a href=javascript:alert(7)>x</a>", "&lt;script&gt;", "&amp;",
    "<< cycler.__init__.__globals__.os.system('touch MARKER') >>",
    "{{ cycler.__init__.__globals__.os.system('touch MARKER') }}",
    "{% set x = cycler.__init__.__globals__.os.system('touch MARKER') %}",
    "{# comment #}", "{% raw %}", "{% endraw %}", "<<", ">>", "{{", "}}", "{%", "%}",
    "{% include ../../etc/passwd %}", "{{ site.data | jsonify }}",
    "!!python/object/apply:os.system ['touch MARKER']", "&anchor", "*alias", "? key", "- item",
    "key: value", " #comment", "---", "...", "|", ">-", "'", '"', "\\", "`", "```", "~~~",
    "\x00", "\x1b[31m", "\r", "\n", "\t", "\x7f", "\u2028", "\u2029", "\u202e", "\u2066",
    "\ufeff", "\u200b", "é", "漢字", "😀", "[" * 40, "]" * 40, "(" * 40,
]
_WORD = st.text(alphabet="abcdefghij ", min_size=1, max_size=8)
# What runs where mkdocs-macros renders it: the organizer's own front matter may hold it (a
# title is rendered by mkdocs-macros, by design); nothing from elsewhere may.
TEMPLATES = [p for p in PIECES if "MARKER" in p and not p.startswith("!!")]


@st.composite
def hostile_text(draw: st.DrawFn, *, min_size: int = 0, one_line: bool = False,
                 templates: bool = True) -> str:
    """A value made of attack pieces and words; ``min_size`` characters of plain text first,
    so that the value is never empty once markup is taken out of it; ``templates=False``:
    without the payloads that run where mkdocs-macros renders the text."""
    pieces = PIECES if templates else [p for p in PIECES if p not in TEMPLATES]
    parts = ["x" * min_size] if min_size else []
    parts += draw(st.lists(st.one_of(st.sampled_from(pieces), _WORD), min_size=1,
                           max_size=6))
    if draw(st.integers(0, 9)) == 0:
        parts.append("a" * draw(st.integers(1000, 20_000)))  # very long
    text = "".join(parts)
    return " ".join(text.split()) if one_line else text


def marked(text: str, marker: Path) -> str:
    return text.replace("MARKER", str(marker))


class _Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.live: list[str] = []
        self._script: str | None = None
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))
        for name, value in attrs:
            if name.startswith("on"):
                self.live.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action", "formaction", "data") and value and \
                    value.strip().lower().startswith(("javascript:", "vbscript:")):
                self.live.append(f"<{tag} {name}={value[:40]}>")
        if tag in ("iframe", "object", "embed", "base", "frame", "applet"):
            self.live.append(f"<{tag}>")
        if tag == "script":
            kind = dict(attrs).get("type") or ""
            self._script = kind
            if "src" not in dict(attrs) and kind != "application/ld+json":
                self.scripts.append("inline")

    def handle_data(self, data: str) -> None:
        if self._script == "application/ld+json":
            json.loads(data)  # a JSON-LD block parses, whatever the values held

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None


def structure(html: str) -> tuple[list[tuple[str, tuple[str, ...]]], list[str], int]:
    """The elements of a document in order (each tag with its attributes' names), what in
    it is live (``on*`` attributes, ``javascript:`` addresses, frames, objects), and how many
    inline scripts it has."""
    parser = _Structure()
    parser.feed(html)
    parser.close()
    return parser.tags, parser.live, len(parser.scripts)


def head_of(html: str) -> str:
    return html.split("</head>", 1)[0]
