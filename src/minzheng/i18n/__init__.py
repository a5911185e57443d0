"""Labels and formatting in Simplified Chinese (canonical), Traditional Chinese and English.

>>> from decimal import Decimal
>>> from minzheng.codes import Sex
>>> label(Sex.FEMALE, "en"), format_money(Decimal("49397300"), "zh_Hant", unit="万元")
('Female', '4939.73萬元')
"""

from minzheng.i18n.catalog import catalog_entries, translate
from minzheng.i18n.formatting import (
    MoneyUnit,
    format_count,
    format_date,
    format_money,
    format_month,
    format_number,
    format_percent,
)
from minzheng.i18n.labels import label
from minzheng.i18n.locales import (
    DEFAULT_LOCALE,
    SUPPORTED_LOCALES,
    LocaleName,
    babel_locale,
    resolve_locale,
)
from minzheng.i18n.text import UI_TEXT, ui_text
from minzheng.i18n.units import CountUnit

__all__ = [
    "DEFAULT_LOCALE",
    "SUPPORTED_LOCALES",
    "UI_TEXT",
    "CountUnit",
    "LocaleName",
    "MoneyUnit",
    "babel_locale",
    "catalog_entries",
    "format_count",
    "format_date",
    "format_money",
    "format_month",
    "format_number",
    "format_percent",
    "label",
    "resolve_locale",
    "translate",
    "ui_text",
]
