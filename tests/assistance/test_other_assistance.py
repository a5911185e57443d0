"""临时救助 (§6) and 刚性支出困难 (§4.9)."""

import datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng.assistance import (
    RIGID_2024,
    TemporaryBasis,
    TemporaryPolicy,
    decide_dibao_edge,
    decide_rigid_expenditure,
    decide_temporary,
    example_three_person_household,
)
from minzheng.codes import Area
from minzheng.errors import InvalidDate, MinzhengError
from minzheng.money import Rate
from minzheng.people import Household
from minzheng.programmes import Programme
from minzheng.rules import Decision
from minzheng.standards import Standard, StandardsBook
from minzheng.testing import amounts, households

D = datetime.date
ON = D(2025, 5, 1)
BOOK = StandardsBook(
    [
        Standard(
            programme="dibao",
            division="620000",
            area=Area.URBAN,
            rate=Rate.monthly("715"),
            effective=D(2025, 1, 1),
        )
    ]
)


def test_temporary_cap_worked_example() -> None:
    d = decide_temporary(
        example_three_person_household(),
        kind=Programme.TEMPORARY_EXPENDITURE,
        need=Decimal("30000"),
        on=ON,
        book=BOOK,
    )
    assert d.one_off == Decimal("25740.00") and "temporary.capped" in d.reason_codes()


def test_temporary_floor_of_two_months() -> None:
    policy = TemporaryPolicy(floor_months={Programme.TEMPORARY_EXPENDITURE: 2})
    d = decide_temporary(
        example_three_person_household(),
        kind=Programme.TEMPORARY_EXPENDITURE,
        need=Decimal("1000"),
        on=ON,
        book=BOOK,
        policy=policy,
    )
    assert d.one_off == Decimal("4290.00")


@given(amounts(min_value=0, max_value=100000))
def test_temporary_between_zero_and_the_cap(need: Decimal) -> None:
    d = decide_temporary(
        example_three_person_household(),
        kind=Programme.TEMPORARY_EMERGENCY,
        need=need,
        on=ON,
        book=BOOK,
    )
    if need == 0:
        assert not d.eligible and d.one_off is None
    else:
        assert d.one_off is not None and 0 < d.one_off <= Decimal("25740") and d.one_off <= need


def test_rigid_expenditure() -> None:
    kwargs: dict[str, Any] = {
        "on": D(2025, 5, 6),
        "disposable_income_last_year": Rate.yearly("24000"),
        "income_12m": Decimal("36000"),
        "ratio_threshold": Decimal("0.6"),
    }
    hh = example_three_person_household()
    yes = decide_rigid_expenditure(hh, rigid_expenditure_12m=Decimal("21601"), **kwargs)
    assert yes.eligible and yes.valid_until == D(2026, 5, 6)
    at_threshold = decide_rigid_expenditure(hh, rigid_expenditure_12m=Decimal("21600"), **kwargs)
    assert not at_threshold.eligible and "rigid.ratio_not_above" in at_threshold.reason_codes()
    excluded = decide_rigid_expenditure(
        hh, rigid_expenditure_12m=Decimal("30000"), in_programmes=[Programme.DIBAO_EDGE], **kwargs
    )
    assert excluded.reason_codes() == ("rigid.in_other_programme",)


# -- the rule kit: defects and properties -----------------------------------------------------

LOCALES = ("zh_Hans", "zh_Hant", "en")


def explains_cleanly(decision: Decision) -> None:
    for locale in LOCALES:
        text = decision.explain(locale)
        assert "{" not in text and "}" not in text, text


def test_emergency_cap_per_person_and_per_incident() -> None:
    hh = example_three_person_household()
    need = Decimal("30000")
    one = decide_temporary(
        hh, kind=Programme.TEMPORARY_EMERGENCY, need=need, on=ON, book=BOOK, persons=["C"]
    )
    assert one.one_off == Decimal("8580.00")  # 12 × 715 × 1 person struck
    incident = TemporaryPolicy(
        basis={Programme.TEMPORARY_EMERGENCY: TemporaryBasis.INCIDENT},
        cap_months={Programme.TEMPORARY_EMERGENCY: 6},
    )
    d = decide_temporary(
        hh, kind=Programme.TEMPORARY_EMERGENCY, need=need, on=ON, book=BOOK, policy=incident
    )
    assert d.one_off == Decimal("4290.00")  # 6 × 715, once
    assert "temporary.cap_incident" in d.reason_codes()
    with pytest.raises(MinzhengError):
        decide_temporary(
            hh, kind=Programme.TEMPORARY_EMERGENCY, need=need, on=ON, book=BOOK, persons=["Z"]
        )


@pytest.mark.parametrize("kind", ["temporary_whatever", "dibao", 7])
def test_an_unknown_or_wrong_kind_is_a_minzheng_error(kind: object) -> None:
    with pytest.raises(MinzhengError):
        decide_temporary(
            example_three_person_household(),
            kind=kind,  # type: ignore[arg-type]
            need=Decimal("1"),
            on=ON,
            book=BOOK,
        )


def test_a_kind_given_as_its_code_is_accepted() -> None:
    d = decide_temporary(
        example_three_person_household(),
        kind="temporary_emergency",  # type: ignore[arg-type]
        need=Decimal("100"),
        on=ON,
        book=BOOK,
    )
    assert d.programme is Programme.TEMPORARY_EMERGENCY and d.one_off == Decimal("100.00")


def test_text_dates_are_minzheng_errors() -> None:
    hh = example_three_person_household()
    with pytest.raises(InvalidDate):
        decide_temporary(
            hh,
            kind=Programme.TEMPORARY_EMERGENCY,
            need=Decimal("1"),
            on="2025-03-03",  # type: ignore[arg-type]
            book=BOOK,
        )
    with pytest.raises(InvalidDate):
        decide_dibao_edge(hh, on="2025-03-03", book=BOOK)  # type: ignore[arg-type]
    with pytest.raises(InvalidDate):
        decide_rigid_expenditure(
            hh,
            on="2025-03-03",  # type: ignore[arg-type]
            disposable_income_last_year=Rate.yearly("24000"),
            rigid_expenditure_12m=Decimal("1"),
            income_12m=Decimal("1"),
            ratio_threshold=Decimal("0.5"),
        )


def test_temporary_with_a_yearly_standard_that_does_not_divide_by_12() -> None:
    book = StandardsBook(
        [Standard(programme="dibao", division="620000", rate=Rate.yearly("5000"), effective=ON)]
    )
    d = decide_temporary(
        example_three_person_household(),
        kind=Programme.TEMPORARY_EXPENDITURE,
        need=Decimal("99999"),
        on=ON,
        book=book,
    )
    assert d.one_off == Decimal("15000.12")  # 12 × 416.67 × 3
    assert "standard.monthly_rounded" in d.reason_codes()
    assert not decide_dibao_edge(example_three_person_household(), on=ON, book=book).eligible


@settings(max_examples=40)
@given(
    households(on=ON, division="620521"),
    amounts(min_value=-100, max_value=100000),
    st.sampled_from([Programme.TEMPORARY_EMERGENCY, Programme.TEMPORARY_EXPENDITURE]),
    st.sampled_from(list(TemporaryBasis)),
)
def test_temporary_property(
    hh: Household, need: Decimal, kind: Programme, basis: TemporaryBasis
) -> None:
    policy = TemporaryPolicy(basis={kind: basis}, floor_months={kind: 1})
    book = StandardsBook(
        [Standard(programme="dibao", division="620000", rate=Rate.monthly("715"), effective=ON)]
    )
    d = decide_temporary(hh, kind=kind, need=need, on=ON, book=book, policy=policy)
    if d.eligible:
        assert d.one_off is not None and d.one_off > 0
    else:
        assert d.one_off is None and d.amount is None
    explains_cleanly(d)


@settings(max_examples=40)
@given(households(on=ON, division="620521"), st.sampled_from(["8580", "5000", "7001"]))
def test_edge_property(hh: Household, yearly: str) -> None:
    book = StandardsBook(
        [Standard(programme="dibao", division="620000", rate=Rate.yearly(yearly), effective=ON)]
    )
    d = decide_dibao_edge(hh, on=ON, book=book)
    assert d.amount is None and d.one_off is None  # recognition carries no cash of its own
    explains_cleanly(d)


@settings(max_examples=40)
@given(
    households(on=ON, division="620521"),
    amounts(min_value=0, max_value=100000),
    amounts(min_value=0, max_value=100000),
    st.sets(st.sampled_from(list(Programme)), max_size=2),
)
def test_rigid_property(
    hh: Household, spent: Decimal, earned: Decimal, programmes: set[Programme]
) -> None:
    d = decide_rigid_expenditure(
        hh,
        on=ON,
        disposable_income_last_year=Rate.yearly("24000"),
        rigid_expenditure_12m=spent,
        income_12m=earned,
        ratio_threshold=Decimal("0.6"),
        in_programmes=programmes,
    )
    assert d.amount is None and d.one_off is None
    assert (d.valid_until is not None) is d.eligible
    if programmes & RIGID_2024.excluding:
        assert not d.eligible
    explains_cleanly(d)
