"""The workshop data of one build: pages read once, problems reported once, partials rendered.

The plugin creates one :class:`Workshop` per build and reads each page into it before the macros
plugin renders the page; the macros then only look up what was read. Used as a plain macros
module (no plugin), a page is read the first time one of its macros runs.
"""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Callable, Iterable, Mapping, MutableMapping, Sequence
from datetime import datetime
from typing import Any

from mkdocs.plugins import get_plugin_logger

from .directory import Directory
from .frontmatter import FrontMatter, PageData, parse_front_matter, read_page
from .papers import PaperFiles
from .people import ImageMaker
from .problems import Problem, Problems, Severity
from .render import Renderer, as_block
from .scan import MacroCall, find_calls
from .timezones import Zone

log = get_plugin_logger("workshop")


class Workshop:
    def __init__(self, *, renderer: Renderer, default_zone: Zone, now: datetime,
                 directory: Directory | None = None, clock: str = "24h",
                 docs_dir: str = "docs",
                 logger: logging.LoggerAdapter[logging.Logger] | None = None) -> None:
        self.renderer = renderer
        self.directory = directory or Directory("people.yml")
        self.clock = clock
        self.papers = PaperFiles(docs_dir)
        self.default_zone = default_zone
        self.now = now
        self.pages: dict[str, PageData] = {}
        self.errors: list[Problem] = []
        self._log = logger or log
        self._hidden: dict[str, dict[Any, Any]] = {}
        self._fronts: dict[str, tuple[str, FrontMatter]] = {}  # src -> (file text, its reading)
        # With the plugin, a macro's HTML waits outside the Markdown and is put into the page
        # once it is HTML (fill): Python-Markdown never parses it again, nor can mangle it.
        self.stash_blocks = False
        self.calendars = False  # the plugin writes .ics files; a macros module alone cannot
        self._blocks: dict[str, list[str]] = {}
        self._token = f"workshopblock{secrets.token_hex(8)}n"

    def report(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            if problem.severity is Severity.ERROR:
                self.errors.append(problem)
                self._log.error(str(problem))
            elif problem.severity is Severity.WARNING:
                self._log.warning(str(problem))
            else:
                self._log.info(str(problem))

    def front(self, src: str, source: str) -> FrontMatter:
        """The page's front matter, read once per build (the index reads every page's)."""
        known = self._fronts.get(src)
        if known is not None and known[0] == source:
            return known[1]
        front = parse_front_matter(src, source)
        self._fronts[src] = (source, front)
        return front

    def read(self, src: str, meta: Mapping[str, Any], calls: Sequence[MacroCall], *,
             url_for: Callable[[str], str | None], images: ImageMaker | None = None,
             source: str | None = None) -> PageData:
        """Read (or read again, on a rebuild) a page and report its problems.

        With the page's file text (``source``), its front matter is read from there, with the
        limits and checks of :func:`parse_front_matter`; ``meta`` is used only without it.
        """
        front = self.front(src, source) if source is not None else None
        data = read_page(src, front.meta if front else meta, calls,
                         default_zone=self.default_zone, url_for=url_for,
                         directory=self.directory, papers=self.papers, images=images,
                         front_problems=front.problems if front else ())
        self.pages[src] = data
        self.report(data.problems)
        return data

    def prepare(self, page: Any, markdown: str, *, url_for: Callable[[str], str | None],
                macro_names: Iterable[str], block: tuple[str, str] = ("{%", "%}"),
                images: ImageMaker | None = None, source: str | None = None) -> PageData:
        """Before the macros plugin renders ``page``: check its calls and front matter, and
        hide the front-matter keys that would shadow a macro or break the page (see below).

        ``source`` is the page's file as written; it is read here when the caller has not
        read it already.
        """
        src = page.file.src_uri
        if source is None:
            source = _source(page)
        calls = find_calls(markdown, block_start=block[0], block_end=block[1],
                           first_line=body_offset(source, markdown))
        data = self.read(src, page.meta or {}, calls, url_for=url_for, images=images,
                         source=source)
        hidden = list(macro_names)
        if source is not None:
            hidden += self.front(src, source).hidden
        if page.meta is not None:
            self.hide_macro_names(src, page.meta, hidden)
        return data

    def roster(self, data: PageData, meta: Mapping[str, Any], key: str) -> None:
        """Read a roster that a macro names at render time but the scan could not see."""
        assert data.reader is not None
        before = len(data.problems.items)
        data.rosters[key] = data.reader.read(key, meta[key])
        self.report(data.problems.items[before:])

    # The macros plugin passes every front-matter key to the page template as a variable, and a
    # variable wins over a macro of the same name: the list under `dates:` would stand where
    # dates() should be ("'list' object is not callable"). While the macros plugin renders a
    # page, keys named like a macro are taken out of its front matter; they are put back after.

    def hide_macro_names(self, src: str, meta: MutableMapping[Any, Any],
                         names: Iterable[Any]) -> None:
        hidden = {name: meta.pop(name) for name in names if name in meta}
        if hidden:
            self._hidden.setdefault(src, {}).update(hidden)

    def restore_macro_names(self, src: str, meta: MutableMapping[Any, Any]) -> None:
        meta.update(self._hidden.pop(src, {}))

    def front_matter(self, src: str, meta: Mapping[str, Any]) -> dict[str, Any]:
        """A page's front matter as the plugin read it (with the keys hidden during
        rendering, when it could only be had from MkDocs)."""
        known = self._fronts.get(src)
        if known is not None:
            return known[1].meta
        return {str(k): v for k, v in {**meta, **self._hidden.get(src, {})}.items()}


    # -- blocks ---------------------------------------------------------------------------

    def place(self, src: str, html: str) -> str:
        """What a macro puts into the Markdown for ``html``.

        With the plugin, a word of letters and digits that no Markdown extension changes
        (``pymdownx.striphtml`` removes HTML comments, for one), made with this build's own
        random part so that no page can forge it.
        """
        if not self.stash_blocks:
            return as_block(html)
        blocks = self._blocks.setdefault(src, [])
        blocks.append(html)
        return f"\n\n{self._token}{len(blocks) - 1}\n\n"

    def fill(self, src: str, content: str) -> str:
        """The page's HTML with each placed block put in; a block that Markdown or another
        plugin lost on the way is reported."""
        blocks = self._blocks.pop(src, [])
        if not blocks:
            return content
        placed: set[int] = set()

        def block(match: re.Match[str]) -> str:
            n = int(match.group(1))
            if n >= len(blocks):
                return match.group(0)
            placed.add(n)
            return blocks[n]

        pattern = re.compile(rf"(?:<p>\s*)?{self._token}(\d+)(?:\s*</p>)?")
        filled = pattern.sub(block, content)
        lost = len(blocks) - len(placed)
        if lost:
            problems = Problems(src)
            problems.error(
                f"the HTML of {lost} of its {len(blocks)} workshop macro call(s) did not reach "
                "the page: a Markdown extension or a plugin removed or changed it on the way.",
                fix="look for an extension that rewrites the page's text (or a macro call "
                "inside a code block), and remove it from markdown_extensions or move the call.",
            )
            self.report(problems)
        return filled


def _source(page: Any) -> str | None:
    return text_of(getattr(page, "file", None))


def text_of(file: Any) -> str | None:
    """The text of a site file (MkDocs' File, or the DocsFile of a plain macros module)."""
    try:
        source = file.content_string
    except (AttributeError, OSError, ValueError):
        return None
    return source if isinstance(source, str) else None


def body_offset(source: str | None, markdown: str) -> int:
    """How many lines of front matter come before ``markdown`` in the page's file."""
    if not source or not source.endswith(markdown):
        return 0
    return source[: len(source) - len(markdown)].count("\n")
