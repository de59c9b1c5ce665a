"""The macros as a macros module, under the name sites write in ``mkdocs.yml``::

    plugins:
      - macros:
          modules: [mkdocs_workshop.macros]

(and in Zensical's configuration). The module itself is :mod:`mkdocs_workshop.hosts.macros`.
"""

from __future__ import annotations

from .hosts.macros import (
    WorkshopDataError,
    define_env,
    on_post_build,
    on_post_page_macros,
    on_pre_page_macros,
)

__all__ = ["WorkshopDataError", "define_env", "on_post_build", "on_post_page_macros",
           "on_pre_page_macros"]
