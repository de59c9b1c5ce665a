"""editions(): the series index from every page's workshop block."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from mkdocs_workshop.features.editions import Edition, order
from mkdocs_workshop.features.workshop import WorkshopInfo

from sitekit import Built, page

SiteFn = Callable[..., Built]


def edition(name: str, **days: str) -> Edition:
    return Edition(f"{name}.md", name, WorkshopInfo.model_validate(days))


def test_order_around_the_build_date() -> None:
    today = date(2024, 5, 11)
    upcoming, past, undated = order([
        edition("icml23", date="2023-07-28"), edition("neurips24", date="2024-12-15"),
        edition("iclr24", date="2024-05-11"), edition("icml24", start="2024-07-26",
                                                      end="2024-07-27"),
        edition("neurips23", date="2023-12-16"), edition("tba"),
    ], today)
    # A workshop happening today is still upcoming.
    assert [e.title for e in upcoming] == ["iclr24", "icml24", "neurips24"]
    assert [e.title for e in past] == ["neurips23", "icml23"]
    assert [e.title for e in undated] == ["tba"]


def test_the_home_page_lists_every_edition_from_its_front_matter(site: SiteFn) -> None:
    built = site({
        "index.md": "# Series\n\n<< editions() >>\n",
        "2023/icml.md": page({"title": "AI for Science 2023", "workshop": {
            "venue": "ICML 2023", "date": "2023-07-28", "location": "Honolulu, Hawaii"}}, "Hi"),
        "2024/iclr.md": page({"workshop": {"venue": "ICLR 2024", "date": "2024-05-11",
                                           "location": "Vienna, Austria"}},
                             "# AI4DifferentialEquations in Science\n\nHi"),
        "2024/icml.md": page({"title": "AI for Science 2024", "workshop": {
            "venue": "ICML 2024", "start": "2024-07-26", "end": "2024-07-27"}},
            "<< editions() >>"),
        "2025/tba.md": page({"title": "Next one", "workshop": {"venue": "NeurIPS 2025"}}, "Hi"),
        "about.md": "# About\n",
    }, strict=True)
    assert built.ok, built.messages()
    html = built.html()
    # Built "on" 2024-05-01.
    assert re.findall(r'<h3 class="workshop-editions__group">([^<]+)</h3>', html) == [
        "Upcoming", "Past", "Date to be announced"]
    assert re.findall(r'class="workshop-edition__title" href="([^"]+)"[^>]*>([^<]+)</a>',
                      html) == [("2024/iclr/", "AI4DifferentialEquations in Science"),
                                ("2024/icml/", "AI for Science 2024"),
                                ("2023/icml/", "AI for Science 2023"),
                                ("2025/tba/", "Next one")]
    assert ('<span class="workshop-edition__venue">ICML 2024</span> &middot; <time '
            'datetime="2024-07-26">July 26\u201327, 2024</time>') in html
    assert "Honolulu, Hawaii" in html
    # On an edition's own page the links are relative to it, and it is marked as current.
    own = built.html("2024/icml.md")
    assert 'href="../iclr/"' in own
    assert 'href="./" aria-current="page">AI for Science 2024</a>' in own


def test_an_invalid_block_is_reported_by_its_own_page_and_left_out(site: SiteFn) -> None:
    built = site({
        "index.md": "<< editions() >>\n",
        "bad.md": page({"title": "Bad", "workshop": {"date": "July 2024"}}, "Hi"),
    })
    assert not built.ok
    assert any("bad.md: 'workshop', field 'date': 'July 2024' is not a date." in m
               for m in built.workshop())


def test_no_editions_yet(site: SiteFn) -> None:
    built = site({"index.md": "<< editions() >>\n"}, strict=True)
    assert built.ok, built.messages()
    assert "No page of this site has a <code>workshop:</code> block yet." in built.html()
