"""A county's civil-affairs year in the seeds' style: what ``minzheng demo`` prints and exports.

Assistance (户, 人 at year end; funds paid in the year) by programme, care beds and
the nursing-bed share, registrations — as sentences, as a text table and, when
asked, as an Excel workbook and charts.

>>> from minzheng.synth import synthetic_county
>>> year = county_year(synthetic_county(persons=400, seed=5))
>>> year.assistance.dimensions
('programme',)
>>> print(year.lines("en")[0])
甘肃省天水市清水县: civil affairs in 2025 (synthetic data, no real personal information)
"""

from __future__ import annotations

import datetime
import os
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from minzheng.dates import Month
from minzheng.i18n import format_percent
from minzheng.i18n import ui_text as t
from minzheng.stats.aggregate import Measure, aggregate, by_month, by_programme
from minzheng.stats.facts import flow_between, stock_on
from minzheng.stats.table import StatTable, combine

if TYPE_CHECKING:
    from minzheng.synth import County

__all__ = ["CountyYear", "county_year", "text_table"]


@attrs.frozen(kw_only=True)
class CountyYear:
    """The year's figures of a county (see :func:`county_year`).

    >>> from minzheng.synth import synthetic_county
    >>> year = county_year(synthetic_county(persons=200, seed=1))
    >>> year.beds >= year.nursing_beds
    True
    """

    name: str
    year: int
    assistance: StatTable
    monthly: StatTable
    institutions: int
    beds: int
    nursing_beds: int
    residents: int
    organisations: int
    marriages: int

    @property
    def nursing_share(self) -> Decimal:
        """Nursing beds as a share of all beds (0 when there are none).

        >>> from minzheng.synth import synthetic_county
        >>> 0 <= county_year(synthetic_county(persons=200, seed=1)).nursing_share <= 1
        True
        """
        from minzheng.care import nursing_bed_share

        return nursing_bed_share(self.nursing_beds, self.beds) if self.beds else Decimal(0)

    def lines(self, locale: object = "zh_Hans") -> list[str]:
        """The year as report lines: title, sections, sentences.

        >>> from minzheng.synth import synthetic_county
        >>> lines = county_year(synthetic_county(persons=400, seed=5)).lines()
        >>> lines[1], lines[2].strip().startswith("全县保障")
        ('一、社会救助', True)
        """
        out = [
            t("{name}{year}年民政工作概览（合成数据，不含真实个人信息）", locale).format(
                name=self.name, year=self.year
            )
        ]
        out.append(t("一、社会救助", locale))
        out += [f"  {s}" for s in self.assistance.sentences(locale)]
        out.append(t("二、养老服务", locale))
        out.append(
            "  "
            + t(
                "养老机构{institutions}家，床位{beds}张，其中护理型床位{nursing}张，"
                "护理型床位占比{share}；在院老人{residents}人",
                locale,
            ).format(
                institutions=self.institutions,
                beds=self.beds,
                nursing=self.nursing_beds,
                share=format_percent(self.nursing_share, locale),
                residents=self.residents,
            )
        )
        out.append(t("三、登记管理", locale))
        out.append(
            "  "
            + t("登记社会组织{count}家；办理结婚登记{marriages}对", locale).format(
                count=self.organisations, marriages=self.marriages
            )
        )
        return out

    def table_rows(self, locale: object = "zh_Hans") -> list[list[str]]:
        """The assistance table with a header row, labels and amounts in 万元.

        >>> from minzheng.synth import synthetic_county
        >>> county_year(synthetic_county(persons=300, seed=2)).table_rows("en")[0]
        ['Programme', 'Households', 'Persons', 'Funds paid (10,000 yuan)']
        """
        header = [t(h, locale) for h in ("项目", "户数", "人数", "发放资金（万元）")]
        rows = [header]
        for record in self.assistance.labelled(locale):
            money = Decimal(record[Measure.MONEY.value]) / 10_000
            rows.append(
                [
                    str(record["programme"]),
                    str(record[Measure.HOUSEHOLDS.value] or "—"),
                    str(record[Measure.PERSONS.value]),
                    f"{money:,.2f}",
                ]
            )
        return rows

    def write_excel(self, path: str | os.PathLike[str], locale: object = "zh_Hans") -> Path:
        """An Excel workbook: the report lines, the assistance table, funds by month (extra ``io``).

        >>> import tempfile, pathlib
        >>> from minzheng.synth import synthetic_county
        >>> out = county_year(synthetic_county(persons=200, seed=1)).write_excel(
        ...     pathlib.Path(tempfile.mkdtemp()) / "year.xlsx")
        >>> out.suffix
        '.xlsx'
        """
        from minzheng.io import write_xlsx

        chinese = str(locale).startswith("zh")
        monthly: list[list[Any]] = [[t("按月发放资金（元）", locale), ""]]
        monthly += [  # Decimal cells
            [str(record["month"]), record[Measure.MONEY.value]] for record in self.monthly.records()
        ]
        return write_xlsx(
            path,
            [
                ("概览" if chinese else "Summary", [[line] for line in self.lines(locale)]),
                ("救助" if chinese else "Assistance", self.table_rows(locale)),
                ("按月" if chinese else "By month", monthly),
            ],
        )

    def write_charts(
        self, directory: str | os.PathLike[str], locale: object = "zh_Hans"
    ) -> list[Path]:
        """PNG charts: funds by month and persons by programme (extra ``plots``).

        >>> import tempfile
        >>> from minzheng.synth import synthetic_county
        >>> [p.name for p in county_year(synthetic_county(persons=200, seed=1)).write_charts(tempfile.mkdtemp())]
        ['funds_by_month.png', 'persons_by_programme.png']
        """
        target = Path(directory)
        target.mkdir(parents=True, exist_ok=True)
        written = []
        for name, table, measure, kind, title in (
            ("funds_by_month.png", self.monthly, Measure.MONEY, "bar", "按月发放资金（元）"),
            ("persons_by_programme.png", self.assistance, Measure.PERSONS, "rank", "人数"),
        ):
            figure = table.plot(kind=kind, measure=measure, locale=locale, title=t(title, locale))
            figure.savefig(target / name, dpi=120, bbox_inches="tight")
            written.append(target / name)
        return written


def county_year(county: County) -> CountyYear:
    """Compute the year's figures from a (synthetic or real) county's records.

    Counts are the stock on 31 December; funds are the year's disbursements.

    >>> from minzheng.synth import synthetic_county
    >>> year = county_year(synthetic_county(persons=300, seed=4))
    >>> year.assistance.total("money") == synthetic_county(persons=300, seed=4).ledger.total()
    True
    """
    from minzheng import divisions
    from minzheng.care import BedKind

    end = datetime.date(county.year, 12, 31)
    first, last = Month(county.year, 1), Month(county.year, 12)
    households = {m.person.person_id: h.household_id for h in county.households for m in h.members}
    stock = aggregate(
        stock_on(county.entitlements, end, members=county.members), by=[by_programme()]
    )
    flow_facts = flow_between(county.disbursements, first, last, households=households)
    flow = aggregate(flow_facts, by=[by_programme()], measures=[Measure.MONEY])
    monthly = aggregate(flow_facts, by=[by_month()], measures=[Measure.MONEY])
    beds = list(county.beds)
    nursing = sum(1 for b in beds if b.kind is BedKind.NURSING)
    residents = sum(1 for s in county.stays if s.covers(end))
    return CountyYear(
        name=divisions.get(county.division).full_name,
        year=county.year,
        assistance=combine(stock, flow),
        monthly=monthly,
        institutions=len(county.institutions),
        beds=len(beds),
        nursing_beds=nursing,
        residents=residents,
        organisations=len(county.organisations),
        marriages=len(county.marriages),
    )


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def text_table(rows: Sequence[Sequence[Any]]) -> str:
    """Rows as an aligned text table (Chinese characters count as two columns).

    >>> print(text_table([["项目", "人数"], ["低保", "12"]]))
    项目  人数
    ----  ----
    低保    12
    """
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(cells[0]))]

    def line(row: list[str]) -> str:
        parts = [
            (c + " " * (w - _width(c))) if i == 0 else (" " * (w - _width(c)) + c)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    out = [line(cells[0]), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells[1:]]
    return "\n".join(out)
