"""``CodeEnum``: the base of every code list — value = official code, ``term`` = official term."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any, Self

from minzheng.errors import UnknownCode

__all__ = ["MAX_CODE_CHARS", "CodeEnum", "all_code_enums"]

#: The longest code or term ``from_code``/``from_term`` read (longer text is unknown unread).
MAX_CODE_CHARS = 128

_REGISTRY: list[type[CodeEnum]] = []


class CodeEnum(StrEnum):
    """A code list whose values are the official codes and whose terms are the official words.

    Each member is declared as ``NAME = "code", "官方术语"``; the member *is* its code
    (a ``str``), ``member.term`` is the official Simplified Chinese term (the msgid of
    its label in the gettext catalogues) and ``member.label(locale)`` the label in
    ``zh_Hans``, ``zh_Hant`` or ``en``.

    >>> from minzheng.codes import Sex
    >>> Sex.FEMALE == "2", Sex.FEMALE.term, Sex.FEMALE.label("en")
    (True, '女性', 'Female')
    >>> Sex.from_code("1") is Sex.MALE
    True
    """

    term: str

    def __new__(cls, code: str, term: str = "") -> Self:  # term defaults only for lookups
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj.term = term
        return obj

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _REGISTRY.append(cls)

    @classmethod
    def field_name(cls) -> str:
        """The snake-case name used as the error ``field`` and code prefix.

        >>> from minzheng.codes import MaritalStatus
        >>> MaritalStatus.field_name()
        'marital_status'
        """
        return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()

    @classmethod
    def from_code(cls, code: object) -> Self:
        """The member with this official code, or :class:`~minzheng.errors.UnknownCode`.

        Surrounding spaces are ignored; an ``int`` is accepted for numeric codes
        when its decimal text is the code. Anything else — a text over
        :data:`MAX_CODE_CHARS` characters, ``None``, bytes — is an unknown code.

        >>> from minzheng.codes import DisabilityGrade
        >>> DisabilityGrade.from_code(2).term
        '二级'
        """
        text: str | None = None
        if isinstance(code, str) and len(code) <= MAX_CODE_CHARS:
            text = code.strip()
        elif isinstance(code, int) and not isinstance(code, bool) and 0 <= code < 10**9:
            text = str(code)
        if text is not None:
            try:
                return cls(text)
            except ValueError:
                pass
        raise UnknownCode(
            f"{cls.field_name()}.unknown",
            field=cls.field_name(),
            value=code,
            params={"code_list": cls.__name__},
        )

    @classmethod
    def from_term(cls, term: str) -> Self:
        """The member whose official term (or a label in any locale) is ``term``.

        >>> from minzheng.codes import DisabilityCategory
        >>> DisabilityCategory.from_term("肢体残疾").value
        '4'
        >>> DisabilityCategory.from_term("肢體殘疾").value
        '4'
        """
        if not isinstance(term, str) or len(term) > MAX_CODE_CHARS:
            raise UnknownCode(
                f"{cls.field_name()}.unknown",
                field=cls.field_name(),
                value=term,
                params={"code_list": cls.__name__},
            )
        wanted = term.strip()
        for member in cls:
            if wanted == member.term:
                return member
        for member in cls:
            if wanted in {member.label("zh_Hant"), member.label("en"), member.label("en").lower()}:
                return member
        raise UnknownCode(
            f"{cls.field_name()}.unknown",
            field=cls.field_name(),
            value=term,
            params={"code_list": cls.__name__},
        )

    def label(self, locale: object = "zh_Hans") -> str:
        """The label of this member in ``locale``.

        >>> from minzheng.codes import Sex
        >>> Sex.MALE.label("zh_Hant")
        '男性'
        """
        from minzheng.i18n import label

        return label(self, locale)


def all_code_enums() -> tuple[type[CodeEnum], ...]:
    """Every ``CodeEnum`` defined so far (import the packages you want listed first).

    >>> from minzheng.codes import Sex
    >>> Sex in all_code_enums()
    True
    """
    return tuple(_REGISTRY)
