"""The zh_Hant catalogue converts characters, never vocabulary; statute titles survive intact.

Traditional-Chinese text is the Simplified text converted character by character
(OpenCC s2t/s2tw plus the reviewed glossary), so a statute keeps its name:
《最低生活保障审核确认办法》 must not become 稽核 (OpenCC s2twp's Taiwan vocabulary),
困难 must not become 睏难 (an s2t phrase misreading).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import opencc
import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).parents[2]
PO = ROOT / "src" / "minzheng" / "i18n" / "locale" / "zh_Hant" / "LC_MESSAGES" / "minzheng.po"
GLOSSARY = ROOT / "src" / "minzheng" / "i18n" / "glossary_zh_Hant.tsv"
DICTIONARY = Path(opencc.__file__).parent / "dictionary"
TITLE = re.compile(r"《([^》]*)》")
_S2T = opencc.OpenCC("s2t")
_S2TW = opencc.OpenCC("s2tw")

#: Words OpenCC s2twp substitutes (Taiwan vocabulary) that must not appear in the catalogue.
S2TWP_VOCABULARY = (
    "稽核",  # 审核
    "社群",  # 社区
    "程式碼",  # 代码
    "專案",  # 项目
    "透過",  # 通过
    "登出",  # 注销
    "宣告",  # 声明
    "查詢不到",  # 查找不到
    "欄位",  # 字段
    "型別",  # 类型
    "檔案",  # 文件
    "字串",  # 字符串
    "支援",  # 支持
    "資料",  # 数据
    "資訊",  # 信息
    "物件",  # 对象
)
#: s2t's phrase misreadings in this domain (the glossary fixes them): never in the catalogue.
S2T_MISREADINGS = (
    "睏",  # 困难 read as 好睏 (sleepy) in 做好困难群众
    "額髮",  # 金额发放 read as 額髮 (forehead hair)
)


@cache
def _candidates() -> dict[str, set[str]]:
    """Simplified character → every Traditional character s2t/s2tw may give for it."""
    table: dict[str, set[str]] = {}
    for line in (DICTIONARY / "STCharacters.txt").read_text(encoding="utf-8").splitlines():
        source, choices = line.split("\t")
        table.setdefault(source, {source}).update(choices.split())
    variants: dict[str, str] = {}
    for line in (DICTIONARY / "TWVariants.txt").read_text(encoding="utf-8").splitlines():
        source, variant = line.split("\t")
        variants[source] = variant.split()[0]
    for options in table.values():
        options.update({variants[t] for t in options if t in variants})
    return table


def _is_character_conversion(simplified: str, traditional: str, *, strict: bool = False) -> bool:
    """Same length, and each character is the source or one of its s2t/s2tw conversions.

    ``strict``: only the character's own conversion (s2t's first choice, or its
    Taiwan form) or the glossary's — for titles, where no phrase reading applies.
    """
    if len(simplified) != len(traditional):
        return False
    if strict:
        allowed = [{s, _S2T.convert(s), _S2TW.convert(s)} for s in simplified]
        for term, converted in _glossary().items():
            start = simplified.find(term)
            while start != -1:
                for offset, char in enumerate(converted):
                    allowed[start + offset].add(char)
                start = simplified.find(term, start + 1)
        return all(t in ok for t, ok in zip(traditional, allowed, strict=True))
    table = _candidates()
    return all(
        t == s or t in table.get(s, {s}) for s, t in zip(simplified, traditional, strict=True)
    )


def _entries() -> list[tuple[str | None, str, str]]:
    with PO.open("rb") as fh:
        catalog = read_po(fh)
    return [(m.context, str(m.id), str(m.string)) for m in catalog if m.id]


def _glossary() -> dict[str, str]:
    terms = {}
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            simplified, traditional = line.split("\t")[:2]
            terms[simplified] = traditional
    return terms


def test_the_checker_refuses_vocabulary_substitutions() -> None:
    assert _is_character_conversion("最低生活保障审核确认办法", "最低生活保障審核確認辦法")
    assert _is_character_conversion("最低生活保障审核确认办法", "最低生活保障審覈確認辦法")
    assert not _is_character_conversion("最低生活保障审核确认办法", "最低生活保障稽核確認辦法")
    assert not _is_character_conversion("做好困难群众", "做好睏難群眾", strict=True)
    assert _is_character_conversion("做好困难群众", "做好困難群眾", strict=True)
    assert not _is_character_conversion("社区", "社群")
    assert not _is_character_conversion("代码", "程式碼")


def test_statute_and_instrument_titles_map_back_character_for_character() -> None:
    titles = 0
    for context, msgid, msgstr in _entries():
        pairs = list(zip(TITLE.findall(msgid), TITLE.findall(msgstr), strict=True))
        if context == "Instrument":
            pairs.append((msgid, msgstr))
        for simplified, traditional in pairs:
            titles += 1
            assert _is_character_conversion(simplified, traditional, strict=True), (
                simplified,
                traditional,
            )
    assert titles >= 20


def test_every_entry_is_a_character_conversion_of_its_msgid() -> None:
    wrong = [
        (msgid, msgstr)
        for _, msgid, msgstr in _entries()
        if not _is_character_conversion(msgid, msgstr)
    ]
    assert not wrong, wrong[:10]


@pytest.mark.parametrize("word", S2TWP_VOCABULARY)
def test_no_s2twp_vocabulary(word: str) -> None:
    found = [
        (msgid, msgstr)
        for _, msgid, msgstr in _entries()
        if word in msgstr and word not in _S2TW.convert(msgid) and word not in _S2T.convert(msgid)
    ]
    assert not found, found[:5]


@pytest.mark.parametrize("word", S2T_MISREADINGS)
def test_no_s2t_misreadings(word: str) -> None:
    found = [(msgid, msgstr) for _, msgid, msgstr in _entries() if word in msgstr]
    assert not found, found[:5]


def test_glossary_terms_are_character_conversions_and_applied() -> None:
    glossary = _glossary()
    assert glossary["审核"] == "審核" and glossary["困难"] == "困難"
    for simplified, traditional in glossary.items():
        assert _is_character_conversion(simplified, traditional), (simplified, traditional)
    for _, msgid, msgstr in _entries():
        for simplified, traditional in glossary.items():
            start = msgid.find(simplified)
            while start != -1:
                assert msgstr[start : start + len(simplified)] == traditional, (msgid, msgstr)
                start = msgid.find(simplified, start + 1)


def test_reviewed_entries_are_marked_and_drafts_stay_marked() -> None:
    with PO.open("rb") as fh:
        catalog = read_po(fh)
    markers = [" ".join(m.auto_comments) for m in catalog if m.id]
    assert all(m.startswith(("reviewed:", "draft:")) for m in markers)
    assert not any("s2twp" in m for m in markers)
