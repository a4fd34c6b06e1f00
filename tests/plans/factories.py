"""Small plan drafts built in code, shaped like the Guangzhou plan, for the
importer tests (they do not need the extractor)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from actionplan.extract.draft import (
    Baseline,
    Milestone,
    OutlineNode,
    Period,
    PlanDraft,
    Target,
)
from actionplan.plans.sources import SourceDocument, checksum

PARTS = {
    "part": 1,
    "section": 2,
    "goal": 3,
    "task": 3,
    "measure": 4,
}


def node(number: str, kind: str, title: str, text: str = "", *children: OutlineNode) -> OutlineNode:
    return OutlineNode(
        number=number,
        level=PARTS[kind],
        kind=kind,  # type: ignore[arg-type]
        title=title,
        text=text or title,
        span=(0, len(text or title)),
        children=list(children),
    )


def _fill(nodes: list[OutlineNode], parent: str = "") -> None:
    for item in nodes:
        item.path = f"{parent}/{item.number}" if parent else item.number
        _fill(item.children, item.path)


def target(indicator: str, value: float, unit: str, node_path: str, **extra: object) -> Target:
    fields: dict[str, object] = {
        "year": 2020,
        "comparator": ">=",
        "aspirational": False,
        "kind": "level",
        "baseline": None,
        "sentence": f"到2020年，{indicator}达到{value}{unit}。",
        "span": (0, 10),
    }
    fields.update(extra)
    return Target(indicator=indicator, value=value, unit=unit, node=node_path, **fields)  # type: ignore[arg-type]


def sample_draft() -> PlanDraft:
    """Version 1: two parts, three tasks, two targets, one milestone."""
    outline = [
        node(
            "一",
            "part",
            "总体要求",
            "",
            node("(一)", "section", "指导思想", "全面贯彻党的十九大精神。"),
            node("(二)", "section", "发展目标", "", node("——1", "goal", "国际交往动力显著增强")),
        ),
        node(
            "二",
            "part",
            "重点任务",
            "",
            node(
                "(一)",
                "section",
                "建设高层次的开放型经济体系",
                "",
                node(
                    "1",
                    "task",
                    "全面推进高层次双向开放",
                    "1. 全面推进高层次双向开放。进一步扩大关键领域对外开放。强化国际贸易中心功能。",
                    node(
                        "1.1",
                        "measure",
                        "进一步扩大关键领域对外开放",
                        "进一步扩大关键领域对外开放。",
                    ),
                    node("1.2", "measure", "强化国际贸易中心功能", "强化国际贸易中心功能。"),
                ),
                node(
                    "2",
                    "task",
                    "发展更高水平的区域合作",
                    "2. 发展更高水平的区域合作。出台实施新一轮参与一带一路建设三年行动计划。",
                    node(
                        "2.1",
                        "measure",
                        "出台实施行动计划",
                        "出台实施新一轮参与一带一路建设三年行动计划。",
                    ),
                ),
                node(
                    "3",
                    "task",
                    "打造高端国际会议目的地",
                    "3. 打造高端国际会议目的地。办好2019年世界港口大会。",
                    node("3.1", "measure", "办好2019年世界港口大会", "办好2019年世界港口大会。"),
                ),
            ),
            node(
                "(五)",
                "section",
                "营造高水平的国际化服务环境",
                "",
                node(
                    "18",
                    "task",
                    "建设通达高效的国际综合交通枢纽",
                    "18. 建设通达高效的国际综合交通枢纽。推进南沙港区四期建设。"
                    "到2020年，白云国际机场旅客吞吐量达到8000万人次。",
                    node("18.1", "measure", "推进南沙港区四期建设", "推进南沙港区四期建设。"),
                    node(
                        "18.2",
                        "measure",
                        "白云国际机场旅客吞吐量达到8000万人次",
                        "到2020年，白云国际机场旅客吞吐量达到8000万人次。",
                    ),
                ),
            ),
        ),
    ]
    _fill(outline)
    return PlanDraft(
        title="广州建设国际交往中心三年行动计划",
        period=Period(2018, 2020),
        outline=outline,
        targets=[
            target("白云国际机场旅客吞吐量", 80_000_000.0, "人次", "二/(五)/18/18.2"),
            target(
                "港口货物吞吐量",
                650_000_000.0,
                "吨",
                "二/(五)/18/18.1",
                baseline=Baseline(590_000_000.0, 2017),
            ),
        ],
        milestones=[
            Milestone(
                title="2019年世界港口大会",
                year=2019,
                sentence="办好2019年世界港口大会。",
                span=(0, 5),
                node="二/(一)/3/3.1",
            )
        ],
    )


def revised_draft() -> PlanDraft:
    """Version 2: a new task 2 pushes 区域合作 to 3 and 会议目的地 is gone;
    task 1 is reworded; the airport target rises; a new target appears."""
    draft = copy.deepcopy(sample_draft())
    section = draft.outline[1].children[0]
    task1, task2, _task3 = section.children
    task1.title = "全面推进更高层次双向开放"
    task1.text = "1. 全面推进更高层次双向开放。进一步扩大关键领域对外开放。强化国际贸易中心功能。"
    task2.number = "3"
    new_task = node(
        "2",
        "task",
        "建设国际消费中心城市",
        "2. 建设国际消费中心城市。培育国际消费新业态。",
        node("2.1", "measure", "培育国际消费新业态", "培育国际消费新业态。"),
    )
    section.children = [task1, new_task, task2]
    _fill(draft.outline)
    draft.targets = [
        target("白云国际机场旅客吞吐量", 90_000_000.0, "人次", "二/(五)/18/18.2"),
        target(
            "港口货物吞吐量",
            650_000_000.0,
            "吨",
            "二/(五)/18/18.1",
            baseline=Baseline(590_000_000.0, 2017),
        ),
        target("国际消费品零售额", 1.15e12, "元", "二/(一)/2/2.1"),
    ]
    draft.milestones = []
    return draft


def source(draft: PlanDraft, filename: str = "plan.json") -> SourceDocument:
    text = json.dumps(draft.to_dict(), ensure_ascii=False)
    return SourceDocument(
        filename=filename, checksum=checksum(text.encode()), text=text, draft=draft
    )


def write_draft(path: Path, draft: PlanDraft) -> Path:
    path.write_text(json.dumps(draft.to_dict(), ensure_ascii=False), encoding="utf-8")
    return path
