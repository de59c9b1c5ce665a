"""The time zone a page's program is in, as the page says it.

A program's times mean nothing without a zone, and the plugin asks for one (``timezone:`` in
the workshop block). An imported page seldom names it as a zone; it says "All times are in
ET", "(CEST)", or where the workshop is ("Vienna, Austria", "Baltimore, MD"). This module
reads, in that order: a zone abbreviation written beside "time(s)" or in brackets after a
time; the name of a city that is a zone's (every city of the zone database: Vienna,
Vancouver, Singapore, Honolulu, Kigali...); a city of the conferences' own list below. The
import writes the zone it finds with what it read it from, for the organizer to check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from zoneinfo import available_timezones

from .freedates import ZONE_ABBREVIATIONS

# Cities workshops meet in whose zone is named after another city.
CITIES = {
    "san diego": "America/Los_Angeles", "long beach": "America/Los_Angeles",
    "san francisco": "America/Los_Angeles", "seattle": "America/Los_Angeles",
    "san jose": "America/Los_Angeles", "portland": "America/Los_Angeles",
    "baltimore": "America/New_York", "boston": "America/New_York",
    "philadelphia": "America/New_York", "washington": "America/New_York",
    "atlanta": "America/New_York", "pittsburgh": "America/New_York",
    "miami": "America/New_York", "new orleans": "America/Chicago", "austin": "America/Chicago",
    "houston": "America/Chicago", "dallas": "America/Chicago", "minneapolis": "America/Chicago",
    "salt lake city": "America/Denver", "montréal": "America/Toronto",
    "montreal": "America/Toronto", "ottawa": "America/Toronto", "quebec": "America/Toronto",
    "munich": "Europe/Berlin", "hamburg": "Europe/Berlin", "frankfurt": "Europe/Berlin",
    "milan": "Europe/Rome", "florence": "Europe/Rome", "barcelona": "Europe/Madrid",
    "geneva": "Europe/Zurich", "milano": "Europe/Rome", "edinburgh": "Europe/London",
    "glasgow": "Europe/London", "abu dhabi": "Asia/Dubai", "kyoto": "Asia/Tokyo",
    "yokohama": "Asia/Tokyo", "busan": "Asia/Seoul", "beijing": "Asia/Shanghai",
    "hangzhou": "Asia/Shanghai", "shenzhen": "Asia/Shanghai", "bangalore": "Asia/Kolkata",
    "bengaluru": "Asia/Kolkata", "mumbai": "Asia/Kolkata", "new delhi": "Asia/Kolkata",
    "delhi": "Asia/Kolkata", "hyderabad": "Asia/Kolkata", "melbourne": "Australia/Melbourne",
    "rio de janeiro": "America/Sao_Paulo", "tel aviv": "Asia/Jerusalem",
}
_AROUND_TIME = re.compile(r"\b[Tt](?:imes?|IMES?)\b[^.\n]{0,40}?\b([A-Z]{2,4})\b"
                          r"|\(\s*([A-Z]{2,4})\s*\)")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_NOT_CITIES = frozenset({"Paris", "London"})  # also names of people and of places elsewhere


def says_zone(text: str) -> bool:
    """Whether ``text`` (a bracket after a program's day) says the times' zone ("all times
    EDT", "CEST", "local time"), not a place."""
    said = text.strip()
    return said.lower() in ZONE_ABBREVIATIONS or _AROUND_TIME.search(said) is not None \
        or re.search(r"\blocal\s+times?\b", said, re.I) is not None


@cache
def _zone_cities() -> dict[str, str]:
    found: dict[str, str] = {}
    for zone in available_timezones():
        # Region/City only: America/North_Dakota/Center is not a city a page names
        if zone.count("/") != 1 or zone.startswith(("Etc/", "SystemV/", "US/", "Canada/")):
            continue
        city = zone.rsplit("/", 1)[1].replace("_", " ")
        if len(city) >= 4:
            found.setdefault(city.lower(), zone)
    return {**found, **CITIES}


_VENUE_WORDS = re.compile(r"\b(?:venue|location|located|held|take place|takes place|"
                          r"convention|centre|center|hotel|room|hall|campus|conference)\b",
                          re.I)


# A short line that names the year and goes on to a place ("May 19th, 2025 | Atlanta,
# Georgia"), a page's banner: it speaks of the venue as much as "held in" does.
_BANNER = re.compile(r"^(?=.{0,200}$).*\b20\d\d\b.*(?:\||\u00b7|\u2022|,\s+[A-Z])", re.S)


def zone_of(texts: Iterable[str], *, venue_only: bool = False) -> tuple[str, str] | None:
    """The zone the texts name (an abbreviation beside "times", or a city), and the words
    it was read from; None when they name none, or several. ``venue_only``: a city counts
    only on a line that speaks of a venue ("held in Vienna") or is a page's banner ("May 19,
    2025 | Atlanta, Georgia"), not in a speaker's bio."""
    texts = [_COMMENT.sub(" ", t) for t in texts if t]  # what a reader does not see
    if venue_only:
        texts = [line for t in texts for line in t.split("\n") if line.strip()]
    for text in texts:
        for match in _AROUND_TIME.finditer(text):
            word = (match.group(1) or match.group(2) or "").lower()
            zone = ZONE_ABBREVIATIONS.get(word)
            if zone and zone != "AoE":  # AoE names deadlines, not a program's hours
                return zone, match.group(0).strip()
    cities = _zone_cities()
    pattern = _city_pattern()
    zones: dict[str, str] = {}
    for text in texts:
        if venue_only and not (_VENUE_WORDS.search(text) or _BANNER.search(text)):
            continue
        for match in pattern.finditer(text):
            zone = cities[match.group(1).lower()]
            zones.setdefault(zone, match.group(1))
    if len(zones) == 1:
        zone, city = next(iter(zones.items()))
        return zone, city
    return None


@cache
def _city_pattern() -> re.Pattern[str]:
    names = sorted((re.escape(c.title()) for c in _zone_cities() if c.title() not in
                    _NOT_CITIES), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(names) + r")\b")
