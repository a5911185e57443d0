"""Urban-rural classification codes 城乡分类代码 (国函〔2008〕60号; NBS coding rules).

First digit 1 = urban (城镇), 2 = rural (乡村); 100/110/120/200 are the parent
classes of the scheme. DOMAIN.md §3.2.

>>> UrbanRuralClass("220").is_urban, UrbanRuralClass.MAIN_URBAN.label("en")
(False, 'Main urban area')
"""

from __future__ import annotations

from minzheng.codes import CodeEnum

__all__ = ["UrbanRuralClass"]


class UrbanRuralClass(CodeEnum):
    """NBS urban-rural class (the last 3 digits of the 17-digit statistical code).

    >>> UrbanRuralClass.from_code("123").term
    '特殊区域'
    """

    URBAN = "100", "城镇"
    CITY_AREA = "110", "城区"
    MAIN_URBAN = "111", "主城区"
    URBAN_RURAL_FRINGE = "112", "城乡结合区"
    TOWN_AREA = "120", "镇区"
    TOWN_CENTRE = "121", "镇中心区"
    TOWN_RURAL_FRINGE = "122", "镇乡结合区"
    SPECIAL_AREA = "123", "特殊区域"
    RURAL = "200", "乡村"
    TOWNSHIP_CENTRE = "210", "乡中心区"
    VILLAGE = "220", "村庄"

    @property
    def is_urban(self) -> bool:
        """Urban (城镇) classes start with 1, rural (乡村) with 2.

        >>> UrbanRuralClass.TOWN_CENTRE.is_urban
        True
        """
        return self.value[0] == "1"
