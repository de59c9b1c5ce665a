"""mkdocs serve: every file the plugin reads is watched, and an error does not stop the server."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitekit import fetch, free_port, page, photo, wait_for, write_site

PEOPLE = "ada:\n  name: Ada Lovelace\n  aff: Analytical Engine Society\n"
PAPERS = "- title: First Paper (example)\n  authors: [Ada Lovelace]\n  decision: Poster\n"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    write_site(tmp_path, {"index.md": page(
        {"speakers": [{"id": "ada", "image": "ada.png"}]},
        '<< team("speakers") >>\n\n<< papers("papers.yml") >>')},
        files={"docs/people.yml": PEOPLE, "docs/papers.yml": PAPERS, "docs/ada.png": photo()})
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: "Ada Lovelace" in fetch(url), "the first build")
        yield tmp_path, url, server
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


def edit(path: Path, text: str | bytes) -> None:
    # A new modification time even on file systems with coarse timestamps.
    (path.write_bytes if isinstance(text, bytes) else path.write_text)(text)  # type: ignore[operator]
    later = time.time() + 1
    os.utime(path, (later, later))


def test_serve_follows_every_data_file_and_survives_errors(
        served: tuple[Path, str, subprocess.Popen[str]]) -> None:
    root, url, server = served
    docs = root / "docs"
    first_avatar = _avatar(fetch(url))

    edit(docs / "people.yml", PEOPLE.replace("Analytical Engine Society", "Babbage Institute"))
    wait_for(lambda: "Babbage Institute" in fetch(url), "the people directory's change")

    edit(docs / "papers.yml", PAPERS + "- title: Second Paper (example)\n  authors: [B]\n")
    wait_for(lambda: "Second Paper (example)" in fetch(url), "the papers file's change")

    edit(docs / "ada.png", photo(color=(10, 200, 10)))
    wait_for(lambda: _avatar(fetch(url)) not in ("", first_avatar), "the photo's change")

    # An error: the server goes on, and the page says what is wrong.
    edit(docs / "people.yml", "ada:\n  name: Ada Lovelace\n  url: javascript:alert(1)\n")
    wait_for(lambda: "This page has 1 problem(s)" in fetch(url), "the error on the page")
    shown = fetch(url)
    assert "&#39;ada&#39; cannot be used: its entry in people.yml has a mistake" in shown
    assert "javascript:alert(1)" in shown and server.poll() is None

    # Fixing the file recovers.
    edit(docs / "people.yml", PEOPLE)
    wait_for(lambda: "problem(s)" not in fetch(url) and "Analytical Engine" in fetch(url),
             "the recovery")
    assert server.poll() is None


def _avatar(html: str) -> str:
    marker = 'class="workshop-avatar" src="'
    return html.split(marker, 1)[1].split('"', 1)[0] if marker in html else ""


BOMB = "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 10) + "]\n"
    for i in range(8))


def test_serve_recovers_after_any_bad_input(
        served: tuple[Path, str, subprocess.Popen[str]]) -> None:
    """Each input that once raised (or hung) while serving: the server goes on, the page says
    what is wrong, and fixing the file brings the page back."""
    root, url, server = served
    index = root / "docs" / "index.md"
    good = index.read_text(encoding="utf-8")
    cases = [
        ("---\nspeakers: " + "[" * 100_000 + "]" * 100_000 + "\n---\n\nHi\n",
         "nests lists and mappings more than 64 levels deep"),
        ("---\n" + BOMB.replace("a: &a", "speakers: &a") + "---\n\nHi\n",
         "expands to more than 500,000 values"),
        ("---\npage: x\nspeakers:\n  - name: Ada Lovelace\n---\n\n<< team(\"speakers\") >>\n",
         "a &#39;page:&#39; key would replace it"),
        ("---\n1: x\ndates:\n  - Deadline: 2024-02-30\n---\n\n<< dates() >>\n",
         "&#39;2024-02-30&#39; is not a date that exists"),
        ("---\ntitle: 2024\nworkshop: {date: 2024-07-16, timezone: Europe}\n---\n\nHi\n",
         "&#39;Europe&#39; is a region, not a time zone"),
    ]
    for text, shown in cases:
        edit(index, text)
        wait_for(lambda shown=shown: shown in fetch(url), f"the page to say {shown!r}")
        assert server.poll() is None
    edit(root / "docs" / "people.yml", BOMB)
    edit(index, good)
    # The page says what it lost; the log names people.yml's own problem.
    wait_for(lambda: "is not in the people directory" in fetch(url), "people.yml's error")
    edit(root / "docs" / "people.yml", PEOPLE)
    wait_for(lambda: "problem(s)" not in fetch(url) and "Ada Lovelace" in fetch(url),
             "the recovery")
    assert server.poll() is None
