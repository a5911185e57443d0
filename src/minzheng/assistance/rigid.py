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
from collections.abc import Collection
from decimal import Decimal
from typing import Any

from minzheng.dates import Month, statutory_deadline
from minzheng.i18n import format_percent
from minzheng.money import TO_FEN, Rate, share
from minzheng.people import (
    DIBAO_INCOME_POLICY,
    NO_PROPERTY_TEST,
    Household,
    PerCapitaIncome,
    PropertyTest,
    countable_income,
)
from minzheng.people.income import IncomePolicy
from minzheng.programmes import Programme
from minzheng.rules import Citation, Decision, Instrument, Reason

__all__ = ["EXCLUDING_PROGRAMMES", "decide_rigid_expenditure"]

_MEASURES = Citation(instrument=Instrument.RIGID_EXPENDITURE_MEASURES)
#: Households in these programmes are not recognised again as rigid-expenditure households.
EXCLUDING_PROGRAMMES = frozenset({Programme.DIBAO, Programme.TEKUN, Programme.DIBAO_EDGE})


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
    valid_months: int = 12,
) -> Decision:
    """Recognise (or not) a household in hardship from rigid expenditure.

    Args:
        household: the applicant household.
        on: the application date (recognition runs ``valid_months`` from it).
        disposable_income_last_year: last year's local per-capita disposable income.
        rigid_expenditure_12m: rigid expenditure in the 12 months before ``on``.
        income_12m: total household income in the same 12 months.
        ratio_threshold: the local share of income above which expenditure is "rigid hardship".
        in_programmes: programmes the household is already in.
        income: income policy for the per-capita test.
        property_test: local property rule.
        valid_months: validity of a recognition (12, the usual maximum).

    >>> from minzheng.assistance.temporary import example_three_person_household
    >>> decide_rigid_expenditure(example_three_person_household(), on=datetime.date(2025, 5, 6),
    ...     disposable_income_last_year=Rate.yearly("24000"), rigid_expenditure_12m=Decimal("1000"),
    ...     income_12m=Decimal("36000"), ratio_threshold=Decimal("0.6"),
    ...     in_programmes=[Programme.DIBAO]).reason_codes()
    ('rigid.in_other_programme',)
    """
    base: dict[str, Any] = {
        "programme": Programme.RIGID_EXPENDITURE,
        "on": on,
        "subject": household.household_id,
    }
    excluded_by = [p for p in in_programmes if p in EXCLUDING_PROGRAMMES]
    if excluded_by:
        reason = Reason(
            code="rigid.in_other_programme",
            params={"programme": excluded_by[0]},
            citation=_MEASURES,
            met=False,
        )
        return Decision(eligible=False, reasons=(reason,), **base)
    members = household.included_on(on)
    total, _ = countable_income(
        household.incomes, {p.person_id for p in members}, Month.of(on), income
    )
    pc = PerCapitaIncome(total=total, members=len(members))
    threshold = disposable_income_last_year.to("month", rounding=TO_FEN).amount
    income_ok = pc.below(threshold)
    reasons = [
        Reason(
            code="rigid.income_below" if income_ok else "rigid.income_not_below",
            met=income_ok,
            params={"income": pc.rounded(), "threshold": threshold},
            citation=_MEASURES,
        )
    ]
    property_ok, property_reasons = property_test.check(
        assets=household.assets, members=len(members), standard=disposable_income_last_year
    )
    reasons.extend(property_reasons)
    ratio = share(rigid_expenditure_12m, income_12m) if income_12m > 0 else None
    above = ratio is None or ratio > ratio_threshold
    reasons.append(
        Reason(
            code="rigid.ratio_above" if above else "rigid.ratio_not_above",
            met=above,
            citation=_MEASURES,
            params={
                "expenditure": rigid_expenditure_12m,
                "income": income_12m,
                "ratio": format_percent(ratio) if ratio is not None else "∞",
                "threshold": format_percent(ratio_threshold),
            },
        )
    )
    if not (income_ok and property_ok and above):
        return Decision(eligible=False, reasons=tuple(reasons), **base)
    until = statutory_deadline(on, months=valid_months)
    reasons.append(Reason(code="rigid.valid_until", params={"until": until}, citation=_MEASURES))
    return Decision(eligible=True, reasons=tuple(reasons), valid_until=until, **base)
