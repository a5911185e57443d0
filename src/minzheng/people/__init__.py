"""People and households: persons, membership, obligors, income, assets and the means test.

>>> import datetime
>>> from minzheng.codes import Area, Relationship
>>> from minzheng.money import Rate
>>> from minzheng.dates import Month
>>> head = Person(person_id="H", birth_date=datetime.date(1980, 1, 1))
>>> hh = Household(household_id="HH", division="620521", area=Area.URBAN,
...                members=(Membership(person=head, relationship=Relationship.HEAD),),
...                incomes=(IncomeItem(person_id="H", source=IncomeSource.WAGE,
...                                    amount=Rate.monthly("600")),))
>>> per_capita_monthly_income(hh, Month(2025, 1)).rounded()
Decimal('600.00')
"""

from minzheng.people.assets import (
    NO_PROPERTY_TEST,
    Asset,
    AssetKind,
    AssetLimits,
    NoPropertyTest,
    PropertyTest,
)
from minzheng.people.household import DutyKind, Household, MemberDecision, Membership, Obligor
from minzheng.people.income import (
    DIBAO_EXCLUDED_SOURCES,
    DIBAO_INCOME_POLICY,
    TEKUN_EXCLUDED_SOURCES,
    TEKUN_INCOME_POLICY,
    IncomeItem,
    IncomeKind,
    IncomePolicy,
    IncomeSource,
    PerCapitaIncome,
)
from minzheng.people.means import countable_income, per_capita_monthly_income
from minzheng.people.person import (
    Absence,
    AbsenceKind,
    Disability,
    Education,
    Person,
    WorkCapacity,
)

__all__ = [
    "DIBAO_EXCLUDED_SOURCES",
    "DIBAO_INCOME_POLICY",
    "NO_PROPERTY_TEST",
    "TEKUN_EXCLUDED_SOURCES",
    "TEKUN_INCOME_POLICY",
    "Absence",
    "AbsenceKind",
    "Asset",
    "AssetKind",
    "AssetLimits",
    "Disability",
    "DutyKind",
    "Education",
    "Household",
    "IncomeItem",
    "IncomeKind",
    "IncomePolicy",
    "IncomeSource",
    "MemberDecision",
    "Membership",
    "NoPropertyTest",
    "Obligor",
    "PerCapitaIncome",
    "Person",
    "PropertyTest",
    "WorkCapacity",
    "countable_income",
    "per_capita_monthly_income",
]
