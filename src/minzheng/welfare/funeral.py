"""Funeral: 丧葬补助 for 特困 people and the 惠民殡葬 basic-service waivers.

特困 support includes handling the funeral (Interim Measures art. 15(4)); other
groups' funeral subsidies are local. 惠民殡葬 waives the basic services — body
transport, cold storage, cremation, ashes storage, often an urn — for priority
groups, each item up to a local cap (DOMAIN.md §14.2). Items, caps and groups
are configuration.

>>> import datetime
>>> from decimal import Decimal
>>> from minzheng.people import Person
>>> policy = FuneralWaiverPolicy(caps={BasicFuneralService.CREMATION: Decimal("400"),
...                                    BasicFuneralService.TRANSPORT: Decimal("300")})
>>> d = decide_funeral_waiver(Person(person_id="P"), on=datetime.date(2025, 3, 1),
...     programmes={Programme.DIBAO}, charges={BasicFuneralService.CREMATION: Decimal("450"),
...                                            BasicFuneralService.TRANSPORT: Decimal("200")}, policy=policy)
>>> d.one_off
Decimal('600')
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Mapping
from decimal import Decimal

import attrs

from minzheng._validators import typed_fields
from minzheng.codes import CodeEnum
from minzheng.errors import InvalidAmount
from minzheng.money import parse_amount
from minzheng.people import Person
from minzheng.programmes import Programme
from minzheng.rules import Citation, Decision, Instrument, Ruling, as_date
from minzheng.standards import StandardsBook

__all__ = [
    "BasicFuneralService",
    "FuneralWaiverPolicy",
    "decide_funeral_subsidy",
    "decide_funeral_waiver",
]

_ART15 = Citation(instrument=Instrument.INTERIM_MEASURES, article=15)
_LOCAL = Citation(instrument=Instrument.LOCAL_RULE)


class BasicFuneralService(CodeEnum):
    """The basic funeral services 惠民殡葬 reduces or waives.

    >>> BasicFuneralService.COLD_STORAGE.label("en")
    'Cold storage of the body'
    """

    TRANSPORT = "transport", "遗体接运"
    COLD_STORAGE = "cold_storage", "遗体冷藏"
    CREMATION = "cremation", "遗体火化"
    ASHES_STORAGE = "ashes_storage", "骨灰寄存"
    URN = "urn", "骨灰盒"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class FuneralWaiverPolicy:
    """Which groups are waived, and the cap per service.

    >>> Programme.TEKUN in FuneralWaiverPolicy().groups
    True
    """

    groups: frozenset[Programme] = frozenset({Programme.DIBAO, Programme.TEKUN})
    caps: Mapping[BasicFuneralService, Decimal] = attrs.field(factory=dict)


def decide_funeral_subsidy(
    person: Person,
    *,
    on: datetime.date,
    book: StandardsBook,
    division: str,
    programmes: Collection[Programme],
    covered: frozenset[Programme] = frozenset({Programme.TEKUN}),
) -> Decision:
    """丧葬补助: a one-off amount from the book for the groups ``covered`` (特困 by default).

    >>> from minzheng.money import Rate
    >>> from minzheng.standards import Standard, StandardsBook
    >>> book = StandardsBook([Standard(programme="funeral_subsidy", division="620000", rate=Rate.monthly("3000"),
    ...                                effective=datetime.date(2025, 1, 1))])
    >>> decide_funeral_subsidy(Person(person_id="P"), on=datetime.date(2025, 3, 1), book=book, division="620724",
    ...                        programmes={Programme.TEKUN}).one_off
    Decimal('3000')
    """
    ruling = Ruling(
        matter=Programme.FUNERAL_SUBSIDY, on=as_date(on), subject=person.person_id, citation=_LOCAL
    )
    group = next((p for p in programmes if p in covered), None)
    if group is None:
        return ruling.deny("funeral.not_covered", person=person.label)
    ruling.standard = standard = book.amount(Programme.FUNERAL_SUBSIDY, division, on=on)
    amount = standard.rate.amount
    ruling.check(
        True,
        "funeral.covered",
        citation=_ART15 if group is Programme.TEKUN else _LOCAL,
        person=person.label,
        programme=group,
    )
    ruling.note("funeral.subsidy", amount=amount)
    return ruling.decide(True, one_off=amount)


def decide_funeral_waiver(
    person: Person,
    *,
    on: datetime.date,
    programmes: Collection[Programme],
    charges: Mapping[BasicFuneralService, Decimal],
    policy: FuneralWaiverPolicy,
) -> Decision:
    """惠民殡葬: the charges waived for a priority group, each service up to its cap.

    A charge is an amount (``Decimal``, ``int`` or text); a negative one raises
    :class:`~minzheng.errors.InvalidAmount` naming ``charges``.

    >>> decide_funeral_waiver(Person(person_id="P"), on=datetime.date(2025, 3, 1), programmes=(),
    ...     charges={}, policy=FuneralWaiverPolicy()).eligible
    False
    """
    ruling = Ruling(
        matter=Programme.FUNERAL_SUBSIDY, on=as_date(on), subject=person.person_id, citation=_LOCAL
    )
    group = next((p for p in programmes if p in policy.groups), None)
    if group is None:
        return ruling.deny("funeral.not_waiver_group")
    ruling.check(True, "funeral.waiver_group", person=person.label, group=group)
    total = Decimal(0)
    for service, given in charges.items():
        charge = parse_amount(given, field="charges")
        if charge < 0:
            raise InvalidAmount("amount.invalid", field="charges", value=given)
        cap = policy.caps.get(service)
        if cap is None:
            continue
        waived = min(charge, cap)
        total += waived
        ruling.note("funeral.waiver_item", item=service, amount=waived, charge=charge, cap=cap)
    return ruling.decide(True, one_off=total)
