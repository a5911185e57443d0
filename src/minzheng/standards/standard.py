"""``Standard`` (one published amount) and ``StandardUsed`` (what a rule applied, and why)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import attrs

from minzheng._validators import typed_fields
from minzheng.codes import Area
from minzheng.errors import InvalidAmount, InvalidValue
from minzheng.money import Rate, RoundingPolicy, finite_amount
from minzheng.programmes import Programme

__all__ = ["Standard", "StandardUsed"]


def _division(value: str) -> str:
    if not isinstance(value, str):
        raise InvalidValue("value.invalid", field="division", value=value)
    return value.strip()


def _programme(value: object) -> Programme:
    return Programme.from_code(value)


def _area(value: object) -> Area:
    return Area.from_code(value)


def _not_negative(_: object, attribute: attrs.Attribute[Rate], value: Rate) -> None:
    if not isinstance(value, Rate):
        raise InvalidAmount("amount.type", field=attribute.name, value=value)
    if value.amount < 0:
        raise InvalidAmount("standard.negative", field="amount", value=str(value.amount))


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Standard:
    """A published standard: a programme's amount in a division, from a date.

    ``area`` is 城市 / 农村, or 城乡统一 (the default); ``variant`` distinguishes
    sub-standards of one programme (特困 care tiers ``"centralised.full_care"``,
    orphans ``"institutional"``, old-age bands ``"90-99"``); ``source`` names the
    notice that set it.

    >>> s = Standard(programme=Programme.DIBAO, division="620521", area=Area.URBAN,
    ...              rate=Rate.yearly("8580"), effective=datetime.date(2025, 1, 1))
    >>> s.rate.monthly
    Decimal('715')
    >>> Standard(programme="dibao", division="620521", rate=Rate.monthly("-1"),
    ...          effective=datetime.date(2025, 1, 1))
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidAmount: amount：标准金额不能为负数：-1
    """

    programme: Programme = attrs.field(converter=_programme)
    division: str = attrs.field(converter=_division)
    rate: Rate = attrs.field(validator=_not_negative)
    effective: datetime.date
    area: Area = attrs.field(default=Area.UNIFIED, converter=_area)
    variant: str = ""
    source: str = ""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class StandardUsed:
    """The standard a rule applied: the rate, where and since when, and how it was derived.

    >>> used = StandardUsed(programme=Programme.DIBAO, rate=Rate.monthly("715"),
    ...                     effective=datetime.date(2025, 1, 1), division="620500",
    ...                     area=Area.URBAN)
    >>> used.division_name
    '甘肃省天水市'
    """

    programme: Programme
    rate: Rate
    effective: datetime.date
    division: str
    area: Area = Area.UNIFIED
    variant: str = ""
    source: str = ""
    derived_from: StandardUsed | None = None
    multiple: Decimal | None = attrs.field(default=None, validator=finite_amount)
    rounding: RoundingPolicy | None = None

    @property
    def division_name(self) -> str:
        """The full name of the division that set the standard (the code when unknown).

        >>> StandardUsed(programme=Programme.DIBAO, rate=Rate.monthly("1"),
        ...              effective=datetime.date(2025, 1, 1), division="999999").division_name
        '999999'
        """
        from minzheng.divisions import registry

        found = registry().nearest(self.division, None)
        return found.full_name if found is not None else self.division

    @property
    def monthly(self) -> Decimal:
        """The monthly amount (exact; raises when a yearly amount does not divide by 12).

        >>> StandardUsed(programme=Programme.DIBAO, rate=Rate.yearly("5580"),
        ...              effective=datetime.date(2025, 1, 1), division="620000").monthly
        Decimal('465')
        """
        return self.rate.monthly
