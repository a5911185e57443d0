"""Beds, nursing beds (护理型床位) and stays.

No single national text defines a nursing bed; the widely quoted Guangdong/Foshan
definition (DOMAIN.md §10.3) is encoded as :class:`NursingBedCriteria`: (1) a
nursing bed with moving, anti-slip and sit-up functions, **or** an ordinary bed
with caregiver staffing of at least 1:3 for fully disabled and 1:6 for partly
disabled residents; (2) barrier-free rooms, toilets, bathrooms and common areas;
(3) assistive devices for moving, eating, bathing and toileting. Every bed in a
building built to the nursing-home standard counts.

>>> facts = BedFacts(nursing_functions=False, residents_per_carer_full=Decimal(3),
...                  residents_per_carer_partial=Decimal(6), barrier_free=True, assistive_devices=True)
>>> NursingBedCriteria().check(facts)[0]
True
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import attrs

from minzheng._validators import typed_fields
from minzheng.care.assessment import AbilityAssessment
from minzheng.codes import CodeEnum
from minzheng.errors import InvalidValue
from minzheng.money import finite_amount
from minzheng.people import Person
from minzheng.rules import Citation, Instrument, Reason

__all__ = ["Bed", "BedFacts", "BedKind", "NursingBedCriteria", "ResidentSource", "Stay"]

_LOCAL = Citation(
    instrument=Instrument.LOCAL_RULE, note="Guangdong/Foshan definition of nursing beds"
)


class BedKind(CodeEnum):
    """护理型床位 or an ordinary bed.

    >>> BedKind.NURSING.label("en")
    'Nursing bed'
    """

    NURSING = "nursing", "护理型床位"
    ORDINARY = "ordinary", "普通床位"


class ResidentSource(CodeEnum):
    """Why a resident is there: 特困 centralised support, a fee-paying "social" elder, or other.

    >>> ResidentSource.SOCIAL.term
    '社会老人'
    """

    TEKUN = "tekun", "特困集中供养"
    SOCIAL = "social", "社会老人"
    OTHER = "other", "其他"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Bed:
    """A bed of an institution, where it is, and its kind.

    >>> Bed(bed_id="B1", institution_id="I1", kind=BedKind.NURSING, building="1号楼", room="101").kind.value
    'nursing'
    """

    bed_id: str
    institution_id: str
    kind: BedKind = BedKind.ORDINARY
    building: str = ""
    room: str = ""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class BedFacts:
    """What an inspection found about a bed and its setting.

    ``residents_per_carer_full`` / ``_partial``: residents per caregiver for fully /
    partly disabled residents (``None`` = not staffed for them).

    >>> BedFacts(nursing_functions=True, barrier_free=True, assistive_devices=True).built_to_nursing_standard
    False
    """

    nursing_functions: bool = False
    residents_per_carer_full: Decimal | None = attrs.field(default=None, validator=finite_amount)
    residents_per_carer_partial: Decimal | None = attrs.field(default=None, validator=finite_amount)
    barrier_free: bool = False
    assistive_devices: bool = False
    built_to_nursing_standard: bool = False


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class NursingBedCriteria:
    """The nursing-bed test, with the staffing ratios as parameters.

    >>> NursingBedCriteria().check(BedFacts(nursing_functions=True, barrier_free=False,
    ...                                     assistive_devices=True))[1][0].code
    'care.nursing_bed_no'
    """

    full_ratio: Decimal = attrs.field(default=Decimal(3), validator=finite_amount)
    partial_ratio: Decimal = attrs.field(default=Decimal(6), validator=finite_amount)
    citation: Citation = _LOCAL

    def check(self, facts: BedFacts) -> tuple[bool, tuple[Reason, ...]]:
        """Whether the bed counts as a nursing bed, and why.

        >>> NursingBedCriteria().check(BedFacts(built_to_nursing_standard=True))[0]
        True
        """
        if facts.built_to_nursing_standard:
            return True, (
                Reason(code="care.nursing_bed_standard_building", citation=self.citation, met=True),
            )
        staffed = (
            facts.residents_per_carer_full is not None
            and facts.residents_per_carer_full <= self.full_ratio
            and facts.residents_per_carer_partial is not None
            and facts.residents_per_carer_partial <= self.partial_ratio
        )
        missing = []
        if not (facts.nursing_functions or staffed):
            missing.append("bed")
        if not facts.barrier_free:
            missing.append("barrier_free")
        if not facts.assistive_devices:
            missing.append("assistive_devices")
        if missing:
            return False, (
                Reason(
                    code="care.nursing_bed_no",
                    params={"missing": ", ".join(missing)},
                    citation=self.citation,
                    met=False,
                ),
            )
        return True, (Reason(code="care.nursing_bed_yes", citation=self.citation, met=True),)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Stay:
    """A resident's stay in one bed, from ``admitted`` until ``discharged`` (the day the bed frees).

    >>> s = Stay(stay_id="S1", person=Person(person_id="P"), institution_id="I", bed_id="B",
    ...          admitted=datetime.date(2025, 1, 1), discharged=datetime.date(2025, 3, 1))
    >>> s.covers(datetime.date(2025, 2, 28)), s.covers(datetime.date(2025, 3, 1))
    (True, False)
    """

    stay_id: str
    person: Person
    institution_id: str
    bed_id: str
    admitted: datetime.date
    discharged: datetime.date | None = None
    source: ResidentSource = ResidentSource.SOCIAL
    assessment: AbilityAssessment | None = None

    def __attrs_post_init__(self) -> None:
        if self.discharged is not None and self.discharged < self.admitted:
            raise InvalidValue(
                "care.date_order", field="discharged", value=self.discharged.isoformat()
            )

    def covers(self, on: datetime.date) -> bool:
        """Whether the resident holds the bed on ``on``."""
        return self.admitted <= on and (self.discharged is None or on < self.discharged)

    def overlaps(self, start: datetime.date, end: datetime.date | None) -> bool:
        """Whether the stay overlaps the period [start, end) (``end`` ``None`` = open).

        >>> Stay(stay_id="S", person=Person(person_id="P"), institution_id="I", bed_id="B",
        ...      admitted=datetime.date(2025, 1, 1)).overlaps(datetime.date(2030, 1, 1), None)
        True
        """
        ends_after_start = self.discharged is None or start < self.discharged
        starts_before_end = end is None or self.admitted < end
        return ends_after_start and starts_before_end
