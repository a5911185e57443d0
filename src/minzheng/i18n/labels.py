"""Labels of code-list members in each supported locale.

>>> from minzheng.codes import MaritalStatus
>>> divorced = MaritalStatus.DIVORCED
>>> label(divorced), label(divorced, "zh_Hant"), label(divorced, "en")
('离婚', '離婚', 'Divorced')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minzheng.i18n.catalog import translate

if TYPE_CHECKING:
    from minzheng.codes import CodeEnum

__all__ = ["label"]


def label(member: CodeEnum, locale: object = "zh_Hans") -> str:
    """The label of a code-list member: its official term in ``zh_Hans``, a translation otherwise.

    The catalogue entry's msgctxt is the enum class name, its msgid the term.

    >>> from minzheng.codes import Sex
    >>> label(Sex.NOT_STATED, "en")
    'Not stated'
    """
    return translate(member.term, context=type(member).__name__, locale=locale)
