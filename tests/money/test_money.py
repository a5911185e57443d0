"""Money: amounts, rates, rounding, ratios — DOMAIN.md §4.5, §5.6, §15 seed checks."""

import contextlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.errors import InvalidAmount, InvalidValue, MinzhengError
from minzheng.money import (
    TO_FEN,
    UP_TO_TEN_YUAN,
    UP_TO_YUAN,
    Period,
    Rate,
    growth,
    parse_amount,
    rounding_policy,
    share,
)
from minzheng.testing import amounts, rates


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4939.73万", "49397300"),
        ("4939.73万元", "49397300"),
        ("1.2亿", "120000000"),
        ("1.2億元", "120000000"),
        ("¥1,234.50", "1234.50"),
        ("￥1,234.50", "1234.50"),
        ("１２３．４元", "123.4"),
        ("38.1万元", "381000"),
        ("-715", "-715"),
        ("CNY 8580", "8580"),
        ("0.00005万", "0.5"),
        ("715元", "715"),
    ],
)
def test_parse_amount(text: str, value: str) -> None:
    assert parse_amount(text) == Decimal(value)


@pytest.mark.parametrize("bad", ["", "万", "1,23", "1.2.3", "--5", "12元万", "1e5", "NaN", "abc"])
def test_parse_amount_refuses_garbage(bad: str) -> None:
    with pytest.raises(InvalidAmount):
        parse_amount(bad)


@pytest.mark.parametrize("bad", [0.1, 1.0, True, None, Decimal("NaN"), Decimal("Infinity"), [1]])
def test_parse_amount_refuses_floats_and_non_numbers(bad: object) -> None:
    with pytest.raises(InvalidAmount) as info:
        parse_amount(bad)
    if isinstance(bad, float):
        assert info.value.code == "amount.float"


@given(st.text(max_size=20))
def test_parse_amount_raises_only_minzheng_errors(text: str) -> None:
    with contextlib.suppress(MinzhengError):
        parse_amount(text)


@given(amounts(min_value=-(10**9), max_value=10**9))
def test_parse_amount_round_trips_plain_text(amount: Decimal) -> None:
    assert parse_amount(str(amount)) == amount
    assert parse_amount(f"{amount / 10000}万") == amount


def test_seed_rates() -> None:
    assert Rate.monthly("715").yearly == Decimal("8580")
    assert Rate.yearly("5580").monthly == Decimal("465")
    assert Rate.yearly("11160").monthly == Decimal("930")
    assert Rate.yearly("7260").monthly == Decimal("605")


def test_tekun_standard_is_1_3_times_dibao_rounded_up_to_the_yuan() -> None:
    # DOMAIN.md §5.6: 715 × 1.3 = 929.5 → 930/month = 11160/yr; 465 × 1.3 = 604.5 → 605 = 7260/yr
    for dibao_year, tekun_year in (("8580", "11160"), ("5580", "7260")):
        monthly = Rate.yearly(dibao_year).monthly
        assert Rate.monthly(UP_TO_YUAN(monthly * Decimal("1.3"))).yearly == Decimal(tekun_year)


def test_dibao_edge_line_at_715_is_1072_5() -> None:
    assert Rate.monthly("715").amount * Decimal("1.5") == Decimal("1072.5")


def test_inexact_conversion_needs_a_policy() -> None:
    with pytest.raises(InvalidAmount) as info:
        _ = Rate.yearly("1000").monthly
    assert info.value.code == "rate.inexact"
    assert Rate.yearly("1000").to(Period.MONTH, rounding=TO_FEN).amount == Decimal("83.33")


def test_rate_arithmetic() -> None:
    assert Rate.monthly("715") * 4 == Rate.monthly("2860")
    assert Rate.monthly("715") - Rate.monthly("500") == Rate.monthly("215")
    assert Rate.monthly("715") == Rate.yearly("8580")
    assert Rate.monthly("700") < Rate.yearly("8580")
    with pytest.raises(InvalidAmount):
        _ = Rate.monthly("1") + Rate.yearly("12")
    with pytest.raises(InvalidAmount):
        Rate.monthly(0.5)


@given(rates(period=Period.MONTH))
def test_monthly_to_yearly_and_back_is_exact(rate: Rate) -> None:
    assert Rate.yearly(rate.yearly).monthly == rate.amount
    assert hash(rate) == hash(rate.to(Period.YEAR))


def test_rounding_policies() -> None:
    assert UP_TO_YUAN(Decimal("929.5")) == Decimal("930")
    assert UP_TO_YUAN(Decimal("930")) == Decimal("930")
    assert UP_TO_TEN_YUAN(Decimal("931")) == Decimal("940")
    assert TO_FEN(Decimal("1.005")) == Decimal("1.01")
    assert TO_FEN(Decimal("2")) == Decimal("2.00")
    assert rounding_policy("to_fen") is TO_FEN


@given(amounts(min_value=-(10**6), max_value=10**6, places=4))
def test_rounding_properties(amount: Decimal) -> None:
    up = UP_TO_YUAN(amount)
    assert up >= amount and up - amount < 1 and up == up.to_integral_value()
    ten = UP_TO_TEN_YUAN(amount)
    assert ten >= amount and ten - amount < 10 and ten % 10 == 0
    assert abs(TO_FEN(amount) - amount) <= Decimal("0.005")


def test_seed_growth_and_share() -> None:
    assert growth(640, 738) == Decimal("0.153125")  # the seed says 17 %: it is 15.3 %
    assert round(share(7385, 10036), 3) == Decimal("0.736")
    with pytest.raises(InvalidValue):
        share(1, 0)
    with pytest.raises(InvalidValue):
        growth(0, 5)


@given(st.integers(0, 10**6), st.integers(1, 10**6))
def test_share_is_exact_when_it_terminates(part: int, whole: int) -> None:
    ratio = share(part, whole)
    assert abs(ratio * whole - part) < Decimal("1e-25") * max(whole, 1)


# --- bounds, exactness and scripts (issue 17) ---------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1" * 52_000, "amount.too_long"),
        ("+" + " " * 16_000 + "x", "amount.too_long"),
        ("1234567890123456789012345万", "amount.too_large"),
        ("1000000000000000", "amount.too_large"),
        ("-100000000000万", "amount.too_large"),
        ("10000000亿", "amount.too_large"),
        ("1.00000000001", "amount.too_precise"),
    ],
)
def test_parse_amount_bounds(text: str, code: str) -> None:
    with pytest.raises(InvalidAmount) as info:
        parse_amount(text)
    assert info.value.code == code
    assert len(str(info.value)) < 200


@pytest.mark.parametrize(
    "value",
    [10**15, -(10**15), 10**4000, Decimal("1E+15"), Decimal("-1E+400")],
    ids=["1e15", "-1e15", "1e4000", "Decimal-1e15", "Decimal--1e400"],
)
def test_parse_amount_refuses_too_large_numbers(value: object) -> None:
    with pytest.raises(InvalidAmount) as info:
        parse_amount(value)
    assert info.value.code == "amount.too_large"


@pytest.mark.parametrize(
    "value", [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Inf")]
)
def test_parse_amount_refuses_non_finite_decimals(value: Decimal) -> None:
    with pytest.raises(InvalidAmount) as info:
        parse_amount(value)
    assert info.value.code == "amount.not_finite"


def test_unit_amounts_are_exact_up_to_the_bound() -> None:
    # 28 significant digits were the default context's limit: these were rounded.
    assert parse_amount("9999999.9999999999亿") == Decimal("999999999999999.99")
    assert parse_amount("99999999999.9999999999万") == Decimal("999999999999999.999999")
    assert parse_amount("0.0000000001亿") == Decimal("0.01")


@pytest.mark.parametrize(
    "text",
    ["٣٤٥", "१२३", "১২৩", "١٢٣٫٤", "٣٤万", "12٣", "๑๒๓", "𝟏𝟐𝟑x"],
)
def test_parse_amount_refuses_other_scripts_digits(text: str) -> None:
    with pytest.raises(InvalidAmount):
        parse_amount(text)


def test_parse_amount_accepts_full_width_and_math_digits_via_nfkc() -> None:
    assert parse_amount("１２３") == Decimal("123")
    assert parse_amount("𝟏𝟐𝟑万") == Decimal("1230000")


@pytest.mark.parametrize("text", ["1E+2", "1e5", "1E-2万", "Infinity", "NaN", "1_000"])
def test_parse_amount_refuses_exponents_and_python_spellings(text: str) -> None:
    with pytest.raises(InvalidAmount):
        parse_amount(text)


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**14), max_value=10**14))
def test_plain_is_exponent_free_equal_and_parses_back(value: Decimal) -> None:
    from minzheng.money import plain

    result = plain(value)
    assert result == value
    assert "E" not in str(result) or abs(result) < Decimal("1E-6")
    exponent = result.as_tuple().exponent
    assert isinstance(exponent, int) and exponent <= 0
    text = format(result, "f")
    assert "E" not in text and "e" not in text
    if len(text) <= 64 and len(text.partition(".")[2]) <= 10:
        assert parse_amount(text) == value


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("1E+2", "100"),
        ("8580.00", "8580"),
        ("12.3400", "12.34"),
        ("-0.00", "0"),
        ("1E+14", "100000000000000"),
    ],
)
def test_plain_examples(value: str, text: str) -> None:
    from minzheng.money import plain

    assert str(plain(Decimal(value))) == text


@pytest.mark.parametrize("bad", ["week", "", "MONTHLY", None, 12, b"month", "m" * 100_000])
def test_rate_refuses_unknown_periods_with_a_minzheng_error(bad: object) -> None:
    with pytest.raises(InvalidAmount) as info:
        Rate(amount="715", period=bad)
    assert info.value.code == "rate.period"
    with pytest.raises(InvalidAmount):
        Rate.monthly("715").to(bad)  # type: ignore[arg-type]
