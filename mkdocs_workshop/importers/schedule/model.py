"""A program as the readers of other tools' files give it, before it becomes ``schedule:`` slots,
and the one error every reader and the writer raise.

Every reader (:mod:`.frab`, :mod:`.sessionize`) turns its format into a :class:`Program`: the
sessions, each at its instant (or at a wall-clock time with no offset, for Sessionize), in the
room it happens in. Everything about the file that cannot be read raises :class:`Refused`
with where it is (day, room, event) and how to fix it; nothing is written then.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ...core.problems import Refused, brief, excerpt
from ...core.safeload import JsonObject

# What a file may weigh before it is read: a program of thousands of sessions is a few MB.
MAX_BYTES = 20_000_000


def read_text_file(path: Path, *, larger: str, what: str, not_utf8: str) -> str:
    """A file's text, as it is (a BOM and line ends kept), at most ``MAX_BYTES``; refused with
    its fix when it is larger (``larger`` ends the message), missing, a folder, not UTF-8, or
    unreadable. ``what`` names what the command wants there, for the fix."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device: reading might never end
            raise Refused("is not a regular file (a pipe or a device).",
                          f"save it as a file first, then give the path of {what}.")
        with path.open("rb") as handle:  # at most MAX_BYTES, whatever stat said
            data = handle.read(MAX_BYTES + 1)
        if info.st_size > MAX_BYTES or len(data) > MAX_BYTES:
            raise Refused(f"is larger than {MAX_BYTES // 1_000_000} MB{larger}.",
                          f"give the command {what} alone.")
    except FileNotFoundError:
        raise Refused("does not exist.", f"give the path of {what}.") from None
    except IsADirectoryError:
        raise Refused("is a folder.", f"give the path of a file: {what}.") from None
    except OSError as exc:
        raise Refused(f"cannot be read ({exc.strerror}).",
                      "check the path and its permissions.") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refused(f"is not UTF-8 text (byte {exc.start}).", not_utf8) from None


@dataclass(frozen=True)
class Session:
    """One session of the file, as the file has it."""

    title: str
    start: datetime  # with its UTC offset; without one (Sessionize) a wall-clock time
    end: datetime | None
    room: str | None
    room_order: int  # the room's place in the file's list of rooms, for parallel rows
    kind: str | None  # the file's session type, as written ("Talk", "Workshop")
    speakers: tuple[str, ...]
    abstract: str | None
    url: str | None
    where: str  # for messages: "day 2 (2024-05-12), room 'Hall B', event 3 (Keynote)"


@dataclass
class Program:
    """What a reader found in a file."""

    format: str  # "pretalx/frab JSON", "frab XML", "Sessionize view/All JSON"
    zone: str | None  # the file's time zone, as it names it (time_zone_name)
    sessions: list[Session] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was read but is not written
    skipped: list[str] = field(default_factory=list)  # sessions not imported: where, why, fix
    first: Refused | None = None  # the first of them, for a file none of whose can be read

    def skip(self, refused: Refused, *, whole: str | None = None) -> None:
        """One session (or ``whole`` day, room) that cannot be read: reported with its place,
        its neighbours kept."""
        if whole:
            refused = Refused(f"{refused.message} None of {whole}'s sessions is imported.",
                              refused.fix, refused.where)
        self.first = self.first or refused
        self.skipped.append(refused.line("").removeprefix(": "))


@dataclass(frozen=True)
class Format:
    name: str  # in the report: "pretalx/frab schedule.json"
    syntax: str  # "json" or "xml": what the file is, by its first character
    shape: str  # what a file of it is: "a Sessionize view/All export (an object with ...)"
    export: str  # how to get one: "Sessionize's API view 'All' as JSON"
    detect: Callable[[Any], bool]  # given the parsed JSON, or the XML text
    read: Callable[[Any], Program]  # given the same; raises Refused


# ---------------------------------------------------------------------------------------------
# Values of a file, checked one by one
# ---------------------------------------------------------------------------------------------


def mapping(value: object, what: str, where: str | None, fix: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise Refused(f"{what} should be an object of named fields, not {brief(value)}.",
                      fix, where)
    return value


def pairs(value: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """A JSON object's fields as the file writes them: a key written twice (two rooms of the
    same name) keeps both its values."""
    return list(value.pairs) if isinstance(value, JsonObject) else list(value.items())


def listing(value: object, what: str, where: str | None, fix: str) -> list[Any]:
    if not isinstance(value, list):
        raise Refused(f"{what} should be a list, not {brief(value)}.", fix, where)
    return value


def text(value: object, what: str, where: str | None) -> str | None:
    """A text field: a string (blank is none), a number as its digits; anything else refused."""
    if value is None or value is False:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise Refused(f"'{what}' should be text, not {brief(value)}.",
                      f"write '{what}' as a string in the file, or export it again.",
                      where)
    cleaned = characters(value).strip()
    return cleaned or None


def characters(value: str) -> str:
    """Text a page can hold: no control characters but line breaks and tabs, no lone
    surrogates (which no file can store)."""
    return "".join(
        "\ufffd" if 0xD800 <= ord(char) <= 0xDFFF else char for char in value
        if char.isprintable() or char in "\n\t\r\x0b\x0c\x85\u2028\u2029"
        or 0xD800 <= ord(char) <= 0xDFFF)


_STAMP_OFFSET = re.compile(r"(?:Z|[+-]\d{2}:?\d{2})$", re.I)


def moment(value: object, what: str, where: str | None) -> datetime:
    """An ISO 8601 date and time, with or without its UTC offset (``Z``, ``+02:00``, ``+0200``)."""
    if not isinstance(value, str) or not value.strip():
        raise Refused(f"'{what}' should be a date and time (2024-05-11T09:00:00+02:00), "
                      f"not {brief(value)}.", "export the file again.", where)
    stamp = value.strip()
    offset = _STAMP_OFFSET.search(stamp)
    if offset:  # Python 3.10 reads neither Z nor +0200
        written = offset.group(0).upper()
        if written == "Z":
            written = "+00:00"
        elif ":" not in written:
            written = written[:3] + ":" + written[3:]
        stamp = stamp[: offset.start()] + written
    try:
        parsed = datetime.fromisoformat(stamp.replace(" ", "T", 1))
    except ValueError:
        raise Refused(f"'{what}' is '{excerpt(value)}', which is not a date and time.",
                      "write it as 2024-05-11T09:00:00+02:00, or export the file again.",
                      where) from None
    offset_delta = parsed.utcoffset()
    if offset_delta is not None and not timedelta(hours=-12) <= offset_delta \
            <= timedelta(hours=14):
        raise Refused(f"'{what}' is '{excerpt(value)}', whose UTC offset is not one "
                      "on Earth.", "offsets go from -12:00 to +14:00.", where)
    if not 1900 <= parsed.year <= 2199:
        raise Refused(f"'{what}' is '{excerpt(value)}', in the year {parsed.year}.",
                      "correct the year (1900 to 2199).", where)
    return parsed


_DURATION = re.compile(r"(\d{1,3}):([0-5]\d)(?::([0-5]\d))?")


def duration(value: object, what: str, where: str | None) -> timedelta:
    """A frab duration: ``HH:MM`` (or ``H:MM:SS``)."""
    match = _DURATION.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise Refused(f"'{what}' should be hours and minutes (00:45), not {brief(value)}.",
                      "write the duration as HH:MM, or export the file again.", where)
    length = timedelta(hours=int(match.group(1)), minutes=int(match.group(2)),
                       seconds=int(match.group(3) or 0))
    if length > timedelta(days=7):
        raise Refused(f"'{what}' is {value}, longer than a week.",
                      "correct the duration (HH:MM).", where)
    return length


def label(title: str | None) -> str:
    """`` (Title)`` for a message, cut short; nothing without a title."""
    return f" ({excerpt(title, 60)})" if title else ""
