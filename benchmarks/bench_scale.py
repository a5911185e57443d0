"""Scale: ingest, columnar validation, aggregation, memory and import time — against named peers, as ratios.

    python benchmarks/bench_scale.py [--n 1000000]

1. Per-object ingest (dict → validated object) on the same records and checks:
   minzheng (ResidentId.parse + Person + parse_amount) vs pydantic v2 and msgspec
   models whose validators call the same checksum.
2. Columnar validation of identity numbers (minzheng.frames.validate_column) vs
   the per-object path and vs msgspec per record.
3. Aggregation of facts by programme and prefecture: minzheng on Polars and on
   DuckDB vs the hand-written Polars and DuckDB queries, and the object path (a
   Python loop).
4. Bytes per object: a minzheng Fact vs a slotted dataclass with the same fields.
5. ``import minzheng`` time vs an empty interpreter.

Nothing is asserted: these are measurements, printed as ratios.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import gc
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import duckdb
import msgspec
import polars as pl
import pyarrow as pa
import pydantic

from minzheng.codes import Area
from minzheng.frames import aggregate_frame, facts_frame, validate_column
from minzheng.ids import ResidentId
from minzheng.ids.resident_id import calc_check_digit
from minzheng.money import parse_amount
from minzheng.people import Person
from minzheng.programmes import Programme
from minzheng.stats import Fact, aggregate, by_division, by_programme

COUNTIES = [
    "620521",
    "620522",
    "620523",
    "620524",
    "620525",
    "620724",
    "620702",
    "110105",
    "429004",
    "441900",
]


def best(fn: Callable[[], Any], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def make_records(n: int, rng: random.Random) -> list[dict[str, str]]:
    out = []
    for i in range(n):
        born = datetime.date(1930, 1, 1) + datetime.timedelta(days=rng.randrange(30000))
        body = f"{rng.choice(COUNTIES)}{born:%Y%m%d}{rng.randrange(1000):03d}"
        out.append(
            {
                "person_id": f"P{i}",
                "resident_id": body + calc_check_digit(body),
                "name": "王秀英",
                "birth_date": born.isoformat(),
                "amount": f"{rng.randrange(100000) / 100:.2f}",
            }
        )
    return out


def _check_id(value: str) -> str:
    ResidentId.parse(value)  # the same checks for every contender
    return value


class PydanticRecord(pydantic.BaseModel):
    person_id: str
    resident_id: str
    name: str
    birth_date: datetime.date
    amount: Decimal

    @pydantic.field_validator("resident_id")
    @classmethod
    def check(cls, value: str) -> str:
        return _check_id(value)


class MsgspecRecord(msgspec.Struct):
    person_id: str
    resident_id: str
    name: str
    birth_date: datetime.date
    amount: Decimal

    def __post_init__(self) -> None:
        _check_id(self.resident_id)


def ingest_minzheng(records: list[dict[str, str]]) -> None:
    for r in records:
        Person(
            person_id=r["person_id"],
            resident_id=ResidentId.parse(r["resident_id"]),
            name=r["name"],
            birth_date=datetime.date.fromisoformat(r["birth_date"]),
        )
        parse_amount(r["amount"])


def make_facts(n: int, rng: random.Random) -> list[Fact]:
    programmes = [
        Programme.DIBAO,
        Programme.TEKUN,
        Programme.ORPHAN,
        Programme.DISABILITY_NURSING_SUBSIDY,
    ]
    return [
        Fact(
            programme=rng.choice(programmes),
            division=rng.choice(COUNTIES),
            area=rng.choice(list(Area)),
            household=f"H{rng.randrange(n // 3 + 1)}",
            person=f"P{rng.randrange(n // 2 + 1)}",
            amount=Decimal(rng.randrange(100000)) / 100,
        )
        for _ in range(n)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1_000_000)
    args = parser.parse_args()
    n = args.n
    rng = random.Random(20251122)
    ingest_n = min(n, 200_000)
    records = make_records(ingest_n, rng)
    print(f"1. ingest, {ingest_n:,} records (dict → validated object), best of 3")
    base = best(lambda: ingest_minzheng(records))
    rows = [
        ("minzheng", base),
        ("pydantic v2", best(lambda: [PydanticRecord.model_validate(r) for r in records])),
        ("msgspec", best(lambda: [msgspec.convert(r, MsgspecRecord) for r in records])),
    ]
    for name, seconds in rows:
        print(
            f"   {name:<12}{seconds * 1e6 / ingest_n:8.2f} µs/record   peer/minzheng {seconds / base:5.2f}×"
        )

    ids = pa.array([r["resident_id"] for r in make_records(n, rng)], pa.string())
    print(f"2. validation of {n:,} identity numbers, best of 3")
    columnar = best(lambda: validate_column(ids, "resident_id"))
    objects = best(lambda: [ResidentId.is_valid(v) for v in ids.to_pylist()], repeat=1)
    plain = [
        {"person_id": "P", "resident_id": v, "name": "x", "birth_date": "2000-01-01", "amount": "1"}
        for v in ids.to_pylist()[: min(n, 200_000)]
    ]
    per_msgspec = (
        best(lambda: [msgspec.convert(r, MsgspecRecord) for r in plain], repeat=1) / len(plain) * n
    )
    print(f"   columnar      {columnar * 1e9 / n:8.1f} ns/value")
    print(
        f"   per-object    {objects * 1e9 / n:8.1f} ns/value   per-object/columnar {objects / columnar:6.1f}×"
    )
    print(
        f"   msgspec       {per_msgspec * 1e9 / n:8.1f} ns/value   msgspec/columnar    {per_msgspec / columnar:6.1f}×"
    )

    facts = make_facts(n, rng)
    table = facts_frame(facts)
    frame = pl.from_arrow(table)
    relation = duckdb.from_arrow(table)
    by = [by_programme(), by_division("prefecture")]
    print(f"3. aggregation of {n:,} facts by programme and prefecture, best of 3")
    mz_polars = best(lambda: aggregate_frame(frame, by=by))
    mz_duckdb = best(lambda: aggregate_frame(relation, by=by))
    mapping = {c: c[:4] + "00" if c[2:4] != "90" else c[:2] + "0000" for c in COUNTIES}
    mapping.update({"110105": "110000", "441900": "441900"})

    def hand_polars() -> Any:
        assert isinstance(frame, pl.DataFrame)
        f = frame.with_columns(
            pl.col("division").cast(pl.String).replace_strict(mapping).alias("d"),
            pl.col("programme").cast(pl.String),
        )
        return f.group_by("programme", "d").agg(
            pl.col("household").filter(pl.col("household") != "").n_unique(),
            pl.col("person").filter(pl.col("person") != "").n_unique(),
            pl.len(),
            pl.col("amount").sum(),
            pl.col("count").sum(),
        )

    cases = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in mapping.items())
    sql = (
        f"SELECT programme, CASE division {cases} END AS d, count(DISTINCT nullif(household, '')), "
        f"count(DISTINCT nullif(person, '')), count(*), sum(amount), sum(count) FROM t GROUP BY ALL"
    )
    con = duckdb.connect()
    con.register("t", table)
    hand_polars_s = best(hand_polars)
    hand_duckdb_s = best(lambda: con.execute(sql).fetchall())
    loop = best(lambda: aggregate(facts, by=by), repeat=1)
    print(
        f"   minzheng on Polars {mz_polars:7.3f} s   vs hand-written Polars {hand_polars_s:7.3f} s: "
        f"{mz_polars / hand_polars_s:5.2f}×"
    )
    print(
        f"   minzheng on DuckDB {mz_duckdb:7.3f} s   vs hand-written DuckDB {hand_duckdb_s:7.3f} s: "
        f"{mz_duckdb / hand_duckdb_s:5.2f}×"
    )
    print(f"   object path (Python loop) {loop:7.3f} s: {loop / mz_polars:5.1f}× the Polars path")

    @dataclasses.dataclass(slots=True, frozen=True)
    class PlainFact:
        programme: Any
        division: str
        area: Any
        sex: Any
        birth_date: Any
        month: Any
        household: str
        person: str
        amount: Decimal
        count: int
        kind: str

    def measure(make: Callable[[int], Any], k: int = 100_000) -> float:
        gc.collect()
        tracemalloc.start()
        items = [make(i) for i in range(k)]
        size, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del items
        return size / k

    amount = Decimal("1.00")
    mz_bytes = measure(
        lambda i: Fact(programme=Programme.DIBAO, household="H", person="P", amount=amount)
    )
    dc_bytes = measure(
        lambda i: PlainFact(Programme.DIBAO, "", None, None, None, None, "H", "P", amount, 1, "")
    )
    print(
        f"4. bytes per object: minzheng Fact {mz_bytes:.0f}, slotted dataclass {dc_bytes:.0f}: "
        f"{mz_bytes / dc_bytes:.2f}×"
    )

    def import_time(code: str) -> float:
        samples = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            samples.append(time.perf_counter() - start)
        return statistics.median(samples)

    empty, full, ids_mod = (
        import_time("pass"),
        import_time("import minzheng"),
        import_time("import minzheng.ids"),
    )
    print(
        f"5. import minzheng: {(full - empty) * 1000:.0f} ms; import minzheng.ids: {(ids_mod - empty) * 1000:.0f} ms "
        f"(interpreter start {empty * 1000:.0f} ms excluded)"
    )


if __name__ == "__main__":
    main()
