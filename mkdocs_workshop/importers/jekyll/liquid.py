"""Jekyll's Liquid, evaluated as Jekyll evaluates it, with python-liquid.

A Jekyll page is Liquid first: its includes (with parameters, ``include.*``), its loops over
``site.data``, the front matter's lists, ``_config.yml``'s lists and collections, its
``relative_url``, ``where``, ``sort``, ``forloop``... The importer renders each page's text
with :class:`JekyllLiquid` and gets Markdown without Liquid, as Jekyll would give it to
kramdown, except where the page loops over a list the site holds: such a loop is rendered
item by item, to learn which items it shows (a ``{% if %}``, a ``limit:``, a ``where`` leave
some out), and, when the importer can show that list with a macro (people, a program, papers,
dates, sponsors), the loop's output is replaced by a marker the importer turns into the macro
call (:class:`Loop`). Everything else renders as Jekyll renders it.

python-liquid is a maintained implementation of Shopify's Liquid with Jekyll's needs within
reach: its own limits on loop iterations, output size and include depth, static analysis to
name the tags and filters a page uses, and a parser whose tags can be replaced. Jekyll's own
tags and filters (``{% include file.html key="value" %}``, ``include_relative``,
``relative_url``, ``markdownify``, ``where_exp``, ``group_by``, ``jsonify``, ``slugify``,
``date_to_string``...) are defined here; jekyll-scholar's ``{% bibliography %}`` in
:mod:`.scholar`. A tag none of them defines (a plugin's ``{% seo %}``, ``{% cite %}``)
renders as nothing, a filter neither defines leaves its value as it
is (as Jekyll's lax Liquid does), and both are reported; an include that is not in
``_includes`` is reported; no error reaches a reader.

The source is not trusted: Liquid cannot reach Python; includes are read only from the
site's ``_includes`` (and, for ``include_relative``, from the site's folder), never through a
link out of it; loops, output and include depth are bounded (:data:`LIMITS`).
"""

from __future__ import annotations

import html
import io
import itertools
import json
import os
import re
import secrets
import urllib.parse
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import markdown as python_markdown
from liquid import Environment, Mode
from liquid.ast import Node
from liquid.builtin.expressions import BooleanExpression, FilteredExpression, tokenize
from liquid.builtin.filters.misc import date as LIQUID_DATE
from liquid.builtin.output import Output, OutputNode
from liquid.builtin.tags.for_tag import ForLoop, ForNode, ForTag
from liquid.exceptions import (
    BreakLoop,
    ContextDepthError,
    ContinueLoop,
    FilterArgumentError,
    LiquidError,
    LiquidSyntaxError,
    LocalNamespaceLimitError,
    LoopIterationLimitError,
    OutputStreamLimitError,
    TemplateNotFoundError,
)
from liquid.filter import with_context, with_environment
from liquid.loader import BaseLoader, TemplateSource
from liquid.stream import TokenStream
from liquid.stringify import to_liquid_string
from liquid.tag import Tag
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_OUTPUT, TOKEN_TAG, Token

from ..common.markup import attribute_value, shown_value
from ..common.paths import within
from ..common.recognize import heading_kind, plain

if TYPE_CHECKING:
    from .scholar import Scholar

MAX_INCLUDE_BYTES = 1_000_000  # an include is a few kilobytes; a bigger one is not read


@dataclass(frozen=True)
class Limits:
    loop_iterations: int = 200_000  # items rendered by the loops of one page, nested included
    output: int = 20_000_000  # characters one page renders to
    include_depth: int = 30  # includes inside includes
    includes: int = 10_000  # includes rendered for one page, all told
    namespace: int = 5_000_000  # characters of the variables a page assigns


LIMITS = Limits()


# ---------------------------------------------------------------------------------------------
# Where a value comes from
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Origin:
    """Where an entry of the site's data is: ``("data", "speakers", (3,))`` is the fourth
    entry of ``_data/speakers.yml``; ``("page", "organizers", (0,))`` the first of the page's
    ``organizers:``; ``("config", "speakers", ...)``, ``("collection", "talks", ...)``."""

    kind: str
    name: str
    path: tuple[str | int, ...] = ()

    @property
    def parent(self) -> Origin:
        return Origin(self.kind, self.name, self.path[:-1])

    @property
    def index(self) -> int | None:
        last = self.path[-1] if self.path else None
        return last if isinstance(last, int) else None


class SourcedDict(dict[str, Any]):
    """A mapping of the site's data, which knows where it is. Liquid's filters (sort, where,
    slices) keep the same objects, so a loop over any of them knows what it loops over. Its
    keys are text; a number looks up its text (``site.data.keynotes[page.year]``, the year
    a key of YAML and of the page alike)."""

    origin: Origin

    def __missing__(self, key: Any) -> Any:
        if isinstance(key, (int, float)) and not isinstance(key, bool):
            return self[str(key)]
        raise KeyError(key)


class SourcedDocument(SourcedDict):
    """A document of a collection: printed (``{{ module }}``), its text, as Jekyll prints it;
    one without text (its fields shown by a layout this import does not render), its name
    or title."""

    def __str__(self) -> str:
        text = str(self.get("content", ""))
        return text if text.strip() else str(self.get("name") or self.get("title") or "")


class SourcedText(str):
    """A text entry of a list of the site's data (a committee of names), which knows where it
    is."""

    origin: Origin


def sourced(value: Any, origin: Origin) -> Any:
    """``value`` with every mapping and text inside it knowing its origin (lists stay lists:
    their entries know where they are). The data's depth is bounded by safeload."""
    if isinstance(value, dict):
        kind = SourcedDocument if getattr(value, "PRINTS_CONTENT", False) else SourcedDict
        made = kind({str(k): sourced(v, Origin(origin.kind, origin.name, (*origin.path, str(k))))
                     for k, v in value.items()})
        made.origin = origin
        return made
    if isinstance(value, list):
        return [sourced(v, Origin(origin.kind, origin.name, (*origin.path, i)))
                for i, v in enumerate(value)]
    if isinstance(value, str):
        text = SourcedText(value)
        text.origin = origin
        return text
    return value


def origin_of(item: Any) -> Origin | None:
    """Where a loop's item is: a sourced entry, or the value of a ``[key, value]`` pair a loop
    over a mapping gives."""
    found = getattr(item, "origin", None)
    if found is None and isinstance(item, (list, tuple)) and len(item) == 2:
        found = getattr(item[1], "origin", None)
    return found if isinstance(found, Origin) else None


# ---------------------------------------------------------------------------------------------
# Loops over the site's lists
# ---------------------------------------------------------------------------------------------


WORD = re.compile(r"[^\W_]+")  # a word of text: letters and digits


@dataclass
class Loop:
    """A loop over one list of the site's data, rendered item by item."""

    number: int
    origin: Origin  # the list's
    items: list[Any]  # the entries the loop showed, in its order
    chunks: list[str]  # what each of them rendered to
    hidden: int  # entries the loop went through but rendered nothing for
    marker: str = ""  # what stands for it in the page's text, when the importer uses it
    drawn: bool = True  # False: an include the site lacks named the list; how it looked is unknown
    # includes the site lacks (a remote theme's) drew part of its items: what they showed
    # there is not known
    in_part: bool = False
    _seen: tuple[str, frozenset[str]] | None = field(default=None, repr=False, compare=False)

    def seen(self) -> tuple[str, frozenset[str]]:
        """What a reader sees of what the loop rendered, as plain text, and its words
        (casefolded); worked out once."""
        if self._seen is None:
            text = plain("".join(self.chunks))
            self._seen = text, frozenset(WORD.findall(text.casefold()))
        return self._seen

    @property
    def indexes(self) -> list[int]:
        found = []
        for item in self.items:
            origin = origin_of(item)
            if origin is not None and origin.index is not None:
                found.append(origin.index)
        return found


@dataclass
class Sink:
    """What the rendering of one page learns of its loops. ``wants(loop)`` says whether the
    importer shows the loop's list with a macro: its output is then a marker."""

    wants: Callable[[Loop], bool]
    token: str = field(default_factory=lambda: secrets.token_hex(8))
    loops: list[Loop] = field(default_factory=list)
    probing: int = 0  # loops being rendered item by item, inside each other
    rendered: int = 0  # characters the items of its loops rendered to (bounded as output is)
    includes: int = 0  # includes rendered
    missing: int = 0  # includes the site lacks, each rendered as nothing
    iterations: int = 0  # items of every loop rendered
    shown: int = 0  # entries of the site's bibliographies shown ({% bibliography %})

    def marker(self, number: int) -> str:
        """Letters and digits with a random part: no source can write one, and neither
        Markdown nor the importer's conversions change it."""
        return f"IMPORTJEKYLLLOOP{self.token}X{number}X"

    def pattern(self) -> re.Pattern[str]:
        return re.compile(rf"IMPORTJEKYLLLOOP{self.token}X(\d+)X")


class ShownOutputNode(OutputNode):
    """``{{ value }}``, as Jekyll prints it (markup and all) when its markup only formats
    text; else as text (:func:`..common.markup.shown_value`): no script, frame or handler a
    source's data holds reaches a reader."""

    def render_to_output(self, context: Any, buffer: TextIO) -> int:
        text = to_liquid_string(self.expression.evaluate(context), context.autoescape)
        if _in_a_tag(self.token):
            return buffer.write(attribute_value(text))
        return buffer.write(shown_value(text))


def _in_a_tag(token: Token) -> bool:
    """Whether the template writes the output inside a tag (``<img alt="{{ x }}">``): the
    last "<" before it, in the 2,000 characters before, is not closed by a ">"."""
    source = getattr(token, "source", "")
    start = getattr(token, "start_index", 0)
    if not isinstance(source, str) or not isinstance(start, int):
        return False
    before = source[max(0, start - 2000):start]
    return before.rfind("<") > before.rfind(">")


class ShownOutput(Output):
    """``{{ ... }}``, read as Jekyll's lax Liquid reads it: characters after a complete
    expression are passed over (``{{ page.instructor | join: ', ' %}}``, a typo of a common
    workshop template, prints the names)."""

    node_class = ShownOutputNode

    def parse(self, stream: TokenStream) -> OutputNode:
        token = stream.eat(TOKEN_OUTPUT)
        expression = stream.expect(TOKEN_EXPRESSION)
        value = expression.value
        try:
            return self.node_class(token, FilteredExpression.parse(
                self.env, TokenStream(tokenize(value, expression))))
        except LiquidSyntaxError:
            trimmed = _TRAILING_JUNK.sub("", value)
            if trimmed == value or not trimmed.strip():
                raise
            parsed = self.node_class(token, FilteredExpression.parse(
                self.env, TokenStream(tokenize(trimmed, expression))))
            if isinstance(self.env, JekyllLiquid):  # said, as Jekyll warns of it
                line = expression.source.count("\n", 0, expression.start_index) + 1 \
                    if isinstance(expression.source, str) else 0
                self.env.note(f"line {line}: '{_one_line(value[len(trimmed):].strip())}' "
                              "after an output's expression passed over, as Jekyll's lax "
                              "Liquid does")
            return parsed


# What lax Liquid passes over at the end of an output: a stray tag closing or brace.
_TRAILING_JUNK = re.compile(r"[\s%}{]+$")


class SiteForNode(ForNode):
    """``{% for %}``, which renders a loop over the site's data item by item and tells the
    page's :class:`Sink` what each item showed."""

    def render_to_output(self, context: Any, buffer: TextIO) -> int:
        sink: Sink | None = context.env.sink
        if sink is None:
            return super().render_to_output(context, buffer)
        it, length = self.expression.evaluate(context)
        items = list(it)
        sink.iterations += len(items)
        if sink.iterations > LIMITS.loop_iterations:
            raise LoopIterationLimitError(f"loop iteration limit reached: more than "
                                          f"{LIMITS.loop_iterations:,} loop items",
                                          token=None)
        origins = [origin_of(item) for item in items]
        parents = {o.parent for o in origins if o is not None}
        if not items or None in origins or len(parents) != 1:
            return self._render(context, buffer, items, length)
        before, missing = len(sink.loops), sink.missing
        chunks: list[str] = []
        sink.probing += 1
        try:
            self._render(context, buffer, items, length, chunks=chunks)
        finally:
            sink.probing -= 1
        # an item is shown when it shows something besides loops inside it that showed
        # nothing (a talk whose categories' loop matched none of the page's)
        inner = [nested for nested in sink.loops[before:] if nested.marker]

        def expanded(chunk: str) -> str:
            for nested in reversed(inner):
                if nested.marker in chunk:
                    chunk = chunk.replace(nested.marker, "".join(nested.chunks))
            return chunk
        shown = [(item, chunk) for item, chunk in zip(items, chunks, strict=False)
                 if _visible(expanded(chunk))]
        loop = Loop(len(sink.loops), parents.pop(), [item for item, _c in shown],
                    [chunk for _i, chunk in shown], len(chunks) - len(shown),
                    in_part=sink.missing > missing)
        if sink.wants(loop):
            # Loops inside it are part of it: as text, each is what it rendered.
            loop.chunks = [expanded(chunk) for chunk in loop.chunks]
            loop._seen = None
            del sink.loops[before:]
            loop.number = len(sink.loops)
            loop.marker = sink.marker(loop.number)
            sink.loops.append(loop)
            buffer.write(loop.marker)
            return len(loop.marker)
        text = "".join(chunks)
        buffer.write(text)
        return len(text)

    def _render(self, context: Any, buffer: TextIO, items: list[Any], length: int, *,
                chunks: list[str] | None = None) -> int:
        """The loop as Jekyll renders it; with ``chunks``, each item's output kept apart
        (and not written to ``buffer``)."""
        if not length:
            return self.default.render(context, buffer) if self.default else 0
        name = self.expression.identifier
        forloop = ForLoop(name=f"{name}-{self.expression.iterable}", it=iter(items),
                          length=length, parentloop=context.parentloop())
        namespace: dict[str, Any] = {"forloop": forloop, name: None}
        count = 0
        with context.loop(namespace, forloop):
            for item in forloop:
                namespace[name] = item
                out = context.get_buffer(buffer) if chunks is not None else buffer
                stop = False
                try:
                    count += self.block.render(context, out)
                except ContinueLoop:
                    pass
                except BreakLoop:
                    stop = True
                if chunks is not None:
                    assert isinstance(out, io.StringIO)
                    chunks.append(out.getvalue())
                    sink: Sink = context.env.sink
                    sink.rendered += len(chunks[-1])
                    if sink.rendered > LIMITS.output:
                        raise OutputStreamLimitError("output stream limit reached", token=None)
                if stop:
                    break
        return count


class SiteForTag(ForTag):
    node_class = SiteForNode


_TAGS = re.compile(r"<(?!img\b)[^<>]*>", re.I)


def _visible(chunk: str) -> bool:
    """Whether an item's output shows anything: text, or a picture."""
    return bool(_TAGS.sub("", chunk).strip()) or "<img" in chunk.lower()


# ---------------------------------------------------------------------------------------------
# Jekyll's tags
# ---------------------------------------------------------------------------------------------

_PARAMETER = re.compile(r"""([\w-]+)\s*=\s*("(?:[^"\\]|\\.)*"|'[^']*'|\S+)""")


class IncludeNode(Node):
    """``{% include file.html key="value" other=variable %}``: the file from ``_includes``,
    its parameters as ``include.key``."""

    def __init__(self, token: Token, path: str, parameters: list[tuple[str, str]],
                 relative: bool) -> None:
        super().__init__(token)
        self.path = path
        self.parameters = parameters
        self.relative = relative
        self.blank = False

    def render_to_output(self, context: Any, buffer: TextIO) -> int:
        env: JekyllLiquid = context.env
        path = render_text(env, self.path, context) if "{{" in self.path else self.path
        name = ("relative:" if self.relative else "") + path.strip()
        try:
            template = env.get_template(name, context=context, tag="include")
        except (TemplateNotFoundError, LiquidError) as exc:
            parameters = {key: _parameter(env, written, context)
                          for key, written in self.parameters}
            if isinstance(exc, TemplateNotFoundError):
                stem = path.strip().rsplit("/", 1)[-1].split(".")[0]
                shown = _missing_include(context, buffer, [*parameters.values(), stem])
                if shown is not None:
                    env.note(f"include {path.strip()!r} is not in the site (a theme's): the "
                             f"list its parameters name ({shown}) is shown in its place")
                    return 1
            if env.sink is not None and isinstance(exc, TemplateNotFoundError):
                env.sink.missing += 1
            env.note(f"include {path.strip()!r} is not in the site's _includes: it shows "
                     "nothing" if isinstance(exc, TemplateNotFoundError) else
                     f"include {path.strip()!r} could not be read ({_one_line(str(exc))})")
            return 0
        if env.sink is not None:  # includes rendered, all told (not those missing)
            env.sink.includes += 1
            if env.sink.includes > LIMITS.includes:
                raise OutputStreamLimitError(f"more than {LIMITS.includes:,} includes",
                                             token=None)
        parameters = {}
        for key, written in self.parameters:
            parameters[key] = _parameter(env, written, context)
        with context.extend({"include": parameters}, template=template):
            template.render_with_context(context, buffer, partial=True)
        return 1


def _missing_include(context: Any, buffer: TextIO, names: list[Any]) -> str | None:
    """An include the site does not hold (its theme's, such as a series' ``team.html``) whose
    parameter names a list of the page or of ``_data`` (``id="speakers"``), or, without one,
    whose own name does (``team.html`` and the page's ``team:``): that list, shown by the
    importer's macro when it takes it. The name of the list, or None."""
    sink: Sink | None = context.env.sink
    if sink is None:
        return None
    for value in names:
        if not isinstance(value, str) or not value:
            continue
        for scope in ("page", "site.data"):
            found = context.resolve(scope.split(".")[0], default=None)
            if scope == "site.data" and isinstance(found, Mapping):
                found = found.get("data")
            items = found.get(value) if isinstance(found, Mapping) else None
            if not isinstance(items, list) or not items:
                continue
            origins = [origin_of(item) for item in items]
            parents = {o.parent for o in origins if o is not None}
            if None in origins or len(parents) != 1:
                continue
            chunks = [_item_text(item) for item in items]
            loop = Loop(len(sink.loops), parents.pop(), list(items), chunks, 0, drawn=False)
            if sink.wants(loop):
                loop.marker = sink.marker(loop.number)
                sink.loops.append(loop)
                buffer.write(loop.marker)
                return value
    return None


def _item_text(item: Any) -> str:
    """What an entry shows when no template says: its name, else its title, else itself."""
    if isinstance(item, Mapping):
        for key in ("name", "title"):
            if item.get(key):
                return html.escape(str(item[key]))
        return ""
    return html.escape(str(item))


def _parameter(env: JekyllLiquid, written: str, context: Any) -> Any:
    """A parameter's value: a quoted text (its ``{{ }}`` rendered), or a variable with
    filters, evaluated."""
    if written[:1] in "\"'" and written[-1:] == written[:1] and len(written) > 1:
        text = written[1:-1].replace("\\" + written[0], written[0])  # \" is a quote
        return render_text(env, text, context) if "{{" in text else text
    try:
        expression = FilteredExpression.parse(
            env, TokenStream(tokenize(written, parent_token=Token(
                TOKEN_EXPRESSION, written, 0, written))))
        return expression.evaluate(context)
    except LiquidError:
        return written


def render_text(env: JekyllLiquid, text: str, context: Any) -> str:
    """``text`` rendered as a template in the current context (a path or a parameter with
    ``{{ }}`` in it)."""
    try:
        template = env.from_string(text)
        out = io.StringIO()
        template.render_with_context(context, out, partial=True)
        return out.getvalue()
    except LiquidError:
        return text


class IncludeTag(Tag):
    name = "include"
    block = False
    relative = False

    def parse(self, stream: TokenStream) -> Node:
        token = stream.eat(TOKEN_TAG)
        raw = ""
        if stream.current.kind == TOKEN_EXPRESSION:
            raw = stream.current.value  # the parser moves past it
        path, rest = _split_path(raw.strip())
        return IncludeNode(token, path, [(m.group(1), m.group(2))
                                         for m in _PARAMETER.finditer(rest)], self.relative)


class IncludeRelativeTag(IncludeTag):
    name = "include_relative"
    relative = True


def _split_path(raw: str) -> tuple[str, str]:
    """The include's file (which may hold ``{{ }}``) and its parameters."""
    depth, i = 0, 0
    while i < len(raw):
        if raw.startswith("{{", i):
            depth += 1
            i += 2
            continue
        if raw.startswith("}}", i) and depth:
            depth -= 1
            i += 2
            continue
        if raw[i].isspace() and not depth:
            break
        i += 1
    return raw[:i], raw[i:]


class LinkNode(Node):
    """``{% link conf25/call.md %}`` (``{% post_url 2024-01-01-news %}``): the page's address as
    the site's path of its source file, which the importer's links resolve to the page."""

    def __init__(self, token: Token, path: str) -> None:
        super().__init__(token)
        self.path = path
        self.blank = False

    def render_to_output(self, context: Any, buffer: TextIO) -> int:
        path = render_text(context.env, self.path, context) if "{{" in self.path else self.path
        path = path.strip().strip("\"'").lstrip("/")
        return buffer.write("/" + urllib.parse.quote(path, safe="/#?&=.-_~"))


class LinkTag(Tag):
    name = "link"
    block = False

    def parse(self, stream: TokenStream) -> Node:
        token = stream.eat(TOKEN_TAG)
        raw = stream.current.value if stream.current.kind == TOKEN_EXPRESSION else ""
        return LinkNode(token, raw)


class PostUrlTag(LinkTag):
    name = "post_url"


class HighlightNode(Node):
    """``{% highlight lang %}...{% endhighlight %}``: a fenced code block."""

    def __init__(self, token: Token, language: str, text: str) -> None:
        super().__init__(token)
        self.language = language
        self.text = text

    def render_to_output(self, context: Any, buffer: TextIO) -> int:
        fence = "~~~~" if "```" in self.text else "```"
        out = f"\n{fence}{self.language}\n{self.text.strip(chr(10))}\n{fence}\n"
        buffer.write(out)
        return len(out)


class HighlightTag(Tag):
    name = "highlight"
    end = "endhighlight"

    def parse(self, stream: TokenStream) -> Node:
        token = stream.eat(TOKEN_TAG)
        language, opened = "", token.start_index
        if stream.current.kind == TOKEN_EXPRESSION:
            words = stream.current.value.split()
            language = words[0] if words else ""
            opened = stream.current.start_index + len(stream.current.value)
            next(stream)
        start = token.source.find("%}", opened)
        start = len(token.source) if start < 0 else start + 2
        end = len(token.source)
        while stream.current.kind != TOKEN_EOF:
            if stream.current.kind == TOKEN_TAG and stream.current.value == self.end:
                end = token.source.rfind("{%", 0, stream.current.start_index)
                break  # the parser moves past the end tag
            next(stream)
        return HighlightNode(token, re.sub(r"[^\w+-]", "", language),
                             token.source[start:max(start, end)])


# ---------------------------------------------------------------------------------------------
# Jekyll's filters
# ---------------------------------------------------------------------------------------------


def relative_url(value: Any) -> str:
    """A site path from the site's top (the new site has its own address): ``/x/y``;
    addresses with a scheme stay as they are."""
    text = "" if value is None else str(value)
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//|^#", text, re.I):
        return text
    return "/" + text.lstrip("/")


def markdownify(value: Any) -> str:
    return python_markdown.markdown("" if value is None else str(value),
                                    extensions=["tables", "attr_list", "md_in_html"])


def jsonify(value: Any) -> str:
    return json.dumps(value, default=str, ensure_ascii=False)


def slugify(value: Any, mode: Any = "default") -> str:
    text = "" if value is None else str(value).lower()
    pattern = r"[^\w.~!$&'()+,;=@-]+" if str(mode) == "pretty" else r"[^a-z0-9]+" \
        if str(mode) == "ascii" else r"[^\w-]+"
    return re.sub(pattern, "-", text).strip("-")


def _items(value: Any) -> list[Any]:
    if isinstance(value, Mapping):
        return [[k, v] for k, v in value.items()]
    if isinstance(value, (list, tuple)):
        return list(value)
    return [] if value is None else [value]


def _get(item: Any, key: Any) -> Any:
    if isinstance(item, Mapping):
        value: Any = item
        for part in str(key).split("."):
            value = value.get(part) if isinstance(value, Mapping) else None
        return value
    return None


def _liquid_text(value: Any) -> str:
    """A value as Liquid prints it: true, false, nil as their words."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def where(value: Any, key: Any, target: Any = None) -> list[Any]:
    """Jekyll's where: a value that equals, or an array that contains, the target, compared
    as Liquid prints them (a true value matches "true"); a mapping's values are its items."""
    found = []
    items = list(value.values()) if isinstance(value, Mapping) else _items(value)
    for item in items:
        got = _get(item, key)
        if isinstance(got, list):
            match = _liquid_text(target) in [_liquid_text(g) for g in got]
        else:
            match = got == target or (got is not None
                                      and _liquid_text(got) == _liquid_text(target))
        if match:
            found.append(item)
    return found


def sort(value: Any, key: Any = None, nils: Any = "first") -> list[Any]:
    """Jekyll's sort: by the items, or by a property of theirs, those without it first (or
    last, with "last"); numbers before text where both are there, as Ruby compares them."""
    items = list(value.values()) if isinstance(value, Mapping) else _items(value)
    if key is None:
        present, missing = [i for i in items if i is not None], []
    else:
        present = [i for i in items if _get(i, key) is not None]
        missing = [i for i in items if _get(i, key) is None]

    def order(item: Any) -> tuple[int, Any]:
        got = item if key is None else _get(item, key)
        if isinstance(got, (int, float)) and not isinstance(got, bool):
            return (0, got)
        return (1, _liquid_text(got))

    present.sort(key=order)
    return [*missing, *present] if str(nils) != "last" else [*present, *missing]


def group_by(value: Any, key: Any) -> list[dict[str, Any]]:
    groups: dict[str, list[Any]] = {}
    for item in _items(value):
        groups.setdefault("" if _get(item, key) is None else str(_get(item, key)), []).append(item)
    return [{"name": k, "items": v, "size": len(v)} for k, v in groups.items()]


def _expression_filter(keep: Callable[[list[Any], list[bool]], Any]) -> Callable[..., Any]:
    """``where_exp``, ``find_exp``, ``group_by_exp``: an expression on each item."""

    @with_context
    def run(value: Any, variable: Any, expression: Any, *, context: Any) -> Any:
        items = list(value.values()) if isinstance(value, Mapping) else _items(value)
        try:
            parsed = BooleanExpression.parse(context.env, TokenStream(tokenize(
                str(expression), parent_token=Token(TOKEN_EXPRESSION, str(expression), 0,
                                                    str(expression)))))
        except LiquidError:
            return keep(items, [False] * len(items))
        results = []
        for item in items:
            with context.extend({str(variable): item}):
                try:
                    results.append(bool(parsed.evaluate(context)))
                except LiquidError:
                    results.append(False)
        return keep(items, results)

    return run


def _date(value: Any) -> date | None:
    if isinstance(value, (date, datetime)):
        return value
    try:
        return datetime.fromisoformat(str(value).strip()[:19])
    except ValueError:
        return None


def date_to_string(value: Any, *_args: Any) -> str:
    found = _date(value)
    return f"{found.day:02d} {found:%b %Y}" if found else str(value or "")


def date_to_long_string(value: Any, *_args: Any) -> str:
    found = _date(value)
    return f"{found.day:02d} {found:%B %Y}" if found else str(value or "")


def date_to_xmlschema(value: Any) -> str:
    found = _date(value)
    return found.isoformat() if found else str(value or "")


def array_to_sentence_string(value: Any, connector: Any = "and") -> str:
    items = [str(i) for i in _items(value)]
    if len(items) < 3:
        return f" {connector} ".join(items)
    return ", ".join(items[:-1]) + f", {connector} {items[-1]}"


def sample(value: Any, count: Any = None) -> Any:
    """Jekyll's random pick, made repeatable: the first item, or the first ``count`` items (a
    site that shows a random few shows some; the import shows the same few every time)."""
    items = _items(value)
    if count is None:
        return items[0] if items else None
    try:
        return items[:max(0, int(count))]
    except (TypeError, ValueError):
        return items


@with_environment
def _nil_date(value: Any, *args: Any, environment: Environment) -> Any:
    """Liquid's ``date`` as Ruby's runs it on what is no date (nil, an empty CSV field): the
    value as it is, nil showing nothing (python-liquid's refuses it, and the loop it is in
    would show nothing at all)."""
    if value is None:
        return None
    try:
        return LIQUID_DATE(value, *args, environment=environment)
    except FilterArgumentError:
        return value


def number_of_words(value: Any, *_args: Any) -> int:
    return len(str(value or "").split())


JEKYLL_FILTERS: dict[str, Callable[..., Any]] = {
    "date": _nil_date,
    "relative_url": relative_url,
    "absolute_url": relative_url,  # the new site's own address: links stay inside it
    "markdownify": markdownify,
    "jsonify": jsonify,
    "slugify": slugify,
    "where": where,
    "sort": sort,
    "where_exp": _expression_filter(lambda items, keep: [i for i, k in zip(items, keep,
                                                                          strict=True) if k]),
    "find_exp": _expression_filter(lambda items, keep: next(
        (i for i, k in zip(items, keep, strict=True) if k), None)),
    "group_by": group_by,
    "xml_escape": lambda value: html.escape(str(value or ""), quote=True),
    "cgi_escape": lambda value: urllib.parse.quote_plus(str(value or "")),
    "uri_escape": lambda value: urllib.parse.quote(str(value or ""), safe="/:?#[]@!$&'()*+,;="),
    "smartify": lambda value: str(value or ""),
    "normalize_whitespace": lambda value: " ".join(str(value or "").split()),
    "number_of_words": number_of_words,
    "array_to_sentence_string": array_to_sentence_string,
    "date_to_string": date_to_string,
    "date_to_long_string": date_to_long_string,
    "date_to_xmlschema": date_to_xmlschema,
    "date_to_rfc822": date_to_xmlschema,
    "to_integer": lambda value: int(float(value)) if re.match(
        r"^\s*-?\d+(\.\d+)?\s*$", str(value or "")) else 0,
    "inspect": lambda value: json.dumps(value, default=str),
    "sample": sample,
    "push": lambda value, item: [*_items(value), item],
    "pop": lambda value, *_a: _items(value)[:-1],
    "shift": lambda value, *_a: _items(value)[1:],
    "unshift": lambda value, item: [item, *_items(value)],
    "find": lambda value, key, target: next(iter(where(value, key, target)), None),
}


# ---------------------------------------------------------------------------------------------
# The environment
# ---------------------------------------------------------------------------------------------


class SiteLoader(BaseLoader):
    """Includes from the site's ``_includes`` (``relative:`` names: from the page's folder),
    never from outside the site."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.page_folder = source

    def get_source(self, env: Environment, template_name: str, **_kwargs: Any
                   ) -> TemplateSource:
        relative = template_name.startswith("relative:")
        name = template_name.removeprefix("relative:").strip().strip("\"'")
        base = self.page_folder if relative else self.source / "_includes"
        if not name or "\x00" in name or ".." in re.split(r"[/\\]", name):
            raise TemplateNotFoundError(template_name)  # Jekyll refuses ".." in an include
        found = within(base / name, self.source)
        if found is None or not found.is_file() or found.stat().st_size > MAX_INCLUDE_BYTES:
            raise TemplateNotFoundError(template_name)
        try:
            text = found.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            raise TemplateNotFoundError(template_name) from None
        if relative:  # Jekyll drops a relative include's own front matter only for pages
            text = re.sub(r"\A---\s*\n.*?\n---\s*\n", "", text, count=1, flags=re.S)
        return TemplateSource(ruby_names(text), str(found), None)


# Ruby's Liquid, which Jekyll runs, has no 'not' operator: 'not' is a variable's name there
# ("{% capture not %}" for a notification date); python-liquid reads it as an operator.
_DELIMITER = re.compile(r"\{%-?\s*(?:end)?raw\s*-?%\}|\{\{|\{%|%\}|\}\}")
_QUOTED_OR_NOT = re.compile(r"\"[^\"]*\"|'[^']*'|(?<![\w.\-])not(?![\w?\-])")


# A trimming dash right after a tag's or an output's last word ("{%-endfor-%}"): Ruby's
# Liquid ends the name at the word, python-liquid reads the dash into it
_TIGHT_TRIM = re.compile(r"(?<=[\w\]\)'\"])-(?=%\}|\}\})")


def ruby_names(text: str) -> str:
    """``text`` with each 'not' in its Liquid (outside quotes and raw blocks) a variable's
    name that python-liquid reads as one ('not_'), as Ruby's Liquid reads it, and a dash
    that trims whitespace apart from the word before it ("{%-endfor-%}"). One pass over the
    delimiters."""
    if "not" not in text and "-%}" not in text and "-}}" not in text:
        return text
    parts: list[str] = []
    done = 0  # text before it is in parts
    opened: int | None = None  # where the markup being read starts
    raw = False
    for found in _DELIMITER.finditer(text):
        token = found.group(0)
        if token.startswith("{%") and token.rstrip("-%} ").endswith("raw") and opened is None:
            raw = not token.rstrip("-%} ").endswith("endraw")
            continue
        if raw:
            continue
        if token in ("{{", "{%") and opened is None:
            opened = found.start()
        elif token in ("}}", "%}") and opened is not None:
            parts += [text[done:opened], _QUOTED_OR_NOT.sub(
                lambda m: "not_" if m.group(0) == "not" else m.group(0),
                _TIGHT_TRIM.sub(" -", text[opened:found.end()]))]
            done, opened = found.end(), None
    return "".join(parts) + text[done:]


class JekyllLiquid(Environment):
    """Liquid as Jekyll runs it on a site (see the module's docstring)."""

    context_depth_limit = LIMITS.include_depth
    loop_iteration_limit = LIMITS.loop_iterations
    output_stream_limit = LIMITS.output
    local_namespace_limit = LIMITS.namespace

    def __init__(self, source: Path) -> None:
        self.loader_of_site = SiteLoader(source)
        super().__init__(tolerance=Mode.LAX, loader=self.loader_of_site, strict_filters=False)
        self.sink: Sink | None = None
        self.scholar: Scholar | None = None  # the site's bibliographies, when it has any
        self.notes: list[str] = []
        self.lax_errors = 0
        self.add_tag(ShownOutput)
        self.add_tag(SiteForTag)
        self.add_tag(IncludeTag)
        self.add_tag(IncludeRelativeTag)
        self.add_tag(HighlightTag)
        self.add_tag(LinkTag)
        self.add_tag(PostUrlTag)
        for name, function in JEKYLL_FILTERS.items():
            self.add_filter(name, function)

    def from_string(self, source: str, *args: Any, **kwargs: Any) -> Any:
        """A template of ``source``, its Liquid read as Ruby's Liquid names things
        (:func:`ruby_names`)."""
        return super().from_string(ruby_names(source), *args, **kwargs)

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def error(self, exc: Any, msg: str | None = None, token: Token | None = None) -> None:
        """An error in the source's Liquid, which lax Liquid passes over (Jekyll's default
        ``error_mode: warn`` reads some broken expressions too and stops on other errors):
        reported with its line (the first few of a page; then their number)."""
        if not isinstance(exc, LiquidError):
            exc = exc(msg, token=token)
        if isinstance(exc, _RESOURCE_LIMITS):
            raise exc  # the page is past a limit: rendering stops (see render)
        token = exc.token or token
        where = ""
        if token is not None and isinstance(getattr(token, "source", None), str):
            where = f"line {token.source.count(chr(10), 0, token.start_index) + 1}: "
        unknown = _UNKNOWN_TAG.match(str(exc))
        if unknown is not None:  # "{% seo %}" in an include: a plugin's tag, as on the page
            self.note(_plugin_tag(unknown.group(1)))
            return
        self.lax_errors += 1
        if self.lax_errors <= MAX_ERRORS_NAMED:
            self.note(f"{where}{_one_line(str(exc).splitlines()[0] if str(exc) else repr(exc))}"
                      " (an error in the source's Liquid: Jekyll warns of it or stops on it, by "
                      "its kind; the rest is rendered as lax Liquid does)")


@dataclass
class Rendered:
    """A page's text after Liquid, and what the rendering learned."""

    text: str
    loops: list[Loop]
    marker: re.Pattern[str]
    notes: list[str]  # report lines: tags and filters no one defines, includes not found


def render(env: JekyllLiquid, text: str, variables: Mapping[str, Any], *,
           wants: Callable[[Loop], bool], page_folder: Path | None = None,
           name: str = "page") -> Rendered:
    """Render ``text`` (a page's body, an include, a layout) with ``variables`` (``site``,
    ``page``, ``content``...) as Jekyll would, the loops ``wants`` takes made markers."""
    sink = Sink(wants)
    env.sink, env.notes, env.lax_errors = sink, [], 0
    env.loader_of_site.page_folder = page_folder or env.loader_of_site.source
    try:
        template, text = _parse(env, text, name)
        tags, filters = _names_used(text)
        for tag in tags:
            if tag not in env.tags and tag not in _INNER_TAGS:
                env.note(_plugin_tag(tag))
        for filter_name in filters:
            if filter_name not in env.filters:
                env.note(f"the filter '{filter_name}' (a plugin's) is not run: the value it "
                         "changes is shown as it is")
        out = template.render(**variables)
    except LiquidError as exc:
        env.note(f"its Liquid could not be rendered ({_one_line(str(exc))}): its text is "
                 "kept without its Liquid tags")
        out = _without_liquid(text)
    except RecursionError:
        env.note("its includes include each other without end: its text is kept without "
                 "its Liquid tags")
        out = _without_liquid(text)
    except MemoryError:
        env.note("its Liquid makes more text than the import holds: its text is kept "
                 "without its Liquid tags")
        out = _without_liquid(text)
    finally:
        env.sink = None
    if env.lax_errors > MAX_ERRORS_NAMED:
        env.note(f"{env.lax_errors - MAX_ERRORS_NAMED} more errors of its Liquid, passed over "
                 "in the same way")
    return Rendered(out, sink.loops, sink.pattern(), list(env.notes))


_LIQUID = re.compile(r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}|\{%.*?%\}|\{\{.*?\}\}",
                     re.S)


# A tag or an output, read at most 2,000 characters on (linear on any page).
_PART = re.compile(r"\{%-?\s*(?P<tag>[A-Za-z_][\w-]*)(?P<rest>[^%]{0,2000}?)%\}"
                   r"|\{\{(?P<expr>[^}]{0,2000}?)\}\}")
_FILTER = re.compile(r"\|\s*([A-Za-z_][\w-]*)")
# Words that continue or end a block tag Liquid knows ({% else %}, {% endfor %}...).
_INNER_TAGS = frozenset({"else", "elsif", "when", "empty", "raw", "endraw", "endif", "endfor",
                         "endunless", "endcase", "endcapture", "endcomment", "endtablerow",
                         "endhighlight", "endifchanged", "enddoc"})


def _names_used(text: str) -> tuple[list[str], list[str]]:
    """The tags and filters ``text`` uses, in their order, outside ``{% raw %}`` and
    ``{% comment %}`` (read from the text, so that a tag lax Liquid drops is reported too)."""
    tags: dict[str, None] = {}
    filters: dict[str, None] = {}
    inside = ""  # "raw" or "comment" while in one
    for match in _PART.finditer(text):
        tag = match.group("tag")
        if inside:
            if tag == "end" + inside:
                inside = ""
            continue
        if tag in ("raw", "comment"):
            inside = tag
            continue
        if tag:
            tags.setdefault(tag)
        for name in _FILTER.findall(match.group("rest") or match.group("expr") or ""):
            filters.setdefault(name)
    return list(tags), list(filters)


_RESOURCE_LIMITS = (OutputStreamLimitError, LoopIterationLimitError, ContextDepthError,
                    LocalNamespaceLimitError)
def _plugin_tag(tag: str) -> str:
    """What the report says of a tag neither Liquid nor Jekyll defines (a plugin's)."""
    message = f"the tag {{% {tag} %}} (a plugin's) is not run: it shows nothing"
    return message


_UNKNOWN_TAG = re.compile(r"unexpected tag '([\w-]{1,60})'")
MAX_ERRORS_NAMED = 10  # errors of one page's Liquid named in the report; then their number
MAX_REPAIRS = 50  # tags Jekyll would stop on, left out of one page before giving up


def _parse(env: JekyllLiquid, text: str, name: str) -> tuple[Any, str]:
    """The page's template; a tag that is not Liquid (``{%+ endraw %}``: Jekyll stops the
    whole build on it) is left out, reported with its line, and the rest parsed."""
    text = ruby_names(text)  # as from_string reads it, so that errors' places are the text's
    for _ in range(MAX_REPAIRS):
        try:
            return env.from_string(text, name=name), text
        except LiquidError as exc:
            token = getattr(exc, "token", None)
            start = getattr(token, "start_index", None)
            if not isinstance(start, int) or not 0 <= start < len(text):
                raise
            opening = max(text.rfind("{%", 0, start + 2), text.rfind("{{", 0, start + 2))
            if opening < 0:
                raise
            closing = text.find("%}" if text.startswith("{%", opening) else "}}", opening + 2)
            end = len(text) if closing < 0 else closing + 2
            line = text.count("\n", 0, opening) + 1
            env.note(f"line {line}: {_one_line(text[opening:end])[:80]!r} is not Liquid "
                     f"(Jekyll stops on it: {_one_line(str(exc).splitlines()[0])}); it is "
                     "left out")
            text = text[:opening] + text[end:]
    raise LiquidError("too many tags that are not Liquid", token=None)


def _without_liquid(text: str) -> str:
    """A page whose Liquid cannot be rendered: its text, every tag and output taken out (what
    it would show is unknown; its prose is kept)."""
    return _LIQUID.sub("", text)


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]


def walk(value: Any) -> Iterator[Any]:
    """Every mapping and list inside ``value`` (the data is bounded by safeload)."""
    stack = [value]
    while stack:
        item = stack.pop()
        yield item
        if isinstance(item, Mapping):
            stack.extend(item.values())
        elif isinstance(item, Sequence) and not isinstance(item, str):
            stack.extend(item)


# ---------------------------------------------------------------------------------------------
# Layouts
# ---------------------------------------------------------------------------------------------

_CONTENT = re.compile(r"\{\{-?\s*content\s*-?\}\}")
_LINE = re.compile(r"^line \d+: ")
_CAPTURED = re.compile(r"\{%-?\s*capture\s+\w+\s*-?%\}\s*\{\{-?\s*content\s*-?\}\}\s*"
                       r"\{%-?\s*endcapture\s*-?%\}")
_MAX_WRAPPED = 4 * MAX_INCLUDE_BYTES  # a page in the branches of its layouts, as parsed
_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
MAX_LAYOUTS = 5  # layouts inside layouts followed


def layout_path(source: Path, name: str) -> Path:
    """The file of the layout ``name``: ``_layouts/NAME.html``, else the one of another
    extension Jekyll reads as well (``NAME.liquid``, as al-folio writes them); the ``.html``
    path when there is none (the caller checks that it exists and is inside the site)."""
    html = source / "_layouts" / f"{name}.html"
    if os.path.lexists(html) or "/" in name or "\\" in name or name.startswith("."):
        return html
    try:
        others = sorted(entry.name for entry in os.scandir(source / "_layouts")
                        if entry.name.startswith(f"{name}.") and "." not in
                        entry.name[len(name) + 1:])
    except OSError:
        return html
    return source / "_layouts" / others[0] if others else html


def layout_chain(source: Path, name: object,
                 stand_in: Callable[[str], str | None] | None = None) -> list[str]:
    """The texts of the layout ``name`` and the layouts it is written in, innermost first
    (``_layouts/NAME.html`` or ``.liquid``, inside the site; each at most
    :data:`MAX_INCLUDE_BYTES`); one that shows no ``{{ content }}`` gets it at its end, so
    that its loops are read. ``stand_in``: the text of a layout the site does not hold (its
    theme's, :mod:`.themes`), or None."""
    chain: list[str] = []
    seen: set[str] = set()
    while isinstance(name, str) and name and name not in seen and len(chain) < MAX_LAYOUTS:
        seen.add(name)
        path = layout_path(source, name)
        found = within(path, source)
        if found is None or not found.is_file() or found.stat().st_size > MAX_INCLUDE_BYTES:
            # the site's theme's, which the site does not hold: the importer's stand-in
            text = stand_in(name) if stand_in is not None and not os.path.lexists(path) \
                else None
            if text is None:
                break
        else:
            try:
                text = found.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                break
        front = _FRONT.match(text)
        body = text[front.end():] if front else text
        if _CAPTURED.search(body):
            # a layout that captures the page to rework it (compress.html, a minifier):
            # what it shows is the page, minified; it adds nothing of its own
            body = "{{ content }}"
        if not _CONTENT.search(body):
            # a layout that shows no page text but its own (a table drawn from a
            # collection): its loops count, the page's text comes after them
            body += "\n{{ content }}"
        chain.append(body)
        parent = re.search(r"^layout:\s*['\"]?([\w./-]+)", front.group(1), re.M) if front else None
        name = parent.group(1) if parent else None
    return chain


def in_layouts(env: JekyllLiquid, body: str, chain: list[str], variables: Mapping[str, Any], *,
               wants: Callable[[Loop], bool], page_folder: Path | None = None,
               name: str = "page", own: bool = False) -> Rendered:
    """``body`` rendered inside its layouts: the page's own text, and, before and after it,
    the markers of the loops the layouts run over lists the import shows (a sidebar of
    keynotes, a footer of sponsors), each on a line of its own; the rest of the layouts
    (navigation, header, footer: the new site's theme draws its own) is left out.
    ``own``: the page's layout is its alone (no other page uses it): what that layout shows
    around the page's text (speakers' cards written in it) is the page's, kept in place."""
    if not chain:
        return render(env, body, variables, wants=wants, page_folder=page_folder, name=name)
    opening, closing, own_start, own_end = (f"IMPORTJEKYLLPAGE{secrets.token_hex(8)}X"
                                            for _ in range(4))

    def wrap(every: bool) -> str:
        """The page inside its layouts: at each layout's first "{{ content }}", or, with
        ``every``, at each (one in each branch of an if: a sidebar left, right or none)."""
        wrapped = opening + body + closing
        for n, layout in enumerate(chain):
            shows = list(_CONTENT.finditer(layout))
            assert shows  # layout_chain keeps only layouts that show their content
            if every and len(layout) + len(shows) * len(wrapped) <= _MAX_WRAPPED:
                wrapped = _CONTENT.sub(lambda _m, page=wrapped: page, layout)  # type: ignore[misc]
            else:
                wrapped = layout[:shows[0].start()] + wrapped + layout[shows[0].end():]
            if n == 0 and own:
                wrapped = own_start + wrapped + own_end
        return wrapped

    whole = render(env, wrap(False), variables, wants=wants, page_folder=page_folder, name=name)
    if opening not in whole.text and any(len(_CONTENT.findall(layout)) > 1 for layout in chain):
        # the branch taken shows the page at a "{{ content }}" after the first
        whole = render(env, wrap(True), variables, wants=wants, page_folder=page_folder,
                       name=name)
    if len(shown := _shown_pages(whole.text, opening, closing)) > 1:
        # a layout that shows the page twice (in each of two branches taken, or in a
        # "{{ content }}" of its own a branch prints as well): the page once, where first
        kept = whole.text[:shown[0][1]]
        for (_start, end), (start, _end) in itertools.pairwise(shown):
            kept += whole.text[end:start]
        whole = Rendered(kept + whole.text[shown[-1][1]:], whole.loops, whole.marker,
                         whole.notes)
    # the page in each branch of a layout is parsed once per branch: one note of each
    seen: set[str] = set()
    notes = []
    for note in whole.notes:
        if (said := _LINE.sub("", note)) not in seen:
            seen.add(said)
            notes.append(note)
    whole.notes[:] = notes
    start, end = whole.text.find(opening), whole.text.find(closing)
    first, last = whole.text.find(own_start), whole.text.find(own_end)
    if own and start < 0 and 0 <= first < last and whole.text.count(own_start) == 1:
        # the page's own layout does not show its text ("{{ content }}" in a branch not
        # taken: a profile of each of page.profiles instead): what it shows is the page
        whole = Rendered(whole.text[:first] + opening + _page_part(
            whole.text[first + len(own_start):last]) + closing + whole.text[last + len(own_end):],
            whole.loops, whole.marker, [*whole.notes, "the page's layout shows what the page "
                                        "lists instead of its text: kept as the page"])
        start, end = whole.text.find(opening), whole.text.find(closing)
        own = False
    if start < 0 or end < start or whole.text.count(opening) != 1:
        # the layouts do not show the page once: the page alone
        return render(env, body, variables, wants=wants, page_folder=page_folder, name=name)
    first, last = whole.text.find(own_start), whole.text.find(own_end)
    if own and 0 <= first < start and end < last and whole.text.count(own_start) == 1:
        # the page's own layout: shown in place; the layouts around it as for any page
        inner = (_page_part(whole.text[first + len(own_start):start]) +
                 whole.text[start + len(opening):end] +
                 _page_part(whole.text[end + len(closing):last]))
        whole = Rendered(whole.text[:first] + opening + inner + closing +
                         whole.text[last + len(own_end):], whole.loops, whole.marker,
                         [*whole.notes, "what the page's layout shows around its text is "
                          "the page's (the layout is its alone, or the page has no text of its "
                          "own): kept in the page"])
        start, end = whole.text.find(opening), whole.text.find(closing)
    outside = [_COMMENTS.sub("", whole.text[:start]), _COMMENTS.sub("", whole.text[end:])]
    before, after = (["\n\n" + m.group(0) + "\n\n" for m in whole.marker.finditer(part)]
                     for part in outside)
    # a page that has its own dates shows them once: the layout's repeat them
    own = any(_dates_heading(_heading_text(h.group(0)))
              for h in _SECTION_HEADING.finditer(body[:_MAX_SECTIONS_TEXT]))
    sections = [] if own else [section for part in outside
                               for section in _shown_sections(part, whole.marker)]
    text = "".join(before) + whole.text[start + len(opening):end] + "".join(after) + "".join(
        f"\n\n{section}\n" for section in sections)
    notes = whole.notes + [f"the layout shows '{_heading_text(section)}' beside the page's "
                           "text: kept after it" for section in sections]
    return Rendered(text, whole.loops, whole.marker, notes)


_DOCUMENT = re.compile(r"<!doctype[^<>]{0,200}>|</?(?:html|body)\b[^<>]{0,2000}>", re.I)


def _shown_pages(text: str, opening: str, closing: str) -> list[tuple[int, int]]:
    """Where ``text`` shows the page: each span from an opening marker to its closing one."""
    spans = []
    at = text.find(opening)
    while at >= 0:
        end = text.find(closing, at)
        if end < 0:
            break
        spans.append((at, end + len(closing)))
        at = text.find(opening, end)
    return spans


def _page_part(part: str) -> str:
    """What a page's own layout shows beside its text, as the page's: without what the new
    theme draws itself (head, header, navigation, footer, scripts) and comments, its boxes
    closed within it (a box it opens for the page's text, or closes after it, left out),
    its lines unindented (Markdown reads an indented line as code)."""
    if len(part) > _MAX_SECTIONS_TEXT:
        return ""
    text = _DOCUMENT.sub("", _CHROME.sub("", _COMMENTS.sub("", part)))
    tags = list(_WRAPPERS.finditer(text))
    unmatched: set[int] = set()
    stack: list[tuple[str, int]] = []
    for n, tag in enumerate(tags):
        name = re.match(r"</?(\w+)", tag.group(0))
        element = name.group(1).lower() if name else ""
        if not tag.group(0).startswith("</"):
            stack.append((element, n))
            continue
        while stack and stack[-1][0] != element:
            unmatched.add(stack.pop()[1])  # an element closed by its parent's end
        if stack:
            stack.pop()
        else:
            unmatched.add(n)  # closes what the layout opened before the page's text
    unmatched |= {n for _element, n in stack}
    out, position = [], 0
    for n, tag in enumerate(tags):
        if n in unmatched:
            out.append(text[position:tag.start()])
            position = tag.end()
    out.append(text[position:])
    kept = "".join(out)
    if not re.search(r"<(?:pre|textarea)\b", kept, re.I):
        kept = "\n".join(line.strip() for line in kept.split("\n"))
    return f"\n\n{kept.strip()}\n\n" if kept.strip() else ""


# What the new theme draws itself: a layout's head, header, navigation, footer, scripts.
_CHROME = re.compile(r"<(head|header|nav|footer|script|style|noscript)\b[^>]*>.*?</\1\s*>",
                     re.I | re.S)
_SECTION_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>|^#{1,6}[ \t]+([^\n]+)$",
                              re.I | re.S | re.M)
# A layout repeats dates beside every page ("Key dates"): headings the recognizers read as
# dates. A layout's "Speakers" or "Program" is a menu more often than a list, and is left to
# the new theme.


def _dates_heading(text: str) -> bool:
    return heading_kind(text) == "dates"


_MAX_SECTIONS_TEXT = 200_000
_LINK = re.compile(r"<a\b[^<>]{0,2000}>(.*?)</a\s*>", re.I | re.S)
_PICTURE = re.compile(r"<img\b[^<>]{0,2000}>", re.I)
_MD_PICTURE = re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)")
_MD_LINK = re.compile(r"\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
_WRAPPERS = re.compile(r"</?(?:div|section|aside|main|article|span|center)\b[^<>]{0,2000}>", re.I)


def _heading_text(section: str) -> str:
    found = _SECTION_HEADING.search(section)
    text = (found.group(2) or found.group(3) or "") if found else ""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", "", text)).split())[:60]


def _shown_sections(part: str, marker: re.Pattern[str]) -> list[str]:
    """The parts of a layout around the page's text that show the page's own matter (a
    sidebar of "Key dates"): from each heading of dates to the next heading, outside the
    head, header, navigation and footer the new theme draws."""
    if len(part) > _MAX_SECTIONS_TEXT:  # a layout's frame is small: larger is not read
        return []
    text = marker.sub("", _CHROME.sub("", part))
    headings = list(_SECTION_HEADING.finditer(text))
    sections: list[str] = []
    if not headings:
        return sections
    for found, following in zip(headings, [*headings[1:], None], strict=True):
        title = _heading_text(found.group(0))
        if not _dates_heading(title):
            continue
        end = following.start() if following is not None else len(text)
        # the layout's boxes around it (their other ends are elsewhere) left out
        section = _WRAPPERS.sub("", text[found.start():end])
        # its links and pictures are the layout's, written for every page's address: the
        # words stay, the links and pictures are left to the page's own text
        section = _PICTURE.sub("", _LINK.sub(r"\1", section))
        section = _MD_LINK.sub(r"\1", _MD_PICTURE.sub("", section)).strip()
        if re.sub(r"<[^>]*>|\s", "", section) != re.sub(r"<[^>]*>|\s", "", found.group(0)):
            sections.append(section)
    return sections


_COMMENTS = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
