"""Assistance obtained by fraud: recovery in full and the fine of 1–3 times the amount (骗取社会救助).

《社会救助暂行办法》第六十八条 (DOMAIN.md §4.8, V-primary): whoever obtains
assistance funds by false reporting, concealment or forgery (虚报、隐瞒、伪造) has
the assistance stopped, must return what was obtained, and *may* be fined one
to three times the amount obtained (一倍以上三倍以下 — both bounds included,
Civil Code art. 1259). The recovery itself is computed on the ledger: revoke
the entitlement from its start (:func:`~minzheng.payments.revoke_entitlement`)
and :func:`~minzheng.payments.reconcile`; the amount obtained is minus the sum
of those recoveries.

References:
    《社会救助暂行办法》（国务院令第649号）第六十八条.
Limitations:
    The fine is a discretionary decision of the competent department; this
    function computes its range and the amount for the multiple chosen, it does
    not choose. Penalties under the public-security rules (治安管理处罚) are out
    of scope.

>>> import datetime
>>> d = decide_fraud_penalty(Decimal("7320"), 2, programme=Programme.DIBAO, subject="HH1",
...                          on=datetime.date(2025, 11, 3))
>>> print(d.explain("en").splitlines()[0])
Minimum living allowance (dibao): not eligible
>>> for reason in d.reasons[1:]:
...     print(reason.render("en"))
a fine of one to three times the amount obtained may be imposed: CNY 7,320 to CNY 21,960
fined 2 times the amount obtained: CNY 14,640
>>> print(d.reasons[2].citation)
《社会救助暂行办法》第六十八条
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from minzheng._validators import type_error
from minzheng.errors import InvalidAmount, InvalidValue, RuleViolation
from minzheng.money import TO_FEN, RoundingPolicy
from minzheng.programmes import Programme
from minzheng.rules import Citation, Decision, Instrument, Reason

__all__ = ["FINE_MULTIPLES", "FRAUD_FINE_ROUNDING", "decide_fraud_penalty"]

#: The lowest and highest multiple of the amount obtained (art. 68: 一倍以上三倍以下, both included).
FINE_MULTIPLES: tuple[Decimal, Decimal] = (Decimal(1), Decimal(3))
#: How a fine for a fractional multiple is rounded (to the fen, half up). Integral
#: multiples of a fen amount need no rounding; the rounded fine stays within the range.
FRAUD_FINE_ROUNDING: RoundingPolicy = TO_FEN

_ART_68 = Citation(instrument=Instrument.INTERIM_MEASURES, article=68)


def _multiple(value: object) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise type_error("multiple", value, "int、Decimal")
    multiple = Decimal(value)
    low, high = FINE_MULTIPLES
    if not multiple.is_finite() or not low <= multiple <= high:
        reason = Reason(
            code="payments.fraud_multiple",
            params={"multiple": str(multiple)},
            citation=_ART_68,
            met=False,
        )
        raise RuleViolation(
            "payments.fraud_multiple",
            reasons=[reason],
            field="multiple",
            params={"multiple": str(multiple)},
        )
    return multiple


def decide_fraud_penalty(
    obtained: Decimal,
    multiple: int | Decimal | None,
    *,
    programme: Programme,
    subject: str,
    on: datetime.date,
) -> Decision:
    """The art. 68 decision on assistance obtained by fraud: stop, recover ``obtained``, fine range and fine.

    ``obtained`` is the amount obtained (non-negative ``Decimal``). ``multiple``
    is the multiple of it the department fines (1 to 3, both included), or
    ``None`` when it imposes no fine (the fine is "可以处", discretionary). A
    multiple outside 1–3 is refused with :class:`~minzheng.errors.RuleViolation`
    (code ``payments.fraud_multiple``). The decision is "not eligible"; its
    reasons carry ``obtained`` (recovery), ``low``/``high`` (the fine range) and
    ``fine``, all cited to art. 68.

    >>> d = decide_fraud_penalty(Decimal("1815"), None, programme=Programme.TEKUN, subject="P",
    ...                          on=datetime.date(2025, 4, 1))
    >>> d.reason_codes(), d.reasons[1].params["high"]
    (('payments.fraud_recovery', 'payments.fraud_fine_range', 'payments.fraud_no_fine'), Decimal('5445'))
    >>> decide_fraud_penalty(Decimal("1815"), 4, programme=Programme.TEKUN, subject="P",
    ...                      on=datetime.date(2025, 4, 1))
    Traceback (most recent call last):
    ...
    minzheng.errors.RuleViolation: multiple：罚款应为骗取金额的1倍以上3倍以下，不能按4倍处罚
    """
    if isinstance(obtained, bool) or not isinstance(obtained, Decimal):
        shown = obtained if isinstance(obtained, float) else type(obtained).__name__
        raise InvalidAmount("amount.decimal", field="obtained", value=shown)
    if not obtained.is_finite() or obtained < 0:
        raise InvalidAmount("amount.invalid", field="obtained", value=str(obtained))
    if not isinstance(programme, Programme):
        raise type_error("programme", programme, Programme)
    if not isinstance(subject, str):
        raise type_error("subject", subject, str)
    if not isinstance(on, datetime.date) or isinstance(on, datetime.datetime):
        raise InvalidValue("date.type", field="on", value=type(on).__name__)
    chosen = _multiple(multiple)
    low, high = (obtained * m for m in FINE_MULTIPLES)
    reasons = [
        Reason(
            code="payments.fraud_recovery",
            params={"programme": programme, "obtained": obtained},
            citation=_ART_68,
            met=False,
        ),
        Reason(
            code="payments.fraud_fine_range",
            params={"low": low, "high": high},
            citation=_ART_68,
        ),
    ]
    if chosen is None:
        reasons.append(Reason(code="payments.fraud_no_fine", citation=_ART_68))
    else:
        fine = FRAUD_FINE_ROUNDING(obtained * chosen)
        reasons.append(
            Reason(
                code="payments.fraud_fine",
                params={"multiple": format(chosen.normalize(), "f"), "fine": fine},
                citation=_ART_68,
            )
        )
    return Decision(
        programme=programme,
        eligible=False,
        on=on,
        subject=subject,
        reasons=tuple(reasons),
        rule_version="社会救助暂行办法（2019年修订）",
    )
