"""The means test's arithmetic: countable income of the members who count, per head, exactly.

>>> import datetime
>>> from minzheng.codes import Area, Relationship
>>> from minzheng.money import Rate
>>> head = Person(person_id="H", birth_date=datetime.date(1985, 1, 1))
>>> hh = Household(household_id="HH", division="620521", area=Area.URBAN,
...     members=(Membership(person=head, relationship=Relationship.HEAD),
...              Membership(person=Person(person_id="W", birth_date=datetime.date(1987, 1, 1)),
...                         relationship=Relationship.WIFE)),
...     incomes=(IncomeItem(person_id="H", source=IncomeSource.WAGE, amount=Rate.monthly("1000")),))
>>> pc = per_capita_monthly_income(hh, Month(2025, 3))
>>> pc.total, pc.members, pc.rounded()
(Decimal('1000'), 2, Decimal('500.00'))
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal

from minzheng.dates import Month
from minzheng.people.household import Household, Membership
from minzheng.people.income import (
    DIBAO_INCOME_POLICY,
    IncomeItem,
    IncomePolicy,
    IncomeSource,
    PerCapitaIncome,
)
from minzheng.people.person import Person
from minzheng.rules import Reason

__all__ = ["Membership", "countable_income", "per_capita_monthly_income"]


def countable_income(
    items: Sequence[IncomeItem], person_ids: set[str], month: Month, policy: IncomePolicy
) -> tuple[Decimal, tuple[Reason, ...]]:
    """Total countable monthly income of ``person_ids`` in ``month``, and a reason per excluded source.

    >>> from minzheng.money import Rate
    >>> items = [IncomeItem(person_id="A", source=IncomeSource.SOCIAL_ASSISTANCE, amount=Rate.monthly("300"))]
    >>> total, reasons = countable_income(items, {"A"}, Month(2025, 1), DIBAO_INCOME_POLICY)
    >>> total, reasons[0].code
    (Decimal('0'), 'income.excluded')
    """
    total = Decimal(0)
    excluded: list[IncomeSource] = []
    for item in items:
        if item.person_id not in person_ids or not item.in_month(month):
            continue
        if item.source in policy.excluded:
            if item.source not in excluded:
                excluded.append(item.source)
            continue
        total += item.countable_monthly(policy)
    reasons = tuple(
        Reason(
            code="income.excluded", params={"source": source}, citation=policy.citation, met=None
        )
        for source in excluded
    )
    return total, reasons


def per_capita_monthly_income(
    household: Household,
    month: Month,
    *,
    policy: IncomePolicy = DIBAO_INCOME_POLICY,
    on: datetime.date | None = None,
    members: Sequence[Person] | None = None,
) -> PerCapitaIncome:
    """Monthly countable income per member in ``month``, exact.

    Members are those who count on ``on`` (default: the month's first day) by
    :meth:`Household.members_on`, unless ``members`` is given (a single-person
    household, say).

    >>> from minzheng.codes import Area, Relationship
    >>> hh = Household(household_id="HH", division="620521", area=Area.RURAL,
    ...                members=(Membership(person=Person(person_id="H"), relationship=Relationship.HEAD),))
    >>> per_capita_monthly_income(hh, Month(2025, 1)).exact
    Fraction(0, 1)
    """
    people = household.included_on(on or month.first_day) if members is None else tuple(members)
    total, _ = countable_income(household.incomes, {p.person_id for p in people}, month, policy)
    return PerCapitaIncome(total=total, members=len(people))
