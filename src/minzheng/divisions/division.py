"""``Division``: one GB/T 2260 administrative division as it stood over a span of years.

A code may carry different names in different years (天津 120110 东郊区 until 1991,
东丽区 from 1992); each (code, name, years) is one :class:`Division`. Summary
codes — ``110100`` 市辖区, ``429000`` 省直辖县级行政单位 — are entries too, flagged
``is_summary``: they are lines of the code list, not units, and no unit has one
as its parent (DOMAIN.md §3.1).

>>> from minzheng import divisions
>>> d = divisions.get("620521")
>>> d.name, d.level.value, d.parent.name, d.province.name, d.full_name
('清水县', 'county', '天水市', '甘肃省', '甘肃省天水市清水县')
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from minzheng._validators import typed_fields
from minzheng.codes import CodeEnum

__all__ = ["Division", "DivisionLevel"]


class DivisionLevel(CodeEnum):
    """The level of a division by the shape of its code: ``PP0000``, ``PPCC00``, ``PPCCXX``.

    >>> DivisionLevel.COUNTY.label("en")
    'County level'
    """

    PROVINCE = "province", "省级"
    PREFECTURE = "prefecture", "地级"
    COUNTY = "county", "县级"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Division:
    """A GB/T 2260 division entry: ``code``, ``name``, ``level`` and the years it was in force.

    ``valid_from`` / ``valid_to`` are inclusive years of the ministry's year-end
    lists; ``None`` means "already in the first list (1981)" / "still in the
    latest list".

    >>> from minzheng import divisions
    >>> laiwu = divisions.get("371200")
    >>> laiwu.name, laiwu.valid_from, laiwu.valid_to, laiwu.is_current
    ('莱芜市', 1992, 2017, False)
    """

    code: str
    name: str
    level: DivisionLevel
    valid_from: int | None
    valid_to: int | None
    is_summary: bool = False
    _registry: DivisionRegistry = attrs.field(eq=False, repr=False, alias="registry")

    @property
    def is_current(self) -> bool:
        """In force at the end of the historical table (no ``valid_to``).

        >>> from minzheng import divisions
        >>> divisions.get("110118").is_current
        True
        """
        return self.valid_to is None

    def in_force(self, year: int) -> bool:
        """Whether this entry was in force in ``year``.

        >>> from minzheng import divisions
        >>> divisions.get("110228").in_force(2014), divisions.get("110228").in_force(2015)
        (True, False)
        """
        return (self.valid_from is None or self.valid_from <= year) and (
            self.valid_to is None or year <= self.valid_to
        )

    @property
    def _reference_year(self) -> int:
        """The year the parent is looked up in: the entry's last year in force."""
        return self.valid_to if self.valid_to is not None else self._registry.latest_year

    @property
    def parent(self) -> Division | None:
        """The division above: prefecture for a county (when there is one), else province.

        Counties under a summary code (a municipality's 市辖区, a province's xx90
        group) hang directly off the province.

        >>> from minzheng import divisions
        >>> divisions.get("429004").parent.name, divisions.get("110105").parent.name
        ('湖北省', '北京市')
        """
        if self.level is DivisionLevel.PROVINCE:
            return None
        ref = self._reference_year
        if self.level is DivisionLevel.COUNTY:
            prefecture = self._registry.in_force(self.code[:4] + "00", ref)
            if prefecture is not None and not prefecture.is_summary:
                return prefecture
        return self._registry.in_force(self.code[:2] + "0000", ref) or self._registry.nearest(
            self.code[:2] + "0000", ref
        )

    @property
    def province(self) -> Division:
        """The province-level division this one belongs to (itself for a province).

        >>> from minzheng import divisions
        >>> divisions.get("620724").province.name
        '甘肃省'
        """
        if self.level is DivisionLevel.PROVINCE:
            return self
        found = self._registry.nearest(self.code[:2] + "0000", self._reference_year)
        assert found is not None, "every province code is in the table"
        return found

    @property
    def full_name(self) -> str:
        """Province, prefecture and county names joined, as addresses write them.

        >>> from minzheng import divisions
        >>> divisions.get("620724").full_name, divisions.get("441900").full_name
        ('甘肃省张掖市高台县', '广东省东莞市')
        """
        names = []
        node: Division | None = self
        while node is not None:
            names.append(node.name)
            node = node.parent
        return "".join(reversed(names))

    def children(self, year: int | None = None) -> Iterator[Division]:
        """Divisions whose parent is this one, in force in ``year`` (current ones when ``None``).

        >>> from minzheng import divisions
        >>> [d.name for d in divisions.get("620700").children()][:3]
        ['甘州区', '肃南裕固族自治县', '民乐县']
        """
        for division in self._registry.divisions(year=year):
            parent = division.parent
            if parent is not None and parent.code == self.code and division.code != self.code:
                yield division

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


# At the end: the registry module imports this one (the field annotation above needs the name).
from minzheng.divisions._registry import DivisionRegistry  # noqa: E402
