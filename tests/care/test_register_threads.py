"""The bed register under threads: one resident per bed and one bed per resident, whoever races."""

import copy
import datetime
import pickle
from typing import Any

from minzheng.care import Bed, BedKind, BedRegister
from minzheng.care.institution import Institution, InstitutionKind
from minzheng.people import Person

D = datetime.date


def _register(beds: int = 1) -> BedRegister:
    reg = BedRegister()
    reg.add_institution(
        Institution(
            institution_id="I", name="敬老院", kind=InstitutionKind.TEKUN_HOME, division="620521"
        )
    )
    for n in range(beds):
        reg.add_bed(Bed(bed_id=f"B{n}", institution_id="I", kind=BedKind.NURSING))
    return reg


def test_eight_threads_admit_one_resident_to_one_bed(race: Any) -> None:
    def action(reg: BedRegister, i: int) -> str:
        return reg.admit(f"S{i}", Person(person_id=f"P{i}"), "B0", on=D(2025, 1, 6)).stay_id

    def check(reg: BedRegister, outcomes: list[object]) -> None:
        assert len(reg.stays_on(D(2025, 1, 6))) == 1
        assert outcomes.count("refused:care.bed_occupied") == 7

    assert race(_register, action, check) > 20


def test_one_person_is_admitted_to_one_of_many_beds(race: Any) -> None:
    def action(reg: BedRegister, i: int) -> str:
        return reg.admit(f"S{i}", Person(person_id="P"), f"B{i}", on=D(2025, 1, 6)).stay_id

    def check(reg: BedRegister, outcomes: list[object]) -> None:
        assert len(list(reg.resident_stays("P"))) == 1
        assert outcomes.count("refused:care.person_in_stay") == 7

    assert race(lambda: _register(8), action, check) > 20


def test_readers_iterate_while_residents_are_admitted(race: Any) -> None:
    def action(reg: BedRegister, i: int) -> None:
        for n in range(15):
            if i % 2:
                reg.admit(f"S{i}-{n}", Person(person_id=f"P{i}-{n}"), f"B{i}{n}", on=D(2025, 1, 6))
            else:
                on = D(2025, 1, 6)
                assert len(reg.stays_on(on)) <= len(reg.beds_in_service(on))
                list(reg.resident_stays("P1-1"))
                reg.history("B10")

    def check(reg: BedRegister, outcomes: list[object]) -> None:
        assert len(reg.stays) == 60

    def setup() -> BedRegister:
        reg = _register()
        for i in range(8):
            for n in range(15):
                reg.add_bed(Bed(bed_id=f"B{i}{n}", institution_id="I"))
        return reg

    assert race(setup, action, check, rounds=40) > 0


def test_a_bed_register_pickles_and_copies_into_an_independent_register() -> None:
    reg = _register(2)
    reg.admit("S0", Person(person_id="P0"), "B0", on=D(2025, 1, 6))
    reg.take_out_of_service("B1", start=D(2025, 1, 1))
    for clone in (pickle.loads(pickle.dumps(reg)), copy.copy(reg), copy.deepcopy(reg)):
        assert clone.stays == reg.stays and not clone.in_service("B1", D(2025, 2, 1))
        clone.return_to_service("B1", on=D(2025, 2, 1))
        clone.admit("S1", Person(person_id="P1"), "B1", on=D(2025, 3, 1))
        assert len(clone.stays) == 2 and len(reg.stays) == 1
        assert not reg.in_service("B1", D(2025, 3, 1))
