"""A corpus of bad input: each case is a tiny site, the outcome it must have, the words its
message must contain, and the valid entries beside the bad one that must still be shown.

When a warning lets the site build, the survivors are looked for in the HTML; when an error
stops the build (no HTML is written then), in what the plugin read of the page, which is what
it would render once the error is fixed.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from mkdocs_workshop.features import schedule as schedule_feature
from mkdocs_workshop.features.dates import ITEMS
from mkdocs_workshop.features.sponsors import TIERS
from mkdocs_workshop.features.team import ROSTERS

from sitekit import Built, page, photo

SiteFn = Callable[..., Built]
OK = "Valid Neighbour"  # a valid person beside the bad one, in every roster case
EVIL = '<script>alert("x")</script></script><img src=x onerror=alert(1)>'


@dataclass
class Case:
    id: str
    front: dict[str, Any] | str
    body: str
    outcome: str  # "error", "warning" or "ok"
    words: str  # in a message of the plugin (for "ok": in the page's HTML)
    files: dict[str, str | bytes] = field(default_factory=dict)
    survivors: tuple[str, ...] = ()  # valid neighbours that must still be shown


def roster(*entries: Any) -> dict[str, Any]:
    return {"speakers": [*entries, {"name": OK, "aff": "Example University"}]}


TEAM = '<< team("speakers") >>'
DATES = "<< dates() >>"
SCHEDULE = "<< schedule() >>"
W = {"venue": "ICML 2024", "date": "2024-07-16", "timezone": "Europe/Vienna"}

CASES = [
    # -- YAML --------------------------------------------------------------------------------
    Case("tab indentation", "speakers:\n  - name: A\n\taff: MIT\n", TEAM, "error",
         "front matter is not valid YAML"),
    Case("unclosed quote", 'speakers:\n  - name: "Ada\n  - name: Valid Neighbour\n', TEAM,
         "error", "front matter is not valid YAML"),
    Case("duplicate roster key", f"speakers:\n  - name: Lost\nspeakers:\n  - name: {OK}\n",
         TEAM, "warning", "'speakers' is written again (first at line 2)", survivors=(OK,)),
    Case("duplicate field", f"speakers:\n  - name: {OK}\n    aff: MIT\n    aff: Harvard\n",
         TEAM, "warning", "line 5: 'aff' is written again (first at line 4)",
         survivors=(OK,)),
    Case("front matter is a list", "- name: A\n- name: B\n", "Hi", "error",
         "the front matter is a list, not a set of 'key: value' lines"),
    # -- rosters ------------------------------------------------------------------------------
    Case("roster is a mapping", {"speakers": {"name": "A"}}, TEAM, "error",
         "'speakers': is a mapping, but a roster is a list of people."),
    Case("roster is a string", {"speakers": "Ada, Alan"}, TEAM, "error",
         "'speakers': should be a list of people, not the text 'Ada, Alan'."),
    Case("entry is a string", roster("Ada Lovelace"), TEAM, "error",
         "'speakers', entry 1: is the text 'Ada Lovelace', not a person.", survivors=(OK,)),
    Case("entry is a number", roster(42), TEAM, "error", "'speakers', entry 1: is a number",
         survivors=(OK,)),
    Case("missing name", roster({"aff": "MIT"}), TEAM, "error",
         "'speakers', entry 1, field 'name': is missing.", survivors=(OK,)),
    Case("empty name", roster({"name": "   "}), TEAM, "error",
         "'speakers', entry 1, field 'name': is empty.", survivors=(OK,)),
    Case("yes as a name", "speakers:\n  - name: yes\n  - name: Valid Neighbour\n", TEAM,
         "error", "should be text, not the true/false value true.", survivors=(OK,)),
    Case("number as a name", roster({"name": 2024}), TEAM, "warning",
         "'speakers', entry 1 (2024), field 'name': was read as the number 2024",
         survivors=(OK, "2024")),
    Case("float as text", roster({"name": "Ada", "topic": 1.10}), TEAM, "warning",
         "field 'topic': was read as the number 1.1", survivors=(OK,)),
    Case("unknown roster", roster(), '<< team("Speakers") >>', "error",
         "names the roster 'Speakers', which this page does not have. Fix: did you mean "
         "team(\"speakers\")?"),
    Case("typo in a field", roster({"name": "Ada", "afff": "MIT"}), TEAM, "warning",
         "field 'afff': is not a field of a person, so it is not shown. Fix: did you mean "
         "'aff'?", survivors=(OK, "Ada")),
    Case("typo in name", roster({"nmae": "Ada"}), TEAM, "error",
         "'speakers', entry 1, field 'name': is missing.", survivors=(OK,)),
    Case("aff and affiliation", roster({"name": "Ada", "aff": "A", "affiliation": "B"}), TEAM,
         "warning", "has both 'aff' and 'affiliation'", survivors=(OK, "Ada")),
    Case("links not a mapping", roster({"name": "Ada", "links": ["https://x.org"]}), TEAM,
         "error", "field 'links': should be a set of 'key: value' lines.", survivors=(OK,)),
    Case("bad link", roster({"name": "Ada", "links": {"github": "javascript:x"}}), TEAM,
         "error", "field 'links.github': 'javascript:x' uses the 'javascript:' scheme",
         survivors=(OK,)),
    Case("bad focus", roster({"name": "Ada", "focus": "up"}), TEAM, "error",
         "field 'focus': 'up' is not a focal point.", survivors=(OK,)),
    Case("same person twice", roster({"name": "Ada"}, {"name": "Ada"}), TEAM, "warning",
         "entry 2 (Ada): is the same person as entry 1 (Ada).", survivors=(OK,)),
    Case("unknown layout", roster(), '<< team("speakers", layout="cards") >>', "error",
         "asks for layout 'cards'."),
    # -- links and images --------------------------------------------------------------------
    Case("javascript url", roster({"name": "Ada", "url": "javascript:alert(1)"}), TEAM,
         "error", "'javascript:alert(1)' uses the 'javascript:' scheme", survivors=(OK,)),
    Case("data url", roster({"name": "Ada", "url": "data:text/html,<b>x</b>"}), TEAM, "error",
         "uses the 'data:' scheme", survivors=(OK,)),
    Case("protocol-relative url", roster({"name": "Ada", "url": "//evil.example"}), TEAM,
         "error", "'//evil.example' has no scheme (a protocol-relative link).",
         survivors=(OK,)),
    Case("url without scheme", roster({"name": "Ada", "url": "www.example.org"}), TEAM,
         "error", "Fix: write it with its scheme: 'https://www.example.org'.", survivors=(OK,)),
    Case("javascript in a bio", roster({"name": "Ada", "bio": "[x](javascript:alert(1))"}),
         TEAM, "error", "field 'bio': 'javascript:alert(1)' uses the", survivors=(OK,)),
    Case("data image", roster({"name": "Ada", "image": "data:image/png;base64,AAAA"}), TEAM,
         "error", "field 'image': 'data:image/png;base64,AAAA' uses the 'data:' scheme",
         survivors=(OK,)),
    Case("image outside docs", roster({"name": "Ada", "image": "../../secret"}), TEAM,
         "error", "field 'image': '../../secret' points outside the docs folder.",
         survivors=(OK,)),
    Case("missing image", roster({"name": "Ada", "image": "ada.png"}), TEAM, "warning",
         "'ada.png' was not found", survivors=(OK, "Ada")),
    Case("image that is not one", roster({"name": "Ada", "image": "ada.png"}), TEAM,
         "warning", "'ada.png' is not an image Pillow can read", files={"docs/ada.png": "text"},
         survivors=(OK, "Ada")),
    # -- markup everywhere -------------------------------------------------------------------
    Case("markup in every person field", roster({
        "name": EVIL, "aff": EVIL, "interest": EVIL, "topic": EVIL, "role": EVIL, "bio": EVIL}),
        TEAM, "ok", html.escape(EVIL, quote=False), survivors=(OK,)),
    Case("markup in the workshop block", {"title": "An edition", "workshop": {
        "venue": EVIL, "date": "2024-07-16", "location": EVIL}}, "Hi", "ok",
        "application/ld+json"),
    Case("markup in the page title", {"title": EVIL, "speakers": [{"name": OK}]}, TEAM,
         "warning", "'title': contains HTML markup", survivors=(OK,)),
    Case("markup in dates, program and sponsors", {
        "workshop": W, "dates": [{EVIL: "2024-07-01"}],
        "schedule": [{"start": "09:00", "end": "10:00", "title": EVIL, "location": EVIL}],
        "sponsors": [{"name": EVIL, "tier": EVIL, "blurb": EVIL}]},
        f"{DATES}\n\n{SCHEDULE}\n\n<< sponsors() >>", "ok", html.escape(EVIL, quote=False)),
    # -- dates -------------------------------------------------------------------------------
    Case("impossible date", {"dates": [{"Deadline": "2024-02-30"}, {OK: "2024-03-01"}]}, DATES,
         "error", "'2024-02-30' is not a date that exists.", survivors=(OK,)),
    Case("ambiguous date", {"dates": [{"Deadline": "03/04/2024"}, {OK: "2024-03-01"}]}, DATES,
         "error", "'03/04/2024' is ambiguous", survivors=(OK,)),
    Case("free-text date", {"dates": [{"Deadline": "May 16, 2024"}, {OK: "2024-03-01"}]},
         DATES, "error", "Fix: write it as 2024-05-16.", survivors=(OK,)),
    Case("end before start", {"dates": [{"what": "Bidding", "start": "2024-10-18",
                                         "end": "2024-10-16"}, {OK: "2024-10-20"}]}, DATES,
         "error", "ends (2024-10-16) before it starts (2024-10-18).", survivors=(OK,)),
    Case("unknown entry zone", {"dates": [{"what": "D", "when": "2024-05-01",
                                           "timezone": "Mars/Olympus"}, {OK: "2024-05-02"}]},
         DATES, "error", "'Mars/Olympus' is not a time zone I know.", survivors=(OK,)),
    Case("unknown page zone", {"dates_timezone": "PST8", "dates": [{OK: "2024-05-02"}]}, DATES,
         "error", "'dates_timezone': 'PST8' is not a time zone I know.", survivors=(OK,)),
    Case("date after the workshop", {"workshop": W, "dates": [
        {"Bidding": "2024-10-16"}, {OK: "2024-07-01"}]}, DATES, "warning",
        "is after the workshop (2024-07-16", survivors=(OK, "Bidding")),
    Case("dates out of order", {"dates": [{"B": "2024-06-11"}, {OK: "2024-05-16"}]}, DATES,
         "warning", "is listed after 'B' (2024-06-11) but comes before it.",
         survivors=(OK, ">B<")),
    Case("date first", "dates:\n  - 2022-02-28: Submission Date\n  - Valid Neighbour: "
         "2022-03-01\n", DATES, "error", "is written date first", survivors=(OK,)),
    Case("dates is a mapping", {"dates": {"Deadline": "2024-05-01"}}, DATES, "error",
         "'dates': should be a list of dates."),
    Case("dates without dates", {"title": "X"}, DATES, "error",
         "is used, but the page has no 'dates:' list."),
    # -- program -----------------------------------------------------------------------------
    Case("slot ends before it starts", {"workshop": W, "schedule": [
        {"start": "11:45 PM", "end": "12:15 PM", "title": "Talk"},
        {"start": "8:00 AM", "end": "9:00 AM", "title": OK}]}, SCHEDULE, "warning",
        "'schedule', entry 1 (Talk): ends (12:15) before it starts (23:45).",
        survivors=(OK, "Talk")),
    Case("not a time", {"workshop": W, "schedule": [
        {"start": "25:00", "title": "Talk"}, {"start": "09:00", "title": OK}]}, SCHEDULE,
        "error", "field 'start': '25:00' is not a time of day.", survivors=(OK,)),
    Case("overlapping slots", {"workshop": W, "schedule": [
        {"start": "09:00", "end": "10:00", "title": OK},
        {"start": "09:30", "end": "10:30", "title": "Panel"}]}, SCHEDULE, "warning",
        "overlaps 'Valid Neighbour' (09:00", survivors=(OK, "Panel")),
    Case("a day for some slots only", {"schedule": [
        {"start": "09:00", "title": "Talk"}, {"day": "2024-05-11", "start": "10:00",
                                             "title": "Panel"}]},
         SCHEDULE, "error", "has no day."),
    # -- people directory --------------------------------------------------------------------
    Case("unknown id", roster({"id": "max-wellng"}), TEAM, "error",
         "'max-wellng' is not in the people directory (people.yml). Fix: did you mean "
         "'max-welling'?", files={"docs/people.yml": "max-welling:\n  name: Max Welling\n"},
         survivors=(OK,)),
    Case("id without a directory", roster({"id": "max-welling"}), TEAM, "error",
         "Fix: create people.yml in the docs folder", survivors=(OK,)),
    Case("directory not YAML", roster(), TEAM, "error", "people.yml: is not valid YAML",
         files={"docs/people.yml": "max:\n  name: Max\n\tbad: x\n"}),
    Case("directory id twice", roster({"id": "max"}), TEAM, "warning",
         "people.yml: line 3: 'max' is written again (first at line 1)",
         files={"docs/people.yml": "max:\n  name: Max Old\nmax:\n  name: Max Welling\n"},
         survivors=(OK, "Max Welling")),
    Case("directory bad url", roster(), TEAM, "error",
         "people.yml: 'max' (Max), field 'url': 'ftp://x' uses the 'ftp:' scheme",
         files={"docs/people.yml": "max:\n  name: Max\n  url: ftp://x\n"}),
    # -- papers ------------------------------------------------------------------------------
    Case("papers file missing", {"title": "P"}, '<< papers("accepted.csv") >>', "error",
         "the file 'accepted.csv' was not found"),
    Case("papers file empty", {"title": "P"}, '<< papers("p.yml") >>', "error",
         "p.yml: is empty.", files={"docs/p.yml": ""}),
    Case("papers wrong shape", {"title": "P"}, '<< papers("p.json") >>', "error",
         "p.json: should hold a list of papers, but it is a number.", files={"docs/p.json": "3"}),
    Case("papers stray quote", {"title": "P"}, '<< papers("p.csv") >>', "error",
         "p.csv: is not valid CSV", files={"docs/p.csv": 'title\n"Broken\nFine\n'}),
    Case("papers in Latin-1", {"title": "P"}, '<< papers("p.csv") >>', "error",
         "p.csv: is not UTF-8 text",
         files={"docs/p.csv": "title,authors\nT,Gábor Csányi\n".encode("latin-1")}),
    # -- sponsors and editions ---------------------------------------------------------------
    Case("sponsor without a name", {"sponsors": [{"tier": "Gold"}, {"name": OK}]},
         "<< sponsors() >>", "error", "'sponsors', entry 1, field 'name': is missing.",
         survivors=(OK,)),
    Case("unknown attendance", {"workshop": {**W, "attendance": "somewhat"}}, "Hi", "error",
         "attendance 'somewhat' is not one I know."),
    # -- YAML that PyYAML itself fails on, or reads wrongly ------------------------------------
    Case("impossible date unquoted", "dates:\n  - Deadline: 2024-02-30\n"
         "  - Valid Neighbour: 2024-03-01\n", DATES, "error",
         "'dates', entry 1 (Deadline), field 'when': '2024-02-30' is not a date that exists.",
         survivors=(OK,)),
    Case("impossible month unquoted in the workshop block",
         "workshop:\n  venue: ICML\n  date: 2024-13-01\n", "Hi", "error",
         "'workshop', field 'date': '2024-13-01' is not a date that exists."),
    Case("impossible date in people.yml", roster({"id": "ada"}), TEAM, "ok", "2024-02-30",
         files={"docs/people.yml": "ada:\n  name: Ada\n  interest: 2024-02-30\n"},
         survivors=(OK, "Ada")),
    Case("impossible date in a papers file", {"title": "P"}, '<< papers("p.yml") >>', "ok",
         "2024-02-30", files={"docs/p.yml": "- title: Paper One\n  decision: Poster\n"
                              "- title: 2024-02-30\n  decision: Poster\n"}),
    Case("year 9999", {"dates": [{"Deadline": "9999-12-31"}, {OK: "2024-03-01"}]}, DATES,
         "error", "'9999-12-31' is in the year 9999, which no workshop is in.",
         survivors=(OK,)),
    Case("year 9999 unquoted in a slot", f"workshop: {{date: 2024-07-16, timezone: UTC}}\n"
         "schedule:\n  - start: 9999-12-31 10:00\n    title: Talk\n"
         f"  - start: '11:00'\n    title: {OK}\n", SCHEDULE, "error",
         "is in the year 9999", survivors=(OK,)),
    Case("huge duration", {"workshop": W, "schedule": [
        {"start": "09:00", "duration": 10**20, "title": "Talk"},
        {"start": "10:00", "title": OK}]}, SCHEDULE, "error",
        "field 'duration': '100000000000000000000' minutes is longer than a week.",
        survivors=(OK,)),
    Case("duration in base 60", "workshop: {date: 2024-07-16, timezone: Europe/Vienna}\n"
         "schedule:\n  - start: '09:00'\n    duration: 1:30:00\n    title: Long talk\n",
         SCHEDULE, "ok", '<time datetime="2024-07-16T10:30+02:00">10:30</time>'),
    Case("deep nesting", "speakers: " + "[" * 5000 + "]" * 5000 + "\n", TEAM, "error",
         "the front matter nests lists and mappings more than 64 levels deep (line 2)."),
    Case("alias bomb in the front matter", "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 10) + "]\n"
        for i in range(8)) + "speakers: *i\n", TEAM, "error",
         "the front matter expands to more than 500,000 values through its aliases"),
    Case("alias bomb in people.yml", roster(), TEAM, "error",
         "people.yml: expands to more than 500,000 values through its aliases",
         files={"docs/people.yml": "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
             f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 10) + "]\n"
             for i in range(8))}),
    Case("alias bomb in a papers file", {"title": "P"}, '<< papers("p.yml") >>', "error",
         "p.yml: expands to more than 500,000 values through its aliases",
         files={"docs/p.yml": "papers: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
             f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 10) + "]\n"
             for i in range(8))}),
    Case("deep JSON papers file", {"title": "P"}, '<< papers("p.json") >>', "error",
         "p.json: nests lists and objects more than 64 levels deep (line 1).",
         files={"docs/p.json": "[" * 100_000 + "]" * 100_000}),
    Case("a number too long for Python", {"title": "P"}, '<< papers("p.json") >>', "ok",
         "Paper One", files={"docs/p.json": '[{"title": "Paper One", "n": 1' + "0" * 5000
                             + "}]"}),
    # -- front-matter keys that mkdocs-macros cannot take ------------------------------------
    Case("key that is a number", f"1: one\nspeakers:\n  - name: {OK}\n", TEAM, "error",
         "the front-matter key 1 is a number, not a name", survivors=(OK,)),
    Case("key that is true", f"true: yes\nspeakers:\n  - name: {OK}\n", TEAM, "error",
         "the front-matter key true is a true/false value", survivors=(OK,)),
    Case("key that is null", f"null: x\nspeakers:\n  - name: {OK}\n", TEAM, "error",
         "the front-matter key null is empty", survivors=(OK,)),
    Case("page key", {"page": "x", **roster()}, TEAM, "error",
         "'page': mkdocs-macros gives each page the variable 'page'", survivors=(OK,)),
    Case("ignore_macros key", {"ignore_macros": True, **roster()}, TEAM, "error",
         "'ignore_macros': mkdocs-macros refuses this key", survivors=(OK,)),
    Case("render_macros as text", {"render_macros": "no", **roster()}, TEAM, "warning",
         "'render_macros': should be true or false", survivors=(OK,)),
    Case("title that is a number", f"title: 1.10\nspeakers:\n  - name: {OK}\n", TEAM,
         "warning", "'title': was read as the number 1.1", survivors=(OK,)),
    Case("title that is yes", f"title: yes\nspeakers:\n  - name: {OK}\n", TEAM, "error",
         "'title': should be text, not the true/false value true.", survivors=(OK,)),
    Case("title on two lines with dates and program", "title: |\n  AI for Science:\n"
         "  a second line\nworkshop: {date: 2024-07-16, timezone: Europe/Vienna}\n"
         "dates:\n  - Deadline: 2024-05-01\nschedule:\n  - start: '09:00'\n"
         "    title: Talk\n", f"{DATES}\n\n{SCHEDULE}", "ok", "Add to calendar (.ics)"),
    # -- time zones ---------------------------------------------------------------------------
    Case("zone that is a region", {"dates_timezone": "Europe", "dates": [{OK: "2024-05-02"}]},
         DATES, "error", "'Europe' is a region, not a time zone: write a zone in it, such as "
         "Europe/London", survivors=(OK,)),
    Case("zone US", {"workshop": {"date": "2024-07-16", "timezone": "US"}}, "Hi", "error",
         "such as America/New_York, America/Chicago, America/Los_Angeles."),
    Case("offset as a zone", {"dates": [{"what": "D", "when": "2024-05-01",
                                         "timezone": "GMT+2"}, {OK: "2024-05-02"}]}, DATES,
         "error", "'GMT+2' is an offset (UTC+02:00), not a time zone.", survivors=(OK,)),
    Case("slot time with an offset", {"workshop": W, "schedule": [
        {"start": "08:50+05:00", "end": "09:20+05:00", "title": "Remote talk"},
        {"start": "10:00", "title": OK}]}, SCHEDULE, "warning",
        "08:50 UTC+05:00 is 05:50 on 2024-07-16 in Europe/Vienna, the page's zone",
        survivors=(OK, '<time datetime="2024-07-16T05:50+02:00">05:50</time>')),
    Case("slot in the hour the clocks skip", {"workshop": {**W, "date": "2024-03-31"},
                                              "schedule": [{"start": "02:30", "title": "T"},
                                                           {"start": "09:00", "title": OK}]},
         SCHEDULE, "warning", "02:30 on 2024-03-31 does not exist in Europe/Vienna: the "
         "clocks skip it. It could mean 03:30 UTC+02:00 (01:30 UTC) or 01:30 UTC+01:00 "
         "(00:30 UTC); it is shown as 03:30.", survivors=(OK,)),
    Case("slot in the hour the clocks repeat", {"workshop": {**W, "date": "2024-10-27"},
                                                "schedule": [{"start": "02:30", "title": "T"},
                                                             {"start": "09:00", "title": OK}]},
         SCHEDULE, "warning", "02:30 on 2024-10-27 happens twice in Europe/Vienna, when the "
         "clocks go back: at UTC+02:00 (00:30 UTC) or at UTC+01:00 (01:30 UTC)",
         survivors=(OK,)),
    Case("deadline in the hour the clocks skip", {"dates_timezone": "America/New_York",
                                                  "dates": [{"what": "D",
                                                             "when": "2024-03-10 02:30"},
                                                            {OK: "2024-05-02"}]}, DATES,
         "warning", "field 'when': 02:30 on 2024-03-10 does not exist in America/New_York",
         survivors=(OK,)),
    # -- cost and messages --------------------------------------------------------------------
    Case("lists nested thousands deep in a bio", roster({"name": "Ada", "bio": "- " * 3000
                                                         + "x"}), TEAM, "warning",
         "field 'bio': nests lists, quotes or indentation 3000 levels deep (more than 12), too "
         "intricate to read as Markdown: it is shown as plain text.", survivors=(OK, "Ada")),
    Case("thousands of [ in a bio", roster({"name": "Ada", "bio": "[" * 20_000}), TEAM,
         "warning", "has 20,000 '[' (more than 300)", survivors=(OK, "Ada")),
    Case("control characters in a label", {"dates": [
        {"D\x1b[31mRED\nFAKE LINE": "2024-02-30"}, {OK: "2024-03-01"}]}, DATES, "error",
        "entry 1 (D\\x1b[31mRED\\nFAKE LINE), field 'when'", survivors=(OK,)),
    Case("papers file by absolute path", {"title": "P"}, '<< papers("/etc/hosts.csv") >>',
         "error", "'/etc/hosts.csv' points outside the docs folder."),
    # -- what an outside attack found ----------------------------------------------------------
    Case("an alias that refers to itself", f"speakers: &a [*a]\nOrganizers:\n  - name: {OK}\n",
         '<< team("Organizers") >>', "error", "the front matter refers to itself: the alias *a "
         "at line 2 stands inside what its anchor &a marks"),
    Case("a hexadecimal number of 5,000 digits", "x: 0x" + "f" * 5000 + f"\nspeakers:\n"
         f"  - name: {OK}\n", TEAM, "ok", OK),
    Case("an unclosed JSON string of escaped quotes", {"title": "P"}, '<< papers("p.json") >>',
         "error", "p.json: is not valid JSON (Unterminated string",
         files={"docs/p.json": '"' + '\\"' * 60_000 + "[]" * 65}),
    Case("underlines thousands of lines long in a bio", roster({"name": "Ada",
                                                                "bio": "\n=" * 9990}),
         TEAM, "warning", "has 9,990 lines (more than 200), too intricate to read as Markdown",
         survivors=(OK, "Ada")),
    Case("an e-mail address in a bio", roster({"name": "Ada", "bio": "Write to "
                                               "<ada@example.org>."}), TEAM, "ok",
         "&#97;&#100;&#97;&#64;", survivors=(OK,)),
    Case("a column written twice in a papers CSV", {"title": "P"}, '<< papers("p.csv") >>',
         "warning", "p.csv: line 1: has the column 'authors' twice (columns 2 and 3): the "
         "first is read.", files={"docs/p.csv": "title,authors,authors\nPaper One,Ada,\n"},
         survivors=("Paper One", "Ada")),
    Case("group_by that is a list", {"title": "P"}, '<< papers("p.csv", group_by=["x"]) >>',
         "error", "groups by ['x'], which is not the name of a field.",
         files={"docs/p.csv": "title\nPaper One\n"}),
    Case("a macro given arguments it does not take", roster(), '<< team("speakers", foo=1) >>',
         "error", 'team("speakers", foo=1): does not fit team(roster, layout="grid").'),
    Case("a macro without its argument", roster(), "<< team() >>", "error",
         'team(): does not fit team(roster, layout="grid").'),
    Case("search that is not a mapping", {"search": True, **roster()}, TEAM, "error",
         "'search': should be a set of 'key: value' lines", survivors=(OK,)),
    Case("hide that is a number", {"hide": 1, **roster()}, TEAM, "error",
         "'hide': should be a list of what to hide", survivors=(OK,)),
    Case("an icon the theme does not have", {"icon": "nope", **roster()}, TEAM, "error",
         "'icon': 'nope' is not an icon of the theme or of custom_dir.", survivors=(OK,)),
    Case("a template the theme does not have", {"template": "nope.html", **roster()}, TEAM,
         "error", "'template': 'nope.html' is not a template of the theme", survivors=(OK,)),
    # Material writes these into the <head> unescaped, as HTML: the head gets their text,
    # escaped (head.py).
    Case("a description that would break out of its tag", {
        "description": '"><script>alert(2)</script>', **roster()}, TEAM, "ok",
        '<meta name="description" content="&#34;&gt;alert(2)">', survivors=(OK,)),
    Case("an author that would break out of its tag", {
        "author": "x\" onmouseover=\"alert(3)", **roster()}, TEAM, "ok",
        '<meta name="author" content="x&#34; onmouseover=&#34;alert(3)">', survivors=(OK,)),
    Case("a title that would close the title", {  # (the head's copy: test_head.py)
        "title": "T</title><script>alert(4)</script>", **roster()}, TEAM, "warning",
        "'title': contains HTML markup, and MkDocs and Material show a page title as HTML",
        survivors=(OK,)),
    Case("markup in a subtitle", {"subtitle": "<b>x</b>", **roster()}, TEAM, "warning",
         "'subtitle': contains HTML markup, which Material shows as HTML in the navigation",
         survivors=(OK,)),
    # -- what a second outside attack found -----------------------------------------------------
    Case("a roster under a key Material prints", {"description": [
        {"name": EVIL}, {"name": OK}]}, '<< team("description") >>', "error",
         "'description': is a list, but Material writes this key into the page as text, "
         "without escaping", survivors=(OK,)),
    Case("a mapping under status", {"status": {"a": EVIL}, **roster()}, TEAM, "error",
         "'status': is a mapping, but Material writes this key", survivors=(OK,)),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_corpus(site: SiteFn, case: Case) -> None:
    built = site({"index.md": page(case.front, case.body)}, files=case.files)
    messages = built.workshop(level=20 if case.outcome == "ok" else 30)
    assert not any("Traceback" in m for m in built.messages())
    assert not any(char in m for m in built.workshop(level=20) for char in "\x1b\n\r"), \
        "a value's control characters reached the build log"
    if case.outcome == "error":
        assert not built.ok, messages
        assert any(case.words in m for m in built.workshop(level=40)), messages
        shown = _read_names(built)
    elif case.outcome == "warning":
        assert built.ok, built.messages()
        assert any(case.words in m for m in built.workshop(level=30)), messages
        shown = built.html()
        assert not build_strict(site, case).ok
    else:
        assert built.ok, built.messages()
        assert built.workshop(level=30) == []
        shown = built.html()
        assert case.words in shown
        _no_raw_markup(shown)
    for survivor in case.survivors:
        assert survivor in shown, (survivor, case.id)


def build_strict(site: SiteFn, case: Case) -> Built:
    return site({"index.md": page(case.front, case.body)}, files=case.files, strict=True)


def _read_names(built: Built) -> str:
    """What the plugin read of the page: the entries it would show once the error is fixed."""
    try:
        data = built.page_data()
    except (KeyError, AttributeError):
        return ""
    names = [card.person.name for cards in data.get(ROSTERS).values() for card in cards]
    names += [item.what for item in data.get(ITEMS) or []]
    if data.get(schedule_feature.SCHEDULE):
        names += [slot.slot.title for slot in data.get(schedule_feature.SCHEDULE).slots]
    for tier in data.get(TIERS) or []:
        names += [s.name for s in tier.sponsors]
    return "\n".join(names)


def _no_raw_markup(html_text: str) -> None:
    body = html_text.split('<div class="md-content"', 1)[-1]
    assert 'alert("x")</script>' not in body.replace("<script>alert", "")
    assert "<img src=x" not in body
    assert "onerror=alert(1)>" not in body.replace("&gt;", "")


def test_a_page_not_in_utf8(site: SiteFn) -> None:
    built = site({"index.md": "---\ntitle: Café\n---\n\nHi\n"},
                 files={"docs/index.md": "---\ntitle: Café\n---\n\nHi\n".encode("latin-1")})
    assert not built.ok
    assert "index.md: line 2: the file is not UTF-8 text (byte 14, 0xe9). Fix: save it as " \
        "UTF-8" in (built.failure or "")
    assert not any("Traceback" in m for m in built.messages())


def test_a_roster_of_ten_thousand_people(site: SiteFn) -> None:
    people = [{"name": f"Person {i:05d}", "aff": f"University {i % 97}"} for i in range(10_000)]
    built = site({"index.md": page({"speakers": people}, TEAM)}, strict=True)
    assert built.ok, built.messages()
    html_text = built.html()
    assert html_text.count('<article class="workshop-person"') == 10_000
    assert "Person 00000" in html_text and "Person 09999" in html_text


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) + 2 >= 110
    assert {c.outcome for c in CASES} == {"error", "warning", "ok"}


def test_a_real_photo_beside_a_broken_one(site: SiteFn) -> None:
    built = site({"index.md": page(roster({"name": "Ada", "image": "ada.png"},
                                          {"name": "Bob", "image": "bob.png"}), TEAM)},
                 files={"docs/ada.png": photo(), "docs/bob.png": b"not an image"})
    assert built.ok
    html_text = built.html()
    assert html_text.count('<img class="workshop-avatar"') == 1
    assert 'aria-hidden="true">B</span>' in html_text
    assert textwrap.dedent(OK) in html_text
