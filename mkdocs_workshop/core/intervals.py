"""Which time spans overlap, in O(n log n): a program's check for slots that overlap, and the
import's search for sessions that run in parallel in other rooms. Comparing every span with
every other is quadratic: 8,000 overlapping sessions took half a minute.

Spans are half-open: ``[start, end)``; two spans overlap when each starts before the other
ends. Starts and ends are anything ordered (UTC datetimes here).
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Hashable, Sequence
from typing import Any, Protocol, TypeVar


class _Ordered(Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


T = TypeVar("T", bound=_Ordered)


def first_overlaps(spans: Sequence[tuple[T, T]]) -> list[int | None]:
    """For each span (by its position in ``spans``), the first position of a span that
    overlaps it, or None. A sweep by start: the spans still open when one starts overlap it
    (a heap by end drops the closed ones, a heap by position gives the first), and those that
    start before it ends form a run of the sorted starts (a sparse table gives its first)."""
    count = len(spans)
    order = sorted(range(count), key=lambda i: spans[i][0])
    starts = [spans[i][0] for i in order]
    found: list[int | None] = [None] * count
    by_end: list[tuple[T, int]] = []  # open spans, by end
    by_position: list[int] = []  # open spans, by position (closed ones removed lazily)
    closed: set[int] = set()
    for i in order:
        start, end = spans[i]
        while by_end and not start < by_end[0][0]:  # ended at or before this start
            closed.add(heapq.heappop(by_end)[1])
        while by_position and by_position[0] in closed:
            heapq.heappop(by_position)
        if by_position:
            found[i] = by_position[0]
        heapq.heappush(by_end, (end, i))
        heapq.heappush(by_position, i)
    first_after = _RangeMin(order)
    for rank, i in enumerate(order):
        last = bisect.bisect_left(starts, spans[i][1], lo=rank + 1)  # starts before it ends
        if last > rank + 1:
            later = first_after.query(rank + 1, last)
            current = found[i]
            found[i] = later if current is None else min(current, later)
    return found


def in_parallel(spans: Sequence[tuple[Hashable, T, T | None]]) -> set[int]:
    """Positions of the spans that overlap a span of another group (a session and one in
    another room), each given as (group, start, end); ``spans`` sorted by start. A span
    without an end overlaps nothing that starts before it, and is found by one that it starts
    within. Two sweeps: forward, the latest end of the spans before, kept for two groups;
    backward, the first start after, likewise."""
    found: set[int] = set()
    best: list[tuple[Any, Hashable, int]] = []  # up to two (end, group, position), groups apart
    for j, (group, start, end) in enumerate(spans):
        if end is not None and not start < end:
            continue  # no length: overlaps nothing
        other = next((b for b in best if b[1] != group), None)
        if other is not None and start < other[0]:
            found.update((j, other[2]))
        if end is not None:
            best = _top_two([*best, (end, group, j)], reverse=True)
    ahead: list[tuple[Any, Hashable, int]] = []  # up to two (start, group, position)
    for i in range(len(spans) - 1, -1, -1):
        group, start, end = spans[i]
        if end is not None and start < end:
            other = next((a for a in ahead if a[1] != group), None)
            if other is not None and other[0] < end:
                found.update((i, other[2]))
        if end is None or start < end:
            ahead = _top_two([*ahead, (start, group, i)], reverse=False)
    return found


def _top_two(items: list[tuple[Any, Hashable, int]], *,
             reverse: bool) -> list[tuple[Any, Hashable, int]]:
    """The best item, and the best of another group than its (largest first with
    ``reverse``, else smallest; ties: the earlier position)."""
    ranked = sorted(items, key=lambda item: item[2])
    ranked.sort(key=lambda item: item[0], reverse=reverse)
    kept = ranked[:1]
    kept += [item for item in ranked[1:] if item[1] != kept[0][1]][:1]
    return kept


class _RangeMin:
    """The smallest value of any run of a list, in constant time (a sparse table)."""

    def __init__(self, values: Sequence[int]) -> None:
        self.table = [list(values)]
        width = 1
        while 2 * width <= len(values):
            row = self.table[-1]
            self.table.append([min(row[i], row[i + width])
                               for i in range(len(values) - 2 * width + 1)])
            width *= 2

    def query(self, low: int, high: int) -> int:
        """The smallest of ``values[low:high]`` (not empty)."""
        level = (high - low).bit_length() - 1
        row = self.table[level]
        return min(row[low], row[high - (1 << level)])
