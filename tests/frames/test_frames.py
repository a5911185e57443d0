"""The columnar bridge: exact Arrow round trips, vectorised checks = object checks, frame stats = object stats."""

import datetime
from collections.abc import Callable
from typing import Any

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng.care import Bed, Institution, Stay
from minzheng.errors import MinzhengError
from minzheng.frames import aggregate_frame, facts_frame, from_arrow, to_arrow, validate_column
from minzheng.ids import CreditCode, ResidentId
from minzheng.payments import Disbursement, Entitlement
from minzheng.people import Household, Person
from minzheng.registration import SocialOrganisation
from minzheng.stats import (
    Fact,
    aggregate,
    by_age_band,
    by_area,
    by_division,
    by_kind,
    by_month,
    by_programme,
    by_sex,
    by_year,
)
from minzheng.testing import (
    credit_code_strings,
    entitlements,
    facts,
    households,
    institutions,
    invalid_credit_codes,
    invalid_resident_ids,
    ledgers,
    organisations,
    persons,
    resident_id_strings,
    stays,
)

RECORDS: dict[str, tuple[type, Any]] = {
    "Person": (Person, persons()),
    "Household": (Household, households()),
    "Entitlement": (Entitlement, entitlements()),
    "Institution": (Institution, institutions()),
    "Stay": (Stay, stays()),
    "SocialOrganisation": (SocialOrganisation, organisations()),
    "Fact": (Fact, facts()),
}


@pytest.mark.parametrize("name", sorted(RECORDS))
@settings(max_examples=25)
@given(data=st.data())
def test_round_trip_every_record_type(name: str, data: st.DataObject) -> None:
    cls, strategy = RECORDS[name]
    records = data.draw(st.lists(strategy, max_size=4))
    assert from_arrow(to_arrow(records, cls), cls) == records


@given(ledgers())
def test_round_trip_disbursements_and_beds(data: tuple[list[Entitlement], Any]) -> None:
    _, ledger = data
    rows = list(ledger)
    assert from_arrow(to_arrow(rows, Disbursement), Disbursement) == rows
    beds = [Bed(bed_id=f"B{n}", institution_id="I") for n in range(3)]
    assert from_arrow(to_arrow(beds), Bed) == beds


def object_code(parse: Any, value: Any) -> str | None:
    try:
        parse(value)
    except MinzhengError as err:
        return str(err.code)
    return None


@given(
    st.lists(
        st.one_of(
            resident_id_strings(),
            invalid_resident_ids(),
            st.none(),
            st.text(alphabet="0123456789Xx -", max_size=20),
        ),
        max_size=30,
    )
)
def test_vectorised_resident_id_codes_equal_object_codes(values: list[Any]) -> None:
    got = validate_column(pa.array(values, pa.string()), "resident_id").to_pylist()
    assert got == [object_code(ResidentId.parse, v) for v in values]


@given(
    st.lists(
        st.one_of(
            credit_code_strings(),
            invalid_credit_codes(),
            st.none(),
            st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXYIOZSV -", max_size=20),
        ),
        max_size=30,
    )
)
def test_vectorised_credit_code_codes_equal_object_codes(values: list[Any]) -> None:
    got = validate_column(pa.array(values, pa.string()), "credit_code").to_pylist()
    assert got == [object_code(CreditCode.parse, v) for v in values]


ON = datetime.date(2025, 2, 28)
DIMENSIONS = [
    [],
    [by_programme()],
    [by_division("prefecture"), by_area()],
    [by_sex(), by_age_band(ON)],
    [by_month()],
    [by_year()],
    [by_kind()],
    [by_division("province"), by_programme()],
    [by_division("township"), by_division("village")],
    [by_division(), by_division("township"), by_programme()],
]
BACKENDS: dict[str, Callable[[Any], Any]] = {
    "pyarrow": lambda t: t,
    "polars": lambda t: pl.from_arrow(t),
    "pandas": lambda t: t.to_pandas(types_mapper=pd.ArrowDtype),
    "duckdb": lambda t: duckdb.from_arrow(t),
}


@pytest.mark.parametrize("backend", sorted(BACKENDS))
@settings(max_examples=30)
@given(items=st.lists(facts(), max_size=40), dims=st.sampled_from(DIMENSIONS))
def test_frame_aggregates_equal_object_aggregates(
    backend: str, items: list[Fact], dims: list[Any]
) -> None:
    frame = BACKENDS[backend](facts_frame(items))
    assert aggregate_frame(frame, by=dims) == aggregate(items, by=dims)


def test_dask_on_a_local_cluster() -> None:
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    items = [facts().example() for _ in range(200)]
    expected = {tuple(map(str, dims)): aggregate(items, by=dims) for dims in DIMENSIONS[:4]}
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster,
        Client(cluster),  # type: ignore[no-untyped-call]
    ):
        frame = dd.from_pandas(  # type: ignore[no-untyped-call]
            facts_frame(items).to_pandas(types_mapper=pd.ArrowDtype), npartitions=3
        )
        for dims in DIMENSIONS[:4]:
            assert aggregate_frame(frame, by=dims) == expected[tuple(map(str, dims))]


# -- pseudonyms: the frames path agrees with the object path --------------------------------


def test_frames_and_objects_give_the_same_pseudonyms() -> None:
    from decimal import Decimal

    from minzheng.frames import pseudonymize_frame
    from minzheng.io import RosterRow
    from minzheng.privacy import Pseudonymizer
    from minzheng.programmes import Programme

    rows = [
        RosterRow(
            household_id="11010519491231002X",
            resident_id=rid,
            programme=Programme.DIBAO,
            amount=Decimal("430"),
        )
        for rid in ("11010519491231002X", "620521198502101233", "620521198502101233")
    ] + [RosterRow(person_id="P9", programme=Programme.TEKUN)]
    keyed = Pseudonymizer("bureau key")
    objects = facts_frame([r.to_fact(keys=keyed) for r in rows])
    raw = facts_frame([r.to_fact(keys="raw") for r in rows])
    assert "11010519491231002X" in raw["person"].to_pylist()
    for native in (raw, pl.from_arrow(raw), raw.to_pandas()):
        frame = pseudonymize_frame(native, keys=keyed)
        assert type(frame) is type(native)
        for column in ("person", "household"):
            assert [str(v) for v in nw_column(frame, column)] == objects[column].to_pylist()
    by = [by_programme()]
    assert aggregate_frame(pseudonymize_frame(raw, keys=keyed), by=by) == aggregate_frame(
        raw, by=by
    )
    assert pseudonymize_frame(raw, keys="raw") is raw


def nw_column(frame: Any, column: str) -> list[Any]:
    import narwhals.stable.v2 as nw

    return list(nw.from_native(frame, eager_only=True)[column].to_list())
