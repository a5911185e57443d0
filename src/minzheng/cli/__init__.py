"""The ``minzheng`` command line.

``minzheng inspect CODE…`` explains identity numbers, credit codes, disability
certificate numbers, division codes and statistical codes. Exit status: 0 when
every code is valid, 1 when any is not, 2 for a usage error.

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
import json
import sys
from collections.abc import Sequence

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
        help="print identity numbers in full (they are masked by default)",
    )
    inspect.add_argument("--json", action="store_true", help="print one JSON object per line")
    return parser


def _run_inspect(args: argparse.Namespace) -> int:
    from minzheng.cli._text import t
    from minzheng.cli.inspect import inspect_code
    from minzheng.errors import MinzhengError
    from minzheng.i18n import resolve_locale

    try:
        locale = resolve_locale(args.locale)
    except MinzhengError as err:
        print(err.message("en"), file=sys.stderr)
        return 2
    status = 0
    for code in args.codes:
        result = inspect_code(code, locale=locale, reveal=args.reveal)
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
    args = parser.parse_args(argv)
    if args.command == "inspect":
        return _run_inspect(args)
    parser.print_help()
    return 2


def _console() -> None:  # pragma: no cover - exercised through the installed script
    sys.exit(main())
