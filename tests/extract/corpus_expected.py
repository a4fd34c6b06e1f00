"""Hand-written expected targets for the documents in ``tests/extract/corpus/``.

Every entry was written by reading the document, following
``docs/extraction-conventions.md`` and the rulings in
``tests/extract/corpus/README.md``. The expectations cover the text of the
file only (some files are a contiguous part of a longer document; see
``corpus/SOURCES.md``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Comparator = Literal[">=", "<=", "=", "~"]
Kind = Literal["level", "increment", "share", "growth_rate"]


@dataclass(frozen=True)
class Expected:
    indicator: str
    value: float
    unit: str
    year: int | None
    comparator: Comparator
    kind: Kind
    aspirational: bool = False
    baseline: tuple[float, int] | None = None


@dataclass(frozen=True)
class CorpusDocument:
    slug: str
    language: Literal["zh", "en"]
    targets: tuple[Expected, ...] = field(default_factory=tuple)

    @property
    def filename(self) -> str:
        return f"{self.slug}.txt"


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


CORPUS: tuple[CorpusDocument, ...] = (
    CorpusDocument(
        "cn-carbon-peak-neutrality-opinions-2021",
        "zh",
        (
            _e("单位国内生产总值能耗", -13.5, "%", 2025, "=", "growth_rate"),
            _e("单位国内生产总值二氧化碳排放", -18, "%", 2025, "=", "growth_rate"),
            _e("非化石能源消费比重", 20, "%", 2025, "~", "share"),
            _e("森林覆盖率", 24.1, "%", 2025, ">=", "level"),
            _e("森林蓄积量", 1.8e10, "立方米", 2025, ">=", "level"),
            _e("单位国内生产总值二氧化碳排放", -65, "%", 2030, ">=", "growth_rate"),
            _e("非化石能源消费比重", 25, "%", 2030, "~", "share"),
            _e("风电、太阳能发电总装机容量", 1.2e9, "千瓦", 2030, ">=", "level"),
            _e("森林覆盖率", 25, "%", 2030, "~", "level"),
            _e("森林蓄积量", 1.9e10, "立方米", 2030, ">=", "level"),
            _e("非化石能源消费比重", 80, "%", 2060, ">=", "share"),
        ),
    ),
    # A plan-type document with a 工作目标 section but no numeric target:
    # every number in it is a document number, a date, a list number or a
    # name (IPv6, 互联网协议第6版).
    CorpusDocument("cn-gov-new-media-opinions-2018", "zh", ()),
    CorpusDocument(
        "cn-chengdu-2019-work-report-targets-breakdown",
        "zh",
        (
            _e("地区生产总值", 7.5, "%", 2019, "~", "growth_rate"),
            _e("全社会固定资产投资", 10, "%", 2019, "=", "growth_rate"),
            _e("社会消费品零售总额", 9, "%", 2019, "=", "growth_rate"),
            _e("城乡居民人均可支配收入", 7.5, "%", 2019, "=", "growth_rate"),
            _e("城乡居民人均可支配收入", 8, "%", 2019, "=", "growth_rate"),
            _e("全社会研发投入", 12, "%", 2019, "=", "growth_rate"),
            _e("城镇登记失业率", 4, "%", 2019, "<=", "level"),
        ),
    ),
    CorpusDocument(
        "cn-anshan-lishan-2023-key-tasks-breakdown",
        "zh",
        (
            _e("地区生产总值", 6.2, "%", 2023, "~", "growth_rate", aspirational=True),
            _e("规模上工业增加值", 5, "%", 2023, "~", "growth_rate"),
            _e("固定资产投资", 15, "%", 2023, "~", "growth_rate"),
            _e("社会消费品零售总额", 9, "%", 2023, "~", "growth_rate"),
            _e("一般公共预算收入", 8, "%", 2023, "~", "growth_rate"),
        ),
    ),
    CorpusDocument(
        "cn-hangzhou-internet-plus-implementation-2015",
        "zh",
        (_e("市级众创空间", 60, "家", None, ">=", "level"),),
    ),
    CorpusDocument(
        "cn-shanghai-jingan-13th-fyp-development-goals",
        "zh",
        (
            _e("一般公共预算收入", 8, "%", 2020, "=", "growth_rate"),
            _e("服务业税收比重", 95, "%", 2020, ">=", "share"),
            _e("高新技术企业", 265, "家", 2020, ">=", "level"),
        ),
    ),
    # The opening of a tourism 实施意见: no figure yet, only a document number,
    # 二十大 and the named “六大工程”.
    CorpusDocument("cn-suzhou-anhui-culture-tourism-opinions-2023", "zh", ()),
    CorpusDocument(
        "en-us-federal-source-code-policy-2016-oss-section",
        "en",
        (
            _e("newly-developed custom code released as OSS", 20, "%", None, ">=", "share"),
            _e("minimum requirement for OSS release", 20, "%", None, ">=", "share"),
        ),
    ),
    CorpusDocument(
        "en-yukon-our-clean-future-2020-actions",
        "en",
        (
            _e("zero emission vehicles of light duty vehicle sales", 10, "%", 2025, "=", "share"),
            _e("zero emission vehicles of light duty vehicle sales", 30, "%", 2030, "=", "share"),
            _e(
                "new light-duty cars purchased by the Government of Yukon "
                "that are zero emission vehicles",
                50,
                "%",
                2030,
                ">=",
                "share",
            ),
            _e("greenhouse gas emissions", -30, "%", 2030, "=", "growth_rate"),
            _e(
                "major energy retrofits to institutional buildings",
                30,
                "retrofits",
                2030,
                "=",
                "level",
                aspirational=True,
            ),
            _e("greenhouse gas emissions in each building", -30, "%", None, "=", "growth_rate"),
            _e(
                "energy use of new Government of Yukon buildings",
                -35,
                "%",
                None,
                "=",
                "growth_rate",
            ),
            _e(
                "new homes that are net zero energy ready",
                500,
                "homes",
                2030,
                "=",
                "level",
                aspirational=True,
            ),
            _e("greenhouse gas emissions", -30, "%", 2030, "=", "growth_rate"),
            _e("electric heat pumps", 25, "electric heat pumps", 2023, "=", "increment"),
        ),
    ),
    # --- added: second batch (see corpus/SOURCES.md and the Rulings 17-29) ---
    # 国务院关于实施健康中国行动的意见, items 1-3 of 主要任务: paired years with 分别.
    CorpusDocument(
        "cn-healthy-china-action-opinions-2019-tasks",
        "zh",
        (
            _e("全国居民健康素养水平", 22, "%", 2022, ">=", "level"),
            _e("全国居民健康素养水平", 30, "%", 2030, ">=", "level"),
            _e("5岁以下儿童生长迟缓率", 7, "%", 2022, "<=", "level"),
            _e("5岁以下儿童生长迟缓率", 5, "%", 2030, "<=", "level"),
            _e(
                "城乡居民达到《国民体质测定标准》合格以上的人数比例",
                90.86,
                "%",
                2022,
                ">=",
                "share",
            ),
            _e(
                "城乡居民达到《国民体质测定标准》合格以上的人数比例",
                92.17,
                "%",
                2030,
                ">=",
                "share",
            ),
            _e("经常参加体育锻炼人数比例", 37, "%", 2022, ">=", "share"),
            _e("经常参加体育锻炼人数比例", 40, "%", 2030, ">=", "share"),
        ),
    ),
    # Hangzhou 2005 preschool 意见: year leads without 到, elided subjects, 1、 numbering,
    # a per-township count, two figures with no year (no plan period).
    CorpusDocument(
        "cn-hangzhou-preschool-education-opinions-2005",
        "zh",
        (
            _e("全市学前三年幼儿入园率", 96, "%", 2007, ">=", "level"),
            _e("市区学前三年幼儿入园率", 98, "%", 2007, ">=", "level"),
            _e("县(市)学前三年幼儿入园率", 92, "%", 2007, ">=", "level"),
            _e("乡镇中心幼儿园建园率", 90, "%", 2007, ">=", "level"),
            _e("每个乡镇公办中心幼儿园", 1, "所", 2010, "=", "level"),
            _e("市区学前第四年幼儿入园率", 50, "%", 2007, ">=", "level"),
            _e("县(市)学前第四年幼儿入园率", 30, "%", 2007, ">=", "level"),
            _e("早教中心", 1, "所", 2007, ">=", "level"),
            _e("全市学前第四年幼儿入园率", 50, "%", 2010, ">=", "level"),
            _e("城市受训率", 90, "%", None, ">=", "level"),
            _e("农村受训率", 80, "%", None, ">=", "level"),
        ),
    ),
    # A 三年行动计划: the counts of its own listed industries (2个、4个、2个, “2+4+2”)
    # are not targets.
    CorpusDocument(
        "cn-yancheng-digital-economy-action-plan-2025-2027",
        "zh",
        (
            _e("规模以上数字经济核心产业营业收入", 3.0e11, "元", 2027, ">=", "level"),
            _e("数字经济核心产业增加值", 9.0e10, "元", 2027, ">=", "level"),
        ),
    ),
    # An annual 工作要点: 年内 and undated figures take the document's year (ruling 2).
    CorpusDocument(
        "cn-yancheng-digital-work-points-2025",
        "zh",
        (
            _e("5G通达率", 100, "%", 2025, "=", "level"),
            _e("新增5G基站", 1650, "座", 2025, "=", "increment"),
            _e("新增10G-PON端口", 27000, "个", 2025, "=", "increment"),
            _e("城镇家庭具备千兆接入能力", 90, "%", 2025, ">=", "share"),
        ),
    ),
    CorpusDocument(
        "cn-carbon-peak-action-plan-2030-goals",
        "zh",
        (
            _e("非化石能源消费比重", 20, "%", 2025, "~", "share"),
            _e("单位国内生产总值能源消耗", -13.5, "%", 2025, "=", "growth_rate"),
            _e("单位国内生产总值二氧化碳排放", -18, "%", 2025, "=", "growth_rate"),
        ),
    ),
    # 分别 with three figures and three units (‰, ‰, /10万); 下降到 is a level (ruling 19).
    CorpusDocument(
        "cn-yulin-yuyang-healthy-action-opinions",
        "zh",
        (
            _e("人均预期寿命", 78.5, "岁", 2030, ">=", "level"),
            _e("婴儿死亡率", 4.0, "‰", 2030, "<=", "level"),
            _e("5岁以下儿童死亡率", 4.5, "‰", 2030, "<=", "level"),
            _e("孕产妇死亡率", 10, "/10万", 2030, "<=", "level"),
        ),
    ),
    # "by the end of this Parliament" gives no year (ruling 3); 18 weeks, 5-year-olds,
    # G7 and "the last 14 years" are not targets (ruling 26).
    CorpusDocument(
        "en-uk-plan-for-change-milestones-2024",
        "en",
        (
            _e("homes in England", 1.5e6, "homes", None, "=", "increment"),
            _e(
                "planning decisions on major economic infrastructure projects",
                150,
                "major economic infrastructure projects",
                None,
                ">=",
                "level",
            ),
            _e(
                "patients in England waiting no longer than 18 weeks for elective treatment",
                92,
                "%",
                None,
                "=",
                "share",
            ),
            _e(
                "additional officers, PCSOs and special constables in neighbourhood roles",
                13000,
                "officers, PCSOs and special constables",
                None,
                "=",
                "increment",
            ),
            _e("5-year-olds in England ready to learn", 75, "%", None, "=", "share"),
        ),
    ),
    CorpusDocument(
        "en-canada-clean-on-road-transportation-action-plan-2022",
        "en",
        (
            _e("new light-duty zero-emission vehicle sales", 100, "%", 2035, "=", "share"),
            _e("new light-duty vehicles offered for sale", 20, "%", 2026, ">=", "share"),
            _e("new light-duty vehicles offered for sale", 60, "%", 2030, ">=", "share"),
            _e(
                "new medium- and heavy-duty vehicle sales being zero-emission vehicles",
                35,
                "%",
                2030,
                ">=",
                "share",
                aspirational=True,
            ),
            _e(
                "new medium- and heavy-duty vehicle sales to be zero-emission vehicles",
                100,
                "%",
                2040,
                "=",
                "share",
            ),
        ),
    ),
    # A lead-in year ("Our target goals by 2025 are to:") governs the bullets;
    # raise/increase ... to and reach are >= (ruling 24).
    CorpusDocument(
        "en-minneapolis-climate-action-plan-2013",
        "en",
        (
            _e("greenhouse gas emissions", -30, "%", 2025, "=", "growth_rate"),
            _e("electricity from local, renewable sources", 10, "%", 2025, "=", "share"),
            _e("bicycle commute mode share", 15, "%", 2025, ">=", "share"),
            _e("recycling rate", 50, "%", 2025, ">=", "level"),
            _e("composting rate of the entire waste stream", 15, "%", 2025, ">=", "share"),
        ),
    ),
    # --- added: third batch, a held-out measurement (see corpus/SOURCES.md and Rulings 30-37);
    # the extractor had not seen these documents when they were added ---
    # 国办发〔2017〕48号, complete: "提前一年" under 到2020年 is 2019 (ruling 30).
    CorpusDocument(
        "cn-livestock-manure-utilization-opinions-2017",
        "zh",
        (
            _e("全国畜禽粪污综合利用率", 75, "%", 2020, ">=", "level"),
            _e("规模养殖场粪污处理设施装备配套率", 95, "%", 2020, ">=", "level"),
            _e("大型规模养殖场粪污处理设施装备配套率", 100, "%", 2019, ">=", "level"),
        ),
    ),
    # 农村危房改造脱贫攻坚三年行动方案 (body): one work quantity (ruling 31); the floor
    # areas per household are a building standard, not targets (ruling 32).
    CorpusDocument(
        "cn-rural-dilapidated-housing-renovation-action-plan-2018",
        "zh",
        (_e("建档立卡贫困户存量危房改造", 2_000_000, "户", 2020, "=", "increment"),),
    ),
    # An annual 实施方案 stored with a YAML header (ruling 37); "600总吨以上" scopes a task.
    CorpusDocument(
        "cn-shanghai-port-shore-power-plan-2023",
        "zh",
        (
            _e("国际集装箱靠港船舶岸电使用量", 30, "%", 2023, "=", "growth_rate"),
            _e("集装箱码头泊位岸电覆盖率", 90, "%", 2023, ">=", "level"),
        ),
    ),
    # A district 十五五 outline up to the end of section 三: a 发展基础 full of past figures,
    # a 主要指标 table with one cell per line (ruling 33) and targets in the text.
    CorpusDocument(
        "cn-shanghai-changning-15th-fyp-2026-2030",
        "zh",
        (
            _e("全员劳动生产率", 550_000, "元/人", 2030, "~", "level"),
            _e("主导产业税收占全区税收比重", 58, "%", 2030, ">=", "share"),
            _e("新兴产业税收年均增速", 3, "百分点", 2030, ">=", "growth_rate"),
            _e("数字经济企业数", 9000, "家", 2030, "~", "level"),
            _e("重点楼宇单位面积产税", 8500, "元/平方米", 2030, ">=", "level"),
            _e("新增跨国公司地区总部数", 20, "家", 2030, ">=", "increment"),
            _e("每万人口高价值发明专利拥有量", 85, "件/万人", 2030, "~", "level"),
            _e("外国人来华工作许可审批数量", 25000, "人次", 2030, ">=", "level"),
            _e("国际交流合作项目数", 500, "个", 2030, ">=", "level"),
            _e("养老机构护理型床位占比", 75, "%", 2030, ">=", "share"),
            _e("居民健康素养水平", 49, "%", 2030, ">=", "level"),
            _e("人均公园绿地面积", 7.82, "平方米/人", 2030, ">=", "level"),
            _e("地表水优良水体比例", 100, "%", 2030, "=", "share"),
            _e("生活垃圾回收利用率", 50, "%", 2030, ">=", "level"),
            _e("数字化示范应用场景", 100, "个", 2030, ">=", "level"),
            _e("区政务信息系统公共数据归集率", 100, "%", 2030, ">=", "level"),
            _e("旧住房成套改造项目", 14_200, "平方米", 2030, "=", "increment"),
            _e("新增单位附属绿地开放共享点位", 10, "处", 2030, ">=", "increment"),
            _e("全区税收亿元楼", 45, "幢", 2030, ">=", "level"),
            _e(
                "各类金融机构、地方金融组织、私募基金及投资类企业",
                1000,
                "家",
                2030,
                ">=",
                "level",
            ),
            _e("有效期内高新技术企业", 450, "家", 2030, ">=", "level"),
            _e("全社会研发经费支出相当于地区生产总值比例", 3.5, "%", 2030, ">=", "share"),
        ),
    ),
    # A provincial 排查整治方案 with dates, 附件 numbers and its own working groups
    # ("设4个核查组，8个小组") but no quantitative target (ruling 32).
    CorpusDocument("cn-shandong-hazardous-waste-inspection-plan-2019", "zh", ()),
    # A district culture/heritage 三年行动计划: addresses, 街坊 numbers, "2层老建筑" and the
    # 15.6平方公里 scope are not targets; one work quantity is (rulings 31, 32).
    CorpusDocument(
        "cn-shanghai-yangpu-heritage-three-year-plan-2024-2026",
        "zh",
        (_e("历史风貌建筑", 15, "幢", 2026, "=", "increment"),),
    ),
    # A fund's size, an illustration of a target and past figures are not targets;
    # the restatement under the dated heading is (ruling 35).
    CorpusDocument(
        "en-australia-national-waste-policy-targets",
        "en",
        (
            _e("total waste generated per person", -10, "%", 2030, "=", "growth_rate"),
            _e("all waste recovered", 80, "%", 2030, "=", "share"),
            _e(
                "average resource recovery rate from all waste streams",
                80,
                "%",
                2030,
                "=",
                "level",
            ),
        ),
    ),
    # A municipal code section with a targets-and-benchmarks table (ruling 36).
    CorpusDocument(
        "en-us-eugene-climate-action-targets-ordinance",
        "en",
        (
            _e("carbon neutral operations GHGs", -60, "%", 2020, "=", "growth_rate"),
            _e("carbon neutral operations GHGs", -15, "%", None, "=", "growth_rate"),
            _e("carbon neutral operations GHGs", -60, "%", 2020, "=", "growth_rate"),
            _e("fossil fuels", -50, "%", 2030, "=", "growth_rate"),
            _e("fossil fuels", -50, "%", 2030, "=", "growth_rate"),
            _e("fossil fuels", -2.5, "%", None, "=", "growth_rate"),
            _e("fossil fuels", -25, "%", 2020, "=", "growth_rate"),
            _e("fossil fuels", -38, "%", 2025, "=", "growth_rate"),
            _e("fossil fuels", -50, "%", 2030, "=", "growth_rate"),
        ),
    ),
    # --- added: fourth batch, written before the extractor was run on them (score in the
    # commit that added them): review sections, two-column tables, task targets ---
    # A district 十四五 专项规划 cut after 四、(二): the "十三五发展回顾" reports the past; the
    # goals state work quantities without 达到; "一地一策" is a one-for-one rule (ruling 38).
    CorpusDocument(
        "cn-shanghai-huangpu-heritage-14th-fyp-2021-2025",
        "zh",
        (
            _e("老大楼商业化改造利用面积", 114_000, "平方米", 2025, "=", "increment"),
            _e("居住类历史建筑全项目修缮", 300_000, "平方米", 2025, "=", "increment"),
            _e("受益居民", 20_000, "户", 2025, ">=", "level"),
            _e("老旧住房综合修缮改造面积", 1_000_000, "平方米", 2025, "=", "increment"),
            _e("红色文物保护建筑修缮改造", 4, "处", 2025, ">=", "increment"),
            _e("“建筑可阅读”线下走读线路", 5, "条", 2025, ">=", "level"),
            _e("相关社会组织", 3, "个", 2025, ">=", "level"),
            _e("新增文物保护员", 50, "人", 2025, ">=", "increment"),
            _e("旧改征收", 30_000, "户", 2025, ">=", "increment"),
            _e("居住类历史建筑修缮", 300_000, "平方米", 2025, "=", "increment"),
        ),
    ),
    # A district 十五五 专项规划 cut before 二、(三)3: its indicator table (one cell per line)
    # has a "十四五完成值" baseline column and a "十五五目标值" target column (ruling 39); the
    # tasks state work quantities with a deadline, some in stages (ruling 40).
    CorpusDocument(
        "cn-shanghai-minhang-urban-renewal-15th-fyp-2026-2030",
        "zh",
        (
            _e(
                "旧住房成套改造任务",
                14_000,
                "平方米",
                2030,
                "=",
                "increment",
                baseline=(250_000, 2025),
            ),
            _e(
                "老旧小区整治改造面积",
                3_000_000,
                "平方米",
                2030,
                "=",
                "increment",
                baseline=(2_400_000, 2025),
            ),
            _e("完整社区覆盖率", 60, "%", 2030, "=", "level"),
            _e("推动商务楼宇更新数量", 10, "个", 2030, ">=", "increment"),
            _e("更新商业设施面积（含改扩建）", 500_000, "平方米", 2030, ">=", "increment"),
            _e("低效产业用地盘活面积", 5000, "亩", 2030, ">=", "increment", baseline=(2000, 2025)),
            _e("老旧街区改造数量", 5, "个", 2030, ">=", "increment"),
            _e("燃气老化管道改造数量", 421, "公里", 2030, "=", "increment", baseline=(355, 2025)),
            _e("人均应急避难面积", 1.7, "平方米", 2030, ">=", "level", baseline=(1.5, 2025)),
            _e("人均公园绿地面积", 11.5, "平方米", 2030, "=", "level", baseline=(11.1, 2025)),
            _e("电四小区、鲁汇一村成套改造", 14_000, "平方米", 2030, "~", "increment"),
            _e("完整社区覆盖率", 60, "%", 2030, ">=", "level", aspirational=True),
            _e("整体改造项目动迁腾地", 8, "个", 2026, "=", "increment"),
            _e("安置房地块出让", 3, "幅", 2026, "=", "increment"),
            _e("老旧街区改造", 5, "个", 2030, ">=", "increment"),
            _e("商务楼宇更新", 10, "个", 2030, ">=", "increment"),
            _e("商业设施更新", 500_000, "平方米", 2030, ">=", "increment", aspirational=True),
            _e("低效产业用地", 5000, "亩", 2030, "=", "increment"),
            _e("老旧厂区改造", 20, "个", 2030, ">=", "increment"),
            _e("路网密度", 4.15, "公里/平方公里", 2030, ">=", "level", aspirational=True),
            _e("燃气老化管道改造", 421, "公里", 2027, ">=", "increment"),
            _e("一线水闸防洪能力达标建设", 32, "座", 2030, "=", "increment"),
            _e("全区应急避难人均避难面积", 1.7, "平方米", 2030, ">=", "level"),
            _e("美丽幸福河湖建成率", 50, "%", 2030, ">=", "level"),
            _e("全区人均公园绿地面积", 11.5, "平方米", 2030, ">=", "level"),
            _e("各类公园二十四小时开放比例", 90, "%", 2030, ">=", "share", aspirational=True),
            _e("全区建成区面积", 80, "%", 2030, ">=", "share"),
        ),
    ),
    # The 发展基础 section of a district 十四五 专项规划: every figure reports the 十三五
    # period (addresses, 街坊 numbers, "标准50条", "2019年…766场"); no target.
    CorpusDocument("cn-shanghai-hengfu-urban-renewal-14th-fyp-review", "zh", ()),
    # A district 行动方案 (2023-2025) cut before 二、(四): task targets opened by 完成 / 创建 /
    # 新建 with a figure and a noun under "到2025年"; "成熟一批启动一批" and "开工一批，启动一批"
    # are not targets; "每年" takes the plan's end year (ruling 3); a count of one is no target.
    CorpusDocument(
        "cn-shanghai-jingan-urban-renewal-action-2023-2025",
        "zh",
        (
            _e("既有多层住宅加装电梯", 700, "台", 2025, "=", "increment"),
            _e(
                "屋面及相关设施改造、多高层综合整治及里弄全项目修缮",
                800_000,
                "平米",
                2025,
                "=",
                "increment",
            ),
            _e("新时代“美丽家园”特色小区", 20, "个", 2025, "=", "increment"),
            _e("新时代“美丽家园”示范小区", 10, "个", 2025, "=", "increment"),
            _e("“15分钟社区生活圈”示范性街镇", 3, "个", 2025, "=", "level"),
            _e("口袋公园", 9, "座", 2025, "~", "increment"),
            _e("高品质“美丽街区”", 3, "个", 2025, "=", "increment"),
            _e("架空线入地和杆箱整治", 48, "公里", 2025, "~", "increment"),
            _e("燃气老化管道改造", 36, "公里", 2025, "~", "increment"),
            _e("排水主管检测", 123, "公里", 2025, "~", "increment"),
            _e("排水主管修复或改造", 24, "公里", 2025, "~", "increment"),
            _e("建成区面积", 40, "%", 2025, ">=", "share"),
            _e("应急避难场所建设", 1_444_500, "平方米", 2025, "=", "increment"),
            _e("既有公共建筑节能改造", 940_000, "平方米", 2025, "=", "increment"),
        ),
    ),
    # A compendium of city targets and past actions: "Reduced … in 2014 7.5%", "serving 2
    # million passengers a year" and a prize of "$5 million" are not targets; "30% by 2010
    # and 80% by 2050" is two (ruling 41).
    CorpusDocument(
        "en-us-climate-mayors-compendium-excerpt",
        "en",
        (
            _e("GHGs", -25, "%", 2025, "=", "growth_rate"),
            _e("GHGs", -90, "%", 2050, "=", "growth_rate"),
            _e("GHG", -30, "%", 2010, "=", "growth_rate"),
            _e("GHG", -80, "%", 2050, "=", "growth_rate"),
            _e("renewable utility", 100, "%", 2015, "=", "share"),
        ),
    ),
    # A city news page on its climate implementation plan: the current level ("Currently …
    # 37 percent") and a hypothetical ("would mean a 54 percent reduction") are not targets.
    # "Energy efficiency savings of two to five percent" is left out: the scoring checks
    # numerals only, and the file states this one in words (ruling 41).
    CorpusDocument(
        "en-us-palo-alto-sustainability-implementation-plan-2017",
        "en",
        (
            _e("Greenhouse Gas Emissions", -40, "%", 2020, "~", "growth_rate"),
            _e("GHG emissions", -80, "%", 2030, "=", "growth_rate"),
            _e("solo commute trips downtown", -30, "%", None, "=", "growth_rate"),
        ),
    ),
    # Fifth batch (creation verbs, lists of years, coverage rates). An annual breakdown of a
    # government work report: the heading "2025年年度目标" dates its items; "举办…活动150场次"
    # and "加快10个商贸项目建设" are counts of work of the year (ruling 42).
    CorpusDocument(
        "cn-shaanxi-tongchuan-2025-work-report-task-division",
        "zh",
        (
            _e("生产总值", 6, "%", 2025, "~", "growth_rate"),
            _e("固定资产投资", 7, "%", 2025, "~", "growth_rate"),
            _e("一般公共预算收入", 3.5, "%", 2025, "=", "growth_rate"),
            _e("城镇居民收入", 6, "%", 2025, "=", "growth_rate"),
            _e("农村居民收入", 7, "%", 2025, "=", "growth_rate"),
            _e("城镇新增就业", 5000, "人", 2025, ">=", "increment"),
            _e("粮食产量", 320000, "吨", 2025, ">=", "level"),
            _e("社会消费品零售总额", 8, "%", 2025, "~", "growth_rate"),
            _e("农林牧渔业增加值", 4.8, "%", 2025, "~", "growth_rate"),
            _e("“秦乐购”促消费活动", 150, "场次", 2025, "=", "increment"),
            _e("商贸项目建设", 10, "个", 2025, "=", "increment"),
        ),
    ),
    # A district work report's goals for 2025 under the heading "二、2025年政府工作目标任务";
    # "谋划建设…基地2个" and "新认定…2家以上" are counts created in the year (ruling 42).
    CorpusDocument(
        "cn-fujian-luojiang-2025-work-report-goals",
        "zh",
        (
            _e("地区生产总值", 6.2, "%", 2025, "=", "growth_rate"),
            _e("农林牧渔业总产值", 5.5, "%", 2025, "=", "growth_rate"),
            _e("工业增加值", 7.5, "%", 2025, "=", "growth_rate"),
            _e("第三产业增加值", 6, "%", 2025, "=", "growth_rate"),
            _e("一般公共预算总收入", 3.5, "%", 2025, "=", "growth_rate"),
            _e("一般公共预算收入", 2.5, "%", 2025, "=", "growth_rate"),
            _e("实际利用外资(验资口径)", 5, "%", 2025, "=", "growth_rate"),
            _e("出口商品总值", 10, "%", 2025, "=", "growth_rate"),
            _e("全社会固定资产投资", 8, "%", 2025, "=", "growth_rate"),
            _e("社会消费品零售总额", 10, "%", 2025, "=", "growth_rate"),
            _e("全区规上企业研发经费", 20, "%", 2025, ">=", "growth_rate", aspirational=True),
            _e("项目中试孵化基地", 2, "个", 2025, "=", "increment"),
            _e(
                "市级以上企业技术中心、工业设计中心",
                2,
                "家",
                2025,
                ">=",
                "increment",
                aspirational=True,
            ),
        ),
    ),
    # A city indicator page: the GHG reductions that canopy cover "would result in" are
    # projections, not targets; a canopy cover is a level (ruling 10).
    CorpusDocument(
        "en-us-san-diego-urban-tree-canopy-indicator",
        "en",
        (
            _e("trees", 100000, "trees", 2035, "=", "increment"),
            _e("urban tree canopy cover", 28, "%", 2030, "=", "level"),
            _e("urban tree canopy cover", 35, "%", 2035, "=", "level"),
        ),
    ),
    # A climate plan's list of natural-infrastructure actions: "At least 40% … and 15% …"
    # shares the bound; "every ten years" is a duration. No period is stated: year null.
    CorpusDocument(
        "en-us-st-paul-climate-plan-natural-infrastructure",
        "en",
        (
            _e("citywide canopy coverage", 40, "%", None, ">=", "level"),
            _e("canopy coverage in downtown", 15, "%", None, ">=", "level"),
        ),
    ),
    # A city news item: the first plan's goal "through 2020" met "four years ahead" is past;
    # "reducing carbon emissions 60 percent by 2030 and 80 percent by 2050" is two falls.
    CorpusDocument(
        "en-us-sunnyvale-climate-action-playbook-kickoff-2019",
        "en",
        (
            _e("carbon emissions", -60, "%", 2030, "=", "growth_rate"),
            _e("carbon emissions", -80, "%", 2050, "=", "growth_rate"),
        ),
    ),
    # An annual plan (its title line "咸阳市2023年国民经济和社会发展计划" dates it): the
    # 主要预期目标 are targets of 2023; "分别增长7%、8%左右" gives both figures the bound
    # (ruling 43); a price 涨幅 is a rate of change.
    CorpusDocument(
        "cn-xianyang-2023-national-economic-social-development-plan",
        "zh",
        (
            _e("生产总值", 6, "%", 2023, "~", "growth_rate"),
            _e("规模以上工业增加值", 7, "%", 2023, "~", "growth_rate"),
            _e("全社会固定资产投资", 8, "%", 2023, "~", "growth_rate"),
            _e("社会消费品零售总额", 9, "%", 2023, "~", "growth_rate"),
            _e("一般公共预算收入", 4, "%", 2023, "~", "growth_rate"),
            _e("城乡居民人均可支配收入", 7, "%", 2023, "~", "growth_rate"),
            _e("城乡居民人均可支配收入", 8, "%", 2023, "~", "growth_rate"),
            _e("居民消费价格涨幅", 3, "%", 2023, "~", "growth_rate"),
            _e("粮食产量", 1.8e6, "吨", 2023, ">=", "level"),
        ),
    ),
    # A county work report from its 今年…主要预期目标 (no year in the part kept: year
    # null) through the heading "三、2024年主要工作安排", which dates the lines under it.
    # 力争 binds its own clause: "力争实现20%的村集体…,新增…经济强村5个" makes only the
    # share aspirational; "超30万元" / "超50万元" are thresholds; "544户监测对象" is the
    # population monitored; [13]–[16] are note numbers (ruling 43).
    CorpusDocument(
        "cn-county-2024-work-report-goals-and-farming-tasks",
        "zh",
        (
            _e("全县地区生产总值", 8, "%", None, "~", "growth_rate"),
            _e("一般公共预算收入", 8, "%", None, "~", "growth_rate"),
            _e("固定资产投资", 10, "%", None, "~", "growth_rate"),
            _e("社会消费品零售总额", 8, "%", None, "~", "growth_rate"),
            _e("城镇常住居民人均可支配收入", 8, "%", None, "~", "growth_rate"),
            _e("农村常住居民人均可支配收入", 8.5, "%", None, "~", "growth_rate"),
            _e("城镇调查失业率", 5.5, "%", None, "<=", "level"),
            _e("居民消费价格指数涨幅", 3, "%", None, "<=", "growth_rate"),
            _e("耕地修复", 2000, "亩", 2024, "=", "increment"),
            _e("高标准农田", 1500, "亩", 2024, "=", "level"),
            _e("粮食播种面积", 70000, "亩", 2024, ">=", "level"),
            _e("粮食总产量", 25000, "吨", 2024, ">=", "level"),
            _e("山兰稻种植面积", 5000, "亩", 2024, ">=", "level"),
            _e("村集体", 20, "%", 2024, "=", "share", aspirational=True),
            _e("年收入超50万元的经济强村", 5, "个", 2024, "=", "increment"),
        ),
    ),
    # A town's annual work plan (title line "镇2024年度工作计划"): its 主要预期目标 and the
    # year's work ("加快推进7公顷工业用地报批") are targets of 2024; "西侧400亩地块" names a
    # plot by its size (ruling 32); 75周年 and X (an elided word) are no figures.
    CorpusDocument(
        "cn-town-2024-annual-work-plan",
        "zh",
        (
            _e("地区生产总值", 7.6, "%", 2024, "=", "growth_rate"),
            _e("一般预算收入", 1.1e8, "元", 2024, ">=", "increment"),
            _e("固定资产投资", 11, "%", 2024, ">=", "growth_rate"),
            _e("社会消费品零售总额", 8, "%", 2024, ">=", "growth_rate"),
            _e("居民人均可支配收入", 7, "%", 2024, "=", "growth_rate"),
            _e("工业用地报批", 7, "公顷", 2024, "=", "increment"),
        ),
    ),
    # A summary of a 2021—2025 renovation plan: each dated stage counts the communities
    # started and renovated (work done: increments) and the households they hold (levels).
    CorpusDocument(
        "cn-ganzhou-old-residential-renovation-plan-2021-2025-summary",
        "zh",
        (
            _e("城镇老旧小区", 137, "个", 2021, "=", "increment"),
            _e("居民", 33735, "户", 2021, "=", "level"),
            _e("城镇老旧小区", 253, "个", 2022, "=", "increment"),
            _e("居民", 39610, "户", 2022, "=", "level"),
            _e("城镇老旧小区", 220, "个", 2023, "=", "increment"),
            _e("居民", 38342, "户", 2023, "=", "level"),
        ),
    ),
    # US agency priority goals, each due "By September 30, 2023" (a US date: its year is
    # the deadline, ruling 44); "from 2020 levels" is a reference year, not a baseline.
    CorpusDocument(
        "en-us-hud-agency-priority-goals-fy2022-2023",
        "en",
        (
            _e("number of people experiencing homelessness", -15, "%", 2023, "=", "growth_rate"),
            _e("occupancy rates", 96, "%", 2023, ">=", "level"),
            _e("budget utilization rate", 100, "%", 2023, ">=", "level"),
            _e("first-time homebuyer rate", 80, "%", 2023, ">=", "level"),
            _e("re-default rate", 30, "%", 2023, "<=", "level"),
            _e("at-risk housing units", 20000, "units", 2023, "=", "increment"),
        ),
    ),
    # A county objective: "By June 2024, … will increase by 50 percent the number of X" is a
    # growth of X by 50 % due in 2024; the tracking row "6/30/2024 Increase high-impact
    # equity projects 50% 1 0%" restates it (ruling 8) with its end date; the baseline 1 and
    # the progress 0% are not targets, nor are "# 371" and the step numbers.
    CorpusDocument(
        "en-us-santa-cruz-county-capital-program-objective",
        "en",
        (
            _e("number of high equity impact projects", 50, "%", 2024, "=", "growth_rate"),
            _e("high-impact equity projects", 50, "%", 2024, "=", "growth_rate"),
        ),
    ),
    # A news item on a city's 2014 housing and construction work meeting: "今年" with no
    # year of the plan keeps `null` (the 2014 of the meeting's name dates no figure);
    # 力争 binds only its clause; "发放租赁住房补贴1100户" is a subsidy (a measure); the
    # paragraph "过去一年,…" reports the past.
    CorpusDocument(
        "cn-city-2014-housing-construction-work-meeting-news",
        "zh",
        (
            _e("市政投资", 3e8, "元", None, "=", "increment", aspirational=True),
            _e("新建道路面积", 50000, "平方米", None, "=", "increment"),
            _e("建筑业总产值", 3.2e10, "元", None, "=", "increment"),
            _e("增加值", 6e9, "元", None, "=", "increment"),
            _e("公租房", 1240, "套", None, "=", "increment"),
            _e("公租房", 3100, "套", None, "=", "level"),
            _e("旧城改造建筑面积", 300000, "平方米", None, "=", "increment"),
        ),
    ),
    # A county EV roadmap goal: the targeted outcome and its restatement ("will have 501
    # EVs by 2027", ruling 8), and the conversions by 2025 and 2027; the present fleet
    # ("approximately 4,500 … vehicles") and the 2019-2020 accomplishments are not targets.
    CorpusDocument(
        "en-us-san-diego-county-ev-roadmap-fleet-goal",
        "en",
        (
            _e(
                "number of electric vehicles (EVs) in the County's fleet",
                501,
                "vehicles",
                2027,
                ">=",
                "level",
            ),
            _e(
                "fleet gas-powered vehicles",
                250,
                "fleet gas-powered vehicles",
                2025,
                "=",
                "increment",
            ),
            _e("vehicles", 251, "vehicles", 2027, "=", "increment"),
            _e("EVs", 501, "EVs", 2027, "=", "level"),
        ),
    ),
    # A news report of the 2023 national housing work conference: its headline, a
    # title-like first line with one year, makes it annual (2023), so "今年" in the body
    # is 2023 too (unlike ruling 45, whose report has no such line); "据介绍,2022年,…"
    # reports the past year.
    CorpusDocument(
        "cn-national-2023-housing-work-conference-news",
        "zh",
        (
            _e("城镇老旧小区", 53000, "个", 2023, ">=", "increment"),
            _e("城镇老旧小区", 53000, "个", 2023, ">=", "increment"),
            _e("城市燃气管道等老化更新改造", 100000, "公里", 2023, ">=", "increment"),
            _e("雨水管网", 15000, "公里", 2023, ">=", "increment"),
        ),
    ),
    # A report on the execution of the 2022 plan (its part 一 only): every figure
    # reports 2022 under the review heading "2022年国民经济和社会发展计划执行情况".
    CorpusDocument("cn-guangyuan-zhaohua-2022-plan-execution-review", "zh", ()),
    CorpusDocument(
        "cn-hubei-2025-work-report-digest-review-and-goals",
        "zh",
        (
            _e("经济增长", 6, "%", 2025, "~", "growth_rate"),
            _e("城镇调查失业率", 5.5, "%", 2025, "~", "level"),
            _e("城镇新增就业", 700_000, "人", 2025, ">=", "increment"),
            _e("居民消费价格涨幅", 2, "%", 2025, "~", "growth_rate"),
            _e("粮食产量", 50_000_000_000, "斤", 2025, ">=", "level"),
        ),
    ),
    CorpusDocument(
        "cn-fujian-2025-work-report-news-review-and-goals",
        "zh",
        (
            _e("福建省地区生产总值", 5.0, "%", 2025, ">=", "growth_rate"),
            _e("全省地区生产总值", 5.0, "%", 2025, ">=", "growth_rate"),
            _e("固定资产投资", 5, "%", 2025, "~", "growth_rate"),
            _e("社会消费品零售总额", 5.5, "%", 2025, "~", "growth_rate"),
            _e("出口", 3, "%", 2025, "~", "growth_rate"),
        ),
    ),
    CorpusDocument(
        "cn-henan-2023-work-report-manufacturing-digest",
        "zh",
        (
            _e("制造业增加值占生产总值比重", 30, "%", 2025, ">=", "share"),
            _e("装备制造业规模", 1.5e12, "元", 2025, ">=", "level"),
            _e("汽车产业产值", 1e12, "元", 2025, ">=", "level", aspirational=True),
            _e("制造业增加值占生产总值比重", 30, "%", 2025, ">=", "share"),
            _e("战略性新兴产业占规上工业增加值比重", 30, "%", 2025, ">=", "share"),
            _e("“五基”产品和工艺", 150, "项", 2025, "=", "increment"),
            _e("材料产业规模", 2e12, "元", 2025, ">=", "level", aspirational=True),
            _e("新材料占比", 50, "%", 2025, ">=", "share", aspirational=True),
            _e("延链补链强链项目", 50, "项", 2025, "=", "increment"),
            _e("重大先进制造业集群", 10, "个", 2025, "=", "level"),
            _e("千亿级现代化产业链", 30, "个", 2025, "=", "level"),
            _e("特色产业集群", 300, "个", 2025, "=", "level"),
            _e("服务型制造示范企业", 30, "家", 2025, "=", "level"),
            _e("新培育头雁企业", 100, "家", 2025, "=", "increment"),
            _e("国家级专精特新“小巨人”企业", 100, "家", 2025, "=", "increment"),
            _e("规上工业企业", 2600, "家", 2025, "=", "increment"),
            _e("5G基站总数", 180_000, "个", 2025, ">=", "level"),
            _e("新建智能工厂", 150, "个", 2025, "=", "increment"),
            _e("智能制造标杆企业", 10, "家", 2025, "=", "increment"),
            _e("新增上云企业", 30_000, "家", 2025, "=", "increment"),
            _e("规模以上工业企业增加值能耗", -4, "%", 2025, "~", "growth_rate", aspirational=True),
        ),
    ),
    CorpusDocument(
        "cn-shiyan-low-altitude-economy-plan-2024-2026",
        "zh",
        (
            _e("产业链相关企业", 100, "家", 2026, "=", "level", aspirational=True),
            _e("投资总额", 10_000_000_000, "元", 2026, ">=", "level"),
            _e("产业规模", 10_000_000_000, "元", 2026, ">=", "level"),
            _e("通用航空短途运输航线", 2, "条", 2026, ">=", "level"),
            _e("无人机航线", 100, "条", 2026, ">=", "level"),
        ),
    ),
    CorpusDocument(
        "cn-beijing-nanjing-low-altitude-plans-news-2024",
        "zh",
        (
            _e("低空经济相关企业数量", 5000, "家", 2027, ">=", "level", aspirational=True),
            _e("带动全市经济增长", 100_000_000_000, "元", 2027, ">=", "level", aspirational=True),
            _e("龙头企业", 10, "家", 2027, "=", "level"),
            _e("产业链核心环节配套企业", 50, "家", 2027, "=", "level"),
            _e("技术服务企业", 100, "家", 2027, "=", "level"),
            _e("新增应用场景", 10, "个", 2027, ">=", "increment"),
            _e("面向周边地区的低空航线", 3, "条", 2027, ">=", "level"),
            _e("南京低空经济产业规模", 50_000_000_000, "元", 2026, ">=", "level"),
            _e("低空经济领域高新技术企业", 120, "家", 2026, ">=", "level"),
            _e("创新平台", 15, "个", 2026, "=", "level"),
            _e("低空航空器起降场(点)", 240, "个", 2026, ">=", "level"),
            _e("试飞测试场和操控员培训点", 3, "个", 2026, ">=", "level"),
            _e("通用机场", 1, "个", 2026, ">=", "level"),
            _e("低空航线", 120, "条", 2026, ">=", "level"),
        ),
    ),
    CorpusDocument(
        "en-uk-rbwm-ev-chargepoint-plan-2023",
        "en",
        (
            _e("new chargepoint sockets", 75, "chargepoint sockets", None, "~", "increment"),
            _e("borough homes without driveways", 90, "%", 2035, "=", "share"),
            _e("homes without driveways", 70, "%", 2035, "=", "share"),
        ),
    ),
    CorpusDocument(
        "cn-sichuan-2023-work-report-urban-renewal-news",
        "zh",
        (
            _e("新开工改造老旧小区", 5200, "个", 2023, "=", "increment"),
            _e("棚户区", 67_000, "套", 2023, "=", "increment"),
            _e("燃气管道", 9000, "公里", 2023, "=", "increment"),
            _e("供水管道", 2000, "公里", 2023, "=", "increment"),
            _e("排水管道", 4200, "公里", 2023, "=", "increment"),
            _e("保障性租赁住房", 100_000, "套(间)", 2023, "=", "increment"),
            _e("新开工改造老旧小区", 5200, "个", 2023, "=", "increment"),
            _e("棚户区", 67_000, "套", 2023, "=", "increment"),
            _e("住宅电梯", 4500, "部", 2023, "=", "increment"),
        ),
    ),
    CorpusDocument(
        "cn-anyang-2017-work-report-ten-practical-projects",
        "zh",
        (
            _e("市政道路建设", 118, "条", 2017, "=", "increment"),
            _e("道路", 50, "条", 2017, "=", "level"),
            _e("道路大修改造", 15, "条", 2017, "=", "increment"),
            _e("园林绿化项目", 190, "个", 2017, "=", "increment"),
            _e("园林绿化项目开工建设", 165, "个", 2017, "=", "increment"),
            _e("园林绿化项目完成", 153, "个", 2017, "=", "increment"),
            _e("农村特岗教师", 300, "名", 2017, "=", "level"),
            _e("新增新型公交车", 50, "台", 2017, "=", "increment"),
            _e("新增城市公共自行车", 3000, "辆", 2017, "=", "increment"),
            _e("新改建农村公路", 300, "公里", 2017, "=", "increment"),
            _e("新开工棚户区改造", 13_780, "套", 2017, "=", "increment"),
            _e("棚户区改造和公共租赁住房", 16_000, "套", 2017, "=", "level"),
        ),
    ),
    CorpusDocument(
        "cn-cangnan-2022-livelihood-projects-progress-table",
        "zh",
        (
            _e("新(改、扩)建公办园", 5, "所", 2022, "=", "increment"),
            _e("新增公办幼儿学位", 1000, "个", 2022, "=", "increment"),
            _e("四好农村路", 55, "公里", 2022, "=", "increment"),
            _e("农村公路大中修", 70, "公里", 2022, "=", "increment"),
            _e("卫生院", 8, "家", 2022, "=", "level"),
            _e("断头路", 12, "条", 2022, "=", "increment"),
            _e("中心敬老院", 3, "家", 2022, "=", "level"),
            _e("中心敬老院", 2, "家", 2022, "=", "increment"),
            _e("中小学", 3, "所", 2022, "=", "level"),
            _e("新增学位", 3800, "位", 2022, "=", "increment"),
            _e("乡镇应急广播分控中心", 18, "个", 2022, "=", "increment"),
            _e("村居广播室", 376, "个", 2022, "=", "increment"),
            _e("可控IP化高音喇叭", 752, "只", 2022, "=", "increment"),
            _e("新增“文化驿站”", 16, "个", 2022, "=", "increment"),
        ),
    ),
    CorpusDocument(
        "cn-wulian-2013-work-report-goals-news",
        "zh",
        (
            _e("过亿项目", 20, "个", 2013, ">=", "level"),
            _e("招商引资到位固定资产投资", 1_500_000_000, "元", 2013, ">=", "level"),
            _e("新增城区绿化面积", 280_000, "平方米", 2013, "=", "increment"),
            _e("生产总值", 13, "%", 2013, "=", "growth_rate"),
            _e("公共财政预算收入", 18, "%", 2013, "=", "growth_rate"),
            _e("规模以上固定资产投资", 25, "%", 2013, "=", "growth_rate"),
            _e("社会消费品零售总额", 17, "%", 2013, "=", "growth_rate"),
            _e("居民消费价格指数", 3.5, "%", 2013, "<=", "level"),
            _e("人口自然增长率", 3, "‰", 2013, "<=", "growth_rate"),
        ),
    ),
    CorpusDocument(
        "cn-nanchang-social-security-opinions-news",
        "zh",
        (
            _e("基本养老保险参保率", 95.5, "%", 2025, ">=", "level"),
            _e("基本医疗保险参保率", 95, "%", 2025, ">=", "level"),
            _e("工伤保险参保人数", 1_350_000, "人", 2025, ">=", "level"),
            _e("失业保险参保人数", 1_100_000, "人", 2025, ">=", "level"),
            _e("每千人口拥有3岁以下婴幼儿托位数", 4.5, "个", 2025, ">=", "level"),
        ),
    ),
    CorpusDocument(
        "en-uk-westmorland-furness-smoke-free-2030-news",
        "en",
        (_e("smoking prevalence", 5, "%", 2030, "<=", "share"),),
    ),
)
