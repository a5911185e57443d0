"""Loading exports, JSON validation and synthetic counties — against named peers, as ratios.

    python benchmarks/bench_io.py [--n 100000]

1. A GB18030 roster CSV of ``n`` rows (10 columns, Chinese headers, 1 % bad rows):
   ``minzheng.io.load(…, RosterRow)`` — decode, map headers, parse every cell,
   check every identity number, account for every row — vs ``pandas.read_csv``
   (parsing only, no validation) and vs pydantic v2 validating each
   ``csv.DictReader`` row into a model whose validator checks the same checksum.
2. JSON request bodies (one household of four): ``minzheng.io.from_json`` vs a
   pydantic v2 model tree with the same fields and checksum validator.
3. ``minzheng.synth.iter_households``: persons generated per second (valid
   identity numbers, incomes) — no peer; reported as µs per person.

Nothing is asserted: these are measurements, printed as ratios.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import itertools
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pandas as pd
import pydantic

from minzheng.assistance import example_household
from minzheng.ids.resident_id import is_valid
from minzheng.io import RosterRow, from_json, load, to_json
from minzheng.people import Household
from minzheng.synth import iter_households

HEADER = [
    "户编号",
    "身份证号",
    "姓名",
    "性别",
    "出生日期",
    "与户主关系",
    "户籍性质",
    "保障类别",
    "月人均收入",
    "保障金额",
]


def best(fn: Callable[[], Any], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def roster_bytes(n: int) -> bytes:
    households = iter_households(persons=n, seed=1)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    rows = 0
    for household in households:
        for m in household.members:
            person = m.person
            assert person.resident_id is not None and person.sex is not None and person.birth_date
            rid = person.resident_id.value
            if rows % 100 == 99:
                rid = rid[:-1] + ("0" if rid[-1] != "0" else "1")  # a bad checksum
            writer.writerow(
                [
                    household.household_id,
                    rid,
                    person.name,
                    person.sex.term[0],
                    person.birth_date.isoformat(),
                    m.relationship.term,
                    household.area.term,
                    "低保",
                    "300",
                    "430",
                ]
            )
            rows += 1
            if rows == n:
                return buffer.getvalue().encode("gb18030")
    return buffer.getvalue().encode("gb18030")


class PydanticRow(pydantic.BaseModel):
    household_id: str
    resident_id: str
    name: str
    sex: str
    birth_date: datetime.date
    relationship: str
    area: str
    programme: str
    per_capita_income: Decimal
    amount: Decimal

    @pydantic.field_validator("resident_id")
    @classmethod
    def _checksum(cls, value: str) -> str:
        if not is_valid(value):
            raise ValueError("bad identity number")
        return value


FIELDS = [
    "household_id",
    "resident_id",
    "name",
    "sex",
    "birth_date",
    "relationship",
    "area",
    "programme",
    "per_capita_income",
    "amount",
]


def pydantic_load(data: bytes) -> tuple[int, int]:
    reader = csv.reader(io.StringIO(data.decode("gb18030")))
    next(reader)
    good = bad = 0
    for cells in reader:
        try:
            PydanticRow.model_validate(dict(zip(FIELDS, cells, strict=True)))
            good += 1
        except pydantic.ValidationError:
            bad += 1
    return good, bad


class PPerson(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    person_id: str
    resident_id: str | None = None
    name: str | None = None
    sex: str | None = None
    birth_date: datetime.date | None = None
    hukou_type: str | None = None
    hukou_division: str | None = None
    disability: dict[str, Any] | None = None
    work_capacity: str | None = None
    education: str | None = None
    absences: list[dict[str, Any]] = []
    serious_illness: bool = False
    unemployed: bool = False

    @pydantic.field_validator("resident_id")
    @classmethod
    def _checksum(cls, value: str | None) -> str | None:
        if value is not None and not is_valid(value):
            raise ValueError("bad identity number")
        return value


class PMembership(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    person: PPerson
    relationship: str
    joined: datetime.date | None = None
    left: datetime.date | None = None
    lives_together: bool = True
    support_duty: bool | None = None


class PRate(pydantic.BaseModel):
    amount: Decimal
    period: str


class PIncome(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow")
    person_id: str
    amount: PRate


class PHousehold(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    household_id: str
    division: str
    area: str
    members: list[PMembership]
    obligors: list[dict[str, Any]] = []
    incomes: list[PIncome] = []
    assets: list[dict[str, Any]] = []


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    n = parser.parse_args().n

    data = roster_bytes(n)
    result = load(io.BytesIO(data), RosterRow, format="csv")
    print(
        f"1. roster CSV, {n:,} rows (GB18030): minzheng accepted {len(result.accepted):,}, "
        f"rejected {len(result.rejected):,}; pydantic {pydantic_load(data)}"
    )
    t_mz = best(
        lambda: load(io.BytesIO(data), RosterRow, format="csv"), repeat=1 if n > 200_000 else 3
    )
    t_pd = best(lambda: pd.read_csv(io.BytesIO(data), encoding="gb18030", dtype=str))
    t_py = best(lambda: pydantic_load(data), repeat=1 if n > 200_000 else 3)
    print(f"   minzheng load            {t_mz:8.3f} s  ({t_mz / n * 1e6:.1f} µs/row)")
    print(f"   pandas.read_csv (no checks) {t_pd:5.3f} s:  minzheng is {t_mz / t_pd:.1f}× its time")
    print(f"   pydantic rows + checksum {t_py:8.3f} s:  minzheng is {t_mz / t_py:.2f}× its time")

    body = to_json(example_household())
    reps = 5_000
    t_j = best(lambda: [from_json(body, Household) for _ in range(reps)])
    t_p = best(lambda: [PHousehold.model_validate_json(body) for _ in range(reps)])
    print(
        f"2. JSON household (4 members): minzheng from_json {t_j / reps * 1e6:.1f} µs, "
        f"pydantic {t_p / reps * 1e6:.1f} µs: {t_j / t_p:.2f}× (minzheng also runs the household rules)"
    )

    persons = max(n, 10_000)
    start = time.perf_counter()
    made = sum(
        len(h.members) for h in itertools.islice(iter_households(persons=persons, seed=2), 10**9)
    )
    took = time.perf_counter() - start
    print(
        f"3. synth: {made:,} persons in {took:.2f} s ({took / made * 1e6:.1f} µs/person; "
        f"10 million ≈ {took / made * 1e7 / 60:.0f} min, memory bounded by birth dates)"
    )


if __name__ == "__main__":
    main()
