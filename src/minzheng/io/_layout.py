r"""Layout discovery for sheet-like exports: where the header is, which rows are not records.

A county system's export is rarely a bare table. Above the header sit a merged
title (``XX县2025年12月城乡低保花名册``), a ``填报单位 … 单位：元`` row and blank
rows; the header may take two rows (a merged group cell such as ``家庭信息``
above the real names); below the records come a ``合计`` row and the sign-off
(``制表人``, ``审核人``, ``填表日期`` …). :func:`arrange` turns the grid a reader
yields — ``(row number, cells)`` with the sheet's own row numbers — into
``(row number, {header: cell})`` records:

- the header is the row (or pair of rows) among the first :data:`SCAN_ROWS`
  non-blank rows that names the most known columns; with none at all the file is
  refused (``io.no_known_columns``) naming the columns seen and those known;
- blank rows are passed over; rows above the header are layout, not records;
- totals, sign-off, note and repeated-header rows are yielded as a skip marker
  (``{SKIP: reason}``) with the reason code of :data:`SKIP_REASONS`, so the loader
  can account for them: never accepted, never rejected;
- a non-empty cell beyond the last header is an ``io.extra_cells`` problem.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from minzheng.errors import InvalidValue
from minzheng.io._cells import cell_text
from minzheng.io._limits import LoadLimits

__all__ = [
    "SCAN_ROWS",
    "SKIP",
    "SKIP_REASONS",
    "Grid",
    "arrange",
    "clean_header",
    "header_variants",
    "is_missing",
]

MARK = "\u0000"
SKIP = MARK + "skip"
#: How many non-blank rows at the top are searched for the header.
SCAN_ROWS = 20
Grid = Iterator[tuple[int, "list[Any] | dict[str, Any]"]]

#: Reason codes of skipped rows.
SKIP_REASONS: tuple[str, ...] = ("total", "sign_off", "note", "repeated_header", "footer")

_TOTAL_WORDS = ("合计", "小计", "总计", "共计", "累计", "总合计", "本页合计", "本页小计")
_SIGN_OFF_WORDS = (
    "制表人",
    "制表",
    "审核人",
    "审核",
    "审批人",
    "填表人",
    "填报人",
    "填表日期",
    "填报日期",
    "制表日期",
    "制表时间",
    "负责人",
    "单位负责人",
    "主管领导",
    "分管领导",
    "经办人",
    "复核人",
    "联系电话",
    "报送日期",
    "签字",
    "盖章",
    "(盖章)",
)
_NOTE_WORDS = ("注", "备注", "说明", "填表说明")
_SPACES = re.compile(r"\s+")
_UNIT = re.compile(r"[(（][^()（）]{1,8}[)）]$")  # 保障金额（元）, 家庭人口(人)
_MARKS = "*＊※★"


def is_missing(value: Any) -> bool:
    """``True`` for an empty cell: ``None``, ``""``, NaN, pandas ``NaT``/``NA``.

    >>> is_missing(float("nan")), is_missing(""), is_missing(0)
    (True, True, False)
    """
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return value != value
    name = type(value).__name__
    if name in ("NaTType", "NAType", "NaT"):
        return True
    try:
        return bool(value != value)
    except (TypeError, ValueError):  # arrays, objects without equality
        return False


def clean_header(value: Any) -> str:
    r"""A header cell as a name: NFKC, no spaces or line breaks inside.

    >>> clean_header(" 身份证\n号码 "), clean_header("ＩＤ")
    ('身份证号码', 'ID')
    """
    text = value if isinstance(value, str) else cell_text(value)
    return _SPACES.sub("", unicodedata.normalize("NFKC", text)).lstrip("\ufeff")


def header_variants(name: str) -> tuple[str, ...]:
    """The forms a header is looked up by: as written, without a required mark, without a unit.

    >>> header_variants("*保障金额(元)")
    ('*保障金额(元)', '保障金额(元)', '保障金额')
    """
    out = [name]
    bare = name.strip(_MARKS)
    if bare != name:
        out.append(bare)
    unitless = _UNIT.sub("", bare)
    if unitless and unitless != bare:
        out.append(unitless)
    return tuple(out)


def _text(value: Any) -> str:
    if is_missing(value):
        return ""
    return clean_header(value)


def _blank(cells: Sequence[Any]) -> bool:
    return all(is_missing(c) for c in cells)


def _word_pattern(words: Sequence[str]) -> re.Pattern[str]:
    """One pattern for "the text is one of ``words``, alone or before a separator"."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(f"(?:{alternatives})(?:$|[:：(（ 　_])")


_WORD_PATTERNS: dict[tuple[str, ...], re.Pattern[str]] = {}


def _starts(text: str, words: tuple[str, ...]) -> bool:
    pattern = _WORD_PATTERNS.get(words)
    if pattern is None:
        pattern = _WORD_PATTERNS.setdefault(words, _word_pattern(words))
    return pattern.match(text) is not None


def classify(cells: Sequence[Any], header: Sequence[str]) -> str | None:
    """Why a row under the header is not a record (a :data:`SKIP_REASONS` code), or ``None``.

    >>> classify(["合  计", "", "", "1,290"], ["序号", "姓名", "身份证号", "保障金额"])
    'total'
    >>> classify(["制表人：张三", "", "审核人：李四"], ["序号", "姓名", "身份证号"])
    'sign_off'
    >>> classify(["1", "王建国"], ["序号", "姓名"]) is None
    True
    """
    filled: list[str] = []  # the first three non-empty cells are all the words need
    for cell in cells:
        if text := _text(cell):
            filled.append(text)
            if len(filled) == 3:
                break
    if not filled:
        return None
    if cells and header and _text(cells[0]) == header[0]:  # only then compare the whole row
        texts = [_text(c) for c in cells]
        if texts[: len(header)] == list(header[: len(texts)]) and sum(map(bool, texts)) > 1:
            return "repeated_header"
    spaced: list[str] = []
    for cell in cells:
        if isinstance(cell, str) and cell.strip():
            spaced.append(_SPACES.sub(" ", unicodedata.normalize("NFKC", cell)).strip())
            if len(spaced) == 3:
                break
    if any(t in _TOTAL_WORDS or _starts(t, _TOTAL_WORDS) for t in filled[:3]) or any(
        _starts(t, _TOTAL_WORDS) for t in spaced[:3]
    ):
        return "total"
    first = spaced[0] if spaced else filled[0]
    if _starts(first, _SIGN_OFF_WORDS) or _starts(filled[0], _SIGN_OFF_WORDS):
        return "sign_off"
    if (_starts(first, _NOTE_WORDS) or _starts(filled[0], _NOTE_WORDS)) and len(filled) <= 2:
        return "note"
    return None


def _merge(upper: Sequence[Any], lower: Sequence[Any]) -> list[str]:
    """A two-row header as one: the lower name where there is one, else the (merged) upper cell."""
    width = max(len(upper), len(lower))
    out = []
    for i in range(width):
        below = _text(lower[i]) if i < len(lower) else ""
        above = _text(upper[i]) if i < len(upper) else ""
        out.append(below or above)
    return out


def _score(names: Sequence[str], known: Callable[[str], str | None]) -> int:
    return len({f for n in names if n and (f := known(n)) is not None})


def _choose(
    rows: list[tuple[int, list[Any]]], known: Callable[[str], str | None]
) -> tuple[int, list[str], int] | None:
    """``(index of the last header row, names, score)`` of the best header in ``rows``."""
    best: tuple[int, list[str], int] | None = None
    for i, (number, cells) in enumerate(rows):
        single = [_text(c) for c in cells]
        score = _score(single, known)
        if best is None or score > best[2]:
            best = (i, single, score)
        if i + 1 < len(rows) and rows[i + 1][0] == number + 1:
            merged = _merge(cells, rows[i + 1][1])
            pair = _score(merged, known)
            if pair > max(score, _score([_text(c) for c in rows[i + 1][1]], known)) and (
                pair > best[2]
            ):
                best = (i + 1, merged, pair)
    return best


_DIGIT_RUN = re.compile(r"\d{6,}")


def _seen(head: list[tuple[int, list[Any]]]) -> list[str]:
    """The cells of the row most like a header, for the error message — never a row of data.

    A row holding six digits in a row (an identity or phone number) is data and is
    not shown; of the others, the first with two or more cells.

    >>> _seen([(1, ["XX县花名册"]), (2, ["编号", "甲"]), (3, ["1", "620521198502101233"])])
    ['编号', '甲']
    >>> _seen([(1, ["王建国", "620521198502101233"])])
    []
    """
    rows = [
        texts
        for _, cells in head
        if (texts := [t for t in (_text(c) for c in cells) if t])
        and not any(_DIGIT_RUN.search(t) for t in texts)
    ]
    return next((r for r in rows if len(r) >= 2), rows[0] if rows else [])


def _short(text: str, size: int = 20) -> str:
    return text if len(text) <= size else text[:size] + "…"


def _listing(names: Sequence[str], count: int = 12) -> str:
    shown = [_short(n) for n in names[:count]]
    return "、".join(shown) + ("…" if len(names) > count else "")


def _check_header(header: list[str], limits: LoadLimits) -> list[str]:
    while header and not header[-1]:
        header.pop()
    if len(header) > limits.max_columns:
        raise InvalidValue(
            "io.too_large",
            field="columns",
            value=str(len(header)),
            params={"limit": limits.max_columns},
        )
    seen: set[str] = set()
    for h in header:
        if h and h in seen:
            raise InvalidValue("io.duplicate_header", field="header", value=_short(h, 40))
        seen.add(h)
    return header


def arrange(
    grid: Grid,
    *,
    known: Callable[[str], str | None],
    known_names: Sequence[str],
    limits: LoadLimits,
    header_row: int | None = None,
    skip_footer: int = 0,
    info: dict[str, Any] | None = None,
) -> Iterator[tuple[int, dict[str, Any]]]:
    r"""Records of ``grid`` under its header; see the module documentation.

    ``known(name)`` gives the field a header names (or ``None``); ``known_names``
    lists them for the error message. ``header_row`` (the sheet's row number)
    fixes the header; ``skip_footer`` skips that many last non-blank rows.
    ``info`` receives ``header_row``.

    >>> grid = iter([(1, ["XX县低保花名册"]), (2, ["姓名", "保障金额"]), (3, ["王建国", "430"]),
    ...              (4, ["合计", "430"])])
    >>> list(arrange(grid, known={"姓名": "name", "保障金额": "amount"}.get, known_names=[],
    ...              limits=LoadLimits()))
    [(3, {'姓名': '王建国', '保障金额': '430'}), (4, {'\x00skip': 'total'})]
    """
    head: list[tuple[int, list[Any]]] = []
    pending: list[tuple[int, dict[str, Any]]] = []  # problems met while scanning
    header: list[str] | None = None
    widest: list[Any] = []
    for number, cells in grid:
        if isinstance(cells, dict):
            pending.append((number, cells))
            continue
        if header_row is not None:
            if number < header_row:
                continue
            if number == header_row:
                header = [_text(c) for c in cells]
                break
            raise InvalidValue("io.header_row", field="header_row", value=str(header_row))
        if _blank(cells):
            continue
        head.append((number, list(cells)))
        if len(cells) > len(widest):
            widest = list(cells)
        if len(head) >= SCAN_ROWS:
            break
    rest: list[tuple[int, list[Any]]] = []
    if header_row is None:
        found = _choose(head, known)
        if found is None:  # nothing at all
            return
        index, header, score = found
        if score == 0:
            _check_header([_text(c) for c in widest], limits)  # too wide is io.too_large
            raise InvalidValue(
                "io.no_known_columns",
                field="header",
                value=_listing(_seen(head)) or "—",
                params={"known": _listing(list(known_names))},
            )
        rest = head[index + 1 :]
        header_number = head[index][0]
    elif header is None:
        raise InvalidValue("io.header_row", field="header_row", value=str(header_row))
    else:
        header_number = header_row
        if _score(header, known) == 0:
            raise InvalidValue(
                "io.no_known_columns",
                field="header",
                value=_listing([h for h in header if h]),
                params={"known": _listing(list(known_names))},
            )
    header = _check_header(header, limits)
    if info is not None:
        info["header_row"] = header_number
    # problems met while scanning rows that turned out to be below the header
    pending = [(n, c) for n, c in pending if n > header_number]

    early: list[tuple[int, list[Any] | dict[str, Any]]] = [*pending, *rest]
    early.sort(key=lambda item: item[0])  # the scanned rows only: the rest streams

    def body() -> Iterator[tuple[int, list[Any] | dict[str, Any]]]:
        yield from early
        yield from grid

    held: deque[tuple[int, dict[str, Any]]] = deque()
    for number, cells in body():
        if isinstance(cells, dict):
            out: tuple[int, dict[str, Any]] = (number, cells)
        elif _blank(cells):
            continue
        elif (reason := classify(cells, header)) is not None:
            out = (number, {SKIP: reason})
        else:
            row = {h: cells[i] if i < len(cells) else None for i, h in enumerate(header) if h}
            extra = [c for c in cells[len(header) :] if not is_missing(c)]
            if extra:
                row[MARK + "io.extra_cells"] = _short(",".join(cell_text(c) for c in extra), 40)
            out = (number, row)
        if skip_footer:
            held.append(out)
            if len(held) > skip_footer:
                yield held.popleft()
        else:
            yield out
    for number, _ in held:
        yield number, {SKIP: "footer"}
