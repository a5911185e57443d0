"""The aggregation vocabulary: dimensions to group by, measures to count, and the result table.

Measures: 户 (distinct households), 人 (distinct persons), 人次 (person-times: the
facts), money (exact ``Decimal`` sum) and count (things: beds, registrations).
Dimensions: programme, division (rolled up to prefecture or province through
the division registry), area, sex, age band on a date, month, year, kind.

>>> from minzheng.programmes import Programme
>>> facts = [Fact(programme=Programme.DIBAO, division="620521", household="H1", person=p, amount=Decimal(a))
...          for p, a in (("A", "860"), ("B", "0"))]
>>> table = aggregate(facts, by=[by_programme()])
>>> table.rows
((<Programme.DIBAO: 'dibao'>, 1, 2, 2, Decimal('860'), 2),)
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Hashable, Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from minzheng._validators import typed_fields
from minzheng.codes import CodeEnum
from minzheng.divisions import DivisionLevel, rollup
from minzheng.stats.facts import Fact

if TYPE_CHECKING:
    from minzheng.stats.table import StatTable

__all__ = [
    "MEASURES",
    "Dimension",
    "Measure",
    "aggregate",
    "by_age_band",
    "by_area",
    "by_division",
    "by_kind",
    "by_month",
    "by_programme",
    "by_sex",
    "by_year",
    "group_sort_key",
]


class Measure(CodeEnum):
    """What a statistic counts.

    >>> Measure.PERSON_TIMES.label("en")
    'Person-times'
    """

    HOUSEHOLDS = "households", "户数"
    PERSONS = "persons", "人数"
    PERSON_TIMES = "person_times", "人次"
    MONEY = "money", "金额"
    COUNT = "count", "数量"


#: All measures, in the column order of a :class:`StatTable`.
MEASURES: tuple[Measure, ...] = tuple(Measure)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Dimension:
    """A named way to group facts: ``key`` maps a fact to its group; ``column`` names the column.

    ``spec`` describes the dimension to the columnar path (the same grouping written
    once for data frames).

    >>> by_division("prefecture").key(Fact(division="620521"))
    '620500'
    """

    name: str
    key: Callable[[Fact], Hashable]
    spec: tuple[Any, ...] = ()


def by_programme() -> Dimension:
    """Group by programme.

    >>> by_programme().name
    'programme'
    """
    return Dimension(name="programme", key=lambda f: f.programme, spec=("programme",))


#: Levels below the county: grouped by the fact's own ``township`` / ``village``.
_BELOW_COUNTY = ("township", "village")


def by_division(level: DivisionLevel | str = DivisionLevel.COUNTY) -> Dimension:
    """Group by division, rolled up to ``level`` (county, prefecture or province), or by township or village.

    ``"township"`` and ``"village"`` group by the fact's ``township`` /
    ``village`` as the source wrote it (a name or a statistical code; "" when
    unknown); two counties' townships of the same name are one group unless
    :func:`by_division` at county level is grouped first.

    >>> by_division("province").key(Fact(division="429004"))
    '420000'
    >>> by_division("township").key(Fact(division="620521", township="城关镇"))
    '城关镇'
    """
    if level in _BELOW_COUNTY:
        name = str(level)
        return Dimension(name=name, key=lambda f: getattr(f, name), spec=(name,))
    wanted = DivisionLevel(level)
    cache: dict[str, str] = {}

    def key(fact: Fact) -> str:
        code = fact.division
        if not code:
            return ""
        if code not in cache:
            cache[code] = rollup(code, wanted)
        return cache[code]

    return Dimension(name="division", key=key, spec=("division", wanted.value))


def by_area() -> Dimension:
    """Group by urban / rural area.

    >>> by_area().name
    'area'
    """
    return Dimension(name="area", key=lambda f: f.area, spec=("area",))


def by_sex() -> Dimension:
    """Group by sex.

    >>> by_sex().name
    'sex'
    """
    return Dimension(name="sex", key=lambda f: f.sex, spec=("sex",))


def by_kind() -> Dimension:
    """Group by the fact's kind (e.g. bed kind).

    >>> by_kind().key(Fact(kind="nursing"))
    'nursing'
    """
    return Dimension(name="kind", key=lambda f: f.kind, spec=("kind",))


def by_month() -> Dimension:
    """Group by month.

    >>> from minzheng.dates import Month
    >>> by_month().key(Fact(month=Month(2025, 3)))
    Month(2025, 3)
    """
    return Dimension(name="month", key=lambda f: f.month, spec=("month",))


def by_year() -> Dimension:
    """Group by year (of the fact's month).

    >>> from minzheng.dates import Month
    >>> by_year().key(Fact(month=Month(2025, 3)))
    2025
    """
    return Dimension(name="year", key=lambda f: f.month.year if f.month else None, spec=("year",))


def by_age_band(
    on: datetime.date, bands: Sequence[tuple[int, int | None]] = ((0, 17), (18, 59), (60, None))
) -> Dimension:
    """Group by age band on ``on`` (bands inclusive; ``None`` = open), e.g. "60+".

    >>> by_age_band(datetime.date(2025, 1, 1)).key(Fact(birth_date=datetime.date(1950, 1, 1)))
    '60+'
    """
    from minzheng.dates import age_on

    labels = [f"{lo}-{hi}" if hi is not None else f"{lo}+" for lo, hi in bands]

    def key(fact: Fact) -> str | None:
        if fact.birth_date is None:
            return None
        age = age_on(fact.birth_date, on)
        for (lo, hi), label in zip(bands, labels, strict=True):
            if lo <= age and (hi is None or age <= hi):
                return label
        return None

    return Dimension(name="age_band", key=key, spec=("age_band", on, tuple(bands)))


def aggregate(
    facts: Iterable[Fact], *, by: Sequence[Dimension] = (), measures: Sequence[Measure] = MEASURES
) -> StatTable:
    """Group ``facts`` by the dimensions and compute the measures, exactly.

    >>> aggregate([]).rows
    ((0, 0, 0, Decimal('0'), 0),)
    """
    from minzheng.stats.table import StatTable

    groups: dict[tuple[Hashable, ...], list[Fact]] = {}
    for fact in facts:
        groups.setdefault(tuple(d.key(fact) for d in by), []).append(fact)
    if not by and not groups:
        groups[()] = []
    rows = []
    for key in sorted(groups, key=group_sort_key):
        group = groups[key]
        values: list[Any] = []
        for measure in measures:
            if measure is Measure.HOUSEHOLDS:
                values.append(len({f.household for f in group if f.household}))
            elif measure is Measure.PERSONS:
                values.append(len({f.person for f in group if f.person}))
            elif measure is Measure.PERSON_TIMES:
                values.append(sum(1 for f in group if f.person or f.household))
            elif measure is Measure.MONEY:
                values.append(sum((f.amount for f in group), Decimal(0)))
            else:
                values.append(sum(f.count for f in group))
        rows.append((*key, *values))
    return StatTable(
        dimensions=tuple(d.name for d in by), measures=tuple(measures), rows=tuple(rows)
    )


def group_sort_key(key: tuple[Hashable, ...]) -> tuple[tuple[int, str], ...]:
    """The order of a table's rows: by each dimension's text, a missing value (``None``) last.

    >>> sorted([("620521", None), (None, "x"), ("620521", "a")], key=group_sort_key)
    [('620521', 'a'), ('620521', None), (None, 'x')]
    """
    return tuple((0, str(k)) if k is not None else (1, "") for k in key)
