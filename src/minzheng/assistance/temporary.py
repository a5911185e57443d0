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
from collections.abc import Collection, Mapping
from decimal import Decimal
from typing import Any

import attrs

from minzheng._validators import typed_fields
from minzheng.codes import Area, CodeEnum, Relationship
from minzheng.errors import InvalidValue
from minzheng.money import TO_FEN, RoundingPolicy, parse_amount
from minzheng.people import Household, Membership, Person
from minzheng.programmes import Programme
from minzheng.rules import Citation, Decision, Instrument, Ruling, as_date
from minzheng.standards import StandardsBook

__all__ = [
    "TemporaryBasis",
    "TemporaryPolicy",
    "decide_temporary",
    "example_three_person_household",
]

_ART47 = Citation(instrument=Instrument.INTERIM_MEASURES, article=47)
_LOCAL = Citation(instrument=Instrument.LOCAL_RULE)
_KINDS = (Programme.TEMPORARY_EMERGENCY, Programme.TEMPORARY_EXPENDITURE)


class TemporaryBasis(CodeEnum):
    """How a cap is counted: per household member, per person affected, or per incident (§6).

    急难型 assistance is usually given per person or per incident, 支出型 per
    household (民发〔2018〕23号 terminology, DOMAIN.md §6).

    >>> TemporaryBasis.INCIDENT.label("en")
    'Per incident'
    """

    HOUSEHOLD = "household", "按户"
    PERSON = "person", "按人"
    INCIDENT = "incident", "按次"


def _default_basis() -> dict[Programme, TemporaryBasis]:
    return {
        Programme.TEMPORARY_EMERGENCY: TemporaryBasis.PERSON,
        Programme.TEMPORARY_EXPENDITURE: TemporaryBasis.HOUSEHOLD,
    }


def _check_months(_: object, attribute: attrs.Attribute[Any], value: Mapping[Any, int]) -> None:
    for months in value.values():
        if isinstance(months, bool) or not isinstance(months, int) or months < 0:
            raise InvalidValue("value.invalid", field=attribute.name, value=months)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TemporaryPolicy:
    """Local caps and floors, in months of the monthly 低保 standard, per kind, and how they count.

    The cap is ``months × standard`` times the household size (``HOUSEHOLD``), the
    people affected (``PERSON``; all members unless the decision names them) or
    once (``INCIDENT``). The floor (Shenzhen Longhua: at least 2 months for 支出型)
    is 0 unless set.

    >>> TemporaryPolicy().cap_months[Programme.TEMPORARY_EXPENDITURE]
    12
    """

    cap_months: dict[Programme, int] = attrs.field(
        factory=lambda: {Programme.TEMPORARY_EMERGENCY: 12, Programme.TEMPORARY_EXPENDITURE: 12},
        validator=_check_months,
    )
    floor_months: dict[Programme, int] = attrs.field(factory=dict, validator=_check_months)
    basis: dict[Programme, TemporaryBasis] = attrs.field(factory=_default_basis)
    rounding: RoundingPolicy = TO_FEN


def _kind(kind: object) -> Programme:
    programme = Programme.from_code(kind)
    if programme not in _KINDS:
        raise InvalidValue("value.invalid", field="kind", value=programme.value)
    return programme


def _heads(
    household: Household, on: datetime.date, basis: TemporaryBasis, persons: Collection[str] | None
) -> int:
    """How many people the cap counts: the members, the persons named, or one incident."""
    if basis is TemporaryBasis.INCIDENT:
        return 1
    if basis is TemporaryBasis.PERSON and persons is not None:
        return len({household.person(p).person_id for p in persons})
    return len(household.included_on(on))


def decide_temporary(
    household: Household,
    *,
    kind: Programme,
    need: Decimal,
    on: datetime.date,
    book: StandardsBook,
    persons: Collection[str] | None = None,
    policy: TemporaryPolicy = TemporaryPolicy(),
) -> Decision:
    """A one-off amount: the assessed ``need``, up to the cap (and at least the floor).

    ``persons`` names the people an emergency struck when the cap counts per
    person (default: every member). A ``kind`` that is not a temporary-assistance
    programme raises :class:`~minzheng.errors.UnknownCode` or
    :class:`~minzheng.errors.InvalidValue`.

    >>> from minzheng.codes import Area
    >>> from minzheng.money import Rate
    >>> from minzheng.standards import Standard, StandardsBook
    >>> book = StandardsBook([Standard(programme="dibao", division="620000", area=Area.URBAN,
    ...                                rate=Rate.monthly("715"), effective=datetime.date(2025, 1, 1))])
    >>> decide_temporary(example_three_person_household(), kind=Programme.TEMPORARY_EMERGENCY,
    ...                  need=Decimal("3000"), on=datetime.date(2025, 5, 1), book=book).one_off
    Decimal('3000.00')
    >>> decide_temporary(example_three_person_household(), kind=Programme.TEMPORARY_EMERGENCY,
    ...                  need=Decimal("30000"), on=datetime.date(2025, 5, 1), book=book,
    ...                  persons=["C"]).one_off
    Decimal('8580.00')
    """
    kind = _kind(kind)
    need = parse_amount(need, field="need")
    ruling = Ruling(matter=kind, on=as_date(on), subject=household.household_id, citation=_LOCAL)
    standard = book.amount(Programme.DIBAO, household.division, on=on, area=household.area)
    ruling.standard = standard
    monthly = ruling.monthly(standard.rate, policy.rounding)
    months = policy.cap_months.get(kind, 0)
    basis = policy.basis.get(kind, TemporaryBasis.HOUSEHOLD)
    heads = _heads(household, on, basis, persons)
    cap = monthly * months * heads
    ruling.note("temporary.kind", citation=_ART47, kind=kind)
    if basis is TemporaryBasis.INCIDENT:
        ruling.note("temporary.cap_incident", months=months, standard_amount=monthly, cap=cap)
    else:
        ruling.note("temporary.cap", months=months, standard_amount=monthly, members=heads, cap=cap)
    if not ruling.check(
        need > 0, "temporary.need", "temporary.no_need", citation=_ART47, need=need
    ):
        return ruling.decide(False)
    amount = min(need, cap)
    if need > cap:
        ruling.note("temporary.capped", cap=cap)
    floor = monthly * policy.floor_months.get(kind, 0) * heads
    if amount < floor:
        amount = floor
        ruling.note("temporary.floor", floor=floor)
    return ruling.decide(amount > 0, one_off=policy.rounding(amount))


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
