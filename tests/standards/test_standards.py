"""Standards: the seed case (低保 8580/5580 → 特困 11160/7260), fallback, dating, loading."""

import datetime
import io
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.codes import Area
from minzheng.errors import InvalidAmount, InvalidDate, InvalidRecords, InvalidValue, UnknownCode
from minzheng.money import UP_TO_TEN_YUAN, Rate
from minzheng.programmes import Programme
from minzheng.standards import Derivation, Standard, StandardsBook
from minzheng.testing import amounts

D = datetime.date


def seed_book() -> StandardsBook:
    return StandardsBook(
        [
            Standard(
                programme="dibao",
                division="620500",
                area=Area.URBAN,
                rate=Rate.yearly("8580"),
                effective=D(2025, 1, 1),
            ),
            Standard(
                programme="dibao",
                division="620500",
                area=Area.RURAL,
                rate=Rate.yearly("5580"),
                effective=D(2025, 1, 1),
            ),
        ]
    )


def test_seed_case_tekun_from_dibao() -> None:
    book = seed_book()
    urban = book.amount(Programme.TEKUN, "620521", on=D(2025, 3, 1), area=Area.URBAN)
    rural = book.amount(Programme.TEKUN, "620521", on=D(2025, 3, 1), area=Area.RURAL)
    assert (urban.rate.yearly, rural.rate.yearly) == (Decimal("11160"), Decimal("7260"))
    assert urban.derived_from is not None and urban.derived_from.division == "620500"


def test_edge_line_is_1_5_times() -> None:
    assert seed_book().amount(
        "dibao_edge", "620521", on=D(2025, 3, 1), area="urban"
    ).rate.monthly == Decimal("1072.5")


def test_fallback_county_city_province_and_the_nearest_wins() -> None:
    book = seed_book().with_standards(
        Standard(
            programme="dibao", division="620000", rate=Rate.monthly("600"), effective=D(2024, 1, 1)
        ),
        Standard(
            programme="dibao",
            division="620521",
            area=Area.URBAN,
            rate=Rate.monthly("750"),
            effective=D(2025, 7, 1),
        ),
    )
    on = D(2025, 8, 1)
    assert book.amount("dibao", "620521", on=on, area="urban").rate.amount == Decimal(
        "750"
    )  # county's own
    assert (
        book.amount("dibao", "620521", on=D(2025, 6, 30), area="urban").division == "620500"
    )  # city
    assert (
        book.amount("dibao", "620724", on=on, area="urban").division == "620000"
    )  # province, unified
    assert book.amount("dibao", "620724", on=on, area="urban").area is Area.UNIFIED


def test_explicit_standard_beats_derivation_at_the_same_level() -> None:
    book = seed_book().with_standards(
        Standard(
            programme="tekun",
            division="620500",
            area=Area.URBAN,
            rate=Rate.yearly("12000"),
            effective=D(2025, 1, 1),
        )
    )
    assert book.amount("tekun", "620521", on=D(2025, 3, 1), area="urban").rate.yearly == Decimal(
        "12000"
    )


def test_configurable_derivation() -> None:
    book = seed_book().with_derivations(
        Derivation(
            programme=Programme.TEKUN,
            base=Programme.DIBAO,
            multiple=Decimal("1.5"),
            rounding=UP_TO_TEN_YUAN,
        )
    )
    assert book.amount("tekun", "620521", on=D(2025, 3, 1), area="rural").rate.amount == Decimal(
        "700"
    )  # 697.5 → 700


def test_not_found_before_the_effective_date_and_unified_needs_a_unified_standard() -> None:
    with pytest.raises(UnknownCode):
        seed_book().amount("dibao", "620521", on=D(2024, 12, 31), area="urban")
    with pytest.raises(UnknownCode):
        seed_book().amount("dibao", "620521", on=D(2025, 3, 1))


def test_csv_and_json_round_trip_and_errors_list_every_bad_row() -> None:
    book = seed_book()
    again = StandardsBook.from_csv(io.StringIO(book.to_csv()))
    assert again.standards == book.standards
    text = (
        "programme,division,area,amount,period,effective\n"
        "dibao,620000,urban,abc,month,2025-01-01\n"
        "xx,62,urban,1,month,2025-02-30\n"
    )
    with pytest.raises(InvalidRecords) as info:
        StandardsBook.from_csv(io.StringIO(text))
    paths = [e.path for e in info.value.errors]
    assert paths == ["row 2.amount", "row 3.programme", "row 3.division", "row 3.effective"]


@given(amounts(min_value=1, max_value=5000, places=0), st.dates(D(2000, 1, 1), D(2030, 1, 1)))
def test_derived_tekun_is_at_least_1_3_times_and_less_than_a_yuan_above(
    amount: Decimal, on: datetime.date
) -> None:
    book = StandardsBook(
        [
            Standard(
                programme="dibao",
                division="620000",
                rate=Rate.monthly(amount),
                effective=D(2000, 1, 1),
            )
        ]
    )
    tekun = book.amount("tekun", "620521", on=on).rate.monthly
    assert amount * Decimal("1.3") <= tekun < amount * Decimal("1.3") + 1


# -- refusals ---------------------------------------------------------------------------------


def _dibao(
    amount: str, effective: datetime.date, *, area: str = "unified", variant: str = ""
) -> Standard:
    return Standard(
        programme="dibao",
        division="620000",
        rate=Rate.monthly(amount),
        effective=effective,
        area=Area(area),
        variant=variant,
    )


def test_two_different_amounts_for_one_day_are_refused() -> None:
    day = datetime.date(2025, 1, 1)
    with pytest.raises(InvalidValue) as caught:
        StandardsBook([_dibao("715", day), _dibao("720", day)])
    assert caught.value.code == "standard.conflict"
    assert "715" in caught.value.message("en") and "720" in caught.value.message("en")
    with pytest.raises(InvalidValue):
        StandardsBook([_dibao("715", day)]).with_standards(
            Standard(programme="dibao", division="620000", rate=Rate.yearly("8581"), effective=day)
        )
    # the same amount twice, another day, area or variant: all fine
    assert len(StandardsBook([_dibao("715", day), _dibao("715", day)])) == 2
    StandardsBook(
        [
            _dibao("715", day),
            Standard(programme="dibao", division="620000", rate=Rate.yearly("8580"), effective=day),
        ]
    )
    StandardsBook([_dibao("715", day), _dibao("720", datetime.date(2025, 7, 1))])
    StandardsBook([_dibao("715", day), _dibao("720", day, area="urban")])
    StandardsBook([_dibao("715", day), _dibao("720", day, variant="care.x")])


def test_negative_amounts_are_refused() -> None:
    with pytest.raises(InvalidAmount) as caught:
        _dibao("-1", datetime.date(2025, 1, 1))
    assert caught.value.code == "standard.negative"
    with pytest.raises(InvalidRecords) as records:
        StandardsBook.from_records(
            [
                {
                    "programme": "dibao",
                    "division": "620000",
                    "amount": "-715",
                    "effective": "2025-01-01",
                }
            ]
        )
    assert records.value.errors[0].error.code == "standard.negative"


def test_unknown_programmes_areas_and_text_dates_are_minzheng_errors() -> None:
    book = StandardsBook([_dibao("715", datetime.date(2025, 1, 1))])
    with pytest.raises(UnknownCode):
        book.amount("dibao_plus", "620521", on=datetime.date(2025, 3, 1))
    with pytest.raises(UnknownCode):
        book.amount("dibao", "620521", on=datetime.date(2025, 3, 1), area="suburban")
    with pytest.raises(UnknownCode):
        Standard(
            programme="dibao_plus",
            division="620000",
            rate=Rate.monthly("1"),
            effective=datetime.date(2025, 1, 1),
        )
    with pytest.raises(InvalidDate):
        book.amount("dibao", "620521", on="2025-03-03")  # type: ignore[arg-type]


@given(st.lists(st.tuples(st.sampled_from(["1", "2", "3"]), st.integers(1, 3)), max_size=6))
def test_a_book_either_refuses_a_conflict_or_answers_every_day(
    entries: list[tuple[str, int]],
) -> None:
    standards = [_dibao(amount, datetime.date(2025, day, 1)) for amount, day in entries]
    by_day: dict[int, set[str]] = {}
    for amount, day in entries:
        by_day.setdefault(day, set()).add(amount)
    if any(len(amounts) > 1 for amounts in by_day.values()):
        with pytest.raises(InvalidValue):
            StandardsBook(standards)
        return
    book = StandardsBook(standards)
    for day, (amount,) in by_day.items():
        assert book.amount(
            "dibao", "620521", on=datetime.date(2025, day, 1)
        ).rate.amount == Decimal(amount)
