"""Hand-written expected targets for the second held-out set in ``docs/``.

Written by reading each document, following ``docs/extraction-conventions.md``,
the rulings in ``tests/extract/corpus/README.md``, the H-rulings of
``bench/holdout/RULINGS.md`` and the HB-rulings in ``RULINGS.md``, before the
extractor was run on the document. The expectations cover the text of each file
only (see ``SOURCES.md`` for cuts). The record types are those of the first
held-out set.
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


HOLDOUT_B: tuple[CorpusDocument, ...] = (
    # A provincial 实施意见 without a stated period, cut inside 二、工作目标 after (一):
    # every figure of (一) sits under 到2018年底 (the earliest deadline stands for the
    # start); "分别达到90%和60%" is two targets with their own subjects; "城市建成区10%
    # 左右面积" is a share of the built-up area; the 到2020年底 sentence has no figure.
    CorpusDocument(
        "cn-jiangsu-supply-side-shortboard-opinions-2016",
        "zh",
        (
            _e("铁路运营里程", 3000, "公里", 2018, ">=", "level"),
            _e("内河干线航道达标率", 68, "%", 2018, "~", "level"),
            _e("新增苏北农村公路", 6000, "公里", 2018, "=", "increment"),
            _e("国控水功能区水质达标率", 75, "%", 2018, ">=", "level"),
            _e("新增可再生能源并网装机", 6_000_000, "千瓦", 2018, "=", "increment"),
            _e("新增新能源汽车充电桩", 60_000, "根", 2018, "=", "increment"),
            _e("农村光纤覆盖率", 90, "%", 2018, ">=", "level"),
            _e("广电网络双向化改造率", 60, "%", 2018, ">=", "level"),
            _e("城市地下综合管廊", 120, "公里", 2018, ">=", "level"),
            _e("城市建成区面积", 10, "%", 2018, "~", "share"),
        ),
    ),
    # A provincial 十四五 专项规划 as reprinted by a site: the goal paragraph (2025; the
    # 其中 sentence takes the deadline that opens the paragraph), then 第一章发展基础,
    # whose 截至2020年底 figures are past facts.
    CorpusDocument(
        "cn-shandong-ev-charging-infrastructure-14th-fyp-2021-2025",
        "zh",
        (
            _e("公共、专用充换电站保有量", 8000, "座", 2025, ">=", "level"),
            _e("充电基础设施", 150_000, "台", 2025, ">=", "level"),
            _e("个人充电基础设施", 250_000, "台", 2025, ">=", "level"),
            _e("公共充换电站", 5000, "座", 2025, "~", "level"),
            _e("充电基础设施", 95_000, "台", 2025, "~", "level"),
            _e("专用充换电站", 3000, "座", 2025, "~", "level"),
            _e("充电基础设施", 55_000, "台", 2025, "~", "level"),
        ),
    ),
    # A provincial 任务分工方案 for 2021 (annual plan): four growth targets; "进出口实现正
    # 增长" has no figure; the numbering, the document number and the dates are not targets.
    CorpusDocument(
        "cn-guangdong-2021-work-report-task-division",
        "zh",
        (
            _e("地区生产总值", 6, "%", 2021, ">=", "growth_rate"),
            _e("地方一般公共预算收入", 5, "%", 2021, "~", "growth_rate"),
            _e("固定资产投资", 8, "%", 2021, "~", "growth_rate"),
            _e("社会消费品零售总额", 6, "%", 2021, ">=", "growth_rate"),
        ),
    ),
    # A digest of a city's 2023 annual plan: goal bullets (——) under a heading with a year,
    # then task bullets; "20大先进制造业园区" is a name; 达 reads as >= (H5).
    CorpusDocument(
        "cn-shenzhen-2023-economic-social-plan-digest",
        "zh",
        (
            _e("GDP", 6, "%", 2023, "=", "growth_rate"),
            _e("规模以上工业增加值", 6, "%", 2023, ">=", "growth_rate"),
            _e("固定资产投资额", 1e12, "元", 2023, ">=", "level"),
            _e("社会消费品零售总额", 7, "%", 2023, "=", "growth_rate"),
            _e("外贸进出口总额", 4, "%", 2023, "=", "growth_rate"),
            _e("地方一般公共预算收入", 6, "%", 2023, "=", "growth_rate"),
            _e("居民消费价格涨幅", 3, "%", 2023, "~", "growth_rate"),
            _e("新增就业", 180_000, "人", 2023, "=", "increment"),
            _e("万元GDP水耗", -4, "%", 2023, "=", "growth_rate"),
            _e("新能源汽车产业增加值", 6.5e10, "元", 2023, ">=", "level"),
            _e("新落地重点金融企业或项目", 10, "家", 2023, ">=", "level"),
            _e("金融业增加值", 9, "%", 2023, "=", "growth_rate"),
            _e("土地整备", 8, "平方公里", 2023, "=", "increment"),
            _e("新增基础教育学位", 200_000, "座", 2023, "=", "increment"),
            _e("公办园和普惠性民办园在园儿童占比", 85, "%", 2023, ">=", "share"),
            _e("公办中小学教育集团", 25, "个", 2023, "=", "level"),
            _e("国内一流的特色高中", 10, "所", 2023, ">=", "level"),
        ),
    ),
    # A municipal 工作方案 (consultation draft) inside a news item: the 2020 new starts
    # (HB13); "2000年底前" scopes the task, "3类" counts the plan's own categories.
    CorpusDocument(
        "cn-tianjin-old-residential-renewal-work-plan-draft-2020",
        "zh",
        (
            _e("城镇老旧小区改造新开工", 49, "个", 2020, "=", "increment"),
            _e("城镇老旧小区改造新开工", 2_560_000, "平方米", 2020, "=", "increment"),
            _e("城镇老旧小区改造新开工", 32_000, "户", 2020, "=", "increment"),
        ),
    ),
    # A county 任务分解表 (2024, annual) stored with "|" cell ends; the row numbers are
    # not targets (HB12).
    CorpusDocument(
        "cn-anhui-nanling-2024-work-report-task-table",
        "zh",
        (
            _e("新增托位数", 400, "个", 2024, ">=", "increment"),
            _e("公办园在园幼儿占比", 60, "%", 2024, ">=", "share"),
        ),
    ),
    # A municipal annual 实施方案 (2018), cut after 一、主要目标: investments to complete and
    # work quantities are increments (HB4, HB6); the bracketed breakdown counts (HB5);
    # "9大工程" and “千村整治、百村示范” are names.
    CorpusDocument(
        "cn-fujian-sanming-2018-livelihood-infrastructure-plan",
        "zh",
        (
            _e("投资", 1.45e10, "元", 2018, ">=", "increment", aspirational=True),
            _e("投资", 2.5e9, "元", 2018, "=", "increment"),
            _e("新增城市道路", 180, "公里", 2018, "=", "increment"),
            _e("绿道", 130, "公里", 2018, "=", "increment"),
            _e("新建、改建农村公路", 254, "公里", 2018, "=", "increment"),
            _e("新改扩建各类城乡地下管网", 530, "公里", 2018, "=", "increment"),
            _e("新增城乡公共停车泊位", 4226, "个", 2018, "=", "increment"),
            _e("城市地下综合管廊", 1.8, "公里", 2018, "=", "increment"),
            _e("村庄", 125, "个", 2018, "=", "increment"),
            _e("省级补助村", 63, "个", 2018, "=", "increment"),
            _e("市县级补助村", 62, "个", 2018, "=", "increment"),
            _e("美丽乡村示范村", 12, "个", 2018, "=", "level"),
            _e("历史文化名镇名村和传统村落", 2, "个", 2018, "=", "increment"),
        ),
    ),
    # Page 3 of a news item quoting a provincial 新型城镇化 实施方案 (《方案》提出…): two
    # dated targets; "一城一策", "三区一村" and "2000年底前" are not targets.
    CorpusDocument(
        "cn-sichuan-new-urbanization-plan-news-2022",
        "zh",
        (
            _e("保障性租赁住房", 340_000, "套(间)", 2025, "=", "level", aspirational=True),
            _e("老旧小区改造", 2_500_000, "户", 2025, "~", "increment"),
        ),
    ),
    # A forum repost of the provincial government's account of its 2025 annual plan, cut
    # before the paragraph the stored excerpt breaks off in: one target; "8个方面",
    # "十一方面工作", "“8+4”" and the page furniture (21分钟, 2025-3-715:03) are not.
    CorpusDocument(
        "cn-zhejiang-2025-economic-social-plan-repost",
        "zh",
        (_e("新增项目", 100, "个", 2025, ">=", "increment"),),
    ),
    # A county health improvement plan's progress page: five objectives "from A to B" by
    # 2028 (HB7); goal and strategy numbers and "7th grade" are labels.
    CorpusDocument(
        "en-us-pinellas-chip-health-promotion-objectives",
        "en",
        (
            _e(
                "% of children in kindergarten and 7th grade who get the recommended doses"
                " of vaccines",
                95,
                "%",
                2028,
                ">=",
                "share",
                baseline=(90.3, 2021),
            ),
            _e("percentage of adults who smoke", 15, "%", 2028, "<=", "share"),
            _e("% of adolescents that use electronic vaping", 20, "%", 2028, "<=", "share"),
            _e(
                "cancer age-adjusted death rate gap between blacks and whites",
                20,
                "/100,000 persons",
                2028,
                "<=",
                "level",
            ),
            _e("number of obese adults in Pinellas", 27, "%", 2028, "<=", "share"),
        ),
    ),
    # A county council's well-being objective page: the 2016-2021 plan and its delivery are
    # past; two delivery targets over relative periods (year null); the investments are not
    # targets (HB6).
    CorpusDocument(
        "en-uk-carmarthenshire-affordable-homes-objective",
        "en",
        (
            _e("new homes", 900, "homes", None, ">=", "increment"),
            _e("new homes", 400, "homes", None, ">=", "increment"),
        ),
    ),
    # A blog post quoting the goals of a proposed national transportation act: eight
    # numeric goals without a year; "Triple", "by 50" (no unit), the 30- and 15-minute
    # thresholds and the base year are not targets (HB8).
    CorpusDocument(
        "en-us-national-transportation-objectives-act-2009-goals",
        "en",
        (
            _e("per capita vehicle miles traveled", -16, "%", None, "=", "growth_rate"),
            _e(
                "transportation-generated carbon dioxide level",
                -40,
                "%",
                None,
                "=",
                "growth_rate",
            ),
            _e("delay per capita", -10, "%", None, "=", "growth_rate"),
            _e(
                "proportion of freight transportation provided by railroad and inter modal"
                " services",
                20,
                "%",
                None,
                "=",
                "growth_rate",
            ),
            _e(
                "population exposure to at-risk levels of air pollution",
                0,
                "%",
                None,
                "=",
                "share",
            ),
            _e(
                "share of major highways, regional transit fleets and facilities, and"
                " bicycling/pedestrian infrastructure in good state of repair condition",
                20,
                "%",
                None,
                "=",
                "growth_rate",
            ),
            _e(
                "average household combined housing plus transportation costs",
                -25,
                "%",
                None,
                "=",
                "growth_rate",
            ),
            _e("number of essential destinations", 50, "%", None, "=", "growth_rate"),
        ),
    ),
)
