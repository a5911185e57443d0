"""Holiday calendars for statutory deadlines: which days are statutory rest days (法定休假日).

Civil Code art. 203 moves a period's last day past a statutory rest day. Whether
ordinary weekends count is not stated in the text (DOMAIN.md §0 rule 2,
UNVERIFIED), so the calendar is an argument: minzheng ships

- :class:`FixedCalendar` — rest days you list (and optionally weekends, less
  the weekend days declared working days, 调休);
- :class:`ChineseHolidayCalendar` — the official State Council schedules, from
  the ``chinesecalendar`` package (extra ``minzheng[calendar]``).

>>> import datetime
>>> cal = FixedCalendar(rest_days=[datetime.date(2025, 5, d) for d in range(1, 6)])
>>> cal.is_rest_day(datetime.date(2025, 5, 2)), cal.is_rest_day(datetime.date(2025, 5, 6))
(True, False)
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any, Protocol, runtime_checkable

from minzheng.errors import InvalidDate

__all__ = ["ChineseHolidayCalendar", "FixedCalendar", "HolidayCalendar"]


@runtime_checkable
class HolidayCalendar(Protocol):
    """Anything that says whether a day is a statutory rest day."""

    def is_rest_day(self, day: datetime.date) -> bool:
        """``True`` when ``day`` is a rest day under this calendar."""
        ...


class FixedCalendar:
    """A calendar of listed rest days, optionally with weekends (less listed working days).

    >>> import datetime
    >>> cal = FixedCalendar(weekends=True, working_days=[datetime.date(2025, 4, 27)])
    >>> cal.is_rest_day(datetime.date(2025, 4, 26)), cal.is_rest_day(datetime.date(2025, 4, 27))
    (True, False)
    """

    __slots__ = ("_rest", "_weekends", "_work")

    def __init__(
        self,
        rest_days: Iterable[datetime.date] = (),
        *,
        weekends: bool = False,
        working_days: Iterable[datetime.date] = (),
    ) -> None:
        self._rest = frozenset(rest_days)
        self._work = frozenset(working_days)
        self._weekends = weekends

    def is_rest_day(self, day: datetime.date) -> bool:
        """``True`` for a listed rest day, or a weekend day (when enabled) not listed as working.

        >>> FixedCalendar().is_rest_day(datetime.date(2025, 1, 4))
        False
        """
        if day in self._rest:
            return True
        return self._weekends and day.weekday() >= 5 and day not in self._work

    def __repr__(self) -> str:
        return f"FixedCalendar({len(self._rest)} rest days, weekends={self._weekends})"


class ChineseHolidayCalendar:
    """The official holiday schedule, from the ``chinesecalendar`` package.

    Args:
        weekends: count ordinary weekends as rest days (less the weekend days the
            schedule makes working days, 调休). Default ``True``; ``False``
            counts only the named public holidays.

    Raises :class:`~minzheng.errors.InvalidDate` for a day outside the years the
    installed package covers (update it for new schedules).

    >>> import datetime
    >>> cal = ChineseHolidayCalendar()
    >>> cal.is_rest_day(datetime.date(2025, 5, 2)), cal.is_rest_day(datetime.date(2025, 4, 27))
    (True, False)
    """

    __slots__ = ("_module", "_weekends")

    def __init__(self, *, weekends: bool = True) -> None:
        try:
            import chinese_calendar
        except ImportError as exc:  # pragma: no cover - exercised without the extra
            raise ImportError(
                "ChineseHolidayCalendar needs the 'calendar' extra: "
                "pip install 'minzheng[calendar]'"
            ) from exc
        self._module: Any = chinese_calendar
        self._weekends = weekends

    def is_rest_day(self, day: datetime.date) -> bool:
        """``True`` on a statutory holiday (and, with ``weekends``, on a non-working weekend day).

        >>> ChineseHolidayCalendar(weekends=False).is_rest_day(datetime.date(2025, 5, 10))
        False
        """
        try:
            if self._weekends:
                return bool(self._module.is_holiday(day))
            on_holiday, name = self._module.get_holiday_detail(day)
            return bool(on_holiday and name is not None)
        except NotImplementedError:
            raise InvalidDate(
                "deadline.calendar_range", field="calendar", params={"date": day}
            ) from None

    def __repr__(self) -> str:
        return f"ChineseHolidayCalendar(weekends={self._weekends})"
