"""Named rounding policies. Every rounding a rule does names one of these.

A policy rounds to a multiple of a ``quantum`` (0.01 yuan, 1 yuan, 10 yuan) in a
``decimal`` rounding mode. The policies local rules use:

- :data:`TO_FEN` — to the fen, half up (payment amounts);
- :data:`DOWN_TO_FEN` — down to the fen (the monthly share of a yearly amount,
  the remainder paid in December: ``minzheng.payments.monthly_share``);
- :data:`TO_YUAN` — to the whole yuan, half up;
- :data:`UP_TO_YUAN` — up to the next whole yuan (特困 basic standard = 1.3 × 低保,
  "rounded up to a whole yuan per month", DOMAIN.md §5.6);
- :data:`UP_TO_TEN_YUAN` — up to the next 10 yuan (standards published in tens);
- :data:`DOWN_TO_YUAN` — down to the whole yuan.

>>> from decimal import Decimal
>>> UP_TO_YUAN(Decimal("929.5")), UP_TO_TEN_YUAN(Decimal("931")), TO_FEN(Decimal("1.005"))
(Decimal('930'), Decimal('940'), Decimal('1.01'))
"""

from __future__ import annotations

from decimal import (
    ROUND_CEILING,
    ROUND_DOWN,
    ROUND_FLOOR,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    ROUND_UP,
    Decimal,
)

import attrs

from minzheng._validators import typed_fields
from minzheng.errors import InvalidAmount, UnknownCode

__all__ = [
    "DOWN_TO_FEN",
    "DOWN_TO_YUAN",
    "POLICIES",
    "TO_FEN",
    "TO_JIAO",
    "TO_YUAN",
    "UP_TO_FEN",
    "UP_TO_TEN_YUAN",
    "UP_TO_YUAN",
    "RoundingPolicy",
    "rounding_policy",
]

_MODES = frozenset(
    {ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP}
)


def _check_quantum(_: object, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or value <= 0:
        raise InvalidAmount("amount.invalid", field=attribute.name, value=value)


def _check_mode(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in _MODES:
        raise UnknownCode("rounding.unknown", field=attribute.name, value=value)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RoundingPolicy:
    """Round an amount to a multiple of ``quantum`` with a ``decimal`` rounding ``mode``.

    "Up" means towards +∞ (``ROUND_CEILING``), so a negative amount (a recovery)
    rounds towards zero — name ``ROUND_UP`` for away-from-zero.

    >>> from decimal import Decimal, ROUND_CEILING
    >>> p = RoundingPolicy(name="up_to_50_yuan", quantum=Decimal("50"), mode=ROUND_CEILING)
    >>> p(Decimal("1201"))
    Decimal('1250')
    """

    name: str
    quantum: Decimal = attrs.field(validator=_check_quantum)
    mode: str = attrs.field(validator=_check_mode)

    def __call__(self, amount: Decimal) -> Decimal:
        """Round ``amount``; the result has the quantum's exponent when it is below 1.

        >>> TO_FEN(Decimal("2"))
        Decimal('2.00')
        """
        if not isinstance(amount, Decimal) or not amount.is_finite():
            raise InvalidAmount("amount.invalid", field="amount", value=amount)
        units = (amount / self.quantum).to_integral_value(rounding=self.mode)
        result = units * self.quantum
        exponent = self.quantum.as_tuple().exponent
        if isinstance(exponent, int) and exponent < 0:
            return result.quantize(self.quantum)
        return result.quantize(Decimal(1))


TO_FEN = RoundingPolicy(name="to_fen", quantum=Decimal("0.01"), mode=ROUND_HALF_UP)
UP_TO_FEN = RoundingPolicy(name="up_to_fen", quantum=Decimal("0.01"), mode=ROUND_CEILING)
DOWN_TO_FEN = RoundingPolicy(name="down_to_fen", quantum=Decimal("0.01"), mode=ROUND_FLOOR)
TO_JIAO = RoundingPolicy(name="to_jiao", quantum=Decimal("0.1"), mode=ROUND_HALF_UP)
TO_YUAN = RoundingPolicy(name="to_yuan", quantum=Decimal("1"), mode=ROUND_HALF_UP)
UP_TO_YUAN = RoundingPolicy(name="up_to_yuan", quantum=Decimal("1"), mode=ROUND_CEILING)
DOWN_TO_YUAN = RoundingPolicy(name="down_to_yuan", quantum=Decimal("1"), mode=ROUND_FLOOR)
UP_TO_TEN_YUAN = RoundingPolicy(name="up_to_ten_yuan", quantum=Decimal("10"), mode=ROUND_CEILING)

#: Every named policy, by name (for configuration files).
POLICIES: dict[str, RoundingPolicy] = {
    p.name: p
    for p in (
        TO_FEN,
        UP_TO_FEN,
        DOWN_TO_FEN,
        TO_JIAO,
        TO_YUAN,
        UP_TO_YUAN,
        DOWN_TO_YUAN,
        UP_TO_TEN_YUAN,
    )
}


def rounding_policy(name: str) -> RoundingPolicy:
    """A named policy, for configuration files; raises ``UnknownCode`` for an unknown name.

    >>> rounding_policy("up_to_yuan") is UP_TO_YUAN
    True
    """
    try:
        return POLICIES[name]
    except KeyError:
        raise UnknownCode("rounding.unknown", field="rounding", value=name) from None
