"""Every message the plugin can emit, read from its source code (used by test_messages.py)."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "mkdocs_workshop"
REPORTS = {"error": "error", "warn": "warning", "note": "info"}
RAISES = {"FieldIssue": "error", "ImageProblem": "warning", "PluginError": "error",
          "Refused": "error", "_Limit": "error", "PlainText": "warning",
          "TimeDoubt": "warning", "ImageOptionError": "error"}


@dataclass(frozen=True)
class Message:
    file: str
    line: int
    level: str
    text: str  # the message with {placeholders} for what varies

    @property
    def fragments(self) -> list[str]:
        """The fixed pieces a reader can search the table for."""
        return [p.strip() for p in self.text.split("{}") if len(p.strip(" .,:'\"()")) >= 6]


def _text(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left), _text(node.right)
        return (left or "{}") + (right or "{}")
    return None


def messages() -> list[Message]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            level = None
            if isinstance(func, ast.Attribute) and func.attr in REPORTS:
                level = REPORTS[func.attr]
            elif isinstance(func, ast.Name) and func.id in RAISES:
                level = RAISES[func.id]
            if isinstance(func, ast.Attribute) and func.attr == "append" \
                    and isinstance(node.args[0], ast.Tuple) and len(node.args[0].elts) == 2:
                level, first = "error", node.args[0].elts[0]  # (message, fix) pairs
                text = _text(first)
                if text and text != "{}":
                    found.append(Message(path.relative_to(PACKAGE.parent).as_posix(),
                                         node.lineno, level, text))
                continue
            if level is None:
                continue
            text = _text(node.args[0])
            if text and text != "{}":
                found.append(Message(path.relative_to(PACKAGE.parent).as_posix(), node.lineno,
                                     level, text))
        for node in ast.walk(tree):  # return ("message", "fix") and message = "..."
            pairs: list[ast.expr] = []
            if isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple) \
                    and len(node.value.elts) == 2:
                pairs.append(node.value.elts[0])
            if isinstance(node, ast.Lambda) and isinstance(node.body, ast.Tuple) \
                    and len(node.body.elts) == 2:
                pairs.append(node.body.elts[0])  # not_list=lambda value: (message, fix)
            if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Tuple) and t.elts and isinstance(t.elts[0], ast.Name)
                    and t.elts[0].id == "message" for t in node.targets) \
                    and isinstance(node.value, ast.Tuple):
                pairs.append(node.value.elts[0])
            if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "message" for t in node.targets):
                pairs.append(node.value)
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple) \
                    and len(node.value.elts) == 2 and any(
                    isinstance(t, ast.Attribute) and t.attr == "error" for t in node.targets):
                pairs.append(node.value.elts[0])  # result.error = (message, fix)
            if isinstance(node, ast.Dict):  # a table of {reason: (message, fix)}, formatted
                for value in node.values:
                    if isinstance(value, ast.Tuple) and len(value.elts) == 2:
                        text = _text(value.elts[0])
                        if text:
                            pairs.append(ast.Constant(re.sub(r"\{\w*(:[^}]*)?\}", "{}", text)))
            if isinstance(node, ast.ListComp) and isinstance(node.elt, ast.Tuple) \
                    and len(node.elt.elts) == 2:
                pairs.append(node.elt.elts[0])  # [(message, fix) for ... in ...]
            for expr in pairs:
                text = _text(expr)
                if text and text != "{}" and len(text.strip(" .{}")) >= 6:
                    found.append(Message(path.relative_to(PACKAGE.parent).as_posix(),
                                         getattr(node, "lineno", 0), "error", text))
    return found


if __name__ == "__main__":
    for m in messages():
        print(f"{m.level:7} {m.file}:{m.line}: {m.text}")
