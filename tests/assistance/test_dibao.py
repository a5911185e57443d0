"""低保 and 低保边缘: DOMAIN.md §4.5–§4.8 worked examples and properties."""

import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from minzheng.assistance import (
    DibaoPolicy,
    Supplement,
    SupplementCategory,
    decide_dibao,
    decide_dibao_edge,
    decide_dibao_single_person,
    decide_dibao_with_gradual_exit,
    example_edge_household,
    example_household,
    review_months,
)
from minzheng.codes import Area
from minzheng.dates import Month
from minzheng.money import Rate
from minzheng.people import Household, IncomeItem, IncomeSource, WorkCapacity
from minzheng.standards import Standard, StandardsBook
from minzheng.testing import households

D = datetime.date
ON = D(2025, 3, 1)
BOOK = StandardsBook(
    [
        Standard(
            programme="dibao",
            division="620000",
            area=Area.URBAN,
            rate=Rate.monthly("715"),
            effective=D(2025, 1, 1),
        ),
        Standard(
            programme="dibao",
            division="620000",
            area=Area.RURAL,
            rate=Rate.monthly("465"),
            effective=D(2025, 1, 1),
        ),
    ]
)


def test_worked_example_860() -> None:
    decision = decide_dibao(example_household(), on=ON, book=BOOK)
    assert decision.eligible
    assert decision.amount == Rate.monthly("860")
    assert "income.excluded" in decision.reason_codes()  # the father's basic pension
    assert decision.standard is not None and decision.standard.rate.monthly == Decimal("715")
    assert decision.review_months == 12


def test_per_capita_at_the_standard_is_not_eligible() -> None:
    # 4 × 715 = 2860 of countable income: per capita exactly 715 is not below the standard
    decision = decide_dibao(example_household(wage="2460"), on=ON, book=BOOK)
    assert not decision.eligible
    assert "dibao.income_not_below_standard" in decision.reason_codes()
    assert decide_dibao(example_household(wage="2459.99"), on=ON, book=BOOK).eligible


def test_edge_candidate_below_1_5_times() -> None:
    # per capita 1072.49 < 1072.5 → edge; 1072.5 → not
    assert decide_dibao_edge(example_household(wage="3889.96"), on=ON, book=BOOK).eligible
    assert not decide_dibao_edge(example_household(wage="3890"), on=ON, book=BOOK).eligible


def test_full_amount_when_nothing_counts() -> None:
    hh = example_household(wage="0")
    hh = Household(
        household_id=hh.household_id,
        division=hh.division,
        area=hh.area,
        members=hh.members,
        incomes=tuple(i for i in hh.incomes if i.source is IncomeSource.BASIC_PENSION),
    )
    decision = decide_dibao(hh, on=ON, book=BOOK)
    assert decision.amount == Rate.monthly("2860")
    assert "dibao.full_amount" in decision.reason_codes()


def test_single_person_worked_example_715() -> None:
    decision = decide_dibao_single_person(example_edge_household(), "SON", on=ON, book=BOOK)
    assert (
        decision.eligible and decision.amount == Rate.monthly("715") and decision.subject == "SON"
    )
    assert not decide_dibao_single_person(
        example_edge_household(), "MOTHER", on=ON, book=BOOK
    ).eligible
    # the whole household qualifies for 低保: single-person coverage does not apply
    poorer = example_edge_household()
    poorer = Household(
        household_id="X",
        division=poorer.division,
        area=poorer.area,
        members=poorer.members,
        incomes=(
            IncomeItem(person_id="FATHER", source=IncomeSource.WAGE, amount=Rate.monthly("1000")),
        ),
    )
    assert (
        "dibao.single_person_not_edge"
        in decide_dibao_single_person(poorer, "SON", on=ON, book=BOOK).reason_codes()
    )


def test_supplements() -> None:
    policy = DibaoPolicy(
        supplements=(Supplement(category=SupplementCategory.MINOR, share=Decimal("0.2")),)
    )
    decision = decide_dibao(example_household(), on=ON, book=BOOK, policy=policy)
    assert decision.amount == Rate.monthly("1003")  # 860 + 0.2 × 715
    assert "dibao.supplement" in decision.reason_codes()


def test_review_every_six_months_with_unstable_income_and_a_member_able_to_work() -> None:
    hh = example_household()
    unstable = tuple(
        IncomeItem(person_id=i.person_id, source=i.source, amount=i.amount, stable=False)
        for i in hh.incomes
    )
    hh = Household(
        household_id="X", division=hh.division, area=hh.area, members=hh.members, incomes=unstable
    )
    assert review_months(hh, ON) == 6
    assert review_months(hh, ON, policy=DibaoPolicy(half_yearly_review=False)) == 12
    assert decide_dibao(hh, on=ON, book=BOOK).review_months == 6
    assert hh.head.work_capacity is WorkCapacity.FULL


def test_gradual_exit_six_months() -> None:
    hh = example_household(wage="3600")
    previous = Rate.monthly("860")
    results = {
        m: decide_dibao_with_gradual_exit(
            hh,
            on=Month(2025, m).first_day,
            book=BOOK,
            previous=previous,
            income_rose_in=Month(2025, 3),
        )
        for m in range(3, 10)
    }
    assert [results[m].eligible for m in range(3, 10)] == [True] * 6 + [False]
    assert results[8].amount == previous
    assert "dibao.gradual_exit_ended" in results[9].reason_codes()
    longer = decide_dibao_with_gradual_exit(
        hh,
        on=D(2025, 9, 1),
        book=BOOK,
        previous=previous,
        income_rose_in=Month(2025, 3),
        policy=DibaoPolicy(gradual_exit_months=12),
    )
    assert longer.eligible


@given(households(on=ON, division="620521"))
def test_amount_never_negative_never_above_the_full_standard_and_reproducible(
    hh: Household,
) -> None:
    first = decide_dibao(hh, on=ON, book=BOOK)
    assert first == decide_dibao(hh, on=ON, book=BOOK)  # the same inputs, the same decision
    members = len(hh.included_on(ON))
    standard = Decimal("715") if hh.area is Area.URBAN else Decimal("465")
    if first.eligible:
        assert first.amount is not None
        assert Decimal(0) < first.amount.amount <= standard * members
    else:
        assert first.amount is None
    for locale in ("zh_Hans", "zh_Hant", "en"):
        text = first.explain(locale)
        assert "{" not in text and text.count("\n") >= len(first.reasons)


@given(households(on=ON, division="620521"), st.sampled_from(["zh_Hans", "zh_Hant", "en"]))
def test_edge_and_dibao_are_exclusive(hh: Household, locale: str) -> None:
    dibao = decide_dibao(hh, on=ON, book=BOOK)
    edge = decide_dibao_edge(hh, on=ON, book=BOOK)
    assert not (dibao.eligible and edge.eligible)
    assert "{" not in edge.explain(locale)
