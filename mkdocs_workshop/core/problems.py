"""Problems found in a page's workshop data, and how they are worded.

Every problem names the page, the front-matter key, the entry (1-based, with the person's name
or the date's label when there is one), the field, what is wrong and how to fix it. The plugin
logs warnings and errors through the MkDocs plugin logger, so ``mkdocs build --strict`` counts
them; errors stop the build after every page has been read.
"""

from __future__ import annotations

import difflib
import enum
import re
import reprlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date


class Severity(enum.Enum):
    INFO = "info"  # worth saying, not a problem: --strict does not count it
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a page's workshop data."""

    severity: Severity
    page: str
    message: str
    key: str | None = None
    entry: int | None = None  # 1-based position in the list under ``key``
    label: str | None = None  # the entry's name or label, to find it in the file
    field: str | None = None
    fix: str | None = None
    call: str | None = None  # a macro call in the page body, with its line
    line: int | None = None  # a line of a data file (CSV)

    @property
    def location(self) -> str:
        parts: list[str] = [self.call] if self.call else []
        if self.key is not None:
            key = f"'{self.key}'"
            if self.entry is None and self.label:
                key += f" ({self.label})"
            parts.append(key)
        if self.line is not None:
            parts.append(f"line {self.line}" + (f" ({self.label})" if self.label else ""))
        if self.entry is not None:
            entry = f"entry {self.entry}"
            if self.label:
                entry += f" ({self.label})"
            parts.append(entry)
        if self.field is not None:
            parts.append(f"field '{self.field}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = excerpt(self.location, 300)
        message = excerpt(self.message, 600)
        page = printable(self.page)
        text = f"{page}: {where}: {message}" if where else f"{page}: {message}"
        if self.fix:
            text += f" Fix: {excerpt(self.fix, 600)}"
        return text


@dataclass
class Problems:
    """Problems of one page, collected while reading it."""

    page: str
    items: list[Problem] = field(default_factory=list)

    def note(self, message: str, **where: object) -> None:
        self._add(Severity.INFO, message, where)

    def warn(self, message: str, **where: object) -> None:
        self._add(Severity.WARNING, message, where)

    def error(self, message: str, **where: object) -> None:
        self._add(Severity.ERROR, message, where)

    def _add(self, severity: Severity, message: str, where: dict[str, object]) -> None:
        self.items.append(Problem(severity, self.page, message, **where))  # type: ignore[arg-type]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def did_you_mean(word: str, candidates: Iterable[str], cutoff: float = 0.6,
                 budget: Budget | None = None) -> str | None:
    """The candidate closest to ``word``, ignoring case, or None if none is close enough.

    Each call compares ``word`` with every candidate; a ``budget`` shared by the calls of one
    page bounds the work of a page that asks thousands of times (thousands of unknown speakers
    against thousands of people): past it, only a candidate equal but for case is found.
    """
    by_lower: dict[str, str] = {}
    for candidate in candidates:
        by_lower.setdefault(candidate.lower(), candidate)
    lowered = word.lower()
    if lowered in by_lower:
        return by_lower[lowered]
    if budget is not None and not budget.spend(len(by_lower)):
        return None
    matches = difflib.get_close_matches(lowered[:MAX_WORD], [c[:MAX_WORD] for c in by_lower],
                                        n=1, cutoff=cutoff)
    if not matches:
        return None
    return next(original for low, original in by_lower.items() if low[:MAX_WORD] == matches[0])


MAX_WORD = 80  # characters compared: a "did you mean" for a paragraph is no help


class Budget:
    """The work one page may ask of the checks whose cost grows faster than the page:
    comparisons for "did you mean", and characters read as Markdown (bios, abstracts)."""

    def __init__(self, comparisons: int = 100_000, markdown: int = 200_000) -> None:
        self.left = comparisons
        self.markdown = markdown

    def spend(self, comparisons: int) -> bool:
        if comparisons > self.left:
            self.left = 0
            return False
        self.left -= comparisons
        return True

    def read(self, characters: int) -> bool:
        """Whether ``characters`` more may be read as Markdown on this page."""
        if characters > self.markdown:
            self.markdown = 0
            return False
        self.markdown -= characters
        return True


def suggestion(word: str, candidates: Iterable[str]) -> str:
    """`` Did you mean 'x'?`` or an empty string."""
    match = did_you_mean(word, candidates)
    return f" Did you mean '{match}'?" if match else ""


# ---------------------------------------------------------------------------------------------
# Values inside messages
# ---------------------------------------------------------------------------------------------

_BRIEF_ITEMS = 4  # entries of a list or mapping shown, then "…"
_BRIEF_TEXT = 60  # characters of one text shown
_BRIEF_LEVELS = 2  # lists and mappings inside each other shown, then "…"


def _flow(value: object, level: int) -> str:
    """``value`` as YAML's flow style writes it (``{what: Deadline, when: 2024-05-01}``),
    short: the way the organizer wrote it, not the way Python does; a text alone is in
    quotes (``not 'ninety'``), to stand apart from the sentence."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (date, int, float)):
        return value.isoformat() if isinstance(value, date) else str(value)
    if isinstance(value, str):
        text = value if len(value) <= _BRIEF_TEXT else value[: _BRIEF_TEXT - 1] + "\u2026"
        plain = level and text and not re.search(r"[\[\]{}:,#'\"&*!|>%@`]|^[\s\-?]|\s$",
                                                 text)
        return text if plain else "'" + text.replace("'", "''") + "'"
    if isinstance(value, dict):
        if level >= _BRIEF_LEVELS:
            return "{\u2026}"
        shown = [f"{_flow(k, level + 1)}: {_flow(v, level + 1)}"
                 for k, v in list(value.items())[:_BRIEF_ITEMS]]
        return "{" + ", ".join(shown + ["\u2026"] * (len(value) > _BRIEF_ITEMS)) + "}"
    if isinstance(value, (list, tuple)):
        if level >= _BRIEF_LEVELS:
            return "[\u2026]"
        shown = [_flow(v, level + 1) for v in list(value[:_BRIEF_ITEMS])]
        return "[" + ", ".join(shown + ["\u2026"] * (len(value) > _BRIEF_ITEMS)) + "]"
    return excerpt(str(value), _BRIEF_TEXT)


def printable(text: str) -> str:
    """Control characters and invisible direction marks as escapes (``\\n``, ``\\x1b``), so
    that no value can rewrite a terminal or forge a line of the build log."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() or char == " "
                   else char.encode("unicode_escape").decode("ascii") for char in text)


def kind_of(value: object) -> str:
    """What a value of YAML or JSON is, in the words of a message: ``a list``, ``a number``,
    ``the true/false value true`` (never a Python type's name)."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"the true/false value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, dict):
        return "a set of 'key: value' lines"
    if isinstance(value, (list, tuple)):
        return "a list"
    return "a value of another kind"


def excerpt(text: str, limit: int = 60) -> str:
    """``text`` on one line, at most ``limit`` characters, control characters escaped."""
    flat = printable(text)
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


_CALLED = reprlib.Repr()
_CALLED.maxstring = _CALLED.maxother = _BRIEF_TEXT
_CALLED.maxlist = _CALLED.maxtuple = _CALLED.maxdict = _CALLED.maxset = _BRIEF_ITEMS
_CALLED.maxlevel = _BRIEF_LEVELS


def as_called(value: object) -> str:
    """An argument of a macro call as the call writes it (Jinja's literals are Python's:
    ``['x']``), cut short."""
    return printable(_CALLED.repr(value))


def brief(value: object) -> str:
    """A value as YAML writes it on one line, cut short: lists of thousands stay a line
    long."""
    return printable(_flow(value, 0))


class Refused(Exception):
    """A command cannot work with its input (a file, a page, an option): what is wrong, where
    (``day 2, room 'Hall B', event 3``), the source it is about, and the fix. Every command
    refuses with this one error, and nothing is written then; the command prints
    :meth:`line`."""

    def __init__(self, message: str, fix: str | None = None, where: str | None = None,
                 source: object = None) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix
        self.where = where
        self.source = source  # the file or page it is about (set by whoever knows it)

    def line(self, source: str | None = None) -> str:
        """The one line a command prints: the source, where in it, the problem, the fix."""
        named = source if source is not None else (
            str(self.source) if self.source is not None else None)
        parts = [printable(named)] if named else []
        if self.where:
            parts.append(excerpt(self.where, 200))
        text = ": ".join([*parts, excerpt(self.message, 400)])
        return f"{text} Fix: {excerpt(self.fix, 400)}" if self.fix else text
