"""低保边缘家庭: not in 低保 or 特困, per-capita income below 1.5 × the 低保 standard, property within limits.

The multiple is the book's derivation for :attr:`Programme.DIBAO_EDGE` (1.5 by
default; 2 in some places — DOMAIN.md §4.7). At the 715 standard the line is
1,072.5.

>>> import datetime
>>> from minzheng.assistance.dibao import example_edge_household
>>> from minzheng.codes import Area
>>> from minzheng.money import Rate
>>> from minzheng.standards import Standard, StandardsBook
>>> book = StandardsBook([Standard(programme="dibao", division="620000", area=Area.URBAN,
...                                rate=Rate.monthly("715"), effective=datetime.date(2025, 1, 1))])
>>> d = decide_dibao_edge(example_edge_household(), on=datetime.date(2025, 3, 1), book=book)
>>> d.eligible, d.reason_codes()[-1]
(True, 'dibao.property_ok')
"""

from __future__ import annotations

import datetime

from minzheng.dates import Month
from minzheng.money import TO_FEN, RoundingPolicy
from minzheng.people import (
    NO_PROPERTY_TEST,
    Household,
    PerCapitaIncome,
    PropertyTest,
    countable_income,
)
from minzheng.people.income import DIBAO_INCOME_POLICY, IncomePolicy
from minzheng.programmes import Programme
from minzheng.rules import Citation, Decision, Instrument, Ruling
from minzheng.standards import StandardsBook

__all__ = ["decide_dibao_edge"]

_NOTICE = Citation(instrument=Instrument.BASIC_LIVING_NOTICE_2020)


def decide_dibao_edge(
    household: Household,
    *,
    on: datetime.date,
    book: StandardsBook,
    income: IncomePolicy = DIBAO_INCOME_POLICY,
    property_test: PropertyTest = NO_PROPERTY_TEST,
    rounding: RoundingPolicy = TO_FEN,
) -> Decision:
    """Whether the household is a 低保边缘家庭 on ``on``.

    A household whose per-capita income is below the 低保 standard is not an edge
    household (it belongs in 低保); recognition carries no cash amount of its own.
    A yearly standard that does not divide by 12 is rounded by ``rounding`` (named
    in the reasons).

    >>> from minzheng.assistance.dibao import example_household
    >>> from minzheng.codes import Area
    >>> from minzheng.money import Rate
    >>> from minzheng.standards import Standard, StandardsBook
    >>> book = StandardsBook([Standard(programme="dibao", division="620000", area=Area.URBAN,
    ...                                rate=Rate.monthly("715"), effective=datetime.date(2025, 1, 1))])
    >>> decide_dibao_edge(example_household(), on=datetime.date(2025, 3, 1), book=book).reason_codes()[-1]
    'edge.dibao_eligible'
    """
    ruling = Ruling(
        matter=Programme.DIBAO_EDGE, on=on, subject=household.household_id, citation=_NOTICE
    )
    dibao = book.amount(Programme.DIBAO, household.division, on=on, area=household.area)
    line = book.amount(Programme.DIBAO_EDGE, household.division, on=on, area=household.area)
    ruling.standard = line
    decisions = household.members_on(on)
    ruling.extend(d.reason for d in decisions)
    members = {d.person.person_id for d in decisions if d.included}
    total, excluded = countable_income(household.incomes, members, Month.of(on), income)
    ruling.extend(excluded)
    pc = PerCapitaIncome(total=total, members=len(members))
    if not members or pc.below(ruling.monthly(dibao.rate, rounding)):
        return ruling.deny("edge.dibao_eligible")
    below = ruling.check(
        pc.below(ruling.monthly(line.rate, rounding)),
        "edge.below_line",
        "edge.not_below_line",
        income=pc.rounded(),
        line=line.rate,
        multiple=line.multiple or "",
    )
    if not below:
        return ruling.decide(False)
    ok, property_reasons = property_test.check(
        assets=household.assets, members=len(members), standard=dibao.rate
    )
    ruling.extend(property_reasons)
    return ruling.decide(ok)
