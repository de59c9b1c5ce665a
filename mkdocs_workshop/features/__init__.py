"""The features of a workshop page, one module each, and the list of them.

``FEATURES`` is the one place that knows every feature. Pages are read feature by feature in its
order (a feature may use what the ones before it read: the dates check against the workshop
block, the program links speakers to the rosters), and everything that must know every feature
is derived from it here: the macro names (:data:`MACROS`), the keys that are never rosters
(:data:`NOT_ROSTERS`), the editor schema (:mod:`mkdocs_workshop.site.schemas`).

To add a feature: write ``features/<name>.py`` ending in a ``FEATURE``, its partial
``templates/partials/workshop/<macro>.html``, and add it to ``FEATURES`` below. See
docs/architecture.md.
"""

from __future__ import annotations

from .base import Feature, Macro
from .dates import FEATURE as DATES
from .editions import FEATURE as EDITIONS
from .papers import FEATURE as PAPERS
from .schedule import FEATURE as SCHEDULE
from .sponsors import FEATURE as SPONSORS
from .team import FEATURE as TEAM
from .team import looks_like_roster
from .workshop import FEATURE as WORKSHOP

FEATURES: tuple[Feature, ...] = (WORKSHOP, DATES, TEAM, SCHEDULE, SPONSORS, PAPERS, EDITIONS)

# Front-matter keys of other tools that hold lists but are no rosters.
OTHER_KEYS = ("tags",)  # Material's tags plugin

MACROS: dict[str, Macro] = {m.name: m for f in FEATURES for m in f.macros}
# The front-matter keys the features read
FEATURE_KEYS: frozenset[str] = frozenset(k for f in FEATURES for k in f.keys)
NOT_ROSTERS: frozenset[str] = FEATURE_KEYS | set(OTHER_KEYS)


def is_roster(key: str, value: object) -> bool:
    """Whether the front-matter ``key`` holds a roster (see features/team.py)."""
    return looks_like_roster(key, value, NOT_ROSTERS)


__all__ = ["FEATURES", "FEATURE_KEYS", "MACROS", "NOT_ROSTERS", "Feature", "Macro", "is_roster"]
