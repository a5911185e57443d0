"""Urban / rural area of a household or a standard (城市 / 农村), or one unified standard.

Many provinces publish one 城乡统一 standard, others an urban and a rural one
(DOMAIN.md §4.10); which applies to a household is its area.

>>> Area.URBAN.label("en"), Area.UNIFIED.term
('Urban', '城乡统一')
"""

from __future__ import annotations

from minzheng.codes._base import CodeEnum

__all__ = ["Area"]


class Area(CodeEnum):
    """城市 / 农村, or 城乡统一 for a standard that does not distinguish them.

    >>> Area.from_code("rural").term
    '农村'
    """

    URBAN = "urban", "城市"
    RURAL = "rural", "农村"
    UNIFIED = "unified", "城乡统一"
