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
from minzheng.payments.penalties import FINE_MULTIPLES, FRAUD_FINE_ROUNDING, decide_fraud_penalty
from minzheng.payments.records import (
    MONTHLY_SHARE_ROUNDING,
    REMAINDER_MONTH,
    Disbursement,
    DisbursementKind,
    Entitlement,
    FundingSource,
    PaymentStatus,
    monthly_share,
)
from minzheng.payments.schedule import (
    case_entitlements,
    end_entitlement,
    reconcile,
    rerate,
    revoke_entitlement,
    schedule,
)

__all__ = [
    "FINE_MULTIPLES",
    "FRAUD_FINE_ROUNDING",
    "MONTHLY_SHARE_ROUNDING",
    "REMAINDER_MONTH",
    "Batch",
    "Disbursement",
    "DisbursementKind",
    "Entitlement",
    "FundingSource",
    "Ledger",
    "PaymentStatus",
    "case_entitlements",
    "decide_fraud_penalty",
    "end_entitlement",
    "monthly_share",
    "reconcile",
    "rerate",
    "revoke_entitlement",
    "schedule",
]
