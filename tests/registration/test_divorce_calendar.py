"""The holiday calendar is configuration held by the register, not a field of the divorce record."""

from __future__ import annotations

import datetime

import attrs
import pytest

from minzheng.codes import Sex
from minzheng.dates import FixedCalendar
from minzheng.errors import InvalidRecords
from minzheng.io import from_dict, from_json, to_dict, to_json
from minzheng.people import Person
from minzheng.registration import (
    DivorceAgreement,
    DivorceApplication,
    DivorceStatus,
    MarriageRegister,
)

D = datetime.date
HE = Person(person_id="HE", sex=Sex.MALE, birth_date=D(1990, 1, 1))
SHE = Person(person_id="SHE", sex=Sex.FEMALE, birth_date=D(1992, 1, 1))
# 2025-05-02 (the end of the collection window for 2025-03-03) falls in these rest days
AGREED = DivorceAgreement(
    signed_by={"HE", "SHE"}, children_arranged=True, property_arranged=True, debts_arranged=True
)
HOLIDAY = FixedCalendar(rest_days=[D(2025, 5, d) for d in range(1, 6)])
AGREED = DivorceAgreement(
    signed_by={"HE", "SHE"}, children_arranged=True, property_arranged=True, debts_arranged=True
)


def test_a_divorce_application_is_plain_data_and_round_trips() -> None:
    assert "calendar" not in {f.name for f in attrs.fields(DivorceApplication)}
    reg = MarriageRegister(calendar=HOLIDAY)
    reg.register_marriage("M1", HE, SHE, on=D(2024, 6, 1), registry="620521")
    app = reg.apply_for_divorce("L1", "M1", on=D(2025, 3, 3), registry="620521", agreement=AGREED)
    assert "calendar" not in to_dict(app)
    assert from_json(to_json(app), DivorceApplication) == app
    assert from_dict(to_dict(app), DivorceApplication) == app
    with pytest.raises(InvalidRecords) as err:
        from_dict({**to_dict(app), "calendar": {"rest_days": []}}, DivorceApplication)
    assert [code for _, code, _ in err.value.as_tuples()] == ["io.unknown_key"]


def test_the_register_counts_days_with_its_calendar() -> None:
    reg = MarriageRegister(calendar=HOLIDAY)
    reg.register_marriage("M1", HE, SHE, on=D(2024, 6, 1), registry="620521")
    app = reg.apply_for_divorce("L1", "M1", on=D(2025, 3, 3), registry="620521", agreement=AGREED)
    assert reg.calendar is HOLIDAY
    assert app.collection_deadline(reg.calendar) == D(2025, 5, 6)
    assert app.status_on(D(2025, 5, 6), reg.calendar) is DivorceStatus.AWAITING_COLLECTION
    assert app.status_on(D(2025, 5, 6)) is DivorceStatus.DEEMED_WITHDRAWN  # no calendar given
    # the register itself still lets the couple collect on 2025-05-06
    ended = reg.certify("L1", on=D(2025, 5, 6), registry="620521")
    assert ended.ended_by == "divorce"
