"""``Person``: one individual as civil-affairs records hold them.

An identity number is optional — people without one exist (the stranded, the
unregistered). When there is one, the declared sex and birth date must agree
with it (:class:`~minzheng.errors.InconsistentRecord`), and are taken from it
when not declared. The name and the birth date are masked in ``repr``: with the
masked identity number the full birth date would give the number back, so only
the year is shown (``person.birth_date`` gives the date).

>>> import datetime
>>> from minzheng.ids import ResidentId
>>> p = Person(person_id="P1", resident_id=ResidentId.parse("11010519491231002X"), name="王秀英")
>>> p  # doctest: +NORMALIZE_WHITESPACE
Person(person_id='P1', resident_id=ResidentId('110105********002X'), name='王**',
       sex=<Sex.FEMALE: '2'>, birth_date='1949-**-**')
>>> p.birth_date
datetime.date(1949, 12, 31)
>>> p.age_on(datetime.date(2025, 1, 1))
75
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import attrs

from minzheng._validators import to_tuple, typed_fields
from minzheng.codes import CodeEnum, DisabilityCategory, DisabilityGrade, HukouType, Sex
from minzheng.dates import age_on
from minzheng.errors import InconsistentRecord, InvalidValue
from minzheng.ids import DisabilityCertificateNo, ResidentId
from minzheng.privacy import mask_date, mask_name, mask_numbers, repr_date, repr_key, repr_name

__all__ = ["Absence", "AbsenceKind", "Disability", "Education", "Person", "WorkCapacity"]


class WorkCapacity(CodeEnum):
    """Capacity to work (劳动能力).

    >>> WorkCapacity.NONE.label("en")
    'No capacity to work'
    """

    FULL = "full", "有劳动能力"
    PARTIAL = "partial", "部分丧失劳动能力"
    NONE = "none", "无劳动能力"


class Education(CodeEnum):
    """Stage of full-time education, for the member and 特困 in-school rules (§4.3, §5.2).

    >>> Education.BACHELOR.is_bachelor_or_below, Education.POSTGRADUATE.is_bachelor_or_below
    (True, False)
    """

    COMPULSORY = "compulsory", "义务教育"
    SENIOR_HIGH = "senior_high", "普通高中"
    SECONDARY_VOCATIONAL = "secondary_vocational", "中等职业教育"
    HIGHER_VOCATIONAL = "higher_vocational", "高等职业教育（专科）"
    BACHELOR = "bachelor", "本科"
    POSTGRADUATE = "postgraduate", "研究生"

    @property
    def is_bachelor_or_below(self) -> bool:
        """全日制本科及以下 — adult children studying at this level count as members.

        >>> Education.HIGHER_VOCATIONAL.is_bachelor_or_below
        True
        """
        return self is not Education.POSTGRADUATE

    @property
    def is_school_level(self) -> bool:
        """Compulsory education, ordinary senior high or secondary vocational (特困 continuation past 18).

        >>> Education.BACHELOR.is_school_level
        False
        """
        return self in (Education.COMPULSORY, Education.SENIOR_HIGH, Education.SECONDARY_VOCATIONAL)


class AbsenceKind(CodeEnum):
    """Situations that take a person out of the household for the means test (§4.3).

    >>> AbsenceKind.SENTENCE.term
    '服刑'
    """

    SENTENCE = "sentence", "服刑"
    DRUG_REHABILITATION = "drug_rehabilitation", "强制隔离戒毒"
    DECLARED_MISSING = "declared_missing", "宣告失踪"
    CLERGY_APART = "clergy_apart", "宗教教职人员脱离家庭居住"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Absence:
    """A dated absence: from ``start`` to ``end`` (inclusive; ``None`` = ongoing).

    >>> a = Absence(kind=AbsenceKind.SENTENCE, start=datetime.date(2024, 1, 1), end=datetime.date(2026, 1, 1))
    >>> a.active_on(datetime.date(2025, 6, 1)), a.active_on(datetime.date(2026, 1, 2))
    (True, False)
    """

    kind: AbsenceKind
    start: datetime.date
    end: datetime.date | None = None

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise InvalidValue("record.inconsistent", field="end", value=self.end.isoformat())

    def active_on(self, on: datetime.date) -> bool:
        """Whether the absence covers ``on``.

        >>> missing = Absence(kind=AbsenceKind.DECLARED_MISSING, start=datetime.date(2020, 1, 1))
        >>> missing.active_on(datetime.date(2030, 1, 1))
        True
        """
        return self.start <= on and (self.end is None or on <= self.end)

    def years_on(self, on: datetime.date) -> int:
        """Completed years the absence has lasted on ``on`` (0 when not active).

        >>> Absence(kind=AbsenceKind.CLERGY_APART, start=datetime.date(2022, 3, 1)).years_on(datetime.date(2025, 3, 1))
        3
        """
        if not self.active_on(on):
            return 0
        return age_on(self.start, on)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Disability:
    """A certified disability: category and grade, with the certificate when known.

    When a certificate is given its category and grade must agree.

    >>> d = Disability(category=DisabilityCategory.MENTAL, grade=DisabilityGrade.THIRD)
    >>> d.is_severe, d.is_grade3_intellectual_or_mental
    (False, True)
    """

    category: DisabilityCategory
    grade: DisabilityGrade
    certificate: DisabilityCertificateNo | None = None

    def __attrs_post_init__(self) -> None:
        cert = self.certificate
        if cert is not None and (
            cert.category is not self.category or cert.grade is not self.grade
        ):
            raise InconsistentRecord(
                "disability.certificate", field="certificate", value=cert.value, personal=True
            )

    @property
    def is_severe(self) -> bool:
        """Grades 1–2 (重度残疾).

        >>> Disability(category=DisabilityCategory.PHYSICAL, grade=DisabilityGrade.SECOND).is_severe
        True
        """
        return self.grade.is_severe

    @property
    def is_grade3_intellectual_or_mental(self) -> bool:
        """三级智力 or 三级精神 — treated with the severe in several rules (§4.6).

        >>> d = Disability(category=DisabilityCategory.INTELLECTUAL, grade=DisabilityGrade.THIRD)
        >>> d.is_grade3_intellectual_or_mental
        True
        """
        return self.grade is DisabilityGrade.THIRD and self.category.is_intellectual_or_mental


def _absences(items: Iterable[Absence]) -> tuple[Absence, ...]:
    return to_tuple(items)  # type: ignore[no-any-return]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Person:
    """A person. Only ``person_id`` (the system's own key, not personal data) is required.

    Attributes:
        person_id: the record key in the caller's system.
        resident_id: the identity number, when there is one.
        name: masked in ``repr``; ``person.name`` gives it in full.
        sex, birth_date: declared, or taken from the identity number; ``repr``
            shows the birth year only.
        hukou_type, hukou_division: household registration.
        disability: certified disability, if any.
        work_capacity: 劳动能力, if assessed.
        education: current full-time education stage, if any.
        absences: sentences, drug rehabilitation, declared missing, clergy living apart.
        serious_illness: a locally recognised serious or catastrophic illness (重特大疾病).
        unemployed: without work (for 成年无业重度残疾人 rules).

    >>> Person(person_id="P2", resident_id=ResidentId.parse("11010519491231002X"), sex=Sex.MALE)
    Traceback (most recent call last):
    ...
    minzheng.errors.InconsistentRecord: sex：与身份号码不一致：1
    """

    person_id: str = attrs.field(repr=repr_key)
    resident_id: ResidentId | None = None
    name: str | None = attrs.field(default=None, repr=repr_name)
    sex: Sex | None = None
    birth_date: datetime.date | None = attrs.field(default=None, repr=repr_date)
    hukou_type: HukouType | None = attrs.field(default=None, repr=False)
    hukou_division: str | None = attrs.field(default=None, repr=False)
    disability: Disability | None = attrs.field(default=None, repr=False)
    work_capacity: WorkCapacity | None = attrs.field(default=None, repr=False)
    education: Education | None = attrs.field(default=None, repr=False)
    absences: tuple[Absence, ...] = attrs.field(default=(), converter=_absences, repr=False)
    serious_illness: bool = attrs.field(default=False, repr=False)
    unemployed: bool = attrs.field(default=False, repr=False)

    def __attrs_post_init__(self) -> None:
        rid = self.resident_id
        if rid is None:
            return
        if self.sex is None:
            object.__setattr__(self, "sex", rid.sex)
        elif self.sex in (Sex.MALE, Sex.FEMALE) and self.sex is not rid.sex:
            raise InconsistentRecord("person.sex", field="sex", value=self.sex.value)
        if self.birth_date is None:
            object.__setattr__(self, "birth_date", rid.birth_date)
        elif self.birth_date != rid.birth_date:
            raise InconsistentRecord(
                "person.birth_date", field="birth_date", value=mask_date(self.birth_date)
            )
        cert = self.disability.certificate if self.disability else None
        if cert is not None and cert.resident_id != rid:
            raise InconsistentRecord(
                "disability.certificate_holder",
                field="certificate",
                value=cert.value,
                personal=True,
            )

    @property
    def label(self) -> str:
        """How reasons and logs name the person: the masked name, else the (masked) record key.

        >>> Person(person_id="P9", name="李四").label, Person(person_id="P9").label
        ('李*', 'P9')
        >>> Person(person_id="11010519491231002X").label
        '110105********002X'
        """
        return mask_name(self.name) if self.name else mask_numbers(self.person_id)

    def age_on(self, on: datetime.date) -> int:
        """Completed years on ``on``; needs a birth date (declared or from the identity number).

        >>> Person(person_id="P3", birth_date=datetime.date(2010, 5, 1)).age_on(datetime.date(2028, 5, 1))
        18
        """
        if self.birth_date is None:
            raise InvalidValue(
                "person.birth_date_missing", field="birth_date", value=mask_numbers(self.person_id)
            )
        return age_on(self.birth_date, on)

    def is_minor_on(self, on: datetime.date) -> bool:
        """Under 18 on ``on`` (未成年人; the 18th birthday is the first adult day).

        >>> Person(person_id="P3", birth_date=datetime.date(2010, 5, 1)).is_minor_on(datetime.date(2028, 4, 30))
        True
        """
        return self.age_on(on) < 18

    def absence_on(self, on: datetime.date) -> Absence | None:
        """The absence active on ``on`` that excludes the person from the household, if any.

        Clergy count only after three full years apart (连续三年以上，含三年).

        >>> clergy = Absence(kind=AbsenceKind.CLERGY_APART, start=datetime.date(2023, 1, 1))
        >>> Person(person_id="P4", absences=(clergy,)).absence_on(datetime.date(2025, 12, 31)) is None
        True
        """
        for absence in self.absences:
            if not absence.active_on(on):
                continue
            if absence.kind is AbsenceKind.CLERGY_APART and absence.years_on(on) < 3:
                continue
            return absence
        return None
