"""Citations of law: which instrument, which article.

Every reason a rule gives cites its source; the instruments are a code list so
their titles have labels in each locale. Article numbers render as statutes
write them: 《社会救助暂行办法》第九条, 《社會救助暫行辦法》第九條, "Interim Measures
on Social Assistance, art. 9".

>>> c = Citation(instrument=Instrument.INTERIM_MEASURES, article=9)
>>> c.render(), c.render("zh_Hant"), c.render("en")
('《社会救助暂行办法》第九条', '《社會救助暫行辦法》第九條', 'Interim Measures on Social Assistance, art. 9')
"""

from __future__ import annotations

import attrs

from minzheng._bounds import MAX_ARTICLE, within
from minzheng._validators import typed_fields
from minzheng.codes import CodeEnum
from minzheng.i18n import resolve_locale
from minzheng.rules.numerals import chinese_numeral

__all__ = ["Citation", "Instrument"]


class Instrument(CodeEnum):
    """Laws, regulations and policy documents minzheng's rules rest on (DOMAIN.md §4–§7).

    >>> Instrument.CIVIL_CODE.label("en")
    'Civil Code of the PRC'
    """

    CIVIL_CODE = "civil_code", "中华人民共和国民法典"
    INTERIM_MEASURES = "interim_measures", "社会救助暂行办法"
    DIBAO_REVIEW_MEASURES = "dibao_review_measures", "最低生活保障审核确认办法"
    TEKUN_RECOGNITION_2016 = "tekun_recognition_2016", "特困人员认定办法（2016年）"
    TEKUN_RECOGNITION_2021 = "tekun_recognition_2021", "特困人员认定办法（2021年）"
    TEKUN_OPINION_2016 = "tekun_opinion_2016", "国务院关于进一步健全特困人员救助供养制度的意见"
    REFORM_OPINION_2020 = "reform_opinion_2020", "关于改革完善社会救助制度的意见"
    BASIC_LIVING_NOTICE_2020 = (
        "basic_living_notice_2020",
        "关于进一步做好困难群众基本生活保障工作的通知",
    )
    RIGID_EXPENDITURE_MEASURES = "rigid_expenditure_measures", "刚性支出困难家庭认定办法"
    TEMPORARY_NOTICE_2014 = "temporary_notice_2014", "国务院关于全面建立临时救助制度的通知"
    TEMPORARY_OPINION_2018 = (
        "temporary_opinion_2018",
        "民政部 财政部关于进一步加强和改进临时救助工作的意见",
    )
    DISABILITY_SUBSIDIES_2015 = (
        "disability_subsidies_2015",
        "国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见",
    )
    UNSUPPORTED_CHILDREN_2019 = (
        "unsupported_children_2019",
        "关于进一步加强事实无人抚养儿童保障工作的意见",
    )
    AGEING_PLAN_14TH = "ageing_plan_14th", "“十四五”国家老龄事业发展和养老服务体系规划"
    ELDERLY_INSTITUTION_MEASURES = "elderly_institution_measures", "养老机构管理办法"
    MARRIAGE_REGULATION = "marriage_regulation", "婚姻登记条例"
    ADOPTION_MEASURES = "adoption_measures", "中国公民收养子女登记办法"
    SOCIAL_GROUP_REGULATION = "social_group_regulation", "社会团体登记管理条例"
    PRIVATE_NON_ENTERPRISE_REGULATION = (
        "private_non_enterprise_regulation",
        "民办非企业单位登记管理暂行条例",
    )
    FOUNDATION_REGULATION = "foundation_regulation", "基金会管理条例"
    ORGANISATION_EVALUATION_MEASURES = "organisation_evaluation_measures", "社会组织评估管理办法"
    CHARITY_LAW = "charity_law", "中华人民共和国慈善法"
    CHARITY_RECOGNITION_MEASURES = "charity_recognition_measures", "慈善组织认定办法"
    LOCAL_RULE = "local_rule", "地方规定"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Citation:
    """An instrument and, where known, the article and paragraph; ``note`` flags doubts.

    >>> Citation(instrument=Instrument.CIVIL_CODE, article=1077, paragraph=2).render("en")
    'Civil Code of the PRC, art. 1077(2)'
    """

    instrument: Instrument
    article: int | None = attrs.field(default=None, validator=within(0, MAX_ARTICLE))
    paragraph: int | None = attrs.field(default=None, validator=within(0, MAX_ARTICLE))
    note: str | None = None

    def render(self, locale: object = "zh_Hans") -> str:
        """The citation as text in ``locale``.

        >>> Citation(instrument=Instrument.LOCAL_RULE).render()
        '《地方规定》'
        """
        name = resolve_locale(locale)
        title = self.instrument.label(name)
        if name == "en":
            text = title
            if self.article is not None:
                text += f", art. {self.article}"
                if self.paragraph is not None:
                    text += f"({self.paragraph})"
            return text
        article_word, paragraph_word = ("條", "款") if name == "zh_Hant" else ("条", "款")
        text = f"《{title}》"
        if self.article is not None:
            text += f"第{chinese_numeral(self.article)}{article_word}"
            if self.paragraph is not None:
                text += f"第{chinese_numeral(self.paragraph)}{paragraph_word}"
        return text

    def __str__(self) -> str:
        return self.render()
