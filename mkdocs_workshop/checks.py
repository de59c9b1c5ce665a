"""Shared steps of reading front matter and data files: validate an entry with a model, report
unknown fields with a "did you mean", and word pydantic's errors as the organizer needs them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import yaml
from markupsafe import Markup
from pydantic import BaseModel, ValidationError

from .markup import render_markdown
from .models import FieldIssue
from .problems import Problems, did_you_mean

M = TypeVar("M", bound=BaseModel)


def report(exc: ValidationError, problems: Problems, *, key: str | None, entry: int | None,
           label: str | None, line: int | None = None) -> None:
    """One problem per pydantic error, located at the entry and the field."""
    for err in exc.errors():
        loc = [str(part) for part in err["loc"]]
        field_name = ".".join(loc) if loc else None
        cause = (err.get("ctx") or {}).get("error")
        if isinstance(cause, FieldIssue):
            message, fix = cause.message, cause.fix
        elif err["type"] == "missing":
            message = "is missing."
            fix = f"add '{field_name}:' to the entry."
        elif err["type"] in ("dict_type", "mapping_type"):
            message, fix = "should be a set of 'key: value' lines.", None
        elif err["type"] in ("list_type", "tuple_type"):
            message, fix = "should be a list.", "write one '- item' per line under the key."
        else:
            message, fix = err["msg"] + ".", None
        problems.error(message, key=key, entry=entry, label=label, field=field_name, fix=fix,
                       line=line)


def unknown_fields(item: Mapping[Any, Any], known: Iterable[str], problems: Problems, *,
                   key: str | None, entry: int | None, label: str | None, kind: str) -> None:
    """Warn about every field the model does not know, since it would not be shown."""
    known = tuple(known)
    for name in item:
        if str(name) in known:
            continue
        close = did_you_mean(str(name), known)
        fix = f"did you mean '{close}'? " if close else ""
        problems.warn(
            f"is not a field of {kind}, so it is not shown.", key=key, entry=entry, label=label,
            field=str(name), fix=fix + "Known fields: " + ", ".join(known) + ".",
        )


def validate(model: type[M], item: Mapping[Any, Any], problems: Problems, *, key: str | None,
             entry: int | None, label: str | None, line: int | None = None) -> M | None:
    try:
        return model.model_validate({str(k): v for k, v in item.items()})
    except ValidationError as exc:
        report(exc, problems, key=key, entry=entry, label=label, line=line)
        return None


def label_of(item: Mapping[Any, Any], field_name: str) -> str | None:
    value = item.get(field_name)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return (value.strip() or None) if isinstance(value, str) else None


def yaml_error(exc: yaml.YAMLError, text: str, *, first_line: int = 1) -> tuple[str, str]:
    """A YAML error as (message, fix), with the line and column in the file.

    ``first_line`` is the file's line number of the text's first line (2 for front matter).
    """
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + first_line}, column {mark.column + 1}" if mark else ""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if "\t" in text:
        return (f"is not valid YAML ({problem}{where}).",
                "replace the tabs with spaces; YAML does not allow tabs for indentation.")
    return (f"is not valid YAML ({problem}{where}).",
            "check the indentation and the quotes on that line.")


def read_text(path: str, problems: Problems, *, fix: str) -> str | None:
    """A data file's text (UTF-8, with or without a byte-order mark), or None if it is not."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read()
    except UnicodeDecodeError as exc:
        problems.error(f"is not UTF-8 text (byte {exc.start}); accents would come out wrong.",
                       fix=fix)
        return None


def markdown_field(text: str | None, problems: Problems, *, key: str, entry: int,
                   label: str, field: str) -> Markup | None:
    """Markdown from a data field as safe HTML, each bad link in it reported."""
    if not text:
        return None
    html, issues = render_markdown(text)
    for issue in issues:
        problems.error(issue.message, key=key, entry=entry, label=label, field=field,
                       fix=issue.fix)
    return html


class _DuplicateKeyLoader(yaml.SafeLoader):
    """A safe loader that notes every key written twice in one mapping."""

    duplicates: list[tuple[str, int, int]]

    def construct_mapping(self, node: yaml.MappingNode,
                          deep: bool = False) -> dict[object, object]:
        seen: dict[object, int] = {}
        for key_node, _value in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith(":merge"):
                continue
            key = key_node.value
            line = key_node.start_mark.line
            if key in seen:
                self.duplicates.append((str(key), seen[key], line))
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


def duplicate_keys(text: str, *, first_line: int = 1) -> list[tuple[str, int, int]]:
    """(key, first line, second line) of each key written twice in one mapping; PyYAML keeps
    the last silently. Lines are the file's (``first_line`` is the text's first line)."""
    loader = _DuplicateKeyLoader(text)
    loader.duplicates = []
    try:
        loader.get_single_data()
    except yaml.YAMLError:
        return []  # reported as invalid YAML elsewhere
    finally:
        loader.dispose()
    found = [(key, a + first_line, b + first_line) for key, a, b in loader.duplicates]
    return sorted(found, key=lambda d: d[2])


def report_duplicates(text: str, problems: Problems, *, first_line: int = 1) -> None:
    for key, first, second in duplicate_keys(text, first_line=first_line):
        problems.warn(
            f"line {second}: '{key}' is written again (first at line {first}); YAML keeps only "
            "the last one, so what is under the first is lost.",
            fix=f"merge the two '{key}' into one, or rename one of them.",
        )


def numbers_in_text(item: Mapping[Any, Any], fields: tuple[str, ...], problems: Problems, *,
                    key: str | None, entry: int | None, label: str | None) -> None:
    """Warn where YAML read a text field as a number: 1.10 becomes 1.1, 007 becomes 7."""
    for name in fields:
        value = item.get(name)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            problems.warn(
                f"was read as the number {value!r}, so it may not show as written.",
                key=key, entry=entry, label=label, field=name,
                fix=f"put the value in quotes: {name}: \"...\".",
            )
