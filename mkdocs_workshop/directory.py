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

import yaml

from .checks import (
    label_of,
    numbers_in_text,
    read_text,
    report_duplicates,
    unknown_fields,
    validate,
    yaml_error,
)
from .models import PERSON_FIELDS, TEXT_FIELDS, Person
from .problems import Problems


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
    report_duplicates(text, problems)  # an id written twice loses its first definition
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        message, fix = yaml_error(exc, text)
        problems.error(message, fix=fix)
        return directory, problems
    if data is None:
        return directory, problems
    if not isinstance(data, dict):
        problems.error(
            f"should map ids to people, but it is a {type(data).__name__}.",
            fix="write each person as 'an-id:' followed by their fields, indented.",
        )
        return directory, problems
    for key, value in data.items():
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
