"""Hypothesis strategies for minzheng's types (extra ``minzheng[testing]``).

Valid values by construction — identity numbers for given divisions, birth dates
and sex; credit codes; division codes as of a year; amounts; months — and
deliberately invalid ones by kind, so that downstream projects can test against
both. Installing the extra registers the strategies with Hypothesis (through its
``hypothesis`` entry point), so ``st.from_type(ResidentId)`` works.

>>> from hypothesis import given
>>> @given(resident_ids(sex=Sex.FEMALE))
... def test_female(rid):
...     assert rid.sex is Sex.FEMALE
>>> test_female()
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - exercised without the extra
    raise ImportError(
        "minzheng.testing needs the 'testing' extra: pip install 'minzheng[testing]'"
    ) from exc

from minzheng.care import (
    Bed,
    BedKind,
    BedRegister,
    Institution,
    InstitutionGrade,
    InstitutionKind,
    LegalForm,
    OperatingModel,
    ResidentSource,
    Stay,
)
from minzheng.codes import Area, Relationship, Sex
from minzheng.dates import Month
from minzheng.divisions import Division, DivisionLevel, all_divisions
from minzheng.ids import CreditCode, DisabilityCertificateNo, ResidentId
from minzheng.ids import credit_code as _cc
from minzheng.ids.credit_code import OrgKind
from minzheng.ids.resident_id import calc_check_digit
from minzheng.money import Period, Rate
from minzheng.payments import Entitlement, Ledger, schedule
from minzheng.people import Household, IncomeItem, IncomeSource, Membership, Person
from minzheng.programmes import Programme
from minzheng.registration import OrgType, SocialOrganisation
from minzheng.stats import Fact

__all__ = [
    "InvalidIdKind",
    "amounts",
    "bed_registers",
    "couples",
    "credit_code_strings",
    "credit_codes",
    "disability_certificates",
    "division_codes",
    "divisions",
    "entitlements",
    "facts",
    "households",
    "institutions",
    "invalid_credit_codes",
    "invalid_resident_ids",
    "ledgers",
    "months",
    "organisations",
    "persons",
    "rates",
    "resident_id_strings",
    "resident_ids",
    "stays",
]

InvalidIdKind = Literal["length", "format", "checksum", "birth_date"]


@st.composite
def _county_codes(draw: st.DrawFn, year: int | None) -> str:
    codes = [d.code for d in all_divisions(level=DivisionLevel.COUNTY, year=year)]
    return draw(st.sampled_from(codes))


def division_codes(
    *, year: int | None = None, level: DivisionLevel | str | None = DivisionLevel.COUNTY
) -> st.SearchStrategy[str]:
    """GB/T 2260 codes in force in ``year`` (current when ``None``), of one ``level``.

    >>> from minzheng import divisions
    >>> code = division_codes(year=2000).example()
    >>> divisions.get(code, year=2000).code == code
    True
    """
    wanted = DivisionLevel(level) if level is not None else None
    return st.sampled_from([d.code for d in all_divisions(level=wanted, year=year)])


def divisions(
    *, year: int | None = None, level: DivisionLevel | str | None = None
) -> st.SearchStrategy[Division]:
    """``Division`` objects in force in ``year``.

    >>> divisions(level="province").example().level.value
    'province'
    """
    wanted = DivisionLevel(level) if level is not None else None
    return st.sampled_from(list(all_divisions(level=wanted, year=year)))


@st.composite
def resident_id_strings(
    draw: st.DrawFn,
    *,
    address_codes: Sequence[str] | None = None,
    birth_dates: st.SearchStrategy[datetime.date] | None = None,
    sex: Sex | None = None,
) -> str:
    """Valid 18-character identity numbers as text.

    Args:
        draw: supplied by Hypothesis.
        address_codes: address codes to draw from; default: county codes in force
            in the birth year (so :attr:`ResidentId.division` is that county).
        birth_dates: default 1900-01-01 … 2025-12-31.
        sex: ``Sex.MALE`` or ``Sex.FEMALE``; default either.

    >>> from minzheng.ids import resident_id
    >>> resident_id.is_valid(resident_id_strings(address_codes=["620521"]).example())
    True
    """
    born = draw(
        birth_dates
        if birth_dates is not None
        else st.dates(datetime.date(1900, 1, 1), datetime.date(2025, 12, 31))
    )
    address = (
        draw(st.sampled_from(list(address_codes)))
        if address_codes
        else draw(_county_codes(born.year))
    )
    serial = draw(st.integers(0, 99))
    if sex is Sex.MALE:
        last = draw(st.sampled_from("13579"))
    elif sex is Sex.FEMALE:
        last = draw(st.sampled_from("02468"))
    else:
        last = str(draw(st.integers(0, 9)))
    body = f"{address}{born:%Y%m%d}{serial:02d}{last}"
    return body + calc_check_digit(body)


def resident_ids(
    *,
    address_codes: Sequence[str] | None = None,
    birth_dates: st.SearchStrategy[datetime.date] | None = None,
    sex: Sex | None = None,
) -> st.SearchStrategy[ResidentId]:
    """Valid :class:`~minzheng.ids.ResidentId` values (see :func:`resident_id_strings`).

    >>> resident_ids(sex=Sex.MALE).example().sex is Sex.MALE
    True
    """
    return resident_id_strings(address_codes=address_codes, birth_dates=birth_dates, sex=sex).map(
        ResidentId
    )


@st.composite
def invalid_resident_ids(draw: st.DrawFn, kind: InvalidIdKind | None = None) -> str:
    """Identity numbers invalid for one reason: length, format, checksum or birth date.

    The error raised by :meth:`ResidentId.parse` is the one the kind names.

    >>> from minzheng.ids import resident_id
    >>> resident_id.is_valid(invalid_resident_ids("checksum").example())
    False
    """
    chosen = kind or draw(st.sampled_from(["length", "format", "checksum", "birth_date"]))
    valid = draw(resident_id_strings())
    if chosen == "length":
        n = draw(st.integers(0, 25).filter(lambda n: n not in (15, 18)))
        return draw(st.text("0123456789", min_size=n, max_size=n))
    if chosen == "format":
        position = draw(st.integers(0, 16))
        bad = draw(st.sampled_from("ABCXYZ./_*"))
        body = valid[:position] + bad + valid[position + 1 : 17]
        return body + valid[17]
    if chosen == "checksum":
        wrong = draw(st.sampled_from([c for c in "0123456789X" if c != valid[17]]))
        return valid[:17] + wrong
    # birth_date: a day that does not exist
    year = draw(st.integers(1900, 2025))
    month, day = draw(
        st.sampled_from([(2, 30), (2, 31), (4, 31), (6, 31), (13, 1), (0, 10), (5, 0)])
    )
    body = f"{valid[:6]}{year:04d}{month:02d}{day:02d}{valid[14:17]}"
    return body + calc_check_digit(body)


@st.composite
def credit_code_strings(
    draw: st.DrawFn, *, org_kind: OrgKind | None = None, national: bool | None = None
) -> str:
    """Valid unified social credit codes as text.

    >>> from minzheng.ids import credit_code
    >>> credit_code.is_valid(credit_code_strings(org_kind=OrgKind.FOUNDATION).example())
    True
    """
    kind = org_kind or draw(st.sampled_from(list(OrgKind)))
    is_national = draw(st.booleans()) if national is None else national
    division = "100000" if is_national else draw(division_codes())
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    org = draw(st.text(alphabet, min_size=8, max_size=8))
    body = f"{kind.value}{division}{org}{_cc.calc_org_check_digit(org)}"
    return body + _cc.calc_check_digit(body)


def credit_codes(
    *, org_kind: OrgKind | None = None, national: bool | None = None
) -> st.SearchStrategy[CreditCode]:
    """Valid :class:`~minzheng.ids.CreditCode` values.

    >>> credit_codes(org_kind=OrgKind.SOCIAL_GROUP).example().is_civil_affairs
    True
    """
    return credit_code_strings(org_kind=org_kind, national=national).map(CreditCode)


@st.composite
def invalid_credit_codes(
    draw: st.DrawFn, kind: Literal["length", "format", "checksum"] | None = None
) -> str:
    """Credit codes invalid for one reason: ``length``, ``format`` (I, O, Z, S, V) or ``checksum``.

    >>> from minzheng.ids import credit_code
    >>> credit_code.is_valid(invalid_credit_codes("format").example())
    False
    """
    chosen = kind or draw(st.sampled_from(["length", "format", "checksum"]))
    valid = draw(credit_code_strings())
    if chosen == "length":
        n = draw(st.integers(0, 25).filter(lambda n: n != 18))
        return (valid * 2)[:n]
    if chosen == "format":
        position = draw(st.integers(8, 16))
        return valid[:position] + draw(st.sampled_from("IOZSV")) + valid[position + 1 :]
    wrong = draw(st.sampled_from([c for c in _cc.ALPHABET if c != valid[17]]))
    return valid[:17] + wrong


@st.composite
def disability_certificates(draw: st.DrawFn) -> DisabilityCertificateNo:
    """Valid disability certificate numbers.

    >>> disability_certificates().example().grade.number in (1, 2, 3, 4)
    True
    """
    rid = draw(resident_id_strings())
    return DisabilityCertificateNo(
        rid + str(draw(st.integers(1, 7))) + str(draw(st.integers(1, 4)))
    )


def amounts(
    *, min_value: Decimal | int = 0, max_value: Decimal | int = 10_000_000, places: int = 2
) -> st.SearchStrategy[Decimal]:
    """Yuan amounts with at most ``places`` decimals.

    >>> a = amounts(max_value=100).example()
    >>> 0 <= a <= 100 and a == a.quantize(Decimal("0.01"))
    True
    """
    return st.decimals(
        min_value=min_value,
        max_value=max_value,
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )


_FIRST_MONTH = Month(1990, 1)
_LAST_MONTH = Month(2035, 12)


def months(
    *, min_value: Month = _FIRST_MONTH, max_value: Month = _LAST_MONTH
) -> st.SearchStrategy[Month]:
    """Calendar months between two months, inclusive.

    >>> Month(1990, 1) <= months().example() <= Month(2035, 12)
    True
    """
    first = min_value.year * 12 + min_value.month - 1
    last = max_value.year * 12 + max_value.month - 1
    return st.integers(first, last).map(lambda i: Month(i // 12, i % 12 + 1))


def rates(
    *, period: Period | None = None, max_value: Decimal | int = 100_000
) -> st.SearchStrategy[Rate]:
    """Rates of whole-fen amounts per month or year.

    >>> rates(period=Period.MONTH).example().period
    <Period.MONTH: 'month'>
    """
    periods = st.just(period) if period is not None else st.sampled_from(list(Period))
    return st.builds(lambda a, p: Rate(amount=a, period=p), amounts(max_value=max_value), periods)


# -- people and households ------------------------------------------------------------------


@st.composite
def persons(
    draw: st.DrawFn,
    *,
    on: datetime.date = datetime.date(2025, 1, 1),
    min_age: int = 0,
    max_age: int = 100,
    sex: Sex | None = None,
    with_id: bool | None = None,
    person_id: str | None = None,
) -> Person:
    """Persons aged ``min_age``–``max_age`` on ``on``; sex and birth date agree with the identity number.

    About one in ten has no identity number unless ``with_id`` says otherwise.

    >>> p = persons(min_age=60, max_age=60).example()
    >>> p.age_on(datetime.date(2025, 1, 1))
    60
    """
    latest = _birthday_years_before(on, min_age)
    earliest = _birthday_years_before(on, max_age + 1) + datetime.timedelta(days=1)
    born = draw(st.dates(earliest, latest))
    has_id = draw(st.integers(0, 9)) > 0 if with_id is None else with_id
    pid = person_id or draw(st.from_regex(r"P[0-9]{6}", fullmatch=True))
    name = draw(st.sampled_from(_SURNAMES)) + draw(st.sampled_from(_GIVEN))
    if has_id:
        rid = draw(resident_ids(birth_dates=st.just(born), sex=sex))
        return Person(person_id=pid, resident_id=rid, name=name)
    chosen = sex or draw(st.sampled_from([Sex.MALE, Sex.FEMALE]))
    return Person(person_id=pid, name=name, sex=chosen, birth_date=born)


_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高"
_GIVEN = [
    "秀英",
    "桂英",
    "建国",
    "志强",
    "丽",
    "伟",
    "芳",
    "敏",
    "静",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
]


def _birthday_years_before(on: datetime.date, years: int) -> datetime.date:
    try:
        return on.replace(year=on.year - years)
    except ValueError:  # 29 February
        return on.replace(year=on.year - years, day=28)


@st.composite
def households(
    draw: st.DrawFn,
    *,
    on: datetime.date = datetime.date(2025, 1, 1),
    division: str | None = None,
    area: Area | None = None,
    max_children: int = 3,
    with_incomes: bool = True,
) -> Household:
    """Households consistent by construction on ``on``: one head, plausible ages and relationships.

    A head aged 20–85, maybe a spouse, children at least 18 years younger than the
    head, maybe the head's parents (at least 18 years older); incomes (wages,
    pensions, excluded transfers) belong to members.

    >>> hh = households().example()
    >>> sum(1 for m in hh.members if m.relationship.kind.value == "self")
    1
    """
    head = draw(persons(on=on, min_age=20, max_age=85, person_id="H"))
    head_age = head.age_on(on)
    members = [Membership(person=head, relationship=Relationship.HEAD)]
    if draw(st.booleans()):
        spouse_sex = Sex.FEMALE if head.sex is Sex.MALE else Sex.MALE
        spouse = draw(
            persons(
                on=on,
                min_age=max(20, head_age - 10),
                max_age=min(100, head_age + 10),
                sex=spouse_sex,
                person_id="S",
            )
        )
        members.append(
            Membership(
                person=spouse,
                relationship=Relationship.WIFE
                if spouse_sex is Sex.FEMALE
                else Relationship.HUSBAND,
            )
        )
    if head_age >= 18:
        for index in range(draw(st.integers(0, max_children))):
            child = draw(
                persons(on=on, min_age=0, max_age=min(60, head_age - 18), person_id=f"C{index}")
            )
            members.append(
                Membership(
                    person=child,
                    relationship=Relationship.SON
                    if child.sex is Sex.MALE
                    else Relationship.DAUGHTER,
                )
            )
    if head_age <= 62 and draw(st.booleans()):
        parent = draw(
            persons(on=on, min_age=head_age + 18, max_age=min(100, head_age + 40), person_id="F")
        )
        members.append(
            Membership(
                person=parent,
                relationship=Relationship.FATHER if parent.sex is Sex.MALE else Relationship.MOTHER,
            )
        )
    incomes: list[IncomeItem] = []
    if with_incomes:
        for membership in members:
            person = membership.person
            age = person.age_on(on)
            if 18 <= age < 60 and draw(st.booleans()):
                incomes.append(
                    IncomeItem(
                        person_id=person.person_id,
                        source=IncomeSource.WAGE,
                        amount=Rate.monthly(draw(amounts(max_value=4000, places=0))),
                        stable=draw(st.booleans()),
                    )
                )
            if age >= 60 and draw(st.booleans()):
                incomes.append(
                    IncomeItem(
                        person_id=person.person_id,
                        source=IncomeSource.BASIC_PENSION,
                        amount=Rate.monthly(draw(amounts(min_value=100, max_value=300, places=0))),
                    )
                )
            if age >= 60 and draw(st.booleans()):
                incomes.append(
                    IncomeItem(
                        person_id=person.person_id,
                        source=IncomeSource.PENSION,
                        amount=Rate.monthly(draw(amounts(max_value=3000, places=0))),
                    )
                )
    code = division or draw(division_codes())
    chosen_area = area or draw(st.sampled_from([Area.URBAN, Area.RURAL]))
    return Household(
        household_id=draw(st.from_regex(r"HH[0-9]{6}", fullmatch=True)),
        division=code,
        area=chosen_area,
        members=tuple(members),
        incomes=tuple(incomes),
    )


# -- payments -------------------------------------------------------------------------------

_FIRST_PAID = Month(2025, 1)
_LAST_PAID = Month(2025, 12)


@st.composite
def entitlements(
    draw: st.DrawFn,
    *,
    programmes: Sequence[Programme] = (
        Programme.DIBAO,
        Programme.TEKUN,
        Programme.ORPHAN,
        Programme.DISABILITY_NURSING_SUBSIDY,
    ),
    first: Month = _FIRST_PAID,
    last: Month = _LAST_PAID,
    beneficiary: str | None = None,
) -> Entitlement:
    """Entitlements of whole-fen monthly amounts starting within ``first``–``last``.

    >>> e = entitlements().example()
    >>> Month(2025, 1) <= e.valid_from <= Month(2025, 12)
    True
    """
    start = draw(months(min_value=first, max_value=last))
    end = draw(st.one_of(st.none(), months(min_value=start, max_value=last)))
    who = beneficiary or draw(st.from_regex(r"P[0-9]{4}", fullmatch=True))
    programme = draw(st.sampled_from(list(programmes)))
    return Entitlement(
        entitlement_id=f"{who}-{programme.value}-{start}",
        beneficiary=who,
        programme=programme,
        monthly=Rate.monthly(draw(amounts(min_value=Decimal(1), max_value=5000))),
        valid_from=start,
        valid_to=end,
        division=draw(st.sampled_from(["620521", "620522", "620523"])),
    )


@st.composite
def ledgers(draw: st.DrawFn, *, max_entitlements: int = 12) -> tuple[list[Entitlement], Ledger]:
    """Entitlements with distinct (beneficiary, programme), and the ledger of their scheduled year.

    >>> ents, ledger = ledgers().example()
    >>> ledger.total() == sum(d.amount for d in ledger)
    True
    """
    found: dict[tuple[str, Programme], Entitlement] = {}
    for e in draw(st.lists(entitlements(), max_size=max_entitlements)):
        found.setdefault((e.beneficiary, e.programme), e)
    chosen = list(found.values())
    return chosen, Ledger(schedule(chosen, Month.range(Month(2025, 1), Month(2025, 12))))


# -- care -----------------------------------------------------------------------------------


@st.composite
def institutions(
    draw: st.DrawFn, *, division: str | None = None, institution_id: str | None = None
) -> Institution:
    """Institutions of any kind, legal form, operating model and grade.

    >>> institutions(division="620521").example().division
    '620521'
    """
    return Institution(
        institution_id=institution_id or draw(st.from_regex(r"I[0-9]{4}", fullmatch=True)),
        name=draw(st.sampled_from(["敬老院", "养老院", "老年养护院", "综合养老服务中心"])),
        kind=draw(st.sampled_from(list(InstitutionKind))),
        division=division or draw(division_codes()),
        legal_form=draw(st.sampled_from(list(LegalForm))),
        operating_model=draw(st.sampled_from(list(OperatingModel))),
        filed_beds=draw(st.integers(0, 500)),
        grade=draw(st.one_of(st.none(), st.sampled_from(list(InstitutionGrade)))),
    )


@st.composite
def bed_registers(draw: st.DrawFn, *, max_beds: int = 8) -> BedRegister:
    """An empty register with one or two institutions and up to ``max_beds`` beds of either kind.

    >>> len(bed_registers().example().beds) >= 1
    True
    """
    register = BedRegister()
    count = draw(st.integers(1, 2))
    for n in range(count):
        register.add_institution(draw(institutions(division="620521", institution_id=f"I{n}")))
    for n in range(draw(st.integers(1, max_beds))):
        register.add_bed(
            Bed(
                bed_id=f"B{n}",
                institution_id=f"I{n % count}",
                kind=draw(st.sampled_from(list(BedKind))),
            )
        )
    return register


@st.composite
def stays(draw: st.DrawFn, *, bed_id: str = "B0", institution_id: str = "I0") -> Stay:
    """Stays of a generated person in one bed, open or closed.

    >>> s = stays().example()
    >>> s.discharged is None or s.discharged >= s.admitted
    True
    """
    admitted = draw(st.dates(datetime.date(2020, 1, 1), datetime.date(2025, 12, 31)))
    length = draw(st.one_of(st.none(), st.integers(0, 900)))
    return Stay(
        stay_id=draw(st.from_regex(r"S[0-9]{5}", fullmatch=True)),
        person=draw(persons(min_age=60, max_age=100)),
        institution_id=institution_id,
        bed_id=bed_id,
        admitted=admitted,
        discharged=None if length is None else admitted + datetime.timedelta(days=length),
        source=draw(st.sampled_from(list(ResidentSource))),
    )


# -- registrations --------------------------------------------------------------------------


@st.composite
def couples(
    draw: st.DrawFn, *, on: datetime.date = datetime.date(2025, 6, 1)
) -> tuple[Person, Person]:
    """A man and a woman, both of marriageable age on ``on`` (22 and 20).

    >>> he, she = couples().example()
    >>> he.sex is Sex.MALE and she.sex is Sex.FEMALE
    True
    """
    he = draw(
        persons(
            on=on,
            min_age=22,
            max_age=60,
            sex=Sex.MALE,
            person_id=draw(st.from_regex(r"M[0-9]{5}", fullmatch=True)),
        )
    )
    she = draw(
        persons(
            on=on,
            min_age=20,
            max_age=60,
            sex=Sex.FEMALE,
            person_id=draw(st.from_regex(r"F[0-9]{5}", fullmatch=True)),
        )
    )
    return he, she


@st.composite
def organisations(draw: st.DrawFn, *, registry: str = "620521") -> SocialOrganisation:
    """Active social organisations of any type, their credit code consistent with the type.

    >>> org = organisations().example()
    >>> org.credit_code is None or org.credit_code.org_kind is org.kind.org_kind
    True
    """
    kind = draw(st.sampled_from(list(OrgType)))
    code = draw(st.one_of(st.none(), credit_codes(org_kind=kind.org_kind, national=False)))
    return SocialOrganisation(
        org_id=draw(st.from_regex(r"O[0-9]{5}", fullmatch=True)),
        name=draw(st.sampled_from(["老年协会", "慈善会", "社会工作服务中心", "教育基金会"])),
        kind=kind,
        registry=registry,
        founded_on=draw(st.dates(datetime.date(2000, 1, 1), datetime.date(2024, 12, 31))),
        credit_code=code,
    )


# -- statistics -----------------------------------------------------------------------------


@st.composite
def facts(draw: st.DrawFn, *, persons_per_division: bool = True) -> Fact:
    """Facts over a few programmes, divisions (townships, villages), areas, months, households and persons.

    With ``persons_per_division`` a person and a household always fall in one
    division (so distinct counts roll up exactly).

    >>> f = facts().example()
    >>> f.amount >= 0
    True
    """
    division = draw(st.sampled_from(["620521", "620522", "620724", "110105", ""]))
    suffix = division if persons_per_division else ""
    household = draw(st.sampled_from(["", "H1", "H2", "H3"]))
    person = draw(st.sampled_from(["", "A", "B", "C", "D"]))
    township = draw(st.sampled_from(["", "城关镇", "白驼镇", "620521101"]))
    village = draw(st.sampled_from(["", "东关社区", "西关村"])) if township else ""
    return Fact(
        programme=draw(st.sampled_from([Programme.DIBAO, Programme.TEKUN, Programme.ORPHAN, None])),
        division=division,
        township=township,
        village=village,
        area=draw(st.sampled_from([Area.URBAN, Area.RURAL, None])),
        sex=draw(st.sampled_from([Sex.MALE, Sex.FEMALE, None])),
        birth_date=draw(
            st.one_of(st.none(), st.dates(datetime.date(1920, 1, 1), datetime.date(2024, 12, 31)))
        ),
        month=draw(
            st.one_of(st.none(), months(min_value=Month(2024, 1), max_value=Month(2025, 12)))
        ),
        household=f"{household}{suffix}" if household else "",
        person=f"{person}{suffix}" if person else "",
        amount=draw(amounts(max_value=5000)),
        count=draw(st.integers(0, 3)),
        kind=draw(st.sampled_from(["", "nursing", "ordinary"])),
    )
