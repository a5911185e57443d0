"""scripts/build_divisions.py on a tiny copy of the data set's layout."""

from __future__ import annotations

import gzip
import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_divisions.py"


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_divisions", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_divisions"] = module
    spec.loader.exec_module(module)
    return module


build = _module()

LISTS = {
    "2019": "110000 北京市\n110101 东城区\n330000 浙江省\n330100 杭州市\n330102 上城区\n"
    "330103 下城区\n330110 余杭区\n330122 桐庐县\n",
    "2020": "110000 北京市\n110101 东城区\n330000 浙江省\n330100 杭州市\n330102 上城区\n"
    "330110 余杭区\n330113 临平区\n330182 桐庐市\n",
}
DIFF = """## 浙江省人民政府关于调整杭州市部分行政区划的通知
# 文号：浙政发〔2021〕7号
# 日期：2021年3月11日
# 来源：[浙江省人民政府网站](https://www.zj.gov.cn/art/2021/4/9/art_1229019364_2267333.html)
#
# 一、撤销下城区，并入上城区。
-330103 下城区>上城区
+330113 临平区<余杭区
## 国务院关于同意浙江省撤销桐庐县设立桐庐市的批复
# 文号：（85）国函字1号
# 日期：一九八五年四月十五日
-330122 桐庐县>桐庐市
+330182 桐庐市<桐庐县
"""


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "areacodes"
    (repo / "data").mkdir(parents=True)
    (repo / "diff").mkdir()
    for year, text in LISTS.items():
        (repo / "data" / f"{year}.txt").write_text(text, encoding="utf-8")
    (repo / "diff" / "2019-2020.diff").write_text(DIFF, encoding="utf-8")
    env = ["-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "add", "."], check=True)
    subprocess.run(["git", "-C", str(repo), *env, "commit", "-qm", "data"], check=True)
    return repo


def test_builds_spans_summaries_and_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    monkeypatch.setattr(sys, "argv", ["build", "--repo", str(_repo(tmp_path)), "--out", str(out)])
    build.main()
    rows = [
        line.split("\t")
        for line in (out / "divisions.tsv").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    by_code = {row[0]: row for row in rows}
    assert by_code["110100"] == ["110100", "市辖区", "", "", "s"]  # added summary line
    assert by_code["330103"] == ["330103", "下城区", "", "2019", ""]
    assert by_code["330113"] == ["330113", "临平区", "2020", "", ""]
    text = gzip.decompress((out / "changes.tsv.gz").read_bytes()).decode("utf-8")
    lines = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    announcements = {line[0][1:]: line for line in lines if line[0].startswith("@")}
    changes = [line for line in lines if not line[0].startswith("@")]
    assert sorted((c[1], c[2], c[3], c[4]) for c in changes) == [
        ("abolished", "330103:下城区", "330102:上城区", "330103>330102"),
        ("created", "330110:余杭区", "330113:临平区", "330110>330113"),
        ("to_city", "330122:桐庐县", "330182:桐庐市", "330122>330182"),
    ]
    dates = {a[1] for a in announcements.values()}
    assert dates == {"2021-03-11", "1985-04-15"}
    assert any(a[4].startswith("https://www.zj.gov.cn/") for a in announcements.values())


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2021年3月11日", "2021-03-11"),
        ("一九八五年四月十五日", "1985-04-15"),
        ("一九九七年十二月二十日", "1997-12-20"),
        ("1988年", ""),
        ("二〇〇〇年二月三十日", ""),
    ],
)
def test_dates(text: str, iso: str) -> None:
    assert build.parse_date(text) == iso


def test_named_selectors_disambiguate_by_parent() -> None:
    table = {
        "330000": "浙江省",
        "330100": "杭州市",
        "330102": "上城区",
        "330200": "宁波市",
        "330202": "上城区",
    }
    resolver = build.Resolver(table)
    assert resolver.named("杭州市", "") == "330100"
    assert resolver.named("上城区", "宁波市") == "330202"
    assert resolver.named("杭州市上城区", "") == "330102"
    with pytest.raises(LookupError):
        resolver.named("不存在区", "杭州市")
