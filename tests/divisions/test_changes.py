"""Changes between the year-end lists, successors, predecessors and re-counting (issue 12)."""

from __future__ import annotations

import datetime

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng import divisions
from minzheng.divisions import ChangeKind, DivisionChange, DivisionRef, registry
from minzheng.errors import InvalidFormat, InvalidValue, UnknownCode


def test_what_changed_in_hangzhou_since_2020() -> None:
    found = divisions.changes(since=2020, under="330100")
    assert [(c.year, c.kind) for c in found] == [
        (2021, ChangeKind.ABOLISHED),
        (2021, ChangeKind.MERGED),
        (2021, ChangeKind.CREATED),
    ]
    abolished, merged, created = found
    assert abolished.old == (DivisionRef("330103", "下城区"),)
    assert abolished.new == (DivisionRef("330105", "拱墅区"),)
    assert {r.code for r in merged.new} == {"330102", "330114"}
    assert ("330109", "330114") in merged.links  # part of 萧山区 went to 钱塘区
    assert created.new == (DivisionRef("330113", "临平区"),)
    for change in found:
        assert change.announcement is not None
        assert change.announcement.number == "浙政发〔2021〕7号"
        assert change.date == datetime.date(2021, 3, 11)


def test_changes_are_frozen_records() -> None:
    change = divisions.changes(since=2021, until=2021, under="330100")[0]
    assert isinstance(change, DivisionChange)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        change.year = 2000  # type: ignore[misc]


@pytest.mark.parametrize(
    ("year", "under", "kind", "old", "new"),
    [
        (2021, "350400", ChangeKind.TO_DISTRICT, "350427", "350405"),  # 沙县 → 沙县区
        (2023, "540500", ChangeKind.TO_CITY, "540530", "540581"),  # 错那县 → 错那市
        (2014, "410200", ChangeKind.ABOLISHED, "410211", "410202"),  # 金明区 into 龙亭区
        (2018, "371200", ChangeKind.TRANSFERRED, "371203", "370117"),  # 钢城区 to 济南
        (2015, "320200", ChangeKind.MERGED, "320202", "320213"),  # 梁溪区
        (2004, "620500", ChangeKind.RENAMED, "620503", "620503"),  # 北道区 → 麦积区
        (1988, "430300", ChangeKind.RECODED, "430312", "430306"),  # 韶山区
        (2021, "330600", ChangeKind.BOUNDARY, "330604", "330602"),  # 沥海 to 越城区
    ],
)
def test_kinds(year: int, under: str, kind: ChangeKind, old: str, new: str) -> None:
    found = divisions.changes(since=year, until=year, under=under, kind=kind)
    assert any(old in {r.code for r in c.old} and new in {r.code for r in c.new} for c in found), (
        year,
        under,
        kind,
    )


def test_filters() -> None:
    every = divisions.changes()
    assert min(c.year for c in every) == registry().first_year + 1
    assert max(c.year for c in every) == registry().latest_year
    window = divisions.changes(since=2000, until=2001)
    assert window and {c.year for c in window} == {2000, 2001}
    assert divisions.changes(since=2030) == ()
    in_zhejiang = divisions.changes(under="330000")
    assert all(c.touches("330000") for c in in_zhejiang)
    assert set(in_zhejiang) >= set(divisions.changes(under="330100"))
    assert divisions.changes(kind="renamed") == divisions.changes(kind=ChangeKind.RENAMED)


@pytest.mark.parametrize(
    "kwargs",
    [{"under": "3301"}, {"under": 330100}, {"since": "2020"}, {"until": 2020.0}, {"kind": "x"}],
)
def test_bad_arguments_raise_library_errors(kwargs: dict[str, object]) -> None:
    with pytest.raises((InvalidValue, InvalidFormat, UnknownCode)):
        divisions.changes(**kwargs)  # type: ignore[arg-type]


def test_successors_follow_retired_codes_to_today() -> None:
    assert [d.code for d in divisions.successors("330103")] == ["330105"]
    assert [d.code for d in divisions.successors("330104")] == ["330102", "330114"]
    assert [d.code for d in divisions.successors("371202")] == ["370116"]  # via 2018
    assert [d.code for d in divisions.successors("110228")] == ["110118"]  # 密云县
    assert [d.code for d in divisions.successors("429001")] == ["421303", "421321"]  # 随州
    assert [d.code for d in divisions.successors("422921")] == ["429021"]  # 神农架
    assert [d.code for d in divisions.successors("330105")] == ["330105"]  # still in force
    assert [d.code for d in divisions.successors("330103", 2020)] == ["330103"]
    assert divisions.successors("330113", 2020) == ()  # not yet in use
    assert divisions.successors("999999") == ()


def test_predecessors_are_the_inverse() -> None:
    assert [(d.code, d.name) for d in divisions.predecessors("330105")] == [
        ("330107", "半山区"),
        ("330103", "下城区"),
    ]
    assert [d.code for d in divisions.predecessors("330113")] == []  # carved out, 余杭区 went on
    assert divisions.predecessors("999999") == ()


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([e for c in registry().codes() for e in divisions.history(c)][::7]))
def test_successors_and_predecessors_agree(entry: divisions.Division) -> None:
    for unit in divisions.successors(entry.code):
        assert unit.is_current
        if unit.code != entry.code:
            assert entry.code in {p.code for p in divisions.predecessors(unit.code)}


def test_rollup_recounts_old_codes_under_a_year() -> None:
    assert divisions.rollup("330103", "county", year=2024) == "330105"
    assert divisions.rollup("330103", "county", year=2020) == "330103"
    assert divisions.rollup("371202", "prefecture") == "371200"  # without a year: as coded
    assert divisions.rollup("371202", "prefecture", year=2024) == "370100"
    assert divisions.rollup("330104", "prefecture", year=2024) == "330100"
    with pytest.raises(UnknownCode) as info:
        divisions.rollup("330104", "county", year=2024)
    assert info.value.code == "division.ambiguous"
    assert divisions.rollup("999999", "province", year=2024) == "990000"


def test_recount_a_table_of_old_codes() -> None:
    old_counts = {"330103": 5, "330105": 7, "371202": 3}
    recounted: dict[str, int] = {}
    for code, count in old_counts.items():
        key = divisions.rollup(code, "county", year=2024)
        recounted[key] = recounted.get(key, 0) + count
    assert recounted == {"330105": 12, "370116": 3}


def test_predecessors_reach_back_through_renamings() -> None:
    # 620503 was 北道区 until 2003 and 麦积区 since; 天水县 became 北道区 in 1985.
    assert [d.code for d in divisions.predecessors("620503")] == ["622522"]


def test_a_code_used_again_later_is_another_unit() -> None:
    # 332101 湖州市 (县级) became 城区 330502 and 郊区 330511 in 1983; 330502 ended in
    # 1988 and came back in 2003 as 吴兴区, a different unit.
    assert divisions.history("330502")[0].valid_to == 1987
    assert "330502" not in {d.code for d in divisions.successors("332101", 1990)}
    assert "330502" not in {d.code for d in divisions.successors("332101")}


def test_predecessors_through_a_code_used_again_later() -> None:
    # 义马市: 412502 → 411219 (1986) → 419001 (1987) → 411281 (1990); 419001 is 济源市 since 1996.
    assert [d.code for d in divisions.predecessors("411281")] == ["412502", "411219", "419001"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("year", "2021"),
        ("year", True),
        ("kind", "created"),
        ("old", [DivisionRef("330110", "余杭区")]),
        ("new", ("330113",)),
        ("links", (("330110",),)),
        ("announcement", "浙政发〔2021〕7号"),
    ],
)
def test_wrong_typed_fields_raise_minzheng_errors(field: str, value: object) -> None:
    change = divisions.changes(since=2021, until=2021, under="330100")[2]
    with pytest.raises(InvalidValue) as info:
        attrs.evolve(change, **{field: value})  # type: ignore[arg-type]
    assert info.value.field == field


def test_wrong_typed_refs_and_announcements_raise() -> None:
    with pytest.raises(InvalidValue):
        DivisionRef(330113, "临平区")  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        divisions.Announcement(title=None, number=None, date="2021-03-11", source=None)  # type: ignore[arg-type]
