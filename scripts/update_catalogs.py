"""Refresh the gettext catalogues from the code: add new entries, drop obsolete ones.

    python scripts/update_catalogs.py [--fill LOCALE=translations.json ...]

Every ``zh_Hant`` entry is converted character by character: OpenCC ``s2tw``
(s2t plus Taiwan character forms, *no* regional vocabulary — never ``s2twp``,
which renames statutes: 审核 → 稽核, 困难 → 睏难, 社区 → 社群), then the reviewed
glossary ``src/minzheng/i18n/glossary_zh_Hant.tsv`` fixes what s2t gets wrong
in this domain (额发 → 額髮, 好困 → 好睏 …). An entry whose text changes gets a
``draft`` comment; a reviewer replaces it with ``reviewed`` once checked, and an
unchanged reviewed entry stays reviewed. New ``en`` entries are left empty (the test
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
GLOSSARY = ROOT.parent / "glossary_zh_Hant.tsv"
DRAFT = "draft: OpenCC s2tw + glossary, review"
REVIEWED = "reviewed: OpenCC s2tw + glossary"


def load_glossary(path: Path = GLOSSARY) -> dict[str, str]:
    """The reviewed Simplified → Traditional terms (each the same length as its source)."""
    terms: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        simplified, traditional = line.split("\t")[:2]
        if len(simplified) != len(traditional):
            raise SystemExit(f"glossary: {simplified} → {traditional} changes the length")
        terms[simplified] = traditional
    return terms


def to_traditional(text: str, converter: object, glossary: dict[str, str]) -> str:
    """``text`` converted with OpenCC (character for character), then the glossary's terms."""
    out = list(converter.convert(text))  # type: ignore[attr-defined]
    if len(out) != len(text):
        raise SystemExit(f"conversion changed the length of {text!r}")
    for simplified in sorted(glossary, key=len, reverse=True):
        start = text.find(simplified)
        while start != -1:
            out[start : start + len(simplified)] = glossary[simplified]
            start = text.find(simplified, start + 1)
    return "".join(out)


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
        glossary = load_glossary()
        for context, msgid in wanted:
            previous = old.get(msgid, context=context)
            string = previous.string if previous is not None else ""
            comments = list(previous.auto_comments) if previous is not None else []
            fill = fills.get(locale, {}).get(f"{context}\u0004{msgid}")
            if fill:
                string = fill
            if locale == "zh_Hant":
                if converter is None:
                    from opencc import OpenCC

                    converter = OpenCC("s2tw")
                converted = to_traditional(msgid, converter, glossary)
                if converted != string or comments != [REVIEWED]:
                    string, comments = converted, [DRAFT]
            new.add(msgid, string=string, context=context, auto_comments=comments)
        path = ROOT / locale / "LC_MESSAGES" / "minzheng.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            write_po(fh, new, width=100, omit_header=False, sort_output=False)
        missing = sum(1 for m in new if m.id and not m.string)
        print(f"{locale}: {len(new)} entries, {missing} untranslated")


if __name__ == "__main__":
    main()
