"""A ``StatTable`` round-trips JSON and dicts with its cells' types; Arrow refusals are minzheng errors."""

from __future__ import annotations

from decimal import Decimal

import pytest

from minzheng.codes import Area
from minzheng.dates import Month
from minzheng.errors import InvalidRecords, InvalidValue
from minzheng.io import from_dict, from_json, to_dict, to_json
from minzheng.programmes import Programme
from minzheng.stats import StatTable
from minzheng.stats.aggregate import Measure

TABLE = StatTable(
    dimensions=("programme", "area", "month"),
    measures=(Measure.HOUSEHOLDS, Measure.MONEY),
    rows=(
        (Programme.DIBAO, Area.URBAN, Month(2025, 1), 2, Decimal("1E+3")),
        (Programme.TEKUN, None, Month(2025, 2), 1, Decimal("605.50")),
    ),
)


def test_a_stat_table_round_trips_with_typed_cells() -> None:
    assert from_json(to_json(TABLE), StatTable) == TABLE
    assert from_dict(to_dict(TABLE), StatTable) == TABLE
    restored = from_json(to_json(TABLE), StatTable)
    assert restored.rows[0][0] is Programme.DIBAO and restored.rows[0][2] == Month(2025, 1)
    assert restored.labelled("en") == TABLE.labelled("en")


def test_a_stat_table_with_bad_cells_is_invalid_records() -> None:
    data = to_dict(TABLE)
    data["rows"][0][0] = {"code": "NoSuchList", "value": "x"}
    with pytest.raises(InvalidRecords):
        from_dict(data, StatTable)
    data["rows"] = "not rows"
    with pytest.raises(InvalidRecords):
        from_dict(data, StatTable)


def test_money_arrow_cannot_hold_is_a_minzheng_error() -> None:
    table = StatTable(dimensions=(), measures=(Measure.MONEY,), rows=((Decimal("1.005"),),))
    with pytest.raises(InvalidValue):
        table.to_arrow()
