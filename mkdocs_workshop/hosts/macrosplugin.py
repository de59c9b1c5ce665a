"""What the MkDocs plugin needs of mkdocs-macros-plugin: that it is there with the ``<<``/``>>``
delimiters, the workshop's macros registered in it, and whether it would render a page, and
would render it exactly as the plugin can by itself (see :mod:`..core.calls`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from ..core.calls import Call, plan
from ..core.scan import MacroCall
from ..features import MACROS

MACROS_LINES = """\
plugins:
  - search
  - macros:
      j2_variable_start_string: "<<"
      j2_variable_end_string: ">>"
  - workshop"""


def check_macros_plugin(config: MkDocsConfig) -> None:
    """Stop the build, with the lines to add, when mkdocs-macros is missing or set up with
    delimiters other than the pages' ``<<``/``>>``."""
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


def register(config: MkDocsConfig, functions: Mapping[str, Callable[..., str]]) -> None:
    """Register the workshop's macros with mkdocs-macros; another macro of the same name
    stops the build (a page's call would not be the workshop's)."""
    macros_plugin: Any = config.plugins["macros"]
    registered = macros_plugin.macros
    for name, function in functions.items():
        existing = registered.get(name)
        if existing is None:
            macros_plugin.register_macros({name: function})
        elif existing is not function:
            raise PluginError(
                f"workshop: a macro named '{name}' is already defined (by a macros module or "
                f"another plugin), so << {name}(...) >> would not be the workshop's. Rename "
                "that macro, or remove it from the macros plugin's modules."
            )


def renders(macros: Any, page: Page, meta: Mapping[str, Any]) -> bool:
    """Whether the macros plugin renders this page (``render_macros``, ``render_by_default``)."""
    if meta.get("render_macros") is False:
        return False
    if macros.config.get("render_by_default", True) or meta.get("render_macros") is True:
        return True
    return bool(macros.force_page_rendering(page.file.src_path))


def template_syntax(text: str, macros: Any) -> bool:
    """Whether ``text`` has anything Jinja, as mkdocs-macros configures it, would read."""
    config = macros.config
    starts = (config.get("j2_variable_start_string") or "{{",
              config.get("j2_block_start_string") or "{%",
              config.get("j2_comment_start_string") or "{#")
    return any(start in text for start in starts)


def in_place(markdown: str, checked: Sequence[MacroCall], macros: Any,
             page: Page) -> list[str | Call] | None:
    """The page as text and calls when the plugin can render its calls itself with the same
    result as mkdocs-macros, else None: Jinja's own parser, set up as mkdocs-macros set it up,
    reads nothing in the page but this plugin's calls with literal arguments (see calls.py),
    those are the calls the plugin checked, the title holds nothing for Jinja, and no macros
    module looks at a page before it is rendered or adds a Jinja extension."""
    if getattr(macros, "pre_macro_functions", None) or macros.config.get("j2_extensions"):
        return None
    if template_syntax(str(page.title or ""), macros):
        return None
    parts = plan(markdown, macros.env, MACROS)
    if parts is None:
        return None
    found = [(p.name, p.args, p.kwargs) for p in parts if isinstance(p, Call)]
    expected = [(c.name, c.args, c.kwargs) for c in checked]
    return parts if found == expected else None
