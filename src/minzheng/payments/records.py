"""Entitlements (who gets what from when) and disbursements (one payment for one month)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import attrs

from minzheng.codes import Area
from minzheng.codes._base import CodeEnum
from minzheng.dates import Month
from minzheng.errors import InvalidValue
from minzheng.money import TO_FEN, Period, Rate
from minzheng.money._finite import finite_amount
from minzheng.programmes import Programme
from minzheng.rules import Decision

__all__ = ["Disbursement", "DisbursementKind", "Entitlement", "FundingSource", "PaymentStatus"]


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


@attrs.frozen(kw_only=True)
class Entitlement:
    """Who is owed what under which programme, per month, from ``valid_from`` to ``valid_to`` (inclusive).

    ``beneficiary`` is a person id (or a household id for household programmes).

    >>> e = Entitlement(entitlement_id="E1", beneficiary="HH1", programme=Programme.DIBAO,
    ...                 monthly=Rate.monthly("860"), valid_from=Month(2025, 4), division="620521")
    >>> e.due(Month(2025, 3)), e.due(Month(2025, 4))
    (Decimal('0'), Decimal('860'))
    """

    entitlement_id: str
    beneficiary: str
    programme: Programme
    monthly: Rate
    valid_from: Month
    valid_to: Month | None = attrs.field(default=None, validator=_check_validity)
    division: str = ""
    area: Area = Area.UNIFIED
    funding: FundingSource = FundingSource.COUNTY
    decision: Decision | None = attrs.field(default=None, eq=False, repr=False)

    def covers(self, month: Month) -> bool:
        """Whether ``month`` is within the entitlement.

        >>> Entitlement(entitlement_id="E", beneficiary="P", programme=Programme.TEKUN, monthly=Rate.monthly("1"),
        ...             valid_from=Month(2025, 1), valid_to=Month(2025, 6)).covers(Month(2025, 7))
        False
        """
        return self.valid_from <= month and (self.valid_to is None or month <= self.valid_to)

    def due(self, month: Month) -> Decimal:
        """The amount due for ``month`` (0 outside the entitlement; a yearly rate is divided to the fen).

        >>> Entitlement(entitlement_id="E", beneficiary="P", programme=Programme.TEKUN, monthly=Rate.yearly("7260"),
        ...             valid_from=Month(2025, 1)).due(Month(2025, 2))
        Decimal('605')
        """
        if not self.covers(month):
            return Decimal(0)
        return self.monthly.to(Period.MONTH, rounding=TO_FEN).amount

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


@attrs.frozen(kw_only=True)
class Disbursement:
    """One payment for one month: regular, back-pay (positive) or recovery (negative).

    >>> d = Disbursement(entitlement_id="E1", beneficiary="HH1", programme=Programme.DIBAO, month=Month(2025, 4),
    ...                  amount=Decimal("860"))
    >>> d.key, d.kind.value, d.status.value
    (('HH1', <Programme.DIBAO: 'dibao'>, Month(2025, 4)), 'regular', 'issued')
    """

    entitlement_id: str
    beneficiary: str
    programme: Programme
    month: Month
    amount: Decimal = attrs.field(validator=finite_amount)
    kind: DisbursementKind = DisbursementKind.REGULAR
    status: PaymentStatus = PaymentStatus.ISSUED
    funding: FundingSource = FundingSource.COUNTY
    division: str = ""
    paid_on: datetime.date | None = None

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
