"""The GitHub Actions workflow: valid YAML with the steps a workshop site needs, the demo's
copy made from it, and import-jekyll writing it without overwriting the organizer's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_workshop.core.problems import Refused
from mkdocs_workshop.importers.common.deploy import (
    CACHE_DIR,
    WORKFLOW_PATH,
    workflow_text,
    write_workflow,
)
from mkdocs_workshop.importers.jekyll.importer import import_site

from sitekit import ROOT


def _steps(job: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A job's steps by the action they use, or by their name for run steps."""
    return {step.get("uses", "").split("@")[0] or step["name"]: step for step in job["steps"]}


def test_the_workflow_builds_strictly_keeps_the_image_cache_and_deploys_to_pages() -> None:
    workflow = yaml.safe_load(workflow_text())
    # PyYAML reads the key "on" as True (YAML 1.1); GitHub reads it as "on".
    triggers = workflow[True]
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    assert workflow["permissions"] == {"contents": "read", "pages": "write",
                                       "id-token": "write"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build = _steps(workflow["jobs"]["build"])
    assert list(build)[:2] == ["actions/checkout", "actions/setup-python"]
    cache = build["actions/cache"]["with"]
    assert cache["path"] == CACHE_DIR
    assert cache["key"].startswith("workshop-images-${{ hashFiles('docs/**/*.jpg'")
    assert "mkdocs build --strict --site-dir _site" in build["Build"]["run"]
    assert "SOURCE_DATE_EPOCH" in build["Build"]["run"]
    order = list(build)
    assert order.index("actions/cache") < order.index("Build") < order.index(
        "actions/upload-pages-artifact")
    assert build["actions/upload-pages-artifact"]["with"]["path"] == "_site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"] == [{"id": "deployment", "uses": "actions/deploy-pages@v4"}]


def test_the_cache_folder_is_the_plugins_default_cache_dir(tmp_path: Path) -> None:
    from mkdocs.config.defaults import MkDocsConfig

    from mkdocs_workshop.hosts.config import WorkshopConfig
    from mkdocs_workshop.hosts.settings import cache_dir

    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    options = WorkshopConfig()
    options.load_dict({})
    assert cache_dir(config, options) == tmp_path / CACHE_DIR


def test_the_demo_carries_the_workflow_as_made() -> None:
    committed = (ROOT / WORKFLOW_PATH).read_text(encoding="utf-8")
    assert committed == workflow_text(), (
        "regenerate: python -c 'from mkdocs_workshop.importers.common.deploy import workflow_text; "
        f"print(workflow_text(), end=\"\")' > {WORKFLOW_PATH}")


def test_write_workflow_keeps_an_existing_one_unless_forced(tmp_path: Path) -> None:
    assert write_workflow(tmp_path) is None
    target = tmp_path / WORKFLOW_PATH
    assert target.read_text(encoding="utf-8") == workflow_text()
    target.write_text("# mine\n", encoding="utf-8")
    note = write_workflow(tmp_path)
    assert note is not None and "kept" in note
    assert target.read_text(encoding="utf-8") == "# mine\n"
    assert write_workflow(tmp_path, force=True) is None
    assert target.read_text(encoding="utf-8") == workflow_text()


def _jekyll_site(source: Path) -> None:
    source.mkdir()
    (source / "_config.yml").write_text("title: Demo workshop\n", encoding="utf-8")
    (source / "index.md").write_text("---\ntitle: Home\n---\nHello\n", encoding="utf-8")


def test_import_jekyll_writes_the_workflow_and_says_so(tmp_path: Path) -> None:
    source, dest = tmp_path / "src", tmp_path / "out"
    _jekyll_site(source)
    report = import_site(source, dest).render()
    assert (dest / WORKFLOW_PATH).read_text(encoding="utf-8") == workflow_text()
    assert f"{WORKFLOW_PATH} builds the site with --strict" in report


def test_import_jekyll_writes_over_a_workflow_only_with_force(tmp_path: Path) -> None:
    source, dest = tmp_path / "src", tmp_path / "out"
    _jekyll_site(source)
    (dest / ".github" / "workflows").mkdir(parents=True)
    (dest / WORKFLOW_PATH).write_text("# the organizer's\n", encoding="utf-8")
    with pytest.raises(Refused, match="add --force"):
        import_site(source, dest)
    assert (dest / WORKFLOW_PATH).read_text(encoding="utf-8") == "# the organizer's\n"
    import_site(source, dest, force=True)
    assert (dest / WORKFLOW_PATH).read_text(encoding="utf-8") == workflow_text()


def test_a_dry_run_writes_no_workflow(tmp_path: Path) -> None:
    source, dest = tmp_path / "src", tmp_path / "out"
    _jekyll_site(source)
    import_site(source, dest, dry_run=True)
    assert not (dest / WORKFLOW_PATH).exists()
