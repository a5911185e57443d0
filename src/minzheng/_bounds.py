"""Domain bounds of the integer fields of records (ages, months, counts), as one validator.

Every integer a record holds has a documented range, so that a hostile input (a
household of 10**100000 persons) is refused where the record is built:

=====================  ===============  =============================================
bound                  range            fields
=====================  ===============  =============================================
:data:`MAX_AGE`        0–150            ages in policies and rules
:data:`MAX_MONTHS`     0–1200           spans in months (review, gradual exit, …)
:data:`MAX_PERSONS`    0–999            persons, children, vehicles, houses
:data:`MAX_COUNT`      0–10**9          beds, meals, assets, counted facts (±)
:data:`MAX_SCORE`      0–10000          grading and evaluation scores
:data:`MAX_ARTICLE`    0–10000          article and paragraph numbers
years                  1900–2200        calendar years
=====================  ===============  =============================================
"""

from __future__ import annotations

from typing import Any

from minzheng.errors import InvalidValue

__all__ = [
    "MAX_AGE",
    "MAX_ARTICLE",
    "MAX_COUNT",
    "MAX_DAYS",
    "MAX_MONTHS",
    "MAX_PERSONS",
    "MAX_SCORE",
    "within",
]

MAX_AGE = 150
MAX_MONTHS = 1200
MAX_DAYS = 36_600
MAX_PERSONS = 999
MAX_COUNT = 10**9
MAX_SCORE = 10_000
MAX_ARTICLE = 10_000


def within(low: int, high: int) -> Any:
    """An attrs validator: an ``int`` (not a ``bool``) from ``low`` to ``high``; ``None`` passes.

    >>> import attrs
    >>> @attrs.frozen
    ... class Band:
    ...     age: int = attrs.field(validator=within(0, MAX_AGE))
    >>> Band(10**30)
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidValue: age：应为0至150的整数：…
    """

    def check(_: Any, attribute: Any, value: Any) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            shown = "…" if isinstance(value, int) and abs(value) >= 10**12 else repr(value)[:40]
            raise InvalidValue(
                "value.range",
                field=attribute.name,
                value=shown,
                params={"min": low, "max": high},
            )

    return check
