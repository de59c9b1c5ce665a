"""Real MkDocs builds in temporary folders: the HTML produced and the messages given."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from sitekit import MACROS, Built, Run, cards, page, photo, rosters

SiteFn = Callable[..., Built]

SPEAKERS = [
    {"name": "Bing W. Brunton  ", "url": "https://example.org/bing", "topic": None,
     "aff": "University of Washington", "interest": "AI, Neuroscience"},
    {"name": "Juan Felipe Carrasquilla Álvarez", "aff": "ETH Zürich",
     "interest": "AI, Quantum Physics"},
    {"name": "Gábor Csányi", "url": "http://www.eng.cam.ac.uk/profiles/gc121",
     "aff": "University of Cambridge", "interest": "AI, Molecular Simulation, Materials"},
]


def test_team_renders_one_card_per_person_exactly_as_written(site: SiteFn) -> None:
    built = site({"index.md": page(
        {"speakers": SPEAKERS, "Panelist": [{"name": "Lenka Zdeborova", "aff": "EPFL"}]},
        '<< team("speakers") >>\n\n<< team("Panelist") >>')}, strict=True)
    assert built.ok, built.messages()
    html = built.html()
    assert cards(html, "speakers") == ["bing-w-brunton", "juan-felipe-carrasquilla-alvarez",
                                       "gabor-csanyi"]
    assert cards(html, "Panelist") == ["lenka-zdeborova"]
    for text in ("Juan Felipe Carrasquilla Álvarez", "Gábor Csányi", "ETH Zürich",
                 "AI, Molecular Simulation, Materials"):
        assert text in html
    assert '<a href="https://example.org/bing">Bing W. Brunton</a>' in html
    # No link without a url; an empty topic is not shown; initials stand in for a photo.
    assert '<p class="workshop-person__name">Juan Felipe Carrasquilla Álvarez</p>' in html
    assert "workshop-person__topic" not in html
    assert 'aria-hidden="true">JA</span>' in html  # issue 13: the accent folded
    assert "JÁ" not in html
    assert "assets/stylesheets/workshop.css" in html
    assert (built.root / "site/assets/stylesheets/workshop.css").is_file()


def test_markup_in_any_field_is_shown_as_text(site: SiteFn) -> None:
    evil = '<script>alert("x")</script>'
    built = site({"index.md": page({"speakers": [{
        "name": evil, "aff": evil, "interest": evil, "topic": evil, "role": evil,
        "bio": evil, "url": 'https://example.org/"><script>alert(1)</script>'}]},
        '<< team("speakers") >>')}, strict=True)
    assert built.ok, built.messages()
    html = built.html()
    body = html[html.index('data-roster="speakers"'):]
    body = body[: body.index("</article>")]
    assert "<script>" not in body
    # Six text fields, and the url's attempt to close its attribute.
    assert body.count("&lt;script&gt;") == 7
    assert 'href="https://example.org/&#34;&gt;&lt;script&gt;' in body


def test_list_layout_shows_bios_in_full_and_grid_folds_them(site: SiteFn) -> None:
    people = [{"name": "Ada Lovelace", "bio": "Wrote the *first* program.\n\nSecond paragraph."}]
    built = site({"index.md": page({"speakers": people, "Organizers": people},
                                   '<< team("speakers", layout="list") >>\n\n'
                                   '<< team("Organizers") >>')}, strict=True)
    assert built.ok, built.messages()
    html = built.html()
    assert ('<div class="workshop-person__bio"><p>Wrote the <em>first</em> program.</p>'
            in html)
    assert '<details class="workshop-person__bio">\n<summary>Bio</summary>' in html
    assert "workshop-team--list" in html
    # The same person twice on a page gets two distinct anchors.
    assert cards(html, "Organizers") == ["ada-lovelace-2"]


def test_dates_have_machine_readable_times_and_name_the_zone(site: SiteFn) -> None:
    built = site({"index.md": page({"dates": [
        {"Abstract Submission Deadline": "2024-04-08"},
        {"what": "Review Bidding Period", "start": "2024-05-16", "end": "2024-05-18"},
        {"Workshop Date": "2024-07-16"},
    ]}, "<< dates() >>")}, strict=True)
    assert built.ok, built.messages()
    html = built.html()
    assert re.findall(r'<time datetime="([^"]+)">', html) == [
        "2024-04-08T23:59:59-12:00", "2024-05-16T00:00-12:00", "2024-05-18T23:59:59-12:00",
        "2024-07-16T23:59:59-12:00"]
    assert "All dates are Anywhere on Earth (AoE, UTC\u221212)" in html
    # Built "on" 2024-05-01: the abstract deadline has passed, the bidding period is next.
    assert html.count("workshop-date--past") == 1
    assert re.search(r'workshop-date--next" data-closes="2024-05-18', html)


def test_deadline_zone_from_the_options_and_the_page(site: SiteFn) -> None:
    plugins: list[Any] = [MACROS, {"workshop": {"deadline_timezone": "UTC"}}]
    built = site({"index.md": page({"dates": [{"Deadline": "2024-04-08"}]}, "<< dates() >>"),
                  "vienna.md": page({"dates_timezone": "Europe/Vienna",
                                     "dates": [{"Deadline": "2024-04-08"}]}, "<< dates() >>")},
                 plugins=plugins, strict=True)
    assert built.ok, built.messages()
    assert '<time datetime="2024-04-08T23:59:59+00:00">' in built.html()
    assert "All dates are UTC" in built.html()
    assert '<time datetime="2024-04-08T23:59:59+02:00">' in built.html("vienna.md")


def test_a_custom_dir_partial_wins(site: SiteFn) -> None:
    override = ('<ul class="my-team">{% for card in cards %}<li>{{ card.person.name }}</li>'
                "{% endfor %}</ul>\n")
    built = site({"index.md": page({"speakers": SPEAKERS}, '<< team("speakers") >>')},
                 theme={"name": "material", "custom_dir": "overrides"},
                 files={"overrides/partials/workshop/team.html": override}, strict=True)
    assert built.ok, built.messages()
    html = built.html()
    assert '<ul class="my-team"><li>Bing W. Brunton</li>' in html
    assert "workshop-person" not in html


def test_a_broken_override_is_reported_with_its_file(site: SiteFn) -> None:
    built = site({"index.md": page({"speakers": SPEAKERS}, '<< team("speakers") >>')},
                 theme={"name": "material", "custom_dir": "overrides"},
                 files={"overrides/partials/workshop/team.html": "{{ card.nope }}"})
    assert not built.ok
    (message,) = built.workshop()
    assert "partials/workshop/team.html" in message and "undefined" in message


def test_images_next_to_the_page_or_at_the_root(site: SiteFn) -> None:
    built = site({"2024/icml.md": page({"speakers": [
        {"name": "A", "image": "assets/images/a.png"},
        {"name": "B", "image": "./photos/b.png"},
        {"name": "C", "image": "https://example.org/c.jpeg"},
    ]}, '<< team("speakers") >>')}, files={"docs/assets/images/a.png": photo(),
                                         "docs/2024/photos/b.png": photo()},
        extra_config={}, plugins=[MACROS, {"workshop": {"images": False}}], strict=True)
    assert built.ok, built.messages()
    html = built.html("2024/icml.md")
    assert re.findall(r'<img class="workshop-avatar" src="([^"]+)"', html) == [
        "../../assets/images/a.png", "../photos/b.png", "https://example.org/c.jpeg"]


def test_a_missing_image_warns_and_falls_back_to_initials(site: SiteFn) -> None:
    built = site({"index.md": page({"speakers": [{"name": "Yian Yin",
                                                  "image": "assets/images/yian.png"}]},
                                   '<< team("speakers") >>')})
    assert built.ok
    assert built.workshop() == [
        "workshop: index.md: 'speakers', entry 1 (Yian Yin), field 'image': "
        "'assets/images/yian.png' was not found (looked for 'assets/images/yian.png' in the docs "
        "folder); the page shows initials instead. Fix: add the file to the docs folder, correct "
        "the path, or remove 'image'."]
    assert 'aria-hidden="true">YY</span>' in built.html()


def test_works_as_a_plain_macros_module_too(site: SiteFn) -> None:
    plugins: list[Any] = [{"macros": {**MACROS["macros"],
                                      "modules": ["mkdocs_workshop.macros"]}}]
    built = site({"index.md": page({"speakers": SPEAKERS, "dates": [{"Deadline": "2024-04-08"}]},
                                   '<< team("speakers") >>\n\n<< dates() >>')}, plugins=plugins,
                 strict=True)
    assert built.ok, built.messages()
    assert cards(built.html(), "speakers")[0] == "bing-w-brunton"
    assert '<time datetime="2024-04-08T23:59:59-12:00">' in built.html()


def test_plugin_and_module_together_register_once(site: SiteFn) -> None:
    plugins: list[Any] = [{"macros": {**MACROS["macros"], "modules": ["mkdocs_workshop.macros"]}},
                          "workshop"]
    built = site({"index.md": page({"speakers": SPEAKERS}, '<< team("speakers") >>')},
                 plugins=plugins, strict=True)
    assert built.ok, built.messages()
    # The plugin's macros, once: one block of three cards, no message about a second one.
    assert rosters(built.html()) == {"speakers": ["bing-w-brunton",
                                                  "juan-felipe-carrasquilla-alvarez",
                                                  "gabor-csanyi"]}
    assert built.workshop() == []


def test_pages_that_do_not_render_macros_are_left_alone(site: SiteFn) -> None:
    built = site({"index.md": page({"render_macros": False, "speakers": "not a roster"},
                                   'Write << team("speakers") >> to show a roster.')},
                 strict=True)
    assert built.ok, built.messages()
    assert "<< team(" in built.html().replace("&lt;&lt;", "<<")


# ---------------------------------------------------------------------------------------------
# Setup mistakes
# ---------------------------------------------------------------------------------------------


def test_without_the_macros_plugin_the_build_shows_the_lines_to_add(site: SiteFn) -> None:
    built = site({"index.md": "# Hi\n"}, plugins=["search", "workshop"])
    assert not built.ok
    assert built.failure is not None
    assert "the macros plugin (mkdocs-macros-plugin) is not enabled" in built.failure
    assert '      j2_variable_start_string: "<<"\n      j2_variable_end_string: ">>"' in (
        built.failure)


def test_wrong_delimiters_show_the_lines_to_set(site: SiteFn) -> None:
    built = site({"index.md": "# Hi\n"}, plugins=["macros", "workshop"])
    assert not built.ok and built.failure is not None
    assert "uses '{{' and '}}' around variables" in built.failure
    assert 'j2_variable_start_string: "<<"' in built.failure


def test_an_unknown_deadline_zone_option(site: SiteFn) -> None:
    built = site({"index.md": "# Hi\n"},
                 plugins=[MACROS, {"workshop": {"deadline_timezone": "Europe/Viena"}}])
    assert not built.ok and built.failure is not None
    assert "'Europe/Viena' is not a time zone. Did you mean 'Europe/Vienna'?" in built.failure


# ---------------------------------------------------------------------------------------------
# Bad input: one message per problem, naming page, key, entry and field
# ---------------------------------------------------------------------------------------------

ERRORS: list[tuple[str, Any, str, str]] = [
    ("no name",
     {"speakers": [{"name": "Ok Person"}, {"aff": "MIT"}]}, '<< team("speakers") >>',
     "index.md: 'speakers', entry 2, field 'name': is missing. Fix: add 'name:' to the entry."),
    ("empty name",
     {"speakers": [{"name": ""}]}, '<< team("speakers") >>',
     "index.md: 'speakers', entry 1, field 'name': is empty."),
    ("roster is a mapping",
     {"speakers": {"name": "A"}}, '<< team("speakers") >>',
     "index.md: 'speakers': is a mapping, but a roster is a list of people."),
    ("roster is text",
     {"speakers": "Bing, Kevin"}, '<< team("speakers") >>',
     "index.md: 'speakers': should be a list of people, not the text 'Bing, Kevin'."),
    ("entry is text",
     {"speakers": ["Bing W. Brunton", {"name": "Ok"}]}, '<< team("speakers") >>',
     "index.md: 'speakers', entry 1: is the text 'Bing W. Brunton', not a person. "
     "Fix: write it as '- name: Bing W. Brunton'."),
    ("boolean name",
     {"speakers": [{"name": True}]}, '<< team("speakers") >>',
     "index.md: 'speakers', entry 1, field 'name': should be text, not the true/false value "
     "true."),
    ("javascript url",
     {"speakers": [{"name": "Kevin Yang", "url": "javascript:alert(1)"}]},
     '<< team("speakers") >>',
     "index.md: 'speakers', entry 1 (Kevin Yang), field 'url': 'javascript:alert(1)' uses the "
     "'javascript:' scheme, which is not allowed in a link. Fix: use an address that starts "
     "with https://, http:// or mailto:."),
    ("ftp url",
     {"speakers": [{"name": "Kevin Yang", "url": "ftp://example.org/x"}]},
     '<< team("speakers") >>', "field 'url': 'ftp://example.org/x' uses the 'ftp:' scheme"),
    ("image outside docs",
     {"speakers": [{"name": "Kevin Yang", "image": "../../secret.png"}]},
     '<< team("speakers") >>',
     "index.md: 'speakers', entry 1 (Kevin Yang), field 'image': '../../secret.png' points "
     "outside the docs folder."),
    ("unknown roster",
     {"Panelist": [{"name": "Lenka Zdeborova"}]}, 'Text.\n\n<< team("panelists") >>',
     "index.md: line 8: << team(\"panelists\") >>: names the roster 'panelists', which this "
     "page does not have. Fix: did you mean team(\"Panelist\")? Roster names are "
     "case-sensitive."),
    ("unknown layout",
     {"speakers": [{"name": "A"}]}, '<< team("speakers", layout="lists") >>',
     "asks for layout 'lists'. Fix: did you mean 'list'? The layouts are 'grid', 'list', "
     "'compact' and 'names'."),
    ("dates() without dates",
     {"title": "X"}, "<< dates() >>",
     "index.md: line 5: << dates() >>: is used, but the page has no 'dates:' list."),
    ("unparseable date",
     {"dates": [{"Paper Submission Deadline": "May 16, 2024"}]}, "<< dates() >>",
     "index.md: 'dates', entry 1 (Paper Submission Deadline), field 'when': 'May 16, 2024' is "
     "not in the YYYY-MM-DD form. Fix: write it as 2024-05-16."),
    ("impossible date",
     {"dates": [{"Deadline": "2024-02-30"}]}, "<< dates() >>",
     "field 'when': '2024-02-30' is not a date that exists."),
    ("end before start",
     {"dates": [{"what": "Bidding", "start": "2024-10-18", "end": "2024-10-16"}]},
     "<< dates() >>",
     "index.md: 'dates', entry 1 (Bidding): ends (2024-10-16) before it starts (2024-10-18)."),
    ("unknown entry zone",
     {"dates": [{"what": "D", "when": "2024-05-01", "timezone": "Vienna"}]}, "<< dates() >>",
     "field 'timezone': 'Vienna' is not a time zone I know. Fix: did you mean 'Europe/Vienna'?"),
    ("date first",
     "dates:\n  - 2022-02-28: Submission Date\n", "<< dates() >>",
     "index.md: 'dates', entry 1: is written date first ('2022-02-28: Submission Date'). "
     "Fix: write the label first: '- Submission Date: 2022-02-28'."),
    ("date first, quoted",
     {"dates": [{"2022-02-28": "Submission Date"}]}, "<< dates() >>",
     "is written date first ('2022-02-28: Submission Date')."),
    ("dates is a mapping",
     {"dates": {"Deadline": "2024-05-01"}}, "<< dates() >>",
     "index.md: 'dates': should be a list of dates."),
    ("dates entry is text",
     {"dates": ["Deadline: May 1"]}, "<< dates() >>",
     "index.md: 'dates', entry 1: is the text 'Deadline: May 1', not a date."),
    ("bad workshop block",
     {"workshop": {"venue": "ICML 2024", "date": "July 16"}}, "",
     "index.md: 'workshop', field 'date': 'July 16' is not a date."),
    ("bio link",
     {"speakers": [{"name": "A", "bio": "[me](javascript:alert(1))"}]}, '<< team("speakers") >>',
     "index.md: 'speakers', entry 1 (A), field 'bio': 'javascript:alert(1)' uses the "
     "'javascript:' scheme"),
]


@pytest.mark.parametrize(("meta", "body", "expected"), [e[1:] for e in ERRORS],
                         ids=[e[0] for e in ERRORS])
def test_errors_stop_the_build_with_a_located_message(site: SiteFn, meta: dict[str, Any],
                                                      body: str, expected: str) -> None:
    built = site({"index.md": page(meta, body)})
    assert not built.ok
    messages = built.workshop()
    assert any(expected in m for m in messages), messages
    assert "problem(s) in the workshop data of index.md" in (built.failure or "")
    assert not any("Traceback" in m for m in built.messages())


WARNINGS: list[tuple[str, Any, str, str]] = [
    ("typo in a field",
     {"speakers": [{"name": "Kevin Yang", "afff": "Microsoft Research"}]},
     '<< team("speakers") >>',
     "index.md: 'speakers', entry 1 (Kevin Yang), field 'afff': is not a field of a person, "
     "so it is not shown. Fix: did you mean 'aff'?"),
    ("dates out of order",
     {"dates": [{"B": "2024-06-11"}, {"A": "2024-05-16"}]}, "<< dates() >>",
     "index.md: 'dates', entry 2 (A): 2024-05-16 is listed after 'B' (2024-06-11) but comes "
     "before it."),
    ("date after the workshop",
     {"workshop": {"date": "2024-07-16"}, "dates": [{"Review Bidding Period": {
         "start": "2024-10-16", "end": "2024-10-18"}}]}, "<< dates() >>",
     "is after the workshop (2024-07-16, from the 'workshop:' block)."),
    ("call inside a list item",
     {"speakers": [{"name": "A"}]}, '- Speakers: << team("speakers") >>',
     "<< team(\"speakers\") >>: shares its line with other text or is indented"),
    ("both aff and affiliation",
     {"speakers": [{"name": "A", "aff": "MIT", "affiliation": "Harvard"}]},
     '<< team("speakers") >>', "has both 'aff' and 'affiliation'; only 'aff' is shown."),
]


@pytest.mark.parametrize(("meta", "body", "expected"), [e[1:] for e in WARNINGS],
                         ids=[e[0] for e in WARNINGS])
def test_warnings_build_but_fail_strict(site: SiteFn, meta: dict[str, Any], body: str,
                                        expected: str) -> None:
    built = site({"index.md": page(meta, body)})
    assert built.ok, built.messages()
    assert any(expected in m for m in built.workshop()), built.workshop()
    strict = site({"index.md": page(meta, body)}, strict=True)
    assert not strict.ok
    assert "in strict mode" in (strict.failure or "")


def test_every_problem_of_every_page_is_reported_before_stopping(site: SiteFn) -> None:
    built = site({
        "a.md": page({"speakers": [{"aff": "MIT"}, {"name": "B", "url": "javascript:x"}]},
                     '<< team("speakers") >>'),
        "b.md": page({"dates": [{"Deadline": "someday"}]}, "<< dates() >>"),
    })
    assert not built.ok
    assert len(built.workshop(level=40)) == 3
    assert "3 problem(s) in the workshop data of a.md, b.md" in (built.failure or "")


def test_valid_entries_beside_a_bad_one_are_still_checked(site: SiteFn) -> None:
    built = site({"index.md": page({"speakers": [
        {"name": "Good One", "afff": "x"}, {"aff": "no name"}, {"name": "Also Good",
                                                                "url": "nope"}]},
        '<< team("speakers") >>')})
    messages = built.workshop()
    assert any("entry 1 (Good One), field 'afff'" in m for m in messages)
    assert any("entry 2, field 'name': is missing" in m for m in messages)
    assert any("entry 3 (Also Good), field 'url'" in m for m in messages)


MALFORMED = """\
---
speakers:
  - name: Bing W. Brunton
	aff: University of Washington
---

<< team("speakers") >>
"""


def test_front_matter_that_is_not_yaml(site: SiteFn) -> None:
    built = site({"index.md": MALFORMED})
    assert not built.ok
    (message, _summary) = built.workshop()
    assert message.startswith("workshop: index.md: the front matter is not valid YAML (")
    assert "line 4" in message and "replace the tabs with spaces" in message


def test_the_command_line_exits_non_zero_without_a_traceback(
        cli_site: Callable[..., Run]) -> None:
    run = cli_site({"index.md": page({"speakers": [{"name": "A", "url": "javascript:x"}]},
                                     '<< team("speakrs") >>')})
    assert run.returncode == 1
    assert "Traceback" not in run.output
    assert "field 'url': 'javascript:x' uses the 'javascript:' scheme" in run.output
    assert "did you mean team(\"speakers\")?" in run.output
    assert "Aborted with a BuildError!" in run.output


def test_strict_on_the_command_line_fails_on_a_warning(cli_site: Callable[..., Run]) -> None:
    run = cli_site({"index.md": page({"speakers": [{"name": "A", "interst": "AI"}]},
                                     '<< team("speakers") >>')}, "--strict")
    assert run.returncode == 1
    assert "field 'interst': is not a field of a person" in run.output
    assert "did you mean 'interest'?" in run.output
    assert "Traceback" not in run.output


def test_each_page_file_is_read_once_per_build(site: SiteFn,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.structure.files import File

    reads: list[str] = []
    original = File.content_string

    def counted(self: File) -> str:
        reads.append(self.src_uri)
        return str(original.fget(self))  # type: ignore[attr-defined]

    monkeypatch.setattr(File, "content_string", property(counted, original.fset))
    built = site({"index.md": page({"speakers": SPEAKERS}, '<< team("speakers") >>'),
                  "other.md": page({"title": "Other"}, "Text.")}, strict=True)
    assert built.ok, built.messages()
    assert sorted(reads) == ["index.md", "other.md"]


def test_a_hook_quiets_mkdocs_macros_and_the_plugin_builds_beside_it(
        cli_site: Callable[..., Run]) -> None:
    # docs/deploy.md's "Quiet builds": a hook module is one of config.plugins, without options
    hook = ('import logging\n'
            'logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)\n')
    pages = {"index.md": page({"speakers": [{"name": "Ada Quill"}]}, '<< team("speakers") >>')}
    loud = cli_site(pages, "--strict")
    assert loud.returncode == 0, loud.output
    assert "[macros]" in loud.output
    quiet = cli_site(pages, "--strict", files={"quiet_macros.py": hook},
                     extra_config={"hooks": ["quiet_macros.py"]})
    assert quiet.returncode == 0, quiet.output
    assert "[macros]" not in quiet.output and "Traceback" not in quiet.output


def test_a_list_no_call_shows_is_reported_and_its_neighbours_still_show(site: SiteFn) -> None:
    front = {
        "title": "Unshown",
        "speakers": [{"name": "Ada Lovelace"}],
        "panelists": [{"name": "Alan Turing"}, {"name": "Grace Hopper"}],
        "sponsors": [{"name": "Acme Foundation"}],
        "dates": [{"Paper Submission Deadline": "2024-05-16"}],
    }
    # The panel's call waits in a Jinja comment: it shows nothing, so the panel is reported too.
    body = '<< team("speakers") >>\n\n{# << team("panelists") >> #}\n'
    built = site({"index.md": page(front, body)})
    assert built.ok, built.failure
    assert sorted(m.split(" Fix:")[0] for m in built.workshop()) == [
        "workshop: index.md: 'panelists': has 2 people, but no << team(\"panelists\") >> on "
        "the page shows them.",
        "workshop: index.md: 'sponsors': has 1 entry, but no << sponsors() >> on the page shows "
        "them.",
    ]  # not dates: the edition header and the series index show them too
    assert "Ada Lovelace" in built.html()
    # A roster named by a variable could be any roster: nothing is said of the others.
    computed = '{% set which = "speakers" %}\n\n<< team(which) >>\n\n<< sponsors() >>\n'
    built = site({"index.md": page(front, computed)})
    assert built.ok and built.workshop() == []
