"""Loaders: every row accounted for, good rows untouched, every bad one reported, never a crash."""

from __future__ import annotations

import datetime
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minzheng.codes import Area, Relationship, Sex
from minzheng.errors import InvalidValue
from minzheng.ids import ResidentId
from minzheng.ids.resident_id import calc_check_digit
from minzheng.io import RosterRow, load, to_dict
from minzheng.io.load import LoadResult
from minzheng.people import Person
from minzheng.programmes import Programme

HEADER = [
    "户编号",
    "身份证号",
    "姓名",
    "性别",
    "出生日期",
    "与户主关系",
    "户籍性质",
    "保障类别",
    "家庭人口",
    "月人均收入",
    "保障金额",
]


def rid(born: str, seq: int) -> str:
    body = f"620521{born}{seq:03d}"
    return body + calc_check_digit(body)


GOOD = [
    [
        "H1",
        rid("19700305", 11),
        "王建国",
        "男",
        "1970-03-05",
        "户主",
        "农村",
        "低保",
        "2",
        "300",
        "430",
    ],
    [
        "H1",
        rid("19720611", 22),
        "李秀英",
        "女",
        "1972/6/11",
        "配偶",
        "农村",
        "低保",
        "2",
        "300",
        "",
    ],
    ["H2", rid("19400101", 31), "赵桂兰", "男", "", "户主", "城市", "特困供养", "1", "0", "1100"],
]
BAD = [
    [
        "H3",
        "620521197003051234",
        "张三",
        "男",
        "",
        "户主",
        "农村",
        "低保",
        "1",
        "100",
        "500",
    ],  # checksum
    [
        "H4",
        rid("19800101", 41),
        "刘芳",
        "女",
        "",
        "户主",
        "郊区",
        "低保",
        "x",
        "100",
        "5o0",
    ],  # sex, area, int, amount
]


def csv_text(rows: list[list[str]], header: list[str] = HEADER) -> str:
    return "\n".join(",".join(r) for r in [header, *rows]) + "\n"


def check_accounting(result: LoadResult[Any], rows: int) -> None:
    assert result.read == rows == len(result.accepted) + len(result.rejected)


def test_roster_csv_utf8_accepts_good_rows_and_reports_each_bad_one() -> None:
    result = load(io.StringIO(csv_text(GOOD + BAD)), RosterRow, format="csv")
    check_accounting(result, 5)
    assert [r.resident_id.value if r.resident_id else None for r in result.accepted] == [
        g[1] for g in GOOD
    ]
    head = result.accepted[0]
    assert (
        head.sex is Sex.MALE and head.relationship is Relationship.HEAD and head.area is Area.RURAL
    )
    assert head.programme is Programme.DIBAO and head.amount == Decimal("430")
    assert result.accepted[1].birth_date == datetime.date(1972, 6, 11)
    assert result.accepted[2].programme is Programme.TEKUN
    errors = result.errors("en")
    assert [(field, code) for row, field, code, _ in errors if row == 6] == [
        ("area", "area.unknown"),
        ("household_size", "io.int"),
        ("amount", "amount.format"),
    ]
    assert {(row, code) for row, _, code, _ in errors if row == 5} == {(5, "resident_id.checksum")}
    mismatch = csv_text([[*GOOD[0][:3], "女", *GOOD[0][4:]]])
    assert load(io.StringIO(mismatch), RosterRow, format="csv").errors()[0][1:3] == (
        "sex",
        "person.sex",
    )
    assert all("620521197003051234" not in message for *_, message in errors)


def test_gb18030_file_and_rejects_written_back(tmp_path: Path) -> None:
    source = tmp_path / "低保花名册.csv"
    source.write_bytes(csv_text(GOOD + BAD).encode("gb18030"))
    result = load(source, RosterRow)
    check_accounting(result, 5)
    assert result.accepted[0].name == "王建国"
    out = result.write_rejects(tmp_path / "rejects.csv", locale="en")
    text = out.read_text("utf-8-sig")
    assert text.splitlines()[0].startswith("Row,户编号,身份证号")
    assert "H3" in text and "H4" in text and "H1" not in text
    xlsx = result.write_rejects(tmp_path / "rejects.xlsx")
    import openpyxl

    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet.max_row == 3 and sheet.cell(1, 1).value == "行号"


def test_excel_xlsx_and_xls(tmp_path: Path) -> None:
    import openpyxl
    import xlwt

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in GOOD + BAD:
        cells: list[Any] = list(row)
        cells[4] = datetime.datetime(1970, 3, 5) if row[4] == "1970-03-05" else row[4]
        cells[8] = int(row[8]) if row[8].isdigit() else row[8]
        cells[10] = float(row[10]) if row[10].isdigit() else row[10]
        sheet.append(cells)
    book.save(tmp_path / "roster.xlsx")
    result = load(tmp_path / "roster.xlsx", RosterRow)
    check_accounting(result, 5)
    assert len(result.accepted) == 3 and result.accepted[0].birth_date == datetime.date(1970, 3, 5)
    assert result.accepted[0].amount == Decimal("430")

    old = xlwt.Workbook()
    ws = old.add_sheet("花名册")
    style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for c, h in enumerate(HEADER):
        ws.write(0, c, h)
    for r, row in enumerate(GOOD + BAD, start=1):
        for c, value in enumerate(row):
            if c == 4 and value == "1970-03-05":
                ws.write(r, c, datetime.date(1970, 3, 5), style)
            else:
                ws.write(r, c, value)
    old.save(str(tmp_path / "roster.xls"))
    legacy = load(tmp_path / "roster.xls", RosterRow)
    check_accounting(legacy, 5)
    assert [r.key for r in legacy.accepted] == [r.key for r in result.accepted]
    assert legacy.accepted[0].birth_date == datetime.date(1970, 3, 5)


def test_jsonl_parquet_and_frames(tmp_path: Path) -> None:
    import pandas as pd
    import polars as pl

    people = [
        Person(person_id="P1", name="王建国", sex=Sex.MALE, birth_date=datetime.date(1950, 1, 2)),
        Person(person_id="P2", resident_id=ResidentId.parse(rid("19600101", 12)), name="李芳"),
    ]
    lines = [json.dumps(to_dict(p), ensure_ascii=False) for p in people]
    lines.append('{"person_id": "P3", "birth_date": "1950-02-30"}')
    lines.append("not json")
    lines.append('{"person_id": "P1", "sex": "1", "birth_date": "1950-01-02", "name": "王建国"}')
    path = tmp_path / "persons.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = load(path, Person, key="person_id")
    check_accounting(result, 5)
    assert list(result.accepted) == people
    codes = {row: code for row, _, code, _ in result.errors()}
    assert codes == {3: "date.format", 4: "io.json", 5: "io.duplicate"}  # JSON Lines: the line

    frame = pd.DataFrame(list(GOOD + BAD), columns=HEADER)
    for native in (frame, pl.from_pandas(frame)):
        check_accounting(load(native, RosterRow), 5)
    frame.to_parquet(tmp_path / "roster.parquet")
    parquet = load(tmp_path / "roster.parquet", RosterRow)
    assert len(parquet.accepted) == 3 and len(parquet.rejected) == 2


def test_missing_columns_extra_cells_duplicates_and_unknown_headers() -> None:
    no_id = csv_text([[r[0], r[2]] for r in GOOD], header=["户编号", "姓名"])
    result = load(io.StringIO(no_id), RosterRow, format="csv")
    assert len(result.accepted) == 3  # every field of a roster row is optional
    text = csv_text([*GOOD, GOOD[0], [*GOOD[2], "多余"]], header=[*HEADER])
    result = load(io.StringIO(text), RosterRow, format="csv")
    check_accounting(result, 5)
    assert {(row, code) for row, _, code, _ in result.errors()} == {
        (5, "io.duplicate"),
        (6, "io.extra_cells"),
    }
    renamed = load(
        io.StringIO("编号,证件\nH1," + GOOD[0][1] + "\n"),
        RosterRow,
        format="csv",
        columns={"编号": "household_id", "证件": "resident_id"},
    )
    assert renamed.accepted[0].household_id == "H1" and renamed.ignored_columns == ()


def test_required_fields_missing_reject_every_row_with_a_clear_error() -> None:
    result = load(io.StringIO("姓名\n王建国\n李芳\n"), Person, format="csv")
    check_accounting(result, 2)
    assert {code for _, _, code, _ in result.errors()} == {"io.missing_key"}


def test_bad_encoding_is_reported_not_crashed(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(csv_text(GOOD).encode("utf-8") + b"H9,\xff\xfe\x81,x\n")
    result = load(path, RosterRow, encoding="utf-8")
    check_accounting(result, 4)
    assert len(result.accepted) == 3
    assert result.errors()[0][2] == "io.encoding"


def test_unknown_format_is_a_minzheng_error() -> None:
    with pytest.raises(InvalidValue) as err:
        load("roster.pdf", RosterRow)
    assert err.value.code == "io.format"


def test_progress_bar_runs(capsys: pytest.CaptureFixture[str]) -> None:
    result = load(io.StringIO(csv_text(GOOD)), RosterRow, format="csv", progress=True)
    assert len(result.accepted) == 3


cell = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(cell, min_size=0, max_size=len(HEADER) + 2), max_size=12),
    st.sampled_from(["utf-8", "gb18030"]),
)
def test_fuzzed_csv_accounts_for_every_row(rows: list[list[str]], encoding: str) -> None:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(GOOD + rows)
    try:
        data = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        data = buffer.getvalue().encode("utf-8")
    result = load(io.BytesIO(data), RosterRow, format="csv")
    assert len(result.accepted) >= 3 or result.rejected
    assert [r.key for r in result.accepted[:3]] == [g[1] for g in GOOD]
    # every non-blank data row appears once, accepted or rejected
    parsed = list(csv.reader(io.StringIO(buffer.getvalue())))[1:]
    assert result.read == sum(1 for r in parsed if any(c.strip() for c in r))


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_crash(data: bytes) -> None:
    result = load(io.BytesIO(b"name,note\n" + data), RosterRow, format="csv")
    assert result.read == len(result.accepted) + len(result.rejected) + len(result.skipped)
    code = ""
    try:
        alone = load(io.BytesIO(data), RosterRow, format="csv")
    except InvalidValue as err:  # no header at all: one clear error, never a crash
        code = err.code
    else:
        assert alone.read == len(alone.accepted) + len(alone.rejected) + len(alone.skipped)
    assert code in ("", "io.no_known_columns")


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".parquet"])
def test_corrupt_files_are_one_clear_error(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"broken{suffix}"
    path.write_bytes(b"this is not a workbook")
    with pytest.raises(InvalidValue) as err:
        load(path, RosterRow)
    assert err.value.code == "io.unreadable"
    assert f"broken{suffix}" in err.value.message("en")


def test_stray_cells_are_masked_in_messages() -> None:
    text = csv_text([[*GOOD[0], "13800001111"]])
    result = load(io.StringIO(text), RosterRow, format="csv")
    ((_row, _field, code, message),) = result.errors("en")
    assert code == "io.extra_cells" and "13800001111" not in message


def test_missing_file_is_a_minzheng_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidValue) as err:
        load(tmp_path / "花名册.csv", RosterRow)
    assert err.value.code == "io.no_file"


def test_load_result_repr_gives_counts_only() -> None:
    text = "户编号,身份证号,姓名\nH1,620521198502101233,王建国\nH2,620521198502101234,李芳\n"
    result = load(io.StringIO(text), RosterRow, format="csv")
    assert (
        repr(result) == "LoadResult(read=2, accepted=1, rejected=1, skipped=0, ignored_columns=())"
    )
    assert result.personal_columns == {"身份证号": "resident_id", "姓名": "name"}


def test_reject_files_mask_personal_columns_unless_revealed(tmp_path: Path) -> None:
    text = "户编号,身份证号,姓名,出生日期,联系电话,备注\n"
    text += "H2,620521198502101234,李芳,1985-02-10,13812345678,本人 620521198502101233 电话 13912345678\n"
    result = load(io.StringIO(text), RosterRow, format="csv")
    masked = result.write_rejects(tmp_path / "r.csv").read_text("utf-8-sig").splitlines()[1]
    assert masked.startswith("2,H2,620521********1234,李*,1985******,138****5678,")
    assert "本人 620521********1233 电话 139****5678" in masked
    revealed = result.write_rejects(tmp_path / "r.csv", reveal=True).read_text("utf-8-sig")
    assert "620521198502101234,李芳,1985-02-10,13812345678" in revealed
