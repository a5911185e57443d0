"""Counting units of bureau statistics: 户, 人, 人次, 张, 家, 对 and others.

>>> CountUnit.HOUSEHOLD.term, CountUnit.HOUSEHOLD.label("en")
('户', 'households')
"""

from __future__ import annotations

from minzheng.codes import CodeEnum

__all__ = ["CountUnit"]


class CountUnit(CodeEnum):
    """A counting unit; its English label is the plural (singulars: context ``CountUnit.one``).

    >>> CountUnit.from_code("person_time").term
    '人次'
    """

    HOUSEHOLD = "household", "户"
    PERSON = "person", "人"
    PERSON_TIME = "person_time", "人次"
    BED = "bed", "张"
    INSTITUTION = "institution", "家"
    COUPLE = "couple", "对"
    CERTIFICATE = "certificate", "本"
    ITEM = "item", "个"
    CASE = "case", "件"
    HOUR = "hour", "小时"
