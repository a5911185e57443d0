"""Statutory deadlines counted as the Civil Code counts them (arts. 200–204).

- The start day is not counted: a period of N days from ``start`` ends on
  ``start + N days`` (art. 201).
- A period of months or years ends on the corresponding day of the final month,
  or on its last day when it has no such day (art. 203).
- When the last day is a statutory rest day, the period ends on the day after
  the rest ends (art. 203) — given a holiday ``calendar``; without one, no day
  is moved.

Worked example (DOMAIN.md §11.2): a divorce application received on Monday
2025-03-03 — the cooling-off period ends 2025-04-02; the 30-day collection
window then ends 2025-05-02, which falls in the Labour Day holiday (1–5 May), so
it moves to 2025-05-06.

>>> import datetime
>>> from minzheng.dates.calendars import FixedCalendar
>>> labour_day = FixedCalendar(rest_days=[datetime.date(2025, 5, d) for d in range(1, 6)])
>>> ends = statutory_deadline(datetime.date(2025, 3, 3), days=30, calendar=labour_day)
>>> ends, statutory_deadline(ends, days=30, calendar=labour_day)
(datetime.date(2025, 4, 2), datetime.date(2025, 5, 6))
"""

from __future__ import annotations

import datetime

from dateutil.relativedelta import relativedelta

from minzheng.dates.calendars import HolidayCalendar
from minzheng.errors import InvalidDate, InvalidValue

__all__ = ["add_working_days", "next_working_day", "statutory_deadline"]

_MAX_SHIFT = 60  # no rest period is longer; guards against a calendar that never ends


def next_working_day(day: datetime.date, calendar: HolidayCalendar) -> datetime.date:
    """``day`` itself if it is not a rest day, else the first day after the rest ends.

    >>> from minzheng.dates.calendars import FixedCalendar
    >>> next_working_day(datetime.date(2025, 1, 4), FixedCalendar(weekends=True))
    datetime.date(2025, 1, 6)
    """
    current = day
    for _ in range(_MAX_SHIFT):
        if not calendar.is_rest_day(current):
            return current
        current += datetime.timedelta(days=1)
    raise InvalidDate("deadline.calendar_range", field="calendar", params={"date": current})


def statutory_deadline(
    start: datetime.date,
    *,
    days: int | None = None,
    months: int | None = None,
    years: int | None = None,
    calendar: HolidayCalendar | None = None,
) -> datetime.date:
    """The last day of a period of ``days``, ``months`` or ``years`` beginning after ``start``.

    Exactly one of ``days``, ``months`` and ``years`` must be given, as a
    non-negative integer.

    >>> statutory_deadline(datetime.date(2025, 1, 31), months=1)
    datetime.date(2025, 2, 28)
    >>> statutory_deadline(datetime.date(2024, 2, 29), years=1)
    datetime.date(2025, 2, 28)
    >>> statutory_deadline(datetime.date(2025, 1, 1))
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidValue: period：须且只能给出days、months、years之一，且为非负整数
    """
    given = [
        (k, v) for k, v in (("days", days), ("months", months), ("years", years)) if v is not None
    ]
    if (
        len(given) != 1
        or isinstance(given[0][1], bool)
        or not isinstance(given[0][1], int)
        or given[0][1] < 0
    ):
        raise InvalidValue("deadline.arguments", field="period")
    if not isinstance(start, datetime.date) or isinstance(start, datetime.datetime):
        raise InvalidDate("date.type", field="start", value=start)
    unit, count = given[0]
    if unit == "days":
        last = start + datetime.timedelta(days=count)
    elif unit == "months":
        last = start + relativedelta(months=count)
    else:
        last = start + relativedelta(years=count)
    return next_working_day(last, calendar) if calendar is not None else last


def add_working_days(start: datetime.date, days: int, calendar: HolidayCalendar) -> datetime.date:
    """The ``days``-th working day after ``start`` (the start day is not counted).

    Processing limits are often in working days (工作日): "30 working days from
    acceptance". What counts as a working day is the calendar's business.

    >>> from minzheng.dates.calendars import FixedCalendar
    >>> add_working_days(datetime.date(2025, 1, 3), 2, FixedCalendar(weekends=True))  # a Friday
    datetime.date(2025, 1, 7)
    """
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise InvalidValue("deadline.arguments", field="days")
    current = start
    remaining = days
    while remaining:
        current += datetime.timedelta(days=1)
        if not calendar.is_rest_day(current):
            remaining -= 1
    return current
