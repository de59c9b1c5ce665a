"""Time zones as organizers write them: ``AoE``, ``UTC``, or an IANA name (``Europe/Vienna``)."""

from __future__ import annotations

import functools
import re
import zoneinfo
from dataclasses import dataclass
from datetime import timedelta, timezone, tzinfo

from .problems import did_you_mean

AOE_NAMES = {"aoe", "anywhere on earth", "anywhere-on-earth", "utc-12", "utc-12:00", "etc/gmt+12"}
UTC_NAMES = {"utc", "gmt", "z", "etc/utc"}


class UnknownTimezone(ValueError):
    """A time zone name that is neither AoE, UTC nor in the IANA database.

    ``hint`` is a zone name that is probably meant; ``advice`` a sentence for names that are
    no zone at all (an offset such as ``GMT+2``, a region such as ``Europe``).
    """

    def __init__(self, name: str, hint: str | None, advice: str | None = None) -> None:
        self.name = name
        self.hint = hint
        self.advice = advice
        super().__init__(name)

    @property
    def fix(self) -> str:
        """What to write instead, as a sentence ending in a period (or empty)."""
        if self.advice:
            return self.advice
        return f"did you mean '{self.hint}'?" if self.hint else ""


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
    """Resolve a zone name; raise :class:`UnknownTimezone` with what to write instead.

    Only names of the IANA database as the machine lists them are zones (never a path, a
    region folder such as ``Europe``, or the machine's own ``localtime``)."""
    text = name.strip()
    lowered = text.lower()
    if lowered in AOE_NAMES:
        return AOE
    if lowered in UTC_NAMES:
        return UTC
    if text in _available() and text not in _NOT_ZONES:
        return Zone(text, zoneinfo.ZoneInfo(text), text)
    offset = _OFFSET.fullmatch(lowered.replace(" ", ""))
    if offset:
        raise UnknownTimezone(text, None, _offset_advice(text, offset))
    regions = _regions()
    if lowered in regions:
        known = [z for z in _EXAMPLES.values() if z.lower().startswith(lowered + "/")]
        examples = ", ".join((known or _AMERICA if lowered in ("us", "america") else known
                              or regions[lowered])[:3])
        raise UnknownTimezone(text, None, f"'{text}' is a region, not a time zone: write a "
                              f"zone in it, such as {examples}.")
    candidates = sorted((_available() - _NOT_ZONES) | {"AoE", "UTC"})
    # Organizers often write just the city: "Vienna" for "Europe/Vienna".
    by_city = {c.rsplit("/", 1)[-1].lower().replace("_", " "): c for c in candidates if "/" in c}
    hint = by_city.get(lowered.replace("_", " ")) or did_you_mean(text[:80], candidates)
    raise UnknownTimezone(text, hint)


# "GMT+2", "UTC-05:30", "UTC +1": an offset, not a zone (and Etc/GMT+2 means UTC-2).
_OFFSET = re.compile(r"(?:utc|gmt)([+\-\u2212])(\d{1,2})(?::?(\d{2}))?")


def _offset_advice(text: str, match: re.Match[str]) -> str:
    sign = -1 if match.group(1) in "-\u2212" else 1
    hours, minutes = int(match.group(2)), int(match.group(3) or 0)
    shown = f"UTC{'+' if sign > 0 else chr(0x2212)}{hours:02d}:{minutes:02d}"
    example = _EXAMPLES.get((sign * hours, minutes))
    city = (f"the zone of the place (such as {example}, at {shown} in standard time)"
            if example else "the zone of the place (Continent/City)")
    if minutes == 0 and hours <= 14:
        etc = f"Etc/GMT{'-' if sign > 0 else '+'}{hours}"
        return (f"'{text}' is an offset ({shown}), not a time zone. Write {city}, which also "
                f"knows daylight saving time; or, for a fixed {shown}, '{etc}' (the Etc/ names "
                "count the other way round: Etc/GMT-2 is two hours ahead of UTC).")
    return f"'{text}' is an offset ({shown}), not a time zone. Write {city}."


# Names the database lists that are no place's zone, or depend on the machine.
_NOT_ZONES = frozenset({"localtime", "posixrules", "Factory"})

# A well-known zone at each standard offset (hours, minutes), for the advice above.
_EXAMPLES = {
    (-11, 0): "Pacific/Pago_Pago", (-10, 0): "Pacific/Honolulu", (-9, 0): "America/Anchorage",
    (-8, 0): "America/Los_Angeles", (-7, 0): "America/Denver", (-6, 0): "America/Chicago",
    (-5, 0): "America/New_York", (-4, 0): "America/Halifax", (-3, 0): "America/Sao_Paulo",
    (-1, 0): "Atlantic/Azores", (0, 0): "Europe/London", (1, 0): "Europe/Paris",
    (2, 0): "Europe/Athens", (3, 0): "Europe/Istanbul", (3, 30): "Asia/Tehran",
    (4, 0): "Asia/Dubai", (4, 30): "Asia/Kabul", (5, 0): "Asia/Karachi",
    (5, 30): "Asia/Kolkata", (5, 45): "Asia/Kathmandu", (6, 0): "Asia/Dhaka",
    (6, 30): "Asia/Yangon", (7, 0): "Asia/Bangkok", (8, 0): "Asia/Singapore",
    (9, 0): "Asia/Tokyo", (9, 30): "Australia/Darwin", (10, 0): "Australia/Brisbane",
    (11, 0): "Pacific/Noumea", (12, 0): "Pacific/Auckland", (13, 0): "Pacific/Tongatapu",
    (14, 0): "Pacific/Kiritimati",
}


_AMERICA = ["America/New_York", "America/Chicago", "America/Los_Angeles"]


@functools.cache
def _regions() -> dict[str, list[str]]:
    """``europe`` -> its zones, for names that are a region and not a zone."""
    regions: dict[str, list[str]] = {}
    for key in sorted(_available()):
        if "/" in key:
            regions.setdefault(key.split("/", 1)[0].lower(), []).append(key)
    return regions
