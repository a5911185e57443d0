"""Hostile JSON and dicts: every failure is ``InvalidRecords`` with flat entries, memory stays bounded."""

from __future__ import annotations

import contextlib
import json
import tracemalloc
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng.assistance import example_household
from minzheng.care import Bed
from minzheng.errors import InvalidAmount, InvalidRecords, InvalidValue
from minzheng.io import from_dict, from_json, to_dict, to_json
from minzheng.io.converter import LIMITS, Limits, converter, structure_with
from minzheng.money import Rate
from minzheng.people import Household

_BED = {"bed_id": "B1", "institution_id": "I1", "kind": "nursing", "building": "", "room": ""}


def _codes(err: pytest.ExceptionInfo[InvalidRecords]) -> list[str]:
    for path, code, message in err.value.as_tuples("en"):
        assert isinstance(path, str) and isinstance(code, str) and isinstance(message, str)
    return [code for _, code, _ in err.value.as_tuples("en")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("[" * 1000 + "]" * 1000, "io.too_deep"),
        ('{"a": ' * 1000 + "1" + "}" * 1000, "io.too_deep"),
        ("[" * 100_000, "io.too_deep"),
        ('{"bed_id": ' + "9" * 5000 + "}", "io.too_large"),
        ('{"bed_id": -' + "9" * 19 + "}", "io.too_large"),
        (b"\xff\xfe{", "io.utf8"),
        (b'{"bed_id": "\xe5"}', "io.utf8"),
        (None, "io.wrong_type"),
        (12, "io.wrong_type"),
        ('{"bed_id": NaN}', "amount.not_finite"),
        ('{"bed_id": "\\ud800"}', None),
    ],
)
def test_hostile_json_is_an_invalid_records(text: Any, code: str | None) -> None:
    with pytest.raises(InvalidRecords) as err:
        from_json(text, Bed)
    if code is not None:
        assert code in _codes(err)


def test_huge_amount_text_and_hook_failures_stay_minzheng_errors() -> None:
    with pytest.raises(InvalidRecords) as err:
        from_dict({"amount": "1234567890123456789012345万", "period": "month"}, Rate)
    assert _codes(err)[0].startswith("amount.")
    with pytest.raises(InvalidRecords) as err:
        from_dict({"amount": "1" * 65, "period": "month"}, Rate)
    assert _codes(err) == ["amount.too_long"]
    with pytest.raises(InvalidRecords) as err:
        from_dict({"amount": "NaN", "period": "month"}, Rate)
    with pytest.raises(InvalidRecords):
        from_dict({"amount": Decimal("Infinity"), "period": "month"}, Rate)


def test_a_hook_raising_anything_comes_back_as_invalid_records() -> None:
    conv = converter().copy()

    def boom(value: Any, _: Any) -> Any:
        raise ArithmeticError("from a hook")

    conv.register_structure_hook(Rate, boom)
    with pytest.raises(InvalidRecords) as err:
        structure_with(conv, {"amount": "1", "period": "month"}, Rate)
    assert _codes(err) == ["io.wrong_type"]


def test_a_large_body_is_refused_before_parsing_with_bounded_memory() -> None:
    body = '{"' + "k" * (50 * 1024 * 1024) + '": 1}'
    tracemalloc.start()
    try:
        with pytest.raises(InvalidRecords) as err:
            from_json(body, Bed)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert _codes(err) == ["io.too_large"]
    assert peak < len(body) // 10
    assert len(str(err.value)) < 300


def test_unknown_keys_and_long_strings_are_reported_truncated() -> None:
    key = "k" * 100_000
    with pytest.raises(InvalidRecords) as err:
        from_dict({**_BED, key: 1}, Bed)
    assert _codes(err) == ["io.too_long"]
    assert all(len(p) < 100 and len(m) < 300 for p, _, m in err.value.as_tuples("en"))
    with pytest.raises(InvalidRecords) as err:
        from_dict({**_BED, "k" * 4000: 1}, Bed)
    assert _codes(err) == ["io.unknown_key"]
    assert all(len(p) < 100 and len(m) < 300 for p, _, m in err.value.as_tuples("en"))
    with pytest.raises(InvalidRecords) as err:
        from_dict({**_BED, "building": "x" * (LIMITS.max_string + 1)}, Bed)
    assert err.value.as_tuples("en")[0][:2] == ("$.building", "io.too_long")


def test_the_number_of_errors_reported_is_bounded() -> None:
    data = {**_BED, **{f"extra{i}": i for i in range(1000)}}
    with pytest.raises(InvalidRecords) as err:
        from_dict(data, Bed)
    codes = _codes(err)
    assert len(codes) == LIMITS.max_errors + 1
    assert codes[-1] == "io.too_many_errors"
    with pytest.raises(InvalidRecords) as err:
        from_dict(data, Bed, limits=Limits(max_errors=3))
    assert len(_codes(err)) == 4


def test_integers_are_integers_within_bounds() -> None:
    data = to_dict(example_household())
    data["members"][0]["person"]["serious_illness"] = "false"
    with pytest.raises(InvalidRecords) as err:
        from_dict(data, Household)
    assert _codes(err) == ["io.bool"]
    data = to_dict(example_household())
    data["assets"] = [{"kind": "vehicle", "value": "1", "count": 10**30}]
    with pytest.raises(InvalidRecords) as err:
        from_dict(data, Household)
    assert "io.too_large" in _codes(err)


def test_decimals_are_written_as_plain_text_and_read_back() -> None:
    rate = Rate(amount=Decimal("1E+2"), period="month")
    assert json.loads(to_json(rate))["amount"] == "100"
    assert from_json(to_json(rate), Rate) == rate
    small = Rate(amount=Decimal("1E-6"), period="month")
    assert json.loads(to_json(small))["amount"] == "0.000001"
    assert from_json(to_json(small), Rate) == small


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=64) | st.text(max_size=64))
def test_any_body_is_a_value_or_invalid_records(body: bytes | str) -> None:
    with contextlib.suppress(InvalidRecords):
        from_json(body, Bed)


def test_non_finite_amount_in_a_record_cannot_be_written() -> None:
    with pytest.raises(InvalidAmount):
        Rate(amount=Decimal("NaN"), period="month")


def test_household_size_is_bounded_by_the_domain() -> None:
    from minzheng.io import RosterRow
    from minzheng.io.load import text_converter
    from minzheng.io.roster import MAX_HOUSEHOLD_SIZE

    assert from_dict({"household_size": MAX_HOUSEHOLD_SIZE}, RosterRow).household_size == 99
    for bad in (0, -1, MAX_HOUSEHOLD_SIZE + 1, 10**17):
        with pytest.raises(InvalidRecords) as err:
            from_dict({"household_size": bad}, RosterRow)
        assert _codes(err) == ["value.range"]
    with pytest.raises(InvalidRecords) as err:
        from_json('{"household_size": ' + "9" * 100_000 + "}", RosterRow)
    assert _codes(err) == ["io.too_large"]
    with pytest.raises(InvalidRecords) as err:
        structure_with(text_converter(), {"household_size": "9" * 100_000}, RosterRow)
    assert _codes(err) == ["io.too_large"]
    assert all(len(m) < 300 for _, _, m in err.value.as_tuples("en"))


def test_the_schema_refuses_what_from_dict_refuses_at_the_limits() -> None:
    import jsonschema

    from minzheng.io import json_schema
    from minzheng.stats import Fact

    validator = jsonschema.Draft202012Validator(json_schema(Fact))
    good = to_dict(Fact(division="620521", person="P", amount=Decimal("1E+2"), count=3))
    assert good["amount"] == "100"
    validator.validate(good)
    assert from_dict(good, Fact).amount == 100
    for field, bad in [
        ("amount", "1E+2"),
        ("amount", "1" * 65),
        ("count", 10**18),
        ("person", "x" * (LIMITS.max_string + 1)),
    ]:
        data = {**good, field: bad}
        assert not validator.is_valid(data), (field, bad)
        with pytest.raises(InvalidRecords):
            from_dict(data, Fact)


def test_configuration_and_foreign_objects_are_refused_as_minzheng_errors() -> None:
    from minzheng.assistance import CasePolicy

    with pytest.raises(InvalidValue) as err:
        to_json(CasePolicy())  # holds a holiday calendar: configuration, not record data
    assert err.value.code == "io.not_serialisable"
    with pytest.raises(InvalidRecords):
        from_dict(
            {
                "publicity_days": 7,
                "processing_working_days": 30,
                "payment_offset_months": 1,
                "calendar": {},
            },
            CasePolicy,
        )
