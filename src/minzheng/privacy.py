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
>>> mask_date(datetime.date(1949, 12, 31))
'1949-**-**'

Birth dates are personal data too: with the masked identity number they give
back the eight stars, so records show the year at most (:func:`mask_date`).

The statistics identify persons and households by **pseudonyms**: a keyed hash
(HMAC-SHA256) of the raw key, see :class:`Pseudonymizer`. Equal keys give equal
pseudonyms under one key, so distinct counts stay exact; without the key the raw
value cannot be recovered or confirmed by guessing.

>>> p = Pseudonymizer(b"a secret key of the bureau, 32 B")
>>> p("11010519491231002X")
'd4fbbb6a0906f51156dacf37'
>>> p("11010519491231002X") == p("11010519491231002X"), p("")
(True, '')
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import re
import secrets
import threading
from collections.abc import Iterable
from typing import Literal, TypeAlias

__all__ = [
    "DEFAULT_PSEUDONYM_LENGTH",
    "KeyPolicy",
    "Pseudonymizer",
    "default_pseudonymizer",
    "mask_address",
    "mask_date",
    "mask_name",
    "mask_numbers",
    "mask_phone",
    "mask_resident_id",
    "mask_text",
    "pseudonym",
    "repr_date",
    "repr_key",
    "repr_keys",
    "repr_name",
    "resolve_keys",
]


def mask_resident_id(text: str) -> str:
    """Keep the 6-digit address code and the last four characters, star the rest.

    Works for any length (an invalid number is masked too): numbers of 16 or more
    characters keep 6 + 4 — the stars cover the eight birth-date digits; a
    15-digit legacy number keeps 6 + 3 (its six birth-date digits end just
    before the 3-digit sequence code); 11 to 14 characters (a phone number typed
    into the identity column, a number cut short) keep 3 + 4 like
    :func:`mask_phone`; shorter ones keep only their first character.

    >>> mask_resident_id("110105491231002")
    '110105******002'
    >>> mask_resident_id("36012119701121001343")
    '360121**********1343'
    >>> mask_resident_id("13812345678")
    '138****5678'
    >>> mask_resident_id("12345")
    '1****'
    """
    n = len(text)
    if n == 15:
        return text[:6] + "*" * 6 + text[-3:]
    if n >= 16:
        return text[:6] + "*" * (n - 10) + text[-4:]
    if n >= 11:
        return text[:3] + "*" * (n - 7) + text[-4:]
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


def mask_date(value: datetime.date | None) -> str:
    """A birth date with month and day starred: the year is all a log line needs.

    >>> mask_date(datetime.date(1985, 2, 10)), mask_date(None)
    ('1985-**-**', 'None')
    """
    return "None" if value is None else f"{value.year:04d}-**-**"


def repr_date(value: datetime.date | None) -> str:
    """The ``repr`` hook for a birth-date field of an ``attrs`` record (see :func:`mask_date`).

    >>> repr_date(datetime.date(1985, 2, 10))
    "'1985-**-**'"
    """
    return "None" if value is None else repr(mask_date(value))


def repr_name(value: str | None) -> str:
    """The ``repr`` hook for a name field of an ``attrs`` record (see :func:`mask_name`).

    >>> repr_name("王建国"), repr_name(None)
    ("'王**'", 'None')
    """
    return "None" if value is None else repr(mask_name(value))


_NUMBERS = re.compile(r"[0-9]{11,}[Xx]?|0[0-9]{2,3}-[0-9]{7,8}")


def mask_numbers(text: str) -> str:
    """Mask every identity, certificate or phone number inside ``text`` (runs of 11+ digits).

    >>> mask_numbers("户主 11010519491231002X，电话 13812345678，0931-8888777")
    '户主 110105********002X，电话 138****5678，093*****8777'
    >>> mask_numbers("H1")
    'H1'
    """
    return _NUMBERS.sub(lambda m: mask_text(m.group(0)), text)


def repr_key(value: str | None) -> str:
    """The ``repr`` hook for a person or household key, which may be an identity number.

    Keys such as ``"P1"`` or ``"HH-0007"`` show as they are; identity and phone
    numbers in them are masked (:func:`mask_numbers`).

    >>> repr_key("11010519491231002X"), repr_key("P1"), repr_key(None)
    ("'110105********002X'", "'P1'", 'None')
    """
    return "None" if value is None else repr(mask_numbers(value))


def repr_keys(values: Iterable[str]) -> str:
    """The ``repr`` hook for a set or tuple of person keys (see :func:`repr_key`).

    >>> repr_keys(frozenset({"11010519491231002X"})), repr_keys(("P1", "P2"))
    ("frozenset({'110105********002X'})", "('P1', 'P2')")
    """
    masked = [mask_numbers(v) for v in values]
    if isinstance(values, frozenset | set):
        inner = ", ".join(repr(v) for v in sorted(masked))
        return f"{type(values).__name__}({{{inner}}})" if masked else f"{type(values).__name__}()"
    return repr(type(values)(masked)) if isinstance(values, tuple | list) else repr(masked)


#: Hex characters kept of the HMAC-SHA256 digest: 24 (96 bits). Among 10^8 distinct
#: keys the chance that any two share a pseudonym is about n²/2^97 ≈ 6·10^-14.
DEFAULT_PSEUDONYM_LENGTH = 24


class Pseudonymizer:
    """Keyed pseudonyms for person and household keys: HMAC-SHA256, hex, truncated.

    ``key`` (bytes, or text taken as UTF-8) makes pseudonyms reproducible across
    runs and machines — keep it secret, like a password: whoever holds it can
    confirm a guessed identity number. Without a key a random 32-byte key is drawn
    (:func:`secrets.token_bytes`), so pseudonyms are stable only within this
    object. ``length`` hex characters are kept (16–64; default
    :data:`DEFAULT_PSEUDONYM_LENGTH`). The empty key (no one) stays empty.

    >>> p = Pseudonymizer("county secret 2025")
    >>> p("620521198502101233")
    '9f2b02788184225248e99a98'
    >>> Pseudonymizer("county secret 2025", length=16)("620521198502101233")
    '9f2b027881842252'
    >>> p
    Pseudonymizer(key=<hidden>, length=24)
    >>> len(Pseudonymizer()("620521198502101233"))
    24
    """

    __slots__ = ("_key", "length")

    def __init__(self, key: bytes | str | None = None, *, length: int = DEFAULT_PSEUDONYM_LENGTH):
        from minzheng.errors import InvalidValue

        if key is None:
            key = secrets.token_bytes(32)
        elif isinstance(key, str):
            key = key.encode("utf-8")
        elif not isinstance(key, bytes):
            raise InvalidValue("value.invalid", field="key", value=type(key).__name__)
        if not key:
            raise InvalidValue("value.invalid", field="key", value="")
        if not isinstance(length, int) or isinstance(length, bool) or not 16 <= length <= 64:
            raise InvalidValue("value.invalid", field="length", value=str(length))
        self._key: bytes = key
        self.length: int = length

    def __call__(self, value: str) -> str:
        """The pseudonym of one raw key (``""`` for ``""``).

        >>> Pseudonymizer("k")("P1") == Pseudonymizer("k")("P1") != Pseudonymizer("k2")("P1")
        True
        """
        if not value:
            return ""
        digest = hmac.new(self._key, str(value).encode("utf-8"), hashlib.sha256).hexdigest()
        return digest[: self.length]

    def many(self, values: Iterable[str]) -> list[str]:
        """Pseudonyms of many keys, each distinct key hashed once (for columns of a frame).

        >>> Pseudonymizer("k").many(["A", "A", ""]) == [Pseudonymizer("k")("A")] * 2 + [""]
        True
        """
        cache: dict[str, str] = {}
        out = []
        for value in values:
            found = cache.get(value)
            if found is None:
                found = cache[value] = self(value)
            out.append(found)
        return out

    def __repr__(self) -> str:
        return f"Pseudonymizer(key=<hidden>, length={self.length})"


_DEFAULT: Pseudonymizer | None = None
_DEFAULT_LOCK = threading.Lock()


def default_pseudonymizer() -> Pseudonymizer:
    """The process's own pseudonymizer (a random key drawn once per process).

    Facts built without a key use it, so their pseudonyms agree with each other
    within one run — but not with another run or machine: give a key for that.

    >>> default_pseudonymizer() is default_pseudonymizer()
    True
    """
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = Pseudonymizer()
        return _DEFAULT


def pseudonym(value: str, key: bytes | str | None = None) -> str:
    """The pseudonym of ``value`` under ``key`` (the process's key when ``None``).

    >>> pseudonym("620521198502101233", "county secret 2025")
    '9f2b02788184225248e99a98'
    >>> pseudonym("P1") == pseudonym("P1")
    True
    """
    maker = default_pseudonymizer() if key is None else Pseudonymizer(key)
    return maker(value)


#: How functions that build statistics facts key persons and households (``keys=``):
#: ``None`` — pseudonyms under the process's key; a :class:`Pseudonymizer` — pseudonyms
#: under its key (reproducible); ``"raw"`` — the raw keys (identity numbers included).
KeyPolicy: TypeAlias = Pseudonymizer | Literal["raw"] | None


def resolve_keys(keys: KeyPolicy) -> Pseudonymizer | None:
    """The pseudonymizer a ``keys=`` argument asks for; ``None`` for raw keys.

    >>> resolve_keys("raw") is None, resolve_keys(None) is default_pseudonymizer()
    (True, True)
    """
    from minzheng.errors import InvalidValue

    if keys is None:
        return default_pseudonymizer()
    if isinstance(keys, Pseudonymizer):
        return keys
    if keys == "raw":
        return None
    raise InvalidValue("value.invalid", field="keys", value=repr(keys)[:40])
