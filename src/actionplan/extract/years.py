"""Years in a sentence, and what each one does there.

A year can set the deadline of the figures around it (到2020年, 2020年前,
by 2030), give a baseline (由2017年的…, 比2015年…), start a period (从2018年起),
name a dated event (2019年世界港口大会) or be part of a range (2018-2020年).
``find_years`` reads each occurrence and tells which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

YearRole = Literal["deadline", "bare", "baseline", "start", "range", "other"]

# Five-year plan names: their end years.
FIVE_YEAR_PLANS: Final[dict[str, int]] = {
    "十一五": 2010,
    "十二五": 2015,
    "十三五": 2020,
    "十四五": 2025,
    "十五五": 2030,
    "十六五": 2035,
}

_YEAR: Final = r"(?:19[5-9]\d|20\d\d)"
_MONTH: Final = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|"
    r"Dec\.?)"
)
_SEASON: Final = (
    r"(?:[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter|[Cc]alendar [Yy]ear|Q[1-4]|"
    r"the (?:first|second|third|fourth) quarter of)"
)
_YEAR_LIST_RE: Final = re.compile(
    rf"(?:到|至|力争到|争取到)(?P<first>{_YEAR})年(?P<rest>(?:(?:和|、|及|与|,)(?:{_YEAR})年)+)"
)
_YEAR_RE: Final = re.compile(
    # Every form starts with one of these characters: the lookahead lets the
    # scan skip the others at once.
    r"(?=[FfBbIiUuSsTtNn\d截到力争至在于从由比较与自最“十])(?:"
    # A range such as 2018-2020年, 2021—2025 and 2020 to 2030: a period, not a deadline.
    rf"(?:[Ff]rom )?(?P<range_start>{_YEAR})(?: ?[-—–~至到] ?|年 ?[-—–~至到] ?| to )"
    rf"(?P<range_end>{_YEAR})年?"
    rf"|[Bb]etween (?P<between_start>{_YEAR}) and (?P<between_end>{_YEAR})"
    # Chinese: an optional lead word, the year, an optional tail.
    rf"|(?P<pre>截至到|截止到|截至|截止|到了|力争到|力争在|力争|争取到|争取|至迟|最迟|到|至|在|于|从|由|比|较|与|自)?"
    rf"(?P<year>{_YEAR})年"
    r"(?P<post>年底前|底前|末前|年底|年末|底|末|前|以前|之前|时|以后|后|起|以来|的|全年|上半年|下半年)?"
    # English: by 2030, by the end of 2025, in 2025, until 2030, 2025/26, and US
    # dates and fiscal years: "By December 31, 2028", "by June 2027", "by FY2026",
    # "no later than 2035".
    rf"|(?P<en_pre>\b(?:[Bb]y|[Ii]n|[Uu]ntil|[Bb]efore|[Ff]rom|[Ss]ince|[Tt]hrough|"
    r"[Nn]o later than)"
    r"(?: the end of| end of| the end| the year)?) "
    rf"(?:{_MONTH} (?:\d{{1,2}}(?:st|nd|rd|th)?,? )?|{_SEASON} )?(?:FY ?|[Ff]iscal [Yy]ear )?"
    rf"(?P<en_year>{_YEAR})(?:/\d\d)?\b"
    # A year that labels a row of targets: "2025: reduce GHGs 25%"; a US date that
    # opens a row of a tracking table: "6/30/2024 Increase … 50%".
    rf"|(?<![\w/.:-])(?P<label_year>{_YEAR})(?=:(?!\d))"
    rf"|(?<![^\n])\d{{1,2}}/\d{{1,2}}/(?P<row_year>{_YEAR})(?= )"
    # Five-year plans: 到“十四五”末 → 2025.
    r"|(?P<plan_pre>到|至)?“?(?P<plan>十[一二三四五六]五)”?(?P<plan_post>末|期末|时期末)"
    r")"
)

_DEADLINE_PRE: Final = frozenset(
    {"截至到", "截止到", "截至", "截止", "到了", "力争到", "力争在", "力争", "争取到", "争取"}
    | {"至迟", "最迟", "到", "至"}
)
_DEADLINE_POST: Final = frozenset({"年底前", "底前", "末前", "前", "以前", "之前", "年底", "年末"})
_PLANNED_AFTER_RE: Final = re.compile(
    r"(?:全[市县区省镇]|我[市县区省国])?(?:计划|将|预计|力争|争取)"
)
_BEFORE_POST: Final = frozenset({"年底前", "底前", "末前", "前", "以前", "之前"})
_QUALIFIER_AFTER_RE: Final = re.compile(
    r"(?:建成|建设|建造|竣工|修建|兴建|出生|登记|注册|备案|认定|投用|投产|批准|审批|开工)?的"
)
_BASELINE_PRE: Final = frozenset({"比", "较", "与", "由"})
_START: Final = frozenset({"从", "自"})
_START_POST: Final = frozenset({"以后", "后", "起", "以来"})


@dataclass(frozen=True, slots=True)
class YearMention:
    year: int
    role: YearRole
    start: int
    end: int
    year_start: int  # where the digits start (the lead word excluded)
    # "到2022年和2030年": every year of a paired deadline, in order.
    years: tuple[int, ...] = ()


# Every form above holds a four-digit year or a five-year plan's name: a
# sentence without one is skipped with a single cheap scan.
_ANY_YEAR_RE: Final = re.compile(r"(?:19[5-9]|20\d)\d|十[一二三四五六]五")


def find_years(text: str, start: int, end: int) -> list[YearMention]:
    """The years in ``text[start:end]`` with their roles, left to right."""
    found: list[YearMention] = []
    if _ANY_YEAR_RE.search(text, start, end) is None:
        return found
    listed: dict[int, tuple[int, ...]] = {}
    for match in _YEAR_LIST_RE.finditer(text, start, end):
        years = (int(match.group("first")), *map(int, re.findall(r"\d{4}", match.group("rest"))))
        listed[match.start()] = years
    for match in _YEAR_RE.finditer(text, start, end):
        if match.group("range_start") or match.group("between_start"):
            first = "range_start" if match.group("range_start") else "between_start"
            last = "range_end" if match.group("range_end") else "between_end"
            found.append(
                YearMention(int(match.group(last)), "range", *match.span(), match.start(first))
            )
            continue
        if match.group("plan"):
            year = FIVE_YEAR_PLANS.get(match.group("plan"))
            if year is not None:
                found.append(YearMention(year, "deadline", *match.span(), match.start("plan")))
            continue
        if match.group("en_year"):
            found.append(_english(match))
            continue
        if match.group("label_year") or match.group("row_year"):
            year = int(match.group("label_year") or match.group("row_year"))
            found.append(YearMention(year, "deadline", *match.span(), match.start()))
            continue
        year = int(match.group("year"))
        pre = match.group("pre") or ""
        post = match.group("post") or ""
        role: YearRole
        if pre in _START or post in _START_POST:
            role = "start"
        elif pre in _BASELINE_PRE:
            role = "baseline"
        elif pre in _DEADLINE_PRE or post in _DEADLINE_POST:
            role = "deadline"
        elif not pre and not post and _PLANNED_AFTER_RE.match(text, match.end()):
            # "全市2020年计划新开工…", "2025年将建成…": a year the plan's work is set
            # for, a deadline.
            role = "deadline"
        elif pre in ("在", "于") or not pre:
            role = "bare"
        else:
            role = "other"
        # A year followed by a name ("2019年世界港口大会") is not a clause lead.
        if role == "bare" and post == "的":
            role = "other"
        # "2000年底前建成的(小区)", "2005年以前的": a year that qualifies a noun
        # in a relative clause dates the noun, not a deadline of the plan.
        if post in _BEFORE_POST and not pre and _QUALIFIER_AFTER_RE.match(text, match.end()):
            role = "other"
        years = listed.get(match.start(), ())
        found.append(
            YearMention(year, role, match.start(), match.end(), match.start("year"), years)
        )
    return found


def _english(match: re.Match[str]) -> YearMention:
    pre = match.group("en_pre").lower()
    year = int(match.group("en_year"))
    role: YearRole
    if pre.startswith(("by", "until", "before", "through", "no later than")):
        role = "deadline"
    elif pre.startswith(("from", "since")):
        role = "start"
    else:
        role = "bare"
    return YearMention(year, role, match.start(), match.end(), match.start("en_year"))


def leading_deadline(text: str, start: int, end: int, reference_year: int | None) -> int | None:
    """The deadline that opens the sentence ``text[start:end]`` ("到2030年，…",
    "2020年,…", "By 2030, …"), or None."""
    for mention in find_years(text, start, min(end, start + 24)):
        if mention.start - start > 2:
            return None
        if mention.role == "deadline":
            return mention.year
        if (
            mention.role == "bare"
            and text[mention.end : mention.end + 1] in (",", ":")
            and (reference_year is None or mention.year >= reference_year)
        ):
            return mention.year
        return None
    return None
