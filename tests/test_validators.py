"""The shared type checks: typed_fields, its converters, and fields that keep their own check."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng._validators import (
    instance_of,
    is_amount,
    is_date,
    to_frozenset,
    typed_fields,
)
from minzheng.errors import InvalidAmount, InvalidDate, InvalidValue


def _positive(instance: object, attribute: attrs.Attribute[Any], value: Decimal) -> None:
    if value <= 0:
        raise InvalidAmount("amount.invalid", field=attribute.name, value=value)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Payment:
    paid_on: datetime.date = attrs.field(validator=is_date())
    amount: Decimal = attrs.field(validator=attrs.validators.and_(is_amount(), _positive))
    due: datetime.date | None = attrs.field(default=None, validator=is_date(optional=True))
    month: int = attrs.field(default=1, validator=instance_of(int))
    note: str = ""
    names: frozenset[str] = attrs.field(factory=frozenset, converter=to_frozenset)


GOOD: dict[str, Any] = {"paid_on": datetime.date(2025, 1, 1), "amount": Decimal("1")}


@pytest.mark.parametrize(
    ("field", "value", "error", "code"),
    [
        ("paid_on", "2025-01-01", InvalidDate, "date.type"),
        ("paid_on", datetime.datetime(2025, 1, 1, 9), InvalidDate, "date.type"),
        ("due", "2025-01-01", InvalidDate, "date.type"),
        ("amount", 0.5, InvalidAmount, "amount.decimal"),
        ("amount", "1", InvalidAmount, "amount.decimal"),
        ("amount", Decimal("NaN"), InvalidAmount, "amount.not_finite"),
        ("amount", Decimal("-1"), InvalidAmount, "amount.invalid"),
        ("month", True, InvalidValue, "value.type"),
        ("note", 3, InvalidValue, "value.type"),
        ("names", "ab", InvalidValue, "value.type"),
        ("names", [1], InvalidValue, "value.type"),
    ],
)
def test_a_field_keeps_its_own_type_check_and_its_code(
    field: str, value: object, error: type[Exception], code: str
) -> None:
    with pytest.raises(error) as caught:
        Payment(**{**GOOD, field: value})
    assert isinstance(caught.value, InvalidValue)
    assert caught.value.code == code and caught.value.field == field


def test_the_value_is_named_by_its_type_never_echoed() -> None:
    with pytest.raises(InvalidDate) as caught:
        Payment(**{**GOOD, "paid_on": "110105194912310021"})
    assert "110105194912310021" not in str(caught.value)


@given(st.one_of(st.lists(st.text(max_size=3)), st.sets(st.text(max_size=3))))
def test_to_frozenset_makes_a_frozenset_of_an_iterable(items: list[str] | set[str]) -> None:
    made = Payment(**GOOD, names=items)
    assert made.names == frozenset(items)


@pytest.mark.parametrize("value", [None, 1.5, object(), {"a": "b"}])
def test_to_frozenset_leaves_other_values_to_the_type_check(value: object) -> None:
    assert to_frozenset(value) is value
    with pytest.raises(InvalidValue):
        Payment(**GOOD, names=value)
