"""The same docs/ on MkDocs 1.6, ProperDocs and Zensical, checked on the HTML each produces.

MkDocs builds the demo in tests/test_demo.py. ProperDocs and Zensical each live in a virtual
environment of their own (.ci/run makes them); the tests find their commands through
WORKSHOP_PROPERDOCS and WORKSHOP_ZENSICAL, and are skipped without them, except in CI.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sitekit import BUILD_EPOCH, copy_demo

DEMO = ("docs", "overrides", "mkdocs.yml", "zensical.yml")


def command(variable: str, name: str) -> Path:
    found = os.environ.get(variable) or shutil.which(name)
    if not found or not Path(found).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed ({variable}; .ci/run installs it)")
        pytest.skip(f"{name} is not installed (set {variable})")
    return Path(found)


def copy_engine_demo(tmp_path: Path) -> Path:
    copy_demo(tmp_path, DEMO)
    shutil.rmtree(tmp_path / "docs" / "assets" / "stylesheets", ignore_errors=True)
    return tmp_path


def run(args: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600, check=False)


def shows_rosters_and_dates(site: Path) -> str:
    html = (site / "icml24" / "index.html").read_text(encoding="utf-8")
    assert html.count('<article class="workshop-person"') == 18
    for text in ("Juan Felipe Carrasquilla Álvarez", "Gábor Csányi", "ETH Zürich"):
        assert text in html
    dates = html.split('<div class="workshop-dates">')[1].split("</ul>")[0]
    assert dates.count('<li class="workshop-date') == 6
    # Six dates, one a period (two times), one extended (its first date struck beside it).
    assert len(re.findall(r'<time datetime="[^"]+">', dates)) == 8
    assert "All dates are Anywhere on Earth (AoE, UTC\u221212)" in html
    return html


def test_properdocs_builds_the_demo_as_mkdocs_does(tmp_path: Path) -> None:
    properdocs = command("WORKSHOP_PROPERDOCS", "properdocs")
    root = copy_engine_demo(tmp_path)
    result = run([properdocs, "build", "--strict"], root)
    assert result.returncode == 0, result.stdout + result.stderr
    html = shows_rosters_and_dates(root / "site")
    # What the plugin adds: calendars, schema.org data, live-date script, made avatars.
    assert 'href="icml24-dates.ics" download>Add to calendar (.ics)</a>' in html
    assert '<script type="application/ld+json">' in html
    assert "assets/javascripts/workshop.js" in html
    assert (root / "site" / "icml24" / "icml24-dates.ics").is_file()
    team = (root / "site" / "macros" / "team" / "index.html").read_text(encoding="utf-8")
    assert '<source type="image/avif" srcset="../../assets/workshop/images/' in team
    assert not (root / "site" / "people.yml").exists()


def test_properdocs_reports_like_mkdocs(tmp_path: Path) -> None:
    properdocs = command("WORKSHOP_PROPERDOCS", "properdocs")
    root = copy_engine_demo(tmp_path)
    page = root / "docs" / "icml24.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "url: https://yangkky.github.io/", "url: javascript:alert(1)"), encoding="utf-8")
    result = run([properdocs, "build"], root)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "icml24.md: 'speakers', entry 2 (Kevin Yang), field 'url': 'javascript:alert(1)'" \
        in output
    assert "Traceback" not in output


def zensical_site(tmp_path: Path) -> tuple[Path, Path]:
    zensical = command("WORKSHOP_ZENSICAL", "zensical")
    root = copy_engine_demo(tmp_path)
    assets = run([zensical.parent / "mkdocs-workshop", "assets", "docs"], root)
    assert assets.returncode == 0, assets.stderr
    return zensical, root


def test_zensical_builds_the_reduced_demo(tmp_path: Path) -> None:
    zensical, root = zensical_site(tmp_path)
    result = run([zensical, "build", "-f", "zensical.yml"], root)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    html = shows_rosters_and_dates(root / "site")
    # Without the plugin: the module says what is missing, and it is missing.
    assert "runs as a macros module here, without its MkDocs plugin" in output
    assert "Add to calendar" not in html and "application/ld+json" not in html
    assert "assets/stylesheets/workshop.css" in html
    assert '<span class="demo-chip">Quantum Physics</span>' in html  # custom_dir override
    iclr = (root / "site" / "iclr24" / "index.html").read_text(encoding="utf-8")
    assert "Times are in Europe/Vienna (UTC+02:00)." in iclr
    assert "4 accepted papers: 1 oral, 1 spotlight and 2 posters." in iclr
    index = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'class="workshop-edition__title" href="([^"]+)"', index) == [
        "iclr24/", "icml24/", "iclr27/"]
    team = (root / "site" / "macros" / "team" / "index.html").read_text(encoding="utf-8")
    assert 'src="../../assets/examples/ada-example.png"' in team  # linked as it is
    assert (root / "site" / "assets" / "examples" / "ada-example.png").is_file()


def test_zensical_stops_on_bad_data_with_the_plugins_message(tmp_path: Path) -> None:
    zensical, root = zensical_site(tmp_path)
    page = root / "docs" / "icml24.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "url: https://yangkky.github.io/", "url: javascript:alert(1)"), encoding="utf-8")
    result = run([zensical, "build", "-f", "zensical.yml"], root)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "icml24.md: 'speakers', entry 2 (Kevin Yang), field 'url': 'javascript:alert(1)'" \
        in output
