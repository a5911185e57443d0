"""Statistical division codes 统计用区划代码 — 12 digits, NBS (国统字〔2009〕91号).

Digits 1–6 are the GB/T 2260 county (NBS lists also hold county-level functional
zones absent from the MCA list, e.g. ``370171``), 7–9 the township level and
10–12 the village level. Kinds follow from digit ranges (DOMAIN.md §3.2):

- township: 001–099 街道, 100–199 镇, 200–399 乡, 400–599 类似乡级单位;
- village: 001–199 居民委员会, 200–399 村民委员会, 400–497 and 499 类似居委会,
  498 虚拟社区, 500–597 and 599 类似村委会, 598 虚拟生活区.

``000`` at a level means the code stands for the level above.

>>> code = StatCode.parse("110101001001")
>>> code.township_kind.term, code.village_kind.term, code.county.full_name
('街道', '居民委员会', '北京市东城区')
>>> StatCode.parse("220581102202").village_kind.label("en")
"Villagers' committee"
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

import attrs

from minzheng._validators import typed_fields
from minzheng.codes import CodeEnum
from minzheng.errors import InvalidComponent, InvalidFormat, InvalidValue

if TYPE_CHECKING:
    from minzheng.divisions.division import Division

__all__ = ["StatCode", "TownshipKind", "VillageKind", "is_valid", "validate"]

_FIELD = "stat_code"


class TownshipKind(CodeEnum):
    """Township-level kind by digits 7–9 (GB/T 10114-2003 ranges).

    >>> TownshipKind.TOWN.label("en")
    'Town'
    """

    SUBDISTRICT = "subdistrict", "街道"
    TOWN = "town", "镇"
    TOWNSHIP = "township", "乡"
    TOWNSHIP_LIKE = "township_like", "类似乡级单位"


class VillageKind(CodeEnum):
    """Village-level kind by digits 10–12.

    >>> VillageKind.VIRTUAL_COMMUNITY.term
    '虚拟社区'
    """

    RESIDENTS_COMMITTEE = "residents_committee", "居民委员会"
    VILLAGERS_COMMITTEE = "villagers_committee", "村民委员会"
    RESIDENTS_COMMITTEE_LIKE = "residents_committee_like", "类似居委会"
    VIRTUAL_COMMUNITY = "virtual_community", "虚拟社区"
    VILLAGERS_COMMITTEE_LIKE = "villagers_committee_like", "类似村委会"
    VIRTUAL_LIVING_AREA = "virtual_living_area", "虚拟生活区"

    @property
    def is_urban_type(self) -> bool:
        """Residents' committees and their likes (urban communities).

        >>> VillageKind.VILLAGERS_COMMITTEE.is_urban_type
        False
        """
        return self in (
            VillageKind.RESIDENTS_COMMITTEE,
            VillageKind.RESIDENTS_COMMITTEE_LIKE,
            VillageKind.VIRTUAL_COMMUNITY,
        )


def _township_kind(n: int) -> TownshipKind | None:
    if n < 100:
        return TownshipKind.SUBDISTRICT
    if n < 200:
        return TownshipKind.TOWN
    if n < 400:
        return TownshipKind.TOWNSHIP
    if n < 600:
        return TownshipKind.TOWNSHIP_LIKE
    return None


def _village_kind(n: int) -> VillageKind | None:
    if n < 200:
        return VillageKind.RESIDENTS_COMMITTEE
    if n < 400:
        return VillageKind.VILLAGERS_COMMITTEE
    if n == 498:
        return VillageKind.VIRTUAL_COMMUNITY
    if n < 500:
        return VillageKind.RESIDENTS_COMMITTEE_LIKE
    if n == 598:
        return VillageKind.VIRTUAL_LIVING_AREA
    if n < 600:
        return VillageKind.VILLAGERS_COMMITTEE_LIKE
    return None


def validate(code: str) -> str:
    """Check a 12-digit statistical code (a 6- or 9-digit prefix is padded with zeros).

    >>> validate("620521100"), validate("620521100")[9:]
    ('620521100000', '000')
    >>> validate("620521700201")
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidComponent: stat_code：乡级代码700不在任何已定义的区段内：620521700201
    """
    if not isinstance(code, str) or len(code) > 64:  # 12 digits; a long text is not read
        raise InvalidFormat(
            "stat_code.format",
            field=_FIELD,
            value=code if isinstance(code, str) else type(code).__name__,
        )
    text = code.strip()
    if len(text) in (6, 9):
        text = text.ljust(12, "0")
    if (
        len(text) != 12
        or not (text.isascii() and text.isdigit())
        or (text[:6].endswith("0000") and text[6:] != "000000")
    ):
        raise InvalidFormat("stat_code.format", field=_FIELD, value=code)
    township, village = int(text[6:9]), int(text[9:12])
    if township == 0 and village != 0:
        raise InvalidComponent(
            "stat_code.township", field=_FIELD, value=text, params={"digits": text[6:9]}
        )
    if township and _township_kind(township) is None:
        raise InvalidComponent(
            "stat_code.township", field=_FIELD, value=text, params={"digits": text[6:9]}
        )
    if village and _village_kind(village) is None:
        raise InvalidComponent(
            "stat_code.village", field=_FIELD, value=text, params={"digits": text[9:12]}
        )
    return text


def is_valid(code: object) -> bool:
    """``True`` for a valid statistical code; never raises.

    >>> is_valid("110101001001"), is_valid("11010100100")
    (True, False)
    """
    try:
        validate(code)  # type: ignore[arg-type]
    except InvalidValue:
        return False
    return True


def _validate_value(instance: StatCode, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or validate(value) != value:
        raise InvalidFormat("stat_code.format", field=_FIELD, value=str(value))


@attrs.frozen(field_transformer=typed_fields)
class StatCode:
    """A 12-digit statistical division code.

    >>> StatCode.parse("620521100").level
    'township'
    """

    value: str = attrs.field(validator=_validate_value)

    @classmethod
    def parse(cls, text: str) -> Self:
        """Parse and validate (6- and 9-digit prefixes are padded).

        >>> StatCode.parse(" 110101001001 ").value
        '110101001001'
        """
        return cls(validate(text))

    @property
    def county_code(self) -> str:
        """Digits 1–6: the GB/T 2260 county (or functional zone) code.

        >>> StatCode("110101001001").county_code
        '110101'
        """
        return self.value[:6]

    @property
    def township_code(self) -> str:
        """Digits 1–9.

        >>> StatCode("110101001001").township_code
        '110101001'
        """
        return self.value[:9]

    @property
    def level(self) -> str:
        """``"county"``, ``"township"`` or ``"village"`` — the finest level the code names.

        >>> StatCode("110101001001").level
        'village'
        """
        if self.value[9:] != "000":
            return "village"
        if self.value[6:9] != "000":
            return "township"
        return "county"

    @property
    def township_kind(self) -> TownshipKind | None:
        """The township-level kind, ``None`` for a county-level code.

        >>> StatCode("620521200000").township_kind
        <TownshipKind.TOWNSHIP: 'township'>
        """
        n = int(self.value[6:9])
        return _township_kind(n) if n else None

    @property
    def village_kind(self) -> VillageKind | None:
        """The village-level kind, ``None`` above village level.

        >>> StatCode("620521100598").village_kind
        <VillageKind.VIRTUAL_LIVING_AREA: 'virtual_living_area'>
        """
        n = int(self.value[9:12])
        return _village_kind(n) if n else None

    @property
    def county(self) -> Division | None:
        """The GB/T 2260 division of digits 1–6 (latest entry), ``None`` when not in the list.

        >>> StatCode("370171001000").county is None
        True
        """
        from minzheng.divisions._registry import registry

        return registry().nearest(self.county_code, None)

    def __str__(self) -> str:
        return self.value
