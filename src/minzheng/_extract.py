"""What the catalogues must hold: every translatable message in minzheng, with its context.

It sits outside the layers because it reads them all (labels, errors, command-line text).
Used by ``scripts/update_catalogs.py`` to refresh the ``.po`` files and by the
test suite to prove that every label and message is translated in every locale.
"""

from __future__ import annotations

import importlib

__all__ = ["LABEL_MODULES", "messages"]

#: Modules whose import defines every ``CodeEnum``.
LABEL_MODULES = (
    "minzheng.codes",
    "minzheng.ids",
    "minzheng.divisions",
    "minzheng.i18n.units",
    "minzheng.rules",
    "minzheng.programmes",
    "minzheng.people",
    "minzheng.assistance",
    "minzheng.welfare",
    "minzheng.payments",
    "minzheng.care",
    "minzheng.registration",
    "minzheng.stats",
)


def messages() -> list[tuple[str, str]]:
    """``(msgctxt, msgid)`` for every label and error template, in a stable order."""
    for name in LABEL_MODULES:
        importlib.import_module(name)
    from minzheng._messages import MESSAGES
    from minzheng.codes import all_code_enums

    found: list[tuple[str, str]] = []
    for enum_cls in all_code_enums():
        if enum_cls.__module__.startswith("minzheng."):
            found.extend((enum_cls.__name__, member.term) for member in enum_cls)
            if enum_cls.__name__ == "CountUnit":
                found.extend(("CountUnit.one", member.term) for member in enum_cls)
    found.extend(("error", template) for template in MESSAGES.values())
    from minzheng.rules.templates import DECISION_TEXT, REASON_TEMPLATES, ROUNDING_TERMS

    found.extend(("reason", template) for template in REASON_TEMPLATES.values())
    found.extend(("decision", text) for text in DECISION_TEXT)
    found.extend(("rounding", text) for text in ROUNDING_TERMS.values())
    from minzheng.stats.sentences import PROGRAMME_SHORT, SENTENCE_TEXT

    found.extend(("Programme.short", text) for text in PROGRAMME_SHORT.values())
    found.extend(("sentence", text) for text in SENTENCE_TEXT)
    from minzheng.i18n.text import UI_TEXT

    found.extend(("cli", text) for text in UI_TEXT)
    seen: set[tuple[str, str]] = set()
    unique = []
    for item in found:
        if item not in seen:
            seen.add(item)
            unique.append(item)
    return unique
