"""A registry's year — marriages, divorces with cooling-off, reissues — and an organisation register.

Run: python examples/registry_year.py [--locale en]
"""

from __future__ import annotations

import argparse
import datetime
import random

from minzheng.codes import Sex
from minzheng.dates import ChineseHolidayCalendar
from minzheng.errors import RuleViolation
from minzheng.i18n import format_count, format_percent
from minzheng.people import Person
from minzheng.registration import (
    AnnualInspection,
    DivorceAgreement,
    InspectionResult,
    MarriageRegister,
    OrgType,
    ReissueKind,
    SocialOrganisation,
    dormant_organisations,
    participation_rate,
)

D = datetime.date


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--locale", default="zh_Hans")
    args = parser.parse_args()
    locale = args.locale
    rng = random.Random(7933)
    register = MarriageRegister(calendar=ChineseHolidayCalendar())
    start, end = D(2025, 1, 1), D(2025, 12, 31)

    refusals: dict[str, int] = {}
    for n in range(300):
        day = start + datetime.timedelta(days=rng.randrange(365))
        he = Person(
            person_id=f"M{n}",
            sex=Sex.MALE,
            birth_date=D(rng.randint(1975, 2004), rng.randint(1, 12), 1),
        )
        she = Person(
            person_id=f"F{n}",
            sex=Sex.FEMALE,
            birth_date=D(rng.randint(1977, 2006), rng.randint(1, 12), 1),
        )
        try:
            register.register_marriage(f"JH{n:04d}", he, she, on=day, registry="620521")
        except RuleViolation as err:
            refusals[err.code] = refusals.get(err.code, 0) + 1

    marriages = list(register.marriages)
    for n, marriage in enumerate(rng.sample(marriages, 40)):
        received = max(marriage.registered_on, D(2025, 1, 1)) + datetime.timedelta(
            days=rng.randrange(60)
        )
        if received > D(2025, 10, 1):
            continue
        agreement = DivorceAgreement(
            signed_by={marriage.party_a, marriage.party_b},
            children_arranged=True,
            property_arranged=True,
            debts_arranged=True,
        )
        application = register.apply_for_divorce(
            f"LH{n:03d}", marriage.marriage_id, on=received, registry="620521", agreement=agreement
        )
        outcome = rng.random()
        if outcome < 0.25:
            register.withdraw(
                application.application_id,
                by=marriage.party_b,
                on=received + datetime.timedelta(days=rng.randint(1, 30)),
            )
        elif outcome < 0.85:
            day = application.cooling_off_ends() + datetime.timedelta(days=rng.randint(1, 25))
            if day <= application.collection_deadline():
                register.certify(application.application_id, on=day, registry="620521")

    for n, m in enumerate(marriages[:20]):
        register.issue_reissue(
            f"BF{n:03d}", m.party_a, ReissueKind.MARRIAGE_CERTIFICATE, on=end, registry="620521"
        )
    counts = register.counts(start, end)
    print(
        f"结婚登记 {format_count(counts['marriages'], 'couple', locale)}, "
        f"离婚登记 {format_count(counts['divorces'], 'couple', locale)}; "
        f"离婚申请 {counts['applications']}, 撤回或视为撤回 {counts['withdrawn']}"
    )
    print("refused:", ", ".join(f"{code} × {n}" for code, n in sorted(refusals.items())))
    print(
        "reissues:",
        counts["marriage_reissues"],
        "certificates,",
        counts["record_certificates"],
        "record certificates",
    )

    orgs = [
        SocialOrganisation(
            org_id=f"O{n:03d}",
            name=f"社会组织{n}",
            kind=rng.choice(list(OrgType)),
            registry="320700",
            founded_on=D(rng.randint(2005, 2023), 6, 1),
        )
        for n in range(120)
    ]
    inspections = [
        AnnualInspection(org_id=o.org_id, year=year, result=rng.choice(list(InspectionResult)))
        for o in orgs
        for year in (2023, 2024)
        if rng.random() < 0.8
    ]
    print(
        f"年检参检率 2024: {format_percent(participation_rate(orgs, inspections, 2024), locale, places=2)}"
    )
    dormant = dormant_organisations(orgs, inspections, year=2024)
    print(f"“僵尸型”候选 (两年未年检): {format_count(len(dormant), 'institution', locale)}")


if __name__ == "__main__":
    main()
