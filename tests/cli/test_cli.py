import json
import subprocess
import sys

import pytest

from minzheng.cli import main
from minzheng.ids.inspect import inspect_code


def test_inspect_recognises_every_kind() -> None:
    kinds = {
        "11010519491231002X": "resident_id",
        "110105491231002": "resident_id",
        "53100000500021676K": "credit_code",
        "91440300MA5G7P4L4X": "credit_code",
        "36012119701121001343": "disability_certificate",
        "620521": "division",
        "110101001001": "stat_code",
        "hello": "unknown",
    }
    for text, kind in kinds.items():
        result = inspect_code(text)
        assert result.kind == kind, text
        assert result.valid == (kind != "unknown"), text


def test_inspect_masks_unless_revealed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "11010519491231002X"]) == 0
    out = capsys.readouterr().out
    assert "110105********002X" in out and "19491231" not in out
    assert "1949年12月31日" not in out and "出生年份：1949" in out
    assert main(["inspect", "--reveal", "11010519491231002X"]) == 0
    out = capsys.readouterr().out
    assert "11010519491231002X" in out and "1949年12月31日" in out


def test_inspect_gives_year_and_age_on_a_date(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["inspect", "--json", "--locale", "en", "--on", "2025-06-01", "11010519491231002X"]
    assert main(argv) == 0
    fields = json.loads(capsys.readouterr().out)["fields"]
    assert (fields["Year of birth"], fields["Age"]) == ("1949", "75")
    assert "Birth date" not in fields


def test_inspect_masks_text_of_no_known_kind(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "13812345678", "王秀英"]) == 1
    out = capsys.readouterr().out
    assert "138****5678" in out and "王**" in out and "秀英" not in out and "1234" not in out
    assert "11010519491231002X" not in repr(inspect_code("11010519491231002X"))


def test_inspect_invalid_explains_why_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "--locale", "en", "110105194912310021"]) == 1
    out = capsys.readouterr().out
    assert "invalid" in out and "expected X, got 1" in out


def test_inspect_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "--json", "--locale", "zh_TW", "51100000500002862F", "999999"]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines[0]["valid"] and lines[0]["fields"]["機構類別"] == "1 社會團體"
    assert not lines[1]["valid"] and lines[1]["error"]["code"] == "division.unknown"


def test_bad_locale_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "--locale", "!!", "620521"]) == 2


def test_console_script_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "minzheng", "inspect", "620521"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "甘肃省天水市清水县" in done.stdout
