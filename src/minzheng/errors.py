"""The one exception hierarchy of minzheng.

Every exception minzheng raises derives from :class:`MinzhengError` and carries:

- ``code`` — a stable, machine-readable code such as ``"resident_id.checksum"``;
- ``field`` — the name of the field or argument at fault, where there is one;
- ``value`` — the offending value as text, **masked** when it is personal data
  (identity numbers, names, phones, addresses), then **truncated** to at most
  :data:`MAX_VALUE_CHARS` characters (a long value keeps its head, an ellipsis and
  its original length); the raw value is never kept;
- ``params`` — the parameters of the message, so that it can be rendered in any
  supported locale with :meth:`MinzhengError.message`.

Bad values raise :class:`InvalidValue` (also a :class:`ValueError`) or one of its
subclasses, modelled on python-stdnum's exceptions; broken domain rules raise
:class:`RuleViolation`; codes missing from a code list raise :class:`UnknownCode`
(also a :class:`LookupError`).

>>> from minzheng.ids import ResidentId
>>> try:
...     ResidentId.parse("110105194912310021")
... except InvalidChecksum as err:
...     print(err.code, err.field, err.value)
...     print(err.message("en"))
resident_id.checksum resident_id 110105********0021
resident_id: the check character is wrong (expected X, got 1): 110105********0021
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "MAX_VALUE_CHARS",
    "InconsistentRecord",
    "InvalidAmount",
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidDate",
    "InvalidFormat",
    "InvalidLength",
    "InvalidRecords",
    "InvalidValue",
    "MinzhengError",
    "RecordError",
    "RuleViolation",
    "UnknownCode",
]


#: The longest ``value`` (and text parameter) an error keeps and echoes, in characters.
#: A longer one is cut to its first 48 characters, ``…`` and ``(len N)``; a hostile
#: 50 MB value neither makes a 50 MB message nor stays alive inside the error.
MAX_VALUE_CHARS = 64
_HEAD_CHARS = 48


#: Characters that would break a message's line or hide text: controls, line and paragraph
#: separators, zero-width and bidirectional formatting characters.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _truncate(text: str) -> str:
    r"""``text`` on one line (controls escaped), whole when short, else head, ellipsis and length.

    >>> _truncate("x" * 100)
    'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…(len 100)'
    >>> print(_truncate("a\u2028b\nc"))
    a\u2028b\u000ac
    """
    original = len(text)
    shown = _UNPRINTABLE.sub(_escape, text[: MAX_VALUE_CHARS * 2])  # the head is all we show
    if original <= MAX_VALUE_CHARS and len(shown) <= MAX_VALUE_CHARS:
        return shown
    return f"{shown[:_HEAD_CHARS]}…(len {original})"


def _bounded_repr(value: object) -> str:
    # repr() of a huge container is itself huge: cut long str/bytes before repr.
    if isinstance(value, bytes | bytearray) and len(value) > MAX_VALUE_CHARS:
        return f"{bytes(value[:_HEAD_CHARS])!r}…(len {len(value)})"
    if isinstance(value, list | tuple | dict | set | frozenset) and len(value) > MAX_VALUE_CHARS:
        return f"<{type(value).__name__} of {len(value)} items>"
    try:
        return repr(value)
    except Exception:  # a hostile __repr__ must not replace our error with its own
        return f"<{type(value).__name__}>"


class MinzhengError(Exception):
    """Base class of every error minzheng raises.

    Args:
        code: stable machine code, e.g. ``"resident_id.length"``; defaults to the
            class's ``default_code``.
        field: the field or argument at fault.
        value: the offending value; converted to text.
        personal: ``True`` when ``value`` is personal data — it is then masked with
            ``mask`` (default: :func:`minzheng.privacy.mask_text`) before it is stored.
        params: further message parameters.

    The stored ``value`` (and any text parameter) is cut to :data:`MAX_VALUE_CHARS`
    characters after masking.

    >>> err = MinzhengError("demo.code", field="x", value="abc", params={"n": 3})
    >>> (err.code, err.field, err.value, err.params["n"])
    ('demo.code', 'x', 'abc', 3)
    >>> MinzhengError(field="x", value="9" * 10_000_000).value
    '999999999999999999999999999999999999999999999999…(len 10000000)'
    """

    default_code = "minzheng.error"

    def __init__(
        self,
        code: str | None = None,
        *,
        field: str | None = None,
        value: object = None,
        personal: bool = False,
        params: Mapping[str, Any] | None = None,
        mask: Any = None,
    ) -> None:
        self.code: str = code or self.default_code
        self.field: str | None = field
        text: str | None = None
        if value is not None:
            text = value if isinstance(value, str) else _bounded_repr(value)
            if personal:
                from minzheng.privacy import mask_text

                text = (mask or mask_text)(text)
            text = _truncate(text)
        self.value: str | None = text
        self.personal: bool = personal
        self.params: dict[str, Any] = {
            key: _truncate(item) if isinstance(item, str) else item
            for key, item in (params or {}).items()
        }
        super().__init__(self.message())

    def _format_params(self) -> dict[str, Any]:
        params: dict[str, Any] = {"field": self.field or "", "value": self.value or ""}
        params.update(self.params)
        return params

    def message(self, locale: object = "zh_Hans") -> str:
        """Render the message in ``locale`` (``zh_Hans``, ``zh_Hant`` or ``en``).

        >>> from minzheng.errors import InvalidLength
        >>> err = InvalidLength("resident_id.length", field="resident_id",
        ...                     value="12345", personal=True, params={"length": 5})
        >>> print(err.message("zh_Hant"))
        resident_id：身份號碼應為18位（或15位舊號碼），實為5位：1****
        """
        from minzheng._messages import SafeParams, template_for
        from minzheng.i18n import translate

        template = template_for(self.code, type(self))
        text = translate(template, context="error", locale=locale)
        return text.format_map(SafeParams(self._format_params()))

    def to_dict(self, locale: object = "zh_Hans") -> dict[str, Any]:
        """A plain dict for logs, APIs and reject files (the value stays masked).

        >>> UnknownCode("division.unknown", field="division", value="999999").to_dict("en")["code"]
        'division.unknown'
        """
        return {
            "code": self.code,
            "field": self.field,
            "value": self.value,
            "message": self.message(locale),
        }

    def __str__(self) -> str:
        return self.message()

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(code={self.code!r}, field={self.field!r}, value={self.value!r})"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.code, self.field, self.value, self.params))


def _rebuild(
    cls: type[MinzhengError],
    code: str,
    field: str | None,
    value: str | None,
    params: dict[str, Any],
) -> MinzhengError:
    # The stored value is already masked: rebuild without masking it again.
    return cls(code, field=field, value=value, params=params)


class InvalidValue(MinzhengError, ValueError):
    """A value is not valid (stdnum's ``ValidationError`` in spirit); also a ``ValueError``.

    >>> issubclass(InvalidValue, ValueError)
    True
    """

    default_code = "value.invalid"


class InvalidFormat(InvalidValue):
    """The value has characters or a shape that is not allowed.

    >>> from minzheng.ids import credit_code
    >>> credit_code.is_valid("5310000050002I676K")
    False
    """

    default_code = "value.format"


class InvalidLength(InvalidValue):
    """The value has the wrong length.

    >>> InvalidLength("resident_id.length", field="resident_id", params={"length": 3}).params
    {'length': 3}
    """

    default_code = "value.length"


class InvalidChecksum(InvalidValue):
    """The check character does not match.

    >>> InvalidChecksum().code
    'value.checksum'
    """

    default_code = "value.checksum"


class InvalidComponent(InvalidValue):
    """A part of the value (a region, a category digit …) is not valid.

    >>> InvalidComponent(field="x", value="9").message("en")
    'x: invalid component: 9'
    """

    default_code = "value.component"


class InvalidDate(InvalidValue):
    """A date, month or date-bearing part of a value is not valid.

    >>> from minzheng.dates import Month
    >>> Month.parse("2025-13")
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidDate: month：月份应写作YYYY-MM：2025-13
    """

    default_code = "date.invalid"


class InvalidAmount(InvalidValue):
    """A money amount or rate is not valid (floats are refused, for one).

    >>> from minzheng.money import parse_amount
    >>> parse_amount(1.5)
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidAmount: amount：金额不得使用浮点数，请使用Decimal、整数或字符串：1.5
    """

    default_code = "amount.invalid"


class InconsistentRecord(InvalidValue):
    """Two fields of one record disagree (a declared birth date ≠ the identity number's).

    >>> err = InconsistentRecord(field="birth_date", value="1950-01-01")
    >>> err.message("en")
    'birth_date: inconsistent with other fields of the record: 1950-01-01'
    """

    default_code = "record.inconsistent"


class RuleViolation(MinzhengError):
    """An action would break a domain rule (a second marriage, a bed already taken).

    ``reasons`` holds the :class:`minzheng.rules.Reason` objects that explain it.

    >>> err = RuleViolation("rule.violated", params={"rule": "demo"})
    >>> err.reasons
    ()
    """

    default_code = "rule.violated"

    def __init__(
        self,
        code: str | None = None,
        *,
        reasons: Sequence[Any] = (),
        field: str | None = None,
        value: object = None,
        personal: bool = False,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        self.reasons: tuple[Any, ...] = tuple(reasons)
        super().__init__(code, field=field, value=value, personal=personal, params=params)


class UnknownCode(MinzhengError, LookupError):
    """A code is not in its code list (a division code, an enum code, a locale); a ``LookupError``.

    >>> from minzheng import divisions
    >>> try:
    ...     divisions.get("999999")
    ... except LookupError as err:
    ...     print(err.code)
    division.unknown
    """

    default_code = "code.unknown"


class RecordError:
    """One bad value in a batch: where it is (``path``), its error code and message.

    >>> e = RecordError(path="row 3.amount", error=InvalidAmount("amount.float", field="amount", value=1.5))
    >>> e.path, e.code
    ('row 3.amount', 'amount.float')
    """

    __slots__ = ("error", "path")

    def __init__(self, *, path: str, error: MinzhengError) -> None:
        self.path = path
        self.error = error

    @property
    def code(self) -> str:
        """The error's stable code."""
        return self.error.code

    def message(self, locale: object = "zh_Hans") -> str:
        """The error's message in ``locale``."""
        return self.error.message(locale)

    def as_tuple(self, locale: object = "zh_Hans") -> tuple[str, str, str]:
        """``(path, code, message)``.

        >>> RecordError(path="$[0]", error=UnknownCode(field="x", value="y")).as_tuple("en")
        ('$[0]', 'code.unknown', 'x: unknown code: y')
        """
        return (self.path, self.code, self.message(locale))

    def __repr__(self) -> str:
        return f"RecordError(path={self.path!r}, code={self.code!r})"


class InvalidRecords(InvalidValue):
    """Many records were checked and some were bad: every one is listed, flat, in ``errors``.

    >>> err = InvalidRecords([RecordError(path="row 2", error=InvalidAmount(field="amount", value="x"))])
    >>> err.code, len(err.errors), err.errors[0].path
    ('records.invalid', 1, 'row 2')
    >>> print(err.message("en"))
    1 invalid value(s); first: row 2: amount: invalid amount: x
    """

    default_code = "records.invalid"

    def __init__(self, errors: Sequence[RecordError], *, field: str | None = None) -> None:
        self.errors: tuple[RecordError, ...] = tuple(errors)
        super().__init__("records.invalid", field=field, params={"count": len(self.errors)})

    def message(self, locale: object = "zh_Hans") -> str:
        """Count and first error, in ``locale``."""
        from minzheng._messages import template_for
        from minzheng.i18n import translate

        template = translate(template_for(self.code, type(self)), context="error", locale=locale)
        first = self.errors[0] if self.errors else None
        first_text = f"{first.path}: {first.error.message(locale)}" if first else ""
        return template.format(count=len(self.errors), first=first_text)

    def as_tuples(self, locale: object = "zh_Hans") -> list[tuple[str, str, str]]:
        """Every error as ``(path, code, message)``.

        >>> InvalidRecords([]).as_tuples()
        []
        """
        return [e.as_tuple(locale) for e in self.errors]

    def __reduce__(self) -> tuple[Any, ...]:
        return (InvalidRecords, (self.errors,))
