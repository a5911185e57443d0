"""Marriage registration: marriages, divorces by agreement with the cooling-off period, reissues.

Civil Code arts. 1046–1054 and 1076–1078, and the 婚姻登记条例 (2003; revised 2025,
in force 2025-05-10; DOMAIN.md §11):

- minimum ages — men 22, women 20 (art. 1047: "不得早于", reached on the birthday);
- no marriage while either party is married; none between lineal relatives by
  blood or collateral relatives within three generations (art. 1048);
- where to register and what to bring depend on the version in force: 2003 —
  the registry of either party's household registration, with 户口簿 + identity
  card; 2025 — any registry nationwide (全国通办), identity card and a signed
  declaration, no 户口簿;
- divorce by agreement: within 30 days from the day the registry receives the
  application either party may withdraw (冷静期); within 30 days after that both
  must appear to obtain the certificate, or the application is deemed withdrawn
  (art. 1077). Days are counted as the Civil Code counts them (arts. 201, 203),
  with an optional holiday calendar; under the 2025 regulation the couple
  returns to the registry that received the application.
- a lost certificate is reissued only for a status still in force; otherwise a
  registration-record certificate (婚姻登记记录证明) is issued. Each reissue is a
  record the year's counts include (补发结婚证, 补发离婚证).

Marriage is between a man and a woman (arts. 1046, 1049); a person recorded dead
cannot marry, and a death ends the marriage — a pending divorce application lapses
and can no longer be certified. No registration may overlap a marriage already on
the register, whatever the order they are entered in. A divorce by agreement needs
the written agreement of art. 1076; a court's divorce judgment is recorded with no
cooling-off period (:meth:`MarriageRegister.record_court_divorce`).

Worked example (§11.2): received Monday 2025-03-03 — cooling-off ends 2025-04-02,
the collection window 2025-05-02, which is in the Labour Day holiday, so 2025-05-06.

>>> import datetime
>>> from minzheng.dates import FixedCalendar
>>> holiday = FixedCalendar(rest_days=[datetime.date(2025, 5, d) for d in range(1, 6)])
>>> application = DivorceApplication(application_id="L1", marriage_id="M1", registry="620521",
...                                  received_on=datetime.date(2025, 3, 3))
>>> application.cooling_off_ends(holiday), application.collection_deadline(holiday)
(datetime.date(2025, 4, 2), datetime.date(2025, 5, 6))
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Iterable

import attrs

from minzheng._bounds import MAX_AGE, within
from minzheng._locking import Register, locked
from minzheng._validators import to_frozenset, typed_fields
from minzheng.codes import CodeEnum, Sex
from minzheng.dates import AgeCountsFrom, HolidayCalendar, age_on, statutory_deadline
from minzheng.errors import RuleViolation
from minzheng.people import Person
from minzheng.privacy import repr_key
from minzheng.registration.kinds import RegistrationKind
from minzheng.rules import (
    Citation,
    Decision,
    Instrument,
    Reason,
    Ruling,
    as_date,
    deprecated_alias,
    refusal,
)

__all__ = [
    "REGULATION_2003",
    "REGULATION_2025",
    "DivorceAgreement",
    "DivorceApplication",
    "DivorceStatus",
    "Document",
    "Kinship",
    "MarriageRecord",
    "MarriageRegister",
    "MarriageRules",
    "ReissueKind",
    "ReissueRecord",
    "marriage_rules_on",
]


def _code(article: int, paragraph: int | None = None) -> Citation:
    return Citation(instrument=Instrument.CIVIL_CODE, article=article, paragraph=paragraph)


class Document(CodeEnum):
    """Documents a party presents.

    >>> Document.HOUSEHOLD_REGISTER.term
    '户口簿'
    """

    ID_CARD = "id_card", "居民身份证"
    HOUSEHOLD_REGISTER = "household_register", "户口簿"
    DECLARATION = (
        "declaration",
        "本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明",
    )
    MARRIAGE_CERTIFICATE = "marriage_certificate", "结婚证"
    DIVORCE_AGREEMENT = "divorce_agreement", "离婚协议书"


class Kinship(CodeEnum):
    """Kinship between two people as far as the register knows it.

    >>> Kinship.COLLATERAL_3.is_prohibited, Kinship.COLLATERAL_4.is_prohibited
    (True, False)
    """

    LINEAL = "lineal", "直系血亲"
    COLLATERAL_2 = "collateral_2", "二代旁系血亲"
    COLLATERAL_3 = "collateral_3", "三代旁系血亲"
    COLLATERAL_4 = "collateral_4", "四代旁系血亲"
    IN_LAW = "in_law", "姻亲"

    @property
    def is_prohibited(self) -> bool:
        """Lineal relatives by blood and collateral relatives within three generations (art. 1048).

        >>> Kinship.IN_LAW.is_prohibited
        False
        """
        return self in (Kinship.LINEAL, Kinship.COLLATERAL_2, Kinship.COLLATERAL_3)


class ReissueKind(CodeEnum):
    """What a reissue request produces.

    >>> ReissueKind.RECORD_CERTIFICATE.label("en")
    'Marriage registration record certificate'
    """

    MARRIAGE_CERTIFICATE = "marriage_certificate", "补发结婚证"
    DIVORCE_CERTIFICATE = "divorce_certificate", "补发离婚证"
    RECORD_CERTIFICATE = "record_certificate", "婚姻登记记录证明"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class MarriageRules:
    """One version of the marriage registration rules, with their statutory numbers.

    The marriage ages (22 for men, 20 for women, Civil Code art. 1047) and the
    divorce periods (a 30-day cooling-off, then 30 days to collect the certificate,
    art. 1077) are Civil Code numbers each version carries.

    >>> REGULATION_2025.nationwide, REGULATION_2003.nationwide
    (True, False)
    """

    name: str
    effective: datetime.date
    nationwide: bool
    marriage_documents: frozenset[Document]
    divorce_documents: frozenset[Document]
    same_registry_for_certificate: bool
    men_min_age: int = attrs.field(default=22, validator=within(0, MAX_AGE))
    women_min_age: int = attrs.field(default=20, validator=within(0, MAX_AGE))
    cooling_off_days: int = attrs.field(default=30, validator=within(0, 366))
    collection_days: int = attrs.field(default=30, validator=within(0, 366))

    @property
    def citation(self) -> Citation:
        """The regulation as a citation."""
        return Citation(instrument=Instrument.MARRIAGE_REGULATION, note=self.name)


REGULATION_2003 = MarriageRules(
    name="婚姻登记条例（国务院令第387号）",
    effective=datetime.date(2003, 10, 1),
    nationwide=False,
    marriage_documents=frozenset(
        {Document.ID_CARD, Document.HOUSEHOLD_REGISTER, Document.DECLARATION}
    ),
    divorce_documents=frozenset(
        {
            Document.ID_CARD,
            Document.HOUSEHOLD_REGISTER,
            Document.MARRIAGE_CERTIFICATE,
            Document.DIVORCE_AGREEMENT,
        }
    ),
    same_registry_for_certificate=False,
)
REGULATION_2025 = MarriageRules(
    name="婚姻登记条例（国务院令第804号）",
    effective=datetime.date(2025, 5, 10),
    nationwide=True,
    marriage_documents=frozenset({Document.ID_CARD, Document.DECLARATION}),
    divorce_documents=frozenset(
        {Document.ID_CARD, Document.MARRIAGE_CERTIFICATE, Document.DIVORCE_AGREEMENT}
    ),
    same_registry_for_certificate=True,
)


def marriage_rules_on(
    on: datetime.date, versions: Collection[MarriageRules] = (REGULATION_2003, REGULATION_2025)
) -> MarriageRules:
    """The regulation in force on ``on``.

    >>> marriage_rules_on(datetime.date(2025, 5, 9)) is REGULATION_2003
    True
    """
    ordered = sorted(versions, key=lambda v: v.effective)
    current = [v for v in ordered if v.effective <= on]
    return current[-1] if current else ordered[0]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class MarriageRecord:
    """A registered marriage; ``ended_on`` and ``ended_by`` once a divorce or a death ends it.

    >>> r = MarriageRecord(marriage_id="M", party_a="A", party_b="B", registry="620521",
    ...                    registered_on=datetime.date(2020, 1, 1))
    >>> r.in_force_on(datetime.date(2025, 1, 1))
    True
    """

    marriage_id: str
    party_a: str = attrs.field(repr=repr_key)
    party_b: str = attrs.field(repr=repr_key)
    registry: str
    registered_on: datetime.date
    certificate_no: str = ""
    ended_on: datetime.date | None = None
    ended_by: str = ""

    def in_force_on(self, on: datetime.date) -> bool:
        """Registered on or before ``on`` and not yet ended."""
        return self.registered_on <= on and (self.ended_on is None or on < self.ended_on)

    def involves(self, person_id: str) -> bool:
        """Whether ``person_id`` is a party."""
        return person_id in (self.party_a, self.party_b)


class DivorceStatus(CodeEnum):
    """Where a divorce application stands on a date.

    >>> DivorceStatus.COOLING_OFF.term
    '离婚冷静期'
    """

    COOLING_OFF = "cooling_off", "离婚冷静期"
    AWAITING_COLLECTION = "awaiting_collection", "待申请发给离婚证"
    CERTIFIED = "certified", "已发给离婚证"
    WITHDRAWN = "withdrawn", "已撤回"
    DEEMED_WITHDRAWN = "deemed_withdrawn", "视为撤回"
    LAPSED = "lapsed", "婚姻关系已终止，申请终结"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class DivorceApplication:
    """A divorce application received on ``received_on``; withdrawn or certified on a date, or neither.

    >>> a = DivorceApplication(application_id="L", marriage_id="M", registry="620521",
    ...                        received_on=datetime.date(2025, 3, 3))
    >>> [a.status_on(datetime.date(2025, m, d)).value for m, d in ((3, 20), (4, 10), (5, 3))]
    ['cooling_off', 'awaiting_collection', 'deemed_withdrawn']
    """

    application_id: str
    marriage_id: str
    registry: str
    received_on: datetime.date
    withdrawn_on: datetime.date | None = None
    withdrawn_by: str = ""
    certified_on: datetime.date | None = None

    # The holiday calendar is configuration, not part of the record: it is passed to the
    # methods that count days (a register passes its own), so the record stays plain data.

    def cooling_off_ends(self, calendar: HolidayCalendar | None = None) -> datetime.date:
        """The last day either party may withdraw: 30 days after the application was received.

        The number of days is :attr:`MarriageRules.cooling_off_days` of the version in
        force when the application was received (Civil Code art. 1077 ¶1).

        >>> DivorceApplication(application_id="L", marriage_id="M", registry="620521",
        ...                    received_on=datetime.date(2025, 3, 3)).cooling_off_ends()
        datetime.date(2025, 4, 2)
        """
        days = marriage_rules_on(self.received_on).cooling_off_days
        return statutory_deadline(self.received_on, days=days, calendar=calendar)

    def collection_deadline(self, calendar: HolidayCalendar | None = None) -> datetime.date:
        """The last day both may appear for the certificate: 30 days after the cooling-off ends (art. 1077 ¶2).

        >>> DivorceApplication(application_id="L", marriage_id="M", registry="620521",
        ...                    received_on=datetime.date(2025, 3, 3)).collection_deadline()
        datetime.date(2025, 5, 2)
        """
        days = marriage_rules_on(self.received_on).collection_days
        return statutory_deadline(self.cooling_off_ends(calendar), days=days, calendar=calendar)

    def status_on(
        self, on: datetime.date, calendar: HolidayCalendar | None = None
    ) -> DivorceStatus:
        """The application's status on ``on`` (days counted with ``calendar``, if given)."""
        if self.withdrawn_on is not None and self.withdrawn_on <= on:
            return DivorceStatus.WITHDRAWN
        if self.certified_on is not None and self.certified_on <= on:
            return DivorceStatus.CERTIFIED
        if on <= self.cooling_off_ends(calendar):
            return DivorceStatus.COOLING_OFF
        if on <= self.collection_deadline(calendar):
            return DivorceStatus.AWAITING_COLLECTION
        return DivorceStatus.DEEMED_WITHDRAWN


def _names(items: Iterable[str]) -> frozenset[str]:
    return to_frozenset(items)  # type: ignore[no-any-return]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class DivorceAgreement:
    """The written divorce agreement both parties sign (离婚协议书, art. 1076).

    It states that both wish to divorce and records their agreement on the
    children's upbringing, the property and the debts. What it says is the
    parties' business; the register checks only that it is signed by both and
    covers each matter.

    >>> a = DivorceAgreement(signed_by={"A", "B"}, children_arranged=True,
    ...                      property_arranged=True, debts_arranged=True)
    >>> sorted(a.signed_by), a.voluntary
    (['A', 'B'], True)
    """

    signed_by: frozenset[str] = attrs.field(converter=_names)
    children_arranged: bool
    property_arranged: bool
    debts_arranged: bool
    voluntary: bool = True


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ReissueRecord:
    """A reissue the registry handled: what was asked for and what was issued.

    >>> r = ReissueRecord(reissue_id="BF1", person_id="A", requested=ReissueKind.MARRIAGE_CERTIFICATE,
    ...                   issued=ReissueKind.MARRIAGE_CERTIFICATE, issued_on=datetime.date(2025, 3, 1),
    ...                   registry="620521", marriage_id="M1")
    >>> r.issued.term
    '补发结婚证'
    """

    reissue_id: str
    person_id: str = attrs.field(repr=repr_key)
    requested: ReissueKind
    issued: ReissueKind
    issued_on: datetime.date
    registry: str
    marriage_id: str = ""


_ART_13 = Citation(instrument=Instrument.CIVIL_CODE, article=13)
_LIVE = (DivorceStatus.COOLING_OFF, DivorceStatus.AWAITING_COLLECTION)


def _identity_reasons(ruling: Ruling, a: Person, b: Person) -> tuple[Person, ...]:
    """Two distinct people of known, different sex (art. 1049); returns the parties to check."""
    same_person = a.person_id == b.person_id
    if same_person:
        ruling.check(False, "marriage.same_person", person=a.label)
    parties = (a,) if same_person else (a, b)
    for person in parties:
        if person.sex is None:
            ruling.check(False, "marriage.sex_unknown", person=person.label)
    if not same_person and a.sex is not None and a.sex is b.sex:
        ruling.check(False, "marriage.same_sex", sex=a.sex)
    return parties


def _refuse_all(reasons: list[Reason]) -> RuleViolation:
    failed = [r for r in reasons if r.met is False]
    return RuleViolation(
        failed[0].code,
        reasons=failed,
        field="registration",
        params={
            k: v.term if isinstance(v, CodeEnum) else str(v) for k, v in failed[0].params.items()
        },
    )


class MarriageRegister(Register):
    """A registry's marriages and divorce applications, with the Civil Code's refusals.

    Mutable (a register) holding frozen records. ``decide_marriage`` explains; the
    acting methods raise :class:`~minzheng.errors.RuleViolation` with the reasons.
    Thread-safe: each check-and-commit holds the register's re-entrant lock and
    readers return snapshots. It pickles and copies (the copy is independent).

    Args:
        calendar: statutory rest days for the divorce periods (none by default).
        versions: the regulation versions, chosen by date.
        age_counts_from: when a person reaches the marriage age — ``"birthday"``
            (the default: on the 22nd/20th birthday itself, Civil Code art. 1259's
            counting, DOMAIN.md §0 rule 3) or ``"day_after"`` (from the next day).

    >>> reg = MarriageRegister()
    >>> he = Person(person_id="A", sex=Sex.MALE, birth_date=datetime.date(2003, 6, 1))
    >>> she = Person(person_id="B", sex=Sex.FEMALE, birth_date=datetime.date(2004, 1, 1))
    >>> reg.decide_marriage(he, she, on=datetime.date(2025, 5, 31), registry="620521").eligible
    False
    >>> reg.register_marriage("M1", he, she, on=datetime.date(2025, 6, 1), registry="620521").marriage_id
    'M1'
    """

    __slots__ = (
        "_age_counts_from",
        "_agreements",
        "_applications",
        "_calendar",
        "_deaths",
        "_kinship",
        "_lapses",
        "_marriages",
        "_reissues",
        "_versions",
    )

    def __init__(
        self,
        *,
        calendar: HolidayCalendar | None = None,
        versions: Collection[MarriageRules] = (REGULATION_2003, REGULATION_2025),
        age_counts_from: AgeCountsFrom = "birthday",
    ) -> None:
        super().__init__()
        self._marriages: dict[str, MarriageRecord] = {}
        self._applications: dict[str, DivorceApplication] = {}
        self._agreements: dict[str, DivorceAgreement] = {}
        self._lapses: dict[str, datetime.date] = {}
        self._reissues: dict[str, ReissueRecord] = {}
        self._kinship: dict[frozenset[str], Kinship] = {}
        self._deaths: dict[str, datetime.date] = {}
        self._calendar = calendar
        self._versions = tuple(versions)
        self._age_counts_from: AgeCountsFrom = age_counts_from

    @property
    def calendar(self) -> HolidayCalendar | None:
        """The holiday calendar the register counts days with (pass it to an application's methods).

        >>> MarriageRegister().calendar is None
        True
        """
        return self._calendar

    @property
    @locked
    def marriages(self) -> tuple[MarriageRecord, ...]:
        """Every marriage record."""
        return tuple(self._marriages.values())

    @property
    @locked
    def applications(self) -> tuple[DivorceApplication, ...]:
        """Every divorce application."""
        return tuple(self._applications.values())

    @property
    @locked
    def reissues(self) -> tuple[ReissueRecord, ...]:
        """Every reissue handled (a certificate or a registration-record certificate)."""
        return tuple(self._reissues.values())

    @locked
    def agreement(self, application_id: str) -> DivorceAgreement:
        """The divorce agreement filed with an application.

        >>> MarriageRegister().agreement("L9")
        Traceback (most recent call last):
        ...
        minzheng.errors.RuleViolation: registration：没有编号为L9的离婚申请
        """
        self._application(application_id)
        return self._agreements[application_id]

    def _application(self, application_id: str) -> DivorceApplication:
        try:
            return self._applications[application_id]
        except KeyError:
            raise refusal(
                "divorce.unknown_application",
                field="registration",
                citation=_code(1076),
                application=application_id,
            ) from None

    @locked
    def status_of(self, application_id: str, on: datetime.date) -> DivorceStatus:
        """An application's status on ``on``, as the register knows it.

        Unlike :meth:`DivorceApplication.status_on` it knows when the marriage ended
        by a death or a court judgment while the application was pending: from that
        day the application has lapsed (:attr:`DivorceStatus.LAPSED`).

        >>> reg = MarriageRegister()
        >>> he = Person(person_id="A", sex=Sex.MALE, birth_date=datetime.date(1990, 1, 1))
        >>> she = Person(person_id="B", sex=Sex.FEMALE, birth_date=datetime.date(1990, 1, 1))
        >>> _ = reg.register_marriage("M1", he, she, on=datetime.date(2020, 6, 1), registry="620521")
        >>> _ = reg.apply_for_divorce("L1", "M1", on=datetime.date(2025, 3, 3), registry="620521",
        ...     agreement=DivorceAgreement(signed_by={"A", "B"}, children_arranged=True,
        ...                                property_arranged=True, debts_arranged=True))
        >>> _ = reg.record_court_divorce("M1", on=datetime.date(2025, 3, 10))
        >>> [reg.status_of("L1", datetime.date(2025, 3, d)).value for d in (9, 10)]
        ['cooling_off', 'lapsed']
        """
        application = self._application(application_id)
        lapsed = self._lapses.get(application_id)
        if lapsed is not None and lapsed <= on:
            return DivorceStatus.LAPSED
        return application.status_on(on, self._calendar)

    @locked
    def add_kinship(self, a: str, b: str, kinship: Kinship) -> None:
        """Record that ``a`` and ``b`` are related (from household registers or declarations)."""
        self._kinship[frozenset({a, b})] = kinship

    @locked
    def current_marriage(self, person_id: str, on: datetime.date) -> MarriageRecord | None:
        """The marriage ``person_id`` is in on ``on``, if any."""
        return next(
            (m for m in self._marriages.values() if m.involves(person_id) and m.in_force_on(on)),
            None,
        )

    @locked
    def decide_marriage(
        self,
        a: Person,
        b: Person,
        *,
        on: datetime.date,
        registry: str,
        documents: Collection[Document] | None = None,
        hukou_divisions: Collection[str] | None = None,
    ) -> Decision:
        """Every reason the registry would refuse (or accept) the marriage of ``a`` and ``b`` on ``on``.

        ``documents`` defaults to what the regulation in force requires;
        ``hukou_divisions`` (the parties' household-registration divisions) matter
        only before nationwide handling.

        >>> reg = MarriageRegister()
        >>> he = Person(person_id="A", sex=Sex.MALE, birth_date=datetime.date(2003, 6, 1))
        >>> she = Person(person_id="B", sex=Sex.FEMALE, birth_date=datetime.date(2000, 1, 1))
        >>> reg.decide_marriage(he, she, on=datetime.date(2025, 5, 31), registry="620521").reason_codes()
        ('marriage.version', 'marriage.under_age', 'marriage.age_ok')
        """
        rules = marriage_rules_on(as_date(on), self._versions)
        ruling = Ruling(
            matter=RegistrationKind.MARRIAGE,
            on=on,
            subject=f"{a.person_id}+{b.person_id}",
            citation=_code(1049),
            rule_version=rules.name,
        )
        ruling.note("marriage.version", citation=rules.citation, version=rules.name)
        for person in _identity_reasons(ruling, a, b):
            self._party_reasons(ruling, person, rules)
        kinship = self._kinship.get(frozenset({a.person_id, b.person_id}))
        if kinship is not None and kinship.is_prohibited:
            ruling.check(
                False, "marriage.prohibited_kinship", citation=_code(1048), kinship=kinship
            )
        given = set(rules.marriage_documents if documents is None else documents)
        missing = sorted(rules.marriage_documents - given, key=lambda d: d.value)
        if missing:
            ruling.check(
                False, "marriage.documents_missing", citation=rules.citation, documents=missing
            )
        if not rules.nationwide and hukou_divisions is not None and registry not in hukou_divisions:
            ruling.check(
                False, "marriage.wrong_registry", citation=rules.citation, registry=registry
            )
        return ruling.decide(not any(r.met is False for r in ruling.reasons))

    check_marriage = deprecated_alias(decide_marriage, "check_marriage")
    check_marriage.__doc__ = """Deprecated alias of :meth:`decide_marriage` (warns ``DeprecationWarning``).

        >>> callable(MarriageRegister.check_marriage)
        True
        """

    def _party_reasons(self, ruling: Ruling, person: Person, rules: MarriageRules) -> None:
        """One party's death, marriage age and other marriages (arts. 13, 1047, 1042)."""
        on = ruling.on
        died = self._deaths.get(person.person_id)
        if died is not None and died <= on:
            ruling.check(
                False, "marriage.party_deceased", citation=_ART_13, person=person.label, died=died
            )
        minimum = rules.men_min_age if person.sex is Sex.MALE else rules.women_min_age
        if person.birth_date is None:
            age = person.age_on(on)  # raises: the birth date is missing
        else:
            age = age_on(person.birth_date, on, counts_from=self._age_counts_from)
        ruling.check(
            age >= minimum,
            "marriage.age_ok",
            "marriage.under_age",
            citation=_code(1047),
            person=person.label,
            age=age,
            minimum=minimum,
        )
        current = self.current_marriage(person.person_id, on)
        if current is not None:
            ruling.check(
                False,
                "marriage.already_married",
                citation=rules.citation,
                person=person.label,
                marriage=current.marriage_id,
            )
        later = sorted(
            (
                m
                for m in self._marriages.values()
                if m.involves(person.person_id) and m.registered_on > on
            ),
            key=lambda m: m.registered_on,
        )
        if later:
            ruling.check(
                False,
                "marriage.overlaps",
                citation=_code(1042, 2),
                person=person.label,
                marriage=later[0].marriage_id,
                registered_on=later[0].registered_on,
            )

    @locked
    def register_marriage(
        self,
        marriage_id: str,
        a: Person,
        b: Person,
        *,
        on: datetime.date,
        registry: str,
        documents: Collection[Document] | None = None,
        hukou_divisions: Collection[str] | None = None,
        certificate_no: str = "",
    ) -> MarriageRecord:
        """Register a marriage, or raise ``RuleViolation`` with every reason to refuse."""
        if marriage_id in self._marriages:
            raise refusal(
                "registration.duplicate", field="registration", citation=_code(1049), id=marriage_id
            )
        decision = self.decide_marriage(
            a, b, on=on, registry=registry, documents=documents, hukou_divisions=hukou_divisions
        )
        if not decision.eligible:
            raise _refuse_all(list(decision.reasons))
        record = MarriageRecord(
            marriage_id=marriage_id,
            party_a=a.person_id,
            party_b=b.person_id,
            registry=registry,
            registered_on=on,
            certificate_no=certificate_no,
        )
        self._marriages[marriage_id] = record
        return record

    def _end_marriage(self, marriage: MarriageRecord, on: datetime.date, by: str) -> MarriageRecord:
        """End ``marriage`` on ``on``; applications still pending (or certified later) lapse."""
        ended = attrs.evolve(marriage, ended_on=on, ended_by=by)
        self._marriages[marriage.marriage_id] = ended
        for application in self._applications.values():
            if application.marriage_id != marriage.marriage_id:
                continue
            certified_later = application.certified_on is not None and application.certified_on > on
            if certified_later or application.status_on(on, self._calendar) in _LIVE:
                self._lapses.setdefault(application.application_id, on)
        return ended

    @locked
    def record_death(self, person_id: str, on: datetime.date) -> None:
        """A party died: the marriage ends (the survivor is widowed) and a pending divorce lapses.

        From the day of death the person cannot marry, and a divorce application on
        the marriage can no longer be certified — even one still in its cooling-off
        period (:attr:`DivorceStatus.LAPSED`).

        >>> reg = MarriageRegister()
        >>> he = Person(person_id="A", sex=Sex.MALE, birth_date=datetime.date(1990, 1, 1))
        >>> she = Person(person_id="B", sex=Sex.FEMALE, birth_date=datetime.date(1990, 1, 1))
        >>> _ = reg.register_marriage("M1", he, she, on=datetime.date(2025, 6, 1), registry="620521")
        >>> reg.record_death("B", datetime.date(2026, 1, 1))
        >>> later = reg.decide_marriage(he, she, on=datetime.date(2026, 2, 1), registry="620521")
        >>> reg.marriages[0].ended_by, "marriage.party_deceased" in later.reason_codes()
        ('death', True)
        """
        self._deaths[person_id] = on
        current = self.current_marriage(person_id, on)
        if current is not None:
            self._end_marriage(current, on, "death")

    @locked
    def record_court_divorce(self, marriage_id: str, *, on: datetime.date) -> MarriageRecord:
        """A court's divorce judgment (or mediation) took effect on ``on``: the marriage ends.

        There is no cooling-off period for a court divorce (arts. 1079, 1080); a
        divorce application pending at the registry lapses, and both parties may
        marry again from ``on``.

        >>> reg = MarriageRegister()
        >>> he = Person(person_id="A", sex=Sex.MALE, birth_date=datetime.date(1990, 1, 1))
        >>> she = Person(person_id="B", sex=Sex.FEMALE, birth_date=datetime.date(1990, 1, 1))
        >>> _ = reg.register_marriage("M1", he, she, on=datetime.date(2020, 6, 1), registry="620521")
        >>> reg.record_court_divorce("M1", on=datetime.date(2025, 3, 1)).ended_by
        'court'
        """
        marriage = self._marriages.get(marriage_id)
        if marriage is None or not marriage.in_force_on(on):
            raise refusal(
                "divorce.no_marriage",
                field="registration",
                citation=_code(1080),
                marriage=marriage_id,
            )
        return self._end_marriage(marriage, on, "court")

    @locked
    def apply_for_divorce(
        self,
        application_id: str,
        marriage_id: str,
        *,
        on: datetime.date,
        registry: str,
        agreement: DivorceAgreement | None = None,
    ) -> DivorceApplication:
        """Receive a joint divorce application: both parties in person, with the written agreement.

        The agreement (art. 1076) must be signed by both parties, state that both
        wish to divorce and settle the children's upbringing, the property and the
        debts; otherwise the application is refused with every missing element.

        >>> reg = MarriageRegister()
        >>> he = Person(person_id="A", sex=Sex.MALE, birth_date=datetime.date(1990, 1, 1))
        >>> she = Person(person_id="B", sex=Sex.FEMALE, birth_date=datetime.date(1990, 1, 1))
        >>> _ = reg.register_marriage("M1", he, she, on=datetime.date(2020, 6, 1), registry="620521")
        >>> reg.apply_for_divorce("L1", "M1", on=datetime.date(2025, 3, 3), registry="620521")
        Traceback (most recent call last):
        ...
        minzheng.errors.RuleViolation: registration：没有双方签署的书面离婚协议
        >>> agreed = DivorceAgreement(signed_by={"A", "B"}, children_arranged=True,
        ...                           property_arranged=True, debts_arranged=True)
        >>> reg.apply_for_divorce("L1", "M1", on=datetime.date(2025, 3, 3), registry="620521",
        ...                       agreement=agreed).status_on(datetime.date(2025, 3, 4)).value
        'cooling_off'
        """
        marriage = self._marriages.get(marriage_id)
        if marriage is None or not marriage.in_force_on(on):
            raise refusal(
                "divorce.no_marriage",
                field="registration",
                citation=_code(1076),
                marriage=marriage_id,
            )
        if any(
            a.marriage_id == marriage_id and self.status_of(a.application_id, on) in _LIVE
            for a in self._applications.values()
        ):
            raise refusal(
                "divorce.pending", field="registration", citation=_code(1077), marriage=marriage_id
            )
        if application_id in self._applications:
            raise refusal(
                "registration.duplicate",
                field="registration",
                citation=_code(1076),
                id=application_id,
            )
        reasons = self._agreement_reasons(marriage, agreement, on)
        if agreement is None or reasons:
            raise _refuse_all(reasons)
        application = DivorceApplication(
            application_id=application_id,
            marriage_id=marriage_id,
            registry=registry,
            received_on=on,
        )
        self._applications[application_id] = application
        self._agreements[application_id] = agreement
        return application

    @staticmethod
    def _agreement_reasons(
        marriage: MarriageRecord, agreement: DivorceAgreement | None, on: datetime.date
    ) -> list[Reason]:
        """The art. 1076 defects of a divorce agreement (none: it may be received)."""
        ruling = Ruling(
            matter=RegistrationKind.DIVORCE,
            on=on,
            subject=marriage.marriage_id,
            citation=_code(1076),
        )
        if agreement is None:
            ruling.check(False, "divorce.agreement_missing")
            return ruling.reasons
        if agreement.signed_by != {marriage.party_a, marriage.party_b}:
            ruling.check(False, "divorce.agreement_unsigned", marriage=marriage.marriage_id)
        for missing, code in (
            (not agreement.voluntary, "divorce.not_voluntary"),
            (not agreement.children_arranged, "divorce.children_not_arranged"),
            (not agreement.property_arranged, "divorce.property_not_arranged"),
            (not agreement.debts_arranged, "divorce.debts_not_arranged"),
        ):
            if missing:
                ruling.check(False, code)
        return ruling.reasons

    @locked
    def withdraw(self, application_id: str, *, by: str, on: datetime.date) -> None:
        """A spouse withdraws during the cooling-off period (art. 1077 ¶1); no one else may."""
        application = self._application(application_id)
        marriage = self._marriages[application.marriage_id]
        if not marriage.involves(by):
            raise refusal(
                "divorce.not_a_party",
                field="registration",
                citation=_code(1077, 1),
                person=by,
                marriage=marriage.marriage_id,
            )
        if self.status_of(application_id, on) is not DivorceStatus.COOLING_OFF or (
            on < application.received_on
        ):
            raise refusal(
                "divorce.withdraw_closed",
                field="registration",
                citation=_code(1077, 1),
                ends=application.cooling_off_ends(self._calendar),
                on=on,
            )
        self._applications[application_id] = attrs.evolve(
            application, withdrawn_on=on, withdrawn_by=by
        )

    @locked
    def certify(self, application_id: str, *, on: datetime.date, registry: str) -> MarriageRecord:
        """Both parties appear after the cooling-off and within the collection window: the divorce is registered.

        Refused once the marriage has ended otherwise — by a death or a court
        judgment — on or before ``on``.
        """
        application = self._application(application_id)
        marriage = self._marriages[application.marriage_id]
        if marriage.ended_on is not None and marriage.ended_on <= on:
            raise refusal(
                "divorce.marriage_ended",
                field="registration",
                citation=_ART_13 if marriage.ended_by == "death" else _code(1080),
                marriage=marriage.marriage_id,
                ended_on=marriage.ended_on,
            )
        status = self.status_of(application_id, on)
        if status is not DivorceStatus.AWAITING_COLLECTION:
            raise refusal(
                "divorce.not_collectable",
                field="registration",
                citation=_code(1077, 2),
                status=status.term,
                on=on,
            )
        rules = marriage_rules_on(application.received_on, self._versions)
        if rules.same_registry_for_certificate and registry != application.registry:
            raise refusal(
                "divorce.other_registry",
                field="registration",
                citation=rules.citation,
                registry=application.registry,
            )
        self._applications[application_id] = attrs.evolve(application, certified_on=on)
        ended = attrs.evolve(marriage, ended_on=on, ended_by="divorce")
        self._marriages[marriage.marriage_id] = ended
        return ended

    def _reissue(
        self, person_id: str, kind: ReissueKind, on: datetime.date
    ) -> tuple[ReissueKind, str]:
        """What a reissue yields, and the marriage it concerns ("" for a record certificate)."""
        if kind is ReissueKind.MARRIAGE_CERTIFICATE:
            current = self.current_marriage(person_id, on)
            if current is None:
                return ReissueKind.RECORD_CERTIFICATE, ""
            return kind, current.marriage_id
        if kind is ReissueKind.DIVORCE_CERTIFICATE:
            divorced = [
                m
                for m in self._marriages.values()
                if m.involves(person_id)
                and m.ended_by == "divorce"
                and m.ended_on is not None
                and m.ended_on <= on
            ]
            if not divorced:
                return ReissueKind.RECORD_CERTIFICATE, ""
            last = max(divorced, key=lambda m: m.ended_on or on)
            remarried = any(
                m.involves(person_id) and (last.ended_on or on) <= m.registered_on <= on
                for m in self._marriages.values()
            )
            if remarried:
                return ReissueKind.RECORD_CERTIFICATE, ""
            return kind, last.marriage_id
        return ReissueKind.RECORD_CERTIFICATE, ""

    @locked
    def reissue(self, person_id: str, kind: ReissueKind, *, on: datetime.date) -> ReissueKind:
        """What a reissue request would yield: the certificate if its status still stands, else a record certificate.

        It records nothing; :meth:`issue_reissue` records the reissue.

        >>> reg = MarriageRegister()
        >>> reg.reissue("X", ReissueKind.MARRIAGE_CERTIFICATE, on=datetime.date(2025, 1, 1))
        <ReissueKind.RECORD_CERTIFICATE: 'record_certificate'>
        """
        return self._reissue(person_id, kind, on)[0]

    @locked
    def issue_reissue(
        self,
        reissue_id: str,
        person_id: str,
        kind: ReissueKind,
        *,
        on: datetime.date,
        registry: str,
    ) -> ReissueRecord:
        """Handle a reissue request and record it; :meth:`counts` includes the year's reissues.

        >>> reg = MarriageRegister()
        >>> he = Person(person_id="A", sex=Sex.MALE, birth_date=datetime.date(1990, 1, 1))
        >>> she = Person(person_id="B", sex=Sex.FEMALE, birth_date=datetime.date(1990, 1, 1))
        >>> _ = reg.register_marriage("M1", he, she, on=datetime.date(2020, 6, 1), registry="620521")
        >>> reg.issue_reissue("BF1", "A", ReissueKind.MARRIAGE_CERTIFICATE, on=datetime.date(2025, 3, 1),
        ...                   registry="620521").marriage_id
        'M1'
        >>> reg.counts(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))["marriage_reissues"]
        1
        """
        if reissue_id in self._reissues:
            raise refusal(
                "registration.duplicate", field="registration", citation=_code(1049), id=reissue_id
            )
        issued, marriage_id = self._reissue(person_id, kind, on)
        record = ReissueRecord(
            reissue_id=reissue_id,
            person_id=person_id,
            requested=kind,
            issued=issued,
            issued_on=on,
            registry=registry,
            marriage_id=marriage_id,
        )
        self._reissues[reissue_id] = record
        return record

    @locked
    def counts(self, start: datetime.date, end: datetime.date) -> dict[str, int]:
        """A year's figures for [start, end].

        ``marriages`` registered; ``divorces`` certified by the registry and
        ``court_divorces`` recorded; divorce ``applications`` received, of which
        ``withdrawn`` (or deemed withdrawn) and ``lapsed`` (the marriage ended by a
        death or a judgment first) by ``end``; reissues handled — ``marriage_reissues``
        (补发结婚证), ``divorce_reissues`` (补发离婚证) and ``record_certificates``
        (婚姻登记记录证明 instead of a certificate).

        >>> MarriageRegister().counts(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
        ... # doctest: +NORMALIZE_WHITESPACE
        {'marriages': 0, 'divorces': 0, 'court_divorces': 0, 'applications': 0, 'withdrawn': 0,
         'lapsed': 0, 'marriage_reissues': 0, 'divorce_reissues': 0, 'record_certificates': 0}
        """

        def in_period(day: datetime.date | None) -> bool:
            return day is not None and start <= day <= end

        marriages = sum(1 for m in self._marriages.values() if in_period(m.registered_on))
        divorces = sum(
            1
            for a in self._applications.values()
            if in_period(a.certified_on) and a.application_id not in self._lapses
        )
        court = sum(
            1 for m in self._marriages.values() if m.ended_by == "court" and in_period(m.ended_on)
        )
        received = [a for a in self._applications.values() if in_period(a.received_on)]
        statuses = [self.status_of(a.application_id, end) for a in received]
        issued = [r.issued for r in self._reissues.values() if in_period(r.issued_on)]
        return {
            "marriages": marriages,
            "divorces": divorces,
            "court_divorces": court,
            "applications": len(received),
            "withdrawn": sum(
                s in (DivorceStatus.WITHDRAWN, DivorceStatus.DEEMED_WITHDRAWN) for s in statuses
            ),
            "lapsed": statuses.count(DivorceStatus.LAPSED),
            "marriage_reissues": issued.count(ReissueKind.MARRIAGE_CERTIFICATE),
            "divorce_reissues": issued.count(ReissueKind.DIVORCE_CERTIFICATE),
            "record_certificates": issued.count(ReissueKind.RECORD_CERTIFICATE),
        }
