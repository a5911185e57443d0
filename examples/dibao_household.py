"""A household from application to a monthly 低保 amount, with its explanation.

Run: python examples/dibao_household.py [--locale en]

The county bureau of 清水县 (620521) receives an application from a family of four
in March 2025. The standards come from a CSV (the province's 2025 notice); the
rules decide, explain, and the case goes through 受理, 调查核对, 公示 and 审批.
"""

from __future__ import annotations

import argparse
import datetime
import io

from minzheng.assistance import (
    Case,
    CaseAction,
    CaseRegister,
    decide_dibao,
    decide_tekun,
    example_household,
)
from minzheng.assistance.tekun import example_elder_household
from minzheng.programmes import Programme
from minzheng.standards import StandardsBook

STANDARDS_CSV = """\
programme,division,area,amount,period,effective,source
dibao,620500,urban,8580,year,2025-01-01,天水市2025年城乡低保标准
dibao,620500,rural,5580,year,2025-01-01,天水市2025年城乡低保标准
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--locale", default="zh_Hans")
    args = parser.parse_args()
    book = StandardsBook.from_csv(io.StringIO(STANDARDS_CSV))

    household = example_household()
    applied = datetime.date(2025, 3, 3)
    decision = decide_dibao(household, on=applied, book=book)
    print(decision.explain(args.locale))

    register = CaseRegister()
    persons = {p.person_id for p in household.included_on(applied)}
    register.add(
        Case.open(
            case_id="QS-2025-0001",
            programme=Programme.DIBAO,
            subject=household.household_id,
            persons=persons,
            on=applied,
        )
    )
    steps = [
        (CaseAction.ACCEPT, datetime.date(2025, 3, 3)),
        (CaseAction.INVESTIGATE, datetime.date(2025, 3, 10)),
        (CaseAction.PUBLICISE, datetime.date(2025, 3, 17)),
        (CaseAction.APPROVE, datetime.date(2025, 3, 25)),
    ]
    for action, day in steps:
        register.apply(
            "QS-2025-0001",
            action,
            on=day,
            decision=decision if action is CaseAction.APPROVE else None,
        )
    case = register.get("QS-2025-0001")
    print()
    print(
        f"{case.case_id}: {case.status.label(args.locale)}; 公示 ends {case.publicity_ends}; "
        f"payment from {case.payment_start}"
    )

    print()
    elder = decide_tekun(example_elder_household(), "ELDER", on=applied, book=book)
    print(elder.explain(args.locale))


if __name__ == "__main__":
    main()
