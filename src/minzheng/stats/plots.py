"""Charts for notebooks: bars by programme, lines by month, ranked bars by region (extra ``plots``).

Chinese labels need a CJK font; the ``plots`` extra installs ``mplfonts``, whose
Noto Sans CJK (pan-CJK, so Traditional characters render too) is registered with
matplotlib on first use.
"""

from __future__ import annotations

import threading
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from minzheng.codes import CodeEnum
from minzheng.i18n import resolve_locale
from minzheng.stats.aggregate import Measure

if TYPE_CHECKING:
    from minzheng.stats.table import StatTable

__all__ = ["cjk_font", "plot_table"]

_lock = threading.Lock()
_font: list[str] = []


def cjk_font() -> str:
    """Register the bundled CJK font with matplotlib (once) and return its family name.

    >>> cjk_font()
    'Noto Sans CJK SC'
    """
    with _lock:
        if _font:
            return _font[0]
        try:
            import mplfonts
            from matplotlib import font_manager
        except ImportError as exc:  # pragma: no cover - exercised without the extra
            raise ImportError(
                "charts need the 'plots' extra: pip install 'minzheng[plots]'"
            ) from exc
        from pathlib import Path

        path = Path(mplfonts.__file__).parent / "fonts" / "NotoSansCJKsc-Regular.otf"
        font_manager.fontManager.addfont(str(path))
        _font.append(font_manager.FontProperties(fname=str(path)).get_name())
        return _font[0]


def _label(value: Any, locale: str) -> str:
    if isinstance(value, CodeEnum):
        return value.label(locale)
    if value is None or value == "":
        return "—"
    if isinstance(value, str) and len(value) == 6 and value.isdigit():
        from minzheng.divisions import registry

        found = registry().nearest(value, None)
        return found.name if found else value
    return str(value)


def plot_table(
    table: StatTable, *, kind: str, measure: Measure, locale: object, title: str | None
) -> Any:
    """Draw ``measure`` by the table's first dimension; returns the matplotlib ``Figure``.

    >>> from minzheng.stats import StatTable
    >>> table = StatTable(dimensions=("kind",), measures=(Measure.COUNT,), rows=(("护理型", 7385), ("普通", 2651)))
    >>> figure = plot_table(table, kind="bar", measure=Measure.COUNT, locale="zh_Hans", title="床位")
    >>> len(figure.axes)
    1
    """
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    family = cjk_font()
    name = resolve_locale(locale)
    if not table.dimensions:
        from minzheng.errors import InvalidValue

        raise InvalidValue("stats.needs_dimension", field="by", value="")
    index = len(table.dimensions) + table.measures.index(measure)
    rows = list(table.rows)
    if kind == "rank":
        rows.sort(key=lambda r: r[index])
    labels = [_label(r[0], name) for r in rows]
    values = [float(r[index] / (Decimal(10000) if measure is Measure.MONEY else 1)) for r in rows]
    unit = (
        {"zh_Hans": "万元", "zh_Hant": "萬元", "en": "CNY 10,000"}[name]
        if measure is Measure.MONEY
        else ""
    )
    with plt.rc_context({"font.family": family, "axes.unicode_minus": False}):
        fig, ax = plt.subplots(figsize=(8, 4.5), dpi=100)
        if kind == "line":
            ax.plot(labels, values, marker="o")
        elif kind == "rank":
            ax.barh(labels, values)
        else:
            ax.bar(labels, values)
            ax.tick_params(axis="x", labelrotation=30)
        ax.set_ylabel(
            f"{measure.label(name)}"
            + (f"（{unit}）" if unit and name != "en" else f" ({unit})" if unit else "")
        )
        if title:
            ax.set_title(title)
        fig.tight_layout()
    return fig
