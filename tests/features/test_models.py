from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from mkdocs_workshop.core.fields import FieldIssue, to_image, to_link, to_text, to_when
from mkdocs_workshop.core.timezones import AOE, UTC, UnknownTimezone, resolve_zone
from mkdocs_workshop.features.dates import DateEntry
from mkdocs_workshop.features.team import Person
from mkdocs_workshop.features.workshop import WorkshopInfo


def issue_of(exc: ValidationError) -> FieldIssue:
    cause = exc.errors()[0]["ctx"]["error"]
    assert isinstance(cause, FieldIssue)
    return cause


class TestText:
    def test_strips_and_empties(self) -> None:
        assert to_text("  Bing W. Brunton  ") == "Bing W. Brunton"
        assert to_text("   ") is None
        assert to_text(None) is None

    def test_numbers_and_dates_kept_as_written(self) -> None:
        assert to_text(3) == "3"
        assert to_text(2.5) == "2.5"
        assert to_text(date(2024, 4, 8)) == "2024-04-08"

    @pytest.mark.parametrize("value", [True, False])
    def test_booleans_are_refused_with_quoting_advice(self, value: bool) -> None:
        with pytest.raises(FieldIssue) as info:
            to_text(value)
        assert "quotes" in (info.value.fix or "")

    def test_lists_are_refused(self) -> None:
        with pytest.raises(FieldIssue, match="not a list"):
            to_text(["a", "b"])


class TestLinks:
    @pytest.mark.parametrize("url", [
        "https://yangkky.github.io/",
        "http://www.eng.cam.ac.uk/profiles/gc121",
        "https://scholar.google.com/citations?user=slkzvvQAAAAJ&hl=en",
        "mailto:ai4sciencecommunity@gmail.com",
    ])
    def test_web_and_mail_addresses_pass(self, url: str) -> None:
        assert to_link(url) == url

    @pytest.mark.parametrize(("url", "words"), [
        ("javascript:alert(1)", "'javascript:' scheme"),
        ("JaVaScRiPt:alert(1)", "'javascript:' scheme"),
        ("java\tscript:alert(1)", "'javascript:' scheme"),
        ("data:text/html,<script>alert(1)</script>", "'data:' scheme"),
        ("//evil.example/x", "protocol-relative"),
        ("www.example.org", "not a full web address"),
        ("https://", "no host"),
    ])
    def test_dangerous_or_incomplete_links_are_refused(self, url: str, words: str) -> None:
        with pytest.raises(FieldIssue) as info:
            to_link(url)
        assert words in info.value.message

    def test_a_bare_email_gets_a_mailto_fix(self) -> None:
        with pytest.raises(FieldIssue) as info:
            to_link("someone@example.org")
        assert info.value.fix == "write it as 'mailto:someone@example.org'."

    def test_images_may_be_paths_or_web_addresses(self) -> None:
        assert to_image("./assets/images/marinka.png") == "./assets/images/marinka.png"
        assert to_image("https://example.org/a.png") == "https://example.org/a.png"
        with pytest.raises(FieldIssue, match="'javascript:' scheme"):
            to_image("javascript:alert(1)")
        with pytest.raises(FieldIssue, match="'data:' scheme"):
            to_image("data:image/png;base64,AAAA")


class TestPerson:
    def test_seed_entry(self) -> None:
        person = Person.model_validate({
            "name": "Juan Felipe Carrasquilla Álvarez  ",
            "url": "https://scholar.google.com/citations?user=slkzvvQAAAAJ&hl=en",
            "topic": None,
            "aff": "ETH Zürich",
            "interest": "AI, Quantum Physics",
        })
        assert person.name == "Juan Felipe Carrasquilla Álvarez"
        assert person.aff == "ETH Zürich"
        assert person.topic is None

    def test_affiliation_is_an_alias_of_aff(self) -> None:
        assert Person.model_validate({"name": "A", "affiliation": "MIT"}).aff == "MIT"

    def test_name_is_required_and_not_empty(self) -> None:
        with pytest.raises(ValidationError) as info:
            Person.model_validate({"aff": "MIT"})
        assert info.value.errors()[0]["type"] == "missing"
        with pytest.raises(ValidationError) as info:
            Person.model_validate({"name": "  "})
        assert issue_of(info.value).message == "is empty."


class TestWhen:
    def test_yaml_dates_and_iso_strings(self) -> None:
        assert to_when(date(2024, 4, 8)) == date(2024, 4, 8)
        assert to_when("2024-04-08") == date(2024, 4, 8)
        assert to_when("2024-04-08 17:00") == datetime(2024, 4, 8, 17, 0)
        assert to_when("2024-04-08T17:00Z") == datetime(2024, 4, 8, 17, tzinfo=timezone.utc)
        assert to_when("2024-04-08T17:00-07:00") == datetime(
            2024, 4, 8, 17, tzinfo=timezone(timedelta(hours=-7)))

    def test_free_text_gets_the_iso_form_as_fix(self) -> None:
        with pytest.raises(FieldIssue) as info:
            to_when("April 8, 2024")
        assert info.value.fix == "write it as 2024-04-08."

    def test_impossible_and_unparseable_dates(self) -> None:
        with pytest.raises(FieldIssue, match="not a date that exists"):
            to_when("2024-02-30")
        with pytest.raises(FieldIssue, match="is not a date"):
            to_when("next Tuesday")
        with pytest.raises(FieldIssue, match="should be a date"):
            to_when(20240408)


class TestDateEntry:
    def test_forms(self) -> None:
        single = DateEntry.model_validate({"what": "Deadline", "when": "2024-04-08"})
        assert single.when == date(2024, 4, 8)
        period = DateEntry.model_validate({"what": "Bidding", "start": "2024-05-16",
                                           "end": "2024-05-18", "timezone": "UTC"})
        assert period.timezone is UTC

    @pytest.mark.parametrize(("entry", "words"), [
        ({"what": "X"}, "has no date"),
        ({"what": "X", "start": "2024-05-16"}, "has 'start' but no 'end'"),
        ({"what": "X", "when": "2024-05-16", "end": "2024-05-17"}, "both 'when' and"),
        ({"what": "X", "start": "2024-10-18", "end": "2024-10-16"}, "ends (2024-10-16) before"),
    ])
    def test_wrong_forms(self, entry: dict[str, str], words: str) -> None:
        with pytest.raises(ValidationError) as info:
            DateEntry.model_validate(entry)
        assert words in issue_of(info.value).message

    def test_unknown_zone_suggests_the_iana_name(self) -> None:
        with pytest.raises(ValidationError) as info:
            DateEntry.model_validate({"what": "X", "when": "2024-05-16", "timezone": "Vienna"})
        assert "Europe/Vienna" in (issue_of(info.value).fix or "")


class TestWorkshopInfo:
    def test_days(self) -> None:
        one = WorkshopInfo.model_validate({"venue": "ICLR 2024", "date": "2024-05-11",
                                           "timezone": "Europe/Vienna"})
        assert one.first_day == one.last_day == date(2024, 5, 11)
        two = WorkshopInfo.model_validate({"start": "2024-07-26", "end": "2024-07-27"})
        assert (two.first_day, two.last_day) == (date(2024, 7, 26), date(2024, 7, 27))

    def test_a_time_is_not_a_day(self) -> None:
        with pytest.raises(ValidationError) as info:
            WorkshopInfo.model_validate({"date": "2024-05-11 09:00"})
        assert issue_of(info.value).fix == "write 2024-05-11."


class TestZones:
    def test_names(self) -> None:
        assert resolve_zone("AoE") is AOE
        assert resolve_zone("anywhere on earth") is AOE
        assert resolve_zone("utc") is UTC
        assert resolve_zone("Europe/Vienna").key == "Europe/Vienna"

    def test_aoe_is_utc_minus_12(self) -> None:
        assert AOE.tz.utcoffset(None) == timedelta(hours=-12)

    def test_unknown(self) -> None:
        with pytest.raises(UnknownTimezone) as info:
            resolve_zone("Europe/Viena")
        assert info.value.hint == "Europe/Vienna"
