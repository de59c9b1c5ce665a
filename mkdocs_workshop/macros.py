"""The macros: ``<< team("speakers") >>``, ``<< dates() >>``.

The plugin registers them into mkdocs-macros-plugin. They are also a macros module, for sites
that list ``mkdocs_workshop.macros`` under the macros plugin's ``modules``: :func:`define_env`
then uses the plugin's own functions when the plugin is configured, and otherwise works on its
own (reading each page when its first macro runs; problems are logged, and ``--strict`` turns
them into a failed build).

A macro only renders: the plugin has already read and checked the page. A problem found at
render time is reported and the macro returns an error box instead of raising, because the
macros plugin would replace the whole page with a traceback and still exit 0.
"""

from __future__ import annotations

import os
import posixpath
import weakref
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote

from jinja2 import pass_context
from jinja2.runtime import Context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from . import render
from .directory import load_directory
from .editions import Edition, edition_view, order, read_editions
from .frontmatter import PageData, call_problems, load_papers
from .papers import PaperFile, awarded, count_line, group_papers, known_group_fields
from .problems import Problems, did_you_mean
from .render import PartialError, Renderer
from .site import Workshop, log, text_of
from .timezones import AOE

FIRST_ROW = 4  # cards in the first row of a grid at desktop width
UrlFor = Callable[[Any], Callable[[str], str | None]]


class Macros:
    """The macro functions of one build, bound to its :class:`Workshop`."""

    def __init__(self, workshop: Workshop, files_of: Callable[[], Any]) -> None:
        self.workshop = workshop
        self._files_of = files_of  # the build's Files, once known
        self._url_for = url_finder(files_of)  # page -> (src_uri -> URL for the page, or None)
        self._editions: list[Edition] | None = None
        # Under an engine that cannot stop a build for us (Zensical), a page with errors makes
        # its macros raise, so that the macros' on_error_fail stops the build.
        self.raise_on_errors = False

    def functions(self) -> dict[str, Callable[..., str]]:
        return {"team": self.team, "dates": self.dates, "schedule": self.schedule,
                "sponsors": self.sponsors, "editions": self.editions, "papers": self.papers,
                "awards": self.awards}

    # -- helpers --------------------------------------------------------------------------

    def _page(self, ctx: Context) -> tuple[Any, PageData]:
        page = ctx.get("page")
        file = file_of(page, self._files_of()) if page is not None else None
        if file is None:
            raise LookupError("this macro only works inside a Markdown page")
        src = file.src_uri
        data = self.workshop.pages.get(src)
        if data is None:  # used as a plain macros module: read the page now
            data = self.workshop.read(src, dict(page.meta or {}), (),
                                      url_for=self._url_for(page), source=text_of(file))
        if self.raise_on_errors and data.problems.errors:
            raise WorkshopDataError("\n".join(str(e) for e in data.problems.errors))
        return page, data

    def _check(self, page: Any, data: PageData, name: str, roster: str | None = None,
               layout: str | None = None) -> str | None:
        """An error box if the call cannot render; its problems are reported once."""
        if roster is not None and roster not in data.rosters and roster in data.keys:
            # A roster the scan could not see (a name computed in the template).
            meta = self.workshop.front_matter(data.src, page.meta or {})
            self.workshop.roster(data, meta, roster)
        issues = call_problems(name, roster, layout, data)
        if not issues:
            return None
        call = _call_text(name, roster, layout)
        if (name, roster, layout) not in data.reported_calls:
            data.reported_calls.add((name, roster, layout))
            problems = Problems(data.src)
            for message, fix in issues:
                problems.error(message, call=call, fix=fix)
            self.workshop.report(problems)
        return render.error_block(f"{data.src}: {call}: {issues[0][0]}")

    def _calendar(self, page: Any, data: PageData, kind: str) -> str | None:
        """The address of the page's .ics file of this kind, which the plugin writes."""
        if not self.workshop.calendars:
            return None
        name = f"{page.file.name}-{kind}.ics"
        data.calendar_files[kind] = posixpath.join(posixpath.dirname(page.file.dest_uri), name)
        return quote(name)  # a page named "q&a#2" still links to its own file

    def _render(self, data: PageData, call: str, name: str, **context: Any) -> str:
        try:
            return self.workshop.place(data.src, self.workshop.renderer.render(name, **context))
        except PartialError as exc:
            problems = Problems(data.src)
            problems.error(str(exc) + ".", call=call,
                           fix="correct the partial, or remove your copy of it from custom_dir.")
            self.workshop.report(problems)
            return render.error_block(str(problems.items[0]))

    # -- macros ---------------------------------------------------------------------------

    @pass_context
    def team(self, ctx: Context, roster: str, layout: str = "grid") -> str:
        """People cards for the front-matter list ``roster``; ``layout`` is grid or list."""
        page, data = self._page(ctx)
        failed = self._check(page, data, "team", str(roster), str(layout))
        if failed is not None:
            return failed
        # The first row of the first roster on the page is in view at once: load it eagerly.
        eager = FIRST_ROW if not data.team_rendered else 0
        data.team_rendered = True
        return self._render(data, _call_text("team", roster, layout), "team",
                            **render.team_context(roster, data.rosters[roster], layout, eager))

    def _list_macro(self, ctx: Context, name: str,
                    context: Callable[[Any, PageData], dict[str, Any] | None]) -> str:
        """A macro that shows one front-matter list of the page (dates:, schedule:, ...)."""
        page, data = self._page(ctx)
        failed = self._check(page, data, name)
        values = context(page, data) if failed is None else None
        if values is None:  # the key is there but unreadable: reported when the page was read
            return failed or ""
        return self._render(data, f"{name}()", name, **values)

    @pass_context
    def dates(self, ctx: Context) -> str:
        """The page's important dates, with past ones marked and the next one highlighted."""

        def context(page: Any, data: PageData) -> dict[str, Any] | None:
            if data.dates is None:
                return None
            zone = data.dates_zone or self.workshop.default_zone
            views = render.date_views(data.dates, zone, self.workshop.now)
            return {"dates": views, "zone": zone, "mixed": any(v.zone_label for v in views),
                    "calendar_url": self._calendar(page, data, "dates") if data.dates else None}

        return self._list_macro(ctx, "dates", context)

    @pass_context
    def schedule(self, ctx: Context) -> str:
        """The page's program, by day, in the edition's time zone."""

        def context(page: Any, data: PageData) -> dict[str, Any] | None:
            if data.schedule is None:
                return None
            days, zone = render.schedule_views(data.schedule, self.workshop.clock)
            tz = data.schedule.zone
            return {"days": days, "zone": zone, "clock": self.workshop.clock,
                    "zone_key": tz.key if tz and tz.key not in ("AoE",) else None,
                    "calendar_url": (self._calendar(page, data, "program")
                                     if data.schedule.slots else None)}

        return self._list_macro(ctx, "schedule", context)

    @pass_context
    def sponsors(self, ctx: Context) -> str:
        """The page's sponsors, by tier."""
        return self._list_macro(ctx, "sponsors", lambda _page, data: (
            None if data.sponsors is None else {"tiers": data.sponsors}))

    @pass_context
    def editions(self, ctx: Context) -> str:
        """The series index: every page with a ``workshop:`` block, upcoming first."""
        page, data = self._page(ctx)
        files = self._files_of()
        if files is None:  # before MkDocs has listed the site's files: nothing to index yet
            return self._render(data, "editions()", "editions", groups=[])
        if self._editions is None:
            self._editions = read_editions(files, self.workshop.front)
        upcoming, past, undated = order(self._editions, self.workshop.now.date())
        groups = []
        for label, editions in (("Upcoming", upcoming), ("Past", past),
                                ("Date to be announced", undated)):
            views = []
            here = file_of(page, files)
            for edition in editions:
                target = files.get_file_from_path(edition.src_uri)
                href = target.url_relative_to(here)
                views.append(edition_view(edition, href, edition.src_uri == here.src_uri))
            if views:
                groups.append((label, views))
        return self._render(data, "editions()", "editions", groups=groups)


    def _paper_file(self, data: PageData, name: str, source: str) -> PaperFile | str:
        """The file a papers()/awards() call names, or the error box to show instead."""
        call = f'{name}("{source}")'
        if (name, source, None) in data.reported_calls:
            return render.error_block(f"{data.src}: {call}: see the build log.")
        before = len(data.problems.items)
        found = load_papers(data, source, self.workshop.papers, call)
        self.workshop.report(data.problems.items[before:])  # read here for the first time
        if found is None:
            data.reported_calls.add((name, source, None))
            return render.error_block(f"{data.src}: {call}: see the build log.")
        return found

    @pass_context
    def papers(self, ctx: Context, source: str, group_by: str | None = None) -> str:
        """Accepted papers from a data file, grouped by decision or by ``group_by``."""
        _page, data = self._page(ctx)
        found = self._paper_file(data, "papers", str(source))
        if isinstance(found, str):
            return found
        call = f'papers("{source}", group_by="{group_by}")' if group_by else f'papers("{source}")'
        if group_by is not None and group_by not in known_group_fields(found.entries):
            if (call, group_by, None) not in data.reported_calls:
                data.reported_calls.add((call, group_by, None))
                close = did_you_mean(str(group_by), known_group_fields(found.entries))
                problems = Problems(data.src)
                problems.error(f"groups by '{group_by}', which no paper in {found.path} has.",
                               call=call, fix=(f"did you mean '{close}'? " if close else "")
                               + "Name a field or column of the file, or leave group_by out.")
                self.workshop.report(problems)
            return render.error_block(f"{data.src}: {call}: unknown field '{group_by}'.")
        groups = group_papers(found.entries, group_by)
        by_decision = group_by in (None, "decision")
        return self._render(data, call, "papers", groups=groups,
                            count=count_line(groups, by_decision), awards=False)

    @pass_context
    def awards(self, ctx: Context, source: str) -> str:
        """The papers of a data file that have an ``award``: paper, authors, award."""
        _page, data = self._page(ctx)
        found = self._paper_file(data, "awards", str(source))
        if isinstance(found, str):
            return found
        groups = group_papers(awarded(found.entries), "award")
        return self._render(data, f'awards("{source}")', "papers", groups=groups, count=None,
                            awards=True)


def _call_text(name: str, roster: str | None, layout: str | None) -> str:
    if name != "team":
        return f"{name}()"
    return f'team("{roster}")' if layout in (None, "grid") else f'team("{roster}", "{layout}")'


# ---------------------------------------------------------------------------------------------
# As a macros module
# ---------------------------------------------------------------------------------------------


class WorkshopDataError(Exception):
    """The page's workshop data has errors (raised only under engines that need it)."""


def file_of(page: Any, files: Any) -> Any:
    """The page's file: MkDocs pages have one; a Zensical page has a path into the docs."""
    file = getattr(page, "file", None)
    if file is None and files is not None and getattr(page, "path", None):
        file = files.get_file_from_path(str(page.path))
    return file


def url_finder(files_of: Callable[[], Any]) -> UrlFor:
    """Build the page -> (src_uri -> relative URL) function from the build's files."""

    def for_page(page: Any) -> Callable[[str], str | None]:
        def url_for(src_uri: str) -> str | None:
            files = files_of()
            found = files.get_file_from_path(src_uri) if files is not None else None
            here = file_of(page, files)
            if found is None or here is None or found.inclusion.is_excluded():
                return None
            return str(found.url_relative_to(here))

        return url_for

    return for_page


def macro_block_strings(macros_plugin: Any) -> tuple[str, str]:
    """The macros plugin's block delimiters (for finding ``{% raw %}`` blocks)."""
    config = macros_plugin.config
    return (config.get("j2_block_start_string") or "{%", config.get("j2_block_end_string") or "%}")


# The Macros of each macros-plugin instance that loaded this module without the workshop plugin.
_STANDALONE: weakref.WeakKeyDictionary[Any, Macros] = weakref.WeakKeyDictionary()


def define_env(env: Any) -> None:
    """Entry point for mkdocs-macros-plugin's ``modules:`` list (and Zensical's)."""
    if not isinstance(env.conf, MkDocsConfig):
        _define_plain(env)
        return
    config: MkDocsConfig = env.conf
    plugin = config.plugins.get("workshop")
    functions = getattr(plugin, "macro_functions", None)
    if functions is not None:
        macros = functions()  # the plugin reads and checks pages itself
    else:
        from mkdocs.utils import get_build_datetime

        directory, problems = load_directory(config.docs_dir, "people.yml")
        workshop = Workshop(renderer=Renderer(config.theme.dirs), default_zone=AOE,
                            now=get_build_datetime(), directory=directory,
                            docs_dir=config.docs_dir)
        workshop.report(problems)
        standalone = Macros(workshop, lambda: env.variables.get("files"))
        _STANDALONE[env] = standalone
        macros = standalone.functions()
    for name, function in macros.items():
        env.macro(function, name)


def on_pre_page_macros(env: Any) -> None:
    """Without the plugin: read and check the page before its macros render."""
    macros = _STANDALONE.get(env)
    if macros is not None:
        macros.workshop.prepare(env.page, env.markdown, url_for=macros._url_for(env.page),
                                macro_names=macros.functions(), block=macro_block_strings(env))


def on_post_page_macros(env: Any) -> None:
    macros = _STANDALONE.get(env)
    if macros is not None:
        macros.workshop.restore_macro_names(env.page.file.src_uri, env.page.meta)


def on_post_build(env: Any) -> None:
    """Without the plugin: a build with errors in its workshop data fails, if only at the end."""
    macros = _STANDALONE.get(env)
    if macros is not None and macros.workshop.errors:
        raise PluginError(
            f"workshop: {len(macros.workshop.errors)} problem(s) in the workshop data "
            "(listed above)."
        )


# -- Under Zensical -----------------------------------------------------------------------------

PLUGIN_ONLY = ("avatars made for the card (photos are linked as they are)", "calendar files",
               "schema.org data", "live dates and the visitor's time zone",
               "the stylesheet, unless extra_css lists it (mkdocs-workshop assets DIR)",
               "errors listed on the page while serving")
_PLAIN: dict[tuple[str, float], Macros] = {}
_NOTICE = {"shown": False}


def _define_plain(env: Any) -> None:
    """Zensical calls define_env for every page, just before rendering it: read and check the
    page now, hide the front-matter keys that would shadow a macro, register the macros."""
    from mkdocs.utils import get_build_datetime

    from .engines import DocsFolder, plain_site

    site = plain_site(env.conf, str(env.project_dir))
    stamp = max((os.stat(os.path.join(root, name)).st_mtime
                 for root, _dirs, names in os.walk(site.docs_dir) for name in names),
                default=0.0)
    macros = _PLAIN.get((site.docs_dir, stamp))
    if macros is None:  # first page, or the docs changed (zensical serve)
        directory, problems = load_directory(site.docs_dir, "people.yml")
        workshop = Workshop(renderer=Renderer(site.theme_dirs), default_zone=AOE,
                            now=get_build_datetime(), directory=directory,
                            docs_dir=site.docs_dir)
        workshop.report(problems)
        folder = DocsFolder(site.docs_dir)
        macros = Macros(workshop, lambda: folder)
        macros.raise_on_errors = True
        _PLAIN.clear()
        _PLAIN[(site.docs_dir, stamp)] = macros
    if not _NOTICE["shown"]:
        _NOTICE["shown"] = True
        log.warning("mkdocs-workshop runs as a macros module here, without its MkDocs plugin: "
                    "rosters, dates, program, papers, sponsors and editions work; "
                    + "; ".join(PLUGIN_ONLY) + " need the plugin (MkDocs or ProperDocs).")
    page = env.page
    file = file_of(page, macros._files_of()) if page is not None else None
    source = text_of(file)
    if file is not None and source is not None:
        body = source[macros.workshop.front(file.src_uri, source).body_start:].lstrip("\n")
        plugin_config = env.config if isinstance(env.config, dict) else {}
        block = (plugin_config.get("j2_block_start_string") or "{%",
                 plugin_config.get("j2_block_end_string") or "%}")
        adapter = SimpleNamespace(file=file, meta=page.meta)
        macros.workshop.prepare(adapter, body, url_for=macros._url_for(adapter),
                                macro_names=macros.functions(), block=block, source=source)
    for name, function in macros.functions().items():
        env.macro(function, name)
