"""``Household``: members with dated membership, their relationship to the head, and obligors.

``household.members_on(date)`` applies the rules of 共同生活的家庭成员 (最低生活保障审核
确认办法, 民发〔2021〕57号, art. 7 as restated; DOMAIN.md §4.3) and says why each
person is in or out:

- in: the applicant (head); the spouse; minor children; adult children unable to
  live independently, including those in full-time education at bachelor level
  or below; others with a legal duty of support (赡养、扶养、抚养) who live with
  the household long-term;
- out: people serving a sentence, in compulsory drug rehabilitation, declared
  missing, and clergy who have lived apart at a religious site for three years
  or more.

Support obligors (赡养/抚养/扶养义务人) may live elsewhere: they are not members.

>>> import datetime
>>> from minzheng.codes import Relationship
>>> head = Person(person_id="H", birth_date=datetime.date(1980, 1, 1))
>>> son = Person(person_id="S", birth_date=datetime.date(2015, 1, 1))
>>> hh = Household(household_id="HH1", division="620521", area=Area.RURAL, members=(
...     Membership(person=head, relationship=Relationship.HEAD),
...     Membership(person=son, relationship=Relationship.SON)))
>>> [(m.person.person_id, m.included, m.reason.code) for m in hh.members_on(datetime.date(2025, 1, 1))]
[('H', True, 'member.head'), ('S', True, 'member.minor_child')]
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import attrs

from minzheng._validators import to_tuple, typed_fields
from minzheng.codes import Area, CodeEnum, Relationship, RelationshipKind
from minzheng.errors import InvalidValue
from minzheng.people.assets import Asset
from minzheng.people.income import IncomeItem
from minzheng.people.person import AbsenceKind, Person, WorkCapacity
from minzheng.privacy import mask_numbers, repr_key
from minzheng.rules import Citation, Instrument, Reason

__all__ = ["DutyKind", "Household", "MemberDecision", "Membership", "Obligor"]

_MEMBERS_RULE = Citation(instrument=Instrument.DIBAO_REVIEW_MEASURES, article=7)
_ABSENCE_CODES = {
    AbsenceKind.SENTENCE: "member.excluded_sentence",
    AbsenceKind.DRUG_REHABILITATION: "member.excluded_drug_rehab",
    AbsenceKind.DECLARED_MISSING: "member.excluded_missing",
    AbsenceKind.CLERGY_APART: "member.excluded_clergy",
}


class DutyKind(CodeEnum):
    """The legal duty an obligor owes: 赡养 (to parents), 抚养 (to children), 扶养 (spouses, siblings).

    >>> DutyKind.SUPPORT_PARENTS.label("en")
    'Support of parents'
    """

    SUPPORT_PARENTS = "support_parents", "赡养"
    RAISE_CHILDREN = "raise_children", "抚养"
    MAINTAIN = "maintain", "扶养"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Membership:
    """A person's membership of a household: relationship to the head, dates, living arrangement.

    ``joined`` / ``left``: the first day in and the first day out (``None`` = always /
    still). ``support_duty`` overrides the duty the relationship implies (grandparents,
    grandchildren and siblings owe support only in some situations — Civil Code arts.
    1074–1075 — so for them it is ``None`` = no unless stated).

    >>> m = Membership(person=Person(person_id="X"), relationship=Relationship.FATHER,
    ...                left=datetime.date(2025, 1, 1))
    >>> m.member_on(datetime.date(2024, 12, 31)), m.member_on(datetime.date(2025, 1, 1))
    (True, False)
    """

    person: Person
    relationship: Relationship
    joined: datetime.date | None = None
    left: datetime.date | None = None
    lives_together: bool = True
    support_duty: bool | None = None

    def member_on(self, on: datetime.date) -> bool:
        """Whether the person is registered in the household on ``on``.

        >>> head = Membership(person=Person(person_id="X"), relationship=Relationship.HEAD)
        >>> head.member_on(datetime.date(2000, 1, 1))
        True
        """
        return (self.joined is None or self.joined <= on) and (self.left is None or on < self.left)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Obligor:
    """Someone with a legal duty of support towards a member, wherever they live.

    ``able``: whether they are able to perform the duty (``None`` = not yet judged).

    >>> Obligor(person=Person(person_id="D"), towards="H", duty=DutyKind.SUPPORT_PARENTS).able is None
    True
    """

    person: Person
    towards: str = attrs.field(repr=repr_key)
    duty: DutyKind
    able: bool | None = None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class MemberDecision:
    """Whether a person counts as a household member on a date, and why.

    >>> MemberDecision(person=Person(person_id="X"), included=False,
    ...                reason=Reason(code="member.no_support_duty", params={"person": "X"})).reason.render("en")
    'X has no legal duty of support with the applicant and does not count as a household member'
    """

    person: Person
    included: bool
    reason: Reason


def _members(items: Iterable[Membership]) -> tuple[Membership, ...]:
    return to_tuple(items)  # type: ignore[no-any-return]


def _obligors(items: Iterable[Obligor]) -> tuple[Obligor, ...]:
    return to_tuple(items)  # type: ignore[no-any-return]


def _incomes(items: Iterable[IncomeItem]) -> tuple[IncomeItem, ...]:
    return to_tuple(items)  # type: ignore[no-any-return]


def _assets(items: Iterable[Asset]) -> tuple[Asset, ...]:
    return to_tuple(items)  # type: ignore[no-any-return]


def _check_members(
    instance: Household,
    attribute: attrs.Attribute[tuple[Membership, ...]],
    value: tuple[Membership, ...],
) -> None:
    heads = [m for m in value if m.relationship.kind is RelationshipKind.SELF]
    if len(heads) != 1:
        raise InvalidValue("household.head", field="members", params={"count": len(heads)})
    seen: set[str] = set()
    for membership in value:
        key = membership.person.person_id
        if key in seen:
            raise InvalidValue("household.duplicate_member", field="members", value=key)
        seen.add(key)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Household:
    """A household: id, residence division, urban or rural, members, obligors, incomes, assets.

    Exactly one member is the head (relationship 户主 or 本人); a person appears once;
    every income item belongs to a registered member.

    >>> Household(household_id="HH", division="620521", area=Area.URBAN, members=())
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidValue: members：每户须有且只有一名户主，实有0名
    """

    household_id: str = attrs.field(repr=repr_key)
    division: str
    area: Area
    members: tuple[Membership, ...] = attrs.field(converter=_members, validator=_check_members)
    obligors: tuple[Obligor, ...] = attrs.field(default=(), converter=_obligors)
    incomes: tuple[IncomeItem, ...] = attrs.field(default=(), converter=_incomes)
    assets: tuple[Asset, ...] = attrs.field(default=(), converter=_assets)

    def __attrs_post_init__(self) -> None:
        ids = {m.person.person_id for m in self.members}
        for item in self.incomes:
            if item.person_id not in ids:
                raise InvalidValue(
                    "income.unknown_person", field="incomes", value=mask_numbers(item.person_id)
                )

    @property
    def head(self) -> Person:
        """The head of household.

        >>> hh = Household(household_id="HH", division="620521", area=Area.URBAN,
        ...                members=(Membership(person=Person(person_id="H"), relationship=Relationship.HEAD),))
        >>> hh.head.person_id
        'H'
        """
        return next(m.person for m in self.members if m.relationship.kind is RelationshipKind.SELF)

    def person(self, person_id: str) -> Person:
        """The member with this id (raises ``InvalidValue`` when there is none).

        >>> hh = Household(household_id="HH", division="620521", area=Area.URBAN,
        ...                members=(Membership(person=Person(person_id="H"), relationship=Relationship.HEAD),))
        >>> hh.person("H").person_id
        'H'
        """
        for membership in self.members:
            if membership.person.person_id == person_id:
                return membership.person
        raise InvalidValue(
            "household.unknown_member", field="person_id", value=mask_numbers(person_id)
        )

    def obligors_of(self, person_id: str) -> tuple[Obligor, ...]:
        """The obligors who owe support to this member.

        >>> hh = Household(household_id="HH", division="620521", area=Area.URBAN,
        ...                members=(Membership(person=Person(person_id="H"), relationship=Relationship.HEAD),))
        >>> hh.obligors_of("H")
        ()
        """
        return tuple(o for o in self.obligors if o.towards == person_id)

    def members_on(self, on: datetime.date) -> tuple[MemberDecision, ...]:
        """Every registered person with whether they count as a member on ``on``, and why.

        >>> from minzheng.people.person import Absence
        >>> sentence = Absence(kind=AbsenceKind.SENTENCE, start=datetime.date(2024, 1, 1))
        >>> jailed = Person(person_id="J", absences=(sentence,))
        >>> hh = Household(household_id="HH", division="620521", area=Area.RURAL, members=(
        ...     Membership(person=Person(person_id="H"), relationship=Relationship.HEAD),
        ...     Membership(person=jailed, relationship=Relationship.HUSBAND)))
        >>> [m.reason.code for m in hh.members_on(datetime.date(2025, 1, 1))]
        ['member.head', 'member.excluded_sentence']
        """
        return tuple(_decide_member(m, on) for m in self.members)

    def included_on(self, on: datetime.date) -> tuple[Person, ...]:
        """The people who count as members on ``on``.

        >>> Household(household_id="HH", division="620521", area=Area.URBAN,
        ...           members=(Membership(person=Person(person_id="H"), relationship=Relationship.HEAD),)
        ...           ).included_on(datetime.date(2025, 1, 1))[0].person_id
        'H'
        """
        return tuple(d.person for d in self.members_on(on) if d.included)


def _reason(code: str, person: Person, **params: object) -> Reason:
    return Reason(code=code, params={"person": person.label, **params}, citation=_MEMBERS_RULE)


def _decide_member(membership: Membership, on: datetime.date) -> MemberDecision:
    person = membership.person

    def decide(included: bool, code: str, **params: object) -> MemberDecision:
        return MemberDecision(
            person=person, included=included, reason=_reason(code, person, **params)
        )

    if not membership.member_on(on):
        return decide(False, "member.not_in_household", on=on)
    absence = person.absence_on(on)
    if absence is not None:
        return decide(False, _ABSENCE_CODES[absence.kind])
    kind = membership.relationship.kind
    if kind is RelationshipKind.SELF:
        return decide(True, "member.head")
    if kind is RelationshipKind.SPOUSE:
        return decide(True, "member.spouse")
    if kind is RelationshipKind.CHILD:
        if person.birth_date is not None and person.is_minor_on(on):
            return decide(True, "member.minor_child")
        if person.education is not None and person.education.is_bachelor_or_below:
            return decide(True, "member.adult_child_student")
        if person.work_capacity is WorkCapacity.NONE or (
            person.disability and person.disability.is_severe
        ):
            return decide(True, "member.adult_child_dependent")
    if not membership.lives_together:
        return decide(False, "member.not_living_together")
    duty = membership.support_duty
    if duty is None:
        # Children owe 赡养 to parents and parents 抚养 to children (Civil Code arts. 1067, 1074-1075
        # make grandparents, grandchildren and siblings conditional): default by relationship.
        duty = kind in (RelationshipKind.CHILD, RelationshipKind.PARENT)
    if duty:
        return decide(True, "member.support_duty")
    return decide(False, "member.no_support_duty")
