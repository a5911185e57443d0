"""临时救助 (§6) and 刚性支出困难 (§4.9)."""

import datetime
from decimal import Decimal
from typing import Any

from hypothesis import given

from minzheng.assistance import (
    TemporaryPolicy,
    decide_rigid_expenditure,
    decide_temporary,
    example_three_person_household,
)
from minzheng.codes import Area
from minzheng.money import Rate
from minzheng.programmes import Programme
from minzheng.standards import Standard, StandardsBook
from minzheng.testing import amounts

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
