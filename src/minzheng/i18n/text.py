"""The library's own words: field titles, headings and report lines, in every locale.

What :func:`~minzheng.ids.inspect_code` says about a code, the county year's report
(:mod:`minzheng.stats.year`), the rejects file's header (:mod:`minzheng.io`) and what
the command line prints. The msgids are the Simplified Chinese text, listed in
:data:`UI_TEXT`; their catalogue context is ``cli`` (where they were first used).

>>> ui_text("行政区划", "en"), ui_text("行政区划", "zh_Hant")
('Division', '行政區劃')
"""

from __future__ import annotations

from minzheng.i18n.catalog import translate

__all__ = ["UI_TEXT", "ui_text"]

#: Every msgid of :func:`ui_text`; ``scripts/update_catalogs.py`` puts them in the catalogues.
UI_TEXT: tuple[str, ...] = (
    "有效",
    "无效",
    "居民身份号码",
    "统一社会信用代码",
    "残疾人证号",
    "行政区划代码",
    "统计用区划代码",
    "无法识别的代码",
    "原因",
    "种类",
    "地址码",
    "行政区划",
    "出生日期",
    "出生年份",
    "年龄",
    "性别",
    "顺序码",
    "校验码",
    "由15位旧号码转换",
    "世纪存疑（旧号码百岁老人顺序码）",
    "不在历史代码表中（可能已撤销）",
    "登记管理部门",
    "机构类别",
    "登记管理机关",
    "全国",
    "组织机构代码",
    "残疾类别",
    "残疾等级",
    "名称",
    "级别",
    "上级",
    "有效年份",
    "至今",
    "此前",
    "历史名称",
    "乡级",
    "村级",
    "所属县级区划",
    "持证人身份号码",
    "是",
    "行号",
    "问题",
    "{name}{year}年民政工作概览（合成数据，不含真实个人信息）",
    "一、社会救助",
    "二、养老服务",
    "三、登记管理",
    "项目",
    "户数",
    "人数",
    "发放资金（万元）",
    "养老机构{institutions}家，床位{beds}张，其中护理型床位{nursing}张，护理型床位占比{share}；在院老人{residents}人",
    "登记社会组织{count}家；办理结婚登记{marriages}对",
    "已写入：{path}",
    "按月发放资金（元）",
    "共读取{read}行：通过{accepted}行，未通过{rejected}行",
    "第{row}行",
    "未通过的行已写入：{path}",
    "决定",
    "月保障金额合计",
    "跳过{skipped}行（合计、落款等不是记录的行）",
)


def ui_text(text: str, locale: object) -> str:
    """Translate one of the library's own strings (it must be listed in :data:`UI_TEXT`).

    >>> ui_text("第{row}行", "en").format(row=3)
    'Row 3'
    """
    return translate(text, context="cli", locale=locale)
