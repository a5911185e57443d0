"""``StatTable``: a typed result table with labels, data-frame exports, sentences and charts.

>>> from decimal import Decimal
>>> from minzheng.programmes import Programme
>>> from minzheng.stats import Fact, aggregate, by_programme
>>> t = aggregate([Fact(programme=Programme.TEKUN, person="P1", amount=Decimal("605"))], by=[by_programme()])
>>> t.columns
('programme', 'households', 'persons', 'person_times', 'money', 'count')
>>> t.labelled("en")[0]["programme"]
'Extreme-poverty support'
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from decimal import Decimal
from typing import Any

import attrs

from minzheng._validators import typed_fields
from minzheng.codes import CodeEnum
from minzheng.dates import Month
from minzheng.stats.aggregate import Measure

__all__ = ["StatTable", "combine"]


def _extra(name: str, extra: str) -> ImportError:
    return ImportError(
        f"StatTable.{name}() needs the '{extra}' extra: pip install 'minzheng[{extra}]'"
    )


def _plain(value: Any) -> Any:
    """A value as data frames want it: codes by their value, months as text."""
    if isinstance(value, CodeEnum):
        return value.value
    if isinstance(value, Month):
        return str(value)
    return value


def _shown(value: Any, locale: object) -> Any:
    if isinstance(value, CodeEnum):
        return value.label(locale)
    return str(value) if isinstance(value, Month) else value


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class StatTable:
    """Rows of dimension values followed by measure values; exact and immutable.

    >>> StatTable(dimensions=(), measures=(Measure.COUNT,), rows=((3,),)).total(Measure.COUNT)
    3
    """

    dimensions: tuple[str, ...]
    measures: tuple[Measure, ...]
    rows: tuple[tuple[Any, ...], ...]

    @property
    def columns(self) -> tuple[str, ...]:
        """Dimension names, then measure names."""
        return (*self.dimensions, *(m.value for m in self.measures))

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.records())

    def __len__(self) -> int:
        return len(self.rows)

    def records(self) -> list[dict[str, Any]]:
        """The rows as dicts (values typed: codes, months, ``Decimal`` money).

        >>> StatTable(dimensions=("kind",), measures=(Measure.COUNT,), rows=(("bed", 2),)).records()
        [{'kind': 'bed', 'count': 2}]
        """
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def as_dict(self, measure: Measure | str) -> dict[Hashable, Any]:
        """``{dimension key: measure value}`` (the key is a tuple when there are several dimensions).

        >>> StatTable(dimensions=("kind",), measures=(Measure.COUNT,), rows=(("bed", 2),)).as_dict("count")
        {'bed': 2}
        """
        index = len(self.dimensions) + self.measures.index(Measure(measure))
        n = len(self.dimensions)
        return {(row[0] if n == 1 else tuple(row[:n])): row[index] for row in self.rows}

    def total(self, measure: Measure | str) -> Any:
        """The sum of a measure over the rows (for distinct counts, a sum of the groups' counts).

        >>> StatTable(dimensions=(), measures=(Measure.MONEY,), rows=((Decimal("1.5"),),)).total("money")
        Decimal('1.5')
        """
        index = len(self.dimensions) + self.measures.index(Measure(measure))
        start: Any = Decimal(0) if Measure(measure) is Measure.MONEY else 0
        return sum((row[index] for row in self.rows), start)

    def labelled(self, locale: object = "zh_Hans") -> list[dict[str, Any]]:
        """The rows with code-list values replaced by their labels in ``locale``.

        >>> from minzheng.programmes import Programme
        >>> StatTable(dimensions=("programme",), measures=(Measure.COUNT,),
        ...           rows=((Programme.DIBAO, 1),)).labelled()[0]["programme"]
        '最低生活保障'
        """
        return [{k: _shown(v, locale) for k, v in record.items()} for record in self.records()]

    # -- exports -------------------------------------------------------------------------------

    def to_arrow(self) -> Any:
        """A ``pyarrow.Table`` (money as ``decimal128(38, 2)``; codes as their values). Extra ``frames``.

        >>> StatTable(dimensions=(), measures=(Measure.MONEY,), rows=((Decimal("1.50"),),)).to_arrow().num_rows
        1
        """
        try:
            import pyarrow as pa
        except ImportError as exc:  # pragma: no cover - exercised without the extra
            raise _extra("to_arrow", "frames") from exc
        columns: dict[str, Any] = {}
        for index, name in enumerate(self.columns):
            values = [_plain(row[index]) for row in self.rows]
            try:
                if name == Measure.MONEY.value:
                    columns[name] = pa.array(values, type=pa.decimal128(38, 2))
                else:
                    columns[name] = pa.array(values)
            except (pa.ArrowException, ArithmeticError, TypeError, ValueError) as exc:
                from minzheng.errors import InvalidValue

                raise InvalidValue("frames.value", field=name, value=type(exc).__name__) from None
        return pa.table(columns)

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` (money stays exact: an object column of ``Decimal``). Extra ``frames``.

        >>> StatTable(dimensions=(), measures=(Measure.COUNT,), rows=((2,),)).to_pandas()["count"].tolist()
        [2]
        """
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover
            raise _extra("to_pandas", "frames") from exc
        return pd.DataFrame(
            [[_plain(v) for v in row] for row in self.rows], columns=list(self.columns)
        )

    def to_polars(self) -> Any:
        """A ``polars.DataFrame`` (money as a Decimal column). Extra ``frames``.

        >>> StatTable(dimensions=(), measures=(Measure.COUNT,), rows=((2,),)).to_polars()["count"].to_list()
        [2]
        """
        try:
            import polars as pl
        except ImportError as exc:  # pragma: no cover
            raise _extra("to_polars", "frames") from exc
        return pl.from_arrow(self.to_arrow())

    def sentences(self, locale: object = "zh_Hans", *, scope: object = None) -> list[str]:
        """Bureau-style statements, one per row grouped by programme (see :mod:`minzheng.stats.sentences`)."""
        from minzheng.stats.sentences import render_sentences

        return render_sentences(self, locale, scope=scope)

    def plot(
        self,
        kind: str = "bar",
        *,
        measure: Measure | str = Measure.MONEY,
        locale: object = "zh_Hans",
        title: str | None = None,
    ) -> Any:
        """A matplotlib figure: ``"bar"`` by the first dimension, ``"line"`` by month, ``"rank"`` sorted bars.

        Chinese labels render with the Noto Sans CJK font shipped by the ``plots`` extra.
        """
        from minzheng.stats.plots import plot_table

        return plot_table(self, kind=kind, measure=Measure(measure), locale=locale, title=title)


def combine(counts: StatTable, money: StatTable) -> StatTable:
    """Counts (户, 人, 人次, things) from a stock table and money from a flow table, joined on their keys.

    A bureau states "保障对象5039户9822人" (the stock at year end) and "发放资金4939.73万元"
    (the year's payments) in one sentence; both tables must have the same dimensions.

    >>> from minzheng.programmes import Programme
    >>> stock = StatTable(dimensions=("programme",), measures=(Measure.HOUSEHOLDS, Measure.MONEY),
    ...                   rows=((Programme.DIBAO, 2, Decimal("860")),))
    >>> flow = StatTable(dimensions=("programme",), measures=(Measure.MONEY,),
    ...                  rows=((Programme.DIBAO, Decimal("10320")),))
    >>> combine(stock, flow).rows
    ((<Programme.DIBAO: 'dibao'>, 2, Decimal('10320')),)
    """
    if counts.dimensions != money.dimensions:
        from minzheng.errors import InvalidValue

        raise InvalidValue("value.invalid", field="dimensions", value=",".join(money.dimensions))
    n = len(counts.dimensions)
    paid = money.as_dict(Measure.MONEY) if Measure.MONEY in money.measures else {}
    rows = []
    seen = set()
    for row in counts.rows:
        key = row[0] if n == 1 else tuple(row[:n])
        seen.add(key)
        values = [
            paid.get(key, Decimal(0)) if m is Measure.MONEY else v
            for m, v in zip(counts.measures, row[n:], strict=True)
        ]
        rows.append((*row[:n], *values))
    # Money paid for a group with nobody left in the stock (a programme that ended in the
    # year) is still money paid: the group appears with zero counts rather than vanishing.
    for key, amount in paid.items():
        if key in seen:
            continue
        dims = (key,) if n == 1 else tuple(key)  # type: ignore[arg-type]
        rows.append((*dims, *[amount if m is Measure.MONEY else 0 for m in counts.measures]))
    if len(rows) > len(counts.rows):
        from minzheng.stats.aggregate import group_sort_key

        rows.sort(key=lambda r: group_sort_key(tuple(r[:n])))
    return StatTable(dimensions=counts.dimensions, measures=counts.measures, rows=tuple(rows))
