"""刚性支出困难家庭 — hardship from rigid expenditure (MCA 2024; DOMAIN.md §4.9).

All of: not in 低保 or 特困 and not a 低保边缘 household; per-capita income below
last year's local per-capita disposable income; property within local limits;
rigid expenditure (basic living, medical, education, rehabilitation) in the 12
months before the application above a locally set share of household income.
Recognition is valid for up to 12 months.

>>> import datetime
>>> from decimal import Decimal
>>> from minzheng.assistance.temporary import example_three_person_household
>>> from minzheng.money import Rate
>>> d = decide_rigid_expenditure(
...     example_three_person_household(), on=datetime.date(2025, 5, 6),
...     disposable_income_last_year=Rate.yearly("24000"),
...     rigid_expenditure_12m=Decimal("30000"), income_12m=Decimal("36000"),
...     ratio_threshold=Decimal("0.6"))
>>> d.eligible, d.valid_until
(True, datetime.date(2026, 5, 6))
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Sequence
from decimal import Decimal

import attrs

from minzheng._bounds import MAX_MONTHS, within
from minzheng._validators import typed_fields
from minzheng.dates import Month, statutory_deadline
from minzheng.i18n import format_percent
from minzheng.money import TO_FEN, Rate, parse_amount, share
from minzheng.people import (
    DIBAO_INCOME_POLICY,
    NO_PROPERTY_TEST,
    Household,
    PerCapitaIncome,
    Person,
    PropertyTest,
    countable_income,
)
from minzheng.people.income import IncomePolicy
from minzheng.programmes import Programme
from minzheng.rules import Citation, Decision, Instrument, Ruling, as_date

__all__ = ["EXCLUDING_PROGRAMMES", "RIGID_2024", "RigidRules", "decide_rigid_expenditure"]

_MEASURES = Citation(instrument=Instrument.RIGID_EXPENDITURE_MEASURES)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RigidRules:
    """One version of the 刚性支出困难家庭认定办法: who is excluded, the look-back, the validity.

    MCA, announced 2024-11-01 (DOMAIN.md §4.9; document number UNVERIFIED):
    households in 低保, 特困 or recognised as 低保边缘 are not recognised again;
    rigid expenditure is counted over the 12 months before the application;
    recognition is valid normally up to 12 months.

    >>> RIGID_2024.valid_months, RIGID_2024.effective
    (12, datetime.date(2024, 11, 1))
    """

    name: str
    instrument: Instrument
    effective: datetime.date
    excluding: frozenset[Programme]
    lookback_months: int = attrs.field(default=12, validator=within(0, MAX_MONTHS))
    valid_months: int = attrs.field(default=12, validator=within(0, MAX_MONTHS))

    @property
    def citation(self) -> Citation:
        """The instrument of this version.

        >>> RIGID_2024.citation.render()
        '《刚性支出困难家庭认定办法》'
        """
        return Citation(instrument=self.instrument)


RIGID_2024 = RigidRules(
    name="刚性支出困难家庭认定办法（2024年）",
    instrument=Instrument.RIGID_EXPENDITURE_MEASURES,
    effective=datetime.date(2024, 11, 1),
    excluding=frozenset({Programme.DIBAO, Programme.TEKUN, Programme.DIBAO_EDGE}),
)
#: Households in these programmes are not recognised again as rigid-expenditure households.
EXCLUDING_PROGRAMMES = RIGID_2024.excluding


def _income_test(
    ruling: Ruling,
    household: Household,
    members: Sequence[Person],
    disposable_income_last_year: Rate,
    income: IncomePolicy,
) -> bool:
    """Per-capita income below last year's local per-capita disposable income (monthly)."""
    ids = {p.person_id for p in members}
    total, _ = countable_income(household.incomes, ids, Month.of(ruling.on), income)
    pc = PerCapitaIncome(total=total, members=len(members))
    threshold = disposable_income_last_year.to("month", rounding=TO_FEN).amount
    return ruling.check(
        pc.below(threshold),
        "rigid.income_below",
        "rigid.income_not_below",
        income=pc.rounded(),
        threshold=threshold,
    )


def _ratio_test(ruling: Ruling, spent: Decimal, earned: Decimal, threshold: Decimal) -> bool:
    """Rigid expenditure over 12 months above the local share of income (no income: above)."""
    ratio = share(spent, earned) if earned > 0 else None
    return ruling.check(
        ratio is None or ratio > threshold,
        "rigid.ratio_above",
        "rigid.ratio_not_above",
        expenditure=spent,
        income=earned,
        ratio=format_percent(ratio) if ratio is not None else "∞",
        threshold=format_percent(threshold),
    )


def decide_rigid_expenditure(
    household: Household,
    *,
    on: datetime.date,
    disposable_income_last_year: Rate,
    rigid_expenditure_12m: Decimal,
    income_12m: Decimal,
    ratio_threshold: Decimal,
    in_programmes: Collection[Programme] = (),
    income: IncomePolicy = DIBAO_INCOME_POLICY,
    property_test: PropertyTest = NO_PROPERTY_TEST,
    valid_months: int | None = None,
    rules: RigidRules = RIGID_2024,
) -> Decision:
    """Recognise (or not) a household in hardship from rigid expenditure.

    Args:
        household: the applicant household.
        on: the application date (recognition runs ``valid_months`` from it).
        disposable_income_last_year: last year's local per-capita disposable income.
        rigid_expenditure_12m: rigid expenditure in the 12 months before ``on``.
        income_12m: total household income in the same 12 months.
        ratio_threshold: the local share of income above which expenditure is "rigid hardship".
        in_programmes: programmes the household is already in (codes or members).
        income: income policy for the per-capita test.
        property_test: local property rule.
        valid_months: validity of a recognition (default: ``rules.valid_months``, 12).
        rules: the version of the national rules.

    >>> from minzheng.assistance.temporary import example_three_person_household
    >>> decide_rigid_expenditure(example_three_person_household(), on=datetime.date(2025, 5, 6),
    ...     disposable_income_last_year=Rate.yearly("24000"), rigid_expenditure_12m=Decimal("1000"),
    ...     income_12m=Decimal("36000"), ratio_threshold=Decimal("0.6"),
    ...     in_programmes=[Programme.DIBAO]).reason_codes()
    ('rigid.in_other_programme',)
    """
    ruling = Ruling(
        matter=Programme.RIGID_EXPENDITURE,
        on=as_date(on),
        subject=household.household_id,
        citation=rules.citation,
        rule_version=rules.name,
    )
    expenditure = parse_amount(rigid_expenditure_12m, field="rigid_expenditure_12m")
    earned = parse_amount(income_12m, field="income_12m")
    excluded_by = [p for p in map(Programme.from_code, in_programmes) if p in rules.excluding]
    if excluded_by:
        return ruling.deny("rigid.in_other_programme", programme=excluded_by[0])
    members = household.included_on(on)
    income_ok = _income_test(ruling, household, members, disposable_income_last_year, income)
    property_ok, property_reasons = property_test.check(
        assets=household.assets, members=len(members), standard=disposable_income_last_year
    )
    ruling.extend(property_reasons)
    above = _ratio_test(ruling, expenditure, earned, ratio_threshold)
    if not (income_ok and property_ok and above):
        return ruling.decide(False)
    until = statutory_deadline(on, months=valid_months or rules.valid_months)
    ruling.note("rigid.valid_until", until=until)
    return ruling.decide(True, valid_until=until)
