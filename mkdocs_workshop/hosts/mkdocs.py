"""The MkDocs plugin: event handlers only; the work is in the modules they call."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import escape
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..core.calls import Call, plan
from ..core.frontmatter import EMPTY_FRONT_MATTER
from ..core.imagerefs import ImageMaker, ImageProblem, PageImage, find_image
from ..core.log import log
from ..core.problems import printable
from ..core.scan import MacroCall
from ..features import MACROS, team, workshop
from ..site import head
from ..site.build import Build
from ..site.calendars import CalendarCache
from ..site.header import (
    EditionLink,
    edition_link,
    edition_page_of,
    header_view,
    insert_after_title,
    sections_of,
    shows_header,
)
from ..site.previews import Preview, absolute, add_to_head, first_paragraph, preview_image
from ..site.render import (
    SCRIPT,
    STYLESHEET,
    TEMPLATES_DIR,
    PartialError,
    error_summary,
    failed_build,
)
from ..site.structured import event_data, script_tag
from .config import WorkshopConfig
from .settings import cache_dir, macro_block_strings, macro_comment_strings, plugin_settings

if TYPE_CHECKING:
    from ..site.images import ImageProcessor, Processed

MACROS_LINES = """\
plugins:
  - search
  - macros:
      j2_variable_start_string: "<<"
      j2_variable_end_string: ">>"
  - workshop"""


class WorkshopPlugin(BasePlugin[WorkshopConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self._sources: dict[str, str] = {}  # this build's page sources, as read
        self.build: Build | None = None
        self.images: ImageProcessor | None = None
        self._files: Files | None = None
        self._calendars: CalendarCache | None = None  # kept across serve's rebuilds
        self._made: dict[tuple[str, str, tuple[float, float] | None],
                         Processed | ImageProblem | None] = {}  # this build's images
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
        self._check_macros_plugin(config)
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
        self._made = {}
        self.images = self._image_processor(config)
        if self._calendars is None:
            self._calendars = CalendarCache(self._cache_dir(config) / "calendars")
        return config

    def _cache_dir(self, config: MkDocsConfig) -> Path:
        return cache_dir(config, self.config)

    def _image_processor(self, config: MkDocsConfig) -> ImageProcessor | None:
        options = self.config
        if not options.images:
            return None
        from ..site.images import ImageProcessor, available_formats  # Pillow: only with images
        for name, value, low, high in (("avatar_size", options.avatar_size, 16, 1024),
                                       ("logo_height", options.logo_height, 8, 512),
                                       ("image_quality", options.image_quality, 1, 100)):
            if not low <= value <= high:
                raise PluginError(f"workshop: the option {name} is {value}; it must be between "
                                  f"{low} and {high}.")
        formats, missing = available_formats(list(options.image_formats))
        if missing:
            log.info(f"this Pillow cannot write {', '.join(missing)}; images are made as "
                     f"{', '.join(formats) or 'nothing'}.")
        if not formats:
            raise PluginError("workshop: none of image_formats can be written by the installed "
                              "Pillow; add webp to image_formats, or set images: false.")
        return ImageProcessor(self._cache_dir(config), options.avatar_size, options.logo_height,
                              formats, options.image_quality)

    @event_priority(-50)  # after the macros plugin has set up its environment
    def _register(self, config: MkDocsConfig) -> MkDocsConfig:
        macros_plugin: Any = config.plugins["macros"]
        registered = macros_plugin.macros
        for name, function in self.macro_functions().items():
            existing = registered.get(name)
            if existing is None:
                macros_plugin.register_macros({name: function})
            elif existing is not function:
                raise PluginError(
                    f"workshop: a macro named '{name}' is already defined (by a macros module or "
                    f"another plugin), so << {name}(...) >> would not be the workshop's. Rename "
                    "that macro, or remove it from the macros plugin's modules."
                )
        return config

    on_config = CombinedEvent(_setup, _register)

    def macro_functions(self) -> dict[str, Any]:
        """The macros of this build; ``define_env`` uses them when the plugin is configured."""
        if self.build is None:
            raise PluginError("workshop: the plugin's macros were asked for before on_config.")
        return self.build.macro_functions()

    @staticmethod
    def _check_macros_plugin(config: MkDocsConfig) -> None:
        macros: Any = config.plugins.get("macros")
        if macros is None:
            raise PluginError(
                "workshop: the macros plugin (mkdocs-macros-plugin) is not enabled. It renders "
                "<< team(...) >> and << dates() >> in your pages. Add these lines to mkdocs.yml:"
                f"\n\n{MACROS_LINES}\n"
            )
        start = macros.config.get("j2_variable_start_string") or "{{"
        end = macros.config.get("j2_variable_end_string") or "}}"
        if (start, end) != ("<<", ">>"):
            raise PluginError(
                f"workshop: the macros plugin uses '{start}' and '{end}' around variables, but "
                "workshop pages call their macros as << team(...) >>. Set these lines in "
                f"mkdocs.yml:\n\n{MACROS_LINES}\n"
            )

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
        if source is not None:
            self._written[page.file.src_uri] = source
        if source is not None:
            front = self.build.front(page.file.src_uri, source)
            if front.replace:  # MkDocs was given an empty block: the meta is the plugin's
                page.meta = dict(front.mkdocs_meta)
            page.meta.update(front.patch)
        meta = page.meta or {}
        macros: Any = config.plugins["macros"]
        if _macros_render(macros, page, meta):
            read = self.build.prepare(page, markdown, url_for=self.build.url_for(page),
                                      block=macro_block_strings(macros.config),
                                      comment=macro_comment_strings(macros.config),
                                      images=self._image_maker(page, files, config.docs_dir),
                                      source=source)
            parts = _in_place(markdown, read.calls, macros, page) \
                if "render_macros" not in page.meta else None
            if parts is not None:
                # Nothing for Jinja to do but this plugin's own calls: they are rendered here,
                # and mkdocs-macros is told not to compile the whole page as a template for
                # them. Put back after it has run (_restore_page).
                markdown = self.build.render_parts(page, parts)
                page.meta["render_macros"] = False
                self._quiet.add(page.file.src_uri)
        if source is not None:
            # Values MkDocs or the theme would fail on, or print as HTML (reported): taken
            # from the theme once the plugin has read the page (a roster under 'description:'
            # is still read, so its neighbours are checked).
            for key in self.build.front(page.file.src_uri, source).drop:
                page.meta.pop(key, None)
        return markdown

    def _image_maker(self, page: Page, files: Files, docs_dir: str) -> ImageMaker | None:
        processor = self.images
        if processor is None:
            return None

        from ..site.images import page_image

        def make(src_uri: str, kind: str, focus: tuple[float, float] | None) -> PageImage | None:
            key = (src_uri, kind, focus)
            if key not in self._made:  # the same photo on every edition: looked at once
                self._made[key] = self._make_image(files, docs_dir, src_uri, kind, focus)
            made = self._made[key]
            if isinstance(made, ImageProblem):
                raise made
            return page_image(made, page.url) if made is not None else None

        return make

    def _make_image(self, files: Files, docs_dir: str, src_uri: str, kind: str,
                    focus: tuple[float, float] | None) -> Processed | ImageProblem | None:
        """The avatar or logo made of a site file, or why it cannot be used; None: the file is
        used as it is (an SVG logo, a theme's file)."""
        assert self.images is not None
        found = files.get_file_from_path(src_uri)
        if found is None or not found.abs_src_path:
            return None
        source = Path(found.abs_src_path)
        if not _inside(source, docs_dir, resolve=False):
            return None  # a theme's or another plugin's file: linked as it is
        if not _inside(source, docs_dir):
            return ImageProblem("is a link to a file outside the docs folder; it is not read.",
                                "put the image itself in the docs folder.")
        try:
            processed = (self.images.avatar(source, focus) if kind == "avatar"
                         else self.images.logo(source))
        except ImageProblem as problem:
            return problem
        if processed is not None:
            self.images.sources.add(src_uri)
        return processed

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
        meta = page.meta if page.meta is not None else {}
        if info is not None and not meta.get("description"):
            # The preview's description, not the site's, for search engines too.
            described = info.description or self._first.get(page.file.src_uri)
            if described:  # text: Material takes the key as HTML (see head.py)
                page.meta["description"] = escape(described)
        if info is not None and self.config.link_previews:
            self._previews[page.file.src_uri] = self._preview(page, config, info)
        sections = sections_of(page, self._is_edition) if self.config.edition_header else []
        view = header_view(parts, self.build.default_zone, self.build.now, sections) \
            if info is not None and shows_header(parts, self.config.edition_header) else None
        if view is not None and not view.empty:
            html = self._render_header(page, header=view, sections=sections,
                                       sections_only=False)
        elif sections:
            html = self._render_header(page, header=None, sections=sections,
                                       sections_only=True, edition=self._edition_link(page))
        else:
            return context
        page.content = insert_after_title(page.content or "", html)
        return context

    def _edition_link(self, page: Page) -> EditionLink | None:
        """The edition a sub-page belongs to, named above the bar of the edition's pages."""
        assert self.build is not None
        edition = edition_page_of(page, self._is_edition)
        if edition is None:
            return None
        read = self.build.reads.get(edition.file.src_uri)
        if read is None:
            return None
        title = (edition.meta or {}).get("title") or edition.title or edition.file.name
        return edition_link(read.parts, str(title), edition.file.url_relative_to(page.file))

    def _is_edition(self, page: Any) -> bool:
        assert self.build is not None
        read = self.build.reads.get(page.file.src_uri)
        return read is not None and workshop.of(read.parts) is not None

    def _render_header(self, page: Page, **context: Any) -> str:
        """The header partial; a site's broken copy of it stops the build (every page shows
        the header, so there is no page to show the error on)."""
        assert self.build is not None
        try:
            return self.build.renderer.render("edition", **context)
        except PartialError as exc:
            raise PluginError(
                f"workshop: {printable(page.file.src_uri)}: {exc}. Fix: correct the partial, "
                "or remove your copy of it from custom_dir.") from None

    def _preview(self, page: Page, config: MkDocsConfig, info: workshop.WorkshopInfo) -> Preview:
        assert self.build is not None
        base = page.canonical_url
        image = None
        if info.image:
            found = find_image(info.image, page.file.src_uri, self.build.url_for(page))
            image = absolute(base, found.url)
        if image is None:
            image = absolute(config.site_url, preview_image(config.theme.get("logo")))
        return Preview(title=_title(page),
                       description=info.description or self._first.get(page.file.src_uri),
                       url=absolute(base, base), image=image, site_name=config.site_name)

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
            self._drop_replaced_originals(files, config)
        errors = self.build.errors
        if errors and self.serving:
            pages = sorted({printable(e.page) for e in errors})
            log.error(f"{len(errors)} problem(s) in the workshop data of {', '.join(pages)} "
                      "(listed above); the pages show them until they are fixed.")
        return env

    def _write_calendars(self, config: MkDocsConfig) -> None:
        """The .ics files that dates() and schedule() link to."""
        assert self.build is not None and self._calendars is not None
        files = self._files
        for wanted in self.build.calendar_files():
            found = files.get_file_from_path(wanted.src) if files is not None else None
            title = (_title(found.page) if found and found.page
                     else posixpath.splitext(wanted.src)[0])
            content = self._calendars.get(wanted.make(title, self.build.settings.stamp))
            target = Path(config.site_dir) / wanted.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)

    def _drop_replaced_originals(self, files: Files, config: MkDocsConfig) -> None:
        """Full-size photos that only fed avatars or logos are not published. A photo that
        anything else names (a page, the theme, CSS, templates: see originals.py) stays."""
        assert self.images is not None
        from .originals import unused_originals

        replaced = [found for src_uri in sorted(self.images.sources)
                    if (found := files.get_file_from_path(src_uri)) is not None]
        for file in unused_originals(replaced, files, config):
            files.remove(file)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.build is not None
        self._write_calendars(config)
        if self.images is not None:
            self.images.write(config.site_dir)
            # Quiet builds: shown with `mkdocs build --verbose` only.
            log.debug(f"images: {self.images.processed} processed, {self.images.from_cache} "
                     "from the cache")
        if self.build.errors and not self.serving:
            # Every page was written (a page with errors lists them at its top), as MkDocs
            # does under --strict; the build fails now, so nothing is deployed.
            raise PluginError(failed_build(self.build.errors, self._page_sources()))

    def _page_sources(self) -> list[str]:
        files = self._files
        return [] if files is None else [f.src_uri for f in files.documentation_pages()]


def _inside(path: Path, folder: str, *, resolve: bool = True) -> bool:
    """Whether ``path`` (links resolved, unless ``resolve`` is false) is in ``folder``."""
    where = os.path.realpath if resolve else os.path.abspath
    real, root = where(path), where(folder)
    return os.path.commonpath([real, root]) == root


def _title(page: Page) -> str:
    """The page's own title, as text (MkDocs and Material take titles as HTML): a nav entry's
    short title ("ICML 2024") is for the nav."""
    title = head.head_text((page.meta or {}).get("title"))
    if title:
        return title
    return head.head_text(str(page.title or "")) or page.file.name


def _template_syntax(text: str, macros: Any) -> bool:
    """Whether ``text`` has anything Jinja, as mkdocs-macros configures it, would read."""
    config = macros.config
    starts = (config.get("j2_variable_start_string") or "{{",
              config.get("j2_block_start_string") or "{%",
              config.get("j2_comment_start_string") or "{#")
    return any(start in text for start in starts)


def _in_place(markdown: str, checked: Sequence[MacroCall], macros: Any,
              page: Page) -> list[str | Call] | None:
    """The page as text and calls when the plugin can render its calls itself with the same
    result as mkdocs-macros, else None: Jinja's own parser, set up as mkdocs-macros set it up,
    reads nothing in the page but this plugin's calls with literal arguments (see calls.py),
    those are the calls the plugin checked, the title holds nothing for Jinja, and no macros
    module looks at a page before it is rendered or adds a Jinja extension."""
    if getattr(macros, "pre_macro_functions", None) or macros.config.get("j2_extensions"):
        return None
    if _template_syntax(str(page.title or ""), macros):
        return None
    parts = plan(markdown, macros.env, MACROS)
    if parts is None:
        return None
    found = [(p.name, p.args, p.kwargs) for p in parts if isinstance(p, Call)]
    expected = [(c.name, c.args, c.kwargs) for c in checked]
    return parts if found == expected else None


def _macros_render(macros: Any, page: Page, meta: Mapping[str, Any]) -> bool:
    """Whether the macros plugin renders this page (``render_macros``, ``render_by_default``)."""
    if meta.get("render_macros") is False:
        return False
    if macros.config.get("render_by_default", True) or meta.get("render_macros") is True:
        return True
    return bool(macros.force_page_rendering(page.file.src_path))


__all__ = ["WorkshopPlugin"]
