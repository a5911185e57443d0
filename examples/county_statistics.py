"""Notebook-style: a synthetic county's year, aggregated, stated in three locales, and charted.

Run: python examples/county_statistics.py [--out charts/]

Cell by cell, as an analyst would: build the year's entitlements and payments,
aggregate the stock (year end) and the flow (the year's payments), print the
bureau's sentences in zh_Hans, zh_Hant and en, check two reported figures, and
draw bars by programme, a line by month and a ranked chart by county.
"""

from __future__ import annotations

import argparse
import datetime
import random
from decimal import Decimal
from pathlib import Path

from minzheng.dates import Month
from minzheng.money import Rate
from minzheng.payments import Entitlement, Ledger, schedule
from minzheng.programmes import Programme
from minzheng.stats import (
    Measure,
    Scope,
    aggregate,
    by_division,
    by_month,
    by_programme,
    combine,
    flow_between,
    stock_on,
    verify_growth,
    verify_share,
)

COUNTIES = ["620521", "620522", "620523", "620524", "620525"]
MONTHLY = {
    Programme.DIBAO: (500, 1400),
    Programme.TEKUN: (605, 930),
    Programme.ORPHAN: (1400, 1400),
    Programme.DISABILITY_NURSING_SUBSIDY: (90, 130),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=None, help="write the charts as PNG files here")
    args = parser.parse_args()
    rng = random.Random(620521)

    # In [1]: a synthetic year of entitlements
    entitlements, members = [], {}
    for n in range(2000):
        programme = rng.choices(list(MONTHLY), weights=(60, 15, 5, 20))[0]
        low, high = MONTHLY[programme]
        beneficiary = f"HH{n:05d}" if programme is Programme.DIBAO else f"P{n:05d}"
        if programme is Programme.DIBAO:
            members[beneficiary] = [f"{beneficiary}-{k}" for k in range(rng.randint(1, 5))]
        start = Month(2025, rng.randint(1, 6))
        end = None if rng.random() < 0.8 else start + rng.randint(1, 5)
        entitlements.append(
            Entitlement(
                entitlement_id=f"E{n}",
                beneficiary=beneficiary,
                programme=programme,
                monthly=Rate.monthly(rng.randint(low, high)),
                valid_from=start,
                valid_to=end,
                division=rng.choice(COUNTIES),
            )
        )
    ledger = Ledger(schedule(entitlements, Month.range(Month(2025, 1), Month(2025, 12))))

    # In [2]: stock at year end, flow over the year
    stock = aggregate(
        stock_on(entitlements, datetime.date(2025, 12, 31), members=members),
        by=[by_programme()],
        measures=(Measure.HOUSEHOLDS, Measure.PERSONS, Measure.MONEY),
    )
    flow = aggregate(
        flow_between(ledger, Month(2025, 1), Month(2025, 12)),
        by=[by_programme()],
        measures=(Measure.MONEY,),
    )
    year = combine(stock, flow)
    for locale in ("zh_Hans", "zh_Hant", "en"):
        print(f"--- {locale}")
        for sentence in year.sentences(
            locale, scope=Scope.CITY if locale == "en" else Scope.COUNTY
        ):
            print(sentence)

    # In [3]: the table, as a data frame
    print(year.to_pandas().to_string(index=False))

    # In [4]: reported figures, checked
    print("640 → 738 reported as 17%:", verify_growth(640, 738, "17%"))
    print("7385 / 10036 reported as 73.6%:", verify_share(7385, 10036, "73.6%"))

    # In [5]: charts
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        flow_facts = flow_between(ledger, Month(2025, 1), Month(2025, 12))
        aggregate(flow_facts, by=[by_programme()]).plot(
            "bar", title="2025年各项目发放资金"
        ).savefig(args.out / "by_programme.png")
        aggregate(flow_facts, by=[by_month()]).plot("line", title="2025年逐月发放资金").savefig(
            args.out / "by_month.png"
        )
        aggregate(flow_facts, by=[by_division("county")]).plot(
            "rank", locale="zh_Hant", title="各縣發放資金"
        ).savefig(args.out / "by_county.png")
        print("charts written to", args.out)
    print("total paid:", sum((d.amount for d in ledger), Decimal(0)))


if __name__ == "__main__":
    main()
