"""Every output, against hostile text in every input: each text field of each feature (found
from the features' models), each data file format, and the commands' inputs and arguments.
After each, the site is built as a user builds it (``mkdocs build`` in a process of its own,
which reads mkdocs.yml with PyYAML's full loader) and every file it wrote is read back: no live
markup in any HTML file beyond what the same site has with plain text, JSON-LD that parses,
calendars whose events have one of each property, and nothing ran (no payload made its
marker file)."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import pytest
import yaml
from hostile import hostile_text, marked, structure
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from mkdocs_workshop.commands import main
from mkdocs_workshop.core.fields import to_required_text, to_text
from mkdocs_workshop.features.dates import DateEntry
from mkdocs_workshop.features.papers import Paper
from mkdocs_workshop.features.schedule import Slot
from mkdocs_workshop.features.sponsors import Sponsor
from mkdocs_workshop.features.team import Person
from mkdocs_workshop.features.workshop import WorkshopInfo, WorkshopLink
from mkdocs_workshop.importers.common.yamltext import scalar

from sitekit import MACROS, page, run_mkdocs, write_site

SETTINGS = settings(max_examples=12, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])
MARKER = "ran"  # made in the site's folder by a payload that runs (mkdocs runs there)
VALUE = hostile_text(min_size=1)
LINE = hostile_text(min_size=1, one_line=True)
# A page's title is HTML to MkDocs and Material (the nav prints it as it is), and mkdocs-macros
# renders it as a template: markup or Jinja in the organizer's own title is theirs (the plugin
# warns). Titles here hold everything else; the head's copy is test_head.py's.
TITLE = hostile_text(min_size=1, one_line=True, templates=False).map(
    lambda text: text.replace("<", "\u2039"))


def text_fields(model: type[BaseModel]) -> list[str]:
    """The fields of a feature's model that hold text (Text, RequiredText)."""
    return [name for name, info in model.model_fields.items()
            if any(getattr(m, "func", None) in (to_text, to_required_text)
                   for m in info.metadata)]


def _entry(model: type[BaseModel], draw: st.DrawFn, **fixed: Any) -> dict[str, Any]:
    entry = {name: draw(VALUE) for name in text_fields(model) if name not in ("id",)}
    return {**entry, **fixed}


@st.composite
def hostile_page(draw: st.DrawFn) -> dict[str, Any]:
    """An edition page whose every text field holds hostile text."""
    speaker = _entry(Person, draw, url="https://example.org/p")
    return {
        "title": draw(TITLE), "description": draw(LINE), "author": draw(LINE),
        "workshop": _entry(WorkshopInfo, draw, date="2024-07-16", timezone="Europe/Vienna",
                           links=[_entry(WorkshopLink, draw, url="https://example.org/")]),
        "dates": [_entry(DateEntry, draw, when="2024-05-01")],
        "speakers": [speaker, {"id": "ada"}],
        "schedule": [_entry(Slot, draw, start="09:00", end="10:00",
                            speakers=[speaker["name"]])],
        "sponsors": [_entry(Sponsor, draw, url="https://example.org/s")],
    }


def _papers(draw: st.DrawFn) -> list[dict[str, Any]]:
    return [_entry(Paper, draw, authors=[draw(LINE), draw(LINE)]) for _ in range(2)]


def _csv(papers: list[dict[str, Any]]) -> str:
    """The papers as CSV, every field quoted (Python 3.10's csv module cannot write a NUL,
    which a hostile file may hold all the same: the reader is what is tested)."""
    fields = sorted({k for p in papers for k in p})

    def cell(value: Any) -> str:
        text = "; ".join(value) if isinstance(value, list) else "" if value is None else str(value)
        return '"' + text.replace('"', '""') + '"'

    rows = [",".join(cell(f) for f in fields)]
    rows += [",".join(cell(paper.get(f)) for f in fields) for paper in papers]
    return "\r\n".join(rows) + "\r\n"


BODY = """# Edition

First paragraph.

<< dates() >>

<< team("speakers") >>

<< team("speakers", layout="list") >>

<< schedule() >>

<< sponsors() >>

<< papers("p.yml") >>

<< papers("p.json") >>

<< papers("p.csv") >>

<< awards("p.yml") >>

<< editions() >>
"""


def check_outputs(root: Path, plain: dict[str, tuple[int, int]] | None = None) -> None:
    """Every file the build wrote: HTML without live markup (and the inline scripts of the
    plain site), JSON-LD that parses, calendars with one of each property per event."""
    assert not (root / MARKER).exists(), "a payload ran"
    site = root / "site"
    for path in site.rglob("*.html"):
        _tags, live, inline = structure(path.read_text(encoding="utf-8"))
        rel = path.relative_to(site).as_posix()
        assert live == [], (rel, live)
        if plain is not None and rel in plain:
            assert inline == plain[rel][1], rel
    for path in site.rglob("*.ics"):
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        for found in calendar.walk("VEVENT"):
            for name in ("UID", "SUMMARY", "DTSTART", "DTEND", "DTSTAMP"):
                assert not isinstance(found.get(name), list), (path.name, name)
            assert set(found) <= {"UID", "SUMMARY", "DTSTART", "DTEND", "DTSTAMP",
                                  "DESCRIPTION", "LOCATION", "CATEGORIES", "SEQUENCE",
                                  "STATUS"}, set(found)
    assert not (root / MARKER).exists(), "a payload ran"


def build(root: Path) -> None:
    """Build as a user does; a build that fails on the data still writes its pages."""
    done = run_mkdocs(root, "build")
    assert "Traceback" not in done.output, done.output[-3000:]


@SETTINGS
@given(data=hostile_page(), more=st.data())
def test_page_data_and_data_files(tmp_path_factory: pytest.TempPathFactory, data: dict[str, Any],
                                  more: st.DataObject) -> None:
    root = tmp_path_factory.mktemp("sinks")
    mark = root / MARKER
    front = json.loads(marked(json.dumps(data), mark))
    papers = json.loads(marked(json.dumps(_papers(more.draw)), mark))
    person = json.loads(marked(json.dumps(_entry(Person, more.draw,
                                                 url="https://example.org/a")), mark))
    write_site(root, {"index.md": page({"title": "Series"}, "<< editions() >>"),
                      "edition.md": page(front, BODY)},
               files={"docs/p.yml": yaml.safe_dump(papers, allow_unicode=True),
                      "docs/p.json": json.dumps(papers),
                      "docs/p.csv": _csv(papers),
                      "docs/people.yml": yaml.safe_dump({"ada": person}, allow_unicode=True)},
               extra_config={"site_url": "https://example.org/"})
    build(root)
    event(f"edition page written: {(root / 'site/edition/index.html').exists()}")
    check_outputs(root)


@contextlib.contextmanager
def _in(folder: Path) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        yield


NAME = st.lists(st.sampled_from(
    [*"ab #:!'\"{}[]<>-&*%|`~\\", "!!python/object/apply:os.system ['touch ran']", " #",
     ": ", "\u202e", "é", "{{ x }}", "<< x >>"]),
    min_size=1, max_size=6).map(lambda t: "".join(t).strip(" .") or "n")


@SETTINGS
@given(title=LINE, venue=LINE, location=LINE)
def test_init_with_any_option(tmp_path_factory: pytest.TempPathFactory, title: str,
                              venue: str, location: str) -> None:
    root = tmp_path_factory.mktemp("init")
    site = root / "site"
    args = ["init", str(site), "--title", title, "--venue", venue, "--location", location,
            "--date", "2025-07-18", "--timezone", "Europe/Vienna"]
    code = main(args)
    event(f"init exit {code}")
    if code != 0:  # an option refused (a title that is nothing once cleaned)
        assert not site.exists() or not any(site.iterdir())
        return
    yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))  # data, no tags
    build(site)
    check_outputs(site)


@SETTINGS
@given(name=NAME, venue=LINE, title=LINE)
def test_new_edition_with_any_file_name_and_option(
        tmp_path_factory: pytest.TempPathFactory, name: str, venue: str, title: str) -> None:
    """The new page's path goes into mkdocs.yml's nav: quoted by the YAML emitter, a name
    with a YAML tag, ' #' or ': ' stays the name it is."""
    root = tmp_path_factory.mktemp("next")
    assert main(["init", str(root / "site"), "--title", "T", "--venue", "WS 2025",
                 "--date", "2025-07-18"]) == 0
    site = root / "site"
    with _in(site):
        code = main(["new-edition", "docs/ws-2025.md", f"docs/{name}.md", "--date",
                     "2026-07-10", "--venue", venue, "--title", title])
    event(f"new-edition exit {code}")
    if code != 0:
        return  # refused with one line (a name MkDocs cannot serve, an empty option)
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    listed = [value for entry in config["nav"][1]["Editions"] for value in entry.values()]
    assert f"{name}.md" in listed
    build(site)
    check_outputs(site)


def _event(draw: st.DrawFn, hour: int) -> dict[str, Any]:
    return {"title": draw(VALUE), "date": f"2024-07-16T{hour:02d}:00:00+02:00",
            "start": f"{hour:02d}:00", "duration": "00:30", "room": draw(VALUE),
            "type": draw(VALUE), "abstract": draw(VALUE), "description": draw(VALUE),
            "persons": [{"public_name": draw(VALUE)}], "url": draw(LINE)}


@SETTINGS
@given(st.data())
def test_import_schedule_with_any_export(tmp_path_factory: pytest.TempPathFactory,
                                         data: st.DataObject) -> None:
    root = tmp_path_factory.mktemp("program")
    events = [_event(data.draw, 9), _event(data.draw, 10)]
    export = {"schedule": {"conference": {"time_zone_name": "Europe/Vienna", "days": [
        {"date": "2024-07-16", "rooms": {data.draw(VALUE): events}}]}}}
    mark = root / MARKER
    write_site(root, {"index.md": page({"workshop": {"venue": "V", "date": "2024-07-16",
                                                     "timezone": "Europe/Vienna"}},
                                       "<< schedule() >>")},
               plugins=[MACROS, "workshop"])
    source = root / "export.json"
    source.write_text(marked(json.dumps(export), mark), encoding="utf-8")
    main(["import-schedule", str(source), str(root / "docs" / "index.md")])
    build(root)
    check_outputs(root)


@SETTINGS
@given(st.data())
def test_import_jekyll_with_any_site_text(tmp_path_factory: pytest.TempPathFactory,
                                          data: st.DataObject) -> None:
    """A Jekyll site whose pages, front matter and data files hold hostile text: imported,
    then built; nothing from it is live in any output, and nothing ran."""
    root = tmp_path_factory.mktemp("jekyll")
    source, dest = root / "src", root / "out"
    (source / "_data").mkdir(parents=True)
    (source / "_includes").mkdir()
    mark = dest / MARKER
    people = [{"name": data.draw(VALUE), "affiliation": data.draw(VALUE),
               "url": "https://example.org/x", "bio": data.draw(VALUE)} for _ in range(2)]
    (source / "_data" / "speakers.yml").write_text(
        marked(yaml.safe_dump(people, allow_unicode=True), mark), encoding="utf-8")
    (source / "_includes" / "people.html").write_text(
        "{% for p in site.data.speakers %}<div>{{ p.name }} ({{ p.affiliation }})</div>"
        "{% endfor %}\n", encoding="utf-8")
    front = {"title": data.draw(TITLE), "description": data.draw(LINE), "layout": "default"}
    # A page's own text is the source's content: its HTML was live on the Jekyll site and is
    # kept (docs/trust.md); its template syntax, of Jinja or Liquid, must stay text.
    body = "\n\n".join(_no_tags(part) for part in [
        data.draw(VALUE), "## Speakers", "{% include people.html %}", "## Important Dates",
        f"- {data.draw(LINE)}: May 1, 2024", data.draw(VALUE)])
    (source / "index.md").write_text(
        marked(f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n\n{body}\n", mark),
        encoding="utf-8")
    (source / "_config.yml").write_text(marked(yaml.safe_dump(
        {"title": data.draw(LINE), "description": data.draw(LINE)}, allow_unicode=True),
        mark), encoding="utf-8")
    assert main(["import-jekyll", str(source), str(dest)]) == 0
    yaml.safe_load((dest / "mkdocs.yml").read_text(encoding="utf-8"))
    build(dest)
    check_outputs(dest)


def _no_tags(text: str) -> str:
    """The text without HTML tags (a '<' before a letter, '/', '!' or '?'), its '<<' kept."""
    return re.sub(r"<(?=[A-Za-z/!?])", "\u2039", text)


@settings(max_examples=400, deadline=None)
@given(VALUE | st.sampled_from([":x", "?x", "? x", "- x", ":", "a,b", "x #y", "[a]", "!x"]),
       st.booleans())
def test_a_value_written_into_yaml_reads_back_as_itself_where_it_stands(
        text: str, flow: bool) -> None:
    """yamltext.scalar, the one way the commands write a value: alone after 'key: ', and
    inside '[...]' (where '?x' or ':x' read otherwise), on one line, read back as the text."""
    written = scalar(text, flow=flow)
    assert "\n" not in written and "\r" not in written
    assert yaml.safe_load(f"key: {written}\n") == {"key": text}
    if flow:
        assert yaml.safe_load(f"key: [{written}, after]\n") == {"key": [text, "after"]}
        assert yaml.safe_load(f"key: {{a: {written}}}\n") == {"key": {"a": text}}
