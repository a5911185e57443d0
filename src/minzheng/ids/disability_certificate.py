"""Disability certificate number 残疾人证号: identity number + category digit + grade digit.

Twenty characters: the holder's 18-character identity number, the GB/T 26341
category (1 视力 … 7 多重) and grade (1 … 4). DOMAIN.md §1.5, §8.1. Masked like
the identity number it contains.

>>> cert = DisabilityCertificateNo.parse("36012119701121001343")
>>> cert, cert.category.term, cert.grade.term, cert.is_severe
(DisabilityCertificateNo('360121**********1343'), '肢体残疾', '三级', False)
"""

from __future__ import annotations

from typing import Self

import attrs

from minzheng._validators import typed_fields
from minzheng.codes import DisabilityCategory, DisabilityGrade
from minzheng.errors import InvalidComponent, InvalidFormat, InvalidLength, InvalidValue
from minzheng.ids import resident_id as _rid
from minzheng.ids.resident_id import ResidentId
from minzheng.privacy import mask_resident_id

__all__ = [
    "MAX_TEXT_CHARS",
    "DisabilityCertificateNo",
    "compact",
    "format",
    "get_category",
    "get_grade",
    "get_resident_id",
    "is_valid",
    "validate",
]

_FIELD = "disability_certificate"
#: The longest text (separators included) a certificate-number parser reads.
MAX_TEXT_CHARS = 64


def _error(cls: type[InvalidValue], reason: str, value: str, **params: object) -> InvalidValue:
    """An error about a certificate number; the number (it holds an identity number) is masked."""
    return cls(
        f"disability_certificate.{reason}", field=_FIELD, value=value, personal=True, params=params
    )


def compact(number: str) -> str:
    """Strip spaces and hyphens; upper-case the ``x``.

    A text over :data:`MAX_TEXT_CHARS` characters is refused unread
    (:class:`~minzheng.errors.InvalidLength`).

    >>> compact("360121197011210013 4 3")
    '36012119701121001343'
    """
    if not isinstance(number, str):
        raise InvalidFormat(
            "disability_certificate.type", field=_FIELD, value=type(number).__name__
        )
    if len(number) > MAX_TEXT_CHARS:
        raise _error(InvalidLength, "length", number, length=len(number))
    return _rid.compact(number)


def validate(number: str) -> str:
    """Check a certificate number (its identity number, category and grade); return it compact.

    >>> validate("36012119701121001383")
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidComponent: disability_certificate：残疾类别代码8无效（应为1至7）：...
    """
    if not isinstance(number, str):
        raise InvalidFormat(
            "disability_certificate.type", field=_FIELD, value=type(number).__name__
        )
    text = compact(number)
    if len(text) != 20:
        raise _error(InvalidLength, "length", text, length=len(text))
    _rid.validate(text[:18])
    category, grade = text[18], text[19]
    if category not in DisabilityCategory._value2member_map_:
        raise _error(InvalidComponent, "category", text, digit=category)
    if grade not in DisabilityGrade._value2member_map_:
        raise _error(InvalidComponent, "grade", text, digit=grade)
    return text


def is_valid(number: object) -> bool:
    """``True`` for a valid certificate number; never raises.

    >>> is_valid("36012119701121001343"), is_valid("3601211970112100134")
    (True, False)
    """
    try:
        validate(number)  # type: ignore[arg-type]
    except InvalidValue:
        return False
    return True


def format(number: str) -> str:
    """The compact, validated form.

    >>> mask_resident_id(format(" 36012119701121001343 "))
    '360121**********1343'
    """
    return validate(number)


def get_resident_id(number: str) -> ResidentId:
    """The holder's identity number.

    >>> get_resident_id("36012119701121001343")
    ResidentId('360121********0013')
    """
    return ResidentId(validate(number)[:18])


def get_category(number: str) -> DisabilityCategory:
    """The disability category (digit 19).

    >>> get_category("36012119701121001343").value
    '4'
    """
    return DisabilityCategory(validate(number)[18])


def get_grade(number: str) -> DisabilityGrade:
    """The disability grade (digit 20).

    >>> get_grade("36012119701121001343").value
    '3'
    """
    return DisabilityGrade(validate(number)[19])


def _validate_value(
    instance: DisabilityCertificateNo, attribute: attrs.Attribute[str], value: str
) -> None:
    if not isinstance(value, str) or validate(value) != value:
        raise InvalidFormat(
            "disability_certificate.format", field=_FIELD, value=str(value), personal=True
        )


@attrs.frozen(repr=False, field_transformer=typed_fields)
class DisabilityCertificateNo:
    """A valid disability certificate number, masked in ``str`` and ``repr``.

    >>> cert = DisabilityCertificateNo.parse("36012119701121001343")
    >>> cert.resident_id.birth_date
    datetime.date(1970, 11, 21)
    """

    value: str = attrs.field(validator=_validate_value)

    @classmethod
    def parse(cls, text: str) -> Self:
        """Parse and validate a number as written.

        >>> DisabilityCertificateNo.parse("36012119701121001321").grade.is_severe
        True
        """
        return cls(validate(text))

    @staticmethod
    def is_valid(text: object) -> bool:
        """``True`` when ``text`` parses; never raises.

        >>> DisabilityCertificateNo.is_valid("36012119701121001343")
        True
        """
        return is_valid(text)

    @property
    def resident_id(self) -> ResidentId:
        """The holder's identity number (first 18 characters).

        >>> DisabilityCertificateNo("36012119701121001343").resident_id.sex.term
        '男性'
        """
        return ResidentId(self.value[:18])

    @property
    def category(self) -> DisabilityCategory:
        """The disability category (digit 19).

        >>> DisabilityCertificateNo("36012119701121001343").category
        <DisabilityCategory.PHYSICAL: '4'>
        """
        return DisabilityCategory(self.value[18])

    @property
    def grade(self) -> DisabilityGrade:
        """The disability grade (digit 20).

        >>> DisabilityCertificateNo("36012119701121001343").grade
        <DisabilityGrade.THIRD: '3'>
        """
        return DisabilityGrade(self.value[19])

    @property
    def is_severe(self) -> bool:
        """Grades 1–2 (重度残疾).

        >>> DisabilityCertificateNo("36012119701121001311").is_severe
        True
        """
        return self.grade.is_severe

    def __str__(self) -> str:
        return mask_resident_id(self.value)

    def __repr__(self) -> str:
        return f"DisabilityCertificateNo('{mask_resident_id(self.value)}')"
