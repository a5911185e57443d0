"""A yearly amount paid monthly adds up to the year, and never crashes anything in payments (issue 13)."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng.dates import Month
from minzheng.money import DOWN_TO_FEN, Rate
from minzheng.payments import (
    MONTHLY_SHARE_ROUNDING,
    REMAINDER_MONTH,
    Entitlement,
    Ledger,
    end_entitlement,
    reconcile,
    rerate,
    schedule,
)
from minzheng.programmes import Programme
from minzheng.testing import amounts, months

YEAR = list(Month.range(Month(2025, 1), Month(2025, 12)))


def yearly(amount: Decimal | str, start: Month = YEAR[0], end: Month | None = None) -> Entitlement:
    return Entitlement(
        entitlement_id="E",
        beneficiary="P",
        programme=Programme.TEKUN,
        monthly=Rate.yearly(amount),
        valid_from=start,
        valid_to=end,
    )


def test_742_a_year_pays_742_over_twelve_months() -> None:
    # DOMAIN.md §5.4: dispersed self-care care standard 742 yuan a year.
    ledger = Ledger(schedule([yearly("742")], YEAR))
    assert ledger.total() == Decimal("742")
    assert [d.amount for d in ledger][:11] == [Decimal("61.83")] * 11
    assert [d.amount for d in ledger][11] == Decimal("61.87")
    assert MONTHLY_SHARE_ROUNDING is DOWN_TO_FEN and REMAINDER_MONTH == 12


@settings(max_examples=60)
@given(amounts(max_value=10_000_000, places=2))
def test_twelve_monthly_payments_sum_exactly_to_the_year(amount: Decimal) -> None:
    e = yearly(amount)
    parts = [e.due(m) for m in YEAR]
    assert sum(parts, Decimal(0)) == amount
    assert all(part >= 0 and part == part.quantize(Decimal("0.01")) for part in parts)
    # No month before December is paid more than its exact twelfth.
    assert all(part * 12 <= amount for part in parts[:11])


@settings(max_examples=40)
@given(
    amounts(min_value=Decimal("0.01"), max_value=200_000, places=2),
    amounts(min_value=Decimal("0.01"), max_value=200_000, places=2),
    months(min_value=Month(2024, 6), max_value=Month(2025, 12)),
    months(min_value=Month(2025, 1), max_value=Month(2025, 12)),
    st.sampled_from(["rerate", "end", "revoke"]),
)
def test_yearly_rates_that_do_not_divide_by_12_never_crash_payments(
    first: Decimal, second: Decimal, start: Month, change: Month, how: str
) -> None:
    e = yearly(first, start=start)
    ledger = Ledger(schedule([e], YEAR))
    if how == "rerate":
        current = rerate(e, Rate.yearly(second), effective=change)
    elif how == "end":
        current = [end_entitlement(e, last_month=max(change, e.valid_from))]
    else:
        current = [end_entitlement(e, last_month=e.valid_from - 1)]
    adjustments = reconcile(ledger, current, through=YEAR[-1])
    ledger.extend(adjustments)
    assert reconcile(ledger, current, through=YEAR[-1]) == []
    assert ledger.total() == sum((x.due(m) for x in current for m in YEAR), Decimal(0)) >= 0
    assert sum((b.total for b in ledger.batches()), Decimal(0)) == ledger.total()
    assert sum(ledger.by_month().values(), Decimal(0)) == ledger.total()
