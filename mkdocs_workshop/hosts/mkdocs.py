"""The MkDocs plugin: event handlers only. Each hands MkDocs' objects to the layers below: a
page's reading and its macros (:mod:`..site.build`), pictures (:mod:`..site.pageimages`), the
header (:mod:`..site.header`), link previews, structured data and the head's escaping
(:mod:`..site.previews`, :mod:`..site.structured`, :mod:`..site.head`), calendar files
(:mod:`..site.calendars`); what mkdocs-macros needs is in :mod:`.macrosplugin`."""

from __future__ import annotations

import os
import posixpath
from typing import Any

from markupsafe import escape
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..core.frontmatter import EMPTY_FRONT_MATTER
from ..core.log import log
from ..core.problems import printable
from ..features import team, workshop
from ..site import head
from ..site.build import Build
from ..site.calendars import CalendarCache, write_calendars
from ..site.header import (
    EditionLink,
    edition_link,
    edition_page_of,
    insert_after_title,
    page_header,
    sections_of,
)
from ..site.pageimages import BuildImages, ImageOptionError, ImageOptions, make_processor
from ..site.previews import Preview, add_to_head, edition_preview, first_paragraph
from ..site.render import (
    SCRIPT,
    STYLESHEET,
    TEMPLATES_DIR,
    PartialError,
    error_summary,
    failed_build,
)
from ..site.structured import event_data, script_tag
from . import macrosplugin
from .config import WorkshopConfig
from .settings import cache_dir, macro_block_strings, macro_comment_strings, plugin_settings


class WorkshopPlugin(BasePlugin[WorkshopConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self._sources: dict[str, str] = {}  # this build's page sources, as read
        self.build: Build | None = None
        self.images: BuildImages | None = None
        self._files: Files | None = None
        self._calendars: CalendarCache | None = None  # kept across serve's rebuilds
        self._quiet: set[str] = set()  # pages mkdocs-macros need not render (no template)
        self._previews: dict[str, Preview] = {}  # this build's link previews, by page
        self._written: dict[str, str] = {}  # each page's file as written, until rendered
        self._head: dict[str, dict[str, Any]] = {}  # meta values escaped while rendering
        self._first: dict[str, str | None] = {}  # each page's own first paragraph, as text

    # -- configuration --------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # While serving, a page with errors shows them instead of stopping the rebuild, so the
        # server keeps serving and fixing the file brings the page back. (Defining on_startup
        # also keeps this plugin instance across rebuilds; on_config starts each build afresh.)
        self.serving = command == "serve"

    @event_priority(50)  # before the macros plugin loads its modules (define_env)
    def _setup(self, config: MkDocsConfig) -> MkDocsConfig:
        macrosplugin.check_macros_plugin(config)
        if TEMPLATES_DIR not in config.theme.dirs:
            # After custom_dir and the theme, so that a site's own partials win.
            config.theme.dirs.append(TEMPLATES_DIR)
        if self.config.stylesheet and STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        people = os.path.join(config.docs_dir, self.config.people_file)
        if os.path.isfile(people) and people not in config.watch:
            config.watch.append(people)
        if self.config.javascript and SCRIPT not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(ExtraScriptValue(SCRIPT))
        self._files = None
        self._sources = {}
        self.build = Build(plugin_settings(config, self.config), lambda: self._files)
        self.images = self._images(config)
        if self._calendars is None:
            self._calendars = CalendarCache(cache_dir(config, self.config) / "calendars")
        return config

    def _images(self, config: MkDocsConfig) -> BuildImages | None:
        options = self.config
        if not options.images:
            return None
        try:
            processor = make_processor(ImageOptions(
                cache_dir(config, options), options.avatar_size, options.logo_height,
                options.image_quality, tuple(options.image_formats)), log.info)
        except ImageOptionError as exc:
            raise PluginError(f"workshop: {exc}") from None
        return BuildImages(processor, config.docs_dir, self._locate)

    def _locate(self, src_uri: str) -> str | None:
        found = self._files.get_file_from_path(src_uri) if self._files is not None else None
        return found.abs_src_path if found is not None else None

    @event_priority(-50)  # after the macros plugin has set up its environment
    def _register(self, config: MkDocsConfig) -> MkDocsConfig:
        macrosplugin.register(config, self.macro_functions())
        return config

    on_config = CombinedEvent(_setup, _register)

    def macro_functions(self) -> dict[str, Any]:
        """The macros of this build; ``define_env`` uses them when the plugin is configured."""
        if self.build is None:
            raise PluginError("workshop: the plugin's macros were asked for before on_config.")
        return self.build.macro_functions()

    # -- pages ----------------------------------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # The people directory is data for the build, not a page or an asset to publish.
        people = files.get_file_from_path(self.config.people_file)
        if people is not None:
            files.remove(people)
        self._files = files
        return files

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """The page's text; a page that is not UTF-8 stops the build with how to fix it
        (MkDocs itself would end with a Python traceback)."""
        try:
            source = str(page.file.content_string)
        except UnicodeDecodeError as exc:
            line = page.file.content_bytes[: exc.start].count(b"\n") + 1
            raise PluginError(
                f"workshop: {printable(page.file.src_uri)}: line {line}: the file is not UTF-8 "
                f"text (byte {exc.start}, 0x{page.file.content_bytes[exc.start]:02x}). Fix: "
                "save it as UTF-8 in your editor (in VS Code: 'Save with Encoding', UTF-8)."
            ) from None
        except OSError:
            return None  # MkDocs reports a file it cannot read
        self._sources[page.file.src_uri] = source  # read once: prepare() needs it too
        assert self.build is not None
        front = self.build.front(page.file.src_uri, source)
        if front.replace:  # a block MkDocs would lose, or crash on: see FrontMatter
            return EMPTY_FRONT_MATTER + source[front.body_start:]
        return source

    @event_priority(50)  # before the macros plugin renders the page
    def _read_page(self, markdown: str, *, page: Page, config: MkDocsConfig,
                   files: Files) -> str:
        assert self.build is not None
        self._files = files
        source = self._sources.pop(page.file.src_uri, None)
        front = self.build.front(page.file.src_uri, source) if source is not None else None
        if source is not None and front is not None:
            self._written[page.file.src_uri] = source
            if front.replace:  # MkDocs was given an empty block: the meta is the plugin's
                page.meta = dict(front.mkdocs_meta)
            page.meta.update(front.patch)
        macros: Any = config.plugins["macros"]
        if macrosplugin.renders(macros, page, page.meta or {}):
            images = self.images.maker(page.url) if self.images is not None else None
            read = self.build.prepare(page, markdown, url_for=self.build.url_for(page),
                                      block=macro_block_strings(macros.config),
                                      comment=macro_comment_strings(macros.config),
                                      images=images, source=source)
            parts = macrosplugin.in_place(markdown, read.calls, macros, page) \
                if "render_macros" not in page.meta else None
            if parts is not None:
                # Nothing for Jinja to do but this plugin's own calls: they are rendered here,
                # and mkdocs-macros is told not to compile the whole page as a template for
                # them. Put back after it has run (_restore_page).
                markdown = self.build.render_parts(page, parts)
                page.meta["render_macros"] = False
                self._quiet.add(page.file.src_uri)
        if front is not None:
            # Values MkDocs or the theme would fail on, or print as HTML (reported): taken
            # from the theme once the plugin has read the page (a roster under 'description:'
            # is still read, so its neighbours are checked).
            for key in front.drop:
                page.meta.pop(key, None)
        return markdown

    @event_priority(-50)  # after the macros plugin has rendered the page
    def _restore_page(self, markdown: str, *, page: Page, config: MkDocsConfig,
                      files: Files) -> str:
        assert self.build is not None
        self.build.restore_macro_names(page.file.src_uri, page.meta)
        if page.file.src_uri in self._quiet:
            self._quiet.discard(page.file.src_uri)
            page.meta.pop("render_macros", None)
        # What Markdown is given, after the templates: made harmless where it would take
        # Markdown minutes.
        return self.build.tame(page.file.src_uri, markdown,
                               self._written.pop(page.file.src_uri, None))

    on_page_markdown = CombinedEvent(_read_page, _restore_page)

    @event_priority(100)  # before other plugins look at the page's HTML
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        assert self.build is not None
        # The page's own first paragraph, not a macro's (a bio), describes an edition.
        self._first[page.file.src_uri] = first_paragraph(self.build.without_blocks(html))
        html = self.build.fill(page.file.src_uri, html)
        # A page with errors lists them at its top: while serving, and in a build that will
        # fail once every page is written (whoever opens site/ sees why).
        return error_summary(self.build.errors, page.file.src_uri) + html

    def _page_context(self, context: Any, *, page: Page, config: MkDocsConfig,
                      nav: Any) -> Any:
        """The edition's header and its pages' bar, once every page of the nav has its title;
        the edition's own description (workshop.description, else its first paragraph) for
        the theme's <meta name="description">."""
        assert self.build is not None
        read = self.build.reads.get(page.file.src_uri)
        parts = read.parts if read is not None else {}
        info = workshop.of(parts)
        first = self._first.get(page.file.src_uri)
        if info is not None and not (page.meta or {}).get("description"):
            # The preview's description, not the site's, for search engines too.
            described = info.description or first
            if described:  # text: Material takes the key as HTML (see head.py)
                page.meta["description"] = escape(described)
        if info is not None and self.config.link_previews:
            self._previews[page.file.src_uri] = edition_preview(
                info, src=page.file.src_uri, title=_title(page), canonical=page.canonical_url,
                first=first, site_url=config.site_url, logo=config.theme.get("logo"),
                site_name=config.site_name, url_for=self.build.url_for(page))
        sections = sections_of(page, self._is_edition) if self.config.edition_header else []
        html = page_header(parts, sections=sections, enabled=self.config.edition_header,
                           default_zone=self.build.default_zone, now=self.build.now,
                           edition=lambda: self._edition_link(page),
                           render=lambda **view: self._render_header(page, view))
        if html is not None:
            page.content = insert_after_title(page.content or "", html)
        return context

    def _edition_link(self, page: Page) -> EditionLink | None:
        """The edition a sub-page belongs to, named above the bar of the edition's pages."""
        assert self.build is not None
        edition = edition_page_of(page, self._is_edition)
        read = self.build.reads.get(edition.file.src_uri) if edition is not None else None
        if edition is None or read is None:
            return None
        title = (edition.meta or {}).get("title") or edition.title or edition.file.name
        return edition_link(read.parts, str(title), edition.file.url_relative_to(page.file))

    def _is_edition(self, page: Any) -> bool:
        assert self.build is not None
        read = self.build.reads.get(page.file.src_uri)
        return read is not None and workshop.of(read.parts) is not None

    def _render_header(self, page: Page, view: dict[str, Any]) -> str:
        """The header partial; a site's broken copy of it stops the build (every page shows
        the header, so there is no page to show the error on)."""
        assert self.build is not None
        try:
            return self.build.renderer.render("edition", **view)
        except PartialError as exc:
            raise PluginError(
                f"workshop: {printable(page.file.src_uri)}: {exc}. Fix: correct the partial, "
                "or remove your copy of it from custom_dir.") from None

    @event_priority(-100)  # after every other plugin has read the page's meta
    def _guard_head(self, context: Any, *, page: Page, config: MkDocsConfig,
                    nav: Any) -> Any:
        """What the theme writes into the <head> from the page, escaped while it renders
        (head.py); put back in _restore_head."""
        if page.meta is not None:
            self._head[page.file.src_uri] = head.guard(page.meta, page.title,
                                                       is_homepage=page.is_homepage)
        return context

    on_page_context = CombinedEvent(_page_context, _guard_head)

    @event_priority(100)  # before any other plugin reads the page's meta again
    def _restore_head(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        originals = self._head.pop(page.file.src_uri, None)
        if originals is not None and page.meta is not None:
            head.restore(page.meta, originals)
        return output

    def _post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """schema.org data and link previews in the <head>: search engines and chat apps read
        them there, and Material's instant navigation, which re-runs the scripts of the page's
        content, leaves them be."""
        assert self.build is not None
        preview = self._previews.pop(page.file.src_uri, None)
        if preview is not None:
            output = add_to_head(output, preview)
        read = self.build.reads.get(page.file.src_uri)
        info = workshop.of(read.parts) if read is not None else None
        if read is None or info is None or not self.config.structured_data:
            return output
        event = event_data(_title(page), info, team.rosters(read.parts), page.canonical_url,
                           head.head_text((page.meta or {}).get("description")))
        if event is None or "</head>" not in output:
            return output
        head_end = output.index("</head>")
        return output[:head_end] + script_tag(event) + "\n" + output[head_end:]

    on_post_page = CombinedEvent(_restore_head, _post_page)

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        assert self.build is not None
        if self.images is not None and not self.config.publish_originals:
            # Full-size photos that only fed avatars or logos are not published; one that
            # anything else names (a page, the theme, CSS, templates) stays.
            from .originals import unused_originals  # reads every page: only for this

            replaced = [found for src_uri in self.images.replaced
                        if (found := files.get_file_from_path(src_uri)) is not None]
            for file in unused_originals(replaced, files, config):
                files.remove(file)
        errors = self.build.errors
        if errors and self.serving:
            pages = sorted({printable(e.page) for e in errors})
            log.error(f"{len(errors)} problem(s) in the workshop data of {', '.join(pages)} "
                      "(listed above); the pages show them until they are fixed.")
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.build is not None and self._calendars is not None
        # The .ics files that dates() and schedule() link to, named after their pages.
        write_calendars(self.build.calendar_files(), self._calendars, config.site_dir,
                        self.build.settings.stamp, self._page_title)
        if self.images is not None:
            processor = self.images.processor
            processor.write(config.site_dir)
            # Quiet builds: shown with `mkdocs build --verbose` only.
            log.debug(f"images: {processor.processed} processed, {processor.from_cache} "
                      "from the cache")
        if self.build.errors and not self.serving:
            # Every page was written (a page with errors lists them at its top), as MkDocs
            # does under --strict; the build fails now, so nothing is deployed.
            pages = [] if self._files is None else [
                f.src_uri for f in self._files.documentation_pages()]
            raise PluginError(failed_build(self.build.errors, pages))

    def _page_title(self, src: str) -> str:
        found = self._files.get_file_from_path(src) if self._files is not None else None
        return _title(found.page) if found and found.page else posixpath.splitext(src)[0]


def _title(page: Page) -> str:
    """The page's own title, as text (MkDocs and Material take titles as HTML): a nav entry's
    short title ("ICML 2024") is for the nav."""
    title = head.head_text((page.meta or {}).get("title"))
    if title:
        return title
    return head.head_text(str(page.title or "")) or page.file.name


__all__ = ["WorkshopPlugin"]
