"""What is wrong with an uploaded breakdown table, said where it is."""

from __future__ import annotations

from dataclasses import dataclass

from actionplan.plans.breakdown.layout import COLUMNS


@dataclass(frozen=True)
class Problem:
    """One thing the office must fix (or, as a notice, should know).

    ``sheet``, ``row`` and ``column`` are as Excel shows them (row 7, column
    D); they are empty for a problem with the whole file or sheet.
    """

    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    header: str = ""

    @property
    def column_label(self) -> str:
        """``D（牵头单位）``, the letter alone, the header alone, or ``—``."""
        if self.column and self.header:
            return f"{self.column}（{self.header}）"
        return self.column or self.header or "—"

    @property
    def row_label(self) -> str:
        return str(self.row) if self.row is not None else "—"

    @property
    def sheet_label(self) -> str:
        return self.sheet or "—"

    def sort_key(self) -> tuple[int, int, str]:
        sheets = list(COLUMNS)
        order = sheets.index(self.sheet) + 1 if self.sheet in sheets else 0
        return (order, self.row or 0, self.column.rjust(3))


def in_order(problems: list[Problem]) -> list[Problem]:
    """By sheet, row and column, as the office walks through the file."""
    return sorted(problems, key=Problem.sort_key)
