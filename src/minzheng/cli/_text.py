"""Command-line text in Simplified Chinese: the msgids; translations use context ``cli``."""

from __future__ import annotations

from minzheng.i18n import translate

__all__ = ["UI_TEXT", "t"]

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
)


def t(text: str, locale: object) -> str:
    """Translate a command-line string (it must be listed in :data:`UI_TEXT`)."""
    return translate(text, context="cli", locale=locale)
