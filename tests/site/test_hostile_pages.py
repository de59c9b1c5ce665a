"""Pages and settings that used to break a build in ways the corpus cannot show: what MkDocs
itself would drop or crash on, Markdown extensions that strip HTML, odd page names."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mkdocs_workshop.features.team import ROSTERS
from mkdocs_workshop.site.build import Build
from mkdocs_workshop.site.engine import Settings

from sitekit import BUILD_EPOCH, MACROS, Built, page

SiteFn = Callable[..., Built]
TEAM = '<< team("speakers") >>'


def test_an_impossible_date_keeps_the_rest_of_the_front_matter(site: SiteFn) -> None:
    """MkDocs drops a front matter PyYAML fails on and shows it as text; the plugin reads it,
    gives MkDocs the rest (title, rosters), and reports the one date."""
    built = site({"index.md": "---\ntitle: AI for Science\nspeakers:\n  - name: Ada Lovelace\n"
                  "dates:\n  - Deadline: 2024-02-30\n---\n\n" + TEAM + "\n"})
    assert not built.ok
    assert any("'2024-02-30' is not a date that exists" in m for m in built.errors)
    data = built.page_data()
    assert [c.person.name for c in data.get(ROSTERS)["speakers"]] == ["Ada Lovelace"]
    page = built.config.plugins["workshop"]._files.get_file_from_path("index.md").page
    assert page.meta["title"] == "AI for Science"  # what MkDocs would have lost


def test_a_number_mkdocs_cannot_convert_keeps_the_front_matter_out_of_the_text(
        site: SiteFn) -> None:
    """MkDocs' reader fails on an integer of 5,000 digits and would show the whole front matter
    as page text, which mkdocs-macros then renders: a value could run as a template."""
    built = site({"index.md": "---\ntitle: T\nn: 1" + "0" * 5000 + "\nnote: \"<< 6 * 7 >>\"\n"
                  "---\n\nHi\n"})
    assert built.ok, built.messages()
    html = built.html()
    assert "<title>T" in html and ">42<" not in html and "6 * 7" not in html


def test_nesting_that_would_crash_libyaml_is_never_given_to_mkdocs(site: SiteFn) -> None:
    """libyaml's composer (MkDocs reads front matter with it) recurses in C: 100,000 nested
    brackets end the process. The plugin hands MkDocs an empty block instead."""
    deep = "[" * 100_000 + "]" * 100_000
    built = site({"index.md": f"---\ntitle: T\nspeakers: {deep}\n---\n\nHi\n",
                  "other.md": page({"workshop": {"venue": "ICML", "date": "2024-07-16"}},
                                   "<< editions() >>")})
    assert not built.ok
    assert any("nests lists and mappings more than 64 levels deep" in m for m in built.errors)


def test_striphtml_no_longer_removes_the_macros_output(site: SiteFn) -> None:
    built = site({"index.md": page({"speakers": [{"name": "Ada Lovelace"}]}, TEAM)},
                 extra_config={"markdown_extensions": ["pymdownx.striphtml"]}, strict=True)
    assert built.ok, built.messages()
    assert "Ada Lovelace" in built.html()


def test_a_block_that_does_not_reach_the_page_is_reported() -> None:
    workshop = Build(Settings(docs_dir="docs", theme_dirs=(), now=_now(), stash_blocks=True),
                     lambda: None)
    first = workshop.place("index.md", "<div>one</div>")
    workshop.place("index.md", "<div>two</div>")
    html = workshop.fill("index.md", f"<p>{first.strip()}</p>\n<p>(the second was lost)</p>")
    assert "<div>one</div>" in html and "<p><div>" not in html
    assert [str(e) for e in workshop.errors] == [
        "index.md: the HTML of 1 of its 2 workshop macro call(s) did not reach the page: a "
        "Markdown extension or a plugin removed or changed it on the way. Fix: look for an "
        "extension that rewrites the page's text (or a macro call inside a code block), and "
        "remove it from markdown_extensions or move the call."]


def test_a_page_cannot_forge_a_block(site: SiteFn) -> None:
    """The word that stands for a block has a random part: a page that writes one like it
    shows it as text."""
    built = site({"index.md": page({"speakers": [{"name": "Ada"}]},
                                   TEAM + "\n\nworkshopblock0000000000000000n0")})
    assert built.ok
    assert "workshopblock0000000000000000n0" in built.html()


def test_the_calendar_link_of_a_page_named_with_hash_and_question_mark(site: SiteFn,
                                                                      tmp_path: Path) -> None:
    built = site({"q&a#2?.md": page({"dates": [{"Deadline": "2024-05-16"}]}, "<< dates() >>")})
    assert built.ok, built.messages()
    html = (tmp_path / "site" / "q&a#2?" / "index.html").read_text(encoding="utf-8")
    assert 'href="q%26a%232%3F-dates.ics"' in html
    assert (tmp_path / "site" / "q&a#2?" / "q&a#2?-dates.ics").is_file()


def test_a_title_that_yaml_reads_as_a_number_or_date(site: SiteFn) -> None:
    """mkdocs-macros and Material fail on a title that is not text; it reaches them as the
    text it was written as."""
    built = site({"index.md": "---\ntitle: 2024-07-16\n---\n\nHi\n",
                  "b.md": "---\ntitle: 2024\n---\n\nHi\n"})
    assert built.ok, built.messages()
    assert "<title>2024-07-16" in built.html()
    assert "<title>2024" in built.html("b.md")


def test_hidden_keys_are_back_after_rendering(site: SiteFn) -> None:
    """A page: key is an error, but the page still renders in serve mode (the key is kept
    from mkdocs-macros only while it renders) and is in the page's meta afterwards."""
    built = site({"index.md": page({"page": "x", "speakers": [{"name": "Ada"}]}, TEAM)},
                 plugins=[MACROS, "workshop"])
    assert not built.ok
    page_obj = built.config.plugins["workshop"]._files.get_file_from_path("index.md").page
    assert page_obj.meta["page"] == "x"


def test_a_roster_under_a_key_the_theme_prints_is_read_but_not_printed(site: SiteFn) -> None:
    """Material writes description, author, subtitle and status into every page unescaped; a
    roster under one of them would put its names into the page as HTML (serve shows pages
    despite errors). The plugin still reads the roster; the theme does not get the key."""
    evil = '"><script>alert(1)</script>'
    built = site({"index.md": page({"author": [{"name": evil}, {"name": "Ada"}]},
                                   '<< team("author") >>')})
    assert not built.ok
    assert any("'author': is a list, but Material writes this key" in m for m in built.errors)
    read = built.page_data()
    assert [c.person.name for c in read.get(ROSTERS)["author"]] == [evil, "Ada"]
    page_obj = built.config.plugins["workshop"]._files.get_file_from_path("index.md").page
    assert "author" not in page_obj.meta


def _now():  # type: ignore[no-untyped-def]
    from datetime import datetime, timezone

    return datetime.fromtimestamp(int(BUILD_EPOCH), tz=timezone.utc)


def test_an_image_that_links_out_of_the_docs_folder_is_not_read(site: SiteFn,
                                                                 tmp_path: Path) -> None:
    from sitekit import photo

    outside = tmp_path / "outside.png"
    outside.write_bytes(photo())
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "ada.png").symlink_to(outside)
    built = site({"index.md": page({"speakers": [{"name": "Ada", "image": "ada.png"}]}, TEAM)})
    assert built.ok
    assert any("'ada.png' is a link to a file outside the docs folder; it is not read." in m
               for m in built.warnings)
    assert 'aria-hidden="true">A</span>' in built.html()


def test_multimarkdown_meta_gets_the_same_checks(site: SiteFn) -> None:
    """A page without YAML front matter may start with MultiMarkdown's 'Key: value' lines,
    which MkDocs reads as meta: 'ignore_macros' there made mkdocs-macros stop with a
    traceback."""
    built = site({"index.md": "ignore_macros: yes\n\n# Hi\n"})
    assert not built.ok
    assert any("'ignore_macros': mkdocs-macros refuses this key" in m for m in built.errors)


def test_a_photo_with_a_damaged_exif_block(site: SiteFn) -> None:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), (200, 30, 30)).save(buffer, "PNG", exif=b"garbage!")
    built = site({"index.md": page({"speakers": [{"name": "Ada", "image": "ada.png"}]}, TEAM)},
                 files={"docs/ada.png": buffer.getvalue()})
    assert built.ok, built.messages()
    assert any("'ada.png' could not be decoded" in m for m in built.warnings)
    assert 'aria-hidden="true">A</span>' in built.html()


def test_cache_dir_with_a_nul_is_a_configuration_error(site: SiteFn) -> None:
    built = site({"index.md": page({"title": "T"}, "Hi")},
                 plugins=[MACROS, {"workshop": {"cache_dir": "a\x00b"}}])
    assert not built.ok
    assert "is not a folder's path (it is empty or holds a NUL character)" in (
        built.failure or "")


def test_anchors_and_suggestions_cost_no_more_than_the_page() -> None:
    """Twenty thousand people of one name, and thousands of unknown names against thousands
    of people: each step looks at a bounded number of others (a budget for "did you mean")."""
    from mkdocs_workshop.core.anchors import AnchorAllocator
    from mkdocs_workshop.core.problems import Budget, did_you_mean

    anchors = AnchorAllocator()
    made = [anchors.allocate("Ada Lovelace") for _ in range(20_000)]
    assert made[:3] == ["ada-lovelace", "ada-lovelace-2", "ada-lovelace-3"]
    assert len(set(made)) == 20_000
    budget = Budget(comparisons=5_000)
    names = [f"person number {i}" for i in range(1_000)]
    assert did_you_mean("person numbr 7", names, cutoff=0.9, budget=budget) == "person number 7"
    for _ in range(10):
        did_you_mean("nobody at all", names, budget=budget)
    assert budget.left == 0
    assert did_you_mean("person numbr 8", names, budget=budget) is None  # past the budget
    assert did_you_mean("PERSON NUMBER 8", names, budget=budget) == "person number 8"


def test_a_page_without_template_syntax_is_left_to_markdown(site: SiteFn) -> None:
    """mkdocs-macros would compile a page with nothing for Jinja in it as a template, for no
    change: the plugin tells it not to, and takes the note back afterwards."""
    built = site({"index.md": page({"speakers": [{"name": "Ada"}]}, TEAM),
                  "plain.md": "# Plain\n\nNo macro here, and {{ braces }} are text.\n"})
    assert built.ok, built.messages()
    plain = built.config.plugins["workshop"]._files.get_file_from_path("plain.md").page
    assert "render_macros" not in plain.meta
    assert "{{ braces }} are text." in built.html("plain.md")
    assert "Ada" in built.html()


HALF = '"x\\ud800y"'  # YAML's escape of half a character, alone


def test_half_characters_in_every_field_are_replaced_and_said(site: SiteFn,
                                                               tmp_path: Path) -> None:
    """A text with an escaped half character, which no file can be written with, used to end
    the build in a UnicodeEncodeError wherever it reached an output (the page, its calendar,
    its head): it is U+FFFD there, and a warning names its line."""
    front = (f"---\ntitle: {HALF}\ndescription: {HALF}\nworkshop:\n  date: 2024-07-16\n"
             f"  timezone: Europe/Vienna\n  venue: {HALF}\nspeakers:\n  - name: {HALF}\n"
             f"    aff: {HALF}\ndates:\n  - what: {HALF}\n    when: 2024-05-01\n"
             f"schedule:\n  - start: '09:00'\n    title: {HALF}\n    room: {HALF}\n"
             f"sponsors:\n  - name: {HALF}\n{HALF}: 1\n---\n\n")
    body = "# E\n\n<< team('speakers') >>\n\n<< dates() >>\n\n<< schedule() >>\n\n" \
        "<< sponsors() >>\n"
    built = site({"index.md": "home\n", "e.md": front + body},
                 files={"docs/people.yml": f"ada:\n  name: {HALF}\n"})
    assert built.ok, built.messages()
    said = [m for m in built.warnings if "holds an escape of half a character" in m]
    assert len(said) == 11, said  # ten in the front matter, one in people.yml
    assert any(m.startswith("workshop: e.md: the front matter, line 2: the text 'x\ufffdy'")
               for m in said)
    assert any(m.startswith("workshop: people.yml: line 2: ") for m in said)
    for path in (tmp_path / "site").rglob("*"):
        if path.suffix in {".html", ".ics", ".json", ".xml"}:
            text = path.read_bytes().decode("utf-8")  # written: no half character
            assert "\\ud800" not in text.lower()
    assert "x\ufffdy" in built.html("e.md")


def test_a_title_with_nothing_after_it_takes_the_first_heading(site: SiteFn) -> None:
    """'title:' alone gave MkDocs the title None, which mkdocs-macros failed on."""
    for written in ("title:", "title: ~", "title: null"):
        built = site({"index.md": "home\n", "e.md": f"---\n{written}\n---\n\n# Heading "
                      "&amp; more\n\n{% set x = 1 %}Text\n"}, strict=True)
        assert built.ok, built.messages()
        assert "<title>Heading &amp; more - Test workshop</title>" in built.html("e.md")
