"""A field validator shared by every ``Decimal`` field of a record: amounts are finite numbers.

Public as :func:`minzheng.money.finite_amount`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from minzheng.errors import InvalidAmount

__all__ = ["finite_amount"]


def finite_amount(_: Any, attribute: Any, value: Any) -> None:
    """Refuse ``NaN`` and the infinities (``None`` passes: optional fields check it elsewhere).

    Runs before a field's other validators, so that they never compare a NaN (which
    raises :class:`decimal.InvalidOperation`, a foreign exception).

    >>> import attrs
    >>> @attrs.frozen
    ... class Paid:
    ...     amount: Decimal = attrs.field(validator=finite_amount)
    >>> Paid(Decimal("NaN"))
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidAmount: amount：金额必须是有限数：NaN
    """
    if isinstance(value, Decimal) and not value.is_finite():
        raise InvalidAmount("amount.not_finite", field=attribute.name, value=str(value))
