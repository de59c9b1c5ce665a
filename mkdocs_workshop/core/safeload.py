"""YAML and JSON as organizers and other people's sites write them, read without a traceback
or a hang.

Every YAML text the package reads (page front matter, ``people.yml``, papers files, a Jekyll
site's pages and ``_config.yml``) goes through :func:`load`, and every JSON text through
:func:`load_json`:

- **Limits, checked before anything is built.** One pass over libyaml's event stream (no
  recursion, stopped as soon as a limit is crossed) measures how deep the text nests and how
  many values its aliases (``*name``) expand to. libyaml's own composer recurses in C and ends
  the process on a few tens of thousands of ``[``; a "billion laughs" of aliases builds
  quickly but makes every later loop (and every error message) endless. The text's size is
  bounded too.
- **Values kept as written where YAML 1.1 would change them silently.** An unquoted date that
  does not exist (``2024-02-30``, ``2024-13-01``) makes PyYAML raise ``ValueError``; here it is
  the text ``"2024-02-30"``, which the model that expects a date then reports where it is
  written. Base-60 numbers are off: ``1:30:00`` is that text, not 5400, and ``9:30`` is
  ``"9:30"``. An integer too long for Python to convert stays text.
- **Keys written twice** in one mapping are reported (YAML keeps the last silently).
- **Messages** name the line and column, and never quote more than a short excerpt.

JSON has no aliases, and no dates: :func:`load_json` checks size and depth (Python's own
reader recurses), and keeps a number too long to convert as text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import excerpt

if yaml.__with_libyaml__:  # libyaml: the parser MkDocs uses for front matter, and much faster
    from yaml import CSafeLoader as _SafeLoader
else:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]


@dataclass(frozen=True)
class Limits:
    max_chars: int = 5_000_000  # about 5 MB of text
    max_depth: int = 64  # lists and mappings inside each other
    max_values: int = 500_000  # values once every alias is expanded


LIMITS = Limits()


@dataclass
class Loaded:
    """What a YAML text holds, and what was wrong with it."""

    data: Any = None
    ok: bool = True  # False: nothing could be read (invalid YAML, or over a limit)
    error: tuple[str, str] | None = None  # (message, fix) when not ok
    over_limit: bool = False  # not read because of a limit (depth, aliases, size)
    not_dates: list[str] = field(default_factory=list)  # date-like values kept as text
    not_numbers: list[str] = field(default_factory=list)  # integers too long, kept as text
    # (key, line of the first, line of the second) for each key written twice
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)
    # JSON: each key written twice in one object (JSON keeps the last; JsonObject.pairs has
    # both), in the order read
    repeated: list[str] = field(default_factory=list)
    # (line, text as kept) for each text that held half of a character (an escape such as
    # "\\ud800" alone), which no page, file or feed can hold: each half is kept as U+FFFD
    halves: list[tuple[int, str]] = field(default_factory=list)

    def half_notes(self) -> list[tuple[str, str]]:
        """(message, fix) for each text that held half a character."""
        return [(f"line {line}: the text '{excerpt(value, 40)}' holds an escape of half a "
                 "character (\\uD800 to \\uDFFF without its other half), which no page can "
                 "show; it is kept as \ufffd.",
                 "write the character itself, or both halves of its escape.")
                for line, value in self.halves]


def whole_characters(text: str) -> str:
    """``text`` with each pair of escaped halves joined into its character and each half
    left alone replaced by U+FFFD."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


_HALF = re.compile("[\ud800-\udfff]")


class JsonObject(dict[str, Any]):
    """A JSON object as Python reads it (the last of a key written twice), with every
    ``pairs`` as written, so that a reader can take both values of a key written twice."""

    pairs: list[tuple[str, Any]]


# Python writes integers of at most 4,300 decimal digits (sys.get_int_max_str_digits); a
# larger one read in hex, octal or binary would fail wherever it is printed.
_MAX_INT_BITS = 14_000


class _Limit(Exception):
    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.message, self.fix = message, fix


def _check_events(text: str, limits: Limits, first_line: int, loader: Any) -> None:
    """Depth and expanded size, from the event stream: raise _Limit at the first excess."""
    depth = 0
    total = 0  # values read so far, every alias expanded
    # One counter per open collection (its values, aliases expanded), to size its anchor.
    sizes: list[int] = [0]
    open_anchors: list[str | None] = []
    anchors: dict[str, int] = {}
    event: Any
    for event in yaml.parse(text, Loader=loader):
        kind = type(event)
        if kind is yaml.ScalarEvent:
            added = 1
            if event.anchor:
                anchors[event.anchor] = 1
        elif kind is yaml.AliasEvent:
            if event.anchor in open_anchors:
                line = event.start_mark.line + first_line
                raise _Limit(
                    f"refers to itself: the alias *{excerpt(str(event.anchor), 40)} at line "
                    f"{line} stands inside what its anchor &{excerpt(str(event.anchor), 40)} "
                    "marks, so the value would never end.",
                    "write the value out, or point the alias at something outside it.")
            added = anchors.get(event.anchor, 1)
        elif kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
            depth += 1
            if depth > limits.max_depth:
                line = event.start_mark.line + first_line
                raise _Limit(
                    f"nests lists and mappings more than {limits.max_depth} levels deep "
                    f"(line {line}).",
                    "write the data flat: a list of entries, each with its fields.")
            total += 1
            sizes.append(1)
            open_anchors.append(event.anchor)
            continue
        elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
            depth -= 1
            size = sizes.pop()
            anchor = open_anchors.pop()
            if anchor:
                anchors[anchor] = size
            sizes[-1] += size
            continue
        else:
            continue
        sizes[-1] += added
        total += added
        if total > limits.max_values:
            raise _Limit(
                f"expands to more than {limits.max_values:,} values through its aliases "
                "(*name), which no workshop needs: it would take forever to read.",
                "write the entries out, or use fewer aliases.")


class _Keeping(yaml.constructor.SafeConstructor):
    """What PyYAML's safe loader would fail on or change, kept as text (a mixin of the
    loaders below: the same rules with libyaml and without)."""

    not_dates: list[str]
    not_numbers: list[str]
    duplicates: list[tuple[str, int, int]]
    halves: list[tuple[int, str]]
    first_line: int

    def construct_yaml_str(self, node: yaml.ScalarNode) -> Any:
        value = super().construct_yaml_str(node)
        if isinstance(value, str) and _HALF.search(value):
            value = whole_characters(value)
            if _HALF.search(value) is None and "\ufffd" not in value:
                return value  # two halves of one character: the character
            self.halves.append((node.start_mark.line + self.first_line, value))
        return value

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            value = str(node.value)
            self.not_dates.append(value)
            return value

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        value = str(node.value)
        if ":" in value:  # YAML 1.1 base 60: 1:30:00 would be 5400
            return value
        try:
            number = super().construct_yaml_int(node)
        except ValueError:  # more digits than Python converts
            self.not_numbers.append(value)
            return value
        if isinstance(number, int) and number.bit_length() > _MAX_INT_BITS:
            # 0x followed by thousands of f: read, but Python cannot write it in decimal.
            self.not_numbers.append(value)
            return value
        return number

    def construct_yaml_float(self, node: yaml.ScalarNode) -> Any:
        value = str(node.value)
        if ":" in value:
            return value
        return super().construct_yaml_float(node)

    def construct_mapping(self, node: yaml.MappingNode,
                          deep: bool = False) -> dict[Any, Any]:
        seen: dict[object, int] = {}
        for key_node, _value in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith(":merge"):
                continue
            key = key_node.value
            line = key_node.start_mark.line + self.first_line
            if key in seen:
                self.duplicates.append((str(key), seen[key], line))
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


class _Loader(_Keeping, _SafeLoader):
    """libyaml's parser: fast, with limits of its own."""


class _PureLoader(_Keeping, yaml.SafeLoader):
    """PyYAML's pure-Python parser: slow, without limits of its own (and without recursion:
    the composer recurses, but only once the text is known to nest at most max_depth)."""


_KEPT: dict[str, Any] = {"tag:yaml.org,2002:timestamp": _Keeping.construct_yaml_timestamp,
                         "tag:yaml.org,2002:int": _Keeping.construct_yaml_int,
                         "tag:yaml.org,2002:float": _Keeping.construct_yaml_float,
                         "tag:yaml.org,2002:str": _Keeping.construct_yaml_str}
for _tag, _method in _KEPT.items():
    _Loader.add_constructor(_tag, _method)
    _PureLoader.add_constructor(_tag, _method)


def yaml_error(exc: yaml.YAMLError, text: str, *, first_line: int = 1) -> tuple[str, str]:
    """A YAML error as (message, fix), with the line and column in the file.

    ``first_line`` is the file's line number of the text's first line (2 for front matter).
    """
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + first_line}, column {mark.column + 1}" if mark else ""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    problem = excerpt(str(problem), 120)
    if "\t" in text:
        return (f"is not valid YAML ({problem}{where}).",
                "replace the tabs with spaces; YAML does not allow tabs for indentation.")
    return (f"is not valid YAML ({problem}{where}).",
            "check the indentation and the quotes on that line.")


def load(text: str, *, first_line: int = 1, limits: Limits = LIMITS) -> Loaded:
    """Read ``text``; ``first_line`` is its first line's number in the file.

    The limits are the plugin's, whatever the YAML library accepts or refuses: libyaml has
    limits of its own, which change between releases (PyYAML 6.0.4 bundles a libyaml that
    refuses a thousand levels of nesting, and reads ahead of the events it gives, so it
    refuses before the events reach ours). When libyaml refuses a text, PyYAML's pure-Python
    parser, which has no limit of its own, reads it again: a limit of ours crossed is what the
    message says, a text it reads is read, and otherwise libyaml's message stands.
    """
    result = Loaded()
    if len(text) > limits.max_chars:
        result.ok, result.over_limit = False, True
        result.error = (f"is {len(text):,} characters long, more than the {limits.max_chars:,} "
                        "a workshop's data needs.", "split it, or remove what is not data.")
        return result
    try:
        _read(text, limits, first_line, result, _Loader)
    except _Limit as limit:
        return _over(limit)
    except yaml.YAMLError as refused:
        if not yaml.__with_libyaml__:  # pragma: no cover - the pure parser answered already
            return _invalid(refused, text, first_line)
        again = Loaded()
        try:
            _read(text, limits, first_line, again, _PureLoader)
        except _Limit as limit:
            return _over(limit)
        except yaml.YAMLError:
            return _invalid(refused, text, first_line)
        except (ValueError, TypeError, OverflowError, RecursionError) as exc:  # defensive
            return _unreadable(exc)
        return again
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:  # defensive
        return _unreadable(exc)
    return result


def _read(text: str, limits: Limits, first_line: int, result: Loaded, loader: Any) -> None:
    """Check the limits on the event stream, then build the data into ``result``."""
    _check_events(text, limits, first_line, loader)
    reader = loader(text)
    reader.not_dates = result.not_dates
    reader.not_numbers = result.not_numbers
    reader.duplicates = result.duplicates
    reader.halves = result.halves
    reader.first_line = first_line
    try:
        result.data = reader.get_single_data()
    finally:
        reader.dispose()
    result.duplicates.sort(key=lambda d: d[2])
    result.halves.sort(key=lambda h: h[0])


def _over(limit: _Limit) -> Loaded:
    return Loaded(ok=False, over_limit=True, error=(limit.message, limit.fix))


def _invalid(exc: yaml.YAMLError, text: str, first_line: int) -> Loaded:
    return Loaded(ok=False, error=yaml_error(exc, text, first_line=first_line))


def _unreadable(exc: Exception) -> Loaded:
    return Loaded(ok=False, error=(f"could not be read ({excerpt(str(exc), 120)}).",
                                   "check the values on the lines you changed last."))


# A string (closed or not: an unclosed one runs to the end, so no quote is scanned twice), or a
# bracket.
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]')


def load_json(text: str, *, limits: Limits = LIMITS) -> Loaded:
    """Read a JSON text, within the same limits as YAML."""
    result = Loaded()
    if len(text) > limits.max_chars:
        result.ok, result.over_limit = False, True
        result.error = (f"is {len(text):,} characters long, more than the {limits.max_chars:,} "
                        "a workshop's data needs.", "split it, or remove what is not data.")
        return result
    if text.count("[") + text.count("{") > limits.max_depth:
        depth = 0
        for token in _JSON_TOKENS.finditer(text):
            char = token.group(0)
            if char in "[{":
                depth += 1
                if depth > limits.max_depth:
                    line = text.count("\n", 0, token.start()) + 1
                    result.ok, result.over_limit = False, True
                    result.error = (
                        f"nests lists and objects more than {limits.max_depth} levels deep "
                        f"(line {line}).", "write the data flat: a list of entries.")
                    return result
            elif char in "]}":
                depth -= 1
    def pairs(written: list[tuple[str, Any]]) -> JsonObject:
        found = JsonObject(written)
        found.pairs = written
        if len(found) < len(written):
            seen: set[str] = set()
            for key, _value in written:
                if key in seen:
                    result.repeated.append(key)
                seen.add(key)
        return found

    try:
        result.data = json.loads(text, parse_int=_json_int, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        result.ok = False
        result.error = (f"is not valid JSON ({exc.msg} at line {exc.lineno}, column "
                        f"{exc.colno}).", "check the commas and quotes there; export the file "
                        "again if unsure.")
    except (ValueError, RecursionError) as exc:  # defensive: the checks above should hold
        result.ok = False
        result.error = (f"could not be read ({excerpt(str(exc), 120)}).",
                        "export the file again.")
    else:
        if _JSON_HALF.search(text):
            result.data = _whole_json(result.data, text, result)
    return result


# An escaped half of a character in a JSON text (\ud800 to \udfff), and one left alone: a
# first half not followed by a second, a second not after a first.
_JSON_HALF = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_JSON_LONE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
                        r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def _whole_json(data: Any, text: str, result: Loaded) -> Any:
    """``data`` with each text that holds half a character made whole (see
    :func:`whole_characters`), each noted with the line of the first such escape left alone
    in the text."""
    lines = [text.count("\n", 0, m.start()) + 1 for m in _JSON_LONE.finditer(text)]

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            if not _HALF.search(value):
                return value
            whole = whole_characters(value)
            if "\ufffd" in whole and "\ufffd" not in value:
                line = lines[min(len(result.halves), len(lines) - 1)] if lines else 1
                result.halves.append((line, whole))
            return whole
        if isinstance(value, JsonObject):
            written = [(walk(k), walk(v)) for k, v in value.pairs]
            found = JsonObject(written)
            found.pairs = written
            return found
        if isinstance(value, dict):
            return {walk(k): walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    return walk(data)


def _json_int(text: str) -> int | str:
    try:
        return int(text)
    except ValueError:  # more digits than Python converts
        return text
