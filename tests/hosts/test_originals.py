"""A photo an avatar was made from stays out of the site unless something else uses it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from mkdocs_workshop.hosts.originals import names_in, unused_originals

from sitekit import MACROS, Built, page, photo

SiteFn = Callable[..., Built]
ROSTER = page({"speakers": [{"name": "Ada", "image": "assets/images/ada.jpg"},
                            {"name": "Bob", "image": "assets/images/bob.jpg"}]},
              '<< team("speakers") >>')
PHOTOS: dict[str, str | bytes] = {
    "docs/assets/images/ada.jpg": photo((400, 400), (200, 40, 40), "JPEG"),
    "docs/assets/images/bob.jpg": photo((400, 400), (40, 40, 200), "JPEG"),
}
OVERRIDE = """{% extends "base.html" %}
{% block extrahead %}<link rel="preload" as="image" href="{{ 'assets/images/ada.jpg' | url }}">
{% endblock %}
"""

# name: (what the site has besides the roster: write_site's keyword arguments)
USES: dict[str, dict[str, Any]] = {
    "the theme's logo": {"theme": {"name": "material", "logo": "assets/images/ada.jpg"}},
    "the theme's favicon": {"theme": {"name": "material", "favicon": "assets/images/ada.jpg"}},
    "extra": {"extra_config": {"extra": {"hero": {"images": ["assets/images/ada.jpg"]}}}},
    "extra CSS": {
        "extra_config": {"extra_css": ["css/site.css"]},
        "files": {"docs/css/site.css": ".hero { background: url('../assets/images/ada.jpg') }"},
    },
    "a web manifest": {
        "files": {"docs/site.webmanifest":
                  '{"icons": [{"src": "assets/images/ada.jpg", "sizes": "400x400"}]}'},
    },
    "an <img> of another page": {
        "pages": {"about.md": '# About\n\n<img src="../assets/images/ada.jpg" alt="">\n'},
    },
    "a link with %-escapes": {
        "pages": {"about.md": "# About\n\n[Ada](assets/images/%61da.jpg)\n"},
    },
    "a template of custom_dir": {
        "theme": {"name": "material", "custom_dir": "overrides"},
        "files": {"overrides/main.html": OVERRIDE},
    },
}


def build(site: SiteFn, use: dict[str, Any]) -> Built:
    pages = {"index.md": ROSTER, **use.get("pages", {})}
    files = {**PHOTOS, **use.get("files", {})}
    extra = {k: v for k, v in use.items() if k not in ("pages", "files")}
    built = site(pages, files=files, **extra)
    assert built.ok, built.messages()
    assert not built.workshop()
    return built


@pytest.mark.parametrize("use", sorted(USES))
def test_a_photo_used_elsewhere_is_still_published(site: SiteFn, use: str) -> None:
    built = build(site, USES[use])
    assert (built.root / "site/assets/images/ada.jpg").is_file()
    assert not (built.root / "site/assets/images/bob.jpg").exists()  # used by avatars only
    assert "assets/workshop/images/" in built.html()


def test_a_photo_only_avatars_use_is_left_out(site: SiteFn) -> None:
    built = build(site, {"files": {"docs/css/site.css": "body { color: red }"},
                         "extra_config": {"extra_css": ["css/site.css"],
                                          "extra": {"note": "photos by the speakers"}}})
    assert not (built.root / "site/assets/images/ada.jpg").exists()
    assert not (built.root / "site/assets/images/bob.jpg").exists()
    assert (built.root / "site/css/site.css").is_file()


def test_names_are_found_whatever_their_case_or_escapes() -> None:
    names = {"ada.jpg", "bob lee.png", "cy.webp", "dee.jpg", "headshot", "eve.jpeg"}
    texts = ["url(ADA.JPG)", "<img src='bob%20lee.png'>", "Cy &amp; cy.webp", "nothing",
             "the headshot file", "steve.jpeg"]
    assert names_in(names, texts) == {"ada.jpg", "bob lee.png", "cy.webp", "headshot",
                                      "eve.jpeg"}  # in doubt (steve.jpeg): kept


def test_texts_are_read_only_while_a_name_is_not_found() -> None:
    read: list[int] = []

    def texts() -> Iterator[str]:
        for n in range(5):
            read.append(n)
            yield "ada.jpg" if n == 1 else "nothing here"

    assert names_in({"ada.jpg"}, texts()) == {"ada.jpg"}
    assert read == [0, 1]


def test_nothing_is_read_when_nothing_was_replaced() -> None:
    class Untouchable:
        def __getattr__(self, name: str) -> Any:
            raise AssertionError(f"{name} was read")

        def __iter__(self) -> Iterator[Any]:
            raise AssertionError("iterated")

    assert unused_originals([], Untouchable(), Untouchable()) == []  # type: ignore[arg-type]


def test_publish_originals_keeps_every_photo(site: SiteFn) -> None:
    built = site({"index.md": ROSTER}, files=PHOTOS,
                 plugins=[MACROS, {"workshop": {"publish_originals": True}}])
    assert (built.root / "site/assets/images/ada.jpg").is_file()
    assert (built.root / "site/assets/images/bob.jpg").is_file()
