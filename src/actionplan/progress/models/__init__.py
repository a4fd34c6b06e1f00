"""The progress models, one small module per concept, re-exported here."""

from actionplan.progress.models.periods import FREQUENCY_MONTHS, Frequency, Period, Schedule
from actionplan.progress.models.reminders import Reminder, ReminderStage
from actionplan.progress.models.reports import Evidence, Report, WorkStatus, evidence_storage
from actionplan.progress.models.rules import FigureRule

__all__ = [
    "FREQUENCY_MONTHS",
    "Evidence",
    "FigureRule",
    "Frequency",
    "Period",
    "Reminder",
    "ReminderStage",
    "Report",
    "Schedule",
    "WorkStatus",
    "evidence_storage",
]
