"""临时救助: emergency (急难型) and expenditure (支出型) temporary assistance, capped by local multiples.

Interim Measures arts. 47–49; 国发〔2014〕47号; 民发〔2018〕23号. Caps are local
multiples of the monthly 低保 standard times the household size (DOMAIN.md §6);
the default cap of 12 months is the Shenzhen Longhua example — a parameter.

Worked example (§6): standard 715, a household of three, cap 12 × 715 × 3 = 25,740.

>>> import datetime
>>> from decimal import Decimal
>>> from minzheng.codes import Area
>>> from minzheng.money import Rate
>>> from minzheng.standards import Standard, StandardsBook
>>> book = StandardsBook([Standard(programme="dibao", division="620000", area=Area.URBAN,
...                                rate=Rate.monthly("715"), effective=datetime.date(2025, 1, 1))])
>>> d = decide_temporary(example_three_person_household(), kind=Programme.TEMPORARY_EXPENDITURE,
...                      need=Decimal("40000"), on=datetime.date(2025, 5, 1), book=book)
>>> d.eligible, d.one_off
(True, Decimal('25740.00'))
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import attrs

from minzheng.codes import Area, Relationship
from minzheng.errors import InvalidValue
from minzheng.money import TO_FEN, RoundingPolicy
from minzheng.people import Household, Membership, Person
from minzheng.programmes import Programme
from minzheng.rules import Citation, Decision, Instrument, Reason
from minzheng.standards import StandardsBook

__all__ = ["TemporaryPolicy", "decide_temporary", "example_three_person_household"]

_ART47 = Citation(instrument=Instrument.INTERIM_MEASURES, article=47)
_LOCAL = Citation(instrument=Instrument.LOCAL_RULE)
_KINDS = (Programme.TEMPORARY_EMERGENCY, Programme.TEMPORARY_EXPENDITURE)


@attrs.frozen(kw_only=True)
class TemporaryPolicy:
    """Local caps and floors, in months of the monthly 低保 standard × household size, per kind.

    The floor (Shenzhen Longhua: at least 2 months for 支出型) is 0 unless set.

    >>> TemporaryPolicy().cap_months[Programme.TEMPORARY_EXPENDITURE]
    12
    """

    cap_months: dict[Programme, int] = attrs.field(
        factory=lambda: {Programme.TEMPORARY_EMERGENCY: 12, Programme.TEMPORARY_EXPENDITURE: 12}
    )
    floor_months: dict[Programme, int] = attrs.field(factory=dict)
    rounding: RoundingPolicy = TO_FEN


def decide_temporary(
    household: Household,
    *,
    kind: Programme,
    need: Decimal,
    on: datetime.date,
    book: StandardsBook,
    policy: TemporaryPolicy = TemporaryPolicy(),
) -> Decision:
    """A one-off amount: the assessed ``need``, up to the cap.

    >>> from minzheng.codes import Area
    >>> from minzheng.money import Rate
    >>> from minzheng.standards import Standard, StandardsBook
    >>> book = StandardsBook([Standard(programme="dibao", division="620000", area=Area.URBAN,
    ...                                rate=Rate.monthly("715"), effective=datetime.date(2025, 1, 1))])
    >>> decide_temporary(example_three_person_household(), kind=Programme.TEMPORARY_EMERGENCY,
    ...                  need=Decimal("3000"), on=datetime.date(2025, 5, 1), book=book).one_off
    Decimal('3000.00')
    """
    if kind not in _KINDS:
        raise InvalidValue("value.invalid", field="kind", value=kind.value)
    standard = book.amount(Programme.DIBAO, household.division, on=on, area=household.area)
    members = len(household.included_on(on))
    months = policy.cap_months[kind]
    cap = standard.monthly * months * members
    reasons = [
        Reason(code="temporary.kind", params={"kind": kind}, citation=_ART47),
        Reason(
            code="temporary.cap",
            citation=_LOCAL,
            params={
                "months": months,
                "standard_amount": standard.monthly,
                "members": members,
                "cap": cap,
            },
        ),
    ]
    base: dict[str, Any] = {
        "programme": kind,
        "on": on,
        "subject": household.household_id,
        "standard": standard,
    }
    if need <= 0:
        reasons.append(Reason(code="temporary.no_need", citation=_ART47, met=False))
        return Decision(eligible=False, reasons=tuple(reasons), **base)
    reasons.append(Reason(code="temporary.need", params={"need": need}, citation=_ART47, met=True))
    amount = min(need, cap)
    if need > cap:
        reasons.append(Reason(code="temporary.capped", params={"cap": cap}, citation=_LOCAL))
    floor = standard.monthly * policy.floor_months.get(kind, 0) * members
    if amount < floor:
        amount = floor
        reasons.append(Reason(code="temporary.floor", params={"floor": floor}, citation=_LOCAL))
    return Decision(eligible=True, one_off=policy.rounding(amount), reasons=tuple(reasons), **base)


def example_three_person_household() -> Household:
    """Three people in urban 清水县 (DOMAIN.md §6's worked example).

    >>> len(example_three_person_household().members)
    3
    """
    return Household(
        household_id="HH-6",
        division="620521",
        area=Area.URBAN,
        members=(
            Membership(
                person=Person(person_id="A", birth_date=datetime.date(1980, 1, 1)),
                relationship=Relationship.HEAD,
            ),
            Membership(
                person=Person(person_id="B", birth_date=datetime.date(1982, 1, 1)),
                relationship=Relationship.WIFE,
            ),
            Membership(
                person=Person(person_id="C", birth_date=datetime.date(2012, 1, 1)),
                relationship=Relationship.SON,
            ),
        ),
    )
