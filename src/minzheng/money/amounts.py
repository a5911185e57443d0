"""Parsing money amounts as bureaus write them: 4939.73万, 1.2亿元, ¥1,234.50, full-width digits.

Amounts are :class:`decimal.Decimal` yuan. Floats are refused — a float cannot
hold 0.1 exactly, and money that passed through one cannot be trusted.

>>> parse_amount("4939.73万")
Decimal('49397300')
>>> parse_amount("¥1,234.50"), parse_amount("１２３．４元"), parse_amount(" -38.1万元 ")
(Decimal('1234.50'), Decimal('123.4'), Decimal('-381000'))
>>> parse_amount(0.1)
Traceback (most recent call last):
...
minzheng.errors.InvalidAmount: amount：金额不得使用浮点数，请使用Decimal、整数或字符串：0.1
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from minzheng.errors import InvalidAmount

__all__ = ["UNIT_MULTIPLIERS", "parse_amount"]

#: Chinese large-number units and their multipliers.
UNIT_MULTIPLIERS: dict[str, int] = {
    "万": 10_000,
    "萬": 10_000,
    "亿": 100_000_000,
    "億": 100_000_000,
}

_AMOUNT = re.compile(
    r"^(?P<sign>[-+]?)\s*(?:¥|￥|CNY|RMB)?\s*(?P<sign2>[-+]?)"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"\s*(?P<unit>[万萬亿億])?\s*(?:元|圆|圓)?$"
)


def parse_amount(value: object, *, field: str = "amount") -> Decimal:
    """Parse a yuan amount from text, ``int`` or ``Decimal`` into an exact ``Decimal``.

    Accepts a sign, ``¥``/``￥``/``CNY``/``RMB``, thousands separators, full-width
    digits and punctuation, a 万/亿 unit (simplified or traditional) and a trailing
    元. Refuses floats, booleans, NaN and infinities with
    :class:`~minzheng.errors.InvalidAmount`.

    >>> parse_amount("1.2亿"), parse_amount(715), parse_amount(Decimal("8580"))
    (Decimal('120000000'), Decimal('715'), Decimal('8580'))
    >>> parse_amount("12,34")
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidAmount: amount：无法识别的金额：12,34
    """
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidAmount("amount.not_finite", field=field, value=value)
        return value
    if isinstance(value, bool):
        raise InvalidAmount("amount.type", field=field, value=value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        raise InvalidAmount("amount.float", field=field, value=value)
    if not isinstance(value, str):
        raise InvalidAmount("amount.type", field=field, value=value)
    text = unicodedata.normalize("NFKC", value).strip()
    match = _AMOUNT.match(text)
    if match is None or (match["sign"] and match["sign2"]):
        raise InvalidAmount("amount.format", field=field, value=value)
    try:
        number = Decimal(match["number"].replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimal text
        raise InvalidAmount("amount.format", field=field, value=value) from None
    unit = match["unit"]
    if unit:
        number = (number * UNIT_MULTIPLIERS[unit]).normalize()
        if number == number.to_integral_value():
            number = number.quantize(Decimal(1))
    if "-" in (match["sign"] + match["sign2"]):
        number = -number
    return number
