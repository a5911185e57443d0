"""The ledger under threads: one regular payment per person, programme and month, whoever races."""

import copy
import pickle
from decimal import Decimal
from typing import Any

import attrs

from minzheng.dates import Month
from minzheng.errors import RuleViolation
from minzheng.payments import Disbursement, Ledger
from minzheng.programmes import Programme


def _payment(n: int, month: int = 0) -> Disbursement:
    return Disbursement(
        entitlement_id=f"E{n}",
        beneficiary="P",
        programme=Programme.TEKUN,
        month=Month(2025, 1) + month,
        amount=Decimal("605"),
    )


def _add(ledger: Ledger, payment: Disbursement) -> str:
    try:
        ledger.add(payment)
    except RuleViolation as refusal:
        return refusal.code
    return "added"


def test_eight_threads_pay_one_person_once(race: Any) -> None:
    def check(ledger: Ledger, outcomes: list[object]) -> None:
        assert len(ledger) == 1 and ledger.total() == Decimal("605")
        assert sorted(map(str, outcomes)) == ["added"] + ["payments.duplicate"] * 7

    assert race(Ledger, lambda ledger, i: _add(ledger, _payment(i)), check) > 20


def test_readers_iterate_while_writers_add(race: Any) -> None:
    def action(ledger: Ledger, i: int) -> None:
        for month in range(100):
            if i % 2:
                assert _add(ledger, _payment(i, month)) in ("added", "payments.duplicate")
            else:
                assert len(ledger.regular_months()) <= len(ledger)

    def check(ledger: Ledger, outcomes: list[object]) -> None:
        assert len(ledger) == 100 and ledger.total() == Decimal(605 * 100)

    assert race(Ledger, action, check, rounds=40) > 0


def test_a_ledger_pickles_and_copies_into_an_independent_ledger() -> None:
    ledger = Ledger([_payment(0)])
    for clone in (pickle.loads(pickle.dumps(ledger)), copy.copy(ledger), copy.deepcopy(ledger)):
        assert list(clone) == list(ledger)
        assert _add(clone, _payment(1)) == "payments.duplicate"
        clone.add(attrs.evolve(_payment(1), month=Month(2025, 2)))
        assert len(clone) == 2 and len(ledger) == 1
