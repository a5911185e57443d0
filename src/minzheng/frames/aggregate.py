"""The stats vocabulary on data frames, written once with narwhals.

``aggregate_frame`` takes a facts table in any backend narwhals speaks —
Polars, pandas, PyArrow, DuckDB relations, Dask — and returns the same
:class:`~minzheng.stats.StatTable` the object path returns for the same facts:
distinct households and persons, person-times, exact money and counts, grouped
by programme, division rolled up, area, sex, age band, month, year or kind.

>>> import pyarrow as pa
>>> from decimal import Decimal
>>> from minzheng.programmes import Programme
>>> from minzheng.stats import Fact, aggregate, by_programme
>>> facts = [Fact(programme=Programme.DIBAO, household="H1", person="A", amount=Decimal("860")),
...          Fact(programme=Programme.DIBAO, household="H1", person="B")]
>>> table = facts_frame(facts)
>>> aggregate_frame(table, by=[by_programme()]) == aggregate(facts, by=[by_programme()])
True
"""

from __future__ import annotations

import calendar
import datetime
import warnings
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from minzheng.codes import Area, Sex
from minzheng.dates import Month
from minzheng.divisions import rollup
from minzheng.errors import InvalidValue
from minzheng.money import plain
from minzheng.privacy import KeyPolicy, resolve_keys
from minzheng.programmes import Programme
from minzheng.stats.aggregate import MEASURES, Dimension, Measure, group_sort_key
from minzheng.stats.facts import Fact
from minzheng.stats.table import StatTable

__all__ = ["aggregate_frame", "facts_frame", "pseudonymize_frame"]

_DECODE: dict[str, Any] = {"programme": Programme, "area": Area, "sex": Sex}


def _nw() -> Any:
    try:
        import narwhals.stable.v2 as nw
    except ImportError as exc:  # pragma: no cover - exercised without the extra
        raise ImportError(
            "minzheng.frames needs the 'frames' extra: pip install 'minzheng[frames]'"
        ) from exc
    return nw


def facts_frame(facts: Iterable[Fact]) -> Any:
    """The facts as an Arrow table (the schema of :class:`~minzheng.stats.Fact`).

    >>> facts_frame([]).num_rows
    0
    """
    from minzheng.frames.convert import to_arrow

    return to_arrow(facts, Fact)


def pseudonymize_frame(
    frame: Any, columns: Sequence[str] = ("household", "person"), *, keys: KeyPolicy = None
) -> Any:
    """The frame with its key ``columns`` replaced by pseudonyms — the frames path of ``keys=``.

    For a table of facts (or any frame) that holds raw keys — identity numbers
    read straight from a roster, say. Each distinct key is hashed once; the
    pseudonyms are those the object path gives under the same ``keys``
    (:meth:`~minzheng.io.RosterRow.to_fact`, :func:`~minzheng.stats.stock_on`), so
    the two paths agree and distinct counts stay exact. ``keys="raw"`` returns the
    frame unchanged. Any backend narwhals reads; the result is of the same kind.

    >>> import pyarrow as pa
    >>> from minzheng.privacy import Pseudonymizer
    >>> table = pa.table({"person": ["620521198502101233", "620521198502101233", ""]})
    >>> pseudonymize_frame(table, ["person"], keys=Pseudonymizer("county secret 2025"))["person"].to_pylist()
    ['9f2b02788184225248e99a98', '9f2b02788184225248e99a98', '']
    """
    pseudonymize = resolve_keys(keys)
    if pseudonymize is None:
        return frame
    nw = _nw()
    data = nw.from_native(frame, eager_only=True)
    replaced = []
    for column in columns:
        text = nw.col(column).cast(nw.String).fill_null("")
        raw = [str(v) for v in data.select(text.alias(column)).unique()[column].to_list()]
        replaced.append(
            text.replace_strict(raw, pseudonymize.many(raw), return_dtype=nw.String).alias(column)
        )
    return data.with_columns(*replaced).to_native()


def _group_columns(frame: Any, by: Sequence[Dimension]) -> tuple[Any, list[str]]:
    """Add one column per dimension (``g0``, ``g1`` …) computed from the facts' columns."""
    nw = _nw()
    names: list[str] = []
    for index, dim in enumerate(by):
        name = f"g{index}"
        kind = dim.spec[0] if dim.spec else ""
        if kind in ("programme", "area", "sex", "kind", "month", "township", "village"):
            expr = nw.col(kind).cast(nw.String)
        elif kind == "year":
            expr = nw.col("month").cast(nw.String).str.slice(0, 4)
        elif kind == "division":
            level = dim.spec[1]
            codes = [c for c in _unique(frame, "division") if c]
            mapping = {code: rollup(code, level) for code in codes}
            if mapping:
                expr = (
                    nw.col("division")
                    .cast(nw.String)
                    .replace_strict(
                        list(mapping), list(mapping.values()), default="", return_dtype=nw.String
                    )
                )
            else:  # no division at all: one empty group
                expr = nw.lit("", dtype=nw.String)
        elif kind == "age_band":
            expr = _age_band_expr(dim.spec[1], dim.spec[2])
        else:
            raise InvalidValue("frames.unknown_dimension", field="by", value=dim.name)
        # null keys would not match in the joins below: group them under "" instead
        frame = frame.with_columns(expr.fill_null("").alias(name))
        names.append(name)
    return frame, names


def _unique(frame: Any, column: str) -> list[Any]:
    nw = _nw()
    values = frame.select(nw.col(column).cast(nw.String)).unique()
    if isinstance(values, nw.LazyFrame):
        values = values.collect()
    return [v for v in values.get_column(column).to_list() if v is not None]


def _age_band_expr(on: datetime.date, bands: Sequence[tuple[int, int | None]]) -> Any:
    nw = _nw()
    born = nw.col("birth_date")
    year, month, day = born.dt.year(), born.dt.month(), born.dt.day()
    leap = calendar.isleap(on.year)
    # a 29 February birthday falls on 28 February in a common year (minzheng.dates.age_on's default)
    day = (
        nw.when((month == 2) & (day == 29) & (not leap)).then(28).otherwise(day)
        if not leap
        else day
    )
    before_birthday = (month > on.month) | ((month == on.month) & (day > on.day))
    age = on.year - year - nw.when(before_birthday).then(1).otherwise(0)
    expr: Any = None
    for lo, hi in reversed(list(bands)):
        label = f"{lo}-{hi}" if hi is not None else f"{lo}+"
        condition = (age >= lo) if hi is None else ((age >= lo) & (age <= hi))
        expr = (
            nw.when(condition).then(nw.lit(label))
            if expr is None
            else nw.when(condition).then(nw.lit(label)).otherwise(expr)
        )
    return expr


def _decode(dim: Dimension, value: Any) -> Any:
    kind = dim.spec[0] if dim.spec else ""
    if value is None or value == "":
        return "" if kind in ("division", "kind", "township", "village") else None
    if kind in _DECODE:
        return _DECODE[kind](value)
    if kind == "month":
        return Month.parse(value)
    if kind == "year":
        return int(value)
    return value


def _int(value: Any) -> int:
    """A count from a backend: missing (None, NaN after a left join) is 0."""
    if value is None or value != value:
        return 0
    return int(value)


def _money(value: Any) -> Decimal:
    """Money from a backend, exact: Decimal stays Decimal; integers convert; floats are refused."""
    if value is None or (isinstance(value, float) and value != value):
        return Decimal(0)
    if isinstance(value, float):
        raise InvalidValue("amount.float", field="money", value=value)
    # plain(): no trailing zeros, never an exponent (normalize() gives 8.58E+3), never rounded
    return plain(value if isinstance(value, Decimal) else Decimal(str(value)))


def _single_pass(base: Any, keys: list[str]) -> Any:
    """One group-by: distinct households/persons by n_unique, less one when "" (none) is among them."""
    nw = _nw()
    base = base.with_columns(
        (nw.col("household") == "").cast(nw.Int8).alias("_no_household"),
        (nw.col("person") == "").cast(nw.Int8).alias("_no_person"),
        ((nw.col("household") != "") | (nw.col("person") != "")).cast(nw.Int64).alias("_someone"),
    )
    return (
        base.group_by(keys)
        .agg(
            nw.col("household").n_unique().alias("_households"),
            nw.col("_no_household").max().alias("_no_households"),
            nw.col("person").n_unique().alias("_persons"),
            nw.col("_no_person").max().alias("_no_persons"),
            nw.col("_someone").sum().alias("person_times"),
            nw.col("amount").sum().alias("money"),
            nw.col("count").sum().alias("count"),
        )
        .with_columns(
            (nw.col("_households") - nw.col("_no_households")).alias("households"),
            (nw.col("_persons") - nw.col("_no_persons")).alias("persons"),
        )
    )


def _distinct_by_joins(base: Any, keys: list[str]) -> Any:
    """Distinct pairs per group, counted, joined back: exact on partitioned backends."""
    nw = _nw()

    def distinct(column: str, alias: str) -> Any:
        pairs = base.filter(nw.col(column) != "").select(*keys, column).unique()
        return pairs.group_by(keys).agg(nw.len().alias(alias))

    times = (
        base.filter((nw.col("person") != "") | (nw.col("household") != ""))
        .group_by(keys)
        .agg(nw.len().alias("person_times"))
    )
    result = base.group_by(keys).agg(
        nw.col("amount").sum().alias("money"), nw.col("count").sum().alias("count")
    )
    for part in (distinct("household", "households"), distinct("person", "persons"), times):
        result = result.join(part, on=keys, how="left")
    return result


def aggregate_frame(
    frame: Any, *, by: Sequence[Dimension] = (), measures: Sequence[Measure] = MEASURES
) -> StatTable:
    """Aggregate a facts frame (any narwhals backend) into a :class:`~minzheng.stats.StatTable`.

    >>> import polars as pl
    >>> from minzheng.stats import by_kind
    >>> frame = pl.from_arrow(facts_frame([Fact(kind="nursing", count=2), Fact(kind="ordinary")]))
    >>> aggregate_frame(frame, by=[by_kind()], measures=[Measure.COUNT]).rows
    (('nursing', 2), ('ordinary', 1))
    """
    nw = _nw()
    with warnings.catch_warnings():
        # narwhals' own Dask support still works; its successor package is not published yet.
        warnings.filterwarnings("ignore", message="Dask support is moving", category=FutureWarning)
        data = nw.from_native(frame)
    data, keys = _group_columns(data, by)
    base = data.with_columns(
        nw.col("household").fill_null("").alias("household"),
        nw.col("person").fill_null("").alias("person"),
    )
    if not keys:
        base = base.with_columns(nw.lit("all").alias("_all"))
        keys = ["_all"]

    # Dask's grouped n_unique is computed per partition: there, count distinct pairs instead.
    result = (
        _distinct_by_joins(base, keys)
        if data.implementation.is_dask()
        else _single_pass(base, keys)
    )
    if isinstance(result, nw.LazyFrame):
        result = result.collect()
    rows = []
    for record in result.rows(named=True):
        key = tuple(_decode(dim, record[k]) for dim, k in zip(by, keys, strict=False)) if by else ()
        values = {
            Measure.HOUSEHOLDS: _int(record["households"]),
            Measure.PERSONS: _int(record["persons"]),
            Measure.PERSON_TIMES: _int(record["person_times"]),
            Measure.MONEY: _money(record["money"]),
            Measure.COUNT: _int(record["count"]),
        }
        rows.append((key, tuple(values[m] for m in measures)))
    rows.sort(key=lambda kv: group_sort_key(kv[0]))
    if not rows and not by:
        rows = [((), tuple(Decimal(0) if m is Measure.MONEY else 0 for m in measures))]
    return StatTable(
        dimensions=tuple(d.name for d in by),
        measures=tuple(measures),
        rows=tuple((*key, *values) for key, values in rows),
    )
