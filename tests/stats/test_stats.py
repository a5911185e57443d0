"""Statistics: seed sentences from records, figure checks, roll-ups, stock vs flow, charts."""

import datetime
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from minzheng.dates import Month
from minzheng.money import Rate
from minzheng.payments import Entitlement, Ledger, schedule
from minzheng.programmes import Programme
from minzheng.stats import (
    Fact,
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
from minzheng.testing import facts

D = datetime.date


def seed_county() -> tuple[list[Entitlement], dict[str, list[str]], Ledger]:
    """5039 households, 9822 persons, and a year's payments totalling 49,397,300 yuan."""
    entitlements, members = [], {}
    total = Decimal("49397300")
    monthly = (total / 12 / 5039).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
    for n in range(5039):
        household = f"H{n:04d}"
        members[household] = [f"{household}-{k}" for k in range(2 if n < 9822 - 5039 else 1)]
        entitlements.append(
            Entitlement(
                entitlement_id=f"E{n}",
                beneficiary=household,
                programme=Programme.DIBAO,
                monthly=Rate.monthly(monthly),
                valid_from=Month(2024, 1),
                division="620724",
            )
        )
    ledger = Ledger(schedule(entitlements, Month.range(Month(2024, 1), Month(2024, 12))))
    remainder = total - ledger.total()
    from minzheng.payments import Disbursement, DisbursementKind

    ledger.add(
        Disbursement(
            entitlement_id="E0",
            beneficiary="H0000",
            programme=Programme.DIBAO,
            month=Month(2024, 12),
            amount=remainder,
            kind=DisbursementKind.BACK_PAY,
            division="620724",
        )
    )
    return entitlements, members, ledger


def test_seed_sentence_from_records() -> None:
    entitlements, members, ledger = seed_county()
    stock = aggregate(
        stock_on(entitlements, D(2024, 12, 31), members=members),
        by=[by_programme()],
        measures=(Measure.HOUSEHOLDS, Measure.PERSONS, Measure.MONEY),
    )
    flow = aggregate(
        flow_between(ledger, Month(2024, 1), Month(2024, 12)),
        by=[by_programme()],
        measures=(Measure.MONEY,),
    )
    table = combine(stock, flow)
    assert table.sentences(scope=Scope.COUNTY) == [
        "全县保障城乡低保对象5039户9822人，发放资金4939.73万元"
    ]
    assert table.sentences("zh_Hant", scope="county") == [
        "全縣保障城鄉低保對象5039戶9822人，發放資金4939.73萬元"
    ]
    assert table.sentences("en", scope=Scope.COUNTY)[0].startswith(
        "The county supported 5,039 households and 9,822 persons under urban and rural dibao"
    )


def test_seed_figure_checks() -> None:
    assert not verify_growth(640, 738, "17%").ok  # it is 15.3 %
    assert verify_growth(640, 738, "15.3%").ok
    assert verify_share(7385, 10036, "73.6%").ok
    assert not verify_share(69, 108, "72.6%").ok  # 69 of 108 graded is 63.9 %
    assert not verify_growth(2133, 2892, "35%").ok and verify_growth(1535, 2054, "34%").ok


def test_stock_and_flow_are_different_questions() -> None:
    e = Entitlement(
        entitlement_id="E",
        beneficiary="P",
        programme=Programme.TEKUN,
        monthly=Rate.monthly("605"),
        valid_from=Month(2025, 1),
        valid_to=Month(2025, 6),
    )
    ledger = Ledger(schedule([e], Month.range(Month(2025, 1), Month(2025, 12))))
    assert (
        aggregate(stock_on([e], D(2025, 12, 31))).total(Measure.PERSONS) == 0
    )  # not in force at year end
    flow = aggregate(flow_between(ledger, Month(2025, 1), Month(2025, 12)))
    assert flow.total(Measure.PERSONS) == 1 and flow.total(Measure.PERSON_TIMES) == 6
    assert flow.total(Measure.MONEY) == Decimal("3630")
    assert aggregate(flow_between(ledger, Month(2025, 1), Month(2025, 12)), by=[by_month()]).total(
        "money"
    ) == Decimal("3630")


@given(st.lists(facts(), max_size=60))
def test_rollups_sum_to_their_parts(items: list[Fact]) -> None:
    whole = aggregate(items)
    for level in ("county", "prefecture", "province"):
        parts = aggregate(items, by=[by_division(level)])
        for measure in (
            Measure.MONEY,
            Measure.PERSON_TIMES,
            Measure.COUNT,
            Measure.PERSONS,
            Measure.HOUSEHOLDS,
        ):
            assert parts.total(measure) == whole.total(measure), (level, measure)
    counties = aggregate(items, by=[by_division("county")]).as_dict(Measure.MONEY)
    provinces = aggregate(items, by=[by_division("province")]).as_dict(Measure.MONEY)
    assert sum(counties.values(), Decimal(0)) == sum(provinces.values(), Decimal(0))


def test_labels_exports_and_chart(tmp_path: Path) -> None:
    items = [
        Fact(programme=p, division=d, person=f"{p}{d}", amount=Decimal(a))
        for p, d, a in (
            (Programme.DIBAO, "620521", "1000"),
            (Programme.TEKUN, "620522", "605"),
            (Programme.ORPHAN, "620724", "1400"),
        )
    ]
    table = aggregate(items, by=[by_programme()])
    assert table.labelled("zh_Hant")[0]["programme"] == "最低生活保障"
    assert table.to_arrow().column("money").to_pylist() == [
        Decimal("1000.00"),
        Decimal("1400.00"),
        Decimal("605.00"),
    ]
    assert table.to_polars()["persons"].to_list() == [1, 1, 1]
    assert table.to_pandas()["programme"].tolist() == ["dibao", "orphan", "tekun"]
    for kind, by in (("bar", by_programme()), ("rank", by_division("county"))):
        figure = aggregate(items, by=[by]).plot(kind, title="2025年民政资金")
        path = tmp_path / f"{kind}.png"
        figure.savefig(path)
        assert path.stat().st_size > 5000


def test_combine_keeps_money_of_groups_absent_from_the_stock() -> None:
    from minzheng.stats import StatTable, combine

    stock = StatTable(
        dimensions=("programme",),
        measures=(Measure.HOUSEHOLDS, Measure.PERSONS, Measure.MONEY),
        rows=((Programme.DIBAO, 2, 5, Decimal("860")),),
    )
    flow = StatTable(
        dimensions=("programme",),
        measures=(Measure.MONEY,),
        rows=((Programme.DIBAO, Decimal("10320")), (Programme.TEKUN, Decimal("1815"))),
    )
    combined = combine(stock, flow)
    assert combined.total(Measure.MONEY) == flow.total(Measure.MONEY)
    assert combined.as_dict(Measure.PERSONS) == {Programme.DIBAO: 5, Programme.TEKUN: 0}


# -- pseudonymous keys ------------------------------------------------------------------------


def _entitlements() -> list[Entitlement]:
    household = Entitlement(
        entitlement_id="E1",
        beneficiary="11010519491231002X",
        programme=Programme.DIBAO,
        monthly=Rate.monthly("860"),
        valid_from=Month(2025, 1),
    )
    person = Entitlement(
        entitlement_id="E2",
        beneficiary="620521198502101233",
        programme=Programme.TEKUN,
        monthly=Rate.monthly("605"),
        valid_from=Month(2025, 1),
    )
    return [household, person]


def test_facts_carry_pseudonyms_by_default_and_raw_keys_on_request() -> None:
    from minzheng.privacy import Pseudonymizer

    members = {"11010519491231002X": ["11010519491231002X", "P2"]}
    default = stock_on(_entitlements(), D(2025, 6, 1), members=members)
    raw = stock_on(_entitlements(), D(2025, 6, 1), members=members, keys="raw")
    assert [f.person for f in raw] == ["11010519491231002X", "P2", "620521198502101233"]
    assert not {f.person for f in default} & {f.person for f in raw}
    assert all("11010519491231002X" not in repr(f) for f in default + raw)
    keyed = Pseudonymizer("bureau key")
    again = stock_on(_entitlements(), D(2025, 6, 1), members=members, keys=keyed)
    assert [f.person for f in again] == [keyed(f.person) for f in raw]
    assert [f.household for f in again] == [keyed(f.household) for f in raw]


def test_stock_and_flow_agree_on_pseudonyms() -> None:
    ledger = Ledger(schedule(_entitlements(), Month.range(Month(2025, 1), Month(2025, 3))))
    stock = stock_on(_entitlements(), D(2025, 2, 1))
    flow = flow_between(ledger, Month(2025, 1), Month(2025, 3))
    assert {f.person for f in flow} - {""} == {f.person for f in stock if not f.household}
    assert {f.household for f in flow} - {""} == {f.household for f in stock} - {""}


@given(st.lists(facts(), max_size=25))
def test_pseudonymised_facts_count_the_same_households_and_persons(items: list[Fact]) -> None:
    import attrs

    from minzheng.privacy import Pseudonymizer

    p = Pseudonymizer("k")
    hidden = [attrs.evolve(f, person=p(f.person), household=p(f.household)) for f in items]
    by = [by_programme(), by_division("county")]
    assert aggregate(hidden, by=by) == aggregate(items, by=by)


def test_sentences_pass_over_facts_with_no_programme() -> None:
    facts = [Fact(person="A"), Fact(programme=Programme.DIBAO, household="H", person="B")]
    table = aggregate(facts, by=[by_programme()])
    assert table.sentences() == ["全县保障城乡低保对象1户1人"]
