"""The case register under threads: no person approved into two exclusive cases, whoever races."""

import copy
import datetime
import pickle
from typing import Any

from minzheng.assistance import Case, CaseAction, CaseRegister
from minzheng.programmes import Programme

D = datetime.date


def _publicised(case_id: str, programme: Programme, persons: set[str]) -> Case:
    case = Case.open(
        case_id=case_id, programme=programme, subject=case_id, persons=persons, on=D(2025, 1, 2)
    )
    for action, day in (
        (CaseAction.ACCEPT, D(2025, 1, 2)),
        (CaseAction.INVESTIGATE, D(2025, 1, 3)),
        (CaseAction.PUBLICISE, D(2025, 1, 6)),
    ):
        case = case.apply(action, on=day)
    return case


def _eight_cases() -> CaseRegister:
    register = CaseRegister()
    for i in range(8):
        programme = Programme.DIBAO if i % 2 else Programme.TEKUN
        register.add(_publicised(f"C{i}", programme, {"B", f"X{i}"}))
    return register


def test_eight_approvals_of_one_person_leave_one_case_in_force(race: Any) -> None:
    def action(register: CaseRegister, i: int) -> str:
        register.apply(f"C{i}", CaseAction.APPROVE, on=D(2025, 1, 20))
        return "approved"

    def check(register: CaseRegister, outcomes: list[object]) -> None:
        assert len(register.in_force_on(D(2025, 1, 20))) == 1
        assert outcomes.count("refused:case.exclusive") == 7

    assert race(_eight_cases, action, check) > 20


def test_readers_iterate_while_cases_are_added(race: Any) -> None:
    def action(register: CaseRegister, i: int) -> None:
        for n in range(40):
            if i % 2:
                register.add(_publicised(f"N{i}-{n}", Programme.DIBAO, {f"P{i}-{n}"}))
            else:
                assert len(register.cases_of("B")) == 8
                register.in_force_on(D(2025, 1, 20))
                assert len(list(register)) >= 8

    def check(register: CaseRegister, outcomes: list[object]) -> None:
        assert len(register) == 8 + 4 * 40

    assert race(_eight_cases, action, check, rounds=40) > 0


def test_a_case_register_pickles_and_copies_into_an_independent_register() -> None:
    register = _eight_cases()
    for clone in (
        pickle.loads(pickle.dumps(register)),
        copy.copy(register),
        copy.deepcopy(register),
    ):
        assert list(clone) == list(register)
        clone.apply("C0", CaseAction.APPROVE, on=D(2025, 1, 20))
        assert len(clone.in_force_on(D(2025, 1, 20))) == 1
        assert register.in_force_on(D(2025, 1, 20)) == []
