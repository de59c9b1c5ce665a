"""Two builds of the same sources with the same SOURCE_DATE_EPOCH give the same site, byte for
byte: calendar stamps, image names and bytes, JSON-LD, link previews, schemas (conftest's
build_config sets the epoch)."""

from __future__ import annotations

from pathlib import Path

from sitekit import build_config, copy_demo, page, photo, write_site

PAGES = {
    "index.md": page({
        "title": "AI for Science 2024",
        "workshop": {"venue": "ICML 2024", "date": "2024-07-16", "location": "Vienna, Austria",
                     "timezone": "Europe/Vienna", "description": "Scaling in AI."},
        "speakers": [{"name": "Ada Example", "image": "ada.png", "aff": "Example U"},
                     {"name": "Bo Sample"}],
        "dates": [{"Paper Submission Deadline": "2024-05-16"},
                  {"what": "Camera-ready", "when": "2024-06-30", "extended": "2024-07-02"},
                  {"Workshop Date": "2024-07-16"}],
        "schedule": [{"start": "09:00", "end": "09:30", "title": "Opening"},
                     {"start": "09:30", "end": "10:15", "title": "Talk",
                      "speakers": ["Ada Example"], "room": "Hall A"}],
    }, "# AI for Science\n\n<< team(\"speakers\") >>\n\n<< dates() >>\n\n<< schedule() >>\n"),
}


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file()}


def test_two_builds_of_the_same_sources_are_identical(tmp_path: Path) -> None:
    sites = []
    for name in ("first", "second"):  # other folders, other image caches
        config = write_site(tmp_path / name, PAGES, files={"docs/ada.png": photo()},
                            extra_config={"site_url": "https://example.org/ws/"})
        built = build_config(config, strict=True)
        assert built.ok, built.messages()
        sites.append(_files(tmp_path / name / "site"))
    first, second = sites
    assert any(n.endswith(".ics") for n in first) and any(n.endswith(".avif") for n in first)
    assert first.keys() == second.keys()
    differ = [name for name in first if first[name] != second[name]]
    assert differ == []


def test_the_demo_builds_the_same_twice(tmp_path: Path) -> None:
    sites = []
    for name in ("first", "second"):
        root = copy_demo(tmp_path / name)
        built = build_config(root / "mkdocs.yml", strict=True)
        assert built.ok, built.messages()
        sites.append(_files(root / "site"))
    first, second = sites
    assert [name for name in first if first[name] != second.get(name)] == []
