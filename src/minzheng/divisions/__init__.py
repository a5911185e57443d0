"""Administrative divisions (GB/T 2260) with history, statistical codes and urban-rural classes.

The registry is built once, lazily, from the Ministry of Civil Affairs'
year-end code lists, 1981 to the latest published (``data/SOURCE.md``): names
with the years they were in force; a code may carry different names in
different years.

>>> from minzheng import divisions
>>> divisions.get("620521").full_name
'甘肃省天水市清水县'
>>> [d.code for d in divisions.find("高台县")]
['620724', '622225']
>>> divisions.get("622225").valid_to  # 张掖地区高台县: 张掖市 (620700) replaced it in 2002
2001
"""

from __future__ import annotations

from collections.abc import Iterator

from minzheng.divisions import division_code, stat_code
from minzheng.divisions._registry import DivisionRegistry, registry
from minzheng.divisions.division import Division, DivisionLevel
from minzheng.divisions.division_change import (
    Announcement,
    ChangeKind,
    DivisionChange,
    DivisionRef,
    changes,
    predecessors,
    successors,
)
from minzheng.divisions.stat_code import StatCode, TownshipKind, VillageKind
from minzheng.divisions.urban_rural import UrbanRuralClass
from minzheng.errors import InvalidFormat

__all__ = [
    "Announcement",
    "ChangeKind",
    "Division",
    "DivisionChange",
    "DivisionLevel",
    "DivisionRef",
    "DivisionRegistry",
    "StatCode",
    "TownshipKind",
    "UrbanRuralClass",
    "VillageKind",
    "all_divisions",
    "changes",
    "division_code",
    "find",
    "get",
    "history",
    "predecessors",
    "registry",
    "rollup",
    "stat_code",
    "successors",
]


def _level(level: object) -> DivisionLevel:
    return level if isinstance(level, DivisionLevel) else DivisionLevel.from_code(level)


def get(code: str, year: int | None = None) -> Division:
    """The division with this code — in force in ``year``, or its latest entry.

    Raises :class:`~minzheng.errors.UnknownCode` for a code not in the table (or
    not in force in ``year``) and :class:`~minzheng.errors.InvalidFormat` for a
    code that is not six digits.

    >>> get("120110", year=1991).name, get("120110").name
    ('东郊区', '东丽区')
    >>> get("999999")
    Traceback (most recent call last):
    ...
    minzheng.errors.UnknownCode: division：未知的行政区划代码：999999
    """
    return registry().get(code, year)


def history(code: str) -> tuple[Division, ...]:
    """Every entry of a code, oldest first (empty for an unknown code).

    >>> [(d.name, d.valid_from, d.valid_to) for d in history("120110")]
    [('东郊区', None, 1991), ('东丽区', 1992, None)]
    """
    return registry().history(code)


def find(name: str, year: int | None = None) -> tuple[Division, ...]:
    """Divisions by name: full ("甘肃省张掖市高台县"), partial ("张掖市高台县") or short ("高台").

    Names are not unique (two 朝阳区); the result is every match in code order,
    restricted to entries in force in ``year`` when given.

    >>> [str(d) for d in find("朝阳区")]
    ['110105 朝阳区', '220104 朝阳区']
    >>> [str(d) for d in find("高台", year=2025)]
    ['620724 高台县']
    """
    return registry().find(name, year)


def all_divisions(
    *,
    level: DivisionLevel | str | None = None,
    year: int | None = None,
    include_summary: bool = False,
) -> Iterator[Division]:
    """Divisions in code order, of one ``level``, in force in ``year`` (current when ``None``).

    >>> sum(1 for _ in all_divisions(level="province"))
    34
    """
    wanted = _level(level) if level is not None else None
    return registry().divisions(level=wanted, year=year, include_summary=include_summary)


def rollup(code: str, level: DivisionLevel | str, *, year: int | None = None) -> str:
    """The code of ``code``'s ancestor at ``level`` (itself when already at or above it).

    Counties roll up to their prefecture, or straight to the province for a
    municipality district or an xx90 county; codes not in the table roll up by
    their shape (``PPCC00``, ``PP0000``).

    >>> rollup("620521", "prefecture"), rollup("620521", "province"), rollup("110105", "prefecture")
    ('620500', '620000', '110000')
    >>> rollup("429004", "prefecture"), rollup("999999", "province")
    ('420000', '990000')

    With ``year``, the code is first re-counted under that year's divisions:
    a retired code becomes the unit that took it over (:func:`successors`) —
    how records that carry old codes are counted under today's divisions.
    A code whose territory went to several units that differ at ``level``
    raises :class:`~minzheng.errors.UnknownCode` (``division.ambiguous``).

    >>> rollup("330103", "county", year=2024), rollup("371202", "prefecture", year=2024)
    ('330105', '370100')
    >>> rollup("330104", "prefecture", year=2024)  # 江干区 → 上城区 and 钱塘区
    '330100'
    >>> rollup("330104", "county", year=2024)
    Traceback (most recent call last):
    ...
    minzheng.errors.UnknownCode: division：行政区划代码330104在2024年已分属多个区划：330102、330114
    """
    if not isinstance(code, str) or len(code) > 64:
        raise InvalidFormat("division.format", field="division", value=code)
    wanted = _level(level)
    order = [DivisionLevel.PROVINCE, DivisionLevel.PREFECTURE, DivisionLevel.COUNTY]

    if year is not None and code[:6] in registry():
        found = successors(code[:6], year)
        if found:
            return _recounted(code[:6], found, wanted, year)
    node = registry().nearest(code[:6], None)
    if node is None:
        return (
            code[:2] + "0000"
            if wanted is DivisionLevel.PROVINCE
            else code[:4] + "00"
            if wanted is DivisionLevel.PREFECTURE
            else code[:6]
        )
    while order.index(node.level) > order.index(wanted):
        parent = node.parent
        if parent is None:
            break
        node = parent
    return node.code


def _recounted(code: str, found: tuple[Division, ...], wanted: DivisionLevel, year: int) -> str:
    """The one ancestor at ``wanted`` of a code's successors in ``year``; raises when several."""
    from minzheng.errors import UnknownCode

    ancestors = sorted({rollup(unit.code, wanted) for unit in found})
    if len(ancestors) > 1:
        raise UnknownCode(
            "division.ambiguous",
            field="division",
            value=code,
            params={"year": year, "codes": "、".join(ancestors)},
        )
    return ancestors[0]
