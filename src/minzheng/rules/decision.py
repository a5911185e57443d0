"""``Decision``: what a rule decided, with the amount, the standard used and its reasons.

Every rule in minzheng takes the date and the standards book explicitly and
returns a Decision; the same inputs always give the same Decision. It explains
itself in any supported locale.

>>> import datetime
>>> from minzheng.programmes import Programme
>>> d = Decision(programme=Programme.DIBAO, eligible=True, on=datetime.date(2025, 3, 1),
...              amount=Rate.monthly("860"),
...              reasons=(Reason(code="dibao.full_amount"),))
>>> print(d.explain("en"))
Minimum living allowance (dibao): eligible
Amount: CNY 860 per month
Grounds:
- the household has no countable income: the full standard is paid
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from minzheng._bounds import MAX_MONTHS, within
from minzheng._validators import to_tuple, typed_fields
from minzheng.i18n import format_date, format_number, resolve_locale, translate
from minzheng.money import Rate, finite_amount
from minzheng.privacy import repr_key
from minzheng.rules.matter import Matter
from minzheng.rules.reasons import Reason, format_rate

if TYPE_CHECKING:
    from minzheng.standards import StandardUsed

__all__ = ["Decision"]


def _t(text: str, locale: str, **params: str) -> str:
    return translate(text, context="decision", locale=locale).format(**params)


def _reasons(items: Iterable[Reason]) -> tuple[Reason, ...]:
    return to_tuple(items)  # type: ignore[no-any-return]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Decision:
    """The outcome of a rule for one subject (a household or a person) on one date.

    Attributes:
        programme: the matter decided on — a programme or, for registrations, the kind of
            registration (any :class:`~minzheng.rules.Matter`).
        eligible: whether the subject qualifies.
        on: the date the decision is made for.
        subject: the household or person id.
        amount: the recurring amount (a ``Rate``), for periodic programmes.
        one_off: a one-off amount in yuan (临时救助).
        standard: the standard applied and where it came from.
        reasons: every step of the argument, in order, each with its citation.
        rule_version: which version of the rules applied (e.g. 特困认定办法 2021).
        valid_until: last day of a time-limited recognition (刚性支出困难: 12 months).
        review_months: how often the case is to be checked (低保: 12 or 6).

    >>> from minzheng.programmes import Programme
    >>> Decision(programme=Programme.DIBAO, eligible=False, on=datetime.date(2025, 1, 1)).amount is None
    True
    """

    programme: Matter
    eligible: bool
    on: datetime.date
    subject: str = attrs.field(default="", repr=repr_key)
    amount: Rate | None = None
    one_off: Decimal | None = attrs.field(default=None, validator=finite_amount)
    standard: StandardUsed | None = None
    reasons: tuple[Reason, ...] = attrs.field(default=(), converter=_reasons)
    rule_version: str = ""
    valid_until: datetime.date | None = None
    review_months: int | None = attrs.field(default=None, validator=within(0, MAX_MONTHS))

    def reason_codes(self) -> tuple[str, ...]:
        """The codes of the reasons, in order — handy in tests and logs.

        >>> from minzheng.programmes import Programme
        >>> Decision(programme=Programme.DIBAO, eligible=True, on=datetime.date(2025, 1, 1),
        ...          reasons=(Reason(code="dibao.property_ok"),)).reason_codes()
        ('dibao.property_ok',)
        """
        return tuple(r.code for r in self.reasons)

    def explain(self, locale: object = "zh_Hans") -> str:
        """A readable explanation: outcome, amount, standard, then every reason with its citation.

        >>> from minzheng.programmes import Programme
        >>> d = Decision(programme=Programme.DIBAO, eligible=False, on=datetime.date(2025, 1, 1))
        >>> d.explain()
        '最低生活保障：不符合条件'
        """
        name = resolve_locale(locale)
        programme = self.programme.label(name)
        verdict = "{programme}：符合条件" if self.eligible else "{programme}：不符合条件"
        lines = [_t(verdict, name, programme=programme)]
        if self.amount is not None:
            lines.append(_t("保障金额：{amount}", name, amount=format_rate(self.amount, name)))
        if self.one_off is not None:
            amount = format_number(self.one_off, name, places=2)
            lines.append(_t("救助金额：{amount}元", name, amount=amount))
        if self.standard is not None:
            lines.append(
                _t(
                    "适用标准：{standard}（{division}，自{effective}起执行）",
                    name,
                    standard=format_rate(self.standard.rate, name),
                    division=self.standard.division_name,
                    effective=format_date(self.standard.effective, name),
                )
            )
        if self.valid_until is not None:
            lines.append(_t("有效期至{until}", name, until=format_date(self.valid_until, name)))
        if self.reasons:
            lines.append(
                translate("依据", context="decision", locale=name) + ("：" if name != "en" else ":")
            )
            lines.extend(f"- {reason.render(name, with_citation=True)}" for reason in self.reasons)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain()
