"""Helpers for the breakdown tests: the exported workbook of the Guangzhou
default as openpyxl sees it, edits to it, and a snapshot of everything an
import could change (rows and their history), to prove that a refused file
wrote nothing."""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO
from typing import Any

import pytest
from django.utils import translation
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from actionplan.plans.breakdown import export_breakdown
from actionplan.plans.breakdown.layout import FIRST_DATA_ROW, SHEET_INDICATORS, SHEET_TASKS
from actionplan.plans.models import Indicator, Measure, Plan, Responsibility, Task

# Columns of the exported sheets (layout.TASK_COLUMNS / INDICATOR_COLUMNS).
TASK_COLUMN = {"number": "A", "task": "B", "measure": "C", "leads": "D", "cooperating": "E"}
TASK_COLUMN |= {"deadline": "F", "illustrative": "G", "key": "H"}
INDICATOR_COLUMN = {"number": "A", "name": "B", "unit": "C", "baseline_value": "D"}
INDICATOR_COLUMN |= {"baseline_year": "E", "target_value": "F", "target_year": "G"}
INDICATOR_COLUMN |= {"comparator": "H", "lead": "I", "key": "J"}


@pytest.fixture
def english() -> Iterator[None]:
    """Messages in English, the language of the msgids the tests read."""
    with translation.override("en"):
        yield


def exported(plan: Plan) -> Workbook:
    return load_workbook(BytesIO(export_breakdown(None, plan)))


def to_bytes(workbook: Workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def tasks_sheet(workbook: Workbook) -> Worksheet:
    return workbook[SHEET_TASKS]


def indicators_sheet(workbook: Workbook) -> Worksheet:
    return workbook[SHEET_INDICATORS]


def row_of(sheet: Worksheet, key: str) -> int:
    """The row whose 系统编号 (the last column) is ``key``."""
    column = sheet.max_column
    for row in range(FIRST_DATA_ROW, sheet.max_row + 1):
        if sheet.cell(row, column).value == key:
            return row
    raise AssertionError(f"no row with key {key}")


def task_key(task: Task) -> str:
    return f"T{task.pk}"


def measure_key(measure: Measure) -> str:
    return f"M{measure.pk}"


def snapshot(plan: Plan) -> dict[str, Any]:
    """What an import may change, and the history it would leave."""
    return {
        "responsibilities": sorted(
            Responsibility.objects.values_list(
                "unit_id", "role", "task_id", "measure_id", "illustrative", "note"
            ),
            key=repr,
        ),
        "task deadlines": sorted(
            Task.objects.filter(plan=plan).values_list("pk", "deadline"), key=repr
        ),
        "measure deadlines": sorted(
            Measure.objects.filter(plan=plan).values_list("pk", "deadline"), key=repr
        ),
        "indicators": sorted(
            Indicator.objects.filter(plan=plan).values_list(
                "pk",
                "baseline_value",
                "baseline_year",
                "target_value",
                "target_year",
                "comparator",
                "direction",
            ),
            key=repr,
        ),
        "history": {
            model.__name__: model.history.count()  # type: ignore[attr-defined]
            for model in (Responsibility, Task, Measure, Indicator)
        },
    }
