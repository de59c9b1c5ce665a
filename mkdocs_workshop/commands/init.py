"""``mkdocs-workshop init DIR``: a new workshop site that builds with ``--strict`` at once.

It writes, into an empty (or new) folder:

- ``mkdocs.yml``: Material, the macros plugin with ``<<``/``>>``, this plugin, and a nav
  (:func:`~mkdocs_workshop.importers.common.newsite.mkdocs_yml_text`, as ``import-jekyll``
  writes it);
- ``docs/index.md``: the series' home page, whose ``editions()`` lists the editions;
- ``docs/<edition>.md``: the edition page. Its ``workshop:`` block holds what the options
  gave; every other part (speakers, panel, organizers, program, papers, sponsors, deadlines)
  is written as a comment where it waits for data: in the front matter, a commented key with
  an example entry; in the text, the section inside a Jinja comment (``{# ... #}``), which
  mkdocs-macros drops and the plugin does not check, so the page builds until it is filled in;
- ``docs/people.yml``: the people directory, empty, with its schema modeline, and the
  schemas themselves under ``schemas/``;
- ``docs/stylesheets/extra.css``: the site's own styles, with two accessibility choices
  (underlined links in text, a footer with enough contrast);
- ``requirements.txt`` (what the site needs to build, which the deploy workflow installs),
  ``.gitignore`` and the deploy workflow (:mod:`mkdocs_workshop.importers.common.deploy`).

Option values are the organizer's text: written into YAML through PyYAML (quoted as needed),
and where a theme shows them as HTML (the site's name, the nav, the title) with markup and
template delimiters as character references (:mod:`mkdocs_workshop.importers.common.escape`).
"""

from __future__ import annotations

import argparse
import contextlib
import re
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..core.anchors import slug
from ..core.problems import Refused
from ..core.timezones import UnknownTimezone, resolve_zone
from ..features import FEATURES
from ..importers.common.deploy import WORKFLOW_PATH, write_workflow
from ..importers.common.escape import html_text, html_value, markdown_text, neutral_title, one_line
from ..importers.common.newsite import GITIGNORE, REQUIREMENTS, mkdocs_yml_text
from ..importers.common.yamltext import scalar
from ..site.schemas import write as write_schemas
from .base import Subcommand

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_day(text: str, option: str = "--date") -> date:
    """``YYYY-MM-DD`` as given on the command line."""
    try:
        if not _DAY.match(text.strip()):
            raise ValueError
        return date.fromisoformat(text.strip())
    except ValueError:
        raise Refused(f"{option}: '{one_line(text)[:40]}' is not a date; write it as "
                      "YYYY-MM-DD (2027-07-16).") from None


def option_text(value: str | None, option: str) -> str | None:
    """An option's text on one line; an empty one is refused."""
    if value is None:
        return None
    text = one_line(value)
    if not text:
        raise Refused(f"{option} is empty; give it some text, or leave the option out.")
    return text


@dataclass(frozen=True)
class NewSite:
    """What ``init`` was told about the first edition (each may be missing)."""

    title: str | None = None
    venue: str | None = None
    day: date | None = None
    location: str | None = None
    timezone: str | None = None  # as written, checked

    @classmethod
    def from_options(cls, *, title: str | None, venue: str | None, day: str | None,
                     location: str | None, timezone: str | None) -> NewSite:
        zone = option_text(timezone, "--timezone")
        if zone is not None:
            try:
                resolve_zone(zone)
            except UnknownTimezone as exc:
                hint = f" {exc.fix[0].upper()}{exc.fix[1:]}" if exc.fix else ""
                raise Refused(f"--timezone: '{zone[:40]}' is not a time zone.{hint} Use "
                              "AoE, UTC, or an IANA name such as Europe/Vienna.") from None
        return cls(option_text(title, "--title"), option_text(venue, "--venue"),
                   parse_day(day) if day is not None else None,
                   option_text(location, "--location"), zone)

    @property
    def site_title(self) -> str:
        return self.title or self.venue or "Workshop"

    @property
    def page_name(self) -> str:
        """The edition page's file: from the venue (``ICML 2025``: ``icml-2025.md``), else the
        year, else ``edition.md``."""
        if self.venue and slug(self.venue) != "person":
            return short_slug(self.venue) + ".md"
        if self.day is not None:
            return f"{self.day.year}.md"
        return "edition.md"

    @property
    def nav_label(self) -> str:
        return self.venue or (str(self.day.year) if self.day else None) or self.site_title


NAME_CHARS = 60  # of a file name made from a title: file systems take 255 bytes


def short_slug(text: str) -> str:
    """``slug(text)``, cut at a hyphen to at most NAME_CHARS characters (a venue of a
    thousand characters would be a file name no file system takes)."""
    made = slug(text)
    if len(made) <= NAME_CHARS:
        return made
    cut = made[:NAME_CHARS]
    return cut.rsplit("-", 1)[0] if "-" in cut[NAME_CHARS // 2:] else cut


def _commented(key: str, value: str | None, example: str, note: str = "") -> str:
    """A ``workshop:`` line: the value given, or the key commented with an example."""
    if value is not None:
        return f"  {key}: {value}\n"
    return f"  # {key}: {example}{note}\n"


def edition_page(site: NewSite) -> str:
    """The edition page: the ``workshop:`` block as given, the rest waiting in comments."""
    title = neutral_title(html_value(site.site_title))
    when = site.day.isoformat() if site.day else None
    front = (
        "---\n"
        "# Made by mkdocs-workshop init. The front matter holds the edition's data; the text\n"
        "# below shows it. A key written as a comment (# speakers:) waits for its data: remove\n"
        "# the '# ' of its lines, fill them in, then uncomment its section in the text.\n"
        "# Every key and field is in mkdocs-workshop's documentation, page 'Front matter'.\n"
        f"title: {scalar(title)}\n"
        "workshop:\n"
        + _commented("venue", scalar(site.venue) if site.venue else None, "ICML 2025")
        + _commented("date", when, "2025-07-18", "    # or start: and end: for several days")
        + _commented("location", scalar(site.location) if site.location else None,
                     "Vancouver, Canada")
        + _commented("timezone", scalar(site.timezone) if site.timezone else None,
                     "America/Vancouver", "    # the program's zone")
        + ("" if site.venue or when or site.location or site.timezone else
           "  header: true               # the edition's header (the default); the block needs\n"
           "                             # one key until the others are filled in\n")
        + "  # attendance: in-person     # or online, hybrid\n"
        "  # description: One line on what the edition is about (for link previews).\n"
        "  # links:                    # the header's buttons\n"
        "  #   - label: Submit a paper\n"
        "  #     url: https://openreview.net/group?id=...\n"
        "\n"
        "# Important dates, in the order they happen (a date without a time is a deadline at\n"
        "# the end of its day, Anywhere on Earth).\n"
        "dates:\n"
        "  # - Paper Submission Deadline: YYYY-MM-DD\n"
        "  # - Acceptance Notification: YYYY-MM-DD\n"
        + (f"  - Workshop Date: {when}\n" if when else "  # - Workshop Date: YYYY-MM-DD\n")
        + "".join(f"\n{w.example}" for feature in FEATURES for w in feature.waiting
                  if w.example)
        + "---\n"
    )
    dates_section = (
        "## Important dates\n\n<< dates() >>\n"
        if when else _waiting("dates under `dates:` in the front matter", "Important dates",
                              "<< dates() >>"))
    body = (
        f"\n# {markdown_text(site.site_title)}\n"
        "\n{# About: say what the workshop is about, who should come and what they will find,\n"
        "   in place of this comment. #}\n\n"
        + dates_section
        + "".join("\n" + _waiting(w.data, w.heading, w.call) for w in WAITING)
    )
    return front + body


# The sections every feature keeps waiting on a new edition page, in the page's order (their
# front-matter examples stand in the registry's order).
WAITING = sorted((w for feature in FEATURES for w in feature.waiting), key=lambda w: w.place)


def _waiting(data: str, heading: str, call: str) -> str:
    """A section inside a Jinja comment: mkdocs-macros drops it, the plugin skips its call."""
    return (f"{{# Waiting for {data}.\n"
            f"   Once it is there, delete this line, the line above and the last line.\n"
            f"## {heading}\n\n{call}\n#}}\n")


def home_page(site: NewSite) -> str:
    return (
        f"# {markdown_text(site.site_title)}\n\n"
        "{# The series' home page, made by mkdocs-workshop init. editions() lists every page\n"
        "   whose front matter has a workshop: block, upcoming editions first: a new edition\n"
        "   page (mkdocs-workshop new-edition) appears in it by itself. #}\n\n"
        "<< editions() >>\n"
    )


PEOPLE_YML = (
    "# yaml-language-server: $schema=../schemas/people.schema.json\n"
    "# The series' people directory: each person once, by id; an edition's rosters name them\n"
    "# with '- id: ada-example' and that edition's affiliation beside it. For example:\n"
    "#\n"
    "# ada-example:\n"
    "#   name: Ada Example\n"
    "#   url: https://example.org/ada\n"
    "#   aff: Example University\n"
)


# The site's own stylesheet, with the accessibility choices the demo makes (axe-core checks
# them): Material's footer small print has too little contrast, and links in running text are
# told apart by more than their colour.
EXTRA_CSS = """\
/* The site's own styles (listed under extra_css in mkdocs.yml). */

/* Links in running text are underlined, not told apart by their colour alone. */
.md-typeset p > a:not(.headerlink),
.md-typeset li > a:not(.headerlink) {
  text-decoration: underline;
}

/* The footer's small print with enough contrast. */
.md-copyright {
  color: var(--md-footer-fg-color--light);
}
"""


def site_files(site: NewSite) -> dict[str, str]:
    """Every file ``init`` writes but the schemas and the workflow, by path in the site."""
    page = site.page_name
    nav = [{"Home": "index.md"}, {"Editions": [{html_text(site.nav_label): page}]}]
    settings = {"site_name": html_text(site.site_title),
                "extra_css": ["stylesheets/extra.css"]}
    return {
        # the theme of every site the commands write (newsite.THEME): no web fonts, so the
        # site loads nothing from elsewhere (as the demo does); light and dark palettes
        "mkdocs.yml": mkdocs_yml_text(settings, nav, header="Written by mkdocs-workshop init."),
        "docs/index.md": home_page(site),
        f"docs/{page}": edition_page(site),
        "docs/people.yml": PEOPLE_YML,
        "docs/stylesheets/extra.css": EXTRA_CSS,
        "requirements.txt": REQUIREMENTS,
        ".gitignore": GITIGNORE,
    }


def init_site(dest: Path, site: NewSite) -> list[str]:
    """Write the new site into ``dest`` (empty or missing); the paths written, in order."""
    if dest.exists() and not dest.is_dir():
        raise Refused(f"{dest} is there and is not a folder. Choose an empty folder.")
    if dest.is_dir() and any(dest.iterdir()):
        raise Refused(f"{dest} is not empty; init writes a new site into an empty or "
                      "new folder only.")
    created = not dest.exists()
    written: list[str] = []
    try:
        for rel, text in site_files(site).items():
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            written.append(rel)
        written += [path.relative_to(dest).as_posix()
                    for path in write_schemas(dest / "schemas")]
        write_workflow(dest)
        written.append(WORKFLOW_PATH)
    except OSError as exc:  # nothing half-written is left behind
        if created:
            shutil.rmtree(dest, ignore_errors=True)
        else:
            _remove(dest, written)
        raise Refused(f"{dest} could not be written ({exc.strerror or exc}); nothing "
                      "was left in it.") from None
    return written


def _remove(dest: Path, written: list[str]) -> None:
    """The files written into a folder that was there (empty) before, and their folders."""
    for rel in written:
        (dest / rel).unlink(missing_ok=True)
    for folder in sorted({p for rel in written for p in (dest / rel).parents
                          if dest in p.parents}, key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):
            folder.rmdir()


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", type=Path, metavar="DIR", help="an empty or new folder")
    parser.add_argument("--title", help="the workshop's title (also the site's name)")
    parser.add_argument("--venue", help="where it is held, as the header shows it: ICML 2025")
    parser.add_argument("--date", help="the workshop's day, YYYY-MM-DD")
    parser.add_argument("--location", help="the city: Vancouver, Canada")
    parser.add_argument("--timezone", help="the program's time zone: America/Vancouver, UTC")


def _run(args: argparse.Namespace) -> str:
    site = NewSite.from_options(title=args.title, venue=args.venue, day=args.date,
                                location=args.location, timezone=args.timezone)
    written = init_site(args.dir, site)
    return "".join(f"{args.dir / rel}\n" for rel in written) + (
        f"\nA new site in {args.dir}. Preview it with: cd {args.dir} && mkdocs serve\n")


COMMAND = Subcommand(
    "init", "start a new workshop site in an empty folder",
    "Write a new workshop site into DIR (empty or new): mkdocs.yml, a home page, one edition "
    "page whose sections wait in comments for their data, an empty people.yml, "
    "requirements.txt, .gitignore and the deploy workflow. It builds with --strict at once.",
    _arguments, _run)
