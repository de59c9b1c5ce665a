"""The sdist and the wheel carry what they must: the sdist, everything the tests read (so they
run from it); the wheel, what the plugin reads at build time."""
from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("build", reason="pip install -e '.[test]' installs build")


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # (Output captured: build 1.0 has no -q.)
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True)
    return out


def test_the_wheel_carries_partials_assets_schemas_and_types(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    package = ROOT / "mkdocs_workshop"
    wanted = {f"mkdocs_workshop/{p.relative_to(package).as_posix()}"
              for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert "mkdocs_workshop/py.typed" in wanted
    assert any("/partials/workshop/" in name for name in wanted)
    assert any(name.endswith(".schema.json") for name in wanted)
    assert wanted <= names, sorted(wanted - names)


def test_the_sdist_carries_what_the_tests_read_and_its_tests_run(dist: Path,
                                                               tmp_path: Path) -> None:
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path, filter="data") if sys.version_info >= (3, 12) \
            else archive.extractall(tmp_path)
    (root,) = tmp_path.iterdir()
    for rel in ["zensical.yml", "mkdocs.yml", "README.md", "LICENSE", "docs/icml24.md",
                "overrides", "benchmarks/bench_build.py", "tests/conftest.py", "tests/sitekit.py",
                "tests/hosts/engines", ".github/workflows/deploy.yml"]:
        assert (root / rel).exists(), rel
    # A fast subset of the sdist's own tests, run from it (its package first on the path).
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/commands/test_deploy.py", "tests/hosts/engines"],
        cwd=root, capture_output=True, text=True, env={"PYTHONPATH": str(root),
                                                      "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stdout[-3000:]
