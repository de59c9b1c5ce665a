"""Fields as organizers write them: text, links, images, focal points, dates, time zones.

Each ``to_*`` function reads one value as YAML gave it and returns what the page uses, or raises
:class:`FieldIssue` with the message and the fix to tell the organizer. The annotated types
(``Text``, ``Link``, ``When``, ...) put them into the pydantic models of the features (see
:mod:`mkdocs_workshop.features`), with the JSON Schema an editor sees. :class:`Model` is the
base of those models.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import (
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    WithJsonSchema,
)

from .problems import kind_of
from .timezones import UnknownTimezone, Zone, resolve_zone


class FieldIssue(ValueError):
    """A value that cannot be used, with the fix to tell the organizer."""

    def __init__(self, message: str, fix: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix


# ---------------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------------

_YAML_BOOL_FIX = (
    "YAML reads an unquoted yes, no, true, false, on or off as a true/false value: "
    "put the text in quotes."
)


def _describe(value: object) -> str:
    return kind_of(value)


def to_text(value: object) -> str | None:
    """Front-matter text: stripped, empty becomes None; numbers and dates are kept as written."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise FieldIssue(f"should be text, not {_describe(value)}.", _YAML_BOOL_FIX)
    if isinstance(value, (int, float, date)):
        value = value.isoformat() if isinstance(value, date) else str(value)
    if not isinstance(value, str):
        raise FieldIssue(
            f"should be text, not {_describe(value)}.",
            "write the value on the same line as the key, as one piece of text.",
        )
    return value.strip() or None


def to_required_text(value: object) -> str:
    text = to_text(value)
    if text is None:
        raise FieldIssue("is empty.", "write a value after the colon, or remove the entry.")
    return text


# Words organizers write for a place or a time they do not know yet: shown as written where
# they stand alone (the header), left out of a sentence ("Held on May 1 in To be announced.").
_PLACEHOLDER = re.compile(
    r"(?:tb[adc]|to be (?:announced|determined|decided|confirmed)|unknown|n/?a|none"
    r"|[-?\u2013\u2014]+)", re.I)


def is_placeholder(text: str | None) -> bool:
    """``True`` for "TBA", "To be announced", "TBD", "?" and the like: no place or time yet."""
    if text is None:
        return True
    return _PLACEHOLDER.fullmatch(text.strip().rstrip(".!").strip()) is not None


Text = Annotated[str | None, BeforeValidator(to_text),
                WithJsonSchema({"type": ["string", "null"]})]
RequiredText = Annotated[str, BeforeValidator(to_required_text),
                         WithJsonSchema({"type": "string", "minLength": 1})]

# ---------------------------------------------------------------------------------------------
# Links
# ---------------------------------------------------------------------------------------------

_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def to_link(value: object) -> str | None:
    """A link a reader may follow: http(s) or mailto, nothing else."""
    text = to_text(value)
    if text is None:
        return None
    # Browsers ignore tabs, newlines and control characters inside a scheme ("java\tscript:").
    squeezed = _INVISIBLE.sub("", text)
    if squeezed.startswith("//"):
        raise FieldIssue(
            f"'{text}' has no scheme (a protocol-relative link).",
            f"write it in full: 'https:{squeezed}'.",
        )
    parts = urlsplit(squeezed)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        if not parts.netloc:
            raise FieldIssue(f"'{text}' has no host name.", "write it as https://host/path.")
        return text
    if scheme == "mailto":
        if not parts.path:
            raise FieldIssue(f"'{text}' has no address.", "write it as mailto:name@example.org.")
        return text
    if not scheme:
        if "@" in squeezed and "/" not in squeezed:
            raise FieldIssue(f"'{text}' is not a link.", f"write it as 'mailto:{squeezed}'.")
        raise FieldIssue(
            f"'{text}' is not a full web address.", f"write it with its scheme: 'https://{squeezed}'."
        )
    raise FieldIssue(
        f"'{text}' uses the '{scheme}:' scheme, which is not allowed in a link.",
        "use an address that starts with https://, http:// or mailto:.",
    )


def to_image(value: object) -> str | None:
    """An image: a path inside the docs folder, or an http(s) address."""
    text = to_text(value)
    if text is None:
        return None
    squeezed = _INVISIBLE.sub("", text)
    scheme = urlsplit(squeezed).scheme.lower()
    if squeezed.startswith("//"):
        raise FieldIssue(
            f"'{text}' has no scheme (a protocol-relative address).",
            f"write it in full: 'https:{squeezed}'.",
        )
    # A one-letter "scheme" is a Windows drive (C:\...), which is a path.
    if scheme and len(scheme) > 1 and scheme not in ("http", "https"):
        raise FieldIssue(
            f"'{text}' uses the '{scheme}:' scheme, which is not allowed for an image.",
            "give a path to an image file in the docs folder, or an https:// address.",
        )
    return text


_FOCUS_WORDS = {"center": (0.5, 0.5), "centre": (0.5, 0.5), "top": (0.5, 0.0),
                "bottom": (0.5, 1.0), "left": (0.0, 0.5), "right": (1.0, 0.5)}


def to_focus(value: object) -> tuple[float, float] | None:
    """Where to centre a square crop: ``top``, ``50%, 30%``, ``0.5, 0.3`` or ``[0.5, 0.3]``."""
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() in _FOCUS_WORDS:
        return _FOCUS_WORDS[value.strip().lower()]
    parts = value if isinstance(value, list) else str(value).replace(";", ",").split(",")
    if len(parts) == 2:
        try:
            numbers = [float(str(p).strip().rstrip("%")) / (100 if "%" in str(p) else 1)
                       for p in parts]
        except ValueError:
            numbers = []
        if len(numbers) == 2 and all(0 <= n <= 1 for n in numbers):
            return numbers[0], numbers[1]
    raise FieldIssue(
        f"'{value}' is not a focal point.",
        "write top, bottom, left, right or center, or two fractions across and down "
        "(0.5, 0.3) or percentages (50%, 30%).",
    )


# What editors see (JSON Schema): YAML values as an editor reads them, before our parsing.
_TEXT_SCHEMA = {"type": ["string", "null"]}
_LINK_SCHEMA = {"type": ["string", "null"], "pattern": "^(https?://|mailto:)",
                "description": "An https://, http:// or mailto: address."}
_IMAGE_SCHEMA = {"type": ["string", "null"],
                 "description": "A path in the docs folder, or an https:// address."}
_FOCUS_SCHEMA = {"description": "Where to centre the square crop.", "anyOf": [
    {"enum": ["top", "bottom", "left", "right", "center", "centre"]},
    {"type": "string", "pattern": "^\\s*[0-9.]+%?\\s*,\\s*[0-9.]+%?\\s*$"},
    {"type": "array", "items": {"type": "number", "minimum": 0, "maximum": 1},
     "minItems": 2, "maxItems": 2},
    {"type": "null"}]}

Link = Annotated[str | None, BeforeValidator(to_link), WithJsonSchema(_LINK_SCHEMA)]
ImageRef = Annotated[str | None, BeforeValidator(to_image), WithJsonSchema(_IMAGE_SCHEMA)]
Focus = Annotated[tuple[float, float] | None, BeforeValidator(to_focus),
                  WithJsonSchema(_FOCUS_SCHEMA)]

# ---------------------------------------------------------------------------------------------
# Dates and zones
# ---------------------------------------------------------------------------------------------

# Slashed and dotted dates are read day-first or month-first only where just one makes sense.
_FREE_TEXT_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y",
                      "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d")


def _guess_iso(text: str) -> str | None:
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip().replace("Sept", "Sep"))
    for fmt in _FREE_TEXT_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return None


# Years a workshop can be in. Outside them a date is a slip (9999 for "to be announced"), and
# the instants built from it (the end of 9999-12-31 Anywhere on Earth is in the year 10000)
# would overflow.
YEARS = (1900, 2199)


def check_year(value: date) -> date:
    if not YEARS[0] <= value.year <= YEARS[1]:
        raise FieldIssue(
            f"'{value.isoformat()}' is in the year {value.year}, which no workshop is in.",
            "check the year; leave the date out while it is not known.",
        )
    return value


def to_when(value: object) -> date | datetime | None:
    """A date (``2024-04-08``) or a date and time (``2024-04-08 17:00``, offset optional)."""
    when = _when(value)
    return check_year(when) if when is not None else None


def _when(value: object) -> date | datetime | None:
    if value is None:
        return None
    if isinstance(value, (date, datetime)):  # YAML already read it
        return value
    if isinstance(value, str) and value.strip():
        text = value.strip()
        iso = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
                return date.fromisoformat(iso)
            if re.match(r"\d{4}-\d{2}-\d{2}[T ]\d", iso):
                return datetime.fromisoformat(iso)
        except ValueError:
            raise FieldIssue(
                f"'{text}' is not a date that exists.", "check the month and the day."
            ) from None
        slashed = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text)
        if slashed and int(slashed.group(1)) <= 12 and int(slashed.group(2)) <= 12 \
                and slashed.group(1) != slashed.group(2):
            a, b, year = (int(g) for g in slashed.groups())
            raise FieldIssue(
                f"'{text}' is ambiguous: it may be month/day or day/month.",
                f"write it as {year}-{a:02d}-{b:02d} or {year}-{b:02d}-{a:02d}, whichever "
                "you mean.",
            )
        guess = _guess_iso(text)
        if guess:
            raise FieldIssue(
                f"'{text}' is not in the YYYY-MM-DD form.", f"write it as {guess}."
            )
        raise FieldIssue(
            f"'{text}' is not a date.",
            "write a date as YYYY-MM-DD (2024-04-08), or a time as YYYY-MM-DD HH:MM.",
        )
    raise FieldIssue(
        f"should be a date, not {_describe(value)}.", "write a date as YYYY-MM-DD (2024-04-08)."
    )


def to_day(value: object) -> date | None:
    when = to_when(value)
    if isinstance(when, datetime):
        raise FieldIssue(
            "should be a day without a time.", f"write {when.date().isoformat()}."
        )
    return when


def to_zone(value: object) -> Zone | None:
    if value is None or isinstance(value, Zone):
        return value
    text = to_text(value)
    if text is None:
        return None
    if text.strip().lower() == "local":  # the workshop block's word, for its program only
        raise FieldIssue("'local' names no time zone: it is for the program's times only, in "
                         "the workshop block ('workshop: timezone: local').",
                         "write AoE, UTC, or a name from the IANA database such as "
                         "Europe/Vienna here.")
    try:
        return resolve_zone(text)
    except UnknownTimezone as exc:
        if exc.advice:
            raise FieldIssue(f"'{text}' is not a time zone I know.", exc.advice) from None
        fix = f"{exc.fix} " if exc.fix else ""
        raise FieldIssue(
            f"'{text}' is not a time zone I know.",
            fix + "Use AoE, UTC, or a name from the IANA database such as Europe/Vienna.",
        ) from None


WHEN_PATTERN = (r"^\d{4}-\d{2}-\d{2}([T ]\d{1,2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?)?$")
When = Annotated[date | datetime | None, BeforeValidator(to_when), WithJsonSchema(
    {"type": ["string", "null"], "pattern": WHEN_PATTERN,
     "description": "YYYY-MM-DD, or YYYY-MM-DD HH:MM"})]
Day = Annotated[date | None, BeforeValidator(to_day), WithJsonSchema(
    {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$",
     "description": "YYYY-MM-DD"})]
ZoneName = Annotated[Zone | None, BeforeValidator(to_zone), WithJsonSchema(
    {"type": ["string", "null"], "description": "AoE, UTC, or an IANA name (Europe/Vienna)",
     "examples": ["AoE", "UTC", "Europe/Vienna", "America/New_York"]})]

# ---------------------------------------------------------------------------------------------
# Models
# ---------------------------------------------------------------------------------------------


class Model(BaseModel):
    """Base of the features' entry models."""

    # Unknown fields are reported by entries.read_entries as warnings with a "did you mean";
    # here they are ignored so that one typo does not hide the rest of the entry.
    model_config = ConfigDict(extra="ignore", arbitrary_types_allowed=True, frozen=True)


def field_names(model: type[BaseModel]) -> tuple[str, ...]:
    """The names an entry of ``model`` may use for its fields, in the model's order, each
    field's other names (``aff``, ``affiliation``) beside it: the one list of a feature's
    fields, which messages and importers read from the model itself."""
    names: list[str] = []
    for name, info in model.model_fields.items():
        alias = info.validation_alias
        if isinstance(alias, AliasChoices):
            names += [choice for choice in alias.choices if isinstance(choice, str)]
        else:
            names.append(alias if isinstance(alias, str) else name)
    return tuple(dict.fromkeys(names))


def text_field_names(model: type[BaseModel]) -> tuple[str, ...]:
    """The names of ``model``'s fields that hold text (``Text``, ``RequiredText``)."""
    texts = {name for name, info in model.model_fields.items()
             if any(getattr(m, "func", None) in (to_text, to_required_text)
                    for m in info.metadata)}
    return tuple(name for name in field_names(model)
                 if name in texts or _field_of(model, name) in texts)


def _field_of(model: type[BaseModel], name: str) -> str | None:
    """The field an alias names."""
    for field_name, info in model.model_fields.items():
        alias = info.validation_alias
        if isinstance(alias, AliasChoices) and name in alias.choices:
            return field_name
    return None


def day_of(value: date) -> date:
    """The calendar day of a date, or of a date and time."""
    return value.date() if isinstance(value, datetime) else value
