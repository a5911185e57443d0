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
from typing import Any

from minzheng.dates import Month
from minzheng.people import (
    NO_PROPERTY_TEST,
    Household,
    PerCapitaIncome,
    PropertyTest,
    countable_income,
)
from minzheng.people.income import DIBAO_INCOME_POLICY, IncomePolicy
from minzheng.programmes import Programme
from minzheng.rules import Citation, Decision, Instrument, Reason
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
) -> Decision:
    """Whether the household is a 低保边缘家庭 on ``on``.

    A household whose per-capita income is below the 低保 standard is not an edge
    household (it belongs in 低保); recognition carries no cash amount of its own.

    >>> from minzheng.assistance.dibao import example_household
    >>> from minzheng.codes import Area
    >>> from minzheng.money import Rate
    >>> from minzheng.standards import Standard, StandardsBook
    >>> book = StandardsBook([Standard(programme="dibao", division="620000", area=Area.URBAN,
    ...                                rate=Rate.monthly("715"), effective=datetime.date(2025, 1, 1))])
    >>> decide_dibao_edge(example_household(), on=datetime.date(2025, 3, 1), book=book).reason_codes()[-1]
    'edge.dibao_eligible'
    """
    dibao = book.amount(Programme.DIBAO, household.division, on=on, area=household.area)
    line = book.amount(Programme.DIBAO_EDGE, household.division, on=on, area=household.area)
    decisions = household.members_on(on)
    members = [d.person for d in decisions if d.included]
    reasons = [d.reason for d in decisions]
    total, excluded = countable_income(
        household.incomes, {p.person_id for p in members}, Month.of(on), income
    )
    reasons.extend(excluded)
    pc = PerCapitaIncome(total=total, members=len(members))
    base: dict[str, Any] = {
        "programme": Programme.DIBAO_EDGE,
        "on": on,
        "subject": household.household_id,
        "standard": line,
    }
    if not members or pc.below(dibao.monthly):
        reasons.append(Reason(code="edge.dibao_eligible", citation=_NOTICE, met=False))
        return Decision(eligible=False, reasons=tuple(reasons), **base)
    below = pc.below(line.monthly)
    params = {"income": pc.rounded(), "line": line.rate, "multiple": line.multiple or ""}
    reasons.append(
        Reason(
            code="edge.below_line" if below else "edge.not_below_line",
            params=params,
            citation=_NOTICE,
            met=below,
        )
    )
    if not below:
        return Decision(eligible=False, reasons=tuple(reasons), **base)
    ok, property_reasons = property_test.check(
        assets=household.assets, members=len(members), standard=dibao.rate
    )
    reasons.extend(property_reasons)
    return Decision(eligible=ok, reasons=tuple(reasons), **base)
