"""Reading entries: the one loop every list in front matter goes through, and its steps.

A roster, the dates, the program, the sponsors are each a list of entries. :func:`read_entries`
reads any of them the same way: the value must be a list; each entry a mapping (or, for some
kinds, a shorthand); its label found; unknown fields and text YAML read as numbers warned about;
the entry validated by the feature's model, whose errors are worded as the organizer needs them
(page, key, entry, field, fix). What differs between kinds (the words, the shorthand, a step
before validation) is given by an :class:`EntryKind`.

Also here: the other shared steps of reading data files (their text, their YAML problems) and
of Markdown fields.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from markupsafe import Markup
from pydantic import BaseModel, ValidationError

from .fields import FieldIssue, field_names
from .markup import PlainText, render_markdown
from .problems import Budget, Problems, brief, did_you_mean, kind_of
from .safeload import Loaded

M = TypeVar("M", bound=BaseModel)
MAX_FILE_BYTES = 20_000_000  # a people directory or papers file; checked before reading


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
        elif err["type"] in ("bool_type", "bool_parsing"):
            message = f"should be true or false, not {brief(err.get('input'))}."
            fix = "write true or false, without quotes."
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


def read_block(model: type[M], value: object, problems: Problems, *, key: str,
               kind: str) -> M | None:
    """A block of fields under one front-matter key (``travel:`` with ``airport:`` under it),
    read with ``model``: None without it; a value that is not a block is reported, a field the
    model does not know is warned about (``kind`` names the block: "the travel block"), and
    the model checks the rest."""
    if value is None:
        return None
    if not isinstance(value, dict):
        problems.error(f"should be a set of 'key: value' lines, not {kind_of(value)}.", key=key,
                       fix=f"write the fields of {kind} under '{key}:', one 'field: value' "
                       "per line.")
        return None
    unknown_fields(value, field_names(model), problems, key=key, entry=None, label=None,
                   kind=kind)
    return validate(model, value, problems, key=key, entry=None, label=None)


def label_of(item: Mapping[Any, Any], field_name: str) -> str | None:
    value = item.get(field_name)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return (value.strip() or None) if isinstance(value, str) else None


def read_text(path: str, problems: Problems, *, fix: str) -> str | None:
    """A data file's text (UTF-8, with or without a byte-order mark), or None if it is not
    (or is too large to be a workshop's data: its size is checked before it is read)."""
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            problems.error(f"is {size:,} bytes, more than the {MAX_FILE_BYTES:,} a workshop's "
                           "data needs; it was not read.", fix="split it, or remove what is "
                           "not data (an export of every submission, not only the accepted).")
            return None
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read()
    except UnicodeDecodeError as exc:
        problems.error(f"is not UTF-8 text (byte {exc.start}); accents would come out wrong.",
                       fix=fix)
        return None
    except OSError as exc:
        problems.error(f"could not be read ({exc.strerror or exc}).",
                       fix="check that the file exists and that you may read it.")
        return None


def markdown_field(text: str | None, problems: Problems, *, key: str, entry: int,
                   label: str, field: str, budget: Budget | None = None) -> Markup | None:
    """Markdown from a data field as safe HTML, each bad link in it reported. ``budget``: the
    page's (a page reads at most so much Markdown)."""
    if not text:
        return None
    html, issues = render_markdown(text, budget)
    for issue in issues:
        report = problems.warn if isinstance(issue, PlainText) else problems.error
        report(issue.message, key=key, entry=entry, label=label, field=field, fix=issue.fix)
    return html


def report_yaml(loaded: Loaded, problems: Problems) -> None:
    """A data file's YAML problems: why it could not be read, and keys written twice."""
    if loaded.error is not None:
        problems.error(loaded.error[0], fix=loaded.error[1])
    for key, first, second in loaded.duplicates:
        problems.warn(
            f"line {second}: '{key}' is written again (first at line {first}); YAML keeps only "
            "the last one, so what is under the first is lost.",
            fix=f"merge the two '{key}' into one, or rename one of them.",
        )
    for message, fix in loaded.half_notes():
        problems.warn(message, fix=fix)


def numbers_in_text(item: Mapping[Any, Any], fields: tuple[str, ...], problems: Problems, *,
                    key: str | None, entry: int | None, label: str | None) -> None:
    """Warn where YAML read a text field as a number: 1.10 becomes 1.1, 007 becomes 7."""
    for name in fields:
        value = item.get(name)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            problems.warn(
                f"was read as the number {brief(value)}, so it may not show as written.",
                key=key, entry=entry, label=label, field=name,
                fix=f"put the value in quotes: {name}: \"...\".",
            )


# ---------------------------------------------------------------------------------------------
# A list of entries
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryKind(Generic[M]):
    """What a feature's list of entries is: its model, its fields, and the words for it."""

    key: str  # the front-matter key ("dates"); rosters give their own
    noun: str  # "a date": for "... is not a field of a date"
    model: type[M]
    fields: tuple[str, ...]  # known fields, for the "did you mean"
    # (message, fix) for a value that is not a list, and for an entry that is not an entry.
    not_list: Callable[[object], tuple[str, str]]
    not_entry: Callable[[object], tuple[str, str]]
    label: str | None = None  # the field that names an entry ("name", "title", "what")
    text_fields: tuple[str, ...] = ()  # shown as text: warn where YAML read a number
    # The mapping an entry stands for, where it may be written in a short form
    # (``- Label: 2024-05-16``); None when it is no entry. Without it, an entry is a mapping.
    shorthand: Callable[[object], dict[str, Any] | None] | None = None


@dataclass(frozen=True)
class Entry(Generic[M]):
    index: int  # 1-based
    label: str | None
    fields: dict[str, Any]  # as written (keys as text)
    value: M


# Steps a kind may add. ``check(index, fields, label)`` runs first and says whether the entry
# is read at all (it reports why not); ``prepare(index, fields, label)`` runs just before
# validation and gives the fields to validate and the entry's label (a roster entry that names
# a person of the directory gets that person's fields), or None when it reported why not.
Check = Callable[[int, "dict[str, Any]", "str | None"], bool]
Prepare = Callable[[int, "dict[str, Any]", "str | None"],
                   "tuple[dict[str, Any], str | None] | None"]


def read_entries(value: object, kind: EntryKind[M], problems: Problems, *,
                 key: str | None = None, check: Check | None = None,
                 prepare: Prepare | None = None) -> Iterator[Entry[M]] | None:
    """Each valid entry of ``value``, as it is read (a feature's own checks on an entry come
    right after that entry's); each bad one reported where it is. None if ``value`` is not a
    list at all (reported)."""
    key = key or kind.key
    if not isinstance(value, list):
        message, fix = kind.not_list(value)
        problems.error(message, key=key, fix=fix or None)
        return None
    return _entries(value, kind, problems, key, check, prepare)


def _entries(value: list[Any], kind: EntryKind[M], problems: Problems, key: str,
             check: Check | None, prepare: Prepare | None) -> Iterator[Entry[M]]:
    for index, item in enumerate(value, start=1):
        if kind.shorthand is not None:  # it alone says what the entry means
            mapping = kind.shorthand(item)
        else:
            mapping = {str(k): v for k, v in item.items()} if isinstance(item, dict) else None
        if mapping is None:
            message, fix = kind.not_entry(item)
            problems.error(message, key=key, entry=index, fix=fix or None)
            continue
        label = label_of(mapping, kind.label) if kind.label else None
        if check is not None and not check(index, mapping, label):
            continue
        unknown_fields(mapping, kind.fields, problems, key=key, entry=index, label=label,
                       kind=kind.noun)
        numbers_in_text(mapping, kind.text_fields, problems, key=key, entry=index, label=label)
        fields: dict[str, Any] = mapping
        if prepare is not None:
            prepared = prepare(index, mapping, label)
            if prepared is None:
                continue
            fields, label = prepared
        parsed = validate(kind.model, fields, problems, key=key, entry=index, label=label)
        if parsed is not None:
            yield Entry(index, label, mapping, parsed)


__all__ = ["Entry", "EntryKind", "label_of", "markdown_field", "numbers_in_text", "read_entries",
           "read_text", "report_yaml", "unknown_fields", "validate"]
