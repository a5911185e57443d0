"""The ``minzheng`` command line.

- ``minzheng demo`` builds a synthetic county, runs the rules and prints its
  civil-affairs year (``--excel FILE``, ``--charts DIR`` to export);
- ``minzheng validate FILE --as TYPE`` loads an export and lists every bad row;
- ``minzheng report FILE…`` states a roster's counts in the seeds' words;
- ``minzheng explain HOUSEHOLD.json --programme dibao --on DATE`` decides and explains;
- ``minzheng inspect CODE…`` explains identity numbers, credit codes, disability
  certificate numbers, division codes and statistical codes.

Exit status: 0 success (every code valid, every row accepted, eligible), 1 when
the data says no (an invalid code, a rejected row, not eligible), 2 for a usage error.

>>> main(["inspect", "--locale", "en", "620521"])
620521 — Administrative division code: valid
  Name: 甘肃省天水市清水县
  Level: County level
  Valid in years: 1985–present
  Parent: 620500 天水市
0
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from minzheng._version import __version__

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minzheng",
        description="minzheng — Chinese civil-affairs (民政) codes, rules and figures.",
    )
    parser.add_argument("--version", action="version", version=f"minzheng {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    inspect = commands.add_parser(
        "inspect",
        help="explain identity numbers, credit codes, division and statistical codes",
        description=(
            "Explain each CODE: a resident identity number (18 or 15 digits), a unified social "
            "credit code, a disability certificate number, a GB/T 2260 division code (6 digits) "
            "or a statistical division code (12 digits). Exit status 1 if any is invalid."
        ),
    )
    inspect.add_argument("codes", nargs="+", metavar="CODE")
    inspect.add_argument(
        "--locale",
        default="zh_Hans",
        help="zh_Hans (default), zh_Hant or en; any tag such as zh_TW works",
    )
    inspect.add_argument(
        "--reveal",
        action="store_true",
        help="print identity numbers and birth dates in full (by default numbers are masked "
        "and only the year of birth and the age are shown)",
    )
    inspect.add_argument("--json", action="store_true", help="print one JSON object per line")
    inspect.add_argument(
        "--on",
        metavar="DATE",
        type=datetime.date.fromisoformat,
        help="give ages on DATE, YYYY-MM-DD (default: today)",
    )
    _add_commands(commands)
    return parser


_LOCALE_HELP = "zh_Hans (default), zh_Hant or en"


def _add_commands(commands: Any) -> None:
    from minzheng.cli.commands import RECORD_TYPES

    demo = commands.add_parser(
        "demo",
        help="build a synthetic county and print its civil-affairs year",
        description=(
            "Generate a synthetic county (valid identity numbers, no real personal data), run the "
            "低保/特困/高龄津贴 rules with illustrative standards, and print the year: assistance "
            "by programme, care beds and nursing share, registrations."
        ),
    )
    demo.add_argument(
        "--division", default="620521", help="a county's GB/T 2260 code (default 620521)"
    )
    demo.add_argument("--year", type=int, default=2025, help="the year (default 2025)")
    demo.add_argument(
        "--persons", type=int, default=20_000, help="persons to generate (default 20000)"
    )
    demo.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    demo.add_argument("--locale", default="zh_Hans", help=_LOCALE_HELP)
    demo.add_argument("--excel", metavar="FILE", help="also write an Excel workbook (extra 'io')")
    demo.add_argument("--charts", metavar="DIR", help="also write PNG charts (extra 'plots')")

    validate = commands.add_parser(
        "validate",
        help="load an export (CSV, Excel, JSON Lines, Parquet) and list every bad row",
        description="Exit status 1 if any row is rejected; --rejects writes them back for fixing.",
    )
    validate.add_argument("file", metavar="FILE")
    validate.add_argument("--as", dest="record_type", default="roster", choices=RECORD_TYPES)
    validate.add_argument(
        "--rejects", metavar="OUT", help="write rejected rows to OUT (.csv or .xlsx)"
    )
    validate.add_argument(
        "--reveal",
        action="store_true",
        help="write identity numbers, names, birth dates and phones in full to the --rejects file",
    )
    validate.add_argument("--limit", type=int, default=20, help="errors to print (default 20)")
    validate.add_argument("--locale", default="zh_Hans", help=_LOCALE_HELP)

    report = commands.add_parser(
        "report",
        help="counts by programme from roster files, in the seeds' words",
        description="Each FILE is a roster (花名册) export; Chinese headers are recognised.",
    )
    report.add_argument("files", nargs="+", metavar="FILE")
    report.add_argument(
        "--scope", default="county", choices=["county", "district", "city", "province"]
    )
    report.add_argument("--locale", default="zh_Hans", help=_LOCALE_HELP)

    explain = commands.add_parser(
        "explain",
        help="decide a programme for a household (JSON) and explain the decision",
        description="Exit status 0 if eligible, 1 if not, 2 for bad input.",
    )
    explain.add_argument("household", metavar="HOUSEHOLD.json")
    explain.add_argument("--programme", default="dibao", choices=["dibao", "dibao_edge", "tekun"])
    explain.add_argument("--on", required=True, metavar="DATE", help="decision date, YYYY-MM-DD")
    explain.add_argument(
        "--standards", metavar="BOOK.csv", help="standards book (default: illustrative)"
    )
    explain.add_argument("--person", help="person id for 特困 (default: the head)")
    explain.add_argument("--locale", default="zh_Hans", help=_LOCALE_HELP)


def _run_inspect(args: argparse.Namespace, locale: str) -> int:
    from minzheng.i18n import ui_text as t
    from minzheng.ids.inspect import inspect_code

    status = 0
    for code in args.codes:
        result = inspect_code(
            code, locale=locale, reveal=args.reveal, on=args.on or datetime.date.today()
        )
        status = status or int(not result.valid)
        if args.json:
            print(json.dumps(result.to_dict(), ensure_ascii=False))
            continue
        verdict = t("有效" if result.valid else "无效", locale)
        sep = "：" if locale != "en" else ": "
        print(f"{result.shown} — {result.title}{sep}{verdict}")
        for label, value in result.fields:
            print(f"  {label}{sep}{value}")
        if result.error is not None:
            print(f"  {t('原因', locale)}{sep}{result.error.message(locale)}")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it).

    >>> main(["inspect", "--json", "110101001001"])
    {"input": "110101001001", "kind": "stat_code", "valid": true, "fields": {...}, "error": null}
    0
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help and usage errors: argparse exits 0 or 2
        return int(exit_.code or 0)
    if args.command is None:
        parser.print_help()
        return 2
    from minzheng.errors import MinzhengError
    from minzheng.i18n import resolve_locale

    try:
        locale = resolve_locale(args.locale)
    except MinzhengError as err:
        print(err.message("en"), file=sys.stderr)
        return 2
    try:
        return _dispatch(args, locale)
    except MinzhengError as err:
        print(err.message(locale), file=sys.stderr)
        return 2
    except BrokenPipeError:  # ``minzheng … | head``: the reader has gone, end quietly
        _silence_stdout()
        return 0
    except OSError as err:  # a file we were told to read or write is not usable
        where = f": {_short(err.filename)}" if err.filename is not None else ""
        print(f"minzheng: {err.strerror or type(err).__name__}{where}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # a bug: one line, no traceback, no data (set MINZHENG_DEBUG=1)
        if os.environ.get("MINZHENG_DEBUG"):
            raise
        print(
            f"minzheng: internal error ({type(err).__name__}); "
            "run again with MINZHENG_DEBUG=1 and report it",
            file=sys.stderr,
        )
        return 2


def _short(value: object) -> str:
    """A file name for a message, shortened so that hostile names stay one line."""
    text = " ".join(str(value).split())
    return text if len(text) <= 80 else text[:77] + "…"


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's exit flush does not raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is not a real file (tests)
        pass


def _dispatch(args: argparse.Namespace, locale: str) -> int:
    """Run the chosen command with the resolved locale."""
    from minzheng.cli import commands

    if args.command == "inspect":
        return _run_inspect(args, locale)
    if args.command == "demo":
        return commands.run_demo(
            division=args.division,
            year=args.year,
            persons=args.persons,
            seed=args.seed,
            locale=locale,
            charts=args.charts,
            excel=args.excel,
        )
    if args.command == "validate":
        return commands.run_validate(
            args.file,
            record_type=args.record_type,
            locale=locale,
            rejects=args.rejects,
            limit=args.limit,
            reveal=args.reveal,
        )
    if args.command == "report":
        return commands.run_report(args.files, locale=locale, scope=args.scope)
    return commands.run_explain(
        args.household,
        programme=args.programme,
        on=args.on,
        standards=args.standards,
        person=args.person,
        locale=locale,
    )


def _console() -> None:  # pragma: no cover - exercised through the installed script
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        status = 0
    sys.exit(status)
