"""Edit a Jekyll page's front matter as text, so comments and formatting survive.

Organizers keep notes and retired speakers as YAML comments; re-serializing the YAML would drop
them. Each edit here works on lines, and the result is parsed again and compared with what was
meant before it is used.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

_NAME_LINE = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?name\s*:\s*(?P<value>.+?)\s*$")
_IMAGE_LINE = re.compile(r"^(?P<head>\s*(?:-\s+)?image\s*:\s*)(?P<value>.*?)\s*$")
_ROLE = re.compile(r"^(?P<name>.*\S)\s*\((?P<role>[^()]+)\)$")
_COMMENTED_PERSON = re.compile(r"^\s*#\s*-\s+name\s*:", re.M)


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


def edit_front_matter(text: str, rosters: set[str],
                      rewrite_image: Callable[[str], str | None],
                      additions: Mapping[str, Any]) -> FrontMatterResult:
    """Drop ``layout``, split "Name (Role)", rewrite image paths, append ``additions``."""
    original = yaml.safe_load(text) or {}
    result = FrontMatterResult(text, dict(original))
    result.commented_people = len(_COMMENTED_PERSON.findall(text))
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if re.match(r"^layout\s*:", line):
            continue
        name = _NAME_LINE.match(line)
        if name and not line.lstrip().startswith("#"):
            role = _ROLE.match(_unquote(name.group("value")))
            if role:
                indent = name.group("indent") + ("  " if name.group("dash") else "")
                out.append(f"{name.group('indent')}{name.group('dash') or ''}name: "
                           f"{_yaml_scalar(role.group('name'))}")
                out.append(f"{indent}role: {_yaml_scalar(role.group('role').strip())}")
                result.roles.append(_unquote(name.group("value")))
                continue
        image = _IMAGE_LINE.match(line)
        if image and not line.lstrip().startswith("#") and image.group("value"):
            new = rewrite_image(_unquote(image.group("value")))
            if new is not None:
                line = image.group("head") + _yaml_scalar(new)
        out.append(line)
    edited = "\n".join(out).rstrip("\n") + "\n"
    if additions:
        edited += yaml.safe_dump(dict(additions), allow_unicode=True, sort_keys=False,
                                 default_flow_style=False)
    data = yaml.safe_load(edited) or {}
    problem = _compare(original, data, rosters)
    if problem:
        # Never hand over front matter that does not say what the page said.
        result.notes.append(f"front matter kept as written ({problem})")
        result.roles.clear()
        return result
    result.text, result.data = edited, data
    return result


def _compare(before: Mapping[str, Any], after: Mapping[str, Any], rosters: set[str]) -> str:
    for key in rosters:
        old, new = before.get(key), after.get(key)
        if isinstance(old, list) and (not isinstance(new, list) or len(old) != len(new)):
            return f"the roster '{key}' changed shape while editing"
    missing = [k for k in before if k != "layout" and k not in after]
    return f"lost {', '.join(missing)}" if missing else ""
