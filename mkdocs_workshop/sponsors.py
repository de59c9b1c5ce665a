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

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from .checks import label_of, markdown_field, numbers_in_text, unknown_fields, validate
from .models import ImageRef, Link, RequiredText, Text, _Model
from .people import ImageMaker, PageImage, locate_image
from .problems import Problems, brief

DEFAULT_TIER = "Sponsors"


class Sponsor(_Model):
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


def read_sponsors(meta: Mapping[str, Any], problems: Problems, page_src: str,
                  url_for: Callable[[str], str | None],
                  images: ImageMaker | None = None) -> list[Tier] | None:
    value = meta.get("sponsors")
    if value is None:
        return None
    if not isinstance(value, list):
        problems.error("should be a list of sponsors.", key="sponsors",
                       fix="write each sponsor as '- name: ...' with its fields below it.")
        return None
    tiers: dict[str, Tier] = {}
    for index, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            fix = f"write it as '- name: {item}'." if isinstance(item, str) else (
                "write the sponsor as '- name: ...' with its fields below it.")
            shown = f"the text '{item}'" if isinstance(item, str) else brief(item)
            problems.error(f"is {shown}, not a sponsor.", key="sponsors", entry=index, fix=fix)
            continue
        label = label_of(item, "name")
        unknown_fields(item, SPONSOR_FIELDS, problems, key="sponsors", entry=index, label=label,
                       kind="a sponsor")
        numbers_in_text(item, ("name", "tier", "blurb"), problems, key="sponsors", entry=index,
                        label=label)
        sponsor = validate(Sponsor, item, problems, key="sponsors", entry=index, label=label)
        if sponsor is None:
            continue
        logo = None
        if sponsor.logo:
            logo = locate_image(sponsor.logo, page_src, url_for, problems, key="sponsors",
                                entry=index, label=sponsor.name, field="logo",
                                instead="the sponsor's name", maker=images, kind="logo")
        blurb = markdown_field(sponsor.blurb, problems, key="sponsors", entry=index,
                               label=sponsor.name, field="blurb")
        tier = sponsor.tier or DEFAULT_TIER
        tiers.setdefault(tier, Tier(tier)).sponsors.append(
            SponsorView(sponsor.name, sponsor.url, logo, blurb))
    return list(tiers.values())
