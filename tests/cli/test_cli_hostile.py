"""The command line under hostile input: one line on stderr, exit 2, never a traceback."""

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from minzheng.cli import main


def _one_line_no_traceback(err: str) -> None:
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_explain_refuses_a_fifo_instead_of_blocking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "household.json"
    os.mkfifo(fifo)
    result: list[int] = []
    worker = threading.Thread(
        target=lambda: result.append(main(["explain", str(fifo), "--on", "2025-03-01"])),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():  # unblock the reader so the test process can end
        with open(fifo, "wb"):
            pass
        worker.join(timeout=5)
        pytest.fail("explain blocked on a FIFO")
    assert result == [2]
    _one_line_no_traceback(capsys.readouterr().err)


def test_explain_refuses_an_oversized_household(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b'{"members": [' + b" " * (2 << 20) + b"]}")
    assert main(["explain", str(big), "--on", "2025-03-01"]) == 2
    _one_line_no_traceback(capsys.readouterr().err)


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000,
        b"\xff\xfe\x00garbage",
        b'{"members": 1' + b"0" * 10_000 + b"}",
        b"null",
    ],
    ids=["deep", "not-utf8", "huge-int", "null"],
)
def test_explain_hostile_bodies_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: bytes
) -> None:
    path = tmp_path / "h.json"
    path.write_bytes(body)
    assert main(["explain", str(path), "--on", "2025-03-01"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip()


def test_validate_a_directory_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(tmp_path)]) == 2
    _one_line_no_traceback(capsys.readouterr().err)


def test_an_unexpected_bug_is_one_line_without_data(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from minzheng.cli import commands

    def boom(*_args: object, **_kwargs: object) -> int:
        raise RuntimeError("110105194912310021 should never be printed")

    monkeypatch.setattr(commands, "run_report", boom)
    monkeypatch.delenv("MINZHENG_DEBUG", raising=False)
    assert main(["report", "x.csv"]) == 2
    err = capsys.readouterr().err
    _one_line_no_traceback(err)
    assert "110105" not in err
    assert "RuntimeError" in err


def test_piping_into_head_ends_quietly() -> None:
    command = (
        f"{sys.executable} -m minzheng demo --persons 300 --locale en | head -n 1; "
        "exit ${PIPESTATUS[0]}"
    )
    done = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "BrokenPipe" not in done.stderr
    assert len(done.stdout.splitlines()) == 1


@pytest.mark.parametrize("junk", [None, {}, 12, b"110105194912310021"])
def test_inspect_code_of_non_text_reports_instead_of_raising(junk: object) -> None:
    from minzheng.ids.inspect import inspect_code

    result = inspect_code(junk, locale="en")  # type: ignore[arg-type]
    assert not result.valid
    assert result.error is not None and result.error.code == "value.type"


def test_inspect_code_reads_a_bounded_prefix() -> None:
    import time

    from minzheng.ids.inspect import inspect_code

    start = time.perf_counter()
    result = inspect_code(" " * 1_000_000 + "620521")
    assert time.perf_counter() - start < 0.05
    assert result.kind == "unknown"
