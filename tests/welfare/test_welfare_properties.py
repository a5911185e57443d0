"""Properties of every welfare rule: amounts never negative, explanations clean in three locales."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng.codes import AbilityLevel, Area, DisabilityCategory, DisabilityGrade
from minzheng.errors import InvalidAmount
from minzheng.money import Rate
from minzheng.people import Disability, Person
from minzheng.programmes import OrphanCare, Programme
from minzheng.rules import Decision
from minzheng.standards import Standard, StandardsBook
from minzheng.testing import persons
from minzheng.welfare import (
    BasicFuneralService,
    FuneralWaiverPolicy,
    ParentSituation,
    ParentStatus,
    decide_child_allowance,
    decide_elderly_care_subsidy,
    decide_elderly_service_subsidy,
    decide_funeral_subsidy,
    decide_funeral_waiver,
    decide_living_subsidy,
    decide_nursing_subsidy,
    decide_old_age_allowance,
)

D = datetime.date
ON = D(2025, 6, 1)
LOCALES = ("zh_Hans", "zh_Hant", "en")


def _standard(programme: str, amount: str, variant: str = "") -> Standard:
    return Standard(
        programme=programme,
        division="620000",
        variant=variant,
        rate=Rate.monthly(amount),
        effective=D(2025, 1, 1),
    )


BOOK = StandardsBook(
    [
        _standard("disability_living_subsidy", "80"),
        _standard("disability_nursing_subsidy", "90"),
        _standard("funeral_subsidy", "3000"),
        _standard("old_age_allowance", "50", "80-89"),
        _standard("old_age_allowance", "100", "90+"),
        _standard("elderly_service_subsidy", "100"),
        *(_standard("elderly_care_subsidy", "200", f"level-{n}") for n in "1234"),
        _standard("orphan", "1500", "dispersed"),
        _standard("orphan", "2000", "institutional"),
    ]
)
PROGRAMMES = st.frozensets(
    st.sampled_from([Programme.DIBAO, Programme.TEKUN, Programme.DIBAO_EDGE]), max_size=2
)
DISABILITIES = st.one_of(
    st.none(),
    st.builds(
        Disability,
        category=st.sampled_from(list(DisabilityCategory)),
        grade=st.sampled_from(list(DisabilityGrade)),
    ),
)


def check(decision: Decision) -> None:
    for value in (decision.amount, decision.one_off):
        if value is not None:
            amount = value if isinstance(value, Decimal) else value.amount
            assert amount >= 0
    assert decision.eligible or (decision.amount is None and decision.one_off is None)
    assert decision.eligible is all(r.met is not False for r in decision.reasons)
    for locale in LOCALES:
        text = decision.explain(locale)
        assert "{" not in text and "}" not in text, text


@settings(max_examples=30)
@given(
    persons(on=ON, min_age=0, max_age=100),
    DISABILITIES,
    PROGRAMMES,
    st.booleans(),
    st.booleans(),
    st.one_of(st.none(), st.sampled_from(["0", "60", "85", "200"]).map(Rate.monthly)),
)
def test_disability_subsidies(
    person: Person,
    disability: Disability | None,
    programmes: frozenset[Programme],
    flag: bool,
    care: bool,
    other: Rate | None,
) -> None:
    import attrs

    person = attrs.evolve(person, disability=disability)
    check(
        decide_living_subsidy(
            person,
            household_programmes=programmes,
            child_allowance=flag,
            other_allowance=other,
            on=ON,
            book=BOOK,
            division="620521",
            area=Area.RURAL,
        )
    )
    check(
        decide_nursing_subsidy(
            person,
            needs_long_term_care=care,
            household_programmes=programmes,
            work_injury_care=flag,
            other_allowance=other,
            on=ON,
            book=BOOK,
            division="620521",
            area=Area.RURAL,
        )
    )


@settings(max_examples=30)
@given(
    persons(on=ON, min_age=0, max_age=110),
    PROGRAMMES,
    st.sampled_from(list(AbilityLevel)),
    st.dictionaries(
        st.sampled_from(list(BasicFuneralService)), st.decimals(0, 5000, places=2), max_size=5
    ),
)
def test_elderly_and_funeral(
    person: Person,
    programmes: frozenset[Programme],
    level: AbilityLevel,
    charges: dict[BasicFuneralService, Decimal],
) -> None:
    check(decide_old_age_allowance(person, on=ON, book=BOOK, division="620521"))
    check(
        decide_elderly_service_subsidy(
            person, on=ON, book=BOOK, division="620521", household_programmes=programmes
        )
    )
    check(
        decide_elderly_care_subsidy(
            person,
            on=ON,
            book=BOOK,
            division="620521",
            level=level,
            household_programmes=programmes,
        )
    )
    check(
        decide_funeral_subsidy(person, on=ON, book=BOOK, division="620521", programmes=programmes)
    )
    policy = FuneralWaiverPolicy(caps={s: Decimal("400") for s in BasicFuneralService})
    waiver = decide_funeral_waiver(
        person, on=ON, programmes=programmes, charges=charges, policy=policy
    )
    check(waiver)
    assert waiver.one_off is None or waiver.one_off <= sum(charges.values(), Decimal(0))


@settings(max_examples=30)
@given(
    persons(on=ON, min_age=0, max_age=25),
    st.sampled_from(list(ParentSituation)),
    st.sampled_from(list(ParentSituation)),
    st.one_of(st.none(), st.dates(D(2020, 1, 1), ON)),
    st.sampled_from([OrphanCare.DISPERSED, OrphanCare.INSTITUTIONAL]),
)
def test_child_allowance(
    child: Person,
    father: ParentSituation,
    mother: ParentSituation,
    since: datetime.date | None,
    care: OrphanCare,
) -> None:
    check(
        decide_child_allowance(
            child,
            father=ParentStatus(situation=father, since=since),
            mother=ParentStatus(situation=mother, since=since),
            care=care,
            on=ON,
            book=BOOK,
            division="620521",
        )
    )


def test_a_negative_funeral_charge_is_refused_not_waived_negative() -> None:
    policy = FuneralWaiverPolicy(caps={BasicFuneralService.CREMATION: Decimal("400")})
    with pytest.raises(InvalidAmount) as info:
        decide_funeral_waiver(
            Person(person_id="P"),
            on=ON,
            programmes={Programme.DIBAO},
            charges={BasicFuneralService.CREMATION: Decimal("-50")},
            policy=policy,
        )
    assert info.value.field == "charges"
