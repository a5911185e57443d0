"""Assistance cases: an application's life as dated events, with the allowed transitions enforced.

申请 → 受理 → 调查/核对 → 公示 → 审批 → 发放 → 复核 → 渐退 / 停发 / 终止. Each step is an
event with a date; an event the current status does not allow, a date before
the previous event's, an approval while the 公示 period (7 days by default —
local rules, DOMAIN.md §4.8) is still running, or an approval recording a
decision that found the subject not eligible raises
:class:`~minzheng.errors.RuleViolation` with the reason. Payment starts the month
after approval (configurable) and stops from the month after a decision to
suspend (停发) or terminate (终止) (DOMAIN.md §5.5): :attr:`Case.last_paid_month`,
:attr:`Case.paid_stretches`. A 低保 case terminates only with written reasons
(Interim Measures art. 13): in the event's ``note``, or the decision of
:func:`~minzheng.assistance.decide_dibao_termination`; else
``dibao.termination_reasons_missing``. The processing limit (30 working days from
acceptance by default, UNVERIFIED) is reported, not enforced.

A :class:`CaseRegister` holds cases and refuses to let one person be in two
mutually exclusive programmes at once (特困 and 低保 by default — configurable,
DOMAIN.md §5.2), nor in the same programme twice.

>>> import datetime
>>> D = datetime.date
>>> case = Case.open(case_id="C1", programme=Programme.DIBAO, subject="HH1", persons={"A", "B"},
...                  on=D(2025, 3, 3))
>>> for action, day in [(CaseAction.ACCEPT, D(2025, 3, 3)), (CaseAction.INVESTIGATE, D(2025, 3, 10)),
...                     (CaseAction.PUBLICISE, D(2025, 3, 20)), (CaseAction.APPROVE, D(2025, 3, 28))]:
...     case = case.apply(action, on=day)
>>> case.status, case.publicity_ends, case.payment_start
(<CaseStatus.APPROVED: 'approved'>, datetime.date(2025, 3, 27), Month(2025, 4))
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterable, Iterator

import attrs

from minzheng._locking import Register, locked
from minzheng._validators import is_date, type_error, typed_fields
from minzheng.assistance.dibao import dibao_termination_grounds
from minzheng.codes import CodeEnum
from minzheng.dates import (
    FixedCalendar,
    HolidayCalendar,
    Month,
    add_working_days,
    statutory_deadline,
)
from minzheng.errors import InvalidValue, RuleViolation
from minzheng.privacy import repr_key, repr_keys
from minzheng.programmes import Programme
from minzheng.rules import Citation, Decision, Instrument, refusal

__all__ = [
    "DEFAULT_EXCLUSIVE",
    "TRANSITIONS",
    "Case",
    "CaseAction",
    "CaseEvent",
    "CasePolicy",
    "CaseRegister",
    "CaseStatus",
]


class CaseStatus(CodeEnum):
    """Where a case stands.

    >>> CaseStatus.PUBLICISING.label("en")
    'Under public notice'
    """

    APPLIED = "applied", "已申请"
    ACCEPTED = "accepted", "已受理"
    INVESTIGATING = "investigating", "调查核对中"
    PUBLICISING = "publicising", "公示中"
    APPROVED = "approved", "已审批"
    PAYING = "paying", "发放中"
    REVIEWING = "reviewing", "复核中"
    GRADUAL_EXIT = "gradual_exit", "渐退中"
    SUSPENDED = "suspended", "停发"
    TERMINATED = "terminated", "已终止"
    REJECTED = "rejected", "不予批准"
    WITHDRAWN = "withdrawn", "已撤回"

    @property
    def is_final(self) -> bool:
        """No event can follow a terminated, rejected or withdrawn case.

        >>> CaseStatus.REJECTED.is_final, CaseStatus.SUSPENDED.is_final
        (True, False)
        """
        return self in (CaseStatus.TERMINATED, CaseStatus.REJECTED, CaseStatus.WITHDRAWN)


class CaseAction(CodeEnum):
    """What happens to a case.

    >>> CaseAction.PUBLICISE.term
    '公示'
    """

    APPLY = "apply", "申请"
    ACCEPT = "accept", "受理"
    INVESTIGATE = "investigate", "调查核对"
    PUBLICISE = "publicise", "公示"
    APPROVE = "approve", "审批"
    REJECT = "reject", "不予批准"
    PAY = "pay", "发放"
    REVIEW = "review", "复核"
    CONFIRM = "confirm", "复核确认"
    GRADUAL_EXIT = "gradual_exit", "渐退"
    SUSPEND = "suspend", "停发"
    RESUME = "resume", "恢复发放"
    TERMINATE = "terminate", "终止"
    WITHDRAW = "withdraw", "撤回申请"


S, A = CaseStatus, CaseAction
#: (status, action) → new status. Anything not listed is refused.
TRANSITIONS: dict[tuple[CaseStatus, CaseAction], CaseStatus] = {
    (S.APPLIED, A.ACCEPT): S.ACCEPTED,
    (S.APPLIED, A.REJECT): S.REJECTED,
    (S.APPLIED, A.WITHDRAW): S.WITHDRAWN,
    (S.ACCEPTED, A.INVESTIGATE): S.INVESTIGATING,
    (S.ACCEPTED, A.WITHDRAW): S.WITHDRAWN,
    (S.INVESTIGATING, A.PUBLICISE): S.PUBLICISING,
    (S.INVESTIGATING, A.REJECT): S.REJECTED,
    (S.INVESTIGATING, A.WITHDRAW): S.WITHDRAWN,
    (S.PUBLICISING, A.APPROVE): S.APPROVED,
    (S.PUBLICISING, A.REJECT): S.REJECTED,
    (S.APPROVED, A.PAY): S.PAYING,
    (S.APPROVED, A.TERMINATE): S.TERMINATED,
    (S.PAYING, A.PAY): S.PAYING,
    (S.PAYING, A.REVIEW): S.REVIEWING,
    (S.PAYING, A.GRADUAL_EXIT): S.GRADUAL_EXIT,
    (S.PAYING, A.SUSPEND): S.SUSPENDED,
    (S.PAYING, A.TERMINATE): S.TERMINATED,
    (S.REVIEWING, A.CONFIRM): S.PAYING,
    (S.REVIEWING, A.GRADUAL_EXIT): S.GRADUAL_EXIT,
    (S.REVIEWING, A.SUSPEND): S.SUSPENDED,
    (S.REVIEWING, A.TERMINATE): S.TERMINATED,
    (S.GRADUAL_EXIT, A.PAY): S.GRADUAL_EXIT,
    (S.GRADUAL_EXIT, A.CONFIRM): S.PAYING,
    (S.GRADUAL_EXIT, A.TERMINATE): S.TERMINATED,
    (S.SUSPENDED, A.RESUME): S.PAYING,
    (S.SUSPENDED, A.TERMINATE): S.TERMINATED,
}
del S, A

_PROCEDURE = Citation(instrument=Instrument.DIBAO_REVIEW_MEASURES)
#: Programmes one person may not be in at the same time (besides the same programme twice).
DEFAULT_EXCLUSIVE: frozenset[frozenset[Programme]] = frozenset(
    {frozenset({Programme.DIBAO, Programme.TEKUN})}
)


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise InvalidValue("value.invalid", field=attribute.name, value=value)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CasePolicy:
    """Time limits and the payment rule.

    Attributes:
        publicity_days: length of the 公示 (default 7).
        processing_working_days: limit from acceptance to decision (default 30, UNVERIFIED).
        payment_offset_months: payment starts this many months after the approval month
            (default 1); after a suspension it resumes the same offset after the
            month of the decision to resume (UNVERIFIED: local practice).
        calendar: working-day calendar for the processing limit (default: weekends are rest days).

    >>> CasePolicy().publicity_days
    7
    """

    publicity_days: int = attrs.field(default=7, validator=_non_negative)
    processing_working_days: int = attrs.field(default=30, validator=_non_negative)
    payment_offset_months: int = attrs.field(default=1, validator=_non_negative)
    calendar: HolidayCalendar = attrs.field(factory=lambda: FixedCalendar(weekends=True))


DEFAULT_CASE_POLICY = CasePolicy()


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CaseEvent:
    """One dated event of a case, optionally carrying the decision it recorded.

    >>> CaseEvent(action=CaseAction.ACCEPT, on=datetime.date(2025, 3, 3)).action.label("en")
    'Accept'
    """

    action: CaseAction
    on: datetime.date = attrs.field(validator=is_date())
    note: str = ""
    decision: Decision | None = attrs.field(default=None)


def _violation(code: str, **params: object) -> RuleViolation:
    return refusal(code, field="case", citation=_PROCEDURE, **params)


def _check_termination(programme: Programme, note: str, decision: Decision | None) -> None:
    # Interim Measures art. 13: 低保 stops only with written reasons — in the note, or the
    # decision of decide_dibao_termination (which required them).
    if programme is not Programme.DIBAO:
        return
    if decision is not None and "dibao.terminated" in decision.reason_codes():
        return
    dibao_termination_grounds(note, field="note")


def _persons(items: Iterable[str]) -> frozenset[str]:
    if isinstance(items, str) or not isinstance(items, Iterable):
        raise type_error("persons", items, "frozenset[str]")
    found = list(items)
    for item in found:
        if not isinstance(item, str):
            raise type_error("persons", item, "str")
    return frozenset(found)


def _events(items: Iterable[CaseEvent]) -> tuple[CaseEvent, ...]:
    if not isinstance(items, Iterable):
        raise type_error("events", items, "tuple[CaseEvent, ...]")
    found = tuple(items)
    for item in found:
        if not isinstance(item, CaseEvent):
            raise type_error("events", item, "CaseEvent")
    return found


def _check_events(
    instance: object,
    attribute: attrs.Attribute[tuple[CaseEvent, ...]],
    value: tuple[CaseEvent, ...],
) -> None:
    # An existing case is a valid history: it opens with 申请, every step is allowed, dates never go back.
    if not value or value[0].action is not CaseAction.APPLY:
        raise InvalidValue("record.inconsistent", field="events", value=len(value))
    status = CaseStatus.APPLIED
    for previous, event in itertools.pairwise(value):
        following = TRANSITIONS.get((status, event.action))
        ineligible = (
            event.action is CaseAction.APPROVE
            and event.decision is not None
            and not event.decision.eligible
        )
        if following is None or event.on < previous.on or ineligible:
            raise InvalidValue("record.inconsistent", field="events", value=event.action.value)
        status = following


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Case:
    """A case: the programme, its subject (a household or a person), the people it covers, its events.

    Immutable: :meth:`apply` returns the case with one more event, or raises.

    >>> c = Case.open(case_id="C", programme=Programme.TEKUN, subject="P1", persons={"P1"},
    ...               on=datetime.date(2025, 1, 2))
    >>> c.apply(CaseAction.APPROVE, on=datetime.date(2025, 1, 3))
    Traceback (most recent call last):
    ...
    minzheng.errors.RuleViolation: case：当前状态“已申请”不能进行“审批”
    """

    case_id: str
    programme: Programme
    subject: str = attrs.field(repr=repr_key)
    persons: frozenset[str] = attrs.field(converter=_persons, repr=repr_keys)
    events: tuple[CaseEvent, ...] = attrs.field(converter=_events, validator=_check_events)
    policy: CasePolicy = attrs.field(default=DEFAULT_CASE_POLICY, eq=False, repr=False)

    @classmethod
    def open(
        cls,
        *,
        case_id: str,
        programme: Programme,
        subject: str,
        persons: Iterable[str],
        on: datetime.date,
        policy: CasePolicy = DEFAULT_CASE_POLICY,
    ) -> Case:
        """A new case with its application (申请) dated ``on``.

        >>> Case.open(case_id="C", programme=Programme.DIBAO, subject="H", persons=["H"],
        ...           on=datetime.date(2025, 1, 2)).status
        <CaseStatus.APPLIED: 'applied'>
        """
        return cls(
            case_id=case_id,
            programme=programme,
            subject=subject,
            persons=_persons(persons),
            events=(CaseEvent(action=CaseAction.APPLY, on=on),),
            policy=policy,
        )

    @property
    def status(self) -> CaseStatus:
        """The status after the last event.

        >>> Case.open(case_id="C", programme=Programme.DIBAO, subject="H", persons=["H"],
        ...           on=datetime.date(2025, 1, 2)).apply(CaseAction.WITHDRAW, on=datetime.date(2025, 1, 2)).status
        <CaseStatus.WITHDRAWN: 'withdrawn'>
        """
        status = CaseStatus.APPLIED
        for event in self.events[1:]:
            status = TRANSITIONS[(status, event.action)]
        return status

    def _first(self, action: CaseAction) -> datetime.date | None:
        return next((e.on for e in self.events if e.action is action), None)

    def _last(self, action: CaseAction) -> datetime.date | None:
        return next((e.on for e in reversed(self.events) if e.action is action), None)

    @property
    def applied_on(self) -> datetime.date:
        """The application date.

        >>> Case.open(case_id="C", programme=Programme.DIBAO, subject="H", persons=["H"],
        ...           on=datetime.date(2025, 1, 2)).applied_on
        datetime.date(2025, 1, 2)
        """
        return self.events[0].on

    @property
    def approved_on(self) -> datetime.date | None:
        """The approval date, if approved."""
        return self._first(CaseAction.APPROVE)

    @property
    def ended_on(self) -> datetime.date | None:
        """The date the case ended (terminated, rejected or withdrawn), if it has."""
        final = (CaseAction.TERMINATE, CaseAction.REJECT, CaseAction.WITHDRAW)
        return next((e.on for e in self.events if e.action in final), None)

    @property
    def publicity_ends(self) -> datetime.date | None:
        """The last day of the 公示, counted as the Civil Code counts (the start day not counted)."""
        start = self._last(CaseAction.PUBLICISE)
        return None if start is None else statutory_deadline(start, days=self.policy.publicity_days)

    @property
    def processing_deadline(self) -> datetime.date | None:
        """The last day to decide, in working days from acceptance (informational)."""
        accepted = self._first(CaseAction.ACCEPT)
        if accepted is None:
            return None
        return add_working_days(accepted, self.policy.processing_working_days, self.policy.calendar)

    def overdue_on(self, on: datetime.date) -> bool:
        """Undecided past the processing limit on ``on``.

        >>> c = Case.open(case_id="C", programme=Programme.DIBAO, subject="H", persons=["H"],
        ...               on=datetime.date(2025, 1, 2)).apply(CaseAction.ACCEPT, on=datetime.date(2025, 1, 2))
        >>> c.processing_deadline, c.overdue_on(datetime.date(2025, 2, 14))
        (datetime.date(2025, 2, 13), True)
        """
        deadline = self.processing_deadline
        decided = self.approved_on is not None or self.ended_on is not None
        return deadline is not None and not decided and on > deadline

    @property
    def payment_start(self) -> Month | None:
        """The first month paid: the month after approval by default.

        >>> Case.open(case_id="C", programme=Programme.DIBAO, subject="H", persons=["H"],
        ...           on=datetime.date(2025, 1, 2)).payment_start is None
        True
        """
        approved = self.approved_on
        return None if approved is None else Month.of(approved) + self.policy.payment_offset_months

    @property
    def paid_stretches(self) -> tuple[tuple[Month, Month | None], ...]:
        """The runs of months paid, ``(first, last)`` with ``last`` ``None`` while payment continues.

        Payment starts ``payment_offset_months`` after the approval month, stops
        from the month after a 停发 or 终止 decision (the decision's month is the
        last paid, DOMAIN.md §5.5) and restarts the same offset after a 恢复发放.
        A stop before payment started leaves no stretch.

        >>> D = datetime.date
        >>> c = Case.open(case_id="C", programme=Programme.TEKUN, subject="P", persons=["P"], on=D(2025, 1, 2))
        >>> for action, day in [(CaseAction.ACCEPT, D(2025, 1, 2)), (CaseAction.INVESTIGATE, D(2025, 1, 3)),
        ...                     (CaseAction.PUBLICISE, D(2025, 1, 6)), (CaseAction.APPROVE, D(2025, 1, 20)),
        ...                     (CaseAction.PAY, D(2025, 2, 1)), (CaseAction.SUSPEND, D(2025, 5, 12)),
        ...                     (CaseAction.RESUME, D(2025, 7, 3))]:
        ...     c = c.apply(action, on=day)
        >>> [(str(a), str(b)) for a, b in c.paid_stretches]
        [('2025-02', '2025-05'), ('2025-08', 'None')]
        """
        offset = self.policy.payment_offset_months
        stretches: list[tuple[Month, Month | None]] = []
        start: Month | None = None
        for event in self.events:
            if event.action in (CaseAction.APPROVE, CaseAction.RESUME):
                start = Month.of(event.on) + offset
            elif event.action in (CaseAction.SUSPEND, CaseAction.TERMINATE) and start is not None:
                last = Month.of(event.on)
                if last >= start:
                    stretches.append((start, last))
                start = None
        if start is not None:
            stretches.append((start, None))
        return tuple(stretches)

    @property
    def last_paid_month(self) -> Month | None:
        """The month of the decision that stopped payment (停发 or 终止); ``None`` while it runs or before approval.

        Payment stops from the month after that decision (DOMAIN.md §5.5). When
        the stop came before the first paid month, the result is earlier than
        :attr:`payment_start`: nothing was paid.

        >>> D = datetime.date
        >>> c = Case.open(case_id="C", programme=Programme.TEKUN, subject="P", persons=["P"], on=D(2025, 1, 2))
        >>> for action, day in [(CaseAction.ACCEPT, D(2025, 1, 2)), (CaseAction.INVESTIGATE, D(2025, 1, 3)),
        ...                     (CaseAction.PUBLICISE, D(2025, 1, 6)), (CaseAction.APPROVE, D(2025, 1, 20)),
        ...                     (CaseAction.PAY, D(2025, 2, 1))]:
        ...     c = c.apply(action, on=day)
        >>> c.last_paid_month is None, c.apply(CaseAction.TERMINATE, on=D(2025, 9, 30)).last_paid_month
        (True, Month(2025, 9))
        """
        if self.status not in (CaseStatus.SUSPENDED, CaseStatus.TERMINATED):
            return None
        stopped: datetime.date | None = None
        for event in self.events:
            if event.action in (CaseAction.SUSPEND, CaseAction.TERMINATE) and stopped is None:
                stopped = event.on
            elif event.action is CaseAction.RESUME:
                stopped = None
        return None if stopped is None else Month.of(stopped)

    @property
    def decision(self) -> Decision | None:
        """The decision recorded with the approval (or the latest one recorded)."""
        return next((e.decision for e in reversed(self.events) if e.decision is not None), None)

    def in_force_on(self, on: datetime.date) -> bool:
        """Approved on or before ``on`` and not yet ended.

        >>> Case.open(case_id="C", programme=Programme.DIBAO, subject="H", persons=["H"],
        ...           on=datetime.date(2025, 1, 2)).in_force_on(datetime.date(2025, 6, 1))
        False
        """
        approved, ended = self.approved_on, self.ended_on
        return approved is not None and approved <= on and (ended is None or on < ended)

    def apply(
        self,
        action: CaseAction,
        *,
        on: datetime.date,
        note: str = "",
        decision: Decision | None = None,
    ) -> Case:
        """The case with one more event, or :class:`~minzheng.errors.RuleViolation`.

        >>> c = Case.open(case_id="C", programme=Programme.DIBAO, subject="H", persons=["H"],
        ...               on=datetime.date(2025, 3, 3))
        >>> c.apply(CaseAction.ACCEPT, on=datetime.date(2025, 3, 2))
        Traceback (most recent call last):
        ...
        minzheng.errors.RuleViolation: case：事件日期2025-03-02早于上一事件日期2025-03-03
        """
        event = CaseEvent(action=action, on=on, note=note, decision=decision)
        status = self.status
        if (status, action) not in TRANSITIONS:
            raise _violation("case.transition", status=status.term, action=action.term)
        last = self.events[-1].on
        if on < last:
            raise _violation("case.date_order", on=on.isoformat(), last=last.isoformat())
        if action is CaseAction.TERMINATE:
            _check_termination(self.programme, note, decision)
        if action is CaseAction.APPROVE:
            if decision is not None and not decision.eligible:
                raise _violation("case.decision_ineligible", programme=self.programme.term)
            ends = self.publicity_ends
            if ends is not None and on <= ends:
                raise _violation(
                    "case.publicity_running",
                    on=on.isoformat(),
                    ends=ends.isoformat(),
                    days=self.policy.publicity_days,
                )
        return attrs.evolve(self, events=(*self.events, event))


class CaseRegister(Register):
    """The cases of a bureau; refuses one person in two exclusive programmes at once.

    Mutable (it is a register); the cases in it are immutable. Thread-safe: each
    check-and-commit holds the register's re-entrant lock and readers return
    snapshots. It pickles and copies (the copy is independent, with its own lock).

    >>> D = datetime.date
    >>> register = CaseRegister()
    >>> def approved(case_id, programme, persons):
    ...     case = Case.open(case_id=case_id, programme=programme, subject=case_id, persons=persons, on=D(2025, 1, 2))
    ...     for action, day in [(CaseAction.ACCEPT, D(2025, 1, 2)), (CaseAction.INVESTIGATE, D(2025, 1, 3)),
    ...                         (CaseAction.PUBLICISE, D(2025, 1, 6))]:
    ...         case = case.apply(action, on=day)
    ...     return case
    >>> register.add(approved("D1", Programme.DIBAO, {"A", "B"}))
    >>> register.apply("D1", CaseAction.APPROVE, on=D(2025, 1, 20))
    >>> register.add(approved("T1", Programme.TEKUN, {"B"}))
    >>> register.apply("T1", CaseAction.APPROVE, on=D(2025, 2, 1))
    Traceback (most recent call last):
    ...
    minzheng.errors.RuleViolation: case：B已在最低生活保障（案件D1）中，不能同时纳入特困人员救助供养
    """

    __slots__ = ("_cases", "_exclusive")

    def __init__(self, *, exclusive: Iterable[frozenset[Programme]] = DEFAULT_EXCLUSIVE) -> None:
        super().__init__()
        if isinstance(exclusive, str) or not isinstance(exclusive, Iterable):
            raise type_error("exclusive", exclusive, "Iterable[frozenset[Programme]]")
        groups = list(exclusive)
        for group in groups:
            if not isinstance(group, frozenset) or not all(isinstance(p, Programme) for p in group):
                raise type_error("exclusive", group, "frozenset[Programme]")
        self._cases: dict[str, Case] = {}
        self._exclusive = frozenset(groups)

    def __iter__(self) -> Iterator[Case]:
        with self._lock:
            return iter(tuple(self._cases.values()))

    def __len__(self) -> int:
        with self._lock:
            return len(self._cases)

    @locked
    def get(self, case_id: str) -> Case:
        """The case with this id (``RuleViolation`` when unknown).

        >>> CaseRegister().get("X")
        Traceback (most recent call last):
        ...
        minzheng.errors.RuleViolation: case：没有编号为X的案件
        """
        if not isinstance(case_id, str):
            raise type_error("case_id", case_id, "str")
        try:
            return self._cases[case_id]
        except KeyError:
            raise _violation("case.unknown", case_id=case_id) from None

    def _excludes(self, a: Programme, b: Programme) -> bool:
        return a is b or frozenset({a, b}) in self._exclusive

    def _check_exclusive(self, case: Case, on: datetime.date) -> None:
        for other in self._cases.values():
            if other.case_id == case.case_id or not self._excludes(other.programme, case.programme):
                continue
            ended = other.ended_on
            if other.approved_on is None or (ended is not None and ended <= on):
                continue
            shared = sorted(case.persons & other.persons)
            if shared:
                raise _violation(
                    "case.exclusive",
                    person=shared[0],
                    other=other.programme.term,
                    other_case=other.case_id,
                    programme=case.programme.term,
                )

    @locked
    def add(self, case: Case) -> None:
        """Register a case (an approved one is checked for exclusivity first).

        >>> r = CaseRegister()
        >>> r.add(Case.open(case_id="C", programme=Programme.DIBAO, subject="H", persons=["H"],
        ...                 on=datetime.date(2025, 1, 1)))
        >>> len(r)
        1
        """
        if not isinstance(case, Case):
            raise type_error("case", case, "Case")
        if case.case_id in self._cases:
            raise _violation("case.duplicate", case_id=case.case_id)
        if case.approved_on is not None and case.ended_on is None:
            self._check_exclusive(case, case.approved_on)
        self._cases[case.case_id] = case

    @locked
    def apply(
        self,
        case_id: str,
        action: CaseAction,
        *,
        on: datetime.date,
        note: str = "",
        decision: Decision | None = None,
    ) -> None:
        """Apply an event to a registered case; approvals are checked for exclusivity.

        >>> r = CaseRegister()
        >>> r.add(Case.open(case_id="C", programme=Programme.DIBAO, subject="H", persons=["H"],
        ...                 on=datetime.date(2025, 1, 1)))
        >>> r.apply("C", CaseAction.ACCEPT, on=datetime.date(2025, 1, 2))
        >>> r.get("C").status
        <CaseStatus.ACCEPTED: 'accepted'>
        """
        case = self.get(case_id)
        updated = case.apply(action, on=on, note=note, decision=decision)
        if action in (CaseAction.APPROVE, CaseAction.RESUME):
            self._check_exclusive(updated, on)
        self._cases[case_id] = updated

    @locked
    def in_force_on(self, on: datetime.date, programme: Programme | None = None) -> list[Case]:
        """Cases in force on ``on`` (of one programme when given).

        >>> CaseRegister().in_force_on(datetime.date(2025, 1, 1))
        []
        """
        return [
            c
            for c in self._cases.values()
            if c.in_force_on(on) and (programme is None or c.programme is programme)
        ]

    @locked
    def cases_of(self, person_id: str) -> list[Case]:
        """Every case covering ``person_id``.

        >>> CaseRegister().cases_of("A")
        []
        """
        return [c for c in self._cases.values() if person_id in c.persons]
