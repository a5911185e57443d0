"""GB/T 2260 divisions: DOMAIN.md §3.1 examples and special cases."""

import pytest
from hypothesis import given

from minzheng import divisions
from minzheng.divisions import DivisionLevel, division_code
from minzheng.errors import InvalidFormat, UnknownCode
from minzheng.testing import division_codes


def test_full_name_of_the_seed_county() -> None:
    qingshui = divisions.get("620521")
    assert qingshui.full_name == "甘肃省天水市清水县"
    assert qingshui.level is DivisionLevel.COUNTY
    assert qingshui.parent is not None and qingshui.parent.code == "620500"
    assert qingshui.province.code == "620000"


def test_municipality_districts_hang_off_the_province() -> None:
    chaoyang = divisions.get("110105")
    assert chaoyang.parent is not None and chaoyang.parent.code == "110000"
    assert chaoyang.full_name == "北京市朝阳区"
    assert divisions.get("110100").is_summary


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("429004", "仙桃市"),
        ("429005", "潜江市"),
        ("429006", "天门市"),
        ("429021", "神农架林区"),
        ("419001", "济源市"),
        ("659001", "石河子市"),
    ],
)
def test_province_administered_groups(code: str, name: str) -> None:
    division = divisions.get(code)
    assert division.name == name
    parent = division.parent
    assert parent is not None and parent.level is DivisionLevel.PROVINCE
    assert divisions.get(code[:4] + "00").is_summary  # 429000 is a summary code, not a unit


@pytest.mark.parametrize("code", ["441900", "442000", "620200", "460400"])
def test_cities_without_counties(code: str) -> None:
    city = divisions.get(code)
    assert city.level is DivisionLevel.PREFECTURE
    assert list(city.children()) == []


def test_chongqing_districts_51_to_56() -> None:
    assert divisions.get("500155").name == "梁平区"
    assert divisions.get("500156").name == "武隆区"


def test_laiwu_retired_and_successors() -> None:
    laiwu = divisions.get("371200")
    # Abolished by 国函〔2018〕163号 (2018-12-26): the 2018 list already has 莱芜区/钢城区
    # under 济南 (stdnum said 2018).
    assert (laiwu.valid_from, laiwu.valid_to, laiwu.is_current) == (1992, 2017, False)
    assert divisions.get("370116").name == "莱芜区"
    assert divisions.get("370117").name == "钢城区"
    assert divisions.get("371202").parent == laiwu


def test_miyun_renamed_with_a_new_code() -> None:
    # 密云县 became 密云区 in 2015: its last year-end list is 2014 (stdnum said 2015).
    assert divisions.get("110228").valid_to == 2014
    assert divisions.get("110118", year=2016).name == "密云区"
    with pytest.raises(UnknownCode) as info:
        divisions.get("110228", year=2016)
    assert info.value.code == "division.unknown_in_year"


def test_one_code_several_names() -> None:
    assert [d.name for d in divisions.history("120110")] == ["东郊区", "东丽区"]
    assert divisions.get("120110", year=1991).name == "东郊区"
    assert division_code.get_name("120110") == "东丽区"


def test_errors() -> None:
    with pytest.raises(UnknownCode):
        divisions.get("999999")
    with pytest.raises(InvalidFormat):
        divisions.get("62052")
    with pytest.raises(LookupError):  # UnknownCode is a LookupError too
        divisions.get("999999")


def test_find_by_full_partial_and_short_names() -> None:
    for name in ("高台县", "高台", "甘肃省张掖市高台县", "张掖市高台县", "甘肃省高台县"):
        assert "620724" in [d.code for d in divisions.find(name)], name
    assert [d.code for d in divisions.find("高台", year=2025)] == ["620724"]
    assert {d.code for d in divisions.find("朝阳区")} == {"110105", "220104"}
    assert [d.code for d in divisions.find("积石山")] == ["622927"]
    assert divisions.find("不存在县") == ()


def test_iteration_by_level() -> None:
    provinces = list(divisions.all_divisions(level="province"))
    assert len(provinces) == 34
    assert all(not d.is_summary for d in divisions.all_divisions())
    gansu = divisions.get("620000")
    prefectures = [d.code for d in gansu.children()]
    assert "620500" in prefectures and "620700" in prefectures


@given(division_codes(year=2010))
def test_generated_codes_are_in_force(code: str) -> None:
    division = divisions.get(code, year=2010)
    assert division.in_force(2010)
    assert division_code.is_valid(code, year=2010)
    assert division.full_name.endswith(division.name)
