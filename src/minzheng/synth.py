"""Synthetic counties: a deterministic, seeded, realistic county for a real division code.

Households and persons with valid identity numbers (address code = the county,
checksums right, sex and birth date agreeing), incomes, the rules run on them
(低保, 特困, 高龄津贴) giving entitlements and a year of disbursements, care
institutions with beds and stays, social organisations and marriage records. It is
what ``minzheng demo``, the docs and the benchmarks run on, and what users can
try the library against. **No real personal data**: names are drawn from common
characters, identity numbers are generated, and the standards are illustrative
(:func:`demo_book`), not any county's published figures.

The same ``(division, year, persons, seed)`` always gives the same county;
identity numbers are unique within the county (sequence codes are allocated per
birth date and sex, as a registry does), and :func:`iter_households` streams ten
million persons in memory bounded by the number of birth dates, not of persons.

>>> county = synthetic_county("620521", year=2025, persons=300, seed=1)
>>> county.division, sum(len(h.members) for h in county.households) >= 300
('620521', True)
>>> county == synthetic_county("620521", year=2025, persons=300, seed=1)
True
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from minzheng._validators import typed_fields
from minzheng.codes import Area, Relationship, Sex
from minzheng.dates import Month
from minzheng.errors import InvalidValue
from minzheng.ids import ResidentId
from minzheng.ids.resident_id import calc_check_digit
from minzheng.money import Rate
from minzheng.payments import Disbursement, Entitlement, Ledger, schedule
from minzheng.people import Household, IncomeItem, IncomeSource, Membership, Person
from minzheng.programmes import Programme
from minzheng.standards import Standard, StandardsBook

if TYPE_CHECKING:
    from minzheng.care import Bed, Institution, Stay
    from minzheng.registration import MarriageRecord, SocialOrganisation

__all__ = [
    "SYNTH_YEARS",
    "County",
    "demo_book",
    "iter_households",
    "synthetic_county",
]

_SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏"
)
_GIVEN = "秀英桂兰建国志强丽华伟明芳敏静磊军洋勇艳杰娟涛超霞平刚桂芳玉兰凤英红梅海燕文斌"


def demo_book(division: str = "620521", *, year: int = 2025) -> StandardsBook:
    """Illustrative standards for a synthetic county (not official figures), effective 1 January.

    低保 8,580 a year urban and 5,580 rural (the DOMAIN.md worked-example figures),
    高龄津贴 bands 80–89 / 90–99 / 100+ at 30 / 50 / 200 a month.

    >>> book = demo_book()
    >>> book.amount("dibao", "620521", on=datetime.date(2025, 3, 1), area="urban").monthly
    Decimal('715')
    """
    rows = [
        ("dibao", Area.URBAN, "", Rate.yearly("8580")),
        ("dibao", Area.RURAL, "", Rate.yearly("5580")),
        *(
            ("old_age_allowance", Area.UNIFIED, band, Rate.monthly(amount))
            for band, amount in (("80-89", "30"), ("90-99", "50"), ("100+", "200"))
        ),
    ]
    standards = [
        Standard(
            programme=programme,
            division=division,
            area=area,
            variant=variant,
            rate=rate,
            effective=datetime.date(year, 1, 1),
            source="minzheng.synth (illustrative)",
        )
        for programme, area, variant, rate in rows
    ]
    return StandardsBook(standards)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class County:
    """A synthetic county's records for one year (see :func:`synthetic_county`).

    >>> county = synthetic_county(persons=200, seed=3)
    >>> len(county.ledger) == len(county.disbursements)
    True
    """

    division: str
    year: int
    seed: int
    households: tuple[Household, ...]
    entitlements: tuple[Entitlement, ...]
    disbursements: tuple[Disbursement, ...]
    institutions: tuple[Institution, ...]
    beds: tuple[Bed, ...]
    stays: tuple[Stay, ...]
    organisations: tuple[SocialOrganisation, ...]
    marriages: tuple[MarriageRecord, ...]
    book: StandardsBook = attrs.field(eq=False, repr=False)

    @property
    def ledger(self) -> Ledger:
        """The year's disbursements as a :class:`~minzheng.payments.Ledger`.

        >>> synthetic_county(persons=100, seed=2).ledger.total() >= 0
        True
        """
        return Ledger(self.disbursements)

    @property
    def members(self) -> Mapping[str, list[str]]:
        """Household id → member person ids (for :func:`~minzheng.stats.stock_on`).

        >>> county = synthetic_county(persons=50, seed=2)
        >>> sum(len(v) for v in county.members.values()) == sum(len(h.members) for h in county.households)
        True
        """
        return {h.household_id: [m.person.person_id for m in h.members] for h in self.households}


class _Sequences:
    """Allocates the 3-digit sequence code per (birth date, sex): odd for men, even for women.

    Codes are handed out in a scrambled but fixed order; when a day's 500 codes of a
    sex are used up the birth date moves to the next day, so numbers never repeat.
    """

    def __init__(self) -> None:
        self.used: dict[tuple[datetime.date, Sex], int] = {}

    def allocate(self, born: datetime.date, sex: Sex) -> tuple[datetime.date, int]:
        while (count := self.used.get((born, sex), 0)) >= 500:
            born += datetime.timedelta(days=1)
        self.used[(born, sex)] = count + 1
        return born, (count * 263 % 500) * 2 + (1 if sex is Sex.MALE else 0)


def _person(
    rng: random.Random,
    division: str,
    pid: str,
    born: datetime.date,
    sex: Sex,
    sequences: _Sequences,
) -> Person:
    born, sequence = sequences.allocate(born, sex)
    body = f"{division}{born:%Y%m%d}{sequence:03d}"
    name = rng.choice(_SURNAMES) + "".join(rng.sample(_GIVEN, rng.choice((1, 2))))
    return Person(
        person_id=pid,
        resident_id=ResidentId.parse(body + calc_check_digit(body)),
        name=name,
    )


def _born(rng: random.Random, on: datetime.date, low: int, high: int) -> datetime.date:
    age = rng.randint(low, high)
    return datetime.date(on.year - age - 1, 1, 1) + datetime.timedelta(days=rng.randrange(365))


def _household(division: str, year: int, seed: int, index: int, sequences: _Sequences) -> Household:
    rng = random.Random(f"{seed}:{division}:{year}:{index}")
    on = datetime.date(year, 1, 1)
    hid = f"H{division}{index:07d}"
    area = Area.RURAL if rng.random() < 0.62 else Area.URBAN
    poor = rng.random() < 0.05
    # Elders living alone with nothing: the people 特困 is for.
    alone = rng.random() < 0.012
    head_sex = rng.choice((Sex.MALE, Sex.FEMALE))
    head_age = rng.randint(68, 92) if alone else int(rng.triangular(22, 90, 40))
    head = _person(
        rng, division, f"{hid}-1", _born(rng, on, head_age, head_age), head_sex, sequences
    )
    members = [Membership(person=head, relationship=Relationship.HEAD)]
    if not alone:
        head_year = head.birth_date.year if head.birth_date else on.year - 40
        if rng.random() < 0.75:
            sex = Sex.FEMALE if head_sex is Sex.MALE else Sex.MALE
            age = max(20, min(95, on.year - head_year + rng.randint(-5, 5)))
            spouse = _person(rng, division, f"{hid}-2", _born(rng, on, age, age), sex, sequences)
            rel = Relationship.WIFE if sex is Sex.FEMALE else Relationship.HUSBAND
            members.append(Membership(person=spouse, relationship=rel))
        head_age_now = on.year - head_year
        for n in range(rng.choice((0, 1, 1, 2, 2, 3)) if head_age_now > 22 else 0):
            sex = rng.choice((Sex.MALE, Sex.FEMALE))
            child = _person(
                rng,
                division,
                f"{hid}-{n + 3}",
                _born(rng, on, 0, min(40, head_age_now - 21)),
                sex,
                sequences,
            )
            rel = Relationship.SON if sex is Sex.MALE else Relationship.DAUGHTER
            members.append(Membership(person=child, relationship=rel))
        if head_age_now < 55 and rng.random() < 0.3:
            sex = rng.choice((Sex.MALE, Sex.FEMALE))
            parent = _person(
                rng,
                division,
                f"{hid}-9",
                _born(rng, on, head_age_now + 20, min(99, head_age_now + 35)),
                sex,
                sequences,
            )
            rel = Relationship.FATHER if sex is Sex.MALE else Relationship.MOTHER
            members.append(Membership(person=parent, relationship=rel))
    incomes = []
    for membership in members:
        person = membership.person
        age = person.age_on(on)
        if age is None or alone:
            continue
        if 18 <= age < 60 and rng.random() < (0.35 if poor else 0.8):
            wage = rng.randint(200, 900) if poor else rng.randint(2500, 8000)
            incomes.append(
                IncomeItem(
                    person_id=person.person_id,
                    source=IncomeSource.WAGE,
                    amount=Rate.monthly(Decimal(wage)),
                )
            )
        if age >= 60:
            incomes.append(
                IncomeItem(
                    person_id=person.person_id,
                    source=IncomeSource.BASIC_PENSION,
                    amount=Rate.monthly(Decimal(rng.randint(140, 260))),
                )
            )
            if not poor and rng.random() < 0.85:
                incomes.append(
                    IncomeItem(
                        person_id=person.person_id,
                        source=IncomeSource.PENSION,
                        amount=Rate.monthly(Decimal(rng.randint(700, 4500))),
                    )
                )
    return Household(
        household_id=hid,
        division=division,
        area=area,
        members=tuple(members),
        incomes=tuple(incomes),
    )


#: The years a synthetic county can be built for (people born a century before must
#: still have valid identity numbers; the month arithmetic must stay in range).
SYNTH_YEARS = range(1950, 2101)


def _check(division: str, persons: int, year: int) -> None:
    from minzheng import divisions

    if isinstance(persons, bool) or not isinstance(persons, int) or persons < 1:
        raise InvalidValue("value.invalid", field="persons", value=str(persons))
    if isinstance(year, bool) or not isinstance(year, int) or year not in SYNTH_YEARS:
        raise InvalidValue(
            "synth.year",
            field="year",
            value=str(year),
            params={"min": SYNTH_YEARS.start, "max": SYNTH_YEARS.stop - 1},
        )
    divisions.get(division)  # raises division.unknown / division.format


def iter_households(
    division: str = "620521", *, year: int = 2025, persons: int = 10_000, seed: int = 0
) -> Iterator[Household]:
    """Stream households until at least ``persons`` people are generated (constant memory).

    >>> first = next(iter_households(persons=10, seed=7))
    >>> first.household_id, first.head.resident_id.address_code
    ('H6205210000000', '620521')
    """
    _check(division, persons, year)
    made = 0
    index = 0
    sequences = _Sequences()
    while made < persons:
        household = _household(division, year, seed, index, sequences)
        made += len(household.members)
        index += 1
        yield household


def _entitlements(
    households: list[Household], book: StandardsBook, division: str, year: int, seed: int
) -> list[Entitlement]:
    from minzheng.assistance import decide_dibao, decide_tekun
    from minzheng.welfare import decide_old_age_allowance

    on = datetime.date(year, 1, 1)
    rng = random.Random(f"{seed}:{division}:{year}:entitlements")
    out: list[Entitlement] = []

    def add(beneficiary: str, programme: Programme, monthly: Rate, area: Area) -> None:
        start = Month(year, 1) if rng.random() < 0.85 else Month(year, rng.randint(2, 12))
        end = None if rng.random() < 0.93 else Month(year, rng.randint(start.month, 12))
        out.append(
            Entitlement(
                entitlement_id=f"{beneficiary}-{programme.value}",
                beneficiary=beneficiary,
                programme=programme,
                monthly=monthly,
                valid_from=start,
                valid_to=end,
                division=division,
                area=area,
            )
        )

    for household in households:
        supported = False  # 特困 and 低保 are exclusive: a 特困 person is not also on 低保
        if len(household.members) == 1:
            head = household.head
            tekun = decide_tekun(household, head.person_id, on=on, book=book)
            if tekun.eligible and tekun.amount is not None:
                add(head.person_id, Programme.TEKUN, tekun.amount, household.area)
                supported = True
        if not supported:
            dibao = decide_dibao(household, on=on, book=book)
            if dibao.eligible and dibao.amount is not None and dibao.amount.amount > 0:
                add(household.household_id, Programme.DIBAO, dibao.amount, household.area)
        for membership in household.members:
            age = membership.person.age_on(on)
            if age is not None and age >= 80:
                allowance = decide_old_age_allowance(
                    membership.person, on=on, book=book, division=division
                )
                if allowance.eligible and allowance.amount is not None:
                    add(
                        membership.person.person_id,
                        Programme.OLD_AGE_ALLOWANCE,
                        allowance.amount,
                        household.area,
                    )
    return out


def _care(
    households: list[Household], division: str, year: int, seed: int
) -> tuple[tuple[Institution, ...], tuple[Bed, ...], tuple[Stay, ...]]:
    from minzheng.care import (
        Bed,
        BedKind,
        Institution,
        InstitutionKind,
        OperatingModel,
        ResidentSource,
        Stay,
    )

    rng = random.Random(f"{seed}:{division}:{year}:care")
    persons = sum(len(h.members) for h in households)
    count = max(1, persons // 4000)
    institutions = []
    beds = []
    for n in range(count):
        public = n % 3 == 0
        institutions.append(
            Institution(
                institution_id=f"I{n:04d}",
                name=(
                    "敬老院" if public else rng.choice(("养老院", "老年养护院", "综合养老服务中心"))
                ),
                kind=InstitutionKind.TEKUN_HOME if public else InstitutionKind.ELDERLY_HOME,
                division=division,
                operating_model=OperatingModel.PUBLIC if public else OperatingModel.PRIVATE,
                filed_beds=0,
            )
        )
        size = rng.randint(40, 160)
        nursing = round(size * rng.uniform(0.55, 0.85))
        beds += [
            Bed(
                bed_id=f"I{n:04d}-B{b:03d}",
                institution_id=f"I{n:04d}",
                kind=BedKind.NURSING if b < nursing else BedKind.ORDINARY,
            )
            for b in range(size)
        ]
    elders = [
        m.person
        for h in households
        for m in h.members
        if (age := m.person.age_on(datetime.date(year, 1, 1))) is not None and age >= 75
    ]
    free = list(beds)
    rng.shuffle(free)
    stays = []
    for n, person in enumerate(elders[: int(len(free) * 0.6)]):
        bed = free[n]
        admitted = datetime.date(year - 1, 1, 1) + datetime.timedelta(days=rng.randrange(700))
        stays.append(
            Stay(
                stay_id=f"S{n:06d}",
                person=person,
                institution_id=bed.institution_id,
                bed_id=bed.bed_id,
                admitted=admitted,
                source=ResidentSource.TEKUN if rng.random() < 0.3 else ResidentSource.SOCIAL,
            )
        )
    return tuple(institutions), tuple(beds), tuple(stays)


def _registrations(
    households: list[Household], division: str, year: int, seed: int
) -> tuple[tuple[SocialOrganisation, ...], tuple[MarriageRecord, ...]]:
    from minzheng.registration import MarriageRecord, OrgType, SocialOrganisation

    rng = random.Random(f"{seed}:{division}:{year}:registrations")
    persons = sum(len(h.members) for h in households)
    organisations = tuple(
        SocialOrganisation(
            org_id=f"O{n:05d}",
            name=rng.choice(("老年协会", "慈善会", "社会工作服务中心", "志愿者协会", "教育基金会")),
            kind=rng.choice((OrgType.SOCIAL_GROUP, OrgType.SOCIAL_SERVICE_INSTITUTION)),
            registry=division,
            # founded in the 2000s or later; in a year before 2001, in the ten years before it
            founded_on=datetime.date(
                rng.randint(2000 if year > 2000 else year - 10, year - 1), rng.randint(1, 12), 1
            ),
        )
        for n in range(max(1, persons // 2500))
    )
    marriages = tuple(
        MarriageRecord(
            marriage_id=f"M{n:06d}",
            party_a=f"MA{n:06d}",
            party_b=f"MB{n:06d}",
            registry=division,
            registered_on=datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365)),
        )
        for n in range(max(1, persons * 5 // 1000))  # about 5 marriages per 1,000 people a year
    )
    return organisations, marriages


def _with_progress(stream: Iterator[Household], persons: int) -> Iterator[Household]:
    try:
        from tqdm.auto import tqdm
    except ImportError:
        yield from stream
        return
    with tqdm(total=persons, unit="人", desc="synth") as bar:
        for household in stream:
            bar.update(len(household.members))
            yield household


def synthetic_county(
    division: str = "620521",
    *,
    year: int = 2025,
    persons: int = 10_000,
    seed: int = 0,
    book: StandardsBook | None = None,
    progress: bool = False,
) -> County:
    """Build a county: households, the rules' entitlements, a year's ledger, care, registrations.

    ``book`` defaults to :func:`demo_book`; pass a real standards book to see a
    county's own figures on synthetic people. ``progress`` shows a bar while the
    households are generated (tqdm, extra ``io``; silently none without it).

    >>> county = synthetic_county("620521", persons=2_000, seed=0)
    >>> {e.programme.value for e in county.entitlements} >= {"dibao", "old_age_allowance"}
    True
    >>> synthetic_county("999999")
    Traceback (most recent call last):
    ...
    minzheng.errors.UnknownCode: division：未知的行政区划代码：999999
    """
    _check(division, persons, year)
    chosen = book if book is not None else demo_book(division, year=year)
    stream = iter_households(division, year=year, persons=persons, seed=seed)
    households = list(_with_progress(stream, persons) if progress else stream)
    entitlements = _entitlements(households, chosen, division, year, seed)
    disbursements = schedule(entitlements, Month.range(Month(year, 1), Month(year, 12)))
    institutions, beds, stays = _care(households, division, year, seed)
    organisations, marriages = _registrations(households, division, year, seed)
    return County(
        division=division,
        year=year,
        seed=seed,
        households=tuple(households),
        entitlements=tuple(entitlements),
        disbursements=tuple(disbursements),
        institutions=institutions,
        beds=beds,
        stays=stays,
        organisations=organisations,
        marriages=marriages,
        book=chosen,
    )
