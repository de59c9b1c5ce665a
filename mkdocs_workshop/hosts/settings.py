"""Each host's :class:`~mkdocs_workshop.site.engine.Settings`, from its configuration.

The same site builds under three hosts: the MkDocs (or ProperDocs) plugin, a plain macros module
under MkDocs (``modules: [mkdocs_workshop.macros]`` without the plugin), and Zensical, which
runs the macros module with a plain configuration dictionary and its own page objects. Each
host describes itself once, as ``Settings`` (made by :func:`plugin_settings`,
:func:`module_settings` or :func:`zensical_settings`), and gives the site's files through the
``FileList`` protocol (site/engine.py).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..site.engine import Settings

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from .config import WorkshopConfig

def _time() -> tuple[datetime, datetime | None]:
    from mkdocs.utils import get_build_datetime

    now = get_build_datetime()
    return now, (now if os.environ.get("SOURCE_DATE_EPOCH") else None)


def plugin_settings(config: MkDocsConfig, options: WorkshopConfig) -> Settings:
    """The MkDocs (or ProperDocs) plugin: every option of ``plugins: - workshop:``."""
    now, stamp = _time()
    return Settings(docs_dir=config.docs_dir, theme_dirs=tuple(config.theme.dirs), now=now,
                    default_zone=options.deadline_timezone, people_file=options.people_file,
                    clock=options.time_format, calendars=options.calendars, stash_blocks=True,
                    stamp=stamp, cache_dir=cache_dir(config, options))


def cache_dir(config: MkDocsConfig, options: WorkshopConfig) -> Path:
    """The ``cache_dir`` option as a folder: by default .cache/mkdocs-workshop next to
    mkdocs.yml; a relative one is relative to mkdocs.yml."""
    base = os.path.dirname(config.config_file_path) if config.config_file_path else os.getcwd()
    folder = options.cache_dir or os.path.join(base, ".cache", "mkdocs-workshop")
    return Path(folder if os.path.isabs(folder) else os.path.join(base, folder))


def module_settings(config: MkDocsConfig) -> Settings:
    """A macros module under MkDocs, without the plugin: its defaults."""
    now, stamp = _time()
    return Settings(docs_dir=config.docs_dir, theme_dirs=tuple(config.theme.dirs), now=now,
                    stamp=stamp)


def zensical_settings(conf: Mapping[str, Any], project_dir: str) -> Settings:
    """Zensical: mkdocs.yml as a plain dictionary; its ``custom_dir``, if any."""
    docs_dir = os.path.join(project_dir, str(conf.get("docs_dir") or "docs"))
    theme = conf.get("theme")
    dirs: list[str] = []
    if isinstance(theme, Mapping) and theme.get("custom_dir"):
        dirs.append(os.path.join(project_dir, str(theme["custom_dir"])))
    now, stamp = _time()
    return Settings(docs_dir=docs_dir, theme_dirs=tuple(dirs), now=now, raise_on_errors=True,
                    stamp=stamp, whole_theme=False)


# ---------------------------------------------------------------------------------------------
# Pages and their files
# ---------------------------------------------------------------------------------------------


def macro_block_strings(macros_config: Mapping[str, Any]) -> tuple[str, str]:
    """The macros plugin's block delimiters (for finding ``{% raw %}`` blocks)."""
    return (macros_config.get("j2_block_start_string") or "{%",
            macros_config.get("j2_block_end_string") or "%}")


def macro_comment_strings(macros_config: Mapping[str, Any]) -> tuple[str, str]:
    """The macros plugin's comment delimiters (calls inside a comment are never run)."""
    return (macros_config.get("j2_comment_start_string") or "{#",
            macros_config.get("j2_comment_end_string") or "#}")


