"""Ethnic groups — GB/T 3304-1991《中国各民族名称的罗马字母拼写法和代码》.

The 56 recognised groups in the standard's order (01 汉族 … 56 基诺族), plus
97 其他 (other, not recognised) and 98 外国血统中国籍人士 (naturalised Chinese of
foreign origin). The two-letter roman codes are given by :attr:`Ethnicity.roman`.

>>> len(Ethnicity), Ethnicity.ZHUANG.term, Ethnicity.ZHUANG.roman
(58, '壮族', 'ZH')
"""

from __future__ import annotations

from minzheng.codes._base import CodeEnum

__all__ = ["Ethnicity"]

_ROMAN = (
    "HA",
    "MG",
    "HU",
    "ZA",
    "UG",
    "MH",
    "YI",
    "ZH",
    "BY",
    "CS",
    "MA",
    "DO",
    "YA",
    "BA",
    "TJ",
    "HN",
    "KZ",
    "DA",
    "LI",
    "LS",
    "VA",
    "SH",
    "GS",
    "LH",
    "SU",
    "DX",
    "NX",
    "JP",
    "KG",
    "TU",
    "DU",
    "ML",
    "QI",
    "BL",
    "SL",
    "MN",
    "GL",
    "XB",
    "AC",
    "PM",
    "TA",
    "NU",
    "UZ",
    "RS",
    "EW",
    "DE",
    "BN",
    "YG",
    "GI",
    "TT",
    "DR",
    "OR",
    "HZ",
    "MB",
    "LB",
    "JN",
)


class Ethnicity(CodeEnum):
    """GB/T 3304 ethnic group.

    >>> Ethnicity.from_code("05").label("en")
    'Uyghur'
    """

    HAN = "01", "汉族"
    MONGOL = "02", "蒙古族"
    HUI = "03", "回族"
    TIBETAN = "04", "藏族"
    UYGHUR = "05", "维吾尔族"
    MIAO = "06", "苗族"
    YI = "07", "彝族"
    ZHUANG = "08", "壮族"
    BOUYEI = "09", "布依族"
    KOREAN = "10", "朝鲜族"
    MANCHU = "11", "满族"
    DONG = "12", "侗族"
    YAO = "13", "瑶族"
    BAI = "14", "白族"
    TUJIA = "15", "土家族"
    HANI = "16", "哈尼族"
    KAZAKH = "17", "哈萨克族"
    DAI = "18", "傣族"
    LI = "19", "黎族"
    LISU = "20", "傈僳族"
    VA = "21", "佤族"
    SHE = "22", "畲族"
    GAOSHAN = "23", "高山族"
    LAHU = "24", "拉祜族"
    SUI = "25", "水族"
    DONGXIANG = "26", "东乡族"
    NAXI = "27", "纳西族"
    JINGPO = "28", "景颇族"
    KYRGYZ = "29", "柯尔克孜族"
    TU = "30", "土族"
    DAUR = "31", "达斡尔族"
    MULAO = "32", "仫佬族"
    QIANG = "33", "羌族"
    BLANG = "34", "布朗族"
    SALAR = "35", "撒拉族"
    MAONAN = "36", "毛南族"
    GELAO = "37", "仡佬族"
    XIBE = "38", "锡伯族"
    ACHANG = "39", "阿昌族"
    PUMI = "40", "普米族"
    TAJIK = "41", "塔吉克族"
    NU = "42", "怒族"
    UZBEK = "43", "乌孜别克族"
    RUSSIAN = "44", "俄罗斯族"
    EVENKI = "45", "鄂温克族"
    DEANG = "46", "德昂族"
    BONAN = "47", "保安族"
    YUGUR = "48", "裕固族"
    GIN = "49", "京族"
    TATAR = "50", "塔塔尔族"
    DERUNG = "51", "独龙族"
    OROQEN = "52", "鄂伦春族"
    HEZHEN = "53", "赫哲族"
    MONBA = "54", "门巴族"
    LHOBA = "55", "珞巴族"
    JINO = "56", "基诺族"
    OTHER = "97", "其他未识别民族"
    FOREIGN_ORIGIN = "98", "外国血统中国籍人士"

    @property
    def roman(self) -> str | None:
        """The two-letter roman code of GB/T 3304 (``None`` for 97 and 98).

        >>> Ethnicity.HAN.roman
        'HA'
        """
        n = int(self.value)
        return _ROMAN[n - 1] if n <= 56 else None
