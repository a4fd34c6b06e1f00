"""The import service: preview, apply, re-import, failures."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from tests.plans.factories import revised_draft, sample_draft, source

from actionplan.plans.models import (
    Indicator,
    Measure,
    Milestone,
    Observation,
    Plan,
    PlanVersion,
    Responsibility,
    ResponsibilityRole,
    Section,
    Task,
    Unit,
)
from actionplan.plans.services import importing
from actionplan.plans.services.importing import apply_import, preview_import
from actionplan.plans.services.milestones import update_milestone
from actionplan.plans.services.observations import record_observation
from actionplan.plans.services.responsibilities import assign_unit
from actionplan.plans.sources import ImportFailed


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


def _counts() -> dict[str, int]:
    models = (Plan, PlanVersion, Section, Task, Measure, Indicator, Milestone)
    counts = {model.__name__: model.objects.count() for model in models}
    counts["Observation"] = Observation.objects.count()
    counts["Responsibility"] = Responsibility.objects.count()
    counts["history"] = Task.history.count()  # type: ignore[attr-defined]
    return counts


def test_a_reimport_keeps_what_hangs_on_surviving_tasks(
    plan: Plan, alice: User, port_authority: Unit
) -> None:
    regional = Task.objects.get(plan=plan, number="2")
    airport = Indicator.objects.get(plan=plan, name="白云国际机场旅客吞吐量")
    assign_unit(alice, port_authority, ResponsibilityRole.LEAD, task=regional)
    record_observation(
        alice,
        airport,
        value="73390000",
        period_start=datetime.date(2019, 1, 1),
        period_end=datetime.date(2019, 12, 31),
        source_quality="press",
    )
    milestone = Milestone.objects.get(plan=plan)
    update_milestone(alice, milestone, done=True, outcome="held")

    version = apply_import(preview_import(source(revised_draft()), code="sample"), alice)

    regional.refresh_from_db()
    assert regional.number == "3" and regional.is_current
    assert regional.responsibilities.get().unit == port_authority
    airport.refresh_from_db()
    assert airport.target_value == Decimal("90000000")
    assert airport.observations.get().value == Decimal("73390000")
    # Gone content is retired with its outcome, never deleted.
    milestone.refresh_from_db()
    assert milestone.retired_in == version and milestone.done
    gone = Task.objects.get(plan=plan, title="打造高端国际会议目的地")
    assert gone.retired_in == version
    assert Task.objects.current().filter(plan=plan).count() == 4
    # The history keeps the before, and says who and why.
    before = regional.history.earliest()  # type: ignore[attr-defined]
    assert before.number == "2"
    latest = regional.history.latest()  # type: ignore[attr-defined]
    assert latest.history_user == alice
    assert latest.history_change_reason == "import of version 2 (plan.json)"


def test_a_new_task_takes_the_number_of_a_moved_one(plan: Plan) -> None:
    apply_import(preview_import(source(revised_draft()), code="sample"))
    current = Task.objects.current().filter(plan=plan)
    assert {t.number: t.title for t in current} == {
        "1": "全面推进更高层次双向开放",
        "2": "建设国际消费中心城市",
        "3": "发展更高水平的区域合作",
        "18": "建设通达高效的国际综合交通枢纽",
    }
    new_measure = Measure.objects.current().get(plan=plan, task__number="2")
    assert new_measure.introduced_in.number == 2


def test_importing_the_same_document_again_changes_nothing(plan: Plan) -> None:
    before = _counts()
    preview = preview_import(source(sample_draft()), code="sample")
    assert preview.unchanged
    version = apply_import(preview)
    assert version.number == 1
    assert _counts() == before


def test_it_refuses_to_apply_a_stale_preview(plan: Plan) -> None:
    stale = preview_import(source(revised_draft()), code="sample")
    apply_import(preview_import(source(revised_draft(), "other.json"), code="sample"))
    with pytest.raises(ImportFailed, match="the plan changed since the preview"):
        apply_import(stale)


def test_a_crash_midway_leaves_the_database_as_it_was(
    plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _counts()

    def crash(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(importing._Applier, "_indicators", crash)
    with pytest.raises(RuntimeError, match="disk full"):
        apply_import(preview_import(source(revised_draft()), code="sample"))
    assert _counts() == before
    assert Task.objects.get(plan=plan, number="2").title == "发展更高水平的区域合作"


def test_it_stores_the_document_its_checksum_and_the_report(plan: Plan) -> None:
    version = plan.latest_version
    assert version is not None
    assert version.filename == "plan.json"
    assert len(version.checksum) == 64
    assert version.draft["title"] == "广州建设国际交往中心三年行动计划"
    assert version.report["tasks"]["new"][0] == {"number": "1", "title": "全面推进高层次双向开放"}


def test_it_keeps_indicators_the_office_added_through_reimports(plan: Plan) -> None:
    task = Task.objects.get(plan=plan, number="18")
    added = Indicator.objects.create(
        plan=plan,
        introduced_in=task.introduced_in,
        origin="added",
        name="白云机场出入境旅客",
        unit="人次",
        task=task,
    )
    apply_import(preview_import(source(revised_draft()), code="sample"))
    added.refresh_from_db()
    assert added.is_current


def test_a_reimport_keeps_a_correction_the_document_does_not_contradict(
    plan: Plan, alice: User
) -> None:
    # The office corrects both targets (say, in the breakdown table); the
    # revised document restates the port target as before and raises the
    # airport one.
    port = Indicator.objects.get(plan=plan, name="港口货物吞吐量")
    airport = Indicator.objects.get(plan=plan, name="白云国际机场旅客吞吐量")
    for indicator, value in ((port, "660000000"), (airport, "85000000")):
        indicator.target_value = Decimal(value)
        indicator.save()

    preview = preview_import(source(revised_draft()), code="sample")
    changed = [entry["title"] for entry in preview.changes["indicators"].changed]
    assert not any("港口货物吞吐量" in title for title in changed)
    apply_import(preview, alice)

    port.refresh_from_db()
    airport.refresh_from_db()
    assert port.target_value == Decimal("660000000")
    assert airport.target_value == Decimal("90000000")
    assert airport.stated["value"] == "90000000.0"
