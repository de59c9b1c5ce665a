"""Link previews: the Open Graph and Twitter tags of an edition page, so that a link shared in a
chat or a post shows the edition's own title, line and picture, not the site's.

``description`` is the ``workshop.description``, else the page's first paragraph; ``image``
is ``workshop.image``, else the theme's logo when it is a picture a preview can show.
Addresses are absolute (previews are read off the site), so without ``site_url`` the URL and
image tags are left out.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin

from ..core.imagerefs import find_image
from ..core.problems import excerpt
from ..features.workshop import WorkshopInfo

# A paragraph as Markdown writes the author's text: no attributes. The macros' own lines
# (<p class="workshop-dates__held" hidden>, the papers' count, the program's zone) have a class.
_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")
_PREVIEW_IMAGE = re.compile(r"\.(png|jpe?g|gif|webp)$", re.I)
DESCRIPTION_CHARS = 200


@dataclass(frozen=True)
class Preview:
    title: str
    description: str | None
    url: str | None  # absolute
    image: str | None  # absolute
    site_name: str | None


def first_paragraph(content: str) -> str | None:
    """The text of the first paragraph of the page's own text (not a macro's line), on one
    line, at most 200 characters."""
    for match in _FIRST_PARAGRAPH.finditer(content[:200_000]):
        text = " ".join(html.unescape(_TAG.sub("", match.group(1))).split())
        if text:
            return excerpt(text, DESCRIPTION_CHARS)
    return None


def absolute(base: str | None, address: str | None) -> str | None:
    """``address`` made absolute against the page's canonical URL; None without one."""
    if not address:
        return None
    if re.match(r"^https?://", address, re.I):
        return address
    if not base or not re.match(r"^https?://", base, re.I):
        return None
    return urljoin(base, address)


def preview_image(address: str | None) -> str | None:
    return address if address and _PREVIEW_IMAGE.search(address.split("?", 1)[0]) else None


def tags(preview: Preview) -> str:
    """The <meta> lines for the page's <head>."""
    pairs: list[tuple[str, str, str]] = [
        ("property", "og:type", "website"),
        ("property", "og:title", preview.title),
    ]
    if preview.site_name:
        pairs.append(("property", "og:site_name", preview.site_name))
    if preview.description:
        pairs.append(("property", "og:description", preview.description))
    if preview.url:
        pairs.append(("property", "og:url", preview.url))
    if preview.image:
        pairs.append(("property", "og:image", preview.image))
    pairs.append(("name", "twitter:card",
                  "summary_large_image" if preview.image else "summary"))
    pairs.append(("name", "twitter:title", preview.title))
    if preview.description:
        pairs.append(("name", "twitter:description", preview.description))
    if preview.image:
        pairs.append(("name", "twitter:image", preview.image))
    return "\n".join(f'<meta {kind}="{name}" content="{html.escape(value, quote=True)}">'
                     for kind, name, value in pairs)


def add_to_head(output: str, preview: Preview) -> str:
    """The page with its preview tags, unless something (Material's social plugin) already
    wrote Open Graph tags."""
    if "</head>" not in output or 'property="og:title"' in output:
        return output
    end = output.index("</head>")
    return output[:end] + tags(preview) + "\n" + output[end:]


def edition_preview(info: WorkshopInfo, *, src: str, title: str, canonical: str | None,
                    first: str | None, site_url: str | None, logo: str | None,
                    site_name: str, url_for: Callable[[str], str | None]) -> Preview:
    """The preview of the edition page ``src``: its title, ``workshop.description`` (else
    its ``first`` paragraph), its address and ``workshop.image`` (else the theme's ``logo``)."""
    image = None
    if info.image:
        image = absolute(canonical, find_image(info.image, src, url_for).url)
    if image is None:
        image = absolute(site_url, preview_image(logo))
    return Preview(title=title, description=info.description or first,
                   url=absolute(canonical, canonical), image=image, site_name=site_name)
