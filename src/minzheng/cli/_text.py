"""Moved to :mod:`minzheng.i18n.text`; kept so that an import of ``t`` keeps working."""

from __future__ import annotations

from minzheng.i18n.text import UI_TEXT
from minzheng.i18n.text import ui_text as t

__all__ = ["UI_TEXT", "t"]
