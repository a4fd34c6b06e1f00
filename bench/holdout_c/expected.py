"""Hand-written expected targets for the third held-out set in ``docs/``.

Written by reading each document, following ``docs/extraction-conventions.md``,
the rulings in ``tests/extract/corpus/README.md``, the H-rulings of
``bench/holdout/RULINGS.md``, the HB-rulings of ``bench/holdout_b/RULINGS.md`` and
the HC-rulings in ``RULINGS.md``, before the extractor was run on the document.
The expectations cover the text of each file only (see ``SOURCES.md`` for cuts).
The record types are those of the first held-out set.
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


HOLDOUT_C: tuple[CorpusDocument, ...] = (
    # A provincial newspaper's digest of seven 行动方案: each "阶段目标" line carries its
    # own deadline; "7万亿级" after 提升至 / 达到 is a level with unit 级 (HC2); 力争 at
    # the head of a line governs both of its clauses (HC6); the lines without a figure
    # ("2027年全省创新策源力显著提升") and the counts of the plan's own items (六个加快,
    # 七大行动) give nothing.
    CorpusDocument(
        "cn-hubei-seven-strategies-action-plans-infographic-2025",
        "zh",
        (
            _e("全省经济总量", 7e12, "元", 2027, ">=", "level"),
            _e("经济总量", 9e12, "元", 2030, "~", "level"),
            _e("全省工业规模", 7e12, "级", 2027, ">=", "level", aspirational=True),
            _e("服务业规模", 4e12, "级", 2027, ">=", "level", aspirational=True),
            _e("全省工业规模", 10e12, "级", 2030, ">=", "level", aspirational=True),
            _e("服务业规模", 5e12, "级", 2030, ">=", "level", aspirational=True),
        ),
    ),
    # A provincial annual plan (2025): the 2024 paragraph is a past fact (a bare year
    # before the plan's start, HC11); the lead-in "2025年经济社会发展主要预期目标是:"
    # governs the list; 提高0.9个百分点 is a rate of change in 百分点; 城镇新增就业 is an
    # increment; clauses without a figure give nothing. The file ends where the stored
    # excerpt breaks off (before "粮食产量616亿…").
    CorpusDocument(
        "cn-hunan-2025-economic-social-development-plan",
        "zh",
        (
            _e("地区生产总值", 5.5, "%", 2025, "~", "growth_rate"),
            _e("第一产业增加值", 3, "%", 2025, "=", "growth_rate"),
            _e("规模工业增加值", 6.5, "%", 2025, ">=", "growth_rate"),
            _e("服务业增加值", 6, "%", 2025, "=", "growth_rate"),
            _e("固定资产投资", 4.5, "%", 2025, "=", "growth_rate"),
            _e("社会消费品零售总额", 5.5, "%", 2025, ">=", "growth_rate"),
            _e("地方一般公共预算收入", 2.5, "%", 2025, "=", "growth_rate"),
            _e("常住人口城镇化率", 0.9, "百分点", 2025, "=", "growth_rate"),
            _e("全社会研发经费投入", 9, "%", 2025, ">=", "growth_rate"),
            _e("城镇新增就业", 700_000, "人", 2025, "=", "increment"),
        ),
    ),
    # A news report on a provincial 十四五 纲要: "“十四五”期间" dates its clause to 2025
    # and the 纲要's goals without a year of their own take its end year (HC3); the GDP
    # growth target is stated twice (ruling 8); "两个新的大台阶" is in words and
    # "创办1所高水平大学" is a count of one (HC4); 预计 in the 纲要's goal reads forward.
    CorpusDocument(
        "cn-henan-14th-fyp-outline-targets-news-2021",
        "zh",
        (
            _e("地区生产总值年均增速", 6.0, "%", 2025, "~", "growth_rate"),
            _e("地区生产总值年均增速", 6.0, "%", 2025, "~", "growth_rate"),
            _e("公办幼儿园比例", 50, "%", 2025, ">=", "share", aspirational=True),
            _e("累计新增城镇常住人口", 6_000_000, "人", 2025, "~", "increment"),
            _e("城镇老旧小区", 1_000_000, "户", 2025, ">=", "increment"),
        ),
    ),
    # A news page quoting a municipal 三年行动方案 (2024-2026): the headline restates a
    # target (HC1); "“1028”产业体系" is a name; 力争 governs the three clauses of its
    # sentence (HC6); "新建…1个以上" is a floor of one (HC4); the last sentence takes
    # the deadline that opened the paragraph's previous sentence (2026).
    CorpusDocument(
        "cn-changzhou-low-altitude-economy-three-year-plan-2024-2026-news",
        "zh",
        (
            _e("产业规模", 3e10, "元", 2026, ">=", "level"),
            _e("产业链相关企业", 150, "家", 2026, "=", "level", aspirational=True),
            _e("高新技术企业", 50, "家", 2026, ">=", "level", aspirational=True),
            _e("产业规模", 3e10, "元", 2026, ">=", "level", aspirational=True),
            _e("通用机场(运营中心)", 5, "个", 2026, "=", "level"),
            _e("新建通用机场(运营中心)", 1, "个", 2026, ">=", "increment"),
            _e("低空航空器起降场(点)", 200, "个", 2026, "~", "level"),
            _e("具备示范效应的创新应用场景", 10, "个", 2026, ">=", "level"),
            _e("低空航线", 18, "条", 2026, ">=", "level"),
        ),
    ),
    # A news digest of a city's 三年行动计划 (2023—2025): two rates at the end of the
    # goal paragraph (2025); PM2.5, O3, “双控双减” and 三级供水体系 are names.
    CorpusDocument(
        "cn-hangzhou-healthy-city-three-year-plan-2023-2025-news",
        "zh",
        (
            _e("农村自来水普及率", 99.93, "%", 2025, ">=", "level"),
            _e("城乡规模化供水工程人口覆盖率", 96, "%", 2025, ">=", "level"),
        ),
    ),
    # A provincial 三年行动计划 (2025—2027) with its notice and a news lead: the stored
    # part ends inside 一、主要目标, whose first paragraph states no figure; document
    # numbers, dates, "第一阶段", "“两高”", "“千企技改”" and "一区两地一园一通道" are
    # not targets (HC12).
    CorpusDocument(
        "cn-guangxi-beautiful-guangxi-three-year-plan-2025-2027",
        "zh",
        (),
    ),
    # A Q&A page quoting a municipal 专项规划 (2021-2025) by stage: each stage has its own
    # deadline; 新开工并基本改造完成 is work (ruling 31); "涉及居民X户" is the households
    # the year's work covers, an increment of the same stage (HC5); the 十四五 stage has
    # no figure.
    CorpusDocument(
        "cn-ganzhou-old-residential-renovation-plan-2021-2025",
        "zh",
        (
            _e("城镇老旧小区", 137, "个", 2021, "=", "increment"),
            _e("涉及居民", 33_735, "户", 2021, "=", "increment"),
            _e("城镇老旧小区", 253, "个", 2022, "=", "increment"),
            _e("涉及居民", 39_610, "户", 2022, "=", "increment"),
            _e("城镇老旧小区", 220, "个", 2023, "=", "increment"),
            _e("涉及居民", 38_342, "户", 2023, "=", "increment"),
        ),
    ),
    # A news report on a provincial 2023 transport work meeting (the year's tasks): the
    # headline and two restatements of the rural-road target count (ruling 8, HC1);
    # 全年 is 2023; the investment to complete and the count of projects pushed are
    # the year's work (HC7); “百日攻坚”, “八大重点工程”, “3815” are names.
    CorpusDocument(
        "cn-yunnan-2023-transport-work-meeting-tasks",
        "zh",
        (
            _e("农村公路", 10_000, "公里", 2023, ">=", "increment"),
            _e("农村公路", 10_000, "公里", 2023, ">=", "increment"),
            _e("综合交通投资", 3.2e11, "元", 2023, "=", "increment"),
            _e("农村公路", 10_000, "公里", 2023, ">=", "increment"),
            _e("渝昆高铁云南段、大瑞铁路保瑞段等项目", 5, "个", 2023, "=", "increment"),
        ),
    ),
    # A municipal 工作要点 (2016) as mirrored: the notice, the general requirement and
    # the first task; no figure is a target ("2016年版" names a list, 〔2016〕26号 and
    # the dates are metadata, 第十四届 an ordinal; HC12).
    CorpusDocument(
        "cn-beijing-2016-government-affairs-openness-work-points",
        "zh",
        (),
    ),
    # An English council-plan page with its measures as a text table (HC8): the target
    # column "Target 2022/23" dates the rows 2023; "Good is High/Low" is no comparator;
    # bare counts have unit ""; "10% reduction by 2024" is a fall of its row with its
    # own year; "Proportion of …" rows are shares; hectares and trees planted are work.
    CorpusDocument(
        "en-uk-rotherham-council-plan-cleaner-greener-measures",
        "en",
        (
            _e("Effective enforcement actions; fly-tipping", 60, "", 2023, "=", "level"),
            _e(
                "Effective enforcement actions; other environmental crime",
                1500,
                "",
                2023,
                "=",
                "level",
            ),
            _e(
                "Proportion of waste sent for reuse (recycling and composting)",
                45,
                "%",
                2023,
                "=",
                "share",
            ),
            _e(
                "Number of street cleaning, grounds maintenance and waste official complaints",
                190,
                "",
                2023,
                "=",
                "level",
            ),
            _e(
                "Overall Carbon dioxide emission levels for the Council",
                -10,
                "%",
                2024,
                "=",
                "growth_rate",
            ),
            _e(
                "Overall Carbon dioxide emission levels for the Council",
                -10,
                "%",
                2024,
                "=",
                "growth_rate",
            ),
            _e(
                "Number of hectares of land for woodland creation",
                5,
                "Hectares",
                2023,
                "=",
                "increment",
            ),
            _e("Number of trees planted by the Council", 500, "Trees", 2023, "=", "increment"),
            _e(
                "Proportion of council housing with an Energy Performance Certificate (EPC)"
                " rated C and above",
                50,
                "%",
                2023,
                "=",
                "share",
            ),
        ),
    ),
    # A New Zealand council's news release (HC10): the 2031 target is a fall without a
    # baseline figure (ruling 7); "net zero" is in words; the 2018-2019 emissions are a
    # past fact; "cut 1,806 tonnes … over the next 9 years" is a negative increment with
    # a relative period (year null, ruling 3).
    CorpusDocument(
        "en-nz-kaipara-council-emissions-targets-2021",
        "en",
        (
            _e("Council's organisational emissions", -30, "%", 2031, "=", "growth_rate"),
            _e("carbon dioxide", -1806, "tonnes", None, "=", "increment"),
        ),
    ),
    # A minister's post on Ireland's 2023 Climate Action Plan (HC9): the 51% cut; the
    # bus-service share has no deadline (the plan's name is no period) and "at least 3
    # times a day" is a threshold; retrofits are work (increments), "jumping to 500,000"
    # rises to a figure (>=) and takes the noun before it; the €1.3bn programme is a
    # fund (ruling 35); "net zero", "in half" are words.
    CorpusDocument(
        "en-ie-climate-action-plan-2023-measures-post",
        "en",
        (
            _e("emissions", -51, "%", 2030, "=", "growth_rate"),
            _e("people in rural Ireland", 70, "%", None, "=", "share"),
            _e("homes retrofitted", 120_000, "homes", 2025, "=", "increment"),
            _e("homes retrofitted", 500_000, "homes", 2030, ">=", "increment"),
            _e("onshore wind", 9, "GW", 2030, "=", "level"),
            _e("solar", 8, "GW", 2030, "=", "level"),
            _e("off-shore wind", 7, "GW", 2030, ">=", "level"),
        ),
    ),
)
