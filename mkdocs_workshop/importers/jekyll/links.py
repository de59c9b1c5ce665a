"""Links between the pages of a Jekyll site, as links between the new site's pages.

Jekyll pages link to each other by the address Jekyll published them at: ``neurips21.html``,
``/icml26/call.html``, ``/icml24/schedule``, ``/icml24/``, the site's own full address
(``https://example.github.io/icml24/call.html``), a Liquid filter
(``{{ '/icml26/assets/x.png' | relative_url }}``, ``absolute_url``) or the ``{% link %}`` tag
(``{% link icml24/call.md %}``, the source file). :class:`SiteMap` knows every page's addresses
(its permalink, or its file's path, with and without ``.html``, ``/index.html`` and the last
``/``) and its new path under ``docs/``; :func:`rewrite_links` rewrites the links of a page's
text to the new page: a Markdown link to the Markdown file (MkDocs checks and resolves it), an
HTML ``href`` to the built page's address relative to the page (MkDocs leaves raw HTML as it
is). A link that looks internal but leads to no page is kept and listed for the report.

The patterns are bounded and stop where the next attempt could start: linear.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlsplit

# {{ '/path' | relative_url }}, {{ "/path" | absolute_url }}, {% link path %}
_LIQUID_URL = re.compile(
    r"""\{\{-?\s*(?P<q>["'])(?P<path>[^"'{}%<>\s]{0,1000})(?P=q)\s*\|\s*"""
    r"""(?P<filter>relative_url|absolute_url)\s*-?\}\}"""
    r"""|\{%-?\s*link\s+(?P<file>[^\s{}%<>"']{1,1000})\s*-?%\}""")
_MD_LINK = re.compile(r"(?<!!)(\[[^\[\]]{0,1000}\]\()([^()\s\[\]<>]{1,2000})"
                      r"((?:\s+\"[^\"]{0,1000}\")?\))")
_HTML_LINK = re.compile(r"""(<a\b[^<>]{0,1000}?\bhref=)(["'])([^"'<>]{1,2000})\2""", re.I)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def _key(path: str) -> str:
    """An address path as a lookup key: no leading or trailing ``/``, no ``.html``, no
    ``/index``."""
    path = unquote(path).strip("/")
    path = re.sub(r"(?:^|/)index\.html?$", "", path)
    path = re.sub(r"\.(?:html?|md|markdown)$", "", path)
    return re.sub(r"(?:^|/)index$", "", path).strip("/")


def page_url(dest: str) -> str:
    """The address of the built page of ``dest`` (docs-relative), as MkDocs makes it with
    directory URLs: ``icml24/call.md`` -> ``icml24/call/``, ``icml24/index.md`` -> ``icml24/``."""
    stem = dest[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


@dataclass
class SiteMap:
    """Every page's addresses on the Jekyll site, and its path under ``docs/``."""

    pages: dict[str, str] = field(default_factory=dict)  # key -> dest
    host: str | None = None  # the site's own host, from _config.yml's url
    base: str = ""  # _config.yml's baseurl, as a key prefix
    sources: dict[str, str] = field(default_factory=dict)  # dest -> its address's folder

    def add(self, rel: str, permalink: object, dest: str) -> None:
        """A page from the source file ``rel`` with its front matter's ``permalink``."""
        if isinstance(permalink, str) and permalink.strip() and ":" not in permalink:
            self.pages.setdefault(_key(permalink), dest)
        self.pages.setdefault(_key(rel), dest)  # its file's address, and {% link %}

    def source_url(self, rel: str, permalink: object) -> str:
        """The folder of the page's address on the Jekyll site, which its relative links
        start from (``/icml24/`` for the permalink ``/icml24/call``)."""
        if isinstance(permalink, str) and permalink.strip() and ":" not in permalink:
            address = "/" + permalink.strip().lstrip("/")
        else:
            address = "/" + re.sub(r"\.(?:md|markdown)$", ".html", rel)
        return address.rsplit("/", 1)[0] + "/"

    def find(self, url: str, folder: str) -> tuple[str, str] | None:
        """The page ``url`` leads to from a page whose address is in ``folder``, and the
        fragment (``#dates``); None if it is not one of the site's pages."""
        try:
            parts = urlsplit(url)
        except ValueError:
            return None
        if (parts.scheme or parts.netloc) and (
                parts.scheme.lower() not in ("http", "https", "")
                or not self.host or (parts.hostname or "") != self.host):
            return None
        path = parts.path
        if not path:
            return None
        if not path.startswith("/"):
            path = posixpath.normpath(posixpath.join(folder, path))
            if path.startswith(".."):
                return None
        key = _key(path)
        if self.base and (key == self.base or key.startswith(self.base + "/")):
            key = key[len(self.base):].strip("/")
        dest = self.pages.get(key)
        if dest is None:
            return None
        return dest, parts.fragment

    def internal(self, url: str) -> bool:
        """Whether ``url`` is an address on the site itself (relative, or its own host)."""
        if url.startswith(("#", "mailto:", "//")) or "{" in url:
            return False
        try:
            parts = urlsplit(url)
        except ValueError:
            return False
        if _SCHEME.match(url):
            return bool(self.host) and parts.scheme.lower() in ("http", "https") \
                and (parts.hostname or "") == self.host
        return True


def link_to(dest_from: str, dest_to: str, fragment: str, *, html: bool) -> str:
    """The link from the page ``dest_from`` to ``dest_to``: the Markdown file's relative path,
    or for raw HTML the built page's address relative to the built page."""
    if html:
        here, there = page_url(dest_from), page_url(dest_to)
        target = posixpath.relpath(there or ".", here.rstrip("/") or ".")
        target = "./" if target == "." else target + "/"
    else:
        target = posixpath.relpath(dest_to, posixpath.dirname(dest_from) or ".")
    target = quote(target, safe="/.-_~")
    return f"{target}#{quote(fragment, safe='-_.~')}" if fragment else target


@dataclass
class LinkResult:
    text: str
    rewritten: int = 0
    liquid_resolved: int = 0
    unresolved: list[str] = field(default_factory=list)
    schemeless: list[str] = field(default_factory=list)  # "www.example.org", given https://


# A web address written without its scheme: the source's browser read it as a page of the
# site ("www.example.org" under /travel/ is /travel/www.example.org) and led nowhere.
_SCHEMELESS = re.compile(r"www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:[/?#][^\s<>\"']*)?")


def resolve_liquid_urls(body: str, result: LinkResult) -> str:
    """``{{ 'x' | relative_url }}`` and ``{% link x %}`` as the site-relative address they
    stand for (``/x``), so that the image and link rewriting below finds them."""

    def replace(match: re.Match[str]) -> str:
        path = match.group("path") if match.group("file") is None else match.group("file")
        if path is None:
            return match.group(0)
        result.liquid_resolved += 1
        return "/" + path.lstrip("/")

    return _LIQUID_URL.sub(replace, body)


def rewrite_links(body: str, find: Callable[[str, bool], str | None],
                  internal: Callable[[str], bool], result: LinkResult) -> str:
    """Markdown links and HTML ``href``s that ``find`` resolves, rewritten; internal ones it
    does not resolve are kept and listed in ``result.unresolved``."""

    def one(url: str, html: bool) -> str | None:
        new = find(url, html)
        if new is None and _SCHEMELESS.fullmatch(url):
            result.schemeless.append(url)
            return f"https://{url}"
        if new is None:
            if internal(url):
                result.unresolved.append(url)
            return None
        result.rewritten += 1
        return new

    def markdown(match: re.Match[str]) -> str:
        new = one(match.group(2), False)
        return match.group(0) if new is None else match.group(1) + new + match.group(3)

    def html(match: re.Match[str]) -> str:
        new = one(match.group(3), True)
        quote_char = match.group(2)
        return (match.group(0) if new is None
                else f"{match.group(1)}{quote_char}{new}{quote_char}")

    return _HTML_LINK.sub(html, _MD_LINK.sub(markdown, body))
