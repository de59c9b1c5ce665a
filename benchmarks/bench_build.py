"""Benchmark: page weight and build time of a synthetic workshop series.

    pip install -e ".[bench]"
    python benchmarks/bench_build.py              # the full run (a few minutes)
    python benchmarks/bench_build.py --quick      # a smaller series, for a first look

It makes a series of N editions x M people with camera-sized photos (JPEG and PNG, made here,
shared between editions as organizers are), builds it cold (empty image cache), warm (cache
filled) and without the plugin (the same cards as static HTML in the Markdown, full-size
photos), and prints:

- avatar bytes per page against the bytes of the source photos, and the deployed site's size;
- cold, warm and no-plugin build times, and warm / no-plugin as a ratio;
- build time for growing numbers of editions, and whether it grows linearly;
- SSIM of the avatars against a high-quality resize of the same crop.

Each target is printed with its verdict. Nothing here runs in CI.
"""

from __future__ import annotations

import argparse
import html
import io
import logging
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from PIL import Image

MACROS = {"macros": {"j2_variable_start_string": "<<", "j2_variable_end_string": ">>"}}

# ---------------------------------------------------------------------------------------------
# A synthetic series
# ---------------------------------------------------------------------------------------------


def make_photo(path: Path, rng: np.random.Generator, size: tuple[int, int]) -> None:
    """A photo-like image: smooth shapes, texture and sensor noise, so it compresses about as a
    photo does."""
    w, h = size
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    channels = []
    for _ in range(3):
        base = rng.uniform(40, 200)
        field = base + 40 * np.sin(x / rng.uniform(80, 400) + rng.uniform(0, 6))
        field += 35 * np.cos(y / rng.uniform(80, 400) + rng.uniform(0, 6))
        cx, cy, r = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.25, 0.6), min(w, h) * 0.22
        field += 60 * (((x - cx) ** 2 + (y - cy) ** 2) < r * r)
        field += rng.normal(0, 4, size=(h, w))  # texture and sensor noise
        channels.append(np.clip(field, 0, 255))
    image = Image.fromarray(np.stack(channels, axis=-1).astype(np.uint8), "RGB")
    if path.suffix == ".png":
        image.save(path, "PNG")
    else:
        image.save(path, "JPEG", quality=92)


@dataclass
class Series:
    root: Path
    photos: dict[str, Path]  # person id -> photo in docs/assets/images
    pages: list[str]  # docs-relative edition pages


def make_series(root: Path, editions: int, people: int, pool: list[str],
                photos_dir: Path, *, plugin: bool, avatars: dict[str, str] | None = None,
                macros_only: bool = False, seed: int = 7) -> Series:
    """Write mkdocs.yml and N edition pages; people are drawn from a shared pool.

    Without the plugin, the cards are static HTML that link ``avatars`` (person id -> a small
    image already in the docs folder), so both sites publish the same image bytes and the
    difference in build time is the plugin's own work.
    """
    docs = root / "docs"
    images = docs / "assets" / "images"
    images.mkdir(parents=True, exist_ok=True)
    if plugin:
        for photo in photos_dir.iterdir():
            target = images / photo.name
            if not target.exists():
                os.link(photo, target)
    rng = random.Random(seed)
    pages = []
    for edition in range(editions):
        chosen = rng.sample(pool, people)
        roster = [{"name": f"Person {pid}", "aff": f"University {pid}", "interest": "AI, Science",
                   "url": f"https://example.org/{pid}",
                   "image": (f"assets/images/{photo_name(pid)}" if plugin
                             else (avatars or {})[pid])} for pid in chosen]
        dates = [{"Paper Submission Deadline": f"2030-0{1 + edition % 8}-10"},
                 {"Workshop Date": f"2030-0{1 + edition % 8}-28"}]
        title = f"Edition {edition + 1}"
        name = f"edition-{edition + 1:03d}.md"
        if plugin:
            front = {"title": title, "workshop": {"venue": f"Conference {edition}",
                                                  "date": f"2030-0{1 + edition % 8}-28"},
                     "speakers": roster, "dates": dates}
            body = "## Speakers\n\n<< team(\"speakers\") >>\n\n## Dates\n\n<< dates() >>\n"
            text = f"---\n{yaml.safe_dump(front, sort_keys=False)}---\n\n# {title}\n\n{body}"
        else:
            text = f"---\ntitle: {title}\n---\n\n# {title}\n\n## Speakers\n\n{static_cards(roster)}"
            text += "\n## Dates\n\n" + "\n".join(
                f"- {k}: {v}" for d in dates for k, v in d.items()) + "\n"
        (docs / name).write_text(text, encoding="utf-8")
        pages.append(name)
    (docs / "index.md").write_text("# Series\n", encoding="utf-8")
    plugins: list[object] = ["search", MACROS, "workshop"] if plugin else ["search"]
    if macros_only:
        plugins = ["search", MACROS]
    config = {"site_name": "Benchmark series", "theme": {"name": "material"},
              "plugins": plugins}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return Series(root, {p: images / photo_name(p) for p in pool}, pages)


# The photos organizers paste: mostly JPEG headshots of every size, some camera originals,
# and PNG exports (the seed page has both, 23 of them, from tiny to 1.7 MB).
PHOTO_KINDS = [((800, 800), ".jpg"), ((1600, 2000), ".jpg"), ((4000, 3000), ".jpg"),
               ((1200, 1200), ".png")]


def photo_kind(pid: str) -> tuple[tuple[int, int], str]:
    return PHOTO_KINDS[int(pid) % len(PHOTO_KINDS)]


def photo_name(pid: str) -> str:
    return f"{pid}{photo_kind(pid)[1]}"


def static_cards(roster: list[dict[str, str]]) -> str:
    """The same cards as HTML in the Markdown, written by hand: no plugin."""
    cards = []
    for person in roster:
        e = {k: html.escape(v) for k, v in person.items()}
        cards.append(
            f'<article class="workshop-person"><img class="workshop-avatar" src="../{e["image"]}" '
            f'alt="" width="128" height="128" loading="lazy"><p><a href="{e["url"]}">'
            f'{e["name"]}</a></p>'
            f'<p>{e["aff"]}</p><p>{e["interest"]}</p></article>')
    return '<div class="workshop-team">\n' + "\n".join(cards) + "\n</div>\n"


# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------


def copy_avatars(series: Series, docs: Path, pool: list[str]) -> dict[str, str]:
    """The plugin's WebP avatar of each person, copied for the hand-written site."""
    import re

    found: dict[str, str] = {}
    for page in series.pages:
        text = (series.root / "site" / page.removesuffix(".md") / "index.html").read_text()
        for pid, src in re.findall(r'<article class="workshop-person" id="person-(\d+)">.*?'
                                   r'<img class="workshop-avatar" src="\.\./([^"]+)"', text,
                                   re.S):
            if pid not in found:
                target = docs / "avatars" / f"{pid}.webp"
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(series.root / "site" / src, target)
                found[pid] = f"avatars/{pid}.webp"
    missing = set(pool) - set(found)
    for pid in missing:  # people no edition drew: not shown anywhere
        found[pid] = ""
    return found


def timed_build(root: Path) -> float:
    config = load_config(config_file=str(root / "mkdocs.yml"))
    start = time.perf_counter()
    build(config)
    return time.perf_counter() - start


def median_build(root: Path, runs: int) -> float:
    return statistics.median(timed_build(root) for _ in range(runs))


def site_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in (root / "site").rglob("*") if p.is_file())


def page_avatar_bytes(root: Path, page: str) -> tuple[int, int, list[str]]:
    """(AVIF bytes, WebP bytes) a visitor downloads for a page's avatars, and the sources."""
    import re

    text = (root / "site" / page.removesuffix(".md") / "index.html").read_text()
    avif = re.findall(r'<source type="image/avif" srcset="([^"]+)">', text)
    webp = re.findall(r'<img class="workshop-avatar" src="([^"]+)"', text)
    base = root / "site" / page.removesuffix(".md")
    size = lambda refs: sum((base / r).resolve().stat().st_size for r in refs)  # noqa: E731
    return size(avif), size(webp), webp


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


def quality_check(sources: list[Path], cache: Path, side: int) -> dict[str, list[float]]:
    """SSIM of our avatars against a lossless LANCZOS resize of the same centre crop."""
    from mkdocs_workshop.images import ImageProcessor

    processor = ImageProcessor(cache, side // 2, 56, ["avif", "webp"], 80)
    scores: dict[str, list[float]] = {"avif": [], "webp": []}
    for source in sources:
        made = processor.avatar(source)
        with Image.open(source) as original:
            original = original.convert("RGB")
            crop = min(original.size)
            left, top = (original.width - crop) // 2, (original.height - crop) // 2
            reference = original.crop((left, top, left + crop, top + crop)).resize(
                (side, side), Image.Resampling.LANCZOS).convert("L")
        for variant in made.variants:
            with Image.open(io.BytesIO(processor.content(variant.path))) as ours:
                scores[variant.format].append(
                    ssim(np.asarray(reference), np.asarray(ours.convert("L"))))
    return scores


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


# ---------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--editions", default="1,5,10,25,50",
                        help="edition counts for the growth series (default 1,5,10,25,50)")
    parser.add_argument("--people", type=int, default=20, help="people per edition")
    parser.add_argument("--pool", type=int, default=120, help="distinct people in the series")
    parser.add_argument("--runs", type=int, default=3, help="builds per timing (median)")
    parser.add_argument("--quick", action="store_true", help="5 editions, 40 people, 1 run")
    args = parser.parse_args()
    counts = [int(n) for n in args.editions.split(",")]
    if args.quick:
        counts, args.pool, args.runs = [1, 3, 5], 40, 1
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    work = Path(tempfile.mkdtemp(prefix="workshop-bench-"))
    rng = np.random.default_rng(3)
    photos = work / "photos"
    photos.mkdir()
    pool = [str(i) for i in range(1, args.pool + 1)]
    print(f"Making {len(pool)} photos (JPEG 800x800, 1600x2000 and 4000x3000, PNG 1200x1200)")
    for pid in pool:
        make_photo(photos / photo_name(pid), rng, photo_kind(pid)[0])
    largest = max(counts)

    print(f"\n== A series of {largest} editions x {args.people} people "
          f"({len(pool)} distinct people)")
    with_plugin = make_series(work / "with", largest, args.people, pool, photos, plugin=True)
    cold = timed_build(with_plugin.root)
    warm = median_build(with_plugin.root, args.runs)
    avatars = copy_avatars(with_plugin, work / "without" / "docs", pool)
    without = make_series(work / "without", largest, args.people, pool, photos, plugin=False,
                          avatars=avatars)
    bare = median_build(without.root, args.runs)
    macros_only = make_series(work / "macros-only", largest, args.people, pool, photos,
                              plugin=False, avatars=avatars, macros_only=True)
    with_macros = median_build(macros_only.root, args.runs)
    print(f"cold build (empty image cache):  {cold:7.2f} s")
    print(f"warm build (cache filled):       {warm:7.2f} s")
    print(f"without the plugin (static HTML): {bare:6.2f} s")
    print(f"  the same with only mkdocs-macros: {with_macros:6.2f} s")
    ratio = warm / bare
    print(f"warm / without: {ratio:.2f}   target <= 1.10: {verdict(ratio <= 1.10)}")
    pages = len(with_plugin.pages) + 1
    print(f"  per page: {1000 * (with_macros - bare) / pages:.1f} ms for mkdocs-macros, "
          f"{1000 * (warm - with_macros) / pages:.1f} ms for mkdocs-workshop "
          f"({args.people} cards and a dates list a page)")

    avif_total = webp_total = source_total = 0
    for page in with_plugin.pages:
        avif, webp, _refs = page_avatar_bytes(with_plugin.root, page)
        text = (with_plugin.root / "docs" / page).read_text()
        sources = sum(with_plugin.photos[p].stat().st_size for p in pool
                      if f"assets/images/{photo_name(p)}" in text)
        avif_total, webp_total, source_total = (avif_total + avif, webp_total + webp,
                                                source_total + sources)
    n = len(with_plugin.pages)
    print(f"\navatar bytes per page: AVIF {avif_total / n / 1024:7.1f} KiB, WebP "
          f"{webp_total / n / 1024:7.1f} KiB; source photos {source_total / n / 1024 / 1024:6.2f}"
          " MiB")
    for name, total in (("AVIF", avif_total), ("WebP", webp_total)):
        share = total / source_total
        print(f"  {name}: {100 * share:5.2f} % of the source bytes   target <= 10 %: "
              f"{verdict(share <= 0.10)}")
    print(f"deployed site: {site_bytes(with_plugin.root) / 1024 / 1024:7.1f} MiB with the "
          f"plugin, {site_bytes(without.root) / 1024 / 1024:7.1f} MiB without")

    sample = [with_plugin.photos[p] for p in pool[:12]]
    scores = quality_check(sample, work / "ssim-cache", 256)
    print("\nSSIM against a lossless LANCZOS resize of the same crop (1.0 = identical; "
          ">= 0.95 reads as the same picture):")
    for name, values in scores.items():
        print(f"  {name}: min {min(values):.3f}, mean {statistics.mean(values):.3f}   "
              f"target min >= 0.95: {verdict(min(values) >= 0.95)}")

    print("\n== Growth with editions (warm builds, with and without the plugin)")
    times, bares = [], []
    for count in counts:
        root = work / f"grow-{count}"
        grown = make_series(root, count, args.people, pool, photos, plugin=True)
        timed_build(root)  # fill the cache
        elapsed = median_build(root, args.runs)
        static = make_series(work / f"grow-{count}-static", count, args.people, pool, photos,
                             plugin=False, avatars=copy_avatars(grown, work / f"grow-{count}"
                                                                "-static" / "docs", pool))
        bare_time = median_build(static.root, args.runs)
        times.append(elapsed)
        bares.append(bare_time)
        print(f"  {count:3d} editions: {elapsed:6.2f} s with the plugin, {bare_time:6.2f} s "
              f"without: the plugin's share {1000 * (elapsed - bare_time) / count:6.1f} ms "
              "per edition")
    if len(counts) >= 3:
        # Every page carries the whole nav, so any MkDocs site grows faster than linearly
        # with its number of pages; what the plugin adds is the difference. For a linear
        # a + b*N, the cost of one more edition (b) is never above the average per edition
        # (a/N + b); growth like N^2 puts it far above.
        shares = [t - b for t, b in zip(times, bares, strict=True)]
        mid, top = counts[-2], counts[-1]
        marginal = (shares[-1] - shares[-2]) / (top - mid)
        average = shares[-2] / mid
        bare_marginal = (bares[-1] - bares[-2]) / (top - mid)
        print(f"  one more edition between {mid} and {top}: {bare_marginal * 1000:.1f} ms for "
              f"MkDocs and Material, {marginal * 1000:.1f} ms for the plugin (its average per "
              f"edition at {mid}: {average * 1000:.1f} ms)")
        growth = marginal / average if average > 0 else float("inf")
        print(f"  ratio {growth:.2f}   target linear (ratio <= 1.25): {verdict(growth <= 1.25)}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
