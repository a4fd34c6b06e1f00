"""Load the embedded default: the Guangzhou plan read from its seed text by
the extractor, its real outcome figures, what became of its milestones, and
an illustrative assignment of municipal departments to its tasks.

All in one transaction; a second run changes nothing (what the office has
edited meanwhile is left as it is).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from actionplan.plans.models import Plan, PlanVersion, Task
from actionplan.plans.seeding.data import SEED_FILE, data_file
from actionplan.plans.seeding.milestones import load_milestones
from actionplan.plans.seeding.outcomes import load_indicators, load_observations
from actionplan.plans.seeding.units import load_assignments, load_units
from actionplan.plans.services.history import save_with_history
from actionplan.plans.services.importing import apply_import, preview_import
from actionplan.plans.sources import source_from_bytes

PLAN_CODE = "guangzhou-iec"
PLAN_TITLE_EN = (
    "Three-Year Action Plan for Building Guangzhou into an International Exchange Centre "
    "(2018-2020)"
)
# Content, not interface text: kept in both languages in the data itself.
PLAN_NOTE = (
    "示例分工：原计划未列明牵头单位和配合单位。本演示为各项任务指定的牵头单位和配合单位"
    "是示例性的假设，并非计划原文。\n"
    "Illustrative assignment: the plan names no lead or cooperating units. The units this "
    "demo assigns to its tasks are an assumption for illustration, not the plan's own.\n\n"
    "原文由广州市人民政府外事办公室于2018年11月30日发布。实际值来自统计公报、运营单位发布和"
    "新闻报道，每个数据均注明来源。\n"
    "Text as published by the Guangzhou Foreign Affairs Office on 2018-11-30. Actual figures "
    "come from statistical releases, operators' reports and the press; each names its source."
)


@dataclass(frozen=True)
class LoadReport:
    version: PlanVersion
    imported: bool
    units_created: int
    responsibilities_created: int
    indicators_added: int
    observations_created: int
    milestones_updated: int

    @property
    def changed_anything(self) -> bool:
        return self.imported or any(
            (
                self.units_created,
                self.responsibilities_created,
                self.indicators_added,
                self.observations_created,
                self.milestones_updated,
            )
        )


def load_default() -> LoadReport:
    with transaction.atomic():
        source = source_from_bytes(data_file(SEED_FILE).read_bytes(), SEED_FILE)
        preview = preview_import(source, code=PLAN_CODE)
        version = apply_import(preview)
        plan = version.plan
        _describe(plan)
        tasks = {t.number: t for t in Task.objects.current().filter(plan=plan)}
        units, units_created = load_units()
        responsibilities = load_assignments(tasks, units)
        indicators, source_units, added = load_indicators(plan, version, tasks)
        observations = load_observations(indicators, source_units)
        milestones = load_milestones(plan)
    return LoadReport(
        version=version,
        imported=not preview.unchanged,
        units_created=units_created,
        responsibilities_created=responsibilities,
        indicators_added=added,
        observations_created=observations,
        milestones_updated=milestones,
    )


def _describe(plan: Plan) -> None:
    if plan.title_en and plan.note:
        return
    plan.title_en = plan.title_en or PLAN_TITLE_EN
    plan.note = plan.note or PLAN_NOTE
    save_with_history(plan, None, "embedded default")
