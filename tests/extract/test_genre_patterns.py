"""Rules for patterns of real plans that a blind evaluation missed: tables
with several target columns, reviews of the previous plan, standards, task
targets without 达到, labelled lead-ins, bracketed units and English rows.
Each snippet is written the way such plans write it (see the Precisions in
docs/extraction-conventions.md and rulings 38-41 of the corpus README)."""

from __future__ import annotations

from actionplan.extract import Target, extract_plan


def targets(text: str) -> list[Target]:
    return extract_plan(text).targets


def rows(text: str) -> list[tuple[object, ...]]:
    return [
        (
            t.indicator,
            t.value,
            t.unit,
            t.year,
            (t.baseline.value, t.baseline.year) if t.baseline else None,
        )
        for t in targets(text)
    ]


# --- 1. tables with two target columns -----------------------------------


def test_a_tab_table_with_2025_and_2035_columns_gives_a_target_per_column() -> None:
    text = (
        "某市生态环境保护“十四五”规划\n"
        "一、主要指标\n"
        "指标\t单位\t2020年\t2025年\t2035年\n"
        "森林覆盖率\t%\t18.5\t20\t23\n"
        "城市污水处理率(%)\t\t95\t97\t99\n"
    )
    assert rows(text) == [
        ("森林覆盖率", 20, "%", 2025, (18.5, 2020)),
        ("森林覆盖率", 23, "%", 2035, (18.5, 2020)),
        ("城市污水处理率", 97, "%", 2025, (95, 2020)),
        ("城市污水处理率", 99, "%", 2035, (95, 2020)),
    ]


def test_a_table_stored_one_cell_per_line_with_two_target_columns() -> None:
    text = (
        "某市碳达峰实施方案\n"
        "一、主要目标\n"
        "序号\n指标名称\n单位\n2020年基期值\n2025年目标值\n2030年目标值\n属性\n"
        "1\n非化石能源消费比重\n%\n10.2\n15\n20\n约束性\n"
        "2\n单位地区生产总值能耗\n吨标准煤/万元\n0.45\n0.39\n0.35\n约束性\n"
    )
    assert rows(text) == [
        ("非化石能源消费比重", 15, "%", 2025, (10.2, 2020)),
        ("非化石能源消费比重", 20, "%", 2030, (10.2, 2020)),
        ("单位地区生产总值能耗", 0.39, "吨标准煤/万元", 2025, (0.45, 2020)),
        ("单位地区生产总值能耗", 0.35, "吨标准煤/万元", 2030, (0.45, 2020)),
    ]


def test_two_columns_named_target_are_both_targets_without_a_base() -> None:
    text = (
        "某市新能源汽车推广方案\n一、目标\n"
        "指标\t单位\t2027年目标\t2030年目标\n公共充电桩\t万个\t1.2\t2\n"
    )
    assert rows(text) == [
        ("公共充电桩", 12_000, "个", 2027, None),
        ("公共充电桩", 20_000, "个", 2030, None),
    ]


# --- 2. tables of the previous plan's results ----------------------------


def test_a_table_of_the_previous_plans_results_gives_no_target() -> None:
    text = (
        "某市综合交通发展“十四五”规划\n"
        "一、发展基础\n"
        "“十三五”规划主要指标完成情况\n"
        "指标\t单位\t2020年目标\t2020年实际值\n"
        "高速公路通车里程\t公里\t800\t820\n"
        "二、发展目标\n"
        "到2025年，高速公路通车里程达到900公里。\n"
    )
    assert rows(text) == [("高速公路通车里程", 900, "公里", 2025, None)]


def test_columns_of_results_only_are_never_targets() -> None:
    text = (
        "某市综合交通发展“十四五”规划\n"
        "一、主要指标\n"
        "指标\t单位\t2020年实际值\t完成情况\n"
        "高速公路通车里程\t公里\t820\t超额完成\n"
    )
    assert targets(text) == []


# --- 4. standards ---------------------------------------------------------


def test_norms_every_unit_must_meet_are_not_targets() -> None:
    text = (
        "某市绿色建筑发展实施方案（2023-2025年）\n"
        "一、重点任务\n"
        "新建住宅层高不低于3米。新建项目绿地率不低于30%。"
        "拆除重建的房屋建筑面积，原则上1人户不低于20平米，2人户不低于30平米。"
        "新建公共建筑应达到节能率75%的标准。"
        "到2025年，城镇新建建筑中绿色建筑面积占比达到100%。\n"
    )
    assert [(t.indicator, t.value, t.kind) for t in targets(text)] == [
        ("城镇新建建筑中绿色建筑面积占比", 100, "share")
    ]


# --- 5. task targets without 达到 ------------------------------------------


def test_work_started_summed_or_named_after_its_object_is_a_task_target() -> None:
    text = (
        "某区城市更新“十五五”规划\n"
        "一、重点任务\n"
        "“十五五”期间，启动30万平方米居住类历史建筑全项目修缮。"
        "完成电四小区、鲁汇一村共计约1.4万平方米成套改造。"
        "实施排水主管检测约123公里，对其中的约24公里进行修复或改造。"
        "四是完成应急避难场所建设144.45万平方米。\n"
    )
    assert [
        (t.indicator, t.value, t.unit, t.year, t.kind, t.comparator) for t in targets(text)
    ] == [
        ("居住类历史建筑全项目修缮", 300_000, "平方米", 2030, "increment", "="),
        ("成套改造", 14_000, "平方米", 2030, "increment", "~"),
        ("排水主管检测", 123, "公里", 2030, "increment", "~"),
        ("修复或改造", 24, "公里", 2030, "increment", "~"),
        ("应急避难场所建设", 1_444_500, "平方米", 2030, "increment", "="),
    ]


def test_stages_give_one_target_per_stage_with_its_year() -> None:
    text = (
        "某区城中村改造实施方案（2026-2030年）\n"
        "一、工作目标\n"
        "2026年全面启动8个整体改造项目动迁腾地，完成三幅安置房地块出让工作。"
        "全市列入计划的老旧小区改造任务，2027年完成30%，2028年完成60%，2029年全部完成。\n"
    )
    assert [(t.value, t.unit, t.year) for t in targets(text)] == [
        (8, "个", 2026),
        (3, "幅", 2026),
        (30, "%", 2027),
        (60, "%", 2028),
    ]


def test_counts_created_anew_are_increments_and_a_count_of_one_is_no_target() -> None:
    text = (
        "某区城市更新行动方案（2023-2025年）\n"
        "一、重点任务\n"
        "到2025年，创建20个“美丽家园”特色小区，创建1个“公园城市示范点”。\n"
    )
    assert [(t.indicator, t.value, t.kind) for t in targets(text)] == [
        ("“美丽家园”特色小区", 20, "increment")
    ]


# --- 6. a labelled lead-in ------------------------------------------------


def test_a_label_and_a_deadline_carry_their_year_to_the_items() -> None:
    text = (
        "某市海绵城市建设实施方案\n"
        "一、工作目标\n"
        "（一）近期目标：到2025年，\n"
        "1.城市建成区40%以上的面积达到海绵城市建设要求。\n"
        "2.新建雨水管网200公里。\n"
        "（二）远期目标：到2035年，\n"
        "1.城市建成区80%以上的面积达到海绵城市建设要求。\n"
    )
    assert [(t.indicator, t.value, t.year, t.kind) for t in targets(text)] == [
        ("城市建成区面积", 40, 2025, "share"),
        ("新建雨水管网", 200, 2025, "increment"),
        ("城市建成区面积", 80, 2035, "share"),
    ]


# --- 7-9. one-for-one rules, from-to, bracketed units ----------------------


def test_one_for_one_rules_are_not_targets() -> None:
    text = (
        "某区老旧小区改造方案（2023-2025年）\n"
        "一、主要任务\n"
        "按照成熟一个、推进一个的原则，一地一策、一企一档，到2025年改造老旧小区100个。\n"
    )
    assert [(t.value, t.unit) for t in targets(text)] == [(100, "个")]


def test_the_first_figure_of_from_to_is_the_baseline() -> None:
    (target,) = targets(
        "某市供水规划（2021-2025年）\n一、目标\n到2025年，日供水能力由12万吨/天提高至24万吨/天。\n"
    )
    assert (target.value, target.unit, target.comparator) == (240_000, "吨/天", ">=")
    assert target.baseline is not None and target.baseline.value == 120_000


def test_a_second_classifier_in_brackets_belongs_to_the_unit() -> None:
    (target,) = targets(
        "某市河道治理方案（2021-2025年）\n一、目标\n到2025年，整治黑臭河道30条（段）。\n"
    )
    assert (target.value, target.unit, target.kind) == (30, "条(段)", "increment")


# --- 10. English ----------------------------------------------------------


def test_english_year_labels_glued_rows_and_past_bullets() -> None:
    text = (
        "Targets:\n"
        "  • 2025: reduce GHGs 25% from 2000 levels\n"
        "  • 30% by 2010 and 80% by 2050 below 2004 GHG baseline\n"
        "Significant Climate Actions:\n"
        "  • Reduced community GHG emissions in 2014 7.5% while population grew\n"
    )
    assert [(t.indicator, t.value, t.year, t.kind) for t in targets(text)] == [
        ("GHGs", -25, 2025, "growth_rate"),
        ("GHG", -30, 2010, "growth_rate"),
        ("GHG", -80, 2050, "growth_rate"),
    ]


def test_english_money_spent_is_a_measure_and_glued_clauses_split() -> None:
    text = (
        "Our Climate Plan 2030\n"
        "Actions\n"
        "The City will invest $2 billion in public transit by 2030.\n"
        "We will mobilise $500 million of private finance by 2030.\n"
        "The city will require buildings over 50,000 square feet to report energy use.\n"
        "We will cut emissions 50% by 2030 and plant 10,000 trees by 2028.\n"
    )
    assert [(t.indicator, t.value, t.unit, t.year) for t in targets(text)] == [
        ("private finance", 500_000_000, "USD", 2030),
        ("emissions", -50, "%", 2030),
        ("trees", 10_000, "trees", 2028),
    ]


def test_stage_years_do_not_date_the_total_before_them() -> None:
    text = (
        "某市充电设施建设三年行动计划（2024-2026年）\n"
        "一、目标\n"
        "三年内，全市新建公共充电桩1万个，其中2024年建成3000个，2025年建成3500个，"
        "2026年建成3500个。\n"
    )
    assert [(t.value, t.year, t.kind) for t in targets(text)] == [
        (10_000, 2026, "increment"),
        (3000, 2024, "increment"),
        (3500, 2025, "increment"),
        (3500, 2026, "increment"),
    ]


def test_english_list_of_falls_with_years_and_projections() -> None:
    text = (
        "Our Climate Plan\n"
        "Goals\n"
        "We will cut emissions 50% by 2030 (vs 2011 baseline), 75% by 2040 and 95% by 2050.\n"
        "The City will meet state targets by reducing carbon emissions 60 percent by 2030.\n"
        "The City has a target of 28% urban tree canopy cover by 2030 which would result in "
        "an annual GHG reduction of 82,806 MT CO2e.\n"
        "Emissions are projected to fall 36% by 2040.\n"
        "At least 40% citywide canopy coverage.\n"
    )
    assert [(t.indicator, t.value, t.year, t.kind) for t in targets(text)] == [
        ("emissions", -50, 2030, "growth_rate"),
        ("emissions", -75, 2040, "growth_rate"),
        ("emissions", -95, 2050, "growth_rate"),
        ("carbon emissions", -60, 2030, "growth_rate"),
        ("urban tree canopy cover", 28, 2030, "level"),
        ("citywide canopy coverage", 40, None, "level"),
    ]


def test_creation_counts_slogans_sizes_and_index_values() -> None:
    text = (
        "某区公园城市建设三年行动计划（2024—2026年）\n"
        "一、主要目标\n"
        "形成50个以上可复制推广的案例。\n"
        "“20”是指新建、改建特色园20座。\n"
        "健康某区发展指数达85，绿道总长度达到2400公里以上。\n"
        "新增附属绿地开放度达到80%。\n"
    )
    assert [(t.indicator, t.value, t.unit, t.kind) for t in targets(text)] == [
        ("可复制推广的案例", 50, "个", "level"),
        ("新建、改建特色园", 20, "座", "increment"),
        ("健康某区发展指数", 85, "", "level"),
        ("绿道总长度", 2400, "公里", "level"),
        ("新增附属绿地开放度", 80, "%", "level"),
    ]


def test_a_lead_line_dates_the_goal_lines_after_it() -> None:
    text = (
        "某县农村人居环境整治提升实施方案\n"
        "到2025年，农村人居环境进一步改善。\n"
        "农村卫生厕所普及率达到90%以上；农村生活污水治理率达到65%以上。\n"
    )
    assert [(t.indicator, t.value, t.year) for t in targets(text)] == [
        ("农村卫生厕所普及率", 90, 2025),
        ("农村生活污水治理率", 65, 2025),
    ]


def test_english_aims_under_a_lead_in_and_a_closing_deadline() -> None:
    text = (
        "Recycling and waste targets\n"
        "Our aim is:\n"
        "  • to reduce household waste to under 203.64kg per person\n"
        "  • to recycle/ compost 55% of municipal waste\n"
        "  • no more than 10% of waste going to landfill\n"
        "The aim is to achieve these objectives by the end of 2022.\n"
    )
    assert [
        (t.indicator, t.value, t.unit, t.year, t.comparator, t.kind) for t in targets(text)
    ] == [
        ("household waste", 203.64, "kg per person", 2022, "<=", "level"),
        ("municipal waste", 55, "%", 2022, "=", "share"),
        ("waste going to landfill", 10, "%", 2022, "<=", "share"),
    ]


def test_an_english_aim_line_dates_the_next_lines_and_the_present_is_no_target() -> None:
    text = (
        "Council aims to be smoke free by 2030\n"
        "The council plans to make the area smoke free by 2030.\n"
        "The council plans to reduce smoking prevalence to 5% of the population, "
        "down from the current 11.1%.\n"
        "This will mean reducing the current figure of approximately 20,000 smokers by half.\n"
    )
    assert [(t.indicator, t.value, t.year, t.comparator, t.kind) for t in targets(text)] == [
        ("smoking prevalence", 5, 2030, "<=", "share"),
    ]


def test_a_work_verb_is_shared_by_its_list() -> None:
    text = (
        "2024年某区政府工作报告\n"
        "2024年,内蒙古将改造城镇老旧管网2220公里、老旧小区1639个、棚户区1.56万套。\n"
        "建成投用沿浦、宜山、莒溪等8家卫生院。\n"
        "完成县应急广播指挥中心、18个乡镇应急广播分控中心和752只高音喇叭建设。\n"
        "建设四好农村路55公里。\n"
    )
    assert [(t.indicator, t.value, t.kind) for t in targets(text)] == [
        ("城镇老旧管网", 2220, "increment"),
        ("老旧小区", 1639, "increment"),
        ("棚户区", 15600, "increment"),
        ("卫生院", 8, "level"),
        ("乡镇应急广播分控中心", 18, "increment"),
        ("高音喇叭建设", 752, "increment"),
        ("四好农村路", 55, "increment"),
    ]


def test_progress_columns_of_task_tables_are_reports() -> None:
    piped = (
        "2023年重点任务进展表\n"
        "| 序号 | 任务 | 目标 | 进展 |\n"
        "| 1 | 道路建设 | 新建道路80公里 | 完工建设50.52公里。 |\n"
    )
    assert [(t.indicator, t.value) for t in targets(piped)] == [("新建道路", 80)]
    per_line = (
        "2022年度民生实事项目进度表\n"
        "序号\n项目内容\n当前进度\n牵头单位\n"
        "1\n新增公办幼儿学位1000个。\n50%(马站未开工\n县教育局\n"
        "2\n建设四好农村路55公里。\n95%\n县交通局\n"
    )
    assert [(t.indicator, t.value) for t in targets(per_line)] == [
        ("新增公办幼儿学位", 1000),
        ("四好农村路", 55),
    ]


def test_goal_lists_inside_a_sentence_ratios_rankings_and_age_classes() -> None:
    text = (
        "此外,县长还指出,2013年的主要预期目标是:生产总值增长13%,人口自然增长率控制在3‰以内。\n"
        "卫辉市提出的目标是:GDP增速15%,固定资产投资增速28%。\n"
    )
    assert [(t.indicator, t.value, t.year, t.kind) for t in targets(text)] == [
        ("生产总值", 13, 2013, "growth_rate"),
        ("人口自然增长率", 3, 2013, "growth_rate"),
        ("GDP增速", 15, None, "growth_rate"),
        ("固定资产投资增速", 28, None, "growth_rate"),
    ]
    plan = (
        "某市卫生健康事业发展实施方案(2021-2025年)\n"
        "到2025年,城乡居民收入之比达到2.3:1以上,10家医院进入全国医院排行榜百强,"
        "基本医疗保险参保率保持在98%以上,每千人口拥有3岁以下婴幼儿托位数达到4.5个。\n"
    )
    assert [(t.value, t.unit, t.comparator, t.kind) for t in targets(plan)] == [
        (2.3, ":1", ">=", "level"),
        (10, "家", "=", "level"),
        (98, "%", ">=", "level"),
        (4.5, "个", ">=", "level"),
    ]


def test_headline_years_and_items() -> None:
    anyang = "top\n《政府工作报告》解读2017:十件实事\n  6.新增新型公交车50台。\n"
    assert [(t.value, t.year) for t in targets(anyang)] == [(50, 2017)]
    sichuan = "2023年四川将新开工改造老旧小区5200个 棚户区6.7万套 | 政府工作报告\n正文。\n"
    assert [(t.indicator, t.value, t.year, t.kind) for t in targets(sichuan)] == [
        ("老旧小区", 5200, 2023, "increment"),
        ("棚户区", 67000, 2023, "increment"),
    ]
    wulian = (
        "2013年的主要预期目标是:生产总值增长13%。\n"
        "经初步预计,五莲县2012年全年实现生产总值163亿元,比上年增长13%。\n"
    )
    assert [(t.value, t.year) for t in targets(wulian)] == [(13, 2013)]
