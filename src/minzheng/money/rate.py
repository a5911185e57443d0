"""``Rate``: an amount of yuan per period (month or year), converted exactly.

Standards are published per month or per year ("城乡低保年保障标准分别提高到8580元、
5580元"); a rate converts between the two exactly, and refuses a conversion that
does not divide evenly unless a rounding policy is named.

>>> Rate.monthly("715").yearly
Decimal('8580')
>>> Rate.yearly("5580").monthly
Decimal('465')
>>> Rate.yearly("1000").monthly
Traceback (most recent call last):
...
minzheng.errors.InvalidAmount: rate：1000元每年无法精确换算为每月的金额，请指定舍入规则
>>> from minzheng.money.rounding import TO_FEN
>>> Rate.yearly("1000").to(Period.MONTH, rounding=TO_FEN).amount
Decimal('83.33')
"""

from __future__ import annotations

import decimal
from collections.abc import Callable
from decimal import Decimal
from enum import StrEnum
from typing import overload

import attrs

from minzheng.errors import InvalidAmount
from minzheng.money.amounts import parse_amount
from minzheng.money.rounding import RoundingPolicy

__all__ = ["Period", "Rate"]


class Period(StrEnum):
    """The period of a rate: a calendar month or a year (12 months).

    >>> Period("month").months
    1
    """

    MONTH = "month"
    YEAR = "year"

    @property
    def months(self) -> int:
        """How many months the period holds.

        >>> Period.YEAR.months
        12
        """
        return 1 if self is Period.MONTH else 12


_PERIOD_ZH = {Period.MONTH: "月", Period.YEAR: "年"}
_EXACT = decimal.Context(prec=60, traps=[decimal.Inexact, decimal.InvalidOperation])


def _to_decimal(value: object) -> Decimal:
    return parse_amount(value, field="rate")


def _to_period(value: object) -> Period:
    if isinstance(value, Period):
        return value
    if isinstance(value, str) and len(value) <= 16:
        try:
            return Period(value.strip().lower())
        except ValueError:
            pass
    raise InvalidAmount("rate.period", field="period", value=value)


class _PeriodAccess:
    """``Rate.monthly(x)`` builds a monthly rate; ``rate.monthly`` is its exact monthly amount."""

    def __init__(self, period: Period) -> None:
        self.period = period

    @overload
    def __get__(self, obj: None, owner: type[Rate]) -> Callable[[object], Rate]: ...

    @overload
    def __get__(self, obj: Rate, owner: type[Rate]) -> Decimal: ...

    def __get__(self, obj: Rate | None, owner: type[Rate]) -> Callable[[object], Rate] | Decimal:
        if obj is None:
            period = self.period

            def build(amount: object) -> Rate:
                return owner(amount=amount, period=period)

            build.__doc__ = f"A rate of ``amount`` yuan per {period.value}."
            return build
        return obj.to(self.period).amount


@attrs.frozen(kw_only=True, order=False)
class Rate:
    """An amount per period: ``Rate.monthly("715")``, or ``Rate(amount=…, period=Period.MONTH)``.

    ``Rate.monthly(x)`` / ``Rate.yearly(x)`` build a rate; on a rate, ``.monthly`` /
    ``.yearly`` give its exact amount per month / year (``InvalidAmount`` when a
    yearly amount does not divide by 12 — use :meth:`to` with a rounding policy).
    Rates of the same period add and subtract; any rate multiplies by an
    ``int`` or ``Decimal`` (a household size, a multiple); comparisons convert
    exactly. ``str`` gives "715元/月".

    >>> Rate.monthly("715") * 4
    Rate(amount=Decimal('2860'), period=<Period.MONTH: 'month'>)
    >>> str(Rate.yearly("8580")), Rate.yearly("8580") == Rate.monthly("715")
    ('8580元/年', True)
    """

    amount: Decimal = attrs.field(converter=_to_decimal)
    period: Period = attrs.field(converter=_to_period)

    monthly = _PeriodAccess(Period.MONTH)
    yearly = _PeriodAccess(Period.YEAR)

    def to(self, period: Period | str, *, rounding: RoundingPolicy | None = None) -> Rate:
        """The rate per ``period``: exact, or rounded by ``rounding`` when it doesn't divide evenly.

        >>> Rate.monthly("715").to("year").amount
        Decimal('8580')
        >>> Rate.monthly("715").to("week")
        Traceback (most recent call last):
        ...
        minzheng.errors.InvalidAmount: period：周期应为month（月）或year（年）：week
        """
        target = _to_period(period)
        if target is self.period:
            return self
        if target is Period.YEAR:
            return Rate(amount=self.amount * 12, period=target)
        try:
            amount = _EXACT.divide(self.amount, Decimal(12))
        except decimal.Inexact:
            if rounding is None:
                raise InvalidAmount(
                    "rate.inexact",
                    field="rate",
                    params={
                        "amount": self.amount,
                        "source": _PERIOD_ZH[self.period],
                        "target": _PERIOD_ZH[target],
                    },
                ) from None
            amount = rounding(self.amount / 12)
        return Rate(amount=amount, period=target)

    def _per_year(self) -> Decimal:
        return self.amount * 12 if self.period is Period.MONTH else self.amount

    def _same_period(self, other: Rate, op: str) -> None:
        if other.period is not self.period:
            raise InvalidAmount(
                "rate.period_mismatch",
                field="rate",
                params={"left": str(self), "right": str(other), "op": op},
            )

    def __add__(self, other: object) -> Rate:
        if not isinstance(other, Rate):
            return NotImplemented
        self._same_period(other, "+")
        return Rate(amount=self.amount + other.amount, period=self.period)

    def __sub__(self, other: object) -> Rate:
        if not isinstance(other, Rate):
            return NotImplemented
        self._same_period(other, "-")
        return Rate(amount=self.amount - other.amount, period=self.period)

    def __mul__(self, factor: object) -> Rate:
        if isinstance(factor, bool) or not isinstance(factor, int | Decimal):
            return NotImplemented
        return Rate(amount=self.amount * factor, period=self.period)

    __rmul__ = __mul__

    def __neg__(self) -> Rate:
        return Rate(amount=-self.amount, period=self.period)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Rate):
            return NotImplemented
        return self._per_year() == other._per_year()

    def __hash__(self) -> int:
        return hash(self._per_year())

    def __lt__(self, other: Rate) -> bool:
        return self._per_year() < other._per_year()

    def __le__(self, other: Rate) -> bool:
        return self._per_year() <= other._per_year()

    def __gt__(self, other: Rate) -> bool:
        return self._per_year() > other._per_year()

    def __ge__(self, other: Rate) -> bool:
        return self._per_year() >= other._per_year()

    def __str__(self) -> str:
        return f"{self.amount}元/{_PERIOD_ZH[self.period]}"
