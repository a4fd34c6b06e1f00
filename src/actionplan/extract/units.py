"""Units of measure as plans write them, and the quantity pattern built on them.

A quantity is a numeral, an optional magnitude (万, 亿, 万亿, 千万…), an
optional "more than" mark (余, 多: "1000余家") and a unit. A 千 that begins a
unit (千瓦, 千米, 千克, 千瓦时…) belongs to the unit, not to the magnitude:
"10万千瓦" is 10 × 10⁴ 千瓦.
"""

from __future__ import annotations

import re
from typing import Final

from actionplan.extract.numbers import ARABIC_PATTERN

# Units after a numeral. Order does not matter: the pattern tries longer first.
CHINESE_UNITS: Final[tuple[str, ...]] = (
    # people and visits
    "人次",
    "人天",
    "人",
    "名",
    "位",
    "户",
    "家次",
    "家",
    "架次",
    "航班",
    "班次",
    "班列",
    "列次",
    "场次",
    "次",
    "场",
    # counts of things
    "个百分点",
    "百分点",
    "个工作日",
    "工作日",
    "个月",
    "个",
    "项",
    "条",
    "座",
    "所",
    "张",
    "套",
    "台",
    "辆",
    "艘",
    "架",
    "篇",
    "部",
    "件",
    "册",
    "种",
    "款",
    "支",
    "队",
    "处",
    "间",
    "栋",
    "幢",
    "床",
    "株",
    "棵",
    "只",
    "头",
    "宗",
    "笔",
    "单",
    "份",
    "门",
    "批次",
    "根",
    "片",
    "块",
    "幅",
    "段",
    "网点",
    # concentrations and rates
    "微克/立方米",
    "毫克/立方米",
    "公里/小时",
    "千米/小时",
    "立方米/秒",
    "微克",
    "毫克",
    "毫米",
    # area, length, volume, mass
    "平方公里",
    "平方千米",
    "平方米",
    "平米",
    "㎡",
    "m²",
    "㎞",
    "立方米",
    "公顷",
    "亩",
    "公里",
    "千米",
    "米",
    "吨标准煤",
    "吨标煤",
    "吨",
    "千克",
    "公斤",
    "克",
    "升",
    "标准箱",
    "标箱",
    "TEU",
    # money
    "元人民币",
    "美元",
    "港元",
    "港币",
    "欧元",
    "日元",
    "英镑",
    "元",
    # energy and power
    "千瓦时",
    "千瓦",
    "兆瓦",
    "吉瓦",
    "千伏安",
    "千伏",
    "瓦",
    "度",
    # time
    "小时",
    "分钟",
    "秒",
    "天",
    "周",
    "岁",
    # rates per 10万 / 万 of a population: the denominator is part of the unit
    "/10万",
    "/十万",
    "/万",
    "/10万人",
    "/万人",
    # ratios and scores
    "倍",
    "%",
    "‰",
    "分",
    "星级",
)

_UNIT_ALTERNATION: Final = "|".join(
    re.escape(unit) for unit in sorted(CHINESE_UNITS, key=len, reverse=True)
)
# 千 is a magnitude unless it starts a unit of its own (千瓦, 千米, 千克, 千伏).
_THOUSAND: Final = "千(?![瓦米克伏])"
_MAGNITUDE: Final = rf"(?:(?:[十百]|{_THOUSAND})?(?:万亿|万|亿)|[十百]|{_THOUSAND})?"
_CN_DIGITS: Final = "零〇一二两三四五六七八九"
_CN_NUMERAL: Final = rf"(?:[{_CN_DIGITS}十](?:[{_CN_DIGITS}十百万亿点]|{_THOUSAND})*)"

_BRACKET_CLASSIFIERS: Final = "段|处|个|座|条|所|家|项|栋|幢|台|套|户|间|片|块"

# A Chinese quantity. Groups: number, magnitude (Arabic only), more, unit.
QUANTITY_RE: Final = re.compile(
    # Every quantity starts with one of these characters: the lookahead lets the
    # scan skip the others at once.
    rf"(?=[\d百千{_CN_DIGITS}十])(?:"
    rf"(?P<percent_words>百分之|千分之)(?P<percent_number>{ARABIC_PATTERN}|{_CN_NUMERAL})"
    rf"|(?:(?P<arabic>{ARABIC_PATTERN})(?P<magnitude>{_MAGNITUDE})|(?P<chinese>{_CN_NUMERAL}))"
    rf"(?P<more>余|多)? ?(?P<unit>(?:{_UNIT_ALTERNATION})"
    r"(?:/(?:人年|人|年|户|平方公里|平方千米|平方米|吨|千瓦时|公顷|亩|天|日|小时|标准煤|床|"
    r"[十百千万]人|万元|亿元))?"
    # "30条（段）", "12个(处)": a second classifier in brackets belongs to the unit.
    rf"(?:\((?:{_BRACKET_CLASSIFIERS})\))?)"
    r")"
)

CURRENCIES: Final[dict[str, str]] = {
    "£": "GBP",
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "USD": "USD",
    "GBP": "GBP",
    "EUR": "EUR",
    "CAD": "CAD",
    "AUD": "AUD",
}
ENGLISH_MAGNITUDES: Final[dict[str, float]] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
