"""Report once (一表通): a unit's reports and figures for a period in one
Excel workbook, downloaded pre-filled and uploaded back.

- ``layout``: sheets, columns and the words of the drop-down cells;
- ``items``: what a unit reports on in a period, and what it has reported;
- ``export``: unit + period → .xlsx bytes (``export_workbook``);
- ``parse``: .xlsx bytes → typed rows and problems (no database);
- ``check``: rows against the unit, plan and period → problems and changes;
- ``apply``: ``upload_workbook``, the one action that writes.
"""

from actionplan.progress.workbook.apply import UploadResult, upload_workbook
from actionplan.progress.workbook.export import CONTENT_TYPE, export_filename, export_workbook
from actionplan.progress.workbook.parse import MAX_FILE_BYTES

__all__ = [
    "CONTENT_TYPE",
    "MAX_FILE_BYTES",
    "UploadResult",
    "export_filename",
    "export_workbook",
    "upload_workbook",
]
