"""JSON Schema parts the features' models give the editor schemas (site/schemas.py): the
draft they follow, and a model's schema closed to unknown fields."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def closed(model: type[BaseModel], *, extra: dict[str, Any] | None = None,
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
