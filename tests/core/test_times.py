"""Instants as <time datetime> attributes: HTML offsets are hours and minutes."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from hypothesis import example, given
from hypothesis import strategies as st

from mkdocs_workshop.core.times import iso

ATTRIBUTE = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2})"


def test_a_zone_whose_offset_has_seconds_is_written_in_utc() -> None:
    """Africa/Monrovia kept its local mean time (-00:44:30) until 1972."""
    moment = datetime(1960, 3, 1, 12, 0, tzinfo=ZoneInfo("Africa/Monrovia"))
    assert moment.isoformat().endswith("-00:44:30")
    assert iso(moment) == "1960-03-01T12:44:30+00:00"


@example(datetime(1918, 4, 1, 2, 0), "Europe/Amsterdam")  # a gap, in local mean time
@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2199, 12, 31)),
       st.sampled_from(["Africa/Monrovia", "Europe/Amsterdam", "Asia/Kolkata",
                        "America/St_Johns", "Pacific/Chatham", "UTC", "Etc/GMT+12"]))
def test_every_instant_is_a_valid_html_datetime_of_the_same_moment(
        wall: datetime, zone: str) -> None:
    import re

    moment = wall.replace(tzinfo=ZoneInfo(zone))
    written = iso(moment)
    assert re.fullmatch(ATTRIBUTE, written), written
    # the same instant: compared as timestamps, since == between zones is False for a wall
    # time in a gap or a fold (PEP 495), such as 1918-04-01 02:00 in Europe/Amsterdam
    assert datetime.fromisoformat(written).timestamp() == \
        moment.replace(microsecond=0).timestamp()
