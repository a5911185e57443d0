"""A county's elderly-care institutions: a year of admissions and discharges, and the year-end indicators.

Run: python examples/county_care.py [--locale en]
"""

from __future__ import annotations

import argparse
import datetime
import random

from minzheng.care import (
    NURSING_BED_TARGET,
    Bed,
    BedKind,
    BedRegister,
    GradingScores,
    Institution,
    InstitutionKind,
    OperatingModel,
    ResidentSource,
    bed_counts,
    graded_share,
    institution_grade,
    occupancy_rate,
    tekun_centralised_rate,
)
from minzheng.errors import RuleViolation
from minzheng.i18n import format_count, format_percent
from minzheng.people import Person

D = datetime.date


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--locale", default="zh_Hans")
    args = parser.parse_args()
    locale = args.locale
    rng = random.Random(2025)

    register = BedRegister()
    homes = [
        (
            "I1",
            "永清中心敬老院",
            InstitutionKind.TEKUN_HOME,
            OperatingModel.PUBLIC,
            60,
            45,
            (95, 100, 110, 430),
        ),
        (
            "I2",
            "清颐老年养护院",
            InstitutionKind.NURSING_HOME,
            OperatingModel.PUBLIC_BUILT_PRIVATE_RUN,
            120,
            110,
            (110, 120, 130, 540),
        ),
        (
            "I3",
            "秦亭镇综合养老服务中心",
            InstitutionKind.COMPREHENSIVE_CENTRE,
            OperatingModel.PUBLIC,
            40,
            20,
            None,
        ),
    ]
    for institution_id, name, kind, model, beds, nursing, scores in homes:
        grade = (
            institution_grade(
                GradingScores(
                    environment=scores[0],
                    facilities=scores[1],
                    management=scores[2],
                    service=scores[3],
                )
            )
            if scores
            else None
        )
        register.add_institution(
            Institution(
                institution_id=institution_id,
                name=name,
                kind=kind,
                division="620521",
                operating_model=model,
                filed_beds=beds,
                grade=grade,
            )
        )
        for n in range(beds):
            register.add_bed(
                Bed(
                    bed_id=f"{institution_id}-{n:03d}",
                    institution_id=institution_id,
                    kind=BedKind.NURSING if n < nursing else BedKind.ORDINARY,
                )
            )

    bed_ids = [b.bed_id for b in register.beds]
    day = D(2025, 1, 1)
    admitted = discharged = refused = 0
    for n in range(400):
        day = min(day + datetime.timedelta(days=rng.randint(0, 1)), D(2025, 12, 31))
        open_stays = [s for s in register.stays if s.discharged is None]
        if open_stays and rng.random() < 0.35:
            register.discharge(rng.choice(open_stays).stay_id, on=day)
            discharged += 1
            continue
        source = ResidentSource.TEKUN if rng.random() < 0.6 else ResidentSource.SOCIAL
        try:
            register.admit(
                f"S{n:04d}",
                Person(person_id=f"P{n:04d}"),
                rng.choice(bed_ids),
                on=day,
                source=source,
            )
            admitted += 1
        except RuleViolation:
            refused += 1

    year_end = D(2025, 12, 31)
    counts = bed_counts(register)[None]
    print(
        f"{format_count(len(register.institutions), 'institution', locale)}, "
        f"{format_count(counts.total, 'bed', locale)}, nursing {format_count(counts.nursing, 'bed', locale)} "
        f"= {format_percent(counts.nursing_share, locale)} (target {format_percent(NURSING_BED_TARGET, locale)})"
    )
    print(
        f"admitted {admitted}, discharged {discharged}, refused {refused} (bed taken or person already in)"
    )
    print(f"occupancy on {year_end}: {format_percent(occupancy_rate(register, year_end), locale)}")
    print(f"graded institutions: {format_percent(graded_share(register.institutions), locale)}")
    for institution in register.institutions:
        grade_text = institution.grade.label(locale) if institution.grade else "—"
        occupancy = occupancy_rate(register, year_end, institution_id=institution.institution_id)
        print(
            f"  {institution.name}: {institution.kind.label(locale)}, {grade_text}, "
            f"{format_percent(occupancy, locale)}"
        )
    print(
        f"特困 centralised-support rate (of 120 特困 people): "
        f"{format_percent(tekun_centralised_rate(register, year_end, tekun_total=120), locale)}"
    )


if __name__ == "__main__":
    main()
