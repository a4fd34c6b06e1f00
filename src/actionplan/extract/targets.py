"""Quantitative targets of Chinese plan text, one sentence at a time.

The rules follow docs/extraction-conventions.md. In short, a figure with a
unit is a target when it is the complement of its clause — it ends the
clause ("集装箱国际班轮航线120条") or is followed only by a bound word
(以上/以内/左右) — and the clause is forward-looking: a deadline governs it
(到2020年, 2020年前, the damaged "…前列2020年,新增…"), a comparator verb
introduces it (达到, 突破, 控制在…), or it sits under the plan's goals. A
figure followed by a noun ("两个市场", "12小时航空交通圈", "20项重点任务")
names something and is not a target unless a verb of change and a deadline
both govern it ("到2020年，新增10条国际航线"). Figures inside quotation marks
or book titles, ordinals (第24届) and past facts (2017年…, 已…, 同比…)
are not targets.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Final

from actionplan.extract.context import FoundName, FoundTarget, SentenceContext, SentenceReading
from actionplan.extract.draft import Comparator, TargetKind
from actionplan.extract.numbers import ARABIC_PATTERN, parse_number
from actionplan.extract.sentences import split_clauses
from actionplan.extract.units import QUANTITY_RE
from actionplan.extract.years import FIVE_YEAR_PLANS, YearMention, find_years

# Verbs that introduce a figure, by what they say about it.
_GE_VERBS: Final = (
    "达到或超过|达到|达|超过|突破|不低于|不少于|至少|高于|多于|大于|提高到|提高至|提升到|提升至|"
    "增加到|增加至|增长到|增长至|扩大到|扩大至|上升到|上升至|增至|升至|提至|超|逾|力争达到"
)
_LE_VERBS: Final = (
    "控制在|控制到|不超过|不高于|不多于|低于|少于|小于|降至|降到|降低到|降低至|下降到|下降至|"
    "压缩到|压缩至|压减到|压减至|缩短到|缩短至|减少到|减少至|减至|缩减至|缩减到|控制"
)
_EQ_VERBS: Final = "保持在|稳定在|维持在|保持|稳定|为|是|实现|完成|总量|规模|总数"
_INCREMENT_VERBS: Final = (
    "累计新增|新增|新建|新开通|新开辟|新引进|新培育|新设立|新认定|新开|新落户|净增|多增|"
    "增加|引进|培育|建成|建设|打造|开通|开辟|设立|创建|认定|扶持|培养|吸引|招引|建立|"
    "新培养|新发展|发展|举办|组织|开展|推出|实施|新设"
)
_GROWTH_VERBS: Final = (
    "年均增长|年平均增长|年均提高|年均递增|平均增长|增长|提高|提升|上升|递增|增加|扩大"
)
_FALL_VERBS: Final = "年均下降|年均降低|累计下降|下降|降低|减少|压减|削减|缩减|减排|缩短|压缩|降"
_CHANGE_BEFORE_FIGURE: Final = frozenset(
    {"累计新增", "新增", "新建", "新开通", "新开辟", "新引进", "新培育", "新设立", "新认定"}
    | {"新开", "新落户", "净增", "多增", "增加"}
)
# Verbs of work done on what exists (ruling 31): "完成现有200万户…危房改造任务",
# "完成改造项目1.42万平方米", "保护修缮15幢历史风貌建筑". The quantity is work
# done over the plan's period: an increment.
_WORK_VERBS: Final = frozenset(
    {"完成", "改造", "修缮", "保护修缮", "整治", "治理", "修复", "改建", "改扩建", "维修"}
    | {"加固", "翻新", "提升改造", "更新改造", "实施", "新改建", "修复改造", "盘活"}
    | {"改造升级", "升级改造", "提质改造", "培训", "更新", "更新投运", "启动"}
    # "新改扩建中小学12所", "续建学校5所", "新开工49个、256万平方米": work started,
    # continued or improved in the period.
    | {"新改扩建", "续建", "新开工", "开工", "新开工改造", "开工改造", "改善提升", "整治提升"}
    | {"筹建"}
    # "新(改、扩)建公办园5所", "打通…等12条断头路", "加装住宅电梯4500部", "筹集保障性
    # 租赁住房10万套(间)", "解决2.4万户…用电难问题": work done, counted.
    | {"新(改、扩)建", "新(改扩)建", "打通", "加装", "筹集", "解决", "开工建设"}
)
# Verbs of work that name no work of their own: left out of the indicator.
_BARE_WORK_VERBS: Final = frozenset({"完成", "实施", "启动"})
# Creation verbs that add new units to a count ("创建20个示范小区"): an increment.
_NEW_UNIT_VERBS: Final = frozenset({"创建", "新创建"})
# Verbs that create or bring in countable things: "建成10个特色小镇" is a target
# when a deadline governs it.
_CREATION_VERBS: Final = frozenset(
    {"建成", "建设", "打造", "培育", "引进", "创建", "认定", "设立", "开通", "开辟", "招引"}
    | {"吸引", "培养", "组建", "改造", "完成", "落地", "新培养", "新设", "推出", "发展"}
    | {"推动", "带动", "建有", "办", "配备", "配建", "设置", "拥有", "新办", "形成"}
    | {"开放", "筹措", "建设筹措", "供应", "安装", "布设", "投运", "投放", "购置", "新购"}
    | {"建成投用"}
    | _WORK_VERBS
)
# Nouns that name the plan's own items: "实施十大工程", "开展三项行动".
_OWN_ITEMS_RE: Final = re.compile(r"(?:工程|行动|任务|计划|举措|措施|专项|战役|体系|方面|原则)\Z")
# Units that count items as such (not a measure of work: 户, 平方米, 公里…).
_ITEM_CLASSIFIERS: Final = frozenset({"项", "个", "类", "批", "件", "条", "场", "次", "种", "款"})
_INCREMENT_SET: Final = frozenset(_INCREMENT_VERBS.split("|"))
_GROWTH_SET: Final = frozenset(_GROWTH_VERBS.split("|"))
_FALL_SET: Final = frozenset(_FALL_VERBS.split("|"))
_GE_SET: Final = frozenset(_GE_VERBS.split("|"))
_LE_SET: Final = frozenset(_LE_VERBS.split("|"))

_VERB_SET: Final = frozenset(
    {
        *_GE_SET,
        *_LE_SET,
        *_EQ_VERBS.split("|"),
        *_INCREMENT_SET,
        *_GROWTH_SET,
        *_FALL_SET,
        *_CREATION_VERBS,
    }
)
# Escaped: "新(改、扩)建" holds brackets.
_ALL_VERBS: Final = "|".join(re.escape(verb) for verb in sorted(_VERB_SET, key=len, reverse=True))
_ASPIRATION: Final = "力争|争取|努力|力求|力促"
# The words right before a figure: aspiration, verb, "about"/"over" marks.
_LEFT_RE: Final = re.compile(
    rf"(?P<aspiration>{_ASPIRATION})?(?P<verb>{_ALL_VERBS})?"
    # "开通至周边机场2-3条…航线": where what the verb opens leads.
    r"(?(verb)(?:(?:至|到|往|通往)[\u4e00-\u9fff]{1,6}(?<![年月日]))?)"
    # "完成现有200万户…": which part of the stock the work covers.
    r"(?:现有|剩余|全部|所有|存量|其余)?"
    r"(?P<mark>约|大约|近|接近|超过|超|逾|达|不少于|不低于|至少|≥|≤|>=|<=|>|<)?"
    r"(?P<space> ?)\Z"
)
_LEFT_WINDOW: Final = 16
_TAIL_WINDOW: Final = 40  # a noun after a figure is short
_SUBJECT_WINDOW: Final = 60  # so is a subject before it
_ASPIRATION_RE: Final = re.compile(_ASPIRATION)
# Bound words after a figure.
_TRAIL_RE: Final = re.compile(r"以上|以下|以内|之内|左右|上下|内|及以上|或以上|多")
# What may follow a target figure before the clause ends.
_TAIL_OK_RE: Final = re.compile(
    # Closing marks, and stars or note marks that decorate a headline ("…以上******").
    r"(?:的?(?:目标|水平|规模|左右|以上)(?:要求|任务)?)?[。!?”’)*※]*\Z"
    r"|[、和及与](?!\d)"  # the end of a list item: "…企业5家、超十亿元企业30家"
    r"| (?=[\u4e00-\u9fff])"  # in a headline: "老旧小区5200个 棚户区6.7万套"
    r"| ?\|"  # a cell's end, or a headline's before its source: "…6.7万套 | 政府工作报告"
)
# A noun after the figure that makes it a name: 4A级, 500强, 5G, 三星级.
_NAME_AFTER_RE: Final = re.compile(r"[级强星代型届期类大]|[A-Za-z]")
_BRACKET_RE: Final = re.compile(
    r"\((?<=[\u4e00-\u9fff\w]\()(?=[^()\n]{0,60}\))[^()\n]*?\d[^()\n]*?\)"
)
_QUOTE_RE: Final = re.compile(
    r"“[^”\n]{0,60}”|《[^》\n]{0,80}》|\"[^\"\n]{0,60}\"|「[^」\n]{0,60}」"
)
# Marks of a statement about the past, in the clause that holds them: the
# completed aspect (已…, 实现了 / 达到了 / 增长了…), time words of the past
# (去年, 上年, 近年来, 过去五年, 目前 — not 比上年 / 较目前, which compare).
_PAST_RE: Final = re.compile(
    r"已经|已达|已有|已建|已成|已累计|已形成|已实现|已完成|已覆盖|"
    r"(?:实现|达到|完成|增长|提高|提升|突破|下降|降低|减少|增加|超过|建成|新增|累计|位居|居于)了|"
    r"(?<![比较同与])(?:上年|去年|上一年)(?!度)|近年来|近几年|过去[一二三四五六七八九十两\d]*年|"
    r"(?<![比较与])目前"
)
# Marks that date the whole sentence in the past when no deadline of the plan
# governs it: time words of the past and the completed aspect of 已.
_SENTENCE_PAST_RE: Final = re.compile(
    r"(?<![比较同与])(?:上年|去年)(?!度)|已经|已达|已有|截至目前|截止目前|近年来|近几年"
    r"|过去[一二三四五六七八九十两\d]*年|一年来"
)
# Comparisons with the year before (同比, 比上年): a review of last year in a
# multi-year plan, a target in an annual plan or under a deadline.
_COMPARISON_RE: Final = re.compile(r"同比|(?:比|较)(?:上年|去年|上一年)")
# Words that commit the sentence to the future.
_FORWARD_WORD_RE: Final = re.compile(r"力争|争取|确保|预计|预期|目标")
# The previous plan's period ("“十四五”时期" in a 十五五 plan): what follows reviews it.
_PREVIOUS_PERIOD_RE: Final = re.compile(
    r"“?(?P<plan>十[一二三四五六]五)”?(?:时期|期间|以来|规划期)"
)
_SHARE_RE: Final = re.compile(
    r"占比|比重|份额|比例|占[^,;]{0,20}(?:比例|比重)|占[\u4e00-\u9fff]{1,12}\Z"
)
_RATE_SUBJECT_RE: Final = re.compile(r"(?:增速|增长率|增幅|涨幅|增长速度|年均增长|预期增长)\Z")
_INCREMENT_SUBJECT_RE: Final = re.compile(
    # "全市新建公共充电桩1万个": a place before the verb does not change it.
    r"\A(?:(?:全|各)?[市区县省国镇])?(?:新建|新开通|新开辟|新引进|新培育|新设立|新认定|新开)"
    r"|新增|净增"
)
# Words stripped from the start of an indicator: conjunctions, lead verbs.
_LEAD_WORDS_RE: Final = re.compile(
    r"\A(?:(?:其中|并且|并|且|同时|以及|和|与|及|使|使得|确保|推动|促进|带动|实现|接待|预计|将|要|"
    r"今年|明年|我国|我市|我县|我区|本市|本区|本县|"
    r"[\u4e00-\u9fff]{2,4}将(?=改造|新建|新开工|建成|完成|实施|建设|开工|新增|筹集|加装)|"
    r"[一二三四五六七八九十]是|“?[^”,;。]{1,12}”(?:是指|即)|是指|"
    r"(?:今后|未来)?[一二三四五六七八九十\d]+年(?:内|间|中)|(?:今后|未来)?[一二三四五六七八九十两]+年"
    r"|年内|今后|未来|每年|全年|年均|基本|全面|如期|率先|"
    r"认定|建成投用|建成(?!区)|建设|培育|引进|打造|创建|完成|实施|落实|吸引|招引|扶持|培养|开通|设立|举办|组织|开展|推出|形成|"
    r"累计(?!新增)|推动|带动|"
    rf"{_ASPIRATION}|到|至|在|于|年|底|末|前|时|之前|以前|的|,|、| )+)"
)
_TRAIL_WORDS_RE: Final = re.compile(
    r"(?:的|要|将|能|可|均|分别|总|达|年均|平均|累计|共|总计|每年|年|提前[一二两三四五\d]个?年"
    # "地区生产总值预期增长目标均确定为10%以上": the goal word and its setting verb.
    r"|目标|确定|设定)+\Z"
)
# 由2017年的X提高到Y: the figure before is the baseline of the one after.
_FROM_RE: Final = re.compile(r"(?:由|从)(?:(?P<year>(?:19|20)\d\d)年(?:底|末)?(?:的)?)?\Z")
_TO_RE: Final = re.compile(
    r"\A(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|压缩|缩短|缩减|压减|降|增|升|减)?(?:到|至)\Z"
)


@dataclass(frozen=True, slots=True)
class _Quantity:
    start: int
    end: int  # after the unit
    value: float
    unit: str
    more: bool  # 余 / 多 between number and unit


def _quantities(text: str, start: int, end: int) -> list[_Quantity]:
    found: list[_Quantity] = []
    for match in QUANTITY_RE.finditer(text, start, end):
        unit = match.group("unit")
        if match.group("percent_words"):
            value = parse_number(match.group("percent_number"))
            unit = "%" if match.group("percent_words") == "百分之" else "‰"
        elif match.group("arabic") is not None:
            value = parse_number(match.group("arabic") + match.group("magnitude"))
        else:
            value = parse_number(match.group("chinese"))
        if value is None:
            continue
        low = _RANGE_LOW_RE.search(text, max(start, match.start() - 12), match.start())
        if low and match.group("arabic") is not None:
            # "增长6%—7%", "6-7万人": a range reads as at least its lower bound.
            upper = parse_number(match.group("arabic"))
            low_value = parse_number(low.group("low"))
            if upper and low_value is not None:
                if found and found[-1].start == low.start():
                    found.pop()  # "6%" was read on its own
                found.append(
                    _Quantity(low.start(), match.end(), low_value * value / upper, unit, True)
                )
                continue
        # A digit run glued to letters or other digits is a code, not a figure.
        before = text[match.start() - 1] if match.start() > 0 else ""
        if before.isascii() and (before.isalnum() or before in ".-/"):
            continue
        if unit == "元人民币":
            unit = "元"
        if unit == "个百分点":
            unit = "百分点"
        found.append(
            _Quantity(match.start(), match.end(), value, unit, match.group("more") is not None)
        )
    # Index values have no unit: "两化融合发展指数达到110".
    indexed = False
    for match in _INDEX_VALUE_RE.finditer(text, start, end):
        value = parse_number(match.group("number"))
        if value is not None:
            found.append(_Quantity(match.start("number"), match.end("number"), value, "", False))
            indexed = True
    # A ratio after its verb: "城乡居民收入之比达到2.3:1以上" (value 2.3, unit ":1").
    for match in _RATIO_VALUE_RE.finditer(text, start, end):
        value = parse_number(match.group("number"))
        if value is not None:
            found.append(_Quantity(match.start("number"), match.end("ratio"), value, ":1", False))
            indexed = True
    if indexed:
        found.sort(key=lambda quantity: quantity.start)
    return found


_RANGE_LOW_RE: Final = re.compile(rf"(?<![\d.])(?P<low>{ARABIC_PATTERN})(?:%|‰)?[-—–~～至到]\Z")
_RATIO_VALUE_RE: Final = re.compile(
    r"比(?:值|例)?(?:达到|达|缩小到|缩小至|缩小为|控制在|降至|降到|保持在|为)(?:约)?"
    rf"(?P<number>{ARABIC_PATTERN})(?P<ratio>:1)(?![\d.])"
)
_INDEX_VALUE_RE: Final = re.compile(
    r"(?:指数|系数|得分|分值|评分|值)(?:达到|达|超过|突破|不低于|保持在|提高到|提升到|控制在|降至|为)"
    rf"(?:约|≥|≤)?(?P<number>{ARABIC_PATTERN})(?=以上|以下|以内|左右|[,;。]|\Z)"
)


def _in_regions(position: int, regions: list[tuple[int, int]]) -> bool:
    """Whether ``position`` lies in one of the sorted, disjoint ``regions``."""
    index = bisect_right(regions, (position, sys.maxsize)) - 1
    return index >= 0 and regions[index][0] <= position < regions[index][1]


@dataclass(slots=True)
class _SentenceState:
    year: int | None
    past: bool
    aspiration: bool
    subject: str  # the last indicator, for clauses without a subject of their own
    verb: str = ""  # the last target's verb, for a clause that opens with its figure
    paired_years: tuple[int, ...] = ()  # "到2022年和2030年": one year per figure
    adding: bool = False  # a 新增 list runs on: "新增A30个;B10条;C5座"
    target_subject: str = ""  # the indicator of the last target read
    listing: bool = False  # an earlier clause gave a target with its verb


def read_chinese_sentence(text: str, context: SentenceContext) -> SentenceReading:
    """The targets and named numbers of one sentence of the cleaned text."""
    reading = SentenceReading()
    start, end = context.start, context.end
    quantities = _quantities(text, start, end)
    if not quantities:
        return reading
    quotes = [match.span() for match in _QUOTE_RE.finditer(text, start, end)]
    # "A区(4.73平方公里)、B区(10.46平方公里),共计15.19平方公里", "整治125个村庄(包括
    # 63个…、62个…)": a figure in brackets annotates the noun before it (a part, a
    # breakdown); it is no target of its own.
    brackets = [match.span() for match in _BRACKET_RE.finditer(text, start, end)]
    quantity_starts = [q.start for q in quantities]
    years = find_years(text, start, end)
    year_starts = [mention.start for mention in years]
    deadlines = [mention for mention in years if _is_deadline(text, mention, context)]
    deadline_starts = {mention.start for mention in deadlines}
    # A bare year that leads the sentence ("2023年,…") looks forward only when
    # the plan's start is known and it is not earlier.
    dated = any(m.role != "bare" or context.reference_year is not None for m in deadlines)
    if not dated and _is_past_sentence(text, context):
        return reading
    # "…新建公共充电桩1万个,其中2024年建成3000个,2025年建成3500个": the years of
    # the stages do not date the total before them.
    # A bare year that leads a later clause dates that clause and the ones after it.
    governing = [
        m
        for m in deadlines
        if not text.endswith("其中", start, m.start)
        and (m.role != "bare" or m.start == start or _after_place_lead(text, m.start, start))
    ]
    state = _SentenceState(
        year=governing[0].year if governing else None,
        past=False,
        aspiration=False,
        subject="",
        paired_years=governing[0].years if governing else (),
    )
    # "2013年的主要预期目标是:生产总值增长13%,…", "卫辉市提出的目标是:GDP增速15%,…":
    # a lead-in inside the sentence puts the items after it under the goals (and
    # dates them when it names a year not before the plan's start).
    colon = _GOALS_COLON_RE.search(text, start, end)
    goals_lead = (
        _INLINE_GOALS_RE.search(text, max(start, colon.start() - 20), colon.end())
        if colon
        else None
    )
    goals_context = replace(context, in_goals=True) if goals_lead else context
    for clause_start, clause_end in split_clauses(text, start, end):
        under_lead = goals_lead is not None and clause_start >= goals_lead.end()
        if under_lead and goals_lead is not None and goals_lead.group("year"):
            lead_year = int(goals_lead.group("year"))
            if (context.reference_year is None or lead_year >= context.reference_year) and (
                state.year is None or state.past
            ):
                state.year, state.past = lead_year, False
        # Quantities and years are in text order: take each clause's share by
        # bisection, so a sentence with many clauses stays linear.
        clause_quantities = quantities[
            bisect_left(quantity_starts, clause_start) : bisect_left(quantity_starts, clause_end)
        ]
        clause_years = years[
            bisect_left(year_starts, clause_start) : bisect_left(year_starts, clause_end)
        ]
        _update_state(text, state, clause_start, clause_years, deadline_starts, context)
        clause_text = text[clause_start:clause_end]
        if text[clause_start - 1 : clause_start] == ";" or text.startswith(";", clause_start):
            state.aspiration = False  # "力争…;到2027年,培育…": 力争 ends with its part
        if not clause_quantities:
            if _ASPIRATION_RE.search(clause_text) and (
                clause_years or len(_indicator(clause_text)) <= 8
            ):
                # 力争到2020年, … governs what follows; "根据实际情况争取更好的结果"
                # aims at its own object.
                state.aspiration = True
            if text[clause_end : clause_end + 1] == ":" or not clause_years:
                label = _indicator(clause_text)
                if label and len(label) <= 30:
                    state.subject = label
            elif not state.subject:
                # "2024年福建省地区生产总值预计可实现全年预期目标,2025年计划增长5%":
                # the subject of a dated clause without a figure, for the clauses
                # after it that name none.
                label = _STATUS_TAIL_RE.sub("", _indicator(clause_text))
                if label and len(label) <= 16:
                    state.subject = label
            continue
        before = len(reading.targets)
        clause_quantities = [q for q in clause_quantities if not _in_regions(q.start, brackets)]
        if not clause_quantities:
            # "划定生态保护区A区(4.73平方公里)、…": the parts name the subject of the
            # total that follows.
            label = _indicator(text[clause_start : text.find("(", clause_start, clause_end)])
            if label and len(label) <= 30:
                state.subject = label
            continue
        _read_clause(
            text,
            goals_context if under_lead else context,
            state,
            clause_start,
            clause_end,
            clause_quantities,
            quotes,
            reading,
        )
        added = reading.targets[before:]
        if state.paired_years and len(added) == len(state.paired_years) > 1:
            # "到2022年和2030年，A分别不低于22%和30%": figures in the order of the years.
            for target, year in zip(added, state.paired_years, strict=True):
                target.year = year
    return reading


_GOALS_COLON_RE: Final = re.compile(r"(?:目标|指标)(?:任务)?(?:是|为):")
_INLINE_GOALS_RE: Final = re.compile(
    r"(?:(?P<year>(?:19|20)\d\d)年度?的?)?[^,;:。!?\d\n]{0,12}(?:目标|指标)(?:任务)?(?:是|为)[:]"
)


def _is_past_sentence(text: str, context: SentenceContext) -> bool:
    """A sentence without a deadline of the plan is a past fact when a mark of
    the past dates all of it ("去年…", "近年来…", "已经…"), when it reviews the
    previous plan's period ("“十四五”时期…" in a 十五五 plan), or when it
    compares with the year before (同比, 比上年) and nothing — no lead-in, no
    annual plan year, no 力争 / 确保 / 预计 — points it forward."""
    start, end = context.start, context.end
    if _SENTENCE_PAST_RE.search(text, start, end):
        return True
    reference = context.reference_year
    if reference is not None:
        for match in _PREVIOUS_PERIOD_RE.finditer(text, start, end):
            plan_end = FIVE_YEAR_PLANS.get(match.group("plan"))
            if plan_end is not None and plan_end < reference:
                return True
    if context.carried_year is not None or _FORWARD_WORD_RE.search(text, start, end):
        return False
    return bool(_COMPARISON_RE.search(text, start, end))


def _is_deadline(text: str, mention: YearMention, context: SentenceContext) -> bool:
    """A year that sets the deadline of the figures after it: 到2020年 /
    2020年前 / 2020年底 and a bare year or a range that leads its clause — but
    only if it is not earlier than the plan's start; an earlier one dates a
    past fact ("截至2022年底,…" in a 2023—2025 plan)."""
    reference = context.reference_year
    if mention.role in ("deadline", "range"):
        if mention.role == "range" and not _leads_clause(text, mention, context):
            return False
        return reference is None or mention.year >= reference
    if mention.role != "bare":
        return False
    # A bare year leads its clause ("2020年,新增…", "2020年全市…"); one inside a
    # clause names a dated thing ("办好2019年世界港口大会").
    if not _leads_clause(text, mention, context):
        return False
    return reference is None or mention.year >= reference


def _leads_clause(text: str, mention: YearMention, context: SentenceContext) -> bool:
    before = text[max(context.start, mention.start - 3) : mention.start]
    return (
        mention.start == context.start
        or before.endswith((",", ":", ";", "力争", "争取", "其中"))
        or _after_place_lead(text, mention.start, context.start)
    )


# What a status clause says of its subject: "…预计可实现全年预期目标".
_STATUS_TAIL_RE: Final = re.compile(r"(?:预计|可|将|已|基本)*(?:实现|完成|达到|保持)[^,;。]*\Z")
_PLANNED_LEAD_RE: Final = re.compile(r"\A(?:(?:全|我|本)[市县区省镇乡])?(?:计划|年内|全年)")
# "全市2020年计划新开工…": a place that opens the clause before its year.
# "五莲县2012年全年实现…": a named place too (two to six characters and 省 / 市 /
# 县 / 区 / 镇 / 乡).
_PLACE_LEAD_RE: Final = re.compile(
    r"(?:全|我|本)[市县区省镇乡国]\Z|(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{1,5}[省市县区镇乡]\Z"
)


def _after_place_lead(text: str, position: int, sentence_start: int) -> bool:
    place = _PLACE_LEAD_RE.search(text, max(sentence_start, position - 6), position)
    if place is None:
        return False
    return place.start() == sentence_start or text[place.start() - 1] in ",:;"


def _update_state(
    text: str,
    state: _SentenceState,
    clause_start: int,
    clause_years: list[YearMention],
    deadline_starts: set[int],
    context: SentenceContext,
) -> None:
    for mention in clause_years:
        if mention.start in deadline_starts:
            state.year = mention.year
            state.paired_years = mention.years
            state.past = False
        elif (
            mention.role in ("bare", "deadline", "range")
            and context.reference_year is not None
            and mention.year < context.reference_year
            and (
                text[clause_start : mention.start].strip(" ,") == ""
                or _after_place_lead(text, mention.start, clause_start)
            )
        ):
            # "2017年,全市接待游客…", "截至2022年底,…": a past fact, until a
            # deadline comes.
            state.past = True
            state.year = None


def _read_clause(
    text: str,
    context: SentenceContext,
    state: _SentenceState,
    clause_start: int,
    clause_end: int,
    quantities: list[_Quantity],
    quotes: list[tuple[int, int]],
    reading: SentenceReading,
) -> None:
    clause_text = text[clause_start:clause_end]
    aspirational = state.aspiration or bool(_ASPIRATION_RE.search(clause_text))
    past = state.past or bool(_PAST_RE.search(clause_text))
    if _GRANT_RE.search(clause_text):
        # "给予一次性奖励100万元", "按10%给予补助": support a measure offers,
        # not a quantity the plan commits to reach. A clause after it without a
        # subject takes the last target's ("筹建公租房1240套,发放租赁住房补贴1100户,
        # 基本建成3100套").
        state.subject = state.target_subject
        return
    # 由X提高到Y: X is Y's baseline, and Y's subject ends before 由.
    baseline_of: dict[int, tuple[float, int | None, int]] = {}
    baselines: set[int] = set()
    for first, second in pairwise(quantities):
        between = text[first.end : second.start]
        window = max(clause_start, first.start - 10)
        from_match = _FROM_RE.search(text[window : first.start])
        if from_match and _TO_RE.match(between):
            year_text = from_match.group("year")
            if year_text:
                year: int | None = int(year_text)
            else:  # unstated: the year before the plan starts
                year = context.reference_year - 1 if context.reference_year else None
            baseline_of[second.start] = (first.value, year, window + from_match.start())
            baselines.add(first.start)
    spread = _spread_subjects(text, clause_start, quantities)
    thresholds_from: int | None = None
    previous_verb = previous_mark = ""
    previous_kind: TargetKind | None = None
    last_target_end = clause_start
    for index, quantity in enumerate(quantities):
        if _in_regions(quantity.start, quotes) or text[quantity.start - 1 : quantity.start] == "第":
            reading.names.append(FoundName(quantity.start, quantity.end, context.node))
            continue
        if quantity.start in baselines:
            continue
        lone_one = (
            text[quantity.start] == "一" and text[quantity.start + 1] not in _CN_NUMERAL_CHARS
        ) or (
            # "创建1个“公园城市示范点”": a count of one in figures is no different.
            text[quantity.start] == "1" and quantity.value == 1 and quantity.unit in _COUNT_UNITS
        )
        if lone_one and not _ONE_COUNTS_RE.search(
            text, max(clause_start, quantity.start - _LEFT_WINDOW), quantity.start
        ):
            # "一个", "改造一户、销档一户": the article "a" or a one-for-one rule;
            # a count of one is a target only for each unit or as a floor
            # ("每个乡镇都建有一所", "至少办一所").
            continue
        baseline = baseline_of.get(quantity.start)
        after = quantity.end
        trail_match = _TRAIL_RE.match(text, after, clause_end)
        trail = trail_match.group() if trail_match else ""
        after += len(trail)
        bound = trail or _list_bound(text, quantities, index, clause_end)
        tail = text[after : min(clause_end, after + _TAIL_WINDOW)]
        next_start = quantities[index + 1].start if index + 1 < len(quantities) else clause_end
        # The subject runs from the last target figure (or the clause start):
        # a figure that is part of a name ("超10亿元企业50家") stays in it.
        left_start = last_target_end
        left = text[max(left_start, quantity.start - _LEFT_WINDOW) : quantity.start]
        left_match = _LEFT_RE.search(left)
        verb = left_match.group("verb") or "" if left_match else ""
        mark = left_match.group("mark") or "" if left_match else ""
        listed_noun = index > 0 and bool(_LISTED_NOUN_RE.fullmatch(left))
        if index > 0 and not verb and (left.strip() in ("、", "和", "及", "与") or listed_noun):
            # 分别增长7.5%、8%: the second figure shares the first one's verb;
            # so does the second of "完成1990个积水点改造及28个空洞点位修复".
            verb, mark = previous_verb, previous_mark
        elif index == 0 and not verb and not left.strip(" 和及与并") and state.verb:
            # "完成5公里老旧供水管网改造,10公里排水主管修复改造": a clause that opens
            # with its figure shares the verb of the clause before.
            verb = state.verb
        previous_verb, previous_mark = verb, mark
        if left_match and left_match.group("aspiration"):
            aspirational = True
        ends_clause = bool(_TAIL_OK_RE.match(text, after, clause_end)) or (
            next_start < clause_end and text[after:next_start].strip() in ("、", "和", "及")
        )
        # "使90%以上城镇家庭具备千兆接入能力": a percentage of a population.
        population = (
            not ends_clause
            and quantity.unit == "%"
            and bool(_POPULATION_RE.match(tail))
            and (state.year is not None or context.carried_year is not None)
            # "节能率不低于15%的既有公共建筑": a rate that qualifies the noun (a
            # standard it meets), not a share of it.
            # "力争实现20%的村集体年收入超30万元": 实现 / 使 introduce the state reached.
            and not mark
            and verb in ("", "实现", "使", "让")
        )
        if thresholds_from is not None and quantity.start > thresholds_from:
            # "…20%的村集体年收入超30万元": a figure in the condition that defines
            # the population of a share is a threshold, not a target.
            continue
        if population:
            thresholds_from = quantity.start
        work_after = None
        bare_left = left[: len(left) - len(left_match.group())] if left_match else left
        if not ends_clause and not verb and _FOR_OBJECT_RE.search(bare_left):
            # "对300个公交站台进行适老化改造", "对其中的约24公里进行修复或改造": the
            # work comes after its object.
            work_after = _WORK_AFTER_RE.match(tail)
            if work_after:
                verb = work_after.group("verb")
        elif not ends_clause and not verb and _PUSH_BEFORE_RE.fullmatch(bare_left.strip()):
            # "加快10个商贸项目建设", "首批100个示范社区全面建成", "加快推进7公顷工业用地
            # 报批": the work or creation that closes the clause governs the count.
            work_after = _WORK_NOUN_AFTER_RE.match(tail)
            if work_after:
                verb = "完成"
        if not verb and not ends_clause and _SUM_RE.search(bare_left):
            # "完成电四小区、鲁汇一村共计约1.4万平方米成套改造": the verb that opens
            # the clause governs the sum of its objects.
            opening = _OPENING_VERB_RE.match(_clause_opening(text, left_start, quantity.start))
            if opening:
                verb = opening.group("verb")
        if not verb and not ends_clause and bare_left.endswith(("、", "和", "及")):
            # "完成县应急广播指挥中心、18个乡镇应急广播分控中心、376个村居广播室…建设":
            # an item of a list shares the verb of work that opens the clause.
            opening = _OPENING_VERB_RE.match(_clause_opening(text, clause_start, quantity.start))
            if opening:
                verb = opening.group("verb")
        entering = None
        if (
            not ends_clause
            and verb not in _CREATION_VERBS
            and quantity.unit in _COUNT_UNITS
            and (state.year is not None or context.carried_year is not None)
        ):
            # "10家医院进入全国医院排行榜百强": a count of what enters a ranking or
            # a list (百强 is its name), a level.
            entering = _ENTER_RANKING_RE.match(tail)
            if entering:
                work_after, verb = entering, "实现"
        if not ends_clause and quantity.unit == "岁":
            continue  # "3岁以下婴幼儿托位数", "60岁以上老年人": an age class names a population
        if not ends_clause:
            if tail and _NAME_AFTER_RE.match(tail):
                reading.names.append(FoundName(quantity.start, quantity.end, context.node))
            if (
                not population
                and not entering
                and not _noun_target_allowed(verb, quantity, state, context)
            ):
                continue
        if past or (context.background and state.year is None):
            # Under a review of the past (发展基础…), only a figure with a
            # deadline of its own in the sentence looks forward.
            continue
        opening_verb = ""
        if (
            not verb
            and ends_clause
            and quantity.unit not in _RATE_UNITS
            and (index == 0 or quantities[index - 1].end <= left_start)
        ):
            # "完成改造项目1.42万平方米": a verb of work or creation that opens
            # the clause governs the figure that closes it.
            opening = _OPENING_VERB_RE.match(_clause_opening(text, left_start, quantity.start))
            if opening:
                verb = opening_verb = opening.group("verb")
        # "…;完成建筑业总产值320亿元,…;旧城改造建筑面积30万平方米": a clause that names
        # its subject and figure, in a sentence whose earlier clauses listed targets
        # with their verbs, is one more item of the list.
        listed_item = state.listing and ends_clause and not past
        forward = (
            state.year is not None
            or context.carried_year is not None
            or context.in_goals
            or listed_item
        )
        if not (verb or mark or trail or forward or quantity.more):
            continue
        if not verb and not mark and not forward and not trail:
            continue
        if baseline is not None:
            indicator = _indicator(text[clause_start : baseline[2]])
        else:
            indicator = spread.get(quantity.start) or _subject(
                text, left_start, quantity, left_match
            )
        if (
            opening_verb
            and opening_verb not in _CHANGE_BEFORE_FIGURE
            and indicator.startswith(opening_verb)
        ):
            indicator = indicator[len(opening_verb) :]  # the verb is no part of the subject
        elif ends_clause and verb in _WORK_VERBS and verb not in _BARE_WORK_VERBS and indicator:
            # "老旧住房综合修缮90万平方米": the work verb names the work measured.
            indicator += verb
        elif (
            ends_clause
            and verb in _CREATION_VERBS
            and verb not in _WORK_VERBS
            and indicator
            and _opens_with_work(text, left_start, quantity.start)
        ):
            # "完成应急避难场所建设144.45万平方米": under an opening verb of work,
            # the verb before the figure names the work measured.
            indicator += verb
            verb = "完成"
        if work_after:
            indicator = work_after.group("object") + work_after.group("work")
        elif not ends_clause:
            indicator = _noun_after(tail, "" if population else verb, quantity.unit)
            measured = _MEASURED_PART_RE.match(indicator) if population else None
            if measured:
                # "城市建成区40%以上的面积达到…要求": the share of the area of the
                # subject before the figure (城市建成区面积).
                owner = _subject(text, left_start, quantity, left_match)
                if owner:
                    indicator = owner + measured.group("part")
        if _PLACE_RE.fullmatch(indicator) and state.subject:
            # "…PM2.5浓度总体达标,北京市控制在32微克/立方米以内": a place alone
            # takes the measure of the clause before (ruling 22).
            measures = _MEASURE_RE.findall(state.subject)
            if measures:
                indicator += measures[-1]
        if not indicator or indicator in _VERB_SET:
            # "…新增第三卫生间,三年累计改造新增71座": a verb alone names nothing.
            indicator = state.subject or indicator
        # "全市2020年计划新开工49个": the plan's own word 计划 names nothing.
        # "2025年计划增长5%": 计划 alone takes the subject of the clause before.
        indicator = _PLANNED_LEAD_RE.sub("", indicator) or state.subject or indicator
        if (
            ends_clause
            and not context.in_goals
            and verb not in _GE_SET
            and _ATTRIBUTE_SUBJECT_RE.search(indicator)
            # "旧城改造建筑面积30万平方米": the area of the work itself is measured.
            and not _WORK_NOUN_RE.search(indicator)
        ):
            # "建设区市民中心,总建筑面积约10万平方米": the size of what a task builds.
            continue
        if not indicator or _CAP_SUBJECT_RE.fullmatch(indicator):
            # "…给予补助,最高不超过500万元": the cap of a grant has no subject.
            continue
        if state.year is None and _is_standard(
            text, context, quantity, indicator, verb, mark, trail
        ):
            # "1人户不低于20平米", "新建住宅层高不低于3米": a norm every unit must
            # meet, not a quantity the plan commits to reach by a time.
            continue
        subject_before = state.subject
        state.subject = state.target_subject = indicator
        state.verb = verb
        if verb or mark:
            state.listing = True
        listed = text[last_target_end : last_target_end + 1] in ("、", " ")
        last_target_end = after
        value, kind = _kind_and_value(indicator, verb, quantity)
        if population:
            kind = "share"
        leading = _LEADING_CHANGE_RE.match(indicator) if not verb else None
        if leading and leading.group("rest"):
            # "降低用电成本30%以上": the verb comes before its object.
            indicator = leading.group("rest")
            fall = leading.group("verb") in _FALL_SET
            rate = quantity.unit in ("%", "‰", "百分点")
            value = -quantity.value if fall else quantity.value
            kind = "growth_rate" if rate else "increment"
        elif previous_kind == "increment" and kind == "level" and listed:
            kind = "increment"  # "新建国家级重点实验室3家、省级重点实验室50家"
        total = index == 0 and _TOTAL_OPENING_RE.fullmatch(
            text[clause_start : quantity.start].strip()
        )
        if total and not rate_unit_of(quantity):
            # "新增口袋公园30个,总计达60个": the total reached is a level of the
            # same units, not a count added.
            if indicator == subject_before or indicator in _SUM_WORDS:
                indicator = _ADDED_PREFIX_RE.sub("", subject_before) or indicator
                state.subject = indicator
            kind = "level"
        elif (
            kind == "level"
            and state.adding
            and not verb
            and not mark
            and not rate_unit_of(quantity)
            and not _TOTAL_SUBJECT_RE.search(indicator)
        ):
            # "新增口袋公园30个,…;绿道10条,…;驿站5座": 新增 carries over the items of
            # the list, each with its own subject.
            kind = "increment"
        if kind == "increment" and (
            verb in _CHANGE_BEFORE_FIGURE or _INCREMENT_SUBJECT_RE.search(indicator)
        ):
            state.adding = True
        elif verb and verb not in _CHANGE_BEFORE_FIGURE and not total:
            state.adding = False
        previous_kind = kind
        at_least = bool(_AT_LEAST_RE.search(text, left_start, quantity.start))
        comparator = _comparator(verb, mark, bound, quantity.more, kind, at_least)
        year = state.year or context.carried_year or context.default_year
        window_start = max(left_start, quantity.start - _LEFT_WINDOW)
        ahead = _AHEAD_RE.search(text, window_start, quantity.start)
        if ahead and year is not None:
            # "到2020年,…配套率提前一年达到100%": one year before the deadline.
            year -= int(parse_number(ahead.group("years")) or 0)
        shared = _shared_figure_subjects(text, clause_start, quantities, quantity, indicator)
        for subject in shared or [indicator]:
            reading.targets.append(
                FoundTarget(
                    indicator=subject,
                    value=value,
                    unit=quantity.unit,
                    year=year,
                    comparator=comparator,
                    aspirational=aspirational,
                    kind=kind,
                    baseline_value=baseline[0] if baseline else None,
                    baseline_year=baseline[1] if baseline else None,
                    sentence_start=context.start,
                    sentence_end=context.end,
                    node=context.node,
                    quantity_start=quantity.start,
                    quantity_end=quantity.end,
                )
            )


# Words that make a figure a norm: a modal of obligation, "as a rule".
_NORM_RE: Final = re.compile(
    r"应当|(?<![供响反效对相适回呼])应(?=[按达执满符不设配具在有])|必须|均须|须达到|原则上|不得|严禁"
)
# Subjects that name an attribute of every unit of a class: "新建住宅层高",
# "新建项目绿地率", "1人户".
_STANDARD_SUBJECT_RE: Final = re.compile(
    r"\A(?:新建|新开工|新改扩建|单体|单栋|单套|每[个栋套户座所])[^,;。]{0,12}"
    r"(?:率|层高|高度|净高|面积|间距|宽度|厚度|标准|比例)\Z"
    r"|\A[\d一二三四五六]+人户\Z"
)
_BOUND_VERBS: Final = frozenset({"不低于", "不少于", "不超过", "不高于", "低于", "高于", "至少"})


def _is_standard(
    text: str,
    context: SentenceContext,
    quantity: _Quantity,
    indicator: str,
    verb: str,
    mark: str,
    trail: str,
) -> bool:
    """A figure without a deadline of its own that states a standard: a
    modal of obligation (应 / 必须 / 不得 / 原则上) before it in its sentence,
    or a bound ("不低于") on an attribute of every unit of a class ("新建住宅层高",
    "1人户") outside the plan's goals and lead-ins."""
    if _NORM_RE.search(text, context.start, quantity.start):
        return True
    bound = verb in _BOUND_VERBS or mark in _BOUND_VERBS or trail in ("以上", "以下", "以内")
    return (
        bound
        and context.carried_year is None
        and not context.in_goals
        and bool(_STANDARD_SUBJECT_RE.search(indicator))
    )


def _shared_figure_subjects(
    text: str, clause_start: int, quantities: list[_Quantity], quantity: _Quantity, indicator: str
) -> list[str]:
    """ "二氧化硫、氮氧化物排放总量分别比2015年下降15%以上": one figure that 分别 gives
    to each of its subjects, the measure named once at the end shared by all
    (二氧化硫排放总量, 氮氧化物排放总量)."""
    spread = _SPREAD_RE.search(text, clause_start, quantity.start)
    if spread is None or any(q.start > spread.end() and q is not quantity for q in quantities):
        return []
    parts = [part for part in indicator.split("、") if part]
    if len(parts) < 2:
        return []
    measure = _MEASURE_TAIL_RE.search(parts[-1])
    if measure is None:
        return parts
    return [part if _MEASURE_TAIL_RE.search(part) else part + measure.group() for part in parts]


# A clause that states a running total: "总计达60个", "共计15.19平方公里".
_TOTAL_OPENING_RE: Final = re.compile(
    r"(?:总计|合计|共计|累计|总数|总量|总共|共)(?:达到|达|为|超过)?(?:约|超|近)?"
)
_SUM_WORDS: Final = frozenset({"总计", "合计", "共计", "累计", "总数", "总量", "总共", "共", ""})
_ADDED_PREFIX_RE: Final = re.compile(r"\A(?:累计新增|新增|新建|净增)")
_TOTAL_SUBJECT_RE: Final = re.compile(r"总|累计|率|比重|占比")


def rate_unit_of(quantity: _Quantity) -> bool:
    return quantity.unit in ("%", "‰", "百分点", "倍")


def _list_bound(text: str, quantities: list[_Quantity], index: int, clause_end: int) -> str:
    """The bound after the last of figures listed side by side ("分别增长7%、8%左右"):
    it bounds each of them."""
    last = index
    while (
        last + 1 < len(quantities)
        and text[quantities[last].end : quantities[last + 1].start] == "、"
        and quantities[last + 1].unit == quantities[index].unit
    ):
        last += 1
    if last == index:
        return ""
    trail = _TRAIL_RE.match(text, quantities[last].end, clause_end)
    return trail.group() if trail else ""


def _noun_target_allowed(
    verb: str, quantity: _Quantity, state: _SentenceState, context: SentenceContext
) -> bool:
    """A figure followed by a noun ("新增10条国际航线") counts only when a verb of
    creation or change introduces it and a deadline governs it: one in the
    text, or the end of the plan's stated period for counts above one
    ("打造100个5G应用示范场景" in a 2020—2022 plan)."""
    if verb not in _CHANGE_BEFORE_FIGURE and verb not in _CREATION_VERBS:
        return False
    if state.year is not None or context.carried_year is not None:
        return True
    return context.default_year is not None and quantity.value > 1


# Where the noun after a figure ends: a clause mark, 等, or a conjunction before
# the next figure ("完成1990个积水点改造及28个空洞点位修复").
_LISTED_NOUN_RE: Final = re.compile(r"[^,;。\d]{1,20}(?:及|和|与|、)")
_NOUN_END_RE: Final = re.compile(r"[,;。(（]|等|(?:及|和|与|、)(?=[\d一二三四五六七八九十两])")


def _noun_after(tail: str, verb: str, unit: str) -> str:
    """The noun after a figure, "建成10个特色小镇" → 特色小镇; empty when it names
    the plan's own items counted as items ("实施20项重点任务", "5个专项行动")
    or is no short noun phrase. Counted in a measure of the work ("完成200万户
    危房改造任务"), the noun names the work, without its 任务 / 工程."""
    noun = tail.strip(" 的")
    noun = _NOUN_END_RE.split(noun, maxsplit=1)[0]
    # A list of works measured together ("80万平米屋面…改造、…综合整治及…修缮") may be
    # longer than a noun.
    if not noun or len(noun) > (30 if "、" in noun else 20):
        return ""
    own = _OWN_ITEMS_RE.search(noun)
    if own:
        if unit in _ITEM_CLASSIFIERS or len(noun) == len(own.group()):
            return ""
        noun = noun[: own.start()]
    return f"{verb}{noun}" if verb in _CHANGE_BEFORE_FIGURE else noun


def _subject(
    text: str, left_start: int, quantity: _Quantity, left_match: re.Match[str] | None
) -> str:
    cut = quantity.start - (len(left_match.group()) if left_match else 0)
    return _indicator(text[max(left_start, cut - _SUBJECT_WINDOW) : cut])


_YEAR_PHRASE_PATTERN: Final = (
    r"(?:同比|比|较|与|同)(?:19|20)\d\d年(?:相比|水平)?|同比|(?:比|较)(?:上年|去年|基期)"
    r"|(?:截至到|截止到|截至|截止|到了|到|至|在|于)?(?:19|20)\d\d年(?:底前|末前|年底前|底|末|前|以前|之前|时)?"
    r"|(?:到|至)?“?十[一二三四五六]五”?(?:末|期末|时期末)"
)
_YEAR_PHRASE_RE: Final = re.compile(_YEAR_PHRASE_PATTERN)

_RATE_UNITS: Final = frozenset({"%", "‰", "百分点", "倍", ""})
_OPENING_VERB_RE: Final = re.compile(
    r"(?P<verb>"
    + "|".join(
        re.escape(verb)
        for verb in sorted(
            _WORK_VERBS | _CHANGE_BEFORE_FIGURE | _CREATION_VERBS - {"办", "发展", "推动", "带动"},
            key=len,
            reverse=True,
        )
    )
    + r")(?!区|率|量|数|情况)"
)
_PLACE_VERB_AFTER: Final = "改造|新建|新开工|建成|完成|实施|建设|开工|新增|筹集|加装"
_OPENING_SKIP_RE: Final = re.compile(
    rf"(?:{_YEAR_PHRASE_PATTERN}|{_ASPIRATION}"
    r"|其中|并且|并|同时|全面|累计|共|再|继续|持续|确保|基本|全年|年内|每年|当年"
    # "今年我市将力争完成…": the year word, the place and the modal before the verb.
    r"|今年|明年|(?:全|我|本)[市县区省镇乡]|我国|将|要|计划|规划"
    # "2024年,内蒙古将改造…": a named place and its modal before the verb.
    rf"|[\u4e00-\u9fff]{{2,4}}将(?={_PLACE_VERB_AFTER})"
    r"|[一二三四五六七八九十]是|“?十[一二三四五六]五”?(?:期间|时期)"
    r"|“[^”\n]{1,12}”(?:是指|指|即)|是指"
    r"|(?:今后|未来)?[一二三四五六七八九十两\d]+年(?:内|间)?|,| )*"
)


def _opens_with_work(text: str, start: int, end: int) -> bool:
    """Whether a verb of work ("完成…") opens the clause before ``end``."""
    opening = _OPENING_VERB_RE.match(_clause_opening(text, start, end))
    return opening is not None and opening.group("verb") in _WORK_VERBS


def _clause_opening(text: str, start: int, end: int) -> str:
    """The clause from ``start`` to ``end`` without its year phrase, aspiration
    and conjunctions: where a verb that governs the clause would stand."""
    skip = _OPENING_SKIP_RE.match(text, start, end)
    return text[skip.end() if skip else start : end]


def _indicator(clause: str) -> str:
    """The subject phrase of a clause: year phrase, lead words, aspiration
    words and trailing particles removed."""
    phrase = _YEAR_PHRASE_RE.sub("", clause)
    phrase = _ASPIRATION_RE.sub("", phrase)
    previous = None
    while previous != phrase:
        previous = phrase
        phrase = _LEAD_WORDS_RE.sub("", phrase)
        phrase = _TRAIL_WORDS_RE.sub("", phrase)
        phrase = phrase.strip(' ,;:、“”"●■◆▲')
    return phrase


_SPREAD_RE: Final = re.compile(r"分别")
# The measure that ends a subject ("…排放总量", "…PM2.5浓度", "…覆盖率").
_MEASURE: Final = (
    r"(?:PM2\.5|PM10)?(?:排放总量|排放量|浓度|比重|占比|比例|比率|增加值|收入|总额|总量|产值|"
    r"覆盖率|指数)"
)
_MEASURE_TAIL_RE: Final = re.compile(rf"{_MEASURE}\Z|[\u4e00-\u9fff]{{1,2}}率\Z")
_MEASURE_RE: Final = re.compile(_MEASURE)
_PLACE_RE: Final = re.compile(r"[\u4e00-\u9fff]{1,8}(?:省|市|区|县|地区|城市|平原|流域|片区|新区)")
_ONE_COUNTS_RE: Final = re.compile(r"每|至少|不少于|不低于|以上")
_CN_NUMERAL_CHARS: Final = "零〇一二两三四五六七八九十百千万亿点"
_WORK_AFTER_RE: Final = re.compile(
    r"(?P<object>[^,;。\d]{0,20}?)(?:进行|实施|开展)"
    r"(?P<work>[^,;。\d]{0,8}(?P<verb>改造|修缮|整治|治理|修复|更新|提升|升级|加固|翻新|建设))"
)
# The part of a population that a share measures: "…40%以上的面积达到…".
_MEASURED_PART_RE: Final = re.compile(
    r"(?P<part>面积|人口|用地|岸线)(?:达到|具备|实现|满足|符合|完成|纳入)"
)
_FOR_OBJECT_RE: Final = re.compile(r"对(?:其中的?)?\Z")
# Words that may stand before a count whose work comes after its noun.
_PUSH_BEFORE_RE: Final = re.compile(
    r"(?:全市|全县|全区|全镇|全年|年内|首批|计划|加快|推进|推动|全力|全面|确保|力争|争取|抓好|"
    r"继续|持续|启动)*"
)
_WORK_NOUN_AFTER_RE: Final = re.compile(
    r"(?P<object>[^,;。\d、]{1,16}?)(?:全面|加快|基本|同步|如期)?"
    r"(?P<work>开工建设|建设|建成|开工|竣工|投用|投产|报批|改造|提升改造|落地)(?=[,;。]|\Z)"
)
# "建成投用沿浦、宜山…等8家卫生院": 等 closes a list that its figure sums.
_ENTER_RANKING_RE: Final = re.compile(
    r"(?P<object>[^,;。\d、]{1,12}?)(?P<work>(?:进入|入选|跻身|入围|位列)[^,;。\d]{1,20})(?=[,;。]|\Z)"
)
_SUM_RE: Final = re.compile(r"(?:共计|合计|总计|等)\Z")
_MEASURE_UNITS: Final = frozenset(
    {"公里", "千米", "米", "平方米", "平方公里", "亩", "公顷", "万亩"}
)
# Classifiers of countable units: a count of one of them is an article or a
# one-for-one rule unless 每 or a floor makes it a target.
_COUNT_UNITS: Final = frozenset(
    {"项", "个", "类", "批", "件", "条", "场", "次", "种", "款", "所", "家", "座", "处", "幢"}
    | {"栋", "台", "套", "片", "支", "名", "位", "户"}
)
_GRANT_RE: Final = re.compile(r"给予|奖励|补助|补贴|资助|贴息|奖补")
# Attributes of the object of a task (ruling 32): its size, length or cost.
_ATTRIBUTE_SUBJECT_RE: Final = re.compile(
    r"(?:建筑面积|占地面积|用地面积|规划面积|占地|总投资额?|投资总额|全长|总长度?|长度|宽度|高度|"
    r"库容|设计能力|设计规模)\Z"
)
_CAP_SUBJECT_RE: Final = re.compile(r"最高|最多|最低|单个|单项|每个|每家|每户|每人|每项")
# "提前一年达到100%": the figure is due that many years before the deadline.
_AHEAD_RE: Final = re.compile(r"提前(?P<years>[一二两三四五\d])个?年(?=[^,;。]{0,8}\Z)")
_LEADING_CHANGE_RE: Final = re.compile(
    r"(?P<verb>降低|下降|减少|压减|削减|缩减|缩短|提高|提升|增加|增长|扩大)(?P<rest>.+)"
)
_POPULATION_RE: Final = re.compile(r"的?[\u4e00-\u9fff]")
_AT_LEAST_RE: Final = re.compile(r"至少|不少于|不低于")


def _spread_subjects(text: str, clause_start: int, quantities: list[_Quantity]) -> dict[int, str]:
    """A、B分别达到X、Y: each subject goes to its own figure."""
    if len(quantities) < 2:
        return {}
    match = _SPREAD_RE.search(text, clause_start, quantities[-1].start)
    if match is None:
        return {}
    # Figures inside the subjects ("5岁以下儿童死亡率") are not spread.
    figures = [q for q in quantities if q.start >= match.end()]
    before = text[clause_start : match.start()]
    for separators in (r"、", r"、|和|及|与"):  # "京津冀及周边地区、汾渭平原…": 、 first
        subjects = [_indicator(part) for part in re.split(separators, before)]
        subjects = [subject for subject in subjects if subject]
        if len(subjects) == len(figures) >= 2:
            last = subjects[-1]
            # "城镇和农村常住居民人均可支配收入分别增长8%左右和8.5%左右": a short modifier
            # shares the measure named once after the last one (城镇常住居民…).
            subjects = [
                subject + last[len(subject) :]
                if len(subject) <= 4 and len(last) > len(subject) + 2
                else subject
                for subject in subjects[:-1]
            ] + [last]
            return {q.start: subject for q, subject in zip(figures, subjects, strict=True)}
    return {}


def _kind_and_value(indicator: str, verb: str, quantity: _Quantity) -> tuple[float, TargetKind]:
    rate_unit = quantity.unit in ("%", "‰", "百分点", "倍")
    if verb in _FALL_SET:
        return -quantity.value, "growth_rate" if rate_unit else "increment"
    if verb in _GROWTH_SET and not verb.endswith(("到", "至")):
        return quantity.value, "growth_rate" if rate_unit else "increment"
    if verb in _CHANGE_BEFORE_FIGURE or (
        # "新增附属绿地开放度80%": a rate of the new units, not a count added.
        _INCREMENT_SUBJECT_RE.search(indicator) and not rate_unit
    ):
        return quantity.value, "increment"
    if verb in _NEW_UNIT_VERBS and not rate_unit:
        return quantity.value, "increment"
    if verb in _WORK_VERBS and not rate_unit:
        return quantity.value, "increment"
    if verb == "建设" and quantity.unit in _MEASURE_UNITS:
        # "建设四好农村路55公里": building a measured length or area is work done.
        return quantity.value, "increment"
    if not rate_unit and quantity.unit and _WORK_MEASURE_RE.search(indicator):
        # "老旧住房综合修缮改造面积100万平方米", "10个以上商务楼宇更新": a quantity of
        # work done (ruling 31), as in a table row named after the work.
        return quantity.value, "increment"
    if rate_unit and _SHARE_RE.search(indicator):
        return quantity.value, "share"
    if rate_unit and _RATE_SUBJECT_RE.search(indicator):
        return quantity.value, "growth_rate"
    return quantity.value, "level"


def _comparator(
    verb: str, mark: str, trail: str, more: bool, kind: TargetKind, at_least: bool = False
) -> Comparator:
    if trail in ("以上", "及以上", "或以上", "多") or more or at_least:
        return ">="
    if trail in ("以下", "以内", "之内", "内"):
        return "<="
    if trail in ("左右", "上下") or mark in ("约", "大约", "近", "接近"):
        return "~"
    if mark in ("≤", "<=", "<"):
        return "<="
    if (
        mark in ("超过", "超", "逾", "达", "不少于", "不低于", "至少", "≥", ">=", ">")
        or verb in _GE_SET
    ):
        return ">="
    if verb in _LE_SET:
        return "<="
    return "="


_WORK_MEASURE_RE: Final = re.compile(
    r"(?:改造|修缮|整治|修复|维修|盘活|更新|改建|加固|治理)(?:建筑)?(?:面积|数量|里程|长度|规模)?\Z"
)


def kind_of(indicator: str, unit: str) -> TargetKind:
    """The kind of a figure given without a verb (a table cell)."""
    rate_unit = unit in ("%", "‰", "百分点")
    if _INCREMENT_SUBJECT_RE.search(indicator):
        return "increment"
    if rate_unit and (_SHARE_RE.search(indicator) or _ENGLISH_SHARE_RE.search(indicator)):
        return "share"
    if rate_unit and (_TABLE_RATE_RE.search(indicator) or _ENGLISH_RATE_RE.search(indicator)):
        return "growth_rate"
    if _ENGLISH_INCREMENT_RE.search(indicator):
        return "increment"
    if not rate_unit and unit and _WORK_NOUN_RE.search(indicator):
        return "increment"  # "老旧住房综合修缮面积 90 万平方米": work done (ruling 31)
    return "level"


_WORK_NOUN_RE: Final = re.compile(r"改造|修缮|整治|修复|维修|盘活|更新|改建|加固|治理")


# English table rows: "Renewable electricity share", "GDP growth", "New homes".
_ENGLISH_SHARE_RE: Final = re.compile(r"\b(?:share|proportion|percentage)\b", re.IGNORECASE)
_ENGLISH_RATE_RE: Final = re.compile(r"\b(?:growth|increase|reduction)(?: rate)?\Z", re.IGNORECASE)
_ENGLISH_INCREMENT_RE: Final = re.compile(r"\A(?:new|additional|net new)\b", re.IGNORECASE)


_TABLE_RATE_RE: Final = re.compile(
    r"(?:增速|增长率|增幅|涨幅|增长速度|增长|年均增长率?)(?:\(%\))?\Z"
)
