"""What the theme writes into a page's ``<head>`` from the page itself, escaped at this one
boundary, whatever the theme does with it.

Material writes ``page.meta.title``, ``description`` and ``author`` into the ``<head>``
without escaping (MkDocs' theme templates do not autoescape): it takes them as HTML, as it
takes page titles everywhere (the nav and the header print them as they are). A title taken
from the page's first heading goes through ``striptags``, which turns ``&lt;/title&gt;`` back
into a live tag. Those values come from front matter, from an imported page, or from the
page's first paragraph (the plugin's description of an edition): text anyone may have
written. While the theme renders the page, :func:`guard` puts in the page's meta, for each,
its text (tags removed, character references read, as a browser would show it) escaped, as
:class:`markupsafe.Markup`: a theme that does not escape writes the escaped text, one that does
takes it as already escaped. :func:`restore` gives the page its own values back once the page
is rendered, so that other plugins and the plugin's own JSON-LD see them as written.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from datetime import date, datetime
from typing import Any

from markupsafe import Markup, escape

HEAD_KEYS = ("title", "description", "author")


def head_text(value: object) -> str | None:
    """A meta value as the one line of text a ``<meta>`` holds: HTML (as Material takes it)
    without its tags and with its character references read; a date or a number as YAML wrote
    it; None for what is not text (a list or a mapping is reported elsewhere and not given to
    the theme)."""
    if isinstance(value, str):
        return " ".join(Markup(value).striptags().split())
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def guard(meta: MutableMapping[str, Any], title: object, *, is_homepage: bool) -> dict[str, Any]:
    """Escape, in ``meta``, what the theme writes into the ``<head>``; the values replaced
    (``restore`` puts them back). ``title`` is the page's title as MkDocs has it (from the
    front matter, the first heading or the nav), which the theme writes through ``striptags``
    when the front matter has none."""
    originals: dict[str, Any] = {}
    for key in HEAD_KEYS:
        if key not in meta:
            continue
        text = head_text(meta[key])
        originals[key] = meta[key]
        if text is None:
            del meta[key]
        else:
            meta[key] = escape(text)
    if "title" not in meta and not is_homepage and title:
        plain = head_text(str(title))  # what the theme would write (striptags), unescaped
        if plain and plain != escape(plain):
            originals["title"] = _ABSENT
            meta["title"] = escape(plain)
    return originals


def restore(meta: MutableMapping[str, Any], originals: dict[str, Any]) -> None:
    """Give the page's meta its own values back (see :func:`guard`)."""
    for key, value in originals.items():
        if value is _ABSENT:
            meta.pop(key, None)
        else:
            meta[key] = value


_ABSENT = object()
