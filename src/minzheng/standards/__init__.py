"""Standards (保障标准): dated, per-division amounts, inherited down the division tree.

>>> import datetime
>>> from minzheng.codes import Area
>>> from minzheng.money import Rate
>>> book = StandardsBook([Standard(programme="dibao", division="620000", area=Area.URBAN,
...                                rate=Rate.yearly("8580"), effective=datetime.date(2025, 1, 1))])
>>> book.amount("dibao_edge", "620521", on=datetime.date(2025, 3, 1), area=Area.URBAN).rate.monthly
Decimal('1072.5')
"""

from minzheng.standards.book import COLUMNS, StandardsBook
from minzheng.standards.derivations import (
    DEFAULT_DERIVATIONS,
    DIBAO_EDGE_FROM_DIBAO,
    TEKUN_FROM_DIBAO,
    Derivation,
)
from minzheng.standards.standard import Standard, StandardUsed

__all__ = [
    "COLUMNS",
    "DEFAULT_DERIVATIONS",
    "DIBAO_EDGE_FROM_DIBAO",
    "TEKUN_FROM_DIBAO",
    "Derivation",
    "Standard",
    "StandardUsed",
    "StandardsBook",
]
