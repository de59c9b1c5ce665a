"""The MkDocs plugin: event handlers only; the work is in the modules they call."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime

from .config import WorkshopConfig
from .directory import load_directory
from .macros import Macros, macro_block_strings, url_finder
from .render import STYLESHEET, TEMPLATES_DIR, Renderer
from .site import Workshop

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
        self.workshop: Workshop | None = None
        self._macros: Macros | None = None
        self._files: Files | None = None

    # -- configuration --------------------------------------------------------------------

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
        directory, problems = load_directory(config.docs_dir, self.config.people_file)
        self.workshop = Workshop(renderer=Renderer(config.theme.dirs),
                                 default_zone=self.config.deadline_timezone,
                                 now=get_build_datetime(), directory=directory,
                                 clock=self.config.time_format, docs_dir=config.docs_dir)
        self.workshop.report(problems)
        self._files = None
        self._macros = Macros(self.workshop, lambda: self._files)
        return config

    @event_priority(-50)  # after the macros plugin has set up its environment
    def _register(self, config: MkDocsConfig) -> MkDocsConfig:
        macros_plugin: Any = config.plugins["macros"]
        registered = macros_plugin.macros
        for name, function in self.macro_functions().items():
            existing = registered.get(name)
            if existing is None:
                macros_plugin.register_macros({name: function})
            elif getattr(existing, "__self__", None) is not self._macros:
                raise PluginError(
                    f"workshop: a macro named '{name}' is already defined (by a macros module or "
                    f"another plugin), so << {name}(...) >> would not be the workshop's. Rename "
                    "that macro, or remove it from the macros plugin's modules."
                )
        return config

    on_config = CombinedEvent(_setup, _register)

    def macro_functions(self) -> dict[str, Any]:
        """The macros of this build; ``define_env`` uses them when the plugin is configured."""
        if self._macros is None:
            raise PluginError("workshop: the plugin's macros were asked for before on_config.")
        return self._macros.functions()

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

    @event_priority(50)  # before the macros plugin renders the page
    def _read_page(self, markdown: str, *, page: Page, config: MkDocsConfig,
                   files: Files) -> str:
        assert self.workshop is not None and self._macros is not None
        self._files = files
        meta = page.meta or {}
        macros: Any = config.plugins["macros"]
        if _macros_render(macros, page, meta):
            self.workshop.prepare(page, markdown, url_for=url_finder(lambda: files)(page),
                                  macro_names=self._macros.functions(),
                                  block=macro_block_strings(macros))
        return markdown

    @event_priority(-50)  # after the macros plugin has rendered the page
    def _restore_page(self, markdown: str, *, page: Page, config: MkDocsConfig,
                      files: Files) -> str:
        assert self.workshop is not None
        self.workshop.restore_macro_names(page.file.src_uri, page.meta)
        return markdown

    on_page_markdown = CombinedEvent(_read_page, _restore_page)

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        assert self.workshop is not None
        errors = self.workshop.errors
        if errors:
            files_with_errors = sorted({e.page for e in errors})
            raise PluginError(
                f"workshop: {len(errors)} problem(s) in the workshop data of "
                f"{', '.join(files_with_errors)} (listed above); the site was not built."
            )
        return env


def _macros_render(macros: Any, page: Page, meta: Mapping[str, Any]) -> bool:
    """Whether the macros plugin renders this page (``render_macros``, ``render_by_default``)."""
    if meta.get("render_macros") is False:
        return False
    if macros.config.get("render_by_default", True) or meta.get("render_macros") is True:
        return True
    return bool(macros.force_page_rendering(page.file.src_path))


__all__ = ["WorkshopPlugin"]
