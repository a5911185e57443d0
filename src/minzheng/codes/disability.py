"""Disability category and grade — GB/T 26341-2010《残疾人残疾分类和分级》.

The category digit and grade digit are the last two characters of the 20-character
disability certificate number (DOMAIN.md §8.1); the category order follows the
standard (视力 1, 听力 2, 言语 3, 肢体 4, 智力 5, 精神 6, 多重 7). "重度残疾人" means
grades 1–2.

>>> DisabilityGrade.SECOND.is_severe, DisabilityGrade.THIRD.is_severe
(True, False)
"""

from __future__ import annotations

from minzheng.codes._base import CodeEnum

__all__ = ["DisabilityCategory", "DisabilityGrade"]


class DisabilityCategory(CodeEnum):
    """GB/T 26341 disability category (certificate digit 19).

    >>> DisabilityCategory.from_code("5").label("en")
    'Intellectual disability'
    """

    VISUAL = "1", "视力残疾"
    HEARING = "2", "听力残疾"
    SPEECH = "3", "言语残疾"
    PHYSICAL = "4", "肢体残疾"
    INTELLECTUAL = "5", "智力残疾"
    MENTAL = "6", "精神残疾"
    MULTIPLE = "7", "多重残疾"

    @property
    def is_intellectual_or_mental(self) -> bool:
        """Intellectual or mental — the categories several rules treat apart (§4.6, §8.2).

        >>> DisabilityCategory.MENTAL.is_intellectual_or_mental
        True
        """
        return self in (DisabilityCategory.INTELLECTUAL, DisabilityCategory.MENTAL)


class DisabilityGrade(CodeEnum):
    """GB/T 26341 disability grade: 一级 (most severe) to 四级 (certificate digit 20).

    >>> DisabilityGrade.FIRST.number
    1
    """

    FIRST = "1", "一级"
    SECOND = "2", "二级"
    THIRD = "3", "三级"
    FOURTH = "4", "四级"

    @property
    def number(self) -> int:
        """The grade as a number, 1 (most severe) to 4.

        >>> DisabilityGrade.FOURTH.number
        4
        """
        return int(self.value)

    @property
    def is_severe(self) -> bool:
        """Grades 1–2 are "重度残疾" (severe disability).

        >>> DisabilityGrade.FIRST.is_severe
        True
        """
        return self.number <= 2
