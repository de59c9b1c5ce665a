"""Every message the code can emit is in the documented table (docs/reference/messages.md)."""

from __future__ import annotations

from messages import messages

from sitekit import ROOT

TABLE = (ROOT / "docs" / "reference" / "messages.md").read_text(encoding="utf-8")


def test_every_message_is_documented() -> None:
    found = messages()
    assert len(found) > 100  # the extractor still sees the code's messages
    missing = [f"{m.file}:{m.line}: {m.text}" for m in found
               if any(fragment not in TABLE for fragment in m.fragments)]
    assert missing == [], "add these to docs/reference/messages.md:\n" + "\n".join(missing)


def test_the_table_is_not_padded_with_messages_the_code_no_longer_has() -> None:
    texts = " ".join(m.text for m in messages())
    rows = [line.split("`")[1] for line in TABLE.splitlines()
            if line.startswith("| `") and line.count("`") >= 2]
    generic = {"is missing.", "should be a set of 'key: value' lines.", "should be a list."}
    stale = []
    for row in rows:
        pieces = [p.strip() for p in row.split("…") if len(p.strip(" .,:'\"()")) >= 6]
        if row not in generic and pieces and not any(p in texts for p in pieces):
            stale.append(row)
    assert stale == []
