"""Stand-in layouts for a theme a site names but does not hold.

A site built on a gem or remote theme (``remote_theme: owner/jekyll-theme-conference``,
``theme: jekyll-nagymaros``) keeps only its data and pages: the layouts that show its
program, talks and speakers are the theme's, fetched by GitHub Pages at build time and not in
the repository the importer reads. Without them a page that names ``layout: program`` shows
nothing of ``_data/program.yml``, and everything it held is lost.

For the conference themes workshop sites use most, the importer knows which data each layout
shows and how, from the themes' documentation of their data files: each stand-in below is a
short Liquid layout of this module's own that shows the same lists with the same fields, so
the importer's usual reading (a loop over data becomes a macro call) applies. What a stand-in
draws besides those lists (navigation, colors, maps) is not drawn: the new site's theme draws
its own. A layout the site holds itself is always used over a stand-in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# jekyll-theme-conference: _data/program.yml (days, each of rooms, each of talks), the
# talks, speakers and rooms collections (talks named by 'name:', their speakers by name).
_CONFERENCE = {
    "program": """{{ content }}
{% for d in site.data.program.days %}<h2>{{ d.name }}</h2>
{% for r in d.rooms %}<h3>{{ r.name }}</h3><ul>
{% for t in r.talks %}<li>{{ t.time_start }}&ndash;{{ t.time_end }} {{ t.name }}</li>
{% endfor %}</ul>{% endfor %}{% endfor %}""",
    "talk-overview": """{{ content }}
<ul>{% for talk in site.talks %}{% unless talk.hide %}
<li>{{ talk.name }}<br>{{ talk.speakers | join: ", " }}</li>{% endunless %}{% endfor %}</ul>""",
    "speaker-overview": """{{ content }}
<ul>{% assign speakers = site.speakers | sort_natural: "last_name" %}
{% for speaker in speakers %}<li>{{ speaker.first_name }} {{ speaker.last_name }}</li>
{% endfor %}</ul>""",
    "talk": """<h1>{{ page.name }}</h1>
<p>{{ page.speakers | join: ", " }}</p>
{{ content }}""",
    "speaker": """<h1>{{ page.first_name }} {{ page.last_name }}</h1>
{{ content }}""",
    "room": """<h1>{{ page.name }}</h1>
{{ content }}
{% for d in site.data.program.days %}{% for r in d.rooms %}{% if r.name == page.name %}
<h2>{{ d.name }}</h2><ul>{% for t in r.talks %}
<li>{{ t.time_start }}&ndash;{{ t.time_end }} {{ t.name }}</li>{% endfor %}</ul>
{% endif %}{% endfor %}{% endfor %}""",
}

# jekyll-nagymaros: _data/participants.yml (groups of members, each a name, a surname and
# an affiliation), _data/program.yml (days of events, each a time "14:00 to 15:00", a title
# and a subtitle).
_NAGYMAROS = {
    "participants": """{{ content }}
{% for group in site.data.participants.groups %}<h5>{{ group.title }}</h5><ul>
{% for member in group.members %}<li>{{ member.name }} {{ member.surname }}
<small>{{ member.affil }}</small></li>{% endfor %}</ul>{% endfor %}""",
    "program": """{{ content }}
{% for day in site.data.program.days %}<h5>{{ day.name }}</h5><ul>
{% for event in day.events %}<li>{{ event.time | replace: " to ", "&ndash;" }}
{{ event.title }} {{ event.subtitle }}</li>{% endfor %}</ul>{% endfor %}""",
}

STAND_INS: dict[str, dict[str, str]] = {
    "jekyll-theme-conference": _CONFERENCE,
    "jekyll-nagymaros": _NAGYMAROS,
}


def theme_name(config: Mapping[str, Any]) -> str | None:
    """The theme a site's settings name (``remote_theme: owner/name@v1``, ``theme: name``),
    as its repository or gem is named, lower case; None when it names none."""
    for key in ("remote_theme", "theme"):
        value = config.get(key)
        if isinstance(value, str) and value.strip():
            name = value.strip().split("@", 1)[0].rstrip("/").rsplit("/", 1)[-1]
            if re.fullmatch(r"[A-Za-z0-9._-]{1,100}", name):
                return name.lower()
    return None


def stand_in(theme: str | None, layout: str) -> str | None:
    """The stand-in of the theme's layout ``layout``, if the importer knows that theme's."""
    return STAND_INS.get(theme or "", {}).get(layout)
