"""Round trips through dict and JSON, schemas that accept what ``to_json`` writes, flat errors."""

from __future__ import annotations

import contextlib
import datetime
import json
from decimal import Decimal
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minzheng import testing as mt
from minzheng.assistance import decide_dibao, example_household
from minzheng.care import Bed, Institution, Stay
from minzheng.errors import InvalidRecords
from minzheng.io import from_dict, from_json, json_schema, to_dict, to_json
from minzheng.money import Rate
from minzheng.payments import Disbursement, Entitlement
from minzheng.people import Household, Person
from minzheng.registration import SocialOrganisation
from minzheng.standards import Standard
from minzheng.stats import Fact

_RECORDS: list[tuple[type, st.SearchStrategy[Any]]] = [
    (Person, mt.persons()),
    (Household, mt.households()),
    (Entitlement, mt.entitlements()),
    (Disbursement, mt.ledgers().filter(lambda p: len(p[1]) > 0).map(lambda p: next(iter(p[1])))),
    (Institution, mt.institutions()),
    (Bed, mt.bed_registers().filter(lambda r: len(r.beds) > 0).map(lambda r: r.beds[0])),
    (Stay, mt.stays()),
    (SocialOrganisation, mt.organisations()),
    (Fact, mt.facts()),
]


def _check(cls: type, value: Any) -> None:
    from minzheng.frames import from_arrow, to_arrow

    assert from_arrow(to_arrow([value], cls), cls) == [value]
    text = to_json(value)
    assert from_json(text, cls) == value
    assert from_dict(to_dict(value), cls) == value
    jsonschema.Draft202012Validator(
        json_schema(cls), format_checker=jsonschema.FormatChecker()
    ).validate(json.loads(text))


@pytest.mark.parametrize(("cls", "strategy"), _RECORDS, ids=[c.__name__ for c, _ in _RECORDS])
def test_record_round_trips_and_matches_its_schema(
    cls: type, strategy: st.SearchStrategy[Any]
) -> None:
    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(strategy)
    def run(value: Any) -> None:
        _check(cls, value)

    run()


def test_standard_and_decision_round_trip() -> None:
    from minzheng.codes import Area
    from minzheng.money import Rate
    from minzheng.rules import Decision
    from minzheng.standards import StandardsBook

    standard = Standard(
        programme="dibao",
        division="620000",
        area=Area.URBAN,
        rate=Rate.yearly("8580"),
        effective=datetime.date(2025, 1, 1),
    )
    _check(Standard, standard)
    decision = decide_dibao(
        example_household(), on=datetime.date(2025, 3, 1), book=StandardsBook([standard])
    )
    restored = from_json(to_json(decision), Decision)
    assert restored == decision
    assert restored.explain("en") == decision.explain("en")
    jsonschema.Draft202012Validator(json_schema(Decision)).validate(json.loads(to_json(decision)))


def test_decimal_is_a_string_and_floats_are_refused() -> None:
    data = to_dict(example_household())
    assert data["incomes"][0]["amount"] == {"amount": "1600", "period": "month"}
    data["incomes"][0]["amount"]["amount"] = 1600.5
    with pytest.raises(InvalidRecords) as err:
        from_dict(data, Household)
    assert err.value.as_tuples("en")[0][:2] == ("$.incomes[0].amount", "amount.float")


def test_errors_are_one_flat_list_with_paths() -> None:
    data = to_dict(example_household())
    data["members"][0]["person"]["birth_date"] = "1985-02-30"
    data["members"][1]["person"]["resident_id"] = "620521198502301234"
    data["members"][1]["colour"] = "blue"
    with pytest.raises(InvalidRecords) as err:
        from_dict(data, Household)
    paths = {path for path, _, _ in err.value.as_tuples("en")}
    assert paths == {
        "$.members[0].person.birth_date",
        "$.members[1].person.resident_id",
        "$.members[1].colour",
    }


def test_missing_key_wrong_type_and_bad_json_are_minzheng_errors() -> None:
    with pytest.raises(InvalidRecords) as err:
        from_dict({"bed_id": "B1"}, Bed)
    assert {code for _, code, _ in err.value.as_tuples()} == {"io.missing_key"}
    with pytest.raises(InvalidRecords):
        from_dict([1, 2], Bed)
    with pytest.raises(InvalidRecords) as err:
        from_json("{not json", Bed)
    assert err.value.as_tuples()[0][1] == "io.json"


def test_personal_data_is_masked_in_errors() -> None:
    data = to_dict(example_household())
    data["members"][0]["person"]["resident_id"] = "620521198502301234"
    with pytest.raises(InvalidRecords) as err:
        from_dict(data, Household)
    assert "620521198502301234" not in str(err.value)
    assert "620521198502301234" not in repr(err.value)


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=5), c, max_size=3),
    )
)
def test_arbitrary_json_never_escapes_as_a_foreign_exception(data: Any) -> None:
    for cls in (Household, Entitlement, Bed):
        with contextlib.suppress(InvalidRecords):
            from_dict(data, cls)


def test_schema_is_a_valid_2020_12_schema() -> None:
    for cls, _ in _RECORDS:
        jsonschema.Draft202012Validator.check_schema(json_schema(cls))
    assert json_schema(Household)["additionalProperties"] is False
    assert json_schema(Household)["$defs"]["Person"]["additionalProperties"] is False
    amount = json_schema(Entitlement)["$defs"]["Rate"]["properties"]["amount"]
    assert amount["type"] == "string"
    assert Decimal(to_dict(Rate.monthly("715.50"))["amount"]) == Decimal("715.50")
