"""Render the partials under ``partials/workshop/`` into HTML blocks for a Markdown page.

The environment loads templates from the theme's directories (a site's ``custom_dir`` first,
then the theme, then this package's ``templates``), so a site overrides a partial by putting
its own copy at ``<custom_dir>/partials/workshop/<name>.html``. Unlike the theme's own
environment it escapes every value, so nothing from front matter can add markup to the page.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from markupsafe import Markup

from ..core.problems import printable

TEMPLATES_DIR = str(Path(__file__).parent.parent / "templates")
STYLESHEET = "assets/stylesheets/workshop.css"
SCRIPT = "assets/javascripts/workshop.js"


class PartialError(Exception):
    """A partial (often a site's own override) could not be rendered."""


class Renderer:
    def __init__(self, dirs: Sequence[str | os.PathLike[str]],
                 bytecode_dir: Path | None = None) -> None:
        """``bytecode_dir``: where the compiled partials are kept between builds (a build
        compiles each partial once; the next one reads it back), if it can be written."""
        search = [str(d) for d in dirs]
        if TEMPLATES_DIR not in search:
            search.append(TEMPLATES_DIR)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(search),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
            auto_reload=False,
            bytecode_cache=_bytecode_cache(bytecode_dir),
        )

    def render(self, name: str, **context: Any) -> str:
        """The partial ``partials/workshop/<name>.html``, as compact HTML."""
        path = f"partials/workshop/{name}.html"
        try:
            html = self.env.get_template(path).render(**context)
        except jinja2.TemplateError as exc:
            template = getattr(exc, "filename", None) or path
            line = getattr(exc, "lineno", None)
            where = f"{template}, line {line}" if line else template
            raise PartialError(f"the partial {where} failed: {exc}") from None
        return compact(html)


class _Bytecode(jinja2.FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, which a folder that cannot be read or written
    (or that another build clears) only makes slower, never stops. A bucket compiled from
    another source is not used: Jinja keys it by the template's name and checks its source."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _bytecode_cache(folder: Path | None) -> jinja2.BytecodeCache | None:
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _Bytecode(str(folder), "%s.cache")


def compact(html: str) -> str:
    """Without blank lines, which would end an HTML block in Markdown."""
    return "\n".join(line.rstrip() for line in html.splitlines() if line.strip())


def as_block(html: str) -> str:
    """HTML set apart by blank lines, so Markdown sees a block of its own."""
    return "\n\n" + compact(html) + "\n\n"


def error_summary(errors: Sequence[Any], src: str) -> str:
    """The page's errors at its top: while serving, and in the pages of a build that fails
    once they are all written."""
    mine = [str(e) for e in errors if e.page == src]
    if not mine:
        return ""
    items = Markup("").join(Markup("<li>{}</li>").format(text) for text in mine)
    return str(Markup(
        '<div class="admonition failure workshop-error"><p class="admonition-title">'
        "This page has {} problem(s) in its workshop data (mkdocs serve shows the page "
        "anyway; mkdocs build fails until they are fixed)</p><ul>{}</ul></div>\n"
    ).format(len(mine), items))


def failed_build(errors: Sequence[Any], pages: Sequence[str], *, named: int = 10) -> str:
    """Why the build fails: how many problems, on which pages, and which pages were built
    without any (the first ``named`` of each, then how many more)."""
    bad = sorted({printable(e.page) for e in errors})
    good = [printable(p) for p in pages if printable(p) not in bad]

    def listed(names: list[str]) -> str:
        more = len(names) - named
        return ", ".join(names[:named]) + (f" and {more} more" if more > 0 else "")

    text = (f"workshop: {len(errors)} problem(s) in the workshop data of {listed(bad)} "
            "(listed above, and at the top of each page)")
    if good:
        text += f"; the other {len(good)} page(s) were built: {listed(good)}"
    return text + ". The build fails until the problems are fixed."


def error_block(message: str) -> str:
    """Shown in place of a macro's output while the build reports the problem."""
    return as_block(
        Markup('<div class="admonition failure workshop-error">'
               '<p class="admonition-title">Workshop data error</p><p>{}</p></div>').format(message)
    )
