"""Guangzhou's municipal departments, and their illustrative assignment to
the plan's tasks (the plan itself names no lead units)."""

from __future__ import annotations

from actionplan.plans.models import Measure, Responsibility, Task, Unit
from actionplan.plans.seeding.data import read_csv
from actionplan.plans.seeding.errors import SeedDataError
from actionplan.plans.services.history import save_with_history
from actionplan.plans.services.responsibilities import assign_unit

UNITS_FILE = "guangzhou_units.csv"
ASSIGNMENTS_FILE = "guangzhou_assignments.csv"
REASON = "embedded default"


def load_units() -> tuple[dict[str, Unit], int]:
    """Create the units that are missing; fill only blanks of existing ones,
    so that the office's own edits stand. Returns the units by Chinese name
    and how many were created."""
    units: dict[str, Unit] = {}
    created = 0
    for row in read_csv(UNITS_FILE):
        parent = units[row["parent_zh"]] if row["parent_zh"] else None
        unit = Unit.objects.filter(name_zh=row["name_zh"]).first()
        if unit is None:
            unit = Unit(name_zh=row["name_zh"], name_en=row["name_en"], parent=parent)
            save_with_history(unit, None, REASON)
            created += 1
        elif (not unit.name_en and row["name_en"]) or (unit.parent_id is None and parent):
            unit.name_en = unit.name_en or row["name_en"]
            unit.parent = unit.parent or parent
            save_with_history(unit, None, REASON)
        units[unit.name_zh] = unit
    return units, created


def load_assignments(tasks: dict[str, Task], units: dict[str, Unit]) -> int:
    """Assign units to tasks (or measures) as the illustrative 示例分工.
    A unit already on the item keeps what the office gave it."""
    created = 0
    for row in read_csv(ASSIGNMENTS_FILE):
        task = tasks.get(row["task"])
        if task is None:
            raise SeedDataError(f"{ASSIGNMENTS_FILE}: the plan has no task {row['task']}")
        unit = units.get(row["unit"])
        if unit is None:
            raise SeedDataError(f"{ASSIGNMENTS_FILE}: unknown unit {row['unit']}")
        measure: Measure | None = None
        if row["measure_contains"]:
            measure = (
                Measure.objects.current()
                .filter(task=task, text__contains=row["measure_contains"])
                .order_by("position")
                .first()
            )
            if measure is None:
                raise SeedDataError(
                    f"{ASSIGNMENTS_FILE}: task {task.number} has no measure "
                    f"containing {row['measure_contains']}"
                )
        on_task = None if measure is not None else task
        if Responsibility.objects.filter(unit=unit, task=on_task, measure=measure).exists():
            continue
        assign_unit(None, unit, row["role"], task=on_task, measure=measure, illustrative=True)
        created += 1
    return created
