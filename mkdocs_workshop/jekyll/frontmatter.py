"""Edit a Jekyll page's front matter as text, so comments and formatting survive.

Organizers keep notes and retired speakers as YAML comments; re-serializing the YAML would drop
them. Each edit here works on lines, and the result is read again (with the limits of
:mod:`mkdocs_workshop.safeload`, then as MkDocs reads it) and compared with what was meant
before it is used. When the edited text does not say what was meant, the original text gets
only the edits that must be made (a title made safe, the dates); when even that fails, the data
is written out again by YAML, without its comments, and the report says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml
from mkdocs.utils.meta import YAML_RE

from ..problems import excerpt
from ..safeload import load

_NAME_LINE = re.compile(r"^(?P<indent>[ \t]*)(?P<dash>-[ \t]+)?name[ \t]*:[ \t]*(?P<value>.+)$")
_IMAGE_LINE = re.compile(r"^(?P<head>[ \t]*(?:-[ \t]+)?image[ \t]*:[ \t]*)(?P<value>.*)$")
_ROLE = re.compile(r"^(?P<name>.*\S)\s*\((?P<role>[^()]+)\)$")
_COMMENTED_PERSON = re.compile(r"^[ \t]*#[ \t]*-[ \t]+name[ \t]*:", re.M)
_TITLE_LINE = re.compile(r"title[ \t]*:")

if yaml.__with_libyaml__:  # what MkDocs reads front matter with
    from yaml import CSafeLoader as _MkDocsLoader
else:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _MkDocsLoader  # type: ignore[assignment]


@dataclass
class FrontMatterResult:
    text: str
    data: dict[str, Any]
    roles: list[str] = field(default_factory=list)  # "Marinka Zitnik (Moderator)"
    commented_people: int = 0
    notes: list[str] = field(default_factory=list)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _yaml_scalar(value: str) -> str:
    """A value as YAML would read it back unchanged."""
    dumped = yaml.safe_dump(value, allow_unicode=True, width=10_000).strip()
    return dumped.removesuffix("\n...").strip()


def _title_line(title: str) -> str:
    """``title: "..."`` on one line, whatever the title holds."""
    dumped = yaml.safe_dump(title, default_style='"', allow_unicode=True, width=2**30)
    return f"title: {dumped.strip()}"


def mkdocs_problem(text: str) -> str:
    """Why MkDocs would not read ``text`` as this front matter, or "". MkDocs needs the block
    to end where it should and its own YAML reader (libyaml, no limits) to read a mapping from
    it; otherwise it shows the block as the page's text, and mkdocs-macros renders it."""
    match = YAML_RE.match(f"---\n{text}---\n")
    if match is None or match.group(1) != text:
        return "a line of it would end the front matter early"
    loaded = load(text)  # the limits first: libyaml's own reader can crash on deep nesting
    if not loaded.ok:
        return "it could not be read again"
    if not isinstance(loaded.data, dict):
        return "it holds no 'key: value' line"
    try:
        if not isinstance(yaml.load(text, Loader=_MkDocsLoader), dict):
            return "MkDocs' YAML reader reads it differently"
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
        return f"MkDocs' YAML reader fails on it ({excerpt(str(exc), 80)})"
    return ""


def _quote_unreadable(text: str) -> tuple[str, list[str]]:
    """``text`` with the plain values MkDocs' YAML reader fails on (a date that does not
    exist, a number too long to convert) in quotes, and those values. ``text`` is within
    safeload's limits."""
    resolve: Callable[..., str] = yaml.resolver.Resolver().resolve  # the stubs leave it untyped
    constructor = yaml.constructor.SafeConstructor()
    spans: list[tuple[int, int, str]] = []
    for event in yaml.parse(text, Loader=_MkDocsLoader):
        if not isinstance(event, yaml.ScalarEvent) or event.style or event.tag:
            continue
        assert event.start_mark is not None and event.end_mark is not None
        tag = resolve(yaml.ScalarNode, event.value, (True, False))
        if not tag.endswith((":timestamp", ":int")):
            continue
        try:
            constructor.construct_object(yaml.ScalarNode(tag, event.value))
        except (ValueError, OverflowError, yaml.YAMLError):
            spans.append((event.start_mark.index, event.end_mark.index, event.value))
    pieces: list[str] = []
    last = 0
    for start, end, value in spans:
        pieces += [text[last:start], _yaml_scalar(value)]
        last = end
    pieces.append(text[last:])
    return "".join(pieces), [value for _start, _end, value in spans]


def edit_front_matter(text: str, original: Mapping[Any, Any], rosters: set[str],
                      rewrite_image: Callable[[str], str | None],
                      additions: Mapping[str, Any], *,
                      title: str | None = None) -> FrontMatterResult:
    """Drop ``layout``, split "Name (Role)", rewrite image paths, set ``title`` (if given),
    append ``additions``. ``original`` is what ``text`` holds (read with safeload)."""
    result = FrontMatterResult(text, dict(original))
    result.commented_people = len(_COMMENTED_PERSON.findall(text))
    edited, roles = _edit_lines(text, rewrite_image)
    problem = _attempt(edited, original, rosters, additions, title, result)
    if not problem:
        result.roles = roles
        return result
    # Never hand over front matter that does not say what the page said.
    second = _attempt(text, original, rosters, additions, title, result)
    if not second:
        changed = " but for the title" if title is not None else ""
        result.notes.append(f"front matter kept as written{changed} ({problem})")
        return result
    data = {k: v for k, v in original.items() if k != "layout"}
    if title is not None:
        data["title"] = title
    data.update(additions)
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if _attempt(dumped, original, rosters, {}, title, result):
        result.text, result.data = "", {}
        result.notes.append(f"front matter left out: it could not be written so that MkDocs "
                            f"reads it ({second})")
    else:
        result.notes.append(f"front matter written again by YAML, without its comments: as "
                            f"written, MkDocs would not read it ({second})")
    return result


def _edit_lines(text: str, rewrite_image: Callable[[str], str | None]) -> tuple[str, list[str]]:
    roles: list[str] = []
    out: list[str] = []
    for line in text.split("\n"):
        if re.match(r"^layout\s*:", line):
            continue
        stripped = line.rstrip()
        name = _NAME_LINE.match(stripped)
        if name and not line.lstrip().startswith("#"):
            role = _ROLE.match(_unquote(name.group("value")))
            if role:
                indent = name.group("indent") + ("  " if name.group("dash") else "")
                out.append(f"{name.group('indent')}{name.group('dash') or ''}name: "
                           f"{_yaml_scalar(role.group('name'))}")
                out.append(f"{indent}role: {_yaml_scalar(role.group('role').strip())}")
                roles.append(_unquote(name.group("value")))
                continue
        image = _IMAGE_LINE.match(stripped)
        if image and not line.lstrip().startswith("#") and image.group("value"):
            new = rewrite_image(_unquote(image.group("value")))
            if new is not None:
                line = image.group("head") + _yaml_scalar(new)
        out.append(line)
    return "\n".join(out).rstrip("\n") + "\n", roles


def _replace_title(text: str, title: str) -> str:
    """``text`` with its top-level ``title:`` (and the lines that continue it) replaced."""
    lines = text.rstrip("\n").split("\n")
    for i, line in enumerate(lines):
        if not _TITLE_LINE.match(line):
            continue
        end = i + 1
        while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t"):
            end += 1
        while end > i + 1 and not lines[end - 1].strip():  # blank lines after it stay
            end -= 1
        lines[i:end] = [_title_line(title)]
        return "\n".join(lines) + "\n"
    return text.rstrip("\n") + "\n" + _title_line(title) + "\n"


def _attempt(text: str, original: Mapping[Any, Any], rosters: set[str],
             additions: Mapping[str, Any], title: str | None,
             result: FrontMatterResult) -> str:
    """Make ``text`` the result if, with the title and additions, it says what was meant;
    else say why not (and leave the result alone)."""
    if title is not None:
        text = _replace_title(text, title)
    if additions:
        text = (text.rstrip("\n") + "\n" if text.strip() else "") + yaml.safe_dump(
            dict(additions), allow_unicode=True, sort_keys=False, default_flow_style=False)
    loaded = load(text, first_line=2)
    if loaded.ok and loaded.data is None and not additions:  # comments only, or nothing:
        text = text.rstrip("\n") + "\n{}\n"  # MkDocs would show the block as text
        loaded = load(text, first_line=2)
    if not loaded.ok:
        return "the edited text could not be read again"
    if not isinstance(loaded.data, dict):
        return "it holds no 'key: value' line"
    data: dict[Any, Any] = loaded.data
    problem = _compare(original, data, rosters)
    if not problem and title is not None and data.get("title") != title:
        problem = "the title could not be replaced"
    if problem:
        return problem
    problem = mkdocs_problem(text)
    if problem:
        quoted, values = _quote_unreadable(text)
        if not values or mkdocs_problem(quoted):
            return problem
        text = quoted
        for value in values:
            result.notes.append(f"'{excerpt(value, 40)}' written in quotes: MkDocs' YAML "
                                "reader fails on it as it was written")
    result.text, result.data = text, data
    return ""


def _compare(before: Mapping[Any, Any], after: Mapping[Any, Any], rosters: set[str]) -> str:
    for key in rosters:
        old, new = before.get(key), after.get(key)
        if isinstance(old, list) and (not isinstance(new, list) or len(old) != len(new)):
            return f"the roster '{excerpt(key, 40)}' changed shape while editing"
    missing = [str(k) for k in before if k != "layout" and k not in after]
    return f"lost {excerpt(', '.join(missing), 120)}" if missing else ""
