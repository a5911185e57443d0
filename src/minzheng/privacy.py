"""Masking of personal data for ``repr``, ``str``, errors and logs.

minzheng never prints an identity number, name, phone number or address in full
unless asked to: the value classes mask themselves, errors store masked values,
and these functions are what they use.

>>> mask_resident_id("11010519491231002X")
'110105********002X'
>>> mask_name("张三丰")
'张**'
>>> mask_phone("13812345678")
'138****5678'
"""

from __future__ import annotations

__all__ = ["mask_address", "mask_name", "mask_phone", "mask_resident_id", "mask_text"]


def mask_resident_id(text: str) -> str:
    """Keep the 6-digit address code and the last four characters, star the rest.

    Works for any length (an invalid number is masked too): numbers of 11 or more
    characters keep 6 + 4, shorter ones keep only their first character.

    >>> mask_resident_id("110105491231002")
    '110105*****1002'
    >>> mask_resident_id("36012119701121001343")
    '360121**********1343'
    >>> mask_resident_id("12345")
    '1****'
    """
    n = len(text)
    if n >= 11:
        return text[:6] + "*" * (n - 10) + text[-4:]
    if n <= 1:
        return "*" * n
    return text[0] + "*" * (n - 1)


def mask_name(text: str) -> str:
    """Keep the first character (the surname, usually) and star the rest.

    >>> mask_name("李")
    '*'
    >>> mask_name("欧阳娜娜")
    '欧***'
    """
    if len(text) <= 1:
        return "*" * len(text)
    return text[0] + "*" * (len(text) - 1)


def mask_phone(text: str) -> str:
    """Keep the first three and last four digits of a phone number.

    >>> mask_phone("0931-8888777")
    '093*****8777'
    """
    n = len(text)
    if n <= 7:
        return "*" * n
    return text[:3] + "*" * (n - 7) + text[-4:]


def mask_address(text: str) -> str:
    """Keep the first six characters of an address (roughly province and city).

    >>> mask_address("甘肃省天水市清水县永清镇东关村12号")
    '甘肃省天水市****'
    """
    return text[:6] + "****" if len(text) > 6 else "*" * len(text)


def mask_text(text: str) -> str:
    """Mask any personal value of unknown kind (the identity-number rule).

    >>> mask_text("11010519491231002X")
    '110105********002X'
    """
    return mask_resident_id(text)
