"""calls.py reads pages with Jinja's own parser: a page it plans renders, call by call, to
exactly what Jinja renders, and a page it refuses is one Jinja cannot read or where Jinja has
more to do than this plugin's calls."""

from __future__ import annotations

from collections.abc import Callable

import jinja2
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_workshop.core.calls import Call, environment, plan, read_call

from sitekit import Built

NAMES = ("team", "dates")
PIECES = [
    "text ", "\n", "\n\n", "  ", "\r\n", '<< team("speakers") >>', "<<- team('a') ->>",
    '<< dates() >>', '<<team("x",layout="list")>>', '<< team("speak\\x65rs") >>',
    "<< team(1, 2.5, true, none) >>", "{# comment #}", "{#- comment -#}", "{% raw %}",
    "{% endraw %}", "{% raw %}<< team('x') >>{% endraw %}", "<< other() >>",
    "<< team(roster) >>", "{% set x = 1 %}", "<< x >>", "<<<", ">>", "{{ x }}", "{%", "%}",
    "<< team(u'x') >>", "<< team('x') | upper >>", "< <", "{#", "#}", "{{", "é", "\t",
]


def _render(call: Call) -> str:
    return f"[{call.name}{call.args!r}{sorted(call.kwargs.items())!r}]"


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_a_planned_page_renders_as_jinja_renders_it(pieces: list[str]) -> None:
    page = "".join(pieces)
    env = environment()
    parts = plan(page, env, NAMES)
    try:
        template = env.from_string(page)
    except jinja2.TemplateSyntaxError:
        assert parts is None  # Jinja cannot read it: mkdocs-macros shows its error
        return
    if parts is None:
        return  # more for Jinja than the plugin's calls: mkdocs-macros renders it

    def macro(name: str):  # type: ignore[no-untyped-def]
        return lambda *args, **kwargs: _render(Call(name, args, kwargs))

    expected = template.render(**{name: macro(name) for name in NAMES})
    got = "".join(p if isinstance(p, str) else _render(p) for p in parts)
    assert got == expected


def test_arguments_are_the_values_jinja_reads() -> None:
    env = environment()
    assert read_call('<< team("speak\\x65rs", layout="list") >>', env, NAMES) == (
        ["speakers"], {"layout": "list"})
    assert read_call("<< team(true, none, 2) >>", env, NAMES) == ([True, None, 2], {})
    assert read_call("<< team(u'speakers') >>", env, NAMES) is None  # no Jinja literal
    assert read_call("<< team(roster) >>", env, NAMES) == ([...], {})
    assert read_call("<< other() >>", env, NAMES) is None


def test_a_text_jinja_cannot_read_is_left_to_mkdocs_macros() -> None:
    """Nesting deeper than Python recurses, an integer too long to convert: no plan, no call
    (mkdocs-macros shows its own error page), never a traceback of the plugin."""
    env = environment()
    for text in ["<< team(" + "(" * 5000 + ") >>", "<< " + "9" * 5000 + " >>",
                 "<< team([" + "[" * 3000 + "]) >>"]:
        assert plan(text, env, {"team"}) is None
        assert read_call(text, env, {"team"}) is None


def test_a_roster_named_none_or_computed_wrong_is_a_located_error(
        site: Callable[..., Built]) -> None:
    front = "---\nspeakers:\n  - name: Ada Lovelace\n---\n\n"
    built = site({"index.md": front + "<< team(none) >>\n",
                  "other.md": front + "{% set r = 'nobody' %}\n<< team(r) >>\n"})
    assert not built.ok
    errors = "\n".join(built.errors)
    assert "index.md: line 6: << team(none) >>: names no roster (none). Fix: write the " \
        "roster's key as text: team(\"speakers\")." in errors
    assert "other.md: team(\"nobody\"): names the roster 'nobody', which this page does not " \
        "have. Fix: add the roster to the page's front matter, or correct its name." in errors
    assert "Traceback" not in errors
