"""The importer's folders: what it reads stays inside SOURCE, what it writes stays inside DEST.

- Paths the importer makes from the source (a ``permalink``, a file's name, an image's name)
  are normalised to relative paths of safe segments (:func:`safe_segments`).
- Files it reads are resolved, symbolic links included, and must still be inside SOURCE
  (:func:`within`); anything else is not read, and the report says so.
- Files it writes go through :func:`write_file`, which never follows a link out of DEST and
  replaces a link where a file is to be written rather than writing through it.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO

_UNSAFE = re.compile(r"[^\w.\-]+")  # \w: letters and digits of any script, and _
MAX_SEGMENT = 100  # characters of one file or folder name
# bytes of it in UTF-8: file systems allow 255, and -2.md or an image's -1234abcd.jpeg follows
MAX_SEGMENT_BYTES = 200


def safe_segment(name: str) -> str:
    """A file or folder name of letters, digits, ``_``, ``-`` and ``.``, not hidden, of at
    most 100 characters and 200 bytes in UTF-8 (cut between two characters)."""
    cleaned = _UNSAFE.sub("-", name).strip(".-")[:MAX_SEGMENT]
    encoded = cleaned.encode("utf-8")  # \w holds no lone surrogate: they became -
    if len(encoded) > MAX_SEGMENT_BYTES:
        cleaned = encoded[:MAX_SEGMENT_BYTES].decode("utf-8", "ignore")
    return cleaned.rstrip(".-")


def safe_segments(path: str) -> list[str]:
    """``path`` (a permalink, a relative path) as the safe segments of a relative path.

    Backslashes count as slashes; ``..`` goes up as in a URL, never above the top; absolute
    paths are taken from the top; empty and unsafe segments are dropped.
    """
    parts: list[str] = []
    for part in path.replace("\\", "/").split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if parts:
                parts.pop()
            continue
        cleaned = safe_segment(part)
        if cleaned:
            parts.append(cleaned)
    return parts


def within(path: Path, root: Path) -> Path | None:
    """``path`` resolved, if it is a regular file inside the resolved folder ``root``."""
    try:
        real = Path(os.path.realpath(path))
        if not real.is_relative_to(root) or not stat.S_ISREG(real.stat().st_mode):
            return None
    except (OSError, ValueError):
        return None
    return real


def unreadable(path: Path, root: Path, limit: int) -> str | None:
    """Why the site file ``path`` is not read ("it leads outside the site", "it is larger
    than 2,000,000 bytes"), or None when it may be: a regular file inside ``root`` of at most
    ``limit`` bytes."""
    found = within(path, root)
    if found is None:
        return "it leads outside the site"
    if found.stat().st_size > limit:
        return f"it is larger than {limit:,} bytes"
    return None


def contains(folder: Path, path: Path) -> bool:
    """Whether the folder ``folder`` is ``path`` or one of its parents (both resolved); by
    name, then by device and inode (case-insensitive file systems, bind mounts)."""
    if folder == path or folder in path.parents:
        return True
    try:
        folder_stat = folder.stat()
    except OSError:
        return False
    for candidate in (path, *path.parents):
        try:
            if os.path.samestat(folder_stat, candidate.stat()):
                return True
        except OSError:
            continue
    return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class WriteRefused(Exception):
    """A file the import would write cannot be written safely (the message says why)."""


def _copy(source: Path, out: BinaryIO, limit: int | None) -> None:
    size = 0
    with open(source, "rb") as stream:
        while chunk := stream.read(CHUNK):
            size += len(chunk)
            if limit is not None and size > limit:  # it grew since it was looked at
                raise WriteRefused(f"{source.name} is larger than {limit:,} bytes")
            out.write(chunk)


CHUNK = 1 << 20  # bytes read at a time from a file that is copied or hashed


def write_file(root: Path, rel: str, data: bytes | Path, *, keep_existing: bool = False,
               limit: int | None = None) -> bool:
    """Write ``data`` (or the file at that path, copied piece by piece, at most ``limit``
    bytes) to ``root/rel``; False if ``keep_existing`` and a file is there.

    ``root`` is resolved. Folders on the way are made; an existing one that is a link must
    lead to a folder inside ``root``. A link where the file goes is replaced, never followed.
    Raises WriteRefused or OSError.
    """
    parts = rel.split("/")
    folder = root
    for part in parts[:-1]:
        folder = folder / part
        if os.path.islink(folder):
            real = Path(os.path.realpath(folder))
            if not (real == root or real.is_relative_to(root)) or not real.is_dir():
                raise WriteRefused(f"{folder} is a link that leads out of {root}")
        elif os.path.lexists(folder):
            if not folder.is_dir():
                raise WriteRefused(f"{folder} is there and is not a folder")
        else:
            folder.mkdir()
    target = folder / parts[-1]
    if keep_existing and os.path.lexists(target):
        return False
    if target.is_dir() and not target.is_symlink():
        raise WriteRefused(f"{target} is a folder")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".import-")
    try:
        with os.fdopen(handle, "wb") as out:
            if isinstance(data, Path):
                _copy(data, out, limit)
            else:
                out.write(data)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)  # replaces a link itself, never what it points to
    except BaseException:
        if os.path.lexists(temporary):
            os.unlink(temporary)
        raise
    return True
