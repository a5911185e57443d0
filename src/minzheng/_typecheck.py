"""Type checks for record constructors: the documented type, or a minzheng error.

Records are built strictly from Python (coercion is the loaders' job, STYLE.md);
these attrs validators make a wrong-typed field an :class:`~minzheng.errors.InvalidValue`
naming the field and the type it got — never a bare ``TypeError`` or
``AttributeError`` raised later by a comparison. Only the type's name is echoed,
so a misplaced identity number never reaches the message.

>>> import attrs
>>> @attrs.frozen
... class Row:
...     on: datetime.date = attrs.field(validator=is_date())
>>> Row(on="2025-01-01")
Traceback (most recent call last):
...
minzheng.errors.InvalidValue: on：应为日期：str
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import attrs

from minzheng.errors import InvalidAmount, InvalidValue

__all__ = ["is_amount", "is_date", "is_instance"]


def _type_name(value: object) -> str:
    return type(value).__name__


@attrs.frozen
class _InstanceOf:
    types: tuple[type, ...]
    optional: bool

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and self.optional:
            return
        bool_for_int = isinstance(value, bool) and bool not in self.types
        if bool_for_int or not isinstance(value, self.types):
            expected = "、".join(t.__name__ for t in self.types)
            raise InvalidValue(
                "value.type",
                field=attribute.name,
                value=_type_name(value),
                params={"expected": expected},
            )

    def __repr__(self) -> str:
        names = ", ".join(t.__name__ for t in self.types)
        return f"<is_instance({names}{', optional' if self.optional else ''})>"


def is_instance(*types: type, optional: bool = False) -> _InstanceOf:
    """A validator accepting instances of ``types`` (and ``None`` when ``optional``); never ``bool`` for ``int``.

    >>> is_instance(str, optional=True)
    <is_instance(str, optional)>
    """
    return _InstanceOf(types=types, optional=optional)


@attrs.frozen
class _IsDate:
    optional: bool

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and self.optional:
            return
        # A datetime is a date, but it cannot be compared with one: refuse it here.
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            raise InvalidValue("date.type", field=attribute.name, value=_type_name(value))

    def __repr__(self) -> str:
        return f"<is_date({'optional' if self.optional else ''})>"


def is_date(*, optional: bool = False) -> _IsDate:
    """A validator accepting a ``datetime.date`` (not a ``datetime``), or ``None`` when ``optional``.

    >>> is_date(optional=True)
    <is_date(optional)>
    """
    return _IsDate(optional=optional)


@attrs.frozen
class _IsAmount:
    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, Decimal):
            shown = value if isinstance(value, float) else _type_name(value)
            raise InvalidAmount("amount.decimal", field=attribute.name, value=shown)
        if not value.is_finite():
            raise InvalidAmount("amount.not_finite", field=attribute.name, value=value)

    def __repr__(self) -> str:
        return "<is_amount()>"


def is_amount() -> _IsAmount:
    """A validator accepting a finite ``Decimal`` (anything else refused with ``amount.decimal``).

    >>> is_amount()
    <is_amount()>
    """
    return _IsAmount()
