"""The division table against the ministry's year-end lists (issue 12) and python-stdnum's table."""

from __future__ import annotations

import functools
import hashlib
import os
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from minzheng import divisions
from minzheng.divisions import DivisionLevel, registry
from minzheng.errors import UnknownCode
from minzheng.ids.resident_id import ResidentId, calc_check_digit

_ENTRY = re.compile(r"^\[(\d*)-(\d*)\](.+)$")
FIXTURE = Path(__file__).parent / "fixtures" / "official_lists.tsv"


def _official() -> dict[int, tuple[int, int, str]]:
    rows: dict[int, tuple[int, int, str]] = {}
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        year, total, county, digest = line.split("\t")
        rows[int(year)] = (int(total), int(county), digest)
    return rows


OFFICIAL = _official()


def test_the_table_covers_every_published_list() -> None:
    assert registry().first_year == min(OFFICIAL) == 1981
    assert registry().latest_year == max(OFFICIAL)


@pytest.mark.parametrize("year", sorted(OFFICIAL))
def test_units_in_force_equal_the_ministry_list(year: int) -> None:
    total, county, digest = OFFICIAL[year]
    units = list(divisions.all_divisions(year=year))
    lines = sorted(f"{d.code} {d.name}" for d in units)
    assert sum(1 for d in units if d.level is DivisionLevel.COUNTY) == county
    assert len(lines) == total
    assert hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest() == digest


@functools.cache
def stdnum_entries() -> dict[str, list[tuple[str, int | None, int | None]]]:
    """Code -> [(name, from, to)] as python-stdnum ships it (years inclusive, None = open)."""
    text = (resources.files("stdnum") / "cn" / "loc.dat").read_text(encoding="utf-8")
    table: dict[str, list[tuple[str, int | None, int | None]]] = {}
    province = ""
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith(" "):
            province = line[:2]
            continue
        rest, _, value = line.strip().partition(" county=")
        for part in value.strip('"').split(","):
            match = _ENTRY.match(part)
            start, end, name = (match[1], match[2], match[3]) if match else ("", "", part)
            table.setdefault(province + rest, []).append(
                (name, int(start) if start else None, int(end) if end else None)
            )
    return table


# python-stdnum's table read with its end year as the year of the change (the
# unit is not in that year's year-end list). From 2015 on it agrees with the
# ministry's lists except for these county-level entries.
_STDNUM_ONLY_ALWAYS = {
    ("422921", "神农架林区"),  # the 1983-1993 code, never ended (429021 since 1994)
    ("429001", "随州市"),  # the 1986-1999 code, never ended (421300 since 2000)
}
_DAXINGANLING_OLD = {  # in no ministry list; Traditional-character names
    ("232701", "加格達奇區"),
    ("232702", "松嶺區"),
    ("232703", "新林區"),
    ("232704", "呼中區"),
}
_DAXINGANLING_NEW = {
    ("232761", "加格達奇區"),
    ("232762", "松嶺區"),
    ("232763", "新林區"),
    ("232764", "呼中區"),
}
_QINGHAI = {("632858", "冷湖行政委員會"), ("632859", "茫崖行政委員會")}  # in no ministry list
_HANGZHOU = {("330113", "临平区"), ("330114", "钱塘区")}  # missing from stdnum
_KNOWN: dict[int, tuple[set[tuple[str, str]], set[tuple[str, str]]]] = {
    # year: (in stdnum only, in the ministry's list only)
    2015: (_STDNUM_ONLY_ALWAYS | _DAXINGANLING_OLD | _QINGHAI, {("360402", "庐山区")}),
    2016: (_STDNUM_ONLY_ALWAYS | _DAXINGANLING_OLD | _QINGHAI, set()),
    2017: (_STDNUM_ONLY_ALWAYS | _DAXINGANLING_OLD | _QINGHAI, set()),
    2018: (_STDNUM_ONLY_ALWAYS | _DAXINGANLING_NEW, set()),
    2019: (
        _STDNUM_ONLY_ALWAYS | _DAXINGANLING_NEW,
        {("130502", "桥东区"), ("130503", "桥西区"), ("320602", "崇川区"), ("320611", "港闸区")},
    ),
    2020: (_STDNUM_ONLY_ALWAYS | _DAXINGANLING_NEW, set()),
    2021: (_STDNUM_ONLY_ALWAYS | _DAXINGANLING_NEW, _HANGZHOU),
    2022: (_STDNUM_ONLY_ALWAYS | _DAXINGANLING_NEW | {("659012", "白杨市")}, _HANGZHOU),
    2023: (_STDNUM_ONLY_ALWAYS | _DAXINGANLING_NEW, _HANGZHOU),
    2024: (_STDNUM_ONLY_ALWAYS | _DAXINGANLING_NEW, _HANGZHOU),
}
_SUMMARY = {"市辖区", "县", "市", "省直辖县级行政单位", "自治区直辖县级行政单位"}
_SUMMARY |= {"省直辖县级行政区划", "自治区直辖县级行政区划"}


@pytest.mark.parametrize("year", sorted(_KNOWN))
def test_stdnum_cross_check(year: int) -> None:
    stdnum: set[tuple[str, str]] = set()
    for code, entries in stdnum_entries().items():
        if code[4:] == "00":
            continue
        for name, start, end in entries:
            in_force = (start is None or start <= year) and (end is None or year < end)
            if in_force and name not in _SUMMARY:
                stdnum.add((code, name))
    ours = {(d.code, d.name) for d in divisions.all_divisions(level="county", year=year)}
    assert (stdnum - ours, ours - stdnum) == _KNOWN[year]
    assert 1 - (len(stdnum - ours) + len(ours - stdnum)) / len(ours) > 0.99


# -- the defects of the encyclopaedia table, one test each ------------------


def test_hangzhou_linping_and_qiantang_exist_since_2021() -> None:
    assert divisions.get("330113", year=2021).name == "临平区"
    assert divisions.get("330114", year=2021).name == "钱塘区"
    assert divisions.get("330113").full_name == "浙江省杭州市临平区"
    with pytest.raises(UnknownCode):
        divisions.get("330113", year=2020)
    assert [d.code for d in divisions.find("钱塘区")] == ["330114"]


def test_retired_suizhou_and_shennongjia_codes_end() -> None:
    assert [d.code for d in divisions.find("随州市", year=2024)] == ["421300"]
    assert divisions.get("429001").valid_to == 1999
    assert divisions.get("422921").valid_to == 1993
    with pytest.raises(UnknownCode):
        divisions.get("429001", year=2024)
    assert [d.code for d in divisions.find("神农架林区", year=2024)] == ["429021"]


@pytest.mark.parametrize(
    ("code", "name"),
    sorted(_DAXINGANLING_OLD | _DAXINGANLING_NEW | _QINGHAI),
)
def test_codes_in_no_ministry_list_are_never_in_force(code: str, name: str) -> None:
    assert name not in {d.name for d in divisions.history(code)}
    assert all(d.code != code for d in divisions.find(name))
    for year in range(registry().first_year, registry().latest_year + 1):
        found = registry().in_force(code, year)
        assert found is None or found.name != name


def test_232701_is_mohe_from_2018() -> None:
    assert divisions.get("232701", year=2018).name == "漠河市"
    with pytest.raises(UnknownCode):
        divisions.get("232701", year=2017)
    assert divisions.get("232723", year=2017).name == "漠河县"


def test_baiyang_starts_in_2023() -> None:
    assert divisions.get("659012").valid_from == 2023
    with pytest.raises(UnknownCode):
        divisions.get("659012", year=2022)


def test_identity_numbers_with_unofficial_codes_still_parse() -> None:
    # 632858 (冷湖) is in python-stdnum's table but in no ministry list.
    body = "63285819800101001"
    number = body + calc_check_digit(body)
    rid = ResidentId.parse(number)
    assert rid.address_code == "632858"
    assert rid.division is None


def test_import_stays_lazy_and_first_lookup_is_quick() -> None:
    code = (
        "import time, minzheng.divisions as d\n"
        "from minzheng.divisions import _registry, division_change\n"
        "assert _registry._registry is None and division_change._loaded is None\n"
        "start = time.perf_counter()\n"
        "assert d.get('620521').name == '清水县'\n"
        "print(time.perf_counter() - start)\n"
        "assert division_change._loaded is None\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ
    )
    # The budget is 150 ms; a shared CI machine gets twice that.
    assert float(result.stdout) < 0.3
