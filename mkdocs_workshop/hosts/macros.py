"""The macros as a macros module: ``modules: [mkdocs_workshop.macros]`` under mkdocs-macros.

The plugin registers the macros itself (see plugin.py). They are also a macros module, for
sites that list ``mkdocs_workshop.macros`` under the macros plugin's ``modules``:
:func:`define_env` then uses the plugin's own functions when the plugin is configured, and
otherwise makes a build of its own (reading each page before its macros render, through the
macros plugin's ``on_pre_page_macros``; problems are logged, and ``--strict`` turns them into a
failed build). Zensical runs this module too, with a plain configuration dictionary.

A macro only renders: the page has been read and checked before. A problem found at render time
is reported and the macro returns an error box instead of raising, because the macros plugin
would replace the whole page with a traceback and still exit 0. The macros themselves are the
features' (see features/__init__.py).
"""

from __future__ import annotations

import os
import weakref
from types import SimpleNamespace
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..core.log import log
from ..site.build import Build, WorkshopDataError
from ..site.engine import DocsFolder, file_of, text_of
from .settings import (
    macro_block_strings,
    macro_comment_strings,
    module_settings,
    zensical_settings,
)

# The build of each macros-plugin instance that loaded this module without the workshop plugin.
_STANDALONE: weakref.WeakKeyDictionary[Any, Build] = weakref.WeakKeyDictionary()


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
        build = Build(module_settings(config), lambda: env.variables.get("files"))
        _STANDALONE[env] = build
        macros = build.macro_functions()
    for name, function in macros.items():
        env.macro(function, name)


def on_pre_page_macros(env: Any) -> None:
    """Without the plugin: read and check the page before its macros render."""
    build = _STANDALONE.get(env)
    if build is not None:
        build.prepare(env.page, env.markdown, url_for=build.url_for(env.page),
                      block=macro_block_strings(env.config),
                      comment=macro_comment_strings(env.config))


def on_post_page_macros(env: Any) -> None:
    build = _STANDALONE.get(env)
    if build is not None:
        build.restore_macro_names(env.page.file.src_uri, env.page.meta)
        env.markdown = build.tame(env.page.file.src_uri, env.markdown, text_of(env.page.file))


def on_post_build(env: Any) -> None:
    """Without the plugin: a build with errors in its workshop data fails, if only at the end."""
    build = _STANDALONE.get(env)
    if build is not None and build.errors:
        raise PluginError(
            f"workshop: {len(build.errors)} problem(s) in the workshop data "
            "(listed above)."
        )


# -- Under Zensical -----------------------------------------------------------------------------

PLUGIN_ONLY = ("avatars made for the card (photos are linked as they are)", "calendar files",
               "schema.org data", "live dates and the visitor's time zone",
               "the stylesheet, unless extra_css lists it (mkdocs-workshop assets DIR)",
               "errors listed on the page while serving")
_PLAIN: dict[tuple[str, float], Build] = {}
_NOTICE = {"shown": False}


def _define_plain(env: Any) -> None:
    """Zensical calls define_env for every page, just before rendering it: read and check the
    page now, hide the front-matter keys that would shadow a macro, register the macros."""
    settings = zensical_settings(env.conf, str(env.project_dir))
    stamp = max((os.stat(os.path.join(root, name)).st_mtime
                 for root, _dirs, names in os.walk(settings.docs_dir) for name in names),
                default=0.0)
    build = _PLAIN.get((settings.docs_dir, stamp))
    if build is None:  # first page, or the docs changed (zensical serve)
        folder = DocsFolder(settings.docs_dir)
        build = Build(settings, lambda: folder)
        _PLAIN.clear()
        _PLAIN[(settings.docs_dir, stamp)] = build
    if not _NOTICE["shown"]:
        _NOTICE["shown"] = True
        log.warning("mkdocs-workshop runs as a macros module here, without its MkDocs plugin: "
                    "rosters, dates, program, papers, sponsors and editions work; "
                    + "; ".join(PLUGIN_ONLY) + " need the plugin (MkDocs or ProperDocs).")
    page = env.page
    file = file_of(page, build.files_of()) if page is not None else None
    source = text_of(file)
    if file is not None and source is not None:
        body = source[build.front(file.src_uri, source).body_start:].lstrip("\n")
        plugin_config = env.config if isinstance(env.config, dict) else {}
        adapter = SimpleNamespace(file=file, meta=page.meta)
        build.prepare(adapter, body, url_for=build.url_for(adapter),
                      block=macro_block_strings(plugin_config),
                      comment=macro_comment_strings(plugin_config), source=source)
    for name, function in build.macro_functions().items():
        env.macro(function, name)


__all__ = ["WorkshopDataError", "define_env", "on_post_build", "on_post_page_macros",
           "on_pre_page_macros"]
