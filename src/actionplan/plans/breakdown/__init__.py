"""The task breakdown table (任务分解表) in Excel, out and back in.

- ``layout``: sheets, columns and marks of the workbook;
- ``values``: single cells, made safe on the way out and read on the way in;
- ``export``: a plan → .xlsx bytes (``export_breakdown``);
- ``parse``: .xlsx bytes → typed rows and problems (no database);
- ``validate``: rows against the plan → problems and the changes they make;
- ``apply``: ``import_breakdown``, the one action that writes.
"""

from actionplan.plans.breakdown.apply import ImportResult, import_breakdown
from actionplan.plans.breakdown.export import (
    CONTENT_TYPE,
    export_breakdown,
    export_filename,
)
from actionplan.plans.breakdown.parse import MAX_FILE_BYTES
from actionplan.plans.breakdown.problems import Problem
from actionplan.plans.breakdown.validate import Change

__all__ = [
    "CONTENT_TYPE",
    "MAX_FILE_BYTES",
    "Change",
    "ImportResult",
    "Problem",
    "export_breakdown",
    "export_filename",
    "import_breakdown",
]
