"""Money: exact ``Decimal`` yuan, rates per period, named rounding, shares and growth.

>>> from decimal import Decimal
>>> parse_amount("4939.73万") == Decimal("49397300")
True
>>> Rate.monthly("715").yearly, Rate.yearly("5580").monthly
(Decimal('8580'), Decimal('465'))
>>> UP_TO_YUAN(Rate.monthly("715").amount * Decimal("1.3"))
Decimal('930')
"""

from minzheng.money._finite import finite_amount
from minzheng.money.amounts import (
    MAX_AMOUNT,
    MAX_AMOUNT_CHARS,
    MAX_FRACTION_DIGITS,
    UNIT_MULTIPLIERS,
    parse_amount,
    plain,
)
from minzheng.money.rate import Period, Rate
from minzheng.money.ratios import growth, share
from minzheng.money.rounding import (
    DOWN_TO_FEN,
    DOWN_TO_YUAN,
    POLICIES,
    TO_FEN,
    TO_JIAO,
    TO_YUAN,
    UP_TO_FEN,
    UP_TO_TEN_YUAN,
    UP_TO_YUAN,
    RoundingPolicy,
    rounding_policy,
)

__all__ = [
    "DOWN_TO_FEN",
    "DOWN_TO_YUAN",
    "MAX_AMOUNT",
    "MAX_AMOUNT_CHARS",
    "MAX_FRACTION_DIGITS",
    "POLICIES",
    "TO_FEN",
    "TO_JIAO",
    "TO_YUAN",
    "UNIT_MULTIPLIERS",
    "UP_TO_FEN",
    "UP_TO_TEN_YUAN",
    "UP_TO_YUAN",
    "Period",
    "Rate",
    "RoundingPolicy",
    "finite_amount",
    "growth",
    "parse_amount",
    "plain",
    "rounding_policy",
    "share",
]
