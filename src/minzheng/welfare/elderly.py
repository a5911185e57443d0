"""Old-age allowances: 高龄津贴, 经济困难老年人养老服务补贴, 经济困难失能老年人护理补贴.

Amounts, age thresholds and tiers are local (DOMAIN.md §9). 高龄津贴 bands are
data: the book's ``old_age_allowance`` standards carry the band as their variant
— ``"80-89"``, ``"90-99"``, ``"100+"`` — and each division may set its own
(Nanning starts at 90). The care subsidy is tied to the GB/T 42195 ability level:
a standard per level with variant ``"level-2"`` … ``"level-4"``.

>>> import datetime
>>> from minzheng.money import Rate
>>> from minzheng.people import Person
>>> from minzheng.standards import Standard, StandardsBook
>>> book = StandardsBook([Standard(programme="old_age_allowance", division="620000", variant=band,
...                                rate=Rate.monthly(amount), effective=datetime.date(2025, 1, 1))
...                       for band, amount in (("80-89", "30"), ("90-99", "50"), ("100+", "200"))])
>>> p = Person(person_id="P", birth_date=datetime.date(1934, 5, 1))
>>> decide_old_age_allowance(p, on=datetime.date(2025, 5, 1), book=book, division="620521").amount.amount
Decimal('50')
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection

import attrs

from minzheng._bounds import MAX_AGE, within
from minzheng._validators import typed_fields
from minzheng.codes import AbilityLevel
from minzheng.people import Person
from minzheng.programmes import Programme
from minzheng.rules import Citation, Decision, Instrument, Ruling, as_date
from minzheng.standards import StandardsBook

__all__ = [
    "AgeBand",
    "ElderlyPolicy",
    "age_bands",
    "decide_elderly_care_subsidy",
    "decide_elderly_service_subsidy",
    "decide_old_age_allowance",
]

_LOCAL = Citation(instrument=Instrument.LOCAL_RULE)
_BAND = re.compile(r"([0-9]{1,3})(?:-([0-9]{1,3})|\+)")  # ASCII digits; ages below 1000


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AgeBand:
    """An age band of the old-age allowance, inclusive; ``max_age`` ``None`` = open-ended.

    >>> AgeBand.parse("90-99").contains(99), AgeBand.parse("100+").contains(120)
    (True, True)
    """

    min_age: int = attrs.field(validator=within(0, MAX_AGE))
    max_age: int | None = attrs.field(validator=within(0, MAX_AGE))

    @classmethod
    def parse(cls, text: str) -> AgeBand:
        """Parse ``"80-89"`` or ``"100+"``.

        >>> AgeBand.parse("80-89")
        AgeBand(min_age=80, max_age=89)
        """
        match = _BAND.fullmatch(text.strip()) if isinstance(text, str) and len(text) <= 32 else None
        if match is None:
            from minzheng.errors import InvalidFormat

            raise InvalidFormat("value.format", field="age_band", value=text)
        return cls(min_age=int(match[1]), max_age=int(match[2]) if match[2] else None)

    def contains(self, age: int) -> bool:
        """Whether ``age`` falls in the band.

        >>> AgeBand(min_age=80, max_age=89).contains(90)
        False
        """
        return self.min_age <= age and (self.max_age is None or age <= self.max_age)

    def __str__(self) -> str:
        return f"{self.min_age}-{self.max_age}" if self.max_age is not None else f"{self.min_age}+"


def age_bands(book: StandardsBook, division: str, *, on: datetime.date) -> list[AgeBand]:
    """The 高龄津贴 bands in force for ``division`` (its own, else its ancestors'), youngest first.

    >>> age_bands(StandardsBook(), "620521", on=datetime.date(2025, 1, 1))
    []
    """
    variants = {
        s.variant
        for s in book
        if s.programme is Programme.OLD_AGE_ALLOWANCE and _BAND.fullmatch(s.variant)
    }
    found = [
        AgeBand.parse(v)
        for v in variants
        if book.find(Programme.OLD_AGE_ALLOWANCE, division, on=on, variant=v) is not None
    ]
    return sorted(found, key=lambda b: b.min_age)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ElderlyPolicy:
    """Local choices for the service and care subsidies.

    Attributes:
        min_age: the subsidies' starting age (default 60).
        difficulty_programmes: household programmes that make an older person
            "economically difficult" (default 低保, 特困, 低保边缘).
        care_min_level: the lowest GB/T 42195 level that qualifies for the care
            subsidy (default 中度失能, level 2).
        allowance_age: the 高龄津贴 age quoted when the book has no bands (default 80).

    >>> ElderlyPolicy().care_min_level
    <AbilityLevel.MODERATE: '2'>
    """

    min_age: int = attrs.field(default=60, validator=within(0, MAX_AGE))
    difficulty_programmes: frozenset[Programme] = frozenset(
        {Programme.DIBAO, Programme.TEKUN, Programme.DIBAO_EDGE}
    )
    care_min_level: AbilityLevel = AbilityLevel.MODERATE
    allowance_age: int = attrs.field(default=80, validator=within(0, MAX_AGE))


DEFAULT_POLICY = ElderlyPolicy()


def decide_old_age_allowance(
    person: Person,
    *,
    on: datetime.date,
    book: StandardsBook,
    division: str,
    policy: ElderlyPolicy = DEFAULT_POLICY,
) -> Decision:
    """高龄津贴 by the age band the person is in on ``on`` (regardless of income).

    Without bands in the book the refusal quotes ``policy.allowance_age`` (80).

    >>> from minzheng.people import Person
    >>> decide_old_age_allowance(Person(person_id="P", birth_date=datetime.date(1960, 1, 1)),
    ...                          on=datetime.date(2025, 1, 1), book=StandardsBook(), division="620521").eligible
    False
    """
    ruling = Ruling(
        matter=Programme.OLD_AGE_ALLOWANCE,
        on=as_date(on),
        subject=person.person_id,
        citation=_LOCAL,
    )
    age = person.age_on(on)
    bands = age_bands(book, division, on=on)
    band = next((b for b in reversed(bands) if b.contains(age)), None)
    if band is None:
        threshold = bands[0].min_age if bands else policy.allowance_age
        return ruling.deny(
            "elderly.below_threshold", person=person.label, age=age, threshold=threshold
        )
    ruling.standard = standard = book.amount(
        Programme.OLD_AGE_ALLOWANCE, division, on=on, variant=str(band)
    )
    ruling.check(
        True,
        "elderly.age_band",
        person=person.label,
        age=age,
        band=str(band),
        standard=standard.rate,
    )
    return ruling.decide(True, amount=standard.rate)


def _difficulty(
    ruling: Ruling, person: Person, programmes: Collection[Programme], policy: ElderlyPolicy
) -> None:
    """Old enough, and in a household of a difficulty programme (低保, 特困, 低保边缘 by default)."""
    if person.age_on(ruling.on) < policy.min_age:
        ruling.check(False, "elderly.too_young", person=person.label, age=policy.min_age)
    qualifying = [p for p in programmes if p in policy.difficulty_programmes]
    if qualifying:
        ruling.check(
            True, "elderly.economic_difficulty", person=person.label, programme=qualifying[0]
        )
    else:
        ruling.check(False, "elderly.no_economic_difficulty", person=person.label)


def decide_elderly_service_subsidy(
    person: Person,
    *,
    on: datetime.date,
    book: StandardsBook,
    division: str,
    household_programmes: Collection[Programme],
    policy: ElderlyPolicy = DEFAULT_POLICY,
) -> Decision:
    """经济困难老年人养老服务补贴: older people in economic difficulty.

    >>> from minzheng.money import Rate
    >>> from minzheng.people import Person
    >>> from minzheng.standards import Standard, StandardsBook
    >>> book = StandardsBook([Standard(programme="elderly_service_subsidy", division="620000",
    ...                                rate=Rate.monthly("100"), effective=datetime.date(2025, 1, 1))])
    >>> decide_elderly_service_subsidy(Person(person_id="P", birth_date=datetime.date(1950, 1, 1)),
    ...     on=datetime.date(2025, 1, 1), book=book, division="620521",
    ...     household_programmes={Programme.DIBAO}).amount.amount
    Decimal('100')
    """
    ruling = Ruling(
        matter=Programme.ELDERLY_SERVICE_SUBSIDY,
        on=as_date(on),
        subject=person.person_id,
        citation=_LOCAL,
    )
    _difficulty(ruling, person, household_programmes, policy)
    if any(r.met is False for r in ruling.reasons):
        return ruling.decide(False)
    ruling.standard = standard = book.amount(Programme.ELDERLY_SERVICE_SUBSIDY, division, on=on)
    ruling.note("elderly.standard", standard=standard.rate)
    return ruling.decide(True, amount=standard.rate)


def decide_elderly_care_subsidy(
    person: Person,
    *,
    on: datetime.date,
    book: StandardsBook,
    division: str,
    level: AbilityLevel,
    household_programmes: Collection[Programme],
    policy: ElderlyPolicy = DEFAULT_POLICY,
) -> Decision:
    """经济困难失能老年人护理补贴 by the GB/T 42195 level (standard variant ``"level-N"``).

    >>> from minzheng.money import Rate
    >>> from minzheng.people import Person
    >>> from minzheng.standards import Standard, StandardsBook
    >>> book = StandardsBook([Standard(programme="elderly_care_subsidy", division="620000", variant="level-3",
    ...                                rate=Rate.monthly("200"), effective=datetime.date(2025, 1, 1))])
    >>> decide_elderly_care_subsidy(Person(person_id="P", birth_date=datetime.date(1940, 1, 1)),
    ...     on=datetime.date(2025, 1, 1), book=book, division="620521", level=AbilityLevel.SEVERE,
    ...     household_programmes={Programme.TEKUN}).amount.amount
    Decimal('200')
    """
    ruling = Ruling(
        matter=Programme.ELDERLY_CARE_SUBSIDY,
        on=as_date(on),
        subject=person.person_id,
        citation=_LOCAL,
    )
    _difficulty(ruling, person, household_programmes, policy)
    ruling.check(
        level.number >= policy.care_min_level.number,
        "elderly.ability",
        "elderly.ability_insufficient",
        person=person.label,
        level=level,
        required=policy.care_min_level,
    )
    if any(r.met is False for r in ruling.reasons):
        return ruling.decide(False)
    ruling.standard = standard = book.amount(
        Programme.ELDERLY_CARE_SUBSIDY, division, on=on, variant=f"level-{level.value}"
    )
    ruling.note("elderly.standard", standard=standard.rate)
    return ruling.decide(True, amount=standard.rate)
