"""Rules for patterns a second round of blind evaluations missed: years in
headings of annual plans and work reports, US dates as deadlines, years that
qualify a noun, work quantities listed after a bare year, work verbs and
counts whose work comes after the noun, running totals, bracketed parts, and
English reports, rates, line breaks and elided verbs. Each snippet is written
the way such plans write it (see the Precisions in
docs/extraction-conventions.md and rulings 43-44 of the corpus README)."""

from __future__ import annotations

import pytest

from actionplan.extract import Target, extract_plan


def targets(text: str) -> list[Target]:
    return extract_plan(text).targets


def rows(text: str) -> list[tuple[object, ...]]:
    return [(t.indicator, t.value, t.unit, t.year, t.comparator, t.kind) for t in targets(text)]


# --- 1. a heading that states a year governs the lines under it ------------

_GOALS = "地区生产总值增长6%左右\n规模以上工业增加值增长7%\n"


@pytest.mark.parametrize(
    ("head", "year"),
    [
        ("某市2023年政府工作报告\n二、2023年经济社会发展主要目标\n", 2023),
        ("某区政府工作报告\n一、过去五年工作回顾\n二、2024年主要目标\n", 2024),
        ("某县工作要点\n一、总体要求\n(一)2025年工作目标\n", 2025),
        ("2023年国民经济和社会发展计划\n", 2023),
        # A heading line without an outline number.
        ("某市政府工作报告\n2023年经济社会发展主要目标\n", 2023),
        ("某县政府工作报告\n2024年重点工作安排\n", 2024),
    ],
)
def test_a_year_in_a_heading_or_an_annual_title_dates_the_lines_of_figures(
    head: str, year: int
) -> None:
    assert rows(head + _GOALS) == [
        ("地区生产总值", 6, "%", year, "~", "growth_rate"),
        ("规模以上工业增加值", 7, "%", year, "=", "growth_rate"),
    ]


def test_a_heading_line_that_reviews_a_year_dates_nothing() -> None:
    text = "某县政府工作报告\n2023年工作回顾\n地区生产总值增长6%左右\n"
    assert [t.year for t in targets(text)] == [None]


# --- 2. US dates, fiscal years and "no later than" -------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "By December 31, 2028, reduce homelessness by 25 percent.",
            ("homelessness", -25, "%", 2028, "=", "growth_rate"),
        ),
        ("We will build 500 homes by June 2027.", ("homes", 500, "homes", 2027, "=", "increment")),
        (
            "We will plant 2,000 trees by the end of 2030.",
            ("trees", 2000, "trees", 2030, "=", "increment"),
        ),
        (
            "The department will reduce energy use by 10% by FY2026.",
            ("energy use", -10, "%", 2026, "=", "growth_rate"),
        ),
        (
            "We will install 300 chargers no later than 2030.",
            ("chargers", 300, "chargers", 2030, "=", "increment"),
        ),
        (
            "We will install 40 chargers by spring 2026.",
            ("chargers", 40, "chargers", 2026, "=", "increment"),
        ),
        (
            "We will plant 800 trees by calendar year 2027.",
            ("trees", 800, "trees", 2027, "=", "increment"),
        ),
        (
            "We will build 60 homes by Q4 2025.",
            ("homes", 60, "homes", 2025, "=", "increment"),
        ),
    ],
)
def test_us_dates_and_fiscal_years_are_deadlines(
    sentence: str, expected: tuple[object, ...]
) -> None:
    assert rows("Housing plan\n" + sentence + "\n") == [expected]


def test_a_us_date_that_opens_a_tracking_row_dates_it_and_its_other_cells_are_no_targets() -> None:
    text = (
        "Capital Program\n"
        "Original End Date:\n"
        "Baseline: Progress:\n"
        "6/30/2024 Increase high-impact equity projects 50% 1 0%\n"
    )
    assert rows(text) == [("high-impact equity projects", 50, "%", 2024, "=", "growth_rate")]


# --- 3. a year that qualifies a noun is no deadline ------------------------


def test_a_year_in_a_relative_clause_is_not_the_deadline() -> None:
    text = (
        "某市城镇老旧小区改造实施方案\n"
        "到2025年实施老旧小区改造约250万户、基本完成2000年底前建成的需改造城镇老旧小区改造任务。\n"
    )
    assert rows(text) == [("老旧小区改造", 2_500_000, "户", 2025, "~", "increment")]


def test_a_year_of_a_relative_clause_does_not_stand_for_the_plans_start() -> None:
    text = (
        "某市城镇老旧小区改造实施方案\n"
        "基本完成2000年底前建成的老旧小区改造任务,改造老旧小区3000个。\n"
    )
    assert [t.year for t in targets(text)] == [None]


# --- 4. a bare year after a place, and a list of work quantities ----------


def test_a_year_after_the_place_that_opens_the_clause_dates_a_list_of_work() -> None:
    text = "某市城镇老旧小区更新改造工作方案\n全市2020年计划新开工49个、256万平方米、3.2万户。\n"
    assert rows(text) == [
        ("新开工", 49, "个", 2020, "=", "increment"),
        ("新开工", 2_560_000, "平方米", 2020, "=", "increment"),
        ("新开工", 32_000, "户", 2020, "=", "increment"),
    ]


# --- 5. work verbs, and bracketed breakdowns -------------------------------


def test_work_started_continued_or_improved_is_an_increment() -> None:
    text = "某县2023年工作要点\n新改扩建中小学12所,续建学校5所,改善提升背街小巷50条。\n"
    assert rows(text) == [
        ("中小学", 12, "所", 2023, "=", "increment"),
        ("学校", 5, "所", 2023, "=", "increment"),
        ("背街小巷", 50, "条", 2023, "=", "increment"),
    ]


def test_a_bracketed_breakdown_is_no_target_of_its_own() -> None:
    text = "某县2023年工作要点\n整治125个村庄(包括63个美丽乡村、62个整治村)。\n"
    assert rows(text) == [("村庄", 125, "个", 2023, "=", "increment")]


# --- 6. counts whose work or creation follows the noun ---------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("加快10个商贸项目建设。", ("商贸项目建设", 10, "个")),
        ("100个重点项目开工建设。", ("重点项目开工建设", 100, "个")),
        ("加快推进7公顷工业用地报批。", ("工业用地报批", 7, "公顷")),
        ("首批100个示范社区全面建成。", ("示范社区建成", 100, "个")),
    ],
)
def test_a_count_whose_work_closes_the_clause_is_an_increment(
    sentence: str, expected: tuple[object, ...]
) -> None:
    assert rows("某县2023年工作要点\n" + sentence + "\n") == [(*expected, 2023, "=", "increment")]


# --- 7. running totals in a list of additions -------------------------------


def test_new_additions_carry_over_a_semicolon_list_and_a_total_is_a_level() -> None:
    text = (
        "某市公园建设行动方案(2023-2025年)\n"
        "到2025年,新增口袋公园30个,总计达60个;绿道10条,总计达20条;驿站5座。\n"
    )
    assert rows(text) == [
        ("新增口袋公园", 30, "个", 2025, "=", "increment"),
        ("口袋公园", 60, "个", 2025, ">=", "level"),
        ("绿道", 10, "条", 2025, "=", "increment"),
        ("绿道", 20, "条", 2025, ">=", "level"),
        ("驿站", 5, "座", 2025, "=", "increment"),
    ]


# --- 8. a stated total after bracketed parts -------------------------------


def test_the_total_after_bracketed_parts_is_the_target() -> None:
    text = (
        "某市生态保护方案(2023-2025年)\n"
        "到2025年,划定生态保护区A区(4.73平方公里)、B区(10.46平方公里),共计15.19平方公里。\n"
    )
    assert rows(text) == [("划定生态保护区A区", 15.19, "平方公里", 2025, "=", "level")]


# --- 9. English reports, rates, broken lines, elided verbs -----------------


def test_english_reports_of_the_past_and_investments_are_no_targets() -> None:
    text = (
        "Housing strategy 2020-2025\n"
        "The council aimed to deliver over 1000 homes. It delivered over 1150 homes, "
        "with an investment of over £150m.\n"
    )
    assert rows(text) == []


def test_a_count_being_delivered_names_no_unit() -> None:
    text = (
        "Housing strategy 2020-2025\n"
        "We will deliver 1,000 new homes by 2025, with 400 being delivered in the first two "
        "years.\n"
    )
    assert [t.unit for t in targets(text)] == ["homes"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            "Increase the use of inter modal\nservices by 20 percent.\n",
            ("use of inter modal services", 20, "%", 2030, "=", "growth_rate"),
        ),
        (
            "We will reduce car trips by 25\npercent by 2030.\n",
            ("car trips", -25, "%", 2030, "=", "growth_rate"),
        ),
    ],
)
def test_an_english_goal_broken_over_two_lines_is_read_whole(
    lines: str, expected: tuple[object, ...]
) -> None:
    assert rows("Transport plan 2020-2030\n" + lines) == [expected]


def test_increase_by_a_percentage_the_number_of_things_is_their_growth() -> None:
    text = (
        "Transport plan 2020-2030\nIncrease by 50 percent the number of electric buses by 2030.\n"
    )
    assert rows(text) == [("number of electric buses", 50, "%", 2030, "=", "growth_rate")]


def test_a_rate_per_100000_persons_keeps_its_denominator_in_the_unit() -> None:
    text = "Health plan 2020-2030\nReduce the suicide rate to 20/100,000 persons by 2030.\n"
    assert rows(text) == [("suicide rate", 20, "per 100,000 persons", 2030, "<=", "level")]


def test_a_second_subject_shares_the_verb_of_the_first() -> None:
    text = (
        "Rental plan\n"
        "By September 30, 2023, maximize the reach of rental assistance by increasing occupancy "
        "rates to 96% in public housing and the budget utilization rate to 100% in the voucher "
        "program.\n"
    )
    assert rows(text) == [
        ("occupancy rates", 96, "%", 2023, ">=", "level"),
        ("budget utilization rate", 100, "%", 2023, ">=", "level"),
    ]


# --- 10. 力争 binds its own clause; shares and their thresholds -------------


def test_aspiration_binds_its_own_clause_and_a_shares_condition_holds_a_threshold() -> None:
    text = (
        "某县2024年工作要点\n力争实现20%的村集体年收入超30万元,新增年收入超50万元的经济强村5个。\n"
    )
    assert [(t.indicator, t.value, t.unit, t.kind, t.aspirational) for t in targets(text)] == [
        ("村集体年收入超30万元", 20, "%", "share", True),
        ("新增年收入超50万元的经济强村", 5, "个", "increment", False),
    ]


def test_a_bound_after_figures_listed_side_by_side_bounds_each() -> None:
    text = (
        "某市2023年国民经济和社会发展计划\n"
        "城乡居民人均可支配收入分别增长7%、8%左右;居民消费价格涨幅3%左右。\n"
    )
    assert [(t.value, t.comparator, t.kind) for t in targets(text)] == [
        (7, "~", "growth_rate"),
        (8, "~", "growth_rate"),
        (3, "~", "growth_rate"),
    ]


# --- second round: a list of the year's work in a news report ---------------


def test_a_list_of_the_years_work_reads_each_item_and_the_past_paragraph_is_past() -> None:
    text = (
        "记者从全市工作会议上获悉,今年我市将力争完成市政投资3亿元,新建道路面积5万平方米;"
        "筹建公租房1240套,发放租赁住房补贴1100户,基本建成3100套;旧城改造建筑面积30万平方米。\n"
        "过去一年,我市完成投资2.4亿元,新建改造道路16.45万平方米。\n"
    )
    assert [(t.indicator, t.value, t.unit, t.kind, t.aspirational) for t in targets(text)] == [
        ("市政投资", 300_000_000, "元", "increment", True),
        ("新建道路面积", 50_000, "平方米", "increment", False),
        ("公租房", 1240, "套", "increment", False),
        ("公租房", 3100, "套", "level", False),
        ("旧城改造建筑面积", 300_000, "平方米", "increment", False),
    ]


def test_an_english_figure_after_from_is_a_starting_point() -> None:
    text = (
        "Fleet plan\n"
        "The plan sets actions to reduce fleet emissions from approximately 4,500 vehicles. "
        "We will convert 250 vehicles to EVs by 2025.\n"
    )
    assert rows(text) == [("vehicles", 250, "vehicles", 2025, "=", "increment")]


def test_stars_that_decorate_a_headline_do_not_hide_its_figure() -> None:
    text = "2023年我国将新开工改造城镇老旧小区5.3万个以上******\n"
    assert rows(text) == [("城镇老旧小区", 53_000, "个", 2023, ">=", "increment")]


def test_a_year_the_work_is_planned_for_is_a_deadline_even_before_a_later_one() -> None:
    text = (
        "某市城镇老旧小区更新改造工作方案\n"
        "全市2020年计划新开工49个、256万平方米、3.2万户。"
        "到“十四五”期末,力争基本完成2000年底前建成的城镇老旧小区改造任务。\n"
    )
    assert [(t.value, t.year) for t in targets(text)] == [
        (49, 2020),
        (2_560_000, 2020),
        (32_000, 2020),
    ]


def test_a_us_date_after_a_count_ends_its_noun() -> None:
    text = "Transit plan\nWe will add 12 miles of bus lanes no later than December 31, 2027.\n"
    assert rows(text) == [("bus lanes", 12, "miles", 2027, "=", "increment")]


# --- 7. reviews of the year before, and the goals of the year ---------------


def test_goals_of_a_year_make_the_lines_under_an_earlier_year_a_review() -> None:
    text = (
        "政府工作报告摘要\n■ 2024年成绩单\n●预计全省地区生产总值增长6%左右\n"
        "■ 2025年经济社会发展的主要预期目标\n●经济增长6%左右\n"
    )
    assert [(t.indicator, t.year) for t in targets(text)] == [("经济", 2025)]


def test_a_lead_in_for_a_year_makes_an_earlier_bare_year_past() -> None:
    text = (
        "某省两会\n根据政府工作报告,2024年全省一般公共预算收入3614.6亿元、增长0.6%。\n"
        "2025年经济社会发展的主要预期目标是:全省地区生产总值增长5%左右。\n"
    )
    assert [(t.indicator, t.value, t.year) for t in targets(text)] == [
        ("全省地区生产总值", 5, 2025)
    ]


def test_a_headline_that_reports_a_year_and_plans_the_next_is_the_later_years() -> None:
    text = "2024年某省地区生产总值预计可实现全年预期目标,2025年计划增长5.0%—5.5%\n"
    assert rows(text) == [("某省地区生产总值", 5.0, "%", 2025, ">=", "growth_rate")]


def test_aspiration_with_its_own_object_and_a_semicolon_end_its_reach() -> None:
    text = (
        "到2025年,全省地区生产总值增长5%,根据实际情况争取更好的结果,出口增长3%左右。\n"
        "力争通过三年时间,相关企业数量突破5000家;到2027年,培育龙头企业10家。\n"
    )
    assert [t.aspirational for t in targets(text)] == [False, False, True, False]


def test_a_destination_between_verb_and_figure_keeps_the_verb() -> None:
    text = "到2026年,开通至周边机场2-3条通用航空短途运输航线、100条以上无人机航线。\n"
    assert [(t.indicator, t.value, t.comparator) for t in targets(text)] == [
        ("通用航空短途运输航线", 2, ">="),
        ("无人机航线", 100, ">="),
    ]


def test_a_rollout_each_year_commits_and_total_ends_the_unit() -> None:
    text = "The plan proposes the rollout of around 75 new chargepoint sockets total each year.\n"
    assert rows(text) == [
        ("new chargepoint sockets", 75, "chargepoint sockets", None, "~", "increment")
    ]


def test_a_unit_glued_to_its_number_and_an_abbreviation_in_brackets() -> None:
    text = "By 2030 we will install 9 gigawatts (GW) of onshore wind and 500MW of solar.\n"
    assert [(t.value, t.unit) for t in targets(text)] == [(9, "gigawatts"), (500, "MW")]
    assert "onshore wind" in targets(text)[0].indicator
