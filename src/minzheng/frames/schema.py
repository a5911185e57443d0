"""Arrow schemas derived from minzheng's attrs classes, and the value conversions both ways.

Mapping (by the field's type annotation):

================================  ======================================
Python                            Arrow
================================  ======================================
``str``                           ``string``
``int`` / ``bool``                ``int64`` / ``bool``
``Decimal`` (money)               ``decimal128(38, 6)`` — more places raise
``datetime.date``                 ``date32``
code lists (``CodeEnum``)         ``dictionary<int32, string>`` of the codes
``Month``                         ``string`` ``YYYY-MM``
``Rate``                          ``struct<amount: decimal128, period: string>``
identifiers                       ``string`` (the full value)
``tuple[X, ...]`` / ``frozenset``  ``list<X>``
``dict[K, V]``                    ``map<K, V>``
nested attrs classes              ``struct``
``X | None``                      nullable ``X``
================================  ======================================

Fields excluded from equality (``eq=False``: a decision kept for reference, a
policy, a calendar) are not part of a record's value and are not stored.

>>> from minzheng.payments import Disbursement
>>> schema = arrow_schema(Disbursement)
>>> str(schema.field("amount").type), str(schema.field("programme").type)
('decimal128(38, 6)', 'dictionary<values=string, indices=int32, ordered=0>')
"""

from __future__ import annotations

import collections.abc
import datetime
import functools
import threading
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from minzheng._validators import typed_fields
from minzheng.codes import CodeEnum
from minzheng.dates import Month
from minzheng.errors import InvalidAmount, InvalidValue
from minzheng.money import Period, Rate

__all__ = ["MONEY_SCALE", "Codec", "arrow_schema", "codec_for", "stored_fields"]

#: Decimal places kept for money in Arrow (a value with more raises rather than losing them).
MONEY_SCALE = 6


def _pa() -> Any:
    try:
        import pyarrow as pa
    except ImportError as exc:  # pragma: no cover - exercised without the extra
        raise ImportError(
            "minzheng.frames needs the 'frames' extra: pip install 'minzheng[frames]'"
        ) from exc
    return pa


@attrs.frozen(field_transformer=typed_fields)
class Codec:
    """How one type maps to Arrow: its Arrow type, and the conversions to and from Python values.

    >>> from minzheng.money import Rate
    >>> codec = codec_for(Rate)
    >>> codec.from_arrow(codec.to_arrow(Rate.monthly("715"))) == Rate.monthly("715")
    True
    """

    arrow_type: Any
    to_arrow: typing.Callable[[Any], Any]
    from_arrow: typing.Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


def _to_money(value: Any) -> Any:
    """A finite ``Decimal`` that fits ``decimal128(38, 6)``, or :class:`InvalidAmount`.

    >>> _to_money(Decimal("1E+2"))
    Decimal('1E+2')
    """
    if not isinstance(value, Decimal):
        return value
    if not value.is_finite():
        raise InvalidAmount("amount.not_finite", field="amount", value=str(value))
    _sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite
    zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    places = -(exponent + zeros)  # decimal places that carry a non-zero digit
    whole = len(digits) + exponent  # digits before the point
    if places > MONEY_SCALE or whole > 38 - MONEY_SCALE:
        raise InvalidAmount(
            "frames.money_range",
            field="amount",
            value=format(value, "f")[:40],
            params={"places": MONEY_SCALE, "digits": 38 - MONEY_SCALE},
        )
    return value


def _id_types() -> dict[type, Any]:
    from minzheng.divisions import StatCode
    from minzheng.ids import CreditCode, DisabilityCertificateNo, ResidentId

    return {
        ResidentId: ResidentId,
        CreditCode: CreditCode,
        DisabilityCertificateNo: DisabilityCertificateNo,
        StatCode: StatCode,
    }


def stored_fields(cls: type) -> list[attrs.Attribute[Any]]:
    """The fields that make up a record's value (``eq=True``), in declaration order.

    >>> from minzheng.payments import Entitlement
    >>> "decision" in [f.name for f in stored_fields(Entitlement)]
    False
    """
    return [f for f in attrs.fields(cls) if f.eq]


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    import importlib

    from minzheng.io.converter import public_names

    module = importlib.import_module(cls.__module__)
    # names imported only for typing resolve from the public packages, as the converter does
    return typing.get_type_hints(cls, globalns=vars(module), localns=public_names())


class _Building(threading.local):
    """The attrs types whose codec is being built on this thread (to detect recursive types)."""

    def __init__(self) -> None:
        self.types: set[type] = set()


_BUILDING = _Building()


@functools.cache
def codec_for(tp: Any) -> Codec:  # tp: a (hashable) type annotation
    """The codec of a type annotation (cached).

    >>> codec_for(Month).to_arrow(Month(2025, 3))
    '2025-03'
    """
    pa = _pa()
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:
            raise InvalidValue("frames.unsupported_type", field="type", value=str(tp))
        base = codec_for(inner[0])
        return Codec(
            base.arrow_type,
            lambda v: None if v is None else base.to_arrow(v),
            lambda v: None if v is None else base.from_arrow(v),
        )
    if origin in (tuple, frozenset, list, set):
        item = codec_for(args[0])
        back: Any = frozenset if origin is frozenset else tuple

        def to_list(value: Any) -> Any:
            items = sorted(value, key=str) if origin in (frozenset, set) else value
            return [item.to_arrow(v) for v in items]

        return Codec(
            pa.list_(item.arrow_type), to_list, lambda v: back(item.from_arrow(x) for x in v)
        )
    if origin in (dict, collections.abc.Mapping):
        key, value = codec_for(args[0]), codec_for(args[1])
        key_type = (
            key.arrow_type.value_type if pa.types.is_dictionary(key.arrow_type) else key.arrow_type
        )
        return Codec(
            pa.map_(key_type, value.arrow_type),
            lambda d: [(key.to_arrow(k), value.to_arrow(v)) for k, v in d.items()],
            lambda pairs: {key.from_arrow(k): value.from_arrow(v) for k, v in pairs},
        )
    if tp is str:
        return Codec(pa.string(), _identity, _identity)
    if tp is bool:
        return Codec(pa.bool_(), _identity, _identity)
    if tp is int:
        return Codec(pa.int64(), _identity, _identity)
    if tp is Decimal:
        return Codec(pa.decimal128(38, MONEY_SCALE), _to_money, _identity)
    if tp is datetime.date:
        return Codec(pa.date32(), _identity, _identity)
    if tp is Month:
        return Codec(pa.string(), str, Month.parse)
    if isinstance(tp, type) and issubclass(tp, CodeEnum):
        return Codec(pa.dictionary(pa.int32(), pa.string()), lambda v: v.value, tp)
    if tp is Period:
        return Codec(pa.string(), lambda v: v.value, Period)
    if tp is Rate:
        money = codec_for(Decimal)
        return Codec(
            pa.struct([("amount", money.arrow_type), ("period", pa.string())]),
            lambda r: {"amount": r.amount, "period": r.period.value},
            lambda d: Rate(amount=d["amount"], period=d["period"]),
        )
    ids = _id_types()
    if tp in ids:
        return Codec(pa.string(), lambda v: v.value, ids[tp])
    if isinstance(tp, type) and attrs.has(tp):
        if (
            tp in _BUILDING.types
        ):  # a recursive type (a standard derived from a standard) has no struct
            raise InvalidValue("frames.unsupported_type", field="type", value=tp.__name__)
        fields = stored_fields(tp)
        hints = _hints(tp)
        _BUILDING.types.add(tp)
        try:
            codecs = {f.name: codec_for(hints[f.name]) for f in fields}
        finally:
            _BUILDING.types.discard(tp)
        struct = pa.struct([(name, c.arrow_type) for name, c in codecs.items()])

        def to_struct(obj: Any) -> dict[str, Any]:
            return {name: c.to_arrow(getattr(obj, name)) for name, c in codecs.items()}

        def from_struct(data: dict[str, Any]) -> Any:
            kwargs: dict[str, Any] = {
                str(f.alias): codecs[f.name].from_arrow(data[f.name]) for f in fields
            }
            return tp(**kwargs)

        return Codec(struct, to_struct, from_struct)
    raise InvalidValue("frames.unsupported_type", field="type", value=str(tp))


def arrow_schema(cls: type) -> Any:
    """The ``pyarrow.Schema`` of an attrs record type.

    >>> from minzheng.care import Bed
    >>> arrow_schema(Bed).names
    ['bed_id', 'institution_id', 'kind', 'building', 'room']
    """
    codec = codec_for(cls)
    return _pa().schema(list(codec.arrow_type))
