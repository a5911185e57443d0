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
from collections.abc import Iterator
from typing import Self, overload

import attrs

from minzheng.errors import InvalidDate

__all__ = ["MAX_MONTH_CHARS", "Month"]

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
    def range(cls, first: Month, last: Month) -> Iterator[Month]:
        """Months from ``first`` to ``last``, both included (empty when ``last < first``).

        >>> len(list(Month.range(Month(2025, 1), Month(2025, 12))))
        12
        """
        current = first
        while current <= last:
            yield current
            current = current + 1

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
