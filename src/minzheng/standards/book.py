"""``StandardsBook``: the dated, per-division standards a bureau's rules read.

A county inherits its city's or province's standard unless it sets its own: the
book looks for a standard at the division asked for, then its parent
prefecture, then its province (DOMAIN.md §0 rule 4). At each level an explicit
standard wins; failing that, a derived one (特困 = 1.3 × 低保, rounded up to the
yuan) is computed from the base standard at that level. Among explicit
standards the latest one effective on the date applies. An urban or rural
household takes the urban or rural standard, or a unified one.

>>> import datetime
>>> from minzheng.codes import Area
>>> book = StandardsBook.from_records([
...     {"programme": "dibao", "division": "620000", "area": "urban", "amount": "8580",
...      "period": "year", "effective": "2025-01-01"},
...     {"programme": "dibao", "division": "620000", "area": "rural", "amount": "5580",
...      "period": "year", "effective": "2025-01-01"},
... ])
>>> on = datetime.date(2025, 6, 1)
>>> book.amount("tekun", "620521", on=on, area=Area.URBAN).rate.yearly
Decimal('11160')
>>> book.amount(Programme.TEKUN, "620521", on=on, area=Area.RURAL).rate.yearly
Decimal('7260')

Two different amounts for the same programme, division, area and day are refused:

>>> try:
...     StandardsBook.from_records([
...         {"programme": "dibao", "division": "620000", "amount": "715", "effective": "2025-01-01"},
...         {"programme": "dibao", "division": "620000", "amount": "720", "effective": "2025-01-01"}])
... except InvalidValue as err:
...     print(err.code, err.message("en"))  # doctest: +ELLIPSIS
standard.conflict standards: ...
"""

from __future__ import annotations

import csv
import datetime
import io
import itertools
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from minzheng.codes import Area
from minzheng.errors import (
    InvalidDate,
    InvalidRecords,
    InvalidValue,
    MinzhengError,
    RecordError,
    UnknownCode,
)
from minzheng.money import Period, Rate, parse_amount
from minzheng.programmes import Programme
from minzheng.rules import as_date
from minzheng.standards.derivations import DEFAULT_DERIVATIONS, Derivation
from minzheng.standards.standard import Standard, StandardUsed

__all__ = ["COLUMNS", "StandardsBook"]

#: The columns of a standards file (CSV header or JSON keys); area, variant and source are optional.
COLUMNS = ("programme", "division", "area", "variant", "amount", "period", "effective", "source")

_Key = tuple[Programme, str, Area, str]


def _division_chain(code: str) -> list[str]:
    """The division and its ancestors, nearest first (by the registry, else by code shape)."""
    from minzheng.divisions import registry

    code = code[:6]
    chain: list[str] = []
    node = registry().nearest(code, None)
    while node is not None:
        chain.append(node.code)
        node = node.parent
    for fallback in (code, code[:4] + "00", code[:2] + "0000"):
        if fallback not in chain:
            chain.append(fallback)
    return chain


def _areas(area: Area) -> tuple[Area, ...]:
    return (area, Area.UNIFIED) if area is not Area.UNIFIED else (Area.UNIFIED,)


class StandardsBook:
    """Standards by programme, division, area and variant, each with its effective date.

    Immutable: :meth:`with_standards` returns a new book. Thread-safe to share.

    >>> StandardsBook().standards
    ()
    """

    __slots__ = ("_by_key", "_derivations", "_standards")

    def __init__(
        self,
        standards: Iterable[Standard] = (),
        *,
        derivations: Sequence[Derivation] = DEFAULT_DERIVATIONS,
    ) -> None:
        self._standards = tuple(standards)
        self._derivations = {d.programme: d for d in derivations}
        by_key: dict[_Key, list[Standard]] = {}
        for standard in self._standards:
            if not isinstance(standard, Standard):
                raise InvalidValue("standard.row", field="standards", value=type(standard).__name__)
            key = (standard.programme, standard.division, standard.area, standard.variant)
            by_key.setdefault(key, []).append(standard)
        for items in by_key.values():
            items.sort(key=lambda s: s.effective)
            _check_conflicts(items)
        self._by_key = by_key

    @property
    def standards(self) -> tuple[Standard, ...]:
        """Every standard in the book, in the order given.

        >>> len(StandardsBook([_EXAMPLE]).standards)
        1
        """
        return self._standards

    @property
    def derivations(self) -> tuple[Derivation, ...]:
        """The derivation policies in force in this book.

        >>> [d.programme.value for d in StandardsBook().derivations]
        ['tekun', 'dibao_edge']
        """
        return tuple(self._derivations.values())

    def with_standards(self, *standards: Standard) -> StandardsBook:
        """A new book with more standards (e.g. a mid-year rise).

        >>> len(StandardsBook().with_standards(_EXAMPLE).standards)
        1
        """
        return StandardsBook(
            (*self._standards, *standards), derivations=tuple(self._derivations.values())
        )

    def with_derivations(self, *derivations: Derivation) -> StandardsBook:
        """A new book whose derivations are replaced (per programme) by ``derivations``.

        >>> from decimal import Decimal
        >>> from minzheng.standards import Derivation
        >>> twice = Derivation(programme=Programme.DIBAO_EDGE, base=Programme.DIBAO,
        ...                    multiple=Decimal(2), rounding=None)
        >>> StandardsBook().with_derivations(twice).derivations[-1].multiple
        Decimal('2')
        """
        merged = dict(self._derivations)
        merged.update({d.programme: d for d in derivations})
        return StandardsBook(self._standards, derivations=tuple(merged.values()))

    def _explicit(
        self,
        programme: Programme,
        division: str,
        areas: Sequence[Area],
        variant: str,
        on: datetime.date,
    ) -> Standard | None:
        for area in areas:
            items = self._by_key.get((programme, division, area, variant))
            if items:
                current = [s for s in items if s.effective <= on]
                if current:
                    return current[-1]
        return None

    def find(
        self,
        programme: Programme | str,
        division: str,
        *,
        on: datetime.date,
        area: Area | str = Area.UNIFIED,
        variant: str = "",
    ) -> StandardUsed | None:
        """Like :meth:`amount`, but ``None`` when no standard applies.

        >>> StandardsBook().find("dibao", "620521", on=datetime.date(2025, 1, 1)) is None
        True
        """
        on = as_date(on)
        wanted = Programme.from_code(programme)
        areas = _areas(Area.from_code(area))
        derivation = self._derivations.get(wanted)
        for level in _division_chain(division):
            explicit = self._explicit(wanted, level, areas, variant, on)
            if explicit is not None:
                return _used(explicit)
            if derivation is not None:
                base = self._explicit(derivation.base, level, areas, variant, on)
                if base is not None:
                    return derivation.derive(_used(base))
        return None

    def amount(
        self,
        programme: Programme | str,
        division: str,
        *,
        on: datetime.date,
        area: Area | str = Area.UNIFIED,
        variant: str = "",
    ) -> StandardUsed:
        """The standard that applies to ``programme`` in ``division`` on ``on``.

        Raises :class:`~minzheng.errors.UnknownCode` (``standard.not_found``) when
        neither the division nor any ancestor has one.

        >>> book = StandardsBook([_EXAMPLE])
        >>> book.amount("dibao", "620521", on=datetime.date(2025, 1, 1), area="urban").rate.monthly
        Decimal('715')
        >>> book.amount("dibao", "620521", on=datetime.date(2024, 12, 31), area="urban")
        Traceback (most recent call last):
        ...
        minzheng.errors.UnknownCode: standard：没有找到最低生活保障在620521于2024-12-31适用的标准（城市）
        """
        found = self.find(programme, division, on=on, area=area, variant=variant)
        if found is None:
            raise UnknownCode(
                "standard.not_found",
                field="standard",
                params={
                    "programme": Programme.from_code(programme).term,
                    "division": division,
                    "on": on.isoformat(),
                    "area": Area.from_code(area).term,
                    "variant": f"，{variant}" if variant else "",
                },
            )
        return found

    def effective_dates(self, programme: Programme | str, division: str) -> list[datetime.date]:
        """The dates the standard of ``programme`` changed for ``division`` or its ancestors.

        >>> StandardsBook([_EXAMPLE]).effective_dates("dibao", "620521")
        [datetime.date(2025, 1, 1)]
        """
        wanted = Programme.from_code(programme)
        chain = set(_division_chain(division))
        bases = {wanted}
        if wanted in self._derivations:
            bases.add(self._derivations[wanted].base)
        return sorted(
            {s.effective for s in self._standards if s.programme in bases and s.division in chain}
        )

    # -- loading -----------------------------------------------------------------------------

    @classmethod
    def from_records(
        cls,
        records: Iterable[Mapping[str, Any] | Standard],
        *,
        derivations: Sequence[Derivation] = DEFAULT_DERIVATIONS,
    ) -> StandardsBook:
        """Build a book from dicts (the :data:`COLUMNS`) or ``Standard`` objects.

        Every bad record is reported — :class:`~minzheng.errors.InvalidRecords` lists
        them all with their positions — and no good one is dropped silently.

        >>> StandardsBook.from_records([{"programme": "dibao", "division": "620000",
        ...                              "amount": "abc", "period": "month",
        ...                              "effective": "2025-01-01"}])
        Traceback (most recent call last):
        ...
        minzheng.errors.InvalidRecords: 1个值无效；第一个：$[0].amount: amount：无法识别的金额：abc
        """
        standards: list[Standard] = []
        errors: list[RecordError] = []
        for index, record in enumerate(records):
            if isinstance(record, Standard):
                standards.append(record)
                continue
            standard, problems = _parse_record(record, f"$[{index}]")
            errors.extend(problems)
            if standard is not None:
                standards.append(standard)
        if errors:
            raise InvalidRecords(errors, field="standards")
        return cls(standards, derivations=derivations)

    @classmethod
    def from_csv(
        cls,
        source: str | Path | IO[str],
        *,
        derivations: Sequence[Derivation] = DEFAULT_DERIVATIONS,
    ) -> StandardsBook:
        r"""Read a CSV file (UTF-8, header row of :data:`COLUMNS`); paths in errors are ``row N``.

        >>> text = "programme,division,area,amount,period,effective\ndibao,620000,urban,8580,year,2025-01-01\n"
        >>> StandardsBook.from_csv(io.StringIO(text)).standards[0].rate.monthly
        Decimal('715')
        """
        if isinstance(source, str | Path):
            with open(source, encoding="utf-8-sig", newline="") as fh:
                return cls.from_csv(fh, derivations=derivations)
        rows = list(csv.DictReader(source))
        standards: list[Standard] = []
        errors: list[RecordError] = []
        for number, row in enumerate(rows, start=2):
            standard, problems = _parse_record(row, f"row {number}")
            errors.extend(problems)
            if standard is not None:
                standards.append(standard)
        if errors:
            raise InvalidRecords(errors, field="standards")
        return cls(standards, derivations=derivations)

    @classmethod
    def from_json(
        cls,
        source: str | Path | IO[str],
        *,
        derivations: Sequence[Derivation] = DEFAULT_DERIVATIONS,
    ) -> StandardsBook:
        """Read a JSON array of objects with the :data:`COLUMNS` as keys (amounts as strings).

        >>> StandardsBook.from_json(io.StringIO('[{"programme": "dibao", "division": "620000", '
        ...     '"amount": "715", "period": "month", "effective": "2025-01-01"}]')).standards[0].area
        <Area.UNIFIED: 'unified'>
        """
        if isinstance(source, str | Path):
            with open(source, encoding="utf-8") as fh:
                return cls.from_json(fh, derivations=derivations)
        data = json.load(source, parse_float=str)
        if not isinstance(data, list):
            raise InvalidValue("standard.row", field="standards", value=type(data).__name__)
        return cls.from_records(data, derivations=derivations)

    def to_records(self) -> list[dict[str, str]]:
        """The book as dicts of text, ready for CSV or JSON (amounts never as floats).

        >>> StandardsBook([_EXAMPLE]).to_records()[0]["amount"]
        '8580'
        """
        return [
            {
                "programme": s.programme.value,
                "division": s.division,
                "area": s.area.value,
                "variant": s.variant,
                "amount": str(s.rate.amount),
                "period": s.rate.period.value,
                "effective": s.effective.isoformat(),
                "source": s.source,
            }
            for s in self._standards
        ]

    def to_csv(self) -> str:
        """The book as CSV text (round-trips through :meth:`from_csv`).

        >>> StandardsBook.from_csv(io.StringIO(StandardsBook([_EXAMPLE]).to_csv())).standards == (_EXAMPLE,)
        True
        """
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.to_records())
        return out.getvalue()

    def __iter__(self) -> Iterator[Standard]:
        return iter(self._standards)

    def __len__(self) -> int:
        return len(self._standards)

    def __repr__(self) -> str:
        return f"StandardsBook({len(self._standards)} standards)"


def _check_conflicts(items: Sequence[Standard]) -> None:
    """Refuse two different amounts for one programme, division, area and variant on one day."""
    for before, after in itertools.pairwise(items):
        if before.effective == after.effective and before.rate != after.rate:
            raise InvalidValue(
                "standard.conflict",
                field="standards",
                params={
                    "programme": before.programme.term,
                    "division": before.division,
                    "area": before.area.term,
                    "variant": f"，{before.variant}" if before.variant else "",
                    "effective": before.effective.isoformat(),
                    "first": str(before.rate),
                    "second": str(after.rate),
                },
            )


def _used(standard: Standard) -> StandardUsed:
    return StandardUsed(
        programme=standard.programme,
        rate=standard.rate,
        effective=standard.effective,
        division=standard.division,
        area=standard.area,
        variant=standard.variant,
        source=standard.source,
    )


def _parse_date(value: object, field: str) -> datetime.date:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InvalidDate("date.format", field=field, value=value)


def _parse_record(
    record: Mapping[str, Any], path: str
) -> tuple[Standard | None, list[RecordError]]:
    """One record → a Standard, or every problem it has."""
    errors: list[RecordError] = []

    def field(name: str, parse: Any, *, optional: bool = False, default: Any = None) -> Any:
        raw = record.get(name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if optional:
                return default
            errors.append(
                RecordError(
                    path=f"{path}.{name}", error=InvalidValue("value.invalid", field=name, value="")
                )
            )
            return None
        try:
            return parse(raw)
        except MinzhengError as err:
            errors.append(RecordError(path=f"{path}.{name}", error=err))
        except ValueError:
            errors.append(
                RecordError(path=f"{path}.{name}", error=UnknownCode(field=name, value=raw))
            )
        return None

    programme = field("programme", lambda v: Programme.from_code(str(v).strip()))
    division = field("division", lambda v: _check_division(str(v)))
    area = field(
        "area", lambda v: Area.from_code(str(v).strip()), optional=True, default=Area.UNIFIED
    )
    amount = field("amount", lambda v: parse_amount(v, field="amount"))
    period = field("period", lambda v: Period(str(v).strip()), optional=True, default=Period.MONTH)
    effective = field("effective", lambda v: _parse_date(v, "effective"))
    variant = str(record.get("variant") or "").strip()
    source = str(record.get("source") or "").strip()
    if errors:
        return None, errors
    try:
        standard = Standard(
            programme=programme,
            division=division,
            area=area,
            rate=Rate(amount=amount, period=period),
            effective=effective,
            variant=variant,
            source=source,
        )
    except MinzhengError as err:
        return None, [RecordError(path=f"{path}.{err.field or 'amount'}", error=err)]
    return standard, []


def _check_division(value: str) -> str:
    code = value.strip()
    if len(code) != 6 or not (code.isascii() and code.isdigit()):
        from minzheng.errors import InvalidFormat

        raise InvalidFormat("division.format", field="division", value=value)
    return code


_EXAMPLE = Standard(
    programme=Programme.DIBAO,
    division="620000",
    area=Area.URBAN,
    rate=Rate.yearly("8580"),
    effective=datetime.date(2025, 1, 1),
)
