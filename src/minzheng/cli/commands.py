"""The work behind ``minzheng demo``, ``validate``, ``report`` and ``explain``.

Each returns the exit status: 0 success, 1 when the data has problems (rejected
rows; not eligible), 2 for a usage error (unknown type, unreadable file).

>>> run_demo(division="620521", year=2025, persons=300, seed=0, locale="en")  # doctest: +ELLIPSIS
甘肃省天水市清水县: civil affairs in 2025 (synthetic data, no real personal information)
1. Social assistance
...
0
"""

from __future__ import annotations

import datetime
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from minzheng.errors import MinzhengError
from minzheng.i18n import ui_text as t

__all__ = ["RECORD_TYPES", "run_demo", "run_explain", "run_report", "run_validate"]


def _record_types() -> dict[str, type]:
    from minzheng.care import Bed, Institution, Stay
    from minzheng.io import RosterRow
    from minzheng.payments import Disbursement, Entitlement
    from minzheng.people import Household, Person
    from minzheng.registration import MarriageRecord, SocialOrganisation
    from minzheng.standards import Standard

    return {
        "roster": RosterRow,
        "person": Person,
        "household": Household,
        "entitlement": Entitlement,
        "disbursement": Disbursement,
        "institution": Institution,
        "bed": Bed,
        "stay": Stay,
        "organisation": SocialOrganisation,
        "marriage": MarriageRecord,
        "standard": Standard,
    }


#: The names ``--as`` accepts.
RECORD_TYPES: tuple[str, ...] = (
    "roster",
    "person",
    "household",
    "entitlement",
    "disbursement",
    "institution",
    "bed",
    "stay",
    "organisation",
    "marriage",
    "standard",
)


#: Problems with a file's data, not with how the command was called: exit status 1.
_DATA_PROBLEMS = frozenset({"io.no_known_columns"})


def _err(error: MinzhengError | ImportError, locale: object) -> int:
    """Print the problem (an ImportError already names the missing extra); usage status 2.

    A file whose columns are not recognised is a problem with the data: status 1.
    """
    print(error.message(locale) if isinstance(error, MinzhengError) else error, file=sys.stderr)
    return 1 if getattr(error, "code", None) in _DATA_PROBLEMS else 2


def run_demo(
    *,
    division: str = "620521",
    year: int = 2025,
    persons: int = 20_000,
    seed: int = 0,
    locale: object = "zh_Hans",
    charts: str | None = None,
    excel: str | None = None,
) -> int:
    """Build a synthetic county, run the rules, print its year; write charts and a workbook when asked.

    >>> run_demo(persons=200, division="000000")
    2
    """
    from minzheng.stats.year import county_year, text_table
    from minzheng.synth import synthetic_county

    try:
        county = synthetic_county(
            division,
            year=year,
            persons=persons,
            seed=seed,
            progress=persons >= 100_000 and sys.stderr.isatty(),
        )
    except MinzhengError as err:
        return _err(err, locale)
    report = county_year(county)
    lines = report.lines(locale)
    print("\n".join(lines[:2]))
    print()
    print(text_table(report.table_rows(locale)))
    print()
    print("\n".join(lines[2:]))
    try:
        if excel:
            path = report.write_excel(excel, locale)
            print(t("已写入：{path}", locale).format(path=path))
        if charts:
            for path in report.write_charts(charts, locale):
                print(t("已写入：{path}", locale).format(path=path))
    except (MinzhengError, ImportError) as exc:  # a path not writable, an extra missing
        return _err(exc, locale)
    return 0


def run_validate(
    path: str,
    *,
    record_type: str = "roster",
    locale: object = "zh_Hans",
    rejects: str | None = None,
    limit: int = 20,
    reveal: bool = False,
) -> int:
    """Load ``path`` as ``record_type`` and report every rejected row; 1 if any was rejected.

    The ``rejects`` file masks personal data unless ``reveal`` is set.

    >>> run_validate("missing.csv")  # doctest: +ELLIPSIS
    2
    """
    from minzheng.io import LoadResult, load

    types = _record_types()
    if record_type not in types:
        from minzheng.errors import InvalidValue

        return _err(InvalidValue("value.invalid", field="--as", value=record_type), locale)
    try:
        result: LoadResult[Any] = load(path, types[record_type], progress=sys.stderr.isatty())
        if rejects and result.rejected:
            written = result.write_rejects(rejects, locale=locale, reveal=reveal)
    except (MinzhengError, ImportError) as err:  # no file, unreadable, Excel without 'io'
        return _err(err, locale)
    print(
        t("共读取{read}行：通过{accepted}行，未通过{rejected}行", locale).format(
            read=result.read, accepted=len(result.accepted), rejected=len(result.rejected)
        )
    )
    if result.skipped:
        print(
            t("跳过{skipped}行（合计、落款等不是记录的行）", locale).format(
                skipped=len(result.skipped)
            )
        )
    for row, _field, code, message in result.errors(locale)[:limit]:
        print(f"  {t('第{row}行', locale).format(row=row)}  {code}  {message}")
    if rejects and result.rejected:
        print(t("未通过的行已写入：{path}", locale).format(path=written))
    return 1 if result.rejected else 0


def run_report(paths: Sequence[str], *, locale: object = "zh_Hans", scope: str = "county") -> int:
    """Counts by programme from roster files (户, 人, monthly amounts), in the seeds' words.

    >>> run_report([])
    2
    """
    from minzheng.i18n import format_money
    from minzheng.io import RosterRow, load
    from minzheng.stats import Measure, aggregate, by_programme
    from minzheng.stats.sentences import render_sentences
    from minzheng.stats.year import text_table

    if not paths:
        return 2
    facts: list[Any] = []
    rejected = skipped = read = 0
    for path in paths:
        try:
            result = load(path, RosterRow, progress=sys.stderr.isatty())
        except (MinzhengError, ImportError) as err:
            return _err(err, locale)
        rejected += len(result.rejected)
        skipped += len(result.skipped)
        read += result.read
        facts += [row.to_fact() for row in result.accepted if row.programme is not None]
    table = aggregate(facts, by=[by_programme()], measures=[Measure.HOUSEHOLDS, Measure.PERSONS])
    money = aggregate(facts, by=[by_programme()], measures=[Measure.MONEY])
    for sentence in render_sentences(table, locale, scope=scope):
        print(sentence)
    rows = [[t("项目", locale), t("户数", locale), t("人数", locale), t("月保障金额合计", locale)]]
    paid = money.as_dict(Measure.MONEY)
    for record in table.records():
        programme = record["programme"]
        rows.append(
            [
                programme.label(locale),
                str(record[Measure.HOUSEHOLDS.value]),
                str(record[Measure.PERSONS.value]),
                format_money(paid.get(programme, 0), locale),
            ]
        )
    if len(rows) > 1:
        print()
        print(text_table(rows))
    if rejected or skipped:
        print(
            t("共读取{read}行：通过{accepted}行，未通过{rejected}行", locale).format(
                read=read, accepted=read - rejected - skipped, rejected=rejected
            )
        )
    if skipped:
        print(t("跳过{skipped}行（合计、落款等不是记录的行）", locale).format(skipped=skipped))
    return 1 if rejected else 0


def run_explain(
    path: str,
    *,
    programme: str = "dibao",
    on: str,
    standards: str | None = None,
    person: str | None = None,
    locale: object = "zh_Hans",
) -> int:
    """Decide ``programme`` for the household in ``path`` (JSON) on ``on`` and print the explanation.

    Without ``standards`` (a CSV standards book) the illustrative :func:`~minzheng.synth.demo_book`
    of the household's division is used. Exit status 0 eligible, 1 not eligible.

    >>> run_explain("missing.json", on="2025-03-01")
    2
    """
    from minzheng.errors import InvalidDate
    from minzheng.io import from_json
    from minzheng.people import Household
    from minzheng.standards import StandardsBook
    from minzheng.synth import demo_book

    try:
        body = _read_small_file(path, field="HOUSEHOLD")
        try:
            day = datetime.date.fromisoformat(on)
        except ValueError:
            raise InvalidDate("date.format", field="--on", value=on) from None
        household = from_json(body, Household)
        book = (
            StandardsBook.from_csv(standards)
            if standards
            else demo_book(household.division, year=day.year)
        )
        decision = _decide(programme, household, day, book, person)
    except MinzhengError as err:
        if hasattr(err, "as_tuples"):
            for where, _code, message in err.as_tuples(locale):
                print(f"{where}: {message}", file=sys.stderr)
            return 2
        return _err(err, locale)
    print(decision.explain(locale))
    return 0 if decision.eligible else 1


#: The largest household file ``explain`` reads (a household is a few kilobytes).
_MAX_HOUSEHOLD_BYTES = 1 << 20


def _read_small_file(path: str, *, field: str) -> bytes:
    """Read a regular file of at most ``_MAX_HOUSEHOLD_BYTES``; a FIFO or device is refused.

    Checking the kind first means a named pipe or ``/dev/zero`` cannot block or exhaust us.
    """
    from minzheng.errors import InvalidValue

    target = Path(path)
    if not target.is_file():
        raise InvalidValue("io.no_file", field=field, value=path)
    with target.open("rb") as fh:
        body = fh.read(_MAX_HOUSEHOLD_BYTES + 1)
    if len(body) > _MAX_HOUSEHOLD_BYTES:
        raise InvalidValue(
            "io.too_large", field=field, value=path, params={"limit": _MAX_HOUSEHOLD_BYTES}
        )
    return body


def _decide(
    programme: str, household: Any, day: datetime.date, book: Any, person: str | None
) -> Any:
    from minzheng.assistance import decide_dibao, decide_dibao_edge, decide_tekun
    from minzheng.errors import InvalidValue

    if programme == "dibao":
        return decide_dibao(household, on=day, book=book)
    if programme == "dibao_edge":
        return decide_dibao_edge(household, on=day, book=book)
    if programme == "tekun":
        return decide_tekun(household, person or household.head.person_id, on=day, book=book)
    raise InvalidValue("value.invalid", field="--programme", value=programme)
