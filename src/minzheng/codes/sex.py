"""Sex — GB/T 2261.1-2003《个人基本信息分类与代码 第1部分：人的性别代码》.

The identity number says only male or female (odd or even sequence digit); the
standard also has codes for "unknown" and "not stated".

>>> Sex("2").term
'女性'
"""

from __future__ import annotations

from minzheng.codes._base import CodeEnum

__all__ = ["Sex"]


class Sex(CodeEnum):
    """GB/T 2261.1 sex code.

    >>> Sex.MALE.label("en")
    'Male'
    """

    UNKNOWN = "0", "未知的性别"
    MALE = "1", "男性"
    FEMALE = "2", "女性"
    NOT_STATED = "9", "未说明的性别"
