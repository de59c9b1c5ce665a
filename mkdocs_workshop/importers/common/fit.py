"""Entries an importer writes, fitted to what the plugin takes.

Whatever a source holds, the site an import writes must build: each person, paper, slot and
sponsor is checked with the plugin's own model before it is written. A field the model
refuses (a paper's ``pdf: available``, a link without a scheme) is left out and named; an
entry whose required field is refused (a title that is not text) is left out whole. A slot's
``kind`` is read with the program's vocabulary (``features.schedule.kind_of``: "Keynote
talk" is a keynote); one it does not know ("General") is left out: the plugin would show it
as written, with a warning on every build.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from ...features.schedule import KINDS, Slot, kind_of

MAX_TRIES = 20  # fields taken out of one entry, one at a time, before it is left out


def fit_entry(model: type[BaseModel], entry: dict[str, Any]
              ) -> tuple[dict[str, Any] | None, list[str]]:
    """``entry`` as the model takes it, and the fields left out (``field (why)``); None when
    no entry of it can be kept."""
    fitted = dict(entry)
    dropped: list[str] = []
    if model is Slot and isinstance(fitted.get("kind"), str):
        # the program's one vocabulary of kinds ("Keynote talk" is a keynote); a kind it
        # does not know ("General") is left out, not shown with a warning on every build
        kind, known = kind_of(fitted["kind"], "")  # the kind as written, not guessed
        if fitted["kind"].lower() in KINDS:
            pass  # a kind the plugin knows, kept as written
        elif known and kind not in (None, "other"):
            fitted["kind"] = kind  # a word for one ("Keynote talk")
        else:
            dropped.append(f"kind ({fitted.pop('kind')!r} is not a kind of slot the plugin "
                           "knows)")
    for _ in range(MAX_TRIES):
        try:
            model.model_validate(fitted)
            return fitted, dropped
        except (ValidationError, ValueError) as exc:
            errors = exc.errors() if isinstance(exc, ValidationError) else []
            fields = {str(e["loc"][0]) for e in errors if e.get("loc")}
            present = [f for f in fields if f in fitted]
            required = {name for name, info in model.model_fields.items() if info.is_required()}
            if not present or any(f in required for f in present):
                return None, dropped
            for name in present:
                message = next((str(e["msg"]) for e in errors
                                if e.get("loc") and str(e["loc"][0]) == name), "")
                dropped.append(f"{name} ({message.removeprefix('Value error, ')[:120]})")
                del fitted[name]
    return None, dropped
