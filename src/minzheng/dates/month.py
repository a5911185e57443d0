"""``Month``: a calendar month as a value — the period of payments and standards.

One text form, ``YYYY-MM`` (as OpenFisca's periods have one); parsing also
accepts ``YYYYMM`` and ``2025年3月``, and errors say which form is expected.
Only ASCII digits count (full-width ones are turned into ASCII first), and a
text longer than :data:`MAX_MONTH_CHARS` characters is refused unread.

>>> m = Month.parse("2025-03")
>>> m, str(m + 10), m.first_day, m.last_day
(Month(2025, 3), '2026-01', datetime.date(2025, 3, 1), datetime.date(2025, 3, 31))
>>> [str(x) for x in Month.range(Month(2025, 11), Month(2026, 2))]
['2025-11', '2025-12', '2026-01', '2026-02']
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Self, overload

import attrs

from minzheng.errors import InvalidDate, InvalidValue

__all__ = ["MAX_MONTH_CHARS", "Month", "MonthRange"]

#: The longest month text :meth:`Month.parse` looks at (after trimming), in characters.
MAX_MONTH_CHARS = 32

_FORMS = (
    re.compile(r"([0-9]{4})-([0-9]{1,2})"),
    re.compile(r"([0-9]{4})([0-9]{2})"),
    re.compile(r"([0-9]{4})年([0-9]{1,2})月"),
    re.compile(r"([0-9]{4})/([0-9]{1,2})"),
)


def _check_year(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 9999:
        raise InvalidDate("month.format", field="year", value=value)


def _check_month(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
        raise InvalidDate("month.format", field="month", value=value)


@attrs.frozen(order=True, repr=False)
class Month:
    """A calendar month. Ordered, hashable; ``Month(2025, 3)``.

    Arithmetic: ``month + n`` and ``month - n`` move by months; ``a - b`` is the
    number of months between them.

    >>> Month(2025, 1) - Month(2024, 7)
    6
    >>> Month.of(datetime.date(2025, 2, 14))
    Month(2025, 2)
    """

    year: int = attrs.field(validator=_check_year)
    month: int = attrs.field(validator=_check_month)

    @classmethod
    def parse(cls, text: str | Month, *, field: str = "month") -> Self:
        """Parse ``YYYY-MM`` (also ``YYYYMM``, ``YYYY/MM``, ``2025年3月``).

        Anything else — another script's digits, a text over
        :data:`MAX_MONTH_CHARS` characters, a non-text value — raises
        :class:`~minzheng.errors.InvalidDate`.

        >>> Month.parse("202503"), Month.parse("2025年3月")
        (Month(2025, 3), Month(2025, 3))
        >>> Month.parse("2025-13")
        Traceback (most recent call last):
        ...
        minzheng.errors.InvalidDate: month：月份应写作YYYY-MM：2025-13
        """
        if isinstance(text, Month):
            return cls(text.year, text.month)
        if isinstance(text, str) and len(stripped := text.strip()) <= MAX_MONTH_CHARS:
            stripped = unicodedata.normalize("NFKC", stripped).strip()
            for form in _FORMS:
                match = form.fullmatch(stripped)
                if match:
                    year, month = int(match[1]), int(match[2])
                    if 1 <= month <= 12 and year >= 1:
                        return cls(year, month)
                    break
        raise InvalidDate("month.format", field=field, value=text)

    @classmethod
    def of(cls, day: datetime.date) -> Self:
        """The month a date falls in.

        >>> Month.of(datetime.date(2025, 12, 31))
        Month(2025, 12)
        """
        return cls(day.year, day.month)

    @classmethod
    def range(cls, first: Month, last: Month) -> MonthRange:
        """Months from ``first`` to ``last``, both included (empty when ``last < first``).

        The result is a re-iterable :class:`MonthRange` (like :class:`range`):
        it has a length, supports ``in``, indexing, slicing and ``reversed``.

        >>> months = Month.range(Month(2025, 1), Month(2025, 12))
        >>> len(months), len(list(months)), Month(2025, 6) in months, months[-1]
        (12, 12, True, Month(2025, 12))
        """
        return MonthRange(first, last)

    @property
    def first_day(self) -> datetime.date:
        """The first day of the month.

        >>> Month(2024, 2).first_day
        datetime.date(2024, 2, 1)
        """
        return datetime.date(self.year, self.month, 1)

    @property
    def last_day(self) -> datetime.date:
        """The last day of the month.

        >>> Month(2024, 2).last_day, Month(2025, 2).last_day
        (datetime.date(2024, 2, 29), datetime.date(2025, 2, 28))
        """
        return datetime.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def days(self) -> int:
        """The number of days in the month.

        >>> Month(2025, 4).days
        30
        """
        return calendar.monthrange(self.year, self.month)[1]

    def __contains__(self, day: object) -> bool:
        """``date in month``.

        >>> datetime.date(2025, 3, 31) in Month(2025, 3)
        True
        """
        return isinstance(day, datetime.date) and (day.year, day.month) == (self.year, self.month)

    def _index(self) -> int:
        return self.year * 12 + self.month - 1

    @classmethod
    def _from_index(cls, index: int) -> Month:
        year, month0 = divmod(index, 12)
        return Month(year, month0 + 1)

    def __add__(self, months: int) -> Month:
        if isinstance(months, bool) or not isinstance(months, int):
            return NotImplemented
        return self._from_index(self._index() + months)

    def __radd__(self, months: int) -> Month:
        return self.__add__(months)

    @overload
    def __sub__(self, other: Month) -> int: ...

    @overload
    def __sub__(self, other: int) -> Month: ...

    def __sub__(self, other: int | Month) -> Month | int:
        if isinstance(other, Month):
            return self._index() - other._index()
        if isinstance(other, bool) or not isinstance(other, int):
            return NotImplemented
        return self._from_index(self._index() - other)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def __repr__(self) -> str:
        return f"Month({self.year}, {self.month})"


class MonthRange(Sequence[Month]):
    """The months from ``first`` to ``last``, both included: a re-iterable, range-like sequence.

    Like :class:`range`, it can be iterated any number of times, has a length,
    answers ``in`` in constant time, supports indexing, slicing and
    ``reversed``, and two ranges are equal when they hold the same months (all
    empty ranges are equal).

    >>> r = MonthRange(Month(2025, 11), Month(2026, 2))
    >>> [str(m) for m in r], [str(m) for m in r]
    (['2025-11', '2025-12', '2026-01', '2026-02'], ['2025-11', '2025-12', '2026-01', '2026-02'])
    >>> len(r), Month(2026, 1) in r, r[0], r[1:3], list(reversed(r))[0]
    (4, True, Month(2025, 11), MonthRange(Month(2025, 12), Month(2026, 1)), Month(2026, 2))
    >>> MonthRange(Month(2025, 3), Month(2025, 1)) == MonthRange(Month(2024, 3), Month(2024, 1))
    True
    """

    __slots__ = ("_length", "_start")

    def __init__(self, first: Month, last: Month) -> None:
        for name, value in (("first", first), ("last", last)):
            if not isinstance(value, Month):
                raise InvalidDate("month.format", field=name, value=value)
        self._start = first._index()
        self._length = max(0, last._index() - self._start + 1)

    @property
    def first(self) -> Month | None:
        """The first month, ``None`` when the range is empty.

        >>> MonthRange(Month(2025, 1), Month(2025, 3)).first
        Month(2025, 1)
        """
        return Month._from_index(self._start) if self._length else None

    @property
    def last(self) -> Month | None:
        """The last month, ``None`` when the range is empty.

        >>> MonthRange(Month(2025, 1), Month(2025, 3)).last
        Month(2025, 3)
        """
        return Month._from_index(self._start + self._length - 1) if self._length else None

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[Month]:
        return (Month._from_index(self._start + i) for i in range(self._length))

    def __reversed__(self) -> Iterator[Month]:
        return (Month._from_index(self._start + i) for i in reversed(range(self._length)))

    def __contains__(self, value: object) -> bool:
        return isinstance(value, Month) and 0 <= value._index() - self._start < self._length

    @overload
    def __getitem__(self, index: int) -> Month: ...

    @overload
    def __getitem__(self, index: slice) -> MonthRange: ...

    def __getitem__(self, index: int | slice) -> Month | MonthRange:
        if isinstance(index, slice):
            positions = range(self._length)[index]
            if positions.step != 1:
                raise InvalidValue("value.invalid", field="index", value=index)
            if not positions:
                return MonthRange(Month(1, 2), Month(1, 1))
            return MonthRange(
                Month._from_index(self._start + positions[0]),
                Month._from_index(self._start + positions[-1]),
            )
        if isinstance(index, bool) or not isinstance(index, int):
            raise InvalidValue("value.invalid", field="index", value=index)
        try:
            position = range(self._length)[index]
        except IndexError:
            raise IndexError("MonthRange index out of range") from None
        return Month._from_index(self._start + position)

    def index(self, value: object, start: int = 0, stop: int | None = None) -> int:
        """The position of a month in the range.

        >>> MonthRange(Month(2025, 1), Month(2025, 12)).index(Month(2025, 3))
        2
        """
        if value in self:
            assert isinstance(value, Month)
            position = value._index() - self._start
            if start <= position and (stop is None or position < stop):
                return position
        raise InvalidValue("value.invalid", field="month", value=value)

    def count(self, value: object) -> int:
        """1 if the month is in the range, else 0.

        >>> MonthRange(Month(2025, 1), Month(2025, 12)).count(Month(2026, 1))
        0
        """
        return int(value in self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MonthRange):
            return NotImplemented
        if self._length == 0 or other._length == 0:
            return self._length == other._length
        return (self._start, self._length) == (other._start, other._length)

    def __hash__(self) -> int:
        return hash((self._start, self._length) if self._length else 0)

    def __repr__(self) -> str:
        if not self._length:
            return "MonthRange(empty)"
        return f"MonthRange({self.first!r}, {self.last!r})"
