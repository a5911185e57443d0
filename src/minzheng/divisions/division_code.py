"""GB/T 2260 six-digit division codes with python-stdnum's face.

``validate`` checks the shape and that the code is in the historical table (in
force in ``year`` when given); the getters derive levels and parents.

>>> validate("620521"), get_name("620521"), get_level("620500").value
('620521', '清水县', 'prefecture')
>>> is_valid("621599"), is_valid("110228", year=2016)
(False, False)
"""

from __future__ import annotations

from minzheng.divisions.division import Division, DivisionLevel
from minzheng.errors import InvalidFormat, InvalidValue, UnknownCode

__all__ = [
    "compact",
    "format",
    "get_level",
    "get_name",
    "get_province_code",
    "is_valid",
    "validate",
]


def compact(code: str) -> str:
    """Strip spaces.

    >>> compact(" 620 521 ")
    '620521'
    """
    if not isinstance(code, str):
        raise InvalidFormat("division.format", field="division", value=code)
    if len(code) > 64:  # a code is 6 digits; do not read a long text
        raise InvalidFormat("division.format", field="division", value=code)
    return code.replace(" ", "").strip()


def _entry(code: str, year: int | None) -> Division:
    from minzheng.divisions._registry import registry

    return registry().get(compact(code), year)


def validate(code: str, *, year: int | None = None) -> str:
    """The compact code, if it is in the table (in force in ``year`` when given).

    Raises :class:`~minzheng.errors.InvalidFormat` for a non-6-digit code and
    :class:`~minzheng.errors.UnknownCode` for one not in the table.

    >>> validate("110228", year=2016)
    Traceback (most recent call last):
    ...
    minzheng.errors.UnknownCode: division：行政区划代码110228在2016年不存在
    """
    return _entry(code, year).code


def is_valid(code: object, *, year: int | None = None) -> bool:
    """``True`` when the code is known (in ``year``); never raises.

    >>> is_valid("620724")
    True
    """
    try:
        validate(code, year=year)  # type: ignore[arg-type]
    except (InvalidValue, UnknownCode):
        return False
    return True


def format(code: str) -> str:
    """The compact, validated code.

    >>> format("620 724")
    '620724'
    """
    return validate(code)


def get_name(code: str, *, year: int | None = None) -> str:
    """The name the code carried (in ``year``; the latest when ``None``).

    >>> get_name("120110", year=1990), get_name("120110")
    ('东郊区', '东丽区')
    """
    return _entry(code, year).name


def get_level(code: str) -> DivisionLevel:
    """The level by the code's shape.

    >>> get_level("110000").value
    'province'
    """
    return _entry(code, None).level


def get_province_code(code: str) -> str:
    """The province code (first two digits + ``0000``).

    >>> get_province_code("620521")
    '620000'
    """
    return _entry(code, None).code[:2] + "0000"
