"""Cases: the last month paid, approvals that need an eligible decision, typed fields (issue 13)."""

import datetime
import re
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from minzheng.assistance import Case, CaseAction, CaseEvent, CasePolicy, CaseRegister, CaseStatus
from minzheng.dates import FixedCalendar, Month
from minzheng.errors import InvalidValue, MinzhengError, RuleViolation
from minzheng.money import Rate
from minzheng.payments import case_entitlements, schedule
from minzheng.programmes import Programme
from minzheng.rules import Decision

D = datetime.date
YEAR = list(Month.range(Month(2025, 1), Month(2026, 12)))
PLACEHOLDER = re.compile(r"\{[A-Za-z_]+\}")


def decision(eligible: bool = True) -> Decision:
    return Decision(
        programme=Programme.TEKUN,
        eligible=eligible,
        on=D(2025, 3, 11),
        subject="P1",
        amount=Rate.monthly("605") if eligible else None,
    )


def publicised(case_id: str = "C", persons: frozenset[str] = frozenset({"P1"})) -> Case:
    case = Case.open(
        case_id=case_id, programme=Programme.TEKUN, subject="P1", persons=persons, on=D(2025, 3, 3)
    )
    for action in (CaseAction.ACCEPT, CaseAction.INVESTIGATE, CaseAction.PUBLICISE):
        case = case.apply(action, on=D(2025, 3, 3))
    return case


def paying() -> Case:
    approved = publicised().apply(CaseAction.APPROVE, on=D(2025, 3, 11), decision=decision())
    return approved.apply(CaseAction.PAY, on=D(2025, 4, 1))


def paid_months(case: Case) -> list[Month]:
    return [d.month for d in schedule(case_entitlements(case, entitlement_id="E"), YEAR)]


def test_termination_stops_payment_from_the_next_month() -> None:
    # DOMAIN.md §5.5: the county bureau decides and support stops from the next month.
    case = paying()
    assert case.last_paid_month is None
    ended = case.apply(CaseAction.TERMINATE, on=D(2025, 9, 15))
    assert ended.last_paid_month == Month(2025, 9)
    assert paid_months(ended) == list(Month.range(Month(2025, 4), Month(2025, 9)))


def test_suspension_is_the_stop_even_when_termination_follows() -> None:
    case = paying().apply(CaseAction.SUSPEND, on=D(2025, 6, 30))
    assert case.status is CaseStatus.SUSPENDED and case.last_paid_month == Month(2025, 6)
    ended = case.apply(CaseAction.TERMINATE, on=D(2025, 10, 8))
    assert ended.last_paid_month == Month(2025, 6)
    assert paid_months(ended)[-1] == Month(2025, 6)


def test_resumption_pays_again_from_the_month_after_it() -> None:
    case = paying().apply(CaseAction.SUSPEND, on=D(2025, 6, 30))
    resumed = case.apply(CaseAction.RESUME, on=D(2025, 8, 5))
    assert resumed.last_paid_month is None
    assert resumed.paid_stretches == ((Month(2025, 4), Month(2025, 6)), (Month(2025, 9), None))
    months = paid_months(resumed)
    assert Month(2025, 7) not in months and Month(2025, 8) not in months
    assert months[-1] == YEAR[-1]


def test_terminated_before_the_first_paid_month_pays_nothing() -> None:
    approved = publicised().apply(CaseAction.APPROVE, on=D(2025, 3, 11), decision=decision())
    ended = approved.apply(CaseAction.TERMINATE, on=D(2025, 3, 20))
    assert ended.last_paid_month == Month(2025, 3) < ended.payment_start  # type: ignore[operator]
    assert ended.paid_stretches == () and paid_months(ended) == []


def test_approving_with_an_ineligible_decision_is_refused() -> None:
    register = CaseRegister()
    register.add(publicised())
    before = register.get("C")
    with pytest.raises(RuleViolation) as info:
        register.apply("C", CaseAction.APPROVE, on=D(2025, 3, 11), decision=decision(False))
    assert info.value.code == "case.decision_ineligible"
    assert info.value.reasons[0].code == "case.decision_ineligible"
    assert register.get("C") == before and register.get("C").events == before.events
    for locale in ("zh_Hans", "zh_Hant", "en"):
        assert not PLACEHOLDER.search(info.value.message(locale))
        assert not PLACEHOLDER.search(info.value.reasons[0].render(locale))
    # Nor can such a case be built by hand.
    with pytest.raises(InvalidValue):
        Case(
            case_id="X",
            programme=Programme.TEKUN,
            subject="P1",
            persons={"P1"},
            events=(
                *before.events,
                CaseEvent(action=CaseAction.APPROVE, on=D(2025, 3, 11), decision=decision(False)),
            ),
        )


@settings(max_examples=40)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(list(CaseAction)),
            st.integers(-3, 40),
            st.sampled_from([None, True, False]),
        ),
        max_size=12,
    )
)
def test_refusals_change_nothing_and_stops_are_respected(
    steps: list[tuple[CaseAction, int, bool | None]],
) -> None:
    register = CaseRegister()
    register.add(publicised())
    day = D(2025, 3, 3)
    for action, days, eligible in steps:
        day += datetime.timedelta(days=days)
        before = register.get("C")
        chosen = None if eligible is None else decision(eligible)
        try:
            register.apply("C", action, on=day, decision=chosen)
        except RuleViolation:
            assert register.get("C") == before and len(register) == 1
            continue
        assert action is not CaseAction.APPROVE or eligible is not False
    case = register.get("C")
    last = case.last_paid_month
    if last is not None:
        assert case.status in (CaseStatus.SUSPENDED, CaseStatus.TERMINATED)
        if any(e.action is CaseAction.APPROVE and e.decision for e in case.events):
            assert all(m <= last for m in paid_months(case))
    starts = [first for first, _ in case.paid_stretches]
    assert starts == sorted(starts)


GOOD_EVENT: dict[str, Any] = {"action": CaseAction.ACCEPT, "on": D(2025, 3, 3), "note": ""}
GOOD_POLICY: dict[str, Any] = {
    "publicity_days": 7,
    "processing_working_days": 30,
    "payment_offset_months": 1,
    "calendar": FixedCalendar(weekends=True),
}
GOOD_OPEN: dict[str, Any] = {
    "case_id": "C",
    "programme": Programme.DIBAO,
    "subject": "HH",
    "persons": {"A"},
    "on": D(2025, 3, 3),
}
WRONG = st.one_of(
    st.floats(allow_nan=False),
    st.text(max_size=8),
    st.integers(-5, 5),
    st.booleans(),
    st.none(),
    st.just(datetime.datetime(2025, 3, 3, 9)),
    st.just("2025-03-03"),
    st.just([1, 2]),
    st.just([["A"]]),
    st.just(object()),
    st.just(Programme.DIBAO),
    st.just(Month(2025, 3)),
)
DOCUMENTED: dict[str, tuple[type, ...]] = {
    "action": (CaseAction,),
    "on": (D,),
    "note": (str,),
    "publicity_days": (int,),
    "processing_working_days": (int,),
    "payment_offset_months": (int,),
    "calendar": (FixedCalendar,),
    "case_id": (str,),
    "programme": (Programme,),
    "subject": (str,),
    "persons": (set, frozenset, list, tuple),
}


def wrong(good: dict[str, Any]) -> st.SearchStrategy[tuple[str, Any]]:
    def fits(name: str, value: Any) -> bool:
        if name == "on" and isinstance(value, datetime.datetime):
            return False
        if isinstance(value, bool) and DOCUMENTED[name] == (int,):
            return False
        if name == "persons" and isinstance(value, set | frozenset | list | tuple):
            return all(isinstance(v, str) for v in value)
        return isinstance(value, DOCUMENTED[name])

    return (
        st.sampled_from(sorted(good))
        .flatmap(lambda name: st.tuples(st.just(name), WRONG))
        .filter(lambda pair: not fits(*pair))
    )


@settings(max_examples=60)
@given(wrong(GOOD_EVENT))
def test_case_event_wrong_types_raise_minzheng_errors(pair: tuple[str, Any]) -> None:
    with pytest.raises(MinzhengError):
        CaseEvent(**{**GOOD_EVENT, pair[0]: pair[1]})


@settings(max_examples=60)
@given(wrong(GOOD_POLICY))
def test_case_policy_wrong_types_raise_minzheng_errors(pair: tuple[str, Any]) -> None:
    with pytest.raises(MinzhengError):
        CasePolicy(**{**GOOD_POLICY, pair[0]: pair[1]})


@settings(max_examples=80)
@given(wrong(GOOD_OPEN))
def test_case_open_wrong_types_raise_minzheng_errors(pair: tuple[str, Any]) -> None:
    with pytest.raises(MinzhengError):
        Case.open(**{**GOOD_OPEN, pair[0]: pair[1]})


@settings(max_examples=60)
@given(st.sampled_from(["action", "on", "note", "decision"]), WRONG)
def test_case_apply_wrong_types_raise_minzheng_errors(name: str, value: Any) -> None:
    good = {"action": (CaseAction,), "on": (D,), "note": (str,), "decision": (Decision, type(None))}
    assume(not isinstance(value, good[name]) or isinstance(value, datetime.datetime))
    args: dict[str, Any] = {
        "action": CaseAction.ACCEPT,
        "on": D(2025, 3, 4),
        "note": "",
        "decision": None,
    }
    args[name] = value
    action = args.pop("action")
    with pytest.raises(MinzhengError):
        Case.open(**GOOD_OPEN).apply(action, **args)


HOSTILE: list[Any] = [5, {"dibao", "tekun"}, "C", ["C"]]


@pytest.mark.parametrize(
    "call",
    [
        lambda: CaseRegister(exclusive=HOSTILE[0]),
        lambda: CaseRegister(exclusive=[HOSTILE[1]]),
        lambda: CaseRegister().add(HOSTILE[2]),
        lambda: CaseRegister().get(HOSTILE[3]),
        lambda: Case(case_id="C", programme=Programme.DIBAO, subject="H", persons={"H"}, events=()),
        lambda: Case(case_id="C", programme=Programme.DIBAO, subject="H", persons="HH", events=()),
        lambda: Case(
            case_id="C",
            programme=Programme.DIBAO,
            subject="H",
            persons={"H"},
            events=(CaseEvent(action=CaseAction.APPROVE, on=D(2025, 1, 1)),),
        ),
    ],
)
def test_case_and_register_wrong_inputs_raise_minzheng_errors(call: Any) -> None:
    with pytest.raises(MinzhengError):
        call()
