"""Hand-written expected targets for the held-out documents in ``docs/``.

Written by reading each document, following ``docs/extraction-conventions.md``,
the rulings in ``tests/extract/corpus/README.md`` and the H-rulings in
``RULINGS.md``, before the extractor was run on the document. The
expectations cover the text of each file only (see ``SOURCES.md`` for cuts).
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


HOLDOUT: tuple[CorpusDocument, ...] = (
    # A municipal bureau's three-year plan (2024-2026): the "1+20+30+100" slogan is
    # quoted, the goal paragraph and the staged schedule state new counts and running
    # totals (总计达 → level, >=); the areas a task covers (3个市级核心区域…) and the
    # planting standards of annex 2 (≥50 cm, pH 6-7, 35 ℃…) are not targets.
    CorpusDocument(
        "cn-shanghai-magnolia-promotion-three-year-plan-2024-2026",
        "zh",
        (
            _e("玉兰属植物特色园", 20, "座", 2026, "=", "increment"),
            _e("白玉兰特色道路", 30, "条", 2026, "=", "increment"),
            _e("白玉兰栽植及观赏点位", 100, "个", 2026, "=", "increment"),
            _e("白玉兰栽植及观赏点位", 30, "个", 2025, "=", "increment"),
            _e("特色道路", 10, "条", 2025, "=", "increment"),
            _e("特色园", 5, "座", 2025, "=", "increment"),
            _e("白玉兰栽植及观赏点位", 30, "个", 2025, "=", "increment"),
            _e("白玉兰栽植及观赏点位", 60, "个", 2025, ">=", "level"),
            _e("特色道路", 10, "条", 2025, "=", "increment"),
            _e("特色道路", 20, "条", 2025, ">=", "level"),
            _e("特色园", 5, "座", 2025, "=", "increment"),
            _e("特色园", 10, "座", 2025, ">=", "level"),
            _e("白玉兰栽植及观赏点位", 40, "个", 2026, "=", "increment"),
            _e("白玉兰栽植及观赏点位", 100, "个", 2026, ">=", "level"),
            _e("特色道路", 10, "条", 2026, "=", "increment"),
            _e("特色道路", 30, "条", 2026, ">=", "level"),
            _e("特色园", 10, "座", 2026, "=", "increment"),
            _e("特色园", 20, "座", 2026, ">=", "level"),
        ),
    ),
    # A provincial-level (市政府办公厅) 实施方案 without a stated period: every target
    # sits under 到2028年底; "在6座市属公园先行启动试点" is the scope of a pilot and
    # "开发比例不超过50%" a standard for each new park (ruling 32).
    CorpusDocument(
        "cn-shanghai-park-quality-improvement-plan-2026",
        "zh",
        (
            _e("各类公园", 300, "座", 2028, ">=", "increment"),
            _e("全市公园总数", 1400, "座", 2028, ">=", "level"),
            _e("绿道总长度", 2400, "公里", 2028, ">=", "level"),
            _e("单位附属绿地开放总数", 250, "处", 2028, ">=", "level"),
            _e("设置健身体育设施的公园占比", 50, "%", 2028, ">=", "share"),
            _e("公园提质增效案例", 50, "个", 2028, ">=", "level"),
            _e("公园打开围墙", 20, "座", 2028, ">=", "increment"),
            _e("环公园绿道", 30, "公里", 2028, ">=", "level"),
            _e("公园与周边地区融合发展", 30, "座", 2028, "=", "level"),
            _e("“公园+文商旅体展”活动", 100, "场", 2028, ">=", "level"),
            _e("乡土适生树种应用比例", 80, "%", 2028, ">=", "share"),
            _e("地产草种应用比例", 50, "%", 2028, ">=", "share"),
            _e("乡土适生树种和地产草种应用案例", 60, "个", 2028, ">=", "level"),
            _e("公园水体水生态", 30, "座", 2028, "=", "increment"),
            _e("儿童户外游戏空间", 100, "处", 2028, "=", "level"),
            _e("新增篮球场", 100, "个", 2028, "=", "increment"),
            _e("宠物友好公园", 10, "座", 2028, "=", "increment"),
            _e("开放草坪及林下空间", 60, "公顷", 2028, ">=", "increment"),
            _e("公园特色消费场景", 50, "处", 2028, "=", "increment"),
            _e("公园文创品牌", 20, "个", 2028, "=", "level"),
        ),
    ),
    # A district 十五五 专项规划 cut before 第五部分: the 发展基础 section (its 表1 of
    # 十四五 targets and results, and the narrative) reports the past; the goals are
    # stated twice, as a 主要指标 list and as 表2 stored one cell per line, whose
    # “十四五”现状 column is the baseline (2025) and “十五五”目标 the target (2030).
    CorpusDocument(
        "cn-shanghai-putuo-greening-15th-fyp-2026-2030",
        "zh",
        (
            _e("新建绿地", 350_000, "平方米", 2030, "=", "increment"),
            _e("公园绿地", 175_000, "平方米", 2030, "=", "increment"),
            _e("绿化覆盖率", 31.5, "%", 2030, ">=", "level"),
            _e("人均公园绿地面积", 6.2, "平方米", 2030, "=", "level"),
            _e("公园数量", 69, "座", 2030, ">=", "level"),
            _e("新建绿道", 10, "公里", 2030, "=", "increment"),
            _e("“美丽街区”", 15, "条（段）", 2030, "=", "level"),
            _e("景观照明", 3, "块（条）", 2030, "=", "level"),
            _e(
                "重要区域、重点单体建（构）筑物的景观照明集中控制纳控率",
                95,
                "%",
                2030,
                ">=",
                "level",
            ),
            _e("《责任告知书》送达率", 100, "%", 2030, "=", "level"),
            _e("店招店牌整治", 1500, "块", 2030, "=", "increment"),
            _e("户外广告整治", 230, "块", 2030, "=", "increment"),
            _e("生活垃圾回收利用率", 50, "%", 2030, ">=", "level"),
            _e("建筑垃圾综合利用率", 95, "%", 2030, ">=", "level"),
            _e("新能源环卫车辆占比", 70, "%", 2030, ">=", "share"),
            # 表2
            _e("新建绿地", 350_000, "平方米", 2030, "=", "increment", baseline=(908_700, 2025)),
            _e("公园绿地", 175_000, "平方米", 2030, "=", "increment", baseline=(584_600, 2025)),
            _e("绿化覆盖率", 31.5, "%", 2030, "=", "level", baseline=(31.46, 2025)),
            _e("人均公园绿地面积", 6.2, "平方米", 2030, "=", "level", baseline=(6.07, 2025)),
            _e("公园数量", 69, "座", 2030, "=", "level", baseline=(59, 2025)),
            _e("新建绿道", 10, "公里", 2030, "=", "increment", baseline=(34.62, 2025)),
            _e("“美丽街区”建设", 15, "条（段）", 2030, "=", "level", baseline=(50, 2025)),
            _e("景观照明建设", 3, "块（条）", 2030, "=", "level", baseline=(3, 2025)),
            _e(
                "重要区域、重点单体建（构）筑物的景观照明集中控制纳控率",
                95,
                "%",
                2030,
                ">=",
                "level",
                baseline=(92.1, 2025),
            ),
            _e("《责任告知书》送达率", 100, "%", 2030, "=", "level", baseline=(100, 2025)),
            _e("店招店牌整治", 1500, "块", 2030, "=", "increment", baseline=(2598, 2025)),
            _e("户外广告整治", 230, "块", 2030, "=", "increment", baseline=(1045, 2025)),
            _e("生活垃圾回收利用率", 50, "%", 2030, "=", "level", baseline=(47, 2025)),
            _e("建筑垃圾综合利用率", 95, "%", 2030, "=", "level", baseline=(94, 2025)),
            _e("新能源环卫车辆占比", 70, "%", 2030, ">=", "share"),
        ),
    ),
    # A district 实施方案 cut before its 表1: past results (已完成 25.2平方公里) and the
    # bracketed areas of each zone are not targets; the yearly totals are (H4).
    CorpusDocument(
        "cn-shanghai-jiading-sponge-city-plan-2024",
        "zh",
        (
            _e("建设用地面积", 50, "平方公里", 2025, ">=", "level"),
            _e("建设用地面积", 80, "平方公里", 2030, ">=", "level"),
            _e("海绵城市建设达标评估", 15.19, "平方公里", 2024, "=", "increment"),
            _e("海绵城市建设达标评估", 11.73, "平方公里", 2025, "=", "increment"),
            _e("嘉定区建设用地面积", 52.12, "平方公里", 2025, "=", "level"),
            _e("占嘉定新城建设用地面积", 52, "%", 2025, "=", "share"),
        ),
    ),
    # A district 实施意见 without a stated period, cut before 三、工作职责 (the annexes
    # are project lists): dated goals for 十四五期末 (2025) and 2035; task counts
    # without a deadline keep year null (ruling 23); slogans (“万顷林地、千里绿廊和
    # 百座公园”, 百个大空间, 千个链接点, 万个微基建) are names (H2).
    CorpusDocument(
        "cn-shanghai-fengxian-park-city-opinions-2021",
        "zh",
        (
            _e("公园", 230, "座", 2025, ">=", "level"),
            _e("公园绿地服务半径覆盖率", 90, "%", 2025, ">=", "level"),
            _e("森林覆盖率", 17, "%", 2025, ">=", "level"),
            _e("区域绿道总长度", 200, "公里", 2025, "~", "level"),
            _e("新增公共服务设施附属绿地开放度", 80, "%", 2025, ">=", "level"),
            _e("蓝绿生态空间占比", 60, "%", 2035, ">=", "share"),
            _e("森林覆盖率", 20, "%", 2035, "~", "level"),
            _e("公园", 300, "座", 2035, "=", "level", aspirational=True),
            _e("公园绿地服务半径覆盖率", 95, "%", 2035, ">=", "level"),
            _e("区域绿道长度", 300, "公里", 2035, "~", "level"),
            _e("新增公共服务设施附属绿地开放共享率", 90, "%", 2035, ">=", "level"),
            _e("开放休闲林地", 5, "个", None, "=", "level"),
            _e("开放休闲林地", 5, "个", None, "=", "level"),
            _e("彩化树种比率", 70, "%", None, ">=", "level"),
            _e("珍贵化树种比率", 10, "%", None, ">=", "level"),
            _e("色叶、观花新优树种", 3, "个", None, ">=", "level"),
            _e("绿化特色道路", 1, "条", None, "=", "level"),
            _e("“公园型”绿色园区示范", 2, "个", None, ">=", "level"),
            _e("“公园型”美丽街区", 12, "个", None, "=", "level"),
            _e("“公园型”社区生活圈", 3, "个", None, "=", "level"),
            _e("“公园型”乡村振兴示范片区", 2, "个", None, ">=", "level"),
            _e("“公园型”乡村振兴示范村", 10, "个", None, ">=", "level"),
            _e("社区公园纳入市级公园名录", 60, "座", 2025, "=", "level", aspirational=True),
        ),
    ),
    # A provincial annual 工作要点 (2023), cut after its 主要目标指标 paragraph: every
    # figure is a 2023 target (ruling 29); 达 reads as 达到 (>=), 降至 as a level <=.
    CorpusDocument(
        "cn-zhejiang-health-work-points-2023",
        "zh",
        (
            _e("健康浙江发展指数", 85, "", 2023, ">=", "level"),
            _e("人均预期寿命", 82.4, "岁", 2023, ">=", "level"),
            _e("居民健康素养水平", 39, "%", 2023, ">=", "level"),
            _e("重大慢病过早死亡率", 9.3, "%", 2023, "<=", "level"),
            _e("总体癌症五年生存率", 47, "%", 2023, ">=", "level"),
            _e("人均基本公共卫生服务经费", 102, "元", 2023, ">=", "level"),
            _e("健康浙江行动省级样板", 50, "个", 2023, "=", "level"),
            _e("城乡居民免费健康体检人数", 10_000_000, "", 2023, ">=", "level"),
            _e("居民电子健康档案开放率", 70, "%", 2023, ">=", "level"),
            _e("居民心理健康素养水平", 25, "%", 2023, ">=", "level"),
            _e("家庭医生居民签约服务覆盖率", 42, "%", 2023, ">=", "level"),
            _e("重点人群签约覆盖率", 85, "%", 2023, ">=", "level"),
        ),
    ),
    # A municipal 实施方案 whose stored excerpt ends after the first goal paragraph.
    CorpusDocument(
        "cn-chengdu-community-embedded-services-plan-2024",
        "zh",
        (_e("嵌入式服务设施建设示范社区", 100, "个", 2025, "=", "level"),),
    ),
    # A county 任务分解 notice (2025): the counts of tasks and responsible units are the
    # plan's own items; an investment in what a task builds is not a target (ruling 32).
    CorpusDocument(
        "cn-qinxian-2025-work-report-task-breakdown",
        "zh",
        (
            _e("劳动密集型产业园", 3, "个", 2025, "=", "level"),
            _e("潞讯精密电子生产线", 30, "条", 2025, "=", "level"),
        ),
    ),
    # The 2025 part of a district government work report: annual expected targets,
    # "分别增长5.3%、7.6%" with two subjects.
    CorpusDocument(
        "cn-fujian-shaxian-2025-work-arrangements",
        "zh",
        (
            _e("全区地区生产总值", 5.3, "%", 2025, "=", "growth_rate"),
            _e("固定资产投资", 3.5, "%", 2025, "=", "growth_rate"),
            _e("社会消费品零售总额", 5.5, "%", 2025, "=", "growth_rate"),
            _e("出口总值", 0.2, "%", 2025, "=", "growth_rate"),
            _e("实际利用外资到资", 3_800_000, "美元", 2025, "=", "level"),
            _e("地方一般公共预算收入", 3, "%", 2025, "=", "growth_rate"),
            _e("城镇居民人均可支配收入", 5.3, "%", 2025, "=", "growth_rate"),
            _e("农村居民人均可支配收入", 7.6, "%", 2025, "=", "growth_rate"),
        ),
    ),
    # A city's page on its Climate and Environmental Action Plan: two targets; the
    # current subscription shares and the projected reductions are not targets.
    CorpusDocument(
        "en-us-thousand-oaks-ceap-plan-summary",
        "en",
        (
            _e("GHG emissions", -42, "%", 2030, "=", "growth_rate"),
            _e("GHG emissions", -85, "%", 2045, "=", "growth_rate"),
        ),
    ),
    # A city sustainability plan chapter: numbered goals are labels; three target rows
    # without a year.
    CorpusDocument(
        "en-us-boca-raton-sustainability-natural-environment-goals",
        "en",
        (
            _e("Air Quality Index Moderate and Good", 100, "%", None, "=", "share"),
            _e("tree canopy", 35, "%", None, ">=", "level"),
            _e("NWF wildlife habitats certified", 20, "%", None, "=", "growth_rate"),
        ),
    ),
    # A digest of a city comprehensive plan's climate chapter: the key commitments and
    # the policies restating them (ruling 8); policy counts and labels are not targets.
    CorpusDocument(
        "en-us-bellevue-comprehensive-plan-2023-climate-environment",
        "en",
        (
            _e("citywide GHG emissions", -50, "%", 2030, "=", "growth_rate"),
            _e("citywide GHG emissions", -75, "%", 2040, "=", "growth_rate"),
            _e("citywide GHG emissions", -95, "%", 2050, "=", "growth_rate"),
            _e("citywide tree canopy coverage", 40, "%", 2050, "=", "level"),
            _e("citywide greenhouse gas emissions", -50, "%", 2030, "=", "growth_rate"),
            _e("citywide greenhouse gas emissions", -75, "%", 2040, "=", "growth_rate"),
            _e("citywide greenhouse gas emissions", -95, "%", 2050, "=", "growth_rate"),
            _e("citywide tree canopy", 40, "%", None, ">=", "level"),
        ),
    ),
)
