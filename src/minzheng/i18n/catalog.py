"""gettext catalogues: the translations of minzheng's labels and messages.

The msgid of every entry is the official Simplified Chinese text (so ``zh_Hans``
needs no catalogue); the msgctxt says what kind of text it is — the enum class
name for labels (``Sex``, ``DisabilityCategory``), ``error`` for error
messages, ``CountUnit`` / ``CountUnit.one`` for counting units. The catalogues
are ``locale/<locale>/LC_MESSAGES/minzheng.po`` beside this module, read with
Babel on first use and kept for the life of the process. ``scripts/update_catalogs.py``
extracts new entries and drafts ``zh_Hant`` ones with OpenCC (drafts are marked
for review: mainland and Taiwan administrative terms differ).

>>> translate("女性", context="Sex", locale="en")
'Female'
>>> translate("女性", context="Sex", locale="zh_Hans")
'女性'
"""

from __future__ import annotations

import threading
from importlib import resources

from minzheng.i18n.locales import LocaleName, resolve_locale

__all__ = ["catalog_entries", "translate"]

_DOMAIN = "minzheng"
_lock = threading.Lock()
_cache: dict[str, dict[tuple[str | None, str], str]] = {}


def _po_path(locale: LocaleName) -> resources.abc.Traversable:
    return resources.files("minzheng.i18n") / "locale" / locale / "LC_MESSAGES" / f"{_DOMAIN}.po"


def catalog_entries(locale: object) -> dict[tuple[str | None, str], str]:
    """All translated entries of a locale's catalogue: ``{(msgctxt, msgid): msgstr}``.

    Untranslated and fuzzy entries are left out. ``zh_Hans`` has no catalogue.

    >>> entries = catalog_entries("en")
    >>> entries[("DisabilityGrade", "一级")]
    'Grade 1'
    """
    name = resolve_locale(locale)
    if name == "zh_Hans":
        return {}
    found = _cache.get(name)
    if found is not None:
        return found
    with _lock:
        found = _cache.get(name)
        if found is None:
            from babel.messages.pofile import read_po

            with _po_path(name).open("rb") as fh:
                catalog = read_po(fh, locale=name.replace("zh_Hant", "zh_Hant_TW"), domain=_DOMAIN)
            found = {
                (msg.context, str(msg.id)): str(msg.string)
                for msg in catalog
                if msg.id and msg.string and not msg.fuzzy
            }
            _cache[name] = found
    return found


def translate(msgid: str, *, context: str | None = None, locale: object = None) -> str:
    """The translation of ``msgid`` (official Simplified Chinese) in ``locale``.

    Falls back to the Simplified Chinese text when an entry is missing (the test
    suite fails on any missing entry, so this happens only for new text).

    >>> translate("一级", context="DisabilityGrade", locale="zh_Hant")
    '一級'
    """
    name = resolve_locale(locale)
    if name == "zh_Hans":
        return msgid
    return catalog_entries(name).get((context, msgid), msgid)
