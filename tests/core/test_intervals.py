"""Overlapping spans found in O(n log n) say what comparing every pair says."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_workshop.core.intervals import first_overlaps, in_parallel

span = st.tuples(st.integers(0, 40), st.integers(1, 15)).map(lambda s: (s[0], s[0] + s[1]))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@settings(max_examples=400, deadline=None)
@given(st.lists(span, max_size=40))
def test_the_first_overlapping_span_is_the_one_every_pair_names(spans: list[tuple[int, int]]
                                                                ) -> None:
    expected = [next((j for j, other in enumerate(spans) if j != i and _overlap(s, other)),
                     None) for i, s in enumerate(spans)]
    assert first_overlaps(spans) == expected


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("ABC"), st.integers(0, 40),
                          st.one_of(st.none(), st.integers(-5, 15))), max_size=40))
def test_spans_in_parallel_are_those_every_pair_finds(raw: list[tuple[str, int, int | None]]
                                                      ) -> None:
    """The quadratic rule the import used: for i before j (by start), i has an end, j starts
    before it, the groups differ, and j has a length or no end."""
    spans = sorted(((g, s, None if d is None else s + d) for g, s, d in raw),
                   key=lambda t: t[1])
    expected: set[int] = set()
    for i, (group, _start, end) in enumerate(spans):
        if end is None:
            continue
        for j in range(i + 1, len(spans)):
            other_group, other_start, other_end = spans[j]
            if other_start >= end:
                break
            if other_group != group and (other_end is None or other_end > other_start):
                expected.update((i, j))
    assert in_parallel(spans) == expected


def test_eight_thousand_overlapping_spans() -> None:
    """All at once: every one overlaps the first (the quadratic check took 32 s)."""
    spans = [(i, 100_000 + i) for i in range(8000)]
    firsts = first_overlaps(spans)
    assert firsts[0] == 1 and all(first == 0 for first in firsts[1:])
    rooms = [(f"room {i % 7}", i, 100_000 + i) for i in range(8000)]
    assert in_parallel(rooms) == set(range(8000))
