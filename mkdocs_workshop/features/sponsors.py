"""Sponsors, by tier, from the page's ``sponsors:`` list.

```yaml
sponsors:
  - name: Example Foundation       # required
    tier: Gold                     # tiers are shown in the order they first appear
    logo: assets/sponsors/example.svg
    url: https://example.org
    blurb: Supports open science.  # Markdown
```
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from ..entries import EntryKind, markdown_field, read_entries
from ..fields import ImageRef, Link, Model, RequiredText, Text
from ..imagerefs import ImageMaker, PageImage, locate_image
from ..problems import Budget, Problems, brief
from .base import Feature, Macro, Reading, Rendering, UrlFor

DEFAULT_TIER = "Sponsors"


class Sponsor(Model):
    name: RequiredText
    tier: Text = None
    logo: ImageRef = None
    url: Link = None
    blurb: Text = None


SPONSOR_FIELDS = ("name", "tier", "logo", "url", "blurb")


@dataclass(frozen=True)
class SponsorView:
    name: str
    url: str | None
    logo: PageImage | None
    blurb_html: Markup | None


@dataclass
class Tier:
    name: str
    sponsors: list[SponsorView] = field(default_factory=list)


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
        logo = None
        if sponsor.logo:
            logo = locate_image(sponsor.logo, page_src, url_for, problems, key="sponsors",
                                entry=index, label=sponsor.name, field="logo",
                                instead="the sponsor's name", maker=images, kind="logo")
        blurb = markdown_field(sponsor.blurb, problems, key="sponsors", entry=index,
                               label=sponsor.name, field="blurb", budget=budget)
        tier = sponsor.tier or DEFAULT_TIER
        tiers.setdefault(tier, Tier(tier)).sponsors.append(
            SponsorView(sponsor.name, sponsor.url, logo, blurb))
    return list(tiers.values())


def _read(reading: Reading) -> dict[str, Any]:
    return {"sponsors": read_sponsors(reading.meta, reading.problems, reading.src,
                                      reading.url_for, reading.images, reading.budget)}


def sponsors(r: Rendering) -> str:
    """The page's sponsors, by tier."""
    tiers: list[Tier] | None = r.read.sponsors
    if tiers is None:  # the key is there but unreadable: reported when the page was read
        return ""
    return r.place("sponsors()", "sponsors", tiers=tiers)


def _schema() -> tuple[dict[str, Any], dict[str, Any]]:
    from ..schema import closed

    return ({"sponsors": {"type": "array", "items": {"$ref": "#/$defs/Sponsor"}}},
            {"Sponsor": closed(Sponsor)})


FEATURE = Feature("sponsors", keys=("sponsors",), read=_read, schema=_schema,
                  macros=(Macro("sponsors", sponsors, key="sponsors",
                                call_text=lambda call: "sponsors()"),))
