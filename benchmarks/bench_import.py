"""Benchmark: import-jekyll on one page that grows, to check that the import stays linear.

    python benchmarks/bench_import.py            # pages of 12,500 to 100,000 items
    python benchmarks/bench_import.py --quick    # up to 25,000 items

Pages made larger and larger: lines of Liquid (``{% if %}``, ``{{ }}``, ``<<``),
``{% include team.html %}`` tags, unclosed Liquid blocks and comments (each one used to search
to the end of the page), raw blocks side by side on one line, and one line of unclosed
``{% if %}`` tags, of ``<img`` or of ``![](`` (8 or 20 of them per item; the largest page is
about 8 MB, near the importer's limit of 10 MB). For each size it
prints the time of a dry-run import and the time per thousand items (lines, tags, blocks);
when the import is linear, that last figure stays about the same as the page doubles. Nothing
here runs in CI.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from mkdocs_workshop.importers.jekyll.importer import import_site


def liquid(n: int) -> str:
    return "\n".join(f"{{% if x{i} %}}{{{{ page.v{i} }}}} << {i} >> {{% endif %}}"
                     for i in range(n))


def includes(n: int) -> str:
    return "\n\n".join(['{% include team.html id="speakers" %}'] * n)


def unclosed(n: int) -> str:
    return "\n".join(["{% if open %}", "{% comment %}", "{% raw %}", "<!--", "![x](y"] * (n // 5))


def raw_blocks(n: int) -> str:
    return "{% raw %}>{% endraw %}>" * n  # one line: the contents make one long run of >


def one_line_ifs(n: int) -> str:
    return "{% if a %}" * (8 * n)  # unclosed, on one line: each used to search to its end


def img_starts(n: int) -> str:
    return "<img" * (20 * n)  # each used to be read 1,000 characters on


def image_starts(n: int) -> str:
    return "![](" * (20 * n)  # each used to be read 2,000 characters on


PAGES: dict[str, Callable[[int], str]] = {
    "Liquid lines": liquid, "includes": includes, "unclosed tags": unclosed,
    "raw blocks": raw_blocks, "unclosed tags on one line (x8)": one_line_ifs,
    "'<img' on one line (x20)": img_starts, "'![](' on one line (x20)": image_starts}


def seconds(body: str) -> float:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "src"
        source.mkdir()
        (source / "index.md").write_text("---\nspeakers:\n  - name: A\n---\n\n" + body + "\n",
                                         encoding="utf-8")
        start = time.perf_counter()
        import_site(source, Path(folder) / "out", dry_run=True)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller pages")
    args = parser.parse_args()
    sizes = [3_125, 6_250, 12_500, 25_000] if args.quick else [12_500, 25_000, 50_000, 100_000]
    for name, make in PAGES.items():
        print(f"\n{name}")
        per_thousand = []
        for size in sizes:
            took = seconds(make(size))
            per_thousand.append(took / size * 1000)
            print(f"  {size:>7,} of them: {took:6.2f} s  ({per_thousand[-1] * 1000:5.1f} ms per "
                  "1,000)")
        growth = per_thousand[-1] / per_thousand[0]
        verdict = "linear" if growth < 2 else "NOT linear"
        print(f"  time per item, largest page / smallest page: {growth:.2f} ({verdict})")


if __name__ == "__main__":
    main()
