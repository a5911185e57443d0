"""低保 and 低保边缘: DOMAIN.md §4.5–§4.8 worked examples and properties."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng.assistance import (
    DIBAO_2021,
    DibaoPolicy,
    GradualExitCategory,
    Supplement,
    SupplementCategory,
    decide_dibao,
    decide_dibao_edge,
    decide_dibao_single_person,
    decide_dibao_termination,
    decide_dibao_with_gradual_exit,
    example_edge_household,
    example_household,
    review_months,
)
from minzheng.codes import Area
from minzheng.dates import Month
from minzheng.errors import InvalidDate, InvalidValue, RuleViolation
from minzheng.money import Rate
from minzheng.people import Household, IncomeItem, IncomeSource, WorkCapacity
from minzheng.rules import Decision
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


# -- defects fixed with the rule kit ----------------------------------------------------------

RURAL_5000 = StandardsBook(
    [
        Standard(
            programme="dibao",
            division="620000",
            area=Area.URBAN,
            rate=Rate.yearly("5000"),
            effective=D(2025, 1, 1),
        )
    ]
)


def test_a_yearly_standard_that_does_not_divide_by_12_decides_with_the_rounding_named() -> None:
    decision = decide_dibao(example_household(), on=ON, book=RURAL_5000)
    # 5000 / 12 = 416.666… → 416.67 (to the fen); per capita 500 ≥ 416.67: not eligible
    assert not decision.eligible
    assert "standard.monthly_rounded" in decision.reason_codes()
    assert "416.67" in decision.explain("en")
    poor = decide_dibao(example_household(wage="0"), on=ON, book=RURAL_5000)
    # (416.67 × 4 − 400) = 1266.68
    assert poor.eligible and poor.amount == Rate.monthly("1266.68")
    single = decide_dibao_single_person(example_edge_household(), "SON", on=ON, book=RURAL_5000)
    assert "standard.monthly_rounded" in single.reason_codes()


def test_single_person_gets_the_local_supplements() -> None:
    policy = DibaoPolicy(
        supplements=(
            Supplement(category=SupplementCategory.SEVERE_DISABILITY, share=Decimal("0.3")),
        )
    )
    decision = decide_dibao_single_person(
        example_edge_household(), "SON", on=ON, book=BOOK, policy=policy
    )
    assert decision.amount == Rate.monthly("929.50")  # 715 + 0.3 × 715
    assert "dibao.supplement" in decision.reason_codes()


def test_quarterly_review_where_the_local_rule_says_so() -> None:
    from minzheng.assistance import DibaoRules

    hh = example_household()
    unstable = tuple(attrs_evolve_unstable(i) for i in hh.incomes)
    hh = Household(
        household_id="X", division=hh.division, area=hh.area, members=hh.members, incomes=unstable
    )
    xianyang = DibaoPolicy(unstable_review_months={Area.URBAN: 3, Area.RURAL: 6})
    assert review_months(hh, ON, policy=xianyang) == 3
    decision = decide_dibao(hh, on=ON, book=BOOK, policy=xianyang)
    assert decision.review_months == 3 and "dibao.review_every" in decision.reason_codes()
    with pytest.raises(InvalidValue):
        DibaoPolicy(unstable_review_months={Area.URBAN: 5})
    with pytest.raises(InvalidValue):
        DibaoRules(name="x", instrument=DIBAO_2021.instrument, effective=ON, review_months_stable=0)


def attrs_evolve_unstable(item: IncomeItem) -> IncomeItem:
    return IncomeItem(
        person_id=item.person_id, source=item.source, amount=item.amount, stable=False
    )


def test_gradual_exit_length_by_category() -> None:
    hh = example_household(wage="3600")
    policy = DibaoPolicy(gradual_exit_by_category={GradualExitCategory.DISABLED_WORKER: 36})

    def exit_on(on: datetime.date, category: GradualExitCategory) -> bool:
        return decide_dibao_with_gradual_exit(
            hh,
            on=on,
            book=BOOK,
            previous=Rate.monthly("860"),
            income_rose_in=Month(2025, 3),
            category=category,
            policy=policy,
        ).eligible

    later = D(2027, 2, 1)  # 24th month after the rise
    assert exit_on(later, GradualExitCategory.DISABLED_WORKER)
    assert not exit_on(later, GradualExitCategory.GENERAL)
    assert not exit_on(D(2028, 3, 1), GradualExitCategory.DISABLED_WORKER)


def test_termination_without_written_reasons_is_refused() -> None:
    with pytest.raises(RuleViolation) as caught:
        decide_dibao_termination(example_household(), on=ON, written_reasons="  \n")
    assert caught.value.code == "dibao.termination_reasons_missing"
    citation = caught.value.reasons[0].citation
    assert citation is not None and citation.article == 13
    done = decide_dibao_termination(example_household(), on=ON, written_reasons="收入超过标准")
    assert not done.eligible and done.amount is None
    assert "收入超过标准" in done.explain()


@pytest.mark.parametrize("on", ["2025-03-03", datetime.datetime(2025, 3, 3)])
def test_a_text_date_is_a_minzheng_error(on: object) -> None:
    with pytest.raises(InvalidDate):
        decide_dibao(example_household(), on=on, book=BOOK)  # type: ignore[arg-type]


LOCALES = ("zh_Hans", "zh_Hant", "en")


def explains_cleanly(decision: Decision) -> None:
    for locale in LOCALES:
        text = decision.explain(locale)
        assert "{" not in text and "}" not in text, text


@settings(max_examples=30)
@given(households(on=ON, division="620521"), st.sampled_from(["5000", "8580", "5581"]))
def test_odd_yearly_standards_never_crash_and_never_pay_negative(
    hh: Household, yearly: str
) -> None:
    book = StandardsBook(
        [
            Standard(
                programme="dibao",
                division="620000",
                rate=Rate.yearly(yearly),
                effective=D(2025, 1, 1),
            )
        ]
    )
    d = decide_dibao(hh, on=ON, book=book)
    assert d.amount is None or d.amount.amount > 0
    assert d.eligible or d.amount is None
    explains_cleanly(d)


@settings(max_examples=30)
@given(households(on=ON, division="620521"), st.data())
def test_single_person_property(hh: Household, data: st.DataObject) -> None:
    person = data.draw(st.sampled_from([m.person.person_id for m in hh.members]))
    d = decide_dibao_single_person(hh, person, on=ON, book=BOOK)
    assert d.subject == person
    if d.eligible:
        assert d.amount is not None and d.amount.amount > 0
    else:
        assert d.amount is None
    explains_cleanly(d)


@settings(max_examples=30)
@given(
    households(on=ON, division="620521"),
    st.integers(ON.month, 12),  # the household is drawn as of ON: no member unborn then
    st.sampled_from(list(GradualExitCategory)),
)
def test_gradual_exit_property(hh: Household, month: int, category: GradualExitCategory) -> None:
    d = decide_dibao_with_gradual_exit(
        hh,
        on=Month(2025, month).first_day,
        book=BOOK,
        previous=Rate.monthly("300"),
        income_rose_in=Month(2025, 3),
        category=category,
    )
    assert d.amount is None or d.amount.amount > 0
    assert d.eligible or d.amount is None
    explains_cleanly(d)


@settings(max_examples=30)
@given(st.text(max_size=300))
def test_termination_property(text: str) -> None:
    if not text.split():
        with pytest.raises(RuleViolation):
            decide_dibao_termination(example_household(), on=ON, written_reasons=text)
        return
    d = decide_dibao_termination(example_household(), on=ON, written_reasons=text)
    assert not d.eligible and d.amount is None
