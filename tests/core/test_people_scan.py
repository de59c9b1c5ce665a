from __future__ import annotations

from mkdocs_workshop.core.anchors import AnchorAllocator, slug
from mkdocs_workshop.core.imagerefs import find_image
from mkdocs_workshop.core.markup import render_markdown
from mkdocs_workshop.features.page import find_calls
from mkdocs_workshop.features.team import hue, initials


def test_slugs_fold_accents_and_keep_other_scripts() -> None:
    assert slug("Juan Felipe Carrasquilla Álvarez") == "juan-felipe-carrasquilla-alvarez"
    assert slug("Gábor Csányi") == "gabor-csanyi"
    assert slug("Bing W. Brunton") == "bing-w-brunton"
    assert slug("杜远琦") == "杜远琦"
    assert slug("<script>") == "script"
    assert slug("!!!") == "person"


def test_anchors_are_unique_on_a_page() -> None:
    anchors = AnchorAllocator()
    assert [anchors.allocate(n) for n in ("Kevin Yang", "Kevin Yang", "Kevin Yang")] == [
        "kevin-yang", "kevin-yang-2", "kevin-yang-3"]


def test_initials_and_hue() -> None:
    assert initials("Bing W. Brunton") == "BB"
    assert initials("Marinka Zitnik (Moderator)") == "MZ"
    assert initials("Lenka") == "L"
    assert initials("Gábor Csányi") == "GC"
    assert hue("Max Welling") == hue("Max Welling")
    assert 0 <= hue("Max Welling") < 360


def test_images_are_found_next_to_the_page_then_at_the_root() -> None:
    site = {"2024/assets/a.png": "assets/a.png", "assets/images/b.png": "../assets/images/b.png"}
    assert find_image("assets/a.png", "2024/icml.md", site.get).url == "assets/a.png"
    found = find_image("./assets/images/b.png", "2024/icml.md", site.get)
    assert found.url == "../assets/images/b.png"
    missing = find_image("assets/images/c.png", "2024/icml.md", site.get)
    assert missing.url is None
    assert missing.tried == ("2024/assets/images/c.png", "assets/images/c.png")
    assert find_image("https://example.org/x.png", "p.md", site.get).url == (
        "https://example.org/x.png")


def test_images_may_not_leave_the_docs_folder() -> None:
    found = find_image("../../secret", "index.md", lambda _: "never")
    assert found.outside_docs and found.url is None


def test_bios_are_markdown_without_raw_html_or_bad_links() -> None:
    html, issues = render_markdown("**Bold** <script>x</script> [ok](https://ok.org) "
                                   "[bad](javascript:alert(1))")
    assert "<strong>Bold</strong>" in html
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert '<a href="https://ok.org">ok</a>' in html
    assert "javascript" not in html
    assert [i.message for i in issues] == [
        "'javascript:alert(1)' uses the 'javascript:' scheme, which is not allowed in a link."]


BODY = """\
# Title

<< team("speakers") >>

- item << team("Panelist") >>

    << team(roster="Organizers", layout="list") >>

{% raw %}
<< team("example") >>
{% endraw %}

<< dates() >>
"""


def test_calls_are_found_outside_raw_blocks_with_their_lines() -> None:
    calls = find_calls(BODY, first_line=10)
    assert [(c.name, c.arg, c.layout, c.line, c.standalone) for c in calls] == [
        ("team", "speakers", "grid", 13, True),
        ("team", "Panelist", "grid", 15, False),
        ("team", "Organizers", "list", 17, False),
        ("dates", None, None, 23, True),
    ]
