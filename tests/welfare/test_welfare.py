"""Welfare: DOMAIN.md §7–§9 and §14 rules."""

import datetime
from decimal import Decimal
from typing import Any

import pytest

from minzheng.codes import AbilityLevel, Area, DisabilityCategory, DisabilityGrade
from minzheng.money import Rate
from minzheng.people import Disability, Education, Person
from minzheng.programmes import OrphanCare, Programme
from minzheng.standards import Standard, StandardsBook
from minzheng.welfare import (
    AgeBand,
    BasicFuneralService,
    ChildPolicy,
    DisabilitySubsidyPolicy,
    FuneralWaiverPolicy,
    ParentSituation,
    ParentStatus,
    VulnerableChildKind,
    age_bands,
    classify_child,
    classify_vulnerable_child,
    decide_child_allowance,
    decide_elderly_care_subsidy,
    decide_elderly_service_subsidy,
    decide_funeral_subsidy,
    decide_funeral_waiver,
    decide_living_subsidy,
    decide_nursing_subsidy,
    decide_old_age_allowance,
    is_left_behind,
)

D = datetime.date
ON = D(2025, 6, 1)
S = ParentSituation


def status(situation: ParentSituation, since: datetime.date | None = None) -> ParentStatus:
    return ParentStatus(situation=situation, since=since)


CHILD = Person(person_id="C", birth_date=D(2012, 3, 1))


@pytest.mark.parametrize(
    ("father", "mother", "expected"),
    [
        (status(S.DECEASED), status(S.DECEASED), Programme.ORPHAN),
        (status(S.DECEASED), status(S.CANNOT_BE_FOUND), Programme.ORPHAN),
        (
            status(S.DECEASED),
            status(S.IN_CUSTODY, D(2024, 12, 1)),
            Programme.UNSUPPORTED_CHILD,
        ),  # 6 months on 06-01
        (status(S.DECEASED), status(S.IN_CUSTODY, D(2024, 12, 2)), None),  # not yet 6 months
        (
            status(S.SEVERE_DISABILITY),
            status(S.LOST_CONTACT, D(2024, 1, 1)),
            Programme.UNSUPPORTED_CHILD,
        ),
        (status(S.SERIOUS_ILLNESS), status(S.PRESENT), None),
        (status(S.GUARDIANSHIP_REVOKED), status(S.DEPORTED), Programme.UNSUPPORTED_CHILD),
    ],
)
def test_orphan_and_unsupported_child(
    father: ParentStatus, mother: ParentStatus, expected: Programme | None
) -> None:
    assert classify_child(CHILD, father=father, mother=mother, on=ON).programme is expected


def test_threshold_is_configurable_and_adults_are_out() -> None:
    father, mother = status(S.DECEASED), status(S.IN_CUSTODY, D(2025, 3, 1))
    assert classify_child(
        CHILD, father=father, mother=mother, on=ON, policy=ChildPolicy(months_threshold=3)
    ).programme
    adult = Person(person_id="A", birth_date=D(2006, 1, 1), education=Education.BACHELOR)
    gone = status(S.DECEASED)
    assert classify_child(adult, father=gone, mother=gone, on=ON).programme is None
    extended = ChildPolicy(continue_in_school_until=22)
    assert (
        classify_child(adult, father=gone, mother=gone, on=ON, policy=extended).programme
        is Programme.ORPHAN
    )


def test_allowances_by_care_setting_and_by_reference_to_the_orphan_standard() -> None:
    # 连云港: institutional 2892, dispersed 2054 a month
    book = StandardsBook(
        [
            Standard(
                programme="orphan",
                division="320700",
                variant="institutional",
                rate=Rate.monthly("2892"),
                effective=D(2025, 1, 1),
            ),
            Standard(
                programme="orphan",
                division="320700",
                variant="dispersed",
                rate=Rate.monthly("2054"),
                effective=D(2025, 1, 1),
            ),
        ]
    )
    gone = status(S.DECEASED)
    orphan = decide_child_allowance(
        CHILD,
        father=gone,
        mother=gone,
        care=OrphanCare.INSTITUTIONAL,
        on=ON,
        book=book,
        division="320703",
    )
    assert orphan.amount == Rate.monthly("2892")
    unsupported = decide_child_allowance(
        CHILD,
        father=gone,
        mother=status(S.IN_CUSTODY, D(2020, 1, 1)),
        care=OrphanCare.DISPERSED,
        on=ON,
        book=book,
        division="320703",
    )
    assert (
        unsupported.programme is Programme.UNSUPPORTED_CHILD
        and unsupported.amount == Rate.monthly("2054")
    )
    assert "child.by_orphan_standard" in unsupported.reason_codes()


def test_vulnerable_and_left_behind() -> None:
    disabled = Person(
        person_id="C",
        birth_date=D(2012, 1, 1),
        disability=Disability(category=DisabilityCategory.HEARING, grade=DisabilityGrade.SECOND),
    )
    kinds = classify_vulnerable_child(
        disabled, household_programmes=frozenset({Programme.DIBAO}), unsupported=True, on=ON
    )
    assert kinds == frozenset(VulnerableChildKind)
    away = status(S.WORKING_AWAY)
    assert is_left_behind(CHILD, father=away, mother=away, on=ON)
    assert not is_left_behind(CHILD, father=away, mother=status(S.PRESENT), on=ON)
    assert not is_left_behind(
        Person(person_id="T", birth_date=D(2009, 1, 1)), father=away, mother=away, on=ON
    )


SUBSIDIES = StandardsBook(
    [
        Standard(
            programme="disability_living_subsidy",
            division="320700",
            rate=Rate.monthly("90"),
            effective=D(2025, 1, 1),
        ),
        Standard(
            programme="disability_nursing_subsidy",
            division="320700",
            area=Area.URBAN,
            rate=Rate.monthly("130"),
            effective=D(2025, 1, 1),
        ),
        Standard(
            programme="disability_nursing_subsidy",
            division="320700",
            area=Area.RURAL,
            rate=Rate.monthly("90"),
            effective=D(2025, 1, 1),
        ),
    ]
)


def disabled(category: DisabilityCategory, grade: DisabilityGrade) -> Person:
    return Person(
        person_id="P",
        birth_date=D(1980, 1, 1),
        disability=Disability(category=category, grade=grade),
    )


def test_living_subsidy_base_extension_and_exclusions() -> None:
    person = disabled(DisabilityCategory.PHYSICAL, DisabilityGrade.FOURTH)
    kwargs: dict[str, Any] = {"on": ON, "book": SUBSIDIES, "division": "320703", "area": Area.URBAN}
    assert decide_living_subsidy(person, household_programmes={Programme.DIBAO}, **kwargs).eligible
    assert not decide_living_subsidy(
        person, household_programmes={Programme.DIBAO_EDGE}, **kwargs
    ).eligible
    extended = DisabilitySubsidyPolicy(
        living_programmes=frozenset({Programme.DIBAO, Programme.DIBAO_EDGE})
    )
    assert decide_living_subsidy(
        person, household_programmes={Programme.DIBAO_EDGE}, policy=extended, **kwargs
    ).eligible
    assert not decide_living_subsidy(
        person, household_programmes={Programme.DIBAO, Programme.TEKUN}, **kwargs
    ).eligible
    assert not decide_living_subsidy(
        person, household_programmes={Programme.DIBAO}, child_allowance=True, **kwargs
    ).eligible
    assert not decide_living_subsidy(
        Person(person_id="N"), household_programmes={Programme.DIBAO}, **kwargs
    ).eligible


def test_nursing_subsidy_grades_extension_exclusions_and_choose_higher() -> None:
    kwargs: dict[str, Any] = {
        "on": ON,
        "book": SUBSIDIES,
        "division": "320703",
        "area": Area.RURAL,
        "needs_long_term_care": True,
    }
    assert decide_nursing_subsidy(
        disabled(DisabilityCategory.PHYSICAL, DisabilityGrade.SECOND), **kwargs
    ).amount == Rate.monthly("90")
    mild_mental = disabled(DisabilityCategory.MENTAL, DisabilityGrade.FOURTH)
    assert not decide_nursing_subsidy(mild_mental, **kwargs).eligible
    extended = DisabilitySubsidyPolicy(nursing_mild_intellectual_mental=True)
    assert decide_nursing_subsidy(mild_mental, policy=extended, **kwargs).eligible
    severe = disabled(DisabilityCategory.VISUAL, DisabilityGrade.FIRST)
    assert not decide_nursing_subsidy(severe, work_injury_care=True, **kwargs).eligible
    assert not decide_nursing_subsidy(
        severe, household_programmes={Programme.TEKUN}, **kwargs
    ).eligible
    assert not decide_nursing_subsidy(
        severe, other_allowance=Rate.monthly("100"), **kwargs
    ).eligible
    assert decide_nursing_subsidy(severe, other_allowance=Rate.monthly("50"), **kwargs).eligible
    no_care: dict[str, Any] = {**kwargs, "needs_long_term_care": False}
    assert not decide_nursing_subsidy(severe, **no_care).eligible


def old_age_book(bands: dict[str, str], division: str = "530000") -> StandardsBook:
    return StandardsBook(
        [
            Standard(
                programme="old_age_allowance",
                division=division,
                variant=band,
                rate=Rate.monthly(amount),
                effective=D(2012, 1, 1),
            )
            for band, amount in bands.items()
        ]
    )


def test_old_age_bands_are_data() -> None:
    shangri_la = old_age_book({"80-89": "30", "90-99": "50", "100+": "200"})
    nanning = old_age_book({"90-99": "50", "100+": "200"}, division="450100")
    person = Person(person_id="P", birth_date=D(1940, 1, 1))  # 85
    assert decide_old_age_allowance(
        person, on=ON, book=shangri_la, division="533401"
    ).amount == Rate.monthly("30")
    refused = decide_old_age_allowance(person, on=ON, book=nanning, division="450102")
    assert not refused.eligible and refused.reasons[0].params["threshold"] == 90
    centenarian = Person(person_id="Q", birth_date=D(1925, 6, 1))
    assert decide_old_age_allowance(
        centenarian, on=ON, book=nanning, division="450102"
    ).amount == Rate.monthly("200")
    assert [str(b) for b in age_bands(shangri_la, "533401", on=ON)] == ["80-89", "90-99", "100+"]
    assert AgeBand.parse("100+").max_age is None


def test_service_and_care_subsidies() -> None:
    book = StandardsBook(
        [
            Standard(
                programme="elderly_service_subsidy",
                division="620000",
                rate=Rate.monthly("100"),
                effective=D(2025, 1, 1),
            ),
            Standard(
                programme="elderly_care_subsidy",
                division="620000",
                variant="level-2",
                rate=Rate.monthly("100"),
                effective=D(2025, 1, 1),
            ),
            Standard(
                programme="elderly_care_subsidy",
                division="620000",
                variant="level-4",
                rate=Rate.monthly("300"),
                effective=D(2025, 1, 1),
            ),
        ]
    )
    old = Person(person_id="P", birth_date=D(1950, 1, 1))
    args: dict[str, Any] = {"on": ON, "book": book, "division": "620521"}
    assert decide_elderly_service_subsidy(
        old, household_programmes={Programme.DIBAO_EDGE}, **args
    ).eligible
    assert not decide_elderly_service_subsidy(old, household_programmes=(), **args).eligible
    care = decide_elderly_care_subsidy(
        old, level=AbilityLevel.LOST, household_programmes={Programme.DIBAO}, **args
    )
    assert care.amount == Rate.monthly("300")
    assert not decide_elderly_care_subsidy(
        old, level=AbilityLevel.MILD, household_programmes={Programme.DIBAO}, **args
    ).eligible


def test_funeral() -> None:
    book = StandardsBook(
        [
            Standard(
                programme="funeral_subsidy",
                division="620700",
                rate=Rate.monthly("3000"),
                effective=D(2025, 1, 1),
            )
        ]
    )
    person = Person(person_id="P")
    assert decide_funeral_subsidy(
        person, on=ON, book=book, division="620724", programmes={Programme.TEKUN}
    ).one_off == Decimal("3000")
    assert not decide_funeral_subsidy(
        person, on=ON, book=book, division="620724", programmes={Programme.DIBAO}
    ).eligible
    policy = FuneralWaiverPolicy(
        caps={
            BasicFuneralService.TRANSPORT: Decimal("300"),
            BasicFuneralService.COLD_STORAGE: Decimal("150"),
            BasicFuneralService.CREMATION: Decimal("400"),
            BasicFuneralService.ASHES_STORAGE: Decimal("322"),
        }
    )  # Heihe 1,172 in all
    charges = {s: Decimal("1000") for s in BasicFuneralService}
    waiver = decide_funeral_waiver(
        person, on=ON, programmes={Programme.DIBAO}, charges=charges, policy=policy
    )
    assert waiver.one_off == Decimal("1172")
    assert not decide_funeral_waiver(
        person, on=ON, programmes=(), charges=charges, policy=policy
    ).eligible
