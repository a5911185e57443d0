"""Household-registration (户口) type.

The agricultural / non-agricultural distinction (农业 / 非农业家庭户口) was abolished
by the 2014 household-registration reform in favour of a unified 居民户口, but
bureau exports still carry it. The one-digit codes here are minzheng's own: the
official public-security code list was not verified (UNVERIFIED).

>>> HukouType.AGRICULTURAL.is_rural
True
"""

from __future__ import annotations

from minzheng.codes._base import CodeEnum

__all__ = ["HukouType"]


class HukouType(CodeEnum):
    """户口性质. Codes are minzheng's own (UNVERIFIED official list).

    >>> HukouType.RESIDENT.is_rural is None
    True
    """

    AGRICULTURAL = "1", "农业家庭户口"
    NON_AGRICULTURAL = "2", "非农业家庭户口"
    RESIDENT = "3", "居民户口"

    @property
    def is_rural(self) -> bool | None:
        """``True`` for agricultural, ``False`` for non-agricultural, ``None`` when unified.

        >>> HukouType.NON_AGRICULTURAL.is_rural
        False
        """
        if self is HukouType.AGRICULTURAL:
            return True
        if self is HukouType.NON_AGRICULTURAL:
            return False
        return None
