"""Children: 孤儿 and 事实无人抚养儿童 (with their allowances), 困境儿童 and 留守儿童 classifications.

- 孤儿: a minor who has lost both parents or whose parents cannot be found.
- 事实无人抚养儿童 (民发〔2019〕62号): a minor whose parents are *both* in one of the
  situations below, or one parent dead or missing and the other in one of them:
  severe disability, serious illness, serving a sentence / in custody, compulsory
  drug rehabilitation, other restriction of liberty, lost contact, guardianship
  revoked, deported. Custody, rehabilitation, restriction and lost contact count
  from **6 months** (configurable). DOMAIN.md §7.
- 事实无人抚养儿童 are paid by reference to the local orphan standard; the allowance
  may continue past 18 while the young person is in school (local, configurable).
- An orphan goes to the orphan allowance rather than 特困 (see
  :func:`minzheng.assistance.decide_tekun`).

>>> import datetime
>>> from minzheng.people import Person
>>> child = Person(person_id="C", birth_date=datetime.date(2015, 1, 1))
>>> father = ParentStatus(situation=ParentSituation.DECEASED, since=datetime.date(2020, 1, 1))
>>> mother = ParentStatus(situation=ParentSituation.IN_CUSTODY, since=datetime.date(2024, 1, 1))
>>> classify_child(child, father=father, mother=mother, on=datetime.date(2025, 1, 1)).programme
<Programme.UNSUPPORTED_CHILD: 'unsupported_child'>
"""

from __future__ import annotations

import datetime

import attrs

from minzheng._bounds import MAX_AGE, MAX_MONTHS, within
from minzheng._validators import typed_fields
from minzheng.codes import CodeEnum
from minzheng.dates import statutory_deadline
from minzheng.people import Person
from minzheng.programmes import OrphanCare, Programme
from minzheng.rules import Citation, Decision, Instrument, Reason, Ruling, as_date
from minzheng.standards import StandardsBook

__all__ = [
    "ChildClassification",
    "ChildPolicy",
    "ParentSituation",
    "ParentStatus",
    "VulnerableChildKind",
    "classify_child",
    "classify_vulnerable_child",
    "decide_child_allowance",
    "is_left_behind",
]

_OPINION_2019 = Citation(instrument=Instrument.UNSUPPORTED_CHILDREN_2019)
_LOCAL = Citation(instrument=Instrument.LOCAL_RULE)


class ParentSituation(CodeEnum):
    """A parent's situation, for the 孤儿 and 事实无人抚养儿童 tests.

    >>> ParentSituation.LOST_CONTACT.term
    '失联'
    """

    PRESENT = "present", "正常履行抚养义务"
    DECEASED = "deceased", "死亡"
    CANNOT_BE_FOUND = "cannot_be_found", "查找不到"
    DECLARED_MISSING = "declared_missing", "宣告失踪"
    SEVERE_DISABILITY = "severe_disability", "重残"
    SERIOUS_ILLNESS = "serious_illness", "重病"
    IN_CUSTODY = "in_custody", "服刑在押"
    DRUG_REHABILITATION = "drug_rehabilitation", "强制隔离戒毒"
    RESTRICTED = "restricted", "被执行其他限制人身自由的措施"
    LOST_CONTACT = "lost_contact", "失联"
    GUARDIANSHIP_REVOKED = "guardianship_revoked", "被撤销监护资格"
    DEPORTED = "deported", "被遣送（驱逐）出境"
    WORKING_AWAY = "working_away", "外出务工"


_GONE = frozenset(
    {ParentSituation.DECEASED, ParentSituation.CANNOT_BE_FOUND, ParentSituation.DECLARED_MISSING}
)
_TIMED = frozenset(
    {
        ParentSituation.IN_CUSTODY,
        ParentSituation.DRUG_REHABILITATION,
        ParentSituation.RESTRICTED,
        ParentSituation.LOST_CONTACT,
    }
)
_UNABLE = (
    frozenset(
        {
            ParentSituation.SEVERE_DISABILITY,
            ParentSituation.SERIOUS_ILLNESS,
            ParentSituation.GUARDIANSHIP_REVOKED,
            ParentSituation.DEPORTED,
        }
    )
    | _TIMED
)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ParentStatus:
    """A parent's situation and since when (the 6-month thresholds count from ``since``).

    >>> ParentStatus(situation=ParentSituation.PRESENT).situation.value
    'present'
    """

    situation: ParentSituation
    since: datetime.date | None = None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ChildPolicy:
    """Local parameters for children's welfare.

    Attributes:
        months_threshold: how long custody, rehabilitation, restriction or lost contact
            must have lasted (default 6).
        continue_in_school_until: keep paying past 18 while in full-time school, up to
            this age (exclusive); ``None`` stops at 18 (local — DOMAIN.md §7).
        left_behind_age: 留守儿童 are under this age (16 — 国发〔2016〕13号, UNVERIFIED).

    >>> ChildPolicy().months_threshold
    6
    """

    months_threshold: int = attrs.field(default=6, validator=within(0, MAX_MONTHS))
    continue_in_school_until: int | None = attrs.field(default=None, validator=within(0, MAX_AGE))
    left_behind_age: int = attrs.field(default=16, validator=within(0, MAX_AGE))


DEFAULT_CHILD_POLICY = ChildPolicy()


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ChildClassification:
    """The result of :func:`classify_child`: the programme (or ``None``) and the reasons.

    >>> ChildClassification(programme=None, reasons=()).programme is None
    True
    """

    programme: Programme | None
    reasons: tuple[Reason, ...]


def _unable(status: ParentStatus, on: datetime.date, policy: ChildPolicy) -> bool:
    if status.situation not in _UNABLE:
        return False
    if status.situation in _TIMED:
        if status.since is None:
            return False
        return statutory_deadline(status.since, months=policy.months_threshold) <= on
    return True


def _in_school_extension(child: Person, on: datetime.date, policy: ChildPolicy) -> bool:
    limit = policy.continue_in_school_until
    return (
        limit is not None
        and child.education is not None
        and child.education.is_bachelor_or_below
        and child.age_on(on) < limit
    )


def classify_child(
    child: Person,
    *,
    father: ParentStatus,
    mother: ParentStatus,
    on: datetime.date,
    policy: ChildPolicy = DEFAULT_CHILD_POLICY,
) -> ChildClassification:
    """Orphan, de-facto unsupported child, or neither, on ``on``.

    >>> import datetime
    >>> from minzheng.people import Person
    >>> gone = ParentStatus(situation=ParentSituation.DECEASED)
    >>> child = Person(person_id="C", birth_date=datetime.date(2010, 1, 1))
    >>> classify_child(child, father=gone, mother=gone, on=datetime.date(2025, 1, 1)).programme
    <Programme.ORPHAN: 'orphan'>
    >>> classify_child(child, father=gone, mother=gone, on=datetime.date(2028, 1, 1)).programme is None
    True
    """
    ruling = Ruling(
        matter=Programme.ORPHAN, on=as_date(on), subject=child.person_id, citation=_OPINION_2019
    )
    programme = _classify(ruling, child, father, mother, policy)
    return ChildClassification(programme=programme, reasons=tuple(ruling.reasons))


def _classify(
    ruling: Ruling, child: Person, father: ParentStatus, mother: ParentStatus, policy: ChildPolicy
) -> Programme | None:
    """Record why the child is an orphan, de-facto unsupported, or neither; return the programme."""
    on = ruling.on
    who = {"person": child.label, "father": father.situation, "mother": mother.situation}
    if not (child.is_minor_on(on) or _in_school_extension(child, on, policy)):
        ruling.check(False, "child.adult", citation=None, **who)
        return None
    father_gone, mother_gone = father.situation in _GONE, mother.situation in _GONE
    if father_gone and mother_gone:
        ruling.check(True, "child.orphan", citation=_LOCAL, **who)
        return Programme.ORPHAN
    father_unable, mother_unable = _unable(father, on, policy), _unable(mother, on, policy)
    if (father_unable or father_gone) and (mother_unable or mother_gone):
        ruling.check(True, "child.unsupported", citation=None, **who)
        return Programme.UNSUPPORTED_CHILD
    ruling.check(False, "child.supported", citation=None, months=policy.months_threshold, **who)
    return None


def decide_child_allowance(
    child: Person,
    *,
    father: ParentStatus,
    mother: ParentStatus,
    care: OrphanCare,
    on: datetime.date,
    book: StandardsBook,
    division: str,
    policy: ChildPolicy = DEFAULT_CHILD_POLICY,
) -> Decision:
    """The basic living allowance of an orphan or a de-facto unsupported child.

    The orphan standard is the book's ``orphan`` standard with variant
    ``"institutional"`` or ``"dispersed"``; a 事实无人抚养儿童 gets its own standard
    if the book has one, else the orphan standard for the same care setting.

    >>> import datetime
    >>> from minzheng.money import Rate
    >>> from minzheng.people import Person
    >>> from minzheng.standards import Standard, StandardsBook
    >>> book = StandardsBook([Standard(programme="orphan", division="320700", variant="dispersed",
    ...                                rate=Rate.monthly("2054"), effective=datetime.date(2025, 1, 1))])
    >>> gone = ParentStatus(situation=ParentSituation.DECEASED)
    >>> d = decide_child_allowance(Person(person_id="C", birth_date=datetime.date(2012, 5, 1)), father=gone,
    ...     mother=gone, care=OrphanCare.DISPERSED, on=datetime.date(2025, 3, 1), book=book, division="320703")
    >>> d.programme.value, d.amount.amount
    ('orphan', Decimal('2054'))
    """
    result = classify_child(child, father=father, mother=mother, on=on, policy=policy)
    ruling = Ruling(
        matter=result.programme or Programme.ORPHAN,
        on=on,
        subject=child.person_id,
        citation=_OPINION_2019,
    )
    ruling.extend(result.reasons)
    if result.programme is None:
        return ruling.decide(False)
    standard = None
    if result.programme is Programme.UNSUPPORTED_CHILD:
        standard = book.find(Programme.UNSUPPORTED_CHILD, division, on=on, variant=care.value)
    if standard is None:
        standard = book.amount(Programme.ORPHAN, division, on=on, variant=care.value)
        if result.programme is Programme.UNSUPPORTED_CHILD:
            ruling.note("child.by_orphan_standard", care=care)
    ruling.standard = standard
    ruling.note("child.standard", citation=_LOCAL, care=care, standard=standard.rate)
    return ruling.decide(True, amount=standard.rate)


class VulnerableChildKind(CodeEnum):
    """Kinds of 困境儿童 (State Council 2016 opinion on children in difficulty, UNVERIFIED wording).

    >>> VulnerableChildKind.GUARDIANSHIP.label("en")
    'Lacking guardianship'
    """

    ECONOMIC = "economic", "因家庭贫困导致生活、就医、就学等困难"
    OWN_DIFFICULTY = "own_difficulty", "因自身残疾导致康复、照料、护理和社会融入等困难"
    GUARDIANSHIP = "guardianship", "因家庭监护缺失或监护不当遭受虐待、遗弃、意外伤害、不法侵害等"


def classify_vulnerable_child(
    child: Person,
    *,
    household_programmes: frozenset[Programme],
    unsupported: bool,
    on: datetime.date,
) -> frozenset[VulnerableChildKind]:
    """The 困境儿童 kinds a minor falls under (empty when none, or not a minor).

    Economic difficulty: the household is in 低保 or 特困; own difficulty: a disability
    or a serious illness; lacking guardianship: an orphan or de-facto unsupported child.

    >>> import datetime
    >>> from minzheng.people import Person
    >>> classify_vulnerable_child(Person(person_id="C", birth_date=datetime.date(2015, 1, 1)),
    ...     household_programmes=frozenset({Programme.DIBAO}), unsupported=False, on=datetime.date(2025, 1, 1))
    frozenset({<VulnerableChildKind.ECONOMIC: 'economic'>})
    """
    if not child.is_minor_on(on):
        return frozenset()
    kinds = set()
    if household_programmes & {Programme.DIBAO, Programme.TEKUN}:
        kinds.add(VulnerableChildKind.ECONOMIC)
    if child.disability is not None or child.serious_illness:
        kinds.add(VulnerableChildKind.OWN_DIFFICULTY)
    if unsupported:
        kinds.add(VulnerableChildKind.GUARDIANSHIP)
    return frozenset(kinds)


def is_left_behind(
    child: Person,
    *,
    father: ParentStatus,
    mother: ParentStatus,
    on: datetime.date,
    policy: ChildPolicy = DEFAULT_CHILD_POLICY,
) -> bool:
    """留守儿童: under 16 with both parents working away, or one away and the other unable to care.

    >>> import datetime
    >>> from minzheng.people import Person
    >>> away = ParentStatus(situation=ParentSituation.WORKING_AWAY)
    >>> is_left_behind(Person(person_id="C", birth_date=datetime.date(2015, 1, 1)), father=away, mother=away,
    ...                on=datetime.date(2025, 1, 1))
    True
    """
    if child.age_on(on) >= policy.left_behind_age:
        return False
    away = ParentSituation.WORKING_AWAY
    father_out = (
        father.situation is away or _unable(father, on, policy) or father.situation in _GONE
    )
    mother_out = (
        mother.situation is away or _unable(mother, on, policy) or mother.situation in _GONE
    )
    return (father.situation is away or mother.situation is away) and father_out and mother_out
