"""Real bureau exports: title rows, two-row headers, totals and sign-offs load with no options.

The corpus is built here, by the tests: a county 低保花名册 as case systems export
it (synthetic people, real layout), written as CSV (UTF-8, GB18030), UTF-16
tab-separated text, .xlsx, .xls and a data frame.
"""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minzheng.errors import InvalidValue
from minzheng.ids.resident_id import calc_check_digit
from minzheng.io import RosterRow, SkippedRow, iter_load, load


def rid(born: str, seq: int) -> str:
    body = f"620521{born}{seq:03d}"
    return body + calc_check_digit(body)


TITLE = ["XX县2025年12月城乡低保花名册"]
UNIT = ["填报单位：XX县民政局", "", "", "", "", "", "", "", "单位：元"]
HEADER = [
    "序号",
    "户编号",
    "身份证号",
    "姓名",
    "性别",
    "与户主关系",
    "户籍性质",
    "保障类别",
    "保障金额",
]
PEOPLE = [
    ["1", "H1", rid("19700305", 11), "王建国", "男", "户主", "农村", "低保", "430"],
    ["2", "H1", rid("19720611", 22), "李秀英", "女", "配偶", "农村", "低保", ""],
    ["3", "H2", rid("19400101", 31), "赵桂兰", "男", "户主", "城市", "特困", "860"],
]
TOTAL = ["合计", "", "", "", "", "", "", "", "1290"]
SIGN_OFF = ["制表人：张三", "", "", "审核人：李四", "", "", "填表日期：2025年12月31日"]
#: The sheet as the clerk sees it: title on row 1, unit row 2, header row 3, people 4–6,
#: the total on row 7, a blank row 8, the sign-off on row 9.
SHEET = [TITLE, UNIT, HEADER, *PEOPLE, TOTAL, [], SIGN_OFF]
WANT_SKIPPED = [SkippedRow(row=7, reason="total"), SkippedRow(row=9, reason="sign_off")]


def write_csv(path: Path, rows: list[list[str]], *, encoding: str, delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[Any]], *, title: str = "花名册") -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value not in ("", None):
                sheet.cell(r, c, value)
    if len(rows[0]) == 1:  # a title: merged across the table, as systems export it
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    book.save(path)
    return path


def write_xls(path: Path, rows: list[list[Any]]) -> Path:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("花名册")
    dates = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, datetime.date):
                sheet.write(r, c, value, dates)
            elif value not in ("", None):
                sheet.write(r, c, value)
    book.save(str(path))
    return path


def corpus(tmp_path: Path, kind: str, rows: list[list[Any]] = SHEET) -> Any:
    if kind == "csv-utf8":
        return write_csv(tmp_path / "roster.csv", rows, encoding="utf-8")
    if kind == "csv-bom":
        return write_csv(tmp_path / "roster.csv", rows, encoding="utf-8-sig")
    if kind == "csv-gbk":
        return write_csv(tmp_path / "roster.csv", rows, encoding="gbk")
    if kind == "csv-semicolon":
        return write_csv(tmp_path / "roster.csv", rows, encoding="utf-8", delimiter=";")
    if kind == "tsv-utf16":  # Excel's "Unicode text"
        return write_csv(tmp_path / "roster.txt", rows, encoding="utf-16", delimiter="\t")
    if kind == "tsv":
        return write_csv(tmp_path / "roster.tsv", rows, encoding="utf-8", delimiter="\t")
    if kind == "xlsx":
        return write_xlsx(tmp_path / "roster.xlsx", rows)
    if kind == "xls":
        return write_xls(tmp_path / "roster.xls", rows)
    raise AssertionError(kind)


KINDS = ["csv-utf8", "csv-bom", "csv-gbk", "csv-semicolon", "tsv-utf16", "tsv", "xlsx", "xls"]


@pytest.mark.parametrize("kind", KINDS)
def test_county_roster_loads_with_no_options(tmp_path: Path, kind: str) -> None:
    result = load(corpus(tmp_path, kind), RosterRow)
    assert [r.name for r in result.accepted] == ["王建国", "李秀英", "赵桂兰"]
    assert [r.amount for r in result.accepted] == [Decimal(430), None, Decimal(860)]
    assert result.rejected == ()
    assert list(result.skipped) == WANT_SKIPPED
    assert result.read == 5 == len(result.accepted) + len(result.rejected) + len(result.skipped)
    assert result.header_row == 3
    assert result.ignored_columns == ("序号",)


@pytest.mark.parametrize("kind", ["csv-utf8", "xlsx", "xls"])
def test_rejected_rows_carry_the_sheets_own_row_numbers(tmp_path: Path, kind: str) -> None:
    rows = [list(r) for r in SHEET]
    rows[4][2] = rows[4][2][:-1] + ("0" if rows[4][2][-1] != "0" else "1")  # row 5: bad check
    rows.insert(6, [])  # a blank row 7 pushes the total to row 8
    result = load(corpus(tmp_path, kind, rows), RosterRow)
    assert [(row, code) for row, _, code, _ in result.errors()] == [(5, "resident_id.checksum")]
    assert [(s.row, s.reason) for s in result.skipped] == [(8, "total"), (10, "sign_off")]


def test_two_row_header_under_merged_group_cells(tmp_path: Path) -> None:
    group = ["序号", "姓名", "身份证号", "家庭情况", "", "保障情况", ""]
    names = ["", "", "", "与户主关系", "家庭人口", "保障类别", "保障金额"]
    people = [["1", "王建国", rid("19700305", 11), "户主", "2", "低保", "430"]]
    path = write_xlsx(
        tmp_path / "two.xlsx", [TITLE, group, names, *people, ["合计", "", "", "", "", "", "430"]]
    )
    result = load(path, RosterRow)
    assert result.header_row == 3
    (row,) = result.accepted
    assert (row.name, row.household_size, row.amount) == ("王建国", 2, Decimal(430))
    assert [(s.row, s.reason) for s in result.skipped] == [(5, "total")]


def test_no_known_column_is_an_error_naming_what_it_saw() -> None:
    text = "XX县花名册\n编号,甲,乙\n1,2,3\n"
    with pytest.raises(InvalidValue) as err:
        load(io.StringIO(text), RosterRow, format="csv")
    assert err.value.code == "io.no_known_columns"
    message = err.value.message("en")
    assert "编号、甲、乙" in message and "身份证号" in message


def test_callers_columns_count_as_known(tmp_path: Path) -> None:
    text = "标题\n证件,名字\n" + rid("19700305", 11) + ",王建国\n"
    result = load(
        io.StringIO(text), RosterRow, format="csv", columns={"证件": "resident_id", "名字": "name"}
    )
    assert [r.name for r in result.accepted] == ["王建国"] and result.header_row == 2


def test_header_units_marks_and_line_breaks_are_ignored() -> None:
    text = '"*身份证\n号码",姓 名,保障金额（元）\n' + rid("19700305", 11) + ",王建国,430\n"
    (row,) = load(io.StringIO(text), RosterRow, format="csv").accepted
    assert (row.name, row.amount) == ("王建国", Decimal(430))


def test_explicit_header_row_sheet_and_footer(tmp_path: Path) -> None:
    import openpyxl

    path = write_xlsx(tmp_path / "two.xlsx", SHEET)
    book = openpyxl.load_workbook(path)
    other = book.create_sheet("说明")
    other.append(["本表说明"])
    book.move_sheet("说明", offset=-1)  # the roster is no longer the first sheet
    book.save(path)
    with pytest.raises(InvalidValue) as err:
        load(path, RosterRow)
    assert err.value.code == "io.no_known_columns"
    by_name = load(path, RosterRow, sheet="花名册")
    by_index = load(path, RosterRow, sheet=1, header_row=3, skip_footer=1)
    assert len(by_name.accepted) == len(by_index.accepted) == 3
    assert [(s.row, s.reason) for s in by_index.skipped] == [(7, "total"), (9, "footer")]
    with pytest.raises(InvalidValue) as err:
        load(path, RosterRow, sheet="低保")
    assert err.value.code == "io.sheet" and "花名册" in err.value.message("en")
    with pytest.raises(InvalidValue) as err:
        load(path, RosterRow, sheet=1, header_row=8)
    assert err.value.code == "io.header_row"


def test_footer_rows_are_skipped_even_when_they_look_like_records() -> None:
    text = "姓名,保障金额\n王建国,430\n李芳,300\n"
    result = load(io.StringIO(text), RosterRow, format="csv", skip_footer=1)
    assert [r.name for r in result.accepted] == ["王建国"]
    assert list(result.skipped) == [SkippedRow(row=3, reason="footer")]


def test_repeated_headers_and_notes_are_skipped() -> None:
    lines = [
        "姓名,保障金额",
        "王建国,430",
        "姓名,保障金额",
        "李芳,300",
        "注：金额单位为元",
        "小计,730",
    ]
    result = load(io.StringIO("\n".join(lines) + "\n"), RosterRow, format="csv")
    assert [r.name for r in result.accepted] == ["王建国", "李芳"]
    assert [(s.row, s.reason) for s in result.skipped] == [
        (3, "repeated_header"),
        (5, "note"),
        (6, "total"),
    ]


def test_iter_load_yields_skipped_rows_in_order(tmp_path: Path) -> None:
    items = list(iter_load(corpus(tmp_path, "csv-utf8"), RosterRow))
    assert [type(i).__name__ for i in items] == ["RosterRow"] * 3 + ["SkippedRow"] * 2


def test_skipped_row_repr_holds_no_personal_data() -> None:
    text = "姓名,身份证号\n合计 王建国," + rid("19700305", 11) + "\n"
    result = load(io.StringIO(text), RosterRow, format="csv")
    assert repr(result.skipped) == "(SkippedRow(row=2, reason='total'),)"


def test_a_frame_with_a_title_row_finds_its_header() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        [HEADER, *PEOPLE, TOTAL],
        columns=["XX县2025年12月城乡低保花名册", *[f"Unnamed: {i}" for i in range(1, len(HEADER))]],
    )
    result = load(frame, RosterRow)
    assert len(result.accepted) == 3 and result.header_row == 2
    assert list(result.skipped) == [SkippedRow(row=6, reason="total")]


def test_csv_extra_cells_and_excel_extra_cells_are_the_same_problem(tmp_path: Path) -> None:
    rows = [HEADER, [*PEOPLE[0], "多余"], PEOPLE[1]]
    for kind in ("csv-utf8", "xlsx"):
        result = load(corpus(tmp_path, kind, rows), RosterRow)
        assert [(row, code) for row, _, code, _ in result.errors()] == [(2, "io.extra_cells")]


# -- tolerant cells, strict values -------------------------------------------------------------

ID = rid("19700305", 11)
LOST = rid("19720611", 22)[:15] + "000"  # its check character no longer matches


def one(header: list[str], cells: list[Any]) -> tuple[Any, list[tuple[str, str]]]:
    """Load one row through a data frame-free path: a list grid via an .xlsx file is slow, CSV is text."""
    import pyarrow as pa

    table = pa.table({h: [c] for h, c in zip(header, cells, strict=True)})
    result = load(table, RosterRow, key=False)
    return (result.accepted[0] if result.accepted else None), [
        (field, code) for _, field, code, _ in result.errors()
    ]


@pytest.mark.parametrize(
    "text",
    [
        "1970-03-05",
        "1970-3-5",
        "1970.3.5",
        "1970/3/5",
        "1970年3月5日",
        "19700305",
        "1970-03-05 00:00:00",
        "1970-03-05T00:00:00",
        "25632",  # the Excel serial day of 1970-03-05, written out
        "１９７０－０３－０５",  # full-width
        "'1970-03-05",
        " 1970-03-05 ",
    ],
)
def test_every_date_form_bureaus_write(text: str) -> None:
    row, errors = one(["身份证号", "出生日期"], [ID, text])
    assert errors == [] and row.birth_date == datetime.date(1970, 3, 5)


@pytest.mark.parametrize("text", ["1970-03-05 08:30:00", "1970-13-05", "1970", "3/5/1970"])
def test_dates_that_are_not_dates_stay_rejected(text: str) -> None:
    _, errors = one(["出生日期"], [text])
    assert errors == [("birth_date", "date.format")]


def test_excel_date_cells_serials_and_digits_in_a_workbook(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["身份证号", "出生日期"],
        [ID, datetime.datetime(1970, 3, 5)],
        [rid("19700305", 22), 25632],  # a serial number in a General-formatted cell
        [rid("19700305", 33), 19700305],  # digits typed as a number
    ]
    for path in (write_xlsx(tmp_path / "d.xlsx", rows), write_xls(tmp_path / "d.xls", rows)):
        result = load(path, RosterRow)
        assert [r.birth_date for r in result.accepted] == [datetime.date(1970, 3, 5)] * 3, path


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1,290.50", "1290.50"),
        ("￥430", "430"),
        ("430元", "430"),
        ("¥1,290元", "1290"),
        ("４３０", "430"),
    ],
)
def test_amounts_as_bureaus_write_them(text: str, amount: str) -> None:
    row, errors = one(["保障金额"], [text])
    assert errors == [] and row.amount == Decimal(amount)


@pytest.mark.parametrize("text", ["1,29,0", "430元元", "四百三十"])
def test_amounts_that_are_not_amounts_stay_rejected(text: str) -> None:
    _, errors = one(["保障金额"], [text])
    assert [f for f, _ in errors] == ["amount"]


@pytest.mark.parametrize(
    ("word", "code"),
    [("城镇", "urban"), ("城区", "urban"), ("乡村", "rural"), ("农业户口", "rural")],
)
def test_the_words_bureaus_use_for_areas(word: str, code: str) -> None:
    row, errors = one(["户籍性质"], [word])
    assert errors == [] and row.area.value == code


def test_code_words_are_data_a_user_extends() -> None:
    from minzheng.codes import Area
    from minzheng.io import CODE_WORDS

    _, errors = one(["户籍性质"], ["街道"])
    assert [c for _, c in errors] == ["code.unknown"] or (errors and errors[0][0] == "area")
    CODE_WORDS[Area]["街道"] = Area.URBAN
    try:
        row, errors = one(["户籍性质"], ["街道"])
        assert errors == [] and row.area is Area.URBAN
    finally:
        del CODE_WORDS[Area]["街道"]


def test_full_width_digits_and_an_apostrophe_in_an_identity_number() -> None:
    wide = ID.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    for text in (wide, "'" + ID, " " + ID + " "):
        row, errors = one(["身份证号"], [text])
        assert errors == [] and row.key == ID


def test_pandas_missing_values_are_missing_not_nan() -> None:
    pd = pytest.importorskip("pandas")
    np = pytest.importorskip("numpy")
    frame = pd.DataFrame(
        {
            "身份证号": [ID, rid("19720611", 22)],
            "姓名": ["王建国", np.nan],
            "出生日期": [pd.Timestamp("1970-03-05"), pd.NaT],
            "保障金额": [430.0, np.nan],
            "家庭人口": pd.array([2, None], dtype="Int64"),
        }
    )
    result = load(frame, RosterRow)
    assert result.rejected == ()
    first, second = result.accepted
    assert (first.birth_date, first.amount, first.household_size) == (
        datetime.date(1970, 3, 5),
        Decimal(430),
        2,
    )
    assert (second.name, second.birth_date, second.amount, second.household_size) == (None,) * 4


def test_polars_nulls_are_missing() -> None:
    pl = pytest.importorskip("polars")
    frame = pl.DataFrame(
        {"身份证号": [ID], "姓名": [None], "保障金额": [None]},
        schema_overrides={"姓名": pl.String, "保障金额": pl.String},
    )
    (row,) = load(frame, RosterRow).accepted
    assert (row.name, row.amount) == (None, None)


@pytest.mark.parametrize(
    "cell",
    [
        6.20521197003050e17,  # a float cell: the last digits are gone
        "6.20521E+17",  # the same number shown in scientific notation, saved as text
        LOST,  # what Excel keeps of an 18-digit number: 15 digits
        int(LOST),  # an integer cell that is not a valid number
    ],
)
def test_identity_number_stored_as_a_number_says_so(cell: Any) -> None:
    _, errors = one(["身份证号"], [cell])
    assert errors == [("resident_id", "resident_id.spreadsheet_number")]


def test_spreadsheet_number_message_in_every_locale_tells_the_clerk_what_to_do() -> None:
    result = load(write_csv_text("身份证号\n6.20521E+17\n"), RosterRow, format="csv")
    (zh,) = [m for *_, m in result.errors("zh_Hans")]
    (hant,) = [m for *_, m in result.errors("zh_Hant")]
    (en,) = [m for *_, m in result.errors("en")]
    assert "数字" in zh and "文本" in zh
    assert "數字" in hant and "文本" in hant
    assert "as a number" in en and "Text" in en
    assert ID not in zh + hant + en


def write_csv_text(text: str) -> io.StringIO:
    return io.StringIO(text)


def test_an_exact_integer_identity_number_from_pandas_is_accepted() -> None:
    row, errors = one(["身份证号"], [int(ID)])
    assert errors == [] and row.key == ID


def test_identity_number_stored_as_a_number_in_a_workbook(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "n.xlsx", [["身份证号", "姓名"], [float(ID), "王建国"], [ID, "李芳"]]
    )
    result = load(path, RosterRow)
    assert [r.name for r in result.accepted] == ["李芳"]
    assert [(row, code) for row, _, code, _ in result.errors()] == [
        (2, "resident_id.spreadsheet_number")
    ]


# -- townships and villages --------------------------------------------------------------------

PLACES = ["乡镇（街道）", "村（社区）", "户编号", "身份证号", "姓名", "保障类别", "保障金额"]
PLACED = [
    ["城关镇", "东关社区", "H1", rid("19700305", 11), "王建国", "低保", "430"],
    ["城关镇", "东关社区", "H1", rid("19720611", 22), "李秀英", "低保", ""],
    ["城关镇", "西关村", "H2", rid("19400101", 31), "赵桂兰", "特困", "860"],
    ["620521101", "620521101201", "H3", rid("19500101", 41), "孙立", "低保", "300"],
]


def test_township_and_village_columns_are_kept(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", [TITLE, PLACES, *PLACED, TOTAL], encoding="utf-8")
    result = load(path, RosterRow)
    assert result.ignored_columns == ()
    assert [(r.township, r.village) for r in result.accepted] == [
        ("城关镇", "东关社区"),
        ("城关镇", "东关社区"),
        ("城关镇", "西关村"),
        ("620521101", "620521101201"),
    ]
    facts = result.facts()
    assert [f.township for f in facts] == ["城关镇"] * 3 + ["620521101"]


def test_counts_by_township_and_village_on_objects_and_frames(tmp_path: Path) -> None:
    from minzheng.frames import aggregate_frame, facts_frame
    from minzheng.stats import Measure, aggregate, by_division, by_programme

    path = write_csv(tmp_path / "p.csv", [PLACES, *PLACED], encoding="utf-8")
    facts = load(path, RosterRow).facts()
    by_township = aggregate(facts, by=[by_division("township")])
    assert by_township.rows == (
        ("620521101", 1, 1, 1, Decimal(300), 1),
        ("城关镇", 2, 3, 3, Decimal(1290), 3),
    )
    by_village = aggregate(
        facts, by=[by_division("village"), by_programme()], measures=[Measure.PERSONS]
    )
    assert {(row[0], row[2]) for row in by_village.rows} == {
        ("620521101201", 1),
        ("东关社区", 2),
        ("西关村", 1),
    }
    frame = facts_frame(facts)
    for dims in ([by_division("township")], [by_division("village"), by_programme()]):
        assert aggregate_frame(frame, by=dims) == aggregate(facts, by=dims)


def test_facts_without_a_township_group_under_empty() -> None:
    from minzheng.frames import aggregate_frame, facts_frame
    from minzheng.stats import Fact, aggregate, by_division

    facts = [Fact(person="A"), Fact(person="B", township="城关镇")]
    dims = [by_division("township")]
    assert [row[0] for row in aggregate(facts, by=dims).rows] == ["", "城关镇"]
    assert aggregate_frame(facts_frame(facts), by=dims) == aggregate(facts, by=dims)


# -- properties: any layout, the same records ---------------------------------------------------


POOL = [
    ["H1", rid("19700305", 11), "王建国", "男", "户主", "农村", "低保", "430"],
    ["H1", rid("19720611", 22), "李秀英", "女", "配偶", "农村", "低保", ""],
    ["H2", rid("19400101", 31), "赵桂兰", "男", "户主", "城市", "特困", "860"],
    ["H3", rid("19580817", 45), "孙立", "男", "户主", "农村", "低保", "1,290.50"],
    ["H4", rid("19811130", 52), "周敏", "女", "户主", "城镇", "低保", "￥300"],
]
PLAIN_HEADER = [
    "户编号",
    "身份证号",
    "姓名",
    "性别",
    "与户主关系",
    "户籍性质",
    "保障类别",
    "保障金额",
]
TITLE_TEXT = st.text(
    st.sampled_from("XX县乡年月日低保花名册填报单位：元（）0123456789 "), min_size=1, max_size=20
)
FOOTERS = [
    (["合计", "", "", "", "", "", "", "2880"], "total"),
    (["总  计", "", "", "", "", "", "", "2880"], "total"),
    (["制表人：张三", "", "审核人：李四"], "sign_off"),
    (["填表日期：2025年12月31日"], "sign_off"),
    (["负责人：", "王五"], "sign_off"),
    (["注：本表金额单位为元"], "note"),
]


@st.composite
def layouts(draw: st.DrawFn) -> tuple[list[list[str]], list[int], list[tuple[int, str]]]:
    """A sheet: titles and blanks above the header, people with blank rows, subtotals and footers.

    Returns the rows, the indexes of the people placed, and the expected skipped (row, reason).
    """
    rows: list[list[str]] = []
    for title in draw(st.lists(TITLE_TEXT, max_size=3)):
        rows.append([title])
        rows.extend([[]] * draw(st.integers(0, 1)))
    rows.append(PLAIN_HEADER)
    people = draw(st.permutations(range(len(POOL))))[: draw(st.integers(0, len(POOL)))]
    skipped: list[tuple[int, str]] = []
    for index in people:
        rows.extend([[]] * draw(st.integers(0, 2)))
        rows.append(POOL[index])
        if draw(st.booleans()) and draw(st.booleans()):
            rows.append(["小计", "", "", "", "", "", "", "1"])
            skipped.append((len(rows), "total"))
    for footer, reason in draw(st.lists(st.sampled_from(FOOTERS), max_size=3)):
        rows.extend([[]] * draw(st.integers(0, 1)))
        rows.append(footer)
        skipped.append((len(rows), reason))
    return rows, list(people), skipped


def expected(people: list[int]) -> list[tuple[str, str, str]]:
    return [(POOL[i][1], POOL[i][2], POOL[i][7]) for i in people]


def got(result: Any) -> list[tuple[str, str, str]]:
    clean = {"1290.50": "1,290.50", "300": "￥300"}
    return [
        (r.key, r.name, clean.get(str(r.amount), str(r.amount)) if r.amount is not None else "")
        for r in result.accepted
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    layout=layouts(),
    delimiter=st.sampled_from([",", "\t", ";"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
)
def test_any_csv_layout_loads_to_the_same_records(
    layout: tuple[list[list[str]], list[int], list[tuple[int, str]]], delimiter: str, encoding: str
) -> None:
    rows, people, skipped = layout
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    result = load(io.BytesIO(buffer.getvalue().encode(encoding)), RosterRow, format="csv")
    assert result.rejected == ()
    assert got(result) == expected(people)
    assert [(s.row, s.reason) for s in result.skipped] == skipped
    assert result.read == len(people) + len(skipped)
    assert result.header_row == rows.index(PLAIN_HEADER) + 1


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layout=layouts())
def test_any_workbook_layout_loads_to_the_same_records(
    tmp_path_factory: pytest.TempPathFactory,
    layout: tuple[list[list[str]], list[int], list[tuple[int, str]]],
) -> None:
    rows, people, skipped = layout
    import openpyxl

    book = openpyxl.Workbook()
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value:
                book.active.cell(r, c, value)
    path = tmp_path_factory.mktemp("layout") / "sheet.xlsx"
    book.save(path)
    result = load(path, RosterRow)
    assert result.rejected == ()
    assert got(result) == expected(people)
    assert [(s.row, s.reason) for s in result.skipped] == skipped


WIDE = str.maketrans("0123456789X,.", "０１２３４５６７８９Ｘ，．")


@settings(max_examples=60, deadline=None)
@given(
    index=st.integers(0, len(POOL) - 1),
    wide=st.booleans(),
    apostrophe=st.booleans(),
    pad=st.sampled_from(["", " ", "\u3000", "\t"]),
)
def test_tolerated_cell_forms_never_change_a_good_record(
    index: int, wide: bool, apostrophe: bool, pad: str
) -> None:
    def dress(cell: str) -> str:
        text = cell.translate(WIDE) if wide else cell
        text = ("'" + text) if apostrophe and text else text
        return pad + text + pad if text else text

    clean = load(
        io.StringIO(",".join(PLAIN_HEADER) + "\n" + ",".join(f'"{c}"' for c in POOL[index]) + "\n"),
        RosterRow,
        format="csv",
    )
    dressed = load(
        io.StringIO(
            ",".join(PLAIN_HEADER) + "\n" + ",".join(f'"{dress(c)}"' for c in POOL[index]) + "\n"
        ),
        RosterRow,
        format="csv",
    )
    assert dressed.rejected == () and dressed.accepted == clean.accepted


def test_no_known_columns_never_shows_a_row_of_personal_data() -> None:
    text = f"王建国,{ID},13800001111\n李芳,{LOST},13900002222\n"
    with pytest.raises(InvalidValue) as err:
        load(io.StringIO(text), RosterRow, format="csv")
    shown = err.value.message("en") + str(err.value) + repr(err.value)
    assert err.value.code == "io.no_known_columns"
    assert "王建国" not in shown and ID not in shown and "13800001111" not in shown
