"""``BedRegister``: the mutable register of institutions, beds and stays, with its invariants.

It refuses, each time with a :class:`~minzheng.errors.RuleViolation` and a reason:
a bed held by two residents at once; two overlapping stays of one person; an
admission to a bed out of service; taking an occupied bed out of service; dates
out of order. Stays and beds are frozen records; the register replaces them.
History is kept, so occupancy can be asked for any date.

>>> import datetime
>>> from minzheng.care.institution import Institution, InstitutionKind
>>> from minzheng.people import Person
>>> D = datetime.date
>>> reg = BedRegister()
>>> reg.add_institution(Institution(institution_id="I1", name="敬老院", kind=InstitutionKind.TEKUN_HOME,
...                                 division="620521"))
>>> reg.add_bed(Bed(bed_id="B1", institution_id="I1", kind=BedKind.NURSING))
>>> stay = reg.admit("S1", Person(person_id="P1"), "B1", on=D(2025, 1, 6))
>>> reg.admit("S2", Person(person_id="P2"), "B1", on=D(2025, 2, 1))
Traceback (most recent call last):
...
minzheng.errors.RuleViolation: bed：床位B1在2025-02-01已有人入住（S1）
>>> reg.discharge("S1", on=D(2025, 3, 1))
>>> len(reg.stays_on(D(2025, 2, 1))), len(reg.stays_on(D(2025, 3, 1)))
(1, 0)
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import attrs

from minzheng._locking import Register, locked
from minzheng._validators import typed_fields
from minzheng.care.assessment import AbilityAssessment
from minzheng.care.beds import Bed, BedKind, ResidentSource, Stay
from minzheng.care.institution import Institution
from minzheng.people import Person
from minzheng.rules import Citation, Instrument, refusal

__all__ = ["BedKind", "BedRegister", "Outage"]

_RULE = Citation(instrument=Instrument.LOCAL_RULE)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Outage:
    """A period a bed is out of service, [start, end) (``end`` ``None`` = until further notice).

    >>> Outage(start=datetime.date(2025, 1, 1)).covers(datetime.date(2026, 1, 1))
    True
    """

    start: datetime.date
    end: datetime.date | None = None

    def covers(self, on: datetime.date) -> bool:
        """Whether the bed is out of service on ``on``."""
        return self.start <= on and (self.end is None or on < self.end)


class BedRegister(Register):
    """Institutions, beds and stays, with the invariants enforced. Mutable and thread-safe.

    Each check-and-commit (an admission, a transfer, an outage) holds the register's
    re-entrant lock, and readers return snapshots, so threads may share a register.
    It pickles and copies (the copy is independent, with its own lock).

    >>> BedRegister().stays_on(datetime.date(2025, 1, 1))
    []
    """

    __slots__ = ("_beds", "_institutions", "_outages", "_stays")

    def __init__(self) -> None:
        super().__init__()
        self._institutions: dict[str, Institution] = {}
        self._beds: dict[str, Bed] = {}
        self._outages: dict[str, list[Outage]] = {}
        self._stays: dict[str, Stay] = {}

    # -- records -------------------------------------------------------------------------------

    @property
    @locked
    def institutions(self) -> tuple[Institution, ...]:
        """Every institution registered."""
        return tuple(self._institutions.values())

    @property
    @locked
    def beds(self) -> tuple[Bed, ...]:
        """Every bed registered."""
        return tuple(self._beds.values())

    @property
    @locked
    def stays(self) -> tuple[Stay, ...]:
        """Every stay, open or closed."""
        return tuple(self._stays.values())

    @locked
    def institution(self, institution_id: str) -> Institution:
        """The institution with this id (``RuleViolation`` when unknown)."""
        try:
            return self._institutions[institution_id]
        except KeyError:
            raise refusal(
                "care.institution_unknown",
                field="institution",
                citation=_RULE,
                institution=institution_id,
            ) from None

    @locked
    def bed(self, bed_id: str) -> Bed:
        """The bed with this id (``RuleViolation`` when unknown)."""
        try:
            return self._beds[bed_id]
        except KeyError:
            raise refusal("care.bed_unknown", field="bed", citation=_RULE, bed=bed_id) from None

    @locked
    def stay(self, stay_id: str) -> Stay:
        """The stay with this id (``RuleViolation`` when unknown)."""
        try:
            return self._stays[stay_id]
        except KeyError:
            raise refusal("care.stay_unknown", field="stay", citation=_RULE, stay=stay_id) from None

    @locked
    def add_institution(self, institution: Institution) -> None:
        """Register an institution (ids are unique)."""
        if institution.institution_id in self._institutions:
            raise refusal(
                "care.duplicate", field="institution", citation=_RULE, id=institution.institution_id
            )
        self._institutions[institution.institution_id] = institution

    @locked
    def add_bed(self, bed: Bed) -> None:
        """Register a bed of a registered institution (ids are unique)."""
        self.institution(bed.institution_id)
        if bed.bed_id in self._beds:
            raise refusal("care.duplicate", field="bed", citation=_RULE, id=bed.bed_id)
        self._beds[bed.bed_id] = bed
        self._outages[bed.bed_id] = []

    @locked
    def set_bed_kind(self, bed_id: str, kind: BedKind) -> None:
        """Reclassify a bed (e.g. after a nursing-bed inspection)."""
        self._beds[bed_id] = attrs.evolve(self.bed(bed_id), kind=kind)

    # -- service status ------------------------------------------------------------------------

    @locked
    def in_service(self, bed_id: str, on: datetime.date) -> bool:
        """Whether the bed is in service on ``on``."""
        self.bed(bed_id)
        return not any(o.covers(on) for o in self._outages[bed_id])

    @locked
    def take_out_of_service(
        self, bed_id: str, *, start: datetime.date, end: datetime.date | None = None
    ) -> None:
        """Take a bed out of service for [start, end); refused while anyone's stay overlaps.

        >>> from minzheng.care.institution import Institution, InstitutionKind
        >>> reg = BedRegister()
        >>> reg.add_institution(Institution(institution_id="I", name="x", kind=InstitutionKind.ELDERLY_HOME,
        ...                                 division="620521"))
        >>> reg.add_bed(Bed(bed_id="B", institution_id="I"))
        >>> reg.take_out_of_service("B", start=datetime.date(2025, 1, 1), end=datetime.date(2025, 2, 1))
        >>> reg.in_service("B", datetime.date(2025, 1, 15)), reg.in_service("B", datetime.date(2025, 2, 1))
        (False, True)
        """
        self.bed(bed_id)
        if end is not None and end <= start:
            raise refusal("care.date_order", field="end", citation=_RULE, start=start, end=end)
        for stay in self._stays.values():
            if stay.bed_id == bed_id and stay.overlaps(start, end):
                raise refusal(
                    "care.bed_occupied",
                    field="bed",
                    citation=_RULE,
                    bed=bed_id,
                    on=start,
                    stay=stay.stay_id,
                )
        self._outages[bed_id].append(Outage(start=start, end=end))

    @locked
    def return_to_service(self, bed_id: str, *, on: datetime.date) -> None:
        """End the bed's open outage on ``on``."""
        outages = self._outages[self.bed(bed_id).bed_id]
        for index, outage in enumerate(outages):
            if outage.end is None and outage.start <= on:
                outages[index] = attrs.evolve(outage, end=on)
                return
        raise refusal("care.not_out_of_service", field="bed", citation=_RULE, bed=bed_id, on=on)

    # -- stays ---------------------------------------------------------------------------------

    def _check_free(
        self, bed_id: str, start: datetime.date, person_id: str, *, ignore: str | None = None
    ) -> None:
        if not self.in_service(bed_id, start) or any(
            o.start >= start for o in self._outages[bed_id]
        ):
            raise refusal(
                "care.bed_out_of_service", field="bed", citation=_RULE, bed=bed_id, on=start
            )
        for stay in self._stays.values():
            if stay.stay_id == ignore or not stay.overlaps(start, None):
                continue
            if stay.bed_id == bed_id:
                raise refusal(
                    "care.bed_occupied",
                    field="bed",
                    citation=_RULE,
                    bed=bed_id,
                    on=start,
                    stay=stay.stay_id,
                )
            if stay.person.person_id == person_id:
                raise refusal(
                    "care.person_in_stay",
                    field="person",
                    citation=_RULE,
                    person=stay.person.label,
                    on=start,
                    stay=stay.stay_id,
                )

    @locked
    def admit(
        self,
        stay_id: str,
        person: Person,
        bed_id: str,
        *,
        on: datetime.date,
        source: ResidentSource = ResidentSource.SOCIAL,
        assessment: AbilityAssessment | None = None,
    ) -> Stay:
        """Admit ``person`` to ``bed_id`` from ``on`` (an open stay)."""
        bed = self.bed(bed_id)
        if stay_id in self._stays:
            raise refusal("care.duplicate", field="stay", citation=_RULE, id=stay_id)
        self._check_free(bed_id, on, person.person_id)
        stay = Stay(
            stay_id=stay_id,
            person=person,
            institution_id=bed.institution_id,
            bed_id=bed_id,
            admitted=on,
            source=source,
            assessment=assessment,
        )
        self._stays[stay_id] = stay
        return stay

    @locked
    def discharge(self, stay_id: str, *, on: datetime.date) -> None:
        """Close an open stay on ``on`` (the bed is free from that day)."""
        stay = self.stay(stay_id)
        if stay.discharged is not None:
            raise refusal("care.stay_closed", field="stay", citation=_RULE, stay=stay_id)
        if on < stay.admitted:
            raise refusal(
                "care.date_order", field="discharged", citation=_RULE, start=stay.admitted, end=on
            )
        self._stays[stay_id] = attrs.evolve(stay, discharged=on)

    @locked
    def transfer(
        self, stay_id: str, new_bed_id: str, *, on: datetime.date, new_stay_id: str | None = None
    ) -> Stay:
        """Move a resident to another bed on ``on``: the stay closes, a new one opens.

        >>> from minzheng.care.institution import Institution, InstitutionKind
        >>> reg = BedRegister()
        >>> reg.add_institution(Institution(institution_id="I", name="x", kind=InstitutionKind.ELDERLY_HOME,
        ...                                 division="620521"))
        >>> for b in ("B1", "B2"):
        ...     reg.add_bed(Bed(bed_id=b, institution_id="I"))
        >>> _ = reg.admit("S1", Person(person_id="P"), "B1", on=datetime.date(2025, 1, 1))
        >>> reg.transfer("S1", "B2", on=datetime.date(2025, 6, 1)).bed_id
        'B2'
        """
        stay = self.stay(stay_id)
        if stay.discharged is not None:
            raise refusal("care.stay_closed", field="stay", citation=_RULE, stay=stay_id)
        if on < stay.admitted:
            raise refusal(
                "care.date_order", field="transfer", citation=_RULE, start=stay.admitted, end=on
            )
        new_bed = self.bed(new_bed_id)
        new_id = new_stay_id or f"{stay_id}>{new_bed_id}@{on.isoformat()}"
        if new_id in self._stays:
            raise refusal("care.duplicate", field="stay", citation=_RULE, id=new_id)
        self._check_free(new_bed_id, on, stay.person.person_id, ignore=stay_id)
        self._stays[stay_id] = attrs.evolve(stay, discharged=on)
        new = attrs.evolve(
            stay,
            stay_id=new_id,
            bed_id=new_bed_id,
            institution_id=new_bed.institution_id,
            admitted=on,
            discharged=None,
        )
        self._stays[new_id] = new
        return new

    # -- queries -------------------------------------------------------------------------------

    @locked
    def stays_on(self, on: datetime.date, *, institution_id: str | None = None) -> list[Stay]:
        """The stays covering ``on`` (of one institution when given)."""
        return [
            s
            for s in self._stays.values()
            if s.covers(on) and (institution_id is None or s.institution_id == institution_id)
        ]

    @locked
    def beds_of(self, institution_id: str) -> list[Bed]:
        """The beds of an institution."""
        return [b for b in self._beds.values() if b.institution_id == institution_id]

    @locked
    def beds_in_service(self, on: datetime.date, *, institution_id: str | None = None) -> list[Bed]:
        """The beds in service on ``on``."""
        return [
            b
            for b in self._beds.values()
            if (institution_id is None or b.institution_id == institution_id)
            and self.in_service(b.bed_id, on)
        ]

    @locked
    def history(self, bed_id: str) -> list[Stay]:
        """Every stay in a bed, in date order."""
        self.bed(bed_id)
        return sorted(
            (s for s in self._stays.values() if s.bed_id == bed_id), key=lambda s: s.admitted
        )

    @locked
    def resident_stays(self, person_id: str) -> Iterator[Stay]:
        """Every stay of one person."""
        return iter([s for s in self._stays.values() if s.person.person_id == person_id])
