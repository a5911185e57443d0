"""Checking a reported figure against the computed one, at the reported precision.

Seeds contain slips: "由每人每月640元提高到738元，增幅17%" — 98/640 is 15.3 %; the check
flags it. "7385/10036 = 73.6%" passes. The reported percentage's own number of
decimals sets the precision of the comparison (half-up rounding).

>>> verify_growth(640, 738, "17%").ok, verify_growth(640, 738, "15.3%").ok
(False, True)
>>> check = verify_share(7385, 10036, "73.6%")
>>> check.ok, check.reported, check.computed
(True, Decimal('73.6'), Decimal('73.6'))
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import attrs

from minzheng._validators import typed_fields
from minzheng.errors import InvalidValue
from minzheng.money import finite_amount, growth, share

__all__ = ["FigureCheck", "verify_growth", "verify_share"]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class FigureCheck:
    """The reported percentage, the computed one at the same precision, and the exact ratio.

    >>> verify_share(69, 108, "72.6%").computed
    Decimal('63.9')
    """

    ok: bool
    reported: Decimal = attrs.field(validator=finite_amount)
    computed: Decimal = attrs.field(validator=finite_amount)
    exact: Decimal = attrs.field(validator=finite_amount)


def _parse_percent(text: str) -> Decimal:
    cleaned = text.strip().rstrip("%％").strip()
    try:
        return Decimal(cleaned)
    except ArithmeticError:
        raise InvalidValue("value.format", field="reported", value=text) from None


def _check(ratio: Decimal, reported: str) -> FigureCheck:
    value = _parse_percent(reported)
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    computed = (ratio * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return FigureCheck(ok=computed == value, reported=value, computed=computed, exact=ratio)


def verify_share(part: object, whole: object, reported: str) -> FigureCheck:
    """Check that ``part / whole`` rounds to the ``reported`` percentage.

    >>> verify_share(1, 3, "33%").ok
    True
    """
    return _check(share(part, whole), reported)


def verify_growth(old: object, new: object, reported: str) -> FigureCheck:
    """Check that ``(new − old) / old`` rounds to the ``reported`` percentage.

    >>> verify_growth(2133, 2892, "35%").ok, verify_growth(1535, 2054, "34%").ok
    (False, True)
    """
    return _check(growth(old, new), reported)
