"""``Reason``: one step of a rule's argument — a stable code, its parameters and a citation.

Reason texts are templates keyed by code, in Simplified Chinese (the msgids;
translations in the catalogues, context ``reason``). Parameters are rendered
for the locale: rates as "715元/月" / "CNY 715 per month", dates in the
locale's long form, code-list members by their labels, Decimals as numbers.

>>> from minzheng.money import Rate
>>> from minzheng.rules import Citation, Instrument
>>> r = Reason(code="dibao.income_below_standard",
...            params={"income": Decimal("500"), "standard": Rate.monthly("715")},
...            citation=Citation(instrument=Instrument.INTERIM_MEASURES, article=9))
>>> r.render()
'家庭月人均收入500元，低于当地低保标准715元/月'
>>> r.render("en")
'monthly income per member CNY 500 is below the local dibao standard of CNY 715 per month'
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from minzheng._messages import SafeParams
from minzheng._validators import to_dict, typed_fields
from minzheng.codes import CodeEnum
from minzheng.i18n import format_date, format_number, resolve_locale, translate
from minzheng.money import Rate
from minzheng.rules.citations import Citation
from minzheng.rules.templates import REASON_TEMPLATES

__all__ = ["Reason", "Term", "format_rate", "render_param"]

_PER = {
    "zh_Hans": {"month": "元/月", "year": "元/年"},
    "zh_Hant": {"month": "元/月", "year": "元/年"},
}


@attrs.frozen(field_transformer=typed_fields)
class Term:
    """A reason parameter that is itself translatable text (msgid ``text`` in ``context``).

    >>> Term(text="向上取整到元", context="rounding").localised("en")
    'rounded up to the yuan'
    """

    text: str
    context: str

    def localised(self, locale: object = "zh_Hans") -> str:
        """The text in ``locale``."""
        return translate(self.text, context=self.context, locale=locale)

    def __str__(self) -> str:
        return self.text


def format_rate(rate: Rate, locale: object = "zh_Hans") -> str:
    """A rate as text: "715元/月", "CNY 715 per month".

    >>> format_rate(Rate.yearly("8580"), "en")
    'CNY 8,580 per year'
    """
    name = resolve_locale(locale)
    number = format_number(rate.amount, name, places=2)
    if name == "en":
        return f"CNY {number} per {rate.period.value}"
    return number + _PER[name][rate.period.value]


def render_param(value: object, locale: object = "zh_Hans") -> str:
    """One reason parameter as text in ``locale``.

    >>> render_param(datetime.date(2025, 1, 1), "en"), render_param(Decimal("1072.50"))
    ('January 1, 2025', '1072.5')
    """
    name = resolve_locale(locale)
    if isinstance(value, Rate):
        return format_rate(value, name)
    if isinstance(value, Term):
        return value.localised(name)
    if isinstance(value, CodeEnum):
        return value.label(name)
    if isinstance(value, datetime.date):
        return format_date(value, name)
    if isinstance(value, Decimal):
        return format_number(value, name, places=2)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_number(value, name)
    if isinstance(value, Citation):
        return value.render(name)
    if isinstance(value, list | tuple | frozenset | set):
        sep = ", " if name == "en" else "、"
        return sep.join(render_param(v, name) for v in value)
    return str(value)


def _freeze(params: Mapping[str, Any]) -> dict[str, Any]:
    return to_dict(params)  # type: ignore[no-any-return]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Reason:
    """A step of a decision: ``code`` (e.g. ``"dibao.income_below_standard"``), params, citation.

    ``met`` says whether the condition the reason states holds (``True``), fails
    (``False``) or is informational (``None``).

    >>> Reason(code="dibao.full_amount").render("en")
    'the household has no countable income: the full standard is paid'
    """

    code: str
    params: dict[str, Any] = attrs.field(factory=dict, converter=_freeze)
    citation: Citation | None = None
    met: bool | None = None

    def render(self, locale: object = "zh_Hans", *, with_citation: bool = False) -> str:
        """The reason as a sentence in ``locale``, optionally followed by its citation.

        >>> from minzheng.rules import Citation, Instrument
        >>> Reason(code="dibao.full_amount",
        ...        citation=Citation(instrument=Instrument.INTERIM_MEASURES, article=12)
        ...        ).render(with_citation=True)
        '家庭无可计算收入，按标准全额保障（《社会救助暂行办法》第十二条）'
        """
        name = resolve_locale(locale)
        template = REASON_TEMPLATES.get(self.code, self.code)
        text = translate(template, context="reason", locale=name)
        rendered = text.format_map(
            SafeParams({k: render_param(v, name) for k, v in self.params.items()})
        )
        if with_citation and self.citation is not None:
            open_, close = (" (", ")") if name == "en" else ("（", "）")
            rendered += f"{open_}{self.citation.render(name)}{close}"
        return rendered

    def __str__(self) -> str:
        return self.render()
