"""Edit a Jekyll page's front matter as text, so comments and formatting survive.

Organizers keep notes and retired speakers as YAML comments; re-serializing the YAML would drop
them. Each edit here works on lines, and the result is read again (with the limits of
:mod:`mkdocs_workshop.core.safeload`, then as MkDocs reads it) and compared with what was meant
before it is used. When the edited text does not say what was meant, the original text gets
only the edits that must be made (a title made safe, the dates); when even that fails, the data
is written out again by YAML, without its comments, and the report says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from ...core.meta import YAML_RE
from ...core.problems import Severity, excerpt, kind_of
from ...core.safeload import load
from ...core.timezones import UTC
from ...features import FEATURE_KEYS
from ...features.page import read_page
from ..common.escape import has_delimiter, html_value, neutral_title
from ..common.yamltext import drop_key, replace_key, scalar

_NAME_LINE = re.compile(r"^(?P<indent>[ \t]*)(?P<dash>-[ \t]+)?name[ \t]*:[ \t]*(?P<value>.+)$")
_IMAGE_LINE = re.compile(r"^(?P<head>[ \t]*(?:-[ \t]+)?image[ \t]*:[ \t]*)(?P<value>.*)$")
_ROLE = re.compile(r"^(?P<name>.*\S)\s*\((?P<role>[^()]+)\)$")
_COMMENTED_PERSON = re.compile(r"^[ \t]*#[ \t]*-[ \t]+name[ \t]*:", re.M)

if yaml.__with_libyaml__:  # what MkDocs reads front matter with
    from yaml import CSafeLoader as _MkDocsLoader
else:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _MkDocsLoader  # type: ignore[assignment]


# Keys the new site's theme and plugins read to decide what to do with the page (which
# template, which script, what to hide): an imported page does not set them. Each is dropped,
# and the report says why.
CONTROL_KEYS = {
    "template": "chooses a template of the theme; an imported page must not",
    "location": "the address Material's redirect template writes into a script",
    "hide": "hides parts of Material's page (navigation, table of contents, footer)",
    "search": "tells Material's search to leave the page out or rank it higher",
    "icon": "names an icon file of Material to include in the nav",
    "status": "chooses a status mark of Material in the nav",
    "social": "settings of Material's social cards, which name layout files",
    "render_macros": "tells mkdocs-macros whether to render the page; the import decides",
    "ignore_macros": "mkdocs-macros stops the build when a page has it",
    "render_with_liquid": "Jekyll's: the import read the page's text as it says",
    "redirect_to": "Jekyll's redirect plugin, which the new site does not have; the "
                   "mkdocs-redirects plugin does this in mkdocs.yml",
    "redirect_from": "Jekyll's redirect plugin, which the new site does not have; the "
                     "mkdocs-redirects plugin does this in mkdocs.yml",
    "revision_date": "a MkDocs plugin writes it from git, and Material shows it as HTML",
    "git_revision_date_localized": "a MkDocs plugin writes it from git, and Material shows "
                                   "it as HTML",
    "git_creation_date_localized": "a MkDocs plugin writes it from git, and Material shows "
                                   "it as HTML",
}
# Text Material prints as HTML, unescaped: <title>, <meta content="...">, the header, the nav.
HTML_KEYS = ("title", "description", "author", "subtitle")


@dataclass
class KeyEdits:
    """What the page's front matter keys become: values to write instead, keys to drop."""

    replace: dict[str, str] = field(default_factory=dict)
    drop: dict[str, str] = field(default_factory=dict)  # key -> why
    # Lists written again, in the fields the plugin reads (a roster's ``image_path``).
    values: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _unreadable_plugin_keys(meta: Mapping[Any, Any]) -> dict[str, str]:
    """Keys the plugin reads (``schedule:``, ``dates:``, ``workshop:``...) that the source
    page sets to something the plugin cannot read as a whole (``schedule: ""``, a flag of the
    old theme): each with why. An entry the plugin refuses is not this: the key stays, and the
    build says which entry."""
    found: dict[str, str] = {}
    for key in FEATURE_KEYS & {k for k in meta if isinstance(k, str)}:
        read = read_page("page.md", {key: meta[key]}, None, default_zone=UTC,
                         url_for=lambda _target: None)
        refused = [p for p in read.problems if p.severity is Severity.ERROR and p.key == key
                   and p.entry is None]
        if refused:
            found[key] = (f"the old theme's setting, not the plugin's '{key}:', which "
                          f"{refused[0].message.rstrip('.')}")
    return found


def _kind(value: Any) -> str:
    return kind_of(value)


def key_edits(meta: Mapping[Any, Any]) -> KeyEdits:
    """The keys of ``meta`` that the theme reads: text it prints as HTML made text that reads
    the same (and a title that mkdocs-macros leaves alone), keys that control the theme or a
    plugin dropped, and values of a type the theme cannot take dropped."""
    edits = KeyEdits()
    for key, why in _unreadable_plugin_keys(meta).items():
        edits.drop[key] = why
        value = meta[key]
        shown = f" '{excerpt(str(value), 80)}'" if not isinstance(value, (list, dict)) else ""
        edits.notes.append(f"dropped: {key}{shown} ({why})")
    for key, why in CONTROL_KEYS.items():
        if key in meta:
            edits.drop[key] = why
            value = meta[key]
            shown = f" '{excerpt(str(value), 80)}'" if isinstance(value, str) else ""
            edits.notes.append(f"dropped: {key}{shown} ({why})")
    for key in HTML_KEYS:
        if key not in meta:
            continue
        value = meta[key]
        if isinstance(value, (list, tuple, set, dict)) or (key == "title" and value is None):
            edits.drop[key] = "not text"
            edits.notes.append(f"dropped: {key} (it is {_kind(value)}, not text, and Material "
                               "prints it as text)")
            continue
        if not isinstance(value, str):
            if key != "title":  # a number or a date: nothing in it is markup
                continue
            value = str(value)  # mkdocs-macros looks for '<<' in the title: text only
            edits.notes.append(f"title {excerpt(value, 40)} written as text (in quotes)")
        new = html_value(value)
        if new != value:
            edits.notes.append(
                f"{key}: its markup (<, >, \", &) is written as character references (&lt;, "
                "&gt;, &quot;, &amp;), since Material prints it as HTML; it reads the same.")
        if key == "title" and has_delimiter(new):
            new = neutral_title(new)
            edits.notes.append(
                "the title holds template delimiters ({{, {%, <<, ...): they are written as "
                "character references (&#123;, &lt;), so that mkdocs-macros does not run "
                "them; the title reads the same.")
        if new != meta[key]:
            edits.replace[key] = new
    return edits


@dataclass
class FrontMatterResult:
    text: str
    data: dict[str, Any]
    roles: list[str] = field(default_factory=list)  # "Marinka Zitnik (Moderator)"
    commented_people: int = 0
    notes: list[str] = field(default_factory=list)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _key_line(key: str, value: str) -> str:
    """``key: value`` on one line, whatever the value holds."""
    return f"{key}: {scalar(value)}"


def unwritable(data: Any) -> str:
    """Why ``data``, as YAML read it, cannot be the front matter of a page, or "": it refers
    to itself (every reader of it loops forever), or it holds an integer too long for Python
    to write out (``0x`` and 5,000 ``f``: whatever prints it fails). One walk; a value shared
    through aliases is walked each time, which safeload's limit on aliases bounds."""
    path: set[int] = set()  # the lists and mappings being walked, by id
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        value, done = stack.pop()
        if done:
            path.discard(id(value))
        elif isinstance(value, (dict, list)):
            if id(value) in path:
                return ("refers to itself: an alias (*name) stands inside what its anchor "
                        "(&name) marks, so its value never ends.")
            path.add(id(value))
            stack.append((value, True))
            children = [*value.keys(), *value.values()] if isinstance(value, dict) else value
            stack += [(child, False) for child in children]
        elif isinstance(value, int) and value.bit_length() > 10_000 and not _writable(value):
            return (f"holds an integer of {value.bit_length():,} bits, too long for Python to "
                    "write out in digits.")
    return ""


def _writable(number: int) -> bool:
    try:
        str(number)
    except ValueError:  # more digits than sys.get_int_max_str_digits()
        return False
    return True


def mkdocs_problem(text: str) -> str:
    """Why MkDocs would not read ``text`` as this front matter, or "". MkDocs needs the block
    to end where it should and its own YAML reader (libyaml, no limits) to read a mapping from
    it; otherwise it shows the block as the page's text, and mkdocs-macros renders it."""
    match = YAML_RE.match(f"---\n{text}---\n")
    if match is None or match.group(1) != text:
        return "a line of it would end the front matter early"
    loaded = load(text)  # the limits first: libyaml's own reader can crash on deep nesting
    if not loaded.ok:
        return "it could not be read again"
    if not isinstance(loaded.data, dict):
        return "it holds no 'key: value' line"
    try:
        data = yaml.load(text, Loader=_MkDocsLoader)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
        why = getattr(exc, "problem", None) or str(exc)
        return f"MkDocs' YAML reader fails on it ({excerpt(' '.join(str(why).split()), 80)})"
    if not isinstance(data, dict):
        return "MkDocs' YAML reader reads it differently"
    why = unwritable(data)
    return f"as MkDocs' YAML reader reads it, it {why[:-1]}" if why else ""


def _quote_unreadable(text: str) -> tuple[str, list[str]]:
    """``text`` with the plain values MkDocs' YAML reader fails on (a date that does not
    exist, a number too long to convert, or to write out again) in quotes, and those values.
    ``text`` is within safeload's limits."""
    resolve: Callable[..., str] = yaml.resolver.Resolver().resolve  # the stubs leave it untyped
    constructor = yaml.constructor.SafeConstructor()
    spans: list[tuple[int, int, str]] = []
    try:
        events = list(yaml.parse(text, Loader=_MkDocsLoader))
    except yaml.YAMLError:  # libyaml refuses more than values (an escaped half character)
        return text, []
    for event in events:
        if not isinstance(event, yaml.ScalarEvent) or event.style or event.tag:
            continue
        assert event.start_mark is not None and event.end_mark is not None
        tag = resolve(yaml.ScalarNode, event.value, (True, False))
        if not tag.endswith((":timestamp", ":int")):
            continue
        try:
            value = constructor.construct_object(yaml.ScalarNode(tag, event.value))
        except (ValueError, OverflowError, yaml.YAMLError):
            value = None  # not read: quoted
        else:
            if not isinstance(value, int) or _writable(value):
                continue
        spans.append((event.start_mark.index, event.end_mark.index, event.value))
    pieces: list[str] = []
    last = 0
    for start, end, value in spans:
        pieces += [text[last:start], scalar(value)]
        last = end
    pieces.append(text[last:])
    return "".join(pieces), [value for _start, _end, value in spans]


def edit_front_matter(text: str, original: Mapping[Any, Any], rosters: set[str],
                      rewrite_image: Callable[[str], str | None],
                      additions: Mapping[str, Any], *,
                      keys: KeyEdits | None = None) -> FrontMatterResult:
    """Drop ``layout``, split "Name (Role)", rewrite image paths, make the ``keys`` edits,
    append ``additions``. ``original`` is what ``text`` holds (read with safeload)."""
    keys = keys or KeyEdits()
    result = FrontMatterResult(text, dict(original))
    result.commented_people = len(_COMMENTED_PERSON.findall(text))
    edited, roles = _edit_lines(text, rewrite_image)
    problem = _attempt(edited, original, rosters, additions, keys, result)
    if not problem:
        result.roles = roles
        return result
    # Never hand over front matter that does not say what the page said.
    second = _attempt(text, original, rosters, additions, keys, result)
    if not second:
        changed = " but for the keys above" if keys.replace or keys.drop else ""
        result.notes.append(f"front matter kept as written{changed} ({problem})")
        return result
    data = {k: v for k, v in original.items() if k != "layout" and k not in keys.drop}
    data.update(keys.replace)
    data.update(keys.values)
    data.update(additions)
    try:
        dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    except (ValueError, yaml.YAMLError):  # defensive: the importer checked with unwritable()
        dumped = ""
    if not dumped or _attempt(dumped, original, rosters, {}, keys, result):
        result.text, result.data = "", {}
        result.notes.append(f"front matter left out: it could not be written so that MkDocs "
                            f"reads it ({second})")
    else:
        result.notes.append(f"front matter written again by YAML, without its comments: it "
                            f"could not be kept as written ({second})")
    return result


def _edit_lines(text: str, rewrite_image: Callable[[str], str | None]) -> tuple[str, list[str]]:
    roles: list[str] = []
    out: list[str] = []
    for line in text.split("\n"):
        if re.match(r"^layout\s*:", line):
            continue
        stripped = line.rstrip()
        name = _NAME_LINE.match(stripped)
        if name and not line.lstrip().startswith("#"):
            role = _ROLE.match(_unquote(name.group("value")))
            if role:
                indent = name.group("indent") + ("  " if name.group("dash") else "")
                out.append(f"{name.group('indent')}{name.group('dash') or ''}name: "
                           f"{scalar(role.group('name'))}")
                out.append(f"{indent}role: {scalar(role.group('role').strip())}")
                roles.append(_unquote(name.group("value")))
                continue
        image = _IMAGE_LINE.match(stripped)
        if image and not line.lstrip().startswith("#") and image.group("value"):
            new = rewrite_image(_unquote(image.group("value")))
            if new is not None:
                line = image.group("head") + scalar(new)
        out.append(line)
    return "\n".join(out).rstrip("\n") + "\n", roles


def _attempt(text: str, original: Mapping[Any, Any], rosters: set[str],
             additions: Mapping[str, Any], keys: KeyEdits,
             result: FrontMatterResult) -> str:
    """Make ``text`` the result if, with the key edits and additions, it says what was meant;
    else say why not (and leave the result alone)."""
    try:
        for key in keys.drop:
            text = drop_key(text, key)
        for key, value in keys.replace.items():
            text = replace_key(text, key, _key_line(key, value) + "\n")
        for key, data_value in keys.values.items():
            text = replace_key(text, key, yaml.safe_dump(
                {key: data_value}, allow_unicode=True, sort_keys=False,
                default_flow_style=False))
    except (yaml.YAMLError, ValueError):  # not a block of 'key: value' lines to edit
        return "its keys are not written one per line"
    if additions:
        text = (text.rstrip("\n") + "\n" if text.strip() else "") + yaml.safe_dump(
            dict(additions), allow_unicode=True, sort_keys=False, default_flow_style=False)
    loaded = load(text, first_line=2)
    if loaded.ok and loaded.data is None and not additions:  # comments only, or nothing:
        text = text.rstrip("\n") + "\n{}\n"  # MkDocs would show the block as text
        loaded = load(text, first_line=2)
    if not loaded.ok:
        return "the edited text could not be read again"
    if not isinstance(loaded.data, dict):
        return "it holds no 'key: value' line"
    data: dict[Any, Any] = loaded.data
    problem = _compare(original, data, rosters, keys, set(additions))
    if problem:
        return problem
    problem = mkdocs_problem(text)
    if problem:
        quoted, values = _quote_unreadable(text)
        if not values or mkdocs_problem(quoted):
            return problem
        text = quoted
        for value in values:
            result.notes.append(f"'{excerpt(value, 40)}' written in quotes: MkDocs' YAML "
                                "reader fails on it as it was written")
    result.text, result.data = text, data
    return ""


def _compare(before: Mapping[Any, Any], after: Mapping[Any, Any], rosters: set[str],
             keys: KeyEdits, added: set[str]) -> str:
    for key in rosters:
        old, new = before.get(key), after.get(key)
        if isinstance(old, list) and (not isinstance(new, list) or len(old) != len(new)):
            return f"the roster '{excerpt(key, 40)}' changed shape while editing"
    for key, value in [*keys.replace.items(), *keys.values.items()]:
        if after.get(key) != value:
            return f"'{key}' could not be replaced"
    kept = [key for key in keys.drop if key in after and key not in added]  # or written anew
    if kept:
        return f"'{kept[0]}' could not be dropped"
    missing = [str(k) for k in before if k != "layout" and k not in keys.drop and k not in after]
    return f"lost {excerpt(', '.join(missing), 120)}" if missing else ""


def comment_out(text: str, keys: set[str]) -> tuple[str, list[str]]:
    """``text`` (front matter) with the blocks of the top-level ``keys`` made comments (the
    plugin's own advice for a list a page keeps unpublished), and the keys it did that to;
    ``text`` unchanged when the result would not read as the same front matter less them."""
    lines = text.split("\n")
    out: list[str] = []
    done: list[str] = []
    inside = False
    for line in lines:
        top = re.match(r"""^(["']?)((?!-\s)[^\s#"':][^"':]*?)\1\s*:(?:\s|$)""", line)
        # a new key at the margin ends the block; "- item" at the margin is still the list's
        if top is not None or (line and not line[0].isspace() and not line.startswith("#")
                               and not re.match(r"-(?:\s|$)", line)):
            inside = top is not None and top.group(2) in keys
            if inside and top is not None:
                done.append(top.group(2))
        out.append(f"# {line}" if inside and line.strip() else line)
    if not done:
        return text, []
    edited = "\n".join(out)
    before, after = load(text), load(edited)
    expected = {k: v for k, v in before.data.items() if k not in done} \
        if before.ok and isinstance(before.data, dict) else None
    if expected is None or not after.ok or (after.data or {}) != expected:
        return text, []
    return edited, done
