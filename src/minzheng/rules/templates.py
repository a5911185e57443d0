"""Reason and decision templates in Simplified Chinese.

They are the msgids of the catalogue contexts ``reason``, ``decision`` and ``rounding``;
translations live in the catalogues.
"""

from __future__ import annotations

__all__ = ["DECISION_TEXT", "REASON_TEMPLATES", "ROUNDING_TERMS"]

#: Reason code → template (``str.format`` fields are the reason's params).
REASON_TEMPLATES: dict[str, str] = {
    "member.head": "{person}为申请人（户主）",
    "member.spouse": "{person}是配偶，计入共同生活的家庭成员",
    "member.minor_child": "{person}是未成年子女，计入共同生活的家庭成员",
    "member.adult_child_dependent": "{person}是不能独立生活的成年子女，计入共同生活的家庭成员",
    "member.adult_child_student": "{person}是在校接受全日制本科及以下学历教育的成年子女，计入共同生活的家庭成员",
    "member.support_duty": "{person}与申请人有法定赡养、扶养或者抚养关系且长期共同居住，计入共同生活的家庭成员",
    "member.no_support_duty": "{person}与申请人无法定赡养、扶养或者抚养关系，不计入共同生活的家庭成员",
    "member.not_living_together": "{person}未与申请人长期共同居住，不计入共同生活的家庭成员",
    "member.not_in_household": "{person}在{on}不是本户成员",
    "member.excluded_sentence": "{person}正在服刑，不计入共同生活的家庭成员",
    "member.excluded_drug_rehab": "{person}正在强制隔离戒毒，不计入共同生活的家庭成员",
    "member.excluded_missing": "{person}已被宣告失踪，不计入共同生活的家庭成员",
    "member.excluded_clergy": "{person}是连续三年以上（含三年）脱离家庭在宗教场所居住的宗教教职人员，不计入共同生活的家庭成员",
    "income.excluded": "{source}不计入家庭收入",
    "income.total": "计入的家庭月收入合计{total}元，共同生活家庭成员{members}人",
    "dibao.income_below_standard": "家庭月人均收入{income}元，低于当地低保标准{standard}",
    "dibao.income_not_below_standard": "家庭月人均收入{income}元，不低于当地低保标准{standard}",
    "dibao.property_ok": "家庭财产状况符合当地规定",
    "dibao.property_fails": "家庭财产状况不符合当地规定：{detail}",
    "dibao.difference": "按差额保障：（标准{standard_amount}元 − 月人均收入{income}元）× {members}人 = {amount}元/月",
    "dibao.full_amount": "家庭无可计算收入，按标准全额保障",
    "dibao.supplement": "分类施保：{person}（{category}）增发{amount}元/月",
    "dibao.no_members": "没有计入的共同生活家庭成员",
    "dibao.single_person": "{person}按单人户纳入低保（{category}）",
    "dibao.single_person_not_edge": "家庭不是低保边缘家庭，不适用单人户施保",
    "dibao.single_person_category_missing": "{person}不属于可以单独纳入低保的人员",
    "dibao.review_yearly": "家庭收入状况相对稳定，每年核查一次",
    "dibao.review_half_yearly": "家庭有劳动能力成员且收入不稳定，每半年核查一次",
    "dibao.gradual_exit": "家庭成员就业后人均收入超过标准，给予{months}个月渐退期，至{until}止按原金额发放",
    "dibao.gradual_exit_ended": "渐退期已于{until}结束",
    "dibao.below_standard_again": "人均收入已回落到标准以下，按差额重新核定",
    "edge.below_line": "家庭月人均收入{income}元，低于低保边缘标准{line}（低保标准的{multiple}倍）",
    "edge.not_below_line": "家庭月人均收入{income}元，不低于低保边缘标准{line}",
    "edge.dibao_eligible": "家庭符合低保条件，不认定为低保边缘家庭",
    "tekun.version": "适用{version}",
    "tekun.elderly": "{person}年满{age}周岁（60周岁以上），无劳动能力",
    "tekun.minor": "{person}未满{limit}周岁，无劳动能力",
    "tekun.minor_continues": "{person}是已纳入供养的未成年人，供养至18周岁",
    "tekun.in_school_extension": "{person}年满18周岁仍在接受义务教育或高中阶段教育，继续供养",
    "tekun.disability": "{person}为{category}{grade}，无劳动能力",
    "tekun.has_work_capacity": "{person}不属于无劳动能力的情形",
    "tekun.no_means": "{person}月收入{income}元，低于当地低保标准{standard}，且财产符合规定，无生活来源",
    "tekun.has_means": "{person}月收入{income}元，不低于当地低保标准{standard}",
    "tekun.property_fails": "财产状况不符合特困人员供养的规定",
    "tekun.no_obligor": "{person}无法定赡养、抚养、扶养义务人",
    "tekun.obligors_lack_capacity": "{person}的法定义务人均无履行义务能力",
    "tekun.obligor_capable": "法定义务人{obligor}有履行义务能力",
    "tekun.orphan_priority": "{person}同时符合孤儿条件，优先纳入孤儿基本生活保障",
    "tekun.self_care": "生活自理能力：{tier}（{failed}项日常生活活动不能自主完成）",
    "tekun.basic_standard": "基本生活标准{standard}",
    "tekun.care_standard": "照料护理标准{standard}（{form}，{tier}）",
    "tekun.care_standard_missing": "当地未设{form}{tier}照料护理标准",
    "temporary.kind": "救助类型：{kind}",
    "temporary.need": "核定救助需求{need}元",
    "temporary.cap": "救助上限：{months}个月 × 低保标准{standard_amount}元 × {members}人 = {cap}元",
    "temporary.capped": "救助金额以上限{cap}元为限",
    "temporary.floor": "救助金额不低于下限{floor}元",
    "temporary.no_need": "没有核定的救助需求",
    "rigid.in_other_programme": "家庭已纳入{programme}，不再认定为刚性支出困难家庭",
    "rigid.income_below": "家庭月人均收入{income}元，低于上年度当地居民人均可支配收入（月均{threshold}元）",
    "rigid.income_not_below": "家庭月人均收入{income}元，不低于上年度当地居民人均可支配收入（月均{threshold}元）",
    "rigid.ratio_above": "近12个月刚性支出{expenditure}元，占家庭总收入{income}元的{ratio}，超过规定比例{threshold}",
    "rigid.ratio_not_above": "近12个月刚性支出{expenditure}元，占家庭总收入{income}元的{ratio}，未超过规定比例{threshold}",
    "rigid.valid_until": "认定有效期至{until}",
    "tekun.obligor_not_assessed": "法定义务人{obligor}的履行义务能力尚未认定",
    "case.transition": "当前状态“{status}”不能进行“{action}”",
    "case.date_order": "事件日期{on}早于上一事件日期{last}",
    "case.publicity_running": "公示期（{days}天）至{ends}届满，{on}不能审批",
    "case.exclusive": "{person}已在{other}（案件{other_case}）中，不能同时纳入{programme}",
    "case.unknown": "没有编号为{case_id}的案件",
    "case.duplicate": "案件编号{case_id}已存在",
    "standard.derived": "{programme}标准按{base}标准{base_amount}的{multiple}倍计算，{rounding}",
}

#: Lines of a rendered decision.
DECISION_TEXT: tuple[str, ...] = (
    "{programme}：符合条件",
    "{programme}：不符合条件",
    "保障金额：{amount}",
    "救助金额：{amount}元",
    "适用标准：{standard}（{division}，自{effective}起执行）",
    "有效期至{until}",
    "依据",
)

#: Rounding policy name → how a decision says it.
ROUNDING_TERMS: dict[str, str] = {
    "none": "不取整",
    "to_fen": "四舍五入到分",
    "up_to_fen": "向上取整到分",
    "to_jiao": "四舍五入到角",
    "to_yuan": "四舍五入到元",
    "up_to_yuan": "向上取整到元",
    "down_to_yuan": "向下取整到元",
    "up_to_ten_yuan": "向上取整到十元",
}
