"""The marriage register under threads: no bigamy and no torn reads, whoever races."""

import copy
import datetime
import pickle
from typing import Any

from minzheng.codes import Sex
from minzheng.people import Person
from minzheng.registration import MarriageRegister

D = datetime.date
SHE = Person(person_id="SHE", sex=Sex.FEMALE, birth_date=D(1990, 1, 1))


def _man(n: object) -> Person:
    return Person(person_id=f"M{n}", sex=Sex.MALE, birth_date=D(1990, 1, 1))


def _woman(n: object) -> Person:
    return Person(person_id=f"F{n}", sex=Sex.FEMALE, birth_date=D(1990, 1, 1))


def test_eight_suitors_on_one_day_make_one_marriage(race: Any) -> None:
    def action(reg: MarriageRegister, i: int) -> str:
        return reg.register_marriage(
            f"R{i}", _man(i), SHE, on=D(2025, 6, 1), registry="620521"
        ).marriage_id

    def check(reg: MarriageRegister, outcomes: list[object]) -> None:
        assert len(reg.marriages) == 1
        assert outcomes.count("refused:marriage.already_married") == 7

    assert race(MarriageRegister, action, check) > 20


def test_readers_iterate_while_marriages_are_registered(race: Any) -> None:
    def action(reg: MarriageRegister, i: int) -> None:
        for n in range(40):
            if i % 2:
                reg.register_marriage(
                    f"R{i}-{n}",
                    _man(f"{i}-{n}"),
                    _woman(f"{i}-{n}"),
                    on=D(2025, 6, 1),
                    registry="620521",
                )
            else:
                assert reg.current_marriage("nobody", D(2025, 6, 1)) is None
                reg.counts(D(2025, 1, 1), D(2025, 12, 31))

    def check(reg: MarriageRegister, outcomes: list[object]) -> None:
        assert len(reg.marriages) == 4 * 40

    assert race(MarriageRegister, action, check, rounds=40) > 0


def test_a_marriage_register_pickles_and_copies_into_an_independent_register() -> None:
    reg = MarriageRegister()
    reg.register_marriage("R0", _man(0), SHE, on=D(2025, 6, 1), registry="620521")
    for clone in (pickle.loads(pickle.dumps(reg)), copy.copy(reg), copy.deepcopy(reg)):
        assert clone.marriages == reg.marriages
        clone.register_marriage("R1", _man(1), _woman(1), on=D(2025, 6, 1), registry="620521")
        assert len(clone.marriages) == 2 and len(reg.marriages) == 1
