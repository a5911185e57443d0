"""The fuzz suite: hostile input to every public entry point gets a minzheng error, in bounded time.

CI runs a short profile (a few dozen examples a test). The long run, before a release or
after touching a parser, is::

    MINZHENG_FUZZ=long python -m pytest -m fuzz -p no:cacheprovider

(``MINZHENG_FUZZ=<n>`` sets the examples per test.) Each test asserts only that what
comes out is a :class:`~minzheng.errors.MinzhengError` (the command line: exit 0, 1 or 2,
and for 2 one line on stderr and no traceback), and that the time taken stays within a
bound linear in the size of the input.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minzheng.errors import MinzhengError

pytestmark = pytest.mark.fuzz


def _examples() -> int:
    wanted = os.environ.get("MINZHENG_FUZZ", "")
    if wanted == "long":
        return 2_000
    return int(wanted) if wanted.isdigit() else 25


FUZZ = settings(
    max_examples=_examples(),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=not os.environ.get("MINZHENG_FUZZ"),
)

#: Characters that have broken parsers before: separators, units, other scripts' digits,
#: line separators JSON allows inside strings, controls, surrogates' neighbours.
NASTY = [
    " ", "\t", "\u3000", "\u00a0", "0", "9", "１", "٣", "०", ",", ".", "+", "-", "e", "E",
    "万", "亿", "元", "¥", "[", "]", "{", "}", '"', "\\", "\n", "\r", "\u2028", "\u2029",
    "\u0085", "\x00", "\x1b", "=", "@", "X", "x", "年", "月", "日", "/", "\ufeff", "\ud7ff",
]  # fmt: skip


def _run(char: str, count: int, tail: str) -> str:
    return char * count + tail


HOSTILE_TEXT = st.one_of(
    st.text(max_size=64),
    st.text(alphabet=st.sampled_from(NASTY), max_size=256),
    st.builds(
        _run, st.sampled_from(NASTY), st.integers(0, 20_000), st.text(st.sampled_from(NASTY), max_size=4)
    ),
    st.builds(lambda a, b: a + b, st.sampled_from(["+", "-", "¥", "1", "2025-", "110105"]),
              st.builds(_run, st.sampled_from([" ", "\u3000", "0", ","]), st.integers(1, 20_000),
                        st.just("x"))),
)  # fmt: skip


def _bound(size: int) -> float:
    """Seconds allowed for an input of ``size`` characters: linear, generous for a busy machine."""
    return 2.0 + size * 20e-6


@contextlib.contextmanager
def _timed(size: int) -> Iterator[None]:
    start = time.perf_counter()
    yield
    elapsed = time.perf_counter() - start
    assert elapsed < _bound(size), f"{elapsed:.2f} s for {size} characters"


def _only_minzheng(call: Callable[[], object], size: int) -> MinzhengError | None:
    error: MinzhengError | None = None
    with _timed(size):
        try:
            call()
        except MinzhengError as err:
            error = err
    if error is not None:
        assert error.code
        text = error.message("en")
        assert len(text) < 2_000, f"message of {len(text)} characters"
    return error


# -- record types ------------------------------------------------------------------------------

_PACKAGES = (
    "minzheng.programmes", "minzheng.money", "minzheng.dates", "minzheng.ids",
    "minzheng.divisions", "minzheng.codes", "minzheng.rules", "minzheng.standards",
    "minzheng.people", "minzheng.assistance", "minzheng.welfare", "minzheng.payments",
    "minzheng.care", "minzheng.registration", "minzheng.stats", "minzheng.io",
)  # fmt: skip


def _record_types() -> list[type]:
    import importlib

    found: dict[str, type] = {}
    for name in _PACKAGES:
        module = importlib.import_module(name)
        for public in getattr(module, "__all__", ()):
            value = getattr(module, public)
            if isinstance(value, type) and attrs.has(value):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[k] for k in sorted(found)]


RECORD_TYPES = _record_types()

JSON_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    HOSTILE_TEXT,
)
JSON_VALUE = st.recursive(
    JSON_LEAF,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def _hostile_body(draw: st.DrawFn, cls: type) -> str | bytes:
    """A request body for ``cls``: its own field names with hostile values, or raw hostile bytes."""
    names = [f.name for f in attrs.fields(cls)]
    kind = draw(st.sampled_from(["fields", "raw", "deep", "digits", "bytes"]))
    if kind == "fields":
        chosen = draw(st.lists(st.sampled_from(names), unique=True)) if names else []
        body = {name: draw(JSON_VALUE) for name in chosen}
        if draw(st.booleans()):
            body[draw(HOSTILE_TEXT)] = draw(JSON_LEAF)
        return json.dumps(body, ensure_ascii=draw(st.booleans()))
    if kind == "raw":
        return draw(HOSTILE_TEXT)
    if kind == "deep":
        depth = draw(st.integers(100, 50_000))
        opener = draw(st.sampled_from(["[", '{"a":']))
        return opener * depth
    if kind == "digits":
        field = draw(st.sampled_from(names)) if names else "x"
        return '{"' + field + '": ' + "9" * draw(st.integers(4_000, 60_000)) + "}"
    return draw(st.binary(max_size=512))


@pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda c: c.__name__)
@FUZZ
@given(data=st.data())
def test_from_json_and_from_dict_raise_only_minzheng_errors(cls: type, data: st.DataObject) -> None:
    from minzheng.io import from_dict, from_json

    body = data.draw(_hostile_body(cls))
    _only_minzheng(lambda: from_json(body, cls), len(body))
    if isinstance(body, str):
        with contextlib.suppress(ValueError, RecursionError):  # not JSON: nothing to structure
            parsed = json.loads(body)
            _only_minzheng(lambda: from_dict(parsed, cls), len(body))


@pytest.mark.parametrize("value", [None, 1, 1.5, b"{}", [], (), object(), "x" * 100_000])
@pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda c: c.__name__)
def test_from_dict_of_junk_is_a_minzheng_error(cls: type, value: object) -> None:
    from minzheng.io import from_dict

    _only_minzheng(lambda: from_dict(value, cls), 100_000)


# -- loading files -----------------------------------------------------------------------------

ROSTER_HEADERS = ["姓名", "身份证号", "性别", "出生日期", "保障类别", "月保障金额", "户主身份证号",
                  "与户主关系", "乡镇（街道）", "村（社区）", "户籍性质", "备注"]  # fmt: skip


@st.composite
def _hostile_table(draw: st.DrawFn) -> list[list[str]]:
    headers = draw(
        st.one_of(
            st.just(ROSTER_HEADERS),
            st.lists(st.sampled_from(ROSTER_HEADERS), min_size=1, max_size=14),
            st.lists(st.text(max_size=12), max_size=6),
        )
    )
    rows = draw(
        st.lists(
            st.lists(st.one_of(HOSTILE_TEXT, st.just("")), max_size=len(headers) + 2),
            max_size=12,
        )
    )
    return [headers, *rows]


def _encode(table: list[list[str]], *, delimiter: str, encoding: str, quote_breaker: bool) -> bytes:
    import csv

    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(table)
    text = out.getvalue()
    if quote_breaker:
        text = text + '"unterminated, quote\n' + text
    return text.encode(encoding, errors="replace")


@FUZZ
@given(
    table=_hostile_table(),
    delimiter=st.sampled_from([",", "\t", ";"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
    quote_breaker=st.booleans(),
    suffix=st.sampled_from([".csv", ".jsonl"]),
)
def test_load_reports_every_row_and_raises_only_minzheng_errors(
    tmp_path_factory: pytest.TempPathFactory,
    table: list[list[str]],
    delimiter: str,
    encoding: str,
    quote_breaker: bool,
    suffix: str,
) -> None:
    from minzheng.io import RosterRow, load

    path = tmp_path_factory.mktemp("fuzz") / f"export{suffix}"
    if suffix == ".csv":
        body = _encode(table, delimiter=delimiter, encoding=encoding, quote_breaker=quote_breaker)
    else:
        lines = [
            json.dumps(dict(zip(table[0], row, strict=False)), ensure_ascii=False)
            for row in table[1:]
        ]
        if quote_breaker:
            lines.insert(len(lines) // 2, "[" * 5_000)
        body = "\n".join(lines).encode("utf-8")
    path.write_bytes(body)
    outcome: dict[str, Any] = {}

    def run() -> None:
        outcome["result"] = load(path, RosterRow)

    _only_minzheng(run, len(body))
    result = outcome.get("result")
    if result is not None:
        skipped = len(getattr(result, "skipped", ()))
        assert result.read == len(result.accepted) + len(result.rejected) + skipped


def test_a_hostile_jsonl_row_does_not_lose_the_good_ones(tmp_path: Path) -> None:
    from minzheng.io import RosterRow, load

    good = json.dumps({"姓名": "王建国", "身份证号": "11010519491231002X"}, ensure_ascii=False)
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join([good, "[" * 10_000, good.replace("王", "李")]), encoding="utf-8")
    result = load(path, RosterRow, key=False)  # the third line repeats the first person
    assert result.read == 3
    assert [r.row for r in result.rejected] == [2]
    assert len(result.accepted) == 2


# -- the command line --------------------------------------------------------------------------


def _cli(argv: list[str], size: int) -> tuple[int, str, str]:
    from minzheng.cli import main

    out, err = io.StringIO(), io.StringIO()
    with _timed(size), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    stderr = err.getvalue()
    assert status in (0, 1, 2), status
    assert "Traceback" not in stderr and "Traceback" not in out.getvalue()
    if status == 2:
        assert len(stderr.strip().splitlines()) <= 1, stderr
    return status, out.getvalue(), stderr


@FUZZ
@given(codes=st.lists(HOSTILE_TEXT, min_size=1, max_size=3), as_json=st.booleans())
def test_cli_inspect_hostile_codes(codes: list[str], as_json: bool) -> None:
    codes = [c for c in codes if not c.startswith("-")] or ["x"]
    _cli(["inspect", *(["--json"] if as_json else []), "--", *codes], sum(map(len, codes)))


@FUZZ
@given(body=st.one_of(st.binary(max_size=2_000), HOSTILE_TEXT.map(str.encode)), on=HOSTILE_TEXT)
def test_cli_explain_and_validate_hostile_files(
    tmp_path_factory: pytest.TempPathFactory, body: bytes, on: str
) -> None:
    folder = tmp_path_factory.mktemp("cli")
    household = folder / "household.json"
    household.write_bytes(body)
    on = on if not on.startswith("-") else "x" + on
    _cli(["explain", str(household), "--on", on], len(body) + len(on))
    for suffix in (".csv", ".jsonl", ".xlsx"):
        export = folder / f"export{suffix}"
        export.write_bytes(body)
        _cli(["validate", str(export)], len(body))
