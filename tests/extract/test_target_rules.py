"""The target rules of docs/extraction-conventions.md, one behaviour each."""

from __future__ import annotations

import pytest

from actionplan.extract import Target, extract_plan


def targets(text: str) -> list[Target]:
    return extract_plan(text).targets


def only(text: str) -> Target:
    (target,) = targets(text)
    return target


@pytest.mark.parametrize(
    ("clause", "comparator"),
    [
        ("国际航线达到150条", ">="),
        ("国际航线不低于150条", ">="),
        ("国际航线150条以上", ">="),
        ("国际航线突破150条", ">="),
        ("国际航线超过150条", ">="),
        ("国际航线提高到150条", ">="),
        ("失业率控制在5%以内", "<="),
        ("失业率不超过5%", "<="),
        ("失业率降至5%以下", "<="),
        ("国际航线150条左右", "~"),
        ("国际航线约150条", "~"),
        ("国际航线150条", "="),
    ],
)
def test_comparator_follows_the_words_around_the_figure(clause: str, comparator: str) -> None:
    assert only(f"到2020年,{clause}。").comparator == comparator


@pytest.mark.parametrize(
    ("clause", "kind", "value"),
    [
        ("国际航线达到150条", "level", 150),
        ("新增港口通过能力3000万吨", "increment", 30_000_000),
        ("国际航线增加20条", "increment", 20),
        ("新增国际航线20条", "increment", 20),
        ("国际旅客占比达到23%", "share", 23),
        ("服务业增加值比重达到60%", "share", 60),
        ("地区生产总值增长7%", "growth_rate", 7),
        ("地区生产总值年均增长7%", "growth_rate", 7),
        ("研发投入强度提高0.5个百分点", "growth_rate", 0.5),
        ("单位GDP能耗下降13.5%", "growth_rate", -13.5),
        ("二氧化碳排放减少200万吨", "increment", -2_000_000),
        ("森林覆盖率达到25%", "level", 25),
    ],
)
def test_kind_and_sign_follow_the_verb_and_the_subject(
    clause: str, kind: str, value: float
) -> None:
    target = only(f"到2025年,{clause}。")
    assert (target.kind, target.value) == (kind, value)


def test_a_fall_with_a_bound_keeps_its_comparator() -> None:
    target = only("到2030年,单位国内生产总值二氧化碳排放比2005年下降65%以上。")
    assert (target.value, target.comparator, target.kind) == (-65, ">=", "growth_rate")
    assert target.baseline is None  # a reference year without a value is not a baseline
    assert target.indicator == "单位国内生产总值二氧化碳排放"


def test_a_baseline_is_read_from_by_the_year_of_x_raised_to_y() -> None:
    target = only("到2020年,全市地区生产总值由2017年的2.15万亿元提高到2.8万亿元。")
    assert (target.indicator, target.value, target.unit) == ("全市地区生产总值", 2.8e12, "元")
    assert target.baseline is not None
    assert (target.baseline.value, target.baseline.year) == (2.15e12, 2017)
    assert target.comparator == ">="


def test_one_year_governs_every_clause_of_its_sentence() -> None:
    found = targets("到2020年,A市港口吞吐量达到6亿吨,机场旅客吞吐量达到8000万人次,国际航线150条。")
    assert [t.year for t in found] == [2020, 2020, 2020]
    assert [t.indicator for t in found] == ["A市港口吞吐量", "机场旅客吞吐量", "国际航线"]


def test_a_later_deadline_in_the_sentence_takes_over() -> None:
    found = targets("到2025年,森林覆盖率达到24%;到2030年,森林覆盖率达到25%。")
    assert [(t.value, t.year) for t in found] == [(24, 2025), (25, 2030)]


def test_a_damaged_year_glued_to_the_previous_sentence_still_governs() -> None:
    text = (
        "某港三年行动计划(2018-2020年)\n"
        "1. 建设枢纽港。港口走在全国前列2020年,新增泊位30个,航线达到120条。"
    )
    found = targets(text)
    assert [(t.indicator, t.value, t.year, t.kind) for t in found] == [
        ("新增泊位", 30, 2020, "increment"),
        ("航线", 120, 2020, "level"),
    ]


def test_a_paragraph_lead_deadline_governs_its_later_sentences() -> None:
    text = "到2030年,转型取得显著成效。单位能耗大幅下降;森林蓄积量达到190亿立方米。"
    target = only(text)
    assert (target.value, target.year) == (1.9e10, 2030)


def test_a_lead_in_with_a_colon_governs_the_items_below_it() -> None:
    text = (
        "一、发展目标\n到2025年,主要目标是:\n"
        "(一)常住人口控制在2000万人以内。\n(二)轨道交通运营里程突破1000公里。\n"
        "二、重点任务\n(一)建设轨道交通。\n"
    )
    found = targets(text)
    assert [(t.indicator, t.value, t.year, t.comparator) for t in found] == [
        ("常住人口", 20_000_000, 2025, "<="),
        ("轨道交通运营里程", 1000, 2025, ">="),
    ]


def test_without_a_year_a_target_takes_the_plan_end_year_or_none() -> None:
    with_period = "某市行动计划(2021-2023年)\n一、目标\n1. 全市充电桩达到5000个。"
    assert only(with_period).year == 2023
    without = "某市行动计划\n一、目标\n1. 三年内认定市级众创空间60家以上。"
    target = only(without)
    assert (target.year, target.indicator, target.comparator) == (None, "市级众创空间", ">=")


def test_an_annual_plan_gives_its_year_to_its_targets() -> None:
    text = (
        "2019年政府工作报告确定的主要目标任务分解方案\n一、主要目标\n(一)地区生产总值增长7.5%左右。"
    )
    target = only(text)
    assert (target.year, target.kind, target.comparator) == (2019, "growth_rate", "~")


def test_aspiration_words_mark_the_clause_they_stand_in() -> None:
    found = targets("到2020年,集装箱吞吐量力争达到2500万标箱,集装箱国际班轮航线120条。")
    assert [t.aspirational for t in found] == [True, False]
    lead = targets("力争到2022年,装机容量达到150万千瓦,光伏发电达到10万千瓦。")
    assert [t.aspirational for t in lead] == [True, True]


def test_thousand_that_begins_a_unit_stays_in_the_unit() -> None:
    found = targets("到2022年,新增装机容量150万千瓦,年发电量达到3亿千瓦时,输电线路达到500千米。")
    assert [(t.value, t.unit) for t in found] == [
        (1_500_000, "千瓦"),
        (300_000_000, "千瓦时"),
        (500, "千米"),
    ]
    assert only("到2022年,储能规模达到3千万千瓦。").value == 30_000_000


def test_chinese_numerals_and_percent_words() -> None:
    found = targets("到2025年,全市5G用户普及率达到百分之六十,新能源汽车保有量达到两千万辆。")
    assert [(t.value, t.unit) for t in found] == [(60, "%"), (20_000_000, "辆")]


def test_respectively_gives_each_figure_its_own_target() -> None:
    found = targets("到2019年,城乡居民人均可支配收入分别增长7.5%、8%。")
    assert [(t.indicator, t.value, t.kind) for t in found] == [
        ("城乡居民人均可支配收入", 7.5, "growth_rate"),
        ("城乡居民人均可支配收入", 8, "growth_rate"),
    ]
    paired = targets("到2020年,城镇、农村居民人均收入分别达到6万元、3万元。")
    # A short modifier shares the measure named once after the last subject.
    assert [(t.indicator, t.value) for t in paired] == [
        ("城镇居民人均收入", 60_000),
        ("农村居民人均收入", 30_000),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "推进5G建设,创建4A级景区,落实“十四五”规划。",
        "实施国际友城“百城计划”,形成“12小时航空交通圈”。",
        "根据穗府办〔2018〕12号文件,2018年11月30日起施行。",
        "实施十大工程和20项重点任务,制定三年行动计划。",
        "吸引更多世界500强企业落户,利用好两个市场两种资源。",
        "办好第24届广州博览会。",
        "2017年,全市接待游客2.2亿人次,比上年增长8%。",
        "目前全市已有高新技术企业1万家。",
    ],
)
def test_names_dates_and_past_facts_are_not_targets(text: str) -> None:
    assert targets(text) == []


def test_a_past_fact_does_not_hide_the_target_after_it() -> None:
    found = targets("2017年,全市接待游客2.2亿人次。到2020年,接待游客达到3亿人次。")
    assert [(t.indicator, t.value, t.year) for t in found] == [("游客", 3e8, 2020)]


def test_dated_events_and_completions_are_milestones_not_targets() -> None:
    draft = extract_plan("2019年底前建成南沙港铁路,办好2020年世界大都市协会世界大会。")
    assert draft.targets == []
    assert sorted((m.title, m.year) for m in draft.milestones) == [
        ("世界大都市协会世界大会", 2020),
        ("建成南沙港铁路", 2019),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "We will reduce carbon emissions by 50% by 2030.",
            ("carbon emissions", -50, "%", 2030, "growth_rate", "="),
        ),
        (
            "We will build at least 1,000 new homes by 2025.",
            ("new homes", 1000, "homes", 2025, "increment", ">="),
        ),
        (
            "Renewables will be 40 per cent of electricity by 2030.",
            ("Renewables", 40, "%", 2030, "share", "="),
        ),
        (
            # Money spent is a measure (see test_genre_patterns); money the plan
            # sets out to raise is a target.
            "The council will mobilise £2 million of private finance by 2026.",
            ("private finance", 2_000_000, "GBP", 2026, "level", "="),
        ),
        (
            "Contribute to a 30 per cent reduction in greenhouse gas emissions by 2030.",
            ("greenhouse gas emissions", -30, "%", 2030, "growth_rate", "="),
        ),
    ],
)
def test_english_targets(sentence: str, expected: tuple[object, ...]) -> None:
    target = only(sentence)
    indicator, value, unit, year, kind, comparator = expected
    assert target.value == value
    assert (target.unit, target.year, target.kind, target.comparator) == (
        unit,
        year,
        kind,
        comparator,
    )
    assert str(indicator).lower() in target.indicator.lower()


@pytest.mark.parametrize(
    "sentence",
    [
        "Within 120 days of publication, OMB shall develop metrics.",
        "Conduct risk assessments of all projects above $10 million by 2025.",
        "Support Level 2 charging by 2025.",
        "In 2019 emissions were 700 kilotonnes.",
    ],
)
def test_english_durations_thresholds_labels_and_past_facts_are_not_targets(sentence: str) -> None:
    assert targets(sentence) == []


def test_an_indicator_table_gives_a_target_per_row_with_its_baseline() -> None:
    text = (
        "某市国民经济和社会发展第十四个五年规划纲要\n一、主要指标\n"
        "序号\t指标\t单位\t2020年\t2025年\t属性\n"
        "1\t地区生产总值\t亿元\t25019\t35000\t预期性\n"
        "2\t地区生产总值增长\t%\t6.8\t6左右\t预期性\n"
        "3\t常住人口城镇化率\t%\t74\t≥78\t预期性\n"
        "4\t研发经费投入占地区生产总值比重\t%\t2.9\t3.5\t预期性\n"
        "5\t城镇调查失业率\t%\t—\t<5.5\t约束性\n"
    )
    draft = extract_plan(text)
    assert draft.period is not None and (draft.period.start, draft.period.end) == (2021, 2025)
    rows = [
        (t.indicator, t.value, t.unit, t.year, t.comparator, t.kind, t.baseline)
        for t in draft.targets
    ]
    assert [row[:6] for row in rows] == [
        ("地区生产总值", 3.5e12, "元", 2025, "=", "level"),
        ("地区生产总值增长", 6, "%", 2025, "~", "growth_rate"),
        ("常住人口城镇化率", 78, "%", 2025, ">=", "level"),
        ("研发经费投入占地区生产总值比重", 3.5, "%", 2025, "=", "share"),
        ("城镇调查失业率", 5.5, "%", 2025, "<=", "level"),
    ]
    first = draft.targets[0].baseline
    assert first is not None and (first.value, first.year) == (2.5019e12, 2020)
    assert draft.targets[4].baseline is None
    start, end = draft.targets[0].span
    assert text[start:end] == "1\t地区生产总值\t亿元\t25019\t35000\t预期性"


def test_a_table_without_an_indicator_header_is_left_alone() -> None:
    text = "名单\n张三\t李四\t王五\n100\t200\t300\n"
    assert extract_plan(text).targets == []


def test_list_items_of_counted_things_each_give_a_target() -> None:
    found = targets("到2023年,培育营业收入超百亿元企业5家、超十亿元企业30家。")
    assert [(t.indicator, t.value, t.unit) for t in found] == [
        ("营业收入超百亿元企业", 5, "家"),
        ("超十亿元企业", 30, "家"),
    ]


def test_a_figure_before_a_noun_counts_under_a_deadline_only() -> None:
    assert [(t.indicator, t.value) for t in targets("到2025年,建成10个特色小镇。")] == [
        ("特色小镇", 10)
    ]
    assert targets("建成10个特色小镇。") == []
    assert targets("到2025年,实施十大工程,开展三项行动。") == []


def test_an_index_value_has_no_unit() -> None:
    target = only("到2023年,两化融合发展指数达到110。")
    assert (target.indicator, target.value, target.unit, target.comparator) == (
        "两化融合发展指数",
        110,
        "",
        ">=",
    )


def test_a_verb_before_its_object_still_makes_a_rate_of_change() -> None:
    target = only("到2022年,降低用电成本30%以上。")
    assert (target.indicator, target.value, target.kind, target.comparator) == (
        "用电成本",
        -30,
        "growth_rate",
        ">=",
    )


def test_an_increment_verb_carries_over_a_list_of_counts() -> None:
    found = targets("到2022年,新建国家级重点实验室3家、省级重点实验室50家。")
    assert [(t.value, t.kind) for t in found] == [(3, "increment"), (50, "increment")]


def test_the_plan_period_governs_counts_created_in_its_tasks() -> None:
    text = "某省行动方案(2020—2022年)\n一、重点任务\n1. 拓展场景。打造100个5G应用示范场景。"
    target = only(text)
    assert (target.indicator, target.value, target.year) == ("5G应用示范场景", 100, 2022)
    assert targets("一、重点任务\n1. 拓展场景。打造100个5G应用示范场景。") == []


def test_deadlines_after_the_subject_and_english_actions_are_milestones() -> None:
    chinese = extract_plan("南沙港铁路于2019年底前建成,深水航道拓宽工程于2020年6月底前完成。")
    assert [(m.title, m.year) for m in chinese.milestones] == [
        ("南沙港铁路建成", 2019),
        ("深水航道拓宽工程完成", 2020),
    ]
    english = extract_plan("T7 Draft legislation by 2024 that will enable utilities to sell power.")
    assert [(m.title, m.year) for m in english.milestones] == [("Draft legislation", 2024)]
    assert extract_plan("Complete 30 retrofits by 2030.").milestones == []


def test_a_range_reads_as_at_least_its_lower_bound() -> None:
    found = targets("到2025年,地区生产总值增长6%—7%,常住人口达到1500-1600万人。")
    assert [(t.value, t.unit, t.comparator) for t in found] == [
        (6, "%", ">="),
        (15_000_000, "人", ">="),
    ]


def test_one_figure_given_to_each_subject_with_the_measure_shared() -> None:
    found = targets("到2020年,二氧化硫、氮氧化物排放总量分别比2015年下降15%以上。")
    assert [(t.indicator, t.value, t.comparator) for t in found] == [
        ("二氧化硫排放总量", -15, ">="),
        ("氮氧化物排放总量", -15, ">="),
    ]


def test_regions_split_at_the_list_mark_and_a_place_alone_takes_the_measure() -> None:
    found = targets(
        "到2025年,京津冀及周边地区、汾渭平原PM2.5浓度分别下降20%、15%,"
        "长三角地区PM2.5浓度总体达标,北京市控制在32微克/立方米以内。"
    )
    assert [(t.indicator, t.value) for t in found] == [
        ("京津冀及周边地区", -20),
        ("汾渭平原PM2.5浓度", -15),
        ("北京市PM2.5浓度", 32),
    ]
