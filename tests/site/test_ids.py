"""Every id on a page is unique: a heading and a card of the same name, a roster shown twice,
papers twice; links of the program to a speaker's card follow the card."""

from __future__ import annotations

import collections
import re
from collections.abc import Callable

from mkdocs_workshop.core.anchors import unique_ids

from sitekit import Built, page

FRONT = {"workshop": {"venue": "V", "date": "2024-07-16", "timezone": "Europe/Vienna"},
         "speakers": [{"name": "Ada Lovelace"}, {"name": "Dates"}],
         "panel": [{"name": "Ada Lovelace"}],
         "schedule": [{"start": "09:00", "end": "10:00", "title": "Talk",
                       "speakers": ["Ada Lovelace"]}]}
BODY = """# Ada Lovelace

<< schedule() >>

## Speakers

<< team("speakers") >>

<< team("speakers", layout="names") >>

<< team("panel") >>

## Dates

<< papers("p.yml") >>

<< papers("p.yml") >>
"""


def test_ids_are_unique_and_links_follow_the_first_card(site: Callable[..., Built]) -> None:
    built = site({"index.md": page(FRONT, BODY)},
                 files={"docs/p.yml": "- title: Ada Lovelace\n  authors: [X]\n"})
    assert built.ok, built.messages()
    html = built.html()
    ids = collections.Counter(re.findall(r'\bid="([^"]+)"', html))
    assert [i for i, count in ids.items() if count > 1] == []
    assert '<h1 id="ada-lovelace">' in html  # the page's own heading keeps its id
    first_card = re.search(r'<article class="workshop-person" id="([^"]+)"', html)
    assert first_card is not None and first_card.group(1) == "ada-lovelace-2"
    speakers = html.split('<span class="workshop-slot__speakers">')[1].split("</span>")[0]
    assert speakers == '<a href="#ada-lovelace-2">Ada Lovelace</a>'


def test_every_id_of_the_page_is_reserved_however_it_is_written() -> None:
    """A heading's id in single quotes, without quotes, as ID=, or with an entity: a card of
    the same name takes the next free id, and links to it follow."""
    page_html = ("<h2 ID=ada-lovelace>A</h2><p id='grace-hopper'>G</p>"
                 "<a id=\"c&amp;d\"></a><div data-id=\"alan\"></div>")
    blocks = ['<article id="ada-lovelace"></article><a href="#ada-lovelace">Ada</a>',
              '<article id="grace-hopper"></article>', '<i id="c&d"></i>',
              '<article id="alan"></article>']
    assert unique_ids(page_html, blocks) == [
        '<article id="ada-lovelace-2"></article><a href="#ada-lovelace-2">Ada</a>',
        '<article id="grace-hopper-2"></article>', '<i id="c&d-2"></i>',
        '<article id="alan"></article>']
