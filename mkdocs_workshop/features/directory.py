"""The series' people directory: one file (``docs/people.yml``) that every edition draws on.

```yaml
marinka-zitnik:
  name: Marinka Zitnik
  url: https://zitniklab.hms.harvard.edu
  aff: Harvard
  links:
    scholar: https://scholar.google.com/citations?user=...
```

A roster entry ``- id: marinka-zitnik`` takes the person from here; fields written beside the id
(``aff: Harvard Medical School``) replace the directory's for that edition only.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from ..core.entries import (
    label_of,
    numbers_in_text,
    read_text,
    report_yaml,
    unknown_fields,
    validate,
)
from ..core.jsonschema import DRAFT
from ..core.problems import Problems, brief, kind_of
from ..core.safeload import load
from .team import PERSON_FIELDS, TEXT_FIELDS, Person, person_schema


@dataclass
class Directory:
    name: str  # as written in the options, relative to docs_dir: "people.yml"
    exists: bool = False
    people: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> fields as written
    invalid: dict[str, str] = field(default_factory=dict)  # id -> its first problem there

    def get(self, person_id: str) -> dict[str, Any] | None:
        return self.people.get(person_id)


def load_directory(docs_dir: str, name: str) -> tuple[Directory, Problems]:
    """Read and check the directory; a file that is not there is an empty directory."""
    directory = Directory(name)
    problems = Problems(name)
    path = os.path.join(docs_dir, name)
    if not os.path.isfile(path):
        return directory, problems
    directory.exists = True
    text = read_text(path, problems, fix="save the file as UTF-8 in your editor.")
    if text is None:
        return directory, problems
    loaded = load(text)
    report_yaml(loaded, problems)  # an id written twice loses its first definition
    if not loaded.ok:
        return directory, problems
    data = loaded.data
    if data is None:
        return directory, problems
    if not isinstance(data, dict):
        problems.error(
            f"should map ids to people, but it is {kind_of(data)}.",
            fix="write each person as 'an-id:' followed by their fields, indented.",
        )
        return directory, problems
    for key, value in data.items():
        if isinstance(key, bool) or not isinstance(key, (str, int)):
            problems.error(f"the id {brief(key)} is not a name.", fix=f"put the id in quotes "
                           f"(\"{brief(key)}\":) or write it with letters.")
            continue
        person_id = str(key)
        if not isinstance(value, dict):
            problems.error("should be a person's fields (name:, url:, aff:, ...).", key=person_id,
                           fix=f"indent the fields under '{person_id}:'.")
            directory.invalid[person_id] = str(problems.errors[-1])
            continue
        label = label_of(value, "name")
        unknown_fields(value, PERSON_FIELDS, problems, key=person_id, entry=None, label=label,
                       kind="a person")
        numbers_in_text(value, TEXT_FIELDS, problems, key=person_id, entry=None, label=label)
        before = len(problems.errors)
        if validate(Person, value, problems, key=person_id, entry=None, label=label) is not None:
            directory.people[person_id] = {str(k): v for k, v in value.items()}
        elif len(problems.errors) > before:
            directory.invalid[person_id] = str(problems.errors[before])
    return directory, problems


def people_schema() -> dict[str, Any]:
    """The editor schema of the people directory (``people.schema.json``)."""
    return {
        "$schema": DRAFT,
        "$id": "https://mkdocs-workshop.example.org/schemas/people.schema.json",
        "title": "mkdocs-workshop people directory",
        "description": "Each key is a person's id, as rosters name it: '- id: marinka-zitnik'.",
        "type": "object",
        "additionalProperties": {"$ref": "#/$defs/Person"},
        "$defs": {"Person": person_schema(in_roster=False)},
    }
