"""reconcile touches only what it is given; a revocation from the start is recovered in full (issue 13)."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng.dates import Month
from minzheng.money import Rate
from minzheng.payments import (
    DisbursementKind,
    Entitlement,
    Ledger,
    end_entitlement,
    reconcile,
    rerate,
    schedule,
)
from minzheng.programmes import Programme
from minzheng.testing import amounts, ledgers

YEAR = list(Month.range(Month(2025, 1), Month(2025, 12)))
DECEMBER = Month(2025, 12)


def ent(
    beneficiary: str, amount: str = "860", programme: Programme = Programme.DIBAO
) -> Entitlement:
    return Entitlement(
        entitlement_id=f"E-{beneficiary}-{programme.value}",
        beneficiary=beneficiary,
        programme=programme,
        monthly=Rate.monthly(amount),
        valid_from=Month(2025, 1),
    )


def test_rerating_one_household_leaves_the_others_alone() -> None:
    a, b = ent("HH-A"), ent("HH-B", "465")
    ledger = Ledger(schedule([a, b], YEAR[:6]))
    adjustments = reconcile(
        ledger, rerate(a, Rate.monthly("952"), effective=YEAR[0]), through=YEAR[5]
    )
    assert {d.beneficiary for d in adjustments} == {"HH-A"}
    assert [d.kind for d in adjustments] == [DisbursementKind.BACK_PAY] * 6
    assert sum(d.amount for d in adjustments) == Decimal("92") * 6


def test_same_beneficiary_other_programme_is_left_alone() -> None:
    dibao, nursing = ent("P1"), ent("P1", "100", Programme.DISABILITY_NURSING_SUBSIDY)
    ledger = Ledger(schedule([dibao, nursing], YEAR[:3]))
    adjustments = reconcile(ledger, [end_entitlement(dibao, last_month=YEAR[0])], through=YEAR[2])
    assert {(d.beneficiary, d.programme) for d in adjustments} == {("P1", Programme.DIBAO)}
    assert sum(d.amount for d in adjustments) == Decimal("-1720")


def test_reconcile_with_nothing_claws_back_nothing() -> None:
    ledger = Ledger(schedule([ent("HH-A"), ent("HH-B")], YEAR))
    assert reconcile(ledger, [], through=DECEMBER) == []


def test_an_entitlement_revoked_from_its_start_is_recovered_in_full() -> None:
    # Fraud (《社会救助暂行办法》第六十八条): nothing was ever due; every yuan paid comes back.
    a, b = ent("HH-A"), ent("HH-B")
    ledger = Ledger(schedule([a, b], YEAR[:6]))
    ledger.extend(
        reconcile(ledger, rerate(a, Rate.monthly("952"), effective=YEAR[0]), through=YEAR[5])
    )
    paid_to_a = ledger.total(where=lambda d: d.beneficiary == "HH-A")
    revoked = [
        end_entitlement(x, last_month=a.valid_from - 1)
        for x in rerate(a, Rate.monthly("952"), effective=YEAR[0])
    ]
    recovery = reconcile(ledger, revoked, through=YEAR[5])
    assert all(d.kind is DisbursementKind.RECOVERY for d in recovery)
    assert sum(d.amount for d in recovery) == -paid_to_a == Decimal("-5712")
    ledger.extend(recovery)
    assert ledger.total(where=lambda d: d.beneficiary == "HH-A") == 0
    assert ledger.total(where=lambda d: d.beneficiary == "HH-B") == Decimal("860") * 6
    assert reconcile(ledger, revoked, through=YEAR[5]) == []


@settings(max_examples=40)
@given(ledgers(), st.data(), amounts(min_value=Decimal(1), max_value=300, places=2))
def test_reconcile_on_a_subset_stays_in_the_subset(
    data: tuple[list[Entitlement], Ledger], draw: st.DataObject, rise: Decimal
) -> None:
    entitlements, ledger = data
    subset = draw.draw(
        st.lists(st.sampled_from(entitlements), unique=True) if entitlements else st.just([])
    )
    pairs = {(e.beneficiary, e.programme) for e in subset}
    # Already paid: nothing to adjust, for any subset.
    assert reconcile(ledger, subset, through=DECEMBER) == []
    # Changed (re-rated, ended or revoked): adjustments only inside the subset.
    effective = draw.draw(st.sampled_from(YEAR))
    changed: list[Entitlement] = []
    for e in subset:
        how = draw.draw(st.sampled_from(["rerate", "end", "revoke"]))
        if how == "rerate":
            changed.extend(rerate(e, Rate.monthly(e.monthly.amount + rise), effective=effective))
        elif how == "end":
            changed.append(end_entitlement(e, last_month=max(effective, e.valid_from)))
        else:
            changed.append(end_entitlement(e, last_month=e.valid_from - 1))
    adjustments = reconcile(ledger, changed, through=DECEMBER)
    assert {(d.beneficiary, d.programme) for d in adjustments} <= pairs
    ledger.extend(adjustments)
    assert reconcile(ledger, changed, through=DECEMBER) == []
    for e in entitlements:
        if (e.beneficiary, e.programme) not in pairs:
            paid = sum((ledger.paid(e.beneficiary, e.programme, m) for m in YEAR), Decimal(0))
            assert paid == sum((e.due(m) for m in YEAR), Decimal(0))
