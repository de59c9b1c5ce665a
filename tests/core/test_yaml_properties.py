"""Property-based tests of YAML *text*: whatever an organizer, or a site someone else wrote, puts
in front matter, people.yml or a papers file, reading it ends in data or in located problems:
never an exception, never a hang, never a control character in a message."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_workshop.core.frontmatter import parse_front_matter
from mkdocs_workshop.core.problems import Severity
from mkdocs_workshop.core.safeload import LIMITS, load, load_json
from mkdocs_workshop.core.timezones import AOE
from mkdocs_workshop.features.directory import load_directory
from mkdocs_workshop.features.page import find_calls, read_page
from mkdocs_workshop.features.papers import read_paper_file

SETTINGS = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
BODY = ('<< team("speakers") >>\n\n<< dates() >>\n\n<< schedule() >>\n\n'
        '<< sponsors() >>\n')
CONTROL = "\x1b\r\n\x00\u202e"

# -- generators -----------------------------------------------------------------------------

# Date-like text YAML 1.1 would try to read as a date: many of these dates do not exist.
date_like = st.builds(lambda y, m, d, t: f"{y:04d}-{m:02d}-{d:02d}{t}",
                      st.integers(0, 9999), st.integers(0, 19), st.integers(0, 39),
                      st.sampled_from(["", " 10:00", "T25:61", " 02:30:00+02:00", "Z"]))
sexagesimal = st.builds(lambda a, b, c: f"{a}:{b:02d}" + (f":{c:02d}" if c >= 0 else ""),
                        st.integers(0, 999), st.integers(0, 59), st.integers(-1, 59))
huge_number = st.sampled_from(["1" + "0" * 5000, "-" + "9" * 4400, "1e999", "-.inf", ".nan",
                               "0x" + "f" * 300, "0o777", "1_000_000", "9" * 30])
odd_text = st.sampled_from(["yes", "no", "on", "~", "null", "'quoted'", '"a \\" b"',
                            "<< config >>", "{{ x }}", "{% raw %}", "& anchor?", "*alias?",
                            "!!binary aGk=", "!!python/object:os.system x", "? complex",
                            "\x1b[31mred", "text\u202etxet", "Europe", "GMT+2", "9999-12-31"])
scalar = st.one_of(date_like, sexagesimal, huge_number, odd_text,
                   st.text(max_size=20).map(lambda t: '"' + t.replace("\\", "\\\\")
                                            .replace('"', '\\"') + '"'))
key = st.sampled_from(["speakers", "dates", "schedule", "sponsors", "workshop", "title",
                       "page", "1", "true", "null", "~", "dates_timezone", "render_macros",
                       "2024-02-30", "[a]", "{b: c}"])
field = st.sampled_from(["name", "aff", "url", "bio", "when", "start", "end", "duration",
                         "day", "title", "what", "date", "timezone", "id", "image", "tier"])


def nested(depth: int) -> str:
    """A value nested ``depth`` levels, in flow style."""
    return "[" * depth + "x" + "]" * depth


@st.composite
def yaml_document(draw: st.DrawFn) -> str:
    """Front-matter-like YAML: mappings and lists of mappings, with hostile values, deep
    nesting and alias chains mixed in."""
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 6))):
        name = draw(key)
        kind = draw(st.sampled_from(["scalar", "list", "deep", "alias", "block"]))
        if kind == "scalar":
            lines.append(f"{name}: {draw(scalar)}")
        elif kind == "list":
            lines.append(f"{name}:")
            for _ in range(draw(st.integers(0, 3))):
                entry = [f"{draw(field)}: {draw(scalar)}" for _ in range(draw(st.integers(1, 3)))]
                lines.append("  - " + entry[0])
                lines += ["    " + e for e in entry[1:]]
        elif kind == "deep":
            lines.append(f"{name}: {nested(draw(st.integers(1, 3 * LIMITS.max_depth)))}")
        elif kind == "alias":
            width, levels = draw(st.integers(1, 12)), draw(st.integers(1, 9))
            lines.append(f"a0: &a0 [{', '.join(['x'] * width)}]")
            for level in range(1, levels):
                refs = ", ".join([f"*a{level - 1}"] * width)
                lines.append(f"a{level}: &a{level} [{refs}]")
            lines.append(f"{name}: *a{levels - 1}")
        else:
            depth = draw(st.integers(1, 80))
            lines.append(f"{name}:")
            lines += ["  " * (i + 1) + "- " for i in range(depth)]
    if draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(
            ["\t- tab", "bad: [unclosed", "- stray", "dup: 1", "dup: 2", ": nokey"])))
    return "\n".join(lines) + "\n"


# -- properties -----------------------------------------------------------------------------


def _check_messages(problems: object, page: str) -> None:
    for problem in problems:  # type: ignore[attr-defined]
        text = str(problem)
        assert not any(char in text for char in CONTROL), text
        assert len(text) < 2000
        assert text.startswith(f"{page}: "), text  # located: the page or file, first
        if problem.severity is not Severity.INFO:
            assert problem.message and problem.fix, text  # what is wrong, and the fix


@SETTINGS
@given(yaml_document())
def test_any_front_matter_text_reads_into_data_or_located_problems(text: str) -> None:
    source = f"---\n{text}---\n\n{BODY}"
    front = parse_front_matter("index.md", source)
    data = read_page("index.md", front.meta, find_calls(BODY), default_zone=AOE,
                     url_for=lambda src: None, front_problems=front.problems)
    _check_messages(data.problems, "index.md")
    assert all(isinstance(k, str) for k in front.meta)
    if front.replace:  # what MkDocs is given instead must be readable by it
        assert source[front.body_start:].startswith("\n")


@SETTINGS
@given(yaml_document())
def test_the_reader_never_builds_what_a_limit_forbids(text: str) -> None:
    loaded = load(text)
    if loaded.ok:
        assert _size(loaded.data) <= LIMITS.max_values
        assert _depth(loaded.data) <= LIMITS.max_depth + 1
    else:
        assert loaded.error is not None and loaded.error[0]


@SETTINGS
@given(date_like)
def test_a_date_like_value_is_a_date_or_the_text_as_written(value: str) -> None:
    loaded = load(f"d: {value}\n")
    assert loaded.ok, loaded.error
    read = loaded.data["d"]
    if isinstance(read, str):
        assert read == value.strip()
    else:
        assert isinstance(read, (dt.date, dt.datetime))


@SETTINGS
@given(sexagesimal)
def test_base_60_numbers_stay_text(value: str) -> None:
    assert load(f"d: {value}\n").data["d"] == value


@SETTINGS
@given(yaml_document())
def test_any_people_file_reads_into_located_problems(text: str) -> None:
    with tempfile.TemporaryDirectory() as docs:
        Path(docs, "people.yml").write_text(text, encoding="utf-8")
        directory, problems = load_directory(docs, "people.yml")
    _check_messages(problems, "people.yml")
    assert all(isinstance(k, str) for k in directory.people)


@SETTINGS
@given(yaml_document(), st.sampled_from([".yml", ".json"]))
def test_any_papers_file_reads_into_located_problems(text: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as docs:
        path = os.path.join(docs, f"p{suffix}")
        Path(path).write_text(text if suffix == ".yml" else _as_json(text), encoding="utf-8")
        found = read_paper_file(path, f"p{suffix}")
    assert found.problems is not None
    _check_messages(found.problems, f"p{suffix}")
    # Every paper read has a title; a file that gives none says why.
    assert all(entry.paper.title for entry in found.entries)
    if not found.entries and not found.left_out:
        assert any(p.severity is Severity.ERROR for p in found.problems.items)


@given(st.integers(1, 200_000))
@settings(max_examples=25, deadline=None)
def test_json_depth_is_checked_before_reading(depth: int) -> None:
    loaded = load_json("[" * depth + "]" * depth)
    assert loaded.ok == (depth <= LIMITS.max_depth)


# -- helpers --------------------------------------------------------------------------------


def _as_json(text: str) -> str:
    """Something JSON-shaped from the YAML text: brackets and strings, often invalid."""
    return text.replace(": ", '": "').replace("- ", '{"')


def _size(value: object) -> int:
    seen = 0
    stack = [value]
    while stack:
        item = stack.pop()
        seen += 1
        if seen > LIMITS.max_values:
            return seen
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return seen


def _depth(value: object) -> int:
    deepest = 0
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return deepest


def _texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in _texts(k) + _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


_HALVES = st.lists(st.sampled_from(["a", "\\ud800", "\\udfff", "\\ud83d\\ude00", "\\u00e9",
                                    "\\uDBFF", " "]), max_size=8).map("".join)


@SETTINGS
@given(_HALVES, _HALVES)
def test_an_escaped_half_character_is_replaced_and_said_never_kept(key: str,
                                                                  value: str) -> None:
    """A text with "\\ud800" alone (which no page, feed or file can be written with) reads as
    U+FFFD, with its line; two halves of one character read as that character."""
    for loaded in (load(f'x: 1\n"{key}": ["{value}"]\n'),
                   load_json(f'{{"x": 1,\n"{key}": ["{value}"]}}')):
        assert loaded.ok, loaded.error
        texts = _texts(loaded.data)
        for text in texts:
            text.encode("utf-8")  # never a half character left
        replaced = [t for t in texts if "\ufffd" in t]
        assert len(loaded.halves) == len(replaced)
        assert all(line == 2 for line, _text in loaded.halves)
        for message, fix in loaded.half_notes():
            assert message.startswith("line 2: the text '") and fix
    assert "\U0001f600" in _texts(load('a: "\\ud83d\\ude00"\n').data)[1]
