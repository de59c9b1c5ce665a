"""What a feature is, what it reads a page with, and what its macros render with.

A feature is one thing a workshop page can have: the workshop block, rosters, important dates, a
program, sponsors, papers, the series index. Its module (``features/<name>.py``) holds its
models, its reader and checks, its view data and its macros, and ends with a :class:`Feature`
that describes it; ``features/__init__.py`` lists them, and everything that must know every
feature (the macro names, the keys that are not rosters, the editor schema, the order pages are
read in) is derived from that list.

Reading a page (:mod:`~mkdocs_workshop.features.page`) gives each feature a
:class:`Reading`; what the features read is kept in a :class:`PageRead`, which does not change
afterwards. Rendering a macro gives it a :class:`Rendering`, through which it finds what was
read, keeps the little state a page's rendering needs, reports problems and puts its HTML into
the page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any, Generic, Protocol, TypeVar, cast

from ..core.calls import Call
from ..core.imagerefs import ImageMaker
from ..core.problems import Budget, Problem, Problems
from ..core.timezones import Zone

UrlFor = Callable[[str], "str | None"]


# ---------------------------------------------------------------------------------------------
# Macro calls
# ---------------------------------------------------------------------------------------------


# (message, fix) pairs: what is wrong with a call on a page.
Issues = list[tuple[str, str]]


@dataclass(frozen=True)
class Macro:
    """A macro of a feature: ``<< name(...) >>``."""

    name: str
    # render(rendering, *args, **kwargs) -> the HTML block (placed with rendering.place).
    render: Callable[..., str]
    # The front-matter key the macro shows: a page without it gets "is used, but the page has
    # no 'key:' list".
    key: str | None = None
    # What else is wrong with a call, from its arguments and what the page read.
    check: Callable[[Call, PageRead], Issues] | None = None
    # How messages name a call (default: Call.text).
    call_text: Callable[[Call], str] | None = None
    # Whether a page whose 'key:' list no call of this macro shows is told so (a warning).
    # False where the list is also used without the macro (dates: the edition header's next
    # deadline, the series index, the calendar file).
    only_shown_by_call: bool = True
    # What is under the key, as the message of a page without it names it: "list", "block".
    shows: str = "list"

    def name_call(self, call: Call) -> str:
        return self.call_text(call) if self.call_text else call.text()


T = TypeVar("T", covariant=True)
V = TypeVar("V")


@dataclass(frozen=True)
class Part(Generic[T]):
    """One value a feature reads from a page: its name among the page's parts, its type, and
    what a page without it has. A feature's read function returns its parts by name
    (``{ITEMS.name: items}``); every reader of them, features, the header and the hosts, gets
    them typed through :meth:`of` (``ITEMS.of(read.parts)``) or ``read.get(ITEMS)``."""

    name: str
    default: T

    def of(self, parts: Mapping[str, Any]) -> T:
        return cast(T, parts.get(self.name, self.default))


@dataclass(frozen=True)
class Feature:
    """One feature, as the registry lists it."""

    name: str
    # Front-matter keys it reads (a list under one of them is never taken for a roster).
    keys: tuple[str, ...] = ()
    # Reads its part of a page; returns the values to keep, by name (see PageRead).
    read: Callable[[Reading], Mapping[str, Any]] | None = None
    macros: tuple[Macro, ...] = ()
    # Its part of the editor schema: (properties of a page, definitions).
    schema: Callable[[], tuple[dict[str, Any], dict[str, Any]]] | None = None
    # Keys of lists that belong to one edition: the next edition's page starts them empty
    # (new-edition), with a commented template of the fields the old entries used.
    per_edition: tuple[str, ...] = ()
    # The sections a new site's edition page keeps in comments until their data is there
    # (init).
    waiting: tuple[Waiting, ...] = ()


@dataclass(frozen=True)
class Waiting:
    """A section of a new edition page (init) that waits in a Jinja comment for its data."""

    place: int  # where it stands in the page's text (smaller first)
    heading: str  # "Invited speakers"
    call: str  # '<< team("speakers") >>'
    data: str  # what it waits for, as the comment says: "`speakers:` in the front matter"
    example: str = ""  # its front-matter key with an example entry, commented out ('' for none)


# ---------------------------------------------------------------------------------------------
# Reading a page
# ---------------------------------------------------------------------------------------------


class Directory(Protocol):
    """The people directory, as features read it (see features/directory.py)."""

    name: str
    exists: bool
    people: dict[str, dict[str, Any]]
    invalid: dict[str, str]

    def get(self, person_id: str) -> dict[str, Any] | None: ...


@dataclass
class Reading:
    """What a feature reads a page with. ``parts`` holds what the features before it read."""

    src: str
    meta: Mapping[str, Any]  # the front matter (keys are text)
    problems: Problems
    calls: Sequence[Any]  # the scan's MacroCalls found in the page's text
    default_zone: Zone
    url_for: UrlFor
    directory: Directory
    papers: Any  # features.papers.PaperFiles: the build's papers files, each read once
    images: ImageMaker | None
    not_rosters: frozenset[str] = frozenset()  # keys some feature reads (see team.py)
    budget: Budget = field(default_factory=Budget)  # the page's "did you mean" comparisons
    parts: dict[str, Any] = field(default_factory=dict)

    def wanted(self, macro: str) -> list[str]:
        """The first argument of each call of ``macro`` in the page, where it is a literal."""
        return [c.arg for c in self.calls if c.name == macro and isinstance(c.arg, str)]


@dataclass(frozen=True)
class PageRead:
    r"""Everything the features read of one page, and what was wrong with it. It does not
    change after reading; each feature's values are read back through its :class:`Part`\s:
    ``read.get(DATES)``."""

    src: str
    problems: Sequence[Problem]
    keys: frozenset[str]  # the front matter's keys, as read
    meta: Mapping[str, Any]  # the front matter, for rosters a macro names at render time
    parts: Mapping[str, Any]
    calls: Sequence[Any] = ()  # the scan's MacroCalls found in the page's text, in order

    def get(self, part: Part[V]) -> V:
        return part.of(self.parts)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity.value == "error"]


def frozen(parts: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(parts))


# ---------------------------------------------------------------------------------------------
# Rendering a macro
# ---------------------------------------------------------------------------------------------


@dataclass
class RenderState:
    """What the rendering of one page keeps while its macros run (a new one each build)."""

    first_of: set[str] = field(default_factory=set)  # macros rendered once already
    # kind -> (site path of its .ics, what describes it once the page's title is known)
    calendars: dict[str, tuple[str, Callable[[str, datetime | None], Any]]] = field(
        default_factory=dict)
    reported: set[str] = field(default_factory=set)  # calls whose problems were reported
    late: dict[str, Any] = field(default_factory=dict)  # values read at render time

    def first(self, macro: str) -> bool:
        """Whether this is the page's first call of ``macro`` (and note that it was)."""
        if macro in self.first_of:
            return False
        self.first_of.add(macro)
        return True


class Rendering(Protocol):
    """What a macro renders with (the build makes one for each call; see build.py)."""

    read: PageRead
    state: RenderState
    now: datetime
    clock: str  # "24h" or "12h"
    default_zone: Zone

    def place(self, call: str, partial: str, **context: Any) -> str:
        """The partial rendered and put into the page (or an error box if it fails)."""
        ...

    def fail(self, call: str, issues: Issues) -> str:
        """Report a call's problems (once per page) and give the error box to show."""
        ...

    def box(self, text: str) -> str:
        """An error box with ``text``, for a problem already reported."""
        ...

    def report(self, problems: Problems) -> None: ...

    def calendar(self, kind: str,
                 make: Callable[[str, datetime | None], Any]) -> str | None:
        """Ask for the page's calendar file of ``kind``, which ``make(title, stamp)``
        describes (an ics.Calendar) once the page's title is known; its address, or None
        when the build makes no calendars."""
        ...

    def files(self) -> Any:
        """The site's files (hosts.FileList), or None before they are known."""
        ...

    def here(self) -> Any:
        """The page's own file."""
        ...

    def front(self, src: str, text: str) -> Any:
        """A page's front matter (frontmatter.FrontMatter), read once per build."""
        ...

    def papers_files(self) -> Any:
        """The build's papers files (papers.PaperFiles)."""
        ...

    def shared(self, name: str, make: Callable[[], Any]) -> Any:
        """A value made once per build (the series index reads every page once)."""
        ...


def each(values: Mapping[str, Sequence[Any]]) -> Iterator[Any]:
    for items in values.values():
        yield from items
