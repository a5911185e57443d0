"""Error-message templates, keyed by error code, in Simplified Chinese (the msgids).

Templates use ``str.format`` fields; ``{field}`` and ``{value}`` (masked where
personal) are always available, other fields come from the error's params. The
``zh_Hant`` and ``en`` renderings live in the gettext catalogues (msgctxt
``error``). A code without its own template falls back to its class's default.
"""

from __future__ import annotations

from typing import Any

__all__ = ["MESSAGES", "SafeParams", "template_for"]

MESSAGES: dict[str, str] = {
    # class defaults
    "minzheng.error": "{field}：出错：{value}",
    "value.invalid": "{field}：值无效：{value}",
    "value.format": "{field}：格式无效：{value}",
    "value.length": "{field}：长度无效：{value}",
    "value.checksum": "{field}：校验码错误：{value}",
    "value.component": "{field}：组成部分无效：{value}",
    "value.range": "{field}：应为{min}至{max}的整数：{value}",
    "date.invalid": "{field}：日期无效：{value}",
    "amount.invalid": "{field}：金额无效：{value}",
    "record.inconsistent": "{field}：与记录中的其他字段不一致：{value}",
    "rule.violated": "{field}：违反业务规则：{value}",
    "code.unknown": "{field}：未知代码：{value}",
    "records.invalid": "{count}个值无效；第一个：{first}",
    "standard.not_found": "{field}：没有找到{programme}在{division}于{on}适用的标准（{area}{variant}）",
    "standard.row": "{field}：标准记录无效：{value}",
    "standard.conflict": "{field}：{programme}在{division}（{area}{variant}）自{effective}起有两个不同的标准：{first}与{second}",
    "standard.negative": "{field}：标准金额不能为负数：{value}",
    "person.sex": "{field}：与身份号码不一致：{value}",
    "person.birth_date": "{field}：与身份号码不一致：{value}",
    "person.birth_date_missing": "{field}：缺少出生日期：{value}",
    "disability.certificate": "{field}：残疾人证号与残疾类别或等级不一致：{value}",
    "disability.certificate_holder": "{field}：残疾人证号与本人身份号码不一致：{value}",
    "household.head": "{field}：每户须有且只有一名户主，实有{count}名",
    "household.duplicate_member": "{field}：同一人在户内重复登记：{value}",
    "household.unknown_member": "{field}：不是本户成员：{value}",
    "income.unknown_person": "{field}：收入所属人员不是本户成员：{value}",
    "dibao.termination_reasons_missing": "{field}：停止发放低保金，应当书面说明理由",
    "tekun.no_grounds": "{field}：没有终止{person}救助供养的情形",
    "tekun.publicity_running": "{field}：终止救助供养的公示期至{ends}届满，{on}不能作出终止决定",
    "case.transition": "{field}：当前状态“{status}”不能进行“{action}”",
    "case.date_order": "{field}：事件日期{on}早于上一事件日期{last}",
    "case.publicity_running": "{field}：公示期（{days}天）至{ends}届满，{on}不能审批",
    "case.exclusive": "{field}：{person}已在{other}（案件{other_case}）中，不能同时纳入{programme}",
    "case.unknown": "{field}：没有编号为{case_id}的案件",
    "case.duplicate": "{field}：案件编号{case_id}已存在",
    "case.decision_ineligible": "{field}：决定为不符合条件，不能审批纳入{programme}",
    "payments.duplicate": "{field}：{person}在{month}已领取{programme}，不能重复发放",
    "payments.negative": "{field}：{person}在{month}的{programme}追回金额超过已发放金额",
    "payments.sign": "{field}：{kind}金额的正负不符：{value}",
    "payments.not_eligible": "{field}：不符合条件的决定不能产生待遇：{value}",
    "payments.fraud_multiple": "{field}：罚款应为骗取金额的1倍以上3倍以下，不能按{multiple}倍处罚",
    "care.institution_unknown": "{field}：没有编号为{institution}的机构",
    "care.bed_unknown": "{field}：没有编号为{bed}的床位",
    "care.stay_unknown": "{field}：没有编号为{stay}的入住记录",
    "care.duplicate": "{field}：编号{id}已存在",
    "care.date_order": "{field}：日期顺序错误（{start}之后不能是{end}）",
    "care.bed_occupied": "{field}：床位{bed}在{on}已有人入住（{stay}）",
    "care.bed_out_of_service": "{field}：床位{bed}在{on}或其后停用，不能入住",
    "care.person_in_stay": "{field}：{person}在{on}已有入住记录（{stay}）",
    "care.stay_closed": "{field}：入住记录{stay}已结束",
    "care.not_out_of_service": "{field}：床位{bed}在{on}没有停用",
    "ability.item_score": "{field}：评估得分应为0至{max}的整数：{value}",
    "ability.items_missing": "{field}：评估项目不完整，缺少：{value}",
    "registration.duplicate": "{field}：编号{id}已存在",
    "marriage.under_age": "{field}：{person}{age}周岁，未达到法定婚龄{minimum}周岁",
    "marriage.already_married": "{field}：{person}已有配偶（婚姻登记{marriage}）",
    "marriage.prohibited_kinship": "{field}：双方为{kinship}，禁止结婚",
    "marriage.documents_missing": "{field}：缺少证件材料：{documents}",
    "marriage.wrong_registry": "{field}：{registry}不是任一方常住户口所在地的婚姻登记机关",
    "divorce.no_marriage": "{field}：没有有效的婚姻登记{marriage}",
    "divorce.pending": "{field}：婚姻登记{marriage}已有未办结的离婚申请",
    "divorce.withdraw_closed": "{field}：离婚冷静期已于{ends}届满，{on}不能撤回",
    "divorce.not_collectable": "{field}：离婚申请当前为“{status}”，{on}不能发给离婚证",
    "divorce.other_registry": "{field}：应当到受理离婚申请的婚姻登记机关{registry}申请发给离婚证",
    "marriage.same_person": "{field}：结婚双方为同一人（{person}）",
    "marriage.sex_unknown": "{field}：{person}的性别不明，无法确认为男女双方结婚",
    "marriage.same_sex": "{field}：双方均为{sex}；依照民法典第一千零四十六条、第一千零四十九条，结婚应当由男女双方自愿并亲自申请登记",
    "marriage.party_deceased": "{field}：{person}已于{died}死亡，不能办理结婚登记",
    "marriage.overlaps": "{field}：{person}自{registered_on}起另有婚姻登记{marriage}，与本次登记的婚姻时间重叠",
    "divorce.unknown_application": "{field}：没有编号为{application}的离婚申请",
    "divorce.not_a_party": "{field}：{person}不是婚姻登记{marriage}的当事人，不能撤回离婚申请",
    "divorce.marriage_ended": "{field}：婚姻登记{marriage}已于{ended_on}终止，不能再办理离婚登记",
    "divorce.agreement_missing": "{field}：没有双方签署的书面离婚协议",
    "divorce.agreement_unsigned": "{field}：离婚协议应当由婚姻登记{marriage}的双方当事人签署",
    "divorce.not_voluntary": "{field}：离婚协议没有载明双方自愿离婚的意思表示",
    "divorce.children_not_arranged": "{field}：离婚协议没有就子女抚养协商一致",
    "divorce.property_not_arranged": "{field}：离婚协议没有就财产处理协商一致",
    "divorce.debts_not_arranged": "{field}：离婚协议没有就债务处理协商一致",
    "adoption.not_eligible": "{field}：收养不符合法定条件（{reasons}）",
    "adoption.decision_mismatch": "{field}：收养决定与本次登记的被收养人或者日期{on}不符（决定日期{decided_on}）",
    "adoption.self": "{field}：收养人与被收养人为同一人",
    "adoption.already_adopted": "{field}：被收养人已有收养登记{adoption}（自{registered_on}起），不能再次收养",
    "adoption.unknown": "{field}：没有编号为{adoption}的收养登记",
    "adoption.already_dissolved": "{field}：收养登记{adoption}已于{dissolved_on}解除",
    "adoption.before_registration": "{field}：收养登记{adoption}自{registered_on}起成立，{on}不能解除",
    "adoption.dissolution_refused": "{field}：被收养人成年以前，收养人不得解除收养关系，但收养人、送养人双方协议解除的除外",
    "organisation.credit_code": "{field}：统一社会信用代码的机构类别与{kind}不符：{value}",
    "stats.needs_programme": "{field}：生成表述需要按项目分组（当前分组：{value}）",
    "stats.needs_dimension": "{field}：绘图需要至少一个分组维度",
    "frames.unsupported_type": "{field}：类型{value}没有对应的Arrow表示",
    "frames.type_needed": "{field}：空记录列表须指明记录类型",
    "frames.columns_missing": "{field}：缺少列：{value}",
    "frames.unknown_check": "{field}：没有名为{value}的列校验",
    "frames.unknown_dimension": "{field}：数据框不支持的分组维度：{value}",
    "frames.money_range": "{field}：金额超出Arrow可保存的范围（整数最多{digits}位，小数最多{places}位）：{value}",
    "frames.value": "{field}：无法写入Arrow表：{value}",
    "io.unknown_key": "{field}：不允许的字段：{value}",
    "io.missing_key": "{field}：缺少字段：{value}",
    "io.wrong_type": "{field}：类型不符：{value}",
    "io.json": "{field}：不是有效的JSON：{value}",
    "io.schema_type": "{field}：无法为此类型生成JSON Schema：{value}",
    "io.format": "{field}：无法识别的文件格式：{value}",
    "io.record_type": "{field}：不是记录类型：{value}",
    "io.bool": "{field}：应为“是”或“否”：{value}",
    "io.int": "{field}：应为整数：{value}",
    "io.encoding": "{field}：文字编码无法识别（请另存为UTF-8或GB18030）：{value}",
    "io.extra_cells": "{field}：单元格多于表头：{value}",
    "io.duplicate": "{field}：与第{value}行重复",
    "io.csv": "{field}：CSV格式错误：{value}",
    "io.no_file": "{field}：找不到文件：{value}",
    "io.unreadable": "{field}：文件无法读取：{value}",
    "io.duplicate_header": "{field}：表头重复：{value}",
    "io.unclosed_quote": "{field}：引号未闭合，第{value}行无法分行",
    "io.unwritable": "{field}：无法写入文件：{value}",
    "io.not_serialisable": "{field}：含有不能写成JSON的值：{value}",
    "io.too_large": "{field}：超过上限{limit}：{value}",
    "io.too_deep": "{field}：嵌套超过{limit}层",
    "io.too_long": "{field}：文字长度{value}超过上限{limit}个字符",
    "io.too_many_errors": "{field}：错误过多，另有{value}个未列出（上限{limit}）",
    "io.utf8": "{field}：不是有效的UTF-8文字：{value}",
    "io.no_known_columns": "{field}：没有一列能识别（看到的列：{value}）；可识别的列名如：{known}",
    "io.header_row": "{field}：第{value}行为空或不存在，不能作表头",
    "io.sheet": "{field}：工作簿中没有这张表：{value}（有：{sheets}）",
    # resident identity numbers (GB 11643)
    "resident_id.type": "{field}：身份号码应为字符串：{value}",
    "resident_id.length": "{field}：身份号码应为18位（或15位旧号码），实为{length}位：{value}",
    "resident_id.format": "{field}：身份号码前17位须为数字，末位为数字或X：{value}",
    "resident_id.checksum": "{field}：校验码错误（应为{expected}，实为{actual}）：{value}",
    "resident_id.birth_date": "{field}：出生日期码不是有效日期：{value}",
    "resident_id.birth_date_early": "{field}：出生日期早于{earliest}，不可信：{value}",
    "resident_id.birth_date_future": "{field}：出生日期晚于{as_of}：{value}",
    "resident_id.address": "{field}：地址码首位不能为{digit}：{value}",
    "resident_id.spreadsheet_number": (
        "{field}：电子表格把身份号码存成了数字，末几位已丢失（{value}）；"
        "请把该列设为“文本”格式后重新录入或导出"
    ),
    # unified social credit codes (GB 32100)
    "credit_code.type": "{field}：统一社会信用代码应为字符串：{value}",
    "credit_code.length": "{field}：统一社会信用代码应为18位，实为{length}位：{value}",
    "credit_code.format": "{field}：含有不允许的字符（代码不使用I、O、Z、S、V）：{value}",
    "credit_code.checksum": "{field}：校验码错误（应为{expected}，实为{actual}）：{value}",
    "credit_code.org_checksum": (
        "{field}：主体标识码（组织机构代码）校验码错误（应为{expected}，实为{actual}）：{value}"
    ),
    "credit_code.authority": "{field}：登记管理部门代码{authority}无效：{value}",
    "credit_code.org_kind": "{field}：机构类别代码{org_kind}不属于登记管理部门{authority}：{value}",
    "credit_code.division": "{field}：登记管理机关行政区划码{division}无效：{value}",
    # disability certificate numbers
    "disability_certificate.type": "{field}：残疾人证号应为字符串：{value}",
    "disability_certificate.length": "{field}：残疾人证号应为20位，实为{length}位：{value}",
    "disability_certificate.category": "{field}：残疾类别代码{digit}无效（应为1至7）：{value}",
    "disability_certificate.grade": "{field}：残疾等级代码{digit}无效（应为1至4）：{value}",
    # divisions (GB/T 2260) and statistical codes
    "division.format": "{field}：行政区划代码应为6位数字：{value}",
    "division.unknown": "{field}：未知的行政区划代码：{value}",
    "division.unknown_in_year": "{field}：行政区划代码{value}在{year}年不存在",
    "division.year": "{field}：年份应为整数：{value}",
    "division.name_type": "{field}：行政区划名称应为文字：{value}",
    "division.name_unknown": "{field}：未找到名称为“{value}”的行政区划",
    "division.ambiguous": "{field}：行政区划代码{value}在{year}年已分属多个区划：{codes}",
    "stat_code.format": "{field}：统计用区划代码应为12位数字：{value}",
    "stat_code.township": "{field}：乡级代码{digits}不在任何已定义的区段内：{value}",
    "stat_code.village": "{field}：村级代码{digits}不在任何已定义的区段内：{value}",
    # money
    "amount.type": "{field}：金额应为Decimal、整数或字符串：{value}",
    "amount.float": "{field}：金额不得使用浮点数，请使用Decimal、整数或字符串：{value}",
    "amount.format": "{field}：无法识别的金额：{value}",
    "amount.not_finite": "{field}：金额必须是有限数：{value}",
    "amount.decimal": "{field}：金额应为Decimal（不得使用浮点数）：{value}",
    "amount.too_long": "{field}：金额文字过长（{length}个字符，最多{max}个）：{value}",
    "amount.too_large": "{field}：金额的绝对值须小于{max}元：{value}",
    "amount.too_precise": "{field}：金额最多{max}位小数：{value}",
    "rate.inexact": "{field}：{amount}元每{source}无法精确换算为每{target}的金额，请指定舍入规则",
    "rate.period": "{field}：周期应为month（月）或year（年）：{value}",
    "rate.period_mismatch": "{field}：周期不同的金额不能直接计算（{left}与{right}）",
    "ratio.zero_base": "{field}：基数为零，无法计算比率",
    # dates
    "month.format": "{field}：月份应写作YYYY-MM：{value}",
    "date.format": "{field}：日期应写作YYYY-MM-DD：{value}",
    "date.type": "{field}：应为日期：{value}",
    "value.type": "{field}：类型应为{expected}：{value}",
    "age.before_birth": "{field}：计算日期{on}早于出生日期{birth}",
    "deadline.arguments": "{field}：须且只能给出days、months、years之一，且为非负整数",
    "deadline.calendar_range": "{field}：节假日日历不含{date}的数据",
    # code lists
    "ability.score": "{field}：能力评估总分应为0至{max}的整数：{value}",
    "ability.risk_events": "{field}：风险事件次数不能为负数：{value}",
    "synth.year": "{field}：合成数据的年份须在{min}至{max}年之间：{value}",
    "locale.unknown": "{field}：不支持的语言区域：{value}",
}


def template_for(code: str, cls: type) -> str:
    """The template for ``code``, else the default of the nearest class that has one."""
    found = MESSAGES.get(code)
    if found is not None:
        return found
    for klass in cls.__mro__:
        default = getattr(klass, "default_code", None)
        if default is not None and default in MESSAGES:
            return MESSAGES[default]
    return MESSAGES["minzheng.error"]


class SafeParams(dict[str, Any]):
    """A mapping for ``str.format_map`` that leaves unknown placeholders visible.

    >>> "{field}：{missing}".format_map(SafeParams(field="amount"))
    'amount：{missing}'
    """

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
