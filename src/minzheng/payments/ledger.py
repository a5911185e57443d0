"""The ledger: disbursements held, duplicates refused, totals exact.

A :class:`Ledger` refuses a second regular payment for the same person,
programme and month (unless the first failed or was returned), and refuses any
adjustment that would make the net paid for a month negative. Its totals — by
programme, month, division, funding source, status — are exact ``Decimal`` sums
that always equal the sum of its disbursements.

>>> from decimal import Decimal
>>> from minzheng.dates import Month
>>> from minzheng.programmes import Programme
>>> ledger = Ledger()
>>> ledger.add(Disbursement(entitlement_id="E", beneficiary="P", programme=Programme.TEKUN, month=Month(2025, 1),
...                         amount=Decimal("605")))
>>> ledger.add(Disbursement(entitlement_id="E", beneficiary="P", programme=Programme.TEKUN, month=Month(2025, 1),
...                         amount=Decimal("605")))
Traceback (most recent call last):
...
minzheng.errors.RuleViolation: disbursement：P在2025-01已领取特困人员救助供养，不能重复发放
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from decimal import Decimal

import attrs

from minzheng._locking import Register
from minzheng._validators import type_error, typed_fields
from minzheng.dates import Month
from minzheng.errors import RuleViolation
from minzheng.payments.records import Disbursement, DisbursementKind
from minzheng.programmes import Programme
from minzheng.rules import Citation, Instrument, refusal

__all__ = ["Batch", "Ledger"]

_LOCAL = Citation(instrument=Instrument.LOCAL_RULE)


def _check_disbursement(value: object) -> None:
    if not isinstance(value, Disbursement):
        raise type_error("disbursement", value, "Disbursement")


def _disbursements(items: Iterable[Disbursement]) -> tuple[Disbursement, ...]:
    if isinstance(items, str) or not isinstance(items, Iterable):
        raise type_error("disbursements", items, "tuple[Disbursement, ...]")
    found = tuple(items)
    for item in found:
        _check_disbursement(item)
    return found


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Batch:
    """The disbursements of one programme for one month (a payroll batch, 发放批次).

    >>> Batch(programme=Programme.DIBAO, month=Month(2025, 1), disbursements=()).total
    Decimal('0')
    """

    programme: Programme
    month: Month
    disbursements: tuple[Disbursement, ...] = attrs.field(converter=_disbursements)

    @property
    def total(self) -> Decimal:
        """The sum of the batch's counted disbursements."""
        return sum((d.amount for d in self.disbursements if d.status.counts), Decimal(0))

    @property
    def beneficiaries(self) -> int:
        """How many distinct beneficiaries the batch pays."""
        return len({d.beneficiary for d in self.disbursements if d.status.counts})


class Ledger(Register):
    """Disbursements with the no-double-payment invariant. Mutable and thread-safe.

    One re-entrant lock guards each check-and-commit and each read; readers return
    snapshots, so threads may share a ledger. It pickles and copies (the copy is an
    independent ledger with its own lock).

    >>> Ledger().total()
    Decimal('0')
    """

    __slots__ = ("_items", "_net", "_regular")

    def __init__(self, disbursements: Iterable[Disbursement] = ()) -> None:
        super().__init__()
        disbursements = _disbursements(disbursements)
        self._items: list[Disbursement] = []
        self._regular: dict[tuple[str, Programme, Month], Disbursement] = {}
        self._net: dict[tuple[str, Programme, Month], Decimal] = {}
        for disbursement in disbursements:
            self.add(disbursement)

    def __iter__(self) -> Iterator[Disbursement]:
        return iter(self._snapshot())

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def _snapshot(self) -> tuple[Disbursement, ...]:
        with self._lock:
            return tuple(self._items)

    def _violation(self, code: str, d: Disbursement) -> RuleViolation:
        return refusal(
            code,
            field="disbursement",
            citation=_LOCAL,
            person=d.beneficiary,
            programme=d.programme.term,
            month=str(d.month),
        )

    def add(self, disbursement: Disbursement) -> None:
        """Record a disbursement, or raise :class:`~minzheng.errors.RuleViolation`.

        >>> from minzheng.payments import PaymentStatus
        >>> ledger = Ledger()
        >>> failed = Disbursement(entitlement_id="E", beneficiary="P", programme=Programme.TEKUN,
        ...                       month=Month(2025, 1), amount=Decimal("605"), status=PaymentStatus.FAILED)
        >>> ledger.add(failed)
        >>> ledger.add(attrs.evolve(failed, status=PaymentStatus.ISSUED))
        >>> len(ledger), ledger.total()
        (2, Decimal('605'))
        """
        _check_disbursement(disbursement)
        with self._lock:
            key = disbursement.key
            counts = disbursement.status.counts
            if disbursement.kind is DisbursementKind.REGULAR and counts and key in self._regular:
                raise self._violation("payments.duplicate", disbursement)
            if counts and self._net.get(key, Decimal(0)) + disbursement.amount < 0:
                raise self._violation("payments.negative", disbursement)
            self._items.append(disbursement)
            if counts:
                if disbursement.kind is DisbursementKind.REGULAR:
                    self._regular[key] = disbursement
                self._net[key] = self._net.get(key, Decimal(0)) + disbursement.amount

    def extend(self, disbursements: Iterable[Disbursement]) -> None:
        """Add many disbursements (stops at the first refusal; those before it stay added)."""
        for disbursement in _disbursements(disbursements):
            self.add(disbursement)

    def paid(self, beneficiary: str, programme: Programme, month: Month) -> Decimal:
        """The net counted amount paid to ``beneficiary`` for ``month`` of ``programme``.

        >>> Ledger().paid("P", Programme.TEKUN, Month(2025, 1))
        Decimal('0')
        """
        with self._lock:
            return self._net.get((beneficiary, programme, month), Decimal(0))

    def regular_months(self) -> set[tuple[str, Programme, Month]]:
        """The (beneficiary, programme, month) keys with a counted regular payment.

        >>> Ledger().regular_months()
        set()
        """
        with self._lock:
            return set(self._regular)

    def total(self, *, where: Callable[[Disbursement], bool] | None = None) -> Decimal:
        """The sum of counted disbursements (those ``where`` accepts).

        >>> Ledger().total(where=lambda d: d.programme is Programme.DIBAO)
        Decimal('0')
        """
        return sum(
            (d.amount for d in self._snapshot() if d.status.counts and (where is None or where(d))),
            Decimal(0),
        )

    def totals_by(self, key: Callable[[Disbursement], Hashable]) -> dict[Hashable, Decimal]:
        """Counted totals grouped by ``key`` (e.g. ``lambda d: d.programme``).

        >>> Ledger().totals_by(lambda d: d.month)
        {}
        """
        out: dict[Hashable, Decimal] = {}
        for d in self._snapshot():
            if d.status.counts:
                k = key(d)
                out[k] = out.get(k, Decimal(0)) + d.amount
        return out

    def by_programme(self) -> dict[Programme, Decimal]:
        """Totals by programme."""
        return {
            k: v
            for k, v in self.totals_by(lambda d: d.programme).items()
            if isinstance(k, Programme)
        }

    def by_month(self) -> dict[Month, Decimal]:
        """Totals by month (the month paid for)."""
        return {k: v for k, v in self.totals_by(lambda d: d.month).items() if isinstance(k, Month)}

    def by_division(self) -> dict[str, Decimal]:
        """Totals by division code."""
        return {k: v for k, v in self.totals_by(lambda d: d.division).items() if isinstance(k, str)}

    def batches(self) -> list[Batch]:
        """The disbursements grouped per programme and month, in order.

        >>> Ledger().batches()
        []
        """
        groups: dict[tuple[Programme, Month], list[Disbursement]] = {}
        for d in self._snapshot():
            groups.setdefault((d.programme, d.month), []).append(d)
        return [
            Batch(programme=p, month=m, disbursements=tuple(items))
            for (p, m), items in sorted(groups.items(), key=lambda kv: (kv[0][1], kv[0][0].value))
        ]
