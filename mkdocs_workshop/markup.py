"""Markdown from front matter (bios) rendered to HTML that cannot carry markup of its own.

Raw HTML in the text is shown as text, and every link or image address must pass the same
check as a person's ``url``; a bad one is reported and the link is shown as plain text.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .models import FieldIssue, to_image, to_link


class _CheckLinks(Treeprocessor):
    def __init__(self, md: markdown.Markdown, issues: list[FieldIssue]) -> None:
        super().__init__(md)
        self.issues = issues

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                attr = {"a": "href", "img": "src"}.get(child.tag)
                if attr is None:
                    continue
                check = to_link if child.tag == "a" else to_image
                value = child.get(attr, "")
                try:
                    check(value)
                    if child.tag == "img" and not value.lower().startswith(("http:", "https:")):
                        raise FieldIssue(
                            f"the image '{value}' in the text is not a web address.",
                            "use an https:// address for images inside a bio.",
                        )
                except FieldIssue as issue:
                    self.issues.append(issue)
                    del child.attrib[attr]


class _SafeText(Extension):
    def __init__(self, issues: list[FieldIssue]) -> None:
        super().__init__()
        self.issues = issues

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_CheckLinks(md, self.issues), "workshop_check_links", 0)


def render_markdown(text: str) -> tuple[Markup, list[FieldIssue]]:
    """HTML for ``text`` and the problems found in its links."""
    issues: list[FieldIssue] = []
    html = markdown.markdown(text, extensions=[_SafeText(issues)], output_format="html")
    return Markup(html), issues
