"""People and households: DOMAIN.md §4.3 membership rules, §4.4 income, consistency checks."""

import datetime
from decimal import Decimal

import attrs
import pytest
from hypothesis import given

from minzheng.codes import Area, DisabilityCategory, DisabilityGrade, Relationship, Sex
from minzheng.dates import Month
from minzheng.errors import InconsistentRecord, InvalidValue
from minzheng.ids import DisabilityCertificateNo, ResidentId
from minzheng.money import Rate
from minzheng.people import (
    Absence,
    AbsenceKind,
    Asset,
    AssetKind,
    AssetLimits,
    Disability,
    DutyKind,
    Education,
    Household,
    IncomeItem,
    IncomePolicy,
    IncomeSource,
    Membership,
    Obligor,
    Person,
    WorkCapacity,
    per_capita_monthly_income,
)
from minzheng.testing import households, persons

D = datetime.date
ON = D(2025, 6, 1)


def household(*members: Membership, incomes: tuple[IncomeItem, ...] = ()) -> Household:
    head = Membership(
        person=Person(person_id="H", birth_date=D(1970, 1, 1)), relationship=Relationship.HEAD
    )
    return Household(
        household_id="HH",
        division="620521",
        area=Area.URBAN,
        members=(head, *members),
        incomes=incomes,
    )


def codes(hh: Household, on: datetime.date = ON) -> dict[str, tuple[bool, str]]:
    return {d.person.person_id: (d.included, d.reason.code) for d in hh.members_on(on)}


def test_person_takes_sex_and_birth_date_from_the_identity_number() -> None:
    p = Person(person_id="P", resident_id=ResidentId.parse("11010519491231002X"))
    assert p.sex is Sex.FEMALE and p.birth_date == D(1949, 12, 31)
    with pytest.raises(InconsistentRecord):
        Person(
            person_id="P",
            resident_id=ResidentId.parse("11010519491231002X"),
            birth_date=D(1950, 1, 1),
        )


def test_names_are_masked_in_repr() -> None:
    p = Person(person_id="P", name="王秀英")
    assert "秀英" not in repr(p) and p.name == "王秀英" and p.label == "王**"


def test_birth_dates_show_the_year_only() -> None:
    p = Person(person_id="P", resident_id=ResidentId.parse("11010519491231002X"))
    assert "birth_date='1949-**-**'" in repr(p) and p.birth_date == D(1949, 12, 31)
    assert "12, 31" not in repr(p) and "12-31" not in str(p)
    with pytest.raises(InconsistentRecord) as caught:
        attrs.evolve(p, birth_date=D(1950, 2, 3))
    assert "1950-02-03" not in str(caught.value) and "1950-**-**" in str(caught.value)


def test_disability_certificate_must_match() -> None:
    cert = DisabilityCertificateNo.parse("36012119701121001343")
    Disability(category=DisabilityCategory.PHYSICAL, grade=DisabilityGrade.THIRD, certificate=cert)
    with pytest.raises(InconsistentRecord):
        Disability(
            category=DisabilityCategory.PHYSICAL, grade=DisabilityGrade.FIRST, certificate=cert
        )
    with pytest.raises(InconsistentRecord):
        Person(
            person_id="P",
            resident_id=ResidentId.parse("11010519491231002X"),
            disability=Disability(
                category=DisabilityCategory.PHYSICAL, grade=DisabilityGrade.THIRD, certificate=cert
            ),
        )


def test_members_included() -> None:
    hh = household(
        Membership(
            person=Person(person_id="W", birth_date=D(1972, 1, 1)), relationship=Relationship.WIFE
        ),
        Membership(
            person=Person(person_id="MINOR", birth_date=D(2010, 1, 1)),
            relationship=Relationship.SON,
        ),
        Membership(
            person=Person(
                person_id="STUDENT", birth_date=D(2003, 1, 1), education=Education.BACHELOR
            ),
            relationship=Relationship.DAUGHTER,
        ),
        Membership(
            person=Person(
                person_id="DEP", birth_date=D(1995, 1, 1), work_capacity=WorkCapacity.NONE
            ),
            relationship=Relationship.SON,
            lives_together=False,
        ),
        Membership(
            person=Person(person_id="DAD", birth_date=D(1945, 1, 1)),
            relationship=Relationship.FATHER,
        ),
    )
    assert codes(hh) == {
        "H": (True, "member.head"),
        "W": (True, "member.spouse"),
        "MINOR": (True, "member.minor_child"),
        "STUDENT": (True, "member.adult_child_student"),
        "DEP": (True, "member.adult_child_dependent"),
        "DAD": (True, "member.support_duty"),
    }


def test_members_excluded() -> None:
    since = D(2020, 1, 1)
    hh = household(
        Membership(
            person=Person(
                person_id="JAIL", absences=(Absence(kind=AbsenceKind.SENTENCE, start=since),)
            ),
            relationship=Relationship.HUSBAND,
        ),
        Membership(
            person=Person(
                person_id="REHAB",
                birth_date=D(1990, 1, 1),
                absences=(Absence(kind=AbsenceKind.DRUG_REHABILITATION, start=since),),
            ),
            relationship=Relationship.SON,
        ),
        Membership(
            person=Person(
                person_id="GONE",
                absences=(Absence(kind=AbsenceKind.DECLARED_MISSING, start=since),),
            ),
            relationship=Relationship.ELDER_BROTHER,
        ),
        Membership(
            person=Person(
                person_id="MONK",
                birth_date=D(1980, 1, 1),
                absences=(Absence(kind=AbsenceKind.CLERGY_APART, start=D(2022, 6, 1)),),
            ),
            relationship=Relationship.YOUNGER_BROTHER,
        ),
        Membership(
            person=Person(person_id="NEPHEW", birth_date=D(2000, 1, 1)),
            relationship=Relationship.BROTHERS_SON,
        ),
        Membership(
            person=Person(person_id="AWAY", birth_date=D(1995, 1, 1)),
            relationship=Relationship.SON,
            lives_together=False,
        ),
        Membership(
            person=Person(person_id="LEFT", birth_date=D(1999, 1, 1)),
            relationship=Relationship.DAUGHTER,
            left=D(2025, 1, 1),
        ),
    )
    assert codes(hh) == {
        "H": (True, "member.head"),
        "JAIL": (False, "member.excluded_sentence"),
        "REHAB": (False, "member.excluded_drug_rehab"),
        "GONE": (False, "member.excluded_missing"),
        "MONK": (False, "member.excluded_clergy"),  # 3 years apart on 2025-06-01 (含三年)
        "NEPHEW": (False, "member.no_support_duty"),
        "AWAY": (False, "member.not_living_together"),
        "LEFT": (False, "member.not_in_household"),
    }
    assert codes(hh, D(2025, 5, 31))["MONK"] == (
        False,
        "member.no_support_duty",
    )  # not yet three years


def test_sentence_ends_and_the_person_counts_again() -> None:
    jailed = Person(
        person_id="J",
        absences=(Absence(kind=AbsenceKind.SENTENCE, start=D(2020, 1, 1), end=D(2024, 12, 31)),),
    )
    hh = household(Membership(person=jailed, relationship=Relationship.HUSBAND))
    assert codes(hh, D(2024, 12, 31))["J"][0] is False
    assert codes(hh, D(2025, 1, 1))["J"] == (True, "member.spouse")


def test_household_invariants() -> None:
    with pytest.raises(InvalidValue):
        household(Membership(person=Person(person_id="X"), relationship=Relationship.HEAD))
    with pytest.raises(InvalidValue):
        household(Membership(person=Person(person_id="H"), relationship=Relationship.WIFE))
    with pytest.raises(InvalidValue):
        household(
            incomes=(
                IncomeItem(person_id="NOBODY", source=IncomeSource.WAGE, amount=Rate.monthly("1")),
            )
        )


def test_obligors_may_live_elsewhere() -> None:
    daughter = Person(person_id="D", birth_date=D(1990, 1, 1))
    hh = Household(
        household_id="HH",
        division="620521",
        area=Area.RURAL,
        members=(Membership(person=Person(person_id="H"), relationship=Relationship.HEAD),),
        obligors=(Obligor(person=daughter, towards="H", duty=DutyKind.SUPPORT_PARENTS, able=True),),
    )
    assert hh.obligors_of("H")[0].person.person_id == "D"
    assert [p.person_id for p in hh.included_on(ON)] == ["H"]


def test_income_exclusions_and_per_capita() -> None:
    items = (
        IncomeItem(person_id="H", source=IncomeSource.WAGE, amount=Rate.monthly("1600")),
        IncomeItem(
            person_id="H", source=IncomeSource.DISABILITY_SUBSIDY, amount=Rate.monthly("80")
        ),
        IncomeItem(person_id="H", source=IncomeSource.SCHOLARSHIP, amount=Rate.yearly("3000")),
        IncomeItem(person_id="W", source=IncomeSource.PROPERTY, amount=Rate.yearly("1200")),
        IncomeItem(
            person_id="W", source=IncomeSource.WAGE, amount=Rate.monthly("500"), end=Month(2025, 5)
        ),
    )
    hh = household(
        Membership(
            person=Person(person_id="W", birth_date=D(1972, 1, 1)), relationship=Relationship.WIFE
        ),
        Membership(
            person=Person(person_id="K", birth_date=D(2015, 1, 1)), relationship=Relationship.SON
        ),
        incomes=items,
    )
    pc = per_capita_monthly_income(hh, Month(2025, 6))
    assert (pc.total, pc.members) == (Decimal("1700"), 3)
    assert pc.exact * 3 == 1700 and pc.rounded() == Decimal("566.67")
    assert per_capita_monthly_income(hh, Month(2025, 5)).total == Decimal("2200")
    deducted = per_capita_monthly_income(
        hh, Month(2025, 6), policy=IncomePolicy(earned_deduction=Decimal("0.25"))
    )
    assert deducted.total == Decimal("1300")


def test_asset_limits() -> None:
    limits = AssetLimits(financial_years_per_capita=Decimal(1), max_vehicles=1, max_houses=1)
    ok, _ = limits.check(
        assets=(Asset(kind=AssetKind.DEPOSIT, value=Decimal("17159")),),
        members=2,
        standard=Rate.yearly("8580"),
    )
    assert ok
    bad, reasons = limits.check(
        assets=(
            Asset(kind=AssetKind.DEPOSIT, value=Decimal("17160")),
            Asset(kind=AssetKind.VEHICLE, value=Decimal(1), count=2),
        ),
        members=2,
        standard=Rate.yearly("8580"),
    )
    assert not bad and reasons[0].code == "dibao.property_fails"


@given(persons(on=ON, min_age=18, max_age=18))
def test_generated_persons_are_consistent(person: Person) -> None:
    assert person.age_on(ON) == 18
    if person.resident_id is not None:
        assert (
            person.sex is person.resident_id.sex
            and person.birth_date == person.resident_id.birth_date
        )


@given(households(on=ON))
def test_generated_households_are_plausible(hh: Household) -> None:
    decisions = hh.members_on(ON)
    assert sum(d.reason.code == "member.head" for d in decisions) == 1
    head_age = hh.head.age_on(ON)
    for membership in hh.members:
        if membership.relationship.kind.value == "child":
            assert head_age - membership.person.age_on(ON) >= 17
    pc = per_capita_monthly_income(hh, Month.of(ON), on=ON)
    assert pc.total >= 0 and pc.members == len(hh.included_on(ON))
