"""Property-based tests: whatever YAML an organizer writes, the plugin answers with its own
located problems or with well-formed, escaped, deterministic HTML, never with a traceback."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_workshop.core.problems import Severity
from mkdocs_workshop.core.timezones import AOE
from mkdocs_workshop.features import dates, schedule, team
from mkdocs_workshop.features.dates import ITEMS, ZONE
from mkdocs_workshop.features.page import find_calls, read_page
from mkdocs_workshop.features.schedule import SCHEDULE
from mkdocs_workshop.features.sponsors import TIERS
from mkdocs_workshop.features.team import ROSTERS
from mkdocs_workshop.features.workshop import INFO
from mkdocs_workshop.site.render import Renderer

MARKER = "<b class=evil>"  # if this shows up unescaped, input became markup
RENDERER = Renderer([])
NOW = dt.datetime(2024, 5, 1, 12, tzinfo=dt.timezone.utc)
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

text = st.one_of(st.text(max_size=30), st.sampled_from([MARKER, "</script>", "a & b", "Zoë",
                                                         "javascript:alert(1)", "  ", "",
                                                         "https://example.org/x"]))
scalar = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                   st.floats(allow_nan=False, allow_infinity=False), text,
                   st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1)),
                   st.sampled_from(["2024-04-08", "2024-02-30", "03/04/2024", "9:30 AM",
                                    "25:00", "Europe/Vienna", "AoE", "Mars/Olympus", "1h30"]))
yaml_value = st.recursive(scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(text, inner, max_size=4)), max_leaves=12)

person = st.dictionaries(
    st.sampled_from(["name", "url", "aff", "affiliation", "interest", "topic", "role", "bio",
                     "image", "focus", "links", "id", "afff"]), yaml_value, max_size=6)
date_entry = st.one_of(st.dictionaries(text, scalar, min_size=1, max_size=1),
                       st.dictionaries(st.sampled_from(["what", "when", "start", "end",
                                                        "timezone"]), scalar, max_size=4))
slot = st.dictionaries(st.sampled_from(["start", "end", "duration", "title", "kind",
                                        "speakers", "day", "parallel", "location"]),
                       yaml_value, max_size=6)
front_matter = st.fixed_dictionaries({}, optional={
    "speakers": st.one_of(st.lists(person, max_size=5), yaml_value),
    "Organizers": st.lists(person, max_size=3),
    "dates": st.one_of(st.lists(date_entry, max_size=5), yaml_value),
    "schedule": st.one_of(st.lists(slot, max_size=4), yaml_value),
    "sponsors": st.one_of(st.lists(st.dictionaries(
        st.sampled_from(["name", "tier", "url", "logo", "blurb"]), yaml_value, max_size=4),
        max_size=3), yaml_value),
    "workshop": st.one_of(st.dictionaries(st.sampled_from(
        ["venue", "date", "start", "end", "location", "timezone", "attendance"]), scalar,
        max_size=5), yaml_value),
    "dates_timezone": scalar,
    "title": text,
})
BODY = ('<< team("speakers") >>\n\n<< team("Organizers") >>\n\n<< dates() >>\n\n'
        "<< schedule() >>\n\n<< sponsors() >>\n")


def read(meta: dict[str, Any]) -> Any:
    return read_page("index.md", meta, find_calls(BODY), default_zone=AOE,
                     url_for=lambda src: None)


def render_all(data: Any) -> list[str]:
    """Every block the page's macros would show, rendered by the package's partials."""
    blocks = []
    for key, cards in data.get(ROSTERS).items():
        blocks.append(RENDERER.render("team", **team.team_context(key, cards, "grid")))
        blocks.append(RENDERER.render("team", **team.team_context(key, cards, "list")))
    if data.get(ITEMS) is not None:
        zone = data.get(ZONE) or AOE
        views = dates.date_views(data.get(ITEMS), zone, NOW)
        blocks.append(RENDERER.render("dates", dates=views, zone=zone, mixed=True,
                                      calendar_url=None, all_past=False,
                                      held=dates.held_line(data.get(INFO)) or "Held."))
    if data.get(SCHEDULE) is not None:
        days, zone = schedule.schedule_views(data.get(SCHEDULE), "24h")
        blocks.append(RENDERER.render("schedule", days=days, zone=zone, zone_key="UTC",
                                      zone_words="UTC", clock="24h", calendar_url=None))
    if data.get(TIERS) is not None:
        blocks.append(RENDERER.render("sponsors", tiers=data.get(TIERS)))
    return blocks


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Balance(HTMLParser):
    """Fails on an end tag that closes something other than the innermost open element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack)
        self.stack.pop()


def well_formed(html: str) -> None:
    parser = Balance()
    parser.feed(html)
    parser.close()
    assert parser.stack == [], parser.stack


@SETTINGS
@given(front_matter)
def test_any_front_matter_reads_into_located_problems(meta: dict[str, Any]) -> None:
    data = read(meta)
    for problem in data.problems:
        assert problem.page == "index.md"
        assert problem.severity in (Severity.INFO, Severity.WARNING, Severity.ERROR)
        text_form = str(problem)
        assert text_form.startswith("index.md: ") and problem.message
        if problem.severity is Severity.ERROR:
            assert problem.location or problem.key or problem.call, text_form


@SETTINGS
@given(front_matter)
def test_rendering_is_well_formed_escaped_and_deterministic(meta: dict[str, Any]) -> None:
    first = render_all(read(meta))
    second = render_all(read(meta))
    assert first == second
    for html in first:
        well_formed(html)
        assert MARKER not in html
        assert "</script>" not in html


@SETTINGS
@given(st.lists(st.fixed_dictionaries({"name": text}, optional={
    "aff": text, "bio": text, "url": text, "topic": text}), min_size=1, max_size=6))
def test_every_valid_person_is_shown(people: list[dict[str, Any]]) -> None:
    data = read({"speakers": people})
    html = "".join(render_all(data))
    invalid = {p.entry for p in data.problems
               if p.severity is Severity.ERROR and p.key == "speakers"}
    shown = [c.index for c in data.get(ROSTERS)["speakers"]]
    # Every entry is either shown or reported: nothing is dropped silently.
    assert sorted(set(shown) | invalid) == list(range(1, len(people) + 1))
    for card in data.get(ROSTERS)["speakers"]:
        assert f'id="{card.anchor}"' in html
