"""Shares and growth rates as exact ``Decimal`` ratios.

A quotient that terminates (7385/10036 does not; 98/640 does) is exact; one that
does not is correctly rounded to 34 significant digits (IEEE decimal128), far
beyond any published figure. Round for display with
:func:`minzheng.i18n.format_percent`, never before comparing.

>>> share(7385, 10036)
Decimal('0.7358509366281387006775607811877242')
>>> growth(640, 738)
Decimal('0.153125')
"""

from __future__ import annotations

import decimal
from decimal import Decimal

from minzheng.errors import InvalidValue
from minzheng.money.amounts import parse_amount

__all__ = ["growth", "share"]

_CONTEXT = decimal.Context(prec=34, rounding=decimal.ROUND_HALF_EVEN)


def _number(value: object, field: str) -> Decimal:
    return parse_amount(value, field=field)


def share(part: object, whole: object) -> Decimal:
    """``part / whole`` as a ``Decimal`` (a nursing-bed share, a participation rate).

    >>> share(1, 4), share(Decimal("0"), 3)
    (Decimal('0.25'), Decimal('0'))
    >>> share(1, 0)
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidValue: whole：基数为零，无法计算比率
    """
    numerator, denominator = _number(part, "part"), _number(whole, "whole")
    if denominator == 0:
        raise InvalidValue("ratio.zero_base", field="whole")
    return _CONTEXT.divide(numerator, denominator)


def growth(old: object, new: object) -> Decimal:
    """The growth rate ``(new − old) / old`` ("640 → 738 元" is 15.3125 %).

    >>> growth("2133", "2892")
    Decimal('0.3558368495077355836849507735583685')
    """
    base, current = _number(old, "old"), _number(new, "new")
    if base == 0:
        raise InvalidValue("ratio.zero_base", field="old")
    return _CONTEXT.divide(current - base, base)
