"""What a subcommand of ``mkdocs-workshop`` is: its name, its help, its arguments, and what it
does, which returns the report to print or raises
:class:`~mkdocs_workshop.core.problems.Refused` (nothing is written then)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Subcommand:
    name: str
    help: str  # one line, in the list of commands
    description: str  # the command's own --help
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], str]  # the report; raises Refused
