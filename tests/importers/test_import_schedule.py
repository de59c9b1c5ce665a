"""``mkdocs-workshop import-schedule``: pretalx/frab JSON and XML and Sessionize programs written
into a page's ``schedule:``, the rest of the page unchanged, then built."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_workshop.commands import main
from mkdocs_workshop.core.frontmatter import parse_front_matter
from mkdocs_workshop.core.problems import Refused
from mkdocs_workshop.core.timezones import resolve_zone
from mkdocs_workshop.features.directory import Directory
from mkdocs_workshop.importers.common.escape import one_line
from mkdocs_workshop.importers.schedule import frab, sessionize
from mkdocs_workshop.importers.schedule.importer import import_schedule, read_file
from mkdocs_workshop.importers.schedule.model import Program, Session, characters
from mkdocs_workshop.importers.schedule.people import People
from mkdocs_workshop.importers.schedule.slots import Clock, convert, kind_of
from mkdocs_workshop.importers.schedule.write import read_page_text, schedule_span

from sitekit import ROOT, Built, build_config, write_site

DATA = ROOT / "tests" / "data" / "programs"
PRETALX = DATA / "pretalx-two-days.json"
FRAB_XML = DATA / "frab-dst.xml"
SESSIONIZE = DATA / "sessionize-all.json"

TIDAL = """\
---
title: Tidal Models 2024
workshop:
  venue: Workshop on Tidal Models
  start: 2024-05-11
  end: 2024-05-12
  timezone: Europe/Vienna
speakers:
  - name: Jonas Lindqvist
  - name: Jose Garcia
---

# Tidal Models 2024

## Program

<< schedule() >>

## Speakers

<< team("speakers") >>
"""


def run(*args: str | Path) -> int:
    return main(["import-schedule", *(str(a) for a in args)])


def site_with(tmp_path: Path, text: str, files: dict[str, str] | None = None) -> Path:
    """A site whose index.md is ``text``; the page's path."""
    write_site(tmp_path, {"index.md": text}, files=files)
    return tmp_path / "docs" / "index.md"


def build(tmp_path: Path) -> Built:
    return build_config(tmp_path / "mkdocs.yml", strict=True)


def rows(html: str) -> list[str]:
    """The program's rows, each as its HTML."""
    return re.findall(r'<tr class="workshop-slot .*?</tr>', html, re.S)


# ---------------------------------------------------------------------------------------------
# Done: a pretalx schedule.json of two days and two rooms is the page's program
# ---------------------------------------------------------------------------------------------


def test_a_pretalx_program_of_two_days_and_two_rooms_builds_at_local_times(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index = site_with(tmp_path, TIDAL)
    assert run(PRETALX, index) == 0
    out = capsys.readouterr().out
    assert "9 slot(s) on 2 day(s) (2024-05-11 to 2024-05-12), 2 room(s), 6 slot(s) in " \
        "parallel; times in Europe/Vienna." in out
    assert "kind: 'Demo' is not a kind of slot; written as 'other' (1)." in out
    assert "the build will say" not in out
    built = build(tmp_path)
    assert built.ok, built.failure
    assert built.warnings == []
    html = built.html()
    # Every session at its local time, with its offset, on its day.
    for moment, shown in (("2024-05-11T09:00+02:00", "09:00"), ("2024-05-11T14:00+02:00", "14:00"),
                          ("2024-05-12T09:00+02:00", "09:00"), ("2024-05-12T11:15+02:00", "11:15")):
        assert f'<time datetime="{moment}">{shown}</time>' in html
    assert 'datetime="2024-05-11">Saturday, May 11, 2024' in html
    assert 'datetime="2024-05-12">Sunday, May 12, 2024' in html
    assert "Times are in Europe/Vienna (UTC+02:00)." in html
    program = rows(html)
    assert len(program) == 6  # 9 sessions; three pairs run in parallel
    parallel = [row for row in program if "workshop-slot--parallel" in row]
    assert len(parallel) == 3
    # The tracks of a parallel row are in the conference's order of rooms, each with its room.
    first = parallel[0]
    assert first.index("Ocean mixing at the shelf break") < first.index("Hands-on: tide gauges")
    assert re.findall(r'workshop-slot__room">([^<]*)<', first) == ["Hall A", "Hall B"]
    assert 'data-end="2024-05-11T15:00+02:00"' in parallel[1]  # the panel ends after the posters
    # Kinds from the session types; speakers linked to the page's roster (accents aside).
    assert 'workshop-slot--tutorial' in first and 'workshop-slot--talk' in first
    assert '<a href="#jose-garcia">Jose Garcia</a>' in first
    assert '<a href="#jonas-lindqvist">Jonas Lindqvist</a>' in first
    assert "Chen Wei" in html  # not on the page: a name
    assert "<strong>internal tides</strong>" in html  # the abstract is Markdown


def test_a_page_without_the_call_is_told_where_the_program_would_show(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The program is written into the front matter, but nothing on the page shows it yet: the
    # report says so, as the build will, instead of a silent page.
    index = site_with(tmp_path, TIDAL.replace("## Program\n\n<< schedule() >>\n", ""))
    assert run(PRETALX, index) == 0
    out = capsys.readouterr().out
    assert ("the build will say: " in out and "'schedule': has 9 entries, but no "
            "<< schedule() >> on the page shows them." in out)
    built = build(tmp_path)
    assert not built.ok
    assert any("no << schedule() >> on the page shows them" in w for w in built.warnings)


def test_the_written_block_is_what_an_organizer_writes(tmp_path: Path) -> None:
    index = site_with(tmp_path, TIDAL)
    assert run(PRETALX, index) == 0
    text = index.read_text(encoding="utf-8")
    block = text[text.index("# schedule: imported"):text.index("---\n\n# Tidal")]
    assert block.startswith("# schedule: imported from pretalx-two-days.json by "
                            "mkdocs-workshop import-schedule")
    assert """\
schedule:
  - start: "09:00"
    end: "09:15"
    title: Opening remarks
    kind: opening remarks
    speakers: [Mira Okafor]
    room: Hall A
    url: https://pretalx.example.org/tidal24/talk/OPEN01/
  - start: "09:15"
    end: "10:00"
    title: Ocean mixing at the shelf break
    kind: talk
    speakers: [Jonas Lindqvist]
    room: Hall A
    parallel: true
    url: https://pretalx.example.org/tidal24/talk/OCEAN2/
    abstract: |-
      How **internal tides** mix the shelf.

      With data from three cruises.
  - start: "09:15"
    end: "10:00"
    title: 'Hands-on: tide gauges in Python'
    kind: tutorial
    speakers: [Jose Garcia]
    room: Hall B
    parallel: true
""" in block
    assert "  - day: 2024-05-12\n    start: \"09:00\"\n" in block
    assert block.count("day:") == 1  # the first day is the workshop's


# ---------------------------------------------------------------------------------------------
# The rest of the page, byte for byte; a second run
# ---------------------------------------------------------------------------------------------

ODD = ("\ufeff---\r\n"
       "# a comment the organizer wrote\r\n"
       "title:   'Odd  spacing'   # kept\r\n"
       "workshop: {venue: Tidal, start: 2024-05-11, end: 2024-05-12, timezone: Europe/Vienna}\r\n"
       "speakers:\r\n"
       "- name: Jonas Lindqvist\r\n"
       "\r\n"
       "---\r\n"
       "\r\n"
       "<< schedule() >>\r\n"
       "\r\n"
       "Text after, with {{ braces }} kept as written.\r\n")


def test_nothing_else_in_the_page_changes_and_a_second_run_replaces_its_block(
        tmp_path: Path) -> None:
    index = tmp_path / "index.md"
    index.write_bytes(ODD.encode("utf-8"))
    head = ODD.split("---\r\n\r\n<<")[0].encode("utf-8")  # the front matter up to its end
    tail = b"---\r\n\r\n<< schedule() >>" + ODD.split("<< schedule() >>")[1].encode("utf-8")
    assert run(PRETALX, index) == 0
    first = index.read_bytes()
    assert first.startswith(head) and first.endswith(tail)
    block = first[len(head):-len(tail)].decode("utf-8")
    assert block.startswith("# schedule: imported from pretalx-two-days.json")
    assert "\n" not in block.replace("\r\n", "")  # the page's line endings
    assert run(PRETALX, index) == 0
    assert index.read_bytes() == first  # the same file: replaced, not added again
    assert run(SESSIONIZE, index) == 0
    again = index.read_bytes()
    assert again.startswith(head) and again.endswith(tail)
    assert b"Graph networks for weather" in again and b"Ocean mixing" not in again
    assert again.count(b"schedule:") == 2  # the marker line and the key


def test_a_block_in_the_middle_is_replaced_between_what_surrounds_it(tmp_path: Path) -> None:
    index = site_with(tmp_path, TIDAL)
    assert run(PRETALX, index) == 0
    written = index.read_text(encoding="utf-8")
    # The organizer moves the block up and writes around it.
    block = written[written.index("# schedule: imported"):written.index("---\n\n# Tidal")]
    before, after = TIDAL.split("speakers:\n", 1)
    moved = (before + block + "# about the speakers\n\n" + "speakers:\n" + after)
    index.write_text(moved, encoding="utf-8")
    assert run(SESSIONIZE, index) == 0
    result = index.read_text(encoding="utf-8")
    assert result.startswith(before + "# schedule: imported from sessionize-all.json")
    assert result.endswith("# about the speakers\n\nspeakers:\n" + after)


def test_a_schedule_written_by_hand_is_replaced_only_when_asked(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = TIDAL.replace("speakers:\n", "schedule:\n  - start: \"9:00\"\n    title: Mine\n"
                         "speakers:\n", 1)
    index = site_with(tmp_path, text)
    assert run(PRETALX, index) == 2
    err = capsys.readouterr().err
    assert "already has a 'schedule:' (line 8) that this command did not write." in err
    assert "Fix: add --replace" in err
    assert index.read_text(encoding="utf-8") == text
    assert run(PRETALX, index, "--replace") == 0
    result = index.read_text(encoding="utf-8")
    assert "Mine" not in result and "Ocean mixing" in result
    assert result.endswith("speakers:\n" + TIDAL.split("speakers:\n", 1)[1])


def test_dry_run_prints_the_block_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index = site_with(tmp_path, TIDAL)
    assert run(PRETALX, index, "--dry-run") == 0
    out = capsys.readouterr().out
    assert out.startswith("# schedule: imported from pretalx-two-days.json")
    assert "title: Ocean mixing at the shelf break" in out
    assert "would write 'schedule:'" in out
    assert index.read_text(encoding="utf-8") == TIDAL


# ---------------------------------------------------------------------------------------------
# Across a change of daylight saving time; Sessionize's times without offsets
# ---------------------------------------------------------------------------------------------

NIGHT = """\
---
workshop:
  venue: Night Watch Hackathon
  start: 2024-10-26
  end: 2024-10-27
  timezone: Europe/Berlin
---

<< schedule() >>
"""


def test_a_frab_xml_program_across_the_night_the_clocks_go_back(tmp_path: Path) -> None:
    index = site_with(tmp_path, NIGHT)
    assert run(FRAB_XML, index) == 0
    text = index.read_text(encoding="utf-8")
    # The two 02:30 of that night are told apart by their offsets; past midnight, a duration.
    assert '  - day: 2024-10-27\n    start: "02:15+02:00"\n    end: "02:45+02:00"\n' in text
    assert '  - start: "02:30+01:00"\n    end: "03:00"\n' in text
    assert '  - start: "23:30"\n    duration: 60\n' in text
    built = build(tmp_path)
    assert built.ok, built.failure
    assert built.warnings == []  # no overlap, no doubtful time, nothing out of order
    html = built.html()
    for moment in ("2024-10-26T17:00+02:00", "2024-10-26T23:30+02:00", "2024-10-27T00:30+02:00",
                   "2024-10-27T02:15+02:00", "2024-10-27T02:30+01:00", "2024-10-27T09:00+01:00"):
        assert f'datetime="{moment}"' in html
    assert "Times are in Europe/Berlin (UTC+02:00, UTC+01:00 from October 27, 2024)." in html
    starts = re.findall(r'<tr class="workshop-slot[^"]*" data-start="([^"]+)"', html)
    instants = [datetime.fromisoformat(s) for s in starts]
    assert instants == sorted(instants)


SPRING = """\
---
workshop:
  venue: Weather and Climate ML
  start: 2025-03-29
  end: 2025-03-30
  timezone: Europe/Vienna
keynotes:
  - name: Sofia Rossi
---

<< schedule() >>

<< team("keynotes") >>
"""


def test_a_sessionize_program_takes_the_page_zone_across_the_clocks_going_forward(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index = site_with(tmp_path, SPRING)
    assert run(SESSIONIZE, index) == 0
    out = capsys.readouterr().out
    assert "5 slot(s) on 2 day(s)" in out
    assert "1 session(s) have no time yet (startsAt: null) and are not written" in out
    built = build(tmp_path)
    assert built.ok, built.failure
    assert built.warnings == []
    html = built.html()
    assert '<time datetime="2025-03-29T09:15+01:00">09:15</time>' in html
    assert '<time datetime="2025-03-30T09:00+02:00">09:00</time>' in html
    parallel = [row for row in rows(html) if "workshop-slot--parallel" in row]
    assert len(parallel) == 1
    # Room 1 comes first (its 'sort'), though the file lists Room 2 first.
    assert re.findall(r'workshop-slot__room">([^<]*)<', parallel[0]) == ["Room 1", "Room 2"]
    assert "workshop-slot--spotlight" in parallel[0]
    assert "Not yet scheduled" not in html
    assert 'workshop-slot--lunch' in html  # a service session's kind, from its title
    assert '<a href="#sofia-rossi">Sofia Rossi</a>' in html
    assert 'href="https://video.example.org/graph-weather"' in html


def test_sessionize_times_need_the_page_zone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = SPRING.replace("  timezone: Europe/Vienna\n", "")
    index = site_with(tmp_path, text)
    assert run(SESSIONIZE, index) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"mkdocs-workshop: {index}: the times of sessionize-all.json "
                          "(Sessionize view/All JSON) carry no UTC offset")
    assert "Fix: add 'timezone:' to the page's workshop block" in err
    assert index.read_text(encoding="utf-8") == text


def test_a_pretalx_file_without_a_page_zone_is_written_in_the_file_zone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = TIDAL.replace("  timezone: Europe/Vienna\n", "")
    index = site_with(tmp_path, text)
    assert run(PRETALX, index) == 0
    out = capsys.readouterr().out
    assert "add 'timezone: Europe/Vienna' to the workshop block" in out
    assert "has times but the page does not say in which time zone" in out  # as the build will
    assert 'start: "09:15"' in index.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Speakers from the people directory
# ---------------------------------------------------------------------------------------------


def test_a_speaker_of_the_people_directory_is_written_as_their_id(tmp_path: Path) -> None:
    people = "ines-moreau:\n  name: Inès Moreau\n  url: https://example.org/ines\n"
    index = site_with(tmp_path, TIDAL, files={"docs/people.yml": people})
    assert run(PRETALX, index) == 0
    assert "speakers: [ines-moreau]" in index.read_text(encoding="utf-8")
    built = build(tmp_path)
    assert built.ok, built.failure
    assert '<a href="https://example.org/ines">Inès Moreau</a>' in built.html()
    other = tmp_path / "elsewhere.yml"
    other.write_text("moreau:\n  name: Ines Moreau\n", encoding="utf-8")
    assert run(PRETALX, index, "--people", other) == 0
    assert "speakers: [moreau]" in index.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Nothing from the file becomes a template or markup
# ---------------------------------------------------------------------------------------------


def _frab(events: list[dict[str, Any]], zone: str = "Europe/Vienna") -> dict[str, Any]:
    return {"schedule": {"version": "1", "conference": {
        "title": "T", "acronym": "t", "time_zone_name": zone,
        "days": [{"index": 1, "date": "2024-05-11", "rooms": {"Hall A": events}}]}}}


def _event(**fields: Any) -> dict[str, Any]:
    return {"title": "A talk", "date": "2024-05-11T09:00:00+02:00", "start": "09:00",
            "duration": "00:30", "room": "Hall A", "type": "Talk", "persons": [], **fields}


def test_nothing_from_the_file_becomes_a_template_or_markup(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = _frab([
        _event(title='<< "pw" ~ "ned" >> and {{ "pw" ~ "ned" }}',
               abstract='Line\n---\n<< "pw" ~ "ned" >>\n{% set x = "pw" ~ "ned" %}{{ x }}\n...\n',
               persons=[{"public_name": "<b>Bold</b> {#"}]),
        _event(title="Second", date="2024-05-11T09:30:00+02:00", start="09:30",
               room="</span><script>alert(1)</script>", url="javascript:alert(1)"),
    ])
    source = tmp_path / "hostile.json"
    source.write_text(json.dumps(hostile), encoding="utf-8")
    index = site_with(tmp_path, TIDAL)
    assert run(source, index) == 0
    out = capsys.readouterr().out
    assert "its url 'javascript:alert(1)' uses the 'javascript:' scheme" in out
    assert "It is not written." in out
    text = index.read_text(encoding="utf-8")
    assert text.endswith("---\n\n" + TIDAL.split("---\n\n", 1)[1])
    built = build(tmp_path)
    assert built.ok, built.failure
    html = built.html()
    assert "pwned" not in html
    assert "&lt;&lt; &#34;pw&#34; ~ &#34;ned&#34; &gt;&gt;" in html
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert "<b>Bold</b>" not in html and "&lt;b&gt;Bold&lt;/b&gt; {#" in html
    assert "javascript:" not in html


# ---------------------------------------------------------------------------------------------
# Malformed files and pages: one line, the file, the entry, the fix; nothing written
# ---------------------------------------------------------------------------------------------

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE schedule [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
]>
<schedule><conference><title>&lol2;</title></conference></schedule>
"""

MALFORMED = {
    "not-json.json": ('{"schedule": {', "is not valid JSON (Expecting"),
    "list.json": ("[1, 2]", "is none of the formats the import reads: a pretalx or frab "
                  "schedule (an object with 'schedule'), nor a Sessionize view/All export"),
    "days.json": (json.dumps({"schedule": {"conference": {"days": "x"}}}),
                  "'conference.days' should be a list, not 'x'."),
    "no-title.json": (json.dumps(_frab([_event(title="")])),
                      "day 1 (2024-05-11), room 'Hall A', event 1: has no 'title'."),
    "no-duration.json": (json.dumps(_frab([{k: v for k, v in _event().items()
                                            if k != "duration"}])),
                         "room 'Hall A', event 1 (A talk): has no 'duration'."),
    "duration.json": (json.dumps(_frab([_event(duration="ninety")])),
                      "event 1 (A talk): 'duration' should be hours and minutes (00:45), not "
                      "'ninety'."),
    "date.json": (json.dumps(_frab([_event(date="2024-13-01T09:00:00+02:00")])),
                  "event 1 (A talk): 'date' is '2024-13-01T09:00:00+02:00', which is not a date "
                  "and time."),
    "zone.json": (json.dumps(_frab([_event()], zone="Mars/Olympus")),
                  "'conference': 'time_zone_name' is 'Mars/Olympus', which is not a time zone."),
    "empty.json": (json.dumps(_frab([])), "has no scheduled session."),
    "laughs.xml": (BILLION_LAUGHS, "declares a DOCTYPE (line 2)"),
    "broken.xml": ("<schedule><conference></schedule>", "is not well-formed XML (line 1"),
    "html.xml": ("<html><body/></html>", "is XML whose root element is <html>, not <schedule>."),
    "room.json": (json.dumps({"sessions": [{"title": "T", "startsAt": "2025-03-29T09:00:00",
                                            "roomId": 99}], "rooms": [], "speakers": []}),
                  "session 1 (T): is in the room 99, which 'rooms' does not list."),
    "speaker.json": (json.dumps({"sessions": [{"title": "T", "startsAt": "2025-03-29T09:00:00",
                                               "speakers": ["x"]}], "rooms": [],
                                 "speakers": []}),
                     "session 1 (T): names the speaker 'x', whom 'speakers' does not list."),
    "latin1.json": ("{\"schedule\": \"caf\xe9\"}", "is not UTF-8 text (byte 17)."),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_a_malformed_file_is_one_clear_line_and_nothing_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    content, expected = MALFORMED[name]
    source = tmp_path / name
    source.write_bytes(content.encode("latin-1" if name == "latin1.json" else "utf-8"))
    index = site_with(tmp_path, SPRING)
    assert run(source, index) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"mkdocs-workshop: {source}: ")
    assert expected in err
    assert " Fix: " in err
    assert index.read_text(encoding="utf-8") == SPRING


@pytest.mark.parametrize(("page", "expected"), [
    ("missing.md", "missing.md: does not exist. Fix: give the path of the edition's Markdown "
                   "page"),
    ("plain.md", "plain.md: has no front matter between '---' lines, where the program goes."),
    ("broken.md", "broken.md: its front matter is not valid YAML"),
])
def test_a_page_that_cannot_take_the_program_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], page: str, expected: str) -> None:
    (tmp_path / "plain.md").write_text("# No front matter\n", encoding="utf-8")
    (tmp_path / "broken.md").write_text("---\nworkshop: [\n---\n", encoding="utf-8")
    assert run(PRETALX, tmp_path / page) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and expected in err
    assert (tmp_path / "plain.md").read_text(encoding="utf-8") == "# No front matter\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(),
                    reason="pipes and /dev/zero")
def test_a_pipe_or_a_device_is_refused_and_never_waited_for(tmp_path: Path) -> None:
    """A pipe no one writes to would be waited for forever, /dev/zero read until memory runs
    out: neither is a file, as FILE or as PAGE."""
    index = site_with(tmp_path, SPRING)
    pipe = tmp_path / "schedule.json"
    os.mkfifo(pipe)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for file, page in ((pipe, index), (Path("/dev/zero"), index), (PRETALX, pipe)):
        done = subprocess.run([sys.executable, "-m", "mkdocs_workshop", "import-schedule",
                               str(file), str(page)], capture_output=True, text=True,
                              timeout=60, env=env)
        assert done.returncode == 2, done.stderr
        shown = file if page == index else page
        assert done.stderr.startswith(f"mkdocs-workshop: {shown}: is not a regular file (a "
                                      "pipe or a device). Fix: save it as a file first")
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert index.read_text(encoding="utf-8") == SPRING


def test_a_file_that_is_not_there(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index = site_with(tmp_path, TIDAL)
    assert run(tmp_path / "nope.json", index) == 2
    assert "nope.json: does not exist. Fix: give the path of the exported schedule" \
        in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------
# The parts, without a build
# ---------------------------------------------------------------------------------------------


def test_the_readers_give_each_session_its_instant() -> None:
    program = read_file(PRETALX)
    assert program.zone == "Europe/Vienna" and len(program.sessions) == 9
    talk = next(s for s in program.sessions if s.title.startswith("Ocean"))
    assert talk.start == datetime(2024, 5, 11, 7, 15, tzinfo=timezone.utc)
    assert talk.end is not None and talk.end - talk.start == timedelta(minutes=45)
    assert (talk.room, talk.kind, talk.speakers) == ("Hall A", "Talk", ("Jonas Lindqvist",))
    xml = read_file(FRAB_XML)
    again = next(s for s in xml.sessions if s.title == "The same hour, again")
    assert again.start == datetime(2024, 10, 27, 1, 30, tzinfo=timezone.utc)
    assert xml.format == frab.FORMAT_XML and xml.zone == "Europe/Berlin"
    found = read_file(SESSIONIZE)
    assert found.format == sessionize.FORMAT and found.zone is None
    assert found.sessions[0].start == datetime(2025, 3, 29, 9, 0)  # no offset: a wall time


def test_a_frab_xml_and_its_json_read_the_same() -> None:
    from_json = read_file(PRETALX)
    events = [
        f"<event><date>{s.start.isoformat()}</date><start>x</start>"
        f"<duration>{_hhmm(s)}</duration><room>{s.room}</room><title>{s.title}</title>"
        f"<type>{s.kind or ''}</type><abstract>{_xml(s.abstract or '')}</abstract>"
        f"<url>{s.url or ''}</url><persons>"
        + "".join(f"<person>{name}</person>" for name in s.speakers)
        + "</persons></event>" for s in from_json.sessions]
    xml = ("<schedule><conference><time_zone_name>Europe/Vienna</time_zone_name></conference>"
           "<day date=\"2024-05-11\"><room name=\"Hall A\">" + "".join(events)
           + "</room></day></schedule>")
    from_xml = frab.read_xml(xml)
    key = [(s.title, s.start, s.end, s.room, s.kind, s.speakers, s.abstract, s.url)
           for s in from_json.sessions]
    assert [(s.title, s.start, s.end, s.room, s.kind, s.speakers, s.abstract, s.url)
            for s in from_xml.sessions] == key


def _hhmm(session: Session) -> str:
    assert session.end is not None
    minutes = int((session.end - session.start).total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


@pytest.mark.parametrize(("written", "title", "kind", "known"), [
    ("Talk", "x", "talk", True),
    ("Invited Talk", "x", "invited talk", True),
    ("lightning_talk", "x", "spotlight", True),
    ("Hands-on", "x", "tutorial", True),
    ("Podium", "x", "panel", True),
    ("other", "Lunch", "lunch", True),
    (None, "Coffee break", "coffee break", True),
    (None, "Something", None, True),
    ("other", "Something", "other", True),
    ("Demo", "Something", "other", False),
    ("Service", "Lunch", "lunch", True),
])
def test_session_types_become_kinds(written: str | None, title: str, kind: str | None,
                                    known: bool) -> None:
    assert kind_of(written, title) == (kind, known)


def _session(title: str, start: datetime, minutes: int, room: str | None,
             order: int = 0) -> Session:
    return Session(title, start, start + timedelta(minutes=minutes), room, order, None, (), None,
                   None, title)


def test_only_sessions_that_overlap_one_in_another_room_are_parallel() -> None:
    at = datetime(2024, 5, 11, 9, tzinfo=timezone.utc)
    program = Program("test", "UTC", [
        _session("A1", at, 60, "A"),
        _session("B1", at + timedelta(minutes=30), 60, "B", 1),  # overlaps A1
        _session("A2", at + timedelta(minutes=60), 30, "A"),  # overlaps B1
        _session("A3", at + timedelta(minutes=120), 30, "A"),  # alone
        _session("A4", at + timedelta(minutes=130), 30, "A"),  # same room: not parallel
    ])
    slots = convert(program, resolve_zone("UTC"), date(2024, 5, 11),
                    People.of({}, Directory("people.yml"))).slots
    assert [(s["title"], s.get("parallel", False)) for s in slots] == [
        ("A1", True), ("B1", True), ("A2", True), ("A3", False), ("A4", False)]


def test_a_time_of_the_repeated_hour_is_written_with_its_offset() -> None:
    zone = resolve_zone("Europe/Berlin")
    first = datetime(2024, 10, 27, 0, 15, tzinfo=timezone.utc)  # 02:15 CEST
    second = datetime(2024, 10, 27, 1, 15, tzinfo=timezone.utc)  # 02:15 CET
    program = Program("test", "Europe/Berlin", [_session("a", first, 10, "A"),
                                                _session("b", second, 10, "A")])
    slots = convert(program, zone, None, People.of({}, Directory("people.yml"))).slots
    assert [(s["start"], s["end"]) for s in slots] == [("02:15+02:00", "02:25+02:00"),
                                                       ("02:15+01:00", "02:25+01:00")]
    assert all(isinstance(s["start"], Clock) for s in slots)
    assert slots[0]["day"] == date(2024, 10, 27) and "day" not in slots[1]


def test_a_wall_time_without_offset_is_written_as_the_file_has_it() -> None:
    """Sessionize's 02:30 of the night the clocks go back is one of two: the page says so
    when it builds, rather than the import choosing silently."""
    zone = resolve_zone("Europe/Berlin")
    program = Program("test", None, [_session("a", datetime(2024, 10, 27, 2, 30), 20, "A")])
    slots = convert(program, zone, None, People.of({}, Directory("people.yml"))).slots
    assert (slots[0]["start"], slots[0]["end"]) == ("02:30", "02:50")


def test_a_speaker_is_matched_ignoring_case_and_accents() -> None:
    directory = Directory("people.yml", True, {"jgarcia": {"name": "José García"}})
    people = People.of({}, directory)
    assert people.written("jose garcia") == "jgarcia"
    assert people.written("JGarcia") == "jgarcia"  # the id itself
    assert people.written("Someone Else") == "Someone Else"
    assert (people.linked_directory, people.unmatched) == ({"jgarcia"}, {"Someone Else"})


def test_the_schedule_block_is_found_up_to_its_last_line(tmp_path: Path) -> None:
    page = tmp_path / "p.md"
    page.write_text("---\na: 1\nschedule:\n  - title: x\n    abstract: |\n      text\n\n"
                    "# a comment\nb: 2\n---\nbody\n", encoding="utf-8")
    text = read_page_text(page)
    span = schedule_span(text)
    assert span is not None and not span.imported and span.line == 3
    assert text.yaml[span.start:span.end] == "schedule:\n  - title: x\n    abstract: |\n" \
        "      text\n"


def test_refusals_name_where_they_are() -> None:
    refused = Refused("has no 'title'.", "add one.", "day 1, room 'A', event 2")
    assert refused.line("f.json") == "f.json: day 1, room 'A', event 2: has no 'title'. " \
        "Fix: add one."
    assert Refused("x.", "y.").line("bad\x1bname") == "bad\\x1bname: x. Fix: y."


# ---------------------------------------------------------------------------------------------
# Any text the file holds reads back as written, and leaves the page's text alone
# ---------------------------------------------------------------------------------------------

_ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=60) | st.sampled_from([
    "<< 7*7 >>", "{% raw %}", "{{ x }}", "---", "...", "a\n---\nb", "yes", "null", "~", "12:30",
    "2024-05-11", "- item", "# not a comment", "key: value", "'quoted'", '"double"', "|", ">",
    "&anchor", "*alias", "!!python/object", "\t tab", "\u2028", "\x85", "\ud800", "\ufeff"])


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_ANY_TEXT, room=_ANY_TEXT, abstract=_ANY_TEXT, speaker=_ANY_TEXT)
def test_any_text_reads_back_as_written_and_the_page_text_stays(
        tmp_path: Path, title: str, room: str, abstract: str, speaker: str) -> None:
    event = _event(title=title or "x", room=room, abstract=abstract,
                   persons=[{"public_name": speaker}] if speaker.strip() else [])
    source = tmp_path / "any.json"
    source.write_text(json.dumps(_frab([event])), encoding="utf-8")
    index = tmp_path / "page.md"
    index.write_text(TIDAL, encoding="utf-8")
    try:
        import_schedule(source, index)
    except Refused as refused:  # only for a title or a name that is nothing once cleaned
        why = ("has no 'title'." if not characters(title or "x").strip()
               else "has no 'public_name' or 'name'.")
        assert refused.message.startswith("has no session that can be read (1 not "
                                          "imported); the first: "), refused.message
        assert refused.message.endswith(f": {why}")
        assert index.read_text(encoding="utf-8") == TIDAL
        return
    text = index.read_text(encoding="utf-8")
    assert text.endswith("---\n\n" + TIDAL.split("---\n\n", 1)[1])
    slot = parse_front_matter("page.md", text).meta["schedule"][0]
    assert slot["title"] == one_line(characters(title or "x"))


@pytest.mark.parametrize(("front", "expected"), [
    ("workshop:\n  date: 2024-05-11\n  timezone: Mars/Olympus\n",
     "its workshop block cannot be read: 'Mars/Olympus' is not a time zone"),
    ("schedule: []\nschedule: []\n", "has 'schedule:' twice (lines 2 and 3)."),
    ("{workshop: {date: 2024-05-11}, schedule: []}\n",
     "its front matter is not written as 'key: value' lines at the start of each line"),
    ("- a\n- b\n", "its front matter is not a set of 'key: value' lines."),
])
def test_a_front_matter_the_block_cannot_go_into_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], front: str, expected: str) -> None:
    index = tmp_path / "index.md"
    text = f"---\n{front}---\n\nBody\n"
    index.write_text(text, encoding="utf-8")
    assert run(PRETALX, index) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and expected in err, err
    assert index.read_text(encoding="utf-8") == text


def test_a_people_directory_that_is_not_there(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index = site_with(tmp_path, TIDAL)
    assert run(PRETALX, index, "--people", tmp_path / "nobody.yml") == 2
    assert "nobody.yml: does not exist (--people). Fix: give the path of people.yml" \
        in capsys.readouterr().err
    assert index.read_text(encoding="utf-8") == TIDAL


# ---------------------------------------------------------------------------------------------
# A bad session is reported and skipped; its neighbours are imported
# ---------------------------------------------------------------------------------------------


def test_a_room_written_twice_keeps_the_sessions_of_both(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """JSON keeps the last of a key written twice: the first room's sessions were lost."""
    first = json.dumps([_event(title="Morning")])
    second = json.dumps([_event(title="Noon", date="2024-05-11T12:00:00+02:00",
                                start="12:00")])
    text = json.dumps(_frab([])).replace('"Hall A": []',
                                         f'"Hall A": {first}, "Hall A": {second}')
    source = tmp_path / "twice.json"
    source.write_text(text, encoding="utf-8")
    index = site_with(tmp_path, TIDAL)
    assert run(source, index) == 0
    out = capsys.readouterr().out
    assert "the name 'Hall A' is written twice in one object of the file (1 time(s) more)" in out
    titles = [slot["title"] for slot in parse_front_matter(
        "page.md", index.read_text(encoding="utf-8")).meta["schedule"]]
    assert titles == ["Morning", "Noon"]


@pytest.mark.parametrize(("bad", "reported"), [
    ({"title": None}, "event 2: has no 'title'. Fix: give the session a title"),
    ({"date": "2200-05-11T10:00:00+02:00"},
     "event 2 (Bad): 'date' is '2200-05-11T10:00:00+02:00', in the year 2200. Fix: correct "
     "the year (1900 to 2199)."),
    ({"duration": "soon"}, "event 2 (Bad): 'duration' should be hours and minutes (00:45), "
     "not 'soon'."),
    ({"persons": [{"id": 7}]}, "event 2 (Bad), person 1: has no 'public_name' or 'name'."),
])
def test_one_bad_session_is_skipped_with_its_place_and_the_others_are_imported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: dict[str, Any],
        reported: str) -> None:
    events = [_event(title="Before"),
              _event(**{"title": "Bad", "date": "2024-05-11T10:00:00+02:00", "start": "10:00",
                        **bad}),
              _event(title="After", date="2024-05-11T11:00:00+02:00", start="11:00")]
    source = tmp_path / "one-bad.json"
    source.write_text(json.dumps(_frab(events)), encoding="utf-8")
    index = site_with(tmp_path, TIDAL)
    assert run(source, index) == 0
    out = capsys.readouterr().out
    assert "  not imported (1; the rest is):" in out
    assert f"    day 1 (2024-05-11), room 'Hall A', {reported}" in out
    assert "please report" not in out
    titles = [slot["title"] for slot in parse_front_matter(
        "page.md", index.read_text(encoding="utf-8")).meta["schedule"]]
    assert titles == ["Before", "After"]
    assert build(tmp_path).ok


@pytest.mark.parametrize("link", ["[slides](slides.pdf)", "[ftp](ftp://example.org/x)",
                                  "![a picture](a.png)", "[up](#anchor)"])
def test_an_abstract_the_page_would_refuse_is_left_out_and_its_session_kept(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], link: str) -> None:
    events = [_event(title="Kept", abstract=f"See {link}."),
              _event(title="Next", date="2024-05-11T11:00:00+02:00", start="11:00",
                     abstract="A plain abstract.")]
    source = tmp_path / "abstract.json"
    source.write_text(json.dumps(_frab(events)), encoding="utf-8")
    index = site_with(tmp_path, TIDAL)
    assert run(source, index) == 0
    out = capsys.readouterr().out
    assert "day 1 (2024-05-11), room 'Hall A', event 1 (Kept): its abstract is left out: " \
        in out
    assert "please report" not in out and out.count("Fix:") == 0
    slots = parse_front_matter("page.md", index.read_text(encoding="utf-8")).meta["schedule"]
    assert [(s["title"], s.get("abstract")) for s in slots] == [
        ("Kept", None), ("Next", "A plain abstract.")]
    assert build(tmp_path).ok


def test_eight_thousand_overlapping_sessions_in_many_rooms(tmp_path: Path) -> None:
    """The parallel check and the room lookup were quadratic (8,000 sessions: 32 s)."""
    events = [_event(title=f"Talk {i}", room=f"Room {i}",
                     date=f"2024-05-11T{9 + i % 8:02d}:{i % 60:02d}:00+02:00",
                     start=f"{9 + i % 8:02d}:{i % 60:02d}", duration="04:00")
              for i in range(8000)]
    data = {"schedule": {"conference": {"time_zone_name": "Europe/Vienna", "days": [
        {"date": "2024-05-11", "rooms": {f"Room {i}": [event] for i, event in
                                         enumerate(events)}}]}}}
    source = tmp_path / "big.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    index = site_with(tmp_path, TIDAL)
    report = import_schedule(source, index, dry_run=True)
    assert "8000 slot(s) on 1 day(s) (2024-05-11), 8000 room(s), 8000 slot(s) in parallel" in \
        report.lines[0]


def _two_days(second: Any) -> dict[str, Any]:
    """A program whose first day is good and whose second is ``second``."""
    data = _frab([_event(title="Kept")])
    data["schedule"]["conference"]["days"].append(second)
    return data


@pytest.mark.parametrize(("second", "reported"), [
    ({"index": 2, "date": "2024-02-30", "rooms": {}},
     "day 2: 'date' is '2024-02-30', which is not a day (YYYY-MM-DD). None of the day's sessions "
     "is imported. Fix: export the file again."),
    ("x", "day 2: the day should be an object of named fields, not 'x'. None of the day's "
     "sessions is imported."),
    ({"index": 2, "date": "2024-05-12", "rooms": [{"title": "X"}]},
     "day 2 (2024-05-12): 'rooms' should be an object of named fields, not [{title: X}]. None "
     "of the day's sessions is imported."),
    ({"index": 2, "date": "2024-05-12", "rooms": {"B": None}},
     "day 2 (2024-05-12), room 'B': the room's events should be a list, not null. None of the "
     "room's sessions is imported."),
])
def test_a_day_or_room_that_cannot_be_read_is_skipped_and_the_rest_imported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], second: Any,
        reported: str) -> None:
    source = tmp_path / "days.json"
    source.write_text(json.dumps(_two_days(second)), encoding="utf-8")
    index = site_with(tmp_path, TIDAL)
    assert run(source, index) == 0
    out = capsys.readouterr().out
    assert f"  not imported (1; the rest is):\n    {reported}" in out
    titles = [slot["title"] for slot in parse_front_matter(
        "page.md", index.read_text(encoding="utf-8")).meta["schedule"]]
    assert titles == ["Kept"]


def test_a_file_none_of_whose_sessions_can_be_read_is_refused_with_the_first_reason(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "none.json"
    source.write_text(json.dumps(_frab([_event(title=" \u2028\u3000")])), encoding="utf-8")
    index = site_with(tmp_path, TIDAL)
    before = index.read_text(encoding="utf-8")
    assert run(source, index) == 2
    err = capsys.readouterr().err
    assert err == (f"mkdocs-workshop: {source}: has no session that can be read (1 not "
                   "imported); the first: day 1 (2024-05-11), room 'Hall A', event 1: has no "
                   "'title'. Fix: give the session a title in pretalx or frab, then export "
                   "again.\n")
    assert index.read_text(encoding="utf-8") == before


SKIPPED_HOUR = """\
---
workshop:
  venue: V
  date: 2024-03-31
  timezone: Europe/Vienna
---

<< schedule() >>
"""


def test_a_time_the_clocks_skip_is_not_imported_and_said(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """02:30 on the night the clocks go forward does not exist: a frab start without a date,
    and a Sessionize wall time, are each skipped with their place; the others imported."""
    frab = tmp_path / "gap.json"
    data = _frab([{**_event(title="Night"), "date": None, "start": "02:30"},
                  {**_event(title="Morning"), "date": None, "start": "09:00"}])
    data["schedule"]["conference"]["days"][0]["date"] = "2024-03-31"
    frab.write_text(json.dumps(data), encoding="utf-8")
    sessionize = tmp_path / "gap-sessionize.json"
    sessionize.write_text(json.dumps({"sessions": [
        {"id": "1", "title": "Night", "startsAt": "2024-03-31T02:30:00",
         "endsAt": "2024-03-31T03:15:00", "roomId": 1},
        {"id": "2", "title": "Morning", "startsAt": "2024-03-31T09:00:00",
         "endsAt": "2024-03-31T09:30:00", "roomId": 1}],
        "rooms": [{"id": 1, "name": "A"}, {"id": 1, "name": "B"}],
        "speakers": [{"id": "s", "fullName": "P"}, {"id": "s", "fullName": "Q"}]}),
        encoding="utf-8")
    for source, said in [
            (frab, "day 1 (2024-03-31), room 'Hall A', event 1 (Night): 'start' is 02:30 on "
             "2024-03-31, a time that does not exist in Europe/Vienna: the clocks skip that "
             "hour."),
            (sessionize, "session 1 (Night): starts at 02:30 on 2024-03-31, a time that does "
             "not exist in Europe/Vienna, the page's zone: the clocks skip that hour.")]:
        index = site_with(tmp_path, SKIPPED_HOUR)
        assert run(source, index, "--replace") == 0
        out = capsys.readouterr().out
        assert f"  not imported (1; the rest is):\n    {said}" in out
        titles = [slot["title"] for slot in parse_front_matter(
            "page.md", index.read_text(encoding="utf-8")).meta["schedule"]]
        assert titles == ["Morning"]
        assert build(tmp_path).ok
    assert "the room id 1 is listed twice ('A' and 'B'); sessions that name it are given " \
        "the first." in out
    assert "the speaker id s is listed twice ('P' and 'Q')" in out


def test_a_front_matter_the_program_would_make_too_large_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "one.json"
    source.write_text(json.dumps(_frab([_event(title="T")])), encoding="utf-8")
    text = TIDAL.replace("---\n\n", "note: " + "a" * 4_999_800 + "\n---\n\n", 1)
    index = site_with(tmp_path, text)
    assert run(source, index) == 2
    err = capsys.readouterr().err
    assert "with the program, its front matter would be " in err
    assert "Fix: move what is not data out of the front matter" in err
    assert "please report" not in err


def test_an_escaped_half_character_in_the_file_is_said(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "half.json"
    source.write_text(json.dumps(_frab([_event(title="T")])).replace('"T"', '"T\\ud800"'),
                      encoding="utf-8")
    index = site_with(tmp_path, TIDAL)
    assert run(source, index) == 0
    assert "line 1: the text 'T\ufffd' holds an escape of half a character" in \
        capsys.readouterr().out
    assert parse_front_matter("page.md", index.read_text(encoding="utf-8")).meta[
        "schedule"][0]["title"] == "T\ufffd"
