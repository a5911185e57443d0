"""Cases: transitions, 公示, payment start, the exclusive register — and a state machine."""

import datetime

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from minzheng.assistance import TRANSITIONS, Case, CaseAction, CasePolicy, CaseRegister, CaseStatus
from minzheng.dates import Month
from minzheng.errors import RuleViolation
from minzheng.programmes import Programme

D = datetime.date


def to_publicity(case: Case, start: datetime.date) -> Case:
    for action in (CaseAction.ACCEPT, CaseAction.INVESTIGATE, CaseAction.PUBLICISE):
        case = case.apply(action, on=start)
    return case


def test_happy_path_and_payment_start() -> None:
    case = to_publicity(
        Case.open(
            case_id="C", programme=Programme.DIBAO, subject="HH", persons={"A"}, on=D(2025, 3, 3)
        ),
        D(2025, 3, 3),
    )
    assert case.publicity_ends == D(2025, 3, 10)
    with pytest.raises(RuleViolation) as info:
        case.apply(CaseAction.APPROVE, on=D(2025, 3, 10))
    assert (
        info.value.code == "case.publicity_running"
        and info.value.reasons[0].code == "case.publicity_running"
    )
    approved = case.apply(CaseAction.APPROVE, on=D(2025, 3, 11))
    assert approved.status is CaseStatus.APPROVED and approved.payment_start == Month(2025, 4)
    paying = approved.apply(CaseAction.PAY, on=D(2025, 4, 1))
    ended = paying.apply(CaseAction.TERMINATE, on=D(2025, 12, 1), note="收入高于标准")
    assert (
        ended.status.is_final
        and ended.in_force_on(D(2025, 11, 30))
        and not ended.in_force_on(D(2025, 12, 1))
    )
    with pytest.raises(RuleViolation):
        ended.apply(CaseAction.RESUME, on=D(2025, 12, 2))


def test_configurable_policy() -> None:
    policy = CasePolicy(publicity_days=5, payment_offset_months=0)
    case = to_publicity(
        Case.open(
            case_id="C",
            programme=Programme.DIBAO,
            subject="HH",
            persons={"A"},
            on=D(2025, 3, 3),
            policy=policy,
        ),
        D(2025, 3, 3),
    )
    approved = case.apply(CaseAction.APPROVE, on=D(2025, 3, 9))
    assert approved.payment_start == Month(2025, 3)


def test_register_refuses_exclusive_programmes_and_duplicates() -> None:
    register = CaseRegister()
    for case_id, programme, persons in (
        ("D", Programme.DIBAO, {"A", "B"}),
        ("T", Programme.TEKUN, {"C"}),
        ("D2", Programme.DIBAO, {"B"}),
    ):
        register.add(
            to_publicity(
                Case.open(
                    case_id=case_id,
                    programme=programme,
                    subject=case_id,
                    persons=persons,
                    on=D(2025, 1, 2),
                ),
                D(2025, 1, 2),
            )
        )
    register.apply("D", CaseAction.APPROVE, on=D(2025, 2, 1))
    register.apply("T", CaseAction.APPROVE, on=D(2025, 2, 1))
    with pytest.raises(RuleViolation) as info:
        register.apply("D2", CaseAction.APPROVE, on=D(2025, 2, 2))
    assert info.value.code == "case.exclusive"
    register.apply("D", CaseAction.TERMINATE, on=D(2025, 3, 1), note="收入高于标准")
    register.apply("D2", CaseAction.APPROVE, on=D(2025, 3, 1))
    assert {c.case_id for c in register.in_force_on(D(2025, 3, 1))} == {"T", "D2"}


class CaseMachine(RuleBasedStateMachine):
    """Any sequence of events leaves every case in a reachable status, and no person in two exclusive cases."""

    @initialize()
    def start(self) -> None:
        self.register = CaseRegister()
        self.day = D(2025, 1, 1)
        self.count = 0

    @rule(
        programme=st.sampled_from([Programme.DIBAO, Programme.TEKUN]),
        persons=st.sets(st.sampled_from("ABCD"), min_size=1, max_size=2),
    )
    def open_case(self, programme: Programme, persons: set[str]) -> None:
        self.count += 1
        self.register.add(
            Case.open(
                case_id=f"C{self.count}",
                programme=programme,
                subject=f"C{self.count}",
                persons=persons,
                on=self.day,
            )
        )

    @rule(data=st.data(), action=st.sampled_from(list(CaseAction)), days=st.integers(0, 10))
    def act(self, data: st.DataObject, action: CaseAction, days: int) -> None:
        cases = list(self.register)
        if not cases:
            return
        case = data.draw(st.sampled_from(cases))
        self.day += datetime.timedelta(days=days)
        before = case.status
        try:
            self.register.apply(case.case_id, action, on=self.day)
        except RuleViolation:
            assert self.register.get(case.case_id).status is before
        else:
            assert (before, action) in TRANSITIONS

    @invariant()
    def no_person_in_two_exclusive_cases(self) -> None:
        if not hasattr(self, "register"):
            return
        holders: dict[str, Programme] = {}
        for case in self.register.in_force_on(self.day):
            for person in case.persons:
                assert person not in holders, (person, holders[person], case.programme)
                holders[person] = case.programme


TestCaseMachine = CaseMachine.TestCase


def test_dibao_termination_needs_written_reasons() -> None:
    # 《社会救助暂行办法》第十三条: stopping 低保 is decided with written reasons.
    register = CaseRegister()
    case = Case.open(
        case_id="D", programme=Programme.DIBAO, subject="HH", persons={"A"}, on=D(2025, 1, 2)
    )
    register.add(to_publicity(case, D(2025, 1, 2)))
    register.apply("D", CaseAction.APPROVE, on=D(2025, 2, 1))
    before = register.get("D")
    for note in ("", "  \n "):
        with pytest.raises(RuleViolation) as info:
            register.apply("D", CaseAction.TERMINATE, on=D(2025, 3, 1), note=note)
        assert info.value.code == "dibao.termination_reasons_missing"
        assert info.value.reasons[0].citation is not None
        assert info.value.reasons[0].citation.article == 13
        assert register.get("D") == before
    register.apply("D", CaseAction.TERMINATE, on=D(2025, 3, 1), note="家庭人均收入高于标准")
    assert register.get("D").status is CaseStatus.TERMINATED


def test_dibao_termination_accepts_the_termination_decision() -> None:
    from minzheng.assistance import decide_dibao_termination, example_household

    case = to_publicity(
        Case.open(
            case_id="D", programme=Programme.DIBAO, subject="HH", persons={"A"}, on=D(2025, 1, 2)
        ),
        D(2025, 1, 2),
    ).apply(CaseAction.APPROVE, on=D(2025, 2, 1))
    decision = decide_dibao_termination(
        example_household(), on=D(2025, 3, 1), written_reasons="连续三个月收入高于标准"
    )
    assert case.apply(CaseAction.TERMINATE, on=D(2025, 3, 1), decision=decision).status is (
        CaseStatus.TERMINATED
    )


def test_other_programmes_terminate_without_dibao_reasons() -> None:
    case = to_publicity(
        Case.open(
            case_id="T", programme=Programme.TEKUN, subject="P", persons={"P"}, on=D(2025, 1, 2)
        ),
        D(2025, 1, 2),
    ).apply(CaseAction.APPROVE, on=D(2025, 2, 1))
    assert case.apply(CaseAction.TERMINATE, on=D(2025, 3, 1)).status is CaseStatus.TERMINATED
