"""Build minzheng's division data from the ministry's year-end code lists.

Reads a copy of the CC0 data set ``yescallop/areacodes`` (the Ministry of Civil
Affairs' year-end lists of county-level-and-above codes, ``data/<year>.txt``,
and the year-to-year differences with the approving announcements,
``diff/<y1>-<y2>.diff``) straight from its git directory and writes

* ``src/minzheng/divisions/data/divisions.tsv`` — every (code, name, first
  year, last year) span, plus the summary lines (市辖区, 省直辖县级行政单位) the
  lists leave out, flagged ``s``;
* ``src/minzheng/divisions/data/changes.tsv.gz`` — one line per change: year,
  date, kind, the records before and after, the territory links between them
  and the approving announcement.

Usage::

    python scripts/build_divisions.py --repo /path/to/areacodes[.git] [--commit REV]

The reading of the difference format is this script's own (from the data set's
``diff-spec.md``); no code of the data set is used.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "minzheng" / "divisions" / "data"
MUNICIPALITIES = ("11", "12", "31", "50")

Table = dict[str, str]  # code -> name, one year-end list


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", f"--git-dir={repo}", *args], check=True, capture_output=True, text=True
    ).stdout


def git_dir(repo: Path) -> Path:
    return repo / ".git" if (repo / ".git").exists() else repo


def read_table(text: str) -> Table:
    table: Table = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        code, name = line.split()
        table[code] = name
    return table


# -- spans -------------------------------------------------------------------


def summary_name(code: str, table: Table) -> str | None:
    """The name of a summary line the lists leave out, or None when none is customary."""
    province = code[:2]
    if code[2:4] == "90":
        name = table.get(province + "0000", "")
        return "自治区直辖县级行政单位" if name.endswith("自治区") else "省直辖县级行政单位"
    if province in MUNICIPALITIES:
        return {"01": "市辖区", "02": "县", "03": "市"}.get(code[2:4])
    return None


def spans(tables: dict[int, Table]) -> list[tuple[str, str, int, int, str]]:
    """(code, name, first, last, flag) for every run of years a code kept one name."""
    years = sorted(tables)
    rows: list[tuple[str, str, int, int, str]] = []
    per_code: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for year in years:
        table = tables[year]
        summaries: dict[str, str] = {}
        for code in table:
            prefecture = code[:4] + "00"
            if code[4:] != "00" and prefecture not in table:
                name = summary_name(prefecture, table)
                if name is not None:
                    summaries[prefecture] = name
        for code, name in table.items():
            per_code[code].append((year, name, ""))
        for code, name in summaries.items():
            per_code[code].append((year, name, "s"))
    for code in sorted(per_code):
        run: list[tuple[int, str, str]] = []
        for year, name, flag in per_code[code]:
            if run and (run[-1][0] + 1 != year or run[-1][1] != name or run[-1][2] != flag):
                rows.append((code, run[0][1], run[0][0], run[-1][0], run[0][2]))
                run = []
            run.append((year, name, flag))
        rows.append((code, run[0][1], run[0][0], run[-1][0], run[0][2]))
    return rows


# -- differences -------------------------------------------------------------

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_CN_DIGITS |= {"七": 7, "八": 8, "九": 9}


def _cn_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return int("".join(str(_CN_DIGITS[c]) for c in text))


def parse_date(text: str) -> str:
    """ISO date of '2021年3月11日' / '一九八五年四月十五日'; '' when not a full date."""
    match = re.search(
        r"([0-9〇○零一二三四五六七八九]{4})年([0-9一二三四五六七八九十]{1,3})月([0-9一二三四五六七八九十]{1,3})日",
        text,
    )
    if not match:
        return ""
    try:
        return datetime.date(*(_cn_number(g) for g in match.groups())).isoformat()
    except (KeyError, ValueError):
        return ""


def parent_code(code: str, table: Table) -> str:
    if code[2:] == "0000":
        return "000000"
    if code[4:] != "00" and code[:4] + "00" in table:
        return code[:4] + "00"
    return code[:2] + "0000"


class Resolver:
    """Finds the record a selector names in one year's list (diff-spec.md, 记录选择器)."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.by_name: dict[str, list[str]] = defaultdict(list)
        for code, name in table.items():
            self.by_name[name].append(code)

    def named(self, value: str, current_parent_name: str) -> str:
        hits = self.by_name.get(value, [])
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            value = current_parent_name + value
        for size in range(1, len(value)):
            marked = self.by_name.get(value[:size], [])
            if len(marked) > 1:
                continue
            if len(marked) == 1:
                rest = value[size:]
                found = [
                    c for c in self.by_name.get(rest, []) if parent_code(c, self.table) == marked[0]
                ]
                if len(found) == 1:
                    return found[0]
        raise LookupError(value)


def parse_diff(text: str, year: int, source: Table, target: Table) -> list[dict[str, object]]:
    """The change blocks of one year's difference file, with resolved links."""
    src, dst = Resolver(source), Resolver(target)
    blocks: list[dict[str, object]] = []
    meta: dict[str, str] = {}
    lines: list[tuple[str, str, str, str]] = []
    in_comment = False

    def flush() -> None:
        if lines:
            blocks.append({"meta": dict(meta), "lines": list(lines)})
            lines.clear()

    for raw in text.splitlines():
        if not raw.strip():
            continue
        if raw.startswith("#"):
            if not in_comment:
                flush()
                meta.clear()
                in_comment = True
            body = raw.lstrip("#").strip()
            if raw.startswith("## ") and "title" not in meta:
                meta["title"] = body
            for key, field in (
                ("文号", "number"),
                ("日期", "date"),
                ("时间", "date"),
                ("来源", "source"),
            ):
                if body.startswith(key + "：") and field not in meta:
                    meta[field] = body[len(key) + 1 :].strip()
            continue
        in_comment = False
        kind, rest = raw[0], raw[1:]
        match = re.match(r"^(\d{6}) ([^<>]+)([<>].*)?$", rest)
        if not match:
            raise ValueError(f"{year}: cannot read {raw!r}")
        code, name, attr = match[1], match[2], match[3] or ""
        lines.append((kind, code, name, attr))
    flush()

    for block in blocks:
        links: list[tuple[str, str]] = []
        removed: set[str] = set()
        added: set[str] = set()
        transferred: set[str] = set()
        for kind, code, name, attr in block["lines"]:  # type: ignore[attr-defined]
            if kind == "-":
                removed.add(code)
            elif kind == "+":
                added.add(code)
            else:
                transferred.add(code)
            if not attr:
                continue
            forward = attr[0] == ">"
            own, other, other_table = (source, dst, target) if forward else (target, src, source)
            own_parent = parent_code(code, own)
            parent_name = own.get(own_parent, "")
            for selector in attr[1:].split(","):
                if selector.endswith("?"):
                    continue
                selector = selector.rstrip("!")
                if selector == ".":
                    found = code if code in other_table else None
                elif selector == "..":
                    found = own_parent if own_parent in other_table else None
                else:
                    value = name if selector == "_" else selector
                    try:
                        found = other.named(value, parent_name)
                    except LookupError:
                        found = None
                if found is None:
                    print(
                        f"{year}: unresolved {selector!r} in {kind}{code} {name}", file=sys.stderr
                    )
                    continue
                link = (code, found) if forward else (found, code)
                if link not in links:
                    links.append(link)
        # Records without an attribute (a prefecture with its counties) take the
        # links of their children, lifted to their own level.
        for kind, code, _name, attr in block["lines"]:  # type: ignore[attr-defined]
            if attr or kind == "=":
                continue
            width = 2 if code[2:] == "0000" else 4
            lifted: list[tuple[str, str]] = []
            for old, new in links:
                if kind == "-" and old[:width] == code[:width] and old != code:
                    up = new[:width] + "0" * (6 - width)
                    lifted.append((code, up if up in target else parent_code(new, target)))
                if kind == "+" and new[:width] == code[:width] and new != code:
                    up = old[:width] + "0" * (6 - width)
                    lifted.append((up if up in source else parent_code(old, source), code))
            for link in lifted:
                if link not in links and link[0] != "000000" and link[1] != "000000":
                    links.append(link)
        block["links"] = links
        block["removed"], block["added"], block["transferred"] = removed, added, transferred
    return blocks


def _suffix_kind(name: str) -> str:
    for suffix, kind in (
        ("自治县", "county"),
        ("自治旗", "county"),
        ("县", "county"),
        ("旗", "county"),
    ):
        if name.endswith(suffix):
            return kind
    if name.endswith(("地区", "盟", "自治州")):
        return "prefecture_area"
    if name.endswith("市"):
        return "city"
    if name.endswith("区"):
        return "district"
    return "other"


def classify(
    olds: list[tuple[str, str]], news: list[tuple[str, str]], removed: set[str], added: set[str]
) -> str:
    """The kind of one connected change (see ChangeKind in minzheng.divisions.changes)."""
    gone = [c for c, _ in olds if c in removed]
    born = [c for c, _ in news if c in added]
    if not gone and not born:
        return "boundary"
    if len(olds) == 1 and len(news) == 1 and gone and born:
        (old_code, old_name), (new_code, new_name) = olds[0], news[0]
        before, after = _suffix_kind(old_name), _suffix_kind(new_name)
        if after == "city" and before in ("county", "prefecture_area"):
            return "to_city"
        if after == "district" and before in ("county", "city"):
            return "to_district"
        width = 2 if new_code[2:] == "0000" or new_code[4:] == "00" else 4
        if old_code[:width] != new_code[:width]:
            return "transferred"
        if old_name == new_name:
            return "recoded"
        return "renamed"
    if born and not gone:
        return "created"
    if gone and not born:
        return "abolished"
    if len(born) == 1 and len(olds) >= 2:
        return "merged"
    return "created" if len(born) >= len(gone) else "abolished"


def components(links: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Links grouped by connected old/new records."""
    groups: list[tuple[set[str], set[str], list[tuple[str, str]]]] = []
    for old, new in links:
        hit = [g for g in groups if old in g[0] or new in g[1]]
        merged: tuple[set[str], set[str], list[tuple[str, str]]] = ({old}, {new}, [(old, new)])
        for g in hit:
            merged[0].update(g[0])
            merged[1].update(g[1])
            merged[2][:0] = g[2]
            groups.remove(g)
        groups.append(merged)
    return [g[2] for g in groups]


def change_rows(
    blocks: list[dict[str, object]],
    year: int,
    source: Table,
    target: Table,
    announcements: dict[tuple[str, str, str, str], int],
) -> list[list[str]]:
    rows: list[list[str]] = []
    for block in blocks:
        meta: dict[str, str] = block["meta"]  # type: ignore[assignment]
        removed: set[str] = block["removed"]  # type: ignore[assignment]
        added: set[str] = block["added"]  # type: ignore[assignment]
        links: list[tuple[str, str]] = block["links"]  # type: ignore[assignment]
        source_url = ""
        if "source" in meta:
            found = re.search(r"\((https?://[^)\s]+)\)", meta["source"])
            source_url = found[1] if found else meta["source"]
        key = (
            parse_date(meta.get("date", "")),
            meta.get("title", ""),
            meta.get("number", ""),
            source_url,
        )
        announcement = announcements.setdefault(key, len(announcements)) if any(key) else None
        for group in components(links):
            # A code kept with its name across the change (the parent's rename) is no change.
            group = [(o, n) for o, n in group if not (o == n and source[o] == target[n])]
            if not group:
                continue
            olds = sorted({(o, source[o]) for o, _ in group})
            news = sorted({(n, target[n]) for _, n in group})
            kind = classify(olds, news, removed, added)
            rows.append(
                [
                    str(year),
                    kind,
                    ";".join(f"{c}:{n}" for c, n in olds),
                    ";".join(f"{c}:{n}" for c, n in news),
                    ";".join(f"{o}>{n}" for o, n in sorted(group)),
                    "" if announcement is None else str(announcement),
                ]
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, required=True, help="areacodes clone or bare git dir")
    parser.add_argument("--commit", default="HEAD")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    repo = git_dir(args.repo)
    commit = git(repo, "rev-parse", args.commit).strip()
    files = git(repo, "ls-tree", "--name-only", commit, "data/", "diff/").split()
    years = sorted(int(m[1]) for f in files if (m := re.fullmatch(r"data/(\d{4})\.txt", f)))
    tables = {y: read_table(git(repo, "show", f"{commit}:data/{y}.txt")) for y in years}
    first, latest = years[0], years[-1]
    args.out.mkdir(parents=True, exist_ok=True)
    header = f"# first={first} latest={latest} commit={commit}\n"
    with (args.out / "divisions.tsv").open("w", encoding="utf-8", newline="\n") as out:
        out.write(
            "# minzheng: county-level-and-above divisions from the ministry's year-end lists\n"
        )
        out.write("# code, name, first year, last year (blank: still in force), s = summary line\n")
        out.write(header)
        for code, name, start, end, flag in spans(tables):
            out.write(
                f"{code}\t{name}\t{'' if start == first else start}\t"
                f"{'' if end == latest else end}\t{flag}\n"
            )
    rows: list[list[str]] = []
    announcements: dict[tuple[str, str, str, str], int] = {}
    for year in years[1:]:
        text = git(repo, "show", f"{commit}:diff/{year - 1}-{year}.diff")
        blocks = parse_diff(text, year, tables[year - 1], tables[year])
        rows.extend(change_rows(blocks, year, tables[year - 1], tables[year], announcements))
    lines = [
        "# minzheng: changes between the ministry's year-end lists\n",
        "# @id, date, title, number, source: the approving announcements\n",
        "# year, kind, before, after, links (old>new), announcement id: one change a line\n",
        header,
    ]
    for (date, title, number, url), ident in announcements.items():
        fields = [f"@{ident}", date, title, number, url]
        lines.append("\t".join(f.replace("\t", " ") for f in fields) + "\n")
    lines.extend("\t".join(row) + "\n" for row in rows)
    # mtime=0: the same input gives the same bytes.
    with gzip.GzipFile(args.out / "changes.tsv.gz", "wb", mtime=0) as out:
        out.write("".join(lines).encode("utf-8"))
    print(f"{len(years)} lists {first}-{latest}, {len(rows)} changes, commit {commit}")


if __name__ == "__main__":
    main()
