"""Scheduling regular payments, and reconciling what was paid with what is due (补发 and 追回).

When a standard rises with a retroactive effective date, the entitlements are
re-rated from that date and :func:`reconcile` computes, for every month already
paid, the difference between what is now due and what was paid: a 补发
disbursement when more is due, a recovery when less is (an entitlement that
ended retroactively). Months not yet paid are left to the regular schedule.

>>> from decimal import Decimal
>>> from minzheng.money import Rate
>>> from minzheng.programmes import Programme
>>> old = Entitlement(entitlement_id="E1", beneficiary="HH1", programme=Programme.DIBAO,
...                   monthly=Rate.monthly("860"), valid_from=Month(2025, 1))
>>> ledger = Ledger(schedule([old], Month.range(Month(2025, 1), Month(2025, 6))))
>>> new = rerate(old, Rate.monthly("900"), effective=Month(2025, 1))
>>> sum(d.amount for d in reconcile(ledger, new, through=Month(2025, 6)))
Decimal('240')
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from minzheng.dates import Month
from minzheng.money import Rate
from minzheng.payments.ledger import Ledger
from minzheng.payments.records import (
    Disbursement,
    DisbursementKind,
    Entitlement,
    FundingSource,
    PaymentStatus,
)

__all__ = ["end_entitlement", "reconcile", "rerate", "schedule"]


def schedule(
    entitlements: Iterable[Entitlement],
    months: Iterable[Month],
    *,
    paid_on: datetime.date | None = None,
) -> list[Disbursement]:
    """The regular disbursements due for ``months`` (one per entitlement and covered month).

    >>> from minzheng.programmes import Programme
    >>> e = Entitlement(entitlement_id="E", beneficiary="P", programme=Programme.TEKUN, monthly=Rate.monthly("605"),
    ...                 valid_from=Month(2025, 3))
    >>> [str(d.month) for d in schedule([e], Month.range(Month(2025, 1), Month(2025, 4)))]
    ['2025-03', '2025-04']
    """
    month_list = list(months)
    return [
        Disbursement(
            entitlement_id=e.entitlement_id,
            beneficiary=e.beneficiary,
            programme=e.programme,
            month=m,
            amount=e.due(m),
            funding=e.funding,
            division=e.division,
            paid_on=paid_on,
        )
        for e in entitlements
        for m in month_list
        if e.covers(m)
    ]


def rerate(entitlement: Entitlement, monthly: Rate, *, effective: Month) -> list[Entitlement]:
    """The entitlement split at ``effective``: the old amount before, ``monthly`` from then on.

    >>> from minzheng.programmes import Programme
    >>> e = Entitlement(entitlement_id="E", beneficiary="P", programme=Programme.TEKUN, monthly=Rate.monthly("605"),
    ...                 valid_from=Month(2025, 1))
    >>> [(str(x.valid_from), x.monthly.amount) for x in rerate(e, Rate.monthly("650"), effective=Month(2025, 7))]
    [('2025-01', Decimal('605')), ('2025-07', Decimal('650'))]
    """
    if entitlement.valid_to is not None and entitlement.valid_to < effective:
        return [entitlement]  # ended before the change: nothing to re-rate
    if effective <= entitlement.valid_from:
        return [attrs.evolve(entitlement, monthly=monthly)]
    before = attrs.evolve(entitlement, valid_to=effective - 1)
    after = attrs.evolve(
        entitlement,
        entitlement_id=f"{entitlement.entitlement_id}@{effective}",
        monthly=monthly,
        valid_from=effective,
    )
    return [before, after]


def end_entitlement(entitlement: Entitlement, *, last_month: Month) -> Entitlement:
    """The entitlement ending with ``last_month`` (possibly in the past: recoveries follow).

    >>> from minzheng.programmes import Programme
    >>> e = Entitlement(entitlement_id="E", beneficiary="P", programme=Programme.TEKUN, monthly=Rate.monthly("605"),
    ...                 valid_from=Month(2025, 1))
    >>> end_entitlement(e, last_month=Month(2025, 3)).valid_to
    Month(2025, 3)
    """
    return attrs.evolve(entitlement, valid_to=last_month)


def reconcile(
    ledger: Ledger,
    entitlements: Sequence[Entitlement],
    *,
    through: Month,
    paid_on: datetime.date | None = None,
) -> list[Disbursement]:
    """The 补发 / 追回 disbursements that bring every paid month up (or down) to what is now due.

    ``entitlements`` is the current view of every entitlement of the beneficiaries
    concerned; a month counts as "already paid" when the ledger holds a counted
    regular payment for it. The result is not added to the ledger — review it, then
    ``ledger.extend(...)``.

    >>> from minzheng.programmes import Programme
    >>> e = Entitlement(entitlement_id="E", beneficiary="P", programme=Programme.TEKUN, monthly=Rate.monthly("605"),
    ...                 valid_from=Month(2025, 1))
    >>> ledger = Ledger(schedule([e], Month.range(Month(2025, 1), Month(2025, 4))))
    >>> [d.amount for d in reconcile(ledger, [end_entitlement(e, last_month=Month(2025, 2))], through=Month(2025, 4))]
    [Decimal('-605'), Decimal('-605')]
    """
    out: list[Disbursement] = []
    for beneficiary, programme, month in sorted(
        ledger.regular_months(), key=lambda k: (k[0], k[1].value, k[2])
    ):
        if month > through:
            continue
        current = [
            e for e in entitlements if e.beneficiary == beneficiary and e.programme is programme
        ]
        due = sum((e.due(month) for e in current), Decimal(0))
        difference = due - ledger.paid(beneficiary, programme, month)
        if difference == 0:
            continue
        source = next((e for e in current if e.covers(month)), current[0] if current else None)
        recovery = difference < 0
        out.append(
            Disbursement(
                entitlement_id=source.entitlement_id if source else "",
                beneficiary=beneficiary,
                programme=programme,
                month=month,
                amount=difference,
                kind=DisbursementKind.RECOVERY if recovery else DisbursementKind.BACK_PAY,
                status=PaymentStatus.RECOVERED if recovery else PaymentStatus.ISSUED,
                funding=source.funding if source else FundingSource.COUNTY,
                division=source.division if source else "",
                paid_on=paid_on,
            )
        )
    return out
