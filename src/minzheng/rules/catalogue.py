"""``REASONS``: the public catalogue of every reason code, its message in each locale and its citation.

A reason code is stable: software may switch on it, translators translate its
template, auditors look up its source. The catalogue lists every code a rule in
minzheng can give; :func:`reason_catalogue_markdown` renders it as the
reference page ``docs/reference/reasons.md`` (written by
``scripts/reason_catalogue.py``; a test keeps the page and the code equal).

The citation is the code's *usual* source; a rule may cite a more precise
article or a different version at run time (the 2016 or 2021 特困 办法, a local
rule that replaces a national default).

>>> entry = REASONS["dibao.full_amount"]
>>> entry.citation.render("en")
'Interim Measures on Social Assistance, art. 12'
>>> entry.message("en")
'the household has no countable income: the full standard is paid'
>>> "dibao.full_amount" in REASONS, len(REASONS) > 100
(True, True)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import attrs

from minzheng._validators import typed_fields
from minzheng.i18n import translate
from minzheng.rules.citations import Citation, Instrument
from minzheng.rules.templates import REASON_TEMPLATES

__all__ = ["LOCALES", "REASONS", "ReasonEntry", "reason_catalogue_markdown"]

#: The locales every reason message exists in.
LOCALES = ("zh_Hans", "zh_Hant", "en")

_I = Instrument


def _c(instrument: Instrument, article: int | None = None) -> Citation:
    return Citation(instrument=instrument, article=article)


#: Default source of each code family (the part before the dot).
_FAMILY: dict[str, Citation] = {
    "member": _c(_I.DIBAO_REVIEW_MEASURES),
    "income": _c(_I.DIBAO_REVIEW_MEASURES),
    "dibao": _c(_I.INTERIM_MEASURES, 9),
    "edge": _c(_I.BASIC_LIVING_NOTICE_2020),
    "tekun": _c(_I.INTERIM_MEASURES, 14),
    "temporary": _c(_I.INTERIM_MEASURES, 47),
    "rigid": _c(_I.RIGID_EXPENDITURE_MEASURES),
    "case": _c(_I.DIBAO_REVIEW_MEASURES),
    "child": _c(_I.UNSUPPORTED_CHILDREN_2019),
    "disability": _c(_I.DISABILITY_SUBSIDIES_2015),
    "elderly": _c(_I.LOCAL_RULE),
    "funeral": _c(_I.LOCAL_RULE),
    "payments": _c(_I.INTERIM_MEASURES, 12),
    "care": _c(_I.ELDERLY_INSTITUTION_MEASURES),
    "registration": _c(_I.MARRIAGE_REGULATION),
    "marriage": _c(_I.CIVIL_CODE, 1047),
    "divorce": _c(_I.CIVIL_CODE, 1077),
    "adoption": _c(_I.CIVIL_CODE, 1093),
    "organisation": _c(_I.SOCIAL_GROUP_REGULATION),
    "evaluation": _c(_I.ORGANISATION_EVALUATION_MEASURES),
    "charity": _c(_I.CHARITY_LAW),
    "standard": _c(_I.LOCAL_RULE),
}

#: Codes whose source differs from their family's.
_CODE: dict[str, Citation] = {
    "dibao.difference": _c(_I.INTERIM_MEASURES, 12),
    "dibao.full_amount": _c(_I.INTERIM_MEASURES, 12),
    "dibao.supplement": _c(_I.LOCAL_RULE),
    "dibao.property_ok": _c(_I.LOCAL_RULE),
    "dibao.property_fails": _c(_I.LOCAL_RULE),
    "dibao.single_person": _c(_I.BASIC_LIVING_NOTICE_2020),
    "dibao.single_person_not_edge": _c(_I.BASIC_LIVING_NOTICE_2020),
    "dibao.single_person_category_missing": _c(_I.BASIC_LIVING_NOTICE_2020),
    "dibao.review_yearly": _c(_I.DIBAO_REVIEW_MEASURES),
    "dibao.review_half_yearly": _c(_I.DIBAO_REVIEW_MEASURES),
    "dibao.review_every": _c(_I.LOCAL_RULE),
    "dibao.gradual_exit": _c(_I.REFORM_OPINION_2020),
    "dibao.gradual_exit_ended": _c(_I.LOCAL_RULE),
    "dibao.below_standard_again": _c(_I.DIBAO_REVIEW_MEASURES),
    "dibao.terminated": _c(_I.INTERIM_MEASURES, 13),
    "dibao.termination_reasons_missing": _c(_I.INTERIM_MEASURES, 13),
    "tekun.version": _c(_I.TEKUN_RECOGNITION_2021),
    "tekun.minor_continues": _c(_I.TEKUN_RECOGNITION_2021),
    "tekun.in_school_extension": _c(_I.TEKUN_RECOGNITION_2021),
    "tekun.orphan_priority": Citation(instrument=_I.TEKUN_RECOGNITION_2016, article=9),
    "tekun.self_care": _c(_I.TEKUN_RECOGNITION_2021),
    "tekun.basic_standard": _c(_I.TEKUN_OPINION_2016),
    "tekun.care_standard": _c(_I.LOCAL_RULE),
    "tekun.care_standard_missing": _c(_I.LOCAL_RULE),
    "tekun.obligor_capable": _c(_I.TEKUN_RECOGNITION_2021),
    "tekun.obligor_not_assessed": _c(_I.TEKUN_RECOGNITION_2021),
    "tekun.obligors_lack_capacity": _c(_I.TEKUN_RECOGNITION_2021),
    "tekun.obligor_lacks_capacity": _c(_I.TEKUN_RECOGNITION_2021),
    "tekun.terminated": _c(_I.TEKUN_RECOGNITION_2021),
    "tekun.termination_notice": _c(_I.TEKUN_RECOGNITION_2021),
    "tekun.termination_objection": _c(_I.TEKUN_RECOGNITION_2021),
    "tekun.transfer_dibao": _c(_I.TEKUN_RECOGNITION_2021),
    "tekun.transfer_temporary": _c(_I.TEKUN_RECOGNITION_2021),
    "tekun.no_grounds": _c(_I.TEKUN_RECOGNITION_2021),
    "temporary.kind": _c(_I.TEMPORARY_OPINION_2018),
    "temporary.cap": _c(_I.LOCAL_RULE),
    "temporary.cap_incident": _c(_I.LOCAL_RULE),
    "temporary.capped": _c(_I.LOCAL_RULE),
    "temporary.floor": _c(_I.LOCAL_RULE),
    "marriage.version": _c(_I.MARRIAGE_REGULATION),
    "marriage.already_married": _c(_I.CIVIL_CODE, 1042),
    "marriage.prohibited_kinship": _c(_I.CIVIL_CODE, 1048),
    "divorce.no_marriage": _c(_I.CIVIL_CODE, 1076),
    "marriage.documents_missing": _c(_I.MARRIAGE_REGULATION),
    "marriage.wrong_registry": _c(_I.MARRIAGE_REGULATION),
    "adoption.adopter_age": _c(_I.CIVIL_CODE, 1098),
    "adoption.adopter_too_young": _c(_I.CIVIL_CODE, 1098),
    "adoption.unable_to_raise": _c(_I.CIVIL_CODE, 1098),
    "adoption.disease": _c(_I.CIVIL_CODE, 1098),
    "adoption.criminal_record": _c(_I.CIVIL_CODE, 1098),
    "adoption.too_many_children": _c(_I.CIVIL_CODE, 1100),
    "adoption.number_limit": _c(_I.CIVIL_CODE, 1100),
    "adoption.exempt": _c(_I.CIVIL_CODE, 1100),
    "adoption.joint_required": _c(_I.CIVIL_CODE, 1101),
    "adoption.age_gap": _c(_I.CIVIL_CODE, 1102),
    "adoption.age_gap_ok": _c(_I.CIVIL_CODE, 1102),
    "adoption.step_parent": _c(_I.CIVIL_CODE, 1103),
    "adoption.consent": _c(_I.CIVIL_CODE, 1104),
    "adoption.consent_missing": _c(_I.CIVIL_CODE, 1104),
    "organisation.fund_ok": _c(_I.FOUNDATION_REGULATION),
    "organisation.fund_short": _c(_I.FOUNDATION_REGULATION),
    "organisation.no_numeric_minimum": _c(_I.PRIVATE_NON_ENTERPRISE_REGULATION),
    "organisation.report_on_time": _c(_I.FOUNDATION_REGULATION, 36),
    "organisation.report_late": _c(_I.FOUNDATION_REGULATION, 36),
    "organisation.report_missing": _c(_I.FOUNDATION_REGULATION, 36),
    "organisation.report_not_yet_due": _c(_I.FOUNDATION_REGULATION, 36),
    "charity.not_charity": _c(_I.CHARITY_RECOGNITION_MEASURES),
    "standard.derived": _c(_I.TEKUN_OPINION_2016),
}


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ReasonEntry:
    """One reason code: its Simplified Chinese template (the msgid) and usual citation.

    >>> REASONS["tekun.orphan_priority"].citation.render()
    '《特困人员认定办法（2016年）》第九条'
    """

    code: str
    template: str
    citation: Citation | None = None

    @property
    def family(self) -> str:
        """The part of the code before the dot (``"dibao"``).

        >>> REASONS["dibao.full_amount"].family
        'dibao'
        """
        return self.code.partition(".")[0]

    def message(self, locale: object = "zh_Hans") -> str:
        """The template in ``locale`` (its ``{fields}`` are the reason's parameters).

        >>> REASONS["dibao.full_amount"].message("zh_Hant")
        '家庭無可計算收入，按標準全額保障'
        """
        return translate(self.template, context="reason", locale=locale)

    def messages(self) -> dict[str, str]:
        """The template in each of :data:`LOCALES`.

        >>> sorted(REASONS["dibao.no_members"].messages())
        ['en', 'zh_Hans', 'zh_Hant']
        """
        return {locale: self.message(locale) for locale in LOCALES}


class _Catalogue(Mapping[str, ReasonEntry]):
    """A read-only view of the reason templates as entries."""

    def __getitem__(self, code: str) -> ReasonEntry:
        template = REASON_TEMPLATES[code]
        citation = _CODE.get(code) or _FAMILY.get(code.partition(".")[0])
        return ReasonEntry(code=code, template=template, citation=citation)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(REASON_TEMPLATES))

    def __len__(self) -> int:
        return len(REASON_TEMPLATES)

    def __repr__(self) -> str:
        return f"<REASONS: {len(self)} codes>"


#: Every reason code → its :class:`ReasonEntry` (read-only; sorted by code).
REASONS: Mapping[str, ReasonEntry] = _Catalogue()


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def reason_catalogue_markdown() -> str:
    """The reference page of every reason code (``docs/reference/reasons.md``).

    >>> page = reason_catalogue_markdown()
    >>> page.splitlines()[0], "`dibao.full_amount`" in page
    ('# Reason codes', True)
    """
    lines = [
        "# Reason codes",
        "",
        "<!-- Generated by scripts/reason_catalogue.py from minzheng.rules.REASONS;"
        " do not edit by hand. -->",
        "",
        "Every reason a rule gives has a stable code. Its message exists in three locales;"
        " `{fields}` are the reason's parameters, rendered for the locale. The citation is"
        " the code's usual source — a rule may cite a more precise article at run time.",
        "Look a code up in Python with `minzheng.rules.REASONS[code]`.",
    ]
    families: dict[str, list[ReasonEntry]] = {}
    for code in REASONS:
        entry = REASONS[code]
        families.setdefault(entry.family, []).append(entry)
    for family, entries in families.items():
        lines += ["", f"## {family}", ""]
        lines += [
            "| Code | 简体中文 | 繁體中文 | English | Citation |",
            "| --- | --- | --- | --- | --- |",
        ]
        for entry in entries:
            cite = entry.citation.render("en") if entry.citation is not None else ""
            texts = entry.messages()
            cells = [f"`{entry.code}`", texts["zh_Hans"], texts["zh_Hant"], texts["en"], cite]
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"
