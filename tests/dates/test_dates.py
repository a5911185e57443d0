"""Dates: months, 周岁, Civil Code deadlines — DOMAIN.md §0 and §11.2."""

import datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.dates import ChineseHolidayCalendar, FixedCalendar, Month, age_on, statutory_deadline
from minzheng.errors import InvalidDate, InvalidValue, MinzhengError
from minzheng.testing import months

D = datetime.date
LABOUR_DAY_2025 = FixedCalendar(rest_days=[D(2025, 5, d) for d in range(1, 6)])


def test_month_parse_forms_and_errors() -> None:
    assert (
        Month.parse("2025-03")
        == Month.parse("202503")
        == Month.parse("2025年3月")
        == Month(2025, 3)
    )
    for bad in ("2025-13", "2025-00", "25-03", "2025-3-1", ""):
        with pytest.raises(InvalidDate):
            Month.parse(bad)
    with pytest.raises(InvalidDate):
        Month(2025, 13)


def test_month_arithmetic() -> None:
    assert Month(2025, 12) + 1 == Month(2026, 1)
    assert Month(2025, 1) - 1 == Month(2024, 12)
    assert Month(2026, 1) - Month(2025, 7) == 6
    assert Month(2024, 2).last_day == D(2024, 2, 29)
    assert D(2025, 3, 15) in Month(2025, 3)
    assert [str(m) for m in Month.range(Month(2025, 11), Month(2026, 1))] == [
        "2025-11",
        "2025-12",
        "2026-01",
    ]


@given(months(), st.integers(-600, 600))
def test_month_add_and_difference_agree(month: Month, n: int) -> None:
    moved = month + n
    assert moved - month == n
    assert (moved - n) == month
    assert Month.parse(str(month)) == month
    assert month.first_day <= month.last_day and month.last_day.day == month.days


def test_age_counts_on_the_birthday_by_default() -> None:
    assert age_on(D(1965, 6, 1), D(2025, 5, 31)) == 59
    assert age_on(D(1965, 6, 1), D(2025, 6, 1)) == 60
    assert age_on(D(1965, 6, 1), D(2025, 6, 1), counts_from="day_after") == 59
    assert age_on(D(1965, 6, 1), D(2025, 6, 2), counts_from="day_after") == 60


def test_leap_day_convention() -> None:
    born = D(2004, 2, 29)
    assert age_on(born, D(2022, 2, 28)) == 18
    assert age_on(born, D(2022, 2, 28), leap_day="mar_1") == 17
    assert age_on(born, D(2022, 3, 1), leap_day="mar_1") == 18
    assert age_on(born, D(2024, 2, 28)) == 19 and age_on(born, D(2024, 2, 29)) == 20


def test_age_before_birth_is_an_error() -> None:
    with pytest.raises(InvalidDate):
        age_on(D(2000, 1, 1), D(1999, 12, 31))


@given(st.dates(D(1900, 1, 1), D(2030, 12, 31)), st.dates(D(1900, 1, 1), D(2100, 12, 31)))
def test_age_properties(birth: datetime.date, on: datetime.date) -> None:
    if on < birth:
        with pytest.raises(InvalidDate):
            age_on(birth, on)
        return
    age = age_on(birth, on)
    assert 0 <= age <= on.year - birth.year
    assert age_on(birth, on, counts_from="day_after") in (age, age - 1, 0)
    later = on + datetime.timedelta(days=366)
    assert age_on(birth, later) >= age + 1 - (1 if age == 0 and later.year == birth.year else 0)


def test_divorce_worked_example_with_a_fixed_calendar() -> None:
    # DOMAIN.md §11.2: received Mon 2025-03-03 → cooling-off ends 04-02;
    # collection would end 05-02, a Labour Day holiday → 05-06
    cooling_off = statutory_deadline(D(2025, 3, 3), days=30, calendar=LABOUR_DAY_2025)
    assert cooling_off == D(2025, 4, 2)
    assert statutory_deadline(cooling_off, days=30) == D(2025, 5, 2)
    assert statutory_deadline(cooling_off, days=30, calendar=LABOUR_DAY_2025) == D(2025, 5, 6)


def test_divorce_worked_example_with_the_official_calendar() -> None:
    cal = ChineseHolidayCalendar()
    cooling_off = statutory_deadline(D(2025, 3, 3), days=30, calendar=cal)
    assert statutory_deadline(cooling_off, days=30, calendar=cal) == D(2025, 5, 6)
    assert not cal.is_rest_day(D(2025, 4, 27))  # a working Sunday (调休)
    assert ChineseHolidayCalendar(weekends=False).is_rest_day(D(2025, 5, 3))
    assert not ChineseHolidayCalendar(weekends=False).is_rest_day(D(2025, 5, 10))


def test_month_periods_end_on_the_corresponding_day_or_month_end() -> None:
    assert statutory_deadline(D(2025, 1, 31), months=1) == D(2025, 2, 28)
    assert statutory_deadline(D(2024, 1, 31), months=1) == D(2024, 2, 29)
    assert statutory_deadline(D(2025, 3, 15), months=6) == D(2025, 9, 15)
    assert statutory_deadline(D(2024, 2, 29), years=1) == D(2025, 2, 28)


@pytest.mark.parametrize("kwargs", [{}, {"days": 1, "months": 1}, {"days": -1}, {"days": True}])
def test_deadline_arguments(kwargs: dict[str, Any]) -> None:
    with pytest.raises(InvalidValue):
        statutory_deadline(D(2025, 1, 1), **kwargs)


def test_calendar_out_of_range_is_a_minzheng_error() -> None:
    with pytest.raises(MinzhengError):
        ChineseHolidayCalendar().is_rest_day(D(1990, 1, 1))


@given(st.dates(D(2000, 1, 1), D(2030, 12, 31)), st.integers(0, 400))
def test_deadline_properties(start: datetime.date, days: int) -> None:
    plain = statutory_deadline(start, days=days)
    assert (plain - start).days == days
    moved = statutory_deadline(start, days=days, calendar=FixedCalendar(weekends=True))
    assert moved >= plain and (moved - plain).days <= 2 and moved.weekday() < 5


def test_month_range_is_reiterable_and_range_like() -> None:
    months = Month.range(Month(2025, 11), Month(2026, 2))
    assert (
        [str(m) for m in months]
        == [str(m) for m in months]
        == [
            "2025-11",
            "2025-12",
            "2026-01",
            "2026-02",
        ]
    )
    assert len(months) == 4
    assert Month(2026, 1) in months and Month(2026, 3) not in months and "2026-01" not in months  # type: ignore[comparison-overlap]
    assert months[0] == Month(2025, 11) and months[-1] == Month(2026, 2)
    assert list(reversed(months)) == list(months)[::-1]
    assert months[1:3] == Month.range(Month(2025, 12), Month(2026, 1))
    assert months == Month.range(Month(2025, 11), Month(2026, 2))
    assert months != Month.range(Month(2025, 11), Month(2026, 3))
    assert Month.range(Month(2025, 3), Month(2025, 1)) == Month.range(
        Month(2020, 9), Month(2020, 1)
    )
    assert len(Month.range(Month(2025, 3), Month(2025, 1))) == 0
    assert months.index(Month(2026, 1)) == 2
    with pytest.raises(IndexError):
        months[4]
    with pytest.raises(InvalidValue):
        months.index(Month(2027, 1))


@given(months(), st.integers(-30, 30))
def test_month_range_agrees_with_a_list(first: Month, span: int) -> None:
    last = first + span
    months = Month.range(first, last)
    as_list = list(months)
    assert len(months) == len(as_list) == max(0, span + 1)
    assert list(months) == as_list
    assert all(m in months for m in as_list)
    assert first - 1 not in months and last + 1 not in months
    assert [months[i] for i in range(-len(as_list), len(as_list))] == as_list + as_list
