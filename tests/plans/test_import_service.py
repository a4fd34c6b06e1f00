"""The import service: preview, apply, re-import, failures."""

from __future__ import annotations

from decimal import Decimal

from tests.plans.factories import revised_draft, sample_draft, source

from actionplan.plans.models import Indicator, Measure, Milestone, Plan, Section, Task
from actionplan.plans.services.importing import apply_import, preview_import


def test_it_previews_a_new_plan_without_writing(db: None) -> None:
    preview = preview_import(source(sample_draft()), code="sample")
    assert preview.is_new_plan
    assert len(preview.changes["tasks"].new) == 4
    assert len(preview.changes["measures"].new) == 6
    assert len(preview.changes["indicators"].new) == 2
    assert len(preview.changes["milestones"].new) == 1
    assert Plan.objects.count() == 0


def test_it_creates_the_plan_and_its_content(db: None) -> None:
    version = apply_import(preview_import(source(sample_draft()), code="sample"))
    plan = version.plan
    assert version.number == 1
    assert plan.title == "广州建设国际交往中心三年行动计划"
    assert (plan.period_start, plan.period_end) == (2018, 2020)
    assert Section.objects.filter(plan=plan).count() == 7
    assert list(Task.objects.filter(plan=plan).values_list("number", flat=True)) == [
        "1",
        "2",
        "3",
        "18",
    ]
    airport = Indicator.objects.get(name="白云国际机场旅客吞吐量")
    assert airport.target_value == Decimal("80000000")
    assert airport.task.number == "18"
    assert Measure.objects.filter(task__number="18").count() == 2
    assert Milestone.objects.get().task.number == "3"


def test_it_reimports_a_revised_document_as_a_new_version(db: None) -> None:
    apply_import(preview_import(source(sample_draft()), code="sample"))
    preview = preview_import(source(revised_draft()), code="sample")
    tasks = preview.changes["tasks"]
    assert tasks.moved == [{"from": "2", "to": "3", "title": "发展更高水平的区域合作"}]
    assert tasks.new == [{"number": "2", "title": "建设国际消费中心城市"}]
    assert tasks.gone == [{"number": "3", "title": "打造高端国际会议目的地"}]
    assert tasks.changed == [{"number": "1", "title": "全面推进更高层次双向开放"}]
    version = apply_import(preview)
    assert version.number == 2
    assert version.report["tasks"]["moved"] == tasks.moved
