"""Measure import-jekyll on a corpus of real Jekyll workshop sites: what each source shows its
visitors, and what the imported MkDocs site makes of it.

    python benchmarks/import_corpus.py CORPUS [--set eval|dev|...|all] [--sites A,B] [--json F]

CORPUS is a local folder (nothing of it is in this repository; see docs/import-jekyll.md,
"Measured on real sites"):

- ``CORPUS/sites/<folder>/``: a site's Jekyll source, fetched from its public repository;
  ``CORPUS/INDEX.json`` may give its ``site_dir`` inside the repository (default ``.``).
- ``CORPUS/truth/<folder>.json``: what the site, built by Jekyll, shows its visitors: each
  person, accepted paper, schedule slot and important-date line, as its text (written by
  reading the Jekyll-built pages; the format is in ``CORPUS/TRUTH.md``).
- ``CORPUS/SPLIT.json`` (optional): ``{"eval": [...], "dev": [...], ...}``, the sites kept
  out of sight while the importer was developed, and the others (a later set of sites is
  measured once as unseen before it joins development).

For each site the importer runs as a user runs it (``mkdocs-workshop import-jekyll``, a
process of its own), then ``mkdocs build --strict`` on the result, then, if that fails, a
plain ``mkdocs build`` so that what the site holds can still be counted. Each item the source
shows is then one of:

- **structured**: found in a block a macro drew for its kind (a person in a roster's cards
  or among a slot's speakers, a slot in the program, a paper in the papers list, a date in
  the dates list); a paper the program lists as a session's talk is counted as text;
- **text**: found elsewhere in the pages' text;
- **lost**: found nowhere in the imported site.

An item is found in a piece of text when at least 80% of its words are there, as words, in
that one block (a slot row, a card, a list item) or in one page's text. Also counted:
``--strict`` passing, the warnings of the plain build, Liquid syntax a visitor would see
(``{%`` or ``{{`` in a page's text), and tracebacks. Times come from a wall clock: this is a
measurement of results, not of speed.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

KINDS = ("people", "papers", "slots", "dates")
# The element classes of the macros' blocks, and of one item inside each.
BLOCK_ITEMS = {
    # a person's card, a name in a list of names, a slot's speakers (a field of the slot)
    "people": ("workshop-person", "workshop-name", "workshop-slot__speakers"),
    "papers": ("workshop-paper",),
    "slots": ("workshop-slot",),
    "dates": ("workshop-date",),
}
SKIPPED_PAGES = {"404.html"}
MATCH = 0.8  # the share of an item's words that must be found together
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


def words(text: str) -> list[str]:
    """The words of ``text``, as compared: accents folded, case folded, letters and digits."""
    folded = unicodedata.normalize("NFKD", html.unescape(text))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return re.findall(r"[^\W_]+", folded)


def found_in(item: list[str], text: set[str]) -> bool:
    return bool(item) and sum(w in text for w in item) >= MATCH * len(item)


class _Page(HTMLParser):
    """A built page's visible text (the article only), and the text of each item of the
    macros' blocks, by kind."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.in_article = 0  # depth inside the article, 0 outside
        self.hidden = 0  # depth of a hidden, script or style element, 0 outside
        self.text: list[str] = []
        self.code: list[str] = []  # text in <pre> and <code>: a sample, shown as written
        self.items: dict[str, list[list[str]]] = {k: [] for k in KINDS}
        self._open: list[tuple[str, int, list[str]]] = []  # (kind, depth, its text)
        self.names: list[str] = []  # the open elements, innermost last

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        self.depth += 1
        self.names.append(tag)
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if tag == "article" and "md-content__inner" in classes and not self.in_article:
            self.in_article = self.depth
        if not self.hidden and (tag in ("script", "style", "template") or "hidden" in found
                                or "display:none" in (found.get("style") or "").replace(" ", "")):
            self.hidden = self.depth
        for kind, names in BLOCK_ITEMS.items():
            if any(name in classes for name in names):
                self._open.append((kind, self.depth, []))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or tag not in self.names:
            return  # an end tag of no open element: a browser ignores it
        while self.names[-1] != tag:  # elements left open inside it end with it
            self.handle_endtag(self.names[-1])
        self.names.pop()
        while self._open and self._open[-1][1] >= self.depth:
            kind, _depth, text = self._open.pop()
            self.items[kind].append(words(" ".join(text)))
        if self.hidden and self.depth <= self.hidden:
            self.hidden = 0
        if self.in_article and self.depth <= self.in_article:
            self.in_article = 0
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.hidden or not self.in_article:
            return
        self.text.append(data)
        if "pre" in self.names or "code" in self.names:
            self.code.append(data)
        for _kind, _depth, text in self._open:
            text.append(data)


@dataclass
class Site:
    folder: str
    imported: bool = False
    strict: bool = False
    builds: bool = False
    warnings: int = 0
    traceback: bool = False
    liquid: int = 0  # pages whose text shows Liquid syntax
    counts: dict[str, Counter[str]] = field(default_factory=lambda: {k: Counter() for k in KINDS})
    lost: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in KINDS})
    text: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in KINDS})
    seconds: float = 0.0
    note: str = ""


def _truth_items(truth: dict[str, object], kind: str) -> list[str]:
    items = []
    for page in truth.get("pages", []):  # type: ignore[union-attr]
        for item in page.get(kind, []):
            if kind == "people":
                items.append(item.get("name", ""))
            elif kind == "papers":
                items.append(item.get("title", ""))
            elif kind == "slots":
                items.append(item.get("title") or item.get("time", ""))
            else:
                items.append(item.get("label") or item.get("date", ""))
    return [i for i in items if words(i)]


def _run(args: list[str], cwd: Path, timeout: int) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                              env={"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
                                   "LANG": "C.UTF-8", "NO_MKDOCS_2_WARNING": "1",
                                   "SOURCE_DATE_EPOCH": "1714564800",
                                   # an older commit's code, measured from a worktree
                                   **({"PYTHONPATH": os.environ["PYTHONPATH"]}
                                      if os.environ.get("PYTHONPATH") else {})})
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(args, 124, "", f"timed out after {timeout} s")


def measure(corpus: Path, folder: str, site_dir: str, work: Path) -> Site:
    result = Site(folder)
    started = time.monotonic()
    truth = json.loads((corpus / "truth" / f"{folder}.json").read_text(encoding="utf-8"))
    source = (corpus / "sites" / folder / site_dir).resolve()
    dest = work / folder
    done = _run([sys.executable, "-m", "mkdocs_workshop", "import-jekyll", str(source),
                 str(dest)], work, 900)
    result.imported = done.returncode == 0
    result.traceback = "Traceback" in done.stderr
    if not result.imported:
        result.note = (done.stderr.strip().splitlines() or ["?"])[-1][:200]
    else:
        strict = _run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"], dest,
                      900)
        result.strict = strict.returncode == 0
        plain = strict if result.strict else _run(
            [sys.executable, "-m", "mkdocs", "build", "-d", "site"], dest, 900)
        result.builds = plain.returncode == 0
        result.traceback |= "Traceback" in strict.stderr + plain.stderr
        result.warnings = sum(line.startswith("WARNING") for line in plain.stderr.splitlines())
        if not result.builds:
            result.note = (plain.stderr.strip().splitlines() or ["?"])[-1][:200]
    pages: list[_Page] = []
    if result.builds:
        for path in sorted((dest / "site").rglob("*.html")):
            if path.name in SKIPPED_PAGES or "assets" in path.parts or "search" in path.parts:
                continue
            parser = _Page()
            parser.feed(path.read_text(encoding="utf-8", errors="replace"))
            parser.close()
            pages.append(parser)
            # Liquid in a code sample ("here is the include we use") is shown as the source
            # shows it; Liquid anywhere else is a leak
            visible = " ".join(parser.text)
            for sample in parser.code:
                visible = visible.replace(sample, " ", 1)
            if "{%" in visible or "{{" in visible:
                result.liquid += 1
    page_words = [set(words(" ".join(p.text))) for p in pages]
    for kind in KINDS:
        blocks = [set(item) for p in pages for item in p.items[kind]]
        for item in _truth_items(truth, kind):
            key = words(item)
            if any(found_in(key, block) for block in blocks):
                result.counts[kind]["structured"] += 1
            elif any(found_in(key, text) for text in page_words):
                result.counts[kind]["text"] += 1
                result.text[kind].append(item)
            else:
                result.counts[kind]["lost"] += 1
                result.lost[kind].append(item)
    result.seconds = time.monotonic() - started
    return result


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def table(sites: list[Site]) -> str:
    lines = ["| site | strict | warnings | Liquid shown | people s/t/l | papers s/t/l | "
             "slots s/t/l | dates s/t/l |", "|---|---|---|---|---|---|---|---|"]
    for site in sites:
        cells = [f"{c['structured']}/{c['text']}/{c['lost']}"
                 for c in (site.counts[k] for k in KINDS)]
        status = ("yes" if site.strict else "no" if site.builds else
                  "does not build" if site.imported else "import failed")
        lines.append(f"| {site.folder} | {status} | {site.warnings} | {site.liquid} | "
                     + " | ".join(cells) + " |")
    lines += ["", "| of what the sites show | shown | structured | left as text | lost |",
              "|---|---|---|---|---|"]
    for kind in KINDS:
        total: Counter[str] = Counter()
        for site in sites:
            total.update(site.counts[kind])
        shown = sum(total.values())
        lines.append(f"| {kind} | {shown} | {total['structured']} "
                     f"({_share(total['structured'], shown)}) | {total['text']} "
                     f"({_share(total['text'], shown)}) | {total['lost']} "
                     f"({_share(total['lost'], shown)}) |")
    strict = sum(s.strict for s in sites)
    lines += ["", f"Sites: {len(sites)}; `--strict` passes on {strict}; builds at all on "
              f"{sum(s.builds for s in sites)}; Liquid shown on "
              f"{sum(s.liquid > 0 for s in sites)}; tracebacks: "
              f"{sum(s.traceback for s in sites)}."]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--set", default="all",
                        help="a set SPLIT.json names (eval, dev, dev2...), or all")
    parser.add_argument("--sites", help="comma-separated folders (default: the set)")
    parser.add_argument("--json", type=Path, help="write every result here")
    parser.add_argument("--keep", type=Path, help="keep the imported sites in this folder")
    parser.add_argument("--lost", action="store_true", help="list the items lost")
    parser.add_argument("--text", action="store_true", help="list the items left as text")
    args = parser.parse_args()
    corpus: Path = args.corpus.resolve()
    index = {}
    if (corpus / "INDEX.json").exists():
        index = {e["folder"]: e.get("site_dir") or "."
                 for e in json.loads((corpus / "INDEX.json").read_text(encoding="utf-8"))}
    folders = sorted(p.stem for p in (corpus / "truth").glob("*.json"))
    if args.sites:
        folders = [f for f in args.sites.split(",") if f in folders]
    elif args.set != "all":
        split = json.loads((corpus / "SPLIT.json").read_text(encoding="utf-8"))
        if args.set not in split or not isinstance(split[args.set], list):
            parser.error(f"SPLIT.json names no set '{args.set}'; it has: "
                         + ", ".join(k for k, v in split.items() if isinstance(v, list)))
        folders = [f for f in folders if f in split[args.set]]
    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="import-corpus-"))
    work.mkdir(parents=True, exist_ok=True)
    sites = []
    for folder in folders:
        if (work / folder).exists():
            shutil.rmtree(work / folder)
        site = measure(corpus, folder, index.get(folder, "."), work)
        sites.append(site)
        print(f"{folder}: strict={site.strict} builds={site.builds} "
              f"{ {k: dict(v) for k, v in site.counts.items()} } {site.seconds:.0f} s "
              f"{site.note}", file=sys.stderr)
        for wanted, items, said in ((args.lost, site.lost, "lost"),
                                    (args.text, site.text, "text")):
            for kind in KINDS if wanted else ():
                for item in items[kind]:
                    print(f"  {said} {kind}: {item[:100]}", file=sys.stderr)
    print(table(sites))
    if args.json:
        args.json.write_text(json.dumps([{**s.__dict__, "counts": {k: dict(v) for k, v in
                                                                    s.counts.items()}}
                                         for s in sites], indent=1), encoding="utf-8")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
