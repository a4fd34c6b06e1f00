"""Hand-written expected targets for the fourth held-out set in ``docs/``.

Written by reading each document, following ``docs/extraction-conventions.md``,
the rulings in ``tests/extract/corpus/README.md``, the H-rulings of
``bench/holdout/RULINGS.md``, the HB-rulings of ``bench/holdout_b/RULINGS.md``, the
HC-rulings of ``bench/holdout_c/RULINGS.md`` and the HD-rulings in ``RULINGS.md``,
before the extractor was run on the document. The expectations cover the text of
each file only (see ``SOURCES.md`` for cuts). The record types are those of the
first held-out set.
"""

from __future__ import annotations

from bench.holdout.expected import Comparator, CorpusDocument, Expected, Kind


def _e(
    indicator: str,
    value: float,
    unit: str,
    year: int | None,
    comparator: Comparator,
    kind: Kind,
    *,
    aspirational: bool = False,
    baseline: tuple[float, int] | None = None,
) -> Expected:
    return Expected(indicator, value, unit, year, comparator, kind, aspirational, baseline)


HOLDOUT_D: tuple[CorpusDocument, ...] = (
    # A municipal 三年行动方案 (2022—2024) as published with its metadata block: the
    # first goal sentence is led by the plan's first year (2022), the second by 到2024年;
    # 新建 / 累计新建 make increments, 累计建成 a level (HD4); 5G, 千兆城市, the document
    # numbers and the metadata cells are not targets (HD15).
    CorpusDocument(
        "cn-guizhou-liupanshui-new-infrastructure-three-year-plan-2022-2024",
        "zh",
        (
            _e("新建5G基站", 2600, "个", 2022, ">=", "increment"),
            _e("新建市级及以上创新平台", 15, "个", 2022, ">=", "increment"),
            _e("5G基站", 10_000, "个", 2024, "=", "level"),
            _e("新建市级及以上创新平台", 50, "个", 2024, ">=", "increment"),
        ),
    ),
    # A provincial newspaper report on the 产业强省三年行动 (no period in the text; the
    # earliest deadline, 2024, stands for the start): 力争 in the lead-in governs both
    # figures of its sentence (HD2); "之比达到2.3:1以上" is a level with unit ":1" and
    # "23:53:24" no single quantity (HD3); the counts of the plan's items are not
    # targets (HD1).
    CorpusDocument(
        "cn-yunnan-industry-strong-province-three-year-action-news-2022",
        "zh",
        (
            _e("重点产业全产业链产值", 2.9e12, "元", 2024, ">=", "level", aspirational=True),
            _e(
                "重点产业农产品加工业与农业总产值之比",
                2.3,
                ":1",
                2024,
                ">=",
                "level",
                aspirational=True,
            ),
        ),
    ),
    # A provincial department's Q&A quoting a 实施方案: 到2025年 opens the paragraph's
    # first sentence and dates the goals of the next (HD13).
    CorpusDocument(
        "cn-fujian-rural-living-environment-improvement-plan-qa",
        "zh",
        (
            _e("农村生活污水治理率", 65, "%", 2025, ">=", "level"),
            _e("新建改造农村公路", 5000, "公里", 2025, "=", "increment"),
            _e("农村自来水普及率", 90, "%", 2025, ">=", "level"),
        ),
    ),
    # A news note on a 三年行动计划(2023—2025年): one figure in its 总体目标.
    CorpusDocument(
        "cn-sichuan-chengdu-metropolitan-area-three-year-plan-2023-2025-news",
        "zh",
        (_e("常住人口城镇化率", 75, "%", 2025, ">=", "level"),),
    ),
    # A news report on a city's 卫生健康“十四五”规划: the headline and the lead restate
    # targets of the goal list (HD5); ranks (百强, 全国前十) are names, the count of
    # hospitals entering the ranking is a target; 争取建成 two aspirational counts (HD6);
    # “1+4+20”, 1个总目标, 20项重点工程 and 56项具体任务 are the plan's items (HD1).
    CorpusDocument(
        "cn-guangdong-shenzhen-health-14th-fyp-2021-2025-news",
        "zh",
        (
            _e("人均预期寿命", 84.53, "岁", 2025, ">=", "level"),
            _e("千人床位数", 4.5, "张", 2025, ">=", "level"),
            _e("人均预期寿命", 84.53, "岁", 2025, ">=", "level"),
            _e("人均预期寿命", 84.53, "岁", 2025, ">=", "level"),
            _e("千人床位数", 4.5, "张", 2025, ">=", "level"),
            _e("三甲医院", 30, "家", 2025, ">=", "level"),
            _e("社康机构", 1000, "家", 2025, ">=", "level"),
            _e("医院进入全国医院排行榜百强", 10, "家", 2025, "=", "level"),
            _e("国家级重点学科", 20, "个", 2025, "=", "level", aspirational=True),
            _e("省级重点学科", 100, "个", 2025, "=", "level", aspirational=True),
            _e("基本医疗保险参保率", 98, "%", 2025, ">=", "level"),
        ),
    ),
    # A city's 2024 work report, the part with the year's goals: the line "2024年工作总体
    # 要求和目标任务" dates them (HD14); 涨幅 is a rate of change; the statements without a
    # figure and the names (“千项万亿”, “十项重大工程”, 十一个方面) give nothing.
    CorpusDocument(
        "cn-zhejiang-jinhua-2024-government-work-report-goals",
        "zh",
        (
            _e("地区生产总值", 6, "%", 2024, "~", "growth_rate"),
            _e("城镇调查失业率", 5, "%", 2024, "<=", "level"),
            _e("居民消费价格指数涨幅", 3, "%", 2024, "~", "growth_rate"),
            _e("研发投入强度", 2.9, "%", 2024, ">=", "level"),
        ),
    ),
    # A news digest of a provincial work report's 2024 tasks: the headline restates the
    # first (HD5); 改造 and 铺设 are work (increments), 建成 keeps its level, 新建扩建
    # carries to both items; the households and posts the power work serves are
    # increments, the 32万 beneficiaries a level with unit "" (HD8); the phone number of
    # the disclaimer is no target.
    CorpusDocument(
        "cn-inner-mongolia-2024-work-report-urban-rural-tasks-news",
        "zh",
        (
            _e("城镇老旧管网", 2220, "公里", 2024, "=", "increment"),
            _e("城镇老旧管网", 2220, "公里", 2024, "=", "increment"),
            _e("老旧小区", 1639, "个", 2024, "=", "increment"),
            _e("棚户区", 15_600, "套", 2024, "=", "increment"),
            _e("农村牧区户厕", 62_000, "个", 2024, "=", "level"),
            _e("公路", 5106, "公里", 2024, "=", "level"),
            _e("危房", 4211, "户", 2024, "=", "increment"),
            _e("边境地区广电光缆", 4000, "公里", 2024, "=", "increment"),
            _e("偏远农牧户", 24_000, "户", 2024, "=", "increment"),
            _e("边防哨所", 58, "个", 2024, "=", "increment"),
            _e("新建扩建集中供水工程", 531, "处", 2024, "=", "increment"),
            _e("分散式水源点工程", 909, "处", 2024, "=", "increment"),
            _e("受益农牧民", 320_000, "", 2024, "=", "level"),
        ),
    ),
    # A city newspaper's front page on the year's growth targets of the city and its
    # counties: "今年" and a headline without a year leave the year null (HD7); the
    # headline and the lead state targets; the cost of the projects (2146亿元) and the
    # thresholds (500万元以上, 千万元以上) are no targets; “361015工程”, “541010工程” and
    # 十大目标 are names. The file ends inside 凤泉区's list (see SOURCES.md).
    CorpusDocument(
        "cn-henan-xinxiang-2022-growth-targets-city-and-counties-news",
        "zh",
        (
            _e("经济增速目标", 10, "%", None, ">=", "growth_rate"),
            _e("地区生产总值预期增长目标", 10, "%", None, ">=", "growth_rate"),
            _e("地区生产总值", 3.6e11, "元", None, ">=", "level"),
            _e("地区生产总值", 10, "%", None, ">=", "growth_rate"),
            _e("常住人口城镇化率", 1.5, "百分点", None, ">=", "growth_rate"),
            _e("规模以上工业增加值", 10, "%", None, ">=", "growth_rate"),
            _e("固定资产投资", 15, "%", None, ">=", "growth_rate"),
            _e("一般公共预算收入", 10, "%", None, ">=", "growth_rate"),
            _e("GDP增速", 15, "%", None, "=", "growth_rate"),
            _e("固定资产投资增速", 28, "%", None, "=", "growth_rate"),
            _e("规模以上工业增加值增速", 18, "%", None, "=", "growth_rate"),
            _e("社会消费品零售总额", 13.2, "%", None, "=", "growth_rate"),
            _e("一般公共预算收入", 30, "%", None, "=", "growth_rate"),
            _e("500万元以上项目", 429, "个", None, "=", "increment"),
            _e("新开工千万元以上项目", 120, "个", None, ">=", "increment"),
            _e("新增投资", 1.5e10, "元", None, ">=", "increment"),
            _e("经济增速", 10, "%", None, ">=", "growth_rate"),
        ),
    ),
    # A county's task table with its progress: the 项目内容 cells are the tasks (year
    # null, no period or year in the stored part); the 当前进展情况 cells report progress
    # and are not targets; the row number is not a target (HD9).
    CorpusDocument(
        "cn-shandong-wenshang-2023-rural-environment-task-progress-table",
        "zh",
        (
            _e("试点村", 100, "个", None, ">=", "level"),
            _e("新增国家卫生乡镇", 2, "个", None, "=", "increment"),
            _e("省级美丽乡村", 3, "个", None, "=", "increment"),
            _e("四好农村路", 50, "公里", None, "=", "level"),
            _e("新增绿化面积", 387, "亩", None, "=", "increment"),
            _e("生活污水治理村庄", 61, "个", None, "=", "increment"),
            _e("废弃坑塘治理村庄", 10, "个", None, "=", "increment"),
        ),
    ),
    # A national plan's page: the sentence after the bullets dates them (end of 2022);
    # "from A% to B% or less" is B with <=; the correction note quotes figures (HD10).
    CorpusDocument(
        "en-uk-england-tobacco-control-plan-2017-objectives",
        "en",
        (
            _e("number of 15 year olds who regularly smoke", 3, "%", 2022, "<=", "share"),
            _e("smoking among adults in England", 12, "%", 2022, "<=", "share"),
            _e("prevalence of smoking in pregnancy", 6, "%", 2022, "<=", "level"),
        ),
    ),
    # A council page: the government's 2035 targets, then the council's aims without a
    # deadline (year null, aspirational: "Our aim is: to …", HD11).
    CorpusDocument(
        "en-uk-isle-of-wight-recycling-and-waste-targets",
        "en",
        (
            _e("recycling local authority collected waste", 65, "%", 2035, "=", "share"),
            _e("local authority waste going to landfill", 10, "%", 2035, "<=", "share"),
            _e("household waste", 203.64, "kg per person", None, "<=", "level", aspirational=True),
            _e("reuse household waste", 61.97, "%", None, "=", "share", aspirational=True),
            _e("recycle/ compost municipal waste", 55, "%", None, "=", "share", aspirational=True),
            _e(
                "recycle/compost/reuse waste from household recycling centres",
                75,
                "%",
                None,
                "=",
                "share",
                aspirational=True,
            ),
            _e(
                "divert contract waste from landfill",
                90,
                "%",
                None,
                "=",
                "share",
                aspirational=True,
            ),
        ),
    ),
    # A climate-law database's summary of a national transport policy: the lead-in "by
    # 2020, the following key targets are proposed:" dates the bullets (HD12).
    CorpusDocument(
        "en-ie-smarter-travel-transport-policy-2009-2020-summary",
        "en",
        (
            _e(
                "people will make alternative means to commute",
                500_000,
                "people",
                2020,
                "=",
                "increment",
            ),
            _e("total share of car commuting", 45, "%", 2020, "<=", "share"),
            _e("share of total commuter journeys to work", 55, "%", 2020, ">=", "share"),
        ),
    ),
)
