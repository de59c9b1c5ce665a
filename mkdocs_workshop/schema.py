"""JSON Schema files for editors, generated from the same models that check the pages.

- ``page.schema.json``: a workshop page's front matter (the edition, rosters, dates, program,
  sponsors);
- ``people.schema.json``: the people directory (``docs/people.yml``).

They are shipped in the package (``mkdocs_workshop/schemas/``); ``mkdocs-workshop schemas DIR``
writes them into a project, for a ``# yaml-language-server: $schema=...`` line to point at.
A test checks that the shipped files are what these functions make.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .models import WHEN_PATTERN, DateEntry, Person, WorkshopInfo
from .schedule import Slot
from .sponsors import Sponsor

SCHEMA_DIR = Path(__file__).parent / "schemas"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

# Keys that organizers use for rosters; any other list of people works as well, but only these
# can be checked by an editor, since a schema cannot tell a roster from other front matter.
ROSTER_KEYS = ("speakers", "Speakers", "Panelist", "Panelists", "panelists", "Organizers",
               "organizers", "keynotes", "Keynotes", "team", "Team", "committee", "Committee",
               "chairs", "Chairs", "StudentOrganizers", "ProfessorOrganizers", "reviewers",
               "volunteers")


def _closed(model: type[BaseModel], *, extra: dict[str, Any] | None = None,
            drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """A model's schema that flags unknown fields (the plugin warns about them too)."""
    schema = model.model_json_schema(mode="validation", ref_template="#/$defs/{model}")
    schema.pop("title", None)
    properties = schema.setdefault("properties", {})
    for name in drop:
        properties.pop(name, None)
    for field in properties.values():
        field.pop("title", None)
        field.pop("default", None)
    properties.update(extra or {})
    schema["additionalProperties"] = False
    return schema


def person_schema(*, in_roster: bool) -> dict[str, Any]:
    schema = _closed(Person, extra={"affiliation": {"type": ["string", "null"]}},
                     drop=() if in_roster else ("id",))
    schema["description"] = "A person: name, url, aff, interest, topic, role, image, bio, links."
    if in_roster:  # an entry may be just an id of the people directory
        schema.pop("required", None)
        schema["anyOf"] = [{"required": ["name"]}, {"required": ["id"]}]
    return schema


def page_schema() -> dict[str, Any]:
    date_shorthand = {
        "type": "object", "minProperties": 1, "maxProperties": 1,
        "description": "- Label: YYYY-MM-DD",
        "additionalProperties": {"type": "string", "pattern": WHEN_PATTERN},
    }
    roster = {"type": "array", "items": {"$ref": "#/$defs/RosterEntry"}}
    slot = _closed(Slot, extra={"time": {"type": ["string", "integer"],
                                         "description": "Another name for start"}})
    return {
        "$schema": DRAFT,
        "$id": "https://mkdocs-workshop.example.org/schemas/page.schema.json",
        "title": "mkdocs-workshop page front matter",
        "type": "object",
        "properties": {
            "title": {"type": "string"},
            "workshop": {"$ref": "#/$defs/Workshop"},
            "dates": {"type": "array", "items": {"anyOf": [
                {"$ref": "#/$defs/DateEntry"}, date_shorthand]}},
            "dates_timezone": {"type": "string"},
            "schedule": {"type": "array", "items": {"$ref": "#/$defs/Slot"}},
            "sponsors": {"type": "array", "items": {"$ref": "#/$defs/Sponsor"}},
            "render_macros": {"type": "boolean"},
            **{key: roster for key in ROSTER_KEYS},
        },
        "$defs": {
            "RosterEntry": person_schema(in_roster=True),
            "Workshop": _closed(WorkshopInfo),
            "DateEntry": _closed(DateEntry),
            "Slot": slot,
            "Sponsor": _closed(Sponsor),
        },
    }


def people_schema() -> dict[str, Any]:
    return {
        "$schema": DRAFT,
        "$id": "https://mkdocs-workshop.example.org/schemas/people.schema.json",
        "title": "mkdocs-workshop people directory",
        "description": "Each key is a person's id, as rosters name it: '- id: marinka-zitnik'.",
        "type": "object",
        "additionalProperties": {"$ref": "#/$defs/Person"},
        "$defs": {"Person": person_schema(in_roster=False)},
    }


def schemas() -> dict[str, dict[str, Any]]:
    return {"page.schema.json": page_schema(), "people.schema.json": people_schema()}


def dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def write(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = directory / name
        path.write_text(dump(schema), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # python -m mkdocs_workshop.schema: refresh the shipped files
    for path in write(SCHEMA_DIR):
        print(path)
