"""Print pip constraints that pin each dependency pyproject.toml declares to its lowest allowed
version, for one Python: ``python .ci/lowest.py 3.10 > lowest.txt``, then
``pip install -c lowest.txt -e ".[test]"``.

The dependencies of the package and of the extras named (``test`` by default) are pinned at
their floors ("lowest-direct": what they depend on resolves as usual), so the suite shows the
day a floor stops being true. A dependency whose environment marker does not hold for that
Python (``tzdata; sys_platform == 'win32'``) is left out; one without a floor is an error, since
its lowest version could be anything.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def floors(python: str, extras: list[str]) -> list[str]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    declared = list(project["dependencies"])
    for extra in extras:
        declared += project["optional-dependencies"][extra]
    environment = {"python_version": python, "python_full_version": f"{python}.0",
                   "sys_platform": "linux", "platform_system": "Linux", "os_name": "posix",
                   "implementation_name": "cpython", "extra": ""}
    pins: dict[str, str] = {}
    for text in declared:
        requirement = Requirement(text)
        if requirement.marker is not None and not Marker(str(requirement.marker)).evaluate(
                environment):
            continue
        lowest = [s.version for s in requirement.specifier if s.operator in (">=", "==", "~=")]
        if not lowest:
            if any(s.operator for s in requirement.specifier):
                sys.exit(f"{text}: no lower bound (>=) to pin; declare one.")
            continue  # no version named at all (types-*): the newest is the only choice
        name = requirement.name.lower()
        floor = max(lowest, key=_version)
        if name not in pins or _version(floor) > _version(pins[name]):
            pins[name] = floor
    return [f"{name}=={version}" for name, version in sorted(pins.items())]


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".") if part.isdigit())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("python", help="the Python version to pin for, as 3.10")
    parser.add_argument("--extra", action="append", default=None,
                        help="an optional-dependencies group to pin too (default: test)")
    args = parser.parse_args()
    print("\n".join(floors(args.python, args.extra or ["test"])))


if __name__ == "__main__":
    main()
