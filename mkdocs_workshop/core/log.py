"""The plugin's logger: ``mkdocs.plugins.workshop``, under MkDocs' logger, so that
``mkdocs build --strict`` counts its warnings, and its messages read ``workshop: ...`` (as
MkDocs' own plugin loggers write them)."""

from __future__ import annotations

import logging
from collections.abc import MutableMapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    _Adapter = logging.LoggerAdapter[logging.Logger]
else:  # LoggerAdapter takes a type argument at run time from Python 3.11 on
    _Adapter = logging.LoggerAdapter


class _Prefixed(_Adapter):
    def process(self, msg: Any, kwargs: MutableMapping[str, Any]) -> tuple[Any, Any]:
        return f"workshop: {msg}", kwargs


log = _Prefixed(logging.getLogger("mkdocs.plugins.workshop"), {})
