"""Scheduling regular payments, and reconciling what was paid with what is due (补发 and 追回).

When a standard rises with a retroactive effective date, the entitlements are
re-rated from that date and :func:`reconcile` computes, for every month already
paid, the difference between what is now due and what was paid: a 补发
disbursement when more is due, a recovery when less is (an entitlement that
ended retroactively, or was revoked from its start). Months not yet paid are
left to the regular schedule. It touches only the beneficiaries and programmes
of the entitlements it is given: the rest of the ledger is not its business.

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
from typing import TypeVar

import attrs

from minzheng._validators import type_error
from minzheng.assistance.cases import Case, CaseAction
from minzheng.codes import Area
from minzheng.dates import Month
from minzheng.errors import InvalidValue
from minzheng.money import Rate
from minzheng.payments.ledger import Ledger
from minzheng.payments.records import (
    Disbursement,
    DisbursementKind,
    Entitlement,
    FundingSource,
    PaymentStatus,
)
from minzheng.programmes import Programme

__all__ = [
    "case_entitlements",
    "end_entitlement",
    "reconcile",
    "rerate",
    "revoke_entitlement",
    "schedule",
]


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
    entitlement_list = _all(entitlements, Entitlement, "entitlements")
    month_list = _all(months, Month, "months")
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
        for e in entitlement_list
        for m in month_list
        if e.covers(m)
    ]


_T = TypeVar("_T")


def _all(items: Iterable[_T], kind: type[_T], field: str) -> list[_T]:
    if isinstance(items, str) or not isinstance(items, Iterable):
        raise type_error(field, items, f"Iterable[{kind.__name__}]")
    found = list(items)
    for item in found:
        if not isinstance(item, kind):
            raise type_error(field, item, kind.__name__)
    return found


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

    A ``last_month`` before the first month means nothing was ever due: the
    entitlement is revoked (:func:`revoke_entitlement`).

    >>> from minzheng.programmes import Programme
    >>> e = Entitlement(entitlement_id="E", beneficiary="P", programme=Programme.TEKUN, monthly=Rate.monthly("605"),
    ...                 valid_from=Month(2025, 1))
    >>> end_entitlement(e, last_month=Month(2025, 3)).valid_to
    Month(2025, 3)
    >>> end_entitlement(e, last_month=Month(2024, 12)).revoked
    True
    """
    if last_month < entitlement.valid_from:
        return revoke_entitlement(entitlement)
    return attrs.evolve(entitlement, valid_to=last_month)


def revoke_entitlement(entitlement: Entitlement) -> Entitlement:
    """The entitlement revoked from its start: nothing was due, every month paid is to be recovered.

    For an entitlement obtained by fraud (《社会救助暂行办法》第六十八条): reconcile
    the ledger with the revoked entitlement to recover in full, then
    :func:`~minzheng.payments.decide_fraud_penalty` for the fine.

    >>> from minzheng.programmes import Programme
    >>> e = Entitlement(entitlement_id="E", beneficiary="P", programme=Programme.TEKUN, monthly=Rate.monthly("605"),
    ...                 valid_from=Month(2025, 1))
    >>> ledger = Ledger(schedule([e], Month.range(Month(2025, 1), Month(2025, 3))))
    >>> sum(d.amount for d in reconcile(ledger, [revoke_entitlement(e)], through=Month(2025, 3)))
    Decimal('-1815')
    """
    return attrs.evolve(entitlement, revoked=True)


def case_entitlements(
    case: Case,
    *,
    entitlement_id: str,
    division: str = "",
    area: Area = Area.UNIFIED,
    funding: FundingSource = FundingSource.COUNTY,
) -> list[Entitlement]:
    """The entitlements of an approved case, one per run of paid months (:attr:`Case.paid_stretches`).

    The amount comes from the eligible decision recorded with the approval; the
    months from the case: from :attr:`~minzheng.assistance.Case.payment_start`
    to the month of a 停发 / 终止 decision (payment stops from the next month,
    DOMAIN.md §5.5), again from a 恢复发放. So :func:`schedule` pays no month
    after the case stopped. Later runs get ids ``"<entitlement_id>#2"``, ….
    A case approved without a decision raises ``InvalidValue``
    (``payments.not_eligible``).

    >>> import datetime
    >>> from minzheng.assistance import CaseAction
    >>> from minzheng.programmes import Programme
    >>> from minzheng.rules import Decision
    >>> D = datetime.date
    >>> decision = Decision(programme=Programme.TEKUN, eligible=True, on=D(2025, 1, 20), subject="P",
    ...                     amount=Rate.monthly("605"))
    >>> c = Case.open(case_id="C", programme=Programme.TEKUN, subject="P", persons=["P"], on=D(2025, 1, 2))
    >>> for action, day in [(CaseAction.ACCEPT, D(2025, 1, 2)), (CaseAction.INVESTIGATE, D(2025, 1, 3)),
    ...                     (CaseAction.PUBLICISE, D(2025, 1, 6))]:
    ...     c = c.apply(action, on=day)
    >>> c = c.apply(CaseAction.APPROVE, on=D(2025, 1, 20), decision=decision)
    >>> c = c.apply(CaseAction.PAY, on=D(2025, 2, 1)).apply(CaseAction.TERMINATE, on=D(2025, 6, 16))
    >>> [str(d.month) for d in schedule(case_entitlements(c, entitlement_id="E"),
    ...                                 Month.range(Month(2025, 1), Month(2025, 12)))]
    ['2025-02', '2025-03', '2025-04', '2025-05', '2025-06']
    """
    if not isinstance(case, Case):
        raise type_error("case", case, "Case")
    approval = next((e for e in case.events if e.action is CaseAction.APPROVE), None)
    decision = None if approval is None else approval.decision
    if decision is None:
        raise InvalidValue("payments.not_eligible", field="decision", value=case.case_id)
    out: list[Entitlement] = []
    for number, (first, last) in enumerate(case.paid_stretches, start=1):
        entitlement = Entitlement.from_decision(
            decision,
            entitlement_id=entitlement_id if number == 1 else f"{entitlement_id}#{number}",
            valid_from=first,
            division=division,
            area=area,
            funding=funding,
        )
        out.append(entitlement if last is None else attrs.evolve(entitlement, valid_to=last))
    return out


def reconcile(
    ledger: Ledger,
    entitlements: Sequence[Entitlement],
    *,
    through: Month,
    paid_on: datetime.date | None = None,
) -> list[Disbursement]:
    """The 补发 / 追回 disbursements that bring every paid month up (or down) to what is now due.

    ``entitlements`` is the current view of every entitlement of the
    (beneficiary, programme) pairs concerned — all their segments, e.g. both
    parts :func:`rerate` returns; only those pairs are reconciled, so re-rating
    one household never touches another, and ``reconcile(ledger, [])`` returns
    nothing. To stop everything paid to a pair, pass its entitlement ended
    (:func:`end_entitlement`) or revoked (:func:`revoke_entitlement`). A month
    counts as "already paid" when the ledger holds a counted regular payment
    for it. The result is not added to the ledger — review it, then
    ``ledger.extend(...)``.

    >>> from minzheng.programmes import Programme
    >>> e = Entitlement(entitlement_id="E", beneficiary="P", programme=Programme.TEKUN, monthly=Rate.monthly("605"),
    ...                 valid_from=Month(2025, 1))
    >>> ledger = Ledger(schedule([e], Month.range(Month(2025, 1), Month(2025, 4))))
    >>> [d.amount for d in reconcile(ledger, [end_entitlement(e, last_month=Month(2025, 2))], through=Month(2025, 4))]
    [Decimal('-605'), Decimal('-605')]
    """
    if not isinstance(ledger, Ledger):
        raise type_error("ledger", ledger, "Ledger")
    if not isinstance(through, Month):
        raise type_error("through", through, "Month")
    by_pair: dict[tuple[str, Programme], list[Entitlement]] = {}
    for e in _all(entitlements, Entitlement, "entitlements"):
        by_pair.setdefault((e.beneficiary, e.programme), []).append(e)
    out: list[Disbursement] = []
    for beneficiary, programme, month in sorted(
        ledger.regular_months(), key=lambda k: (k[0], k[1].value, k[2])
    ):
        current = by_pair.get((beneficiary, programme))
        if month > through or current is None:
            continue
        due = sum((e.due(month) for e in current), Decimal(0))
        difference = due - ledger.paid(beneficiary, programme, month)
        if difference == 0:
            continue
        source = next((e for e in current if e.covers(month)), current[0])
        recovery = difference < 0
        out.append(
            Disbursement(
                entitlement_id=source.entitlement_id,
                beneficiary=beneficiary,
                programme=programme,
                month=month,
                amount=difference,
                kind=DisbursementKind.RECOVERY if recovery else DisbursementKind.BACK_PAY,
                status=PaymentStatus.RECOVERED if recovery else PaymentStatus.ISSUED,
                funding=source.funding,
                division=source.division,
                paid_on=paid_on,
            )
        )
    return out
