"""Time zones as organizers write them: ``AoE``, ``UTC``, or an IANA name (``Europe/Vienna``)."""

from __future__ import annotations

import functools
import zoneinfo
from dataclasses import dataclass
from datetime import timedelta, timezone, tzinfo

from .problems import did_you_mean

AOE_NAMES = {"aoe", "anywhere on earth", "anywhere-on-earth", "utc-12", "utc-12:00", "etc/gmt+12"}
UTC_NAMES = {"utc", "gmt", "z", "etc/utc"}


class UnknownTimezone(ValueError):
    """A time zone name that is neither AoE, UTC nor in the IANA database."""

    def __init__(self, name: str, hint: str | None) -> None:
        self.name = name
        self.hint = hint
        super().__init__(name)


@dataclass(frozen=True)
class Zone:
    """A resolved time zone and how the page names it."""

    key: str  # as normalized: "AoE", "UTC", or the IANA key
    tz: tzinfo
    label: str  # shown to readers

    @property
    def is_aoe(self) -> bool:
        return self.key == "AoE"


AOE = Zone("AoE", timezone(timedelta(hours=-12), "AoE"), "Anywhere on Earth (AoE, UTC\u221212)")
UTC = Zone("UTC", timezone.utc, "UTC")


@functools.cache
def _available() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@functools.cache
def resolve_zone(name: str) -> Zone:
    """Resolve a zone name; raise :class:`UnknownTimezone` with a close match as hint."""
    text = name.strip()
    lowered = text.lower()
    if lowered in AOE_NAMES:
        return AOE
    if lowered in UTC_NAMES:
        return UTC
    try:
        tz = zoneinfo.ZoneInfo(text)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        pass
    else:
        return Zone(text, tz, text)
    candidates = sorted(_available() | {"AoE", "UTC"})
    # Organizers often write just the city: "Vienna" for "Europe/Vienna".
    by_city = {c.rsplit("/", 1)[-1].lower().replace("_", " "): c for c in candidates if "/" in c}
    hint = by_city.get(lowered.replace("_", " ")) or did_you_mean(text, candidates)
    raise UnknownTimezone(text, hint)
