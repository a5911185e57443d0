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

Bounds (what the domain allows, and what keeps parsing linear and exact):

- an amount written as text has at most :data:`MAX_AMOUNT_CHARS` (64) characters
  once normalised (NFKC) and trimmed — ``amount.too_long`` beyond;
- the written number has at most :data:`MAX_FRACTION_DIGITS` (10) decimals, enough
  for a fen written in 亿 (``0.0000000001亿``) — ``amount.too_precise`` beyond;
- every amount, written or passed as ``int``/``Decimal``, is below
  :data:`MAX_AMOUNT` (10¹⁵ yuan) in magnitude — ``amount.too_large`` beyond (a
  province spends less than 10¹² yuan a year).

Within these bounds a 万/亿 amount is exact: it is never rounded. Only ASCII
digits are digits (full-width ones become ASCII under NFKC; Arabic-Indic,
Devanagari … digits are refused), and the text is written without an exponent.
"""

from __future__ import annotations

import decimal
import re
import unicodedata
from decimal import Decimal

from minzheng.errors import InvalidAmount

__all__ = [
    "MAX_AMOUNT",
    "MAX_AMOUNT_CHARS",
    "MAX_FRACTION_DIGITS",
    "UNIT_MULTIPLIERS",
    "parse_amount",
    "plain",
]

#: Chinese large-number units and their multipliers.
UNIT_MULTIPLIERS: dict[str, int] = {
    "万": 10_000,
    "萬": 10_000,
    "亿": 100_000_000,
    "億": 100_000_000,
}

#: The longest amount text accepted, in characters, after NFKC and trimming.
MAX_AMOUNT_CHARS = 64
#: The most decimals a written amount may have (a fen written in 亿 needs 10).
MAX_FRACTION_DIGITS = 10
#: Every amount is strictly below this in magnitude: 10¹⁵ yuan (15 integer digits).
MAX_AMOUNT = Decimal(10) ** 15

_CURRENCIES = ("¥", "CNY", "RMB")  # NFKC has turned ￥ into ¥
_YUAN = frozenset("元圆圓")
# ASCII digits only; applied to at most MAX_AMOUNT_CHARS characters, and no two
# parts of it can match the same text, so it does not backtrack.
_NUMBER = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
# Enough digits for any bounded amount times 10⁸; Inexact is trapped all the same.
_EXACT = decimal.Context(prec=60, traps=[decimal.Inexact, decimal.InvalidOperation])


def _bounded(number: Decimal, value: object, field: str) -> Decimal:
    if abs(number) >= MAX_AMOUNT:
        raise InvalidAmount(
            "amount.too_large", field=field, value=value, params={"max": "1000000000000000"}
        )
    return number


def plain(value: Decimal) -> Decimal:
    """``value`` without trailing zeros and without a positive exponent (``1E+2`` → ``100``).

    ``Decimal.normalize()`` strips trailing zeros but writes ``Decimal("100")`` as
    ``1E+2``; ``plain`` gives the same number with exponent ``0`` when it is whole,
    and with only its significant decimals otherwise; ``-0`` becomes ``0``. It never
    rounds. Use ``format(plain(d), "f")`` for text that never has an exponent
    (``str`` writes numbers below 10⁻⁶ as ``1E-7``).

    >>> plain(Decimal("1E+2")), plain(Decimal("49397300.00")), plain(Decimal("12.3400"))
    (Decimal('100'), Decimal('49397300'), Decimal('12.34'))
    >>> str(plain(Decimal("8580").normalize())), plain(Decimal("-0.00"))
    ('8580', Decimal('0'))
    """
    if not isinstance(value, Decimal) or not value.is_finite():
        raise InvalidAmount("amount.not_finite", field="amount", value=value)
    if value == value.to_integral_value():
        return Decimal(int(value))
    digits = len(value.as_tuple().digits)
    return value.normalize(decimal.Context(prec=max(digits, 1)))


def parse_amount(value: object, *, field: str = "amount") -> Decimal:
    """Parse a yuan amount from text, ``int`` or ``Decimal`` into an exact ``Decimal``.

    Accepts a sign, ``¥``/``￥``/``CNY``/``RMB``, thousands separators, full-width
    digits and punctuation, a 万/亿 unit (simplified or traditional) and a trailing
    元. Refuses floats, booleans, NaN and infinities, and amounts beyond the
    bounds above, with :class:`~minzheng.errors.InvalidAmount`. Runs in time
    linear in the length of ``value``.

    >>> parse_amount("1.2亿"), parse_amount(715), parse_amount(Decimal("8580"))
    (Decimal('120000000'), Decimal('715'), Decimal('8580'))
    >>> parse_amount("12,34")
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidAmount: amount：无法识别的金额：12,34
    >>> parse_amount("1234567890123456万")
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidAmount: amount：金额的绝对值须小于1000000000000000元：1234567890123456万
    """
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidAmount("amount.not_finite", field=field, value=value)
        return _bounded(value, value, field)
    if isinstance(value, bool):
        raise InvalidAmount("amount.type", field=field, value=value)
    if isinstance(value, int):
        if abs(value) >= MAX_AMOUNT:  # before Decimal(value): no work on a huge int
            raise InvalidAmount(
                "amount.too_large", field=field, value=value, params={"max": "1000000000000000"}
            )
        return Decimal(value)
    if isinstance(value, float):
        raise InvalidAmount("amount.float", field=field, value=value)
    if not isinstance(value, str):
        raise InvalidAmount("amount.type", field=field, value=value)
    return _parse_text(value, field)


def _parse_text(value: str, field: str) -> Decimal:
    text = value.strip()  # linear; bound the work before normalising
    if len(text) > MAX_AMOUNT_CHARS:
        raise _too_long(value, field)
    text = unicodedata.normalize("NFKC", text).strip()
    if len(text) > MAX_AMOUNT_CHARS:
        raise _too_long(value, field)
    # Tokenise from both ends: [sign] [currency] [sign] number [unit] [元].
    sign = ""
    if text[:1] in ("+", "-"):
        sign, text = text[0], text[1:].lstrip()
    for currency in _CURRENCIES:
        if text.startswith(currency):
            text = text[len(currency) :].lstrip()
            break
    if text[:1] in ("+", "-"):
        if sign:
            raise InvalidAmount("amount.format", field=field, value=value)
        sign, text = text[0], text[1:]
    if text[-1:] in _YUAN:
        text = text[:-1].rstrip()
    unit = ""
    if text[-1:] in UNIT_MULTIPLIERS:
        unit, text = text[-1], text[:-1].rstrip()
    if _NUMBER.fullmatch(text) is None:
        raise InvalidAmount("amount.format", field=field, value=value)
    whole, _, fraction = text.replace(",", "").partition(".")
    if len(fraction) > MAX_FRACTION_DIGITS:
        raise InvalidAmount(
            "amount.too_precise", field=field, value=value, params={"max": MAX_FRACTION_DIGITS}
        )
    if len(whole.lstrip("0")) > 15:  # 10¹⁵ or more even before a unit
        raise InvalidAmount(
            "amount.too_large", field=field, value=value, params={"max": "1000000000000000"}
        )
    number = Decimal(whole + "." + fraction if fraction else whole or "0")
    if unit:
        number = plain(_EXACT.multiply(number, Decimal(UNIT_MULTIPLIERS[unit])))
    if sign == "-":
        number = -number
    return _bounded(number, value, field)


def _too_long(value: str, field: str) -> InvalidAmount:
    return InvalidAmount(
        "amount.too_long",
        field=field,
        value=value,
        params={"max": MAX_AMOUNT_CHARS, "length": len(value)},
    )
