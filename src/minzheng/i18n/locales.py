"""Locale resolution: every request maps to one of ``zh_Hans``, ``zh_Hant`` or ``en``.

Babel's own negotiation picks the wrong one for Chinese
(``Locale.negotiate(['zh_TW', 'en'], ['zh_Hans_CN', 'en'])`` gives ``en``), so
minzheng resolves locales itself: a Chinese tag with the Hant script or a
Taiwan, Hong Kong or Macao region → ``zh_Hant``; any other Chinese tag →
``zh_Hans``; any other language → ``en`` (the only non-Chinese locale supported).

>>> [resolve_locale(tag) for tag in ("zh_TW", "zh-Hant-HK", "zh_SG", "fr_FR")]
['zh_Hant', 'zh_Hant', 'zh_Hans', 'en']
"""

from __future__ import annotations

import re
from typing import Literal

from minzheng.errors import UnknownCode

__all__ = [
    "DEFAULT_LOCALE",
    "MAX_LOCALE_CHARS",
    "SUPPORTED_LOCALES",
    "LocaleName",
    "babel_locale",
    "resolve_locale",
]

LocaleName = Literal["zh_Hans", "zh_Hant", "en"]

#: The canonical locale: msgids are the official Simplified Chinese terms.
DEFAULT_LOCALE: LocaleName = "zh_Hans"
#: The locales minzheng renders labels, messages and numbers in.
SUPPORTED_LOCALES: tuple[LocaleName, ...] = ("zh_Hans", "zh_Hant", "en")

_HANT_REGIONS = frozenset({"tw", "hk", "mo"})
_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
#: The longest locale tag read (BCP 47 advises supporting 35 characters).
MAX_LOCALE_CHARS = 64


def _is_babel_locale(value: object) -> bool:
    if type(value).__module__.split(".")[0] != "babel":
        return False
    from babel import Locale

    return isinstance(value, Locale)


_BABEL_IDS = {"zh_Hans": "zh_Hans_CN", "zh_Hant": "zh_Hant_TW", "en": "en"}


def resolve_locale(locale: object = None) -> LocaleName:
    """Map a locale tag (``str``, ``babel.Locale`` or ``None``) to a supported locale.

    ``None`` gives the default, ``zh_Hans``. Unparseable tags, tags over
    :data:`MAX_LOCALE_CHARS` characters and values of any other type raise
    :class:`~minzheng.errors.UnknownCode`.

    >>> [resolve_locale(tag) for tag in (None, "zh", "zh_Hant_TW", "en_GB")]
    ['zh_Hans', 'zh_Hans', 'zh_Hant', 'en']
    >>> resolve_locale("12")
    Traceback (most recent call last):
    ...
    minzheng.errors.UnknownCode: locale：不支持的语言区域：12
    """
    if locale is None:
        return DEFAULT_LOCALE
    if isinstance(locale, str):
        text = locale
    elif _is_babel_locale(locale):
        text = str(locale)
    else:
        raise UnknownCode("locale.unknown", field="locale", value=locale)
    if text in _BABEL_IDS:
        return text  # type: ignore[return-value]
    text = text.strip() if len(text) <= MAX_LOCALE_CHARS else ""
    if not _TAG.fullmatch(text):
        raise UnknownCode("locale.unknown", field="locale", value=text)
    parts = [p.lower() for p in re.split(r"[-_]", text)]
    if parts[0] != "zh":
        return "en"
    rest = parts[1:]
    if "hant" in rest:
        return "zh_Hant"
    if "hans" in rest:
        return "zh_Hans"
    return "zh_Hant" if _HANT_REGIONS.intersection(rest) else "zh_Hans"


def babel_locale(locale: object = None) -> str:
    """The Babel locale identifier used to format numbers and dates for ``locale``.

    >>> babel_locale("zh_TW")
    'zh_Hant_TW'
    """
    return _BABEL_IDS[resolve_locale(locale)]
