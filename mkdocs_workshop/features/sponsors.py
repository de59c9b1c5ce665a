"""Sponsors, by tier, from the page's ``sponsors:`` list.

```yaml
sponsors:
  - name: Example Foundation       # required
    tier: Gold                     # tiers are shown in the order they first appear
    logo: assets/sponsors/example.svg
    logo_dark: assets/sponsors/example-dark.svg  # optional: shown in dark mode instead
    url: https://example.org
    blurb: Supports open science.  # Markdown
```

Tiers are ranked by the order they first appear: the first tier's logos get the largest area
(:data:`LOGO_SIDES`), and within a tier a wide logo and a square one get the same area, not the
same height. A logo without ``logo_dark`` sits on a light tile in dark mode.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from ..core.entries import EntryKind, markdown_field, read_entries
from ..core.fields import ImageRef, Link, Model, RequiredText, Text, field_names
from ..core.imagerefs import ImageMaker, PageImage, locate_image
from ..core.jsonschema import closed
from ..core.problems import Budget, Problems, brief
from .base import Feature, Macro, Part, Reading, Rendering, UrlFor, Waiting

DEFAULT_TIER = "Sponsors"


class Sponsor(Model):
    name: RequiredText
    tier: Text = None
    logo: ImageRef = None
    logo_dark: ImageRef = None  # the logo drawn for a dark background, used in dark mode
    url: Link = None
    blurb: Text = None


SPONSOR_FIELDS = field_names(Sponsor)

# The side, in rem, of a square logo of the first, second and further tiers: a logo of another
# shape gets the same area (wider and lower), so that logos of one tier weigh the same.
LOGO_SIDES = (4.6, 3.0, 2.2)


def logo_side(rank: int) -> float:
    """The side of a square logo in the tier of this rank (0: the first tier)."""
    return LOGO_SIDES[min(rank, len(LOGO_SIDES) - 1)]


def logo_width(side: float, width: int | None, height: int | None) -> float | None:
    """The width in rem that gives a logo of this shape the area of a ``side`` square, or None
    when its shape is not known here (an SVG: the page's script measures it)."""
    if not width or not height:
        return None
    return round(side * math.sqrt(width / height), 2)


@dataclass(frozen=True)
class SponsorView:
    name: str
    url: str | None
    logo: PageImage | None
    blurb_html: Markup | None
    logo_dark: PageImage | None = None
    width: float | None = None  # rem, the logo's width at its tier's area (None: unknown)
    dark_width: float | None = None


@dataclass
class Tier:
    name: str
    sponsors: list[SponsorView] = field(default_factory=list)
    rank: int = 0  # 0 for the first tier on the page

    @property
    def side(self) -> float:
        """The side, in rem, of a square logo of this tier."""
        return logo_side(self.rank)


def _not_entry(item: object) -> tuple[str, str]:
    fix = f"write it as '- name: {item}'." if isinstance(item, str) else (
        "write the sponsor as '- name: ...' with its fields below it.")
    shown = f"the text '{item}'" if isinstance(item, str) else brief(item)
    return f"is {shown}, not a sponsor.", fix


SPONSORS = EntryKind(
    key="sponsors", noun="a sponsor", model=Sponsor, fields=SPONSOR_FIELDS, label="name",
    text_fields=("name", "tier", "blurb"),
    not_list=lambda value: ("should be a list of sponsors.",
                            "write each sponsor as '- name: ...' with its fields below it."),
    not_entry=_not_entry,
)


def read_sponsors(meta: Mapping[str, Any], problems: Problems, page_src: str,
                  url_for: UrlFor, images: ImageMaker | None = None,
                  budget: Budget | None = None) -> list[Tier] | None:
    value = meta.get("sponsors")
    if value is None:
        return None
    entries = read_entries(value, SPONSORS, problems)
    if entries is None:
        return None
    tiers: dict[str, Tier] = {}
    for entry in entries:
        sponsor, index = entry.value, entry.index
        logo = dark = None
        if sponsor.logo:
            logo = locate_image(sponsor.logo, page_src, url_for, problems, key="sponsors",
                                entry=index, label=sponsor.name, field="logo",
                                instead="the sponsor's name", maker=images, kind="logo")
        if sponsor.logo_dark:
            dark = locate_image(sponsor.logo_dark, page_src, url_for, problems, key="sponsors",
                                entry=index, label=sponsor.name, field="logo_dark",
                                instead="the logo on a light tile", maker=images, kind="logo")
            if not sponsor.logo:
                problems.warn("has a 'logo_dark' but no 'logo': light mode shows its name.",
                              key="sponsors", entry=index, label=sponsor.name,
                              field="logo_dark", fix="add the 'logo' for light mode too.")
        blurb = markdown_field(sponsor.blurb, problems, key="sponsors", entry=index,
                               label=sponsor.name, field="blurb", budget=budget)
        name = sponsor.tier or DEFAULT_TIER
        tier = tiers.setdefault(name, Tier(name, rank=len(tiers)))
        tier.sponsors.append(SponsorView(
            sponsor.name, sponsor.url, logo, blurb, dark if logo else None,
            logo_width(tier.side, logo.width, logo.height) if logo else None,
            logo_width(tier.side, dark.width, dark.height) if dark and logo else None))
    return list(tiers.values())


# What the feature reads of a page: its sponsors by tier (None without sponsors:).
TIERS: Part[list[Tier] | None] = Part("sponsors", None)


def _read(reading: Reading) -> dict[str, Any]:
    return {TIERS.name: read_sponsors(reading.meta, reading.problems, reading.src,
                                      reading.url_for, reading.images, reading.budget)}


def sponsors(r: Rendering) -> str:
    """The page's sponsors, by tier."""
    tiers = r.read.get(TIERS)
    if tiers is None:  # the key is there but unreadable: reported when the page was read
        return ""
    return r.place("sponsors()", "sponsors", tiers=tiers)


def _schema() -> tuple[dict[str, Any], dict[str, Any]]:

    return ({"sponsors": {"type": "array", "items": {"$ref": "#/$defs/Sponsor"}}},
            {"Sponsor": closed(Sponsor)})


FEATURE = Feature(
    "sponsors", keys=("sponsors",), read=_read, schema=_schema,
    macros=(Macro("sponsors", sponsors, key="sponsors", call_text=lambda call: "sponsors()"),),
    per_edition=("sponsors",),
    waiting=(Waiting(60, "Sponsors", "<< sponsors() >>", "`sponsors:` in the front matter",
                     "# sponsors:\n#   - name: Example Foundation\n#     tier: Gold\n"
                     "#     logo: assets/sponsors/example-foundation.svg\n"
                     "#     url: https://example.org\n"),))
