"""Which full-size photos the site still uses once avatars and logos are made from them.

A photo that only fed avatars or logos is left out of the built site (they are what made
workshop sites weigh hundreds of megabytes). One that anything else uses stays: a page's HTML,
the MkDocs configuration (the theme's ``logo`` and ``favicon``, ``extra``, the nav, other
plugins' options), the site's text files (CSS, JavaScript, SVG, JSON, ...) and the templates of
``custom_dir``. A photo counts as used when its file name appears anywhere in one of these,
whatever the path before it: when in doubt, it is kept.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import unquote

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

# Files whose text may name an image. Others (images, fonts, archives) are not read.
TEXT_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".css", ".js", ".mjs", ".svg", ".json",
                           ".xml", ".webmanifest", ".txt", ".yml", ".yaml"})
# A text file larger than this (a data set, say) is not read for names.
TEXT_LIMIT = 8 * 1024 * 1024
_DEPTH = 20  # nesting of configuration values that is followed


def unused_originals(replaced: Iterable[File], files: Files,
                     config: MkDocsConfig) -> list[File]:
    """The files of ``replaced`` that nothing in the site names: these can be left out."""
    by_name: dict[str, list[File]] = {}
    for file in replaced:
        by_name.setdefault(posixpath.basename(file.src_uri).lower(), []).append(file)
    if not by_name:
        return []
    named = names_in(set(by_name), site_texts(files, config))
    return [file for name, found in by_name.items() if name not in named for file in found]


def names_in(names: set[str], texts: Iterable[str]) -> set[str]:
    """The lower-case file names of ``names`` that appear in any of ``texts``; texts are read
    only until every name is found."""
    pending = set(names)
    find = _finder(pending)
    for text in texts:
        for reading in _readings(text):
            hits = find(reading)
            if hits:
                pending -= hits
                find = _finder(pending)
        if not pending:
            break
    return set(names) - pending


def _finder(names: set[str]) -> Callable[[str], set[str]]:
    """What finds ``names`` in a text: at each place a name's suffix (.jpg) occurs, it walks
    back through the names spelled backwards (a trie), so that the work per place is the length
    of the longest name, whatever the number of names."""
    plain = {name for name in names if not posixpath.splitext(name)[1]}
    suffixed = names - plain
    trie: dict[str, Any] = {}
    for name in suffixed:
        node = trie
        for char in reversed(name):
            node = node.setdefault(char, {})
        node[""] = name  # a name ends here ("" is no character)
    suffixes = sorted({posixpath.splitext(name)[1] for name in suffixed}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(suffix) for suffix in suffixes)) if suffixes else None

    def find(text: str) -> set[str]:
        hits = {name for name in plain if name in text}
        for match in pattern.finditer(text) if pattern else ():
            node, at = trie, match.end() - 1
            while at >= 0 and (child := node.get(text[at])) is not None:
                node, at = child, at - 1
                if "" in node:
                    hits.add(node[""])
        return hits

    return find


def _readings(text: str) -> Iterator[str]:
    """A text as written, and with HTML entities and %-escapes decoded (``a%20b.jpg``)."""
    text = text.lower()
    yield text
    if "&" in text or "%" in text:
        decoded = unquote(html.unescape(text))
        if decoded != text:
            yield decoded


def site_texts(files: Files, config: MkDocsConfig) -> Iterator[str]:
    """Everything in the site that can name an image, cheapest first."""
    for file in files.documentation_pages():
        if file.page is not None and file.page.content:
            yield file.page.content
    yield "\n".join(config_strings(config))
    theme_dirs = {os.path.normpath(d) for d in config.theme.dirs}
    for file in files:
        if file.is_documentation_page() or not _is_text(file.src_uri):
            continue
        if file.src_dir and os.path.normpath(file.src_dir) in theme_dirs:
            continue  # the theme's own files, and custom_dir's (read below)
        text = _file_text(file)
        if text:
            yield text
    custom_dir = config.theme.custom_dir
    if custom_dir:
        yield from _folder_texts(custom_dir)


def config_strings(config: MkDocsConfig) -> Iterator[str]:
    """Every string in the configuration, the theme's options and other plugins' options."""
    yield from _strings(config, 0)  # the theme's options too: config.theme is a mapping
    for plugin in config.plugins.values():
        # A hook (mkdocs.yml's 'hooks:') is a module among the plugins, with no options.
        yield from _strings(getattr(plugin, "config", None), 0)


def _strings(value: object, depth: int) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif depth >= _DEPTH or isinstance(value, BasePlugin):
        return
    elif isinstance(value, Mapping):
        for item in list(value.values()):
            yield from _strings(item, depth + 1)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _strings(item, depth + 1)
    elif isinstance(value, ExtraScriptValue):  # extra_javascript entries
        yield value.path


def _is_text(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in TEXT_SUFFIXES


def _file_text(file: File) -> str:
    try:
        if file.abs_src_path and os.path.getsize(file.abs_src_path) > TEXT_LIMIT:
            return ""
        return file.content_bytes.decode("utf-8", "replace")
    except (OSError, ValueError, TypeError):
        return ""


def _folder_texts(folder: str) -> Iterator[str]:
    """The text files of a folder (custom_dir: templates, CSS and scripts)."""
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            if not _is_text(name):
                continue
            path = os.path.join(root, name)
            try:
                if os.path.getsize(path) > TEXT_LIMIT:
                    continue
                with open(path, "rb") as handle:
                    yield handle.read().decode("utf-8", "replace")
            except OSError:
                continue
