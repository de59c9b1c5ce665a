"""The GitHub Actions workflow that builds a workshop site and deploys it to GitHub Pages.

One text, ``workflow_text()``, for every site: the demo's ``.github/workflows/deploy.yml``,
the one ``mkdocs-workshop import-jekyll`` writes, and the one ``init`` writes. It builds with
``--strict`` (a bad front matter fails the run instead of publishing a broken page), keeps
the plugin's image cache (``cache_dir``, by default ``.cache/mkdocs-workshop``) between runs
keyed on a hash of the images under ``docs/``, and deploys with GitHub's Pages actions.
"""
from __future__ import annotations

from pathlib import Path

from .newsite import REQUIREMENT

WORKFLOW_PATH = ".github/workflows/deploy.yml"
CACHE_DIR = ".cache/mkdocs-workshop"  # the plugin's default cache_dir (hosts.cache_dir)
PYTHON_VERSION = "3.12"

# Image files the cache key is a hash of: the avatars and logos the plugin resizes.
PHOTO_GLOBS = ("docs/**/*.jpg", "docs/**/*.jpeg", "docs/**/*.png", "docs/**/*.webp",
               "docs/**/*.gif", "docs/**/*.avif", "docs/**/*.svg")

_TEMPLATE = """\
# Builds the workshop site with MkDocs and publishes it on GitHub Pages.
# Made by mkdocs-workshop (mkdocs_workshop/deploy.py). In the repository's Settings > Pages,
# set "Source" to "GitHub Actions". A cache_dir other than {cache_dir} in mkdocs.yml
# needs the same folder under "path" below.
name: Deploy the site

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

# One deployment at a time; a newer push does not cancel one already publishing.
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "{python}"
      - name: Install MkDocs and mkdocs-workshop
        run: |
          python -m pip install --upgrade pip
          if [ -f requirements.txt ]; then
            python -m pip install -r requirements.txt
          elif [ -f pyproject.toml ]; then
            python -m pip install .
          else
            python -m pip install "{requirement}"
          fi
      # Resized avatars and logos: a cold build remakes every one of them.
      - name: Keep the image cache between runs
        uses: actions/cache@v4
        with:
          path: {cache_dir}
          key: workshop-images-${{{{ hashFiles({globs}) }}}}
          restore-keys: workshop-images-
      - name: Build
        env:
          NO_MKDOCS_2_WARNING: "1"
        run: |
          export SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"
          mkdocs build --strict --site-dir _site
      - uses: actions/configure-pages@v5
      - uses: actions/upload-pages-artifact@v3
        with:
          path: _site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""


def workflow_text() -> str:
    """The text of ``.github/workflows/deploy.yml`` for a workshop site."""
    globs = ", ".join(f"'{glob}'" for glob in PHOTO_GLOBS)
    return _TEMPLATE.format(cache_dir=CACHE_DIR, python=PYTHON_VERSION, globs=globs,
                            requirement=REQUIREMENT)


def write_workflow(site_root: Path, *, force: bool = False) -> str | None:
    """Write the workflow under ``site_root``; an existing one is kept unless ``force``.
    Returns what happened, as a line for a report, or None when the file was written."""
    target = site_root / WORKFLOW_PATH
    if target.exists() and not force:
        return f"{WORKFLOW_PATH} already exists and was kept (--force writes over it)."
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(workflow_text(), encoding="utf-8")
    return None
