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

from ..core.jsonschema import DRAFT
from ..features import FEATURES
from ..features.directory import people_schema as _people_schema

SCHEMA_DIR = Path(__file__).parent.parent / "schemas"


def page_schema() -> dict[str, Any]:
    """A page's front matter: every feature's part (see features/__init__.py)."""
    properties: dict[str, Any] = {"title": {"type": "string"},
                                  "render_macros": {"type": "boolean"}}
    definitions: dict[str, Any] = {}
    for feature in FEATURES:
        if feature.schema is not None:
            own, defs = feature.schema()
            properties.update(own)
            definitions.update(defs)
    return {
        "$schema": DRAFT,
        "$id": "https://mkdocs-workshop.example.org/schemas/page.schema.json",
        "title": "mkdocs-workshop page front matter",
        "type": "object",
        "properties": properties,
        "$defs": definitions,
    }


def people_schema() -> dict[str, Any]:
    """The people directory's schema (see features/directory.py)."""
    return _people_schema()


def schemas() -> dict[str, dict[str, Any]]:
    return {"page.schema.json": _plain(page_schema()),
            "people.schema.json": _plain(people_schema())}


def _plain(schema: Any) -> Any:
    """The schema without ``"default": null`` anywhere: it tells an editor nothing, and
    pydantic releases differ in where they write it (2.8 in a dict's values, 2.11 not)."""
    if isinstance(schema, dict):
        return {key: _plain(value) for key, value in schema.items()
                if not (key == "default" and value is None)}
    if isinstance(schema, list):
        return [_plain(item) for item in schema]
    return schema


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


if __name__ == "__main__":  # python -m mkdocs_workshop.site.schemas: refresh the shipped files
    for path in write(SCHEMA_DIR):
        print(path)
