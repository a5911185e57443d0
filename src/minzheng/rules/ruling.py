"""``Ruling``: the one way a rule builds its argument and its :class:`Decision`.

A rule opens a ruling on its matter (a programme or a kind of registration), the
date, the subject, the standard it applies and the default citation, then
records each step: :meth:`Ruling.check` for a condition that holds or fails,
:meth:`Ruling.note` for information, :meth:`Ruling.refuse` to raise a
:class:`~minzheng.errors.RuleViolation` from a register, and
:meth:`Ruling.decide` to return the fully typed Decision. Nothing is spread from
an untyped dict, so the type checker sees every Decision a rule builds.

>>> import datetime
>>> from minzheng.money import Rate
>>> from minzheng.programmes import Programme
>>> from minzheng.rules import Citation, Instrument
>>> r = Ruling(matter=Programme.DIBAO, on=datetime.date(2025, 3, 1), subject="HH-1",
...            citation=Citation(instrument=Instrument.INTERIM_MEASURES, article=12))
>>> r.check(True, "dibao.full_amount")
True
>>> d = r.decide(True, amount=Rate.monthly("715"))
>>> d.eligible, d.reason_codes(), d.subject
(True, ('dibao.full_amount',), 'HH-1')
"""

from __future__ import annotations

import datetime
import functools
import warnings
from collections.abc import Callable, Collection, Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, NoReturn, ParamSpec, Protocol, TypeVar

import attrs

from minzheng._validators import is_date, typed_fields
from minzheng.errors import InvalidDate, InvalidValue, RuleViolation
from minzheng.money import Rate, RoundingPolicy
from minzheng.privacy import repr_key
from minzheng.rules.citations import Citation, Instrument
from minzheng.rules.decision import Decision
from minzheng.rules.matter import Matter
from minzheng.rules.reasons import Reason, Term
from minzheng.rules.templates import ROUNDING_TERMS

if TYPE_CHECKING:
    from minzheng.standards import StandardUsed

__all__ = [
    "Ruling",
    "Versioned",
    "as_date",
    "deprecated_alias",
    "in_force",
    "refusal",
]

_P = ParamSpec("_P")
_R = TypeVar("_R")


def as_date(value: object, field: str = "on") -> datetime.date:
    """``value`` if it is a calendar date, else :class:`~minzheng.errors.InvalidDate` naming ``field``.

    Rules take dates, never text or date-times: parse ``"2025-03-03"`` at the edge.

    >>> as_date(datetime.date(2025, 3, 3))
    datetime.date(2025, 3, 3)
    >>> as_date("2025-03-03")
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidDate: on：应为日期：2025-03-03
    """
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise InvalidDate("date.type", field=field, value=value)
    return value


def _reasons(value: object) -> object:
    """A fresh list of the reasons given (a tuple or any iterable); other values are left to the type check."""
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        return value
    return list(value)


def refusal(
    code: str, *, field: str, citation: Citation | None = None, **params: object
) -> RuleViolation:
    """The :class:`~minzheng.errors.RuleViolation` a register raises: one failing reason.

    The reason keeps its typed parameters (for rendering in any locale); the
    error's message parameters are their text.

    >>> err = refusal("care.duplicate", field="bed", id="B1")
    >>> err.code, err.field, err.reasons[0].met, err.reasons[0].render("en")
    ('care.duplicate', 'bed', False, 'the id B1 already exists')
    """
    reason = Reason(code=code, params=params, citation=citation, met=False)
    text = {k: str(v) for k, v in params.items()}
    return RuleViolation(code, reasons=[reason], field=field, params=text)


@attrs.define(kw_only=True, field_transformer=typed_fields)
class Ruling:
    """The argument of one rule for one subject on one date, built step by step.

    Attributes:
        matter: the programme or registration kind (a :class:`~minzheng.rules.Matter`).
        on: the date decided for (a ``datetime.date``; text raises ``InvalidDate``).
        subject: the household or person id.
        standard: the standard applied, if any.
        citation: the default citation of the reasons recorded.
        rule_version: which version of the rules applies.
        reasons: the reasons recorded so far, in order (given reasons are copied into a new list).

    A ruling is mutable — it is built step by step — but typed: every field, when
    given, evolved or assigned, has the type its annotation says (the reasons a
    :class:`~minzheng.rules.Reason` each), or a :class:`~minzheng.errors.MinzhengError`
    is raised; a date that is not a ``datetime.date`` is an
    :class:`~minzheng.errors.InvalidDate`.

    >>> from minzheng.programmes import Programme
    >>> r = Ruling(matter=Programme.TEKUN, on=datetime.date(2025, 1, 1), subject="P")
    >>> r.decide(False).eligible
    False
    """

    matter: Matter
    on: datetime.date = attrs.field(validator=is_date())
    subject: str = attrs.field(default="", repr=repr_key)
    standard: StandardUsed | None = None
    citation: Citation | None = None
    rule_version: str = ""
    reasons: list[Reason] = attrs.field(factory=list, converter=_reasons)

    @classmethod
    def reopen(cls, decision: Decision, *, citation: Citation | None = None) -> Ruling:
        """A ruling that continues ``decision``'s argument (a rule built on another rule).

        >>> from minzheng.programmes import Programme
        >>> first = Ruling(matter=Programme.DIBAO, on=datetime.date(2025, 1, 1), subject="H").deny()
        >>> again = Ruling.reopen(first)
        >>> again.note("dibao.below_standard_again").code, again.subject
        ('dibao.below_standard_again', 'H')
        """
        return cls(
            matter=decision.programme,
            on=decision.on,
            subject=decision.subject,
            standard=decision.standard,
            citation=citation,
            rule_version=decision.rule_version,
            reasons=list(decision.reasons),
        )

    def note(self, code: str, *, citation: Citation | None = None, **params: object) -> Reason:
        """Record an informational reason (``met`` is ``None``) and return it.

        >>> from minzheng.programmes import Programme
        >>> r = Ruling(matter=Programme.DIBAO, on=datetime.date(2025, 1, 1))
        >>> r.note("dibao.review_yearly").met is None
        True
        """
        reason = Reason(code=code, params=params, citation=citation or self.citation)
        self.reasons.append(reason)
        return reason

    def check(
        self,
        ok: bool,
        code: str,
        fail_code: str | None = None,
        *,
        citation: Citation | None = None,
        **params: object,
    ) -> bool:
        """Record a condition: ``code`` when ``ok``, else ``fail_code`` (default ``code``); return ``ok``.

        >>> from minzheng.programmes import Programme
        >>> r = Ruling(matter=Programme.DIBAO, on=datetime.date(2025, 1, 1))
        >>> r.check(False, "dibao.income_below_standard", "dibao.income_not_below_standard")
        False
        >>> r.reasons[-1].code, r.reasons[-1].met
        ('dibao.income_not_below_standard', False)
        """
        chosen = code if ok else (fail_code or code)
        self.reasons.append(
            Reason(code=chosen, params=params, citation=citation or self.citation, met=ok)
        )
        return ok

    def extend(self, reasons: Iterable[Reason]) -> None:
        """Record reasons another component gave (member rules, income exclusions, property).

        >>> from minzheng.programmes import Programme
        >>> r = Ruling(matter=Programme.DIBAO, on=datetime.date(2025, 1, 1))
        >>> r.extend([Reason(code="dibao.property_ok")]); len(r.reasons)
        1
        """
        self.reasons.extend(reasons)

    def refuse(
        self, code: str, *, field: str, citation: Citation | None = None, **params: object
    ) -> NoReturn:
        """Raise the :class:`~minzheng.errors.RuleViolation` of a register (see :func:`refusal`).

        >>> from minzheng.programmes import Programme
        >>> r = Ruling(matter=Programme.DIBAO, on=datetime.date(2025, 1, 1))
        >>> r.refuse("case.unknown", field="case", case_id="C9")
        Traceback (most recent call last):
        ...
        minzheng.errors.RuleViolation: case：没有编号为C9的案件
        """
        raise refusal(code, field=field, citation=citation or self.citation, **params)

    def monthly(self, rate: Rate, rounding: RoundingPolicy) -> Decimal:
        """The monthly amount of ``rate``, rounded by ``rounding`` only when it must be.

        A yearly amount that does not divide by 12 is rounded and the rounding is
        recorded as a reason (``standard.monthly_rounded``).

        >>> from minzheng.money import TO_FEN
        >>> from minzheng.programmes import Programme
        >>> r = Ruling(matter=Programme.DIBAO, on=datetime.date(2025, 1, 1))
        >>> r.monthly(Rate.yearly("5000"), TO_FEN), r.reason_codes()
        (Decimal('416.67'), ('standard.monthly_rounded',))
        >>> r.monthly(Rate.yearly("8580"), TO_FEN)
        Decimal('715')
        """
        if _divides(rate):
            return rate.monthly
        monthly = rate.to("month", rounding=rounding).amount
        self.note(
            "standard.monthly_rounded",
            citation=Citation(instrument=Instrument.LOCAL_RULE),
            rate=rate,
            monthly=monthly,
            rounding=Term(
                text=ROUNDING_TERMS.get(rounding.name, rounding.name), context="rounding"
            ),
        )
        return monthly

    def reason_codes(self) -> tuple[str, ...]:
        """The codes recorded so far.

        >>> from minzheng.programmes import Programme
        >>> Ruling(matter=Programme.DIBAO, on=datetime.date(2025, 1, 1)).reason_codes()
        ()
        """
        return tuple(r.code for r in self.reasons)

    def decide(
        self,
        eligible: bool,
        *,
        amount: Rate | None = None,
        one_off: Decimal | None = None,
        valid_until: datetime.date | None = None,
        review_months: int | None = None,
    ) -> Decision:
        """The Decision: the outcome with everything recorded. Amounts only when eligible.

        >>> from minzheng.programmes import Programme
        >>> r = Ruling(matter=Programme.DIBAO, on=datetime.date(2025, 1, 1))
        >>> r.decide(False, amount=Rate.monthly("1")).amount is None
        True
        """
        return Decision(
            programme=self.matter,
            eligible=eligible,
            on=self.on,
            subject=self.subject,
            amount=amount if eligible else None,
            one_off=one_off if eligible else None,
            standard=self.standard,
            reasons=tuple(self.reasons),
            rule_version=self.rule_version,
            valid_until=valid_until,
            review_months=review_months,
        )

    def deny(self, code: str | None = None, **params: object) -> Decision:
        """Record a failing reason (when ``code`` is given) and return the refusal Decision.

        >>> from minzheng.programmes import Programme
        >>> d = Ruling(matter=Programme.DIBAO, on=datetime.date(2025, 1, 1)).deny("dibao.no_members")
        >>> d.eligible, d.reasons[-1].met
        (False, False)
        """
        if code is not None:
            self.reasons.append(Reason(code=code, params=params, citation=self.citation, met=False))
        return self.decide(False)


def _divides(rate: Rate) -> bool:
    return rate.period.value == "month" or rate.amount % 12 == 0


class Versioned(Protocol):
    """A dated version of a set of rules (``*Rules`` values): it applies from ``effective``.

    >>> from minzheng.assistance import TEKUN_2021
    >>> isinstance(TEKUN_2021.effective, datetime.date)
    True
    """

    @property
    def effective(self) -> datetime.date:
        """The first day the version applies."""
        ...


_V = TypeVar("_V", bound=Versioned)


def in_force(on: datetime.date, versions: Collection[_V]) -> _V:
    """The version in force on ``on``: the latest already effective, else the earliest.

    >>> from minzheng.assistance import TEKUN_2016, TEKUN_2021
    >>> in_force(datetime.date(2020, 1, 1), [TEKUN_2021, TEKUN_2016]) is TEKUN_2016
    True
    """
    as_date(on)
    if not versions:
        raise InvalidValue("value.invalid", field="versions", value="()")
    ordered = sorted(versions, key=lambda v: v.effective)
    current = [v for v in ordered if v.effective <= on]
    return current[-1] if current else ordered[0]


def deprecated_alias(new: Callable[_P, _R], old_name: str) -> Callable[_P, _R]:
    """An old name for ``new`` that warns (``DeprecationWarning``) and then calls it.

    >>> import warnings
    >>> def decide_demo() -> int:
    ...     return 1
    >>> check_demo = deprecated_alias(decide_demo, "check_demo")
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     check_demo()
    1
    >>> caught[0].category.__name__, str(caught[0].message)
    ('DeprecationWarning', 'check_demo() is deprecated; use decide_demo()')
    """

    @functools.wraps(new)
    def alias(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        warnings.warn(
            f"{old_name}() is deprecated; use {new.__name__}()", DeprecationWarning, stacklevel=2
        )
        return new(*args, **kwargs)

    alias.__name__ = alias.__qualname__ = old_name
    alias.__doc__ = (
        f"Deprecated alias of :func:`{new.__name__}` (warns ``DeprecationWarning``).\n\n"
        f"    >>> callable({old_name})\n"
        f"    True\n"
    )
    return alias
