"""The venue and year of an edition ("NeurIPS 2025"), from what its page says.

A series' editions share a long title ("AI for Science: ...") or have a new one each year;
what tells them apart is the conference they were held at, and the year. Sites of the seeds'
family say it in the edition's address (``/neurips25``, ``/icml2024/``), or in its subtitle,
description or title ("NeurIPS 2026 Workshop in Sydney"). :func:`venue_of` finds it there,
for ``workshop.venue`` and the nav's label of the edition. Only the names of known venues
count, spelt in text as the venue spells itself; a page that names none has no venue.
"""

from __future__ import annotations

import re

# Conferences that host workshops, as each spells its name.
VENUES = ("NeurIPS", "NIPS", "ICML", "ICLR", "AAAI", "IJCAI", "AISTATS", "UAI", "COLT",
          "CoRL", "CVPR", "ICCV", "ECCV", "WACV", "ACL", "EMNLP", "NAACL", "EACL", "COLING",
          "COLM", "KDD", "SIGIR", "WSDM", "RecSys", "CHI", "MICCAI", "ICRA", "IROS", "MLSys",
          "ISMB", "ACML", "ICASSP", "Interspeech", "SIGGRAPH")
_BY_NAME = {v.casefold(): v for v in VENUES}
_ADDRESS = re.compile(r"^(?P<venue>[a-z]{2,12})[-_]?(?P<year>(?:19|20)\d{2}|\d{2})$", re.I)
# In text, a venue as it spells itself ("CHI", not "chi"): case counts.
_TEXT = re.compile(r"\b(?P<venue>" + "|".join(VENUES) + r")\s{0,3}'?(?P<year>(?:19|20)\d{2})\b")
_NAME_ONLY = re.compile(r"\b(?P<venue>" + "|".join(VENUES) + r")\b")


def _year(text: str) -> int:
    return int(text) if len(text) == 4 else 2000 + int(text)


def venue_of(address: str, texts: list[str], year: int | None = None) -> str | None:
    """"NeurIPS 2025" from the edition's address (``neurips25/index.md``, ``icml2024``), else
    from the first of ``texts`` (subtitle, description, title) that names a venue and a year,
    else from a venue named there without a year and the workshop's ``year``."""
    for segment in reversed(re.split(r"[/.]", address)):
        match = _ADDRESS.match(segment)
        if match and match["venue"].casefold() in _BY_NAME:
            return f"{_BY_NAME[match['venue'].casefold()]} {_year(match['year'])}"
    for text in texts:
        match = _TEXT.search(text)
        if match:
            return f"{_BY_NAME[match['venue'].casefold()]} {match['year']}"
    if year is not None:
        for text in texts:
            match = _NAME_ONLY.search(text)
            if match:
                return f"{_BY_NAME[match['venue'].casefold()]} {year}"
    return None
