"""``Fact``: one row of the statistics vocabulary, and the adapters that turn domain records into facts.

Every figure a bureau publishes counts facts: a payment (flow), a case or
entitlement in force on a date (stock), a bed, a registration. A fact carries
the dimensions statistics group by — programme, division, area, sex, birth date,
month — and what they measure: the household and the person (for 户 and 人), an
amount (money) and a count of things.

Stock and flow are different questions with different names:
:func:`stock_on` (entitlements in force on a date) and :func:`flow_between`
(disbursements paid for months in a period).

Persons and households are identified by **pseudonyms**: every function here
that builds facts takes ``keys`` — ``None`` (the default: pseudonyms under the
process's own random key), a :class:`~minzheng.privacy.Pseudonymizer` (pseudonyms
under your key, the same in every run and on every machine) or ``"raw"`` (the keys
as they are). Equal keys give equal pseudonyms, so counts of 户 and 人 are exact.
A fact's ``repr`` masks both keys and shows the birth year only.

>>> import datetime
>>> from minzheng.money import Rate
>>> from minzheng.payments import Entitlement
>>> from minzheng.privacy import Pseudonymizer
>>> e = Entitlement(entitlement_id="E1", beneficiary="HH1", programme=Programme.DIBAO,
...                 monthly=Rate.monthly("860"), valid_from=Month(2025, 1), division="620521")
>>> [f.household for f in stock_on([e], datetime.date(2025, 12, 31), keys="raw")]
['HH1']
>>> [f.household for f in stock_on([e], datetime.date(2025, 12, 31), keys=Pseudonymizer("k"))]
['2d4597aa5709e6848bf54c71']
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from minzheng._bounds import MAX_COUNT, within
from minzheng._validators import typed_fields
from minzheng.codes import Area, Sex
from minzheng.dates import Month
from minzheng.money import finite_amount
from minzheng.payments import Disbursement, Entitlement
from minzheng.privacy import KeyPolicy, repr_date, repr_key, resolve_keys
from minzheng.programmes import Programme, Unit

__all__ = ["Fact", "facts_from_beds", "flow_between", "stock_on"]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Fact:
    """One countable thing with its dimensions.

    ``division`` is the county-level code; ``township`` and ``village`` name (or
    code) the 乡镇（街道） and 村（社区） when the source knows them.
    ``household`` and ``person`` identify who it is about (either may be empty) —
    pseudonyms when the adapters below built the fact; ``amount`` is money (0 when
    the fact is not a payment); ``count`` counts things (beds, registrations), 1 by
    default. ``repr`` masks ``household`` and ``person`` (a raw key may be an
    identity number) and shows the year of ``birth_date`` only.

    >>> Fact(programme=Programme.TEKUN, division="620521", person="P1", amount=Decimal("605")).count
    1
    >>> Fact(person="11010519491231002X", birth_date=datetime.date(1949, 12, 31))
    Fact(..., birth_date='1949-**-**', ..., person='110105********002X', ...)
    """

    programme: Programme | None = None
    division: str = ""
    township: str = ""
    village: str = ""
    area: Area | None = None
    sex: Sex | None = None
    birth_date: datetime.date | None = attrs.field(default=None, repr=repr_date)
    month: Month | None = None
    household: str = attrs.field(default="", repr=repr_key)
    person: str = attrs.field(default="", repr=repr_key)
    amount: Decimal = attrs.field(default=Decimal(0), validator=finite_amount)
    count: int = attrs.field(default=1, validator=within(-MAX_COUNT, MAX_COUNT))
    kind: str = ""


def stock_on(
    entitlements: Iterable[Entitlement],
    on: datetime.date,
    *,
    members: Mapping[str, Iterable[str]] | None = None,
    keys: KeyPolicy = None,
) -> list[Fact]:
    """Facts for the entitlements in force on ``on`` — the stock (在保对象) on that day.

    For a household programme each member in ``members[beneficiary]`` becomes a
    fact (so persons count), the first carrying the monthly amount; without
    ``members`` the household counts as one person. ``keys``: see the module
    documentation (pseudonyms by default).

    >>> from minzheng.money import Rate
    >>> e = Entitlement(entitlement_id="E", beneficiary="HH", programme=Programme.DIBAO,
    ...                 monthly=Rate.monthly("860"), valid_from=Month(2025, 1))
    >>> [(f.household, f.person, f.amount) for f in stock_on([e], datetime.date(2025, 3, 1),
    ...                                                       members={"HH": ["A", "B"]}, keys="raw")]
    [('HH', 'A', Decimal('860')), ('HH', 'B', Decimal('0'))]
    >>> len({f.person for f in stock_on([e], datetime.date(2025, 3, 1), members={"HH": ["A", "B"]})})
    2
    """
    pseudonymize = resolve_keys(keys) or _same
    month = Month.of(on)
    out: list[Fact] = []
    for e in entitlements:
        if not e.covers(month):
            continue
        household_programme = e.programme.unit is Unit.HOUSEHOLD
        people = (
            list((members or {}).get(e.beneficiary, [e.beneficiary]))
            if household_programme
            else [e.beneficiary]
        )
        for index, person in enumerate(people):
            out.append(
                Fact(
                    programme=e.programme,
                    division=e.division,
                    area=e.area,
                    month=month,
                    household=pseudonymize(e.beneficiary) if household_programme else "",
                    person=pseudonymize(person),
                    amount=e.due(month) if index == 0 else Decimal(0),
                    kind="stock",
                )
            )
    return out


def flow_between(
    disbursements: Iterable[Disbursement],
    start: Month,
    end: Month,
    *,
    households: Mapping[str, str] | None = None,
    keys: KeyPolicy = None,
) -> list[Fact]:
    """Facts for the counted disbursements paid for months ``start``–``end`` — the flow (发放).

    ``households`` maps a person beneficiary to their household id when known; a
    household programme's beneficiary is its household. ``keys``: see the module
    documentation (pseudonyms by default; :func:`stock_on` with the same ``keys``
    gives the same pseudonyms).

    >>> from minzheng.payments import Disbursement
    >>> d = Disbursement(entitlement_id="E", beneficiary="HH", programme=Programme.DIBAO, month=Month(2025, 2),
    ...                  amount=Decimal("860"))
    >>> [f.amount for f in flow_between([d], Month(2025, 1), Month(2025, 12))]
    [Decimal('860')]
    """
    pseudonymize = resolve_keys(keys) or _same
    out = []
    for d in disbursements:
        if not (start <= d.month <= end) or not d.status.counts:
            continue
        household_programme = d.programme.unit is Unit.HOUSEHOLD
        household = (
            d.beneficiary if household_programme else (households or {}).get(d.beneficiary, "")
        )
        out.append(
            Fact(
                programme=d.programme,
                division=d.division,
                month=d.month,
                household=pseudonymize(household),
                person="" if household_programme else pseudonymize(d.beneficiary),
                amount=d.amount,
                kind="flow",
            )
        )
    return out


def _same(key: str) -> str:
    return key


def facts_from_beds(register: object, *, on: datetime.date | None = None) -> list[Fact]:
    """One fact per bed (``kind`` = the bed kind), with the institution's division.

    ``household`` holds the institution id (institutions are not persons: no
    pseudonym), so that 户 counts institutions.

    >>> from minzheng.care import BedRegister
    >>> facts_from_beds(BedRegister())
    []
    """
    from minzheng.care import BedRegister

    assert isinstance(register, BedRegister)
    out = []
    for bed in register.beds:
        if on is not None and not register.in_service(bed.bed_id, on):
            continue
        institution = register.institution(bed.institution_id)
        out.append(
            Fact(
                division=institution.division,
                kind=bed.kind.value,
                household=institution.institution_id,
            )
        )
    return out
