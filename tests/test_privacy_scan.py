"""Scan every public record type for personal data in its default text forms.

Each public ``attrs`` class of minzheng (found by walking the packages' ``__all__``)
is instantiated holding known identity numbers, names, birth dates and phone
numbers; its ``repr``/``str``, the errors raised from it, what ``minzheng inspect``
prints and what ``LoadResult.write_rejects`` writes must hold none of them in a
form that rebuilds them: no full identity number, no eight birth-date digits, no
full birth date, no full name, no full phone number.

A new public record type fails :func:`test_every_public_record_type_is_covered`
until it is given an instance below.
"""

from __future__ import annotations

import contextlib
import datetime
import importlib
import io
import json
import pkgutil
import types
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import minzheng
from minzheng.cli import main
from minzheng.codes import Area, DisabilityCategory, DisabilityGrade, Relationship, Sex
from minzheng.dates import Month
from minzheng.errors import MinzhengError
from minzheng.i18n import format_date
from minzheng.ids import DisabilityCertificateNo, ResidentId
from minzheng.io import LoadResult, RosterRow, load
from minzheng.money import Rate
from minzheng.people import (
    Disability,
    Household,
    IncomeItem,
    IncomeSource,
    Membership,
    Person,
)
from minzheng.programmes import Programme

# -- the personal data every instance holds ------------------------------------------------

ID = "11010519491231002X"  # 王秀英, female, born 1949-12-31
BORN = datetime.date(1949, 12, 31)
NAME = "王秀英"
ID2 = "620521198502101233"  # 李建国, male, born 1985-02-10
BORN2 = datetime.date(1985, 2, 10)
NAME2 = "李建国"
PHONE = "13812345678"
CERT = ID + "11"  # a disability certificate: the identity number, category 1, grade 1
LEGACY = "110105491231002"  # the 15-digit form of ID


def _date_forms(day: datetime.date) -> list[str]:
    forms = [
        day.isoformat(),
        day.strftime("%Y%m%d"),
        day.strftime("%Y/%m/%d"),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
        repr(day),
        f"{day.year}, {day.month}, {day.day}",
    ]
    forms += [format_date(day, locale) for locale in ("zh_Hans", "zh_Hant", "en")]
    return forms


FORBIDDEN: list[str] = [
    ID,
    ID.lower(),
    ID2,
    LEGACY,
    CERT,
    NAME,
    NAME2,
    PHONE,
    *_date_forms(BORN),
    *_date_forms(BORN2),
]


def leaks(text: str) -> list[str]:
    """The forbidden values found in ``text``."""
    return [value for value in FORBIDDEN if value in text]


def assert_clean(text: str, where: str) -> None:
    found = leaks(text)
    assert not found, f"{where} shows {found}: {text[:2000]}"


# -- every public record type -----------------------------------------------------------------


def public_record_types() -> dict[str, type]:
    """Every ``attrs`` class named in the ``__all__`` of a public minzheng module."""
    found: dict[str, type] = {}
    for module in pkgutil.walk_packages(minzheng.__path__, "minzheng."):
        if any(part.startswith("_") for part in module.name.split(".")):
            continue
        loaded = importlib.import_module(module.name)
        for name in getattr(loaded, "__all__", ()):
            obj = getattr(loaded, name, None)
            if isinstance(obj, type) and attrs.has(obj):
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return found


def person() -> Person:
    return Person(
        person_id="P1",
        resident_id=ResidentId.parse(ID),
        name=NAME,
        disability=Disability(
            category=DisabilityCategory.VISUAL,
            grade=DisabilityGrade.FIRST,
            certificate=DisabilityCertificateNo.parse(CERT),
        ),
    )


def person2() -> Person:
    return Person(person_id="P2", resident_id=ResidentId.parse(ID2), name=NAME2, birth_date=BORN2)


def household() -> Household:
    return Household(
        household_id="H1",
        division="620521",
        area=Area.RURAL,
        members=(
            Membership(person=person2(), relationship=Relationship.HEAD),
            Membership(person=person(), relationship=Relationship.MOTHER),
        ),
    )


def roster_csv() -> str:
    text = "户编号,身份证号,姓名,出生日期,联系电话,保障金额\n"
    text += f"H1,{ID2},{NAME2},{BORN2.isoformat()},{PHONE},430\n"
    text += f"H1,{ID},{NAME},{BORN.isoformat()},{PHONE},abc\n"  # rejected: the amount
    text += f"H2,{ID[:-1]}1,{NAME},1949/12/31,{PHONE},\n"  # rejected: the checksum
    text += f"H3,{ID2},{NAME2},{BORN.isoformat()},{PHONE},\n"  # rejected: birth date ≠ number
    return text


def load_result() -> LoadResult[RosterRow]:
    return load(io.StringIO(roster_csv()), RosterRow, format="csv")


def inspection() -> Any:
    from minzheng.ids.inspect import inspect_code

    return inspect_code(ID)


def county() -> Any:
    from minzheng.synth import synthetic_county

    return _CACHE.setdefault("county", synthetic_county("620521", persons=60, seed=1))


_CACHE: dict[str, Any] = {}


def decision() -> Any:
    from minzheng.assistance import decide_tekun
    from minzheng.synth import demo_book

    return decide_tekun(household(), "P1", on=datetime.date(2025, 6, 1), book=demo_book())


def assessment() -> Any:
    from minzheng.care import AbilityAssessment, AbilityItem

    scores = {item: item.max_score for item in AbilityItem}
    return AbilityAssessment(assessed_on=datetime.date(2025, 3, 1), scores=scores)


def stat_table() -> Any:
    from minzheng.stats import Fact, aggregate, by_programme

    facts = [
        Fact(programme=Programme.DIBAO, household=ID2, person=p, birth_date=BORN) for p in (ID, ID2)
    ]
    return aggregate(facts, by=[by_programme()])


#: Instances built by hand (or by the library's own builders), by class name.
HAND_BUILT: dict[str, Callable[[], Any]] = {
    "Person": person,
    "Household": household,
    "Membership": lambda: Membership(person=person(), relationship=Relationship.HEAD),
    "RosterRow": lambda: RosterRow(
        household_id="H1", resident_id=ID, name=NAME, birth_date=BORN, programme=Programme.DIBAO
    ),
    "LoadResult": load_result,
    "RejectedRow": lambda: load_result().rejected[0],
    "Inspection": inspection,
    "County": county,
    "CountyYear": lambda: importlib.import_module("minzheng.stats.year").county_year(county()),
    "ResidentId": lambda: ResidentId.parse(ID),
    "DisabilityCertificateNo": lambda: DisabilityCertificateNo.parse(CERT),
    "Disability": lambda: person().disability,
    "Decision": decision,
    "AbilityAssessment": assessment,
    "StatTable": stat_table,
    "Dimension": lambda: importlib.import_module("minzheng.stats").by_age_band(
        datetime.date(2025, 1, 1)
    ),
    "Division": lambda: importlib.import_module("minzheng.divisions").get("110105"),
    "StatCode": lambda: importlib.import_module("minzheng.divisions").StatCode.parse(
        "110105001001"
    ),
    "Codec": lambda: importlib.import_module("minzheng.frames.schema").codec_for(Rate),
    "CreditCode": lambda: importlib.import_module("minzheng.ids").CreditCode.parse(
        "53100000500021676K"
    ),
    "RoundingPolicy": lambda: importlib.import_module("minzheng.money").DOWN_TO_YUAN,
    "Ruling": lambda: importlib.import_module("minzheng.rules").Ruling(
        matter=Programme.DIBAO, on=datetime.date(2025, 3, 1), subject=ID
    ),
    "DivisionChange": lambda: importlib.import_module("minzheng.divisions").changes(
        since=2021, until=2021, under="330100"
    )[2],
    "ReportDeadline": lambda: importlib.import_module(
        "minzheng.registration.organisations"
    ).ReportDeadline(supervising_unit=(3, 31), registry=(5, 31), article=28),
    "AnnualInspection": lambda: importlib.import_module("minzheng.registration").AnnualInspection(
        org_id="O1",
        year=2024,
        result=next(iter(importlib.import_module("minzheng.registration").InspectionResult)),
    ),
}


#: Fields that key a person or a household: callers may use the identity number.
KEY_FIELDS = {
    "person_id",
    "household_id",
    "beneficiary",
    "subject",
    "owner",
    "party_a",
    "party_b",
    "towards",
}

#: Fields outside ``Person`` and ``RosterRow`` that hold a person's name.
PERSON_NAME_FIELDS = {("SocialOrganisation", "legal_representative"), ("CareVisit", "visitor")}


def _first_enum(tp: type[Enum]) -> Any:
    return next(iter(tp))


def _value_for(cls: type, field: attrs.Attribute[Any], tp: Any) -> Any:
    """A value for a required field: personal fields get the known personal data."""
    name = field.name
    if (cls.__name__, name) in PERSON_NAME_FIELDS:
        return NAME
    if cls.__name__ == "Fact" and name in ("person", "household"):
        return ID
    if name in KEY_FIELDS and tp in (str, str | None):
        return ID  # systems often key people by their identity number
    if name == "persons" and tp == frozenset[str]:
        return frozenset({ID, ID2})
    if name == "birth_date":
        return BORN
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return _value_for(cls, field, next(a for a in args if a is not type(None)))
    if origin in (tuple, list, frozenset, set):
        item = _value_for(cls, field, args[0])
        return origin([item])
    if origin is dict or tp is dict:
        return {}
    if tp is str:
        return "K1"
    if tp is bool:
        return False
    if tp is int:
        return 1
    if tp is Decimal:
        return Decimal("1")
    if tp is datetime.date:
        return datetime.date(2025, 1, 1)
    if tp is Month:
        return Month(2025, 1)
    if tp is Rate:
        return Rate.monthly("100")
    if tp is Person:
        return person()
    if tp is ResidentId:
        return ResidentId.parse(ID)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return _first_enum(tp)
    if isinstance(tp, type) and attrs.has(tp):
        return build(tp)
    raise TypeError(f"no value for {cls.__name__}.{name}: {tp!r}")


def build(cls: type) -> Any:
    """An instance of ``cls``: hand-built, or from its required fields (plus personal ones)."""
    if cls.__name__ in HAND_BUILT:
        return HAND_BUILT[cls.__name__]()
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if not field.init:
            continue
        personal = (
            field.name in ("birth_date", "persons", *KEY_FIELDS)
            or (cls.__name__, field.name) in PERSON_NAME_FIELDS
            or (cls.__name__ == "Fact" and field.name in ("person", "household"))
        )
        if field.default is not attrs.NOTHING and not personal:
            continue
        kwargs[field.alias] = _value_for(cls, field, hints[field.name])
    return cls(**kwargs)


RECORD_TYPES = public_record_types()


def test_every_public_record_type_is_covered() -> None:
    assert len(RECORD_TYPES) > 50
    failures = {}
    for qualname, cls in RECORD_TYPES.items():
        try:
            build(cls)
        except Exception as exc:  # name the types that need a hand-built instance
            failures[qualname] = repr(exc)
    assert not failures, failures


def personal_values(obj: Any, found: set[str] | None = None, depth: int = 0) -> set[str]:
    """Every identity number, birth date and person name held anywhere inside ``obj``."""
    found = set() if found is None else found
    if depth > 12:
        return found
    if isinstance(obj, ResidentId):
        found |= {obj.value, obj.value[6:14], *_date_forms(obj.birth_date)}
    elif isinstance(obj, DisabilityCertificateNo):
        found.add(obj.value)
        personal_values(obj.resident_id, found, depth + 1)
    elif isinstance(obj, Person | RosterRow):
        if obj.name and len(obj.name) > 1:
            found.add(obj.name)
        if obj.birth_date is not None:
            found |= set(_date_forms(obj.birth_date))
    if attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):
            personal_values(getattr(obj, field.name), found, depth + 1)
    elif isinstance(obj, dict):
        for value in obj.values():
            personal_values(value, found, depth + 1)
    elif isinstance(obj, list | tuple | frozenset | set):
        for item in obj:
            personal_values(item, found, depth + 1)
    return found


@pytest.mark.parametrize("qualname", sorted(RECORD_TYPES))
def test_record_text_holds_no_personal_data(qualname: str) -> None:
    obj = build(RECORD_TYPES[qualname])
    held = personal_values(obj)
    for text, where in ((repr(obj), f"repr({qualname})"), (str(obj), f"str({qualname})")):
        assert_clean(text, where)
        shown = sorted(value for value in held if value in text)
        assert not shown, f"{where} shows {shown}"


def test_a_synthetic_county_shows_none_of_its_people() -> None:
    """The county's own (synthetic) people: thousands of numbers, names and birth dates."""
    held = personal_values(county())
    assert len(held) > 100  # the walk finds them
    text = repr(county())
    assert not sorted(value for value in held if value in text)


def test_the_scan_sees_personal_data_when_it_is_there() -> None:
    """The values the scan looks for are really in the instances (the test can fail)."""
    p = person()
    assert p.resident_id is not None and p.resident_id.value == ID
    assert p.name == NAME and p.birth_date == BORN
    found = leaks(f"{p.resident_id.value} {p.name} {p.birth_date!r}")
    assert {ID, NAME, "19491231", repr(BORN)} <= set(found)
    assert build(RECORD_TYPES["minzheng.stats.facts.Fact"]).person == ID
    assert build(RECORD_TYPES["minzheng.io.roster.RosterRow"]).to_fact(keys="raw").person == ID


# -- derived records and errors ---------------------------------------------------------------


def keyed_by_identity_numbers() -> Household:
    """A household whose system keys people by identity number, without names."""
    head = Person(person_id=ID2, resident_id=ResidentId.parse(ID2))
    mother = Person(person_id=ID, resident_id=ResidentId.parse(ID))
    return Household(
        household_id=ID2,
        division="620521",
        area=Area.RURAL,
        members=(
            Membership(person=head, relationship=Relationship.HEAD),
            Membership(person=mother, relationship=Relationship.MOTHER),
        ),
    )


def derived() -> Iterator[tuple[str, Any]]:
    """Objects the records make: facts, decisions, explanations, member lists."""
    from minzheng.assistance import decide_dibao, decide_tekun
    from minzheng.synth import demo_book

    on, book = datetime.date(2025, 6, 1), demo_book()
    keyed = keyed_by_identity_numbers()
    for made in (
        decide_tekun(keyed, ID, on=on, book=book),
        decide_dibao(keyed, on=on, book=book),
        decide_tekun(household(), "P1", on=on, book=book),
    ):
        yield "Decision", made
        for locale in ("zh_Hans", "zh_Hant", "en"):
            yield f"Decision.explain({locale})", made.explain(locale)
    yield "Household(keyed by numbers)", keyed
    row = build(RECORD_TYPES["minzheng.io.roster.RosterRow"])
    yield "RosterRow.to_fact()", row.to_fact()
    yield "RosterRow.to_fact(keys='raw')", row.to_fact(keys="raw")
    yield "LoadResult.accepted", load_result().accepted
    yield "LoadResult.errors()", load_result().errors("en")
    yield "Household.members", household().members


DERIVED = list(derived())


@pytest.mark.parametrize("index", range(len(DERIVED)))
def test_derived_text_holds_no_personal_data(index: int) -> None:
    where, obj = DERIVED[index]
    assert_clean(repr(obj), where)
    assert_clean(str(obj), where)


def raising() -> Iterator[tuple[str, Callable[[], Any]]]:
    """Operations on records holding personal data that raise."""
    p = person()
    yield (
        "Person(birth_date≠number)",
        lambda: Person(person_id="P", resident_id=ResidentId.parse(ID), birth_date=BORN2),
    )
    yield (
        "Person(sex≠number)",
        lambda: Person(person_id="P", resident_id=ResidentId.parse(ID), sex=Sex.MALE),
    )
    yield "evolve(Person, birth_date)", lambda: attrs.evolve(p, birth_date=BORN2)
    yield "Person.age_on(before birth)", lambda: p.age_on(datetime.date(1940, 1, 1))
    yield "Person2.age_on(before birth)", lambda: person2().age_on(datetime.date(1980, 1, 1))
    yield "RosterRow(birth_date≠number)", lambda: RosterRow(resident_id=ID, birth_date=BORN2)
    yield "RosterRow(birth_date≠number 2)", lambda: RosterRow(resident_id=ID2, birth_date=BORN)
    yield "RosterRow(bad id)", lambda: RosterRow(resident_id=ID[:-1] + "1", name=NAME)
    yield "ResidentId.parse(phone)", lambda: ResidentId.parse(PHONE)
    yield "ResidentId.parse(legacy typo)", lambda: ResidentId.parse(LEGACY[:-1] + "X")
    yield "structure(Person, birth date in a wrong format)", lambda: _structure_person("1949.12.31")
    yield "structure(Person, birth date with a time)", lambda: _structure_person("1949-12-31 08:00")
    yield (
        "load(jsonl, birth date in a wrong format)",
        lambda: _raise_first_load_error(
            json.dumps({"person_id": "P", "name": NAME, "birth_date": "31/12/1949"})
        ),
    )
    yield (
        "load(csv, birth date in a wrong format)",
        lambda: _raise_first_load_error(
            f"身份证号,姓名,出生日期\n{ID},{NAME},1949-12-31号", "csv", RosterRow
        ),
    )
    yield "Household.person(unknown id)", lambda: household().person(ID[:-1] + "1")
    yield "Person(id as key).age_on(no birth date)", lambda: Person(person_id=ID).age_on(BORN2)
    yield (
        "Household(income of a stranger)",
        lambda: attrs.evolve(
            household(),
            incomes=(
                IncomeItem(
                    person_id=ID[:-1] + "1", source=IncomeSource.WAGE, amount=Rate.monthly("100")
                ),
            ),
        ),
    )
    yield (
        "Disability(certificate mismatch)",
        lambda: Disability(
            category=DisabilityCategory.HEARING,
            grade=DisabilityGrade.FIRST,
            certificate=DisabilityCertificateNo.parse(CERT),
        ),
    )


def _structure_person(birth: str) -> Any:
    from minzheng.io import from_dict

    data = {"person_id": "P", "resident_id": ID, "name": NAME, "birth_date": birth}
    return from_dict(data, Person)


def _raise_first_load_error(text: str, format: str = "jsonl", cls: type = Person) -> None:
    result: LoadResult[Any] = load(io.StringIO(text + "\n"), cls, format=format)
    raise result.rejected[0].errors[0].error


RAISING = list(raising())


@pytest.mark.parametrize("index", range(len(RAISING)))
def test_errors_hold_no_personal_data(index: int) -> None:
    where, call = RAISING[index]
    with pytest.raises(MinzhengError) as caught:
        call()
    err = caught.value
    texts = [str(err), repr(err), json.dumps(err.to_dict("en"), ensure_ascii=False)]
    texts += [err.message(locale) for locale in ("zh_Hans", "zh_Hant", "en")]
    for text in texts:
        assert_clean(text, where)


# -- minzheng inspect -------------------------------------------------------------------------


def run_cli(*argv: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        main(list(argv))
    return out.getvalue()


INSPECT_INPUTS = [
    ID,
    ID.lower(),
    LEGACY,
    CERT,
    ID2,
    PHONE,
    ID[:-1] + "1",
    NAME,
    f"{ID[:6]} {ID[6:]}",
]


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
@pytest.mark.parametrize("as_json", [False, True])
def test_inspect_prints_no_personal_data(locale: str, as_json: bool) -> None:
    argv = ["inspect", "--locale", locale, *(["--json"] if as_json else []), *INSPECT_INPUTS]
    text = run_cli(*argv)
    assert ID[:6] in text  # the address code is shown …
    assert_clean(text, f"minzheng {' '.join(argv)}")  # … and nothing that rebuilds a number


def test_inspect_reveal_shows_everything() -> None:
    text = run_cli("inspect", "--reveal", ID)
    assert ID in text and "1949" in text
    assert leaks(text)  # so the clean runs above could have failed


# -- reject files -----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_reject_files_hold_no_personal_data(tmp_path: Path, suffix: str) -> None:
    result = load_result()
    assert len(result.rejected) == 3
    out = result.write_rejects(tmp_path / f"rejects{suffix}", locale="en")
    if suffix == ".csv":
        text = out.read_text("utf-8-sig")
    else:
        import openpyxl

        sheet = openpyxl.load_workbook(out).active
        text = "\n".join(
            ",".join(str(c or "") for c in row) for row in sheet.iter_rows(values_only=True)
        )
    assert "H2" in text  # the clerk can still find the rows …
    assert_clean(text, f"write_rejects({suffix})")  # … without the file holding the people


def test_reject_files_reveal_on_request(tmp_path: Path) -> None:
    out = load_result().write_rejects(tmp_path / "rejects.csv", reveal=True)
    assert ID in out.read_text("utf-8-sig")


def test_validate_command_rejects_file(tmp_path: Path) -> None:
    source = tmp_path / "roster.csv"
    source.write_text(roster_csv(), encoding="utf-8")
    text = run_cli(
        "validate", str(source), "--rejects", str(tmp_path / "out.csv"), "--locale", "en"
    )
    assert_clean(text, "minzheng validate")
    assert_clean((tmp_path / "out.csv").read_text("utf-8-sig"), "minzheng validate --rejects")
    run_cli("validate", str(source), "--rejects", str(tmp_path / "all.csv"), "--reveal")
    assert ID in (tmp_path / "all.csv").read_text("utf-8-sig")


# -- records drawn by minzheng.testing's strategies -------------------------------------------


def _keyed_by_number(person: Person) -> Person:
    if person.resident_id is None:
        return person
    return attrs.evolve(person, person_id=person.resident_id.value)


def _generated() -> Any:
    from hypothesis import strategies as st

    from minzheng import testing

    return st.one_of(
        testing.persons(),
        testing.persons().map(_keyed_by_number),
        testing.households(),
        testing.stays(),
        testing.couples(),
        testing.facts(),
        testing.entitlements(),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_generated())
def test_generated_records_show_none_of_their_numbers_and_names(obj: Any) -> None:
    held = {
        value
        for value in personal_values(obj)
        if (len(value) in (18, 8) and value.isalnum()) or not value.isascii()
    }
    for text in (repr(obj), str(obj)):
        assert not sorted(value for value in held if value in text), text[:500]
