"""Numbers, money, percentages and dates as bureaus write them, through Babel.

Chinese reports write money in 元, 万元 or 亿元 without thousands separators and
without trailing zeros ("发放资金4939.73万元", "丧葬抚恤金38.1万元"); English
renders the same amounts in CNY with millions and billions. Rounding is half-up
(the way amounts are reported), applied before Babel formats the number, so
Babel never rounds a second time.

>>> from decimal import Decimal
>>> format_money(Decimal("49397300"), unit="万元")
'4939.73万元'
>>> format_money(Decimal("49397300"), "zh_Hant", unit="万元")
'4939.73萬元'
>>> format_money(Decimal("49397300"), "en", unit="万元")
'CNY 49.3973 million'
>>> format_count(9822, "person"), format_count(5039, "household", "en")
('9822人', '5,039 households')
>>> format_percent(Decimal("7385") / Decimal("10036"))
'73.6%'
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from minzheng.errors import InvalidAmount, UnknownCode
from minzheng.i18n.catalog import translate
from minzheng.i18n.locales import babel_locale, resolve_locale
from minzheng.i18n.units import CountUnit

__all__ = [
    "MoneyUnit",
    "format_count",
    "format_date",
    "format_money",
    "format_month",
    "format_number",
    "format_percent",
]

MoneyUnit = Literal["元", "万元", "亿元", "auto"]

# unit → (divisor in Chinese, Traditional unit, English divisor, English word)
_UNITS: dict[str, tuple[int, str, int, str]] = {
    "元": (1, "元", 1, ""),
    "万元": (10_000, "萬元", 1_000_000, " million"),
    "亿元": (100_000_000, "億元", 1_000_000_000, " billion"),
}
_EXTRA_EN_PLACES = {"元": 0, "万元": 2, "亿元": 1}


def _quantize(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _pattern(places: int, trim: bool, grouping: bool) -> str:
    integer = "#,##0" if grouping else "0"
    if places <= 0:
        return integer
    return integer + "." + ("#" if trim else "0") * places


def _as_decimal(amount: object, field: str) -> Decimal:
    if isinstance(amount, Decimal):
        if not amount.is_finite():
            raise InvalidAmount("amount.not_finite", field=field, value=amount)
        return amount
    if isinstance(amount, int) and not isinstance(amount, bool):
        return Decimal(amount)
    raise InvalidAmount("amount.type", field=field, value=amount)


def format_number(
    value: Decimal | int,
    locale: object = None,
    *,
    places: int = 0,
    trim: bool = True,
    grouping: bool | None = None,
) -> str:
    """A number with up to ``places`` decimals (half-up); grouped in English only by default.

    >>> format_number(1234567, "en"), format_number(1234567)
    ('1,234,567', '1234567')
    >>> format_number(Decimal("2.50"), places=2)
    '2.5'
    """
    from babel.numbers import format_decimal

    name = resolve_locale(locale)
    number = _quantize(_as_decimal(value, "value"), places)
    group = (name == "en") if grouping is None else grouping
    return str(
        format_decimal(number, format=_pattern(places, trim, group), locale=babel_locale(name))
    )


def format_money(
    amount: Decimal | int,
    locale: object = None,
    *,
    unit: MoneyUnit = "元",
    places: int = 2,
    trim: bool = True,
    grouping: bool | None = None,
) -> str:
    """Format a yuan amount in 元, 万元 or 亿元 (``unit="auto"`` picks by size).

    Args:
        amount: yuan, as ``Decimal`` or ``int`` (floats are refused).
        locale: ``zh_Hans`` (default), ``zh_Hant``, ``en`` or any tag resolving to them.
        unit: the unit Chinese text uses; English converts 万元 to millions and
            亿元 to billions, keeping the same precision.
        places: decimals in the chosen unit, rounded half-up.
        trim: drop trailing zeros ("38.1万元" rather than "38.10万元").
        grouping: thousands separators; default: English only.

    >>> format_money(Decimal("11160"))
    '11160元'
    >>> format_money(Decimal("381000"), unit="万元")
    '38.1万元'
    >>> format_money(Decimal("381000"), unit="万元", trim=False)
    '38.10万元'
    >>> format_money(Decimal("350000000"), unit="auto")
    '3.5亿元'
    >>> format_money(Decimal("350000000"), "en", unit="auto")
    'CNY 0.35 billion'
    >>> format_money(Decimal("715"), "en")
    'CNY 715'
    """
    value = _as_decimal(amount, "amount")
    if unit == "auto":
        magnitude = abs(value)
        unit = "亿元" if magnitude >= 100_000_000 else "万元" if magnitude >= 10_000 else "元"
    if unit not in _UNITS:
        raise UnknownCode("money_unit.unknown", field="unit", value=unit)
    divisor, hant_unit, en_divisor, en_word = _UNITS[unit]
    name = resolve_locale(locale)
    if name == "en":
        number = format_number(
            value / en_divisor,
            name,
            places=places + _EXTRA_EN_PLACES[unit],
            trim=trim,
            grouping=grouping,
        )
        return f"CNY {number}{en_word}"
    number = format_number(value / divisor, name, places=places, trim=trim, grouping=grouping)
    return number + (hant_unit if name == "zh_Hant" else unit)


def format_count(n: int, unit: CountUnit | str, locale: object = None) -> str:
    """A count with its unit: "5039户", "5039戶", "5,039 households", "1 household".

    >>> format_count(1, CountUnit.HOUSEHOLD, "en"), format_count(7933, "couple", "zh_Hant")
    ('1 household', '7933對')
    """
    member = unit if isinstance(unit, CountUnit) else CountUnit.from_code(unit)
    name = resolve_locale(locale)
    number = format_number(n, name)
    if name == "en":
        context = "CountUnit.one" if n == 1 else "CountUnit"
        return f"{number} {translate(member.term, context=context, locale=name)}"
    return number + member.label(name)


def format_percent(ratio: Decimal, locale: object = None, *, places: int = 1) -> str:
    """A ratio as a percentage with ``places`` decimals, rounded half-up.

    >>> format_percent(Decimal("0.153125")), format_percent(Decimal("0.7365"), "en")
    ('15.3%', '73.7%')
    """
    from babel.numbers import format_percent as babel_percent

    name = resolve_locale(locale)
    percent = _quantize(_as_decimal(ratio, "ratio") * 100, places)
    pattern = "0" + ("." + "0" * places if places > 0 else "") + "%"
    return str(babel_percent(percent / 100, format=pattern, locale=babel_locale(name)))


def format_date(day: datetime.date, locale: object = None, *, format: str = "long") -> str:
    """A date in the locale's long form (or any Babel format name or pattern).

    >>> import datetime
    >>> d = datetime.date(2025, 3, 5)
    >>> format_date(d), format_date(d, "zh_Hant"), format_date(d, "en")
    ('2025年3月5日', '2025年3月5日', 'March 5, 2025')
    """
    from babel.dates import format_date as babel_date

    return str(babel_date(day, format=format, locale=babel_locale(locale)))


def format_month(year: int, month: int, locale: object = None) -> str:
    """A calendar month: "2025年3月", "March 2025".

    >>> format_month(2025, 3), format_month(2025, 3, "en")
    ('2025年3月', 'March 2025')
    """
    from babel.dates import format_skeleton

    day = datetime.date(year, month, 1)
    return str(format_skeleton("yMMMM", day, locale=babel_locale(locale)))
