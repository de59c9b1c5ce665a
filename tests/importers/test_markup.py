"""markup.formatting_only / shown_value: a value of an imported site is shown as HTML only when
its markup is the kind text is formatted with; anything else is shown as text. Examples, a
property over strings made of HTML fragments (tags allowed and forbidden, handlers, schemes,
comments, declarations, unclosed tags), and the same strings read by Chromium: what the
checker lets through must be what a browser reads as formatting too."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_workshop.importers.common import markup
from mkdocs_workshop.importers.common.markup import FORMATTING, formatting_only, shown_value

pytestmark = pytest.mark.timeout(60)

SETTINGS = settings(max_examples=300, deadline=None)
SAFE_SCHEMES = {"http", "https", "mailto"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


# ---------------------------------------------------------------------------------------------
# What Python's html.parser reads as live in a text
# ---------------------------------------------------------------------------------------------


def scheme_of(value: str) -> str | None:
    """The scheme of an address: entities decoded, ASCII control characters and spaces taken
    out (browsers drop tabs and new lines inside a scheme), lowercased."""
    cleaned = re.sub(r"[\x00-\x20]+", "", html.unescape(value)).lower()
    found = _SCHEME.match(cleaned)
    return found.group(1) if found else None


class _Live(HTMLParser):
    """Every element, handler and address a browser would act on, as html.parser reads it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[str] = []
        self.handlers: list[str] = []
        self.schemes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(name)
            if name in ("href", "src", "srcset") and value is not None:
                for part in value.split(",") if name == "srcset" else [value]:
                    scheme = scheme_of(part)
                    if scheme is not None:
                        self.schemes.append(scheme)

    handle_startendtag = handle_starttag


def live(text: str) -> _Live:
    parser = _Live()
    parser.feed(text)
    parser.close()
    return parser


def problems(text: str) -> list[str]:
    """What of ``text`` is not formatting: elements, handlers, schemes (empty: none)."""
    found = live(text)
    return ([f"element {e}" for e in found.elements if e not in FORMATTING]
            + [f"handler {h}" for h in found.handlers]
            + [f"scheme {s}" for s in found.schemes if s not in SAFE_SCHEMES])


# ---------------------------------------------------------------------------------------------
# Examples
# ---------------------------------------------------------------------------------------------

FORMATTED = [
    "MIT <br> <i>(chair)</i>",
    "<b>bold</b> and <strong>strong</strong>, <em>em</em>, <sup>1</sup>",
    '<a href="https://example.org/x?y=1&amp;z=2">link</a>',
    "<a href='http://example.org'>plain http</a>",
    '<a href="mailto:chair@example.org">mail</a>',
    '<a href="/people/ada/">relative</a> <a href="#top">anchor</a> <a href="p.html">page</a>',
    '<a href="?q=a:b">query with a colon</a> <a href="x/y:z">path with a colon</a>',
    '<img src="/assets/ada.png" alt="Ada" width="80" height="80">',
    '<img src="https://example.org/a.png" srcset="a.png 1x, https://example.org/b.png 2x">',
    "<ul><li>one</li><li>two</li></ul><ol><li>x</li></ol>",
    "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td colspan=2>b</td></tr></tbody>"
    "</table>",
    '<p class="note" id="n1" data-x="1" aria-label="l">para</p><hr/><br/>',
    "<details><summary>more</summary>hidden</details>",
    "<B>UPPER</B> <A HREF='HTTPS://EXAMPLE.ORG'>upper link</A>",
    "&lt;script&gt;alert(1)&lt;/script&gt; is only text",
]

NOT_FORMATTED = [
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<ScRiPt src=//evil.example/x.js></ScRiPt>",
    "</script>",
    "<style>body{display:none}</style>",
    "<iframe src=https://evil.example></iframe>",
    "<object data=x.swf></object>",
    "<embed src=x.swf>",
    "<svg onload=alert(1)>",
    "<svg><a href=x>y</a></svg>",
    "<math><mi>x</mi></math>",
    "<form action=https://evil.example><input name=p></form>",
    "<input autofocus onfocus=alert(1)>",
    "<button formaction=javascript:alert(1)>x</button>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<meta http-equiv=refresh content='0;url=https://evil.example'>",
    "<base href=https://evil.example/>",
    "<template><img src=x onerror=alert(1)></template>",
    "<noscript><p title='</noscript><img src=x onerror=alert(1)>'></noscript>",
    "<textarea></textarea>",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=x OnErRoR=alert(1)>",
    "<b onmouseover=alert(1)>x</b>",
    '<img src="x"/onerror=alert(1)>',
    "<a/href=javascript:alert(1)>x</a>",
    "<div/onclick=alert(1)>x</div>",
    "<a title='x'onclick=alert(1)>x</a>",
    "<i style=\"background:url(javascript:alert(1))\">x</i>",
    "<details open ontoggle=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    "<a href=javascript:alert(1)>x</a>",
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="\x01javascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="java\nscript:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="java&Tab;script:alert(1)">x</a>',
    '<a href="java&NewLine;script:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="&#106avascript:alert(1)">x</a>',
    '<a href="&#x6A;avascript&colon;alert(1)">x</a>',
    '<a href="javascript&#58;alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<img src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
    '<img srcset="a.png 1x, javascript:alert(1) 2x">',
    "<![CDATA[<script>alert(1)</script>]]>",
    "<?php echo 1; ?>",
    "<!DOCTYPE html>",
    "<b>ok</b><script>alert(1)</script>",
    "<b>ok</b></style>",
]


@pytest.mark.parametrize("text", FORMATTED)
def test_formatting_markup_is_shown_as_written(text: str) -> None:
    assert formatting_only(text)
    assert shown_value(text) == text
    assert problems(text) == []


@pytest.mark.parametrize("text", NOT_FORMATTED)
def test_other_markup_is_shown_as_text(text: str) -> None:
    assert not formatting_only(text)
    shown = shown_value(text)
    assert shown == html.escape(text, quote=True)
    assert "<" not in shown and ">" not in shown and '"' not in shown
    assert html.unescape(shown) == text  # the reader sees every character the source wrote
    assert live(shown).elements == []


@pytest.mark.parametrize("text", ["", "plain", "a & b > c", 'say "hi"', "x=1; y='2'",
                                  "javascript:alert(1)", "&lt;b&gt;", "\x00\u202e\ufeff"])
def test_text_without_a_tag_opening_is_returned_unchanged(text: str) -> None:
    assert formatting_only(text)
    assert shown_value(text) == text


def test_the_lists_say_what_formats() -> None:
    # A guard on the lists the checker relies on: none of the elements that run, frame or
    # restyle a page is a formatting element, and no handler is an allowed attribute.
    for tag in ("script", "style", "iframe", "frame", "object", "embed", "svg", "math", "form",
                "input", "button", "link", "meta", "base", "template", "noscript", "textarea",
                "select", "video", "audio", "applet"):
        assert tag not in FORMATTING, tag
    assert not {a for a in markup.ATTRIBUTES if a.startswith("on")}
    assert {"style", "formaction", "action", "srcdoc"}.isdisjoint(markup.ATTRIBUTES)
    assert markup.SAFE_SCHEMES == SAFE_SCHEMES


# ---------------------------------------------------------------------------------------------
# Property: what shown_value gives is formatting only, whatever the text
# ---------------------------------------------------------------------------------------------

FRAGMENTS = [
    # formatting
    "<b>", "</b>", "<i>", "</i>", "<br>", "<br/>", "<p>", "</p>", "<ul>", "<li>", "</li>",
    "</ul>", "<table>", "<tr>", "<td>", "</td>", "</tr>", "</table>", "<em>", "</em>",
    '<span class="c">', "</span>", '<div data-x="1">', "</div>", "</a>",
    '<a href="https://example.org/x">', "<a href='mailto:a@example.org'>", "<a href=/rel>",
    '<a href="#top">', '<img src="pic.png" alt="p">', '<img srcset="a.png 1x, b.png 2x">',
    "<B>", "<A HREF='HTTP://EXAMPLE.ORG'>",
    # elements that are not
    "<script>", "</script>", "<SCRIPT>", "<ScRiPt src=x>", "<style>", "</style>",
    "<iframe src=x>", "<object data=x>", "<embed src=x>", "<svg>", "<svg onload=alert(1)>",
    "<math>", "<form>", "<input>", "<link rel=stylesheet href=x>", "<meta charset=x>",
    "<base href=x>", "<template>", "<noscript>", "<textarea>", "<title>", "<xmp>",
    # attributes
    " onload=alert(1)", " onerror=alert(1)", " style=color:red", " formaction=x",
    "<img src=x onerror=alert(1)>", "<b onclick=alert(1)>", "<i style='x'>",
    '<a href="javascript:alert(1)">', '<a href="JaVaScRiPt:alert(1)">',
    '<a href="java&#x09;script:alert(1)">', '<a href="java&Tab;script:alert(1)">',
    '<a href="&#106;avascript:alert(1)">', '<a href="javascript&colon;alert(1)">',
    '<a href="data:text/html,x">', '<a href="vbscript:x">', '<img src="data:text/html,x">',
    '<img srcset="a.png 1x, javascript:alert(1) 2x">', "<a href=javascript:alert(1)>",
    '<a href="\tjavascript:alert(1)">', '<a href="&#x6A;ava&#x0A;script:alert(1)">',
    "<a href='java\nscript:x'>", "<a href=", "href=", "src=", "javascript:", "JaVaScRiPt:",
    # comments, declarations, processing instructions, broken pieces
    "<!-- c -->", "<!--", "-->", "--!>", "<!-->", "<![CDATA[", "]]>", "<?php echo 1 ?>",
    "<!DOCTYPE html>", "<!x>", "</", "<", ">", "/>", '"', "'", "=", "&", "&amp;", "&lt;",
    "&#60;", "&#x3c;", "\x00", " ", "\n", "\t", "text", "é", "<b", "<a ", "<img ",
]


@pytest.mark.parametrize("text", [
    "<script>x</script>", "<b onclick=x>", "<img src=x ONERROR=x>", '<a href="javascript:x">',
    '<a href="java&#x09;script:x">', '<a href="&#106;avascript:x">', "<a href=' vbscript:x'>",
    '<img srcset="a.png 1x, data:image/png,x 2x">', "<svg/onload=x>", "<b><iframe></b>"])
def test_the_property_check_sees_what_is_live(text: str) -> None:
    # The property below is not vacuous: written as they are, these are found live.
    assert problems(text) != []


@SETTINGS
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join))
def test_shown_value_holds_only_formatting(text: str) -> None:
    shown = shown_value(text)
    assert problems(shown) == [], (text, shown)


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=3)), max_size=10)
       .map("".join))
def test_shown_value_is_the_text_or_the_text_escaped(text: str) -> None:
    shown = shown_value(text)
    if formatting_only(text):
        assert shown == text
        assert problems(text) == []
    else:
        assert shown == html.escape(text, quote=True)
        assert "<" not in shown and html.unescape(shown) == text
    assert shown_value(shown) == shown  # shown once, it is shown as it is


@SETTINGS
@given(st.text().filter(lambda t: "<" not in t))
def test_plain_text_is_returned_unchanged(text: str) -> None:
    assert formatting_only(text)
    assert shown_value(text) == text


# ---------------------------------------------------------------------------------------------
# Where html.parser and browsers read a text differently (found by the checks below)
# ---------------------------------------------------------------------------------------------

# Each is a script or a handler in Chromium (test_the_misread_texts_are_live_in_a_page, below),
# yet Python's html.parser (3.11) reads nothing live in it: the checker must not rely on it here.
COMMENT_ENDS = [
    # "<!-->" and "<!--->" are complete (empty) comments for a browser; html.parser reads on to
    # the next "-->", so the script between is part of a comment to it.
    "<!--><script>alert(1)</script>-->",
    "<!---><script>alert(1)</script>-->",
    # "--!>" ends a comment for a browser; html.parser only knows "-->".
    "<!-- x --!><img src=x onerror=alert(1)> -->",
]
NUL_IN_TAG_NAME = [
    # html.parser ends a tag name at NUL and then gives up on the tag: it becomes text. A browser
    # reads the NUL as U+FFFD inside the name: an element "a\ufffd" with its handler.
    "<a\x00 onclick=alert(1) onmouseover=alert(1)>x</a>",
]
UNCLOSED_TAG = [
    # A start tag the value does not close is text to html.parser at the end of the value; in
    # the page, the browser reads on into the page's own markup, and the handler is live.
    "<img src=x onerror=alert(1) ",
    '<a href="javascript:alert(1)',
]
MISREAD = COMMENT_ENDS + NUL_IN_TAG_NAME + UNCLOSED_TAG


@pytest.mark.parametrize("text", MISREAD)
def test_what_html_parser_misreads_is_text(text: str) -> None:
    assert not formatting_only(text)
    assert shown_value(text) == html.escape(text, quote=True)


# What the checker itself misreads (Chromium runs each: test_the_bypasses_are_live_in_a_page).
COMMENT_IN_ATTRIBUTES = [
    # A browser reads no comment inside a tag: "<!--" and "-->" are in attribute values (or
    # are attribute names). The checker takes out "<!--...-->" before it parses, and with it
    # the handler or address between them.
    '<img alt="<!--" src=x onerror=alert(1) title="-->">',
    "<img alt='<!--' src=x onerror=alert(1) title='-->'>",
    '<a title="<!--" href="javascript:alert(1)" rel="-->">x</a>',
    "<img <!-- src=x onerror=alert(1) -->>",
]
OPEN_TAG_WITH_GT_IN_A_VALUE = [
    # The tag is left open at the end of the value, but its quoted value holds ">": the
    # checker's whole-tag pattern ends the tag there, and html.parser reads the open tag as text.
    '<img alt="x>" src=x onerror=alert(1) ',
    '<a title="x>" href="javascript:alert(1)',
]
BYPASSES = COMMENT_IN_ATTRIBUTES + OPEN_TAG_WITH_GT_IN_A_VALUE


@pytest.mark.parametrize("text", COMMENT_IN_ATTRIBUTES)
def test_comment_markers_inside_a_tag_hide_nothing(text: str) -> None:
    assert not formatting_only(text)


@pytest.mark.parametrize("text", OPEN_TAG_WITH_GT_IN_A_VALUE)
def test_a_tag_left_open_after_a_quoted_gt_is_text(text: str) -> None:
    assert not formatting_only(text)


_HANDLERS = ["onerror=alert(1)", "onclick=alert(1)", 'href="javascript:alert(1)"',
             "onmouseover=alert(1)", 'src="javascript:alert(1)"']


@SETTINGS
@given(st.sampled_from(sorted(FORMATTING)), st.sampled_from(["'", '"']),
       st.sampled_from(sorted(markup.ATTRIBUTES - {"href", "src", "srcset"})),
       st.sampled_from(_HANDLERS), st.text(alphabet="abc <>", max_size=5))
def test_comment_markers_inside_a_tag_hide_nothing_for_any_tag(
        tag: str, quote: str, attribute: str, handler: str, filler: str) -> None:
    text = (f"<{tag} {attribute}={quote}<!--{filler}{quote} {handler} "
            f"{attribute}x={quote}-->{quote}>")
    assert problems(shown_value(text)) == [], text


def test_html_parser_and_browsers_agree_on_these() -> None:
    # Cases where the two readings could differ but do not matter: the checker reads what a
    # browser reads, or errs on the side of text.
    assert formatting_only("<img src=x/onerror=alert(1)>")  # one src value for both
    assert not formatting_only("<b\x0bonclick=alert(1)>")  # \v: a name char for browsers
    assert not formatting_only("<a title='x'\x0bonclick=alert(1)>")
    assert not formatting_only('<a href="&amp;#106;avascript:alert(1)">x</a>')  # too strict
    assert formatting_only("<!-- a comment -->x")
    assert formatting_only("<!-- a -- b -->x")
    # "-- >" does not end a comment for a browser; Python's parser may end it there (its
    # versions differ): either way nothing live is shown.
    assert problems(shown_value("<!-- x -- ><img src=x onerror=alert(1)> -->")) == []
    assert not formatting_only("<!x><script>alert(1)</script>")
    assert not formatting_only("<!-- " + "x" * 200_000 + " -->")  # too long to read: text
    assert not formatting_only("<b>x</b")  # left open


# ---------------------------------------------------------------------------------------------
# The same texts in Chromium
# ---------------------------------------------------------------------------------------------

# What the page, parsed by Chromium, holds that is not formatting: elements, handlers,
# addresses whose scheme the browser reads as other than http(s) or mailto, runs of alert().
_LIVE_JS = """() => {
  const found = [];
  const safe = ['http:', 'https:', 'mailto:'];
  const scheme = (value) => {
    try { return new URL(value, document.baseURI).protocol; }
    catch (e) { return 'unparsed:'; }
  };
  for (const el of document.body.querySelectorAll('*')) {  // the value's, and around it
    const tag = el.tagName.toLowerCase();
    // An element a browser does not know (a name with U+FFFD, "b<") does nothing itself.
    if (el.id !== 'value' && !FORMATTING.includes(tag) && !(el instanceof HTMLUnknownElement))
      found.push('element ' + tag);
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) found.push('handler ' + tag + ' ' + a.name);
      // A srcset candidate is an address, then a space and its size.
      const parts = a.name === 'srcset'
        ? a.value.split(',').map((c) => c.trim().split(/\\s+/)[0]) : [a.value];
      if (['href', 'src', 'srcset', 'action', 'formaction', 'data'].includes(a.name)) {
        for (const part of parts) {
          const s = scheme(part);
          if (!safe.includes(s)) found.push('scheme ' + s + ' in ' + tag);
        }
      }
    }
  }
  if (window.ran) found.push('ran');
  return found;
}"""


@pytest.fixture(scope="module")
def chromium(browser: Any) -> Any:
    """The run's Chromium (tests/conftest.py)."""
    return browser


def chromium_reads(browser: Any, fragment: str, page: Any = None) -> list[str]:
    """What Chromium finds live in a page that shows ``fragment`` inside a paragraph, with the
    page's own markup after it (as a value is shown in a page); in ``page`` when given."""
    own = page is None
    if own:
        page = browser.new_page()
        page.route("**/*", lambda route: route.abort())  # nothing leaves the machine
    try:
        page.set_content(
            "<!doctype html><html><head><base href='https://example.org/'><script>"
            "window.ran = false; window.alert = () => { window.ran = true; };</script></head>"
            f"<body><p id=value>{fragment}</p>\n"
            "<p class=\"after\" title='t'>after</p></body></html>")
        page.wait_for_timeout(20)
        return list(page.evaluate(_LIVE_JS.replace("FORMATTING", repr(sorted(FORMATTING)))))
    finally:
        if own:
            page.close()


@pytest.fixture(scope="module")
def chromium_page(chromium: Any) -> Iterator[Any]:
    page = chromium.new_page()
    page.route("**/*", lambda route: route.abort())
    yield page
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("text", FORMATTED + NOT_FORMATTED + [
    "<!-- a comment -->x", "<img src=x/onerror=alert(1)>", "<b\x0bonclick=alert(1)>",
    "<!x><script>alert(1)</script>", "<b", "<!--", "</p><script>alert(1)</script>",
    "<!-- x -- ><img src=x onerror=alert(1)> -->", "<b>x</b", '<img alt="x>" src=x>'])
def test_chromium_reads_nothing_live_in_what_is_shown(chromium: Any, text: str) -> None:
    assert chromium_reads(chromium, shown_value(text)) == []


@pytest.mark.browser
@pytest.mark.parametrize("text", MISREAD)
def test_chromium_reads_nothing_live_in_what_html_parser_misreads(chromium: Any,
                                                                   text: str) -> None:
    assert chromium_reads(chromium, shown_value(text)) == []


@pytest.mark.browser
@pytest.mark.parametrize("text", MISREAD)
def test_the_misread_texts_are_live_in_a_page(chromium: Any, text: str) -> None:
    # Not duds: written into a page as they are, Chromium finds them live, while html.parser
    # finds nothing live in them.
    assert chromium_reads(chromium, text) != []
    assert problems(text) == []


@pytest.mark.browser
@pytest.mark.parametrize("text", BYPASSES)
def test_chromium_reads_nothing_live_in_the_bypasses(chromium: Any, text: str) -> None:
    assert chromium_reads(chromium, shown_value(text)) == []


@pytest.mark.browser
@pytest.mark.parametrize("text", BYPASSES)
def test_the_bypasses_are_live_in_a_page(chromium: Any, text: str) -> None:
    assert chromium_reads(chromium, text) != []


@pytest.mark.browser
def test_the_chromium_check_sees_what_is_live(chromium: Any) -> None:
    # The check above is not blind: markup written into the page as it is, is found live.
    assert chromium_reads(chromium, "<script>alert(1)</script>") != []
    assert chromium_reads(chromium, "<img src=x onerror=alert(1)>") != []
    assert chromium_reads(chromium, '<a href="java&#x09;script:alert(1)">x</a>') != []
    assert chromium_reads(chromium, "<b>fine</b>") == []


# Whole pieces only: every tag, comment and declaration closed, no lone "<" and no NUL (the
# differences found above): what Chromium reads in them must be what the checker read.
WHOLE = [f for f in FRAGMENTS if f.startswith("<") and f.endswith(">") and f.count("<") == 1
         and f != "<!-->"] + [
    "text", "é", " ", "\n", "&amp;", "&lt;", "&#60;", "&#x3c;", '"', "'", "=", "/>", ">",
    "javascript:alert(1)", "<!-- -- -->", "<![CDATA[x]]>"]


@pytest.mark.browser
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WHOLE), max_size=8).map("".join))
def test_chromium_agrees_with_the_checker_on_whole_tags(chromium: Any, chromium_page: Any,
                                                         text: str) -> None:
    assert chromium_reads(chromium, shown_value(text), chromium_page) == [], text
