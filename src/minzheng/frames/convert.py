"""``to_arrow`` and ``from_arrow``: records to Arrow tables and back, exactly.

>>> from decimal import Decimal
>>> from minzheng.dates import Month
>>> from minzheng.payments import Disbursement
>>> from minzheng.programmes import Programme
>>> rows = [Disbursement(entitlement_id="E", beneficiary="P", programme=Programme.TEKUN, month=Month(2025, 1),
...                      amount=Decimal("605"))]
>>> table = to_arrow(rows)
>>> table.num_rows, from_arrow(table, Disbursement) == rows
(1, True)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar, cast

from minzheng.errors import InvalidValue, MinzhengError
from minzheng.frames.schema import _pa, arrow_schema, codec_for, stored_fields

__all__ = ["from_arrow", "to_arrow"]

T = TypeVar("T")


def to_arrow(records: Iterable[Any], cls: type | None = None) -> Any:
    """An Arrow table of ``records`` (all of one attrs type; ``cls`` is needed only for an empty input).

    >>> from minzheng.care import Bed
    >>> to_arrow([], Bed).num_rows
    0
    """
    items = list(records)
    record_type = cls or (type(items[0]) if items else None)
    if record_type is None:
        raise InvalidValue("frames.type_needed", field="cls")
    codec = codec_for(record_type)
    schema = arrow_schema(record_type)
    rows = [codec.to_arrow(r) for r in items]
    pa = _pa()
    try:
        return pa.Table.from_pylist(rows, schema=schema)
    except (pa.ArrowException, ArithmeticError, TypeError, ValueError) as exc:
        raise InvalidValue(
            "frames.value", field=record_type.__name__, value=type(exc).__name__
        ) from None


def from_arrow(table: Any, cls: type[T]) -> list[T]:
    """The records of an Arrow table (validators run: every record that comes back is valid).

    >>> from minzheng.care import Bed, BedKind
    >>> from_arrow(to_arrow([Bed(bed_id="B", institution_id="I", kind=BedKind.NURSING)]), Bed)[0].kind
    <BedKind.NURSING: 'nursing'>
    """
    codec = codec_for(cast(Any, cls))
    names = [f.name for f in stored_fields(cls)]
    missing = [n for n in names if n not in table.column_names]
    if missing:
        raise InvalidValue("frames.columns_missing", field="table", value=", ".join(missing))
    out: list[T] = []
    for row in table.select(names).to_pylist():
        try:
            out.append(codec.from_arrow(row))
        except MinzhengError:
            raise
        except Exception as exc:  # a cell of the wrong type: a minzheng error, never a bare one
            raise InvalidValue(
                "frames.value", field=cls.__name__, value=type(exc).__name__
            ) from None
    return out
