"""A county's monthly payroll for 低保, 特困, 孤儿 and 两项补贴 — then a mid-year rise with its 补发.

Run: python examples/county_payroll.py [--locale en]

January to June are paid at the 2025 standards; in July the city raises the
urban 低保 standard from 715 to 738 a month, effective 1 January. Every 低保
household is re-decided under the new standard, the difference for the months
already paid becomes 补发, and July onwards is paid at the new rate.
"""

from __future__ import annotations

import argparse
import datetime
from decimal import Decimal

from minzheng.assistance import (
    decide_dibao,
    decide_tekun,
    example_elder_household,
    example_household,
)
from minzheng.codes import Area, DisabilityCategory, DisabilityGrade
from minzheng.dates import Month
from minzheng.i18n import format_count, format_money
from minzheng.money import Rate
from minzheng.payments import Entitlement, Ledger, reconcile, rerate, schedule
from minzheng.people import Disability, Person
from minzheng.programmes import OrphanCare, Programme, Unit
from minzheng.standards import Standard, StandardsBook
from minzheng.welfare import (
    ParentSituation,
    ParentStatus,
    decide_child_allowance,
    decide_nursing_subsidy,
)

D = datetime.date
DIVISION = "620521"


def standards(urban_dibao: str, effective: datetime.date) -> list[Standard]:
    return [
        Standard(
            programme="dibao",
            division="620500",
            area=Area.URBAN,
            rate=Rate.monthly(urban_dibao),
            effective=effective,
        ),
        Standard(
            programme="dibao",
            division="620500",
            area=Area.RURAL,
            rate=Rate.monthly("465"),
            effective=D(2025, 1, 1),
        ),
        Standard(
            programme="orphan",
            division="620000",
            variant="dispersed",
            rate=Rate.monthly("1400"),
            effective=D(2025, 1, 1),
        ),
        Standard(
            programme="disability_nursing_subsidy",
            division="620000",
            rate=Rate.monthly("100"),
            effective=D(2025, 1, 1),
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--locale", default="zh_Hans")
    args = parser.parse_args()
    locale = args.locale
    book = StandardsBook(standards("715", D(2025, 1, 1)))
    on = D(2025, 1, 1)

    households = [example_household(wage=w) for w in ("1600", "1200", "2000")]
    households = [
        h.__class__(
            household_id=f"HH{i}",
            division=h.division,
            area=h.area,
            members=h.members,
            incomes=h.incomes,
        )
        for i, h in enumerate(households, start=1)
    ]
    decisions = [decide_dibao(h, on=on, book=book) for h in households]
    tekun = decide_tekun(example_elder_household(), "ELDER", on=on, book=book)
    gone = ParentStatus(situation=ParentSituation.DECEASED)
    orphan = decide_child_allowance(
        Person(person_id="CHILD1", birth_date=D(2014, 6, 1)),
        father=gone,
        mother=gone,
        care=OrphanCare.DISPERSED,
        on=on,
        book=book,
        division=DIVISION,
    )
    severe = Person(
        person_id="DIS1",
        birth_date=D(1975, 1, 1),
        disability=Disability(category=DisabilityCategory.PHYSICAL, grade=DisabilityGrade.FIRST),
    )
    nursing = decide_nursing_subsidy(
        severe, on=on, book=book, division=DIVISION, area=Area.URBAN, needs_long_term_care=True
    )
    entitlements = [
        Entitlement.from_decision(
            d,
            entitlement_id=f"E-{d.subject}-{d.programme.value}",
            valid_from=Month(2025, 1),
            division=DIVISION,
        )
        for d in (*decisions, tekun, orphan, nursing)
        if d.eligible
    ]

    ledger = Ledger(
        schedule(entitlements, Month.range(Month(2025, 1), Month(2025, 6)), paid_on=D(2025, 1, 10))
    )
    print("January–June 2025")
    for programme, total in sorted(ledger.by_programme().items(), key=lambda kv: kv[0].value):
        paid = {d.beneficiary for d in ledger if d.programme is programme}
        unit = "household" if programme.unit is Unit.HOUSEHOLD else "person"
        print(
            f"  {programme.label(locale)}: {format_count(len(paid), unit, locale)}, "
            f"{format_money(total, locale)}"
        )

    # July: the urban standard rises to 738, effective January.
    raised = StandardsBook(standards("738", D(2025, 1, 1)))  # the July notice, effective January
    current: list[Entitlement] = []
    for entitlement in entitlements:
        if entitlement.programme is Programme.DIBAO:
            household = next(h for h in households if h.household_id == entitlement.beneficiary)
            new = decide_dibao(household, on=on, book=raised)
            assert new.amount is not None
            current.extend(rerate(entitlement, new.amount, effective=Month(2025, 1)))
        else:
            current.append(entitlement)
    back_pay = reconcile(ledger, current, through=Month(2025, 6), paid_on=D(2025, 7, 20))
    ledger.extend(back_pay)
    ledger.extend(
        schedule(current, Month.range(Month(2025, 7), Month(2025, 12)), paid_on=D(2025, 7, 10))
    )
    back_total = sum((d.amount for d in back_pay), Decimal(0))
    print()
    print(
        f"补发提标资金 / back-pay: {format_money(back_total, locale, unit='万元', places=4)} "
        f"({format_count(len(back_pay), 'item', locale)})"
    )
    print(f"2025 total: {format_money(ledger.total(), locale, unit='万元')}")
    for batch in ledger.batches()[:2]:
        print(
            f"  {batch.month} {batch.programme.label(locale)}: {format_money(batch.total, locale)}"
        )


if __name__ == "__main__":
    main()
