"""Editor schemas: generated from the models, shipped, and true of the demo."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from mkdocs.utils.meta import get_data

from mkdocs_workshop.commands import main
from mkdocs_workshop.site.schemas import SCHEMA_DIR, dump, schemas

from sitekit import ROOT


def as_editor_sees(value: Any) -> Any:
    """YAML as an editor's schema check sees it: dates stay text."""
    if isinstance(value, dict):
        return {str(k): as_editor_sees(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_editor_sees(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    return value


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def test_the_shipped_schemas_are_what_the_models_make() -> None:
    for name, schema in schemas().items():
        jsonschema.Draft202012Validator.check_schema(schema)
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == dump(schema), (
            f"{name} is out of date: run python -m mkdocs_workshop.site.schemas")


PAGES = sorted((ROOT / "docs").rglob("*.md"))


@pytest.mark.parametrize("path", PAGES, ids=[p.relative_to(ROOT).as_posix() for p in PAGES])
def test_every_demo_page_validates(path: Path) -> None:
    _body, meta = get_data(path.read_text(encoding="utf-8"))
    errors = [e.message for e in validator("page.schema.json").iter_errors(as_editor_sees(meta))]
    assert errors == []


def test_the_demo_people_directory_validates() -> None:
    people = yaml.safe_load((ROOT / "docs" / "people.yml").read_text(encoding="utf-8"))
    assert list(validator("people.schema.json").iter_errors(as_editor_sees(people))) == []


@pytest.mark.parametrize(("front", "words"), [
    ({"speakers": [{"name": "A", "afff": "MIT"}]}, "'afff' was unexpected"),
    ({"speakers": [{"aff": "MIT"}]}, "is not valid under any of the given schemas"),
    ({"speakers": [{"name": "A", "url": "javascript:alert(1)"}]}, "does not match"),
    ({"dates": [{"Deadline": "May 16, 2024"}]}, "is not valid under any of the given schemas"),
    ({"workshop": {"date": "2024-07-16", "venu": "ICML"}}, "'venu' was unexpected"),
    ({"schedule": [{"start": "09:00"}]}, "'title' is a required property"),
])
def test_the_schema_flags_what_the_plugin_flags(front: dict[str, Any], words: str) -> None:
    messages = [e.message for e in validator("page.schema.json").iter_errors(front)]
    messages += [c.message for e in validator("page.schema.json").iter_errors(front)
                 for c in e.context or []]
    assert any(words in m for m in messages), messages


def test_the_command_writes_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schemas", str(tmp_path / "schemas")]) == 0
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == [
        "page.schema.json", "people.schema.json"]
    assert "page.schema.json" in capsys.readouterr().out
