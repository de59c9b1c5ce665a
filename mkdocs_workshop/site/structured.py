"""schema.org ``Event`` data (JSON-LD) for an edition page, for search engines.

Speakers and panelists become ``performer``, organizers ``organizer``: rosters are recognized
by their key (``speakers``, ``Panelist``, ``keynotes``, ``Organizers``, ...; see
:func:`mkdocs_workshop.features.team.roles`).
"""

from __future__ import annotations

import json
from typing import Any

from ..features.team import Card, roles
from ..features.workshop import WorkshopInfo

ATTENDANCE = {
    "in-person": "https://schema.org/OfflineEventAttendanceMode",
    "offline": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "virtual": "https://schema.org/OnlineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
    "mixed": "https://schema.org/MixedEventAttendanceMode",
}
def _people(rosters: dict[str, list[Card]], kind: str) -> list[dict[str, Any]]:
    people: list[dict[str, Any]] = []
    seen: set[str] = set()
    for key, cards in rosters.items():
        if kind not in roles(key):
            continue
        for card in cards:
            person = card.person
            if person.name in seen:
                continue
            seen.add(person.name)
            entry: dict[str, Any] = {"@type": "Person", "name": person.name}
            if person.url:
                entry["url"] = person.url
            if person.aff:
                entry["affiliation"] = {"@type": "Organization", "name": person.aff}
            people.append(entry)
    return people


def event_data(title: str, info: WorkshopInfo, rosters: dict[str, list[Card]],
               url: str | None, description: str | None = None) -> dict[str, Any] | None:
    """The Event, or None when the block has no date (search engines require one)."""
    first, last = info.first_day, info.last_day
    if first is None or last is None:
        return None
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": title,
        "startDate": first.isoformat(),
        "endDate": last.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
    }
    mode = ATTENDANCE.get((info.attendance or "").lower())
    if mode:
        data["eventAttendanceMode"] = mode
    locations: list[dict[str, Any]] = []
    if info.location and mode != ATTENDANCE["online"]:
        locations.append({"@type": "Place", "name": info.location, "address": info.location})
    if mode in (ATTENDANCE["online"], ATTENDANCE["hybrid"]) and (info.online_url or url):
        locations.append({"@type": "VirtualLocation", "url": info.online_url or url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if info.venue:
        data["superEvent"] = {"@type": "Event", "name": info.venue}
    if url:
        data["url"] = url
    if description:
        data["description"] = description
    performers = _people(rosters, "performer")
    organizers = _people(rosters, "organizer")
    if performers:
        data["performer"] = performers
    if organizers:
        data["organizer"] = organizers
    return data


def script_tag(data: dict[str, Any]) -> str:
    """A <script> element that no value can close or break out of."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return f'<script type="application/ld+json">{text}</script>'

