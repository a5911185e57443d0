"""Check the identity numbers and credit codes of a small bureau export.

Run: python examples/check_an_export.py [--locale en]

An analyst's first job with an export from a case system: which rows have a bad
identity number, and why; who the valid ones are (age on a reference date,
sex, county of registration); which organisations are civil-affairs ones.
Personal data stays masked in everything printed.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
from collections import Counter

from minzheng.errors import MinzhengError
from minzheng.i18n import format_count, format_percent
from minzheng.ids import CreditCode, ResidentId
from minzheng.money import share

EXPORT = """\
姓名,身份证号
甲,11010519491231002X
乙,440524188001010014
丙,110105194912310021
丁,340524800101001
戊,62052119990230001
己,360426199101010071
"""

ORGANISATIONS = [
    "53100000500021676K",
    "51100000500002862F",
    "91110000600037341L",
    "52110101MJ0018899X",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--locale", default="zh_Hans")
    parser.add_argument("--on", default="2025-12-31", help="reference date for ages")
    args = parser.parse_args()
    on = datetime.date.fromisoformat(args.on)

    rows = list(csv.DictReader(io.StringIO(EXPORT)))
    valid: list[ResidentId] = []
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        try:
            valid.append(ResidentId.parse(row["身份证号"]))
        except MinzhengError as err:
            print(f"row {number}: {err.code}: {err.message(args.locale)}")

    print()
    for rid in valid:
        county = rid.division.full_name if rid.division else "—"
        print(f"{rid}  {rid.sex.label(args.locale):<8} {rid.age_on(on):>3}  {county}")

    sexes = Counter(rid.sex for rid in valid)
    print()
    print(
        "valid:",
        format_count(len(valid), "person", args.locale),
        "/",
        format_count(len(rows), "person", args.locale),
        format_percent(share(len(valid), len(rows)), args.locale),
    )
    for sex, n in sexes.items():
        print(f"  {sex.label(args.locale)}: {format_count(n, 'person', args.locale)}")

    print()
    for text in ORGANISATIONS:
        try:
            code = CreditCode.parse(text)
        except MinzhengError as err:
            print(f"{text}: {err.message(args.locale)}")
            continue
        kind = code.org_kind.label(args.locale) if code.org_kind else "?"
        print(f"{code}: {kind}{' (civil affairs)' if code.is_civil_affairs else ''}")


if __name__ == "__main__":
    main()
