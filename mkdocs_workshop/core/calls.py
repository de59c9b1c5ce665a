"""The plugin's macro calls as Jinja itself reads them: with Jinja's own lexer and parser,
set up as mkdocs-macros sets up its environment (its delimiters, its extensions), so that a
page means the same thing whether the plugin renders its calls itself or mkdocs-macros renders
the page as a template. Parsing runs nothing: no template is compiled or rendered here.

- :func:`read_call`: the arguments of one call (``<< team("speakers", layout="list") >>``),
  when each is a literal as Jinja reads it (``u"x"`` is no Jinja literal: a syntax error);
- :func:`plan`: a whole page, when nothing in it is for Jinja but this plugin's calls with
  literal arguments: the page's text as Jinja gives it back (whitespace control, raw blocks
  and comments applied, one trailing newline dropped), and the calls in order; None for any
  other page, which mkdocs-macros then renders (and which shows its own error for a page
  Jinja cannot parse).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import jinja2
from jinja2 import nodes

Value = str | int | float | bool | None  # what a literal argument can be
_LITERALS = (str, int, float, bool, type(None))


@dataclass(frozen=True)
class Call:
    """A macro call: its name and arguments (literal values, as far as they are known)."""

    name: str
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    where: str = ""  # "line 12: << team("speakers") >>" when found in the page's text

    def arg(self, position: int, name: str, default: Any = None) -> Any:
        """An argument given by position or by name."""
        if name in self.kwargs:
            return self.kwargs[name]
        return self.args[position] if len(self.args) > position else default

    def text(self) -> str:
        """The call as messages name it: ``team("speakers")``."""
        parts = [f'"{a}"' if isinstance(a, str) else str(a) for a in self.args]
        parts += [f'{k}="{v}"' if isinstance(v, str) else f"{k}={v}"
                  for k, v in self.kwargs.items()]
        return f"{self.name}({', '.join(parts)})"



# What Jinja's parser raises on a text it cannot read: a syntax error, and, for what it would
# also refuse when mkdocs-macros renders the page (its error page), nesting deeper than
# Python recurses or an integer too long to convert.
_UNREADABLE = (jinja2.TemplateSyntaxError, RecursionError, ValueError, MemoryError,
               OverflowError)


@lru_cache(maxsize=8)
def environment(variable: tuple[str, str] = ("<<", ">>"), block: tuple[str, str] = ("{%", "%}"),
                comment: tuple[str, str] = ("{#", "#}")) -> jinja2.Environment:
    """An environment that only parses, with mkdocs-macros' delimiters for workshop pages."""
    return jinja2.Environment(variable_start_string=variable[0],
                              variable_end_string=variable[1],
                              block_start_string=block[0], block_end_string=block[1],
                              comment_start_string=comment[0], comment_end_string=comment[1],
                              autoescape=False)


def read_call(text: str, env: jinja2.Environment,
              names: Collection[str]) -> tuple[list[object], dict[str, object]] | None:
    """The arguments of a call written alone in ``text``, each as Jinja reads it (``...``
    for one that is not a literal); None when Jinja does not read ``text`` as one call of a
    macro in ``names``."""
    try:
        body = env.parse(text).body
    except _UNREADABLE:
        return None
    calls = [node for output in body if isinstance(output, nodes.Output)
             for node in output.nodes if not isinstance(node, nodes.TemplateData)]
    if len(calls) != 1 or len(body) != 1:
        return None
    call = calls[0]
    if not (isinstance(call, nodes.Call) and isinstance(call.node, nodes.Name)
            and call.node.name in names):
        return None
    positional = [_literal(arg) for arg in call.args]
    keywords = {kw.key: _literal(kw.value) for kw in call.kwargs}
    if call.dyn_args is not None or call.dyn_kwargs is not None:
        positional.append(...)
    return positional, keywords


def plan(markdown: str, env: jinja2.Environment,
         names: Collection[str]) -> list[str | Call] | None:
    """The page as text and calls, when Jinja would read nothing else in it; else None."""
    try:
        body = env.parse(markdown).body
    except _UNREADABLE:
        return None
    parts: list[str | Call] = []
    for output in body:
        if not isinstance(output, nodes.Output):
            return None  # {% if %}, {% set %}, {% for %}, ...
        for node in output.nodes:
            if isinstance(node, nodes.TemplateData):
                parts.append(node.data)
                continue
            call = _literal_call(node, names)
            if call is None:
                return None
            parts.append(call)
    return parts


def _literal_call(node: nodes.Node, names: Collection[str]) -> Call | None:
    if not (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name)
            and node.node.name in names and node.dyn_args is None
            and node.dyn_kwargs is None):
        return None
    args = [_literal(arg) for arg in node.args]
    kwargs = {kw.key: _literal(kw.value) for kw in node.kwargs}
    if ... in args or ... in kwargs.values():
        return None
    return Call(node.node.name, tuple(args), kwargs)


def _literal(node: nodes.Node) -> Any:
    """A constant's value (``"x"``, ``2``, ``true``, ``none``), or ``...`` for anything else."""
    if isinstance(node, nodes.Const) and isinstance(node.value, _LITERALS):
        return node.value
    return ...
