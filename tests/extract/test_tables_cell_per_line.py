"""Indicator tables stored one cell per line (ruling 33), and target cells in words."""

from __future__ import annotations

from actionplan.extract import Target, extract_plan


def rows(text: str) -> list[tuple[str, float, str, int | None, str, str]]:
    return [
        (t.indicator, t.value, t.unit, t.year, t.comparator, t.kind)
        for t in extract_plan(text).targets
    ]


def lines(*cells: str) -> str:
    return "\n\n".join(cells)


PLAN = "某区国民经济和社会发展第十五个五年规划纲要\n一、发展目标和主要指标\n主要指标\n"


def test_a_table_with_one_cell_per_line_gives_a_target_per_row() -> None:
    table = lines(
        *("序号", "指标名称", "单位", "属性", "“十五五”目标"),
        *("1", "全员劳动生产率", "万元/人", "预期性", "55左右"),
        *("2", "主导产业税收占全区税收比重", "%", "预期性", "≥58"),
        *("3", "每万人口高价值发明专利拥有量", "件/万人", "预期性", "85左右"),
        *("4", "养老机构护理型床位占比", "%", "预期性", ">75"),
        *("5", "地表水优良水体比例", "%", "约束性", "100"),
    )
    assert rows(PLAN + table + "\n二、主要任务\n") == [
        ("全员劳动生产率", 550_000, "元/人", 2030, "~", "level"),
        ("主导产业税收占全区税收比重", 58, "%", 2030, ">=", "share"),
        ("每万人口高价值发明专利拥有量", 85, "件/万人", 2030, "~", "level"),
        ("养老机构护理型床位占比", 75, "%", 2030, ">=", "share"),
        ("地表水优良水体比例", 100, "%", 2030, "=", "share"),
    ]


def test_cells_without_a_figure_and_wrapped_cells_give_nothing_and_break_nothing() -> None:
    table = lines(
        *("序号", "指标名称", "单位", "属性", "“十五五”目标"),
        *("1", "地区生产总值年均增速", "%", "预期性", "与全市经济增速", "保持同步"),
        *("2", "筹措供应床位", "张", "预期性", "完成市下达目标"),
        *("3", "数字经济企业数", "家", "预期性", "9000左右"),
    )
    assert rows(PLAN + table) == [("数字经济企业数", 9000, "家", 2030, "~", "level")]


def test_a_margin_over_another_rate_is_a_rate_of_its_row() -> None:
    table = lines(
        *("序号", "指标名称", "单位", "属性", "“十五五”目标"),
        *("1", "新兴产业税收年均增速", "%", "预期性", "高于全区税收年均增速3个百分点以上"),
    )
    assert rows(PLAN + table) == [("新兴产业税收年均增速", 3, "百分点", 2030, ">=", "growth_rate")]


def test_merged_category_cells_and_a_value_equal_to_the_next_row_number() -> None:
    table = lines(
        *("类别", "序号", "指标", "单位", "属性", "目标"),
        *("促发展", "1", "片区更新数量", "个", "预期性", "2"),
        *("2", "商办楼宇更新数量", "个", "预期性", "25"),
        *("惠民生", "3", "老旧住房综合修缮面积", "万平方米", "约束性", "90"),
        *("4", "完整社区建设覆盖率", "%", "预期性", "2027年60%,2028年进一步优化布局"),
    )
    assert rows(PLAN + table) == [
        ("片区更新数量", 2, "个", 2030, "=", "increment"),
        ("商办楼宇更新数量", 25, "个", 2030, "=", "increment"),
        ("老旧住房综合修缮面积", 900_000, "平方米", 2030, "=", "increment"),
        ("完整社区建设覆盖率", 60, "%", 2027, "=", "level"),
    ]


def test_two_indicator_columns_wrapped_headers_baselines_and_empty_cells() -> None:
    table = "\n".join(
        [
            *("类别", "序号", "一级指标", "二级指标", "单位", "属性"),
            *("“十四五”", "完成值", "“十五五”", "目标值", ""),
            *("建设宜居城区", "1", "推进老旧小区整治改造", "老旧小区整治改造面积", "万平方米"),
            *("预期性", "240", "300", ""),
            *("2", "老旧街区改造数量", "个", "预期性", "", "≥5", ""),
            *("3", "人均应急避难面积", "平方米", "约束性", ">1.5", ">1.7"),
        ]
    )
    draft = extract_plan(PLAN + table)
    assert [(t.indicator, t.value, t.unit, t.comparator) for t in draft.targets] == [
        ("老旧小区整治改造面积", 3_000_000, "平方米", "="),
        ("老旧街区改造数量", 5, "个", ">="),
        ("人均应急避难面积", 1.7, "平方米", ">="),
    ]
    first = draft.targets[0].baseline
    assert first is not None and (first.value, first.year) == (2_400_000, 2025)


def test_row_spans_quote_the_row_and_the_number() -> None:
    text = PLAN + lines(
        *("序号", "指标名称", "单位", "属性", "“十五五”目标"),
        *("1", "外国人来华工作许可审批数量", "人次", "预期性", "≥25000"),
    )
    (target,) = extract_plan(text).targets
    start, end = target.span
    assert text[start:end].startswith("1") and text[start:end].endswith("≥25000")


def test_header_words_in_prose_are_no_table() -> None:
    text = (
        "某市行动计划(2024-2026年)\n一、主要目标\n"
        "指标\n单位\n目标\n到2026年,全市充电桩达到5000个。\n"
    )
    assert [(t.indicator, t.value) for t in extract_plan(text).targets] == [("全市充电桩", 5000)]


def test_tab_tables_also_read_target_cells_in_words() -> None:
    text = (
        "某市国民经济和社会发展第十四个五年规划纲要\n一、主要指标\n"
        "序号\t指标\t单位\t2020年\t2025年\t属性\n"
        "1\t新兴产业增加值增速\t%\t8\t高于地区生产总值增速2个百分点\t预期性\n"
    )
    target: Target
    (target,) = extract_plan(text).targets
    assert (target.value, target.unit, target.year, target.kind) == (
        2,
        "百分点",
        2025,
        "growth_rate",
    )


def test_tab_rows_with_a_merged_category_cell_or_an_empty_last_cell() -> None:
    text = (
        "某市国民经济和社会发展第十四个五年规划纲要\n一、主要指标\n"
        "类别\t序号\t指标\t单位\t2020年\t2025年\t属性\n"
        "经济发展\t1\t地区生产总值\t亿元\t25019\t35000\t预期性\n"
        "2\t常住人口城镇化率\t%\t74\t≥78\t预期性\n"
        "创新驱动\t3\t研发经费投入强度\t%\t2.9\t3.5\n"
    )
    assert [(t.indicator, t.value, t.comparator) for t in extract_plan(text).targets] == [
        ("地区生产总值", 3.5e12, "="),
        ("常住人口城镇化率", 78, ">="),
        ("研发经费投入强度", 3.5, "="),
    ]


def test_markdown_tables_in_english_with_baseline_and_target_columns() -> None:
    text = (
        "Climate Strategy 2020-2030\n"
        "| Indicator | Unit | Baseline (2019) | Target (2030) |\n"
        "|---|---|---|---|\n"
        "| Renewable electricity share | % | 20 | 60 |\n"
        "| Household waste recycled | % | 41 | ≥65 |\n"
    )
    draft = extract_plan(text)
    assert [(t.indicator, t.value, t.year, t.comparator, t.kind) for t in draft.targets] == [
        ("Renewable electricity share", 60, 2030, "=", "share"),
        ("Household waste recycled", 65, 2030, ">=", "level"),
    ]
    first = draft.targets[0].baseline
    assert first is not None and (first.value, first.year) == (20, 2019)
