"""What a new workshop site starts with, whoever makes it (``import-jekyll``, ``init``): its
``mkdocs.yml`` (Material, the macros plugin with ``<<``/``>>``, this plugin), its
``requirements.txt`` and its ``.gitignore``. The deploy workflow is
:mod:`mkdocs_workshop.importers.common.deploy`'s.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

# The macros plugin with the delimiters workshop pages call their macros with.
MACROS = {"macros": {"j2_variable_start_string": "<<", "j2_variable_end_string": ">>"}}
PLUGINS: list[Any] = ["search", MACROS, "workshop"]
# pymdownx.tilde: ~~struck~~ as kramdown's GFM reads it (Material depends on pymdown-extensions).
MARKDOWN_EXTENSIONS: list[Any] = ["admonition", "attr_list", "md_in_html", "pymdownx.tilde",
                                  {"toc": {"permalink": True}}]

# The built site and the image cache are made again by every build: not for version control.
GITIGNORE = "# Made again by every build.\nsite/\n.cache/\n"

# How pip installs mkdocs-workshop: it is not on PyPI yet, so from its repository.
REPOSITORY = "https://github.com/mkdocs-workshop/mkdocs-workshop"
REQUIREMENT = f"mkdocs-workshop @ git+{REPOSITORY}"

# What a site needs to build; the deploy workflow installs it.
REQUIREMENTS = f"""\
# What this site needs to build (the deploy workflow installs it: pip install -r
# requirements.txt). mkdocs-workshop is not on PyPI yet, so it comes from its repository;
# add @ and a commit or tag after the address to build with the same version every time.
{REQUIREMENT}
"""


# What every site the commands write starts with: no web fonts (nothing loaded from elsewhere:
# the site works offline and on a closed conference network), and a light and a dark palette
# that follow the visitor's setting, with a toggle.
THEME: dict[str, Any] = {
    "font": False,
    "palette": [
        {"media": "(prefers-color-scheme: light)", "scheme": "default", "primary": "indigo",
         "accent": "indigo",
         "toggle": {"icon": "material/brightness-7", "name": "Switch to dark mode"}},
        {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "indigo",
         "accent": "indigo",
         "toggle": {"icon": "material/brightness-4", "name": "Switch to light mode"}},
    ],
}


def mkdocs_yml_text(settings: Mapping[str, Any], nav: list[Any], *, header: str,
                    theme: Mapping[str, Any] | None = None) -> str:
    """``mkdocs.yml``: ``settings`` (site_name, site_url, ...), then the theme (Material, with
    :data:`THEME` and ``theme``'s options), the plugins, the Markdown extensions and ``nav``;
    ``header`` is its first line, a comment."""
    data = {
        **settings,
        "theme": {"name": "material", **THEME, **(theme or {})},
        "plugins": PLUGINS,
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        "nav": nav,
    }
    return f"# {header}\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
