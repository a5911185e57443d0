"""Age in completed years (周岁), with the conventions that differ between branches of law.

Civil-affairs rules count a person as N 周岁 **on** the N-th birthday (Civil Code
art. 1259: 以上 includes the boundary; DOMAIN.md §0 rule 3). Criminal-law practice
counts from the day after; choose with ``counts_from``.

A person born on 29 February has, in a common year, a birthday that does not
exist. By default it falls on 28 February — the Civil Code's rule for periods
(art. 203: with no corresponding day, the last day of the month ends the period);
``leap_day="mar_1"`` puts it on 1 March instead (dateutil's ``relativedelta``
behaviour).

>>> import datetime
>>> age_on(datetime.date(1949, 12, 31), datetime.date(2025, 12, 31))
76
>>> age_on(datetime.date(2000, 2, 29), datetime.date(2021, 2, 28))
21
>>> age_on(datetime.date(2000, 2, 29), datetime.date(2021, 2, 28), leap_day="mar_1")
20
"""

from __future__ import annotations

import datetime
from typing import Literal

from minzheng.errors import InvalidDate
from minzheng.privacy import mask_date

__all__ = ["AgeCountsFrom", "LeapDayBirthday", "age_on", "birthday_in"]

LeapDayBirthday = Literal["feb_28", "mar_1"]
AgeCountsFrom = Literal["birthday", "day_after"]


def birthday_in(
    birth: datetime.date, year: int, *, leap_day: LeapDayBirthday = "feb_28"
) -> datetime.date:
    """The date the birthday falls on in ``year``.

    >>> birthday_in(datetime.date(2000, 2, 29), 2023), birthday_in(datetime.date(2000, 2, 29), 2024)
    (datetime.date(2023, 2, 28), datetime.date(2024, 2, 29))
    """
    try:
        return birth.replace(year=year)
    except ValueError:  # 29 February in a common year
        return datetime.date(year, 2, 28) if leap_day == "feb_28" else datetime.date(year, 3, 1)


def age_on(
    birth: datetime.date,
    on: datetime.date,
    *,
    leap_day: LeapDayBirthday = "feb_28",
    counts_from: AgeCountsFrom = "birthday",
) -> int:
    """Completed years of age (周岁) of a person born on ``birth``, on the date ``on``.

    Raises :class:`~minzheng.errors.InvalidDate` when ``on`` is before ``birth``.

    >>> b = datetime.date(2003, 5, 10)
    >>> age_on(b, datetime.date(2025, 5, 10))
    22
    >>> age_on(b, datetime.date(2025, 5, 10), counts_from="day_after")
    21
    """
    for name, value in (("birth", birth), ("on", on)):
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            raise InvalidDate("date.type", field=name, value=value)
    if on < birth:
        raise InvalidDate(
            "age.before_birth", field="on", params={"on": on, "birth": mask_date(birth)}
        )
    years = on.year - birth.year
    birthday = birthday_in(birth, on.year, leap_day=leap_day)
    if on < birthday or (counts_from == "day_after" and on == birthday):
        years -= 1
    return max(years, 0)
