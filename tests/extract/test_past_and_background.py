"""Target or past fact: section roles, marks of the past and the plan's start.

The decision procedure is in docs/extraction-conventions.md ("How the
extractor decides"); each test is one step of it, on short sentences of the
kind plans are made of.
"""

from __future__ import annotations

import pytest

from actionplan.extract import Target, extract_plan
from actionplan.extract.outline import is_background_heading


def targets(text: str) -> list[Target]:
    return extract_plan(text).targets


def described(text: str) -> list[tuple[str, float, int | None]]:
    return [(t.indicator, t.value, t.year) for t in targets(text)]


@pytest.mark.parametrize(
    "title",
    [
        "发展基础",
        "现实基础",
        "发展现状",
        "现状与形势",
        "面临形势",
        "机遇与挑战",
        "“十四五”时期发展成就",
        "主要目标完成情况",
        "发展新阶段新起点",
        "发展基础与面临形势",
        "Progress so far",
        "Background",
        "Where we are now",
    ],
)
def test_headings_that_review_the_past_are_background(title: str) -> None:
    assert is_background_heading(title)


@pytest.mark.parametrize(
    "title",
    [
        "夯实数字基础设施底座",  # a task: a verb of action, and 基础设施 is no 基础
        "夯实发展基础",
        "抢抓数字经济发展机遇",
        "统筹解决用地用电问题",
        "充分认清形势,提高思想认识",  # a task sentence, not a section name
        "发展目标和主要指标",
        "主要任务",
        "以开展第四次全国文物普查为基础,构建精准保护标准化体系",
    ],
)
def test_task_and_goal_headings_are_not_background(title: str) -> None:
    assert not is_background_heading(title)


def test_a_background_section_holds_no_targets_without_a_deadline_of_their_own() -> None:
    text = (
        "某区国民经济和社会发展第十五个五年规划纲要\n"
        "一、发展基础\n"
        "区级一般公共预算收入年均增速达到8.8%。全区新竣工楼宇面积累计达200万平方米。"
        "税收亿元楼从2020年的30幢增长至40幢。\n"
        "二、发展目标\n"
        "到2030年,全区税收亿元楼达到45幢以上。\n"
    )
    assert described(text) == [("全区税收亿元楼", 45, 2030)]


def test_a_figure_with_its_own_future_deadline_counts_even_in_a_background_section() -> None:
    text = (
        "某市数字经济三年行动计划(2023-2025年)\n"
        "一、发展现状\n"
        "全市已建成5G基站1.2万个,按照规划,到2025年5G基站总数达到2.5万个。\n"
    )
    assert described(text) == [("5G基站总数", 25_000, 2025)]


def test_a_review_of_the_previous_plan_period_is_past() -> None:
    text = (
        "某市国民经济和社会发展第十五个五年规划纲要\n"
        "一、总体要求\n"
        "“十四五”时期,全市地区生产总值年均增长6.5%。\n"
        "到2030年,地区生产总值年均增长5%左右。\n"
    )
    assert [(t.value, t.year) for t in targets(text)] == [(5, 2030)]


def test_a_deadline_before_the_plan_starts_dates_a_past_fact() -> None:
    text = (
        "某市养老服务三年行动方案(2024—2026年)\n"
        "一、工作目标\n"
        "截至2023年底,全市养老床位达到5万张。到2026年,全市养老床位达到6万张。\n"
    )
    assert described(text) == [("全市养老床位", 60_000, 2026)]


@pytest.mark.parametrize(
    "sentence",
    [
        "近年来,全市新增就业岗位10万个。",
        "去年全市地区生产总值增长6%。",
        "全市生活垃圾回收利用率达到了40%。",
        "全区已累计建成口袋公园30座。",
    ],
)
def test_marks_of_the_past_make_a_fact(sentence: str) -> None:
    text = f"某市行动计划(2024-2026年)\n一、重点任务\n(一)推进建设。{sentence}\n"
    assert targets(text) == []


def test_a_change_on_last_year_under_a_future_year_is_a_target() -> None:
    text = (
        "上海港提高靠港船舶岸电使用率实施方案(2023年)\n"
        "一、发展目标\n"
        "2023年,国际集装箱靠港船舶岸电使用量同比2022年增长30%。\n"
    )
    (target,) = targets(text)
    assert (target.indicator, target.value, target.year, target.kind) == (
        "国际集装箱靠港船舶岸电使用量",
        30,
        2023,
        "growth_rate",
    )


def test_a_change_on_last_year_in_an_annual_plan_is_a_target() -> None:
    text = (
        "某区2024年工作要点\n一、主要目标\n"
        "地区生产总值比上年增长6%左右,一般公共预算收入同比增长5%。\n"
    )
    assert [(t.indicator, t.value, t.year) for t in targets(text)] == [
        ("地区生产总值", 6, 2024),
        ("一般公共预算收入", 5, 2024),
    ]


def test_a_change_on_last_year_in_a_multi_year_plan_without_a_future_cue_is_past() -> None:
    plan = "某市行动计划(2024-2026年)\n一、重点任务\n(一)扩大消费。"
    assert targets(plan + "社会消费品零售总额同比增长8%。\n") == []
    aimed = plan + "力争社会消费品零售总额同比增长8%。\n"
    assert [t.value for t in targets(aimed)] == [8]


def test_english_progress_sections_are_background() -> None:
    text = (
        "Green City Strategy 2021-2030\n"
        "1. Progress so far\n"
        "Recycling is at 45% of household waste and will keep rising.\n"
        "2. Our goals\n"
        "We will plant 2 million trees by 2030.\n"
    )
    assert [(t.value, t.unit, t.year) for t in targets(text)] == [(2_000_000, "trees", 2030)]


def test_an_as_of_date_does_not_stand_for_the_plans_start() -> None:
    text = (
        "一、总体要求\n"
        "截至2016年底,全国畜禽粪污综合利用率达到60%。到2020年,全国畜禽粪污综合利用率达到75%以上。\n"
    )
    assert described(text) == [("全国畜禽粪污综合利用率", 75, 2020)]
