"""One build: the pages read once, the problems reported once, the macros bound to the pages.

A host (the plugin, a plain macros module, Zensical; see :mod:`mkdocs_workshop.hosts.settings`)
makes one :class:`Build` per build from its
:class:`~mkdocs_workshop.hosts.settings.Settings`. Each page is read into it before the
macros plugin renders the page (:meth:`Build.prepare`); the macros (:meth:`Build.macro_functions`,
one per macro of the registry) then only look up what was read,
and keep what a page's rendering needs in a :class:`~mkdocs_workshop.features.base.RenderState`.
Used as a plain macros module with no plugin to prepare pages, a page is read the first time
one of its macros runs.
"""

from __future__ import annotations

import inspect
import logging
import posixpath
import re
import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from ..core.anchors import unique_ids
from ..core.calls import Call
from ..core.frontmatter import FrontMatter, parse_front_matter
from ..core.imagerefs import ImageMaker
from ..core.log import log
from ..core.markdownlimits import MAX_DEPTH, line_in_file, tame_brackets, tame_html_depth
from ..core.problems import Problem, Problems, Severity
from ..core.scan import MacroCall
from ..core.timezones import Zone
from ..features import MACROS
from ..features.base import Issues, Macro, PageRead, RenderState
from ..features.directory import load_directory
from ..features.page import REPORTED, call_issues, find_calls, read_page
from ..features.papers import PaperFiles
from . import render
from .engine import FilesOf, Settings, file_of, text_of, url_finder
from .render import PartialError, Renderer, as_block

_LINE_END = re.compile(r"\r\n|\r|\n")  # as Jinja's lexer splits a template's lines


class WorkshopDataError(Exception):
    """The page's workshop data has errors (raised only under engines that need it)."""


@dataclass(frozen=True)
class CalendarFile:
    """A calendar file a page's macros asked for: where it goes, and what makes it."""

    src: str  # the page
    kind: str  # "dates", "program"
    path: str  # in the site: "icml24/icml24-dates.ics"
    make: Callable[[str, datetime | None], Any]  # (page title, stamp) -> ics.Calendar


# (message, fix) for each reason a paragraph is shown as written (markdownlimits.Heavy.why).
_HEAVY = {
    "brackets": ("the paragraph holds {brackets:,} brackets nested or left open, which Markdown "
                 "would take minutes to read; they are shown as written, not as links.",
                 "close each '[' with its ']' and each '(' with its ')', or put the text in a "
                 "code block."),
    "emphasis": ("the paragraph holds {count:,} '*' and '_' marks, which Markdown would take "
                 "minutes to read; it is shown as written, without emphasis.",
                 "put the text in a code block, or split it into paragraphs."),
    "depth": ("the paragraph nests lists or quotes {count:,} levels deep (more than {limit}), "
              "which Markdown cannot read; it is shown as written.",
              "nest fewer levels, or put the text in a code block."),
}


class Build:
    def __init__(self, settings: Settings, files_of: FilesOf, *,
                 logger: logging.LoggerAdapter[logging.Logger] | None = None) -> None:
        self.settings = settings
        self.files_of = files_of  # the build's files, once known
        self.url_for = url_finder(files_of)  # page -> (src_uri -> URL for the page, or None)
        self.renderer = Renderer(settings.theme_dirs, settings.cache_dir / "templates"
                                 if settings.cache_dir is not None else None)
        self.papers = PaperFiles(settings.docs_dir)
        self.reads: dict[str, PageRead] = {}
        self.states: dict[str, RenderState] = {}
        self.errors: list[Problem] = []
        self._log = logger or log
        self._fronts: dict[str, tuple[str, FrontMatter]] = {}  # src -> (file text, reading)
        self._hidden: dict[str, dict[Any, Any]] = {}
        self._blocks: dict[str, list[str]] = {}
        self._shared: dict[str, Any] = {}
        self._token = f"workshopblock{secrets.token_hex(8)}n"
        self._functions: dict[str, Callable[..., str]] | None = None
        self._signatures: dict[str, inspect.Signature] = {}
        self.directory, problems = load_directory(settings.docs_dir, settings.people_file)
        self.report(problems)

    @property
    def now(self) -> datetime:
        return self.settings.now

    @property
    def default_zone(self) -> Zone:
        return self.settings.default_zone

    def report(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            if problem.severity is Severity.ERROR:
                self.errors.append(problem)
                self._log.error(str(problem))
            elif problem.severity is Severity.WARNING:
                self._log.warning(str(problem))
            else:
                self._log.info(str(problem))

    # -- reading --------------------------------------------------------------------------

    def front(self, src: str, source: str) -> FrontMatter:
        """The page's front matter, read once per build (the index reads every page's)."""
        known = self._fronts.get(src)
        if known is not None and known[0] == source:
            return known[1]
        theme = self.settings.theme_dirs if self.settings.whole_theme else ()
        front = parse_front_matter(src, source, theme)
        self._fronts[src] = (source, front)
        return front

    def read(self, src: str, meta: Mapping[str, Any], calls: Sequence[MacroCall] | None, *,
             url_for: Callable[[str], str | None], images: ImageMaker | None = None,
             source: str | None = None) -> PageRead:
        """Read (or read again, on a rebuild) a page and report its problems.

        With the page's file text (``source``), its front matter is read from there, with the
        limits and checks of :func:`parse_front_matter`; ``meta`` is used only without it.
        """
        front = self.front(src, source) if source is not None else None
        read = read_page(src, front.meta if front else meta, calls,
                         default_zone=self.default_zone, url_for=url_for,
                         directory=self.directory, papers=self.papers, images=images,
                         front_problems=front.problems if front else ())
        self.reads[src] = read
        self.states[src] = RenderState()
        self.report(read.problems)
        return read

    def prepare(self, page: Any, markdown: str, *, url_for: Callable[[str], str | None],
                block: tuple[str, str] = ("{%", "%}"), comment: tuple[str, str] = ("{#", "#}"),
                images: ImageMaker | None = None, source: str | None = None) -> PageRead:
        """Before the macros plugin renders ``page``: check its calls and front matter, and
        hide the front-matter keys that would shadow a macro or break the page (see below).

        ``source`` is the page's file as written; it is read here when the caller has not
        read it already.
        """
        src = page.file.src_uri
        if source is None:
            source = text_of(page.file)
        calls = find_calls(markdown, block_start=block[0], block_end=block[1],
                           comment_start=comment[0], comment_end=comment[1],
                           first_line=body_offset(source, markdown))
        read = self.read(src, page.meta or {}, calls, url_for=url_for, images=images,
                         source=source)
        hidden: list[Any] = list(MACROS)
        if source is not None:
            hidden += self.front(src, source).hidden
        if page.meta is not None:
            self.hide_macro_names(src, page.meta, hidden)
        return read

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

    # -- macros ---------------------------------------------------------------------------

    def macro_functions(self) -> dict[str, Callable[..., str]]:
        """The registry's macros, bound to this build, as the macros plugin calls them."""
        if self._functions is None:
            self._functions = {name: self._bind(macro) for name, macro in MACROS.items()}
        return self._functions

    def _bind(self, macro: Macro) -> Callable[..., str]:
        build = self

        @pass_context
        def run(ctx: Context, *args: Any, **kwargs: Any) -> str:
            return build._run(macro, build._rendering(ctx.get("page")), args, kwargs)

        run.__name__ = macro.name
        run.__doc__ = macro.render.__doc__
        return run

    def _run(self, macro: Macro, rendering: PageRendering, args: Sequence[Any],
             kwargs: Mapping[str, Any]) -> str:
        call = Call(macro.name, tuple(args), dict(kwargs))
        signature = self._signatures.get(macro.name)
        if signature is None:
            signature = self._signatures[macro.name] = inspect.signature(macro.render)
        try:
            signature.bind(rendering, *args, **kwargs)
        except TypeError:
            return rendering.fail(call.text(), [_misfit(macro, signature)])
        issues = call_issues(macro, call, rendering.read)
        if issues:
            return rendering.fail(macro.name_call(call), issues)
        return macro.render(rendering, *args, **kwargs)

    def render_parts(self, page: Any, parts: Sequence[str | Call]) -> str:
        """What the macros plugin makes of a page that Jinja reads as ``parts`` (its text and
        this plugin's calls with literal arguments, calls.plan), without compiling the page
        as a template: the text as Jinja gives it back, each call replaced by what its macro
        returns, in the page's order."""
        rendering = self._rendering(page)
        return "".join(part if isinstance(part, str) else
                       self._run(MACROS[part.name], rendering, part.args, part.kwargs)
                       for part in parts)

    def _rendering(self, page: Any) -> PageRendering:
        file = file_of(page, self.files_of()) if page is not None else None
        if file is None:
            raise LookupError("this macro only works inside a Markdown page")
        src = file.src_uri
        read = self.reads.get(src)
        if read is None:  # used as a plain macros module: read the page now
            read = self.read(src, dict(page.meta or {}), None, url_for=self.url_for(page),
                             source=text_of(file))
        if self.settings.raise_on_errors and read.errors:
            raise WorkshopDataError("\n".join(str(e) for e in read.errors))
        return PageRendering(self, page, file, read, self.states.setdefault(src, RenderState()))

    def calendar_files(self) -> Iterator[CalendarFile]:
        """Every calendar file a page's macros asked for in this build."""
        for src, state in self.states.items():
            for kind, (path, make) in state.calendars.items():
                yield CalendarFile(src, kind, path, make)

    def tame(self, src: str, markdown: str, source: str | None) -> str:
        """The Markdown given to Python-Markdown, with each paragraph that would take it
        minutes shown as written instead, and reported with its line in the page's file
        (``source``, when known): see :mod:`mkdocs_workshop.core.markdownlimits`."""
        tamed, heavy = tame_brackets(markdown, lambda text: self.place(
            src, str(Markup('<p class="workshop-as-written">{}</p>').format(text))))
        bracketed = tamed
        tamed, deep_html = tame_html_depth(bracketed)
        if heavy or deep_html:
            problems = Problems(src)
            for paragraph in heavy:
                message, fix = _HEAVY[paragraph.why]
                problems.error(message.format(brackets=paragraph.brackets,
                                              count=paragraph.count, limit=MAX_DEPTH),
                               line=line_in_file(source, markdown, paragraph), fix=fix)
            for block in deep_html:
                problems.error(
                    f"the HTML block with a 'markdown' attribute nests blocks more than "
                    f"{MAX_DEPTH} deep, which Markdown cannot read; its attribute is taken "
                    "off, so it is shown as HTML, its Markdown as written.",
                    line=line_in_file(source, bracketed, block),
                    fix="nest fewer blocks, or remove the 'markdown' attribute.")
            self.report(problems)
        return tamed

    # -- blocks ---------------------------------------------------------------------------

    def place(self, src: str, html: str) -> str:
        """What a macro puts into the Markdown for ``html``.

        With the plugin, a word of letters and digits that no Markdown extension changes
        (``pymdownx.striphtml`` removes HTML comments, for one), made with this build's own
        random part so that no page can forge it.
        """
        if not self.settings.stash_blocks:
            return as_block(html)
        blocks = self._blocks.setdefault(src, [])
        blocks.append(html)
        return f"\n\n{self._token}{len(blocks) - 1}\n\n"

    def placed(self, src: str) -> tuple[str, ...]:
        """The HTML blocks placed on the page so far, in order (its placeholders end in their
        index); the benchmark reads them to build the same pages without the plugin."""
        return tuple(self._blocks.get(src, ()))

    def without_blocks(self, content: str) -> str:
        """The page's HTML without the placeholders of its macros' blocks (before fill)."""
        return re.sub(rf"(?:<p>\s*)?{self._token}\d+(?:\s*</p>)?", "", content)

    def fill(self, src: str, content: str) -> str:
        """The page's HTML with each placed block put in; a block that Markdown or another
        plugin lost on the way is reported."""
        blocks = self._blocks.pop(src, [])
        if not blocks:
            return content
        blocks = unique_ids(re.sub(rf"{self._token}\d+", "", content), blocks)
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


@dataclass
class PageRendering:
    """What one macro call renders with (see features.base.Rendering)."""

    build: Build
    page: Any
    file: Any
    read: PageRead
    state: RenderState

    @property
    def now(self) -> datetime:
        return self.build.now

    @property
    def clock(self) -> str:
        return self.build.settings.clock

    @property
    def default_zone(self) -> Zone:
        return self.build.default_zone

    def place(self, call: str, partial: str, **context: Any) -> str:
        try:
            html = self.build.renderer.render(partial, **context)
        except PartialError as exc:
            problems = Problems(self.read.src)
            problems.error(str(exc) + ".", call=call,
                           fix="correct the partial, or remove your copy of it from custom_dir.")
            self.build.report(problems)
            return render.error_block(str(problems.items[0]))
        return self.build.place(self.read.src, html)

    def fail(self, call: str, issues: Issues) -> str:
        if call not in self.read.get(REPORTED) and call not in self.state.reported:
            self.state.reported.add(call)
            problems = Problems(self.read.src)
            for message, fix in issues:
                problems.error(message, call=call, fix=fix)
            self.build.report(problems)
        return render.error_block(f"{self.read.src}: {call}: {issues[0][0]}")

    def box(self, text: str) -> str:
        return render.error_block(text)

    def report(self, problems: Problems) -> None:
        self.build.report(problems)

    def calendar(self, kind: str, make: Callable[[str, datetime | None], Any]) -> str | None:
        """The address of the page's .ics file of this kind, which the plugin writes."""
        if not self.build.settings.calendars:
            return None
        name = f"{self.file.name}-{kind}.ics"
        path = posixpath.join(posixpath.dirname(self.file.dest_uri), name)
        self.state.calendars[kind] = (path, make)
        return quote(name)  # a page named "q&a#2" still links to its own file

    def files(self) -> Any:
        return self.build.files_of()

    def here(self) -> Any:
        return self.file

    def front(self, src: str, text: str) -> FrontMatter:
        return self.build.front(src, text)

    def papers_files(self) -> PaperFiles:
        return self.build.papers

    def shared(self, name: str, make: Callable[[], Any]) -> Any:
        if name not in self.build._shared:
            self.build._shared[name] = make()
        return self.build._shared[name]


def _misfit(macro: Macro, signature: inspect.Signature) -> tuple[str, str]:
    """Why a call's arguments do not fit the macro, and the fix."""
    return (f"does not fit {macro.name}({_parameters(signature)}).",
            f"see the reference of {macro.name}() for what it takes.")


def _parameters(signature: inspect.Signature) -> str:
    """``roster, layout="grid"``: a macro's parameters, as a page writes them."""
    shown = []
    for parameter in list(signature.parameters.values())[1:]:
        if parameter.default is inspect.Parameter.empty:
            shown.append(parameter.name)
        else:
            default = parameter.default
            shown.append(f'{parameter.name}="{default}"' if isinstance(default, str)
                         else f"{parameter.name}={default}")
    return ", ".join(shown)


def body_offset(source: str | None, markdown: str) -> int:
    """How many lines of front matter come before ``markdown`` in the page's file."""
    if not source or not source.endswith(markdown):
        return 0
    return source[: len(source) - len(markdown)].count("\n")
