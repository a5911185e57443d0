"""Shared attrs validators: every record field holds the type its annotation says.

Records are declared with ``@attrs.frozen(kw_only=True, field_transformer=typed_fields)``.
:func:`typed_fields` adds, in front of a field's own validators, a check that the
value (after the field's converter, if any — the documented conversions) is an
instance of the annotated type; otherwise it raises :class:`~minzheng.errors.InvalidValue`
with code ``value.type``, the field name and the *type name* of the value (never the
value itself, which may be personal data). So ``Person(birth_date="1950-01-01")`` and
``IncomeItem(amount="500")`` fail at once with a minzheng error instead of later with
an ``AttributeError``. Validators check types only; coercion is the converter's job
(STYLE.md, attrs/cattrs).

The rules, from the annotation (resolved lazily, in the record's module):

- ``int`` refuses ``bool``; ``Decimal`` refuses ``float``; ``datetime.date``
  refuses ``datetime.datetime``; ``str`` accepts ``str`` (enum codes included);
- ``X | None`` accepts ``None``; ``Literal[...]`` checks membership;
- ``tuple[X, ...]``, ``frozenset[X]``, ``list[X]``, ``dict[K, V]``, ``Mapping[K, V]``
  check the container and every element;
- ``Any``, ``object``, type variables, callables and non-runtime protocols are not checked.

A field whose own validator (alone, or first in its list) is one of the type checks
here — :func:`is_date` (code ``date.type``), :func:`is_amount` (``amount.decimal``)
or :func:`instance_of` — keeps that check and its code instead of the automatic one.

>>> import attrs, datetime
>>> @attrs.frozen(kw_only=True, field_transformer=typed_fields)
... class Visit:
...     on: datetime.date
...     hours: int | None = None
>>> Visit(on=datetime.date(2025, 1, 2), hours=3).hours
3
>>> Visit(on="2025-01-02")
Traceback (most recent call last):
...
minzheng.errors.InvalidValue: on：类型应为datetime.date：str
"""

from __future__ import annotations

import collections.abc
import datetime
import sys
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from minzheng.errors import InvalidAmount, InvalidDate, InvalidValue

__all__ = [
    "UNRESOLVED",
    "code_of",
    "instance_of",
    "is_amount",
    "is_date",
    "to_dict",
    "to_frozenset",
    "to_tuple",
    "type_error",
    "typed_fields",
]

#: Annotations that could not be resolved (so are not checked); the tests keep it empty.
UNRESOLVED: set[str] = set()


def type_error(field: str, value: object, expected: object) -> InvalidValue:
    """The error for a value of the wrong type: code ``value.type``, the type's name as value.

    >>> type_error("amount", 0.1, "Decimal").to_dict("en")["message"]
    'amount: expected Decimal, got float'
    """
    name = expected if isinstance(expected, str) else getattr(expected, "__name__", str(expected))
    return InvalidValue(
        "value.type", field=field, value=type(value).__name__, params={"expected": name}
    )


_Check = typing.Callable[[object], bool]


def to_tuple(value: object) -> Any:
    """Converter: a list, set or other iterable becomes a tuple; anything else is left for the type check.

    Text is not an iterable of records: it is left as it is (and refused by the check).

    >>> to_tuple([1, 2]), to_tuple(None), to_tuple("ab")
    ((1, 2), None, 'ab')
    """
    if isinstance(value, tuple | str | bytes | collections.abc.Mapping):
        return value
    if isinstance(value, collections.abc.Iterable):
        return tuple(value)
    return value


def to_frozenset(value: object) -> Any:
    """Converter: a list, set or other iterable becomes a frozenset; anything else is left for the type check.

    Text is not a set of names: it is left as it is (and refused by the check).

    >>> sorted(to_frozenset(["b", "a"])), to_frozenset(None), to_frozenset("ab")
    (['a', 'b'], None, 'ab')
    """
    if isinstance(value, frozenset | str | bytes | collections.abc.Mapping):
        return value
    if isinstance(value, collections.abc.Iterable):
        return frozenset(value)
    return value


def to_dict(value: object) -> Any:
    """Converter: a mapping becomes a ``dict``; anything else is left for the type check.

    >>> to_dict({"a": 1}), to_dict([("a", 1)])
    ({'a': 1}, [('a', 1)])
    """
    return dict(value) if isinstance(value, collections.abc.Mapping) else value


def code_of(enum: type[Any]) -> typing.Callable[[object], Any]:
    """Converter: a code (text) becomes the member of a code list; other types are left for the type check.

    An unknown code raises :class:`~minzheng.errors.UnknownCode`.

    >>> from minzheng.codes import Area
    >>> code_of(Area)("rural"), code_of(Area)(None)
    (<Area.RURAL: 'rural'>, None)
    """

    def convert(value: object) -> Any:
        if isinstance(value, enum) or not isinstance(value, str):
            return value
        return enum.from_code(value) if hasattr(enum, "from_code") else enum(value)

    convert.__name__ = f"code_of_{enum.__name__}"
    return convert


def _always(value: object) -> bool:
    return True


def _plain(cls: type) -> _Check:
    if cls is int:
        return lambda v: isinstance(v, int) and not isinstance(v, bool)
    if cls is datetime.date:
        return lambda v: isinstance(v, datetime.date) and not isinstance(v, datetime.datetime)
    if cls is float:
        return lambda v: isinstance(v, int | float) and not isinstance(v, bool)
    if cls is object:
        return _always
    if getattr(cls, "_is_protocol", False) and not getattr(cls, "_is_runtime_protocol", False):
        return _always
    return lambda v: isinstance(v, cls)


def _compile(hint: Any) -> _Check:
    if hint is Any or isinstance(hint, typing.TypeVar) or hint is None or hint is type(None):
        return (lambda v: v is None) if hint is None or hint is type(None) else _always
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Union or origin is types.UnionType:
        checks = [_compile(a) for a in args]
        return lambda v: any(c(v) for c in checks)
    if origin is typing.Literal:
        return lambda v: any(v == a and type(v) is type(a) for a in args)
    if origin is collections.abc.Callable:
        return callable
    if origin in (tuple, frozenset, list, set, collections.abc.Sequence, collections.abc.Set):
        if origin is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):
            parts = [_compile(a) for a in args]
            return lambda v: (
                isinstance(v, tuple)
                and len(v) == len(parts)
                and all(c(x) for c, x in zip(parts, v, strict=True))
            )
        element = _compile(args[0]) if args else _always
        container: Any = origin
        if origin is collections.abc.Sequence:
            return lambda v: (
                isinstance(v, container)
                and not isinstance(v, str | bytes)
                and all(element(x) for x in v)
            )
        return lambda v: isinstance(v, container) and all(element(x) for x in v)
    if origin in (dict, collections.abc.Mapping):
        key = _compile(args[0]) if args else _always
        val = _compile(args[1]) if args else _always
        mapping: Any = origin
        return lambda v: isinstance(v, mapping) and all(key(k) and val(x) for k, x in v.items())
    if origin is not None:
        return _compile(origin)
    if isinstance(hint, type):
        return _plain(hint)
    return _always  # pragma: no cover — an annotation form we do not check


def _imported_class(name: str) -> type | None:
    """A class named ``name`` defined in an imported minzheng module.

    For names a module imports only under ``TYPE_CHECKING`` (to avoid an import
    cycle): by the time a record is built, the module defining them is loaded.
    """
    for module_name, module in list(sys.modules.items()):
        if module_name.startswith("minzheng.") and module is not None:
            found = vars(module).get(name)
            if isinstance(found, type) and found.__module__ == module_name:
                return found
    return None


def _evaluate(annotation: str, module: str, owner: str) -> Any:
    namespace = dict(vars(sys.modules[module]))
    for _ in range(8):
        try:
            return eval(annotation, namespace)  # our own annotations, never user text
        except NameError as exc:
            found = _imported_class(exc.name) if exc.name else None
            if found is None or exc.name is None:
                break
            namespace[exc.name] = found
    UNRESOLVED.add(f"{owner}: {annotation}")  # not checked; the tests keep this empty
    return Any


@attrs.frozen
class _TypeCheck:
    """Checks one field against its annotation, resolved on first use."""

    module: str
    owner: str
    annotation: object
    _check: list[_Check] = attrs.field(factory=list, eq=False, repr=False)

    def resolve(self) -> _Check:
        """The compiled check (the annotation is evaluated in the record's module)."""
        if not self._check:
            hint = self.annotation
            if isinstance(hint, str):
                hint = _evaluate(hint, self.module, f"{self.module}.{self.owner}")
            self._check.append(_compile(hint))
        return self._check[0]

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not self.resolve()(value):
            raise type_error(attribute.name, value, self.annotation)

    def __repr__(self) -> str:
        return f"<typed {self.owner} field: {self.annotation}>"


def instance_of(annotation: object, *, module: str = __name__) -> _TypeCheck:
    """A validator: the value is an instance of ``annotation`` (a type or a typing form).

    >>> import attrs
    >>> @attrs.frozen
    ... class Box:
    ...     n: object = attrs.field(validator=instance_of(int))
    >>> Box(3).n
    3
    >>> Box(True)
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidValue: n：类型应为int：bool
    """
    return _TypeCheck(module, "", annotation)


@attrs.frozen
class _IsDate:
    """A calendar date (not a ``datetime``), else :class:`~minzheng.errors.InvalidDate` ``date.type``."""

    optional: bool

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and self.optional:
            return
        # A datetime is a date, but it cannot be compared with one: refuse it here.
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            raise InvalidDate("date.type", field=attribute.name, value=type(value).__name__)

    def __repr__(self) -> str:
        return f"<is_date({'optional' if self.optional else ''})>"


def is_date(*, optional: bool = False) -> _IsDate:
    """A validator: a ``datetime.date`` (not a ``datetime``), or ``None`` when ``optional``.

    It raises :class:`~minzheng.errors.InvalidDate` with code ``date.type`` and the
    value's type name; :func:`typed_fields` leaves the field to it.

    >>> import attrs
    >>> @attrs.frozen(field_transformer=typed_fields)
    ... class Row:
    ...     on: datetime.date = attrs.field(validator=is_date())
    >>> Row(on="2025-01-01")
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidDate: on：应为日期：str
    """
    return _IsDate(optional=optional)


@attrs.frozen
class _IsAmount:
    """A finite ``Decimal``, else :class:`~minzheng.errors.InvalidAmount`."""

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, Decimal):
            shown = value if isinstance(value, float) else type(value).__name__
            raise InvalidAmount("amount.decimal", field=attribute.name, value=shown)
        if not value.is_finite():
            raise InvalidAmount("amount.not_finite", field=attribute.name, value=value)

    def __repr__(self) -> str:
        return "<is_amount()>"


def is_amount() -> _IsAmount:
    """A validator: a finite ``Decimal`` — anything else ``amount.decimal``, NaN or infinity ``amount.not_finite``.

    >>> import attrs
    >>> @attrs.frozen(field_transformer=typed_fields)
    ... class Pay:
    ...     amount: Decimal = attrs.field(validator=is_amount())
    >>> Pay(amount=0.1)
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidAmount: amount：金额应为Decimal（不得使用浮点数）：0.1
    """
    return _IsAmount()


_OWN_CHECKS = (_TypeCheck, _IsDate, _IsAmount)


def _checks_type(validator: object) -> bool:
    """Whether a field's validator (alone or first of several) already is a type check."""
    if isinstance(validator, _OWN_CHECKS):
        return True
    inner: tuple[object, ...] = getattr(validator, "_validators", ())  # and_ / validator lists
    return bool(inner) and isinstance(inner[0], _OWN_CHECKS)


def typed_fields(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """An attrs ``field_transformer``: put a type check in front of every annotated field's validators.

    >>> import attrs
    >>> @attrs.frozen(kw_only=True, field_transformer=typed_fields)
    ... class Pair:
    ...     names: tuple[str, ...]
    >>> Pair(names=("a", 1))
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidValue: names：类型应为tuple[str, ...]：tuple
    """
    out = []
    for field in fields:
        if field.type is None or _checks_type(field.validator):
            out.append(field)
            continue
        check = _TypeCheck(cls.__module__, cls.__qualname__, field.type)
        validator = (
            check if field.validator is None else attrs.validators.and_(check, field.validator)
        )
        out.append(field.evolve(validator=validator))
    return out
