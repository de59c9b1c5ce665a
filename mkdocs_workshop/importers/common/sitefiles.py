"""The files of the new site an importer writes, whatever its source: the folders checked
before anything is read (:func:`refuse_folders`), page paths each taken once
(:class:`Destinations`), images copied once per content (:class:`Images`), and everything
written at the end through :func:`~.paths.write_file` (:func:`write_site`), each file that
cannot be written named in the report. Text from the source is shown in the report on one
line, escaped and cut short (:func:`shown`, :func:`listed`)."""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from ...core.problems import Refused, excerpt
from .deploy import WORKFLOW_PATH, workflow_text
from .newsite import GITIGNORE, REQUIREMENTS
from .paths import CHUNK, WriteRefused, contains, safe_segment, within, write_file

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp", ".ico",
                  ".tif", ".tiff")
MAX_IMAGE_BYTES = 50_000_000  # a photo or a logo; a bigger file is not read nor copied
SHOWN = 200  # characters of a value from the source shown in the report
MAX_LINE = 1_000  # characters of a line of the report (a note holds a few values)
MAX_LISTED = 1_000  # lines of one kind listed for one page (Liquid kept, images missing, ...)


def shown(value: object, limit: int = SHOWN) -> str:
    """A value from the source as the report shows it: on one line, control characters
    escaped (``\\n``), at most ``limit`` characters."""
    return excerpt(str(value), limit)


def listed(lines: list[str]) -> list[str]:
    """``lines``, or the first MAX_LISTED of them and how many more there are."""
    if len(lines) <= MAX_LISTED:
        return lines
    indent = lines[0][: len(lines[0]) - len(lines[0].lstrip())]
    return [*lines[:MAX_LISTED], f"{indent}... and {len(lines) - MAX_LISTED:,} more like these"]


def refuse_folders(source: Path, dest: Path, *, force: bool, dry_run: bool,
                   kind: str) -> None:
    """Refuse a SOURCE that is not a folder, folders inside each other, and a DEST that is a
    file, or not empty without --force. ``kind`` names the source ("Jekyll": "the Jekyll
    site")."""
    if not source.is_dir():
        raise Refused(f"{source} is not a folder.")
    if contains(source, dest):
        raise Refused(f"{dest} is inside the {kind} site {source}; the import never writes "
                      "into its source. Choose a folder outside it.")
    if contains(dest, source):
        raise Refused(f"The {kind} site {source} is inside {dest}; the import would write "
                      "over its own source, with or without --force. Choose a folder "
                      "outside it.")
    if os.path.lexists(dest) and not dest.is_dir():
        raise Refused(f"{dest} is there and is not a folder. Choose an empty folder.")
    if dest.exists() and any(dest.iterdir()) and not force and not dry_run:
        raise Refused(f"{dest} is not empty. Choose an empty folder, or add --force to "
                      "write over the files the import makes there.")


class Destinations:
    """Page paths under docs/, each once (case aside), never a file where a folder is."""

    def __init__(self) -> None:
        self.files: set[str] = set()
        self.folders: set[str] = set()
        self.tried: dict[str, int] = {}  # the last number tried after a taken path

    def unique(self, path: str) -> str:
        """``path``, or ``path`` with -2, -3, ... before .md: the first that is free."""
        base = path
        n = self.tried.get(base.casefold(), 1)
        while not self.free(path):
            n += 1
            path = f"{base[:-3]}-{n}.md"
        self.tried[base.casefold()] = n
        self.take(path)
        return path

    def free(self, path: str) -> bool:
        key = path.casefold()
        parents = key.split("/")[:-1]
        return (key not in self.files and key not in self.folders
                and not any("/".join(parents[:i]) in self.files
                            for i in range(1, len(parents) + 1)))

    def take(self, path: str) -> None:
        key = path.casefold()
        self.files.add(key)
        parts = key.split("/")
        for i in range(1, len(parts)):
            self.folders.add("/".join(parts[:i]))


@dataclass
class ImageLog:
    """What became of each image a page names, for the report."""

    copied: list[str] = field(default_factory=list)  # docs-relative paths
    reused: int = 0  # the same file, or the same content, named again
    missing: list[str] = field(default_factory=list)  # "page: path"
    refused: list[str] = field(default_factory=list)  # "page: path (why)"


class Images:
    """Copies images into DEST/docs/assets/images once per content; only files inside the
    source (symbolic links resolved) with an image's suffix."""

    suffixes: tuple[str, ...] = IMAGE_SUFFIXES
    folder = "assets/images"
    not_one = "not an image file"
    too_large = "more than a photo or a logo needs"

    def __init__(self, source: Path, log: ImageLog) -> None:
        self.source = source  # resolved
        self.log = log
        self.by_hash: dict[str, str] = {}
        self.by_file: dict[Path, str] = {}
        self.taken: set[str] = set()  # casefolded: the same name on macOS and Windows
        self.writes: dict[str, Path] = {}  # dest path (docs-relative) -> source file (resolved)

    def locate(self, ref: str, page_dir: str) -> Path | str:
        """The image file (resolved), or why it is not copied ("" when it is missing)."""
        path = ref.split("#", 1)[0].split("?", 1)[0]
        if not path or any(not c.isprintable() for c in path):
            return ""
        candidates = [posixpath.normpath(path.lstrip("/"))] if path.startswith("/") else [
            posixpath.normpath(posixpath.join(page_dir, path)), posixpath.normpath(path)]
        why = ""
        for number, candidate in enumerate(candidates):
            if candidate == ".." or candidate.startswith(("../", "/")):
                # "../assets/a.jpg" of _pages/local.md is assets/a.jpg, missing or not: the
                # same path read from the site's top leads out of it only when it is all
                why = why or ("" if number else "outside the site")
                continue
            full = self.source / candidate
            if not os.path.lexists(full):
                continue
            found = within(full, self.source)
            if found is None:
                if not Path(os.path.realpath(full)).is_relative_to(self.source):
                    why = why or "outside the site"
                continue  # a folder, or not a regular file: missing
            if not found.name.lower().endswith(self.suffixes):
                why = why or self.not_one
                continue
            if any(part.startswith(".") for part in found.relative_to(self.source).parts):
                why = why or "a hidden file, which the site does not publish"
                continue
            return found
        return why

    def copy(self, ref: str, page: str) -> str | None:
        """The docs-relative path of the copied image, or None (web address, or missing)."""
        if re.match(r"^[a-z][a-z0-9+.-]*:", ref, re.I) or ref.startswith("//"):
            return None
        found = self.locate(ref, posixpath.dirname(page))
        if isinstance(found, str):
            if found:
                self.log.refused.append(f"{shown(page)}: {shown(ref)} ({found})")
            else:
                self.log.missing.append(f"{shown(page)}: {shown(ref)}")
            return None
        if found in self.by_file:
            self.log.reused += 1
            return self.by_file[found]
        try:
            digest = file_digest(found, MAX_IMAGE_BYTES)
        except OSError as exc:
            self.log.refused.append(f"{shown(page)}: {shown(ref)} (could not be "
                                    f"read: {shown(exc.strerror or exc)})")
            return None
        if digest is None:
            self.log.refused.append(f"{shown(page)}: {shown(ref)} (larger than "
                                    f"{MAX_IMAGE_BYTES:,} bytes, {self.too_large})")
            return None
        if digest in self.by_hash:
            self.log.reused += 1
            self.by_file[found] = self.by_hash[digest]
            return self.by_hash[digest]
        stem, suffix = os.path.splitext(found.name)
        name = f"{safe_segment(stem) or 'file'}{suffix.lower()}"
        target = f"{self.folder}/{name}"
        if target.casefold() in self.taken:
            target = f"{self.folder}/{safe_segment(stem) or 'file'}-{digest[:8]}{suffix.lower()}"
        self.taken.add(target.casefold())
        self.by_hash[digest] = self.by_file[found] = target
        self.writes[target] = found
        self.log.copied.append(target)
        return target


# Files a workshop page links to: papers, slides, posters, recordings, archives, data, and
# the code and notebooks of a tutorial ("Download swc-installation-test-1.py").
DOCUMENT_SUFFIXES = (".pdf", ".ppt", ".pptx", ".key", ".odp", ".doc", ".docx", ".odt", ".txt",
                     ".bib", ".tex", ".zip", ".gz", ".tgz", ".csv", ".xlsx", ".mp4", ".webm",
                     ".mov", ".mp3", ".ics", ".py", ".ipynb", ".r", ".rmd", ".jl", ".m", ".sh",
                     ".json", ".tsv", ".xls", ".ods", ".tar", ".bz2", ".xz", ".7z", ".epub")


class Documents(Images):
    """Copies the files pages link to (a paper's PDF, slides) into DEST/docs/assets/files,
    once per content, under the same rules as images."""

    suffixes = DOCUMENT_SUFFIXES
    folder = "assets/files"
    not_one = "not a document file"
    too_large = "more than a workshop's file needs"


def file_digest(path: Path, limit: int) -> str | None:
    """The SHA-256 of the file, read piece by piece; None if it is larger than ``limit``."""
    if path.stat().st_size > limit:
        return None
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as stream:
        while chunk := stream.read(CHUNK):
            size += len(chunk)
            if size > limit:  # it grew since it was looked at
                return None
            digest.update(chunk)
    return digest.hexdigest()


def write_site(dest: Path, outputs: dict[str, str], images: dict[str, Path], mkdocs_yml: str,
               notes: list[str]) -> None:
    """Write the new site into ``dest``: mkdocs.yml, the pages and files of ``outputs``
    (docs-relative), the images, .gitignore and requirements.txt (kept when there: with
    --force, they are the organizer's), and the deploy workflow. A file that cannot be
    written is a line of ``notes``."""
    dest.mkdir(parents=True, exist_ok=True)
    files: list[tuple[str, Path | str]] = [("mkdocs.yml", mkdocs_yml)]
    files += [(f"docs/{rel}", text) for rel, text in outputs.items()]
    files += [(f"docs/{rel}", found) for rel, found in images.items()]
    write_one(dest, ".gitignore", GITIGNORE, notes, keep_existing=True)
    write_one(dest, "requirements.txt", REQUIREMENTS, notes, keep_existing=True)
    for rel, content in files:
        write_one(dest, rel, content, notes)
    # The GitHub Actions workflow that builds and deploys it (docs/deploy.md); a DEST that is
    # not empty, where one could be, needs --force (see refuse_folders).
    write_one(dest, WORKFLOW_PATH, workflow_text(), notes)


def write_one(dest: Path, rel: str, content: Path | str, notes: list[str], *,
              keep_existing: bool = False) -> None:
    try:
        data = content if isinstance(content, Path) else content.encode("utf-8")
        write_file(dest, rel, data, keep_existing=keep_existing, limit=MAX_IMAGE_BYTES)
    except (WriteRefused, OSError) as exc:
        why = str(exc) if isinstance(exc, WriteRefused) else _why(exc)
        notes.append(f"{rel} was not written: {why}.")


def _why(exc: OSError) -> str:
    return shown(exc.strerror or exc)
