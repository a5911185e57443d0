"""Refresh the gettext catalogues from the code: add new entries, drop obsolete ones.

    python scripts/update_catalogs.py [--fill LOCALE=translations.json ...]

New ``zh_Hant`` entries are drafted with OpenCC (s2twp) and marked with a
``draft`` comment for review — mainland and Taiwan administrative terms differ,
so a converted label is a draft. New ``en`` entries are left empty (the test
suite lists them) unless ``--fill en=FILE`` gives a JSON object mapping
``"context\\u0004msgid"`` to the translation. Needs the ``dev`` extra.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from minzheng._extract import messages

ROOT = Path(__file__).resolve().parents[1] / "src" / "minzheng" / "i18n" / "locale"
LOCALES = {"zh_Hant": "zh_Hant_TW", "en": "en"}
DRAFT = "draft: OpenCC s2twp, review"
# s2twp's phrase tables turn some administrative words into IT or Taiwan usage; undo them.
CORRECTIONS = {"程式碼": "代碼", "虛擬社群": "虛擬社區", "物件": "對象"}


def _load(locale: str) -> Catalog:
    path = ROOT / locale / "LC_MESSAGES" / "minzheng.po"
    if path.exists():
        with path.open("rb") as fh:
            return read_po(fh, locale=LOCALES[locale], domain="minzheng")
    return Catalog(locale=LOCALES[locale], domain="minzheng", project="minzheng")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fill", action="append", default=[], metavar="LOCALE=FILE")
    args = parser.parse_args()
    fills: dict[str, dict[str, str]] = {}
    for spec in args.fill:
        locale, _, file = spec.partition("=")
        fills[locale] = json.loads(Path(file).read_text(encoding="utf-8"))
    wanted = messages()
    for locale in LOCALES:
        old = _load(locale)
        new = Catalog(
            locale=LOCALES[locale],
            domain="minzheng",
            project="minzheng",
            version="",
            copyright_holder="The minzheng developers",
            msgid_bugs_address="",
            fuzzy=False,
            creation_date=old.creation_date,
            revision_date=old.revision_date,
        )
        converter = None
        for context, msgid in wanted:
            previous = old.get(msgid, context=context)
            string = previous.string if previous is not None else ""
            comments = list(previous.auto_comments) if previous is not None else []
            fill = fills.get(locale, {}).get(f"{context}\u0004{msgid}")
            if fill:
                string = fill
            if not string and locale == "zh_Hant":
                if converter is None:
                    from opencc import OpenCC

                    converter = OpenCC("s2twp")
                string = converter.convert(msgid)
                for wrong, right in CORRECTIONS.items():
                    string = string.replace(wrong, right)
                comments = [DRAFT]
            new.add(msgid, string=string, context=context, auto_comments=comments)
        path = ROOT / locale / "LC_MESSAGES" / "minzheng.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            write_po(fh, new, width=100, omit_header=False, sort_output=False)
        missing = sum(1 for m in new if m.id and not m.string)
        print(f"{locale}: {len(new)} entries, {missing} untranslated")


if __name__ == "__main__":
    main()
