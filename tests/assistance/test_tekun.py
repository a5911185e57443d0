"""特困: DOMAIN.md §5 — conditions, 2016 vs 2021 rules, tiers, standards, orphan priority."""

import datetime
from decimal import Decimal

import pytest

from minzheng.assistance import (
    TEKUN_2016,
    TEKUN_2021,
    DailyActivity,
    decide_tekun,
    example_elder_household,
    self_care_tier,
    tekun_rules_on,
)
from minzheng.codes import Area, DisabilityCategory, DisabilityGrade, Relationship
from minzheng.money import Rate
from minzheng.people import (
    Disability,
    DutyKind,
    Education,
    Household,
    IncomeItem,
    IncomeSource,
    Membership,
    Obligor,
    Person,
    WorkCapacity,
)
from minzheng.programmes import SelfCareTier, TekunForm
from minzheng.standards import Standard, StandardsBook

D = datetime.date
BOOK = StandardsBook(
    [
        Standard(
            programme="dibao",
            division="620000",
            area=Area.URBAN,
            rate=Rate.yearly("8580"),
            effective=D(2015, 1, 1),
        ),
        Standard(
            programme="dibao",
            division="620000",
            area=Area.RURAL,
            rate=Rate.yearly("5580"),
            effective=D(2015, 1, 1),
        ),
        Standard(
            programme="tekun",
            division="620000",
            area=Area.RURAL,
            variant="care.centralised.full_care",
            rate=Rate.yearly("12360"),
            effective=D(2015, 1, 1),
        ),
    ]
)


def alone(
    person: Person, *, obligors: tuple[Obligor, ...] = (), incomes: tuple[IncomeItem, ...] = ()
) -> Household:
    return Household(
        household_id="HH",
        division="620521",
        area=Area.RURAL,
        members=(Membership(person=person, relationship=Relationship.HEAD),),
        obligors=obligors,
        incomes=incomes,
    )


def test_seed_amounts() -> None:
    d = decide_tekun(example_elder_household(), "ELDER", on=D(2025, 6, 1), book=BOOK)
    assert d.eligible and d.amount == Rate.yearly("7260")
    assert d.rule_version == TEKUN_2021.name
    assert "standard.derived" in d.reason_codes()


@pytest.mark.parametrize(
    ("category", "grade", "in_2016", "in_2021"),
    [
        (DisabilityCategory.PHYSICAL, DisabilityGrade.FIRST, True, True),
        (DisabilityCategory.PHYSICAL, DisabilityGrade.SECOND, False, True),
        (DisabilityCategory.INTELLECTUAL, DisabilityGrade.THIRD, False, True),
        (DisabilityCategory.MENTAL, DisabilityGrade.SECOND, True, True),
        (DisabilityCategory.VISUAL, DisabilityGrade.FIRST, False, True),
        (DisabilityCategory.HEARING, DisabilityGrade.FIRST, False, False),
    ],
)
def test_disability_table_by_version(
    category: DisabilityCategory, grade: DisabilityGrade, in_2016: bool, in_2021: bool
) -> None:
    person = Person(
        person_id="P",
        birth_date=D(1980, 1, 1),
        disability=Disability(category=category, grade=grade),
    )
    assert decide_tekun(alone(person), "P", on=D(2019, 1, 1), book=BOOK).eligible is in_2016
    assert decide_tekun(alone(person), "P", on=D(2025, 1, 1), book=BOOK).eligible is in_2021


def test_version_by_date() -> None:
    assert tekun_rules_on(D(2021, 6, 30)) is TEKUN_2016
    assert tekun_rules_on(D(2021, 7, 1)) is TEKUN_2021


def test_ages_minors_and_the_in_school_extension() -> None:
    on = D(2025, 6, 1)
    assert decide_tekun(
        alone(Person(person_id="P", birth_date=D(1965, 6, 1))), "P", on=on, book=BOOK
    ).eligible
    assert not decide_tekun(
        alone(Person(person_id="P", birth_date=D(1965, 6, 2))), "P", on=on, book=BOOK
    ).eligible
    teen = Person(person_id="P", birth_date=D(2008, 1, 1))  # 17
    assert not decide_tekun(alone(teen), "P", on=on, book=BOOK).eligible
    assert decide_tekun(alone(teen), "P", on=on, book=BOOK, already_supported=True).eligible
    teen_2019 = Person(
        person_id="P", birth_date=D(2002, 1, 1)
    )  # 17 in 2019: the 2016 rules stop at 16
    assert not decide_tekun(
        alone(teen_2019), "P", on=D(2019, 6, 1), book=BOOK, already_supported=True
    ).eligible
    student = Person(person_id="P", birth_date=D(2006, 1, 1), education=Education.SENIOR_HIGH)  # 19
    assert decide_tekun(alone(student), "P", on=on, book=BOOK, already_supported=True).eligible
    assert (
        "tekun.in_school_extension"
        in decide_tekun(
            alone(student), "P", on=on, book=BOOK, already_supported=True
        ).reason_codes()
    )


def test_obligors() -> None:
    elder = Person(person_id="P", birth_date=D(1940, 1, 1))
    son = Person(person_id="S", birth_date=D(1965, 1, 1))
    able = Obligor(person=son, towards="P", duty=DutyKind.SUPPORT_PARENTS, able=True)
    unable = Obligor(person=son, towards="P", duty=DutyKind.SUPPORT_PARENTS, able=False)
    unknown = Obligor(person=son, towards="P", duty=DutyKind.SUPPORT_PARENTS)
    on = D(2025, 6, 1)
    assert not decide_tekun(alone(elder, obligors=(able,)), "P", on=on, book=BOOK).eligible
    assert decide_tekun(alone(elder, obligors=(unable,)), "P", on=on, book=BOOK).eligible
    assert (
        "tekun.obligor_not_assessed"
        in decide_tekun(alone(elder, obligors=(unknown,)), "P", on=on, book=BOOK).reason_codes()
    )


def test_means_of_living_excludes_the_basic_pension_and_old_age_allowance() -> None:
    elder = Person(person_id="P", birth_date=D(1940, 1, 1))
    excluded = (
        IncomeItem(person_id="P", source=IncomeSource.BASIC_PENSION, amount=Rate.monthly("2000")),
        IncomeItem(
            person_id="P", source=IncomeSource.OLD_AGE_ALLOWANCE, amount=Rate.monthly("100")
        ),
    )
    assert decide_tekun(alone(elder, incomes=excluded), "P", on=D(2025, 6, 1), book=BOOK).eligible
    pension = (IncomeItem(person_id="P", source=IncomeSource.PENSION, amount=Rate.monthly("465")),)
    assert not decide_tekun(
        alone(elder, incomes=pension), "P", on=D(2025, 6, 1), book=BOOK
    ).eligible


def test_orphan_priority() -> None:
    child = Person(person_id="P", birth_date=D(2015, 1, 1))
    d = decide_tekun(alone(child), "P", on=D(2025, 6, 1), book=BOOK, is_orphan=True)
    assert not d.eligible and d.reason_codes()[-1] == "tekun.orphan_priority"


def test_self_care_tiers_and_the_care_standard() -> None:
    assert self_care_tier([]) is SelfCareTier.SELF_CARE
    assert self_care_tier(list(DailyActivity)[:3]) is SelfCareTier.PARTIAL_CARE
    assert self_care_tier(list(DailyActivity)[:4]) is SelfCareTier.FULL_CARE
    elder = Person(person_id="P", birth_date=D(1940, 1, 1))
    d = decide_tekun(
        alone(elder),
        "P",
        on=D(2025, 6, 1),
        book=BOOK,
        form=TekunForm.CENTRALISED,
        failed_activities=list(DailyActivity),
    )
    assert d.amount == Rate.monthly(Decimal("605") + Decimal("1030"))
    partial = decide_tekun(
        alone(elder), "P", on=D(2025, 6, 1), book=BOOK, failed_activities=[DailyActivity.EATING]
    )
    assert (
        "tekun.care_standard_missing" in partial.reason_codes()
        and partial.amount == Rate.monthly("605")
    )


def test_assessed_incapacity() -> None:
    person = Person(person_id="P", birth_date=D(1980, 1, 1), work_capacity=WorkCapacity.NONE)
    assert decide_tekun(alone(person), "P", on=D(2025, 6, 1), book=BOOK).eligible
