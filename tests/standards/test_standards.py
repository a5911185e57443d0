"""Standards: the seed case (低保 8580/5580 → 特困 11160/7260), fallback, dating, loading."""

import datetime
import io
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.codes import Area
from minzheng.errors import InvalidRecords, UnknownCode
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
