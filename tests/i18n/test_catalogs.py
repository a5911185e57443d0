"""Every label and message is translated in every locale; the catalogues match the code."""

import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from minzheng._extract import messages
from minzheng.codes import all_code_enums
from minzheng.i18n import SUPPORTED_LOCALES, catalog_entries, label

PO_DIR = Path(__file__).parents[2] / "src" / "minzheng" / "i18n" / "locale"
TRANSLATED = [loc for loc in SUPPORTED_LOCALES if loc != "zh_Hans"]


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_message_is_translated(locale: str) -> None:
    entries = catalog_entries(locale)
    missing = [m for m in messages() if m not in entries]
    assert not missing, f"{locale}: untranslated {missing[:10]} (run scripts/update_catalogs.py)"


@pytest.mark.parametrize("locale", TRANSLATED)
def test_catalogue_has_no_obsolete_fuzzy_or_duplicate_entries(locale: str) -> None:
    with (PO_DIR / locale / "LC_MESSAGES" / "minzheng.po").open("rb") as fh:
        catalog = read_po(fh)
    keys = [(m.context, m.id) for m in catalog if m.id]
    assert len(keys) == len(set(keys))
    assert not [m.id for m in catalog if m.id and m.fuzzy]
    assert not catalog.obsolete
    assert set(keys) == set(messages()), "catalogue out of date: run scripts/update_catalogs.py"


@pytest.mark.parametrize("locale", TRANSLATED)
def test_placeholders_survive_translation(locale: str) -> None:
    for (context, msgid), msgstr in catalog_entries(locale).items():
        assert placeholders(msgid) == placeholders(msgstr), (context, msgid, msgstr)


def test_every_enum_member_has_a_label_in_every_locale() -> None:
    for enum_cls in all_code_enums():
        for member in enum_cls:
            for locale in SUPPORTED_LOCALES:
                text = label(member, locale)
                assert text.strip(), (enum_cls.__name__, member, locale)
            assert label(member, "en") != member.term or not re.search(
                r"[\u4e00-\u9fff]", member.term
            )


def test_english_labels_contain_no_chinese() -> None:
    for (context, msgid), msgstr in catalog_entries("en").items():
        assert not re.search(r"[\u4e00-\u9fff]", msgstr), (context, msgid, msgstr)


def test_traditional_labels_contain_no_simplified_only_characters() -> None:
    simplified_only = set("们这个国门东车马鸟鱼长见话语说时间书买卖开关问题图们")
    for (context, msgid), msgstr in catalog_entries("zh_Hant").items():
        assert not simplified_only.intersection(msgstr), (context, msgid, msgstr)
