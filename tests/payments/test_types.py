"""Wrong-typed fields of payment records raise minzheng errors, never bare built-ins (issue 13)."""

import datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng.dates import Month
from minzheng.errors import InvalidAmount, InvalidValue, MinzhengError
from minzheng.money import Rate
from minzheng.payments import (
    Batch,
    Disbursement,
    DisbursementKind,
    Entitlement,
    FundingSource,
    Ledger,
    PaymentStatus,
    reconcile,
    schedule,
)
from minzheng.programmes import Programme

GOOD_DISBURSEMENT: dict[str, Any] = {
    "entitlement_id": "E",
    "beneficiary": "P",
    "programme": Programme.TEKUN,
    "month": Month(2025, 1),
    "amount": Decimal("605"),
    "kind": DisbursementKind.REGULAR,
    "status": PaymentStatus.ISSUED,
    "funding": FundingSource.COUNTY,
    "division": "620521",
    "paid_on": datetime.date(2025, 1, 20),
}
GOOD_ENTITLEMENT: dict[str, Any] = {
    "entitlement_id": "E",
    "beneficiary": "P",
    "programme": Programme.TEKUN,
    "monthly": Rate.monthly("605"),
    "valid_from": Month(2025, 1),
    "valid_to": Month(2025, 12),
    "division": "620521",
    "funding": FundingSource.COUNTY,
    "revoked": False,
}
GOOD_BATCH: dict[str, Any] = {
    "programme": Programme.TEKUN,
    "month": Month(2025, 1),
    "disbursements": (Disbursement(**GOOD_DISBURSEMENT),),
}

# Values of the wrong type for any field: what a hand-written caller or a careless loader passes.
WRONG = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=10),
    st.integers(),
    st.booleans(),
    st.none(),
    st.just(datetime.datetime(2025, 1, 1, 12, 0)),
    st.just("2025-01"),
    st.just(["P", "Q"]),
    st.just({"a": 1}),
    st.just(object()),
    st.just(Month(2025, 1)),
    st.just(Decimal("1")),
    st.just(Programme.DIBAO),
)


def documented(good: dict[str, Any]) -> dict[str, tuple[type, ...]]:
    """Each field's documented type, read off a valid example (None allowed where optional)."""
    optional = {"paid_on", "valid_to", "decision"}
    return {
        name: (type(value), type(None)) if name in optional else (type(value),)
        for name, value in good.items()
    }


def wrong_for(good: dict[str, Any]) -> st.SearchStrategy[tuple[str, Any]]:
    """(field, value) where value is not of the field's documented type."""
    types = documented(good)
    return (
        st.sampled_from(sorted(types))
        .flatmap(lambda name: st.tuples(st.just(name), WRONG))
        .filter(lambda pair: not isinstance(pair[1], types[pair[0]]))
    )


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("amount", 605.0, "amount.decimal"),
        ("amount", "605", "amount.decimal"),
        ("amount", Decimal("Infinity"), "amount.not_finite"),
        ("month", "2025-01", "value.type"),
        ("paid_on", "2025-01-20", "date.type"),
        ("paid_on", datetime.datetime(2025, 1, 20, 9), "date.type"),
        ("programme", "tekun", "value.type"),
        ("kind", "regular", "value.type"),
        ("beneficiary", 110105194912310021, "value.type"),
    ],
)
def test_disbursement_fields_of_the_wrong_type(field: str, value: object, code: str) -> None:
    with pytest.raises(InvalidValue) as info:
        Disbursement(**{**GOOD_DISBURSEMENT, field: value})
    assert info.value.code == code and info.value.field == field
    assert "110105194912310021" not in str(info.value)


def test_entitlement_refuses_a_float_rate_a_string_month_and_a_negative_rate() -> None:
    with pytest.raises(InvalidValue):
        Entitlement(**{**GOOD_ENTITLEMENT, "monthly": 605.0})
    with pytest.raises(InvalidValue):
        Entitlement(**{**GOOD_ENTITLEMENT, "valid_from": "2025-01"})
    with pytest.raises(InvalidValue):
        Entitlement(**{**GOOD_ENTITLEMENT, "valid_to": "2025-12"})
    with pytest.raises(InvalidAmount):
        Entitlement(**{**GOOD_ENTITLEMENT, "monthly": Rate.monthly("-1")})


def test_ledger_and_batch_refuse_what_is_not_a_disbursement() -> None:
    with pytest.raises(InvalidValue):
        Ledger([{"amount": "605"}])  # type: ignore[list-item]
    with pytest.raises(InvalidValue):
        Ledger().add("605")  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        Batch(programme=Programme.TEKUN, month=Month(2025, 1), disbursements=5)  # type: ignore[arg-type]


@settings(max_examples=80)
@given(wrong_for(GOOD_DISBURSEMENT))
def test_disbursement_wrong_types_raise_only_minzheng_errors(pair: tuple[str, Any]) -> None:
    field, value = pair
    with pytest.raises(MinzhengError):
        Disbursement(**{**GOOD_DISBURSEMENT, field: value})


@settings(max_examples=80)
@given(wrong_for(GOOD_ENTITLEMENT))
def test_entitlement_wrong_types_raise_only_minzheng_errors(pair: tuple[str, Any]) -> None:
    field, value = pair
    with pytest.raises(MinzhengError):
        Entitlement(**{**GOOD_ENTITLEMENT, field: value})


@settings(max_examples=40)
@given(wrong_for(GOOD_BATCH))
def test_batch_wrong_types_raise_only_minzheng_errors(pair: tuple[str, Any]) -> None:
    field, value = pair
    with pytest.raises(MinzhengError):
        Batch(**{**GOOD_BATCH, field: value})


HOSTILE: list[Any] = ["2025-12", [], None, GOOD_ENTITLEMENT, Entitlement(**GOOD_ENTITLEMENT)]


@pytest.mark.parametrize(
    "call",
    [
        lambda: schedule([HOSTILE[3]], [Month(2025, 1)]),
        lambda: schedule([Entitlement(**GOOD_ENTITLEMENT)], [HOSTILE[0]]),
        lambda: schedule(HOSTILE[4], [Month(2025, 1)]),
        lambda: reconcile(Ledger(), [Entitlement(**GOOD_ENTITLEMENT)], through=HOSTILE[0]),
        lambda: reconcile(HOSTILE[1], [], through=Month(2025, 12)),
        lambda: reconcile(Ledger(), [HOSTILE[2]], through=Month(2025, 12)),
    ],
)
def test_schedule_and_reconcile_refuse_wrong_types(call: Any) -> None:
    with pytest.raises(MinzhengError):
        call()
