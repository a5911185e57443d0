"""Payments: entitlements, monthly disbursements, a ledger that refuses double payment, 补发 and 追回.

>>> from minzheng.dates import Month
>>> from minzheng.money import Rate
>>> from minzheng.programmes import Programme
>>> e = Entitlement(entitlement_id="E1", beneficiary="HH1", programme=Programme.DIBAO,
...                 monthly=Rate.monthly("860"), valid_from=Month(2025, 4), division="620521")
>>> ledger = Ledger(schedule([e], Month.range(Month(2025, 1), Month(2025, 12))))
>>> len(ledger), ledger.total()
(9, Decimal('7740'))
"""

from minzheng.payments.ledger import Batch, Ledger
from minzheng.payments.records import (
    Disbursement,
    DisbursementKind,
    Entitlement,
    FundingSource,
    PaymentStatus,
)
from minzheng.payments.schedule import end_entitlement, reconcile, rerate, schedule

__all__ = [
    "Batch",
    "Disbursement",
    "DisbursementKind",
    "Entitlement",
    "FundingSource",
    "Ledger",
    "PaymentStatus",
    "end_entitlement",
    "reconcile",
    "rerate",
    "schedule",
]
