"""What is wrong with an uploaded workbook, said where it is: the
breakdown table's ``Problem`` (sheet, row, column, message), in the order
of this workbook's sheets."""

from __future__ import annotations

from actionplan.plans.breakdown.problems import Problem
from actionplan.progress.workbook import layout

__all__ = ["Problem", "in_order"]


def _key(problem: Problem) -> tuple[int, int, str]:
    sheets = layout.SHEET_ORDER
    order = sheets.index(problem.sheet) + 1 if problem.sheet in sheets else 0
    return (order, problem.row or 0, problem.column.rjust(3))


def in_order(problems: list[Problem]) -> list[Problem]:
    """By sheet, row and column, as the reporter walks through the file."""
    return sorted(problems, key=_key)
