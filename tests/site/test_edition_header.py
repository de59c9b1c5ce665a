"""The edition page's header, the bar of the edition's pages, link previews and the home cards.

Sites are built "on" 2024-05-01 (conftest's SOURCE_DATE_EPOCH)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import date

from mkdocs_workshop.site.header import insert_after_title, when_text
from mkdocs_workshop.site.previews import Preview, add_to_head, first_paragraph, tags

from sitekit import MACROS, Built, page

SiteFn = Callable[..., Built]

EDITION = {
    "title": "AI for Science 2024",
    "workshop": {
        "venue": "ICML 2024", "date": "2024-07-16", "location": "Vienna, Austria",
        "attendance": "hybrid", "description": "Scaling in AI for scientific discovery.",
        "links": [{"label": "Submit", "url": "https://openreview.net/group?id=x"},
                  {"label": "Call for papers", "url": "call.md"},
                  {"label": "Dates", "url": "#important-dates"}],
    },
    "dates": [{"Paper Submission Deadline": "2024-05-16"},
              {"Acceptance Notification": "2024-06-17"}],
}
NAV = [{"Home": "index.md"},
       {"ICML 2024": [{"About": "icml24.md"}, {"Call for papers": "call.md"}]}]


def header(html: str) -> str:
    found = re.search(r'<div class="workshop-header">.*?</div>', html, re.S)
    assert found, "no header"
    return found.group(0)


def test_the_header_says_when_where_what_next_and_offers_the_buttons(site: SiteFn) -> None:
    built = site({"index.md": "# Home\n", "icml24.md": page(EDITION, "# AI for Science\n\nHi."),
                  "call.md": "# Call for papers\n\nSend papers.\n"},
                 strict=True, extra_config={"nav": NAV})
    assert built.ok, built.messages()
    html = built.html("icml24.md")
    top = header(html)
    # Under the page's own heading, above the text.
    assert html.index("</h1>") < html.index('<div class="workshop-header">') < html.index("Hi.")
    assert '<time datetime="2024-07-16">Tuesday, July 16, 2024</time>' in top
    assert "Vienna, Austria" in top and "ICML 2024" in top
    assert "Hybrid: in person and online" in top
    assert ('Next: <strong>Paper Submission Deadline</strong>, <time '
            'datetime="2024-05-16T23:59:59-12:00">May 16, 2024 (AoE)</time>') in top
    assert re.findall(r'<a class="md-button[^"]*" href="([^"]+)"[^>]*>([^<]+)</a>', top) == [
        ("https://openreview.net/group?id=x", "Submit"), ("../call/", "Call for papers"),
        ("#important-dates", "Dates")]
    # The edition's pages, from the nav, on the edition and on its sub-page.
    bar = r'<nav class="workshop-sections"[^>]*>\s*<ul>(.*?)</ul>'
    assert re.findall(r'href="([^"]+)"( aria-current="page")?>([^<]+)<',
                      re.search(bar, html, re.S).group(1)) == [  # type: ignore[union-attr]
        ("./", ' aria-current="page"', "About"), ("../call/", "", "Call for papers")]
    call = built.html("call.md")
    assert '<div class="workshop-header">' not in call
    assert 'href="../icml24/">About</a>' in call and 'aria-current="page">Call for papers' in call
    # The edition's own description for search engines and previews.
    assert '<meta name="description" content="Scaling in AI for scientific discovery.">' in html


def test_a_sub_page_names_its_edition_and_when_linked_to_the_edition(site: SiteFn) -> None:
    built = site({"index.md": "# Home\n", "icml24.md": page(EDITION, "# AI for Science\n\nHi."),
                  "call.md": "# Call for papers\n\nSend papers.\n"},
                 strict=True, extra_config={"nav": NAV})
    assert built.ok, built.messages()
    call = built.html("call.md")
    line = re.search(r'<p class="workshop-sections__edition">(.*?)</p>', call, re.S)
    assert line, "the sub-page does not name its edition"
    assert html.unescape(re.sub(r"<[^>]+>", "", line.group(1))) == (
        "ICML 2024 \u00b7 Tuesday, July 16, 2024 \u00b7 Vienna, Austria")
    assert '<a href="../icml24/">ICML 2024</a>' in line.group(1)
    assert '<time datetime="2024-07-16">Tuesday, July 16, 2024</time>' in line.group(1)
    # Under the sub-page's title, above the bar; the edition page has its header instead.
    assert call.index("</h1>") < call.index("workshop-sections__edition") \
        < call.index('<nav class="workshop-sections"') < call.index("Send papers.")
    assert "workshop-sections__edition" not in built.html("icml24.md")


def test_a_sub_page_names_an_edition_without_venue_by_its_title_and_no_place_tba(
        site: SiteFn) -> None:
    edition = {"title": "AI for Science & Society 2027",
               "workshop": {"date": "2027-04-30", "location": "TBA"}}
    built = site({"index.md": "# Home\n", "icml24.md": page(edition, "Hi."),
                  "call.md": "# Call for papers\n"},
                 strict=True, extra_config={"nav": NAV})
    assert built.ok, built.messages()
    line = re.search(r'<p class="workshop-sections__edition">(.*?)</p>',
                     built.html("call.md"), re.S)
    assert line, "the sub-page does not name its edition"
    assert '<a href="../icml24/">AI for Science &amp; Society 2027</a>' in line.group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", line.group(1))) == (
        "AI for Science & Society 2027 \u00b7 Friday, April 30, 2027")


def test_no_bar_where_a_section_lists_several_editions(site: SiteFn) -> None:
    other = {"title": "AI for Science 2023",
             "workshop": {"venue": "ICML 2023", "date": "2023-07-28"}}
    built = site({"index.md": "# Home\n", "icml24.md": page(EDITION, "Hi."),
                  "icml23.md": page(other, "Hi."), "call.md": "# Call\n"},
                 strict=True, extra_config={"nav": [{"Editions": ["icml24.md", "icml23.md"]},
                                                    "call.md"]})
    assert built.ok, built.messages()
    assert "workshop-sections" not in built.html("icml24.md")
    assert "workshop-sections" not in built.html("call.md")  # nor its edition's name
    assert '<div class="workshop-header">' in built.html("icml23.md")


def test_the_header_can_be_turned_off_for_the_site_or_a_page(site: SiteFn) -> None:
    off = {**EDITION, "workshop": {**EDITION["workshop"], "header": False}}  # type: ignore[dict-item]
    built = site({"index.md": page(EDITION, "Hi."), "b.md": page(off, "Hi."), "call.md": "# C"},
                 strict=True)
    assert built.ok, built.messages()
    assert '<div class="workshop-header">' in built.html("index.md")
    assert '<div class="workshop-header">' not in built.html("b.md")


def test_the_option_turns_it_off_and_a_page_back_on(site: SiteFn) -> None:
    on = {**EDITION, "workshop": {**EDITION["workshop"], "header": True}}  # type: ignore[dict-item]
    built = site({"index.md": page(EDITION, "Hi."), "b.md": page(on, "Hi."), "call.md": "# C"},
                 strict=True,
                 plugins=[MACROS, {"workshop": {"edition_header": False}}])
    assert built.ok, built.messages()
    assert '<div class="workshop-header">' not in built.html("index.md")
    assert '<div class="workshop-header">' in built.html("b.md")


def test_a_site_overrides_the_header_from_custom_dir(site: SiteFn) -> None:
    built = site({"index.md": page(EDITION, "Hi."), "call.md": "# C"}, strict=True,
                 theme={"name": "material", "custom_dir": "overrides"},
                 files={"overrides/partials/workshop/edition.html":
                        '<p class="own-header">{{ header.venue }} in {{ header.location }}</p>'})
    assert built.ok, built.messages()
    assert '<p class="own-header">ICML 2024 in Vienna, Austria</p>' in built.html()


def test_a_broken_override_is_a_located_error(site: SiteFn) -> None:
    built = site({"index.md": page(EDITION, "Hi."), "call.md": "# C"},
                 theme={"name": "material", "custom_dir": "overrides"},
                 files={"overrides/partials/workshop/edition.html": "{{ header.nothing_here }}"})
    assert not built.ok
    messages = "\n".join(built.messages())
    assert "index.md" in messages and "edition.html" in messages


def test_wrong_buttons_are_located_errors_and_left_out(site: SiteFn) -> None:
    wrong = {**EDITION, "workshop": {**EDITION["workshop"], "links": [  # type: ignore[dict-item]
        {"label": "Click", "url": "javascript:alert(1)"},
        {"label": "Missing", "url": "nowhere.md"},
        {"label": "No address"},
        "Just text",
        {"label": "Fine", "url": "https://example.org/", "colour": "red"},
    ]}}
    built = site({"index.md": page(wrong, "Hi.")})
    assert not built.ok
    messages = "\n".join(built.messages())
    assert "index.md: 'workshop.links', entry 1 (Click), field 'url'" in messages
    assert "'javascript:' scheme" in messages
    assert "entry 2 (Missing)" in messages and "not a page or file of this site" in messages
    assert "entry 3 (No address)" in messages and "has no 'url'" in messages
    assert "entry 4: is not a button" in messages
    assert "entry 5 (Fine), field 'colour'" in messages and "Known fields: label, url" in messages
    # The block itself stays: a wrong button does not hide when and where.
    built = site({"index.md": page({**wrong, "workshop": {**wrong["workshop"], "links": [
        {"label": "Missing", "url": "nowhere.md"}, {"label": "Fine",
                                                     "url": "https://example.org/"}]}}, "Hi.")})
    assert built.ok
    top = header(built.html())
    assert "Vienna, Austria" in top and 'href="https://example.org/"' in top
    assert "nowhere" not in top


def test_button_labels_and_facts_are_text_not_markup(site: SiteFn) -> None:
    hostile = {"workshop": {"venue": "<img src=x onerror=alert(1)>", "date": "2024-07-16",
                            "location": "<< 7 * 7 >>", "links": [
                                {"label": "<script>alert(1)</script>",
                                 "url": "https://example.org/\"onmouseover=\"x"}]}}
    built = site({"index.md": page(hostile, "Hi.")}, strict=True)
    assert built.ok, built.messages()
    top = header(built.html())
    assert "<script>" not in top and "&lt;script&gt;" in top
    assert "<img src=x" not in top and "&lt;img src=x onerror=alert(1)&gt;" in top
    assert "49" not in top
    assert '"onmouseover' not in top


def test_link_previews_come_from_the_edition(site: SiteFn) -> None:
    built = site({"index.md": "# Home\n\nThe series.\n",
                  "icml24.md": page(EDITION, "# T\n\nHi."), "call.md": "# C\n",
                  "iclr24.md": page({"workshop": {"venue": "ICLR 2024", "date": "2024-05-11",
                                                  "image": "card.png"}},
                                    "# ICLR\n\nThe first paragraph, <b>bold</b> &amp; plain.")},
                 strict=True, extra_config={"site_url": "https://example.org/ws/"},
                 files={"docs/card.png": _png()})
    assert built.ok, built.messages()
    icml, iclr, home = built.html("icml24.md"), built.html("iclr24.md"), built.html()
    assert '<meta property="og:title" content="AI for Science 2024">' in icml
    assert ('<meta property="og:description" content="Scaling in AI for scientific '
            'discovery.">') in icml
    assert '<meta property="og:url" content="https://example.org/ws/icml24/">' in icml
    assert '<meta name="twitter:card" content="summary">' in icml
    assert ('<meta property="og:description" content="The first paragraph, bold &amp; '
            'plain.">') in iclr
    assert '<meta property="og:image" content="https://example.org/ws/card.png">' in iclr
    assert '<meta name="twitter:card" content="summary_large_image">' in iclr
    assert "og:title" not in home  # not an edition: the theme's tags only
    assert icml.count('property="og:title"') == 1


def test_home_cards_put_the_next_edition_first_with_its_deadline_and_buttons(
        site: SiteFn) -> None:
    past = {"title": "AI for Science 2023", "workshop": {"venue": "ICML 2023",
                                                          "date": "2023-07-28"}}
    built = site({"index.md": "# Series\n\n<< editions() >>\n",
                  "icml24.md": page(EDITION, "Hi."), "icml23.md": page(past, "Hi."),
                  "call.md": "# Call\n"}, strict=True)
    assert built.ok, built.messages()
    html = built.html()
    cards = re.findall(r'<li class="workshop-edition[^"]*">.*?</li>', html, re.S)
    assert len(cards) == 2
    first, second = cards
    assert "workshop-edition--next" in first and "AI for Science 2024" in first
    assert '<span class="workshop-edition__year">2024</span>' in first
    assert "Paper Submission Deadline" in first
    assert re.findall(r'class="md-button[^"]*" href="([^"]+)"', first) == [
        "https://openreview.net/group?id=x", "call/", "icml24/#important-dates"]
    assert "md-button" not in second and "AI for Science 2023" in second


def test_when_text_names_the_weekdays() -> None:
    assert when_text(date(2024, 7, 16), date(2024, 7, 16)) == "Tuesday, July 16, 2024"
    assert when_text(date(2024, 5, 10), date(2024, 5, 11)) == \
        "Friday\u2013Saturday, May 10\u201311, 2024"


def test_insert_after_title() -> None:
    assert insert_after_title('<h1 id="x">T</h1><p>a</p>', "<div>H</div>") == \
        '<h1 id="x">T</h1>\n<div>H</div><p>a</p>'
    assert insert_after_title("<p>a</p><h1>T</h1>", "<div>H</div>") == \
        "<div>H</div><p>a</p><h1>T</h1>"


def test_preview_tags_are_escaped_and_not_doubled() -> None:
    preview = Preview('A "quoted" <title>', "x & y", None, None, None)
    text = tags(preview)
    assert 'content="A &quot;quoted&quot; &lt;title&gt;"' in text
    assert 'content="x &amp; y"' in text
    head = "<html><head></head></html>"
    once = add_to_head(head, preview)
    assert add_to_head(once, preview) == once
    assert first_paragraph("<h1>T</h1><p> </p><p>Hello <a href='#'>you</a>.</p>") == \
        "Hello you."
    # A macro's own lines, hidden or not, are not the page's text.
    assert first_paragraph('<p class="workshop-dates__held" hidden>Held on May 1.</p>'
                           '<p class="workshop-papers__count">4 papers.</p><p>About.</p>') == \
        "About."
    assert first_paragraph('<p class="workshop-dates__held">Held on May 1.</p>') is None


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (120, 63), (40, 80, 160)).save(out, "PNG")
    return out.getvalue()


def test_a_missing_preview_image_is_named(site: SiteFn) -> None:
    block = {"workshop": {"venue": "ICML 2024", "date": "2024-07-16", "image": "gone.png"}}
    built = site({"index.md": page(block, "Hi."),
                  "b.md": page({"workshop": {**block["workshop"], "image": "../../x.png"}},
                               "Hi.")})
    messages = "\n".join(built.messages())
    assert "index.md: 'workshop', field 'image': 'gone.png' was not found" in messages
    assert "link previews and the series index show no picture" in messages
    assert "b.md: 'workshop', field 'image': '../../x.png' points outside the docs folder" \
        in messages


def test_a_workshop_block_with_nothing_to_show_draws_no_empty_header(site: SiteFn) -> None:
    """init's page before its data is filled in (``workshop: {header: true}``): no empty box
    under the title; the bar of the edition's pages still shows."""
    waiting = {"title": "Workshop", "workshop": {"header": True}}
    built = site({"index.md": "# Home\n", "icml24.md": page(waiting, "# Workshop\n\nHi."),
                  "call.md": "# Call for papers\n"},
                 strict=True, extra_config={"nav": NAV})
    assert built.ok, built.messages()
    html = built.html("icml24.md")
    assert "workshop-header" not in html
    assert 'aria-current="page">About</a>' in html
    # With the buttons alone, no empty line of facts above them.
    buttons = {"title": "Workshop", "workshop": {"links": [{"label": "Submit",
                                                            "url": "https://example.org"}]}}
    built = site({"index.md": "# Home\n", "icml24.md": page(buttons, "# Workshop\n\nHi.")},
                 strict=True)
    assert built.ok, built.messages()
    top = header(built.html("icml24.md"))
    assert "Submit" in top and "workshop-header__facts" not in top


def test_an_edition_without_a_description_is_described_by_its_first_paragraph(
        site: SiteFn) -> None:
    """Search engines read <meta name="description">: an edition without
    workshop.description gets its first paragraph there, as in its link preview, not the
    site's description; a page's own description: stays."""
    plain = {"title": "ICLR 2024", "workshop": {"venue": "ICLR 2024", "date": "2024-05-11"}}
    own = {"title": "ICLR 2023", "description": "Written by hand.",
           "workshop": {"venue": "ICLR 2023", "date": "2023-05-05"}}
    built = site({"index.md": "# Home\n\nThe series.\n",
                  "iclr24.md": page({**plain, "dates": [{"Workshop Date": "2024-05-11"}]},
                                    "# ICLR\n\n<< dates() >>\n\n"
                                    "The first paragraph, <b>bold</b>."),
                  "iclr23.md": page(own, "# ICLR\n\nThe first paragraph.")},
                 strict=True, extra_config={"site_description": "The whole series."})
    assert built.ok, built.messages()
    iclr24, iclr23 = built.html("iclr24.md"), built.html("iclr23.md")
    assert '<meta name="description" content="The first paragraph, bold.">' in iclr24
    assert "The whole series." not in iclr24
    assert '<meta name="description" content="Written by hand.">' in iclr23
    assert '<meta name="description" content="The whole series.">' in built.html()
