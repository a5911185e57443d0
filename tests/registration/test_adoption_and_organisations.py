"""Adoption (§12) and social organisations and charities (§13)."""

import datetime
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng.codes import Sex
from minzheng.people import Person
from minzheng.registration import (
    CHANHE_2025,
    AdopteeCategory,
    Adopter,
    AnnualInspection,
    EvaluationGrade,
    FoundationType,
    InspectionResult,
    OrgType,
    SocialOrganisation,
    adoption_review_deadline,
    decide_adoption,
    decide_annual_report,
    decide_charity_spending,
    decide_evaluation_eligibility,
    decide_founding,
    decide_public_fundraising,
    dormant_organisations,
    evaluation_grade,
    evaluation_valid_until,
    inspection_due_dates,
    participation_rate,
)
from minzheng.rules import Decision
from minzheng.testing import organisations

D = datetime.date
ON = D(2025, 4, 1)


def man(born: datetime.date, **kwargs: Any) -> Adopter:
    return Adopter(person=Person(person_id="M", sex=Sex.MALE, birth_date=born), **kwargs)


def girl(born: datetime.date) -> Person:
    return Person(person_id="G", sex=Sex.FEMALE, birth_date=born)


def test_adoption_worked_example() -> None:
    difficulty = AdopteeCategory.PARENTS_IN_DIFFICULTY
    assert not decide_adoption(
        [man(D(1980, 3, 1))], girl(D(2019, 2, 1)), category=difficulty, on=ON
    ).eligible  # 39
    assert decide_adoption(
        [man(D(1979, 3, 1))], girl(D(2020, 2, 1)), category=difficulty, on=ON
    ).eligible  # 41
    one_child = decide_adoption(
        [man(D(1979, 3, 1), children=1, previously_adopted=1)],
        girl(D(2020, 2, 1)),
        category=difficulty,
        on=ON,
    )
    assert "adoption.number_limit" in one_child.reason_codes()
    orphan = decide_adoption(
        [man(D(1979, 3, 1), children=2, previously_adopted=3)],
        girl(D(2020, 2, 1)),
        category=AdopteeCategory.ORPHAN,
        on=ON,
    )
    assert orphan.eligible


def test_adopter_conditions() -> None:
    young = decide_adoption(
        [man(D(1996, 1, 1))],
        Person(person_id="B", sex=Sex.MALE, birth_date=D(2020, 1, 1)),
        category=AdopteeCategory.ORPHAN,
        on=ON,
    )
    assert "adoption.adopter_too_young" in young.reason_codes()
    married_alone = decide_adoption(
        [man(D(1980, 1, 1), married=True)],
        Person(person_id="B", sex=Sex.MALE, birth_date=D(2020, 1, 1)),
        category=AdopteeCategory.ORPHAN,
        on=ON,
    )
    assert "adoption.joint_required" in married_alone.reason_codes()
    nine = Person(person_id="B", sex=Sex.MALE, birth_date=D(2016, 1, 1))
    assert (
        "adoption.consent_missing"
        in decide_adoption(
            [man(D(1980, 1, 1))], nine, category=AdopteeCategory.ORPHAN, on=ON
        ).reason_codes()
    )
    assert decide_adoption(
        [man(D(1980, 1, 1))], nine, category=AdopteeCategory.ORPHAN, on=ON, child_consents=True
    ).eligible


def test_adoption_review_periods() -> None:
    assert adoption_review_deadline(D(2025, 3, 3)) == D(2025, 4, 2)
    assert adoption_review_deadline(D(2025, 3, 3), foundling_notice=True) == D(2025, 6, 1)


def test_founding_requirements() -> None:
    group = OrgType.SOCIAL_GROUP
    assert decide_founding(
        group, on=ON, individual_members=50, activity_funds=Decimal("30000")
    ).eligible
    assert decide_founding(group, on=ON, unit_members=30, activity_funds=Decimal("30000")).eligible
    assert not decide_founding(
        group, on=ON, individual_members=40, unit_members=9, activity_funds=Decimal("30000")
    ).eligible
    assert not decide_founding(
        group, on=ON, national=True, individual_members=60, activity_funds=Decimal("99999")
    ).eligible
    assert decide_founding(
        OrgType.FOUNDATION,
        on=ON,
        foundation_type=FoundationType.NATIONAL_PUBLIC,
        original_fund=Decimal("8000000"),
    ).eligible


def org(
    org_id: str, founded: datetime.date, kind: OrgType = OrgType.SOCIAL_GROUP
) -> SocialOrganisation:
    return SocialOrganisation(
        org_id=org_id, name=org_id, kind=kind, registry="320700", founded_on=founded
    )


def test_inspections_participation_and_dormant() -> None:
    orgs = [
        org("A", D(2015, 1, 1)),
        org("B", D(2016, 1, 1)),
        org("C", D(2018, 1, 1)),
        org("D", D(2024, 6, 1)),
    ]
    inspections = [
        AnnualInspection(org_id="A", year=2024, result=InspectionResult.PASS),
        AnnualInspection(org_id="B", year=2023, result=InspectionResult.PASS),
        AnnualInspection(org_id="D", year=2024, result=InspectionResult.BASIC_PASS),
    ]
    assert participation_rate(orgs, inspections, 2024) == Decimal("0.5")
    assert [o.org_id for o in dormant_organisations(orgs, inspections, year=2024, years=2)] == ["C"]
    assert inspection_due_dates(OrgType.SOCIAL_SERVICE_INSTITUTION, 2025) == (
        D(2025, 3, 31),
        D(2025, 5, 31),
    )


def test_evaluation_eligibility_and_grades() -> None:
    a = org("A", D(2020, 1, 1))
    history = [
        AnnualInspection(org_id="A", year=2023, result=InspectionResult.BASIC_PASS),
        AnnualInspection(org_id="A", year=2024, result=InspectionResult.BASIC_PASS),
    ]
    assert (
        "evaluation.basic_pass_twice"
        in decide_evaluation_eligibility(a, on=ON, inspections=history).reason_codes()
    )
    good = [AnnualInspection(org_id="A", year=2024, result=InspectionResult.PASS)]
    assert decide_evaluation_eligibility(a, on=ON, inspections=good).eligible
    assert not decide_evaluation_eligibility(
        a, on=ON, inspections=good, last_grade_awarded_on=D(2021, 6, 1)
    ).eligible
    assert evaluation_valid_until(D(2021, 6, 1)) == D(2026, 6, 1)
    assert evaluation_grade(899, CHANHE_2025) is EvaluationGrade.FOUR_A


def test_charities() -> None:
    charity = SocialOrganisation(
        org_id="C",
        name="慈善会",
        kind=OrgType.SOCIAL_GROUP,
        registry="320700",
        founded_on=D(2022, 1, 1),
        is_charity=True,
        charity_since=D(2023, 3, 1),
    )
    assert not decide_public_fundraising(
        charity, on=D(2024, 9, 4)
    ).eligible  # two years before the amendment
    assert decide_public_fundraising(charity, on=D(2024, 9, 5)).eligible  # one year after
    spending: dict[str, Any] = {
        "on": ON,
        "subject": "C",
        "last_year_income": Decimal("1000"),
        "three_year_average_income": Decimal("900"),
        "total_spending": Decimal("800"),
    }
    assert decide_charity_spending(
        charitable_spending=Decimal("630"), administrative_costs=Decimal("80"), **spending
    ).eligible
    assert not decide_charity_spending(
        charitable_spending=Decimal("629"), administrative_costs=Decimal("80"), **spending
    ).eligible
    assert not decide_charity_spending(
        charitable_spending=Decimal("700"), administrative_costs=Decimal("81"), **spending
    ).eligible


@given(organisations())
def test_generated_organisations_are_consistent(o: SocialOrganisation) -> None:
    assert o.active_on(D(2025, 1, 1))
    if o.credit_code is not None:
        assert o.credit_code.is_civil_affairs


def test_foundation_reports_reach_the_registry_by_31_march() -> None:
    # 《基金会管理条例》第三十六条: a foundation's annual work report is due at the registry by 31 March.
    assert inspection_due_dates(OrgType.FOUNDATION, 2025)[1] == D(2025, 3, 31)
    foundation = SocialOrganisation(
        org_id="F",
        name="基金会",
        kind=OrgType.FOUNDATION,
        registry="620000",
        founded_on=D(2015, 1, 1),
    )
    group = org("G", D(2015, 1, 1))
    late = decide_annual_report(
        foundation, year=2024, submitted_on=D(2025, 4, 15), on=D(2025, 6, 1)
    )
    assert not late.eligible and late.reason_codes() == ("organisation.report_late",)
    cited = late.reasons[0].citation
    assert cited is not None and cited.article == 36
    assert decide_annual_report(
        group, year=2024, submitted_on=D(2025, 4, 15), on=D(2025, 6, 1)
    ).eligible
    assert decide_annual_report(
        foundation, year=2024, submitted_on=D(2025, 3, 31), on=D(2025, 6, 1)
    ).eligible
    missing = decide_annual_report(foundation, year=2024, submitted_on=None, on=D(2025, 4, 1))
    assert missing.reason_codes() == ("organisation.report_missing",)
    pending = decide_annual_report(foundation, year=2024, submitted_on=None, on=D(2025, 3, 31))
    assert pending.eligible and pending.reason_codes() == ("organisation.report_not_yet_due",)


def test_old_organisation_names_warn_and_decide_the_same() -> None:
    import pytest

    from minzheng.registration import check_founding

    with pytest.warns(DeprecationWarning, match="use decide_founding"):
        old = check_founding(
            OrgType.SOCIAL_GROUP, on=ON, unit_members=30, activity_funds=Decimal("30000")
        )
    assert old == decide_founding(
        OrgType.SOCIAL_GROUP, on=ON, unit_members=30, activity_funds=Decimal("30000")
    )


LOCALES = ("zh_Hans", "zh_Hant", "en")


def explains_cleanly(decision: Decision) -> None:
    for locale in LOCALES:
        text = decision.explain(locale)
        assert "{" not in text and "}" not in text, text


@settings(max_examples=25)
@given(
    organisations(),
    st.integers(2000, 2030),
    st.one_of(st.none(), st.dates(D(2000, 1, 1), D(2032, 12, 31))),
    st.dates(D(2000, 1, 1), D(2032, 12, 31)),
)
def test_annual_report_property(
    o: SocialOrganisation, year: int, submitted: datetime.date | None, on: datetime.date
) -> None:
    d = decide_annual_report(o, year=year, submitted_on=submitted, on=on)
    due = inspection_due_dates(o.kind, year + 1)[1]
    known = submitted is not None and submitted <= on
    assert d.eligible == ((submitted <= due) if known and submitted else on <= due)
    assert d.amount is None and d.one_off is None
    explains_cleanly(d)


@settings(max_examples=25)
@given(
    organisations(),
    st.dates(D(2010, 1, 1), D(2030, 12, 31)),
    st.lists(
        st.builds(
            AnnualInspection,
            org_id=st.just("X"),
            year=st.integers(2008, 2030),
            result=st.sampled_from(list(InspectionResult)),
        ),
        max_size=4,
    ),
    st.booleans(),
    st.integers(0, 120),
    st.decimals(0, 10**7, places=2),
)
def test_organisation_rules_explain_in_every_locale(
    o: SocialOrganisation,
    on: datetime.date,
    history: list[AnnualInspection],
    flag: bool,
    members: int,
    money: Decimal,
) -> None:
    history = [attrs.evolve(i, org_id=o.org_id) for i in history]
    decisions = [
        decide_founding(
            o.kind,
            on=on,
            individual_members=members,
            activity_funds=money,
            original_fund=money,
            national=flag,
        ),
        decide_evaluation_eligibility(o, on=on, inspections=history, under_investigation=flag),
        decide_public_fundraising(
            attrs.evolve(o, is_charity=True, charity_since=o.founded_on), on=on
        ),
        decide_charity_spending(
            on=on,
            subject=o.org_id,
            charitable_spending=money,
            last_year_income=Decimal(members * 1000),
            three_year_average_income=Decimal(members * 900),
            administrative_costs=money / 10,
            total_spending=money,
        ),
    ]
    for d in decisions:
        assert d.eligible == all(r.met is not False for r in d.reasons)
        assert d.amount is None
        explains_cleanly(d)


def test_check_adoption_is_a_deprecated_alias() -> None:
    import pytest

    from minzheng.registration import check_adoption

    adopter = man(D(1979, 3, 1))
    child = girl(D(2020, 2, 1))
    with pytest.warns(DeprecationWarning, match="use decide_adoption"):
        old = check_adoption([adopter], child, category=AdopteeCategory.ORPHAN, on=ON)
    assert old == decide_adoption([adopter], child, category=AdopteeCategory.ORPHAN, on=ON)


@settings(max_examples=30)
@given(
    st.dates(D(1950, 1, 1), D(2000, 12, 31)),
    st.dates(D(2008, 1, 1), D(2025, 3, 31)),
    st.sampled_from(list(AdopteeCategory)),
    st.integers(0, 3),
    st.integers(0, 3),
    st.booleans(),
    st.one_of(st.none(), st.booleans()),
)
def test_adoption_property(
    adopter_born: datetime.date,
    child_born: datetime.date,
    category: AdopteeCategory,
    children: int,
    adopted: int,
    relative: bool,
    consents: bool | None,
) -> None:
    adopter = man(adopter_born, children=children, previously_adopted=adopted)
    d = decide_adoption(
        [adopter],
        girl(child_born),
        category=category,
        on=ON,
        relative_adoption=relative,
        child_consents=consents,
    )
    assert d.eligible == all(r.met is not False for r in d.reasons)
    assert d.amount is None
    gap = [r for r in d.reasons if r.code.startswith("adoption.age_gap")]
    assert bool(gap) is not relative
    explains_cleanly(d)
