"""The plugin's logger: ``mkdocs.plugins.workshop``, under MkDocs' logger, so that
``mkdocs build --strict`` counts its warnings, and its messages read ``workshop: ...`` (as
MkDocs' own plugin loggers write them)."""

from __future__ import annotations

import logging
from collections.abc import MutableMapping
from typing import Any


class _Prefixed(logging.LoggerAdapter[logging.Logger]):
    def process(self, msg: Any, kwargs: MutableMapping[str, Any]) -> tuple[Any, Any]:
        return f"workshop: {msg}", kwargs


log = _Prefixed(logging.getLogger("mkdocs.plugins.workshop"), {})
