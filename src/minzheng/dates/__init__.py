"""Dates: months as values, age in completed years, statutory deadlines, holiday calendars.

No function here reads the clock: every date is an argument.

>>> import datetime
>>> Month.parse("2025-03").last_day
datetime.date(2025, 3, 31)
>>> age_on(datetime.date(1965, 6, 1), datetime.date(2025, 6, 1))
60
>>> statutory_deadline(datetime.date(2025, 3, 3), days=30)
datetime.date(2025, 4, 2)
"""

from minzheng.dates.age import AgeCountsFrom, LeapDayBirthday, age_on, birthday_in
from minzheng.dates.calendars import ChineseHolidayCalendar, FixedCalendar, HolidayCalendar
from minzheng.dates.deadlines import add_working_days, next_working_day, statutory_deadline
from minzheng.dates.month import Month, MonthRange

__all__ = [
    "AgeCountsFrom",
    "ChineseHolidayCalendar",
    "FixedCalendar",
    "HolidayCalendar",
    "LeapDayBirthday",
    "Month",
    "MonthRange",
    "add_working_days",
    "age_on",
    "birthday_in",
    "next_working_day",
    "statutory_deadline",
]
