"""Payments: schedule, ledger invariants, 补发 and 追回 (DOMAIN.md §4 standards, issue: July rise effective January)."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.dates import Month
from minzheng.errors import InvalidValue, RuleViolation
from minzheng.money import Rate
from minzheng.payments import (
    Disbursement,
    DisbursementKind,
    Entitlement,
    Ledger,
    PaymentStatus,
    end_entitlement,
    reconcile,
    rerate,
    schedule,
)
from minzheng.programmes import Programme
from minzheng.testing import amounts, ledgers

YEAR = list(Month.range(Month(2025, 1), Month(2025, 12)))


JANUARY = Month(2025, 1)


def ent(beneficiary: str = "HH1", amount: str = "860", start: Month = JANUARY) -> Entitlement:
    return Entitlement(
        entitlement_id=f"E-{beneficiary}",
        beneficiary=beneficiary,
        programme=Programme.DIBAO,
        monthly=Rate.monthly(amount),
        valid_from=start,
        division="620521",
    )


def test_standard_raised_in_july_effective_january() -> None:
    # 低保 715 → 738 a month, decided in July, effective January: a four-person 差额 household gains 23 × 4.
    old = ent(amount="860")
    ledger = Ledger(schedule([old], YEAR[:6]))  # January–June paid at the old rate
    current = rerate(old, Rate.monthly("952"), effective=Month(2025, 1))
    back = reconcile(ledger, current, through=Month(2025, 6), paid_on=datetime.date(2025, 7, 20))
    assert [d.kind for d in back] == [DisbursementKind.BACK_PAY] * 6
    assert sum(d.amount for d in back) == Decimal("92") * 6
    ledger.extend(back)
    ledger.extend(schedule(current, YEAR[6:]))
    assert ledger.total() == Decimal("952") * 12
    assert reconcile(ledger, current, through=Month(2025, 12)) == []


def test_entitlement_ended_retroactively_is_recovered() -> None:
    e = ent()
    ledger = Ledger(schedule([e], YEAR[:5]))
    ended = end_entitlement(e, last_month=Month(2025, 3))
    recovery = reconcile(ledger, [ended], through=Month(2025, 5))
    assert [(d.month, d.amount, d.status) for d in recovery] == [
        (Month(2025, 4), Decimal("-860"), PaymentStatus.RECOVERED),
        (Month(2025, 5), Decimal("-860"), PaymentStatus.RECOVERED),
    ]
    ledger.extend(recovery)
    assert ledger.total() == Decimal("860") * 3
    with pytest.raises(RuleViolation):
        ledger.add(recovery[0])  # would take back more than was paid


def test_ledger_refuses_double_payment_but_allows_a_reissue_after_failure() -> None:
    ledger = Ledger()
    first = Disbursement(
        entitlement_id="E",
        beneficiary="P",
        programme=Programme.TEKUN,
        month=Month(2025, 1),
        amount=Decimal("605"),
        status=PaymentStatus.FAILED,
    )
    ledger.add(first)
    ledger.add(
        Disbursement(
            entitlement_id="E",
            beneficiary="P",
            programme=Programme.TEKUN,
            month=Month(2025, 1),
            amount=Decimal("605"),
        )
    )
    with pytest.raises(RuleViolation) as info:
        ledger.add(
            Disbursement(
                entitlement_id="E2",
                beneficiary="P",
                programme=Programme.TEKUN,
                month=Month(2025, 1),
                amount=Decimal("1"),
            )
        )
    assert info.value.code == "payments.duplicate"
    assert ledger.total() == Decimal("605")
    with pytest.raises(InvalidValue):
        Disbursement(
            entitlement_id="E",
            beneficiary="P",
            programme=Programme.TEKUN,
            month=Month(2025, 2),
            amount=Decimal("-1"),
        )


def test_totals_and_batches() -> None:
    ledger = Ledger(schedule([ent("A"), ent("B", "465", Month(2025, 7))], YEAR))
    assert ledger.by_programme() == {Programme.DIBAO: Decimal("860") * 12 + Decimal("465") * 6}
    batches = ledger.batches()
    assert (
        len(batches) == 12 and batches[6].beneficiaries == 2 and batches[6].total == Decimal("1325")
    )
    assert ledger.by_division() == {"620521": ledger.total()}


@given(ledgers())
def test_ledger_balances_and_never_pays_twice(data: tuple[list[Entitlement], Ledger]) -> None:
    entitlements, ledger = data
    assert ledger.total() == sum((d.amount for d in ledger), Decimal(0))
    assert sum(ledger.by_month().values(), Decimal(0)) == ledger.total()
    assert sum(ledger.by_programme().values(), Decimal(0)) == ledger.total()
    keys = [d.key for d in ledger if d.kind is DisbursementKind.REGULAR]
    assert len(keys) == len(set(keys))
    assert (
        reconcile(ledger, entitlements, through=Month(2025, 12)) == []
    )  # nothing changed: no back-pay


@given(ledgers(), amounts(min_value=Decimal(1), max_value=500, places=2), st.integers(1, 12))
def test_back_pay_is_the_rise_times_the_months_paid(
    data: tuple[list[Entitlement], Ledger], rise: Decimal, effective_month: int
) -> None:
    entitlements, ledger = data
    effective = Month(2025, effective_month)
    current = [
        x
        for e in entitlements
        for x in rerate(e, Rate.monthly(e.monthly.amount + rise), effective=effective)
    ]
    back = reconcile(ledger, current, through=Month(2025, 12))
    months_paid = sum(1 for e in entitlements for m in YEAR if e.covers(m) and m >= effective)
    assert sum((d.amount for d in back), Decimal(0)) == rise * months_paid
    ledger.extend(back)
    assert reconcile(ledger, current, through=Month(2025, 12)) == []
