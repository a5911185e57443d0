"""Entitlements (who gets what from when) and disbursements (one payment for one month).

A yearly amount is paid in twelve monthly shares that add up to the year exactly
(:func:`monthly_share`): each month gets the twelfth rounded down to the fen
(:data:`~minzheng.money.DOWN_TO_FEN`), and December gets the rest.

>>> from minzheng.money import Rate
>>> e = Entitlement(entitlement_id="E", beneficiary="P", programme=Programme.TEKUN,
...                 monthly=Rate.yearly("742"), valid_from=Month(2025, 1))
>>> e.due(Month(2025, 1)), e.due(Month(2025, 12)), sum(e.due(Month(2025, m)) for m in range(1, 13))
(Decimal('61.83'), Decimal('61.87'), Decimal('742.00'))
"""

from __future__ import annotations

import datetime
import decimal
from decimal import Decimal

import attrs

from minzheng._validators import is_amount, is_date, type_error, typed_fields
from minzheng.codes import Area, CodeEnum
from minzheng.dates import Month
from minzheng.errors import InvalidAmount, InvalidValue
from minzheng.money import DOWN_TO_FEN, Period, Rate, RoundingPolicy
from minzheng.privacy import repr_key
from minzheng.programmes import Programme
from minzheng.rules import Decision

__all__ = [
    "MONTHLY_SHARE_ROUNDING",
    "REMAINDER_MONTH",
    "Disbursement",
    "DisbursementKind",
    "Entitlement",
    "FundingSource",
    "PaymentStatus",
    "monthly_share",
]

#: How the monthly share of a yearly amount is rounded: down to the fen, so that no
#: month before the last is paid more than its exact twelfth.
MONTHLY_SHARE_ROUNDING: RoundingPolicy = DOWN_TO_FEN
#: The calendar month that receives what the rounded-down shares leave of the year.
#: December: the year is settled when it is complete, so an entitlement that ends
#: (or is revoked) mid-year was never paid ahead of time and needs no rounding
#: recovery, and one that starts mid-year is not paid a remainder for months it
#: was not entitled to. Local payroll rules that settle in January differ
#: (UNVERIFIED nationally; DOMAIN.md §5.4 gives yearly care amounts such as 742).
REMAINDER_MONTH = 12
_WIDE = decimal.Context(prec=80)


def monthly_share(yearly: Decimal, month: Month) -> Decimal:
    """The part of a ``yearly`` amount paid for ``month``: the twelve parts sum to ``yearly`` exactly.

    Each month gets ``yearly / 12`` rounded by :data:`MONTHLY_SHARE_ROUNDING`
    (down to the fen); :data:`REMAINDER_MONTH` (December) gets the rest, which
    is at least the share and at most 11 fen more. A yearly amount that
    divides by 12 gives the same amount every month.

    >>> [monthly_share(Decimal("742"), Month(2025, m)) for m in (1, 11, 12)]
    [Decimal('61.83'), Decimal('61.83'), Decimal('61.87')]
    >>> monthly_share(Decimal("7260"), Month(2025, 12))
    Decimal('605')
    """
    if isinstance(yearly, float) or not isinstance(yearly, Decimal) or not yearly.is_finite():
        raise InvalidAmount("amount.invalid", field="yearly", value=str(yearly))
    if not isinstance(month, Month):
        raise type_error("month", month, "Month")
    with decimal.localcontext(_WIDE):  # exact for any amount a Rate accepts
        exact = yearly / 12
        share = MONTHLY_SHARE_ROUNDING(exact)
        if share == exact:
            return exact
        if month.month == REMAINDER_MONTH:
            return yearly - share * 11
        return share


class FundingSource(CodeEnum):
    """Which budget pays (资金来源).

    >>> FundingSource.CENTRAL.label("en")
    'Central government funds'
    """

    CENTRAL = "central", "中央财政资金"
    PROVINCIAL = "provincial", "省级财政资金"
    MUNICIPAL = "municipal", "市级财政资金"
    COUNTY = "county", "县级财政资金"
    OTHER = "other", "其他资金"


class PaymentStatus(CodeEnum):
    """Where a payment stands.

    >>> PaymentStatus.RETURNED.counts
    False
    """

    ISSUED = "issued", "已发放"
    PAID = "paid", "已到账"
    FAILED = "failed", "发放失败"
    RETURNED = "returned", "已退回"
    RECOVERED = "recovered", "已追回"

    @property
    def counts(self) -> bool:
        """Whether the money reached (or was taken back from) the person: issued, paid, recovered.

        >>> PaymentStatus.PAID.counts, PaymentStatus.FAILED.counts
        (True, False)
        """
        return self in (PaymentStatus.ISSUED, PaymentStatus.PAID, PaymentStatus.RECOVERED)


class DisbursementKind(CodeEnum):
    """A regular monthly payment, a back-payment (补发) or a recovery of an over-payment (追回).

    >>> DisbursementKind.BACK_PAY.term
    '补发'
    """

    REGULAR = "regular", "正常发放"
    BACK_PAY = "back_pay", "补发"
    RECOVERY = "recovery", "追回"


def _check_validity(
    instance: Entitlement, attribute: attrs.Attribute[Month | None], value: Month | None
) -> None:
    if value is not None and value < instance.valid_from:
        raise InvalidValue("record.inconsistent", field="valid_to", value=str(value))


def _check_rate(instance: object, attribute: attrs.Attribute[Rate], value: Rate) -> None:
    if value.amount < 0:
        raise InvalidAmount("amount.invalid", field=attribute.name, value=str(value))


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Entitlement:
    """Who is owed what under which programme, per month, from ``valid_from`` to ``valid_to`` (inclusive).

    ``beneficiary`` is a person id (or a household id for household programmes).
    ``monthly`` is a non-negative rate per month or per year (a yearly rate is
    paid in :func:`monthly_share` parts). A ``revoked`` entitlement was
    cancelled from its start (e.g. obtained by fraud, 《社会救助暂行办法》第六十八条):
    nothing was ever due, so :func:`~minzheng.payments.reconcile` recovers every
    month paid under it.

    >>> e = Entitlement(entitlement_id="E1", beneficiary="HH1", programme=Programme.DIBAO,
    ...                 monthly=Rate.monthly("860"), valid_from=Month(2025, 4), division="620521")
    >>> e.due(Month(2025, 3)), e.due(Month(2025, 4))
    (Decimal('0'), Decimal('860'))
    """

    entitlement_id: str
    beneficiary: str = attrs.field(repr=repr_key)
    programme: Programme
    monthly: Rate = attrs.field(validator=_check_rate)
    valid_from: Month
    valid_to: Month | None = attrs.field(default=None, validator=_check_validity)
    division: str = ""
    area: Area = Area.UNIFIED
    funding: FundingSource = FundingSource.COUNTY
    decision: Decision | None = attrs.field(default=None, eq=False, repr=False)
    revoked: bool = False

    def covers(self, month: Month) -> bool:
        """Whether ``month`` is within the entitlement.

        >>> Entitlement(entitlement_id="E", beneficiary="P", programme=Programme.TEKUN, monthly=Rate.monthly("1"),
        ...             valid_from=Month(2025, 1), valid_to=Month(2025, 6)).covers(Month(2025, 7))
        False
        """
        if self.revoked:
            return False
        return self.valid_from <= month and (self.valid_to is None or month <= self.valid_to)

    def due(self, month: Month) -> Decimal:
        """The amount due for ``month`` (0 outside the entitlement; a yearly rate by :func:`monthly_share`).

        >>> Entitlement(entitlement_id="E", beneficiary="P", programme=Programme.TEKUN, monthly=Rate.yearly("7260"),
        ...             valid_from=Month(2025, 1)).due(Month(2025, 2))
        Decimal('605')
        """
        if not self.covers(month):
            return Decimal(0)
        if self.monthly.period is Period.YEAR:
            return monthly_share(self.monthly.amount, month)
        return self.monthly.amount

    @classmethod
    def from_decision(
        cls,
        decision: Decision,
        *,
        entitlement_id: str,
        valid_from: Month,
        division: str = "",
        area: Area = Area.UNIFIED,
        funding: FundingSource = FundingSource.COUNTY,
    ) -> Entitlement:
        """The entitlement an eligible decision creates.

        >>> import datetime
        >>> d = Decision(programme=Programme.DIBAO, eligible=True, on=datetime.date(2025, 3, 1),
        ...              subject="HH1", amount=Rate.monthly("860"))
        >>> Entitlement.from_decision(d, entitlement_id="E1", valid_from=Month(2025, 4)).monthly.amount
        Decimal('860')
        """
        programme = decision.programme
        if not decision.eligible or decision.amount is None or not isinstance(programme, Programme):
            raise InvalidValue("payments.not_eligible", field="decision", value=decision.subject)
        return cls(
            entitlement_id=entitlement_id,
            beneficiary=decision.subject,
            programme=programme,
            monthly=decision.amount,
            valid_from=valid_from,
            division=division,
            area=area,
            funding=funding,
            decision=decision,
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Disbursement:
    """One payment for one month: regular, back-pay (positive) or recovery (negative).

    >>> d = Disbursement(entitlement_id="E1", beneficiary="HH1", programme=Programme.DIBAO, month=Month(2025, 4),
    ...                  amount=Decimal("860"))
    >>> d.key, d.kind.value, d.status.value
    (('HH1', <Programme.DIBAO: 'dibao'>, Month(2025, 4)), 'regular', 'issued')
    """

    entitlement_id: str
    beneficiary: str = attrs.field(repr=repr_key)
    programme: Programme
    month: Month
    amount: Decimal = attrs.field(validator=is_amount())
    kind: DisbursementKind = DisbursementKind.REGULAR
    status: PaymentStatus = PaymentStatus.ISSUED
    funding: FundingSource = FundingSource.COUNTY
    division: str = ""
    paid_on: datetime.date | None = attrs.field(default=None, validator=is_date(optional=True))

    def __attrs_post_init__(self) -> None:
        negative = self.amount < 0
        if negative != (self.kind is DisbursementKind.RECOVERY) and self.amount != 0:
            raise InvalidValue(
                "payments.sign",
                field="amount",
                value=str(self.amount),
                params={"kind": self.kind.term},
            )

    @property
    def key(self) -> tuple[str, Programme, Month]:
        """(beneficiary, programme, month): at most one regular payment per key.

        >>> Disbursement(entitlement_id="E", beneficiary="P", programme=Programme.TEKUN, month=Month(2025, 1),
        ...              amount=Decimal(1)).key[0]
        'P'
        """
        return (self.beneficiary, self.programme, self.month)
