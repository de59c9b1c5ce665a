"""What Liquid sees of a Jekyll site (``site.*``) and of a page (``page.*``), each list of the
site's data knowing where it comes from (:func:`.liquid.sourced`), and the lists a loop may
show with a macro (:class:`.dataloops.Lists`)."""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ...core.safeload import load
from ..common.paths import within
from .datafiles import DOCUMENT_OWN, SiteData, read_file
from .dataloops import Lists
from .liquid import JekyllLiquid, Origin, SourcedDocument, render, sourced
from .published import unpublished
from .scholar import BibliographyCountTag, BibliographyTag, read_scholar

PEOPLE_WORDS = ("speaker", "organi", "people", "person", "committee", "team", "member",
                "keynote", "panel", "chair", "author", "advisor", "reviewer", "staff")
MAX_DOCUMENTS = 2_000  # documents of the site's collections read for site.<collection>
MAX_DOCUMENT_BYTES = 1_000_000


@dataclass
class LiquidSite:
    """The environment pages are rendered in, and what they see."""

    env: JekyllLiquid
    site: dict[str, Any]
    lists: Lists

    def page(self, meta: dict[Any, Any], rel: str, url: str) -> dict[str, Any]:
        """``page.*`` of the page ``rel``: its front matter (each list knowing it is the
        page's), its address and path."""
        variables: dict[str, Any] = {
            str(k): sourced(v, Origin("page", str(k), ())) for k, v in meta.items()}
        variables.setdefault("url", "/" + url)
        variables.setdefault("path", rel)
        variables.setdefault("name", posixpath.basename(rel))
        variables.setdefault("dir", "/" + posixpath.dirname(url))
        return variables


def liquid_site(source: Path, config: dict[Any, Any], site_data: SiteData,
                collections: dict[str, str], pages: list[tuple[str, str, dict[Any, Any]]]
                ) -> LiquidSite:
    """The Liquid of the site at ``source``: its ``_config.yml`` (``config``), its data, its
    collections (label -> folder), its pages ((rel, url, front matter))."""
    site: dict[str, Any] = {}
    config_lists = {}
    for key, value in config.items():
        if not isinstance(key, str):
            continue
        site[key] = sourced(value, Origin("config", key, ())) if isinstance(value, list) \
            else value
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            made = read_file(key, value, "_config.yml")
            made.source = f"_config.yml ('{key}:')"
            config_lists[key] = made
    # The new site lives at its own address: links are written from its top, and the
    # importer resolves them to its pages.
    site["baseurl"] = ""
    site.setdefault("url", "")
    site["data"] = {name: sourced(value, Origin("data", name, ()))
                    for name, value in site_data.tree.items()}
    site["time"] = datetime.now(timezone.utc)
    site["github"] = {}
    site["posts"] = []
    site["pages"] = [{**{str(k): v for k, v in meta.items()}, "url": "/" + url, "path": rel}
                     for rel, url, meta in pages]
    collection_files = {}
    for label, folder in collections.items():
        documents = _documents(source, folder, label)
        site[label] = sourced(documents, Origin("collection", label, ()))
        people = any(word in label.lower() for word in PEOPLE_WORDS)
        if documents and people:  # a collection of talks names its talks 'name:' too
            made = read_file(label, documents, f"{folder}/")
            made.source = f"the collection {folder}/"
            collection_files[label] = made
        elif documents:  # a collection of papers, one document each: a papers list
            # a document's own address (url, slug) is its page's, not the paper's link
            made = read_file(label, [{k: v for k, v in d.items() if k not in DOCUMENT_OWN}
                                     for d in documents], f"{folder}/")
            if made.kind == "papers":
                made.source = f"the collection {folder}/"
                collection_files[label] = made
    env = JekyllLiquid(source)
    # {% bibliography %}'s .bib files, read when a page shows them; what they tell is
    # reported with the _data files' notes (the same list)
    env.scholar = scholar = read_scholar(source, config, site_data.notes)
    env.add_tag(BibliographyTag)
    env.add_tag(BibliographyCountTag)
    for label, folder in collections.items():
        # a document printed in a page ({{ module }}) shows its text as Jekyll rendered it
        for document in site.get(label) or []:
            text = document.get("content") if isinstance(document, SourcedDocument) else None
            if isinstance(text, str) and "{" in text:
                document["content"] = render(
                    env, text, {"site": site, "page": dict(document)},
                    wants=lambda loop: False, page_folder=source / folder,
                    name=f"{folder}/{document.get('slug', '')}").text
    return LiquidSite(env, site, Lists(site_data, config_lists, collection_files, scholar))




def _documents(source: Path, folder: str, label: str) -> list[dict[str, Any]]:
    """The documents of a collection: each one's front matter, with ``content`` (its text)
    and ``url``."""
    found: list[dict[str, Any]] = []
    base = source / folder
    # a folder (within() is for files): inside the site once links are resolved
    if not base.is_dir() or not Path(os.path.realpath(base)).is_relative_to(
            os.path.realpath(source)):
        return found
    for root, _dirs, files in os.walk(base):
        for name in sorted(files):
            if len(found) >= MAX_DOCUMENTS or not name.endswith((".md", ".markdown",
                                                                  ".html")):
                continue
            path = Path(root) / name
            if within(path, source) is None or path.stat().st_size > MAX_DOCUMENT_BYTES:
                continue
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                continue
            meta: dict[str, Any] = {}
            body = text
            if text.startswith("---"):
                end = text.find("\n---", 3)
                if end > 0:
                    loaded = load(text[3:end], first_line=2)
                    if loaded.ok and isinstance(loaded.data, dict):
                        meta = {str(k): v for k, v in loaded.data.items()}
                    body = text[text.find("\n", end + 1) + 1:]
            if unpublished(meta):  # Jekyll leaves it out of site.<collection>
                continue
            stem = posixpath.splitext(path.relative_to(base).as_posix())[0]
            found.append(Document({**meta, "content": body, "url": f"/{label}/{stem}/",
                                   "slug": posixpath.basename(stem)}))
    return found


class Document(dict[str, Any]):
    """A document of a collection: its fields and ``content``. Made to know its origin, it
    becomes a :class:`.liquid.SourcedDocument`, which Liquid prints as its text."""

    PRINTS_CONTENT = True
