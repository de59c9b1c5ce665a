"""Benchmark: build time and page weight of a workshop series, each build a whole process.

    pip install -e ".[bench]"
    python benchmarks/bench_build.py              # the full run (about 10 minutes, 2 cores)
    python benchmarks/bench_build.py --quick      # a smaller series, for a first look
    python benchmarks/bench_build.py --ci         # about a minute; figures only, exits 0
    python benchmarks/bench_build.py --site PATH  # also a real site that uses the plugin

How it measures:

- Every build is ``python -m mkdocs build -q --strict`` in a process of its own, timed from
  start to exit, so imports (MkDocs, Material, mkdocs-macros, pydantic, icalendar, ...) count;
  the process's user+sys CPU time is recorded too.
- The sites compared are built in turn, in a random order within each round, for several
  rounds, after an untimed build of each ("warm": the image cache is filled). A figure is the
  median over the rounds, with its minimum and interquartile range; a ratio is the median of
  the rounds' own ratios, so load that comes and goes during the run moves both sides of a
  round alike.
- "Without the plugin" is a site that publishes what the plugin's site does: its pages are
  the plugin's rendered pages (each macro call replaced by the HTML block it rendered, the
  JSON-LD as an inline script), and the AVIF and WebP avatars, the calendar files, the
  stylesheet and the script are files in its docs folder. MkDocs and Material build it alone
  (no mkdocs-macros, no plugin). Both sites' files are counted and compared.
- The synthetic series has N editions of 20 people each, from a people directory
  (docs/people.yml) of 120 people with photos made here: JPEG 800 x 800, 1600 x 2000 and
  4000 x 3000, PNG 1200 x 1200. Most roster entries name a person by id, some with this
  edition's affiliation, a few are written out; each edition also has 6 dates, a program of
  9 slots in its time zone and two paragraphs of prose, and the home page lists the editions.

It prints, each target with its verdict at the end:

- warm build against the plugin-less build, as a ratio (synthetic series, and ``--site``);
- cold build (the image cache emptied before each), as ms per photo above the plugin-less build;
- the plugin's share (with less without) at 1 to 200 editions, a least-squares line through it
  (slope, intercept, R^2, residuals) and whether the growth is linear: the quadratic term of
  a second fit is not significant (Student's t, 95 %), or one more edition at the largest size
  costs at most 1.5 x the line's slope;
- avatar bytes per page against the bytes of the source photos, and both sites' sizes;
- SSIM of the published avatars against a high-quality resize of the same crop;
- the machine, the versions and the date, so that a run can be quoted.

With ``--site PATH`` it copies an existing site to a temporary folder and compares it, warm,
with the same pages built without the macros and workshop plugins (the pages then show their
macro calls as text). ``--ci`` runs a small series with few rounds, prints the same figures and
always exits 0: no timing decides anything in CI.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import importlib.util
import json
import math
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from PIL import Image

try:
    import resource
except ImportError:  # not on Windows: CPU time is then not recorded
    resource = None  # type: ignore[assignment]

MACROS = {"macros": {"j2_variable_start_string": "<<", "j2_variable_end_string": ">>"}}
# What the plugin adds to a site besides its pages (see the plugin's on_config/on_post_build).
PLUGIN_ASSETS = ("assets/stylesheets/workshop.css", "assets/javascripts/workshop.js")
PLUGIN_IMAGES = "assets/workshop/"

# Targets of the issue.
WARM_BOUND, WARM_AIM = 1.20, 1.10  # warm build / plugin-less build, whole process
COLD_MS_PER_PHOTO = 40.0  # wall ms per photo above the plugin-less build
AVATAR_SHARE = 0.10  # avatar bytes per page / source photo bytes
SSIM_MIN = 0.95
# Linear growth: the quadratic term is not significant, or, when it is, one more edition at
# the largest size costs at most this many times the straight line's slope.
GROWTH_FACTOR = 1.5


# ---------------------------------------------------------------------------------------------
# Photos
# ---------------------------------------------------------------------------------------------


def make_photo(path: Path, rng: np.random.Generator, size: tuple[int, int]) -> None:
    """A photo-like image: smooth shapes, texture and sensor noise, so it compresses about as a
    photo does."""
    w, h = size
    x = np.arange(w, dtype=np.float32)[None, :]
    y = np.arange(h, dtype=np.float32)[:, None]
    channels = []
    for _ in range(3):
        base = rng.uniform(40, 200)
        field_ = base + 40 * np.sin(x / rng.uniform(80, 400) + rng.uniform(0, 6))
        field_ = field_ + 35 * np.cos(y / rng.uniform(80, 400) + rng.uniform(0, 6))
        cx, cy, r = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.25, 0.6), min(w, h) * 0.22
        field_ = field_ + 60 * (((x - cx) ** 2 + (y - cy) ** 2) < r * r)
        field_ += rng.standard_normal((h, w), dtype=np.float32) * 4  # texture, sensor noise
        channels.append(np.clip(field_, 0, 255).astype(np.uint8))
    image = Image.fromarray(np.stack(channels, axis=-1), "RGB")
    if path.suffix == ".png":
        image.save(path, "PNG")
    else:
        image.save(path, "JPEG", quality=92)


# The photos organizers paste: mostly JPEG headshots of every size, some camera originals,
# and PNG exports (the seed page has both, 23 of them, from tiny to 1.7 MB).
PHOTO_KINDS = [((800, 800), ".jpg"), ((1600, 2000), ".jpg"), ((4000, 3000), ".jpg"),
               ((1200, 1200), ".png")]


def photo_kind(pid: str) -> tuple[tuple[int, int], str]:
    return PHOTO_KINDS[int(pid) % len(PHOTO_KINDS)]


def photo_name(pid: str) -> str:
    return f"{pid}{photo_kind(pid)[1]}"


def make_photos(folder: Path, pool: list[str]) -> None:
    rng = np.random.default_rng(3)
    folder.mkdir(parents=True, exist_ok=True)
    for pid in pool:
        make_photo(folder / photo_name(pid), rng, photo_kind(pid)[0])


# ---------------------------------------------------------------------------------------------
# A synthetic series
# ---------------------------------------------------------------------------------------------

ZONES = [("Vienna, Austria", "Europe/Vienna"), ("New Orleans, USA", "America/Chicago"),
         ("Singapore", "Asia/Singapore"), ("Vancouver, Canada", "America/Vancouver"),
         ("London, UK", "Europe/London")]
FIELDS = ["Biology", "Chemistry", "Physics", "Materials", "Climate", "Neuroscience",
          "Astronomy", "Medicine"]
PROSE = [
    "Machine learning is changing how {field} is done: models now propose hypotheses, design "
    "experiments, and read the results back at a scale no laboratory could reach by hand. This "
    "edition brings together researchers who build these models and the scientists who use "
    "them, to ask where they help, where they mislead, and what each community should learn "
    "from the other. We welcome work on foundation models for scientific data, on simulation "
    "and surrogate models, on uncertainty and on the reproducibility of learned results.",
    "The workshop has invited talks, a panel, contributed talks chosen from the submissions, "
    "and a poster session over lunch. Submissions are short papers of up to four pages, "
    "reviewed double-blind; accepted papers are presented as posters and a few as talks. The "
    "workshop is non-archival: papers under review elsewhere are welcome. Edition {n} is held "
    "in person in {city}; the talks are streamed and recorded for those who cannot travel.",
]


@dataclass
class Series:
    root: Path
    pages: dict[str, list[str]]  # docs-relative page -> ids (pool keys) of the people on it
    photos: dict[str, Path]  # pool key -> photo in the docs folder


def person(pid: str) -> dict[str, Any]:
    return {"name": f"Person {pid}", "aff": f"University {pid}", "interest": "AI, Science",
            "url": f"https://example.org/people/{pid}", "image": f"assets/images/{photo_name(pid)}"}


def edition_page(k: int, people: int, pool: list[str]) -> tuple[str, list[str]]:
    """Edition ``k`` (from 0): the same text whatever the size of the series."""
    rng = random.Random(f"edition-{k}")
    chosen = rng.sample(pool, people)
    n_speakers = max(5, people * 2 // 5)
    speakers, organizers = chosen[:n_speakers], chosen[n_speakers:]

    def entry(pid: str, i: int) -> dict[str, Any]:
        if i % 7 == 3:  # written out in the page, as editions before the directory were
            return person(pid)
        item: dict[str, Any] = {"id": f"person-{pid}"}
        if i % 4 == 1:  # this edition's affiliation
            item["aff"] = f"Institute {k + 1}.{i}"
        return item

    city, zone = ZONES[k % len(ZONES)]
    field_ = FIELDS[k % len(FIELDS)]
    day = dt.date(2031, 1, 13) + dt.timedelta(days=47 * k)
    dates: list[dict[str, Any]] = [
        {"Abstract Submission Deadline": day - dt.timedelta(days=100)},
        {"Paper Submission Deadline": day - dt.timedelta(days=90)},
        {"what": "Review Bidding Period", "start": day - dt.timedelta(days=88),
         "end": day - dt.timedelta(days=86)},
        {"Reviewer Deadline": day - dt.timedelta(days=60)},
        {"Acceptance Notification": day - dt.timedelta(days=45)},
        {"Workshop Date": day},
    ]
    name = lambda i: f"Person {speakers[i % len(speakers)]}"  # noqa: E731
    host = f"Person {organizers[0]}" if organizers else name(0)
    slots = [("08:50", "09:00", "Opening remarks", "opening remarks", [host]),
             ("09:00", "09:45", f"Learning the laws of {field_}", "invited talk", [name(0)]),
             ("09:45", "10:30", "Models that design experiments", "invited talk", [name(1)]),
             ("10:30", "11:00", "Coffee break", "coffee break", []),
             ("11:00", "12:00", "Contributed talks", "contributed talk", []),
             ("12:00", "13:30", "Lunch and posters", "poster session", []),
             ("13:30", "14:30", "Where does AI help science?", "panel",
              [name(2), name(3), name(4)]),
             ("14:30", "15:15", f"Foundation models for {field_}", "invited talk", [name(5)]),
             ("15:15", "15:30", "Closing remarks", "closing remarks", [host])]
    schedule = []
    for start, end, title, kind, who in slots:
        slot: dict[str, Any] = {"start": start, "end": end, "title": title, "kind": kind}
        if who:
            slot["speakers"] = who
        schedule.append(slot)
    title = f"AI for {field_}: Edition {k + 1}"
    front = {"title": title,
             "workshop": {"venue": f"Conference {k + 1}", "date": day, "location": city,
                          "timezone": zone},
             "speakers": [entry(pid, i) for i, pid in enumerate(speakers)],
             "organizers": [entry(pid, i + 1) for i, pid in enumerate(organizers)],
             "dates": dates, "schedule": schedule}
    prose = "\n\n".join(p.format(field=field_.lower(), n=k + 1, city=city) for p in PROSE)
    body = (f"# {title}\n\n## About\n\n{prose}\n\n## Invited speakers\n\n<< team(\"speakers\") >>"
            "\n\n## Program\n\n<< schedule() >>\n\n## Important dates\n\n<< dates() >>\n\n"
            "## Organizers\n\n<< team(\"organizers\") >>\n")
    text = f"---\n{yaml.safe_dump(front, sort_keys=False, allow_unicode=True)}---\n\n{body}"
    return text, chosen


def make_series(root: Path, editions: int, people: int, pool: list[str], photos: Path,
                cache: Path) -> Series:
    """mkdocs.yml, docs/people.yml, a home page and ``editions`` edition pages."""
    docs = root / "docs"
    images = docs / "assets" / "images"
    images.mkdir(parents=True, exist_ok=True)
    for pid in pool:
        target = images / photo_name(pid)
        if not target.exists():
            os.link(photos / photo_name(pid), target)
    directory = {f"person-{pid}": person(pid) for pid in pool}
    (docs / "people.yml").write_text(yaml.safe_dump(directory, sort_keys=False),
                                     encoding="utf-8")
    pages: dict[str, list[str]] = {}
    for k in range(editions):
        text, chosen = edition_page(k, people, pool)
        name = f"edition-{k + 1:03d}.md"
        (docs / name).write_text(text, encoding="utf-8")
        pages[name] = chosen
    (docs / "index.md").write_text(
        "# AI for Science workshops\n\nA series of workshops on machine learning in the "
        "sciences, held at the large machine-learning conferences since 2031.\n\n## Editions\n\n"
        "<< editions() >>\n", encoding="utf-8")
    config = {"site_name": "Benchmark series", "site_url": "https://example.org/series/",
              "theme": {"name": "material"},
              "plugins": ["search", MACROS, {"workshop": {"cache_dir": str(cache)}}],
              "markdown_extensions": ["admonition", "attr_list", {"toc": {"permalink": True}}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return Series(root, pages, {pid: images / photo_name(pid) for pid in pool})


# ---------------------------------------------------------------------------------------------
# The same site without the plugin
# ---------------------------------------------------------------------------------------------

MACRO_CALL = re.compile(r"<<.*?>>")
BLOCK_START = re.compile(r'<div class="workshop-[^"]*"[^>]*>')
DIV_TAG = re.compile(r"<div\b[^>]*>|</div\s*>")
JSON_LD = re.compile(r'<script type="application/ld\+json">.*?</script>', re.S)


def workshop_blocks(page_html: str) -> list[str]:
    """The outermost ``<div class="workshop-...">`` elements of a built page, as written."""
    blocks, pos = [], 0
    while (start := BLOCK_START.search(page_html, pos)) is not None:
        depth, end = 0, len(page_html)
        for tag in DIV_TAG.finditer(page_html, start.start()):
            depth += -1 if tag.group().startswith("</") else 1
            if depth == 0:
                end = tag.end()
                break
        blocks.append(page_html[start.start():end])
        pos = end
    return blocks


def built_page(site: Path, page: str) -> Path:
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site / f"{stem.removesuffix('index')}index.html"
    return site / f"{stem}/index.html"


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return yaml.safe_load(text[4:end]) or {}, text[end + 5:]
    return {}, text


def make_baseline(series: Series, root: Path) -> Series:
    """The plugin's site as MkDocs and Material alone build it: each page's macro calls
    replaced by the blocks the plugin rendered, the JSON-LD inline, and every file the plugin
    adds (avatars, calendars, stylesheet, script) in the docs folder."""
    site = series.root / "site"
    docs = root / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    for page in series.pages | {"index.md": []}:
        meta, body = split_front_matter((series.root / "docs" / page).read_text("utf-8"))
        built = built_page(site, page).read_text("utf-8")
        blocks = workshop_blocks(built)
        # The edition header is the plugin's too, though no macro call asks for it: the
        # baseline page carries it as written, at the top of its text.
        header = [b for b in blocks if b.startswith('<div class="workshop-header"')]
        blocks = [b for b in blocks if b not in header]
        calls = MACRO_CALL.findall(body)
        if len(calls) != len(blocks):
            raise RuntimeError(f"{page}: {len(calls)} macro calls but {len(blocks)} blocks")
        rendered = iter(blocks)
        body = MACRO_CALL.sub(lambda _, blocks=rendered: next(blocks), body)
        if header:
            body = header[0] + "\n\n" + body
        if (ld := JSON_LD.search(built)) is not None:
            body += "\n" + ld.group() + "\n"
        front = f"---\ntitle: {json_str(meta['title'])}\n---\n\n" if "title" in meta else ""
        (docs / page).write_text(front + body, encoding="utf-8")
    copy_plugin_files(site, docs)
    config = yaml.safe_load((series.root / "mkdocs.yml").read_text("utf-8"))
    config["plugins"] = ["search"]
    config["extra_css"] = [PLUGIN_ASSETS[0]]
    config["extra_javascript"] = [PLUGIN_ASSETS[1]]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    # The same pages with mkdocs-macros on (and nothing for it to do): its share of the cost.
    config["plugins"] = ["search", MACROS]
    config["site_dir"] = "site-macros"
    (root / "mkdocs-macros.yml").write_text(yaml.safe_dump(config, sort_keys=False),
                                            encoding="utf-8")
    return Series(root, series.pages, {})


def copy_plugin_files(site: Path, docs: Path) -> None:
    """What the plugin published beside the pages of ``site`` (avatars and logos, calendar
    files, its stylesheet and script), as files of the docs folder ``docs``."""
    for path in site.rglob("*"):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and (rel.startswith(PLUGIN_IMAGES) or rel.endswith(".ics")
                               or rel in PLUGIN_ASSETS):
            target = docs / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def json_str(value: object) -> str:
    """A YAML string on one line (a JSON string is one)."""
    return json.dumps(str(value), ensure_ascii=False)


@dataclass
class Published:
    files: dict[str, int]  # site-relative path -> bytes

    @property
    def bytes(self) -> int:
        return sum(self.files.values())

    def line(self) -> str:
        return f"{len(self.files):5d} files, {self.bytes / 1024 / 1024:7.2f} MiB"


def published(site: Path) -> Published:
    return Published({p.relative_to(site).as_posix(): p.stat().st_size
                      for p in sorted(site.rglob("*")) if p.is_file()})


def compare_sites(with_site: Path, without_site: Path, pages: list[str]) -> list[str]:
    """Lines that say what each site publishes, and whether the pages show the same blocks."""
    a, b = published(with_site), published(without_site)
    lines = [f"  with the plugin:    {a.line()}", f"  without the plugin: {b.line()}"]
    only_a, only_b = sorted(set(a.files) - set(b.files)), sorted(set(b.files) - set(a.files))
    for label, only in (("with", only_a), ("without", only_b)):
        if only:
            shown = ", ".join(only[:4]) + (", ..." if len(only) > 4 else "")
            lines.append(f"  only {label} the plugin: {len(only)} files ({shown})")
    if not only_a and not only_b:
        lines.append("  the same files in both, by name")
    differ = [p for p in pages if workshop_blocks(built_page(with_site, p).read_text("utf-8"))
              != workshop_blocks(built_page(without_site, p).read_text("utf-8"))]
    total = len(pages)
    lines.append(f"  blocks on the pages: {'the same' if not differ else 'DIFFERENT'} "
                 f"({total - len(differ)} of {total} pages byte for byte)")
    return lines


# ---------------------------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------------------------


@dataclass
class Timing:
    wall: float  # seconds, process start to exit
    cpu: float  # user + system seconds of the process (nan where not recorded)


class BuildFailed(RuntimeError):
    pass


def children_cpu() -> float:
    if resource is None:
        return math.nan
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(root: Path, config: str = "mkdocs.yml", *, strict: bool = True) -> Timing:
    """``python -m mkdocs build`` in a new process, timed from start to exit."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / config)]
    if strict:
        command.append("--strict")
    # As installed, Python finds every package's modules compiled (pip compiles them, and an
    # editable install writes __pycache__ on first import). Without it, the plugin alone would
    # be compiled from source at every build while MkDocs' modules were not.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    cpu = children_cpu()
    start = time.perf_counter()
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True,
                          check=False)
    wall = time.perf_counter() - start
    cpu = children_cpu() - cpu
    if done.returncode != 0:
        output = (done.stdout + done.stderr).strip().splitlines()
        raise BuildFailed(f"{' '.join(command)} exited {done.returncode}:\n  "
                          + "\n  ".join(output[-15:]))
    return Timing(wall, cpu)


def alternate(variants: dict[str, Callable[[], Timing]], rounds: int,
              rng: random.Random) -> dict[str, list[Timing]]:
    """Each variant once a round, in a random order, for ``rounds`` rounds."""
    results: dict[str, list[Timing]] = {name: [] for name in variants}
    for number in range(rounds):
        order = list(variants)
        rng.shuffle(order)
        for name in order:
            results[name].append(variants[name]())
        progress(f"round {number + 1}/{rounds}")
    progress("")
    return results


def progress(text: str) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"\r  {text:<40}\r" if text else "\r" + " " * 44 + "\r")
        sys.stderr.flush()


def quartiles(values: list[float]) -> tuple[float, float]:
    if len(values) < 2:
        return values[0], values[0]
    q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q3


def spread(values: list[float], scale: float = 1.0, digits: int = 2, unit: str = "") -> str:
    """median (min, IQR q1-q3)"""
    v = [x * scale for x in values]
    q1, q3 = quartiles(v)
    f = f"{{:.{digits}f}}"
    return (f"{f.format(statistics.median(v))}{unit} (min {f.format(min(v))}, "
            f"IQR {f.format(q1)}\u2013{f.format(q3)})")


def per_round(a: list[Timing], b: list[Timing], how: Callable[[float, float], float],
              attr: str = "wall") -> list[float]:
    return [how(getattr(x, attr), getattr(y, attr)) for x, y in zip(a, b, strict=True)]


def fastest_ratio(a: list[Timing], b: list[Timing]) -> float:
    """min / min: what the fastest builds, the least disturbed by load, say."""
    return min(t.wall for t in a) / min(t.wall for t in b)


def timing_table(results: dict[str, list[Timing]], labels: dict[str, str]) -> list[str]:
    width = max(len(label) for label in labels.values())
    lines = [f"  {'':{width}}  wall, s: median (min, IQR)        CPU user+sys, s: median"]
    for name, label in labels.items():
        walls = [t.wall for t in results[name]]
        cpus = [t.cpu for t in results[name]]
        lines.append(f"  {label:{width}}  {spread(walls):33}{statistics.median(cpus):6.2f}")
    return lines


# ---------------------------------------------------------------------------------------------
# Page weight and image quality
# ---------------------------------------------------------------------------------------------

CARD = re.compile(r'<article class="workshop-person" id="([^"]+)">\s*<picture[^>]*>'
                  r'<source type="image/avif" srcset="([^" ]+)[^"]*">'
                  r'<img class="workshop-avatar" src="([^"]+)"')


def page_avatars(site: Path, page: str) -> dict[str, tuple[Path, Path]]:
    """Card id -> (AVIF file, WebP file) of the page's avatars."""
    path = built_page(site, page)
    return {card: ((path.parent / avif).resolve(), (path.parent / webp).resolve())
            for card, avif, webp in CARD.findall(path.read_text("utf-8"))}


def ssim(a: np.ndarray, b: np.ndarray) -> float:
    """Mean structural similarity of two grey images (7 x 7 windows, the usual constants)."""
    a, b = a.astype(np.float64), b.astype(np.float64)
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2

    def blur(x: np.ndarray) -> np.ndarray:
        k = 7
        padded = np.pad(x, k // 2, mode="reflect")
        cs = padded.cumsum(0).cumsum(1)
        cs = np.pad(cs, ((1, 0), (1, 0)))
        return (cs[k:, k:] - cs[:-k, k:] - cs[k:, :-k] + cs[:-k, :-k]) / (k * k)

    mu_a, mu_b = blur(a), blur(b)
    var_a = blur(a * a) - mu_a ** 2
    var_b = blur(b * b) - mu_b ** 2
    cov = blur(a * b) - mu_a * mu_b
    value = ((2 * mu_a * mu_b + c1) * (2 * cov + c2)) / (
        (mu_a ** 2 + mu_b ** 2 + c1) * (var_a + var_b + c2))
    return float(value.mean())


def quality_check(pairs: list[tuple[Path, dict[str, Path]]]) -> dict[str, list[float]]:
    """SSIM of the published avatars against a lossless LANCZOS resize of the same centre
    crop of their source photo."""
    scores: dict[str, list[float]] = {"avif": [], "webp": []}
    for source, made in pairs:
        with Image.open(source) as original:
            rgb = original.convert("RGB")
        crop = min(rgb.size)
        left, top = (rgb.width - crop) // 2, (rgb.height - crop) // 2
        square = rgb.crop((left, top, left + crop, top + crop))
        for fmt, path in made.items():
            with Image.open(path) as ours:
                ours_grey = ours.convert("L")
            reference = square.resize(ours_grey.size, Image.Resampling.LANCZOS).convert("L")
            scores[fmt].append(ssim(np.asarray(reference), np.asarray(ours_grey)))
    return scores


# ---------------------------------------------------------------------------------------------
# Growth: a straight line through the plugin's share
# ---------------------------------------------------------------------------------------------

T_975 = {1: 12.71, 2: 4.30, 3: 3.18, 4: 2.78, 5: 2.57, 6: 2.45, 7: 2.36, 8: 2.31, 9: 2.26,
         10: 2.23}  # Student's t, two-sided 95 %


@dataclass
class Fit:
    coef: np.ndarray  # intercept, slope[, quadratic]
    se: np.ndarray  # their standard errors (nan without degrees of freedom)
    residuals: np.ndarray
    r2: float
    dof: int


def least_squares(x: Sequence[float], y: Sequence[float], degree: int) -> Fit:
    xs, ys = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    design = np.vander(xs, degree + 1, increasing=True)
    coef, *_ = np.linalg.lstsq(design, ys, rcond=None)
    residuals = ys - design @ coef
    dof = len(xs) - degree - 1
    ss_res = float(residuals @ residuals)
    ss_tot = float(((ys - ys.mean()) ** 2).sum())
    if dof > 0:
        se = np.sqrt(np.diag(ss_res / dof * np.linalg.inv(design.T @ design)))
    else:
        se = np.full(degree + 1, math.nan)
    r2 = 1 - ss_res / ss_tot if ss_tot > 0 else math.nan
    return Fit(coef, se, residuals, r2, dof)


@dataclass
class Growth:
    lines: list[str]
    linear: bool | None  # None: too few sizes to judge
    figure: str


def judge_growth(sizes: list[int], shares_ms: list[float]) -> Growth:
    lines = []
    if len(sizes) < 2:
        return Growth(["  (one size: no line)"], None, "one size")
    line = least_squares(sizes, shares_ms, 1)
    intercept, slope = line.coef
    lines.append(f"  least squares: share = {intercept:.1f} ms + {slope:.2f} ms x editions, "
                 f"R^2 = {line.r2:.3f}")
    lines.append("  residuals, ms: " + ", ".join(
        f"{n}: {r:+.1f}" for n, r in zip(sizes, line.residuals, strict=True)))
    if len(sizes) < 3:
        return Growth(lines, None, f"{slope:.2f} ms per edition (two sizes: not judged)")
    curve = least_squares(sizes, shares_ms, 2)
    c, se_c = curve.coef[2], curve.se[2]
    top = max(sizes)
    marginal = curve.coef[1] + 2 * c * top
    factor = marginal / slope if slope > 0 else math.inf
    if curve.dof > 0:
        t = abs(c / se_c) if se_c > 0 else math.inf
        critical = T_975.get(curve.dof, 1.96)
        significant = t >= critical
        lines.append(f"  quadratic term: {c * 1000:+.3f} us x editions^2, t = {t:.2f} "
                     f"(significant at 95 % from {critical:.2f}, {curve.dof} degrees of "
                     f"freedom): {'significant' if significant else 'not significant'}")
    else:
        lines.append("  quadratic term: a curve through 3 points tests nothing; not judged "
                     "(4 sizes or more are needed)")
        return Growth(lines, None, f"{slope:.2f} ms per edition (3 sizes: not judged)")
    lines.append(f"  one more edition at {top} (the quadratic's slope there): {marginal:.2f} ms, "
                 f"{factor:.2f} x the line's slope")
    lines.append(f"  rule: linear when the quadratic term is not significant, or one more "
                 f"edition at {top} costs at most {GROWTH_FACTOR} x the slope")
    if slope <= 0:
        lines.append("  the share does not grow with editions here: the noise is larger than "
                     "the cost of an edition; not judged")
        return Growth(lines, None, f"{slope:.2f} ms per edition (noise)")
    linear = not significant or factor <= GROWTH_FACTOR
    return Growth(lines, linear, f"{slope:.2f} ms per edition, R^2 {line.r2:.3f}, "
                  f"{factor:.2f} x at {top}")


# ---------------------------------------------------------------------------------------------
# A real site
# ---------------------------------------------------------------------------------------------


class Tagged:
    """A YAML value with a tag (!ENV, !!python/name:...), written back as it was."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    return Tagged(node.tag, value)


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Loader.add_multi_constructor("!", _construct_tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_Dumper.add_representer(Tagged, _represent_tagged)


def plugin_name(entry: object) -> str | None:
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict) and len(entry) == 1:
        return str(next(iter(entry)))
    return None


@dataclass
class RealSite:
    with_root: Path
    without_root: Path
    site_dir: str
    docs_dir: str
    config_name: str
    pages: list[str] = field(default_factory=list)
    removed: int = 0  # files of docs/ the plugin does not publish, left out of the bare site


def prepare_site(source: Path, work: Path) -> RealSite:
    config_path = source / "mkdocs.yml"
    if not config_path.is_file():
        config_path = source / "mkdocs.yaml"
    config = yaml.load(config_path.read_text("utf-8"), Loader=_Loader)
    if not isinstance(config, dict):
        raise SystemExit(f"{config_path}: not a MkDocs configuration")
    if "INHERIT" in config:
        raise SystemExit(f"{config_path}: INHERIT is not followed here; give a site whose "
                         "mkdocs.yml names its plugins itself")
    site_dir = str(config.get("site_dir", "site"))
    docs_dir = str(config.get("docs_dir", "docs"))
    for option, value in (("docs_dir", docs_dir), ("site_dir", site_dir)):
        if Path(value).is_absolute() or ".." in Path(value).parts:
            # The copies must read and write inside themselves only: files are removed from
            # the plugin-less copy's docs folder.
            raise SystemExit(f"{config_path}: {option} {value!r} is outside the site's folder; "
                             "give a site whose docs_dir and site_dir are inside it")
    names = [plugin_name(p) for p in config.get("plugins", [])]
    if "workshop" not in names:
        raise SystemExit(f"{config_path}: the workshop plugin is not in its plugins")
    with_root, without_root = work / "site-with", work / "site-without"
    top_level = {".git", ".cache", Path(site_dir).parts[0] if site_dir else "site"}

    def skip(folder: str, names: list[str]) -> set[str]:
        return top_level & set(names) if Path(folder) == source else set()

    shutil.copytree(source, with_root, ignore=skip, symlinks=True)
    shutil.copytree(with_root, without_root, copy_function=os.link, symlinks=True)
    bare = dict(config)
    bare["plugins"] = [p for p, n in zip(config.get("plugins", []), names, strict=True)
                       if n not in ("macros", "workshop")]
    bare["extra_css"] = [*config.get("extra_css", []), PLUGIN_ASSETS[0]]
    bare["extra_javascript"] = [*config.get("extra_javascript", []), PLUGIN_ASSETS[1]]
    (without_root / config_path.name).unlink()
    (without_root / "mkdocs.yml").write_text(
        yaml.dump(bare, Dumper=_Dumper, sort_keys=False, allow_unicode=True), encoding="utf-8")
    # The floor: mkdocs-macros set up (its imports, its git commands) but rendering nothing,
    # and the plugin's modules imported (floor_imports.py).
    floor = dict(bare)
    floor["plugins"] = [*bare["plugins"],
                        {"macros": {**MACROS["macros"], "render_by_default": False}}]
    floor["hooks"] = [*config.get("hooks", []),
                      str(Path(__file__).with_name("floor_imports.py"))]
    floor["site_dir"] = f"{site_dir}-floor"
    (without_root / "mkdocs-floor.yml").write_text(
        yaml.dump(floor, Dumper=_Dumper, sort_keys=False, allow_unicode=True), encoding="utf-8")
    docs = with_root / docs_dir
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    return RealSite(with_root, without_root, site_dir, docs_dir, config_path.name, pages)


def capture_pages(real: RealSite) -> None:
    """The plugin-less copy's pages: as the plugin's build rendered them (capture_pages.py)."""
    config = yaml.load((real.with_root / real.config_name).read_text("utf-8"), Loader=_Loader)
    config["hooks"] = [*config.get("hooks", []), str(Path(__file__).with_name(
        "capture_pages.py"))]
    capture = real.with_root / "mkdocs-capture.yml"
    capture.write_text(yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True),
                       encoding="utf-8")
    docs = real.without_root / real.docs_dir
    for page in real.pages:  # hard links to the original: replaced, not written through
        (docs / page).unlink()
    os.environ["WORKSHOP_BENCH_CAPTURE"] = str(docs)
    try:
        build(real.with_root, capture.name, strict=False)
    finally:
        del os.environ["WORKSHOP_BENCH_CAPTURE"]
        capture.unlink()
    missing = [page for page in real.pages if not (docs / page).is_file()]
    if missing:
        raise RuntimeError(f"pages not captured: {', '.join(missing[:5])}")


def add_plugin_files(real: RealSite) -> None:
    """What the plugin publishes beside the pages, as files of the plugin-less copy."""
    copy_plugin_files(real.with_root / real.site_dir, real.without_root / real.docs_dir)


def drop_unpublished(real: RealSite) -> None:
    """The bare site leaves out the docs files the plugin's build did not publish (the
    originals of avatars and logos, the people directory), so it does not copy more."""
    docs, site = real.without_root / real.docs_dir, real.with_root / real.site_dir
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs).as_posix()
        if path.is_file() and not rel.endswith(".md") and not (site / rel).exists():
            path.unlink()
            real.removed += 1


# ---------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------


@dataclass
class Verdicts:
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, measure: str, figure: str, target: str, ok: bool | None,
            aim: bool | None = None) -> None:
        if ok is None:
            word = "not judged"
        elif not ok:
            word = "MISSED"
        else:
            word = "met" if aim is None or aim else "met (not the aim)"
        self.rows.append((measure, figure, target, word))

    def print(self) -> None:
        widths = [max(len(r[i]) for r in self.rows) for i in range(3)]
        for measure, figure, target, word in self.rows:
            print(f"  {measure:{widths[0]}}  {figure:{widths[1]}}  {target:{widths[2]}}  {word}")


def version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def machine() -> list[str]:
    spec = importlib.util.find_spec("mkdocs_workshop")
    where = Path(spec.origin).parent if spec and spec.origin else None
    commit = ""
    if where is not None:
        try:
            found = subprocess.run(["git", "-C", str(where), "rev-parse", "--short", "HEAD"],
                                   capture_output=True, text=True, check=False)
        except OSError:  # no git
            found = None
        if found is not None and found.returncode == 0:
            commit = f", commit {found.stdout.strip()}"
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    return [
        f"date: {dt.datetime.now().astimezone().isoformat(timespec='minutes')}",
        f"machine: {os.cpu_count()} cores ({usable} usable), {platform.system()} "
        f"{platform.machine()}, load average {load()}",
        f"Python {platform.python_version()}, MkDocs {version('mkdocs')}, Material "
        f"{version('mkdocs-material')}, mkdocs-macros {version('mkdocs-macros-plugin')}, "
        f"Pillow {version('pillow')}, numpy {version('numpy')}",
        f"mkdocs-workshop {version('mkdocs-workshop')} from {where}{commit}",
    ]


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def busy() -> str | None:
    """A warning when other processes already keep the cores busy."""
    try:
        one_minute = os.getloadavg()[0]
    except OSError:
        return None
    cores = os.cpu_count() or 1
    if one_minute < 0.5 * cores:
        return None
    return (f"note: the machine is loaded (load average {one_minute:.2f} on {cores} cores): "
            "times are longer than on a quiet machine; the ratios, taken within rounds, "
            "suffer less")


@dataclass
class Plan:
    main: int  # editions of the main series
    sizes: list[int]  # editions of the growth series
    people: int
    pool: int
    rounds: int
    growth_rounds: int


PLANS = {
    "full": Plan(main=50, sizes=[1, 10, 25, 50, 100, 200], people=20, pool=120, rounds=7,
                 growth_rounds=5),
    "quick": Plan(main=20, sizes=[1, 5, 10, 20, 40], people=20, pool=40, rounds=3,
                  growth_rounds=3),
    "ci": Plan(main=8, sizes=[1, 4, 8], people=20, pool=24, rounds=3, growth_rounds=2),
}


def main_series(work: Path, plan: Plan, pool: list[str], photos: Path, rng: random.Random,
                verdicts: Verdicts) -> None:
    print(f"\n== A series of {plan.main} editions x {plan.people} people ({len(pool)} in the "
          "people directory), whole-process builds")
    cache = work / "main-cache"
    series = make_series(work / "main", plan.main, plan.people, pool, photos, cache)
    build(series.root)  # untimed: fills the cache, and its pages make the baseline
    baseline = make_baseline(series, work / "main-without")
    build(baseline.root)
    build(baseline.root, "mkdocs-macros.yml")
    print("What each site publishes:")
    for line in compare_sites(series.root / "site", baseline.root / "site",
                              [*series.pages, "index.md"]):
        print(line)
    photos_used = len({pid for chosen in series.pages.values() for pid in chosen})

    def cold() -> Timing:
        shutil.rmtree(cache, ignore_errors=True)
        return build(series.root)

    print(f"\n{plan.rounds} rounds, each building these once, in a random order:")
    results = alternate({"cold": cold, "warm": lambda: build(series.root),
                         "without": lambda: build(baseline.root),
                         "macros": lambda: build(baseline.root, "mkdocs-macros.yml")},
                        plan.rounds, rng)
    labels = {"cold": f"cold (cache emptied; {photos_used} photos)",
              "warm": "warm (cache filled)",
              "without": "without the plugin",
              "macros": "  the same, mkdocs-macros on"}
    for line in timing_table(results, labels):
        print(line)
    ratios = per_round(results["warm"], results["without"], lambda a, b: a / b)
    cpu_ratios = per_round(results["warm"], results["without"], lambda a, b: a / b, "cpu")
    ratio = statistics.median(ratios)
    print(f"warm / without, the median of the rounds' ratios: {spread(ratios)}")
    print(f"  the same on CPU time: {statistics.median(cpu_ratios):.2f}; the fastest builds' "
          f"ratio: {fastest_ratio(results['warm'], results['without']):.2f}")
    pages = plan.main + 1
    macros_s = statistics.median(per_round(results["macros"], results["without"],
                                           lambda a, b: a - b))
    plugin_s = statistics.median(per_round(results["warm"], results["macros"],
                                           lambda a, b: a - b))
    print(f"  of the difference, medians of the rounds: mkdocs-macros {macros_s:.2f} s, "
          f"mkdocs-workshop and the front matter it needs {plugin_s:.2f} s more (imports "
          f"included; {1000 * macros_s / pages:.1f} and {1000 * plugin_s / pages:.1f} ms a page "
          f"over {pages} pages)")
    verdicts.add(f"warm / without, {plan.main} editions", f"{ratio:.2f} x "
                 f"(IQR {quartiles(ratios)[0]:.2f}\u2013{quartiles(ratios)[1]:.2f})",
                 f"<= {WARM_BOUND:.2f} (aim {WARM_AIM:.2f})", ratio <= WARM_BOUND,
                 ratio <= WARM_AIM)
    per_photo = per_round(results["cold"], results["without"],
                          lambda a, b: (a - b) * 1000 / photos_used)
    above_warm = per_round(results["cold"], results["warm"],
                           lambda a, b: (a - b) * 1000 / photos_used)
    cpu_photo = per_round(results["cold"], results["without"],
                          lambda a, b: (a - b) * 1000 / photos_used, "cpu")
    cold_ms = statistics.median(per_photo)
    print(f"cold, ms of wall time per photo above the plugin-less build: "
          f"{spread(per_photo, digits=1)} "
          f"({statistics.median(above_warm):.1f} above the warm build; CPU "
          f"{statistics.median(cpu_photo):.1f} ms per photo)")
    verdicts.add("cold, per photo above without", f"{cold_ms:.1f} ms wall",
                 f"<= {COLD_MS_PER_PHOTO:.0f} ms", cold_ms <= COLD_MS_PER_PHOTO)

    site = series.root / "site"
    avif_total = webp_total = source_total = 0
    pairs: dict[str, tuple[Path, dict[str, Path]]] = {}
    for page, chosen in series.pages.items():
        avatars = page_avatars(site, page)
        if len(avatars) != len(chosen):
            raise RuntimeError(f"{page}: {len(avatars)} avatars for {len(chosen)} people")
        avif_total += sum(a.stat().st_size for a, _ in avatars.values())
        webp_total += sum(w.stat().st_size for _, w in avatars.values())
        source_total += sum(series.photos[pid].stat().st_size for pid in chosen)
        for pid in chosen:
            if (pair := avatars.get(f"person-{pid}")) is not None:
                pairs.setdefault(pid, (series.photos[pid], {"avif": pair[0], "webp": pair[1]}))
    n = len(series.pages)
    print(f"\navatar bytes per page: AVIF {avif_total / n / 1024:.1f} KiB, WebP "
          f"{webp_total / n / 1024:.1f} KiB, against {source_total / n / 1024 / 1024:.2f} MiB "
          f"of source photos ({plan.people} people a page)")
    for name, total in (("AVIF", avif_total), ("WebP", webp_total)):
        share = total / source_total
        verdicts.add(f"{name} avatar bytes per page", f"{100 * share:.2f} % of the photos",
                     f"<= {100 * AVATAR_SHARE:.0f} %", share <= AVATAR_SHARE)
    print(f"deployed site: {published(site).bytes / 1024 / 1024:.1f} MiB with the plugin; "
          f"copying the photos into every edition, as the Jekyll series did, would publish "
          f"about {n} x {sum(p.stat().st_size for p in series.photos.values()) / 2**20:.1f} MiB")
    sample = [pairs[pid] for pid in sorted(pairs, key=int)[:12]]
    scores = quality_check(sample)
    print(f"SSIM of {len(sample)} published avatars against a lossless LANCZOS resize of the "
          "same crop (1.0 = identical):")
    for name, values in scores.items():
        print(f"  {name}: min {min(values):.3f}, mean {statistics.mean(values):.3f}")
        verdicts.add(f"SSIM, {name.upper()}", f"min {min(values):.3f}", f">= {SSIM_MIN}",
                     min(values) >= SSIM_MIN)


def growth(work: Path, plan: Plan, pool: list[str], photos: Path, rng: random.Random,
           verdicts: Verdicts) -> None:
    print(f"\n== Growth with editions: {', '.join(map(str, plan.sizes))} (warm, with and "
          f"without the plugin in a random order, {plan.growth_rounds} rounds)")
    cache = work / "growth-cache"
    pairs: dict[int, tuple[Series, Series]] = {}
    for size in plan.sizes:
        series = make_series(work / f"grow-{size}", size, plan.people, pool, photos, cache)
        build(series.root)
        baseline = make_baseline(series, work / f"grow-{size}-without")
        build(baseline.root)
        pairs[size] = (series, baseline)
    variants: dict[str, Callable[[], Timing]] = {}
    for size, (series, baseline) in pairs.items():
        variants[f"{size}/with"] = lambda root=series.root: build(root)
        variants[f"{size}/without"] = lambda root=baseline.root: build(root)
    results = alternate(variants, plan.growth_rounds, rng)
    shares, cpu_shares = [], []
    print("  editions   with, s   without, s   the plugin's share, median of the rounds"
          "   (CPU time)")
    for size in plan.sizes:
        with_, without = results[f"{size}/with"], results[f"{size}/without"]
        share = statistics.median(per_round(with_, without, lambda a, b: a - b)) * 1000
        cpu = statistics.median(per_round(with_, without, lambda a, b: a - b, "cpu")) * 1000
        shares.append(share)
        cpu_shares.append(cpu)
        print(f"  {size:8d}  {statistics.median(t.wall for t in with_):8.2f}  "
              f"{statistics.median(t.wall for t in without):11.2f}   {share:7.0f} ms, "
              f"{share / size:6.1f} ms per edition     ({cpu:.0f} ms)")
    judged = judge_growth(plan.sizes, shares)
    for line in judged.lines:
        print(line)
    if len(plan.sizes) >= 2 and not any(map(math.isnan, cpu_shares)):
        on_cpu = least_squares(plan.sizes, cpu_shares, 1)
        print(f"  (the same line on CPU time: {on_cpu.coef[0]:.1f} ms + {on_cpu.coef[1]:.2f} ms "
              f"x editions, R^2 = {on_cpu.r2:.3f})")
    verdicts.add("growth of the plugin's share", judged.figure, "linear", judged.linear)


def real_site(path: Path, work: Path, plan: Plan, rng: random.Random,
              verdicts: Verdicts) -> None:
    print(f"\n== The site in {path} (a copy), warm, with and without the plugin")
    real = prepare_site(path, work)
    build(real.with_root, strict=False)  # fills the cache
    capture_pages(real)
    drop_unpublished(real)
    add_plugin_files(real)
    build(real.without_root, strict=False)
    print("  without the plugin: the pages as the plugin's build rendered them (each macro "
          "call replaced by its HTML, the edition header and the schema.org script in the "
          "text; see capture_pages.py), built by the same configuration without the macros "
          "and workshop plugins, with the avatars, calendars, stylesheet and script as files "
          f"in its docs folder; the {real.removed} files of docs/ the plugin does not publish "
          "(photos it replaced with avatars, the people directory) are left out of it")
    with_site = published(real.with_root / real.site_dir)
    without_site = published(real.without_root / real.site_dir)
    print(f"  with the plugin:    {with_site.line()} ({len(real.pages)} pages)")
    print(f"  without the plugin: {without_site.line()}")
    for line in compare_sites(real.with_root / real.site_dir,
                              real.without_root / real.site_dir, real.pages)[2:]:
        print(line)
    build(real.without_root, "mkdocs-floor.yml", strict=False)
    results = alternate({"with": lambda: build(real.with_root, strict=False),
                         "without": lambda: build(real.without_root, strict=False),
                         "floor": lambda: build(real.without_root, "mkdocs-floor.yml",
                                                strict=False)},
                        plan.rounds, rng)
    for line in timing_table(results, {"with": "warm, with the plugin",
                                       "without": "without the plugin",
                                       "floor": "  the floor (see below)"}):
        print(line)
    floors = per_round(results["floor"], results["without"], lambda a, b: a / b)
    print(f"  the floor / without, the median of the rounds' ratios: {spread(floors)}: the "
          "plugin-less site with mkdocs-macros set up (rendering nothing) and the plugin's "
          "modules imported (floor_imports.py): what they cost before any page is read")
    ratios = per_round(results["with"], results["without"], lambda a, b: a / b)
    ratio = statistics.median(ratios)
    print(f"  with / without, the median of the rounds' ratios: {spread(ratios)}")
    cpu_ratios = per_round(results["with"], results["without"], lambda a, b: a / b, "cpu")
    print(f"    the same on CPU time: {statistics.median(cpu_ratios):.2f}; the fastest builds' "
          f"ratio: {fastest_ratio(results['with'], results['without']):.2f}")
    verdicts.add(f"warm / without, {path.name}", f"{ratio:.2f} x "
                 f"(IQR {quartiles(ratios)[0]:.2f}\u2013{quartiles(ratios)[1]:.2f}; "
                 f"floor {statistics.median(floors):.2f})",
                 f"<= {WARM_BOUND:.2f} (aim {WARM_AIM:.2f})", ratio <= WARM_BOUND,
                 ratio <= WARM_AIM)


def run(args: argparse.Namespace) -> None:
    plan = PLANS["ci" if args.ci else "quick" if args.quick else "full"]
    for name in ("main", "people", "pool", "rounds"):
        if getattr(args, name) is not None:
            setattr(plan, name, getattr(args, name))
    if args.editions:
        plan.sizes = sorted({int(n) for n in args.editions.split(",")})
    if args.rounds is not None:
        plan.growth_rounds = args.rounds
    if plan.people < 5 or plan.pool < plan.people:
        raise SystemExit("--people must be at least 5, and --pool at least --people")
    started = time.perf_counter()
    for line in machine():
        print(line)
    if (warning := busy()) is not None:
        print(warning)
    work = Path(tempfile.mkdtemp(prefix="workshop-bench-"))
    verdicts = Verdicts()
    rng = random.Random(args.seed)
    try:
        if not args.site_only:
            pool = [str(i) for i in range(1, plan.pool + 1)]
            print(f"\nMaking {len(pool)} photos (JPEG 800x800, 1600x2000 and 4000x3000, PNG "
                  "1200x1200)")
            photos = work / "photos"
            make_photos(photos, pool)
            main_series(work, plan, pool, photos, rng, verdicts)
            growth(work, plan, pool, photos, rng, verdicts)
        if args.site:
            real_site(Path(args.site).resolve(), work, plan, rng, verdicts)
    finally:
        if args.keep:
            print(f"\nthe sites are kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\n== Targets (run of {time.perf_counter() - started:.0f} s; load average now "
          f"{load()})")
    verdicts.print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smaller series, fewer rounds")
    parser.add_argument("--ci", action="store_true",
                        help="about a minute; figures only, and exit 0 whatever happens")
    parser.add_argument("--site", metavar="PATH", help="also measure this site (it is copied)")
    parser.add_argument("--site-only", action="store_true",
                        help="with --site: skip the synthetic series")
    parser.add_argument("--editions", help="edition counts of the growth series "
                        "(default 1,10,25,50,100,200)")
    parser.add_argument("--main", type=int, help="editions of the main series (default 50)")
    parser.add_argument("--people", type=int, help="people per edition (default 20)")
    parser.add_argument("--pool", type=int, help="people in the directory (default 120)")
    parser.add_argument("--rounds", type=int, help="rounds of every comparison (default 7 for "
                        "the main series and --site, 5 for growth)")
    parser.add_argument("--seed", type=int, default=1, help="of the order within rounds")
    parser.add_argument("--keep", action="store_true", help="keep the sites built")
    args = parser.parse_args()
    if args.site_only and not args.site:
        parser.error("--site-only needs --site")
    if args.site and not any((Path(args.site) / name).is_file()
                             for name in ("mkdocs.yml", "mkdocs.yaml")):
        parser.error(f"--site {args.site}: no mkdocs.yml there")
    if not args.ci:
        run(args)
        return 0
    try:
        run(args)
    except (Exception, SystemExit):  # CI shows the figures; it never fails on them
        traceback.print_exc(file=sys.stdout)
        print("benchmark: stopped by the error above (--ci exits 0 all the same)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
