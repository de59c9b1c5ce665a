"""The ``workshop:`` block: the edition itself (venue, day or days, place, time zone,
attendance), which the dates, the program, the series index and the search engines' data use.

```yaml
workshop:
  venue: ICML 2024
  date: 2024-07-16          # or start: and end: for several days
  location: Vienna, Austria
  timezone: Europe/Vienna   # the program's zone
  attendance: in-person     # online, hybrid
  description: One line on what the edition is about (for link previews).
  image: assets/icml24-card.png   # the preview image; else the first sponsor or edition logo
  links:                    # the header's buttons
    - label: Submit a paper
      url: https://openreview.net/group?id=ICML.cc/2024/Workshop/AI4Science
    - label: Schedule
      url: icml24/schedule.md   # a page of the site, as in a Markdown link
  header: false             # no edition header on this page (the plugin's option sets it)
```
"""

from __future__ import annotations

import datetime as _dt
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    Field,
    PrivateAttr,
    WithJsonSchema,
    model_validator,
)

from ..core.entries import unknown_fields, validate
from ..core.fields import (
    _INVISIBLE,
    Day,
    FieldIssue,
    ImageRef,
    Link,
    Model,
    RequiredText,
    Text,
    ZoneName,
    field_names,
    is_placeholder,
    to_link,
    to_text,
)
from ..core.imagerefs import find_image
from ..core.jsonschema import closed
from ..core.problems import Problems
from .base import Feature, Part, Reading, UrlFor


def to_target(value: object) -> str | None:
    """A button's target: a web address (checked like every link), a page of the site
    (``schedule.md``, ``icml24/call.md#topics``, ``/icml24/schedule/``) or ``#anchor``."""
    text = to_text(value)
    if text is None:
        return None
    squeezed = _INVISIBLE.sub("", text)
    if ":" in squeezed.split("/", 1)[0] or squeezed.startswith("//"):
        return to_link(text)  # a scheme: only http(s) and mailto pass
    return text


Target = Annotated[str | None, BeforeValidator(to_target), WithJsonSchema(
    {"type": ["string", "null"],
     "description": "https://..., mailto:..., a page of the site (call.md), or #anchor"})]


class WorkshopLink(Model):
    """A button of the edition's header."""

    label: RequiredText
    url: Target = None

    @model_validator(mode="after")
    def _has_url(self) -> WorkshopLink:
        if self.url is None:
            raise FieldIssue(f"the button '{self.label}' has no 'url'.",
                             "add 'url:' with a web address or a page of the site.")
        return self


LOCAL_TIME = "local"  # the value of ``timezone:`` for times in a zone the page does not name


class WorkshopInfo(Model):
    """The ``workshop:`` block: the edition itself."""

    venue: Text = None
    date: Day = None
    start: Day = None
    end: Day = None
    location: Text = None
    timezone: ZoneName = None
    attendance: Text = None  # in-person, online or hybrid
    online_url: Link = None  # where to attend online
    description: Text = None  # one line for link previews (og:description)
    image: ImageRef = None  # the preview image (og:image)
    links: list[WorkshopLink] = Field(default_factory=list)  # the header's buttons
    header: bool | None = None  # False: no edition header on this page
    # ``timezone: local``: the times are the venue's own and the page does not name its zone
    # (a program imported from a site that never said it): shown as written, no warning.
    _local: bool = PrivateAttr(default=False)

    @model_validator(mode="wrap")
    @classmethod
    def _local_time(cls, data: Any,
                    handler: Callable[[Any], WorkshopInfo]) -> WorkshopInfo:
        zone = data.get("timezone") if isinstance(data, dict) else None
        local = isinstance(zone, str) and zone.strip().lower() == LOCAL_TIME
        made = handler({**data, "timezone": None} if local else data)
        made._local = local
        return made

    @property
    def local_time(self) -> bool:
        """Whether the page says its times are local ones, in a zone it does not name."""
        return self._local

    @model_validator(mode="after")
    def _days(self) -> WorkshopInfo:
        if self.attendance and self.attendance.lower() not in ATTENDANCE_MODES:
            raise FieldIssue(
                f"attendance '{self.attendance}' is not one I know.",
                "write in-person, online or hybrid.",
            )
        if self.date is not None and (self.start is not None or self.end is not None):
            raise FieldIssue(
                "has both 'date' and 'start'/'end'.",
                "use 'date' for a one-day workshop, or 'start' and 'end' for several days.",
            )
        if (self.start is None) != (self.end is None):
            given, missing = ("start", "end") if self.start is not None else ("end", "start")
            raise FieldIssue(f"has '{given}' but no '{missing}'.", f"add '{missing}:'.")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise FieldIssue(
                f"ends ({self.end.isoformat()}) before it starts ({self.start.isoformat()}).",
                "swap 'start' and 'end', or correct the month.",
            )
        return self

    @property
    def place(self) -> str | None:
        """The location when it is known: none for "TBA", "To be announced" and the like,
        which a sentence leaves out."""
        return None if is_placeholder(self.location) else self.location

    @property
    def first_day(self) -> _dt.date | None:
        return self.date or self.start

    @property
    def last_day(self) -> _dt.date | None:
        return self.date or self.end


WORKSHOP_FIELDS = field_names(WorkshopInfo)
LINK_FIELDS = field_names(WorkshopLink)
ATTENDANCE_MODES = ("in-person", "offline", "online", "virtual", "hybrid", "mixed")


def read_workshop(meta: Mapping[str, Any], problems: Problems
                  ) -> tuple[WorkshopInfo | None, list[tuple[int, WorkshopLink]]]:
    """The block, and its buttons with their entry numbers."""
    value = meta.get("workshop")
    if value is None:
        return None, []
    if not isinstance(value, dict):
        problems.error(
            "should be a block of 'key: value' lines (venue, date, location, timezone).",
            key="workshop", fix="indent the lines under 'workshop:' by two spaces.",
        )
        return None, []
    unknown_fields(value, WORKSHOP_FIELDS, problems, key="workshop", entry=None, label=None,
                    kind="the workshop block")
    # The buttons are read one by one: a wrong one is left out, not the whole block.
    block = {str(k): v for k, v in value.items() if str(k) != "links"}
    info = validate(WorkshopInfo, block, problems, key="workshop", entry=None, label=None)
    if info is None:
        return None, []
    links = read_links(value.get("links"), problems)
    return info.model_copy(update={"links": [link for _entry, link in links]}), links


def read_links(value: object, problems: Problems) -> list[tuple[int, WorkshopLink]]:
    """The buttons that can be used, each with its entry number in the list."""
    if value is None:
        return []
    if not isinstance(value, list):
        problems.error("'links' should be a list of buttons, each with 'label:' and 'url:'.",
                       key="workshop", field="links",
                       fix="write each button as '- label: Submit' with 'url: https://...' "
                           "under it.")
        return []
    links = []
    for index, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            problems.error("is not a button (a 'label:' and a 'url:').", key="workshop.links",
                           entry=index, fix="write it as '- label: Submit' with "
                                            "'url: https://...' under it.")
            continue
        label = item.get("label") if isinstance(item.get("label"), str) else None
        unknown_fields(item, LINK_FIELDS, problems, key="workshop.links", entry=index,
                       label=label, kind="a button")
        link = validate(WorkshopLink, item, problems, key="workshop.links", entry=index,
                        label=label)
        if link is not None:
            links.append((index, link))
    return links


@dataclass(frozen=True)
class Button:
    label: str
    href: str
    external: bool


def resolve_links(links: list[tuple[int, WorkshopLink]], page_src: str, url_for: UrlFor,
                  problems: Problems) -> list[Button]:
    """The header's buttons with their addresses for the page; a page of the site that does
    not exist is reported (as MkDocs reports a broken Markdown link) and left out."""
    buttons = []
    for index, link in links:
        href = target_url(link.url or "", page_src, url_for)
        if href is None:
            problems.warn(f"links to '{link.url}', which is not a page or file of this site; "
                          "the button is left out.", key="workshop.links", entry=index,
                          label=link.label, field="url",
                          fix="write the page's path in the docs folder (schedule.md, "
                              "icml24/call.md) or a full https:// address.")
            continue
        buttons.append(Button(link.label, href, "://" in href or href.startswith("mailto:")))
    return buttons


def check_image(ref: str, page_src: str, url_for: UrlFor, problems: Problems) -> None:
    """``workshop.image`` (the link preview's picture and the home card's logo) must be a file
    of the site, or a web address."""
    found = find_image(ref, page_src, url_for)
    if found.outside_docs:
        problems.error(f"'{ref}' points outside the docs folder.", key="workshop",
                       field="image", fix="keep images inside the docs folder "
                                          "(for example docs/assets/).")
    elif found.url is None:
        problems.warn(
            f"'{ref}' was not found (looked for "
            + " and ".join(f"'{t}'" for t in found.tried)
            + " in the docs folder); link previews and the series index show no picture.",
            key="workshop", field="image",
            fix="add the file to the docs folder, correct the path, or remove 'image'.")


def target_url(target: str, page_src: str, url_for: UrlFor) -> str | None:
    """The address of a button's target for the page ``page_src``."""
    if target.startswith("#") or "://" in target or target.startswith("mailto:"):
        return target
    path, hash_, fragment = target.partition("#")
    path = path.split("?", 1)[0]
    tries = [path]
    bare = path.rstrip("/")
    if path.endswith("/") or not posixpath.splitext(bare)[1]:  # a page's address: /x/, x
        tries = [bare + ".md", bare + "/index.md", bare + "/README.md"]
    elif path.endswith(".html"):
        tries = [bare[:-5] + ".md", path]
    for candidate in tries:
        found = find_image(candidate, page_src, url_for)
        if found.url is not None:
            return found.url + hash_ + fragment
    return None


# What the feature reads of a page: the block, and its buttons with their addresses.
INFO: Part[WorkshopInfo | None] = Part("workshop", None)
BUTTONS: Part[list[Button]] = Part("workshop_buttons", [])


def of(parts: Mapping[str, Any]) -> WorkshopInfo | None:
    """The page's workshop block, from what a page read (PageRead.parts or Reading.parts)."""
    return INFO.of(parts)


def _read(reading: Reading) -> dict[str, Any]:
    info, links = read_workshop(reading.meta, reading.problems)
    buttons = resolve_links(links, reading.src, reading.url_for, reading.problems)
    if info is not None and info.image:
        check_image(info.image, reading.src, reading.url_for, reading.problems)
    return {INFO.name: info, BUTTONS.name: buttons}


def buttons_of(parts: Mapping[str, Any]) -> list[Button]:
    return list(BUTTONS.of(parts))


def _schema() -> tuple[dict[str, Any], dict[str, Any]]:

    return ({"workshop": {"$ref": "#/$defs/Workshop"}},
            {"Workshop": closed(WorkshopInfo), "WorkshopLink": closed(WorkshopLink)})


FEATURE = Feature("workshop", keys=("workshop",), read=_read, schema=_schema)
