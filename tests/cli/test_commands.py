"""demo, validate, report and explain: output, exports, exit codes, and PII kept masked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from minzheng.assistance import example_household
from minzheng.cli import main
from minzheng.ids.resident_id import calc_check_digit
from minzheng.io import to_dict, to_json


def rid(born: str, seq: int) -> str:
    body = f"620521{born}{seq:03d}"
    return body + calc_check_digit(body)


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    rows = [
        "户编号,身份证号,姓名,性别,与户主关系,户籍性质,保障类别,家庭人口,月人均收入,保障金额",
        f"H1,{rid('19700305', 11)},王建国,男,户主,农村,低保,2,300,330",
        f"H1,{rid('19720611', 22)},李秀英,女,配偶,农村,低保,2,300,",
        f"H2,{rid('19400101', 31)},赵桂兰,男,户主,城市,特困,1,0,1100",
        "H3,620521197003051234,张三,男,户主,农村,低保,1,100,500",
    ]
    path = tmp_path / "花名册.csv"
    path.write_text("\n".join(rows) + "\n", encoding="gb18030")
    return path


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_demo_prints_the_year_in_every_locale(
    locale: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--persons", "1500", "--locale", locale]) == 0
    out = capsys.readouterr().out
    first = {"zh_Hans": "民政工作概览", "zh_Hant": "民政工作概覽", "en": "civil affairs in 2025"}[
        locale
    ]
    assert first in out.splitlines()[0]
    nursing = {"zh_Hans": "护理型床位占比", "zh_Hant": "護理型床位佔比", "en": "nursing share"}[
        locale
    ]
    assert nursing in out


def test_demo_is_deterministic_and_follows_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    main(["demo", "--persons", "800", "--seed", "3"])
    once = capsys.readouterr().out
    main(["demo", "--persons", "800", "--seed", "3"])
    assert capsys.readouterr().out == once
    main(["demo", "--persons", "800", "--seed", "4"])
    assert capsys.readouterr().out != once


def test_demo_writes_excel_and_charts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    book = tmp_path / "year.xlsx"
    assert (
        main(["demo", "--persons", "800", "--excel", str(book), "--charts", str(tmp_path / "c")])
        == 0
    )
    sheets = openpyxl.load_workbook(book).sheetnames
    assert sheets == ["概览", "救助", "按月"]
    assert (tmp_path / "c" / "funds_by_month.png").stat().st_size > 1000


def test_demo_unknown_division_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--division", "999999"]) == 2
    assert "999999" in capsys.readouterr().err


def test_validate_lists_bad_rows_masks_ids_and_writes_rejects(
    roster: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "rejects.xlsx"
    assert main(["validate", str(roster), "--rejects", str(out_file), "--locale", "en"]) == 1
    out = capsys.readouterr().out
    assert "4 rows read: 3 accepted, 1 rejected" in out
    assert "Row 5" in out and "resident_id.checksum" in out
    assert "620521197003051234" not in out
    assert out_file.exists()


def test_validate_clean_file_exits_zero_and_other_types(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "households.jsonl"
    path.write_text(
        json.dumps(to_dict(example_household()), ensure_ascii=False) + "\n", encoding="utf-8"
    )
    assert main(["validate", str(path), "--as", "household"]) == 0
    assert main(["validate", str(path), "--as", "spaceship"]) == 2
    assert main(["validate", str(tmp_path / "none.csv")]) == 2


def test_report_states_counts_in_the_seeds_words(
    roster: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(roster)]) == 1  # one row rejected
    out = capsys.readouterr().out
    assert "全县保障城乡低保对象1户2人" in out
    assert "全县保障特困供养对象1户1人" in out


def test_explain_decides_and_explains(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "household.json"
    path.write_text(to_json(example_household()), encoding="utf-8")
    assert (
        main(["explain", str(path), "--programme", "dibao", "--on", "2025-03-01", "--locale", "en"])
        == 0
    )
    out = capsys.readouterr().out
    assert "CNY 860 per month" in out
    rich = tmp_path / "rich.json"
    rich.write_text(to_json(example_household(wage="9000")), encoding="utf-8")
    assert main(["explain", str(rich), "--on", "2025-03-01"]) == 1
    assert main(["explain", str(path), "--on", "2025-02-30"]) == 2
    broken = tmp_path / "broken.json"
    data = to_dict(example_household())
    data["members"][0]["person"]["birth_date"] = "yesterday"
    broken.write_text(json.dumps(data), encoding="utf-8")
    assert main(["explain", str(broken), "--on", "2025-03-01"]) == 2
    assert "$.members[0].person.birth_date" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["demo", "validate", "report", "explain", "inspect"])
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    assert "usage: minzheng " + command in capsys.readouterr().out


def test_missing_extra_is_a_clear_usage_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if the 'io' extra were not installed
    assert main(["demo", "--persons", "300", "--excel", str(tmp_path / "y.xlsx")]) == 2
    assert "minzheng[io]" in capsys.readouterr().err
    sheet = tmp_path / "a.xlsx"
    sheet.write_bytes(b"PK")
    assert main(["validate", str(sheet)]) == 2
    assert "minzheng[io]" in capsys.readouterr().err


def test_record_type_names_match_the_types_they_load() -> None:
    from minzheng.cli.commands import RECORD_TYPES, _record_types

    assert tuple(_record_types()) == RECORD_TYPES


def test_demo_works_for_1990_and_refuses_1949_in_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo", "--persons", "300", "--year", "1990", "--locale", "en"]) == 0
    assert "civil affairs in 1990" in capsys.readouterr().out
    assert main(["demo", "--persons", "300", "--year", "1949", "--locale", "en"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "1950" in err and "Traceback" not in err


@pytest.fixture
def county_export(tmp_path: Path) -> Path:
    """A 低保花名册 as a case system exports it: title, unit row, header on row 3, total, sign-off."""
    rows = [
        "XX县2025年12月城乡低保花名册,,,,,,",
        "填报单位：XX县民政局,,,,,,单位：元",
        "序号,户编号,身份证号,姓名,与户主关系,保障类别,保障金额",
        f"1,H1,{rid('19700305', 11)},王建国,户主,低保,330",
        f"2,H1,{rid('19720611', 22)},李秀英,配偶,低保,",
        f"3,H2,{rid('19400101', 31)},赵桂兰,户主,特困,1100",
        "合计,,,,,,1430",
        "制表人：张三,,审核人：李四,,填表日期：2025年12月31日,,",
    ]
    path = tmp_path / "export.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    return path


def test_validate_and_report_count_skipped_rows(
    county_export: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(county_export), "--locale", "en"]) == 0
    out = capsys.readouterr().out
    assert "5 rows read: 3 accepted, 0 rejected" in out
    assert "Skipped 2 rows" in out
    assert main(["report", str(county_export)]) == 0
    out = capsys.readouterr().out
    assert "全县保障城乡低保对象1户2人" in out and "跳过2行" in out


def test_a_file_with_no_known_column_exits_one_naming_the_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "other.csv"
    path.write_text("编号,甲,乙\n1,2,3\n", encoding="utf-8")
    for command in ("validate", "report"):
        assert main([command, str(path), "--locale", "en"]) == 1
        err = capsys.readouterr().err
        assert "no column is recognised" in err and "编号、甲、乙" in err


def test_load_then_count_is_two_calls(county_export: Path) -> None:
    from minzheng.io import RosterRow, load
    from minzheng.stats import Measure, aggregate, by_programme

    table = aggregate(load(county_export, RosterRow).facts(), by=[by_programme()])
    assert [(r["programme"].value, r[Measure.MONEY.value]) for r in table.records()] == [
        ("dibao", 330),
        ("tekun", 1100),
    ]


def test_load_result_as_frames(county_export: Path) -> None:
    from minzheng.io import RosterRow, load

    result = load(county_export, RosterRow)
    assert result.to_arrow().num_rows == 3
    assert list(result.to_pandas()["name"]) == ["王建国", "李秀英", "赵桂兰"]
    assert result.to_polars()["household_id"].to_list() == ["H1", "H1", "H2"]
