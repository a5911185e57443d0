import json
import subprocess
import sys

import pytest

from minzheng.cli import main
from minzheng.cli.inspect import inspect_code


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
    assert "110105********002X" in out and "19491231" not in out.replace("1949年12月31日", "")
    assert main(["inspect", "--reveal", "11010519491231002X"]) == 0
    assert "11010519491231002X" in capsys.readouterr().out


def test_inspect_invalid_explains_why_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "--locale", "en", "110105194912310021"]) == 1
    out = capsys.readouterr().out
    assert "invalid" in out and "expected X, got 1" in out


def test_inspect_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "--json", "--locale", "zh_TW", "51100000500002862F", "999999"]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines[0]["valid"] and lines[0]["labels"]["機構類別"] == "1 社會團體"
    assert lines[0]["fields"]["organisation_kind"] == "1"
    assert not lines[1]["valid"] and lines[1]["error"]["code"] == "division.unknown"


@pytest.mark.parametrize("locale", ["zh_CN", "zh_TW", "en"])
def test_inspect_json_keys_and_dates_do_not_depend_on_the_locale(
    locale: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["inspect", "--json", "--locale", locale, "11010519491231002X", "620521"]) == 0
    person, division = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert person["fields"]["birth_date"] == "1949-12-31"
    assert person["fields"]["sex"] == "2" and person["fields"]["division"]["code"] == "110105"
    assert (
        division["fields"]["level"] == "county" and division["fields"]["parent"]["code"] == "620500"
    )
    assert all(key.isascii() for key in {**person["fields"], **division["fields"]})


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
