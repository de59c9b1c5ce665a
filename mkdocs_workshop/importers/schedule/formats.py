"""The schedule formats import-schedule reads, and how a file is told to be one of them.

A format is a :class:`~.model.Format` declared beside its reader (``READER`` in
:mod:`.sessionize`, ``READER_JSON`` and ``READER_XML`` in :mod:`.frab`) and listed in
:data:`FORMATS`, in the order they are tried: the file is XML or JSON by its first character,
and the first format of that syntax whose ``detect`` says yes reads it. The refusal of a file
none of them reads is made from the list.
"""

from __future__ import annotations

from . import frab, sessionize
from .model import Format


def _listed(items: list[str], last: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f"{last}{items[-1]}"


def unknown(formats: tuple[Format, ...], syntax: str) -> tuple[str, str]:
    """(message, fix) for a file of ``syntax`` none of ``formats`` reads."""
    shapes = [f.shape for f in formats if f.syntax == syntax]
    fix = "export " + _listed([f.export for f in formats], ", or ") + "."
    return f"is none of the formats the import reads: {_listed(shapes, ', nor ')}.", fix


FORMATS: tuple[Format, ...] = (frab.READER_JSON, frab.READER_XML, sessionize.READER)
