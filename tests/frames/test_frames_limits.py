"""Arrow writes and reads raise minzheng errors, never pyarrow's or decimal's."""

from __future__ import annotations

from decimal import Decimal

import pyarrow as pa
import pytest

from minzheng.dates import Month
from minzheng.errors import InvalidAmount, InvalidValue
from minzheng.frames import from_arrow, to_arrow
from minzheng.payments import Disbursement
from minzheng.programmes import Programme


def _paid(amount: str) -> Disbursement:
    return Disbursement(
        entitlement_id="E",
        beneficiary="P",
        programme=Programme.TEKUN,
        month=Month(2025, 1),
        amount=Decimal(amount),
    )


@pytest.mark.parametrize("amount", ["0.0000001", "1E+40", "123456789012345678901234567890123"])
def test_amounts_arrow_cannot_hold_are_refused(amount: str) -> None:
    with pytest.raises(InvalidAmount) as err:
        to_arrow([_paid(amount)])
    assert err.value.code == "frames.money_range"


@pytest.mark.parametrize("amount", ["1E+2", "0.000001", "12345678901234567890123456789012", "1.50"])
def test_amounts_arrow_holds_round_trip(amount: str) -> None:
    assert from_arrow(to_arrow([_paid(amount)]), Disbursement) == [_paid(amount)]


def test_a_table_with_cells_of_the_wrong_type_is_a_minzheng_error() -> None:
    table = to_arrow([_paid("1")]).set_column(3, "month", pa.array([20250101], type=pa.int64()))
    with pytest.raises(InvalidValue):
        from_arrow(table, Disbursement)


def test_non_finite_amounts_cannot_reach_arrow() -> None:
    with pytest.raises(InvalidAmount):
        _paid("NaN")
    with pytest.raises(InvalidAmount):
        _paid("-Infinity")
