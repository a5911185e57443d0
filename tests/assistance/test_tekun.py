"""特困: DOMAIN.md §5 — conditions, 2016 vs 2021 rules, tiers, standards, orphan priority."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng.assistance import (
    TEKUN_2016,
    TEKUN_2021,
    DailyActivity,
    ObligorFacts,
    ObligorIncapacity,
    TekunPolicy,
    TekunTermination,
    decide_tekun,
    decide_tekun_termination,
    example_elder_household,
    self_care_tier,
    tekun_rules_on,
)
from minzheng.codes import Area, DisabilityCategory, DisabilityGrade, Relationship
from minzheng.errors import InvalidDate, RuleViolation, UnknownCode
from minzheng.money import Rate
from minzheng.people import (
    Asset,
    AssetKind,
    AssetLimits,
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
from minzheng.programmes import Programme, SelfCareTier, TekunForm
from minzheng.rules import Decision
from minzheng.standards import Standard, StandardsBook
from minzheng.testing import households

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
    # a caller's "unable" is not enough: incapacity rests on a §5.2 ground
    assert not decide_tekun(alone(elder, obligors=(unable,)), "P", on=on, book=BOOK).eligible
    on_dibao = ObligorFacts(person_id="S", in_programmes=frozenset({Programme.DIBAO}))
    with_ground = decide_tekun(
        alone(elder, obligors=(unable,)), "P", on=on, book=BOOK, obligor_facts=[on_dibao]
    )
    assert with_ground.eligible and "tekun.obligor_lacks_capacity" in with_ground.reason_codes()
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


# -- defects fixed with the rule kit ----------------------------------------------------------

ON = D(2025, 6, 1)
ELDER = Person(person_id="P", birth_date=D(1940, 1, 1))


def with_son(son: Person, *, assets: tuple[Asset, ...] = ()) -> Household:
    return Household(
        household_id="HH",
        division="620521",
        area=Area.RURAL,
        members=(
            Membership(person=ELDER, relationship=Relationship.HEAD),
            Membership(person=son, relationship=Relationship.SON),
        ),
        assets=assets,
    )


def test_an_adult_child_in_the_household_is_an_obligor_without_a_record() -> None:
    son = Person(person_id="S", birth_date=D(1970, 1, 1))
    d = decide_tekun(with_son(son), "P", on=ON, book=BOOK)
    assert not d.eligible
    assert "tekun.obligor_in_household" in d.reason_codes()
    assert "tekun.obligor_not_assessed" in d.reason_codes()
    # the applicant may also be the head's parent: the head is then the child
    father = Household(
        household_id="HH",
        division="620521",
        area=Area.RURAL,
        members=(
            Membership(person=son, relationship=Relationship.HEAD),
            Membership(person=ELDER, relationship=Relationship.FATHER),
        ),
    )
    assert (
        "tekun.obligor_in_household" in decide_tekun(father, "P", on=ON, book=BOOK).reason_codes()
    )
    # a minor child owes no support
    boy = Person(person_id="S", birth_date=D(2010, 1, 1))
    assert decide_tekun(with_son(boy), "P", on=ON, book=BOOK).eligible


@pytest.mark.parametrize(
    ("son", "facts", "ground"),
    [
        (
            Person(person_id="S", birth_date=D(1970, 1, 1)),
            ObligorFacts(person_id="S", in_programmes=frozenset({Programme.TEKUN})),
            ObligorIncapacity.TEKUN,
        ),
        (
            Person(person_id="S", birth_date=D(1950, 1, 1)),
            ObligorFacts(person_id="S", income=Rate.monthly("500"), property_within_limits=True),
            ObligorIncapacity.ELDERLY_LOW_INCOME,
        ),
        (
            Person(
                person_id="S",
                birth_date=D(1975, 1, 1),
                disability=Disability(
                    category=DisabilityCategory.MENTAL, grade=DisabilityGrade.THIRD
                ),
            ),
            ObligorFacts(person_id="S", income=Rate.monthly("500"), property_within_limits=True),
            ObligorIncapacity.DISABLED_LOW_INCOME,
        ),
        (
            Person(person_id="S", birth_date=D(1975, 1, 1)),
            ObligorFacts(person_id="S", no_civil_capacity=True, property_within_limits=True),
            ObligorIncapacity.NO_CAPACITY,
        ),
    ],
)
def test_obligor_incapacity_follows_the_grounds(
    son: Person, facts: ObligorFacts, ground: ObligorIncapacity
) -> None:
    policy = TekunPolicy(disposable_income_last_year=Rate.yearly("24000"))
    d = decide_tekun(with_son(son), "P", on=ON, book=BOOK, obligor_facts=[facts], policy=policy)
    assert d.eligible
    lacks = [r for r in d.reasons if r.code == "tekun.obligor_lacks_capacity"]
    assert lacks[0].params["ground"] is ground
    # the same facts without the income line: ground (c)/(d) cannot hold
    if ground in (ObligorIncapacity.ELDERLY_LOW_INCOME, ObligorIncapacity.DISABLED_LOW_INCOME):
        assert not decide_tekun(
            with_son(son), "P", on=ON, book=BOOK, obligor_facts=[facts]
        ).eligible


def test_the_property_test_looks_at_the_applicants_own_property() -> None:
    limits = AssetLimits(max_vehicles=0)
    policy = TekunPolicy(property_test=limits)
    son = Person(person_id="S", birth_date=D(1970, 1, 1))
    facts = [ObligorFacts(person_id="S", in_programmes=frozenset({Programme.TEKUN}))]
    sons_car = (Asset(kind=AssetKind.VEHICLE, value=Decimal("30000"), owner="S"),)
    own_car = (Asset(kind=AssetKind.VEHICLE, value=Decimal("30000"), owner="P"),)
    hh = with_son(son, assets=sons_car)
    assert decide_tekun(hh, "P", on=ON, book=BOOK, obligor_facts=facts, policy=policy).eligible
    hh = with_son(son, assets=own_car)
    assert not decide_tekun(hh, "P", on=ON, book=BOOK, obligor_facts=facts, policy=policy).eligible


def test_odd_yearly_standards_decide_with_the_rounding_named() -> None:
    book = StandardsBook(
        [
            Standard(
                programme="dibao",
                division="620000",
                area=Area.RURAL,
                rate=Rate.yearly("5000"),
                effective=D(2015, 1, 1),
            ),
            Standard(
                programme="tekun",
                division="620000",
                area=Area.RURAL,
                variant="care.dispersed.self_care",
                rate=Rate.yearly("742"),
                effective=D(2015, 1, 1),
            ),
        ]
    )
    d = decide_tekun(alone(ELDER), "P", on=ON, book=book)
    # basic: 5000 × 1.3 / 12 = 541.67 → up to the yuan 542; care 742 / 12 = 61.83 (to the fen)
    assert d.eligible and d.amount == Rate.monthly("603.83")
    assert "standard.monthly_rounded" in d.reason_codes()
    assert "61.83" in d.explain("en")


def book_rural_465() -> StandardsBook:
    return StandardsBook(
        [
            Standard(
                programme="dibao",
                division="620000",
                area=Area.RURAL,
                rate=Rate.monthly("465"),
                effective=D(2015, 1, 1),
            )
        ]
    )


def test_termination_grounds_notice_and_transfer() -> None:
    book = book_rural_465()
    hh = alone(ELDER)
    start = D(2025, 6, 1)

    def terminate(
        on: datetime.date, *grounds: TekunTermination, objection: bool = False
    ) -> Decision:
        return decide_tekun_termination(
            hh, "P", on=on, grounds=grounds, publicity_start=start, book=book, objection=objection
        )

    with pytest.raises(RuleViolation) as no_ground:
        terminate(D(2025, 6, 10))
    assert no_ground.value.code == "tekun.no_grounds"
    with pytest.raises(RuleViolation) as early:
        terminate(D(2025, 6, 7), TekunTermination.MEANS)  # 7 days: 1–7 June
    assert early.value.code == "tekun.publicity_running"
    done = terminate(D(2025, 6, 8), TekunTermination.MEANS)
    assert not done.eligible and done.valid_until == D(2025, 6, 30)
    assert done.reason_codes()[-2:] == ("tekun.terminated", "tekun.transfer_dibao")
    dead = terminate(D(2025, 6, 8), TekunTermination.DEATH)
    assert dead.reason_codes()[-1] == "tekun.terminated"
    rich = alone(
        ELDER,
        incomes=(
            IncomeItem(person_id="P", source=IncomeSource.PENSION, amount=Rate.monthly("900")),
        ),
    )
    referred = decide_tekun_termination(
        rich,
        "P",
        on=D(2025, 6, 8),
        grounds=[TekunTermination.MEANS],
        publicity_start=start,
        book=book,
    )
    assert referred.reason_codes()[-1] == "tekun.transfer_temporary"
    held = terminate(D(2025, 6, 8), TekunTermination.MEANS, objection=True)
    assert held.eligible and "tekun.termination_objection" in held.reason_codes()


def test_text_dates_and_unknown_codes_are_minzheng_errors() -> None:
    with pytest.raises(InvalidDate):
        decide_tekun(alone(ELDER), "P", on="2025-03-03", book=BOOK)  # type: ignore[arg-type]
    with pytest.raises(UnknownCode):
        decide_tekun_termination(
            alone(ELDER),
            "P",
            on=ON,
            grounds=["bored"],  # type: ignore[list-item]
            publicity_start=D(2025, 5, 1),
            book=BOOK,
        )


LOCALES = ("zh_Hans", "zh_Hant", "en")


def explains_cleanly(decision: Decision) -> None:
    for locale in LOCALES:
        text = decision.explain(locale)
        assert "{" not in text and "}" not in text, text


@settings(max_examples=40)
@given(
    households(on=ON, division="620521"),
    st.data(),
    st.sets(st.sampled_from(list(DailyActivity))),
    st.sampled_from(list(TekunForm)),
    st.sampled_from(["5000", "5580", "7001"]),
)
def test_tekun_property(
    hh: Household, data: st.DataObject, failed: set[DailyActivity], form: TekunForm, yearly: str
) -> None:
    person = data.draw(st.sampled_from([m.person.person_id for m in hh.members]))
    book = StandardsBook(
        [
            Standard(
                programme="dibao",
                division="620000",
                rate=Rate.yearly(yearly),
                effective=D(2015, 1, 1),
            )
        ]
    )
    d = decide_tekun(hh, person, on=ON, book=book, form=form, failed_activities=failed)
    if d.eligible:
        assert d.amount is not None and d.amount.amount > 0
    else:
        assert d.amount is None and d.one_off is None
    explains_cleanly(d)


@settings(max_examples=40)
@given(
    households(on=ON, division="620521"),
    st.data(),
    st.sets(st.sampled_from(list(TekunTermination)), min_size=1),
    st.booleans(),
)
def test_termination_property(
    hh: Household, data: st.DataObject, grounds: set[TekunTermination], objection: bool
) -> None:
    person = data.draw(st.sampled_from([m.person.person_id for m in hh.members]))
    d = decide_tekun_termination(
        hh,
        person,
        on=ON,
        grounds=grounds,
        publicity_start=D(2025, 5, 1),
        book=book_rural_465().with_standards(
            Standard(
                programme="dibao",
                division="620000",
                rate=Rate.monthly("715"),
                effective=D(2015, 1, 1),
            )
        ),
        objection=objection,
    )
    assert d.amount is None and d.one_off is None  # a termination never pays
    assert d.eligible is objection
    explains_cleanly(d)
