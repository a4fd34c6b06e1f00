"""The embedded Guangzhou plan: exactly its nine targets, its outline, its
three milestones, and spans that point into the original file."""

from __future__ import annotations

import pytest

from actionplan.extract import OutlineNode, PlanDraft, Target, extract_plan, seed_text
from actionplan.extract.clean import clean


@pytest.fixture(scope="module")
def original() -> str:
    return seed_text()


@pytest.fixture(scope="module")
def draft(original: str) -> PlanDraft:
    return extract_plan(original)


def normalised(passage: str) -> str:
    """The documented normalisation: what cleaning makes of a passage."""
    return clean(passage).text


# indicator, value, unit, year, comparator, aspirational, kind
SEED_TARGETS = [
    ("入境过夜游客", 10_000_000, "人次", 2020, ">=", False, "level"),
    ("旅游外汇收入", 7_000_000_000, "美元", 2020, ">=", False, "level"),
    ("新增港口通过能力", 30_000_000, "吨", 2020, "=", False, "increment"),
    ("港口货物吞吐量", 650_000_000, "吨", 2020, ">=", False, "level"),
    ("集装箱吞吐量", 25_000_000, "标箱", 2020, ">=", True, "level"),
    ("集装箱国际班轮航线", 120, "条", 2020, "=", False, "level"),
    ("白云国际机场旅客吞吐量", 80_000_000, "人次", 2020, ">=", False, "level"),
    ("国际旅客占比", 23, "%", 2020, ">=", False, "share"),
    ("国际航线", 150, "条", 2020, ">=", False, "level"),
]

TASK_TITLES = [
    "全面推进高层次双向开放",
    "发展更高水平的区域合作",
    "营造国际一流营商环境",
    "深度融入全球创新网络",
    "建设国际创新创业人才高地",
    "打造高端国际会议目的地",
    "建设具有全球影响力的会展之都",
    "打造独具特色的国际文化品牌",
    "建设国际知名旅游目的地",
    "加强教育国际交流合作",
    "提升参与国际事务的水平",
    "深化国际友城交往",
    "吸引国外机构落户广州",
    "广泛开展公共外交和民间友好交往",
    "构筑全方位立体化国际传播格局",
    "大力推进岭南文化走出去",
    "优化驻外机构网络布局",
    "建设通达高效的国际综合交通枢纽",
    "营造友好便捷优美宜居的国际人居环境",
    "提升公共服务国际化水平",
]


def _fields(target: Target) -> tuple[object, ...]:
    return (
        target.indicator,
        target.value,
        target.unit,
        target.year,
        target.comparator,
        target.aspirational,
        target.kind,
    )


def test_it_finds_exactly_the_nine_seed_targets_in_document_order(draft: PlanDraft) -> None:
    assert [_fields(target) for target in draft.targets] == SEED_TARGETS


def test_seed_targets_have_no_baseline(draft: PlanDraft) -> None:
    assert all(target.baseline is None for target in draft.targets)


def test_it_reads_the_title_and_period_despite_the_missing_bracket(draft: PlanDraft) -> None:
    assert draft.title == "广州建设国际交往中心三年行动计划(2018-2020年)"
    assert draft.period is not None
    assert (draft.period.start, draft.period.end) == (2018, 2020)


def test_outline_has_three_parts_with_two_five_and_four_sections(draft: PlanDraft) -> None:
    parts = draft.outline
    assert [(p.number, p.kind, p.title) for p in parts] == [
        ("一", "part", "总体要求"),
        ("二", "part", "重点任务"),
        ("三", "part", "保障措施"),
    ]
    assert [len([c for c in p.children if c.kind == "section"]) for p in parts] == [2, 5, 4]
    assert all(p.level == 1 for p in parts)
    assert all(s.level == 2 for p in parts for s in p.children)


def test_it_finds_the_five_goal_bullets_under_development_goals(draft: PlanDraft) -> None:
    goals = draft.nodes_of_kind("goal")
    assert [g.number for g in goals] == ["——1", "——2", "——3", "——4", "——5"]
    assert goals[0].title == "国际交往动力显著增强"
    assert goals[4].title == "国际交往服务环境不断优化"
    assert {g.path.rsplit("/", 1)[0] for g in goals} == {"一/(二)"}
    assert all(g.level == 3 for g in goals)


def test_it_finds_twenty_tasks_under_the_right_sections(draft: PlanDraft) -> None:
    tasks = draft.nodes_of_kind("task")
    assert [t.number for t in tasks] == [str(n) for n in range(1, 21)]
    assert [t.title for t in tasks] == TASK_TITLES
    sections = {t.number: t.path.rsplit("/", 1)[0] for t in tasks}
    expected = {
        **{str(n): "二/(一)" for n in range(1, 6)},
        **{str(n): "二/(二)" for n in range(6, 11)},
        **{str(n): "二/(三)" for n in range(11, 15)},
        **{str(n): "二/(四)" for n in range(15, 18)},
        **{str(n): "二/(五)" for n in range(18, 21)},
    }
    assert sections == expected


def test_each_sentence_after_a_task_title_is_a_proposed_measure(draft: PlanDraft) -> None:
    task = next(t for t in draft.nodes_of_kind("task") if t.number == "9")
    measures = [c for c in task.children if c.kind == "measure"]
    assert [m.number for m in measures] == ["9.1", "9.2", "9.3", "9.4"]
    assert measures[1].text == "到2020年,接待入境过夜游客达到1000万人次,旅游外汇收入达到70亿美元。"
    assert all(m.level == task.level + 1 for m in measures)


def test_the_damaged_sentence_of_task_18_is_split_at_its_year(draft: PlanDraft) -> None:
    task = next(t for t in draft.nodes_of_kind("task") if t.number == "18")
    texts = [c.text for c in task.children]
    assert texts[0].endswith("走在全国港口前列")
    assert texts[1].startswith("2020年,新增港口通过能力3000万吨")


def test_node_paths_are_unique_and_targets_point_at_existing_nodes(draft: PlanDraft) -> None:
    paths = [node.path for node in draft.nodes()]
    assert len(paths) == len(set(paths))
    assert {t.node for t in draft.targets} <= set(paths)
    assert [t.node for t in draft.targets] == ["二/(二)/9/9.2"] * 2 + ["二/(五)/18/18.2"] * 4 + [
        "二/(五)/18/18.4"
    ] * 3


def test_it_finds_the_three_dated_conferences_as_milestones(draft: PlanDraft) -> None:
    assert [(m.title, m.year) for m in draft.milestones] == [
        ("世界航线发展大会", 2018),
        ("世界港口大会", 2019),
        ("世界大都市协会世界大会", 2020),
    ]
    assert {m.node for m in draft.milestones} == {"二/(二)/6/6.1"}


def test_target_spans_quote_their_sentence_in_the_original_file(
    draft: PlanDraft, original: str
) -> None:
    for target in draft.targets:
        start, end = target.span
        assert normalised(original[start:end]) == target.sentence
        assert target.indicator in target.sentence


def test_the_damaged_sentence_span_starts_at_the_glued_year(
    draft: PlanDraft, original: str
) -> None:
    increment = draft.targets[2]
    start, end = increment.span
    assert original[start : start + 6] == "2020年,"
    assert original[end - 1] == "。"


def test_node_spans_quote_their_text_in_the_original_file(draft: PlanDraft, original: str) -> None:
    def check(node: OutlineNode) -> None:
        start, end = node.span
        assert 0 <= start < end <= len(original)
        assert normalised(original[start:end]) == node.text
        for child in node.children:
            check(child)

    for root in draft.outline:
        check(root)
    part = draft.outline[0]
    assert original[part.span[0] : part.span[1]] == "一、总体要求"


def test_milestone_spans_quote_their_sentence(draft: PlanDraft, original: str) -> None:
    for milestone in draft.milestones:
        start, end = milestone.span
        assert normalised(original[start:end]) == milestone.sentence
        assert milestone.title in milestone.sentence


def test_names_with_numbers_are_kept_apart_from_targets(draft: PlanDraft) -> None:
    names = {q.text for q in draft.named_quantities}
    assert {"4小时", "12小时"} <= names
    assert all(t.unit != "小时" for t in draft.targets)


def test_the_draft_survives_its_json_form(draft: PlanDraft) -> None:
    assert PlanDraft.from_dict(draft.to_dict()) == draft
