"""The people directory: one definition of a person for every edition."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config import load_config

from mkdocs_workshop.features.directory import load_directory

from sitekit import MACROS, Built, page, photo, write_site

SiteFn = Callable[..., Built]

PEOPLE = textwrap.dedent("""\
    marinka-zitnik:
      name: Marinka Zitnik
      url: https://zitniklab.hms.harvard.edu
      aff: Harvard
      image: assets/images/marinka.png
      links:
        scholar: https://scholar.google.com/citations?user=example
        github: https://github.com/example
    max-welling:
      name: Max Welling
      url: https://staff.fnwi.uva.nl/m.welling
      affiliation: UvA
""")
PNG = photo()


def two_editions(site: SiteFn, people: str = PEOPLE, **kwargs: Any) -> Built:
    return site({
        "2023/icml.md": page({"Organizers": [{"id": "marinka-zitnik"}, {"id": "max-welling"}]},
                             '<< team("Organizers") >>'),
        "2024/icml.md": page({"Organizers": [
            {"id": "marinka-zitnik", "aff": "Harvard Medical School", "role": "Chair"},
            {"id": "max-welling", "aff": "University of Amsterdam"}]},
            '<< team("Organizers") >>'),
    }, files={"docs/people.yml": people, "docs/assets/images/marinka.png": PNG}, **kwargs)


def test_a_person_defined_once_appears_in_each_edition_with_its_affiliation(
        site: SiteFn) -> None:
    built = two_editions(site, strict=True)
    assert built.ok, built.messages()
    old, new = built.html("2023/icml.md"), built.html("2024/icml.md")
    for html in (old, new):
        assert '<a href="https://zitniklab.hms.harvard.edu">Marinka Zitnik</a>' in html
        # The directory's image is relative to the docs folder, whatever the page's folder;
        # the page shows the processed avatar, made once for both editions.
        assert re.search(r'src="\.\./\.\./assets/workshop/images/[0-9a-f]{20}\.webp"', html)
        assert ('<a href="https://scholar.google.com/citations?user=example">Google Scholar</a>'
                in html)
        assert '<a href="https://github.com/example">GitHub</a>' in html
    assert '<p class="workshop-person__aff">Harvard</p>' in old
    assert '<p class="workshop-person__aff">UvA</p>' in old
    assert '<p class="workshop-person__aff">Harvard Medical School</p>' in new
    assert '<p class="workshop-person__aff">University of Amsterdam</p>' in new
    assert '<p class="workshop-person__role">Chair</p>' in new
    assert "UvA" not in new


def test_an_unknown_id_suggests_the_closest(site: SiteFn) -> None:
    built = site({"index.md": page({"Organizers": [{"id": "marinka-zitnick"}]},
                                   '<< team("Organizers") >>')},
                 files={"docs/people.yml": PEOPLE})
    assert not built.ok
    assert built.workshop() == [
        "workshop: index.md: 'Organizers', entry 1, field 'id': 'marinka-zitnick' is not in the "
        "people directory (people.yml). Fix: did you mean 'marinka-zitnik'? Otherwise add "
        "'marinka-zitnick:' to people.yml, or correct the id."]


def test_an_id_written_as_the_name_finds_the_person(site: SiteFn) -> None:
    built = site({"index.md": page({"Organizers": [{"id": "Max Welling"}]},
                                   '<< team("Organizers") >>')},
                 files={"docs/people.yml": PEOPLE})
    assert any("did you mean 'max-welling'?" in m for m in built.workshop())


def test_an_id_without_a_directory_says_how_to_make_one(site: SiteFn) -> None:
    built = site({"index.md": page({"Organizers": [{"id": "max-welling"}]},
                                   '<< team("Organizers") >>')})
    assert not built.ok
    (message,) = built.workshop()
    assert "Fix: create people.yml in the docs folder with 'max-welling:'" in message


def test_the_same_person_twice_in_a_roster_is_a_warning(site: SiteFn) -> None:
    built = site({"index.md": page({"Organizers": [
        {"id": "max-welling"}, {"name": "Marinka Zitnik"}, {"name": "Max Welling", "aff": "UvA"},
    ]}, '<< team("Organizers") >>')}, files={"docs/people.yml": PEOPLE})
    assert built.ok
    assert built.workshop() == [
        "workshop: index.md: 'Organizers', entry 3 (Max Welling): is the same person as entry 1 "
        "(Max Welling). Fix: remove one of the two entries."]


def test_the_same_person_in_two_rosters_is_fine(site: SiteFn) -> None:
    built = site({"index.md": page({"speakers": [{"id": "max-welling"}],
                                    "Organizers": [{"id": "max-welling"}]},
                                   '<< team("speakers") >>\n\n<< team("Organizers") >>')},
                 files={"docs/people.yml": PEOPLE}, strict=True)
    assert built.ok, built.messages()
    assert 'id="max-welling-2"' in built.html()


def test_directory_problems_name_the_file_and_the_id(site: SiteFn) -> None:
    people = PEOPLE + textwrap.dedent("""\
        no-name:
          aff: MIT
        bad-link:
          name: Bad Link
          url: javascript:alert(1)
          links:
            github: github.com/example
        typo:
          name: Typo
          intrest: AI
        just-text: Ada Lovelace
    """)
    built = site({"index.md": page({"Organizers": [{"id": "max-welling"}]},
                                   '<< team("Organizers") >>')},
                 files={"docs/people.yml": people})
    assert not built.ok
    messages = built.workshop()
    assert ("workshop: people.yml: 'no-name', field 'name': is missing. "
            "Fix: add 'name:' to the entry.") in messages
    assert any(m.startswith("workshop: people.yml: 'bad-link' (Bad Link), field 'url': "
                            "'javascript:alert(1)' uses") for m in messages), messages
    assert any("'bad-link' (Bad Link), field 'links.github': 'github.com/example' is not a full "
               "web address. Fix: write it with its scheme: 'https://github.com/example'." in m
               for m in messages)
    assert any("'typo' (Typo), field 'intrest': is not a field of a person" in m
               for m in messages)
    assert any("'just-text': should be a person's fields" in m for m in messages)


def test_a_directory_that_is_not_yaml(tmp_path: Path) -> None:
    (tmp_path / "people.yml").write_text("max-welling:\n  name: Max\n\taff: UvA\n")
    directory, problems = load_directory(str(tmp_path), "people.yml")
    assert directory.exists and not directory.people
    (problem,) = problems.items
    assert str(problem).startswith("people.yml: is not valid YAML (")
    assert "line 3" in str(problem) and "replace the tabs" in str(problem)


def test_a_directory_of_the_wrong_shape(tmp_path: Path) -> None:
    (tmp_path / "people.yml").write_text("- name: Max Welling\n")
    _directory, problems = load_directory(str(tmp_path), "people.yml")
    assert [str(p) for p in problems] == [
        "people.yml: should map ids to people, but it is a list. Fix: write each person as "
        "'an-id:' followed by their fields, indented."]


def test_the_directory_file_is_an_option_and_is_watched(tmp_path: Path, site: SiteFn) -> None:
    plugins: list[Any] = [MACROS, {"workshop": {"people_file": "data/team.yml"}}]
    config_file = write_site(tmp_path, {"index.md": page({"Organizers": [{"id": "max-welling"}]},
                                                         '<< team("Organizers") >>')},
                             plugins=plugins, files={"docs/data/team.yml": PEOPLE})
    config = load_config(config_file=str(config_file))
    config = config.plugins.on_config(config)
    assert str(tmp_path / "docs/data/team.yml") in config.watch
    built = site({}, plugins=plugins, strict=True)
    assert built.ok, built.messages()
    assert "Max Welling" in built.html()


def test_a_directory_image_out_of_the_docs_folder_is_refused_not_rewritten(
        site: SiteFn) -> None:
    """people.yml's image paths are relative to the docs folder: '../x.png' is outside it
    (it was read as 'x.png', another file, with '..' stripped)."""
    people = "ada:\n  name: Ada Lovelace\n  image: ../../assets/ada.png\n"
    built = site({"2024/icml.md": page({"speakers": [{"id": "ada"}]}, '<< team("speakers") >>')},
                 files={"docs/people.yml": people, "docs/assets/ada.png": PNG})
    assert not built.ok
    assert any("2024/icml.md: 'speakers', entry 1 (Ada Lovelace), field 'image': "
               "'../../assets/ada.png' points outside the docs folder." in m
               for m in built.errors), built.errors
    assert not re.search(r"<img[^>]*ada", built.html("2024/icml.md"))
