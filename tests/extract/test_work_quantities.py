"""Quantities of work to complete (ruling 31), years moved ahead (ruling 30),
verbs that open their clause, and support a measure offers (not a target)."""

from __future__ import annotations

import pytest

from actionplan.extract import Target, extract_plan

PLAN = "某区城市更新三年行动计划(2024-2026年)\n一、主要任务\n(一)推进更新。"


def targets(text: str) -> list[Target]:
    return extract_plan(text).targets


def described(text: str) -> list[tuple[str, float, str, int | None, str]]:
    return [(t.indicator, t.value, t.unit, t.year, t.kind) for t in targets(text)]


def test_work_on_a_stock_counted_in_its_own_unit_is_an_increment() -> None:
    text = "到2020年,确保2020年前完成现有200万户建档立卡贫困户存量危房改造任务。"
    assert described(text) == [("建档立卡贫困户存量危房改造", 2_000_000, "户", 2020, "increment")]


def test_the_plans_own_items_counted_as_items_stay_out() -> None:
    assert targets("到2025年,完成20项重点任务,实施5个专项行动。") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("保护修缮15幢历史风貌建筑。", ("历史风貌建筑", 15, "幢", 2026, "increment")),
        ("完成改造项目1.42万平方米。", ("改造项目", 14_200, "平方米", 2026, "increment")),
        (
            "至2026年,实施老旧住房综合修缮90万平方米。",
            ("老旧住房综合修缮", 900_000, "平方米", 2026, "increment"),
        ),
        ("累计盘活低效产业用地5000亩。", ("低效产业用地", 5000, "亩", 2026, "increment")),
        ("新建铁路专用线10条。", ("新建铁路专用线", 10, "条", 2026, "increment")),
    ],
)
def test_work_verbs_make_increments_of_the_plan_period(
    sentence: str, expected: tuple[object, ...]
) -> None:
    assert described(PLAN + sentence) == [expected]


def test_a_clause_that_opens_with_its_figure_shares_the_verb_before() -> None:
    text = PLAN + "至2026年,完成5公里老旧供水管网改造,10公里排水主管修复改造。"
    assert described(text) == [
        ("老旧供水管网改造", 5, "公里", 2026, "increment"),
        ("排水主管修复改造", 10, "公里", 2026, "increment"),
    ]


def test_a_procedure_is_no_quantity_of_work() -> None:
    assert targets("中央下达的危房改造任务必须在台账范围内分配,改造一户、销档一户。") == []


def test_a_year_ahead_of_the_deadline() -> None:
    text = "到2020年,规模养殖场粪污处理设施装备配套率达到95%以上,大型规模养殖场提前一年达到100%。"
    found = targets(text)
    assert [(t.value, t.year) for t in found] == [(95, 2020), (100, 2019)]
    assert not found[1].indicator.endswith(("提前一年", "提前一"))


def test_bound_words_between_verb_and_figure() -> None:
    (target,) = targets("至2027年,完成不少于421公里燃气老化管道改造。")
    assert (target.value, target.comparator, target.kind) == (421, ">=", "increment")


def test_a_rate_per_area_keeps_its_denominator() -> None:
    (target,) = targets("至2030年,力争路网密度达4.15公里/平方公里。")
    assert (target.value, target.unit, target.aspirational) == (4.15, "公里/平方公里", True)


@pytest.mark.parametrize(
    "sentence",
    [
        "对新认定的国家级企业技术中心,给予一次性奖励100万元。",
        "对研发投入超过1000万元的企业,按10%给予补助,最高不超过500万元。",
        "对年货运量150万吨以上的工矿企业开展专项核查。",
    ],
)
def test_grants_caps_and_thresholds_are_measures_not_targets(sentence: str) -> None:
    assert targets(PLAN + sentence) == []


def test_work_named_after_its_object_with_dui() -> None:
    text = PLAN + "结合车站改造,对300个公交站台进行适老化改造。"
    assert described(text) == [("公交站台适老化改造", 300, "个", 2026, "increment")]
    assert targets(PLAN + "对年货运量150万吨以上的工矿企业开展专项核查。") == []


def test_a_second_figure_inside_the_noun_of_the_first_shares_its_verb() -> None:
    text = PLAN + "三年累计完成1990个积水点改造及28个空洞点位修复工作。"
    assert [(t.value, t.kind) for t in targets(text)] == [(1990, "increment"), (28, "increment")]


def test_a_verb_alone_is_no_subject() -> None:
    text = PLAN + "既有车站厕所改造新增第三卫生间,三年累计改造新增71座。"
    (target,) = targets(text)
    assert (target.indicator, target.value) == ("既有车站厕所改造新增第三卫生间", 71)


def test_square_metres_written_as_a_symbol() -> None:
    (target,) = targets(PLAN + "三年累计完成人行道断头贯通25400㎡。")
    assert (target.value, target.unit) == (25400, "㎡")


def test_the_size_and_cost_of_what_a_task_builds_are_attributes() -> None:
    text = (
        PLAN
        + "建设区市民中心,总建筑面积约10万平方米,总投资约20亿元。"
        + "新建道路20公里,其中主干路全长8公里。"
    )
    assert described(text) == [("新建道路", 20, "公里", 2026, "increment")]


ANNUAL = "某区城市更新2025年度实施计划\n一、行动任务\n(一)设施优化行动\n"


def test_a_rate_that_qualifies_the_object_is_a_standard_not_a_share() -> None:
    text = ANNUAL + "15.完成3万平方米节能率不低于15%的既有公共建筑节能改造。\n"
    assert [(t.value, t.unit, t.kind) for t in targets(text)] == [(30_000, "平方米", "increment")]


def test_a_share_named_by_zhan_and_a_target_requirement() -> None:
    text = ANNUAL + "11.推进海绵城市达标评估,落实海绵城市达标区面积占建成区50%的目标要求。\n"
    (target,) = targets(text)
    assert (target.indicator, target.value, target.year, target.kind) == (
        "海绵城市达标区面积占建成区",
        50,
        2025,
        "share",
    )
