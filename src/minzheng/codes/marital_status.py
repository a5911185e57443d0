"""Marital status — GB/T 2261.2-2003《个人基本信息分类与代码 第2部分：婚姻状况代码》.

>>> MaritalStatus.FIRST_MARRIAGE.is_married
True
"""

from __future__ import annotations

from minzheng.codes._base import CodeEnum

__all__ = ["MaritalStatus"]


class MaritalStatus(CodeEnum):
    """GB/T 2261.2 marital-status code; 21–23 are subdivisions of 20 (已婚).

    >>> MaritalStatus.from_code("40").label("en")
    'Divorced'
    """

    UNMARRIED = "10", "未婚"
    MARRIED = "20", "已婚"
    FIRST_MARRIAGE = "21", "初婚"
    REMARRIED = "22", "再婚"
    REMARRIED_SAME_SPOUSE = "23", "复婚"
    WIDOWED = "30", "丧偶"
    DIVORCED = "40", "离婚"
    NOT_STATED = "90", "未说明的婚姻状况"

    @property
    def is_married(self) -> bool:
        """``True`` for 已婚 and its subdivisions 初婚, 再婚, 复婚.

        >>> MaritalStatus.WIDOWED.is_married
        False
        """
        return self.value.startswith("2")
