"""One converter for every public type: dicts and JSON in, validated objects out — and back.

Built on cattrs with minzheng's hooks: ``Decimal`` as a string (never a float;
a float is refused), dates in ISO form, months as ``YYYY-MM``, code lists by
their official codes, identifiers as text (parsed and checked), rates as
``{"amount": "715", "period": "month"}``; unknown keys are refused. Errors come
back as one flat list of ``(path, code, message)`` — ``$.members[2].person.resident_id``
— never a nested exception group.

Hostile input is bounded by :class:`Limits` (the defaults are :data:`LIMITS`): the
size of a JSON body, the nesting depth, the length of a string (and of a key), the
digits of an integer and the number of errors reported. Whatever goes wrong —
bad JSON, text that is not UTF-8, an input that is not JSON at all, a hook that
fails — comes back as :class:`~minzheng.errors.InvalidRecords`, never as a
built-in or a dependency's exception. Decimals are written as plain decimal text
(``"100"``, never ``"1E+2"``) and non-finite amounts are refused.

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
[('$.members[0].person.birth_date', 'date.format', 'birth_date: write a date as YYYY-MM-DD: 1985******')]
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
)

from minzheng._bounds import within
from minzheng._validators import typed_fields
from minzheng.codes import CodeEnum, all_code_enums
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
from minzheng.rules import Matter

__all__ = [
    "LIMITS",
    "Limits",
    "converter",
    "from_dict",
    "from_json",
    "public_names",
    "to_dict",
    "to_json",
]

T = TypeVar("T")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Limits:
    """Bounds on what :func:`from_json` and :func:`from_dict` accept; each breach is a clear error.

    Args:
        max_bytes: size of a JSON body in bytes of UTF-8 (``io.too_large``).
        max_depth: nesting of arrays and objects (``io.too_deep``).
        max_string: characters in one string value or object key (``io.too_long``).
        max_int_digits: decimal digits of an integer (``io.too_large``); every integer
            field is also kept within ``±(10**max_int_digits - 1)``.
        max_errors: errors reported; past it one ``io.too_many_errors`` entry ends the list.

    Each limit is at least 1; the depth at most 500 (Python's own parser stops near
    1000) and the digits at most 4000 (Python's limit on integer text is 4300).

    >>> LIMITS.max_depth, LIMITS.max_int_digits
    (64, 18)
    >>> Limits(max_depth=8).max_depth
    8
    """

    max_bytes: int = attrs.field(default=8 * 1024 * 1024, validator=within(1, 2**31))
    max_depth: int = attrs.field(default=64, validator=within(1, 500))
    max_string: int = attrs.field(default=4096, validator=within(1, 2**31))
    max_int_digits: int = attrs.field(default=18, validator=within(1, 4000))
    max_errors: int = attrs.field(default=100, validator=within(1, 10**6))


#: The default limits.
LIMITS = Limits()

#: Characters of an amount written as text (a sign, 38 digits, separators and a unit fit).
_MAX_AMOUNT_TEXT = 64
#: Characters of a key or an unknown value echoed into a path or a message.
_ECHO = 40


def _clip(text: str, limit: int = _ECHO) -> str:
    """``text`` cut to ``limit`` characters (an ellipsis marks the cut)."""
    return text if len(text) <= limit else text[:limit] + "…"


def _structure_decimal(value: Any, _: Any) -> Decimal:
    if isinstance(value, float):
        raise InvalidAmount("amount.float", field="amount", value=value)
    if isinstance(value, str) and len(value) > _MAX_AMOUNT_TEXT:
        raise InvalidAmount(
            "amount.too_long",
            field="amount",
            params={"max": _MAX_AMOUNT_TEXT, "length": len(value)},
            value=_clip(value),
        )
    try:
        amount = parse_amount(value)
    except MinzhengError:
        raise
    except Exception:  # a foreign failure inside the parser is still a bad amount
        raise InvalidAmount("amount.format", field="amount", value=_clip(str(value))) from None
    if not amount.is_finite():
        raise InvalidAmount("amount.not_finite", field="amount", value=str(amount))
    return amount


def _plain_decimal(value: Decimal) -> str:
    """Plain decimal text, never exponent form: ``Decimal("1E+2")`` → ``"100"``."""
    if not value.is_finite():
        raise InvalidAmount("amount.not_finite", field="amount", value=str(value))
    return format(value, "f")


_INT_BOUND = 10**LIMITS.max_int_digits


def _structure_int(value: Any, _: Any) -> int:
    """Integers only (no booleans, floats or text), within ``±(10**18 - 1)``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValue("io.int", field="value", value=_clip(repr(value)))
    if not -_INT_BOUND < value < _INT_BOUND:
        raise InvalidValue(
            "io.too_large",
            field="value",
            params={"limit": LIMITS.max_int_digits},
            value=f"{value.bit_length()} bits",
        )
    return value


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
def public_names() -> dict[str, Any]:
    """Every public name of the domain packages: resolves annotations imported only for typing.

    >>> from minzheng.people import Person
    >>> public_names()["Person"] is Person
    True
    """
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
        return {"decimal": _plain_decimal(value)}
    if isinstance(value, Rate):
        return {"rate": {"amount": _plain_decimal(value.amount), "period": value.period.value}}
    if isinstance(value, Month):
        return {"month": str(value)}
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return {"date": value.isoformat()}
    if isinstance(value, list | tuple):
        return {"list": [_tag(v) for v in value]}
    return {"text": str(value)}


def _structure_bool(value: Any, _: Any) -> bool:
    """``true`` / ``false`` only (cattrs would take any truthy value: ``"false"`` → ``True``)."""
    if not isinstance(value, bool):
        raise InvalidValue("io.bool", field="value", value=_clip(repr(value)))
    return value


def _untag(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    if set(value) == {"code", "value"}:
        cls = public_names().get(value["code"])
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
        raise InvalidValue("io.unknown_key", field="params", value=_clip(str(tag)))
    return decoders[tag](inner)


def _structure_cells(value: Any, _: Any) -> tuple[tuple[Any, ...], ...]:
    """Rows of typed cells (a ``StatTable``'s): each cell tagged as reason parameters are."""
    if not isinstance(value, list | tuple) or not all(isinstance(r, list | tuple) for r in value):
        raise InvalidValue("io.wrong_type", field="rows", value=type(value).__name__)
    return tuple(tuple(_untag(cell) for cell in row) for row in value)


def _unstructure_cells(rows: Any) -> list[list[Any]]:
    return [[_tag(cell) for cell in row] for row in rows]


def _property_tests() -> dict[str, type]:
    from minzheng.people import AssetLimits, NoPropertyTest

    return {"AssetLimits": AssetLimits, "NoPropertyTest": NoPropertyTest}


def _unstructure_property_test(value: Any) -> dict[str, Any]:
    """A shipped property test as ``{"AssetLimits": {...}}``; a caller's own class cannot be written."""
    name = type(value).__name__
    if _property_tests().get(name) is not type(value):
        raise InvalidValue("io.wrong_type", field="property_test", value=_clip(name))
    return {name: converter().unstructure(value, type(value))}


def _structure_property_test(value: Any, _: Any) -> Any:
    if not isinstance(value, dict) or len(value) != 1:
        raise InvalidValue("io.wrong_type", field="property_test", value=type(value).__name__)
    ((name, inner),) = value.items()
    cls = _property_tests().get(name)
    if cls is None:
        raise InvalidValue("io.unknown_key", field="property_test", value=_clip(str(name)))
    return converter().structure(inner, cls)


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
    raise InvalidValue("value.invalid", field="code", value=_clip(str(value)))


def _structure_set(value: Any, tp: Any) -> Any:
    """A JSON array as a set (``frozenset[X]`` / ``set[X]``): each item structured as ``X``."""
    if isinstance(value, str | bytes | dict) or not isinstance(
        value, list | tuple | set | frozenset
    ):
        raise InvalidValue("io.wrong_type", field="value", value=type(value).__name__)
    args = typing.get_args(tp)
    conv = converter()
    items = [conv.structure(v, args[0]) for v in value] if args else list(value)
    origin = typing.get_origin(tp) or tp
    return frozenset(items) if origin is frozenset else set(items)


def _is_set(tp: Any) -> bool:
    return (typing.get_origin(tp) or tp) in (frozenset, set)


def _unstructure_set(value: Any) -> list[Any]:
    """A set as a list sorted by its JSON text: the same set is always written the same way."""
    conv = converter()
    items = [conv.unstructure(v) for v in value]
    return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))


def _omitted_fields() -> dict[type, frozenset[str]]:
    """Fields that hold configuration rather than record data: not written, not read."""
    from minzheng.assistance import Case

    return {Case: frozenset({"policy"})}


def _structure_matter(value: Any, _: Any) -> Any:
    """A rule's matter (``Decision.programme``) from its code: a programme or a registration kind."""
    from minzheng.programmes import Programme
    from minzheng.registration.kinds import RegistrationKind

    return _structure_code_union(value, Programme | RegistrationKind)


@functools.cache
def converter() -> cattrs.Converter:
    """The shared converter (built once; thread-safe to use).

    >>> converter().unstructure(Month(2025, 3))
    '2025-03'
    """
    from minzheng.divisions import StatCode
    from minzheng.ids import CreditCode, DisabilityCertificateNo, ResidentId

    public_names()  # resolve string annotations of every public record type
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_unstructure_hook(Decimal, _plain_decimal)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_unstructure_hook(datetime.date, lambda d: d.isoformat())
    conv.register_structure_hook(datetime.date, _structure_date)
    conv.register_unstructure_hook(Month, str)
    conv.register_structure_hook(Month, _structure_month)
    conv.register_unstructure_hook(
        Rate, lambda r: {"amount": _plain_decimal(r.amount), "period": r.period.value}
    )
    conv.register_structure_hook(Rate, _structure_rate)
    for id_type in (ResidentId, CreditCode, DisabilityCertificateNo, StatCode):
        conv.register_unstructure_hook(id_type, lambda v: v.value)
        conv.register_structure_hook(id_type, _text_id(id_type))
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, CodeEnum), lambda v: v.value
    )
    for code_list in all_code_enums():  # every module is imported by public_names()
        conv.register_structure_hook(code_list, lambda v, t: t.from_code(v))
    conv.register_structure_hook_func(_is_code_union, _structure_code_union)
    conv.register_structure_hook(Matter, _structure_matter)
    conv.register_unstructure_hook(Matter, lambda m: m.value)
    conv.register_unstructure_hook_func(
        lambda t: t == dict[str, Any], lambda d: {k: _tag(v) for k, v in d.items()}
    )
    conv.register_structure_hook_func(lambda t: t == dict[str, Any], _structure_open)
    conv.register_unstructure_hook_func(_is_set, _unstructure_set)
    conv.register_structure_hook_func(_is_set, _structure_set)
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

    from minzheng.stats import StatTable

    conv.register_structure_hook(
        StatTable,
        make_dict_structure_fn(
            StatTable,
            conv,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=True,
            rows=override(struct_hook=_structure_cells),
        ),
    )
    conv.register_unstructure_hook(
        StatTable,
        make_dict_unstructure_fn(StatTable, conv, rows=override(unstruct_hook=_unstructure_cells)),
    )
    # Configuration held by a record (a case's policy: time limits and a working-day
    # calendar; eq=False) is not record data: it is neither written nor read.
    for holder, omitted in _omitted_fields().items():
        skip: dict[str, Any] = {name: override(omit=True) for name in omitted}
        conv.register_structure_hook(
            holder,
            make_dict_structure_fn(
                holder,
                conv,
                _cattrs_forbid_extra_keys=True,
                _cattrs_detailed_validation=True,
                **skip,
            ),
        )
        conv.register_unstructure_hook(holder, make_dict_unstructure_fn(holder, conv, **skip))
    from minzheng.people import PropertyTest

    conv.register_unstructure_hook_func(lambda t: t is PropertyTest, _unstructure_property_test)
    conv.register_structure_hook_func(lambda t: t is PropertyTest, _structure_property_test)
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
                if not isinstance(note, str):
                    continue
                if (m := _ATTRIBUTE.search(note)) is not None:
                    step = f".{m.group(1)}"
                elif (m := _INDEX.search(note)) is not None:
                    step = f"[{m.group(1)}]"
                elif (m := _KEY.search(note)) is not None:
                    step = f"[{_clip(m.group(1))!r}]"
            _flatten(inner, path + step, out, field)
        return
    if isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(str(k) for k in exc.extra_fields):
            name = _clip(key)
            out.append(
                RecordError(
                    path=f"{path}.{name}",
                    error=InvalidValue("io.unknown_key", field=name, value=name),
                )
            )
        return
    if isinstance(exc, MinzhengError):
        if exc.field in ("amount", "date", "month", "rate", "value", "code") and path != "$":
            name = path.rsplit(".", 1)[-1].split("[")[0]
            renamed = _renamed(exc, name)
            if name == "birth_date" and renamed.value:  # a birth date is personal: the year only
                value = renamed.value
                renamed = _renamed(renamed, name, value[:4] + "*" * (len(value) - 4))
            exc = renamed
        out.append(RecordError(path=path, error=exc))
        return
    name = path.rsplit(".", 1)[-1]
    if isinstance(exc, KeyError):
        missing = _clip(str(exc.args[0] if exc.args else ""))
        error = InvalidValue("io.missing_key", field=name, value=missing)
    else:
        error = InvalidValue("io.wrong_type", field=name, value=type(exc).__name__)
    out.append(RecordError(path=path, error=error))


def _renamed(exc: MinzhengError, name: str, value: str | None = None) -> MinzhengError:
    """``exc`` naming the field at its path (the hooks know only "amount", "date" …).

    ``value`` replaces the echoed value (a birth date keeps its year only).
    """
    shown = exc.value if value is None else value
    try:
        renamed = type(exc)(exc.code, field=name, value=shown, params=exc.params)
    except Exception:  # an error class with another signature keeps its own field
        return exc
    return renamed


def _limited(errors: list[RecordError], limits: Limits) -> list[RecordError]:
    if len(errors) <= limits.max_errors:
        return errors
    more = InvalidValue(
        "io.too_many_errors",
        field="errors",
        value=str(len(errors) - limits.max_errors),
        params={"limit": limits.max_errors},
    )
    return [*errors[: limits.max_errors], RecordError(path="$", error=more)]


def _step(key: object) -> str:
    if isinstance(key, int):
        return f"[{key}]"
    text = str(key)
    if re.fullmatch(r"\w{1,40}", text):
        return f".{text}"
    return f"[{_clip(text)!r}]"


def _path(node: tuple[Any, ...] | None) -> str:
    steps: list[str] = []
    while node is not None:
        node, step = node
        steps.append(step)
    return "$" + "".join(reversed(steps))


def _check_bounds(data: Any, limits: Limits) -> list[RecordError]:
    """Depth, string length and integer size of ``data``, walked without recursion."""
    errors: list[RecordError] = []
    bound = 10**limits.max_int_digits
    stack: list[tuple[Any, int, tuple[Any, ...] | None]] = [(data, 0, None)]
    while stack and len(errors) <= limits.max_errors:
        value, depth, node = stack.pop()
        if isinstance(value, str):
            if len(value) > limits.max_string:
                errors.append(_too_long(node, len(value), limits))
        elif isinstance(value, int) and not isinstance(value, bool):
            if not -bound < value < bound:
                errors.append(
                    RecordError(
                        path=_path(node),
                        error=InvalidValue(
                            "io.too_large",
                            field=_path(node).rsplit(".", 1)[-1],
                            value=f"{value.bit_length()} bits",
                            params={"limit": limits.max_int_digits},
                        ),
                    )
                )
        elif isinstance(value, dict | list | tuple):
            if depth >= limits.max_depth:
                too_deep = InvalidValue(
                    "io.too_deep",
                    field="json",
                    value=str(depth),
                    params={"limit": limits.max_depth},
                )
                return [RecordError(path="$", error=too_deep)]
            if isinstance(value, dict):
                for key, item in value.items():
                    if isinstance(key, str) and len(key) > limits.max_string:
                        errors.append(_too_long((node, ".<key>"), len(key), limits))
                        continue
                    stack.append((item, depth + 1, (node, _step(key))))
            else:
                stack.extend((item, depth + 1, (node, f"[{i}]")) for i, item in enumerate(value))
    return errors


def _too_long(node: tuple[Any, ...] | None, length: int, limits: Limits) -> RecordError:
    path = _path(node)
    return RecordError(
        path=path,
        error=InvalidValue(
            "io.too_long",
            field=path.rsplit(".", 1)[-1],
            value=f"{length}",
            params={"limit": limits.max_string},
        ),
    )


def _records_error(cls: type, code: str, value: object = None, **params: Any) -> InvalidRecords:
    error = InvalidValue(code, field="json", value=value, params=params)
    return InvalidRecords([RecordError(path="$", error=error)], field=_type_name(cls))


def _type_name(cls: Any) -> str:
    return _clip(str(getattr(cls, "__name__", cls)))


def from_dict(data: Any, cls: type[T], *, limits: Limits = LIMITS) -> T:
    """Structure ``data`` as ``cls``; every problem is reported at once as :class:`InvalidRecords`.

    ``data`` is first checked against ``limits`` (depth, string length, integer size).

    >>> from minzheng.care import Bed
    >>> from_dict({"bed_id": "B1", "institution_id": "I1", "kind": "nursing", "building": "", "room": "",
    ...            "colour": "blue"}, Bed)
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidRecords: 1个值无效；第一个：$.colour: colour：不允许的字段：colour
    """
    errors = _check_bounds(data, limits)
    if errors:
        raise InvalidRecords(_limited(errors, limits), field=_type_name(cls))
    return structure_with(converter(), data, cls, limits=limits)


def structure_with(
    conv: cattrs.Converter, data: Any, cls: type[T], *, limits: Limits = LIMITS
) -> T:
    """Structure with a given converter, errors flattened as :func:`from_dict` does.

    Nothing but :class:`~minzheng.errors.InvalidRecords` leaves it, whatever a hook raises.

    >>> from minzheng.money import Rate
    >>> structure_with(converter(), None, Rate)
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidRecords: 1个值无效；第一个：$: rate：无法识别的金额：None
    """
    errors: list[RecordError] = []
    try:
        return conv.structure(data, cls)
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as exc:
        _flatten(exc, "$", errors)
    except MinzhengError as exc:
        errors.append(RecordError(path="$", error=exc))
    except KeyError as exc:
        _flatten(exc, "$", errors)
    except Exception as exc:  # a foreign exception from cattrs or a hook: never let it out
        error = InvalidValue("io.wrong_type", field=_type_name(cls), value=type(exc).__name__)
        errors.append(RecordError(path="$", error=error))
    raise InvalidRecords(_limited(errors, limits), field=_type_name(cls))


def to_json(obj: Any, *, indent: int | None = None) -> str:
    """JSON text of ``obj`` (UTF-8 characters kept as they are; amounts as plain decimal text).

    >>> from minzheng.dates import Month
    >>> to_json({"month": Month(2025, 3)})
    '{"month": "2025-03"}'
    >>> from decimal import Decimal
    >>> to_json(Decimal("1E+2"))
    '"100"'

    A value that is not record data (a holiday calendar, a function) raises
    :class:`~minzheng.errors.InvalidValue` (``io.not_serialisable``).
    """
    data = to_dict(obj)
    try:
        return json.dumps(data, ensure_ascii=False, indent=indent)
    except (TypeError, ValueError, RecursionError) as exc:  # a value that is not record data
        raise InvalidValue(
            "io.not_serialisable", field=_type_name(type(obj)), value=_clip(str(exc), 80)
        ) from None


class _Refused(Exception):
    """Raised inside ``json.loads`` by a number hook; turned into a minzheng error."""

    def __init__(self, code: str, value: str, **params: Any) -> None:
        super().__init__(code)
        self.code, self.value, self.params = code, value, params


def _parse_int(limits: Limits) -> Any:
    def parse(text: str) -> int:
        if len(text.lstrip("-")) > limits.max_int_digits:
            raise _Refused("io.too_large", f"{len(text)} digits", limit=limits.max_int_digits)
        return int(text)

    return parse


def _parse_constant(text: str) -> Any:
    raise _Refused("amount.not_finite", text)


def from_json(text: str | bytes, cls: type[T], *, limits: Limits = LIMITS) -> T:
    """Parse JSON (floats refused: numbers with a fraction must be strings) and structure it as ``cls``.

    ``bytes`` must be UTF-8. The body is measured before it is parsed, so a body over
    ``limits.max_bytes`` costs nothing; ``NaN`` and ``Infinity`` are not JSON and are refused.

    >>> from minzheng.money import Rate
    >>> from_json('{"amount": "715", "period": "month"}', Rate)
    Rate(amount=Decimal('715'), period=<Period.MONTH: 'month'>)
    >>> from_json("[" * 100 + "]" * 100, Rate)
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidRecords: 1个值无效；第一个：$: json：嵌套超过64层
    """
    if isinstance(text, bytes | bytearray):
        if len(text) > limits.max_bytes:
            raise _records_error(cls, "io.too_large", f"{len(text)} bytes", limit=limits.max_bytes)
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _records_error(cls, "io.utf8", f"byte {exc.start}") from None
    elif isinstance(text, str):
        # at most 4 bytes a character: measure the UTF-8 size only when it could matter
        if len(text) > limits.max_bytes or (
            len(text) * 4 > limits.max_bytes
            and len(text.encode("utf-8", "surrogatepass")) > limits.max_bytes
        ):
            raise _records_error(
                cls, "io.too_large", f"{len(text)} characters", limit=limits.max_bytes
            )
    else:
        raise _records_error(cls, "io.wrong_type", type(text).__name__)
    try:
        data = json.loads(
            text,
            parse_int=_parse_int(limits),
            parse_constant=_parse_constant,
        )  # a fraction parses as float, which the Decimal hook refuses
    except json.JSONDecodeError as exc:
        raise _records_error(cls, "io.json", _clip(exc.msg, 80)) from None
    except _Refused as exc:
        raise _records_error(cls, exc.code, exc.value, **exc.params) from None
    except RecursionError:
        raise _records_error(cls, "io.too_deep", None, limit=limits.max_depth) from None
    except (ValueError, TypeError) as exc:  # e.g. a lone surrogate the decoder cannot take
        raise _records_error(cls, "io.json", type(exc).__name__) from None
    return from_dict(data, cls, limits=limits)
