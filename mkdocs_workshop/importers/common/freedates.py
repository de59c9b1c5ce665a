"""Dates as organizers write them in "Important Dates" lists.

``April 8, 2024``, ``Aug 22, 2026``, ``Oct 16-18, 2024``, ``May 30 - June 2, 2024``,
``8 April 2024``, ``2024-04-08``, ``Nov 26 -- Dec 4, 2022``, optionally with a weekday
(``Monday, April 8, 2024``), a time (``11:59 PM``) and ``AoE``/``UTC``. A list line is
``Label: date`` or ``date: Label``, and may also carry:

- hours and a zone, before or after the date: ``08:00 AM -- 06:00 PM (EST), Dec 13, 2021``,
  ``Sat, Jul 11, 2026 • 8:00 AM – 5:00 PM KST``, ``July 15, 2026 (KST 8:00 AM – 5:00 PM)``
  (a timed entry, a period when there are two times; the zone abbreviation as a zone name);
- an extension: ``Aug 22, 2025 (extended to Aug 24)``, or a struck date followed by the new
  one, ``~~May 1~~ May 8, 2024`` / ``<del>May 1</del> May 8, 2024`` (the new date is
  ``extended``; for a period, its new last day);
- a strike over the whole line, ``<del>Submission Deadline: Sep 18, 2021</del>``: the source
  marked the date as passed; it is a plain entry (the plugin marks passed dates itself);
- words after the date (``, Hall C``) or in the extension's brackets: kept with the label.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
# A month's name, its abbreviation, or a slip in its spelling after the first three letters
# ("Auguest"): the first three letters decide.
_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:[a-z]{0,7}\b)?\.?")
# "1st of June, 2026": the day, "of", the month
_OF_MONTH = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(of)\s+(?={_MONTH})", re.I)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DASH = r"\s*(?:-{1,2}|\u2013|\u2014|to|until)\s*"
# Between two days of one month: a dash, or "and" for two days in a row ("8th and 9th").
_DAYS = r"\s*(?:-{1,2}|\u2013|\u2014|to|until|(?P<both>and|&))\s*"
_TIME = r"(?:,?\s*(?:at\s+)?(?P<time>\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?))?"
_ZONE = r"(?:\s*\(?(?P<zone>aoe|anywhere on earth|utc|gmt)\)?)?"

_PATTERNS = [
    # May 30 - June 2, 2024
    rf"(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?{_DASH}{_WEEKDAY}"
    rf"(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})",
    # Oct 16-18, 2024; May 8th and 9th 2023
    rf"(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?{_DAYS}(?P<d2>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})",
    # April 8, 2024
    rf"(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})",
    # 16-18 October 2024; 8th and 9th of May 2023
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?{_DAYS}(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<m1>{_MONTH}),?\s+(?P<y>\d{{4}})",
    # 8 April 2024; 11. October 2021, as German writes the day
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?P<m1>{_MONTH}),?\s+(?P<y>\d{{4}})",
    # 30 January - 2 February 2023
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH}){_DASH}{_WEEKDAY}(?P<d2>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH}),?\s+(?P<y>\d{{4}})",
    # 2024-04-08; 2024/04/08
    r"(?P<iso>\d{4}-\d{2}-\d{2})",
    r"(?P<ys>\d{4})/(?P<ms>\d{1,2})/(?P<ds>\d{1,2})",
    # 13/05/2024 or 05/13/2024: day and month told apart only where one of them is over 12
    r"(?P<sa>\d{1,2})/(?P<sb>\d{1,2})/(?P<y>\d{4})",
    # 25.07.2025: day, month, year, as Europe writes them with dots
    r"(?P<dd>\d{1,2})\.(?P<mm>\d{1,2})\.(?P<y>\d{4})",
    # June 13th 2022 to June 17th 2022; Dec 30, 2025 - Jan 2, 2026: a year at both ends
    rf"(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}}){_DASH}"
    rf"{_WEEKDAY}(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})",
]
_COMPILED = [re.compile(rf"^{_WEEKDAY}{p}{_TIME}{_ZONE}\.?$", re.I) for p in _PATTERNS]
_FOUND = [re.compile(rf"\b{p}\b", re.I) for p in _PATTERNS[2:5]]  # one day, in prose
# No date line is longer: a longer one is kept as written, and reading stays linear.
MAX_LINE = 500


@dataclass(frozen=True)
class FreeDate:
    first: date
    last: date
    time: time | None = None  # a time of day, for a single date
    zone: str | None = None  # "AoE" or "UTC" when written

    @property
    def when(self) -> date | datetime:
        return datetime.combine(self.first, self.time) if self.time else self.first


def _month(text: str) -> int:
    return _MONTHS[text.lower()[:3]]


def _clock(text: str) -> time | None:
    match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?\s*([ap])?\.?m?\.?", text.strip().lower())
    if not match:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


_DAY_OF_MONTH = re.compile(rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|"
                           rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH})(?![\w,]*\s*\d{{4}})", re.I)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


# A weekday in brackets after a day ("Aug 4 (Fri), 2023", "May 19 (Monday)")
_PAREN_WEEKDAY = re.compile(r"\s*\(\s*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?\s*\)", re.I)


def parse_free_date(text: str, year: int | None = None) -> FreeDate | None:
    """A date or a period written in prose; None if the text is not exactly that. ``year``:
    the year of a date written without one ("Friday, December 11", "May 19th" on a page
    of 2020), when a weekday written with it does not say otherwise."""
    if len(text) > MAX_LINE:
        return None
    if "(" in text and (bare := _PAREN_WEEKDAY.sub("", text)) != text:
        return parse_free_date(bare, year)  # "Aug 4 (Fri), 2023": the day, its weekday said
    if (cjk := _CJK_DAYS.fullmatch(text.strip())) is not None:
        return _cjk_days(cjk, year)
    found = _parse(text)
    if found is not None or year is None or re.search(r"\b\d{4}\b", text):
        return found
    for variant in _year_variants(text, year):
        found = _parse(variant)
        if found is not None:
            break
    weekday = re.match(r"\s*\**\s*(mon|tue|wed|thu|fri|sat|sun)", text, re.I)
    if found is not None and weekday and \
            _WEEKDAYS.index(weekday.group(1).lower()) != found.first.weekday():
        return None  # "Friday, May 19" is no Friday that year: not this year's date
    return found


# A day as Japanese, Chinese and Korean pages write it: "2025年9月9日" and its weekday in
# brackets (full-width or not), "9月9日", "2025년 9월 9일 (화)"; a period "9月9日-10日" (or
# with a wave dash) or "9月30日-10月1日"
_CJK_DAY = (r"(?:(?P<{y}>\d{{4}})\s*[年년]\s*)?(?:(?P<{m}>\d{{1,2}})\s*[月월]\s*)?"
            r"(?P<{d}>\d{{1,2}})\s*[日일]\s*(?:[(\uff08]\s*[^()\uff08\uff09\s]{{1,3}}\s*"
            r"[)\uff09])?")
_CJK_DAYS = re.compile(_CJK_DAY.format(y="y1", m="m1", d="d1")
                       + r"(?:\s*[~\u301c\uff5e\-\u2013\u2014]\s*"
                       + _CJK_DAY.format(y="y2", m="m2", d="d2") + ")?")


def cjk_day_in(text: str, year: int | None) -> FreeDate | None:
    """The first day written in Japanese, Chinese or Korean in ``text`` ("2日目: 2025年9月10日
    (水)"), if any; None for a period."""
    for found in _CJK_DAYS.finditer(text):
        day = _cjk_days(found, year)
        if day is not None and day.first == day.last:
            return day
    return None


def _cjk_days(found: re.Match[str], year: int | None) -> FreeDate | None:
    """The day or period of a match of :data:`_CJK_DAYS` (its year, or ``year``)."""
    first_year = int(found["y1"]) if found["y1"] else year
    if first_year is None or found["m1"] is None:
        return None
    try:
        first = date(first_year, int(found["m1"]), int(found["d1"]))
        if found["d2"] is None:
            return FreeDate(first, first)
        last = date(int(found["y2"] or first_year), int(found["m2"] or found["m1"]),
                    int(found["d2"]))
    except ValueError:
        return None
    return FreeDate(first, last) if first <= last else None


def _year_variants(text: str, year: int) -> list[str]:
    """``text`` with ``year`` written where a date without one would have it: after the last
    day ("Dec 11 - 12", "May 30 - June 2") or month ("11-12 December"), before a time or a
    zone; none when it names no day of a month."""
    if _DAY_OF_MONTH.search(text) is None:
        return []
    ends = [m.end() for m in re.finditer(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*[:.]\d)|{_MONTH}",
                                         text, re.I)]
    return [f"{text[:end]}, {year}{text[end:]}" for end in reversed(ends[-3:])]


def _without_of(text: str) -> str:
    """``text`` with "1st of June" written "1st    June" (as long: places in it stay)."""
    return _OF_MONTH.sub(lambda m: m.group(0)[:m.start(1) - m.start()] + "  " +
                         m.group(0)[m.end(1) - m.start():], text) if "of" in text else text


def _parse(text: str) -> FreeDate | None:
    cleaned = re.sub(r"\s+", " ", _without_of(text).strip().strip("*_ ").replace("\u00a0", " "))
    for pattern in _COMPILED:
        match = pattern.match(cleaned)
        if not match:
            continue
        groups = match.groupdict()
        try:
            if groups.get("iso"):
                first = last = date.fromisoformat(groups["iso"])
            elif groups.get("dd"):
                first = last = date(int(groups["y"]), int(groups["mm"]), int(groups["dd"]))
            elif groups.get("ys"):
                first = last = date(int(groups["ys"]), int(groups["ms"]), int(groups["ds"]))
            elif groups.get("sa"):
                a, b = int(groups["sa"]), int(groups["sb"])
                if (a > 12) == (b > 12):  # 05/01/2024: May 1 in one country, 5 January in
                    return None  # another; kept as written
                day, month = (a, b) if a > 12 else (b, a)
                first = last = date(int(groups["y"]), month, day)
            else:
                year = int(groups["y"])
                m1 = _month(groups["m1"])
                first = date(int(groups.get("y1") or year), m1, int(groups["d1"]))
                if groups.get("d2"):
                    m2 = _month(groups["m2"]) if groups.get("m2") else m1
                    last = date(year, m2, int(groups["d2"]))
                else:
                    last = first
        except ValueError:  # April 31
            return None
        if last < first or (groups.get("both") and (last - first).days != 1):
            return None  # "May 8 and 10" is two days, not a period
        clock = None
        if groups.get("time"):
            clock = _clock(groups["time"])
            if clock is None or first != last:
                return None
        zone = groups.get("zone")
        zone = ("AoE" if zone.lower().startswith(("aoe", "anywhere")) else "UTC") if zone else None
        return FreeDate(first, last, clock, zone)
    return None


# Zone abbreviations organizers write after a time, as zone names the plugin knows. An
# abbreviation names a region's zone (EST: New York's), whose daylight-saving rules apply.
ZONE_ABBREVIATIONS = {
    "aoe": "AoE", "anywhere on earth": "AoE", "utc": "UTC", "gmt": "UTC",
    "est": "America/New_York", "edt": "America/New_York", "et": "America/New_York",
    "cst": "America/Chicago", "cdt": "America/Chicago", "ct": "America/Chicago",
    "mst": "America/Denver", "mdt": "America/Denver",
    "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles", "pt": "America/Los_Angeles",
    "kst": "Asia/Seoul", "jst": "Asia/Tokyo", "sgt": "Asia/Singapore", "hkt": "Asia/Hong_Kong",
    "cet": "Europe/Paris", "cest": "Europe/Paris", "bst": "Europe/London",
    "ist": "Asia/Kolkata", "aest": "Australia/Sydney", "aedt": "Australia/Sydney",
    # and as words
    "pacific time": "America/Los_Angeles", "pacific standard time": "America/Los_Angeles",
    "pacific daylight time": "America/Los_Angeles", "eastern time": "America/New_York",
    "eastern standard time": "America/New_York", "eastern daylight time": "America/New_York",
    "central time": "America/Chicago", "mountain time": "America/Denver",
    "central european time": "Europe/Paris", "central european summer time": "Europe/Paris",
    "british summer time": "Europe/London", "korea standard time": "Asia/Seoul",
    "japan standard time": "Asia/Tokyo", "india standard time": "Asia/Kolkata",
}
_ZONE_WORD = r"(?:" + "|".join(sorted((re.escape(z) for z in ZONE_ABBREVIATIONS),
                                      key=len, reverse=True)) + r")"
_CLOCK = r"\d{1,2}(?::\d{2}\s*(?:[ap]\.?m\.?)?|\s*[ap]\.?m\.?)"  # 8:00, 8:00 AM, 8 am
_HOURS = re.compile(
    rf"\(?\s*(?:(?P<zone1>{_ZONE_WORD})\s+)?(?P<t1>{_CLOCK})"
    rf"(?:\s*(?:-{{1,2}}|\u2013|\u2014|to)\s*(?P<t2>{_CLOCK}))?"
    rf"(?:\s*\(?\s*(?P<zone2>{_ZONE_WORD})\b\)?)?\)?", re.I)
_EXTENDED = re.compile(
    r"\(\s*(?:extended|postponed|moved|changed)\s+(?:to|until)\s+(?P<new>[^,()]{1,100}?)"
    r"\s*(?:,\s*(?P<note>[^()]{0,300}))?\)\s*$", re.I)
_STRUCK = re.compile(r"^(?:~~(?P<a>.+?)~~|<(?P<tag>del|s|strike)>(?P<b>.+?)</(?P=tag)>)"
                     r"\s*(?P<new>.*)$", re.I)
_YEAR = re.compile(r"\b\d{4}\b")
_STRUCK_PART = re.compile(r"\s*[*_]{0,2}(?:~~(?P<a>[^~]{1,120})~~|<(?P<tag>del|s|strike)>"
                          r"(?P<b>[^<>]{1,120})</(?P=tag)>)[*_]{0,2}", re.I)
# A struck day and, straight after it, one or two more struck ones (extensions since passed)
_ONE_STRUCK = (r"\s*[*_]{0,2}(?:~~[^~]{1,120}~~|<(?:del|s|strike)>[^<>]{1,120}"
               r"</(?:del|s|strike)>)[*_]{0,2}")
_STRUCK_CHAIN = re.compile(rf"(?P<first>{_ONE_STRUCK})(?:{_ONE_STRUCK}){{1,2}}", re.I)
_EXTENSION_WORDS = re.compile(r"^\s*[(\[]?\s*(?:extended|postponed|moved|new|updated)"
                              r"(?:\s+(?:to|until))?\s*:?\s*", re.I)
_WEEKDAY_STRUCK = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s*"
                             r"(?=~~|<(?:s|del|strike)>)", re.I)
_EXTENDED_WORD = re.compile(r"(~~|</(?:s|del|strike)>)\s*[(\[]?[*_]*\s*(?:extended|postponed|"
                            r"new|updated|revised|now)(?:\s+(?:to|until))?[*_]*\s*[)\]]?\s*:?",
                            re.I)


@dataclass(frozen=True)
class DateLine:
    label: str
    date: FreeDate
    extended: FreeDate | None = None  # the new date, when the line gives one
    struck: bool = False  # the whole line was struck through in the source
    end_time: time | None = None  # the end of a timed period on one day (8:00 AM - 5:00 PM)
    note: str = ""  # words of the line that are not the date, kept with the label

    @property
    def what(self) -> str:
        return f"{self.label} ({self.note})" if self.note else self.label


def _with_year(text: str, year: int) -> str:
    return text if _YEAR.search(text) else f"{text.strip()}, {year}"


_AT = re.compile(r"(?:\s|^)(?:at|@|by|until|before)\s*$", re.I)


def _hours(text: str) -> tuple[str, time | None, time | None, str | None]:
    """``text`` without its hours and zone, the hours, and the zone's name."""
    for match in _HOURS.finditer(text):
        start = _clock(match.group("t1"))
        end = _clock(match.group("t2")) if match.group("t2") else None
        if start is None or (match.group("t2") and end is None):
            continue
        zone_word = match.group("zone1") or match.group("zone2")
        zone = ZONE_ABBREVIATIONS[zone_word.lower()] if zone_word else None
        before = _AT.sub("", text[:match.start()])  # "May 29, 2023 at 23:59"
        rest = (before + " " + text[match.end():]).replace("\u2022", ",")
        rest = re.sub(r"\(\s*\)", "", rest)
        rest = re.sub(r"\s*,\s*(?:,\s*)+", ", ", rest).strip(" ,;")
        return re.sub(r"\s+", " ", rest), start, end, zone
    return text, None, None, None


# Where the words after a date begin: a comma or semicolon (", Hall C", "; in person"), a
# bracket ("(via OpenReview)")
_REST = re.compile(r"\s*[,;]\s|\s+(?=\()")
_BRACKETED = re.compile(r"\(([^()]*)\)")


def _date_and_rest(text: str) -> tuple[FreeDate, str] | None:
    """The date at the start of ``text`` and the words after it (``, Hall C``,
    ``(via OpenReview)``), kept as the line's note."""
    found = parse_free_date(text)
    if found is not None:
        return found, ""
    for match in _REST.finditer(text):
        found = parse_free_date(text[:match.start()])
        if found is not None:
            rest = text[match.end():].strip()
            bracketed = _BRACKETED.fullmatch(rest)
            return found, (bracketed.group(1).strip() if bracketed else rest)
    return None


def _parse_when(text: str) -> tuple[FreeDate, time | None, str] | None:
    """A date with its hours and zone, the end time of a timed period, and the rest."""
    rest, start, end, zone = _hours(text)
    found = _date_and_rest(rest)
    if found is None:
        return None
    day, note = found
    if start is not None:
        if day.first != day.last or (day.time is not None):
            return None
        if end is not None and end <= start:
            return None
        day = FreeDate(day.first, day.last, start, zone or day.zone)
    elif zone is not None:
        day = FreeDate(day.first, day.last, day.time, zone)
    return day, end, note


# "Extended to *June 14th* <s>(14 May 2021, 7 May 2021)</s>, 23:59 AoE": the new day first,
# then the days it replaced, struck
_NEW_FIRST = re.compile(
    r"^\s*[(\[]?\s*[*_]{0,2}(?:extended|postponed|moved)\s+(?:to|until)\s*:?\s*"
    r"(?P<new>[^~<>()\[\]]{1,80}?)\s*[)\]]?(?P<struck>(?:\s*(?:~~[^~]{1,200}~~|"
    r"<(?:del|s|strike)>[^<>]{1,200}</(?:del|s|strike)>)){1,3})\s*[,;]?\s*(?P<rest>.*)$", re.I)
_ZONE_ONLY = re.compile(rf"\s*(?:aoe|anywhere on earth|{_ZONE_WORD})\s*", re.I)
_STRUCK_DAYS = 3  # a chain of struck days reads at most three
_ROLLOVER = 182  # days a new day without a year may fall before the old: more, next year's


def _new_first(text: str) -> str:
    """A line that names its new day before the struck days it replaced, as the parser
    reads an extension: the struck days first, the earliest first, then the new one and
    the rest ("~~7 May 2021~~ ~~14 May 2021~~ June 14th, 23:59 AoE"); the line as it is
    when it says no such thing."""
    found = _NEW_FIRST.match(text)
    if found is None:
        return text
    struck = found.group("struck")
    days = sorted((day.first, m.group(0)) for pattern in _FOUND
                  for m in pattern.finditer(struck)
                  if (day := parse_free_date(m.group(0))) is not None)
    if not days or len(days) > _STRUCK_DAYS:
        return text
    new = found.group("new").strip(" *_,")
    if not _YEAR.search(new) and (day := parse_free_date(_with_year(new, days[-1][0].year))):
        # "Extended to June 14th": the year of the days it replaced, or the next one's when
        # it would be months before them ("extended to Jan 4 ~~Dec 20, 2021~~")
        new = _with_year(new, days[-1][0].year + ((days[-1][0] - day.first).days > _ROLLOVER))
    rest = found.group("rest").strip()
    return " ".join(f"~~{said}~~" for _day, said in days) + f" {new}" + \
        (f", {rest}" if rest else "")


def _parse_right(text: str) -> tuple[FreeDate, FreeDate | None, time | None, str] | None:
    """The date side of a line: the date, its extension, the end time, and the rest."""
    extended_text = None
    note = ""
    text = _new_first(text)
    extension = _EXTENDED.search(text)
    if extension:
        extended_text = extension.group("new")
        note = (extension.group("note") or "").strip()
        text = text[:extension.start()].strip()
    # "~~May 6~~ ~~extended to May 10~~ extended to May 16": extended twice; the day in
    # between, struck too, stays with the label
    chain = _STRUCK_CHAIN.match(text)
    if chain is not None and extended_text is None and text[chain.end():].strip(" *_"):
        between = [_EXTENSION_WORDS.sub("", m.group("a") or m.group("b") or "").strip(" *_")
                   for m in _STRUCK_PART.finditer(text, chain.end("first"), chain.end())]
        note = "first extended to " + ", then ".join(b for b in between if b)
        text = chain.group("first") + " " + text[chain.end():].lstrip()
    # "~~June 22~~ (**Extended**) July 1": the word between the two days says what they are
    text = _EXTENDED_WORD.sub(r"\1 ", text)
    # "Monday, ~~June 5~~ June 8": the weekday of the struck day, which it says again
    text = _WEEKDAY_STRUCK.sub("", text)
    struck = _STRUCK.match(text)
    if struck and extended_text is None and struck.group("new").strip():
        old = (struck.group("a") or struck.group("b")).strip()
        extended_text, text = struck.group("new").strip(), old
        bracket = re.search(r"\s*\(([^()]{1,300})\)$", extended_text)
        if bracket and _hours(bracket.group(1))[1] is None and \
                not _ZONE_ONLY.fullmatch(bracket.group(1)):
            # "~~May 1~~ May 8, 2024 (a note)": the note stays with the label; "(23:59
            # GMT)" is the new day's time, "(AoE)" its zone
            note = ", ".join(part for part in (note, bracket.group(1).strip()) if part)
            extended_text = extended_text[:bracket.start()]
        years = _YEAR.findall(extended_text)
        if years and not _YEAR.search(text):
            text = _with_year(text, int(years[-1]))
    parsed = _parse_when(text)
    if parsed is None:
        return None
    day, end_time, rest = parsed
    extended = None
    if extended_text is not None:
        new = parse_free_date(_with_year(extended_text, day.first.year))
        if new is None and (timed := _parse_when(extended_text)) is not None and \
                timed[1] is None:  # "June 8, 2023 (23:59 GMT)", "August 15th 2025 (Firm)"
            new = timed[0]
            note = ", ".join(part for part in (note, timed[2]) if part)
        if new is None:
            return None
        if new.last < day.last:  # "extended" to an earlier day: not an extension
            return None
        extended = new
    note = ", ".join(part for part in (rest, note) if part)
    return day, extended, end_time, note


_ZONE_BEFORE_YEAR = re.compile(
    r"(\d{1,2}(?:st|nd|rd|th)?)\s*\((aoe|anywhere on earth|utc|gmt)\)\s*,?\s*(\d{4})\b", re.I)


# UTC-12, the zone "Anywhere on Earth" names ("UTC-12 timezone", "GMT -12:00", "UTC−12 TZ")
_AOE_OFFSET = re.compile(r"\b(?:utc|gmt)\s*[-\u2212\u2013]\s*12(?::00)?\b"
                         r"(?:\s*(?:time\s*zone|timezone|tz)\b)?", re.I)


# A mark after a date that it has passed ("(PASSED)", "[closed]", "✓"): the plugin marks
# a passed date itself, from the day
_STATUS = re.compile(r"\s*(?:[(\[]\s*[*_]*(?:passed|closed|over|expired|done|completed|"
                     r"finished)[*_]*\s*[)\]]|[\u2713\u2714\u2705])[\s.!]*$", re.I)


_COLONS = 3
_OTHER_TAGS = re.compile(r"</?(?!(?:del|s|strike)\b)[a-z][a-z0-9]{0,10}\b[^<>]{0,300}>", re.I)
_BEFORE_TIME = re.compile(r"\(\s*(?:any\s?time\s+)?(?:before|by|until|up\s+to)\s+(?=\d)", re.I)


def parse_date_line(text: str, year: int | None = None) -> DateLine | None:
    """``Paper Submission Deadline: May 16, 2024`` or ``February 28, 2022: Submission Date``;
    ``year``: that of a line that writes none ("Submission: May 16"), the page's."""
    if len(text) > MAX_LINE:
        return None
    text = _NUMBER_DASH.sub("\u2013", text)  # "September 8\u201230": a range of days
    # "August 15<sup>th</sup>", "<strong>May 1</strong>": the words, the strike kept
    text = _OTHER_TAGS.sub("", text) if "<" in text else text
    # "~~Dec 16, 2022~~, Dec 18, 2022 (extension)": the struck day, then the new one
    if _ANY_STRIKE.search(text):  # the "(extension)" the struck date and the new one say
        text = _AFTER_STRUCK.sub(r"\1 ", _EXTENSION_NOTE.sub("", text))
    text = _ZONE_CELL.sub(r" \1", text)  # "Notification: Jan 6, 2023: AoE", a zone's column
    text = _AOE_OFFSET.sub("AoE", text)  # "(UTC-12 timezone)": Anywhere on Earth
    text = _STATUS.sub("", text)  # "(PASSED)": the page says that itself, from the day
    text = _BEFORE_TIME.sub("(", text)  # "(anytime before 11:59 AoE)": the time it ends
    text = _ZONE_BEFORE_YEAR.sub(r"\1, \3 (\2)", text)  # "October 27 (AOE), 2023"
    found = _parse_line(text) or _parse_line(_unseparated(text))
    if found is None and year is not None and not _YEAR.search(text):
        # a label has a colon or two in it at most: the first ones are where a date may be
        for match in itertools.islice(re.finditer(r":\s", text), _COLONS):
            for variant in _year_variants(text[match.end():], year):
                found = found or _parse_line(text[:match.end()] + variant)
            # "May 1: Submission deadline": the date first
            for variant in _year_variants(text[:match.start()], year):
                found = found or _parse_line(variant + text[match.start():])
    if found is None:
        return None
    # "**Paper submission:** May 1": the label without its colon
    label = found.label.rstrip(" :*_").lstrip(" *_")
    # "[Case papers only] - Final descriptions": the note in brackets after the label
    noted = _NOTE_FIRST.fullmatch(label)
    if noted is not None:
        label = f"{noted.group(2).rstrip(' .')} ({noted.group(1).strip()})"
    return replace(found, label=label) if label and label != found.label else found


# A day with its year (and a weekday before it), where a line without ": " between its label
# and its date has one.
_DAYS_IN_LINE = [re.compile(rf"\b{_WEEKDAY}{p}\b", re.I) for p in _PATTERNS]


_AROUND = " ,-:\u2013\u2014"  # what separates a label and a date, or ends a line
_ANY_STRIKE = re.compile(r"~~|<(?:del|s|strike)>", re.I)
_AFTER_STRUCK = re.compile(r"(~~|</(?:del|s|strike)>)\s*[,;/]\s*", re.I)
_EXTENSION_NOTE = re.compile(r"\s*\((?:extension|extended|new|updated|revised|postponed)\)",
                             re.I)
_ZONE_CELL = re.compile(r"\s*[:|]\s*(aoe|anywhere on earth|utc|gmt)\s*$", re.I)
# A label after a note in brackets: "[Case papers only] - Final case descriptions"
_NOTE_FIRST = re.compile(r"\[([^\[\]]{1,60})\]\s*[-:\u2013\u2014]?\s*(\S.*)", re.S)
# A struck-out date a line starts with ("~~July 23~~", "<del>July 23</del>")
_STRUCK_FIRST = re.compile(r"\s*(?:[-*+]\s+)?(?:~~[^~]{1,60}~~|<(del|s|strike)>[^<>]{1,60}"
                           r"</\1>)\s*", re.I)
# Dashes between two numbers that mean "to" ("8\u201230", a figure dash; a minus sign)
_NUMBER_DASH = re.compile(r"(?<=\d)\s*[\u2010\u2011\u2012\u2015\u2212]\s*(?=\d)")


def _unseparated(text: str) -> str:
    """``Submission Open 10 July 2025 (AoE)`` as ``Submission Open: 10 July 2025 (AoE)``, and
    ``September 6, 2024 Papers Submission`` as ``September 6, 2024: Papers Submission``: a
    line whose label and date nothing separates, with the ": " the parser reads; the line
    as it is when no day starts or ends it."""
    if ": " in text:
        return text
    matches = [m for m in (p.search(text) for p in _DAYS_IN_LINE) if m is not None]
    if not matches:
        return text
    found = min(matches, key=lambda m: (m.start(), -m.end()))  # the first, the longest
    begin = found.start()
    first = _STRUCK_FIRST.match(text)
    new = None if first is None else min(
        (m for m in (p.search(text, first.end()) for p in _DAYS_IN_LINE) if m is not None),
        key=lambda m: (m.start(), -m.end()), default=None)
    if first is not None and new is not None and new.start() == first.end():
        # "~~July 23~~ August 1, 2021 - Paper submission": the label, then the struck date
        # and the new one, as "Label: ~~old~~ new" reads
        label = text[new.end():].strip(_AROUND + ".")
        if label and re.search(r"[^\W\d_]", label):
            return f"{label}: {text[:new.end()].strip()}"
    struck = re.search(r"(?:~~|<(?:s|del|strike)>)\s*$", text[:begin], re.I)
    if struck:  # "Deadline ~~May 1, 2024~~ May 8, 2024": the strike is the date's
        begin = struck.start()
    before, after = text[:begin].strip(" -*\u2013\u2014"), text[found.end():]
    if not before and after.strip(_AROUND):
        return f"{text[:found.end()]}: {after.strip(_AROUND)}"
    if before and re.search(r"[^\W\d_]", before):
        return f"{before}: {text[begin:].strip()}"
    return text


def _parse_line(text: str) -> DateLine | None:
    body = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", text).strip()
    struck = False
    whole = re.fullmatch(r"(?:~~(?P<a>.+)~~|<(?P<tag>del|s|strike)>(?P<b>.+)</(?P=tag)>)", body,
                         re.I)
    if whole and ":" in (whole.group("a") or whole.group("b")):
        body, struck = (whole.group("a") or whole.group("b")).strip(), True
    for match in itertools.islice(re.finditer(r":\s", body + " "), _COLONS):
        left, right = body[: match.start()].strip(), body[match.end():].strip()
        left_plain = left.strip("*_ ").strip()
        right_plain = right.strip("*_ ").strip()
        if not left_plain or not right_plain:
            continue
        moved = _parse_right(left_plain) if _STRUCK.match(left_plain) and "~~" not in \
            right_plain and "<" not in right_plain else None
        if moved is not None and moved[1] is not None:  # "~~May 1~~ May 8: Submission"
            return DateLine(right_plain, moved[0], moved[1], struck, moved[2], moved[3])
        if "~~" in left_plain or "<" in left_plain:
            continue
        found = _parse_right(right_plain)
        if found is not None:
            day, extended, end_time, note = found
            return DateLine(left_plain, day, extended, struck, end_time, note)
        simple = parse_free_date(left_plain)
        if simple is not None and "~~" not in right_plain and "<" not in right_plain:
            return DateLine(right_plain, simple, struck=struck)
    return None


def find_date(text: str) -> tuple[int, date] | None:
    """The first day written in ``text`` (``Dec 13, 2021``, ``Friday 26 July, 2024``) and
    where it is; lines longer than a date line are passed over, so it stays linear."""
    position = 0
    for line in text.split("\n"):
        if len(line) <= MAX_LINE:
            found = sorted(_days_written(line))
            if found:
                return position + found[0][0], found[0][1]
        position += len(line) + 1
    return None


def _days_written(line: str) -> list[tuple[int, date]]:
    """Each day written in prose in ``line``, with where it starts (days that do not exist,
    April 31, left out)."""
    days = []
    line = _without_of(line)
    for pattern in _FOUND:
        for match in pattern.finditer(line):
            groups = match.groupdict()
            try:
                days.append((match.start(), date(int(groups["y"]), _month(groups["m1"]),
                                                 int(groups["d1"]))))
            except ValueError:
                continue
    return days


def day_and_year(text: str) -> date | None:
    """The one day a line names with its year written apart from it ("will take place on
    April 29th during ICLR 2022"): one day of a month and one year in the line, or None."""
    if len(text) > MAX_LINE:
        return None
    text = re.sub(r"\b(?:https?://|www\.)\S+", " ", text)  # a year in an address is not its
    days = _DAY_OF_MONTH.findall(text)  # days of a month written without their year
    years = set(re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text))
    if len(days) != 1 or len(years) != 1:
        return None
    found = parse_free_date(days[0], int(years.pop()))
    return found.first if found is not None and found.first == found.last else None


def days_in(text: str) -> set[date]:
    """Every day written in prose in ``text`` ("held on December 16th 2023 in Room 2"), for
    a text that should name one; nothing for a text longer than a date line (linear)."""
    return {day for _at, day in _days_written(text)} if len(text) <= MAX_LINE else set()


# Words of a date not known to the day: "TBA", "Late October 2026", "within two weeks of
# acceptance", "December 11/12, 2026" (a month or a year).
_PENDING = re.compile(
    r"\b(?:tb[adc]|to be (?:announced|determined|decided|confirmed)|coming soon|soon|"
    r"early|mid|late|end of|beginning of|within|after|before|around|about|approx\w*|"
    rf"weeks?|months?|{_MONTH}|(?:19|20)\d\d)(?!\w)", re.I)
_PENDING_LABEL_WORDS = 12
_MONTH_WORD = re.compile(rf"(?<![\w-]){_MONTH}(?![\w-])", re.I)
_PENDING_WORDS = 12


def pending_line(text: str) -> tuple[str, str] | None:
    """The label and the words of a date line whose day is not known yet ("Notification:
    TBA", "Camera-ready: Late October 2026", "Workshop date: December 11/12, 2026"): a short
    label, a colon, and a few words that name a time; None for any other line."""
    label, colon, rest = text.partition(":")
    if not colon:  # "Workshop date December 11/12, 2026": the label, then the month's words
        month = _MONTH_WORD.search(text)
        if month is not None and month.start() > 0 and text[month.start()].isupper() and \
                re.search(r"\d", text[month.start():]):
            label, colon, rest = text[:month.start()], ":", text[month.start():]
    label, rest = label.strip(" *-\u2013\u2014"), rest.strip(" *.;")
    if not colon or not label or not rest or "\n" in text or len(label) > 100 \
            or len(rest) > 100 or len(label.split()) > _PENDING_LABEL_WORDS \
            or len(rest.split()) > _PENDING_WORDS or find_date(label) is not None:
        return None
    return (label, rest) if _PENDING.search(rest) else None

