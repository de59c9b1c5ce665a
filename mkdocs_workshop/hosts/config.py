"""The plugin's options, under ``plugins: - workshop:`` in ``mkdocs.yml``."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..core.problems import brief, excerpt
from ..core.timezones import UnknownTimezone, Zone, resolve_zone


class TimezoneOption(base.BaseConfigOption[Zone]):
    """``AoE``, ``UTC`` or an IANA zone name such as ``Europe/Vienna``."""

    def __init__(self, default: str) -> None:
        super().__init__()
        self.default = resolve_zone(default)

    def run_validation(self, value: object) -> Zone:
        if isinstance(value, Zone):
            return value
        if not isinstance(value, str):
            raise base.ValidationError(
                f"Expected a time zone name such as AoE or Europe/Vienna, got {brief(value)}."
            )
        try:
            return resolve_zone(value)
        except UnknownTimezone as exc:
            hint = f" {exc.fix[0].upper()}{exc.fix[1:]}" if exc.fix else ""
            raise base.ValidationError(
                f"'{excerpt(value, 80)}' is not a time zone.{hint} Use AoE (Anywhere on Earth), "
                "UTC, or an IANA name such as Europe/Vienna."
            ) from None


class FolderOption(c.Optional[str]):
    """A folder's path (``cache_dir``): text that a file system can take."""

    def __init__(self) -> None:
        super().__init__(c.Type(str))

    def run_validation(self, value: object) -> str | None:
        folder = super().run_validation(value)
        if folder is not None and ("\x00" in folder or not folder.strip()):
            raise base.ValidationError(
                f"'{excerpt(folder, 80)}' is not a folder's path (it is empty or holds a NUL "
                "character). Write a path such as .cache/mkdocs-workshop, or leave it out.")
        return folder


class WorkshopConfig(base.Config):
    # Zone of deadlines that do not name their own (``timezone:`` on an entry) and of pages
    # without ``dates_timezone:``. AoE is UTC-12: a deadline passes when its day has ended
    # everywhere on Earth.
    deadline_timezone = TimezoneOption(default="AoE")
    # The series' people directory, relative to docs_dir; optional. Roster entries name its
    # people by id. Watched by ``mkdocs serve``.
    people_file = c.Type(str, default="people.yml")
    # How schedule() writes times: 14:30 ("24h") or 2:30 PM ("12h").
    time_format = c.Choice(("24h", "12h"), default="24h")
    # Avatars and logos: crop, resize to twice the display size and encode (AVIF, WebP),
    # cached between builds. false links the original files as they are.
    images = c.Type(bool, default=True)
    avatar_size = c.Type(int, default=128)  # CSS pixels; the stylesheet shows 6.4rem = 128 px
    logo_height = c.Type(int, default=56)  # CSS pixels
    image_formats = c.ListOfItems(c.Choice(("avif", "webp", "png", "jpeg")),
                                  default=["avif", "webp"])
    image_quality = c.Type(int, default=80)
    # Publish the full-size photos the avatars and logos were made from, even when no page
    # links to them. By default they stay out of the built site.
    publish_originals = c.Type(bool, default=False)
    # Where processed images are kept between builds; default .cache/mkdocs-workshop next to
    # mkdocs.yml (add .cache/ to .gitignore).
    cache_dir = FolderOption()
    # Calendar files (.ics) beside dates() and schedule(), with an "Add to calendar" link.
    calendars = c.Type(bool, default=True)
    # schema.org Event data (JSON-LD) on every page with a workshop block, for search engines.
    structured_data = c.Type(bool, default=True)
    # The header of pages with a workshop block (when, where, the next deadline, the
    # workshop.links buttons) and the bar of the edition's pages from the nav. A page turns
    # it off with ``header: false`` in its workshop block (or on, when this is false).
    edition_header = c.Type(bool, default=True)
    # Link previews: Open Graph and Twitter tags on pages with a workshop block.
    link_previews = c.Type(bool, default=True)
    # The script that keeps past/next dates and a countdown by the visitor's clock, and offers
    # the program in the visitor's time zone. The pages are complete without it.
    javascript = c.Type(bool, default=True)
    # Add the package's stylesheet to the site. Turn off to style the blocks entirely yourself.
    stylesheet = c.Type(bool, default=True)
