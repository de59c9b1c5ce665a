"""The demo site in docs/: it builds with --strict and shows the seeds' data exactly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitekit import Built, build_config, copy_demo, rosters

ICML = {
    "speakers": [
        ("Bing W. Brunton", "University of Washington", "AI, Neuroscience"),
        ("Kevin Yang", "Microsoft Research", "AI, Biology"),
        ("Juan Felipe Carrasquilla Álvarez", "ETH Zürich", "AI, Quantum Physics"),
        ("Yian Yin", "Cornell University", "AI, Science of Science"),
        ("Gábor Csányi", "University of Cambridge", "AI, Molecular Simulation, Materials"),
    ],
    "Panelist": [
        ("Lenka Zdeborova", "EPFL", "AI, Statistical Physics"),
        ("Sam Rodriques", "Future House", "AI Scientist"),
    ],
    "Organizers": [
        ("Max Welling", "UvA", None), ("Marinka Zitnik", "Harvard", None),
        ("Carla P. Gomes", "Cornell", None), ("Tommi Jaakkola", "MIT", None),
        ("Peter Dayan", "Max Planck Institute", None),
        ("Yuanqi Du", "Cornell", "AI for Science"), ("Ada Fang", "Harvard", "AI + Medicine"),
        ("Lixue Cheng", "MSR AI4Science", "AI + Chemistry"),
        ("Kevin Wenliang Li", "Google DeepMind", "AI + Neuroscience"),
        ("Bowen Jing", "MIT", "AI + Biology"), ("Di Luo", "MIT", "AI + Physics"),
    ],
}
LEFT_OUT = ["Sara Beery", "Fabian Theis", "Thomas Kalil", "Michael Littman", "David Spergel",
            "Yoshua Bengio"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = copy_demo(tmp_path_factory.mktemp("demo"))
    return build_config(root / "mkdocs.yml", strict=True)


def test_the_demo_builds_strict(demo: Built) -> None:
    assert demo.ok, demo.messages()
    assert demo.workshop() == []


def test_icml24_shows_18_cards_in_three_groups_exactly_as_the_seed(demo: Built) -> None:
    html = demo.html("icml24.md")
    found = rosters(html)
    assert {k: len(v) for k, v in found.items()} == {"speakers": 5, "Panelist": 2,
                                                     "Organizers": 11}
    for roster, people in ICML.items():
        block = html.split(f'data-roster="{roster}"')[1].split('<div class="workshop-team ')[0]
        names = re.findall(r'<p class="workshop-person__name">(?:<a href="[^"]*">)?([^<]+)',
                           block)
        assert names == [p[0] for p in people]
        for _name, aff, interest in people:
            assert f'<p class="workshop-person__aff">{aff}</p>' in block
            if interest:  # the demo's override shows each interest as a chip
                for part in interest.replace(" + ", ",").split(","):
                    assert f'<span class="demo-chip">{part.strip()}</span>' in block
    assert "juan-felipe-carrasquilla-alvarez" in found["speakers"]
    for name in LEFT_OUT:  # commented out in the seed: they stay out
        assert name not in html


def test_icml24_shows_six_dates_with_machine_readable_times(demo: Built) -> None:
    html = demo.html("icml24.md")
    dates = html.split('<div class="workshop-dates"')[1].split("</div>")[0]
    assert dates.count('<li class="workshop-date') == 6
    assert re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', dates) == [
        # The abstract deadline was extended: the first date struck, the new one after it.
        ("2024-04-08T23:59:59-12:00", "April 8, 2024"),
        ("2024-04-12T23:59:59-12:00", "April 12, 2024"),
        ("2024-05-16T23:59:59-12:00", "May 16, 2024"),
        ("2024-05-16T00:00-12:00", "May 16"),
        ("2024-05-18T23:59:59-12:00", "18, 2024"),
        ("2024-06-11T23:59:59-12:00", "June 11, 2024"),
        ("2024-06-14T23:59:59-12:00", "June 14, 2024"),
        # The workshop's own day is a day in Vienna, where it is held, not a deadline AoE.
        ("2024-07-16T23:59:59+02:00", "July 16, 2024"),
    ]
    assert '<del class="workshop-date__was"><time datetime="2024-04-08T23:59:59-12:00">' in dates
    assert "All dates are Anywhere on Earth (AoE, UTC\u221212)" in dates
    for label in ("Abstract Submission Deadline", "Paper Submission Deadline",
                  "Review Bidding Period", "Reviewer Deadline", "Acceptance Notification Date",
                  "Workshop Date"):
        assert f'<span class="workshop-date__what">{label}</span>' in dates


def test_icml24_keeps_the_seed_prose(demo: Built) -> None:
    html = demo.html("icml24.md")
    for text in ("Dramatic developments in AI have led to its increasing adoption in science",
                 "Our objective is to uncover both the promising opportunities",
                 "Our workshop is <strong>nonarchival</strong>",
                 'href="mailto:ai4sciencecommunity@gmail.com"'):
        assert text in html


def test_iclr24_carries_its_seed(demo: Built) -> None:
    html = demo.html("iclr24.md")
    assert "The workshop will take place on Saturday, May 11, 2024 in Vienna, Austria (Hybrid)." \
        in html
    assert "Explainability and interpretability of AI models in scientific contexts." in html


def test_the_home_page_lists_the_editions_from_their_front_matter(demo: Built) -> None:
    html = demo.html("index.md")
    # Built "on" 2024-05-01: all upcoming, ICLR 2024 (May 11) before ICML (July 16) before the
    # demo's ICLR 2027.
    assert re.findall(r'class="workshop-edition__title" href="([^"]+)"[^>]*>([^<]+)</a>',
                      html) == [("iclr24/", "AI4DifferentialEquations in Science"),
                                ("icml24/", "AI for Science: Scaling in AI for Scientific "
                                 "Discovery"),
                                ("iclr27/", "AI for Science at ICLR 2027 (demo edition)")]
    assert "Vienna, Austria (Hybrid)" in html


def test_a_directory_person_shows_each_editions_affiliation(demo: Built) -> None:
    icml, iclr = demo.html("icml24.md"), demo.html("iclr24.md")
    for html in (icml, iclr):
        assert '<a href="https://yuanqidu.github.io/">Yuanqi Du</a>' in html
    yuanqi = r'id="yuanqi-du">.*?<p class="workshop-person__aff">([^<]+)</p>'
    assert re.search(yuanqi, icml, re.S).group(1) == "Cornell"  # type: ignore[union-attr]
    assert re.search(yuanqi, iclr, re.S).group(1) == "Cornell University"  # type: ignore[union-attr]
    assert not (demo.root / "site/people.yml").exists()


def test_iclr24_shows_program_papers_and_sponsors(demo: Built) -> None:
    html = demo.html("iclr24.md")
    assert "Times are in Europe/Vienna (UTC+02:00)." in html
    assert '<time datetime="2024-05-11T08:50+02:00">08:50</time>' in html
    assert '<a href="#yuanqi-du">Yuanqi Du</a>' in html  # the speaker links to the card
    assert "4 accepted papers: 1 oral, 1 spotlight and 2 posters." in html
    assert '<a href="https://openreview.net/forum?id=ExAmPlE0001">OpenReview</a>' in html
    assert '<a href="https://openreview.net/pdf?id=ExAmPlE0001">PDF</a>' in html
    # The title's LaTeX is MathML, made at build time; the title links to its forum.
    assert ('<a href="https://openreview.net/forum?id=ExAmPlE0001"><math display="inline" '
            'xmlns="http://www.w3.org/1998/Math/MathML"><mrow><mtext mathvariant="italic">'
            'Ab\u00a0Initio</mtext></mrow></math> Neural Operators') in html
    assert 'alt="Example Foundation (example sponsor)"' in html
    assert "Example data" in html


def test_icml24_shows_papers_from_csv_and_awards(demo: Built) -> None:
    html = demo.html("icml24.md")
    assert "4 accepted papers: 1 oral, 1 spotlight and 2 posters." in html
    # Group labels are headings, in the table of contents: ### under "Accepted Papers",
    # #### under "### Awards" (level=4).
    papers = html.split('<h2 id="accepted-papers">')[1].split('<h3 id="awards">')[0]
    assert re.findall(r'<h3 id="[^"]+">([^<]+)', papers) == ["Orals", "Spotlights",
                                                                 "Posters"]
    awards = html.split('<h3 id="awards">')[1].split("<h2 ")[0]
    assert re.findall(r'<h4 id="[^"]+">([^<]+)', awards) == [
        "Best Paper Award &#40;example&#41;", "Outstanding Student Paper &#40;example&#41;"]
    assert "<msup><mi>n</mi><mn>2</mn></msup>" in papers  # $O(n^2)$ in a title
    # A paper in both papers() and awards() has a different id in each: no id repeats.
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    assert 'id="paper-scaling-laws-for-molecular-property-prediction-example-2"' in awards


def test_documentation_shows_macro_calls_as_text(demo: Built) -> None:
    macros = demo.html("macros/team.md")
    assert '<code>&lt;&lt; team("example_people") &gt;&gt;' in macros
    # The first layout shown keeps the people's anchors; the same people shown again in
    # another layout get their own (ids are unique on a page).
    first = macros.split('data-roster="example_people"')[1]
    assert re.findall(r'<article class="workshop-person" id="([^"]+)"', first)[:3] == [
        "ada-example", "grace-placeholder", "alan-sample"]
    ids = re.findall(r'\bid="([^"]+)"', macros)
    assert len(ids) == len(set(ids))
    # The example photos are shown as processed avatars, and the originals are not published.
    # Three people in three card layouts (grid, list, compact); the names layout has no avatar.
    assert macros.count('<source type="image/avif" srcset="../../assets/workshop/images/') == 9
    assert '<ul class="workshop-team workshop-team--names" data-roster="example_people">' in macros
    assert "assets/examples/" not in macros
    assert not (demo.root / "site/assets/examples/ada-example.png").exists()
    assert '<div class="workshop-dates"' in demo.html("macros/dates.md")
    assert "workshop-papers--awards" in demo.html("macros/papers.md")
    assert 'data-tier="Gold"' in demo.html("macros/sponsors.md")
    start = demo.html("getting-started.md")
    assert ('j2_variable_start_string</span><span class="p">:</span><span class="w"> </span>'
            '<span class="s">"&lt;&lt;"</span>') in start


def test_the_seeds_original_dates_are_warned(tmp_path: Path) -> None:
    """Seed 000 as written: 'Review Bidding Period: Oct 16-18, 2024' for a July workshop."""
    copy_demo(tmp_path)
    page = tmp_path / "docs/icml24.md"
    text = page.read_text(encoding="utf-8")
    corrected = "    start: 2024-05-16\n    end: 2024-05-18\n"
    assert corrected in text
    page.write_text(text.replace(corrected, "    start: 2024-10-16\n    end: 2024-10-18\n"),
                    encoding="utf-8")
    built = build_config(tmp_path / "mkdocs.yml", strict=True)
    assert not built.ok
    assert built.workshop() == [
        "workshop: icml24.md: 'dates', entry 3 (Review Bidding Period): 2024-10-16 to "
        "2024-10-18 is after the workshop (2024-07-16, from the 'workshop:' block). "
        "Fix: check the month and the year of this date.",
        "workshop: icml24.md: 'dates', entry 4 (Reviewer Deadline): 2024-06-11 is listed after "
        "'Review Bidding Period' (2024-10-16 to 2024-10-18) but comes before it. "
        "Fix: list the dates in the order they happen, or correct the date.",
    ]


def _nav_pages(config: Path) -> list[str]:
    """The pages a config's nav lists, in order (tags such as !!python/name are not read)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    found: list[str] = []

    def walk(item: object) -> None:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, list):
            for x in item:
                walk(x)
        elif isinstance(item, dict):
            for x in item.values():
                walk(x)

    walk(yaml.load(config.read_text(encoding="utf-8"), Loader)["nav"])
    return found


def test_zensical_lists_every_page_mkdocs_lists() -> None:
    from sitekit import ROOT

    mkdocs_pages = _nav_pages(ROOT / "mkdocs.yml")
    assert len(mkdocs_pages) > 20  # the editions and the documentation
    assert _nav_pages(ROOT / "zensical.yml") == mkdocs_pages
