"""Income for the means test: items by kind and source, the §4.4 exclusions, per-capita income.

Income is 工资性、经营净、财产净 and 转移净收入. The national list of what is *not*
counted for 低保 (DOMAIN.md §4.4): 优待抚恤金; family-planning rewards; scholarships;
rewards such as for bravery; all government social-assistance payments; the
centrally set basic pension of the residents' pension scheme; and (国发〔2015〕52号)
the two disability subsidies. 特困's "no means of living" test excludes the basic
pension, preferential payments and old-age allowances (§5.2). Both lists, and a
deduction of employment costs from earned income (local), are policy parameters.

>>> from minzheng.money import Rate
>>> item = IncomeItem(person_id="H", source=IncomeSource.WAGE, amount=Rate.monthly("1600"))
>>> item.countable_monthly(DIBAO_INCOME_POLICY)
Decimal('1600')
>>> IncomeItem(person_id="F", source=IncomeSource.BASIC_PENSION, amount=Rate.monthly("150")
...            ).countable_monthly(DIBAO_INCOME_POLICY)
Decimal('0')
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs

from minzheng._bounds import MAX_PERSONS, within
from minzheng._validators import typed_fields
from minzheng.codes import CodeEnum
from minzheng.dates import Month
from minzheng.money import TO_FEN, Period, Rate, RoundingPolicy, finite_amount
from minzheng.privacy import repr_key
from minzheng.rules import Citation, Instrument

__all__ = [
    "DIBAO_EXCLUDED_SOURCES",
    "DIBAO_INCOME_POLICY",
    "TEKUN_EXCLUDED_SOURCES",
    "TEKUN_INCOME_POLICY",
    "IncomeItem",
    "IncomeKind",
    "IncomePolicy",
    "IncomeSource",
    "PerCapitaIncome",
]


class IncomeKind(CodeEnum):
    """The four kinds of household income.

    >>> IncomeKind.TRANSFER.label("en")
    'Net transfer income'
    """

    WAGE = "wage", "工资性收入"
    BUSINESS = "business", "经营净收入"
    PROPERTY = "property", "财产净收入"
    TRANSFER = "transfer", "转移净收入"


class IncomeSource(CodeEnum):
    """Where an income item comes from; its :attr:`kind` follows.

    >>> IncomeSource.PENSION.kind
    <IncomeKind.TRANSFER: 'transfer'>
    """

    WAGE = "wage", "工资"
    BUSINESS = "business", "生产经营收入"
    PROPERTY = "property", "财产性收入"
    PENSION = "pension", "养老金"
    BASIC_PENSION = "basic_pension", "城乡居民基本养老保险基础养老金"
    SUPPORT_PAYMENT = "support_payment", "赡养费、抚养费、扶养费"
    SOCIAL_ASSISTANCE = "social_assistance", "政府发放的社会救助款物"
    DISABILITY_SUBSIDY = "disability_subsidy", "残疾人两项补贴"
    PREFERENTIAL_PAYMENT = "preferential_payment", "优待抚恤金"
    FAMILY_PLANNING = "family_planning", "计划生育奖励与扶助金"
    SCHOLARSHIP = "scholarship", "奖学金、助学金"
    BRAVERY_REWARD = "bravery_reward", "见义勇为等奖励性收入"
    OLD_AGE_ALLOWANCE = "old_age_allowance", "高龄津贴"
    OTHER_TRANSFER = "other_transfer", "其他转移性收入"

    @property
    def kind(self) -> IncomeKind:
        """The kind of income this source is.

        >>> IncomeSource.WAGE.kind.value
        'wage'
        """
        if self is IncomeSource.WAGE:
            return IncomeKind.WAGE
        if self is IncomeSource.BUSINESS:
            return IncomeKind.BUSINESS
        if self is IncomeSource.PROPERTY:
            return IncomeKind.PROPERTY
        return IncomeKind.TRANSFER


#: Not counted for 低保 (DOMAIN.md §4.4, 2021 national list as restated; 国发〔2015〕52号).
DIBAO_EXCLUDED_SOURCES = frozenset(
    {
        IncomeSource.PREFERENTIAL_PAYMENT,
        IncomeSource.FAMILY_PLANNING,
        IncomeSource.SCHOLARSHIP,
        IncomeSource.BRAVERY_REWARD,
        IncomeSource.SOCIAL_ASSISTANCE,
        IncomeSource.BASIC_PENSION,
        IncomeSource.DISABILITY_SUBSIDY,
    }
)
#: Not counted in 特困's "no means of living" test (DOMAIN.md §5.2, as restated by two provinces).
TEKUN_EXCLUDED_SOURCES = frozenset(
    {IncomeSource.BASIC_PENSION, IncomeSource.PREFERENTIAL_PAYMENT, IncomeSource.OLD_AGE_ALLOWANCE}
)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class IncomePolicy:
    """What counts as income, and how.

    Attributes:
        excluded: sources not counted.
        earned_deduction: share of wage and business income deducted as employment
            costs (local; 0 by default).
        rounding: applied when a yearly amount does not divide into months evenly.
        citation: where the policy comes from.

    >>> IncomePolicy(earned_deduction=Decimal("0.3")).earned_deduction
    Decimal('0.3')
    """

    excluded: frozenset[IncomeSource] = DIBAO_EXCLUDED_SOURCES
    earned_deduction: Decimal = attrs.field(default=Decimal(0), validator=finite_amount)
    rounding: RoundingPolicy = TO_FEN
    citation: Citation | None = None


DIBAO_INCOME_POLICY = IncomePolicy(
    excluded=DIBAO_EXCLUDED_SOURCES, citation=Citation(instrument=Instrument.DIBAO_REVIEW_MEASURES)
)
TEKUN_INCOME_POLICY = IncomePolicy(
    excluded=TEKUN_EXCLUDED_SOURCES, citation=Citation(instrument=Instrument.TEKUN_RECOGNITION_2021)
)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class IncomeItem:
    """One income of one person: its source, amount per month or year, and the months it covers.

    ``start`` / ``end`` are inclusive months (``None`` = open). ``stable`` marks income
    that does not vary much (it drives the review frequency).

    >>> IncomeItem(person_id="H", source=IncomeSource.WAGE, amount=Rate.monthly("1"),
    ...            start=Month(2025, 3)).in_month(Month(2025, 2))
    False
    """

    person_id: str = attrs.field(repr=repr_key)
    source: IncomeSource
    amount: Rate
    start: Month | None = None
    end: Month | None = None
    stable: bool = True

    def in_month(self, month: Month) -> bool:
        """Whether the item covers ``month``.

        >>> IncomeItem(person_id="H", source=IncomeSource.WAGE, amount=Rate.monthly("1")).in_month(Month(2030, 1))
        True
        """
        return (self.start is None or self.start <= month) and (
            self.end is None or month <= self.end
        )

    def countable_monthly(self, policy: IncomePolicy) -> Decimal:
        """The amount counted per month under ``policy`` (0 when excluded).

        >>> IncomeItem(person_id="H", source=IncomeSource.WAGE, amount=Rate.yearly("10000")
        ...            ).countable_monthly(IncomePolicy(earned_deduction=Decimal("0.3")))
        Decimal('583.33')
        """
        if self.source in policy.excluded:
            return Decimal(0)
        monthly = self.amount.to(Period.MONTH, rounding=policy.rounding).amount
        if policy.earned_deduction and self.source.kind in (IncomeKind.WAGE, IncomeKind.BUSINESS):
            monthly = policy.rounding(monthly * (1 - policy.earned_deduction))
        return monthly


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PerCapitaIncome:
    """Monthly income per member, kept exact as ``total`` over ``members``.

    Comparisons with a standard cross-multiply (``total < standard × members``), so
    nothing is rounded before it is compared; :meth:`rounded` is for display.

    >>> pc = PerCapitaIncome(total=Decimal("2000"), members=3)
    >>> pc.rounded(), pc.below(Decimal("666.67")), pc.below(Decimal("666.66"))
    (Decimal('666.67'), True, False)
    """

    total: Decimal = attrs.field(validator=finite_amount)
    members: int = attrs.field(validator=within(0, MAX_PERSONS))

    @property
    def exact(self) -> Fraction:
        """The exact per-capita income as a fraction (0 when there are no members).

        >>> PerCapitaIncome(total=Decimal("1000"), members=3).exact
        Fraction(1000, 3)
        """
        if self.members == 0:
            return Fraction(0)
        return Fraction(self.total) / self.members

    def rounded(self, rounding: RoundingPolicy = TO_FEN) -> Decimal:
        """Rounded for display (to the fen by default).

        >>> PerCapitaIncome(total=Decimal("2000"), members=4).rounded()
        Decimal('500.00')
        """
        if self.members == 0:
            return rounding(Decimal(0))
        return rounding(self.total / self.members)

    def below(self, amount: Decimal) -> bool:
        """Per-capita income < ``amount`` (exact).

        >>> PerCapitaIncome(total=Decimal("2860"), members=4).below(Decimal("715"))
        False
        """
        return self.total < amount * self.members
