"""Derived standards: one programme's standard as a multiple of another's, with a named rounding.

The defaults restate DOMAIN.md: the 特困 basic living standard is at least
1.3 × the local 低保 standard, rounded up to a whole yuan per month (§5.4, §5.6 —
the 1.3 floor is widely adopted, UNVERIFIED as a national rule); the 低保边缘 line
is 1.5 × the 低保 standard (§4.7; some places use 2×). Both multiples and the
rounding are parameters.

>>> import datetime
>>> from minzheng.codes import Area
>>> base = StandardUsed(programme=Programme.DIBAO, rate=Rate.yearly("8580"),
...                     effective=datetime.date(2025, 1, 1), division="620521", area=Area.URBAN)
>>> TEKUN_FROM_DIBAO.derive(base).rate.yearly
Decimal('11160')
>>> DIBAO_EDGE_FROM_DIBAO.derive(base).rate.monthly
Decimal('1072.5')
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from minzheng._validators import typed_fields
from minzheng.errors import InvalidAmount
from minzheng.money import TO_FEN, UP_TO_YUAN, Period, Rate, RoundingPolicy, finite_amount
from minzheng.programmes import Programme
from minzheng.rules import Citation, Instrument, Reason, Term
from minzheng.standards.standard import StandardUsed

__all__ = ["DEFAULT_DERIVATIONS", "DIBAO_EDGE_FROM_DIBAO", "TEKUN_FROM_DIBAO", "Derivation"]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Derivation:
    """``programme`` standard = ``multiple`` × ``base`` standard per ``period``, then ``rounding``.

    >>> d = Derivation(programme=Programme.TEKUN, base=Programme.DIBAO, multiple=Decimal("1.5"))
    >>> d.multiple
    Decimal('1.5')
    """

    programme: Programme
    base: Programme
    multiple: Decimal = attrs.field(validator=finite_amount)
    rounding: RoundingPolicy | None = UP_TO_YUAN
    period: Period = Period.MONTH
    citation: Citation | None = None

    def derive(self, base: StandardUsed) -> StandardUsed:
        """The derived standard from the base standard actually applied.

        >>> import datetime
        >>> base = StandardUsed(programme=Programme.DIBAO, rate=Rate.monthly("465"),
        ...                     effective=datetime.date(2025, 1, 1), division="620000")
        >>> TEKUN_FROM_DIBAO.derive(base).rate
        Rate(amount=Decimal('605'), period=<Period.MONTH: 'month'>)

        The multiple applies before the conversion, so a yearly base that does not
        divide by 12 is rounded once (rural 5,000 a year: 5,000 × 1.3 / 12 → 542):

        >>> rural = StandardUsed(programme=Programme.DIBAO, rate=Rate.yearly("5000"),
        ...                      effective=datetime.date(2025, 1, 1), division="620000")
        >>> TEKUN_FROM_DIBAO.derive(rural).rate.amount, DIBAO_EDGE_FROM_DIBAO.derive(rural).rate.amount
        (Decimal('542'), Decimal('625.0'))
        """
        scaled = Rate(amount=base.rate.amount * self.multiple, period=base.rate.period)
        rounding = self.rounding
        try:
            amount = scaled.to(self.period).amount
        except InvalidAmount:  # a yearly amount that does not divide by 12: name the rounding
            rounding = rounding or TO_FEN
            amount = scaled.to(self.period, rounding=rounding).amount
        if rounding is not None:
            amount = rounding(amount)
        return StandardUsed(
            programme=self.programme,
            rate=Rate(amount=amount, period=self.period),
            effective=base.effective,
            division=base.division,
            area=base.area,
            variant=base.variant,
            source=base.source,
            derived_from=base,
            multiple=self.multiple,
            rounding=rounding,
        )

    def reason(self, used: StandardUsed) -> Reason:
        """The reason that explains a derived standard.

        >>> import datetime
        >>> base = StandardUsed(programme=Programme.DIBAO, rate=Rate.monthly("715"),
        ...                     effective=datetime.date(2025, 1, 1), division="620000")
        >>> print(TEKUN_FROM_DIBAO.reason(TEKUN_FROM_DIBAO.derive(base)).render())
        特困人员救助供养标准按最低生活保障标准715元/月的1.3倍计算，向上取整到元
        """
        from minzheng.rules.templates import ROUNDING_TERMS

        assert used.derived_from is not None
        policy = used.rounding or self.rounding
        rounding = (
            ROUNDING_TERMS.get(policy.name, policy.name) if policy else ROUNDING_TERMS["none"]
        )
        return Reason(
            code="standard.derived",
            params={
                "programme": self.programme,
                "base": self.base,
                "base_amount": used.derived_from.rate.to(self.period, rounding=TO_FEN),
                "multiple": self.multiple,
                "rounding": Term(text=rounding, context="rounding"),
            },
            citation=self.citation,
        )


TEKUN_FROM_DIBAO = Derivation(
    programme=Programme.TEKUN,
    base=Programme.DIBAO,
    multiple=Decimal("1.3"),
    rounding=UP_TO_YUAN,
    citation=Citation(
        instrument=Instrument.TEKUN_OPINION_2016, note="1.3× floor per provincial rules"
    ),
)
DIBAO_EDGE_FROM_DIBAO = Derivation(
    programme=Programme.DIBAO_EDGE,
    base=Programme.DIBAO,
    multiple=Decimal("1.5"),
    rounding=None,
    citation=Citation(instrument=Instrument.BASIC_LIVING_NOTICE_2020),
)
#: The derivations a :class:`~minzheng.standards.StandardsBook` uses unless told otherwise.
DEFAULT_DERIVATIONS = (TEKUN_FROM_DIBAO, DIBAO_EDGE_FROM_DIBAO)
