"""One converter for every public type: dicts and JSON in, validated objects out — and back.

Built on cattrs with minzheng's hooks: ``Decimal`` as a string (never a float;
a float is refused), dates in ISO form, months as ``YYYY-MM``, code lists by
their official codes, identifiers as text (parsed and checked), rates as
``{"amount": "715", "period": "month"}``; unknown keys are refused. Errors come
back as one flat list of ``(path, code, message)`` — ``$.members[2].person.resident_id``
— never a nested exception group.

>>> from minzheng.assistance import example_household
>>> from minzheng.people import Household
>>> data = to_dict(example_household())
>>> data["incomes"][0]["amount"]
{'amount': '1600', 'period': 'month'}
>>> from_dict(data, Household) == example_household()
True
>>> data["members"][0]["person"]["birth_date"] = "1985-02-30"
>>> try:
...     from_dict(data, Household)
... except InvalidRecords as err:
...     err.as_tuples("en")
[('$.members[0].person.birth_date', 'date.format', 'birth_date: write a date as YYYY-MM-DD: 1985-02-30')]
"""

from __future__ import annotations

import datetime
import functools
import importlib
import json
import re
import types
import typing
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    StructureHandlerNotFoundError,
)

from minzheng.codes._base import CodeEnum, all_code_enums
from minzheng.dates import Month
from minzheng.errors import (
    InvalidAmount,
    InvalidDate,
    InvalidRecords,
    InvalidValue,
    MinzhengError,
    RecordError,
)
from minzheng.money import Period, Rate, parse_amount

__all__ = ["converter", "from_dict", "from_json", "to_dict", "to_json"]

T = TypeVar("T")


def _structure_decimal(value: Any, _: Any) -> Decimal:
    if isinstance(value, float):
        raise InvalidAmount("amount.float", field="amount", value=value)
    return parse_amount(value)


def _structure_date(value: Any, _: Any) -> datetime.date:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidDate("date.format", field="date", value=value)


def _structure_month(value: Any, _: Any) -> Month:
    if isinstance(value, Month):
        return value
    if not isinstance(value, str):
        raise InvalidDate("month.format", field="month", value=value)
    return Month.parse(value)


def _structure_rate(value: Any, _: Any) -> Rate:
    if isinstance(value, Rate):
        return value
    if not isinstance(value, dict) or set(value) != {"amount", "period"}:
        raise InvalidAmount("amount.format", field="rate", value=str(value))
    period = value["period"]
    if period not in ("month", "year"):
        raise InvalidValue("value.invalid", field="period", value=period)
    return Rate(amount=_structure_decimal(value["amount"], Decimal), period=Period(period))


def _text_id(cls: type) -> Any:
    def structure(value: Any, _: Any) -> Any:
        if isinstance(value, cls):
            return value
        return cls.parse(value)  # type: ignore[attr-defined]

    return structure


@functools.cache
def _public_names() -> dict[str, Any]:
    """Every public name of the domain packages: resolves annotations imported only for typing."""
    names: dict[str, Any] = {}
    for module in _DOMAIN_MODULES:
        mod = importlib.import_module(module)
        names.update({n: getattr(mod, n) for n in getattr(mod, "__all__", ())})
    for value in list(names.values()):
        if isinstance(value, type) and attrs.has(value):
            try:
                attrs.resolve_types(value, localns=names)
            except NameError:  # pragma: no cover - a type outside the public packages
                continue
    return names


_DOMAIN_MODULES = (
    "minzheng.programmes",
    "minzheng.money",
    "minzheng.dates",
    "minzheng.ids",
    "minzheng.divisions",
    "minzheng.codes",
    "minzheng.rules",
    "minzheng.standards",
    "minzheng.people",
    "minzheng.assistance",
    "minzheng.welfare",
    "minzheng.payments",
    "minzheng.care",
    "minzheng.registration",
    "minzheng.stats",
)


def _tag(value: Any) -> Any:
    """Open values (reason parameters) keep their type on the wire: ``{"decimal": "500.00"}``."""
    if isinstance(value, CodeEnum):
        return {"code": type(value).__name__, "value": value.value}
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, Rate):
        return {"rate": {"amount": str(value.amount), "period": value.period.value}}
    if isinstance(value, Month):
        return {"month": str(value)}
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return {"date": value.isoformat()}
    if isinstance(value, list | tuple):
        return {"list": [_tag(v) for v in value]}
    return {"text": str(value)}


def _untag(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    if set(value) == {"code", "value"}:
        cls = _public_names().get(value["code"])
        if not (isinstance(cls, type) and issubclass(cls, CodeEnum)):
            raise InvalidValue("value.invalid", field="code", value=str(value["code"]))
        return cls.from_code(value["value"])
    if len(value) != 1:
        raise InvalidValue("io.wrong_type", field="params", value=str(sorted(value)))
    ((tag, inner),) = value.items()
    decoders: dict[str, Any] = {
        "decimal": lambda v: _structure_decimal(v, Decimal),
        "rate": lambda v: _structure_rate(v, Rate),
        "month": lambda v: _structure_month(v, Month),
        "date": lambda v: _structure_date(v, datetime.date),
        "list": lambda v: tuple(_untag(x) for x in v),
        "text": str,
    }
    if tag not in decoders:
        raise InvalidValue("io.unknown_key", field="params", value=str(tag))
    return decoders[tag](inner)


def _structure_open(value: Any, _: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidValue("io.wrong_type", field="params", value=type(value).__name__)
    return {str(k): _untag(v) for k, v in value.items()}


def _is_code_union(tp: Any) -> bool:
    args = typing.get_args(tp)
    return (
        typing.get_origin(tp) in (typing.Union, types.UnionType)
        and len(args) > 1
        and all(isinstance(a, type) and issubclass(a, CodeEnum) for a in args)
    )


def _structure_code_union(value: Any, tp: Any) -> Any:
    for option in typing.get_args(tp):
        if value in {m.value for m in option}:
            return option.from_code(value)
    raise InvalidValue("value.invalid", field="code", value=str(value))


@functools.cache
def converter() -> cattrs.Converter:
    """The shared converter (built once; thread-safe to use).

    >>> converter().unstructure(Month(2025, 3))
    '2025-03'
    """
    from minzheng.divisions import StatCode
    from minzheng.ids import CreditCode, DisabilityCertificateNo, ResidentId

    _public_names()  # resolve string annotations of every public record type
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(datetime.date, lambda d: d.isoformat())
    conv.register_structure_hook(datetime.date, _structure_date)
    conv.register_unstructure_hook(Month, str)
    conv.register_structure_hook(Month, _structure_month)
    conv.register_unstructure_hook(
        Rate, lambda r: {"amount": str(r.amount), "period": r.period.value}
    )
    conv.register_structure_hook(Rate, _structure_rate)
    for id_type in (ResidentId, CreditCode, DisabilityCertificateNo, StatCode):
        conv.register_unstructure_hook(id_type, lambda v: v.value)
        conv.register_structure_hook(id_type, _text_id(id_type))
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, CodeEnum), lambda v: v.value
    )
    for code_list in all_code_enums():  # every module is imported by _public_names()
        conv.register_structure_hook(code_list, lambda v, t: t.from_code(v))
    conv.register_structure_hook_func(_is_code_union, _structure_code_union)
    conv.register_unstructure_hook_func(
        lambda t: t == dict[str, Any], lambda d: {k: _tag(v) for k, v in d.items()}
    )
    conv.register_structure_hook_func(lambda t: t == dict[str, Any], _structure_open)
    conv.register_unstructure_hook(frozenset, lambda s: sorted(conv.unstructure(v) for v in s))
    return conv


def to_dict(obj: Any) -> Any:
    """A JSON-ready structure of ``obj`` (Decimals as strings, dates ISO, codes by value).

    >>> from minzheng.money import Rate
    >>> to_dict(Rate.yearly("8580"))
    {'amount': '8580', 'period': 'year'}
    """
    return converter().unstructure(obj)


_INDEX = re.compile(r"@ index (\d+)")
_ATTRIBUTE = re.compile(r"@ attribute (\w+)")
_KEY = re.compile(r"@ key (.+)$")


def _flatten(
    exc: BaseException, path: str, out: list[RecordError], field: str | None = None
) -> None:
    if isinstance(exc, ExceptionGroup):
        for inner in exc.exceptions:
            step = ""
            for note in getattr(inner, "__notes__", []):
                if (m := _ATTRIBUTE.search(note)) is not None:
                    step = f".{m.group(1)}"
                elif (m := _INDEX.search(note)) is not None:
                    step = f"[{m.group(1)}]"
                elif (m := _KEY.search(note)) is not None:
                    step = f"[{m.group(1)!r}]"
            _flatten(inner, path + step, out, field)
        return
    if isinstance(exc, ForbiddenExtraKeysError):
        out.extend(
            RecordError(
                path=f"{path}.{key}", error=InvalidValue("io.unknown_key", field=key, value=key)
            )
            for key in sorted(exc.extra_fields)
        )
        return
    if isinstance(exc, MinzhengError):
        if exc.field in ("amount", "date", "month", "rate", "value", "code") and path != "$":
            name = path.rsplit(".", 1)[-1].split("[")[0]
            exc = type(exc)(exc.code, field=name, value=exc.value, params=exc.params)
        out.append(RecordError(path=path, error=exc))
        return
    if isinstance(exc, KeyError):
        out.append(
            RecordError(
                path=path,
                error=InvalidValue(
                    "io.missing_key",
                    field=path.rsplit(".", 1)[-1],
                    value=str(exc.args[0] if exc.args else ""),
                ),
            )
        )
        return
    out.append(
        RecordError(
            path=path,
            error=InvalidValue(
                "io.wrong_type", field=path.rsplit(".", 1)[-1], value=type(exc).__name__
            ),
        )
    )


def from_dict(data: Any, cls: type[T]) -> T:
    """Structure ``data`` as ``cls``; every problem is reported at once as :class:`InvalidRecords`.

    >>> from minzheng.care import Bed
    >>> from_dict({"bed_id": "B1", "institution_id": "I1", "kind": "nursing", "building": "", "room": "",
    ...            "colour": "blue"}, Bed)
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidRecords: 1个值无效；第一个：$.colour: colour：不允许的字段：colour
    """
    return structure_with(converter(), data, cls)


def structure_with(conv: cattrs.Converter, data: Any, cls: type[T]) -> T:
    """Structure with a given converter, errors flattened as :func:`from_dict` does."""
    try:
        return conv.structure(data, cls)
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as exc:
        errors: list[RecordError] = []
        _flatten(exc, "$", errors)
        raise InvalidRecords(errors, field=cls.__name__) from None
    except MinzhengError as exc:
        raise InvalidRecords([RecordError(path="$", error=exc)], field=cls.__name__) from None
    except (
        TypeError,
        ValueError,
        KeyError,
        AttributeError,
        StructureHandlerNotFoundError,  # a generic record (LoadResult[T]) has no hook
    ) as exc:
        raise InvalidRecords(
            [
                RecordError(
                    path="$",
                    error=InvalidValue(
                        "io.wrong_type", field=cls.__name__, value=type(exc).__name__
                    ),
                )
            ],
            field=cls.__name__,
        ) from None


def to_json(obj: Any, *, indent: int | None = None) -> str:
    """JSON text of ``obj`` (UTF-8 characters kept as they are).

    >>> from minzheng.dates import Month
    >>> to_json({"month": Month(2025, 3)})
    '{"month": "2025-03"}'
    """
    return json.dumps(to_dict(obj), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes, cls: type[T]) -> T:
    """Parse JSON (floats refused: numbers with a fraction must be strings) and structure it as ``cls``.

    >>> from minzheng.money import Rate
    >>> from_json('{"amount": "715", "period": "month"}', Rate)
    Rate(amount=Decimal('715'), period=<Period.MONTH: 'month'>)
    """
    try:
        data = json.loads(text)  # a fraction parses as float, which the Decimal hook refuses
    except json.JSONDecodeError as exc:
        raise InvalidRecords(
            [RecordError(path="$", error=InvalidValue("io.json", field="json", value=exc.msg))],
            field=cls.__name__,
        ) from None
    return from_dict(data, cls)
