import datetime
from decimal import Decimal

import pytest
from babel import Locale
from hypothesis import given

from minzheng.codes import Sex
from minzheng.errors import InvalidAmount, UnknownCode
from minzheng.i18n import (
    CountUnit,
    format_count,
    format_date,
    format_money,
    format_month,
    format_percent,
    label,
    resolve_locale,
)
from minzheng.money import parse_amount
from minzheng.testing import amounts


@pytest.mark.parametrize(
    ("tag", "resolved"),
    [
        ("zh_TW", "zh_Hant"),
        ("zh-HK", "zh_Hant"),
        ("zh_MO", "zh_Hant"),
        ("zh_Hant", "zh_Hant"),
        ("zh-Hant-SG", "zh_Hant"),
        ("zh_Hans_HK", "zh_Hans"),
        ("zh", "zh_Hans"),
        ("zh_CN", "zh_Hans"),
        ("zh-SG", "zh_Hans"),
        ("en", "en"),
        ("en_US", "en"),
        ("fr", "en"),
        (None, "zh_Hans"),
        (Locale.parse("zh_Hant_TW"), "zh_Hant"),
    ],
)
def test_resolve_locale(tag: object, resolved: str) -> None:
    assert resolve_locale(tag) == resolved


def test_babel_negotiation_is_wrong_which_is_why_we_resolve_ourselves() -> None:
    assert Locale.negotiate(["zh_TW", "en"], ["zh_Hans_CN", "en"]) == Locale.parse("en")
    assert resolve_locale("zh_TW") == "zh_Hant"


@pytest.mark.parametrize("bad", ["", "1", "zh_", "x" * 20, "中文"])
def test_unknown_locale(bad: str) -> None:
    with pytest.raises(UnknownCode):
        resolve_locale(bad)


def test_labels() -> None:
    assert label(Sex.FEMALE) == "女性"
    assert label(Sex.FEMALE, "zh_TW") == "女性"
    assert label(Sex.NOT_STATED, "zh_Hant") == "未說明的性別"
    assert label(Sex.FEMALE, "en") == "Female"


def test_seed_money_formats() -> None:
    total = parse_amount("4939.73万")
    assert format_money(total, unit="万元") == "4939.73万元"
    assert format_money(total, "zh_Hant", unit="万元") == "4939.73萬元"
    assert format_money(total, "en", unit="万元") == "CNY 49.3973 million"
    assert format_money(parse_amount("38.1万"), unit="万元") == "38.1万元"
    assert format_money(parse_amount("2583万"), unit="万元") == "2583万元"
    assert format_money(parse_amount("8.02亿"), unit="亿元") == "8.02亿元"
    assert format_money(Decimal("11160")) == "11160元"
    assert format_money(Decimal("11160"), "en") == "CNY 11,160"


def test_money_rounds_half_up_and_refuses_floats() -> None:
    assert format_money(Decimal("12345"), unit="万元") == "1.23万元"
    assert format_money(Decimal("12350"), unit="万元") == "1.24万元"
    with pytest.raises(InvalidAmount):
        format_money(1.5)  # type: ignore[arg-type]
    with pytest.raises(UnknownCode):
        format_money(Decimal(1), unit="千元")  # type: ignore[arg-type]


@given(amounts(max_value=10**12))
def test_money_in_wan_parses_back_to_the_rounded_amount(amount: Decimal) -> None:
    text = format_money(amount, unit="万元")
    assert (
        parse_amount(text)
        == (amount / 10000).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP") * 10000
    )


def test_counts_percent_dates() -> None:
    assert format_count(5039, CountUnit.HOUSEHOLD) + format_count(9822, "person") == "5039户9822人"
    assert format_count(5039, "household", "zh_Hant") == "5039戶"
    assert format_count(1, "person", "en") == "1 person"
    assert format_count(9822, "person", "en") == "9,822 persons"
    assert format_percent(Decimal(7385) / Decimal(10036)) == "73.6%"
    assert format_percent(Decimal("0.153125"), "en") == "15.3%"
    assert format_date(datetime.date(2025, 3, 5)) == "2025年3月5日"
    assert format_date(datetime.date(2025, 3, 5), "en") == "March 5, 2025"
    assert format_month(2025, 3, "zh_Hant") == "2025年3月"
