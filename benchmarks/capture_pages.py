"""A MkDocs hook the benchmark adds to one build of a real site (``--site``): it writes each page
as MkDocs and Material alone would need it to publish what the plugin's build published, into
the folder named by ``WORKSHOP_BENCH_CAPTURE``.

Each page is its Markdown after every plugin's ``on_page_markdown`` (mkdocs-macros and this
plugin included), with each placeholder of this plugin replaced by the HTML block it stands
for, the edition header (when the page has one) at the top of the text, and the page's
schema.org script at its end; its front matter keeps only ``title``. Everything else Jinja
rendered on the page (other variables, ``{% raw %}`` blocks) is in it as rendered.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

PLACEHOLDER = re.compile(r"workshopblock[0-9a-f]+n(\d+)")
HEADER_START = re.compile(r'<div class="workshop-header"[^>]*>')
DIV_TAG = re.compile(r"</?div\b[^>]*>")
JSON_LD = re.compile(r'<script type="application/ld\+json">.*?</script>', re.S)

_pages: dict[str, dict[str, str]] = {}


def _outer_div(html: str, start: re.Match[str]) -> str:
    depth = 0
    for tag in DIV_TAG.finditer(html, start.start()):
        depth += -1 if tag.group().startswith("</") else 1
        if depth == 0:
            return html[start.start():tag.end()]
    return html[start.start():]


@event_priority(-100)  # after mkdocs-macros and the plugin
def on_page_markdown(markdown: str, *, page: Any, config: Any, files: Any) -> str:
    blocks = config.plugins["workshop"].build.placed(page.file.src_uri)
    text = PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], markdown)
    title = (page.meta or {}).get("title")
    _pages[page.file.src_uri] = {"markdown": text, "title": str(title) if title else ""}
    return markdown


@event_priority(-100)  # after the plugin has put the edition header in
def on_page_context(context: Any, *, page: Any, config: Any, nav: Any) -> Any:
    start = HEADER_START.search(page.content or "")
    if start is not None:
        _pages[page.file.src_uri]["header"] = _outer_div(page.content, start)
    return context


@event_priority(-100)  # after the plugin has put its script in the head
def on_post_page(output: str, *, page: Any, config: Any) -> str:
    if (ld := JSON_LD.search(output)) is not None:
        _pages[page.file.src_uri]["ld"] = ld.group()
    return output


def on_post_build(*, config: Any) -> None:
    folder = Path(os.environ["WORKSHOP_BENCH_CAPTURE"])
    for src, captured in _pages.items():
        front = f"---\ntitle: {json.dumps(captured['title'], ensure_ascii=False)}\n---\n\n" \
            if captured["title"] else ""
        body = captured["markdown"]
        if "header" in captured:
            body = captured["header"] + "\n\n" + body
        if "ld" in captured:
            body += "\n\n" + captured["ld"] + "\n"
        path = folder / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(front + body, encoding="utf-8")
